"""The Risk lab model: training and expected risk of the fits, the cached sweep, the spread and
the JSON summary (no Qt)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from losslab.maths import risk as rk
from losslab.panels.risk import model as model


def test_training_risk_of_y_equals_x_is_mean_squared_residual():
    state = model.RiskState()
    state.update({"target": "line", "coefficients": (0.0, 1.0), "n": 37, "seed": 5})
    x, y = model.the_sample(state)
    assert model.readout(state)["train_risk"] == pytest.approx(np.mean((y - x) ** 2), rel=1e-13)
    assert model.readout(state)["expected_risk"] == pytest.approx(7 / 12, rel=1e-12)


def test_training_risk_never_rises_with_the_degree():
    for seed in range(3):
        state = model.RiskState()
        state.update({"seed": seed, "n": 25, "loss": "squared", "penalty": "none"})
        train = model.sweep(state).train_risk
        assert np.all(np.diff(train) <= 1e-12 * train[0])


def test_expected_risk_is_u_shaped_for_a_small_sample():
    state = model.RiskState()  # sine, n = 20
    s = model.sweep(state)
    best = int(np.argmin(s.expected_risk))
    assert 0 < best < rk.MAX_DEGREE
    assert s.expected_risk[-1] > 10 * s.expected_risk[best]
    assert s.train_risk[-1] < s.train_risk[best]


def test_degree_sweep_is_cached_and_reused():
    state = model.RiskState()
    first = model.sweep(state)
    state.degree = 7
    state.repeats = 50
    assert model.sweep(state) is first
    state.n = 21
    assert model.sweep(state) is not first


# ---------------------------------------------------------------------------- law of large numbers
def test_spread_shrinks_like_one_over_root_n_onto_the_expected_risk():
    state = model.RiskState()
    state.update({"target": "line", "coefficients": (0.0, 1.0), "repeats": 400})
    sp = model.spread(state)
    expected = 7 / 12
    i100, i10000 = list(sp.n).index(100), list(sp.n).index(10000)
    assert sp.std[i100] / sp.std[i10000] == pytest.approx(10.0, rel=0.2)
    # the mean over 400 resamples is within 4 standard errors of the expected risk
    assert abs(sp.mean[i10000] - expected) < 4 * sp.std[i10000] / math.sqrt(400)
    # the spread of a mean of n losses: sqrt(Var L / n); Var L for squared loss with
    # e(x) = x, Gaussian σ = 0.5: E[(e+ε)^4] − R² = E[e^4] + 6σ²E[e²] + 3σ^4 − R²
    var_l = 1 / 5 + 6 * 0.25 / 3 + 3 * 0.5**4 - expected**2
    assert sp.std[i10000] == pytest.approx(math.sqrt(var_l / 10000), rel=0.15)


# ---------------------------------------------------------------------------- export
def test_summary_layout():
    state = model.RiskState()
    doc = model.PANEL.json_document(state)
    for key in ("distribution", "sample", "coefficients", "train_risk", "expected_risk",
                "objective", "degree_sweep", "spread"):
        assert key in doc
    assert [d["degree"] for d in doc["degree_sweep"]] == list(range(16))
    assert len(doc["sample"]["x"]) == state.n
    assert doc["coefficients"] == pytest.approx(
        model.sweep(state).fits[state.degree].power.tolist())
    assert [s["n"] for s in doc["spread"]] == list(rk.SPREAD_GRID)


def test_summary_lambda_sweep_agrees_with_the_fits():
    state = model.RiskState()
    state.update({"penalty": "l1", "lam": 0.01, "degree": 4})
    doc = model.PANEL.json_document(state)
    ls = doc["lambda_sweep"]
    assert ls["penalty"] == "l1" and ls["degree"] == 4
    points = ls["points"]
    assert [p["lam"] for p in points] == [0.0, *rk.LAMBDA_GRID]
    x, y = model.the_sample(state)
    for p in points[::6]:
        f = rk.fit(x, y, 4, "squared", 1.0, "l1", p["lam"])
        assert p["train_risk"] == pytest.approx(f.train_risk, rel=1e-12)
        assert p["objective"] == pytest.approx(f.objective, rel=1e-12)
        assert p["expected_risk"] == pytest.approx(
            rk.expected_risk(f.legendre, model.distribution(state), "squared"), rel=1e-12)
    # no penalty chosen: the sweep says it swept L2
    state.penalty = "none"
    assert model.PANEL.json_document(state)["lambda_sweep"]["penalty"] == "l2"
