"""Plot ranges that hold still: an axis moves only when the data leave it or shrink well inside.

A plot that fits its range to the data on every change turns a small change of the data into a
change of the axes: the curve stays put on screen while the tick labels slide under it, which
hides exactly what the user is watching (how a curve moves as the sample size or the degree
changes).  It is also the expensive part of a redraw: a new range makes pyqtgraph regenerate the
plot's axes and grid and lay out every item again (~3 ms per plot in the Risk lab).

:func:`steady_range` keeps the current range while the data fit inside it and fill at least
``min_fill`` of it; otherwise it sets the data's range with a margin of ``pad`` on each side, so
that small changes afterwards stay inside (hysteresis).  Values are in the plot's view
coordinates: log10 of the data on a logarithmic axis.
"""

from __future__ import annotations

import math

import pyqtgraph as pg


def steady_range(plot: pg.PlotItem, axis: str, lo: float, hi: float, *, pad: float = 0.08,
                 min_fill: float = 0.5, outside: float = 0.0,
                 min_span: float | None = None) -> bool:
    """Show at least [lo, hi] on ``axis`` ("x" or "y") of ``plot``, moving the range only when
    needed (see the module docstring).  Returns whether the range was changed.

    Args:
        pad: margin added on each side when the range is set, as a fraction of hi − lo.
        min_fill: a kept range is at most 1/min_fill times as wide as the one that would be set.
        outside: how far (fraction of the range's width) the data may reach past a kept range
            on either side, for data that only needs to be seen in the main (a curve's domain).
        min_span: narrowest range to set (e.g. a log axis needs a decade to show a label).
    """
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return False
    lo, hi = min(lo, hi), max(lo, hi)
    span = hi - lo
    if span <= 0.0:
        span = max(abs(hi), 1.0) * 0.1  # one value: a range around it
    new_lo, new_hi = lo - pad * span, hi + pad * span
    if min_span is not None and new_hi - new_lo < min_span:
        mid = 0.5 * (new_lo + new_hi)
        new_lo, new_hi = mid - 0.5 * min_span, mid + 0.5 * min_span
    index = {"x": 0, "y": 1}[axis]
    a, b = plot.vb.viewRange()[index]
    width = b - a
    if (not plot.vb.autoRangeEnabled()[index] and width > 0
            and lo >= a - outside * width and hi <= b + outside * width
            and new_hi - new_lo >= min_fill * width):
        return False  # the data are in view and fill enough of it: hold still
    if axis == "x":
        plot.setXRange(new_lo, new_hi, padding=0.0)
    else:
        plot.setYRange(new_lo, new_hi, padding=0.0)
    return True
