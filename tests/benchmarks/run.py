"""LossLab's benchmark: the app against matplotlib and against the Qt floor, in one run.

    python tests/benchmarks/run.py                 full run (several minutes), writes
                                                   tests/benchmarks/results.json and RESULTS.md
    python tests/benchmarks/run.py --quick --out DIR   a tiny run (seconds) that exercises every measure
    python tests/benchmarks/run.py --only neuron_frame,fit_drag --out DIR   some measures only

Everything runs on Qt's offscreen platform at 1280×800, in the app's default layout (every panel
a tab of one dock area, the Loss Curves tab in front, no saved settings); a measure of another
panel brings that panel's tab to the front first, as a user would.  Machines differ and shared
machines drift, so every comparison is a ratio measured in the same run, and latencies are
reported as median and 95th percentile.

Measures (see RESULTS.md for the table and how each is judged):

1. loss panel drag: ``state.set`` (as the Huber δ handle or spin box does) and a synchronous
   repaint of the figure (``viewport().repaint()``); also through the event loop (``processEvents``
   until the figure's paint event ran);
2. matplotlib (FigureCanvasQTAgg of the loss figure's size, same curves, same parameter change,
   same model function): full ``draw()`` + repaint, and blitting the changed artists;
3. whole window update: ``state.set`` + ``window.repaint()`` (every visible widget repaints), in
   the default layout; and, for information, with every dock split side by side;
4. animation frames of every animated panel (neuron, network) while playing: the panel's own
   playback timer runs at 60 frames/s and each tick is timed from the timer event to the end
   of the paint pass it caused; also scrubbing (``state.frame = i`` + the event loop) and a
   synchronous repaint, for information;
5. Fit lab drag with 200 points (the panel's own drag calls: every fit solved and redrawn); Risk
   lab degree and sample-size changes and the Resample button, each until every plot (also the
   deferred ones) has been painted; the Risk lab's slowest single change, for information;
6. start-up in subprocesses: to the first painted window and to the visible panel's figure
   painted, against the floor (python + QApplication + empty QMainWindow painted) and a
   matplotlib window showing the same plots;
7. export of the loss figure: PNG at 1× and 2400 px wide, SVG, against ``savefig``; every file
   checked (size, not blank, the SVG renders);
8. headless ``losslab export losses x.png`` as a whole process, against a process that only
   imports PySide6 and makes a QGuiApplication; the PNG checked;
9. memory (VmHWM, VmRSS) after start and after 10,000 updates, in a subprocess.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
if str(ROOT / "app") not in sys.path:  # a checkout without installing (PYTHONPATH comes first)
    sys.path.append(str(ROOT / "app"))

import numpy as np  # noqa: E402
from _common import (  # noqa: E402
    WINDOW_SIZE,
    PaintWatcher,
    arrange_all_visible,
    check_png,
    check_svg,
    draw_plot_on_axes,
    dump_plots,
    in_front_keys,
    save_dump,
)

#: Every measure the JSON holds (the smoke test checks them all).
MEASURES = (
    "losses_update_repaint", "losses_update_event_loop", "window_update_repaint",
    "window_update_event_loop", "window_update_all_docks", "mpl_draw", "mpl_blit",
    "neuron_frame", "network_frame", "fit_drag", "risk_degree", "risk_n", "risk_resample",
    "risk_slowest_change",
    "startup_floor_first_paint", "startup_losslab_first_paint", "startup_losslab_plots_drawn",
    "startup_mpl_first_paint", "startup_mpl_plots_drawn",
    "export_png_1x", "export_png_2400", "export_svg", "mpl_savefig_png_1x",
    "mpl_savefig_png_2400", "mpl_savefig_svg", "svg_size", "mpl_svg_size",
    "cli_export_png", "cli_floor",
    "memory_after_start", "memory_after_updates", "memory_growth",
)
#: Groups of measures that ``--only`` can name (each group runs as one step).
STEPS = ("losses", "window", "frames", "fit", "risk", "mpl", "export", "startup", "cli",
         "memory")


# ---------------------------------------------------------------------- statistics
def summary(samples_ns: list[int] | list[float], unit: str = "ms", scale: float = 1e-6
            ) -> dict[str, Any]:
    values = np.asarray(samples_ns, dtype=np.float64) * scale
    if values.size == 0:
        return {"available": False, "n": 0, "unit": unit, "reason": "no samples"}
    return {
        "available": True, "unit": unit, "n": int(values.size),
        "median": float(np.median(values)), "p95": float(np.percentile(values, 95)),
        "min": float(values.min()), "max": float(values.max()),
        "mean": float(values.mean()),
    }


def not_available(reason: str) -> dict[str, Any]:
    return {"available": False, "reason": reason}


# ---------------------------------------------------------------------- in-process set-up
class Bench:
    """The app's window in its default layout, and the timing loops."""

    def __init__(self, updates: int, workdir: Path) -> None:
        from losslab.qt.app import ensure_app
        from losslab.qt.main_window import MainWindow
        from losslab.qt.settings import make_settings

        self.app = ensure_app()
        self.updates = updates
        self.workdir = workdir
        self.window = MainWindow(make_settings(workdir / "bench-settings.ini"))
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        self.settle()
        self.window.repaint()
        self.settle()

    def settle(self, rounds: int = 5) -> None:
        for _ in range(rounds):
            self.app.processEvents()

    def panel(self, key: str) -> Any:
        """The panel of ``key``, its tab brought to the front and painted (None when the app has
        no such panel)."""
        window = self.window
        if key not in window.docks:
            return None
        window.docks[key].show()
        window.docks[key].raise_()
        self.settle()
        panel = window.panel(key) if hasattr(window, "panel") else window.panels[key]
        self.settle()
        panel.graphics.viewport().repaint()
        self.settle()
        return panel

    # a drag back and forth over Huber's δ, never setting the same value twice in a row
    @staticmethod
    def deltas(n: int) -> list[float]:
        sweep = [round(0.3 + 2.7 * i / 59, 4) for i in range(60)]
        sweep += sweep[-2:0:-1]
        return [sweep[i % len(sweep)] for i in range(n)]

    def time_repaint(self, change: Callable[[int], None], paint: Callable[[], None], n: int,
                     warmup: int = 10) -> list[int]:
        """ns per (change(i); paint()), the event loop flushed between samples (untimed)."""
        samples = []
        perf = time.perf_counter_ns
        for i in range(-warmup, n):
            t0 = perf()
            change(i)
            paint()
            t1 = perf()
            self.settle(2)
            if i >= 0:
                samples.append(t1 - t0)
        return samples

    def time_event_loop(self, change: Callable[[int], None], targets: list[Any], n: int,
                        warmup: int = 10, busy: Callable[[], bool] | None = None,
                        ) -> tuple[list[int], dict[str, Any]]:
        """ns per (change(i); the event loop until every target widget was painted).

        With ``busy`` (work the panel still has pending, e.g. a deferred redraw), the sample ends
        only at a paint of every target after ``busy()`` was last true.  Also returns the longest
        the UI did not respond (the change itself or one ``processEvents`` call), the time to
        the first paint of every target (``first``: what the user sees change first) and how
        many samples saw no paint (after 200 rounds of the event loop with nothing pending, or
        60 s).
        """
        from PySide6.QtCore import QEventLoop, QTimer

        watcher = PaintWatcher(targets)
        samples: list[int] = []
        first: list[int] = []
        missed, longest = 0, 0
        perf = time.perf_counter_ns
        wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        for i in range(-warmup, n):
            start = {t: watcher.counts.get(t, 0) for t in targets}
            base = dict(start)
            t0 = perf()
            t_first = 0
            change(i)
            if i >= 0:
                longest = max(longest, perf() - t0)
            spins = 0
            while True:
                if not t_first and all(watcher.counts.get(t, 0) > start[t] for t in targets):
                    t_first = perf()
                if busy is not None and busy():
                    base = {t: watcher.counts.get(t, 0) for t in targets}
                elif all(watcher.counts.get(t, 0) > base[t] for t in targets):
                    break
                if spins >= 200 and (busy is None or not busy()):
                    missed += 1  # nothing left to do and no paint: the change drew nothing
                    break
                c0 = perf()
                if spins < 200:
                    self.app.processEvents()
                else:  # waiting for a timer or a thread: sleep in the event loop, not spin
                    QTimer.singleShot(5, lambda: None)
                    self.app.processEvents(wait)
                if i >= 0:
                    longest = max(longest, perf() - c0)
                spins += 1
                if perf() - t0 > 60e9:
                    missed += 1
                    break
            t1 = perf()
            if i >= 0:
                samples.append(t1 - t0)
                first.append((t_first or t1) - t0)
        watcher.remove()
        return samples, {"missed_paints": missed, "longest_stall_ms": longest / 1e6,
                         "first_paint": summary(first)}


