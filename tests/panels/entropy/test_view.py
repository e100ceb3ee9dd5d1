"""Information panel: controls → state → plots and tables, state → controls, dragging the archer
markers along H(p) and the distribution bars, explanations of ∞, export."""

from __future__ import annotations

import csv
import json
import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from losslab.maths.entropy import binary_entropy, self_information
from losslab.panels.entropy import model as model
from losslab.panels.entropy.view import EntropyPanel
from plot_helpers import drag, show_panel


@pytest.fixture
def panel(qtbot):
    return show_panel(qtbot, EntropyPanel(model.EntropyState()), 1400, 900)


def table_rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]




# ---------------------------------------------------------------------- first draw
def test_archery_numbers_in_bits_on_first_draw(panel):
    rows = table_rows(panel.archer_table)
    assert rows[0] == ["0.1", "3.321928", "0.152003", "0.468996"]
    assert rows[1] == ["0.999", "0.001443", "9.965784", "0.011408"]
    assert "bits" in panel.archer_caption.text()
    x, y = panel.entropy_curve.getData()
    np.testing.assert_allclose(x, model.hit_grid())
    np.testing.assert_allclose(y, binary_entropy(model.hit_grid(), "bits"))
    for name, p in (("archer_a", 0.1), ("archer_b", 0.999)):
        pos = panel.markers[name].pos()
        assert pos.x() == pytest.approx(p)
        assert pos.y() == pytest.approx(float(binary_entropy(p)))


def test_unit_combo_switches_every_number_to_nats(panel):
    combo = panel.findChild(object, "unit")
    combo.setCurrentIndex(combo.findData("nats"))
    assert panel.state.unit == "nats"
    rows = table_rows(panel.archer_table)
    assert rows[0][3] == "0.325083" and rows[1][3] == "0.007907"
    assert rows[0][1] == f"{math.log(10):.6f}"  # −ln 0.1
    assert "nats" in panel.archer_caption.text()
    _, y = panel.entropy_curve.getData()
    assert np.max(y) == pytest.approx(math.log(2))
    assert panel.markers["archer_a"].pos().y() == pytest.approx(0.325083, abs=1e-6)
    assert "0.693147 nats" in panel.ce_summary.text()
    assert "0.223144" in panel.ce_summary.text()
    assert "nats" in panel.explanation.toPlainText()
    panel.state.unit = "hartleys"
    assert combo.currentData() == "hartleys"
    assert table_rows(panel.archer_table)[0][1] == "1.000000"  # −log10 0.1


def test_surprise_plot_marks_hit_and_miss(panel):
    _, y_curve = panel.surprise_curve.getData()
    assert np.all(np.isfinite(y_curve)) and np.all(np.diff(y_curve) <= 0)  # −log p falls
    x, y = panel.hit_marks["archer_a"].getData()
    assert (x[0], y[0]) == pytest.approx((0.1, 3.321928), abs=1e-6)
    x, y = panel.miss_marks["archer_b"].getData()
    assert (x[0], y[0]) == pytest.approx((0.001, 9.965784), abs=1e-6)


# ---------------------------------------------------------------------- archers both ways
def test_spin_box_writes_state_and_moves_marker_and_table(panel):
    panel.findChild(object, "archer_a").setValue(0.5)
    assert panel.state.archer_a == 0.5
    assert panel.markers["archer_a"].pos().y() == pytest.approx(1.0)
    assert table_rows(panel.archer_table)[0] == ["0.5", "1.000000", "1.000000", "1.000000"]


def test_state_change_moves_spin_box_and_marker(panel):
    panel.state.archer_b = 0.25
    assert panel.findChild(object, "archer_b").value() == pytest.approx(0.25)
    assert panel.markers["archer_b"].pos().x() == pytest.approx(0.25)
    x, y = panel.hit_marks["archer_b"].getData()
    assert y[0] == pytest.approx(2.0)  # −log2 ¼


