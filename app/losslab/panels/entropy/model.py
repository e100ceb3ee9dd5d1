"""The Information panel without Qt: its parameters, read-outs and exported data.

Two parts share one state:

* **Archery.**  Archer A hits with probability ``archer_a``, archer B with ``archer_b``.  For each,
  I(hit) = −log p, I(miss) = −log(1 − p) and the binary entropy H = p·I(hit) + (1 − p)·I(miss),
  all in ``unit`` (bits, nats or hartleys).
* **Cross-entropy.**  A target distribution ``p`` and two predictions ``q1``, ``q2`` over the same
  2 to 10 classes.  Shown: H(p), H(p, q) and KL(p‖q) for each prediction, and the terms −pᵢ log qᵢ.

**How the distributions stay distributions.**  Whatever is written into ``p``, ``q1`` or ``q2`` is
divided by its sum (weights 2, 1, 1 become 0.5, 0.25, 0.25), so the state always holds
probabilities summing to 1.  When one probability is edited in the GUI (spin box or dragged bar),
:func:`set_probability` first keeps the new value and rescales the *other* classes so that they
share the rest in their old proportions (if they were all 0 they share it equally).  Changing the
number of classes (``classes``) drops the last classes or adds new ones with probability 0 in all
three distributions, then renormalises; a target left with nothing becomes uniform.

**CSV export** (:func:`entropy_table`): one row per hit probability on a grid of
:data:`GRID_POINTS` points from 0 to 1, with columns ``p`` (the grid), ``entropy`` (binary entropy
H(p)), ``info_hit`` (−log p) and ``info_miss`` (−log(1 − p)), all in the state's unit; the ends
hold ``inf`` where the information of an impossible outcome is infinite.

**JSON export** (:func:`summary`): ``{"panel", "unit", "params", "archers": [{"name", "p_hit",
"info_hit", "info_miss", "entropy"}, …], "cross_entropy": {"p", "q": [q1, q2], "entropy_p",
"cross_entropy": [2 values], "kl": [2 values], "terms": [2 lists]}}``.  An infinite value (a
prediction that gives probability 0 to a class the target allows, or the information of an outcome
of probability 0) is written as the **string** ``"inf"``, by the shared JSON convention of
:mod:`losslab.io.tables`; every finite value is a number.  Distributions are written as used,
after normalisation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState
from losslab.maths.entropy import (
    Array,
    Unit,
    binary_entropy,
    complement_information,
    cross_entropy,
    cross_entropy_terms,
    entropy,
    entropy_terms,
    kl_divergence,
    normalise,
    self_information,
)

#: Points of the hit-probability grid in the CSV and in the entropy curve.
GRID_POINTS = 1001
MIN_CLASSES = 2
MAX_CLASSES = 10
#: Largest weight accepted for one class before normalisation (keeps the sum finite).
MAX_WEIGHT = 1e6
#: The three distributions, in display order.
DISTRIBUTIONS = ("p", "q1", "q2")
ARCHERS = ("archer_a", "archer_b")


def _distribution_spec(name: str, label: str, default: tuple[float, ...], help_text: str
                       ) -> ParamSpec:
    return ParamSpec(
        name, label, Kind.FLOATS, default, 0.0, MAX_WEIGHT, step=0.05, decimals=3,
        min_len=MIN_CLASSES, max_len=MAX_CLASSES, help=help_text,
    )


class EntropyState(PanelState):
    """Parameters of the Information panel (see the module docstring for the rules)."""


    archer_a = Field(ParamSpec(
        "archer_a", "Archer A hits", Kind.FLOAT, 0.1, 0.0, 1.0, step=0.01, decimals=4,
        help="probability that archer A hits the target",
    ))
    archer_b = Field(ParamSpec(
        "archer_b", "Archer B hits", Kind.FLOAT, 0.999, 0.0, 1.0, step=0.01, decimals=4,
        help="probability that archer B hits the target",
    ))
    unit = Field(ParamSpec(
        "unit", "Unit", Kind.CHOICE, "bits", choices=("bits", "nats", "hartleys"),
        help="base of the logarithm: 2 (bits), e (nats) or 10 (hartleys)",
    ))
    classes = Field(ParamSpec(
        "classes", "Classes", Kind.INT, 3, MIN_CLASSES, MAX_CLASSES, step=1,
        help="number of classes of the target and both predictions (follows their length)",
        persist=False,  # derived from len(p); sessions store the distributions themselves
    ))
    p = Field(_distribution_spec(
        "p", "Target p", (1.0, 0.0, 0.0),
        "the true distribution over the classes (normalised to sum to 1)",
    ))
    q1 = Field(_distribution_spec(
        "q1", "Prediction q1", (0.5, 0.2, 0.3),
        "the first predicted distribution (normalised to sum to 1)",
    ))
    q2 = Field(_distribution_spec(
        "q2", "Prediction q2", (0.8, 0.1, 0.1),
        "the second predicted distribution (normalised to sum to 1)",
    ))

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """Keep p, q1, q2 equally long (= ``classes``) and each summing to 1.

        Strict policy (``clamp=False``, command line and sessions): distributions given
        together must have the same length as each other, as the untouched ones and as
        ``classes`` if that is given too; ``classes`` given alone resizes all three.  GUI policy:
        the edited field wins and the others are resized to match.  All-zero weights are an
        error under both policies (no distribution is proportional to them).
        """
        edited = [n for n in DISTRIBUTIONS if n in touched]
        if edited:
            n = len(values[edited[0]])
        elif "classes" in touched:
            n = int(values["classes"])
        else:
            n = len(values["p"])
        if not clamp:
            lengths = {name: len(values[name]) for name in DISTRIBUTIONS}
            if edited and (len(set(lengths.values())) > 1
                           or ("classes" in touched and values["classes"] != n)):
                shown = ", ".join(f"{k} has {v}" for k, v in lengths.items())
                if "classes" in touched:
                    shown += f", classes is {values['classes']}"
                raise ParamError(
                    f"p, q1 and q2 must have the same number of classes ({shown}); allowed: "
                    f"{MIN_CLASSES} to {MAX_CLASSES} comma-separated numbers in each"
                )
        for name in DISTRIBUTIONS:
            if len(values[name]) != n:
                values[name] = resize_distribution(values[name], n, strict=not clamp, name=name)
            elif name in touched:
                # Only what was written is renormalised: dividing a stored distribution by its
                # sum again could move it by an ulp and report a change nobody made.
                values[name] = _normalised(values[name], name)
        values["classes"] = n
        return values


def _normalised(dist: tuple[float, ...], name: str) -> tuple[float, ...]:
    try:
        return tuple(float(x) for x in normalise(np.asarray(dist, dtype=np.float64), name))
    except ValueError as exc:
        raise ParamError(
            f"{exc}; allowed: {MIN_CLASSES} to {MAX_CLASSES} non-negative numbers, not all zero"
        ) from None


def resize_distribution(dist: tuple[float, ...], n: int, *, strict: bool = False,
                        name: str = "p") -> tuple[float, ...]:
    """``dist`` with ``n`` classes: the last classes dropped, or new classes of probability 0
    appended; then renormalised.  If no probability is left, uniform (1/n each) unless
    ``strict``, when that is a :class:`ParamError`."""
    kept = list(dist[:n]) + [0.0] * max(0, n - len(dist))
    if sum(kept) <= 0.0:
        if strict:
            raise ParamError(f"{name}: with {n} classes no probability would be left; "
                             f"allowed: a distribution with some weight in its first {n} classes")
        return tuple([1.0 / n] * n)
    return tuple(float(x) for x in normalise(np.asarray(kept), name))


def set_probability(dist: tuple[float, ...], index: int, value: float) -> tuple[float, ...]:
    """``dist`` with class ``index`` set to ``value`` (clamped to [0, 1]) and the others rescaled
    to share 1 − value in their old proportions (equally if they were all 0).

    This is what a spin box or a dragged bar does, so that the edited bar lands where the user
    put it and the distribution still sums to 1.
    """
    v = min(max(float(value), 0.0), 1.0)
    others = [x for i, x in enumerate(dist) if i != index]
    rest = math.fsum(others)
    if rest > 0.0:
        scaled = [x * (1.0 - v) / rest for x in others]
    else:
        scaled = [(1.0 - v) / len(others)] * len(others)
    scaled.insert(index, v)
    return tuple(scaled)


# ---------------------------------------------------------------------- read-outs
@dataclass(frozen=True)
class ArcherReadout:
    """One archer's numbers, in ``unit``: I(hit) = −log p, I(miss) = −log(1 − p),
    entropy H = p·I(hit) + (1 − p)·I(miss)."""

    name: str
    p_hit: float
    info_hit: float
    info_miss: float
    entropy: float


@dataclass(frozen=True)
class CrossEntropyReadout:
    """The cross-entropy part, in ``unit``: the distributions as used, H(p), and for each
    prediction H(p, q), KL(p‖q) and the terms −pᵢ log qᵢ."""

    p: tuple[float, ...]
    q: tuple[tuple[float, ...], ...]
    entropy_p: float
    cross_entropy: tuple[float, ...]
    kl: tuple[float, ...]
    terms: tuple[tuple[float, ...], ...]
    entropy_terms: tuple[float, ...]


def archer_readout(name: str, p_hit: float, unit: Unit) -> ArcherReadout:
    """I(hit), I(miss) and H for an archer who hits with probability ``p_hit``."""
    return ArcherReadout(
        name=name,
        p_hit=float(p_hit),
        info_hit=float(self_information(p_hit, unit)),
        info_miss=float(complement_information(p_hit, unit)),
        entropy=float(binary_entropy(p_hit, unit)),
    )


def archers(state: EntropyState) -> tuple[ArcherReadout, ArcherReadout]:
    """Both archers' read-outs in the state's unit."""
    return (archer_readout("A", state.archer_a, state.unit),
            archer_readout("B", state.archer_b, state.unit))


def cross_entropy_readout(state: EntropyState) -> CrossEntropyReadout:
    """H(p), H(p, q1), H(p, q2), both KL divergences and every term, in the state's unit."""
    unit: Unit = state.unit
    p = state.p
    qs = (state.q1, state.q2)
    return CrossEntropyReadout(
        p=p,
        q=qs,
        entropy_p=entropy(p, unit),
        cross_entropy=tuple(cross_entropy(p, q, unit) for q in qs),
        kl=tuple(kl_divergence(p, q, unit) for q in qs),
        terms=tuple(tuple(cross_entropy_terms(p, q, unit).tolist()) for q in qs),
        entropy_terms=tuple(entropy_terms(p, unit).tolist()),
    )


