"""Shared test set-up: offscreen Qt, a private settings file per test, no modal dialogs."""

from __future__ import annotations

import os

# Must happen before anything imports Qt: tests never need (or open) a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, monkeypatch):
    """Every test gets its own settings file, so no test sees another's (or the user's)."""
    monkeypatch.setenv("LOSSLAB_SETTINGS", str(tmp_path / "settings.ini"))


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
