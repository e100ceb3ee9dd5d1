"""Plots whose text stays legible: tick labels that never merge, presenter-mode sizes.

pyqtgraph chooses the spacing of the major ticks from the axis length in pixels alone and
always labels every major tick, whatever the font: at presenter size "2000", "4000", … run
into "20004000600080000", and sixteen explicit ticks on a narrow heat map read
"101112131415".  :class:`LegibleAxis` measures the labels with the tick font instead:

* automatic ticks: the major spacing grows through the 1–2–5 sequence (1, 2, 5, 10, 20, …)
  until the widest label plus a gap fits between two neighbouring ticks;
* whatever remains (explicit ``setTicks`` labels, the minor labels of a log axis, which
  crowd towards the top of each decade): a label is drawn only if it keeps a gap to every
  label already drawn, major labels first, so the drawn labels never touch.

:class:`LegiblePlotItem` is a ``PlotItem`` with these axes, its title and legends in the
theme's figure fonts (presenter mode makes them bigger together with the ticks), and, in
presenter mode, every line of an item added to it widened by the theme's ``line_scale``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QApplication

from losslab.qt import theme

#: Smallest gap between two neighbouring tick labels, in units of the tick font's height:
#: a fraction of a letter between horizontal labels, a sliver between stacked ones.
GAP_ALONG = 0.6
GAP_STACKED = 0.15

#: The leading digits of a "nice" tick spacing, in the order they are tried.
_NICE = (1.0, 2.0, 5.0)


def next_nice(spacing: float) -> float:
    """The next spacing of the 1–2–5 sequence above ``spacing`` (0.1 → 0.2 → 0.5 → 1 → 2)."""
    exponent = math.floor(math.log10(spacing))
    unit = 10.0 ** exponent
    lead = spacing / unit
    for nice in (*_NICE, 10.0):
        if nice > lead * (1 + 1e-9):
            return nice * unit
    return 20.0 * unit


def _subdivision(major: float) -> float:
    """A minor spacing for ``major`` (of the 1–2–5 sequence): a fifth of 1 and 5, half of 2."""
    lead = round(major / 10.0 ** math.floor(math.log10(major)), 6)
    return major / (2.0 if lead == 2.0 else 5.0)


class LegibleAxis(pg.AxisItem):
    """An axis whose tick labels are measured so that they never touch (module docstring)."""

    def tick_font(self) -> QFont:
        font = self.style.get("tickFont")
        return QFont(font) if font is not None else QApplication.font()

    def _gap(self, metrics: QFontMetricsF) -> float:
        horizontal = self.orientation in ("top", "bottom")
        return metrics.height() * (GAP_ALONG if horizontal else GAP_STACKED)

    def _needed_spacing(self, strings: Sequence[str], metrics: QFontMetricsF) -> float:
        """Pixels two neighbouring ticks need between them for their labels (centred on the
        ticks) and a gap: half of each neighbour's width, or one line of text when stacked."""
        if self.orientation in ("top", "bottom"):
            widths = [metrics.horizontalAdvance(s) for s in strings]
            return max(((a + b) / 2 for a, b in pairwise(widths)), default=0.0)
        return metrics.height() if strings else 0.0

    # ------------------------------------------------------------------ pyqtgraph overrides
    def tickSpacing(self, minVal: float, maxVal: float, size: float  # noqa: N802, N803
                    ) -> list[tuple[float, float]]:
        """pyqtgraph's spacing, with the major spacing grown until its labels fit."""
        levels: list[tuple[float, float]] = super().tickSpacing(minVal, maxVal, size)
        if self._tickSpacing is not None or not levels or size <= 0:
            return levels
        lo, hi = sorted((minVal, maxVal))
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
            return levels
        metrics = QFontMetricsF(self.tick_font())
        gap = self._gap(metrics)
        pixels_per_unit = size / (hi - lo)
        major = spacing = levels[0][0]
        for _ in range(64):
            first = math.ceil(lo / spacing)
            last = math.floor(hi / spacing)
            if last - first > 10_000:  # far too many: the next spacing, without measuring
                spacing = next_nice(spacing)
                continue
            values = np.arange(first, last + 1, dtype=float) * spacing
            if len(values) < 2:
                break
            # pyqtgraph's own strings: this measuring must not count as a drawn level.
            strings = pg.AxisItem.tickStrings(self, list(values / self.scale),
                                              self.autoSIPrefixScale * self.scale,
                                              spacing / self.scale)
            if spacing * pixels_per_unit >= self._needed_spacing(strings, metrics) + gap:
                break
            spacing = next_nice(spacing)
        if spacing == major:
            return levels
        return [(spacing, 0.0), (_subdivision(spacing), 0.0)]

    def logTickValues(self, minVal: float, maxVal: float, size: float,  # noqa: N802, N803
                      stdTicks: list[tuple[float | None, list[float]]]
                      ) -> list[tuple[float | None, list[float]]]:
        """Log axes: the in-between ticks split by how round they are (2 and 5, then the
        rest), so that the thinning in :meth:`generateDrawSpecs` keeps 20 and 50 rather than
        whichever comes first."""
        ticks = super().logTickValues(minVal, maxVal, size, stdTicks)
        if not ticks or ticks[-1][0] is not None:
            return ticks
        minor = np.asarray(ticks[-1][1], dtype=float)
        digit = np.rint(10.0 ** (minor - np.floor(minor + 1e-9))).astype(int)
        round_ones = list(minor[np.isin(digit, (2, 5))])
        others = list(minor[~np.isin(digit, (2, 5))])
        return [*ticks[:-1], (None, round_ones), (None, others)]

    def tickStrings(self, values: list[float], scale: float, spacing: float  # noqa: N802
                    ) -> list[str]:
        strings: list[str] = super().tickStrings(values, scale, spacing)
        if self._levels_seen is not None:
            self._levels_seen.append(strings)
        return strings

    _levels_seen: list[list[str]] | None = None

    def generateDrawSpecs(self, p: Any) -> Any:  # noqa: N802 (pyqtgraph override)
        """pyqtgraph's drawing, thinned so that no two tick labels touch (see
        :meth:`thin_labels`)."""
        self._levels_seen = []
        try:
            specs = super().generateDrawSpecs(p)
            levels = self._levels_seen
        finally:
            self._levels_seen = None
        if specs is None:
            return specs
        axis_spec, tick_specs, text_specs = specs
        if self._tickLevels is not None:  # explicit ticks: their levels as given
            levels = [[text for _value, text in level] for level in self._tickLevels]
        level_of: dict[str, int] = {}
        for index, strings in enumerate(levels):
            for text in strings:
                level_of.setdefault(text, index)
        return axis_spec, tick_specs, self.thin_labels(text_specs, level_of)

    def figure_rects(self) -> list[QRectF]:
        """The parts of the scene the figure shows, in scene coordinates: one per view of the
        scene (LossLab has one), none when the axis is in no scene.

        pyqtgraph's ``GraphicsView`` keeps its ``sceneRect`` at the range it shows (the
        widget's size, also for the offscreen copy an export lays out at another size), which
        is also what an export renders.  ``QGraphicsScene.sceneRect()`` would be the bounding
        rectangle of every item ever in the scene (it never shrinks: curves reaching past
        their plots made it keep labels the figure's edge cut), recomputed by calling every
        item's ``boundingRect`` whenever items changed.  A scene without a view falls back
        to it.
        """
        scene = self.scene()
        if scene is None:
            return []
        views = scene.views()
        if not views:
            return [scene.sceneRect()]
        return [view.sceneRect() for view in views]

    @staticmethod
    def _apart(spans: list[tuple[float, float]], gap: float) -> bool:
        """Whether every two of ``spans`` (pixels) are at least ``gap`` apart."""
        ordered = sorted(spans)
        return all(b[0] >= a[1] + gap for a, b in pairwise(ordered))

    def thin_labels(self, text_specs: list[tuple[QRectF, Any, str]],
                    level_of: dict[str, int] | None = None) -> list[tuple[QRectF, Any, str]]:
        """The labels of ``text_specs`` that keep a gap to each other.

        Major labels (level 0) are all kept if they clear each other, else every second,
        every third, … (the first such stride that clears), so dense explicit ticks stay
        evenly spaced.  A finer level is drawn only
        whole: if any of its labels would touch another, that level and all finer ones are
        left out, so the labels shown are always evenly spaced.
        """
        metrics = QFontMetricsF(self.tick_font())
        gap = self._gap(metrics)
        horizontal = self.orientation in ("top", "bottom")
        level_of = level_of or {}

        def span(spec: tuple[QRectF, Any, str]) -> tuple[float, float]:
            rect = spec[0]
            if horizontal:
                # The drawn width of the text, centred on the tick (the rectangle pyqtgraph
                # measured may be narrower than the glyphs).
                width = max(rect.width(), metrics.horizontalAdvance(spec[2]))
                centre = rect.center().x()
                return centre - width / 2, centre + width / 2
            height = max(rect.height(), metrics.height())
            centre = rect.center().y()
            return centre - height / 2, centre + height / 2

        def clear(a: float, b: float, spans: list[tuple[float, float]]) -> bool:
            return not any(a < hi + gap and lo < b + gap for lo, hi in spans)

        kept: list[tuple[QRectF, Any, str]] = []
        spans: list[tuple[float, float]] = []
        by_level: dict[int, list[tuple[QRectF, Any, str]]] = {}
        visible = [rect.adjusted(-0.5, -0.5, 0.5, 0.5) for rect in self.figure_rects()]
        for spec in text_specs:
            if visible:
                # A label reaching past the edge of the figure would be cut, not drawn.
                a, b = span(spec)
                rect = (QRectF(a, spec[0].top(), b - a, spec[0].height()) if horizontal
                        else QRectF(spec[0].left(), a, spec[0].width(), b - a))
                drawn = self.mapRectToScene(rect)
                if not any(area.contains(drawn) for area in visible):
                    continue
            by_level.setdefault(level_of.get(spec[2], 0), []).append(spec)
        for level in sorted(by_level):
            specs = by_level[level]
            if level == 0:
                # Every label, else every second, third, …: the first stride whose labels
                # all keep their gap (a greedy pick would give 0 2 4 6 8 10 13 once the
                # labels grow to two digits).
                spans_of = [span(spec) for spec in specs]
                stride = next(k for k in range(1, len(specs) + 1)
                              if self._apart(spans_of[::k], gap))
                spans.extend(spans_of[::stride])
                kept.extend(specs[::stride])
                continue
            trial = list(spans)
            for spec in specs:
                a, b = span(spec)
                if not clear(a, b, trial):
                    return kept
                trial.append((a, b))
            spans = trial
            kept.extend(specs)
        return kept


