"""The Loss Curves panel without Qt: its parameters and the curves it draws.

x is the margin m = y·f(x) in ``margin`` mode and the residual r = y − f(x) in ``residual`` mode;
both axes are dimensionless.  The curves are sampled at :data:`SAMPLES` evenly spaced points of
[x_min, x_max].
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from losslab.core.panel import PanelModel, Table
from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState
from losslab.maths.losses import LOSSES, Array, Family, keys_for

#: Sample points per curve: fine enough that kinks look sharp at 2400 px, cheap to redraw.
SAMPLES = 1201
#: Smallest allowed width of the x range.
MIN_SPAN = 0.1
X_LIMIT = 100.0
#: Rounding slack for the span check: x_max = x_min + MIN_SPAN, computed in floating point, can
#: differ from x_min by a hair less than MIN_SPAN (5.1 − 5 = 0.09999999999999964); such a range
#: must still count as valid, or a range the GUI rule produced could not be saved and reloaded.
_SPAN_SLACK = 1e-9

ALL_KEYS = tuple(LOSSES)


class LossCurvesState(PanelState):
    """Parameters of the Loss Curves panel."""


    mode = Field(ParamSpec(
        "mode", "Mode", Kind.CHOICE, "margin", choices=("margin", "residual"),
        help="margin: classification losses of m = y·f(x); residual: regression losses of "
        "r = y − f(x)",
    ))
    losses = Field(ParamSpec(
        "losses", "Losses", Kind.MULTI, ALL_KEYS, choices=ALL_KEYS,
        help="which losses are drawn (only those of the current mode are visible)",
    ))
    huber_delta = Field(ParamSpec(
        "huber_delta", "Huber δ", Kind.FLOAT, 1.0, 0.05, 5.0, step=0.05, decimals=2,
        help="where the Huber loss turns from quadratic to linear",
    ))
    quantile_tau = Field(ParamSpec(
        "quantile_tau", "Quantile τ", Kind.FLOAT, 0.5, 0.0, 1.0, step=0.05, decimals=2,
        help="which quantile the pinball loss aims at",
    ))
    epsilon = Field(ParamSpec(
        "epsilon", "SVR ε", Kind.FLOAT, 0.5, 0.0, 5.0, step=0.05, decimals=2,
        help="half-width of the ε-insensitive tube",
    ))
    x_min = Field(ParamSpec(
        "x_min", "x from", Kind.FLOAT, -3.0, -X_LIMIT, X_LIMIT, step=0.5, decimals=2,
        help="left end of the plotted range",
    ))
    x_max = Field(ParamSpec(
        "x_max", "x to", Kind.FLOAT, 3.0, -X_LIMIT, X_LIMIT, step=0.5, decimals=2,
        help="right end of the plotted range",
    ))
    logistic_base = Field(ParamSpec(
        "logistic_base", "Logistic base", Kind.CHOICE, "e", choices=("e", "2"),
        help="base of the logarithm in the logistic loss; base 2 bounds the 0-1 loss",
    ))
    derivatives = Field(ParamSpec(
        "derivatives", "Show derivatives", Kind.BOOL, False,
        help="overlay the derivative (subgradient at kinks) of each visible loss",
    ))
    probe = Field(ParamSpec(
        "probe", "Probe at", Kind.FLOAT, 0.0, -X_LIMIT, X_LIMIT, step=0.1, decimals=2,
        help="where the read-out line samples every visible loss",
    ))
    selected = Field(ParamSpec(
        "selected", "Explain", Kind.CHOICE, "hinge", choices=ALL_KEYS,
        help="the loss whose formula and explanation are shown",
    ))

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """x_min < x_max (by at least MIN_SPAN), probe inside [x_min, x_max], and the explained
        loss belonging to the current mode."""
        lo, hi = values["x_min"], values["x_max"]
        if hi - lo < MIN_SPAN - _SPAN_SLACK:
            if not clamp:
                raise ParamError(
                    f"x_min ({lo:g}) must be below x_max ({hi:g}) by at least {MIN_SPAN:g}"
                )
            if "x_min" in touched and "x_max" not in touched:
                hi = min(X_LIMIT, lo + MIN_SPAN)
                lo = min(lo, hi - MIN_SPAN)
            else:
                lo = max(-X_LIMIT, hi - MIN_SPAN)
                hi = max(hi, lo + MIN_SPAN)
            values["x_min"], values["x_max"] = lo, hi
        if not lo <= values["probe"] <= hi:
            if not clamp and "probe" in touched:
                raise ParamError(f"probe: {values['probe']:g} is outside x_min..x_max "
                                 f"({lo:g}..{hi:g}); allowed: a number in that range")
            values["probe"] = min(max(values["probe"], lo), hi)
        in_family = keys_for(values["mode"])
        if values["selected"] not in in_family:
            # The explanation follows the mode: show the first loss of the new family.
            values["selected"] = in_family[0]
        return values


def numeric_settings(state: LossCurvesState) -> dict[str, float]:
    """The numeric loss parameters, keyed by panel parameter name (as ``LossInfo.params``)."""
    return {
        "huber_delta": state.huber_delta,
        "quantile_tau": state.quantile_tau,
        "epsilon": state.epsilon,
        "logistic_base_value": math.e if state.logistic_base == "e" else 2.0,
    }


def visible_keys(state: LossCurvesState) -> tuple[str, ...]:
    """Keys of the losses drawn now: chosen ones of the current mode, in registry order."""
    return tuple(k for k in keys_for(state.mode) if k in state.losses)


def x_values(state: LossCurvesState) -> Array:
    """The sample points of the x axis."""
    return np.linspace(state.x_min, state.x_max, SAMPLES)


def curve_table(state: LossCurvesState) -> Table:
    """CSV columns: ``x``, one per visible loss key, then ``d_<key>`` when derivatives are on."""
    x = x_values(state)
    settings = numeric_settings(state)
    keys = visible_keys(state)
    table: Table = {"x": x}
    for key in keys:
        table[key] = LOSSES[key].value(x, settings)
    if state.derivatives:
        for key in keys:
            table[f"d_{key}"] = LOSSES[key].slope(x, settings)
    return table


def probe_values(state: LossCurvesState) -> dict[str, tuple[float, float]]:
    """(value, derivative) of every visible loss at the probe position."""
    settings = numeric_settings(state)
    at = np.array([state.probe])
    return {
        key: (float(LOSSES[key].value(at, settings)[0]), float(LOSSES[key].slope(at, settings)[0]))
        for key in visible_keys(state)
    }


def check_request(state: LossCurvesState, given: frozenset[str]) -> None:
    """Command-line check: losses named with ``--set losses=`` must belong to the mode.

    The state keeps one selection for both families (so switching mode in the GUI keeps each
    family's choice); asking the CLI for a residual loss in margin mode is a mistake to report.
    """
    if "losses" not in given:
        return
    family: Family = state.mode
    wrong = [k for k in state.losses if LOSSES[k].family != family]
    if wrong:
        raise ParamError(
            f"losses: {', '.join(wrong)} not available in mode={family}; "
            f"allowed: a comma-separated list of {', '.join(keys_for(family))}"
        )


def summary(state: LossCurvesState) -> dict[str, Any]:
    """JSON export: parameters, the probe read-out and the curve columns."""
    return {
        "params": state.to_dict(),
        "probe": {k: {"value": v, "derivative": d} for k, (v, d) in probe_values(state).items()},
        "columns": {name: col.tolist() for name, col in curve_table(state).items()},
    }


PANEL = PanelModel(LossCurvesState, curve_table, summary, check_request)
