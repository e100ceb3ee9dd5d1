"""Risk lab panel: expected versus empirical risk, overfitting and the law of large numbers.

Five plots in a 2 × 3 grid, all drawn from :class:`RiskState` through the pure model:

* the sample, the true f and the evaluated polynomial (fitted, or your own coefficients);
* training risk and expected risk against the degree 0 … 15, the current degree marked (the
  training risk keeps falling, the expected risk is U-shaped);
* training risk and expected risk against λ (log axis) for the fit of the current degree, with
  the unpenalised values as dashed reference lines and the current λ marked (with no penalty
  chosen it shows what an L2 penalty would do);
* the law of large numbers for the current, fixed model: running empirical risks of some
  resamples, the mean ± one standard deviation over ``repeats`` resamples, and the expected risk,
  against log n;
* risk as a function of the slope a₁: the expected-risk curve and the empirical-risk curves of
  five samples of size n, each with its minimiser.

The sample and the degree plot redraw at once.  Under squared loss so do the others (the slope
curves are quadratics in closed form, the resampling plot one pass over its million points):
one paint shows everything.  Under absolute or Huber loss they are heavier (bounded scalar
minimisations, adaptive quadrature) and are computed on the worker thread, started right after
the figure has painted the cheap plots (a burst of spin-box steps starts one computation).

Sweeps that need an iterative solver for every point (absolute or Huber loss, an L1 penalty:
16 or 26 linear programmes or Newton solves, seconds at n = 10 000) are computed on a worker
thread; their plot says "computing…" (a label in its data area) and is empty until the exact
result arrives, and a result for parameters that have changed meanwhile is not drawn.
Least-squares sweeps are computed at once.
"""

from __future__ import annotations

import html
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsItem, QPushButton, QWidget

from losslab.maths import risk as rk
from losslab.panels.risk import model as model
from losslab.panels.risk.model import RiskState
from losslab.panels.risk.readout import RiskReadout
from losslab.qt import theme
from losslab.qt.binding import tr
from losslab.qt.items import SymbolCloud
from losslab.qt.panel_base import BasePanel
from losslab.qt.ranges import steady_range

#: Parameters that change the sample, the fits or the evaluated model.
MODEL_PARAMS = frozenset({"target", "noise", "sigma", "n", "degree", "loss", "huber_delta",
                          "penalty", "lam", "seed", "coefficients"})
#: Running averages drawn in the law-of-large-numbers plot.
PATHS_SHOWN = 12
#: Longest the deferred plots wait for the figure to paint the cheap ones first, ms.
HEAVY_FALLBACK_MS = 100
CURVE_POINTS = 401
#: Smallest height of the λ plot's log risk axis, decades.
LAMBDA_MIN_DECADES = 1.2
#: Worker results kept by a panel (every degree's spread and slope curves, twice over).
DONE_KEPT = 64
#: How often a pending worker result is looked for, ms.
JOB_POLL_MS = 15


class _Worker:
    """One daemon thread running the slow sweeps of every Risk panel in turn (a second would
    only compete for the same cores with the UI thread).

    A daemon thread, not a ``ThreadPoolExecutor``: the interpreter does not wait at exit for a
    sweep nobody will see, and a sweep still running then cannot hold up Qt's teardown.
    """

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[tuple[Callable[[], object], Future[object]]] = (
            queue.SimpleQueue())
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, fn: Callable[[], object]) -> Future[object]:
        job: Future[object] = Future()
        self._queue.put((fn, job))
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="risk-sweep",
                                                daemon=True)
                self._thread.start()
        return job

    def _run(self) -> None:
        while True:
            fn, job = self._queue.get()
            if not job.set_running_or_notify_cancel():
                continue
            try:
                job.set_result(fn())
            except BaseException as exc:  # handed to the UI thread by job.result()
                job.set_exception(exc)


_WORKER = _Worker()


def solved_by_least_squares(loss: str, penalty: str) -> bool:
    """True when every fit of a sweep is one linear solve (squared loss, no penalty or L2)."""
    return loss == "squared" and penalty in ("none", "l2")


