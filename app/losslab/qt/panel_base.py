"""The base of every dock panel: a figure, a column of controls, an explanation pane.

A panel owns one :class:`PanelState` (given to it, never created by a sibling view), draws it in a
``pg.GraphicsLayoutWidget`` (``self.graphics``: the figure that is exported) and edits it with
controls built from the state's specs.  Subclasses implement :meth:`redraw` and call
:meth:`add_plot` / :meth:`add_control` while building.  The rest is shared:

* one state subscription (dropped when the panel is destroyed) that calls ``redraw(changed)``;
* export by file suffix (:meth:`export_to`, which is :func:`losslab.qt.export.export_panel`, the
  dispatch the CLI uses too): ``.png`` ``.svg`` from the figure at a chosen size and theme,
  ``.csv`` ``.json`` from the panel's pure model, ``.gif`` for panels that play a run;
* Ctrl+C on the focused figure copies it as an image;
* ``cursor_text`` signal with the plot coordinates under the mouse (the main window shows it in
  the status bar; panels never talk to the window or to each other directly);
* readable plots (:mod:`losslab.qt.plot_aids`): no SI rescaling of axes ("(×0.001)"), legends
  from :meth:`add_legend` in a band above the data, never on it, whose entries hide and show
  their curves when clicked, and a hover read-out naming the curve under the mouse and its
  value (:meth:`hover_text` words it).

:class:`AnimatedPanel` is the base of the panels that play a precomputed run (neuron, network):
the playback bar, draggable frame lines on the plots, frame drawing and GIF export, one way.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QImage,
    QKeySequence,
    QPixmapCache,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGraphicsItem,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind
from losslab.core.state import PanelState
from losslab.io.export import (
    DEFAULT_SIZE,
    FigureOptions,
    allowed_suffixes,
    check_scale,
    figure_size,
)
from losslab.qt import axes, export, theme
from losslab.qt.binding import (
    bind_control,
    bind_line,
    make_control,
    quiet,
    subscribe_while_alive,
    tr,
    tr_messages,
)
from losslab.qt.items import QuietLine
from losslab.qt.playback import PlaybackBar
from losslab.qt.plot_aids import Hit, HoverReadout, Legend, number

#: Size of the figure when a panel is rendered without a window (CLI), in logical pixels.
FIGURE_SIZE = DEFAULT_SIZE


#: Room for item caches, KiB: every cached item of a 1920×1080 figure (a plot-sized pixmap is
#: 2.8 MiB at 980×710, 6 MiB at 1600×1000).
PIXMAP_CACHE_KIB = 64 * 1024

#: Narrowest control column, logical pixels (wider when a control needs more).
SIDE_MIN_WIDTH = 250


def fit_width(label: QLabel) -> None:
    """Let a text label wrap to the column's width instead of setting it."""
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(SIDE_MIN_WIDTH - 60)


