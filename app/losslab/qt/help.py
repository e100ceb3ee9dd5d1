"""The Help menu's windows: how to read each panel, and every keyboard shortcut.

The panel texts are data (``resources/help/<key>.<language>.html``, English and Chinese), so a
teacher can improve them without touching code.  The shortcut list is built from the window's own
actions at the moment it is opened, so it can never disagree with what the keys really do.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from losslab.datafiles import resource
from losslab.qt.binding import tr


def panel_keys() -> list[tuple[str, str]]:
    """Keys that act inside a panel rather than through a menu action, with what they do."""
    return [
        ("Space", tr("Play or pause an animated panel", "help")),
        ("← / →", tr("Step one frame back or forward", "help")),
        ("Home", tr("Rewind to the first frame", "help")),
        ("Ctrl+C", tr("Copy the focused figure as an image", "help")),
        ("PageUp / PageDown", tr("Previous or next step of a lesson", "help")),
    ]


def panel_help_html(key: str, language: str) -> str:
    """The "how to read this panel" text of panel ``key`` in ``language`` (English if missing)."""
    for lang in (language, "en"):
        node = resource("help", f"{key}.{lang}.html")
        if node.is_file():
            return node.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no help text for panel {key!r}")


def shortcuts_html(actions: list[QAction]) -> str:
    """A table of every action that has a shortcut, then the keys panels handle themselves."""
    rows = []
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            text = action.text().replace("&", "").rstrip("…").strip()
            rows.append((keys, text))
    rows += panel_keys()
    body = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(t)}</td></tr>"
                   for k, t in rows)
    return f"<h3>{escape(tr('Keyboard shortcuts', 'help'))}</h3><table>{body}</table>"


class HelpDialog(QDialog):
    """A non-modal window showing one help text (it stays open beside the panels)."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 460)
