"""Tables (named, equally long numeric columns) as CSV and JSON text: the one place that decides
how a number is written.

Conventions, the same for every panel and both formats:

* A finite number is written as Python's shortest repr that reads back to the same double
  (``0.1``, ``1e-300``, ``5.2e-22``), so every digit of the computed value survives.
* −0.0 is written as ``0.0``.  A signed zero is an artefact of how a value was computed (the
  derivative of a flat piece, a product with a negative number that underflowed); the GUI shows 0,
  and an export must not disagree with it.  The maths functions keep their IEEE values; only the
  text changes.
* +∞ is written as ``inf`` and −∞ as ``-inf``: in CSV as bare words, in JSON as the *strings*
  ``"inf"`` and ``"-inf"`` (a loss can be truly infinite, e.g. −ln 0).
* NaN (a value that does not exist, e.g. the mean over no rows, or an epoch after a run stopped)
  is written as ``nan`` in CSV and ``null`` in JSON.

So an infinite value and a missing one can always be told apart, and every JSON file is strict
JSON: no ``Infinity`` or ``NaN`` literals, readable by any parser.  Panels hand plain floats
(or numpy arrays and scalars) to :func:`to_json_text`; they need no special cases of their own.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

#: The JSON strings standing for +∞ and −∞ (JSON numbers cannot be infinite).
INF_TEXT = "inf"
NEG_INF_TEXT = "-inf"


def table_to_csv(table: Mapping[str, NDArray[np.float64]]) -> str:
    """CSV with a header row of column names, then one line per row (see the module docstring)."""
    names = list(table)
    columns = [np.asarray(table[n]) for n in names]
    lengths = {len(c) for c in columns}
    if len(lengths) > 1:
        raise ValueError(f"columns have different lengths: {sorted(lengths)}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in zip(*(c.tolist() for c in columns), strict=True):
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def csv_cell(v: Any) -> str:
    """One CSV cell: shortest round-trip repr; ``0.0`` for −0.0; ``inf``, ``-inf``, ``nan``."""
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return INF_TEXT if v > 0 else NEG_INF_TEXT
        return repr(v + 0.0)  # x + 0.0 turns −0.0 into 0.0 and leaves every other x alone
    return str(v)


def json_number(x: float) -> float | str | None:
    """One float for JSON: itself (−0.0 as 0.0), ``"inf"``/``"-inf"`` for ±∞, None for NaN."""
    if math.isnan(x):
        return None
    if math.isinf(x):
        return INF_TEXT if x > 0 else NEG_INF_TEXT
    return x + 0.0


def to_json_text(document: Any) -> str:
    """Pretty, strict JSON of ``document`` with every float written by :func:`json_number`."""
    return json.dumps(_jsonable(document), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, float):
        return json_number(obj)
    if isinstance(obj, Mapping):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    if isinstance(obj, np.generic):
        return _jsonable(obj.item())
    return obj
