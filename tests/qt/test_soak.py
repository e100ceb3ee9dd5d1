"""Soak: the neuron animation playing through the real PlaybackController's timer while
parameters change at random, offscreen.

Checks that memory stays flat (RSS growth < 5 MiB after warm-up) and that the number of Qt
objects and scene items does not grow.  The default suite plays a short run; the long run is
``LOSSLAB_SOAK_FRAMES=100000 python3 -m pytest -m slow tests/qt/test_soak.py``.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer

from losslab.core.animation import MAX_SPEED
from losslab.panels.neuron.model import NeuronState
from losslab.panels.neuron.view import NeuronPanel


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    pytest.skip("no /proc/self/status on this system")


def object_counts(panel: NeuronPanel) -> tuple[int, int]:
    return len(panel.findChildren(QObject)), len(panel.graphics.scene().items())


def soak(qtbot, frames: int) -> dict[str, int]:
    rng = random.Random(3)
    state = NeuronState()
    state.epochs = 300
    panel = NeuronPanel(state)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    controller = panel.playback.controller
    state.speed = MAX_SPEED  # the fastest a user can choose: many frames per timer tick

    advanced = {"frames": 0, "changes": 0}
    previous = {"frame": state.frame}

    def count(changed: frozenset[str]) -> None:
        if "frame" in changed:
            advanced["frames"] += max(0, state.frame - previous["frame"])
        previous["frame"] = state.frame

    state.subscribe(count)

    def change_something() -> None:
        # What a restless user does while it plays; playback must keep going.
        name = rng.choice(["w0", "b0", "eta", "eta_cross_entropy", "x", "y", "epochs"])
        spec = state.specs[name]
        value = rng.uniform(spec.minimum, min(spec.maximum, 400.0))
        state.set(name, round(value) if name == "epochs" else value)
        advanced["changes"] += 1
        if not controller.playing:
            controller.play()

    changer = QTimer()
    changer.setInterval(40)
    changer.timeout.connect(change_something)
    controller.playing_changed.connect(lambda playing: playing or controller.play())

    controller.play()
    changer.start()
    # Warm-up: caches (the last 16 runs, pyqtgraph's path buffers, numpy's allocator pools)
    # fill during the first parameter changes; growth is measured after that.
    warm = max(300, frames // 5)
    qtbot.waitUntil(lambda: advanced["frames"] >= warm and advanced["changes"] >= 200,
                    timeout=600_000)
    rss_before, objects_before = rss_kib(), object_counts(panel)
    qtbot.waitUntil(lambda: advanced["frames"] >= warm + frames, timeout=3_600_000)
    changer.stop()
    controller.pause()
    rss_after, objects_after = rss_kib(), object_counts(panel)
    assert controller.timer.interval() > 0
    return {"growth_kib": rss_after - rss_before, "objects_before": objects_before,
            "objects_after": objects_after, "changes": advanced["changes"]}


def test_soak_short(qtbot):
    result = soak(qtbot, frames=3000)
    assert result["changes"] > 0
    assert result["objects_after"] == result["objects_before"]
    assert result["growth_kib"] < 5 * 1024, result


@pytest.mark.slow
def test_soak_long(qtbot):
    result = soak(qtbot, frames=int(os.environ.get("LOSSLAB_SOAK_FRAMES", "100000")))
    assert result["objects_after"] == result["objects_before"]
    assert result["growth_kib"] < 5 * 1024, result
