"""Themes: readable contrast, switching from the menu keeps every state, presenter mode."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QSlider,
    QTabBar,
    QToolButton,
    QWidget,
)

from losslab.qt import theme


@pytest.mark.parametrize("t", list(theme.THEMES.values()), ids=list(theme.THEMES))
def test_contrast_of_every_theme(t, qapp):
    assert theme.contrast_ratio(t.foreground, t.background) >= 4.5
    for colour in t.series:
        assert theme.contrast_ratio(colour, t.background) >= 3.0, colour


def test_contrast_ratio_reference_values(qapp):
    assert theme.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", ["dark", "high_contrast", "light"])
def test_switching_theme_from_the_menu_keeps_states_and_recolours_plots(window, name, tmp_path):
    window.states["losses"].huber_delta = 0.6
    before = {k: s.values() for k, s in window.states.items()}
    window.findChild(object, f"theme_{name}").trigger()
    assert {k: s.values() for k, s in window.states.items()} == before
    panel = window.panels["losses"]
    assert panel.graphics.backgroundBrush().color() == QColor(theme.THEMES[name].background)
    assert window.theme_choice() == name
    out = tmp_path / "t.png"
    panel.export_to(out, width=400)
    image = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
    corner = QColor(image.pixel(2, 2))
    assert corner == QColor(theme.THEMES[name].background)
    assert panel.controls["huber_delta"].value() == pytest.approx(0.6)


def test_presenter_mode_thickens_lines_and_enlarges_text(window):
    normal_width = window.panels["losses"].curves["hinge"].opts["pen"].widthF()
    normal_font = window.panels["losses"].controls["huber_delta"].font().pointSizeF()
    window.findChild(object, "presenter_mode").trigger()
    assert window.presenter_mode() is True
    wide = window.panels["losses"].curves["hinge"].opts["pen"].widthF()
    assert wide == pytest.approx(normal_width * theme.PRESENTER_LINE_FACTOR)
    # Panels are rebuilt after the application font grew, so their controls are larger.
    assert window.panels["losses"].controls["huber_delta"].font().pointSizeF() == pytest.approx(
        normal_font * theme.PRESENTER_FONT_FACTOR)
    window.findChild(object, "presenter_mode").trigger()
    assert window.panels["losses"].curves["hinge"].opts["pen"].widthF() == pytest.approx(
        normal_width)


def test_theme_choice_survives_a_restart(qtbot, settings, dialogs):
    from losslab.qt.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.set_theme("dark")
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.theme_choice() == "dark"
    assert theme.current.name == "dark"
    second.set_theme("light")
    assert np.isclose(theme.contrast_ratio(theme.current.foreground, theme.current.background),
                      theme.contrast_ratio(theme.LIGHT.foreground, theme.LIGHT.background))


# ---------------------------------------------------------------------- widget colours
@pytest.mark.parametrize("t", list(theme.THEMES.values()), ids=list(theme.THEMES))
def test_widget_colours_of_every_theme(t, qapp):
    for surface in (t.window, t.base, t.button):
        assert theme.contrast_ratio(t.text, surface) >= 4.5, surface
        assert theme.contrast_ratio(t.border, surface) >= 3.0, surface
    for surface in (t.window, t.base, t.background):
        assert theme.contrast_ratio(t.error, surface) >= 4.5, surface
        assert theme.contrast_ratio(t.link, surface) >= 4.5, surface
    assert theme.contrast_ratio(t.accent_text, t.accent) >= 4.5
    assert theme.contrast_ratio(t.accent, t.window) >= 3.0  # the focus outline
    # Disabled text is clearly dimmer than enabled text, yet still readable.
    assert theme.contrast_ratio(t.disabled_text, t.window) <= \
        theme.contrast_ratio(t.text, t.window) / 1.8
    assert theme.contrast_ratio(t.disabled_text, t.window) >= 2.5


@pytest.mark.parametrize("t", list(theme.THEMES.values()), ids=list(theme.THEMES))
def test_palette_dims_disabled_controls(t, qapp):
    from PySide6.QtGui import QPalette

    pal = theme.widget_palette(t)
    G, R = QPalette.ColorGroup, QPalette.ColorRole
    for role in (R.WindowText, R.Text, R.ButtonText):
        assert pal.color(G.Active, role) == QColor(t.text)
        assert pal.color(G.Disabled, role) == QColor(t.disabled_text)
    # A disabled field has the window's colour, not the colour of a field waiting for input.
    assert pal.color(G.Disabled, R.Base) == QColor(t.window)
    assert pal.color(G.Active, R.Base) == QColor(t.base)


@pytest.mark.parametrize("t", list(theme.THEMES.values()), ids=list(theme.THEMES))
def test_text_colour_makes_any_series_colour_legible(t, qapp):
    for colour in (*t.series, *theme.OKABE_ITO.values()):
        got = theme.text_colour(colour, t)
        assert theme.contrast_ratio(got, t.background) >= 4.5, colour
        if theme.contrast_ratio(colour, t.background) >= 4.5:
            assert got == QColor(colour)  # already legible: unchanged


# ---------------------------------------------------------------------- rendered widgets
def _pixels(window):
    from test_contrast import as_array

    QApplication.processEvents()
    return as_array(window.grab().toImage())


def _rect_in(widget, window):
    from PySide6.QtCore import QPoint, QRect

    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _neuron_in_front(window, qtbot):
    dock = window.docks["neuron"]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: window.in_front(dock))
    window.panels["neuron"].graphics.setFocus()  # no control shows its focus outline
    return window.panels["neuron"]


@pytest.mark.parametrize("name", list(theme.THEMES))
def test_field_and_slider_outlines_are_visible(window, qtbot, name):
    from test_contrast import contrast

    window.set_theme(name)
    panel = _neuron_in_front(window, qtbot)
    image = _pixels(window)
    window_colour = np.array(QColor(theme.THEMES[name].window).getRgb()[:3])
    # Each side of a spin box and of a combo box: an outline pixel at ≥ 3:1 to the window.
    for widget in (panel.controls["eta"], panel.controls["epochs"],
                   panel.findChild(QComboBox)):
        r = _rect_in(widget, window)
        cy, qx = r.center().y(), r.left() + r.width() // 4
        sides = {"left": image[cy, r.left():r.left() + 2], "right": image[cy, r.right() - 1:r.right() + 1],
                 "top": image[r.top():r.top() + 2, qx], "bottom": image[r.bottom() - 1:r.bottom() + 1, qx]}
        for side, pixels in sides.items():
            best = contrast(pixels, window_colour).max()
            assert best >= 3.0, (name, widget.objectName(), side, best)
    # The timeline slider: along its whole length something at ≥ 3:1 (groove outline).
    slider = panel.findChild(QSlider, "frame")
    r = _rect_in(slider, window)
    block = image[r.top():r.bottom() + 1, r.left() + 4:r.right() - 3]
    columns = contrast(block, window_colour).max(axis=0)
    assert np.mean(columns >= 3.0) >= 0.98, (name, np.mean(columns >= 3.0))


@pytest.mark.parametrize("name", list(theme.THEMES))
def test_disabled_field_looks_disabled(window, qtbot, name):
    from test_contrast import contrast

    window.set_theme(name)
    t = theme.THEMES[name]
    window.states["neuron"].same_eta = True
    panel = _neuron_in_front(window, qtbot)
    enabled, disabled = panel.controls["eta"], panel.controls["eta_cross_entropy"]
    assert enabled.isEnabled() and not disabled.isEnabled()
    image = _pixels(window)

    def look(box):
        r = _rect_in(box.lineEdit(), window)
        block = image[r.top() + 2:r.bottom() - 1, r.left() + 2:r.right() - 1].reshape(-1, 3)
        colours, counts = np.unique(block, axis=0, return_counts=True)
        background = colours[np.argmax(counts)]
        text = np.sort(contrast(block, background))[::-1][2]
        return background, text

    on_bg, on_text = look(enabled)
    off_bg, off_text = look(disabled)
    assert tuple(on_bg) == QColor(t.base).getRgb()[:3]
    assert tuple(off_bg) == QColor(t.window).getRgb()[:3]
    assert on_text >= 4.5
    assert off_text <= on_text / 1.8, (on_text, off_text)


@pytest.mark.parametrize("name", list(theme.THEMES))
def test_transport_icons_are_drawn_in_the_text_colour(window, qtbot, name):
    from test_contrast import as_array, contrast

    window.set_theme(name)
    t = theme.THEMES[name]
    panel = _neuron_in_front(window, qtbot)
    bar = panel.findChild(QWidget, "playback_bar")
    for button in bar.findChildren(QToolButton):
        image = as_array(button.grab().toImage())
        size = button.iconSize()
        cx, cy = button.width() // 2, button.height() // 2
        icon = image[cy - size.height() // 2:cy + size.height() // 2,
                     cx - size.width() // 2:cx + size.width() // 2].reshape(-1, 3)
        background = np.array(QColor(t.button).getRgb()[:3])
        assert contrast(icon, background).max() >= 4.5, (name, button.objectName())
    # The pixmaps themselves: the text colour, and the dimmed colour when disabled.
    icon = theme.media_icon("play", theme.widget_palette(t), 16)
    for mode, colour in ((QIcon.Mode.Normal, t.text), (QIcon.Mode.Disabled, t.disabled_text)):
        pixmap = icon.pixmap(QSize(16, 16), 1.0, mode)
        img = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
        solid = {QColor(img.pixel(x, y)).name() for x in range(16) for y in range(16)
                 if QColor.fromRgba(img.pixel(x, y)).alpha() == 255}
        assert solid == {QColor(colour).name()}, (mode, solid)


# ---------------------------------------------------------------------- presenter mode
def _figure_sizes(window):
    panel = window.panels["losses"]
    plot = panel.plot
    axis = plot.getAxis("bottom")
    network = window.panels["network"]
    return {
        "tick": axis.style["tickFont"].pointSizeF(),
        "label": axis.label.font().pointSizeF(),
        "title": float(plot.titleLabel.opts["size"].removesuffix("pt")),
        "legend": float(panel.legend.opts["labelTextSize"].removesuffix("pt")),
        "legend_drawn": float(panel.legend.items[0][1].opts["size"].removesuffix("pt")),
        "curve": panel.curves["hinge"].opts["pen"].widthF(),
        "probe": panel.probe_line.pen.widthF(),
        "explicit": network.loss_curve.opts["pen"].widthF(),
        "axis_line": axis.pen().widthF(),
    }


def test_presenter_mode_scales_text_and_lines_together(window):
    normal = _figure_sizes(window)
    window.findChild(object, "presenter_mode").trigger()
    big = _figure_sizes(window)
    for key in ("tick", "label", "title", "legend", "legend_drawn"):
        assert big[key] == pytest.approx(normal[key] * theme.PRESENTER_FONT_FACTOR), key
    for key in ("curve", "probe", "explicit", "axis_line"):
        assert big[key] == pytest.approx(normal[key] * theme.PRESENTER_LINE_FACTOR), key
    # Titles bigger than ticks, in both modes.
    assert normal["title"] > normal["tick"] and big["title"] > big["tick"]
    window.findChild(object, "presenter_mode").trigger()
    assert _figure_sizes(window) == normal


def _at_1280(window, qtbot):
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1280, 800))


def test_presenter_titles_wrap_instead_of_pushing_plots_out(window, qtbot):
    window.set_presenter(True)
    _at_1280(window, qtbot)
    panel = _neuron_in_front(window, qtbot)
    QApplication.processEvents()
    view = panel.graphics
    shown = view.viewport().rect()
    for plot in panel._plots:
        box = view.mapFromScene(plot.sceneBoundingRect()).boundingRect()
        assert shown.contains(box.adjusted(1, 1, -1, -1)), (plot.titleLabel.text, box, shown)
    wrapped = [p for p in panel._plots if p.titleLabel.item.textWidth() > 0]
    assert wrapped  # at 1280 px in presenter mode some titles need two lines
    for plot in wrapped:
        label = plot.titleLabel
        assert label.itemRect().height() > 1.5 * QFontMetricsF(label.item.font()).height()
        assert label.itemRect().width() <= label.rect().width() + 1


# ---------------------------------------------------------------------- tick labels
def _drawn_tick_spans(axis):
    """(start, end) of every drawn tick label along the axis, in pixels, sorted."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    if specs is None:
        return []
    metrics = QFontMetricsF(axis.tick_font())
    spans = []
    for rect, _flags, text in specs[2]:
        if axis.orientation in ("top", "bottom"):
            width = max(rect.width(), metrics.horizontalAdvance(text))
            spans.append((rect.center().x() - width / 2, rect.center().x() + width / 2, text))
        else:
            height = max(rect.height(), metrics.height())
            spans.append((rect.center().y() - height / 2, rect.center().y() + height / 2, text))
    return sorted(spans)


