"""What the Risk lab plots from many fits or samples of one distribution.

* :func:`degree_sweep`: the fit of every degree 0 … 15 on one sample, with its training, expected
  and objective risk (overfitting);
* :func:`spread`: the empirical risk of one fixed model over many samples of each size (the law of
  large numbers);
* :func:`slope_curves`: expected and empirical risk as functions of the slope a₁;
* :func:`lambda_sweep`: the fit of the current degree for every λ on a log grid (and λ = 0),
  with its training, expected and objective risk (what the penalty does).

Sweeps are memoised (a small LRU per function, guarded by a lock so a worker thread may compute
one while the UI thread reads another).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.polynomial import polynomial as poly

from losslab.maths.risk.distribution import (
    MAX_DEGREE,
    Array,
    Distribution,
    evaluate,
    expected_risk,
    expected_risks,
    loss_values,
    power_to_leg,
    sample,
)
from losslab.maths.risk.fitting import Fit, SquaredFits, fit


@dataclass(frozen=True)
class DegreeSweep:
    """Fits of every degree 0 … 15 on one sample, with their training and expected risks."""

    degrees: Array
    fits: tuple[Fit, ...]
    train_risk: Array
    expected_risk: Array
    objective: Array


_CACHE_SIZE = 8
_sweep_cache: OrderedDict[tuple[object, ...], DegreeSweep] = OrderedDict()
_lock = threading.Lock()


def _cached(cache: OrderedDict[tuple[object, ...], object], key: tuple[object, ...]) -> object:
    with _lock:
        hit = cache.get(key)
        if hit is not None:
            cache.move_to_end(key)
        return hit


def _remember(cache: OrderedDict[tuple[object, ...], object], key: tuple[object, ...],
              value: object, size: int = _CACHE_SIZE) -> None:
    with _lock:
        cache[key] = value
        while len(cache) > size:
            cache.popitem(last=False)


def degree_sweep_key(dist: Distribution, n: int, seed: int, loss: str, delta: float,
                     penalty: str, lam: float, max_degree: int = MAX_DEGREE
                     ) -> tuple[object, ...]:
    """The memo key of :func:`degree_sweep` (what its result depends on)."""
    return (dist, n, seed, loss, delta if loss == "huber" else None, penalty,
            lam if penalty != "none" else None, max_degree)


def cached_degree_sweep(*args: object) -> DegreeSweep | None:
    """The memoised :func:`degree_sweep` for these arguments, or None (nothing is computed)."""
    hit = _cached(_sweep_cache, degree_sweep_key(*args))  # type: ignore[arg-type]
    return hit if isinstance(hit, DegreeSweep) else None


def degree_sweep(dist: Distribution, n: int, seed: int, loss: str, delta: float, penalty: str,
                 lam: float, max_degree: int = MAX_DEGREE) -> DegreeSweep:
    """Fit every degree 0 … ``max_degree`` to the sample of (n, seed) and compute its risks.

    Memoised per (distribution, sample, loss, penalty): moving other controls reuses it, and the
    fit of the current degree is read from here.
    """
    key = degree_sweep_key(dist, n, seed, loss, delta, penalty, lam, max_degree)
    hit = _cached(_sweep_cache, key)
    if isinstance(hit, DegreeSweep):
        return hit
    x, y = sample(dist, n, seed)
    if loss == "squared" and penalty in ("none", "l2"):
        nested = SquaredFits(x, y, max_degree)  # one design matrix for every degree
        fits = tuple(nested.fit(d, penalty, lam) for d in range(max_degree + 1))
    else:
        fits = tuple(fit(x, y, d, loss, delta, penalty, lam) for d in range(max_degree + 1))
    expected = expected_risks([f.legendre for f in fits], dist, loss, delta)
    sweep = DegreeSweep(np.arange(max_degree + 1, dtype=np.float64), fits,
                        np.array([f.train_risk for f in fits]), expected,
                        np.array([f.objective for f in fits]))
    _remember(_sweep_cache, key, sweep)
    return sweep


#: λ values of :func:`lambda_sweep`: 25 log-spaced from 10⁻⁵ to 10 (the λ control's upper end);
#: λ = 0, which a log axis cannot show, is computed separately.
LAMBDA_GRID: tuple[float, ...] = tuple(float(v) for v in np.logspace(-5.0, 1.0, 25))


@dataclass(frozen=True)
class LambdaSweep:
    """Fits of one degree for every λ on :data:`LAMBDA_GRID`, plus the unpenalised fit.

    ``penalty`` is the penalty swept: the state's, or "l2" when the state has none (the sweep
    then shows what a penalty would do).  ``train_risk`` is R̂ without the penalty,
    ``objective`` R̂ + λP, ``expected_risk`` the exact R; ``zero`` is the fit at λ = 0 (its
    objective is its training risk).
    """

    penalty: str
    lams: Array
    fits: tuple[Fit, ...]
    train_risk: Array
    expected_risk: Array
    objective: Array
    zero: Fit
    zero_expected_risk: float


_lambda_cache: OrderedDict[tuple[object, ...], LambdaSweep] = OrderedDict()
#: Every degree of one sample, twice over: moving the degree back and forth reuses its sweep.
_LAMBDA_CACHE_SIZE = 32


def swept_penalty(penalty: str) -> str:
    """The penalty :func:`lambda_sweep` sweeps for the state's ``penalty`` ("none" → "l2")."""
    return "l2" if penalty == "none" else penalty


