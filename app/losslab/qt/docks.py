"""The panel registry of the GUI: which docks exist, their titles, classes and default places.

One line per panel.  The key is the dock's objectName, the panel model's key (CLI ``PANEL``) and
the section name in settings and sessions.  Panel modules are imported lazily so that the
command line can list panels without building any widget.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import Qt

Area = Qt.DockWidgetArea


@dataclass(frozen=True)
class DockSpec:
    """One dock panel.

    Attributes:
        key: objectName of the dock and key of the panel model.
        title: English title (translated by the window).
        panel: "module:Class" of the BasePanel subclass.
        area: default dock area.
        tab_with: key of a dock to share a tabbed area with by default ("" for none).
    """

    key: str
    title: str
    panel: str
    area: Area
    tab_with: str = ""

    def panel_class(self) -> type:
        module, _, name = self.panel.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


DOCKS: tuple[DockSpec, ...] = (
    DockSpec("losses", "Loss Curves", "losslab.qt.panels.loss_curves:LossCurvesPanel",
             Area.LeftDockWidgetArea),
    DockSpec("neuron", "Neuron Training", "losslab.qt.panels.neuron:NeuronPanel",
             Area.RightDockWidgetArea),
    DockSpec("network", "Two-layer network", "losslab.qt.panels.network:NetworkPanel",
             Area.RightDockWidgetArea, tab_with="neuron"),
    DockSpec("entropy", "Information", "losslab.qt.panels.entropy:EntropyPanel",
             Area.RightDockWidgetArea, tab_with="losses"),
    DockSpec("cross_entropy", "Cross-entropy, step by step",
             "losslab.qt.panels.cross_entropy:CrossEntropyPanel", Area.RightDockWidgetArea,
             tab_with="entropy"),
)


def dock_spec(key: str) -> DockSpec:
    for spec in DOCKS:
        if spec.key == key:
            return spec
    raise KeyError(key)
