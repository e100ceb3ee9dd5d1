"""Regression losses, step by step: how PyTorch and Keras turn residuals into one number.

What is on screen, all drawn from :class:`RegressionState`:

* an editable **batch table** (one line per sample: its predictions p0… and targets t0…), with
  buttons that add and remove samples and outputs;
* **predictions and targets**: one bar per prediction, grouped by sample, with its target as a
  ring; drag a bar (or click in its column) to move that prediction;
* **each sample's share** of the batch loss under each element loss, so an outlier's weight is
  visible (squared losses give it far more than absolute ones);
* tabs: the **frameworks** (each call's per-sample step and result, for the chosen reduction),
  the **elements** (residual and every element loss) and the reduction **step by step**;
* **Copy PyTorch code** / **Copy Keras code**: a snippet that reproduces the numbers.

Editing a cell writes the whole table into the state (GUI policy, so it is repaired rather than
refused); a state change refills the tables quietly (the table and the dragged bars are bound to
the state with :func:`losslab.qt.binding.bind_custom`).
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from losslab.maths.regression import Loss
from losslab.panels.regression import model as model
from losslab.qt import theme
from losslab.qt.binding import bind_custom, quiet, tr, tr_message
from losslab.qt.panel_base import BasePanel
from losslab.qt.plot_items import DraggableBars

#: Width of one sample's group of bars on the x axis (samples sit at 0, 1, 2, ...).
GROUP_WIDTH = 0.8


def fmt(x: float) -> str:
    """A number for a table cell: 6 significant digits; inf and NaN spelled out."""
    if math.isnan(x):
        return "—"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    return f"{x + 0.0:.6g}"  # + 0.0: show 0, not -0


def fmt_loss(value: Loss) -> str:
    """A reduced loss (a number) or an unreduced one (a list, rows separated by ';')."""
    if isinstance(value, np.ndarray):
        if value.ndim == 2:
            return "; ".join(", ".join(fmt(v) for v in row) for row in value)
        return ", ".join(fmt(v) for v in value)
    return fmt(float(value))


def group_positions(n: int, c: int) -> np.ndarray:
    """x of each (sample, output) bar centre: the sample index plus the output's offset."""
    width = GROUP_WIDTH / max(c, 1)
    offsets = (np.arange(c) - (c - 1) / 2) * width
    return np.arange(n)[:, None] + offsets[None, :]


def _nice_step(span: float) -> float:
    """The rounding step for a dragged value: about 1/1000 of the visible range, a power of
    ten, so that dragged numbers stay short in the table."""
    return float(10.0 ** math.floor(math.log10(max(span, 1e-9) / 1000.0)))


