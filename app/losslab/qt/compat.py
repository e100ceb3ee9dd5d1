"""Known-broken library combinations, checked at start-up."""

from __future__ import annotations

import sys


def pyside_problem(pyside_version: str | None = None,
                   python: tuple[int, int] | None = None) -> str:
    """A warning if PySide6 6.12.0 runs on CPython 3.11, else "".

    That combination decrements the reference count of ``None`` on every call of a Qt method
    returning nothing, and the interpreter aborts after a few thousand calls
    ("Fatal Python error: none_dealloc").  pyproject.toml excludes it; this catches installs
    that bypassed the pins.
    """
    if pyside_version is None:
        import PySide6

        pyside_version = PySide6.__version__
    python = python or (sys.version_info.major, sys.version_info.minor)
    if pyside_version.startswith("6.12.0") and python == (3, 11):
        return (f"PySide6 {pyside_version} on Python 3.11 is known to crash "
                "('Fatal Python error: none_dealloc'); install PySide6-Essentials<6.12 "
                "(pip install 'PySide6-Essentials<6.12') or use Python 3.12+.")
    return ""
