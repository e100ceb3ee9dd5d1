"""A light scatter item for the Risk lab's sample (up to 10 000 points).

pyqtgraph's ``ScatterPlotItem`` keeps a record per spot and builds a Python list of per-spot keys
on every ``setData``; inside a ``PlotDataItem`` that happens again on every view-range change —
about 60 ms per new sample of 10 000 points.  All the sample's dots look the same, so they are
drawn here as copies of one pre-rendered dot (``QPainter.drawPixmapFragments``, Qt's sprite
path: about ten times faster than drawing 10 000 antialiased discs), placed at the points'
device-pixel positions.

It stays a ``ScatterPlotItem`` for the legend (its sample reads ``opts``) and the hover read-out
(``getData``), and keeps ``xData``/``yData`` as ``PlotDataItem`` does.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from pyqtgraph.Qt import internals
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

Array = NDArray[np.float64]


class SamplePoints(pg.ScatterPlotItem):
    """Equal round dots of ``size`` pixels filled with ``brush`` at the points (x, y)."""

    def __init__(self, size: float, brush: Any, name: str | None = None) -> None:
        self.xData: Array = np.zeros(0)
        self.yData: Array = np.zeros(0)
        self._fragments = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._dot: QPixmap | None = None
        self._dot_dpr = 0.0
        super().__init__(symbol="o", size=size, pen=None, brush=brush, pxMode=True, name=name)
        # The base constructor hands these to setData, which takes positions only here.
        self.opts.update(name=name, symbol="o", size=float(size), pen=pg.mkPen(None),
                         brush=pg.mkBrush(brush))
        self._maxSpotPxWidth = float(size)
        self._colour = QColor(pg.mkBrush(brush).color())

    def setData(self, *args: Any, **kargs: Any) -> None:  # noqa: N802 (pyqtgraph's name)
        """``setData(x, y)``: the dots' positions (the constructor's keyword call is ignored)."""
        if len(args) != 2:
            return
        x = np.array(args[0], dtype=np.float64).ravel()
        y = np.array(args[1], dtype=np.float64).ravel()
        if x.shape != y.shape:
            raise ValueError(f"x and y differ in length: {x.size} and {y.size}")
        self.prepareGeometryChange()
        self.xData, self.yData = x, y
        self._bounds = ((float(x.min()), float(x.max()), float(y.min()), float(y.max()))
                        if len(x) else None)
        self.informViewBoundsChanged()
        self.update()

    def getData(self) -> tuple[Array, Array]:  # noqa: N802 (pyqtgraph's name)
        return self.xData, self.yData

    def dataBounds(self, ax: int, frac: float = 1.0,  # noqa: N802 (pyqtgraph's name)
                   orthoRange: Any = None) -> tuple[float | None, float | None]:  # noqa: N803
        if self._bounds is None:
            return None, None
        return (self._bounds[0], self._bounds[1]) if ax == 0 else (self._bounds[2],
                                                                  self._bounds[3])

    def pixelPadding(self) -> float:  # noqa: N802 (pyqtgraph's name)
        return 0.5 * float(self.opts["size"]) + 1.0

    def points(self) -> list[Any]:
        return []

    def pointsAt(self, pos: Any) -> list[Any]:  # noqa: N802 (pyqtgraph's name)
        return []

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        if getattr(self, "_bounds", None) is None:
            return QRectF()
        return super().boundingRect()

    def _dot_pixmap(self, dpr: float) -> QPixmap:
        """The dot, rendered once per device-pixel ratio (a disc of ``size`` pixels)."""
        if self._dot is None or self._dot_dpr != dpr:
            size = float(self.opts["size"])
            side = int(np.ceil((size + 2.0) * dpr))
            pix = QPixmap(side, side)
            pix.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour)
            d = size * dpr
            painter.drawEllipse(QRectF((side - d) / 2, (side - d) / 2, d, d))
            painter.end()
            pix.setDevicePixelRatio(dpr)
            self._dot, self._dot_dpr = pix, dpr
        return self._dot

    def paint(self, p: QPainter, option: Any = None, widget: Any = None) -> None:
        n = len(self.xData)
        if not n:
            return
        dpr = float(widget.devicePixelRatioF()) if widget is not None else 1.0
        dot = self._dot_pixmap(dpr)
        side = float(dot.width())
        # Device-pixel positions of the points, then every dot drawn untransformed there.
        t = p.transform()
        self._fragments.resize(n)
        frags = self._fragments.ndarray()
        frags[:, 0] = t.m11() * self.xData + t.m21() * self.yData + t.dx()
        frags[:, 1] = t.m12() * self.xData + t.m22() * self.yData + t.dy()
        frags[:, 2:6] = (0.0, 0.0, side, side)  # source rectangle: the whole dot
        frags[:, 6:10] = (1.0 / dpr, 1.0 / dpr, 0.0, 1.0)  # scale, rotation, opacity
        p.save()
        p.resetTransform()
        p.drawPixmapFragments(*self._fragments.drawargs(), dot)
        p.restore()
