"""Loss Curves panel: control → state → curve data, state → control, handles, probe, export."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from losslab.maths.losses import LOSSES, MARGIN_KEYS, RESIDUAL_KEYS
from losslab.panels.losses import model as model


def curve(panel, key):
    x, y = panel.curves[key].getData()
    return np.asarray(x), np.asarray(y)


def test_every_margin_curve_equals_the_model_on_first_draw(panel):
    x_expected = np.linspace(-3, 3, model.SAMPLES)
    for key in MARGIN_KEYS:
        x, y = curve(panel, key)
        np.testing.assert_allclose(x, x_expected)
        np.testing.assert_allclose(y, LOSSES[key].fn(x_expected))
        assert panel.curves[key].isVisible()
    for key in RESIDUAL_KEYS:
        assert not panel.curves[key].isVisible()


def test_huber_spin_box_writes_state_and_redraws_only_huber(panel):
    state = panel.state
    spin = panel.findChild(object, "huber_delta")
    state.mode = "residual"
    before_squared = curve(panel, "squared")[1].copy()
    spin.setValue(0.25)
    assert state.huber_delta == pytest.approx(0.25)
    x, y = curve(panel, "huber")
    np.testing.assert_allclose(y, LOSSES["huber"].fn(x, delta=0.25))
    np.testing.assert_array_equal(curve(panel, "squared")[1], before_squared)


def test_state_change_moves_spin_box_and_both_handles(panel):
    panel.state.mode = "residual"
    panel.state.huber_delta = 1.7
    assert panel.findChild(object, "huber_delta").value() == pytest.approx(1.7)
    plus, minus = panel.handles["huber_delta"]
    assert plus.value() == pytest.approx(1.7)
    assert minus.value() == pytest.approx(-1.7)
    assert plus.isVisible() and minus.isVisible()


def test_dragging_a_handle_writes_the_state_and_redraws_huber(panel, qtbot):
    state = panel.state
    state.mode = "residual"
    plus, minus = panel.handles["huber_delta"]
    plus.setValue(2.2)  # what a mouse drag does: setPos → sigPositionChanged
    assert state.huber_delta == pytest.approx(2.2)
    assert minus.value() == pytest.approx(-2.2)
    minus.setValue(-0.5)  # the mirrored handle writes |position|
    assert state.huber_delta == pytest.approx(0.5)
    x, y = curve(panel, "huber")
    np.testing.assert_allclose(y, LOSSES["huber"].fn(x, delta=0.5))
    spin = panel.findChild(object, "huber_delta")
    assert spin.value() == pytest.approx(0.5)


def test_mouse_drag_of_the_delta_handle(panel, qtbot):
    """A real press-move-release on the +δ handle in the scene changes δ."""
    state = panel.state
    state.mode = "residual"
    plus, _ = panel.handles["huber_delta"]
    view = panel.graphics
    vb = panel.plot.getViewBox()
    y_mid = sum(vb.viewRange()[1]) / 2

    def to_widget(x):
        scene_pt = vb.mapViewToScene(QPointF(x, y_mid))
        return view.mapFromScene(scene_pt)

    start, end = to_widget(1.0), to_widget(2.0)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 11):
        p = start + (end - start) * (i / 10)
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication
        ev = QMouseEvent(QEvent.Type.MouseMove, QPointF(p), view.viewport().mapToGlobal(QPointF(p)),
                         Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), ev)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert state.huber_delta == pytest.approx(2.0, abs=0.05)
    x, y = curve(panel, "huber")
    np.testing.assert_allclose(y, LOSSES["huber"].fn(x, delta=state.huber_delta))


def test_handle_dragged_beyond_range_is_clamped_and_snaps_back(panel):
    panel.state.mode = "residual"
    plus, _ = panel.handles["epsilon"]
    plus.setValue(40.0)
    assert panel.state.epsilon == pytest.approx(5.0)
    assert plus.value() == pytest.approx(5.0)


def test_mode_switch_shows_residual_losses_and_their_controls(panel):
    panel.findChild(object, "mode").setCurrentIndex(1)
    assert panel.state.mode == "residual"
    for key in RESIDUAL_KEYS:
        assert panel.curves[key].isVisible()
    for key in MARGIN_KEYS:
        assert not panel.curves[key].isVisible()
    assert panel.controls["huber_delta"].isVisibleTo(panel)
    assert not panel.controls["logistic_base"].isVisibleTo(panel)
    assert panel.plot.getAxis("bottom").labelText.startswith("residual")


def test_loss_checkbox_hides_curve_and_writes_state(panel):
    box = panel.findChild(object, "losses:hinge")
    box.setChecked(False)
    assert "hinge" not in panel.state.losses
    assert not panel.curves["hinge"].isVisible()
    panel.state.losses = tuple(LOSSES)
    assert box.isChecked()
    assert panel.curves["hinge"].isVisible()


def test_logistic_base_two_passes_through_one_at_zero(panel):
    panel.findChild(object, "logistic_base").setCurrentIndex(1)
    assert panel.state.logistic_base == "2"
    x, y = curve(panel, "logistic")
    assert y[np.argmin(np.abs(x))] == pytest.approx(1.0)


def test_derivatives_overlay(panel):
    panel.findChild(object, "derivatives").setChecked(True)
    assert panel.state.derivatives is True
    x, d = panel.derivative_curves["hinge"].getData()
    np.testing.assert_allclose(d, LOSSES["hinge"].derivative(x))
    assert panel.derivative_curves["hinge"].isVisible()
    panel.state.derivatives = False
    assert not panel.derivative_curves["hinge"].isVisible()


def test_x_range_spin_boxes_resample_every_curve(panel):
    panel.findChild(object, "x_max").setValue(10)
    x, y = curve(panel, "hinge")
    assert x[-1] == pytest.approx(10.0)
    np.testing.assert_allclose(y, np.maximum(0, 1 - x))


def test_probe_readout_equals_the_model(panel):
    panel.state.probe = -0.75
    text = panel.probe_readout.text()
    for key, (value, slope) in model.probe_values(panel.state).items():
        assert LOSSES[key].label in text
        assert f"{value:.4g}" in text
        assert f"{slope + 0.0:.4g}" in text
    assert panel.probe_line.value() == pytest.approx(-0.75)
    panel.probe_line.setValue(1.5)
    assert panel.state.probe == pytest.approx(1.5)


def test_explanation_follows_selection(panel):
    panel.state.selected = "exponential"
    assert "AdaBoost" in panel.explanation.toPlainText()
    panel.state.mode = "residual"
    assert panel.state.selected == "squared"
    assert "squared" in panel.explanation.toPlainText()


def test_reset_button_restores_defaults_with_one_redraw(panel, qtbot):
    state = panel.state
    state.update({"huber_delta": 3.0, "x_min": -8.0, "derivatives": True})
    calls = []
    state.subscribe(calls.append)
    qtbot.mouseClick(panel.findChild(object, "losses_reset"), Qt.MouseButton.LeftButton)
    assert state.values() == model.LossCurvesState().values()
    assert len(calls) == 1
    assert panel.findChild(object, "x_min").value() == pytest.approx(-3.0)


def test_cursor_readout_signal(panel, qtbot):
    vb = panel.plot.getViewBox()
    with qtbot.waitSignal(panel.cursor_text) as blocker:
        panel._on_mouse_moved(vb.mapViewToScene(QPointF(0.5, 1.0)))
    assert "m = 0.5" in blocker.args[0]
