"""Expected risk, empirical risk and empirical risk minimisation on a known distribution.

The distribution (all quantities dimensionless):

* x is uniform on [−1, 1];
* y = f(x) + ε with f(x) = 2x (``line``) or f(x) = sin(πx) (``sine``);
* ε is independent of x: Gaussian N(0, σ²) (``gaussian``) or Laplace with standard deviation σ,
  i.e. scale b = σ/√2 and density e^(−|t|/b)/(2b) (``laplace``).

A model is a polynomial m(x) of degree ≤ 15.  Internally its coefficients are kept in the
Legendre basis P₀ … P_d, which is well conditioned on [−1, 1] (the power-basis Vandermonde matrix
of degree 15 has a condition number near 10⁶); they are reported in the power basis, lowest power
first.

Risks of a model under a loss L of the residual r = y − m(x):

* **expected risk** R = E[L(y − m(x))] = ½∫₋₁¹ g(e(x)) dx with e(x) = f(x) − m(x) the mean residual
  and g(e) = E_ε[L(e + ε)].  g has a closed form for every loss and noise here (squared:
  e² + σ²; absolute and Huber: truncated Gaussian moments, or integrals of a polynomial times an
  exponential for Laplace noise), and the x-integral is done by adaptive Gauss–Legendre
  quadrature to a relative tolerance of 1e-12 — never by sampling;
* **empirical risk** R̂ = (1/n) Σ L(yᵢ − m(xᵢ)) over a sample.  For a *fixed* model, the law of
  large numbers makes R̂ → R as n grows, with standard deviation √(Var L / n);
* **objective** of a fit J = R̂ + λ·P(a), P = Σ_{k≥1} |a_k| (L1) or Σ_{k≥1} a_k² (L2) over the
  power-basis coefficients a; the constant a₀ is not penalised.  Minimising J (structural risk
  minimisation) is a stand-in for minimising R, which is unknown in practice.

Fits return true minimisers of J: squared loss with no penalty or L2 by linear least squares;
absolute loss with no penalty or L1 by the HiGHS linear-programming solver; everything else by a
semismooth Newton method on a smoothed objective followed by an exact solve of the optimality
(KKT) conditions for the active pieces, which are then checked.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from numpy.polynomial import legendre as leg
from numpy.polynomial import polynomial as poly
from numpy.typing import NDArray

# scipy.optimize and scipy.special cost ~0.4 s to import and the app creates every panel's
# state at start-up: the functions that use them import them (a cached no-op after the first).

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
    from scipy import special

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


@lru_cache(maxsize=None)
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
    """m(x) for Legendre coefficients ``c_leg`` (Clenshaw recurrence, stable on [−1, 1])."""
    if len(c_leg) == 0:
        return np.zeros_like(np.asarray(x, dtype=np.float64))
    return np.asarray(leg.legval(x, c_leg), dtype=np.float64)


# ---------------------------------------------------------------------------- quadrature
_GL_LOW = np.polynomial.legendre.leggauss(10)
_GL_HIGH = np.polynomial.legendre.leggauss(21)
_GL_SQUARED = np.polynomial.legendre.leggauss(96)


def _adaptive_integrals(fn: Callable[[Array, NDArray[np.intp]], Array], count: int,
                        rtol: float = QUAD_RTOL, start_pieces: int = 16,
                        max_rounds: int = 60) -> Array:
    """½∫₋₁¹ fn_k(x) dx for k = 0 … count−1, all at once (adaptive Gauss–Legendre).

    ``fn(x, owner)`` evaluates function ``owner[i]`` at the row ``x[i, :]``.  Every interval is
    integrated with 10 and 21 nodes; where the two differ by more than its share of
    ``rtol``·|total| the interval is halved.  The integrands here are non-negative losses, so the
    total of the first pass is a safe scale for the tolerance.
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

    return _adaptive_integrals(integrand, count)


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


# ---------------------------------------------------------------------------- fitting
@dataclass(frozen=True)
class Fit:
    """A minimiser of J(a) = R̂(a) + λP(a) over polynomials of one degree.

    Attributes:
        legendre: coefficients in the Legendre basis P₀ … P_d.
        power: the same polynomial in the power basis, lowest power first.
        train_risk: R̂, the mean loss on the sample (no penalty).
        objective: J = R̂ + λP.
        method: how it was solved ("lstsq", "highs", "newton+kkt").
        kkt_ok: the optimality conditions were verified at the returned point.
    """

    legendre: Array
    power: Array
    train_risk: float
    objective: float
    method: str
    kkt_ok: bool