# ---------------------------------------------------------------------- presenter lines
def _scaled(pen: Any, factor: float) -> Any:
    if not isinstance(pen, QPen) or pen.style() == pg.QtCore.Qt.PenStyle.NoPen:
        return None
    wide = QPen(pen)
    wide.setWidthF(max(pen.widthF(), 1.0) * factor)
    return wide


def scale_item_pens(item: Any, factor: float) -> None:
    """Widen the lines of one plot item by ``factor``: curves, symbol outlines, bar outlines,
    error bars, infinite lines and targets (with their hover pens).  Idempotent per item."""
    if factor == 1.0 or getattr(item, "_losslab_pens_scaled", False):
        return
    if isinstance(item, pg.PlotDataItem):
        for key, setter in (("pen", item.setPen), ("symbolPen", item.setSymbolPen),
                            ("shadowPen", item.setShadowPen)):
            wide = _scaled(item.opts.get(key), factor)
            if wide is not None:
                setter(wide)
    elif isinstance(item, (pg.PlotCurveItem, pg.ScatterPlotItem)):
        wide = _scaled(item.opts.get("pen"), factor)
        if wide is not None:
            item.setPen(wide)
    elif isinstance(item, (pg.BarGraphItem, pg.ErrorBarItem)):
        wide = _scaled(item.opts.get("pen"), factor)
        if wide is not None:
            item.setOpts(pen=wide) if isinstance(item, pg.BarGraphItem) else item.setData(pen=wide)
    elif isinstance(item, (pg.InfiniteLine, pg.TargetItem)):
        wide, hover = _scaled(item.pen, factor), _scaled(item.hoverPen, factor)
        if wide is not None:
            item.setPen(wide)
        if hover is not None:
            item.setHoverPen(hover)
    item._losslab_pens_scaled = True


