"""Cross-entropy, step by step: what the frameworks do between the logits and the printed loss.

What is on screen, all drawn from :class:`CrossEntropyState`:

* an editable **batch table**: one line per example, a column per class (logits, or
  probabilities with ``from_logits`` off) and the target class (binary mode: a label per cell);
  buttons add and remove rows and classes;
* a **bar plot** of the probabilities of every row, grouped by row, one colour per class, with
  the target marked by a dot (at 1 on the target class; in binary mode at each cell's label);
* the **pipeline**, row by row: z, z − max, e^(z − max), their sum, softmax p, log p, the
  picked −log p, the class weight and the row's loss, then the reduction with its divisor
  (its text: :mod:`losslab.panels.cross_entropy.pipeline`);
* a **comparison** table of the hand-written, PyTorch and Keras values, with the reasons for
  every difference in the explanation pane;
* **Copy PyTorch code** / **Copy Keras code**: the equivalent snippet for the current batch.

Editing a cell writes the whole table into the state (GUI policy, so it is repaired rather than
refused); a state change refills the table quietly (bound with
:func:`losslab.qt.binding.bind_custom`).
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

from losslab.panels.cross_entropy import model as model
from losslab.panels.cross_entropy.pipeline import fmt, fmt_loss, pipeline_html
from losslab.qt import theme
from losslab.qt.binding import bind_custom, quiet, tr, tr_message
from losslab.qt.panel_base import BasePanel, fit_width

#: Total width of one row's group of bars on the x axis (rows sit at 0, 1, 2, ...).
GROUP_WIDTH = 0.8
#: Parameters shown only in one mode.
MODE_PARAMS = {
    "categorical": ("targets", "ignore_index", "subtract_max"),
    "binary": ("binary_targets",),
}


class CrossEntropyPanel(BasePanel):
    """The Cross-entropy dock; see the module docstring."""

    model = model.PANEL
    state: model.CrossEntropyState

    def __init__(self, state: model.CrossEntropyState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.report: model.CrossEntropyReport | None = None
        self.plot = self.add_plot(0, 0, tr("Probabilities per row", "panels"),
                                  tr("row", "panels"), tr("probability", "panels"))
        self.plot.setObjectName("cross_entropy_plot")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        # Above the bars, never on them.
        self.legend = self.add_legend(self.plot)
        self.bars: list[pg.BarGraphItem] = []
        fg = theme.current.foreground
        self.target_marks = pg.ScatterPlotItem(size=9, symbol="o", pen=pg.mkPen(fg, width=1.5),
                                               brush=pg.mkBrush(theme.current.background))
        self.target_marks.setZValue(10)
        self.plot.addItem(self.target_marks)

        self._build_lower()
        self._build_controls()
        self.redraw_all()

    # ------------------------------------------------------------------ building
    def _build_lower(self) -> None:
        """Put the pipeline and comparison views under the figure."""
        self.pipeline = QTextBrowser()
        self.pipeline.setObjectName("cross_entropy_pipeline")
        self.comparison = QTableWidget(0, 2)
        self.comparison.setObjectName("cross_entropy_comparison")
        self.comparison.setHorizontalHeaderLabels([tr("computed by", "panels"),
                                                   tr("loss", "panels")])
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The numbers always whole; the long "computed by" texts wrap in what is left (a
        # narrow window used to squeeze the numbers into a few pixels behind an ellipsis).
        header = self.comparison.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.comparison.setWordWrap(True)
        self.comparison.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("cross_entropy_tabs")
        self.tabs.addTab(self.comparison, tr("Frameworks", "panels"))
        self.tabs.addTab(self.pipeline, tr("Pipeline, row by row", "panels"))
        self.problem_label = QLabel()
        self.problem_label.setObjectName("cross_entropy_problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {theme.current.error};")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.problem_label)
        lower_layout.addWidget(self.tabs, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.graphics)  # moves the figure out of the base splitter
        left.addWidget(lower)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setChildrenCollapsible(False)
        self.splitter.insertWidget(0, left)
        # The figure column takes the new space, as in every panel (the stretch factors set by
        # BasePanel went with the figure).
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

    def _build_controls(self) -> None:
        self.add_control("mode", labels={"categorical": tr("categorical (softmax)"),
                                         "binary": tr("binary (sigmoid per cell)")})
        self.batch, self.buttons = self.add_batch_table(tr("Batch: logits and targets", "panels"), (
            ("add_row", tr("Add row", "panels"), self._on_add_row_clicked),
            ("remove_row", tr("Remove row", "panels"), self._on_remove_row_clicked),
            ("add_class", tr("Add class", "panels"), self._on_add_class_clicked),
            ("remove_class", tr("Remove class", "panels"), self._on_remove_class_clicked),
        ))
        # A typed cell writes the whole table; the table (and which buttons apply) shows what
        # the state holds.
        bind_custom(self.state, self.batch, edited=self.batch.itemChanged,
                    write=self._on_cell_changed, show=self._fill_batch,
                    watch=("logits", "targets", "binary_targets", "mode", "from_logits"))
        for name in ("logits", "targets", "binary_targets", "weight", "reduction",
                     "label_smoothing", "ignore_index", "from_logits", "subtract_max"):
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
        reset.setObjectName("cross_entropy_reset")
        reset.clicked.connect(self.state.reset)
        self.form.addRow(reset)
        self.status = QLabel()
        self.status.setObjectName("cross_entropy_status")
        fit_width(self.status)
        self.form.addRow(self.status)

    # ------------------------------------------------------------------ view → state
    def _on_cell_changed(self, item: QTableWidgetItem) -> None:
        """A typed cell: write the whole edited table into the state, or refuse the text."""
        state = self.state
        row, col = item.row(), item.column()
        classes = len(state.logits[0])
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
        if col < classes:
            logits = [list(r) for r in state.logits]
            logits[row][col] = value
            state.set("logits", tuple(tuple(r) for r in logits))
        elif state.mode == "categorical":
            targets = list(state.targets)
            targets[row] = round(value)
            state.set("targets", tuple(targets))
        else:
            labels = [list(r) for r in state.binary_targets]
            labels[row][col - classes] = value
            state.set("binary_targets", tuple(tuple(r) for r in labels))
        # The state may have clamped or repaired the value (or not changed at all): show it.
        self._fill_batch()

    def _on_add_row_clicked(self) -> None:
        rows = self.state.logits
        if len(rows) < model.MAX_ROWS:
            # A copy of the last row: the learner usually edits one number of it.
            self.state.set("logits", rows + (rows[-1],))

    def _on_remove_row_clicked(self) -> None:
        rows = self.state.logits
        if len(rows) > 1:
            self.state.set("logits", rows[:-1])

    def _on_add_class_clicked(self) -> None:
        rows = self.state.logits
        if len(rows[0]) < model.MAX_CLASSES:
            self.state.set("logits", tuple(r + (0.0,) for r in rows))

    def _on_remove_class_clicked(self) -> None:
        rows = self.state.logits
        fewest = 1 if self.state.mode == "binary" else model.MIN_CLASSES
        if len(rows[0]) > fewest:
            self.state.set("logits", tuple(r[:-1] for r in rows))

    def copy_code(self, framework: str) -> str:
        """Put the PyTorch or Keras snippet for the current batch on the clipboard."""
        code = model.snippet(self.state, framework)
        QApplication.clipboard().setText(code)
        self.status.setText(tr("Copied {0} code to the clipboard.", "panels").format(
            "PyTorch" if framework == "pytorch" else "Keras"))
        return code

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        # The batch table is a binding (see _build_controls).
        self.report = model.compute(self.state)
        if changed & {"mode", "from_logits"}:
            self._show_mode_controls()
        self._draw_bars()
        self._fill_comparison()
        self._fill_pipeline()
        self._update_explanation()
        why = self.problem()
        self.problem_label.setText(why)
        self.problem_label.setVisible(bool(why))

    def _fill_batch(self) -> None:
        state = self.state
        n, c = len(state.logits), len(state.logits[0])
        binary = state.mode == "binary"
        word = "z" if state.from_logits else "p"
        headers = [f"{word}{j}" for j in range(c)]
        headers += [f"y{j}" for j in range(c)] if binary else [tr("target", "panels")]
        with quiet(self.batch):
            self.batch.setRowCount(n)
            self.batch.setColumnCount(len(headers))
            self.batch.setHorizontalHeaderLabels(headers)
            self.batch.setVerticalHeaderLabels([str(i) for i in range(n)])
            for i in range(n):
                cells = [fmt(v) for v in state.logits[i]]
                if binary:
                    cells += [fmt(v) for v in state.binary_targets[i]]
                else:
                    cells.append(str(state.targets[i]))
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
        self.buttons["add_class"].setEnabled(c < model.MAX_CLASSES)
        self.buttons["remove_class"].setEnabled(c > (1 if binary else model.MIN_CLASSES))

    def _show_mode_controls(self) -> None:
        mode = self.state.mode
        for m, names in MODE_PARAMS.items():
            for name in names:
                shown = m == mode and (name != "subtract_max" or self.state.from_logits)
                self.form.setRowVisible(self.controls[name], shown)

    def bar_positions(self) -> np.ndarray:
        """x of each (row, class) bar centre: row index plus the class's offset in its group."""
        n, c = self.report.probabilities.shape if self.report is not None else (0, 0)
        width = GROUP_WIDTH / max(c, 1)
        offsets = (np.arange(c) - (c - 1) / 2) * width
        return np.arange(n)[:, None] + offsets[None, :]

    def _draw_bars(self) -> None:
        assert self.report is not None
        p = self.report.probabilities
        n, c = p.shape
        x = self.bar_positions()
        width = GROUP_WIDTH / c
        while len(self.bars) < c:
            j = len(self.bars)
            colour = theme.series_colour(j)
            bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=width,
                                   brush=pg.mkBrush(colour), pen=pg.mkPen(colour),
                                   name=tr("class {0}", "cross_entropy").format(j))
            bars.setObjectName(f"class_{j}_bars")
            self.plot.addItem(bars)
            self.bars.append(bars)
        self.legend.clear()
        binary = self.state.mode == "binary"
        for j, bars in enumerate(self.bars):
            if j < c:
                # NaN heights (softmax without the max-subtraction overflowed) draw as 0.
                heights = np.nan_to_num(p[:, j], nan=0.0)
                bars.setOpts(x=x[:, j], height=heights, width=width)
                bars.setVisible(True)
                self.legend.addItem(bars, tr("output {0}", "cross_entropy").format(j) if binary
                                    else tr("class {0}", "cross_entropy").format(j))
            else:
                bars.setOpts(x=np.zeros(0), height=np.zeros(0))
                bars.setVisible(False)
        if self.state.mode == "binary":
            y = np.asarray(self.state.binary_targets, dtype=np.float64)
            self.target_marks.setData(x.ravel(), y.ravel())
        else:
            t = np.asarray(self.state.targets)
            kept = (t >= 0) & (t < c) & (t != self.state.ignore_index)
            rows = np.nonzero(kept)[0]
            self.target_marks.setData(x[rows, t[kept]], np.ones(len(rows)))
        self.legend.addItem(self.target_marks, tr("target", "panels"))
        self.plot.setXRange(-0.6, n - 0.4, padding=0)
        self.plot.setYRange(0.0, 1.08, padding=0)
        ticks = [(float(i), str(i)) for i in range(n)]
        self.plot.getAxis("bottom").setTicks([ticks])

    def _fill_comparison(self) -> None:
        assert self.report is not None
        rows = self.report.comparisons
        self.comparison.setRowCount(len(rows))
        for i, comp in enumerate(rows):
            for j, text in enumerate((tr(comp.label, "cross_entropy"), fmt_loss(comp.value))):
                item = self.comparison.item(i, j)
                if item is None:
                    item = QTableWidgetItem()
                    self.comparison.setItem(i, j, item)
                item.setText(text)
                item.setData(Qt.ItemDataRole.UserRole, comp.key)

    # ------------------------------------------------------------------ pipeline text
    def _fill_pipeline(self) -> None:
        assert self.report is not None
        self.pipeline.setHtml(pipeline_html(self.report, self.state))

    # ------------------------------------------------------------------ explanation
    def _update_explanation(self) -> None:
        assert self.report is not None
        notes = "".join(f"<li>{html.escape(tr_message(m))}</li>" for m in self.report.messages)
        why = (f"<h3>{tr('Why the numbers differ here', 'panels')}</h3><ul>{notes}</ul>"
               if notes else
               f"<p><b>{tr('Every framework prints the same loss for this batch.', 'panels')}"
               "</b></p>")
        if self.report.mode == "binary":
            intro = tr(
                "<h3>Binary cross-entropy</h3>"
                "<p>Each cell is its own yes/no question: a sigmoid σ(x) = 1 / (1 + e^(−x)) "
                "turns the logit into a probability p, and the loss of the cell is "
                "−[y log p + (1 − y) log(1 − p)]. Keras averages the cells of a row, then the "
                "rows; PyTorch averages all cells at once (the same number for 'mean').</p>"
                "<p>From logits, both frameworks use the rearranged form "
                "max(x, 0) − x·y + log(1 + e^(−|x|)), exact for any x. From probabilities, "
                "Keras and the hand-written version clip p to [1e-7, 1 − 1e-7] first, and "
                "PyTorch's BCELoss stops each log at −100.</p>", "panels")
        else:
            intro = tr(
                "<h3>From logits to one number</h3>"
                "<p><b>Softmax</b> turns a row of logits z into probabilities "
                "p = e^z / Σ e^z. Subtracting the row maximum first changes nothing in the "
                "result but keeps e^z from overflowing (turn it off and type 1000 to see why). "
                "<b>Log</b> maps the probabilities to (−∞, 0]; written as "
                "(z − max) − log Σ e^(z − max) it stays finite even where p rounds to 0. "
                "<b>NLL</b> picks the log-probability of the target class and negates it.</p>"
                "<p>PyTorch's CrossEntropyLoss is exactly LogSoftmax followed by NLLLoss. With "
                "class weights, each row's loss is multiplied by the weight of its target, and "
                "the mean divides by the sum of those weights, not by the number of rows. "
                "Keras' CategoricalCrossentropy wants one-hot targets, "
                "SparseCategoricalCrossentropy class indices; for the same batch both give the "
                "same number, and without weights it is PyTorch's number too.</p>", "panels")
        self.explanation.setHtml(intro + why)

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        return tr("Cross-entropy:  row {row},  p = {p:.3g}", "cross_entropy").format(
            row=round(x), p=y)

    # ------------------------------------------------------------------ tests and tools
    def comparison_values(self) -> dict[str, str]:
        """What the comparison table shows, by JSON key (for tests and accessibility)."""
        out: dict[str, str] = {}
        for i in range(self.comparison.rowCount()):
            key = self.comparison.item(i, 0).data(Qt.ItemDataRole.UserRole)
            out[str(key)] = self.comparison.item(i, 1).text()
        return out


View = CrossEntropyPanel
