"""Figures and data out of the app: PNG, SVG, CSV, JSON, clipboard, window screenshots.

pyqtgraph's own exporters are not used: in 0.14 ``SVGExporter`` raises with current Qt
(pyqtgraph#3495) and ``ImageExporter.export(path)`` writes in place and reports failure by
returning False.  Instead the plot scene is rendered with ``QGraphicsScene.render`` into a
``QImage`` (PNG) or a ``QSvgGenerator`` (SVG), encoded in memory, and written with
:func:`losslab.io.atomic.atomic_write_bytes`, so a failed export never leaves a partial file.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen, QPicture
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QWidget

from losslab.io import MAX_IMAGE_SIDE
from losslab.io.atomic import WriteError, atomic_write_bytes, atomic_write_text
from losslab.io.export import (
    DATA_SUFFIXES,
    ExportRequestError,
    FigureOptions,
    check_pixels,
    check_suffix,
    write_data,
)
from losslab.io.tables import table_to_csv, to_json_text
from losslab.qt import theme
from losslab.qt.binding import tr, trn

if TYPE_CHECKING:
    from losslab.qt.panel_base import BasePanel

MAX_PIXELS = MAX_IMAGE_SIDE
IMAGE_SUFFIXES = (".png", ".svg")


def _source_rect(view: pg.GraphicsView) -> QRectF:
    """The part of the scene the view shows now, in scene coordinates."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _scaled(pen: QPen, ratio: float) -> QPen:
    copy = QPen(pen)
    copy.setWidthF(max(pen.widthF(), 1.0) * ratio)
    return copy


@contextmanager
def scaled_line_widths(scene: QGraphicsScene, ratio: float) -> Iterator[None]:
    """Temporarily widen every cosmetic pen of the plot items by ``ratio``.

    Cosmetic pens (all of pyqtgraph's lines) are drawn a fixed number of *device* pixels wide
    whatever the painter's scale or the image's device pixel ratio, so a 2400 px export of a
    960 px figure would otherwise get hair-thin lines.  Widening them for the duration of the
    render makes the export look like the screen, only sharper.
    """
    if abs(ratio - 1.0) < 1e-3:
        yield
        return
    undo: list[Callable[[], None]] = []
    for item in scene.items():
        if isinstance(item, pg.PlotDataItem):
            pen = item.opts.get("pen")
            if isinstance(pen, QPen) and pen.isCosmetic():
                item.setPen(_scaled(pen, ratio))
                undo.append(lambda it=item, p=pen: it.setPen(p))
        elif isinstance(item, pg.PlotCurveItem) and not isinstance(
                item.parentItem(), pg.PlotDataItem):
            pen = item.opts.get("pen")
            if isinstance(pen, QPen) and pen.isCosmetic():
                item.setPen(_scaled(pen, ratio))
                undo.append(lambda it=item, p=pen: it.setPen(p))
        elif isinstance(item, pg.InfiniteLine):
            pen, hover = item.pen, item.hoverPen
            item.setPen(_scaled(pen, ratio))
            undo.append(lambda it=item, p=pen, h=hover: (it.setPen(p), setattr(it, "hoverPen", h)))
        elif isinstance(item, pg.AxisItem):
            pen = item.pen()
            item.setPen(_scaled(pen, ratio))
            undo.append(lambda it=item, p=pen: it.setPen(p))
    try:
        yield
    finally:
        for restore in reversed(undo):
            restore()


@contextmanager
def without_item_caches(scene: QGraphicsScene) -> Iterator[None]:
    """Draw every item afresh for the duration of an export.

    Panels may give rarely changing items a ``DeviceCoordinateCache`` so that a screen repaint
    blits them instead of stroking them again; an export must not reuse those screen pixmaps
    (an SVG would embed them as raster images, a 2400 px PNG would scale them up).
    """
    none = QGraphicsItem.CacheMode.NoCache
    cached = [(item, item.cacheMode()) for item in scene.items() if item.cacheMode() != none]
    for item, _mode in cached:
        item.setCacheMode(none)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)


