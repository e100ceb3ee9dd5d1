"""One sigmoid neuron trained by gradient descent: quadratic cost versus cross-entropy.

The neuron has one input x, one weight w and one bias b::

    z = w·x + b                      (the weighted input, dimensionless)
    a = σ(z) = 1 / (1 + e^(−z))      (the output, in (0, 1))

Two costs compare its output a with the target y ∈ [0, 1]:

* quadratic:      C = (y − a)² / 2
                  ∂C/∂w = (a − y)·σ′(z)·x,   ∂C/∂b = (a − y)·σ′(z)
* cross-entropy:  C = −[y ln a + (1 − y) ln(1 − a)]
                  ∂C/∂w = (a − y)·x,          ∂C/∂b = a − y

σ′(z) = σ(z)(1 − σ(z)) = σ(z)σ(−z) is at most 1/4 (at z = 0) and tiny at both ends of the sigmoid.  The
quadratic gradient carries that factor, so a neuron that is badly wrong *and saturated* learns
slowly exactly when its error is largest.  In the cross-entropy gradient the σ′ of the chain rule
cancels against the 1/(a(1 − a)) of ∂C/∂a, leaving the plain error (a − y): the further off the
neuron is, the faster it learns.

Everything is computed without overflow or warnings for any finite z, and to full relative
precision wherever the true value is a normal double (:mod:`losslab.maths.activations`): σ and σ′
from e^(−|z|); the error a − y as (1 − y)·σ(z) − y·σ(−z), because forming a = σ(z) first and then
subtracting y = 1 would cancel every digit of a saturated neuron (at z = 24 the error is −3.8e−11,
at z = 60 it is −8.8e−27, while a itself rounds to 1); the quadratic cost as err²/2 from that
error; the cross-entropy as y·softplus(−z) + (1 − y)·softplus(z), which is −[y ln σ(z) +
(1 − y) ln σ(−z)] and stays finite and exact when a rounds to 0 or 1.

:func:`train` runs plain gradient descent, one update per epoch, and returns the whole
trajectory as a :class:`Trajectory`.  A run whose numbers leave the range where they mean
anything (see :data:`Z_LIMIT`) is stopped and the epoch is reported, instead of carrying on with
garbage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from losslab.core.text import Message, message
from losslab.maths.activations import (
    Array,
    sigmoid,
    sigmoid1,
    sigmoid_error,
    sigmoid_error1,
    sigmoid_prime,
    sigmoid_prime1,
    softplus,
    softplus1,
)

__all__ = [
    "COSTS", "COST_LABELS", "FIELDS", "Z_LIMIT", "Array", "CostKind", "Trajectory", "cost",
    "cost_surface", "cross_entropy_cost", "dcost_dz", "gradients", "quadratic_cost", "sigmoid",
    "sigmoid_error", "sigmoid_prime", "train",
]
CostKind = Literal["quadratic", "cross_entropy"]

#: The two costs, in display and CSV order.
COSTS: tuple[CostKind, ...] = ("quadratic", "cross_entropy")
COST_LABELS: dict[CostKind, str] = {"quadratic": "Quadratic", "cross_entropy": "Cross-entropy"}

#: A run is declared diverged once |z| exceeds this.  Beyond it e^(−|z|) < 1e−304: σ is 0 or 1 to
#: the last bit and σ′ is at the edge of underflow, so the neuron is numerically dead and further
#: epochs would only print noise.  From any allowed start (|z| ≤ 60) only a far too large learning
#: rate can throw z this far.
Z_LIMIT = 700.0


# ---------------------------------------------------------------------- vectorised maths
def _arr(v: ArrayLike) -> Array:
    return np.asarray(v, dtype=np.float64)


def quadratic_cost(z: ArrayLike, y: float) -> Array:
    """Quadratic cost (y − σ(z))² / 2 of a neuron with weighted input z, from the exact error."""
    return 0.5 * sigmoid_error(z, y) ** 2


def cross_entropy_cost(z: ArrayLike, y: float) -> Array:
    """Cross-entropy −[y ln σ(z) + (1 − y) ln(1 − σ(z))] in nats.

    Written as y·softplus(−z) + (1 − y)·softplus(z) (because −ln σ(z) = ln(1 + e^(−z)) and
    −ln(1 − σ(z)) = ln(1 + e^z)): two non-negative terms, finite and exact even where σ(z)
    itself rounds to 0 or 1.
    """
    zz = _arr(z)
    return y * softplus(-zz) + (1.0 - y) * softplus(zz)


def cost(kind: CostKind, z: ArrayLike, y: float) -> Array:
    """The cost ``kind`` of a neuron with weighted input z and target y."""
    if kind == "quadratic":
        return quadratic_cost(z, y)
    return cross_entropy_cost(z, y)


def dcost_dz(kind: CostKind, z: ArrayLike, y: float) -> Array:
    """∂C/∂z: (a − y)·σ′(z) for the quadratic cost, (a − y) for cross-entropy.

    Then ∂C/∂w = ∂C/∂z · x and ∂C/∂b = ∂C/∂z (because z = w·x + b).
    """
    # Not sigmoid(z) - y: that cancels for y = 1 once σ(z) rounds towards 1.
    err = sigmoid_error(z, y)
    if kind == "quadratic":
        return err * sigmoid_prime(z)
    return err


def gradients(
    kind: CostKind, w: ArrayLike, b: ArrayLike, x: float, y: float
) -> tuple[Array, Array]:
    """(∂C/∂w, ∂C/∂b) at weight w and bias b (arrays broadcast together)."""
    z = _arr(w) * x + _arr(b)
    dz = dcost_dz(kind, z, y)
    return dz * x, dz


def cost_surface(kind: CostKind, w: ArrayLike, b: ArrayLike, x: float, y: float) -> Array:
    """C(w, b) on the grid of 1-D arrays ``w`` (rows) and ``b`` (columns): shape (len w, len b)."""
    z = _arr(w)[:, None] * x + _arr(b)[None, :]
    return cost(kind, z, y)


# ---------------------------------------------------------------------- scalar step
# The training loop runs thousands of scalar epochs; math on Python floats is ~20× faster than
# numpy on 0-d arrays.  This mirrors the vectorised functions above with the float versions from
# losslab.maths.activations (a test checks they agree).
def _point(kind: CostKind, w: float, b: float, x: float, y: float) -> tuple[float, ...]:
    """(z, a, C, ∂C/∂w, ∂C/∂b) at one point."""
    z = w * x + b
    a = sigmoid1(z)
    # The error a − y without forming a − y (exact for y = 1 on the flat top of the sigmoid).
    err = sigmoid_error1(z, y)
    if kind == "quadratic":
        c = 0.5 * err * err
        dz = err * sigmoid_prime1(z)
    else:
        c = y * softplus1(-z) + (1.0 - y) * softplus1(z)
        dz = err
    return z, a, c, dz * x, dz


# ---------------------------------------------------------------------- training
@dataclass(frozen=True)
class Trajectory:
    """A training run, epoch by epoch.

    Every array has one entry per *computed* epoch 0, 1, …: ``len(w) == epochs + 1`` for a run
    that completed, fewer if it diverged.  Entry t holds the parameters after t updates, the
    weighted input, output and cost they give, and the gradient at that point (the one used for
    the update t → t + 1; at the last epoch it is computed but not applied).

    Attributes:
        kind: which cost was minimised.
        eta: learning rate η (dimensionless).
        epochs: number of updates asked for (N); the run covers epochs 0..N.
        w, b: weight and bias.
        z: weighted input w·x + b.
        a: output σ(z).
        cost: cost C (nats for cross-entropy, squared output units / 2 for quadratic).
        dw, db: ∂C/∂w and ∂C/∂b.
        diverged_at: the first epoch whose values were unusable (|z| > Z_LIMIT or not finite),
            or None.  The arrays stop at the epoch before it.
        reason: what went wrong at ``diverged_at`` (a clause, None if nothing did).
        diverged_z: the weighted input that ended the run (None if it did not stop, NaN if the
            parameters themselves stopped being finite).
    """

    kind: CostKind
    eta: float
    epochs: int
    w: Array
    b: Array
    z: Array
    a: Array
    cost: Array
    dw: Array
    db: Array
    diverged_at: int | None = None
    reason: Message | None = None
    diverged_z: float | None = None

    @property
    def n_computed(self) -> int:
        """Number of epochs with values (epochs + 1 unless the run diverged)."""
        return len(self.w)

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None

    def index(self, frame: int) -> int:
        """Row shown at animation frame ``frame``: the frame itself, or the last computed epoch."""
        return max(0, min(int(frame), self.n_computed - 1))

    def column(self, name: str) -> Array:
        """The array called ``name`` (one of w, b, z, a, cost, dw, db)."""
        if name not in FIELDS:
            raise KeyError(name)
        value: Array = getattr(self, name)
        return value


#: Why a run stops (:attr:`Trajectory.reason`): English templates in the "neuron" context.
REASONS: dict[str, str] = {
    "not_finite_parameters": "the weight or bias became {w!r}, {b!r}",
    "z_too_large": (
        "the update threw the weighted input to z = {z:.4g}, so far out on the sigmoid that a "
        "is 0 or 1 to the last digit and σ′(z) is below 1e-300: the step overshot by orders of "
        "magnitude"),
    "not_finite_value": "a value stopped being a finite number",
}

#: Strings this module produces for people, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(("neuron", text) for text in REASONS.values())

#: The per-epoch quantities of a trajectory, in CSV order.
FIELDS: tuple[str, ...] = ("w", "b", "z", "a", "cost", "dw", "db")


def train(
    kind: CostKind, w0: float, b0: float, x: float, y: float, eta: float, epochs: int
) -> Trajectory:
    """Train a single sigmoid neuron a = σ(w·x + b) on one example (x, y) by gradient descent.

    One update per epoch: w ← w − η·∂C/∂w, b ← b − η·∂C/∂b, for ``epochs`` updates; the
    returned trajectory covers epochs 0..epochs inclusive.  Deterministic: the same arguments
    always give the same numbers.

    If an epoch's weighted input leaves [−Z_LIMIT, Z_LIMIT] or any value is not finite, the run
    stops there: ``diverged_at`` is that epoch, ``reason`` explains it, and the arrays hold only
    the epochs before it.
    """
    if kind not in COSTS:
        raise ValueError(f"unknown cost {kind!r}; allowed: {', '.join(COSTS)}")
    if epochs < 0:
        raise ValueError(f"epochs must be at least 0, got {epochs}")
    rows: list[tuple[float, ...]] = []
    w, b = float(w0), float(b0)
    diverged_at: int | None = None
    diverged_z: float | None = None
    reason: Message | None = None
    for t in range(epochs + 1):
        if not (math.isfinite(w) and math.isfinite(b)):
            diverged_at, diverged_z = t, math.nan
            reason = message("neuron", REASONS["not_finite_parameters"], w=w, b=b)
            break
        z = w * x + b
        if abs(z) > Z_LIMIT:
            diverged_at, diverged_z = t, z
            reason = message("neuron", REASONS["z_too_large"], z=z)
            break
        point = _point(kind, w, b, x, y)
        if not all(math.isfinite(v) for v in point):
            diverged_at, diverged_z = t, z
            reason = message("neuron", REASONS["not_finite_value"])
            break
        rows.append((w, b, *point))
        dw, db = point[3], point[4]
        w, b = w - eta * dw, b - eta * db
    data = np.array(rows, dtype=np.float64).reshape(len(rows), len(FIELDS))
    columns: dict[str, Array] = {}
    for i, name in enumerate(FIELDS):
        col = np.ascontiguousarray(data[:, i])
        # Read-only: trajectories are cached and shared between views, nobody may edit one.
        col.flags.writeable = False
        columns[name] = col
    return Trajectory(
        kind=kind, eta=float(eta), epochs=int(epochs), diverged_at=diverged_at, reason=reason,
        diverged_z=diverged_z,
        **columns,
    )
