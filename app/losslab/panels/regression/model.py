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
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState
from losslab.core.text import Message, message
from losslab.maths import regression as rg
from losslab.maths.regression import Array, Loss, Reduction

MAX_ROWS = 16
MAX_OUTPUTS = 10
#: Bound on every prediction and target: residuals up to 2e6, squares up to 4e12, all exact
#: enough and far from overflow.
VALUE_LIMIT = 1_000_000.0
DELTA_MIN = 0.001
PARAM_MAX = 1000.0

#: Element losses, in display order: (key, short English label).
ELEMENT_LOSSES: tuple[tuple[str, str], ...] = (
    ("squared", "r² (MSE)"),
    ("absolute", "|r| (L1, MAE)"),
    ("huber", "Huber"),
    ("smooth_l1", "Smooth L1"),
    ("log_cosh", "ln cosh r"),
)

#: PyTorch classes: (JSON key, class name, element loss key).
PYTORCH_LOSSES: tuple[tuple[str, str, str], ...] = (
    ("mse", "MSELoss", "squared"),
    ("l1", "L1Loss", "absolute"),
    ("huber", "HuberLoss", "huber"),
    ("smooth_l1", "SmoothL1Loss", "smooth_l1"),
)
#: Keras classes: (JSON key, class name, element loss key).
KERAS_LOSSES: tuple[tuple[str, str, str], ...] = (
    ("mean_squared_error", "MeanSquaredError", "squared"),
    ("mean_absolute_error", "MeanAbsoluteError", "absolute"),
    ("huber", "Huber", "huber"),
    ("log_cosh", "LogCosh", "log_cosh"),
)


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


# ---------------------------------------------------------------------------- the numbers
@dataclass(frozen=True)
class Comparison:
    """One framework call: JSON key, framework, class, element loss and its value."""

    framework: str  # "pytorch" or "keras"
    key: str
    cls: str
    element: str
    value: Loss

    @property
    def label(self) -> str:
        """E.g. ``PyTorch HuberLoss(delta=1)`` (class names are not translated)."""
        return f"{'PyTorch' if self.framework == 'pytorch' else 'Keras'} {self.cls}"


@dataclass(frozen=True)
class RegressionReport:
    """Every number the panel shows, for the state it was computed from.

    ``elements[name]`` is the [N, C] array of element losses, ``per_sample_mean[name]`` the
    Keras per-sample step (mean over the outputs), ``per_sample_sum[name]`` what each sample adds
    to PyTorch's sum, and ``share[name]`` each sample's fraction of the batch total (the same for
    both frameworks, NaN when the total is 0).
    """

    reduction: Reduction
    residuals: Array
    elements: dict[str, Array]
    per_sample_mean: dict[str, Array]
    per_sample_sum: dict[str, Array]
    share: dict[str, Array]
    comparisons: tuple[Comparison, ...]
    #: Where and why the frameworks differ for this batch (English in the JSON's ``notes``).
    messages: tuple[Message, ...]

    def value(self, framework: str, key: str) -> Loss:
        """The value of ``framework``'s loss ``key`` (KeyError when there is none)."""
        for c in self.comparisons:
            if c.framework == framework and c.key == key:
                return c.value
        raise KeyError(f"{framework}.{key}")

    @property
    def notes(self) -> tuple[str, ...]:
        """:attr:`messages` in English."""
        return tuple(m.english() for m in self.messages)


def compute(state: RegressionState) -> RegressionReport:
    """Residuals, element losses, both frameworks' reductions and the notes for ``state``."""
    p = np.asarray(state.predictions, dtype=np.float64)
    t = np.asarray(state.targets, dtype=np.float64)
    red: Reduction = state.reduction
    r = rg.residuals(p, t)
    elements = {
        "squared": rg.squared(r),
        "absolute": rg.absolute(r),
        "huber": rg.huber(r, state.huber_delta),
        "smooth_l1": rg.smooth_l1(r, state.beta),
        "log_cosh": rg.log_cosh(r),
    }
    per_mean = {k: rg.keras_per_sample(v) for k, v in elements.items()}
    per_sum = {k: np.array([math.fsum(row) for row in v.tolist()]) for k, v in elements.items()}
    share: dict[str, Array] = {}
    for k, sums in per_sum.items():
        total = math.fsum(sums.tolist())
        share[k] = sums / total if total > 0 else np.full(sums.shape, np.nan)
    comparisons = [Comparison("pytorch", key, cls, el, rg.torch_reduce(elements[el], red))
                   for key, cls, el in PYTORCH_LOSSES]
    comparisons += [Comparison("keras", key, cls, el, rg.keras_reduce(elements[el], red))
                    for key, cls, el in KERAS_LOSSES]
    report = RegressionReport(red, r, elements, per_mean, per_sum, share, tuple(comparisons), ())
    notes = _notes(report, state)
    return dataclasses.replace(report, messages=tuple(notes))


