"""Cross-entropy as PyTorch and Keras compute it, written out in numpy.

No framework is imported: every function here follows the documented semantics of one framework
call, so the panel can show, number by number, why the frameworks print the same loss (or why they
do not).  Everything is computed in float64; the frameworks default to float32, so their printed
values agree with these to about 6 to 7 significant digits.

Shapes: ``logits`` and probabilities are ``[N, C]`` (N rows of a batch, C classes); ``targets`` are
``[N]`` class indices; weights are ``[C]``.  All losses are in nats (natural logarithm).

Reductions are named as in PyTorch: ``"none"`` (one value per row), ``"mean"`` and ``"sum"``.  For
Keras, ``"mean"`` is its default ``"sum_over_batch_size"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from losslab.maths.activations import sigmoid, softplus

__all__ = [
    "EPSILON", "TORCH_LOG_FLOOR", "Array", "IntArray", "Loss", "Reduction", "SoftmaxSteps",
    "TorchCrossEntropy", "bce_with_logits_elements", "keras_binary", "keras_binary_elements",
    "keras_categorical", "keras_categorical_rows", "keras_sparse", "log_softmax",
    "manual_clipped_bce", "normalized_log", "one_hot", "sigmoid", "smooth_one_hot", "softmax",
    "softmax_steps", "torch_bce", "torch_bce_with_logits", "torch_cross_entropy",
    "torch_cross_entropy_parts",
]
Array = NDArray[np.float64]
IntArray = NDArray[np.int64]
Reduction = Literal["none", "mean", "sum"]
#: A reduced loss: one number (``mean``, ``sum``) or one per row or element (``none``).
Loss = float | Array

#: Keras' ``backend.epsilon()``: probabilities are clipped to [EPSILON, 1 − EPSILON].
EPSILON = 1e-7
#: PyTorch's ``BCELoss`` clamps each log to at least −100 so that log(0) stays finite.
TORCH_LOG_FLOOR = -100.0


# ---------------------------------------------------------------------------- softmax, step by step
@dataclass(frozen=True)
class SoftmaxSteps:
    """The intermediate numbers of softmax and log-softmax for each row.

    With ``shift`` the row maximum m (the stable way) or 0 (the naive way)::

        shifted = z − m
        exp     = e^(z − m)
        total   = Σ_j e^(z_j − m)
        softmax = exp / total                      (the same for any m: the e^(−m) cancels)
        log_softmax = (z − m) − ln(total)          (ln p_i, written without taking ln of p_i)

    With m = max the largest exponent is e^0 = 1, so nothing overflows and ``total`` ≥ 1 keeps the
    logarithm finite.  Without the shift, a logit above about 709.78 makes e^z overflow to
    infinity, and softmax becomes inf/inf = NaN.
    """

    shift: Array  # [N] the m subtracted from each row
    shifted: Array  # [N, C]
    exp: Array  # [N, C]
    total: Array  # [N]
    softmax: Array  # [N, C]
    log_softmax: Array  # [N, C]


def softmax_steps(logits: Array, *, subtract_max: bool = True) -> SoftmaxSteps:
    """Softmax of each row of ``logits`` [N, C], keeping every intermediate number.

    ``subtract_max=False`` shows what happens without the max-subtraction: overflow to inf and
    NaN for large logits.  That is the point of the toggle, so those floating-point warnings are
    silenced here deliberately.
    """
    z = np.asarray(logits, dtype=np.float64)
    shift = z.max(axis=1) if subtract_max else np.zeros(z.shape[0])
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        shifted = z - shift[:, None]
        e = np.exp(shifted)
        total = e.sum(axis=1)
        p = e / total[:, None]
        log_p = shifted - np.log(total)[:, None]
    return SoftmaxSteps(shift, shifted, e, total, p, log_p)


def log_softmax(logits: Array) -> Array:
    """ln softmax(z)_i = z_i − m − ln Σ_j e^(z_j − m), m = max_j z_j: finite for any finite z."""
    return softmax_steps(logits).log_softmax


def softmax(logits: Array) -> Array:
    """softmax(z)_i = e^(z_i − m) / Σ_j e^(z_j − m): rows of probabilities summing to 1."""
    return softmax_steps(logits).softmax


def normalized_log(probabilities: Array) -> Array:
    """ln(p_i / Σ_j p_j) for rows of non-negative numbers; ln 0 = −inf (without a warning).

    This is also log_softmax(ln p): feeding ln p to a cross-entropy that expects logits is exact.
    """
    p = np.asarray(probabilities, dtype=np.float64)
    with np.errstate(divide="ignore"):
        return np.asarray(np.log(p / p.sum(axis=1, keepdims=True)), dtype=np.float64)


def bce_with_logits_elements(logits: Array, targets: Array) -> Array:
    """Element-wise binary cross-entropy of labels y ∈ [0, 1] given logits x, in nats::

        ℓ = −[y ln σ(x) + (1 − y) ln(1 − σ(x))] = y·softplus(−x) + (1 − y)·softplus(x)

    The frameworks write the same number as max(x, 0) − x·y + ln(1 + e^(−|x|)); for y = 0 or 1
    both forms give the same bits, but for a soft label close to 1 (or 0) that form subtracts
    nearly equal numbers, while this one adds two non-negative terms and stays exact for any x.
    """
    x = np.asarray(logits, dtype=np.float64)
    y = np.asarray(targets, dtype=np.float64)
    return np.asarray(y * softplus(-x) + (1.0 - y) * softplus(x), dtype=np.float64)


def one_hot(targets: IntArray, classes: int, *, ignore_index: int | None = None) -> Array:
    """[N, C] matrix with a 1 at each row's target class; rows whose target is ``ignore_index``
    (or outside 0..C−1) are all zero."""
    t = np.asarray(targets, dtype=np.int64)
    out = np.zeros((t.shape[0], classes))
    ok = (t >= 0) & (t < classes)
    if ignore_index is not None:
        ok &= t != ignore_index
    out[np.nonzero(ok)[0], t[ok]] = 1.0
    return out


def _reduce(values: Array, reduction: Reduction, divisor: float) -> Loss:
    """``none``: the values; ``sum``: their sum; ``mean``: the sum divided by ``divisor``.

    A zero divisor (every row ignored, or all weights zero) gives NaN, as 0/0 does in PyTorch,
    but without a floating-point warning.
    """
    if reduction == "none":
        return values
    total = float(np.sum(values))
    if reduction == "sum":
        return total
    return total / divisor if divisor != 0 else float("nan")


# ---------------------------------------------------------------------------- PyTorch
@dataclass(frozen=True)
class TorchCrossEntropy:
    """Everything ``torch.nn.CrossEntropyLoss`` computes on the way to its number.

    For row n with target y_n, class weights w (all 1 without ``weight``), smoothing ε and C
    classes, with ℓ_nc = −log_softmax(z_n)_c::

        row_loss_n = (1 − ε)·w_{y_n}·ℓ_{n,y_n} + (ε / C)·Σ_c w_c·ℓ_nc      (0 for an ignored row)
        mean       = Σ_n row_loss_n / Σ_n w_{y_n}                          (over kept rows only)

    The weighted mean divides by the sum of the targets' weights, not by N; the smoothing term is
    weighted too, and shares that denominator.
    """

    log_probs: Array  # [N, C] log-softmax
    nll: Array  # [N] −log p of the target class, unweighted; NaN for an ignored row
    row_weight: Array  # [N] w_{y_n}; 0 for an ignored row
    row_loss: Array  # [N] as CrossEntropyLoss(reduction='none')
    denominator: float  # what 'mean' divides by: Σ w_{y_n} over kept rows
    value: Loss  # the result for the chosen reduction


def torch_cross_entropy_parts(
    log_probs: Array,
    targets: IntArray,
    *,
    weight: Array | None = None,
    reduction: Reduction = "mean",
    ignore_index: int = -100,
    label_smoothing: float = 0.0,
) -> TorchCrossEntropy:
    """``CrossEntropyLoss`` from log-probabilities (the log-softmax of the logits)."""
    lp = np.asarray(log_probs, dtype=np.float64)
    t = np.asarray(targets, dtype=np.int64)
    n, c = lp.shape
    w = np.ones(c) if weight is None else np.asarray(weight, dtype=np.float64)
    kept = t != ignore_index
    safe_t = np.where(kept, t, 0)  # any valid index; the ignored rows are masked below
    rows = np.arange(n)
    picked = -lp[rows, safe_t]
    nll = np.where(kept, picked, np.nan)
    row_weight = np.where(kept, w[safe_t], 0.0)
    # 0·inf is NaN (a zero-probability class with zero weight), as in PyTorch; no warning.
    with np.errstate(invalid="ignore"):
        main = np.where(kept, row_weight * picked, 0.0)
        if label_smoothing > 0.0:
            smooth = np.where(kept, -(lp * w[None, :]).sum(axis=1), 0.0)
            row_loss = (1.0 - label_smoothing) * main + (label_smoothing / c) * smooth
        else:
            row_loss = main
    denominator = float(row_weight.sum())
    value = _reduce(row_loss, reduction, denominator)
    return TorchCrossEntropy(lp, nll, row_weight, row_loss, denominator, value)


def torch_cross_entropy(
    logits: Array,
    targets: IntArray,
    *,
    weight: Array | None = None,
    reduction: Reduction = "mean",
    ignore_index: int = -100,
    label_smoothing: float = 0.0,
) -> Loss:
    """``torch.nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)(logits,
    targets)`` = LogSoftmax followed by NLLLoss (see :class:`TorchCrossEntropy`)."""
    return torch_cross_entropy_parts(
        log_softmax(logits), targets, weight=weight, reduction=reduction,
        ignore_index=ignore_index, label_smoothing=label_smoothing,
    ).value


def torch_bce_with_logits(
    logits: Array, targets: Array, *, weight: Array | None = None, reduction: Reduction = "mean"
) -> Loss:
    """``torch.nn.BCEWithLogitsLoss(weight)``: element-wise, exact for any logit x::

        ℓ = w_c·[max(x, 0) − x·y + ln(1 + e^(−|x|))]       (= −w·[y ln σ(x) + (1 − y) ln(1 − σ(x))])

    evaluated as w_c·[y·softplus(−x) + (1 − y)·softplus(x)] (:func:`bce_with_logits_elements`).
    The tiny loss of a confident right answer survives on both sides: e^(−49) ≈ 5.2e-22 at
    x = 49, y = 1 and at x = −49, y = 0.  (Torch 2.13 in float64 gets the first and prints 0 for
    the second: its formula adds (1 − y)·x = −49 to 49 + ln(1 + e^(−49)), and the 1 + e^(−49)
    rounds to 1.)

    ``weight`` [C] rescales each column.  ``mean`` averages over all N·C elements (not over the
    weights); ``none`` returns the [N, C] matrix.
    """
    loss = bce_with_logits_elements(logits, targets)
    if weight is not None:
        loss = loss * np.asarray(weight, dtype=np.float64)[None, :]
    return _reduce(loss, reduction, float(loss.size))


def torch_bce(
    probabilities: Array, targets: Array, *, weight: Array | None = None,
    reduction: Reduction = "mean",
) -> Loss:
    """``torch.nn.BCELoss(weight)`` on probabilities; each log is clamped to ≥ −100::

        ℓ = −w_c·[y·max(ln p, −100) + (1 − y)·max(ln(1 − p), −100)]
    """
    p = np.asarray(probabilities, dtype=np.float64)
    y = np.asarray(targets, dtype=np.float64)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), TORCH_LOG_FLOOR)
        log_q = np.maximum(np.log1p(-p), TORCH_LOG_FLOOR)
    loss = -(y * log_p + (1.0 - y) * log_q)
    if weight is not None:
        loss = loss * np.asarray(weight, dtype=np.float64)[None, :]
    return _reduce(loss, reduction, float(loss.size))


# ---------------------------------------------------------------------------- Keras
def smooth_one_hot(y: Array, label_smoothing: float) -> Array:
    """Keras' categorical label smoothing: y·(1 − ls) + ls / C."""
    c = y.shape[1]
    return np.asarray(y * (1.0 - label_smoothing) + label_smoothing / c, dtype=np.float64)


