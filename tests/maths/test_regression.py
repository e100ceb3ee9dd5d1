"""Regression losses as the frameworks compute them: recorded and hand-derived reference values,
extremes checked against mpmath."""

from __future__ import annotations

import math
import os

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.maths import regression as rg

#: The issue's batch: 2 samples, 3 outputs.
PRED = np.array([[0.5, 1.5, 3.0], [2.0, -1.0, 0.0]])
TRUE = np.array([[1.0, 1.0, 1.0], [0.0, 0.0, 4.0]])


# ---------------------------------------------------------------------------- recorded references
def test_issue_numbers_mse_sum_and_mean():
    """The issue: PyTorch sum 25.5, Keras sum 8.5, both means 4.25."""
    assert rg.torch_mse(PRED, TRUE, "sum") == 25.5
    assert rg.keras_mse(TRUE, PRED, "sum") == 8.5
    assert rg.torch_mse(PRED, TRUE, "mean") == 4.25
    assert rg.keras_mse(TRUE, PRED, "mean") == 4.25
    np.testing.assert_array_equal(rg.torch_mse(PRED, TRUE, "none"),
                                  [[0.25, 0.25, 4.0], [4.0, 1.0, 16.0]])
    np.testing.assert_array_equal(rg.keras_mse(TRUE, PRED, "none"), [1.5, 7.0])


def test_residual_sign_is_prediction_minus_target():
    np.testing.assert_array_equal(rg.residuals(PRED, TRUE), [[-0.5, 0.5, 2.0], [2.0, -1.0, -4.0]])
    with pytest.raises(ValueError, match="same shape"):
        rg.residuals(PRED, TRUE[:, :2])


def test_l1_by_hand():
    # |r| = .5 .5 2 | 2 1 4: total 10, per sample 3 and 7/3.
    assert rg.torch_l1(PRED, TRUE, "sum") == 10.0
    assert rg.torch_l1(PRED, TRUE, "mean") == pytest.approx(10 / 6, rel=1e-15)
    np.testing.assert_allclose(rg.keras_mae(TRUE, PRED, "none"), [1.0, 7 / 3], rtol=1e-15)
    assert rg.keras_mae(TRUE, PRED, "sum") == pytest.approx(10 / 3, rel=1e-15)
    assert rg.keras_mae(TRUE, PRED, "mean") == pytest.approx(10 / 6, rel=1e-15)


@pytest.mark.parametrize(("delta", "elements"), [
    # δ = 1: ½r² for .5 .5 1; δ(|r| − δ/2) for 2 2 4.
    (1.0, [[0.125, 0.125, 1.5], [1.5, 0.5, 3.5]]),
    # δ = 2.5: every residual but 4 is inside; 2.5·(4 − 1.25) = 6.875.
    (2.5, [[0.125, 0.125, 2.0], [2.0, 0.5, 6.875]]),
    # δ = 0.25: all outside: 0.25·(|r| − 0.125).
    (0.25, [[0.09375, 0.09375, 0.46875], [0.46875, 0.21875, 0.96875]]),
])
def test_huber_by_hand(delta, elements):
    el = np.array(elements)
    np.testing.assert_allclose(rg.torch_huber(PRED, TRUE, delta, "none"), el, rtol=1e-15)
    assert rg.torch_huber(PRED, TRUE, delta, "sum") == pytest.approx(el.sum(), rel=1e-15)
    assert rg.torch_huber(PRED, TRUE, delta, "mean") == pytest.approx(el.mean(), rel=1e-15)
    np.testing.assert_allclose(rg.keras_huber(TRUE, PRED, delta, "none"), el.mean(axis=1),
                               rtol=1e-15)
    assert rg.keras_huber(TRUE, PRED, delta, "sum") == pytest.approx(el.mean(axis=1).sum(),
                                                                     rel=1e-15)


