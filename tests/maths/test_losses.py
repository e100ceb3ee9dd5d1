"""The 13 losses of content.md §1: values, derivatives, kinks, stability, bounds and the registry.

Pure numpy, no Qt.  Every test in this module turns RuntimeWarnings (numpy floating-point
warnings) into errors, so an overflow or an
invalid operation anywhere in a loss function fails the test that triggered it.
"""

from __future__ import annotations

import inspect
import math
import warnings
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.maths import losses as L
from losslab.panels.losses.model import LossCurvesState, numeric_settings

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

E = math.e
LN2 = math.log(2.0)
FMAX = float(np.finfo(np.float64).max)

MARGIN = ("zero_one", "hinge", "squared_hinge", "perceptron", "logistic", "exponential",
          "modified_huber")
RESIDUAL = ("squared", "absolute", "huber", "log_cosh", "quantile", "epsilon_insensitive")

#: Keyword arguments each loss takes, and the values tried for them.
PARAM_GRID: dict[str, list[dict[str, float]]] = {
    "logistic": [{"base": E}, {"base": 2.0}],
    "huber": [{"delta": 0.05}, {"delta": 0.3}, {"delta": 1.0}, {"delta": 2.5}, {"delta": 5.0}],
    "quantile": [{"tau": 0.0}, {"tau": 0.1}, {"tau": 0.5}, {"tau": 0.9}, {"tau": 1.0}],
    "epsilon_insensitive": [{"epsilon": 0.0}, {"epsilon": 0.5}, {"epsilon": 1.7},
                            {"epsilon": 5.0}],
}


def grid(key: str) -> list[dict[str, float]]:
    return PARAM_GRID.get(key, [{}])


def kinks(key: str, kw: dict[str, float]) -> list[float]:
    """Points where the loss or its first derivative is not smooth."""
    return {
        "zero_one": [0.0],
        "hinge": [1.0],
        "squared_hinge": [1.0],  # the second derivative jumps: keep finite differences away
        "perceptron": [0.0],
        "logistic": [],
        "exponential": [],
        "modified_huber": [-1.0, 1.0],
        "squared": [],
        "absolute": [0.0],
        "huber": [-kw.get("delta", 1.0), kw.get("delta", 1.0)],
        "log_cosh": [],
        "quantile": [0.0],
        "epsilon_insensitive": [-kw.get("epsilon", 0.5), kw.get("epsilon", 0.5)],
    }[key]


FN_CASES = [(k, kw) for k in L.LOSSES for kw in grid(k)]


def case_id(case: tuple[str, dict[str, float]]) -> str:
    key, kw = case
    return key + "".join(f"-{a}={v:g}" for a, v in kw.items())


# ---------------------------------------------------------------------- values at known points
MARGIN_POINTS = np.array([-2.0, -1.0, 0.0, 0.5, 1.0, 2.0])
MARGIN_VALUES = {
    "zero_one": [1, 1, 1, 0, 0, 0],
    "hinge": [3, 2, 1, 0.5, 0, 0],
    "squared_hinge": [9, 4, 1, 0.25, 0, 0],
    "perceptron": [2, 1, 0, 0, 0, 0],
    "logistic": [2.1269280110429727, 1.3132616875182228, 0.6931471805599453, 0.4740769841801067,
                 0.31326168751822286, 0.1269280110429725],
    "exponential": [E**2, E, 1.0, E**-0.5, 1 / E, E**-2],
    "modified_huber": [8, 4, 1, 0.25, 0, 0],
}
RESIDUAL_POINTS = np.array([-3.0, -1.0, -0.25, 0.0, 0.5, 2.0])
RESIDUAL_VALUES = {
    "squared": [9, 1, 0.0625, 0, 0.25, 4],
    "absolute": [3, 1, 0.25, 0, 0.5, 2],
    "huber": [2.5, 0.5, 0.03125, 0, 0.125, 1.5],  # δ = 1
    "log_cosh": [2.309328504577785, 0.4337808304830271, 0.030929803620161386, 0.0,
                 0.12011450695827745, 1.3250027473578645],
    "quantile": [1.5, 0.5, 0.125, 0, 0.25, 1],  # τ = 0.5
    "epsilon_insensitive": [2.5, 0.5, 0, 0, 0, 1.5],  # ε = 0.5
}


@pytest.mark.parametrize("key", MARGIN)
def test_margin_values_at_known_points(key: str) -> None:
    np.testing.assert_allclose(L.LOSSES[key].fn(MARGIN_POINTS), MARGIN_VALUES[key],
                               rtol=1e-14, atol=0)


