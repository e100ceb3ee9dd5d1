"""Shared test set-up: offscreen Qt, a private settings file per test, no modal dialogs, and the
Qt fixtures (a settings file, a shown main window) that the Qt tests and every panel's view tests
use.

The tests mirror ``app/losslab``: ``core/``, ``maths/``, ``io/``, ``cli/`` (the command line as a
whole), ``qt/`` (the shared Qt machinery: main window, binding, export, themes, i18n, playback,
sessions, …), ``panels/<key>/`` (``test_model.py``, ``test_view.py``, ``test_cli.py`` of one
panel), ``packaging/`` and ``benchmarks/``.  Qt-free tests never import Qt: the Qt set-up below
runs only for tests that use ``qapp``/``qtbot`` (directly or through a fixture such as
``window``) or live in a Qt folder (``qt/``, a panel's ``test_view.py``).
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

# Must happen before anything imports Qt: tests never need (or open) a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: This checkout's package, for the subprocesses tests start (``python -m losslab ...``): an
#: installed losslab may be another copy.
APP_DIR = Path(__file__).resolve().parents[1] / "app"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(APP_DIR)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep)
                      if p and Path(p).resolve() != APP_DIR])

import pytest  # noqa: E402

TESTS = Path(__file__).resolve().parent


def _uses_qt(request: pytest.FixtureRequest) -> bool:
    """True for a test that needs the QApplication: it (or a fixture it uses) asks for qapp or
    qtbot, or it lives where the Qt tests live."""
    names = request.fixturenames
    if "qapp" in names or "qtbot" in names:
        return True
    path = Path(str(request.node.path)).resolve()
    try:
        parts = path.relative_to(TESTS).parts
    except ValueError:
        return False
    return parts[:1] == ("qt",) or (parts[:1] == ("panels",) and path.name == "test_view.py")


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, monkeypatch):
    """Every test gets its own settings file, so no test sees another's (or the user's)."""
    monkeypatch.setenv("LOSSLAB_SETTINGS", str(tmp_path / "settings.ini"))


@pytest.fixture(autouse=True)
def _english(request):
    """Every Qt test starts in English with LossLab's English catalogue, as the app would.

    The catalogue gives the English plural forms (``trn``); installing it per test means a test
    that switches to Chinese cannot leak its language into the next one.  Qt-free tests skip it
    (and so never import Qt).
    """
    if not _uses_qt(request):
        yield
        return
    request.getfixturevalue("qapp")
    from losslab.qt import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture(autouse=True)
def _flush_deferred_deletes(request):
    """Destroy the widgets a Qt test deleted (or left in garbage cycles) before the next test.

    Windows closed by earlier tests are deleted lazily (deleteLater); left alone, the next test
    that runs the event loop pays for all of them at once (seconds for several main windows),
    which can push a real-timer test past its wait.
    """
    if not _uses_qt(request):
        yield
        return
    qapp = request.getfixturevalue("qapp")
    from PySide6.QtCore import QEvent

    # As in the app (losslab.qt.gc_guard): no automatic garbage collection while Qt code runs —
    # a collection that starts inside a Qt call holding a lock can destroy a widget of an
    # earlier test there and hang the run.  Cycles are collected here, between tests.
    gc.disable()
    yield
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.enable()


@pytest.fixture
def settings(tmp_path):
    """A settings file of the test's own."""
    from losslab.qt.settings import make_settings

    return make_settings(tmp_path / "losslab.ini")


@pytest.fixture
def window(qtbot, settings, dialogs):
    """A shown main window on the test's own settings, with the modal dialogs replaced."""
    from losslab.qt.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def dialogs(monkeypatch):
    """Replace the modal dialogs (they would block an offscreen test forever).

    ``dialogs.save_path`` is what the save dialog "chooses"; ``dialogs.int_value`` what an
    integer prompt answers; every message box call is recorded in ``dialogs.messages``.
    """
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    class Dialogs:
        save_path = ""
        open_path = ""
        int_value: int | None = None
        messages: list[tuple[str, str, str]] = []

    record = Dialogs()
    record.messages = []

    def message(kind):
        def show(_parent, title, text, *args, **kwargs):
            record.messages.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return staticmethod(show)

    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, message(kind))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (record.save_path, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (record.open_path, "")))

    def get_int(_parent, _title, _label, value, *args, **kwargs):
        return (record.int_value if record.int_value is not None else value, True)

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(get_int))
    return record
