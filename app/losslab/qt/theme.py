"""Themes: colours, pens and fonts of the figures, and the look of the widgets around them.

Figures use the Okabe–Ito palette with a distinct dash style per series.  Okabe & Ito's eight
colours stay distinguishable under the common colour-vision deficiencies; pairing each with its
own dash pattern means a series can be told apart even in greyscale print.  The order puts the
colours with the best contrast on the chosen background first (yellow is nearly invisible on
white, so the light theme never uses it).

Widgets get a full palette (Active, Inactive and a dimmed Disabled group) and
:class:`LegibleStyle`, Fusion with outlines that stay visible on dark and black windows; the
playback bar's transport icons are drawn in the theme's text colour (:func:`media_icon`).

Presenter mode (:func:`presenter_variant`) multiplies every figure text by
``PRESENTER_FONT_FACTOR`` and every figure line by ``PRESENTER_LINE_FACTOR``: tick labels, axis
labels, titles and legends through :func:`figure_font`, lines when their item is added to a plot
(:class:`losslab.qt.axes.LegiblePlotItem`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

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

    Figure colours: every series colour has a contrast ratio of at least 3:1 against
    ``background`` and the foreground (axis text) at least 4.5:1 (WCAG 2).  Widget colours:
    ``text`` on ``window`` and ``base`` at least 4.5:1, ``border`` (outlines of fields, buttons,
    sliders) at least 3:1 against both (WCAG 2.1, non-text contrast), ``error`` at least 4.5:1
    against ``window``, ``base`` and ``background``; ``disabled_text`` is visibly dimmer than
    ``text``.  The tests check all of these, and again on rendered pixels.

    ``line_width`` is the width of a series pen; ``line_scale`` and ``font_scale`` are 1 except
    in presenter mode, where every line of a figure and every text grows by them.
    """

    name: str
    background: str
    foreground: str
    grid: str
    series: tuple[str, ...]
    line_width: float = 2.0
    font_scale: float = 1.0
    line_scale: float = 1.0
    #: Widgets: window (panels, buttons), base (text fields), their text and outlines.
    window: str = "#EFEFEF"
    base: str = "#FFFFFF"
    text: str = "#1A1A1A"
    button: str = "#F7F7F7"
    border: str = "#6B6B6B"
    disabled_text: str = "#8A8A8A"
    disabled_border: str = "#B4B4B4"
    #: Selection and focus; ``accent_text`` is text drawn on ``accent``.
    accent: str = "#005A8C"
    accent_text: str = "#FFFFFF"
    link: str = "#0057A0"
    #: Text of problems and refused input (never the bare Okabe–Ito vermillion: 3.4:1 on grey).
    error: str = "#B23C00"


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
    window="#2B2B2B", base="#1E1E1E", text="#E8E8E8", button="#3A3A3A", border="#8C8C8C",
    disabled_text="#808080", disabled_border="#555555", accent="#56B4E9", accent_text="#000000",
    link="#7CC4F2", error="#FF8C5A",
)
HIGH_CONTRAST = Theme(
    "high_contrast", "#000000", "#FFFFFF", "#505050",
    tuple(OKABE_ITO[k] for k in ("yellow", "sky_blue", "orange", "reddish_purple",
                                 "bluish_green", "vermillion")) + ("#FFFFFF",),
    line_width=3.0,
    window="#000000", base="#000000", text="#FFFFFF", button="#000000", border="#FFFFFF",
    disabled_text="#9A9A9A", disabled_border="#6A6A6A", accent="#F0E442", accent_text="#000000",
    link="#8FD3FF", error="#FF9966",
)
THEMES = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}
#: Presenter mode: everything bigger for projectors (applied on top of any theme).
PRESENTER_LINE_FACTOR = 1.75
PRESENTER_FONT_FACTOR = 1.5

current: Theme = LIGHT


def contrast_ratio(a: str | QColor, b: str | QColor) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""

    def luminance(colour: str | QColor) -> float:
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


def presenter_variant(t: Theme) -> Theme:
    """``t`` for presenter mode: every figure line ×1.75 and every text ×1.5."""
    return replace(t, line_scale=PRESENTER_LINE_FACTOR, font_scale=PRESENTER_FONT_FACTOR)