def test_marker_moved_off_the_curve_snaps_back_onto_it(panel):
    marker = panel.markers["archer_a"]
    marker.setPos(0.3, 0.9)  # what TargetItem's drag does: setPos → sigPositionChanged
    assert panel.state.archer_a == pytest.approx(0.3)
    assert marker.pos().y() == pytest.approx(float(binary_entropy(0.3)))
    assert panel.findChild(object, "archer_a").value() == pytest.approx(0.3)
    marker.setPos(1.7, 0.0)  # past the end: clamped to p = 1
    assert panel.state.archer_a == 1.0
    assert (marker.pos().x(), marker.pos().y()) == (1.0, 0.0)
    assert table_rows(panel.archer_table)[0][2] == "∞"  # a miss has probability 0
    assert len(panel.miss_marks["archer_a"].getData()[0]) == 0  # ∞ is not plotted
    assert panel.archer_note.isVisibleTo(panel)
    assert "Archer A never misses" in panel.archer_note.text()
    assert "Archer A never misses" in panel.problem()
    panel.state.archer_a = 0.0
    assert "Archer A never hits" in panel.archer_note.text()
    panel.state.archer_a = 0.2
    assert not panel.archer_note.isVisibleTo(panel) and panel.problem() == ""


def test_mouse_drag_of_an_archer_updates_every_number_at_once(panel, qtbot):
    state = panel.state
    heard = []
    state.subscribe(heard.append)
    before = table_rows(panel.archer_table)[0]
    drag(panel, panel.entropy_plot, (0.1, float(binary_entropy(0.1))), (0.5, 0.6))
    p = state.archer_a
    assert p == pytest.approx(0.5, abs=0.02)
    assert heard and all(c == frozenset({"archer_a"}) for c in heard)
    marker = panel.markers["archer_a"]
    assert marker.pos().x() == pytest.approx(p)
    assert marker.pos().y() == pytest.approx(float(binary_entropy(p)))  # on the curve
    row = table_rows(panel.archer_table)[0]
    assert row != before
    assert row[1:] == [f"{float(self_information(p)):.6f}",
                       f"{float(self_information(1 - p)):.6f}",
                       f"{float(binary_entropy(p)):.6f}"]
    assert panel.hit_marks["archer_a"].getData()[0][0] == pytest.approx(p)
    assert panel.miss_marks["archer_a"].getData()[0][0] == pytest.approx(1 - p)
    assert panel.findChild(object, "archer_a").value() == pytest.approx(p, abs=1e-4)
    assert state.archer_b == 0.999


# ---------------------------------------------------------------------- distributions
def test_probability_spin_box_rescales_the_other_classes(panel):
    box = panel.findChild(object, "q1:0")
    box.setValue(0.8)
    q1 = panel.state.q1
    assert q1[0] == pytest.approx(0.8)
    assert q1[1] / q1[2] == pytest.approx(0.2 / 0.3)
    assert sum(q1) == pytest.approx(1.0)
    assert panel.findChild(object, "q1:1").value() == pytest.approx(q1[1], abs=1e-3)
    _, heights = panel.bars["q1"].getData()
    np.testing.assert_allclose(heights, q1)
    # q1 is now q2's neighbour in quality: 0.8 on the true class gives the same H.
    h1, h2 = model.cross_entropy_readout(panel.state).cross_entropy
    assert h1 == pytest.approx(h2)
    assert "equally far" in panel.ce_summary.text()


def test_state_change_moves_probability_boxes_and_bars(panel):
    panel.state.q2 = (0.1, 0.6, 0.3)
    assert [panel.findChild(object, f"q2:{i}").value() for i in range(3)] == \
        pytest.approx([0.1, 0.6, 0.3])
    x, heights = panel.bars["q2"].getData()
    np.testing.assert_allclose(heights, [0.1, 0.6, 0.3])
    np.testing.assert_allclose(x, np.arange(3) + 0.27)


def test_mouse_drag_of_a_bar_sets_that_probability(panel):
    # Class 2 of q1 (x = 1.0) from 0.2 up to 0.6: the others share the remaining 0.4.
    drag(panel, panel.bars_plot, (1.0, 0.1), (1.0, 0.6))
    q1 = panel.state.q1
    assert q1[1] == pytest.approx(0.6, abs=0.02)
    assert q1[0] / q1[2] == pytest.approx(0.5 / 0.3)
    assert sum(q1) == pytest.approx(1.0)
    np.testing.assert_allclose(panel.bars["q1"].getData()[1], q1)
    assert panel.state.p == (1.0, 0.0, 0.0) and panel.state.q2 == (0.8, 0.1, 0.1)


