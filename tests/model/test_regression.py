"""Regression losses as the frameworks compute them: recorded and hand-derived reference values
(always run), the real PyTorch and Keras where installed (skipped cleanly otherwise), extremes
checked against mpmath, and the panel state."""

from __future__ import annotations

import math
import os
import warnings

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.core.params import ParamError
from losslab.maths import regression as rg
from losslab.panels import panel as panel_entry
from losslab.panels.regression import model as rm

#: The issue's batch: 2 samples, 3 outputs.
PRED = np.array([[0.5, 1.5, 3.0], [2.0, -1.0, 0.0]])
TRUE = np.array([[1.0, 1.0, 1.0], [0.0, 0.0, 4.0]])


@pytest.fixture(autouse=True)
def _no_float_warnings():
    """Every computation here must be free of overflow / invalid / divide warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            yield


def state(**changes):
    s = rm.RegressionState()
    s.update(changes, clamp=False)
    return s


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


# ---------------------------------------------------------------------------- the panel state
def test_defaults_and_registry():
    entry = panel_entry("regression")
    assert entry.title == "Regression losses, step by step" and entry.tab_with == "cross_entropy"
    assert entry.model is rm.PANEL and rm.PANEL.key == "regression"
    s = rm.RegressionState()
    assert s.predictions == tuple(map(tuple, PRED)) and s.targets == tuple(map(tuple, TRUE))
    assert set(s.specs) == {"predictions", "targets", "reduction", "huber_delta", "beta"}


def test_shape_mismatch_is_a_clear_error():
    with pytest.raises(ParamError, match=r"targets: shape 2×2 but predictions are 2×3; allowed"):
        state(targets=((1.0, 2.0), (3.0, 4.0)))
    with pytest.raises(ParamError, match="rows have different lengths"):
        state(targets=((1.0, 2.0), (3.0,)))


def test_gui_policy_fits_the_other_table():
    s = rm.RegressionState()
    s.predictions = ((1.0, 2.0, 3.0, 4.0), (5.0, 6.0, 7.0, 8.0), (9.0, 10.0, 11.0, 12.0))
    # The new cells of the targets copy the predictions: residual 0, nothing added.
    assert s.targets == ((1.0, 1.0, 1.0, 4.0), (0.0, 0.0, 4.0, 8.0), (9.0, 10.0, 11.0, 12.0))
    s.targets = ((0.0,),)
    assert s.predictions == ((1.0,),)
    s.predictions = ((2e7,),)  # clamped into range
    assert s.predictions == ((rm.VALUE_LIMIT,),)


def test_compute_report_and_shares():
    r = rm.compute(state())
    assert r.value("pytorch", "mse") == 25.5 and r.value("keras", "mean_squared_error") == 8.5
    np.testing.assert_array_equal(r.per_sample_sum["squared"], [4.5, 21.0])
    np.testing.assert_allclose(r.share["squared"], [4.5 / 25.5, 21 / 25.5], rtol=1e-15)
    np.testing.assert_allclose(r.share["absolute"], [0.3, 0.7], rtol=1e-15)
    assert any("PyTorch's sum is 3 times Keras'" in n for n in r.notes)
    assert any("25.5 vs 8.5" in n for n in r.notes)
    assert any("½r², not r²" in n for n in r.notes)
    assert any("Sample 1 carries 82% of the squared loss but 70%" in n for n in r.notes)
    with pytest.raises(KeyError):
        r.value("pytorch", "log_cosh")


def test_perfect_predictions_have_no_shares():
    r = rm.compute(state(predictions=tuple(map(tuple, TRUE))))
    assert all(v == 0.0 for c in r.comparisons for v in np.ravel(c.value))
    assert np.isnan(r.share["squared"]).all()
    assert any("every loss is 0" in n for n in r.notes)


def test_summary_keys_and_values():
    doc = rm.summary(state(reduction="mean", huber_delta=2.5, beta=0.5))
    assert set(doc["pytorch"]) == {"mse", "l1", "huber", "smooth_l1"}
    assert set(doc["keras"]) == {"mean_squared_error", "mean_absolute_error", "huber", "log_cosh"}
    assert doc["pytorch"]["mse"] == 4.25 == doc["keras"]["mean_squared_error"]
    assert doc["pytorch"]["huber"] == pytest.approx(11.625 / 6, rel=1e-15)
    assert doc["pytorch"]["smooth_l1"] == pytest.approx(8.5 / 6, rel=1e-15)
    assert doc["residuals"] == [[-0.5, 0.5, 2.0], [2.0, -1.0, -4.0]]
    doc = rm.summary(state(reduction="none"))
    assert doc["pytorch"]["l1"] == [[0.5, 0.5, 2.0], [2.0, 1.0, 4.0]]
    assert doc["keras"]["mean_absolute_error"] == pytest.approx([1.0, 7 / 3], rel=1e-15)


def test_table_one_row_per_element():
    t = rm.table(state())
    assert list(t) == ["sample", "output", "prediction", "target", "residual", "squared",
                       "absolute", "huber", "smooth_l1", "log_cosh"]
    np.testing.assert_array_equal(t["sample"], [0, 0, 0, 1, 1, 1])
    np.testing.assert_array_equal(t["output"], [0, 1, 2, 0, 1, 2])
    np.testing.assert_array_equal(t["residual"], [-0.5, 0.5, 2, 2, -1, -4])
    np.testing.assert_array_equal(t["huber"], [0.125, 0.125, 1.5, 1.5, 0.5, 3.5])


def test_snippets_carry_the_batch():
    s = state(reduction="none", huber_delta=2.0, beta=0.5)
    code = rm.snippet(s, "pytorch")
    assert "y_pred = torch.tensor([[0.5, 1.5, 3.0], [2.0, -1.0, 0.0]], dtype=torch.float64)" in code
    assert 'nn.HuberLoss(reduction="none", delta=2.0)' in code
    assert 'nn.SmoothL1Loss(reduction="none", beta=0.5)' in code
    k = rm.snippet(s, "keras")
    assert 'keras.config.set_floatx("float64")' in k and "reduction=None" in k
    assert "keras.losses.Huber(delta=2.0" in k
    assert "# LossLab: [1.5, 7. ]" in k or "# LossLab: [1.5, 7.]" in k
    assert "sum_over_batch_size" in rm.snippet(state(reduction="mean"), "keras")
    with pytest.raises(ValueError, match="allowed: pytorch, keras"):
        rm.snippet(s, "jax")
    for code in (rm.snippet(s, "pytorch"), k):
        compile(code, "<snippet>", "exec")


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


@pytest.mark.parametrize("changes", [
    {}, {"reduction": "mean", "huber_delta": 0.3, "beta": 2.5}, {"reduction": "none", "beta": 0.0},
])
def test_pytorch_snippet_runs_and_agrees(changes):
    pytest.importorskip("torch")
    s = state(**changes)
    ns: dict = {}
    exec(compile(rm.pytorch_snippet(s), "<snippet>", "exec"), ns)  # noqa: S102
    r = rm.compute(s)
    for key, _cls, _el in rm.PYTORCH_LOSSES:
        np.testing.assert_allclose(ns[key].numpy(), r.value("pytorch", key), rtol=1e-12)
    np.testing.assert_allclose(ns["log_cosh"].numpy(), r.elements["log_cosh"], rtol=1e-12)


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


@pytest.mark.parametrize("changes", [{}, {"reduction": "mean", "huber_delta": 0.3},
                                     {"reduction": "none"}])
def test_keras_snippet_runs_and_agrees(changes):
    keras = _keras()
    s = state(**changes)
    ns: dict = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                exec(compile(rm.keras_snippet(s), "<snippet>", "exec"), ns)  # noqa: S102
    finally:
        keras.config.set_floatx("float32")
    r = rm.compute(s)
    for var, (key, _cls, _el) in zip(("mse", "mae", "huber", "log_cosh"), rm.KERAS_LOSSES):
        np.testing.assert_allclose(keras.ops.convert_to_numpy(ns[var]), r.value("keras", key),
                                   rtol=1e-12)
