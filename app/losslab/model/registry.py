"""The panels LossLab knows, in menu order.  Adding a panel is one line here and one in
``losslab.qt.docks``."""

from __future__ import annotations

from losslab.model import (
    cross_entropy_panel,
    entropy_panel,
    loss_curves,
    network_panel,
    neuron_panel,
)
from losslab.model.panel_model import PanelModel

PANEL_MODELS: dict[str, PanelModel] = {
    m.key: m
    for m in (
        loss_curves.PANEL,
        neuron_panel.PANEL,
        network_panel.PANEL,
        entropy_panel.PANEL,
        cross_entropy_panel.PANEL,
    )
}
