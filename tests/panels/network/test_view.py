"""Two-layer network panel: state → plots, controls → state, playback, scrubbing, export."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from losslab.maths import network as net
from losslab.panels import panel as panel_entry
from losslab.panels.network import model as model
from losslab.panels.network.view import NetworkPanel
from plot_helpers import show_panel


@pytest.fixture
def panel(qtbot):
    # Widgets of earlier tests (whole main windows) are deleted lazily; destroying them can
    # take seconds and would otherwise happen inside this module's timed playback waits.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return show_panel(qtbot, NetworkPanel(model.NetworkState()), 1300, 750)


def original(item):
    """The data given to a PlotDataItem (not its log-transformed display copy)."""
    x, y = item.getOriginalDataset()
    return np.asarray(x), np.asarray(y)


def bar_heights(bars):
    return np.asarray(bars.opts["height"], dtype=float)


def assert_frame_shown(panel, run, k):
    x, y = original(panel.loss_curve)
    np.testing.assert_array_equal(x, np.arange(k + 1))
    np.testing.assert_array_equal(y, run.loss[: k + 1])
    np.testing.assert_array_equal(original(panel.loss_point)[1], [run.loss[k]])
    np.testing.assert_array_equal(bar_heights(panel.prediction_bars), run.predictions[k])
    np.testing.assert_array_equal(panel.w1_image.image, run.w1[k].T)
    np.testing.assert_array_equal(panel.w2_image.image, run.w2[k].T)
    assert panel.frame_line.value() == pytest.approx(k)
    assert panel.playback.slider.value() == k


def test_first_draw_equals_the_model(panel):
    run = net.train(seed=0)
    x, y = original(panel.loss_full)
    np.testing.assert_array_equal(x, np.arange(1501))
    np.testing.assert_array_equal(y, run.loss)
    np.testing.assert_array_equal(bar_heights(panel.target_bars), [0, 1, 1, 0])
    assert_frame_shown(panel, run, 0)
    extent = max(np.abs(run.w1).max(), np.abs(run.w2).max())
    assert panel.colour_bar.levels() == pytest.approx((-extent, extent))
    assert panel.w1_image.image.shape == (4, 3) and panel.w2_image.image.shape == (1, 4)
    assert panel.loss_plot.ctrl.logYCheck.isChecked()


def test_frame_in_state_moves_every_view(panel):
    run = net.train(seed=0)
    panel.state.frame = 640
    assert_frame_shown(panel, run, 640)
    assert "640" in panel.prediction_plot.titleLabel.text
    assert f"{run.loss[640]:.5g}" in panel.readout.text()


def test_scrubber_and_frame_handle_write_the_state(panel):
    run = net.train(seed=0)
    panel.playback.slider.setValue(321)
    assert panel.state.frame == 321
    assert_frame_shown(panel, run, 321)
    panel.frame_line.setValue(1000.4)  # what a drag does; the frame is a whole number
    assert panel.state.frame == 1000
    assert panel.frame_line.value() == pytest.approx(1000.0)
    assert_frame_shown(panel, run, 1000)
    panel.frame_line.setValue(99999.0)  # past the end: clamped, and the handle snaps back
    assert panel.state.frame == 1500
    assert panel.frame_line.value() == pytest.approx(1500.0)


def test_loss_combo_reruns_with_cross_entropy(panel):
    panel.state.frame = 900
    combo = panel.findChild(object, "loss")
    combo.setCurrentIndex(combo.findData("cross_entropy"))
    assert panel.state.loss == "cross_entropy"
    assert panel.state.frame == 0  # a new run plays from the start
    run = net.train("cross_entropy", seed=0)
    np.testing.assert_array_equal(original(panel.loss_full)[1], run.loss)
    assert_frame_shown(panel, run, 0)
    assert "Cross-entropy" in panel.explanation.toPlainText()
    assert "(nats)" in panel.loss_plot.getAxis("left").labelText


def test_readout_compares_both_losses(panel):
    sse = net.steps_to_tolerance(net.train("sse", seed=0))
    ce = net.steps_to_tolerance(net.train("cross_entropy", seed=0))
    text = panel.readout.text()
    assert f"<b>Sum of squared errors</b>: after {sse} updates" in text
    assert f"Cross-entropy: after {ce} updates" in text
    panel.state.iterations = 100  # too short for either loss
    assert "not in 100 updates" in panel.readout.text()


def test_spin_boxes_write_the_state_and_state_moves_them(panel):
    hidden = panel.findChild(object, "hidden")
    hidden.setValue(7)
    assert panel.state.hidden == 7
    assert panel.w1_image.image.shape == (7, 3) and panel.w2_image.image.shape == (1, 7)
    panel.findChild(object, "learning_rate").setValue(0.5)
    panel.findChild(object, "seed").setValue(12)
    panel.findChild(object, "iterations").setValue(400)
    assert (panel.state.learning_rate, panel.state.seed, panel.state.iterations) == (0.5, 12, 400)
    run = net.train(hidden=7, learning_rate=0.5, seed=12, iterations=400)
    np.testing.assert_array_equal(original(panel.loss_full)[1], run.loss)
    assert panel.playback.slider.maximum() == 400
    panel.state.update({"hidden": 3, "seed": 99})
    assert hidden.value() == 3 and panel.findChild(object, "seed").value() == 99


def test_playback_runs_to_the_trained_network(panel, qtbot):
    panel.state.update({"iterations": 300, "speed": 1000.0})
    controller = panel.playback.controller
    controller.play()
    assert controller.playing
    qtbot.waitUntil(lambda: not controller.playing, timeout=10000)
    assert panel.state.frame == 300
    run = net.train(iterations=300, seed=0)
    assert_frame_shown(panel, run, 300)


def test_defaults_played_to_the_end_show_predictions_near_targets(panel):
    panel.state.frame = 1500
    np.testing.assert_allclose(bar_heights(panel.prediction_bars), [0, 1, 1, 0], atol=0.05)


def test_space_key_plays_and_pauses(panel, qtbot):
    panel.graphics.setFocus()
    qtbot.waitUntil(panel.graphics.hasFocus)
    qtbot.keyClick(panel.graphics, Qt.Key.Key_Space)
    assert panel.playback.controller.playing
    qtbot.waitUntil(lambda: panel.state.frame > 0)
    qtbot.keyClick(panel.graphics, Qt.Key.Key_Space)
    assert not panel.playback.controller.playing


def test_reset_button_restores_defaults(panel, qtbot):
    panel.state.update({"loss": "cross_entropy", "hidden": 9, "frame": 40})
    qtbot.mouseClick(panel.findChild(object, "network_reset"), Qt.MouseButton.LeftButton)
    assert panel.state.values() == model.NetworkState().values()
    assert panel.findChild(object, "loss").currentData() == "sse"
    np.testing.assert_array_equal(original(panel.loss_full)[1], net.train(seed=0).loss)


def test_cursor_message_reads_the_weight_under_the_mouse(panel):
    panel.state.frame = 10
    run = net.train(seed=0)
    text = panel.cursor_message(panel.w1_plot, 2.5, 1.5)  # column 2, row 1
    assert text == f"W1[1, 2] = {run.w1[10][1, 2]:.4g}"
    assert panel.cursor_message(panel.w2_plot, 0.2, 3.7) == f"W2[3, 0] = {run.w2[10][3, 0]:.4g}"
    assert "ŷ = " in panel.cursor_message(panel.prediction_plot, 1.1, 0.5)


def test_export_data_equals_the_model(panel, tmp_path):
    panel.state.update({"loss": "cross_entropy", "iterations": 200})
    panel.export_to(tmp_path / "n.csv")
    lines = (tmp_path / "n.csv").read_text().splitlines()
    assert lines[0] == "iteration,loss,pred_0,pred_1,pred_2,pred_3"
    assert len(lines) == 202
    run = net.train("cross_entropy", iterations=200, seed=0)
    assert [float(v) for v in lines[-1].split(",")] == [200.0, run.loss[-1],
                                                        *run.predictions[-1]]
    panel.export_to(tmp_path / "n.json")
    doc = json.loads((tmp_path / "n.json").read_text())
    assert doc["predictions"] == run.final_predictions.tolist()
    assert doc["final_loss"] == run.final_loss and doc["targets"] == [0.0, 1.0, 1.0, 0.0]


def test_export_png_draws_the_figure(panel, tmp_path):
    panel.state.frame = 800
    panel.export_to(tmp_path / "n.png", width=1600)
    image = QImage(str(tmp_path / "n.png"))
    assert image.width() == 1600
    # Inside the two heat maps, both ends of the diverging scale show: saturated blue and
    # vermillion pixels (the frame-800 weights have both signs).
    view = panel.graphics
    source = view.mapToScene(view.viewport().rect()).boundingRect()
    ratio = image.width() / source.width()
    hues = []
    for plot in (panel.w1_plot, panel.w2_plot):
        r = plot.getViewBox().sceneBoundingRect()
        for sx in np.linspace(r.left() + 2, r.right() - 2, 40):
            for sy in np.linspace(r.top() + 2, r.bottom() - 2, 20):
                c = image.pixelColor(int((sx - source.left()) * ratio),
                                     int((sy - source.top()) * ratio))
                if c.hsvSaturation() > 60:
                    hues.append(c.hsvHue())
    assert sum(190 <= h <= 215 for h in hues) > 100  # Okabe–Ito blue side (#0072B2: 202°)
    assert sum(15 <= h <= 35 for h in hues) > 100  # vermillion side (#D55E00: 26°)


def test_dock_registered():
    spec = panel_entry("network")
    assert spec.view_class() is NetworkPanel
    assert spec.title == "Two-layer network"
