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


class MnemonicFallback(QTranslator):
    """Qt's own strings whose catalogue entry predates their keyboard mnemonic.

    Qt 6's file dialog asks for "&Look in:" and "Files of &type:", but ``qtbase_zh_CN.qm``
    (as shipped with PySide6 6.11) only translates the older "Look in:" and "Files of type:",
    so those labels stayed English in a Chinese file dialog.  This translator answers such a
    string with the translation of its mnemonic-free form plus the mnemonic the Chinese way,
    "查找范围(&L)：", and stays silent for everything else (None: a null string, which makes
    Qt ask the next translator; an empty string would count as the translation).
    """

    def __init__(self, qt_own: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.qt_own = qt_own

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        if "&" not in source or not context.startswith("Q"):
            return None
        if self.qt_own.translate(context, source, disambiguation, n):
            return None  # Qt's catalogue has it: use that
        at = source.find("&")
        if at + 1 >= len(source) or source[at + 1] == "&":
            return None
        plain = source[:at] + source[at + 1:]
        text = self.qt_own.translate(context, plain, disambiguation, n)
        if not text:
            return None
        mnemonic = f"(&{source[at + 1].upper()})"
        for colon in ("：", ":"):
            if text.endswith(colon):
                return text[: -len(colon)] + mnemonic + colon
        return text + mnemonic

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


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
            # Installed last, so asked first; it answers only what qt_own misses.
            fallback = MnemonicFallback(qt_own, app)
            app.installTranslator(fallback)
            _installed.append(fallback)
    return language