def test_a_zero_bar_can_be_picked_up(panel):
    drag(panel, panel.bars_plot, (0.73, 0.02), (0.73, 0.4))  # class 2 of the target (p = 0)
    assert panel.state.p[1] == pytest.approx(0.4, abs=0.02)
    assert panel.state.p[0] == pytest.approx(1 - panel.state.p[1])


def test_classes_spin_box_resizes_everything(panel):
    panel.findChild(object, "classes").setValue(5)
    s = panel.state
    assert len(s.p) == len(s.q1) == len(s.q2) == 5
    assert len(panel.bars["p"].getData()[1]) == 5
    assert panel.findChild(object, "q2:4").isVisibleTo(panel)
    assert not panel.findChild(object, "q2:5").isVisibleTo(panel)
    assert panel.terms_table.rowCount() == 6  # five classes and the sum
    s.classes = 2
    assert not panel.findChild(object, "p:2").isVisibleTo(panel)


def test_terms_table_sums_to_the_cross_entropy(panel):
    ce = model.cross_entropy_readout(panel.state)
    rows = table_rows(panel.terms_table)
    assert rows[0] == ["1", "0.5", "1.000000", "0.8", f"{-math.log2(0.8):.6f}"]
    assert rows[1][2] == "0.000000"  # 0·log q = 0
    assert rows[-1][2] == "1.000000" and rows[-1][4] == f"{ce.cross_entropy[1]:.6f}"
    text = panel.ce_summary.text()
    assert "H(p, q1) = 1.000000 bits = H(p) + KL(p‖q1) = 0.000000 + 1.000000" in text
    assert "q2 has the smaller cross-entropy" in text


def test_infinite_cross_entropy_is_explained(panel):
    panel.state.q1 = (0.0, 0.5, 0.5)
    text = panel.ce_summary.text()
    assert "H(p, q1) = ∞" in text
    assert "q1 gives probability 0 to class 1" in text
    assert table_rows(panel.terms_table)[0][2] == "∞"
    assert "q2 has the smaller cross-entropy" in text
    assert "q1 gives probability 0 to class 1" in panel.problem()
    assert "<b>" not in panel.problem()  # plain text for the window / tests


# ---------------------------------------------------------------------- reset and export
def test_reset_button_restores_defaults_with_one_redraw(panel, qtbot):
    state = panel.state
    state.update({"archer_a": 0.7, "unit": "nats", "classes": 4})
    calls = []
    state.subscribe(calls.append)
    qtbot.mouseClick(panel.findChild(object, "entropy_reset"), Qt.MouseButton.LeftButton)
    assert state.values() == model.EntropyState().values()
    assert len(calls) == 1
    assert table_rows(panel.archer_table)[0][3] == "0.468996"


def test_export_png_svg_csv_json(panel, tmp_path):
    panel.export_to(tmp_path / "f.png", width=1200)
    image = QImage(str(tmp_path / "f.png"))
    assert image.width() == 1200 and image.height() > 300
    panel.export_to(tmp_path / "f.svg")
    svg = (tmp_path / "f.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    panel.state.update({"unit": "nats", "q1": (0.0, 0.5, 0.5)})
    panel.export_to(tmp_path / "f.csv")
    with open(tmp_path / "f.csv", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["p", "entropy", "info_hit", "info_miss"]
    assert len(rows) == model.GRID_POINTS + 1
    assert float(rows[101][1]) == pytest.approx(0.325083, abs=1e-6)  # p = 0.1, nats
    panel.export_to(tmp_path / "f.json")
    doc = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert doc["unit"] == "nats"
    assert doc["cross_entropy"]["cross_entropy"][0] == "inf"
    assert doc["cross_entropy"]["cross_entropy"][1] == pytest.approx(0.223144, abs=1e-6)
    assert doc["archers"][0]["entropy"] == pytest.approx(0.325083, abs=1e-6)


def test_cursor_readout(panel, qtbot):
    vb = panel.entropy_plot.getViewBox()
    with qtbot.waitSignal(panel.cursor_text) as blocker:
        panel._on_mouse_moved(vb.mapViewToScene(QPointF(0.25, 0.5)))
    assert "p = 0.25" in blocker.args[0] and "bits" in blocker.args[0]