class WrappingTitle(pg.LabelItem):
    """A plot title that wraps onto more lines instead of widening its plot.

    pyqtgraph's title insists on its one-line width, so a long title in presenter mode or in
    a narrow column pushes the plots beside it out of the figure.  This one may be as narrow
    as a few letters; narrower than its text, it wraps (centred) and asks its plot for the
    height of the lines it needs (``on_height``).
    """

    #: Narrowest a title lets its plot become, in units of the title font's height.
    MIN_WIDTH_EM = 4.0

    def __init__(self, *args: Any, on_height: Any = None, **kwargs: Any) -> None:
        self._natural = 0.0
        self._on_height = on_height
        super().__init__(*args, **kwargs)

    def setText(self, text: str, **args: Any) -> None:  # noqa: N802 (pyqtgraph override)
        self.item.setTextWidth(-1)
        super().setText(text, **args)
        option = self.item.document().defaultTextOption()
        option.setAlignment(pg.QtCore.Qt.AlignmentFlag.AlignHCenter)
        self.item.document().setDefaultTextOption(option)
        self.resizeEvent(None)

    def natural_width(self) -> float:
        """Width of the title on one line."""
        return self._natural

    def updateMin(self) -> None:  # noqa: N802 (pyqtgraph override)
        item = self.item
        wrap = item.textWidth()
        item.setTextWidth(-1)
        self._natural = item.boundingRect().width()
        item.setTextWidth(wrap)
        bounds = self.itemRect()
        font_height = QFontMetricsF(item.font()).height()
        minimum = min(self._natural, font_height * self.MIN_WIDTH_EM)
        self.setMinimumWidth(minimum)
        self.setMinimumHeight(bounds.height())
        hint = pg.QtCore.Qt.SizeHint
        self._sizeHint = {hint.MinimumSize: (minimum, bounds.height()),
                          hint.PreferredSize: (self._natural, bounds.height()),
                          hint.MaximumSize: (-1, -1), hint.MinimumDescent: (0, 0)}
        self.updateGeometry()
        if self._on_height is not None:
            self._on_height(bounds.height())

    def resizeEvent(self, ev: Any) -> None:  # noqa: N802 (Qt override)
        width = self.rect().width()
        wrap = width if 0 < width < self._natural - 0.5 else -1
        if abs(self.item.textWidth() - wrap) > 0.5:
            self.item.setTextWidth(wrap)
        super().resizeEvent(ev)