@contextmanager
def items_in_export_mode(scene: QGraphicsScene) -> Iterator[None]:
    """Tell every pyqtgraph item that it is being exported, for the duration of an export.

    pyqtgraph's own exporters do this; an item in export mode draws for the file, not from its
    screen caches: a ``ScatterPlotItem`` strokes each symbol instead of copying it from its
    pixmap atlas (in an SVG the atlas copies became clipped raster images that librsvg and
    QSvgRenderer drew as hatching, not as circles and squares).
    """
    items = [item for item in scene.items() if hasattr(item, "setExportMode")]
    for item in items:
        item.setExportMode(True, {"antialias": True})
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


def simplify_polyline(x: NDArray[np.float64], y: NDArray[np.float64],
                      tolerance: float) -> NDArray[np.intp]:
    """Indices of the points Ramer–Douglas–Peucker keeps at ``tolerance`` (same units as x, y).

    Every dropped point lies within ``tolerance`` of the kept polyline, so the drawing is the
    same to the eye while straight stretches (hinge, Huber's tails) shrink to their end points.
    """
    n = len(x)
    if n < 3:
        return np.arange(n)
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        dx, dy = x[last] - x[first], y[last] - y[first]
        seg = np.hypot(dx, dy)
        px, py = x[first + 1:last] - x[first], y[first + 1:last] - y[first]
        dist = np.abs(dx * py - dy * px) / seg if seg > 0 else np.hypot(px, py)
        worst = int(np.argmax(dist))
        if dist[worst] > tolerance:
            split = first + 1 + worst
            keep[split] = True
            stack += [(first, split), (split, last)]
    return np.flatnonzero(keep)


def clip_polyline(x: NDArray[np.float64], y: NDArray[np.float64],
                  box: tuple[float, float, float, float]
                  ) -> list[tuple[NDArray[np.float64], NDArray[np.float64]]]:
    """The parts of the polyline through (x, y) inside ``box`` = (x0, y0, x1, y1), in order.

    Liang–Barsky on each segment: a segment leaving the box ends exactly on its edge.  Points
    inside the box are kept as they are (no arithmetic), so the clipped drawing is the same as
    the unclipped one wherever it is visible.  Non-finite points break the line (as pyqtgraph's
    ``connect="finite"`` does).
    """
    x0, y0, x1, y1 = box
    n = len(x)
    pieces: list[tuple[list[float], list[float]]] = []
    if n == 1:
        if x0 <= x[0] <= x1 and y0 <= y[0] <= y1:
            return [(np.asarray(x, dtype=float), np.asarray(y, dtype=float))]
        return []
    xa, ya, xb, yb = x[:-1], y[:-1], x[1:], y[1:]
    dx, dy = xb - xa, yb - ya
    with np.errstate(divide="ignore", invalid="ignore"):
        lo = np.zeros(n - 1)
        hi = np.ones(n - 1)
        ok = np.isfinite(xa) & np.isfinite(ya) & np.isfinite(xb) & np.isfinite(yb)
        for p, q in ((-dx, xa - x0), (dx, x1 - xa), (-dy, ya - y0), (dy, y1 - ya)):
            ok &= ~((p == 0) & (q < 0))
            r = q / p
            lo = np.where(p < 0, np.maximum(lo, r), lo)
            hi = np.where(p > 0, np.minimum(hi, r), hi)
        ok &= lo <= hi
    previous_ended_inside = False
    for i in np.flatnonzero(ok):
        start = (float(xa[i]), float(ya[i])) if lo[i] <= 0 else (
            float(xa[i] + lo[i] * dx[i]), float(ya[i] + lo[i] * dy[i]))
        stop = (float(xb[i]), float(yb[i])) if hi[i] >= 1 else (
            float(xa[i] + hi[i] * dx[i]), float(ya[i] + hi[i] * dy[i]))
        if pieces and previous_ended_inside and lo[i] <= 0 and pieces[-1][0][-1] == start[0] \
                and pieces[-1][1][-1] == start[1]:
            pieces[-1][0].append(stop[0])
            pieces[-1][1].append(stop[1])
        else:
            pieces.append(([start[0], stop[0]], [start[1], stop[1]]))
        previous_ended_inside = hi[i] >= 1
    return [(np.array(px), np.array(py)) for px, py in pieces]


