"""What a panel is, without Qt: its key, its state class and the data it exports.

The command line exports CSV and JSON from these alone; the Qt panels draw the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from losslab.core.state import PanelState
from losslab.core.text import Message, english

#: Named, equally long columns, in export order.
Table = dict[str, NDArray[np.float64]]


@dataclass(frozen=True)
class PanelModel:
    """The Qt-free description of one panel.

    Its key and title are not repeated here: the key is the name of the panel folder that holds
    ``state_type`` and the title is the registry's (:mod:`losslab.panels`).

    Attributes:
        state_type: the panel's :class:`PanelState` subclass.
        table: state → CSV columns (the first column is the x axis).
        summary: state → JSON document; ``None`` means ``{"panel", "params", "columns"}``.
        check_request: command-line check of a whole request, given the state after the
            ``--set`` values and the names that were set; raises ``ParamError``.
        problem: state → why the panel's numbers are not all finite (no messages when they
            are), for maths that can legitimately fail (a diverging run, an infinite
            cross-entropy).  Messages, so the CLI gets English and a view its own language.
    """

    state_type: type[PanelState]
    table: Callable[[Any], Table]
    summary: Callable[[Any], dict[str, Any]] | None = None
    check_request: Callable[[Any, frozenset[str]], None] | None = None
    problem: Callable[[Any], Sequence[Message]] | None = None

    @property
    def key(self) -> str:
        """The panel key: the folder ``losslab/panels/<key>/`` that defines the state class."""
        return self.state_type.panel_key()

    @property
    def title(self) -> str:
        """English title, from the registry."""
        from losslab.panels import panel

        return panel(self.key).title

    def make_state(self) -> PanelState:
        return self.state_type()

    def problem_messages(self, state: PanelState) -> tuple[Message, ...]:
        """Why the numbers are not all finite (empty when they are)."""
        return tuple(self.problem(state)) if self.problem is not None else ()

    def problem_text(self, state: PanelState) -> str:
        """:meth:`problem_messages` in English, two spaces between them ("" when none)."""
        return english(self.problem_messages(state))

    def json_document(self, state: PanelState) -> dict[str, Any]:
        """The JSON export: the panel's own summary, or its parameters and table columns."""
        if self.summary is not None:
            return {"panel": self.key, **self.summary(state)}
        return {
            "panel": self.key,
            "params": state.to_dict(),
            "columns": {name: col.tolist() for name, col in self.table(state).items()},
        }
