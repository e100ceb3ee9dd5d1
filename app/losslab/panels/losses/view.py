"""Loss Curves panel: every loss against the margin or the residual, with draggable parameters.

What is on screen, all drawn from :class:`LossCurvesState`:

* one curve per visible loss (Okabe–Ito colour + dash style) and, on request, its derivative
  (same colour, thin dotted, its own legend entry "L′ hinge"; the y axis then reads
  "loss / slope");
* a legend above the plot listing every loss of the mode: clicking an entry checks or unchecks
  that loss (the same as its check box);
* handles on the plot for Huber's ±δ and SVR's ±ε in the owning loss's colour, twins of their
  spin boxes; a handle outside the plotted range is shown by an arrow at the plot's edge;
* a probe line whose read-out lists every visible loss and its slope at that point;
* the typeset formula and an explanation of the selected loss.

x follows ``x_min``/``x_max``: a mouse-wheel zoom or a drag writes the new range into them (y
is not zoomed by the mouse: it follows the curves, see :func:`y_limits`).

Only what a change touches is recomputed: dragging δ recomputes the Huber curve alone.
"""

from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QPushButton, QWidget

from losslab.core.params import shortest_text
from losslab.maths.losses import LOSSES, keys_for
from losslab.panels.losses import model as model
from losslab.panels.losses.formulas import LATEX
from losslab.qt import formula, theme
from losslab.qt.binding import bind_line, set_number_range, tr
from losslab.qt.panel_base import BasePanel
from losslab.qt.plot_aids import Hit, number

#: The axis variable per mode: (symbol, axis label in English; see :func:`axis_label`).
AXIS = {
    "margin": ("m", "margin m = y·f(x)"),
    "residual": ("r", "residual r = y − f(x)"),
}


def axis_label(mode: str) -> str:
    """The x-axis label of ``mode`` in the current language."""
    if mode == "margin":
        return tr("margin m = y·f(x)", "panels")
    return tr("residual r = y − f(x)", "panels")


def loss_label(key: str) -> str:
    """A loss's name in the current language."""
    return tr(LOSSES[key].label, "losses")


def derivative_label(key: str) -> str:
    """Legend name of a loss's derivative curve, e.g. "L′ hinge (SVM)"."""
    return tr("L′ {loss}", "panels").format(loss=loss_label(key))


#: The loss whose curve each handle shapes (the handle takes that curve's colour).
HANDLE_OWNER = {"huber_delta": "huber", "epsilon": "epsilon_insensitive"}
#: Where along the line (0 = bottom, 1 = top) each handle's label sits: δ and ε labels apart.
HANDLE_LABEL_HEIGHT = {"huber_delta": 0.06, "epsilon": 0.16}


def loss_colour(key: str) -> str:
    """The colour of a loss's curve in the current theme."""
    info = LOSSES[key]
    return theme.series_colour(keys_for(info.family).index(key)).name()


def y_limits(mode: str, x_min: float, x_max: float,
             tops: list[float], bottoms: list[float]) -> tuple[float, float]:
    """The y range of the loss plot.

    The top is the highest visible curve, capped at 1.25 × the value a linearly growing loss
    reaches at the far end of the x range (the hinge 1 − x_min for margins, |r| for residuals),
    so that the fast growers (exponential, squared) do not flatten the others.  The cap
    depends only on the mode and the x range, so checking or unchecking a loss does not
    rescale the plot unless every remaining curve stays below it.  At least [0, 1].
    """
    if mode == "margin":
        linear = max(1.0, 1.0 - x_min)
    else:
        linear = max(1.0, abs(x_min), abs(x_max))
    cap = 1.25 * linear
    top = min(max(tops), cap) if tops else 1.0
    return min([0.0, *bottoms]), max(top, 1.0)


#: Margin left and right of [x_min, x_max], as a fraction of the range.
X_PADDING = 0.02


def unpadded(lo: float, hi: float) -> tuple[float, float]:
    """The [x_min, x_max] that ``setXRange(x_min, x_max, padding=X_PADDING)`` shows as the view
    range [lo, hi] (pyqtgraph adds X_PADDING × the range on each side)."""
    width = (hi - lo) / (1 + 2 * X_PADDING)
    return lo + X_PADDING * width, hi - X_PADDING * width


