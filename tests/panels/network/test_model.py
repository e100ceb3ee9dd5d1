"""The Two-layer network panel model: state, rewind rule, session, exports and texts (no Qt)."""

from __future__ import annotations

import numpy as np
import pytest

from losslab.core.params import ParamError
from losslab.maths import network as net
from losslab.panels import panel as panel_entry
from losslab.panels.network import model as panel

# ---------------------------------------------------------------------- the panel model

def test_state_defaults_are_those_of_the_issue() -> None:
    s = panel.NetworkState()
    assert s.panel_key() == "network"
    assert (s.hidden, s.loss, s.learning_rate, s.iterations) == (4, "sse", 1.0, 1500)
    assert s.frame == 0 and s.speed == 300.0
    assert set(s.specs) == {"frame", "speed", "hidden", "loss", "learning_rate", "iterations",
                            "seed"}
    assert s.specs["loss"].choices == ("sse", "cross_entropy")


def test_frame_stays_inside_the_run() -> None:
    s = panel.NetworkState()
    s.frame = 10**6
    assert s.frame == 1500
    s.update({"iterations": 200, "frame": 500})
    assert s.frame == 200
    with pytest.raises(ParamError, match="frame"):
        s.update({"frame": 201}, clamp=False)
    assert s.frame_count() == 201


@pytest.mark.parametrize(("name", "value"), [
    ("loss", "cross_entropy"), ("hidden", 5), ("learning_rate", 0.5), ("iterations", 900),
    ("seed", 8),
])
def test_a_new_run_rewinds_to_frame_0(name: str, value: object) -> None:
    s = panel.NetworkState()
    s.frame = 700
    s.set(name, value)
    assert s.frame == 0
    s.frame = 300
    s.set(name, value)  # the same value again: no new run, the frame stays
    s.speed = 50.0  # playback speed does not change the run either
    assert s.frame == 300


def test_session_round_trip_skips_the_frame() -> None:
    s = panel.NetworkState()
    s.update({"hidden": 6, "loss": "cross_entropy", "learning_rate": 0.5, "seed": 17,
              "iterations": 300, "frame": 12})
    data = s.to_dict()
    assert "frame" not in data
    t = panel.NetworkState()
    assert t.from_dict(data) == []
    assert t.values() == {**s.values(), "frame": 0}


def test_table_columns_and_rows() -> None:
    s = panel.NetworkState()
    s.update({"iterations": 50, "seed": 3})
    table = panel.network_table(s)
    assert list(table) == ["iteration", "loss", "pred_0", "pred_1", "pred_2", "pred_3"]
    assert all(len(c) == 51 for c in table.values())
    np.testing.assert_array_equal(table["iteration"], np.arange(51))
    run = net.train(iterations=50, seed=3)
    np.testing.assert_array_equal(table["loss"], run.loss)
    np.testing.assert_array_equal(table["pred_2"], run.predictions[:, 2])


def test_json_summary_with_defaults() -> None:
    s = panel.NetworkState()
    doc = panel.PANEL.json_document(s)
    run = net.train(seed=0)
    assert doc["panel"] == "network"
    assert doc["targets"] == [0.0, 1.0, 1.0, 0.0]
    assert doc["predictions"] == run.final_predictions.tolist()
    assert doc["final_loss"] == pytest.approx(run.final_loss)
    np.testing.assert_allclose(doc["predictions"], [0, 1, 1, 0], atol=0.05)
    assert doc["params"]["hidden"] == 4 and "frame" not in doc["params"]
    assert doc["steps_to_tolerance"] == net.steps_to_tolerance(run, 0.05)
    assert np.shape(doc["weights"]["w1"]) == (3, 4) and np.shape(doc["weights"]["w2"]) == (4, 1)


def test_switching_the_loss_gives_a_different_run_that_learns_sooner() -> None:
    s = panel.NetworkState()
    sse_run, sse_steps = panel.run_for(s), panel.steps_to_tolerance(s)
    s.loss = "cross_entropy"
    ce_run, ce_steps = panel.run_for(s), panel.steps_to_tolerance(s)
    assert ce_run.loss_key == "cross_entropy" and sse_run.loss_key == "sse"
    assert sse_steps is not None and ce_steps is not None and ce_steps < sse_steps
    assert panel.run_for(s) is ce_run  # computed once per parameter change


def test_texts_and_registry() -> None:
    assert set(panel.LOSS_LABELS) == set(net.LOSS_KEYS) == set(panel.LOSS_EXPLANATIONS)
    assert panel.input_labels() == ("0,0,1", "0,1,1", "1,0,1", "1,1,1")
    assert panel_entry("network").model is panel.PANEL
