"""The Cross-entropy panel's pipeline, row by row, as HTML in the user's language.

Categorical mode: z, z − max, e^(z − max) and their sum (from logits), softmax p, log p, the
picked −log p, the class weight and the row's loss, then the reduction with its divisor.  Binary
mode: each cell's logit, σ(x), label, clipped p and element loss.  A Qt module (it translates with
``tr``) that only formats a computed report.
"""

from __future__ import annotations

import html
import math

import numpy as np

from losslab.maths.cross_entropy import EPSILON, Loss
from losslab.panels.cross_entropy.compute import CrossEntropyReport
from losslab.panels.cross_entropy.model import CrossEntropyState
from losslab.qt.binding import tr


def fmt(x: float) -> str:
    """A number for a table cell: 6 significant digits; inf and NaN spelled out."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    return f"{x + 0.0:.6g}"  # + 0.0: show 0, not -0


def fmt_loss(value: Loss) -> str:
    """A reduced loss (a number) or a per-row / per-cell one (a list); NaN rows show '—'."""
    if isinstance(value, np.ndarray):
        if value.ndim == 2:
            return "; ".join(", ".join(fmt(v) for v in row) for row in value)
        return ", ".join("—" if math.isnan(v) else fmt(v) for v in value)
    return fmt(float(value))


def pipeline_html(r: CrossEntropyReport, s: CrossEntropyState) -> str:
    """The pipeline of every row of the batch, for the report's mode."""
    return _binary(r, s) if r.mode == "binary" else _categorical(r, s)


def _table_html(header: list[str], rows: list[tuple[str, list[str]]]) -> str:
    head = "".join(f"<th align='right'>{html.escape(h)}</th>" for h in header)
    lines = [f"<tr><th></th>{head}</tr>"]
    for name, cells in rows:
        tds = "".join(f"<td align='right'>{html.escape(c)}</td>" for c in cells)
        lines.append(f"<tr><th align='left'>{html.escape(name)}</th>{tds}</tr>")
    return f"<table cellspacing='0' cellpadding='3' border='1'>{''.join(lines)}</table>"


def _categorical(r: CrossEntropyReport, s: CrossEntropyState) -> str:
    assert r.manual is not None and r.log_probabilities is not None
    c = r.probabilities.shape[1]
    header = [tr("class {0}", "cross_entropy").format(j) for j in range(c)]
    parts: list[str] = []
    for i, row in enumerate(s.logits):
        t = s.targets[i]
        lines: list[tuple[str, list[str]]] = []
        if r.steps is not None:
            m = r.steps.shift[i]
            lines += [("z", [fmt(v) for v in row]),
                      (f"z − {fmt(m)}" if s.subtract_max
                       else tr("z (no shift)", "cross_entropy"),
                       [fmt(v) for v in r.steps.shifted[i]]),
                      ("e^(z − m)" if s.subtract_max else "e^z",
                       [fmt(v) for v in r.steps.exp[i]])]
            total = f"Σ = {fmt(r.steps.total[i])}"
        else:
            lines.append((tr("p as typed", "cross_entropy"), [fmt(v) for v in row]))
            total = f"Σ = {fmt(sum(row))}"
        lines += [("p", [fmt(v) for v in r.probabilities[i]]),
                  ("log p", [fmt(v) for v in r.log_probabilities[i]])]
        shift = ""
        if r.steps is not None and s.subtract_max:
            # Say what m is: the pipeline's rows use it by name.
            shift = "<p>" + html.escape(tr(
                "m = {m}, the largest logit of this row: subtracting it makes every "
                "exponent z − m ≤ 0, so e^(z − m) cannot overflow, and p is unchanged.",
                "cross_entropy").format(m=fmt(r.steps.shift[i]))) + "</p>"
        parts.append(f"<h4>{tr('Row', 'panels')} {i} &nbsp; <small>{html.escape(total)}"
                     "</small></h4>" + shift + _table_html(header, lines))
        if t == s.ignore_index:
            parts.append(f"<p>{tr('target', 'panels')} = ignore_index ({t}): "
                         f"{tr('this row does not count.', 'panels')}</p>")
        else:
            w = r.manual.row_weight[i]
            parts.append(
                f"<p>{tr('target', 'panels')} {t}: −log p<sub>{t}</sub> = "
                f"<b>{fmt(r.manual.nll[i])}</b>; {tr('weight', 'panels')} {fmt(w)}; "
                f"{tr('row loss', 'panels')} <b>{fmt(r.manual.row_loss[i])}</b></p>")
    parts.append(_reduction_html(r, s))
    return "".join(parts)


def _reduction_html(r: CrossEntropyReport, s: CrossEntropyState) -> str:
    assert r.manual is not None
    total = float(np.sum(r.manual.row_loss))
    if s.reduction == "none":
        text = tr("reduction = none: one loss per row, as listed.", "panels")
    elif s.reduction == "sum":
        text = tr("reduction = sum: Σ row losses = {0}", "panels").format(fmt(total))
    else:
        divisor = tr("Σ of the targets' weights", "panels") if s.weight else \
            tr("number of rows that count", "panels")
        mean = total / r.manual.denominator if r.manual.denominator else math.nan
        text = tr("reduction = mean: {0} / {1} ({2}) = {3}", "panels").format(
            fmt(total), fmt(r.manual.denominator), divisor, fmt(mean))
    return f"<h4>{tr('Reduction', 'panels')}</h4><p>{html.escape(text)}</p>"


def _binary(r: CrossEntropyReport, s: CrossEntropyState) -> str:
    c = r.probabilities.shape[1]
    header = [tr("cell {0}", "cross_entropy").format(j) for j in range(c)]
    x = np.asarray(s.logits, dtype=np.float64)
    y = np.asarray(s.binary_targets, dtype=np.float64)
    p = np.clip(r.probabilities, EPSILON, 1.0 - EPSILON)
    elements = -(y * np.log(p) + (1.0 - y) * np.log1p(-p))
    parts = []
    for i in range(x.shape[0]):
        lines: list[tuple[str, list[str]]] = []
        if s.from_logits:
            lines.append(("x", [fmt(v) for v in x[i]]))
            lines.append(("σ(x)", [fmt(v) for v in r.probabilities[i]]))
        else:
            lines.append(("p", [fmt(v) for v in x[i]]))
        lines += [("y", [fmt(v) for v in y[i]]),
                  ("clip(p)", [fmt(v) for v in p[i]]),
                  ("−[y log p + (1−y) log(1−p)]", [fmt(v) for v in elements[i]])]
        parts.append(f"<h4>{tr('Row', 'panels')} {i} &nbsp; <small>"
                     f"{tr('mean over the row', 'panels')} = {fmt(float(elements[i].mean()))}"
                     "</small></h4>" + _table_html(header, lines))
    return "".join(parts)