# ---------------------------------------------------------------------- 1 + 3: loss panel, window
def bench_losses(b: Bench, out: dict[str, Any]) -> None:
    panel = b.panel("losses")
    state = b.window.states["losses"]
    state.mode = "residual"
    b.settle()
    viewport = panel.graphics.viewport()
    deltas = Bench.deltas(b.updates + 20)

    def change(i: int) -> None:
        state.huber_delta = deltas[i + 10]

    watcher = PaintWatcher([viewport])
    out["losses_update_repaint"] = summary(b.time_repaint(change, viewport.repaint, b.updates))
    out["losses_update_repaint"]["paints_per_update"] = watcher.total() / (b.updates + 10)
    watcher.remove()
    samples, info = b.time_event_loop(change, [viewport], b.updates)
    out["losses_update_event_loop"] = summary(samples) | info


def bench_window(b: Bench, out: dict[str, Any]) -> None:
    """Whole window in the default layout: every visible widget repaints after a change."""
    b.panel("losses")
    state = b.window.states["losses"]
    state.mode = "residual"
    deltas = Bench.deltas(b.updates + 20)

    def change(i: int) -> None:
        state.huber_delta = deltas[i + 10]

    out["window_update_repaint"] = summary(b.time_repaint(change, b.window.repaint, b.updates))
    out["window_update_repaint"]["visible_panels"] = in_front_keys(b.window)
    viewports = [b.window.panels[k].graphics.viewport() for k in in_front_keys(b.window)]

    def change_all(i: int) -> None:
        change(i)
        for v in viewports:  # every figure repaints, as after a theme or layout change
            v.update()

    samples, info = b.time_event_loop(change_all, viewports, b.updates)
    out["window_update_event_loop"] = summary(samples) | info


def bench_window_all_docks(b: Bench, out: dict[str, Any]) -> None:
    """For information: every dock split side by side (no tabs), every figure repainting.
    Changes the layout, so it runs last in the process."""
    arrange_all_visible(b.window)
    b.settle(20)
    keys = list(b.window.docks)
    for key in keys:  # build every panel (they are built as their docks come to the front)
        b.window.panels[key]
    b.settle(20)
    b.window.repaint()
    state = b.window.states["losses"]
    deltas = Bench.deltas(b.updates + 20)

    def change(i: int) -> None:
        state.huber_delta = deltas[i + 10]

    out["window_update_all_docks"] = summary(
        b.time_repaint(change, b.window.repaint, b.updates))
    out["window_update_all_docks"]["figures"] = len(keys)