def rounded_range(lo: float, hi: float) -> tuple[float, float]:
    """A zoomed view's x range rounded to three significant digits of its span (what the spin
    boxes can show), so a wheel zoom does not write float noise into the state."""
    span = hi - lo
    if not (math.isfinite(span) and span > 0):
        return lo, hi
    step = 10.0 ** (math.floor(math.log10(span)) - 2)
    return round(lo / step) * step, round(hi / step) * step


#: Parameters that only matter in one mode (their controls hide in the other).
MODE_PARAMS = {
    "margin": ("logistic_base",),
    "residual": ("huber_delta", "quantile_tau", "epsilon"),
}
#: Which losses each numeric parameter feeds, so a drag recomputes only those curves.
PARAM_USERS: dict[str, set[str]] = {}
for _key, _info in LOSSES.items():
    for _name in _info.params.values():
        PARAM_USERS.setdefault(
            "logistic_base" if _name == "logistic_base_value" else _name, set()
        ).add(_key)


class LossCurvesPanel(BasePanel):
    """The Loss Curves dock; see the module docstring."""

    model = model.PANEL
    state: model.LossCurvesState

    def __init__(self, state: model.LossCurvesState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.plot = self.add_plot(0, 0, tr("Loss curves", "panels"), axis_label("margin"),
                                  tr("loss", "panels"))
        self.plot.setObjectName("losses_plot")
        # The mouse zooms and pans x only, and that writes x_min/x_max (see _on_view_dragged).
        self.plot.setMouseEnabled(x=True, y=False)
        # No "A" (auto-range) button: its range would not be written back into the state.
        self.plot.hideButtons()
        self.plot.vb.sigRangeChangedManually.connect(self._on_view_dragged)
        self.plot.vb.sigRangeChanged.connect(self._update_edge_cues)

        self.curves: dict[str, pg.PlotDataItem] = {}
        self.derivative_curves: dict[str, pg.PlotDataItem] = {}
        for key, info in LOSSES.items():
            index = keys_for(info.family).index(key)
            curve = pg.PlotDataItem(pen=theme.series_pen(index), name=loss_label(key))
            deriv = pg.PlotDataItem(pen=self._derivative_pen(index), name=f"{loss_label(key)}′")
            for item in (curve, deriv):
                self.plot.addItem(item)
                # A drag changes one or two curves; the others are blitted from a pixmap instead
                # of stroking 1201 dashed points again (export draws without these caches).
                item.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.curves[key] = curve
            self.derivative_curves[key] = deriv
        # After the curves: they carry names, and a legend adds named items it sees later.
        self.legend = self.add_legend(self.plot, on_toggle=self._on_legend_toggled)
        # One row of losses, their derivatives in a row under them.
        self.legend.max_columns = max(len(keys_for("margin")), len(keys_for("residual")))

        self.handles: dict[str, tuple[pg.InfiniteLine, pg.InfiniteLine]] = {}
        #: Arrows at the plot's edge for handles outside the plotted x range (+, −).
        self.edge_cues: dict[str, tuple[pg.TextItem, pg.TextItem]] = {}
        for name, symbol in (("huber_delta", "δ"), ("epsilon", "ε")):
            colour = loss_colour(HANDLE_OWNER[name])
            height = HANDLE_LABEL_HEIGHT[name]
            # The + label right of its line, the − label left of its own: apart even when
            # both lines meet (ε = 0).
            plus = self._handle(f"+{symbol}", colour, height, (0.0, 0.5))
            minus = self._handle(f"−{symbol}", colour, height, (1.0, 0.5))
            plus.setObjectName(f"{name}_handle")
            minus.setObjectName(f"{name}_handle_mirror")
            bind_line(state, name, plus, self)
            bind_line(state, name, minus, self, to_state=lambda p: -p, from_state=lambda v: -v)
            self.handles[name] = (plus, minus)
            cues = (pg.TextItem(color=colour, anchor=(1.0, 0.5)),
                    pg.TextItem(color=colour, anchor=(0.0, 0.5)))
            for cue, side in zip(cues, ("plus", "minus"), strict=True):
                cue.setObjectName(f"{name}_edge_cue_{side}")
                cue.setZValue(15)
                cue.setVisible(False)
                self.plot.addItem(cue, ignoreBounds=True)
            self.edge_cues[name] = cues

        self.probe_line = pg.InfiniteLine(
            angle=90, movable=True, pen=pg.mkPen(theme.current.foreground, width=1,
                                                 style=Qt.PenStyle.DashLine),
            hoverPen=pg.mkPen(theme.current.foreground, width=3),
            label=tr("probe", "panels"), labelOpts={"position": 0.6, "color": theme.current.foreground},
        )
        self.probe_line.setZValue(20)
        self.plot.addItem(self.probe_line, ignoreBounds=True)
        bind_line(state, "probe", self.probe_line, self)
        self.probe_marks = pg.ScatterPlotItem(size=8, pen=pg.mkPen(theme.current.foreground))
        self.plot.addItem(self.probe_marks)

        self._build_controls()
        self.redraw_all()

    # ------------------------------------------------------------------ building
    def _derivative_pen(self, index: int) -> object:
        pen = theme.series_pen(index, width=1.2, dashed=False)
        pen.setStyle(Qt.PenStyle.DotLine)
        return pen

    def _handle(self, label: str, colour: str, height: float,
                anchor: tuple[float, float]) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            angle=90, movable=True,
            pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashDotLine),
            hoverPen=pg.mkPen(colour, width=4),
            label=label, labelOpts={"position": height, "color": theme.text_colour(colour),
                                    "anchors": [anchor, anchor]},
        )
        line.setZValue(10)
        self.plot.addItem(line, ignoreBounds=True)
        return line

    def _build_controls(self) -> None:
        self.add_control("mode", labels={"margin": tr("classification (margin)"),
                                         "residual": tr("regression (residual)")})
        self.add_control("losses", labels={k: loss_label(k) for k in LOSSES})
        for name in ("huber_delta", "quantile_tau", "epsilon", "logistic_base", "x_min", "x_max",
                     "derivatives", "probe"):
            self.add_control(name)
        self.probe_readout = self.add_readout("probe_readout")
        self.add_control("selected", labels={k: loss_label(k) for k in LOSSES})
        reset = QPushButton(tr("Reset parameters", "panels"))
        reset.setObjectName("losses_reset")
        reset.clicked.connect(self.state.reset)
        self.form.addRow(reset)

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        state = self.state
        x = model.x_values(state)
        visible = set(model.visible_keys(state))
        everything = bool(changed & {"x_min", "x_max", "mode", "losses", "derivatives"})
        recompute = set(LOSSES) if everything else set()
        for name in changed:
            recompute |= PARAM_USERS.get(name, set())
        settings = model.numeric_settings(state)
        for key in recompute & visible:
            info = LOSSES[key]
            self.curves[key].setData(x, info.value(x, settings))
            if state.derivatives:
                self.derivative_curves[key].setData(x, info.slope(x, settings))
        if not everything:
            self._cache_all_but(recompute)
        if everything:
            for key in LOSSES:
                self.curves[key].setVisible(key in visible)
                self.derivative_curves[key].setVisible(key in visible and state.derivatives)
                if key not in visible:
                    self.curves[key].setData([], [])
                    self.derivative_curves[key].setData([], [])
                elif not state.derivatives:
                    self.derivative_curves[key].setData([], [])
            self._rebuild_legend(visible)
            self._fit_view(visible)
            self.plot.setLabel("left", tr("loss / slope", "panels") if state.derivatives
                               else tr("loss", "panels"))
        if changed & {"mode", "losses"}:
            self._show_mode_controls()
        if changed & {"mode", "losses", "huber_delta", "epsilon"}:
            for name, lines in self.handles.items():
                shown = state.mode == "residual" and any(
                    k in visible for k in PARAM_USERS[name])
                for line in lines:
                    line.setVisible(shown)
        if changed & {"mode"}:
            self.plot.setLabel("bottom", axis_label(state.mode))
        if changed & {"x_min", "x_max"}:
            # The probe box accepts what the state accepts: a point of the plotted range.
            set_number_range(self.controls["probe"], state.x_min, state.x_max)  # type: ignore[arg-type]
        self._update_probe()
        self._update_edge_cues()
        if changed & {"selected", "mode"}:
            self._update_explanation()

    def _cache_all_but(self, changing: set[str]) -> None:
        """Draw the curves a drag is changing directly, the others from their pixmaps.

        A cached curve whose points change is stroked into its pixmap and then copied: more
        work than stroking it, on every step of the drag.  The curves of the parameter being
        dragged go uncached until another parameter moves.
        """
        for key in LOSSES:
            mode = (QGraphicsItem.CacheMode.NoCache if key in changing
                    else QGraphicsItem.CacheMode.DeviceCoordinateCache)
            for item in (self.curves[key], self.derivative_curves[key]):
                if item.curve.cacheMode() != mode:
                    item.curve.setCacheMode(mode)

    def _rebuild_legend(self, visible: set[str]) -> None:
        """Every loss of the mode (an unchecked one faded: click it to check it), then the
        derivative of each visible one."""
        self.legend.clear()
        keys = keys_for(self.state.mode)
        self.legend.max_columns = len(keys)
        for key in keys:
            self.legend.addItem(self.curves[key], loss_label(key), key=key)
        if self.state.derivatives:
            for key in keys:
                if key in visible:
                    self.legend.addItem(self.derivative_curves[key], derivative_label(key),
                                        key=("derivative", key))

    def _on_legend_toggled(self, key: Any, shown: bool) -> None:
        """A click on a legend entry: a loss is checked or unchecked in the state (as its check
        box does); a derivative curve is only hidden or shown in this view."""
        if isinstance(key, tuple):
            self.derivative_curves[key[1]].setVisible(shown)
            return
        chosen = [k for k in self.state.losses if k != key]
        if shown:
            chosen.append(key)
        self.state.losses = tuple(k for k in LOSSES if k in chosen)

    def _fit_view(self, visible: set[str]) -> None:
        """x range = [x_min, x_max] with :data:`X_PADDING` each side (undone exactly when a
        zoom is written back, see :func:`unpadded`); y from :func:`y_limits`."""
        state = self.state
        self.plot.setXRange(state.x_min, state.x_max, padding=X_PADDING)
        tops, bottoms = [], []
        for key in visible:
            y = self.curves[key].getData()[1]
            if y is not None and len(y):
                tops.append(float(np.max(y)))
                bottoms.append(float(np.min(y)))
                if state.derivatives:
                    d = self.derivative_curves[key].getData()[1]
                    if d is not None and len(d):
                        bottoms.append(max(float(np.min(d)), -4.0))
        lo, hi = y_limits(state.mode, state.x_min, state.x_max, tops, bottoms)
        self.plot.setYRange(lo, hi, padding=0.05)

    def _on_view_dragged(self, *_: Any) -> None:
        """A mouse zoom or pan changed the x range: it becomes x_min/x_max (one batch)."""
        (lo, hi), _y = self.plot.vb.viewRange()
        lo, hi = rounded_range(*unpadded(lo, hi))
        self.state.update({"x_min": lo, "x_max": hi})
        # The state may have clamped the range: show what it holds.
        self.plot.setXRange(self.state.x_min, self.state.x_max, padding=X_PADDING)

    def _update_edge_cues(self, *_: Any) -> None:
        """An arrow at the plot's edge for each visible handle outside the x range, so that a
        δ or ε beyond the plotted range is not silently off-screen."""
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        for name, cues in self.edge_cues.items():
            symbol = "δ" if name == "huber_delta" else "ε"
            y = y0 + HANDLE_LABEL_HEIGHT[name] * (y1 - y0)
            value = float(self.state.get(name))
            # From the state: the lines themselves may not have followed it yet.
            for cue, line, sign, at in zip(cues, self.handles[name], ("+", "−"), (value, -value),
                                           strict=True):
                off = line.isVisible() and not x0 <= at <= x1
                cue.setVisible(off)
                if off:
                    right = at > x1
                    what = f"{sign}{symbol} = {shortest_text(at + 0.0).replace('-', '−')}"
                    cue.setText(f"{what} →" if right else f"← {what}")
                    cue.setAnchor((1.0, 0.5) if right else (0.0, 0.5))
                    cue.setPos(x1 if right else x0, y)

    def _show_mode_controls(self) -> None:
        mode = self.state.mode
        for m, names in MODE_PARAMS.items():
            for name in names:
                self.form.setRowVisible(self.controls[name], m == mode)
        multi = self.controls["losses"]
        family = set(keys_for(mode))
        for key in LOSSES:
            multi.show_choice(key, key in family)  # type: ignore[attr-defined]
        combo = self.controls["selected"]
        view = combo.view()  # type: ignore[attr-defined]
        for row, key in enumerate(LOSSES):
            view.setRowHidden(row, key not in family)

    def _update_probe(self) -> None:
        state = self.state
        values = model.probe_values(state)
        symbol = AXIS[state.mode][0]
        rows = [f"<tr><th align='left'>{tr('loss', 'panels')}</th>"
                f"<th align='right'>L({symbol})</th><th align='right'>L′({symbol})</th></tr>"]
        for key, (v, d) in values.items():
            v, d = v + 0.0, d + 0.0  # show 0, not -0
            rows.append(f"<tr><td>{html.escape(loss_label(key))}</td>"
                        f"<td align='right'>{v:.4g}</td><td align='right'>{d:.4g}</td></tr>")
        self.probe_readout.setText(
            f"<b>{symbol} = {shortest_text(state.probe)}</b><table cellspacing='4'>{''.join(rows)}</table>"
        )
        xs = np.full(len(values), state.probe)
        ys = np.array([v for v, _ in values.values()])
        finite = np.isfinite(ys)
        xs, ys = xs[finite], ys[finite]
        shown_x, shown_y = self.probe_marks.getData()
        # Most changes (a drag of δ inside |r| ≤ δ, of the range) leave the dots where they are:
        # setting them again would rebuild the scatter and repaint it.
        if not (np.array_equal(xs, shown_x) and np.array_equal(ys, shown_y)):
            self.probe_marks.setData(xs, ys)

    def _update_explanation(self, typeset_now: bool = False) -> None:
        key = self.state.selected
        info = LOSSES[key]
        if typeset_now or formula.ready(LATEX[key]):
            typeset = formula.html_image(self.explanation, LATEX[key], tr(info.formula, "losses"))
        else:
            # A formula that does not ship typeset loads ziamath and its font (~0.4 s): the
            # plain formula now, the typeset one right after the figure is on screen.
            typeset = f"<code>{html.escape(tr(info.formula, 'losses'))}</code>"
            self.after_paint(self._typeset_explanation)
        self.explanation.setHtml(
            f"<h3>{html.escape(loss_label(key))}</h3>"
            f"<p>{typeset}</p>"
            f"<p>{html.escape(tr(info.explanation, 'losses'))}</p>"
        )

    def _typeset_explanation(self) -> None:
        # A panel drawn only for an export (offscreen) never shows its explanation.
        if not self.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            self._update_explanation(typeset_now=True)

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        symbol = AXIS[self.state.mode][0]
        return f"{tr('Loss curves', 'panels')}:  {symbol} = {x:.4g},  L = {y:.4g}"

    def hover_text(self, plot: pg.PlotItem, hit: Hit) -> str:
        """"hinge (SVM): L(0.515) = 0.485", or "hinge (SVM): L′(0.515) = −1" on a derivative."""
        for key in LOSSES:
            if hit.item is self.curves[key] or hit.item is self.derivative_curves[key]:
                prime = "′" if hit.item is self.derivative_curves[key] else ""
                return f"{loss_label(key)}: L{prime}({number(hit.x)}) = {number(hit.y)}"
        return super().hover_text(plot, hit)


View = LossCurvesPanel
