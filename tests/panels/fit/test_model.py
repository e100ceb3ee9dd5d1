"""The Fit lab model: optimality against an independent solve, state rules and export (no Qt)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from losslab.core.params import ParamError
from losslab.maths import fitting as F
from losslab.panels.fit import model as model

SETTINGS = {"huber_delta": 1.0, "quantile_tau": 0.3, "epsilon": 0.4}


def J(problem, key, penalty, lam, theta, settings=SETTINGS):
    s = {**settings, "logistic_base_value": math.e}
    return F.objective(problem, key, s, penalty, lam, np.asarray(theta, dtype=float))


# ---------------------------------------------------------------------------- state and export
def test_task_switch_loads_default_points_and_keeps_losses():
    s = model.FitState()
    s.task = "classification"
    assert s.points == model.DEFAULT_POINTS["classification"]
    assert model.visible_keys(s) == ("hinge", "logistic", "exponential")
    s.update({"losses": ("squared",)})
    s.task = "regression"
    assert s.points == model.DEFAULT_POINTS["regression"] and s.losses == ("squared",)
    s.task = "classification"  # no classification loss chosen: its defaults are added
    assert model.visible_keys(s) == model.DEFAULT_LOSSES["classification"]


def test_points_rules_strict_and_clamped():
    s = model.FitState()
    with pytest.raises(ParamError, match="points.*allowed"):
        s.set("points", ((1.0, 2.0, 1.0),), clamp=False)
    s.update({"task": "classification", "points": ((1.0, 2.0, 0.5), (0, 0, -3))})
    assert s.points == ((1.0, 2.0, 1.0), (0.0, 0.0, -1.0))
    with pytest.raises(ParamError, match="label"):
        s.set("points", ((1.0, 2.0, 0.5),), clamp=False)


def test_summary_and_table():
    s = model.FitState()
    s.update({"penalty": "l2", "lam": 1.0, "losses": ("squared", "absolute")})
    doc = model.summary(s)
    sq = doc["fits"]["squared"]
    assert sq["w"] == [pytest.approx(2.8)] and sq["objective"] == pytest.approx(32.24)
    assert sq["empirical_risk"] + sq["structural_risk"] == pytest.approx(sq["objective"])
    assert set(doc["fits"]) == {"squared", "absolute"}
    t = model.table(s)
    assert list(t) == ["x", "y", "squared_residual", "squared_loss", "squared_pull",
                       "absolute_residual", "absolute_loss", "absolute_pull"]
    np.testing.assert_allclose(t["squared_residual"], [0.4, -1.4, -3.2, -5.0, 9.2], atol=1e-12)
    np.testing.assert_allclose(t["squared_pull"], -2 * t["squared_residual"])
