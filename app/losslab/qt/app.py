"""Starting and stopping the GUI: the QApplication, the window, the event loop.

Starting: with no display to open a window on, ``run_gui`` says so in one line and returns 2
before Qt is asked for a window (Qt would dump its plugin list and abort the process).
Stopping: Ctrl+C (SIGINT) and SIGTERM close the window as its close button does, so the
settings and the dock layout are saved, and the process exits with status 0.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from losslab import __version__

#: Qt warnings that say nothing to a user (the offscreen platform cannot size native windows).
_HARMLESS = ("This plugin does not support propagateSizeHints()",)

#: Exit status when the GUI cannot start here (the CLI's status for bad usage).
EXIT_NO_DISPLAY = 2

#: Set to a file path to have the app write its process id there once the window is built
#: (scripts and tests wait for that file instead of guessing how long the start takes).
READY_ENV_VAR = "LOSSLAB_READY_FILE"

#: Qt platform plugins that draw without a display server (explicit QT_QPA_PLATFORM values).
_NO_DISPLAY_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "eglfs",
                                   "linuxfb", "vkkhrdisplay", "directfb"})

_HEADLESS_HINT = "headless, use 'losslab export PANEL OUT' (see 'losslab --help')"

#: While the QApplication is being created: Qt's messages so far (a failing platform plugin
#: explains itself in warnings and then calls qFatal, which would abort the process).
_startup_messages: list[str] | None = None


def _message_handler(kind: QtMsgType, _context: object, message: str) -> None:
    if message in _HARMLESS:
        return
    if _startup_messages is not None:
        if kind == QtMsgType.QtFatalMsg:
            # Last line of defence behind display_problem(): one line and status 2, no abort.
            # Qt's first complaint names the cause ("could not connect to display", a missing
            # library); the later ones and the fatal message only say that it gave up.
            reasons = [m.strip() for m in _startup_messages if m.strip()] or [message.strip()]
            sys.stderr.write(f"losslab: error: Qt cannot open a window here "
                             f"({reasons[0].splitlines()[0]}); {_HEADLESS_HINT}\n")
            sys.stderr.flush()
            os._exit(EXIT_NO_DISPLAY)
        _startup_messages.append(message)
        return
    sys.stderr.write(f"{message}\n")


def _load(soname: str, short: str) -> ctypes.CDLL | None:
    """A C library by its usual soname, else wherever ctypes finds it (slower: runs ldconfig)."""
    for name in (soname, ctypes.util.find_library(short)):
        if name:
            try:
                return ctypes.CDLL(name)
            except OSError:
                continue
    return None


def _x_server_answers() -> bool | None:
    """Whether the X server named by ``$DISPLAY`` accepts a connection (None: cannot tell).

    Uses libxcb (what Qt's xcb plugin itself connects with) or else libX11 through ctypes; a
    connection to a local server takes about a millisecond.
    """
    try:
        xcb = _load("libxcb.so.1", "xcb")
        if xcb is not None:
            xcb.xcb_connect.restype = ctypes.c_void_p
            xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
            xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
            xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
            connection = xcb.xcb_connect(None, None)  # never NULL; a failure is flagged
            failed = bool(xcb.xcb_connection_has_error(connection))
            xcb.xcb_disconnect(connection)
            return not failed
        x11 = _load("libX11.so.6", "X11")
        if x11 is not None:
            x11.XOpenDisplay.restype = ctypes.c_void_p
            x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
            x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
            display = x11.XOpenDisplay(None)
            if display:
                x11.XCloseDisplay(display)
            return bool(display)
    except AttributeError:  # a library without the expected functions: cannot tell
        pass
    return None


def _wayland_socket(env: Mapping[str, str]) -> bool:
    """Whether the Wayland compositor's socket exists where libwayland-client would look."""
    if env.get("WAYLAND_SOCKET"):  # an already-connected socket handed down by the compositor
        return True
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"  # libwayland-client's own default
    if os.path.isabs(name):
        return Path(name).exists()
    runtime_dir = env.get("XDG_RUNTIME_DIR", "")
    return bool(runtime_dir) and (Path(runtime_dir) / name).exists()


def display_problem(env: Mapping[str, str] | None = None,
                    platform: str | None = None,
                    x_server_answers: Callable[[], bool | None] = _x_server_answers) -> str:
    """Why no window can be opened here, as the one line to print; "" when one can.

    Only Linux and the BSDs need a display server (Windows and macOS always have a desktop).
    An explicit ``QT_QPA_PLATFORM`` is respected: ``offscreen``, ``minimal`` and the other
    plugins that draw without a display server need nothing; ``xcb`` needs an X server,
    ``wayland`` a compositor.  A ``;``-separated list of fallbacks works if any entry works.
    Unknown plugin names are left to Qt (its failure is still turned into one line).
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return ""
    requested = [entry.split(":")[0].strip().lower()
                 for entry in env.get("QT_QPA_PLATFORM", "").split(";")]
    requested = [name for name in requested if name] or ["wayland", "xcb"]  # Qt's own order
    x_display = env.get("DISPLAY", "")
    for name in requested:
        if name in _NO_DISPLAY_PLATFORMS:
            return ""
        if name.startswith("wayland") and _wayland_socket(env):
            return ""
        if name == "xcb" and x_display and x_server_answers() is not False:
            return ""
        if not (name.startswith("wayland") or name == "xcb"):
            return ""  # a plugin we know nothing about: let Qt try
    wants_x = "xcb" in requested
    wants_wayland = any(name.startswith("wayland") for name in requested)
    if wants_x and x_display:
        missing = f"cannot open display {x_display!r} (DISPLAY is set but no X server answers)"
    elif wants_wayland and env.get("WAYLAND_DISPLAY"):
        missing = (f"no Wayland compositor at {env['WAYLAND_DISPLAY']!r} "
                   f"(WAYLAND_DISPLAY is set but its socket is missing)")
    elif wants_x and wants_wayland:
        missing = "no display found (DISPLAY and WAYLAND_DISPLAY are unset)"
    elif wants_x:
        missing = "no display found (QT_QPA_PLATFORM asks for xcb but DISPLAY is unset)"
    else:
        missing = "no display found (QT_QPA_PLATFORM asks for wayland but WAYLAND_DISPLAY is unset)"
    return f"losslab: error: {missing}; the app needs a desktop session — {_HEADLESS_HINT}"


def app_icon() -> QIcon:
    """LossLab's icon, read from the package resources (no paths relative to the cwd)."""
    from losslab.datafiles import read_bytes

    pixmap = QPixmap()
    pixmap.loadFromData(read_bytes("icons", "losslab.svg"), "SVG")
    return QIcon(pixmap)


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created with LossLab's names if there is none yet.

    If Qt cannot start its platform plugin, the process prints one line and exits with
    status 2 (see :func:`_message_handler`) instead of aborting with Qt's plugin dump.
    """
    global _startup_messages
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_message_handler)
        _startup_messages = []
        try:
            app = QApplication(argv if argv is not None else sys.argv[:1])
        finally:
            # Warnings of a start that worked after all are still worth showing.
            held, _startup_messages = _startup_messages, None
            for message in held:
                sys.stderr.write(f"{message}\n")
        app.setApplicationName("LossLab")
        app.setOrganizationName("LossLab")
        app.setApplicationVersion(__version__)
        app.setWindowIcon(app_icon())
        # Ties the window to packaging/io.github.losslab.LossLab.desktop (icon on Wayland).
        app.setDesktopFileName("io.github.losslab.LossLab")
    return app  # type: ignore[return-value]


class _SignalWatcher(QObject):
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
def _signals_close(window: QWidget) -> Iterator[_SignalWatcher | None]:
    """SIGINT/SIGTERM close ``window`` while inside; nothing outside the main thread (Python
    only lets the main thread install signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield None
        return
    watcher = _SignalWatcher(window)
    watcher.install()
    try:
        yield watcher
    finally:
        watcher.uninstall()


def _announce_ready(path: str) -> None:
    """Write the process id to ``path`` (atomically: a reader never sees half a file)."""
    from losslab.io.atomic import WriteError, atomic_write_text

    try:
        atomic_write_text(Path(path), f"{os.getpid()}\n")
    except WriteError as exc:
        sys.stderr.write(f"losslab: warning: {READY_ENV_VAR}: {exc}\n")


def run_gui(settings_path: str | None = None, session_path: str | None = None) -> int:
    """Show the main window and run until it closes; returns the exit status.

    Returns 2 at once, after one line on stderr, when there is no display to show it on.
    Closing by the window's button, by Ctrl+C or by SIGTERM saves the settings and returns 0.
    """
    if QApplication.instance() is None:
        problem = display_problem()
        if problem:
            sys.stderr.write(problem + "\n")
            return EXIT_NO_DISPLAY
    app = ensure_app()
    from losslab.qt.compat import pyside_problem
    from losslab.qt.crash import CrashReporter
    from losslab.qt.main_window import MainWindow
    from losslab.qt.settings import make_settings

    warning = pyside_problem()
    if warning:
        sys.stderr.write(f"losslab: warning: {warning}\n")
    # Show and paint the window's shell first: the panels (and pyqtgraph, ~0.3 s to import)
    # are built right after, so the user sees the window at once.
    window = MainWindow(make_settings(settings_path), deferred=True)
    reporter = CrashReporter(window)
    reporter.install()
    window.show()  # its first paint triggers window.finish()
    ready_file = os.environ.get(READY_ENV_VAR, "")

    def when_ready() -> None:
        if warning:
            window.statusBar().showMessage(warning)
        if session_path:
            window.open_session(session_path)
        if ready_file:
            _announce_ready(ready_file)

    window.ready.connect(when_ready)
    try:
        with _signals_close(window):
            return app.exec()
    finally:
        reporter.uninstall()
