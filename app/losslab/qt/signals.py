"""Ctrl+C (SIGINT) and SIGTERM close the window the way its close button does.

A Qt event loop runs in C++, so Python's signal handlers would wait for an event that never comes;
:class:`SignalWatcher` wakes the loop through ``signal.set_wakeup_fd`` and a socket notifier.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class SignalWatcher(QObject):
    """Turns SIGINT and SIGTERM into the window's close (settings and layout saved), then quit.

    A Qt event loop runs in C++; Python's signal handlers only run when the interpreter gets
    control.  ``signal.set_wakeup_fd`` makes the C-level handler write a byte into a socket
    pair, and a QSocketNotifier on the other end wakes the event loop into a Python slot, where
    the pending handler runs at once (no polling timer, nothing done while idle).  A second
    signal while closing ends the process at once with the conventional status 128 + signal.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.closing = False
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous_fd = -1
        self._previous: dict[int, Any] = {}

    @staticmethod
    def signals() -> list[int]:
        # Windows delivers SIGINT (Ctrl+C in the console); SIGTERM exists but is never sent.
        return [signal.SIGINT, signal.SIGTERM]

    def install(self) -> None:
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in self.signals():
            self._previous[number] = signal.signal(number, self._handle)

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()

    def _drain(self) -> None:
        # Reaching Python is the point: the pending handler has run by now.  Empty the socket
        # so that the notifier does not fire again for the same signal.
        try:
            while self._reader.recv(64):
                pass
        except OSError:
            pass

    def _handle(self, number: int, _frame: FrameType | None) -> None:
        if self.closing:
            sys.stderr.flush()
            os._exit(128 + number)
        self.closing = True
        self.received = number
        # Leave the handler first: closing saves settings and tears widgets down, which is
        # event-loop work, not signal-handler work.
        QTimer.singleShot(0, self._close)

    def _close(self) -> None:
        self.window.close()  # the close button's path: closeEvent saves settings and layout
        app = QApplication.instance()
        if app is not None:
            app.quit()


@contextmanager
def signals_close(window: QWidget) -> Iterator[SignalWatcher | None]:
    """SIGINT/SIGTERM close ``window`` while inside; nothing outside the main thread (Python
    only lets the main thread install signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield None
        return
    watcher = SignalWatcher(window)
    watcher.install()
    try:
        yield watcher
    finally:
        watcher.uninstall()
