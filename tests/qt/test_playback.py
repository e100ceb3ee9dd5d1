"""The reusable playback bar and timer, on a minimal animated state of its own."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from losslab.core.animation import AnimationState
from losslab.core.params import Kind, ParamSpec, Value
from losslab.core.state import Field
from losslab.qt.playback import MIN_INTERVAL_MS, PlaybackBar, PlaybackController


class RunState(AnimationState):
    """A run of ``steps`` frames: the smallest state the playback bar can drive."""

    steps = Field(ParamSpec("steps", "Steps", Kind.INT, 50, 1, 10_000))

    def n_frames(self, values: Mapping[str, Value]) -> int:
        return int(values["steps"]) + 1


@pytest.fixture
def host(qtbot):
    state = RunState()
    panel = QWidget()
    layout = QVBoxLayout(panel)
    editor = QLineEdit(panel)
    editor.setObjectName("editor")
    layout.addWidget(editor)
    bar = PlaybackBar(state, panel, unit="step")
    layout.addWidget(bar)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, bar, state


def test_bar_shows_the_state(host):
    _panel, bar, state = host
    assert bar.slider.objectName() == "frame"
    assert bar.speed_box.objectName() == "speed"
    assert bar.slider.maximum() == 50 and bar.slider.value() == 0
    state.frame = 20
    assert bar.slider.value() == 20
    assert bar.readout.text() == "step 20 / 50"
    state.update({"steps": 10, "frame": 20})  # a shorter run clamps the frame; the slider follows
    assert state.frame == 10
    assert bar.slider.maximum() == 10 and bar.slider.value() == 10
    state.steps = 30  # a new run starts at frame 0 (the rewind rule)
    assert state.frame == 0
    assert bar.slider.maximum() == 30 and bar.slider.value() == 0


def test_scrubber_and_speed_box_write_the_state(host):
    _panel, bar, state = host
    bar.slider.setValue(33)
    assert state.frame == 33
    bar.speed_box.setValue(120)
    assert state.speed == 120.0
    state.speed = 7
    assert bar.speed_box.value() == 7


def test_step_buttons_and_reset(host, qtbot):
    _panel, bar, state = host
    qtbot.mouseClick(bar.step_forward_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.step_forward_button, Qt.MouseButton.LeftButton)
    assert state.frame == 2
    qtbot.mouseClick(bar.step_back_button, Qt.MouseButton.LeftButton)
    assert state.frame == 1
    bar.controller.step(-5)
    assert state.frame == 0  # never below the first frame
    state.frame = 50
    bar.controller.step(1)
    assert state.frame == 50  # nor past the last
    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)
    assert state.frame == 0


def test_timer_plays_to_the_end_and_stops(host, qtbot):
    _panel, bar, state = host
    state.speed = 500.0
    with qtbot.waitSignal(bar.controller.playing_changed) as started:
        qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert started.args == [True]
    assert bar.play_button.isChecked()
    assert bar.controller.timer.interval() == MIN_INTERVAL_MS
    qtbot.waitUntil(lambda: state.frame > 0, timeout=2000)
    assert bar.slider.value() == state.frame
    qtbot.waitUntil(lambda: not bar.controller.playing, timeout=5000)
    assert state.frame == 50
    assert not bar.play_button.isChecked()
    # Play on the last frame starts over.
    bar.controller.play()
    assert state.frame == 0
    bar.controller.pause()


def test_slow_speed_advances_one_frame_per_tick(host, qtbot):
    _panel, bar, state = host
    state.speed = 20.0
    assert bar.controller.timer.interval() == 50
    assert bar.controller.frames_per_tick() == pytest.approx(1.0)
    bar.controller.play()
    qtbot.waitUntil(lambda: state.frame >= 3, timeout=3000)
    bar.controller.pause()
    assert not bar.controller.timer.isActive()
    assert 3 <= state.frame < 50


def test_changing_a_parameter_while_playing_keeps_going(host, qtbot):
    _panel, bar, state = host
    state.speed = 200.0
    bar.controller.play()
    qtbot.waitUntil(lambda: state.frame >= 5, timeout=2000)
    state.steps = 2000  # a longer run: playback continues into it
    assert bar.controller.playing
    qtbot.waitUntil(lambda: state.frame > 60, timeout=5000)
    assert bar.slider.maximum() == 2000
    bar.controller.pause()


def test_keyboard_space_and_arrows(host, qtbot):
    panel, bar, state = host
    bar.slider.setFocus()
    qtbot.waitUntil(bar.slider.hasFocus)
    qtbot.keyClick(bar.slider, Qt.Key.Key_Right)
    qtbot.keyClick(bar.slider, Qt.Key.Key_Right)
    assert state.frame == 2
    qtbot.keyClick(bar.slider, Qt.Key.Key_Left)
    assert state.frame == 1
    state.speed = 100.0
    qtbot.keyClick(bar.slider, Qt.Key.Key_Space)
    assert bar.controller.playing
    qtbot.keyClick(bar.slider, Qt.Key.Key_Space)
    assert not bar.controller.playing
    qtbot.keyClick(bar.slider, Qt.Key.Key_Home)
    assert state.frame == 0
    # Typing in a text box of the same panel is not hijacked.
    editor = panel.findChild(QLineEdit, "editor")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "a b")
    assert editor.text() == "a b"
    assert not bar.controller.playing


def test_controller_refuses_a_state_without_animation_fields():
    from losslab.panels.losses.model import LossCurvesState

    with pytest.raises(TypeError, match="AnimationState"):
        PlaybackController(LossCurvesState())


def test_closing_the_bar_stops_listening(qtbot):
    state = RunState()
    bar = PlaybackBar(state)
    qtbot.addWidget(bar)
    bar.controller.play()
    bar.close()
    bar.deleteLater()
    qtbot.waitUntil(lambda: len(state._listeners) == 0, timeout=2000)
    state.frame = 3  # no view left to notify, and no error
