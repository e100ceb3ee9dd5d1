"""Where and why PyTorch and Keras differ on the Regression panel's batch.

Every sentence is an English template (``{name}`` for numbers) in the "regression" context,
returned as a :class:`~losslab.core.text.Message`: the JSON export writes it in English, the
panel shows it translated.  The functions read a computed report (:mod:`.compute`) and the state
it came from; they compute no losses themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from losslab.core.text import Message, message
from losslab.maths import regression as rg

if TYPE_CHECKING:
    from losslab.panels.regression.compute import RegressionReport
    from losslab.panels.regression.model import RegressionState

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


def comparison_notes(r: RegressionReport, s: RegressionState) -> tuple[Message, ...]:
    """Every note for this batch and reduction, in display order."""
    return tuple(_notes(r, s))


#: Strings the Qt panel shows from this module, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("regression", text) for text in NOTE_TEXTS.values())