def hit_grid() -> Array:
    """The hit probabilities 0, 0.001, …, 1 of the CSV rows and the entropy curve."""
    return np.linspace(0.0, 1.0, GRID_POINTS)


def entropy_table(state: EntropyState) -> Table:
    """CSV columns ``p``, ``entropy``, ``info_hit``, ``info_miss`` (see the module docstring)."""
    grid = hit_grid()
    unit: Unit = state.unit
    return {
        "p": grid,
        "entropy": binary_entropy(grid, unit),
        "info_hit": self_information(grid, unit),
        "info_miss": complement_information(grid, unit),
    }


def summary(state: EntropyState) -> dict[str, Any]:
    """JSON export (layout in the module docstring)."""
    ce = cross_entropy_readout(state)
    return {
        "unit": state.unit,
        "params": state.to_dict(),
        "archers": [
            {
                "name": a.name,
                "p_hit": a.p_hit,
                "info_hit": a.info_hit,
                "info_miss": a.info_miss,
                "entropy": a.entropy,
            }
            for a in archers(state)
        ],
        "cross_entropy": {
            "p": list(ce.p),
            "q": [list(q) for q in ce.q],
            "entropy_p": ce.entropy_p,
            "cross_entropy": list(ce.cross_entropy),
            "kl": list(ce.kl),
            "terms": [list(row) for row in ce.terms],
        },
    }


PANEL = PanelModel(EntropyState, entropy_table, summary)
