"""The "Likelihood → loss" panel without Qt: its parameters, its numbers, its export.

A small dataset ``points`` (rows x, y; with Bernoulli noise rows x, label with label 0 or 1) and a
line f(x) = w·x + b.  For the chosen noise model the panel computes every point's likelihood,
their product (as a logarithm: it underflows quickly), the negative log-likelihood −ln L and the
loss it reduces to, −ln L = factor · Σ loss + constant, along a grid of w and of b, and the
maximum-likelihood fit.  The maths is in :mod:`losslab.maths.likelihood`; all logs are natural
(nats) unless named log10.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState
from losslab.core.text import Message, message
from losslab.maths import likelihood as lk
from losslab.maths.likelihood import Array, Fit, Noise

MAX_POINTS = 40
COORD_LIMIT = 1000.0
LINE_LIMIT = 100.0
#: Samples of each −ln L curve (over w and over b).
GRID_SAMPLES = 401

#: The default datasets.  Regression: content.md §6's five points with one outlier; Bernoulli:
#: labels that overlap on x, so that the logistic MLE is finite.
REGRESSION_POINTS: tuple[tuple[float, float], ...] = (
    (0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (3.0, 3.0), (4.0, 20.0))
BERNOULLI_POINTS: tuple[tuple[float, float], ...] = (
    (-2.0, 0.0), (-1.0, 0.0), (-0.5, 1.0), (0.0, 0.0), (0.5, 1.0), (1.0, 0.0), (1.5, 1.0),
    (2.5, 1.0))


def default_points(noise: str) -> tuple[tuple[float, float], ...]:
    return BERNOULLI_POINTS if noise == "bernoulli" else REGRESSION_POINTS


class LikelihoodState(PanelState):
    """Parameters of the Likelihood panel."""

    noise = Field(ParamSpec(
        "noise", "Noise model", Kind.CHOICE, "gaussian",
        choices=("gaussian", "laplace", "bernoulli"),
        help="gaussian: y = w·x + b + N(0, σ²); laplace: Laplace noise of scale s; bernoulli: "
        "label 1 with probability σ(w·x + b)",
    ))
    scale = Field(ParamSpec(
        "scale", "Noise scale", Kind.FLOAT, 1.0, 0.01, 100.0, step=0.1, decimals=3,
        help="σ of the Gaussian noise or s of the Laplace noise (unused by bernoulli)",
    ))
    w = Field(ParamSpec(
        "w", "Slope w", Kind.FLOAT, 1.0, -LINE_LIMIT, LINE_LIMIT, step=0.1, decimals=4,
        help="slope of the line f(x) = w·x + b (with bernoulli: of the logit)",
    ))
    b = Field(ParamSpec(
        "b", "Intercept b", Kind.FLOAT, 0.0, -LINE_LIMIT, LINE_LIMIT, step=0.1, decimals=4,
        help="intercept of the line f(x) = w·x + b (with bernoulli: of the logit)",
    ))
    points = Field(ParamSpec(
        "points", "Points", Kind.MATRIX, REGRESSION_POINTS, -COORD_LIMIT, COORD_LIMIT,
        min_len=1, max_len=MAX_POINTS, min_cols=2, max_cols=2,
        help="the dataset, one row x,y per point (with bernoulli: x,label with label 0 or 1)",
    ))

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """Bernoulli points need labels 0 or 1.

        A dataset left at the previous model's default follows a change of ``noise`` to the new
        model's default (under both policies, so ``--set noise=bernoulli`` alone works).  In
        the GUI other labels are repaired: on switching to bernoulli a point above the current
        line becomes label 1, below it 0; an edited point's label rounds (≥ 0.5 → 1).  Strictly
        (CLI, sessions) a label other than 0 or 1 is an error.
        """
        noise = values["noise"]
        points = values["points"]
        if "noise" in touched and "points" not in touched:
            for other in ("gaussian", "bernoulli"):
                if points == default_points(other):
                    points = default_points(noise)
        if noise == "bernoulli":
            bad = [i for i, (_, t) in enumerate(points) if t not in (0.0, 1.0)]
            if bad and not clamp:
                i = bad[0]
                raise ParamError(f"points: row {i} has label {points[i][1]:g}; allowed: labels "
                                 "0 or 1 (rows x,label) when noise=bernoulli")
            if bad:
                by_line = "noise" in touched and "points" not in touched
                w, b = values["w"], values["b"]
                points = tuple(
                    (x, t) if t in (0.0, 1.0) else
                    (x, 1.0 if (t > w * x + b if by_line else t >= 0.5) else 0.0)
                    for x, t in points)
        values["points"] = points
        return values


# ---------------------------------------------------------------------------- the numbers
@dataclass(frozen=True)
class LikelihoodReport:
    """Every number the panel shows, for one state.

    ``log_lik`` are the per-point ln p(yᵢ | xᵢ); ``lik`` the same as probabilities (densities
    for Gaussian and Laplace), NaN where they are below the smallest normal double and can only
    be given by their log.  ``offset`` is the residual rᵢ (regression) or the margin mᵢ = yᵢfᵢ
    (Bernoulli); ``p`` is σ(fᵢ) for Bernoulli (NaN otherwise).  ``grid_w``/``grid_b`` are the
    curves of −ln L and of factor·Σ loss + constant along w (b fixed) and along b (w fixed).
    """

    noise: Noise
    x: Array
    y: Array
    offset: Array
    p: Array
    log_lik: Array
    lik: Array
    loss_terms: Array
    nll: float
    loss_sum: float
    factor: float
    constant: float
    fit: Fit
    grid_w: dict[str, Array]
    grid_b: dict[str, Array]

    @property
    def n(self) -> int:
        return int(self.x.size)

    @property
    def log_likelihood(self) -> float:
        return -self.nll

    @property
    def log10_likelihood(self) -> float:
        return -self.nll / lk.LN10

    @property
    def running_log10(self) -> Array:
        """log10 of the product of the first k likelihoods, k = 1 … n."""
        return np.cumsum(self.log_lik) / lk.LN10

    @property
    def underflows(self) -> bool:
        return bool(np.any(self.log_lik < lk.LN_SMALLEST_NORMAL))


def _probability(log_value: Array | float) -> Array:
    """e^log where that is a normal double, NaN below (reported by the log alone)."""
    v = np.asarray(log_value, dtype=np.float64)
    return np.where(v >= lk.LN_SMALLEST_NORMAL, np.exp(np.maximum(v, lk.LN_SMALLEST_NORMAL)),
                    np.nan)


def data(state: LikelihoodState) -> tuple[Array, Array]:
    a = np.asarray(state.points, dtype=np.float64)
    return a[:, 0].copy(), a[:, 1].copy()


def grid_range(current: float, best: float) -> tuple[float, float]:
    """A range of w (or b) that shows both the current value and the MLE with margins."""
    lo = min(current, best) if math.isfinite(best) else current
    hi = max(current, best) if math.isfinite(best) else current
    pad = max(1.0, 0.3 * (hi - lo))
    return lo - pad, hi + pad


def _grid(noise: Noise, x: Array, y: Array, scale: float, ws: Array, bs: Array
          ) -> dict[str, Array]:
    values, sums = lk.nll_curve(noise, x, y, ws, bs, scale)
    fac, const = lk.factor(noise, scale), lk.constant(noise, scale, x.size)
    return {"nll": values, "loss_sum": sums, "scaled_loss": fac * sums + const}


def compute(state: LikelihoodState) -> LikelihoodReport:
    """All numbers of the panel for the current state."""
    noise: Noise = state.noise
    x, y = data(state)
    w, b, scale = state.w, state.b, state.scale
    terms = lk.loss_terms(noise, x, y, w, b)
    log_lik = lk.log_likelihoods(noise, x, y, w, b, scale)
    if noise == "bernoulli":
        offset = lk.margins(x, y, w, b)
        p = lk.sigmoid(lk.linear(x, w, b))
    else:
        offset = lk.residuals(x, y, w, b)
        p = np.full(x.size, np.nan)
    fit = lk.mle(noise, x, y)
    ws = np.linspace(*grid_range(w, fit.w), GRID_SAMPLES)
    bs = np.linspace(*grid_range(b, fit.b), GRID_SAMPLES)
    grid_w = {"w": ws, **_grid(noise, x, y, scale, ws, np.full_like(ws, b))}
    grid_b = {"b": bs, **_grid(noise, x, y, scale, np.full_like(bs, w), bs)}
    return LikelihoodReport(
        noise=noise, x=x, y=y, offset=offset, p=p, log_lik=log_lik, lik=_probability(log_lik),
        loss_terms=terms, nll=lk.nll(noise, x, y, w, b, scale),
        loss_sum=float(lk.fsum_rows(terms)), factor=lk.factor(noise, scale),
        constant=lk.constant(noise, scale, x.size), fit=fit, grid_w=grid_w, grid_b=grid_b,
    )


#: Why some numbers are missing: English templates in the "likelihood" context.
PROBLEM_TEXTS: dict[str, str] = {
    "underflow": ("Some points lie so far in the tail that their likelihood is below 2.2e-308, "
                  "the smallest normal double: it is given by its logarithm only (the likelihood "
                  "column shows nan)."),
}


def problem(state: LikelihoodState) -> tuple[Message, ...]:
    """Why the likelihood column has NaN entries (nothing when it has none)."""
    if compute(state).underflows:
        return (message("likelihood", PROBLEM_TEXTS["underflow"]),)
    return ()


# ---------------------------------------------------------------------------- export
def _num(v: float) -> float | None:
    return float(v) if math.isfinite(v) else None


def mle_document(r: LikelihoodReport) -> dict[str, Any]:
    """The ``mle`` entry: status, w, b (null when there is no finite MLE), loss at the fit, the
    noise scale's MLE (``sigma`` for Gaussian, ``laplace_scale`` for Laplace) and a message."""
    fit = r.fit
    doc: dict[str, Any] = {"status": fit.status, "w": _num(fit.w), "b": _num(fit.b),
                           "loss_sum": fit.loss_sum,
                           "message": fit.message.english() if fit.message is not None else ""}
    if fit.status == "separable":
        doc["loss_sum"] = None
        doc["loss_sum_infimum"] = 0.0
    else:
        doc["nll_at_mle"] = float(fit.loss_sum * r.factor + r.constant)
    if r.noise == "gaussian":
        doc["sigma"] = fit.scale
    elif r.noise == "laplace":
        doc["laplace_scale"] = fit.scale
    return doc