# ---------------------------------------------------------------------- 4: animation frames
def time_playing(b: Bench, panel: Any, n: int, warmup: int = 10) -> tuple[list[int], int]:
    """Play the run with the panel's own playback controller (its QTimer, 60 frames/s) and time
    each tick: from the delivery of the timer event to the end of the paint pass it caused.

    Returns the samples (ns) and how many ticks painted nothing (none should)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    controller = panel.playback.controller
    state = panel.state
    perf = time.perf_counter_ns
    tick: list[int] = []  # start of the tick being timed
    samples: list[int] = []
    ticks = [0, 0]  # timer events, paints

    class TickWatch(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Timer:
                tick[:] = [perf()]
                ticks[0] += 1
            return False

    def painted() -> None:
        if tick:
            samples.append(perf() - tick[0])
            ticks[1] += 1
            tick.clear()

    watch = TickWatch()
    controller.timer.installEventFilter(watch)
    viewport = panel.graphics.viewport()
    paints = PaintWatcher([viewport], lambda _o: QTimer.singleShot(0, painted))
    spec = state.specs["speed"]
    state.speed = min(60.0, float(spec.maximum or 60.0))
    state.frame = 0
    b.settle()
    deadline = time.perf_counter() + 120.0
    wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    controller.play()
    while len(samples) < n + warmup and time.perf_counter() < deadline:
        if not controller.playing:  # the run ended: play it again from the start
            controller.play()
        b.app.processEvents(wait)
    controller.pause()
    controller.timer.removeEventFilter(watch)
    paints.remove()
    b.settle()
    return samples[warmup:], max(0, ticks[0] - ticks[1] - 1)


def bench_frames(b: Bench, key: str, out: dict[str, Any]) -> None:
    """Animation frames while the run plays: each tick of the panel's playback timer, up to the
    end of the paint it caused (the figure, the timeline and the read-outs, in one pass).
    Also, for information: scrubbing (``state.frame = i`` as the timeline slider or the frame
    handle sets it, then the event loop) and ``state.frame`` + a synchronous figure repaint."""
    name = f"{key}_frame"
    panel = b.panel(key)
    if panel is None:
        out[name] = not_available(f"{key} dock not registered in losslab.panels")
        return
    state = b.window.states[key]
    viewport = panel.graphics.viewport()
    last = max(1, int(state.frame_count()) - 1)
    samples, silent = time_playing(b, panel, b.updates)
    out[name] = summary(samples) | {"ticks_without_paint": silent, "frames": last + 1,
                                    "speed_frames_per_s": float(state.speed)}
    # Scrubbing: a few frames per step, wrapping around, never the same frame twice in a row.
    frames = [(1 + i * 3) % (last + 1) for i in range(b.updates + 20)]
    frames = [f if f != frames[i - 1] else (f + 1) % (last + 1) for i, f in enumerate(frames)]

    def change(i: int) -> None:
        state.frame = frames[i + 10]

    scrub, info = b.time_event_loop(change, [viewport], b.updates)
    out[name]["scrub"] = summary(scrub) | info
    out[name]["repaint"] = summary(b.time_repaint(change, viewport.repaint, b.updates))


# ---------------------------------------------------------------------- 5: Fit lab, Risk lab
FIT_POINTS = 200


def fit_points(n: int = FIT_POINTS) -> tuple[tuple[float, float], ...]:
    """A regression cloud of n points around y = 0.5x + 1 with a few outliers (seeded)."""
    rng = np.random.default_rng(7)
    x = np.linspace(-4.0, 4.0, n)
    y = 0.5 * x + 1.0 + rng.normal(0.0, 0.6, n)
    y[::23] += 6.0
    return tuple((round(float(a), 6), round(float(c), 6)) for a, c in zip(x, y, strict=True))


def bench_fit(b: Bench, out: dict[str, Any]) -> None:
    """A point dragged in a circle through the panel's own drag calls (what the mouse drag
    handler calls): every chosen fit is solved again and redrawn each step."""
    if "fit" not in b.window.docks:
        out["fit_drag"] = not_available("fit dock not registered in losslab.panels")
        return
    state = b.window.states["fit"]
    state.update({"task": "regression", "points": fit_points()})
    panel = b.panel("fit")
    viewport = panel.graphics.viewport()
    index = FIT_POINTS // 2
    x0, y0 = state.points[index][:2]
    path = [(x0 + 1.5 * np.cos(t), y0 + 1.5 * np.sin(t))
            for t in np.linspace(0.0, 2 * np.pi, 97)[:-1]]
    panel.begin_drag(index)

    def change(i: int) -> None:
        x, y = path[(i + 10) % len(path)]
        panel.move_point(index, float(x), float(y))

    samples, info = b.time_event_loop(change, [viewport], b.updates)
    panel.end_drag()
    b.settle()
    out["fit_drag"] = summary(samples) | info
    out["fit_drag"]["points"] = len(state.points)
    out["fit_drag"]["losses"] = [k for k in state.losses]


def _risk_busy(panel: Any) -> Callable[[], bool]:
    """Whether the Risk lab still has deferred plots to draw."""
    def busy() -> bool:
        pending = getattr(panel, "pending", None)
        if callable(pending):
            return bool(pending())
        timer = getattr(panel, "_heavy_timer", None)
        return bool(timer is not None and timer.isActive())
    return busy


def bench_risk(b: Bench, out: dict[str, Any]) -> None:
    """Degree steps (default n = 20), sample-size steps around n = 10 000 and Resample clicks,
    each until every plot has been painted, the deferred ones included."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if "risk" not in b.window.docks:
        for name in ("risk_degree", "risk_n", "risk_resample", "risk_slowest_change"):
            out[name] = not_available("risk dock not registered in losslab.panels")
        return
    state = b.window.states["risk"]
    state.reset()
    panel = b.panel("risk")
    viewport = panel.graphics.viewport()
    busy = _risk_busy(panel)
    b.time_event_loop(lambda i: None, [viewport], 0, warmup=1, busy=busy)

    degrees = list(range(16)) + list(range(14, 0, -1))

    def change_degree(i: int) -> None:
        state.degree = degrees[(i + 10) % len(degrees)]

    samples, info = b.time_event_loop(change_degree, [viewport], b.updates, busy=busy)
    out["risk_degree"] = summary(samples) | info | {"n_sample": state.n}

    resample = panel.findChild(object, "risk_resample")

    def click(_i: int) -> None:
        QTest.mouseClick(resample, Qt.MouseButton.LeftButton)

    state.update({"degree": 3})
    reps = max(3, b.updates // 5)
    samples, info = b.time_event_loop(click, [viewport], reps, warmup=3, busy=busy)
    out["risk_resample"] = summary(samples) | info | {"n_sample": state.n,
                                                      "repeats": state.repeats}

    state.update({"n": 10_000, "seed": 1})
    b.time_event_loop(lambda i: None, [viewport], 0, warmup=1, busy=busy)
    # Down from 10 000 and back up, every step a change (the state was set to 10 000 above;
    # a repeated value would be no change at all, and no paint to wait for).
    sizes = [9_999 - k for k in range(11)] + [9_990 + k for k in range(11)]

    def change_n(i: int) -> None:
        state.n = sizes[(i + 10) % len(sizes)]

    samples, info = b.time_event_loop(change_n, [viewport], b.updates, busy=busy)
    out["risk_n"] = summary(samples) | info | {"around": 10_000}

    # For information: the slowest change the authors reported, absolute loss at n = 10 000 on
    # a sample never fitted before (16 linear programmes), once.
    state.update({"seed": 4242})
    b.time_event_loop(lambda i: None, [viewport], 0, warmup=1, busy=busy)

    def absolute(_i: int) -> None:
        state.loss = "absolute"

    samples, info = b.time_event_loop(absolute, [viewport], 1, warmup=0, busy=busy)
    out["risk_slowest_change"] = summary(samples) | info | {
        "what": "loss = absolute at n = 10 000, new sample"}
    state.reset()
    b.time_event_loop(lambda i: None, [viewport], 0, warmup=1, busy=busy)


# ---------------------------------------------------------------------- 2: matplotlib
class MplLoss:
    """The loss figure in matplotlib: same curves, colours, ranges, size, Huber handles."""

    def __init__(self, b: Bench) -> None:
        import matplotlib

        matplotlib.use("QtAgg")
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure
        from PySide6.QtWidgets import QMainWindow, QWidget

        from losslab.maths.losses import LOSSES
        from losslab.panels.losses import model as model

        self.b = b
        self.state = b.window.states["losses"]
        self.state.mode = "residual"
        self.model, self.losses = model, LOSSES
        panel = b.panel("losses")
        graphics = panel.graphics
        self.size = (graphics.width(), graphics.height())
        dump = dump_plots(b.window)
        (entry,) = [p for p in dump["panels"] if p["key"] == "losses"]
        (plot,) = entry["plots"]
        # Label each curve like the legend does (the dump keeps them in the plot's order).
        visible = [k for k in model.visible_keys(self.state)]
        for curve, key in zip(plot["curves"], visible, strict=False):
            curve["label"] = LOSSES[key].label
        plot["lines"] = [ln for ln in plot["lines"] if abs(ln["angle"] - 90) < 1e-6]

        self.window = QMainWindow()
        self.window.resize(*WINDOW_SIZE)
        central = QWidget()
        self.window.setCentralWidget(central)
        w, h = self.size
        self.figure = Figure(figsize=(w / 100, h / 100), dpi=100, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setParent(central)
        self.canvas.setGeometry(0, 0, w, h)
        self.ax = self.figure.add_subplot()
        lines = draw_plot_on_axes(self.ax, plot, dump["arrays"], legend=True)
        self.huber = lines[visible.index("huber")]
        self.handles = [ln for ln in self.ax.get_lines() if ln not in lines][:2]
        self.x = model.x_values(self.state)
        self.window.show()
        b.settle()
        self.canvas.draw()
        self.canvas.repaint()
        self.figure.set_layout_engine("none")  # freeze the layout, as an app would after start
        b.settle()

    def apply(self, delta: float) -> None:
        """The same work LossLab does for the curve: the model's Huber function at the new δ."""
        settings = self.model.numeric_settings(self.state) | {"huber_delta": delta}
        self.huber.set_ydata(self.losses["huber"].value(self.x, settings))
        for line, pos in zip(self.handles, (delta, -delta), strict=False):
            line.set_xdata([pos, pos])

    def bench(self, out: dict[str, Any]) -> None:
        deltas = Bench.deltas(self.b.updates + 20)

        def change(i: int) -> None:
            self.apply(deltas[i + 10])

        def draw() -> None:
            self.canvas.draw()
            self.canvas.repaint()

        out["mpl_draw"] = summary(self.b.time_repaint(change, draw, self.b.updates))
        out["mpl_draw"]["size_px"] = list(self.size)

        animated = [self.huber, *self.handles]
        for artist in animated:
            artist.set_animated(True)
        self.canvas.draw()
        background = self.canvas.copy_from_bbox(self.ax.bbox)

        def blit() -> None:
            self.canvas.restore_region(background)
            for artist in animated:
                self.ax.draw_artist(artist)
            self.canvas.blit(self.ax.bbox)  # repaints the region synchronously

        out["mpl_blit"] = summary(self.b.time_repaint(change, blit, self.b.updates))
        for artist in animated:
            artist.set_animated(False)
        self.canvas.draw()

    def close(self) -> None:
        self.window.close()


# ---------------------------------------------------------------------- 7: export
def bench_export(b: Bench, mpl: MplLoss | None, reps: int, out: dict[str, Any]) -> None:
    """Export of the loss figure, each file checked: the asked size, not blank, SVG renders."""
    panel = b.panel("losses")
    d = b.workdir
    perf = time.perf_counter_ns
    size = (panel.graphics.width(), panel.graphics.height())

    def timed(fn: Callable[[], object], n: int = reps) -> list[int]:
        fn()  # warm-up (first use of encoders, fonts)
        samples = []
        for _ in range(n):
            t0 = perf()
            fn()
            samples.append(perf() - t0)
        return samples

    out["export_png_1x"] = summary(timed(lambda: panel.export_to(d / "ll.png")))
    out["export_png_1x"]["check"] = check_png(d / "ll.png", size)
    out["export_png_2400"] = summary(timed(lambda: panel.export_to(d / "ll2400.png", 2400)))
    out["export_png_2400"]["check"] = check_png(d / "ll2400.png", (2400, None))
    out["export_svg"] = summary(timed(lambda: panel.export_to(d / "ll.svg")))
    out["export_svg"]["check"] = check_svg(d / "ll.svg", size)
    out["svg_size"] = {"available": True, "unit": "KiB",
                       "value": (d / "ll.svg").stat().st_size / 1024}
    for key in ("export_png_1x", "export_png_2400", "export_svg"):
        out[key]["size_px"] = out[key]["check"]["size_px"]

    if mpl is None:
        for key in ("mpl_savefig_png_1x", "mpl_savefig_png_2400", "mpl_savefig_svg",
                    "mpl_svg_size"):
            out[key] = not_available("matplotlib step not run")
        return
    fig = mpl.figure
    w_in = fig.get_figwidth()
    out["mpl_savefig_png_1x"] = summary(timed(lambda: fig.savefig(d / "mpl.png", dpi=fig.dpi)))
    out["mpl_savefig_png_1x"]["check"] = check_png(d / "mpl.png", size)
    out["mpl_savefig_png_2400"] = summary(
        timed(lambda: fig.savefig(d / "mpl2400.png", dpi=2400 / w_in)))
    out["mpl_savefig_png_2400"]["check"] = check_png(d / "mpl2400.png", (2400, None))
    out["mpl_savefig_svg"] = summary(timed(lambda: fig.savefig(d / "mpl.svg")))
    out["mpl_savefig_svg"]["check"] = check_svg(d / "mpl.svg", None)
    out["mpl_svg_size"] = {"available": True, "unit": "KiB",
                           "value": (d / "mpl.svg").stat().st_size / 1024}
    for key in ("mpl_savefig_png_1x", "mpl_savefig_png_2400", "mpl_savefig_svg"):
        out[key]["size_px"] = out[key]["check"]["size_px"]


# ---------------------------------------------------------------------- 6 + 8 + 9: subprocesses
#: Where the child processes keep compiled bytecode (set by main to a folder of the run).
PYCACHE: Path | None = None


def child_env() -> dict[str, str]:
    """The environment of the measured processes: offscreen, no saved settings, this checkout's
    app, and Python's bytecode cache on (in a folder of the run), as for an installed app, whose
    installer compiles it.  Without it (``PYTHONDONTWRITEBYTECODE``) every start would compile
    LossLab's sources again."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QT_API"] = "pyside6"
    env.pop("LOSSLAB_SETTINGS", None)
    paths = [str(HERE), env.get("PYTHONPATH", ""), str(ROOT / "app")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    if PYCACHE is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def run_child(cmd: list[str], cwd: Path | None = None) -> tuple[int, dict[str, float], str]:
    """Run ``cmd``; returns (wall time to exit in ns, JSON events relative to the start in ms,
    stdout)."""
    t0 = time.time_ns()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), timeout=300,
                          check=False, cwd=cwd)
    t_end = time.time_ns()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    events: dict[str, float] = {"exit": (t_end - t0) / 1e6}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            msg = json.loads(line)
            if "event" in msg and "t_ns" in msg:
                events[msg["event"]] = (msg["t_ns"] - t0) / 1e6
    return t_end - t0, events, proc.stdout


def run_startup_child(mode: str, arg: str) -> dict[str, float]:
    return run_child([sys.executable, str(HERE / "startup_child.py"), mode, arg])[1]


def bench_startup(b: Bench, runs: int, out: dict[str, Any]) -> None:
    """Start-up to the visible panel's figure painted, in the default layout, against the Qt
    floor and a matplotlib window of the same plots (those of the panel in front)."""
    b.panel("losses")
    b.window.states["losses"].reset()
    b.settle()
    dump = dump_plots(b.window)
    dump_path = str(b.workdir / "plots")
    save_dump(dump, dump_path)
    settings = str(b.workdir / "startup-settings.ini")
    results: dict[str, list[dict[str, float]]] = {"floor": [], "losslab": [], "matplotlib": []}
    # Warm the file and bytecode caches once, untimed.
    run_startup_child("floor", "-")
    run_startup_child("losslab", settings)
    run_startup_child("matplotlib", dump_path)
    for _ in range(runs):  # interleaved, so drift hits all three alike
        results["floor"].append(run_startup_child("floor", "-"))
        if os.path.exists(settings):
            os.remove(settings)  # "restore no settings"
        results["losslab"].append(run_startup_child("losslab", settings))
        results["matplotlib"].append(run_startup_child("matplotlib", dump_path))

    def col(mode: str, event: str) -> list[float]:
        return [r[event] for r in results[mode] if event in r]

    out["startup_floor_first_paint"] = summary(col("floor", "first_paint"), scale=1.0)
    out["startup_losslab_first_paint"] = summary(col("losslab", "first_paint"), scale=1.0)
    out["startup_losslab_plots_drawn"] = summary(col("losslab", "plots_drawn"), scale=1.0)
    out["startup_losslab_plots_drawn"]["visible_panels"] = [p["key"] for p in dump["panels"]]
    out["startup_mpl_first_paint"] = summary(col("matplotlib", "first_paint"), scale=1.0)
    out["startup_mpl_plots_drawn"] = summary(col("matplotlib", "plots_drawn"), scale=1.0)
    out["startup_mpl_plots_drawn"]["figures"] = len(dump["panels"])
    out["startup_mpl_plots_drawn"]["plots"] = sum(len(p["plots"]) for p in dump["panels"])


#: A process that only imports PySide6 and makes a QGuiApplication (offscreen).
CLI_FLOOR_CODE = ("import sys; from PySide6.QtGui import QGuiApplication; "
                  "app = QGuiApplication(sys.argv[:1])")


def bench_cli(workdir: Path, runs: int, out: dict[str, Any]) -> None:
    """``losslab export losses x.png`` as a whole process against the bare PySide6 process."""
    png = workdir / "cli.png"
    export_cmd = [sys.executable, "-m", "losslab", "export", "losses", str(png)]
    floor_cmd = [sys.executable, "-c", CLI_FLOOR_CODE]
    run_child(floor_cmd)  # warm the file and bytecode caches once, untimed
    run_child(export_cmd, cwd=workdir)
    export_ns: list[int] = []
    floor_ns: list[int] = []
    checks = []
    for _ in range(runs):
        floor_ns.append(run_child(floor_cmd)[0])
        if png.exists():
            png.unlink()
        export_ns.append(run_child(export_cmd, cwd=workdir)[0])
        checks.append(check_png(png, (960, 600)))
    out["cli_export_png"] = summary(export_ns) | {"check": checks[-1],
                                                  "all_ok": all(c["ok"] for c in checks)}
    out["cli_floor"] = summary(floor_ns)


def bench_memory(workdir: Path, updates: int, out: dict[str, Any]) -> None:
    settings = str(workdir / "memory-settings.ini")
    proc = subprocess.run([sys.executable, str(HERE / "memory_child.py"), settings, str(updates)],
                          capture_output=True, text=True, env=child_env(), timeout=1800,
                          check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"memory child failed ({proc.returncode}):\n{proc.stderr}")
    doc = json.loads(proc.stdout.strip().splitlines()[-1])
    start, after = doc["after_start"], doc["after_updates"]
    out["memory_after_start"] = {"available": True, "unit": "MiB", "value": start["VmHWM"],
                                 "rss": start["VmRSS"], "panels_built": doc.get("built")}
    out["memory_after_updates"] = {"available": True, "unit": "MiB", "value": after["VmHWM"],
                                   "rss": after["VmRSS"], "updates": doc["updates"],
                                   "middle": doc["middle"]}
    out["memory_growth"] = {"available": True, "unit": "MiB",
                            "value": after["VmHWM"] - start["VmHWM"],
                            "rss_growth": after["VmRSS"] - start["VmRSS"],
                            "updates": doc["updates"]}


# ---------------------------------------------------------------------- targets and table
def med(out: dict[str, Any], key: str, field: str = "median") -> float | None:
    m = out.get(key, {})
    if not m.get("available", False):
        return None
    value = m.get(field, m.get("value"))
    return None if value is None else float(value)


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b not in (None, 0) else None


def checks_ok(out: dict[str, Any], *keys: str) -> bool | None:
    """All export checks of ``keys`` passed (None when one was not measured)."""
    found = [out.get(k, {}).get("check") for k in keys]
    if any(c is None for c in found):
        return None
    return all(c["ok"] for c in found)


#: Comparison labels that name another statistic of the same LossLab measure.
SAME_MEASURE = ("p95", "longest stall")


def evaluate(out: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per measure: LossLab value, comparison, ratio (LossLab ÷ comparison), target."""
    rows: list[dict[str, Any]] = []

    def row(measure: str, value: float | None, unit: str, comparison: str = "",
            comp_value: float | None = None, target: str = "—", met: bool | None = None,
            key: str = "") -> None:
        # A second number of the same measure (its p95, the longest stall) is shown beside the
        # first, not divided by it: the ratio column compares LossLab with something else.
        own = comparison in SAME_MEASURE
        rows.append({"measure": measure, "key": key, "losslab": value, "unit": unit,
                     "comparison": comparison, "comparison_value": comp_value,
                     "ratio": None if own else ratio(value, comp_value), "target": target,
                     "met": met})

    def le(v: float | None, limit: float) -> bool | None:
        return None if v is None else v <= limit

    def both(*conds: bool | None) -> bool | None:
        return None if any(c is None for c in conds) else all(conds)

    for key, title in (("neuron_frame", "Neuron"), ("network_frame", "Two-layer network")):
        m, p = med(out, key), med(out, key, "p95")
        row(f"{title} animation frame while playing (playback timer tick to its paint done), "
            "median / p95", m, "ms", "p95", p, "≤ 4 ms median, ≤ 6 ms p95",
            both(le(m, 4.0), le(p, 6.0)), key)
    wm = med(out, "window_update_repaint")
    row("Whole window update (state.set + window.repaint(), default layout), median", wm, "ms",
        "", None, "≤ 8 ms", le(wm, 8.0), "window_update_repaint")
    lm, bm = med(out, "losses_update_repaint"), med(out, "mpl_blit")
    row("Loss panel drag (state.set + figure repaint), median", lm, "ms",
        "matplotlib blitting", bm, "≤ 2× matplotlib blitting", le(ratio(lm, bm), 2.0),
        "losses_update_repaint")
    fm = med(out, "fit_drag")
    row(f"Fit lab drag, {FIT_POINTS} points (every fit solved + redrawn), median", fm, "ms",
        "", None, "≤ 16.7 ms", le(fm, 16.7), "fit_drag")
    for key, title in (("risk_degree", "Risk lab degree change (n = 20)"),
                       ("risk_n", "Risk lab sample-size change (n ≈ 10 000)")):
        m = med(out, key)
        row(f"{title}, every plot painted, median", m, "ms", "", None, "≤ 16.7 ms",
            le(m, 16.7), key)
    for key, title in (("risk_degree", "Risk lab degree change (n = 20)"),
                       ("risk_n", "Risk lab sample-size change (n ≈ 10 000)"),
                       ("fit_drag", f"Fit lab drag, {FIT_POINTS} points")):
        fp = out.get(key, {}).get("first_paint", {})
        rows.append({"measure": f"{title}: first paint after the change (the deferred plots "
                     "follow), median", "key": key, "losslab": fp.get("median"), "unit": "ms",
                     "comparison": "", "comparison_value": None, "ratio": None, "target": "—",
                     "met": None})
    rm = med(out, "risk_resample")
    row("Risk lab Resample click (new sample: 16 fits, resample spread, slope curves), median",
        rm, "ms", "", None, "≤ 100 ms", le(rm, 100.0), "risk_resample")
    ff, lpd = med(out, "startup_floor_first_paint"), med(out, "startup_losslab_plots_drawn")
    mpd = med(out, "startup_mpl_plots_drawn")
    row("Start-up to the visible panel fully drawn, median", lpd, "ms",
        "Qt floor (empty QMainWindow painted)", ff, "≤ 4× floor", le(ratio(lpd, ff), 4.0),
        "startup_losslab_plots_drawn")
    row("Start-up to the visible panel fully drawn, median, vs matplotlib", lpd, "ms",
        "matplotlib window, same plots", mpd, "≤ 0.5× matplotlib", le(ratio(lpd, mpd), 0.5),
        "startup_losslab_plots_drawn")
    ce, cf = med(out, "cli_export_png"), med(out, "cli_floor")
    cli_ok = out.get("cli_export_png", {}).get("all_ok")
    row("Headless `losslab export losses x.png`, whole process, median", ce, "ms",
        "process importing PySide6 + QGuiApplication", cf, "≤ 2× that process; PNG checked",
        both(le(ratio(ce, cf), 2.0), cli_ok), "cli_export_png")
    ms = med(out, "memory_after_start")
    row("Peak RSS after start", ms, "MiB", "", None, "≤ 150 MiB", le(ms, 150.0),
        "memory_after_start")
    mg = med(out, "memory_growth")
    n_up = out.get("memory_growth", {}).get("updates", 0)
    row(f"Peak RSS growth over {n_up:,} updates", mg, "MiB", "", None, "< 5 MiB",
        None if mg is None else mg < 5.0, "memory_growth")

    # For information (earlier targets and context).
    row("Loss panel drag through the event loop, median", med(out, "losses_update_event_loop"),
        "ms", "matplotlib blitting", bm, "—", None, "losses_update_event_loop")
    dm = med(out, "mpl_draw")
    row("Loss panel drag vs a full matplotlib draw(), median", lm, "ms", "matplotlib draw()",
        dm, "—", None, "mpl_draw")
    for key, title in (("neuron_frame", "Neuron"), ("network_frame", "Two-layer network")):
        scrub = out.get(key, {}).get("scrub", {})
        row(f"{title} scrubbing (state.frame as the timeline sets it + event loop), median / p95",
            scrub.get("median"), "ms", "p95", scrub.get("p95"), "—", None, key)
        rep = out.get(key, {}).get("repaint", {})
        row(f"{title} frame, state.frame + synchronous figure repaint, median / p95",
            rep.get("median"), "ms", "p95", rep.get("p95"), "—", None, key)
    row("Whole window update, p95", med(out, "window_update_repaint", "p95"), "ms",
        target="—", key="window_update_repaint")
    row("Whole window, every dock split side by side (9 figures), median",
        med(out, "window_update_all_docks"), "ms", target="—", key="window_update_all_docks")
    sl = out.get("risk_slowest_change", {})
    row("Risk lab absolute loss at n = 10 000, new sample: until drawn / longest UI stall",
        med(out, "risk_slowest_change"), "ms", "longest stall",
        sl.get("longest_stall_ms") if sl.get("available") else None, "—", None,
        "risk_slowest_change")
    row("Start-up to first painted window (shell), median",
        med(out, "startup_losslab_first_paint"), "ms", "Qt floor", ff, "—", None,
        "startup_losslab_first_paint")
    pm, mp = med(out, "export_png_1x"), med(out, "mpl_savefig_png_1x")
    row("Export PNG 1× (checked: size, not blank), median", pm, "ms",
        "matplotlib savefig PNG, same pixels", mp, "≤ 1.0× matplotlib; file checked",
        both(le(ratio(pm, mp), 1.0), checks_ok(out, "export_png_1x")), "export_png_1x")
    row("Export PNG 2400 px wide (checked), median", med(out, "export_png_2400"), "ms",
        "matplotlib savefig PNG 2400 px", med(out, "mpl_savefig_png_2400"), "file checked",
        checks_ok(out, "export_png_2400"), "export_png_2400")
    sm = med(out, "export_svg")
    row("Export SVG (checked: renders, not blank), median", sm, "ms", "matplotlib savefig SVG",
        med(out, "mpl_savefig_svg"), "≤ 150 ms; file checked",
        both(le(sm, 150.0), checks_ok(out, "export_svg")), "export_svg")
    sk = med(out, "svg_size")
    row("SVG size", sk, "KiB", "matplotlib SVG", med(out, "mpl_svg_size"), "≤ 100 KiB",
        le(sk, 100.0), "svg_size")
    return rows


def fmt(v: float | None, digits: int = 3) -> str:
    if v is None:
        return "n/a"
    if abs(v) >= 100:
        return f"{v:.0f}"
    return f"{v:.{digits}g}"


def markdown_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| Measure | LossLab | Comparison | Comparison value | LossLab ÷ comparison "
             "| Target | Met |",
             "|---|---:|---|---:|---:|---|:---:|"]
    for r in rows:
        unit = r["unit"]
        met = {True: "met", False: "**not met**", None: "—"}[r["met"]]
        if r["met"] is None and r["target"] not in ("—", ""):
            met = "not measured"
        lines.append(
            f"| {r['measure']} | {fmt(r['losslab'])} {unit if r['losslab'] is not None else ''} "
            f"| {r['comparison'] or '—'} "
            f"| {(fmt(r['comparison_value']) + ' ' + unit) if r['comparison_value'] is not None else '—'} "
            f"| {(fmt(r['ratio'], 2) + '×') if r['ratio'] is not None else '—'} "
            f"| {r['target']} | {met} |")
    return "\n".join(lines)


def meta(args: argparse.Namespace, panels: list[str]) -> dict[str, Any]:
    import pyqtgraph
    import PySide6
    from PySide6 import QtCore

    import losslab

    try:
        import matplotlib

        mpl_version = matplotlib.__version__
    except ImportError:
        mpl_version = "not installed"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, cwd=HERE, check=False).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "../../app"],
                                    capture_output=True, text=True, cwd=HERE,
                                    check=False).stdout.strip())
    except OSError:
        commit, dirty = "", False
    try:
        load = os.getloadavg()
    except OSError:
        load = (float("nan"),) * 3
    return {
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": args.quick, "updates": args.updates, "startup_runs": args.startup_runs,
        "memory_updates": args.memory_updates, "export_reps": args.export_reps,
        "only": sorted(args.only) if args.only else None,
        "python": platform.python_version(), "platform": platform.platform(),
        "cpus": os.cpu_count(), "qt": QtCore.qVersion(), "pyside6": PySide6.__version__,
        "pyqtgraph": pyqtgraph.__version__, "matplotlib": mpl_version,
        "numpy": np.__version__, "losslab": losslab.__version__, "git_commit": commit,
        "app_tree_dirty": dirty, "qpa": os.environ.get("QT_QPA_PLATFORM"),
        "window": list(WINDOW_SIZE), "panels": panels,
        "load_average_start": list(load),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny run: checks that every measure works, not how fast")
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder for results.json and RESULTS.md (default: tests/benchmarks/)")
    parser.add_argument("--updates", type=int, help="updates per latency measure (300)")
    parser.add_argument("--startup-runs", type=int,
                        help="start-up and CLI runs per variant (10)")
    parser.add_argument("--memory-updates", type=int, help="updates in the memory run (10000)")
    parser.add_argument("--export-reps", type=int, help="repetitions per export (15)")
    parser.add_argument("--retable", action="store_true",
                        help="rebuild the table and RESULTS.md from the results.json in --out "
                             "(no measuring)")
    parser.add_argument("--only", type=lambda t: set(t.split(",")),
                        help="comma-separated steps to run: " + ", ".join(STEPS))
    args = parser.parse_args(argv)
    if args.only and not args.only <= set(STEPS):
        parser.error(f"--only: unknown step(s) {sorted(args.only - set(STEPS))}; "
                     f"allowed: {', '.join(STEPS)}")
    if args.retable:
        document = json.loads((args.out / "results.json").read_text())
        document["table"] = evaluate(document["measures"])
        (args.out / "results.json").write_text(json.dumps(document, indent=1) + "\n")
        table = markdown_table(document["table"])
        (args.out / "RESULTS.md").write_text(results_markdown(document, table))
        print(table)
        return 0
    quick = args.quick
    args.updates = args.updates or (5 if quick else 300)
    args.startup_runs = args.startup_runs or (1 if quick else 10)
    args.memory_updates = args.memory_updates or (20 if quick else 10_000)
    args.export_reps = args.export_reps or (1 if quick else 15)
    args.out.mkdir(parents=True, exist_ok=True)

    def wanted(name: str) -> bool:
        return not args.only or name in args.only

    out: dict[str, Any] = {}
    started = time.perf_counter()
    global PYCACHE
    with tempfile.TemporaryDirectory(prefix="losslab-bench-") as tmp:
        work = Path(tmp)
        PYCACHE = work / "pycache"

        def step(name: str) -> None:
            print(f"[{time.perf_counter() - started:6.1f} s] {name}", file=sys.stderr, flush=True)

        step("window")
        b = Bench(args.updates, work)
        panels = list(b.window.docks)
        meta_doc = meta(args, panels)
        if wanted("losses"):
            step("loss panel drag")
            bench_losses(b, out)
        if wanted("window"):
            step("whole window update")
            bench_window(b, out)
        if wanted("frames"):
            for key in ("neuron", "network"):
                step(f"{key} animation frames")
                bench_frames(b, key, out)
        if wanted("fit"):
            step("Fit lab drag")
            bench_fit(b, out)
        if wanted("risk"):
            step("Risk lab changes")
            bench_risk(b, out)
        mpl = None
        if wanted("mpl") or wanted("export"):
            step("matplotlib")
            mpl = MplLoss(b)
            if wanted("mpl"):
                mpl.bench(out)
        if wanted("export"):
            step("export")
            bench_export(b, mpl, args.export_reps, out)
        if mpl is not None:
            mpl.close()
        if wanted("startup"):
            step("start-up")
            bench_startup(b, args.startup_runs, out)
        if wanted("window"):
            step("whole window, every dock split")
            bench_window_all_docks(b, out)
        b.window.close()
        if wanted("cli"):
            step("headless export process")
            bench_cli(work, args.startup_runs, out)
        if wanted("memory"):
            step("memory")
            bench_memory(work, args.memory_updates, out)
        step("done")

    rows = evaluate(out)
    try:
        load_end = list(os.getloadavg())
    except OSError:
        load_end = []
    document = {"meta": meta_doc | {"seconds": time.perf_counter() - started,
                                    "load_average_end": load_end},
                "measures": out, "table": rows}
    (args.out / "results.json").write_text(json.dumps(document, indent=1) + "\n")
    table = markdown_table(rows)
    (args.out / "RESULTS.md").write_text(results_markdown(document, table))
    print(table)
    print(f"\nwrote {args.out / 'results.json'} and {args.out / 'RESULTS.md'}")
    return 0


def results_markdown(document: dict[str, Any], table: str) -> str:
    m = document["meta"]
    load = m.get("load_average_start") or []
    load_end = m.get("load_average_end") or []
    load_text = (f"Load average (1, 5, 15 min) {', '.join(f'{v:.2f}' for v in load)} at the "
                 f"start and {', '.join(f'{v:.2f}' for v in load_end)} at the end. "
                 if load and load_end else "")
    return (
        "# LossLab benchmark results\n\n"
        f"Run of `python tests/benchmarks/run.py{' --quick' if m['quick'] else ''}"
        f"{' --only ' + ','.join(m['only']) if m.get('only') else ''}` on {m['date']} "
        f"(commit {m['git_commit']}{', app tree with uncommitted changes' if m['app_tree_dirty'] else ''}): "
        f"Python {m['python']}, Qt {m['qt']}, PySide6 {m['pyside6']}, pyqtgraph {m['pyqtgraph']}, "
        f"matplotlib {m['matplotlib']}, numpy {m['numpy']}, {m['cpus']} CPUs, "
        f"`QT_QPA_PLATFORM={m['qpa']}`, window {m['window'][0]}×{m['window'][1]} in the default "
        f"layout (every panel a tab of one dock area: {', '.join(m['panels'])}; a measure of a "
        f"panel brings its tab to the front). "
        f"{m['updates']} updates per latency measure, {m['startup_runs']} start-ups per variant, "
        f"{m['memory_updates']:,} updates in the memory run, {m['export_reps']} repetitions per "
        f"export; the whole run took {m['seconds']:.0f} s. {load_text}Raw numbers: "
        "`results.json`.\n\n"
        + table + "\n"
    )


if __name__ == "__main__":
    sys.exit(main())
