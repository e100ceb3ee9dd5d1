"""Risk maths: exact expected risk, true ERM optima, sweeps, spread."""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest
from numpy.polynomial import legendre as leg
from scipy import integrate, optimize

from losslab.maths import risk as rk
from losslab.panels.risk import model as model


# ---------------------------------------------------------------------------- references
def test_reference_line_model_y_equals_x():
    dist = rk.Distribution("line", "gaussian", 0.5)
    r = rk.expected_risk(rk.power_to_leg([0.0, 1.0]), dist, "squared")
    assert r == pytest.approx((2 - 1) ** 2 / 3 + 0.25, rel=1e-12)


def test_reference_sine_zero_model():
    dist = rk.Distribution("sine", "gaussian", 0.5)
    assert rk.expected_risk(np.zeros(1), dist, "squared") == pytest.approx(0.75, rel=1e-12)


def test_laplace_noise_has_the_requested_standard_deviation():
    dist = rk.Distribution("line", "laplace", 0.8)
    eps = dist.noise_draw(np.random.default_rng(3), 400_000)
    assert np.std(eps) == pytest.approx(0.8, rel=0.01)
    assert dist.laplace_scale == pytest.approx(0.8 / math.sqrt(2))


# ---------------------------------------------------------------------------- expected risk
def _density(noise, sigma):
    if noise == "gaussian":
        return lambda t: math.exp(-0.5 * (t / sigma) ** 2) / (sigma * math.sqrt(2 * math.pi))
    b = sigma / math.sqrt(2)
    return lambda t: math.exp(-abs(t) / b) / (2 * b)


def _brute_expected(power, target, noise, sigma, loss, delta):
    """Independent: nested scipy quad over ε (kinks as break points) and over x."""
    f = (lambda x: 2 * x) if target == "line" else (lambda x: math.sin(math.pi * x))
    dens = _density(noise, sigma)
    lf = {"squared": lambda u: u * u, "absolute": abs,
          "huber": lambda u: 0.5 * u * u if abs(u) <= delta else delta * (abs(u) - 0.5 * delta)
          }[loss]

    def inner(x):
        e = f(x) - np.polyval(power[::-1], x)
        pts = sorted({-e, -e - delta, -e + delta, 0.0})
        lo, hi = min(pts) - 40 * sigma, max(pts) + 40 * sigma
        edges = [lo, *pts, hi]
        return sum(integrate.quad(lambda t: lf(e + t) * dens(t), a, b, epsabs=0,
                                  epsrel=1e-12, limit=200)[0]
                   for a, b in pairwise(edges) if b > a)

    return 0.5 * integrate.quad(inner, -1, 1, epsabs=0, epsrel=1e-11, limit=200)[0]


@pytest.mark.parametrize("target", rk.TARGETS)
@pytest.mark.parametrize("noise", rk.NOISES)
@pytest.mark.parametrize("loss", rk.LOSS_KEYS)
def test_expected_risk_matches_an_independent_double_quadrature(target, noise, loss):
    power = np.array([0.1, 1.5, -0.3, 0.4])
    sigma, delta = 0.6, 0.7
    dist = rk.Distribution(target, noise, sigma)
    ours = rk.expected_risk(rk.power_to_leg(power), dist, loss, delta)
    ref = _brute_expected(power, target, noise, sigma, loss, delta)
    assert ours == pytest.approx(ref, rel=1e-8)


@pytest.mark.parametrize("loss", ["absolute", "huber"])
def test_expected_risk_without_noise_is_the_plain_integral(loss):
    dist = rk.Distribution("sine", "gaussian", 0.0)
    power = np.array([0.0, 2.5])
    f = lambda x: abs(math.sin(math.pi * x) - 2.5 * x)  # noqa: E731
    if loss == "absolute":
        g = f
    else:
        g = lambda x: 0.5 * f(x) ** 2 if f(x) <= 1 else f(x) - 0.5  # noqa: E731
    # the kinks of |e| and of Huber, where e(x) = 0 or ±1, found independently
    roots = []
    for level in (0.0, 1.0, -1.0):
        h = lambda x, c=level: math.sin(math.pi * x) - 2.5 * x - c  # noqa: E731
        grid = np.linspace(-1, 1, 2001)
        vals = [h(v) for v in grid]
        for a, b, va, vb in zip(grid[:-1], grid[1:], vals[:-1], vals[1:], strict=True):
            if va == 0 or va * vb < 0:
                roots.append(optimize.brentq(h, a, b, xtol=1e-15))
    ref = 0.5 * integrate.quad(g, -1, 1, points=sorted(roots), epsabs=0, epsrel=1e-12,
                               limit=200)[0]
    assert rk.expected_risk(rk.power_to_leg(power), dist, loss, 1.0) == pytest.approx(ref,
                                                                                      rel=1e-9)


