"""``losslab export regression OUT``: the JSON/CSV of the pure model; bad tables exit 2."""

from __future__ import annotations

import csv
import json
import math

import pytest

from losslab.cli import main


def _export(tmp_path, *settings, name="out.json"):
    out = tmp_path / name
    args = ["export", "regression", str(out)]
    for s in settings:
        args += ["--set", s]
    return main(args), out


@pytest.mark.parametrize(("reduction", "torch_mse", "keras_mse"), [
    ("sum", 25.5, 8.5),
    ("mean", 4.25, 4.25),
])
def test_issue_example(tmp_path, reduction, torch_mse, keras_mse):
    code, out = _export(tmp_path, "predictions=0.5,1.5,3;2,-1,0", "targets=1,1,1;0,0,4",
                        f"reduction={reduction}")
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["pytorch"]["mse"] == torch_mse
    assert doc["keras"]["mean_squared_error"] == keras_mse
    assert doc["residuals"] == [[-0.5, 0.5, 2.0], [2.0, -1.0, -4.0]]
    assert doc["params"]["reduction"] == reduction


def test_reduction_none_shapes(tmp_path):
    code, out = _export(tmp_path, "reduction=none", "huber_delta=2.5", "beta=0.5")
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["pytorch"]["huber"] == [[0.125, 0.125, 2.0], [2.0, 0.5, 6.875]]
    assert doc["pytorch"]["smooth_l1"] == [[0.25, 0.25, 1.75], [1.75, 0.75, 3.75]]
    assert doc["keras"]["huber"] == pytest.approx([0.75, 3.125], rel=1e-15)
    assert len(doc["keras"]["log_cosh"]) == 2


def test_log_cosh_of_residuals_of_1000(tmp_path):
    code, out = _export(tmp_path, "predictions=1000,-1000", "targets=0,0", "reduction=none")
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["keras"]["log_cosh"] == [pytest.approx(1000 - math.log(2), rel=1e-15)]
    assert doc["keras"]["mean_squared_error"] == [1e6]


def test_csv_one_row_per_element(tmp_path):
    code, out = _export(tmp_path, name="rows.csv")
    assert code == 0
    with open(out, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["sample", "output", "prediction", "target", "residual", "squared",
                       "absolute", "huber", "smooth_l1", "log_cosh"]
    assert len(rows) == 7
    last = [float(v) for v in rows[6]]
    assert last[:9] == [1.0, 2.0, 0.0, 4.0, -4.0, 16.0, 4.0, 3.5, 3.5]
    assert math.isclose(last[9], 3.3071882258129506, rel_tol=1e-15)


@pytest.mark.parametrize(("settings", "message"), [
    (("targets=1,2;3,4",), "targets: shape 2×2 but predictions are 2×3; allowed: the same shape "
                           "as predictions"),
    (("predictions=1,2",), "targets: shape 2×3 but predictions are 1×2"),
    (("predictions=1,2;3",), "predictions: rows have different lengths"),
    (("reduction=avg",), "reduction: 'avg' is not allowed; allowed: one of none, mean, sum"),
    (("huber_delta=0",), "huber_delta: 0 is out of range; allowed: a number from 0.001 to 1000"),
    (("beta=-1",), "beta: -1 is out of range; allowed: a number from 0 to 1000"),
    (("targets=1,x,1;0,0,4",), "targets: 'x' is not a number"),
    (("predictions=1e7,0,0;0,0,0",), "predictions: 10000000 is out of range"),
])
def test_bad_input_exits_2(tmp_path, capsys, settings, message):
    code, out = _export(tmp_path, *settings)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_params_lists_every_name(capsys):
    assert main(["params", "regression"]) == 0
    text = capsys.readouterr().out
    for name in ("predictions", "targets", "reduction", "huber_delta", "beta"):
        assert f"\n{name}  (" in "\n" + text
