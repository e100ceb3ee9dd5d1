"""Garbage cycles are collected from the event loop only (losslab.qt.gc_guard)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref

from PySide6.QtCore import QObject

from losslab.qt import gc_guard


def test_the_app_turns_automatic_collection_off():
    code = ("import gc; from losslab.qt.app import ensure_app; "
            "print(gc.isenabled()); ensure_app(); print(gc.isenabled())")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, timeout=60, check=True).stdout.split()
    assert out == ["True", "False"]


class _Holder:
    """A Python object that keeps a QObject and itself (a cycle)."""

    def __init__(self) -> None:
        self.me = self
        self.obj = QObject()


def test_a_cycle_holding_a_qt_object_waits_for_the_collector(qapp):
    collector = gc_guard.EventLoopCollector(interval_ms=60_000)
    try:
        assert not gc.isenabled()
        gc.collect()  # generation counts start from zero
        ref = weakref.ref(_Holder())
        kept = [[] for _ in range(100)]  # fewer allocations than the first threshold
        assert ref() is not None
        assert collector.collect_due() == 0 and ref() is not None
        kept += [[] for _ in range(2 * collector.threshold[0])]  # now past it
        assert ref() is not None  # still nothing collects on its own ...
        assert collector.collect_due() >= 2 and ref() is None  # ... until the timer's turn
    finally:
        collector.stop()
        collector.deleteLater()
