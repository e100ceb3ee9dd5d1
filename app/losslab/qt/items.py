"""Light plot items for what moves on every animation frame.

pyqtgraph draws a single-point marker (a ``PlotDataItem`` with a symbol) through a whole
``ScatterPlotItem``: about 0.5 ms per ``setData`` and 0.6 ms per repaint, for one dot.  The
neuron panel moves ten of them per frame, which alone cost more than a 60 fps frame.
:class:`Marker` draws the same symbol (pyqtgraph's own symbol shapes, sizes and pens) at one
data point for a few microseconds: it is positioned with ``setPos`` in the plot's data
coordinates and drawn in screen pixels (``ItemIgnoresTransformations``), as pyqtgraph draws
symbols.  It keeps ``PlotDataItem``'s data interface (``setData``, ``getData``,
``getOriginalDataset``, ``setLogMode``, ``dataBounds``) so views, exports and tests read it the
same way.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import ArrayLike, NDArray
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols, drawSymbol
from pyqtgraph.Qt import internals
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

Array = NDArray[np.float64]


class Marker(QGraphicsItem):
    """One symbol at one data point (or nothing, for empty data).

    Args:
        symbol: a pyqtgraph symbol name ("o", "s", "t", "star", …).
        size: symbol size in screen pixels (as ``symbolSize``).
        pen: outline (as ``symbolPen``; anything ``pg.mkPen`` takes, None for none).
        brush: fill (as ``symbolBrush``; anything ``pg.mkBrush`` takes).
    """

    def __init__(self, symbol: str = "o", size: float = 9.0, pen: Any = None,
                 brush: Any = None) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        # Drawn once into a pixmap and blitted wherever it moves (moving does not redraw it);
        # exports draw without item caches.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if symbol not in Symbols:
            raise ValueError(f"unknown symbol {symbol!r}; allowed: {', '.join(Symbols)}")
        self.symbol = symbol
        self.size = float(size)
        self.pen = pg.mkPen(pen) if pen is not None else pg.mkPen(None)
        self.brush = pg.mkBrush(brush) if brush is not None else pg.mkBrush(None)
        pad = self.size / 2 + max(self.pen.widthF(), 1.0) + 1.0
        self._rect = QRectF(-pad, -pad, 2 * pad, 2 * pad)
        self._x: Array = np.zeros(0)
        self._y: Array = np.zeros(0)
        self._log = (False, False)
        self._shown = False

    # ------------------------------------------------------------------ data (PlotDataItem-like)
    def setData(self, x: ArrayLike, y: ArrayLike) -> None:  # noqa: N802 (pyqtgraph's name)
        """Place the marker at (x[0], y[0]); empty arrays hide it.  At most one point."""
        xs = np.array(x, dtype=np.float64).ravel()
        ys = np.array(y, dtype=np.float64).ravel()
        if xs.shape != ys.shape or xs.size > 1:
            raise ValueError(f"a Marker takes zero or one point, got {xs.size} x and {ys.size} y")
        self._x, self._y = xs, ys
        self._place()

    def setLogMode(self, x: bool, y: bool) -> None:  # noqa: N802 (pyqtgraph's name)
        """Show log10 of the coordinates on a log axis, as the plot's other items do."""
        self._log = (bool(x), bool(y))
        self._place()

    def getOriginalDataset(self) -> tuple[Array, Array]:  # noqa: N802 (pyqtgraph's name)
        """The data as given to :meth:`setData`."""
        return self._x, self._y

    def getData(self) -> tuple[Array, Array]:  # noqa: N802 (pyqtgraph's name)
        """The data as drawn: log10 of a coordinate whose axis is logarithmic."""
        return self._display()

    def dataBounds(self, ax: int, frac: float = 1.0,  # noqa: N802 (pyqtgraph's name)
                   orthoRange: Any = None) -> tuple[float | None, float | None]:  # noqa: N803
        values = self._display()[ax]
        values = values[np.isfinite(values)]
        if not values.size:
            return None, None
        return float(values.min()), float(values.max())

    def _display(self) -> tuple[Array, Array]:
        with np.errstate(divide="ignore", invalid="ignore"):
            x = np.log10(self._x) if self._log[0] else self._x
            y = np.log10(self._y) if self._log[1] else self._y
        return x, y

    def _place(self) -> None:
        x, y = self._display()
        shown = bool(x.size) and math.isfinite(x[0]) and math.isfinite(y[0])
        if shown != self._shown:
            self.prepareGeometryChange()
            self._shown = shown
        if shown:
            self.setPos(float(x[0]), float(y[0]))

    # ------------------------------------------------------------------ drawing
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(self._rect) if self._shown else QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self._shown:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        drawSymbol(painter, self.symbol, self.size, self.pen, self.brush)


