"""Cross-entropy panel: batch table ↔ state, bars, pipeline, comparison, copy code, export."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from losslab.maths import cross_entropy as ce
from losslab.panels.cross_entropy import model as model
from losslab.panels.cross_entropy.view import CrossEntropyPanel, fmt_loss
from plot_helpers import show_panel


@pytest.fixture
def panel(qtbot):
    return show_panel(qtbot, CrossEntropyPanel(model.CrossEntropyState()), 1300, 800)


def bar_heights(panel):
    c = len(panel.state.logits[0])
    return np.array([panel.bars[j].opts["height"] for j in range(c)]).T


def table_text(table: QTableWidget):
    return [[table.item(i, j).text() for j in range(table.columnCount())]
            for i in range(table.rowCount())]


def edit_cell(panel, row, col, text):
    panel.batch.item(row, col).setText(text)  # what typing into the cell ends with


def test_first_draw_equals_the_model(panel):
    np.testing.assert_allclose(bar_heights(panel), ce.softmax(np.array(panel.state.logits)))
    assert table_text(panel.batch) == [["2", "1", "0.1", "0"], ["0.5", "2.5", "0.3", "1"]]
    values = panel.comparison_values()
    assert set(values) == {"manual", "pytorch", "keras_categorical", "keras_sparse",
                           "keras_categorical_probs"}
    assert set(values.values()) == {"0.31854"}
    marks = panel.target_marks.getData()
    x = panel.bar_positions()
    np.testing.assert_allclose(marks[0], [x[0, 0], x[1, 1]])
    np.testing.assert_allclose(marks[1], [1.0, 1.0])
    assert "Every framework prints the same loss" in panel.explanation.toPlainText()


def test_editing_a_logit_cell_writes_the_state_and_redraws(panel):
    edit_cell(panel, 1, 0, "4")
    assert panel.state.logits == ((2.0, 1.0, 0.1), (4.0, 2.5, 0.3))
    np.testing.assert_allclose(bar_heights(panel)[1], ce.softmax(np.array([[4.0, 2.5, 0.3]]))[0])
    want = model.compute(panel.state).value("pytorch")
    assert panel.comparison_values()["pytorch"] == fmt_loss(want)


def test_editing_the_target_cell(panel):
    edit_cell(panel, 0, 3, "2")
    assert panel.state.targets == (2, 1)
    edit_cell(panel, 0, 3, "9")  # out of range: clamped to the last class, shown as such
    assert panel.state.targets == (2, 1)
    assert panel.batch.item(0, 3).text() == "2"
    edit_cell(panel, 0, 3, "-100")  # the ignore_index is a valid target
    assert panel.state.targets == (-100, 1)
    assert "does not count" in panel.pipeline.toPlainText()


def test_text_that_is_not_a_number_is_refused(panel):
    before = panel.state.values()
    edit_cell(panel, 0, 1, "abc")
    assert panel.state.values() == before
    assert panel.batch.item(0, 1).text() == "1"
    assert "not a number" in panel.status.text()


def test_state_change_refills_the_table_without_echo(panel):
    calls = []
    panel.state.subscribe(calls.append)
    panel.state.update({"logits": ((1.0, 2.0), (3.0, 4.0), (5.0, 6.0)), "targets": (1, 0, 1)})
    assert len(calls) == 1  # refilling the table did not write back into the state
    assert table_text(panel.batch) == [["1", "2", "1"], ["3", "4", "0"], ["5", "6", "1"]]
    assert panel.findChild(object, "logits").text() == "1,2;3,4;5,6"
    assert not panel.bars[2].isVisible()


def test_row_and_class_buttons(panel, qtbot):
    click = lambda name: qtbot.mouseClick(panel.buttons[name], Qt.MouseButton.LeftButton)  # noqa: E731
    click("add_row")
    assert len(panel.state.logits) == 3 and panel.state.targets == (0, 1, 0)
    assert panel.batch.rowCount() == 3
    click("add_class")
    assert len(panel.state.logits[0]) == 4 and panel.batch.columnCount() == 5
    click("remove_class")
    click("remove_class")
    assert len(panel.state.logits[0]) == 2
    assert not panel.buttons["remove_class"].isEnabled()  # categorical needs two classes
    click("remove_row")
    click("remove_row")
    assert len(panel.state.logits) == 1 and not panel.buttons["remove_row"].isEnabled()


def test_weights_show_the_weighted_mean_and_the_keras_difference(panel):
    panel.findChild(object, "weight").setText("1,2,1")
    panel.findChild(object, "weight").editingFinished.emit()
    assert panel.state.weight == (1.0, 2.0, 1.0)
    values = panel.comparison_values()
    assert values["pytorch"] == "0.28571" and values["keras_sparse"] == "0.428565"
    text = panel.pipeline.toPlainText()
    assert "0.857129 / 3" in text and "0.28571" in text
    assert "sum of the targets' weights (3)" in panel.explanation.toPlainText()


def test_naive_softmax_with_extreme_logits(panel):
    panel.state.logits = ((1000.0, -1000.0, 0.0), (0.5, 2.5, 0.3))
    assert panel.comparison_values()["manual"] == panel.comparison_values()["keras_sparse"]
    panel.findChild(object, "subtract_max").setChecked(False)
    assert panel.state.subtract_max is False
    values = panel.comparison_values()
    assert values["manual"] == "∞"  # row 0: log p = 1000 − log(∞) = −∞
    assert values["pytorch"] == fmt_loss(model.compute(panel.state).value("pytorch"))
    assert "∞" in panel.pipeline.toPlainText()
    assert "overflowed" in panel.explanation.toPlainText()
    assert np.isfinite(bar_heights(panel)).all()  # NaN bars are drawn as 0


def test_binary_mode(panel):
    panel.findChild(object, "mode").setCurrentIndex(1)
    assert panel.state.mode == "binary"
    assert panel.batch.columnCount() == 6
    assert panel.batch.horizontalHeaderItem(3).text() == "y0"
    np.testing.assert_allclose(bar_heights(panel), ce.sigmoid(np.array(panel.state.logits)))
    assert set(panel.comparison_values()) == {"manual_clipped", "pytorch_bce", "keras_binary",
                                              "keras_binary_probs"}
    assert not panel.controls["targets"].isVisibleTo(panel)
    assert panel.controls["binary_targets"].isVisibleTo(panel)
    edit_cell(panel, 0, 4, "1")  # label of row 0, cell 1
    assert panel.state.binary_targets[0] == (1.0, 1.0, 0.0)
    np.testing.assert_allclose(panel.target_marks.getData()[1], [1, 1, 0, 0, 1, 0])


def test_from_logits_off_converts_the_table(panel):
    panel.findChild(object, "from_logits").setChecked(False)
    np.testing.assert_allclose(panel.state.logits, ce.softmax(np.array([[2, 1, 0.1],
                                                                        [0.5, 2.5, 0.3]])),
                               rtol=1e-5)
    assert panel.batch.horizontalHeaderItem(0).text() == "p0"
    assert not panel.controls["subtract_max"].isVisibleTo(panel)
    values = panel.comparison_values()
    assert values["pytorch"] == values["keras_sparse"]


@pytest.mark.parametrize("framework", ["pytorch", "keras"])
def test_copy_code_puts_the_snippet_on_the_clipboard(panel, qtbot, framework):
    panel.state.update({"weight": (1.0, 2.0, 1.0), "reduction": "sum"})
    QApplication.clipboard().setText("")
    qtbot.mouseClick(panel.findChild(object, f"copy_{framework}"), Qt.MouseButton.LeftButton)
    text = QApplication.clipboard().text()
    assert text == model.snippet(panel.state, framework)
    assert "[[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]]" in text
    assert "Copied" in panel.status.text()


def test_json_export_equals_the_model(panel, tmp_path):
    panel.state.update({"targets": (0, -100), "label_smoothing": 0.1})
    out = tmp_path / "ce.json"
    panel.export_to(out)
    doc = json.loads(out.read_text())
    assert doc["pytorch"] == pytest.approx(model.summary(panel.state)["pytorch"], rel=1e-15)
    assert doc["nll"][1] is None


def test_png_export(panel, tmp_path):
    out = tmp_path / "ce.png"
    panel.export_to(out, width=800)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_reset_button(panel, qtbot):
    panel.state.update({"mode": "binary", "weight": (1.0, 1.0, 2.0)})
    qtbot.mouseClick(panel.findChild(object, "cross_entropy_reset"), Qt.MouseButton.LeftButton)
    assert panel.state.values() == model.CrossEntropyState().values()
    assert panel.batch.columnCount() == 4


def test_problem_label_explains_non_finite_values(panel):
    assert not panel.problem_label.isVisibleTo(panel) and panel.problem() == ""
    panel.state.update({"logits": ((1000.0, -1000.0, 0.0), (0.5, 2.5, 0.3)),
                        "subtract_max": False})
    assert panel.problem_label.isVisibleTo(panel)
    assert panel.problem_label.text() == panel.problem() != ""
    panel.state.subtract_max = True
    assert not panel.problem_label.isVisibleTo(panel)
