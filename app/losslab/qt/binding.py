"""The only two-way glue between Qt widgets (or plot handles) and a :class:`PanelState`.

Each binding does two things:

* user → state: the widget's "edited" signal writes the value with ``state.set`` (GUI policy:
  numbers are clamped into range, the state applies its cross-field rules);
* state → widget: a state subscriber writes the current value back into the widget *with the
  widget's signals blocked*, so the echo never comes back as a second edit.

The subscription is dropped when the widget is destroyed, so a closed view never receives
notifications.  Controls are built from the :class:`ParamSpec` alone, and always carry the
parameter's name as objectName (tests, sessions and the CLI all use the same name).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from losslab.core.params import Kind, ParamError, ParamSpec
from losslab.core.params import _fmt as _number_text
from losslab.core.state import PanelState

if TYPE_CHECKING:  # pyqtgraph costs ~0.3 s to import; the window shell does not need it
    import pyqtgraph as pg


def tr(text: str, context: str = "params") -> str:
    """Translate ``text`` in ``context`` with the installed catalogues.

    Every user-visible string goes through here (or :func:`trn`); ``scripts/
    update_translations.py`` collects the literal calls and the model's declared strings.
    """
    return QCoreApplication.translate(context, text)


def trn(text: str, n: int, context: str = "params") -> str:
    """Translate a string with a count: ``%n`` in ``text`` becomes ``n`` with the right plural."""
    return QCoreApplication.translate(context, text, None, n)


def subscribe_while_alive(
    state: PanelState, owner: QObject, listener: Callable[[frozenset[str]], None]
) -> None:
    """Subscribe ``listener`` to ``state`` until ``owner`` is destroyed."""
    unsubscribe = state.subscribe(listener)
    owner.destroyed.connect(lambda *_: unsubscribe())


# ---------------------------------------------------------------------- controls
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

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.error: str = ""

    def mark(self, error: str) -> None:
        self.error = error
        self.setProperty("invalid", bool(error))
        self.setStyleSheet("QLineEdit { border: 2px solid #D55E00; }" if error else "")
        self.setToolTip(error or describe(self.spec))


def describe(spec: ParamSpec) -> str:
    """Tooltip text: what the parameter does and what it accepts."""
    parts = [tr(spec.help)] if spec.help else []
    parts.append(tr("Allowed: {allowed}").format(allowed=allowed_text(spec)))
    return "\n".join(parts)


def allowed_text(spec: ParamSpec) -> str:
    """:meth:`ParamSpec.allowed` in the user's language (the English text is the same)."""
    k = spec.kind
    if k is Kind.BOOL:
        return tr("true or false")
    if k is Kind.CHOICE:
        return tr("one of {choices}").format(choices=", ".join(spec.choices))
    if k is Kind.MULTI:
        return tr("a comma-separated list of {choices}").format(choices=", ".join(spec.choices))
    lo, hi = spec.minimum, spec.maximum
    if lo is not None and hi is not None:
        rng = tr("from {low} to {high}").format(low=_number_text(lo), high=_number_text(hi))
    elif lo is not None:
        rng = tr("at least {low}").format(low=_number_text(lo))
    elif hi is not None:
        rng = tr("at most {high}").format(high=_number_text(hi))
    else:
        rng = ""
    if k is Kind.FLOAT:
        return tr("a number {range}").format(range=rng).strip()
    if k is Kind.INT:
        return tr("a whole number {range}").format(range=rng).strip()
    if spec.min_len == spec.max_len:
        count = str(spec.min_len)
    else:
        count = tr("{low} to {high}").format(low=spec.min_len, high=spec.max_len)
    if k is Kind.FLOATS:
        return tr("{count} comma-separated numbers, each {range}").format(
            count=count, range=rng).replace("  ", " ").strip()
    if k is Kind.INTS:
        return tr("{count} comma-separated whole numbers, each {range}").format(
            count=count, range=rng).replace("  ", " ").strip()
    return tr("{count} rows separated by ';' of {low} to {high} comma-separated numbers each, "
              "all rows the same length").format(count=count, low=spec.min_cols,
                                                 high=spec.max_cols)


def make_control(spec: ParamSpec, parent: QWidget | None = None,
                 labels: Mapping[str, str] | None = None) -> QWidget:
    """A widget that edits ``spec``'s kind of value, named ``spec.name``, not yet bound."""
    kind = spec.kind
    widget: QWidget
    if kind is Kind.FLOAT:
        box = QDoubleSpinBox(parent)
        box.setDecimals(spec.decimals)
        box.setRange(_bound(spec.minimum, -1e12), _bound(spec.maximum, 1e12))
        box.setSingleStep(spec.step)
        if spec.unit:
            box.setSuffix(" " + tr(spec.unit))
        box.setKeyboardTracking(True)
        widget = box
    elif kind is Kind.INT:
        ibox = QSpinBox(parent)
        ibox.setRange(int(_bound(spec.minimum, -2**31 + 1)), int(_bound(spec.maximum, 2**31 - 1)))
        ibox.setSingleStep(max(1, int(spec.step)))
        if spec.unit:
            ibox.setSuffix(" " + tr(spec.unit))
        widget = ibox
    elif kind is Kind.BOOL:
        widget = QCheckBox(tr(spec.label), parent)
    elif kind is Kind.CHOICE:
        combo = QComboBox(parent)
        for choice in spec.choices:
            combo.addItem((labels or {}).get(choice, choice), choice)
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

    def write(value: Any) -> None:
        state.set(name, value)

    def show(value: Any) -> None:
        blockers = [QSignalBlocker(widget)]
        if isinstance(widget, MultiCheck):
            blockers += [QSignalBlocker(b) for b in widget.boxes.values()]
            for choice, box in widget.boxes.items():
                box.setChecked(choice in value)
        elif isinstance(widget, (QDoubleSpinBox, QSpinBox)):
            widget.setValue(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, TextParam):
            widget.setText(spec.format(value))
            widget.mark("")
        del blockers

    if isinstance(widget, MultiCheck):
        for box in widget.boxes.values():
            box.toggled.connect(lambda _checked: write(widget.chosen()))
    elif isinstance(widget, QDoubleSpinBox):
        widget.valueChanged.connect(write)
    elif isinstance(widget, QSpinBox):
        widget.valueChanged.connect(write)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(write)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda i: write(widget.itemData(i)))
    elif isinstance(widget, TextParam):
        def apply_text() -> None:
            try:
                value = spec.parse(widget.text())
                state.set(name, value, clamp=False)
            except ParamError as exc:
                widget.mark(str(exc))
            else:
                show(state.get(name))

        widget.editingFinished.connect(apply_text)
    else:
        raise TypeError(f"no binding for {type(widget).__name__}")

    def on_state_changed(changed: frozenset[str]) -> None:
        if name in changed:
            show(state.get(name))

    show(state.get(name))
    subscribe_while_alive(state, widget, on_state_changed)
    return widget


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

    def on_dragged(item: pg.InfiniteLine) -> None:
        state.set(name, to_state(float(item.value())))
        show()

    def show() -> None:
        blocker = QSignalBlocker(line)
        line.setValue(from_state(float(state.get(name))))
        del blocker

    line.sigPositionChanged.connect(on_dragged)
    subscribe_while_alive(state, owner, lambda changed: show() if name in changed else None)
    show()
