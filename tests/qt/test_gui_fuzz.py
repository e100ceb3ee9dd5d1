"""GUI fuzz: drive every registered parameter control of every panel with random values,
typed text and extremes, and open/close/float the docks.

After every step: no exception reached the event loop (pytest-qt fails the test if one does),
every curve is finite or its panel says why not, and every state still round-trips.
The default run is short; ``LOSSLAB_FUZZ_STEPS=5000 pytest -m slow tests/qt/test_gui_fuzz.py``
is the stress run.
"""

from __future__ import annotations

import os
import random

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox

from losslab.qt.binding import MultiCheck, TextParam

EXTREMES = [0, -0.0, 1e-300, -1e-300, 1e300, -1e300, 1e6, -1e6, 0.5, -7, 42]
GARBAGE = ["", "abc", "1,,2", ";;", "nan", "inf", "-inf", "1e999", "0x10", "1;2,3", "  ",
           "1,2,3,4,5,6,7,8,9,10,11", "-1,-2", "0,0,0", "1e-320", "中文", "1,2;3"]


def poke(control, rng: random.Random, qtbot) -> None:
    """One random user action on one control."""
    if isinstance(control, MultiCheck):
        box = rng.choice(list(control.boxes.values()))
        if box.isVisible() or rng.random() < 0.2:
            box.click()
    elif isinstance(control, QDoubleSpinBox | QSpinBox):
        if rng.random() < 0.3:
            text = str(rng.choice(EXTREMES + GARBAGE))
            control.lineEdit().selectAll()
            if text.isascii():
                qtbot.keyClicks(control.lineEdit(), text)
            else:  # QtTest can only synthesise ASCII key presses (it aborts otherwise)
                control.lineEdit().insert(text)
            qtbot.keyClick(control.lineEdit(), Qt.Key.Key_Enter)
        elif rng.random() < 0.5:
            control.setValue(rng.uniform(control.minimum(), control.maximum()))
        else:
            qtbot.keyClick(control, rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down,
                                                Qt.Key.Key_PageUp, Qt.Key.Key_PageDown]))
    elif isinstance(control, QCheckBox):
        control.click()
    elif isinstance(control, QComboBox):
        if control.count():
            control.setCurrentIndex(rng.randrange(control.count()))
    elif isinstance(control, TextParam):
        if rng.random() < 0.5:
            text = rng.choice(GARBAGE)
        else:
            n = rng.randint(1, 6)
            text = ",".join(f"{rng.uniform(-3, 3):.3g}" for _ in range(n))
            if rng.random() < 0.3:
                text = ";".join([text] * rng.randint(1, 4))
        control.setText(text)
        control.editingFinished.emit()


def poke_dock(window, rng: random.Random) -> None:
    dock = rng.choice(list(window.docks.values()))
    action = rng.choice(["close", "show", "float", "dock", "raise"])
    if action == "close":
        dock.close()
    elif action == "show":
        dock.show()
    elif action == "float":
        dock.setFloating(True)
    elif action == "dock":
        dock.setFloating(False)
    else:
        dock.raise_()


def check_panels(window) -> None:
    for key, panel in window.panels.items():
        state = panel.state
        fresh = type(state)()
        assert fresh.from_dict(state.to_dict()) == [], key
        persisted = {n for n, s in state.specs.items() if s.persist}
        assert {n: v for n, v in fresh.values().items() if n in persisted} == \
               {n: v for n, v in state.values().items() if n in persisted}, key
        if panel.problem():
            continue
        for item in panel.graphics.scene().items():
            if isinstance(item, pg.PlotDataItem) and item.isVisible():
                x, y = item.getData()
                if x is not None and len(x):
                    # A line drawn with connect="finite" may hold breaks: points whose x and y
                    # are both NaN (several paths in one item); nothing else may be non-finite.
                    breaks = (np.isnan(x) & np.isnan(y) if item.opts.get("connect") == "finite"
                              else np.zeros(len(x), dtype=bool))
                    assert not breaks.all(), f"{key}: curve {item.name()!r} is only breaks"
                    assert np.all(np.isfinite(x[~breaks])) and np.all(np.isfinite(y[~breaks])), \
                        f"{key}: non-finite curve {item.name()!r} and no explanation shown"


def run_fuzz(window, qtbot, steps: int, seed: int) -> None:
    rng = random.Random(seed)
    controls = [(key, name, control) for key, panel in window.panels.items()
                for name, control in panel.controls.items()]
    assert controls
    for step in range(steps):
        if rng.random() < 0.05:
            poke_dock(window, rng)
        else:
            _key, _name, control = rng.choice(controls)
            poke(control, rng, qtbot)
        if step % 10 == 0:
            check_panels(window)
    window.reset_layout()
    check_panels(window)


@pytest.mark.parametrize("seed", [1, 2])
def test_gui_fuzz_short(window, qtbot, seed):
    run_fuzz(window, qtbot, steps=300, seed=seed)


@pytest.mark.slow
def test_gui_fuzz_stress(window, qtbot):
    run_fuzz(window, qtbot, steps=int(os.environ.get("LOSSLAB_FUZZ_STEPS", "5000")), seed=7)
