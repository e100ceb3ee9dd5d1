"""Why the Cross-entropy panel's numbers differ between frameworks, or are not finite.

Every sentence is an English template (``{name}`` for numbers) in the "cross_entropy" context,
returned as a :class:`~losslab.core.text.Message`: the JSON export writes it in English, the
panel shows it translated.  The functions read a computed report (:mod:`.compute`) and the state
it came from; they compute nothing themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from losslab.core.text import Message, message
from losslab.maths.cross_entropy import EPSILON, Loss

if TYPE_CHECKING:
    from losslab.panels.cross_entropy.compute import CrossEntropyReport
    from losslab.panels.cross_entropy.model import CrossEntropyState


def _differ(a: Loss, b: Loss) -> bool:
    a_arr = np.atleast_1d(np.asarray(a, dtype=np.float64))
    b_arr = np.atleast_1d(np.asarray(b, dtype=np.float64))
    if a_arr.shape != b_arr.shape:
        return True
    return not bool(np.allclose(a_arr, b_arr, rtol=1e-9, atol=1e-12, equal_nan=True))


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


def _categorical_notes(r: CrossEntropyReport, s: CrossEntropyState) -> list[Message]:
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


def comparison_notes(r: CrossEntropyReport, s: CrossEntropyState) -> tuple[Message, ...]:
    """Every reason the columns of the comparison differ, for this batch and mode."""
    return tuple(_binary_notes(r, s) if r.mode == "binary" else _categorical_notes(r, s))


def _finite(value: Loss) -> bool:
    return bool(np.all(np.isfinite(np.asarray(value, dtype=np.float64))))


#: The reasons :func:`problems` gives, as English templates (context "cross_entropy").
PROBLEM_TEXTS: dict[str, str] = {
    "overflow": ("Without subtracting the row maximum, e^z overflowed to infinity, so the "
                 "hand-written softmax is NaN and its loss is not finite."),
    "nothing_counts": ("No row counts (every target is ignored, or the targets' weights are all "
                       "0), so PyTorch's mean is 0/0 = NaN."),
    "log_zero": ("A probability of 0 where the loss needs its logarithm: −log 0 = ∞. Keras clips "
                 "probabilities to [1e-7, 1 − 1e-7], so its value stays finite."),
    "other": "Some values are not finite numbers.",
}


def problems(r: CrossEntropyReport, state: CrossEntropyState) -> tuple[Message, ...]:
    """Why some of the report's numbers are infinite or NaN (nothing when all are finite).

    Each cause is a legitimate result, not a bug: the naive softmax overflowing, a target given
    probability 0 (−log 0 = ∞), or a mean over nothing (0/0)."""
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


#: Strings the Qt panel shows from this module, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("cross_entropy", text) for text in (*NOTE_TEXTS.values(), *PROBLEM_TEXTS.values()))
