"""LegibleAxis (losslab.qt.axes): which tick labels are drawn, and the lean port of
pyqtgraph's ``generateDrawSpecs`` that draws them."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication

from losslab.qt import axes


def _specs(generate, axis):
    """``generate(axis, painter)`` with a painter on a small image."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        return generate(axis, painter)
    finally:
        painter.end()


def _label_rects(axis: axes.LegibleAxis) -> dict[str, QRectF]:
    """The drawn tick labels of ``axis`` and the scene rectangles their glyphs cover."""
    specs = _specs(axes.LegibleAxis.generateDrawSpecs, axis)
    metrics = QFontMetricsF(axis.tick_font())
    out = {}
    for rect, _flags, text in specs[2]:
        width = max(rect.width(), metrics.horizontalAdvance(text))
        glyphs = QRectF(rect.center().x() - width / 2, rect.top(), width, rect.height())
        out[text] = axis.mapRectToScene(glyphs)
    return out


def test_a_label_the_figure_edge_would_cut_is_not_drawn(qtbot):
    """The figure is what the view shows, not the scene's bounding rectangle: a curve reaching
    far past its plot makes that much larger than the figure."""
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    plot = axes.add_plot(view.ci, row=0, col=0)
    view.ci.setContentsMargins(0, 0, 0, 0)
    plot.setContentsMargins(0, 0, 0, 0)
    plot.addItem(pg.PlotDataItem([-1000.0, 1000.0], [0.0, 1.0]))
    plot.setXRange(0.0, 300.0, padding=0.0)
    QApplication.processEvents()
    axis = plot.getAxis("bottom")
    figure = view.sceneRect()
    assert figure == QRectF(0, 0, 400, 300)
    assert view.scene().sceneRect().right() > figure.right() + 100
    # The label of the last tick would reach half its width past the figure's right edge.
    unthinned = _specs(pg.AxisItem.generateDrawSpecs, axis)
    assert "300" in [text for _rect, _flags, text in unthinned[2]]
    drawn = _label_rects(axis)
    assert drawn and "300" not in drawn
    for text, rect in drawn.items():
        assert figure.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), text


def test_an_axis_in_a_scene_without_a_view_uses_the_scene_rect(qtbot):
    scene = pg.GraphicsScene()
    plot = axes.LegiblePlotItem()
    scene.addItem(plot)
    plot.resize(400, 300)
    axis = plot.getAxis("bottom")
    assert axis.figure_rects() == [scene.sceneRect()]
    scene.removeItem(plot)
    assert axis.figure_rects() == []
