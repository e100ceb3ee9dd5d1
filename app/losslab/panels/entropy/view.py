"""Information panel: self-information, entropy and cross-entropy with two archers.

What is on screen, all drawn from :class:`EntropyState`:

* **Binary entropy** H(p) against the hit probability p, with a draggable marker per archer that
  slides along the curve (its x is the archer's hit probability; dragging writes the state);
* **Self-information** −log p against p, with each archer's hit (at p) and miss (at 1 − p)
  marked;
* **Cross-entropy** bars: the target p and the predictions q1, q2 per class; drag a bar (or click
  in its column) to set that probability;
* tables: I(hit), I(miss) and H for both archers; the terms −pᵢ log qᵢ class by class, summed to
  H(p, q1) and H(p, q2); the identity H(p, q) = H(p) + KL(p‖q); an explanation.

Editing one probability of a distribution keeps the new value and rescales the other classes to
share the rest in their old proportions (:func:`losslab.panels.entropy.model.set_probability`).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from losslab.maths.entropy import binary_entropy, complement_information, self_information
from losslab.panels.entropy import model as model
from losslab.qt import theme
from losslab.qt.binding import FloatBox, IntBox, bind_element, number_box, quiet, tr
from losslab.qt.panel_base import BasePanel, fit_width
from losslab.qt.plot_items import DraggableBars

#: Which archer parameter each marker edits, with its label.
ARCHER_NAMES = {"archer_a": "A", "archer_b": "B"}
#: Horizontal offset and colour index of each distribution's bars within a class.
BAR_OFFSET = {"p": -0.27, "q1": 0.0, "q2": 0.27}
BAR_WIDTH = 0.25
BAR_COLOUR = {"p": 5, "q1": 2, "q2": 3}


def unit_symbol(unit: str) -> str:
    """The short unit name of ``unit`` in the current language (axis labels, read-outs)."""
    return {"bits": tr("bits", "panels"), "nats": tr("nats", "panels"),
            "hartleys": tr("Hart", "panels")}[unit]


def unit_name(unit: str) -> str:
    """The unit's full name in the current language (captions, explanation)."""
    return {"bits": tr("bits", "panels"), "nats": tr("nats", "panels"),
            "hartleys": tr("hartleys", "panels")}[unit]


def dist_label(name: str) -> str:
    """Legend entry of distribution ``name`` in the current language."""
    return {"p": tr("target p", "panels"), "q1": tr("prediction q1", "panels"),
            "q2": tr("prediction q2", "panels")}[name]


#: The smallest probability drawn on the −log p curve (its value there: 19.9 bits).
SURPRISE_FLOOR = 1e-6


def fmt(x: float) -> str:
    """A read-out number: six decimals like content.md's table, ∞ for infinity."""
    if math.isinf(x):
        return "∞"
    return f"{x + 0.0:.6f}"  # + 0.0: never show "-0.000000"


def surprise_grid() -> np.ndarray:
    """p values for the −log p curve: dense near 0, where the curve climbs steeply."""
    return np.unique(np.concatenate([np.geomspace(SURPRISE_FLOOR, 1e-3, 80),
                                     model.hit_grid()[1:]]))


