"""The Loss Curves panel on its own, shown at 1200×700 (the view tests' shared fixture)."""

from __future__ import annotations

import pytest

from losslab.panels.losses import model
from losslab.panels.losses.view import LossCurvesPanel


@pytest.fixture
def panel(qtbot):
    state = model.LossCurvesState()
    widget = LossCurvesPanel(state)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