@pytest.mark.parametrize("key", RESIDUAL)
def test_residual_values_at_known_points(key: str) -> None:
    np.testing.assert_allclose(L.LOSSES[key].fn(RESIDUAL_POINTS), RESIDUAL_VALUES[key],
                               rtol=1e-14, atol=0)


def test_values_every_loss_has_known_points() -> None:
    assert set(MARGIN_VALUES) | set(RESIDUAL_VALUES) == set(L.LOSSES)


def test_modified_huber_linear_branch() -> None:
    m = np.array([-1.0, -1.5, -3.0, -10.0])
    np.testing.assert_array_equal(L.modified_huber(m), [4.0, 6.0, 12.0, 40.0])


def test_logistic_base_2_known_points() -> None:
    got = L.logistic(MARGIN_POINTS, base=2.0)
    want = [math.log2(1 + math.exp(-m)) for m in MARGIN_POINTS]
    np.testing.assert_allclose(got, want, rtol=1e-14)
    assert L.logistic(0.0, base=2.0) == 1.0  # passes through (0, 1)
    assert L.logistic(0.0) == pytest.approx(LN2, rel=1e-15)


@pytest.mark.parametrize(
    ("delta", "r", "want"),
    [(2.0, -3.0, 4.0), (2.0, 2.0, 2.0), (2.0, -1.0, 0.5), (0.5, 2.0, 0.875), (0.5, 0.5, 0.125),
     (5.0, 4.0, 8.0), (5.0, 6.0, 17.5)],
)
def test_huber_delta(delta: float, r: float, want: float) -> None:
    assert float(L.huber(r, delta=delta)) == pytest.approx(want, rel=1e-15)


@pytest.mark.parametrize(
    ("tau", "r", "want"),
    [(0.9, 2.0, 1.8), (0.9, -3.0, 0.3), (0.1, 2.0, 0.2), (0.1, -3.0, 2.7), (0.0, 2.0, 0.0),
     (0.0, -3.0, 3.0), (1.0, 2.0, 2.0), (1.0, -3.0, 0.0)],
)
def test_quantile_tau(tau: float, r: float, want: float) -> None:
    assert float(L.quantile(r, tau=tau)) == pytest.approx(want, rel=1e-14, abs=1e-15)


@pytest.mark.parametrize(
    ("eps", "r", "want"),
    [(0.0, -1.5, 1.5), (1.0, 0.999, 0.0), (1.0, -1.0, 0.0), (1.0, 3.0, 2.0), (2.0, -5.0, 3.0)],
)
def test_epsilon_insensitive_eps(eps: float, r: float, want: float) -> None:
    assert float(L.epsilon_insensitive(r, epsilon=eps)) == pytest.approx(want, rel=1e-15)


@pytest.mark.parametrize(("key", "kw"), FN_CASES, ids=[case_id(c) for c in FN_CASES])
def test_shapes_and_dtype_are_preserved(key: str, kw: dict[str, float]) -> None:
    info = L.LOSSES[key]
    for x in (0.3, [0.3, -1.2], [[0.3, -1.2, 4], [1, 2, 3]], np.arange(6, dtype=np.int64)):
        want_shape = np.shape(x)
        for fn in (info.fn, info.derivative):
            out = fn(x, **kw)
            if want_shape:
                assert isinstance(out, np.ndarray)
            assert np.shape(out) == want_shape
            assert np.asarray(out).dtype == np.float64


# ---------------------------------------------------------------------- derivatives
def _points_away_from_kinks(key: str, kw: dict[str, float], seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-8.0, 8.0, 600)
    for k in kinks(key, kw):
        x = x[np.abs(x - k) > 1e-3]
    assert x.size > 300
    return x


