"""Main window: docks from the registry, menus, status bar, settings persistence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QPointF
from PySide6.QtWidgets import QDockWidget

from losslab.panels import PANELS
from losslab.qt.main_window import MainWindow
from losslab.qt.settings import SETTINGS_VERSION, make_settings


@pytest.mark.parametrize("spec", PANELS, ids=[d.key for d in PANELS])
def test_every_registered_dock_exists_with_its_object_name_and_controls(window, spec):
    dock = window.findChild(QDockWidget, spec.key)
    assert dock is not None and dock.isVisible()
    # Panels behind a tab are built when first needed (start-up builds only the one in front).
    panel = window.panel(spec.key)
    assert dock.widget() is panel
    assert panel.state is window.states[spec.key]
    # Every persisted parameter has a control named after it somewhere in the panel...
    names = {w.objectName() for w in panel.findChildren(object)}
    state_names = {n for n, s in window.states[spec.key].specs.items() if s.persist}
    assert set(panel.controls) <= state_names | set(window.states[spec.key].specs)
    for name in panel.controls:
        assert name in names


def test_each_panel_is_one_folder_named_by_its_key():
    """The registry is the only list of panels; each key names its folder, model and view."""
    import importlib
    import pathlib

    import losslab.panels

    folders = {p.name for p in pathlib.Path(losslab.panels.__file__).parent.iterdir()
               if (p / "model.py").is_file()}
    assert folders == {entry.key for entry in PANELS}
    for entry in PANELS:
        assert entry.model.key == entry.key
        assert entry.model.make_state().panel_key() == entry.key
        assert importlib.import_module(f"losslab.panels.{entry.key}.view").View is entry.view_class()


def test_view_menu_toggles_each_dock_and_reset_layout_restores(window, qtbot):
    for key, dock in window.docks.items():
        toggle = window.findChild(object, f"toggle_{key}")
        if not window.in_front(dock):  # a tab behind another: the first press brings it forward
            toggle.trigger()
            qtbot.waitUntil(lambda d=dock: window.in_front(d))
            assert toggle.isChecked() and window.current_panel() is window.panels[key]
        toggle.trigger()
        assert not dock.isVisible() and not toggle.isChecked()
        toggle.trigger()
        qtbot.waitUntil(lambda d=dock: window.in_front(d))
        assert toggle.isChecked()
    first = next(iter(window.docks.values()))
    first.setFloating(True)
    first.close()
    window.findChild(object, "reset_layout").trigger()
    assert first.isVisible() and not first.isFloating()


def test_parameters_and_layout_survive_a_restart(qtbot, tmp_path, dialogs):
    path = tmp_path / "persist.ini"
    win = MainWindow(make_settings(path))
    qtbot.addWidget(win)
    win.show()
    win.states["losses"].update({"huber_delta": 2.5, "mode": "residual", "derivatives": True})
    win.resize(1000, 700)
    win.close()

    again = MainWindow(make_settings(path))
    qtbot.addWidget(again)
    assert again.states["losses"].huber_delta == pytest.approx(2.5)
    assert again.states["losses"].mode == "residual"
    assert again.states["losses"].derivatives is True
    assert again.panels["losses"].controls["huber_delta"].value() == pytest.approx(2.5)
    assert again.startup_problems == []


@pytest.mark.parametrize("garbage", [
    {"window/state": "not bytes at all", "window/geometry": "nope"},
    {"window/state": QByteArray(b"\x00\x01garbage"), "window/geometry": QByteArray(b"junk")},
    {"panels/losses": "{not json"},
    {"panels/losses": '{"huber_delta": "false", "mode": 7, "x_min": 1e308, "ghost": 1}'},
    {"panels/losses": '["a", "list"]'},
    {"version": "999"},
    {"version": "true"},
])
def test_corrupt_or_wrong_typed_settings_fall_back_to_defaults(qtbot, tmp_path, dialogs, garbage):
    path = tmp_path / "corrupt.ini"
    s = make_settings(path)
    for key, value in garbage.items():
        s.setValue(key, value)
    s.sync()
    win = MainWindow(make_settings(path))
    qtbot.addWidget(win)
    win.show()
    defaults = PANELS[0].model.make_state().values()
    assert win.states["losses"].values() == defaults
    assert all(d.isVisible() for d in win.docks.values())


def test_corrupt_ini_text_file_still_starts(qtbot, tmp_path, dialogs):
    path = tmp_path / "broken.ini"
    path.write_bytes(b"\xff\xfe[window]\nstate=@ByteArray(\x00\x00\nversion=@Variant(zz)\n"
                     b"[panels]\nlosses=@Invalid()\n")
    win = MainWindow(make_settings(path))
    qtbot.addWidget(win)
    win.show()
    assert win.states["losses"].values() == PANELS[0].model.make_state().values()


def test_valid_entries_of_a_partly_bad_stored_state_are_kept(qtbot, tmp_path, dialogs):
    path = tmp_path / "partly.ini"
    s = make_settings(path)
    s.setValue("version", SETTINGS_VERSION)
    s.setValue("panels/losses", '{"huber_delta": 0.7, "epsilon": "wide"}')
    s.sync()
    win = MainWindow(make_settings(path))
    qtbot.addWidget(win)
    assert win.states["losses"].huber_delta == pytest.approx(0.7)
    assert win.states["losses"].epsilon == pytest.approx(0.5)
    assert any("epsilon" in p for p in win.startup_problems)


def test_status_bar_shows_the_cursor_readout(window):
    panel = window.panels["losses"]
    vb = panel.plot.getViewBox()
    panel._on_mouse_moved(vb.mapViewToScene(QPointF(1.25, 0.5)))
    assert "m = 1.25" in window.cursor_label.text()


def test_deferred_window_paints_its_shell_then_builds_the_panels(qtbot, settings, dialogs):
    win = MainWindow(settings, deferred=True)
    qtbot.addWidget(win)
    assert not win.finished and win.panels == {}
    with qtbot.waitSignal(win.ready, timeout=30_000):
        win.show()  # the first paint schedules finish()
    assert win.finished
    assert set(win.panels) == {d.key for d in PANELS}
    assert all(d.isVisible() for d in win.docks.values())


def test_window_shell_imports_neither_pyqtgraph_nor_numpy():
    """What start-up pays before the first paint: the main window module stays light."""
    import subprocess
    import sys

    code = ("import sys; import losslab.qt.main_window, losslab.qt.app, losslab.cli; "
            "print(sorted(m for m in ('pyqtgraph', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_help_explains_every_panel_in_both_languages():
    """Each registered panel has a "how to read it" text in English and Chinese."""
    from losslab.qt.help import panel_help_html

    for entry in PANELS:
        en = panel_help_html(entry.key, "en")
        zh = panel_help_html(entry.key, "zh_CN")
        assert "<h3>" in en and en != zh
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), entry.key


def test_help_menu_shows_the_current_panel_text_and_the_real_shortcuts(window, qtbot):
    from PySide6.QtGui import QAction

    window.docks["entropy"].raise_()
    window.current_key = "entropy"
    window.findChild(QAction, "panel_help").trigger()
    text = window.help_dialog.browser.toPlainText()
    assert "Information" in text and "entropy" in text.lower()
    window.findChild(QAction, "shortcuts").trigger()
    text = window.help_dialog.browser.toPlainText()
    # Read from the actions themselves: the export shortcut and the panel keys are listed.
    assert "Ctrl+E" in text and "Space" in text and "Home" in text


def test_only_the_panel_in_front_is_built_and_others_are_built_when_shown(window, qtbot):
    """Start-up builds the panel the user sees; a tab brought forward, or any code asking
    for a panel, builds it then, drawing whatever its state says by that time."""
    qtbot.waitUntil(lambda: "losses" in window.panels.built)
    in_front = [k for k, d in window.docks.items() if window.in_front(d)]
    assert sorted(window.panels.built) == sorted(in_front) == ["losses"]
    assert set(window.panels) == set(window.docks)  # every key is listed, built or not
    window.states["neuron"].frame = 42  # the state exists before its view
    with qtbot.waitSignal(window.panel_built, timeout=30_000) as blocker:
        window.docks["neuron"].raise_()
    assert blocker.args == ["neuron"]
    panel = window.panels.built["neuron"]
    assert window.docks["neuron"].widget() is panel
    assert panel.playback.slider.value() == 42
    # Asking builds at once, even for a tab behind another.
    assert "risk" not in window.panels.built
    risk = window.panels["risk"]
    assert window.panels.built["risk"] is risk is window.panel("risk")
