"""The light plot items of losslab.qt.items draw what they say, on screen and in exports.

PlayedCurve shows the first points of a whole run: on screen from a pixmap of the whole run
behind a clip, in an export by stroking exactly those points.  HeatMap fills its cells on
screen instead of drawing a scaled image; the colours must be the image's.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from losslab.qt import export
from losslab.qt.items import HeatMap, PlayedCurve, SymbolCloud

RED = QColor("#FF0000")


@pytest.fixture
def figure(qtbot):
    view = pg.GraphicsLayoutWidget()
    view.setBackground("#FFFFFF")
    qtbot.addWidget(view)
    view.resize(420, 300)
    plot = view.addPlot()
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setXRange(0, 100, padding=0)
    plot.setYRange(0, 1, padding=0)
    view.show()
    qtbot.waitExposed(view)
    return view, plot


def _screen(view: pg.GraphicsLayoutWidget) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def _red_columns(image: QImage, row: int) -> list[int]:
    """x of the pixels of ``row`` that are (nearly) pure red."""
    out = []
    for x in range(image.width()):
        c = QColor(image.pixel(x, row))
        if c.red() > 200 and c.green() < 60 and c.blue() < 60:
            out.append(x)
    return out


def _x_pixel(plot: pg.PlotItem, view: pg.GraphicsLayoutWidget, x: float) -> float:
    scene_point = plot.vb.mapViewToScene(QPointF(x, 0.5))
    return view.mapFromScene(scene_point).x()


def test_played_curve_shows_the_run_up_to_the_revealed_point(figure, qtbot):
    view, plot = figure
    curve = PlayedCurve(pen=pg.mkPen(RED, width=5))
    plot.addItem(curve, ignoreBounds=True)
    x = np.arange(101, dtype=np.float64)
    curve.setData(x, np.full(101, 0.5))
    row = round(view.mapFromScene(plot.vb.mapViewToScene(QPointF(0, 0.5))).y())
    for n in (51, 101, 21, 1, 0, 80):
        curve.reveal(n)
        shown_x, shown_y = curve.getOriginalDataset()
        np.testing.assert_array_equal(shown_x, x[:n])
        assert len(shown_y) == n
        reds = _red_columns(_screen(view), row)
        exported = _red_columns(export.render_image(view, scale=1.0), row)
        if n <= 1:  # one point is no line
            assert reds == [] and len(exported) <= 6
            continue
        end = _x_pixel(plot, view, n - 1)
        for found in (reds, exported):
            assert found, n
            assert max(found) <= end + 4, (n, max(found), end)  # nothing beyond the last point
            assert max(found) >= end - 2, (n, max(found), end)  # but everything up to it
            assert min(found) <= _x_pixel(plot, view, 0) + 2


def test_played_curve_reveal_to_and_log_mode(figure):
    _view, plot = figure
    curve = PlayedCurve(pen=pg.mkPen(RED, width=2))
    plot.addItem(curve, ignoreBounds=True)
    curve.setData(np.array([0.0, 1.0, 3.0, 4.0]), np.array([1.0, 10.0, 100.0, 1000.0]))
    t, y = curve.reveal_to(3.5)
    np.testing.assert_array_equal(t, [0.0, 1.0, 3.0])
    np.testing.assert_array_equal(y, [1.0, 10.0, 100.0])
    assert curve.shown() == 3
    curve.setLogMode(False, True)  # a log axis draws log10 of the run, and shows as much
    assert curve.shown() == 3
    np.testing.assert_allclose(curve.getData()[1], [0.0, 1.0, 2.0, 3.0])
    np.testing.assert_array_equal(curve.getOriginalDataset()[1], [1.0, 10.0, 100.0])


def test_heat_map_cells_on_screen_have_the_image_colours(figure):
    view, plot = figure
    plot.setXRange(0, 4, padding=0)
    plot.setYRange(0, 3, padding=0)
    image = HeatMap()
    image.setColorMap(pg.colormap.get("viridis"))
    values = np.arange(12, dtype=np.float64).reshape(4, 3)  # image[x, y]
    image.setImage(values, levels=(0.0, 11.0))
    plot.addItem(image)
    screen = _screen(view)
    exported = export.render_image(view, scale=1.0)
    for i in range(4):
        for j in range(3):
            centre = view.mapFromScene(plot.vb.mapViewToScene(QPointF(i + 0.5, j + 0.5)))
            a = QColor(screen.pixel(centre.x(), centre.y()))
            b = QColor(exported.pixel(centre.x(), centre.y()))
            assert a == b, (i, j, a.name(), b.name())
    # Neighbouring cells differ: the test would notice cells drawn in one colour.
    first = view.mapFromScene(plot.vb.mapViewToScene(QPointF(0.5, 0.5)))
    last = view.mapFromScene(plot.vb.mapViewToScene(QPointF(3.5, 2.5)))
    assert screen.pixel(first.x(), first.y()) != screen.pixel(last.x(), last.y())


def _red_blobs(image: QImage) -> list[tuple[float, float]]:
    """Centres (x, y) of the red pixels' connected columns groups, left to right (coarse)."""
    pts = np.array([(x, y) for y in range(image.height()) for x in range(image.width())
                    if (c := QColor(image.pixel(x, y))).red() > 200 and c.green() < 80
                    and c.blue() < 80], dtype=float)
    if not len(pts):
        return []
    order = np.argsort(pts[:, 0])
    pts = pts[order]
    groups = np.split(pts, np.flatnonzero(np.diff(pts[:, 0]) > 3) + 1)
    return [(float(g[:, 0].mean()), float(g[:, 1].mean())) for g in groups]


