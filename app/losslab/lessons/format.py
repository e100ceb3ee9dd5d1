"""Lesson files: parse and validate a TOML lesson into immutable dataclasses.

The format is documented for teachers in ``resources/lessons/FORMAT.md``.  In short::

    id = "my_lesson"
    title = { en = "…", zh_CN = "…" }

    [[steps]]
    panel = "neuron"                      # a panel key (``losslab params PANEL`` lists names)
    params = { w0 = 2.0, b0 = 2.0 }       # everything else is the panel's default
    locked = ["w0", "b0"]                 # controls shown but disabled
    hidden = ["eta"]                      # controls not shown
    text = { en = "…", zh_CN = "…" }
    reveal = { frame = 300 }              # applied by the Reveal button

    [steps.question]
    kind = "choice"                       # or "number" (with answer = 0.2, tolerance = 0.05)
    prompt = { en = "…", zh_CN = "…" }
    choices = { en = ["…", "…"], zh_CN = ["…", "…"] }
    answer = "B"
    explain = { en = "…", zh_CN = "…" }

Each step's panel state is *the panel's defaults + ``params``* (so a step looks the same whatever
the user did before), and the revealed state is that plus ``reveal``.  Both are computed here,
with the panel's own :class:`~losslab.core.params.ParamSpec` and cross-field rules under the
strict policy (no clamping), exactly as ``losslab export PANEL --set NAME=VALUE`` would; a value
may be written as a TOML value or as the text ``--set`` takes.

Every problem is a :class:`LessonError` whose one-line message names the file, the step and the
field, e.g. ``my.toml: step 3: params.lam: -1 is out of range; allowed: a number from 0 to 100``.

Qt-free: the command line checks lessons and the tests confirm answers without a window.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import PanelState

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 needs the backport (tomli; python_version < '3.11')
    import tomli as tomllib

#: Languages a lesson text may be written in; English is required, the others fall back to it.
LANGUAGES: tuple[str, ...] = ("en", "zh_CN")
#: Labels of the choices of a multiple-choice question, in order.
LETTERS = "ABCDEFGH"
MIN_CHOICES = 2
MAX_CHOICES = len(LETTERS)
MAX_STEPS = 50
#: Format versions this code reads.
FORMATS = (1,)
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_]{0,63}")
#: Animated panels' playback position: not a ``--set`` name (it is transient), but a lesson may
#: set it, e.g. ``reveal = { frame = 300 }`` shows the end of a training run.
EXTRA_NAMES = ("frame",)
#: Text of a step saved from the app, for the teacher to replace.
PLACEHOLDER = "(Write here what the class should look at in this step.)"

_TOP_KEYS = ("format", "id", "title", "summary", "steps")
_STEP_KEYS = ("panel", "title", "text", "params", "reveal", "locked", "hidden", "question")
_QUESTION_KEYS = ("kind", "prompt", "choices", "answer", "tolerance", "explain")


class LessonError(ValueError):
    """A lesson that cannot be used.  The message is one line naming file, step and field."""


# ---------------------------------------------------------------------- data
@dataclass(frozen=True)
class Text:
    """A text in several languages; :meth:`get` falls back to English."""

    values: Mapping[str, str]

    def get(self, language: str) -> str:
        """The text in ``language`` ("en", "zh_CN"; "zh_TW"-like names fall back to English)."""
        return self.values.get(language) or self.values.get("en", "")

    def __bool__(self) -> bool:
        return any(self.values.values())


EMPTY = Text(MappingProxyType({}))


@dataclass(frozen=True)
class Question:
    """What the class predicts before the reveal.

    Attributes:
        kind: "choice" (one of ``choices`` is right) or "number" (a value to estimate).
        prompt: the question.
        choices: the options of a choice question, labelled A, B, … (empty for a number).
        answer: index of the right choice (0 = A) or the true number.
        tolerance: how far a guessed number may be from ``answer`` and still count (≥ 0).
        explain: why the answer is right, shown after the reveal and on the answers page.
    """

    kind: Literal["choice", "number"]
    prompt: Text
    choices: tuple[Text, ...] = ()
    answer: float = 0.0
    tolerance: float = 0.0
    explain: Text = EMPTY

    @property
    def answer_index(self) -> int:
        """The right choice, 0-based (choice questions only)."""
        return int(self.answer)

    @property
    def answer_letter(self) -> str:
        return LETTERS[self.answer_index]

    def answer_text(self, language: str) -> str:
        """The answer as a sentence fragment: "B: the quadratic run" or "0.2 ± 0.02"."""
        if self.kind == "choice":
            return f"{self.answer_letter}: {self.choices[self.answer_index].get(language)}"
        text = number_text(self.answer)
        return f"{text} ± {number_text(self.tolerance)}" if self.tolerance else text

    def accepts(self, guess: float) -> bool:
        """Whether a guessed number counts as right: |guess − answer| ≤ tolerance (plus a hair
        for decimal rounding, so 0.1 ± 0.05 accepts a typed 0.15)."""
        slack = 1e-12 * max(1.0, abs(self.answer))
        return math.isfinite(guess) and abs(guess - self.answer) <= self.tolerance + slack


@dataclass(frozen=True)
class Step:
    """One step of a lesson.

    Attributes:
        number: 1-based position in the lesson (for messages).
        panel: key of the panel the step shows.
        params: the parameters the step sets (validated, canonical values; the rest are defaults).
        reveal: the parameters the Reveal button sets on top.
        start_values: every value of the panel's state for the step (defaults + params).
        revealed_values: every value after the reveal (start_values + reveal).
        locked: names of controls shown but disabled during the step.
        hidden: names of controls not shown during the step.
        title, text: heading and explanation of the step.
        question: the prediction asked before the reveal (None: nothing to predict).
    """

    number: int
    panel: str
    params: Mapping[str, Value]
    reveal: Mapping[str, Value]
    start_values: Mapping[str, Value]
    revealed_values: Mapping[str, Value]
    locked: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    title: Text = EMPTY
    text: Text = EMPTY
    question: Question | None = None

    @property
    def can_reveal(self) -> bool:
        """Whether the step has something to reveal (a question or parameters to change)."""
        return self.question is not None or bool(self.reveal)

    def values(self, revealed: bool) -> Mapping[str, Value]:
        return self.revealed_values if revealed else self.start_values


@dataclass(frozen=True)
class Lesson:
    """A parsed, validated lesson.

    Attributes:
        id: identifier (lower-case letters, digits, ``_``): ``losslab lesson export ID``.
        title: the lesson's title.
        summary: one or two sentences on what it teaches (optional).
        steps: the steps, in order (at least one).
        source: the file it came from (for messages).
    """

    id: str
    title: Text
    steps: tuple[Step, ...]
    summary: Text = EMPTY
    source: str = ""

    @property
    def panels(self) -> tuple[str, ...]:
        """The panels the lesson uses, in order of first use."""
        return tuple(dict.fromkeys(s.panel for s in self.steps))


# ---------------------------------------------------------------------- helpers
def number_text(x: float) -> str:
    """Short exact-enough text of a number for people: 0.094, 20.48, 3 (not 3.0)."""
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.10g}"


def lesson_names(state_type: type[PanelState]) -> tuple[str, ...]:
    """The parameter names a lesson may set on a panel: every ``--set`` name (the persisted
    ones) plus ``frame`` on animated panels."""
    return tuple(n for n, s in state_type.specs.items() if s.persist or n in EXTRA_NAMES)


class _Where:
    """Builds the one-line messages: ``file: step 3: field: problem``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.step: int | None = None

    def error(self, where: str, problem: str) -> LessonError:
        parts = [self.source]
        if self.step is not None:
            parts.append(f"step {self.step}")
        if where:
            parts.append(where)
        return LessonError(": ".join(parts + [problem]))


