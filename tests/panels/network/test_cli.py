"""``losslab export network OUT``: CSV and JSON from the pure model, PNG through the panel."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from losslab.cli import main
from losslab.maths import network as net


def _read_csv(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], np.array(rows[1:], dtype=float)


def test_csv_with_defaults(tmp_path, capsys):
    out = tmp_path / "run.csv"
    assert main(["export", "network", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    header, data = _read_csv(out)
    assert header == ["iteration", "loss", "pred_0", "pred_1", "pred_2", "pred_3"]
    assert data.shape == (1501, 6)
    # Whole-number iterations, written as such.
    assert out.read_text().splitlines()[2].startswith("1,")
    np.testing.assert_array_equal(data[:, 0], np.arange(1501))
    run = net.train(seed=0)
    np.testing.assert_allclose(data[:, 1], run.loss, rtol=1e-15)
    np.testing.assert_allclose(data[-1, 2:], run.final_predictions, rtol=1e-15)
    assert (np.diff(data[:, 1]) < 0).all()
    np.testing.assert_allclose(data[-1, 2:], [0, 1, 1, 0], atol=0.05)


def test_json_with_settings(tmp_path):
    out = tmp_path / "run.json"
    args = ["export", "network", str(out), "--set", "loss=cross_entropy", "--set", "hidden=6",
            "--set", "seed=11", "--set", "iterations=800", "--set", "learning_rate=0.5"]
    assert main(args) == 0
    doc = json.loads(out.read_text())
    run = net.train("cross_entropy", hidden=6, seed=11, iterations=800, learning_rate=0.5)
    assert doc["targets"] == [0.0, 1.0, 1.0, 0.0]
    np.testing.assert_allclose(doc["predictions"], run.final_predictions, rtol=1e-15)
    assert doc["final_loss"] == pytest.approx(run.final_loss, rel=1e-15)
    assert doc["params"] == {"speed": 300.0, "hidden": 6, "loss": "cross_entropy",
                             "learning_rate": 0.5, "iterations": 800, "seed": 11}


@pytest.mark.parametrize(("setting", "message"), [
    ("loss=mae", "loss: 'mae' is not allowed; allowed: one of sse, cross_entropy"),
    ("hidden=0", "hidden: 0 is out of range; allowed: a whole number from 1 to 16"),
    ("iterations=1.5", "not a whole number"),
    ("frame=3", "unknown parameter for network"),
])
def test_bad_settings_exit_2_and_write_nothing(tmp_path, capsys, setting, message):
    out = tmp_path / "run.csv"
    assert main(["export", "network", str(out), "--set", setting]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_params_lists_every_setting(capsys):
    assert main(["params", "network"]) == 0
    text = capsys.readouterr().out
    for name in ("hidden", "loss", "learning_rate", "iterations", "seed", "speed"):
        assert f"{name}  (" in text


def test_png_through_the_panel_offscreen(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "net.png"
    assert main(["export", "network", str(out), "--set", "loss=cross_entropy",
                 "--width", "800"]) == 0
    image = QImage(str(out))
    assert image.width() == 800 and image.height() > 300
    colours = {image.pixelColor(x, y).name() for x in range(0, 800, 9)
               for y in range(0, image.height(), 9)}
    assert len(colours) > 20  # a drawn figure, not a blank canvas
