"""The Likelihood panel's derivation −ln L → loss, step by step, with the dataset's numbers.

The explanation pane's text, in the user's language: a Qt module (it translates with ``tr``) that
only formats what the pure model computed (:class:`~losslab.panels.likelihood.model.
LikelihoodReport`).  The maths is typeset as Unicode/HTML (no LaTeX renderer is needed).
"""

from __future__ import annotations

import html
import math

from losslab.panels.likelihood import model as model
from losslab.qt.binding import tr


def fmt(v: float, digits: int = 6) -> str:
    """A number for the read-outs: ``digits`` significant digits, −0 shown as 0, ∞ as ∞."""
    if math.isnan(v):
        return "—"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    return f"{v + 0.0:.{digits}g}".replace("-", "−")


def power_of_ten(log10_value: float) -> str:
    """m × 10^e for a number given by its log₁₀ (works far below the smallest double)."""
    if not math.isfinite(log10_value):
        return fmt(log10_value)
    e = math.floor(log10_value)
    m = 10.0 ** (log10_value - e)
    if m >= 9.9995:  # rounding of the mantissa to 4 digits
        m, e = 1.0, e + 1
    return f"{m:.4g} × 10<sup>{fmt(e)}</sup>"


def noise_label(noise: str) -> str:
    if noise == "gaussian":
        return tr("Gaussian noise", "likelihood")
    if noise == "laplace":
        return tr("Laplace noise", "likelihood")
    return tr("Bernoulli outcome, sigmoid link", "likelihood")


def derivation_html(r: model.LikelihoodReport) -> str:
    """The step-by-step derivation −ln L → loss for ``r.noise``, with this dataset's numbers."""
    n = r.n
    steps: list[str]
    if r.noise == "gaussian":
        steps = [
            tr("<b>1. The model.</b> y = w·x + b + ε with ε ~ N(0, σ²). One point's density is "
               "p(yᵢ | xᵢ) = exp(−rᵢ²/(2σ²)) / (σ√(2π)), with the residual rᵢ = yᵢ − (w·xᵢ + b).",
               "likelihood"),
            tr("<b>2. The likelihood</b> of independent points is the product "
               "L(w, b) = Π p(yᵢ | xᵢ). Here it is {value}: products of many numbers below 1 "
               "shrink so fast that they soon underflow to 0 in floating point.",
               "likelihood"),
            tr("<b>3. Take the log.</b> ln is increasing, so it keeps the maximiser and turns "
               "the product into a sum: ln L = Σ [−rᵢ²/(2σ²) − ln(σ√(2π))] = "
               "−(1/(2σ²))·Σ rᵢ² − n·ln(σ√(2π)).", "likelihood"),
            tr("<b>4. Drop what does not depend on w and b.</b> The term n·ln(σ√(2π)) is a "
               "constant ({constant} here) and 1/(2σ²) a positive factor ({factor} here): "
               "neither moves the maximiser.", "likelihood"),
            tr("<b>5. Flip the sign.</b> Maximising −Σ rᵢ² is minimising Σ rᵢ²: "
               "−ln L = (1/(2σ²))·Σ rᵢ² + n·ln(σ√(2π)). Gaussian noise gives the squared loss, "
               "and the maximum-likelihood line is the least-squares line. Maximising over σ "
               "as well gives σ̂² = (1/n)·Σ rᵢ² at that line.", "likelihood"),
        ]
    elif r.noise == "laplace":
        steps = [
            tr("<b>1. The model.</b> y = w·x + b + ε with Laplace noise of scale s: "
               "p(yᵢ | xᵢ) = exp(−|rᵢ|/s) / (2s), with rᵢ = yᵢ − (w·xᵢ + b).", "likelihood"),
            tr("<b>2. The likelihood</b> of independent points is the product "
               "L(w, b) = Π p(yᵢ | xᵢ). Here it is {value}: products of many numbers below 1 "
               "shrink so fast that they soon underflow to 0 in floating point.",
               "likelihood"),
            tr("<b>3. Take the log.</b> ln L = Σ [−|rᵢ|/s − ln(2s)] = −(1/s)·Σ |rᵢ| − n·ln(2s).",
               "likelihood"),
            tr("<b>4. Drop what does not depend on w and b.</b> The constant n·ln(2s) "
               "({constant} here) and the positive factor 1/s ({factor} here) do not move the "
               "maximiser.", "likelihood"),
            tr("<b>5. Flip the sign.</b> −ln L = (1/s)·Σ |rᵢ| + n·ln(2s): Laplace noise gives "
               "the absolute loss, and the maximum-likelihood line is the least-absolute-"
               "deviations line, which an outlier pulls much less than least squares. The MLE "
               "of s is the mean |rᵢ| at that line.", "likelihood"),
        ]
    else:
        steps = [
            tr("<b>1. The model.</b> The label tᵢ ∈ {{0, 1}} is 1 with probability "
               "pᵢ = σ(fᵢ) = 1/(1 + e^(−fᵢ)), where the logit is fᵢ = w·xᵢ + b. So "
               "p(tᵢ | xᵢ) = pᵢ^tᵢ · (1 − pᵢ)^(1 − tᵢ): p for a 1, 1 − p for a 0.", "likelihood"),
            tr("<b>2. The likelihood</b> of independent points is the product "
               "L(w, b) = Π p(tᵢ | xᵢ). Here it is {value}: products of many numbers below 1 "
               "shrink so fast that they soon underflow to 0 in floating point.",
               "likelihood"),
            tr("<b>3. Take the log.</b> ln L = Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)].",
               "likelihood"),
            tr("<b>4. Drop what does not depend on w and b.</b> Nothing to drop here: the "
               "factor is 1 and the constant 0.", "likelihood"),
            tr("<b>5. Flip the sign.</b> −ln L = −Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)], the binary "
               "cross-entropy. With yᵢ = 2tᵢ − 1 ∈ {{−1, +1}} and 1 − σ(f) = σ(−f), each term is "
               "−ln σ(yᵢfᵢ) = ln(1 + e^(−yᵢfᵢ)), the logistic loss of the margin mᵢ = yᵢfᵢ.",
               "likelihood"),
            tr("Binary cross-entropy with 0/1 labels and the logistic loss with ±1 labels are one "
               "and the same function of the logit.", "likelihood"),
        ]
    numbers = {"value": power_of_ten(r.log10_likelihood), "constant": fmt(r.constant),
               "factor": fmt(r.factor), "n": n}
    body = "".join(f"<p>{step.format(**numbers)}</p>" for step in steps)
    head = tr("From likelihood to loss: {noise}", "likelihood").format(
        noise=html.escape(noise_label(r.noise)))
    tail = tr("The −ln L curves below are drawn twice: −ln L itself and "
              "factor·Σ loss + constant on top of it. They coincide, so the loss and the "
              "likelihood have the same best line. Each curve holds the other parameter at its "
              "current value, so its lowest point meets the MLE mark only once the line is at "
              "the MLE. Taking logs is not only a convenience: "
              "ln L is a sum that stays a modest number (here {log}) when L itself is far "
              "below the smallest number a computer can store.", "likelihood").format(
        log=fmt(r.log_likelihood))
    return f"<h3>{head}</h3>{body}<p>{tail}</p>"
