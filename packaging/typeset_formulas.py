"""Typeset the app's own formulas once, with ziamath, into resources/formulas/typeset.json.

    python packaging/typeset_formulas.py          write the table
    python packaging/typeset_formulas.py --check  exit 1 if the table is missing a formula or
                                                  differs from what ziamath writes now

The app then shows these formulas without importing ziamath or loading its maths font (about
0.4 s and 16 MiB at start; see :mod:`losslab.qt.formula`).  Each SVG is written in the
placeholder colour :data:`losslab.qt.formula.SHIPPED_COLOUR`, which the app replaces with the
text colour of the theme.  Formulas typeset at run time from other sources (lessons, user
input) still go through ziamath.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def app_formulas() -> list[tuple[str, float]]:
    """(LaTeX, size in points) of every formula the app's panels typeset."""
    from losslab.panels.losses.formulas import LATEX
    from losslab.panels.neuron.view import COST_LATEX, GRADIENT_LATEX
    from losslab.qt.formula import DEFAULT_SIZE

    latex = list(LATEX.values())
    latex += [pair[0] for pair in (*COST_LATEX.values(), *GRADIENT_LATEX.values())]
    return sorted({(text, DEFAULT_SIZE) for text in latex})


def table() -> dict[str, object]:
    import ziamath

    from losslab.qt import formula

    formulas = {}
    for latex, size in app_formulas():
        data = formula.typeset(latex, size, formula.SHIPPED_COLOUR)
        if data is None:
            raise SystemExit(f"ziamath cannot typeset {latex!r}")
        formulas[formula.shipped_key(latex, size)] = data.decode("utf-8")
    return {"ziamath": ziamath.__version__, "colour": formula.SHIPPED_COLOUR,
            "formulas": formulas}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    from losslab.qt.formula import SHIPPED_FILE

    path = ROOT / "resources" / Path(*SHIPPED_FILE)
    text = json.dumps(table(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is out of date: run python packaging/typeset_formulas.py")
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
