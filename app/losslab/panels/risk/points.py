"""A light scatter item for the Risk lab's sample (up to 10 000 points).

pyqtgraph's ``ScatterPlotItem`` keeps a record per spot and builds a Python list of per-spot keys
on every ``setData``; inside a ``PlotDataItem`` that happens again on every view-range change —
about 60 ms per new sample of 10 000 points.  All the sample's dots look the same, so they are
drawn here in one ``QPainter.drawPoints`` call with a round-capped cosmetic pen as wide as the
symbol (a filled disc of that diameter in screen pixels), from the coordinates as given.

It stays a ``ScatterPlotItem`` for the legend (its sample reads ``opts``) and the hover read-out
(``getData``), and keeps ``xData``/``yData`` as ``PlotDataItem`` does.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from pyqtgraph import functions as fn
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

Array = NDArray[np.float64]


class SamplePoints(pg.ScatterPlotItem):
    """Equal round dots of ``size`` pixels filled with ``brush`` at the points (x, y)."""

    def __init__(self, size: float, brush: Any, name: str | None = None) -> None:
        self.xData: Array = np.zeros(0)
        self.yData: Array = np.zeros(0)
        self._poly = fn.create_qpolygonf(0)
        super().__init__(symbol="o", size=size, pen=None, brush=brush, pxMode=True, name=name)
        # The base constructor hands these to setData, which takes positions only here.
        self.opts.update(name=name, symbol="o", size=float(size), pen=pg.mkPen(None),
                         brush=pg.mkBrush(brush))
        self._maxSpotPxWidth = float(size)
        colour = pg.mkBrush(brush).color()
        self._pen = QPen(colour, float(size))
        self._pen.setCosmetic(True)
        self._pen.setCapStyle(Qt.PenCapStyle.RoundCap)

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
        self._poly = fn.create_qpolygonf(len(x))
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

    def paint(self, p: QPainter, *args: Any) -> None:
        if not len(self.xData):
            return
        # Map to device pixels here and draw untransformed: a wide pen's round dot under the
        # view's anisotropic scaling would not stay round.
        t = p.transform()
        view = fn.ndarray_from_qpolygonf(self._poly)
        view[:, 0] = t.m11() * self.xData + t.m21() * self.yData + t.dx()
        view[:, 1] = t.m12() * self.xData + t.m22() * self.yData + t.dy()
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(self._pen)
        p.drawPoints(self._poly)
        p.restore()