def _keras_log_probs(y_pred: Array, from_logits: bool) -> Array:
    """The log-probabilities Keras uses: log_softmax of logits, or, for probabilities,
    ln clip(p / Σp, ε, 1 − ε)."""
    if from_logits:
        return log_softmax(y_pred)
    p = np.asarray(y_pred, dtype=np.float64)
    p = p / p.sum(axis=1, keepdims=True)
    return np.asarray(np.log(np.clip(p, EPSILON, 1.0 - EPSILON)), dtype=np.float64)


def keras_categorical_rows(
    y_true: Array, y_pred: Array, *, from_logits: bool, label_smoothing: float = 0.0
) -> Array:
    """Per-row ``keras.losses.categorical_crossentropy``: −Σ_c y'_c·ln q_c with y' the smoothed
    one-hot targets and q as in :func:`_keras_log_probs` (no clipping with ``from_logits``)."""
    y = np.asarray(y_true, dtype=np.float64)
    if label_smoothing > 0.0:
        y = smooth_one_hot(y, label_smoothing)
    return np.asarray(-(y * _keras_log_probs(y_pred, from_logits)).sum(axis=1), dtype=np.float64)


def _keras_reduce(
    rows: Array, reduction: Reduction, sample_weight: Array | None, mask: Array | None
) -> Loss:
    """Keras' ``reduce_weighted_values``: multiply by the sample weights, then ``sum`` or
    ``sum_over_batch_size`` (divide by N: the weights do not enter the divisor).  With a mask
    (``ignore_class``) the masked rows count 0 and the mean divides by the number of valid rows;
    Keras uses ``divide_no_nan``, so an all-masked batch gives 0, not NaN."""
    values = rows.copy()
    if sample_weight is not None:
        values = values * sample_weight
    if mask is not None:
        values = np.where(mask, values, 0.0)
    if reduction == "none":
        return values
    total = float(values.sum())
    if reduction == "sum":
        return total
    count = float(mask.sum()) if mask is not None else float(values.size)
    return total / count if count else 0.0


