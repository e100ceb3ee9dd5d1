"""The Qt-free layer imports no Qt: every module of losslab.core, losslab.maths, losslab.io, the
panel registry and every panel's model.py (with the files of its folder it is split into) load in
a fresh interpreter without PySide6, shiboken6 or pyqtgraph appearing in sys.modules.

The check runs in a subprocess (this test process may well have Qt loaded already).  A control
run of the very same checker, after deliberately importing Qt, proves that the check can fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import losslab

FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph")

#: Imports every Qt-free module, then prints what it imported and which forbidden top-level
#: packages are loaded.  ``{pre}`` is code run first (the control).
CHECKER = """
import importlib, json, pkgutil, sys
{pre}
imported = []
for package in ("losslab.core", "losslab.maths", "losslab.io"):
    module = importlib.import_module(package)
    imported.append(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
import losslab.panels
imported.append("losslab.panels")
for entry in losslab.panels.PANELS:
    importlib.import_module("losslab.panels." + entry.key + ".model")
    imported.append("losslab.panels." + entry.key + ".model")
forbidden = {forbidden!r}
found = sorted(m for m in sys.modules if m.split(".")[0] in forbidden)
print(json.dumps({{"imported": imported, "found": found}}))
"""


def run_checker(pre: str = "") -> dict:
    code = CHECKER.format(pre=pre, forbidden=FORBIDDEN)
    # The package under test (this working tree's), not whichever copy pip installed.
    app_dir = str(Path(losslab.__file__).resolve().parents[1])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(filter(None, [app_dir, os.environ.get("PYTHONPATH")])))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_model_imports_no_qt() -> None:
    result = run_checker()
    imported = set(result["imported"])
    # the walk really covered the package (not vacuously empty)
    for name in ("core.params", "core.state", "core.panel", "maths.losses", "io.tables",
                 "panels", "panels.losses.model", "panels.neuron.model"):
        assert f"losslab.{name}" in imported
    assert len(imported) >= 20
    assert result["found"] == [], f"Qt imported by the model layer: {result['found']}"


@pytest.mark.parametrize(("pre", "expect"), [
    ("import shiboken6", "shiboken6"),
    ("import PySide6.QtCore", "PySide6.QtCore"),
    ("import pyqtgraph", "pyqtgraph"),
])
def test_checker_detects_a_qt_import(pre: str, expect: str) -> None:
    """Control: the same checker reports Qt when something did import it."""
    result = run_checker(pre)
    assert expect in result["found"]
    assert len(result["imported"]) >= 20
