"""Lessons in the real main window: every step of every built-in lesson shows its panel in front
with the step's parameters and locks; PageUp/PageDown turn the steps wherever the focus is;
counts typed, Reveal marks the answer; leaving gives the user back their panels; lesson files
from the menu (broken ones reported), saving the current panel as a step, handouts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from losslab.lessons.format import builtin_lessons, read_lesson
from losslab.qt.lesson_bar import named_widgets
from losslab.qt.settings import make_settings, read_json

LESSONS = builtin_lessons()
BY_ID = {lesson.id: lesson for lesson in LESSONS}


def _action(window, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _hidden(panel: QWidget, name: str) -> bool:
    return all(not w.isVisibleTo(panel) for w in named_widgets(panel, name))


def _locked(panel: QWidget, name: str) -> bool:
    return all(not w.isEnabled() for w in named_widgets(panel, name))


def _check_step(window, qtbot, lesson, index: int) -> None:
    step = lesson.steps[index]
    dock = window.docks[step.panel]
    qtbot.waitUntil(lambda: window.in_front(dock))
    assert window.current_panel() is window.panels[step.panel]
    runner = window.lesson_runner
    expected = step.values(runner.answers[index].revealed)
    assert window.states[step.panel].values() == dict(expected)
    panel = window.panels[step.panel]
    for name in step.locked:
        assert _locked(panel, name), (lesson.id, step.number, name)
    for name in step.hidden:
        assert _hidden(panel, name), (lesson.id, step.number, name)
    bar = window.lesson_bar
    assert bar.step_label.text().startswith(f"Step {index + 1} of {len(lesson.steps)}")
    assert bar.title.text() == lesson.title.get("en")
    assert step.text.get("en").split()[0] in bar.text.toPlainText()


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_walk_every_step_in_the_main_window(window, qtbot, lesson):
    before = {k: s.values() for k, s in window.states.items()}
    _action(window, f"lesson_{lesson.id}").trigger()
    assert window.lesson_runner is not None and window.lesson_runner.lesson is lesson
    bar = window.lesson_bar
    for index in range(len(lesson.steps)):
        _check_step(window, qtbot, lesson, index)
        assert bar.prev.isEnabled() == (index > 0)
        step = lesson.steps[index]
        if step.can_reveal:
            _click(qtbot, bar.reveal)
            state = window.states[step.panel]
            if "frame" in step.reveal:
                # Reveal plays the run to its end (here sped up to 1000 frames/s).
                controller = window.panels[step.panel].playback.controller
                assert controller.playing and state.frame < step.reveal["frame"]
                state.set("speed", 1000.0)
                qtbot.waitUntil(lambda c=controller: not c.playing, timeout=20000)
                state.set("speed", step.revealed_values["speed"])
            assert state.values() == dict(step.revealed_values)
            assert not bar.reveal.isEnabled()
            # Locks hold after the reveal's redraw too.
            for name in step.locked:
                assert _locked(window.panels[step.panel], name)
        if index < len(lesson.steps) - 1:
            _click(qtbot, bar.next)
    assert not bar.next.isEnabled()
    _click(qtbot, bar.prev)
    _check_step(window, qtbot, lesson, len(lesson.steps) - 2)
    _click(qtbot, bar.leave)
    assert window.lesson_runner is None and window.lesson_toolbar is None
    assert {k: s.values() for k, s in window.states.items()} == before
    for step in lesson.steps:
        for name in step.locked:
            for widget in named_widgets(window.panels[step.panel], name):
                if name != "eta_cross_entropy":  # disabled by the panel's own rule (same η)
                    assert widget.isEnabled(), (step.panel, name)


def test_every_locked_and_hidden_name_is_a_control_of_its_panel(window):
    for lesson in LESSONS:
        for step in lesson.steps:
            for name in step.locked + step.hidden:
                assert named_widgets(window.panels[step.panel], name), (lesson.id, name)


def test_page_keys_turn_the_steps_wherever_the_focus_is(window, qtbot):
    window.activateWindow()
    lesson = BY_ID["zero_one_bounds"]
    window.start_lesson(lesson)
    runner = window.lesson_runner
    assert runner.index == 0
    # In a spin box PageDown would step the value by ten: in a lesson it turns the page.
    box = window.panels["losses"].controls["x_min"]
    box.setFocus()
    value = box.value()
    qtbot.keyClick(box, Qt.Key.Key_PageDown)
    assert runner.index == 1 and box.value() == value
    qtbot.keyClick(window.panels["losses"].graphics, Qt.Key.Key_PageDown)
    assert runner.index == 2
    count = window.lesson_bar.counts[0]
    count.setFocus()
    qtbot.keyClick(count, Qt.Key.Key_PageUp)
    assert runner.index == 1 and count.value() == 0
    qtbot.keyClick(window.lesson_bar.text, Qt.Key.Key_PageUp)
    assert runner.index == 0
    qtbot.keyClick(window, Qt.Key.Key_PageUp)  # at the first step: stays
    assert runner.index == 0
    # With a modifier the key is the widget's own again.
    qtbot.keyClick(window.panels["losses"].graphics, Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert runner.index == 0
    _check_step(window, qtbot, lesson, 0)
    window.leave_lesson()
    # No lesson: PageDown is the spin box's again (steps down by ten single steps).
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_PageDown)
    assert box.value() < value


def test_counts_typed_and_reveal_marks_the_answer(window, qtbot):
    lesson = BY_ID["zero_one_bounds"]
    _action(window, "lesson_zero_one_bounds").trigger()
    bar = window.lesson_bar
    assert [c.objectName() for c in bar.counts] == [f"lesson_count_{x}" for x in "ABCD"]
    for letter, typed in (("A", "3"), ("B", "12"), ("C", "1")):
        box = bar.findChild(QWidget, f"lesson_count_{letter}")
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, typed)
    assert window.lesson_runner.current.counts == [3, 12, 1, 0]
    assert not bar.result.isVisible()
    assert "✔" not in bar.choice_labels[1].text()
    state = window.states["losses"]
    assert state.derivatives is False and state.probe == 1.5
    _click(qtbot, bar.reveal)
    assert state.derivatives is True and state.probe == -0.5
    assert bar.result.isVisible()
    assert "12 of 16 hands were right (75%)" in bar.result.text()
    assert "B: 0: the loss is flat there" in bar.result.text()
    assert "✔" in bar.choice_labels[1].text()
    assert all("✔" not in bar.choice_labels[i].text() for i in (0, 2, 3))
    assert lesson.steps[0].question.explain.get("en")[:40] in bar.text.toPlainText()
    assert bar.reveal.text() == "Revealed" and not bar.reveal.isEnabled()
    # Counts can still be corrected; the verdict follows.
    box = bar.counts[1]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "20")
    assert "20 of 24 hands were right (83%)" in bar.result.text()
    # Back and forth: the step stays revealed, the counts stay typed.
    _click(qtbot, bar.next)
    assert bar.counts[1].value() == 0 and bar.reveal.isEnabled()
    _click(qtbot, bar.prev)
    assert bar.counts[1].value() == 20 and not bar.reveal.isEnabled()
    assert state.derivatives is True


def test_number_guesses_typed_and_revealed(window, qtbot):
    _action(window, "lesson_archers_entropy").trigger()
    bar = window.lesson_bar
    assert bar.counts == [] and bar.guesses is not None
    bar.guesses.setFocus()
    qtbot.keyClicks(bar.guesses, "3.3, 3.4 3.5; 5")
    qtbot.keyClick(bar.guesses, Qt.Key.Key_Return)
    assert window.lesson_runner.current.guesses == [3.3, 3.4, 3.5, 5.0]
    assert window.states["entropy"].archer_a == 0.5
    _click(qtbot, bar.reveal)
    assert window.states["entropy"].archer_a == 0.1
    text = bar.result.text()
    assert "3.321928 ± 0.15" in text
    assert "2 of 4 guesses were within the tolerance (50%); closest: 3.3." in text
    # Text that is not numbers is marked and leaves the guesses as they were.
    _click(qtbot, bar.next)
    _click(qtbot, bar.next)
    bar.guesses.setFocus()
    qtbot.keyClicks(bar.guesses, "half")
    qtbot.keyClick(bar.guesses, Qt.Key.Key_Return)
    assert "border" in bar.guesses.styleSheet()
    assert window.lesson_runner.current.guesses == []


def test_leaving_gives_back_values_tabs_docks_and_control_rules(window, qtbot):
    states = window.states
    states["losses"].update({"mode": "residual", "huber_delta": 2.5, "derivatives": True})
    states["neuron"].update({"w0": 1.0, "frame": 40})
    states["cross_entropy"].update({"label_smoothing": 0.1})
    network = window.docks["network"]
    _action(window, "toggle_risk").trigger()
    qtbot.waitUntil(lambda: window.in_front(window.docks["risk"]))
    network.close()
    assert not network.isVisible()
    before = {k: s.values() for k, s in states.items()}
    neuron = window.panels["neuron"]
    assert not neuron.controls["eta_cross_entropy"].isEnabled()  # same η: the panel's rule

    # A lesson over several panels, with reveals and a user edit of an unlocked control.
    window.start_lesson(BY_ID["quadratic_vs_cross_entropy"])
    bar = window.lesson_bar
    _click(qtbot, bar.reveal)
    assert _locked(neuron, "eta_cross_entropy") and _locked(neuron, "w0")
    for _ in range(3):
        _click(qtbot, bar.next)
    assert states["neuron"].same_eta is False
    assert _locked(neuron, "eta_cross_entropy")  # the lesson's lock beats the panel's rule
    window.start_lesson(BY_ID["frameworks_cross_entropy"])  # a new lesson ends the first
    ce = window.panels["cross_entropy"]
    assert _hidden(ce, "label_smoothing") and _locked(ce, "subtract_max")
    for _ in range(4):
        _click(qtbot, window.lesson_bar.next)
    qtbot.waitUntil(lambda: window.in_front(window.docks["regression"]))
    states["regression"].update({"huber_delta": 3.0})  # the user plays with a free control
    _click(qtbot, window.lesson_bar.leave)

    assert {k: s.values() for k, s in states.items()} == before
    qtbot.waitUntil(lambda: window.in_front(window.docks["risk"]))
    assert not network.isVisible()
    assert window.current_panel() is window.panels["risk"]
    assert not neuron.controls["eta_cross_entropy"].isEnabled()  # the panel's rule again
    assert neuron.controls["w0"].isEnabled()
    assert not _hidden(ce, "label_smoothing") and ce.controls["subtract_max"].isEnabled()
    assert window.panels["losses"].controls["mode"].isEnabled()
    assert window.findChild(QWidget, "lesson_bar") is None or not window.findChild(
        QWidget, "lesson_bar").isVisible()


def test_language_switch_keeps_the_lesson_and_its_locks(window, qtbot):
    lesson = BY_ID["zero_one_bounds"]
    window.start_lesson(lesson)
    _click(qtbot, window.lesson_bar.next)
    window.lesson_bar.counts[1].setValue(7)
    window.set_language("zh_CN")
    bar = window.lesson_bar
    assert bar.title.text() == lesson.title.get("zh_CN")
    assert lesson.steps[1].text.get("zh_CN").split("。")[0] in bar.text.toPlainText()
    assert "留有余地" in bar.choice_labels[1].text()
    assert bar.counts[1].value() == 7 and window.lesson_runner.index == 1
    panel = window.panels["losses"]  # a new panel object after the rebuild
    assert _locked(panel, "mode") and _hidden(panel, "derivatives")
    qtbot.keyClick(panel.graphics, Qt.Key.Key_PageDown)
    assert window.lesson_runner.index == 2
    window.leave_lesson()
    assert panel.controls["mode"].isEnabled() and not _hidden(panel, "derivatives")


def test_a_broken_lesson_file_is_reported_not_started(window, dialogs, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('id = "bad"\ntitle = "Bad"\n[[steps]]\npanel = "risk"\n[[steps]]\n'
                    'panel = "risk"\nparams = { lam = -1 }\n', encoding="utf-8")
    dialogs.open_path = str(path)
    _action(window, "open_lesson").trigger()
    assert window.lesson_runner is None
    kind, _title, text = dialogs.messages[-1]
    assert kind == "warning"
    assert text == ("bad.toml: step 2: params.lam: -1 is out of range; allowed: a number "
                    "from 0 to 10")
    good = tmp_path / "good.toml"
    good.write_text('id = "good"\ntitle = "Good"\n[[steps]]\npanel = "entropy"\n'
                    'params = { archer_a = 0.25 }\n', encoding="utf-8")
    dialogs.open_path = str(good)
    _action(window, "open_lesson").trigger()
    assert window.lesson_runner is not None and window.states["entropy"].archer_a == 0.25


def test_save_the_current_panel_as_a_lesson_step(window, dialogs, qtbot, tmp_path):
    _action(window, "toggle_neuron").trigger()
    qtbot.waitUntil(lambda: window.in_front(window.docks["neuron"]))
    window.states["neuron"].update({"w0": 0.6, "b0": 0.9, "frame": 12})
    path = tmp_path / "class-3.toml"
    dialogs.save_path = str(path)
    _action(window, "save_lesson_step").trigger()
    lesson = read_lesson(path)
    assert lesson.id == "class_3" and len(lesson.steps) == 1
    assert lesson.steps[0].panel == "neuron"
    assert dict(lesson.steps[0].params) == {"w0": 0.6, "b0": 0.9, "frame": 12}
    _action(window, "toggle_entropy").trigger()
    qtbot.waitUntil(lambda: window.in_front(window.docks["entropy"]))
    window.states["entropy"].update({"unit": "nats"})
    _action(window, "save_lesson_step").trigger()
    lesson = read_lesson(path)
    assert [s.panel for s in lesson.steps] == ["neuron", "entropy"]
    assert dict(lesson.steps[1].params) == {"unit": "nats"}
    assert "Added step 2" in window.statusBar().currentMessage()
    # A file that does not parse is reported and left alone.
    broken = path.read_text(encoding="utf-8").replace('"entropy"', '"entropie"')
    path.write_text(broken, encoding="utf-8")
    _action(window, "save_lesson_step").trigger()
    assert path.read_text(encoding="utf-8") == broken
    assert dialogs.messages[-1][2].startswith("class-3.toml: step 2: panel: 'entropie'")


def _pages(path: Path) -> int:
    data = path.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_handout_from_the_menu_in_chinese(window, dialogs, tmp_path):
    lesson = BY_ID["archers_entropy"]
    assert not _action(window, "export_handout_zh_CN").isEnabled()
    window.start_lesson(lesson)
    assert _action(window, "export_handout_zh_CN").isEnabled()
    path = tmp_path / "handout.pdf"
    dialogs.save_path = str(path)
    _action(window, "export_handout_zh_CN").trigger()
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    assert _pages(path) == len(lesson.steps) + 1
    assert dialogs.messages == []
    # The window keeps its own language and its lesson.
    assert window.lesson_bar.title.text() == lesson.title.get("en")
    assert _action(window, "open_lesson").text() == "&Open lesson file…"
    assert window.lesson_runner is not None and window.lesson_runner.index == 0


def test_closing_during_a_lesson_saves_the_users_own_values(qtbot, tmp_path, dialogs):
    from losslab.qt.main_window import MainWindow

    path = tmp_path / "close.ini"
    win = MainWindow(make_settings(path))
    qtbot.addWidget(win)
    win.show()
    win.states["losses"].update({"huber_delta": 2.5})
    win.start_lesson(BY_ID["zero_one_bounds"])
    assert win.states["losses"].huber_delta == 1.0
    win.close()
    stored = read_json(make_settings(path), "panels/losses")
    assert stored["huber_delta"] == 2.5 and stored["losses"] != ["zero_one"]


def test_lessons_menu_lists_the_builtins_in_order(window):
    menu = window.lessons_menu
    names = [a.objectName() for a in menu.actions() if a.objectName().startswith("lesson_")
             and not a.objectName().endswith("_action")]
    assert names == [f"lesson_{lesson.id}" for lesson in LESSONS]
    first = _action(window, f"lesson_{LESSONS[0].id}")
    assert LESSONS[0].title.get("en") in first.text()
    for name in ("lesson_previous_action", "lesson_next_action", "lesson_leave_action"):
        assert not _action(window, name).isEnabled()
    assert isinstance(window.docks["losses"], QDockWidget)


def test_page_keys_work_in_a_floating_panel_and_leave_other_windows_alone(window, qtbot):
    from PySide6.QtWidgets import QApplication, QTextBrowser

    window.start_lesson(BY_ID["archers_entropy"])
    dock = window.docks["entropy"]
    dock.setFloating(True)
    qtbot.keyClick(window.panels["entropy"].graphics, Qt.Key.Key_PageDown)
    assert window.lesson_runner.index == 1
    other = QTextBrowser()  # another top-level window: its PageDown is its own
    qtbot.addWidget(other)
    other.setPlainText("\n".join(str(i) for i in range(500)))
    other.show()
    other.activateWindow()  # typing in another window makes it the active one
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    qtbot.keyClick(other, Qt.Key.Key_PageDown)
    assert window.lesson_runner.index == 1
    assert other.verticalScrollBar().value() > 0
    window.leave_lesson()
    dock.setFloating(False)


def test_reveal_plays_the_run_and_leaving_stops_it(window, qtbot):
    window.states["neuron"].update({"w0": 1.5, "frame": 25})
    before = window.states["neuron"].values()
    window.start_lesson(BY_ID["quadratic_vs_cross_entropy"])
    controller = window.panels["neuron"].playback.controller
    assert not controller.playing
    _click(qtbot, window.lesson_bar.reveal)
    assert controller.playing
    frame = window.states["neuron"].frame
    qtbot.waitUntil(lambda: window.states["neuron"].frame > frame)  # really playing
    _click(qtbot, window.lesson_bar.leave)
    assert not controller.playing
    assert window.states["neuron"].values() == before
