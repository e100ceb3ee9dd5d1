"""Regression losses as PyTorch and Keras compute them, written out in numpy.

No framework is imported: each function follows the documented semantics of one framework call,
so a panel can show, number by number, where the frameworks agree and where they do not.
Everything is computed in float64.

Shapes: ``predictions`` and ``targets`` are ``[N, C]`` (N samples of a batch, C outputs per
sample).  The **residual** of an element is r = prediction − target, the sign both frameworks
use (Keras ``huber``/``log_cosh`` write ``y_pred − y_true``; ``MSELoss``/``L1Loss``/``HuberLoss``
are symmetric in r, so their sign convention does not matter).  Losses are in the squared or
plain units of the targets (dimensionless when the targets are).

The two frameworks reduce differently:

* PyTorch works **per element**: ``reduction="none"`` returns the ``[N, C]`` element losses,
  ``"sum"`` adds all N·C of them and ``"mean"`` divides that sum by N·C.
* Keras first takes the **mean over the last axis** of each sample (a ``[N]`` vector of
  per-sample losses, what ``reduction=None`` returns), then ``"sum"`` adds the N samples and
  ``"sum_over_batch_size"`` (its default, called ``"mean"`` here) divides that sum by N.

So both means equal the mean of all N·C elements, while PyTorch's sum is C times Keras' sum.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from losslab.maths import losses

Array = NDArray[np.float64]
Reduction = Literal["none", "mean", "sum"]
#: A reduced loss: one number (``mean``, ``sum``) or an array (``none``).
Loss = float | Array
LN2 = math.log(2.0)


def _arr(x: ArrayLike) -> Array:
    return np.asarray(x, dtype=np.float64)


def residuals(predictions: ArrayLike, targets: ArrayLike) -> Array:
    """r = prediction − target, element by element (correctly rounded: one subtraction)."""
    p, t = _arr(predictions), _arr(targets)
    if p.shape != t.shape:
        raise ValueError(f"predictions have shape {p.shape} but targets {t.shape}; "
                         "allowed: the same shape")
    return p - t


# ---------------------------------------------------------------------------- element losses
def squared(r: ArrayLike) -> Array:
    """r², the element loss of ``MSELoss`` and ``MeanSquaredError``."""
    return losses.squared(r)


def absolute(r: ArrayLike) -> Array:
    """|r|, the element loss of ``L1Loss`` and ``MeanAbsoluteError``."""
    return losses.absolute(r)


def huber(r: ArrayLike, delta: float = 1.0) -> Array:
    """Huber: ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond; ``HuberLoss(delta)`` and Keras ``Huber``.

    The ½ makes the slope r inside and ±δ outside meet without a kink at |r| = δ; it also means
    the quadratic zone is *half* the squared loss r², not equal to it.  (Keras writes the outer
    branch as δ|r| − ½δ², the same number up to the last bit.)
    """
    if not delta > 0:
        raise ValueError(f"delta = {delta}; allowed: a positive number")
    return losses.huber(r, delta)


def smooth_l1(r: ArrayLike, beta: float = 1.0) -> Array:
    """Smooth L1 (``SmoothL1Loss(beta)``): ½r²/β for |r| < β, |r| − ½β beyond.

    It equals Huber(δ = β) / β: the same shape rescaled so that the linear part has slope 1
    like L1.  For β = 0 PyTorch returns plain L1, and so does this function.
    """
    a = np.abs(_arr(r))
    if beta < 0:
        raise ValueError(f"beta = {beta}; allowed: a number ≥ 0")
    if beta == 0:
        return a
    q = np.minimum(a, beta)  # the quadratic branch only sees |r| < β: no overflow
    return np.where(a < beta, 0.5 * q * q / beta, a - 0.5 * beta)


def log_cosh(r: ArrayLike) -> Array:
    """ln cosh r, Keras ``LogCosh``'s element loss, accurate and finite for every float64 r.

    Keras evaluates r + softplus(−2r) − ln 2, which equals |r| + log1p(e^(−2|r|)) − ln 2; that
    form cannot overflow, but for small |r| it subtracts ln 2 from ln 2 + r²/2 and loses the
    digits.  Below |r| = 1 this function uses log1p(2·sinh²(r/2)) instead (cosh r − 1 =
    2 sinh²(r/2)), so the result is accurate to a few ulps everywhere (see
    :func:`losslab.maths.losses.log_cosh`).  PyTorch has no built-in log-cosh loss.
    """
    return losses.log_cosh(r)


# ---------------------------------------------------------------------------- reductions
def _fsum(a: Array) -> float:
    """Correctly rounded sum (no loss terms are negative, but a long batch still rounds)."""
    return math.fsum(a.ravel().tolist())


def torch_reduce(elements: Array, reduction: Reduction) -> Loss:
    """PyTorch: ``none`` → the [N, C] element losses; ``sum`` → Σ of all; ``mean`` → Σ / (N·C)."""
    if reduction == "none":
        return elements.copy()
    total = _fsum(elements)
    if reduction == "sum":
        return total
    if reduction == "mean":
        return total / elements.size
    raise ValueError(f"unknown reduction {reduction!r}; allowed: none, mean, sum")


def keras_per_sample(elements: Array) -> Array:
    """Keras' first step: the mean over the last axis, one loss per sample ([N])."""
    c = elements.shape[-1]
    return np.array([_fsum(row) / c for row in elements.reshape(-1, c)],
                    dtype=np.float64).reshape(elements.shape[:-1])


