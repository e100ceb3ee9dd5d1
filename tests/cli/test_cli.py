"""The command line's shared behaviour: version, one-line errors with status 2, atomic writes,
no display needed, the installed entry point.

Most cases call ``main([...])`` in-process (fast); the "no display" and entry-point cases run
real subprocesses with no DISPLAY at all.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from losslab import __version__
from losslab.cli import main
from losslab.panels.losses import model as model


def run(*args: str) -> int:
    return main(list(args))


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run("--version")
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"losslab {__version__}"


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
