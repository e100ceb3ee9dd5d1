"""Loss functions of one variable, their exact derivatives, and a registry describing them.

Classification losses are written as functions of the **margin** m = y·f(x) with labels
y ∈ {−1, +1}: m > 0 means the example is on the right side of the decision boundary, and the
larger m the more confidently right.  Regression losses are functions of the **residual**
r = y − f(x), the signed error of a prediction.

Every function takes a numpy array (any shape) and returns an array of the same shape, in units of
"loss" (dimensionless; the logistic loss is in nats for base e and in bits for base 2).
Derivatives are taken with respect to m or r.  Where a loss has a kink the derivative returned
there is one valid subgradient, and the convention is stated in each docstring.

All functions are written to stay finite and warning-free over the whole float64 range wherever
the true value is representable (``logaddexp`` instead of ``log(1 + exp(...))`` and so on).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]
Family = Literal["margin", "residual"]
LN2 = math.log(2.0)


def _arr(x: ArrayLike) -> Array:
    return np.asarray(x, dtype=np.float64)


# ---------------------------------------------------------------------- margin losses
def zero_one(m: ArrayLike) -> Array:
    """0-1 loss: 1 if m ≤ 0 else 0.  The error count itself; flat almost everywhere."""
    return np.where(_arr(m) <= 0.0, 1.0, 0.0)


def d_zero_one(m: ArrayLike) -> Array:
    """Derivative of the 0-1 loss: 0 wherever it exists (a step at m = 0, where 0 is reported)."""
    return np.zeros_like(_arr(m))


def hinge(m: ArrayLike) -> Array:
    """Hinge loss: max(0, 1 − m)."""
    return np.maximum(0.0, 1.0 - _arr(m))


def d_hinge(m: ArrayLike) -> Array:
    """−1 for m < 1, 0 for m ≥ 1 (at the kink m = 1 the subgradient 0 is reported)."""
    return np.where(_arr(m) < 1.0, -1.0, 0.0)


def squared_hinge(m: ArrayLike) -> Array:
    """Squared hinge loss: max(0, 1 − m)²."""
    return np.maximum(0.0, 1.0 - _arr(m)) ** 2


def d_squared_hinge(m: ArrayLike) -> Array:
    """−2·max(0, 1 − m); continuous, so no kink."""
    return -2.0 * np.maximum(0.0, 1.0 - _arr(m))


def perceptron(m: ArrayLike) -> Array:
    """Perceptron loss: max(0, −m)."""
    return np.maximum(0.0, -_arr(m))


def d_perceptron(m: ArrayLike) -> Array:
    """−1 for m < 0, 0 for m ≥ 0 (subgradient 0 at the kink m = 0)."""
    return np.where(_arr(m) < 0.0, -1.0, 0.0)


def logistic(m: ArrayLike, base: float = math.e) -> Array:
    """Logistic (log) loss: log_base(1 + e^(−m)).

    Computed as ``logaddexp(0, −m) / ln(base)``, which is exact for large |m| (≈ −m/ln base for
    m → −∞, ≈ e^(−m)/ln base for m → +∞; 4.2e-18 at m = 40, not 0).  With base 2 the curve
    passes through (0, 1) and lies above the 0-1 loss everywhere.
    """
    return np.logaddexp(0.0, -_arr(m)) / math.log(base)


def d_logistic(m: ArrayLike, base: float = math.e) -> Array:
    """−σ(−m)/ln(base) = −1/((1 + e^m)·ln base), via ``exp(−logaddexp(0, m))`` (no overflow)."""
    return -np.exp(-np.logaddexp(0.0, _arr(m))) / math.log(base)


def exponential(m: ArrayLike) -> Array:
    """Exponential loss: e^(−m).  Overflows to +inf (silently) only for m < −709."""
    with np.errstate(over="ignore"):
        return np.exp(-_arr(m))


def d_exponential(m: ArrayLike) -> Array:
    """−e^(−m)."""
    with np.errstate(over="ignore"):
        return -np.exp(-_arr(m))


def modified_huber(m: ArrayLike) -> Array:
    """Modified Huber: max(0, 1 − m)² for m ≥ −1, −4m below (the two pieces meet at m = −1)."""
    m = _arr(m)
    # Each branch only sees the inputs it can be chosen for, so the unused one cannot overflow.
    return np.where(m >= -1.0, np.maximum(0.0, 1.0 - np.maximum(m, -1.0)) ** 2,
                    -4.0 * np.minimum(m, -1.0))


def d_modified_huber(m: ArrayLike) -> Array:
    """−2·max(0, 1 − m) for m ≥ −1, −4 below; continuous (both give −4 at m = −1)."""
    m = _arr(m)
    return np.where(m >= -1.0, -2.0 * np.maximum(0.0, 1.0 - np.maximum(m, -1.0)), -4.0)


# ---------------------------------------------------------------------- residual losses
def squared(r: ArrayLike) -> Array:
    """Squared (L2) loss: r²."""
    return _arr(r) ** 2


def d_squared(r: ArrayLike) -> Array:
    """2r."""
    return 2.0 * _arr(r)


def absolute(r: ArrayLike) -> Array:
    """Absolute (L1) loss: |r|."""
    return np.abs(_arr(r))


def d_absolute(r: ArrayLike) -> Array:
    """sign(r); 0 at the kink r = 0 (a valid subgradient)."""
    return np.sign(_arr(r))


def huber(r: ArrayLike, delta: float = 1.0) -> Array:
    """Huber loss: ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond (as ``torch.nn.functional.huber_loss``)."""
    a = np.abs(_arr(r))
    q = np.minimum(a, delta)  # the quadratic branch never sees large |r|, so it cannot overflow
    return np.where(a <= delta, 0.5 * q * q, delta * (a - 0.5 * delta))


def d_huber(r: ArrayLike, delta: float = 1.0) -> Array:
    """r for |r| ≤ δ, δ·sign(r) beyond: the residual clipped to [−δ, δ]."""
    return np.clip(_arr(r), -delta, delta)


def log_cosh(r: ArrayLike) -> Array:
    """log-cosh loss: ln cosh r, as |r| + log1p(e^(−2|r|)) − ln 2 so that it never overflows.

    Below |r| = 1 that form cancels (ln 2 − ln 2) and loses relative accuracy, so there it is
    computed as log1p(2·sinh²(r/2)) (cosh r − 1 = 2·sinh²(r/2)), accurate to a few ulps.
    """
    a = np.abs(_arr(r))
    small = np.minimum(a, 1.0)
    near = np.log1p(2.0 * np.sinh(0.5 * small) ** 2)
    # e^(−2|r|) is 0 in double precision beyond |r| = 400 anyway; capping avoids −2|r| overflowing.
    far = a + np.log1p(np.exp(-2.0 * np.minimum(a, 400.0))) - LN2
    return np.where(a < 1.0, near, far)


def d_log_cosh(r: ArrayLike) -> Array:
    """tanh r."""
    return np.tanh(_arr(r))


def quantile(r: ArrayLike, tau: float = 0.5) -> Array:
    """Quantile (pinball) loss: max(τr, (τ − 1)r).  τ = 0.5 is half the absolute loss."""
    r = _arr(r)
    return np.maximum(tau * r, (tau - 1.0) * r)


def d_quantile(r: ArrayLike, tau: float = 0.5) -> Array:
    """τ for r > 0, τ − 1 for r < 0, 0 at the kink (0 lies in the subdifferential [τ − 1, τ])."""
    r = _arr(r)
    return np.where(r > 0.0, tau, np.where(r < 0.0, tau - 1.0, 0.0))


def epsilon_insensitive(r: ArrayLike, epsilon: float = 0.5) -> Array:
    """ε-insensitive loss of SVR: max(0, |r| − ε); errors smaller than ε cost nothing."""
    return np.maximum(0.0, np.abs(_arr(r)) - epsilon)


def d_epsilon_insensitive(r: ArrayLike, epsilon: float = 0.5) -> Array:
    """sign(r) for |r| > ε, 0 inside the tube (and 0 at its edges)."""
    r = _arr(r)
    return np.where(np.abs(r) > epsilon, np.sign(r), 0.0)


# ---------------------------------------------------------------------- registry
LossFn = Callable[..., Array]


@dataclass(frozen=True)
class LossInfo:
    """Everything the app shows about one loss.

    ``params`` maps the loss function's keyword argument to the panel parameter that feeds it
    (for example ``{"delta": "huber_delta"}``).
    """

    key: str
    label: str
    family: Family
    fn: LossFn
    derivative: LossFn
    formula: str
    explanation: str
    params: Mapping[str, str]

    def value(self, x: ArrayLike, settings: Mapping[str, float]) -> Array:
        """The loss at ``x`` with its parameters taken from ``settings`` (panel values)."""
        return self.fn(x, **self._kwargs(settings))

    def slope(self, x: ArrayLike, settings: Mapping[str, float]) -> Array:
        """The derivative at ``x`` with its parameters taken from ``settings``."""
        return self.derivative(x, **self._kwargs(settings))

    def _kwargs(self, settings: Mapping[str, float]) -> dict[str, float]:
        return {arg: float(settings[name]) for arg, name in self.params.items()}


def _info(
    key: str,
    label: str,
    family: Family,
    fn: LossFn,
    derivative: LossFn,
    formula: str,
    explanation: str,
    **params: str,
) -> LossInfo:
    return LossInfo(key, label, family, fn, derivative, formula, explanation, params)


LOSSES: dict[str, LossInfo] = {
    info.key: info
    for info in (
        _info(
            "zero_one", "0-1", "margin", zero_one, d_zero_one,
            "L(m) = 1 if m ≤ 0, else 0",
            "Counts mistakes and nothing else: it is the error rate we actually care about. "
            "But it is flat everywhere except for a jump at m = 0, so its gradient tells an "
            "optimiser nothing, and minimising it directly is a hard combinatorial problem. "
            "Every other margin loss here is a stand-in (a surrogate) for it.",
        ),
        _info(
            "hinge", "hinge (SVM)", "margin", hinge, d_hinge,
            "L(m) = max(0, 1 − m)",
            "The loss of the support vector machine. It is convex and lies on or above the 0-1 "
            "loss everywhere, the tightest such convex bound. Once a point is classified with "
            "margin at least 1 it costs nothing, so only the points near or across the boundary "
            "(the support vectors) shape the solution. It has a corner at m = 1 where the "
            "derivative jumps; optimisers use a subgradient there.",
        ),
        _info(
            "squared_hinge", "squared hinge", "margin", squared_hinge, d_squared_hinge,
            "L(m) = max(0, 1 − m)²",
            "Squaring the hinge removes its corner: the loss and its slope are continuous, which "
            "suits gradient methods. It punishes badly misclassified points much harder than the "
            "plain hinge does.",
        ),
        _info(
            "perceptron", "perceptron", "margin", perceptron, d_perceptron,
            "L(m) = max(0, −m)",
            "The hinge moved to pass through the origin: a correctly classified point costs "
            "nothing however small its margin. That is why the perceptron stops at the first "
            "separating line it finds instead of looking for a wide margin.",
        ),
        _info(
            "logistic", "logistic", "margin", logistic, d_logistic,
            "L(m) = log(1 + e^(−m))   (base e, or base 2)",
            "The log loss of logistic regression: binary cross-entropy of a sigmoid output, "
            "written in terms of the margin, and the negative log-likelihood of a Bernoulli "
            "model. It is smooth and convex. Divided by ln 2 (base 2) it passes through (0, 1) "
            "and bounds the 0-1 loss from above. It never reaches zero, so every point, even a "
            "well classified one, keeps a little pull; points far on the wrong side grow "
            "linearly, which makes it more sensitive to outliers than the hinge.",
            base="logistic_base_value",
        ),
        _info(
            "exponential", "exponential (AdaBoost)", "margin", exponential, d_exponential,
            "L(m) = e^(−m)",
            "The loss AdaBoost minimises, one weak learner at a time (forward stagewise "
            "additive modelling). It grows exponentially on the wrong side, so a single "
            "mislabelled point can dominate the fit.",
        ),
        _info(
            "modified_huber", "modified Huber", "margin", modified_huber, d_modified_huber,
            "L(m) = max(0, 1 − m)² if m ≥ −1, else −4m",
            "A squared hinge near the boundary that turns into a straight line for badly wrong "
            "points (m < −1). The line has the same slope where the pieces meet, so the loss is "
            "smooth and, like Huber in regression, not dominated by outliers.",
        ),
        _info(
            "squared", "squared (L2)", "residual", squared, d_squared,
            "L(r) = r²",
            "The mean of r² is the mean squared error. Minimising it is maximum likelihood when "
            "the noise is Gaussian. Because the penalty grows with the square, large errors "
            "dominate the sum: a few outliers can pull the fit a long way.",
        ),
        _info(
            "absolute", "absolute (L1)", "residual", absolute, d_absolute,
            "L(r) = |r|",
            "Every unit of error costs the same, so outliers pull no harder than other points: "
            "robust. Its minimiser is the median rather than the mean. It has a corner at r = 0 "
            "where the derivative jumps from −1 to +1.",
        ),
        _info(
            "huber", "Huber (δ)", "residual", huber, d_huber,
            "L(r) = ½r² if |r| ≤ δ, else δ(|r| − ½δ)",
            "Quadratic for small errors and linear for large ones, joined at |r| = δ with the "
            "same slope. So it is differentiable everywhere like the squared loss and robust to "
            "outliers like the absolute loss. Drag δ: a large δ makes it squared-like, a small δ "
            "absolute-like.",
            delta="huber_delta",
        ),
        _info(
            "log_cosh", "log-cosh", "residual", log_cosh, d_log_cosh,
            "L(r) = ln cosh r",
            "A smooth cousin of Huber: about ½r² near zero and about |r| − ln 2 far away, with a "
            "derivative (tanh r) that is smooth everywhere.",
        ),
        _info(
            "quantile", "quantile (τ)", "residual", quantile, d_quantile,
            "L(r) = max(τr, (τ − 1)r)",
            "The pinball loss. Under-predictions (r > 0) cost τ per unit and over-predictions "
            "1 − τ, so the minimiser is the τ-quantile of the data instead of the mean; τ = 0.5 "
            "gives the median.",
            tau="quantile_tau",
        ),
        _info(
            "epsilon_insensitive", "ε-insensitive (SVR)", "residual",
            epsilon_insensitive, d_epsilon_insensitive,
            "L(r) = max(0, |r| − ε)",
            "The loss of support vector regression: errors inside a tube of half-width ε are "
            "free, and outside it the cost grows linearly. Drag ε to widen or narrow the tube.",
            epsilon="epsilon",
        ),
    )
}

MARGIN_KEYS: tuple[str, ...] = tuple(k for k, v in LOSSES.items() if v.family == "margin")
RESIDUAL_KEYS: tuple[str, ...] = tuple(k for k, v in LOSSES.items() if v.family == "residual")


def keys_for(family: Family) -> tuple[str, ...]:
    """Loss keys of one family, in registry order."""
    return MARGIN_KEYS if family == "margin" else RESIDUAL_KEYS
