"""Ctrl+C and SIGTERM close the app like its close button: settings and dock layout saved,
the process gone within a second or two, status 0.  Real processes, real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import losslab

APP_DIR = str(Path(losslab.__file__).resolve().parent.parent)

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="Windows has no SIGTERM and no kill(SIGINT) for a child")


def _start(tmp_path: Path) -> tuple[subprocess.Popen[str], Path, Path]:
    settings = tmp_path / "settings.ini"
    ready = tmp_path / "ready"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": APP_DIR,
           "LOSSLAB_READY_FILE": str(ready), "LOSSLAB_DATA_DIR": str(tmp_path / "data")}
    env.pop("LOSSLAB_SETTINGS", None)
    process = subprocess.Popen([sys.executable, "-m", "losslab", "--settings", str(settings)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=tmp_path)
    return process, settings, ready


def _wait_until_ready(process: subprocess.Popen[str], ready: Path, limit: float = 60.0) -> None:
    """Poll for the ready file (written once the window is built), with a deadline."""
    deadline = time.monotonic() + limit
    while not ready.exists():
        try:
            process.wait(timeout=0.05)  # also notices a process that died while starting
        except subprocess.TimeoutExpired:
            pass
        else:
            out, err = process.communicate()
            pytest.fail(f"losslab exited with {process.returncode} before it was ready: {err}")
        if time.monotonic() > deadline:
            process.kill()
            process.communicate()
            pytest.fail("losslab was not ready within the deadline")
    assert ready.read_text().strip() == str(process.pid)


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_closes_like_the_close_button(tmp_path, number):
    from losslab.qt.settings import make_settings

    process, settings_path, ready = _start(tmp_path)
    try:
        _wait_until_ready(process, ready)
        assert not settings_path.exists()  # nothing saved until the window closes
        sent = time.monotonic()
        process.send_signal(number)
        status = process.wait(timeout=10)
        elapsed = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
        out, err = process.communicate()
    assert status == 0, err
    assert elapsed < 2.0, elapsed
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    saved = make_settings(settings_path)
    for key in ("window/geometry", "window/state"):
        value = saved.value(key)
        assert value is not None and len(value) > 0, key
    assert saved.value("version") is not None
    from losslab.panels import PANELS

    for entry in PANELS:
        assert saved.contains(f"panels/{entry.key}"), entry.key
