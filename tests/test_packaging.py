"""The installed package ships its resources and entry points."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest


def test_icon_is_found_through_importlib_resources():
    from losslab.resources import read_bytes

    data = read_bytes("icons", "losslab.svg")
    assert data.startswith(b"<?xml") and b"<svg" in data


def test_app_icon_loads_as_an_image(qtbot):
    from losslab.qt.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert icon.pixmap(64, 64).width() == 64


def test_wheel_contains_resources(tmp_path):
    """Build a wheel and check the icon is inside it (what a non-editable install gets)."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(root)],
        capture_output=True, text=True, timeout=300)
    if result.returncode != 0 and "No module named" in result.stderr:
        pytest.skip(f"cannot build a wheel here: {result.stderr.strip()[-200:]}")
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("losslab-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "losslab/resources/icons/losslab.svg" in names
    assert "losslab/model/losses.py" in names
    entry_points = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "losslab = losslab.cli:main" in entry_points
