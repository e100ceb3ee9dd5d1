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

An axis is drawn from :meth:`LegibleAxis.lean_draw_specs`, a port of pyqtgraph 0.14's
``AxisItem.generateDrawSpecs`` that returns the same specs for a fraction of the cost (the Risk
lab repaints several axes per change); ``tests/qt/test_axes.py`` holds it to pyqtgraph's.

:class:`LegiblePlotItem` is a ``PlotItem`` with these axes, its title and legends in the
theme's figure fonts (presenter mode makes them bigger together with the ticks), and, in
presenter mode, every line of an item added to it widened by the theme's ``line_scale``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
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


# ---------------------------------------------------------------------- lean draw specs
#: Types of ``AxisItem.range`` and of tick values whose arithmetic the lean port does with
#: Python floats and gets bit for bit what pyqtgraph gets (``float(np.float64)`` is exact and
#: both are IEEE doubles).  Anything else (an int range, float32 ticks) goes to pyqtgraph.
_RANGE_TYPES = frozenset((float, np.float64))
_TICK_TYPES = frozenset((float, np.float64, int))
_UNSUPPORTED = object()

#: pyqtgraph measures each label in this box, centred, with the painter's font.
_MEASURE_BOX = QRectF(0, 0, 100, 100)
_ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
#: The text flags pyqtgraph gives each label, by orientation (the same expression).
_TEXT_FLAGS = {
    "left": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    | Qt.TextFlag.TextDontClip,
    "right": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    | Qt.TextFlag.TextDontClip,
    "top": Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
    | Qt.TextFlag.TextDontClip,
    "bottom": Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    | Qt.TextFlag.TextDontClip,
}
_SOLID = Qt.BrushStyle.SolidPattern

#: (width, 0.8 × height) of pyqtgraph's label rectangle, by (painter font, device dpi) and
#: then by string: the same label is measured again on every repaint otherwise.
_LABEL_SIZES: dict[tuple[Any, ...], dict[str, tuple[float, float]]] = {}
_LABEL_SIZES_MAX_FONTS = 32
_LABEL_SIZES_MAX_STRINGS = 4096


def _label_sizes(p: Any) -> dict[str, tuple[float, float]]:
    """The cache of label sizes for painter ``p``'s font and device (a new, unshared dict
    when the painter has no device)."""
    device = p.device()
    if device is None:
        return {}
    return _strings_cache(_LABEL_SIZES, (p.font(), device.logicalDpiX(), device.logicalDpiY()))


def _strings_cache(caches: dict[Any, dict[str, Any]], key: Any) -> dict[str, Any]:
    """The per-string cache of ``key`` (a font and its resolution) in ``caches``, made on
    first use; both levels are emptied when full (fonts and labels come and go in bursts)."""
    cache = caches.get(key)
    if cache is None:
        if len(caches) >= _LABEL_SIZES_MAX_FONTS:
            caches.clear()
        cache = caches[key] = {}
    elif len(cache) >= _LABEL_SIZES_MAX_STRINGS:
        cache.clear()
    return cache


#: ``QFontMetricsF.horizontalAdvance`` of tick labels, by (font, its height in pixels) and
#: then by string: tickSpacing measures every candidate label on every repaint.  The height
#: tells the same font at another resolution apart (QFont's == ignores the resolution).
_ADVANCES: dict[tuple[QFont, float], dict[str, float]] = {}


def label_widths(font: QFont, metrics: QFontMetricsF) -> Callable[[str], float]:
    """``metrics.horizontalAdvance`` (``metrics`` being ``QFontMetricsF(font)``), cached."""
    widths = _strings_cache(_ADVANCES, (font, metrics.height()))

    def width(text: str) -> float:
        advance = widths.get(text)
        if advance is None:
            advance = widths[text] = metrics.horizontalAdvance(text)
        return advance

    return width


def np_sum(values: Sequence[float]) -> float:
    """``np.sum(values)`` of a short list of floats without numpy: its pairwise summation
    (eight accumulators per block of at most 128, blocks halved above that), so the result
    is the same to the last bit.  The tests compare it with numpy."""
    n = len(values)
    if n < 8:
        total = -0.0
        for v in values:
            total += v
        return 0.0 + total
    return 0.0 + _pairwise(values, 0, n)


