"""PyTorch and Keras code that reproduces the Cross-entropy panel's numbers for its batch.

Each snippet prints its results with LossLab's own value in a comment (every digit, the shortest
text that reads back as the same double), so a learner can paste it and compare.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from losslab.maths.cross_entropy import Loss
from losslab.panels.cross_entropy.compute import compute

if TYPE_CHECKING:
    from losslab.panels.cross_entropy.model import CrossEntropyState


def _num(v: float) -> str:
    return repr(float(v))


def _matrix(rows: tuple[tuple[float, ...], ...]) -> str:
    return "[" + ", ".join("[" + ", ".join(_num(v) for v in r) + "]" for r in rows) + "]"


def _fmt_loss(v: Loss) -> str:
    """LossLab's value for a snippet comment, every digit (shortest round-trip repr), one line."""
    if isinstance(v, np.ndarray):
        # One line: the text ends up after a '#' in generated code.
        return "[" + ", ".join(_fmt_loss(x) for x in v) + "]"
    return "nan" if math.isnan(v) else repr(float(v))


_KERAS_REDUCTION = {"mean": '"sum_over_batch_size"', "sum": '"sum"', "none": "None"}


def pytorch_snippet(state: CrossEntropyState) -> str:
    """Python code that computes this panel's PyTorch value with torch (float64, so the digits
    match: checked with torch 2.13.0).  It leaves the result in a variable named ``loss``."""
    r = compute(state)
    lines = ["import torch", "import torch.nn as nn", ""]
    data = _matrix(state.logits)
    weight = (f"torch.tensor([{', '.join(_num(v) for v in state.weight)}], dtype=torch.float64)"
              if state.weight else "None")
    if state.mode == "binary":
        lines.append(f"y = torch.tensor({_matrix(state.binary_targets)}, dtype=torch.float64)")
        if state.from_logits:
            lines += [f"logits = torch.tensor({data}, dtype=torch.float64)",
                      f'loss_fn = nn.BCEWithLogitsLoss(weight={weight}, '
                      f'reduction="{state.reduction}")',
                      "loss = loss_fn(logits, y)"]
        else:
            lines += [f"probs = torch.tensor({data}, dtype=torch.float64)",
                      f'loss_fn = nn.BCELoss(weight={weight}, reduction="{state.reduction}")',
                      "loss = loss_fn(probs, y)"]
    else:
        lines.append(f"targets = torch.tensor([{', '.join(str(t) for t in state.targets)}])")
        ctor = (f'nn.CrossEntropyLoss(weight={weight}, reduction="{state.reduction}", '
                f"ignore_index={state.ignore_index}, label_smoothing={_num(state.label_smoothing)})")
        if state.from_logits:
            lines += [f"logits = torch.tensor({data}, dtype=torch.float64)",
                      f"loss_fn = {ctor}", "loss = loss_fn(logits, targets)"]
        else:
            lines += [f"probs = torch.tensor({data}, dtype=torch.float64)",
                      "probs = probs / probs.sum(dim=1, keepdim=True)",
                      "# CrossEntropyLoss expects logits; log p is a valid set of logits.",
                      f"loss_fn = {ctor}", "loss = loss_fn(torch.log(probs), targets)"]
    key = "pytorch_bce" if state.mode == "binary" else "pytorch"
    lines += [f"print(loss.tolist())  # LossLab: {_fmt_loss(r.value(key))}", ""]
    return "\n".join(lines)


def keras_snippet(state: CrossEntropyState) -> str:
    """Python code computing this panel's Keras values with Keras 3, in float64 as far as Keras
    allows.  Results are left in ``loss`` (and ``loss_sparse``).

    Checked with Keras 3.15.1 on the torch backend (torch 2.13.0): with
    ``keras.config.set_floatx("float64")`` and float64 arrays, the categorical per-row values
    (``reduction=None``) equal LossLab's to every digit, but Keras' type promotion maps float64
    to float32 outside TensorFlow (``keras.ops.mean`` and the divisions of the reductions), so
    reduced values and every ``BinaryCrossentropy`` value (which averages each row) are float32
    results: the default binary batch gives 0.6819846630096436 against 0.6819847202626583
    (relative difference 8.4e-8).  The comment in the snippet says so.
    """
    r = compute(state)
    red = _KERAS_REDUCTION[state.reduction]
    fl = "True" if state.from_logits else "False"
    ls = _num(state.label_smoothing)
    lines = ["import numpy as np", "import keras", "",
             "# LossLab computes in float64; Keras' default is float32, so ask for float64:",
             'keras.config.set_floatx("float64")',
             "# Even so, on the torch and jax backends Keras turns float64 into float32 inside",
             "# keras.ops.mean and the mean/sum reductions (its type rules follow JAX's default).",
             "# So reduced values, and every BinaryCrossentropy value (it averages each row), are",
             "# float32 results: they agree with LossLab to about 7 significant digits (relative",
             "# difference up to a few 1e-7).  Per-row values (reduction=None) of the categorical",
             "# losses match every digit.", ""]
    lines.append(f"y_pred = np.array({_matrix(state.logits)}, dtype=np.float64)")
    show = "print(keras.ops.convert_to_numpy({}).tolist())  # LossLab: {}"
    if state.mode == "binary":
        lines += [f"y_true = np.array({_matrix(state.binary_targets)}, dtype=np.float64)",
                  f"bce = keras.losses.BinaryCrossentropy(from_logits={fl}, label_smoothing={ls}, "
                  f"reduction={red}, dtype=\"float64\")",
                  "loss = bce(y_true, y_pred)",
                  show.format("loss", _fmt_loss(r.value("keras_binary"))), ""]
        return "\n".join(lines)
    lines.append(f"targets = np.array([{', '.join(str(t) for t in state.targets)}])")
    weighted = bool(state.weight)
    if weighted:
        lines += [f"class_weight = np.array([{', '.join(_num(v) for v in state.weight)}], "
                  "dtype=np.float64)",
                  "# Keras losses take per-sample weights: the weight of each row's target.",
                  f"sample_weight = np.where(targets != {state.ignore_index}, "
                  f"class_weight[np.where(targets != {state.ignore_index}, targets, 0)], 0.0)"]
    sw = ", sample_weight=sample_weight" if weighted else ""
    swk = ", sample_weight=sample_weight[keep]" if weighted else ""
    lines += [
        f"keep = targets != {state.ignore_index}  # one-hot targets cannot say 'ignore this row'",
        f"y_true = keras.utils.to_categorical(targets[keep], num_classes={len(state.logits[0])})",
        f"cce = keras.losses.CategoricalCrossentropy(from_logits={fl}, label_smoothing={ls}, "
        f'reduction={red}, dtype="float64")',
        f"loss = cce(y_true, y_pred[keep]{swk})",
        show.format("loss", _fmt_loss(r.value("keras_categorical"))),
        "",
        f"scce = keras.losses.SparseCategoricalCrossentropy(from_logits={fl}, "
        f'ignore_class={state.ignore_index}, reduction={red}, dtype="float64")',
        f"loss_sparse = scce(targets, y_pred{sw})",
        show.format("loss_sparse", _fmt_loss(r.value("keras_sparse"))),
        "",
    ]
    return "\n".join(lines)


def snippet(state: CrossEntropyState, framework: str) -> str:
    """``pytorch`` or ``keras`` code for the current batch."""
    if framework == "pytorch":
        return pytorch_snippet(state)
    if framework == "keras":
        return keras_snippet(state)
    raise ValueError(f"unknown framework {framework!r}; allowed: pytorch, keras")
