"""The only two-way glue between Qt widgets (or plot handles) and a :class:`PanelState`.

Each binding does two things:

* user → state: the widget's "edited" signal writes the value with ``state.set`` (GUI policy:
  the state applies its cross-field rules);
* state → widget: a state subscriber writes the current value back into the widget inside
  :func:`quiet` (the widget's signals blocked), so the echo never comes back as a second edit.

:func:`quiet` is THE blocking idiom of the views: nothing else calls ``blockSignals`` or builds a
``QSignalBlocker``.  :func:`bind_custom` is the general binding (an edit signal, a writer, a
shower); :func:`bind_control`, :func:`bind_element` and :func:`bind_line` are built on it.

Numbers are typed into :class:`FloatBox` / :class:`IntBox`: a typed value is committed only on
Enter, focus-out, the arrow keys or the wheel (never a half-typed "1" on the way to "15"); the
box shows the shortest text that reads back as exactly the value it holds (0.75 stays 0.75);
and typed text outside the allowed range is refused, not replaced: the box turns red and says
what is allowed (``problem_changed`` carries the message, the panel shows it under the box).

The subscription is dropped when the widget is destroyed, so a closed view never receives
notifications.  Controls are built from the :class:`ParamSpec` alone, and always carry the
parameter's name as objectName (tests, sessions and the CLI all use the same name).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Qt, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from losslab.core.params import Kind, ParamError, ParamSpec, shortest_text
from losslab.core.state import PanelState
from losslab.core.text import Message

if TYPE_CHECKING:  # pyqtgraph costs ~0.3 s to import; the window shell does not need it
    import pyqtgraph as pg


def tr(text: str, context: str = "params") -> str:
    """Translate ``text`` in ``context`` with the installed catalogues.

    Every user-visible string goes through here (or :func:`trn`); ``packaging/
    update_translations.py`` collects the literal calls and the model's declared strings.
    """
    return QCoreApplication.translate(context, text)


def trn(text: str, n: int, context: str = "params") -> str:
    """Translate a string with a count: ``%n`` in ``text`` becomes ``n`` with the right plural."""
    return QCoreApplication.translate(context, text, None, n)


def tr_message(msg: Message) -> str:
    """A model's :class:`~losslab.core.text.Message` in the user's language: its template (and
    those of nested messages) translated in its context, then filled with its values."""
    return msg.render(QCoreApplication.translate)


def tr_messages(messages: Iterable[Message], sep: str = "  ") -> str:
    """Several messages in the user's language, ``sep`` between them ("" for none)."""
    return sep.join(tr_message(m) for m in messages)


def subscribe_while_alive(
    state: PanelState, owner: QObject, listener: Callable[[frozenset[str]], None]
) -> None:
    """Subscribe ``listener`` to ``state`` until ``owner`` is destroyed."""
    unsubscribe = state.subscribe(listener)
    owner.destroyed.connect(lambda *_: unsubscribe())


@contextmanager
def quiet(*objects: QObject) -> Iterator[None]:
    """Block the signals of ``objects`` (and restore them) while the body runs.

    The one way a view writes into a widget without that write coming back as a user edit.
    """
    blockers = [QSignalBlocker(o) for o in objects]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()


def bind_custom(
    state: PanelState,
    widget: QObject,
    *,
    edited: SignalInstance | Iterable[SignalInstance] = (),
    write: Callable[..., None] | None = None,
    show: Callable[[], None],
    watch: Iterable[str] | None = None,
    owner: QObject | None = None,
) -> None:
    """Bind ``widget`` to ``state``: the general form of every binding in this module.

    Args:
        edited: the signal(s) a user edit emits; each is connected to ``write``.
        write: turns the signal's arguments into ``state.set``/``update`` calls.
        show: puts the state into the widget; always called inside :func:`quiet` (``widget``).
        watch: the state fields ``show`` depends on (None: every change).
        owner: the QObject whose lifetime bounds the subscription (default ``widget``).
    """
    names = None if watch is None else frozenset(watch)

    def shown() -> None:
        with quiet(widget):
            show()

    if write is not None:
        for signal in [edited] if isinstance(edited, SignalInstance) else edited:
            signal.connect(write)

    def on_state_changed(changed: frozenset[str]) -> None:
        if names is None or changed & names:
            shown()

    shown()
    subscribe_while_alive(state, owner if owner is not None else widget, on_state_changed)


# ---------------------------------------------------------------------- allowed values
def allowed_text(spec: ParamSpec, minimum: float | None = None,
                 maximum: float | None = None) -> str:
    """:meth:`ParamSpec.allowed` in the user's language (optionally with narrower bounds)."""
    return spec.allowed(tr, minimum=minimum, maximum=maximum)


