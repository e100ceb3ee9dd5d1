"""Unexpected errors: recorded in a log file, shown once per burst, never fatal.

Installed from ``main()`` (never at import, so tests and embedding code keep their own hooks):

* ``sys.excepthook`` receives exceptions raised in Qt slots (PySide6 routes them there); the
  traceback is appended to ``crash.log`` in the user's data folder and a non-modal message
  box says so.  While that box is open, further errors are only logged: a slot that fails on
  every mouse move must not bury the user in dialogs;
* ``faulthandler`` writes native crashes (segfaults in Qt or numpy) to ``native-crash.log``.
"""

from __future__ import annotations

import datetime
import faulthandler
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from losslab.qt.binding import tr

ENV_VAR = "LOSSLAB_DATA_DIR"


def data_dir() -> Path:
    """Where logs go: ``$LOSSLAB_DATA_DIR`` or Qt's per-user application data folder."""
    chosen = os.environ.get(ENV_VAR) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation)
    path = Path(chosen or Path.home() / ".losslab")
    path.mkdir(parents=True, exist_ok=True)
    return path


class CrashReporter:
    """The exception hook; keeps a count so tests (and the About box) can tell what happened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.count = 0
        self.box: QMessageBox | None = None
        self.log_path = data_dir() / "crash.log"
        self._previous_hook = sys.excepthook
        self._native_log: IO[Any] | None = None

    def install(self) -> None:
        sys.excepthook = self.handle
        try:
            self._native_log = open(data_dir() / "native-crash.log", "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(self._native_log)
        except OSError:
            faulthandler.enable()

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        if self._native_log is not None:
            faulthandler.disable()
            self._native_log.close()
            self._native_log = None

    def handle(self, kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, value, tb)
            return
        self.count += 1
        text = "".join(traceback.format_exception(kind, value, tb))
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        try:
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(f"--- {stamp}\n{text}\n")
        except OSError:
            pass
        sys.stderr.write(text)
        if self.box is not None and self.box.isVisible():
            return  # same burst: logged, not shown again
        self.box = QMessageBox(QMessageBox.Icon.Warning, tr("Something went wrong", "crash"),
                               tr("LossLab hit an unexpected error and carried on. "
                                  "Details were written to:", "crash") + f"\n{self.log_path}",
                               QMessageBox.StandardButton.Close, self.parent)
        self.box.setObjectName("crash_message")
        self.box.setDetailedText(text)
        self.box.setModal(False)
        self.box.show()
