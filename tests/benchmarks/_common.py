"""Shared pieces of the benchmark scripts: dock layout, paint detection, memory, plot dumps.

Nothing here is imported by the app; the scripts in this folder import it by file (the folder is
``sys.path[0]`` when a script in it runs).
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable, Iterable
from typing import Any

WINDOW_SIZE = (1280, 800)


def now_ns() -> int:
    """Wall-clock time in ns: comparable between the parent and its child processes."""
    return time.time_ns()


def emit(event: str, **fields: Any) -> None:
    """One JSON line on stdout for the parent (startup/memory children)."""
    print(json.dumps({"event": event, "t_ns": now_ns(), **fields}), flush=True)


# ---------------------------------------------------------------------- memory
def proc_status() -> dict[str, float]:
    """VmRSS and VmHWM (peak RSS) of this process in MiB, from /proc/self/status."""
    out: dict[str, float] = {}
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(rest.split()[0]) / 1024.0
    except OSError:  # not Linux: fall back to the peak only
        import resource

        out["VmHWM"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        out["VmRSS"] = float("nan")
    return out


# ---------------------------------------------------------------------- layout
def arrange_all_visible(window: Any) -> None:
    """Put every dock of a LossLab MainWindow side by side (no tabs): two columns of splits.

    The app's default layout tabs some panels together; the benchmark wants all of them visible
    at once, as a user who arranged them so would have them.
    """
    from PySide6.QtCore import Qt

    docks = list(window.docks.values())
    for dock in docks:
        dock.setFloating(False)
        window.removeDockWidget(dock)
    half = math.ceil(len(docks) / 2)
    left, right = docks[:half], docks[half:]
    for column, area in ((left, Qt.DockWidgetArea.LeftDockWidgetArea),
                         (right, Qt.DockWidgetArea.RightDockWidgetArea)):
        if not column:
            continue
        window.addDockWidget(area, column[0])
        column[0].show()
        for previous, dock in zip(column, column[1:], strict=False):
            window.splitDockWidget(previous, dock, Qt.Orientation.Vertical)
            dock.show()
    if left and right:
        window.resizeDocks([left[0], right[0]], [WINDOW_SIZE[0] // 2] * 2,
                           Qt.Orientation.Horizontal)


def in_front_keys(window: Any) -> list[str]:
    """Keys of the docks the user sees (open and not behind another tab)."""
    return [key for key, dock in window.docks.items() if window.in_front(dock)]


def built_panels(window: Any) -> dict[str, Any]:
    """The panels built so far (the window builds a panel when its tab first comes forward)."""
    built = getattr(window.panels, "built", None)
    return dict(built) if built is not None else dict(window.panels)


class PaintWatcher:
    """Counts paint events of some widgets (an event filter; never swallows the event)."""

    def __init__(self, widgets: Iterable[Any], on_paint: Callable[[Any], None] | None = None):
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint
        watcher = self

        class _Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
                if event.type() == paint:
                    watcher.counts[obj] = watcher.counts.get(obj, 0) + 1
                    if on_paint is not None:
                        on_paint(obj)
                return False

        self.counts: dict[Any, int] = {}
        self.widgets = list(widgets)
        self._filter = _Filter()
        for w in self.widgets:
            w.installEventFilter(self._filter)

    def total(self) -> int:
        return sum(self.counts.values())

    def remove(self) -> None:
        for w in self.widgets:
            w.removeEventFilter(self._filter)


# ---------------------------------------------------------------------- plot dump
def dump_plots(window: Any) -> dict[str, Any]:
    """Every visible plot of every panel in front, as plain data, for the matplotlib look-alike.

    Per panel: the figure's rectangle in the window and, per PlotItem, its grid cell, title,
    axis labels, log modes, view range, visible curves (x, y, colour, width, dashed), scatter
    points, images (array and extent) and straight lines.  Arrays go in a separate dict.
    """
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QPoint

    panels = []
    arrays: dict[str, Any] = {}

    def put(arr: Any) -> str:
        name = f"a{len(arrays)}"
        arrays[name] = np.asarray(arr, dtype=np.float64) if arr is not None else np.zeros(0)
        return name

    def pen_info(pen: Any) -> dict[str, Any]:
        if pen is None:
            return {"colour": None, "width": 1.0, "dashed": False}
        pen = pg.mkPen(pen)
        colour = pen.color()
        return {"colour": colour.name(), "alpha": colour.alphaF(),
                "width": max(pen.widthF(), 1.0),
                "dashed": pen.style() not in (pg.QtCore.Qt.PenStyle.SolidLine,
                                              pg.QtCore.Qt.PenStyle.NoPen)}

    front = set(in_front_keys(window))
    for key, panel in built_panels(window).items():
        graphics = panel.graphics
        if key not in front or not graphics.isVisible():
            continue
        top_left = graphics.mapTo(window, QPoint(0, 0))
        entry: dict[str, Any] = {"key": key, "rect": [top_left.x(), top_left.y(),
                                                       graphics.width(), graphics.height()],
                                 "plots": []}
        layout = graphics.ci
        cells = {id(item): spots for item, spots in layout.items.items()}
        for plot in panel._plots:
            if not plot.isVisible():
                continue
            spots = cells.get(id(plot), [(0, 0)])
            rows = [r for r, _ in spots]
            cols = [c for _, c in spots]
            vb = plot.getViewBox()
            (x0, x1), (y0, y1) = vb.viewRange()
            log_x = bool(plot.getAxis("bottom").logMode)
            log_y = bool(plot.getAxis("left").logMode)
            p: dict[str, Any] = {
                "row": min(rows), "col": min(cols), "rowspan": max(rows) - min(rows) + 1,
                "colspan": max(cols) - min(cols) + 1,
                "title": plot.titleLabel.text or "",
                "xlabel": plot.getAxis("bottom").labelText or "",
                "ylabel": plot.getAxis("left").labelText or "",
                "log_x": log_x, "log_y": log_y, "xlim": [x0, x1], "ylim": [y0, y1],
                "curves": [], "scatters": [], "images": [], "lines": [],
            }
            for item in vb.addedItems:
                if not item.isVisible():
                    continue
                if isinstance(item, pg.PlotDataItem):
                    x, y = item.xData, item.yData
                    if x is None or y is None or len(x) == 0:
                        continue
                    opts = item.opts
                    if opts.get("pen") is not None:
                        p["curves"].append({"x": put(x), "y": put(y), **pen_info(opts["pen"])})
                    if opts.get("symbol") is not None:
                        brush = pg.mkBrush(opts.get("symbolBrush")).color().name()
                        p["scatters"].append({"x": put(x), "y": put(y), "colour": brush,
                                              "size": float(opts.get("symbolSize") or 6)})
                elif isinstance(item, pg.ScatterPlotItem):
                    x, y = item.getData()
                    if x is not None and len(x):
                        p["scatters"].append({"x": put(x), "y": put(y), "colour": "#202020",
                                              "size": 8.0})
                elif isinstance(item, pg.ImageItem) and item.image is not None:
                    rect = item.mapRectToParent(item.boundingRect())
                    p["images"].append({"data": put(item.image),
                                        "extent": [rect.left(), rect.right(), rect.top(),
                                                   rect.bottom()]})
                elif isinstance(item, pg.InfiniteLine):
                    p["lines"].append({"angle": float(item.angle), "pos": float(item.value()),
                                       **pen_info(item.pen)})
            entry["plots"].append(p)
        panels.append(entry)
    return {"window": list(WINDOW_SIZE), "panels": panels, "arrays": arrays}


def save_dump(dump: dict[str, Any], path: str) -> None:
    import numpy as np

    arrays = dump.pop("arrays")
    np.savez(path + ".npz", **arrays)
    with open(path + ".json", "w") as fh:
        json.dump(dump, fh)
    dump["arrays"] = arrays


def load_dump(path: str) -> dict[str, Any]:
    import numpy as np

    with open(path + ".json") as fh:
        dump = json.load(fh)
    with np.load(path + ".npz") as data:
        dump["arrays"] = {k: data[k] for k in data.files}
    return dump


def mpl_draw_panel(fig: Any, panel: dict[str, Any], arrays: dict[str, Any]) -> None:
    """Recreate one dumped panel's plots on a matplotlib figure (a subplot grid like its layout)."""
    plots = panel["plots"]
    if not plots:
        return
    nrows = max(p["row"] + p["rowspan"] for p in plots)
    ncols = max(p["col"] + p["colspan"] for p in plots)
    grid = fig.add_gridspec(nrows, ncols)
    for p in plots:
        ax = fig.add_subplot(grid[p["row"]:p["row"] + p["rowspan"],
                                  p["col"]:p["col"] + p["colspan"]])
        draw_plot_on_axes(ax, p, arrays)


