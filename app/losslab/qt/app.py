"""Starting and stopping the GUI: the QApplication, the window, the event loop.

Starting: with no display to open a window on, ``run_gui`` says so in one line and returns 2
before Qt is asked for a window (Qt would dump its plugin list and abort the process).
Stopping: Ctrl+C (SIGINT) and SIGTERM close the window as its close button does, so the
settings and the dock layout are saved, and the process exits with status 0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from losslab import __version__
from losslab.qt import gc_guard
from losslab.qt.display import HEADLESS_HINT, display_problem
from losslab.qt.signals import signals_close

#: Qt warnings that say nothing to a user (the offscreen platform cannot size native windows).
_HARMLESS = ("This plugin does not support propagateSizeHints()",)

#: Exit status when the GUI cannot start here (the CLI's status for bad usage).
EXIT_NO_DISPLAY = 2

#: Set to a file path to have the app write its process id there once the window is built
#: (scripts and tests wait for that file instead of guessing how long the start takes).
READY_ENV_VAR = "LOSSLAB_READY_FILE"

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
                             f"({reasons[0].splitlines()[0]}); {HEADLESS_HINT}\n")
            sys.stderr.flush()
            os._exit(EXIT_NO_DISPLAY)
        _startup_messages.append(message)
        return
    sys.stderr.write(f"{message}\n")


def app_icon() -> QIcon:
    """LossLab's icon, read from the package resources (no paths relative to the cwd)."""
    from losslab.datafiles import read_bytes

    pixmap = QPixmap()
    pixmap.loadFromData(read_bytes("icons", "losslab.svg"), "SVG")
    return QIcon(pixmap)


def serial_painting() -> None:
    """Keep Qt's raster painting on the thread that paints.

    Qt hands every fill or blit of 96 rows or more to a pool of helper threads and waits for
    them.  LossLab's repaints are many figure-sized blits (cached curves, axes, heat maps):
    measured on an animation frame, the hand-offs and waits cost more than they save
    (frame median about 20 % lower without them, and a steadier 95th percentile).  Qt reads
    ``QT_NO_GUI_THREADPOOL`` (set at all: no pool) once, before its first threaded fill, so
    this runs before the QApplication is made; a value already set is kept.
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created with LossLab's names if there is none yet.

    If Qt cannot start its platform plugin, the process prints one line and exits with
    status 2 (see :func:`_message_handler`) instead of aborting with Qt's plugin dump.
    """
    global _startup_messages
    app = QApplication.instance()
    if app is None:
        serial_painting()
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
        gc_guard.install(app)
    return app  # type: ignore[return-value]


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
        with signals_close(window):
            return app.exec()
    finally:
        reporter.uninstall()
