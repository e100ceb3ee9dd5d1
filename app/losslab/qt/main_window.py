"""The main window: docks from the registry, menus, status bar, persistence.

The window owns one state object per panel (from the model registry) and hands each to its
panel; it never reaches into a panel's drawing.  Geometry, dock layout and every panel's
parameters persist through an injected ``QSettings``; whatever is stored is validated, and a
stale, corrupt or wrong-typed value falls back to the default instead of stopping the start.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QChildEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from losslab import __version__
from losslab.core.state import PanelState
from losslab.io.atomic import WriteError
from losslab.io.export import (
    MAX_SCALE,
    MAX_SIDE,
    MIN_SIDE,
    PRESETS,
    FigureOptions,
    figure_size,
)
from losslab.io.session import (
    SessionError,
    SessionResult,
    apply_session,
    read_session_file,
    save_session,
)
from losslab.panels import PANELS
from losslab.qt import i18n, theme
from losslab.qt.binding import quiet, tr, trn
from losslab.qt.settings import (
    SETTINGS_VERSION,
    make_settings,
    read_bool,
    read_bytes,
    read_int,
    read_json,
    read_str,
    write_json,
)

if TYPE_CHECKING:  # the panels (and pyqtgraph) load after the window shell is painted
    from collections.abc import Callable

    from losslab.lessons.format import Lesson
    from losslab.lessons.runner import LessonRunner
    from losslab.qt.lesson_bar import LessonBar, PageKeys
    from losslab.qt.panel_base import BasePanel


class PanelMap(Mapping[str, "BasePanel"]):
    """``window.panels``: the panel of every dock, built the first time it is needed.

    Building a panel imports pyqtgraph and computes its figure (the network panel trains two
    networks, the risk panel runs 16 fits), so the window builds only the panels whose tab is in
    front; the others are built when their tab is first shown, or when code asks for them here
    (``window.panels[key]``, ``window.panel(key)``).  Every key of an existing dock is listed,
    built or not; iterating over the values builds them all.  :attr:`built` holds the panels
    built so far.
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.built: dict[str, BasePanel] = {}

    def __getitem__(self, key: str) -> BasePanel:
        if key not in self._window.docks:
            raise KeyError(key)
        return self._window.panel(key)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._window.docks))

    def __len__(self) -> int:
        return len(self._window.docks)

    def __contains__(self, key: object) -> bool:
        return key in self._window.docks

    def clear(self) -> None:
        self.built.clear()


def file_filters() -> dict[str, str]:
    """File-dialog filters by suffix, in the current language."""
    return {
        ".png": tr("PNG image (*.png)", "menu"),
        ".svg": tr("SVG vector image (*.svg)", "menu"),
        ".csv": tr("CSV data (*.csv)", "menu"),
        ".json": tr("JSON data (*.json)", "menu"),
        ".gif": tr("Animated GIF (*.gif)", "menu"),
    }


