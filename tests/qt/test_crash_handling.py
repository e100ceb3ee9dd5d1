"""An exception in a slot is logged and shown once per burst; the app keeps working."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer

from losslab.qt.compat import pyside_problem
from losslab.qt.crash import CrashReporter


@pytest.fixture
def reporter(window, tmp_path, monkeypatch):
    monkeypatch.setenv("LOSSLAB_DATA_DIR", str(tmp_path / "data"))
    rep = CrashReporter(window)
    rep.install()
    yield rep
    if rep.box is not None:
        rep.box.close()
    rep.uninstall()


def test_exception_in_a_slot_is_logged_shown_and_the_app_keeps_working(window, reporter, qtbot):
    def broken_slot():
        raise RuntimeError("boom in a slot")

    # pytest-qt would turn the exception into a test failure; here it is the subject.
    with qtbot.capture_exceptions() as caught:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(caught) >= 1)
    assert sys.excepthook == reporter.handle
    reporter.handle(*caught[0])  # what the installed hook receives outside pytest-qt
    assert "boom in a slot" in reporter.log_path.read_text()
    assert reporter.box is not None and reporter.box.isVisible()
    assert not reporter.box.isModal()
    # The app still works: a state change still redraws.
    window.states["losses"].huber_delta = 0.3
    assert window.panels["losses"].controls["huber_delta"].value() == pytest.approx(0.3)


def test_a_burst_of_errors_shows_one_message(reporter):
    for i in range(5):
        try:
            raise ValueError(f"error {i}")
        except ValueError:
            reporter.handle(*sys.exc_info())
    assert reporter.count == 5
    log = reporter.log_path.read_text()
    assert all(f"error {i}" in log for i in range(5))
    first_box = reporter.box
    assert first_box.isVisible()
    try:
        raise ValueError("again")
    except ValueError:
        reporter.handle(*sys.exc_info())
    assert reporter.box is first_box


def test_broken_pyside_combination_is_detected():
    assert "6.12.0" in pyside_problem("6.12.0", (3, 11))
    assert pyside_problem("6.12.0", (3, 12)) == ""
    assert pyside_problem("6.11.3", (3, 11)) == ""
    assert pyside_problem() == ""  # the pinned, installed combination is fine
