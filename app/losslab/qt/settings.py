"""QSettings in one place: an injectable factory and defensive readers.

Stored values come back as whatever the file holds: an INI file returns strings
(``bool("false")`` is True), a corrupt file returns garbage, and ``restoreState`` raises
``TypeError`` when handed a string.  So every read names the type it expects and anything else
is treated as "not stored", falling back to the default.
"""

from __future__ import annotations

import json
import os
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

#: Bump when the meaning of stored window state changes; older states are then ignored.
SETTINGS_VERSION = 1
ORGANISATION = "LossLab"
APPLICATION = "LossLab"
ENV_VAR = "LOSSLAB_SETTINGS"


def make_settings(path: str | os.PathLike[str] | None = None) -> QSettings:
    """Settings stored in ``path`` (INI), or in ``$LOSSLAB_SETTINGS``, or the user's default."""
    chosen = path if path is not None else os.environ.get(ENV_VAR)
    if chosen:
        return QSettings(os.fspath(chosen), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANISATION, APPLICATION)


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """A stored byte array, or None when missing or of another type."""
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_int(settings: QSettings, key: str, default: int) -> int:
    value = settings.value(key)
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return default
    return default


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A stored flag; INI files hand back "true"/"false" strings, which bool() would get wrong."""
    value = settings.value(key)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
        return value.lower() in ("true", "1")
    return default


def read_str(settings: QSettings, key: str, default: str,
             allowed: tuple[str, ...] | None = None) -> str:
    """A stored string, or ``default`` when missing, of another type or not ``allowed``."""
    value = settings.value(key)
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        return default
    return value


def read_json(settings: QSettings, key: str) -> Any:
    """A JSON document stored as a string, or None when missing or not valid JSON."""
    value = settings.value(key)
    if not isinstance(value, str):
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def write_json(settings: QSettings, key: str, document: Any) -> None:
    settings.setValue(key, json.dumps(document, ensure_ascii=False))
