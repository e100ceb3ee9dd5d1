"""Observable per-panel state: the one source of truth for a panel's parameters.

A panel's state class declares its parameters once as :class:`Field` descriptors::

    class LossCurvesState(PanelState):
        huber_delta = Field(ParamSpec("huber_delta", "Huber δ", Kind.FLOAT, 1.0, 0.01, 10.0))

``state.huber_delta`` reads the value; ``state.huber_delta = 2`` validates it (clamping numbers into
range, the GUI policy), applies the panel's cross-field rules and notifies every subscriber once
with the set of names that changed.  ``with state.batch():`` groups several changes into one
notification, so "reset to defaults" redraws once.

The state never knows who listens: the Qt views subscribe to it, and tests and the command line
use it without any Qt at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar

from losslab.core.params import ParamError, ParamSpec, Value

Listener = Callable[[frozenset[str]], None]


class Field:
    """Class-level declaration of one parameter of a :class:`PanelState` subclass."""

    def __init__(self, spec: ParamSpec) -> None:
        self.spec = spec

    def __set_name__(self, owner: type, name: str) -> None:
        if name != self.spec.name:
            raise TypeError(f"Field {name!r} declares a spec named {self.spec.name!r}")

    def __get__(self, obj: PanelState | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return obj._values[self.spec.name]

    def __set__(self, obj: PanelState, value: Any) -> None:
        obj.set(self.spec.name, value)


class PanelState:
    """Validated, observable parameter values of one panel.

    Subclasses declare :class:`Field` attributes and may override :meth:`constrain` for rules
    that involve several fields (``x_min < x_max``, ``frame <= epochs``...).
    """

    #: Specs of every field, in declaration order (filled in by ``__init_subclass__``).
    specs: ClassVar[dict[str, ParamSpec]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        specs: dict[str, ParamSpec] = {}
        for klass in reversed(cls.__mro__):
            for attr in vars(klass).values():
                if isinstance(attr, Field):
                    specs[attr.spec.name] = attr.spec
        cls.specs = specs

    @classmethod
    def panel_key(cls) -> str:
        """The key of the panel this state belongs to: the name of the panel folder whose
        ``model.py`` declares the class (the dock's objectName and the CLI's PANEL)."""
        from losslab.panels import key_of_module

        return key_of_module(cls.__module__)

    def __init__(self) -> None:
        self._values: dict[str, Value] = {n: s.default for n, s in self.specs.items()}
        self._listeners: list[Listener] = []
        self._batch_depth = 0
        self._pending: set[str] = set()

    # ------------------------------------------------------------------ reading
    def get(self, name: str) -> Value:
        """Current value of parameter ``name`` (KeyError for an unknown name)."""
        if name not in self.specs:
            raise KeyError(name)
        return self._values[name]

    def values(self) -> dict[str, Value]:
        """A copy of every current value."""
        return dict(self._values)

    # ------------------------------------------------------------------ writing
    def set(self, name: str, value: Value, *, clamp: bool = True) -> None:
        """Set one parameter; see :meth:`update`."""
        self.update({name: value}, clamp=clamp)

    def update(self, changes: Mapping[str, Value], *, clamp: bool = True) -> None:
        """Validate and apply several values at once, then notify once.

        All-or-nothing: if any value is invalid, :class:`ParamError` is raised and nothing
        changes.  ``clamp`` selects the GUI policy (pull numbers into range) or the strict one.
        """
        proposed = dict(self._values)
        for name, value in changes.items():
            spec = self.specs.get(name)
            if spec is None:
                raise ParamError(
                    f"unknown parameter {name!r}; allowed: {', '.join(self.specs)}"
                )
            proposed[name] = spec.validate(value, clamp=clamp)
        proposed = self.constrain(proposed, frozenset(changes), clamp=clamp)
        changed = {n for n, v in proposed.items() if not _same(v, self._values[n])}
        if not changed:
            return
        self._values = proposed
        self._pending |= changed
        if self._batch_depth == 0:
            self._flush()

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """Apply rules between fields to a proposed set of values.

        ``touched`` names the fields the caller is changing, so a rule can move the *other*
        field (the GUI policy) rather than undo the user's edit.  Under ``clamp=False`` a
        violation must raise :class:`ParamError`.  The default has no rules.
        """
        return values

    def reset(self) -> None:
        """Every parameter back to its default, with one notification."""
        self.update({n: s.default for n, s in self.specs.items()}, clamp=False)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group changes: subscribers hear once, when the outermost batch ends."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                self._flush()

    # ------------------------------------------------------------------ observing
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changed_names)`` after every change; returns an unsubscribe function."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _flush(self) -> None:
        changed = frozenset(self._pending)
        self._pending.clear()
        errors: list[BaseException] = []
        # Copy: a listener may unsubscribe (a view being closed) while we iterate.
        for listener in list(self._listeners):
            try:
                listener(changed)
            except Exception as exc:  # one broken view must not starve the others
                errors.append(exc)
        if errors:
            raise errors[0]

    # ------------------------------------------------------------------ sessions
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict of every persisted parameter."""
        return {n: s.to_json(self._values[n]) for n, s in self.specs.items() if s.persist}

    def from_dict(self, data: Mapping[str, Any], *, strict: bool = False) -> list[str]:
        """Apply the valid entries of ``data``; return one message per entry that was skipped.

        Unknown keys and invalid values are reported, never raised, unless ``strict`` (then the
        first problem raises :class:`ParamError` and nothing is applied).  Numbers out of range
        are rejected, not clamped: a session file should say what it means.
        """
        if not isinstance(data, Mapping):
            problem = f"expected a mapping of parameters, got {type(data).__name__}"
            if strict:
                raise ParamError(problem)
            return [problem]
        problems: list[str] = []
        accepted: dict[str, Value] = {}
        for name, raw in data.items():
            spec = self.specs.get(name) if isinstance(name, str) else None
            if spec is None or not spec.persist:
                problems.append(f"unknown parameter {name!r} ignored")
                continue
            try:
                accepted[name] = spec.validate(raw, clamp=False)
            except ParamError as exc:
                problems.append(str(exc))
        if strict and problems:
            raise ParamError(problems[0])
        try:
            self.update(accepted, clamp=False)
        except ParamError as exc:
            # The entries are fine one by one but break a cross-field rule together.
            if strict:
                raise
            problems.append(str(exc))
        return problems


def _same(a: Value, b: Value) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b) and type(a) is type(b)
