"""The command line for the Loss Curves panel: params, CSV, JSON, PNG and SVG.

Most cases call ``main([...])`` in-process (fast); the "no display" and entry-point cases run
real subprocesses with no DISPLAY at all.
"""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from losslab.cli import main
from losslab.maths.losses import LOSSES
from losslab.panels.losses import model as model


def run(*args: str) -> int:
    return main(list(args))


def read_csv(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], np.array(rows[1:], dtype=float)


def test_params_lists_every_name_with_range_and_default(capsys):
    assert run("params", "losses") == 0
    out = capsys.readouterr().out
    for name, spec in model.LossCurvesState.specs.items():
        # The stored selection holds both families; --set accepts only the default mode's.
        default = (",".join(model.visible_keys(model.LossCurvesState())) if name == "losses"
                   else spec.default_text())
        assert f"{name}  ({spec.kind.value})  default: {default}\n" in out
        assert spec.allowed() in out


def test_csv_default_columns_and_values(tmp_path):
    out = tmp_path / "l.csv"
    assert run("export", "losses", str(out)) == 0
    header, body = read_csv(out)
    assert header == ["x", *model.visible_keys(model.LossCurvesState())]
    x = body[:, 0]
    assert x[0] == -3 and x[-1] == 3 and len(x) == model.SAMPLES
    for i, key in enumerate(header[1:], start=1):
        np.testing.assert_allclose(body[:, i], LOSSES[key].fn(x), rtol=1e-15)


def test_csv_with_every_option(tmp_path):
    out = tmp_path / "r.csv"
    assert run("export", "losses", str(out), "--set", "mode=residual",
               "--set", "losses=huber,quantile,epsilon_insensitive", "--set", "huber_delta=0.5",
               "--set", "quantile_tau=0.9", "--set", "epsilon=0.25", "--set", "x_min=-2",
               "--set", "x_max=4", "--set", "derivatives=true", "--set", "probe=1") == 0
    header, body = read_csv(out)
    assert header == ["x", "huber", "quantile", "epsilon_insensitive",
                      "d_huber", "d_quantile", "d_epsilon_insensitive"]
    x = body[:, 0]
    assert (x[0], x[-1]) == (-2, 4)
    np.testing.assert_allclose(body[:, 1], LOSSES["huber"].fn(x, delta=0.5))
    np.testing.assert_allclose(body[:, 2], LOSSES["quantile"].fn(x, tau=0.9))
    np.testing.assert_allclose(body[:, 3], LOSSES["epsilon_insensitive"].fn(x, epsilon=0.25))
    np.testing.assert_allclose(body[:, 4], np.clip(x, -0.5, 0.5))


def test_logistic_base_two(tmp_path):
    out = tmp_path / "b.csv"
    assert run("export", "losses", str(out), "--set", "losses=logistic,zero_one",
               "--set", "logistic_base=2") == 0
    header, body = read_csv(out)
    x, zero_one, logistic = body[:, 0], body[:, 1], body[:, 2]
    assert header == ["x", "zero_one", "logistic"]
    assert np.all(logistic >= zero_one)
    assert logistic[np.argmin(np.abs(x))] == pytest.approx(1.0)


def test_json_document(tmp_path):
    out = tmp_path / "l.json"
    assert run("export", "losses", str(out), "--set", "probe=-1") == 0
    doc = json.loads(out.read_text())
    assert doc["panel"] == "losses"
    assert doc["params"]["probe"] == -1
    assert doc["probe"]["hinge"] == {"value": 2.0, "derivative": -1.0}
    assert len(doc["columns"]["x"]) == model.SAMPLES


def test_png_and_svg_headless(tmp_path):
    from PySide6.QtGui import QImage

    png = tmp_path / "fig.png"
    assert run("export", "losses", str(png), "--width", "1200") == 0
    assert QImage(str(png)).width() == 1200
    svg = tmp_path / "fig.svg"
    assert run("export", "losses", str(svg), "--set", "mode=residual") == 0
    assert "<svg" in svg.read_text()