def describe(spec: ParamSpec) -> str:
    """Tooltip text: what the parameter does and what it accepts."""
    parts = [tr(spec.help)] if spec.help else []
    parts.append(tr("Allowed: {allowed}").format(allowed=allowed_text(spec)))
    return "\n".join(parts)


def _mark_invalid(widget: QWidget, error: str, tooltip: str) -> None:
    """Red border and the message as tooltip while ``error``; normal look otherwise."""
    widget.setProperty("invalid", bool(error))
    kind = "QLineEdit" if isinstance(widget, QLineEdit) else "QAbstractSpinBox"
    widget.setStyleSheet(f"{kind} {{ border: 2px solid #D55E00; }}" if error else "")
    widget.setToolTip(error or tooltip)
    widget.setAccessibleDescription(error)


# ---------------------------------------------------------------------- number boxes
_FLOAT_DONE = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_FLOAT_PART = re.compile(r"[+-]?(\d*\.?\d*)([eE][+-]?)?")
_INT_DONE = re.compile(r"[+-]?\d+")
_INT_PART = re.compile(r"[+-]?")
#: Decimals of a FloatBox: enough that QDoubleSpinBox's rounding (``'f'`` formatting with this
#: many decimals, then parsing) is the identity on every normal double; the maximum Qt allows.
_ALL_DECIMALS = 323


class _TypedNumber:
    """What FloatBox and IntBox share (a mixin: Qt signals live on the concrete classes).

    Attributes:
        spec: the parameter edited (its kind and its text for messages).
        error: the message shown for the last refused text ("" when none).
    """

    spec: ParamSpec
    error: str
    problem_changed: SignalInstance
    _integer = False

    def _setup(self, spec: ParamSpec) -> None:
        box: Any = self
        self.spec = spec
        self.error = ""
        # Commit finished numbers only: Enter, focus-out, arrows, wheel.
        box.setKeyboardTracking(False)
        box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)

    # -- text <-> value
    def _body(self, text: str) -> str:
        """The typed number without the suffix (or what is left of a half-deleted one)."""
        suffix = self.suffix()  # type: ignore[attr-defined]
        if suffix:
            if text.endswith(suffix):
                text = text[: -len(suffix)]
            else:
                text = text.replace(suffix.strip(), "")
        return text.strip()

    def _parse(self, text: str) -> float | int | None:
        """The number in ``text``, or None when it is not a finished number."""
        body = self._body(text)
        if self._integer:
            return int(body) if _INT_DONE.fullmatch(body) else None
        if not _FLOAT_DONE.fullmatch(body):
            return None
        return float(body)

    def validate(self, text: str, pos: int) -> object:
        """Acceptable: a number in range; Intermediate: on the way to a number, or a number out
        of range (it may still be edited; committing it is refused with a message); Invalid:
        anything else (letters, spaces), so such a keystroke is not taken."""
        body = self._body(text)
        if " " in text.replace(self.suffix(), ""):  # type: ignore[attr-defined]
            return (QValidator.State.Invalid, text, pos)
        value = self._parse(text)
        if value is None:
            part = _INT_PART if self._integer else _FLOAT_PART
            ok = part.fullmatch(body) is not None
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid, text, pos)
        if self._in_range(value):
            return (QValidator.State.Acceptable, text, pos)
        return (QValidator.State.Intermediate, text, pos)

    def _in_range(self, value: float) -> bool:
        box: Any = self
        return math.isfinite(value) and box.minimum() <= value <= box.maximum()

    def valueFromText(self, text: str) -> Any:  # noqa: N802 (Qt override)
        value = self._parse(text)
        box: Any = self
        return box.value() if value is None else value

    # -- commit
    def text_problem(self) -> str:
        """Why the text in the box cannot be committed ("" if it can)."""
        box: Any = self
        text = box.text()
        value = self._parse(text)
        allowed = allowed_text(self.spec, box.minimum(), box.maximum())
        body = self._body(text)
        if value is None:
            return tr("“{text}” is not a number; allowed: {allowed}").format(
                text=body, allowed=allowed)
        if not self._in_range(value):
            return tr("{text} is out of range; allowed: {allowed}").format(
                text=body, allowed=allowed)
        return ""

    def mark(self, error: str) -> None:
        """Show ``error`` (red border, tooltip, ``problem_changed``) or clear it."""
        if error == self.error:
            return
        self.error = error
        _mark_invalid(self, error, describe(self.spec))  # type: ignore[arg-type]
        if error:
            box: Any = self
            QToolTip.showText(box.mapToGlobal(box.rect().bottomLeft()), error, box)
        self.problem_changed.emit(error)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        box: Any = self
        key = event.key()
        if key == Qt.Key.Key_Space:
            # A space is never part of a number: swallow it rather than let it replace the
            # selected text (the box would be wiped).
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            problem = self.text_problem()
            if problem:
                # Refused: the text stays as typed, so it can be corrected.
                self.mark(problem)
                box.selectAll()
                event.accept()
                return
            self.mark("")
        super().keyPressEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        problem = self.text_problem()
        if problem:
            # Leaving with text that cannot be committed: the box goes back to the value the
            # state holds (unchanged), and says why the text was refused.
            self.mark(problem)
        super().focusOutEvent(event)  # type: ignore[misc]

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override)
        box: Any = self
        value = self._parse(box.text())
        start = value if value is not None and self._in_range(value) else box.value()
        new = start + steps * box.singleStep()
        if not self._integer:
            # 0.15 + 0.05 is 0.19999999999999998 in binary: round to the decimals the start
            # value and the step are written with, so stepping stays on the decimal grid.
            places = max(_decimal_places(start), _decimal_places(box.singleStep()))
            new = round(new, min(places, 15))
        new = min(max(new, box.minimum()), box.maximum())
        self.mark("")
        box.setValue(new)
        box.selectAll()


