"""Contrast measured on rendered pixels, in every theme, on every panel and the main window.

How text is found: the window is grabbed twice, once as it is (A) and once with every text made
transparent (B): the widgets' text colours in the palette, every ``QGraphicsTextItem`` of the
figures (titles, axis labels, legends, labels on the plot) and the axes' tick text.  Inside the
rectangle of one text, the pixels that differ between A and B are that text's pixels, and B
shows what lies behind each of them; the text's contrast is the WCAG ratio between A and B at
its most contrasting pixels (the third best, so that one stray pixel cannot pass a text).  Texts
coloured by a style sheet (problem notes) do not vanish in B; for them the rectangle's most
common colour is the background and the text colour the most contrasting pixel.

Curves: one figure is grabbed with all its curves, symbols and bars hidden, then with one of
them shown at a time; the changed pixels are that item's, measured the same way (≥ 3:1).
Items drawn deliberately translucent (the faint preview of a whole run, resampled paths) are
not series and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenuBar,
    QStyle,
    QTabBar,
    QTableWidget,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from losslab.panels import PANELS
from losslab.qt import theme

TEXT_MIN = 4.5
CURVE_MIN = 3.0
#: The rank of the pixel whose contrast counts (1 = the most contrasting one).
RANK = 3


# ---------------------------------------------------------------------- pixels
def as_array(image: QImage) -> np.ndarray:
    """An image as an (h, w, 3) array of sRGB bytes."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    h, w = image.height(), image.width()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    bgra = data.reshape(h, image.bytesPerLine() // 4, 4)[:, :w, :]
    return bgra[:, :, 2::-1].copy()  # BGRA in memory → RGB


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB bytes, any leading shape."""
    c = rgb.astype(np.float64) / 255.0
    lin = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    la, lb = luminance(a), luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def test_pixel_contrast_matches_the_wcag_formula(qapp):
    pairs = [("#000000", "#FFFFFF"), ("#777777", "#FFFFFF"), ("#D55E00", "#2B2B2B")]
    for a, b in pairs:
        ca, cb = QColor(a), QColor(b)
        got = contrast(np.array([ca.red(), ca.green(), ca.blue()]),
                       np.array([cb.red(), cb.green(), cb.blue()]))
        # QColor keeps channels as float32: agreement to ~1e-7.
        assert got == pytest.approx(theme.contrast_ratio(a, b), rel=1e-6)


@dataclass
class Measure:
    name: str
    ratio: float | None  # None: no pixels of this text found
    pixels: int


def measure(a: np.ndarray, b: np.ndarray, rect: QRect, name: str) -> Measure:
    """Contrast of the text (or line) inside ``rect``: A against B where they differ."""
    h, w = a.shape[:2]
    x0, y0 = max(rect.left(), 0), max(rect.top(), 0)
    x1, y1 = min(rect.right() + 1, w), min(rect.bottom() + 1, h)
    if x1 <= x0 or y1 <= y0:
        return Measure(name, None, 0)
    pa, pb = a[y0:y1, x0:x1].reshape(-1, 3), b[y0:y1, x0:x1].reshape(-1, 3)
    changed = np.any(pa != pb, axis=1)
    if changed.sum() >= RANK:
        ratios = np.sort(contrast(pa[changed], pb[changed]))[::-1]
        return Measure(name, float(ratios[RANK - 1]), int(changed.sum()))
    # Not palette-coloured (a style sheet colour): background = the most common colour.
    colours, counts = np.unique(pa, axis=0, return_counts=True)
    background = colours[np.argmax(counts)]
    others = pa[np.any(pa != background, axis=1)]
    if len(others) < RANK:
        return Measure(name, None, 0)
    ratios = np.sort(contrast(others, background))[::-1]
    return Measure(name, float(ratios[RANK - 1]), len(others))


# ---------------------------------------------------------------------- where texts are
def _visible_rect(widget: QWidget, rect: QRect, window: QWidget) -> QRect | None:
    """``rect`` (widget coordinates) clipped to what is visible, in window coordinates."""
    visible = widget.visibleRegion().boundingRect() & rect
    if visible.isEmpty():
        return None
    return QRect(widget.mapTo(window, visible.topLeft()), visible.size())


def widget_texts(window: QWidget) -> list[tuple[str, QRect]]:
    """Every enabled, visible text of the window's widgets, with the rectangle it is in."""
    found: list[tuple[str, QRect]] = []

    def add(name: str, widget: QWidget, rect: QRect) -> None:
        r = _visible_rect(widget, rect, window)
        if r is not None and r.width() > 2 and r.height() > 2:
            found.append((name, r))

    for w in window.findChildren(QWidget):
        # Disabled controls are exempt (WCAG 1.4.3); hidden ones and those behind another
        # tab have an empty visible region, so add() drops them.
        if not w.isVisible() or not w.isEnabled():
            continue
        name = f"{type(w).__name__}:{w.objectName() or getattr(w, 'text', lambda: '')()!s:.30}"
        if isinstance(w, QLabel):
            if w.text().strip() and w.pixmap().isNull():
                add(name, w, w.contentsRect())
        elif isinstance(w, QCheckBox):
            if w.text():
                indent = (w.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, w)
                          + w.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing,
                                                  None, w))
                add(name, w, w.rect().adjusted(indent, 1, 0, -1))
        elif isinstance(w, QToolButton):
            if w.text() and w.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly:
                add(name, w, w.rect().adjusted(4, 4, -4, -4))
        elif isinstance(w, QAbstractButton):
            if w.text():
                add(name, w, w.rect().adjusted(4, 4, -4, -4))
        elif isinstance(w, QLineEdit):  # also the editor inside every spin box
            if w.text():
                add(name, w, w.rect().adjusted(2, 2, -2, -2))
        elif isinstance(w, QComboBox):
            arrow = w.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, w)
            add(name, w, w.rect().adjusted(4, 3, -arrow - 4, -3))
        elif isinstance(w, QTabBar):
            # Tabs scrolled partly out of view or under the scroll arrows are left out.
            arrows = [b.geometry() for b in w.findChildren(QToolButton) if b.isVisible()]
            for i in range(w.count()):
                rect = w.tabRect(i)
                if w.rect().contains(rect) and not any(rect.intersects(a) for a in arrows):
                    add(f"tab:{w.tabText(i)}", w, rect.adjusted(4, 4, -4, -4))
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                add(f"menu:{action.text()}", w, w.actionGeometry(action).adjusted(2, 2, -2, -2))
        elif isinstance(w, QTextBrowser):
            add(name, w.viewport(), w.viewport().rect())
        elif isinstance(w, QTableWidget):
            for row in range(w.rowCount()):
                for col in range(w.columnCount()):
                    item = w.item(row, col)
                    if item is not None and item.text():
                        add(f"{name}[{row},{col}]", w.viewport(),
                            w.visualItemRect(item).adjusted(2, 2, -2, -2))
        elif isinstance(w, QDockWidget) and w.windowTitle():
            height = w.fontMetrics().height() + 4
            add(f"dock:{w.windowTitle()}", w, QRect(0, 0, w.width() - 50, height))
    return found


