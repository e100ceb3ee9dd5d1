"""Information, entropy, cross-entropy and KL: reference numbers of content.md §3, properties,
and the Information panel's state, read-outs and exports (no Qt)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.io.tables import table_to_csv, to_json_text
from losslab.maths import entropy as ent
from losslab.panels.entropy.model import (
    GRID_POINTS,
    PANEL,
    EntropyState,
    archers,
    cross_entropy_readout,
    entropy_table,
    resize_distribution,
    set_probability,
    summary,
)
from losslab.core.params import ParamError
from losslab.panels import panel as panel_entry

pytestmark = pytest.mark.filterwarnings("error")  # "no warnings" is part of the contract

LOG2_10 = math.log10(2.0)  # hartleys per bit
LN2 = math.log(2.0)  # nats per bit
PER_BIT = {"bits": 1.0, "nats": LN2, "hartleys": LOG2_10}

# content.md §3, as printed (6 decimals), in the unit printed.
ARCHERS = {
    # p: (I(hit) bits, I(miss) bits, H bits, H nats)
    0.1: (3.321928, 0.152003, 0.468996, 0.325083),
    0.999: (0.001443, 9.965784, 0.011408, 0.007907),
}


def near(value: float, reference: float, places: int = 6) -> bool:
    """Equal to a reference printed with ``places`` decimals (half a unit in the last place)."""
    return abs(value - reference) <= 0.5 * 10.0 ** -places + 1e-15


def in_unit(bits_reference: float, unit: str) -> tuple[float, float]:
    """A reference printed in bits, converted to ``unit``, and the tolerance that goes with it."""
    return bits_reference * PER_BIT[unit], 0.5e-6 * PER_BIT[unit] + 1e-15


# ---------------------------------------------------------------------- reference values
@pytest.mark.parametrize("unit", ent.UNITS)
@pytest.mark.parametrize("p_hit", sorted(ARCHERS))
def test_archer_reference_values_in_every_unit(p_hit: float, unit: str) -> None:
    i_hit, i_miss, h_bits, h_nats = ARCHERS[p_hit]
    for got, ref_bits in (
        (float(ent.self_information(p_hit, unit)), i_hit),
        (float(ent.complement_information(p_hit, unit)), i_miss),
        (float(ent.self_information(1.0 - p_hit, unit)), i_miss),
        (float(ent.binary_entropy(p_hit, unit)), h_bits),
        (ent.entropy([p_hit, 1.0 - p_hit], unit), h_bits),
    ):
        ref, tol = in_unit(ref_bits, unit)
        assert abs(got - ref) <= tol, (got, ref, unit)
    # The table also prints H in nats: that column converted to this unit, to its 6 decimals.
    per_nat = 1.0 / ent.nats_per_unit(unit)
    got = float(ent.binary_entropy(p_hit, unit))
    assert abs(got - h_nats * per_nat) <= 0.5e-6 * per_nat + 1e-15


def test_archer_b_is_far_more_certain_than_archer_a() -> None:
    a = float(ent.binary_entropy(0.1))
    b = float(ent.binary_entropy(0.999))
    assert b < a / 40  # 0.0114 bits against 0.469 bits


@pytest.mark.parametrize("unit", ent.UNITS)
def test_cross_entropy_reference_values(unit: str) -> None:
    p = [1.0, 0.0, 0.0]
    h1 = ent.cross_entropy(p, [0.5, 0.2, 0.3], unit)
    h2 = ent.cross_entropy(p, [0.8, 0.1, 0.1], unit)
    per_nat = 1.0 / ent.nats_per_unit(unit)  # this unit per nat
    assert abs(h1 - 0.693147 * per_nat) <= 0.5e-6 * per_nat
    assert abs(h2 - 0.223144 * per_nat) <= 0.5e-6 * per_nat
    assert h2 < h1  # q2 is closer to p
    if unit == "bits":
        assert h1 == 1.0  # exactly one bit: −log2 ½
    # p is one-hot, so H(p) = 0 and the whole cross-entropy is divergence.
    assert ent.entropy(p, unit) == 0.0
    assert ent.kl_divergence(p, [0.5, 0.2, 0.3], unit) == pytest.approx(h1, rel=1e-15)


def test_units_convert_by_the_log_of_the_base() -> None:
    assert ent.nats_per_unit("bits") == LN2
    assert ent.nats_per_unit("hartleys") == math.log(10.0)
    assert float(ent.self_information(0.5, "bits")) == 1.0
    assert float(ent.self_information(0.1, "hartleys")) == pytest.approx(1.0, rel=1e-15)
    assert float(ent.self_information(math.exp(-1.0), "nats")) == pytest.approx(1.0, rel=1e-15)
    assert ent.max_entropy(4, "bits") == 2.0
    with pytest.raises(ValueError, match="unknown unit"):
        ent.nats_per_unit("shannons")  # type: ignore[arg-type]


# ---------------------------------------------------------------------- edge cases
def test_zero_log_zero_is_zero_and_impossible_outcomes_are_infinite() -> None:
    assert float(ent.binary_entropy(0.0)) == 0.0
    assert float(ent.binary_entropy(1.0)) == 0.0
    assert math.copysign(1.0, float(ent.binary_entropy(1.0))) == 1.0  # not −0.0
    assert float(ent.self_information(1.0)) == 0.0
    assert math.copysign(1.0, float(ent.self_information(1.0))) == 1.0
    assert float(ent.self_information(0.0)) == math.inf
    assert float(ent.complement_information(1.0)) == math.inf
    assert ent.entropy([0.0, 1.0, 0.0]) == 0.0
    np.testing.assert_array_equal(ent.entropy_terms([0.0, 0.5, 0.5]), [0.0, 0.5, 0.5])


def test_infinite_cross_entropy_where_q_rules_out_a_possible_outcome() -> None:
    p, q = [0.5, 0.5, 0.0], [1.0, 0.0, 0.0]
    terms = ent.cross_entropy_terms(p, q)
    assert terms[0] == 0.0 and terms[1] == math.inf and terms[2] == 0.0
    assert ent.cross_entropy(p, q) == math.inf
    assert ent.kl_divergence(p, q) == math.inf
    # The other way round q gives weight to an outcome p never produces: finite.
    assert ent.cross_entropy(q, p) == 1.0
    # q = 0 where p = 0 costs nothing.
    assert ent.cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_small_probabilities_stay_accurate() -> None:
    # −log(1 − 1e-20) = 1e-20 nats; computing 1 − p first would give exactly 0.
    assert float(ent.complement_information(1e-20, "nats")) == pytest.approx(1e-20, rel=1e-12)
    # H(p) ≈ p(1 − ln p) nats for tiny p.
    p = 1e-300
    assert float(ent.binary_entropy(p, "nats")) == pytest.approx(p * (1.0 - math.log(p)),
                                                                rel=1e-12)
    assert float(ent.self_information(5e-324)) == pytest.approx(1074.0, rel=1e-12)


@pytest.mark.parametrize("bad", [[-0.1, 1.1], [0.5, float("nan")], [0.3, 0.3], [], [[1.0]]])
def test_functions_reject_non_distributions(bad: list[float]) -> None:
    with pytest.raises(ValueError):
        ent.entropy(bad)


def test_mismatched_lengths_and_bad_probabilities_are_errors() -> None:
    with pytest.raises(ValueError, match="outcomes"):
        ent.cross_entropy([1.0, 0.0], [0.5, 0.25, 0.25])
    with pytest.raises(ValueError, match="outcomes"):
        ent.kl_divergence([1.0, 0.0], [0.5, 0.25, 0.25])
    for bad in (-0.01, 1.01, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            ent.self_information(bad)
        with pytest.raises(ValueError):
            ent.binary_entropy(bad)


def test_normalise_keeps_proportions_and_refuses_nonsense() -> None:
    np.testing.assert_array_equal(ent.normalise([2.0, 1.0, 1.0]), [0.5, 0.25, 0.25])
    huge = ent.normalise([1e308, 1e308])  # the plain sum would overflow
    np.testing.assert_array_equal(huge, [0.5, 0.5])
    for bad, why in (([0.0, 0.0], "all weights are zero"), ([1.0, -1.0], "negative"),
                     ([1.0, math.inf], "finite"), ([], "non-empty")):
        with pytest.raises(ValueError, match=why):
            ent.normalise(bad)


# ---------------------------------------------------------------------- properties
def distributions(min_n: int = 1, max_n: int = 10, zeros: bool = True) -> st.SearchStrategy:
    weight = st.floats(0.0 if zeros else 1e-6, 1e3, allow_nan=False, allow_infinity=False)
    return (st.lists(weight, min_size=min_n, max_size=max_n)
            .filter(lambda w: sum(w) > 0.0)
            .map(lambda w: ent.normalise(w)))


@st.composite
def pairs(draw: st.DrawFn, positive_q: bool = False) -> tuple[np.ndarray, np.ndarray]:
    n = draw(st.integers(1, 10))
    p = draw(distributions(n, n))
    q = draw(distributions(n, n, zeros=not positive_q))
    return p, q


@settings(max_examples=300, deadline=None)
@given(distributions(), st.sampled_from(ent.UNITS))
def test_entropy_lies_between_zero_and_log_n(p: np.ndarray, unit: str) -> None:
    h = ent.entropy(p, unit)
    assert 0.0 <= h <= ent.max_entropy(len(p), unit) * (1 + 1e-12) + 1e-15


@settings(max_examples=300, deadline=None)
@given(pairs(), st.sampled_from(ent.UNITS))
def test_kl_is_never_negative(pq: tuple[np.ndarray, np.ndarray], unit: str) -> None:
    assert ent.kl_divergence(*pq, unit) >= 0.0


@settings(max_examples=300, deadline=None)
@given(pairs(), st.sampled_from(ent.UNITS))
def test_cross_entropy_is_entropy_plus_kl(pq: tuple[np.ndarray, np.ndarray], unit: str) -> None:
    p, q = pq
    h_pq = ent.cross_entropy(p, q, unit)
    rhs = ent.entropy(p, unit) + ent.kl_divergence(p, q, unit)
    if math.isinf(h_pq) or math.isinf(rhs):
        assert h_pq == rhs == math.inf
    else:
        assert h_pq == pytest.approx(rhs, rel=1e-9, abs=1e-9)
        assert h_pq >= ent.entropy(p, unit) - 1e-12  # Gibbs' inequality


@settings(max_examples=300, deadline=None)
@given(distributions(), st.sampled_from(ent.UNITS))
def test_cross_entropy_with_itself_is_entropy(p: np.ndarray, unit: str) -> None:
    assert ent.cross_entropy(p, p, unit) == pytest.approx(ent.entropy(p, unit), rel=1e-12,
                                                           abs=1e-15)
    assert ent.kl_divergence(p, p, unit) == 0.0


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1.0), st.sampled_from(ent.UNITS))
def test_binary_entropy_is_expected_information(p: float, unit: str) -> None:
    h = float(ent.binary_entropy(p, unit))
    assert 0.0 <= h <= ent.max_entropy(2, unit) * (1 + 1e-12)
    hit, miss = float(ent.self_information(p, unit)), float(ent.complement_information(p, unit))
    expected = (p * hit if p > 0 else 0.0) + ((1 - p) * miss if p < 1 else 0.0)
    assert h == pytest.approx(expected, rel=1e-9, abs=1e-300)
    assert h == pytest.approx(float(ent.binary_entropy(1.0 - p, unit)), rel=1e-6, abs=1e-12)


# ---------------------------------------------------------------------- panel state
def test_defaults_and_registration() -> None:
    s = EntropyState()
    assert (s.archer_a, s.archer_b, s.unit) == (0.1, 0.999, "bits")
    assert (s.p, s.q1, s.q2) == ((1.0, 0.0, 0.0), (0.5, 0.2, 0.3), (0.8, 0.1, 0.1))
    assert s.classes == 3
    assert panel_entry("entropy").model is PANEL
    assert PANEL.make_state().panel_key() == "entropy"
    assert "classes" not in s.to_dict()  # derived from len(p), not saved


def test_written_distributions_are_normalised() -> None:
    s = EntropyState()
    s.set("q1", (2.0, 1.0, 1.0), clamp=False)
    assert s.q1 == (0.5, 0.25, 0.25)


def test_gui_policy_resizes_the_other_distributions() -> None:
    s = EntropyState()
    seen: list[frozenset[str]] = []
    s.subscribe(seen.append)
    s.classes = 5
    assert s.p == (1.0, 0.0, 0.0, 0.0, 0.0)
    assert s.q1 == (0.5, 0.2, 0.3, 0.0, 0.0)
    assert seen == [frozenset({"classes", "p", "q1", "q2"})]
    s.classes = 2
    assert s.q1 == pytest.approx((0.5 / 0.7, 0.2 / 0.7))
    s.p = (0.0, 0.0, 1.0)  # a longer p drags the others along
    assert s.classes == 3 and len(s.q1) == 3 and len(s.q2) == 3
    s.classes = 2  # p keeps nothing: it falls back to uniform
    assert s.p == (0.5, 0.5)


def test_strict_policy_rejects_mismatched_lengths() -> None:
    s = EntropyState()
    with pytest.raises(ParamError, match="same number of classes"):
        s.update({"p": (1.0, 0.0)}, clamp=False)
    with pytest.raises(ParamError, match="same number of classes"):
        s.update({"p": (1.0, 0.0), "q1": (0.5, 0.5), "q2": (0.5, 0.25, 0.25)}, clamp=False)
    assert s.p == (1.0, 0.0, 0.0)  # all or nothing
    s.update({"p": (1.0, 0.0), "q1": (0.5, 0.5), "q2": (0.9, 0.1)}, clamp=False)
    assert s.classes == 2


def test_all_zero_and_negative_distributions_are_errors() -> None:
    s = EntropyState()
    for clamp in (False, True):
        with pytest.raises(ParamError, match="all weights are zero"):
            s.set("q2", (0.0, 0.0, 0.0), clamp=clamp)
    with pytest.raises(ParamError, match="out of range"):
        s.set("p", (1.0, -0.5, 0.0), clamp=False)
    with pytest.raises(ParamError, match="out of range"):
        s.set("archer_a", 1.5, clamp=False)
    with pytest.raises(ParamError, match="no probability would be left"):
        s.set("p", (0.0, 0.0, 1.0), clamp=False)
        s.set("classes", 2, clamp=False)  # would cut away all of p


def test_set_probability_keeps_the_edited_value_and_the_proportions() -> None:
    q = set_probability((0.5, 0.2, 0.3), 0, 0.9)
    assert q[0] == 0.9
    assert q[1] / q[2] == pytest.approx(0.2 / 0.3)
    assert math.fsum(q) == pytest.approx(1.0, abs=1e-15)
    assert set_probability((1.0, 0.0, 0.0), 0, 0.4) == pytest.approx((0.4, 0.3, 0.3))
    assert set_probability((0.5, 0.5), 1, 7.0) == (0.0, 1.0)  # clamped to [0, 1]


def test_resize_distribution() -> None:
    assert resize_distribution((0.5, 0.5), 3) == (0.5, 0.5, 0.0)
    assert resize_distribution((0.5, 0.25, 0.25), 2) == pytest.approx((2 / 3, 1 / 3))
    assert resize_distribution((0.0, 1.0), 1) == (1.0,)
    assert resize_distribution((0.0, 0.0, 1.0), 2) == (0.5, 0.5)


# ---------------------------------------------------------------------- read-outs and exports
def test_readouts_follow_the_unit() -> None:
    s = EntropyState()
    a, b = archers(s)
    assert (a.name, a.p_hit, b.p_hit) == ("A", 0.1, 0.999)
    assert near(a.info_hit, 3.321928) and near(b.info_miss, 9.965784)
    s.unit = "nats"
    a, b = archers(s)
    assert near(a.entropy, 0.325083) and near(b.entropy, 0.007907)
    ce = cross_entropy_readout(s)
    assert near(ce.cross_entropy[0], 0.693147) and near(ce.cross_entropy[1], 0.223144)
    assert ce.entropy_p == 0.0 and ce.kl == pytest.approx(ce.cross_entropy)
    assert ce.terms[1] == pytest.approx((0.223144, 0.0, 0.0), abs=1e-6)


def test_csv_columns() -> None:
    s = EntropyState()
    s.unit = "nats"
    table = entropy_table(s)
    assert list(table) == ["p", "entropy", "info_hit", "info_miss"]
    assert all(len(c) == GRID_POINTS for c in table.values())
    i = int(np.argmin(np.abs(table["p"] - 0.1)))
    assert table["p"][i] == pytest.approx(0.1)
    assert near(float(table["entropy"][i]), 0.325083)
    assert table["info_hit"][0] == math.inf and table["info_miss"][-1] == math.inf
    assert table["entropy"][0] == table["entropy"][-1] == 0.0
    text = table_to_csv(table)
    assert text.splitlines()[0] == "p,entropy,info_hit,info_miss"
    assert text.splitlines()[1] == "0.0,0.0,inf,0.0"


def test_json_document_shape_and_infinity_as_text() -> None:
    s = EntropyState()
    s.update({"q1": (0.0, 0.5, 0.5), "archer_b": 1.0})
    doc = json.loads(to_json_text(PANEL.json_document(s)))
    assert doc["unit"] == "bits" and doc["panel"] == "entropy"
    assert [set(a) >= {"p_hit", "info_hit", "info_miss", "entropy"} for a in doc["archers"]] \
        == [True, True]
    assert doc["archers"][1]["info_miss"] == "inf"  # B never misses: a miss is infinitely surprising
    assert doc["archers"][1]["entropy"] == 0.0
    ce = doc["cross_entropy"]
    assert ce["p"] == [1.0, 0.0, 0.0] and ce["q"] == [[0.0, 0.5, 0.5], [0.8, 0.1, 0.1]]
    assert ce["cross_entropy"][0] == "inf" and ce["kl"][0] == "inf"
    assert ce["cross_entropy"][1] == pytest.approx(-math.log2(0.8))
    assert ce["terms"][0] == ["inf", 0.0, 0.0]
    assert ce["entropy_p"] == 0.0
    assert {"panel": "entropy", **summary(s)} == PANEL.json_document(s)
