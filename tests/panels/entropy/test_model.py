"""The Information panel model: state rules, read-outs and exports (no Qt)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from losslab.core.params import ParamError
from losslab.io.tables import table_to_csv, to_json_text
from losslab.panels import panel as panel_entry
from losslab.panels.entropy.model import (
    GRID_POINTS,
    PANEL,
    EntropyState,
    archers,
    cross_entropy_readout,
    entropy_table,
    resize_distribution,
    set_probability,
    summary,
)

pytestmark = pytest.mark.filterwarnings("error")  # "no warnings" is part of the contract


def near(value: float, reference: float, places: int = 6) -> bool:
    """Equal to a reference printed with ``places`` decimals (half a unit in the last place)."""
    return abs(value - reference) <= 0.5 * 10.0 ** -places + 1e-15


# ---------------------------------------------------------------------- panel state
def test_defaults_and_registration() -> None:
    s = EntropyState()
    assert (s.archer_a, s.archer_b, s.unit) == (0.1, 0.999, "bits")
    assert (s.p, s.q1, s.q2) == ((1.0, 0.0, 0.0), (0.5, 0.2, 0.3), (0.8, 0.1, 0.1))
    assert s.classes == 3
    assert panel_entry("entropy").model is PANEL
    assert PANEL.make_state().panel_key() == "entropy"
    assert "classes" not in s.to_dict()  # derived from len(p), not saved


def test_written_distributions_are_normalised() -> None:
    s = EntropyState()
    s.set("q1", (2.0, 1.0, 1.0), clamp=False)
    assert s.q1 == (0.5, 0.25, 0.25)


def test_gui_policy_resizes_the_other_distributions() -> None:
    s = EntropyState()
    seen: list[frozenset[str]] = []
    s.subscribe(seen.append)
    s.classes = 5
    assert s.p == (1.0, 0.0, 0.0, 0.0, 0.0)
    assert s.q1 == (0.5, 0.2, 0.3, 0.0, 0.0)
    assert seen == [frozenset({"classes", "p", "q1", "q2"})]
    s.classes = 2
    assert s.q1 == pytest.approx((0.5 / 0.7, 0.2 / 0.7))
    s.p = (0.0, 0.0, 1.0)  # a longer p drags the others along
    assert s.classes == 3 and len(s.q1) == 3 and len(s.q2) == 3
    s.classes = 2  # p keeps nothing: it falls back to uniform
    assert s.p == (0.5, 0.5)


def test_strict_policy_rejects_mismatched_lengths() -> None:
    s = EntropyState()
    with pytest.raises(ParamError, match="same number of classes"):
        s.update({"p": (1.0, 0.0)}, clamp=False)
    with pytest.raises(ParamError, match="same number of classes"):
        s.update({"p": (1.0, 0.0), "q1": (0.5, 0.5), "q2": (0.5, 0.25, 0.25)}, clamp=False)
    assert s.p == (1.0, 0.0, 0.0)  # all or nothing
    s.update({"p": (1.0, 0.0), "q1": (0.5, 0.5), "q2": (0.9, 0.1)}, clamp=False)
    assert s.classes == 2


def test_all_zero_and_negative_distributions_are_errors() -> None:
    s = EntropyState()
    for clamp in (False, True):
        with pytest.raises(ParamError, match="all weights are zero"):
            s.set("q2", (0.0, 0.0, 0.0), clamp=clamp)
    with pytest.raises(ParamError, match="out of range"):
        s.set("p", (1.0, -0.5, 0.0), clamp=False)
    with pytest.raises(ParamError, match="out of range"):
        s.set("archer_a", 1.5, clamp=False)
    with pytest.raises(ParamError, match="no probability would be left"):
        s.set("p", (0.0, 0.0, 1.0), clamp=False)
        s.set("classes", 2, clamp=False)  # would cut away all of p


def test_set_probability_keeps_the_edited_value_and_the_proportions() -> None:
    q = set_probability((0.5, 0.2, 0.3), 0, 0.9)
    assert q[0] == 0.9
    assert q[1] / q[2] == pytest.approx(0.2 / 0.3)
    assert math.fsum(q) == pytest.approx(1.0, abs=1e-15)
    assert set_probability((1.0, 0.0, 0.0), 0, 0.4) == pytest.approx((0.4, 0.3, 0.3))
    assert set_probability((0.5, 0.5), 1, 7.0) == (0.0, 1.0)  # clamped to [0, 1]


def test_resize_distribution() -> None:
    assert resize_distribution((0.5, 0.5), 3) == (0.5, 0.5, 0.0)
    assert resize_distribution((0.5, 0.25, 0.25), 2) == pytest.approx((2 / 3, 1 / 3))
    assert resize_distribution((0.0, 1.0), 1) == (1.0,)
    assert resize_distribution((0.0, 0.0, 1.0), 2) == (0.5, 0.5)


# ---------------------------------------------------------------------- read-outs and exports
def test_readouts_follow_the_unit() -> None:
    s = EntropyState()
    a, b = archers(s)
    assert (a.name, a.p_hit, b.p_hit) == ("A", 0.1, 0.999)
    assert near(a.info_hit, 3.321928) and near(b.info_miss, 9.965784)
    s.unit = "nats"
    a, b = archers(s)
    assert near(a.entropy, 0.325083) and near(b.entropy, 0.007907)
    ce = cross_entropy_readout(s)
    assert near(ce.cross_entropy[0], 0.693147) and near(ce.cross_entropy[1], 0.223144)
    assert ce.entropy_p == 0.0 and ce.kl == pytest.approx(ce.cross_entropy)
    assert ce.terms[1] == pytest.approx((0.223144, 0.0, 0.0), abs=1e-6)


def test_csv_columns() -> None:
    s = EntropyState()
    s.unit = "nats"
    table = entropy_table(s)
    assert list(table) == ["p", "entropy", "info_hit", "info_miss"]
    assert all(len(c) == GRID_POINTS for c in table.values())
    i = int(np.argmin(np.abs(table["p"] - 0.1)))
    assert table["p"][i] == pytest.approx(0.1)
    assert near(float(table["entropy"][i]), 0.325083)
    assert table["info_hit"][0] == math.inf and table["info_miss"][-1] == math.inf
    assert table["entropy"][0] == table["entropy"][-1] == 0.0
    text = table_to_csv(table)
    assert text.splitlines()[0] == "p,entropy,info_hit,info_miss"
    assert text.splitlines()[1] == "0.0,0.0,inf,0.0"


def test_json_document_shape_and_infinity_as_text() -> None:
    s = EntropyState()
    s.update({"q1": (0.0, 0.5, 0.5), "archer_b": 1.0})
    doc = json.loads(to_json_text(PANEL.json_document(s)))
    assert doc["unit"] == "bits" and doc["panel"] == "entropy"
    assert [set(a) >= {"p_hit", "info_hit", "info_miss", "entropy"} for a in doc["archers"]] \
        == [True, True]
    assert doc["archers"][1]["info_miss"] == "inf"  # B never misses: a miss is infinitely surprising
    assert doc["archers"][1]["entropy"] == 0.0
    ce = doc["cross_entropy"]
    assert ce["p"] == [1.0, 0.0, 0.0] and ce["q"] == [[0.0, 0.5, 0.5], [0.8, 0.1, 0.1]]
    assert ce["cross_entropy"][0] == "inf" and ce["kl"][0] == "inf"
    assert ce["cross_entropy"][1] == pytest.approx(-math.log2(0.8))
    assert ce["terms"][0] == ["inf", 0.0, 0.0]
    assert ce["entropy_p"] == 0.0
    assert {"panel": "entropy", **summary(s)} == PANEL.json_document(s)