def keras_categorical(
    y_true: Array, y_pred: Array, *, from_logits: bool, label_smoothing: float = 0.0,
    sample_weight: Array | None = None, reduction: Reduction = "mean",
) -> Loss:
    """``keras.losses.CategoricalCrossentropy(from_logits, label_smoothing)(y_true, y_pred,
    sample_weight)`` with one-hot ``y_true`` [N, C]; see :func:`keras_categorical_rows` and
    :func:`_keras_reduce`."""
    rows = keras_categorical_rows(y_true, y_pred, from_logits=from_logits,
                                  label_smoothing=label_smoothing)
    return _keras_reduce(rows, reduction, sample_weight, None)


def keras_sparse(
    targets: IntArray, y_pred: Array, *, from_logits: bool, ignore_class: int | None = None,
    sample_weight: Array | None = None, reduction: Reduction = "mean",
) -> Loss:
    """``keras.losses.SparseCategoricalCrossentropy(from_logits, ignore_class)``: −ln q_{y_n} with
    q as in :func:`_keras_log_probs`.  It has no label smoothing.  Rows whose target equals
    ``ignore_class`` give 0 and are left out of the mean's divisor."""
    t = np.asarray(targets, dtype=np.int64)
    mask = None if ignore_class is None else t != ignore_class
    log_q = _keras_log_probs(y_pred, from_logits)
    rows = -(one_hot(t, log_q.shape[1], ignore_index=ignore_class) * log_q).sum(axis=1)
    return _keras_reduce(np.asarray(rows, dtype=np.float64), reduction, sample_weight, mask)


