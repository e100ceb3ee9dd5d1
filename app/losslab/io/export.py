"""What can be exported and how big: one dispatch by file suffix for the CLI and the GUI.

Qt-free.  Data formats (``.csv``, ``.json``) are written here from the panel's pure model;
figure formats (``.png``, ``.svg``) and animations (``.gif``) are drawn by
:func:`losslab.qt.export.export_panel`, which calls :func:`write_data` for the data formats,
so the command line and the window go through the same code and write the same bytes.

Sizes are in logical pixels (the units the figure is laid out in: a 12 px label stays 12 px);
a PNG can be drawn at ``scale`` times that many pixels, lines and text included.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from losslab.io import MAX_IMAGE_SIDE
from losslab.io.atomic import atomic_write_text

DATA_SUFFIXES = (".csv", ".json")
FIGURE_SUFFIXES = (".png", ".svg")
ANIMATION_SUFFIXES = (".gif",)
#: Smallest and largest side of an exported figure, in logical pixels.
MIN_SIDE = 16
MAX_SIDE = MAX_IMAGE_SIDE
#: Largest PNG scale (a 2× PNG of a 1920 px figure is 3840 px wide).
MAX_SCALE = 8.0
#: Height / width when only a width is given: 16:10, landscape like most screens and slides.
DEFAULT_ASPECT = 10 / 16
#: Figure size of a panel drawn without a window (CLI), in logical pixels.
DEFAULT_SIZE = (960, 600)

#: Size presets of the export dialog: key → (English label, size); "screen" = as shown now.
PRESETS: dict[str, tuple[str, tuple[int, int] | None]] = {
    "slide": ("16:9 slide (1920 × 1080)", (1920, 1080)),
    "4:3": ("4:3 (1600 × 1200)", (1600, 1200)),
    "square": ("Square (1200 × 1200)", (1200, 1200)),
    "screen": ("On-screen size", None),
}

#: The preset labels, for the catalogues (the export dialog translates them in "menu").
TRANSLATABLE: tuple[tuple[str, str], ...] = tuple(("menu", label) for label, _ in PRESETS.values())


class ExportRequestError(ValueError):
    """An export that cannot be done as asked; the message is one line saying what is allowed."""


@dataclass(frozen=True)
class FigureOptions:
    """How to draw a figure export.

    ``size`` is (width, height) in logical pixels, or None for the figure as laid out now (on
    screen, or :data:`DEFAULT_SIZE` without a window).  ``scale`` multiplies the pixels of a
    PNG (None: the screen's device pixel ratio for an on-screen size, else 1).  ``theme`` names
    a theme of :mod:`losslab.qt.theme` (None: the current one).
    """

    size: tuple[int, int] | None = None
    scale: float | None = None
    theme: str | None = None


def check_side(value: int, name: str = "width") -> int:
    """``value`` if it is an allowed figure side, else ExportRequestError."""
    if isinstance(value, bool) or not isinstance(value, int) \
            or not MIN_SIDE <= value <= MAX_SIDE:
        raise ExportRequestError(
            f"{name} {value!r} is out of range; allowed: {MIN_SIDE} to {MAX_SIDE}")
    return value


def figure_size(width: int | None, height: int | None) -> tuple[int, int] | None:
    """The (width, height) asked for: a missing height keeps :data:`DEFAULT_ASPECT`, a missing
    width likewise; neither means "as laid out now" (None)."""
    if width is None and height is None:
        return None
    if height is None:
        assert width is not None
        check_side(width)
        return width, max(MIN_SIDE, round(width * DEFAULT_ASPECT))
    if width is None:
        check_side(height, "height")
        return min(MAX_SIDE, max(MIN_SIDE, round(height / DEFAULT_ASPECT))), height
    return check_side(width), check_side(height, "height")


def check_scale(scale: float) -> float:
    if not (scale == scale and 0.1 <= scale <= MAX_SCALE):  # scale == scale: not NaN
        raise ExportRequestError(f"scale {scale!r} is out of range; allowed: 0.1 to {MAX_SCALE:g}")
    return float(scale)


def check_pixels(size: tuple[int, int], scale: float) -> None:
    """Refuse a PNG bigger than :data:`MAX_IMAGE_SIDE` pixels on a side."""
    if max(size) * scale > MAX_IMAGE_SIDE + 0.5:
        raise ExportRequestError(
            f"{size[0]} × {size[1]} at scale {scale:g} is too big; allowed: at most "
            f"{MAX_IMAGE_SIDE} pixels on each side")


def suffix_of(path: str | os.PathLike[str]) -> str:
    return Path(path).suffix.lower()


def allowed_suffixes(animated: bool) -> tuple[str, ...]:
    """Every suffix a panel can be exported to (animated panels add ``.gif``)."""
    return FIGURE_SUFFIXES + DATA_SUFFIXES + (ANIMATION_SUFFIXES if animated else ())


def check_suffix(path: str | os.PathLike[str], animated: bool) -> str:
    """The lower-case suffix of ``path`` if the panel can write it, else ExportRequestError."""
    suffix = suffix_of(path)
    allowed = allowed_suffixes(animated)
    if suffix not in allowed:
        raise ExportRequestError(
            f"cannot export {Path(path).name}: unknown format {suffix or '(no suffix)'}; "
            f"allowed: {', '.join(allowed)}")
    return suffix


def write_data(model: Any, state: Any, path: str | os.PathLike[str]) -> None:
    """Write the panel's table (``.csv``) or JSON document (``.json``) from its pure model,
    atomically (bytes identical to what the app has always written)."""
    # Imported here: tables needs numpy, and the window shell imports this module before its
    # first paint, when numpy is not loaded yet.
    from losslab.io.tables import table_to_csv, to_json_text

    suffix = suffix_of(path)
    if suffix == ".csv":
        atomic_write_text(path, table_to_csv(model.table(state)))
    elif suffix == ".json":
        atomic_write_text(path, to_json_text(model.json_document(state)))
    else:
        raise ExportRequestError(f"{suffix or '(no suffix)'} is not a data format; allowed: "
                                 + ", ".join(DATA_SUFFIXES))
