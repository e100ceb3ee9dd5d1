"""Keyboard and screen-reader basics: every focusable control has a name, Tab reaches the
controls, and every dock can be toggled from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QScrollBar,
    QSlider,
    QTabBar,
    QWidget,
)


def accessible_text(widget: QWidget) -> str:
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text() or widget.toolTip()
    if not name and isinstance(widget, QLineEdit) and isinstance(widget.parent(),
                                                                 (QAbstractSpinBox, QComboBox)):
        name = widget.parent().accessibleName()
    return name


def test_every_focusable_control_has_an_accessible_name(window):
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, (QScrollBar, QTabBar, QMenu)):
            continue  # Qt's own chrome, named by Qt
        if isinstance(widget, QAbstractScrollArea) and widget.viewport() is not None \
                and not widget.accessibleName() and widget.objectName() == "":
            missing.append(f"{type(widget).__name__} (unnamed scroll area)")
            continue
        if isinstance(widget, (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QSlider)) \
                and not accessible_text(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert missing == []


def test_tab_moves_focus_through_a_panels_controls(window, qtbot):
    panel = window.panels["losses"]
    first = panel.controls["mode"]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    seen = []
    for _ in range(8):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    names = [w.objectName() for w in seen]
    # Tab order follows the layout: from the mode combo into the loss check boxes.
    assert names[0].startswith("losses:")
    assert len(set(map(id, seen))) == len(seen)


def test_every_dock_toggles_from_the_keyboard(window, qtbot):
    for index, key in enumerate(window.docks, start=1):
        action = window.findChild(object, f"toggle_{key}")
        assert action.shortcut().toString() == f"Alt+{index}"
