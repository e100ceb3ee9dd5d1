"""``losslab export cross_entropy OUT``: the JSON/CSV of the pure model; bad tables exit 2."""

from __future__ import annotations

import csv
import json
import math

import numpy as np
import pytest

from losslab.cli import main


def _export(tmp_path, *settings, name="out.json"):
    out = tmp_path / name
    args = ["export", "cross_entropy", str(out)]
    for s in settings:
        args += ["--set", s]
    return main(args), out


def test_issue_example(tmp_path):
    code, out = _export(tmp_path, "logits=2,1,0.1;0.5,2.5,0.3", "targets=0,1", "weight=1,2,1",
                        "reduction=mean")
    assert code == 0
    doc = json.loads(out.read_text())
    np.testing.assert_allclose(doc["softmax"][0], [0.6590011388859679, 0.24243297070471392,
                                                   0.09856589040931818], rtol=1e-14)
    np.testing.assert_allclose(doc["log_softmax"][1][1], -0.22004952302053787, rtol=1e-14)
    np.testing.assert_allclose(doc["nll"], [0.41703001627783354, 0.22004952302053787], rtol=1e-14)
    # torch 2.13: CrossEntropyLoss(weight=[1, 2, 1])(logits, [0, 1]) = 0.28570968743963643
    assert doc["pytorch"] == pytest.approx(0.28570968743963643, rel=1e-14)
    assert doc["manual"] == pytest.approx(doc["pytorch"], rel=1e-14)
    # Keras divides the same weighted sum by N = 2 rather than by Σ w = 3.
    assert doc["keras_sparse"] == pytest.approx(0.28570968743963643 * 3 / 2, rel=1e-12)
    assert doc["keras_categorical"] == pytest.approx(doc["keras_sparse"], rel=1e-12)
    assert doc["denominator"] == 3.0
    assert doc["params"]["weight"] == [1.0, 2.0, 1.0]


def test_binary_mode(tmp_path):
    code, out = _export(tmp_path, "mode=binary", "logits=0.5,-1;3,0", "binary_targets=1,0;0,1")
    assert code == 0
    doc = json.loads(out.read_text())
    for key in ("keras_binary", "pytorch_bce", "manual_clipped", "keras_binary_probs"):
        assert isinstance(doc[key], float)
    x = np.array([[0.5, -1], [3, 0]])
    y = np.array([[1, 0], [0, 1.0]])
    p = 1 / (1 + np.exp(-x))
    expected = float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))
    assert doc["pytorch_bce"] == pytest.approx(expected, rel=1e-13)
    assert doc["keras_binary"] == pytest.approx(expected, rel=1e-13)


def _no_literal(name):
    raise AssertionError(f"non-standard JSON literal {name}")


def test_extreme_logits_and_naive_softmax(tmp_path):
    code, out = _export(tmp_path, "logits=1000,-1000;-1000,1000", "targets=1,1",
                        "reduction=none")
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["pytorch"] == [2000.0, 0.0]
    code, out = _export(tmp_path, "logits=1000,-1000;-1000,1000", "targets=1,1",
                        "subtract_max=false", name="naive.json")
    assert code == 0
    # Strict JSON: NaN (softmax = inf/inf) is null, the infinite hand-written loss is "inf".
    doc = json.loads(out.read_text(), parse_constant=_no_literal)
    assert doc["softmax"][0][0] is None and doc["manual"] == "inf"
    assert doc["steps"]["exp"][0][0] == "inf" and doc["log_softmax"][0][0] == "-inf"
    assert doc["pytorch"] == pytest.approx(1000.0)


def test_csv(tmp_path):
    code, out = _export(tmp_path, "targets=0,-100", name="rows.csv")
    assert code == 0
    with open(out, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["row", "target", "nll", "row_weight", "row_loss", "p_0", "p_1", "p_2"]
    assert rows[2][1] == "-100.0" and rows[2][2] == "nan"
    assert math.isclose(float(rows[1][2]), 0.41703001627783354, rel_tol=1e-14)


@pytest.mark.parametrize(("settings", "message"), [
    (("logits=2,1;0.5",), "logits: rows have different lengths"),
    (("targets=0,3",), "targets: row 1 has target 3; allowed: a class index from 0 to 2, "
                       "or ignore_index (-100)"),
    (("targets=0,1,2",), "targets: 3 values for 2 rows"),
    (("weight=1,2",), "weight: 2 values for 3 classes"),
    (("from_logits=false", "logits=0.5,-0.5;0.2,0.8"), "logits: row 0 has a negative probability"),
    (("reduction=avg",), "reduction: 'avg' is not allowed; allowed: one of none, mean, sum"),
    (("logits=1,x",), "logits: 'x' is not a number"),
    (("mode=binary", "binary_targets=1,0",), "binary_targets: shape 1×2 but logits are 2×3"),
])
def test_bad_tables_exit_2(tmp_path, capsys, settings, message):
    code, out = _export(tmp_path, *settings)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_params_lists_every_name(capsys):
    assert main(["params", "cross_entropy"]) == 0
    text = capsys.readouterr().out
    for name in ("logits", "targets", "binary_targets", "weight", "reduction", "label_smoothing",
                 "ignore_index", "from_logits", "subtract_max", "mode"):
        assert f"\n{name}  (" in "\n" + text
