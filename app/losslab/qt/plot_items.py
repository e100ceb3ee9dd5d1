"""Plot items the panels share: things on a figure that the user can drag.

:class:`DraggableBars` is a bar chart whose heights are edited with the mouse (the Information
panel's distributions, the Regression panel's predictions).  Like every control it never changes
what it shows by itself: it emits what the user did, the panel writes the state (through
:func:`losslab.qt.binding.bind_custom`), and the state redraws the bars.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainterPath


class DraggableBars(pg.BarGraphItem):
    """Bars whose heights the user sets by dragging (or clicking) inside a bar's column.

    The grab area of each bar is its whole column over ``grab_range`` (data units of y, by
    default 0 to 1, for probabilities), so a bar of height 0 can still be picked up.  The item
    never changes its own heights: it emits ``bar_dragged(index, y)`` with the y under the
    mouse.  ``drag_finished`` says a drag ended (a panel that keeps its axis still while the
    user drags may rescale it then); ``dragging`` is the index of the bar being dragged, or
    None.
    """

    bar_dragged = Signal(int, float)
    drag_finished = Signal()

    def __init__(self, **opts: Any) -> None:
        super().__init__(**opts)
        self.dragging: int | None = None
        self.grab_range: tuple[float, float] = (0.0, 1.0)

    def set_grab_range(self, lo: float, hi: float) -> None:
        """The y range (data units) in which a bar's column can be grabbed."""
        self.grab_range = (lo, hi)
        self.prepareGeometryChange()

    def _columns(self) -> list[QRectF]:
        x = np.atleast_1d(np.asarray(self.opts.get("x") if self.opts.get("x") is not None
                                     else [], dtype=float))
        width = float(self.opts.get("width") or 0.1)
        lo, hi = self.grab_range
        return [QRectF(float(xi) - width / 2, lo, width, hi - lo) for xi in x]

    def index_at(self, x: float) -> int | None:
        """The bar whose column contains x (item coordinates = data coordinates)."""
        for i, rect in enumerate(self._columns()):
            if rect.left() <= x <= rect.right():
                return i
        return None

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        for rect in self._columns():
            path.addRect(rect)
        return path

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        rect = super().boundingRect()
        for column in self._columns():
            rect = rect.united(column)
        return rect

    def mouseDragEvent(self, ev: Any) -> None:  # noqa: N802 (Qt's name)
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        if ev.isStart():
            self.dragging = self.index_at(ev.buttonDownPos().x())
        if self.dragging is None:
            return
        ev.accept()
        self.bar_dragged.emit(self.dragging, float(ev.pos().y()))
        if ev.isFinish():
            self.dragging = None
            self.drag_finished.emit()

    def mouseClickEvent(self, ev: Any) -> None:  # noqa: N802 (Qt's name)
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        index = self.index_at(ev.pos().x())
        if index is not None:
            ev.accept()
            self.bar_dragged.emit(index, float(ev.pos().y()))
