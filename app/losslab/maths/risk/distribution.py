"""The known distribution, the losses, the polynomial basis and the risks of one model.

See :mod:`losslab.maths.risk` for the distribution and the definitions of the risks.  The
expected risk is computed in closed form in the noise and by adaptive Gauss–Legendre quadrature in
x; the empirical risk is the mean loss on a sample.  All quantities are dimensionless.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

import numpy as np
from numpy.polynomial import legendre as leg
from numpy.typing import NDArray

Array = NDArray[np.float64]
Target = Literal["line", "sine"]
Noise = Literal["gaussian", "laplace"]
LossKey = Literal["squared", "absolute", "huber"]
Penalty = Literal["none", "l1", "l2"]

TARGETS: tuple[str, ...] = ("line", "sine")
NOISES: tuple[str, ...] = ("gaussian", "laplace")
LOSS_KEYS: tuple[str, ...] = ("squared", "absolute", "huber")
PENALTIES: tuple[str, ...] = ("none", "l1", "l2")
MAX_DEGREE = 15
#: Relative tolerance of the adaptive x-quadrature of the expected risk.
QUAD_RTOL = 1e-12

_SQRT2 = math.sqrt(2.0)


# ---------------------------------------------------------------------------- distribution
@dataclass(frozen=True)
class Distribution:
    """The known data distribution: target f, noise family and its standard deviation σ."""

    target: str = "line"
    noise: str = "gaussian"
    sigma: float = 0.5

    def f(self, x: Array) -> Array:
        """The true regression function f(x) = E[y | x]."""
        x = np.asarray(x, dtype=np.float64)
        if self.target == "line":
            return 2.0 * x
        if self.target == "sine":
            return np.sin(np.pi * x)
        raise ValueError(f"unknown target {self.target!r}; allowed: {', '.join(TARGETS)}")

    @property
    def laplace_scale(self) -> float:
        """b = σ/√2: the Laplace scale whose standard deviation is σ."""
        return self.sigma / _SQRT2

    def noise_draw(self, rng: np.random.Generator, shape: int | tuple[int, ...]) -> Array:
        """Independent noise values ε of the given shape."""
        if self.noise == "gaussian":
            return self.sigma * rng.standard_normal(shape)
        if self.noise == "laplace":
            return rng.laplace(0.0, self.laplace_scale, shape)
        raise ValueError(f"unknown noise {self.noise!r}; allowed: {', '.join(NOISES)}")

    def draw(self, rng: np.random.Generator, shape: int | tuple[int, ...]) -> tuple[Array, Array]:
        """A sample (x, y) of the given shape: x uniform on [−1, 1], y = f(x) + ε."""
        x = rng.uniform(-1.0, 1.0, shape)
        return x, self.f(x) + self.noise_draw(rng, shape)


def sample(dist: Distribution, n: int, seed: int) -> tuple[Array, Array]:
    """The panel's sample of size n for ``seed`` (the same seed always gives the same sample)."""
    return dist.draw(np.random.default_rng([seed, 0]), n)


# ---------------------------------------------------------------------------- losses
def loss_values(r: Array, loss: str, delta: float = 1.0) -> Array:
    """L(r) elementwise: r², |r| or Huber ½r² (|r| ≤ δ), δ(|r| − ½δ) beyond."""
    r = np.asarray(r, dtype=np.float64)
    if loss == "squared":
        return r * r
    a = np.abs(r)
    if loss == "absolute":
        return a
    if loss == "huber":
        q = np.minimum(a, delta)
        return np.where(a <= delta, 0.5 * q * q, delta * (a - 0.5 * delta))
    raise ValueError(f"unknown loss {loss!r}; allowed: {', '.join(LOSS_KEYS)}")


def _loss_pieces(loss: str, delta: float) -> list[tuple[float, float, tuple[float, float, float]]]:
    """L as quadratic pieces (lo, hi, (c0, c1, c2)) meaning c0 + c1·u + c2·u² on [lo, hi]."""
    inf = math.inf
    if loss == "absolute":
        return [(-inf, 0.0, (0.0, -1.0, 0.0)), (0.0, inf, (0.0, 1.0, 0.0))]
    if loss == "huber":
        h = -0.5 * delta * delta
        return [(-inf, -delta, (h, -delta, 0.0)), (-delta, delta, (0.0, 0.0, 0.5)),
                (delta, inf, (h, delta, 0.0))]
    raise ValueError(f"no piecewise form for {loss!r}")


