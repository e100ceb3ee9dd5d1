"""Names from heavy modules, imported on first use.

The app creates every panel's state at start-up, which imports every panel's model and so its
maths; ``scipy.optimize`` and ``scipy.sparse`` alone cost ~0.4 s to import and only the fits
need them.  A module binds ``linprog = lazy_function("scipy.optimize", "linprog")`` and calls
it as before; the import happens at the first call (and costs nothing after).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any


def lazy_function(module: str, name: str) -> Callable[..., Any]:
    """``module.name``, imported when first called."""
    target: list[Callable[..., Any]] = []

    def call(*args: Any, **kwargs: Any) -> Any:
        if not target:
            target.append(getattr(importlib.import_module(module), name))
        return target[0](*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported on first use."
    return call


class LazyModule(ModuleType):
    """A module whose attributes come from ``name``, imported at the first attribute access."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._target: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        if self._target is None:
            self._target = importlib.import_module(self.__name__)
        return getattr(self._target, attr)


def lazy_module(name: str) -> ModuleType:
    """Module ``name``, imported when one of its attributes is first used."""
    return LazyModule(name)
