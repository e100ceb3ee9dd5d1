"""The Two-layer network panel without Qt: its parameters, its run, its exports and its texts.

The panel trains the network of :mod:`losslab.maths.network` on the four XOR-like examples and
plays the run back: ``frame`` k shows the network after k gradient-descent updates (frame 0 is
the untrained network).  The whole run is computed once per parameter change by
:func:`run_for` (memoised), so playing, scrubbing and exporting only index into it.

All quantities are dimensionless; the squared-error loss has no unit, the cross-entropy is in nats.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import numpy as np

from losslab.core.animation import AnimationState, speed_spec
from losslab.maths.network import (
    LOSS_KEYS,
    X_DATA,
    Array,
    LossKey,
    NetworkRun,
    cached_run,
)
from losslab.maths.network import steps_to_tolerance as _steps_to_tolerance
from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamSpec, Value
from losslab.core.state import Field

#: How close every prediction must come to its target to count as "learnt" (content.md §5).
TOLERANCE = 0.05
#: Largest run: 5000 updates of a 3-16-1 network take about a quarter of a second.
MAX_ITERATIONS = 5000
MAX_HIDDEN = 16

#: The parameters that define a run (the others, frame and speed, only play it back).
RUN_PARAMS = frozenset({"hidden", "loss", "learning_rate", "iterations", "seed"})

LOSS_LABELS: dict[str, str] = {"sse": "Sum of squared errors", "cross_entropy": "Cross-entropy"}

#: What the learner reads next to the plots, one paragraph per loss.
LOSS_EXPLANATIONS: dict[str, str] = {
    "sse": (
        "Sum of squared errors L = Σ(y − ŷ)². Its gradient at the output carries the sigmoid's "
        "slope σ′(z) = ŷ(1 − ŷ), which is small whenever the output is near 0 or 1, so the "
        "network creeps towards the targets; the read-out says how many updates each loss needs "
        "to get every prediction within 0.05 of its target."
    ),
    "cross_entropy": (
        "Cross-entropy L = −Σ[y ln ŷ + (1 − y) ln(1 − ŷ)] (nats). At the output its gradient is "
        "simply ŷ − y: the σ′ factor cancels, so a confidently wrong output still gets a large "
        "push. It reaches the targets several times sooner than the squared error, but with a "
        "learning rate of 1 that larger push can overshoot early on, and for some seeds the "
        "loss briefly rises before it falls."
    ),
}

#: The general explanation shown above the per-loss paragraph.
OVERVIEW = (
    "A network built by hand: the inputs x (three numbers, the last always 1 so that it acts "
    "as a bias) feed a hidden layer of sigmoid units through the weights W1, which feed one "
    "sigmoid output ŷ through W2. The targets are 1 exactly when the first two inputs differ, "
    "which no single neuron can learn. Backpropagation applies the chain rule layer by layer to "
    "get the gradient of the loss with respect to every weight, and each iteration moves all "
    "weights a step (the learning rate) down that gradient."
)

#: Strings the Qt panel shows from this module, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("network", text)
    for text in (*LOSS_LABELS.values(), *LOSS_EXPLANATIONS.values(), OVERVIEW)
)


class NetworkState(AnimationState):
    """Parameters of the Two-layer network panel.

    Fields:
        frame: the step shown, 0 … iterations (from :class:`AnimationState`, not saved).
        speed: playback speed in updates per second.
        hidden: number of hidden sigmoid units.
        loss: ``sse`` (sum of squared errors) or ``cross_entropy``.
        learning_rate: gradient-descent step size η.
        iterations: number of updates in the run.
        seed: seed of ``numpy.random.default_rng`` for the uniform [0, 1) initial weights.
    """


    # 1500 updates at the neuron panel's 60 frames/s would take 25 s; 300/s shows a run in 5 s.
    speed = Field(speed_spec(300.0))
    hidden = Field(ParamSpec(
        "hidden", "Hidden units", Kind.INT, 4, 1, MAX_HIDDEN, step=1,
        help="number of sigmoid units in the hidden layer",
    ))
    loss = Field(ParamSpec(
        "loss", "Loss", Kind.CHOICE, "sse", choices=LOSS_KEYS,
        help="sse: sum of squared errors; cross_entropy: binary cross-entropy (nats)",
    ))
    learning_rate = Field(ParamSpec(
        "learning_rate", "Learning rate η", Kind.FLOAT, 1.0, 0.01, 10.0, step=0.1, decimals=2,
        help="step size of gradient descent: each update subtracts η times the gradient",
    ))
    iterations = Field(ParamSpec(
        "iterations", "Iterations", Kind.INT, 1500, 1, MAX_ITERATIONS, step=100,
        help="number of full-batch gradient-descent updates",
    ))
    seed = Field(ParamSpec(
        "seed", "Seed", Kind.INT, 0, 0, 2**31 - 1, step=1,
        help="random seed of the uniform [0, 1) initial weights",
    ))

    def n_frames(self, values: Mapping[str, Value]) -> int:
        """One frame per step: the untrained network plus one per update."""
        return int(values["iterations"]) + 1

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """A new run starts at frame 0; the frame stays inside the run.

        Changing any parameter of the run (not only playing or scrubbing) rewinds the animation,
        so switching the loss replays the training from the untrained network and the learner
        can watch how fast each loss gets there.  An explicit frame in the same change wins.
        """
        new_run = any(values[n] != self._values[n] for n in RUN_PARAMS)
        if new_run and "frame" not in touched:
            values["frame"] = 0
        return super().constrain(values, touched, clamp=clamp)


def run_for(state: NetworkState) -> NetworkRun:
    """The training run the state's parameters describe (computed once, then shared)."""
    loss: LossKey = state.loss
    return cached_run(loss, state.hidden, state.learning_rate, state.iterations, state.seed)


def steps_to_tolerance(state: NetworkState) -> int | None:
    """First step at which every prediction is within :data:`TOLERANCE` of its target."""
    return _steps_to_tolerance(run_for(state), TOLERANCE)


def input_labels() -> tuple[str, ...]:
    """Short labels of the four input rows, e.g. ``"0,1,1"``."""
    return tuple(",".join(f"{v:g}" for v in row) for row in X_DATA)


def network_table(state: NetworkState) -> Table:
    """CSV columns: ``iteration`` (0 … iterations), ``loss``, ``pred_0`` … ``pred_3``.

    Row k is the network after k updates, so row 0 is the untrained network.
    """
    run = run_for(state)
    table: Table = {
        # Whole numbers, so the CSV says 0, 1, 2 rather than 0.0, 1.0, 2.0.
        "iteration": cast(Array, np.arange(run.iterations + 1)),
        "loss": np.array(run.loss),
    }
    for i in range(run.predictions.shape[1]):
        table[f"pred_{i}"] = np.array(run.predictions[:, i])
    return table


def summary(state: NetworkState) -> dict[str, Any]:
    """JSON export: parameters, final predictions and targets, final loss, final weights."""
    run = run_for(state)
    return {
        "params": state.to_dict(),
        "loss_name": LOSS_LABELS[state.loss],
        "predictions": run.final_predictions.tolist(),
        "targets": run.targets.tolist(),
        "final_loss": run.final_loss,
        "steps_to_tolerance": steps_to_tolerance(state),
        "tolerance": TOLERANCE,
        "weights": {"w1": run.w1[-1].tolist(), "w2": run.w2[-1].tolist()},
    }


PANEL = PanelModel(NetworkState, network_table, summary)
