"""``losslab export fit OUT``: JSON, CSV, PNG and SVG; bad requests exit 2 with one line."""

from __future__ import annotations

import csv
import json

import pytest

from losslab.cli import main, params_text


def _export(tmp_path, *settings, name="out.json"):
    out = tmp_path / name
    args = ["export", "fit", str(out)]
    for s in settings:
        args += ["--set", s]
    return main(args), out


def test_reference_fits(tmp_path):
    code, out = _export(tmp_path, "points=0,0;1,1;2,2;3,3;4,20",
                        "losses=squared,absolute,huber", "huber_delta=1")
    assert code == 0
    fits = json.loads(out.read_text())["fits"]
    assert fits["squared"]["w"] == [pytest.approx(4.2, rel=1e-12)]
    assert fits["squared"]["b"] == pytest.approx(-3.2, rel=1e-12)
    assert fits["squared"]["objective"] == pytest.approx(20.48, rel=1e-12)
    assert fits["absolute"]["objective"] == pytest.approx(3.2, rel=1e-12)
    assert fits["huber"]["w"] == [pytest.approx(1.5, rel=1e-12)]
    assert fits["huber"]["objective"] == pytest.approx(2.95, rel=1e-12)
    for f in fits.values():
        assert f["status"] == "optimal" and f["structural_risk"] == 0.0
        assert f["empirical_risk"] == f["objective"]
    code, out = _export(tmp_path, "losses=squared", "penalty=l2", "lam=1", name="ridge.json")
    ridge = json.loads(out.read_text())["fits"]["squared"]
    assert ridge["w"] == [pytest.approx(2.8, rel=1e-12)] and ridge["b"] == pytest.approx(-0.4)
    assert ridge["objective"] == pytest.approx(32.24, rel=1e-12)
    assert ridge["structural_risk"] == pytest.approx(7.84, rel=1e-12)


def test_classification_reference_and_svm_reading(tmp_path):
    code, out = _export(tmp_path, "task=classification",
                        "points=1,2,1;2,3,1;3,3,1;2,1,-1;3,1,-1;4,2,-1;0.5,0.5,-1",
                        "losses=hinge,logistic,exponential", "penalty=l2", "lam=0.1")
    assert code == 0
    doc = json.loads(out.read_text())
    fits = doc["fits"]
    assert fits["hinge"]["w"] == [pytest.approx(-0.6), pytest.approx(1.4)]
    assert fits["hinge"]["objective"] == pytest.approx(0.260571, abs=5e-7)
    assert fits["logistic"]["objective"] == pytest.approx(0.473789, abs=5e-7)
    assert fits["exponential"]["objective"] == pytest.approx(0.539463, abs=5e-7)
    assert doc["svm_C"] == pytest.approx(1 / (2 * 7 * 0.1))


def test_separable_without_penalty_says_why(tmp_path):
    code, out = _export(tmp_path, "task=classification",
                        "points=1,2,1;2,3,1;3,3,1;2,1,-1;3,1,-1;4,2,-1;0.5,0.5,-1",
                        "losses=logistic,perceptron,hinge")
    fits = json.loads(out.read_text())["fits"]
    assert fits["logistic"]["status"] == "no_finite_minimiser"
    assert fits["logistic"]["attained"] is False and fits["logistic"]["objective"] == 0.0
    assert "keeps falling" in fits["logistic"]["status_text"]
    assert fits["perceptron"]["status"] == "trivial" and fits["perceptron"]["w"] == [0.0, 0.0]
    assert fits["hinge"]["status"] == "not_unique"


def test_csv_one_row_per_point(tmp_path):
    code, out = _export(tmp_path, "losses=squared,absolute", name="rows.csv")
    assert code == 0
    with open(out, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["x", "y", "squared_residual", "squared_loss", "squared_pull",
                       "absolute_residual", "absolute_loss", "absolute_pull"]
    assert len(rows) == 6
    outlier = dict(zip(rows[0], map(float, rows[5]), strict=True))
    assert outlier["squared_residual"] == pytest.approx(6.4)
    assert outlier["squared_loss"] == pytest.approx(40.96)
    assert outlier["squared_pull"] == pytest.approx(-12.8)
    assert outlier["absolute_pull"] == -1.0


@pytest.mark.parametrize("name", ["f.png", "f.svg"])
def test_images(tmp_path, name):
    code, out = _export(tmp_path, "task=classification", "penalty=l2", "lam=0.05", name=name)
    assert code == 0
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") if name.endswith(".png") else b"<svg" in data[:2000]


@pytest.mark.parametrize(("settings", "message"), [
    (("losses=squared", "task=classification"), "losses: squared not available"),
    (("points=1,2,3",), "points: rows of 3 numbers for task=regression"),
    (("task=classification", "points=1,2,0.5"), "label"),
    (("lam=-1",), "lam: -1 is out of range"),
    (("penalty=l3",), "penalty: 'l3' is not allowed"),
    (("points=1,x",), "not a number"),
])
def test_bad_requests_exit_2_with_one_line(tmp_path, capsys, settings, message):
    code, out = _export(tmp_path, *settings)
    assert code == 2 and not out.exists()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "allowed" in err


def test_params_lists_every_name():
    text = params_text("fit")
    for name in ("task", "losses", "penalty", "lam", "points", "huber_delta", "quantile_tau",
                 "epsilon"):
        assert f"\n{name}  (" in "\n" + text
