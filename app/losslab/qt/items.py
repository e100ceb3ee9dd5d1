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
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols, drawSymbol

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
