"""Self-information, entropy, cross-entropy and KL divergence of discrete distributions.

For an outcome of probability p the **self-information** (surprise) is I = −log p: a sure thing
(p = 1) tells you nothing, a rare event tells you a lot, an impossible one (p = 0) would be
infinitely surprising.  The **entropy** of a distribution p = (p₁, …, pₙ) is the expected
surprise, H(p) = −Σ pᵢ log pᵢ, with the convention 0·log 0 = 0 (an outcome that never happens
adds nothing).  The **cross-entropy** H(p, q) = −Σ pᵢ log qᵢ is the expected surprise when the
outcomes follow p but you believe q; it is never below H(p), and the gap is the **Kullback–Leibler
divergence** KL(p‖q) = Σ pᵢ log(pᵢ / qᵢ) ≥ 0, so H(p, q) = H(p) + KL(p‖q).  If q gives
probability 0 to an outcome that p allows (pᵢ > 0, qᵢ = 0) both H(p, q) and KL(p‖q) are +∞.

Units follow the base of the logarithm: **bits** (base 2), **nats** (base e) and **hartleys**
(base 10).  1 bit = ln 2 nats ≈ 0.693147 nats; 1 hartley = ln 10 nats ≈ 2.302585 nats.  Every
function computes in nats with ``log``/``log1p`` and divides by ln(base) once at the end.

Distributions are 1-D arrays of non-negative finite numbers summing to 1 (within 1e-9); pass
arbitrary non-negative weights through :func:`normalise` first.  Nothing here emits numpy
warnings: logarithms are only taken where their argument is positive.
"""

from __future__ import annotations

import math
from typing import Literal, get_args

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]
Unit = Literal["bits", "nats", "hartleys"]
UNITS: tuple[Unit, ...] = get_args(Unit)

#: Natural logarithm of each unit's base: a quantity in nats divided by this is in that unit.
NATS_PER_UNIT: dict[Unit, float] = {"bits": math.log(2.0), "nats": 1.0, "hartleys": math.log(10.0)}
#: How far the sum of a distribution may stray from 1 (rounding of user input and of normalise).
SUM_TOLERANCE = 1e-9


def nats_per_unit(unit: Unit) -> float:
    """ln(base) of ``unit``: 1 bit = ln 2 nats, 1 nat = 1 nat, 1 hartley = ln 10 nats."""
    try:
        return NATS_PER_UNIT[unit]
    except KeyError:
        raise ValueError(f"unknown unit {unit!r}; allowed: {', '.join(UNITS)}") from None


def convert(nats: ArrayLike, unit: Unit) -> Array:
    """Express a quantity given in nats in ``unit`` (∞ stays ∞)."""
    return np.asarray(nats, dtype=np.float64) / nats_per_unit(unit)


# ---------------------------------------------------------------------- input checks
def _probabilities(p: ArrayLike, name: str = "p") -> Array:
    """``p`` as a float array of probabilities, each in [0, 1]; ValueError otherwise."""
    arr = np.asarray(p, dtype=np.float64)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: probabilities must be finite numbers")
    if np.any(arr < 0.0) or np.any(arr > 1.0):
        raise ValueError(f"{name}: probabilities must lie in [0, 1]")
    return arr


def check_distribution(p: ArrayLike, name: str = "p") -> Array:
    """``p`` as a 1-D float array if it is a probability distribution, else ValueError.

    A distribution has at least one entry, every entry finite and ≥ 0, and sums to 1 within
    :data:`SUM_TOLERANCE`.
    """
    arr = np.asarray(p, dtype=np.float64)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name}: a distribution is a non-empty list of probabilities")
    arr = _probabilities(arr, name)
    total = math.fsum(arr.tolist())
    if abs(total - 1.0) > SUM_TOLERANCE:
        raise ValueError(f"{name}: probabilities sum to {total:g}, not 1 (normalise them first)")
    return arr


def normalise(weights: ArrayLike, name: str = "p") -> Array:
    """Scale non-negative weights so they sum to 1: pᵢ = wᵢ / Σ wⱼ.

    The proportions between the entries are kept (weights 2, 1, 1 become 0.5, 0.25, 0.25).
    Raises ValueError for an empty list, a negative or non-finite weight, or all-zero weights
    (there is no distribution proportional to nothing).
    """
    arr = np.asarray(weights, dtype=np.float64)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name}: a distribution is a non-empty list of numbers")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: weights must be finite numbers")
    if np.any(arr < 0.0):
        raise ValueError(f"{name}: a probability cannot be negative")
    biggest = float(arr.max())
    if biggest <= 0.0:
        raise ValueError(f"{name}: all weights are zero, so there is nothing to normalise")
    # Scale by a power of two (exact) so the largest weight is in [0.5, 1): the sum of up to
    # millions of weights then cannot overflow, whatever their size.
    arr = np.ldexp(arr, -math.frexp(biggest)[1])
    out: Array = arr / math.fsum(arr.tolist())
    return out


# ---------------------------------------------------------------------- one outcome
def self_information(p: ArrayLike, unit: Unit = "bits") -> Array:
    """I(p) = −log p, the information carried by an outcome of probability p, in ``unit``.

    p is a probability in [0, 1] (scalar or array).  I(1) = 0, I(½) = 1 bit, I(0) = +∞.
    """
    arr = _probabilities(p)
    out = np.full(arr.shape, np.inf)
    pos = arr > 0.0
    np.negative(np.log(arr, where=pos, out=np.zeros(arr.shape)), where=pos, out=out)
    return convert(out + 0.0, unit)  # + 0.0: I(1) is 0, not −0