def draw_plot_on_axes(ax: Any, p: dict[str, Any], arrays: dict[str, Any],
                      legend: bool = False) -> list[Any]:
    import numpy as np

    def unlog(v: Any, log: bool) -> Any:
        return np.power(10.0, v) if log else v

    lines = []
    for c in p["curves"]:
        (line,) = ax.plot(arrays[c["x"]], arrays[c["y"]], color=c["colour"],
                          alpha=c.get("alpha", 1.0), linewidth=c["width"] * 0.75,
                          linestyle="--" if c["dashed"] else "-", label=c.get("label"))
        lines.append(line)
    for s in p["scatters"]:
        ax.scatter(arrays[s["x"]], arrays[s["y"]], s=s["size"] ** 2 * 0.5, c=s["colour"],
                   zorder=5)
    for im in p["images"]:
        left, right, bottom, top = im["extent"]
        ax.imshow(arrays[im["data"]].T, extent=(left, right, bottom, top), origin="lower", aspect="auto",
                  cmap="viridis")
    for ln in p["lines"]:
        style = "--" if ln["dashed"] else "-"
        if abs(ln["angle"] - 90) < 1e-6:
            ax.axvline(ln["pos"], color=ln["colour"], linestyle=style, linewidth=ln["width"])
        else:
            ax.axhline(unlog(ln["pos"], p["log_y"]), color=ln["colour"], linestyle=style,
                       linewidth=ln["width"])
    if p["log_x"]:
        ax.set_xscale("log")
    if p["log_y"]:
        ax.set_yscale("log")
    ax.set_xlim(*unlog(np.array(p["xlim"]), p["log_x"]))
    ax.set_ylim(*unlog(np.array(p["ylim"]), p["log_y"]))
    ax.set_title(_plain(p["title"]), fontsize=9)
    ax.set_xlabel(_plain(p["xlabel"]), fontsize=8)
    ax.set_ylabel(_plain(p["ylabel"]), fontsize=8)
    ax.tick_params(labelsize=7)
    ax.grid(True, color="#E4E4E4")
    if legend:
        ax.legend(fontsize=7, loc="upper right")
    return lines


