"""Themes: readable contrast, switching from the menu keeps every state, presenter mode."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

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