def test_expected_risk_huge_model_stays_accurate():
    dist = rk.Distribution("line", "laplace", 0.3)
    power = np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000.0])
    ref = _brute_expected(power, "line", "laplace", 0.3, "absolute", 1.0)
    assert rk.expected_risk(rk.power_to_leg(power), dist, "absolute") == pytest.approx(ref,
                                                                                      rel=1e-8)


# ---------------------------------------------------------------------------- ERM optimality
def _objective_power(a, x, y, loss, delta, penalty, lam):
    r = y - np.polyval(np.asarray(a)[::-1], x)
    pen = {"none": 0.0, "l1": np.sum(np.abs(a[1:])), "l2": np.sum(np.asarray(a[1:]) ** 2)}
    return float(np.mean(rk.loss_values(r, loss, delta)) + lam * pen[penalty])


@pytest.mark.parametrize("loss", rk.LOSS_KEYS)
@pytest.mark.parametrize("penalty", rk.PENALTIES)
def test_fit_is_a_true_minimiser(loss, penalty):
    dist = rk.Distribution("sine", "gaussian", 0.4)
    x, y = rk.sample(dist, 40, 11)
    lam = 0.02 if penalty != "none" else 0.0
    fitted = rk.fit(x, y, 3, loss, 0.5, penalty, lam)
    assert fitted.kkt_ok
    # optimality measured independently: the best subgradient of J at the fit, from an LP
    assert rk.kkt_violation(fitted, x, y, loss, 0.5, penalty, lam) < 1e-9
    best = fitted.objective
    assert best == pytest.approx(_objective_power(fitted.power, x, y, loss, 0.5, penalty, lam),
                                 rel=1e-12)
    # no derivative-free search started nearby or elsewhere does better
    rng = np.random.default_rng(0)
    for start in [fitted.power + rng.normal(0, 0.3, 4) for _ in range(3)] + [np.zeros(4)]:
        res = optimize.minimize(_objective_power, start, args=(x, y, loss, 0.5, penalty, lam),
                                method="Powell", options={"xtol": 1e-12, "ftol": 1e-15,
                                                          "maxfev": 40_000})
        assert best <= res.fun + 1e-12