def svg_polyline(x: NDArray[np.float64], y: NDArray[np.float64],
                 box: tuple[float, float, float, float], pixel: tuple[float, float],
                 tolerance_px: float = 0.1) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The curve as it should go into an SVG: clipped to the visible ``box`` and thinned to
    what shows at ``tolerance_px`` (``pixel`` = data units per pixel in x and y); the pieces
    are joined with NaN, which breaks the line."""
    xs: list[NDArray[np.float64]] = []
    ys: list[NDArray[np.float64]] = []
    gap = np.array([np.nan])
    for px, py in clip_polyline(x, y, box):
        keep = simplify_polyline(px / pixel[0], py / pixel[1], tolerance_px)
        if xs:
            xs.append(gap)
            ys.append(gap)
        xs.append(px[keep])
        ys.append(py[keep])
    if not xs:
        return np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys)


@contextmanager
def svg_ready_curves(scene: QGraphicsScene, tolerance_px: float = 0.1) -> Iterator[None]:
    """Temporarily clip every plotted curve to its plot's visible range and thin it to what is
    visible at ``tolerance_px`` pixels.

    Clipping: on screen and in a PNG the plot area clips its curves, but Qt's SVG writer keeps
    no clip (and its SVG 1.1 clip paths are misassigned), so an exponential loss would run over
    the title.  Thinning: Qt stores every vertex at full precision; a 1201-point straight line
    would cost 20 KiB.  Both run in the plot's display coordinates (after log axes), so the
    SVG shows the same lines.  Curves with symbols or fills are left alone.
    """
    undo: list[Callable[[], None]] = []
    for item in scene.items():
        if not isinstance(item, pg.PlotDataItem) or not item.isVisible():
            continue
        if item.opts.get("symbol") is not None or item.opts.get("fillLevel") is not None:
            continue
        vb = item.getViewBox()
        x, y = item.getData()
        if x is None or y is None or len(x) < 2 or vb is None:
            continue
        sx, sy = vb.viewPixelSize()
        if not (sx > 0 and sy > 0):
            continue
        view = vb.viewRect()
        box = (view.left(), view.top(), view.right(), view.bottom())
        nx, ny = svg_polyline(np.asarray(x, dtype=float), np.asarray(y, dtype=float),
                              box, (sx, sy), tolerance_px)
        original = item.getOriginalDataset()
        log_x, log_y = item.opts["logMode"]
        connect = item.opts.get("connect", "auto")
        if log_x or log_y:
            item.setLogMode(False, False)
        item.setData(nx, ny, connect="finite")
        undo.append(lambda it=item, o=original, lx=log_x, ly=log_y, c=connect: (
            it.setData(o[0], o[1], connect=c), it.setLogMode(lx, ly)))
    try:
        yield
    finally:
        for restore in reversed(undo):
            restore()


def render_image(view: pg.GraphicsView, width: int | None = None, *,
                 scale: float | None = None, background: str | None = None) -> QImage:
    """Render what ``view`` shows into a new image.

    ``width`` gives the image width in pixels (height follows the aspect ratio); otherwise
    ``scale`` multiplies the on-screen size; with neither, the screen's device pixel ratio is
    used, so a high-DPI screen exports physical pixels.  Lines and text scale with the image
    (the painter's device pixel ratio does it), so a 2400 px export looks like the screen, only
    sharper.
    """
    source = _source_rect(view)
    if source.width() < 1 or source.height() < 1:
        raise ValueError("the plot has no size yet (is it laid out?)")
    if width is not None:
        ratio = width / source.width()
    elif scale is not None:
        ratio = scale
    else:
        ratio = view.devicePixelRatioF()
    if not 0 < ratio or max(source.width(), source.height()) * ratio > MAX_PIXELS:
        raise ValueError(f"image size must be between 1 and {MAX_PIXELS} pixels on each side")
    size = QSize(max(1, round(source.width() * ratio)), max(1, round(source.height() * ratio)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(background) if background else view.backgroundBrush().color())
    with scaled_line_widths(view.scene(), ratio), without_item_caches(view.scene()):
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            view.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()
    return image


def image_bytes(image: QImage, fmt: str = "PNG") -> bytes:
    """Encode an image in memory (so the file write can be atomic)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt):
        raise WriteError(f"could not encode the image as {fmt}")
    buffer.close()
    return bytes(data.data())


