"""The "Cross-entropy, step by step" panel without Qt: its parameters, its numbers, its export.

Two modes:

* ``categorical``: ``logits`` is an [N, C] batch (1 ≤ N ≤ 16, 2 ≤ C ≤ 10) and ``targets`` holds
  one class index per row.  The pipeline is softmax → log → pick the target's −log p → weight and
  reduce, compared with PyTorch ``CrossEntropyLoss`` and Keras ``CategoricalCrossentropy`` /
  ``SparseCategoricalCrossentropy``.
* ``binary``: the same [N, C] table holds C independent sigmoid outputs per row (C may be 1) and
  ``binary_targets`` is an [N, C] matrix of labels in [0, 1] (0/1, or soft labels).  Compared:
  Keras ``BinaryCrossentropy`` with and without ``from_logits``, PyTorch ``BCEWithLogitsLoss``
  (``BCELoss`` for probabilities) and the hand-written clipped formula.

With ``from_logits`` off the rows are probabilities: non-negative in categorical mode (each row is
normalised to sum 1, as Keras does), within [0, 1] in binary mode.

All losses are in nats.  The maths lives in :mod:`losslab.maths.cross_entropy`.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from losslab.maths import cross_entropy as ce
from losslab.maths.cross_entropy import EPSILON, Array, Loss, Reduction
from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState
from losslab.core.text import Message, message

MAX_ROWS = 16
MAX_CLASSES = 10
MIN_CLASSES = 2  # categorical mode; binary mode allows a single column
LOGIT_LIMIT = 10_000.0
#: When the GUI turns probabilities back into logits, ln 0 = −inf becomes this (e^−100 ≈ 4e−44).
LOGIT_FLOOR = -100.0
IGNORE_LIMIT = 1000


class CrossEntropyState(PanelState):
    """Parameters of the Cross-entropy panel."""


    mode = Field(ParamSpec(
        "mode", "Mode", Kind.CHOICE, "categorical", choices=("categorical", "binary"),
        help="categorical: one softmax over the classes of each row; binary: an independent "
        "sigmoid per cell",
    ))
    logits = Field(ParamSpec(
        "logits", "Logits", Kind.MATRIX, ((2.0, 1.0, 0.1), (0.5, 2.5, 0.3)),
        -LOGIT_LIMIT, LOGIT_LIMIT, min_len=1, max_len=MAX_ROWS, min_cols=1, max_cols=MAX_CLASSES,
        help="the batch: one row per example, one column per class (probabilities when "
        "from_logits is off)",
    ))
    targets = Field(ParamSpec(
        "targets", "Targets", Kind.INTS, (0, 1), -IGNORE_LIMIT, IGNORE_LIMIT,
        min_len=1, max_len=MAX_ROWS,
        help="the target class index of each row (or ignore_index to leave the row out)",
    ))
    binary_targets = Field(ParamSpec(
        "binary_targets", "Binary targets", Kind.MATRIX, ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0)),
        0.0, 1.0, min_len=1, max_len=MAX_ROWS, min_cols=1, max_cols=MAX_CLASSES,
        help="binary mode: a label in [0, 1] for every cell of the table",
    ))
    weight = Field(ParamSpec(
        "weight", "Class weights", Kind.FLOATS, (), 0.0, 1000.0, min_len=0, max_len=MAX_CLASSES,
        help="one weight per class (empty: no weights), as CrossEntropyLoss(weight=...)",
    ))
    reduction = Field(ParamSpec(
        "reduction", "Reduction", Kind.CHOICE, "mean", choices=("none", "mean", "sum"),
        help="none: one loss per row; mean: weighted average; sum: total",
    ))
    label_smoothing = Field(ParamSpec(
        "label_smoothing", "Label smoothing", Kind.FLOAT, 0.0, 0.0, 1.0, step=0.05, decimals=2,
        help="mixes the one-hot target with the uniform distribution: (1 − ε)·onehot + ε/C",
    ))
    ignore_index = Field(ParamSpec(
        "ignore_index", "Ignore index", Kind.INT, -100, -IGNORE_LIMIT, IGNORE_LIMIT, step=1,
        help="rows whose target equals this value do not count (PyTorch's ignore_index)",
    ))
    from_logits = Field(ParamSpec(
        "from_logits", "From logits", Kind.BOOL, True,
        help="on: the table holds logits; off: it holds probabilities",
    ))
    subtract_max = Field(ParamSpec(
        "subtract_max", "Subtract row max", Kind.BOOL, True,
        help="compute softmax as e^(z − max) / Σ e^(z − max), which cannot overflow; turn off "
        "to see e^z overflow for large logits",
    ))

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """Rules between fields.  Strictly (``clamp=False``): the targets (of the current mode)
        must fit the table, the weights must have one entry per class, categorical mode needs at
        least two classes, probabilities must be non-negative (categorical, each row with a
        positive sum) or within [0, 1] (binary).  In the GUI (``clamp=True``) every rule is
        repaired instead: targets are resized and clamped, weights padded with 1, and switching
        ``from_logits`` converts the table (softmax/sigmoid one way, logarithms the other)."""
        if clamp:
            return _repair(values, touched)
        _check(values)
        return values


# ---------------------------------------------------------------------------- cross-field rules
def _shape(rows: tuple[tuple[float, ...], ...]) -> tuple[int, int]:
    return len(rows), len(rows[0])


def _check(values: dict[str, Value]) -> None:
    """Raise :class:`ParamError` for the first broken rule (strict policy)."""
    logits = values["logits"]
    n, c = _shape(logits)
    binary = values["mode"] == "binary"
    if not binary:
        if c < MIN_CLASSES:
            raise ParamError(f"logits: {c} column; allowed: {MIN_CLASSES} to {MAX_CLASSES} "
                             "classes in categorical mode (use mode=binary for one column)")
        targets = values["targets"]
        if len(targets) != n:
            raise ParamError(f"targets: {len(targets)} values for {n} rows of logits; "
                             f"allowed: exactly one target per row")
        ignore = values["ignore_index"]
        for i, t in enumerate(targets):
            if not 0 <= t < c and t != ignore:
                raise ParamError(f"targets: row {i} has target {t}; allowed: a class index from "
                                 f"0 to {c - 1}, or ignore_index ({ignore})")
    else:
        shape = _shape(values["binary_targets"])
        if shape != (n, c):
            raise ParamError(f"binary_targets: shape {shape[0]}×{shape[1]} but logits are "
                             f"{n}×{c}; allowed: one label per cell of logits")
    weight = values["weight"]
    if weight and len(weight) != c:
        raise ParamError(f"weight: {len(weight)} values for {c} classes; allowed: one weight per "
                         "class, or none")
    if not values["from_logits"]:
        for i, row in enumerate(logits):
            if binary and any(not 0.0 <= v <= 1.0 for v in row):
                raise ParamError(f"logits: row {i} has a value outside [0, 1]; allowed: "
                                 "probabilities in [0, 1] when from_logits is off")
            if any(v < 0.0 for v in row):
                raise ParamError(f"logits: row {i} has a negative probability; allowed: "
                                 "non-negative numbers when from_logits is off")
            if not binary and sum(row) <= 0.0:
                raise ParamError(f"logits: row {i} sums to 0; allowed: rows of probabilities "
                                 "with a positive sum when from_logits is off")


def _round6(x: float) -> float:
    """6 significant digits: converted tables stay readable and round-trip through text."""
    return float(f"{x:.6g}")


def _convert_table(rows: tuple[tuple[float, ...], ...], *, to_logits: bool,
                   binary: bool) -> tuple[tuple[float, ...], ...]:
    """Logits ↔ probabilities, so that toggling ``from_logits`` keeps the same prediction."""
    a = np.asarray(rows, dtype=np.float64)
    if not to_logits:
        out = ce.sigmoid(a) if binary else ce.softmax(a)
    else:
        p = np.clip(a, 0.0, 1.0) if binary else np.maximum(a, 0.0)
        with np.errstate(divide="ignore"):
            if binary:
                out = np.log(p) - np.log1p(-p)  # the logit ln(p / (1 − p))
            else:
                out = np.log(p / p.sum(axis=1, keepdims=True)) if p.sum() > 0 else p
        out = np.clip(np.nan_to_num(out, nan=0.0), LOGIT_FLOOR, -LOGIT_FLOOR)
    return tuple(tuple(_round6(float(v)) for v in r) for r in out)


def _repair(values: dict[str, Value], touched: frozenset[str]) -> dict[str, Value]:
    """Make every rule hold by moving the fields the user did not just edit (GUI policy)."""
    binary = values["mode"] == "binary"
    logits = values["logits"]
    if "from_logits" in touched and "logits" not in touched:
        logits = _convert_table(logits, to_logits=values["from_logits"], binary=binary)
    n, c = _shape(logits)
    if not binary and c < MIN_CLASSES:
        logits = tuple(r + (0.0,) * (MIN_CLASSES - c) for r in logits)
        c = MIN_CLASSES
    if not values["from_logits"]:
        if binary:
            logits = tuple(tuple(min(max(v, 0.0), 1.0) for v in r) for r in logits)
        else:
            fixed = []
            for r in logits:
                r2 = tuple(max(v, 0.0) for v in r)
                # A row of zeros is no distribution; the uniform one is the neutral repair.
                fixed.append(r2 if sum(r2) > 0 else (1.0 / c,) * c)
            logits = tuple(fixed)
    values["logits"] = logits
    ignore = values["ignore_index"]
    targets = list(values["targets"][:n]) + [0] * max(0, n - len(values["targets"]))
    values["targets"] = tuple(
        t if (0 <= t < c or t == ignore) else min(max(t, 0), c - 1) for t in targets
    )
    bt = [tuple(r[:c]) + (0.0,) * max(0, c - len(r)) for r in values["binary_targets"][:n]]
    bt += [(0.0,) * c] * max(0, n - len(bt))
    values["binary_targets"] = tuple(bt)
    weight = values["weight"]
    if weight and len(weight) != c:
        values["weight"] = tuple(weight[:c]) + (1.0,) * max(0, c - len(weight))
    return values


# ---------------------------------------------------------------------------- the numbers
@dataclass(frozen=True)
class Comparison:
    """One line of the framework comparison: a JSON key, what computes it, and its value."""

    key: str
    label: str
    value: Loss


@dataclass(frozen=True)
class CrossEntropyReport:
    """Every number the panel shows, for the state it was computed from.

    Categorical mode fills ``steps`` (from logits), ``torch`` and ``manual``; binary mode fills
    ``elements`` (the Keras element-wise losses).  ``probabilities`` is [N, C] in both modes:
    softmax rows, the normalised rows, or the sigmoid of each cell.
    """

    mode: str
    reduction: Reduction
    probabilities: Array
    log_probabilities: Array | None
    steps: ce.SoftmaxSteps | None
    torch: ce.TorchCrossEntropy | None
    manual: ce.TorchCrossEntropy | None
    comparisons: tuple[Comparison, ...]
    #: Why the columns differ for this batch (the JSON's ``notes`` in English; a view
    #: translates them).
    messages: tuple[Message, ...] = field(default=())

    @property
    def notes(self) -> tuple[str, ...]:
        """:attr:`messages` in English."""
        return tuple(m.english() for m in self.messages)

    def value(self, key: str) -> Loss:
        """The value of comparison ``key`` (KeyError if this mode has none)."""
        for c in self.comparisons:
            if c.key == key:
                return c.value
        raise KeyError(key)


def _arrays(state: CrossEntropyState) -> tuple[Array, Array | None]:
    w = np.asarray(state.weight, dtype=np.float64) if state.weight else None
    return np.asarray(state.logits, dtype=np.float64), w


def compute(state: CrossEntropyState) -> CrossEntropyReport:
    """All pipeline numbers and framework values for the current state."""
    if state.mode == "binary":
        return _compute_binary(state)
    return _compute_categorical(state)


def _compute_categorical(state: CrossEntropyState) -> CrossEntropyReport:
    x, w = _arrays(state)
    t = np.asarray(state.targets, dtype=np.int64)
    red: Reduction = state.reduction
    ls, ii = state.label_smoothing, state.ignore_index
    kept = t != ii
    opts: dict[str, Any] = dict(weight=w, reduction=red, ignore_index=ii, label_smoothing=ls)
    steps: ce.SoftmaxSteps | None = None
    if state.from_logits:
        steps = ce.softmax_steps(x, subtract_max=state.subtract_max)
        probs, hand_log = steps.softmax, steps.log_softmax
        torch_log = ce.log_softmax(x)  # PyTorch's log_softmax is always the stable one
    else:
        probs = x / x.sum(axis=1, keepdims=True)
        hand_log = torch_log = ce.normalized_log(x)
    torch = ce.torch_cross_entropy_parts(torch_log, t, **opts)
    manual = ce.torch_cross_entropy_parts(hand_log, t, **opts)

    sample_weight = None if w is None else np.where(kept, w[np.where(kept, t, 0)], 0.0)
    # CategoricalCrossentropy has no ignore option: an ignored row has no one-hot target, so it
    # is left out of the batch (its 'none' entry is NaN, shown as "—").
    y = ce.one_hot(t[kept], x.shape[1])
    sw_kept = None if sample_weight is None else sample_weight[kept]
    keras_cat = _keras_categorical_kept(y, x[kept], kept, sw_kept, state.from_logits, ls, red)
    keras_sp = ce.keras_sparse(t, x, from_logits=state.from_logits, ignore_class=ii,
                               sample_weight=sample_weight, reduction=red)
    comparisons = [
        Comparison("manual", "hand-written softmax → log → NLL", manual.value),
        Comparison("pytorch", "PyTorch CrossEntropyLoss", torch.value),
        Comparison("keras_categorical", "Keras CategoricalCrossentropy (one-hot)", keras_cat),
        Comparison("keras_sparse", "Keras SparseCategoricalCrossentropy (indices)", keras_sp),
    ]
    if state.from_logits:
        comparisons.append(Comparison(
            "keras_categorical_probs",
            "Keras CategoricalCrossentropy on softmax output (from_logits=False)",
            # The softmax a framework layer computes: always the stable one.
            _keras_categorical_kept(y, ce.softmax(x)[kept], kept, sw_kept, False, ls, red),
        ))
    report = CrossEntropyReport("categorical", red, probs, hand_log, steps, torch, manual,
                                tuple(comparisons))
    return _with_notes(report, state)


def _keras_categorical_kept(y: Array, pred: Array, kept: Array, sw: Array | None,
                            from_logits: bool, ls: float, red: Reduction) -> Loss:
    if not kept.any():
        # Keras on an empty batch: 'none' has no rows, the reductions are 0.
        return np.full(kept.shape, np.nan) if red == "none" else 0.0
    value = ce.keras_categorical(y, pred, from_logits=from_logits, label_smoothing=ls,
                                 sample_weight=sw, reduction=red)
    if red != "none":
        return value
    full = np.full(kept.shape, np.nan)
    full[kept] = value
    return full


def _compute_binary(state: CrossEntropyState) -> CrossEntropyReport:
    x, w = _arrays(state)
    y = np.asarray(state.binary_targets, dtype=np.float64)
    red: Reduction = state.reduction
    ls = state.label_smoothing
    probs = ce.sigmoid(x) if state.from_logits else x
    comparisons = [
        Comparison("manual_clipped", "hand-written BCE, p clipped to [1e-7, 1 − 1e-7]",
                   ce.manual_clipped_bce(probs, y, reduction=red)),
    ]
    if state.from_logits:
        comparisons += [
            Comparison("pytorch_bce", "PyTorch BCEWithLogitsLoss",
                       ce.torch_bce_with_logits(x, y, weight=w, reduction=red)),
            Comparison("keras_binary", "Keras BinaryCrossentropy(from_logits=True)",
                       ce.keras_binary(y, x, from_logits=True, label_smoothing=ls,
                                       reduction=red)),
            Comparison("keras_binary_probs",
                       "Keras BinaryCrossentropy(from_logits=False) on sigmoid output",
                       ce.keras_binary(y, probs, from_logits=False, label_smoothing=ls,
                                       reduction=red)),
        ]
    else:
        comparisons += [
            Comparison("pytorch_bce", "PyTorch BCELoss (logs clamped at −100)",
                       ce.torch_bce(x, y, weight=w, reduction=red)),
            Comparison("keras_binary", "Keras BinaryCrossentropy(from_logits=False)",
                       ce.keras_binary(y, x, from_logits=False, label_smoothing=ls,
                                       reduction=red)),
        ]
    report = CrossEntropyReport("binary", red, probs, None, None, None, None, tuple(comparisons))
    return _with_notes(report, state)


# ---------------------------------------------------------------------------- why they differ
def _differ(a: Loss, b: Loss) -> bool:
    a_arr = np.atleast_1d(np.asarray(a, dtype=np.float64))
    b_arr = np.atleast_1d(np.asarray(b, dtype=np.float64))
    if a_arr.shape != b_arr.shape:
        return True
    return not bool(np.allclose(a_arr, b_arr, rtol=1e-9, atol=1e-12, equal_nan=True))


def _with_notes(report: CrossEntropyReport, state: CrossEntropyState) -> CrossEntropyReport:
    notes = _binary_notes(report, state) if report.mode == "binary" else _notes(report, state)
    return dataclasses.replace(report, messages=tuple(notes))


def _note(template: str, **args: Any) -> Message:
    """A note for the comparison; the template must be one of :data:`NOTE_TEXTS`."""
    return message("cross_entropy", template, **args)


#: Every note the comparison can show, as an English template (``{name}`` for numbers).
NOTE_TEXTS: dict[str, str] = {
    "overflow": (
        "Without subtracting the row maximum, e^z overflowed to infinity (any logit above about "
        "709.78 does), so softmax became inf/inf = NaN. PyTorch and Keras always subtract the "
        "maximum, so their values are still right."),
    "underflow": (
        "Some probabilities are so small that they round to exactly 0. Taking log(0) would give "
        "−inf; log-softmax instead writes log p as (z − max) − log Σ e^(z − max), which stays "
        "finite. That is why the frameworks fuse softmax and log."),
    "weights_mean": (
        "Class weights with reduction=mean: PyTorch divides the weighted sum by the sum of the "
        "targets' weights ({denominator:g}); Keras takes the weights as sample_weight and "
        "divides by the number of rows ({kept}), so its mean differs unless those are equal."),
    "smoothing": (
        "Label smoothing: the target becomes (1 − ε)·one-hot + ε/C. Keras "
        "SparseCategoricalCrossentropy has no label_smoothing option, so its value is the "
        "unsmoothed loss."),
    "smoothing_weights": (
        "With smoothing and weights, PyTorch weights the smoothing term class by class "
        "(Σ_c w_c·(−log p_c)); Keras multiplies the whole row's loss by the weight of its target "
        "class."),
    "ignored": (
        "{ignored} row(s) have target = ignore_index ({ignore_index}) and do not count. PyTorch "
        "leaves them out of the mean's divisor; Keras SparseCategoricalCrossentropy does the same "
        "with ignore_class; CategoricalCrossentropy has no such option, so they are left out of "
        "its batch."),
    "all_ignored": (
        "Every row is ignored: PyTorch's mean is 0/0 = NaN, Keras' divide_no_nan gives 0."),
    "keras_clips": (
        "Keras clips probabilities to [1e-7, 1 − 1e-7] before the log, so a probability of 0 "
        "costs −log(1e-7) ≈ 16.12 instead of infinity and a probability of 1 costs 1e-7 instead "
        "of 0. PyTorch is given log p and does not clip."),
    "torch_probabilities": (
        "PyTorch CrossEntropyLoss expects logits; for probabilities it is given log p "
        "(log-softmax of log p is log p again when a row sums to 1)."),
    "softmax_output": (
        "A softmax output passed to Keras with from_logits=False is clipped to "
        "[1e-7, 1 − 1e-7], so confident predictions lose precision; from_logits=True uses the "
        "exact log-softmax."),
    "binary_sum": (
        "reduction=sum: Keras first averages each row over its {c} columns and then adds the "
        "rows; PyTorch adds every element, so its sum is {c} times larger."),
    "binary_none": (
        "reduction=none: PyTorch returns one loss per cell; Keras one per row (the mean over the "
        "row's columns)."),
    "binary_weights": (
        "Weights are applied only by PyTorch (weight rescales each column). Keras' "
        "BinaryCrossentropy has no per-class weight."),
    "binary_smoothing": (
        "Label smoothing (y·(1 − ε) + ε/2) exists only in Keras' BinaryCrossentropy; PyTorch and "
        "the hand-written version use the labels as given."),
    "binary_clip": (
        "Some probabilities lie outside [1e-7, 1 − 1e-7]: the hand-written version and Keras "
        "with probabilities clip them there, which caps the loss of a confident mistake at about "
        "16.12; from logits, the exact formula max(x, 0) − x·y + log(1 + e^(−|x|)) needs no "
        "clipping."),
}


def _notes(r: CrossEntropyReport, s: CrossEntropyState) -> list[Message]:
    """Plain-English reasons for every difference between the columns, for this batch."""
    notes: list[Message] = []
    assert r.torch is not None
    n = len(s.targets)
    ignored = sum(1 for t in s.targets if t == s.ignore_index)
    kept = n - ignored
    if r.steps is not None and not s.subtract_max and not np.all(np.isfinite(r.steps.exp)):
        notes.append(_note(NOTE_TEXTS["overflow"]))
    if r.steps is not None and s.subtract_max and np.any(r.steps.softmax == 0.0):
        notes.append(_note(NOTE_TEXTS["underflow"]))
    if s.weight and s.reduction == "mean":
        notes.append(_note(NOTE_TEXTS["weights_mean"], denominator=r.torch.denominator,
                           kept=kept))
    if s.label_smoothing > 0:
        notes.append(_note(NOTE_TEXTS["smoothing"]))
        if s.weight:
            notes.append(_note(NOTE_TEXTS["smoothing_weights"]))
    if ignored:
        notes.append(_note(NOTE_TEXTS["ignored"], ignored=ignored, ignore_index=s.ignore_index))
        if kept == 0 and s.reduction == "mean":
            notes.append(_note(NOTE_TEXTS["all_ignored"]))
    if not s.from_logits:
        p = r.probabilities
        if np.any((p < EPSILON) | (p > 1.0 - EPSILON)):
            notes.append(_note(NOTE_TEXTS["keras_clips"]))
        notes.append(_note(NOTE_TEXTS["torch_probabilities"]))
    else:
        probs_value = r.value("keras_categorical_probs")
        if _differ(probs_value, r.value("keras_categorical")):
            notes.append(_note(NOTE_TEXTS["softmax_output"]))
    return notes


def _binary_notes(r: CrossEntropyReport, s: CrossEntropyState) -> list[Message]:
    notes: list[Message] = []
    c = len(s.logits[0])
    if s.reduction == "sum" and c > 1:
        notes.append(_note(NOTE_TEXTS["binary_sum"], c=c))
    if s.reduction == "none":
        notes.append(_note(NOTE_TEXTS["binary_none"]))
    if s.weight:
        notes.append(_note(NOTE_TEXTS["binary_weights"]))
    if s.label_smoothing > 0:
        notes.append(_note(NOTE_TEXTS["binary_smoothing"]))
    p = r.probabilities
    if np.any((p < EPSILON) | (p > 1.0 - EPSILON)):
        notes.append(_note(NOTE_TEXTS["binary_clip"]))
    return notes


# ---------------------------------------------------------------------------- not finite
def _finite(value: Loss) -> bool:
    return bool(np.all(np.isfinite(np.asarray(value, dtype=np.float64))))


#: The reasons :func:`problem` gives, as English templates (context "cross_entropy").
PROBLEM_TEXTS: dict[str, str] = {
    "overflow": ("Without subtracting the row maximum, e^z overflowed to infinity, so the "
                 "hand-written softmax is NaN and its loss is not finite."),
    "nothing_counts": ("No row counts (every target is ignored, or the targets' weights are all "
                       "0), so PyTorch's mean is 0/0 = NaN."),
    "log_zero": ("A probability of 0 where the loss needs its logarithm: −log 0 = ∞. Keras clips "
                 "probabilities to [1e-7, 1 − 1e-7], so its value stays finite."),
    "other": "Some values are not finite numbers.",
}


def problem(state: CrossEntropyState) -> tuple[Message, ...]:
    """Why some of the panel's numbers are infinite or NaN (nothing when all are finite).

    Each cause is a legitimate result, not a bug: the naive softmax overflowing, a target given
    probability 0 (−log 0 = ∞), or a mean over nothing (0/0)."""
    r = compute(state)
    values_finite = all(_finite(c.value) for c in r.comparisons)
    if values_finite and _finite(r.probabilities):
        return ()
    if r.steps is not None and not _finite(r.steps.exp):
        key = "overflow"
    elif r.torch is not None and state.reduction == "mean" and r.torch.denominator == 0:
        key = "nothing_counts"
    elif r.torch is not None and not _finite(r.torch.row_loss):
        key = "log_zero"
    else:
        key = "other"
    return (message("cross_entropy", PROBLEM_TEXTS[key]),)


# ---------------------------------------------------------------------------- export
def _json(value: Loss) -> Any:
    return value.tolist() if isinstance(value, np.ndarray) else value


#: Every label of the framework comparison (the panel translates them; context "cross_entropy").
COMPARISON_LABELS: tuple[str, ...] = (
    "hand-written softmax → log → NLL",
    "PyTorch CrossEntropyLoss",
    "Keras CategoricalCrossentropy (one-hot)",
    "Keras SparseCategoricalCrossentropy (indices)",
    "Keras CategoricalCrossentropy on softmax output (from_logits=False)",
    "hand-written BCE, p clipped to [1e-7, 1 − 1e-7]",
    "PyTorch BCEWithLogitsLoss",
    "Keras BinaryCrossentropy(from_logits=True)",
    "Keras BinaryCrossentropy(from_logits=False) on sigmoid output",
    "PyTorch BCELoss (logs clamped at −100)",
    "Keras BinaryCrossentropy(from_logits=False)",
)

#: Strings the Qt panel shows from this module, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("cross_entropy", text)
    for text in (*COMPARISON_LABELS, *NOTE_TEXTS.values(), *PROBLEM_TEXTS.values())
)


def summary(state: CrossEntropyState) -> dict[str, Any]:
    """JSON export: parameters, the pipeline numbers and every framework value.

    Categorical mode: ``softmax``, ``log_softmax``, ``nll`` (per row; null for an ignored row),
    ``row_weight``, ``row_loss``, ``denominator``, ``steps`` (from logits) and the values
    ``manual``, ``pytorch``, ``keras_categorical``, ``keras_sparse`` (and, from logits,
    ``keras_categorical_probs``).  Binary mode: ``sigmoid`` (the probabilities) and
    ``manual_clipped``, ``pytorch_bce``, ``keras_binary`` (and, from logits,
    ``keras_binary_probs``).  The JSON writer (:mod:`losslab.io.tables`) writes an infinite
    loss as the string ``"inf"`` and an undefined one (NaN: a mean over no rows, an ignored
    row's nll) as null.
    """
    r = compute(state)
    doc: dict[str, Any] = {"params": state.to_dict(),
                           "mode": r.mode, "reduction": r.reduction}
    if r.mode == "categorical":
        assert r.manual is not None and r.torch is not None and r.log_probabilities is not None
        doc["softmax"] = r.probabilities.tolist()
        doc["log_softmax"] = r.log_probabilities.tolist()
        doc["nll"] = r.manual.nll.tolist()
        doc["row_weight"] = r.manual.row_weight.tolist()
        doc["row_loss"] = r.manual.row_loss.tolist()
        doc["denominator"] = r.manual.denominator
        if r.steps is not None:
            doc["steps"] = {"shift": r.steps.shift.tolist(), "exp": r.steps.exp.tolist(),
                            "sum": r.steps.total.tolist()}
    else:
        doc["sigmoid"] = r.probabilities.tolist()
    for c in r.comparisons:
        doc[c.key] = _json(c.value)
    doc["notes"] = list(r.notes)
    return doc


def table(state: CrossEntropyState) -> Table:
    """CSV columns, one line per row of the batch: ``row``, then in categorical mode
    ``target``, ``nll``, ``row_weight``, ``row_loss`` and ``p_0`` … ``p_{C−1}`` (softmax); in
    binary mode ``keras_row`` (the row's mean element loss) and ``p_0`` … (sigmoid)."""
    r = compute(state)
    n = r.probabilities.shape[0]
    cols: Table = {"row": np.arange(n, dtype=np.float64)}
    if r.mode == "categorical":
        assert r.manual is not None
        cols["target"] = np.asarray(state.targets, dtype=np.float64)
        cols["nll"] = r.manual.nll
        cols["row_weight"] = r.manual.row_weight
        cols["row_loss"] = r.manual.row_loss
    else:
        y = np.asarray(state.binary_targets, dtype=np.float64)
        x = np.asarray(state.logits, dtype=np.float64)
        cols["keras_row"] = ce.keras_binary_elements(
            y, x, from_logits=state.from_logits, label_smoothing=state.label_smoothing
        ).mean(axis=1)
    for j in range(r.probabilities.shape[1]):
        cols[f"p_{j}"] = r.probabilities[:, j]
    return cols


# ---------------------------------------------------------------------------- code snippets
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


PANEL = PanelModel(CrossEntropyState, table, summary,
    problem=problem,
)