def _assert_apart(axis, where):
    spans = _drawn_tick_spans(axis)
    for (_a0, a1, ta), (b0, _b1, tb) in pairwise(spans):
        assert b0 > a1, (where, axis.orientation, ta, tb, a1, b0)
    return spans


@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
def test_tick_labels_never_touch_on_any_panel(window, qtbot, presenter):
    from losslab.qt.axes import LegibleAxis

    window.set_presenter(presenter)
    _at_1280(window, qtbot)
    checked = 0
    for key, dock in window.docks.items():
        dock.show()
        dock.raise_()
        qtbot.waitUntil(lambda d=dock: window.in_front(d))
        QApplication.processEvents()
        for item in window.panels[key].graphics.scene().items():
            if isinstance(item, LegibleAxis) and item.isVisible():
                spans = _assert_apart(item, key)
                checked += 1
                if item._tickLevels is None and item.range[1] > item.range[0]:
                    assert len(spans) >= 2, (key, item.orientation, spans)
    assert checked >= 30


def test_sixteen_hidden_units_do_not_run_together(window, qtbot):
    window.states["network"].hidden = 16
    dock = window.docks["network"]
    dock.raise_()
    qtbot.waitUntil(lambda: window.in_front(dock))
    QApplication.processEvents()
    axis = window.panels["network"].w1_plot.getAxis("bottom")
    spans = _assert_apart(axis, "network")
    shown = [int(text) for _a, _b, text in spans]
    assert 4 <= len(shown) < 16
    steps = {b - a for a, b in pairwise(shown)}
    assert len(steps) == 1  # evenly spaced: every second (or third) unit