def _item_rect_in_window(view: pg.GraphicsView, item, rect: QRectF,
                         window: QWidget) -> QRect:
    """``rect`` (``item``'s coordinates) where it is drawn, in window pixels.  Through the
    device transform: labels that ignore the view's scaling are placed correctly too."""
    device = item.deviceTransform(view.viewportTransform()).mapRect(rect).toAlignedRect()
    r = device & view.viewport().visibleRegion().boundingRect()
    return QRect(view.viewport().mapTo(window, r.topLeft()), r.size())


def _clipped(view: pg.GraphicsView, item) -> bool:
    """Whether part of ``item`` is cut off by a parent that clips (a plot's view box): a
    label half outside its plot is a different problem from a label of poor contrast."""
    vt = view.viewportTransform()
    rect = item.deviceTransform(vt).mapRect(item.boundingRect())
    parent = item.parentItem()
    while parent is not None:
        if parent.flags() & pg.QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape:
            if not parent.deviceTransform(vt).mapRect(parent.boundingRect()).contains(rect):
                return True
        parent = parent.parentItem()
    return False


def figure_texts(view: pg.GraphicsView, window: QWidget) -> list[tuple[str, QRect]]:
    """Every visible text of a figure: titles, axis labels, tick labels, legends, labels."""
    found: list[tuple[str, QRect]] = []
    scene = view.scene()
    for item in scene.items():
        if not item.isVisible() or not item.isVisibleTo(None):
            continue
        if isinstance(item, pg.QtWidgets.QGraphicsTextItem):
            if item.toPlainText().strip() and not _clipped(view, item):
                found.append((f"text:{item.toPlainText()[:30]}",
                              _item_rect_in_window(view, item, item.boundingRect(), window)))
        elif isinstance(item, pg.AxisItem) and item.style["showValues"]:
            image = QImage(8, 8, QImage.Format.Format_RGB32)
            painter = QPainter(image)
            specs = item.generateDrawSpecs(painter)
            painter.end()
            if specs is None:
                continue
            for rect, _flags, text in specs[2]:
                found.append((f"tick:{item.orientation}:{text}",
                              _item_rect_in_window(view, item, rect, window)))
    return found


