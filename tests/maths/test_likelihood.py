"""Likelihood maths: −ln L against independent log-densities (mpmath in the tails) and the
factor/constant identity."""

from __future__ import annotations

import itertools
import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.maths import likelihood as lk


def test_residual_without_cancellation():
    # y ≈ w·x + b to 1e-16 relative: the residual keeps its digits.
    x, y, w = 3.0, 0.30000000000000004 * 3.0, 0.1
    r = lk.residuals(np.array([x]), np.array([y]), w, 0.0)[0]
    with mpmath.workdps(50):
        exact = mpmath.mpf(y) - mpmath.mpf(w) * mpmath.mpf(x)
    assert r == pytest.approx(float(exact), rel=1e-15)


@settings(max_examples=30, deadline=None)
@given(pts=st.lists(st.tuples(st.integers(-20, 20), st.floats(-100, 100)), min_size=2,
                    max_size=9, unique_by=lambda p: p[0]))
def test_laplace_mle_matches_exhaustive_search(pts):
    """An optimal least-absolute line passes through two data points: try every pair."""
    x = np.array([p[0] for p in pts], dtype=float)
    y = np.array([p[1] for p in pts])
    best = min(
        math.fsum(abs(yk - (w * xk + (y[i] - w * x[i]))) for xk, yk in zip(x, y, strict=True))
        for i, j in itertools.combinations(range(len(x)), 2)
        for w in [(y[j] - y[i]) / (x[j] - x[i])])
    fit = lk.least_absolute(x, y)
    assert fit.status == "ok"
    assert fit.loss_sum == pytest.approx(best, rel=1e-12, abs=1e-12)
    assert fit.loss_sum <= best * (1 + 1e-13) + 1e-13


def test_logistic_fit_survives_an_underflowed_hessian():
    """Hypothesis found x = [0, 1, −1.3e−190], labels [1, 0, 0]: Newton's Hessian underflowed to a
    singular matrix and the fit raised.  It now falls back to a least-squares step and ends at
    the infimum 2·ln 2 (the two points 1e−190 apart cannot be told apart in double precision)."""
    import math

    import numpy as np

    from losslab.maths import likelihood as lk

    fit = lk.logistic(np.array([0.0, 1.0, -1.3e-190]), np.array([1.0, 0.0, 0.0]))
    assert math.isfinite(fit.w) and math.isfinite(fit.b)
    assert fit.loss_sum == pytest.approx(2 * math.log(2), rel=1e-12)
