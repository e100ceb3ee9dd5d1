"""Risk lab panel: keystrokes → state → plots, state → controls, resample, own model, export."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from losslab.panels.risk import model as model
from losslab.panels.risk.view import RiskPanel
from plot_helpers import show_panel


@pytest.fixture
def panel(qtbot):
    return show_panel(qtbot, RiskPanel(model.RiskState()), 1300, 800)


def data(item):
    """The data as set (``getData`` would give log10 values on a log axis)."""
    return np.asarray(item.xData), np.asarray(item.yData)


def type_into_spin(qtbot, spin, text):
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Enter)


def test_first_draw_shows_the_model_numbers(panel):
    state = panel.state
    x, y = data(panel.sample_points)
    sx, sy = model.the_sample(state)
    np.testing.assert_array_equal(x, sx)
    np.testing.assert_array_equal(y, sy)
    s = model.sweep(state)
    np.testing.assert_array_equal(data(panel.expected_curve)[1], s.expected_risk)
    xs, ys = data(panel.model_curve)
    np.testing.assert_allclose(ys, np.polyval(s.fits[state.degree].power[::-1], xs), atol=1e-12)
    assert panel.degree_marker.value() == state.degree
    r = model.readout(state)
    assert f"{r['expected_risk']:.6g}" in panel.readout.text()


def test_typing_n_redraws_the_sample_and_the_fit(panel, qtbot):
    type_into_spin(qtbot, panel.findChild(object, "n"), "500")
    assert panel.state.n == 500
    assert len(data(panel.sample_points)[0]) == 500
    s = model.sweep(panel.state)
    np.testing.assert_array_equal(data(panel.train_curve)[1], s.train_risk)


def test_typing_degree_moves_marker_and_curve(panel, qtbot):
    type_into_spin(qtbot, panel.findChild(object, "degree"), "7")
    assert panel.state.degree == 7
    assert panel.degree_marker.value() == 7
    xs, ys = data(panel.model_curve)
    power = model.sweep(panel.state).fits[7].power
    np.testing.assert_allclose(ys, np.polyval(power[::-1], xs), atol=1e-9)


def test_arrow_key_steps_sigma(panel, qtbot):
    spin = panel.findChild(object, "sigma")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert panel.state.sigma == pytest.approx(0.55)


def test_state_changes_move_the_controls(panel):
    panel.state.update({"n": 1234, "degree": 9, "loss": "huber", "penalty": "l2", "lam": 0.02,
                        "coefficients": (0.5, -1.0)})
    assert panel.findChild(object, "n").value() == 1234
    assert panel.findChild(object, "degree").value() == 9
    assert panel.findChild(object, "loss").currentData() == "huber"
    assert panel.findChild(object, "penalty").currentData() == "l2"
    assert panel.findChild(object, "lam").value() == pytest.approx(0.02)
    assert panel.findChild(object, "coefficients").text() == "0.5,-1"
    assert panel.form.isRowVisible(panel.controls["huber_delta"])
    assert panel.form.isRowVisible(panel.controls["lam"])


def test_loss_combo_writes_state_and_shows_delta(panel, qtbot):
    combo = panel.findChild(object, "loss")
    assert not panel.controls["huber_delta"].isVisible()
    combo.setCurrentIndex(combo.findData("huber"))
    assert panel.state.loss == "huber"
    assert panel.controls["huber_delta"].isVisible()
    # Huber fits are iterative: the degree sweep arrives from the worker thread.
    qtbot.waitUntil(lambda: not panel.pending(), timeout=20_000)
    s = model.sweep(panel.state)
    assert s.fits[0].method == "newton+kkt"
    np.testing.assert_array_equal(data(panel.expected_curve)[1], s.expected_risk)


def test_own_coefficients_typed_in_replace_the_fit(panel, qtbot):
    panel.state.target = "line"
    box = panel.findChild(object, "coefficients")
    box.setFocus()
    qtbot.keyClicks(box, "0,1")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert panel.state.coefficients == (0, 1)
    xs, ys = data(panel.model_curve)
    np.testing.assert_allclose(ys, xs, atol=1e-15)
    assert panel.own_marker.isVisible() and not panel.degree_marker.isVisible()
    assert "0.583333" in panel.readout.text()
    # bad text is refused and the state is unchanged
    box.selectAll()
    qtbot.keyClicks(box, "1,zz")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert panel.state.coefficients == (0, 1)
    assert "allowed" in box.toolTip()


def test_resample_button_draws_a_new_sample(panel, qtbot):
    before = data(panel.sample_points)[1].copy()
    seed = panel.state.seed
    qtbot.mouseClick(panel.findChild(object, "risk_resample"), Qt.MouseButton.LeftButton)
    assert panel.state.seed == seed + 1
    assert panel.findChild(object, "seed").value() == seed + 1
    assert not np.array_equal(data(panel.sample_points)[1], before)


def test_heavy_plots_follow_after_the_event_loop(panel, qtbot):
    panel.state.coefficients = (0.0, 1.0)
    panel.state.target = "line"
    qtbot.waitUntil(lambda: not panel._heavy_timer.isActive())
    sp = model.spread(panel.state)
    np.testing.assert_array_equal(data(panel.band_high)[1], sp.mean + sp.std)
    np.testing.assert_allclose(data(panel.lln_expected)[1], 7 / 12, rtol=1e-12)
    sc = model.slope_curves(panel.state)
    np.testing.assert_array_equal(data(panel.slope_expected)[1], sc.expected)
    assert sc.expected_minimiser == pytest.approx(2.0, abs=1e-6)


def test_explanation_states_the_correct_relation(panel):
    text = panel.explanation.toPlainText()
    assert "stand-in" in text and "not an identity" in text


def test_export_json_and_png(panel, tmp_path):
    panel.export_to(tmp_path / "r.json")
    import json

    doc = json.loads((tmp_path / "r.json").read_text())
    assert doc["expected_risk"] == pytest.approx(model.readout(panel.state)["expected_risk"])
    panel.export_to(tmp_path / "r.png")
    assert (tmp_path / "r.png").stat().st_size > 10_000


def test_lambda_plot_shows_the_models_sweep_and_follows_a_typed_lambda(panel, qtbot):
    combo = panel.findChild(object, "penalty")
    combo.setCurrentIndex(combo.findData("l2"))
    assert panel.state.penalty == "l2"
    type_into_spin(qtbot, panel.findChild(object, "lam"), "0.05")
    assert panel.state.lam == pytest.approx(0.05)
    qtbot.waitUntil(lambda: not panel.pending())
    ls = model.lambda_sweep(panel.state)
    assert panel.lambda_plot in panel._plots and panel.lambda_plot.objectName() == "risk_lambda_plot"
    x, y = data(panel.lambda_expected)
    np.testing.assert_array_equal(x, ls.lams)
    np.testing.assert_array_equal(y, ls.expected_risk)
    np.testing.assert_array_equal(data(panel.lambda_train)[1], ls.train_risk)
    # the λ = 0 references sit at the unpenalised fit's risks (log axis: log10 values)
    assert panel.lambda_zero_expected.value() == pytest.approx(np.log10(ls.zero_expected_risk))
    assert panel.lambda_zero_train.value() == pytest.approx(np.log10(ls.zero.train_risk))
    assert panel.lambda_marker.isVisible()
    assert panel.lambda_marker.value() == pytest.approx(np.log10(0.05))
    assert "L2" in panel.lambda_plot.titleLabel.text
    # the sweep does not depend on λ: the marker moves, the curves stay
    type_into_spin(qtbot, panel.findChild(object, "lam"), "2")
    assert panel.lambda_marker.value() == pytest.approx(np.log10(2.0))
    assert model.lambda_sweep(panel.state) is ls
    # no penalty: no marker, and the title says L2 is what is swept
    combo.setCurrentIndex(combo.findData("none"))
    qtbot.waitUntil(lambda: not panel.pending())
    assert not panel.lambda_marker.isVisible()
    assert "L2" in panel.lambda_plot.titleLabel.text


def test_iterative_sweeps_arrive_from_the_worker_and_stale_ones_are_not_drawn(panel, qtbot):
    panel.state.update({"loss": "absolute", "n": 300, "seed": 77})
    # nothing shown for the new sample until its exact sweeps have arrived
    assert panel.pending()
    assert panel.is_pending(panel.degree_plot)
    assert panel.expected_curve.xData is None or len(panel.expected_curve.xData) == 0
    qtbot.waitUntil(lambda: panel.is_pending(panel.lln_plot), timeout=20_000)
    assert panel.band_high.yData is None or len(panel.band_high.yData) == 0  # nothing stale
    panel.state.seed = 78  # the sample changes while the first jobs run
    qtbot.waitUntil(lambda: not panel.pending(), timeout=60_000)
    assert not panel.is_pending(panel.degree_plot)
    s = model.sweep(panel.state)
    np.testing.assert_array_equal(data(panel.expected_curve)[1], s.expected_risk)
    ls = model.lambda_sweep(panel.state)
    np.testing.assert_array_equal(data(panel.lambda_expected)[1], ls.expected_risk)
    assert not panel.is_pending(panel.lambda_plot)
    # the resampling and slope plots (heavy under absolute loss) arrived from the worker too
    assert not panel.is_pending(panel.lln_plot) and not panel.is_pending(panel.slope_plot)
    sp = model.spread(panel.state)
    np.testing.assert_array_equal(data(panel.band_high)[1], sp.mean + sp.std)
    np.testing.assert_array_equal(data(panel.slope_expected)[1],
                                  model.slope_curves(panel.state).expected)
    # the read-out shows the fit of the current sample, which is also in the sweep
    r = model.readout(panel.state)
    assert r["expected_risk"] == pytest.approx(s.expected_risk[panel.state.degree], rel=1e-12)
    assert f"{r['expected_risk']:.6g}" in panel.readout.text()


def test_export_waits_for_the_worker_and_draws_its_result(panel, tmp_path):
    panel.state.update({"loss": "huber", "n": 200, "seed": 9})
    assert panel.pending()
    panel.export_to(tmp_path / "r.png")
    assert not panel.pending()
    assert not panel.is_pending(panel.degree_plot) and not panel.is_pending(panel.lambda_plot)
    np.testing.assert_array_equal(data(panel.expected_curve)[1],
                                  model.sweep(panel.state).expected_risk)
    np.testing.assert_array_equal(data(panel.lambda_expected)[1],
                                  model.lambda_sweep(panel.state).expected_risk)


def test_readout_shows_every_line_as_the_degree_grows_and_does_not_relayout_the_column(
        panel, qtbot):
    """The wrapped coefficient list is as tall as its text at its width (nothing cut, no
    blank), and new numbers of the same shape do not ask the control column to lay out again."""
    from PySide6.QtCore import QEvent, QObject

    coefficients = panel.readout.coefficients
    label = coefficients.label
    spin = panel.findChild(object, "degree")
    heights = {}
    for degree in ("0", "15"):
        type_into_spin(qtbot, spin, degree)
        qtbot.wait(10)
        assert label.height() == label.heightForWidth(label.width()) > 0
        assert coefficients.height() == label.height()
        assert label.width() == coefficients.width() >= 150
        assert label.text().count(",") == int(degree)  # every coefficient shown
        heights[degree] = label.height()
    assert heights["15"] > heights["0"]  # sixteen coefficients wrap onto more lines
    for value in panel.readout.values:  # each number whole in its fixed box
        assert value.fontMetrics().horizontalAdvance(value.text()) <= value.width()
    qtbot.wait(50)  # the layout that the new line count asked for

    class Count(QObject):
        requests = 0

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.LayoutRequest:
                Count.requests += 1
            return False

    counter = Count()
    panel.side.installEventFilter(counter)
    before = label.text()
    same_shape = before.translate(str.maketrans("0123456789", "9876543210"))
    coefficients.setText(same_shape)  # other numbers, same shape of text
    rows = [(lab.text(), 1234.5) for lab in panel.readout.labels]
    panel.readout.show_values(panel.readout.title.text(), same_shape, rows)
    qtbot.wait(10)
    assert label.text() == same_shape
    assert [v.text() for v in panel.readout.values] == ["1234.5"] * 4
    assert label.height() == heights["15"]
    assert Count.requests == 0
    coefficients.setText(before + "\none more line")  # a line more: the column re-lays out
    qtbot.wait(10)
    assert label.height() > heights["15"] and Count.requests > 0
    panel.side.removeEventFilter(counter)
