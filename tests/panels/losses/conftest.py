"""The Loss Curves panel on its own, shown at 1200×700 (the view tests' shared fixture)."""

from __future__ import annotations

import pytest

from losslab.panels.losses import model
from losslab.panels.losses.view import LossCurvesPanel
from plot_helpers import show_panel


@pytest.fixture
def panel(qtbot):
    return show_panel(qtbot, LossCurvesPanel(model.LossCurvesState()), 1200, 700)
