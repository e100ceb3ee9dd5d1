"""The "Regression losses, step by step" panel without Qt: parameters, numbers, export, code.

The batch is a table of ``predictions`` and ``targets`` of the same shape [N, C] (N samples, C
outputs per sample).  For each element the residual r = prediction − target and five element
losses are computed: r² (``MSELoss`` / ``MeanSquaredError``), |r| (``L1Loss`` /
``MeanAbsoluteError``), Huber(δ) (``HuberLoss`` / ``Huber``), Smooth L1(β) (``SmoothL1Loss``) and
ln cosh r (Keras ``LogCosh``; PyTorch has no built-in).  Then each framework reduces them its own
way (see :mod:`losslab.maths.regression`): PyTorch over all elements, Keras first over each
sample's outputs (the mean over the last axis), then over the batch.

All values are float64 and exact to a few ulps; the frameworks' float32 defaults agree with them
to about 7 significant digits.

The panel's folder holds one job per file: this module the state, its rule, the export and
``PANEL``; :mod:`.compute` the numbers; :mod:`.notes` the sentences that explain them;
:mod:`.snippets` the PyTorch/Keras code.  Their public names are importable from here too.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState
from losslab.maths.regression import Loss
from losslab.panels.regression import compute as _compute
from losslab.panels.regression import notes as _notes
from losslab.panels.regression.compute import (
    ELEMENT_LOSSES,
    KERAS_LOSSES,
    PYTORCH_LOSSES,
    Comparison,
    RegressionReport,
    compute,
)
from losslab.panels.regression.notes import NOTE_TEXTS
from losslab.panels.regression.snippets import keras_snippet, pytorch_snippet, snippet

__all__ = [
    "ELEMENT_LOSSES", "KERAS_LOSSES", "NOTE_TEXTS", "PANEL", "PYTORCH_LOSSES", "TRANSLATABLE",
    "Comparison", "RegressionReport", "RegressionState", "compute", "keras_snippet",
    "pytorch_snippet", "snippet", "summary", "table",
]

MAX_ROWS = 16
MAX_OUTPUTS = 10
#: Bound on every prediction and target: residuals up to 2e6, squares up to 4e12, all exact
#: enough and far from overflow.
VALUE_LIMIT = 1_000_000.0
DELTA_MIN = 0.001
PARAM_MAX = 1000.0


class RegressionState(PanelState):
    """Parameters of the Regression losses panel."""

    predictions = Field(ParamSpec(
        "predictions", "Predictions", Kind.MATRIX, ((0.5, 1.5, 3.0), (2.0, -1.0, 0.0)),
        -VALUE_LIMIT, VALUE_LIMIT, min_len=1, max_len=MAX_ROWS, min_cols=1, max_cols=MAX_OUTPUTS,
        help="the model's outputs: one row per sample, one column per output",
    ))
    targets = Field(ParamSpec(
        "targets", "Targets", Kind.MATRIX, ((1.0, 1.0, 1.0), (0.0, 0.0, 4.0)),
        -VALUE_LIMIT, VALUE_LIMIT, min_len=1, max_len=MAX_ROWS, min_cols=1, max_cols=MAX_OUTPUTS,
        help="the true values, the same shape as predictions",
    ))
    reduction = Field(ParamSpec(
        "reduction", "Reduction", Kind.CHOICE, "sum", choices=("none", "mean", "sum"),
        help="none: the unreduced losses; mean: the average (Keras: sum_over_batch_size); "
        "sum: the total",
    ))
    huber_delta = Field(ParamSpec(
        "huber_delta", "Huber δ", Kind.FLOAT, 1.0, DELTA_MIN, PARAM_MAX, step=0.1, decimals=3,
        help="where Huber switches from ½r² to the straight line δ(|r| − ½δ)",
    ))
    beta = Field(ParamSpec(
        "beta", "Smooth L1 β", Kind.FLOAT, 1.0, 0.0, PARAM_MAX, step=0.1, decimals=3,
        help="SmoothL1Loss(beta) = HuberLoss(delta=beta) / beta; beta = 0 is plain L1",
    ))

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """predictions and targets must have the same shape.  Strictly (``clamp=False``) a
        mismatch is an error; in the GUI (``clamp=True``) the table the user did not just edit
        is cut or padded (with zeros, or with the new predictions as targets) to fit."""
        p, t = values["predictions"], values["targets"]
        if _shape(p) == _shape(t):
            return values
        if not clamp:
            raise ParamError(
                f"targets: shape {_shape_text(t)} but predictions are {_shape_text(p)}; allowed: "
                "the same shape as predictions (one target per prediction)")
        if "targets" in touched and "predictions" not in touched:
            values["predictions"] = _fit(p, _shape(t), fill=t)
        else:
            values["targets"] = _fit(t, _shape(p), fill=p)
        return values


def _shape(rows: tuple[tuple[float, ...], ...]) -> tuple[int, int]:
    return len(rows), len(rows[0])


def _shape_text(rows: tuple[tuple[float, ...], ...]) -> str:
    n, c = _shape(rows)
    return f"{n}×{c}"


def _fit(rows: tuple[tuple[float, ...], ...], shape: tuple[int, int],
         fill: tuple[tuple[float, ...], ...]) -> tuple[tuple[float, ...], ...]:
    """``rows`` cut or padded to ``shape``; new cells copy ``fill`` (so a new sample starts
    with residual 0 and adds nothing until the user edits it)."""
    n, c = shape
    out = []
    for i in range(n):
        row = rows[i] if i < len(rows) else ()
        out.append(tuple(row[j] if j < len(row) else fill[i][j] for j in range(c)))
    return tuple(out)


# ---------------------------------------------------------------------------- export
def _json(value: Loss) -> Any:
    return value.tolist() if isinstance(value, np.ndarray) else float(value)


def summary(state: RegressionState) -> dict[str, Any]:
    """JSON export.

    ``pytorch`` maps ``mse``, ``l1``, ``huber``, ``smooth_l1`` and ``keras`` maps
    ``mean_squared_error``, ``mean_absolute_error``, ``huber``, ``log_cosh`` to a number
    (reduction mean or sum) or, for reduction none, to nested lists (PyTorch: [N][C] per
    element; Keras: [N] per sample).  ``residuals`` is [N][C] (prediction − target),
    ``elements`` the [N][C] element losses and ``keras_per_sample`` the Keras per-sample means,
    both by element-loss name.
    """
    r = compute(state)
    doc: dict[str, Any] = {"params": state.to_dict(), "reduction": r.reduction,
                           "residuals": r.residuals.tolist()}
    doc["pytorch"] = {c.key: _json(c.value) for c in r.comparisons if c.framework == "pytorch"}
    doc["keras"] = {c.key: _json(c.value) for c in r.comparisons if c.framework == "keras"}
    doc["elements"] = {k: v.tolist() for k, v in r.elements.items()}
    doc["keras_per_sample"] = {k: v.tolist() for k, v in r.per_sample_mean.items()}
    doc["notes"] = list(r.notes)
    return doc


def table(state: RegressionState) -> Table:
    """CSV columns, one line per element: ``sample``, ``output``, ``prediction``, ``target``,
    ``residual`` and the element losses ``squared``, ``absolute``, ``huber``, ``smooth_l1``,
    ``log_cosh``."""
    r = compute(state)
    n, c = r.residuals.shape
    cols: Table = {
        "sample": np.repeat(np.arange(n, dtype=np.float64), c),
        "output": np.tile(np.arange(c, dtype=np.float64), n),
        "prediction": np.asarray(state.predictions, dtype=np.float64).ravel(),
        "target": np.asarray(state.targets, dtype=np.float64).ravel(),
        "residual": r.residuals.ravel(),
    }
    for key, _label in ELEMENT_LOSSES:
        cols[key] = r.elements[key].ravel()
    return cols


#: Strings the Qt panel shows from this panel's modules, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = _compute.TRANSLATABLE + _notes.TRANSLATABLE

PANEL = PanelModel(RegressionState, table, summary)
