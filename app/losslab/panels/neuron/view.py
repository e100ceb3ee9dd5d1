"""Neuron Training panel: why a saturated neuron learns slowly on the quadratic cost.

One sigmoid neuron is trained twice from the same start, on the quadratic cost and on
cross-entropy, and both runs are played back on the same epoch axis.  What is on screen, all
drawn from :class:`~losslab.panels.neuron.model.NeuronState`:

* top row, against the epoch: the output a(t), the cost C(t) and the gradient |∂C/∂w|(t) (log
  scales for the last two, so a 100× smaller gradient is visibly 100× smaller).  The whole run is
  drawn faintly; the part played so far is drawn boldly, with a marker and a draggable epoch line;
* bottom left, the mechanism: the sigmoid, each run's current z marked on it with its tangent of
  slope σ′(z): the quadratic run sits on the flat part, where the tangent is level;
* bottom middle and right: the cost surface C(w, b) of each cost as a heat map, with the run's
  path (w(t), b(t)) on it.

The runs are computed once per parameter change by the pure model (cached there); playing,
stepping and scrubbing only change ``state.frame``, and :meth:`NeuronPanel.draw_frame` then moves
the markers.  A change of the training parameters starts the new runs at epoch 0 (the rewind
rule of every animated panel, :mod:`losslab.core.animation`).  A run that breaks down (η far
too large) is drawn up to its last valid epoch and explained in a highlighted box instead of
being plotted as NaN.

The playback bar, the epoch lines, frame drawing for the GIF and the GIF export itself come from
:class:`~losslab.qt.panel_base.AnimatedPanel`, shared with the network panel.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QLabel, QTextBrowser, QWidget

from losslab.maths.neuron import (
    COST_LABELS,
    COSTS,
    Z_LIMIT,
    CostKind,
    Trajectory,
    sigmoid,
    sigmoid_prime,
)
from losslab.panels.neuron import model as model
from losslab.panels.neuron.model import NeuronState
from losslab.qt import formula, theme
from losslab.qt.binding import bind_custom, tr, tr_message
from losslab.qt.items import Curve, Marker, PlayedCurve
from losslab.qt.panel_base import AnimatedPanel, fit_width
from losslab.qt.plot_aids import Hit, colour_bar, number

Array = NDArray[np.float64]

#: Plots of the top row: key, y label, log y axis (titles: :func:`_time_title`).
TIME_PLOTS: tuple[tuple[str, str, bool], ...] = (
    ("output", "a", False),
    ("cost", "C", True),
    ("gradient", "|∂C/∂w|", True),
)
#: Which trajectory column each time plot shows.
TIME_COLUMN = {"output": "a", "cost": "cost", "gradient": "dw"}
#: Samples of the sigmoid curve in the mechanism plot.
SIGMOID_SAMPLES = 401

#: Most points of a path drawn on a cost surface.
PATH_POINTS = 400

#: Parameters whose change means new runs (everything but playback).
RUN_PARAMS = frozenset(model.TRAINING_PARAMS)


def _for_axis(t: Array, values: Array, log_y: bool) -> tuple[Array, Array]:
    """The points to plot: on a log axis |values|, leaving out exact zeros (a log axis has no
    place for 0; a zero gradient only happens for x = 0 or an exactly satisfied target)."""
    if not log_y:
        return t, values
    mag = np.abs(values)
    keep = mag > 0.0
    return t[keep], mag[keep]


def _path_samples(last: int) -> NDArray[np.int64]:
    """Epochs 0..last, thinned to at most PATH_POINTS (always keeping both ends).

    The path through (w, b) is smooth; stroking 10 000 segments per frame with a wide pen would
    cost ~10 ms, a few hundred look the same.
    """
    if last < PATH_POINTS:
        return np.arange(last + 1)
    return np.unique(np.linspace(0, last, PATH_POINTS).round().astype(np.int64))


class NeuronPanel(AnimatedPanel):
    """The Neuron Training dock; see the module docstring."""

    model = model.PANEL
    state: NeuronState

    def __init__(self, state: NeuronState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.runs: dict[CostKind, Trajectory] = model.runs(state)
        self.extent = model.surface_extent(self.runs)
        self.pens = {kind: theme.series_pen(i) for i, kind in enumerate(COSTS)}
        self.colours = {kind: theme.series_colour(i) for i, kind in enumerate(COSTS)}
        self._build_time_plots()
        self._build_mechanism_plot()
        self._build_surface_plots()
        self._build_controls()
        self.redraw_all()

    def frame_unit(self) -> str:
        return tr("epoch", "neuron")

    # ------------------------------------------------------------------ building
    def _faint_pen(self, kind: CostKind) -> object:
        colour = QColor(self.colours[kind])
        colour.setAlpha(70)
        pen = pg.mkPen(colour, width=1.5)
        pen.setCosmetic(True)
        return pen

    def _marker(self, kind: CostKind, size: int = 9) -> Marker:
        # A light item: it moves on every frame (see losslab.qt.items).
        return Marker("o" if kind == "quadratic" else "s", size, brush=self.colours[kind],
                      pen=pg.mkPen(theme.current.foreground))

    def _build_time_plots(self) -> None:
        self.time_plots: dict[str, pg.PlotItem] = {}
        self.full_curves: dict[str, dict[CostKind, pg.PlotDataItem]] = {}
        self.played_curves: dict[str, dict[CostKind, PlayedCurve]] = {}
        self.time_marks: dict[str, dict[CostKind, Marker]] = {}
        self.epoch_lines: dict[str, pg.InfiniteLine] = {}
        for col, (key, y_label, log_y) in enumerate(TIME_PLOTS):
            plot = self.add_plot(0, col, _time_title(key), tr("epoch", "neuron"), y_label)
            plot.setObjectName(f"neuron_{key}_plot")
            if log_y:
                plot.setLogMode(x=False, y=True)
            if key == "output":
                # Shown on the figure too, so an exported image of a broken run says so.
                self.divergence_note = pg.TextItem(
                    color=theme.current.error, anchor=(0.5, 0.5))
                self.divergence_note.setObjectName("neuron_divergence_note")
                plot.addItem(self.divergence_note, ignoreBounds=True)
            self.full_curves[key], self.played_curves[key], self.time_marks[key] = {}, {}, {}
            for kind in COSTS:
                # Peak downsampling keeps a 10 000-epoch run at about one point per pixel.
                full = pg.PlotDataItem(pen=self._faint_pen(kind), connect="finite",
                                       autoDownsample=True, downsampleMethod="peak")
                # The whole run in the bold pen, shown up to the frame: a frame moves a clip
                # instead of stroking the curve again (see losslab.qt.items).
                played = PlayedCurve(pen=self.pens[kind], name=tr(COST_LABELS[kind], "neuron"))
                mark = self._marker(kind)
                plot.addItem(full)
                # The played part and its marker lie on the whole run, which alone sets the
                # auto range: moving them every frame must not make the plot re-range.
                plot.addItem(played, ignoreBounds=True)
                plot.addItem(mark, ignoreBounds=True)
                # The whole run only changes with the parameters: during playback it is blitted
                # from a pixmap rather than stroked again (exports draw without item caches).
                full.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self.full_curves[key][kind] = full
                self.played_curves[key][kind] = played
                self.time_marks[key][kind] = mark
            # A handle for the frame: dragging it scrubs the animation.
            self.epoch_lines[key] = self.add_frame_line(plot, f"neuron_{key}_epoch_line")
            self.time_plots[key] = plot
        # One legend for the row: clicking a cost hides (or shows) its run in all three plots.
        self.legend = self.add_legend(self.time_plots["output"])
        for kind in COSTS:
            members = [item for key, _label, _log in TIME_PLOTS
                       for item in (self.full_curves[key][kind], self.played_curves[key][kind],
                                    self.time_marks[key][kind])]
            self.legend.addItem(self.played_curves["output"][kind],
                                tr(COST_LABELS[kind], "neuron"), key=kind,
                                members=[m for m in members
                                         if m is not self.played_curves["output"][kind]])

    def _build_mechanism_plot(self) -> None:
        plot = self.add_plot(1, 0, tr("Why: σ′(z) at each run's z", "neuron"),
                             "z = w·x + b", "a = σ(z)")
        plot.setObjectName("neuron_sigmoid_plot")
        self.sigmoid_plot = plot
        self.sigmoid_curve = pg.PlotDataItem(pen=theme.foreground_pen(1.5))
        plot.addItem(self.sigmoid_curve)
        self.hover_names[id(self.sigmoid_curve)] = "σ(z)"
        self.sigmoid_curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.tangents: dict[CostKind, Curve] = {}
        self.z_marks: dict[CostKind, Marker] = {}
        self.slope_labels: dict[CostKind, pg.TextItem] = {}
        for i, kind in enumerate(COSTS):
            tangent = Curve(pen=theme.series_pen(i, width=2.5), connect="all")
            mark = self._marker(kind, 11)
            label = pg.TextItem(color=theme.text_colour(self.colours[kind]), anchor=(0, 0))
            plot.addItem(tangent, ignoreBounds=True)
            plot.addItem(mark, ignoreBounds=True)
            plot.addItem(label, ignoreBounds=True)
            self.tangents[kind], self.z_marks[kind], self.slope_labels[kind] = tangent, mark, label

    def _build_surface_plots(self) -> None:
        self.surface_plots: dict[CostKind, pg.PlotItem] = {}
        self.surface_images: dict[CostKind, pg.ImageItem] = {}
        self.surface_paths: dict[CostKind, Curve] = {}
        self.surface_marks: dict[CostKind, Marker] = {}
        self.surface_values: dict[CostKind, Array] = {}
        self.surface_full_paths: dict[CostKind, pg.PlotDataItem] = {}
        self.surface_halos: dict[CostKind, Curve] = {}
        self.surface_bars: dict[CostKind, pg.ColorBarItem] = {}
        colormap = pg.colormap.get("viridis")
        for col, kind in enumerate(COSTS, start=1):
            plot = self.add_plot(1, col, _surface_title(kind), "w", "b")
            plot.setObjectName(f"neuron_{kind}_surface_plot")
            image = pg.ImageItem(axisOrder="col-major")  # image[i, j] is at (w_i, b_j)
            image.setColorMap(colormap)
            image.setZValue(-50)
            image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.addItem(image)
            # A black line on a white halo: visible on both ends of the colour map.
            halo_pen = pg.mkPen(QColor("#FFFFFF"), width=4)
            halo_pen.setCosmetic(True)
            halo = Curve(pen=halo_pen, connect="all")
            path_pen = pg.mkPen(QColor("#000000"), width=2)
            path_pen.setCosmetic(True)
            path = Curve(pen=path_pen, connect="all")
            full_pen = pg.mkPen(QColor(255, 255, 255, 90), width=1)
            full_pen.setCosmetic(True)
            full = pg.PlotDataItem(pen=full_pen)
            mark = self._marker(kind, 10)
            plot.addItem(full)
            for item in (halo, path, mark):  # on the whole path: they never change the range
                plot.addItem(item, ignoreBounds=True)
            self.surface_halos[kind] = halo
            self.surface_plots[kind], self.surface_images[kind] = plot, image
            self.surface_paths[kind], self.surface_marks[kind] = path, mark
            self.surface_full_paths[kind] = full
            full.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            # Under the map: the figure's third column has no width to spare for a bar.
            self.surface_bars[kind] = colour_bar(image, colormap, (0.0, 1.0),
                                                 tr("cost C", "neuron"), plot, horizontal=True)

    def _build_controls(self) -> None:
        self.preset_box = QComboBox(self)
        self.preset_box.setObjectName("neuron_preset")
        self.preset_box.setAccessibleName(tr("Preset", "neuron"))
        # Preset names are long: the popup shows them in full, the closed box fits the column.
        self.preset_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_box.setMinimumContentsLength(12)
        self.preset_box.addItem(tr("Custom", "neuron"), "")
        for key, preset in model.PRESETS.items():
            self.preset_box.addItem(tr(preset.label, "neuron"), key)
            self.preset_box.setItemData(self.preset_box.count() - 1,
                                        tr(preset.description, "neuron"),
                                        Qt.ItemDataRole.ToolTipRole)
        # The box shows the preset the parameters match ("Custom" when none); choosing one
        # applies it.  ``activated`` is a user's choice only, never a programmatic one.
        bind_custom(self.state, self.preset_box, edited=self.preset_box.activated,
                    write=self._on_preset_activated, show=self._show_preset,
                    watch=RUN_PARAMS | {"same_eta"})
        label = QLabel(tr("Preset", "neuron"))
        label.setBuddy(self.preset_box)
        self.form.addRow(label, self.preset_box)

        self.divergence_label = QLabel()
        self.divergence_label.setObjectName("neuron_divergence")
        fit_width(self.divergence_label)
        self.divergence_label.setStyleSheet(
            f"QLabel {{ border: 2px solid {theme.OKABE_ITO['vermillion']}; padding: 6px; }}")
        self.divergence_label.setVisible(False)
        self.form.addRow(self.divergence_label)

        for name in ("w0", "b0", "x", "y", "eta", "same_eta", "eta_cross_entropy", "epochs"):
            self.add_control(name)

        self.readout = self.add_readout("neuron_readout")

    # ------------------------------------------------------------------ user → state
    def _on_preset_activated(self, index: int) -> None:
        key = self.preset_box.itemData(index)
        if key:
            model.apply_preset(self.state, key)

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        super().redraw(changed)  # draw_run, draw_frame
        if changed & (RUN_PARAMS | {"same_eta"}):
            # Its own rate only when the runs do not share one (a rule redraw_all re-applies,
            # e.g. when a lesson gives the control back).
            self.controls["eta_cross_entropy"].setEnabled(not self.state.same_eta)
            # Its numbers are this state's: it follows every training parameter.
            self._update_explanation()

    def _show_preset(self) -> None:
        key = model.matching_preset(self.state) or ""
        self.preset_box.setCurrentIndex(self.preset_box.findData(key))

    def draw_run(self) -> None:
        """Both runs, the sigmoid and the cost surfaces: everything that depends on the runs
        but not on the frame."""
        self.runs = model.runs(self.state)
        self.extent = model.surface_extent(self.runs)
        epochs = self.state.epochs
        for key, _label, log_y in TIME_PLOTS:
            for kind, traj in self.runs.items():
                t = np.arange(traj.n_computed, dtype=np.float64)
                shown = _for_axis(t, traj.column(TIME_COLUMN[key]), log_y)
                self.full_curves[key][kind].setData(*shown)
                self.played_curves[key][kind].setData(*shown)  # draw_frame reveals its start
            plot = self.time_plots[key]
            plot.setXRange(0, epochs, padding=0.02)
            if key == "output":
                plot.setYRange(0.0, 1.0, padding=0.03)
            else:
                plot.enableAutoRange(axis="y")
        self._draw_sigmoid()
        self._draw_surfaces()

    def _z_range(self) -> tuple[float, float]:
        """z range of the mechanism plot: both runs' z values, and at least −6..6 (computed
        once per pair of runs; every frame asks)."""
        cached = getattr(self, "_z_range_of", None)
        if cached is not None and cached[0] is self.runs:
            return cached[1]
        zs = np.concatenate([t.z for t in self.runs.values()])
        lo = min(-6.0, float(zs.min()) - 1.0)
        hi = max(6.0, float(zs.max()) + 1.0)
        z_range = max(lo, -Z_LIMIT), min(hi, Z_LIMIT)
        self._z_range_of = (self.runs, z_range)
        return z_range

    def _draw_sigmoid(self) -> None:
        lo, hi = self._z_range()
        z = np.linspace(lo, hi, SIGMOID_SAMPLES)
        self.sigmoid_curve.setData(z, sigmoid(z))
        self.sigmoid_plot.setXRange(lo, hi, padding=0.02)
        self.sigmoid_plot.setYRange(-0.05, 1.05, padding=0.0)

    def _draw_surfaces(self) -> None:
        w_lo, w_hi, b_lo, b_hi = self.extent
        for kind in COSTS:
            w, b, c = model.surface(self.state, kind, self.extent)
            self.surface_values[kind] = c
            image = self.surface_images[kind]
            image.setImage(c, autoLevels=False)
            lo = float(c.min())
            hi = float(c.max()) if c.max() > c.min() else lo + 1.0
            # The bar sets the image's levels too: a colour means the cost the bar says.
            self.surface_bars[kind].setLevels((lo, hi))
            # Pixel (i, j) is centred on (w_i, b_j): the rect reaches half a step beyond them.
            dw, db = w[1] - w[0], b[1] - b[0]
            image.setRect(QRectF(w_lo - dw / 2, b_lo - db / 2, w_hi - w_lo + dw, b_hi - b_lo + db))
            traj = self.runs[kind]
            keep = _path_samples(traj.n_computed - 1)
            self.surface_full_paths[kind].setData(traj.w[keep], traj.b[keep])
            plot = self.surface_plots[kind]
            plot.setXRange(w_lo, w_hi, padding=0.0)
            plot.setYRange(b_lo, b_hi, padding=0.0)

    def draw_frame(self, frame: int) -> None:
        """Everything that moves with the animation, for epoch ``frame``."""
        for key, _label, _log in TIME_PLOTS:
            for kind, traj in self.runs.items():
                i = traj.index(frame)
                # The run's points up to epoch i (on a log axis without the exact zeros).
                t, y = self.played_curves[key][kind].reveal_to(float(i))
                if len(t) and t[-1] == i:
                    self.time_marks[key][kind].setData(t[-1:], y[-1:])
                else:
                    self.time_marks[key][kind].setData([], [])
        lo, hi = self._z_range()
        half = 0.12 * (hi - lo)
        for kind, traj in self.runs.items():
            i = traj.index(frame)
            z, a = float(traj.z[i]), float(traj.a[i])
            slope = float(sigmoid_prime(z))
            zz = np.array([z - half, z + half])
            self.tangents[kind].setData(zz, a + slope * (zz - z))
            self.z_marks[kind].setData([z], [a])
            label = self.slope_labels[kind]
            text = f"{tr(COST_LABELS[kind], 'neuron')}: σ′(z) = {slope:.3g}"
            if text != label.toPlainText():  # re-laying out the same text costs a repaint
                label.setText(text)
            # Top left, one line per run: the sigmoid is near 0 there, so nothing is covered.
            label.setPos(lo, 1.05 - 0.12 * COSTS.index(kind))
            keep = _path_samples(i)
            self.surface_paths[kind].setData(traj.w[keep], traj.b[keep])
            self.surface_halos[kind].setData(traj.w[keep], traj.b[keep])
            self.surface_marks[kind].setData([traj.w[i]], [traj.b[i]])
        self._update_readout(frame)

    def _update_readout(self, frame: int) -> None:
        rows = ["<tr><th></th><th align='right'>a</th><th align='right'>C</th>"
                "<th align='right'>σ′(z)</th><th align='right'>∂C/∂w</th></tr>"]
        for kind, traj in self.runs.items():
            i = traj.index(frame)
            a = float(traj.a[i])
            sp = float(sigmoid_prime(traj.z[i]))
            colour = self.colours[kind].name()
            note = "" if i == frame else f" ({tr('stopped at', 'neuron')} {i})"
            rows.append(
                f"<tr><td><span style='color:{colour}'>■</span> "
                f"{html.escape(tr(COST_LABELS[kind], 'neuron'))}{note}</td>"
                f"<td align='right'>{a:.4f}</td><td align='right'>{traj.cost[i]:.4g}</td>"
                f"<td align='right'>{sp:.3g}</td><td align='right'>{traj.dw[i] + 0.0:.3g}</td></tr>"
            )
        self.readout.setText(f"<b>{tr('epoch', 'neuron')} {frame}</b>"
                             f"<table cellspacing='4'>{''.join(rows)}</table>")

    def _update_explanation(self) -> None:
        messages = [tr_message(m) for m in map(model.divergence_message, self.runs.values())
                    if m is not None]
        self.divergence_label.setText("\n\n".join(messages))
        self.divergence_label.setVisible(bool(messages))
        stopped = [f"{tr(COST_LABELS[t.kind], 'neuron')}: {tr('stopped at epoch', 'neuron')} "
                   f"{t.diverged_at}" for t in self.runs.values() if t.diverged]
        if stopped:
            stopped.append(tr("η is far too large", "neuron"))
        self.divergence_note.setText("\n".join(stopped))
        self.divergence_note.setPos(self.state.epochs / 2, 0.5)
        self.divergence_note.setVisible(bool(stopped))
        warning = "".join(
            f"<p style='color:{theme.current.error}'><b>{html.escape(m)}</b></p>"
            for m in messages
        )
        self.explanation.setHtml(warning + explanation_html(self.state, self.explanation))

    # ------------------------------------------------------------------ read-out
    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        for kind, surface_plot in self.surface_plots.items():
            if plot is surface_plot:
                c = float(model.surface(self.state, kind, (x, x, y, y), samples=2)[2][0, 0])
                return f"{tr(COST_LABELS[kind], 'neuron')}:  w = {x:.4g},  b = {y:.4g},  C = {c:.4g}"
        if plot is self.sigmoid_plot:
            return f"z = {x:.4g},  σ(z) = {float(sigmoid(x)):.4g}"
        for key, label, log_y in TIME_PLOTS:
            if plot is self.time_plots[key]:
                value = 10.0 ** y if log_y else y
                return f"{tr('epoch', 'neuron')} = {x:.0f},  {label} = {value:.4g}"
        return super().cursor_message(plot, x, y)

    def hover_text(self, plot: pg.PlotItem, hit: Hit) -> str:
        """"Quadratic: C(epoch 120) = 0.4312" on the top row, "σ(2.5) = 0.9241" on the sigmoid."""
        if plot is self.sigmoid_plot:
            if hit.item is self.sigmoid_curve:
                return f"σ({number(hit.x)}) = {number(hit.y)}"
            return super().hover_text(plot, hit)
        for key, label, _log in TIME_PLOTS:
            if plot is self.time_plots[key]:
                epoch = tr("epoch", "neuron")
                symbol = label.strip("|") if key == "gradient" else label
                value = hit.y
                if key == "gradient":
                    # The plot shows |∂C/∂w|; say the signed value of the run.
                    for kind, traj in self.runs.items():
                        if hit.name == tr(COST_LABELS[kind], "neuron"):
                            value = float(traj.dw[int(hit.x)])
                return f"{hit.name}: {symbol}({epoch} {int(hit.x)}) = {number(value)}"
        return super().hover_text(plot, hit)


def _time_title(key: str) -> str:
    """Title of a top-row plot in the current language (literal calls, so they are collected)."""
    if key == "output":
        return tr("Output a = σ(z)", "neuron")
    if key == "cost":
        return tr("Cost C", "neuron")
    return tr("Gradient |∂C/∂w|", "neuron")


def _surface_title(kind: CostKind) -> str:
    """Short: three plots share the figure's width, and a title sets its plot's minimum width."""
    if kind == "quadratic":
        return tr("Quadratic cost C(w, b)", "neuron")
    return tr("Cross-entropy cost C(w, b)", "neuron")


#: The two gradients, typeset in the explanation (the plain text is the fallback).
GRADIENT_LATEX = {
    "quadratic": (r"\frac{\partial C}{\partial w} = (a - y)\,\sigma'(z)\,x",
                  "∂C/∂w = (a − y)·σ′(z)·x"),
    "cross_entropy": (r"\frac{\partial C}{\partial w} = (a - y)\,x", "∂C/∂w = (a − y)·x"),
}
COST_LATEX = {
    "quadratic": (r"C = \tfrac{1}{2}(y - a)^2", "C = (y − a)²/2"),
    "cross_entropy": (r"C = -\left[y \ln a + (1 - y)\ln(1 - a)\right]",
                      "C = −[y ln a + (1 − y) ln(1 − a)]"),
}


def explanation_html(state: NeuronState, browser: QTextBrowser | None = None) -> str:
    """The explanation pane's text in the current language, with this state's numbers (start
    output, target, slope and learning rates); formulas typeset into ``browser``'s document
    when it is given (plain text otherwise)."""

    def maths(pair: tuple[str, str]) -> str:
        latex, plain = pair
        if browser is None:
            return html.escape(plain)
        return formula.html_image(browser, latex, plain)

    z0 = state.w0 * state.x + state.b0
    a0, slope0 = float(sigmoid(z0)), float(sigmoid_prime(z0))
    start = tr("<p><b>This start.</b> z = {z} gives a = {a} for a target of y = {y}; the slope "
               "there is σ′(z) = {slope}.</p>", "neuron").format(
        z=f"{z0:.4g}", a=f"{a0:.4g}", y=f"{state.y:g}", slope=f"{slope0:.3g}")
    if slope0 < 0.05 and abs(a0 - state.y) > 0.5:
        start += tr("<p>The neuron is confidently wrong and sits on a flat part of the sigmoid: "
                    "look at its tangent in the lower-left plot. Its error is large, but the "
                    "quadratic gradient is multiplied by that tiny slope, so it barely moves, "
                    "exactly when it most needs to. Cross-entropy's gradient is just the error "
                    "times the input: the more wrong the neuron, the bigger the step, so it drops "
                    "at once.</p>", "neuron")
    else:
        start += tr("<p>Here the sigmoid is not flat, so the quadratic run is not held back much. "
                    "Start far out on the curve (a preset, or a large |w|) to see it stall "
                    "while cross-entropy does not.</p>", "neuron")
    if state.same_eta:
        rates = tr("<p><b>Learning rates.</b> Both runs use the same η = {eta}, the fair "
                   "comparison: they differ only in the cost.</p>", "neuron").format(
            eta=f"{state.eta:g}")
    else:
        rates = tr("<p><b>Learning rates.</b> The quadratic run uses η = {eta}, cross-entropy "
                   "η = {eta_ce}: the runs differ in step size as well as in cost. (The classic "
                   "book figure trained cross-entropy with η = 0.005; its preset reproduces "
                   "that.)</p>", "neuron").format(eta=f"{state.eta:g}",
                                                   eta_ce=f"{state.eta_cross_entropy:g}")
    return tr("""
