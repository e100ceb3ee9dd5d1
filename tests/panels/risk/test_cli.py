"""The command line for the Risk lab panel."""

from __future__ import annotations

import csv
import json
from itertools import pairwise

import numpy as np
import pytest

from losslab.cli import main
from losslab.maths import risk as rk
from losslab.panels.risk import model as model


def run(*args: str) -> int:
    return main(list(args))


def test_params_lists_every_name(capsys):
    assert run("params", "risk") == 0
    out = capsys.readouterr().out
    for name, spec in model.RiskState.specs.items():
        assert f"{name}  ({spec.kind.value})  default: {spec.default_text()}" in out


def test_json_reference_line_model(tmp_path):
    out = tmp_path / "r.json"
    assert run("export", "risk", str(out), "--set", "target=line", "--set", "noise=gaussian",
               "--set", "sigma=0.5", "--set", "loss=squared", "--set", "coefficients=0,1",
               "--set", "n=50", "--set", "seed=3") == 0
    doc = json.loads(out.read_text())
    assert doc["panel"] == "risk"
    assert doc["distribution"] == {"target": "line", "noise": "gaussian", "sigma": 0.5}
    assert doc["model"] == "own" and doc["coefficients"] == [0.0, 1.0]
    assert doc["expected_risk"] == pytest.approx(7 / 12, rel=1e-12)
    x, y = np.array(doc["sample"]["x"]), np.array(doc["sample"]["y"])
    assert len(x) == 50 and np.all(np.abs(x) <= 1)
    assert doc["train_risk"] == pytest.approx(np.mean((y - x) ** 2), rel=1e-13)
    assert doc["objective"] == pytest.approx(doc["train_risk"])
    sweep = doc["degree_sweep"]
    assert [row["degree"] for row in sweep] == list(range(16))
    train = [row["train_risk"] for row in sweep]
    assert all(b <= a + 1e-12 for a, b in pairwise(train))
    assert [row["n"] for row in doc["spread"]] == list(rk.SPREAD_GRID)


def test_json_sine_zero_model_laplace_absolute(tmp_path):
    out = tmp_path / "s.json"
    assert run("export", "risk", str(out), "--set", "target=sine", "--set", "noise=laplace",
               "--set", "sigma=0.5", "--set", "loss=absolute", "--set", "coefficients=0") == 0
    doc = json.loads(out.read_text())
    assert doc["distribution"]["laplace_scale"] == pytest.approx(0.5 / np.sqrt(2))
    dist = rk.Distribution("sine", "laplace", 0.5)
    assert doc["expected_risk"] == pytest.approx(rk.expected_risk(np.zeros(1), dist, "absolute"),
                                                 rel=1e-12)


def test_json_fitted_model_with_penalty(tmp_path):
    out = tmp_path / "f.json"
    assert run("export", "risk", str(out), "--set", "loss=huber", "--set", "huber_delta=0.5",
               "--set", "penalty=l1", "--set", "lam=0.01", "--set", "degree=4") == 0
    doc = json.loads(out.read_text())
    assert doc["model"] == "fitted" and len(doc["coefficients"]) == 5
    assert doc["fit"]["kkt_ok"] is True
    a = np.array(doc["coefficients"])
    assert doc["objective"] == pytest.approx(doc["train_risk"] + 0.01 * np.sum(np.abs(a[1:])),
                                             rel=1e-12)


def test_csv_is_the_degree_sweep(tmp_path):
    out = tmp_path / "r.csv"
    assert run("export", "risk", str(out)) == 0
    with open(out, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["degree", "train_risk", "expected_risk", "objective"]
    body = np.array(rows[1:], dtype=float)
    np.testing.assert_array_equal(body[:, 0], np.arange(16))
    s = model.sweep(model.RiskState())
    np.testing.assert_allclose(body[:, 2], s.expected_risk, rtol=1e-15)


@pytest.mark.parametrize("setting,fragment", [
    ("n=1", "n: 1 is out of range; allowed: a whole number from 2 to 10000"),
    ("degree=16", "degree: 16 is out of range"),
    ("loss=hinge", "loss: 'hinge' is not allowed; allowed: one of squared, absolute, huber"),
    ("coefficients=1,x", "coefficients: 'x' is not a number"),
    ("sigma=nan", "sigma"),
    ("nope=1", "unknown parameter for risk"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, setting, fragment):
    out = tmp_path / "bad.json"
    assert run("export", "risk", str(out), "--set", setting) == 2
    err = capsys.readouterr().err.strip()
    assert fragment in err and "\n" not in err and "allowed" in err
    assert not out.exists()


def test_png_renders(tmp_path):
    out = tmp_path / "r.png"
    assert run("export", "risk", str(out), "--width", "800") == 0
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() == 800 and image.height() > 300
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20
