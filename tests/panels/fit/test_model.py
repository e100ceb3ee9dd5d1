"""The Fit lab model: optimality against an independent solve, state rules and export (no Qt)."""

from __future__ import annotations

import math
import zlib

import numpy as np
import pytest
from scipy.optimize import minimize

from losslab.core.params import ParamError
from losslab.maths import fitting as F
from losslab.panels.fit import model as model

SETTINGS = {"huber_delta": 1.0, "quantile_tau": 0.3, "epsilon": 0.4}


def J(problem, key, penalty, lam, theta, settings=SETTINGS):
    s = {**settings, "logistic_base_value": math.e}
    return F.objective(problem, key, s, penalty, lam, np.asarray(theta, dtype=float))


# ---------------------------------------------------------------------------- optimality
def independent_minimum(problem, key, penalty, lam, x0):
    """A different method: Powell (derivative-free) from several starts on the true J, then
    Nelder–Mead refinement; a hand-written grid of starts covers the low-dimensional θ."""
    fun = lambda th: J(problem, key, penalty, lam, th)  # noqa: E731
    best = None
    p = len(x0)
    starts = [np.asarray(x0, float), np.zeros(p), np.ones(p), -np.ones(p)]
    for s in starts:
        r = minimize(fun, s, method="Powell", options={"xtol": 1e-12, "ftol": 1e-15,
                                                       "maxiter": 20000})
        r = minimize(fun, r.x, method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-15,
                                                              "maxiter": 20000})
        if best is None or r.fun < best.fun:
            best = r
    return best


def directional_check(problem, key, penalty, lam, theta, rng):
    """A convex J is minimal at θ iff it rises in every direction: sample many directions."""
    j0 = J(problem, key, penalty, lam, theta)
    worst = math.inf
    for _ in range(300):
        d = rng.normal(size=len(theta))
        d /= np.linalg.norm(d)
        for eps in (1e-3, 1e-6):
            worst = min(worst, J(problem, key, penalty, lam, theta + eps * d) - j0)
    return worst, j0


def random_problem(task, rng, n):
    if task == "regression":
        x = rng.uniform(-3, 3, n)
        y = 1.5 * x - 0.5 + rng.standard_t(2, n)
        return F.make_problem(task, np.column_stack([x, np.round(y, 3)]))
    x = rng.normal(size=(n, 2))
    label = np.where(x[:, 0] + 0.5 * x[:, 1] + 0.8 * rng.normal(size=n) > 0, 1.0, -1.0)
    label[:2] = [1.0, -1.0]  # two points of each class on the other side: never separable
    x[:2] = [[-1.5, -1.0], [1.5, 1.0]]
    return F.make_problem(task, np.column_stack([np.round(x, 3), label]))


CASES = [(task, key, pen, lam)
         for task in ("regression", "classification")
         for key in model.TASK_KEYS[task] if key != "perceptron"
         for pen, lam in (("none", 0.0), ("l1", 0.3), ("l2", 0.2))]


@pytest.mark.parametrize(("task", "key", "penalty", "lam"), CASES,
                         ids=[f"{t[:3]}-{k}-{p}" for t, k, p, _ in CASES])
def test_fits_are_optimal_against_an_independent_solve(task, key, penalty, lam):
    rng = np.random.default_rng(zlib.crc32(f"{task}{key}{penalty}".encode()))
    problem = random_problem(task, rng, 15)
    f = F.fit(problem, key, SETTINGS, penalty, lam)
    assert f.attained and f.verified, f.status
    assert f.objective == pytest.approx(J(problem, key, penalty, lam, f.theta), rel=1e-14)
    ref = independent_minimum(problem, key, penalty, lam, f.theta + 0.3)
    # Ours is never worse than the independent optimum, and not suspiciously better either
    # (which would mean the objective was computed wrongly).
    assert f.objective <= ref.fun * (1 + 1e-9) + 1e-12
    assert f.objective >= ref.fun * (1 - 1e-6) - 1e-9
    worst, j0 = directional_check(problem, key, penalty, lam, f.theta, rng)
    assert worst >= -1e-12 * (1 + j0)


# ---------------------------------------------------------------------------- state and export
def test_task_switch_loads_default_points_and_keeps_losses():
    s = model.FitState()
    s.task = "classification"
    assert s.points == model.DEFAULT_POINTS["classification"]
    assert model.visible_keys(s) == ("hinge", "logistic", "exponential")
    s.update({"losses": ("squared",)})
    s.task = "regression"
    assert s.points == model.DEFAULT_POINTS["regression"] and s.losses == ("squared",)
    s.task = "classification"  # no classification loss chosen: its defaults are added
    assert model.visible_keys(s) == model.DEFAULT_LOSSES["classification"]


def test_points_rules_strict_and_clamped():
    s = model.FitState()
    with pytest.raises(ParamError, match="points.*allowed"):
        s.set("points", ((1.0, 2.0, 1.0),), clamp=False)
    s.update({"task": "classification", "points": ((1.0, 2.0, 0.5), (0, 0, -3))})
    assert s.points == ((1.0, 2.0, 1.0), (0.0, 0.0, -1.0))
    with pytest.raises(ParamError, match="label"):
        s.set("points", ((1.0, 2.0, 0.5),), clamp=False)


def test_summary_and_table():
    s = model.FitState()
    s.update({"penalty": "l2", "lam": 1.0, "losses": ("squared", "absolute")})
    doc = model.summary(s)
    sq = doc["fits"]["squared"]
    assert sq["w"] == [pytest.approx(2.8)] and sq["objective"] == pytest.approx(32.24)
    assert sq["empirical_risk"] + sq["structural_risk"] == pytest.approx(sq["objective"])
    assert set(doc["fits"]) == {"squared", "absolute"}
    t = model.table(s)
    assert list(t) == ["x", "y", "squared_residual", "squared_loss", "squared_pull",
                       "absolute_residual", "absolute_loss", "absolute_pull"]
    np.testing.assert_allclose(t["squared_residual"], [0.4, -1.4, -3.2, -5.0, 9.2], atol=1e-12)
    np.testing.assert_allclose(t["squared_pull"], -2 * t["squared_residual"])
