"""Tables (named, equally long numeric columns) as CSV and JSON text."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray


def table_to_csv(table: Mapping[str, NDArray[np.float64]]) -> str:
    """CSV with a header row of column names; numbers as Python's shortest round-trip repr."""
    names = list(table)
    columns = [np.asarray(table[n]) for n in names]
    lengths = {len(c) for c in columns}
    if len(lengths) > 1:
        raise ValueError(f"columns have different lengths: {sorted(lengths)}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in zip(*(c.tolist() for c in columns), strict=True):
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))
    return str(v)


def to_json_text(document: Any) -> str:
    """Pretty JSON; non-finite floats become null (JSON has no NaN or infinity)."""
    return json.dumps(_finite(document), indent=2, ensure_ascii=False) + "\n"


def _finite(obj: Any) -> Any:
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, Mapping):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return _finite(obj.tolist())
    if isinstance(obj, np.generic):
        return _finite(obj.item())
    return obj