def choose(name: str, presenter: bool = False) -> Theme:
    """Make ``name`` ("system", "light", "dark", "high_contrast") the current theme."""
    global current
    if name == "system" or name not in THEMES:
        base = DARK if system_prefers_dark() else LIGHT
    else:
        base = THEMES[name]
    current = presenter_variant(base) if presenter else base
    return current


# ---------------------------------------------------------------------- fonts
#: Point size of each kind of figure text relative to the application's base font.
FIGURE_TEXT = {"tick": 1.0, "label": 1.0, "legend": 1.0, "title": 1.2}

#: The application font before presenter scaling (set by :func:`install`; until then the
#: application's own font, e.g. for the command line).
_base_font: QFont | None = None


def base_font() -> QFont:
    """The application font without presenter scaling."""
    from PySide6.QtWidgets import QApplication

    if _base_font is not None:
        return QFont(_base_font)
    app_font = QApplication.font()
    if current.font_scale != 1.0 and _base_font is None:
        app_font.setPointSizeF(app_font.pointSizeF() / current.font_scale)
    return app_font


def figure_font(kind: str = "tick", theme: Theme | None = None) -> QFont:
    """The font of one kind of figure text ("tick", "label", "legend", "title"): the base
    font × :data:`FIGURE_TEXT` × the theme's ``font_scale`` (1.5 in presenter mode)."""
    t = theme or current
    font = base_font()
    font.setPointSizeF(font.pointSizeF() * FIGURE_TEXT[kind] * t.font_scale)
    return font


def figure_point_size(kind: str, theme: Theme | None = None) -> str:
    """:func:`figure_font`'s size as a CSS size for pyqtgraph's HTML labels, e.g. "13.5pt"."""
    return f"{figure_font(kind, theme).pointSizeF():.4g}pt"


# ---------------------------------------------------------------------- pens and colours
def series_pen(index: int, *, width: float | None = None, dashed: bool = True,
               theme: Theme | None = None) -> QPen:
    """Pen for the ``index``-th series: palette colour and (if ``dashed``) its dash pattern.

    The width is the screen width; presenter mode widens every pen of a figure when its item
    is added to a plot (:class:`losslab.qt.axes.LegiblePlotItem`), so it is not applied here.
    """
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


def text_colour(colour: str | QColor, theme: Theme | None = None,
                minimum: float = 4.5) -> QColor:
    """``colour`` made legible as text on the figure background: the same hue, moved towards
    the foreground just until the contrast reaches ``minimum`` (4.5:1, WCAG AA).

    Series colours only promise 3:1 (enough for a line, not for a label); a label in its
    series' colour goes through here.
    """
    t = theme or current
    start = QColor(colour)
    if contrast_ratio(start, t.background) >= minimum:
        return start
    end = QColor(t.foreground)
    # The fraction of the way to the foreground: all of it always passes.
    f = _bisect(lambda f: contrast_ratio(_mix(start, end, f), t.background) >= minimum,
                good=1.0, bad=0.0)
    return _mix(start, end, f)


def faded_text_colour(theme: Theme | None = None, contrast: float = 4.6) -> QColor:
    """Figure text for something switched off (a hidden curve's legend entry): the foreground
    faded towards the background, but only down to ``contrast`` (just above 4.5:1), so it
    still reads as text while looking clearly fainter than the rest."""
    t = theme or current
    start, end = QColor(t.foreground), QColor(t.background)
    # The fraction of the way to the background: none of it always passes.
    f = _bisect(lambda f: contrast_ratio(_mix_inward(start, end, f), t.background) >= contrast,
                good=0.0, bad=1.0)
    return _mix_inward(start, end, f)


def _bisect(passes: Callable[[float], bool], good: float, bad: float, steps: int = 20) -> float:
    """The point nearest ``bad`` that bisection between ``good`` (where ``passes`` holds) and
    ``bad`` finds still passing, after ``steps`` halvings."""
    for _ in range(steps):
        mid = (good + bad) / 2
        if passes(mid):
            good = mid
        else:
            bad = mid
    return good