class EntropyPanel(BasePanel):
    """The Information dock; see the module docstring."""

    model = model.PANEL
    state: model.EntropyState

    def __init__(self, state: model.EntropyState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.entropy_plot = self.add_plot(0, 0, tr("Binary entropy H(p)", "panels"),
                                          tr("hit probability p", "panels"), "H(p)")
        self.entropy_plot.setObjectName("entropy_curve_plot")
        self.surprise_plot = self.add_plot(0, 1, tr("Self-information −log p", "panels"),
                                           tr("probability p", "panels"), "−log p")
        self.surprise_plot.setObjectName("entropy_surprise_plot")
        self.bars_plot = self.add_plot(1, 0, tr("Cross-entropy: target and predictions",
                                                "panels"), tr("class", "panels"),
                                       tr("probability", "panels"), colspan=2)
        self.bars_plot.setObjectName("entropy_bars_plot")
        for plot in (self.entropy_plot, self.surprise_plot, self.bars_plot):
            plot.setMouseEnabled(x=False, y=False)  # dragging belongs to markers and bars
            plot.hideButtons()
        self.entropy_plot.setXRange(0.0, 1.0, padding=0.03)
        self.surprise_plot.setXRange(0.0, 1.0, padding=0.03)
        self.bars_plot.setYRange(0.0, 1.0, padding=0.04)

        self.entropy_curve = pg.PlotDataItem(pen=theme.foreground_pen(2.0))
        self.entropy_plot.addItem(self.entropy_curve)
        self.surprise_curve = pg.PlotDataItem(pen=theme.foreground_pen(2.0))
        self.surprise_plot.addItem(self.surprise_curve)
        # What the hover read-out calls the two curves.
        self.hover_names[id(self.entropy_curve)] = "H(p)"
        self.hover_names[id(self.surprise_curve)] = "−log p"
        # Legends (above the plots, never on the data) pick up every item added with a name.
        self.add_legend(self.surprise_plot)

        self.markers: dict[str, pg.TargetItem] = {}
        self.hit_marks: dict[str, pg.ScatterPlotItem] = {}
        self.miss_marks: dict[str, pg.ScatterPlotItem] = {}
        for index, (name, letter) in enumerate(ARCHER_NAMES.items()):
            colour = theme.series_colour(index)
            marker = pg.TargetItem(
                size=16, symbol="o", pen=pg.mkPen(colour, width=2), brush=pg.mkBrush(colour),
                hoverPen=pg.mkPen(colour, width=4), hoverBrush=pg.mkBrush(colour),
                label=letter, labelOpts={"color": theme.text_colour(colour), "offset": (0, -20)},
            )
            marker.setObjectName(f"{name}_handle")
            marker.setZValue(10)
            marker.sigPositionChanged.connect(self._marker_slot(name))
            self.entropy_plot.addItem(marker)
            self.markers[name] = marker
            hit = pg.ScatterPlotItem(size=12, symbol="o", pen=pg.mkPen(colour, width=2),
                                     brush=pg.mkBrush(colour),
                                     name=tr("archer {0}: hit", "panels").format(letter))
            miss = pg.ScatterPlotItem(size=13, symbol="x", pen=pg.mkPen(colour, width=1),
                                      brush=pg.mkBrush(colour),
                                      name=tr("archer {0}: miss", "panels").format(letter))
            for item in (hit, miss):
                item.setZValue(5)
                self.surprise_plot.addItem(item)
            self.hit_marks[name] = hit
            self.miss_marks[name] = miss

        self.add_legend(self.bars_plot)
        self.bars: dict[str, DraggableBars] = {}
        for name in model.DISTRIBUTIONS:
            colour = theme.series_colour(BAR_COLOUR[name])
            bars = DraggableBars(x=np.zeros(0), height=np.zeros(0), width=BAR_WIDTH,
                                 brush=pg.mkBrush(colour), pen=pg.mkPen(colour),
                                 name=dist_label(name))
            bars.setObjectName(f"{name}_bars")
            bars.bar_dragged.connect(self._bar_slot(name))
            self.bars_plot.addItem(bars)
            self.bars[name] = bars

        self._build_controls()
        self.redraw_all()

    # ------------------------------------------------------------------ building
    def _marker_slot(self, name: str) -> Callable[[pg.TargetItem], None]:
        return lambda item: self._on_marker_changed(name, item)

    def _bar_slot(self, name: str) -> Callable[[int, float], None]:
        return lambda index, height: self._on_bar_changed(name, index, height)

    def _build_controls(self) -> None:
        self.add_control("archer_a")
        self.add_control("archer_b")
        self.add_control("unit", labels={"bits": tr("bits (log base 2)"),
                                         "nats": tr("nats (log base e)"),
                                         "hartleys": tr("hartleys (log base 10)")})
        # Below the archery form: the archer table, then the cross-entropy controls, tables
        # and reset, then the explanation (already last in the side column).
        self.archer_caption = QLabel()
        fit_width(self.archer_caption)
        self.archer_table = self._table("archer_table", 2, 4)
        self.archer_note = QLabel()
        self.archer_note.setObjectName("archer_note")
        fit_width(self.archer_note)
        self.archer_note.setTextFormat(Qt.TextFormat.RichText)
        self.form_ce = self.make_form()
        self.add_control("classes", form=self.form_ce)
        self.probability_boxes: dict[str, list[FloatBox | IntBox]] = {}
        self.class_labels: list[QLabel] = []
        grid = QGridLayout()
        for col, name in enumerate(model.DISTRIBUTIONS, start=1):
            header = QLabel(f"<b>{name}</b>")
            header.setObjectName(f"{name}_header")
            grid.addWidget(header, 0, col, Qt.AlignmentFlag.AlignHCenter)
        for row in range(model.MAX_CLASSES):
            label = QLabel(tr("class {0}", "panels").format(row + 1))
            grid.addWidget(label, row + 1, 0)
            self.class_labels.append(label)
        for col, name in enumerate(model.DISTRIBUTIONS, start=1):
            boxes = []
            for row in range(model.MAX_CLASSES):
                box = number_box(self.state.specs[name], self)
                box.setObjectName(f"{name}:{row}")
                box.setRange(0.0, 1.0)  # a probability, whatever weights the spec allows
                box.setAccessibleName(f"{name} {tr('class {0}', 'panels').format(row + 1)}")
                box.setToolTip(tr("Probability of this class in {0}. The other classes are "
                                  "rescaled to share the rest in their old proportions, so the "
                                  "distribution still sums to 1.", "panels").format(name))
                # Every applied value rescales the other classes; the box applies finished
                # numbers only, so typing "0.35" never first applies "0" and then "0.3".
                bind_element(self.state, name, row, box, self._rescaler(name, row))
                grid.addWidget(box, row + 1, col)
                boxes.append(box)
            self.probability_boxes[name] = boxes

        self.ce_summary = QLabel()
        self.ce_summary.setObjectName("ce_summary")
        fit_width(self.ce_summary)
        self.ce_summary.setTextFormat(Qt.TextFormat.RichText)
        self.ce_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.terms_caption = QLabel()
        fit_width(self.terms_caption)
        self.terms_table = self._table("terms_table", 0, 5)
        reset = QPushButton(tr("Reset parameters", "panels"))
        reset.setObjectName("entropy_reset")
        reset.clicked.connect(self.state.reset)

        at = self.side_layout.indexOf(self.explanation)
        for item in (self.archer_caption, self.archer_table, self.archer_note, self.form_ce, grid,
                     self.ce_summary, self.terms_caption, self.terms_table, reset):
            if isinstance(item, QWidget):
                self.side_layout.insertWidget(at, item)
            else:
                self.side_layout.insertLayout(at, item)
            at += 1

    def _rescaler(self, name: str, index: int) -> Callable[[float], Any]:
        """The new distribution when the box of class ``index`` is set to a value."""
        return lambda value: model.set_probability(self.state.get(name), index, value)

    def _table(self, name: str, rows: int, cols: int) -> QTableWidget:
        table = QTableWidget(rows, cols, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    # ------------------------------------------------------------------ view → state
    def _on_marker_changed(self, name: str, item: pg.TargetItem) -> None:
        """A dragged marker: its x is the hit probability; the state clamps it to [0, 1]."""
        self.state.set(name, float(item.pos().x()))
        # Put the marker back on the curve even if the state did not change (a vertical drag
        # or a drag past an end), so the marker never leaves H(p).
        self._place_marker(name)

    def _on_bar_changed(self, name: str, index: int, height: float) -> None:
        self.state.set(name, model.set_probability(self.state.get(name), index, height))

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        archery = changed & {"archer_a", "archer_b", "unit"}
        cross = changed & {"p", "q1", "q2", "classes", "unit"}
        if "unit" in changed:
            self._draw_curves()
        if archery:
            for name in ARCHER_NAMES:
                self._place_marker(name)
            self._draw_surprise_marks()
            self._fill_archer_table()
        if cross:
            self._draw_bars()
            self._show_probabilities()
            self._fill_terms()
        if archery or cross:
            # Its examples are this state's archers and distributions.
            self._update_explanation()

    def _unit(self) -> str:
        return unit_symbol(self.state.unit)

    def _draw_curves(self) -> None:
        unit = self.state.unit
        grid = model.hit_grid()
        self.entropy_curve.setData(grid, binary_entropy(grid, unit))
        ps = surprise_grid()
        self.surprise_curve.setData(ps, self_information(ps, unit))
        self.entropy_plot.setLabel("left", f"H(p)  [{self._unit()}]")
        self.surprise_plot.setLabel("left", f"−log p  [{self._unit()}]")
        top = float(binary_entropy(0.5, unit))
        self.entropy_plot.setYRange(0.0, top, padding=0.08)

    def _place_marker(self, name: str) -> None:
        p = float(self.state.get(name))
        marker = self.markers[name]
        with quiet(marker):
            marker.setPos(p, float(binary_entropy(p, self.state.unit)))

    def _draw_surprise_marks(self) -> None:
        unit = self.state.unit
        tops = [float(self_information(0.01, unit))]
        for name in ARCHER_NAMES:
            p = float(self.state.get(name))
            for item, prob, info in (
                (self.hit_marks[name], p, float(self_information(p, unit))),
                (self.miss_marks[name], 1.0 - p, float(complement_information(p, unit))),
            ):
                # An outcome of probability 0 would sit at −log 0 = ∞: it is in the table
                # and the explanation, not on the plot.
                if math.isfinite(info):
                    item.setData([prob], [info])
                    tops.append(info)
                else:
                    item.setData([], [])
        self.surprise_plot.setYRange(0.0, max(tops) * 1.1, padding=0.02)

    def _fill_archer_table(self) -> None:
        table = self.archer_table
        table.setHorizontalHeaderLabels(
            [tr("p(hit)", "panels"), tr("I(hit)", "panels"), tr("I(miss)", "panels"), "H"])
        self.archer_caption.setText(tr("Archery, in {0}:", "panels").format(
            unit_name(self.state.unit)))
        notes = self._archer_notes()
        self.archer_note.setText("".join(f"<p>{note}</p>" for note in notes))
        self.archer_note.setVisible(bool(notes))
        table.setVerticalHeaderLabels([tr("archer {0}", "panels").format(a)
                                       for a in ARCHER_NAMES.values()])
        for row, archer in enumerate(model.archers(self.state)):
            cells = (f"{archer.p_hit:.4g}", fmt(archer.info_hit), fmt(archer.info_miss),
                     fmt(archer.entropy))
            for col, text in enumerate(cells):
                self._set_cell(table, row, col, text)
        self._fit_table(table)

    @staticmethod
    def _set_cell(table: QTableWidget, row: int, col: int, text: str) -> None:
        item = table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, col, item)
        item.setText(text)

    @staticmethod
    def _fit_table(table: QTableWidget) -> None:
        """Make the column wide enough for every cell of ``table`` (grow only, so the column
        does not jitter as the numbers change length): no sideways scrolling in a table."""
        table.resizeColumnsToContents()
        need = (table.horizontalHeader().length() + table.verticalHeader().sizeHint().width()
                + 2 * table.frameWidth())
        if need > table.minimumWidth():
            table.setMinimumWidth(need)

    def _draw_bars(self) -> None:
        n = int(self.state.classes)
        for name, bars in self.bars.items():
            heights = np.asarray(self.state.get(name), dtype=float)
            bars.setOpts(x=np.arange(n) + BAR_OFFSET[name], height=heights, width=BAR_WIDTH)
        self.bars_plot.setXRange(-0.6, n - 0.4, padding=0.0)
        self.bars_plot.getAxis("bottom").setTicks(
            [[(i, str(i + 1)) for i in range(n)]])

    def _show_probabilities(self) -> None:
        n = int(self.state.classes)
        for row, label in enumerate(self.class_labels):
            label.setVisible(row < n)
        for boxes in self.probability_boxes.values():
            for row, box in enumerate(boxes):
                box.setVisible(row < n)  # the values: bind_element

    def _fill_terms(self) -> None:
        ce = model.cross_entropy_readout(self.state)
        n = len(ce.p)
        table = self.terms_table
        table.setRowCount(n + 1)
        table.setHorizontalHeaderLabels(
            ["pᵢ", "q1ᵢ", "−pᵢ log q1ᵢ", "q2ᵢ", "−pᵢ log q2ᵢ"])
        self.terms_caption.setText(tr("Term by term, in {0}:", "panels").format(
            unit_name(self.state.unit)))
        table.setVerticalHeaderLabels([str(i + 1) for i in range(n)] + ["Σ"])
        for i in range(n):
            cells = (f"{ce.p[i]:.4g}", f"{ce.q[0][i]:.4g}", fmt(ce.terms[0][i]),
                     f"{ce.q[1][i]:.4g}", fmt(ce.terms[1][i]))
            for col, text in enumerate(cells):
                self._set_cell(table, i, col, text)
        sums = ("1", "1", fmt(ce.cross_entropy[0]), "1", fmt(ce.cross_entropy[1]))
        for col, text in enumerate(sums):
            self._set_cell(table, n, col, text)
        self._fit_table(table)
        self.ce_summary.setText(self._summary_html(ce))

    def _ruled_out_notes(self, ce: model.CrossEntropyReadout) -> list[str]:
        """One note (rich text) per prediction that gives 0 to a class the target allows."""
        notes = []
        for k, name in enumerate(("q1", "q2")):
            ruled_out = [i + 1 for i in range(len(ce.p)) if ce.p[i] > 0 and ce.q[k][i] == 0]
            if ruled_out:
                classes = ", ".join(str(i) for i in ruled_out)
                notes.append(tr(
                    "<b>{0} gives probability 0 to class {1}</b>, which the target says can "
                    "happen. Its term −pᵢ log 0 is infinite, so H(p, {0}) = ∞: a model that is "
                    "certain an outcome is impossible pays an unbounded price when it happens. "
                    "This is why frameworks clip probabilities away from 0 (Keras uses "
                    "ε = 1e-7).", "panels").format(name, classes))
        return notes

    def _archer_notes(self) -> list[str]:
        """A note (rich text) for each archer whose hit or miss is impossible."""
        notes = []
        for name, letter in ARCHER_NAMES.items():
            p = float(self.state.get(name))
            if p in (0.0, 1.0):
                never = tr("misses", "panels") if p == 1.0 else tr("hits", "panels")
                outcome = tr("a miss", "panels") if p == 1.0 else tr("a hit", "panels")
                notes.append(tr(
                    "<b>Archer {0} never {1}</b> (p = {2:g}): {3} would carry −log 0 = ∞ "
                    "information, so it is shown as ∞ in the table and not plotted. His "
                    "result is certain, so his entropy is 0.", "panels").format(
                        letter, never, p, outcome))
        return notes

    def problem(self) -> str:
        """The ∞ read-outs explained in plain text ("" when every number is finite)."""
        notes = self._archer_notes() + self._ruled_out_notes(
            model.cross_entropy_readout(self.state))
        return " ".join(re.sub(r"<[^>]+>", "", note) for note in notes)

    def _summary_html(self, ce: model.CrossEntropyReadout) -> str:
        u = self._unit()
        lines = [f"H(p) = {fmt(ce.entropy_p)} {u}"]
        for k, name in enumerate(("q1", "q2")):
            lines.append(
                f"H(p, {name}) = {fmt(ce.cross_entropy[k])} {u} = H(p) + KL(p‖{name}) = "
                f"{fmt(ce.entropy_p)} + {fmt(ce.kl[k])}"
            )
        notes = self._ruled_out_notes(ce)
        h1, h2 = ce.cross_entropy
        if h1 != h2:
            closer, farther = ("q1", "q2") if h1 < h2 else ("q2", "q1")
            notes.append(tr(
                "{0} has the smaller cross-entropy: it is closer to the target. Both share the "
                "same H(p), so the whole difference is the divergence KL(p‖q).",
                "panels").format(closer, farther))
        else:
            notes.append(tr("Both predictions are equally far from the target.", "panels"))
        return "<br>".join(html.escape(line) for line in lines) + "".join(
            f"<p>{note}</p>" for note in notes)

    def _archer_sentence(self, a: model.ArcherReadout) -> str:
        """What one archer's hit and miss are worth, from his p (never a stock example)."""
        u = self._unit()
        if a.p_hit == 0.0:
            return tr("Archer {0} never hits (p = 0): a miss is certain and tells you nothing "
                      "(0 {1}).", "panels").format(a.name, u)
        if a.p_hit == 1.0:
            return tr("Archer {0} always hits (p = 1): a hit is certain and tells you nothing "
                      "(0 {1}).", "panels").format(a.name, u)
        return tr("Archer {0} hits with probability {1}: a hit carries {2} {4} of information "
                  "and a miss {3} {4}.", "panels").format(
            a.name, f"{a.p_hit:.4g}", f"{a.info_hit:.3g}", f"{a.info_miss:.3g}", u)

    def _update_explanation(self) -> None:
        unit = self.state.unit
        u = self._unit()
        base = {"bits": "2", "nats": "e", "hartleys": "10"}[unit]
        a, b = model.archers(self.state)
        archers_now = " ".join(self._archer_sentence(x) for x in (a, b))
        if a.entropy == b.entropy:
            harder = tr("Both results are equally hard to call ({0} {1} each).",
                        "panels").format(f"{a.entropy:.3g}", u)
        else:
            more, less = (a, b) if a.entropy > b.entropy else (b, a)
            harder = tr("{0}'s result is harder to call, so his entropy is higher ({1} {3}) "
                        "than {2}'s ({4} {3}).", "panels").format(
                more.name, f"{more.entropy:.3g}", less.name, u, f"{less.entropy:.3g}")
        ce = model.cross_entropy_readout(self.state)
        h1, h2 = ce.cross_entropy
        scores = tr("Here q1 scores H(p, q1) = {0} {2} and q2 scores H(p, q2) = {1} {2}.",
                    "panels").format(fmt(h1), fmt(h2), u)
        self.set_explanation(tr(
            "<h3>Information</h3>"
            "<p>The <b>self-information</b> of an outcome, I = −log p, measures how surprised "
            "you should be to see it. A sure thing (p = 1) tells you nothing; the rarer the "
            "outcome, the more it tells you. With the logarithm to base {0} it is counted in "
            "<b>{1}</b>.</p>"
            "<p>{2}</p>"
            "<h3>Entropy</h3>"
            "<p>The <b>entropy</b> H = −Σ p log p is the surprise you expect on average before "
            "the arrow flies, that is, how uncertain the result is (0·log 0 counts as 0). "
            "{3} A yes/no trial is most uncertain at p = ½, one bit. Drag an archer along the "
            "curve to see every number change.</p>"
            "<h3>Cross-entropy</h3>"
            "<p>The <b>cross-entropy</b> H(p, q) = −Σ pᵢ log qᵢ is the average surprise when "
            "the outcomes follow the target p but are scored by a prediction q. It is never "
            "below H(p), and the excess is the Kullback–Leibler divergence: "
            "H(p, q) = H(p) + KL(p‖q). With a one-hot target only the true class counts, so "
            "the cross-entropy is −log of the probability the prediction gave that class: the "
            "prediction that puts more weight where the target is has the smaller "
            "cross-entropy, which is why it works as a classification loss. {4}</p>"
            "<p>Editing one probability (spin box or bar) keeps that value and rescales the "
            "other classes to share the rest in their old proportions, so each distribution "
            "always sums to 1.</p>", "panels").format(
                base, unit_name(unit), html.escape(archers_now), html.escape(harder),
                html.escape(scores)))

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        u = self._unit()
        if plot is self.entropy_plot:
            return tr("Binary entropy:  p = {p:.4g},  H = {h:.4g} {unit}", "panels").format(
                p=x, h=y, unit=u)
        if plot is self.surprise_plot:
            return tr("Self-information:  p = {p:.4g},  −log p = {i:.4g} {unit}", "panels").format(
                p=x, i=y, unit=u)
        return tr("Cross-entropy:  class {k},  probability {p:.3g}", "panels").format(
            k=round(x) + 1, p=y)


View = EntropyPanel