_SVG_NS = "http://www.w3.org/2000/svg"


def compact_svg(data: bytes) -> bytes:
    """Make Qt's SVG output small and portable.

    Drops what Qt's SVG writer emits but nothing uses (empty groups, one per painter state
    change, and font attributes on groups that contain no text: about half the file), moves
    the transforms of cosmetic-pen lines into their coordinates
    (:func:`flatten_stroke_transforms`) and states the size in pixels.  The drawing is
    unchanged (the tests render both and compare).
    """
    ET.register_namespace("", _SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(data)
    group = f"{{{_SVG_NS}}}g"

    empty_geometry = {f"{{{_SVG_NS}}}path": "d", f"{{{_SVG_NS}}}polyline": "points",
                      f"{{{_SVG_NS}}}polygon": "points"}

    def prune(element: ET.Element) -> None:
        for child in list(element):
            prune(child)
            if child.tag == group and len(child) == 0 and not (child.text or "").strip():
                element.remove(child)
            elif child.tag in empty_geometry and not child.get(empty_geometry[child.tag],
                                                                "").strip():
                element.remove(child)  # an empty curve: renderers warn about "invalid path"

    prune(root)
    for rect in root.iter(f"{{{_SVG_NS}}}rect"):
        # A zero-height bar is a line in Qt's drawing, but SVG renderers skip a <rect> with a
        # zero side: as a path it is stroked everywhere.
        x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
        w, h = float(rect.get("width", 0)), float(rect.get("height", 0))
        if (w == 0 or h == 0) and "rx" not in rect.attrib and "ry" not in rect.attrib:
            for name in ("x", "y", "width", "height"):
                rect.attrib.pop(name, None)
            rect.tag = f"{{{_SVG_NS}}}path"
            rect.set("d", f"M{_num(x)},{_num(y)} L{_num(x + w)},{_num(y + h)}")
    flatten_stroke_transforms(root)
    # Qt gives the size in mm, which renderers convert at 90 or 96 dpi: in pixels, every
    # renderer opens the file at the size of the figure.
    box = [float(v) for v in _NUMBER_RE.findall(root.get("viewBox", ""))]
    if len(box) == 4:
        root.set("width", _num(box[2]))
        root.set("height", _num(box[3]))
    for g in root.iter(group):
        if g.find(f".//{{{_SVG_NS}}}text") is None:
            for name in [a for a in g.attrib if a.startswith("font-")]:
                del g.attrib[name]
    for element in root.iter():
        family = element.get("font-family")
        if family is not None:
            element.set("font-family", portable_font_family(family))
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n").encode()


#: Generic CSS families: a renderer that does not know the first family name falls back to one.
_GENERIC_FAMILIES = ("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui")


def portable_font_family(family: str) -> str:
    """A font-family list every renderer reads as Qt drew it.

    Qt writes its own family names ("Sans Serif" is Qt's generic sans face); a browser that does
    not know a name falls back to its default, a serif face.  Appending CSS's generic
    ``sans-serif`` keeps the drawn family first and gives other renderers the right kind of face.
    """
    names = [name.strip().strip("'\"") for name in family.split(",") if name.strip()]
    if any(name.lower() in _GENERIC_FAMILIES for name in names):
        return family
    kind = "monospace" if any("mono" in name.lower() for name in names) else "sans-serif"
    return ", ".join([f"'{name}'" if " " in name else name for name in names] + [kind])


_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PATH_TOKEN = re.compile(rf"[A-Za-z]|{_NUMBER}")
_NUMBER_RE = re.compile(_NUMBER)
#: Path commands whose arguments are all absolute (x, y) pairs: an affine map can be applied to
#: them point by point.  Qt's SVG writer emits only M, L, C and Z.
_PAIR_COMMANDS = frozenset("MLCQST")
#: A cubic Bézier quarter circle's control distance (the classic 4(√2 − 1)/3).
_KAPPA = 0.5522847498307936
Affine = tuple[float, float, float, float, float, float]


def _num(value: float) -> str:
    """A coordinate for the SVG file: 1/1000 px is far below what any renderer shows."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _parse_matrix(text: str) -> Affine | None:
    """``matrix(a,b,c,d,e,f)`` (the only transform Qt writes) as numbers, else None."""
    text = text.strip()
    if not (text.startswith("matrix(") and text.endswith(")")):
        return None
    values = [float(v) for v in _NUMBER_RE.findall(text[7:-1])]
    if len(values) != 6:
        return None
    return (values[0], values[1], values[2], values[3], values[4], values[5])


def _apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    """SVG's matrix(a,b,c,d,e,f): (x, y) ↦ (a·x + c·y + e, b·x + d·y + f)."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _map_points(m: Affine, text: str) -> str:
    values = [float(v) for v in _NUMBER_RE.findall(text)]
    if len(values) % 2:
        raise ValueError("odd number of coordinates")
    pairs = (_apply(m, values[i], values[i + 1]) for i in range(0, len(values), 2))
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in pairs)


