"""One start-up run, in its own process: ``python startup_child.py MODE [DUMP]``.

MODE is ``floor`` (python + QApplication + an empty QMainWindow shown and painted), ``losslab``
(the app's window, as ``losslab`` starts it, in its default layout: the panel in front visible)
or ``matplotlib`` (a Qt window of the same size with one FigureCanvasQTAgg per visible panel
showing the same plots, read from DUMP). Prints JSON lines with wall-clock timestamps
(``time.time_ns``): ``first_paint`` when the window's first paint pass has finished and
``plots_drawn`` when every figure has been painted with its plots; the parent subtracts its own
timestamp taken just before starting us.

A paint pass is "finished" when a zero-delay timer queued from inside the paint event fires:
Qt paints a whole window in one go, so the timer runs after the pass.
"""

from __future__ import annotations

import os
import sys

from _common import WINDOW_SIZE, PaintWatcher, emit


def _finish_when(app, watched_groups, window) -> None:
    """Report first_paint (window) and plots_drawn (all figures), then quit."""
    from PySide6.QtCore import QTimer

    done: dict[str, bool] = {"first": False, "plots": False}
    figures_painted: set[int] = set()
    figures, is_drawn = watched_groups

    def after_window_paint() -> None:
        if not done["first"]:
            done["first"] = True
            emit("first_paint")
            check()

    def after_figure_paint(fig) -> None:
        if is_drawn(fig):
            figures_painted.add(id(fig))
        check()

    def check() -> None:
        if done["first"] and not done["plots"] and len(figures_painted) == len(figures):
            done["plots"] = True
            emit("plots_drawn")
            QTimer.singleShot(0, app.quit)

    window._bench_w = PaintWatcher([window], lambda _o: QTimer.singleShot(0, after_window_paint))
    window._bench_f = PaintWatcher(
        figures, lambda o: QTimer.singleShot(0, lambda o=o: after_figure_paint(o)))
    # Safety net: never hang the parent.
    QTimer.singleShot(60_000, app.quit)


def run_floor() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    _finish_when(app, ([], lambda _f: True), window)
    window.show()
    app.exec()


def run_losslab(settings_path: str) -> None:
    """The same steps as ``losslab.qt.app.run_gui``, in the default layout: a deferred window
    whose shell is painted first ("Loading LossLab…"), then the docks, then the panel in front
    (panels are built when their tab first comes forward).  ``first_paint`` is the shell's
    first paint; ``plots_drawn`` is every figure in front painted."""
    from losslab.qt.app import ensure_app

    app = ensure_app()
    from PySide6.QtCore import QTimer

    from losslab.qt.main_window import MainWindow
    from losslab.qt.settings import make_settings

    window = MainWindow(make_settings(settings_path), deferred=True)
    done = {"first": False, "plots": False}
    painted: set[str] = set()
    watchers: list[PaintWatcher] = []

    def check() -> None:
        if not done["first"] or done["plots"] or not window.finished:
            return
        front = [k for k, d in window.docks.items() if window.in_front(d)]
        if front and all(k in painted for k in front):
            done["plots"] = True
            emit("plots_drawn", panels=front)
            QTimer.singleShot(0, app.quit)

    def after_window_paint() -> None:
        if not done["first"]:
            done["first"] = True
            emit("first_paint")
            check()

    def after_figure_paint(key: str) -> None:
        painted.add(key)
        check()

    def on_built(key: str) -> None:
        viewport = window.panels.built[key].graphics.viewport()
        watchers.append(PaintWatcher(
            [viewport], lambda _o, k=key: QTimer.singleShot(0, lambda: after_figure_paint(k))))

    window._bench_w = PaintWatcher([window], lambda _o: QTimer.singleShot(0, after_window_paint))
    window.panel_built.connect(on_built)
    QTimer.singleShot(60_000, app.quit)  # safety net: never hang the parent
    window.show()
    app.exec()


def run_matplotlib(dump_path: str) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication(sys.argv[:1])
    import matplotlib

    matplotlib.use("QtAgg")
    from _common import load_dump, mpl_draw_panel
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    dump = load_dump(dump_path)
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    central = QWidget()
    window.setCentralWidget(central)
    canvases = []
    drawn: set[int] = set()
    for panel in dump["panels"]:
        x, y, w, h = panel["rect"]
        fig = Figure(figsize=(w / 100, h / 100), dpi=100, layout="constrained")
        mpl_draw_panel(fig, panel, dump["arrays"])
        canvas = FigureCanvasQTAgg(fig)
        canvas.setParent(central)
        canvas.setGeometry(x, y, w, h)
        fig.canvas.mpl_connect("draw_event", lambda _e, c=canvas: drawn.add(id(c)))
        canvases.append(canvas)
    _finish_when(app, (canvases, lambda c: id(c) in drawn), window)
    window.show()
    app.exec()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode == "floor":
        run_floor()
    elif mode == "losslab":
        run_losslab(sys.argv[2])
    elif mode == "matplotlib":
        run_matplotlib(sys.argv[2])
    else:
        raise SystemExit(f"unknown mode {mode}")
