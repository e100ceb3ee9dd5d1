"""Colours and pens: the Okabe–Ito palette with a distinct dash style per series.

Okabe & Ito's eight colours stay distinguishable under the common colour-vision deficiencies;
pairing each with its own dash pattern means a series can be told apart even in greyscale print.
The order puts the colours with the best contrast on the chosen background first (yellow is
nearly invisible on white, so the light theme never uses it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPen

if TYPE_CHECKING:
    import pyqtgraph as pg

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
    """Colours of one look.  ``series`` is the order in which curves take colours.

    Every series colour has a contrast ratio of at least 3:1 against ``background`` and the
    foreground (axis text) at least 4.5:1 (WCAG 2), checked by the tests.
    """

    name: str
    background: str
    foreground: str
    grid: str
    series: tuple[str, ...]
    line_width: float = 2.0
    font_scale: float = 1.0


LIGHT = Theme(
    "light", "#FFFFFF", "#202020", "#E4E4E4",
    # Okabe–Ito orange and sky blue are too pale on white (2.3:1): darker shades of the same
    # hues keep them apart while reaching 3:1.
    tuple(OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "reddish_purple"))
    + ("#A66F00", "#000000", "#2C7FB8"),
)
DARK = Theme(
    "dark", "#1E1E1E", "#E8E8E8", "#383838",
    tuple(OKABE_ITO[k] for k in ("sky_blue", "orange", "bluish_green", "yellow",
                                 "reddish_purple", "vermillion")) + ("#FFFFFF",),
)
HIGH_CONTRAST = Theme(
    "high_contrast", "#000000", "#FFFFFF", "#505050",
    tuple(OKABE_ITO[k] for k in ("yellow", "sky_blue", "orange", "reddish_purple",
                                 "bluish_green", "vermillion")) + ("#FFFFFF",),
    line_width=3.0,
)
THEMES = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}
#: Presenter mode: everything bigger for projectors (applied on top of any theme).
PRESENTER_LINE_FACTOR = 1.75
PRESENTER_FONT_FACTOR = 1.5

current: Theme = LIGHT


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = [c.redF(), c.greenF(), c.blueF()]
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def system_prefers_dark() -> bool:
    """True when the desktop asks for a dark colour scheme (Qt ≥ 6.5 knows)."""
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme is not None and scheme() == Qt.ColorScheme.Dark)


def choose(name: str, presenter: bool = False) -> Theme:
    """Make ``name`` ("system", "light", "dark", "high_contrast") the current theme."""
    global current
    if name == "system" or name not in THEMES:
        base = DARK if system_prefers_dark() else LIGHT
    else:
        base = THEMES[name]
    if presenter:
        base = replace(base, line_width=base.line_width * PRESENTER_LINE_FACTOR,
                       font_scale=PRESENTER_FONT_FACTOR)
    current = base
    return current


def series_pen(index: int, *, width: float | None = None, dashed: bool = True,
               theme: Theme | None = None) -> QPen:
    """Pen for the ``index``-th series: palette colour and (if ``dashed``) its dash pattern."""
    import pyqtgraph as pg  # here, not at import: keeps the window shell fast

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
    """A cosmetic pen in the theme's foreground colour (axes, text)."""
    import pyqtgraph as pg

    pen = pg.mkPen(QColor((theme or current).foreground), width=width)
    pen.setCosmetic(True)
    return pen


def style_plot(plot: pg.PlotItem, theme: Theme | None = None) -> None:
    """Axis text and lines in the foreground colour, readable on the background; bigger
    tick labels in presenter mode."""
    import pyqtgraph as pg  # here, not at import: keeps the window shell fast

    t = theme or current
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(t.foreground))
        axis.setTextPen(pg.mkPen(t.foreground))
        if t.font_scale != 1.0:
            font = axis.font() if hasattr(axis, "font") else None
            if font is not None:
                font.setPointSizeF(font.pointSizeF() * t.font_scale)
                axis.setStyle(tickFont=font)
                axis.label.setFont(font)
    plot.titleLabel.setAttr("color", t.foreground)


def add_grid(plot: pg.PlotItem, theme: Theme | None = None) -> pg.GridItem:
    """A light grid behind the curves.

    ``PlotItem.showGrid`` repaints cost 10–30 ms here; one GridItem looks the same for ~1 ms.
    """
    import pyqtgraph as pg  # here, not at import: keeps the window shell fast

    t = theme or current
    grid = pg.GridItem(pen=pg.mkPen(t.grid, width=1), textPen=None)
    # Two levels (major, minor) instead of pyqtgraph's three: the finest level is barely
    # visible on screen yet triples the lines drawn and the size of an SVG export.
    grid.setTickSpacing(x=[None, None], y=[None, None])
    grid.setZValue(-100)
    # Replaying the grid's QPicture costs ~1 ms a repaint, and an animation repaints every
    # frame: keep it as a pixmap, redrawn only when the view range or size changes (the grid
    # calls update() then).  Exports draw without item caches (qt/export.py).
    from PySide6.QtWidgets import QGraphicsItem

    grid.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    plot.addItem(grid, ignoreBounds=True)
    return grid


def widget_palette(t: Theme) -> QPalette:
    """A Qt palette matching the plot theme, so controls and plots share one look."""
    from PySide6.QtWidgets import QApplication

    if t.name == "light":
        return QApplication.style().standardPalette()
    pal = QPalette()
    window = QColor("#2B2B2B" if t.name == "dark" else "#000000")
    base = QColor(t.background)
    text = QColor(t.foreground)
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.Base, base),
                         (QPalette.ColorRole.AlternateBase, window),
                         (QPalette.ColorRole.WindowText, text), (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.Button, window), (QPalette.ColorRole.ButtonText, text),
                         (QPalette.ColorRole.ToolTipBase, base), (QPalette.ColorRole.ToolTipText, text),
                         (QPalette.ColorRole.Highlight, QColor(t.series[0])),
                         (QPalette.ColorRole.HighlightedText, QColor(t.background))):
        pal.setColor(role, colour)
    return pal