def _mix_inward(a: QColor, b: QColor, f: float) -> QColor:
    """``a`` moved the fraction ``f`` of the way to ``b``, rounded back towards ``a``."""
    channels = []
    for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())):
        v = x + (y - x) * f
        channels.append(int(math.floor(v) if y >= x else math.ceil(v)))
    return QColor(*channels)


def _mix(a: QColor, b: QColor, f: float) -> QColor:
    """``a`` moved the fraction ``f`` of the way to ``b`` (per sRGB channel), rounded outward
    so that the result is never closer to ``a`` than asked."""
    channels = []
    for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())):
        v = x + (y - x) * f
        channels.append(int(math.ceil(v) if y >= x else math.floor(v)))
    return QColor(*channels)


def foreground_pen(width: float = 1.0, theme: Theme | None = None) -> QPen:
    """A cosmetic pen in the theme's foreground colour (axes, text)."""
    import pyqtgraph as pg

    pen = pg.mkPen(QColor((theme or current).foreground), width=width)
    pen.setCosmetic(True)
    return pen


def style_axis(axis: pg.AxisItem, theme: Theme | None = None) -> None:
    """Axis line, ticks and text in the foreground colour; tick text and the axis label in
    the figure fonts (bigger in presenter mode), with room for them measured from the font."""
    import pyqtgraph as pg  # here, not at import: keeps the window shell fast

    t = theme or current
    axis.setPen(pg.mkPen(t.foreground, width=t.line_scale))
    axis.setTextPen(pg.mkPen(t.foreground))
    tick_font = figure_font("tick", t)
    metrics = QFontMetricsF(tick_font)
    # The label first: setStyle() below recomputes the axis size, label included.
    axis.label.setFont(figure_font("label", t))
    axis.labelStyle = {**axis.labelStyle, "color": t.foreground}
    axis._updateLabel()  # re-renders the label HTML in the new colour (pyqtgraph API)
    axis.setStyle(tickFont=tick_font,
                  # The end labels may reach half a label past the axis ("0" under the corner)
                  # instead of vanishing.
                  hideOverlappingLabels=math.ceil(metrics.height()),
                  tickTextOffset=max(2, round(metrics.height() * 0.25)),
                  tickTextHeight=max(18, math.ceil(metrics.height())),
                  tickTextWidth=max(30, math.ceil(metrics.horizontalAdvance("−0.000"))))


def style_plot(plot: pg.PlotItem, theme: Theme | None = None) -> None:
    """Axes, title and legend of ``plot`` in the theme's colours and figure fonts."""
    t = theme or current
    for name in ("left", "bottom", "right", "top"):
        style_axis(plot.getAxis(name), t)
    label = plot.titleLabel
    label.setAttr("color", t.foreground)
    label.setAttr("size", figure_point_size("title", t))
    if label.text:
        label.setText(label.text)  # re-render in the new colour and size


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


# ---------------------------------------------------------------------- widgets
def widget_palette(t: Theme) -> QPalette:
    """The Qt palette of a theme, with all three colour groups.

    The Disabled group dims text and outlines and gives fields the window colour instead of
    the field colour, so a disabled spin box no longer looks like one waiting for input.
    """
    R = QPalette.ColorRole
    G = QPalette.ColorGroup
    window, base, text = QColor(t.window), QColor(t.base), QColor(t.text)
    button, border = QColor(t.button), QColor(t.border)
    colours = {
        R.Window: window, R.WindowText: text, R.Base: base, R.AlternateBase: _mix(base, window, 0.5),
        R.Text: text, R.Button: button, R.ButtonText: text, R.BrightText: QColor(t.error),
        R.ToolTipBase: base, R.ToolTipText: text, R.PlaceholderText: QColor(t.disabled_text),
        R.Highlight: QColor(t.accent), R.HighlightedText: QColor(t.accent_text),
        R.Link: QColor(t.link), R.LinkVisited: QColor(t.link),
        # Bevel roles: Fusion and the item views take frames and separators from these.
        R.Light: _mix(button, QColor("#FFFFFF"), 0.3), R.Midlight: _mix(button, border, 0.3),
        R.Mid: border, R.Dark: border, R.Shadow: _mix(border, QColor("#000000"), 0.3),
    }
    if hasattr(R, "Accent"):  # Qt ≥ 6.6
        colours[R.Accent] = QColor(t.accent)
    pal = QPalette()
    for group in (G.Active, G.Inactive, G.Disabled):
        for role, colour in colours.items():
            pal.setColor(group, role, colour)
    disabled = {R.WindowText: t.disabled_text, R.Text: t.disabled_text,
                R.ButtonText: t.disabled_text, R.Base: t.window, R.Button: t.window,
                R.Mid: t.disabled_border, R.Dark: t.disabled_border,
                R.Highlight: t.disabled_border, R.HighlightedText: t.window,
                R.PlaceholderText: t.disabled_border}
    for role, colour in disabled.items():
        pal.setColor(G.Disabled, role, QColor(colour))
    return pal


