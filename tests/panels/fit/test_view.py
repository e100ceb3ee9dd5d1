"""Fit lab panel: drawing equals the model, mouse edits (drag, add, delete), controls both ways,
edge-case statuses, export, session round trip."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from losslab.maths import fitting
from losslab.panels.fit import model as model
from losslab.panels.fit.view import FitPanel
from plot_helpers import show_panel


@pytest.fixture
def panel(qtbot):
    widget = show_panel(qtbot, FitPanel(model.FitState()), 1300, 850)
    widget._set_view_range()
    return widget


def to_widget(panel, x, y):
    vb = panel.data_plot.getViewBox()
    return QPointF(panel.graphics.mapFromScene(vb.mapViewToScene(QPointF(x, y))))


def send(panel, kind, p, button, buttons):
    port = panel.graphics.viewport()
    QApplication.sendEvent(port, QMouseEvent(kind, p, port.mapToGlobal(p), button, buttons,
                                             Qt.KeyboardModifier.NoModifier))


def drag(panel, start, end, steps=8, on_step=None):
    """A real press-move-release on the data plot, between data coordinates."""
    a, b = to_widget(panel, *start), to_widget(panel, *end)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(panel, QEvent.Type.MouseButtonPress, a, left, left)
    scene = panel.graphics.scene()
    for i in range(1, steps + 1):
        # pyqtgraph drops moves closer than 10 ms apart; a hand moves at most every few ms,
        # but the test sends them back to back, so mark the previous one as long past.
        scene._lastMoveEventTime = 0
        send(panel, QEvent.Type.MouseMove, a + (b - a) * (i / steps), none, left)
        if on_step is not None:
            on_step(i)
    send(panel, QEvent.Type.MouseButtonRelease, b, left, none)


def click(panel, qtbot, x, y, button=Qt.MouseButton.LeftButton):
    p = to_widget(panel, x, y).toPoint()
    qtbot.mouseClick(panel.graphics.viewport(), button, pos=p)


def line_of(panel, key):
    xs, ys = panel.lines[key].getData()
    slope = (ys[1] - ys[0]) / (xs[1] - xs[0])
    return slope, ys[0] - slope * xs[0]


# ---------------------------------------------------------------------- drawing = model
def test_first_draw_equals_the_model(panel):
    _problem, fits = model.compute(panel.state)
    assert set(panel.fits) == {"squared", "absolute", "huber"}
    for key, f in fits.items():
        w, b = line_of(panel, key)
        assert w == pytest.approx(f.w[0], rel=1e-9) and b == pytest.approx(f.b, abs=1e-9)
    assert line_of(panel, "squared")[0] == pytest.approx(4.2, rel=1e-12)
    heights = panel.empirical_bars.opts["height"]
    np.testing.assert_allclose(heights, [20.48, 3.2, 2.95], rtol=1e-12)
    # Each point sits on each loss curve at its residual.
    zx, zy = panel.loss_dots["squared"].getData()
    np.testing.assert_allclose(zy, zx ** 2)
    text = panel.explanation.toPlainText()
    assert "20.48" in text and "2.95" in text
    # Pull segments: squared pull at the outlier is 2·6.4 = 12.8 units, cut at 6.
    unit = panel._pull_unit()
    xs, ys = panel.pull_items["absolute"].getData()
    # Four points lie on y = x (residual 0, pull 0 at the kink); the outlier pulls with 1.
    np.testing.assert_allclose(np.abs(ys[1::2] - ys[::2]), [0, 0, 0, 0, unit], atol=1e-9)
    xs, ys = panel.pull_items["squared"].getData()
    assert abs(ys[9] - ys[8]) == pytest.approx(6 * unit)


# ---------------------------------------------------------------------- mouse
def test_dragging_the_outlier_swings_squared_and_not_absolute(panel, qtbot):
    seen = []
    drag(panel, (4.0, 20.0), (4.0, 12.0),
         on_step=lambda i: seen.append((line_of(panel, "squared")[0],
                                        line_of(panel, "absolute")[0])))
    assert panel.state.points[4][0] == pytest.approx(4.0, abs=0.05)
    assert panel.state.points[4][1] == pytest.approx(12.0, abs=0.1)
    squared = [s for s, _ in seen]
    absolute = [a for _, a in seen]
    # The squared line followed during the drag, step by step; the absolute one never moved.
    assert len(set(np.round(squared, 9))) == len(seen) and squared[-1] < squared[0]
    np.testing.assert_allclose(absolute, 1.0, rtol=1e-9)
    want = fitting.fit(fitting.make_problem("regression", panel.state.points), "squared",
                       model.settings_of(panel.state))
    assert line_of(panel, "squared")[0] == pytest.approx(want.w[0], rel=1e-9)


def test_drag_on_empty_space_moves_no_point(panel):
    before = panel.state.points
    drag(panel, (3.0, 15.0), (1.0, 15.0))
    assert panel.state.points[:5] == before[:5]


def test_click_adds_a_point_of_the_chosen_class(panel, qtbot):
    click(panel, qtbot, 2.0, 10.0)
    assert len(panel.state.points) == 6
    assert panel.state.points[5] == pytest.approx((2.0, 10.0), abs=0.05)
    panel.state.task = "classification"
    panel.controls["new_label"].setCurrentIndex(1)
    assert panel.state.new_label == "-1"
    n = len(panel.state.points)
    click(panel, qtbot, 2.5, 0.2)
    assert len(panel.state.points) == n + 1 and panel.state.points[-1][2] == -1.0


def test_right_click_and_delete_key_remove_points(panel, qtbot):
    click(panel, qtbot, 4.0, 20.0, Qt.MouseButton.RightButton)
    assert len(panel.state.points) == 4 and (4.0, 20.0) not in panel.state.points
    click(panel, qtbot, 1.0, 1.0)  # select
    assert panel.selected == 1 and len(panel.state.points) == 4
    qtbot.keyClick(panel.graphics, Qt.Key.Key_Delete)
    assert panel.state.points == ((0.0, 0.0), (2.0, 2.0), (3.0, 3.0))


# ---------------------------------------------------------------------- controls both ways
def test_typing_lambda_and_choosing_the_penalty(panel, qtbot):
    panel.controls["penalty"].setCurrentIndex(2)
    assert panel.state.penalty == "l2"
    box = panel.controls["lam"]
    box.selectAll()
    qtbot.keyClicks(box, "1")
    assert panel.state.lam == 0.0  # a typed number is applied on Enter, not while typing
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert panel.state.lam == 1.0
    assert line_of(panel, "squared")[0] == pytest.approx(2.8, rel=1e-12)
    np.testing.assert_allclose(panel.structural_bars.opts["height"][0], 2.8 ** 2, rtol=1e-12)
    panel.state.lam = 0.25  # state → widget
    assert box.value() == 0.25
    panel.state.penalty = "l1"
    assert panel.controls["penalty"].currentData() == "l1"


def test_loss_boxes_and_points_text(panel, qtbot):
    box = panel.controls["losses"].boxes["log_cosh"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert "log_cosh" in panel.state.losses and panel.lines["log_cosh"].isVisible()
    assert not panel.controls["losses"].boxes["hinge"].isVisibleTo(panel)
    text = panel.controls["points"]
    text.selectAll()
    qtbot.keyClicks(text, "0,1;1,3;2,5")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert panel.state.points == ((0.0, 1.0), (1.0, 3.0), (2.0, 5.0))
    assert line_of(panel, "huber")[0] == pytest.approx(2.0, rel=1e-9)
    panel.state.points = ((0.0, 0.0), (1.0, 2.0))
    assert text.text() == "0,0;1,2"


def test_task_switch_and_presets(panel, qtbot):
    panel.controls["task"].setCurrentIndex(1)
    assert panel.state.task == "classification"
    assert panel.state.points == model.DEFAULT_POINTS["classification"]
    assert set(panel.fits) == {"hinge", "logistic", "exponential"}
    assert not panel.controls["huber_delta"].isVisibleTo(panel)
    qtbot.mouseClick(panel.preset_buttons["one_outlier"], Qt.MouseButton.LeftButton)
    assert panel.state.task == "regression"
    assert panel.state.points == model.PRESETS["regression"]["one_outlier"]


def test_edge_cases_are_explained(panel, qtbot):
    qtbot.mouseClick(panel.preset_buttons["separable"], Qt.MouseButton.LeftButton)
    # The uniqueness check follows shortly after the change.
    qtbot.waitUntil(lambda: "not the only minimiser" in panel.explanation.toPlainText())
    text = panel.explanation.toPlainText()
    assert "logistic: no finite minimiser" in text
    assert "hinge (SVM): optimal, but not the only minimiser" in text  # separable, λ = 0
    panel.state.update({"losses": panel.state.losses + ("perceptron",)})
    assert "trivial minimiser" in panel.explanation.toPlainText()
    panel.state.update({"penalty": "l2", "lam": 0.1})
    qtbot.waitUntil(lambda: "SVM reading" in panel.explanation.toPlainText())
    n = len(panel.state.points)
    assert f"{1 / (2 * n * 0.1):.6g}" in panel.explanation.toPlainText()
    # AdaBoost weights as point sizes: ∝ e^(−m) under the exponential fit.
    sizes = panel.points_item.data["size"]
    weights = fitting.adaboost_weights(panel.fits["exponential"].z)
    np.testing.assert_allclose(sizes, np.round(np.clip(11 * np.sqrt(weights * n), 5, 48)))
    assert len(set(sizes)) > 2  # the weights really differ


def test_export_and_state_changes(panel, tmp_path):
    panel.export_to(tmp_path / "f.json")
    doc = json.loads((tmp_path / "f.json").read_text())
    assert doc["fits"]["absolute"]["objective"] == pytest.approx(3.2)
    panel.export_to(tmp_path / "f.png")
    assert (tmp_path / "f.png").stat().st_size > 1000


# ---------------------------------------------------------------------- sessions
def test_session_round_trip(window, dialogs, tmp_path):
    state = window.states["fit"]
    pts = ((0.0, 1.0, 1.0), (2.0, 0.5, -1.0), (1.0, 1.5, 1.0))
    state.update({"task": "classification", "points": pts, "penalty": "l1", "lam": 0.3})
    path = tmp_path / "s.json"
    dialogs.save_path = str(path)
    window.findChild(object, "save_session").trigger()
    assert json.loads(path.read_text())["panels"]["fit"]["points"] == [list(p) for p in pts]
    state.reset()
    dialogs.open_path = str(path)
    window.findChild(object, "open_session").trigger()
    assert state.points == pts and state.penalty == "l1" and state.lam == 0.3
    assert window.panels["fit"].controls["lam"].value() == pytest.approx(0.3)
    assert dialogs.messages == []
