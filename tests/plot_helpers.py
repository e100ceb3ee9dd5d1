"""Helpers for tests that drive figures with the mouse: a panel shown on its own, data → widget
coordinates, real moves, clicks and wheel turns on a panel's figure."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication


def show_panel(qtbot, widget, width: int, height: int):
    """``widget`` (a panel) closed with the test, resized to width×height, shown and exposed."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def widget_point(panel, plot, x: float, y: float) -> QPoint:
    """Where data point (x, y) of ``plot`` is in the panel's figure viewport (after any
    pending relayout, e.g. a legend that changed height)."""
    QApplication.processEvents()
    scene = plot.vb.mapViewToScene(QPointF(x, y))
    return panel.graphics.mapFromScene(scene)


def scene_to_widget(panel, scene_point: QPointF) -> QPoint:
    QApplication.processEvents()
    return panel.graphics.mapFromScene(scene_point)


def hover(qtbot, panel, point: QPoint) -> None:
    """Move the mouse (no button pressed) to ``point`` of the figure.

    The move event is sent to the viewport directly: QTest's synthesised moves reach the view
    one event late on the offscreen platform.
    """
    viewport = panel.graphics.viewport()
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(point),
                        QPointF(viewport.mapToGlobal(point)), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()


def click(qtbot, panel, point: QPoint) -> None:
    viewport = panel.graphics.viewport()
    qtbot.mouseMove(viewport, point)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point)
    QApplication.processEvents()


def wheel(panel, point: QPoint, steps: int) -> None:
    """Turn the mouse wheel ``steps`` notches (positive: away from the user, zoom in)."""
    viewport = panel.graphics.viewport()
    pos = QPointF(point)
    event = QWheelEvent(pos, QPointF(viewport.mapToGlobal(point)), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()


def legend_entry_point(panel, legend, name: str) -> QPoint:
    """The middle of legend entry ``name``'s text, in figure viewport coordinates."""
    QApplication.processEvents()
    for entry in legend.entries:
        if entry.name == name:
            return scene_to_widget(panel, entry.label.sceneBoundingRect().center())
    raise KeyError(name)


def drag(panel, plot, start: tuple[float, float], end: tuple[float, float],
         steps: int = 10) -> None:
    """A real press-move-release in the figure, from and to data coordinates of ``plot``,
    in ``steps`` moves with the button held."""
    view = panel.graphics
    vb = plot.getViewBox()

    def to_widget(x: float, y: float) -> QPointF:
        return QPointF(view.mapFromScene(vb.mapViewToScene(QPointF(x, y))))

    a, b = to_widget(*start), to_widget(*end)
    port = view.viewport()
    QApplication.sendEvent(port, QMouseEvent(
        QEvent.Type.MouseButtonPress, a, port.mapToGlobal(a), Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    for i in range(1, steps + 1):
        p = a + (b - a) * (i / steps)
        QApplication.sendEvent(port, QMouseEvent(
            QEvent.Type.MouseMove, p, port.mapToGlobal(p), Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(port, QMouseEvent(
        QEvent.Type.MouseButtonRelease, b, port.mapToGlobal(b), Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