def _map_path(m: Affine, d: str) -> str:
    """Apply ``m`` to path data made of absolute M, L, C, Q, S, T, H, V and Z commands
    (ValueError for anything else: relative commands and arcs are left to the renderer)."""
    out: list[str] = []
    tokens = _PATH_TOKEN.findall(d)
    i, command, letter = 0, "", ""
    x = y = 0.0
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "Zz":
                out.append("Z")
            # Written before the command's first point only: "C p1 p2 p3" needs its three
            # points after one letter.
            letter = "L" if command in "HV" else command
            continue
        if command in _PAIR_COMMANDS:
            x, y = float(tokens[i]), float(tokens[i + 1])
            i += 2
        elif command == "H":
            x, i = float(tokens[i]), i + 1
        elif command == "V":
            y, i = float(tokens[i]), i + 1
        else:
            raise ValueError(f"path command {command!r} is not supported")
        px, py = _apply(m, x, y)
        out.append(f"{letter}{_num(px)},{_num(py)}")
        letter = ""
    return " ".join(out)


def _rect_path(x: float, y: float, w: float, h: float) -> str:
    return f"M{x!r},{y!r} L{x + w!r},{y!r} L{x + w!r},{y + h!r} L{x!r},{y + h!r} Z"


def _ellipse_path(cx: float, cy: float, rx: float, ry: float) -> str:
    """The ellipse as four cubic Béziers (within 0.03 % of the radius)."""
    kx, ky = _KAPPA * rx, _KAPPA * ry
    return (f"M{cx + rx!r},{cy!r} "
            f"C{cx + rx!r},{cy + ky!r} {cx + kx!r},{cy + ry!r} {cx!r},{cy + ry!r} "
            f"C{cx - kx!r},{cy + ry!r} {cx - rx!r},{cy + ky!r} {cx - rx!r},{cy!r} "
            f"C{cx - rx!r},{cy - ky!r} {cx - kx!r},{cy - ry!r} {cx!r},{cy - ry!r} "
            f"C{cx + kx!r},{cy - ry!r} {cx + rx!r},{cy - ky!r} {cx + rx!r},{cy!r} Z")


