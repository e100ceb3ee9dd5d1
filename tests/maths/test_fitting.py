"""Fitting maths: reference fits, edge cases (no finite minimiser, trivial, not unique)."""

from __future__ import annotations

import math
import zlib

import numpy as np
import pytest
from scipy.optimize import minimize

from losslab.maths import fitting as F
from losslab.panels.fit import model as model

SETTINGS = {"huber_delta": 1.0, "quantile_tau": 0.3, "epsilon": 0.4}
OUTLIER = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 20))
REF_CLASSES = ((1, 2, 1), (2, 3, 1), (3, 3, 1), (2, 1, -1), (3, 1, -1), (4, 2, -1), (0.5, 0.5, -1))


def J(problem, key, penalty, lam, theta, settings=SETTINGS):
    s = {**settings, "logistic_base_value": math.e}
    return F.objective(problem, key, s, penalty, lam, np.asarray(theta, dtype=float))


# ---------------------------------------------------------------------------- references
@pytest.mark.parametrize(("key", "penalty", "lam", "w", "b", "obj"), [
    ("squared", "none", 0.0, 4.2, -3.2, 20.48),
    ("absolute", "none", 0.0, 1.0, 0.0, 3.2),
    ("huber", "none", 0.0, 1.5, -0.5, 2.95),
    ("squared", "l2", 1.0, 2.8, -0.4, 32.24),
])
def test_regression_references(key, penalty, lam, w, b, obj):
    f = F.fit(F.make_problem("regression", OUTLIER), key, SETTINGS | {"huber_delta": 1.0},
              penalty, lam)
    assert f.w[0] == pytest.approx(w, rel=1e-12)
    assert f.b == pytest.approx(b, rel=1e-12, abs=1e-12)
    assert f.objective == pytest.approx(obj, rel=1e-12)
    assert f.status == "optimal" and f.verified


def test_piecewise_linear_fit_is_the_exact_vertex():
    """The least-absolute line through (0,0) and (1,1) is w = 1, b = 0 to the last bit: the
    vertex is solved from the points on it, not left at least squares' b = −4.6e−17."""
    f = F.fit(F.make_problem("regression", OUTLIER), "absolute", SETTINGS, "none", 0.0)
    assert f.w[0] == 1.0 and f.b == 0.0 and f.objective == 3.2
    assert math.copysign(1.0, f.b) == 1.0  # shown as b = 0, not b = −0


@pytest.mark.parametrize(("key", "obj"), [("hinge", 0.260571), ("logistic", 0.473789),
                                          ("exponential", 0.539463)])
def test_classification_references(key, obj):
    f = F.fit(F.make_problem("classification", REF_CLASSES), key, SETTINGS, "l2", 0.1)
    assert f.objective == pytest.approx(obj, abs=5e-7)
    assert f.status == "optimal" and f.attained
    if key == "hinge":
        np.testing.assert_allclose(f.w, [-0.6, 1.4], rtol=1e-12)
        assert f.b == pytest.approx(-1.4, rel=1e-12)
        assert f.objective == pytest.approx(0.2 / 7 + 0.1 * 2.32, rel=1e-13)


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


@pytest.mark.parametrize("key", ["hinge", "absolute", "epsilon_insensitive", "quantile"])
def test_piecewise_linear_with_l2_matches_slsqp_on_the_epigraph_qp(key):
    """An independent QP: variables (θ, e), minimise (1/n)Σe + λ‖w‖² s.t. e ≥ each piece."""
    rng = np.random.default_rng(7)
    task = "classification" if key == "hinge" else "regression"
    problem = random_problem(task, rng, 9)
    lam = 0.15
    f = F.fit(problem, key, SETTINGS, "l2", lam)
    p = problem.d + 1
    pieces = F._affine_pieces(key, SETTINGS)
    cons = []
    for a, beta in pieces:
        cons.append({"type": "ineq", "fun": lambda v, a=a, beta=beta:
                     v[p:] - (a * (problem.c + problem.G @ v[:p]) + beta)})
    fun = lambda v: v[p:].mean() + lam * float(v[:p - 1] @ v[:p - 1])  # noqa: E731
    start = F.loss_value(key, problem.c, SETTINGS) + 0.1  # θ = 0, strictly feasible e
    v0 = np.concatenate([np.zeros(p), start])
    # ftol 1e-14: at 1e-15 SLSQP (scipy 1.17.1) reaches the same optimum on the quantile
    # problem but reports status 8, "positive directional derivative for linesearch".
    r = minimize(fun, v0, constraints=cons, method="SLSQP",
                 options={"ftol": 1e-14, "maxiter": 1000})
    assert r.success
    assert f.objective <= r.fun + 1e-10
    assert f.objective == pytest.approx(r.fun, rel=1e-7)


