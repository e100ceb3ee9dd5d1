"""Information, entropy, cross-entropy and KL: reference numbers of content.md §3 and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.maths import entropy as ent

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
