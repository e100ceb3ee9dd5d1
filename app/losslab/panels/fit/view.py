"""Fit lab: drag points and watch lines fitted with several losses at once.

What is on screen, all drawn from :class:`~losslab.panels.fit.model.FitState`:

* the data plot: the points (classification: +1 filled circles, −1 hollow squares; under the
  exponential loss each point's size shows its AdaBoost weight ∝ e^(−m)), one fitted line per
  loss in the Loss Curves colour and dash of that loss (classification: the decision line
  w·x + b = 0, and thin dotted margin lines w·x + b = ±1 for the margin losses), and each
  point's pull −L′ on each fit as a short segment whose length is proportional to the pull;
* the loss plot: every loss curve with every point placed on it at its residual or margin;
* the risk plot: for each fit a bar of empirical risk with the structural risk stacked on top,
  whose total height is the objective;
* the side pane: the numbers, the status of each fit and what it means.

Mouse: drag a point to move it (every fit follows while dragging); click empty space to add a
point (of the class chosen in "New point class"); right-click a point, or select it with a click
and press Delete, to remove it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QGraphicsItem, QGridLayout, QPushButton, QWidget

from losslab.maths import fitting
from losslab.maths.losses import LOSSES, keys_for
from losslab.panels.fit import model as model
from losslab.qt import theme
from losslab.qt.binding import bind_custom, tr
from losslab.qt.items import SymbolCloud
from losslab.qt.panel_base import BasePanel
from losslab.qt.plot_aids import Hit, number

#: Losses drawn with margin lines w·x + b = ±1 (their loss changes slope or curvature at m = 1).
MARGIN_LINE_KEYS = ("hinge", "squared_hinge", "modified_huber")
#: A press within this many pixels of a point grabs it.
GRAB_PIXELS = 10.0
#: Status texts are recomputed (with the uniqueness check) this long after the last change.
STATUS_DELAY_MS = 120


def point_sizes(weights: np.ndarray, n: int) -> np.ndarray:
    """Symbol size (px) per point from its AdaBoost weight: area ∝ weight, so size ∝ √weight;
    a point with the average weight 1/n keeps the usual 11 px (cut to 5–48 px)."""
    return np.clip(11.0 * np.sqrt(weights * n), 5.0, 48.0)


def loss_label(key: str) -> str:
    return tr(LOSSES[key].label, "losses")


def short_label(key: str) -> str:
    """The loss's name without its bracketed note ("squared (L2)" → "squared"), for the
    narrow bar axis (the legend has the full names)."""
    return loss_label(key).split(" (")[0]


def colour_index(key: str) -> int:
    """The Loss Curves index of a loss: its position in its family (so it gets the same pen)."""
    return keys_for(LOSSES[key].family).index(key)


def _set_range_if_needed(plot: pg.PlotItem, xr: tuple[float, float],
                         yr: tuple[float, float]) -> None:
    """Set the view range unless the current one already shows ``xr``×``yr`` without wasting
    more than a third of the plot: re-ranging costs more than a fit, so a drag only re-ranges
    when the data leave the view or shrink well inside it."""
    (x0, x1), (y0, y1) = plot.getViewBox().viewRange()

    def fine(lo: float, hi: float, want: tuple[float, float]) -> bool:
        a, b = want
        return lo <= a and hi >= b and (hi - lo) <= 1.8 * (b - a)

    if not (fine(x0, x1, xr) and fine(y0, y1, yr)):
        # Some headroom (10 % each side in x, 25 % on top in y), so that a value growing
        # during a drag does not re-range on every frame.
        sx, sy = xr[1] - xr[0], yr[1] - yr[0]
        plot.setXRange(xr[0] - 0.1 * sx, xr[1] + 0.1 * sx, padding=0.0)
        plot.setYRange(yr[0], yr[1] + 0.25 * sy, padding=0.0)


class FitViewBox(pg.ViewBox):
    """A view box where a left click on empty space asks to add a point there."""

    def __init__(self, on_click: Callable[[float, float], None]) -> None:
        super().__init__()
        self._on_click = on_click

    def mouseClickEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        if ev.button() == Qt.MouseButton.LeftButton:
            p = self.mapSceneToView(ev.scenePos())
            ev.accept()
            self._on_click(float(p.x()), float(p.y()))
        else:
            super().mouseClickEvent(ev)


class PointsItem(pg.ScatterPlotItem):
    """The data points: draggable, clickable (select), right-clickable (delete).

    A drag never moves a point by itself: it emits ``point_dragged(index, x, y)`` and the panel
    writes the state (bound with :func:`losslab.qt.binding.bind_custom`), which redraws it.
    """

    point_dragged = Signal(int, float, float)

    def __init__(self, panel: FitPanel) -> None:
        super().__init__(pxMode=True)
        self.panel = panel
        self._dragged: int | None = None

    def index_at(self, scene_pos: QPointF) -> int | None:
        """The point nearest to ``scene_pos`` within :data:`GRAB_PIXELS`, or None."""
        x, y = self.getData()
        vb = self.getViewBox()
        if x is None or len(x) == 0 or vb is None:
            return None
        best, best_d = None, GRAB_PIXELS
        for i, (px, py) in enumerate(zip(x, y, strict=True)):
            s = vb.mapViewToScene(QPointF(float(px), float(py)))
            d = math.hypot(s.x() - scene_pos.x(), s.y() - scene_pos.y())
            if d <= best_d:
                best, best_d = i, d
        return best

    def mouseDragEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            self._dragged = self.index_at(ev.buttonDownScenePos())
            if self._dragged is None:
                ev.ignore()
                return
            self.panel.begin_drag(self._dragged)
        if self._dragged is None:
            ev.ignore()
            return
        ev.accept()
        p = self.getViewBox().mapSceneToView(ev.scenePos())
        self.point_dragged.emit(self._dragged, float(p.x()), float(p.y()))
        if ev.isFinish():
            self._dragged = None
            self.panel.end_drag()

    def mouseClickEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        i = self.index_at(ev.scenePos())
        if i is None:
            ev.ignore()
            return
        ev.accept()
        if ev.button() == Qt.MouseButton.RightButton:
            self.panel.delete_point(i)
        elif ev.button() == Qt.MouseButton.LeftButton:
            self.panel.select_point(i)


class FitPanel(BasePanel):
    """The Fit lab dock; see the module docstring."""

    model = model.PANEL
    state: model.FitState

    def __init__(self, state: model.FitState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.selected: int | None = None
        self.dragging = False
        self._warm: dict[str, np.ndarray] = {}
        self.fit_problem: fitting.Problem | None = None
        self.fits: dict[str, fitting.Fit] = {}
        self.statuses: dict[str, str] = {}
        self._legend_keys: tuple[str, ...] = ()
        self._tick_keys: tuple[str, ...] = ()
        self._curve_stamps: dict[str, tuple[Any, ...]] = {}

        self.data_plot = self.add_plot(
            0, 0, tr("Data and fitted lines", "fit"), "x", "y", colspan=2,
            viewBox=FitViewBox(self.add_point))
        self.data_plot.setObjectName("fit_data_plot")
        self.data_plot.getViewBox().setMouseEnabled(False, False)
        # Above the data, every loss of the task (an unchecked one faded): a click checks or
        # unchecks it, as its check box does.
        self.legend = self.add_legend(self.data_plot, on_toggle=self._on_legend_toggled)
        self.loss_plot = self.add_plot(1, 0, tr("Each point on each loss", "fit"),
                                       tr("residual r", "fit"), tr("loss", "panels"))
        self.risk_plot = self.add_plot(1, 1, tr("Objective = empirical + structural risk",
                                                "fit"), "", tr("risk", "fit"))
        for plot in (self.data_plot, self.loss_plot, self.risk_plot):
            # The panel sets every range itself; auto-ranging would re-lay the axes and grid
            # on every frame of a drag.
            plot.getViewBox().disableAutoRange()
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)

        self.lines: dict[str, pg.PlotDataItem] = {}
        self.margin_lines: dict[str, pg.PlotDataItem] = {}
        self.pull_items: dict[str, pg.PlotDataItem] = {}
        self.loss_curves: dict[str, pg.PlotDataItem] = {}
        self.loss_dots: dict[str, SymbolCloud] = {}
        for key in model.FIT_KEYS:
            idx = colour_index(key)
            line = pg.PlotDataItem(pen=theme.series_pen(idx), name=loss_label(key))
            margin = pg.PlotDataItem(pen=self._thin_pen(idx, Qt.PenStyle.DotLine),
                                     connect="pairs")
            pull = pg.PlotDataItem(pen=theme.series_pen(idx, width=2.0, dashed=False),
                                   connect="pairs")
            for item in (line, margin, pull):
                self.data_plot.addItem(item)
            curve = pg.PlotDataItem(pen=theme.series_pen(idx, width=1.5))
            # Dashed 400-point curves are costly to stroke and rarely change: cache them.
            curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            # Every point's dot on the loss curve, moved on every frame of a drag: equal
            # symbols, so a light item (see SymbolCloud).
            dots = SymbolCloud("o", 7, brush=theme.series_colour(idx),
                               pen=pg.mkPen(theme.current.background))
            self.loss_plot.addItem(curve)
            self.loss_plot.addItem(dots)
            self.lines[key], self.margin_lines[key], self.pull_items[key] = line, margin, pull
            self.loss_curves[key], self.loss_dots[key] = curve, dots
            # The hover read-out names a loss's curve and dots on the loss plot too.
            self.hover_names[id(curve)] = self.hover_names[id(dots)] = loss_label(key)

        self.points_item = PointsItem(self)
        self.points_item.setZValue(30)
        self.data_plot.addItem(self.points_item)
        self.selection_mark = pg.ScatterPlotItem(
            size=22, symbol="o", brush=None,
            pen=pg.mkPen(theme.OKABE_ITO["vermillion"], width=2))
        self.selection_mark.setZValue(29)
        self.data_plot.addItem(self.selection_mark)

        self.empirical_bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.structural_bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.risk_plot.addItem(self.empirical_bars)
        self.risk_plot.addItem(self.structural_bars)
        self.hover_names[id(self.empirical_bars)] = tr("empirical risk", "fit")
        self.hover_names[id(self.structural_bars)] = tr("structural risk", "fit")
        self.risk_labels: list[pg.TextItem] = []

        delete = QAction(tr("Delete selected point", "fit"), self.graphics)
        delete.setShortcuts([QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.triggered.connect(self.delete_selected)
        self.graphics.addAction(delete)
        self.delete_action = delete

        self.status_timer = QTimer(self)
        self.status_timer.setSingleShot(True)
        self.status_timer.setInterval(STATUS_DELAY_MS)
        self.status_timer.timeout.connect(self.update_statuses)

        self._build_controls()
        self.redraw_all()
        # A dragged point writes its row; the points follow the state (their sizes show the
        # AdaBoost weights of the fits redraw() has just computed, hence every change).
        bind_custom(state, self.points_item, edited=self.points_item.point_dragged,
                    write=self.move_point, show=self._draw_points, owner=self)
        self.update_statuses()

    # ------------------------------------------------------------------ building
    def _thin_pen(self, index: int, style: Qt.PenStyle) -> Any:
        pen = theme.series_pen(index, width=1.2, dashed=False)
        pen.setStyle(style)
        return pen

    def _build_controls(self) -> None:
        self.add_control("task", labels={"regression": tr("regression", "fit"),
                                         "classification": tr("classification", "fit")})
        self.add_control("losses", labels={k: loss_label(k) for k in model.FIT_KEYS})
        self.add_control("penalty", labels={"none": tr("none", "fit"), "l1": "L1  λ‖w‖₁",
                                            "l2": "L2  λ‖w‖₂²"})
        for name in ("lam", "huber_delta", "quantile_tau", "epsilon"):
            self.add_control(name)
        self.add_control("new_label")
        self.add_control("show_pulls")
        self.add_control("points")
        self.preset_box = QWidget()
        grid = QGridLayout(self.preset_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.preset_buttons: dict[str, QPushButton] = {}
        for i, (name, label) in enumerate(model.PRESET_LABELS.items()):
            button = QPushButton(tr(label, "fit"))
            button.setObjectName(f"preset_{name}")
            button.clicked.connect(lambda _=False, n=name: self.apply_preset(n))
            grid.addWidget(button, i // 2, i % 2)
            self.preset_buttons[name] = button
        self.form.addRow(self.preset_box)
        self.delete_button = QPushButton(tr("Delete selected point", "fit"))
        self.delete_button.setObjectName("fit_delete_point")
        self.delete_button.clicked.connect(self.delete_selected)
        self.form.addRow(self.delete_button)

    # ------------------------------------------------------------------ user → state
    def _rows(self) -> list[tuple[float, ...]]:
        return [tuple(r) for r in self.state.points]

    def begin_drag(self, index: int) -> None:
        self.dragging = True
        self.select_point(index)

    def move_point(self, index: int, x: float, y: float) -> None:
        rows = self._rows()
        if not 0 <= index < len(rows):
            return
        rows[index] = (x, y) + rows[index][2:]
        self.state.points = tuple(rows)

    def end_drag(self) -> None:
        self.dragging = False
        self._set_view_range()
        self.status_timer.start()

    def add_point(self, x: float, y: float) -> None:
        rows = self._rows()
        if len(rows) >= model.MAX_POINTS:
            return
        if self.state.task == "classification":
            rows.append((x, y, float(self.state.new_label)))
        else:
            rows.append((x, y))
        self.state.points = tuple(rows)
        self.select_point(len(rows) - 1)

    def select_point(self, index: int | None) -> None:
        self.selected = index
        self._draw_selection()
        self.graphics.setFocus()

    def delete_point(self, index: int) -> None:
        rows = self._rows()
        if len(rows) <= 1 or not 0 <= index < len(rows):
            return  # a fit needs at least one point
        del rows[index]
        self.selected = None
        self.state.points = tuple(rows)

    def delete_selected(self) -> None:
        if self.selected is not None:
            self.delete_point(self.selected)

    def apply_preset(self, name: str) -> None:
        task = "regression" if name in model.PRESETS["regression"] else "classification"
        self.selected = None
        self.state.update({"task": task, "points": model.PRESETS[task][name]})

    # ------------------------------------------------------------------ state → view
    def redraw(self, changed: frozenset[str]) -> None:
        state = self.state
        if changed & {"task", "points"}:
            if self.selected is not None and self.selected >= len(state.points):
                self.selected = None
        if changed & {"task", "losses"}:
            self._show_task_controls()
        keep_warm = not (changed & {"task"})
        problem, fits = model.compute(state, warm=self._warm if keep_warm else None,
                                      check_unique=False)
        self.fit_problem, self.fits = problem, fits
        self._warm = {k: f.theta for k, f in fits.items() if f.attained}
        if changed & {"task", "points"} and not self.dragging:
            self._set_view_range()
        # The points themselves are a binding (see __init__), drawn right after this.
        self._draw_lines()
        self._draw_loss_plot()
        self._draw_risk()
        self._draw_selection()
        if model.TASK_KEYS[state.task] != self._legend_keys:
            self._update_legend()
        self.legend.refresh()  # entries fade with their lines
        if changed & {"task"}:
            self.data_plot.setLabel("bottom", "x" if state.task == "regression" else "x₁")
            self.data_plot.setLabel("left", "y" if state.task == "regression" else "x₂")
            self.loss_plot.setLabel("bottom", tr("residual r", "fit")
                                    if state.task == "regression" else tr("margin m", "fit"))
        if self.dragging:
            # The side pane's HTML costs as much as a fit: while dragging it follows at most
            # every STATUS_DELAY_MS (a timer already running is left to fire).
            if not self.status_timer.isActive():
                self.status_timer.start()
        else:
            self._update_explanation()
            self.status_timer.start()

    def update_statuses(self) -> None:
        """Statuses need the uniqueness check (a few tiny LPs), so they follow a drag with a
        short delay instead of on every frame."""
        _problem, fits = model.compute(self.state, warm=self._warm, check_unique=True)
        self.statuses = {k: f.status for k, f in fits.items()}
        self._update_explanation()

    def _show_task_controls(self) -> None:
        task = self.state.task
        regression = task == "regression"
        for name in ("huber_delta", "quantile_tau", "epsilon"):
            self.form.setRowVisible(self.controls[name], regression)
        self.form.setRowVisible(self.controls["new_label"], not regression)
        multi = self.controls["losses"]
        for key in model.FIT_KEYS:
            multi.show_choice(key, key in model.TASK_KEYS[task])  # type: ignore[attr-defined]

    def _data_box(self) -> tuple[float, float, float, float]:
        pts = np.asarray(self.state.points, dtype=np.float64)
        x0, x1 = float(pts[:, 0].min()), float(pts[:, 0].max())
        y0, y1 = float(pts[:, 1].min()), float(pts[:, 1].max())
        sx, sy = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
        return x0 - 0.25 * sx, x1 + 0.25 * sx, y0 - 0.25 * sy, y1 + 0.25 * sy

    def _set_view_range(self) -> None:
        x0, x1, y0, y1 = self._data_box()
        self.data_plot.setXRange(x0, x1, padding=0.0)
        self.data_plot.setYRange(y0, y1, padding=0.0)

    def _view_box(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.data_plot.getViewBox().viewRange()
        return x0, x1, y0, y1

    def _draw_points(self) -> None:
        pts = np.asarray(self.state.points, dtype=np.float64)
        fg = QColor(theme.current.foreground)
        if not hasattr(self, "_brushes"):
            self._brushes = {True: QBrush(fg), False: QBrush(QColor(theme.current.background))}
            self._point_pen = pg.mkPen(fg, width=1.6)
            self._regression_pen = pg.mkPen(theme.current.background)
        if self.state.task == "regression":
            self.points_item.setData(pts[:, 0], pts[:, 1], size=10, symbol="o",
                                     brush=self._brushes[True], pen=self._regression_pen)
            return
        positive = pts[:, 2] > 0
        sizes = np.full(len(pts), 11.0)
        weights = model.point_weights(self.fit_problem, self.fits) if self.fit_problem else None
        if weights is not None:
            # Area ∝ AdaBoost weight: a point with the average weight 1/n keeps the usual size.
            # Whole pixels: pyqtgraph renders each distinct size once and then reuses it, so a
            # drag (weights changing every frame) does not re-render 200 symbols per frame.
            sizes = np.round(point_sizes(weights, len(pts)))
        symbols = np.where(positive, "o", "s").tolist()
        brushes = [self._brushes[bool(p)] for p in positive]
        self.points_item.setData(pts[:, 0], pts[:, 1], size=sizes, symbol=symbols,
                                 brush=brushes, pen=self._point_pen)

    def _draw_selection(self) -> None:
        pts = self.state.points
        if self.selected is None or self.selected >= len(pts):
            self.selection_mark.setData([], [])
        else:
            self.selection_mark.setData([pts[self.selected][0]], [pts[self.selected][1]])

    def _pull_unit(self) -> float:
        """Data length of a pull of 1: a twentieth of the view's height, so bounded pulls (at
        most 1 for absolute, hinge, logistic …) all end at the same visible cap."""
        x0, x1, y0, y1 = self._view_box()
        return 0.05 * (y1 - y0)

    def _draw_lines(self) -> None:
        x0, x1, y0, y1 = self._view_box()
        pts = np.asarray(self.state.points, dtype=np.float64)
        regression = self.state.task == "regression"
        unit = self._pull_unit()
        visible = list(self.fits)
        for key in model.FIT_KEYS:
            if key not in self.fits:
                if self.lines[key].isVisible():  # clear once, not on every frame of a drag
                    for item in (self.lines[key], self.margin_lines[key], self.pull_items[key]):
                        item.setData([], [])
                        item.setVisible(False)
                continue
            f = self.fits[key]
            for item in (self.lines[key], self.margin_lines[key], self.pull_items[key]):
                item.setVisible(True)
            pulls = fitting.pulls(key, f.z, model.settings_of(self.state))
            length = np.clip(np.abs(pulls) * unit, 0.0, 6.0 * unit)
            offset = (visible.index(key) - (len(visible) - 1) / 2) * 0.008 * (x1 - x0)
            if regression:
                w, b = float(f.w[0]), f.b
                self.lines[key].setData([x0, x1], [w * x0 + b, w * x1 + b])
                self.margin_lines[key].setData([], [])
                xs = pts[:, 0] + offset
                start = w * pts[:, 0] + b
                end = start + np.sign(pts[:, 1] - start) * length
            else:
                self.lines[key].setData(*self._decision_line(f.w, f.b, 0.0))
                if key in MARGIN_LINE_KEYS and f.attained:
                    a = self._decision_line(f.w, f.b, 1.0)
                    c = self._decision_line(f.w, f.b, -1.0)
                    self.margin_lines[key].setData(np.r_[a[0], c[0]], np.r_[a[1], c[1]])
                else:
                    self.margin_lines[key].setData([], [])
                nw = float(np.linalg.norm(f.w))
                u = f.w / nw if nw > 0 else np.zeros(2)
                direction = pts[:, 2:3] * u[None, :]  # the way that raises this point's margin
                starts = pts[:, :2]
                ends = starts + direction * length[:, None]
                xs = np.column_stack([starts[:, 0], ends[:, 0]]).ravel()
                ys = np.column_stack([starts[:, 1], ends[:, 1]]).ravel()
                self.pull_items[key].setData(xs, ys)
                self.pull_items[key].setVisible(self.state.show_pulls)
                continue
            self.pull_items[key].setData(np.repeat(xs, 2),
                                         np.column_stack([start, end]).ravel())
            self.pull_items[key].setVisible(self.state.show_pulls)

    def _decision_line(self, w: np.ndarray, b: float, level: float) -> tuple[list[float],
                                                                           list[float]]:
        """The segment of w·x + b = level inside the view (empty when w = 0)."""
        x0, x1, y0, y1 = self._view_box()
        w1, w2 = float(w[0]), float(w[1])
        if w1 == 0.0 and w2 == 0.0:
            return [], []
        if abs(w2) >= abs(w1):
            return [x0, x1], [(level - b - w1 * x0) / w2, (level - b - w1 * x1) / w2]
        return [(level - b - w2 * y0) / w1, (level - b - w2 * y1) / w1], [y0, y1]

    def _draw_loss_plot(self) -> None:
        settings = model.settings_of(self.state)
        zs = [f.z for f in self.fits.values()]
        lo = min([float(z.min()) for z in zs] + [-2.0])
        hi = max([float(z.max()) for z in zs] + [2.0])
        span = hi - lo
        want = (lo - 0.05 * span, hi + 0.05 * span)
        top = 1.0
        for key in model.FIT_KEYS:
            shown = key in self.fits
            if not shown:
                if self.loss_curves[key].isVisible():
                    self.loss_curves[key].setData([], [])
                    self.loss_dots[key].setData([], [])
                    self.loss_curves[key].setVisible(False)
                    self.loss_dots[key].setVisible(False)
                continue
            self.loss_curves[key].setVisible(True)
            self.loss_dots[key].setVisible(True)
            z = self.fits[key].z
            values = fitting.loss_value(key, z, settings)
            self.loss_dots[key].setData(z, values)
            top = max(top, float(np.max(values)))
        _set_range_if_needed(self.loss_plot, want, (0.0, 1.1 * top))
        # The curves span the plot's x range, so they are recomputed only when it or a loss
        # parameter changes, not on every frame of a drag.
        (x0, x1), _ = self.loss_plot.getViewBox().viewRange()
        for key in self.fits:
            stamp = (x0, x1, tuple(sorted(settings.items())))
            if self._curve_stamps.get(key) != stamp:
                self._curve_stamps[key] = stamp
                grid = np.linspace(x0, x1, 401)
                self.loss_curves[key].setData(grid, fitting.loss_value(key, grid, settings))
        for key in list(self._curve_stamps):
            if key not in self.fits:
                del self._curve_stamps[key]

    def _draw_risk(self) -> None:
        keys = list(self.fits)
        x = np.arange(len(keys), dtype=float)
        emp = np.array([self.fits[k].empirical_risk for k in keys])
        struct = np.array([self.fits[k].structural_risk for k in keys])
        brushes = [QBrush(theme.series_colour(colour_index(k))) for k in keys]
        hatched = []
        for k in keys:
            brush = QBrush(theme.series_colour(colour_index(k)), Qt.BrushStyle.BDiagPattern)
            hatched.append(brush)
        fg = pg.mkPen(theme.current.foreground)
        self.empirical_bars.setOpts(x=x, height=emp, width=0.6, brushes=brushes, pen=fg)
        self.structural_bars.setOpts(x=x, y0=emp, height=struct, width=0.6, brushes=hatched,
                                     pen=fg)
        while len(self.risk_labels) < len(keys):
            label = pg.TextItem("", color=theme.current.foreground, anchor=(0.5, 1))
            self.risk_plot.addItem(label)
            self.risk_labels.append(label)
        for i, label in enumerate(self.risk_labels):
            label.setVisible(i < len(keys))
            if i < len(keys):
                total = emp[i] + struct[i]
                label.setText(f"{total:.4g}")
                label.setPos(float(i), float(total))
        if tuple(keys) != self._tick_keys:
            self._tick_keys = tuple(keys)
            self.risk_plot.getAxis("bottom").setTicks(
                [[(float(i), short_label(k)) for i, k in enumerate(keys)], []])
        top = float(np.max(emp + struct)) if keys else 1.0
        # A perfect fit leaves rounding-level objectives (1e-33 for points on a line): the axis
        # keeps a readable scale instead of zooming onto them.
        _set_range_if_needed(self.risk_plot, (-0.6, max(len(keys) - 0.4, 0.6)),
                             (0.0, 1.25 * top if top > 1e-9 else 1.0))

    def _update_legend(self) -> None:
        self._legend_keys = model.TASK_KEYS[self.state.task]
        self.legend.clear()
        for key in self._legend_keys:
            self.legend.addItem(self.lines[key], loss_label(key), key=key,
                                members=(self.margin_lines[key], self.pull_items[key]))

    def _on_legend_toggled(self, key: Any, shown: bool) -> None:
        """A legend click checks or unchecks the loss in the state (as its check box does)."""
        chosen = [k for k in self.state.losses if k != key]
        if shown:
            chosen.append(key)
        self.state.losses = tuple(k for k in model.FIT_KEYS if k in chosen)

    # ------------------------------------------------------------------ hover read-out
    def hover_exact(self, plot: pg.PlotItem, item: Any, name: str, cursor: QPointF,
                    pixel: tuple[float, float]) -> Hit | None:
        """A fitted regression line ŷ = w·x + b is read at the mouse's own x (rounded to the
        digits shown, so that the pair shown is exact)."""
        if plot is not self.data_plot or self.state.task != "regression":
            return None
        for key, line in self.lines.items():
            if item is line and key in self.fits:
                w, b = float(self.fits[key].w[0]), float(self.fits[key].b)
                x = float(number(cursor.x()))
                y = w * x + b
                # Perpendicular distance in pixels from the mouse to the line.
                slope = w * pixel[0] / pixel[1]
                distance = abs((w * cursor.x() + b - cursor.y()) / pixel[1]) / math.hypot(1, slope)
                return Hit(item, name, -1, x, y, at=QPointF(x, y), distance=distance)
        return None

    def hover_text(self, plot: pg.PlotItem, hit: Hit) -> str:
        """"squared (L2): ŷ(2.5) = 3.1" on a line, "hinge (SVM): L(0.5) = 0.5" on the loss
        plot, "squared: empirical risk 20.48" on a risk bar; nothing on a pull or margin line."""
        if plot is self.data_plot:
            if any(hit.item is line for line in self.lines.values()):
                return f"{hit.name}: ŷ({number(hit.x)}) = {number(hit.y)}"
            return ""
        if plot is self.loss_plot:
            return f"{hit.name}: L({number(hit.x)}) = {number(hit.y)}"
        if plot is self.risk_plot and hit.bar:
            keys = list(self.fits)
            if 0 <= hit.index < len(keys):
                return f"{short_label(keys[hit.index])}: {hit.name} {number(hit.y)}"
        return super().hover_text(plot, hit)

    # ------------------------------------------------------------------ the side pane
    def _update_explanation(self) -> None:
        state = self.state
        symbol = "r" if state.task == "regression" else "m"
        rows = []
        notes: list[str] = []
        for key, f in self.fits.items():
            w = ", ".join(f"{v:.6g}" for v in f.w)
            # Narrow pane: one block per fit, "w, b" on one line, "empirical + structural =
            # objective" on the next.
            rows.append(
                f"<p><b>{html.escape(loss_label(key))}</b><br>w = ({w}), b = {f.b:.6g}<br>"
                f"{f.empirical_risk:.6g} + {f.structural_risk:.6g} = "
                f"<b>{f.objective:.6g}</b></p>")
            status = f.status if not f.attained or f.status == "trivial" else (
                self.statuses.get(key, f.status))
            if status != "optimal":
                notes.append(f"<li><b>{html.escape(loss_label(key))}</b>: "
                             f"{html.escape(tr(fitting.STATUS_TEXT[status], 'fit'))}</li>")
        n = len(state.points)
        penalty = {"none": tr("no penalty", "fit"), "l1": "λ‖w‖₁", "l2": "λ‖w‖₂²"}[state.penalty]
        head = tr("J(w, b) = (1/n) Σ L({z}ᵢ) + {penalty},  n = {n}, λ = {lam}", "fit").format(
            z=symbol, penalty=penalty, n=n, lam=f"{state.lam:g}")
        legend = tr("Each fit: its minimiser, then empirical risk + structural risk = "
                    "objective.", "fit")
        extra: list[str] = []
        if "hinge" in self.fits and state.penalty == "l2" and state.lam > 0:
            c = fitting.svm_c(state.lam, n)
            extra.append(tr("SVM reading: hinge + λ‖w‖² has the same minimiser as "
                            "½‖w‖² + C Σ hinge(mᵢ) with C = 1/(2nλ) = {c}.", "fit").format(
                                c=f"{c:.6g}"))
        if "exponential" in self.fits and state.task == "classification":
            extra.append(tr("Point size: AdaBoost weight of each point, ∝ e^(−m) under the "
                            "exponential fit.", "fit"))
        extra.append(tr("Segments: each point's pull −L′ on each fit (a pull of 1 is a "
                        "twentieth of the plot's height; longer ones are cut at 6). Bounded "
                        "losses cap the pull; squared and exponential losses do not.", "fit"))
        self.explanation.setHtml(
            f"<p><code>{html.escape(head)}</code></p><p>{html.escape(legend)}</p>"
            + "".join(rows)
            + (f"<ul>{''.join(notes)}</ul>" if notes else "")
            + "".join(f"<p>{html.escape(t)}</p>" for t in extra)
        )

    def cursor_message(self, plot: pg.PlotItem, x: float, y: float) -> str:
        if plot is self.data_plot:
            names = ("x", "y") if self.state.task == "regression" else ("x₁", "x₂")
            return f"{tr('Fit lab', 'panels')}:  {names[0]} = {x:.4g},  {names[1]} = {y:.4g}"
        return super().cursor_message(plot, x, y)


View = FitPanel