def test_huber_quadratic_zone_is_half_the_square():
    r = np.linspace(-1, 1, 41)
    np.testing.assert_array_equal(rg.huber(r, 1.0), 0.5 * r * r)
    assert not np.allclose(rg.huber(r[r != 0], 1.0), rg.squared(r[r != 0]))


@pytest.mark.parametrize("beta", [0.5, 1.0, 2.0, 3.7])
def test_smooth_l1_is_huber_over_beta(beta):
    r = np.linspace(-10, 10, 201)
    np.testing.assert_allclose(rg.smooth_l1(r, beta), rg.huber(r, beta) / beta, rtol=1e-14,
                               atol=1e-300)


def test_smooth_l1_by_hand_and_beta_zero_is_l1():
    # β = 0.5: every |r| ≥ 0.5 → |r| − 0.25: .25 .25 1.75 | 1.75 .75 3.75, total 8.5.
    assert rg.torch_smooth_l1(PRED, TRUE, 0.5, "sum") == 8.5
    # β = 4: all |r| < 4 except 4 itself → ½r²/4 and 4 − 2 = 2.
    np.testing.assert_allclose(rg.torch_smooth_l1(PRED, TRUE, 4.0, "none"),
                               [[1 / 32, 1 / 32, 0.5], [0.5, 0.125, 2.0]], rtol=1e-15)
    np.testing.assert_array_equal(rg.smooth_l1(rg.residuals(PRED, TRUE), 0.0),
                                  np.abs(rg.residuals(PRED, TRUE)))


def test_log_cosh_by_hand():
    r = rg.residuals(PRED, TRUE)
    want = np.log(np.cosh(r))  # fine at these sizes
    got = rg.keras_log_cosh(TRUE, PRED, "none")
    np.testing.assert_allclose(got, want.mean(axis=1), rtol=1e-14)
    # ln cosh 2 = 1.3250027473578645 (mpmath); ln cosh 0.5 = 0.12011450695827752.
    assert rg.log_cosh(2.0) == pytest.approx(1.3250027473578645, rel=1e-15)
    assert rg.log_cosh(-0.5) == pytest.approx(0.12011450695827752, rel=1e-15)


def _mp_log_cosh(r: float) -> float:
    # cosh r = 1 + r²/2 + …: the working precision must resolve r² next to 1.
    digits = 40 + (int(-2 * math.log10(abs(r))) if 0 < abs(r) < 1 else 0)
    with mpmath.workdps(digits):
        return float(mpmath.log(mpmath.cosh(mpmath.mpf(r))))


@pytest.mark.parametrize("r", [1000.0, -1000.0, 710.0, 400.0, 20.0, 1.0, 0.999, 1e-3, -1e-8,
                               2e-155, 1e-300, 0.0, 2e6, -2e6])
def test_log_cosh_extremes_against_mpmath(r):
    got = float(rg.log_cosh(r))
    want = _mp_log_cosh(r)
    assert math.isfinite(got)
    if want < 1e-300:  # r²/2 is subnormal or 0: only absolute agreement is possible
        assert abs(got - want) <= 1e-320
    else:
        assert got == pytest.approx(want, rel=1e-14)


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=-2e6, max_value=2e6, allow_nan=False, allow_subnormal=False))
def test_log_cosh_matches_mpmath_everywhere(r):
    want = _mp_log_cosh(r)
    got = float(rg.log_cosh(r))
    if want < 1e-290:  # r² / 2 underflows to subnormals: absolute agreement is all there is
        assert abs(got - want) < 1e-300
    else:
        assert got == pytest.approx(want, rel=1e-13)


