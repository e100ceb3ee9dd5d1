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
