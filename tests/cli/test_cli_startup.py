"""How ``losslab`` starts: ``params`` lists what ``export --set`` takes, in readable numbers;
the GUI with no display says so in one line and exits 2 (real subprocesses, no DISPLAY)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import losslab
from losslab.cli import main, params_text
from losslab.core.params import Kind, ParamSpec
from losslab.panels import PANELS

PANEL_KEYS = [entry.key for entry in PANELS]
#: The package under test (this checkout's), for the subprocesses: an installed losslab may be
#: another copy.
APP_DIR = str(Path(losslab.__file__).resolve().parent.parent)


def listed(text: str) -> dict[str, tuple[str, str]]:
    """``params`` output → {name: (default text, allowed text)}."""
    entries: dict[str, tuple[str, str]] = {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        match = re.fullmatch(r"(\w+)  \((\w+)\)  default: (.*)", line)
        if match:
            allowed = lines[i + 1]
            assert allowed.startswith("    allowed: ")
            entries[match.group(1)] = (match.group(3), allowed.removeprefix("    allowed: "))
    return entries


@pytest.mark.parametrize("key", PANEL_KEYS)
def test_every_listed_name_is_accepted_with_its_listed_default(key, tmp_path, capsys):
    assert main(["params", key]) == 0
    entries = listed(capsys.readouterr().out)
    assert entries, "params listed nothing"
    specs = next(e for e in PANELS if e.key == key).model.state_type.specs
    assert set(entries) <= set(specs)
    out = tmp_path / "out.json"
    for name, (default, _allowed) in entries.items():
        code = main(["export", key, str(out), "--set", f"{name}={default}"])
        assert code == 0, (name, default, capsys.readouterr().err)
        document = json.loads(out.read_text(encoding="utf-8"))
        assert document["panel"] == key
        out.unlink()


@pytest.mark.parametrize("key", PANEL_KEYS)
def test_every_persisted_name_is_listed_and_transient_ones_are_not(key):
    specs = next(e for e in PANELS if e.key == key).model.state_type.specs
    entries = listed(params_text(key))
    assert set(entries) == {n for n, s in specs.items() if s.persist}


def test_frame_and_classes_are_not_listed():
    assert "frame" not in listed(params_text("network"))
    assert "frame" not in listed(params_text("neuron"))
    assert "classes" not in listed(params_text("entropy"))


@pytest.mark.parametrize("key", PANEL_KEYS)
def test_numbers_are_written_as_people_write_them(key):
    text = params_text(key)
    assert "e+" not in text
    # Every number in an "allowed:" line reads back as the spec's exact bound.
    specs = next(e for e in PANELS if e.key == key).model.state_type.specs
    for name, (_default, allowed) in listed(text).items():
        spec = specs[name]
        for bound in (spec.minimum, spec.maximum):
            if bound is not None and spec.kind not in (Kind.MATRIX,):
                numbers = [float(t) for t in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", allowed)]
                assert bound in numbers, (name, bound, allowed)


def test_seed_and_frame_bounds_are_exact():
    assert "a whole number from 0 to 2147483647" in params_text("network")
    assert "each from 0 to 1000000" in params_text("entropy")
    assert "a number from 0.0001 to 1000000" in params_text("neuron")


@pytest.mark.parametrize(("value", "text"), [
    (2147483647.0, "2147483647"), (1e6, "1000000"), (0.001, "0.001"), (1e-4, "0.0001"),
    (1e-5, "0.00001"), (1.5e-5, "0.000015"), (-100.0, "-100"), (0.1, "0.1"),
    (123456789.125, "123456789.125"), (2.0**53, "9007199254740992"), (1e300, "1e+300"),
])
def test_bounds_are_exact_and_without_exponent_for_moderate_numbers(value, text):
    spec = ParamSpec("v", "V", Kind.FLOAT, value, value, value)
    assert spec.allowed() == f"a number from {text} to {text}"
    assert float(text) == value


@pytest.mark.parametrize("value", [1e-5, 2.5e-6, 1e6, 2147483647.0, 0.1, 1 / 3, -0.0, 1e20])
def test_float_default_text_round_trips(value):
    spec = ParamSpec("v", "V", Kind.FLOAT, value)
    text = spec.default_text()
    assert spec.parse(text) == value
    if 1e-6 <= abs(value) < 1e16:
        assert "e" not in text


def test_out_of_range_message_shows_the_exact_number():
    spec = ParamSpec("seed", "Seed", Kind.INT, 0, 0, 2147483647)
    with pytest.raises(ValueError) as info:
        spec.parse("2147483648")
    assert str(info.value) == ("seed: 2147483648 is out of range; "
                               "allowed: a whole number from 0 to 2147483647")


# ---------------------------------------------------------------------- the GUI with no display
def _env_without_display(tmp_path, **extra: str) -> dict[str, str]:
    """This process's environment with no display at all: no DISPLAY, no WAYLAND_DISPLAY, no
    explicit Qt platform, and an empty runtime folder (so no Wayland socket is found there)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM")}
    runtime = tmp_path / "runtime"
    runtime.mkdir(exist_ok=True)
    env.update(XDG_RUNTIME_DIR=str(runtime), LOSSLAB_DATA_DIR=str(tmp_path / "data"),
               PYTHONPATH=APP_DIR, **extra)
    return env


