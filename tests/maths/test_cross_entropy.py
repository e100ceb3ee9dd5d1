"""Cross-entropy as the frameworks compute it: the maths against recorded reference values, the
real PyTorch and Keras where installed (skipped cleanly otherwise), and extremes."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.maths import cross_entropy as ce

LOGITS = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
TARGETS = np.array([0, 1])
WEIGHT = np.array([1.0, 2.0, 1.0])


# ---------------------------------------------------------------------------- recorded references
def test_softmax_steps_by_hand():
    steps = ce.softmax_steps(LOGITS)
    np.testing.assert_array_equal(steps.shift, [2.0, 2.5])
    np.testing.assert_allclose(steps.exp[0], [1.0, math.exp(-1.0), math.exp(-1.9)], rtol=1e-15)
    np.testing.assert_allclose(steps.total[0], 1 + math.exp(-1) + math.exp(-1.9), rtol=1e-15)
    # Recorded from torch.softmax / torch.log_softmax (float64).
    np.testing.assert_allclose(steps.softmax, [
        [0.6590011388859679, 0.24243297070471392, 0.09856589040931818],
        [0.10860373030701238, 0.8024790557916492, 0.08891721390133826]], rtol=1e-14)
    np.testing.assert_allclose(steps.log_softmax, [
        [-0.41703001627783354, -1.4170300162778335, -2.3170300162778332],
        [-2.220049523020538, -0.22004952302053787, -2.420049523020538]], rtol=1e-14)
    np.testing.assert_allclose(steps.softmax.sum(axis=1), 1.0, rtol=1e-15)


@pytest.mark.parametrize(("options", "expected"), [
    ({}, 0.31853976964918573),
    ({"weight": WEIGHT}, 0.28570968743963643),
    ({"weight": WEIGHT, "label_smoothing": 0.1}, 0.37545336488671155),
    ({"label_smoothing": 0.1}, 0.43687310298251913),
    ({"reduction": "sum"}, 0.6370795392983715),
])
def test_torch_cross_entropy_recorded(options, expected):
    """Values printed by torch 2.13 CrossEntropyLoss(**options) in float64."""
    assert ce.torch_cross_entropy(LOGITS, TARGETS, **options) == pytest.approx(expected, rel=1e-14)


def test_weighted_mean_divides_by_sum_of_target_weights():
    parts = ce.torch_cross_entropy_parts(ce.log_softmax(LOGITS), TARGETS, weight=WEIGHT)
    np.testing.assert_allclose(parts.row_weight, [1.0, 2.0])
    np.testing.assert_allclose(parts.row_loss, [0.41703001627783354, 0.44009904604107575],
                               rtol=1e-14)
    assert parts.denominator == 3.0  # w[0] + w[1], not N = 2
    assert parts.value == pytest.approx((0.41703001627783354 + 2 * 0.22004952302053787) / 3)
    # Keras takes the same weights as sample_weight and divides by N instead.
    sw = WEIGHT[TARGETS]
    keras = ce.keras_sparse(TARGETS, LOGITS, from_logits=True, sample_weight=sw)
    assert keras == pytest.approx((0.41703001627783354 + 2 * 0.22004952302053787) / 2)


def test_ignore_index_rows_leave_sum_and_divisor():
    x = np.array([[2, 1, 0.1], [0.5, 2.5, 0.3], [0.1, 0.2, 3.0]])
    t = np.array([0, -100, 2])
    # Recorded: torch CrossEntropyLoss(weight=[1, 2, 1]) on this batch.
    assert ce.torch_cross_entropy(x, t, weight=WEIGHT) == pytest.approx(0.2633157403996495,
                                                                         rel=1e-14)
    parts = ce.torch_cross_entropy_parts(ce.log_softmax(x), t)
    assert math.isnan(parts.nll[1]) and parts.row_loss[1] == 0.0 and parts.denominator == 2.0
    kept = ce.torch_cross_entropy(x[[0, 2]], t[[0, 2]])
    assert ce.torch_cross_entropy(x, t) == pytest.approx(kept, rel=1e-15)
    assert ce.keras_sparse(t, x, from_logits=True, ignore_class=-100) == pytest.approx(kept)


def test_every_row_ignored_torch_nan_keras_zero():
    t = np.array([-100, -100])
    assert math.isnan(ce.torch_cross_entropy(LOGITS, t))
    assert ce.torch_cross_entropy(LOGITS, t, reduction="sum") == 0.0
    assert ce.keras_sparse(t, LOGITS, from_logits=True, ignore_class=-100) == 0.0


def test_label_smoothing_formula():
    """(1 − ε)·(−ln p_y) + (ε/C)·Σ_c (−ln p_c), averaged over rows."""
    lp, eps = ce.log_softmax(LOGITS), 0.3
    rows = [(1 - eps) * -lp[i, TARGETS[i]] + eps / 3 * -lp[i].sum() for i in range(2)]
    assert ce.torch_cross_entropy(LOGITS, TARGETS, label_smoothing=eps) == pytest.approx(
        np.mean(rows), rel=1e-14)
    # Keras smooths the one-hot target the same way, so unweighted they agree.
    y = ce.one_hot(TARGETS, 3)
    assert ce.keras_categorical(y, LOGITS, from_logits=True, label_smoothing=eps) == \
        pytest.approx(np.mean(rows), rel=1e-14)
    np.testing.assert_allclose(ce.smooth_one_hot(y, eps)[0], [0.8, 0.1, 0.1])


def test_keras_documented_examples():
    """The examples printed in the Keras 3 loss docstrings."""
    y_true = np.array([[0, 1, 0], [0, 0, 1.0]])
    y_pred = np.array([[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    assert ce.keras_categorical(y_true, y_pred, from_logits=False) == pytest.approx(1.177, abs=5e-4)
    assert ce.keras_sparse(np.array([1, 2]), y_pred, from_logits=False) == \
        pytest.approx(1.177, abs=5e-4)
    yb = np.array([[0, 1], [0, 0.0]])
    pb = np.array([[0.6, 0.4], [0.4, 0.6]])
    assert ce.keras_binary(yb, pb, from_logits=False) == pytest.approx(0.815, abs=5e-4)
    logits = np.array([[-18.6], [0.51], [2.94], [-12.8]])
    labels = np.array([[0.0], [1.0], [0.0], [0.0]])
    assert ce.keras_binary(labels, logits, from_logits=True) == pytest.approx(0.865, abs=5e-4)


def test_keras_clips_probabilities_at_1e_minus_7():
    p = np.array([[1.0, 0.0]])
    y = np.array([[0.0, 1.0]])
    assert ce.keras_categorical(y, p, from_logits=False) == pytest.approx(-math.log(1e-7))
    assert ce.keras_categorical(1 - y, p, from_logits=False) == pytest.approx(-math.log1p(-1e-7))
    assert ce.manual_clipped_bce(p, 1 - y) == pytest.approx(-math.log1p(-1e-7))
    # PyTorch's BCELoss floors each log at −100 instead.
    assert ce.torch_bce(p, y) == pytest.approx(100.0)
    # Categorical probabilities are normalised first: [2, 2] is [0.5, 0.5].
    assert ce.keras_sparse(np.array([0]), np.array([[2.0, 2.0]]), from_logits=False) == \
        pytest.approx(math.log(2))


def test_binary_reductions_mean_over_last_axis_first():
    x = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]])
    y = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    el = ce.keras_binary_elements(y, x, from_logits=True)
    p = ce.sigmoid(x)
    np.testing.assert_allclose(el, -(y * np.log(p) + (1 - y) * np.log(1 - p)), rtol=1e-13)
    assert ce.keras_binary(y, x, from_logits=True) == pytest.approx(el.mean(), rel=1e-14)
    assert ce.keras_binary(y, x, from_logits=True, reduction="sum") == \
        pytest.approx(el.sum() / 3, rel=1e-14)
    assert ce.torch_bce_with_logits(x, y, reduction="sum") == pytest.approx(el.sum(), rel=1e-14)
    np.testing.assert_allclose(ce.keras_binary(y, x, from_logits=True, reduction="none"),
                               el.mean(axis=1), rtol=1e-14)
    w = np.array([1.0, 2.0, 3.0])
    assert ce.torch_bce_with_logits(x, y, weight=w) == pytest.approx((el * w).mean(), rel=1e-14)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.floats(-1e4, 1e4), min_size=3, max_size=3), min_size=1, max_size=6))
def test_log_softmax_finite_and_normalised(rows):
    x = np.array(rows)
    lp = ce.log_softmax(x)
    assert np.isfinite(lp).all() and (lp <= 0).all()
    np.testing.assert_allclose(ce.softmax(x).sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.logaddexp.reduce(lp, axis=1), 0.0, atol=1e-9)


# ---------------------------------------------------------------------------- real PyTorch
RNG_CASES = [
    (seed, red, use_w, ls, ignore)
    for seed in (0, 1)
    for red in ("none", "mean", "sum")
    for use_w in (False, True)
    for ls in (0.0, 0.25, 1.0)
    for ignore in (-100, 2)
]


@pytest.mark.parametrize(("seed", "reduction", "use_weight", "ls", "ignore"), RNG_CASES)
def test_against_torch_cross_entropy(seed, reduction, use_weight, ls, ignore):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(seed)
    x = rng.normal(scale=4.0, size=(7, 4))
    x[0] = [1000.0, -1000.0, 0.0, 3.0]
    t = rng.integers(0, 4, size=7)
    t[3] = ignore
    w = rng.uniform(0.1, 3.0, size=4) if use_weight else None
    with np.errstate(all="ignore"):  # torch's own internals are not ours to police
        ref = torch.nn.CrossEntropyLoss(
            weight=None if w is None else torch.tensor(w), reduction=reduction,
            ignore_index=ignore, label_smoothing=ls)(torch.tensor(x), torch.tensor(t)).numpy()
    ours = ce.torch_cross_entropy(x, t, weight=w, reduction=reduction, ignore_index=ignore,
                                  label_smoothing=ls)
    np.testing.assert_allclose(ours, ref, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
@pytest.mark.parametrize("use_weight", [False, True])
def test_against_torch_bce(reduction, use_weight):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    x = rng.normal(scale=5.0, size=(6, 3))
    x[0] = [1000.0, -1000.0, 40.0]
    y = (rng.random((6, 3)) > 0.5).astype(float)
    y[1] = [0.3, 0.7, 1.0]  # soft labels are allowed too
    w = np.array([0.5, 1.0, 2.0]) if use_weight else None
    tw = None if w is None else torch.tensor(w)
    ref = torch.nn.BCEWithLogitsLoss(weight=tw, reduction=reduction)(torch.tensor(x),
                                                                     torch.tensor(y)).numpy()
    # Same formula, different grouping of the terms: tiny values may differ in the last bits.
    np.testing.assert_allclose(ce.torch_bce_with_logits(x, y, weight=w, reduction=reduction),
                               ref, rtol=1e-10)
    p = ce.sigmoid(x)
    ref_p = torch.nn.BCELoss(weight=tw, reduction=reduction)(torch.tensor(p),
                                                             torch.tensor(y)).numpy()
    # log1p(−p) here, log(1 − p) in torch: the last few bits may differ.
    np.testing.assert_allclose(ce.torch_bce(p, y, weight=w, reduction=reduction), ref_p,
                               rtol=1e-10)
