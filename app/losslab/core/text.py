"""Text that Qt-free code produces for people, without Qt: languages and translatable messages.

Models cannot call Qt's translator, yet some of what they compute is a sentence ("the run stopped at
epoch 12: |z| > 700").  Such a sentence is a :class:`Message`: an English template with ``{named}``
placeholders, the translation context it is declared in, and the values to fill in.  The command
line and JSON use :meth:`Message.english`; a view translates the template first
(``losslab.qt.binding.tr_message``) and then fills in the same values, so the two can never be
worded differently.  Templates are collected for the catalogues from each module's
``TRANSLATABLE`` tuple of ``(context, template)`` pairs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: The language choices of the app (menu, settings, sessions): "system" follows the desktop.
LANGUAGES: tuple[str, ...] = ("system", "en", "zh_CN")


@dataclass(frozen=True)
class Message:
    """A translatable sentence: ``template.format(**args)`` after translating ``template``."""

    context: str
    template: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def english(self) -> str:
        """The sentence in English (the CLI, JSON exports, logs)."""
        return self.template.format(**self.args)

    def __str__(self) -> str:
        return self.english()


def message(context: str, template: str, **args: Any) -> Message:
    """A :class:`Message`; declare ``(context, template)`` in the module's ``TRANSLATABLE``."""
    return Message(context, template, MappingProxyType(dict(args)))
