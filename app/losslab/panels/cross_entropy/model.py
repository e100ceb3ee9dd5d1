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

The panel's folder holds one job per file: this module the state, its rules, the export and
``PANEL``; :mod:`.compute` the numbers; :mod:`.notes` the sentences that explain them;
:mod:`.snippets` the PyTorch/Keras code.  Their public names are importable from here too.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState
from losslab.core.text import Message
from losslab.maths import cross_entropy as ce
from losslab.maths.cross_entropy import EPSILON, Loss
from losslab.panels.cross_entropy import compute as _compute
from losslab.panels.cross_entropy import notes as _notes
from losslab.panels.cross_entropy.compute import (
    COMPARISON_LABELS,
    Comparison,
    CrossEntropyReport,
    compute,
)
from losslab.panels.cross_entropy.notes import NOTE_TEXTS, PROBLEM_TEXTS
from losslab.panels.cross_entropy.snippets import keras_snippet, pytorch_snippet, snippet

__all__ = [
    "COMPARISON_LABELS", "EPSILON", "NOTE_TEXTS", "PANEL", "PROBLEM_TEXTS", "TRANSLATABLE",
    "Comparison", "CrossEntropyReport", "CrossEntropyState", "compute", "keras_snippet",
    "problem", "pytorch_snippet", "snippet", "summary", "table",
]

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


def problem(state: CrossEntropyState) -> tuple[Message, ...]:
    """Why some of the panel's numbers are infinite or NaN (nothing when all are finite)."""
    return _notes.problems(compute(state), state)


# ---------------------------------------------------------------------------- export
def _json(value: Loss) -> Any:
    return value.tolist() if isinstance(value, np.ndarray) else value


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


#: Strings the Qt panel shows from this panel's modules, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = _compute.TRANSLATABLE + _notes.TRANSLATABLE

PANEL = PanelModel(CrossEntropyState, table, summary, problem=problem)
