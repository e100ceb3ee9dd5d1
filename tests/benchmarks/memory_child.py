"""Memory of the app, in its own process: ``python memory_child.py SETTINGS N``.

Starts the window as the app does (default layout: the panel in front is built and painted;
the others are built when their tab first comes forward), reads VmRSS/VmHWM, then makes N
parameter updates the way a control does (``state.set`` followed by the event loop painting
the change), and reads them again.  Prints one JSON line.
"""

from __future__ import annotations

import gc
import json
import os
import sys

from _common import built_panels, proc_status


def main(settings_path: str, updates: int) -> None:
    from losslab.qt.app import ensure_app

    app = ensure_app()
    from losslab.qt.main_window import MainWindow
    from losslab.qt.settings import make_settings

    window = MainWindow(make_settings(settings_path))
    window.resize(1280, 800)
    window.show()
    for _ in range(50):  # until the panel in front is built and painted
        app.processEvents()
        if "losses" in built_panels(window):
            break
    for _ in range(5):
        app.processEvents()
    window.repaint()
    app.processEvents()
    gc.collect()
    after_start = proc_status()
    built = sorted(built_panels(window))

    state = window.states["losses"]
    state.mode = "residual"
    app.processEvents()
    viewport = window.panels["losses"].graphics.viewport()
    deltas = [0.3 + 2.7 * i / 49 for i in range(50)]
    deltas += deltas[-2:0:-1]
    middle = None
    for i in range(updates):
        state.huber_delta = deltas[i % len(deltas)]
        if i % 7 == 0:
            state.probe = (i % 11) / 11.0 * 2 - 1  # a second kind of change, now and then
        viewport.repaint()
        app.processEvents()
        if i == updates // 2:
            middle = proc_status()
    gc.collect()
    app.processEvents()
    after_updates = proc_status()
    print(json.dumps({"after_start": after_start, "middle": middle,
                      "after_updates": after_updates, "updates": updates, "built": built}),
          flush=True)
    window.close()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main(sys.argv[1], int(sys.argv[2]))
