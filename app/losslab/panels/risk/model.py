"""The Risk lab panel without Qt: its parameters, its numbers and its export.

The data come from a distribution known exactly (see :mod:`losslab.maths.risk`): x uniform on
[−1, 1], y = f(x) + ε.  A polynomial of degree ``degree`` is fitted to a sample of size ``n`` by
minimising the empirical risk under ``loss`` plus λ times a penalty — or, when ``coefficients``
is not empty, that polynomial (power basis, lowest power first) is used as given.

Shown and exported:

* ``train_risk``: the mean loss on the sample (no penalty);
* ``expected_risk``: the mean loss over the whole distribution, computed exactly (closed form in
  the noise, adaptive quadrature in x) — what the fit really costs on new data;
* ``objective``: train risk + λ·penalty, the number the fit minimises;
* ``degree_sweep``: train and expected risk of the fit of every degree 0 … 15 (overfitting: the
  first falls, the second is U-shaped);
* ``lambda_sweep``: train, expected and objective risk of the fit of the current degree for
  every λ on a log grid from 10⁻⁵ to 10, and at λ = 0 (with no penalty chosen, the sweep uses
  L2 to show what a penalty would do);
* ``spread``: mean and standard deviation of the empirical risk of the current, fixed model over
  ``repeats`` samples of each size n on a grid (the law of large numbers: it shrinks like 1/√n
  onto the expected risk).

The loose saying "expected risk = empirical risk + structural risk" is not an identity: the
expected risk is the average loss over the distribution; structural risk minimisation minimises
empirical risk + a penalty *as a stand-in* for it, because the distribution is unknown.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamSpec
from losslab.core.state import Field, PanelState
from losslab.maths import risk as rk
from losslab.maths.risk import Array

MAX_N = 10_000
MAX_COEFFICIENT = 1000.0


class RiskState(PanelState):
    """Parameters of the Risk lab panel."""

    target = Field(ParamSpec(
        "target", "True function", Kind.CHOICE, "sine", choices=rk.TARGETS,
        help="line: f(x) = 2x; sine: f(x) = sin(πx)",
    ))
    noise = Field(ParamSpec(
        "noise", "Noise", Kind.CHOICE, "gaussian", choices=rk.NOISES,
        help="gaussian: N(0, σ²); laplace: Laplace with standard deviation σ (scale σ/√2)",
    ))
    sigma = Field(ParamSpec(
        "sigma", "Noise σ", Kind.FLOAT, 0.5, 0.0, 2.0, step=0.05, decimals=3,
        help="standard deviation of the noise added to f(x)",
    ))
    n = Field(ParamSpec(
        "n", "Sample size n", Kind.INT, 20, 2, MAX_N, step=1,
        help="number of points in the training sample",
    ))
    degree = Field(ParamSpec(
        "degree", "Degree d", Kind.INT, 3, 0, rk.MAX_DEGREE, step=1,
        help="degree of the fitted polynomial",
    ))
    loss = Field(ParamSpec(
        "loss", "Loss", Kind.CHOICE, "squared", choices=rk.LOSS_KEYS,
        help="the loss whose average is the risk: squared r², absolute |r| or Huber",
    ))
    huber_delta = Field(ParamSpec(
        "huber_delta", "Huber δ", Kind.FLOAT, 1.0, 0.05, 5.0, step=0.05, decimals=2,
        help="where the Huber loss turns from quadratic to linear",
    ))
    penalty = Field(ParamSpec(
        "penalty", "Penalty", Kind.CHOICE, "none", choices=rk.PENALTIES,
        help="regulariser added to the empirical risk: none, λΣ|a_k| (l1) or λΣa_k² (l2), "
        "over every coefficient but the constant",
    ))
    lam = Field(ParamSpec(
        "lam", "Penalty λ", Kind.FLOAT, 0.001, 0.0, 10.0, step=0.001, decimals=5,
        help="weight of the penalty",
    ))
    seed = Field(ParamSpec(
        "seed", "Seed", Kind.INT, 1, 0, 1_000_000, step=1,
        help="which random sample is drawn (Resample picks the next seed)",
    ))
    coefficients = Field(ParamSpec(
        "coefficients", "Own model", Kind.FLOATS, (), -MAX_COEFFICIENT, MAX_COEFFICIENT,
        min_len=0, max_len=rk.MAX_DEGREE + 1,
        help="a polynomial of your own, lowest power first (e.g. 0,1 is y = x); empty: the "
        "fitted polynomial",
    ))
    repeats = Field(ParamSpec(
        "repeats", "Resamples", Kind.INT, 100, 2, 1000, step=10,
        help="how many independent samples of each size the spread of the empirical risk uses",
    ))


def distribution(state: RiskState) -> rk.Distribution:
    """The distribution the state describes."""
    return rk.Distribution(state.target, state.noise, float(state.sigma))


def the_sample(state: RiskState) -> tuple[Array, Array]:
    """The training sample (x, y) of size n for the state's seed."""
    return _sample(distribution(state), state.n, state.seed)


