"""LossLab's data files (icons, translations, lessons, help), found the same way everywhere.

The files live in the repository's top-level ``resources/`` folder.  The wheel ships them inside
the package as ``losslab/resources/`` (hatchling's ``force-include``), where
``importlib.resources`` finds them — also in a frozen bundle, which lays them out the same way.
In a source checkout or an editable install the package has no such folder, and the files are read
from ``resources/`` beside ``app/`` instead.  Callers never build paths themselves.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def root() -> Traversable:
    """The folder that holds the data files (inside the package when installed from a wheel)."""
    packaged = resources.files("losslab") / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Traversable:
    """A shipped file, e.g. ``resource("icons", "losslab.svg")``."""
    node = root()
    for part in parts:
        node = node / part
    return node


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()
