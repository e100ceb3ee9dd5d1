"""Typeset formulas: LaTeX → SVG (ziamath, pure Python) → a cached image.

``ziamath`` lays out LaTeX maths with its bundled STIX Two Math font and writes SVG; Qt's SVG
renderer draws that into a :class:`QImage`.  Images are cached per (formula, size, colour,
device pixel ratio), so redrawing an explanation costs a dictionary look-up.

When ziamath cannot be imported (or cannot parse a formula) every function falls back to the
plain-text form the caller gives, so the app never depends on it to run.

The app's own formulas ship typeset (``resources/formulas/typeset.json``, written by
``packaging/typeset_formulas.py`` with ziamath, in a placeholder colour): showing one costs no
ziamath import, no font load (~0.4 s and ~16 MiB at start) and gives the same SVG.
"""

from __future__ import annotations

import html
import json
import math
import warnings
from functools import lru_cache
from hashlib import sha1

from PySide6.QtCore import QByteArray, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTextDocument
from PySide6.QtWidgets import QTextEdit

#: Formula size in points when none is given: a little larger than body text, as in print.
DEFAULT_SIZE = 15.0


@lru_cache(maxsize=1)
def _ziamath() -> object | None:
    """The ziamath module, configured for Qt's SVG renderer, or None when it is missing."""
    try:
        with warnings.catch_warnings():
            # ziamath 0.13 finds its font with a deprecated importlib.resources call.
            warnings.simplefilter("ignore", DeprecationWarning)
            import ziamath
    except ImportError:
        return None
    # Qt's renderer implements SVG Tiny 1.2: no <symbol>/<use> glyph sharing (SVG 2).
    ziamath.config.svg2 = False
    return ziamath


def loaded() -> bool:
    """Whether ziamath has typeset a formula in this process already (it and its font are
    loaded, so the next one costs milliseconds rather than ~0.4 s)."""
    return _typeset_count[0] > 0


#: How many formulas ziamath has typeset in this process.
_typeset_count = [0]


def available() -> bool:
    """Whether formulas are typeset (ziamath importable) rather than shown as plain text."""
    return _ziamath() is not None


#: The colour the shipped SVGs are written in; :func:`svg` puts the one asked for in its place.
SHIPPED_COLOUR = "#010203"
#: The shipped typeset formulas, as a data file's path parts.
SHIPPED_FILE = ("formulas", "typeset.json")


def shipped_key(latex: str, size: float = DEFAULT_SIZE) -> str:
    """The key of a formula in the shipped table."""
    return f"{float(size):g}|{latex}"


@lru_cache(maxsize=1)
def _shipped() -> dict[str, str]:
    """The shipped typeset formulas (SVG in :data:`SHIPPED_COLOUR`) by :func:`shipped_key`."""
    from losslab import datafiles

    try:
        table = json.loads(datafiles.read_bytes(*SHIPPED_FILE))
        formulas = table["formulas"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return formulas if isinstance(formulas, dict) else {}


def ready(latex: str, size: float = DEFAULT_SIZE) -> bool:
    """Whether ``latex`` can be shown typeset at once: it ships typeset, or ziamath is loaded
    already (otherwise the first formula costs ~0.4 s)."""
    return shipped_key(latex, size) in _shipped() or loaded()


@lru_cache(maxsize=512)
def svg(latex: str, size: float = DEFAULT_SIZE, colour: str = "#000000") -> bytes | None:
    """The SVG of ``latex`` at ``size`` points in ``colour``; None when it cannot be typeset."""
    stored = _shipped().get(shipped_key(latex, size))
    if stored is not None:
        return stored.replace(SHIPPED_COLOUR, colour).encode("utf-8")
    return typeset(latex, size, colour)


def typeset(latex: str, size: float = DEFAULT_SIZE, colour: str = "#000000") -> bytes | None:
    """:func:`svg` from ziamath itself (never the shipped table)."""
    zm = _ziamath()
    if zm is None:
        return None
    try:
        with warnings.catch_warnings():
            # ziamath 0.13 finds its font with a deprecated importlib.resources call.
            warnings.simplefilter("ignore", DeprecationWarning)
            text = zm.Latex(latex, size=size, color=colour).svg()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any parse failure means "show the plain text instead"
        return None
    _typeset_count[0] += 1
    return text.encode("utf-8")


@lru_cache(maxsize=512)
def image(latex: str, size: float = DEFAULT_SIZE, colour: str = "#000000",
          ratio: float = 1.0) -> QImage | None:
    """``latex`` rendered into a transparent image of ``ratio`` device pixels per logical pixel
    (its ``devicePixelRatio``), or None when it cannot be typeset.  Cached: do not modify."""
    from PySide6.QtSvg import QSvgRenderer

    data = svg(latex, size, QColor(colour).name())
    if data is None:
        return None
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return None
    box = renderer.viewBoxF()
    width, height = math.ceil(box.width()), math.ceil(box.height())
    if width < 1 or height < 1:
        return None
    result = QImage(max(1, round(width * ratio)), max(1, round(height * ratio)),
                    QImage.Format.Format_ARGB32_Premultiplied)
    result.setDevicePixelRatio(ratio)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        renderer.render(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return result


def pixmap(latex: str, size: float = DEFAULT_SIZE, colour: str = "#000000",
           ratio: float = 1.0) -> QPixmap | None:
    """:func:`image` as a pixmap (for labels and graphics items)."""
    img = image(latex, size, colour, ratio)
    return None if img is None else QPixmap.fromImage(img)


def html_image(document: QTextDocument | QTextEdit, latex: str, fallback: str, *,
               size: float = DEFAULT_SIZE, colour: str | None = None,
               ratio: float | None = None) -> str:
    """An ``<img>`` tag showing ``latex`` typeset, registered as a resource of ``document``.

    ``fallback`` is the plain-text form (shown, HTML-escaped, in italics-free ``<code>`` when
    the formula cannot be typeset) and the image's alt text.  ``colour`` defaults to the
    widget's text colour, ``ratio`` to its device pixel ratio.  Register again after
    ``setHtml`` if the document was cleared (resources live as long as the document's).
    """
    widget = document if isinstance(document, QTextEdit) else None
    doc = widget.document() if widget is not None else document
    assert isinstance(doc, QTextDocument)
    if colour is None:
        colour = widget.palette().text().color().name() if widget is not None else "#000000"
    if ratio is None:
        ratio = widget.devicePixelRatioF() if widget is not None else 1.0
    img = image(latex, size, colour, max(1.0, ratio))
    if img is None:
        return f"<code>{html.escape(fallback)}</code>"
    key = sha1(f"{latex}|{size}|{colour}|{ratio}".encode()).hexdigest()[:16]
    url = f"formula:{key}"
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), img)
    w = round(img.width() / img.devicePixelRatio())
    h = round(img.height() / img.devicePixelRatio())
    return (f"<img src='{url}' width='{w}' height='{h}' style='vertical-align: middle' "
            f"alt='{html.escape(fallback, quote=True)}'>")