def nan_joined(x: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The curves (x, rows[j]) one after another, each followed by a NaN point, for one item
    drawn with ``connect="finite"`` (the NaN breaks the line; the values are copied as they
    are)."""
    k, m = rows.shape
    xs = np.empty((k, m + 1))
    xs[:, :m] = x
    xs[:, m] = np.nan
    ys = np.empty((k, m + 1))
    ys[:, :m] = rows
    ys[:, m] = np.nan
    return xs.ravel(), ys.ravel()


class RiskPanel(BasePanel):
    """The Risk lab dock; see the module docstring."""

    model = model.PANEL
    state: RiskState

    def __init__(self, state: RiskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        # Slow sweeps being computed on the worker thread, by memo key.
        self._jobs: dict[tuple[object, ...], Future[object]] = {}
        self._job_timer = QTimer(self)
        self._job_timer.setSingleShot(True)
        self._job_timer.setInterval(JOB_POLL_MS)
        self._job_timer.timeout.connect(self._collect_jobs)
        self._lambda_drawn: tuple[object, ...] | None = None
        # The degree sweep on screen (its memo key): a degree step does not change it.
        self._degree_drawn: tuple[object, ...] | None = None
        self._pending_labels: dict[int, pg.TextItem] = {}
        # Worker results by key (sweeps are also memoised by the maths; spreads and slope
        # curves only here), oldest first.
        self._done: dict[tuple[object, ...], object] = {}
        self._results_unpainted = False
        self._build_fit_plot()
        self._build_degree_plot()
        self._build_lambda_plot()
        self._build_lln_plot()
        self._build_slope_plot()
        self._build_controls()
        # Pending while the deferred plots are out of date: started by a change, restarted at
        # 0 ms by the next paint of the figure (so the cheap plots are on screen first), and
        # firing after HEAVY_FALLBACK_MS anyway when nothing paints (a panel behind a tab).
        self._heavy_timer = QTimer(self)
        self._heavy_timer.setSingleShot(True)
        self._heavy_timer.setInterval(HEAVY_FALLBACK_MS)
        self._heavy_timer.timeout.connect(self.redraw_heavy)
        self._heavy_after_paint = False
        self.graphics.viewport().installEventFilter(self)
        self.redraw_all()
        self.redraw_heavy()

    # ------------------------------------------------------------------ building
    def _build_fit_plot(self) -> None:
        plot = self.add_plot(0, 0, tr("Sample, true f and model", "risk"), "x", "y")
        plot.setObjectName("risk_fit_plot")
        plot.setXRange(-1.0, 1.0, padding=0.02)
        self.fit_plot = plot
        self.legend = self.add_legend(plot)
        # Up to 10 000 equal dots: a light item (see SymbolCloud), not a ScatterPlotItem.
        self.sample_points = SymbolCloud(
            "o", 5, brush=pg.mkBrush(theme.series_colour(0).red(), theme.series_colour(0).green(),
                                     theme.series_colour(0).blue(), 150),
            name=tr("sample", "risk"))
        self.true_curve = pg.PlotDataItem(pen=theme.series_pen(2, width=2.0, dashed=True),
                                          name=tr("true f(x)", "risk"))
        self.model_curve = pg.PlotDataItem(pen=theme.series_pen(1, width=2.5, dashed=False),
                                           name=tr("model m(x)", "risk"))
        for item in (self.sample_points, self.true_curve, self.model_curve):
            plot.addItem(item)
        # Blit the dots from a pixmap when only the model curve changes.
        self.sample_points.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _build_degree_plot(self) -> None:
        plot = self.add_plot(0, 1, tr("Risk against the degree", "risk"),
                             tr("degree d", "risk"), tr("risk", "risk"))
        plot.setObjectName("risk_degree_plot")
        self.degree_plot = plot
        # Log scale: the expected risk of a high-degree fit can be 10⁶ times the best one, and
        # the U shape near the best degree must stay readable.
        plot.setLogMode(x=False, y=True)
        legend = self.add_legend(plot)
        self.train_curve = pg.PlotDataItem(pen=theme.series_pen(0, width=2.0, dashed=False),
                                           name=tr("training risk", "risk"))
        self.expected_curve = pg.PlotDataItem(pen=theme.series_pen(1, width=2.0, dashed=False),
                                              name=tr("expected risk", "risk"))
        # The symbols apart from the lines (light items, see SymbolCloud); each legend entry
        # shows its line with its symbol.
        self.train_symbols = SymbolCloud("o", 6, brush=theme.series_colour(0))
        self.expected_symbols = SymbolCloud("s", 6, brush=theme.series_colour(1))
        self.degree_marker = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(theme.current.foreground, width=1, style=Qt.PenStyle.DashLine))
        self.own_marker = pg.InfiniteLine(
            angle=0, movable=False,
            pen=pg.mkPen(theme.series_colour(3), width=1.5, style=Qt.PenStyle.DashDotLine),
            label=tr("own model: expected risk", "risk"),
            labelOpts={"position": 0.3, "color": theme.text_colour(theme.series_colour(3))})
        for item in (self.train_curve, self.expected_curve, self.train_symbols,
                     self.expected_symbols):
            plot.addItem(item)
        legend.entries[0].members = (self.train_symbols,)
        legend.entries[1].members = (self.expected_symbols,)
        plot.addItem(self.degree_marker, ignoreBounds=True)
        plot.addItem(self.own_marker, ignoreBounds=True)

    def _build_lambda_plot(self) -> None:
        plot = self.add_plot(0, 2, self._lambda_title(), tr("penalty weight λ (log scale)", "risk"),
                             tr("risk", "risk"))
        plot.setObjectName("risk_lambda_plot")
        self.lambda_plot = plot
        plot.setLogMode(x=True, y=True)
        self.add_legend(plot)
        self.lambda_train = pg.PlotDataItem(pen=theme.series_pen(0, width=2.0, dashed=False),
                                            name=tr("training risk", "risk"))
        self.lambda_expected = pg.PlotDataItem(pen=theme.series_pen(1, width=2.0, dashed=False),
                                               name=tr("expected risk", "risk"))
        for item in (self.lambda_train, self.lambda_expected):
            plot.addItem(item)
        # λ = 0 cannot sit on a log axis: its risks are horizontal reference lines.
        self.lambda_zero_train = pg.InfiniteLine(
            angle=0, movable=False,
            pen=pg.mkPen(theme.series_colour(0), width=1.2, style=Qt.PenStyle.DashLine),
            label=tr("λ = 0: training risk", "risk"),
            labelOpts={"position": 0.25, "color": theme.text_colour(theme.series_colour(0))})
        self.lambda_zero_expected = pg.InfiniteLine(
            angle=0, movable=False,
            pen=pg.mkPen(theme.series_colour(1), width=1.2, style=Qt.PenStyle.DashLine),
            label=tr("λ = 0: expected risk", "risk"),
            labelOpts={"position": 0.75, "color": theme.text_colour(theme.series_colour(1))})
        self.lambda_marker = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(theme.current.foreground, width=1, style=Qt.PenStyle.DashLine))
        for item in (self.lambda_zero_train, self.lambda_zero_expected, self.lambda_marker):
            plot.addItem(item, ignoreBounds=True)

    def _lambda_title(self) -> str:
        penalty = self.state.penalty
        if penalty == "l1":
            return tr("Risk against λ (L1 penalty)", "risk")
        if penalty == "l2":
            return tr("Risk against λ (L2 penalty)", "risk")
        return tr("Risk against λ (no penalty chosen: what L2 would do)", "risk")

    def _show_pending(self, plot: pg.PlotItem, pending: bool) -> None:
        """Show or hide "computing…" in the middle of ``plot`` (a label in the data area, not
        in the title: a title change would lay the whole figure out again)."""
        label = self._pending_labels.get(id(plot))
        if label is None:
            if not pending:
                return
            label = pg.TextItem(tr("computing…", "risk"), color=theme.current.foreground,
                                anchor=(0.5, 0.5))
            label.setObjectName(f"{plot.objectName()}_pending")
            plot.addItem(label, ignoreBounds=True)
            self._pending_labels[id(plot)] = label
        label.setVisible(pending)
        if pending:
            (x0, x1), (y0, y1) = plot.vb.viewRange()
            label.setPos(0.5 * (x0 + x1), 0.5 * (y0 + y1))

    def is_pending(self, plot: pg.PlotItem) -> bool:
        """Whether ``plot`` says its data are still being computed."""
        label = self._pending_labels.get(id(plot))
        return label is not None and label.isVisible()

    def _build_lln_plot(self) -> None:
        # Two columns wide: its legend has three entries and its x axis spans 2 … 10 000.
        plot = self.add_plot(1, 0, tr("Empirical risk of this fixed model", "risk"),
                             tr("sample size n (log scale)", "risk"), tr("risk", "risk"),
                             colspan=2)
        plot.setObjectName("risk_lln_plot")
        plot.setLogMode(x=True, y=False)
        # The sample sizes are always the same grid: a fixed x range, never re-fitted.
        plot.setXRange(np.log10(rk.SPREAD_GRID[0]), np.log10(rk.SPREAD_GRID[-1]), padding=0.02)
        self.lln_plot = plot
        lln_legend = self.add_legend(plot)
        colour = theme.series_colour(0)
        # All resample paths in one item, NaN-separated (connect="finite"): one setData, one
        # bounds pass and one path to draw instead of PATHS_SHOWN.  The pen is a thin cosmetic
        # one, which Qt strokes segment by segment, so where two paths cross they still
        # darken each other exactly as separate items did.
        self.paths = pg.PlotDataItem(pen=pg.mkPen(colour.red(), colour.green(), colour.blue(),
                                                  70, width=1), connect="finite")
        plot.addItem(self.paths)
        band_pen = theme.series_pen(0, width=2.0, dashed=True)
        self.band_high = pg.PlotDataItem(pen=band_pen, name=tr("mean ± std over resamples", "risk"))
        self.band_low = pg.PlotDataItem(pen=band_pen)
        self.lln_expected = pg.PlotDataItem(pen=theme.series_pen(1, width=2.5, dashed=False),
                                            name=tr("expected risk", "risk"))
        for item in (self.band_high, self.band_low, self.lln_expected):
            plot.addItem(item)
        # One entry for both edges of the band, and for the resample paths around them.
        lln_legend.entries[0].members = (self.band_low,)
        lln_legend.addItem(self.paths, tr("resample paths", "risk"))

    def _build_slope_plot(self) -> None:
        plot = self.add_plot(1, 2, tr("Risk against the slope a₁", "risk"),
                             tr("slope a₁ (other coefficients fixed)", "risk"),
                             tr("risk", "risk"))
        plot.setObjectName("risk_slope_plot")
        self.slope_plot = plot
        slope_legend = self.add_legend(plot)
        colour = theme.series_colour(0)
        # Five items, not one NaN-separated one as for the resample paths: a 1.2 px pen is
        # stroked as one outline per item, so one item would lose the darker blend where two
        # curves run together.
        self.slope_empirical = [
            pg.PlotDataItem(pen=pg.mkPen(colour.red(), colour.green(), colour.blue(), 140,
                                         width=1.2),
                            name=tr("empirical risk, 5 samples of size n", "risk") if j == 0
                            else None)
            for j in range(5)]
        for item in self.slope_empirical:
            plot.addItem(item)
        slope_legend.entries[0].members = tuple(self.slope_empirical[1:])
        self.slope_expected = pg.PlotDataItem(pen=theme.series_pen(1, width=2.5, dashed=False),
                                              name=tr("expected risk", "risk"))
        plot.addItem(self.slope_expected)
        self.slope_minima = SymbolCloud("t", 9, brush=theme.series_colour(0))
        self.slope_expected_min = SymbolCloud("star", 14, pen=theme.foreground_pen(),
                                              brush=theme.series_colour(1))
        plot.addItem(self.slope_minima)
        plot.addItem(self.slope_expected_min)

    def add_plot(self, row: int, col: int, title: str, x_label: str, y_label: str,
                 **kwargs: object) -> pg.PlotItem:
        plot = super().add_plot(row, col, title, x_label, y_label, **kwargs)
        # Risks are shown as they are: no "(x0.001)" rescaling of the axis labels.
        for side in ("left", "bottom"):
            plot.getAxis(side).enableAutoSIPrefix(False)
        # The theme caches the grid as a pixmap, which pays for itself when a figure repaints
        # with unchanged ranges (an animation).  Here nearly every change moves the ranges of
        # three to five plots, and refilling that pixmap cost ~2 ms per plot against ~0.05 ms
        # for replaying the grid's few lines directly.
        for item in plot.vb.childGroup.childItems():  # the view's items live in its group
            if isinstance(item, pg.GridItem):
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        return plot

    def _build_controls(self) -> None:
        self.add_control("target", labels={"line": tr("line f(x) = 2x", "risk"),
                                           "sine": tr("sine f(x) = sin(πx)", "risk")})
        self.add_control("noise", labels={"gaussian": tr("Gaussian", "risk"),
                                          "laplace": tr("Laplace", "risk")})
        for name in ("sigma", "n", "seed"):
            self.add_control(name)
        resample = QPushButton(tr("Resample", "risk"))
        resample.setObjectName("risk_resample")
        resample.setToolTip(tr("Draw a new sample (the next seed)", "risk"))
        resample.clicked.connect(self._resample)
        self.form.addRow(resample)
        self.add_control("degree")
        self.add_control("loss", labels={"squared": tr("squared r²", "risk"),
                                         "absolute": tr("absolute |r|", "risk"),
                                         "huber": tr("Huber", "risk")})
        self.add_control("huber_delta")
        self.add_control("penalty", labels={"none": tr("none", "risk"),
                                            "l1": tr("L1: λΣ|a_k|", "risk"),
                                            "l2": tr("L2: λΣa_k²", "risk")})
        self.add_control("lam")
        self.add_control("coefficients")
        self.add_control("repeats")
        # A change of the numbers repaints only the numbers (see readout.py).
        self.readout = RiskReadout(rows=4)
        self.readout.setObjectName("risk_readout")
        self.form.addRow(self.readout)
        reset = QPushButton(tr("Reset parameters", "panels"))
        reset.setObjectName("risk_reset")
        reset.clicked.connect(self.state.reset)
        self.form.addRow(reset)
        self.explanation.setHtml(explanation_html())

    def _resample(self) -> None:
        spec = self.state.specs["seed"]
        top = int(spec.maximum) if spec.maximum is not None else 1_000_000
        self.state.seed = self.state.seed + 1 if self.state.seed < top else 0

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        state = self.state
        if changed & {"target"}:
            xs = np.linspace(-1.0, 1.0, CURVE_POINTS)
            self.true_curve.setData(xs, model.distribution(state).f(xs))
        if changed & {"target", "noise", "sigma", "n", "seed"}:
            x, y = model.the_sample(state)
            self.sample_points.setData(x, y)
        if changed & MODEL_PARAMS:
            xs = np.linspace(-1.0, 1.0, CURVE_POINTS)
            self.model_curve.setData(xs, rk.evaluate(model.current_legendre(state), xs))
            self._fit_y_range()
            self._draw_degree_sweep()
            self._update_readout()
        if changed & {"penalty"}:
            self.lambda_plot.setTitle(self._lambda_title())
        if changed & {"penalty", "lam"}:
            self._draw_lambda_marker()
        if changed & {"loss", "huber_delta", "penalty"}:
            self.form.setRowVisible(self.controls["huber_delta"], state.loss == "huber")
            self.form.setRowVisible(self.controls["lam"], state.penalty != "none")
        if changed & (MODEL_PARAMS | {"repeats"}):
            if state.loss == "squared":
                # Closed-form slope curves, one pass over the resampling draw: cheaper than
                # the second paint that deferring them would cost.
                self.redraw_heavy()
            else:
                self._heavy_after_paint = True
                self._heavy_timer.start(HEAVY_FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and watched is self.graphics.viewport():
            self._results_unpainted = False
        if (event.type() == QEvent.Type.Paint and self._heavy_after_paint
                and watched is self.graphics.viewport()):
            # The cheap plots are being painted now: the heavy ones right after this paint.
            self._heavy_after_paint = False
            self._heavy_timer.start(0)
        return super().eventFilter(watched, event)

    def ensure_laid_out(self, size: tuple[int, int] | None = None) -> None:
        """Lay the panel out for an export, with the deferred plots drawn first."""
        drew = self._heavy_timer.isActive() or bool(self._jobs)
        if self._heavy_timer.isActive():
            self.redraw_heavy()
        self._finish_jobs()
        super().ensure_laid_out(size)
        if drew:
            # New data changed ranges and tick labels: lay the figure out for them before it
            # is drawn (the base class does not for a panel that is already shown).
            QApplication.processEvents()

    def _fit_y_range(self) -> None:
        """y range: the sample and f, so a wild high-degree model cannot squash them."""
        x, y = model.the_sample(self.state)
        f = self.true_curve.getData()[1]
        values = np.concatenate([y, f if f is not None else np.zeros(0)])
        steady_range(self.fit_plot, "y", float(np.min(values)), float(np.max(values)), pad=0.1)

    # ------------------------------------------------------------------ slow sweeps
    def _sweep_or_job(self, key: tuple[object, ...], cached: Callable[[], object | None],
                      compute: Callable[[], object], cheap: bool) -> object | None:
        """The sweep for ``key`` if it is memoised or cheap (computed here); else None, with a
        job for it on the worker thread (whose result triggers a redraw when it arrives)."""
        hit = cached()
        if hit is not None or cheap:
            return hit if hit is not None else compute()
        if key not in self._jobs:
            self._jobs[key] = _WORKER.submit(compute)
        self._job_timer.start()
        return None

    def pending(self) -> bool:
        """Whether some plot still waits for its data to be on screen: a deferred redraw, a
        worker job, or a worker result drawn but not yet painted."""
        return self._heavy_timer.isActive() or bool(self._jobs) or self._results_unpainted

    def _collect_jobs(self) -> None:
        done = [key for key, job in self._jobs.items() if job.done()]
        for key in done:
            job = self._jobs.pop(key)
            # result() re-raises a failure of the maths here, on the UI thread.
            self._done[key] = job.result()
        while len(self._done) > DONE_KEPT:
            self._done.pop(next(iter(self._done)))
        if done:
            # Redraw the plots whose data may have arrived (a stale result is only kept), and
            # count as pending until the figure has painted them.
            self._results_unpainted = True
            self.graphics.viewport().update()
            self._draw_degree_sweep()
            self._update_readout()
            if not self._heavy_timer.isActive():
                self.redraw_heavy()
        if self._jobs:
            self._job_timer.start()
        else:
            self._job_timer.stop()  # nothing left to look for (an export may have waited)

    def _finish_jobs(self) -> None:
        """Wait for every worker job and draw its result (for an export)."""
        while self._jobs:  # drawing a result may start the jobs that depend on it
            for job in list(self._jobs.values()):
                job.exception()  # waits; a failure is raised by _collect_jobs
            self._collect_jobs()

    def _draw_degree_sweep(self) -> None:
        state = self.state
        args = model.degree_sweep_args(state)
        key = ("degree", *rk.degree_sweep_key(*args))  # type: ignore[arg-type]
        sweep = self._sweep_or_job(
            key, lambda: rk.cached_degree_sweep(*args),
            lambda: rk.degree_sweep(*args),  # type: ignore[arg-type]
            solved_by_least_squares(state.loss, state.penalty))
        self._show_pending(self.degree_plot, sweep is None)
        own = model.uses_own_model(state)
        self.degree_marker.setVisible(not own)
        self.degree_marker.setValue(state.degree)
        self.own_marker.setVisible(own)
        if own:
            # In log mode, items that are not curves take log10 coordinates.
            self.own_marker.setValue(np.log10(max(model.readout(state)["expected_risk"],
                                                  1e-300)))
        self.degree_plot.setXRange(-0.5, rk.MAX_DEGREE + 0.5, padding=0.0)
        if not isinstance(sweep, rk.DegreeSweep):
            self._degree_drawn = None
            for item in (self.train_curve, self.expected_curve, self.train_symbols,
                         self.expected_symbols):
                item.setData([], [])
            return
        if key == self._degree_drawn:
            return  # same curves (a degree step, say): only the marker moved
        self._degree_drawn = key
        # An interpolating fit has training risk exactly 0, which a log axis cannot show: leave
        # that point out rather than draw a made-up value.
        train = np.where(sweep.train_risk > 0.0, sweep.train_risk, np.nan)
        self.train_curve.setData(sweep.degrees, train, connect="finite")
        self.expected_curve.setData(sweep.degrees, sweep.expected_risk)
        self.train_symbols.setData(sweep.degrees, train)
        self.expected_symbols.setData(sweep.degrees, sweep.expected_risk)
        shown = np.log10(np.concatenate([train[np.isfinite(train)], sweep.expected_risk]))
        shown = shown[np.isfinite(shown)]
        if shown.size:
            steady_range(self.degree_plot, "y", float(shown.min()), float(shown.max()))

    def _draw_lambda_marker(self) -> None:
        state = self.state
        on = state.penalty != "none" and state.lam > 0.0
        self.lambda_marker.setVisible(on)
        if on:
            self.lambda_marker.setValue(np.log10(float(state.lam)))  # log axis: log10 coords

    def _draw_lambda_sweep(self) -> None:
        """Training and expected risk against λ (memoised per sample, degree, loss, penalty)."""
        state = self.state
        args = model.lambda_sweep_args(state)
        key = ("lambda", *rk.lambda_sweep_key(*args))  # type: ignore[arg-type]
        self._draw_lambda_marker()
        if key == self._lambda_drawn:
            return
        ls = self._sweep_or_job(
            key, lambda: rk.cached_lambda_sweep(*args),
            lambda: rk.lambda_sweep(*args),  # type: ignore[arg-type]
            solved_by_least_squares(state.loss, rk.swept_penalty(state.penalty)))
        self._show_pending(self.lambda_plot, ls is None)
        if not isinstance(ls, rk.LambdaSweep):
            self._lambda_drawn = None
            for item in (self.lambda_train, self.lambda_expected):
                item.setData([], [])
            self.lambda_zero_train.setVisible(False)
            self.lambda_zero_expected.setVisible(False)
            return
        self._lambda_drawn = key
        # A zero training risk (an interpolating fit) has no place on a log axis.
        train = np.where(ls.train_risk > 0.0, ls.train_risk, np.nan)
        self.lambda_train.setData(ls.lams, train, connect="finite")
        self.lambda_expected.setData(ls.lams, ls.expected_risk)
        for line, value in ((self.lambda_zero_train, ls.zero.train_risk),
                            (self.lambda_zero_expected, ls.zero_expected_risk)):
            line.setVisible(value > 0.0)
            if value > 0.0:
                line.setValue(np.log10(value))
        # The range covers the curves and both reference lines.
        values = np.concatenate([train[np.isfinite(train)], ls.expected_risk,
                                 [v for v in (ls.zero.train_risk, ls.zero_expected_risk)
                                  if v > 0.0]])
        # At least one decade, so that the log axis has tick labels (it labels 1-2-5 steps).
        steady_range(self.lambda_plot, "y", np.log10(float(np.min(values))),
                     np.log10(float(np.max(values))), min_span=LAMBDA_MIN_DECADES)
        self.lambda_plot.setXRange(np.log10(ls.lams[0]), np.log10(ls.lams[-1]), padding=0.02)

    def _update_readout(self) -> None:
        state = self.state
        r = model.readout(state)
        which = (tr("your own polynomial", "risk") if model.uses_own_model(state)
                 else tr("fitted polynomial of degree {d}", "risk").format(d=state.degree))
        coeffs = ", ".join(f"{v:.4g}" for v in model.current_power(state))
        rows = [
            (tr("training risk (mean loss on the sample)", "risk"), r["train_risk"]),
            (tr("expected risk (mean loss on the distribution)", "risk"), r["expected_risk"]),
            (tr("objective (training risk + λ·penalty)", "risk"), r["objective"]),
            (tr("gap: expected − training", "risk"), r["expected_risk"] - r["train_risk"]),
        ]
        self.readout.show_values(which, f"a = [{coeffs}]", rows)

    def redraw_heavy(self) -> None:
        """The λ, law-of-large-numbers and slope plots (see the module docstring): computed
        here under squared loss; under absolute or Huber loss (bounded minimisations, adaptive
        quadrature: ~0.2 s at n = 10 000) on the worker thread, each plot saying "computing…"
        until its result arrives."""
        self._heavy_timer.stop()
        self._heavy_after_paint = False
        state = self.state
        self._draw_lambda_sweep()
        cheap = state.loss == "squared"
        sargs = model.spread_args(state)
        sp = self._sweep_or_job(("spread", *sargs), lambda: self._done.get(("spread", *sargs)),
                                lambda: model.spread_of(*sargs), cheap)
        self._draw_lln(sp if isinstance(sp, rk.Spread) else None)
        cargs = model.slope_args(state)
        sc = self._sweep_or_job(("slopes", *cargs), lambda: self._done.get(("slopes", *cargs)),
                                lambda: model.slope_curves_of(*cargs), cheap)
        self._draw_slopes(sc if isinstance(sc, rk.SlopeCurves) else None)

    def _draw_lln(self, sp: rk.Spread | None) -> None:
        self._show_pending(self.lln_plot, sp is None)
        if sp is None:
            for item in (self.paths, self.band_high, self.band_low, self.lln_expected):
                item.setData([], [])
            return
        r = model.readout(self.state)
        shown = sp.paths[:PATHS_SHOWN]
        self.paths.setData(*nan_joined(sp.n, shown), connect="finite")
        self.band_high.setData(sp.n, sp.mean + sp.std)
        self.band_low.setData(sp.n, sp.mean - sp.std)
        self.lln_expected.setData(sp.n, np.full(len(sp.n), r["expected_risk"]))
        top = float(np.max(np.concatenate([shown.ravel(), sp.mean + sp.std])))
        bottom = min(0.0, float(np.min(sp.mean - sp.std)))
        steady_range(self.lln_plot, "y", bottom, top)

    def _draw_slopes(self, sc: rk.SlopeCurves | None) -> None:
        self._show_pending(self.slope_plot, sc is None)
        if sc is None:
            for item in (*self.slope_empirical, self.slope_expected, self.slope_minima,
                         self.slope_expected_min):
                item.setData([], [])
            return
        for j, item in enumerate(self.slope_empirical):
            item.setData(sc.slopes, sc.empirical[j])
        self.slope_expected.setData(sc.slopes, sc.expected)
        emp_min = np.array([np.interp(m, sc.slopes, sc.empirical[j])
                            for j, m in enumerate(sc.minimisers)])
        inside = (sc.minimisers >= sc.slopes[0]) & (sc.minimisers <= sc.slopes[-1])
        self.slope_minima.setData(sc.minimisers[inside], emp_min[inside])
        self.slope_expected_min.setData([sc.expected_minimiser],
                                        [float(np.min(sc.expected))])
        # The curves' domain follows the minimiser: it may reach a little past a kept range.
        steady_range(self.slope_plot, "x", float(sc.slopes[0]), float(sc.slopes[-1]), pad=0.02,
                     min_fill=0.9, outside=0.04)
        values = np.concatenate([sc.empirical.ravel(), sc.expected])
        steady_range(self.slope_plot, "y", float(np.min(values)), float(np.max(values)))

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        if plot is self.lln_plot:
            return f"{tr('Risk lab', 'panels')}:  n = {10 ** x:.4g},  {tr('risk', 'risk')} = {y:.4g}"
        return super().cursor_message(plot, x, y)


def explanation_html() -> str:
    """The panel's explanation, in the current language."""
    parts = [
        ("h3", tr("Expected risk and empirical risk", "risk")),
        ("p", tr("The expected risk of a model is its average loss over the whole data "
                 "distribution: what it will cost on new data. Here the distribution is known, "
                 "so it is computed exactly. The empirical (training) risk is the average loss "
                 "over the sample you have.", "risk")),
        ("p", tr("Law of large numbers: for a model fixed in advance, the empirical risk on n "
                 "fresh points scatters around the expected risk with a spread that shrinks "
                 "like 1/√n (bottom left). On the sample the model was fitted to, the training "
                 "risk is biased low: the fit has already adapted to that sample's noise.",
                 "risk")),
        ("p", tr("Overfitting: a higher degree always lowers the training risk, but past some "
                 "degree the expected risk rises again (top right). A penalty λ·P(a) trades "
                 "fit against simplicity.", "risk")),
        ("p", tr("A common shorthand says \"expected risk = empirical risk + structural risk\". "
                 "That is not an identity. Structural risk minimisation minimises empirical "
                 "risk + a penalty as a stand-in for the expected risk, which cannot be computed "
                 "when the distribution is unknown. The shorthand is tempting because the "
                 "penalty does play the role of the missing gap between the two risks.", "risk")),
    ]
    return "".join(f"<{tag}>{html.escape(text)}</{tag}>" for tag, text in parts)


View = RiskPanel
