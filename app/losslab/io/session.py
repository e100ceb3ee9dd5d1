"""Session files: every panel's parameters, the dock layout and the language, as JSON.

A session is data, never code: it is parsed with ``json`` only and every value is validated by
the parameter specs before it touches a state.  Reading is defensive about everything a file
can be: truncated, binary, huge, from a newer LossLab, or full of wrong types.  The outcome is
one of

* applied, possibly in part: the valid entries are applied and each skipped one is listed;
* refused: nothing is applied and the message says why.

Document shape (schema version 1)::

    {"format": "losslab-session", "version": 1, "language": "system",
     "layout": "<base64 of QMainWindow.saveState, or empty>",
     "panels": {"losses": {"huber_delta": 1.0, ...}, ...}}
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from losslab.core.state import PanelState
from losslab.core.text import LANGUAGES
from losslab.io.atomic import atomic_write_text

FORMAT = "losslab-session"
SCHEMA_VERSION = 1
#: Sessions are a few KiB; anything past this is not a session and is not read into memory.
MAX_BYTES = 5 * 1024 * 1024


class SessionError(ValueError):
    """The file cannot be used at all; nothing was applied."""


@dataclass
class SessionResult:
    """What loading a session did."""

    problems: list[str] = field(default_factory=list)
    layout: bytes = b""
    language: str | None = None

    def message(self) -> str:
        if not self.problems:
            return "Session loaded."
        return "Session loaded, but some entries were skipped: " + "; ".join(self.problems)


def session_document(states: Mapping[str, PanelState], layout: bytes = b"",
                     language: str = "system") -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": SCHEMA_VERSION,
        "language": language,
        "layout": base64.b64encode(layout).decode("ascii"),
        "panels": {key: state.to_dict() for key, state in states.items()},
    }


def save_session(path: str | os.PathLike[str], states: Mapping[str, PanelState],
                 layout: bytes = b"", language: str = "system") -> None:
    """Write a session atomically (the previous file survives any failure)."""
    text = json.dumps(session_document(states, layout, language), indent=2, ensure_ascii=False)
    atomic_write_text(path, text + "\n")


def read_session_file(path: str | os.PathLike[str]) -> Any:
    """Parse a session file into JSON data, or raise :class:`SessionError`."""
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise SessionError(f"{target.name} is {size / 1e6:.1f} MB; a session is at most "
                               f"{MAX_BYTES // (1024 * 1024)} MiB, so this is not a session file")
        raw = target.read_bytes()
    except OSError as exc:
        raise SessionError(f"cannot read {target}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionError(f"{target.name} is not a text file (binary data)") from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except SessionError:
        raise
    except ValueError as exc:
        raise SessionError(f"{target.name} is not valid JSON (truncated or damaged?): {exc}") \
            from None


def _reject_constant(name: str) -> float:
    # json accepts NaN/Infinity by default; a session never contains them legitimately.
    raise SessionError(f"the file contains {name}, which is not a number LossLab accepts")


def apply_session(data: Any, states: Mapping[str, PanelState]) -> SessionResult:
    """Validate ``data`` and apply its valid parts to ``states``.

    Raises :class:`SessionError` (and applies nothing) when the document as a whole is not a
    usable session: not an object, another format, or a newer schema version.
    """
    if not isinstance(data, dict):
        raise SessionError(f"a session is a JSON object, this file holds a {type(data).__name__}")
    if data.get("format") != FORMAT:
        raise SessionError(f"not a LossLab session (format is {data.get('format')!r}, expected "
                           f"{FORMAT!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionError(f"the session's version {version!r} is not a schema version")
    if version > SCHEMA_VERSION:
        raise SessionError(f"the session was written by a newer LossLab (schema {version}); "
                           f"this version reads schema {SCHEMA_VERSION}. Nothing was applied")
    result = SessionResult()
    for key in data:
        if key not in ("format", "version", "language", "layout", "panels"):
            result.problems.append(f"unknown entry {key!r} ignored")
    panels = data.get("panels", {})
    if not isinstance(panels, dict):
        result.problems.append("'panels' is not an object; no parameters applied")
        panels = {}
    for key, values in panels.items():
        state = states.get(key)
        if state is None:
            result.problems.append(f"unknown panel {key!r} ignored")
            continue
        result.problems.extend(f"{key}: {p}" for p in state.from_dict(values))
    for key in states:
        if key not in panels:
            result.problems.append(f"{key}: missing, left as it was")
    layout = data.get("layout", "")
    if isinstance(layout, str):
        try:
            result.layout = base64.b64decode(layout.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            result.problems.append("layout is damaged; the current layout is kept")
    else:
        result.problems.append("layout is not text; the current layout is kept")
    language = data.get("language")
    if language in LANGUAGES:
        result.language = language
    elif language is not None:
        result.problems.append(f"language {language!r} unknown; allowed: {', '.join(LANGUAGES)}")
    return result


def load_session(path: str | os.PathLike[str], states: Mapping[str, PanelState]) -> SessionResult:
    """Read and apply a session file; see :func:`apply_session`."""
    return apply_session(read_session_file(path), states)
