"""The Cross-entropy panel's numbers: every pipeline value and every framework's result.

:func:`compute` turns a :class:`~losslab.panels.cross_entropy.model.CrossEntropyState` into a
:class:`CrossEntropyReport`: the probabilities, the softmax steps (from logits), PyTorch's and the
hand-written per-row parts, the value each framework prints (a :class:`Comparison` per line of
the comparison) and the notes that explain the differences (:mod:`.notes`).  All losses are in
nats; the maths is :mod:`losslab.maths.cross_entropy`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from losslab.core.text import Message
from losslab.maths import cross_entropy as ce
from losslab.maths.cross_entropy import Array, Loss, Reduction
from losslab.panels.cross_entropy import notes

if TYPE_CHECKING:
    from losslab.panels.cross_entropy.model import CrossEntropyState

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
    return dataclasses.replace(report, messages=notes.comparison_notes(report, state))


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
    return dataclasses.replace(report, messages=notes.comparison_notes(report, state))


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
    ("cross_entropy", text) for text in COMPARISON_LABELS)
