"""Empirical risk minimisation: true minimisers of J(a) = R̂(a) + λ·P(a) over polynomials.

Squared loss with no penalty or L2 by linear least squares; absolute loss with no penalty or L1
by the HiGHS linear-programming solver; everything else by a semismooth Newton method on a
smoothed objective followed by an exact solve of the optimality (KKT) conditions for the active
pieces, which are then checked (:func:`kkt_violation`).  Coefficients are kept in the Legendre
basis (see :mod:`losslab.maths.risk`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.polynomial import legendre as leg
from numpy.typing import NDArray

from losslab.maths.risk.distribution import (
    Array,
    conversion_matrix,
    empirical_risk,
    leg_to_power,
    loss_values,
    penalty_value,
)


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
    t = conversion_matrix(degree)[1:] if (lam > 0.0 and degree > 0) else None
    return _ridge_solve(basis, y, basis.T @ basis, None if t is None else t.T @ t, lam)


def _ridge_solve(basis: Array, y: Array, gram: Array, ttt: Array | None, lam: float) -> Array:
    """:func:`_ridge` given the Gram matrix BᵀB and T₁ᵀT₁ (None when λ = 0 or d = 0)."""
    n = len(y)
    degree = basis.shape[1] - 1
    if ttt is not None:
        gram = gram + n * lam * ttt
    eig = np.linalg.eigvalsh(gram)
    if eig[0] > 1e-10 * eig[-1]:
        c = np.linalg.solve(gram, basis.T @ y)
        for _ in range(2):  # iterative refinement: each step gains a factor cond·eps
            resid = basis.T @ (y - basis @ c)
            if ttt is not None:
                resid -= n * lam * (ttt @ c)
            c = c + np.linalg.solve(gram, resid)
        return np.asarray(c, dtype=np.float64)
    if ttt is not None:
        t = conversion_matrix(degree)[1:]
        a = np.vstack([basis / math.sqrt(n), math.sqrt(lam) * t])
        b = np.concatenate([y / math.sqrt(n), np.zeros(degree)])
    else:
        a, b = basis, y
    c, *_ = np.linalg.lstsq(a, b, rcond=None)
    return np.asarray(c, dtype=np.float64)


class SquaredFits:
    """Squared-loss fits (no penalty or L2) of one sample for many degrees and λ at once.

    Each :meth:`fit` is what :func:`fit` returns for ``loss="squared"`` (the same normal
    equations, refinement and fallback), but the Legendre design matrix B and its Gram matrix
    BᵀB are built once for the highest degree: the design matrix of degree d is the first d + 1
    columns of B, its Gram matrix the leading block of BᵀB, and T₁ᵀT₁ (the L2 penalty on the
    power coefficients) nests the same way, since x^j appears only in P_k with k ≥ j.  A degree
    or λ sweep of n = 10 000 points then costs one pass over the sample instead of one per fit.
    """

    def __init__(self, x: Array, y: Array, max_degree: int) -> None:
        self.x = np.asarray(x, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)
        self.max_degree = max_degree
        self._basis = leg.legvander(self.x, max_degree)
        self._gram = self._basis.T @ self._basis
        t = conversion_matrix(max_degree)[1:]
        self._ttt = t.T @ t

    def fit(self, degree: int, penalty: str = "none", lam: float = 0.0) -> Fit:
        """The minimiser of (1/n)Σ(yᵢ − m(xᵢ))² + λP(a) over polynomials of ``degree``."""
        if not 0 <= degree <= self.max_degree:
            raise ValueError(f"degree {degree} is outside 0 … {self.max_degree}")
        if penalty == "none" or lam == 0.0:
            penalty, lam = "none", 0.0
        if penalty not in ("none", "l2"):
            raise ValueError(f"penalty {penalty!r}: squared-loss fits here take none or l2")
        k = degree + 1
        basis = self._basis[:, :k]
        ttt = self._ttt[:k, :k] if (lam > 0.0 and degree > 0) else None
        c = _ridge_solve(basis, self.y, self._gram[:k, :k], ttt, lam)
        return _make_fit(c, self.x, self.y, "squared", 1.0, penalty, lam, "lstsq", True)


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
    res = _optimize().linprog(cost, A_eq=a_eq, b_eq=np.zeros(p), bounds=(-1.0, 1.0),
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
    res = _optimize().linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=[(-1, 1)] * m + [(0, None)],
                           method="highs")
    return float(res.x[-1])


def _optimize():  # type: ignore[no-untyped-def]
    """scipy.optimize, imported on first use: it costs ~0.4 s and the app creates every
    panel's state at start-up (a cached module lookup afterwards)."""
    from scipy import optimize

    return optimize
