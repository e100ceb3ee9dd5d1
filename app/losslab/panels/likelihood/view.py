"""Likelihood → loss panel: where each point's likelihood lives, and the loss it becomes.

What is on screen, all drawn from :class:`LikelihoodState` by the pure model:

* the data and the line f(x) = w·x + b (Bernoulli: the curve p(x) = σ(w·x + b)); the points and
  two handles on the line are dragged with the mouse.  At every point the noise density lies on
  its side along the line, with a tick from the point to the density: the tick's length is the
  point's likelihood (Bernoulli: a bar of length p or 1 − p, the probability of the observed
  label).  The maximum-likelihood line is dashed;
* ln p(yᵢ | xᵢ) as one bar per point, which add up to ln L;
* the running product p₁·p₂·…·p_k on a log₁₀ scale: it shrinks by orders of magnitude per point;
* −ln L along w and along b with the loss objective factor·Σ loss + constant drawn over it (the
  same curve, so the same minimiser); the vertical lines are handles for w and b;
* in the side column the numbers and the derivation, step by step.

The maths is typeset as Unicode/HTML in the explanation pane (no LaTeX renderer is needed); its
text is :mod:`losslab.panels.likelihood.derivation`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from losslab.maths import likelihood as lk
from losslab.panels.likelihood import model as model
from losslab.panels.likelihood.derivation import derivation_html, fmt, power_of_ten
from losslab.qt import theme
from losslab.qt.binding import bind_custom, bind_line, quiet, tr, tr_message
from losslab.qt.panel_base import BasePanel
from losslab.qt.plot_aids import Hit, number

#: Digits as subscripts, for point numbers in formulas (y₁₂).
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

#: Largest |p − ½| a dragged Bernoulli handle may reach (its logit stays within ±6.9).
P_LIMIT = 0.999
#: Samples of the line / sigmoid curve across the data plot.
CURVE_SAMPLES = 301
#: Samples of each sideways density.
BELL_SAMPLES = 61


def set_pieces(item: pg.PlotDataItem, xs: list[np.ndarray], ys: list[np.ndarray]) -> None:
    """Draw separate polylines in one item, as line segments (``connect="pairs"``): NaN
    separators would make the curve data non-finite, and pyqtgraph's boolean ``connect`` arrays
    go stale when the number of points changes."""
    if not xs:
        item.setData([], [], connect="pairs")
        return
    sx = np.concatenate([np.repeat(p, 2)[1:-1] for p in xs])
    sy = np.concatenate([np.repeat(p, 2)[1:-1] for p in ys])
    item.setData(sx, sy, connect="pairs")


class LikelihoodPanel(BasePanel):
    """The Likelihood → loss dock; see the module docstring."""

    model = model.PANEL
    state: model.LikelihoodState

    def __init__(self, state: model.LikelihoodState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        fg = theme.current.foreground
        self.data_plot = self.add_plot(0, 0, tr("Data, line and noise model", "likelihood"),
                                       "x", "y", colspan=2)
        self.data_plot.setObjectName("likelihood_data_plot")
        self.terms_plot = self.add_plot(0, 2, tr("ln p per point", "likelihood"),
                                        tr("point i", "likelihood"), "ln p(yᵢ | xᵢ)")
        self.terms_plot.setObjectName("likelihood_terms_plot")
        self.product_plot = self.add_plot(1, 0, tr("Product of the likelihoods", "likelihood"),
                                          tr("points multiplied", "likelihood"),
                                          tr("log₁₀ of the product", "likelihood"))
        self.product_plot.setObjectName("likelihood_product_plot")
        self.nll_w_plot = self.add_plot(1, 1, tr("−ln L along w", "likelihood"), "w", "−ln L")
        self.nll_w_plot.setObjectName("likelihood_nll_w_plot")
        self.nll_b_plot = self.add_plot(1, 2, tr("−ln L along b", "likelihood"), "b", "−ln L")
        self.nll_b_plot.setObjectName("likelihood_nll_b_plot")
        self.graphics.ci.layout.setColumnStretchFactor(0, 1)
        self.graphics.ci.layout.setColumnStretchFactor(1, 1)
        self.graphics.ci.layout.setColumnStretchFactor(2, 1)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)

        # ---- data plot
        blue, red, green = (theme.series_colour(i) for i in (0, 1, 2))
        # Legends sit in a band above the data (named items join them), never on it.
        self.add_legend(self.data_plot)
        self.bells = pg.PlotDataItem(pen=pg.mkPen(green, width=1.5),
                                     name=tr("noise density", "likelihood"))
        self.residual_marks = pg.PlotDataItem(
            pen=pg.mkPen(fg, width=1, style=Qt.PenStyle.DotLine))
        self.likelihood_marks = pg.PlotDataItem(
            pen=pg.mkPen(red, width=4),
            name=tr("likelihood of each point (length)", "likelihood"))
        self.line_curve = pg.PlotDataItem(pen=theme.series_pen(0, dashed=False),
                                          name=tr("model", "likelihood"))
        self.mle_curve = pg.PlotDataItem(pen=theme.series_pen(4, width=1.5),
                                         name=tr("maximum-likelihood fit", "likelihood"))
        for item in (self.bells, self.residual_marks, self.likelihood_marks, self.line_curve,
                     self.mle_curve):
            self.data_plot.addItem(item)
        self.point_items: list[pg.TargetItem] = []
        self.handles: list[pg.TargetItem] = []
        for k in range(2):
            handle = pg.TargetItem(
                size=14, symbol="s", pen=pg.mkPen(blue, width=2), brush=pg.mkBrush(blue),
                hoverPen=pg.mkPen(blue, width=4), hoverBrush=pg.mkBrush(blue))
            handle.setObjectName(f"line_handle_{k}")
            handle.setZValue(12)
            handle.sigPositionChangeFinished.connect(lambda *_: self._drag_finished())
            self.data_plot.addItem(handle)
            self.handles.append(handle)
        self._handle_x = (0.0, 1.0)
        #: True while a point or handle is being dragged: the axes then keep their ranges, so
        #: the item stays under the mouse; they are refitted when the drag ends.
        self._dragging = False

        # ---- per-point log-likelihood bars and running product
        self.term_bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.6,
                                         brush=pg.mkBrush(red), pen=pg.mkPen(red))
        self.terms_plot.addItem(self.term_bars)
        self.terms_plot.addLine(y=0.0, pen=theme.foreground_pen(1.0))
        self.product_curve = pg.PlotDataItem(pen=theme.series_pen(3, dashed=False),
                                             symbol="o", symbolSize=7,
                                             symbolBrush=theme.series_colour(3))
        self.product_plot.addItem(self.product_curve)
        # What the hover read-out calls them.
        self.hover_names[id(self.term_bars)] = "ln p(yᵢ | xᵢ)"
        self.hover_names[id(self.product_curve)] = "log₁₀ Π pᵢ"

        # ---- −ln L along w and b, with the scaled loss on top
        self.nll_curves: dict[str, pg.PlotDataItem] = {}
        self.loss_curves: dict[str, pg.PlotDataItem] = {}
        self.mle_lines: dict[str, pg.InfiniteLine] = {}
        self.value_lines: dict[str, pg.InfiniteLine] = {}
        for name, plot in (("w", self.nll_w_plot), ("b", self.nll_b_plot)):
            self.add_legend(plot)
            nll = pg.PlotDataItem(pen=theme.series_pen(0, width=5, dashed=False),
                                  name="−ln L")
            loss = pg.PlotDataItem(pen=theme.series_pen(1, width=2))
            plot.addItem(nll)
            plot.addItem(loss)
            mle_line = pg.InfiniteLine(angle=90, movable=False,
                                       pen=theme.series_pen(4, width=1.5),
                                       label=tr("MLE", "likelihood"),
                                       labelOpts={"position": 0.55, "color": fg})
            plot.addItem(mle_line, ignoreBounds=True)
            line = pg.InfiniteLine(
                angle=90, movable=True, pen=pg.mkPen(fg, width=2, style=Qt.PenStyle.DashLine),
                hoverPen=pg.mkPen(fg, width=4), label=name,
                labelOpts={"position": 0.08, "color": fg})
            line.setObjectName(f"{name}_handle")
            line.sigPositionChangeFinished.connect(lambda *_: self._drag_finished())
            line.setZValue(20)
            plot.addItem(line, ignoreBounds=True)
            bind_line(state, name, line, self)
            self.nll_curves[name], self.loss_curves[name] = nll, loss
            self.mle_lines[name], self.value_lines[name] = mle_line, line

        self._build_controls()
        self.redraw_all()
        # Dragging a handle moves the line through it; the handles sit on the line the state
        # describes (bound after the first redraw, which places them along x).
        for k, handle in enumerate(self.handles):
            bind_custom(state, handle, edited=handle.sigPositionChanged,
                        write=self._handle_slot(k), show=self._handle_shower(k),
                        watch=("w", "b", "noise", "points"), owner=self)

    # ------------------------------------------------------------------ building
    def _handle_slot(self, k: int) -> Callable[[pg.TargetItem], None]:
        return lambda item: self._on_handle_dragged(k, item)

    def _handle_shower(self, k: int) -> Callable[[], None]:
        return lambda: self._place_handle(k)

    def _point_slot(self, i: int) -> Callable[[pg.TargetItem], None]:
        return lambda item: self._on_point_dragged(i, item)

    def _point_shower(self, i: int) -> Callable[[], None]:
        return lambda: self._place_point(i)

    def _build_controls(self) -> None:
        self.add_control("noise", labels={
            "gaussian": tr("Gaussian (σ)", "likelihood"),
            "laplace": tr("Laplace (scale s)", "likelihood"),
            "bernoulli": tr("Bernoulli, sigmoid link", "likelihood")})
        for name in ("scale", "w", "b", "points"):
            self.add_control(name)
        for name in ("scale", "w", "b"):
            # Apply finished numbers only: with tracking, typing "4.2" would apply "4", and the
            # echo from the state re-formats the box to "4.0000" before ".2" arrives.
            self.controls[name].setKeyboardTracking(False)  # type: ignore[attr-defined]
        self.scale_label = self.form.labelForField(self.controls["scale"])
        self.summary = QLabel()
        self.summary.setObjectName("likelihood_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.summary)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("likelihood_problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {theme.current.error};")
        self.form.addRow(self.problem_label)
        to_mle = QPushButton(tr("Move the line to the MLE", "likelihood"))
        to_mle.setObjectName("likelihood_to_mle")
        to_mle.clicked.connect(self._move_to_mle)
        self.to_mle = to_mle
        self.form.addRow(to_mle)
        reset = QPushButton(tr("Reset parameters", "panels"))
        reset.setObjectName("likelihood_reset")
        reset.clicked.connect(self.state.reset)
        self.form.addRow(reset)

    # ------------------------------------------------------------------ view → state
    def _drag_finished(self) -> None:
        self._dragging = False
        self.redraw_all()
        self._place_handles()  # the refitted view may have moved the handles' x

    def _on_point_dragged(self, i: int, item: pg.TargetItem) -> None:
        self._dragging = True
        points = list(self.state.points)
        if i >= len(points):
            return
        pos = item.pos()
        points[i] = (float(pos.x()), float(pos.y()))
        self.state.points = tuple(points)  # the state clamps, and rounds Bernoulli labels
        # Back onto the state's point even when the state did not change (a clamped drag).
        self._place_point(i)

    def _on_handle_dragged(self, k: int, item: pg.TargetItem) -> None:
        """A line handle moved: the line now passes through it and through the other handle
        (each handle keeps its x; Bernoulli handles sit on p(x) = σ(f), so their height is
        turned back into the logit f = ln(p / (1 − p)))."""
        self._dragging = True
        xs = self._handle_x
        f = [float(self.state.w * x + self.state.b) for x in xs]
        y = float(item.pos().y())
        if self.state.noise == "bernoulli":
            p = min(max(y, 1.0 - P_LIMIT), P_LIMIT)
            y = math.log(p) - math.log1p(-p)
        f[k] = y
        w = (f[1] - f[0]) / (xs[1] - xs[0])
        b = f[0] - w * xs[0]
        self.state.update({"w": w, "b": b})
        # Back onto the state's line even when the state did not change (a clamped drag).
        self._place_handles()

    def _move_to_mle(self) -> None:
        fit = model.compute(self.state).fit
        if math.isfinite(fit.w) and math.isfinite(fit.b):
            self.state.update({"w": fit.w, "b": fit.b})

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        r = model.compute(self.state)
        self.report = r
        if changed & {"noise", "points"} and not self._dragging:
            self._fit_data_view()
        self._draw_data(r)
        self._add_point_items()
        self._draw_terms(r)
        self._draw_grids(r)
        self._show_numbers(r)
        if changed & {"noise"}:
            bern = self.state.noise == "bernoulli"
            self.form.setRowVisible(self.controls["scale"], not bern)
            self.scale_label.setText(tr("Noise scale σ", "likelihood")
                                     if self.state.noise == "gaussian"
                                     else tr("Noise scale s", "likelihood"))
            self.data_plot.setLabel("left", tr("p(label = 1)", "likelihood") if bern else "y")
            legend = self.data_plot.legend
            legend.removeItem(self.bells)
            if not bern:
                legend.addItem(self.bells, tr("noise density", "likelihood"))
        self._show_derivation(r)
        why = self.problem()
        self.problem_label.setText(why)
        self.problem_label.setVisible(bool(why))

    def _fit_data_view(self) -> None:
        """Axis ranges of the data plot, and where the two line handles sit (their x stays put
        while the user drags, so the line does not run away under the mouse)."""
        x, y = model.data(self.state)
        lo, hi = float(x.min()), float(x.max())
        span = max(hi - lo, 1.0)
        self._handle_x = (lo + 0.1 * span, lo + 0.9 * span) if hi > lo else (lo - 0.5, lo + 0.5)
        self.data_plot.setXRange(lo - 0.12 * span, hi + 0.25 * span, padding=0)
        if self.state.noise == "bernoulli":
            self.data_plot.setYRange(-0.1, 1.1, padding=0)
        else:
            line = self.state.w * np.array([lo, hi]) + self.state.b
            ylo = float(min(y.min(), line.min()))
            yhi = float(max(y.max(), line.max()))
            yspan = max(yhi - ylo, 1.0)
            self.data_plot.setYRange(ylo - 0.1 * yspan, yhi + 0.1 * yspan, padding=0)

    def bell_width(self) -> float:
        """How far (in x) a density's peak reaches to the right of its point."""
        x = np.unique(model.data(self.state)[0])
        gap = float(np.min(np.diff(x))) if x.size > 1 else 1.0
        return 0.45 * gap

    def _draw_data(self, r: model.LikelihoodReport) -> None:
        s = self.state
        (x0, x1), _ = self.data_plot.getViewBox().viewRange()
        xs = np.linspace(x0, x1, CURVE_SAMPLES)
        bern = r.noise == "bernoulli"
        shape: Callable[[np.ndarray], np.ndarray] = lk.sigmoid if bern else (lambda f: f)
        self.line_curve.setData(xs, shape(lk.linear(xs, s.w, s.b)))
        fit = r.fit
        if math.isfinite(fit.w) and math.isfinite(fit.b):
            self.mle_curve.setData(xs, shape(lk.linear(xs, fit.w, fit.b)))
        else:
            self.mle_curve.setData([], [])
        f = lk.linear(r.x, s.w, s.b)
        if bern:
            self.bells.setData([], [])
            self.residual_marks.setData([], [])
            # A bar from the far side towards the point: its length is p (label 1) or 1 − p
            # (label 0), the probability the model gives the observed label.
            start = 1.0 - r.y
            set_pieces(self.likelihood_marks,
                       [np.array([xi, xi]) for xi in r.x],
                       [np.array([a, p]) for a, p in zip(start, r.p, strict=True)])
            return
        width = self.bell_width()
        scale = s.scale
        u = np.linspace(-4.0, 4.0, BELL_SAMPLES) if r.noise == "gaussian" \
            else np.linspace(-6.0, 6.0, BELL_SAMPLES)
        # The density relative to its peak, from its logarithm: exp(−u²/2) or exp(−|u|).
        rel = np.exp(-0.5 * u * u) if r.noise == "gaussian" else np.exp(-np.abs(u))
        bx, by, rx, ry, mx, my = [], [], [], [], [], []
        peak_log = -lk.constant(r.noise, scale, 1)
        for xi, yi, fi, li in zip(r.x, r.y, f, r.log_lik, strict=True):
            bx += [xi + width * rel, np.array([xi, xi])]
            by += [fi + scale * u, np.array([fi + scale * u[0], fi + scale * u[-1]])]
            rx.append(np.array([xi, xi]))
            ry.append(np.array([fi, yi]))
            # The tick's length is the density at yᵢ relative to the peak: e^(ln p − ln p_max).
            mx.append(np.array([xi, xi + width * math.exp(li - peak_log)]))
            my.append(np.array([yi, yi]))
        set_pieces(self.bells, bx, by)
        set_pieces(self.residual_marks, rx, ry)
        set_pieces(self.likelihood_marks, mx, my)

    def _add_point_items(self) -> None:
        """One draggable item per point, made when first needed and bound to that point of the
        state; an item beyond the current points is hidden (and shown again when the dataset
        grows), so an item and its binding live as long as the panel."""
        colour = theme.series_colour(5)
        while len(self.point_items) < len(self.state.points):
            i = len(self.point_items)
            item = pg.TargetItem(size=12, symbol="o", pen=pg.mkPen(colour, width=2),
                                 brush=pg.mkBrush(colour), hoverPen=pg.mkPen(colour, width=4),
                                 hoverBrush=pg.mkBrush(colour))
            item.setObjectName(f"point_{i}")
            item.setZValue(10)
            item.sigPositionChangeFinished.connect(lambda *_: self._drag_finished())
            self.data_plot.addItem(item)
            self.point_items.append(item)
            bind_custom(self.state, item, edited=item.sigPositionChanged,
                        write=self._point_slot(i), show=self._point_shower(i),
                        watch=("points",), owner=self)

    def visible_points(self) -> list[pg.TargetItem]:
        """The point items shown now, one per point of the dataset, in order."""
        return [item for item in self.point_items if item.isVisible()]

    def _place_point(self, i: int) -> None:
        """Item ``i`` at point ``i`` of the state, or hidden when there is no such point."""
        item, points = self.point_items[i], self.state.points
        with quiet(item):
            if i < len(points):
                item.setPos(*points[i])
            item.setVisible(i < len(points))

    def _place_handle(self, k: int) -> None:
        """Handle ``k`` on the line at its x (on p(x) = σ(f) for Bernoulli)."""
        hx = self._handle_x[k]
        f = float(lk.linear(np.array([hx]), self.state.w, self.state.b)[0])
        y = float(lk.sigmoid(np.array([f]))[0]) if self.state.noise == "bernoulli" else f
        with quiet(self.handles[k]):
            self.handles[k].setPos(hx, y)

    def _place_handles(self) -> None:
        for k in range(len(self.handles)):
            self._place_handle(k)

    def _draw_terms(self, r: model.LikelihoodReport) -> None:
        k = np.arange(1, r.n + 1, dtype=float)
        self.term_bars.setOpts(x=k, height=r.log_lik, width=0.6)
        self.terms_plot.setTitle(
            tr("ln p per point: Σ = ln L = {value}", "likelihood").format(
                value=fmt(r.log_likelihood)), color=theme.current.foreground)
        running = r.running_log10
        self.product_curve.setData(k, running)
        self.product_plot.setTitle(
            tr("L = Π pᵢ = {value}", "likelihood").format(
                value=power_of_ten(r.log10_likelihood)), color=theme.current.foreground)
        self.product_plot.enableAutoRange()

    def _draw_grids(self, r: model.LikelihoodReport) -> None:
        fit = r.fit
        for name, grid, best in (("w", r.grid_w, fit.w), ("b", r.grid_b, fit.b)):
            self.nll_curves[name].setData(grid[name], grid["nll"])
            self.loss_curves[name].setData(grid[name], grid["scaled_loss"])
            self.mle_lines[name].setVisible(math.isfinite(best))
            if math.isfinite(best):
                self.mle_lines[name].setValue(best)
            plot = self.nll_w_plot if name == "w" else self.nll_b_plot
            if self._dragging or any(line.moving for line in self.value_lines.values()):
                continue
            plot.setXRange(float(grid[name][0]), float(grid[name][-1]), padding=0)
            lo, hi = float(np.min(grid["nll"])), float(np.max(grid["nll"]))
            plot.setYRange(lo, lo + max(hi - lo, 1e-9), padding=0.05)
        legend_text = self._objective_text(r.noise)
        for name, plot in (("w", self.nll_w_plot), ("b", self.nll_b_plot)):
            legend = plot.legend
            legend.removeItem(self.loss_curves[name])
            legend.addItem(self.loss_curves[name], legend_text)

    def _objective_text(self, noise: str) -> str:
        if noise == "gaussian":
            return "Σrᵢ²/(2σ²) + n·ln(σ√(2π))"
        if noise == "laplace":
            return "Σ|rᵢ|/s + n·ln(2s)"
        return "Σ ln(1 + e^(−mᵢ))"

    def _show_numbers(self, r: model.LikelihoodReport) -> None:
        loss = {"gaussian": "Σ rᵢ²", "laplace": "Σ |rᵢ|", "bernoulli": "Σ ln(1 + e^(−mᵢ))"}
        rows = [
            (tr("−ln L at (w, b)", "likelihood"), fmt(r.nll, 9)),
            (loss[r.noise], fmt(r.loss_sum, 9)),
            (tr("factor", "likelihood"), fmt(r.factor, 9)),
            (tr("constant", "likelihood"), fmt(r.constant, 9)),
            (tr("likelihood L", "likelihood"), power_of_ten(r.log10_likelihood)),
        ]
        fit = r.fit
        if fit.status == "separable":
            rows.append((tr("MLE", "likelihood"), tr("none (no finite maximum)", "likelihood")))
        else:
            rows.append((tr("MLE w", "likelihood"), fmt(fit.w, 9)))
            rows.append((tr("MLE b", "likelihood"), fmt(fit.b, 9)))
            if r.noise == "gaussian":
                rows.append((tr("MLE σ", "likelihood"), fmt(fit.scale, 9)))
            elif r.noise == "laplace":
                rows.append((tr("MLE s", "likelihood"), fmt(fit.scale, 9)))
        table = "".join(f"<tr><td>{html.escape(a)}</td><td align='right'>{b}</td></tr>"
                        for a, b in rows)
        note = (f"<p>{html.escape(tr_message(fit.message))}</p>" if fit.message is not None
                else "")
        self.summary.setText(f"<table cellspacing='3'>{table}</table>{note}")
        self.to_mle.setEnabled(fit.status != "separable")

    # ------------------------------------------------------------------ the derivation
    def _show_derivation(self, r: model.LikelihoodReport) -> None:
        self.explanation.setHtml(derivation_html(r))

    def hover_text(self, plot: pg.PlotItem, hit: Hit) -> str:
        """"ln p(y₅ | x₅) = −128.3" on a point's bar; the generic read-out elsewhere."""
        if hit.item is self.term_bars:
            i = str(hit.index + 1).translate(SUBSCRIPTS)
            return f"ln p(y{i} | x{i}) = {number(hit.y)}"
        return super().hover_text(plot, hit)

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        if plot is self.nll_w_plot:
            return f"w = {x:.4g},  −ln L = {y:.6g}"
        if plot is self.nll_b_plot:
            return f"b = {x:.4g},  −ln L = {y:.6g}"
        return super().cursor_message(plot, x, y)


View = LikelihoodPanel
