"""``losslab export neuron OUT``: the reference runs as CSV/JSON, bad requests, PNG and GIF."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from losslab.cli import main

FIELDS = ("w", "b", "z", "a", "cost", "dw", "db")
HEADER = ["epoch"] + [f"{k}_{f}" for k in ("quadratic", "cross_entropy") for f in FIELDS]


def _read_csv(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], np.array(rows[1:], dtype=float)


def _export(tmp_path, name, *settings):
    out = tmp_path / name
    args = ["export", "neuron", str(out)]
    for s in settings:
        args += ["--set", s]
    return main(args), out


def test_issue_command_gives_the_reference_numbers(tmp_path):
    out = tmp_path / "run.csv"
    done = subprocess.run(
        [sys.executable, "-m", "losslab", "export", "neuron", str(out),
         "--set", "w0=2", "--set", "b0=2"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    header, data = _read_csv(out)
    assert header == HEADER
    assert data.shape == (301, 15)
    np.testing.assert_array_equal(data[:, 0], np.arange(301))
    a_q = data[:, header.index("quadratic_a")]
    a_ce = data[:, header.index("cross_entropy_a")]
    assert round(a_q[0], 4) == round(a_ce[0], 4) == 0.9820
    assert round(a_q[300], 4) == 0.2028
    assert round(a_ce[300], 4) == 0.0120
    # Whole-number epochs, written as such.
    assert out.read_text().splitlines()[2].startswith("1,")


def test_the_082_start_and_every_column(tmp_path):
    code, out = _export(tmp_path, "run.csv", "w0=0.6", "b0=0.9")
    assert code == 0
    header, data = _read_csv(out)
    col = {name: data[:, i] for i, name in enumerate(header)}
    assert round(col["quadratic_a"][0], 4) == 0.8176
    assert round(col["quadratic_a"][300], 4) == 0.0940  # content.md says 0.0943, see model tests
    assert round(col["cross_entropy_a"][300], 4) == 0.0116
    for kind in ("quadratic", "cross_entropy"):
        np.testing.assert_allclose(col[f"{kind}_z"], col[f"{kind}_w"] + col[f"{kind}_b"])
        np.testing.assert_allclose(col[f"{kind}_w"][1:],
                                   col[f"{kind}_w"][:-1] - 0.15 * col[f"{kind}_dw"][:-1])
    # The σ′ cancellation, visible in the exported numbers (x = 1, y = 0).
    np.testing.assert_array_equal(col["cross_entropy_dw"], col["cross_entropy_a"])


def test_json_with_the_book_rate(tmp_path):
    code, out = _export(tmp_path, "run.json", "same_eta=false", "eta_cross_entropy=0.005",
                        "epochs=300")
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["panel"] == "neuron"
    assert doc["params"]["eta_cross_entropy"] == 0.005
    assert doc["runs"]["cross_entropy"]["final_output"] == pytest.approx(0.78, abs=0.005)
    assert doc["runs"]["quadratic"]["eta"] == 0.15


def test_divergence_in_the_csv_and_json(tmp_path):
    code, out = _export(tmp_path, "run.json", "eta=1e6")
    assert code == 0
    doc = json.loads(out.read_text())
    for kind in ("quadratic", "cross_entropy"):
        assert doc["runs"][kind]["diverged_at"] == 1
        assert "too large" in doc["runs"][kind]["message"]
        assert doc["columns"][f"{kind}_a"][1] is None  # JSON has no NaN
    code, out = _export(tmp_path, "run.csv", "eta=1e6")
    assert code == 0
    _header, data = _read_csv(out)
    assert np.all(np.isfinite(data[0])) and np.all(np.isnan(data[1:, 1:]))


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("eta=0", "eta"),
        ("eta_cross_entropy=0.005", "same_eta=false"),
        ("epochs=2.5", "whole number"),
        ("y=1.5", "from 0 to 1"),
        ("frame=3", "unknown parameter"),
        ("bogus=1", "unknown parameter"),
    ],
)
def test_bad_settings_exit_2_with_a_reason(tmp_path, capsys, setting, message):
    code, out = _export(tmp_path, "run.csv", setting)
    assert code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_png_and_gif(tmp_path, qapp):
    code, png = _export(tmp_path, "run.png", "w0=0.6", "b0=0.9")
    assert code == 0
    with Image.open(png) as image:
        assert image.size[0] > 500
    code, gif = _export(tmp_path, "run.gif", "epochs=40")
    assert code == 0
    with Image.open(gif) as film:
        assert film.is_animated and film.n_frames == 41