def test_epoch_ticks_at_ten_thousand_epochs_in_presenter_mode(window, qtbot):
    window.set_presenter(True)
    _at_1280(window, qtbot)
    window.states["neuron"].epochs = 10_000
    panel = _neuron_in_front(window, qtbot)
    QApplication.processEvents()
    for plot in panel._plots[:3]:
        spans = _assert_apart(plot.getAxis("bottom"), "neuron")
        values = [float(text.replace("−", "-")) for _a, _b, text in spans]
        assert len(values) >= 2
        steps = {round(b - a, 9) for a, b in pairwise(values)}
        assert len(steps) == 1, values


def test_next_nice_walks_the_1_2_5_sequence(qapp):
    from losslab.qt.axes import next_nice

    seq = [0.1]
    for _ in range(7):
        seq.append(next_nice(seq[-1]))
    assert seq == pytest.approx([0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0])
    assert next_nice(2000.0) == pytest.approx(5000.0)


def test_axis_spacing_grows_with_the_font(qtbot):
    import pyqtgraph as pg

    from losslab.qt.axes import LegiblePlotItem

    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    view.resize(320, 200)
    plot = LegiblePlotItem()
    view.ci.addItem(plot, row=0, col=0)
    plot.setXRange(0, 10_000, padding=0)
    view.show()
    qtbot.waitExposed(view)
    axis = plot.getAxis("bottom")
    small = QFont(axis.tick_font())
    small.setPointSizeF(7)
    axis.setStyle(tickFont=small)
    spacing_small = axis.tickSpacing(0, 10_000, axis.width())[0][0]
    big = QFont(small)
    big.setPointSizeF(24)
    axis.setStyle(tickFont=big)
    spacing_big = axis.tickSpacing(0, 10_000, axis.width())[0][0]
    assert spacing_big > spacing_small
    _assert_apart(axis, "standalone")