class SymbolCloud(pg.ScatterPlotItem):
    """Equal symbols (one shape, size, pen and brush) at many data points, drawn cheaply.

    pyqtgraph's ``ScatterPlotItem`` keeps a record per spot and builds Python lists of per-spot
    keys on every ``setData`` (inside a ``PlotDataItem``, again on every view-range change):
    ~0.3 ms for sixteen symbols, ~60 ms for a new sample of 10 000.  Here the symbol is drawn
    once into a pixmap and stamped at every point's device-pixel position
    (``QPainter.drawPixmapFragments``, Qt's sprite path, about ten times faster than drawing
    10 000 antialiased discs).  On a paint device that is not raster (an SVG) every symbol is
    drawn as a vector path instead, so a file never holds raster copies of the symbols.

    It stays a ``ScatterPlotItem`` for the legend (its sample reads ``opts``), keeps the data
    as given in ``xData``/``yData`` as ``PlotDataItem`` does (``getData`` gives what is drawn:
    log10 of a coordinate whose axis is logarithmic, see ``setLogMode``, which the plot calls).
    """

    def __init__(self, symbol: str = "o", size: float = 7.0, pen: Any = None,
                 brush: Any = None, name: str | None = None) -> None:
        if symbol not in Symbols:
            raise ValueError(f"unknown symbol {symbol!r}; allowed: {', '.join(Symbols)}")
        self.xData: Array = np.zeros(0)
        self.yData: Array = np.zeros(0)
        self._shown: tuple[Array, Array] = (np.zeros(0), np.zeros(0))
        self._bounds: tuple[float, float, float, float] | None = None
        self._fragments = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._sprite: QPixmap | None = None
        self._sprite_dpr = 0.0
        pen = pg.mkPen(pen) if pen is not None else pg.mkPen(None)
        brush = pg.mkBrush(brush) if brush is not None else pg.mkBrush(None)
        super().__init__(symbol=symbol, size=size, pen=pen, brush=brush, pxMode=True, name=name)
        # The base constructor hands these to setData, which takes positions only here.
        self.opts.update(name=name, symbol=symbol, size=float(size), pen=pen, brush=brush,
                         logMode=(False, False))
        self._pad = 0.5 * float(size) + max(pen.widthF(), 1.0) if pen.style() != \
            Qt.PenStyle.NoPen else 0.5 * float(size)
        self._maxSpotPxWidth = 2.0 * self._pad

    # ------------------------------------------------------------------ data
    def setData(self, *args: Any, **kargs: Any) -> None:  # noqa: N802 (pyqtgraph's name)
        """``setData(x, y)``: the symbols' positions (the constructor's keyword call is
        ignored)."""
        if len(args) != 2:
            return
        x = np.array(args[0], dtype=np.float64).ravel()
        y = np.array(args[1], dtype=np.float64).ravel()
        if x.shape != y.shape:
            raise ValueError(f"x and y differ in length: {x.size} and {y.size}")
        self.xData, self.yData = x, y
        self._place()

    def setLogMode(self, x: bool, y: bool) -> None:  # noqa: N802 (pyqtgraph's name)
        """Draw log10 of the coordinates on a log axis, as the plot's other items do."""
        self.opts["logMode"] = (bool(x), bool(y))
        self._place()

    def _place(self) -> None:
        x, y = self.xData, self.yData
        log_x, log_y = self.opts["logMode"]
        with np.errstate(divide="ignore", invalid="ignore"):
            x = np.log10(x) if log_x else x
            y = np.log10(y) if log_y else y
        keep = np.isfinite(x) & np.isfinite(y)
        if not keep.all():
            x, y = x[keep], y[keep]
        self.prepareGeometryChange()
        self._shown = (x, y)
        self._bounds = ((float(x.min()), float(x.max()), float(y.min()), float(y.max()))
                        if len(x) else None)
        self.informViewBoundsChanged()
        self.update()

    def getData(self) -> tuple[Array, Array]:  # noqa: N802 (pyqtgraph's name)
        """The points as drawn (log10 on a log axis; points a log axis cannot show left out)."""
        return self._shown

    def dataBounds(self, ax: int, frac: float = 1.0,  # noqa: N802 (pyqtgraph's name)
                   orthoRange: Any = None) -> tuple[float | None, float | None]:  # noqa: N803
        if self._bounds is None:
            return None, None
        return (self._bounds[0], self._bounds[1]) if ax == 0 else (self._bounds[2],
                                                                  self._bounds[3])

    def pixelPadding(self) -> float:  # noqa: N802 (pyqtgraph's name)
        return self._pad + 1.0

    def points(self) -> list[Any]:
        return []

    def pointsAt(self, pos: Any) -> list[Any]:  # noqa: N802 (pyqtgraph's name)
        return []

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        if getattr(self, "_bounds", None) is None:
            return QRectF()
        return super().boundingRect()

    # ------------------------------------------------------------------ drawing
    def _sprite_pixmap(self, dpr: float) -> QPixmap:
        """The symbol, drawn once per device-pixel ratio, centred in a square pixmap."""
        if self._sprite is None or self._sprite_dpr != dpr:
            side = int(math.ceil((2.0 * self._pad + 2.0) * dpr))
            pix = QPixmap(side, side)
            pix.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.translate(side / 2.0, side / 2.0)
            painter.scale(dpr, dpr)
            drawSymbol(painter, self.opts["symbol"], self.opts["size"], self.opts["pen"],
                       self.opts["brush"])
            painter.end()
            pix.setDevicePixelRatio(dpr)
            self._sprite, self._sprite_dpr = pix, dpr
        return self._sprite

    def paint(self, p: QPainter, option: Any = None, widget: Any = None) -> None:
        x, y = self._shown
        n = len(x)
        if not n:
            return
        t = p.transform()
        px = t.m11() * x + t.m21() * y + t.dx()
        py = t.m12() * x + t.m22() * y + t.dy()
        p.save()
        p.resetTransform()
        engine = p.paintEngine()
        if engine is not None and engine.type() != QPaintEngine.Type.Raster:
            # An SVG (or another vector device): every symbol as a path.
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for a, b in zip(px.tolist(), py.tolist(), strict=True):
                p.resetTransform()
                p.translate(a, b)
                drawSymbol(p, self.opts["symbol"], self.opts["size"], self.opts["pen"],
                           self.opts["brush"])
            p.restore()
            return
        dpr = float(p.device().devicePixelRatioF()) if p.device() is not None else 1.0
        sprite = self._sprite_pixmap(dpr)
        side = float(sprite.width())
        self._fragments.resize(n)
        frags = self._fragments.ndarray()
        frags[:, 0] = px
        frags[:, 1] = py
        frags[:, 2:6] = (0.0, 0.0, side, side)  # source rectangle: the whole sprite
        frags[:, 6:10] = (1.0 / dpr, 1.0 / dpr, 0.0, 1.0)  # scale, rotation, opacity
        p.drawPixmapFragments(*self._fragments.drawargs(), sprite)
        p.restore()