<h3>Quadratic cost versus cross-entropy on one neuron</h3>
<p>The neuron computes <i>z</i> = <i>w</i>·<i>x</i> + <i>b</i> and outputs
<i>a</i> = σ(<i>z</i>) = 1/(1 + e<sup>−z</sup>). Both runs start from the same weight and bias
and take the same kind of step every epoch: <i>w</i> ← <i>w</i> − η·∂C/∂w,
<i>b</i> ← <i>b</i> − η·∂C/∂b. Only the cost differs.</p>
<ul>
<li><b>Quadratic</b>: {cost_q}, so<br>{grad_q}</li>
<li><b>Cross-entropy</b>: {cost_ce}, so<br>{grad_ce}<br>
The σ′(z) from the chain rule is cancelled by the 1/(a(1 − a)) in ∂C/∂a.</li>
</ul>
<p><b>Why the quadratic run can crawl.</b> σ′(z) = σ(z)(1 − σ(z)) is at most 0.25 and almost
zero at both ends of the sigmoid.</p>
{start}
{rates}
<p><b>Cost surfaces.</b> C depends on w and b only through z = w·x + b, so each heat map is a set
of parallel stripes (darker is lower; the colour bar gives the cost). The path shows where
gradient descent went.</p>
""", "neuron").format(cost_q=maths(COST_LATEX["quadratic"]),
                      grad_q=maths(GRADIENT_LATEX["quadratic"]),
                      cost_ce=maths(COST_LATEX["cross_entropy"]),
                      grad_ce=maths(GRADIENT_LATEX["cross_entropy"]), start=start, rates=rates)


View = NeuronPanel
