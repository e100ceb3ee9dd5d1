"""Regression panel: batch table ↔ state (typed keystrokes), dragged bars, shares, tabs, code,
export."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTableWidget

from losslab.panels.regression import model as model
from losslab.panels.regression.view import RegressionPanel, fmt_loss
from plot_helpers import drag, show_panel


@pytest.fixture
def panel(qtbot):
    return show_panel(qtbot, RegressionPanel(model.RegressionState()), 1300, 800)


def table_text(table: QTableWidget):
    return [[table.item(i, j).text() for j in range(table.columnCount())]
            for i in range(table.rowCount())]


def type_into_cell(qtbot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """What a user does: select the cell, type (the first key opens the editor), press Enter."""
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClicks(table, text[0])
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the editor's text through a queued call.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)




def test_first_draw_equals_the_model(panel):
    s = panel.state
    np.testing.assert_array_equal(panel.prediction_bars.opts["height"], np.ravel(s.predictions))
    np.testing.assert_array_equal(panel.prediction_bars.opts["x"], panel.bar_positions().ravel())
    np.testing.assert_array_equal(panel.target_marks.getData()[1], np.ravel(s.targets))
    assert table_text(panel.batch) == [["0.5", "1.5", "3", "1", "1", "1"],
                                       ["2", "-1", "0", "0", "0", "4"]]
    values = panel.comparison_values()
    assert values["pytorch.mse"] == "25.5" and values["keras.mean_squared_error"] == "8.5"
    assert values["pytorch.l1"] == "10" and values["keras.log_cosh"] == "2.2104"
    r = model.compute(s)
    for key, heights in panel.share_heights().items():
        np.testing.assert_allclose(heights, r.share[key] * 100, rtol=1e-15)
    text = panel.explanation.toPlainText()
    assert "PyTorch's sum is 3 times Keras'" in text and "½r², not r²" in text
    assert panel.elements.rowCount() == 6
    assert panel.elements.item(5, 4).text() == "-4" and panel.elements.item(5, 9).text() == \
        "3.30719"


def test_typing_a_prediction_updates_every_number(panel, qtbot):
    type_into_cell(qtbot, panel.batch, 1, 2, "4")  # sample 1, output 2: now on target
    assert panel.state.predictions == ((0.5, 1.5, 3.0), (2.0, -1.0, 4.0))
    # squared: .25 .25 4 | 4 1 0 = 9.5 (PyTorch sum), per sample 1.5 and 5/3 (Keras).
    values = panel.comparison_values()
    assert values["pytorch.mse"] == "9.5"
    assert values["keras.mean_squared_error"] == fmt_loss(1.5 + 5 / 3)
    assert panel.prediction_bars.opts["height"][5] == 4.0
    assert panel.batch.item(1, 2).text() == "4"


def test_typing_a_target(panel, qtbot):
    type_into_cell(qtbot, panel.batch, 0, 3, "-2.5")  # t0 of sample 0
    assert panel.state.targets[0] == (-2.5, 1.0, 1.0)
    assert panel.target_marks.getData()[1][0] == -2.5
    assert panel.elements.item(0, 4).text() == "3"  # r = 0.5 − (−2.5)


def test_text_that_is_not_a_number_is_refused(panel, qtbot):
    before = panel.state.values()
    type_into_cell(qtbot, panel.batch, 0, 1, "abc")
    assert panel.state.values() == before
    assert panel.batch.item(0, 1).text() == "1.5"
    assert "not a number" in panel.status.text()


def test_state_change_refills_the_table_without_echo(panel):
    calls = []
    panel.state.subscribe(calls.append)
    panel.state.update({"predictions": ((1.0,), (2.0,), (3.0,)), "targets": ((0.0,),) * 3})
    assert len(calls) == 1  # refilling the tables did not write back into the state
    assert table_text(panel.batch) == [["1", "0"], ["2", "0"], ["3", "0"]]
    assert panel.findChild(object, "predictions").text() == "1;2;3"
    assert "averaging over the last axis changes nothing" in panel.explanation.toPlainText()
    values = panel.comparison_values()
    assert values["pytorch.mse"] == values["keras.mean_squared_error"] == "14"


def test_dragging_a_bar_moves_that_prediction(panel, qtbot):
    x = panel.bar_positions()
    drag(panel, panel.values_plot, (x[1, 2], 0.0), (x[1, 2], 3.0))
    p = panel.state.predictions
    assert p[0] == (0.5, 1.5, 3.0) and p[1][:2] == (2.0, -1.0)
    assert p[1][2] == pytest.approx(3.0, abs=0.05)  # within a pixel or two
    r = model.compute(panel.state)
    assert panel.comparison_values()["pytorch.mse"] == fmt_loss(r.value("pytorch", "mse"))
    assert panel.prediction_bars.opts["height"][5] == p[1][2]
    assert panel.batch.item(1, 2).text() == f"{p[1][2]:.6g}"
    assert panel.prediction_bars.dragging is None


def test_reduction_none_shows_each_frameworks_shape(panel):
    combo = panel.findChild(object, "reduction")
    combo.setCurrentIndex(combo.findData("none"))
    assert panel.state.reduction == "none"
    values = panel.comparison_values()
    assert values["pytorch.mse"] == "0.25, 0.25, 4; 4, 1, 16"
    assert values["keras.mean_squared_error"] == "1.5, 7"
    assert "one loss per element" in panel.explanation.toPlainText()
    assert "reduction=none" in panel.steps.toPlainText()


def test_huber_delta_typed_into_its_spin_box(panel, qtbot):
    spin = panel.findChild(object, "huber_delta")
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "3")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Enter)
    assert panel.state.huber_delta == 3.0
    # Huber δ = 3: .125 .125 2 | 2 .5 3·(4 − 1.5) = 7.5 → 12.25.
    assert panel.comparison_values()["pytorch.huber"] == "12.25"
    assert "HuberLoss(delta=3)" in panel.steps.toPlainText()


def test_row_and_output_buttons(panel, qtbot):
    click = lambda name: qtbot.mouseClick(panel.buttons[name], Qt.MouseButton.LeftButton)  # noqa: E731
    click("add_row")
    assert len(panel.state.predictions) == 3 and panel.state.targets[2] == (0.0, 0.0, 4.0)
    assert panel.batch.rowCount() == 3 and len(panel.share_heights()["squared"]) == 3
    click("add_output")
    assert len(panel.state.predictions[0]) == 4 and panel.batch.columnCount() == 8
    for _ in range(3):
        click("remove_output")
    assert len(panel.state.targets[0]) == 1 and not panel.buttons["remove_output"].isEnabled()
    click("remove_row")
    click("remove_row")
    assert len(panel.state.predictions) == 1 and not panel.buttons["remove_row"].isEnabled()


@pytest.mark.parametrize("framework", ["pytorch", "keras"])
def test_copy_code_puts_the_snippet_on_the_clipboard(panel, qtbot, framework):
    panel.state.update({"reduction": "mean", "beta": 0.5})
    QApplication.clipboard().setText("")
    qtbot.mouseClick(panel.findChild(object, f"copy_{framework}"), Qt.MouseButton.LeftButton)
    text = QApplication.clipboard().text()
    assert text == model.snippet(panel.state, framework)
    assert "[[0.5, 1.5, 3.0], [2.0, -1.0, 0.0]]" in text
    assert "Copied" in panel.status.text()


def test_json_and_csv_export_equal_the_model(panel, tmp_path):
    panel.state.update({"reduction": "none", "huber_delta": 0.5})
    out = tmp_path / "reg.json"
    panel.export_to(out)
    doc = json.loads(out.read_text())
    assert doc["pytorch"] == model.summary(panel.state)["pytorch"]
    assert doc["keras"]["huber"] == model.summary(panel.state)["keras"]["huber"]
    csv_out = tmp_path / "reg.csv"
    panel.export_to(csv_out)
    assert csv_out.read_text().splitlines()[0].startswith("sample,output,prediction,target")


def test_png_and_svg_export(panel, tmp_path):
    out = tmp_path / "reg.png"
    panel.export_to(out, width=800)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = tmp_path / "reg.svg"
    panel.export_to(svg)
    assert "<svg" in svg.read_text()[:2000]


def test_reset_button(panel, qtbot):
    panel.state.update({"reduction": "mean", "predictions": ((1.0,),), "targets": ((2.0,),)})
    qtbot.mouseClick(panel.findChild(object, "regression_reset"), Qt.MouseButton.LeftButton)
    assert panel.state.values() == model.RegressionState().values()
    assert panel.batch.columnCount() == 6
