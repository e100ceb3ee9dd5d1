"""The Regression panel's numbers: residuals, element losses and each framework's reductions.

:func:`compute` turns a :class:`~losslab.panels.regression.model.RegressionState` into a
:class:`RegressionReport`: for each element the residual r = prediction − target and the five
element losses, each sample's share of the batch loss, the value every PyTorch and Keras class
returns for the chosen reduction (a :class:`Comparison` each), and the notes that explain where
they differ (:mod:`.notes`).  The maths is :mod:`losslab.maths.regression`.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from losslab.core.text import Message
from losslab.maths import regression as rg
from losslab.maths.regression import Array, Loss, Reduction
from losslab.panels.regression import notes

if TYPE_CHECKING:
    from losslab.panels.regression.model import RegressionState

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
    return dataclasses.replace(report, messages=notes.comparison_notes(report, state))


#: Strings the Qt panel shows from this module, for ``packaging/update_translations.py``.
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(
    ("regression", label) for _key, label in ELEMENT_LOSSES)
