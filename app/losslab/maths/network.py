"""A two-layer network from scratch: forward pass, backpropagation, gradient-descent training.

The network (content.md §5) maps each input row x (3 numbers, the last always 1 so that it acts
as a bias) through one hidden layer of ``hidden`` sigmoid units to one sigmoid output::

    z1 = X · W1          (4 × hidden)     a1 = σ(z1)
    z2 = a1 · W2         (4 × 1)          ŷ  = σ(z2)

with σ(z) = 1 / (1 + e^(−z)).  There are no separate bias vectors (biases are taken as 0).

Two losses, both *summed* over the four examples (not averaged), dimensionless:

* ``sse``, the sum of squared errors  L = Σ (y − ŷ)²,
  whose gradient at the output pre-activation is  ∂L/∂z2 = 2(ŷ − y)·σ′(z2);
* ``cross_entropy``, the binary cross-entropy  L = −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]  (nats),
  whose gradient is  ∂L/∂z2 = ŷ − y: the σ′(z2) factor cancels, exactly as for one neuron.

Backpropagation by the chain rule then gives, for either loss with δ2 = ∂L/∂z2::

    ∂L/∂W2 = a1ᵀ · δ2
    δ1     = (δ2 · W2ᵀ) ⊙ σ′(z1)          (⊙: element-wise product)
    ∂L/∂W1 = Xᵀ · δ1

and each iteration of plain (full-batch) gradient descent does W ← W − η ∂L/∂W.  With η = 1
and the squared error this is the classic "neural network from scratch" whose loss falls to about
0.002 in 1500 iterations.

Everything is computed stably, with the one sigmoid of :mod:`losslab.maths.activations`: σ from
e^(−|z|) (never overflows), σ′(z) = σ(z)·σ(−z) (keeps its precision when σ(z) is close to 1), the
output error ŷ − y as (1 − y)·σ(z2) − y·σ(−z2) (forming ŷ first and subtracting a target of 1
would cancel the digits of a confident output; both losses and δ2 are built from this error), and
the cross-entropy straight from the logits with softplus (finite even for a confidently wrong,
saturated output).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from losslab.maths.activations import Array, sigmoid, sigmoid_error, softplus
from losslab.maths.activations import sigmoid_prime as sigmoid_slope

__all__ = [
    "LOSS_KEYS", "X_DATA", "Y_DATA", "Array", "Forward", "LossKey", "NetworkRun", "cached_run",
    "forward", "gradients", "initial_weights", "loss_value", "output_delta", "sigmoid",
    "sigmoid_slope", "steps_to_tolerance", "train",
]
LossKey = Literal["sse", "cross_entropy"]

#: Loss keys, in menu order.
LOSS_KEYS: tuple[LossKey, ...] = ("sse", "cross_entropy")

#: The four training inputs (the third column is a constant 1 that plays the role of a bias).
X_DATA: Array = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=np.float64)
#: Their targets: 1 exactly when the first two inputs differ (XOR of the first two columns).
Y_DATA: Array = np.array([[0], [1], [1], [0]], dtype=np.float64)

X_DATA.setflags(write=False)
Y_DATA.setflags(write=False)


# ---------------------------------------------------------------------- one pass
@dataclass(frozen=True)
class Forward:
    """Intermediate values of one forward pass (shapes for N examples and H hidden units).

    Attributes:
        z1: hidden pre-activations X·W1, N × H.
        a1: hidden activations σ(z1), N × H.
        z2: output pre-activations a1·W2, N × 1 (the logits).
        y_hat: outputs σ(z2), N × 1, each in (0, 1).
    """

    z1: Array
    a1: Array
    z2: Array
    y_hat: Array


def forward(x: Array, w1: Array, w2: Array) -> Forward:
    """Forward pass: a1 = σ(X·W1), ŷ = σ(a1·W2)."""
    z1 = x @ w1
    a1 = sigmoid(z1)
    z2 = a1 @ w2
    return Forward(z1, a1, z2, sigmoid(z2))


def loss_value(loss: LossKey, z2: Array, y: Array) -> float:
    """The summed loss of outputs σ(z2) against targets y (see the module docstring).

    ``sse`` squares the error (1 − y)·σ(z2) − y·σ(−z2) (exact also where ŷ rounds to 1);
    ``cross_entropy`` uses −ln σ(z) = ln(1 + e^(−z)) = softplus(−z) and
    −ln(1 − σ(z)) = softplus(z), so it stays finite for any finite logit.
    """
    if loss == "sse":
        return float(np.sum(sigmoid_error(z2, y) ** 2))
    if loss == "cross_entropy":
        return float(np.sum(y * softplus(-z2) + (1.0 - y) * softplus(z2)))
    raise ValueError(f"unknown loss {loss!r}; allowed: {', '.join(LOSS_KEYS)}")


def output_delta(loss: LossKey, z2: Array, y: Array) -> Array:
    """δ2 = ∂L/∂z2: 2(ŷ − y)·σ′(z2) for ``sse``, ŷ − y for ``cross_entropy``."""
    # Not sigmoid(z2) - y: that cancels for a target of 1 once ŷ is close to 1.
    err = sigmoid_error(z2, y)
    if loss == "sse":
        return 2.0 * err * sigmoid_slope(z2)
    if loss == "cross_entropy":
        return err
    raise ValueError(f"unknown loss {loss!r}; allowed: {', '.join(LOSS_KEYS)}")


def gradients(
    loss: LossKey, x: Array, y: Array, w1: Array, w2: Array
) -> tuple[float, Array, Array]:
    """Loss and its gradients (L, ∂L/∂W1, ∂L/∂W2) by backpropagation (chain rule)."""
    f = forward(x, w1, w2)
    delta2 = output_delta(loss, f.z2, y)
    grad_w2 = f.a1.T @ delta2
    delta1 = (delta2 @ w2.T) * sigmoid_slope(f.z1)
    grad_w1 = x.T @ delta1
    return loss_value(loss, f.z2, y), grad_w1, grad_w2


def initial_weights(seed: int, hidden: int, n_inputs: int = 3) -> tuple[Array, Array]:
    """W1 (n_inputs × hidden) then W2 (hidden × 1), uniform on [0, 1) from default_rng(seed)."""
    rng = np.random.default_rng(seed)
    w1 = rng.random((n_inputs, hidden))
    w2 = rng.random((hidden, 1))
    return w1, w2


# ---------------------------------------------------------------------- a whole run
@dataclass(frozen=True)
class NetworkRun:
    """A whole training run, one entry per step k = 0 … iterations.

    Step k holds the weights after k gradient-descent updates and the loss and predictions those
    weights give, so step 0 is the untrained network and step ``iterations`` the trained one.
    All arrays are read-only (runs are cached and shared).

    Attributes:
        loss_key: which loss was minimised (and is reported in ``loss``).
        learning_rate: the step size η.
        loss: L at each step, shape (iterations + 1,).
        predictions: ŷ for the four examples at each step, shape (iterations + 1, 4).
        w1: W1 at each step, shape (iterations + 1, 3, hidden).
        w2: W2 at each step, shape (iterations + 1, hidden, 1).
        targets: y, shape (4,).
    """

    loss_key: LossKey
    learning_rate: float
    loss: Array
    predictions: Array
    w1: Array
    w2: Array
    targets: Array

    @property
    def iterations(self) -> int:
        """Number of gradient-descent updates (one less than the number of steps)."""
        return int(self.loss.shape[0]) - 1

    @property
    def hidden(self) -> int:
        """Number of hidden units."""
        return int(self.w1.shape[2])

    @property
    def final_loss(self) -> float:
        """L after the last update."""
        return float(self.loss[-1])

    @property
    def final_predictions(self) -> Array:
        """ŷ after the last update, shape (4,)."""
        last: Array = self.predictions[-1]
        return last


def train(
    loss: LossKey = "sse",
    *,
    hidden: int = 4,
    learning_rate: float = 1.0,
    iterations: int = 1500,
    seed: int = 0,
    x: ArrayLike = X_DATA,
    y: ArrayLike = Y_DATA,
) -> NetworkRun:
    """Train from weights drawn by :func:`initial_weights` with full-batch gradient descent.

    Each of the ``iterations`` updates is W ← W − η ∂L/∂W for both weight matrices at once,
    using the gradients of :func:`gradients`.  Returns every step (see :class:`NetworkRun`).
    """
    if loss not in LOSS_KEYS:
        raise ValueError(f"unknown loss {loss!r}; allowed: {', '.join(LOSS_KEYS)}")
    if hidden < 1 or iterations < 0:
        raise ValueError("hidden must be at least 1 and iterations at least 0")
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64).reshape(-1, 1)
    w1, w2 = initial_weights(seed, hidden, xa.shape[1])
    steps = iterations + 1
    losses = np.empty(steps)
    preds = np.empty((steps, xa.shape[0]))
    w1s = np.empty((steps, *w1.shape))
    w2s = np.empty((steps, *w2.shape))
    for k in range(steps):
        w1s[k], w2s[k] = w1, w2
        f = forward(xa, w1, w2)
        losses[k] = loss_value(loss, f.z2, ya)
        preds[k] = f.y_hat[:, 0]
        if k == iterations:
            break
        # Inlined backprop (same maths as gradients()) so the forward pass is not done twice.
        delta2 = output_delta(loss, f.z2, ya)
        grad_w2 = f.a1.T @ delta2
        grad_w1 = xa.T @ ((delta2 @ w2.T) * sigmoid_slope(f.z1))
        w1 = w1 - learning_rate * grad_w1
        w2 = w2 - learning_rate * grad_w2
    targets = ya[:, 0].copy()
    for arr in (losses, preds, w1s, w2s, targets):
        arr.setflags(write=False)
    return NetworkRun(loss, float(learning_rate), losses, preds, w1s, w2s, targets)


def steps_to_tolerance(run: NetworkRun, tolerance: float = 0.05) -> int | None:
    """First step k at which every prediction is within ``tolerance`` of its target.

    ``None`` when the run never gets there.  Comparing this number between the two losses shows
    how much faster the cross-entropy learns.
    """
    close = np.all(np.abs(run.predictions - run.targets) < tolerance, axis=1)
    if not close.any():
        return None
    return int(np.argmax(close))


@lru_cache(maxsize=16)
def cached_run(
    loss: LossKey, hidden: int, learning_rate: float, iterations: int, seed: int
) -> NetworkRun:
    """:func:`train` on the built-in XOR-like data, memoised on its parameters.

    The table, the JSON summary and every view of the panel ask for the same run; caching makes
    that one computation per parameter change (runs are immutable, so sharing them is safe).
    """
    return train(
        loss, hidden=hidden, learning_rate=learning_rate, iterations=iterations, seed=seed
    )
