"""Languages: Qt translators for LossLab's strings and Qt's own dialogs.

LossLab's catalogues are Qt ``.ts`` files in ``resources/i18n`` (``losslab_zh_CN.ts`` complete,
``losslab_en.ts`` for English plural forms), compiled to ``.qm`` with ``pyside6-lrelease`` by
``packaging/update_translations.py``.  Qt's own ``qtbase_<lang>.qm`` comes with PySide6 and makes
the standard dialogs (file chooser, message boxes) speak the same language.
"""

from __future__ import annotations

from importlib.resources import as_file

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from losslab.core.text import LANGUAGES
from losslab.datafiles import resource

__all__ = ["LANGUAGES", "NATIVE_NAMES", "install", "resolve"]

#: Native names, so a user who cannot read the current language still finds their own.
NATIVE_NAMES = {"system": "System", "en": "English", "zh_CN": "中文"}

_installed: list[QTranslator] = []


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The concrete language for a menu choice: "en" or "zh_CN"."""
    if choice in ("en", "zh_CN"):
        return choice
    name = (locale or QLocale.system()).name()
    return "zh_CN" if name.startswith("zh") else "en"


def _load_from_resources(translator: QTranslator, filename: str) -> bool:
    node = resource("i18n", filename)
    if not node.is_file():
        return False
    with as_file(node) as path:
        return translator.load(str(path))


def install(choice: str) -> str:
    """Replace the application's translators with those for ``choice``; returns the language."""
    app = QCoreApplication.instance()
    language = resolve(choice)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ours = QTranslator(app)
    if _load_from_resources(ours, f"losslab_{language}.qm"):
        app.installTranslator(ours)
        _installed.append(ours)
    if language != "en":
        qt_own = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    return language