class LegiblePlotItem(pg.PlotItem):
    """A ``PlotItem`` with :class:`LegibleAxis` axes, a :class:`WrappingTitle`, themed
    legends, and (in presenter mode) wider lines; see the module docstring."""

    def __init__(self, *args: Any, axisItems: dict[str, pg.AxisItem] | None = None,  # noqa: N803
                 **kwargs: Any) -> None:
        axes = {side: LegibleAxis(side) for side in ("left", "bottom", "right", "top")}
        axes.update(axisItems or {})
        self._title_height = 0
        super().__init__(*args, axisItems=axes, **kwargs)
        # pyqtgraph shows every axis it is given; only left and bottom are shown by default.
        for side in ("right", "top"):
            if side not in (axisItems or {}):
                self.hideAxis(side)
        old = self.titleLabel
        self.layout.removeItem(old)
        old.setParentItem(None)
        if old.scene() is not None:
            old.scene().removeItem(old)
        self.titleLabel = WrappingTitle("", parent=self, on_height=self._fit_title_row)
        self.layout.addItem(self.titleLabel, 0, 1)
        theme.style_plot(self)
        self.setTitle(None)

    def _fit_title_row(self, height: float) -> None:
        """Make the title's row as tall as its (possibly wrapped) lines."""
        if not self.titleLabel.isVisible() or height <= 0:
            return
        rows = math.ceil(height) + 4
        if rows != self._title_height:
            self._title_height = rows
            self.titleLabel.setMaximumHeight(rows)
            self.layout.setRowFixedHeight(0, rows)

    def setTitle(self, title: str | None = None, **args: Any) -> None:  # noqa: N802
        """The title in the theme's foreground and title font, in a row as tall as it needs
        (pyqtgraph fixes the row at 30 px, too little for presenter mode or two lines)."""
        args.setdefault("color", theme.current.foreground)
        args.setdefault("size", theme.figure_point_size("title"))
        self._title_height = 0
        super().setTitle(title, **args)
        if title is not None:
            self._fit_title_row(self.titleLabel.itemRect().height())

    def addLegend(self, *args: Any, **kwargs: Any) -> pg.LegendItem:  # noqa: N802
        """A legend in the theme's foreground and legend font."""
        kwargs.setdefault("labelTextColor", theme.current.foreground)
        kwargs.setdefault("labelTextSize", theme.figure_point_size("legend"))
        return super().addLegend(*args, **kwargs)

    def addItem(self, item: Any, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        scale_item_pens(item, theme.current.line_scale)
        super().addItem(item, *args, **kwargs)


def add_plot(layout: pg.GraphicsLayout, row: int | None = None, col: int | None = None,
             rowspan: int = 1, colspan: int = 1, **kwargs: Any) -> LegiblePlotItem:
    """``layout.addPlot`` with a :class:`LegiblePlotItem`."""
    plot = LegiblePlotItem(**kwargs)
    layout.addItem(plot, row=row, col=col, rowspan=rowspan, colspan=colspan)
    return plot
