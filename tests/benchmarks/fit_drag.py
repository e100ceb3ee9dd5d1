"""Fit lab drag timing (not a test): 200 points, per simulated mouse move the state write, the
warm-started re-fit of every chosen loss, every plot item's setData, then a synchronous repaint
of the figure.  CPU time (time.process_time) per move, medians over 80 moves.

    PYTHONPATH=app python benchmarks/fit_drag.py
"""
import os
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"
import numpy as np

from losslab.qt.app import ensure_app

app = ensure_app()
from losslab.panels.fit import model
from losslab.panels.fit.view import FitPanel

rng = np.random.default_rng(4)
def run(task, losses, penalty, lam):
    s = model.FitState()
    if task == "regression":
        x = rng.uniform(-5, 5, 200); y = 0.7 * x + 1 + rng.standard_t(2, 200)
        pts = tuple(map(tuple, np.round(np.c_[x, y], 3)))
    else:
        X = rng.normal(size=(200, 2)); l = np.where(X[:, 0] + X[:, 1] + rng.normal(size=200) > 0, 1., -1.)
        pts = tuple(map(tuple, np.c_[np.round(X, 3), l]))
    s.update({"task": task, "points": pts, "losses": losses, "penalty": penalty, "lam": lam})
    p = FitPanel(s); p.resize(1300, 850); p.show(); app.processEvents()
    p.begin_drag(0)
    fit_t, total_t = [], []
    x0, y0 = pts[0][0], pts[0][1]
    for i in range(80):
        t0 = time.process_time()
        p.move_point(0, x0 + 0.03 * i, y0 + 0.05 * np.sin(i / 5))
        t1 = time.process_time()
        p.graphics.viewport().repaint()
        t2 = time.process_time()
        fit_t.append(t1 - t0); total_t.append(t2 - t0)
    p.end_drag()
    print(f"{task:14s} {','.join(losses):42s} {penalty}/{lam:<5g} refit+setData median {1e3*np.median(fit_t):5.1f} ms, "
          f"+repaint median {1e3*np.median(total_t):5.1f} ms (p90 {1e3*np.percentile(total_t, 90):5.1f})")
    p.close(); p.deleteLater(); app.processEvents()
for pen, lam in (("none", 0.0), ("l2", 0.05), ("l1", 0.05)):
    run("regression", ("squared", "absolute", "huber"), pen, lam)
    run("classification", ("hinge", "logistic", "exponential"), pen, lam)
run("regression", model.TASK_KEYS["regression"], "l2", 0.05)
run("classification", tuple(k for k in model.TASK_KEYS["classification"]), "l2", 0.05)
