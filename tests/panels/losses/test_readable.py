"""Loss Curves, readable: legend clicks check losses, hover names curve and value, handles in
their loss's colour with labels that stay apart and edge arrows, derivative entries, a y range
that stays put, and mouse-wheel zoom that writes x_min/x_max (no SI rescaling)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from losslab.maths.losses import LOSSES
from losslab.panels.losses import model
from losslab.panels.losses.view import derivative_label, loss_label
from losslab.qt import theme
from plot_helpers import click, hover, legend_entry_point, wheel, widget_point


def test_clicking_a_legend_entry_unchecks_and_rechecks_its_loss(panel, qtbot):
    state = panel.state
    point = legend_entry_point(panel, panel.legend, loss_label("hinge"))
    click(qtbot, panel, point)
    assert "hinge" not in state.losses
    assert not panel.curves["hinge"].isVisible()
    assert not panel.controls["losses"].boxes["hinge"].isChecked()
    # The entry stays (faded), so a second click brings the loss back.
    point = legend_entry_point(panel, panel.legend, loss_label("hinge"))
    click(qtbot, panel, point)
    assert "hinge" in state.losses
    assert panel.curves["hinge"].isVisible()
    x, y = panel.curves["hinge"].getData()
    np.testing.assert_allclose(y, LOSSES["hinge"].fn(x))


def test_clicking_a_legend_sample_hides_a_derivative_curve(panel, qtbot):
    panel.state.derivatives = True
    entry = panel.legend.entry(("derivative", "logistic"))
    assert entry.name == derivative_label("logistic") == "L′ logistic"
    QApplication.processEvents()
    click(qtbot, panel, panel.graphics.mapFromScene(entry.sample.sceneBoundingRect().center()))
    assert not panel.derivative_curves["logistic"].isVisible()
    assert panel.curves["logistic"].isVisible()


def test_derivatives_get_legend_entries_and_the_axis_says_slope(panel):
    assert panel.plot.getAxis("left").labelText == "loss"
    assert not [e for e in panel.legend.entries if isinstance(e.key, tuple)]
    panel.state.derivatives = True
    names = [e.name for e in panel.legend.entries]
    for key in model.visible_keys(panel.state):
        assert derivative_label(key) in names
    assert panel.plot.getAxis("left").labelText == "loss / slope"


def test_hovering_a_curve_names_it_and_its_exact_value(panel, qtbot):
    # Every margin loss but the hinge hidden, so the hinge is the only curve under the mouse.
    panel.state.losses = ("hinge",)
    QApplication.processEvents()
    x_data, y_data = panel.curves["hinge"].getData()
    i = int(np.argmin(np.abs(x_data - 0.52)))
    hover(qtbot, panel, widget_point(panel, panel.plot, x_data[i], y_data[i]))
    readout = panel.hover(panel.plot)
    assert readout.label.isVisible()
    text = readout.text
    assert text.startswith("hinge (SVM): L(")
    shown_x = float(text.split("L(")[1].split(")")[0])
    shown_y = float(text.split("= ")[1])
    assert shown_y == pytest.approx(float(LOSSES["hinge"].fn(np.array([x_data[readout.hit.index]]))[0]),
                                    rel=1e-3)
    assert shown_x == pytest.approx(0.52, abs=0.01)
    # Away from every curve: no read-out.
    hover(qtbot, panel, widget_point(panel, panel.plot, 2.5, 4.5))
    assert readout.text == ""


def test_handles_take_the_colour_of_their_loss(panel):
    panel.state.mode = "residual"
    for name, owner in (("huber_delta", "huber"), ("epsilon", "epsilon_insensitive")):
        curve_colour = panel.curves[owner].opts["pen"].color().name()
        for line in panel.handles[name]:
            assert line.pen.color().name() == curve_colour, name
            # The label: the same hue, darkened just enough to read as text (4.5:1).
            assert line.label.color.name() == theme.text_colour(curve_colour).name(), name


def test_epsilon_at_zero_keeps_both_labels_visible_and_apart(panel, qtbot):
    panel.state.mode = "residual"
    plus, minus = panel.handles["epsilon"]
    plus.setPos(-0.4)  # what dragging the +ε handle past 0 does; the state clamps ε to 0
    qtbot.waitUntil(lambda: panel.state.epsilon == 0.0)
    for line in (plus, minus):
        assert line.isVisible() and line.label.isVisible()
    panel.graphics.grab()  # labels place themselves when painted
    a, b = plus.label.sceneBoundingRect(), minus.label.sceneBoundingRect()
    assert a.width() > 10 and b.width() > 10
    assert not a.intersects(b)
    view = panel.plot.vb.sceneBoundingRect()
    assert view.contains(a) and view.contains(b)


def test_a_handle_beyond_the_range_shows_an_arrow_at_the_edge(panel):
    panel.state.mode = "residual"
    plus_cue, minus_cue = panel.edge_cues["huber_delta"]
    assert not plus_cue.isVisible()
    panel.state.huber_delta = 5.0
    assert plus_cue.isVisible() and minus_cue.isVisible()
    assert plus_cue.toPlainText() == "+δ = 5 →"
    assert minus_cue.toPlainText() == "← −δ = −5"
    view = panel.plot.vb.sceneBoundingRect()
    assert view.contains(plus_cue.sceneBoundingRect().center())
    panel.state.x_max = 6.0
    assert not plus_cue.isVisible() and minus_cue.isVisible()


def test_unchecking_two_losses_keeps_the_y_range(panel):
    before = panel.plot.vb.viewRange()[1]
    boxes = panel.controls["losses"].boxes
    boxes["zero_one"].click()
    boxes["perceptron"].click()
    assert panel.state.losses == tuple(k for k in model.ALL_KEYS
                                       if k not in ("zero_one", "perceptron"))
    assert panel.plot.vb.viewRange()[1] == pytest.approx(before)


def test_y_range_shrinks_to_losses_that_stay_low(panel):
    panel.state.losses = ("zero_one",)
    lo, hi = panel.plot.vb.viewRange()[1]
    assert hi < 1.2


def test_wheel_zoom_writes_the_range_without_si_prefix(panel):
    state = panel.state
    centre = widget_point(panel, panel.plot, 0.0, 1.0)
    wheel(panel, centre, 5)
    assert state.x_max - state.x_min < 6.0 - 1.0
    (lo, hi), _ = panel.plot.vb.viewRange()
    width = state.x_max - state.x_min
    assert lo == pytest.approx(state.x_min - 0.02 * width)
    assert hi == pytest.approx(state.x_max + 0.02 * width)
    assert panel.findChild(object, "x_min").value() == pytest.approx(state.x_min)
    # Zoom far in: ticks would go "(×0.001)" with pyqtgraph's SI prefixes.
    for _ in range(12):
        wheel(panel, centre, 5)
    axis = panel.plot.getAxis("bottom")
    assert axis.autoSIPrefixScale == 1.0 and axis.labelUnitPrefix == ""
    assert "x0.001" not in axis.labelString() and "×" not in axis.labelString()
    x, y = panel.curves["hinge"].getData()
    assert x[0] == pytest.approx(state.x_min) and x[-1] == pytest.approx(state.x_max)


def test_explanation_typesets_the_formula(panel, qtbot):
    from losslab.qt import formula

    if formula.available():
        # Typeset right after the figure's first paint (the first formula loads the font).
        qtbot.waitUntil(lambda: "<img" in panel.explanation.toHtml(), timeout=10_000)
    html_text = panel.explanation.toHtml()
    if formula.available():
        assert "<img" in html_text and "formula:" in html_text
        assert formula.image(r"L(m) = \max(0, 1 - m)") is not None
    else:
        assert "max(0, 1 − m)" in html_text


def test_pressing_nothing_at_a_point_far_from_curves_keeps_state(panel, qtbot):
    before = panel.state.values()
    hover(qtbot, panel, QPoint(5, 5))
    assert panel.state.values() == before