def lambda_sweep_key(dist: Distribution, n: int, seed: int, degree: int, loss: str,
                     delta: float, penalty: str) -> tuple[object, ...]:
    """The memo key of :func:`lambda_sweep`: everything it depends on (not the current λ)."""
    return (dist, n, seed, degree, loss, delta if loss == "huber" else None,
            swept_penalty(penalty))


def cached_lambda_sweep(*args: object) -> LambdaSweep | None:
    """The memoised :func:`lambda_sweep` for these arguments, or None (nothing is computed)."""
    hit = _cached(_lambda_cache, lambda_sweep_key(*args))  # type: ignore[arg-type]
    return hit if isinstance(hit, LambdaSweep) else None


def lambda_sweep(dist: Distribution, n: int, seed: int, degree: int, loss: str, delta: float,
                 penalty: str, grid: Sequence[float] = LAMBDA_GRID) -> LambdaSweep:
    """Fit degree ``degree`` to the sample of (n, seed) for every λ in ``grid`` and for λ = 0.

    Each point is the true minimiser of J = R̂ + λP found by :func:`fit` (the same solver as the
    panel's current fit), with R̂ (no penalty), J and the exact expected risk R.  Memoised per
    (distribution, sample, degree, loss, δ, swept penalty): moving λ reuses it.
    """
    key = lambda_sweep_key(dist, n, seed, degree, loss, delta, penalty)
    use_cache = tuple(grid) == LAMBDA_GRID
    if use_cache:
        hit = _cached(_lambda_cache, key)
        if isinstance(hit, LambdaSweep):
            return hit
    swept = swept_penalty(penalty)
    x, y = sample(dist, n, seed)
    lams = np.asarray(grid, dtype=np.float64)
    if loss == "squared" and swept == "l2":
        shared = SquaredFits(x, y, degree)  # one design matrix for every λ
        fits = tuple(shared.fit(degree, swept, float(lam)) for lam in lams)
        zero = shared.fit(degree)
    else:
        fits = tuple(fit(x, y, degree, loss, delta, swept, float(lam)) for lam in lams)
        zero = fit(x, y, degree, loss, delta, "none", 0.0)
    expected = expected_risks([f.legendre for f in fits] + [zero.legendre], dist, loss, delta)
    result = LambdaSweep(swept, lams, fits, np.array([f.train_risk for f in fits]),
                         expected[:-1], np.array([f.objective for f in fits]), zero,
                         float(expected[-1]))
    if use_cache:
        _remember(_lambda_cache, key, result, _LAMBDA_CACHE_SIZE)
    return result


