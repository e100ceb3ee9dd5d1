"""Texts are generated from the current state, never stock numbers: the neuron explanation
follows η and the start, the information explanation the archers, the network explanation how
the run ended, the cross-entropy pipeline says what m is; switching language leaves no old text
in the status bar, and Qt's file dialog speaks Chinese."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel

from losslab.panels.cross_entropy import model as ce_model
from losslab.panels.cross_entropy.view import CrossEntropyPanel
from losslab.panels.entropy import model as entropy_model
from losslab.panels.entropy.view import EntropyPanel
from losslab.panels.network import model as network_model
from losslab.panels.network.view import NetworkPanel
from losslab.panels.neuron import model as neuron_model
from losslab.panels.neuron.view import NeuronPanel
from plot_helpers import hover, widget_point

CHINESE = re.compile("[\u4e00-\u9fff]")


def shown(qtbot, panel):
    qtbot.addWidget(panel)
    panel.resize(1300, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_neuron_explanation_follows_eta_and_the_start(qtbot):
    panel = shown(qtbot, NeuronPanel(neuron_model.NeuronState()))
    text = panel.explanation.toPlainText()
    assert "η = 0.15" in text
    panel.state.eta = 3.0
    text = panel.explanation.toPlainText()
    assert "η = 3" in text and "0.15 here" not in text and "η = 0.15" not in text
    panel.state.same_eta = False
    panel.state.eta_cross_entropy = 0.005
    text = panel.explanation.toPlainText()
    assert "η = 3" in text and "η = 0.005" in text
    # The start's numbers: a = σ(w·x + b) for this state's w, b, x.
    panel.state.update({"w0": 0.0, "b0": 0.0})
    text = panel.explanation.toPlainText()
    assert "a = 0.5 for a target of y = 0" in text
    assert "not flat" in text


def test_neuron_gradients_are_typeset(qtbot):
    from losslab.qt import formula

    panel = shown(qtbot, NeuronPanel(neuron_model.NeuronState()))
    html = panel.explanation.toHtml()
    if formula.available():
        assert html.count("<img") >= 4  # two costs, two gradients
        assert formula.image(r"\frac{\partial C}{\partial w} = (a - y)\,\sigma'(z)\,x") is not None
    else:
        assert "∂C/∂w = (a − y)·σ′(z)·x" in panel.explanation.toPlainText()


def test_entropy_explanation_follows_the_archers(qtbot):
    panel = shown(qtbot, EntropyPanel(entropy_model.EntropyState()))
    assert "Archer A hits with probability 0.1" in panel.explanation.toPlainText()
    panel.state.archer_a = 0.0
    text = panel.explanation.toPlainText()
    assert "one time in ten" not in text and "0.1" not in text.split("Entropy")[0]
    assert "Archer A never hits" in text
    panel.state.archer_b = 0.5
    assert "B's result is harder to call" in panel.explanation.toPlainText()


def test_network_explanation_says_how_the_run_ended(qtbot):
    state = network_model.NetworkState()
    panel = shown(qtbot, NetworkPanel(state))
    assert "brings every prediction within 0.05" in panel.explanation.toPlainText()
    state.hidden = 1  # one hidden unit cannot learn XOR
    text = panel.explanation.toPlainText()
    assert "end close to" not in text and "failed" in text
    error = float(np.max(np.abs(panel.run.predictions[-1] - panel.run.targets)))
    assert f"{error:.3g}" in text
    state.update({"hidden": 4, "learning_rate": 0.01, "iterations": 100})
    text = panel.explanation.toPlainText()
    assert "not got there yet" in text and "end close to" not in text


def test_pipeline_says_what_m_is(qtbot):
    from losslab.panels.cross_entropy.view import fmt

    state = ce_model.CrossEntropyState()
    panel = shown(qtbot, CrossEntropyPanel(state))
    text = panel.pipeline.toPlainText()
    assert "e^(z − m)" in text
    for row in state.logits:
        assert f"m = {fmt(max(row))}, the largest logit of this row" in text
    state.subtract_max = False  # no shift: no m to explain
    assert "largest logit" not in panel.pipeline.toPlainText()


def test_switching_back_to_english_leaves_no_chinese_in_the_status_bar(window, qtbot):
    window.findChild(QAction, "language_zh_CN").trigger()
    panel = window.panels["losses"]
    window.docks["losses"].raise_()
    qtbot.waitUntil(lambda: panel.graphics.isVisible())
    hover(qtbot, panel, widget_point(panel, panel.plot, 0.5, 0.5))
    panel.cursor_text.emit(panel.cursor_message(panel.plot, 0.5, 0.5))
    window.statusBar().showMessage(panel.cursor_message(panel.plot, 0.5, 0.5))
    assert CHINESE.search(window.cursor_label.text())
    window.findChild(QAction, "language_en").trigger()
    assert not CHINESE.search(window.cursor_label.text())
    assert not CHINESE.search(window.statusBar().currentMessage())


@pytest.mark.parametrize("native", [False, True])
def test_the_file_dialog_speaks_chinese(qapp, native):
    from losslab.qt import i18n

    i18n.install("zh_CN")
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not native)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    dialog.deleteLater()
    if not labels:  # a native dialog has no Qt widgets to look at
        return
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"] == "文件名称(&N)："
    # Our own strings and Qt's still translate (the fallback only fills Qt's gaps).
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("menu", "Export") == "导出"
    assert QCoreApplication.translate("no context", "no such text") == "no such text"