class MainWindow(QMainWindow):
    """LossLab's window.  ``settings`` is injectable so that each test has its own file."""

    #: Emitted when :meth:`finish` has built the docks and menus (at once unless ``deferred``);
    #: the panel in front is built right after, when its dock is first shown.
    ready = Signal()
    #: Emitted with a panel's key when its view has been built (see :class:`PanelMap`).
    panel_built = Signal(str)

    def __init__(self, settings: QSettings | None = None,
                 states: dict[str, PanelState] | None = None, *, deferred: bool = False) -> None:
        """Build the window; with ``deferred`` only its shell (title, status bar, look).

        A deferred window can be shown and painted at once, before pyqtgraph, numpy and the
        panels are loaded; :meth:`finish` then builds the docks and menus and restores the
        saved layout (``run_gui`` calls it right after the first paint).
        """
        super().__init__()
        self.setObjectName("losslab_main_window")
        self.setWindowTitle(f"LossLab {__version__}")
        self.settings = settings if settings is not None else make_settings()
        self.states: dict[str, PanelState] = states or {}
        self.docks: dict[str, QDockWidget] = {}
        self.toggle_actions: dict[str, QAction] = {}
        self.panels = PanelMap(self)
        self._pending_builds: set[str] = set()
        self.current_key = PANELS[0].key
        self.startup_problems: list[str] = []
        # The lesson in progress (None when none): see start_lesson / leave_lesson.
        self.lesson_runner: LessonRunner | None = None
        self.lesson_bar: LessonBar | None = None
        self.lesson_toolbar: QToolBar | None = None
        self._lesson_keys: PageKeys | None = None
        self._lesson_locked: set[tuple[str, str]] = set()
        self._lesson_hidden: set[tuple[str, str]] = set()
        self._lesson_unsubscribe: list[Callable[[], None]] = []
        self._lesson_docks: dict[str, tuple[bool, bool]] = {}
        self._lesson_front_key = ""
        self.setDockNestingEnabled(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)

        self.cursor_label = QLabel()
        self.cursor_label.setObjectName("cursor_readout")
        self.statusBar().addPermanentWidget(self.cursor_label, 1)

        self._apply_look()
        self.resize(1280, 800)
        self.finished = False
        self._finish_scheduled = False
        if deferred:
            loading = QLabel(tr("Loading LossLab…", "menu"))
            loading.setObjectName("loading")
            self.setCentralWidget(loading)  # replaced by _build_docks
        else:
            self.finish()

    def finish(self) -> None:
        """Create the states, the docks and menus, and restore the saved window state.

        The panels themselves are built as their docks come to the front (see
        :class:`PanelMap`): start-up pays for the one panel the user sees.
        """
        if self.finished:
            return
        self.finished = True
        if not self.states:
            self.states = {entry.key: entry.model.make_state() for entry in PANELS}
        geometry = self.saveGeometry()
        self._build_docks()
        self._build_menus()
        self._default_layout = self.saveState(SETTINGS_VERSION)
        self.restoreGeometry(geometry)
        self._restore()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # type: ignore[union-attr]
        self.ready.emit()

    def childEvent(self, event: QChildEvent) -> None:  # noqa: N802 (Qt override)
        super().childEvent(event)
        child = event.child()
        if event.polished() and isinstance(child, QTabBar):
            # The tab bars of tabbed docks (made by Qt whenever docks are tabbed together):
            # whole titles, scrolling when they do not all fit ("Loss C…" says nothing).
            child.setElideMode(Qt.TextElideMode.ElideNone)
            child.setUsesScrollButtons(True)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self.finished and not self._finish_scheduled:
            # The shell is on screen now; build the rest as soon as the event loop is free.
            self._finish_scheduled = True
            QTimer.singleShot(0, self.finish)

    # ------------------------------------------------------------------ building
    def _build_docks(self) -> None:
        """Every panel is a tab of one dock area, so the panel in front gets the whole window.

        Each panel is a lesson of its own with up to six plots and a column of controls: side
        by side at 1280×800 none of them has room for its plots (the neuron panel showed two of
        six).  As tabs, each one shows all its plots at a readable size, Alt+1…9 (View menu)
        bring one to the front, and a user can still drag a tab out beside another.
        """
        # The docks fill the window; a zero-size central widget keeps QMainWindow's layout happy.
        central = QWidget()
        central.setMaximumSize(0, 0)
        old = self.takeCentralWidget()
        if old is not None:
            # Taken out of the layout first: deleted while still the central widget, the
            # "Loading…" label could be mid-way through a dock animation and crash Qt.
            old.hide()
            old.deleteLater()
        self.setCentralWidget(central)
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        first: QDockWidget | None = None
        for spec in PANELS:
            if spec.key not in self.states:
                continue
            dock = QDockWidget(tr(spec.title, "panels"), self)
            dock.setObjectName(spec.key)
            # The panel itself is built when the dock first comes to the front (PanelMap).
            placeholder = QWidget()
            placeholder.setObjectName(f"{spec.key}_placeholder")
            dock.setWidget(placeholder)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            dock.visibilityChanged.connect(partial(self._on_dock_visibility_changed, spec.key))
            if first is None:
                self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
                first = dock
            else:
                self.tabifyDockWidget(first, dock)
            self.docks[spec.key] = dock
            # Widgets added to a window that is already visible stay hidden until shown (the
            # deferred start-up and the rebuild after a language change); a saved layout
            # restored afterwards still decides which docks stay open.
            dock.show()
        if first is not None:
            first.raise_()

    def panel(self, key: str) -> BasePanel:
        """The panel of dock ``key``, built now if it has not been yet."""
        built = self.panels.built.get(key)
        if built is not None:
            return built
        dock = self.docks[key]  # KeyError for a key without a dock
        spec = next(s for s in PANELS if s.key == key)
        panel: BasePanel = spec.view_class()(self.states[key])
        panel.cursor_text.connect(self._on_cursor_text)
        placeholder = dock.widget()
        dock.setWidget(panel)
        if placeholder is not None and placeholder is not panel:
            placeholder.deleteLater()
        self.panels.built[key] = panel
        if dock.isVisible():
            # Lay the new panel out now, as an eagerly built one would have been: a caller that
            # grabs or measures it at once must see its final geometry, not the dock's first guess.
            # (QLayout shows a widget added to a visible parent from a queued call, and the
            # dock, the window and the panel's splitter each settle on a posted event.)
            for _ in range(3):
                QApplication.sendPostedEvents()
        self.panel_built.emit(key)
        return panel

    def _on_dock_visibility_changed(self, key: str, visible: bool) -> None:
        """Build a dock's panel once it is on screen.

        Qt reports a tab as visible for a moment while docks are being tabified or a layout is
        restored, so the check waits for the event loop and builds only a dock still in front.
        """
        if visible and key not in self.panels.built:
            if not self._pending_builds:
                QTimer.singleShot(0, self._build_pending)
            self._pending_builds.add(key)

    def _build_pending(self) -> None:
        keys, self._pending_builds = self._pending_builds, set()
        for key in self.docks:  # in menu order
            dock = self.docks[key]
            if key in keys and key not in self.panels.built and self.in_front(dock):
                self.panel(key)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File", "menu"))
        file_menu.addAction(self._action(tr("&Open session…", "menu"), self.open_session_dialog,
                                         QKeySequence.StandardKey.Open, "open_session"))
        file_menu.addAction(self._action(tr("&Save session…", "menu"), self.save_session_dialog,
                                         QKeySequence.StandardKey.Save, "save_session"))
        file_menu.addSeparator()
        self.export_png_action = self._action(
            tr("Export figure as &PNG…", "menu"), lambda: self.export_dialog(".png"),
            "Ctrl+E", "export_png")
        file_menu.addAction(self.export_png_action)
        file_menu.addAction(self._action(tr("Export figure as &SVG…", "menu"),
                                         lambda: self.export_dialog(".svg"), "Ctrl+Shift+E",
                                         "export_svg"))
        file_menu.addAction(self._action(tr("Export &data as CSV…", "menu"),
                                         lambda: self.export_dialog(".csv"), "Ctrl+Shift+D",
                                         "export_csv"))
        file_menu.addAction(self._action(tr("Export data as &JSON…", "menu"),
                                         lambda: self.export_dialog(".json"), None,
                                         "export_json"))
        file_menu.addAction(self._action(tr("Save &window screenshot…", "menu"),
                                         self.screenshot_dialog, "Ctrl+Shift+S", "screenshot"))
        file_menu.addAction(self._action(tr("&Copy figure", "menu"), self.copy_current_figure,
                                         "Ctrl+Shift+C", "copy_figure"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(tr("&Quit", "menu"), self.close,
                                         QKeySequence.StandardKey.Quit, "quit"))

        self.view_menu = bar.addMenu(tr("&View", "menu"))
        for index, (key, dock) in enumerate(self.docks.items(), start=1):
            toggle = self._action(dock.windowTitle(), lambda _=False, d=dock: self.toggle_dock(d),
                                  f"Alt+{index}" if index <= 9 else None, f"toggle_{key}")
            toggle.setCheckable(True)
            self.toggle_actions[key] = toggle
            # Checked while the panel is open (in front or behind another tab): Qt's own
            # toggle action tracks exactly that.
            toggle.setChecked(dock.toggleViewAction().isChecked())
            dock.toggleViewAction().toggled.connect(toggle.setChecked)
            self.view_menu.addAction(toggle)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self._action(tr("&Reset layout", "menu"), self.reset_layout,
                                              None, "reset_layout"))

        self.view_menu.addSeparator()
        theme_menu = self.view_menu.addMenu(tr("&Theme", "menu"))
        group = QActionGroup(self)
        names = {"system": tr("Follow the system", "menu"), "light": tr("Light", "menu"),
                 "dark": tr("Dark", "menu"), "high_contrast": tr("High contrast", "menu")}
        for name, text in names.items():
            action = self._action(text, lambda _=False, n=name: self.set_theme(n), None,
                                  f"theme_{name}")
            action.setCheckable(True)
            action.setChecked(name == self.theme_choice())
            group.addAction(action)
            theme_menu.addAction(action)
        presenter = self._action(tr("&Presenter mode (large text, thick lines)", "menu"),
                                 self.set_presenter, "Ctrl+Shift+P", "presenter_mode")
        presenter.setCheckable(True)
        presenter.setChecked(self.presenter_mode())
        self.view_menu.addAction(presenter)

        self._build_lessons_menu(bar.addMenu(tr("L&essons", "lessons")))

        language_menu = bar.addMenu(tr("&Language", "menu"))
        group = QActionGroup(self)
        for choice in i18n.LANGUAGES:
            text = tr("System", "menu") if choice == "system" else i18n.NATIVE_NAMES[choice]
            action = self._action(text, lambda _=False, c=choice: self.set_language(c), None,
                                  f"language_{choice}")
            action.setCheckable(True)
            action.setChecked(choice == self.language())
            group.addAction(action)
            language_menu.addAction(action)

        help_menu = bar.addMenu(tr("&Help", "menu"))
        help_menu.addAction(self._action(tr("How to read &this panel", "menu"),
                                         self.show_panel_help, QKeySequence.StandardKey.HelpContents,
                                         "panel_help"))
        help_menu.addAction(self._action(tr("&Keyboard shortcuts", "menu"), self.show_shortcuts,
                                         "Ctrl+/", "shortcuts"))
        help_menu.addSeparator()
        help_menu.addAction(self._action(tr("&About LossLab", "menu"), self.show_about, None,
                                         "about"))

    # ------------------------------------------------------------------ current panel
    @staticmethod
    def in_front(dock: QDockWidget) -> bool:
        """Open and not behind another tab (Qt reports a dock behind a tab as visible, with
        nothing of it on screen)."""
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def toggle_dock(self, dock: QDockWidget) -> None:
        """Alt+N: a closed panel opens in front; an open one behind another tab comes to the
        front; the one in front closes.  (With every panel a tab, plain show/hide would close
        a panel the user meant to look at.)"""
        opened = not self.in_front(dock)
        if opened:
            dock.show()
            dock.raise_()
            self.current_key = dock.objectName()
        else:
            dock.close()
        # Triggering flipped the check mark; it means "open", whatever was pressed.
        self.toggle_actions[dock.objectName()].setChecked(opened)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        widget = new
        while widget is not None:
            if isinstance(widget, QDockWidget) and widget.objectName() in self.panels:
                self.current_key = widget.objectName()
                return
            widget = widget.parentWidget()

    def current_panel(self) -> BasePanel:
        """The panel the user last worked in if it is in front, else the first one in front
        (the tab the user is looking at), else the first open one."""
        dock = self.docks.get(self.current_key)
        if dock is not None and self.in_front(dock):
            return self.panels[self.current_key]
        for check in (self.in_front, QDockWidget.isVisible):
            for key, dock in self.docks.items():
                if check(dock):
                    return self.panels[key]
        return self.panels[self.current_key]

    def _on_cursor_text(self, text: str) -> None:
        self.cursor_label.setText(text)

    # ------------------------------------------------------------------ export
    def export_dialog(self, suffix: str) -> None:
        """File → Export: for a figure first its size, scale and theme
        (:class:`FigureExportDialog`), then the file (starting in the last export folder)."""
        panel = self.current_panel()
        options = None
        if suffix in (".png", ".svg"):
            dialog = FigureExportDialog(self, suffix, (panel.graphics.width(),
                                                       panel.graphics.height()))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        folder = read_str(self.settings, "export/folder", str(Path.home()))
        if not Path(folder).is_dir():
            folder = str(Path.home())
        start = str(Path(folder) / f"losslab-{panel.model.key}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export", "menu"), start,
                                              file_filters().get(suffix, ""))
        if not path:
            return
        if not Path(path).suffix:
            path += suffix
        self.settings.setValue("export/folder", str(Path(path).parent))
        self.export_panel(panel, path, options=options)

    def export_panel(self, panel: BasePanel, path: str, width: int | None = None,
                     options: FigureOptions | None = None) -> bool:
        """Export through the one dispatch and report; a failure shows a message and leaves
        no file."""
        from losslab.qt.export import export_panel
        from losslab.qt.panel_base import ExportError

        if options is None:
            options = FigureOptions(figure_size(width, None))
        try:
            written = export_panel(panel, path, options)
        except (ExportError, WriteError, ValueError) as exc:
            self.report_error(tr("Export failed", "menu"), str(exc))
            return False
        message = (tr("Wrote {path} ({what})", "menu").format(path=path, what=written)
                   if written else tr("Wrote {path}", "menu").format(path=path))
        self.statusBar().showMessage(message, 8000)
        return True

    def screenshot_dialog(self) -> None:
        start = str(Path.home() / "losslab-window.png")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save window screenshot", "menu"), start,
                                              file_filters()[".png"])
        if not path:
            return
        try:
            from losslab.qt.export import save_window_screenshot

            save_window_screenshot(self, path)
        except WriteError as exc:
            self.report_error(tr("Screenshot failed", "menu"), str(exc))
            return
        self.statusBar().showMessage(tr("Saved {path}", "menu").format(path=path), 5000)

    def copy_current_figure(self) -> None:
        self.current_panel().copy_figure()
        self.statusBar().showMessage(tr("Figure copied to the clipboard", "menu"), 3000)

    def report_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, title, message)

    def show_panel_help(self) -> None:
        """The current panel's "how to read it" text, in the current language (non-modal)."""
        from losslab.qt.help import HelpDialog, panel_help_html

        key = self.current_panel().state.panel_key()
        html = panel_help_html(key, i18n.resolve(self.language()))
        self._show_help(HelpDialog(tr("How to read this panel", "menu"), html, self))

    def show_shortcuts(self) -> None:
        """Every shortcut, read from the window's actions (non-modal)."""
        from losslab.qt.help import HelpDialog, shortcuts_html

        actions = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]
        self._show_help(HelpDialog(tr("Keyboard shortcuts", "menu"), shortcuts_html(actions),
                                   self))

    def _show_help(self, dialog: QDialog) -> None:
        """Show ``dialog`` in place of the help window that was open (one at a time)."""
        old: QDialog | None = getattr(self, "help_dialog", None)
        if old is not None:
            old.close()
            old.deleteLater()
        self.help_dialog = dialog
        dialog.show()

    def show_about(self) -> None:
        QMessageBox.about(self, tr("About LossLab", "menu"),
                          f"LossLab {__version__}\n" + tr("Learn loss functions by playing "
                                                          "with them.", "menu"))

    # ------------------------------------------------------------------ language and look
    def language(self) -> str:
        return read_str(self.settings, "language", "system", i18n.LANGUAGES)

    def theme_choice(self) -> str:
        return read_str(self.settings, "theme", "system", ("system", *theme.THEMES))

    def presenter_mode(self) -> bool:
        return read_bool(self.settings, "presenter", False)

    def set_language(self, choice: str) -> None:
        self.settings.setValue("language", choice)
        self.rebuild_ui()

    def set_theme(self, name: str) -> None:
        self.settings.setValue("theme", name)
        self.rebuild_ui()

    def set_presenter(self, on: bool) -> None:
        self.settings.setValue("presenter", bool(on))
        self.rebuild_ui()

    def _apply_look(self) -> None:
        """Install the language's translators and the theme (palette, fonts, plot colours)."""
        i18n.install(self.language())
        current = theme.choose(self.theme_choice(), self.presenter_mode())
        theme.install(current)
        # At once, and last: the application-wide change reaches existing windows only later,
        # and the palette change resets a font set before it.
        self.setFont(QApplication.font())

    def rebuild_ui(self) -> None:
        """Rebuild every view (docks, panels, menus) after a language or theme change.

        The states are untouched, so nothing the user set is lost; the dock layout is kept.
        """
        layout = self.saveState(SETTINGS_VERSION)
        for dock in self.docks.values():
            self.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks.clear()
        self.panels.clear()
        self.menuBar().clear()
        # The status bar's texts were written in the old language (and theme): clear them.
        self.statusBar().clearMessage()
        self.cursor_label.clear()
        self._apply_look()
        self._build_docks()
        self._build_menus()
        self.restoreState(layout, SETTINGS_VERSION)
        if self.lesson_runner is not None:
            # New panels, new language: lock their controls again and retell the step.
            self._lesson_locked.clear()
            self._lesson_hidden.clear()
            self._show_lesson_bar()
            self._on_lesson_step(self.lesson_runner.index)

    # ------------------------------------------------------------------ sessions

    def save_session(self, path: str) -> bool:
        try:
            save_session(path, self.states, bytes(self.saveState(SETTINGS_VERSION).data()),
                         self.language())
        except WriteError as exc:
            self.report_error(tr("Could not save the session", "menu"), str(exc))
            return False
        self.statusBar().showMessage(tr("Session saved to {path}", "menu").format(path=path), 5000)
        return True

    def open_session(self, path: str) -> SessionResult | None:
        """Load a session: valid parts applied and the rest reported, or nothing applied."""
        self.leave_lesson()  # else leaving later would undo the session
        try:
            data = read_session_file(path)
            # Validate against scratch copies first, so a refused file changes nothing.
            scratch = {k: type(s)() for k, s in self.states.items()}
            for key, state in self.states.items():
                scratch[key].update(state.values(), clamp=False)
            apply_session(data, scratch)
        except SessionError as exc:
            self.report_error(tr("Could not open the session", "menu"), str(exc))
            return None
        with ExitStack() as stack:  # one redraw per panel, however many values change
            for state in self.states.values():
                stack.enter_context(state.batch())
            result = apply_session(data, self.states)
        if result.layout and not self.restoreState(QByteArray(result.layout), SETTINGS_VERSION):
            result.problems.append(tr("the dock layout could not be restored; kept the current one",
                                      "menu"))
        if result.language is not None and result.language != self.language():
            self.set_language(result.language)
        if result.problems:
            self.report_error(tr("Session opened with problems", "menu"), result.message())
        else:
            self.statusBar().showMessage(tr("Session loaded from {path}", "menu").format(path=path), 5000)
        return result

    def save_session_dialog(self) -> None:
        start = str(Path.home() / "losslab-session.json")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save session", "menu"), start,
                                              tr("LossLab session (*.json)", "menu"))
        if path:
            if not Path(path).suffix:
                path += ".json"
            self.save_session(path)

    def open_session_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open session", "menu"), str(Path.home()),
                                              tr("LossLab session (*.json);;All files (*)",
                                                 "menu"))
        if path:
            self.open_session(path)

    # ------------------------------------------------------------------ lessons
    def _build_lessons_menu(self, menu: QMenu) -> None:
        """Lessons: the built-in lessons in teaching order, a teacher's own file, saving the
        current panel as a step, the handout, and stepping (PageUp / PageDown)."""
        from losslab.lessons.format import LessonError, builtin_lessons

        menu.setObjectName("lessons_menu")
        self.lessons_menu = menu
        language = i18n.resolve(self.language())
        try:
            lessons = builtin_lessons()
        except LessonError as exc:  # a broken built-in must not stop the app
            lessons = []
            self.statusBar().showMessage(str(exc), 15000)
        for number, lesson in enumerate(lessons, start=1):
            title = lesson.title.get(language).replace("&", "&&")  # a title's & is no accelerator
            text = f"&{number}  {title}" if number < 10 else f"{number}  {title}"
            menu.addAction(self._action(text, lambda _=False, les=lesson: self.start_lesson(les),
                                        None, f"lesson_{lesson.id}"))
        menu.addSeparator()
        menu.addAction(self._action(tr("&Open lesson file…", "lessons"), self.open_lesson_dialog,
                                    None, "open_lesson"))
        menu.addAction(self._action(tr("&Add the current panel as a lesson step…", "lessons"),
                                    self.save_lesson_step_dialog, None, "save_lesson_step"))
        self.lesson_actions: dict[str, QAction] = {}
        for language_key, text in (("en", tr("Export handout in &English (PDF)…", "lessons")),
                                   ("zh_CN", tr("Export handout in &Chinese (PDF)…", "lessons"))):
            action = self._action(text, lambda _=False, lk=language_key:
                                  self.export_handout_dialog(lk), None,
                                  f"export_handout_{language_key}")
            menu.addAction(action)
            self.lesson_actions[f"handout_{language_key}"] = action
        menu.addSeparator()
        for key, text, shortcut, slot in (
                ("previous", tr("&Previous step", "lessons"), "PgUp", self.lesson_previous),
                ("next", tr("&Next step", "lessons"), "PgDown", self.lesson_next),
                ("leave", tr("&Leave lesson", "lessons"), None, self.leave_lesson)):
            action = self._action(text, slot, shortcut, f"lesson_{key}_action")
            menu.addAction(action)
            self.lesson_actions[key] = action
        self._update_lesson_actions()

    def _update_lesson_actions(self) -> None:
        running = self.lesson_runner is not None
        for action in getattr(self, "lesson_actions", {}).values():
            action.setEnabled(running)

    def start_lesson(self, lesson: Lesson) -> bool:
        """Begin ``lesson`` at its first step; the panels' values and the tab in front are kept
        aside and come back on :meth:`leave_lesson`."""
        from losslab.lessons.format import LessonError
        from losslab.lessons.runner import LessonRunner
        from losslab.qt.lesson_bar import PageKeys

        self.leave_lesson()
        try:
            runner = LessonRunner(lesson, self.states, self._on_lesson_step)
        except LessonError as exc:
            self.report_error(tr("Could not start the lesson", "lessons"), str(exc))
            return False
        self._lesson_docks = {key: (dock.isVisible(), self.in_front(dock))
                              for key, dock in self.docks.items()}
        self._lesson_front_key = self.current_key
        self.lesson_runner = runner
        self._show_lesson_bar()
        self._lesson_keys = PageKeys(self, self.lesson_previous, self.lesson_next)
        self._lesson_keys.install()
        self._update_lesson_actions()
        runner.start()
        return True

    def _show_lesson_bar(self) -> None:
        """(Re)build the lesson bar, in the current language, in a toolbar above the panels."""
        from losslab.qt.lesson_bar import LessonBar

        assert self.lesson_runner is not None
        if self.lesson_toolbar is None:
            self.lesson_toolbar = QToolBar(tr("Lesson", "lessons"), self)
            self.lesson_toolbar.setObjectName("lesson_toolbar")
            self.lesson_toolbar.setMovable(False)
            self.lesson_toolbar.setFloatable(False)
            self.lesson_toolbar.toggleViewAction().setVisible(False)
            self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.lesson_toolbar)
        self.lesson_toolbar.clear()
        if self.lesson_bar is not None:
            self.lesson_bar.deleteLater()
        self.lesson_bar = LessonBar(self.lesson_runner, i18n.resolve(self.language()))
        self.lesson_bar.leave_requested.connect(self.leave_lesson)
        self.lesson_bar.revealed.connect(self._on_lesson_revealed)
        self.lesson_bar.handout_requested.connect(
            lambda: self.export_handout_dialog(i18n.resolve(self.language())))
        self.lesson_toolbar.addWidget(self.lesson_bar)
        self.lesson_toolbar.show()

    def lesson_next(self) -> None:
        if self.lesson_runner is not None:
            self.lesson_runner.next()

    def lesson_previous(self) -> None:
        if self.lesson_runner is not None:
            self.lesson_runner.previous()

    def _pause_playback(self) -> None:
        """Stop every running animation: a run playing on must not move a state the lesson
        (or leaving it) has just set."""
        for panel in self.panels.built.values():  # a panel not built yet plays nothing
            playback = getattr(panel, "playback", None)
            if playback is not None:
                playback.controller.pause()

    def _on_lesson_revealed(self) -> None:
        """Reveal on an animated panel plays the run from the step's frame to the revealed
        one (the end of the run) instead of jumping there."""
        runner = self.lesson_runner
        if runner is None or "frame" not in runner.step.reveal:
            return
        step = runner.step
        playback = getattr(self.panels.get(step.panel), "playback", None)
        start = int(step.start_values.get("frame", 0))
        if playback is None or start >= int(step.reveal["frame"]):
            return
        self.states[step.panel].set("frame", start)
        playback.controller.play()

    def _on_lesson_step(self, index: int) -> None:
        """The runner set a step's panel state: bring the panel to the front, lock and hide
        its controls as the step says, and retell the bar."""
        runner = self.lesson_runner
        if runner is None:
            return
        self._pause_playback()
        key = runner.step.panel
        dock = self.docks.get(key)
        if dock is not None:
            dock.show()
            dock.raise_()
            self.current_key = key
        self._apply_lesson_controls()
        if self.lesson_bar is not None:
            self.lesson_bar.refresh()

    def _apply_lesson_controls(self) -> None:
        """Lock / hide what the current step names; give back what it no longer names."""
        from losslab.qt.lesson_bar import set_hidden, set_locked

        runner = self.lesson_runner
        step = runner.step if runner is not None and runner.active else None
        locked = {(step.panel, n) for n in step.locked} if step else set()
        hidden = {(step.panel, n) for n in step.hidden} if step else set()
        released = set()
        for key, name in self._lesson_locked - locked:
            if key in self.panels:
                set_locked(self.panels[key], name, False)
                released.add(key)
        for key, name in self._lesson_hidden - hidden:
            if key in self.panels:
                set_hidden(self.panels[key], name, False)
                released.add(key)
        self._lesson_locked, self._lesson_hidden = locked, hidden
        for key in released:
            # The panel's own rules (a row shown only for one mode, a box enabled only while
            # another is off) decide again now that the lesson no longer does.
            self.panels[key].redraw_all()
        for unsubscribe in self._lesson_unsubscribe:
            unsubscribe()
        self._lesson_unsubscribe = []
        for key in {k for k, _ in locked | hidden}:
            # After the panel's own redraw (it subscribed first), which may enable or show a
            # control by its rules: the lesson's lock wins.
            self._lesson_unsubscribe.append(self.states[key].subscribe(
                lambda _changed: self._enforce_lesson_controls()))
        self._enforce_lesson_controls()

    def _enforce_lesson_controls(self) -> None:
        from losslab.qt.lesson_bar import set_hidden, set_locked

        for key, name in self._lesson_locked:
            if key in self.panels:
                set_locked(self.panels[key], name, True)
        for key, name in self._lesson_hidden:
            if key in self.panels:
                set_hidden(self.panels[key], name, True)

    def leave_lesson(self) -> None:
        """End the lesson: every panel's values, the docks that were open and the tab that was
        in front come back; controls are unlocked and shown again."""
        runner = self.lesson_runner
        if runner is None:
            return
        self._pause_playback()
        runner.leave()
        self._apply_lesson_controls()  # the runner is inactive: releases everything
        self.lesson_runner = None
        if self._lesson_keys is not None:
            self._lesson_keys.remove()
            self._lesson_keys.deleteLater()
            self._lesson_keys = None
        if self.lesson_toolbar is not None:
            self.removeToolBar(self.lesson_toolbar)
            self.lesson_toolbar.deleteLater()
            self.lesson_toolbar = None
            self.lesson_bar = None
        for key, (visible, _front) in self._lesson_docks.items():
            dock = self.docks.get(key)
            if dock is not None and not visible:
                dock.close()
            elif dock is not None and visible and not dock.isVisible():
                dock.show()  # closed during the lesson: open as before
        for key, (visible, front) in self._lesson_docks.items():
            dock = self.docks.get(key)
            if dock is not None and visible and front:
                dock.raise_()
        self.current_key = self._lesson_front_key or self.current_key
        self._update_lesson_actions()

    def open_lesson_dialog(self) -> None:
        """Lessons → Open lesson file: a teacher's own lesson (TOML)."""
        folder = read_str(self.settings, "lessons/folder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, tr("Open lesson", "lessons"), folder,
                                              tr("LossLab lesson (*.toml);;All files (*)",
                                                 "lessons"))
        if path:
            self.settings.setValue("lessons/folder", str(Path(path).parent))
            self.open_lesson_file(path)

    def open_lesson_file(self, path: str) -> bool:
        """Start the lesson in ``path``; a broken file is reported (file, step, field)."""
        from losslab.lessons.format import LessonError, read_lesson

        try:
            lesson = read_lesson(path)
        except LessonError as exc:
            self.report_error(tr("Could not open the lesson", "lessons"), str(exc))
            return False
        return self.start_lesson(lesson)

    def save_lesson_step_dialog(self) -> None:
        """Lessons → Add the current panel as a lesson step: pick a lesson file (new or
        existing); the step is appended to it."""
        folder = read_str(self.settings, "lessons/folder", str(Path.home()))
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Add the current panel to a lesson", "lessons"),
            str(Path(folder) / "my-lesson.toml"), tr("LossLab lesson (*.toml)", "lessons"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        if not Path(path).suffix:
            path += ".toml"
        self.settings.setValue("lessons/folder", str(Path(path).parent))
        self.save_lesson_step(path)

    def save_lesson_step(self, path: str, key: str | None = None) -> bool:
        """Append a step showing panel ``key`` (default: the current one) with every parameter
        that differs from its default to the lesson file ``path`` (created if missing),
        atomically.  A broken existing file is reported and left as it is."""
        from losslab.io.atomic import atomic_write_text
        from losslab.lessons.format import LessonError, changed_params, with_step

        key = key or self.current_panel().state.panel_key()
        target = Path(path)
        try:
            existing = target.read_text(encoding="utf-8") if target.exists() else None
            text, lesson = with_step(existing, target, key, changed_params(self.states[key]))
            atomic_write_text(target, text)
        except (LessonError, WriteError) as exc:
            self.report_error(tr("Could not add the step", "lessons"), str(exc))
            return False
        except (OSError, UnicodeDecodeError) as exc:
            self.report_error(tr("Could not add the step", "lessons"),
                              f"{target.name}: {exc}")
            return False
        self.statusBar().showMessage(tr("Added step {n} to {path}", "lessons").format(
            n=len(lesson.steps), path=path), 8000)
        return True

    def export_handout_dialog(self, language: str) -> None:
        """Export the running lesson's handout in ``language`` ("en" or "zh_CN")."""
        runner = self.lesson_runner
        if runner is None:
            return
        folder = read_str(self.settings, "export/folder", str(Path.home()))
        if not Path(folder).is_dir():
            folder = str(Path.home())
        start = str(Path(folder) / f"{runner.lesson.id}-{language}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export handout", "lessons"), start,
                                              tr("PDF document (*.pdf)", "lessons"))
        if not path:
            return
        if not Path(path).suffix:
            path += ".pdf"
        self.settings.setValue("export/folder", str(Path(path).parent))
        self.export_handout(runner.lesson, path, language)

    def export_handout(self, lesson: Lesson, path: str, language: str) -> bool:
        from losslab.qt.handout import write_handout

        try:
            pages = write_handout(lesson, path, language, restore_language=self.language())
        except (WriteError, ValueError) as exc:
            self.report_error(tr("Could not export the handout", "lessons"), str(exc))
            return False
        self.statusBar().showMessage(trn("Wrote {path} (%n page(s))", pages, "lessons")
                                     .format(path=path), 8000)
        return True

    # ------------------------------------------------------------------ persistence
    def reset_layout(self) -> None:
        """Back to the default dock arrangement, every panel visible."""
        for dock in self.docks.values():
            dock.setFloating(False)
        self.restoreState(self._default_layout, SETTINGS_VERSION)
        for dock in self.docks.values():
            dock.show()

    def _restore(self) -> None:
        s = self.settings
        if read_int(s, "version", SETTINGS_VERSION) != SETTINGS_VERSION:
            self.startup_problems.append(tr("settings from another version ignored", "menu"))
            return
        for key, state in self.states.items():
            stored = read_json(s, f"panels/{key}")
            if stored is None:
                if s.contains(f"panels/{key}"):
                    self.startup_problems.append(
                        tr("{panel}: stored parameters unreadable", "menu").format(panel=key))
                continue
            problems = state.from_dict(stored)
            self.startup_problems.extend(f"{key}: {p}" for p in problems)
        geometry = read_bytes(s, "window/geometry")
        if geometry is not None and not self.restoreGeometry(geometry):
            self.startup_problems.append(tr("window geometry unreadable", "menu"))
        layout = read_bytes(s, "window/state")
        if layout is not None and not self.restoreState(layout, SETTINGS_VERSION):
            self.startup_problems.append(tr("dock layout unreadable", "menu"))
            self.restoreState(self._default_layout, SETTINGS_VERSION)
        if self.startup_problems:
            self.statusBar().showMessage(
                trn("%n saved setting(s) ignored: {problems}", len(self.startup_problems), "menu")
                .format(problems="; ".join(self.startup_problems)), 15000)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("version", SETTINGS_VERSION)
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(SETTINGS_VERSION))
        for key, state in self.states.items():
            write_json(s, f"panels/{key}", state.to_dict())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.leave_lesson()  # the user's own parameters are saved, not the lesson's
        self.save_settings()
        super().closeEvent(event)


