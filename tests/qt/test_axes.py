"""LegibleAxis (losslab.qt.axes): which tick labels are drawn, and the lean port of
pyqtgraph's ``generateDrawSpecs`` that draws them."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QPen, QPicture
from PySide6.QtWidgets import QApplication

from losslab.qt import axes, theme


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


# ---------------------------------------------------------------------- the lean port
def test_np_sum_is_numpys_sum_to_the_last_bit():
    """The lean specs decide whether a finer level of labels is drawn from np.sum's result."""
    rng = np.random.default_rng(7)
    for n in [*range(0, 40), 63, 64, 65, 127, 128, 129, 255, 256, 257, 300, 1000]:
        for _ in range(20):
            values = [float(v) for v in rng.uniform(0.0, 80.0, n)]
            if n and rng.random() < 0.3:  # label heights: many equal values
                values = [13.953125 * 0.8] * n
            assert axes.np_sum(values) == float(np.sum(values)), (n, values)


def _pen(pen: QPen) -> tuple[object, ...]:
    return (pen.color().rgba(), pen.widthF(), pen.style(), pen.isCosmetic(),
            pen.brush().style(), pen.capStyle(), pen.joinStyle())


def _plain(specs: object) -> object:
    """Draw specs as comparable values: pens by colour and width, points and rectangles by
    their exact coordinates, flags as ints."""
    if specs is None:
        return None
    (axis_pen, a0, a1), ticks, texts = specs  # type: ignore[misc]
    return ((_pen(axis_pen), a0.x(), a0.y(), a1.x(), a1.y()),
            [(_pen(pen), p0.x(), p0.y(), p1.x(), p1.y()) for pen, p0, p1 in ticks],
            [(r.x(), r.y(), r.width(), r.height(), int(flags), text) for r, flags, text in texts])


def _outcome(call, axis, painter_kind):
    """What ``call(axis, painter)`` returns (or raises), the tick strings it asked for and
    the text size it left the axis with; the axis's text size is restored afterwards."""
    saved = (axis.textWidth, axis.textHeight)
    if painter_kind == "picture":  # as AxisItem.paint draws
        device = QPicture()
    else:  # as tests draw, and at another resolution: the text is measured for the device
        device = QImage(40, 40, QImage.Format.Format_RGB32)
        if painter_kind == "image 150 dpi":
            device.setDotsPerMeterX(5906)
            device.setDotsPerMeterY(5906)
    painter = QPainter(device)
    if axis.style["tickFont"] is not None:
        painter.setFont(axis.style["tickFont"])
    axis._levels_seen = []
    try:
        result: object = call(axis, painter)
    except (TypeError, ValueError) as error:  # stopAxisAtTick with ticks out of range
        result = type(error)
    finally:
        painter.end()
    if result is not axes._UNSUPPORTED and not isinstance(result, type):
        result = _plain(result)
    levels, axis._levels_seen = axis._levels_seen, None
    after = (axis.textWidth, axis.textHeight)
    axis.textWidth, axis.textHeight = saved
    axis._adjustSize()
    return result, levels, after


def _pick(rng, options):
    return options[int(rng.integers(len(options)))]


def _random_ticks(rng, lo, hi):
    """Explicit tick levels: values of several types, some outside the range, repeated and
    empty strings."""
    levels = []
    span = (hi - lo) or 1.0
    # Sometimes one float32 value: such axes are drawn by pyqtgraph's code (its arithmetic
    # is then done in another precision).
    float32 = rng.random() < 0.1
    for _level in range(int(rng.integers(1, 4))):
        level = []
        for _ in range(int(rng.integers(0, 25))):
            value = float(rng.uniform(lo - 0.2 * span, hi + 0.2 * span))
            kind = rng.integers(0, 4)
            if kind == 0:
                value = int(round(value)) if abs(value) < 1e15 else value
            elif kind == 1:
                value = np.float64(value)
            elif float32:
                value, float32 = np.float32(value), False
            text = _pick(rng, [f"{value:.3g}", f"{value:g}", "", "−1", "10⁻³", "x"])
            level.append((value, text))
        levels.append(level)
    return levels


