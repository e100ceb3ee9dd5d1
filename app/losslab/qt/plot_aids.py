"""What makes a figure readable: legends that never cover data, colour bars, hover read-outs.

* :class:`Legend` sits in a band of its own above a plot's data area (never on the data), lays
  its entries out in as many columns as the plot's width allows, and hides or shows an entry's
  curves when the entry (its line sample or its text) is clicked.
* :func:`colour_bar` puts a labelled colour scale beside a heat map.
* :class:`HoverReadout` names the curve (or bar) under the mouse and its value, in a small box
  next to it: "hinge: L(0.515) = 0.485".  It snaps to the nearest computed point, so the numbers
  it shows are the plotted (exact) values, never interpolated ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter

from losslab.qt import theme
from losslab.qt.items import SymbolCloud

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsItem

#: Gap between the legend band and the data area, logical pixels.
LEGEND_GAP = 2.0
#: How near (logical pixels) the mouse must be to a plotted point for the hover read-out.
HOVER_RADIUS = 10.0
#: A curve within this many pixels wins over a bar the mouse is inside.
BAR_PREFERENCE = 5.0


def number(value: float) -> str:
    """A number for a read-out: 4 significant digits, no "-0"."""
    value = float(value) + 0.0
    if value == 0.0:
        return "0"
    return f"{value:.4g}"


# ---------------------------------------------------------------------------- legend
@dataclass(eq=False)
class LegendEntry:
    """One legend line: ``item`` drawn as the sample, ``members`` hidden and shown with it."""

    key: Any
    item: QGraphicsItem
    name: str
    members: tuple[QGraphicsItem, ...] = ()
    sample: LegendSample | None = None
    label: pg.LabelItem | None = None
    #: Whether the entry was last styled as shown (None: not yet styled).
    styled_shown: bool | None = None

    @property
    def shown(self) -> bool:
        return bool(self.item.isVisible())

    def items(self) -> tuple[QGraphicsItem, ...]:
        return (self.item, *self.members)


class LegendSample(ItemSample):
    """A legend sample that asks its legend to toggle the entry, and fades (rather than turning
    into an eye icon) while the entry's curve is hidden, so the entry still says what it was."""

    legend: Legend | None = None
    entry: LegendEntry | None = None

    def paint(self, p: QPainter, *args: Any) -> None:
        item = self.item
        opts = item.opts
        if opts.get("antialias"):
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not item.isVisible():
            p.setOpacity(0.3)
        if isinstance(item, pg.BarGraphItem):
            p.setPen(pg.mkPen(opts.get("pen")))
            p.setBrush(pg.mkBrush(opts.get("brush")))
            p.drawRect(QRectF(2, 3, 16, 16))
            return
        if not isinstance(item, pg.ScatterPlotItem):
            p.setPen(pg.mkPen(opts.get("pen")))
            p.drawLine(0, 11, 20, 11)
        symbol = opts.get("symbol")
        if symbol is None and self.entry is not None:
            # A line whose symbols are a separate item (a member of the entry): show them.
            marks = next((m for m in self.entry.members if isinstance(m, pg.ScatterPlotItem)
                          and m.opts.get("symbol") is not None), None)
            if marks is not None:
                opts, symbol = marks.opts, marks.opts["symbol"]
        if symbol is not None:
            if isinstance(item, pg.PlotDataItem) and opts is item.opts:
                opts = item.scatter.opts
            p.translate(10, 11)
            drawSymbol(p, symbol, min(opts["size"], 14), pg.mkPen(opts["pen"]),
                       pg.mkBrush(opts["brush"]))

    def mouseClickEvent(self, event: Any) -> None:  # noqa: N802 (pyqtgraph override)
        if event.button() == Qt.MouseButton.LeftButton and self.legend and self.entry:
            event.accept()
            self.legend.toggle(self.entry)
            self.sigClicked.emit(self.item)


