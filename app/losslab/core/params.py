"""Parameter specifications, declared once and used everywhere.

A :class:`ParamSpec` is the single description of one user-settable value: its name (the same
string is the state field, the Qt control's objectName, the CLI ``--set`` name and the session
key), its label, its kind, its range and its default.  Everything that reads or writes a value
goes through :meth:`ParamSpec.validate` (Python values) or :meth:`ParamSpec.parse` (text from the
command line or a text box), so a value is checked the same way whichever door it came in by.

Two policies for numbers outside the range:

* ``clamp=True``: the GUI policy.  A spin box or a dragged handle that overshoots is pulled back
  to the nearest allowed value.
* ``clamp=False``: the strict policy of the command line and of session files.  An out-of-range
  number is an error whose message says what is allowed.

Wrong types, NaN and infinities are errors under both policies: there is no sensible value to
clamp them to.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, cast


class ParamError(ValueError):
    """A value that a parameter cannot take.  The message names the parameter and what is allowed."""


class Kind(str, Enum):
    """What sort of value a parameter holds, and so which control edits it."""

    FLOAT = "float"  # a finite real number in [minimum, maximum]
    INT = "int"  # a whole number in [minimum, maximum]
    BOOL = "bool"  # true / false
    CHOICE = "choice"  # one string out of ``choices``
    MULTI = "multi"  # a subset of ``choices``, kept in the order of ``choices``
    FLOATS = "floats"  # a vector of finite reals, each in [minimum, maximum]
    INTS = "ints"  # a vector of whole numbers, each in [minimum, maximum]
    MATRIX = "matrix"  # rows of finite reals (rows separated by ';' in text)


_TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
_FALSE_WORDS = frozenset({"0", "false", "no", "off"})

Value = Any  # float | int | bool | str | tuple[...]; immutable so that == detects changes


#: Magnitudes written digit by digit (``0.000001`` … ``9999999999999998``); outside this band
#: positional text gets long enough that an exponent is the more readable form.
_PLAIN_MIN = 1e-6
_PLAIN_MAX = 1e16


def _plain_repr(x: float) -> str:
    """``repr(x)`` (the shortest text that reads back as exactly ``x``) without an exponent
    for magnitudes in [1e-6, 1e16): ``1e-05`` becomes ``0.00001``; ``300.0`` stays ``300.0``."""
    text = repr(x)
    if "e" in text and _PLAIN_MIN <= abs(x) < _PLAIN_MAX:
        # Decimal(repr) holds exactly the shortest digits; "f" only moves the decimal point.
        text = format(Decimal(text), "f")
    return text


def _fmt(x: float) -> str:
    """Exact, readable text for a number in a message or a list (``-100``, ``0.001``,
    ``1000000``, ``2147483647``): whole numbers without ``.0``, the rest as :func:`_plain_repr`.
    It always reads back as exactly ``x`` (unlike ``{x:g}``, which keeps six digits)."""
    if isinstance(x, int) and not isinstance(x, bool):
        return str(x)
    x = float(x) + 0.0  # -0.0 → 0.0: "-0" would parse back as the integer 0 anyway
    if x.is_integer() and abs(x) < _PLAIN_MAX:  # below 2**53 < 1e16 every int(x) is exact
        return str(int(x))
    return _plain_repr(x)


def _as_is(text: str) -> str:
    """The identity "translation": English text, as the CLI and error messages use it."""
    return text


def shortest_text(x: float) -> str:
    """The shortest decimal text that reads back as exactly ``x`` (``0.75``, ``300``, ``1e-05``).

    What a number box shows: a value typed as 0.75 is displayed as 0.75, never rounded to the
    box's decimals, and never with float noise (repr-style digits only when they are needed).
    """
    x = x + 0.0  # -0.0 → 0.0
    if not math.isfinite(x):
        return repr(x)
    for digits in range(6, 18):
        text = f"{x:.{digits}g}"
        if float(text) == x:
            return text
    return repr(x)


def _num_text(v: float) -> str:
    """Short text for a vector element that still parses back to exactly ``v``."""
    return _fmt(v)


@dataclass(frozen=True)
class ParamSpec:
    """One settable parameter.

    Attributes:
        name: identifier used everywhere (state field, objectName, ``--set`` name, session key).
        label: short English label shown next to the control (translated by the Qt layer).
        kind: the :class:`Kind` of value.
        default: the value after "reset"; must itself be valid.
        minimum, maximum: inclusive bounds for numbers (each element for vectors).
        step: spin-box step for numbers.
        decimals: digits shown by a spin box for floats.
        unit: unit of the value, shown as a suffix ("" for dimensionless).
        choices: allowed strings for CHOICE and MULTI.
        min_len, max_len: allowed lengths for vectors and MULTI, rows for MATRIX.
        min_cols, max_cols: allowed row lengths for MATRIX (all rows equally long).
        help: one sentence for tooltips and ``losslab params``.
        persist: saved in settings and sessions (False for transient things like the frame).
    """

    name: str
    label: str
    kind: Kind
    default: Value
    minimum: float | None = None
    maximum: float | None = None
    step: float = 0.1
    decimals: int = 3
    unit: str = ""
    choices: tuple[str, ...] = ()
    min_len: int = 0
    max_len: int = 10_000
    min_cols: int = 1
    max_cols: int = 10_000
    help: str = ""
    persist: bool = True

    def __post_init__(self) -> None:
        # A spec whose own default is invalid is a programming error: fail at import time.
        object.__setattr__(self, "default", self.validate(self.default, clamp=False))

    # ------------------------------------------------------------------ descriptions
    def allowed(self, tr: Callable[[str], str] = _as_is, *, minimum: float | None = None,
                maximum: float | None = None) -> str:
        """Human-readable description of the allowed values, used in every error message.

        The one place this text is written.  ``tr`` translates each English template (the Qt
        layer passes its ``tr``; the default keeps English); ``minimum``/``maximum`` replace the
        spec's bounds when a control currently allows less (the probe inside the plotted range).
        """
        k = self.kind
        if k is Kind.BOOL:
            return tr("true or false")
        if k is Kind.CHOICE:
            return tr("one of {choices}").format(choices=", ".join(self.choices))
        if k is Kind.MULTI:
            return tr("a comma-separated list of {choices}").format(choices=", ".join(self.choices))
        lo = self.minimum if minimum is None else minimum
        hi = self.maximum if maximum is None else maximum
        if lo is not None and hi is not None:
            rng = tr("from {low} to {high}").format(low=_fmt(lo), high=_fmt(hi))
        elif lo is not None:
            rng = tr("at least {low}").format(low=_fmt(lo))
        elif hi is not None:
            rng = tr("at most {high}").format(high=_fmt(hi))
        else:
            rng = ""
        if k is Kind.FLOAT:
            return tr("a number {range}").format(range=rng).strip()
        if k is Kind.INT:
            return tr("a whole number {range}").format(range=rng).strip()
        if self.min_len == self.max_len:
            count = str(self.min_len)
        else:
            count = tr("{low} to {high}").format(low=self.min_len, high=self.max_len)
        if k is Kind.FLOATS:
            return tr("{count} comma-separated numbers, each {range}").format(
                count=count, range=rng).replace("  ", " ").strip()
        if k is Kind.INTS:
            return tr("{count} comma-separated whole numbers, each {range}").format(
                count=count, range=rng).replace("  ", " ").strip()
        return tr("{count} rows separated by ';' of {low} to {high} comma-separated numbers "
                  "each, all rows the same length").format(count=count, low=self.min_cols,
                                                           high=self.max_cols)

    def _error(self, problem: str) -> ParamError:
        return ParamError(f"{self.name}: {problem}; allowed: {self.allowed()}")

    # ------------------------------------------------------------------ validation
    def validate(self, value: Value, *, clamp: bool = True) -> Value:
        """Return the canonical (immutable) form of ``value`` or raise :class:`ParamError`.

        With ``clamp`` numbers outside [minimum, maximum] are pulled to the nearest bound;
        without it they are an error.  Wrong types and non-finite numbers are always errors.
        """
        k = self.kind
        if k is Kind.FLOAT:
            return self._number(value, clamp, integer=False)
        if k is Kind.INT:
            return self._number(value, clamp, integer=True)
        if k is Kind.BOOL:
            if isinstance(value, bool):
                return value
            # numpy bools and 0/1 ints are accepted; strings are not (bool("false") is True).
            # (numpy 2 names the type ``bool``, numpy 1 ``bool_``.)
            numpy_bool = type(value).__module__ == "numpy" and type(value).__name__ in (
                "bool_", "bool")
            if numpy_bool or (isinstance(value, int) and value in (0, 1)):
                return bool(value)
            raise self._error(f"{value!r} is not true or false")
        if k is Kind.CHOICE:
            if isinstance(value, str) and value in self.choices:
                return value
            raise self._error(f"{value!r} is not allowed")
        if k is Kind.MULTI:
            if isinstance(value, str):
                raise self._error("expected a list of names, got a single string")
            items = self._sequence(value)
            unknown = [v for v in items if not isinstance(v, str) or v not in self.choices]
            if unknown:
                raise self._error(f"unknown {', '.join(map(repr, unknown))}")
            chosen = tuple(c for c in self.choices if c in items)
            self._check_len(len(chosen))
            return chosen
        if k in (Kind.FLOATS, Kind.INTS):
            items = self._sequence(value)
            self._check_len(len(items))
            return tuple(self._number(v, clamp, integer=k is Kind.INTS) for v in items)
        # MATRIX
        rows = self._sequence(value)
        self._check_len(len(rows))
        out = []
        for row in rows:
            cells = self._sequence(row)
            if not self.min_cols <= len(cells) <= self.max_cols:
                raise self._error(f"a row has {len(cells)} values")
            out.append(tuple(self._number(v, clamp, integer=False) for v in cells))
        if len({len(r) for r in out}) > 1:
            raise self._error("rows have different lengths")
        return tuple(out)

    def _sequence(self, value: Value) -> Sequence[Any]:
        if isinstance(value, (str, bytes)):
            raise self._error(f"{value!r} is text, not a list")
        try:
            return list(value)
        except TypeError:
            raise self._error(f"{value!r} is not a list") from None

    def _check_len(self, n: int) -> None:
        if not self.min_len <= n <= self.max_len:
            raise self._error(f"got {n} values")

    def _number(self, value: Value, clamp: bool, *, integer: bool) -> float | int:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            # numpy scalars are numbers too; anything else (str, None, list) is not.
            if type(value).__module__ != "numpy" or not hasattr(value, "dtype"):
                raise self._error(f"{value!r} is not a number")
            if cast(Any, value).dtype.kind not in "iuf":  # numpy bool_ is kind "b": rejected
                raise self._error(f"{value!r} is not a number")
        try:
            x = float(value)
        except OverflowError:  # an int too large for a double
            raise self._error(f"an integer of {value.bit_length()} bits is too large") from None
        if not math.isfinite(x):
            raise self._error(f"{x} is not a finite number")
        if integer:
            if x != math.floor(x):
                raise self._error(f"{_fmt(x)} is not a whole number")
        lo, hi = self.minimum, self.maximum
        if (lo is not None and x < lo) or (hi is not None and x > hi):
            if not clamp:
                raise self._error(f"{_fmt(x)} is out of range")
            x = min(max(x, lo if lo is not None else x), hi if hi is not None else x)
        return int(x) if integer else x

    # ------------------------------------------------------------------ text and JSON
    def parse(self, text: str) -> Value:
        """Parse command-line text strictly (no clamping) into a valid value."""
        t = text.strip()
        k = self.kind
        if k is Kind.BOOL:
            low = t.lower()
            if low in _TRUE_WORDS:
                return True
            if low in _FALSE_WORDS:
                return False
            raise self._error(f"{text!r} is not true or false")
        if k is Kind.CHOICE:
            return self.validate(t, clamp=False)
        if k is Kind.MULTI:
            parts = [p.strip() for p in t.split(",") if p.strip()]
            return self.validate(parts, clamp=False)
        if k in (Kind.FLOAT, Kind.INT):
            return self.validate(self._parse_number(t), clamp=False)
        if k in (Kind.FLOATS, Kind.INTS):
            parts = [p for p in t.split(",")] if t else []
            return self.validate([self._parse_number(p.strip()) for p in parts], clamp=False)
        rows = [r for r in t.split(";")] if t else []
        return self.validate(
            [[self._parse_number(c.strip()) for c in r.split(",")] for r in rows], clamp=False
        )

    def _parse_number(self, t: str) -> float | int:
        try:
            return int(t)
        except ValueError:
            pass
        try:
            return float(t)
        except ValueError:
            raise self._error(f"{t!r} is not a number") from None

    def format(self, value: Value) -> str:
        """Inverse of :meth:`parse`: the text form of a valid value."""
        k = self.kind
        if k is Kind.BOOL:
            return "true" if value else "false"
        if k is Kind.CHOICE:
            return str(value)
        if k is Kind.MULTI:
            return ",".join(value)
        if k is Kind.INT:
            return str(int(value))
        if k is Kind.FLOAT:
            return _plain_repr(float(value))
        if k in (Kind.FLOATS, Kind.INTS):
            return ",".join(_num_text(v) for v in value)
        return ";".join(",".join(_num_text(v) for v in row) for row in value)

    def to_json(self, value: Value) -> Any:
        """JSON-ready form of a valid value (tuples become lists)."""
        if isinstance(value, tuple):
            return [list(v) if isinstance(v, tuple) else v for v in value]
        return value

    def default_text(self) -> str:
        return self.format(self.default)