@pytest.mark.parametrize(("key", "kw"), FN_CASES, ids=[case_id(c) for c in FN_CASES])
def test_derivative_matches_central_differences(key: str, kw: dict[str, float]) -> None:
    info = L.LOSSES[key]
    x = _points_away_from_kinks(key, kw, seed=zlib.crc32(case_id((key, kw)).encode()))
    h = 1e-6
    fd = (info.fn(x + h, **kw) - info.fn(x - h, **kw)) / (2 * h)
    got = info.derivative(x, **kw)
    scale = np.maximum(1.0, np.abs(info.fn(x, **kw)))
    np.testing.assert_allclose(got, fd, rtol=1e-5, atol=1e-6 * float(scale.max()))


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(L.LOSSES)),
    st.floats(-20.0, 20.0, allow_nan=False),
    st.floats(0.05, 5.0),
    st.floats(0.0, 1.0),
    st.floats(0.0, 5.0),
    st.sampled_from([E, 2.0]),
)
def test_derivative_matches_central_differences_hypothesis(
    key: str, x: float, delta: float, tau: float, eps: float, base: float
) -> None:
    values = {"huber_delta": delta, "quantile_tau": tau, "epsilon": eps,
              "logistic_base_value": base}
    info = L.LOSSES[key]
    kw = {arg: values[name] for arg, name in info.params.items()}
    if any(abs(x - k) <= 1e-3 for k in kinks(key, kw)):
        return
    h = 1e-6
    at = np.array([x - h, x, x + h])
    f = info.value(at, values)
    fd = (f[2] - f[0]) / (2 * h)
    d = float(info.slope(at, values)[1])
    assert d == pytest.approx(fd, rel=1e-5, abs=1e-6 * max(1.0, abs(f[1])))


# ---------------------------------------------------------------------- subgradients at kinks
@pytest.mark.parametrize(
    ("fn", "x", "kw", "want"),
    [
        (L.d_zero_one, 0.0, {}, 0.0),
        (L.d_hinge, 1.0, {}, 0.0),
        (L.d_squared_hinge, 1.0, {}, 0.0),
        (L.d_perceptron, 0.0, {}, 0.0),
        (L.d_modified_huber, -1.0, {}, -4.0),
        (L.d_modified_huber, 1.0, {}, 0.0),
        (L.d_absolute, 0.0, {}, 0.0),
        (L.d_huber, 1.0, {"delta": 1.0}, 1.0),
        (L.d_huber, -1.0, {"delta": 1.0}, -1.0),
        (L.d_huber, 2.5, {"delta": 2.5}, 2.5),
        (L.d_huber, -0.05, {"delta": 0.05}, -0.05),
        (L.d_quantile, 0.0, {"tau": 0.3}, 0.0),
        (L.d_quantile, 0.0, {"tau": 0.0}, 0.0),
        (L.d_quantile, 0.0, {"tau": 1.0}, 0.0),
        (L.d_epsilon_insensitive, 0.5, {"epsilon": 0.5}, 0.0),
        (L.d_epsilon_insensitive, -0.5, {"epsilon": 0.5}, 0.0),
        (L.d_epsilon_insensitive, 0.0, {"epsilon": 0.0}, 0.0),
        (L.d_epsilon_insensitive, 0.0, {"epsilon": 0.5}, 0.0),
    ],
)
def test_documented_subgradient_at_kink(fn, x: float, kw: dict[str, float], want: float) -> None:
    assert float(fn(x, **kw)) == want


@pytest.mark.parametrize(("key", "kw"), [c for c in FN_CASES if c[0] != "zero_one"],
                         ids=[case_id(c) for c in FN_CASES if c[0] != "zero_one"])
def test_value_at_kink_is_a_subgradient(key: str, kw: dict[str, float]) -> None:
    """At every kink of a continuous loss the reported slope lies between the one-sided ones."""
    info = L.LOSSES[key]
    for k in kinks(key, kw):
        left = float(info.derivative(k - 1e-9, **kw))
        right = float(info.derivative(k + 1e-9, **kw))
        at = float(info.derivative(k, **kw))
        assert min(left, right) - 1e-8 <= at <= max(left, right) + 1e-8, (key, k, left, at, right)


def test_one_sided_slopes_next_to_kinks() -> None:
    below, above = np.nextafter(1.0, 0.0), np.nextafter(1.0, 2.0)
    assert float(L.d_hinge(below)) == -1.0 and float(L.d_hinge(above)) == 0.0
    assert float(L.d_perceptron(-1e-300)) == -1.0 and float(L.d_perceptron(1e-300)) == 0.0
    assert float(L.d_absolute(-1e-300)) == -1.0 and float(L.d_absolute(1e-300)) == 1.0
    assert float(L.d_quantile(1e-300, tau=0.3)) == 0.3
    assert float(L.d_quantile(-1e-300, tau=0.3)) == pytest.approx(-0.7)
    assert float(L.d_epsilon_insensitive(np.nextafter(0.5, 1.0), epsilon=0.5)) == 1.0
    assert float(L.d_epsilon_insensitive(np.nextafter(-0.5, -1.0), epsilon=0.5)) == -1.0
    # modified Huber is continuously differentiable at m = -1: both pieces give slope -4
    assert float(L.d_modified_huber(np.nextafter(-1.0, -2.0))) == -4.0
    assert float(L.d_modified_huber(np.nextafter(-1.0, 0.0))) == pytest.approx(-4.0, abs=1e-12)
    # and the value is continuous there too
    assert float(L.modified_huber(np.nextafter(-1.0, -2.0))) == pytest.approx(4.0, abs=1e-12)


