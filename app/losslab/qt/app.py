"""Starting the GUI: the QApplication, the window, the event loop."""

from __future__ import annotations

import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from losslab import __version__

#: Qt warnings that say nothing to a user (the offscreen platform cannot size native windows).
_HARMLESS = ("This plugin does not support propagateSizeHints()",)


def _message_handler(kind: QtMsgType, _context: object, message: str) -> None:
    if message in _HARMLESS:
        return
    sys.stderr.write(f"{message}\n")


def app_icon() -> QIcon:
    """LossLab's icon, read from the package resources (no paths relative to the cwd)."""
    from losslab.datafiles import read_bytes

    pixmap = QPixmap()
    pixmap.loadFromData(read_bytes("icons", "losslab.svg"), "SVG")
    return QIcon(pixmap)


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created with LossLab's names if there is none yet."""
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_message_handler)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("LossLab")
        app.setOrganizationName("LossLab")
        app.setApplicationVersion(__version__)
        app.setWindowIcon(app_icon())
        # Ties the window to packaging/io.github.losslab.LossLab.desktop (icon on Wayland).
        app.setDesktopFileName("io.github.losslab.LossLab")
    return app  # type: ignore[return-value]


def run_gui(settings_path: str | None = None, session_path: str | None = None) -> int:
    """Show the main window and run until it closes; returns the exit status."""
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

    def when_ready() -> None:
        if warning:
            window.statusBar().showMessage(warning)
        if session_path:
            window.open_session(session_path)

    window.ready.connect(when_ready)
    try:
        return app.exec()
    finally:
        reporter.uninstall()