def _gauss_piece(e: Array, sigma: float, lo: float, hi: float,
                 c: tuple[float, float, float]) -> Array:
    """E[(c0 + c1·u + c2·u²)·1{lo ≤ u ≤ hi}] for u = e + σZ, Z standard normal.

    With z = (u − e)/σ the polynomial is p0 + p1·z + p2·z², and the truncated moments of Z over
    [α, β] are M0 = Φ(β) − Φ(α), M1 = φ(α) − φ(β), M2 = M0 + αφ(α) − βφ(β).
    """
    c0, c1, c2 = c
    p0 = c0 + c1 * e + c2 * e * e
    p1 = (c1 + 2.0 * c2 * e) * sigma
    p2 = c2 * sigma * sigma
    alpha = (lo - e) / sigma
    beta = (hi - e) / sigma
    # Φ(β) − Φ(α) from the tail that keeps it accurate (upper tail when both are positive).
    upper = alpha > 0
    from scipy import special  # imported on first use (see the package docstring)

    m0 = np.where(upper, special.ndtr(-alpha) - special.ndtr(-beta),
                  special.ndtr(beta) - special.ndtr(alpha))
    phi_a = np.where(np.isfinite(alpha), np.exp(-0.5 * np.where(np.isfinite(alpha), alpha, 0) ** 2),
                     0.0) / math.sqrt(2 * math.pi)
    phi_b = np.where(np.isfinite(beta), np.exp(-0.5 * np.where(np.isfinite(beta), beta, 0) ** 2),
                     0.0) / math.sqrt(2 * math.pi)
    a_phi_a = np.where(np.isfinite(alpha), np.where(np.isfinite(alpha), alpha, 0) * phi_a, 0.0)
    b_phi_b = np.where(np.isfinite(beta), np.where(np.isfinite(beta), beta, 0) * phi_b, 0.0)
    m1 = phi_a - phi_b
    m2 = m0 + a_phi_a - b_phi_b
    return p0 * m0 + p1 * m1 + p2 * m2


def _exp_poly_integral(lo: Array, hi: Array, e: Array, k: float,
                       c: tuple[float, float, float]) -> Array:
    """∫_lo^hi (c0 + c1u + c2u²)·e^(k(u − e)) du (0 where lo ≥ hi), with k(u − e) ≤ 0 on the
    interval so nothing overflows.  Antiderivative: e^(k(u−e))·[P/k − P′/k² + P″/k³]."""
    c0, c1, c2 = c

    def anti(u: Array) -> Array:
        finite = np.isfinite(u)
        uu = np.where(finite, u, 0.0)
        p = c0 + c1 * uu + c2 * uu * uu
        dp = c1 + 2.0 * c2 * uu
        bracket = p / k - dp / k**2 + 2.0 * c2 / k**3
        expo = np.where(finite, np.exp(np.minimum(k * (uu - e), 0.0)), 0.0)
        return expo * bracket

    valid = lo < hi
    lo_ = np.where(valid, lo, e)
    hi_ = np.where(valid, hi, e)
    return np.where(valid, anti(hi_) - anti(lo_), 0.0)


def _laplace_piece(e: Array, b: float, lo: float, hi: float,
                   c: tuple[float, float, float]) -> Array:
    """E[(c0 + c1·u + c2·u²)·1{lo ≤ u ≤ hi}] for u = e + ε, ε Laplace with scale b: the density
    of u is e^((u−e)/b)/(2b) left of e and e^(−(u−e)/b)/(2b) right of it."""
    left = _exp_poly_integral(np.full_like(e, lo), np.minimum(hi, e), e, 1.0 / b, c)
    right = _exp_poly_integral(np.maximum(lo, e), np.full_like(e, hi), e, -1.0 / b, c)
    return (left + right) / (2.0 * b)


def expected_loss_at(e: Array, dist: Distribution, loss: str, delta: float = 1.0) -> Array:
    """g(e) = E_ε[L(e + ε)]: the expected loss at a point whose mean residual is e (closed form).

    Squared: e² + σ².  Absolute and Huber: the loss is split into its polynomial pieces and each
    piece is integrated against the noise density exactly.  For σ = 0, g(e) = L(e).
    """
    e = np.asarray(e, dtype=np.float64)
    if loss == "squared":
        return e * e + dist.sigma**2
    if dist.sigma == 0.0:
        return loss_values(e, loss, delta)
    total = np.zeros_like(e)
    for lo, hi, c in _loss_pieces(loss, delta):
        if dist.noise == "gaussian":
            total += _gauss_piece(e, dist.sigma, lo, hi, c)
        elif dist.noise == "laplace":
            total += _laplace_piece(e, dist.laplace_scale, lo, hi, c)
        else:
            raise ValueError(f"unknown noise {dist.noise!r}; allowed: {', '.join(NOISES)}")
    return np.maximum(total, 0.0)