@lru_cache(maxsize=8)
def _sample(dist: rk.Distribution, n: int, seed: int) -> tuple[Array, Array]:
    x, y = rk.sample(dist, n, seed)
    x.setflags(write=False)
    y.setflags(write=False)
    return x, y


def _penalty_args(state: RiskState) -> tuple[str, float]:
    return state.penalty, float(state.lam) if state.penalty != "none" else 0.0


def sweep(state: RiskState) -> rk.DegreeSweep:
    """Fits of every degree on the current sample (memoised per distribution, sample, loss and
    penalty, so moving the degree or the own model reuses it)."""
    return rk.degree_sweep(*degree_sweep_args(state))  # type: ignore[arg-type]


def lambda_sweep_args(state: RiskState) -> tuple[object, ...]:
    """The arguments of :func:`losslab.maths.risk.lambda_sweep` for the state (it does not
    depend on λ itself, so moving λ reuses it)."""
    return (distribution(state), state.n, state.seed, state.degree, state.loss,
            float(state.huber_delta), state.penalty)


def lambda_sweep(state: RiskState) -> rk.LambdaSweep:
    """Fits of the current degree for every λ on the grid and at λ = 0 (memoised per
    distribution, sample, degree, loss and penalty)."""
    return rk.lambda_sweep(*lambda_sweep_args(state))  # type: ignore[arg-type]


def degree_sweep_args(state: RiskState) -> tuple[object, ...]:
    """The arguments of :func:`losslab.maths.risk.degree_sweep` for the state."""
    penalty, lam = _penalty_args(state)
    return (distribution(state), state.n, state.seed, state.loss, float(state.huber_delta),
            penalty, lam)


def uses_own_model(state: RiskState) -> bool:
    """True when the given coefficients replace the fitted polynomial."""
    return len(state.coefficients) > 0


def current_fit(state: RiskState) -> rk.Fit:
    """The fit of the current degree: read from the degree sweep when that is computed, else
    fitted alone (the same call :func:`losslab.maths.risk.degree_sweep` makes for it, so the
    same minimiser) — a new sample need not wait for the fits of every other degree."""
    s = rk.cached_degree_sweep(*degree_sweep_args(state))
    if s is not None:
        return s.fits[state.degree]
    penalty, lam = _penalty_args(state)
    return _single_fit(distribution(state), state.n, state.seed, state.degree, state.loss,
                       float(state.huber_delta), penalty, lam)


@lru_cache(maxsize=16)
def _single_fit(dist: rk.Distribution, n: int, seed: int, degree: int, loss: str,
                delta: float, penalty: str, lam: float) -> rk.Fit:
    x, y = _sample(dist, n, seed)
    return rk.fit(x, y, degree, loss, delta, penalty, lam)


def current_legendre(state: RiskState) -> Array:
    """The evaluated model in the Legendre basis: the own polynomial or the fit of ``degree``."""
    if uses_own_model(state):
        return rk.power_to_leg(np.asarray(state.coefficients, dtype=np.float64))
    return current_fit(state).legendre


def current_power(state: RiskState) -> Array:
    """The evaluated model's power-basis coefficients, lowest first (as given for an own one)."""
    if uses_own_model(state):
        return np.asarray(state.coefficients, dtype=np.float64)
    return current_fit(state).power


def readout(state: RiskState) -> dict[str, float]:
    """train_risk, expected_risk and objective of the evaluated model."""
    dist = distribution(state)
    x, y = the_sample(state)
    c = current_legendre(state)
    delta = float(state.huber_delta)
    penalty, lam = _penalty_args(state)
    if uses_own_model(state):
        train = rk.empirical_risk(c, x, y, state.loss, delta)
        expected = _expected(dist, state.loss, delta, tuple(state.coefficients))
        objective = train + (lam * rk.penalty_value(current_power(state), penalty)
                             if penalty != "none" else 0.0)
        return {"train_risk": train, "expected_risk": expected, "objective": objective}
    s = rk.cached_degree_sweep(*degree_sweep_args(state))
    if s is not None:
        return {"train_risk": float(s.train_risk[state.degree]),
                "expected_risk": float(s.expected_risk[state.degree]),
                "objective": float(s.objective[state.degree])}
    f = current_fit(state)
    return {"train_risk": f.train_risk,
            "expected_risk": _expected_leg(dist, state.loss, delta, tuple(f.legendre.tolist())),
            "objective": f.objective}


@lru_cache(maxsize=32)
def _expected_leg(dist: rk.Distribution, loss: str, delta: float,
                  legendre: tuple[float, ...]) -> float:
    return rk.expected_risk(np.asarray(legendre), dist, loss, delta)


@lru_cache(maxsize=32)
def _expected(dist: rk.Distribution, loss: str, delta: float,
              coefficients: tuple[float, ...]) -> float:
    return rk.expected_risk(rk.power_to_leg(np.asarray(coefficients)), dist, loss, delta)


