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

    def _label_extent(self, strings: Sequence[str], metrics: QFontMetricsF) -> float:
        """Room one label needs along the axis: the widest string, or one line of text."""
        if self.orientation in ("top", "bottom"):
            return max((metrics.horizontalAdvance(s) for s in strings), default=0.0)
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
            strings = self.tickStrings(list(values / self.scale),
                                       self.autoSIPrefixScale * self.scale,
                                       spacing / self.scale)
            if spacing * pixels_per_unit >= self._label_extent(strings, metrics) + gap:
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

    def generateDrawSpecs(self, p: Any) -> Any:  # noqa: N802 (pyqtgraph override)
        """pyqtgraph's drawing, minus every tick label that would touch one drawn before it
        (pyqtgraph lists the labels level by level, major first)."""
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return specs
        axis_spec, tick_specs, text_specs = specs
        return axis_spec, tick_specs, self.thin_labels(text_specs)

    def thin_labels(self, text_specs: list[tuple[QRectF, Any, str]]
                    ) -> list[tuple[QRectF, Any, str]]:
        """The labels of ``text_specs`` (in priority order) that keep a gap to each other."""
        metrics = QFontMetricsF(self.tick_font())
        gap = self._gap(metrics)
        horizontal = self.orientation in ("top", "bottom")
        kept: list[tuple[QRectF, Any, str]] = []
        spans: list[tuple[float, float]] = []
        for spec in text_specs:
            rect = spec[0]
            if horizontal:
                # The drawn width of the text, centred on the tick (the rectangle pyqtgraph
                # measured may be narrower than the glyphs).
                width = max(rect.width(), metrics.horizontalAdvance(spec[2]))
                centre = rect.center().x()
                a, b = centre - width / 2, centre + width / 2
            else:
                height = max(rect.height(), metrics.height())
                centre = rect.center().y()
                a, b = centre - height / 2, centre + height / 2
            if any(a < hi + gap and lo < b + gap for lo, hi in spans):
                continue
            spans.append((a, b))
            kept.append(spec)
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


class LegiblePlotItem(pg.PlotItem):
    """A ``PlotItem`` with :class:`LegibleAxis` axes, themed title and legends, and (in
    presenter mode) wider lines; see the module docstring."""

    def __init__(self, *args: Any, axisItems: dict[str, pg.AxisItem] | None = None,  # noqa: N803
                 **kwargs: Any) -> None:
        axes = {side: LegibleAxis(side) for side in ("left", "bottom", "right", "top")}
        axes.update(axisItems or {})
        super().__init__(*args, axisItems=axes, **kwargs)
        # pyqtgraph shows every axis it is given; only left and bottom are shown by default.
        for side in ("right", "top"):
            if side not in (axisItems or {}):
                self.hideAxis(side)
        theme.style_plot(self)

    def setTitle(self, title: str | None = None, **args: Any) -> None:  # noqa: N802
        """The title in the theme's foreground and title font, with a row tall enough for it
        (pyqtgraph fixes the row at 30 px, too little for presenter mode)."""
        args.setdefault("color", theme.current.foreground)
        args.setdefault("size", theme.figure_point_size("title"))
        super().setTitle(title, **args)
        if title is not None:
            font = theme.figure_font("title")
            height = math.ceil(QFontMetricsF(font).height() * 1.35)
            self.titleLabel.setMaximumHeight(height)
            self.layout.setRowFixedHeight(0, height)

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
