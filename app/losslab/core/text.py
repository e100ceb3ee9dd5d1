"""Text that Qt-free code produces for people, without Qt: languages and translatable messages.

Models cannot call Qt's translator, yet some of what they compute is a sentence ("the run stopped at
epoch 12: |z| > 700").  Such a sentence is a :class:`Message`: an English template with ``{named}``
placeholders, the translation context it is declared in, and the values to fill in.  The command
line and JSON use :meth:`Message.english`; a view translates the template first
(``losslab.qt.binding.tr_message``) and then fills in the same values, so the two can never be
worded differently.  A value may itself be a Message (a cost's name inside a sentence): it is
translated, or put in English, the same way before it is filled in.

Templates are collected for the catalogues from each model module's ``TRANSLATABLE`` tuple of
``(context, template)`` pairs (``packaging/update_translations.py``).  The rule of thumb: fixed
labels a model declares (a parameter's label, a loss's name) are translated with
``tr(label, context)``; a sentence a model *produces* from the numbers is a Message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: The language choices of the app (menu, settings, sessions): "system" follows the desktop.
LANGUAGES: tuple[str, ...] = ("system", "en", "zh_CN")


@dataclass(frozen=True)
class Message:
    """A translatable sentence: ``template.format(**args)`` after translating ``template``.

    Attributes:
        context: the translation context the template is declared in (``TRANSLATABLE``).
        template: the English text, with ``{name}`` / ``{name:.4g}`` placeholders.
        args: the values of the placeholders; a value that is a Message is itself rendered
            (in English, or translated) before it is filled in.
    """

    context: str
    template: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def render(self, translate: Callable[[str, str], str]) -> str:
        """The sentence with ``translate(context, template)`` applied to this template and to
        every nested Message's template."""
        values = {k: v.render(translate) if isinstance(v, Message) else v
                  for k, v in self.args.items()}
        return translate(self.context, self.template).format(**values)

    def english(self) -> str:
        """The sentence in English (the CLI, JSON exports, logs)."""
        return self.render(_untranslated)

    def __str__(self) -> str:
        return self.english()


def _untranslated(_context: str, template: str) -> str:
    return template


def message(context: str, template: str, **args: Any) -> Message:
    """A :class:`Message`; declare ``(context, template)`` in the module's ``TRANSLATABLE``."""
    return Message(context, template, MappingProxyType(dict(args)))


def english(messages: Iterable[Message], sep: str = "  ") -> str:
    """Several messages as one English text (``sep`` between them; "" for none)."""
    return sep.join(m.english() for m in messages)