def install(t: Theme, base: QFont | None = None) -> None:
    """Make ``t`` the look of the whole application: style, palette and font.

    ``base`` is the application font without presenter scaling (kept, so that switching
    presenter mode off and on never compounds).  The style is Fusion everywhere (the one
    built-in style that follows a palette on every platform) with :class:`LegibleStyle`'s
    outlines on top.
    """
    global _base_font
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if base is not None:
        _base_font = QFont(base)
    elif _base_font is None:
        _base_font = QFont(QApplication.font())
    style = app.style() if app is not None else None
    if isinstance(style, LegibleStyle):
        style.theme = t
    else:
        style = LegibleStyle(t)
        QApplication.setStyle(style)
    font = QFont(_base_font)
    if t.font_scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * t.font_scale)
    QApplication.setFont(font)
    QApplication.setPalette(widget_palette(t))


class LegibleStyle(QProxyStyle):
    """Fusion with outlines that stay visible on every theme.

    Fusion derives its outlines from the window colour (a little darker), which leaves text
    fields, sliders and buttons without a visible edge on a black or dark window.  This style
    draws Fusion and then a 1 px outline in the theme's ``border`` colour (≥ 3:1) around text
    fields, spin boxes, combo boxes, buttons, check boxes, the slider's groove and handle and
    scroll bar handles; the focused control's outline is 2 px in the accent colour, a disabled
    control's is dimmed.
    """

    def __init__(self, t: Theme) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.theme = t

    # -- helpers
    def _outline(self, painter: QPainter, rect: QRect | QRectF, option: QStyleOption,
                 radius: float = 2.0) -> None:
        t = self.theme
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        focus = bool(state & QStyle.StateFlag.State_HasFocus) and enabled
        colour = QColor(t.accent if focus else t.border if enabled else t.disabled_border)
        width = 2.0 if focus else 1.0
        r = QRectF(rect).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        if r.width() <= 0 or r.height() <= 0:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(colour, width)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(r, radius, radius)
        painter.restore()

    @staticmethod
    def _marked_invalid(widget: QWidget | None) -> bool:
        # A refused entry has its own red border (binding._mark_invalid); leave it alone.
        return widget is not None and bool(widget.property("invalid"))

    # -- Qt overrides
    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        PE = QStyle.PrimitiveElement
        if element == PE.PE_FrameLineEdit:
            if not self._marked_invalid(widget):
                self._outline(painter, option.rect, option)
        elif element in (PE.PE_PanelButtonCommand, PE.PE_PanelButtonTool):
            self._outline(painter, option.rect, option)
        elif element == PE.PE_IndicatorCheckBox:
            self._outline(painter, option.rect, option, radius=1.0)
        elif element in (PE.PE_FrameMenu, PE.PE_PanelMenu, PE.PE_PanelTipLabel):
            # Menus and tooltips float over the window: on black they need an edge.
            self._outline(painter, option.rect, option, radius=0.0)
        elif element == PE.PE_Frame:
            # Tables, text panes and scroll areas: their edge, not a focus ring.
            plain = QStyleOption(option)
            plain.state = option.state & ~QStyle.StateFlag.State_HasFocus
            self._outline(painter, option.rect, plain, radius=0.0)

    def drawComplexControl(self, control: QStyle.ComplexControl,  # noqa: N802 (Qt override)
                           option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        CC = QStyle.ComplexControl
        SC = QStyle.SubControl
        if control in (CC.CC_SpinBox, CC.CC_ComboBox):
            if getattr(option, "frame", True) and not self._marked_invalid(widget):
                self._outline(painter, option.rect, option)
        elif control == CC.CC_Slider:
            groove = self.subControlRect(control, option, SC.SC_SliderGroove, widget)
            handle = self.subControlRect(control, option, SC.SC_SliderHandle, widget)
            plain = QStyleOption(option)
            plain.state = option.state & ~QStyle.StateFlag.State_HasFocus
            if groove.isValid():
                # Fusion's groove is a thin bar centred in this rectangle; whole pixels, so
                # that the 1 px outline is crisp rather than two half-tone rows.
                thick = 6
                if option.orientation == Qt.Orientation.Horizontal:
                    bar = QRect(groove.left(), groove.center().y() - thick // 2 + 1,
                                groove.width(), thick)
                else:
                    bar = QRect(groove.center().x() - thick // 2 + 1, groove.top(),
                                thick, groove.height())
                self._outline(painter, bar, plain)
            if handle.isValid():
                self._outline(painter, handle, option)
        elif control == CC.CC_ScrollBar:
            handle = self.subControlRect(control, option, SC.SC_ScrollBarSlider, widget)
            if handle.isValid() and not handle.isEmpty():
                self._outline(painter, handle.adjusted(1, 1, -1, -1), option)


# ---------------------------------------------------------------------- icons
#: The transport glyphs of the playback bar, drawn in the theme's text colour.
MEDIA_GLYPHS = ("skip_back", "step_back", "play", "pause", "step_forward")


def _draw_glyph(painter: QPainter, kind: str, size: float) -> None:
    """One transport glyph in a ``size`` × ``size`` square (painter pen/brush already set)."""
    s = size
    m = s * 0.18  # margin
    top, bottom, mid = m, s - m, s / 2

    def triangle(left: float, right: float) -> None:
        # Pointing right when left < right, left otherwise.
        painter.drawPolygon(QPolygonF([QPointF(left, top), QPointF(right, mid),
                                       QPointF(left, bottom)]))

    bar = max(1.0, s * 0.12)
    if kind == "play":
        triangle(s * 0.28, s * 0.80)
    elif kind == "pause":
        painter.drawRect(QRectF(s * 0.27, top, s * 0.16, bottom - top))
        painter.drawRect(QRectF(s * 0.57, top, s * 0.16, bottom - top))
    elif kind == "step_forward":
        triangle(s * 0.14, s * 0.50)
        triangle(s * 0.50, s * 0.86)
    elif kind == "step_back":
        triangle(s * 0.86, s * 0.50)
        triangle(s * 0.50, s * 0.14)
    elif kind == "skip_back":
        painter.drawRect(QRectF(s * 0.14, top, bar, bottom - top))
        triangle(s * 0.86, s * 0.52)
        triangle(s * 0.52 + 0.0, s * 0.18 + bar)
    else:
        raise ValueError(f"unknown glyph {kind!r}; allowed: {', '.join(MEDIA_GLYPHS)}")


def media_icon(kind: str, palette: QPalette | None = None, size: int = 16) -> QIcon:
    """A transport icon (:data:`MEDIA_GLYPHS`) of ``size`` logical pixels, drawn in the
    palette's button-text colour, with a dimmed Disabled mode, at 1× and 2× (high-DPI).

    Qt's standard media icons are dark grey bitmaps that vanish on a dark window.
    """
    from PySide6.QtWidgets import QApplication

    pal = palette if palette is not None else QApplication.palette()
    icon = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        colour = pal.color(group, QPalette.ColorRole.ButtonText)
        for ratio in (1, 2):
            pixmap = QPixmap(size * ratio, size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            _draw_glyph(painter, kind, size)
            painter.end()
            icon.addPixmap(pixmap, mode, QIcon.State.Off)
    return icon