def test_warm_start_gives_the_same_optimum():
    rng = np.random.default_rng(3)
    problem = random_problem("regression", rng, 200)
    for key in ("squared", "absolute", "huber", "quantile", "epsilon_insensitive", "log_cosh"):
        cold = F.fit(problem, key, SETTINGS, "l2", 0.05)
        nudged = problem.c.copy()
        nudged[0] += 0.01
        moved = F.Problem(problem.task, problem.x, nudged, problem.G, nudged)
        warm = F.fit(moved, key, SETTINGS, "l2", 0.05, warm=cold.theta, check_unique=False)
        fresh = F.fit(moved, key, SETTINGS, "l2", 0.05, check_unique=False)
        assert warm.verified
        assert warm.objective == pytest.approx(fresh.objective, rel=1e-10)


def test_big_coordinates_stay_exact():
    pts = [(-100.0, -250.0), (-50.0, -100.0), (0.0, 3.0), (60.0, 120.0), (100.0, 100.0)]
    problem = F.make_problem("regression", pts)
    for key in ("absolute", "huber", "log_cosh", "squared"):
        f = F.fit(problem, key, SETTINGS, "l2", 0.01)
        worst, j0 = directional_check(problem, key, "l2", 0.01, f.theta,
                                      np.random.default_rng(0))
        assert f.verified and worst >= -1e-12 * (1 + j0)


# ---------------------------------------------------------------------------- edge cases
def test_separable_data_have_no_finite_minimiser_under_logistic_and_exponential():
    problem = F.make_problem("classification", REF_CLASSES)  # separable
    for key in ("logistic", "exponential"):
        f = F.fit(problem, key, SETTINGS, "none", 0.0)
        assert f.status == "no_finite_minimiser" and not f.attained
        assert f.objective == 0.0  # the infimum
        assert np.linalg.norm(f.w) == pytest.approx(1.0)
        assert np.all(f.z > 0)  # the direction separates every point
        # The loss keeps falling along the direction.
        values = [J(problem, key, "none", 0.0, t * f.theta) for t in (1, 10, 100)]
        assert values[0] > values[1] > values[2] > 0
        # With a penalty the minimiser is finite again.
        g = F.fit(problem, key, SETTINGS, "l2", 0.01)
        assert g.status == "optimal" and g.attained


def test_warm_start_on_separable_data_still_finds_no_minimiser():
    """Dragging a point until the classes separate: the warm Newton run walks off along the
    separating direction with a vanishing gradient, which must not pass for a minimiser."""
    pts = ((100.0, -100.0, 1.0), (-100.0, 100.0, -1.0), (99.0, -100.0, -1.0))
    problem = F.make_problem("classification", pts)
    for key in ("logistic", "exponential"):
        f = F.fit(problem, key, SETTINGS, "none", 0.0, warm=np.array([0.3, -0.2, 0.1]))
        assert f.status == "no_finite_minimiser" and f.objective == 0.0


def test_one_class_has_no_finite_minimiser_even_with_a_penalty():
    problem = F.make_problem("classification", ((0, 0, 1), (1, 2, 1), (2, 1, 1)))
    f = F.fit(problem, "logistic", SETTINGS, "l2", 1.0)
    assert f.status == "no_finite_minimiser"
    assert f.objective == 0.0 and np.all(f.w == 0) and f.b == 1.0  # b → +∞


def test_quasi_separation_infimum_is_the_loss_of_the_points_left():
    # x = 0 carries both labels; every other point is separated by the line x1 = 0.
    pts = ((0, 0, 1), (0, 0, -1), (1, 0, 1), (2, 1, 1), (-1, 0, -1), (-2, 1, -1))
    problem = F.make_problem("classification", pts)
    f = F.fit(problem, "logistic", SETTINGS, "none", 0.0)
    assert f.status == "no_finite_minimiser"
    assert f.objective == pytest.approx(2 * math.log(2) / 6, rel=1e-12)


def test_perceptron_is_trivially_minimised_by_zero():
    problem = F.make_problem("classification", REF_CLASSES)
    f = F.fit(problem, "perceptron", SETTINGS, "l2", 0.1)
    assert f.status == "trivial" and f.objective == 0.0 and np.all(f.theta == 0.0)


def test_non_unique_minimisers_are_reported():
    square = ((0, 0), (0, 1), (1, 0), (1, 1))
    f = F.fit(F.make_problem("regression", square), "absolute", SETTINGS, "none", 0.0)
    assert f.status == "not_unique" and f.objective == pytest.approx(0.5)
    g = F.fit(F.make_problem("regression", square), "squared", SETTINGS, "none", 0.0)
    assert g.status == "optimal"
    h = F.fit(F.make_problem("classification", REF_CLASSES), "hinge", SETTINGS, "none", 0.0)
    assert h.status == "not_unique" and h.objective == pytest.approx(0.0, abs=1e-15)


def test_pulls_and_adaboost_weights():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_allclose(F.pulls("squared", z, SETTINGS), [4.0, 0.0, -6.0])
    np.testing.assert_allclose(F.pulls("absolute", z, SETTINGS), [1.0, 0.0, -1.0])
    np.testing.assert_allclose(F.pulls("exponential", z, SETTINGS), np.exp(-z))
    w = F.adaboost_weights(np.array([-800.0, 0.0, 1.0]))
    assert np.all(np.isfinite(w)) and w.sum() == pytest.approx(1.0) and w[0] == pytest.approx(1)
    assert F.svm_c(0.1, 7) == pytest.approx(1 / 1.4)


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