def _start_gui(tmp_path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "losslab", "--settings",
                           str(tmp_path / "s.ini")], capture_output=True, text=True, env=env,
                          timeout=60, cwd=tmp_path)


def _assert_one_clean_line(result: subprocess.CompletedProcess[str], start: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(start), lines[0]
    assert "losslab export PANEL OUT" in lines[0]
    assert "qt.qpa" not in result.stderr and "Available platform plugins" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display servers are Linux's")
def test_gui_without_display_says_so_in_one_line_and_exits_2(tmp_path):
    result = _start_gui(tmp_path, _env_without_display(tmp_path))
    _assert_one_clean_line(
        result, "losslab: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset)")
    assert not (tmp_path / "s.ini").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display servers are Linux's")
def test_gui_with_a_display_nobody_answers_exits_2(tmp_path):
    # No X server listens on display 977 here: neither its socket nor its TCP port exist.
    assert not os.path.exists("/tmp/.X11-unix/X977")
    result = _start_gui(tmp_path, _env_without_display(tmp_path, DISPLAY=":977"))
    _assert_one_clean_line(result, "losslab: error: cannot open display ':977'")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display servers are Linux's")
def test_qt_failing_to_start_its_plugin_is_one_line_too(tmp_path):
    # An unknown plugin passes the display check; Qt's own fatal error is caught instead.
    result = _start_gui(tmp_path, _env_without_display(tmp_path, QT_QPA_PLATFORM="nosuchplugin"))
    _assert_one_clean_line(result, "losslab: error: Qt cannot open a window here (")
    assert "nosuchplugin" in result.stderr


def test_display_problem_respects_the_requested_platform():
    from losslab.qt.display import display_problem

    def ask(x_answers: bool | None = False, **env: str) -> str:
        return display_problem(env, "linux", lambda: x_answers)

    assert ask() != ""
    assert ask(QT_QPA_PLATFORM="offscreen") == ""
    assert ask(QT_QPA_PLATFORM="minimal") == ""
    assert ask(QT_QPA_PLATFORM="xcb;offscreen") == ""
    assert ask(QT_QPA_PLATFORM="xcb") == ("losslab: error: no display found (QT_QPA_PLATFORM "
                                          "asks for xcb but DISPLAY is unset); the app needs "
                                          "a desktop session — headless, use 'losslab export "
                                          "PANEL OUT' (see 'losslab --help')")
    assert ask(True, DISPLAY=":0") == ""
    assert ask(None, DISPLAY=":0") == ""  # cannot probe: trust DISPLAY and let Qt try
    assert "cannot open display ':0'" in ask(False, DISPLAY=":0")
    assert "WAYLAND_DISPLAY is set but its socket is missing" in ask(
        WAYLAND_DISPLAY="/nonexistent/wayland-9")
    assert display_problem({}, "win32", lambda: False) == ""
    assert display_problem({}, "darwin", lambda: False) == ""


def test_display_problem_finds_a_wayland_socket(tmp_path):
    import socket as socket_module

    from losslab.qt.display import display_problem

    server = socket_module.socket(socket_module.AF_UNIX)
    try:
        server.bind(str(tmp_path / "wayland-1"))
        env = {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)}
        assert display_problem(env, "linux", lambda: False) == ""
        assert display_problem({**env, "WAYLAND_DISPLAY": "wayland-2"}, "linux",
                               lambda: False) != ""
    finally:
        server.close()


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb for a real X server")
def test_a_real_x_server_is_found(monkeypatch):
    from losslab.qt.display import _x_server_answers, display_problem

    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp"],
                              pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()  # written once the server accepts clients
        assert number.isdigit()
        monkeypatch.setenv("DISPLAY", f":{number}")
        assert _x_server_answers() is True
        env = {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
        assert display_problem(env, "linux") == ""
        server.terminate()
        server.wait(timeout=10)
        assert _x_server_answers() is False
        assert "cannot open display" in display_problem(env, "linux")
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