def _random_range(rng, log=False):
    """A view range: in decades on a log axis, else tiny, huge, negative, reversed or
    ordinary."""
    kind = 4 if log else int(rng.integers(0, 6))
    if kind == 0:  # a tiny span far from zero
        centre = float(rng.uniform(-1e3, 1e3))
        return centre, centre + float(10.0 ** rng.uniform(-12, -6))
    if kind == 1:  # huge
        lo = float(-(10.0 ** rng.uniform(0, 14)))
        return lo, lo + float(10.0 ** rng.uniform(6, 15))
    if kind == 2:  # negative
        lo = float(rng.uniform(-1e4, -1))
        return lo, float(rng.uniform(lo + 1e-3, 0))
    if kind == 3:  # reversed (an inverted view)
        lo = float(rng.uniform(-10, 10))
        return lo + float(rng.uniform(0.01, 100)), lo
    if kind == 4:  # decades of a log axis
        lo = float(rng.uniform(-8, 3))
        return lo, lo + float(rng.uniform(0.05, 12))
    lo = float(rng.uniform(-100, 100))
    return lo, lo + float(10.0 ** rng.uniform(-3, 3))


def _configure(rng, view, plot):
    """One random configuration of the plot and its four axes (which are all shown)."""
    view.resize(int(rng.integers(120, 1300)), int(rng.integers(100, 950)))
    log_x, log_y = bool(rng.random() < 0.3), bool(rng.random() < 0.3)
    plot.setLogMode(x=log_x, y=log_y)
    x_lo, x_hi = _random_range(rng, log_x)
    y_lo, y_hi = _random_range(rng, log_y)
    plot.setXRange(min(x_lo, x_hi), max(x_lo, x_hi), padding=0.0)
    plot.setYRange(min(y_lo, y_hi), max(y_lo, y_hi), padding=0.0)
    # Turned now and then: an axis's length in pixels is then no longer its width or height.
    plot.setRotation(float(rng.uniform(-40, 40)) if rng.random() < 0.15 else 0.0)
    QApplication.processEvents()
    presenter = theme.presenter_variant(theme.current)
    for side, (lo, hi), log in (("bottom", (x_lo, x_hi), log_x), ("top", (x_lo, x_hi), log_x),
                                ("left", (y_lo, y_hi), log_y), ("right", (y_lo, y_hi), log_y)):
        axis = plot.getAxis(side)
        font = _pick(rng, [theme.figure_font("tick"), theme.figure_font("tick", presenter),
                           QFont("DejaVu Sans", int(rng.integers(5, 30))), None])
        axis.setStyle(
            tickFont=font,
            tickLength=_pick(rng, [-5, 0, 5, 8]),
            tickTextOffset=int(rng.integers(0, 6)),
            tickAlpha=_pick(rng, [None, float(rng.uniform(0, 1)), int(rng.integers(0, 256))]),
            stopAxisAtTick=(bool(rng.random() < 0.3), bool(rng.random() < 0.3)),
            showValues=bool(rng.random() < 0.9),
            maxTextLevel=int(rng.integers(0, 3)),
            maxTickLevel=int(rng.integers(0, 3)),
            textFillLimits=_pick(rng, [[(0, 0.8), (2, 0.6), (4, 0.4), (6, 0.2)],
                                       [(0, 0.05)], [(1, 0.9), (3, 0.1)], []]),
            hideOverlappingLabels=_pick(rng, [True, False, int(rng.integers(0, 30))]),
            autoExpandTextSpace=bool(rng.random() < 0.8),
        )
        axis.setGrid(False if rng.random() < 0.6 else int(rng.integers(0, 256)))
        axis.enableAutoSIPrefix(bool(rng.random() < 0.3))
        if rng.random() < 0.25:
            axis.setTicks(_random_ticks(rng, min(lo, hi), max(lo, hi)))
        else:
            axis.setTicks(None)
        if rng.random() < 0.3:  # the axis's own range, as any setRange caller may give it
            kind = rng.integers(0, 3)
            cast = (float, np.float64, int)[kind]
            a, b = _random_range(rng, log)
            if kind == 2:
                a, b = round(a), round(b) + 1
            axis.setRange(cast(a), cast(b))