def _decimal_places(x: float) -> int:
    text = shortest_text(float(x))
    if "e" in text:
        mantissa, exponent = text.split("e")
        digits = len(mantissa.split(".")[1]) if "." in mantissa else 0
        return max(0, digits - int(exponent))
    return len(text.split(".")[1]) if "." in text else 0


class FloatBox(_TypedNumber, QDoubleSpinBox):
    """A spin box for a FLOAT parameter that holds and shows exactly the value typed."""

    #: The message for refused text, "" when the text is fine again.
    problem_changed = Signal(str)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        QDoubleSpinBox.__init__(self, parent)
        self._setup(spec)
        self.setDecimals(_ALL_DECIMALS)
        self.setRange(_bound(spec.minimum, -1e300), _bound(spec.maximum, 1e300))
        self.setSingleStep(spec.step)
        if spec.unit:
            self.setSuffix(" " + tr(spec.unit))

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        return shortest_text(float(value))


class IntBox(_TypedNumber, QSpinBox):
    """A spin box for an INT parameter; typed text beyond the range is refused, not cut."""

    problem_changed = Signal(str)
    _integer = True

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        QSpinBox.__init__(self, parent)
        self._setup(spec)
        self.setRange(int(_bound(spec.minimum, -2**31 + 1)), int(_bound(spec.maximum, 2**31 - 1)))
        self.setSingleStep(max(1, int(spec.step)))
        if spec.unit:
            self.setSuffix(" " + tr(spec.unit))

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt override)
        return str(int(value))


def number_box(spec: ParamSpec, parent: QWidget | None = None) -> FloatBox | IntBox:
    """A FloatBox or IntBox for a numeric spec (or the elements of a vector spec)."""
    if spec.kind in (Kind.INT, Kind.INTS):
        return IntBox(spec, parent)
    return FloatBox(spec, parent)


def set_number_range(box: FloatBox | IntBox, minimum: float, maximum: float) -> None:
    """Narrow or widen a number box's range (e.g. the probe follows the plotted x range).

    Done quietly: the state has already applied its own rule, the binding shows its value.
    """
    with quiet(box):
        box.setRange(minimum, maximum)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- other controls