class Curve(pg.PlotCurveItem):
    """A curve redrawn on every frame: ``PlotCurveItem`` with ``PlotDataItem``'s data interface.

    ``PlotDataItem.setData`` costs ~0.1 ms of bookkeeping (datasets, bounds, downsampling
    state) before its inner ``PlotCurveItem`` gets the points; this goes straight to the inner
    part.  It keeps the data as given (``getOriginalDataset``), draws log10 of a coordinate
    whose axis is logarithmic (``setLogMode``, called by the plot), and thins very long data to
    the envelope of ``max_points`` (peak decimation: the minimum and maximum of each stretch, as
    pyqtgraph's ``downsampleMethod="peak"``), which looks the same at screen resolution.

    It never tells its plot that its bounds changed: add it with ``ignoreBounds=True`` (it lies
    on data that sets the range), so that moving it does not make the plot re-range and repaint
    whole on every frame.
    """

    def __init__(self, *, pen: Any, name: str | None = None, connect: str = "finite",
                 max_points: int = 4000) -> None:
        super().__init__(pen=pen, name=name, connect=connect)
        self.max_points = max_points
        self._x: Array = np.zeros(0)
        self._y: Array = np.zeros(0)
        self._log = (False, False)

    def setData(self, *args: Any, **kargs: Any) -> None:  # noqa: N802 (pyqtgraph's name)
        """``setData(x, y)``: draw the polyline through (x, y).

        (With keyword options it is ``PlotCurveItem.setData``: its constructor calls it so.)
        """
        if kargs or len(args) != 2:
            super().setData(*args, **kargs)
            return
        xs = np.asarray(args[0], dtype=np.float64)
        ys = np.asarray(args[1], dtype=np.float64)
        if xs.shape != ys.shape or xs.ndim != 1:
            raise ValueError(f"x and y must be 1-D of one length, got {xs.shape} and {ys.shape}")
        self._x, self._y = xs, ys
        self._draw()

    def setLogMode(self, x: bool, y: bool) -> None:  # noqa: N802 (pyqtgraph's name)
        self._log = (bool(x), bool(y))
        self._draw()

    def getOriginalDataset(self) -> tuple[Array, Array]:  # noqa: N802 (pyqtgraph's name)
        """The data as given to :meth:`setData`."""
        return self._x, self._y

    def informViewBoundsChanged(self) -> None:  # noqa: N802 (pyqtgraph's name)
        """Nothing: the curve is added with ``ignoreBounds=True`` (see the class docstring)."""

    def _draw(self) -> None:
        x, y = self._x, self._y
        if self._log[0] or self._log[1]:
            with np.errstate(divide="ignore", invalid="ignore"):
                x = np.log10(x) if self._log[0] else x
                y = np.log10(y) if self._log[1] else y
        n = len(x)
        if n > self.max_points:
            x, y = _peak_decimate(x, y, max(2, 2 * n // self.max_points))
        super().setData(x, y)



class PlayedCurve(Curve):
    """The part of a whole run played so far: the run's first points, up to the current frame.

    Stroking the played part again on every animation frame (building its path, an antialiased
    wide stroke) cost about half a millisecond per curve.  The played part is always the start
    of one whole run, so on screen this draws the whole run once, into a pixmap at the view's
    device resolution, and shows the part of it left of the last played point (a clip): a frame
    then costs a blit, and only the strip between the old and the new last point is repainted.
    The pixmap is drawn again only when the run, the pen or the view's transform changes.

    An export (``QGraphicsScene.render``: no widget) strokes exactly the played points instead,
    so a PNG, a GIF frame and an SVG (whose writer keeps no clips) hold only them.

    ``setData(x, y)`` gives the whole run (x increasing) and shows all of it; :meth:`reveal`
    shows its first ``n`` points.  :meth:`getOriginalDataset` returns the points shown, as
    :class:`Curve`'s does.
    """

    def __init__(self, *, pen: Any, name: str | None = None, connect: str = "finite",
                 max_points: int = 4000) -> None:
        self._shown = 0
        self._pixmap: QPixmap | None = None
        self._pixmap_key: tuple[Any, ...] | None = None
        self._version = 0
        self._pixel_x = 0.0  # item units per device pixel along x, at the last screen paint
        super().__init__(pen=pen, name=name, connect=connect, max_points=max_points)

    def setData(self, *args: Any, **kargs: Any) -> None:  # noqa: N802 (pyqtgraph's name)
        """``setData(x, y)``: the whole run, all of it shown (see :meth:`reveal`)."""
        super().setData(*args, **kargs)
        if not kargs and len(args) == 2:
            self._shown = len(self._x)
        self._version += 1

    def setLogMode(self, x: bool, y: bool) -> None:  # noqa: N802 (pyqtgraph's name)
        super().setLogMode(x, y)
        self._version += 1

    def reveal(self, n: int) -> None:
        """Show the run's first ``n`` points (clamped to the run)."""
        n = max(0, min(int(n), len(self._x)))
        if n == self._shown:
            return
        old = self._clip_x()
        self._shown = n
        new = self._clip_x()
        bounds = self.boundingRect()
        if old is None or new is None or not self._pixel_x:
            self.update()
            return
        # Only the strip between the old and the new end changes (plus a pixel each side).
        pad = 2.0 * self._pixel_x
        left = min(old, new) - pad
        self.update(QRectF(left, bounds.top(), abs(new - old) + 2 * pad, bounds.height()))

    def reveal_to(self, x: float) -> tuple[Array, Array]:
        """Show the run's points with x ≤ ``x``; returns them (as :meth:`getOriginalDataset`)."""
        self.reveal(int(np.searchsorted(self._x, x, side="right")))
        return self.getOriginalDataset()

    def shown(self) -> int:
        """How many of the run's points are shown."""
        return self._shown

    def getOriginalDataset(self) -> tuple[Array, Array]:  # noqa: N802 (pyqtgraph's name)
        """The points shown (the run's first :meth:`shown`), as given to :meth:`setData`."""
        return self._x[: self._shown], self._y[: self._shown]

    def _clip_x(self) -> float | None:
        """x of the last shown point, in item (display) coordinates; None when none is."""
        if self._shown == 0:
            return None
        x = float(self._x[self._shown - 1])
        if self._log[0]:
            x = math.log10(x) if x > 0 else -math.inf
        return x if math.isfinite(x) else None

    def paint(self, p: QPainter, opt: QStyleOptionGraphicsItem,  # noqa: D102
              widget: QWidget | None = None) -> None:
        if self._shown == 0 or self.xData is None or len(self.xData) == 0:
            return
        dt = p.deviceTransform()
        if widget is None or dt.m12() != 0.0 or dt.m21() != 0.0 or dt.m11() == 0.0:
            self._paint_shown(p)  # an export (or a rotated view): the points themselves
            return
        self._paint_cached(p, opt, widget, dt)

    def _paint_shown(self, p: QPainter) -> None:
        """Stroke exactly the points shown, as ``PlotCurveItem.paint`` strokes a curve."""
        if self._shown >= len(self._x):
            super().paint(p, None, None)
            return
        x, y = self._x[: self._shown], self._y[: self._shown]
        with np.errstate(divide="ignore", invalid="ignore"):
            x = np.log10(x) if self._log[0] else x
            y = np.log10(y) if self._log[1] else y
        if len(x) > self.max_points:
            x, y = _peak_decimate(x, y, max(2, 2 * len(x) // self.max_points))
        pen = self.opts["pen"]
        if pen is None or pen.style() == Qt.PenStyle.NoPen or len(x) == 0:
            return
        aa = (self._exportOpts.get("antialias", True) if self._exportOpts is not False
              else self.opts["antialias"])
        p.setRenderHint(QPainter.RenderHint.Antialiasing, aa)
        p.setPen(pen)
        if len(x) == 1:
            p.drawPoint(QPointF(float(x[0]), float(y[0])))
            return
        if self._shouldUseDrawLineSegments(pen):  # as PlotCurveItem strokes wide solid lines
            # Kept in a name while drawn: drawargs() points into its buffer.
            segments = arrayToLineSegments(x, y, connect=self.opts["connect"], finiteCheck=True)
            p.drawLines(*segments.drawargs())
        else:
            p.drawPath(pg.arrayToQPath(x, y, connect=self.opts["connect"]))

    def _paint_cached(self, p: QPainter, opt: QStyleOptionGraphicsItem, widget: QWidget,
                      dt: QTransform) -> None:
        # ``base`` maps the painter's base coordinates (the widget's) to the device: a widget's
        # offset in its window's backing store and the device pixel ratio.
        world_inverse, invertible = p.worldTransform().inverted()
        if not invertible:
            return
        base = world_inverse * dt
        ratio = p.device().devicePixelRatioF()
        area = base.mapRect(QRectF(widget.rect()))
        target = dt.mapRect(self.boundingRect()).intersected(area).toAlignedRect()
        if target.isEmpty():
            return
        pen = self.opts["pen"]
        key = (dt.m11(), dt.m22(), dt.dx(), dt.dy(), target.x(), target.y(), target.width(),
               target.height(), ratio, self._version, pen, self.opts["antialias"])
        if self._pixmap is None or self._pixmap_key != key:
            pixmap = QPixmap(target.size())
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            try:
                painter.setTransform(dt * QTransform.fromTranslate(-target.x(), -target.y()))
                super().paint(painter, opt, widget)  # the whole run
            finally:
                painter.end()
            self._pixmap = pixmap
            self._pixmap_key = (*key[:-2], QPen(pen) if pen is not None else None, key[-1])
        self._pixel_x = 1.0 / abs(dt.m11())
        end = self._clip_x()
        if end is None:
            return
        edge = dt.map(QPointF(end, 0.0)).x()
        if dt.m11() > 0:  # x grows to the right: show what lies left of the last point
            left, right = float(target.left()), min(edge, float(target.left() + target.width()))
        else:
            left, right = max(edge, float(target.left())), float(target.left() + target.width())
        if right <= left:
            return
        to_base, invertible = base.inverted()
        if not invertible:
            return
        p.save()
        try:
            p.resetTransform()  # base coordinates: device ones through ``to_base``
            p.setClipRect(to_base.mapRect(QRectF(left, target.top(), right - left,
                                                 target.height())),
                          Qt.ClipOperation.IntersectClip)
            p.drawPixmap(to_base.mapRect(QRectF(target)), self._pixmap,
                         QRectF(self._pixmap.rect()))
        finally:
            p.restore()


def _peak_decimate(x: Array, y: Array, step: int) -> tuple[Array, Array]:
    """The envelope of (x, y) in stretches of ``step`` points: each stretch's first x twice,
    with its minimum and maximum y (the last, shorter stretch included), then the last point."""
    n = len(x)
    full = n // step * step
    ys = y[:full].reshape(-1, step)
    xs = x[:full:step]
    lo, hi = ys.min(axis=1), ys.max(axis=1)  # a NaN stays NaN: the line breaks there
    if full < n:
        xs = np.append(xs, x[full])
        lo = np.append(lo, y[full:].min())
        hi = np.append(hi, y[full:].max())
    out_x = np.repeat(xs, 2)
    out_y = np.empty(2 * len(lo))
    out_y[0::2], out_y[1::2] = lo, hi
    # The last point stays exact: the played part of a run ends at the current frame.
    return np.append(out_x, x[-1]), np.append(out_y, y[-1])


class QuietLine(pg.InfiniteLine):
    """An ``InfiniteLine`` (added with ``ignoreBounds=True``) that does not make its plot
    re-range and repaint whole when it moves: for a frame marker that moves every frame."""

    def informViewBoundsChanged(self) -> None:  # noqa: N802 (pyqtgraph's name)
        """Nothing: the line never counts for the plot's range."""


class HeatMap(pg.ImageItem):
    """An ``ImageItem`` for a small matrix redrawn on every animation frame.

    pyqtgraph draws its colour image scaled up to the plot; clipped to the few strips of a
    frame's repaint (a clip Qt's fast scaling path does not take) that cost about 1.4 ms per
    weight matrix.  On screen this fills each cell as a rectangle in the cell's colour
    instead: the same pixels (a pixel takes the colour of the cell its centre lies in, as in
    the scaled image) for a few microseconds a cell.  Exports (no widget) draw the image as
    pyqtgraph does.
    """

    #: Most cells drawn one by one; a larger image is drawn scaled, as pyqtgraph does.
    MAX_CELLS = 1024

    def paint(self, painter: QPainter, *args: Any) -> None:  # noqa: D102
        widget = args[1] if len(args) > 1 else None
        if widget is None or self.image is None or self.paintMode is not None \
                or self.border is not None:
            super().paint(painter, *args)
            return
        if self._renderRequired:
            self.render()
            if self._unrenderable:
                return
        image = self.qimage
        if image is None or image.width() * image.height() > self.MAX_CELLS:
            super().paint(painter, *args)
            return
        shape = (image.width(), image.height())
        if getattr(self, "_cells_shape", None) != shape:  # the cells' rectangles, kept
            self._cells = [(x, y, QRectF(x, y, 1.0, 1.0)) for x in range(shape[0])
                           for y in range(shape[1])]
            self._cells_shape = shape
        fill, pixel, colour = painter.fillRect, image.pixel, QColor.fromRgba
        for x, y, cell in self._cells:
            fill(cell, colour(pixel(x, y)))