def spread_args(state: RiskState) -> tuple[Any, ...]:
    """What :func:`spread` depends on (a hashable key; the model as Legendre coefficients)."""
    return (distribution(state), state.loss, float(state.huber_delta),
            tuple(current_legendre(state).tolist()), state.repeats, state.seed)


def spread(state: RiskState) -> rk.Spread:
    """Empirical risk of the evaluated model over ``repeats`` samples per n on the grid."""
    return spread_of(*spread_args(state))


def spread_of(*args: Any) -> rk.Spread:
    """:func:`spread` for arguments from :func:`spread_args` (memoised)."""
    return _spread(*args)


# 32: every degree's fit of the current sample (and a few own models) stays memoised, so moving
# the degree back and forth reuses what was computed for it.
@lru_cache(maxsize=32)
def _spread(dist: rk.Distribution, loss: str, delta: float, model: tuple[float, ...],
            repeats: int, seed: int) -> rk.Spread:
    return rk.spread(np.asarray(model), dist, loss, delta, repeats, seed)


def slope_args(state: RiskState) -> tuple[Any, ...]:
    """What :func:`slope_curves` depends on (a hashable key)."""
    return (distribution(state), state.loss, float(state.huber_delta),
            tuple(current_power(state).tolist()), state.n, state.seed)


def slope_curves(state: RiskState) -> rk.SlopeCurves:
    """R and R̂ as functions of the slope a₁ of the evaluated model (5 samples of size n)."""
    return slope_curves_of(*slope_args(state))


def slope_curves_of(*args: Any) -> rk.SlopeCurves:
    """:func:`slope_curves` for arguments from :func:`slope_args` (memoised)."""
    return _slopes(*args)


@lru_cache(maxsize=32)
def _slopes(dist: rk.Distribution, loss: str, delta: float, power: tuple[float, ...], n: int,
            seed: int) -> rk.SlopeCurves:
    return rk.slope_curves(np.asarray(power), dist, loss, delta, n, seed)


def table(state: RiskState) -> Table:
    """CSV: one row per degree 0 … 15 of the fitted polynomial: ``degree``, ``train_risk``,
    ``expected_risk``, ``objective``."""
    s = sweep(state)
    return {"degree": s.degrees, "train_risk": s.train_risk, "expected_risk": s.expected_risk,
            "objective": s.objective}


def summary(state: RiskState) -> dict[str, Any]:
    """JSON export: ``params``, ``distribution`` {target, noise, sigma, laplace_scale (laplace
    only)}, ``sample`` {x, y}, ``model`` ("fitted" or "own"), ``coefficients`` (power basis,
    lowest first), ``train_risk``, ``expected_risk``, ``objective``, ``fit`` {method, kkt_ok},
    ``degree_sweep`` [{degree, train_risk, expected_risk, objective}], ``lambda_sweep``
    {degree, penalty (the one swept: the state's, or "l2" when it has none), points [{lam,
    train_risk, expected_risk, objective}] with λ = 0 first}, ``spread`` [{n, mean, std}] with
    ``repeats``."""
    dist = distribution(state)
    x, y = the_sample(state)
    s = sweep(state)
    sp = spread(state)
    dist_doc: dict[str, Any] = {"target": dist.target, "noise": dist.noise, "sigma": dist.sigma}
    if dist.noise == "laplace":
        dist_doc["laplace_scale"] = dist.laplace_scale
    own = uses_own_model(state)
    doc: dict[str, Any] = {
        "params": state.to_dict(),
        "distribution": dist_doc,
        "sample": {"x": x.tolist(), "y": y.tolist()},
        "model": "own" if own else "fitted",
        "coefficients": current_power(state).tolist(),
        **readout(state),
    }
    if not own:
        f = current_fit(state)
        doc["fit"] = {"method": f.method, "kkt_ok": f.kkt_ok}
    doc["degree_sweep"] = [
        {"degree": int(d), "train_risk": float(t), "expected_risk": float(e),
         "objective": float(o)}
        for d, t, e, o in zip(s.degrees, s.train_risk, s.expected_risk, s.objective, strict=True)
    ]
    ls = lambda_sweep(state)
    zero = ls.zero
    doc["lambda_sweep"] = {
        "degree": state.degree,
        "penalty": ls.penalty,
        "points": [{"lam": 0.0, "train_risk": zero.train_risk,
                    "expected_risk": ls.zero_expected_risk, "objective": zero.objective}] + [
            {"lam": float(lam), "train_risk": float(t), "expected_risk": float(e),
             "objective": float(o)}
            for lam, t, e, o in zip(ls.lams, ls.train_risk, ls.expected_risk, ls.objective,
                                    strict=True)],
    }
    doc["spread"] = [{"n": int(n), "mean": float(m), "std": float(sd)}
                     for n, m, sd in zip(sp.n, sp.mean, sp.std, strict=True)]
    doc["repeats"] = state.repeats
    return doc


PANEL = PanelModel(RiskState, table, summary)