def test_zero_one_derivative_is_zero_everywhere() -> None:
    x = np.array([-1e6, -1.0, -1e-300, 0.0, 1e-300, 1.0, 1e6])
    np.testing.assert_array_equal(L.d_zero_one(x), np.zeros(7))
    np.testing.assert_array_equal(L.zero_one(x), [1, 1, 1, 1, 0, 0, 0])


# ---------------------------------------------------------------------- stability
BIG = np.array([-1e6, -1000.0, 1000.0, 1e6])


@pytest.mark.parametrize(("key", "kw"), FN_CASES, ids=[case_id(c) for c in FN_CASES])
def test_no_warnings_and_finite_at_1000_and_1e6(key: str, kw: dict[str, float]) -> None:
    info = L.LOSSES[key]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        v = info.fn(BIG, **kw)
        d = info.derivative(BIG, **kw)
    if key == "exponential":
        # e^(−m) for m ≤ −1000 is not representable: documented to be +inf, silently.
        assert v[0] == np.inf and v[1] == np.inf and d[0] == -np.inf and d[1] == -np.inf
        assert np.all(np.isfinite(v[2:])) and np.all(np.isfinite(d[2:]))
    else:
        assert np.all(np.isfinite(v)), v
        assert np.all(np.isfinite(d)), d
    assert np.all(v >= 0.0)


def test_logistic_stable_values() -> None:
    assert float(L.logistic(-1000.0)) == 1000.0
    assert float(L.logistic(-1e6)) == 1e6
    assert float(L.logistic(-1000.0, base=2.0)) == pytest.approx(1000.0 / LN2, rel=1e-15)
    v40 = float(L.logistic(40.0))
    assert v40 > 0.0
    assert v40 == pytest.approx(4.248354255291589e-18, rel=1e-12)
    # deep in the tail the loss is e^(−m) and still positive while e^(−m) is representable
    assert float(L.logistic(700.0)) == pytest.approx(math.exp(-700.0), rel=1e-12)
    assert float(L.logistic(1e6)) == 0.0  # e^(−1e6) underflows: 0 is the nearest double
    assert float(L.d_logistic(-1000.0)) == -1.0
    assert float(L.d_logistic(-1e6)) == -1.0
    assert float(L.d_logistic(40.0)) == pytest.approx(-4.248354255291589e-18, rel=1e-12)
    assert float(L.d_logistic(0.0)) == -0.5
    assert float(L.d_logistic(0.0, base=2.0)) == pytest.approx(-0.5 / LN2, rel=1e-15)


def test_log_cosh_stable_values() -> None:
    for r in (1000.0, -1000.0, 1e6, -1e6):
        assert float(L.log_cosh(r)) == pytest.approx(abs(r) - LN2, rel=1e-15)
        assert float(L.d_log_cosh(r)) == math.copysign(1.0, r)
    # no overflow where cosh itself overflows (cosh 711 > max double)
    assert float(L.log_cosh(711.0)) == pytest.approx(711.0 - LN2, rel=1e-15)


