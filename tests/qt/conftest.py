"""Fixtures for the Qt tests: a settings file of the test's own and a shown main window."""

from __future__ import annotations

import pytest


@pytest.fixture
def settings(tmp_path):
    from losslab.qt.settings import make_settings

    return make_settings(tmp_path / "losslab.ini")


@pytest.fixture
def window(qtbot, settings, dialogs):
    from losslab.qt.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(autouse=True)
def _english(qapp):
    """Every Qt test starts in English with LossLab's English catalogue, as the app would.

    The catalogue gives the English plural forms (``trn``); installing it per test means a test
    that switches to Chinese cannot leak its language into the next one.
    """
    from losslab.qt import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture(autouse=True)
def _flush_deferred_deletes(qapp):
    """Destroy the widgets a test deleted before the next test starts.

    Windows closed by earlier tests are deleted lazily (deleteLater); left alone, the next test
    that runs the event loop pays for all of them at once (seconds for several main windows),
    which can push a real-timer test past its wait.
    """
    from PySide6.QtCore import QEvent

    yield
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