def test_squared_fit_matches_numpy_polyfit():
    x, y = rk.sample(rk.Distribution("line", "gaussian", 0.5), 50, 2)
    ours = rk.fit(x, y, 5, "squared")
    ref = np.polynomial.polynomial.polyfit(x, y, 5)
    np.testing.assert_allclose(ours.power, ref, rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("n", [2, 3, 7, 40, 3000])
def test_shared_squared_fits_equal_single_fits(n):
    """The sweeps' shared design matrix (SquaredFits) gives the fits fit() gives, for every
    degree, with and without an L2 penalty, including too few points (the SVD fallback)."""
    from losslab.maths.risk.fitting import SquaredFits

    x, y = rk.sample(rk.Distribution("sine", "laplace", 0.5), n, 11)
    shared = SquaredFits(x, y, rk.MAX_DEGREE)
    for degree in range(rk.MAX_DEGREE + 1):
        for penalty, lam in (("none", 0.0), ("l2", 1e-4), ("l2", 2.0)):
            a, b = shared.fit(degree, penalty, lam), rk.fit(x, y, degree, "squared", 1.0,
                                                            penalty, lam)
            assert a.objective == pytest.approx(b.objective, rel=1e-12, abs=1e-300)
            np.testing.assert_allclose(a.legendre, b.legendre, rtol=1e-9, atol=1e-12)
    with pytest.raises(ValueError, match="penalty"):
        shared.fit(3, "l1", 0.1)


def test_degree_sweep_fits_are_the_single_fits():
    dist = rk.Distribution("line", "gaussian", 0.5)
    sweep = rk.degree_sweep(dist, 500, 9, "squared", 1.0, "l2", 0.01)
    x, y = rk.sample(dist, 500, 9)
    for degree, got in enumerate(sweep.fits):
        want = rk.fit(x, y, degree, "squared", 1.0, "l2", 0.01)
        assert got.objective == pytest.approx(want.objective, rel=1e-12)


def test_absolute_fit_matches_the_primal_linear_programme():
    x, y = rk.sample(rk.Distribution("sine", "laplace", 0.5), 60, 4)
    ours = rk.fit(x, y, 2, "absolute")
    n = len(x)
    vander = np.vander(x, 3, increasing=True)
    # variables a (3), t (n): min Σt/n, −t ≤ y − Va ≤ t
    cost = np.concatenate([np.zeros(3), np.full(n, 1 / n)])
    a_ub = np.block([[-vander, -np.eye(n)], [vander, -np.eye(n)]])
    b_ub = np.concatenate([-y, y])
    res = optimize.linprog(cost, A_ub=a_ub, b_ub=b_ub,
                           bounds=[(None, None)] * 3 + [(0, None)] * n, method="highs")
    assert ours.objective == pytest.approx(res.fun, rel=1e-10)


def test_huber_fit_matches_bfgs():
    x, y = rk.sample(rk.Distribution("sine", "laplace", 0.7), 80, 9)
    ours = rk.fit(x, y, 4, "huber", 0.3, "l2", 0.01)
    res = optimize.minimize(_objective_power, np.zeros(5),
                            args=(x, y, "huber", 0.3, "l2", 0.01), method="BFGS",
                            options={"gtol": 1e-12})
    np.testing.assert_allclose(ours.power, res.x, atol=1e-5)
    assert ours.objective <= res.fun + 1e-14


def test_slope_curves_minimisers_converge_with_n():
    dist = rk.Distribution("line", "gaussian", 0.5)
    small = rk.slope_curves(np.array([0.0, 1.0]), dist, "squared", 1.0, 20, 0)
    large = rk.slope_curves(np.array([0.0, 1.0]), dist, "squared", 1.0, 5000, 0)
    assert small.expected_minimiser == pytest.approx(2.0, abs=1e-6)
    spread_small = np.max(np.abs(small.minimisers - 2.0))
    spread_large = np.max(np.abs(large.minimisers - 2.0))
    assert spread_large < spread_small / 4
    # the expected-risk curve is (a₁ − 2)²/3 + 0.25 + a₀² exactly
    np.testing.assert_allclose(large.expected, (large.slopes - 2) ** 2 / 3 + 0.25, rtol=1e-12)


def test_legendre_power_round_trip():
    a = np.array([0.3, -2.0, 0.0, 5.0, 1e-3])
    np.testing.assert_allclose(rk.leg_to_power(rk.power_to_leg(a)), a, atol=1e-14)
    np.testing.assert_allclose(rk.evaluate(rk.power_to_leg(a), np.array([0.7])),
                               np.polyval(a[::-1], 0.7), rtol=1e-14)
    assert leg.legval(0.5, rk.power_to_leg(a)) == pytest.approx(np.polyval(a[::-1], 0.5))


# ---------------------------------------------------------------------------- λ sweep
@pytest.mark.parametrize("loss,penalty", [("squared", "none"), ("squared", "l1"),
                                          ("absolute", "l1"), ("huber", "l2")])
def test_lambda_sweep_points_are_true_minimisers(loss, penalty):
    dist = rk.Distribution("sine", "gaussian", 0.4)
    x, y = rk.sample(dist, 30, 7)
    grid = (1e-4, 1e-2, 0.3)
    ls = rk.lambda_sweep(dist, 30, 7, 3, loss, 0.5, penalty, grid=grid)
    swept = "l2" if penalty == "none" else penalty
    assert ls.penalty == swept
    for lam, f, obj in zip(grid, ls.fits, ls.objective, strict=True):
        assert f.kkt_ok
        assert rk.kkt_violation(f, x, y, loss, 0.5, swept, lam) < 1e-9
        assert obj == pytest.approx(_objective_power(f.power, x, y, loss, 0.5, swept, lam),
                                    rel=1e-12)
        # an independent derivative-free search from the fit does no better
        res = optimize.minimize(_objective_power, f.power + 0.05,
                                args=(x, y, loss, 0.5, swept, lam), method="Powell",
                                options={"xtol": 1e-12, "ftol": 1e-15, "maxfev": 40_000})
        assert obj <= res.fun + 1e-12
    assert rk.kkt_violation(ls.zero, x, y, loss, 0.5, "none", 0.0) < 1e-9


@pytest.mark.parametrize("loss,penalty", [("squared", "l2"), ("squared", "l1"),
                                          ("absolute", "l1"), ("huber", "none")])
def test_training_risk_never_falls_as_lambda_grows(loss, penalty):
    # Exact optima: J(w1; λ1) ≤ J(w2; λ1) and J(w2; λ2) ≤ J(w1; λ2); adding them gives
    # (λ2 − λ1)(P(w1) − P(w2)) ≥ 0, so P falls and R̂ = J − λP cannot fall as λ grows.
    ls = rk.lambda_sweep(rk.Distribution("sine", "laplace", 0.5), 40, 3, 5, loss, 0.7, penalty)
    train = np.concatenate([[ls.zero.train_risk], ls.train_risk])
    assert np.all(np.diff(train) >= -1e-10 * np.max(train))
    assert train[-1] > train[0]  # and a large λ does cost training risk


@pytest.mark.parametrize("loss", rk.LOSS_KEYS)
def test_lambda_sweep_expected_risks_match_the_independent_quadrature(loss):
    ls = rk.lambda_sweep(rk.Distribution("line", "gaussian", 0.6), 25, 2, 3, loss, 0.7, "l2")
    for k in (0, 12, 24):
        ref = _brute_expected(ls.fits[k].power, "line", "gaussian", 0.6, loss, 0.7)
        assert ls.expected_risk[k] == pytest.approx(ref, rel=1e-8)
    ref = _brute_expected(ls.zero.power, "line", "gaussian", 0.6, loss, 0.7)
    assert ls.zero_expected_risk == pytest.approx(ref, rel=1e-8)


def test_lambda_sweep_is_memoised_and_independent_of_the_current_lambda():
    state = model.RiskState()
    state.update({"penalty": "l2", "lam": 0.01})
    first = model.lambda_sweep(state)
    state.lam = 0.5
    assert model.lambda_sweep(state) is first
    np.testing.assert_allclose(first.lams, np.logspace(-5, 1, 25), rtol=1e-15)
    state.degree = 4
    assert model.lambda_sweep(state) is not first


def test_in_place_clenshaw_equals_numpy_legval():
    rng = np.random.default_rng(4)
    x = rng.uniform(-1, 1, (3, 500))
    for degree in range(16):
        c = rng.normal(size=degree + 1) * 10 ** rng.uniform(-3, 3)
        np.testing.assert_allclose(rk.evaluate(c, x), leg.legval(x, c), rtol=1e-14,
                                   atol=1e-14 * np.max(np.abs(c)))
    assert rk.evaluate(np.zeros(0), x).shape == x.shape


def test_spread_paths_are_running_means_of_the_draws_losses():
    dist = rk.Distribution("sine", "laplace", 0.5)
    c = np.array([0.1, 0.8, -0.2, 0.05])
    for loss in rk.LOSS_KEYS:
        sp = rk.spread(c, dist, loss, 0.7, 7, 3)
        x, y = dist.draw(np.random.default_rng([3, 1]), (7, max(rk.SPREAD_GRID)))
        losses = rk.loss_values(y - leg.legval(x, c), loss, 0.7)
        grid = np.array(rk.SPREAD_GRID)
        ref = np.array([[losses[j, :g].mean() for g in grid] for j in range(7)])
        np.testing.assert_allclose(sp.paths, ref, rtol=1e-12)


@pytest.mark.parametrize("loss", ["absolute", "huber"])
def test_noise_free_interpolating_fits_integrate_quickly_to_zero(loss, monkeypatch):
    """σ = 0 and a line: the fits of degree ≥ 1 reproduce f up to rounding, so the integrand is
    rounding noise around 0.  The quadrature stops at what rounding can resolve (it used to
    halve every interval down to 1e-13: over a million intervals at once, 100 s, then out of
    memory) and the risks are 0 to rounding."""
    from losslab.maths.risk import distribution

    rows = []
    adaptive = distribution._adaptive_integrals

    def counting(fn, count, **kwargs):
        def counted(x, owner):
            rows.append(len(x))
            assert len(x) < 10_000, "the quadrature keeps halving rounding noise"
            return fn(x, owner)
        return adaptive(counted, count, **kwargs)

    monkeypatch.setattr(distribution, "_adaptive_integrals", counting)
    dist = rk.Distribution("line", "gaussian", 0.0)
    sweep = rk.degree_sweep(dist, 20, 1, loss, 1.0, "none", 0.0)
    assert rows and max(rows) < 10_000  # intervals in one pass (16 models × 16 to start)
    assert sweep.expected_risk[0] == pytest.approx(rk.expected_risk(sweep.fits[0].legendre, dist,
                                                                    loss), rel=1e-12)
    assert sweep.expected_risk[0] > 0.1  # a constant cannot follow 2x
    assert np.all(sweep.expected_risk[1:] < 1e-12)
