"""Fitting a line with a chosen loss: exact minimisers of empirical risk + structural risk.

A fit is θ = (w, b) with w ∈ ℝᵈ (d = 1 for regression, 2 for classification) and the objective

    J(w, b) = (1/n) Σᵢ L(zᵢ) + λ·P(w),     P = 0 (none), ‖w‖₁ (l1) or ‖w‖₂² (l2),

where zᵢ is the residual rᵢ = yᵢ − (w·xᵢ + b) (regression) or the margin mᵢ = yᵢ(w·xᵢ + b)
(classification, yᵢ = ±1).  The bias b is never penalised.  Every zᵢ is affine in θ:
z = c + Gθ with G = −[X 1], c = y (residuals) or G = y·[X 1], c = 0 (margins).  All quantities are
dimensionless ("loss" units; the logistic loss in nats).

Solvers (all return the true minimiser, checked by its optimality conditions):

* piecewise-linear losses (absolute, quantile, ε-insensitive, hinge, perceptron) with no penalty
  or L1: a linear programme solved by HiGHS (``scipy.optimize.linprog``);
* everything else: a damped Newton method with exact gradients and Hessians.  Kinks (of a
  piecewise-linear loss, or of λ|wⱼ|) are first smoothed by their Moreau envelope with a width μ
  that shrinks to ~1e-10 of the data scale (continuation), which identifies which points sit
  exactly on a kink;
* then a *polish*: with those points held on their kinks (and the zero weights of L1 held at 0)
  the remaining problem is smooth, and Newton steps on it converge to machine precision.  The
  result is accepted only when the Karush–Kuhn–Tucker conditions hold: the kinked points'
  subgradients, found by bounded least squares (``scipy.optimize.lsq_linear``), lie in their
  allowed intervals and cancel the rest of the gradient.

A warm start (the previous solution while a point is dragged) is polished directly, which is
usually enough; otherwise the full solve runs.

Edge cases reported in :attr:`Fit.status`:

* ``no_finite_minimiser``: logistic or exponential loss when some direction (w, b) makes no margin
  smaller and at least one larger (separable data with λ = 0, or one class only): the loss keeps
  falling as ‖(w, b)‖ grows.  The reported w, b is that direction and the reported risks are the
  infimum (the limit along it), which is never attained.
* ``trivial``: the perceptron loss is 0 at w = 0, b = 0, which is therefore always a minimiser.
* ``not_unique``: the optimal set contains more than one θ (absolute, hinge, ... often); one
  minimiser is shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from losslab.maths._lazy import lazy_function, lazy_module
from losslab.maths.losses import LOSSES

# Imported on first use: start-up creates this panel's state and need not pay for scipy.
sparse = lazy_module("scipy.sparse")
linprog = lazy_function("scipy.optimize", "linprog")
lsq_linear = lazy_function("scipy.optimize", "lsq_linear")

Array = NDArray[np.float64]
Task = Literal["regression", "classification"]
Penalty = Literal["none", "l1", "l2"]

#: Losses made of straight pieces (their kinks need equality constraints, not Newton).
PIECEWISE_LINEAR = ("absolute", "quantile", "epsilon_insensitive", "hinge", "perceptron")
#: Losses whose infimum may not be attained (positive, decreasing towards 0 as m → ∞).
VANISHING = ("logistic", "exponential")

STATUS_TEXT: dict[str, str] = {
    "optimal": "optimal: this is the unique minimiser",
    "not_unique": ("optimal, but not the only minimiser: other lines reach the same objective "
                   "(one of them is shown)"),
    "trivial": ("trivial minimiser: w = 0, b = 0 gives every point margin 0 and perceptron "
                "loss 0, the smallest possible"),
    "no_finite_minimiser": ("no finite minimiser: the loss keeps falling as ‖(w, b)‖ grows along "
                            "the direction shown, so the infimum is approached but never reached"),
}


# ---------------------------------------------------------------------- the problem
@dataclass(frozen=True)
class Problem:
    """The data of a fit: z = c + Gθ for θ = (w₁, …, w_d, b)."""

    task: Task
    x: Array  # (n, d) inputs
    y: Array  # (n,) targets or ±1 labels
    G: Array  # (n, d + 1)
    c: Array  # (n,)

    @property
    def n(self) -> int:
        return int(self.y.shape[0])

    @property
    def d(self) -> int:
        return int(self.x.shape[1])

    def z(self, theta: Array) -> Array:
        """Residuals or margins at θ."""
        return self.c + self.G @ theta


def make_problem(task: Task, points: Array | tuple[tuple[float, ...], ...]) -> Problem:
    """Rows ``(x, y)`` (regression) or ``(x₁, x₂, label)`` (classification) → :class:`Problem`."""
    p = np.asarray(points, dtype=np.float64)
    if task == "regression":
        x, y = p[:, :1], p[:, 1]
        G = -np.column_stack([x, np.ones(len(y))])
        c = y.copy()
    else:
        x, y = p[:, :2], p[:, 2]
        G = y[:, None] * np.column_stack([x, np.ones(len(y))])
        c = np.zeros(len(y))
    return Problem(task, x, y, G, c)


# ---------------------------------------------------------------------- loss pieces
def _kwargs(key: str, settings: Mapping[str, float]) -> dict[str, float]:
    return {arg: float(settings[name]) for arg, name in LOSSES[key].params.items()}


def loss_value(key: str, z: Array, settings: Mapping[str, float]) -> Array:
    return LOSSES[key].fn(z, **_kwargs(key, settings))


def loss_slope(key: str, z: Array, settings: Mapping[str, float]) -> Array:
    return LOSSES[key].derivative(z, **_kwargs(key, settings))


def loss_curvature(key: str, z: Array, settings: Mapping[str, float]) -> Array:
    """L″(z) wherever it exists (0 on straight pieces; the one-sided value at C¹ joints)."""
    if key == "squared":
        return np.full_like(z, 2.0)
    if key == "huber":
        return np.where(np.abs(z) < settings["huber_delta"], 1.0, 0.0)
    if key == "log_cosh":
        t = np.exp(-2.0 * np.minimum(np.abs(z), 350.0))
        return 4.0 * t / (1.0 + t) ** 2  # sech² z, without overflow
    if key == "squared_hinge":
        return np.where(z < 1.0, 2.0, 0.0)
    if key == "modified_huber":
        return np.where((z > -1.0) & (z < 1.0), 2.0, 0.0)
    if key == "logistic":
        return np.exp(-np.logaddexp(0.0, z) - np.logaddexp(0.0, -z))  # σ(z)σ(−z)
    if key == "exponential":
        with np.errstate(over="ignore"):
            return np.exp(-z)
    return np.zeros_like(z)  # piecewise linear


def kinks(key: str, settings: Mapping[str, float]) -> tuple[Array, Array]:
    """Kinks κ₁ < … < κₖ and slopes s₀ < … < sₖ of a piecewise-linear loss (slope sⱼ between
    κⱼ and κⱼ₊₁); at κⱼ the subgradients are [sⱼ₋₁, sⱼ]."""
    if key == "absolute":
        return np.array([0.0]), np.array([-1.0, 1.0])
    if key == "quantile":
        tau = settings["quantile_tau"]
        return np.array([0.0]), np.array([tau - 1.0, tau])
    if key == "epsilon_insensitive":
        eps = settings["epsilon"]
        if eps == 0.0:
            return np.array([0.0]), np.array([-1.0, 1.0])
        return np.array([-eps, eps]), np.array([-1.0, 0.0, 1.0])
    if key == "hinge":
        return np.array([1.0]), np.array([-1.0, 0.0])
    if key == "perceptron":
        return np.array([0.0]), np.array([-1.0, 0.0])
    return np.empty(0), np.empty(0)


def _affine_pieces(key: str, settings: Mapping[str, float]) -> list[tuple[float, float]]:
    """L(z) = max over pieces of (a·z + β), for a piecewise-linear loss."""
    k, s = kinks(key, settings)
    pieces = []
    value_at = float(loss_value(key, k[:1], settings)[0])
    # The piece of slope s₀ passes through (κ₁, L(κ₁)); each next one through its left kink.
    pieces.append((float(s[0]), value_at - s[0] * k[0]))
    for j in range(len(k)):
        vj = float(loss_value(key, k[j:j + 1], settings)[0])
        pieces.append((float(s[j + 1]), vj - s[j + 1] * k[j]))
    return pieces


# ---------------------------------------------------------------------- objective
def penalty_value(w: Array, penalty: Penalty, lam: float) -> float:
    """λ·P(w)."""
    if penalty == "none" or lam == 0.0:
        return 0.0
    if penalty == "l1":
        return lam * float(np.sum(np.abs(w)))
    return lam * float(w @ w)


def objective_parts(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
                    lam: float, theta: Array) -> tuple[float, float]:
    """(empirical risk (1/n)ΣL(zᵢ), structural risk λP(w)) at θ."""
    z = problem.z(theta)
    emp = float(np.mean(loss_value(key, z, settings)))
    return emp, penalty_value(theta[:-1], penalty, lam)


def objective(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
              lam: float, theta: Array) -> float:
    """J(θ) = empirical + structural risk."""
    e, s = objective_parts(problem, key, settings, penalty, lam, theta)
    return e + s


# ---------------------------------------------------------------------- result
@dataclass
class Fit:
    """One fitted loss.

    ``w``, ``b``: the minimiser (for ``no_finite_minimiser``: the direction, ‖w‖ = 1 unless only
    b can move); ``empirical_risk``, ``structural_risk``, ``objective``: their values there (for
    ``no_finite_minimiser``: the infimum and its parts); ``status``: a key of
    :data:`STATUS_TEXT`; ``verified``: the optimality conditions were checked and hold;
    ``theta``: (w, b) as one array; ``z``: residuals or margins at the fit.
    """

    loss: str
    w: Array
    b: float
    empirical_risk: float
    structural_risk: float
    objective: float
    status: str
    verified: bool
    theta: Array
    z: Array = field(repr=False)
    attained: bool = True

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]


# ---------------------------------------------------------------------- smooth(ed) objective
Model = Callable[[Array], tuple[float, Array, Array]]


def _smoothed(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
              lam: float, mu: float) -> Model:
    """J with every kink replaced by its Moreau envelope of width μ (μ = 0: no smoothing of the
    loss, which must then be C¹).  Returns θ ↦ (J, ∇J, ∇²J)."""
    G, c, n = problem.G, problem.c, problem.n
    pl = key in PIECEWISE_LINEAR
    kk, ss = kinks(key, settings) if pl else (np.empty(0), np.empty(0))
    p = G.shape[1]
    l1 = penalty == "l1" and lam > 0.0
    l2 = penalty == "l2" and lam > 0.0

    def model(theta: Array) -> tuple[float, Array, Array]:
        z = c + G @ theta
        if pl:
            g = np.full_like(z, ss[0])
            h = np.zeros_like(z)
            for j in range(len(kk)):
                lo = kk[j] + mu * ss[j]
                t = (z - lo) / mu
                jump = ss[j + 1] - ss[j]
                g += np.clip(t, 0.0, jump)
                h += np.where((t > 0.0) & (t < jump), 1.0 / mu, 0.0)
            value = loss_value(key, z - mu * g, settings) + 0.5 * mu * g * g
        else:
            value = loss_value(key, z, settings)
            g = loss_slope(key, z, settings)
            h = loss_curvature(key, z, settings)
        J = float(np.sum(value)) / n
        grad = G.T @ g / n
        hess = (G.T * h) @ G / n
        w = theta[:-1]
        if l2:
            J += lam * float(w @ w)
            grad[:-1] += 2.0 * lam * w
            hess[np.arange(p - 1), np.arange(p - 1)] += 2.0 * lam
        elif l1:
            # Moreau envelope of λ|w|: w²/(2μ) inside |w| ≤ λμ, λ|w| − λ²μ/2 outside.
            a = np.abs(w)
            inside = a <= lam * mu
            J += float(np.sum(np.where(inside, w * w / (2 * mu), lam * a - 0.5 * lam * lam * mu)))
            grad[:-1] += np.clip(w / mu, -lam, lam)
            hess[np.arange(p - 1), np.arange(p - 1)] += np.where(inside, 1.0 / mu, 0.0)
        return J, grad, hess

    return model


def _newton(model: Model, theta: Array, max_iter: int = 200) -> Array:
    """Minimise a convex C¹ function with a PSD Hessian: Levenberg-damped Newton steps
    (damping ‖∇J‖, so steps become pure Newton near the optimum) with Armijo backtracking.
    Stops when no step decreases J any more (machine precision) or the gradient vanishes."""
    J, g, H = model(theta)
    p = len(theta)
    eye = np.eye(p)
    for _ in range(max_iter):
        gn = float(np.linalg.norm(g))
        if gn == 0.0 or not math.isfinite(gn):
            break
        scale = 1.0 + float(np.trace(H))
        try:
            step = -np.linalg.solve(H + (gn + 1e-15 * scale) * eye, g)
        except np.linalg.LinAlgError:
            step = -g
        slope = float(g @ step)
        if slope >= 0.0:
            step, slope = -g, -gn * gn
        t = 1.0
        accepted = False
        while t > 1e-12:
            cand = theta + t * step
            J1, g1, H1 = model(cand)
            if math.isfinite(J1) and J1 <= J + 1e-4 * t * slope:
                accepted = True
                break
            t *= 0.5
        if not accepted:
            break
        done = J - J1 <= 1e-16 * (1.0 + abs(J)) and t * float(np.linalg.norm(step)) <= 1e-14 * (
            1.0 + float(np.linalg.norm(theta)))
        theta, J, g, H = cand, J1, g1, H1
        if done:
            break
    return theta


# ---------------------------------------------------------------------- polish and KKT check
@dataclass
class _Active:
    """Which points sit on which kink, and which weights are held at 0 (L1)."""

    on_kink: Array  # (n,) index of the kink a point sits on, −1 if none
    zero_w: Array  # (d,) bool


def _identify(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
              lam: float, theta: Array, tol: float) -> _Active:
    z = problem.z(theta)
    on = np.full(problem.n, -1)
    if key in PIECEWISE_LINEAR:
        kk, _ = kinks(key, settings)
        for j, kj in enumerate(kk):
            on[np.abs(z - kj) <= tol] = j
    zero = np.zeros(problem.d, dtype=bool)
    if penalty == "l1" and lam > 0.0:
        zero = np.abs(theta[:-1]) <= tol
    return _Active(on, zero)


def _polish(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
            lam: float, theta: Array, active: _Active) -> tuple[Array, bool]:
    """Newton steps with the active points held on their kinks and the zero weights at 0, then
    the KKT check.  Returns (θ, verified)."""
    G, c, n, d = problem.G, problem.c, problem.n, problem.d
    p = d + 1
    K = np.flatnonzero(active.on_kink >= 0)
    Z = np.flatnonzero(active.zero_w)
    free = active.on_kink < 0
    pl = key in PIECEWISE_LINEAR
    kk, ss = kinks(key, settings) if pl else (np.empty(0), np.empty(0))
    l1 = penalty == "l1" and lam > 0.0
    l2 = penalty == "l2" and lam > 0.0
    E = np.vstack([G[K], np.eye(p)[Z]]) if (len(K) or len(Z)) else np.zeros((0, p))
    target = np.concatenate([kk[active.on_kink[K]] - c[K], np.zeros(len(Z))])
    w_sign = np.sign(theta[:-1])

    def smooth_grad_hess(th: Array) -> tuple[Array, Array, Array]:
        z = c + G @ th
        if pl:
            # On a straight piece the slope is that piece's; which piece is fixed by the side.
            idx = np.searchsorted(kk, z)
            g = ss[idx]
            h = np.zeros_like(z)
        else:
            g = loss_slope(key, z, settings)
            h = loss_curvature(key, z, settings)
        g = np.where(free, g, 0.0)
        h = np.where(free, h, 0.0)
        grad = G.T @ g / n
        hess = (G.T * h) @ G / n
        if l2:
            grad[:-1] += 2.0 * lam * th[:-1]
            hess[np.arange(d), np.arange(d)] += 2.0 * lam
        elif l1:
            grad[:-1] += lam * np.where(active.zero_w, 0.0, w_sign)
        return grad, hess, z

    th = theta.copy()
    for _ in range(12):
        grad, hess, _z = smooth_grad_hess(th)
        m = E.shape[0]
        kkt = np.block([[hess, E.T], [E, np.zeros((m, m))]])
        rhs = np.concatenate([-grad, target - E @ th])
        sol = np.linalg.lstsq(kkt, rhs, rcond=None)[0]
        step = sol[:p]
        size = float(np.max(np.abs(step))) if np.all(np.isfinite(step)) else math.inf
        if size > 1e8 * (1.0 + float(np.max(np.abs(th)))):
            return theta, False  # a singular system from a wrong active set: not this way
        th = th + step
        th[Z] = 0.0  # held weights are exactly 0, not 1e-17
        if np.linalg.norm(step) <= 1e-15 * (1.0 + np.linalg.norm(th)):
            break
    if pl and not l2:
        # A piecewise-linear objective (no L2 term) is minimised at a vertex: the points held on
        # kinks (and the weights held at 0) determine θ.  Solving that square system by LU gives
        # the vertex to the last bit (w = 1, b = 0 rather than b = −4.6e−17 from least squares).
        th = _vertex(E, target, th)
    # KKT: the free gradient must be cancelled by kink subgradients within their intervals.
    grad, _hess, z = smooth_grad_hess(th)
    scale = 1e-9 * (1.0 + float(np.abs(G).sum()) / n + lam)
    if not np.all(np.isfinite(th)):
        return theta, False
    if len(K) and np.max(np.abs(E[:len(K)] @ th - target[:len(K)])) > scale:
        return theta, False
    if pl:
        # Free points must still be strictly on the side of the piece they were given.
        idx_now = np.searchsorted(kk, z)
        z0 = problem.z(theta)
        idx_before = np.searchsorted(kk, z0)
        if np.any((idx_now != idx_before) & free):
            return theta, False
    if l1:
        nz = ~active.zero_w
        if np.any(np.sign(th[:-1][nz]) != w_sign[nz]):
            return theta, False
    cols = []
    lo: list[float] = []
    hi: list[float] = []
    for i in K:
        j = active.on_kink[i]
        cols.append(G[i] / n)
        lo.append(ss[j])
        hi.append(ss[j + 1])
    for j in Z:
        cols.append(np.eye(p)[j])
        lo.append(-lam)
        hi.append(lam)
    if cols:
        A = np.column_stack(cols)
        res = lsq_linear(A, -grad, bounds=(np.array(lo), np.array(hi)), method="bvls",
                         tol=1e-15)
        residual = float(np.max(np.abs(A @ res.x + grad)))
    else:
        residual = float(np.max(np.abs(grad)))
    return th, residual <= scale


def _vertex(E: Array, target: Array, theta: Array) -> Array:
    """θ solving p independent rows of E θ = target exactly (LU), if E has rank p and that θ
    satisfies every row as well as ``theta`` does; otherwise ``theta`` unchanged."""
    p = theta.shape[0]
    rows: list[int] = []
    for i in range(E.shape[0]):
        if np.linalg.matrix_rank(E[rows + [i]]) > len(rows):
            rows.append(i)
            if len(rows) == p:
                break
    if len(rows) < p:
        return theta  # not a vertex: the minimiser is not pinned down by the active points
    exact = np.linalg.solve(E[rows], target[rows]) + 0.0  # + 0.0: no signed zero (b = −0)
    if not np.all(np.isfinite(exact)):
        return theta
    err_exact = float(np.max(np.abs(E @ exact - target)))
    err_theta = float(np.max(np.abs(E @ theta - target)))
    return exact if err_exact <= max(err_theta, 1e-12 * (1.0 + float(np.max(np.abs(exact))))) \
        else theta


# ---------------------------------------------------------------------- linear programme
def _solve_lp(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
              lam: float) -> Array:
    """Piecewise-linear loss with no penalty or L1, exactly, as an LP solved by HiGHS.

    Variables θ (free), eᵢ ≥ 0 (epigraph of each point's loss), tⱼ ≥ |wⱼ| (L1 only); minimise
    (1/n)Σeᵢ + λΣtⱼ subject to a·zᵢ + β ≤ eᵢ for every straight piece (a, β) of the loss."""
    G, c, n, d = problem.G, problem.c, problem.n, problem.d
    p = d + 1
    l1 = penalty == "l1" and lam > 0.0
    nt = d if l1 else 0
    blocks = []
    rhs = []
    Gs = sparse.csr_matrix(G)
    eye_n = sparse.identity(n, format="csr")
    zeros_t = sparse.csr_matrix((n, nt))
    for a, beta in _affine_pieces(key, settings):
        if a == 0.0:
            continue  # e ≥ β with β ≤ 0 here: covered by the bound e ≥ 0
        blocks.append(sparse.hstack([a * Gs, -eye_n, zeros_t]))
        rhs.append(-a * c - beta)
    if l1:
        Iw = sparse.hstack([sparse.identity(d), sparse.csr_matrix((d, 1))])
        blocks.append(sparse.hstack([Iw, sparse.csr_matrix((d, n)), -sparse.identity(d)]))
        blocks.append(sparse.hstack([-Iw, sparse.csr_matrix((d, n)), -sparse.identity(d)]))
        rhs += [np.zeros(d), np.zeros(d)]
    A_ub = sparse.vstack(blocks).tocsr()
    b_ub = np.concatenate(rhs)
    cost = np.concatenate([np.zeros(p), np.full(n, 1.0 / n), np.full(nt, lam)])
    bounds = [(None, None)] * p + [(0.0, None)] * (n + nt)
    res = linprog(cost, A_ub=A_ub, b_ub=b_ub, bounds=bounds, method="highs")
    if res.status != 0:  # cannot happen for a bounded-below LP with a feasible point
        raise RuntimeError(f"linprog failed: {res.message}")
    return np.asarray(res.x[:p], dtype=np.float64)


# ---------------------------------------------------------------------- recession (no minimiser)
def recession_direction(problem: Problem, penalised: bool,
                        subset: Array | None = None) -> Array | None:
    """A direction δ = (δw, δb) with every margin change (Gδ)ᵢ ≥ 0 and their sum as large as
    possible (δ in the box [−1, 1]); ``None`` when only δ with Gδ = 0 exist.  With a penalty
    (λ > 0) δw must be 0.  Along such δ the logistic and exponential losses decrease for ever."""
    G = problem.G if subset is None else problem.G[subset]
    if G.shape[0] == 0:
        return None
    p = G.shape[1]
    bounds = [(0.0, 0.0) if (penalised and j < p - 1) else (-1.0, 1.0) for j in range(p)]
    res = linprog(-G.sum(axis=0), A_ub=-G, b_ub=np.zeros(G.shape[0]), bounds=bounds,
                  method="highs")
    if res.status != 0:
        return None
    delta = np.asarray(res.x, dtype=np.float64)
    gain = G @ delta
    if float(np.max(gain, initial=0.0)) <= 1e-9 * (1.0 + float(np.abs(G).max())):
        return None
    return delta


# ---------------------------------------------------------------------- uniqueness
def _is_unique(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
               lam: float, theta: Array) -> bool:
    """True when no direction δ ≠ 0 keeps J constant: δ must lie in the null space of the smooth
    part's Hessian and have zero directional derivative; the latter is a tiny LP per axis."""
    G, n, d = problem.G, problem.n, problem.d
    z = problem.z(theta)
    scale = 1e-7 * (1.0 + float(np.abs(G).max()))
    pl = key in PIECEWISE_LINEAR
    h = loss_curvature(key, z, settings)
    H = (G.T * h) @ G / n
    if penalty == "l2" and lam > 0.0:
        H[np.arange(d), np.arange(d)] += 2.0 * lam
    ev, vecs = np.linalg.eigh(H)
    V = vecs[:, ev <= 1e-10 * (1.0 + float(ev.max(initial=0.0)))]
    k = V.shape[1]
    if k == 0:
        return True
    # Directional derivative along δ = Vα: Σ over points of a piecewise-linear term.
    GV = G @ V / n
    if pl:
        kk, ss = kinks(key, settings)
        on = np.full(n, -1)
        for j, kj in enumerate(kk):
            on[np.abs(z - kj) <= scale] = j
        idx = np.searchsorted(kk, z)
        slope = ss[idx]
    else:
        on = np.full(n, -1)
        slope = loss_slope(key, z, settings)
    free = on < 0
    lin = slope[free] @ GV[free]  # (k,)
    kinked = np.flatnonzero(~free)
    lo = np.array([ss[on[i]] for i in kinked]) if pl else np.empty(0)
    hi = np.array([ss[on[i] + 1] for i in kinked]) if pl else np.empty(0)
    l1 = penalty == "l1" and lam > 0.0
    w = theta[:-1]
    zero_w = np.abs(w) <= scale if l1 else np.zeros(d, dtype=bool)
    if l1:
        lin = lin + lam * (np.where(zero_w, 0.0, np.sign(w)) @ V[:-1])
    # Variables α (k), t (|kinked| + zero weights): t ≥ each linear piece of the kinked terms.
    m = len(kinked) + int(zero_w.sum())
    rows, rhs = [], []
    for r, i in enumerate(kinked):
        for s in (lo[r], hi[r]):
            row = np.zeros(k + m)
            row[:k] = s * GV[i]
            row[k + r] = -1.0
            rows.append(row)
            rhs.append(0.0)
    for r, j in enumerate(np.flatnonzero(zero_w)):
        for s in (-lam, lam):
            row = np.zeros(k + m)
            row[:k] = s * V[j]
            row[k + len(kinked) + r] = -1.0
            rows.append(row)
            rhs.append(0.0)
    # J'(δ) ≤ 0 (it is ≥ 0 at an optimum, so this means = 0).
    row = np.zeros(k + m)
    row[:k] = lin
    row[k:] = 1.0
    rows.append(row)
    rhs.append(0.0)
    A = np.array(rows)
    b = np.array(rhs)
    bounds = [(-1.0, 1.0)] * k + [(None, None)] * m
    for j in range(k):
        for sign in (1.0, -1.0):
            cost = np.zeros(k + m)
            cost[j] = -sign
            res = linprog(cost, A_ub=A, b_ub=b + 1e-12, bounds=bounds, method="highs")
            if res.status == 0 and -res.fun > 1e-6:
                return False
    return True


# ---------------------------------------------------------------------- the fit
def _scale(problem: Problem) -> float:
    return 1.0 + float(np.max(np.abs(problem.G), initial=0.0)) + float(
        np.max(np.abs(problem.c), initial=0.0))


def _minimise(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
              lam: float, warm: Array | None) -> tuple[Array, bool]:
    """The minimiser θ* and whether its optimality conditions were verified."""
    p = problem.d + 1
    pl = key in PIECEWISE_LINEAR
    l1 = penalty == "l1" and lam > 0.0
    kinked = pl or l1
    scale = _scale(problem)
    tol = 1e-9 * scale

    def try_polish(theta: Array) -> tuple[Array, bool]:
        if not kinked:
            return theta, True
        act = _identify(problem, key, settings, penalty, lam, theta, tol)
        return _polish(problem, key, settings, penalty, lam, theta, act)

    if warm is not None and np.all(np.isfinite(warm)):
        if kinked:
            th, ok = try_polish(warm)
            if ok:
                return th, True
        else:
            th = _newton(_smoothed(problem, key, settings, penalty, lam, 0.0), warm.copy())
            if _gradient_small(problem, key, settings, penalty, lam, th):
                return th, True
            warm = None  # Newton from there did not settle it: solve from scratch
    if key == "squared" and penalty != "l1":
        A = -problem.G  # y − Aθ = residuals
        Dw = np.zeros((p, p))
        if penalty == "l2":
            Dw[np.arange(p - 1), np.arange(p - 1)] = lam
        M = A.T @ A / problem.n + Dw
        th = np.linalg.lstsq(M, A.T @ problem.c / problem.n, rcond=None)[0]
        th = _newton(_smoothed(problem, key, settings, penalty, lam, 0.0), th)
        return th, _gradient_small(problem, key, settings, penalty, lam, th)
    if pl and penalty != "l2":
        th = _solve_lp(problem, key, settings, penalty, lam)
        th2, ok = try_polish(th)
        return (th2, True) if ok else (th, True)  # HiGHS' vertex is optimal to ~1e-9 anyway
    th = np.zeros(p) if warm is None or not np.all(np.isfinite(warm)) else warm.copy()
    if not kinked:
        th = _newton(_smoothed(problem, key, settings, penalty, lam, 0.0), th)
        return th, _gradient_small(problem, key, settings, penalty, lam, th)
    best = th
    for mu in (1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-11):
        th = _newton(_smoothed(problem, key, settings, penalty, lam, mu * scale), th)
        if mu <= 1e-7:
            for t in (10 * mu * scale, 1e3 * mu * scale, 1e-9 * scale):
                act = _identify(problem, key, settings, penalty, lam, th, t)
                th2, ok = _polish(problem, key, settings, penalty, lam, th, act)
                if ok:
                    return th2, True
        best = th
    return best, False


def _gradient_small(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
                    lam: float, theta: Array) -> bool:
    """θ is a stationary point: the gradient vanishes *and* so does the Newton step H⁺∇J.

    The second condition matters for the logistic and exponential losses on separable data:
    far out along a separating direction both ∇J and ∇²J are ~e^(−t) small, so a small
    gradient alone proves nothing, but the Newton step stays of size ~1 there."""
    J, g, H = _smoothed(problem, key, settings, penalty, lam, 0.0)(theta)
    if not (math.isfinite(J) and np.all(np.isfinite(g)) and np.all(np.isfinite(H))):
        return False
    if np.max(np.abs(g)) > 1e-8 * _scale(problem):
        return False
    step = np.linalg.lstsq(H, g, rcond=1e-13)[0]
    return bool(np.linalg.norm(step) <= 1e-6 * (1.0 + float(np.linalg.norm(theta))))


def fit(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty = "none",
        lam: float = 0.0, warm: Array | None = None, check_unique: bool = True) -> Fit:
    """Minimise J for one loss; see the module docstring.  ``settings`` holds ``huber_delta``,
    ``quantile_tau``, ``epsilon`` (and ``logistic_base_value``, ignored: fits use nats).
    ``warm``: a previous θ to start from.  ``check_unique``: also decide ``not_unique`` (a few
    tiny LPs; the view skips it while a point is dragged)."""
    settings = {**settings, "logistic_base_value": math.e}
    if penalty == "none":
        lam = 0.0
    p = problem.d + 1
    if key == "perceptron":
        theta = np.zeros(p)
        return _result(problem, key, settings, penalty, lam, theta, "trivial", True)
    theta: Array | None = None
    verified = False
    if key in VANISHING:
        if warm is not None and np.all(np.isfinite(warm)):
            # A stationary point of a convex function is a minimiser, so a warm solve that ends
            # with a vanishing gradient settles existence without the recession LP.
            theta, verified = _minimise(problem, key, settings, penalty, lam, warm)
        if not verified:
            res = _vanishing(problem, key, settings, penalty, lam, warm)
            if res is not None:
                return res
            theta = None
    if theta is None:
        theta, verified = _minimise(problem, key, settings, penalty, lam, warm)
    status = "optimal"
    if check_unique and not _is_unique(problem, key, settings, penalty, lam, theta):
        status = "not_unique"
    return _result(problem, key, settings, penalty, lam, theta, status, verified)


def _vanishing(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
               lam: float, warm: Array | None) -> Fit | None:
    """Logistic/exponential: ``None`` when a finite minimiser exists, else the direction and the
    infimum.  The infimum is the minimum over the points whose margins the direction cannot
    raise (found by peeling directions off until none is left)."""
    penalised = lam > 0.0
    if penalised and problem.task == "classification":
        labels = np.unique(problem.y)
        if len(labels) > 1:
            return None  # b cannot grow every margin, and w is held by the penalty
    remaining = np.ones(problem.n, dtype=bool)
    first: Array | None = None
    while True:
        delta = recession_direction(problem, penalised, np.flatnonzero(remaining))
        if delta is None:
            break
        if first is None:
            first = delta
        gain = problem.G @ delta
        remaining &= gain <= 1e-9 * (1.0 + float(np.abs(problem.G).max()))
        if not remaining.any():
            break
    if first is None:
        return None
    # The infimum: minimise over the remaining points (their sum still divided by n).
    if remaining.any():
        sub = Problem(problem.task, problem.x[remaining], problem.y[remaining],
                      problem.G[remaining], problem.c[remaining])
        sub_theta, _ok = _minimise(sub, key, settings, penalty, lam, None)
        emp_sub, struct = objective_parts(sub, key, settings, penalty, lam, sub_theta)
        emp = emp_sub * sub.n / problem.n
    else:
        emp, struct = 0.0, 0.0
    # Report the direction that separates the peeled-off points by the widest margin (in the
    # box norm): every one of them then has a positive margin along it.
    separated = ~remaining
    G = problem.G
    pp = G.shape[1]
    cost = np.zeros(pp + 1)
    cost[-1] = -1.0
    A_ub = np.vstack([np.column_stack([-G[separated], np.ones(int(separated.sum()))]),
                      np.column_stack([-G[remaining], np.zeros(int(remaining.sum()))])])
    bounds = [(0.0, 0.0) if (penalised and j < pp - 1) else (-1.0, 1.0) for j in range(pp)]
    res = linprog(cost, A_ub=A_ub, b_ub=np.zeros(problem.n), bounds=bounds + [(None, None)],
                  method="highs")
    direction = np.asarray(res.x[:pp], dtype=np.float64) if res.status == 0 else first.copy()
    norm_w = float(np.linalg.norm(direction[:-1]))
    direction /= norm_w if norm_w > 0 else abs(direction[-1])
    direction += 0.0  # no −0 in exports
    z = problem.z(direction)
    return Fit(key, direction[:-1].copy(), float(direction[-1]), emp, struct, emp + struct,
               "no_finite_minimiser", True, direction, z, attained=False)


def _result(problem: Problem, key: str, settings: Mapping[str, float], penalty: Penalty,
            lam: float, theta: Array, status: str, verified: bool) -> Fit:
    z = problem.z(theta)
    if key in PIECEWISE_LINEAR:
        # Points the solver put on a kink are exactly on it; rounding (1e-17) must not flip
        # their loss slope from the kink's subgradient to a full ±1.
        for kj in kinks(key, settings)[0]:
            z[np.abs(z - kj) <= 1e-11 * _scale(problem)] = kj
    emp = float(np.mean(loss_value(key, z, settings)))
    struct = penalty_value(theta[:-1], penalty, lam)
    return Fit(key, theta[:-1].copy(), float(theta[-1]), emp, struct, emp + struct, status,
               verified, theta.copy(), z)


def pulls(key: str, z: Array, settings: Mapping[str, float]) -> Array:
    """Each point's pull on a fit, −L′(zᵢ) (−L′(r) or −L′(m); subgradient convention of
    :mod:`losslab.maths.losses` at kinks).  Unbounded for squared and exponential losses,
    at most 1 in size for the absolute, hinge, logistic, … losses."""
    return -loss_slope(key, z, {**settings, "logistic_base_value": math.e}) + 0.0  # no −0


def adaboost_weights(z: Array) -> Array:
    """AdaBoost's weight of each point, ∝ e^(−mᵢ), normalised to sum 1 (computed from the
    shifted margins so that it cannot overflow)."""
    e = np.exp(-(z - np.min(z)))
    return e / np.sum(e)


def svm_c(lam: float, n: int) -> float:
    """The SVM's C with the same minimiser as (1/n)Σ hinge + λ‖w‖²: C = 1/(2nλ) (∞ at λ = 0)."""
    return math.inf if lam == 0.0 else 1.0 / (2.0 * n * lam)
