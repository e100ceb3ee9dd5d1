"""Python's cyclic garbage collector runs only between events of the Qt event loop.

Left automatic, the collector runs whenever enough objects have been allocated — which can be
inside Qt code that holds one of its internal locks.  Seen here: pyqtgraph disconnects a signal
while an item is re-parented (Qt holds the signal-slot mutex of both objects), the Python
override lookup in between allocates, the collector starts and destroys an unreachable menu from
an earlier window, and its ``QObject`` destructor waits for a mutex of the same pool: the process
hangs.  It can equally run on a worker thread (the Risk lab's sweeps) and destroy Qt objects
there.  So automatic collection is switched off and a timer on the GUI thread collects, with
the generation thresholds the collector itself would use (the approach of pyqtgraph's
``GarbageCollector``; written out here so that start-up does not import pyqtgraph for it).
Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the event loop looks for collectable cycles, milliseconds.
INTERVAL_MS = 1000


class EventLoopCollector(QObject):
    """Disables automatic collection and collects from a timer (see the module docstring)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the generations whose allocation counts passed their thresholds, as the
        automatic collector would have; returns the number of unreachable objects found."""
        count0, count1, count2 = gc.get_count()
        found = 0
        if count0 > self.threshold[0]:
            found += gc.collect(0)
            if count1 > self.threshold[1]:
                found += gc.collect(1)
                if count2 > self.threshold[2]:
                    found += gc.collect(2)
        return found

    def stop(self) -> None:
        """Stop the timer and give collection back to Python (as it was before)."""
        self.timer.stop()
        if self.was_enabled:
            gc.enable()


_collector: EventLoopCollector | None = None


def install(app: QObject) -> EventLoopCollector:
    """Collect garbage only from ``app``'s event loop from now on (idempotent)."""
    global _collector
    if _collector is None:
        _collector = EventLoopCollector(app)
    return _collector


def uninstall() -> None:
    """Undo :func:`install` (tests)."""
    global _collector
    if _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None