class FigureExportDialog(QDialog):
    """Size (a preset or width × height in logical pixels), PNG scale and theme of a figure
    export.  Choosing a preset fills the spin boxes; editing them selects "Custom"."""

    def __init__(self, parent: QWidget | None, suffix: str, screen_size: tuple[int, int]) -> None:
        super().__init__(parent)
        self.setObjectName("figure_export_dialog")
        self.setWindowTitle(tr("Export figure", "menu"))
        self.screen_size = screen_size
        form = QFormLayout(self)
        self.preset = QComboBox()
        self.preset.setObjectName("export_preset")
        for key, (label, _size) in PRESETS.items():
            self.preset.addItem(tr(label, "menu"), key)
        self.preset.addItem(tr("Custom", "menu"), "custom")
        form.addRow(tr("Size", "menu"), self.preset)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, name in ((self.width_box, "export_width"), (self.height_box, "export_height")):
            box.setObjectName(name)
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSuffix(" px")
            box.valueChanged.connect(self._on_size_edited)
        form.addRow(tr("Width", "menu"), self.width_box)
        form.addRow(tr("Height", "menu"), self.height_box)
        self.scale_box = QDoubleSpinBox()
        self.scale_box.setObjectName("export_scale")
        self.scale_box.setRange(0.5, MAX_SCALE)
        self.scale_box.setSingleStep(0.5)
        self.scale_box.setValue(1.0)
        self.scale_box.setEnabled(suffix == ".png")
        form.addRow(tr("PNG scale", "menu"), self.scale_box)
        self.theme_box = QComboBox()
        self.theme_box.setObjectName("export_theme")
        self.theme_box.addItem(tr("Current theme", "menu"), "")
        self.theme_box.addItem(tr("Light (for print)", "menu"), "light")
        for name in theme.THEMES:
            if name != "light":
                self.theme_box.addItem(tr(name.replace("_", " ").capitalize(), "menu"), name)
        form.addRow(tr("Theme", "menu"), self.theme_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self._on_preset(self.preset.currentIndex())

    def _on_preset(self, index: int) -> None:
        key = self.preset.itemData(index)
        if key == "custom":
            return
        size = PRESETS[key][1] or self.screen_size
        # Filling in the preset's size is not the user editing it.
        with quiet(self.width_box, self.height_box):
            self.width_box.setValue(size[0])
            self.height_box.setValue(size[1])

    def _on_size_edited(self) -> None:
        with quiet(self.preset):
            self.preset.setCurrentIndex(self.preset.findData("custom"))

    def options(self) -> FigureOptions:
        """What the user chose; "on-screen size" in the current theme means the figure as it
        is shown (drawn from the docked panel, no copy)."""
        size = (self.width_box.value(), self.height_box.value())
        name = self.theme_box.currentData() or None
        if self.preset.currentData() == "screen":
            size = self.screen_size
        return FigureOptions(size, self.scale_box.value(), name)
