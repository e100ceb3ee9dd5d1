"""A lesson in progress, without Qt: the current step, the class's answers, and the user's
panel states kept aside until the lesson ends.

The runner only talks to panel *states*: going to a step sets the step's panel to the step's
values (:attr:`Step.start_values`, or :attr:`Step.revealed_values` once revealed), and
:meth:`LessonRunner.leave` puts every state back to what it held before the lesson began.  What
the screen does about it (which tab is in front, which controls are locked) is the main window's
business, told through the ``listener`` callback.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from losslab.core.params import ParamError, Value
from losslab.core.state import PanelState
from losslab.lessons.format import LETTERS, Lesson, LessonError, Question, Step


@dataclass
class Answers:
    """What the class said at one step.

    Attributes:
        counts: show-of-hands count per choice (choice questions), in choice order.
        guesses: the numbers the class guessed (number questions).
        revealed: whether Reveal was pressed (the step then shows its revealed values).
    """

    counts: list[int] = field(default_factory=list)
    guesses: list[float] = field(default_factory=list)
    revealed: bool = False


@dataclass(frozen=True)
class Outcome:
    """The class's answers held against the right answer.

    Attributes:
        votes: how many answers the class gave (hands raised, or numbers guessed).
        right: how many of them were right.
        closest: for a number question, the guess nearest the answer (None without guesses).
    """

    votes: int
    right: int
    closest: float | None = None

    @property
    def share(self) -> float | None:
        """Fraction of answers that were right (None when nobody answered)."""
        return self.right / self.votes if self.votes else None


def outcome(question: Question, answers: Answers) -> Outcome:
    """How the class did on ``question``."""
    if question.kind == "choice":
        votes = sum(answers.counts)
        right = answers.counts[question.answer_index] if answers.counts else 0
        return Outcome(votes, right)
    guesses = [g for g in answers.guesses if math.isfinite(g)]
    right = sum(1 for g in guesses if question.accepts(g))
    closest = min(guesses, key=lambda g: abs(g - question.answer)) if guesses else None
    return Outcome(len(guesses), right, closest)


def parse_guesses(text: str) -> list[float]:
    """Numbers typed as "0.2, 0.25 0.3" (commas, semicolons or spaces between them).

    Raises ValueError naming the first part that is not a finite number.
    """
    out = []
    for part in text.replace(",", " ").replace(";", " ").replace("，", " ").split():
        try:
            value = float(part)
        except ValueError:
            raise ValueError(f"{part!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{part!r} is not a finite number")
        out.append(value)
    return out


def put_values(state: PanelState, values: Mapping[str, Value]) -> None:
    """Give ``state`` exactly ``values`` (a complete, consistent set), with one notification.

    Strictly first: a step's values passed the strict checks when the lesson was read, and the
    GUI policy might "repair" a field the step leaves alone (the cross-entropy panel resizes
    unused binary targets to the table).  A user's snapshot that the strict rules refuse goes
    back through the GUI policy, which is how it was made; as a last resort field by field.
    """
    try:
        state.update(values, clamp=False)
        return
    except ParamError:
        pass
    try:
        state.update(values)
        return
    except ParamError:
        pass
    with state.batch():
        for name, value in values.items():
            try:
                state.set(name, value)
            except ParamError:
                pass


#: Called with the index of the step now shown.
Listener = Callable[[int], None]


class LessonRunner:
    """Walks through ``lesson`` on the given panel states.

    Creating the runner keeps a copy of every state's values; :meth:`leave` restores them.
    The runner starts before the first step: call :meth:`go` (or :meth:`start`).
    """

    def __init__(self, lesson: Lesson, states: Mapping[str, PanelState],
                 listener: Listener | None = None) -> None:
        missing = [p for p in lesson.panels if p not in states]
        if missing:
            raise LessonError(f"{lesson.source or lesson.id}: panel {missing[0]} is not open "
                              "in this window")
        self.lesson = lesson
        self.states = states
        self.listener = listener
        self.snapshot: dict[str, dict[str, Value]] = {k: s.values() for k, s in states.items()}
        self.answers = [Answers(counts=[0] * len(s.question.choices) if s.question else [])
                        for s in lesson.steps]
        self.index = -1
        self.active = True

    # ------------------------------------------------------------------ reading
    @property
    def count(self) -> int:
        return len(self.lesson.steps)

    @property
    def step(self) -> Step:
        """The step shown now (the first one before :meth:`start`)."""
        return self.lesson.steps[max(self.index, 0)]

    @property
    def current(self) -> Answers:
        return self.answers[max(self.index, 0)]

    def outcome(self, index: int | None = None) -> Outcome | None:
        """How the class did at step ``index`` (default: the current one); None without a
        question."""
        i = self.index if index is None else index
        question = self.lesson.steps[i].question
        return None if question is None else outcome(question, self.answers[i])

    # ------------------------------------------------------------------ moving
    def start(self) -> None:
        self.go(0)

    def go(self, index: int) -> bool:
        """Show step ``index`` (clamped to the lesson); False when already there."""
        self._check_active()
        index = min(max(index, 0), self.count - 1)
        if index == self.index:
            return False
        self.index = index
        self.apply()
        return True

    def next(self) -> bool:
        return self.go(self.index + 1)

    def previous(self) -> bool:
        return self.go(self.index - 1)

    def apply(self) -> None:
        """Set the current step's panel to the step's values (revealed or not), then tell the
        listener.  Also used to undo what a user changed within the step."""
        step = self.step
        put_values(self.states[step.panel], step.values(self.current.revealed))
        if self.listener is not None:
            self.listener(self.index)

    def reveal(self) -> None:
        """Apply the step's reveal and mark the answer (the step stays revealed when revisited)."""
        self._check_active()
        self.current.revealed = True
        self.apply()

    # ------------------------------------------------------------------ answers
    def set_count(self, choice: int, count: int) -> None:
        """The number of hands raised for choice ``choice`` (0 = A) at the current step."""
        counts = self.current.counts
        if not 0 <= choice < len(counts):
            raise IndexError(f"choice {choice}; allowed: {LETTERS[:len(counts)]}")
        counts[choice] = max(0, int(count))

    def set_guesses(self, guesses: Sequence[float]) -> None:
        self.current.guesses = [float(g) for g in guesses]

    # ------------------------------------------------------------------ ending
    def leave(self) -> None:
        """Put every panel state back as it was before the lesson (one notification each)."""
        if not self.active:
            return
        self.active = False
        for key, values in self.snapshot.items():
            put_values(self.states[key], values)

    def _check_active(self) -> None:
        if not self.active:
            raise RuntimeError("the lesson has ended")
