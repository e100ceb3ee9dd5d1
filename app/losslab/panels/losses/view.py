"""Loss Curves panel: every loss against the margin or the residual, with draggable parameters.

What is on screen, all drawn from :class:`LossCurvesState`:

* one curve per visible loss (Okabe–Ito colour + dash style) and, on request, its derivative
  (same colour, thin dotted);
* handles on the plot for Huber's ±δ and SVR's ±ε, twins of their spin boxes;
* a probe line whose read-out lists every visible loss and its slope at that point;
* the formula and an explanation of the selected loss.

Only what a change touches is recomputed: dragging δ recomputes the Huber curve alone.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QPushButton, QWidget

from losslab.panels.losses import model as model
from losslab.maths.losses import LOSSES, keys_for
from losslab.qt import theme
from losslab.core.params import shortest_text
from losslab.qt.binding import bind_line, set_number_range, tr
from losslab.qt.panel_base import BasePanel

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
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor=theme.current.foreground)

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

        self.handles: dict[str, tuple[pg.InfiniteLine, pg.InfiniteLine]] = {}
        for name, symbol, colour in (("huber_delta", "δ", "vermillion"),
                                     ("epsilon", "ε", "bluish_green")):
            plus = self._handle(f"+{symbol}", theme.OKABE_ITO[colour])
            minus = self._handle(f"−{symbol}", theme.OKABE_ITO[colour])
            plus.setObjectName(f"{name}_handle")
            minus.setObjectName(f"{name}_handle_mirror")
            bind_line(state, name, plus, self)
            bind_line(state, name, minus, self, to_state=lambda p: -p, from_state=lambda v: -v)
            self.handles[name] = (plus, minus)

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

    def _handle(self, label: str, colour: str) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            angle=90, movable=True,
            pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashDotLine),
            hoverPen=pg.mkPen(colour, width=4),
            label=label, labelOpts={"position": 0.08, "color": theme.text_colour(colour)},
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
        if changed & {"selected", "mode"}:
            self._update_explanation()

    def _rebuild_legend(self, visible: set[str]) -> None:
        self.legend.clear()
        for key in keys_for(self.state.mode):
            if key in visible:
                self.legend.addItem(self.curves[key], loss_label(key))

    def _fit_view(self, visible: set[str]) -> None:
        """x range = [x_min, x_max]; y from the lowest value to a cap that keeps the fast
        growers (exponential, squared) from flattening everything else."""
        state = self.state
        self.plot.setXRange(state.x_min, state.x_max, padding=0.02)
        tops, bottoms = [], [0.0]
        for key in visible:
            y = self.curves[key].getData()[1]
            if y is not None and len(y):
                tops.append(float(np.max(y)))
                bottoms.append(float(np.min(y)))
                if state.derivatives:
                    d = self.derivative_curves[key].getData()[1]
                    if d is not None and len(d):
                        bottoms.append(max(float(np.min(d)), -4.0))
        top = min(max(tops), 1.25 * float(np.median(tops))) if tops else 1.0
        self.plot.setYRange(min(bottoms), max(top, 1.0), padding=0.05)

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
        self.probe_marks.setData(xs[finite], ys[finite])

    def _update_explanation(self) -> None:
        info = LOSSES[self.state.selected]
        self.explanation.setHtml(
            f"<h3>{html.escape(loss_label(self.state.selected))}</h3>"
            f"<p><code>{html.escape(tr(info.formula, 'losses'))}</code></p>"
            f"<p>{html.escape(tr(info.explanation, 'losses'))}</p>"
        )

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        symbol = AXIS[self.state.mode][0]
        return f"{tr('Loss curves', 'panels')}:  {symbol} = {x:.4g},  L = {y:.4g}"


View = LossCurvesPanel
