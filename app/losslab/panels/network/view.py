"""Two-layer network panel: a from-scratch network learning XOR-like targets, played back.

What is on screen, all drawn from :class:`NetworkState` and the run it describes:

* the loss against iteration (log scale, the whole run faint, the part up to the current frame
  strong, a draggable marker at the frame);
* the four predictions ŷ of the current frame as bars, each next to its target y;
* W1 (3 × hidden) and W2 (hidden × 1) of the current frame as heat maps on one diverging colour
  scale, fixed for the whole run so that colours can be compared between frames;
* a read-out of the current frame and of how many updates each loss needs to bring every
  prediction within 0.05 of its target.

The run is computed once per parameter change by the pure model (memoised); playing or
scrubbing only changes ``state.frame``, and the views index into the run.  A change of the run's
parameters starts the new run at iteration 0 (the rewind rule of every animated panel).  The
playback bar, the frame handle, frame drawing and the GIF export come from
:class:`~losslab.qt.panel_base.AnimatedPanel`.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QPushButton, QWidget

from losslab.maths.network import LOSS_KEYS, NetworkRun, cached_run, steps_to_tolerance
from losslab.panels.network import model as model
from losslab.panels.network.model import NetworkState
from losslab.qt import axes, theme
from losslab.qt.binding import tr, trn
from losslab.qt.items import HeatMap, Marker, PlayedCurve
from losslab.qt.panel_base import AnimatedPanel, steady_title
from losslab.qt.plot_aids import Hit, colour_bar, number

RUN_PARAMS = model.RUN_PARAMS
#: Row labels of W1: the two inputs and the constant-1 input that acts as a bias.
INPUT_NAMES = ("x₁", "x₂", "1")
#: Width of a prediction bar and of its target mark, in example-index units.
BAR_WIDTH = 0.35


def loss_label(key: str) -> str:
    """A loss's name in the current language (declared in the model's ``TRANSLATABLE``)."""
    return tr(model.LOSS_LABELS[key], "network")


def diverging_map() -> pg.ColorMap:
    """Blue (negative) – background (0) – vermillion (positive), from the Okabe–Ito palette.

    Both ends stay distinguishable under the common colour-vision deficiencies, and a weight
    near 0 fades into the background.
    """
    return pg.ColorMap(
        [0.0, 0.5, 1.0],
        [theme.OKABE_ITO["blue"], theme.current.background, theme.OKABE_ITO["vermillion"]],
    )


class NetworkPanel(AnimatedPanel):
    """The Two-layer network dock; see the module docstring."""

    model = model.PANEL
    state: NetworkState

    def __init__(self, state: NetworkState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.run: NetworkRun = model.run_for(state)
        #: Updates each loss needs to get within the tolerance, for the current other parameters.
        self.steps_needed: dict[str, int | None] = {}
        self._build_loss_plot()
        self._build_prediction_plot()
        self._build_weight_maps()
        self._build_controls()
        self.redraw_all()

    def frame_unit(self) -> str:
        return tr("iteration", "playback")

    # ------------------------------------------------------------------ building
    def _build_loss_plot(self) -> None:
        plot = self.add_plot(0, 0, tr("Loss against iteration", "panels"),
                             tr("iteration", "panels"), tr("loss", "panels"))
        plot.setObjectName("network_loss_plot")
        plot.setLogMode(x=False, y=True)
        self.loss_plot = plot
        # The whole run, faint: where the animation is heading.
        self.loss_full = pg.PlotDataItem(pen=theme.series_pen(0, width=1.0, dashed=False))
        self.loss_full.setOpacity(0.35)
        # The part already played and its marker: light items moved every frame, lying on
        # the whole run, which alone sets the plot's range.  The played part is the whole run
        # in the strong pen, shown up to the frame (see losslab.qt.items).
        self.loss_curve = PlayedCurve(pen=theme.series_pen(0, width=2.5, dashed=False))
        # Hovering the faint whole run reads it out too (the "loss" name follows the loss).
        self.hover_names[id(self.loss_full)] = self.hover_names[id(self.loss_curve)] = "L"
        self.loss_point = Marker("o", 9, pen=theme.foreground_pen(),
                                 brush=theme.series_colour(0))
        plot.addItem(self.loss_full)
        plot.addItem(self.loss_curve, ignoreBounds=True)
        plot.addItem(self.loss_point, ignoreBounds=True)
        # The whole run changes only with the parameters: blitted from a pixmap while playing
        # (exports draw without item caches).
        self.loss_full.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # Dragging the marker scrubs: it writes the (whole-number) frame into the state.
        self.frame_line = self.add_frame_line(plot, "frame_handle")

    def _build_prediction_plot(self) -> None:
        plot = self.add_plot(0, 1, tr("Predictions and targets", "panels"),
                             tr("input x", "panels"), "ŷ")
        plot.setObjectName("network_prediction_plot")
        plot.setYRange(0.0, 1.0, padding=0.05)
        plot.setXRange(-0.6, 3.6, padding=0.0)
        plot.setMouseEnabled(x=False, y=False)
        plot.getAxis("bottom").setTicks([list(enumerate(model.input_labels()))])
        self.prediction_plot = plot
        # Its title counts the iterations: sized for the largest count, so the plots keep their
        # widths while the run plays.
        steady_title(plot, tr("Predictions and targets at iteration {k}", "panels").format(
            k=model.MAX_ITERATIONS))
        self.prediction_bars = pg.BarGraphItem(
            x=np.arange(4) - BAR_WIDTH / 2, height=np.zeros(4), width=BAR_WIDTH,
            brush=theme.series_colour(0), pen=theme.foreground_pen(),
        )
        self.target_bars = pg.BarGraphItem(
            x=np.arange(4) + BAR_WIDTH / 2, height=np.zeros(4), width=BAR_WIDTH,
            brush=pg.mkBrush(None), pen=pg.mkPen(theme.series_colour(1), width=2,
                                                  style=Qt.PenStyle.DashLine),
        )
        plot.addItem(self.prediction_bars)
        plot.addItem(self.target_bars)
        # Above the bars, never on them.
        self.legend = self.add_legend(plot)
        self.legend.addItem(self.prediction_bars, tr("prediction ŷ", "panels"))
        self.legend.addItem(self.target_bars, tr("target y", "panels"))

    def _build_weight_maps(self) -> None:
        self.weight_layout = self.graphics.addLayout(row=1, col=0, colspan=2)
        cmap = diverging_map()
        self.w1_plot = self._weight_plot(0, tr("W1 (inputs × hidden)", "panels"),
                                         tr("hidden unit", "panels"), tr("input", "panels"))
        self.w2_plot = self._weight_plot(1, tr("W2 (hidden × output)", "panels"),
                                         tr("output", "panels"), tr("hidden unit", "panels"))
        # Redrawn every frame: drawn cell by cell on screen (see losslab.qt.items).
        self.w1_image = HeatMap()
        self.w2_image = HeatMap()
        self.w1_plot.addItem(self.w1_image)
        self.w2_plot.addItem(self.w2_image)
        # Its axis is as wide as its numbers and label need (a fixed width clipped the label).
        self.colour_bar = colour_bar([self.w1_image, self.w2_image], cmap, (-1.0, 1.0),
                                     tr("weight", "panels"))
        self.weight_layout.addItem(self.colour_bar, row=0, col=2)
        self.weight_layout.layout.setColumnStretchFactor(0, 3)
        self.weight_layout.layout.setColumnStretchFactor(1, 1)

    def _weight_plot(self, col: int, title: str, x_label: str, y_label: str) -> pg.PlotItem:
        plot = axes.add_plot(self.weight_layout, row=0, col=col)
        plot.setTitle(title)
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        for side in ("left", "bottom"):
            plot.getAxis(side).enableAutoSIPrefix(False)
        # Matrix layout: row 0 at the top.
        plot.invertY(True)
        self._plots.append(plot)
        return plot

    def _build_controls(self) -> None:
        self.add_control("loss", labels={k: loss_label(k) for k in model.LOSS_LABELS})
        for name in ("hidden", "learning_rate", "iterations", "seed"):
            self.add_control(name)
        self.readout = self.add_readout("network_readout")
        reset = QPushButton(tr("Reset parameters", "panels"))
        reset.setObjectName("network_reset")
        reset.clicked.connect(self.state.reset)
        self.form.addRow(reset)

    # ------------------------------------------------------------------ state → view
    def draw_run(self) -> None:
        """Everything that depends on the run but not on the frame."""
        self.run = run = model.run_for(self.state)
        steps = np.arange(run.iterations + 1, dtype=np.float64)
        self.loss_full.setData(steps, run.loss)
        self.loss_curve.setData(steps, run.loss)  # draw_frame shows its start
        self.loss_plot.setXRange(0, max(1, run.iterations), padding=0.02)
        self.loss_plot.setLabel("left", tr("{loss} (nats)", "network").format(
            loss=loss_label(run.loss_key)) if run.loss_key == "cross_entropy"
            else loss_label(run.loss_key))
        self.target_bars.setOpts(height=run.targets)
        # One symmetric colour scale for the whole run, so a colour means the same weight in
        # every frame and 0 is always the background colour.
        extent = max(float(np.max(np.abs(run.w1))), float(np.max(np.abs(run.w2))), 1e-12)
        self.colour_bar.setLevels((-extent, extent))
        hidden = run.hidden
        self.w1_plot.getAxis("bottom").setTicks([[(j + 0.5, str(j)) for j in range(hidden)]])
        self.w1_plot.getAxis("left").setTicks([[(i + 0.5, n) for i, n in enumerate(INPUT_NAMES)]])
        self.w2_plot.getAxis("bottom").setTicks([[(0.5, "ŷ")]])
        self.w2_plot.getAxis("left").setTicks([[(j + 0.5, str(j)) for j in range(hidden)]])
        self.w1_plot.setRange(xRange=(0, hidden), yRange=(0, 3), padding=0)
        self.w2_plot.setRange(xRange=(0, 1), yRange=(0, hidden), padding=0)
        state = self.state
        for key in LOSS_KEYS:
            other = run if key == run.loss_key else cached_run(
                key, state.hidden, state.learning_rate, state.iterations, state.seed)
            self.steps_needed[key] = steps_to_tolerance(other, model.TOLERANCE)
        # It says how this run ended, so it follows every run parameter.
        self._update_explanation()

    def draw_frame(self, frame: int) -> None:
        """Everything that moves with the animation, for iteration ``frame``."""
        run = self.run
        k = min(frame, run.iterations)
        self.loss_curve.reveal(k + 1)
        self.loss_point.setData([float(k)], [float(run.loss[k])])
        self.prediction_bars.setOpts(height=run.predictions[k])
        # The iteration in a title, so that an exported figure says which frame it shows.
        self.prediction_plot.setTitle(
            tr("Predictions and targets at iteration {k}", "panels").format(k=k),
            color=theme.current.foreground)
        # ImageItem indexes image[x, y]: x = column of the matrix, y = row.
        self.w1_image.setImage(np.ascontiguousarray(run.w1[k].T), autoLevels=False)
        self.w2_image.setImage(np.ascontiguousarray(run.w2[k].T), autoLevels=False)
        self._update_readout(k)

    def _update_readout(self, k: int) -> None:
        run = self.run
        preds = ", ".join(f"{p:.3f}" for p in run.predictions[k])
        rows = [
            f"{html.escape(tr('loss', 'panels'))} = {run.loss[k]:.5g}",
            f"ŷ = {preds}",
            html.escape(tr("Every ŷ within {tol} of y:", "panels").format(tol=model.TOLERANCE)),
        ]
        for key in LOSS_KEYS:
            n = self.steps_needed[key]
            reached = (trn("after %n update(s)", n, "network") if n is not None
                       else trn("not in %n update(s)", run.iterations, "network"))
            label = html.escape(loss_label(key))
            if key == run.loss_key:
                label = f"<b>{label}</b>"
            rows.append(f"&nbsp;&nbsp;{label}: {html.escape(reached)}")
        self.readout.setText("<br>".join(rows))

    def _update_explanation(self) -> None:
        key = self.state.loss
        self.explanation.setHtml(
            f"<h3>{html.escape(tr('Two-layer network', 'panels'))}</h3>"
            f"<p>{html.escape(tr(model.OVERVIEW, 'network'))}</p>"
            f"<p>{html.escape(self.outcome_text())}</p>"
            f"<h4>{html.escape(loss_label(key))}</h4>"
            f"<p>{html.escape(tr(model.LOSS_EXPLANATIONS[key], 'network'))}</p>"
        )

    def outcome_text(self) -> str:
        """How this run ended, from its numbers (never a stock claim that it succeeded)."""
        run = self.run
        n = self.steps_needed.get(run.loss_key)
        error = float(np.max(np.abs(run.predictions[-1] - run.targets)))
        if not np.isfinite(error):
            return tr("This run broke down: its numbers stopped being finite. Try a smaller "
                      "learning rate.", "network")
        if n is not None:
            return tr("This run brings every prediction within {tol} of its target after {n} "
                      "updates and ends with the largest error {err}. The predictions end close "
                      "to, but not exactly on, the targets; that small remaining error is "
                      "normal, not overfitting.", "network").format(
                tol=model.TOLERANCE, n=n, err=f"{error:.3g}")
        # Flat: the loss fell by less than 1 % over the last tenth of the run.
        tail = run.loss[int(0.9 * run.iterations):]
        flat = len(tail) > 1 and tail[0] - tail[-1] <= 0.01 * abs(tail[0])
        if error >= 0.5 and flat:
            return tr("This run failed: after {iterations} updates the largest error is still "
                      "{err}, so at least one prediction is on the wrong side of 0.5, and the "
                      "loss has stopped falling. It is stuck (a flat region or a poor local "
                      "minimum, or too few hidden units): try another seed, more hidden units "
                      "or another learning rate.", "network").format(
                iterations=run.iterations, err=f"{error:.3g}")
        return tr("After {iterations} updates this run has not got there yet: the largest "
                  "error is {err}, more than {tol}, and the loss is still falling. More "
                  "iterations or a larger learning rate would help.", "network").format(
            iterations=run.iterations, err=f"{error:.3g}", tol=model.TOLERANCE)

    # ------------------------------------------------------------------ read-out
    def hover_text(self, plot: pg.PlotItem, hit: Hit) -> str:
        """"L(iteration 120) = 0.0312" on the loss curve, "prediction ŷ (0,1,1): 0.8123" on a
        bar."""
        if plot is self.loss_plot:
            return f"{hit.name}({tr('iteration', 'panels')} {int(hit.x)}) = {number(hit.y)}"
        if plot is self.prediction_plot and hit.bar:
            return f"{hit.name} ({model.input_labels()[hit.index]}): {number(hit.y)}"
        return super().hover_text(plot, hit)

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        run = self.run
        k = min(self.state.frame, run.iterations)
        if plot is self.loss_plot:
            # The view's y is log10(loss) in log mode.
            return tr("Loss:  iteration = {k:.0f},  loss = {loss:.4g}", "network").format(
                k=x, loss=10.0 ** y)
        if plot is self.w1_plot or plot is self.w2_plot:
            matrix = run.w1[k] if plot is self.w1_plot else run.w2[k]
            row, col = int(np.floor(y)), int(np.floor(x))
            if 0 <= row < matrix.shape[0] and 0 <= col < matrix.shape[1]:
                name = "W1" if plot is self.w1_plot else "W2"
                return f"{name}[{row}, {col}] = {matrix[row, col]:.4g}"
            return ""
        if plot is self.prediction_plot:
            i = int(round(x))
            if 0 <= i < 4:
                return (f"x = ({model.input_labels()[i]}):  ŷ = {run.predictions[k, i]:.4f},"
                        f"  y = {run.targets[i]:g}")
            return ""
        return super().cursor_message(plot, x, y)


View = NetworkPanel
