"""Likelihood panel model: −ln L against independent log-densities (scipy.stats, mpmath in the
tails), the factor/constant identity, the MLE against independent fits, the state's rules."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, special, stats

from losslab.core.params import ParamError
from losslab.maths import likelihood as lk
from losslab.panels.likelihood import model

X5 = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
Y5 = np.array([0.0, 1.0, 2.0, 3.0, 20.0])


def state_with(**values):
    s = model.LikelihoodState()
    s.update(values, clamp=False)
    return s


def mp_nll(noise, points, w, b, scale):
    """−ln L in 60-digit arithmetic from the exact double inputs."""
    with mpmath.workdps(60):
        total = mpmath.mpf(0)
        w, b, s = mpmath.mpf(w), mpmath.mpf(b), mpmath.mpf(scale)
        for x, y in points:
            f = w * mpmath.mpf(x) + b
            if noise == "gaussian":
                r = mpmath.mpf(y) - f
                total += r * r / (2 * s * s) + mpmath.log(s * mpmath.sqrt(2 * mpmath.pi))
            elif noise == "laplace":
                total += abs(mpmath.mpf(y) - f) / s + mpmath.log(2 * s)
            else:
                t = 2 * mpmath.mpf(y) - 1
                total += mpmath.log1p(mpmath.exp(-t * f))
        return total


# ---------------------------------------------------------------------------- reference values
def test_content_reference_gaussian_and_laplace():
    doc = model.summary(model.LikelihoodState())
    assert doc["nll"] == pytest.approx(256 / 2 + 5 * math.log(math.sqrt(2 * math.pi)), rel=1e-13)
    assert round(doc["nll"], 6) == 132.594693
    assert doc["loss_sum"] == 256.0 and doc["factor"] == 0.5
    assert doc["constant"] == pytest.approx(5 * math.log(math.sqrt(2 * math.pi)), rel=1e-14)
    doc = model.summary(state_with(noise="laplace"))
    assert doc["nll"] == pytest.approx(16 + 5 * math.log(2), rel=1e-13)
    assert round(doc["nll"], 6) == 19.465736
    assert (doc["loss_sum"], doc["factor"]) == (16.0, 1.0)
    assert doc["constant"] == pytest.approx(5 * math.log(2), rel=1e-14)


@pytest.mark.parametrize("noise,dist", [("gaussian", stats.norm), ("laplace", stats.laplace)])
@pytest.mark.parametrize("w,b,scale", [(1.0, 0.0, 1.0), (4.2, -3.2, 0.37), (-2.5, 7.0, 13.0)])
def test_nll_equals_scipy_logpdf_sum(noise, dist, w, b, scale):
    s = state_with(noise=noise, w=w, b=b, scale=scale)
    doc = model.summary(s)
    logpdf = dist.logpdf(Y5, loc=w * X5 + b, scale=scale)
    assert doc["nll"] == pytest.approx(-logpdf.sum(), rel=1e-12)
    np.testing.assert_allclose([p["log_likelihood"] for p in doc["per_point"]], logpdf,
                               rtol=1e-12, atol=1e-15)
    # The identity the panel teaches: nll = factor · Σ loss + constant, factor > 0.
    assert doc["factor"] > 0
    assert doc["nll"] == pytest.approx(doc["factor"] * doc["loss_sum"] + doc["constant"],
                                       rel=1e-13)
    want = (1 / (2 * scale**2), 5 * math.log(scale * math.sqrt(2 * math.pi))) \
        if noise == "gaussian" else (1 / scale, 5 * math.log(2 * scale))
    assert doc["factor"] == pytest.approx(want[0], rel=1e-15)
    assert doc["constant"] == pytest.approx(want[1], rel=1e-14)


def test_bernoulli_is_binary_cross_entropy_and_logistic_loss():
    s = state_with(noise="bernoulli", w=0.7, b=-0.3)
    doc = model.summary(s)
    x, t = model.data(s)
    f = 0.7 * x - 0.3
    log_p = np.where(t == 1, special.log_expit(f), special.log_expit(-f))
    assert doc["nll"] == pytest.approx(-log_p.sum(), rel=1e-13)
    p = special.expit(f)
    bce = -(t * np.log(p) + (1 - t) * np.log(1 - p))
    logistic = np.log1p(np.exp(-(2 * t - 1) * f))
    assert doc["loss_sum"] == pytest.approx(bce.sum(), rel=1e-13)
    assert doc["loss_sum"] == pytest.approx(logistic.sum(), rel=1e-13)
    assert (doc["factor"], doc["constant"]) == (1.0, 0.0)
    np.testing.assert_allclose([q["p"] for q in doc["per_point"]], p, rtol=1e-14)
    np.testing.assert_allclose([q["likelihood"] for q in doc["per_point"]],
                               np.where(t == 1, p, 1 - p), rtol=1e-13)


@settings(max_examples=40, deadline=None)
@given(noise=st.sampled_from(lk.NOISES),
       pts=st.lists(st.tuples(st.floats(-50, 50), st.floats(-50, 50)), min_size=1, max_size=8),
       w=st.floats(-10, 10), b=st.floats(-10, 10), scale=st.floats(0.01, 100))
def test_nll_matches_mpmath_for_random_data(noise, pts, w, b, scale):
    if noise == "bernoulli":
        pts = [(x, float(y > 0)) for x, y in pts]
    doc = model.summary(state_with(noise=noise, points=pts, w=w, b=b, scale=scale))
    exact = mp_nll(noise, pts, w, b, scale)
    assert doc["nll"] == pytest.approx(float(exact), rel=1e-9, abs=1e-12)
    assert doc["nll"] == pytest.approx(doc["factor"] * doc["loss_sum"] + doc["constant"],
                                       rel=1e-9, abs=1e-9)


# ---------------------------------------------------------------------------- tails
def test_far_tails_are_finite_and_exact():
    pts = ((0.0, 0.0), (1.0, 1000.0), (2.0, -1000.0))
    for noise in ("gaussian", "laplace"):
        s = state_with(noise=noise, points=pts, w=0.0, b=0.0, scale=0.01)
        doc = model.summary(s)
        exact = mp_nll(noise, pts, 0.0, 0.0, 0.01)
        assert doc["nll"] == pytest.approx(float(exact), rel=1e-12)
        lls = [p["log_likelihood"] for p in doc["per_point"]]
        assert all(math.isfinite(v) for v in lls)
        assert doc["per_point"][1]["likelihood"] is None  # e^(−5e9) is no double
        assert doc["likelihood"] is None and math.isfinite(doc["log10_likelihood"])
        assert doc["log10_likelihood"] == pytest.approx(-float(exact) / math.log(10), rel=1e-12)
        assert model.problem(s)  # the NaN likelihood cells are explained
        csv = model.table(s)
        assert math.isnan(csv["likelihood"][1]) and np.all(np.isfinite(csv["log_likelihood"]))
    # Bernoulli: a confident mistake with |f| = 100·1000.
    s = state_with(noise="bernoulli", points=((1000.0, 0.0), (-1000.0, 0.0)), w=100.0, b=0.0)
    doc = model.summary(s)
    assert doc["per_point"][0]["log_likelihood"] == pytest.approx(-1e5, rel=1e-15)
    assert doc["per_point"][1]["log_likelihood"] == pytest.approx(
        float(-mpmath.log1p(mpmath.exp(-1e5))), rel=1e-12)
    assert doc["nll"] == pytest.approx(1e5, rel=1e-15)


# ---------------------------------------------------------------------------- MLE
def test_gaussian_mle_is_least_squares_with_sigma_hat():
    doc = model.summary(model.LikelihoodState())
    mle = doc["mle"]
    ref = stats.linregress(X5, Y5)
    assert mle["status"] == "ok"
    assert mle["w"] == pytest.approx(ref.slope, rel=1e-12) and mle["w"] == pytest.approx(4.2)
    assert mle["b"] == pytest.approx(ref.intercept, rel=1e-12)
    assert mle["b"] == pytest.approx(-3.2, rel=1e-13)
    assert mle["sigma"] == pytest.approx(math.sqrt(20.48), rel=1e-13)
    # σ̂ is the maximiser of the likelihood in σ at the fitted line.
    res = optimize.minimize_scalar(
        lambda s: -stats.norm.logpdf(Y5, 4.2 * X5 - 3.2, s).sum(), bounds=(0.1, 50),
        method="bounded", options={"xatol": 1e-10})
    assert res.x == pytest.approx(mle["sigma"], rel=1e-7)


def test_laplace_mle_is_least_absolute_and_exact():
    doc = model.summary(state_with(noise="laplace"))
    assert doc["mle"]["status"] == "ok"
    assert (doc["mle"]["w"], doc["mle"]["b"], doc["mle"]["loss_sum"]) == (1.0, 0.0, 16.0)
    assert doc["mle"]["laplace_scale"] == 3.2


def test_bernoulli_mle_matches_an_independent_optimiser():
    s = state_with(noise="bernoulli")
    doc = model.summary(s)
    x, t = model.data(s)
    mle = doc["mle"]
    assert mle["status"] == "ok"

    def nll(th):
        return -np.sum(np.where(t == 1, special.log_expit(th[0] * x + th[1]),
                                special.log_expit(-(th[0] * x + th[1]))))

    ref = optimize.minimize(nll, [0.0, 0.0], method="BFGS", options={"gtol": 1e-12}).x
    assert mle["w"] == pytest.approx(ref[0], rel=1e-6)
    assert mle["b"] == pytest.approx(ref[1], rel=1e-6)
    # The gradient at our MLE, in 50 digits, is zero to the rounding of the inputs.
    with mpmath.workdps(50):
        w, b = mpmath.mpf(mle["w"]), mpmath.mpf(mle["b"])
        gw = mpmath.fsum((1 / (1 + mpmath.exp(-(w * mpmath.mpf(xi) + b))) - ti) * mpmath.mpf(xi)
                         for xi, ti in zip(x, t, strict=True))
        gb = mpmath.fsum(1 / (1 + mpmath.exp(-(w * mpmath.mpf(xi) + b))) - ti
                         for xi, ti in zip(x, t, strict=True))
    assert abs(float(gw)) < 1e-13 and abs(float(gb)) < 1e-13
    assert mle["loss_sum"] == pytest.approx(nll(ref), rel=1e-11)


@pytest.mark.parametrize("pts,why", [
    (((0, 0), (1, 0), (2, 1), (3, 1)), "separated"),
    (((0, 0), (1, 1), (1, 0), (2, 1)), "separated"),  # quasi-complete: a tie at x = 1
    (((0, 1), (1, 1)), "Every label is the same"),
])
def test_separable_bernoulli_has_no_finite_mle(pts, why):
    doc = model.summary(state_with(noise="bernoulli", points=pts))
    mle = doc["mle"]
    assert mle["status"] == "separable" and mle["w"] is None and mle["b"] is None
    assert why in mle["message"]
    assert mle["loss_sum_infimum"] == 0.0


def test_same_x_is_reported_not_unique():
    doc = model.summary(state_with(points=((2, 1), (2, 3), (2, 8))))
    assert doc["mle"]["status"] == "not_unique"
    assert doc["mle"]["b"] + 2 * doc["mle"]["w"] == pytest.approx(4.0)
    doc = model.summary(state_with(noise="laplace", points=((2, 1), (2, 3), (2, 8))))
    assert doc["mle"]["loss_sum"] == 7.0


# ---------------------------------------------------------------------------- grid
@pytest.mark.parametrize("noise", lk.NOISES)
def test_grid_curves_coincide_and_share_the_minimiser(noise):
    s = state_with(noise=noise, scale=0.7)
    doc = model.summary(s)
    for key, var in (("grid", "w"), ("grid_b", "b")):
        g = {k: np.array(v) for k, v in doc[key].items()}
        assert len(g[var]) == model.GRID_SAMPLES
        np.testing.assert_allclose(g["scaled_loss"], g["nll"], rtol=1e-12)
        assert np.argmin(g["nll"]) == np.argmin(g["loss_sum"])
        k = len(g[var]) // 3
        other = {"w": s.w, "b": s.b, var: g[var][k]}
        assert g["nll"][k] == pytest.approx(float(mp_nll(noise, s.points, other["w"],
                                                         other["b"], 0.7)), rel=1e-12)
    g = doc["grid"]
    assert g["w"][0] < min(s.w, doc["mle"]["w"]) and g["w"][-1] > max(s.w, doc["mle"]["w"])


# ---------------------------------------------------------------------------- state rules
def test_noise_switch_swaps_default_datasets_both_ways():
    s = model.LikelihoodState()
    s.noise = "bernoulli"
    assert s.points == model.BERNOULLI_POINTS
    s.noise = "laplace"
    assert s.points == model.REGRESSION_POINTS
    s = state_with(noise="bernoulli")  # the CLI's --set noise=bernoulli alone
    assert s.points == model.BERNOULLI_POINTS


def test_bernoulli_labels_strict_and_repaired():
    with pytest.raises(ParamError, match="points: row 1 has label 0.5; allowed: labels 0 or 1"):
        state_with(noise="bernoulli", points=((0, 1), (1, 0.5)))
    s = model.LikelihoodState()
    s.points = ((0, 5), (1, -3), (2, 2.5))
    s.noise = "bernoulli"  # GUI: above the line y = x → 1, below → 0
    assert s.points == ((0.0, 1.0), (1.0, 0.0), (2.0, 1.0))
    s.points = ((0, 0.7), (1, 0.2))
    assert s.points == ((0.0, 1.0), (1.0, 0.0))


def test_csv_columns():
    t = model.table(model.LikelihoodState())
    assert list(t) == ["x", "y", "residual", "likelihood", "log_likelihood"]
    np.testing.assert_array_equal(t["residual"], [0, 0, 0, 0, 16])
    np.testing.assert_allclose(t["likelihood"], stats.norm.pdf(Y5, X5), rtol=1e-13)
    t = model.table(state_with(noise="bernoulli"))
    assert list(t) == ["x", "label", "margin", "likelihood", "log_likelihood"]