class MultiCheck(QWidget):
    """A column of check boxes editing a MULTI parameter; each box is named ``<param>:<choice>``."""

    def __init__(self, spec: ParamSpec, labels: Mapping[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for choice in spec.choices:
            box = QCheckBox((labels or {}).get(choice, choice), self)
            box.setObjectName(f"{spec.name}:{choice}")
            box.setAccessibleName(box.text())
            layout.addWidget(box)
            self.boxes[choice] = box

    def chosen(self) -> tuple[str, ...]:
        return tuple(c for c, box in self.boxes.items() if box.isChecked())

    def show_choice(self, choice: str, shown: bool) -> None:
        self.boxes[choice].setVisible(shown)


class TextParam(QLineEdit):
    """A line edit for vector and matrix parameters, in the CLI's text syntax.

    The text is applied when editing finishes; text that does not parse is not applied, the box
    is marked invalid and its tooltip says what is allowed, and the state is unchanged.
    """

    problem_changed = Signal(str)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.error: str = ""

    def mark(self, error: str) -> None:
        if error == self.error:
            return
        self.error = error
        _mark_invalid(self, error, describe(self.spec))
        self.problem_changed.emit(error)


def make_control(spec: ParamSpec, parent: QWidget | None = None,
                 labels: Mapping[str, str] | None = None) -> QWidget:
    """A widget that edits ``spec``'s kind of value, named ``spec.name``, not yet bound."""
    kind = spec.kind
    widget: QWidget
    if kind in (Kind.FLOAT, Kind.INT):
        widget = number_box(spec, parent)
    elif kind is Kind.BOOL:
        widget = QCheckBox(tr(spec.label), parent)
    elif kind is Kind.CHOICE:
        combo = QComboBox(parent)
        for choice in spec.choices:
            combo.addItem((labels or {}).get(choice, choice), choice)
        # Long item texts must not widen the control column; the popup shows them in full.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        widget = combo
    elif kind is Kind.MULTI:
        widget = MultiCheck(spec, labels, parent)
    else:
        widget = TextParam(spec, parent)
    widget.setObjectName(spec.name)
    widget.setAccessibleName(tr(spec.label))
    widget.setToolTip(describe(spec))
    return widget


def _bound(value: float | None, fallback: float) -> float:
    return fallback if value is None else float(value)


def bind_control(state: PanelState, widget: QWidget) -> QWidget:
    """Wire a control from :func:`make_control` to ``state`` in both directions."""
    name = widget.objectName()
    spec = state.specs[name]
    edited: list[SignalInstance] = []
    targets: list[QObject] = [widget]

    def write(value: Any) -> None:
        state.set(name, value)

    if isinstance(widget, MultiCheck):
        targets += list(widget.boxes.values())
        for box in widget.boxes.values():
            box.toggled.connect(lambda _checked: write(widget.chosen()))

        def show() -> None:
            with quiet(*widget.boxes.values()):
                for choice, box in widget.boxes.items():
                    box.setChecked(choice in state.get(name))
    elif isinstance(widget, (FloatBox, IntBox)):
        edited.append(widget.valueChanged)

        def show() -> None:
            widget.setValue(state.get(name))
            widget.mark("")
    elif isinstance(widget, QCheckBox):
        edited.append(widget.toggled)

        def show() -> None:
            widget.setChecked(bool(state.get(name)))
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda i: write(widget.itemData(i)))

        def show() -> None:
            widget.setCurrentIndex(widget.findData(state.get(name)))
    elif isinstance(widget, TextParam):
        def apply_text() -> None:
            try:
                value = spec.parse(widget.text())
                state.set(name, value, clamp=False)
            except ParamError as exc:
                widget.mark(str(exc))
            else:
                with quiet(widget):
                    show()

        widget.editingFinished.connect(apply_text)

        def show() -> None:
            widget.setText(spec.format(state.get(name)))
            widget.mark("")
    else:
        raise TypeError(f"no binding for {type(widget).__name__}")

    bind_custom(state, widget, edited=edited, write=write, show=show, watch=[name])
    return widget


def bind_element(
    state: PanelState,
    name: str,
    index: int,
    box: FloatBox | IntBox,
    write: Callable[[float], Any] | None = None,
) -> None:
    """Bind ``box`` to element ``index`` of the vector parameter ``name``.

    ``write(value)`` returns the whole new vector (default: the old one with that element
    replaced); the box shows the element whenever the vector changes and has that many
    elements (the view decides whether a box beyond the end is visible).
    """

    def new_vector(value: float) -> Any:
        if write is not None:
            return write(value)
        values = list(state.get(name))
        values[index] = value
        return values

    def show() -> None:
        values = state.get(name)
        if index < len(values):
            box.setValue(values[index])
            box.mark("")

    bind_custom(state, box, edited=box.valueChanged,
                write=lambda value: state.set(name, new_vector(value)), show=show, watch=[name])


def bind_line(
    state: PanelState,
    name: str,
    line: pg.InfiniteLine,
    owner: QObject,
    *,
    to_state: Callable[[float], float] = lambda pos: pos,
    from_state: Callable[[float], float] = lambda value: value,
) -> None:
    """Make a draggable ``InfiniteLine`` a handle for the numeric parameter ``name``.

    ``to_state`` maps the line position to the parameter (for a mirrored handle at −δ:
    ``lambda p: -p``), ``from_state`` the other way.  When the state clamps a drag that went too
    far, the line snaps back to the clamped value.  ``owner`` is the widget whose lifetime bounds
    the subscription (plot items are not QWidgets, and may outlive their panel in pyqtgraph).
    """

    def show() -> None:
        line.setValue(from_state(float(state.get(name))))

    def on_dragged(item: pg.InfiniteLine) -> None:
        state.set(name, to_state(float(item.value())))
        with quiet(line):
            show()

    bind_custom(state, line, edited=line.sigPositionChanged, write=on_dragged, show=show,
                watch=[name], owner=owner)
