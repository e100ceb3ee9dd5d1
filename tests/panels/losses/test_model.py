"""The Loss Curves panel model without Qt: cross-field rules, curve table, CLI check, JSON summary."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.core.params import ParamError
from losslab.maths import losses as L
from losslab.panels.losses import model as lc
from losslab.panels.losses.model import LossCurvesState

MARGIN = L.MARGIN_KEYS
RESIDUAL = L.RESIDUAL_KEYS


def recorder(state: LossCurvesState) -> list[frozenset[str]]:
    calls: list[frozenset[str]] = []
    state.subscribe(calls.append)
    return calls


def invariants_hold(s: LossCurvesState) -> None:
    assert -lc.X_LIMIT <= s.x_min < s.x_max <= lc.X_LIMIT
    assert s.x_max - s.x_min >= lc.MIN_SPAN - 1e-9
    assert s.x_min <= s.probe <= s.x_max
    assert s.selected in L.keys_for(s.mode)


# ---------------------------------------------------------------------- defaults and table
def test_defaults() -> None:
    s = LossCurvesState()
    assert s.panel_key() == "losses" and lc.PANEL.key == "losses"
    assert lc.PANEL.state_type is LossCurvesState
    assert (s.mode, s.x_min, s.x_max, s.probe, s.selected) == ("margin", -3.0, 3.0, 0.0, "hinge")
    assert s.losses == tuple(L.LOSSES)
    assert (s.huber_delta, s.quantile_tau, s.epsilon) == (1.0, 0.5, 0.5)
    assert s.logistic_base == "e" and s.derivatives is False
    invariants_hold(s)


def test_default_table_columns_and_values() -> None:
    s = LossCurvesState()
    t = lc.curve_table(s)
    assert list(t) == ["x", *MARGIN]
    assert all(len(col) == lc.SAMPLES for col in t.values())
    np.testing.assert_array_equal(t["x"], np.linspace(-3.0, 3.0, lc.SAMPLES))
    x = t["x"]
    assert x[0] == -3.0 and x[-1] == 3.0
    np.testing.assert_array_equal(t["zero_one"], L.zero_one(x))
    np.testing.assert_array_equal(t["hinge"], L.hinge(x))
    np.testing.assert_array_equal(t["logistic"], L.logistic(x))
    np.testing.assert_array_equal(t["modified_huber"], L.modified_huber(x))
    # the middle sample is the margin 0: hinge 1, logistic ln 2, 0-1 loss 1
    mid = lc.SAMPLES // 2
    assert x[mid] == pytest.approx(0.0, abs=1e-12)
    assert t["hinge"][mid] == pytest.approx(1.0)
    assert t["logistic"][mid] == pytest.approx(math.log(2.0))
    assert t["zero_one"][mid] == 1.0


def test_table_with_derivatives_and_parameters_in_residual_mode() -> None:
    s = LossCurvesState()
    s.update({"mode": "residual", "derivatives": True, "huber_delta": 0.5, "quantile_tau": 0.8,
              "epsilon": 1.2, "x_min": -4.0, "x_max": 6.0,
              "losses": ("quantile", "huber", "hinge", "squared", "epsilon_insensitive")})
    t = lc.curve_table(s)
    keys = ["squared", "huber", "quantile", "epsilon_insensitive"]  # registry order, mode only
    assert list(t) == ["x", *keys, *[f"d_{k}" for k in keys]]
    x = t["x"]
    np.testing.assert_array_equal(x, np.linspace(-4.0, 6.0, lc.SAMPLES))
    np.testing.assert_array_equal(t["squared"], L.squared(x))
    np.testing.assert_array_equal(t["huber"], L.huber(x, delta=0.5))
    np.testing.assert_array_equal(t["d_huber"], L.d_huber(x, delta=0.5))
    np.testing.assert_array_equal(t["quantile"], L.quantile(x, tau=0.8))
    np.testing.assert_array_equal(t["d_quantile"], L.d_quantile(x, tau=0.8))
    np.testing.assert_array_equal(t["epsilon_insensitive"], L.epsilon_insensitive(x, epsilon=1.2))
    np.testing.assert_array_equal(t["d_epsilon_insensitive"],
                                  L.d_epsilon_insensitive(x, epsilon=1.2))
    np.testing.assert_array_equal(t["d_squared"], 2.0 * x)


def test_logistic_base_2_in_table() -> None:
    s = LossCurvesState()
    s.update({"logistic_base": "2", "derivatives": True, "losses": ("logistic",)})
    t = lc.curve_table(s)
    assert list(t) == ["x", "logistic", "d_logistic"]
    np.testing.assert_array_equal(t["logistic"], L.logistic(t["x"], base=2.0))
    np.testing.assert_array_equal(t["d_logistic"], L.d_logistic(t["x"], base=2.0))
    assert lc.numeric_settings(s)["logistic_base_value"] == 2.0
    s.logistic_base = "e"
    assert lc.numeric_settings(s)["logistic_base_value"] == math.e


def test_table_with_no_visible_loss_has_only_x() -> None:
    s = LossCurvesState()
    s.update({"mode": "residual", "losses": MARGIN, "derivatives": True})
    assert list(lc.curve_table(s)) == ["x"]
    s.losses = ()
    s.mode = "margin"
    assert list(lc.curve_table(s)) == ["x"]


@st.composite
def valid_params(draw) -> dict:
    mode = draw(st.sampled_from(["margin", "residual"]))
    x_min = draw(st.floats(-lc.X_LIMIT, lc.X_LIMIT - lc.MIN_SPAN))
    x_max = draw(st.floats(min(lc.X_LIMIT, x_min + lc.MIN_SPAN), lc.X_LIMIT))
    chosen = draw(st.sets(st.sampled_from(list(L.LOSSES))))
    return {
        "mode": mode,
        "losses": [k for k in L.LOSSES if k in chosen],
        "huber_delta": draw(st.floats(0.05, 5.0)),
        "quantile_tau": draw(st.floats(0.0, 1.0)),
        "epsilon": draw(st.floats(0.0, 5.0)),
        "x_min": x_min,
        "x_max": x_max,
        "logistic_base": draw(st.sampled_from(["e", "2"])),
        "derivatives": draw(st.booleans()),
        "probe": draw(st.floats(x_min, x_max)),
        "selected": draw(st.sampled_from(L.keys_for(mode))),
    }


@settings(max_examples=100, deadline=None)
@given(valid_params())
def test_table_columns_follow_the_rule(params: dict) -> None:
    s = LossCurvesState()
    assert s.from_dict(params, strict=True) == []
    t = lc.curve_table(s)
    visible = [k for k in L.keys_for(s.mode) if k in s.losses]
    want = ["x", *visible] + ([f"d_{k}" for k in visible] if s.derivatives else [])
    assert list(t) == want
    assert tuple(visible) == lc.visible_keys(s)
    x = t["x"]
    assert x[0] == s.x_min and x[-1] == pytest.approx(s.x_max, rel=1e-12, abs=1e-12)
    assert np.all(np.diff(x) > 0)
    settings_ = lc.numeric_settings(s)
    for k in visible:
        info = L.LOSSES[k]
        assert t[k].shape == (lc.SAMPLES,)
        np.testing.assert_array_equal(t[k], info.value(x, settings_))
        assert np.all(np.isfinite(t[k]))
        if s.derivatives:
            np.testing.assert_array_equal(t[f"d_{k}"], info.slope(x, settings_))
    probe = lc.probe_values(s)
    assert list(probe) == visible
    for k, (v, d) in probe.items():
        assert v == float(L.LOSSES[k].value(np.array([s.probe]), settings_)[0])
        assert d == float(L.LOSSES[k].slope(np.array([s.probe]), settings_)[0])


# ---------------------------------------------------------------------- constrain rules (clamp)
def test_x_min_past_x_max_pushes_x_max() -> None:
    s = LossCurvesState()
    calls = recorder(s)
    s.x_min = 5.0
    assert s.x_min == 5.0
    assert s.x_max == pytest.approx(5.0 + lc.MIN_SPAN)
    assert s.probe == 5.0  # the probe followed the range
    assert calls == [frozenset({"x_min", "x_max", "probe"})]
    invariants_hold(s)


def test_x_max_below_x_min_pushes_x_min() -> None:
    s = LossCurvesState()
    s.x_max = -5.0
    assert s.x_max == -5.0
    assert s.x_min == pytest.approx(-5.0 - lc.MIN_SPAN)
    assert s.probe == -5.0
    invariants_hold(s)


def test_range_rules_at_the_limits() -> None:
    s = LossCurvesState()
    s.x_min = 100.0
    assert s.x_max == 100.0 and s.x_min == pytest.approx(100.0 - lc.MIN_SPAN)
    invariants_hold(s)
    s.reset()
    s.x_max = -1000.0  # clamped to -100 first, then the rule keeps the span
    assert s.x_min == -100.0 and s.x_max == pytest.approx(-100.0 + lc.MIN_SPAN)
    invariants_hold(s)


def test_both_ends_touched_moves_x_min() -> None:
    s = LossCurvesState()
    s.update({"x_min": 2.0, "x_max": 1.0})
    assert s.x_max == 1.0 and s.x_min == pytest.approx(1.0 - lc.MIN_SPAN)
    invariants_hold(s)


def test_span_just_too_small_is_widened() -> None:
    s = LossCurvesState()
    s.x_max = s.x_min + 0.05
    assert s.x_max - s.x_min == pytest.approx(lc.MIN_SPAN)
    invariants_hold(s)


def test_probe_clamped_into_range() -> None:
    s = LossCurvesState()
    s.probe = 50.0
    assert s.probe == 3.0
    s.probe = -50.0
    assert s.probe == -3.0
    s.update({"x_min": 10.0, "x_max": 20.0})
    assert s.probe == 10.0
    invariants_hold(s)


def test_selected_follows_mode() -> None:
    s = LossCurvesState()
    calls = recorder(s)
    s.mode = "residual"
    assert s.selected == RESIDUAL[0]
    assert calls == [frozenset({"mode", "selected"})]
    s.selected = "huber"
    s.mode = "residual"  # no change
    assert s.selected == "huber" and len(calls) == 2
    s.mode = "margin"
    assert s.selected == MARGIN[0]
    s.selected = "logistic"
    assert s.selected == "logistic"
    s.selected = "squared"  # a residual loss cannot be explained in margin mode
    assert s.selected == MARGIN[0]
    s.update({"mode": "residual", "selected": "log_cosh"})
    assert (s.mode, s.selected) == ("residual", "log_cosh")


# ---------------------------------------------------------------------- constrain rules (strict)
def test_strict_range_violation_raises_and_changes_nothing() -> None:
    s = LossCurvesState()
    calls = recorder(s)
    before = s.values()
    for change in ({"x_min": 5.0}, {"x_max": -5.0}, {"x_min": 1.0, "x_max": 1.05},
                   {"x_min": 2.0, "x_max": 2.0}):
        with pytest.raises(ParamError) as info:
            s.update(change, clamp=False)
        assert "x_min" in str(info.value) and "x_max" in str(info.value)
    assert s.values() == before and calls == []


def test_strict_probe_outside_range_raises() -> None:
    s = LossCurvesState()
    with pytest.raises(ParamError) as info:
        s.set("probe", 4.0, clamp=False)
    msg = str(info.value)
    assert msg.startswith("probe:") and "allowed" in msg
    assert s.probe == 0.0
    s.set("probe", 3.0, clamp=False)  # the ends are inside
    assert s.probe == 3.0


def test_strict_range_change_drags_an_untouched_probe() -> None:
    s = LossCurvesState()
    s.update({"x_min": 1.0, "x_max": 2.0}, clamp=False)
    assert s.probe == 1.0
    invariants_hold(s)


def test_strict_mode_change_moves_selected() -> None:
    s = LossCurvesState()
    s.set("mode", "residual", clamp=False)
    assert s.selected == RESIDUAL[0]


def test_strict_from_dict_range_violation() -> None:
    s = LossCurvesState()
    problems = s.from_dict({"x_min": 4.0, "huber_delta": 2.0})  # x_max stays 3
    assert len(problems) == 1 and "x_min" in problems[0]
    assert s.x_min == -3.0 and s.huber_delta == 1.0  # all-or-nothing for the rule
    with pytest.raises(ParamError):
        s.from_dict({"x_min": 4.0}, strict=True)


# ---------------------------------------------------------------------- clamp edits keep a saveable state
EDITS = st.one_of(
    st.tuples(st.just("x_min"), st.floats(-150.0, 150.0)),
    st.tuples(st.just("x_max"), st.floats(-150.0, 150.0)),
    st.tuples(st.just("probe"), st.floats(-150.0, 150.0)),
    st.tuples(st.just("mode"), st.sampled_from(["margin", "residual"])),
    st.tuples(st.just("selected"), st.sampled_from(list(L.LOSSES))),
    st.tuples(st.just("huber_delta"), st.floats(-1.0, 10.0)),
)


@settings(max_examples=120, deadline=None)
@given(st.lists(EDITS, min_size=1, max_size=12))
def test_gui_edits_keep_rules_and_round_trip_strictly(edits) -> None:
    """Whatever the GUI policy makes of a drag, the result obeys the rules and can be saved and
    loaded back strictly (a session file must restore what the user saw)."""
    s = LossCurvesState()
    for name, value in edits:
        s.set(name, value)
        invariants_hold(s)
    doc = json.loads(json.dumps(s.to_dict(), allow_nan=False))
    t = LossCurvesState()
    assert t.from_dict(doc, strict=True) == []
    assert t.values() == s.values()
    # and an unrelated strict edit is not refused because of the range
    s.set("epsilon", 1.0, clamp=False)
    assert s.epsilon == 1.0


# ---------------------------------------------------------------------- sessions (hypothesis)
@settings(max_examples=120, deadline=None)
@given(valid_params())
def test_to_dict_from_dict_round_trip(params: dict) -> None:
    s = LossCurvesState()
    assert s.from_dict(params, strict=True) == []
    d = s.to_dict()
    assert d == params  # every valid value is kept exactly (lists for tuples)
    doc = json.loads(json.dumps(d, allow_nan=False))
    t = LossCurvesState()
    calls = recorder(t)
    assert t.from_dict(doc, strict=True) == []
    assert t.values() == s.values()
    assert len(calls) <= 1


# ---------------------------------------------------------------------- check_request
def test_check_request_ignores_losses_not_given() -> None:
    s = LossCurvesState()  # default losses include residual ones, in margin mode
    lc.check_request(s, frozenset())
    lc.check_request(s, frozenset({"mode", "x_min"}))


def test_check_request_rejects_losses_of_the_other_family() -> None:
    s = LossCurvesState()
    s.losses = ("hinge", "huber", "squared")
    with pytest.raises(ParamError) as info:
        lc.check_request(s, frozenset({"losses"}))
    msg = str(info.value)
    assert msg.startswith("losses:")
    assert "squared" in msg and "huber" in msg and "mode=margin" in msg
    assert "allowed" in msg and all(k in msg.split("allowed")[1] for k in MARGIN)
    assert "hinge," not in msg.split("allowed")[0]  # the good one is not blamed
    s.mode = "residual"
    with pytest.raises(ParamError) as info:
        lc.check_request(s, frozenset({"losses", "mode"}))
    assert "hinge" in str(info.value).split("allowed")[0] and "mode=residual" in str(info.value)


@pytest.mark.parametrize(("mode", "losses"), [("margin", MARGIN), ("margin", ("hinge",)),
                                              ("residual", RESIDUAL), ("residual", ()),
                                              ("margin", ())])
def test_check_request_accepts_losses_of_the_mode(mode: str, losses: tuple) -> None:
    s = LossCurvesState()
    s.update({"mode": mode, "losses": losses})
    lc.check_request(s, frozenset({"losses", "mode"}))
    assert lc.PANEL.check_request is lc.check_request


# ---------------------------------------------------------------------- summary
def test_summary_content() -> None:
    s = LossCurvesState()
    s.update({"mode": "residual", "losses": ("huber", "absolute", "hinge"), "probe": 1.5,
              "huber_delta": 1.0, "derivatives": True})
    doc = lc.PANEL.json_document(s)
    assert set(doc) == {"panel", "params", "probe", "columns"}
    assert doc["panel"] == "losses"
    assert doc["params"] == s.to_dict()
    assert doc["probe"] == {
        "absolute": {"value": 1.5, "derivative": 1.0},
        "huber": {"value": 1.0, "derivative": 1.0},  # 1·(1.5 − 0.5), slope δ
    }
    table = lc.curve_table(s)
    assert list(doc["columns"]) == list(table) == ["x", "absolute", "huber", "d_absolute", "d_huber"]
    for name, col in table.items():
        assert doc["columns"][name] == col.tolist()
    text = json.dumps(doc, allow_nan=False)  # strict JSON: no NaN or infinity anywhere
    assert json.loads(text) == doc
    assert lc.PANEL.json_document(s) == doc


def test_summary_probe_hand_values_margin() -> None:
    s = LossCurvesState()
    s.update({"losses": ("hinge", "logistic", "exponential", "zero_one"), "probe": -1.0})
    probe = lc.summary(s)["probe"]
    assert list(probe) == ["zero_one", "hinge", "logistic", "exponential"]
    assert probe["hinge"] == {"value": 2.0, "derivative": -1.0}
    assert probe["zero_one"] == {"value": 1.0, "derivative": 0.0}
    assert probe["exponential"]["value"] == pytest.approx(math.e)
    assert probe["exponential"]["derivative"] == pytest.approx(-math.e)
    assert probe["logistic"]["value"] == pytest.approx(math.log1p(math.e))
    assert probe["logistic"]["derivative"] == pytest.approx(-1 / (1 + math.exp(-1.0)))


@settings(max_examples=30, deadline=None)
@given(valid_params())
def test_summary_is_strict_json_for_any_valid_state(params: dict) -> None:
    s = LossCurvesState()
    s.from_dict(params, strict=True)
    doc = lc.PANEL.json_document(s)
    assert json.loads(json.dumps(doc, allow_nan=False)) == doc
    assert doc["params"] == params
    assert set(doc["probe"]) == set(lc.visible_keys(s))