def _type_name(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _check_keys(data: Mapping[str, Any], allowed: Iterable[str], where: _Where,
                prefix: str) -> None:
    allowed = tuple(allowed)
    for key in data:
        if key not in allowed:
            name = f"{prefix}{key}" if prefix else key
            raise where.error(name, f"unknown field; allowed: {', '.join(allowed)}")


def _text(value: Any, where: _Where, name: str, *, required: bool = False) -> Text:
    """A text: a string (the same in every language) or a table ``{ en = …, zh_CN = … }``."""
    if value is None:
        if required:
            raise where.error(name, "missing; allowed: text, or a table of en and zh_CN texts")
        return EMPTY
    if isinstance(value, str):
        if required and not value.strip():
            raise where.error(name, "is empty; allowed: non-empty text")
        return Text(MappingProxyType({"en": value}))
    if not isinstance(value, dict):
        raise where.error(name, f"is {_type_name(value)}; allowed: text, or a table of en and "
                          "zh_CN texts")
    for language, text in value.items():
        if language not in LANGUAGES:
            raise where.error(f"{name}.{language}", f"unknown language; allowed: "
                              f"{', '.join(LANGUAGES)}")
        if not isinstance(text, str):
            raise where.error(f"{name}.{language}", f"is {_type_name(text)}; allowed: text")
    if not str(value.get("en", "")).strip():
        raise where.error(f"{name}.en", "missing or empty; allowed: the English text "
                          "(every text needs one)")
    return Text(MappingProxyType(dict(value)))


def _names(value: Any, specs: Mapping[str, ParamSpec], panel: str, where: _Where,
           name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.error(name, f"is {_type_name(value)}; allowed: a list of parameter names")
    for item in value:
        if item not in specs:
            raise where.error(name, f"{item!r} is not a parameter of panel {panel}; allowed: "
                              f"{', '.join(specs)}")
    return tuple(dict.fromkeys(value))


def _value(spec: ParamSpec, raw: Any) -> Value:
    """A TOML value (or the text ``--set`` takes) as the spec's canonical value, strictly."""
    if isinstance(raw, str):
        return spec.parse(raw)
    if spec.kind is Kind.CHOICE and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        # logistic_base = 2 means the choice "2"
        return spec.validate(spec.format(raw) if isinstance(raw, int) else repr(raw),
                             clamp=False)
    if isinstance(raw, dict):
        raise ParamError(f"{spec.name}: a table is not allowed; allowed: {spec.allowed()}")
    return spec.validate(raw, clamp=False)


def _field_message(message: str, names: Iterable[str], prefix: str) -> tuple[str, str]:
    """Split a ParamError message "lam: -1 is out of range; …" into ("params.lam", rest)."""
    for name in sorted(names, key=len, reverse=True):
        if message.startswith(f"{name}: "):
            return f"{prefix}.{name}", message[len(name) + 2:]
    return prefix, message


def _apply(state: PanelState, raw: Any, where: _Where, prefix: str, panel: str,
           check: Any) -> dict[str, Value]:
    """Validate the table ``raw`` of parameter values and apply it to ``state`` strictly."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise where.error(prefix, f"is {_type_name(raw)}; allowed: a table of parameter values")
    allowed = lesson_names(type(state))
    values: dict[str, Value] = {}
    for name, item in raw.items():
        if name not in allowed:
            raise where.error(f"{prefix}.{name}", f"unknown parameter of panel {panel}; "
                              f"allowed: {', '.join(allowed)}")
        try:
            values[name] = _value(state.specs[name], item)
        except ParamError as exc:
            raise where.error(*_field_message(str(exc), [name], prefix)) from None
    try:
        state.update(values, clamp=False)
        if check is not None and values:
            check(state, frozenset(values))
    except ParamError as exc:
        raise where.error(*_field_message(str(exc), state.specs, prefix)) from None
    return values


def _number(value: Any, where: _Where, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise where.error(name, f"is {_type_name(value)}; allowed: a finite number")
    return float(value)


def _question(raw: Any, where: _Where) -> Question:
    if not isinstance(raw, dict):
        raise where.error("question", f"is {_type_name(raw)}; allowed: a table")
    _check_keys(raw, _QUESTION_KEYS, where, "question.")
    kind = raw.get("kind")
    if kind not in ("choice", "number"):
        raise where.error("question.kind", f"{kind!r} is not allowed; allowed: choice, number")
    prompt = _text(raw.get("prompt"), where, "question.prompt", required=True)
    explain = _text(raw.get("explain"), where, "question.explain")
    if "answer" not in raw:
        allowed = (f"a letter A to {LETTERS[MAX_CHOICES - 1]}" if kind == "choice"
                   else "a number")
        raise where.error("question.answer", f"missing; allowed: {allowed}")
    if kind == "number":
        if "choices" in raw:
            raise where.error("question.choices", "only for kind = \"choice\"; allowed: "
                              "answer and tolerance for a number")
        answer = _number(raw["answer"], where, "question.answer")
        if "tolerance" not in raw:
            raise where.error("question.tolerance", "missing; allowed: a number ≥ 0 (how far "
                              "a guess may be from the answer)")
        tolerance = _number(raw["tolerance"], where, "question.tolerance")
        if tolerance < 0:
            raise where.error("question.tolerance", f"{number_text(tolerance)} is negative; "
                              "allowed: a number ≥ 0")
        return Question("number", prompt, (), answer, tolerance, explain)
    if "tolerance" in raw:
        raise where.error("question.tolerance", "only for kind = \"number\"")
    choices = _choices(raw.get("choices"), where)
    letter = raw["answer"]
    allowed = f"one of {', '.join(LETTERS[:len(choices)])}"
    if not isinstance(letter, str) or letter.strip().upper() not in LETTERS[:len(choices)]:
        raise where.error("question.answer", f"{letter!r} is not a choice; allowed: {allowed}")
    return Question("choice", prompt, choices, float(LETTERS.index(letter.strip().upper())), 0.0,
                    explain)


def _choices(raw: Any, where: _Where) -> tuple[Text, ...]:
    """Choices: a list (of texts or language tables), or a table of language → list."""
    name = "question.choices"
    allowed = (f"{MIN_CHOICES} to {MAX_CHOICES} choices: a list of texts, or a table of en and "
               "zh_CN lists of the same length")
    if isinstance(raw, list):
        items = [_text(item, where, f"{name}[{i + 1}]", required=True)
                 for i, item in enumerate(raw)]
    elif isinstance(raw, dict):
        lists: dict[str, list[str]] = {}
        for language, texts in raw.items():
            if language not in LANGUAGES:
                raise where.error(f"{name}.{language}", f"unknown language; allowed: "
                                  f"{', '.join(LANGUAGES)}")
            if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip()
                                                      for t in texts):
                raise where.error(f"{name}.{language}", f"is {_type_name(texts)}; allowed: a "
                                  "list of non-empty texts")
            lists[language] = texts
        if "en" not in lists:
            raise where.error(f"{name}.en", "missing; allowed: the English choices")
        counts = {len(t) for t in lists.values()}
        if len(counts) != 1:
            raise where.error(name, "the languages have different numbers of choices; "
                              f"allowed: {allowed}")
        items = [Text(MappingProxyType({lang: texts[i] for lang, texts in lists.items()}))
                 for i in range(len(lists["en"]))]
    else:
        raise where.error(name, f"{'missing' if raw is None else 'is ' + _type_name(raw)}; "
                          f"allowed: {allowed}")
    if not MIN_CHOICES <= len(items) <= MAX_CHOICES:
        raise where.error(name, f"{len(items)} choices; allowed: {allowed}")
    return tuple(items)


def _step(raw: Any, where: _Where) -> Step:
    from losslab.panels import keys
    from losslab.panels import panel as panel_entry

    if not isinstance(raw, dict):
        raise where.error("", f"is {_type_name(raw)}; allowed: a [[steps]] table")
    _check_keys(raw, _STEP_KEYS, where, "")
    key = raw.get("panel")
    if key not in keys():
        problem = "missing" if key is None else f"{key!r} is not a panel"
        raise where.error("panel", f"{problem}; allowed: {', '.join(keys())}")
    model = panel_entry(key).model
    specs = model.state_type.specs
    state = model.make_state()
    params = _apply(state, raw.get("params"), where, "params", key, model.check_request)
    start = MappingProxyType(state.values())
    reveal = _apply(state, raw.get("reveal"), where, "reveal", key, model.check_request)
    revealed = MappingProxyType(state.values())
    question = _question(raw["question"], where) if "question" in raw else None
    return Step(
        number=where.step or 0, panel=key,
        params=MappingProxyType(params), reveal=MappingProxyType(reveal),
        start_values=start, revealed_values=revealed,
        locked=_names(raw.get("locked"), specs, key, where, "locked"),
        hidden=_names(raw.get("hidden"), specs, key, where, "hidden"),
        title=_text(raw.get("title"), where, "title"),
        text=_text(raw.get("text"), where, "text"),
        question=question,
    )


# ---------------------------------------------------------------------- reading
def parse_lesson(text: str, source: str = "<lesson>") -> Lesson:
    """Parse and validate the TOML ``text`` of a lesson; ``source`` names it in messages."""
    where = _Where(source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise where.error("", f"not valid TOML: {exc}") from None
    _check_keys(data, _TOP_KEYS, where, "")
    version = data.get("format", 1)
    if isinstance(version, bool) or version not in FORMATS:
        raise where.error("format", f"{version!r} is not supported; allowed: "
                          f"{', '.join(map(str, FORMATS))}")
    lesson_id = data.get("id")
    if not isinstance(lesson_id, str) or not ID_PATTERN.fullmatch(lesson_id):
        problem = "missing" if lesson_id is None else f"{lesson_id!r} is not allowed"
        raise where.error("id", f"{problem}; allowed: 1 to 64 lower-case letters, digits and _, "
                          "starting with a letter or digit")
    title = _text(data.get("title"), where, "title", required=True)
    summary = _text(data.get("summary"), where, "summary")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise where.error("steps", f"{'missing' if raw_steps is None else 'empty'}; allowed: "
                          f"1 to {MAX_STEPS} [[steps]] tables")
    if len(raw_steps) > MAX_STEPS:
        raise where.error("steps", f"{len(raw_steps)} steps; allowed: 1 to {MAX_STEPS}")
    steps = []
    for number, raw in enumerate(raw_steps, start=1):
        where.step = number
        steps.append(_step(raw, where))
    return Lesson(lesson_id, title, tuple(steps), summary, source)


def read_lesson(path: str | Path) -> Lesson:
    """Read and validate a lesson file (messages name it by its file name)."""
    target = Path(path)
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise LessonError(f"{target.name}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LessonError(f"{target.name}: not UTF-8 text; allowed: a UTF-8 TOML file") from None
    return parse_lesson(text, target.name)


def builtin_files() -> list[tuple[str, str]]:
    """(file name, text) of every built-in lesson, in file-name order (the teaching order)."""
    from losslab.datafiles import resource

    folder = resource("lessons")
    if not folder.is_dir():
        return []
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")),
                   key=lambda f: f.name)
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


_BUILTIN: list[Lesson] | None = None


def builtin_lessons() -> list[Lesson]:
    """Every built-in lesson, in teaching order (parsed once)."""
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = [parse_lesson(text, name) for name, text in builtin_files()]
    return list(_BUILTIN)


def find_lesson(reference: str) -> Lesson:
    """A built-in lesson by id, or a lesson file by path (``.toml``)."""
    for lesson in builtin_lessons():
        if lesson.id == reference:
            return lesson
    path = Path(reference)
    if reference.endswith(".toml") or path.is_file():
        return read_lesson(path)
    ids = ", ".join(lesson.id for lesson in builtin_lessons())
    raise LessonError(f"{reference}: no such lesson; allowed: {ids}, or a lesson file (.toml)")


# ---------------------------------------------------------------------- writing
def toml_value(value: Value) -> str:
    """A parameter value as TOML text (round-trips through :func:`parse_lesson`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value + 0.0)  # shortest text that reads back exactly; never nan/inf here
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def toml_string(text: str) -> str:
    """A TOML basic string."""
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def changed_params(state: PanelState) -> dict[str, Value]:
    """Every lesson-settable parameter of ``state`` that differs from its default."""
    return {n: state.get(n) for n in lesson_names(type(state))
            if state.get(n) != state.specs[n].default}


def step_toml(panel: str, params: Mapping[str, Value],
              text: Mapping[str, str] | None = None) -> str:
    """The TOML of one ``[[steps]]`` table that sets ``params`` on ``panel``."""
    text = dict(text or {"en": PLACEHOLDER})
    lines = ["", "[[steps]]", f"panel = {toml_string(panel)}"]
    for language, words in text.items():
        lines.append(f"text.{language} = {toml_string(words)}")
    lines.append("[steps.params]")
    lines.extend(f"{name} = {toml_value(value)}" for name, value in params.items())
    return "\n".join(lines) + "\n"


def new_lesson_toml(lesson_id: str, title: str) -> str:
    """The head of a new lesson file (its steps are appended with :func:`step_toml`)."""
    return (f"# A LossLab lesson; the format is described in FORMAT.md beside the built-in "
            f"lessons.\nformat = 1\nid = {toml_string(lesson_id)}\n"
            f"title.en = {toml_string(title)}\n")


def lesson_id_for(path: str | Path) -> str:
    """An id made from a file name: "My lesson 2.toml" → "my_lesson_2"."""
    stem = re.sub(r"[^a-z0-9_]+", "_", Path(path).stem.lower()).strip("_")
    return (stem or "lesson")[:64]


def with_step(existing: str | None, path: str | Path, panel: str,
              params: Mapping[str, Value]) -> tuple[str, Lesson]:
    """The text of a lesson file with one step appended, and the lesson it parses to.

    ``existing`` is the file's current text (None for a new file).  Appending keeps the
    teacher's own text and comments as they are.  Raises :class:`LessonError` when the existing
    file is broken (nothing is to be written then).
    """
    name = Path(path).name
    if existing is None:
        head = new_lesson_toml(lesson_id_for(path), Path(path).stem)
    else:
        parse_lesson(existing, name)  # a broken file is reported, not extended
        head = existing if existing.endswith("\n") else existing + "\n"
    text = head + step_toml(panel, params)
    return text, parse_lesson(text, name)