def cache_axes(plot: pg.PlotItem) -> None:
    """Draw the plot's axes from pixmaps: they are redrawn only when their range, size or
    style changes (an axis calls update() then), not on every repaint of an animation frame
    or a drag.  Exports draw without item caches (see losslab.qt.export)."""
    for name in ("left", "bottom", "right", "top"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def steady_title(plot: pg.PlotItem, widest: str) -> None:
    """Keep a plot's width independent of its changing title.

    A title that changes with the numbers ("… at iteration 9" → "… at iteration 10") would
    otherwise change the share of the figure's width its column gets, so the plots' widths
    jump while an animation plays.  The title's size hints are fixed at those of ``widest``,
    the longest text it will show (so it is never cut either).
    """
    label = plot.titleLabel
    measure = label.updateMin  # pyqtgraph calls it (from Python) on every setText
    current = label.text
    label.setText(widest)
    fixed = dict(label._sizeHint)
    width = label.minimumWidth()
    label.setText(current)

    def update_min() -> None:
        measure()
        label.setMinimumWidth(width)
        label._sizeHint = dict(fixed)
        label.updateGeometry()

    label.updateMin = update_min
    update_min()


class Readout(QLabel):
    """A rich-text read-out that is never cut and never makes its column jitter.

    Its width is the widest its text has been (tables of numbers do not wrap), so the column
    grows once to fit, and does not shrink and grow again as the numbers change length; its
    height is the current text's.  Between changes of that size the label has a fixed size:
    a QLabel otherwise asks every layout up to the main window to recompute on each
    ``setText``, which for a rich-text table cost more than the rest of an animation frame.
    The size is measured once per shape of text (the text with every digit read as 0: the
    digits of UI fonts share one width; one digit's width of slack covers fonts whose digits
    do not).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # Opaque (it fills the window colour it would show anyway): a repaint of its numbers
        # then stops here instead of painting the column, the dock and the window beneath.
        self.setAutoFillBackground(True)
        self._width = SIDE_MIN_WIDTH - 60
        self._sizes: dict[str, tuple[int, int]] = {}
        self._heights: dict[str, int] = {}
        self.setText("")

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        key = _DIGITS.sub("0", text)
        size = self._sizes.get(key)
        if size is None:
            # The width from a document of its own, never constrained: a table in the label's
            # own document takes whatever width the label has, so it cannot say what it needs.
            doc = QTextDocument()
            doc.setDefaultFont(self.font())
            doc.setHtml(text)
            slack = self.fontMetrics().horizontalAdvance("0")
            width = math.ceil(doc.idealWidth()) + 2 * self.margin() + 4 + slack
            # The height of the text unwrapped depends on its lines and rows, not on what they
            # say: measured once per markup (QLabel's own measure costs milliseconds).
            shape = _TEXT.sub("x", text)
            height = self._heights.get(shape)
            if height is None:
                height = self._heights[shape] = QLabel.sizeHint(self).height()
            size = (width, height)
            if len(self._sizes) > 256:  # texts of ever new shapes: keep the caches small
                self._sizes.clear()
                self._heights.clear()
            self._sizes[key] = size
        self._width = max(self._width, size[0])
        if (self.minimumWidth(), self.minimumHeight(), self.maximumWidth(),
                self.maximumHeight()) != (self._width, size[1], self._width, size[1]):
            self.setFixedSize(self._width, size[1])


class WrappedReadout(QWidget):
    """A rich-text read-out that wraps at its column's width, for texts too long for one line.

    A word-wrapping ``QLabel`` in a form asks every layout up to the main window to recompute
    on each ``setText``, and measures its rich text several times on the way (~5 ms per change
    of the Risk lab's read-out).  Here the label is the child of this holder, which has no
    layout: a new text repaints the label, and the holder's height (the label's height at the
    holder's width) changes, and re-lays the column out, only when the number of lines does.
    That height is measured once per shape of text and width (digits read as 0, as in
    :class:`Readout`: the digits of UI fonts share one width, so they wrap alike).  The holder
    never asks for more than :data:`SIDE_MIN_WIDTH` − 60 px, so the column's other controls
    decide its width, as they did for the plain label.
    """

    def __init__(self, parent: QWidget | None = None,
                 text_format: Qt.TextFormat = Qt.TextFormat.RichText) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(text_format)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._heights: dict[tuple[str, int, str], int] = {}

    def setObjectName(self, name: str) -> None:  # noqa: N802 (Qt override)
        super().setObjectName(name)
        self.label.setObjectName(f"{name}_text")

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text == self.label.text():
            return
        self.label.setText(text)
        self._fit_height()

    def _fit_height(self) -> None:
        width = self.width()
        key = (_DIGITS.sub("0", self.label.text()), width, self.label.font().key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 256:  # texts of ever new shapes: keep the cache small
                self._heights.clear()
            height = self._heights[key] = max(self.label.heightForWidth(width), 0)
        self.label.setGeometry(0, 0, width, height)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(SIDE_MIN_WIDTH - 60, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presenter mode: other line heights
            self._fit_height()


#: Any decimal digit (read-outs of the same shape differ only in them).
_DIGITS = re.compile(r"[0-9]")
#: A run of text outside the markup, on one line (a read-out's height does not depend on it).
_TEXT = re.compile(r"[^<>\n]+(?![^<]*>)")


class ExportError(ValueError):
    """An export that cannot be done as asked (unknown format, bad size)."""


class BasePanel(QWidget):
    """A dock panel bound to one panel state; see the module docstring."""

    #: Emitted with a read-out such as "Loss Curves  m = 0.52, L = 0.48" (empty when off-plot).
    cursor_text = Signal(str)

    model: ClassVar[PanelModel]

    def __init__(self, state: PanelState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName(f"{self.model.key}_panel")
        # Item caches (grids, axes, curves that a drag or an animation does not change) live in
        # QPixmapCache; Qt's default 10 MiB holds fewer than four plot-sized pixmaps, and a
        # figure that does not fit is redrawn from scratch *and* copied on every repaint.
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KIB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)
        self.controls: dict[str, QWidget] = {}
        self._plots: list[pg.PlotItem] = []
        self._legends: list[Legend] = []
        self._hovers: dict[int, HoverReadout] = {}
        #: Names the hover read-out uses for items that have none of their own, by id(item).
        self.hover_names: dict[int, str] = {}

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setObjectName(f"{self.model.key}_figure")
        self.graphics.setBackground(theme.current.background)
        self.graphics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.graphics.setAccessibleName(tr(self.model.title, "panels") + " " + tr("figure", "panels"))
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        copy = QAction(tr("Copy figure", "panels"), self.graphics)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.triggered.connect(self.copy_figure)
        self.graphics.addAction(copy)

        self.side = QWidget()
        self._side_slack = 0  # pixels the control column keeps beyond its estimate
        self.side.setObjectName(f"{self.model.key}_side")
        self.side_layout = QVBoxLayout(self.side)
        self.form = self.make_form()
        self.side_layout.addLayout(self.form)
        self.explanation = QTextBrowser()
        self.explanation.setObjectName(f"{self.model.key}_explanation")
        self.explanation.setOpenExternalLinks(False)
        self.explanation.setMinimumHeight(120)
        # The explanation wraps to whatever width the column has; it never sets that width.
        self.explanation.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.side_layout.addWidget(self.explanation, 1)
        self.side_scroll = scroll = QScrollArea()
        scroll.setObjectName(f"{self.model.key}_controls")
        scroll.setAccessibleName(tr(self.model.title, "panels") + " – " + tr("controls", "panels"))
        scroll.setWidgetResizable(True)
        # The column scrolls vertically only: it is never narrower than its content (see
        # _fit_side_column), so nothing is cut at the right and nothing needs a sideways scroll.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.side)
        scroll.setMinimumWidth(SIDE_MIN_WIDTH)
        self.side.installEventFilter(self)
        # The hover read-out follows the mouse and goes when it leaves the figure.
        self._hover_at: QPointF | None = None
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(0)
        self._hover_timer.timeout.connect(self._update_hover)
        self.graphics.installEventFilter(self)
        self.graphics.viewport().installEventFilter(self)
        # Work that can wait until the figure is on screen (see after_paint).
        self._after_paint: list[Callable[[], None]] = []
        self._after_paint_timer = QTimer(self)
        self._after_paint_timer.setSingleShot(True)
        self._after_paint_timer.setInterval(0)
        self._after_paint_timer.timeout.connect(self._run_after_paint)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.graphics)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.splitter)

        subscribe_while_alive(state, self, self._on_state_changed)

    # ------------------------------------------------------------------ side column
    @staticmethod
    def make_form() -> QFormLayout:
        """A form for the side column: a row whose label and field do not fit side by side
        puts the field under its label (long labels, Chinese), fields take the column's width."""
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def after_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` right after the figure's next paint: for work the user can wait
        for while what they look at is already on screen (e.g. typesetting a formula, whose
        font takes ~0.4 s to load the first time)."""
        self._after_paint.append(callback)
        self.graphics.viewport().update()

    def _run_after_paint(self) -> None:
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (event.type() == QEvent.Type.Paint and self._after_paint
                and watched is self.graphics.viewport()):
            self._after_paint_timer.start()  # fires once this paint is done
        if watched is self.side and event.type() == QEvent.Type.LayoutRequest:
            self._fit_side_column()
        elif event.type() == QEvent.Type.Leave and watched in (self.graphics,
                                                               self.graphics.viewport()):
            self.hide_hover()
        elif event.type() == QEvent.Type.MouseMove and watched is self.graphics.viewport():
            # Not pyqtgraph's sigMouseMoved: it drops moves that come within 10 ms of the
            # last one, which can leave the read-out at a point the mouse has left.  Moves are
            # coalesced instead: the read-out follows the latest one once the queue is empty.
            if event.buttons() != Qt.MouseButton.NoButton:
                self._hover_at = None
                self.hide_hover()
            else:
                self._hover_at = self.graphics.mapToScene(event.position().toPoint())
                self._hover_timer.start()
        return super().eventFilter(watched, event)

    def _fit_side_column(self) -> None:
        """Keep the scroll area at least as wide as the column's content needs: its
        minimum size hint (read-outs count with the widest text they have shown, see
        :class:`Readout`; texts wrap), plus what a side-by-side control was found short."""
        scroll = self.side_scroll
        bar = scroll.verticalScrollBar().sizeHint().width()
        # A form that wraps long rows reports the widest single label, field or spanning
        # row as its minimum; the rows it keeps side by side can then leave a field short
        # of its own minimum (a combo box would elide its text).  The layout has just been
        # done (a layout handles LayoutRequest before event filters see it): a control
        # found narrower than it needs widens the column by the difference, from now on.
        cut = max((widget.minimumSizeHint().width() - widget.width()
                   for kind in (QComboBox, QAbstractSpinBox, QAbstractButton)
                   for widget in self.side.findChildren(kind)
                   if widget.isVisible()), default=0)
        if cut > 0:
            self._side_slack += cut
        need = (self.side.minimumSizeHint().width() + self._side_slack + bar
                + 2 * scroll.frameWidth())
        width = max(SIDE_MIN_WIDTH, need)
        if scroll.minimumWidth() != width:
            scroll.setMinimumWidth(width)

    def set_explanation(self, text: str) -> None:
        """Show rich ``text`` in the explanation pane, keeping the reader's scroll position
        (explanations are regenerated from the state as its numbers change)."""
        if text == getattr(self, "_explanation_text", None):
            return
        self._explanation_text = text
        bar = self.explanation.verticalScrollBar()
        position = bar.value()
        self.explanation.setHtml(text)
        bar.setValue(position)

    def add_batch_table(
        self, accessible_name: str,
        buttons: Sequence[tuple[str, str, Callable[[], None]]],
    ) -> tuple[QTableWidget, dict[str, QPushButton]]:
        """An editable batch table (objectName ``batch_table``, one row per example) with its
        buttons two to a row under it, both in the control column.  ``buttons`` are
        (objectName, shown text, slot); the caller binds the table to its state."""
        table = QTableWidget(0, 0)
        table.setObjectName("batch_table")
        table.setAccessibleName(accessible_name)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(140)
        self.form.addRow(table)
        grid = QGridLayout()
        made: dict[str, QPushButton] = {}
        for i, (name, text, slot) in enumerate(buttons):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            grid.addWidget(button, i // 2, i % 2)
            made[name] = button
        self.form.addRow(grid)
        return table, made

    def add_readout(self, name: str, form: QFormLayout | None = None) -> QLabel:
        """A rich-text read-out row (selectable): a :class:`Readout`, so it is never cut and
        the column does not jitter as its numbers change length."""
        label = Readout()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        (form if form is not None else self.form).addRow(label)
        return label

    # ------------------------------------------------------------------ building
    def add_plot(self, row: int, col: int, title: str, x_label: str, y_label: str,
                 **kwargs: Any) -> pg.PlotItem:
        """A themed plot with a cheap grid, placed in the figure's grid layout.

        It is a :class:`losslab.qt.axes.LegiblePlotItem`: tick labels that never touch, title,
        axis labels, legends and lines sized together by the theme (presenter mode)."""
        plot = axes.add_plot(self.graphics.ci, row=row, col=col, **kwargs)
        plot.setTitle(title)
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)
        theme.add_grid(plot)
        cache_axes(plot)
        plot.setMenuEnabled(False)
        for side in ("left", "bottom"):
            # Tick labels show the numbers themselves, not "(×0.001)" beside rescaled ones.
            plot.getAxis(side).enableAutoSIPrefix(False)
        self._plots.append(plot)
        return plot

    def add_legend(self, plot: pg.PlotItem,
                   on_toggle: Callable[[Any, bool], None] | None = None) -> Legend:
        """A legend in a band above ``plot``'s data area (never covering data); clicking an
        entry hides/shows its curves, or calls ``on_toggle(key, shown)`` when given (see
        :class:`losslab.qt.plot_aids.Legend`).  Named items added later join it."""
        legend = Legend(plot, on_toggle)
        self._legends.append(legend)
        return legend

    def add_control(self, name: str, labels: Mapping[str, str] | None = None,
                    form: QFormLayout | None = None) -> QWidget:
        """Create, bind and lay out the control for parameter ``name`` (its objectName)."""
        spec = self.state.specs[name]
        widget = bind_control(self.state, make_control(spec, self, labels))
        target = form if form is not None else self.form
        if spec.kind is Kind.BOOL:
            target.addRow(widget)
        else:
            label = QLabel(tr(spec.label))
            label.setBuddy(widget)
            target.addRow(label, widget)
        problem_changed = getattr(widget, "problem_changed", None)
        if problem_changed is not None:
            # Typed text that was refused: the message (what is allowed) under the control.
            note = QLabel()
            note.setObjectName(f"{name}_problem")
            note.setStyleSheet(f"QLabel {{ color: {theme.current.error}; }}")
            fit_width(note)
            note.setVisible(False)
            target.addRow(note)

            def show_problem(text: str, note: QLabel = note) -> None:
                note.setText(text)
                note.setVisible(bool(text))

            problem_changed.connect(show_problem)
        self.controls[name] = widget
        return widget

    # ------------------------------------------------------------------ state → view
    def _on_state_changed(self, changed: frozenset[str]) -> None:
        self.redraw(changed)

    def redraw(self, changed: frozenset[str]) -> None:
        """Update the drawing for the parameters in ``changed`` (all of them on first draw)."""
        raise NotImplementedError

    def problem(self) -> str:
        """Why the figure cannot show finite numbers right now ("" when it can), in the user's
        language.

        Panels whose maths can legitimately fail (a diverging training run, an infinite
        cross-entropy) declare it in their model (``PanelModel.problem``, as messages) and show
        the same text in the panel; the CLI gets the same messages in English.
        """
        return tr_messages(self.model.problem_messages(self.state))

    def redraw_all(self) -> None:
        self.redraw(frozenset(self.state.specs))

    # ------------------------------------------------------------------ read-out
    def _on_mouse_moved(self, pos: QPointF) -> None:
        for plot in self._plots:
            if plot.isVisible() and plot.sceneBoundingRect().contains(pos):
                vb = plot.getViewBox()
                if vb.sceneBoundingRect().contains(pos):
                    point = vb.mapSceneToView(pos)
                    self.cursor_text.emit(self.cursor_message(plot, point.x(), point.y()))
                    return
        self.cursor_text.emit("")

    def plot_at(self, pos: QPointF) -> pg.PlotItem | None:
        """The shown plot whose data area contains scene point ``pos``."""
        for plot in self._plots:
            if plot.isVisible() and plot.vb.sceneBoundingRect().contains(pos):
                return plot
        return None

    def _update_hover(self) -> None:
        pos = self._hover_at
        plot = self.plot_at(pos) if pos is not None else None
        self.hide_hover(except_plot=plot)
        if plot is not None and pos is not None:
            self.hover(plot).update(pos)

    def adopt_view(self, other: BasePanel) -> None:
        """Hide the legend entries ``other`` (the same panel class) has hidden: an export
        copy shows the curves the user sees, not only what the state says."""
        for mine, theirs in zip(self._legends, other._legends, strict=False):
            if mine.on_toggle is not None:
                continue  # those entries follow the state, which the copy shares
            hidden = {entry.name for entry in theirs.entries if not entry.shown}
            for entry in mine.entries:
                if entry.name in hidden:
                    for item in entry.items():
                        item.setVisible(False)
            mine.refresh()

    def hover(self, plot: pg.PlotItem) -> HoverReadout:
        """The hover read-out of ``plot`` (made on first use)."""
        readout = self._hovers.get(id(plot))
        if readout is None:
            readout = HoverReadout(plot, self.hover_name, self.hover_text, self.hover_exact)
            self._hovers[id(plot)] = readout
        return readout

    def hide_hover(self, except_plot: pg.PlotItem | None = None) -> None:
        for key, readout in self._hovers.items():
            if except_plot is None or key != id(except_plot):
                readout.hide()

    def hover_name(self, item: Any) -> str | None:
        """The name the hover read-out gives ``item`` (None: it is not read out): one set in
        :attr:`hover_names`, else its legend entry's, else its own ``name()``."""
        name = self.hover_names.get(id(item))
        if name:
            return name
        for legend in self._legends:
            for entry in legend.entries:
                if item is entry.item or any(item is m for m in entry.members):
                    return entry.name
        own = getattr(item, "name", None)
        return own() if callable(own) else None

    def hover_exact(self, plot: pg.PlotItem, item: Any, name: str, cursor: QPointF,
                    pixel: tuple[float, float]) -> Hit | None:
        """The hit on ``item`` at the mouse's own x, for items whose value the panel computes
        anywhere (with its pixel distance from ``cursor``); None: snap to the nearest plotted
        point instead (the default)."""
        return None

    def hover_text(self, plot: pg.PlotItem, hit: Hit) -> str:
        """The hover read-out's text for ``hit`` (data values); panels word it for their plots,
        e.g. "hinge: L(0.515) = 0.485"."""
        if hit.bar:
            return f"{hit.name}: {number(hit.y)}"
        return f"{hit.name}: ({number(hit.x)}, {number(hit.y)})"

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        """Status-bar text for the mouse at data coordinates (x, y) over ``plot``."""
        title = plot.titleLabel.text if plot.titleLabel.text else tr(self.model.title, "panels")
        return f"{title}:  x = {x:.4g},  y = {y:.4g}"

    # ------------------------------------------------------------------ export
    def table(self) -> Table:
        """The panel's data, computed by its pure model from the state."""
        return self.model.table(self.state)

    def json_document(self) -> dict[str, Any]:
        return self.model.json_document(self.state)

    def figure_image(self, width: int | None = None, scale: float | None = None) -> QImage:
        self.ensure_laid_out()
        return export.render_image(self.graphics, width, scale=scale)

    def copy_figure(self) -> None:
        self.hide_hover()
        export.copy_image(self.figure_image())

    #: True for panels that play a run and can be exported as an animated GIF: the
    #: :class:`AnimatedPanel` subclasses.
    animated: ClassVar[bool] = False

    def extra_exports(self) -> dict[str, Callable[[Path], None]]:
        """Further formats by lower-case suffix, for a subclass that needs one of its own."""
        return {}

    def export_suffixes(self) -> tuple[str, ...]:
        return allowed_suffixes(self.animated) + tuple(self.extra_exports())

    def export_to(self, path: str | os.PathLike[str], width: int | None = None,
                  scale: float | None = None, *, height: int | None = None,
                  theme_name: str | None = None) -> str:
        """Write the panel to ``path`` in the format its suffix names, atomically.

        ``width`` × ``height`` is the figure size in logical pixels (one of them alone keeps a
        16:10 landscape aspect; neither: the figure as laid out now), ``scale`` multiplies a
        PNG's pixels, ``theme_name`` draws the figure in another theme.  Returns what was
        written, e.g. "1920×1080" (empty for data).  This is :func:`losslab.qt.export.
        export_panel`, the one dispatch the CLI uses too.

        Raises :class:`ExportError` for an unknown suffix or a bad size and
        :class:`losslab.io.atomic.WriteError` when the file cannot be written.
        """
        self.hide_hover()  # the read-out follows the mouse; it is not part of the figure
        try:
            options = FigureOptions(figure_size(width, height),
                                    None if scale is None else check_scale(scale), theme_name)
            extra = self.extra_exports()
            if Path(path).suffix.lower() in extra:
                extra[Path(path).suffix.lower()](Path(path))
                return ""
            return export.export_panel(self, path, options)
        except ValueError as exc:
            if isinstance(exc, ExportError):
                raise
            raise ExportError(str(exc)) from exc

    def ensure_laid_out(self, size: tuple[int, int] | None = None) -> None:
        """Give a panel that was never shown (headless export) its figure size and lay it out.

        The panel is shown with ``WA_DontShowOnScreen`` so that Qt and pyqtgraph run their
        normal layout without a window appearing.  With ``size`` (logical pixels) the figure
        is fixed at exactly that size (used for export copies, never for a docked panel).
        """
        if size is not None:
            self.graphics.setFixedSize(*size)
        elif self.isVisible() or self.parent() is not None:
            return
        if not self.isVisible() and self.parent() is None:
            self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            side = 320
            w, h = size or FIGURE_SIZE
            self.resize(w + side + 10, h + (self.height() - self.graphics.height()
                                             if size else 0))
            self.show()
            if size is None:
                self.splitter.setSizes([FIGURE_SIZE[0], side])
        QApplication.processEvents()
        if size is not None and (self.graphics.width(), self.graphics.height()) != size:
            # The controls or the playback bar asked for more room: give the window what the
            # fixed-size figure needs and lay out again.
            self.resize(self.width() + max(0, size[0] - self.graphics.width()) + 40,
                        self.height() + max(0, size[1] - self.graphics.height()) + 40)
            QApplication.processEvents()


class AnimatedPanel(BasePanel):
    """A panel that plays back a run computed once per parameter change (neuron, network).

    Its state is an :class:`~losslab.core.animation.AnimationState`: ``frame`` says which frame
    of the run is shown, ``run_params`` which fields define the run, and a change of those
    rewinds to frame 0 (the one rewind rule, in :mod:`losslab.core.animation`).  What this base
    gives every animated panel, the same way:

    * the playback bar (:class:`~losslab.qt.playback.PlaybackBar`) under the figure, full
      width, with Space / arrows / Home inside the panel (``self.playback``);
    * :meth:`add_frame_line`: a dashed vertical line on a plot at the current frame, dragged to
      scrub (``self.frame_lines``);
    * :meth:`redraw` split in two: :meth:`draw_run` when the run changes (everything that does
      not move with the frame) and :meth:`draw_frame` when the frame (or the run) changes;
    * :meth:`show_frame` draws any frame without touching the state (the frame lines follow,
      quietly), which is what the GIF export (:meth:`save_gif`, also reached by ``.gif`` in
      :meth:`export_to`) renders frame by frame.

    Subclasses build their plots after ``super().__init__``, implement :meth:`draw_run` and
    :meth:`draw_frame`, name the frame in :meth:`frame_unit`, and call :meth:`redraw_all` last.
    """

    animated: ClassVar[bool] = True

    def __init__(self, state: PanelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.frame_lines: list[pg.InfiniteLine] = []
        self.playback = PlaybackBar(state, self, unit=self.frame_unit())
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # BasePanel always sets one
        layout.addWidget(self.playback)
        # The figure takes all the spare height; the bar keeps its natural one.
        layout.setStretchFactor(self.splitter, 1)

    def frame_unit(self) -> str:
        """The word for one frame in the playback read-out ("epoch", "iteration")."""
        return tr("frame", "playback")

    @property
    def run_params(self) -> frozenset[str]:
        """The state fields that define the run (see :mod:`losslab.core.animation`)."""
        return frozenset(getattr(self.state, "run_params", frozenset()))

    def add_frame_line(self, plot: pg.PlotItem, name: str) -> pg.InfiniteLine:
        """A draggable vertical line at the current frame on ``plot`` (objectName ``name``).

        Dragging it writes the nearest whole frame into the state (clamped to the run, and the
        line snaps to it); the state moves every frame line back.
        """
        fg = theme.current.foreground
        # A QuietLine moves every frame without making its plot re-range (losslab.qt.items).
        line = QuietLine(angle=90, movable=True,
                         pen=pg.mkPen(fg, width=1, style=Qt.PenStyle.DashLine),
                         hoverPen=pg.mkPen(fg, width=3))
        line.setObjectName(name)
        line.setZValue(20)
        plot.addItem(line, ignoreBounds=True)
        bind_line(self.state, "frame", line, self, to_state=lambda pos: max(0, round(pos)),
                  from_state=float)
        self.frame_lines.append(line)
        return line

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        if changed & self.run_params:
            self.draw_run()
        if changed & (self.run_params | {"frame"}):
            self.draw_frame(int(self.state.frame))  # type: ignore[attr-defined]

    def draw_run(self) -> None:
        """Recompute (from the pure model, memoised) and draw everything that depends on the
        run but not on the frame."""
        raise NotImplementedError

    def draw_frame(self, frame: int) -> None:
        """Draw everything that moves with the animation, for frame ``frame``; never writes the
        state (GIF frames are drawn this way)."""
        raise NotImplementedError

    def show_frame(self, frame: int) -> None:
        """Draw frame ``frame`` without touching the state: the frame lines follow (quietly, so
        they do not write it back) and :meth:`draw_frame` does the rest."""
        with quiet(*self.frame_lines):
            for line in self.frame_lines:
                line.setValue(float(frame))
        self.draw_frame(frame)

    # ------------------------------------------------------------------ GIF export
    def gif_frames(self, max_frames: int | None = None) -> list[int]:
        """Frames shown in the GIF: every k-th so that there are at most ``max_frames``
        (default :data:`~losslab.qt.animation_export.GIF_MAX_FRAMES`), and always the last."""
        from losslab.qt import animation_export

        return animation_export.gif_frames(
            self.state.frame_count(),  # type: ignore[attr-defined]
            animation_export.GIF_MAX_FRAMES if max_frames is None else max_frames)

    def render_frames(self, frames: Sequence[int], width: int | None = None) -> list[QImage]:
        """The figure at each of ``frames``, drawn without touching ``state.frame``."""
        from losslab.qt import animation_export

        return animation_export.render_frames(
            self, list(frames), animation_export.GIF_WIDTH if width is None else width)

    def save_gif(self, path: str | os.PathLike[str], width: int | None = None,
                 max_frames: int | None = None) -> int:
        """Write the run as an animated GIF at the playback speed; returns the frame count."""
        from losslab.qt import animation_export

        try:
            return animation_export.save_gif(
                self, path, animation_export.GIF_WIDTH if width is None else width,
                animation_export.GIF_MAX_FRAMES if max_frames is None else max_frames)
        except ValueError as exc:
            raise ExportError(str(exc)) from exc