def complement_information(p: ArrayLike, unit: Unit = "bits") -> Array:
    """I(1 − p) = −log(1 − p): the information of the *other* outcome of a yes/no trial.

    For an archer who hits with probability p this is the information in a miss.  Computed as
    −log1p(−p), which stays accurate for small p where 1 − p would round (I(1 − 1e-20) is
    1e-20 nats, not 0).  I(1 − 1) = +∞.
    """
    arr = _probabilities(p)
    out = np.full(arr.shape, np.inf)
    rest = arr < 1.0
    np.negative(np.log1p(-arr, where=rest, out=np.zeros(arr.shape)), where=rest, out=out)
    return convert(out + 0.0, unit)


def binary_entropy(p: ArrayLike, unit: Unit = "bits") -> Array:
    """H(p) = −p log p − (1 − p) log(1 − p): the entropy of one yes/no trial with P(yes) = p.

    Zero at p = 0 and p = 1 (the result is certain), largest at p = ½ (1 bit).  The second term
    uses log1p(−p) so that it stays accurate for small p.
    """
    arr = _probabilities(p)
    hit = np.zeros(arr.shape)
    pos = arr > 0.0
    # 0·log 0 = 0: only take the log where p > 0.
    np.multiply(arr, np.log(arr, where=pos, out=np.zeros(arr.shape)), where=pos, out=hit)
    miss = np.zeros(arr.shape)
    rest = arr < 1.0
    np.multiply(1.0 - arr, np.log1p(-arr, where=rest, out=np.zeros(arr.shape)),
                where=rest, out=miss)
    # Both terms are ≤ 0, so the sum negated is ≥ 0; "+ 0.0" turns a −0.0 into 0.0.
    nats = -(hit + miss) + 0.0
    return convert(nats, unit)


# ---------------------------------------------------------------------- distributions
def entropy_terms(p: ArrayLike, unit: Unit = "bits") -> Array:
    """The terms −pᵢ log pᵢ of H(p), in ``unit`` (0 where pᵢ = 0)."""
    arr = check_distribution(p)
    out = np.zeros(arr.shape)
    pos = arr > 0.0
    np.multiply(-arr, np.log(arr, where=pos, out=np.zeros(arr.shape)), where=pos, out=out)
    return convert(out + 0.0, unit)  # + 0.0: no −0.0 in the output


def entropy(p: ArrayLike, unit: Unit = "bits") -> float:
    """H(p) = −Σ pᵢ log pᵢ, the average information of one draw from p, in ``unit``.

    0 ≤ H(p) ≤ log n for n outcomes: 0 when one outcome is certain, log n when all are equally
    likely.
    """
    return math.fsum(entropy_terms(p, unit).tolist())


def cross_entropy_terms(p: ArrayLike, q: ArrayLike, unit: Unit = "bits") -> Array:
    """The terms −pᵢ log qᵢ of H(p, q), in ``unit``.

    0 where pᵢ = 0 (whatever qᵢ is: the outcome never happens, so q's belief about it costs
    nothing); +∞ where pᵢ > 0 and qᵢ = 0.
    """
    pa = check_distribution(p, "p")
    qa = check_distribution(q, "q")
    if pa.shape != qa.shape:
        raise ValueError(f"p has {pa.size} outcomes but q has {qa.size}")
    out = np.zeros(pa.shape)
    pos = pa > 0.0
    out[pos & (qa == 0.0)] = np.inf
    both = pos & (qa > 0.0)
    np.multiply(-pa, np.log(qa, where=both, out=np.zeros(qa.shape)), where=both, out=out)
    return convert(out + 0.0, unit)  # + 0.0: no −0.0 in the output


def cross_entropy(p: ArrayLike, q: ArrayLike, unit: Unit = "bits") -> float:
    """H(p, q) = −Σ pᵢ log qᵢ: the average surprise of outcomes drawn from p, measured by q.

    H(p, q) ≥ H(p), with equality only when q = p; +∞ if q rules out an outcome p allows.
    """
    terms = cross_entropy_terms(p, q, unit)
    if np.isinf(terms).any():
        return math.inf
    return math.fsum(terms.tolist())


def kl_divergence(p: ArrayLike, q: ArrayLike, unit: Unit = "bits") -> float:
    """KL(p‖q) = Σ pᵢ log(pᵢ / qᵢ) = H(p, q) − H(p), in ``unit``.

    The extra surprise paid for believing q when the truth is p.  Terms with pᵢ = 0 are 0;
    a term with pᵢ > 0 and qᵢ = 0 makes KL = +∞.  Computed as Σ pᵢ (log pᵢ − log qᵢ) rather than
    as a difference of two entropies, so that it is accurate when it is small.
    """
    pa = check_distribution(p, "p")
    qa = check_distribution(q, "q")
    if pa.shape != qa.shape:
        raise ValueError(f"p has {pa.size} outcomes but q has {qa.size}")
    pos = pa > 0.0
    if np.any(pos & (qa == 0.0)):
        return math.inf
    pp, qq = pa[pos], qa[pos]
    total = math.fsum((pp * (np.log(pp) - np.log(qq))).tolist())
    # Gibbs' inequality: KL ≥ 0 for distributions.  When p ≈ q the rounded terms can sum to a
    # few ulps below zero; report the true bound instead of a meaningless "-1e-17".
    return max(total, 0.0) / nats_per_unit(unit)


def max_entropy(n: int, unit: Unit = "bits") -> float:
    """log n: the entropy of the uniform distribution over n outcomes, the largest possible."""
    if n < 1:
        raise ValueError("n must be at least 1")
    return math.log(n) / nats_per_unit(unit)
