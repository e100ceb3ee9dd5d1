"""The app's own formulas ship typeset: the same SVG as ziamath writes, shown without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from losslab import datafiles
from losslab.qt import formula

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import typeset_formulas  # noqa: E402


def test_every_formula_of_the_app_ships_as_ziamath_writes_it() -> None:
    pytest.importorskip("ziamath")
    shipped = json.loads(datafiles.read_bytes(*formula.SHIPPED_FILE))["formulas"]
    wanted = typeset_formulas.app_formulas()
    assert wanted, "no formulas found"
    for latex, size in wanted:
        key = formula.shipped_key(latex, size)
        assert key in shipped, latex
        # In another colour too: the placeholder stands for the text colour.
        ours = formula.svg(latex, size, "#336699")
        theirs = formula.typeset(latex, size, "#336699")
        assert ours == theirs, latex
        assert formula.ready(latex, size)


def test_a_shipped_formula_is_shown_without_importing_ziamath() -> None:
    code = ("import sys; from losslab.qt import formula; "
            "from losslab.panels.losses.formulas import LATEX; "
            "assert formula.svg(LATEX['huber'], formula.DEFAULT_SIZE, '#000000'); "
            "assert not formula.ready(r'\\frac{1}{\\sqrt{7}} + z_{unshipped}'); "
            "print('ziamath' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "app"), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout.strip()
    assert out == "False"