def summary(state: LikelihoodState) -> dict[str, Any]:
    """JSON export.

    ``nll`` = −ln L at (w, b) in nats; ``log_likelihood``, ``log10_likelihood`` and
    ``likelihood`` (the product itself, null when it is below the smallest normal double);
    ``loss_name``, ``loss_sum``, ``factor`` and ``constant`` with nll = factor·loss_sum +
    constant; ``per_point`` (x, y or label, residual or logit/p/margin, likelihood (null when it
    underflows), log_likelihood, log10_likelihood); ``mle`` (see :func:`mle_document`);
    ``grid`` (w, nll, loss_sum, scaled_loss = factor·loss_sum + constant, at the current b) and
    ``grid_b`` (the same along b at the current w).
    """
    r = compute(state)
    bern = r.noise == "bernoulli"
    per_point = []
    for i in range(r.n):
        item: dict[str, Any] = {"x": float(r.x[i])}
        if bern:
            item["label"] = float(r.y[i])
            item["logit"] = float(lk.linear(r.x[i:i + 1], state.w, state.b)[0])
            item["p"] = float(r.p[i])
            item["margin"] = float(r.offset[i])
        else:
            item["y"] = float(r.y[i])
            item["residual"] = float(r.offset[i])
        item["loss"] = float(r.loss_terms[i])
        item["likelihood"] = _num(float(r.lik[i]))
        item["log_likelihood"] = float(r.log_lik[i])
        item["log10_likelihood"] = float(r.log_lik[i] / lk.LN10)
        per_point.append(item)
    return {
        "params": state.to_dict(),
        "noise": r.noise,
        "n": r.n,
        "nll": r.nll,
        "log_likelihood": r.log_likelihood,
        "log10_likelihood": r.log10_likelihood,
        "likelihood": _num(float(_probability(r.log_likelihood))),
        "loss_name": lk.LOSS_NAMES[r.noise],
        "loss_sum": r.loss_sum,
        "factor": r.factor,
        "constant": r.constant,
        "per_point": per_point,
        "mle": mle_document(r),
        "grid": {k: v.tolist() for k, v in r.grid_w.items()},
        "grid_b": {k: v.tolist() for k, v in r.grid_b.items()},
    }


def table(state: LikelihoodState) -> Table:
    """CSV columns, one row per point: ``x``, ``y`` (or ``label``), ``residual`` (or
    ``margin``), ``likelihood`` (nan below the smallest normal double), ``log_likelihood``."""
    r = compute(state)
    bern = r.noise == "bernoulli"
    return {
        "x": r.x,
        "label" if bern else "y": r.y,
        "margin" if bern else "residual": r.offset,
        "likelihood": r.lik,
        "log_likelihood": r.log_lik,
    }


#: Strings the Qt panel shows from this module, for ``packaging/update_translations.py`` (the
#: fit's messages are declared in :mod:`losslab.maths.likelihood`).
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("likelihood", text) for text in PROBLEM_TEXTS.values())

PANEL = PanelModel(LikelihoodState, table, summary, problem=problem)