# ---------------------------------------------------------------------------- polynomials
def leg_to_power(c: Array) -> Array:
    """Legendre coefficients → power coefficients (lowest power first), same length."""
    c = np.asarray(c, dtype=np.float64)
    if len(c) == 0:
        return np.zeros(0)
    return np.asarray(conversion_matrix(len(c) - 1) @ c, dtype=np.float64)


def power_to_leg(a: Sequence[float] | Array) -> Array:
    """Power coefficients (lowest power first) → Legendre coefficients, same length."""
    a = np.asarray(a, dtype=np.float64)
    out = np.zeros(len(a))
    c = leg.poly2leg(a) if len(a) else np.zeros(0)
    out[: len(c)] = c
    return out


@cache
def conversion_matrix(degree: int) -> Array:
    """T with a = T·c: column j holds the power coefficients of the Legendre polynomial P_j
    (read-only; memoised, the conversion is on every redraw's path)."""
    p = degree + 1
    t = np.zeros((p, p))
    for j in range(p):
        unit = np.zeros(p)
        unit[j] = 1.0
        coeffs = leg.leg2poly(unit)
        t[: len(coeffs), j] = coeffs
    t.setflags(write=False)
    return t


def evaluate(c_leg: Array, x: Array) -> Array:
    """m(x) for Legendre coefficients ``c_leg`` (Clenshaw recurrence, stable on [−1, 1]).

    The same recurrence and the same operations in the same order as ``numpy``'s ``legval``
    (so the same numbers), done in place in three buffers: ``legval`` allocates two new arrays
    per step, which doubles its time on the million points of the resampling plot.
    """
    x = np.asarray(x, dtype=np.float64)
    c = np.asarray(c_leg, dtype=np.float64)
    if len(c) == 0:
        return np.zeros_like(x)
    if len(c) == 1:
        return np.full_like(x, c[0])
    if len(c) == 2:
        out = x * c[1]
        out += c[0]
        return out
    nd = len(c)
    c0 = np.full_like(x, c[-2])
    c1 = np.full_like(x, c[-1])
    buf = np.empty_like(x)
    for i in range(3, len(c) + 1):
        nd -= 1
        # c0 ← c[−i] − c1·(nd − 1)/nd;  c1 ← c0_old + c1·x·(2nd − 1)/nd
        np.multiply(c1, (nd - 1) / nd, out=buf)
        np.subtract(c[-i], buf, out=buf)
        np.multiply(c1, x, out=c1)
        c1 *= (2 * nd - 1) / nd
        c1 += c0
        c0, buf = buf, c0
    np.multiply(c1, x, out=c1)
    c1 += c0
    return c1


# ---------------------------------------------------------------------------- quadrature
_GL_LOW = np.polynomial.legendre.leggauss(10)
_GL_HIGH = np.polynomial.legendre.leggauss(21)
_GL_SQUARED = np.polynomial.legendre.leggauss(96)


