"""Data files shipped inside the package (icons, help, translations), found with
``importlib.resources`` so they work from a wheel, an editable install or a frozen bundle."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A shipped file, e.g. ``resource("icons", "losslab.svg")``."""
    node = resources.files(__name__)
    for part in parts:
        node = node / part
    return node


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()
