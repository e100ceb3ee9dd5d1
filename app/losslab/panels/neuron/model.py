"""The Neuron Training panel without Qt: its parameters, presets, runs and exported data.

One sigmoid neuron a = σ(w·x + b) is trained twice from the same start (w0, b0) on the same
example (x, y): once on the quadratic cost, once on cross-entropy (see :mod:`losslab.maths.neuron`).
Both runs are computed once per parameter change; the animation only moves ``frame``.

Learning rates.  ``eta`` is the learning rate of the quadratic run.  While ``same_eta`` is true
(the default, and the fair comparison) the cross-entropy run uses the same rate and the field
``eta_cross_entropy`` simply mirrors ``eta``, so it always holds the rate actually used (in the
CSV, the session and the GUI).  Turning ``same_eta`` off lets ``eta_cross_entropy`` differ: that
is how the "book's rates" preset reproduces the classic figure, whose cross-entropy runs used
η = 0.005 while the quadratic ones used η = 0.15.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import numpy as np

from losslab.core.animation import AnimationState
from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field
from losslab.core.text import Message, message
from losslab.maths.neuron import (
    COST_LABELS,
    COSTS,
    FIELDS,
    Array,
    CostKind,
    Trajectory,
    cost_surface,
    train,
)

ETA_MIN = 1e-4
#: Largest learning rate allowed: large enough to show a run breaking down.
ETA_MAX = 1e6
MAX_EPOCHS = 10_000
PARAM_LIMIT = 10.0
INPUT_LIMIT = 5.0
#: Samples per side of the cost-surface heat maps.
SURFACE_SAMPLES = 121

#: The training parameters, in the order :func:`runs_for` takes them.
TRAINING_PARAMS: tuple[str, ...] = ("w0", "b0", "x", "y", "eta", "eta_cross_entropy", "epochs")


class NeuronState(AnimationState):
    """Parameters of the Neuron Training panel (plus ``frame`` and ``speed`` for playback).

    Rules between fields: 0 ≤ ``frame`` ≤ ``epochs``; while ``same_eta`` is true,
    ``eta_cross_entropy`` equals ``eta``; a change of the training parameters rewinds to frame
    0 (:mod:`losslab.core.animation`).
    """

    run_params = frozenset(TRAINING_PARAMS)

    w0 = Field(ParamSpec(
        "w0", "Start weight w₀", Kind.FLOAT, 2.0, -PARAM_LIMIT, PARAM_LIMIT, step=0.1, decimals=3,
        help="the weight w before training",
    ))
    b0 = Field(ParamSpec(
        "b0", "Start bias b₀", Kind.FLOAT, 2.0, -PARAM_LIMIT, PARAM_LIMIT, step=0.1, decimals=3,
        help="the bias b before training",
    ))
    x = Field(ParamSpec(
        "x", "Input x", Kind.FLOAT, 1.0, -INPUT_LIMIT, INPUT_LIMIT, step=0.1, decimals=3,
        help="the single training input",
    ))
    y = Field(ParamSpec(
        "y", "Target y", Kind.FLOAT, 0.0, 0.0, 1.0, step=0.05, decimals=3,
        help="the output the neuron should learn to give for x",
    ))
    eta = Field(ParamSpec(
        "eta", "Learning rate η", Kind.FLOAT, 0.15, ETA_MIN, ETA_MAX, step=0.05, decimals=4,
        help="gradient-descent step size of the quadratic run (and of both runs while "
        "same_eta is on)",
    ))
    same_eta = Field(ParamSpec(
        "same_eta", "Same η for both costs", Kind.BOOL, True,
        help="train both costs with the same learning rate (the fair comparison)",
    ))
    eta_cross_entropy = Field(ParamSpec(
        "eta_cross_entropy", "Cross-entropy η", Kind.FLOAT, 0.15, ETA_MIN, ETA_MAX, step=0.005,
        decimals=4, help="learning rate of the cross-entropy run; equals eta while same_eta is on",
    ))
    epochs = Field(ParamSpec(
        "epochs", "Epochs", Kind.INT, 300, 1, MAX_EPOCHS, step=10,
        help="number of gradient-descent updates (one per epoch)",
    ))

    def n_frames(self, values: Mapping[str, Value]) -> int:
        """Epochs 0..N are the frames."""
        return int(values["epochs"]) + 1

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """Link the two learning rates while ``same_eta`` is on, then keep the frame in range.

        While linked, editing either rate moves both (the GUI policy); on the command line,
        setting ``eta_cross_entropy`` to a different value than ``eta`` without
        ``same_eta=false`` is reported as an error rather than silently overridden.
        """
        if values["same_eta"]:
            eta, eta_ce = values["eta"], values["eta_cross_entropy"]
            if eta != eta_ce:
                if "eta_cross_entropy" in touched and "eta" not in touched:
                    if not clamp:
                        raise ParamError(
                            "eta_cross_entropy: the cross-entropy run uses eta while same_eta is "
                            "true; allowed: set same_eta=false to give it its own learning rate"
                        )
                    values["eta"] = eta_ce
                else:
                    if not clamp and {"eta", "eta_cross_entropy"} <= touched:
                        raise ParamError(
                            f"eta_cross_entropy: {eta_ce:g} differs from eta ({eta:g}) while "
                            f"same_eta is true; allowed: equal rates, or same_eta=false"
                        )
                    values["eta_cross_entropy"] = eta
        return super().constrain(values, touched, clamp=clamp)


# ---------------------------------------------------------------------- presets
@dataclass(frozen=True)
class Preset:
    """A named set of values for every training parameter (playback speed is left alone).

    Attributes:
        key: identifier (used by the GUI's preset menu and tests).
        label: short English label; says honestly what the preset shows.
        description: one or two sentences for a tooltip.
        values: a value for every name in :data:`TRAINING_PARAMS` and ``same_eta``.
    """

    key: str
    label: str
    description: str
    values: Mapping[str, Value]


def _preset_values(
    w0: float, b0: float, eta: float = 0.15, eta_ce: float | None = None
) -> dict[str, Value]:
    return {
        "w0": w0, "b0": b0, "x": 1.0, "y": 0.0, "eta": eta,
        "same_eta": eta_ce is None, "eta_cross_entropy": eta if eta_ce is None else eta_ce,
        "epochs": 300,
    }


PRESETS: dict[str, Preset] = {p.key: p for p in (
    Preset(
        "starts_082", "Starts at 0.82 (w₀ = 0.6, b₀ = 0.9)",
        "Output 0.82 at the start, target 0; η = 0.15 for both costs.  Both learn, "
        "cross-entropy faster.",
        _preset_values(0.6, 0.9),
    ),
    Preset(
        "starts_098", "Starts at 0.98 (w₀ = b₀ = 2)",
        "Output 0.98 at the start, deep on the flat part of the sigmoid; η = 0.15 for both "
        "costs.  The quadratic run crawls, cross-entropy drops at once.",
        _preset_values(2.0, 2.0),
    ),
    Preset(
        "book_rates", "Book's rates: cross-entropy η = 0.005 (starts at 0.98)",
        "The classic book figure trained cross-entropy with η = 0.005 but the quadratic cost "
        "with η = 0.15.  With the smaller rate cross-entropy only reaches about 0.78 after 300 "
        "epochs: this compares learning rates, not costs.",
        _preset_values(2.0, 2.0, 0.15, 0.005),
    ),
    Preset(
        "eta_too_large", "Far too large η = 10⁶ (breaks down)",
        "A learning rate a million times too large: the first step throws the neuron so far "
        "along the sigmoid that it can no longer learn.",
        _preset_values(2.0, 2.0, ETA_MAX),
    ),
)}


#: Why a run stopped, for the learner ("neuron" context; ``{reason}`` is the run's own
#: :attr:`~losslab.maths.neuron.Trajectory.reason`, ``{cost}`` the cost's label).
DIVERGENCE_TEXT = (
    "{cost} run stopped at epoch {epoch}: {reason}.  The learning rate η = {eta:g} is far too "
    "large: each step is meant to move the parameters a little way downhill, but this one "
    "jumped far past the valley.  Try a smaller η (0.15 is a good start)."
)

#: Strings the Qt panel shows from this module, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("neuron", text)
    for text in (*COST_LABELS.values(),
                 *(t for p in PRESETS.values() for t in (p.label, p.description)),
                 DIVERGENCE_TEXT)
)


def apply_preset(state: NeuronState, key: str) -> None:
    """Set every training parameter from preset ``key`` and rewind to frame 0 (one notification)."""
    preset = PRESETS[key]
    state.update({**preset.values, "frame": 0}, clamp=False)


def matching_preset(state: NeuronState) -> str | None:
    """Key of the preset the current training parameters equal, or None."""
    current = state.values()
    for key, preset in PRESETS.items():
        if all(current[n] == v for n, v in preset.values.items()):
            return key
    return None


# ---------------------------------------------------------------------- runs
@lru_cache(maxsize=16)
def runs_for(
    w0: float, b0: float, x: float, y: float, eta: float, eta_cross_entropy: float, epochs: int
) -> dict[CostKind, Trajectory]:
    """Both training runs for these parameters, cached (trajectories are read-only)."""
    rates: dict[CostKind, float] = {"quadratic": eta, "cross_entropy": eta_cross_entropy}
    return {kind: train(kind, w0, b0, x, y, rates[kind], epochs) for kind in COSTS}


def runs(state: NeuronState) -> dict[CostKind, Trajectory]:
    """The quadratic and cross-entropy runs the state describes (computed once per change)."""
    values = state.values()
    return runs_for(*(values[n] for n in TRAINING_PARAMS))


def divergence_message(trajectory: Trajectory) -> Message | None:
    """A learner-facing explanation of why a run stopped, or None if it did not.

    The JSON export writes it in English; the panel shows it translated.
    """
    if trajectory.diverged_at is None:
        return None
    return message("neuron", DIVERGENCE_TEXT,
                   cost=message("neuron", COST_LABELS[trajectory.kind]),
                   epoch=trajectory.diverged_at, reason=trajectory.reason, eta=trajectory.eta)


# ---------------------------------------------------------------------- cost surface
def surface_extent(trajectories: Mapping[CostKind, Trajectory]) -> tuple[float, float, float, float]:
    """(w_min, w_max, b_min, b_max) covering every run's path with a margin.

    At least 4 wide in each direction, so a short path still sits in a readable landscape.
    """
    ws = np.concatenate([t.w for t in trajectories.values()])
    bs = np.concatenate([t.b for t in trajectories.values()])
    out: list[float] = []
    for v in (ws, bs):
        lo, hi = (float(v.min()), float(v.max())) if v.size else (-2.0, 2.0)
        pad = max(0.25 * (hi - lo), 2.0)
        out += [lo - pad, hi + pad]
    return out[0], out[1], out[2], out[3]


def surface(
    state: NeuronState, kind: CostKind, extent: tuple[float, float, float, float],
    samples: int = SURFACE_SAMPLES,
) -> tuple[Array, Array, Array]:
    """(w grid, b grid, C[w, b]) of cost ``kind`` over ``extent`` for the state's (x, y)."""
    w = np.linspace(extent[0], extent[1], samples)
    b = np.linspace(extent[2], extent[3], samples)
    return w, b, cost_surface(kind, w, b, state.x, state.y)


# ---------------------------------------------------------------------- export
def run_table(state: NeuronState) -> Table:
    """CSV columns: ``epoch``, then ``quadratic_<f>`` and ``cross_entropy_<f>`` for f in
    w, b, z, a, cost, dw, db; one row per epoch 0..N.  A run that diverged has NaN from its
    ``diverged_at`` epoch on (there is no meaningful value there)."""
    n = state.epochs + 1
    # Whole numbers, so the CSV says 0, 1, 2 rather than 0.0, 1.0, 2.0.
    table: Table = {"epoch": cast(Array, np.arange(n))}
    for kind, traj in runs(state).items():
        for name in FIELDS:
            col = np.full(n, np.nan)
            values = traj.column(name)
            col[: len(values)] = values
            table[f"{kind}_{name}"] = col
    return table


def summary(state: NeuronState) -> dict[str, Any]:
    """JSON export: parameters, each run's start, end and divergence, and the CSV columns."""
    result: dict[str, Any] = {}
    for kind, traj in runs(state).items():
        last = traj.n_computed - 1
        why = divergence_message(traj)
        result[kind] = {
            "eta": traj.eta,
            "start_output": float(traj.a[0]),
            "last_epoch": last,
            "final_output": float(traj.a[last]),
            "final_cost": float(traj.cost[last]),
            "diverged_at": traj.diverged_at,
            "message": why.english() if why is not None else "",
        }
    return {
        "params": state.to_dict(),
        "runs": result,
        "columns": {name: col.tolist() for name, col in run_table(state).items()},
    }


def problem(state: NeuronState) -> tuple[Message, ...]:
    """Why some epochs have no numbers: one message per run that broke down (none if both
    runs are complete)."""
    return tuple(m for m in map(divergence_message, runs(state).values()) if m is not None)


PANEL = PanelModel(NeuronState, run_table, summary,
                   problem=problem)
