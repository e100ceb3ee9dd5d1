"""One sigmoid neuron, quadratic cost versus cross-entropy (content.md §2): the maths."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.maths import neuron as nn

EPOCHS = 300
ETA = 0.15


def final_output(kind: nn.CostKind, w0: float, b0: float, eta: float = ETA) -> float:
    traj = nn.train(kind, w0, b0, 1.0, 0.0, eta, EPOCHS)
    assert traj.n_computed == EPOCHS + 1
    return float(traj.a[-1])


# ---------------------------------------------------------------------- reference runs
@pytest.mark.parametrize(("w0", "b0", "start"), [(0.6, 0.9, 0.8176), (2.0, 2.0, 0.9820)])
def test_starting_outputs(w0: float, b0: float, start: float) -> None:
    for kind in nn.COSTS:
        traj = nn.train(kind, w0, b0, 1.0, 0.0, ETA, EPOCHS)
        assert round(float(traj.a[0]), 4) == start


@pytest.mark.parametrize(
    ("w0", "b0", "quadratic", "cross_entropy"),
    [
        # content.md prints 0.0943 here; plain gradient descent as specified gives 0.09396
        # after 300 updates (0.09437 after 298).  The source's "0.82 → 0.09" holds either way.
        (0.6, 0.9, 0.0940, 0.0116),
        (2.0, 2.0, 0.2028, 0.0120),
    ],
)
def test_reference_runs_to_four_decimals(
    w0: float, b0: float, quadratic: float, cross_entropy: float
) -> None:
    assert round(final_output("quadratic", w0, b0), 4) == quadratic
    assert round(final_output("cross_entropy", w0, b0), 4) == cross_entropy


def test_content_value_for_the_082_quadratic_run_is_slightly_off() -> None:
    # Documents the discrepancy above rather than hiding it: within 4e-4 of content.md's 0.0943.
    assert final_output("quadratic", 0.6, 0.9) == pytest.approx(0.0943, abs=4e-4)
    traj = nn.train("quadratic", 0.6, 0.9, 1.0, 0.0, ETA, EPOCHS)
    assert traj.a[298] == pytest.approx(0.09437, abs=5e-6)


def test_book_rate_for_cross_entropy_only_reaches_about_078() -> None:
    assert final_output("cross_entropy", 2.0, 2.0, eta=0.005) == pytest.approx(0.78, abs=0.005)


def test_saturated_quadratic_run_crawls_while_cross_entropy_drops_at_once() -> None:
    q = nn.train("quadratic", 2.0, 2.0, 1.0, 0.0, ETA, EPOCHS)
    ce = nn.train("cross_entropy", 2.0, 2.0, 1.0, 0.0, ETA, EPOCHS)
    # After 20 epochs the quadratic output has hardly moved, cross-entropy has fallen past 0.5.
    assert q.a[20] > 0.97
    assert ce.a[20] < 0.5
    # The quadratic gradient starts ~57 times smaller: σ′(4) ≈ 0.0177.
    assert ce.dw[0] / q.dw[0] == pytest.approx(1.0 / float(nn.sigmoid_prime(4.0)), rel=1e-12)


# ---------------------------------------------------------------------- maths
def test_sigmoid_and_slope_by_hand_and_in_the_tails() -> None:
    z = np.array([-3.0, 0.0, 0.5, 2.0])
    np.testing.assert_allclose(nn.sigmoid(z), 1.0 / (1.0 + np.exp(-z)), rtol=1e-15)
    s = 1.0 / (1.0 + np.exp(-z))
    np.testing.assert_allclose(nn.sigmoid_prime(z), s * (1.0 - s), rtol=1e-13)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tails = nn.sigmoid(np.array([-1e308, -1000.0, 1000.0, 1e308]))
        slope40 = nn.sigmoid_prime(np.array([40.0, -40.0, 1000.0]))
        ce = nn.cross_entropy_cost(np.array([1000.0, -1000.0]), 0.0)
        q = nn.quadratic_cost(np.array([1000.0, -1000.0]), 0.0)
    np.testing.assert_array_equal(tails, [0.0, 0.0, 1.0, 1.0])
    # 1 − σ(40) is 0 in float64, but σ′(40) ≈ e^−40 is representable and must not be lost.
    np.testing.assert_allclose(slope40[:2], math.exp(-40.0), rtol=1e-12)
    assert slope40[2] == 0.0
    # −ln(1 − σ(1000)) = 1000 exactly to double precision, even though σ(1000) rounds to 1.
    assert ce[0] == pytest.approx(1000.0, rel=1e-15)
    assert ce[1] == 0.0
    np.testing.assert_array_equal(q, [0.5, 0.0])


def test_costs_by_hand() -> None:
    # z = ln 3 gives a = 0.75.
    z = math.log(3.0)
    assert float(nn.quadratic_cost(z, 0.0)) == pytest.approx(0.5 * 0.75**2)
    assert float(nn.cross_entropy_cost(z, 0.0)) == pytest.approx(-math.log(0.25))
    assert float(nn.cross_entropy_cost(z, 1.0)) == pytest.approx(-math.log(0.75))
    assert float(nn.cross_entropy_cost(z, 0.3)) == pytest.approx(
        -(0.3 * math.log(0.75) + 0.7 * math.log(0.25))
    )


@settings(max_examples=200, deadline=None)
@given(
    w=st.floats(-10.0, 10.0), b=st.floats(-10.0, 10.0), x=st.floats(-5.0, 5.0),
    y=st.floats(0.0, 1.0), kind=st.sampled_from(nn.COSTS),
)
def test_gradients_match_central_finite_differences(
    w: float, b: float, x: float, y: float, kind: nn.CostKind
) -> None:
    h = 1e-6

    def c(ww: float, bb: float) -> float:
        return float(nn.cost(kind, ww * x + bb, y))

    fd_w = (c(w + h, b) - c(w - h, b)) / (2 * h)
    fd_b = (c(w, b + h) - c(w, b - h)) / (2 * h)
    dw, db = nn.gradients(kind, w, b, x, y)
    # Rounding error of a central difference of a value of size |C| is about ε·|C|/h.
    scale = 1e-8 * (1.0 + abs(c(w, b)))
    assert float(dw) == pytest.approx(fd_w, abs=scale + 1e-6 * abs(fd_w))
    assert float(db) == pytest.approx(fd_b, abs=scale + 1e-6 * abs(fd_b))


@given(w=st.floats(-10.0, 10.0), b=st.floats(-10.0, 10.0), x=st.floats(-5.0, 5.0),
       y=st.floats(0.0, 1.0))
def test_sigma_prime_cancels_in_the_cross_entropy_gradient(
    w: float, b: float, x: float, y: float
) -> None:
    z = w * x + b
    a = float(nn.sigmoid(z))
    dw, db = nn.gradients("cross_entropy", w, b, x, y)
    # The cross-entropy gradient is the plain error a − y (no σ′ factor), computed without
    # cancellation as (1 − y)σ(z) − yσ(−z); it agrees with a − y to the rounding of a.
    assert float(db) == float(nn.sigmoid_error(z, y))
    assert float(db) == pytest.approx(a - y, rel=1e-15, abs=4e-16)
    assert float(dw) == float(db) * x
    qdw, qdb = nn.gradients("quadratic", w, b, x, y)
    sp = float(nn.sigmoid_prime(z))
    assert float(qdb) == pytest.approx(float(db) * sp, rel=1e-15, abs=1e-300)
    assert float(qdw) == pytest.approx(float(db) * sp * x, rel=1e-15, abs=1e-300)


@given(w=st.floats(-10.0, 10.0), b=st.floats(-10.0, 10.0), x=st.floats(-5.0, 5.0),
       y=st.floats(0.0, 1.0), kind=st.sampled_from(nn.COSTS))
def test_training_loop_agrees_with_the_vectorised_functions(
    w: float, b: float, x: float, y: float, kind: nn.CostKind
) -> None:
    traj = nn.train(kind, w, b, x, y, 0.1, 0)
    z = w * x + b
    assert traj.z[0] == z
    assert traj.a[0] == pytest.approx(float(nn.sigmoid(z)), rel=1e-15)
    assert traj.cost[0] == pytest.approx(float(nn.cost(kind, z, y)), rel=1e-13, abs=1e-300)
    dw, db = nn.gradients(kind, w, b, x, y)
    assert traj.dw[0] == pytest.approx(float(dw), rel=1e-13, abs=1e-300)
    assert traj.db[0] == pytest.approx(float(db), rel=1e-13, abs=1e-300)


def test_cost_surface_shape_and_values() -> None:
    w = np.linspace(-1.0, 1.0, 5)
    b = np.linspace(0.0, 2.0, 3)
    surf = nn.cost_surface("cross_entropy", w, b, 2.0, 0.0)
    assert surf.shape == (5, 3)
    assert surf[4, 2] == pytest.approx(float(nn.cross_entropy_cost(1.0 * 2.0 + 2.0, 0.0)))


# ---------------------------------------------------------------------- training
def test_trajectory_follows_the_update_rule_and_is_deterministic() -> None:
    t1 = nn.train("quadratic", 0.6, 0.9, 1.0, 0.0, ETA, 50)
    t2 = nn.train("quadratic", 0.6, 0.9, 1.0, 0.0, ETA, 50)
    for name in nn.FIELDS:
        np.testing.assert_array_equal(t1.column(name), t2.column(name))
        assert len(t1.column(name)) == 51
    np.testing.assert_allclose(t1.w[1:], t1.w[:-1] - ETA * t1.dw[:-1], rtol=0, atol=1e-15)
    np.testing.assert_allclose(t1.b[1:], t1.b[:-1] - ETA * t1.db[:-1], rtol=0, atol=1e-15)
    np.testing.assert_allclose(t1.z, t1.w * 1.0 + t1.b, rtol=1e-15)
    assert np.all(np.diff(t1.cost) < 0)  # a small enough step always goes downhill here
    assert t1.diverged_at is None and t1.reason is None and t1.diverged_z is None
    with pytest.raises(ValueError):
        t1.w[0] = 5.0  # read-only: trajectories are cached and shared


def test_zero_epochs_is_just_the_start() -> None:
    traj = nn.train("cross_entropy", 2.0, 2.0, 1.0, 0.0, ETA, 0)
    assert traj.n_computed == 1 and traj.w[0] == 2.0


def test_bad_arguments_raise() -> None:
    with pytest.raises(ValueError):
        nn.train("hinge", 0, 0, 1, 0, 0.1, 10)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        nn.train("quadratic", 0, 0, 1, 0, 0.1, -1)


def test_oscillating_run_is_caught_when_it_leaves_the_meaningful_range() -> None:
    # y = 0.5 and a big step: z jumps from side to side with growing amplitude.
    traj = nn.train("cross_entropy", 0.0, 3.0, 5.0, 0.5, 200.0, 300)
    assert traj.diverged_at is not None and traj.diverged_at < 300
    assert np.all(np.abs(traj.z) <= nn.Z_LIMIT)
    assert traj.index(10_000) == traj.n_computed - 1
