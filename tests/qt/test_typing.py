"""Typed numbers mean what was typed: a spin box commits finished text only (Enter, focus-out,
arrows), holds and shows exactly the typed value, refuses out-of-range text with the allowed
range, and a space never wipes it.  Driven with real keystrokes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from losslab.panels.losses import model as losses_model
from losslab.panels.losses.view import LossCurvesPanel
from losslab.panels.neuron import model as neuron_model
from losslab.panels.neuron.view import NeuronPanel
from losslab.qt.binding import FloatBox, IntBox


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def losses(qtbot):
    return _shown(qtbot, LossCurvesPanel(losses_model.LossCurvesState()))


@pytest.fixture
def neuron(qtbot):
    return _shown(qtbot, NeuronPanel(neuron_model.NeuronState()))


def type_into(qtbot, spin, text: str, finish=Qt.Key.Key_Return) -> None:
    """Click into the box, select all, type ``text`` key by key, then press ``finish``."""
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin.lineEdit(), text)
    if finish is not None:
        qtbot.keyClick(spin, finish)


@pytest.mark.parametrize("text, expected", [("0.75", 0.75), ("2.5", 2.5), ("-1.125", -1.125),
                                            ("0.123456789", 0.123456789)])
def test_typed_probe_is_held_exactly(qtbot, losses, text, expected):
    spin = losses.controls["probe"]
    type_into(qtbot, spin, text)
    assert losses.state.probe == expected
    assert spin.value() == expected
    assert spin.lineEdit().text() == text


def test_typed_learning_rate_is_held_exactly(qtbot, neuron):
    spin = neuron.controls["eta"]
    type_into(qtbot, spin, "0.15")
    type_into(qtbot, spin, "0.125")
    assert neuron.state.eta == 0.125
    type_into(qtbot, spin, "0.0003")
    assert neuron.state.eta == 0.0003
    assert spin.lineEdit().text() == "0.0003"


def test_nothing_is_applied_while_typing(qtbot, losses):
    state = losses.state
    state.probe = 2.0
    spin = losses.controls["x_max"]
    type_into(qtbot, spin, "15", finish=None)
    # Half-way ("1") nothing happened: the probe was not pulled down to 1.
    assert state.x_max == 3.0 and state.probe == 2.0
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert state.x_max == 15.0
    assert state.probe == 2.0


def test_focus_out_commits_finished_text(qtbot, losses):
    spin = losses.controls["huber_delta"]
    losses.state.mode = "residual"
    type_into(qtbot, spin, "0.35", finish=None)
    assert losses.state.huber_delta == 1.0
    losses.controls["epsilon"].setFocus()
    qtbot.waitUntil(lambda: losses.state.huber_delta == 0.35)


def test_out_of_range_text_is_refused_and_says_what_is_allowed(qtbot, neuron):
    spin = neuron.controls["epochs"]
    assert isinstance(spin, IntBox)
    type_into(qtbot, spin, "999999")
    assert neuron.state.epochs == 300
    assert spin.lineEdit().text() == "999999"  # not cut to 9999, not replaced
    assert "999999" in spin.error and "from 1 to 10000" in spin.error
    assert spin.property("invalid") is True
    assert "from 1 to 10000" in spin.toolTip()
    note = neuron.findChild(object, "epochs_problem")
    assert note.isVisible() and "from 1 to 10000" in note.text()
    # Correcting it commits and clears the message.
    type_into(qtbot, spin, "500")
    assert neuron.state.epochs == 500 and spin.error == "" and not note.isVisible()


def test_out_of_range_float_is_refused_on_focus_out_too(qtbot, neuron):
    spin = neuron.controls["y"]
    type_into(qtbot, spin, "1.5", finish=None)
    neuron.controls["x"].setFocus()
    qtbot.waitUntil(lambda: spin.error != "")
    assert neuron.state.y == 0.0
    assert "from 0 to 1" in spin.error
    assert spin.value() == 0.0


def test_probe_range_follows_the_plotted_range(qtbot, losses):
    spin = losses.controls["probe"]
    type_into(qtbot, spin, "5")
    assert losses.state.probe == 0.0
    assert "from -3 to 3" in spin.error
    losses.state.x_max = 6.0
    type_into(qtbot, spin, "5")
    assert losses.state.probe == 5.0 and spin.error == ""


def test_space_does_not_wipe_a_focused_box(qtbot, losses):
    spin = losses.controls["probe"]
    type_into(qtbot, spin, "0.5")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Space)
    assert spin.lineEdit().text() == "0.5"
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert losses.state.probe == 0.5


def test_letters_are_not_taken(qtbot, losses):
    spin = losses.controls["probe"]
    type_into(qtbot, spin, "1x.2y5")
    assert losses.state.probe == 1.25


def test_arrow_keys_commit_and_stay_on_the_decimal_grid(qtbot, neuron):
    spin = neuron.controls["eta"]
    assert isinstance(spin, FloatBox)
    type_into(qtbot, spin, "0.15", finish=None)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert neuron.state.eta == 0.2  # 0.15 + 0.05 without binary noise
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert neuron.state.eta == 0.25
    assert spin.lineEdit().text() == "0.25"


def test_speed_box_in_the_playback_bar_keeps_its_unit(qtbot, neuron):
    spin = neuron.playback.speed_box
    type_into(qtbot, spin, "45")
    assert neuron.state.speed == 45.0
    assert spin.text().startswith("45 ")
