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
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols, drawSymbol
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
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
