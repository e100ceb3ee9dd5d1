"""LossLab's benchmark: the app against matplotlib and against the Qt floor, in one run.

    python tests/benchmarks/run.py                 full run (a few minutes), writes tests/benchmarks/results.json
                                              and tests/benchmarks/RESULTS.md, prints the table
    python tests/benchmarks/run.py --quick --out DIR   a tiny run (seconds) that exercises every measure

Everything runs on Qt's offscreen platform at 1280×800 with every dock visible (no saved settings
are read; the docks are split so that none is tabbed away).  Machines differ and shared machines
drift, so every comparison is a ratio measured in the same run, and latencies are reported as
median and 95th percentile.

Measures (see RESULTS.md for the table and how each is judged):

1. update latency: ``state.set`` (as a control does) followed by a synchronous repaint of the loss
   figure (``graphics.viewport().repaint()``), and of the whole window (``window.repaint()``);
   also the same through the event loop (``processEvents`` until the figure's paint event ran);
2. matplotlib (FigureCanvasQTAgg of the loss figure's size, same curves, same parameter change,
   same model function): full ``draw()`` + repaint, and blitting the changed artists;
3. neuron panel animation frame (``state.frame = i`` + repaint), if that dock is registered;
4. start-up in subprocesses: to the first painted window and to every figure painted, against the
   floor (python + QApplication + empty QMainWindow painted) and a matplotlib window showing the
   same plots;
5. export of the loss figure: PNG at 1× and 2400 px wide, SVG; against ``savefig``;
6. memory (VmHWM, VmRSS) after start and after 10,000 updates, in a subprocess.
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
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402
from _common import (  # noqa: E402
    WINDOW_SIZE,
    PaintWatcher,
    arrange_all_visible,
    draw_plot_on_axes,
    dump_plots,
    save_dump,
)

#: Every measure the JSON holds (the smoke test checks them all).
MEASURES = (
    "losses_update_repaint", "losses_update_event_loop", "window_update_repaint",
    "window_update_event_loop", "mpl_draw", "mpl_blit", "neuron_frame",
    "startup_floor_first_paint", "startup_losslab_first_paint", "startup_losslab_plots_drawn",
    "startup_mpl_first_paint", "startup_mpl_plots_drawn",
    "export_png_1x", "export_png_2400", "export_svg", "mpl_savefig_png_1x",
    "mpl_savefig_png_2400", "mpl_savefig_svg", "svg_size", "mpl_svg_size",
    "memory_after_start", "memory_after_updates", "memory_growth",
)


# ---------------------------------------------------------------------- statistics
def summary(samples_ns: list[int] | list[float], unit: str = "ms", scale: float = 1e-6
            ) -> dict[str, Any]:
    values = np.asarray(samples_ns, dtype=np.float64) * scale
    if values.size == 0:
        return {"available": False, "n": 0, "unit": unit}
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
    def __init__(self, updates: int, workdir: Path) -> None:
        from losslab.qt.app import ensure_app
        from losslab.qt.main_window import MainWindow
        from losslab.qt.settings import make_settings

        self.app = ensure_app()
        self.updates = updates
        self.workdir = workdir
        self.window = MainWindow(make_settings(workdir / "bench-settings.ini"))
        arrange_all_visible(self.window)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        self.settle()
        self.window.repaint()
        self.settle()

    def settle(self, rounds: int = 5) -> None:
        for _ in range(rounds):
            self.app.processEvents()

    # a drag back and forth over Huber's δ, never setting the same value twice in a row
    @staticmethod
    def deltas(n: int) -> list[float]:
        sweep = [round(0.3 + 2.7 * i / 59, 4) for i in range(60)]
        sweep += sweep[-2:0:-1]
        return [sweep[i % len(sweep)] for i in range(n)]

    def time_repaint(self, change, paint, n: int, warmup: int = 10) -> list[int]:
        """ns per (change(i); paint()), the event loop flushed between samples (untimed)."""
        samples = []
        perf = time.perf_counter_ns
        for i in range(-warmup, n):
            t0 = perf()
            change(i)
            paint()
            t1 = perf()
            self.app.processEvents()
            if i >= 0:
                samples.append(t1 - t0)
        return samples

    def time_event_loop(self, change, targets, n: int, warmup: int = 10
                        ) -> tuple[list[int], int]:
        """ns per (change(i); processEvents until every target widget had a paint event)."""
        watcher = PaintWatcher(targets)
        samples, missed = [], 0
        perf = time.perf_counter_ns
        for i in range(-warmup, n):
            before = {t: watcher.counts.get(t, 0) for t in targets}
            t0 = perf()
            change(i)
            for _ in range(200):
                self.app.processEvents()
                if all(watcher.counts.get(t, 0) > before[t] for t in targets):
                    break
            else:
                missed += 1
            t1 = perf()
            if i >= 0:
                samples.append(t1 - t0)
        watcher.remove()
        return samples, missed


# ---------------------------------------------------------------------- 1 + 3: LossLab
def bench_losslab_updates(b: Bench, out: dict[str, Any]) -> None:
    state = b.window.states["losses"]
    state.mode = "residual"
    b.settle()
    panel = b.window.panels["losses"]
    viewport = panel.graphics.viewport()
    deltas = Bench.deltas(b.updates + 20)

    def change(i: int) -> None:
        state.huber_delta = deltas[i + 10]

    watcher = PaintWatcher([viewport])
    out["losses_update_repaint"] = summary(b.time_repaint(change, viewport.repaint, b.updates))
    out["losses_update_repaint"]["paints_per_update"] = watcher.total() / (b.updates + 10)
    watcher.remove()
    samples, missed = b.time_event_loop(change, [viewport], b.updates)
    out["losses_update_event_loop"] = summary(samples) | {"missed_paints": missed}

    window_n = max(3, b.updates)
    out["window_update_repaint"] = summary(b.time_repaint(change, b.window.repaint, window_n))
    viewports = [p.graphics.viewport() for p in b.window.panels.values()
                 if p.graphics.isVisible()]

    def change_all(i: int) -> None:
        change(i)
        for v in viewports:  # every figure repaints, as after a theme or layout change
            v.update()

    samples, missed = b.time_event_loop(change_all, viewports, window_n)
    out["window_update_event_loop"] = summary(samples) | {"missed_paints": missed}
    out["window_update_repaint"]["figures"] = len(viewports)
    out["window_update_repaint"]["panels"] = sorted(b.window.panels)


def bench_neuron_frame(b: Bench, out: dict[str, Any]) -> None:
    panel = b.window.panels.get("neuron")
    if panel is None:
        out["neuron_frame"] = not_available("neuron dock not registered in losslab.panels")
        return
    state = b.window.states["neuron"]
    viewport = panel.graphics.viewport()
    last = max(1, int(state.frame_count()) - 1)
    frames = [(i * 3) % (last + 1) for i in range(b.updates + 20)]
    frames = [f if f != frames[i - 1] else (f + 1) % (last + 1) for i, f in enumerate(frames)]

    def change(i: int) -> None:
        state.frame = frames[i + 10]

    out["neuron_frame"] = summary(b.time_repaint(change, viewport.repaint, b.updates))
    samples, missed = b.time_event_loop(change, [viewport], b.updates)
    out["neuron_frame"]["event_loop"] = summary(samples) | {"missed_paints": missed}
    out["neuron_frame"]["frames"] = last + 1


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
        self.model, self.losses = model, LOSSES
        panel = b.window.panels["losses"]
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


# ---------------------------------------------------------------------- 5: export
def bench_export(b: Bench, mpl: MplLoss, reps: int, out: dict[str, Any]) -> None:
    from PySide6.QtGui import QImage

    panel = b.window.panels["losses"]
    d = b.workdir
    perf = time.perf_counter_ns

    def timed(fn, n: int = reps) -> list[int]:
        fn()  # warm-up (first use of encoders, fonts)
        samples = []
        for _ in range(n):
            t0 = perf()
            fn()
            samples.append(perf() - t0)
        return samples

    out["export_png_1x"] = summary(timed(lambda: panel.export_to(d / "ll.png")))
    img = QImage(str(d / "ll.png"))
    out["export_png_1x"]["size_px"] = [img.width(), img.height()]
    out["export_png_2400"] = summary(timed(lambda: panel.export_to(d / "ll2400.png", 2400)))
    img = QImage(str(d / "ll2400.png"))
    out["export_png_2400"]["size_px"] = [img.width(), img.height()]
    out["export_svg"] = summary(timed(lambda: panel.export_to(d / "ll.svg")))
    out["svg_size"] = {"available": True, "unit": "KiB",
                       "value": (d / "ll.svg").stat().st_size / 1024}

    fig = mpl.figure
    w_in = fig.get_figwidth()
    out["mpl_savefig_png_1x"] = summary(timed(lambda: fig.savefig(d / "mpl.png", dpi=fig.dpi)))
    img = QImage(str(d / "mpl.png"))
    out["mpl_savefig_png_1x"]["size_px"] = [img.width(), img.height()]
    out["mpl_savefig_png_2400"] = summary(
        timed(lambda: fig.savefig(d / "mpl2400.png", dpi=2400 / w_in)))
    img = QImage(str(d / "mpl2400.png"))
    out["mpl_savefig_png_2400"]["size_px"] = [img.width(), img.height()]
    out["mpl_savefig_svg"] = summary(timed(lambda: fig.savefig(d / "mpl.svg")))
    out["mpl_svg_size"] = {"available": True, "unit": "KiB",
                           "value": (d / "mpl.svg").stat().st_size / 1024}


# ---------------------------------------------------------------------- 4 + 6: subprocesses
def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QT_API"] = "pyside6"
    env.pop("LOSSLAB_SETTINGS", None)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def run_startup_child(mode: str, arg: str) -> dict[str, float]:
    cmd = [sys.executable, str(HERE / "startup_child.py"), mode, arg]
    t0 = time.time_ns()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), timeout=120,
                          check=False)
    t_end = time.time_ns()
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} start-up child failed ({proc.returncode}):\n{proc.stderr}")
    times = {"exit": (t_end - t0) / 1e6}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            msg = json.loads(line)
            times[msg["event"]] = (msg["t_ns"] - t0) / 1e6
    return times


def bench_startup(b: Bench, runs: int, out: dict[str, Any]) -> None:
    dump_path = str(b.workdir / "plots")
    save_dump(b.startup_dump, dump_path)
    settings = str(b.workdir / "startup-settings.ini")
    results: dict[str, list[dict[str, float]]] = {"floor": [], "losslab": [], "matplotlib": []}
    if runs > 1:  # warm the file cache once, untimed
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
    out["startup_mpl_first_paint"] = summary(col("matplotlib", "first_paint"), scale=1.0)
    out["startup_mpl_plots_drawn"] = summary(col("matplotlib", "plots_drawn"), scale=1.0)
    out["startup_mpl_plots_drawn"]["figures"] = len(b.startup_dump["panels"])
    out["startup_mpl_plots_drawn"]["plots"] = sum(len(p["plots"])
                                                  for p in b.startup_dump["panels"])


def bench_memory(workdir: Path, updates: int, out: dict[str, Any]) -> None:
    settings = str(workdir / "memory-settings.ini")
    proc = subprocess.run([sys.executable, str(HERE / "memory_child.py"), settings, str(updates)],
                          capture_output=True, text=True, env=child_env(), timeout=900,
                          check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"memory child failed ({proc.returncode}):\n{proc.stderr}")
    doc = json.loads(proc.stdout.strip().splitlines()[-1])
    start, after = doc["after_start"], doc["after_updates"]
    out["memory_after_start"] = {"available": True, "unit": "MiB", "value": start["VmHWM"],
                                 "rss": start["VmRSS"]}
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
    return m.get(field, m.get("value"))


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b not in (None, 0) else None


def evaluate(out: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per measure: LossLab value, comparison, ratio (LossLab ÷ comparison), target."""
    rows: list[dict[str, Any]] = []

    def row(measure: str, value: float | None, unit: str, comparison: str = "",
            comp_value: float | None = None, target: str = "", met: bool | None = None) -> None:
        rows.append({"measure": measure, "losslab": value, "unit": unit,
                     "comparison": comparison, "comparison_value": comp_value,
                     "ratio": ratio(value, comp_value), "target": target, "met": met})

    def le(v: float | None, limit: float) -> bool | None:
        return None if v is None else v <= limit

    def both(*conds: bool | None) -> bool | None:
        return None if any(c is None for c in conds) else all(conds)

    lm, lp = med(out, "losses_update_repaint"), med(out, "losses_update_repaint", "p95")
    dm, bm = med(out, "mpl_draw"), med(out, "mpl_blit")
    row("Loss panel update, median (state.set + repaint)", lm, "ms", "matplotlib draw()", dm,
        "≤ 4 ms and ≤ 0.1× matplotlib draw()", both(le(lm, 4.0), le(ratio(lm, dm), 0.1)))
    row("Loss panel update, p95", lp, "ms", "matplotlib draw() p95",
        med(out, "mpl_draw", "p95"), "≤ 8 ms", le(lp, 8.0))
    row("Loss panel update, median, vs blitting", lm, "ms", "matplotlib blit", bm, "—", None)
    row("Loss panel update via event loop, median", med(out, "losses_update_event_loop"), "ms",
        "", None, "—", None)
    wm = med(out, "window_update_repaint")
    row("Whole window update, median (state.set + window.repaint)", wm, "ms", "", None,
        "≤ 16.7 ms", le(wm, 16.7))
    row("Whole window update, p95", med(out, "window_update_repaint", "p95"), "ms", "", None,
        "—", None)
    nm = med(out, "neuron_frame")
    row("Neuron animation frame, median" + ("" if nm is not None else " (not available)"), nm,
        "ms", "", None, "≤ 4 ms", le(nm, 4.0))
    row("Neuron animation frame, p95", med(out, "neuron_frame", "p95"), "ms", "", None, "—", None)
    ff, lf = med(out, "startup_floor_first_paint"), med(out, "startup_losslab_first_paint")
    lpd, mpd = med(out, "startup_losslab_plots_drawn"), med(out, "startup_mpl_plots_drawn")
    row("Start-up to first painted window, median", lf, "ms", "Qt floor (empty QMainWindow)", ff,
        "≤ 1.5× floor", le(ratio(lf, ff), 1.5))
    row("Start-up to all plots drawn, median", lpd, "ms", "Qt floor", ff, "≤ 4× floor",
        le(ratio(lpd, ff), 4.0))
    row("Start-up to all plots drawn, median, vs matplotlib", lpd, "ms",
        "matplotlib window, same plots", mpd, "≤ 0.65× matplotlib", le(ratio(lpd, mpd), 0.65))
    pm, mp = med(out, "export_png_1x"), med(out, "mpl_savefig_png_1x")
    row("Export PNG 1×, median", pm, "ms", "matplotlib savefig PNG, same pixels", mp,
        "≤ 1.0× matplotlib", le(ratio(pm, mp), 1.0))
    row("Export PNG 2400 px wide, median", med(out, "export_png_2400"), "ms",
        "matplotlib savefig PNG 2400 px", med(out, "mpl_savefig_png_2400"), "—", None)
    sm = med(out, "export_svg")
    row("Export SVG, median", sm, "ms", "matplotlib savefig SVG", med(out, "mpl_savefig_svg"),
        "works, ≤ 150 ms", le(sm, 150.0))
    sk = med(out, "svg_size")
    row("SVG size", sk, "KiB", "matplotlib SVG", med(out, "mpl_svg_size"), "≤ 100 KiB",
        le(sk, 100.0))
    ms = med(out, "memory_after_start")
    row("Peak RSS after start", ms, "MiB", "", None, "≤ 150 MiB", le(ms, 150.0))
    mg = med(out, "memory_growth")
    n_up = out.get("memory_growth", {}).get("updates", 0)
    row(f"Peak RSS growth over {n_up:,} updates", mg, "MiB", "", None, "< 5 MiB",
        None if mg is None else mg < 5.0)
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
    import matplotlib
    import pyqtgraph
    import PySide6
    from PySide6 import QtCore

    import losslab

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, cwd=HERE, check=False).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "../app"],
                                    capture_output=True, text=True, cwd=HERE,
                                    check=False).stdout.strip())
    except OSError:
        commit, dirty = "", False
    return {
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": args.quick, "updates": args.updates, "startup_runs": args.startup_runs,
        "memory_updates": args.memory_updates, "export_reps": args.export_reps,
        "python": platform.python_version(), "platform": platform.platform(),
        "cpus": os.cpu_count(), "qt": QtCore.qVersion(), "pyside6": PySide6.__version__,
        "pyqtgraph": pyqtgraph.__version__, "matplotlib": matplotlib.__version__,
        "numpy": np.__version__, "losslab": losslab.__version__, "git_commit": commit,
        "app_tree_dirty": dirty, "qpa": os.environ.get("QT_QPA_PLATFORM"),
        "window": list(WINDOW_SIZE), "panels_docked": panels,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny run: checks that every measure works, not how fast")
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder for results.json and RESULTS.md (default: tests/benchmarks/)")
    parser.add_argument("--updates", type=int, help="updates per latency measure (300)")
    parser.add_argument("--startup-runs", type=int, help="start-up runs per variant (10)")
    parser.add_argument("--memory-updates", type=int, help="updates in the memory run (10000)")
    parser.add_argument("--export-reps", type=int, help="repetitions per export (15)")
    args = parser.parse_args(argv)
    quick = args.quick
    args.updates = args.updates or (5 if quick else 300)
    args.startup_runs = args.startup_runs or (1 if quick else 10)
    args.memory_updates = args.memory_updates or (20 if quick else 10_000)
    args.export_reps = args.export_reps or (1 if quick else 15)
    args.out.mkdir(parents=True, exist_ok=True)

    out: dict[str, Any] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="losslab-bench-") as tmp:
        work = Path(tmp)

        def step(name: str) -> None:
            print(f"[{time.perf_counter() - started:6.1f} s] {name}", file=sys.stderr, flush=True)

        step("window")
        b = Bench(args.updates, work)
        b.startup_dump = dump_plots(b.window)  # default parameters, as the app starts
        panels = sorted(b.window.panels)
        step("loss panel and window updates")
        bench_losslab_updates(b, out)
        step("neuron animation frame")
        bench_neuron_frame(b, out)
        step("matplotlib updates")
        mpl = MplLoss(b)
        mpl.bench(out)
        step("export")
        bench_export(b, mpl, args.export_reps, out)
        mpl.close()
        step("start-up")
        bench_startup(b, args.startup_runs, out)
        step("memory")
        bench_memory(work, args.memory_updates, out)
        b.window.close()
        step("done")

    rows = evaluate(out)
    document = {"meta": meta(args, panels) | {"seconds": time.perf_counter() - started},
                "measures": out, "table": rows}
    (args.out / "results.json").write_text(json.dumps(document, indent=1) + "\n")
    table = markdown_table(rows)
    (args.out / "RESULTS.md").write_text(results_markdown(document, table))
    print(table)
    print(f"\nwrote {args.out / 'results.json'} and {args.out / 'RESULTS.md'}")
    return 0


def results_markdown(document: dict[str, Any], table: str) -> str:
    m = document["meta"]
    return (
        "# LossLab benchmark results\n\n"
        f"Run of `python tests/benchmarks/run.py{' --quick' if m['quick'] else ''}` on {m['date']} "
        f"(commit {m['git_commit']}{', app tree with uncommitted changes' if m['app_tree_dirty'] else ''}): "
        f"Python {m['python']}, Qt {m['qt']}, PySide6 {m['pyside6']}, pyqtgraph {m['pyqtgraph']}, "
        f"matplotlib {m['matplotlib']}, numpy {m['numpy']}, {m['cpus']} CPUs, "
        f"`QT_QPA_PLATFORM={m['qpa']}`, window {m['window'][0]}×{m['window'][1]} with every "
        f"dock visible ({', '.join(m['panels_docked'])}). "
        f"{m['updates']} updates per latency measure, {m['startup_runs']} start-ups per variant, "
        f"{m['memory_updates']:,} updates in the memory run, {m['export_reps']} repetitions per "
        f"export; the whole run took {m['seconds']:.0f} s. Raw numbers: `results.json`.\n\n"
        + table + "\n"
    )


if __name__ == "__main__":
    sys.exit(main())