def test_keras_log_cosh_of_thousand():
    """The brief's extreme: residuals ±1000 give 1000 − ln 2 per element, finite."""
    p = np.array([[1000.0, -1000.0]])
    t = np.zeros((1, 2))
    assert rg.keras_log_cosh(t, p, "sum") == pytest.approx(1000 - math.log(2), rel=1e-15)


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_frameworks_on_one_output_agree(reduction):
    """With C = 1 the mean over the last axis is the element itself: nothing differs."""
    p, t = PRED[:, :1], TRUE[:, :1]
    np.testing.assert_allclose(np.ravel(rg.torch_mse(p, t, reduction)),
                               np.ravel(rg.keras_mse(t, p, reduction)), rtol=1e-15)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_torch_sum_is_c_times_keras_sum_and_means_agree(n, c, seed):
    rng = np.random.default_rng(seed)
    p, t = rng.normal(scale=100, size=(n, c)), rng.normal(size=(n, c))
    for torch_fn, keras_fn in ((rg.torch_mse, rg.keras_mse), (rg.torch_l1, rg.keras_mae)):
        assert torch_fn(p, t, "sum") == pytest.approx(c * keras_fn(t, p, "sum"), rel=1e-13)
        assert torch_fn(p, t, "mean") == pytest.approx(keras_fn(t, p, "mean"), rel=1e-13)


def test_reduction_name_checked():
    with pytest.raises(ValueError, match="allowed: none, mean, sum"):
        rg.torch_reduce(np.ones((1, 1)), "avg")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="allowed: none, mean, sum"):
        rg.keras_reduce(np.ones((1, 1)), "avg")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- real PyTorch
CASES = [(seed, red, delta, beta) for seed in (0, 1) for red in ("none", "mean", "sum")
         for delta, beta in ((1.0, 1.0), (0.3, 2.5), (7.0, 0.0))]


def _batch(seed):
    rng = np.random.default_rng(seed)
    p = rng.normal(scale=3.0, size=(5, 4))
    t = rng.normal(size=(5, 4))
    p[0] = [1000.0, -1000.0, 1e-9, 0.0]
    return p, t


@pytest.mark.parametrize(("seed", "reduction", "delta", "beta"), CASES)
def test_against_torch(seed, reduction, delta, beta):
    torch = pytest.importorskip("torch")
    p, t = _batch(seed)
    tp, tt = torch.tensor(p), torch.tensor(t)
    nn = torch.nn
    pairs = [
        (nn.MSELoss(reduction=reduction), rg.torch_mse(p, t, reduction)),
        (nn.L1Loss(reduction=reduction), rg.torch_l1(p, t, reduction)),
        (nn.HuberLoss(reduction=reduction, delta=delta),
         rg.torch_huber(p, t, delta, reduction)),
        (nn.SmoothL1Loss(reduction=reduction, beta=beta),
         rg.torch_smooth_l1(p, t, beta, reduction)),
    ]
    for fn, ours in pairs:
        np.testing.assert_allclose(ours, fn(tp, tt).numpy(), rtol=1e-12, atol=1e-300)


# ---------------------------------------------------------------------------- real Keras
def _keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


@pytest.mark.parametrize(("seed", "reduction", "delta", "beta"), CASES)
def test_against_keras_float64(seed, reduction, delta, beta):
    keras = _keras()
    keras.config.set_floatx("float64")
    try:
        p, t = _batch(seed)
        p[0, 2] = 0.5  # Keras' r + softplus(−2r) − ln 2 cancels for tiny r; compare where it can
        red = {"mean": "sum_over_batch_size", "sum": "sum", "none": None}[reduction]
        losses = keras.losses
        pairs = [
            (losses.MeanSquaredError(reduction=red, dtype="float64"),
             rg.keras_mse(t, p, reduction)),
            (losses.MeanAbsoluteError(reduction=red, dtype="float64"),
             rg.keras_mae(t, p, reduction)),
            (losses.Huber(delta=delta, reduction=red, dtype="float64"),
             rg.keras_huber(t, p, delta, reduction)),
            (losses.LogCosh(reduction=red, dtype="float64"), rg.keras_log_cosh(t, p, reduction)),
        ]
        with np.errstate(all="ignore"):
            for fn, ours in pairs:
                got = keras.ops.convert_to_numpy(fn(t, p))
                np.testing.assert_allclose(ours, got, rtol=1e-12)
    finally:
        keras.config.set_floatx("float32")