def _make_fit(c: Array, x: Array, y: Array, loss: str, delta: float, penalty: str, lam: float,
              method: str, kkt_ok: bool) -> Fit:
    power = leg_to_power(c)
    train = empirical_risk(c, x, y, loss, delta)
    return Fit(c, power, train, train + (lam * penalty_value(power, penalty) if penalty != "none"
                                         else 0.0), method, kkt_ok)


def objective(c_leg: Array, x: Array, y: Array, loss: str, delta: float, penalty: str,
              lam: float) -> float:
    """J for Legendre coefficients ``c_leg`` (the number a fit minimises)."""
    pen = lam * penalty_value(leg_to_power(c_leg), penalty) if penalty != "none" else 0.0
    return empirical_risk(c_leg, x, y, loss, delta) + pen


def fit(x: Array, y: Array, degree: int, loss: str, delta: float = 1.0, penalty: str = "none",
        lam: float = 0.0) -> Fit:
    """Minimise J = (1/n)ΣL(yᵢ − m(xᵢ)) + λP(a) over polynomials m of degree ``degree``.

    When the minimiser is not unique (fewer distinct points than coefficients, or a flat
    absolute-loss optimum) one minimiser is returned: the least-squares one of smallest Legendre
    norm, or the vertex HiGHS finds.
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if penalty == "none" or lam == 0.0:
        penalty, lam = "none", 0.0
    basis = leg.legvander(x, degree)
    if loss == "squared" and penalty in ("none", "l2"):
        c = _ridge(basis, y, degree, lam if penalty == "l2" else 0.0)
        return _make_fit(c, x, y, loss, delta, penalty, lam, "lstsq", True)
    if loss == "absolute" and penalty in ("none", "l1"):
        c, s = _lad_lp(basis, y, degree, lam)
        c, ok = _polish(basis, y, degree, loss, delta, penalty, lam, c, 1e-9,
                        interpolated=np.abs(s) < 1.0 - 1e-9)
        return _make_fit(c, x, y, loss, delta, penalty, lam, "highs", ok)
    c, ok = _newton_kkt(basis, y, degree, loss, delta, penalty, lam)
    return _make_fit(c, x, y, loss, delta, penalty, lam, "newton+kkt", ok)


def _ridge(basis: Array, y: Array, degree: int, lam: float) -> Array:
    """argmin (1/n)‖y − Bc‖² + λ‖a₁…a_d‖² with a = Tc (λ = 0: plain least squares).

    The normal equations (BᵀB + nλT₁ᵀT₁)c = Bᵀy are solved when they are well conditioned —
    in the Legendre basis with x spread over [−1, 1], BᵀB/n is close to diag(1/(2k+1)) — and
    refined once with the residual, which makes the solution accurate to rounding; a
    condition number above 10¹⁰ (few or clustered points) falls back to an SVD least-squares solve
    of the stacked system [B/√n; √λ·T₁] c ≈ [y/√n; 0], which also handles rank deficiency
    (minimum-norm solution).
    """
    n = len(y)
    t = conversion_matrix(degree)[1:] if (lam > 0.0 and degree > 0) else None
    gram = basis.T @ basis
    if t is not None:
        gram = gram + n * lam * (t.T @ t)
    eig = np.linalg.eigvalsh(gram)
    if eig[0] > 1e-10 * eig[-1]:
        c = np.linalg.solve(gram, basis.T @ y)
        for _ in range(2):  # iterative refinement: each step gains a factor cond·eps
            resid = basis.T @ (y - basis @ c)
            if t is not None:
                resid -= n * lam * (t.T @ (t @ c))
            c = c + np.linalg.solve(gram, resid)
        return np.asarray(c, dtype=np.float64)
    if t is not None:
        a = np.vstack([basis / math.sqrt(n), math.sqrt(lam) * t])
        b = np.concatenate([y / math.sqrt(n), np.zeros(degree)])
    else:
        a, b = basis, y
    c, *_ = np.linalg.lstsq(a, b, rcond=None)
    return np.asarray(c, dtype=np.float64)


def _lad_lp(basis: Array, y: Array, degree: int, lam: float) -> tuple[Array, Array]:
    """Absolute loss, optional L1 penalty, solved by HiGHS as the dual linear programme.

    Primal: min_c (1/n)Σ|yᵢ − Bᵢc| + λΣ_{k≥1}|(Tc)_k|.  Writing |r| = max_{|s|≤1} s·r gives the
    dual  max (1/n)yᵀs  s.t.  Bᵀs/n − λT₁ᵀg = 0,  −1 ≤ s, g ≤ 1:  n + d box variables and only
    p equality rows, which HiGHS solves in milliseconds even for n = 10 000.  The primal c is
    the multiplier of the equality rows.  Returns (c, s): sᵢ strictly inside (−1, 1) marks a
    point the optimum interpolates.
    """
    n, p = basis.shape
    m = degree if lam > 0.0 else 0
    a_eq = basis.T / n
    if m:
        a_eq = np.hstack([a_eq, -lam * conversion_matrix(degree)[1:].T])
    cost = np.concatenate([-y / n, np.zeros(m)])  # linprog minimises
    from scipy import optimize

    res = optimize.linprog(cost, A_eq=a_eq, b_eq=np.zeros(p), bounds=(-1.0, 1.0),
                           method="highs")
    if res.status != 0:  # pragma: no cover - the dual is feasible (s = 0) and bounded
        raise RuntimeError(f"HiGHS failed: {res.message}")
    # d(min −yᵀs/n)/d(b_eq) = multiplier; the Lagrangian of the primal gives c = −multiplier.
    c = -np.asarray(res.eqlin.marginals, dtype=np.float64)
    return c, np.asarray(res.x[:n], dtype=np.float64)


def _smooth_abs(v: Array, mu: float) -> tuple[Array, Array, Array]:
    """Huber-smoothed |v| (value, first, second derivative): v²/(2μ) for |v| ≤ μ, |v| − μ/2."""
    a = np.abs(v)
    inner = a <= mu
    val = np.where(inner, v * v / (2 * mu), a - 0.5 * mu)
    d1 = np.where(inner, v / mu, np.sign(v))
    d2 = np.where(inner, 1.0 / mu, 0.0)
    return val, d1, d2


def _loss_derivs(r: Array, loss: str, delta: float, mu: float) -> tuple[Array, Array, Array]:
    if loss == "squared":
        return r * r, 2 * r, np.full_like(r, 2.0)
    if loss == "huber":
        a = np.abs(r)
        inner = a <= delta
        return (loss_values(r, "huber", delta), np.clip(r, -delta, delta),
                np.where(inner, 1.0, 0.0))
    return _smooth_abs(r, mu)


def _pen_derivs(a: Array, penalty: str, mu: float) -> tuple[Array, Array, Array]:
    if penalty == "l2":
        return a * a, 2 * a, np.full_like(a, 2.0)
    if penalty == "l1":
        return _smooth_abs(a, mu)
    z = np.zeros_like(a)
    return z, z, z


def _newton_kkt(basis: Array, y: Array, degree: int, loss: str, delta: float, penalty: str,
                lam: float) -> tuple[Array, bool]:
    """Semismooth Newton on J with |·| smoothed at width μ, μ shrinking, until the exact KKT
    solve for the active pieces passes its check."""
    n, p = basis.shape
    tmat = conversion_matrix(degree)[1:]
    c = _ridge(basis, y, degree, lam if penalty == "l2" else 0.0)
    scale = max(float(np.std(y)), 1e-3)
    mu = 1e-2 * scale
    ok = False
    best = c
    for _ in range(8):
        c = _smoothed_newton(basis, y, tmat, c, loss, delta, penalty, lam, mu)
        polished, ok = _polish(basis, y, degree, loss, delta, penalty, lam, c, mu)
        if ok:
            return polished, True
        best = c
        mu *= 1e-2
    return best, ok


def _smoothed_newton(basis: Array, y: Array, tmat: Array, c: Array, loss: str, delta: float,
                     penalty: str, lam: float, mu: float, iterations: int = 200) -> Array:
    n = len(y)

    def value(cc: Array) -> float:
        r = y - basis @ cc
        lv, _, _ = _loss_derivs(r, loss, delta, mu)
        pv, _, _ = _pen_derivs(tmat @ cc, penalty, mu)
        return float(np.mean(lv) + lam * np.sum(pv))

    current = value(c)
    for _ in range(iterations):
        r = y - basis @ c
        _, l1, l2 = _loss_derivs(r, loss, delta, mu)
        _, p1, p2 = _pen_derivs(tmat @ c, penalty, mu)
        grad = -(basis.T @ l1) / n + lam * (tmat.T @ p1)
        hess = (basis.T * l2) @ basis / n + lam * (tmat.T * p2) @ tmat
        tau = 1e-12 * max(1.0, float(np.trace(hess)))
        step = np.linalg.lstsq(hess + tau * np.eye(len(c)), -grad, rcond=None)[0]
        # A flat direction (no point in a smoothing zone) gives a huge step: cap its length so
        # the backtracking search starts from a sensible trial point.
        limit = 10.0 * max(1.0, float(np.linalg.norm(c)), float(np.std(y)))
        norm = float(np.linalg.norm(step))
        if norm > limit:
            step *= limit / norm
        slope = float(grad @ step)
        if slope >= 0.0:  # not a descent direction (rounding): fall back to the gradient
            step = -grad * (limit / max(float(np.linalg.norm(grad)), 1e-300))
            slope = float(grad @ step)
        t = 1.0
        while t > 1e-20:
            trial = c + t * step
            v = value(trial)
            if v <= current + 1e-4 * t * slope:
                break
            t *= 0.5
        else:
            break
        done = np.max(np.abs(t * step)) <= 1e-14 * max(1.0, float(np.max(np.abs(c))))
        c, current = trial, v
        if done:
            break
    return c


def _polish(basis: Array, y: Array, degree: int, loss: str, delta: float, penalty: str,
            lam: float, c: Array, mu: float,
            interpolated: NDArray[np.bool_] | None = None) -> tuple[Array, bool]:
    """Solve the optimality conditions exactly for the pieces active at ``c`` and check them.

    Pieces: points with rᵢ = 0 (absolute loss; their subgradient sᵢ ∈ [−1, 1] is unknown),
    points in Huber's quadratic zone, coefficients a_k = 0 (L1; subgradient g_k ∈ [−1, 1]).
    Stationarity −(1/n)Bᵀψ(r) + λTᵀ∇P(a) = 0 together with rᵢ = 0 and a_k = 0 is a linear system;
    its solution is optimal (J is convex) iff every assumed piece and bound holds.
    """
    n, p = basis.shape
    tfull = conversion_matrix(degree)
    tmat = tfull[1:]
    r = y - basis @ c
    a = tmat @ c
    rscale = max(float(np.max(np.abs(y))), 1e-12)
    zero_r = np.abs(r) <= mu if loss == "absolute" else np.zeros(n, dtype=bool)
    if interpolated is not None:
        zero_r = zero_r | interpolated
    quad = (np.abs(r) <= delta) if loss == "huber" else np.zeros(n, dtype=bool)
    if loss == "squared":
        quad = np.ones(n, dtype=bool)
    zero_a = (np.abs(a) <= mu) if penalty == "l1" else np.zeros(len(a), dtype=bool)
    weight = 2.0 if loss == "squared" else 1.0
    free = ~zero_r & ~quad
    psi_fixed = np.zeros(n)
    if loss == "huber":
        psi_fixed[free] = delta * np.sign(r[free])
    elif loss == "absolute":
        psi_fixed[free] = np.sign(r[free])
    zi = np.flatnonzero(zero_r)
    ka = np.flatnonzero(zero_a)
    nz, nk = len(zi), len(ka)
    size = p + nz + nk
    mat = np.zeros((size, size))
    rhs = np.zeros(size)
    # stationarity rows (p): (1/n)[w·B_Qᵀ B_Q c + B_Zᵀ ... ] form, written as
    # (1/n)·w·B_Qᵀ(B_Q c) − (1/n)B_Zᵀ s_Z + λ(Tᵀ ∇P) = (1/n)[w·B_Qᵀ y_Q + B_Fᵀ ψ_F]
    bq = basis[quad]
    mat[:p, :p] = weight * (bq.T @ bq) / n
    rhs[:p] = (weight * (bq.T @ y[quad]) + basis[free].T @ psi_fixed[free]) / n
    if nz:
        mat[:p, p:p + nz] = -basis[zi].T / n
        mat[p:p + nz, :p] = basis[zi]
        rhs[p:p + nz] = y[zi]
    if penalty == "l2":
        mat[:p, :p] += 2.0 * lam * (tmat.T @ tmat)
    elif penalty == "l1":
        nonzero = ~zero_a
        rhs[:p] -= lam * (tmat[nonzero].T @ np.sign(a[nonzero]))
        if nk:
            mat[:p, p + nz:] = lam * tmat[ka].T
            mat[p + nz:, :p] = tmat[ka]
    sol = np.linalg.lstsq(mat, rhs, rcond=None)[0]
    c_new = sol[:p]
    s_z = sol[p:p + nz]
    g_k = sol[p + nz:]
    r_new = y - basis @ c_new
    a_new = tmat @ c_new
    tol = 1e-9
    ok = bool(np.all(np.abs(s_z) <= 1 + tol) and np.all(np.abs(g_k) <= 1 + tol))
    if ok and nz:
        ok = bool(np.all(np.abs(r_new[zi]) <= tol * rscale))
    if ok and loss == "absolute":
        ok = bool(np.all(np.sign(r_new[free]) * psi_fixed[free] >= -tol * rscale))
        ok = ok and bool(np.all(np.abs(r_new[free]) > 0) | True)
        ok = ok and bool(np.all(r_new[free] * psi_fixed[free] >= -tol * rscale))
    if ok and loss == "huber":
        ok = bool(np.all(np.abs(r_new[quad]) <= delta * (1 + tol) + tol * rscale)
                  and np.all(r_new[free] * np.sign(psi_fixed[free]) >= delta * (1 - tol)
                             - tol * rscale))
    if ok and penalty == "l1":
        nonzero = ~zero_a
        ok = bool(np.all(a_new[nonzero] * np.sign(a[nonzero]) >= -tol * max(1.0, np.max(
            np.abs(a_new), initial=0.0))))
    # The residual of the stationarity equations themselves (they were solved by lstsq, which
    # would not be exact if the system were inconsistent).
    if ok:
        resid = mat @ sol - rhs
        ok = bool(np.max(np.abs(resid), initial=0.0)
                  <= 1e-8 * max(1.0, float(np.max(np.abs(rhs), initial=0.0))))
    return (c_new if ok else c), ok


def kkt_violation(fit_: Fit, x: Array, y: Array, loss: str, delta: float, penalty: str,
                  lam: float) -> float:
    """How far ``fit_`` is from optimal, measured independently of how it was found: the
    smallest achievable ‖subgradient‖∞ of J at the fit (0 at a minimiser), from a small LP.

    The subdifferential of J with respect to the Legendre coefficients is
    −(1/n)Bᵀψ + λTᵀ∂P with ψᵢ ∈ ∂L(rᵢ), ∂P ∋ g; only ψᵢ at rᵢ = 0 (absolute) and g_k at a_k = 0
    (L1) are free, within [−1, 1].
    """
    degree = len(fit_.legendre) - 1
    basis = leg.legvander(np.asarray(x, dtype=np.float64), degree)
    tmat = conversion_matrix(degree)[1:]
    n = len(y)
    r = np.asarray(y) - basis @ fit_.legendre
    a = tmat @ fit_.legendre
    rtol = 1e-9 * max(1.0, float(np.max(np.abs(y))))
    if loss == "squared":
        psi = 2 * r
    elif loss == "huber":
        psi = np.clip(r, -delta, delta)
    else:
        psi = np.sign(r)
    free_r = np.flatnonzero(np.abs(r) <= rtol) if loss == "absolute" else np.zeros(0, int)
    psi[free_r] = 0.0
    base = -(basis.T @ psi) / n
    atol = 1e-9 * max(1.0, float(np.max(np.abs(a), initial=0.0)))
    free_a = np.zeros(0, int)
    if penalty == "l2":
        base = base + lam * tmat.T @ (2 * a)
    elif penalty == "l1":
        free_a = np.flatnonzero(np.abs(a) <= atol)
        g = np.sign(a)
        g[free_a] = 0.0
        base = base + lam * tmat.T @ g
    cols = [-(basis[free_r].T) / n, lam * tmat[free_a].T]
    extra = np.hstack(cols) if (len(free_r) + len(free_a)) else np.zeros((len(base), 0))
    m = extra.shape[1]
    if m == 0:
        return float(np.max(np.abs(base)))
    # minimise t subject to −t ≤ base + extra·s ≤ t, −1 ≤ s ≤ 1
    p = len(base)
    cost = np.zeros(m + 1)
    cost[-1] = 1.0
    a_ub = np.vstack([np.hstack([extra, -np.ones((p, 1))]), np.hstack([-extra, -np.ones((p, 1))])])
    b_ub = np.concatenate([-base, base])
    from scipy import optimize

    res = optimize.linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=[(-1, 1)] * m + [(0, None)],
                           method="highs")
    return float(res.x[-1])


# ---------------------------------------------------------------------------- sweeps
@dataclass(frozen=True)
class DegreeSweep:
    """Fits of every degree 0 … 15 on one sample, with their training and expected risks."""

    degrees: Array
    fits: tuple[Fit, ...]
    train_risk: Array
    expected_risk: Array
    objective: Array


_CACHE_SIZE = 8
_sweep_cache: OrderedDict[tuple[object, ...], DegreeSweep] = OrderedDict()


def degree_sweep(dist: Distribution, n: int, seed: int, loss: str, delta: float, penalty: str,
                 lam: float, max_degree: int = MAX_DEGREE) -> DegreeSweep:
    """Fit every degree 0 … ``max_degree`` to the sample of (n, seed) and compute its risks.

    Memoised per (distribution, sample, loss, penalty): moving other controls reuses it, and the
    fit of the current degree is read from here.
    """
    key = (dist, n, seed, loss, delta if loss == "huber" else None, penalty,
           lam if penalty != "none" else None, max_degree)
    hit = _sweep_cache.get(key)
    if hit is not None:
        _sweep_cache.move_to_end(key)
        return hit
    x, y = sample(dist, n, seed)
    fits = tuple(fit(x, y, d, loss, delta, penalty, lam) for d in range(max_degree + 1))
    expected = expected_risks([f.legendre for f in fits], dist, loss, delta)
    sweep = DegreeSweep(np.arange(max_degree + 1, dtype=np.float64), fits,
                        np.array([f.train_risk for f in fits]), expected,
                        np.array([f.objective for f in fits]))
    _sweep_cache[key] = sweep
    while len(_sweep_cache) > _CACHE_SIZE:
        _sweep_cache.popitem(last=False)
    return sweep


#: Sample sizes of the law-of-large-numbers plot (1-2-5 steps from 2 to 10 000).
SPREAD_GRID: tuple[int, ...] = (2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


@dataclass(frozen=True)
class Spread:
    """Empirical risk of one fixed model over ``repeats`` independent samples of each size.

    ``paths[j, i]`` is the empirical risk of the first ``n[i]`` points of the j-th long sample, so
    each row is one running average; rows are independent, so for every n the column holds
    ``repeats`` independent draws of R̂_n.
    """

    n: Array
    mean: Array
    std: Array
    paths: Array


def spread(model_leg: Array, dist: Distribution, loss: str, delta: float, repeats: int,
           seed: int, grid: Sequence[int] = SPREAD_GRID) -> Spread:
    """Mean and standard deviation (ddof = 1) of R̂_n over ``repeats`` samples, per n in ``grid``.

    One draw of ``repeats`` × max(grid) points; the running means (cumulative sums) give R̂ for
    every n at once.
    """
    grid_arr = np.asarray(grid, dtype=np.intp)
    top = int(grid_arr.max())
    x, y = _spread_draw(dist, repeats, top, seed)
    losses = loss_values(y - evaluate(model_leg, x), loss, delta)
    running = np.cumsum(losses, axis=1)[:, grid_arr - 1] / grid_arr[None, :]
    return Spread(grid_arr.astype(np.float64), running.mean(axis=0),
                  running.std(axis=0, ddof=1), running)


#: Largest resampling draw kept for the next model (points; x and y take 16 bytes a point).
SPREAD_DRAW_CACHE_POINTS = 2_000_000


def _spread_draw(dist: Distribution, repeats: int, top: int, seed: int) -> tuple[Array, Array]:
    """The ``repeats`` × ``top`` resampling draw of :func:`spread` for ``seed``.

    It depends on the distribution and the seed but not on the model, so the last one is kept
    (up to :data:`SPREAD_DRAW_CACHE_POINTS`): changing the degree or the loss reuses it instead
    of drawing a million points again.  The same generator calls give the same numbers.
    """
    if repeats * top > SPREAD_DRAW_CACHE_POINTS:
        return dist.draw(np.random.default_rng([seed, 1]), (repeats, top))
    return _spread_draw_cached(dist, repeats, top, seed)


@lru_cache(maxsize=1)
def _spread_draw_cached(dist: Distribution, repeats: int, top: int,
                        seed: int) -> tuple[Array, Array]:
    x, y = dist.draw(np.random.default_rng([seed, 1]), (repeats, top))
    x.setflags(write=False)
    y.setflags(write=False)
    return x, y


@dataclass(frozen=True)
class SlopeCurves:
    """Risk as a function of the slope a₁ of the current model, the other coefficients fixed.

    ``expected`` is R(a₁) on ``slopes``; ``empirical[j]`` is R̂(a₁) on the j-th independent
    sample of size n; ``minimisers`` are the grid-free minimisers of each empirical curve and
    ``expected_minimiser`` that of R.
    """

    slopes: Array
    expected: Array
    empirical: Array
    minimisers: Array
    expected_minimiser: float


def _with_slope(power: Array, slope: float) -> Array:
    a = np.zeros(max(2, len(power)))
    a[: len(power)] = power
    a[1] = slope
    return power_to_leg(a)


def slope_curves(power: Array, dist: Distribution, loss: str, delta: float, n: int,
                 seed: int, curves: int = 5, points: int = 61, half_width: float = 2.0
                 ) -> SlopeCurves:
    """R(a₁) and R̂(a₁) for ``curves`` samples of size n, a₁ within ±``half_width`` of the
    minimiser of R.  Minimisers are found with a bounded scalar solve (R and R̂ are convex
    in a₁)."""
    power = np.asarray(power, dtype=np.float64)
    rng = np.random.default_rng([seed, 2])
    xs, ys = dist.draw(rng, (curves, n))
    base = np.zeros(max(2, len(power)))
    base[: len(power)] = power
    base_no_slope = base.copy()
    base_no_slope[1] = 0.0
    # residual without the slope term: r(a₁) = r0 − a₁x
    r0 = ys - poly.polyval(xs, base_no_slope)

    if loss == "squared":
        # Both risks are quadratics in a₁: R̂_j = A_j − 2sB_j + s²C_j, R = α − 2sβ + s²γ; the
        # expected one is pinned down exactly by its values at three slopes.
        a_ = np.mean(r0 * r0, axis=1)
        b_ = np.mean(r0 * xs, axis=1)
        c_ = np.mean(xs * xs, axis=1)
        r_m, r_0, r_p = expected_risks([_with_slope(base, s) for s in (-1.0, 0.0, 1.0)], dist,
                                       loss, delta)
        gamma = 0.5 * (r_p + r_m) - r_0
        beta = 0.25 * (r_m - r_p)
        centre = beta / gamma
        slopes = np.linspace(centre - half_width, centre + half_width, points)
        expected = r_0 - 2 * slopes * beta + slopes**2 * gamma
        emp_curves = (a_[:, None] - 2 * slopes[None, :] * b_[:, None]
                      + slopes[None, :] ** 2 * c_[:, None])
        return SlopeCurves(slopes, expected, emp_curves, b_ / c_, float(centre))

    def emp(j: int, s: float) -> float:
        return float(np.mean(loss_values(r0[j] - s * xs[j], loss, delta)))

    def exp_r(s: float) -> float:
        return expected_risk(_with_slope(base, s), dist, loss, delta)

    from scipy import optimize

    bracket = (-50.0, 50.0)
    opt = optimize.minimize_scalar(exp_r, bounds=bracket, method="bounded",
                                   options={"xatol": 1e-10})
    centre = float(opt.x)
    slopes = np.linspace(centre - half_width, centre + half_width, points)
    expected = expected_risks([_with_slope(base, s) for s in slopes], dist, loss, delta)
    emp_curves = loss_values(r0[:, None, :] - slopes[None, :, None] * xs[:, None, :],
                             loss, delta).mean(axis=2)
    mins = np.array([optimize.minimize_scalar(lambda s, j=j: emp(j, s), bounds=bracket,
                                              method="bounded",
                                              options={"xatol": 1e-10}).x
                     for j in range(curves)])
    return SlopeCurves(slopes, expected, emp_curves, mins, centre)
