"""Colours and pens: the Okabe–Ito palette with a distinct dash style per series.

Okabe & Ito's eight colours stay distinguishable under the common colour-vision deficiencies;
pairing each with its own dash pattern means a series can be told apart even in greyscale print.
The order puts the colours with the best contrast on the chosen background first (yellow is
nearly invisible on white, so the light theme never uses it).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Dash patterns (in pen widths): solid first, then ever busier ones.
DASHES: tuple[tuple[float, ...] | None, ...] = (
    None,
    (6, 3),
    (1.5, 2.5),
    (6, 2.5, 1.5, 2.5),
    (10, 3),
    (6, 2, 1.5, 2, 1.5, 2),
    (3, 3),
)


@dataclass(frozen=True)
class Theme:
    """Colours of one look.  ``series`` is the order in which curves take colours."""

    name: str
    background: str
    foreground: str
    grid: str
    series: tuple[str, ...]
    line_width: float = 2.0


LIGHT = Theme(
    "light", "#FFFFFF", "#202020", "#E4E4E4",
    tuple(OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "reddish_purple",
                                 "orange", "black", "sky_blue")),
)
DARK = Theme(
    "dark", "#1E1E1E", "#E8E8E8", "#3A3A3A",
    tuple(OKABE_ITO[k] for k in ("sky_blue", "orange", "bluish_green", "yellow",
                                 "reddish_purple", "vermillion")) + ("#FFFFFF",),
)

current: Theme = LIGHT


def series_pen(index: int, *, width: float | None = None, dashed: bool = True,
               theme: Theme | None = None) -> QPen:
    """Pen for the ``index``-th series: palette colour and (if ``dashed``) its dash pattern."""
    t = theme or current
    colour = QColor(t.series[index % len(t.series)])
    pen = pg.mkPen(colour, width=width if width is not None else t.line_width)
    pen.setCosmetic(True)
    dash = DASHES[index % len(DASHES)] if dashed else None
    if dash is not None:
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern(list(dash))
    return pen


def series_colour(index: int, theme: Theme | None = None) -> QColor:
    t = theme or current
    return QColor(t.series[index % len(t.series)])


def foreground_pen(width: float = 1.0, theme: Theme | None = None) -> QPen:
    pen = pg.mkPen(QColor((theme or current).foreground), width=width)
    pen.setCosmetic(True)
    return pen


def style_plot(plot: pg.PlotItem, theme: Theme | None = None) -> None:
    """Axis text and lines in the foreground colour, readable on the background."""
    t = theme or current
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(t.foreground))
        axis.setTextPen(pg.mkPen(t.foreground))
    plot.titleLabel.setAttr("color", t.foreground)


def add_grid(plot: pg.PlotItem, theme: Theme | None = None) -> pg.GridItem:
    """A light grid behind the curves.

    ``PlotItem.showGrid`` repaints cost 10–30 ms here; one GridItem looks the same for ~1 ms.
    """
    t = theme or current
    grid = pg.GridItem(pen=pg.mkPen(t.grid, width=1), textPen=None)
    grid.setZValue(-100)
    plot.addItem(grid, ignoreBounds=True)
    return grid