@pytest.mark.parametrize("width", [500, 1400])
def test_a_log_axis_labels_its_decades_first(qtbot, width):
    """Over a few decades on a wide axis pyqtgraph lists the decades among the in-between
    ticks; they must still be the labels kept first (the Law-of-large-numbers plot at 1920 px
    showed 2, 5, 2·10¹, 5·10¹ … but not 10, 100, 1000)."""
    import pyqtgraph as pg
    from PySide6.QtGui import QPicture

    from losslab.qt.axes import LegiblePlotItem

    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    view.resize(width, 300)
    plot = LegiblePlotItem()
    view.ci.addItem(plot, row=0, col=0)
    plot.setLogMode(x=True, y=False)
    plot.setXRange(np.log10(2.0), 4.0, padding=0.02)
    view.show()
    qtbot.waitExposed(view)
    axis = plot.getAxis("bottom")
    picture = QPicture()  # kept alive while it is painted on
    painter = QPainter(picture)
    try:
        labels = [text for _rect, _flags, text in axis.generateDrawSpecs(painter)[2]]
    finally:
        painter.end()
    assert {"10¹", "10²", "10³"} <= set(labels)
    assert len(labels) == len(set(labels))  # no decade twice


# ---------------------------------------------------------------------- nothing cut
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
def test_no_button_or_tab_is_cut(window, qtbot, language, presenter):
    window.set_language(language)
    window.set_presenter(presenter)
    _at_1280(window, qtbot)
    bars = [bar for bar in window.findChildren(QTabBar)
            if bar.parent() is window and bar.isVisible()]
    assert bars
    for bar in bars:  # the dock tabs show whole titles
        assert bar.elideMode() == Qt.TextElideMode.ElideNone
    for key, dock in window.docks.items():
        dock.show()
        dock.raise_()
        qtbot.waitUntil(lambda d=dock: window.in_front(d))
        QApplication.processEvents()
        for button in dock.findChildren(QAbstractButton) + dock.findChildren(QComboBox):
            if not button.isVisible() or button.visibleRegion().isEmpty():
                continue
            name = button.objectName() or getattr(button, "text", lambda: "")()
            assert button.width() >= button.minimumSizeHint().width(), (key, name)
            # Not cut at the side by the column it sits in (it may be scrolled out of view
            # vertically, never sideways).
            visible = button.visibleRegion().boundingRect()
            assert visible.width() >= button.width() - 1, (key, name, visible, button.width())


@pytest.mark.parametrize("t", list(theme.THEMES.values()), ids=list(theme.THEMES))
def test_faded_text_is_fainter_yet_legible(t, qapp):
    faded = theme.faded_text_colour(t)
    assert 4.5 <= theme.contrast_ratio(faded, t.background) < 5.0
    assert theme.contrast_ratio(t.foreground, t.background) >= 1.8 * theme.contrast_ratio(
        faded, t.background)
