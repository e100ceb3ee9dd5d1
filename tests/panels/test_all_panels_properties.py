"""Properties over every panel model and every declared parameter (hypothesis).

* any value inside a parameter's declared range is accepted, and the panel's exported numbers
  are then finite, or the panel's model says why not (``PanelModel.problem``);
* outside the range: clamped to the nearest bound under the GUI policy, rejected with a message
  naming the parameter and what is allowed under the strict policy;
* NaN and infinities are rejected under both policies;
* the state round-trips through ``to_dict`` / ``from_dict`` after any accepted change.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from losslab.core.params import Kind, ParamError
from losslab.panels import PANELS

PANEL_MODELS = {entry.key: entry.model for entry in PANELS}

NUMERIC = (Kind.FLOAT, Kind.INT)
CASES = [(key, name) for key, m in PANEL_MODELS.items()
         for name, spec in m.state_type.specs.items() if spec.kind in NUMERIC]


def in_range(spec):
    lo = spec.minimum if spec.minimum is not None else -1e6
    hi = spec.maximum if spec.maximum is not None else 1e6
    if spec.kind is Kind.INT:
        return st.integers(int(math.ceil(lo)), int(math.floor(hi)))
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


def _documented_non_finite(key, table):
    """Cells whose non-finite value is the right answer, as each model documents:

    * entropy: the CSV samples −log p on p ∈ [0, 1], so I(hit) = +∞ at p = 0 and I(miss) = +∞
      at p = 1, exactly;
    * cross_entropy: an ignored row (weight 0) has no picked log-probability: nll is NaN there.
    """
    allowed = {name: np.zeros(len(col), dtype=bool) for name, col in table.items()}
    if key == "entropy":
        p = np.asarray(table["p"])
        allowed["info_hit"] = p == 0.0
        allowed["info_miss"] = p == 1.0
    if key == "cross_entropy" and "row_weight" in table:
        allowed["nll"] = np.asarray(table["row_weight"]) == 0.0
    return allowed


def assert_finite_or_explained(model, state):
    table = model.table(state)
    allowed = _documented_non_finite(model.key, table)
    finite = all(np.all(np.isfinite(np.asarray(col, dtype=float)) | allowed[name])
                 for name, col in table.items())
    assert finite or model.problem_text(state), (
        f"{model.key}: non-finite numbers and no explanation for {state.values()}")
    lengths = {len(col) for col in table.values()}
    assert len(lengths) == 1


@pytest.mark.parametrize("key,name", CASES, ids=[f"{k}.{n}" for k, n in CASES])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_in_range_values_give_finite_numbers_or_an_explanation(key, name, data):
    model = PANEL_MODELS[key]
    state = model.make_state()
    spec = state.specs[name]
    value = data.draw(in_range(spec))
    state.set(name, value)  # GUI policy: cross-field rules may move other fields
    assert_finite_or_explained(model, state)
    fresh = model.make_state()
    assert fresh.from_dict(state.to_dict()) == []


@pytest.mark.parametrize("key,name", CASES, ids=[f"{k}.{n}" for k, n in CASES])
def test_out_of_range_is_clamped_or_rejected_and_non_finite_always_rejected(key, name):
    spec = PANEL_MODELS[key].state_type.specs[name]
    if spec.maximum is not None:
        above = spec.maximum + max(1.0, abs(spec.maximum))
        assert spec.validate(above, clamp=True) == spec.maximum
        with pytest.raises(ParamError, match=f"{name}.*allowed"):
            spec.validate(above, clamp=False)
    if spec.minimum is not None:
        below = spec.minimum - max(1.0, abs(spec.minimum))
        assert spec.validate(below, clamp=True) == spec.minimum
        with pytest.raises(ParamError, match=f"{name}.*allowed"):
            spec.validate(below, clamp=False)
    for bad in (math.nan, math.inf, -math.inf):
        for clamp in (True, False):
            with pytest.raises(ParamError, match="allowed"):
                spec.validate(bad, clamp=clamp)


@pytest.mark.parametrize("key", list(PANEL_MODELS))
def test_defaults_give_finite_numbers_and_valid_json(key):
    import json

    from losslab.io.tables import to_json_text

    model = PANEL_MODELS[key]
    state = model.make_state()
    assert_finite_or_explained(model, state)
    assert model.problem_text(state) == ""
    json.loads(to_json_text(model.json_document(state)))
