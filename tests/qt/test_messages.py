"""Views show a model's messages translated from the same template the CLI writes in English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from losslab.core.text import message
from losslab.panels.neuron import model as neuron_model
from losslab.qt.binding import tr_message, tr_messages


class _Fake(QTranslator):
    """Translates two templates; everything else stays English."""

    TABLE = {("neuron", "Quadratic"): "二次",
             ("t", "{cost} run, η = {eta:g}"): "{cost} 运行，η = {eta:g}"}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802 (Qt's name)
        return self.TABLE.get((context, source), "")


def test_tr_message_translates_the_template_then_fills_the_values(qapp):
    msg = message("t", "{cost} run, η = {eta:g}", cost=message("neuron", "Quadratic"), eta=0.5)
    assert tr_message(msg) == msg.english() == "Quadratic run, η = 0.5"
    fake = _Fake()
    QCoreApplication.installTranslator(fake)
    try:
        assert tr_message(msg) == "二次 运行，η = 0.5"
        assert tr_messages([msg, msg], sep=" | ") == "二次 运行，η = 0.5 | 二次 运行，η = 0.5"
    finally:
        QCoreApplication.removeTranslator(fake)
    assert tr_message(msg) == "Quadratic run, η = 0.5"


def test_neuron_panel_shows_the_exported_divergence_text(qtbot):
    from losslab.panels.neuron.view import View

    state = neuron_model.NeuronState()
    panel = View(state)
    qtbot.addWidget(panel)
    state.eta = 1e6
    doc = neuron_model.summary(state)
    texts = [doc["runs"][kind]["message"] for kind in ("quadratic", "cross_entropy")]
    assert all(texts)
    assert panel.divergence_label.text() == "\n\n".join(texts)
    assert panel.problem() == neuron_model.PANEL.problem_text(state) == "  ".join(texts)