def keras_reduce(elements: Array, reduction: Reduction) -> Loss:
    """Keras: per-sample means (``none``), then their ``sum``, or sum / N for ``mean``
    (``"sum_over_batch_size"``)."""
    per_sample = keras_per_sample(elements)
    if reduction == "none":
        return per_sample
    total = _fsum(per_sample)
    if reduction == "sum":
        return total
    if reduction == "mean":
        return total / per_sample.size
    raise ValueError(f"unknown reduction {reduction!r}; allowed: none, mean, sum")


# ---------------------------------------------------------------------------- the framework calls
def torch_mse(predictions: ArrayLike, targets: ArrayLike, reduction: Reduction = "mean") -> Loss:
    """``nn.MSELoss(reduction)(predictions, targets)``."""
    return torch_reduce(squared(residuals(predictions, targets)), reduction)


def torch_l1(predictions: ArrayLike, targets: ArrayLike, reduction: Reduction = "mean") -> Loss:
    """``nn.L1Loss(reduction)(predictions, targets)``."""
    return torch_reduce(absolute(residuals(predictions, targets)), reduction)


def torch_huber(predictions: ArrayLike, targets: ArrayLike, delta: float = 1.0,
                reduction: Reduction = "mean") -> Loss:
    """``nn.HuberLoss(reduction, delta)(predictions, targets)``."""
    return torch_reduce(huber(residuals(predictions, targets), delta), reduction)


def torch_smooth_l1(predictions: ArrayLike, targets: ArrayLike, beta: float = 1.0,
                    reduction: Reduction = "mean") -> Loss:
    """``nn.SmoothL1Loss(reduction, beta)(predictions, targets)``."""
    return torch_reduce(smooth_l1(residuals(predictions, targets), beta), reduction)


def keras_mse(targets: ArrayLike, predictions: ArrayLike, reduction: Reduction = "mean") -> Loss:
    """``keras.losses.MeanSquaredError(reduction)(y_true, y_pred)`` (note: targets first)."""
    return keras_reduce(squared(residuals(predictions, targets)), reduction)


def keras_mae(targets: ArrayLike, predictions: ArrayLike, reduction: Reduction = "mean") -> Loss:
    """``keras.losses.MeanAbsoluteError(reduction)(y_true, y_pred)``."""
    return keras_reduce(absolute(residuals(predictions, targets)), reduction)


def keras_huber(targets: ArrayLike, predictions: ArrayLike, delta: float = 1.0,
                reduction: Reduction = "mean") -> Loss:
    """``keras.losses.Huber(delta, reduction)(y_true, y_pred)``."""
    return keras_reduce(huber(residuals(predictions, targets), delta), reduction)


def keras_log_cosh(targets: ArrayLike, predictions: ArrayLike,
                   reduction: Reduction = "mean") -> Loss:
    """``keras.losses.LogCosh(reduction)(y_true, y_pred)``."""
    return keras_reduce(log_cosh(residuals(predictions, targets)), reduction)
