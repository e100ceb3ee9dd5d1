"""Likelihood panel: first draw equals the model, keystrokes and mouse drags write the state,
state changes move the controls and handles, the derivation follows the noise model, export."""

from __future__ import annotations

import csv
import json
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from losslab.maths import likelihood as lk
from losslab.panels.likelihood import model as model
from losslab.panels.likelihood.view import LikelihoodPanel
from plot_helpers import drag, show_panel


@pytest.fixture
def panel(qtbot):
    return show_panel(qtbot, LikelihoodPanel(model.LikelihoodState()), 1400, 900)




def pixel_size(plot):
    """Data units per pixel in x and y."""
    (x0, x1), (y0, y1) = plot.getViewBox().viewRange()
    rect = plot.getViewBox().sceneBoundingRect()
    return (x1 - x0) / rect.width(), (y1 - y0) / rect.height()


def type_into(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


# ---------------------------------------------------------------------- first draw
def test_first_draw_equals_the_model(panel):
    r = model.compute(panel.state)
    for name, grid in (("w", r.grid_w), ("b", r.grid_b)):
        x, y = panel.nll_curves[name].getData()
        np.testing.assert_array_equal(x, grid[name])
        np.testing.assert_array_equal(y, grid["nll"])
        np.testing.assert_allclose(panel.loss_curves[name].getData()[1], y, rtol=1e-12)
    np.testing.assert_allclose(panel.term_bars.opts["height"], r.log_lik)
    np.testing.assert_allclose(panel.product_curve.getData()[1],
                               np.cumsum(r.log_lik) / math.log(10))
    assert panel.mle_lines["w"].value() == pytest.approx(4.2)
    assert panel.mle_lines["b"].value() == pytest.approx(-3.2)
    text = panel.summary.text()
    assert "132.594693" in text and "4.2" in text and "4.52548" in text
    assert "10<sup>−58</sup>" in text
    x, y = panel.line_curve.getData()
    np.testing.assert_allclose(y, x)  # the line y = x
    for item, (px, py) in zip(panel.point_items, panel.state.points, strict=True):
        assert (item.pos().x(), item.pos().y()) == (px, py)
    derivation = panel.explanation.toPlainText()
    for step in ("1. The model", "3. Take the log", "4. Drop what does not depend on w and b",
                 "5. Flip the sign", "least-squares"):
        assert step in derivation
    assert not panel.problem_label.isVisibleTo(panel)


def test_likelihood_ticks_are_the_density_at_each_point(panel):
    """Each tick runs from the point to the right by width · p(yᵢ) / p_max."""
    x, y = panel.likelihood_marks.getData()
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    segments = np.array([x, y]).T.reshape(-1, 2, 2)  # (start, end) per point
    width = panel.bell_width()
    r = model.compute(panel.state)
    lengths = segments[:, 1, 0] - segments[:, 0, 0]
    np.testing.assert_allclose(lengths, width * np.exp(r.log_lik - r.log_lik.max()),
                               atol=1e-12)
    np.testing.assert_allclose(segments[:, 0, 1], r.y)


# ---------------------------------------------------------------------- keystrokes
def test_typing_w_b_and_scale_writes_the_state_and_redraws(panel, qtbot):
    type_into(qtbot, panel.controls["w"], "4.2")
    type_into(qtbot, panel.controls["b"], "-3.2")
    type_into(qtbot, panel.controls["scale"], "2")
    s = panel.state
    assert (s.w, s.b, s.scale) == (4.2, -3.2, 2.0)
    assert panel.value_lines["w"].value() == pytest.approx(4.2)
    assert panel.value_lines["b"].value() == pytest.approx(-3.2)
    want = -lk.log_likelihoods("gaussian", *model.data(s), 4.2, -3.2, 2.0).sum()
    assert f"{want:.9g}" in panel.summary.text()
    _, y = panel.line_curve.getData()
    x, _ = panel.line_curve.getData()
    np.testing.assert_allclose(y, 4.2 * x - 3.2, atol=1e-12)


def test_typing_points_as_text(panel, qtbot):
    type_into(qtbot, panel.controls["points"], "0,1; 1,3; 2,2")
    assert panel.state.points == ((0.0, 1.0), (1.0, 3.0), (2.0, 2.0))
    shown = panel.visible_points()
    assert [(item.pos().x(), item.pos().y()) for item in shown] == list(panel.state.points)
    assert len(panel.term_bars.opts["height"]) == 3
    type_into(qtbot, panel.controls["points"], "0,1;oops")
    assert panel.state.points == ((0.0, 1.0), (1.0, 3.0), (2.0, 2.0))
    assert "not a number" in panel.controls["points"].error
    type_into(qtbot, panel.controls["points"], "0,0; 1,1; 2,4; 3,9; 4,16; 5,25")
    shown = panel.visible_points()
    assert [(item.pos().x(), item.pos().y()) for item in shown] == list(panel.state.points)
    assert len(shown) == 6


def test_state_changes_move_controls_and_handles(panel):
    panel.state.update({"w": 2.0, "b": 1.0})
    assert panel.controls["w"].value() == 2.0 and panel.controls["b"].value() == 1.0
    for handle, hx in zip(panel.handles, panel._handle_x, strict=True):
        assert handle.pos().y() == pytest.approx(2.0 * hx + 1.0)
    assert panel.value_lines["w"].value() == 2.0


# ---------------------------------------------------------------------- mouse
def test_dragging_the_outlier_moves_it(panel):
    dx, dy = pixel_size(panel.data_plot)
    drag(panel, panel.data_plot, (4.0, 20.0), (4.0, 5.0))
    x, y = panel.state.points[4]
    assert x == pytest.approx(4.0, abs=2 * dx) and y == pytest.approx(5.0, abs=2 * dy)
    assert panel.state.points[:4] == model.REGRESSION_POINTS[:4]
    assert panel.point_items[4].pos().y() == y
    r = model.compute(panel.state)
    np.testing.assert_allclose(panel.term_bars.opts["height"], r.log_lik)


def test_dragging_a_line_handle_turns_the_line_about_the_other(panel):
    h0, h1 = panel.handles
    x0, x1 = panel._handle_x
    y1 = h1.pos().y()
    _, dy = pixel_size(panel.data_plot)
    drag(panel, panel.data_plot, (x0, h0.pos().y()), (x0, 3.0))
    s = panel.state
    assert s.w * x0 + s.b == pytest.approx(3.0, abs=2 * dy)
    assert s.w * x1 + s.b == pytest.approx(y1, abs=1e-9)  # the other handle stayed put
    assert panel.controls["w"].value() == pytest.approx(s.w, abs=1e-4)


def test_dragging_the_w_line_on_the_nll_curve(panel):
    plot = panel.nll_w_plot
    dx, _ = pixel_size(plot)
    y_mid = sum(plot.getViewBox().viewRange()[1]) / 2
    drag(panel, plot, (1.0, y_mid), (3.0, y_mid))
    assert panel.state.w == pytest.approx(3.0, abs=3 * dx)
    assert panel.controls["w"].value() == pytest.approx(panel.state.w, abs=1e-4)


# ---------------------------------------------------------------------- modes and buttons
def test_bernoulli_mode(panel, qtbot):
    combo = panel.controls["noise"]
    combo.setCurrentIndex(combo.findData("bernoulli"))
    s = panel.state
    assert s.noise == "bernoulli" and s.points == model.BERNOULLI_POINTS
    assert not panel.controls["scale"].isVisibleTo(panel)
    r = model.compute(s)
    x, y = panel.likelihood_marks.getData()
    segments = np.array([x, y]).T.reshape(-1, 2, 2)
    np.testing.assert_allclose(np.abs(segments[:, 1, 1] - segments[:, 0, 1]), r.lik,
                               rtol=1e-12)
    text = panel.explanation.toPlainText()
    assert "binary cross-entropy" in text and "logistic loss" in text
    # Dragging a label-0 point up past ½ makes it a 1.
    drag(panel, panel.data_plot, (-2.0, 0.0), (-2.0, 0.8))
    assert s.points[0][1] == 1.0
    assert panel.point_items[0].pos().y() == 1.0


def test_move_to_mle_button_and_separable_data(panel, qtbot):
    qtbot.mouseClick(panel.to_mle, Qt.MouseButton.LeftButton)
    assert (panel.state.w, panel.state.b) == pytest.approx((4.2, -3.2))
    assert panel.state.w == model.compute(panel.state).fit.w
    panel.state.update({"noise": "bernoulli", "points": ((0, 0), (1, 0), (2, 1))})
    assert not panel.to_mle.isEnabled()
    assert "no finite" in panel.summary.text()
    assert not panel.mle_lines["w"].isVisible()


def test_tail_points_show_the_problem(panel):
    panel.state.update({"scale": 0.01, "points": ((0, 0), (1, 900))})
    assert panel.problem_label.isVisibleTo(panel)
    assert "logarithm" in panel.problem_label.text()
    assert np.all(np.isfinite(panel.term_bars.opts["height"]))


# ---------------------------------------------------------------------- export
def test_export_png_csv_json(panel, tmp_path):
    panel.export_to(tmp_path / "fig.png")
    image = QImage(str(tmp_path / "fig.png"))
    assert image.width() > 400 and image.height() > 300
    panel.export_to(tmp_path / "points.csv")
    with open(tmp_path / "points.csv", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["x", "y", "residual", "likelihood", "log_likelihood"] and len(rows) == 6
    panel.export_to(tmp_path / "doc.json")
    doc = json.loads((tmp_path / "doc.json").read_text())
    assert doc["nll"] == pytest.approx(132.594693, abs=5e-7)
    panel.export_to(tmp_path / "fig.svg")
    assert (tmp_path / "fig.svg").read_text().lstrip().startswith("<?xml")
