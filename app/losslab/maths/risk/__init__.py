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

The package has one job per module: :mod:`.distribution` the distribution, the losses, the
polynomial basis and the risks of a given model; :mod:`.fitting` the minimisers of J;
:mod:`.sweeps` what the panel plots from many fits or samples (every degree, every λ, the law
of large numbers, risk against the slope).  Everything public is importable from the package itself.
"""

from __future__ import annotations

from losslab.maths.risk.distribution import (
    LOSS_KEYS,
    MAX_DEGREE,
    NOISES,
    PENALTIES,
    QUAD_RTOL,
    TARGETS,
    Array,
    Distribution,
    LossKey,
    Noise,
    Penalty,
    Target,
    conversion_matrix,
    empirical_risk,
    evaluate,
    expected_loss_at,
    expected_risk,
    expected_risks,
    leg_to_power,
    loss_values,
    penalty_value,
    power_to_leg,
    sample,
)
from losslab.maths.risk.fitting import Fit, fit, kkt_violation, objective
from losslab.maths.risk.sweeps import (
    LAMBDA_GRID,
    SPREAD_GRID,
    DegreeSweep,
    LambdaSweep,
    SlopeCurves,
    Spread,
    cached_degree_sweep,
    cached_lambda_sweep,
    degree_sweep,
    degree_sweep_key,
    lambda_sweep,
    lambda_sweep_key,
    slope_curves,
    spread,
    swept_penalty,
)

__all__ = [
    "LAMBDA_GRID", "LOSS_KEYS", "MAX_DEGREE", "NOISES", "PENALTIES", "QUAD_RTOL", "SPREAD_GRID",
    "TARGETS", "Array", "DegreeSweep", "Distribution", "Fit", "LambdaSweep", "LossKey", "Noise",
    "Penalty", "SlopeCurves",
    "Spread", "Target", "cached_degree_sweep", "cached_lambda_sweep", "conversion_matrix",
    "degree_sweep", "degree_sweep_key", "lambda_sweep_key", "empirical_risk", "evaluate",
    "expected_loss_at", "expected_risk", "expected_risks", "fit", "kkt_violation", "lambda_sweep",
    "leg_to_power", "loss_values", "objective", "penalty_value", "power_to_leg", "sample",
    "slope_curves", "spread", "swept_penalty",
]
