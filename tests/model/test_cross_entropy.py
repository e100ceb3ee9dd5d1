"""Cross-entropy as the frameworks compute it: recorded reference values (always run), the real
PyTorch and Keras where installed (skipped cleanly otherwise), extremes, and the panel state."""

from __future__ import annotations

import math
import os
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.io.tables import to_json_text
from losslab.maths import cross_entropy as ce
from losslab.panels.cross_entropy import model as cp
from losslab.core.params import ParamError
from losslab.panels import panel as panel_entry

LOGITS = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
TARGETS = np.array([0, 1])
WEIGHT = np.array([1.0, 2.0, 1.0])


@pytest.fixture(autouse=True)
def _no_float_warnings():
    """Every computation here must be free of overflow / invalid / divide warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            yield


def state(**changes):
    s = cp.CrossEntropyState()
    s.update(changes, clamp=False)
    return s


# ---------------------------------------------------------------------------- recorded references
def test_softmax_steps_by_hand():
    steps = ce.softmax_steps(LOGITS)
    np.testing.assert_array_equal(steps.shift, [2.0, 2.5])
    np.testing.assert_allclose(steps.exp[0], [1.0, math.exp(-1.0), math.exp(-1.9)], rtol=1e-15)
    np.testing.assert_allclose(steps.total[0], 1 + math.exp(-1) + math.exp(-1.9), rtol=1e-15)
    # Recorded from torch.softmax / torch.log_softmax (float64).
    np.testing.assert_allclose(steps.softmax, [
        [0.6590011388859679, 0.24243297070471392, 0.09856589040931818],
        [0.10860373030701238, 0.8024790557916492, 0.08891721390133826]], rtol=1e-14)
    np.testing.assert_allclose(steps.log_softmax, [
        [-0.41703001627783354, -1.4170300162778335, -2.3170300162778332],
        [-2.220049523020538, -0.22004952302053787, -2.420049523020538]], rtol=1e-14)
    np.testing.assert_allclose(steps.softmax.sum(axis=1), 1.0, rtol=1e-15)


@pytest.mark.parametrize(("options", "expected"), [
    ({}, 0.31853976964918573),
    ({"weight": WEIGHT}, 0.28570968743963643),
    ({"weight": WEIGHT, "label_smoothing": 0.1}, 0.37545336488671155),
    ({"label_smoothing": 0.1}, 0.43687310298251913),
    ({"reduction": "sum"}, 0.6370795392983715),
])
def test_torch_cross_entropy_recorded(options, expected):
    """Values printed by torch 2.13 CrossEntropyLoss(**options) in float64."""
    assert ce.torch_cross_entropy(LOGITS, TARGETS, **options) == pytest.approx(expected, rel=1e-14)


def test_weighted_mean_divides_by_sum_of_target_weights():
    parts = ce.torch_cross_entropy_parts(ce.log_softmax(LOGITS), TARGETS, weight=WEIGHT)
    np.testing.assert_allclose(parts.row_weight, [1.0, 2.0])
    np.testing.assert_allclose(parts.row_loss, [0.41703001627783354, 0.44009904604107575],
                               rtol=1e-14)
    assert parts.denominator == 3.0  # w[0] + w[1], not N = 2
    assert parts.value == pytest.approx((0.41703001627783354 + 2 * 0.22004952302053787) / 3)
    # Keras takes the same weights as sample_weight and divides by N instead.
    sw = WEIGHT[TARGETS]
    keras = ce.keras_sparse(TARGETS, LOGITS, from_logits=True, sample_weight=sw)
    assert keras == pytest.approx((0.41703001627783354 + 2 * 0.22004952302053787) / 2)


def test_ignore_index_rows_leave_sum_and_divisor():
    x = np.array([[2, 1, 0.1], [0.5, 2.5, 0.3], [0.1, 0.2, 3.0]])
    t = np.array([0, -100, 2])
    # Recorded: torch CrossEntropyLoss(weight=[1, 2, 1]) on this batch.
    assert ce.torch_cross_entropy(x, t, weight=WEIGHT) == pytest.approx(0.2633157403996495,
                                                                         rel=1e-14)
    parts = ce.torch_cross_entropy_parts(ce.log_softmax(x), t)
    assert math.isnan(parts.nll[1]) and parts.row_loss[1] == 0.0 and parts.denominator == 2.0
    kept = ce.torch_cross_entropy(x[[0, 2]], t[[0, 2]])
    assert ce.torch_cross_entropy(x, t) == pytest.approx(kept, rel=1e-15)
    assert ce.keras_sparse(t, x, from_logits=True, ignore_class=-100) == pytest.approx(kept)


def test_every_row_ignored_torch_nan_keras_zero():
    t = np.array([-100, -100])
    assert math.isnan(ce.torch_cross_entropy(LOGITS, t))
    assert ce.torch_cross_entropy(LOGITS, t, reduction="sum") == 0.0
    assert ce.keras_sparse(t, LOGITS, from_logits=True, ignore_class=-100) == 0.0


def test_label_smoothing_formula():
    """(1 − ε)·(−ln p_y) + (ε/C)·Σ_c (−ln p_c), averaged over rows."""
    lp, eps = ce.log_softmax(LOGITS), 0.3
    rows = [(1 - eps) * -lp[i, TARGETS[i]] + eps / 3 * -lp[i].sum() for i in range(2)]
    assert ce.torch_cross_entropy(LOGITS, TARGETS, label_smoothing=eps) == pytest.approx(
        np.mean(rows), rel=1e-14)
    # Keras smooths the one-hot target the same way, so unweighted they agree.
    y = ce.one_hot(TARGETS, 3)
    assert ce.keras_categorical(y, LOGITS, from_logits=True, label_smoothing=eps) == \
        pytest.approx(np.mean(rows), rel=1e-14)
    np.testing.assert_allclose(ce.smooth_one_hot(y, eps)[0], [0.8, 0.1, 0.1])


def test_keras_documented_examples():
    """The examples printed in the Keras 3 loss docstrings."""
    y_true = np.array([[0, 1, 0], [0, 0, 1.0]])
    y_pred = np.array([[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    assert ce.keras_categorical(y_true, y_pred, from_logits=False) == pytest.approx(1.177, abs=5e-4)
    assert ce.keras_sparse(np.array([1, 2]), y_pred, from_logits=False) == \
        pytest.approx(1.177, abs=5e-4)
    yb = np.array([[0, 1], [0, 0.0]])
    pb = np.array([[0.6, 0.4], [0.4, 0.6]])
    assert ce.keras_binary(yb, pb, from_logits=False) == pytest.approx(0.815, abs=5e-4)
    logits = np.array([[-18.6], [0.51], [2.94], [-12.8]])
    labels = np.array([[0.0], [1.0], [0.0], [0.0]])
    assert ce.keras_binary(labels, logits, from_logits=True) == pytest.approx(0.865, abs=5e-4)


def test_keras_clips_probabilities_at_1e_minus_7():
    p = np.array([[1.0, 0.0]])
    y = np.array([[0.0, 1.0]])
    assert ce.keras_categorical(y, p, from_logits=False) == pytest.approx(-math.log(1e-7))
    assert ce.keras_categorical(1 - y, p, from_logits=False) == pytest.approx(-math.log1p(-1e-7))
    assert ce.manual_clipped_bce(p, 1 - y) == pytest.approx(-math.log1p(-1e-7))
    # PyTorch's BCELoss floors each log at −100 instead.
    assert ce.torch_bce(p, y) == pytest.approx(100.0)
    # Categorical probabilities are normalised first: [2, 2] is [0.5, 0.5].
    assert ce.keras_sparse(np.array([0]), np.array([[2.0, 2.0]]), from_logits=False) == \
        pytest.approx(math.log(2))


def test_binary_reductions_mean_over_last_axis_first():
    x = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]])
    y = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    el = ce.keras_binary_elements(y, x, from_logits=True)
    p = ce.sigmoid(x)
    np.testing.assert_allclose(el, -(y * np.log(p) + (1 - y) * np.log(1 - p)), rtol=1e-13)
    assert ce.keras_binary(y, x, from_logits=True) == pytest.approx(el.mean(), rel=1e-14)
    assert ce.keras_binary(y, x, from_logits=True, reduction="sum") == \
        pytest.approx(el.sum() / 3, rel=1e-14)
    assert ce.torch_bce_with_logits(x, y, reduction="sum") == pytest.approx(el.sum(), rel=1e-14)
    np.testing.assert_allclose(ce.keras_binary(y, x, from_logits=True, reduction="none"),
                               el.mean(axis=1), rtol=1e-14)
    w = np.array([1.0, 2.0, 3.0])
    assert ce.torch_bce_with_logits(x, y, weight=w) == pytest.approx((el * w).mean(), rel=1e-14)


# ---------------------------------------------------------------------------- extremes
EXTREME = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 999.0]])


def test_extreme_logits_stay_finite():
    t = np.array([1, 0])
    steps = ce.softmax_steps(EXTREME)
    assert np.isfinite(steps.log_softmax).all() and np.isfinite(steps.softmax).all()
    assert steps.log_softmax[0, 1] == -2000.0
    np.testing.assert_allclose(ce.torch_cross_entropy(EXTREME, t, reduction="none"),
                               [2000.0, 2000.0 + math.log1p(math.exp(-1.0))], rtol=1e-15)
    assert math.isfinite(ce.keras_sparse(t, EXTREME, from_logits=True))
    assert math.isfinite(ce.torch_bce_with_logits(EXTREME, np.zeros((2, 3))))
    assert math.isfinite(ce.keras_binary(np.ones((2, 3)), EXTREME, from_logits=True))
    assert ce.sigmoid(np.array([-1000.0]))[0] == 0.0 and ce.sigmoid(np.array([1000.0]))[0] == 1.0
    s = state(logits=tuple(map(tuple, EXTREME)), targets=(1, 0))
    doc = cp.summary(s)
    for key in ("softmax", "log_softmax", "nll", "manual", "pytorch", "keras_categorical",
                "keras_sparse", "keras_categorical_probs"):
        assert np.isfinite(np.asarray(doc[key], dtype=float)).all(), key
    # Softmax then Keras with from_logits=False: p = 0 is clipped to 1e-7, costing 16.1 not 2000.
    assert doc["keras_categorical_probs"] == pytest.approx(-math.log(1e-7), rel=1e-12)
    assert doc["pytorch"] == pytest.approx(2000.0 + 0.5 * math.log1p(math.exp(-1.0)))


def test_without_max_subtraction_exp_overflows_silently():
    steps = ce.softmax_steps(EXTREME, subtract_max=False)
    assert np.isinf(steps.exp[0, 0]) and np.isnan(steps.softmax[0, 0])
    s = state(logits=tuple(map(tuple, EXTREME)), targets=(1, 0), subtract_max=False)
    r = cp.compute(s)
    assert not math.isfinite(r.value("manual"))
    assert math.isfinite(r.value("pytorch"))  # PyTorch always subtracts the max
    assert any("overflow" in n for n in r.notes)
    assert "null" in to_json_text(cp.summary(s))  # non-finite numbers become null


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.floats(-1e4, 1e4), min_size=3, max_size=3), min_size=1, max_size=6))
def test_log_softmax_finite_and_normalised(rows):
    x = np.array(rows)
    lp = ce.log_softmax(x)
    assert np.isfinite(lp).all() and (lp <= 0).all()
    np.testing.assert_allclose(ce.softmax(x).sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.logaddexp.reduce(lp, axis=1), 0.0, atol=1e-9)


# ---------------------------------------------------------------------------- the state
def test_defaults_and_registry():
    assert panel_entry("cross_entropy").model is cp.PANEL
    s = cp.CrossEntropyState()
    assert s.logits == ((2.0, 1.0, 0.1), (0.5, 2.5, 0.3)) and s.targets == (0, 1)
    assert s.weight == () and s.reduction == "mean" and s.ignore_index == -100


@pytest.mark.parametrize(("text", "message"), [
    ({"logits": "2,1;0.5"}, "rows have different lengths"),
    ({"targets": "0,3"}, "targets: row 1 has target 3; allowed: a class index from 0 to 2"),
    ({"targets": "0,-1"}, "row 1 has target -1"),
    ({"targets": "0"}, "targets: 1 values for 2 rows"),
    ({"weight": "1,2"}, "weight: 2 values for 3 classes"),
    ({"from_logits": "false", "logits": "0.5,0.6,-0.1;0.2,0.3,0.5"}, "negative probability"),
    ({"from_logits": "false", "logits": "0,0,0;0.2,0.3,0.5"}, "row 0 sums to 0"),
    ({"logits": "1;2"}, "1 column"),
    ({"mode": "binary", "binary_targets": "1,0;0,1"}, "binary_targets: shape 2×2"),
    ({"mode": "binary", "from_logits": "false", "logits": "0.5,1.2,0;0,0,0"}, "outside [0, 1]"),
    ({"label_smoothing": "1.5"}, "label_smoothing: 1.5 is out of range"),
])
def test_bad_tables_are_param_errors(text, message):
    s = cp.CrossEntropyState()
    specs = s.specs
    with pytest.raises(ParamError, match=message.replace("[", r"\[").replace("]", r"\]")):
        s.update({k: specs[k].parse(v) for k, v in text.items()}, clamp=False)
    assert s.values() == cp.CrossEntropyState().values()  # nothing changed


def test_ignore_index_target_accepted_and_binary_mode_ignores_targets():
    s = state(targets=(0, -100))
    assert s.targets == (0, -100)
    s2 = state(mode="binary", logits=((1.0,), (2.0,), (3.0,)),
               binary_targets=((1.0,), (0.0,), (1.0,)))
    assert len(s2.targets) == 2  # unused in binary mode, so not checked


def test_gui_policy_repairs_instead_of_refusing():
    s = cp.CrossEntropyState()
    s.weight = (1.0, 2.0, 3.0)
    s.logits = ((1.0, 2.0, 3.0, 4.0), (0.0, 0.0, 0.0, 0.0), (5.0, 5.0, 5.0, 5.0))
    assert s.targets == (0, 1, 0)  # grown with class 0
    assert s.weight == (1.0, 2.0, 3.0, 1.0)  # padded with 1
    assert len(s.binary_targets) == 3 and len(s.binary_targets[0]) == 4
    s.logits = ((1.0, 2.0),)
    assert s.targets == (0,) and s.weight == (1.0, 2.0)
    s.targets = (7,)
    assert s.targets == (1,)  # clamped to the last class
    s.targets = (-100,)
    assert s.targets == (-100,)  # the ignore_index is allowed


def test_gui_from_logits_toggle_converts_the_table():
    s = cp.CrossEntropyState()
    s.from_logits = False
    np.testing.assert_allclose(s.logits, ce.softmax(LOGITS), rtol=1e-5)
    s.from_logits = True
    # Back to logits: ln p, which differs from the original by a constant per row.
    back = np.asarray(s.logits)
    np.testing.assert_allclose(ce.softmax(back), ce.softmax(LOGITS), rtol=1e-4)
    s.mode = "binary"
    s.from_logits = False
    assert all(0.0 <= v <= 1.0 for row in s.logits for v in row)


def test_gui_probability_rows_repaired():
    s = cp.CrossEntropyState()
    s.update({"from_logits": False, "logits": ((0.2, -0.5, 0.3), (0.0, 0.0, 0.0))})
    assert s.logits[0] == (0.2, 0.0, 0.3)
    np.testing.assert_allclose(s.logits[1], [1 / 3] * 3)


# ---------------------------------------------------------------------------- export
def test_summary_categorical_keys_and_agreement():
    doc = cp.summary(state(weight=(1.0, 2.0, 1.0)))
    for key in ("softmax", "log_softmax", "nll", "pytorch", "keras_categorical", "keras_sparse",
                "manual"):
        assert key in doc
    assert doc["pytorch"] == pytest.approx(0.28570968743963643, rel=1e-14)
    assert doc["manual"] == pytest.approx(doc["pytorch"], rel=1e-14)
    assert doc["keras_sparse"] == pytest.approx(0.857129 / 2, rel=1e-6)
    assert any("sum of the targets' weights (3)" in n for n in doc["notes"])
    np.testing.assert_allclose(doc["nll"], [0.41703001627783354, 0.22004952302053787], rtol=1e-14)


def test_summary_unweighted_frameworks_agree():
    doc = cp.summary(state())
    values = [doc[k] for k in ("manual", "pytorch", "keras_categorical", "keras_sparse",
                               "keras_categorical_probs")]
    np.testing.assert_allclose(values, 0.31853976964918573, rtol=1e-12)
    assert doc["notes"] == []


def test_summary_binary_keys():
    doc = cp.summary(state(mode="binary"))
    for key in ("keras_binary", "pytorch_bce", "manual_clipped", "keras_binary_probs", "sigmoid"):
        assert key in doc
    assert "pytorch" not in doc
    assert doc["keras_binary"] == pytest.approx(doc["pytorch_bce"], rel=1e-14)
    assert doc["manual_clipped"] == pytest.approx(doc["pytorch_bce"], rel=1e-12)
    none = cp.summary(state(mode="binary", reduction="none"))
    assert np.shape(none["pytorch_bce"]) == (2, 3) and np.shape(none["keras_binary"]) == (2,)


def test_table_columns():
    t = cp.table(state(targets=(0, -100)))
    assert list(t)[:5] == ["row", "target", "nll", "row_weight", "row_loss"]
    assert {len(c) for c in t.values()} == {2}
    np.testing.assert_allclose(t["p_0"] + t["p_1"] + t["p_2"], 1.0)
    tb = cp.table(state(mode="binary"))
    assert list(tb) == ["row", "keras_row", "p_0", "p_1", "p_2"]


def test_snippets_carry_the_batch():
    s = state(weight=(1.0, 2.0, 1.0), reduction="sum", label_smoothing=0.1)
    code = cp.snippet(s, "pytorch")
    assert "nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 1.0]" in code
    assert 'reduction="sum"' in code and "label_smoothing=0.1" in code
    assert "[[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]]" in code
    k = cp.snippet(s, "keras")
    assert "SparseCategoricalCrossentropy(from_logits=True" in k and 'reduction="sum"' in k
    assert "BinaryCrossentropy" in cp.snippet(state(mode="binary"), "keras")
    with pytest.raises(ValueError, match="allowed: pytorch, keras"):
        cp.snippet(s, "jax")


# ---------------------------------------------------------------------------- real PyTorch
RNG_CASES = [
    (seed, red, use_w, ls, ignore)
    for seed in (0, 1)
    for red in ("none", "mean", "sum")
    for use_w in (False, True)
    for ls in (0.0, 0.25, 1.0)
    for ignore in (-100, 2)
]


@pytest.mark.parametrize(("seed", "reduction", "use_weight", "ls", "ignore"), RNG_CASES)
def test_against_torch_cross_entropy(seed, reduction, use_weight, ls, ignore):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(seed)
    x = rng.normal(scale=4.0, size=(7, 4))
    x[0] = [1000.0, -1000.0, 0.0, 3.0]
    t = rng.integers(0, 4, size=7)
    t[3] = ignore
    w = rng.uniform(0.1, 3.0, size=4) if use_weight else None
    with np.errstate(all="ignore"):  # torch's own internals are not ours to police
        ref = torch.nn.CrossEntropyLoss(
            weight=None if w is None else torch.tensor(w), reduction=reduction,
            ignore_index=ignore, label_smoothing=ls)(torch.tensor(x), torch.tensor(t)).numpy()
    ours = ce.torch_cross_entropy(x, t, weight=w, reduction=reduction, ignore_index=ignore,
                                  label_smoothing=ls)
    np.testing.assert_allclose(ours, ref, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
@pytest.mark.parametrize("use_weight", [False, True])
def test_against_torch_bce(reduction, use_weight):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    x = rng.normal(scale=5.0, size=(6, 3))
    x[0] = [1000.0, -1000.0, 40.0]
    y = (rng.random((6, 3)) > 0.5).astype(float)
    y[1] = [0.3, 0.7, 1.0]  # soft labels are allowed too
    w = np.array([0.5, 1.0, 2.0]) if use_weight else None
    tw = None if w is None else torch.tensor(w)
    ref = torch.nn.BCEWithLogitsLoss(weight=tw, reduction=reduction)(torch.tensor(x),
                                                                     torch.tensor(y)).numpy()
    # Same formula, different grouping of the terms: tiny values may differ in the last bits.
    np.testing.assert_allclose(ce.torch_bce_with_logits(x, y, weight=w, reduction=reduction),
                               ref, rtol=1e-10)
    p = ce.sigmoid(x)
    ref_p = torch.nn.BCELoss(weight=tw, reduction=reduction)(torch.tensor(p),
                                                             torch.tensor(y)).numpy()
    # log1p(−p) here, log(1 − p) in torch: the last few bits may differ.
    np.testing.assert_allclose(ce.torch_bce(p, y, weight=w, reduction=reduction), ref_p,
                               rtol=1e-10)


@pytest.mark.parametrize("changes", [
    {},
    {"weight": (1.0, 2.0, 1.0), "reduction": "sum", "label_smoothing": 0.2},
    {"targets": (0, -100), "reduction": "none"},
    {"from_logits": False, "logits": ((0.7, 0.2, 0.1), (0.0, 0.5, 0.5)), "targets": (0, 1)},
    {"mode": "binary", "weight": (1.0, 3.0, 0.5)},
    {"mode": "binary", "from_logits": False, "logits": ((0.9, 0.0, 0.2), (1.0, 0.5, 0.1)),
     "reduction": "none"},
])
def test_pytorch_snippet_runs_and_agrees(changes):
    pytest.importorskip("torch")
    s = state(**changes)
    ns: dict = {}
    exec(compile(cp.pytorch_snippet(s), "<snippet>", "exec"), ns)  # noqa: S102
    key = "pytorch_bce" if s.mode == "binary" else "pytorch"
    np.testing.assert_allclose(ns["loss"].numpy(), cp.compute(s).value(key), rtol=1e-12)


# ---------------------------------------------------------------------------- real Keras
def _keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


@pytest.mark.parametrize("changes", [
    {},
    {"weight": (1.0, 2.0, 1.0)},
    {"weight": (1.0, 2.0, 0.5), "reduction": "sum", "label_smoothing": 0.2},
    {"targets": (0, -100), "weight": (2.0, 1.0, 1.0)},
    {"logits": ((1000.0, -1000.0, 0.0), (0.5, 2.5, 0.3)), "targets": (1, 1), "reduction": "none"},
    {"from_logits": False, "logits": ((0.7, 0.3, 0.0), (2.0, 1.0, 1.0)), "targets": (2, 0)},
    {"mode": "binary"},
    {"mode": "binary", "reduction": "sum", "label_smoothing": 0.1},
    {"mode": "binary", "from_logits": False, "logits": ((0.9, 0.0, 1.0), (1.0, 0.5, 0.1))},
])
def test_keras_snippet_runs_and_agrees(changes):
    keras = _keras()
    s = state(**changes)
    ns: dict = {}
    floatx = keras.config.floatx()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                exec(compile(cp.keras_snippet(s), "<snippet>", "exec"), ns)  # noqa: S102
    finally:
        keras.config.set_floatx(floatx)  # the snippet sets float64 globally
    r = cp.compute(s)
    # What the snippet's comment promises: every digit for the categorical per-row values
    # (float64 throughout), about 7 digits where Keras goes through float32 (reductions, binary).
    exact = s.mode != "binary" and s.reduction == "none"
    rtol = 1e-15 if exact else 3e-7
    if s.mode == "binary":
        np.testing.assert_allclose(np.asarray(ns["loss"]), r.value("keras_binary"), rtol=rtol)
        return
    got = np.asarray(ns["loss"])
    want = np.asarray(r.value("keras_categorical"), dtype=float)
    # Keras' 'none' has only the kept rows; ours marks the left-out rows NaN.
    np.testing.assert_allclose(got, want[np.isfinite(want)] if want.ndim else want, rtol=rtol)
    np.testing.assert_allclose(np.asarray(ns["loss_sparse"]), r.value("keras_sparse"), rtol=rtol)


def test_keras_snippet_asks_for_float64_and_says_what_stays_float32():
    code = cp.keras_snippet(state(mode="binary"))
    assert 'keras.config.set_floatx("float64")' in code
    assert code.index("set_floatx") < code.index("BinaryCrossentropy(")
    assert "dtype=np.float64" in code and "float32" in code
    # The comment shows LossLab's value with every digit, to compare with what Keras prints.
    assert "# LossLab: 0.6819847202626583" in code


# ---------------------------------------------------------------------------- not finite, explained
@pytest.mark.parametrize(("changes", "words"), [
    ({}, ""),
    ({"logits": ((1000.0, -1000.0, 0.0), (0.5, 2.5, 0.3))}, ""),
    ({"logits": ((1000.0, -1000.0, 0.0), (0.5, 2.5, 0.3)), "subtract_max": False},
     "overflowed"),
    ({"targets": (-100, -100)}, "0/0"),
    ({"weight": (0.0, 0.0, 1.0)}, "0/0"),
    ({"from_logits": False, "logits": ((0.0, 1.0, 0.0), (0.5, 0.5, 0.0)), "targets": (0, 1)},
     "−log 0 = ∞"),
    ({"mode": "binary", "from_logits": False, "logits": ((0.0, 1.0, 0.0), (1.0, 0.0, 0.5))}, ""),
])
def test_problem_explains_every_non_finite_result(changes, words):
    s = state(**changes)
    text = cp.PANEL.problem_text(s)
    finite = all(np.isfinite(np.asarray(c.value, dtype=float)).all()
                 for c in cp.compute(s).comparisons)
    assert (text == "") == finite
    assert words in text
