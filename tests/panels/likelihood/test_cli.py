"""``losslab export likelihood OUT``: JSON/CSV from the pure model, bad input exits 2."""

from __future__ import annotations

import csv
import json
import math

import pytest
from scipy import stats

from losslab.cli import main, params_text


def _export(tmp_path, *settings, name="out.json"):
    out = tmp_path / name
    args = ["export", "likelihood", str(out)]
    for s in settings:
        args += ["--set", s]
    return main(args), out


def test_reference_gaussian(tmp_path):
    code, out = _export(tmp_path)
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["panel"] == "likelihood" and doc["noise"] == "gaussian"
    assert doc["nll"] == pytest.approx(132.594693, abs=5e-7)
    assert doc["nll"] == pytest.approx(doc["factor"] * doc["loss_sum"] + doc["constant"],
                                       rel=1e-14)
    assert doc["mle"]["w"] == pytest.approx(4.2) and doc["mle"]["b"] == pytest.approx(-3.2)
    assert doc["mle"]["sigma"] == pytest.approx(math.sqrt(20.48))
    assert set(doc["grid"]) == {"w", "nll", "loss_sum", "scaled_loss"}
    assert len(doc["per_point"]) == 5


def test_laplace_with_settings(tmp_path):
    code, out = _export(tmp_path, "noise=laplace", "scale=2", "w=0.5", "b=1",
                        "points=0,1;1,3;2,-4")
    assert code == 0
    doc = json.loads(out.read_text())
    want = -stats.laplace.logpdf([1, 3, -4], loc=[1, 1.5, 2], scale=2).sum()
    assert doc["nll"] == pytest.approx(want, rel=1e-13)
    assert doc["loss_sum"] == 0 + 1.5 + 6
    assert doc["factor"] == 0.5 and doc["constant"] == pytest.approx(3 * math.log(4))


def test_bernoulli_separable_status(tmp_path):
    code, out = _export(tmp_path, "noise=bernoulli", "points=0,0;1,0;2,1")
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["mle"]["status"] == "separable" and doc["mle"]["w"] is None
    assert doc["loss_name"] == "logistic"


def test_csv_rows(tmp_path):
    code, out = _export(tmp_path, name="points.csv")
    assert code == 0
    with open(out, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["x", "y", "residual", "likelihood", "log_likelihood"]
    assert len(rows) == 6
    assert float(rows[5][2]) == 16.0
    assert float(rows[5][4]) == pytest.approx(stats.norm.logpdf(20, 4), rel=1e-14)


@pytest.mark.parametrize(("settings", "message"), [
    (["noise=poisson"], "noise: 'poisson' is not allowed; allowed: one of gaussian, laplace, "
                        "bernoulli"),
    (["scale=0"], "scale: 0 is out of range; allowed: a number from 0.01 to 100"),
    (["points=1,2,3"], "points: a row has 3 values"),
    (["noise=bernoulli", "points=0,1;1,2"], "points: row 1 has label 2; allowed: labels 0 or 1"),
    (["w=abc"], "w: 'abc' is not a number"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, settings, message):
    code, out = _export(tmp_path, *settings)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "allowed" in err
    assert err.count("\n") == 1
    assert not out.exists()


def test_params_lists_every_name():
    text = params_text("likelihood")
    for name in ("noise", "scale", "w", "b", "points"):
        assert f"\n{name}  (" in "\n" + text