def _adaptive_integrals(fn: Callable[[Array, NDArray[np.intp]], Array], count: int,
                        rtol: float = QUAD_RTOL, start_pieces: int = 16,
                        max_rounds: int = 60, floor: Array | None = None) -> Array:
    """½∫₋₁¹ fn_k(x) dx for k = 0 … count−1, all at once (adaptive Gauss–Legendre).

    ``fn(x, owner)`` evaluates function ``owner[i]`` at the row ``x[i, :]``.  Every interval is
    integrated with 10 and 21 nodes; where the two differ by more than its share of
    ``rtol``·|total| the interval is halved.  The integrands here are non-negative losses, so the
    total of the first pass is a safe scale for the tolerance.  ``floor[k]`` (per unit length)
    is the error below which function k cannot be resolved at all (its rounding): without it, a
    function that is rounding noise around 0 (a noise-free fit that interpolates f) would be
    halved to the 1e-13 floor everywhere, doubling the intervals every round (tens of seconds,
    then out of memory).
    """
    edges = np.linspace(-1.0, 1.0, start_pieces + 1)
    lo = np.tile(edges[:-1], count)
    hi = np.tile(edges[1:], count)
    owner = np.repeat(np.arange(count), start_pieces)
    totals = np.zeros(count)
    scale: Array | None = None
    for _ in range(max_rounds):
        mid = 0.5 * (lo + hi)
        half = 0.5 * (hi - lo)
        fine = half * (fn(mid[:, None] + half[:, None] * _GL_HIGH[0][None, :], owner)
                       @ _GL_HIGH[1])
        coarse = half * (fn(mid[:, None] + half[:, None] * _GL_LOW[0][None, :], owner)
                         @ _GL_LOW[1])
        if scale is None:
            scale = np.bincount(owner, weights=np.abs(fine), minlength=count)
            scale = np.maximum(scale, 1e-300)
        err = np.abs(fine - coarse)
        allowed = rtol * scale[owner] * half  # share ∝ interval length (total length 2)
        if floor is not None:
            allowed = np.maximum(allowed, floor[owner] * half)
        done = (err <= allowed) | (half < 1e-13)
        totals += np.bincount(owner[done], weights=fine[done], minlength=count)
        if np.all(done):
            break
        lo, hi, owner = lo[~done], hi[~done], owner[~done]
        mid = mid[~done]
        lo, hi = np.concatenate([lo, mid]), np.concatenate([mid, hi])
        owner = np.concatenate([owner, owner])
    else:  # pragma: no cover - the halving floor above ends every interval long before
        totals += np.bincount(owner, weights=fine[~done], minlength=count)
    return 0.5 * totals


def expected_risks(models_leg: Sequence[Array], dist: Distribution, loss: str,
                   delta: float = 1.0) -> Array:
    """The expected risk R = ½∫₋₁¹ g(f(x) − m(x)) dx of each model (Legendre coefficients).

    Squared loss: g(e) = e² + σ², so R = ½∫ e² dx + σ² — integrated with 96-node Gauss–Legendre,
    exact for the polynomial part (degree ≤ 30) and converged to rounding for sin(πx).
    Absolute and Huber: the closed-form g integrated adaptively (see :func:`_adaptive_integrals`).
    """
    count = len(models_leg)
    if count == 0:
        return np.zeros(0)
    width = max(1, max(len(c) for c in models_leg))
    coef = np.zeros((count, width))
    for k, c in enumerate(models_leg):
        coef[k, : len(c)] = c
    if loss == "squared":
        nodes, weights = _GL_SQUARED
        vander = leg.legvander(nodes, width - 1)
        e = dist.f(nodes)[None, :] - coef @ vander.T
        return 0.5 * (e * e) @ weights + dist.sigma**2

    def integrand(x: Array, owner: NDArray[np.intp]) -> Array:
        vander = leg.legvander(x, width - 1)  # (m, q, p)
        m = np.einsum("mqp,mp->mq", vander, coef[owner])
        return expected_loss_at(dist.f(x) - m, dist, loss, delta)

    # e = f − m is known only to about eps·(|f| + |m|) (|m| bounded by Σ|c_k|, as |P_k| ≤ 1 on
    # [−1, 1]); the loss of e, |e| or δ|e| at most, no better than (1 + δ) times that.
    grid = np.linspace(-1.0, 1.0, 65)
    amplitude = float(np.max(np.abs(dist.f(grid)))) + np.abs(coef).sum(axis=1)
    floor = 64.0 * np.finfo(np.float64).eps * (1.0 + delta) * amplitude
    return _adaptive_integrals(integrand, count, floor=floor)


def expected_risk(model_leg: Array, dist: Distribution, loss: str, delta: float = 1.0) -> float:
    """The expected risk of one model; see :func:`expected_risks`."""
    return float(expected_risks([model_leg], dist, loss, delta)[0])


def empirical_risk(model_leg: Array, x: Array, y: Array, loss: str, delta: float = 1.0) -> float:
    """R̂ = (1/n) Σ L(yᵢ − m(xᵢ)): the mean loss on the sample (no penalty)."""
    return float(np.mean(loss_values(y - evaluate(model_leg, x), loss, delta)))


def penalty_value(power: Array, penalty: str) -> float:
    """P(a): Σ_{k≥1} |a_k| (l1), Σ_{k≥1} a_k² (l2) or 0 (none); a₀ is never penalised."""
    tail = np.asarray(power[1:], dtype=np.float64)
    if penalty == "l1":
        return float(np.sum(np.abs(tail)))
    if penalty == "l2":
        return float(np.sum(tail * tail))
    if penalty == "none":
        return 0.0
    raise ValueError(f"unknown penalty {penalty!r}; allowed: {', '.join(PENALTIES)}")
