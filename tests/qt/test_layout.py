"""The default layout tells the story: at 1280×800 and 1920×1080, whichever panel is in front
shows every plot at a readable size, and its control column needs no sideways scrolling (it is
at least as wide as its content, so nothing is cut at the right)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from losslab.panels import keys

#: Smallest readable plot area (the view box, without axes and title), logical pixels.
READABLE = (200, 140)


def on_screen(widget) -> QRect:
    """The part of ``widget`` (its coordinates) inside every ancestor up to the window."""
    rect = widget.rect()
    parent = widget.parentWidget()
    while parent is not None:
        corner = widget.mapFrom(parent, parent.rect().topLeft())
        rect &= QRect(corner, parent.rect().size())
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return rect


def visible_plot_rects(panel) -> list[tuple[str, QRect]]:
    """Each shown plot's data area as the user sees it: the view box mapped to the figure
    widget, clipped to what of the figure is on screen."""
    view = panel.graphics
    shown = on_screen(view) & view.viewport().rect()
    rects = []
    for plot in panel._plots:
        if not plot.isVisible():
            continue
        box = view.mapFromScene(plot.vb.sceneBoundingRect()).boundingRect()
        title = plot.titleLabel.text or plot.objectName()
        rects.append((title, box & shown))
    return rects


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_panel_in_front_shows_all_plots_readably(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0] and window.height() == size[1])
    assert list(window.docks) == keys()
    for key, dock in window.docks.items():
        dock.raise_()
        panel = window.panels[key]
        qtbot.waitUntil(lambda p=panel: p.graphics.isVisible() and p.graphics.width() > 0)
        QApplication.processEvents()
        rects = visible_plot_rects(panel)
        assert rects, key
        for title, rect in rects:
            assert rect.width() >= READABLE[0] and rect.height() >= READABLE[1], \
                (key, size, title, rect)
        scroll = panel.side_scroll
        assert not scroll.horizontalScrollBar().isVisible(), key
        # Nothing of the column is cut at the right: it is as wide as its content needs.
        assert panel.side.width() >= panel.side.minimumSizeHint().width(), key
        # The whole panel is inside the window.
        assert panel.width() <= window.width() and panel.graphics.width() > 0