def test_symbol_cloud_draws_each_symbol_where_pyqtgraph_would(figure):
    """Same places and sizes as a ScatterPlotItem of the same symbol (within a pixel)."""
    view, plot = figure
    x, y = [20.0, 50.0, 80.0], [0.25, 0.75, 0.5]
    cloud = SymbolCloud("s", 12, brush=RED)
    plot.addItem(cloud)
    cloud.setData(x, y)
    ours = _red_blobs(_screen(view))
    cloud.setData([], [])
    reference = pg.ScatterPlotItem(x, y, symbol="s", size=12, brush=RED, pen=None)
    plot.addItem(reference)
    theirs = _red_blobs(_screen(view))
    assert len(ours) == len(theirs) == 3
    for (a, b), (c, d) in zip(ours, theirs, strict=True):
        assert abs(a - c) <= 1.0 and abs(b - d) <= 1.0
    assert abs(ours[0][0] - _x_pixel(plot, view, 20.0)) <= 1.0


def test_symbol_cloud_log_mode_keeps_the_data_and_leaves_out_what_a_log_axis_cannot_show(figure):
    _view, plot = figure
    cloud = SymbolCloud("o", 6, brush=RED)
    plot.addItem(cloud)
    plot.setLogMode(x=False, y=True)
    cloud.setData([1.0, 2.0, 3.0], [10.0, 0.0, 1000.0])
    np.testing.assert_array_equal(cloud.xData, [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(cloud.yData, [10.0, 0.0, 1000.0])
    shown_x, shown_y = cloud.getData()
    np.testing.assert_array_equal(shown_x, [1.0, 3.0])
    np.testing.assert_allclose(shown_y, [1.0, 3.0])
    assert cloud.dataBounds(1) == pytest.approx((1.0, 3.0))
    with pytest.raises(ValueError, match="unknown symbol"):
        SymbolCloud("hexagon-ish")


def test_symbol_cloud_is_vector_in_svg_and_sharp_in_a_scaled_png(figure):
    """On screen the symbols are copies of one pixmap; an SVG gets paths, not images, and a
    2× PNG draws them at 2× resolution (not a 1× pixmap scaled up)."""
    view, plot = figure
    cloud = SymbolCloud("o", 20, brush=RED)
    plot.addItem(cloud)
    cloud.setData([50.0], [0.5])
    svg = export.svg_bytes(view).decode()
    assert "<image" not in svg and "<path" in svg
    image = export.render_image(view, scale=2.0)
    row = round(image.height() / 2)
    reds = [x for x in range(image.width())
            if (c := QColor(image.pixel(x, row))).red() > 200 and c.green() < 60]
    # A 20 px disc is 40 device pixels wide at 2×, with a hard (not blurred) edge.
    assert 37 <= len(reds) <= 41
    edge = QColor(image.pixel(reds[0] - 2, row))
    assert edge.green() > 200  # two pixels outside the disc: background, not a smear
    assert cloud._sprite_dpr == 2.0  # the symbol was drawn for the image's resolution
