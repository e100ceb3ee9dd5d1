"""One JSON/CSV convention for ±inf, NaN and −0 in every export (issue 14).

Written by :mod:`losslab.io.tables` for every panel: strict JSON, no negative zero.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re

import numpy as np
import pytest

mpmath = pytest.importorskip("mpmath")
mp = mpmath.mp

from losslab.io.tables import csv_cell, json_number, table_to_csv, to_json_text  # noqa: E402
from losslab.panels import PANELS  # noqa: E402


# ---------------------------------------------------------------------- the number convention
def _strict(text: str) -> object:
    def refuse(name: str) -> None:
        raise AssertionError(f"non-standard JSON literal {name}")

    return json.loads(text, parse_constant=refuse)


def test_json_and_csv_number_convention() -> None:
    doc = {"pinf": math.inf, "ninf": -math.inf, "nan": math.nan, "nz": -0.0, "x": 0.1,
           "arr": np.array([math.inf, -0.0, math.nan, 5.2e-22]), "np": np.float64(-math.inf),
           "n": 3, "flag": True, "none": None}
    back = _strict(to_json_text(doc))
    assert back == {"pinf": "inf", "ninf": "-inf", "nan": None, "nz": 0.0, "x": 0.1,
                    "arr": ["inf", 0.0, None, 5.2e-22], "np": "-inf", "n": 3, "flag": True,
                    "none": None}
    assert math.copysign(1.0, back["nz"]) == 1.0  # type: ignore[index]
    assert "-0.0" not in to_json_text(doc)
    assert [csv_cell(v) for v in (math.inf, -math.inf, math.nan, -0.0, 0.0, 1e-300, 7)] == [
        "inf", "-inf", "nan", "0.0", "0.0", "1e-300", "7"]
    assert [json_number(v) for v in (math.inf, -math.inf, -0.0, 2.5)] == ["inf", "-inf", 0.0, 2.5]
    assert json_number(math.nan) is None
    text = table_to_csv({"a": np.array([-0.0, math.inf]), "b": np.array([-1.5, math.nan])})
    assert text == "a,b\n0.0,-1.5\ninf,nan\n"


def _export_texts(key: str, settings: dict[str, str]) -> tuple[str, str]:
    from losslab.panels import panel

    model = panel(key).model
    state = model.make_state()
    state.update({k: state.specs[k].parse(v) for k, v in settings.items()}, clamp=False)
    return table_to_csv(model.table(state)), to_json_text(model.json_document(state))


def test_cross_entropy_json_tells_infinite_from_undefined() -> None:
    """−log 0 = ∞ is "inf"; a mean over no rows (0/0) is null; the CSV agrees."""
    base = {"from_logits": "false", "logits": "0,1;0.5,0.5", "targets": "0,1"}
    _, text = _export_texts("cross_entropy", {**base, "reduction": "sum"})
    doc = _strict(text)
    assert doc["pytorch"] == "inf" and doc["manual"] == "inf"  # type: ignore[index]
    assert doc["log_softmax"][0][0] == "-inf"  # type: ignore[index]
    csv_text, text = _export_texts("cross_entropy", {**base, "reduction": "none"})
    assert _strict(text)["pytorch"] == ["inf", pytest.approx(math.log(2))]  # type: ignore[index]
    assert next(csv.DictReader(io.StringIO(csv_text)))["nll"] == "inf"
    _, text = _export_texts("cross_entropy", {"targets": "-100,-100"})
    doc = _strict(text)
    assert doc["pytorch"] is None and doc["nll"] == [None, None]  # type: ignore[index]


def test_entropy_panel_uses_the_shared_convention() -> None:
    _, text = _export_texts("entropy", {"archer_a": "0", "archer_b": "1",
                                        "p": "0.5,0.5,0", "q1": "1,0,0"})
    doc = _strict(text)
    assert doc["archers"][0]["info_hit"] == "inf"  # type: ignore[index]
    assert doc["archers"][1]["info_miss"] == "inf"  # type: ignore[index]
    assert doc["cross_entropy"]["cross_entropy"][0] == "inf"  # type: ignore[index]


# States that used to export −0.0: the perceptron at the probe, d_squared_hinge and
# d_modified_huber for m ≥ 1, the quantile loss at r = 0.
SIGNED_ZERO_CASES = [
    ("losses", {}),
    ("losses", {"derivatives": "true"}),
    ("losses", {"probe": "2", "derivatives": "true"}),
    ("losses", {"mode": "residual", "probe": "0", "derivatives": "true"}),
    ("losses", {"mode": "residual", "quantile_tau": "0.9", "derivatives": "true"}),
    ("cross_entropy", {"logits": "1000,0,-1000;0,0,0"}),
]


@pytest.mark.parametrize(("key", "settings"), SIGNED_ZERO_CASES)
def test_no_export_writes_a_negative_zero(key: str, settings: dict[str, str]) -> None:
    csv_text, json_text = _export_texts(key, settings)
    zero = re.compile(r"(?<![\w.])-0\.0(?![\d])|(?<![\w.])-0(?![\d.e])")
    assert not zero.search(csv_text) and not zero.search(json_text)
    _strict(json_text)


@pytest.mark.parametrize("key", [entry.key for entry in PANELS])
def test_every_panel_writes_strict_json(key: str) -> None:
    _strict(_export_texts(key, {})[1])
