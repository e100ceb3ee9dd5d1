"""Every panel's figure is readable: each heat map has a colour bar whose label is not cut,
legends sit outside the data area and toggle their curves when clicked, hovering a curve or bar
names it with its value, and no axis rescales its numbers with an SI prefix."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from losslab.panels import PANELS
from losslab.qt.plot_aids import Hit, Legend
from plot_helpers import click, hover, legend_entry_point, widget_point

KEYS = [entry.key for entry in PANELS]


def make_panel(qtbot, key):
    entry = next(e for e in PANELS if e.key == key)
    panel = entry.view_class()(entry.model.make_state())
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    return panel


@pytest.fixture(params=KEYS)
def panel(request, qtbot):
    return make_panel(qtbot, request.param)


@pytest.fixture
def presenter():
    """Presenter mode: bigger text, where a fixed-width colour bar axis clipped its label."""
    from losslab.qt import theme

    saved = theme.current
    theme.choose("light", presenter=True)
    yield
    theme.current = saved


def test_colour_bars_fit_their_text_in_presenter_mode(qtbot, presenter):
    for key in ("network", "neuron"):
        panel = make_panel(qtbot, key)
        for bar in scene_items(panel, pg.ColorBarItem):
            assert_axis_fits(key, bar)


def scene_items(panel, kind):
    return [item for item in panel.graphics.scene().items() if isinstance(item, kind)]


def assert_axis_fits(key, bar):
    """The bar's axis is as deep as its tick numbers and its label need (pyqtgraph's own rule
    for an axis that sizes itself), so neither is clipped."""
    axis = bar.axis
    label = axis.label.boundingRect().height() * 0.8
    margin = axis.style["tickTextOffset"][1 if bar.horizontal else 0] + max(
        0, axis.style["tickLength"])
    if bar.horizontal:
        need, have = axis.textHeight + margin + label, axis.height()
    else:
        need, have = axis.textWidth + margin + label, axis.width()
    assert have >= need - 0.5, (key, have, need)


def test_every_heat_map_has_a_labelled_colour_bar_that_is_not_cut(panel):
    images = scene_items(panel, pg.ImageItem)
    bars = [b for b in scene_items(panel, pg.ColorBarItem)
            if not isinstance(b, pg.ImageItem)]
    for image in images:
        owners = [b for b in bars if any(ref() is image for ref in b.img_list)]
        assert owners, f"{panel.model.key}: an image without a colour bar"
        bar = owners[0]
        assert bar.isVisible()
        assert bar.axis.labelText, f"{panel.model.key}: colour bar without a label"
        # The axis is as wide as its tick numbers and its label need (pyqtgraph's own rule for
        # an axis that sizes itself), so neither is clipped.
        assert_axis_fits(panel.model.key, bar)
        # The scale says what the image's levels are.
        lo, hi = image.getLevels()
        assert (lo, hi) == pytest.approx(bar.levels())


def test_legends_never_cover_the_data_area(panel):
    """Every legend is ours (outside the data, clickable): none sits inside a view box."""
    legends = scene_items(panel, pg.LegendItem)
    for legend in legends:
        assert isinstance(legend, Legend), f"{panel.model.key}: a pyqtgraph legend on the data"
        if not legend.isVisible():
            continue
        rect = legend.sceneBoundingRect()
        for plot in panel._plots:
            if plot.isVisible():
                overlap = rect.intersected(plot.vb.sceneBoundingRect())
                assert overlap.width() * overlap.height() < 1.0, \
                    (panel.model.key, plot.objectName(), rect, plot.vb.sceneBoundingRect())


def test_no_axis_rescales_with_an_si_prefix(panel):
    for plot in panel._plots:
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            assert not axis.autoSIPrefix, (panel.model.key, plot.objectName(), side)


def test_clicking_each_legend_entry_hides_then_shows_it(panel, qtbot):
    for legend in panel._legends:
        for entry in list(legend.entries):
            if legend.on_toggle is not None or not entry.shown:
                continue
            name = entry.name
            click(qtbot, panel, legend_entry_point(panel, legend, name))
            entry = next(e for e in legend.entries if e.name == name)
            assert not any(item.isVisible() for item in entry.items()), (panel.model.key, name)
            click(qtbot, panel, legend_entry_point(panel, legend, name))
            entry = next(e for e in legend.entries if e.name == name)
            assert entry.item.isVisible(), (panel.model.key, name)


def named_points(panel):
    """(plot, item, name, x, y) of one finite point of every visible named curve."""
    out = []
    for plot in panel._plots:
        for item in plot.vb.addedItems:
            if not isinstance(item, pg.PlotDataItem) or not item.isVisible():
                continue
            name = panel.hover_name(item)
            x, y = item.xData, item.yData
            if not name or x is None or not len(x):
                continue
            finite = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
            if item.opts["logMode"][1]:
                finite = finite[y[finite] > 0]
            if len(finite):
                i = int(finite[len(finite) // 2])
                out.append((plot, item, name, float(x[i]), float(y[i])))
    return out


def test_hovering_a_named_curve_names_a_curve_and_its_value(panel, qtbot):
    points = named_points(panel)
    if panel.model.key not in ("cross_entropy", "entropy", "regression"):
        assert points, panel.model.key
    for plot, item, name, x, y in points:
        (x0, x1), (y0, y1) = plot.vb.viewRange()
        xv = np.log10(x) if item.opts["logMode"][0] else x
        yv = np.log10(y) if item.opts["logMode"][1] else y
        # Inside the data area, not on its edge (where a pixel's rounding can leave it).
        mx, my = 0.02 * (x1 - x0), 0.02 * (y1 - y0)
        if not (x0 + mx <= xv <= x1 - mx and y0 + my <= yv <= y1 - my):
            continue
        if not panel.hover_text(plot, Hit(item, name, 0, x, y)):
            continue  # an item the panel chooses not to read out (the fit lab's pulls)
        hover(qtbot, panel, widget_point(panel, plot, xv, yv))
        readout = panel.hover(plot)
        assert readout.hit is not None, (panel.model.key, name)
        text = readout.text
        # The nearest curve may be another one through the same pixel, but the text always
        # names the curve it reads and shows that curve's value at the point.
        hit = readout.hit
        # "hinge (SVM): L(0.5) = 0.5", or "σ(0) = 0.5" for a curve named "σ(z)".
        assert hit.name in text or text.startswith(hit.name.split("(")[0] + "("), \
            (panel.model.key, text)
        assert np.isfinite(hit.y)
        if hit.index < 0:  # computed at the mouse's x (a straight fitted line)
            continue
        if isinstance(hit.item, pg.PlotDataItem):
            hx, hy = hit.item.xData[hit.index], hit.item.yData[hit.index]
        else:
            hx, hy = (a[hit.index] for a in hit.item.getData())
        assert (hit.x, hit.y) == (hx, hy)


def test_hovering_a_bar_names_it_and_its_height(qtbot):
    panel = make_panel(qtbot, "network")
    k = panel.state.frame
    height = float(panel.run.predictions[k, 1])
    hover(qtbot, panel, widget_point(panel, panel.prediction_plot, 1 - 0.35 / 2, height / 2))
    text = panel.hover(panel.prediction_plot).text
    assert text == f"prediction ŷ (0,1,1): {height:.4g}"


def test_network_plots_keep_their_widths_while_playing(qtbot):
    """The prediction plot's title counts iterations (1 to 4 digits): the plots must not
    change width as it grows."""
    panel = make_panel(qtbot, "network")
    widths = set()
    for frame in (0, 5, 50, 500, panel.state.iterations):
        panel.state.frame = frame
        QApplication.processEvents()
        widths.add(tuple(round(plot.vb.width(), 3) for plot in panel._plots))
    assert len(widths) == 1, widths


def test_a_curve_hidden_from_the_legend_stays_hidden_in_an_export_at_another_size(
        qtbot, tmp_path, monkeypatch):
    panel = make_panel(qtbot, "risk")
    legend = panel.legend
    name = legend.entries[1].name  # "true f(x)"
    click(qtbot, panel, legend_entry_point(panel, legend, name))
    assert not panel.true_curve.isVisible()
    seen = {}
    original = type(panel).ensure_laid_out

    def spy(self, size=None):  # the export copy, as it is laid out to be drawn
        original(self, size)
        if self is not panel:
            seen["visible"] = self.true_curve.isVisible()

    monkeypatch.setattr(type(panel), "ensure_laid_out", spy)
    panel.export_to(tmp_path / "risk.png", width=700)
    assert seen == {"visible": False}


def test_hovering_a_fitted_line_reads_it_at_the_mouse(qtbot):
    """Fit lab: a regression line has two vertices, yet it reads out anywhere along it, with
    ŷ = w·x + b exact at the x shown."""
    panel = make_panel(qtbot, "fit")
    fit = panel.fits["absolute"]
    w, b = float(fit.w[0]), float(fit.b)
    x = 2.5
    hover(qtbot, panel, widget_point(panel, panel.data_plot, x, w * x + b))
    readout = panel.hover(panel.data_plot)
    text = readout.text
    assert text.startswith("absolute (L1): ŷ(")
    shown_x = float(text.split("ŷ(")[1].split(")")[0])
    assert shown_x == pytest.approx(x, abs=0.05)
    assert readout.hit.y == w * shown_x + b
    assert text.endswith(f"= {w * shown_x + b:.4g}")


def test_clicking_a_fit_legend_entry_unchecks_its_loss(qtbot):
    panel = make_panel(qtbot, "fit")
    click(qtbot, panel, legend_entry_point(panel, panel.legend, "absolute (L1)"))
    assert "absolute" not in panel.state.losses
    assert not panel.lines["absolute"].isVisible()
    # The entry stays, faded: a second click brings the fit back.
    click(qtbot, panel, legend_entry_point(panel, panel.legend, "absolute (L1)"))
    assert "absolute" in panel.state.losses and panel.lines["absolute"].isVisible()
