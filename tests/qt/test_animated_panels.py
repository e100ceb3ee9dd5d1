"""What every animated panel (neuron, network) gets from AnimatedPanel, the same way: the
playback bar, frame lines that scrub, frame drawing that leaves the state alone, GIF export and
the one rewind rule (a new run starts at frame 0)."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from losslab.panels import panel as registry
from losslab.qt.panel_base import AnimatedPanel
from losslab.qt.playback import PlaybackBar

#: (panel key, a run parameter with a spin box, a new value for it, frame lines' objectNames)
CASES = [
    ("neuron", "epochs", "120", ["neuron_output_epoch_line", "neuron_cost_epoch_line",
                                 "neuron_gradient_epoch_line"]),
    ("network", "iterations", "900", ["frame_handle"]),
]


@pytest.fixture(params=CASES, ids=[c[0] for c in CASES])
def case(request, qtbot):
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    key, name, text, lines = request.param
    entry = registry(key)
    state = entry.model.make_state()
    view = entry.view_class()(state)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitExposed(view)
    return view, name, text, lines


def test_every_animated_panel_has_the_bar_and_its_frame_lines(case):
    view, _name, _text, lines = case
    assert isinstance(view, AnimatedPanel) and view.animated
    assert isinstance(view.playback, PlaybackBar) and view.playback.parent() is view
    assert sorted(line.objectName() for line in view.frame_lines) == sorted(lines)
    assert ".gif" in view.export_suffixes()
    view.state.frame = 37
    assert view.playback.slider.value() == 37
    assert all(line.value() == 37 for line in view.frame_lines)
    view.frame_lines[-1].setValue(12.6)  # what a drag does: the nearest whole frame
    assert view.state.frame == 13
    assert all(line.value() == 13 for line in view.frame_lines)


def test_show_frame_draws_without_touching_the_state(case):
    view, _name, _text, _lines = case
    view.state.frame = 5
    seen = []
    view.state.subscribe(seen.append)
    view.show_frame(40)
    assert seen == [] and view.state.frame == 5
    assert all(line.value() == 40 for line in view.frame_lines)
    view.show_frame(view.state.frame)
    assert all(line.value() == 5 for line in view.frame_lines)


def test_typing_a_new_run_parameter_rewinds_to_frame_0(case, qtbot):
    view, name, text, _lines = case
    view.state.frame = 60
    box = view.controls[name]
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert view.state.get(name) == int(text)
    assert view.state.frame == 0
    assert view.playback.slider.value() == 0 and view.playback.slider.maximum() == int(text)
    assert all(line.value() == 0 for line in view.frame_lines)
    view.state.frame = 25
    view.state.speed = 90.0  # playback speed is not part of the run
    assert view.state.frame == 25


def test_gif_export_through_export_to(case, tmp_path):
    view, name, _text, _lines = case
    view.state.update({name: 30, "frame": 7})
    path = tmp_path / "run.gif"
    view.export_to(path, width=320)
    with Image.open(path) as film:
        assert film.is_animated and film.n_frames == 31 and film.size[0] == 320
    assert view.state.frame == 7
    assert view.gif_frames(10)[-1] == 30 and len(view.gif_frames(10)) <= 11
