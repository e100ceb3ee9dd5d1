"""Maximum likelihood and the losses it turns into (Qt-free).

A model predicts f(x) = w·x + b.  Three noise models say how an observation comes out of f:

* **Gaussian** with standard deviation σ: y = f(x) + ε, ε ~ N(0, σ²).  The density of one
  observation is p(y | x) = exp(−r²/(2σ²)) / (σ√(2π)) with the residual r = y − f(x), so

      −ln L = (1/(2σ²)) · Σ rᵢ²  +  n · ln(σ√(2π)).

* **Laplace** with scale s (often written b): p(y | x) = exp(−|r|/s) / (2s), so

      −ln L = (1/s) · Σ |rᵢ|  +  n · ln(2s).

* **Bernoulli** with a sigmoid link: the label t ∈ {0, 1} is 1 with probability p = σ(f) =
  1 / (1 + e^(−f)).  With the sign label yᵢ = 2tᵢ − 1 both cases read p(tᵢ) = σ(yᵢ fᵢ), so

      −ln L = Σ ln(1 + e^(−yᵢ fᵢ)),

  which is the binary cross-entropy with 0/1 labels and the logistic loss of the margin
  mᵢ = yᵢ fᵢ with ±1 labels: one function under two names.

In each case −ln L = factor · (loss sum) + constant with factor > 0 and a constant that does not
depend on w and b, so maximising the likelihood and minimising the loss pick the same line.

Numerics: everything is computed from log-densities (a density far in the tail underflows to 0,
its logarithm does not); ln(1 + e^z) is ``numpy.logaddexp(0, z)``; residuals are computed with an
error-free product so that y ≈ w·x + b does not lose digits.  All logarithms are natural (nats).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from losslab.core.text import Message, message
from losslab.maths.activations import sigmoid

Array = NDArray[np.float64]
Noise = Literal["gaussian", "laplace", "bernoulli"]
NOISES: tuple[Noise, ...] = ("gaussian", "laplace", "bernoulli")

#: ln √(2π): the Gaussian normalising constant for σ = 1.
LN_SQRT_2PI = 0.5 * math.log(2.0 * math.pi)
#: Natural log of the smallest positive *normal* double.  Below it a probability can only be
#: stored as a subnormal number with fewer significant digits, so it is reported by its log.
LN_SMALLEST_NORMAL = math.log(np.finfo(np.float64).tiny)
LN10 = math.log(10.0)

#: The loss each noise model turns into (JSON ``loss_name``).
LOSS_NAMES: dict[str, str] = {"gaussian": "squared", "laplace": "absolute",
                              "bernoulli": "logistic"}


# ---------------------------------------------------------------------------- exact residuals
_SPLIT = 134217729.0  # 2^27 + 1, Veltkamp's splitting constant for doubles


def _two_product(a: Array, b: Array | float) -> tuple[Array, Array]:
    """a·b = hi + lo exactly (Dekker), elementwise; valid while |a|, |b| < 1e300."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    hi = a * b
    ca = _SPLIT * a
    a_hi = ca - (ca - a)
    a_lo = a - a_hi
    cb = _SPLIT * b
    b_hi = cb - (cb - b)
    b_lo = b - b_hi
    lo = ((a_hi * b_hi - hi) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
    return hi, lo


def _two_sum(a: Array, b: Array) -> tuple[Array, Array]:
    """a + b = s + e exactly (Knuth), elementwise."""
    s = a + b
    bb = s - a
    e = (a - (s - bb)) + (b - bb)
    return s, e


def linear(x: Array, w: float | Array, b: float | Array) -> Array:
    """f = w·x + b, with the product kept exact until the final rounding."""
    hi, lo = _two_product(np.asarray(x, dtype=np.float64), w)
    s, e = _two_sum(hi, np.broadcast_to(np.asarray(b, dtype=np.float64), hi.shape))
    return s + (e + lo)


def residuals(x: Array, y: Array, w: float | Array, b: float | Array) -> Array:
    """rᵢ = yᵢ − (w·xᵢ + b), correctly rounded up to a relative error of about 2⁻⁵² even when
    the prediction nearly equals y (the product w·x is split exactly, the sum compensated)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    hi, lo = _two_product(x, w)
    s1, e1 = _two_sum(y, -hi)
    s2, e2 = _two_sum(s1, -np.broadcast_to(np.asarray(b, dtype=np.float64), s1.shape))
    return s2 + ((e1 + e2) - lo)


def signs(labels: Array) -> Array:
    """yᵢ = 2tᵢ − 1: the ±1 form of 0/1 labels."""
    return 2.0 * np.asarray(labels, dtype=np.float64) - 1.0


def margins(x: Array, labels: Array, w: float | Array, b: float | Array) -> Array:
    """mᵢ = yᵢ · fᵢ with yᵢ = 2tᵢ − 1 and fᵢ = w·xᵢ + b (the logit)."""
    return signs(labels) * linear(x, w, b) + 0.0  # + 0.0: a margin of −0 is shown as 0


# ---------------------------------------------------------------------------- per point
def log_likelihoods(noise: Noise, x: Array, y: Array, w: float, b: float,
                    scale: float) -> Array:
    """ln p(yᵢ | xᵢ) for every point, in nats.

    Gaussian: −rᵢ²/(2σ²) − ln(σ√(2π)); Laplace: −|rᵢ|/s − ln(2s); Bernoulli (y holds the 0/1
    labels): −ln(1 + e^(−mᵢ)) with the margin mᵢ (``scale`` is ignored).
    """
    return -(factor(noise, scale) * loss_terms(noise, x, y, w, b)
             + constant(noise, scale, 1))


def loss_terms(noise: Noise, x: Array, y: Array, w: float | Array,
               b: float | Array) -> Array:
    """The loss of each point: rᵢ² (Gaussian), |rᵢ| (Laplace) or ln(1 + e^(−mᵢ)) (Bernoulli).

    ``w`` and ``b`` may be arrays broadcasting against ``x`` (a grid of lines at once).
    """
    if noise == "bernoulli":
        return np.logaddexp(0.0, -margins(x, y, w, b))
    r = residuals(x, y, w, b)
    return r * r if noise == "gaussian" else np.abs(r)


def factor(noise: Noise, scale: float) -> float:
    """The positive factor in −ln L = factor · Σ loss + constant: 1/(2σ²), 1/s or 1."""
    if noise == "gaussian":
        return 1.0 / (2.0 * scale * scale)
    if noise == "laplace":
        return 1.0 / scale
    return 1.0


def constant(noise: Noise, scale: float, n: int) -> float:
    """The constant in −ln L = factor · Σ loss + constant: n·ln(σ√(2π)), n·ln(2s) or 0."""
    if noise == "gaussian":
        return n * (math.log(scale) + LN_SQRT_2PI)
    if noise == "laplace":
        return n * math.log(2.0 * scale)
    return 0.0


def fsum_rows(a: Array) -> Array:
    """Correctly rounded sum along the last axis (math.fsum per row)."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1:
        return np.asarray(math.fsum(a.tolist()))
    return np.array([math.fsum(row) for row in a.reshape(-1, a.shape[-1]).tolist()]
                    ).reshape(a.shape[:-1])


def nll(noise: Noise, x: Array, y: Array, w: float, b: float, scale: float) -> float:
    """−ln L(w, b) = −Σ ln p(yᵢ | xᵢ), in nats."""
    return -float(fsum_rows(log_likelihoods(noise, x, y, w, b, scale)))


# ---------------------------------------------------------------------------- curves
def nll_curve(noise: Noise, x: Array, y: Array, ws: Array, bs: Array, scale: float
              ) -> tuple[Array, Array]:
    """−ln L and Σ loss along a set of lines (ws[k], bs[k]).  Returns (nll, loss_sum)."""
    ws = np.asarray(ws, dtype=np.float64)[:, None]
    bs = np.asarray(bs, dtype=np.float64)[:, None]
    terms = loss_terms(noise, np.asarray(x)[None, :], np.asarray(y)[None, :], ws, bs)
    fac = factor(noise, scale)
    c1 = constant(noise, scale, 1)
    values = fsum_rows(fac * terms + c1)
    return values, fsum_rows(terms)


# ---------------------------------------------------------------------------- fits
Status = Literal["ok", "not_unique", "separable", "empty"]


@dataclass(frozen=True)
class Fit:
    """A maximum-likelihood fit.

    Attributes:
        status: ``ok`` (a finite optimum), ``not_unique`` (finite but a whole family of lines is
            optimal, e.g. every x equal; one of them is given), ``separable`` (Bernoulli data
            that a threshold separates: the likelihood approaches 1 as |w| → ∞ and no finite
            (w, b) attains it).
        w, b: the fitted line (NaN when there is none).
        loss_sum: Σ loss at the fit (the least-squares, least-absolute or logistic objective).
        scale: the MLE of the noise scale (σ̂ = √(mean r²) or ŝ = mean |r|; NaN for Bernoulli).
        message: one sentence about anything unusual (None otherwise).
    """

    status: Status
    w: float
    b: float
    loss_sum: float
    scale: float = math.nan
    message: Message | None = None


#: Messages of :class:`Fit`: English templates in the "likelihood" context.
FIT_MESSAGES: dict[str, str] = {
    "same_x": ("Every point has the same x, so the slope is not determined: any line through "
               "the fitted height at that x is equally good."),
    "separable": ("The labels are separated by a threshold on x, so the likelihood keeps "
                  "growing as |w| → ∞: there is no finite maximum-likelihood line."),
    "one_class": ("Every label is the same, so the likelihood keeps growing as b → ±∞: there "
                  "is no finite maximum-likelihood line."),
    "zero_scale": ("Every point lies on the fitted line, so the likelihood grows without bound "
                   "as the scale shrinks to 0."),
}

#: Strings this module produces for people, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("likelihood", text) for text in FIT_MESSAGES.values())


def fit_message(key: str) -> Message:
    """The :class:`Fit` message ``key`` of :data:`FIT_MESSAGES`."""
    return message("likelihood", FIT_MESSAGES[key])


def least_squares(x: Array, y: Array) -> Fit:
    """Gaussian MLE = ordinary least squares, with σ̂² = mean rᵢ² (the MLE divides by n).

    Closed form: w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², b = ȳ − w·x̄.
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    xm = math.fsum(x.tolist()) / x.size
    ym = math.fsum(y.tolist()) / y.size
    dx, dy = x - xm, y - ym
    sxx = math.fsum((dx * dx).tolist())
    status: Status = "ok"
    why: Message | None = None
    if sxx == 0.0:
        w, status, why = 0.0, "not_unique", fit_message("same_x")
    else:
        w = math.fsum((dx * dy).tolist()) / sxx
    b = ym - w * xm
    loss = float(fsum_rows(loss_terms("gaussian", x, y, w, b)))
    sigma = math.sqrt(loss / x.size)
    if sigma == 0.0 and why is None:
        why = fit_message("zero_scale")
    return Fit(status, w, b, loss, sigma, why)


def least_absolute(x: Array, y: Array) -> Fit:
    """Laplace MLE = least absolute deviations, with ŝ = mean |rᵢ|.

    Solved as the linear programme  min Σ (uᵢ + vᵢ)  subject to  w·xᵢ + b + uᵢ − vᵢ = yᵢ,
    uᵢ, vᵢ ≥ 0  with HiGHS; then polished: an optimal vertex is a line through two data points
    (or, with every x equal, a median), so the lines through pairs of points that the solver's
    line nearly passes through are re-solved exactly and the best one kept.
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = x.size
    if np.all(x == x[0]):
        b = float(np.median(y))
        loss = float(fsum_rows(np.abs(y - b)))
        return Fit("not_unique" if n > 1 else "ok", 0.0, b, loss, loss / n,
                   fit_message("same_x") if n > 1 else None)
    # Scale the problem so HiGHS's absolute tolerances mean the same thing for any data.
    sx = float(np.max(np.abs(x))) or 1.0
    sy = float(np.max(np.abs(y))) or 1.0
    eye = np.eye(n)
    a_eq = np.hstack([(x / sx)[:, None], np.ones((n, 1)), eye, -eye])
    cost = np.concatenate([[0.0, 0.0], np.ones(2 * n)])
    bounds = [(None, None), (None, None)] + [(0.0, None)] * (2 * n)
    # Imported here: scipy.optimize costs ~0.3 s and start-up creates this panel's state.
    from scipy.optimize import linprog

    res = linprog(cost, A_eq=a_eq, b_eq=y / sy, bounds=bounds, method="highs")
    if res.status != 0:  # pragma: no cover - the LP is always feasible and bounded
        raise RuntimeError(f"least-absolute LP failed: {res.message}")
    w0, b0 = float(res.x[0]) * sy / sx, float(res.x[1]) * sy
    best = (float(fsum_rows(np.abs(residuals(x, y, w0, b0)))), w0, b0)
    # Candidate exact vertices: pairs among the points closest to the solver's line.
    r0 = np.abs(residuals(x, y, w0, b0))
    close = list(np.argsort(r0, kind="stable")[: min(n, 6)])
    for i in close:
        for j in close:
            if i < j and x[i] != x[j]:
                w = (y[j] - y[i]) / (x[j] - x[i])
                b = y[i] - w * x[i]
                loss = float(fsum_rows(np.abs(residuals(x, y, w, b))))
                if loss <= best[0]:
                    best = (loss, float(w), float(b))
    loss, w, b = best
    scale = loss / n
    return Fit("ok", w, b, loss, scale, fit_message("zero_scale") if scale == 0.0 else None)


def separation(x: Array, labels: Array) -> str:
    """Why Bernoulli data have no finite MLE: ``one_class``, ``separable`` or "" (they have one).

    With one feature, the likelihood has a finite maximum exactly when the two classes overlap
    on x: some label-0 point lies strictly right of some label-1 point *and* some label-1 point
    strictly right of some label-0 point.  Otherwise a threshold separates them (perhaps with
    ties on the threshold: quasi-complete separation), and the likelihood climbs as |w| → ∞.
    Every x equal with both labels present is the exception: the slope is then free, not
    infinite (reported by :func:`logistic` as ``not_unique``).
    """
    x = np.asarray(x, dtype=np.float64)
    t = np.asarray(labels, dtype=np.float64)
    ones, zeros = x[t == 1.0], x[t == 0.0]
    if ones.size == 0 or zeros.size == 0:
        return "one_class"
    if np.all(x == x[0]):
        return ""
    if zeros.max() <= ones.min() or ones.max() <= zeros.min():
        return "separable"
    return ""


def logistic(x: Array, labels: Array) -> Fit:
    """Bernoulli MLE = logistic regression, by Newton's method with step halving.

    Gradient of −ln L: g = Σ (σ(fᵢ) − tᵢ)·(xᵢ, 1); Hessian: H = Σ σ(fᵢ)(1 − σ(fᵢ))·(xᵢ, 1)ᵀ(xᵢ, 1).
    The objective is convex; when the data overlap it is strictly convex with a unique finite
    minimiser, which Newton's method reaches to machine precision.
    """
    x = np.asarray(x, dtype=np.float64)
    t = np.asarray(labels, dtype=np.float64)
    why = separation(x, t)
    if why:
        return Fit("separable", math.nan, math.nan, 0.0, math.nan, fit_message(why))
    if np.all(x == x[0]):
        mean = float(t.mean())
        b = math.log(mean) - math.log1p(-mean)
        loss = float(fsum_rows(loss_terms("bernoulli", x, t, 0.0, b)))
        return Fit("not_unique", 0.0, b, loss, math.nan, fit_message("same_x"))
    # Centre and scale x so the Hessian is well conditioned; map back at the end.
    xm = float(x.mean())
    xs = float(np.std(x)) or 1.0
    z = (x - xm) / xs
    design = np.stack([z, np.ones_like(z)], axis=1)
    mean = float(t.mean())
    theta = np.array([0.0, math.log(mean) - math.log1p(-mean)])

    def objective(th: Array) -> float:
        return float(fsum_rows(np.logaddexp(0.0, -signs(t) * (design @ th))))

    value = objective(theta)
    for _ in range(200):
        f = design @ theta
        p = sigmoid(f)
        grad = design.T @ (p - t)
        hess = (design * (p * (1.0 - p))[:, None]).T @ design
        try:
            step = np.linalg.solve(hess, grad)
        except np.linalg.LinAlgError:
            # Every σ(f)(1 − σ(f)) underflowed on the way (points 1e-190 apart, far-out f): the
            # least-squares Newton step, and plain gradient descent if even that fails.
            step = np.linalg.lstsq(hess, grad, rcond=None)[0]
        if not np.all(np.isfinite(step)) or not np.any(step):
            step = grad
        size = 1.0
        while True:
            trial = theta - size * step
            trial_value = objective(trial)
            if trial_value <= value or size < 1e-10:
                break
            size *= 0.5
        done = np.all(np.abs(size * step) <= 1e-15 * np.maximum(1.0, np.abs(theta)))
        theta, value = trial, trial_value
        if done:
            break
    w = float(theta[0] / xs)
    b = float(theta[1] - theta[0] * xm / xs)
    loss = float(fsum_rows(loss_terms("bernoulli", x, t, w, b)))
    return Fit("ok", w, b, loss)


def mle(noise: Noise, x: Array, y: Array) -> Fit:
    """The maximum-likelihood line of ``noise``: least squares, least absolute or logistic."""
    if noise == "gaussian":
        return least_squares(x, y)
    if noise == "laplace":
        return least_absolute(x, y)
    return logistic(x, y)
