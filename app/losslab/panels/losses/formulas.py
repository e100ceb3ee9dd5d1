"""The formula of every loss in LaTeX, for typesetting (the plain-text forms, which the
exports and the fallback use, are ``LossInfo.formula`` in :mod:`losslab.maths.losses`).

Qt-free data: :mod:`losslab.qt.formula` typesets these with ziamath.
"""

from __future__ import annotations

#: LaTeX of each loss, by key; the same maths as the plain-text ``LossInfo.formula``.
LATEX: dict[str, str] = {
    "zero_one": r"L(m) = \begin{cases} 1 & \text{if } m \le 0 \\ 0 & \text{otherwise} \end{cases}",
    "hinge": r"L(m) = \max(0, 1 - m)",
    "squared_hinge": r"L(m) = \max(0, 1 - m)^2",
    "perceptron": r"L(m) = \max(0, {-m})",
    "logistic": r"L(m) = \log_b\!\left(1 + e^{-m}\right),\quad b = e \text{ or } 2",
    "exponential": r"L(m) = e^{-m}",
    "modified_huber": r"L(m) = \begin{cases} \max(0, 1 - m)^2 & \text{if } m \ge {-1} \\ "
                      r"{-4m} & \text{otherwise} \end{cases}",
    "squared": r"L(r) = r^2",
    "absolute": r"L(r) = |r|",
    "huber": r"L(r) = \begin{cases} \tfrac{1}{2} r^2 & \text{if } |r| \le \delta \\ "
             r"\delta\left(|r| - \tfrac{1}{2}\delta\right) & \text{otherwise} \end{cases}",
    "log_cosh": r"L(r) = \ln \cosh r",
    "quantile": r"L(r) = \max\left(\tau r, (\tau - 1) r\right)",
    "epsilon_insensitive": r"L(r) = \max(0, |r| - \varepsilon)",
}

