"""Neuron Training panel: runs drawn from the model, the frame moving the markers, playback through
the real timer, presets, divergence, and every export including the animated GIF."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from losslab.maths.neuron import COSTS, sigmoid_prime
from losslab.panels.neuron import model as model
from losslab.panels.neuron.view import NeuronPanel


@pytest.fixture
def panel(qtbot):
    widget = NeuronPanel(model.NeuronState())
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.playback.controller.pause()


def data(item):
    # The original data, not getData(): on the log axes getData() returns log10 values.
    x, y = item.getOriginalDataset()
    return np.asarray(x if x is not None else []), np.asarray(y if y is not None else [])


def played_output(panel, kind):
    return data(panel.played_curves["output"][kind])[1]


def test_first_draw_shows_both_whole_runs_and_epoch_zero(panel):
    runs = model.runs(panel.state)
    for kind in COSTS:
        t, a = data(panel.full_curves["output"][kind])
        np.testing.assert_array_equal(t, np.arange(301))
        np.testing.assert_array_equal(a, runs[kind].a)
        _t, cost = data(panel.full_curves["cost"][kind])
        np.testing.assert_array_equal(cost, runs[kind].cost)
        _t, grad = data(panel.full_curves["gradient"][kind])
        np.testing.assert_array_equal(grad, np.abs(runs[kind].dw))
        assert len(played_output(panel, kind)) == 1
    assert round(float(data(panel.full_curves["output"]["quadratic"])[1][-1]), 4) == 0.2028
    assert round(float(data(panel.full_curves["output"]["cross_entropy"])[1][-1]), 4) == 0.0120
    assert panel.preset_box.currentData() == "starts_098"
    assert not panel.controls["eta_cross_entropy"].isEnabled()
    assert not panel.divergence_label.isVisible()


def test_frame_moves_every_marker_tangent_and_path(panel):
    panel.state.frame = 120
    runs = model.runs(panel.state)
    for kind in COSTS:
        traj = runs[kind]
        np.testing.assert_array_equal(played_output(panel, kind), traj.a[:121])
        assert data(panel.time_marks["output"][kind])[1][0] == traj.a[120]
        z, a = data(panel.z_marks[kind])
        assert (z[0], a[0]) == (traj.z[120], traj.a[120])
        tz, ta = data(panel.tangents[kind])
        slope = (ta[1] - ta[0]) / (tz[1] - tz[0])
        assert slope == pytest.approx(float(sigmoid_prime(traj.z[120])), rel=1e-9)
        w, b = data(panel.surface_paths[kind])
        np.testing.assert_array_equal(w, traj.w[:121])
        np.testing.assert_array_equal(b, traj.b[:121])
    for line in panel.epoch_lines.values():
        assert line.value() == 120
    assert panel.playback.slider.value() == 120
    assert "epoch 120" in panel.readout.text()
    # The quadratic tangent is nearly level (stuck on the flat part), cross-entropy's is not
    # at the start: σ′(4) ≈ 0.018.
    panel.state.frame = 0
    assert "0.0177" in panel.slope_labels["quadratic"].toPlainText()


def test_scrubber_step_and_epoch_line_set_the_frame(panel, qtbot):
    bar = panel.playback
    bar.slider.setValue(77)
    assert panel.state.frame == 77
    assert len(played_output(panel, "quadratic")) == 78
    qtbot.mouseClick(bar.step_forward_button, Qt.MouseButton.LeftButton)
    assert panel.state.frame == 78
    qtbot.mouseClick(bar.step_back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.step_back_button, Qt.MouseButton.LeftButton)
    assert panel.state.frame == 76
    panel.epoch_lines["cost"].setValue(200.4)  # what a drag does
    assert panel.state.frame == 200
    assert panel.epoch_lines["output"].value() == 200
    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)
    assert panel.state.frame == 0


def test_controls_write_the_state_and_recompute(panel):
    spin = panel.findChild(object, "w0")
    spin.setValue(0.6)
    panel.findChild(object, "b0").setValue(0.9)
    assert (panel.state.w0, panel.state.b0) == (0.6, 0.9)
    assert panel.preset_box.currentData() == "starts_082"
    assert round(float(data(panel.full_curves["output"]["quadratic"])[1][-1]), 4) == 0.0940
    panel.state.eta = 0.3
    assert panel.findChild(object, "eta").value() == pytest.approx(0.3)
    assert panel.findChild(object, "eta_cross_entropy").value() == pytest.approx(0.3)
    assert panel.preset_box.currentData() == ""  # no preset matches any more
    panel.findChild(object, "same_eta").setChecked(False)
    assert panel.controls["eta_cross_entropy"].isEnabled()
    panel.findChild(object, "epochs").setValue(50)
    assert len(data(panel.full_curves["cost"]["quadratic"])[0]) == 51
    assert panel.playback.slider.maximum() == 50


@pytest.mark.parametrize("key", list(model.PRESETS))
def test_preset_box_sets_every_parameter(panel, key):
    panel.state.update({"w0": -1.0, "x": 2.0, "y": 0.4, "epochs": 20, "frame": 12})
    index = panel.preset_box.findData(key)
    panel.preset_box.setCurrentIndex(index)
    panel.preset_box.activated.emit(index)  # what a user's choice emits
    for name, value in model.PRESETS[key].values.items():
        assert panel.state.get(name) == value, name
    assert panel.state.frame == 0
    assert panel.preset_box.currentData() == key
    assert panel.controls["eta_cross_entropy"].isEnabled() == (key == "book_rates")


def test_book_rate_preset_is_labelled_and_slow(panel):
    index = panel.preset_box.findData("book_rates")
    assert "0.005" in panel.preset_box.itemText(index)
    panel.preset_box.activated.emit(index)
    final = data(panel.full_curves["output"]["cross_entropy"])[1][-1]
    assert final == pytest.approx(0.78, abs=0.005)


def test_play_on_the_098_preset_quadratic_crawls_while_cross_entropy_drops(panel, qtbot):
    panel.preset_box.activated.emit(panel.preset_box.findData("starts_098"))
    panel.state.speed = 120.0
    with qtbot.waitSignal(panel.playback.controller.playing_changed):
        qtbot.mouseClick(panel.playback.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state.frame >= 30, timeout=5000)
    panel.playback.controller.pause()
    frame = panel.state.frame
    quadratic = played_output(panel, "quadratic")
    cross_entropy = played_output(panel, "cross_entropy")
    assert len(quadratic) == len(cross_entropy) == frame + 1
    assert quadratic[-1] > 0.97  # barely moved from 0.982
    assert cross_entropy[-1] < 0.3  # dropped at once


def test_changing_a_parameter_while_playing_recomputes_and_keeps_going(panel, qtbot):
    panel.state.speed = 200.0
    panel.playback.controller.play()
    qtbot.waitUntil(lambda: panel.state.frame >= 5, timeout=3000)
    panel.findChild(object, "eta").setValue(0.5)
    assert panel.playback.controller.playing
    expected = model.runs(panel.state)["quadratic"].a
    np.testing.assert_array_equal(data(panel.full_curves["output"]["quadratic"])[1], expected)
    start = panel.state.frame
    qtbot.waitUntil(lambda: panel.state.frame > start + 10, timeout=3000)
    np.testing.assert_array_equal(played_output(panel, "quadratic"),
                                  expected[: panel.state.frame + 1])


def test_space_and_arrows_on_the_figure(panel, qtbot):
    panel.graphics.setFocus()
    qtbot.waitUntil(panel.graphics.hasFocus)
    qtbot.keyClick(panel.graphics, Qt.Key.Key_Right)
    qtbot.keyClick(panel.graphics, Qt.Key.Key_Right)
    assert panel.state.frame == 2
    qtbot.keyClick(panel.graphics, Qt.Key.Key_Left)
    assert panel.state.frame == 1
    qtbot.keyClick(panel.graphics, Qt.Key.Key_Space)
    assert panel.playback.controller.playing
    qtbot.keyClick(panel.graphics, Qt.Key.Key_Space)
    assert not panel.playback.controller.playing


def test_huge_learning_rate_is_explained_not_plotted_as_nan(panel):
    panel.findChild(object, "eta").setValue(1e6)
    assert panel.state.eta == 1e6
    assert panel.divergence_label.isVisible()
    text = panel.divergence_label.text()
    assert "Quadratic run stopped at epoch 1" in text and "too large" in text
    assert "stopped at epoch 1" in panel.explanation.toPlainText()
    assert panel.divergence_note.isVisible()
    assert panel.problem() != ""
    panel.state.frame = 250
    for item in panel.graphics.scene().items():
        if hasattr(item, "getData") and item.isVisible():
            x, y = item.getData()
            if x is not None:
                assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    assert len(played_output(panel, "quadratic")) == 1
    assert "stopped at 0" in panel.readout.text()
    panel.findChild(object, "eta").setValue(0.15)
    assert not panel.divergence_label.isVisible() and not panel.divergence_note.isVisible()
    assert panel.problem() == ""


def test_zero_input_leaves_no_nan_on_the_log_axes(panel):
    panel.state.x = 0.0  # ∂C/∂w = 0 for every epoch: nothing to draw on a log axis
    t, g = data(panel.full_curves["gradient"]["quadratic"])
    assert len(t) == 0 and len(g) == 0
    panel.state.frame = 10
    assert len(data(panel.time_marks["gradient"]["quadratic"])[0]) == 0
    assert len(data(panel.time_marks["output"]["quadratic"])[0]) == 1


def test_png_svg_csv_json_exports(panel, tmp_path):
    panel.state.frame = 150
    panel.export_to(tmp_path / "n.png", width=1200)
    image = QImage(str(tmp_path / "n.png"))
    assert image.width() == 1200
    colours = {image.pixelColor(x, y).name() for x in range(0, 1200, 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # curves and heat maps, not a blank image
    panel.export_to(tmp_path / "n.svg")
    assert b"<svg" in (tmp_path / "n.svg").read_bytes()[:2000]
    panel.export_to(tmp_path / "n.csv")
    with open(tmp_path / "n.csv", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "epoch" and len(rows) == 302
    assert round(float(rows[301][rows[0].index("quadratic_a")]), 4) == 0.2028
    panel.export_to(tmp_path / "n.json")
    doc = json.loads((tmp_path / "n.json").read_text())
    assert round(doc["runs"]["cross_entropy"]["final_output"], 4) == 0.0120
    assert ".gif" in panel.export_suffixes()


def test_animated_gif_export_has_many_changing_frames(panel, tmp_path):
    panel.state.frame = 42
    path = tmp_path / "run.gif"
    written = panel.save_gif(path, width=480)
    assert written == 101  # 301 epochs, every 3rd, plus the last
    assert panel.state.frame == 42  # exporting does not move the animation
    assert len(played_output(panel, "quadratic")) == 43  # and the panel shows frame 42 again
    with Image.open(path) as gif:
        assert gif.is_animated and gif.n_frames == written
        assert gif.size[0] == 480
        gif.seek(0)
        first = np.asarray(gif.convert("RGB")).copy()
        gif.seek(gif.n_frames - 1)
        last = np.asarray(gif.convert("RGB")).copy()
        assert gif.info["duration"] == 1500  # the last frame is held
    assert np.mean(np.any(first != last, axis=2)) > 0.005  # the picture changes
    assert all(line.value() == 42 for line in panel.epoch_lines.values())


def test_gif_frames_move_the_epoch_lines_without_touching_the_state(panel):
    seen = []
    panel.state.subscribe(seen.append)
    images = panel.render_frames([0, 150, 300], width=320)
    assert len(images) == 3 and all(im.width() == 320 for im in images)
    assert seen == [] and panel.state.frame == 0
    assert images[0] != images[1] != images[2]


def test_gif_through_export_to_and_frame_selection(panel, tmp_path):
    panel.state.epochs = 20
    assert panel.gif_frames() == list(range(21))
    panel.state.epochs = 1000
    frames = panel.gif_frames()
    assert frames[0] == 0 and frames[-1] == 1000 and len(frames) <= 121
    panel.state.epochs = 30
    panel.export_to(tmp_path / "short.gif")
    with Image.open(tmp_path / "short.gif") as gif:
        assert gif.n_frames == 31


def test_cursor_read_out_on_a_surface(panel):
    plot = panel.surface_plots["cross_entropy"]
    text = panel.cursor_message(plot, 1.0, 2.0)
    # x = 1, y = 0: C = ln(1 + e^3)
    assert "C = 3.049" in text


def test_panel_in_the_main_window(window):
    panel = window.panels["neuron"]
    assert isinstance(panel, NeuronPanel)
    assert window.docks["neuron"].objectName() == "neuron"