#: Sample sizes of the law-of-large-numbers plot (1-2-5 steps from 2 to 10 000).
SPREAD_GRID: tuple[int, ...] = (2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


@dataclass(frozen=True)
class Spread:
    """Empirical risk of one fixed model over ``repeats`` independent samples of each size.

    ``paths[j, i]`` is the empirical risk of the first ``n[i]`` points of the j-th long sample, so
    each row is one running average; rows are independent, so for every n the column holds
    ``repeats`` independent draws of R̂_n.
    """

    n: Array
    mean: Array
    std: Array
    paths: Array


def spread(model_leg: Array, dist: Distribution, loss: str, delta: float, repeats: int,
           seed: int, grid: Sequence[int] = SPREAD_GRID) -> Spread:
    """Mean and standard deviation (ddof = 1) of R̂_n over ``repeats`` samples, per n in ``grid``.

    One draw of ``repeats`` × max(grid) points; the running means (cumulative sums) give R̂ for
    every n at once.
    """
    grid_arr = np.asarray(grid, dtype=np.intp)
    top = int(grid_arr.max())
    x, y = _spread_draw(dist, repeats, top, seed)
    r = evaluate(model_leg, x)
    np.subtract(y, r, out=r)
    losses = loss_values(r, loss, delta)
    # Sums over the stretches between grid points, then their running totals: the same
    # numbers as a cumulative sum of every loss, without writing a million partial sums.
    starts = np.concatenate([[0], grid_arr[:-1]])
    if np.all(np.diff(grid_arr) > 0) and grid_arr[0] > 0:
        flat = (np.arange(repeats)[:, None] * top + starts[None, :]).ravel()
        pieces = np.add.reduceat(losses.ravel(), flat).reshape(repeats, len(grid_arr))
        running = np.cumsum(pieces, axis=1) / grid_arr[None, :]
    else:
        running = np.cumsum(losses, axis=1)[:, grid_arr - 1] / grid_arr[None, :]
    return Spread(grid_arr.astype(np.float64), running.mean(axis=0),
                  running.std(axis=0, ddof=1), running)


@dataclass(frozen=True)
class SlopeCurves:
    """Risk as a function of the slope a₁ of the current model, the other coefficients fixed.

    ``expected`` is R(a₁) on ``slopes``; ``empirical[j]`` is R̂(a₁) on the j-th independent
    sample of size n; ``minimisers`` are the grid-free minimisers of each empirical curve and
    ``expected_minimiser`` that of R.
    """

    slopes: Array
    expected: Array
    empirical: Array
    minimisers: Array
    expected_minimiser: float


def _with_slope(power: Array, slope: float) -> Array:
    a = np.zeros(max(2, len(power)))
    a[: len(power)] = power
    a[1] = slope
    return power_to_leg(a)


def slope_curves(power: Array, dist: Distribution, loss: str, delta: float, n: int,
                 seed: int, curves: int = 5, points: int = 61, half_width: float = 2.0
                 ) -> SlopeCurves:
    """R(a₁) and R̂(a₁) for ``curves`` samples of size n, a₁ within ±``half_width`` of the
    minimiser of R.  Minimisers are found with a bounded scalar solve (R and R̂ are convex
    in a₁)."""
    power = np.asarray(power, dtype=np.float64)
    rng = np.random.default_rng([seed, 2])
    xs, ys = dist.draw(rng, (curves, n))
    base = np.zeros(max(2, len(power)))
    base[: len(power)] = power
    base_no_slope = base.copy()
    base_no_slope[1] = 0.0
    # residual without the slope term: r(a₁) = r0 − a₁x
    r0 = ys - poly.polyval(xs, base_no_slope)

    if loss == "squared":
        # Both risks are quadratics in a₁: R̂_j = A_j − 2sB_j + s²C_j, R = α − 2sβ + s²γ; the
        # expected one is pinned down exactly by its values at three slopes.
        a_ = np.mean(r0 * r0, axis=1)
        b_ = np.mean(r0 * xs, axis=1)
        c_ = np.mean(xs * xs, axis=1)
        r_m, r_0, r_p = expected_risks([_with_slope(base, s) for s in (-1.0, 0.0, 1.0)], dist,
                                       loss, delta)
        gamma = 0.5 * (r_p + r_m) - r_0
        beta = 0.25 * (r_m - r_p)
        centre = beta / gamma
        slopes = np.linspace(centre - half_width, centre + half_width, points)
        expected = r_0 - 2 * slopes * beta + slopes**2 * gamma
        emp_curves = (a_[:, None] - 2 * slopes[None, :] * b_[:, None]
                      + slopes[None, :] ** 2 * c_[:, None])
        return SlopeCurves(slopes, expected, emp_curves, b_ / c_, float(centre))

    def emp(j: int, s: float) -> float:
        return float(np.mean(loss_values(r0[j] - s * xs[j], loss, delta)))

    def exp_r(s: float) -> float:
        return expected_risk(_with_slope(base, s), dist, loss, delta)

    bracket = (-50.0, 50.0)
    opt = _optimize().minimize_scalar(exp_r, bounds=bracket, method="bounded",
                                   options={"xatol": 1e-10})
    centre = float(opt.x)
    slopes = np.linspace(centre - half_width, centre + half_width, points)
    expected = expected_risks([_with_slope(base, s) for s in slopes], dist, loss, delta)
    emp_curves = loss_values(r0[:, None, :] - slopes[None, :, None] * xs[:, None, :],
                             loss, delta).mean(axis=2)
    mins = np.array([_optimize().minimize_scalar(lambda s, j=j: emp(j, s), bounds=bracket,
                                              method="bounded",
                                              options={"xatol": 1e-10}).x
                     for j in range(curves)])
    return SlopeCurves(slopes, expected, emp_curves, mins, centre)


def _optimize():  # type: ignore[no-untyped-def]
    """scipy.optimize, imported on first use: it costs ~0.4 s and the app creates every
    panel's state at start-up (a cached module lookup afterwards)."""
    from scipy import optimize

    return optimize


#: Largest resampling draw kept for the next model (points; x and y take 16 bytes a point).
SPREAD_DRAW_CACHE_POINTS = 2_000_000


def _spread_draw(dist: Distribution, repeats: int, top: int, seed: int) -> tuple[Array, Array]:
    """The ``repeats`` × ``top`` resampling draw of :func:`spread` for ``seed``.

    It depends on the distribution and the seed but not on the model, so the last one is kept
    (up to :data:`SPREAD_DRAW_CACHE_POINTS`): changing the degree or the loss reuses it instead
    of drawing a million points again.  The same generator calls give the same numbers.
    """
    if repeats * top > SPREAD_DRAW_CACHE_POINTS:
        return dist.draw(np.random.default_rng([seed, 1]), (repeats, top))
    return _spread_draw_cached(dist, repeats, top, seed)


@lru_cache(maxsize=1)
def _spread_draw_cached(dist: Distribution, repeats: int, top: int,
                        seed: int) -> tuple[Array, Array]:
    x, y = dist.draw(np.random.default_rng([seed, 1]), (repeats, top))
    x.setflags(write=False)
    y.setflags(write=False)
    return x, y