class Legend(pg.LegendItem):
    """A legend in its own band above the plot's data area; see the module docstring.

    Clicking an entry hides or shows its curves.  With ``on_toggle`` the click is handed to the
    panel instead (``on_toggle(key, shown)``), for entries whose visibility is part of the
    panel's state (the Loss Curves' checked losses); the panel then redraws and calls
    :meth:`refresh`.
    """

    #: (entry key, now shown) after a click.
    toggled = Signal(object, bool)

    def __init__(self, plot: pg.PlotItem,
                 on_toggle: Callable[[Any, bool], None] | None = None) -> None:
        t = theme.current
        super().__init__(offset=None, labelTextColor=t.foreground, frame=False,
                         labelTextSize=theme.figure_point_size("legend"), horSpacing=4,
                         verSpacing=-4, sampleType=LegendSample)
        self.setObjectName("legend")
        self.plot = plot
        self.on_toggle = on_toggle
        self.entries: list[LegendEntry] = []
        #: At most this many entries per row (None: as many as fit), e.g. so that a second
        #: row of related entries lines up under the first.
        self.max_columns: int | None = None
        self._reserved = -1.0
        self._placing = False
        self.setParentItem(plot)
        # Curves added with a name join this legend, as with PlotItem.addLegend.
        plot.legend = self
        plot.vb.sigResized.connect(self.place)
        plot.geometryChanged.connect(self.place)
        self.place()

    # ------------------------------------------------------------------ entries
    def addItem(self, item: QGraphicsItem, name: str, *,  # noqa: N802 (pyqtgraph API)
                key: Any = None, members: Iterable[QGraphicsItem] = ()) -> LegendEntry:
        """Add an entry for ``item`` called ``name``; ``members`` hide and show with it."""
        entry = LegendEntry(name if key is None else key, item, name, tuple(members))
        super().addItem(item, name)
        sample, label = self.items[-1]
        sample.legend, sample.entry = self, entry
        entry.sample, entry.label = sample, label
        self.entries.append(entry)
        self._style(entry)
        self.place()
        return entry

    def removeItem(self, item: Any) -> None:  # noqa: N802 (pyqtgraph API)
        super().removeItem(item)
        present = {id(sample) for sample, _label in self.items}
        self.entries = [e for e in self.entries if id(e.sample) in present]
        # Close the gap the entry left (a later entry would otherwise land on another).
        self.setColumnCount(self.columnCount)
        self.place()

    def clear(self) -> None:
        super().clear()
        self.entries = []
        self.place()

    def entry(self, key: Any) -> LegendEntry:
        """The entry with ``key`` (KeyError when there is none)."""
        for e in self.entries:
            if e.key == key:
                return e
        raise KeyError(key)

    def names(self) -> dict[int, str]:
        """Entry name of every item (and member) the legend names, by ``id(item)``."""
        return {id(it): e.name for e in self.entries for it in e.items()}

    # ------------------------------------------------------------------ toggling
    def toggle(self, entry: LegendEntry) -> None:
        """Hide a shown entry's curves or show a hidden one's (what a click does)."""
        shown = not entry.shown
        if self.on_toggle is not None:
            self.on_toggle(entry.key, shown)
        else:
            for item in entry.items():
                item.setVisible(shown)
        self.refresh()
        self.toggled.emit(entry.key, shown)

    def refresh(self) -> None:
        """Restyle every entry after its curves were shown or hidden from outside."""
        for entry in self.entries:
            self._style(entry)

    def _style(self, entry: LegendEntry) -> None:
        assert entry.label is not None and entry.sample is not None
        # Switched off: fainter, yet still legible text (≥ 4.5:1), not a see-through grey.
        colour = QColor(theme.current.foreground) if entry.shown else theme.faded_text_colour()
        if entry.label.opts.get("color") != colour:
            entry.label.setText(entry.name, color=colour)
        if entry.styled_shown is not entry.shown:  # the sample fades with its curve
            entry.styled_shown = entry.shown
            entry.sample.update()

    def mouseClickEvent(self, event: Any) -> None:  # noqa: N802 (pyqtgraph override)
        """A click on an entry's text toggles it like a click on its sample."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.scenePos()
        for entry in self.entries:
            for part in (entry.label, entry.sample):
                if part is not None and part.sceneBoundingRect().contains(pos):
                    event.accept()
                    self.toggle(entry)
                    return

    # The legend stays where it is placed: no dragging it over the data.
    def hoverEvent(self, ev: Any) -> None:  # noqa: N802 (pyqtgraph override)
        pass

    def mouseDragEvent(self, ev: Any) -> None:  # noqa: N802 (pyqtgraph override)
        ev.ignore()

    # ------------------------------------------------------------------ placement
    def place(self, *_: Any) -> None:
        """Lay the entries out in as many columns as fit the data area's width, reserve a band
        of that height above the data area and sit in it, centred."""
        if self._placing:
            return
        self._placing = True
        try:
            area = self.plot.vb.geometry()
            if self.entries:
                self._fit_columns(area.width())
                self.updateSize()
                height = self.height() + LEGEND_GAP
            else:
                height = 0.0
            self.setVisible(bool(self.entries))
            if height != self._reserved:
                # Row 1 of a PlotItem's grid holds the (hidden) top axis: the band goes there.
                layout = self.plot.layout
                layout.setRowMinimumHeight(1, height)
                layout.setRowMaximumHeight(1, height)
                self._reserved = height
                layout.activate()
                area = self.plot.vb.geometry()
            x = area.left() + max(0.0, (area.width() - self.width()) / 2)
            self.setPos(QPointF(x, area.top() - height))
        finally:
            self._placing = False

    def _fit_columns(self, width: float) -> None:
        widths = []
        for sample, label in self.items:
            label_width = label.item.boundingRect().width() if hasattr(label, "item") else \
                label.width()
            widths.append(sample.width() + self.layout.horizontalSpacing() + label_width + 8)
        # The data area is never narrower than the widest entry, so one column always fits
        # (titles wrap rather than hold a plot wide, so nothing else would keep it so).
        widest = math.ceil(max(widths, default=0.0))
        if self.plot.vb.minimumWidth() != widest:
            self.plot.vb.setMinimumWidth(widest)
        n = len(widths)
        columns = 1
        for cols in range(min(n, self.max_columns or n), 0, -1):
            col_widths = [max(widths[c::cols]) for c in range(cols)]
            if sum(col_widths) <= width:
                columns = cols
                break
        # As few rows as that allows, filled evenly: 4 entries in 2 × 2 rather than 3 + 1.
        rows = math.ceil(n / columns)
        columns = math.ceil(n / rows)
        if columns != self.columnCount:
            self.setColumnCount(columns)

    def updateSize(self) -> None:  # noqa: N802 (pyqtgraph override)
        """As big as the entries' natural sizes need (pyqtgraph's own version reads the sizes
        the layout last gave them, so a legend once stretched never shrinks back)."""
        self.layout.invalidate()
        hint = self.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize)
        self.setGeometry(0, 0, hint.width(), hint.height())

    # Row-major, entry i at (i // columns, i % columns): pyqtgraph's own placement loses
    # entries when the column count changes after they were added.
    def _addItemToLayout(self, sample: Any, label: Any) -> None:  # noqa: N802
        row, col = divmod(len(self.items) - 1, self.columnCount)
        self.layout.addItem(sample, row, 2 * col, alignment=Qt.AlignmentFlag.AlignVCenter)
        self.layout.addItem(label, row, 2 * col + 1)
        self.rowCount = row + 1

    def setColumnCount(self, columnCount: int) -> None:  # noqa: N802, N803 (pyqtgraph API)
        self.columnCount = max(1, columnCount)
        for i in range(self.layout.count() - 1, -1, -1):
            self.layout.removeAt(i)
        for i, (sample, label) in enumerate(self.items):
            row, col = divmod(i, self.columnCount)
            self.layout.addItem(sample, row, 2 * col, alignment=Qt.AlignmentFlag.AlignVCenter)
            self.layout.addItem(label, row, 2 * col + 1)
        self.rowCount = max(1, math.ceil(len(self.items) / self.columnCount))
        self.updateSize()


# ---------------------------------------------------------------------------- colour bars
def colour_bar(images: pg.ImageItem | Sequence[pg.ImageItem], colour_map: pg.ColorMap,
               levels: tuple[float, float], label: str, plot: pg.PlotItem | None = None,
               horizontal: bool = False) -> pg.ColorBarItem:
    """A colour scale for ``images`` labelled ``label`` (what a colour means, with units).

    With ``plot`` the bar goes right of that plot's axes (``horizontal``: under its x axis,
    where a narrow plot has more room); without, the caller lays it out.  The axis is as wide
    as its numbers and label need (a fixed width clips the label).
    """
    t = theme.current
    bar = pg.ColorBarItem(values=levels, colorMap=colour_map, interactive=False,
                          width=12 if horizontal else 14, pen=t.foreground,
                          orientation="horizontal" if horizontal else "vertical")
    bar.setObjectName("colour_bar")
    bar.setImageItem(images, insert_in=plot)
    if plot is not None and not horizontal:
        # The title may use the width over the bar too: a long title would otherwise make
        # plot + bar wider than their column.
        plot.layout.removeItem(plot.titleLabel)
        plot.layout.addItem(plot.titleLabel, 0, 1, 1, 5)
    axis = bar.axis
    theme.style_axis(axis)  # figure fonts (bigger in presenter mode), before the sizes below
    axis.enableAutoSIPrefix(False)
    axis.setLabel(label, color=t.foreground)
    if horizontal:
        axis.setHeight(None)  # type: ignore[arg-type]  # None: as tall as the text needs
    else:
        axis.setWidth(None)  # type: ignore[arg-type]  # None: as wide as the text needs
    return bar


# ---------------------------------------------------------------------------- hover read-out
@dataclass
class Hit:
    """The plotted point (or bar) under the mouse.

    ``x``, ``y`` are the data values (not log-transformed); ``index`` is the point's (bar's)
    index in the item's data, −1 for a value the panel computed at the mouse's x
    (``HoverReadout.exact_of``); ``at`` is where the read-out points, in view coordinates.
    """

    item: QGraphicsItem
    name: str
    index: int
    x: float
    y: float
    bar: bool = False
    at: QPointF = field(default_factory=QPointF)
    distance: float = math.inf


def _display(values: np.ndarray, log: bool) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    if not log:
        return values
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(values > 0, np.log10(np.where(values > 0, values, 1.0)), np.nan)


def nearest_point(item: QGraphicsItem, name: str, cursor: QPointF,
                  pixel: tuple[float, float]) -> Hit | None:
    """The point of a curve or scatter ``item`` nearest ``cursor`` (view coordinates), with its
    distance in pixels (``pixel`` = view units per pixel along x and y)."""
    log = (False, False)
    if isinstance(item, (pg.PlotDataItem, SymbolCloud)):
        x, y = item.xData, item.yData  # the data as given, drawn as log10 on a log axis
        log = tuple(item.opts.get("logMode", (False, False)))  # type: ignore[assignment]
    elif isinstance(item, pg.ScatterPlotItem):
        x, y = item.getData()
    else:
        return None
    if x is None or y is None or len(x) == 0:
        return None
    xd, yd = _display(x, log[0]), _display(y, log[1])
    with np.errstate(invalid="ignore", over="ignore"):
        d2 = ((xd - cursor.x()) / pixel[0]) ** 2 + ((yd - cursor.y()) / pixel[1]) ** 2
    d2 = np.where(np.isfinite(d2), d2, np.inf)
    i = int(np.argmin(d2))
    if not np.isfinite(d2[i]):
        return None
    return Hit(item, name, i, float(x[i]), float(y[i]), at=QPointF(float(xd[i]), float(yd[i])),
               distance=math.sqrt(float(d2[i])))


def bar_under(item: pg.BarGraphItem, name: str, cursor: QPointF) -> Hit | None:
    """The bar of ``item`` that contains ``cursor`` (view coordinates), if any."""
    try:
        x0, y0, x1, y1 = (np.atleast_1d(np.asarray(a, dtype=np.float64))
                          for a in item._getNormalizedCoords())
    except Exception:  # noqa: BLE001 - an item without complete bar data has no bar to name
        return None
    x0, y0, x1, y1 = np.broadcast_arrays(x0, y0, x1, y1)
    inside = (x0 <= cursor.x()) & (cursor.x() <= x1) & (y0 <= cursor.y()) & (cursor.y() <= y1)
    hits = np.flatnonzero(inside)
    if not len(hits):
        return None
    i = int(hits[0])
    height = item.opts.get("height")
    value = float(np.broadcast_to(height, x0.shape)[i]) if height is not None else \
        float(y1[i] - y0[i])
    centre = float(x0[i] + x1[i]) / 2
    top = float(y1[i]) if value >= 0 else float(y0[i])
    return Hit(item, name, i, centre, value, bar=True, at=QPointF(centre, top),
               distance=BAR_PREFERENCE)


class HoverReadout:
    """The read-out box (and a ring on the point) of one plot; see the module docstring.

    ``name_of(item)`` gives the name an item is read out under (None: not read out) and
    ``text_of(plot, hit)`` the text; the panel provides both.
    """

    def __init__(self, plot: pg.PlotItem, name_of: Callable[[QGraphicsItem], str | None],
                 text_of: Callable[[pg.PlotItem, Hit], str],
                 exact_of: Callable[[pg.PlotItem, QGraphicsItem, str, QPointF,
                                     tuple[float, float]], Hit | None] | None = None) -> None:
        t = theme.current
        self.plot = plot
        self.name_of = name_of
        self.text_of = text_of
        #: For items whose value the panel can compute anywhere (a straight fitted line): the
        #: hit at the mouse's own x, ``exact_of(plot, item, name, cursor, pixel)``.
        self.exact_of = exact_of
        fill = QColor(t.background)
        fill.setAlpha(235)
        self.label = pg.TextItem("", color=t.foreground, fill=pg.mkBrush(fill),
                                 border=pg.mkPen(t.foreground))
        self.label.setObjectName("hover_readout")
        self.label.setZValue(1000)
        self.ring = pg.ScatterPlotItem(size=11, pen=pg.mkPen(t.foreground, width=2), brush=None)
        self.ring.setZValue(999)
        for item in (self.ring, self.label):
            item.setVisible(False)
            plot.vb.addItem(item, ignoreBounds=True)
        self.hit: Hit | None = None

    def candidates(self) -> list[tuple[QGraphicsItem, str]]:
        own = (self.label, self.ring)
        out = []
        for item in self.plot.vb.addedItems:
            if item in own or not item.isVisible():
                continue
            if isinstance(item, pg.PlotDataItem | pg.ScatterPlotItem | pg.BarGraphItem):
                name = self.name_of(item)
                if name:
                    out.append((item, name))
        return out

    def find(self, cursor: QPointF) -> Hit | None:
        """The named point nearest ``cursor`` (view coordinates) within :data:`HOVER_RADIUS`
        pixels, else the named bar under it."""
        width, height = self.plot.vb.viewPixelSize()
        if not (width > 0 and height > 0):
            return None
        best: Hit | None = None
        for item, name in self.candidates():
            if isinstance(item, pg.BarGraphItem):
                hit = bar_under(item, name, cursor)
            else:
                hit = self.exact_of(self.plot, item, name, cursor, (width, height)) \
                    if self.exact_of is not None else None
                if hit is None:
                    hit = nearest_point(item, name, cursor, (width, height))
                if hit is not None and hit.distance > HOVER_RADIUS:
                    hit = None
            if hit is not None and (best is None or hit.distance < best.distance):
                best = hit
        return best

    def update(self, scene_pos: QPointF) -> Hit | None:
        """Show the read-out for the mouse at ``scene_pos``; hide it when nothing is near."""
        cursor = self.plot.vb.mapSceneToView(scene_pos)
        hit = self.find(cursor)
        self.hit = hit
        if hit is None:
            self.hide()
            return None
        text = self.text_of(self.plot, hit)
        if not text:
            self.hide()
            return None
        self.label.setText(text)
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        # The box opens towards the middle of the plot, so it stays inside the data area.
        right = hit.at.x() > (x0 + x1) / 2
        upper = hit.at.y() > (y0 + y1) / 2
        if self.plot.vb.state["yInverted"]:
            upper = not upper
        self.label.setAnchor((1.0 if right else 0.0, 0.0 if upper else 1.0))
        self.label.setPos(hit.at)
        self.ring.setData([hit.at.x()], [hit.at.y()])
        self.ring.setVisible(not hit.bar)
        self.label.setVisible(True)
        return hit

    def hide(self) -> None:
        self.hit = None
        self.label.setVisible(False)
        self.ring.setVisible(False)

    @property
    def text(self) -> str:
        """The text shown now ("" when hidden)."""
        return self.label.toPlainText() if self.label.isVisible() else ""
