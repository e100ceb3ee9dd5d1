"""The Fit lab without Qt: points, the losses fitted to them, and what every fit exports.

``task=regression``: points (x, y), lines y = w·x + b, residuals r = y − (w·x + b).
``task=classification``: points (x₁, x₂, label ±1), decision lines w·x + b = 0, margins
m = label·(w·x + b).  For each chosen loss of the task the panel minimises

    J(w, b) = (1/n) Σ L(rᵢ or mᵢ) + λ·P(w),   P = ‖w‖₁ (l1), ‖w‖₂² (l2), or none; b is free,

exactly (see :mod:`losslab.maths.fitting`).  Empirical risk = the mean loss, structural risk =
λ·P(w), objective = their sum; all dimensionless.  The logistic loss is in nats here.

Switching ``task`` (when the points were not given at the same time) loads that task's default
points: the "one outlier" line for regression, the "overlapping classes" set for classification;
and if no loss of the new task is chosen, its default losses are added.  ``losses`` keeps one
selection for both tasks, as the Loss Curves panel does.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState
from losslab.maths import fitting
from losslab.maths.losses import MARGIN_KEYS, RESIDUAL_KEYS
from losslab.panels.losses.model import LossCurvesState

FAMILY = {"regression": "residual", "classification": "margin"}
TASK_KEYS: dict[str, tuple[str, ...]] = {
    "regression": tuple(k for k in RESIDUAL_KEYS),
    "classification": tuple(k for k in MARGIN_KEYS if k != "zero_one"),
}
FIT_KEYS = TASK_KEYS["regression"] + TASK_KEYS["classification"]
DEFAULT_LOSSES = {
    "regression": ("squared", "absolute", "huber"),
    "classification": ("hinge", "logistic", "exponential"),
}
#: Coordinates live in [−COORD_LIMIT, COORD_LIMIT]: wide enough for any lesson, small enough
#: that e^(−m) stays finite for every line the solver tries.
COORD_LIMIT = 100.0
MAX_POINTS = 400

Rows = tuple[tuple[float, ...], ...]

PRESETS: dict[str, dict[str, Rows]] = {
    "regression": {
        "clean_line": tuple((float(x), 0.5 * x + 1.0) for x in range(-4, 5)),
        "one_outlier": ((0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (3.0, 3.0), (4.0, 20.0)),
        "heavy_tails": ((-4.0, -3.1), (-3.0, -2.4), (-2.0, -1.2), (-1.0, 4.5), (0.0, 0.2),
                        (1.0, 0.9), (2.0, 2.3), (3.0, -6.0), (4.0, 3.8), (5.0, 5.1),
                        (6.0, 5.7), (7.0, 15.0)),
    },
    "classification": {
        "separable": ((1.0, 2.0, 1.0), (2.0, 3.0, 1.0), (3.0, 4.0, 1.0), (1.5, 3.5, 1.0),
                      (2.0, 1.0, -1.0), (3.0, 1.0, -1.0), (4.0, 2.0, -1.0), (3.5, 0.5, -1.0)),
        # The reference set of the content notes plus one point of each class on the wrong side.
        "overlapping": ((1.0, 2.0, 1.0), (2.0, 3.0, 1.0), (3.0, 3.0, 1.0), (2.0, 1.0, -1.0),
                        (3.0, 1.0, -1.0), (4.0, 2.0, -1.0), (0.5, 0.5, -1.0),
                        (3.0, 1.8, 1.0), (1.5, 2.8, -1.0)),
        "mislabelled": ((1.0, 2.0, 1.0), (2.0, 3.0, 1.0), (3.0, 4.0, 1.0), (1.5, 3.5, 1.0),
                        (2.0, 1.0, -1.0), (3.0, 1.0, -1.0), (4.0, 2.0, -1.0), (3.5, 0.5, -1.0),
                        (4.0, 0.0, 1.0)),
    },
}
PRESET_LABELS = {
    "clean_line": "clean line", "one_outlier": "one outlier", "heavy_tails": "heavy-tailed noise",
    "separable": "separable classes", "overlapping": "overlapping classes",
    "mislabelled": "one mislabelled point",
}
DEFAULT_POINTS = {"regression": PRESETS["regression"]["one_outlier"],
                  "classification": PRESETS["classification"]["overlapping"]}


class FitState(PanelState):
    """Parameters of the Fit lab."""

    task = Field(ParamSpec(
        "task", "Task", Kind.CHOICE, "regression", choices=("regression", "classification"),
        help="regression: lines y = w·x + b through (x, y) points; classification: decision "
        "lines w·x + b = 0 between points labelled ±1",
    ))
    losses = Field(ParamSpec(
        "losses", "Losses", Kind.MULTI,
        DEFAULT_LOSSES["regression"] + DEFAULT_LOSSES["classification"], choices=FIT_KEYS,
        help="which losses are fitted (only those of the current task are used)",
    ))
    penalty = Field(ParamSpec(
        "penalty", "Penalty", Kind.CHOICE, "none", choices=("none", "l1", "l2"),
        help="structural risk λ·P(w): none, l1 = λ‖w‖₁, l2 = λ‖w‖₂² (b is not penalised)",
    ))
    lam = Field(ParamSpec(
        "lam", "λ", Kind.FLOAT, 0.0, 0.0, 100.0, step=0.01, decimals=4,
        help="weight λ ≥ 0 of the penalty",
    ))
    points = Field(ParamSpec(
        "points", "Points", Kind.MATRIX, DEFAULT_POINTS["regression"],
        -COORD_LIMIT, COORD_LIMIT, min_len=1, max_len=MAX_POINTS, min_cols=2, max_cols=3,
        help="the data: rows 'x,y' (regression) or 'x1,x2,label' with label ±1 "
        "(classification), separated by ';'",
    ))
    huber_delta = Field(LossCurvesState.specs["huber_delta"])
    quantile_tau = Field(LossCurvesState.specs["quantile_tau"])
    epsilon = Field(LossCurvesState.specs["epsilon"])
    new_label = Field(ParamSpec(
        "new_label", "New point class", Kind.CHOICE, "+1", choices=("+1", "-1"),
        help="the label a point added by clicking gets (classification)",
    ))
    show_pulls = Field(ParamSpec(
        "show_pulls", "Show pulls", Kind.BOOL, True,
        help="draw each point's pull −L′ on every fit",
    ))

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """Rows must have 2 columns (regression) or 3 with labels ±1 (classification).

        A change of task that does not bring its own points loads the task's defaults (both
        policies).  Otherwise, strictly, a wrong row length or label is an error; in the GUI
        policy rows are repaired (extra columns dropped, label +1 added, labels → sign)."""
        task = values["task"]
        cols = 2 if task == "regression" else 3
        points = values["points"]
        if "task" in touched and "points" not in touched and len(points[0]) != cols:
            values["points"] = points = DEFAULT_POINTS[task]
            if not any(k in values["losses"] for k in TASK_KEYS[task]):
                values["losses"] = tuple(k for k in FIT_KEYS
                                         if k in values["losses"] or k in DEFAULT_LOSSES[task])
        if len(points[0]) != cols:
            if not clamp:
                raise ParamError(f"points: rows of {len(points[0])} numbers for task={task}; "
                                 f"allowed: rows of {cols} numbers "
                                 + ("'x,y'" if cols == 2 else "'x1,x2,label'"))
            points = tuple((r + (1.0,))[:cols] for r in points)
        if cols == 3:
            bad = [i for i, r in enumerate(points) if r[2] not in (1.0, -1.0)]
            if bad:
                if not clamp:
                    raise ParamError(f"points: row {bad[0]} has label {points[bad[0]][2]:g}; "
                                     "allowed: labels 1 or -1")
                points = tuple(r[:2] + (-1.0 if r[2] < 0 else 1.0,) for r in points)
        values["points"] = points
        return values


def settings_of(state: FitState) -> dict[str, float]:
    """The numeric loss parameters, keyed as :attr:`LossInfo.params` expects."""
    return {"huber_delta": state.huber_delta, "quantile_tau": state.quantile_tau,
            "epsilon": state.epsilon, "logistic_base_value": math.e}


def visible_keys(state: FitState) -> tuple[str, ...]:
    """The losses fitted now: chosen ones of the current task, in registry order."""
    return tuple(k for k in TASK_KEYS[state.task] if k in state.losses)


def problem_of(state: FitState) -> fitting.Problem:
    return fitting.make_problem(state.task, state.points)


def compute(state: FitState, warm: dict[str, np.ndarray] | None = None,
            check_unique: bool = True) -> tuple[fitting.Problem, dict[str, fitting.Fit]]:
    """The problem and one exact :class:`~losslab.maths.fitting.Fit` per visible loss."""
    problem = problem_of(state)
    settings = settings_of(state)
    fits = {
        key: fitting.fit(problem, key, settings, state.penalty, state.lam,
                         warm=(warm or {}).get(key), check_unique=check_unique)
        for key in visible_keys(state)
    }
    return problem, fits


def point_weights(problem: fitting.Problem, fits: dict[str, fitting.Fit]) -> np.ndarray | None:
    """AdaBoost weights ∝ e^(−mᵢ) under the exponential fit (None without one)."""
    f = fits.get("exponential")
    if f is None or problem.task != "classification":
        return None
    return fitting.adaboost_weights(f.z)


# ---------------------------------------------------------------------------- export
def table(state: FitState) -> Table:
    """CSV: one row per point: its coordinates (``x, y`` or ``x1, x2, label``), then for every
    fit ``<loss>_residual`` (or ``_margin``), ``<loss>_loss`` = L, ``<loss>_pull`` = −L′, and
    ``exponential_adaboost_weight`` under the exponential loss."""
    problem, fits = compute(state, check_unique=False)
    pts = np.asarray(state.points, dtype=np.float64)
    names = ("x", "y") if state.task == "regression" else ("x1", "x2", "label")
    cols: Table = {name: pts[:, j] for j, name in enumerate(names)}
    settings = settings_of(state)
    z_name = "residual" if state.task == "regression" else "margin"
    for key, f in fits.items():
        cols[f"{key}_{z_name}"] = f.z
        cols[f"{key}_loss"] = fitting.loss_value(key, f.z, settings)
        cols[f"{key}_pull"] = fitting.pulls(key, f.z, settings)
    weights = point_weights(problem, fits)
    if weights is not None:
        cols["exponential_adaboost_weight"] = weights
    return cols


def summary(state: FitState) -> dict[str, Any]:
    """JSON: parameters and, per loss, ``w``, ``b``, ``empirical_risk``, ``structural_risk``,
    ``objective``, ``status`` (optimal, not_unique, trivial, no_finite_minimiser),
    ``status_text`` and ``attained``; ``svm_C`` under hinge with L2."""
    problem, fits = compute(state)
    out: dict[str, Any] = {}
    for key, f in fits.items():
        out[key] = {
            "w": f.w.tolist(), "b": f.b,
            "empirical_risk": f.empirical_risk, "structural_risk": f.structural_risk,
            "objective": f.objective, "status": f.status, "status_text": f.status_text,
            "attained": f.attained,
        }
    doc: dict[str, Any] = {"params": state.to_dict(), "n": problem.n,
                           "objective": "(1/n) sum L(z_i) + lam * P(w)", "fits": out}
    if "hinge" in fits and state.penalty == "l2":
        doc["svm_C"] = fitting.svm_c(state.lam, problem.n) if state.lam > 0 else None
    return doc


def check_request(state: FitState, given: frozenset[str]) -> None:
    """Command line: losses named with ``--set losses=`` must belong to the task."""
    if "losses" not in given:
        return
    wrong = [k for k in state.losses if k not in TASK_KEYS[state.task]]
    if wrong:
        raise ParamError(
            f"losses: {', '.join(wrong)} not available for task={state.task}; "
            f"allowed: a comma-separated list of {', '.join(TASK_KEYS[state.task])}")
    if not visible_keys(state):
        raise ParamError("losses: none chosen; allowed: a comma-separated list of "
                         + ", ".join(TASK_KEYS[state.task]))


#: Strings the view shows from this module (context "fit"), for the translation script.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("fit", text) for text in (*fitting.STATUS_TEXT.values(), *PRESET_LABELS.values())
)

PANEL = PanelModel(FitState, table, summary, check_request)
