"""Figures and data out of the app: PNG, SVG, CSV, JSON, clipboard, window screenshots.

pyqtgraph's own exporters are not used: in 0.14 ``SVGExporter`` raises with current Qt
(pyqtgraph#3495) and ``ImageExporter.export(path)`` writes in place and reports failure by
returning False.  Instead the plot scene is rendered with ``QGraphicsScene.render`` into a
``QImage`` (PNG) or a ``QSvgGenerator`` (SVG), encoded in memory, and written with
:func:`losslab.io.atomic.atomic_write_bytes`, so a failed export never leaves a partial file.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QWidget

from losslab.io import MAX_IMAGE_SIDE
from losslab.io.atomic import WriteError, atomic_write_bytes, atomic_write_text
from losslab.io.tables import table_to_csv, to_json_text

MAX_PIXELS = MAX_IMAGE_SIDE
IMAGE_SUFFIXES = (".png", ".svg")
DATA_SUFFIXES = (".csv", ".json")


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


@contextmanager
def simplified_curves(scene: QGraphicsScene, tolerance_px: float = 0.1) -> Iterator[None]:
    """Temporarily thin every plotted curve to what is visible at ``tolerance_px`` pixels.

    Qt's SVG writer stores every vertex at full precision; a 1201-point straight line would
    cost 20 KiB.  The simplification runs in screen pixels, so the SVG looks identical.
    """
    undo: list[Callable[[], None]] = []
    for item in scene.items():
        if not isinstance(item, pg.PlotDataItem) or not item.isVisible():
            continue
        x, y = item.xData, item.yData
        vb = item.getViewBox()
        if x is None or y is None or len(x) < 3 or vb is None:
            continue
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
            continue
        sx, sy = vb.viewPixelSize()
        if not (sx > 0 and sy > 0):
            continue
        idx = simplify_polyline(np.asarray(x) / sx, np.asarray(y) / sy, tolerance_px)
        if len(idx) < len(x):
            item.setData(np.asarray(x)[idx], np.asarray(y)[idx])
            undo.append(lambda it=item, ox=x, oy=y: it.setData(ox, oy))
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
    """Drop what Qt's SVG writer emits but nothing uses: empty groups (one per painter state
    change) and font attributes on groups that contain no text.  The drawing is unchanged
    (the tests render both and compare); the file is about half the size."""
    ET.register_namespace("", _SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(data)
    group = f"{{{_SVG_NS}}}g"

    def prune(element: ET.Element) -> None:
        for child in list(element):
            prune(child)
            if child.tag == group and len(child) == 0 and not (child.text or "").strip():
                element.remove(child)

    prune(root)
    for g in root.iter(group):
        if g.find(f".//{{{_SVG_NS}}}text") is None:
            for name in [a for a in g.attrib if a.startswith("font-")]:
                del g.attrib[name]
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n").encode()


def svg_bytes(view: pg.GraphicsView, title: str = "LossLab") -> bytes:
    """The view's scene as SVG, drawn by Qt's ``QSvgGenerator`` (vector lines and text)."""
    source = _source_rect(view)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription("Exported from LossLab")
    with without_item_caches(view.scene()), simplified_curves(view.scene()):
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