def _pairwise(a: Sequence[float], lo: int, n: int) -> float:
    if n < 8:
        total = -0.0
        for i in range(lo, lo + n):
            total += a[i]
        return total
    if n <= 128:
        r0, r1, r2, r3, r4, r5, r6, r7 = a[lo:lo + 8]
        i = lo + 8
        end = lo + n - n % 8
        while i < end:
            r0 += a[i]
            r1 += a[i + 1]
            r2 += a[i + 2]
            r3 += a[i + 3]
            r4 += a[i + 4]
            r5 += a[i + 5]
            r6 += a[i + 6]
            r7 += a[i + 7]
            i += 8
        total = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < lo + n:
            total += a[i]
            i += 1
        return total
    half = n // 2
    half -= half % 8
    return _pairwise(a, lo, half) + _pairwise(a, lo + half, n - half)


class LegibleAxis(pg.AxisItem):
    """An axis whose tick labels are measured so that they never touch (module docstring)."""

    def tick_font(self) -> QFont:
        font = self.style.get("tickFont")
        return QFont(font) if font is not None else QApplication.font()

    def _gap(self, metrics: QFontMetricsF) -> float:
        horizontal = self.orientation in ("top", "bottom")
        return metrics.height() * (GAP_ALONG if horizontal else GAP_STACKED)

    def _needed_spacing(self, strings: Sequence[str], metrics: QFontMetricsF,
                        width: Callable[[str], float] | None = None) -> float:
        """Pixels two neighbouring ticks need between them for their labels (centred on the
        ticks) and a gap: half of each neighbour's width, or one line of text when stacked.
        ``width`` measures a label (default: ``metrics.horizontalAdvance``)."""
        if self.orientation in ("top", "bottom"):
            measure = width or metrics.horizontalAdvance
            widths = [measure(s) for s in strings]
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
        font = self.tick_font()
        metrics = QFontMetricsF(font)
        width = label_widths(font, metrics)
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
            if spacing * pixels_per_unit >= self._needed_spacing(strings, metrics, width) + gap:
                break
            spacing = next_nice(spacing)
        if spacing == major:
            return levels
        return [(spacing, 0.0), (_subdivision(spacing), 0.0)]

    def logTickValues(self, minVal: float, maxVal: float, size: float,  # noqa: N802, N803
                      stdTicks: list[tuple[float | None, list[float]]]
                      ) -> list[tuple[float | None, list[float]]]:
        """Log axes: the in-between ticks split by how round they are (the decades, then 2
        and 5, then the rest), so that the thinning in :meth:`generateDrawSpecs` keeps 10, 100,
        1000 first and 20 and 50 next, rather than whichever comes first.

        (pyqtgraph lists the decades among the in-between ticks when its own spacing is below
        one decade, e.g. on a wide axis over a few decades.)"""
        ticks = super().logTickValues(minVal, maxVal, size, stdTicks)
        if not ticks or ticks[-1][0] is not None:
            return ticks
        minor = np.asarray(ticks[-1][1], dtype=float)
        digit = np.rint(10.0 ** (minor - np.floor(minor + 1e-9))).astype(int)
        taken = np.array([v for _spacing, values in ticks[:-1] for v in values], dtype=float)
        decade = (digit == 1) & ~np.isin(np.round(minor, 9), np.round(taken, 9))
        round_ones = np.isin(digit, (2, 5))
        levels = [(None, list(minor[decade])), (None, list(minor[round_ones])),
                  (None, list(minor[~decade & ~round_ones & (digit != 1)]))]
        return [*ticks[:-1], *(level for level in levels if level[1])]

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
            specs = self.lean_draw_specs(p)
            if specs is _UNSUPPORTED:
                self._levels_seen = []
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

    def lean_draw_specs(self, p: Any) -> Any:
        """pyqtgraph 0.14's ``AxisItem.generateDrawSpecs``: the same specs (pens, points, text
        rectangles, flags, strings) from the same arithmetic, and the same calls to
        ``tickValues``, ``tickStrings`` and ``_updateMaxTextSize``, at a fraction of the cost:
        plain floats and ``QPointF`` instead of a ``Point`` per tick end, each label string
        measured once per font (``_LABEL_SIZES``), ``boundingRect()`` once, no numpy.

        Returns ``_UNSUPPORTED`` (before any ``tickStrings`` call) for a range or tick values
        of other types than float, ``np.float64`` (and int ticks), whose arithmetic
        pyqtgraph's code does in another precision; the caller draws those with pyqtgraph's.
        ``tests/qt/test_axes.py`` compares the two over many configurations.
        """
        style = self.style
        if style["tickFont"] is not None:
            p.setFont(style["tickFont"])
        r0, r1 = self.range
        if type(r0) not in _RANGE_TYPES or type(r1) not in _RANGE_TYPES:
            return _UNSUPPORTED
        r0, r1 = float(r0), float(r1)
        bounds = self.mapRectFromParent(self.geometry())
        linked = self.linkedView()
        if linked is None or self.grid is False:
            tick_bounds = bounds
        else:
            tick_bounds = linked.mapRectToItem(self, linked.boundingRect())

        orientation = self.orientation
        # pyqtgraph: a corner of ``bounds`` + Point(±1, ±1), one coordinate at a time.
        if orientation == "left":
            span0 = QPointF(bounds.right() + -1.0, bounds.top() + -1.0)
            span1 = QPointF(bounds.right() + -1.0, bounds.bottom() + 1.0)
            tick_start, tick_stop, tick_dir, axis = tick_bounds.right(), bounds.right(), -1, 0
        elif orientation == "right":
            span0 = QPointF(bounds.left() + 1.0, bounds.top() + -1.0)
            span1 = QPointF(bounds.left() + 1.0, bounds.bottom() + 1.0)
            tick_start, tick_stop, tick_dir, axis = tick_bounds.left(), bounds.left(), 1, 0
        elif orientation == "top":
            span0 = QPointF(bounds.left() + -1.0, bounds.bottom() + -1.0)
            span1 = QPointF(bounds.right() + 1.0, bounds.bottom() + -1.0)
            tick_start, tick_stop, tick_dir, axis = tick_bounds.bottom(), bounds.bottom(), -1, 1
        elif orientation == "bottom":
            span0 = QPointF(bounds.left() + -1.0, bounds.top() + 1.0)
            span1 = QPointF(bounds.right() + 1.0, bounds.top() + 1.0)
            tick_start, tick_stop, tick_dir, axis = tick_bounds.top(), bounds.top(), 1, 1
        else:
            raise ValueError("self.orientation must be in {'left', 'right', 'top', 'bottom'}")
        # The axis's length in pixels (pyqtgraph: mapToDevice of both ends, Point.length()).
        device = self.deviceTransform_()
        if device is None:
            return None
        d0, d1 = device.map(span0), device.map(span1)
        length = math.hypot(d1.x() - d0.x(), d1.y() - d0.y())
        if length == 0:
            return None

        tick_strings: list[list[Any]] | None
        if self._tickLevels is None:
            tick_levels = self.tickValues(self.range[0], self.range[1], length)
            tick_strings = None
        else:
            tick_levels = []
            tick_strings = []
            for level in self._tickLevels:
                level_values: list[Any] = []
                level_strings: list[Any] = []
                tick_levels.append((None, level_values))
                tick_strings.append(level_strings)
                for value, text in level:
                    level_values.append(value)
                    level_strings.append(text)
        for _spacing, values in tick_levels:
            for v in values:
                if type(v) not in _TICK_TYPES:
                    return _UNSUPPORTED

        dif = r1 - r0
        if dif == 0:
            x_scale, offset = 1.0, 0.0
        elif axis == 0:
            x_scale = -bounds.height() / dif
            offset = r0 * x_scale - bounds.height()
        else:
            x_scale = bounds.width() / dif
            offset = r0 * x_scale
        xa, xb = r0 * x_scale - offset, r1 * x_scale - offset
        x_min, x_max = min(xa, xb), max(xa, xb)

        grid = self.grid
        tick_positions: list[list[float | None]] = []
        tick_specs: list[tuple[QPen, QPointF, QPointF]] = []
        add_tick = tick_specs.append
        for i in range(len(tick_levels)):
            ticks = tick_levels[i][1]
            tick_length = style["tickLength"] / ((i * 0.5) + 1.0)
            line_alpha = style["tickAlpha"]
            if line_alpha is None:
                line_alpha = 255 / (i + 1)
                if grid is not False:
                    line_alpha *= grid / 255. * pg.functions.clip_scalar(
                        (0.05 * length / (len(ticks) + 1)), 0., 1.)
            elif isinstance(line_alpha, float):
                line_alpha *= 255
                line_alpha = max(0, int(round(line_alpha)))
                line_alpha = min(255, int(round(line_alpha)))
            elif isinstance(line_alpha, int):
                if (line_alpha > 255) or (line_alpha < 0):
                    raise ValueError("lineAlpha should be [0..255]")
            else:
                raise TypeError("Line Alpha should be of type None, float or int")
            tick_pen = self.tickPen()
            if tick_pen.brush().style() == _SOLID:  # only adjust simple colour pens
                tick_pen = QPen(tick_pen)
                color = QColor(tick_pen.color())
                color.setAlpha(int(line_alpha))
                tick_pen.setColor(color)
            tick_end = tick_stop + tick_length * tick_dir if grid is False else tick_stop
            positions: list[float | None] = []
            tick_positions.append(positions)
            for v in ticks:
                x = float(v) * x_scale - offset
                if x < x_min or x > x_max:  # out of bounds: not drawn
                    positions.append(None)
                    continue
                positions.append(x)
                if axis == 0:
                    add_tick((tick_pen, QPointF(tick_start, x), QPointF(tick_end, x)))
                else:
                    add_tick((tick_pen, QPointF(x, tick_start), QPointF(x, tick_end)))

        if style["stopAxisAtTick"][0] is True:
            min_position = min(map(min, tick_positions))  # type: ignore[type-var]
            if axis == 0:
                span0.setY(max(span0.y(), min_position))
            else:
                span0.setX(max(span0.x(), min_position))
        if style["stopAxisAtTick"][1] is True:
            max_position = max(map(max, tick_positions))  # type: ignore[type-var]
            if axis == 0:
                span1.setY(min(span1.y(), max_position))
            else:
                span1.setX(min(span1.x(), max_position))
        axis_spec = (self.pen(), span0, span1)

        text_offset = style["tickTextOffset"][axis]  # between the axis and the text
        text_specs: list[tuple[QRectF, Any, str]] = []
        if not style["showValues"]:
            return (axis_spec, tick_specs, text_specs)

        sizes = _label_sizes(p)
        along: list[float] = []  # every measured label's extent along the axis so far
        across = 0.0  # and the largest across it
        measured = False
        text_size2: float = 0
        last_text_size2: float = 0
        label_offset = max(0, style["tickLength"]) + text_offset
        flags = _TEXT_FLAGS[orientation]
        visible = self.boundingRect()
        for i in range(min(len(tick_levels), style["maxTextLevel"] + 1)):
            if tick_strings is None:
                spacing, values = tick_levels[i]
                strings = self.tickStrings(values, self.autoSIPrefixScale * self.scale, spacing)
            else:
                strings = tick_strings[i]
            if len(strings) == 0:
                continue
            positions = tick_positions[i]
            # Strings of ticks left out above are ignored (pyqtgraph edits the list in place).
            for j in range(len(strings)):
                if positions[j] is None:
                    strings[j] = None
            rects: list[tuple[float, float] | None] = []
            for text in strings:
                if text is None:
                    rects.append(None)
                    continue
                size = sizes.get(text)
                if size is None:
                    br = p.boundingRect(_MEASURE_BOX, _ALIGN_CENTER, text)
                    size = sizes[text] = (br.width(), br.height() * 0.8)
                rects.append(size)
                width, height = size
                if axis == 0:
                    along.append(height)
                    across = width if not measured or width > across else across
                else:
                    along.append(width)
                    across = height if not measured or height > across else across
                measured = True
            text_size2 = across if measured else 0

            if i > 0:  # always draw the top level
                # If the strings are too crowded, stop drawing text now.
                text_fill_ratio = float(np_sum(along) if measured else 0) / length
                finished = False
                for n_texts, limit in style["textFillLimits"]:
                    if len(text_specs) >= n_texts and text_fill_ratio >= limit:
                        finished = True
                        break
                if finished:
                    break
            last_text_size2 = text_size2

            for j in range(len(strings)):
                text = strings[j]
                if text is None:  # this tick was out of bounds
                    continue
                x = positions[j]
                width, height = rects[j]  # type: ignore[misc]
                if orientation == "left":
                    rect = QRectF(tick_stop - label_offset - width, x - (height / 2),
                                  width, height)
                elif orientation == "right":
                    rect = QRectF(tick_stop + label_offset, x - (height / 2), width, height)
                elif orientation == "top":
                    rect = QRectF(x - width / 2., tick_stop - label_offset - height,
                                  width, height)
                else:
                    rect = QRectF(x - width / 2., tick_stop + label_offset, width, height)
                # QRectF's == is fuzzy, as in pyqtgraph (contains() would suffer from rounding).
                if visible & rect != rect:
                    continue
                text_specs.append((rect, flags, text))

        self._updateMaxTextSize(last_text_size2)
        return axis_spec, tick_specs, text_specs

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
        font = self.tick_font()
        metrics = QFontMetricsF(font)
        label_width = label_widths(font, metrics)
        gap = self._gap(metrics)
        horizontal = self.orientation in ("top", "bottom")
        level_of = level_of or {}

        def span(spec: tuple[QRectF, Any, str]) -> tuple[float, float]:
            rect = spec[0]
            if horizontal:
                # The drawn width of the text, centred on the tick (the rectangle pyqtgraph
                # measured may be narrower than the glyphs).
                width = max(rect.width(), label_width(spec[2]))
                centre = rect.center().x()
                return centre - width / 2, centre + width / 2
            height = max(rect.height(), metrics.height())
            centre = rect.center().y()
            return centre - height / 2, centre + height / 2

        def clear(a: float, b: float, spans: list[tuple[float, float]]) -> bool:
            return not any(a < hi + gap and lo < b + gap for lo, hi in spans)

        kept: list[tuple[QRectF, Any, str]] = []
        spans: list[tuple[float, float]] = []
        # Each label's span along the axis, measured once.
        by_level: dict[int, list[tuple[tuple[QRectF, Any, str], tuple[float, float]]]] = {}
        visible = [rect.adjusted(-0.5, -0.5, 0.5, 0.5) for rect in self.figure_rects()]
        for spec in text_specs:
            a, b = span(spec)
            if visible:
                # A label reaching past the edge of the figure would be cut, not drawn.
                rect = (QRectF(a, spec[0].top(), b - a, spec[0].height()) if horizontal
                        else QRectF(spec[0].left(), a, spec[0].width(), b - a))
                drawn = self.mapRectToScene(rect)
                if not any(area.contains(drawn) for area in visible):
                    continue
            by_level.setdefault(level_of.get(spec[2], 0), []).append((spec, (a, b)))
        for level in sorted(by_level):
            measured = by_level[level]
            if level == 0:
                # Every label, else every second, third, …: the first stride whose labels
                # all keep their gap (a greedy pick would give 0 2 4 6 8 10 13 once the
                # labels grow to two digits).
                spans_of = [ab for _spec, ab in measured]
                stride = next(k for k in range(1, len(measured) + 1)
                              if self._apart(spans_of[::k], gap))
                spans.extend(spans_of[::stride])
                kept.extend(spec for spec, _ab in measured[::stride])
                continue
            trial = list(spans)
            for _spec, (a, b) in measured:
                if not clear(a, b, trial):
                    return kept
                trial.append((a, b))
            spans = trial
            kept.extend(spec for spec, _ab in measured)
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
                # A hidden axis still follows every range change; with an SI prefix it would
                # also re-typeset its (invisible) label each time (~0.3 ms per change).
                self.getAxis(side).enableAutoSIPrefix(False)
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