def test_lean_draw_specs_equal_pyqtgraphs_over_many_configurations(qtbot, monkeypatch):
    """LegibleAxis draws from a lean port of pyqtgraph's generateDrawSpecs: for every
    configuration its specs (tick pens and points, text rectangles, flags and strings), the
    tick strings it asks for, the text size it leaves and the thinned labels must be exactly
    pyqtgraph's."""
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    view.show()
    # Laid out, never painted: some configurations make pyqtgraph's drawing raise.
    view.setUpdatesEnabled(False)
    plot = axes.add_plot(view.ci, row=0, col=0)
    plot.showAxis("top")
    plot.showAxis("right")
    plot.addItem(pg.PlotDataItem([1.0, 2.0, 3.0], [1.0, 3.0, 2.0]))
    rng = np.random.default_rng(20240611)
    compared = fallback = with_labels = raised = 0
    for case in range(200):
        _configure(rng, view, plot)
        for side in ("left", "bottom", "right", "top"):
            axis = plot.getAxis(side)
            kind = ("picture", "picture", "image", "image 150 dpi")[case % 4]
            geometry = axis.geometry()
            theirs = _outcome(pg.AxisItem.generateDrawSpecs, axis, kind)
            ours = _outcome(axes.LegibleAxis.lean_draw_specs, axis, kind)
            assert axis.geometry() == geometry
            if ours[0] is axes._UNSUPPORTED:
                fallback += 1
                continue
            assert ours == theirs, (case, side)
            compared += 1
            raised += isinstance(theirs[0], type)
            with_labels += bool(theirs[0]) and not isinstance(theirs[0], type) and bool(
                theirs[0][2])
            # And after the thinning, through generateDrawSpecs itself.
            whole = _outcome(axes.LegibleAxis.generateDrawSpecs, axis, kind)
            with monkeypatch.context() as m:
                m.setattr(axis, "lean_draw_specs", lambda _p: axes._UNSUPPORTED)
                reference = _outcome(axes.LegibleAxis.generateDrawSpecs, axis, kind)
            assert whole == reference, (case, side)
    assert compared > 600 and with_labels > 250 and fallback > 5 and raised > 0, (
        compared, with_labels, fallback, raised)


class _RecordingNumpy:
    """numpy, with the results of ``sum`` recorded (pyqtgraph sums the label sizes with it)."""

    def __init__(self) -> None:
        self.sums: list[float] = []

    def __getattr__(self, name: str) -> object:
        return getattr(np, name)

    def sum(self, *args: object, **kwargs: object) -> object:
        total = np.sum(*args, **kwargs)
        self.sums.append(float(total))
        return total


def test_lean_draw_specs_stop_at_the_crowding_limit_exactly(qtbot, monkeypatch):
    """pyqtgraph draws a finer level of labels unless they fill at least ``textFillLimits``
    of the axis: with the limit set to exactly the fill pyqtgraph computes (np.sum of the
    label sizes / the axis's length), the lean specs must stop there too, to the last bit."""
    from pyqtgraph.graphicsItems import AxisItem as axis_module

    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    view.show()
    view.setUpdatesEnabled(False)
    plot = axes.add_plot(view.ci, row=0, col=0)
    rng = np.random.default_rng(5)
    stopped = 0
    for _case in range(60):
        view.resize(int(rng.integers(300, 1400)), int(rng.integers(300, 900)))
        lo = float(rng.uniform(-50, 50))
        plot.setXRange(lo, lo + float(10.0 ** rng.uniform(-2, 3)), padding=0.0)
        plot.setYRange(lo, lo + float(10.0 ** rng.uniform(-2, 3)), padding=0.0)
        QApplication.processEvents()
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setStyle(tickFont=QFont("DejaVu Sans", int(rng.integers(4, 9))),
                          maxTextLevel=2, textFillLimits=[(0, 10.0)])
            _specs(pg.AxisItem.generateDrawSpecs, axis)  # room for the labels, as a paint would
            QApplication.processEvents()
            sizes: list[float] = []
            own = axis.tickValues

            def tick_values(lo_: float, hi_: float, size: float, own=own, sizes=sizes):
                sizes.append(size)
                return own(lo_, hi_, size)

            recorder = _RecordingNumpy()
            with monkeypatch.context() as m:
                m.setattr(axis, "tickValues", tick_values)
                m.setattr(axis_module, "np", recorder)
                first = _outcome(pg.AxisItem.generateDrawSpecs, axis, "picture")
            # One sum per level with labels; the second is the fill of levels 0 and 1.
            if len(recorder.sums) < 2 or not sizes:
                continue
            limit = recorder.sums[1] / sizes[0]
            axis.setStyle(textFillLimits=[(0, limit)])
            theirs = _outcome(pg.AxisItem.generateDrawSpecs, axis, "picture")
            ours = _outcome(axes.LegibleAxis.lean_draw_specs, axis, "picture")
            assert ours == theirs, (side, limit)
            assert len(theirs[0][2]) < len(first[0][2])  # level 1's labels left out
            stopped += 1
    assert stopped > 40


def test_cached_label_widths_are_the_fonts_own_at_its_resolution(qapp):
    font = QFont("DejaVu Sans", 9)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(5906)
    image.setDotsPerMeterY(5906)
    sharp = QFont(font, image)  # equal to ``font`` for QFont's ==, measured at 150 dpi
    assert sharp == font
    for f in (font, sharp, font, sharp):
        metrics = QFontMetricsF(f)
        width = axes.label_widths(f, metrics)
        for text in ("0.25", "−1000", "10⁻³", ""):
            assert width(text) == metrics.horizontalAdvance(text)