def _plain(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text).replace("$", r"\$")


# ---------------------------------------------------------------------- export checks
def _image_stats(image: Any) -> dict[str, Any]:
    """Size and how much of an image differs from its corner (background) colour."""
    import numpy as np
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_ARGB32)
    w, h = img.width(), img.height()
    if w == 0 or h == 0:
        return {"size_px": [w, h], "ink": 0.0, "colours": 0}
    ptr = img.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint32, count=img.bytesPerLine() // 4 * h)
    arr = arr.reshape(h, img.bytesPerLine() // 4)[:, :w]
    background = arr[0, 0]
    ink = float(np.count_nonzero(arr != background)) / arr.size
    colours = int(np.unique(arr[:: max(1, h // 200), :: max(1, w // 200)]).size)
    return {"size_px": [w, h], "ink": ink, "colours": colours}


def check_png(path: Any, size: tuple[int, int | None]) -> dict[str, Any]:
    """The PNG exists, has ``size`` (height None: any) and is not blank: at least 1 % of its
    pixels differ from the background and it has more than a few colours (curves, text)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    stats = _image_stats(image)
    w, h = stats["size_px"]
    ok_size = w == size[0] and (size[1] is None or h == size[1])
    stats["ok"] = bool(not image.isNull() and ok_size and stats["ink"] > 0.01
                       and stats["colours"] > 4)
    return stats


def check_svg(path: Any, size: tuple[int, int] | None) -> dict[str, Any]:
    """The SVG parses, renders (QtSvg) at its own size (``size`` when given) and is not blank."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return {"ok": False, "size_px": [0, 0], "ink": 0.0, "colours": 0, "valid": False}
    default = renderer.defaultSize()
    image = QImage(default.width(), default.height(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    stats = _image_stats(image)
    ok_size = size is None or tuple(stats["size_px"]) == tuple(size)
    stats["valid"] = True
    stats["ok"] = bool(ok_size and stats["ink"] > 0.01 and stats["colours"] > 4)
    return stats


def env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")