# ---------------------------------------------------------------------------- why they differ
#: Every note the panel can show, as an English template (``{name}`` for numbers).
NOTE_TEXTS: dict[str, str] = {
    "sum": (
        "reduction=sum: PyTorch adds all {elements} element losses; Keras first averages the "
        "{c} outputs of each sample and then adds the {n} samples, so PyTorch's sum is {c} "
        "times Keras' (MSE: {torch_sum:g} vs {keras_sum:g})."),
    "sum_one_output": (
        "reduction=sum with one output per sample: averaging over the last axis changes "
        "nothing, so PyTorch and Keras add the same numbers."),
    "mean": (
        "reduction=mean: PyTorch divides the sum of all elements by N·C = {elements}; Keras "
        "averages each sample's outputs and then divides by N = {n}. With equally long rows "
        "both are the mean of all elements, so the numbers agree (MSE: {torch_mean:g})."),
    "none": (
        "reduction=none: PyTorch returns one loss per element ({n}×{c}, shaped like the "
        "input); Keras one per sample ({n} values, each the mean of the sample's outputs)."),
    "huber_half": (
        "Huber's quadratic zone is ½r², not r²: inside |r| ≤ δ it is exactly half the squared "
        "error, so it never lies on the r² curve. The ½ makes its slope r meet the slope ±δ "
        "of the linear part at |r| = δ, so the loss has no kink there."),
    "smooth_l1": (
        "SmoothL1Loss(beta={beta:g}) = HuberLoss(delta={beta:g}) / {beta:g}: the same shape, "
        "rescaled so that its straight part has slope 1 like L1. It equals HuberLoss only at "
        "beta = delta = 1."),
    "smooth_l1_zero": (
        "SmoothL1Loss with beta = 0 is plain L1Loss (PyTorch switches to it), so here it "
        "equals L1Loss."),
    "l1": "L1Loss and MeanAbsoluteError use the same |r|: they differ only in the reduction.",
    "log_cosh": (
        "LogCosh exists only in Keras; PyTorch has no built-in, so the PyTorch code writes it "
        "by hand as |r| + log1p(e^(−2|r|)) − ln 2 (torch.log(torch.cosh(r)) overflows once "
        "|r| passes about 710 in float64, 89 in float32)."),
    "outlier": (
        "Sample {sample} carries {sq:.0%} of the squared loss but {ab:.0%} of the absolute "
        "loss: squaring lets one large residual dominate the batch."),
    "perfect": "Every prediction equals its target: every loss is 0.",
}


def _note(template: str, **args: Any) -> Message:
    """A note for the comparison; the template must be one of :data:`NOTE_TEXTS`."""
    return message("regression", template, **args)


def _notes(r: RegressionReport, s: RegressionState) -> list[Message]:
    """Plain-English reasons for every difference between the columns, for this batch."""
    notes: list[Message] = []
    n, c = r.residuals.shape
    sq = r.elements["squared"]
    if s.reduction == "sum":
        if c > 1:
            notes.append(_note(NOTE_TEXTS["sum"], elements=n * c, c=c, n=n,
                               torch_sum=rg.torch_reduce(sq, "sum"),
                               keras_sum=rg.keras_reduce(sq, "sum")))
        else:
            notes.append(_note(NOTE_TEXTS["sum_one_output"]))
    elif s.reduction == "mean":
        notes.append(_note(NOTE_TEXTS["mean"], elements=n * c, n=n,
                           torch_mean=rg.torch_reduce(sq, "mean")))
    else:
        notes.append(_note(NOTE_TEXTS["none"], n=n, c=c))
    notes.append(_note(NOTE_TEXTS["huber_half"]))
    if s.beta == 0:
        notes.append(_note(NOTE_TEXTS["smooth_l1_zero"]))
    else:
        notes.append(_note(NOTE_TEXTS["smooth_l1"], beta=s.beta))
    notes.append(_note(NOTE_TEXTS["l1"]))
    notes.append(_note(NOTE_TEXTS["log_cosh"]))
    if not np.any(r.residuals):
        notes.append(_note(NOTE_TEXTS["perfect"]))
    elif n > 1:
        top = int(np.argmax(r.share["squared"]))
        sq_share, ab_share = float(r.share["squared"][top]), float(r.share["absolute"][top])
        if sq_share > 0.5 and sq_share - ab_share > 0.1:
            notes.append(_note(NOTE_TEXTS["outlier"], sample=top, sq=sq_share, ab=ab_share))
    return notes


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


# ---------------------------------------------------------------------------- code snippets
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
    for var, (key, _cls, _el) in zip(("mse", "mae", "huber", "log_cosh"), KERAS_LOSSES):
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


#: Strings the Qt panel shows from this module, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("regression", text)
    for text in (*(label for _k, label in ELEMENT_LOSSES), *NOTE_TEXTS.values())
)

PANEL = PanelModel(RegressionState, table, summary)
