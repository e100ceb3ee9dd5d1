"""PyTorch and Keras code that reproduces the Regression panel's numbers for its batch.

Each snippet prints its results with LossLab's own value in a comment, so a learner can paste it
and compare.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from losslab.maths.regression import Loss
from losslab.panels.regression.compute import KERAS_LOSSES, PYTORCH_LOSSES, compute

if TYPE_CHECKING:
    from losslab.panels.regression.model import RegressionState

def _num(v: float) -> str:
    return repr(float(v))


def _matrix(rows: tuple[tuple[float, ...], ...]) -> str:
    return "[" + ", ".join("[" + ", ".join(_num(v) for v in r) + "]" for r in rows) + "]"


def _fmt_loss(v: Loss) -> str:
    if isinstance(v, np.ndarray):
        # One line: the text ends up after a '#' in generated code.
        return " ".join(np.array2string(v, precision=10, separator=", ",
                                        max_line_width=10**6).split())
    return f"{v:.12g}"


_KERAS_REDUCTION = {"mean": '"sum_over_batch_size"', "sum": '"sum"', "none": "None"}


def pytorch_snippet(state: RegressionState) -> str:
    """Python code computing this panel's PyTorch values with torch in float64 (the digits
    match).  Results are left in ``mse``, ``l1``, ``huber``, ``smooth_l1`` and the hand-written
    ``log_cosh``."""
    r = compute(state)
    red = state.reduction
    lines = [
        "import math", "import torch", "import torch.nn as nn", "",
        f"y_pred = torch.tensor({_matrix(state.predictions)}, dtype=torch.float64)",
        f"y_true = torch.tensor({_matrix(state.targets)}, dtype=torch.float64)", "",
        f'mse = nn.MSELoss(reduction="{red}")(y_pred, y_true)',
        f'l1 = nn.L1Loss(reduction="{red}")(y_pred, y_true)',
        f'huber = nn.HuberLoss(reduction="{red}", delta={_num(state.huber_delta)})'
        "(y_pred, y_true)",
        f'smooth_l1 = nn.SmoothL1Loss(reduction="{red}", beta={_num(state.beta)})'
        "(y_pred, y_true)",
    ]
    for key, _cls, _el in PYTORCH_LOSSES:
        lines.append(f"print({key})  # LossLab: {_fmt_loss(r.value('pytorch', key))}")
    lines += [
        "",
        "# No built-in log-cosh in PyTorch: ln cosh r written so that it cannot overflow,",
        "# element by element (reduce it yourself, e.g. .mean()).",
        "r = y_pred - y_true",
        "log_cosh = r.abs() + torch.log1p(torch.exp(-2 * r.abs())) - math.log(2)",
        "",
    ]
    return "\n".join(lines)


def keras_snippet(state: RegressionState) -> str:
    """Python code computing this panel's Keras values with Keras 3 in float64.  Results are
    left in ``mse``, ``mae``, ``huber`` and ``log_cosh``."""
    r = compute(state)
    red = _KERAS_REDUCTION[state.reduction]
    lines = [
        "import numpy as np", "import keras", "",
        "# Keras 3 losses compute in keras.config.floatx(), float32 unless told otherwise, and",
        "# cast float64 inputs down to it. In float64 the digits match LossLab; in float32 they",
        "# agree to about 7 significant digits (relative difference around 1e-7), except that",
        "# LogCosh's r + softplus(-2r) - ln 2 then carries an absolute error near 1e-7, large",
        "# next to ln cosh r = r²/2 once |r| < 0.01 (in float64 the same happens below ~1e-5).",
        'keras.config.set_floatx("float64")',
        f"y_pred = np.array({_matrix(state.predictions)}, dtype=np.float64)",
        f"y_true = np.array({_matrix(state.targets)}, dtype=np.float64)", "",
        "# Keras takes y_true first. Each loss averages the last axis (the outputs of a sample)",
        "# before the reduction over the batch.",
        f'mse = keras.losses.MeanSquaredError(reduction={red}, dtype="float64")(y_true, y_pred)',
        f'mae = keras.losses.MeanAbsoluteError(reduction={red}, dtype="float64")(y_true, y_pred)',
        f"huber = keras.losses.Huber(delta={_num(state.huber_delta)}, reduction={red}, "
        'dtype="float64")(y_true, y_pred)',
        f'log_cosh = keras.losses.LogCosh(reduction={red}, dtype="float64")(y_true, y_pred)',
    ]
    for var, (key, _cls, _el) in zip(("mse", "mae", "huber", "log_cosh"), KERAS_LOSSES, strict=True):
        lines.append(f"print({var})  # LossLab: {_fmt_loss(r.value('keras', key))}")
    lines.append("")
    return "\n".join(lines)


def snippet(state: RegressionState, framework: str) -> str:
    """``pytorch`` or ``keras`` code for the current batch."""
    if framework == "pytorch":
        return pytorch_snippet(state)
    if framework == "keras":
        return keras_snippet(state)
    raise ValueError(f"unknown framework {framework!r}; allowed: pytorch, keras")