# ---------------------------------------------------------------------- text made invisible
def hide_all_text(window: QWidget) -> list:
    """Make every palette-coloured widget text and every figure text transparent; returns
    what :func:`restore` needs."""
    undo: list = []
    palette = QPalette(window.palette())
    clear = QColor(0, 0, 0, 0)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                     QPalette.ColorRole.ButtonText, QPalette.ColorRole.HighlightedText,
                     QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Link):
            palette.setColor(group, role, clear)
    old = QPalette(window.palette())
    window.setPalette(palette)
    undo.append(lambda: window.setPalette(old))
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.QtWidgets.QGraphicsTextItem):
                opacity = item.opacity()
                item.setOpacity(0.0)
                undo.append(lambda it=item, o=opacity: it.setOpacity(o))
            elif isinstance(item, pg.AxisItem):
                pen = QPen(item.textPen())
                item.setTextPen(QPen(clear))
                undo.append(lambda it=item, p=pen: it.setTextPen(p))
    return undo


def restore(undo: list) -> None:
    for step in reversed(undo):
        step()


def grab(window: QWidget, qapp) -> np.ndarray:
    """The window's pixels once its layout has settled (pyqtgraph widens an axis for its
    tick labels after drawing them once): two grabs in a row that agree."""
    qapp.processEvents()
    previous = as_array(window.grab().toImage())
    for _ in range(20):
        qapp.processEvents()
        current = as_array(window.grab().toImage())
        if np.array_equal(current, previous):
            return current
        previous = current
    raise AssertionError("the window keeps changing; cannot measure it")


def text_contrasts(window: QWidget, qapp) -> list[Measure]:
    a = grab(window, qapp)  # settles the layout, so the rectangles below are the drawn ones
    texts = widget_texts(window)
    for view in window.findChildren(pg.GraphicsView):
        if view.isVisible() and not view.viewport().visibleRegion().isEmpty():
            texts += figure_texts(view, window)
    undo = hide_all_text(window)
    try:
        b = grab(window, qapp)
    finally:
        restore(undo)
        qapp.processEvents()
    return [measure(a, b, rect, name) for name, rect in texts]


def show_panel(window, key: str, qtbot) -> None:
    dock = window.docks[key]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: window.in_front(dock))


# ---------------------------------------------------------------------- the tests
@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
@pytest.mark.parametrize("name", list(theme.THEMES))
def test_every_text_of_every_panel_reaches_4_5_to_1(window, qtbot, qapp, name, presenter):
    window.set_theme(name)
    window.set_presenter(presenter)
    failures: list[str] = []
    for entry in PANELS:
        show_panel(window, entry.key, qtbot)
        results = text_contrasts(window, qapp)
        measured = [m for m in results if m.ratio is not None]
        # The measurement must have found the texts it is about: the panel's tick labels,
        # titles and controls, the menu bar and the tabs.
        kinds = {m.name.split(":")[0] for m in measured}
        assert {"tick", "text", "menu", "tab", "QLabel"} <= kinds, (entry.key, kinds)
        failures += [f"{entry.key}: {m.name!r} {m.ratio:.2f}:1" for m in measured
                     if m.ratio < TEXT_MIN]
    assert not failures, "\n".join(failures)


def _series_items(view: pg.GraphicsView) -> list:
    """Opaque curves and bars in view (translucent ones are deliberately faint)."""
    items = []
    for item in view.scene().items():
        if not item.isVisible() or not item.isVisibleTo(None) or item.effectiveOpacity() < 1:
            continue
        if isinstance(item, pg.PlotCurveItem):
            pen = item.opts.get("pen")
            if isinstance(pen, QPen) and pen.style() != pg.QtCore.Qt.PenStyle.NoPen \
                    and pen.color().alpha() == 255 and item.xData is not None \
                    and len(item.xData) > 1:
                items.append(item)
        elif isinstance(item, pg.BarGraphItem):
            brush = item.opts.get("brush")
            if brush is not None and pg.mkBrush(brush).color().alpha() == 255:
                items.append(item)
    return items


@pytest.mark.parametrize("name", list(theme.THEMES))
def test_every_opaque_curve_and_bar_reaches_3_to_1(window, qtbot, qapp, name):
    window.set_theme(name)
    failures: list[str] = []
    counted = 0
    for entry in PANELS:
        show_panel(window, entry.key, qtbot)
        view = window.panels[entry.key].graphics
        items = _series_items(view)
        saved = [(item, item.opacity()) for item in items]
        for item in items:
            item.setOpacity(0.0)
        try:
            background = as_array(view.grab().toImage())
            for item, opacity in saved:
                item.setOpacity(opacity)
                shown = as_array(view.grab().toImage())
                item.setOpacity(0.0)
                rect = _item_rect_in_window(view, item, item.boundingRect(), view)
                m = measure(shown, background, rect, f"{type(item).__name__}")
                if m.ratio is None:
                    continue  # outside the visible range
                counted += 1
                if m.ratio < CURVE_MIN:
                    colour = (item.opts["pen"].color().name() if isinstance(
                        item, pg.PlotCurveItem) else "bars")
                    failures.append(f"{entry.key}: {m.name} {colour} {m.ratio:.2f}:1")
        finally:
            for item, opacity in saved:
                item.setOpacity(opacity)
    assert counted >= 20
    assert not failures, "\n".join(failures)
