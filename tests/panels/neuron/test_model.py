"""The Neuron Training panel model: state rules, presets, runs, exports and texts (no Qt)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from losslab.core import animation
from losslab.core.params import ParamError
from losslab.io.tables import table_to_csv
from losslab.maths import neuron as nn
from losslab.panels import panel as panel_entry
from losslab.panels.neuron import model as panel

EPOCHS = 300
ETA = 0.15


def final_output(kind: nn.CostKind, w0: float, b0: float, eta: float = ETA) -> float:
    traj = nn.train(kind, w0, b0, 1.0, 0.0, eta, EPOCHS)
    assert traj.n_computed == EPOCHS + 1
    return float(traj.a[-1])


@pytest.mark.parametrize("kind", nn.COSTS)
def test_huge_learning_rate_is_reported_not_returned_as_garbage(kind: nn.CostKind) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        traj = nn.train(kind, 2.0, 2.0, 1.0, 0.0, 1e6, 300)
    assert traj.diverged and traj.diverged_at == 1
    assert traj.n_computed == 1
    for name in nn.FIELDS:
        assert np.all(np.isfinite(traj.column(name)))
    assert traj.reason is not None and "z = -" in traj.reason.english()
    assert traj.diverged_z is not None and traj.diverged_z < -nn.Z_LIMIT
    msg = panel.divergence_message(traj)
    assert msg is not None
    assert "epoch 1" in msg.english() and "too large" in msg.english()


def test_no_false_alarm_on_every_preset_but_the_huge_one() -> None:
    state = panel.NeuronState()
    for key in panel.PRESETS:
        panel.apply_preset(state, key)
        diverged = [t.diverged for t in panel.runs(state).values()]
        assert diverged == ([True, True] if key == "eta_too_large" else [False, False])


# ---------------------------------------------------------------------- state and presets
def test_defaults_are_the_098_run_and_frame_is_transient() -> None:
    state = panel.NeuronState()
    assert list(state.specs)[:2] == ["frame", "speed"]
    assert panel.matching_preset(state) == "starts_098"
    assert "frame" not in state.to_dict()
    assert state.to_dict()["speed"] == animation.DEFAULT_SPEED
    assert state.frame_count() == 301


def test_same_eta_links_the_rates_both_ways() -> None:
    state = panel.NeuronState()
    state.eta = 0.3
    assert state.eta_cross_entropy == 0.3
    state.eta_cross_entropy = 0.2  # GUI policy: linked rates move together
    assert state.eta == 0.2
    state.same_eta = False
    state.eta_cross_entropy = 0.005
    assert (state.eta, state.eta_cross_entropy) == (0.2, 0.005)
    state.same_eta = True  # relinking: eta wins
    assert state.eta_cross_entropy == 0.2


def test_same_eta_strict_policy_reports_conflicts() -> None:
    state = panel.NeuronState()
    with pytest.raises(ParamError, match="same_eta=false"):
        state.update({"eta_cross_entropy": 0.005}, clamp=False)
    with pytest.raises(ParamError, match="same_eta"):
        state.update({"eta": 0.1, "eta_cross_entropy": 0.005}, clamp=False)
    state.update({"same_eta": False, "eta_cross_entropy": 0.005}, clamp=False)
    assert (state.eta, state.eta_cross_entropy) == (0.15, 0.005)
    state.update({"eta": 0.5}, clamp=False)
    assert state.eta_cross_entropy == 0.005


def test_frame_stays_inside_the_run() -> None:
    state = panel.NeuronState()
    state.update({"frame": 250, "epochs": 100})  # an explicit frame wins, clamped to the run
    assert state.frame == 100
    state.frame = 5000  # GUI policy clamps
    assert state.frame == 100
    with pytest.raises(ParamError, match="frame"):
        state.update({"frame": 101}, clamp=False)
    state.update({"frame": 100}, clamp=False)
    assert state.frame == 100


@pytest.mark.parametrize("change", [{"epochs": 10}, {"eta": 0.5}, {"w0": 1.0}, {"x": 2.0},
                                    {"same_eta": False, "eta_cross_entropy": 0.01}])
def test_a_new_run_starts_at_frame_0(change: dict) -> None:
    for strict in (False, True):
        state = panel.NeuronState()
        state.frame = 120
        state.update(change, clamp=not strict)
        assert state.frame == 0, (change, strict)


def test_changes_that_keep_the_run_keep_the_frame() -> None:
    state = panel.NeuronState()
    state.frame = 120
    state.speed = 10.0
    state.same_eta = False  # the rates are still equal: the same runs
    state.eta = 0.15  # unchanged value
    assert state.frame == 120
    state.same_eta = True
    assert state.frame == 120


@pytest.mark.parametrize("key", list(panel.PRESETS))
def test_presets_set_every_parameter(key: str) -> None:
    preset = panel.PRESETS[key]
    assert set(preset.values) == set(panel.TRAINING_PARAMS) | {"same_eta"}
    state = panel.NeuronState()
    state.update({"same_eta": False, "w0": -3.0, "b0": 7.0, "x": 2.5, "y": 0.7, "eta": 3.0,
                  "eta_cross_entropy": 0.01, "epochs": 40, "frame": 17, "speed": 12.0})
    panel.apply_preset(state, key)
    for name, value in preset.values.items():
        assert state.get(name) == value, name
    assert state.frame == 0
    assert state.speed == 12.0  # playback speed is the learner's, not the preset's
    assert panel.matching_preset(state) == key


def test_preset_values() -> None:
    p = panel.PRESETS
    assert (p["starts_082"].values["w0"], p["starts_082"].values["b0"]) == (0.6, 0.9)
    assert (p["starts_098"].values["w0"], p["starts_098"].values["b0"]) == (2.0, 2.0)
    for key in ("starts_082", "starts_098"):
        assert p[key].values["eta"] == p[key].values["eta_cross_entropy"] == 0.15
        assert p[key].values["same_eta"] is True
    book = p["book_rates"].values
    assert (book["eta"], book["eta_cross_entropy"], book["same_eta"]) == (0.15, 0.005, False)
    assert "0.005" in p["book_rates"].label


def test_runs_are_cached_per_parameter_set() -> None:
    state = panel.NeuronState()
    first = panel.runs(state)
    state.frame = 40  # moving the animation does not recompute
    assert panel.runs(state) is first
    state.eta = 0.2
    assert panel.runs(state) is not first


# ---------------------------------------------------------------------- export
def test_table_columns_and_reference_rows() -> None:
    state = panel.NeuronState()
    table = panel.run_table(state)
    expected = ["epoch"] + [f"{k}_{f}" for k in ("quadratic", "cross_entropy")
                            for f in ("w", "b", "z", "a", "cost", "dw", "db")]
    assert list(table) == expected
    assert all(len(c) == 301 for c in table.values())
    assert table["epoch"][0] == 0 and table["epoch"][-1] == 300
    assert round(float(table["quadratic_a"][300]), 4) == 0.2028
    assert round(float(table["cross_entropy_a"][300]), 4) == 0.0120
    csv = table_to_csv(table).splitlines()
    assert csv[0] == ",".join(expected)
    assert csv[1].startswith("0,2.0,2.0,4.0,0.98201379")
    assert len(csv) == 302


def test_table_pads_a_diverged_run_with_nan() -> None:
    state = panel.NeuronState()
    panel.apply_preset(state, "eta_too_large")
    table = panel.run_table(state)
    assert len(table["quadratic_a"]) == 301
    assert table["quadratic_a"][0] == pytest.approx(0.98201379)
    assert np.all(np.isnan(table["quadratic_a"][1:]))


def test_summary_document() -> None:
    state = panel.NeuronState()
    doc = panel.PANEL.json_document(state)
    assert doc["panel"] == "neuron"
    assert doc["params"]["w0"] == 2.0
    run = doc["runs"]["cross_entropy"]
    assert round(run["final_output"], 4) == 0.0120 and run["diverged_at"] is None
    assert run["last_epoch"] == 300 and run["message"] == ""
    panel.apply_preset(state, "eta_too_large")
    assert panel.summary(state)["runs"]["quadratic"]["diverged_at"] == 1


def test_surface_covers_the_paths() -> None:
    state = panel.NeuronState()
    r = panel.runs(state)
    w_lo, w_hi, b_lo, b_hi = panel.surface_extent(r)
    for t in r.values():
        assert w_lo < t.w.min() and t.w.max() < w_hi
        assert b_lo < t.b.min() and t.b.max() < b_hi
    w, b, c = panel.surface(state, "quadratic", (w_lo, w_hi, b_lo, b_hi), samples=31)
    assert c.shape == (31, 31) and np.all(np.isfinite(c))
    assert c.max() <= 0.5 and c.min() >= 0.0


def test_registered() -> None:
    assert panel_entry("neuron").model is panel.PANEL
    assert panel.PANEL.make_state().panel_key() == "neuron"


# ---------------------------------------------------------------------- animation helpers
def test_clamp_frame_helper() -> None:
    values = {"frame": 12}
    assert animation.clamp_frame(dict(values), 10, frozenset(), clamp=False)["frame"] == 9
    assert animation.clamp_frame(dict(values), 20, frozenset({"frame"}), clamp=False)["frame"] == 12
    with pytest.raises(ParamError):
        animation.clamp_frame(dict(values), 10, frozenset({"frame"}), clamp=False)
    assert animation.clamp_frame({"frame": 3}, 0, frozenset(), clamp=True)["frame"] == 0
    assert not animation.frame_spec().persist and animation.speed_spec().persist
    assert animation.speed_spec(300.0).default == 300.0


def test_problem_text_names_the_broken_runs() -> None:
    state = panel.NeuronState()
    assert panel.PANEL.problem_text(state) == ""
    state.eta = 1e6
    text = panel.PANEL.problem_text(state)
    assert "Quadratic run stopped at epoch 1" in text
    assert "Cross-entropy run stopped at epoch 1" in text
