"""The installed package ships its resources and entry points."""

from __future__ import annotations

import subprocess
import sys
import zipfile


def test_icon_is_found_through_importlib_resources():
    from losslab.datafiles import read_bytes

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

    root = pathlib.Path(__file__).resolve().parents[2]
    # With build isolation, pip installs the build backend named in pyproject.toml itself, so
    # the test needs nothing that happens to be installed on the machine.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(root)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("losslab-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "losslab/resources/icons/losslab.svg" in names
    assert "losslab/resources/i18n/losslab_zh_CN.qm" in names
    assert "losslab/maths/losses.py" in names and "losslab/panels/losses/view.py" in names
    entry_points = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "losslab = losslab.cli:main" in entry_points


def test_installed_wheel_finds_its_resources(tmp_path):
    """Install the wheel into a scratch folder and read a resource through the package."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path / "w"), str(root)], check=True, capture_output=True, timeout=600)
    wheel = next((tmp_path / "w").glob("losslab-*.whl"))
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    code = ("import losslab.datafiles as d; r = d.root(); "
            "print(r); assert 'site' in str(r), r; "
            "assert d.read_bytes('icons', 'losslab.svg').startswith(b'<?xml')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
                            timeout=120)
    assert result.returncode == 0, result.stderr
