"""The one registry of LossLab's panels, in menu order.

Each panel lives in one folder named by its key, ``losslab/panels/<key>/``: ``model.py`` holds its
state and computation (Qt-free, exported as ``PANEL``), ``view.py`` its Qt view (exported as
``View``), and anything else only that panel uses sits beside them.  The key is the folder's name
and nothing else defines it: it is the CLI's ``PANEL``, the dock's objectName and the section of
settings and sessions.  Adding a panel = adding its folder and one line to :data:`PANELS`.

This module is Qt-free: the command line lists and exports panels from it without building a
widget.  Models and views are imported on first use.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from losslab.core.panel import PanelModel


@dataclass(frozen=True)
class PanelEntry:
    """One panel of the app.

    Attributes:
        key: the folder under ``losslab/panels``; CLI PANEL, dock objectName, session section.
        title: English title (translated in the "panels" context).

    Every panel is a tab of one dock area by default, in this order (the window's layout).
    """

    key: str
    title: str

    @cached_property
    def model(self) -> PanelModel:
        """The panel's Qt-free model (``losslab.panels.<key>.model.PANEL``)."""
        module = importlib.import_module(f"{__name__}.{self.key}.model")
        return module.PANEL  # type: ignore[no-any-return]

    def view_class(self) -> Any:
        """The panel's Qt view class (``losslab.panels.<key>.view.View``); imports Qt."""
        return importlib.import_module(f"{__name__}.{self.key}.view").View


PANELS: tuple[PanelEntry, ...] = (
    PanelEntry("losses", "Loss Curves"),
    PanelEntry("neuron", "Neuron Training"),
    PanelEntry("network", "Two-layer network"),
    PanelEntry("entropy", "Information"),
    PanelEntry("cross_entropy", "Cross-entropy, step by step"),
    PanelEntry("regression", "Regression losses, step by step"),
    PanelEntry("risk", "Risk lab"),
    PanelEntry("likelihood", "Likelihood → loss"),
    PanelEntry("fit", "Fit lab"),
)

_BY_KEY = {entry.key: entry for entry in PANELS}


def panel(key: str) -> PanelEntry:
    """The registry entry of ``key`` (KeyError for an unknown key)."""
    return _BY_KEY[key]


def keys() -> list[str]:
    """Every panel key, in menu order."""
    return list(_BY_KEY)


def key_of_module(module_name: str) -> str:
    """The panel key of a module inside a panel folder (``losslab.panels.<key>.…``)."""
    parts = module_name.split(".")
    if len(parts) < 3 or parts[:2] != ["losslab", "panels"] or parts[2] not in _BY_KEY:
        raise ValueError(f"{module_name} is not inside a registered panel folder")
    return parts[2]