def _bake(element: ET.Element, m: Affine) -> bool:
    """Rewrite ``element``'s geometry in its parent's coordinates (as if ``m`` were applied).

    Only elements drawn with a cosmetic pen (``vector-effect="non-scaling-stroke"``) are
    baked: their stroke is meant in output pixels, which a transformed coordinate system
    breaks in renderers without vector-effect support.  Returns False when the element must
    keep the transform (text, images, anything with a stroke in user units).
    """
    if element.get("vector-effect") != "non-scaling-stroke":
        return False
    tag = element.tag.rpartition("}")[2]
    a, b, c, d, _e, _f = m
    axis_aligned = b == 0 and c == 0
    try:
        if tag in ("polyline", "polygon"):
            element.set("points", _map_points(m, element.get("points", "")))
        elif tag == "path":
            element.set("d", _map_path(m, element.get("d", "")))
        elif tag == "line":
            x1, y1 = _apply(m, float(element.get("x1", 0)), float(element.get("y1", 0)))
            x2, y2 = _apply(m, float(element.get("x2", 0)), float(element.get("y2", 0)))
            for name, value in (("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)):
                element.set(name, _num(value))
        elif tag == "rect" and axis_aligned and "rx" not in element.attrib:
            x0, y0 = float(element.get("x", 0)), float(element.get("y", 0))
            w, h = float(element.get("width", 0)), float(element.get("height", 0))
            (xa, ya), (xb, yb) = _apply(m, x0, y0), _apply(m, x0 + w, y0 + h)
            for name, value in (("x", min(xa, xb)), ("y", min(ya, yb)),
                                ("width", abs(xb - xa)), ("height", abs(yb - ya))):
                element.set(name, _num(value))
        elif tag in ("rect", "ellipse", "circle"):
            if tag == "rect":
                if "rx" in element.attrib or "ry" in element.attrib:
                    return False
                d_text = _rect_path(float(element.get("x", 0)), float(element.get("y", 0)),
                                    float(element.get("width", 0)),
                                    float(element.get("height", 0)))
            else:
                r = float(element.get("r", 0))
                d_text = _ellipse_path(float(element.get("cx", 0)), float(element.get("cy", 0)),
                                       float(element.get("rx", r)), float(element.get("ry", r)))
            for name in ("x", "y", "width", "height", "cx", "cy", "rx", "ry", "r"):
                element.attrib.pop(name, None)
            element.tag = f"{{{_SVG_NS}}}path"
            element.set("d", _map_path(m, d_text))
        else:
            return False
    except ValueError:
        return False
    del element.attrib["vector-effect"]
    return True


def flatten_stroke_transforms(root: ET.Element) -> None:
    """Move the coordinate transforms of cosmetic-pen drawing into the coordinates themselves.

    Qt's SVG writer puts a curve's points in data units inside a group such as
    ``matrix(146.1,0,0,-92.4,496,525)`` and marks the line ``non-scaling-stroke`` so that its
    2 px width is not scaled by 146.  Renderers without that SVG Tiny 1.2 feature (librsvg
    2.54, many editors) draw a 290 px wide stroke: coloured blobs.  With the points mapped to
    output pixels the group needs no transform and every renderer draws the same figure.  A
    group holding both bakeable and other elements (text, images) is split, keeping the order.
    """
    group_tag = f"{{{_SVG_NS}}}g"
    for parent in list(root.iter()):
        for index in range(len(parent) - 1, -1, -1):
            group = parent[index]
            if group.tag != group_tag or "transform" not in group.attrib:
                continue
            m = _parse_matrix(group.get("transform", ""))
            if m is None or any(child.tag == group_tag for child in group):
                continue
            runs: list[tuple[bool, list[ET.Element]]] = []
            for child in list(group):
                baked = _bake(child, m)
                if runs and runs[-1][0] == baked:
                    runs[-1][1].append(child)
                else:
                    runs.append((baked, [child]))
            if not any(baked for baked, _ in runs):
                continue
            parent.remove(group)
            for offset, (baked, children) in enumerate(runs):
                piece = ET.Element(group.tag, dict(group.attrib))
                piece.text, piece.tail = group.text, group.tail
                if baked:
                    del piece.attrib["transform"]
                piece.extend(children)
                parent.insert(index + offset, piece)


def svg_bytes(view: pg.GraphicsView, title: str = "LossLab") -> bytes:
    """The view's scene as SVG, drawn by Qt's ``QSvgGenerator`` (vector lines and text)."""
    source = _source_rect(view)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(QPicture().logicalDpiX())
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription("Exported from LossLab")
    scene = view.scene()
    with without_item_caches(scene), svg_ready_curves(scene), items_in_export_mode(scene):
        painter = QPainter(generator)
        try:
            painter.fillRect(QRectF(0, 0, source.width(), source.height()),
                             view.backgroundBrush().color())
            view.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()
    buffer.close()
    return compact_svg(bytes(data.data()))


def save_png(view: pg.GraphicsView, path: str | os.PathLike[str], width: int | None = None,
             scale: float | None = None) -> QImage:
    """Write the view as PNG, atomically; returns the image written."""
    image = render_image(view, width, scale=scale)
    atomic_write_bytes(path, image_bytes(image))
    return image


def save_svg(view: pg.GraphicsView, path: str | os.PathLike[str], title: str = "LossLab") -> None:
    atomic_write_bytes(path, svg_bytes(view, title))


def save_csv(table: Mapping[str, NDArray[np.float64]], path: str | os.PathLike[str]) -> None:
    atomic_write_text(path, table_to_csv(table))


def save_json(document: Any, path: str | os.PathLike[str]) -> None:
    atomic_write_text(path, to_json_text(document))


def copy_image(image: QImage) -> None:
    """Put an image on the system clipboard."""
    QGuiApplication.clipboard().setImage(image)


def save_window_screenshot(window: QWidget, path: str | os.PathLike[str]) -> QImage:
    """A PNG of the whole window as it looks now (physical pixels)."""
    image = window.grab().toImage()
    suffix = Path(path).suffix.lower()
    fmt = {".jpg": "JPG", ".jpeg": "JPG"}.get(suffix, "PNG")
    atomic_write_bytes(path, image_bytes(image, fmt))
    return image


# ---------------------------------------------------------------------- the one dispatch
@contextmanager
def figure_for_export(panel: BasePanel, options: FigureOptions) -> Iterator[BasePanel]:
    """The panel whose figure is to be drawn: ``panel`` itself when the figure is wanted as it
    is now, else a fresh offscreen copy of it (same class, same state) laid out at
    ``options.size`` in ``options.theme``.

    A copy, not the docked panel resized: the window does not flicker, and the figure's
    layout (titles, legends, colour bars) is computed for the export size, so nothing is
    clipped or stretched.  The theme is switched only while the copy exists.
    """
    panel.ensure_laid_out()
    now = (panel.graphics.width(), panel.graphics.height())
    if options.size in (None, now) and options.theme in (None, theme.current.name):
        yield panel
        return
    size = options.size or now
    saved = theme.current
    if options.theme is not None:
        chosen = theme.THEMES[options.theme]
        if saved.font_scale != 1.0:  # presenter mode: keep its bigger lines and text
            chosen = theme.presenter_variant(chosen)
        theme.current = chosen
    copy: BasePanel | None = None
    try:
        copy = type(panel)(panel.state)
        copy.adopt_view(panel)  # curves hidden from the legend stay hidden
        copy.ensure_laid_out(size)
        yield copy
    finally:
        theme.current = saved
        if copy is not None:
            copy.close()
            copy.deleteLater()
            # Delete it now: a copy left to the event loop keeps its state subscription and
            # pyqtgraph items with queued updates alive.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def export_panel(panel: BasePanel, path: str | os.PathLike[str],
                 options: FigureOptions = FigureOptions()) -> str:  # noqa: B008 (frozen)
    """Write ``panel`` to ``path`` in the format its suffix names, atomically; the one export
    dispatch of the app and the command line.

    ``.csv``/``.json`` come from the panel's pure model (:func:`losslab.io.export.write_data`),
    ``.png``/``.svg`` from its figure at ``options`` and ``.gif`` (animated panels) from its
    frames.  Returns what was written, e.g. "1920×1080" or "101 frames, 800×500" ("" for
    data).  Raises ValueError (ExportRequestError) for a request that cannot be done and
    :class:`losslab.io.atomic.WriteError` when the file cannot be written.
    """
    suffix = check_suffix(path, panel.animated)
    if suffix in DATA_SUFFIXES:
        write_data(panel.model, panel.state, path)
        return ""
    if options.theme is not None and options.theme not in theme.THEMES:
        raise ExportRequestError(f"unknown theme {options.theme!r}; allowed: "
                                 + ", ".join(theme.THEMES))
    with figure_for_export(panel, options) as source:
        graphics = source.graphics
        if suffix == ".gif":
            from losslab.qt import animation_export

            width = options.size[0] if options.size else animation_export.GIF_WIDTH
            n = animation_export.save_gif(source, path, width)
            return trn("%n frames", n, "menu")
        if suffix == ".svg":
            atomic_write_bytes(path, svg_bytes(graphics, tr(panel.model.title, "panels")))
            rect = _source_rect(graphics)
            return f"{round(rect.width())}×{round(rect.height())}"
        # PNG: physical pixels of the screen for the figure as shown, else the scale asked for.
        scale = options.scale
        if scale is None:
            scale = graphics.devicePixelRatioF() if source is panel else 1.0
        check_pixels((graphics.viewport().width(), graphics.viewport().height()), scale)
        image = render_image(graphics, scale=scale)
        atomic_write_bytes(path, image_bytes(image))
        return f"{image.width()}×{image.height()}"