class RegressionPanel(BasePanel):
    """The Regression losses dock; see the module docstring."""

    model = model.PANEL
    state: model.RegressionState

    def __init__(self, state: model.RegressionState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.report: model.RegressionReport | None = None
        fg = theme.current.foreground
        self.values_plot = self.add_plot(0, 0, tr("Predictions (bars) and targets (rings)",
                                                  "regression"),
                                         tr("sample", "panels"), tr("value", "regression"))
        self.share_plot = self.add_plot(1, 0, tr("Each sample's share of the batch loss",
                                                 "regression"),
                                        tr("sample", "panels"), tr("share (%)", "regression"))
        self.values_plot.setObjectName("regression_values_plot")
        self.share_plot.setObjectName("regression_share_plot")
        for plot in (self.values_plot, self.share_plot):
            plot.setMouseEnabled(x=False, y=False)  # dragging belongs to the bars
            plot.hideButtons()
        # Legends in a band above the data, never over a bar (named items join them).
        self.add_legend(self.values_plot)
        self.share_legend = self.add_legend(self.share_plot)

        colour = theme.series_colour(0)
        self.prediction_bars = DraggableBars(
            x=np.zeros(0), height=np.zeros(0), width=0.1, brush=pg.mkBrush(colour),
            pen=pg.mkPen(colour), name=tr("prediction (drag me)", "regression"))
        self.prediction_bars.setObjectName("prediction_bars")
        self.prediction_bars.drag_finished.connect(self._on_drag_finished)
        self.values_plot.addItem(self.prediction_bars)
        self.target_marks = pg.ScatterPlotItem(
            size=11, symbol="o", pen=pg.mkPen(fg, width=2),
            brush=pg.mkBrush(theme.current.background), name=tr("target", "panels"))
        self.target_marks.setZValue(10)
        self.values_plot.addItem(self.target_marks)
        self.residual_lines = pg.PlotDataItem(pen=pg.mkPen(fg, width=1.5), connect="pairs",
                                              name=tr("residual r = p − t", "regression"))
        self.residual_lines.setZValue(9)
        self.values_plot.addItem(self.residual_lines)
        self.values_plot.addItem(pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen(fg, width=1)))

        self.share_bars: dict[str, pg.BarGraphItem] = {}
        for j, (key, label) in enumerate(model.ELEMENT_LOSSES):
            c = theme.series_colour(j + 1)
            bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.1,
                                   brush=pg.mkBrush(c), pen=pg.mkPen(c),
                                   name=tr(label, "regression"))
            bars.setObjectName(f"share_{key}_bars")
            self.share_plot.addItem(bars)
            self.share_bars[key] = bars

        self._build_lower()
        self._build_controls()
        # A dragged bar writes its prediction; the bars, rings and residuals follow the state.
        bind_custom(state, self.prediction_bars, edited=self.prediction_bars.bar_dragged,
                    write=self._on_bar_dragged, show=self._draw_values,
                    watch=("predictions", "targets"), owner=self)
        self.redraw_all()

    # ------------------------------------------------------------------ building
    def _build_lower(self) -> None:
        """Put the framework, element and step-by-step views under the figure."""
        self.comparison = QTableWidget(0, 3)
        self.comparison.setObjectName("regression_comparison")
        self.comparison.setHorizontalHeaderLabels([
            tr("computed by", "panels"), tr("per sample", "regression"),
            tr("result", "regression")])
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.comparison.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.elements = QTableWidget(0, 0)
        self.elements.setObjectName("regression_elements")
        self.elements.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.elements.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.steps = QTextBrowser()
        self.steps.setObjectName("regression_steps")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("regression_tabs")
        self.tabs.addTab(self.comparison, tr("Frameworks", "panels"))
        self.tabs.addTab(self.elements, tr("Elements", "regression"))
        self.tabs.addTab(self.steps, tr("Step by step", "regression"))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.tabs, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.graphics)  # moves the figure out of the base splitter
        left.addWidget(lower)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setChildrenCollapsible(False)
        self.splitter.insertWidget(0, left)

    def _build_controls(self) -> None:
        self.batch, self.buttons = self.add_batch_table(tr("Batch: predictions and targets", "regression"), (
            ("add_row", tr("Add row", "panels"), self._on_add_row_clicked),
            ("remove_row", tr("Remove row", "panels"), self._on_remove_row_clicked),
            ("add_output", tr("Add output", "regression"), self._on_add_output_clicked),
            ("remove_output", tr("Remove output", "regression"), self._on_remove_output_clicked),
        ))
        # A typed cell writes the whole table; the table (and which buttons apply) shows what
        # the state holds.
        bind_custom(self.state, self.batch, edited=self.batch.itemChanged,
                    write=self._on_cell_changed, show=self._fill_batch,
                    watch=("predictions", "targets"))
        for name in ("predictions", "targets", "reduction", "huber_delta", "beta"):
            self.add_control(name)
        copy_row = QGridLayout()
        self.copy_pytorch = QPushButton(tr("Copy PyTorch code", "panels"))
        self.copy_pytorch.setObjectName("copy_pytorch")
        self.copy_pytorch.clicked.connect(lambda: self.copy_code("pytorch"))
        self.copy_keras = QPushButton(tr("Copy Keras code", "panels"))
        self.copy_keras.setObjectName("copy_keras")
        self.copy_keras.clicked.connect(lambda: self.copy_code("keras"))
        copy_row.addWidget(self.copy_pytorch, 0, 0)
        copy_row.addWidget(self.copy_keras, 0, 1)
        self.form.addRow(copy_row)
        reset = QPushButton(tr("Reset parameters", "panels"))
        reset.setObjectName("regression_reset")
        reset.clicked.connect(self.state.reset)
        self.form.addRow(reset)
        self.status = QLabel()
        self.status.setObjectName("regression_status")
        self.status.setWordWrap(True)
        self.form.addRow(self.status)

    # ------------------------------------------------------------------ view → state
    def _on_cell_changed(self, item: QTableWidgetItem) -> None:
        """A typed cell: write the edited table into the state, or refuse the text."""
        state = self.state
        row, col = item.row(), item.column()
        c = len(state.predictions[0])
        text = item.text().strip().replace("−", "-")
        try:
            value = float(text)
            if not math.isfinite(value):
                raise ValueError(text)
        except ValueError:
            self.status.setText(tr("“{0}” is not a number; the cell was not changed.",
                                   "panels").format(item.text()))
            self._fill_batch()
            return
        self.status.setText("")
        name = "predictions" if col < c else "targets"
        rows = [list(r) for r in state.get(name)]
        rows[row][col % c] = value
        state.set(name, tuple(tuple(r) for r in rows))
        # The state may have clamped the value (or not changed at all): show what it holds.
        self._fill_batch()

    def _on_bar_dragged(self, index: int, y: float) -> None:
        """A dragged prediction bar: its height becomes that prediction (rounded to a short
        number relative to the visible range; the state clamps it into the allowed range)."""
        c = len(self.state.predictions[0])
        lo, hi = self.values_plot.getViewBox().viewRange()[1]
        step = _nice_step(hi - lo)
        value = round(round(y / step) * step, 12) + 0.0
        rows = [list(r) for r in self.state.predictions]
        rows[index // c][index % c] = value
        self.state.set("predictions", tuple(tuple(r) for r in rows))

    def _on_drag_finished(self) -> None:
        self._draw_values()

    def _on_add_row_clicked(self) -> None:
        p = self.state.predictions
        if len(p) < model.MAX_ROWS:
            # A copy of the last sample (targets follow: residual 0 until the user edits it).
            with self.state.batch():
                self.state.update({"predictions": p + (p[-1],),
                                   "targets": self.state.targets + (self.state.targets[-1],)})

    def _on_remove_row_clicked(self) -> None:
        if len(self.state.predictions) > 1:
            self.state.update({"predictions": self.state.predictions[:-1],
                               "targets": self.state.targets[:-1]})

    def _on_add_output_clicked(self) -> None:
        if len(self.state.predictions[0]) < model.MAX_OUTPUTS:
            self.state.update({"predictions": tuple(r + (0.0,) for r in self.state.predictions),
                               "targets": tuple(r + (0.0,) for r in self.state.targets)})

    def _on_remove_output_clicked(self) -> None:
        if len(self.state.predictions[0]) > 1:
            self.state.update({"predictions": tuple(r[:-1] for r in self.state.predictions),
                               "targets": tuple(r[:-1] for r in self.state.targets)})

    def copy_code(self, framework: str) -> str:
        """Put the PyTorch or Keras snippet for the current batch on the clipboard."""
        code = model.snippet(self.state, framework)
        QApplication.clipboard().setText(code)
        self.status.setText(tr("Copied {0} code to the clipboard.", "panels").format(
            "PyTorch" if framework == "pytorch" else "Keras"))
        return code

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        # The batch table and the prediction bars are bindings (see __init__).
        self.report = model.compute(self.state)
        self._draw_shares()
        self._fill_comparison()
        self._fill_elements()
        self._fill_steps()
        self._update_explanation()

    def _fill_batch(self) -> None:
        """Put the state's batch into the table (quietly: refilling is no edit)."""
        state = self.state
        n, c = len(state.predictions), len(state.predictions[0])
        headers = [f"p{j}" for j in range(c)] + [f"t{j}" for j in range(c)]
        with quiet(self.batch):
            self.batch.setRowCount(n)
            self.batch.setColumnCount(2 * c)
            self.batch.setHorizontalHeaderLabels(headers)
            self.batch.setVerticalHeaderLabels([str(i) for i in range(n)])
            for i in range(n):
                cells = ([fmt(v) for v in state.predictions[i]]
                         + [fmt(v) for v in state.targets[i]])
                for j, text in enumerate(cells):
                    item = self.batch.item(i, j)
                    if item is None:
                        item = QTableWidgetItem()
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                              Qt.AlignmentFlag.AlignVCenter)
                        self.batch.setItem(i, j, item)
                    item.setText(text)
        self.buttons["add_row"].setEnabled(n < model.MAX_ROWS)
        self.buttons["remove_row"].setEnabled(n > 1)
        self.buttons["add_output"].setEnabled(c < model.MAX_OUTPUTS)
        self.buttons["remove_output"].setEnabled(c > 1)

    def bar_positions(self) -> np.ndarray:
        """x of every prediction bar, [N, C]."""
        n, c = len(self.state.predictions), len(self.state.predictions[0])
        return group_positions(n, c)

    def _draw_values(self) -> None:
        p = np.asarray(self.state.predictions, dtype=np.float64)
        t = np.asarray(self.state.targets, dtype=np.float64)
        n, c = p.shape
        x = self.bar_positions()
        width = 0.85 * GROUP_WIDTH / c
        self.prediction_bars.setOpts(x=x.ravel(), height=p.ravel(), width=width)
        self.target_marks.setData(x.ravel(), t.ravel())
        seg_x = np.repeat(x.ravel(), 2)
        seg_y = np.column_stack([t.ravel(), p.ravel()]).ravel()
        self.residual_lines.setData(seg_x, seg_y)
        self.values_plot.setXRange(-0.6, n - 0.4, padding=0)
        ticks = [(float(i), str(i)) for i in range(n)]
        self.values_plot.getAxis("bottom").setTicks([ticks])
        if self.prediction_bars.dragging is None:
            # Keep the axis still during a drag, so the bar follows the mouse.
            lo = min(0.0, float(p.min()), float(t.min()))
            hi = max(0.0, float(p.max()), float(t.max()))
            pad = 0.12 * (hi - lo) if hi > lo else 1.0
            self.values_plot.setYRange(lo - pad, hi + pad, padding=0)
            self.prediction_bars.set_grab_range(lo - 4 * pad, hi + 4 * pad)

    def _draw_shares(self) -> None:
        assert self.report is not None
        n = self.report.residuals.shape[0]
        k = len(model.ELEMENT_LOSSES)
        x = group_positions(n, k)
        width = 0.85 * GROUP_WIDTH / k
        for j, (key, _label) in enumerate(model.ELEMENT_LOSSES):
            share = np.nan_to_num(self.report.share[key], nan=0.0) * 100.0
            self.share_bars[key].setOpts(x=x[:, j], height=share, width=width)
        self.share_plot.setXRange(-0.6, n - 0.4, padding=0)
        self.share_plot.setYRange(0.0, 105.0, padding=0)
        ticks = [(float(i), str(i)) for i in range(n)]
        self.share_plot.getAxis("bottom").setTicks([ticks])

    def share_heights(self) -> dict[str, np.ndarray]:
        """The drawn height of every share bar, in %, by element loss (for tests)."""
        return {key: np.asarray(bars.opts["height"], dtype=float)
                for key, bars in self.share_bars.items()}

    def _call_text(self, comp: model.Comparison) -> str:
        s = self.state
        if comp.cls in ("HuberLoss", "Huber"):
            return f"{comp.label}(delta={s.huber_delta:g})"
        if comp.cls == "SmoothL1Loss":
            return f"{comp.label}(beta={s.beta:g})"
        return comp.label

    def _fill_comparison(self) -> None:
        assert self.report is not None
        r = self.report
        rows = r.comparisons
        self.comparison.setRowCount(len(rows))
        for i, comp in enumerate(rows):
            if comp.framework == "keras":
                per_sample = tr("mean of each row: {0}", "regression").format(
                    fmt_loss(r.per_sample_mean[comp.element]))
            else:
                per_sample = tr("— (no per-sample step)", "regression")
            texts = (self._call_text(comp), per_sample, fmt_loss(comp.value))
            for j, text in enumerate(texts):
                item = self.comparison.item(i, j)
                if item is None:
                    item = QTableWidgetItem()
                    self.comparison.setItem(i, j, item)
                item.setText(text)
                item.setData(Qt.ItemDataRole.UserRole, f"{comp.framework}.{comp.key}")

    def _fill_elements(self) -> None:
        assert self.report is not None
        r = self.report
        n, c = r.residuals.shape
        headers = [tr("sample", "panels"), tr("output", "regression"), "p", "t", "r = p − t",
                   "r²", "|r|", f"Huber δ={self.state.huber_delta:g}",
                   f"SmoothL1 β={self.state.beta:g}", "ln cosh r"]
        self.elements.setColumnCount(len(headers))
        self.elements.setHorizontalHeaderLabels(headers)
        self.elements.setRowCount(n * c)
        p, t = self.state.predictions, self.state.targets
        for i in range(n):
            for j in range(c):
                cells = [str(i), str(j), fmt(p[i][j]), fmt(t[i][j]), fmt(r.residuals[i, j])]
                cells += [fmt(r.elements[key][i, j]) for key, _l in model.ELEMENT_LOSSES]
                for k, text in enumerate(cells):
                    item = self.elements.item(i * c + j, k)
                    if item is None:
                        item = QTableWidgetItem()
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                              Qt.AlignmentFlag.AlignVCenter)
                        self.elements.setItem(i * c + j, k, item)
                    item.setText(text)

    # ------------------------------------------------------------------ step by step
    def _fill_steps(self) -> None:
        assert self.report is not None
        r, s = self.report, self.state
        n, c = r.residuals.shape
        parts = [f"<p>{html.escape(tr('Residuals r = p − t, one row per sample:', 'regression'))}"
                 f"<br><code>{html.escape(fmt_loss(r.residuals))}</code></p>"]
        for comp in r.comparisons:
            el = r.elements[comp.element]
            lines = [f"<b>{html.escape(self._call_text(comp))}</b>",
                     html.escape(tr("1. element losses: {0}", "regression").format(
                         fmt_loss(el)))]
            if comp.framework == "keras":
                lines.append(html.escape(tr(
                    "2. mean over the {0} outputs of each sample: {1}", "regression").format(
                        c, fmt_loss(r.per_sample_mean[comp.element]))))
                if s.reduction == "sum":
                    step = tr("3. sum over the {0} samples = {1}", "regression").format(
                        n, fmt_loss(comp.value))
                elif s.reduction == "mean":
                    step = tr("3. sum over the samples / {0} = {1}", "regression").format(
                        n, fmt_loss(comp.value))
                else:
                    step = tr("3. reduction=None: the per-sample losses above", "regression")
            else:
                if s.reduction == "sum":
                    step = tr("2. sum of all {0} elements = {1}", "regression").format(
                        n * c, fmt_loss(comp.value))
                elif s.reduction == "mean":
                    step = tr("2. sum of all elements / {0} = {1}", "regression").format(
                        n * c, fmt_loss(comp.value))
                else:
                    step = tr("2. reduction=none: the element losses above", "regression")
            lines.append(html.escape(step))
            parts.append("<p>" + "<br>".join(lines) + "</p>")
        self.steps.setHtml("".join(parts))

    # ------------------------------------------------------------------ explanation
    def _update_explanation(self) -> None:
        assert self.report is not None
        notes = "".join(f"<li>{html.escape(tr_message(m))}</li>" for m in self.report.messages)
        intro = tr(
            "<h3>From residuals to one number</h3>"
            "<p>Each element's residual r = prediction − target becomes an element loss: r² "
            "(MSE), |r| (L1, MAE), Huber ½r² near zero and straight beyond δ, Smooth L1 (Huber "
            "divided by β) or ln cosh r (close to ½r² near zero, to |r| − ln 2 far away). Then "
            "the frameworks reduce: PyTorch over all elements at once, Keras first over the "
            "outputs of each sample (the mean over the last axis), then over the samples.</p>"
            "<p>Drag a prediction bar, or type into the table, and watch every number "
            "follow. The lower chart shows how much of the batch loss each sample carries: "
            "squaring lets one far-off sample dominate.</p>", "regression")
        why = f"<h3>{tr('Where the frameworks differ, and why', 'regression')}</h3><ul>{notes}</ul>"
        self.explanation.setHtml(intro + why)

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        if plot is self.share_plot:
            return tr("Regression:  sample {sample},  share {share:.3g} %",
                      "regression").format(sample=round(x), share=y)
        return tr("Regression:  sample {sample},  value {value:.4g}", "regression").format(
            sample=round(x), value=y)

    # ------------------------------------------------------------------ tests and tools
    def comparison_values(self) -> dict[str, str]:
        """What the framework table's result column shows, by ``framework.key``."""
        out: dict[str, str] = {}
        for i in range(self.comparison.rowCount()):
            key = self.comparison.item(i, 0).data(Qt.ItemDataRole.UserRole)
            out[str(key)] = self.comparison.item(i, 2).text()
        return out


View = RegressionPanel