def test_exponential_overflows_only_below_minus_709() -> None:
    m = np.concatenate([np.linspace(-709.0, 1e6, 2001), [-709.78, -709.5, 745.0, 1e300]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        v = L.exponential(m)
        d = L.d_exponential(m)
        below = np.array([-709.79, -710.0, -1000.0, -1e6, -FMAX])
        vb = L.exponential(below)
        db = L.d_exponential(below)
    assert np.all(np.isfinite(v)) and np.all(np.isfinite(d))
    np.testing.assert_array_equal(d, -v)
    assert float(L.exponential(-709.0)) == pytest.approx(math.exp(709.0), rel=1e-14)
    np.testing.assert_array_equal(vb, np.full(5, np.inf))
    np.testing.assert_array_equal(db, np.full(5, -np.inf))


EXTREME = np.array([s * x for x in (1e10, 1e100, 1e150, 1e200, 1e300, 1e307, FMAX)
                    for s in (-1.0, 1.0)])


def _representable(key: str, fn_is_derivative: bool, x: np.ndarray) -> np.ndarray:
    """Where the true value of a loss (default parameters) fits in a double."""
    a = np.abs(x)
    if key in ("squared", "squared_hinge"):
        # r², max(0, 1 − m)²; their slopes 2r, −2·max(0, 1 − m)
        limit = FMAX / 2.0 if fn_is_derivative else math.sqrt(FMAX)
        return a < limit * 0.99
    if key == "exponential":
        return x > -709.0
    if key == "modified_huber" and not fn_is_derivative:
        return x > -FMAX / 4.0
    return np.ones_like(x, dtype=bool)


@pytest.mark.parametrize("key", sorted(L.LOSSES))
def test_warning_free_over_the_float64_range_where_representable(key: str) -> None:
    """The module promises finite, warning-free results wherever the true value is a double."""
    info = L.LOSSES[key]
    for is_d, fn in ((False, info.fn), (True, info.derivative)):
        x = EXTREME[_representable(key, is_d, EXTREME)]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with np.errstate(over="raise", invalid="raise", divide="raise",
                             under="ignore"):
                try:
                    out = fn(x)
                except FloatingPointError as exc:  # pragma: no cover - the failure message
                    pytest.fail(f"{fn.__name__} raised {exc} on {x}")
        assert np.all(np.isfinite(out)), (fn.__name__, x, out)


def test_large_values_are_accurate() -> None:
    x = 1e300
    assert float(L.huber(x)) == pytest.approx(x - 0.5, rel=1e-15)
    assert float(L.huber(-x, delta=2.0)) == pytest.approx(2.0 * (x - 1.0), rel=1e-15)
    assert float(L.modified_huber(-x)) == pytest.approx(4 * x, rel=1e-15)
    assert float(L.d_modified_huber(-FMAX)) == -4.0
    assert float(L.modified_huber(FMAX)) == 0.0
    assert float(L.log_cosh(FMAX)) == pytest.approx(FMAX, rel=1e-15)
    assert float(L.hinge(-FMAX)) == FMAX


# ---------------------------------------------------------------------- bounds (hypothesis)
margins = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
residuals = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
PROP = settings(max_examples=200, deadline=None)


@PROP
@given(margins)
def test_convex_surrogates_bound_the_zero_one_loss(m: float) -> None:
    z = float(L.zero_one(m))
    assert float(L.hinge(m)) >= z
    assert float(L.logistic(m, base=2.0)) >= z
    assert float(L.squared_hinge(m)) >= z
    assert float(L.exponential(m)) >= z
    assert float(L.modified_huber(m)) >= z


def test_perceptron_and_natural_log_logistic_do_not_bound_zero_one() -> None:
    """Why the bound needs base 2: both fall below 1 at the boundary m = 0."""
    assert float(L.perceptron(0.0)) < float(L.zero_one(0.0))
    assert float(L.logistic(0.0)) < float(L.zero_one(0.0))


@PROP
@given(st.sampled_from(FN_CASES), st.floats(-1e6, 1e6, allow_nan=False))
def test_every_loss_is_non_negative(case: tuple[str, dict[str, float]], x: float) -> None:
    key, kw = case
    assert float(L.LOSSES[key].fn(x, **kw)) >= 0.0


@PROP
@given(residuals, st.floats(0.05, 5.0))
def test_huber_between_its_linear_and_quadratic_parts(r: float, delta: float) -> None:
    h = float(L.huber(r, delta=delta))
    quad = 0.5 * r * r
    lin = delta * (abs(r) - 0.5 * delta)
    tol = 4 * np.finfo(float).eps * max(1.0, quad)
    assert lin - tol <= h <= quad + tol
    if abs(r) <= delta:
        assert h == quad
    else:
        assert h == pytest.approx(lin, rel=1e-15)


@PROP
@given(residuals)
def test_log_cosh_bounds(r: float) -> None:
    v = float(L.log_cosh(r))
    a = abs(r)
    assert a - LN2 <= v <= a
    assert v >= 0.0
    # Relative bound, plus a few subnormal steps: below ~1e-154, r² is subnormal and carries
    # only absolute precision (5e-324), whichever way it is computed.
    assert v <= 0.5 * r * r * (1 + 4 * np.finfo(float).eps) + 4 * 5e-324


@PROP
@given(st.floats(-1e-3, 1e-3, allow_nan=False))
def test_log_cosh_relative_accuracy_near_zero(r: float) -> None:
    """ln cosh r = r²/2 − r⁴/12 + …: near 0 the loss must be accurate relative to r²/2."""
    q = 0.5 * r * r
    want = q - r**4 / 12.0
    assert float(L.log_cosh(r)) == pytest.approx(want, rel=1e-12, abs=1e-300)


@PROP
@given(residuals)
def test_quantile_half_is_half_absolute(r: float) -> None:
    assert float(L.quantile(r, tau=0.5)) == 0.5 * abs(r)


@PROP
@given(residuals, st.floats(0.0, 1.0))
def test_quantile_asymmetry(r: float, tau: float) -> None:
    v = float(L.quantile(r, tau=tau))
    assert v == pytest.approx(tau * r if r >= 0 else (tau - 1.0) * r, rel=1e-15, abs=0)


@PROP
@given(residuals, st.floats(0.0, 5.0))
def test_epsilon_insensitive_zero_inside_tube(r: float, eps: float) -> None:
    v = float(L.epsilon_insensitive(r, epsilon=eps))
    d = float(L.d_epsilon_insensitive(r, epsilon=eps))
    if abs(r) <= eps:
        assert v == 0.0 and d == 0.0
    else:
        assert v == pytest.approx(abs(r) - eps, rel=1e-15) and d == math.copysign(1.0, r)


@PROP
@given(residuals, st.floats(0.05, 5.0))
def test_huber_derivative_is_clipped_residual(r: float, delta: float) -> None:
    assert float(L.d_huber(r, delta=delta)) == min(max(r, -delta), delta)


# ---------------------------------------------------------------------- registry
def test_registry_keys_exactly_as_content_lists() -> None:
    assert tuple(L.LOSSES) == MARGIN + RESIDUAL
    assert L.MARGIN_KEYS == MARGIN
    assert L.RESIDUAL_KEYS == RESIDUAL
    assert L.keys_for("margin") == MARGIN
    assert L.keys_for("residual") == RESIDUAL


@pytest.mark.parametrize("key", MARGIN + RESIDUAL)
def test_registry_entry_complete(key: str) -> None:
    info = L.LOSSES[key]
    assert info.key == key
    assert info.family == ("margin" if key in MARGIN else "residual")
    for text in (info.label, info.formula, info.explanation):
        assert isinstance(text, str) and text.strip()
    assert len(info.explanation) > 60
    assert info.formula.startswith("L(m)" if info.family == "margin" else "L(r)")
    assert info.fn is getattr(L, key)
    assert info.derivative is getattr(L, "d_" + key)
    panel_names = set(LossCurvesState.specs) | {"logistic_base_value"}
    for arg, name in info.params.items():
        assert name in panel_names, (key, name)
        for fn in (info.fn, info.derivative):
            assert arg in inspect.signature(fn).parameters, (key, fn.__name__, arg)
    # every keyword parameter of the function is fed by the panel
    own = [p for p in list(inspect.signature(info.fn).parameters)[1:]]
    assert sorted(own) == sorted(info.params)


def test_registry_parameter_names() -> None:
    assert {k: dict(v.params) for k, v in L.LOSSES.items() if v.params} == {
        "logistic": {"base": "logistic_base_value"},
        "huber": {"delta": "huber_delta"},
        "quantile": {"tau": "quantile_tau"},
        "epsilon_insensitive": {"epsilon": "epsilon"},
    }


def test_registry_value_and_slope_use_panel_settings() -> None:
    state = LossCurvesState()
    state.update({"mode": "residual", "huber_delta": 2.0, "quantile_tau": 0.9, "epsilon": 1.5,
                  "logistic_base": "2"})
    s = numeric_settings(state)
    x = np.array([-3.0, 0.5, 2.5])
    np.testing.assert_array_equal(L.LOSSES["huber"].value(x, s), L.huber(x, delta=2.0))
    np.testing.assert_array_equal(L.LOSSES["huber"].slope(x, s), L.d_huber(x, delta=2.0))
    np.testing.assert_array_equal(L.LOSSES["quantile"].value(x, s), L.quantile(x, tau=0.9))
    np.testing.assert_array_equal(L.LOSSES["epsilon_insensitive"].value(x, s),
                                  L.epsilon_insensitive(x, epsilon=1.5))
    np.testing.assert_array_equal(L.LOSSES["logistic"].value(x, s), L.logistic(x, base=2.0))
    np.testing.assert_array_equal(L.LOSSES["logistic"].slope(x, s), L.d_logistic(x, base=2.0))
    np.testing.assert_array_equal(L.LOSSES["hinge"].value(x, s), L.hinge(x))
