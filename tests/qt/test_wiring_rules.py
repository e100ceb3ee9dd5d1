"""The view layer keeps its conventions: ``quiet(...)`` (losslab.qt.binding) is the only way a
view blocks signals, and every animated panel is built on AnimatedPanel."""

from __future__ import annotations

import re
from pathlib import Path

import losslab
from losslab.panels import PANELS

PACKAGE = Path(losslab.__file__).resolve().parent
BLOCKING = re.compile(r"\bblockSignals\s*\(|\bQSignalBlocker\b")


def offenders(root: Path) -> list[str]:
    """``file:line`` of every signal-blocking call outside binding.py's ``quiet``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if path == PACKAGE / "qt" / "binding.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if BLOCKING.search(line.split("#", 1)[0]):
                found.append(f"{path.relative_to(root)}:{number}")
    return found


def test_quiet_is_the_only_blocking_idiom():
    assert offenders(PACKAGE) == []


def test_the_check_finds_a_hand_written_blocker(tmp_path):
    (tmp_path / "view.py").write_text("blocker = QSignalBlocker(box)\nbox.blockSignals(True)\n"
                                      "# box.blockSignals(True) in a comment is fine\n")
    assert offenders(tmp_path) == ["view.py:1", "view.py:2"]


def test_every_animated_panel_derives_from_animated_panel(qapp):
    from losslab.qt.panel_base import AnimatedPanel

    animated = {entry.key for entry in PANELS if entry.view_class().animated}
    assert {"neuron", "network"} <= animated
    for entry in PANELS:
        view = entry.view_class()
        assert view.animated == issubclass(view, AnimatedPanel), entry.key