def keras_binary_elements(
    y_true: Array, y_pred: Array, *, from_logits: bool, label_smoothing: float = 0.0
) -> Array:
    """Element-wise ``keras.backend.binary_crossentropy`` with smoothed targets
    y' = y·(1 − ls) + ls/2:

    * ``from_logits``: the exact ``sigmoid_cross_entropy_with_logits``,
      max(x, 0) − x·y' + ln(1 + e^(−|x|)), no clipping (evaluated as
      :func:`bce_with_logits_elements`);
    * probabilities: p clipped to [ε, 1 − ε], then −[y' ln p + (1 − y') ln(1 − p)].
    """
    y = np.asarray(y_true, dtype=np.float64)
    if label_smoothing > 0.0:
        y = y * (1.0 - label_smoothing) + 0.5 * label_smoothing
    x = np.asarray(y_pred, dtype=np.float64)
    if from_logits:
        return bce_with_logits_elements(x, y)
    p = np.clip(x, EPSILON, 1.0 - EPSILON)
    return np.asarray(-(y * np.log(p) + (1.0 - y) * np.log1p(-p)))


def keras_binary(
    y_true: Array, y_pred: Array, *, from_logits: bool, label_smoothing: float = 0.0,
    reduction: Reduction = "mean",
) -> Loss:
    """``keras.losses.BinaryCrossentropy(from_logits, label_smoothing)``: the element losses of
    :func:`keras_binary_elements` are averaged over the last axis (the C columns) first, giving
    one value per row; then ``mean`` divides the sum of rows by N and ``sum`` adds the rows (so
    Keras' ``sum`` is C times smaller than PyTorch's, which adds every element)."""
    rows = keras_binary_elements(y_true, y_pred, from_logits=from_logits,
                                 label_smoothing=label_smoothing).mean(axis=1)
    return _keras_reduce(np.asarray(rows, dtype=np.float64), reduction, None, None)


# ---------------------------------------------------------------------------- hand-written
def manual_clipped_bce(
    probabilities: Array, targets: Array, *, eps: float = EPSILON, reduction: Reduction = "mean"
) -> Loss:
    """The textbook version: p ← clip(p, eps, 1 − eps); ℓ = −[y ln p + (1 − y) ln(1 − p)],
    averaged (``mean``) or summed (``sum``) over all elements, or returned element-wise."""
    p = np.clip(np.asarray(probabilities, dtype=np.float64), eps, 1.0 - eps)
    y = np.asarray(targets, dtype=np.float64)
    loss = -(y * np.log(p) + (1.0 - y) * np.log1p(-p))
    return _reduce(loss, reduction, float(loss.size))
