"""The command line for the Loss Curves panel, and the CLI's shared behaviour.

Most cases call ``main([...])`` in-process (fast); the "no display" and entry-point cases run
real subprocesses with no DISPLAY at all.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from losslab import __version__
from losslab.cli import main
from losslab.panels.losses import model as model
from losslab.maths.losses import LOSSES


def run(*args: str) -> int:
    return main(list(args))


def read_csv(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], np.array(rows[1:], dtype=float)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run("--version")
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"losslab {__version__}"


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


BAD = [
    (["export", "losses", "{out}", "--set", "ghost=1"], "unknown parameter", "allowed:"),
    (["export", "losses", "{out}", "--set", "huber_delta=abc"], "huber_delta", "allowed:"),
    (["export", "losses", "{out}", "--set", "huber_delta=nan"], "not a finite", "allowed:"),
    (["export", "losses", "{out}", "--set", "huber_delta=inf"], "not a finite", "allowed:"),
    (["export", "losses", "{out}", "--set", "huber_delta=99"], "out of range", "from 0.05 to 5"),
    (["export", "losses", "{out}", "--set", "mode=polar"], "mode", "margin, residual"),
    (["export", "losses", "{out}", "--set", "losses=hinge,nope"], "nope", "allowed:"),
    (["export", "losses", "{out}", "--set", "losses=huber"], "not available in mode=margin",
     "allowed:"),
    (["export", "losses", "{out}", "--set", "derivatives=maybe"], "derivatives",
     "true or false"),
    (["export", "losses", "{out}", "--set", "x_min=2", "--set", "x_max=1"], "x_min", "x_max"),
    (["export", "losses", "{out}", "--set", "huber_delta"], "NAME=VALUE", "huber_delta"),
    (["export", "losses", "{out}", "--width", "-5"], "width", "allowed: 16 to"),
    (["export", "losses", "{out}", "--width", "wide"], "width", "allowed: 16 to"),
    (["export", "nopanel", "{out}"], "nopanel", "losses"),
    (["export", "losses", "{dir}/missing/out.csv"], "does not exist", "missing"),
    (["export", "losses", "{dir}"], "is a folder", "cannot write"),
    (["export", "losses", "{dir}/out.bmp"], "unknown format", ".png"),
    (["export", "losses", "{dir}/out.csv", "--width", "100"], "--width", ".png"),
    (["params", "nopanel"], "nopanel", "losses"),
    (["--bogus"], "unrecognized", "--bogus"),
]


@pytest.mark.parametrize("argv,problem,allowed", BAD, ids=[" ".join(b[0][:4]) for b in BAD])
def test_bad_input_exits_2_with_one_clear_line_and_no_file(tmp_path, capsys, argv, problem,
                                                           allowed):
    out = tmp_path / "out.png"
    args = [a.format(out=out, dir=tmp_path) for a in argv]
    assert run(*args) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("losslab: error: ")
    assert problem in lines[0] and allowed in lines[0]
    assert "Traceback" not in captured.err
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_previous_file(tmp_path, capsys, monkeypatch):
    from losslab.io import atomic

    out = tmp_path / "keep.csv"
    out.write_text("old")
    monkeypatch.setattr(atomic.os, "replace",
                        lambda a, b: (_ for _ in ()).throw(OSError(30, "Read-only file system")))
    assert run("export", "losses", str(out)) == 2
    assert "Read-only file system" in capsys.readouterr().err
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.csv"]


def _no_display_env():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_png_export_in_a_process_with_no_display(tmp_path):
    out = tmp_path / "fig.png"
    result = subprocess.run([sys.executable, "-m", "losslab", "export", "losses", str(out)],
                            capture_output=True, text=True, env=_no_display_env(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_console_entry_point_reports_bad_input_with_status_2(tmp_path):
    import shutil

    exe = shutil.which("losslab")
    if exe is None:
        pytest.skip("the losslab entry point is not installed (pip install -e . installs it)")
    result = subprocess.run([exe, "export", "losses", str(tmp_path / "x.csv"),
                             "--set", "huber_delta=-1"],
                            capture_output=True, text=True, env=_no_display_env(), timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == ("losslab: error: huber_delta: -1 is out of range; "
                                     "allowed: a number from 0.05 to 5")
    assert list(tmp_path.iterdir()) == []
