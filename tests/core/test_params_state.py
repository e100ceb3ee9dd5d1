"""ParamSpec (validate / parse / format / allowed) and the observable PanelState, without Qt."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from losslab.core.params import Kind, ParamError, ParamSpec
from losslab.core.state import Field, PanelState
from losslab.panels.losses.model import LossCurvesState

PROP = settings(max_examples=200, deadline=None)

# ---------------------------------------------------------------------- one spec of every kind
FLOAT = ParamSpec("rate", "Rate", Kind.FLOAT, 0.5, -10.0, 10.0)
INT = ParamSpec("seed", "Seed", Kind.INT, 0, -(2**31) + 1, 2**31 - 1)
SMALL_INT = ParamSpec("count", "Count", Kind.INT, 3, 1, 9)
BOOL = ParamSpec("flag", "Flag", Kind.BOOL, False)
CHOICE = ParamSpec("shape", "Shape", Kind.CHOICE, "round", choices=("round", "square", "star"))
MULTI = ParamSpec("parts", "Parts", Kind.MULTI, ("a",), choices=("a", "b", "c", "d"))
FLOATS = ParamSpec("weights", "Weights", Kind.FLOATS, (1.0, 2.0), 0.0, 100.0, min_len=1, max_len=5)
INTS = ParamSpec("targets", "Targets", Kind.INTS, (0, 1), -100, 100, min_len=0, max_len=6)
MATRIX = ParamSpec("logits", "Logits", Kind.MATRIX, ((1.0, 2.0),), -50.0, 50.0,
                   min_len=1, max_len=4, min_cols=1, max_cols=3)
UNBOUNDED = ParamSpec("free", "Free", Kind.FLOAT, 0.0)
ALL_SPECS = [FLOAT, INT, SMALL_INT, BOOL, CHOICE, MULTI, FLOATS, INTS, MATRIX, UNBOUNDED]

finite = st.floats(allow_nan=False, allow_infinity=False)


def values_of(spec: ParamSpec) -> st.SearchStrategy:
    """Valid values of ``spec`` (already in canonical form)."""
    k = spec.kind
    if k is Kind.FLOAT:
        lo = -1e300 if spec.minimum is None else spec.minimum
        hi = 1e300 if spec.maximum is None else spec.maximum
        return st.floats(lo, hi)
    if k is Kind.INT:
        return st.integers(int(spec.minimum), int(spec.maximum))
    if k is Kind.BOOL:
        return st.booleans()
    if k is Kind.CHOICE:
        return st.sampled_from(spec.choices)
    if k is Kind.MULTI:
        return st.sets(st.sampled_from(spec.choices)).map(
            lambda s: tuple(c for c in spec.choices if c in s))
    if k is Kind.FLOATS:
        return st.lists(st.floats(spec.minimum, spec.maximum), min_size=spec.min_len,
                        max_size=spec.max_len).map(tuple)
    if k is Kind.INTS:
        return st.lists(st.integers(int(spec.minimum), int(spec.maximum)),
                        min_size=spec.min_len, max_size=spec.max_len).map(tuple)
    return st.integers(spec.min_cols, spec.max_cols).flatmap(
        lambda cols: st.lists(
            st.lists(st.floats(spec.minimum, spec.maximum), min_size=cols, max_size=cols)
            .map(tuple), min_size=spec.min_len, max_size=spec.max_len).map(tuple))


def same(a, b) -> bool:
    """Equal values of equal types, element by element (so 1 and 1.0 and True differ)."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def spec_and_value():
    return st.sampled_from(ALL_SPECS).flatmap(lambda s: st.tuples(st.just(s), values_of(s)))


@PROP
@given(spec_and_value())
def test_validate_is_identity_on_valid_canonical_values(case) -> None:
    spec, value = case
    for clamp in (True, False):
        assert same(spec.validate(value, clamp=clamp), value)


@PROP
@given(spec_and_value())
def test_parse_inverts_format(case) -> None:
    spec, value = case
    text = spec.format(value)
    assert isinstance(text, str)
    assert same(spec.parse(text), value), (spec.name, value, text)
    # and after one cycle the text is stable (only -0.0 in a vector may come back as "0")
    again = spec.format(spec.parse(text))
    assert spec.format(spec.parse(again)) == again
    assert again == text or text.replace("-0", "0") == again


@PROP
@given(spec_and_value())
def test_json_round_trip(case) -> None:
    spec, value = case
    doc = json.loads(json.dumps(spec.to_json(value), allow_nan=False))
    assert same(spec.validate(doc, clamp=False), value)


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.kind.value + ":" + s.name)
def test_default_round_trips_and_default_text(spec: ParamSpec) -> None:
    assert same(spec.parse(spec.default_text()), spec.default)
    assert spec.default_text() == spec.format(spec.default)


def test_format_is_exact_for_large_ints_and_many_digit_floats() -> None:
    assert INT.format(2**31 - 1) == "2147483647"
    assert INT.parse(INT.format(1_234_567)) == 1_234_567
    assert FLOATS.parse(FLOATS.format((0.1234567891, 2.0))) == (0.1234567891, 2.0)
    assert MATRIX.parse(MATRIX.format(((1.0 / 3.0, 2.0),))) == ((1.0 / 3.0, 2.0),)
    # short values keep their short text
    assert FLOATS.format((1.0, 2.5)) == "1,2.5"
    assert MATRIX.format(((1.0, 2.0), (3.0, 4.0))) == "1,2;3,4"
    assert INTS.format((0, -7)) == "0,-7"


def test_canonical_types() -> None:
    assert same(FLOAT.validate(3), 3.0)
    assert same(FLOAT.validate(np.float32(0.25)), 0.25)
    assert same(FLOAT.validate(np.int64(2)), 2.0)
    assert same(SMALL_INT.validate(4.0), 4)
    assert same(SMALL_INT.validate(np.int32(5)), 5)
    assert same(BOOL.validate(1), True)
    assert same(BOOL.validate(0), False)
    assert same(BOOL.validate(np.bool_(True)), True)
    assert same(MULTI.validate(["c", "a", "c"]), ("a", "c"))  # choices order, no repeats
    assert same(MULTI.validate(()), ())
    assert same(FLOATS.validate([1, np.float64(2.5)]), (1.0, 2.5))
    assert same(INTS.validate([3.0, -2]), (3, -2))
    assert same(MATRIX.validate([[1, 2], (3, 4.5)]), ((1.0, 2.0), (3.0, 4.5)))


# ---------------------------------------------------------------------- clamping versus strict
@pytest.mark.parametrize(
    ("spec", "value", "clamped"),
    [
        (FLOAT, 11.0, 10.0), (FLOAT, -1e300, -10.0), (FLOAT, 10.0000001, 10.0),
        (SMALL_INT, 0, 1), (SMALL_INT, 100, 9), (SMALL_INT, -5.0, 1),
        (FLOATS, (-1.0, 50.0, 1e9), (0.0, 50.0, 100.0)),
        (INTS, (101, -101, 5), (100, -100, 5)),
        (MATRIX, ((60.0, -60.0),), ((50.0, -50.0),)),
    ],
)
def test_clamp_pulls_into_range_and_strict_refuses(spec: ParamSpec, value, clamped) -> None:
    assert same(spec.validate(value, clamp=True), clamped)
    assert same(spec.validate(value), clamped)  # clamping is the default policy
    with pytest.raises(ParamError) as info:
        spec.validate(value, clamp=False)
    msg = str(info.value)
    assert msg.startswith(spec.name + ":")
    assert "out of range" in msg and "allowed" in msg


@pytest.mark.parametrize(
    ("spec", "bad"),
    [
        (FLOAT, math.nan), (FLOAT, math.inf), (FLOAT, -math.inf), (FLOAT, "1.0"), (FLOAT, True),
        (FLOAT, False), (FLOAT, None), (FLOAT, [1.0]), (FLOAT, np.bool_(True)), (FLOAT, 1 + 2j),
        (FLOAT, 10**400), (FLOAT, np.float64("nan")), (FLOAT, b"1"),
        (UNBOUNDED, math.inf), (UNBOUNDED, 10**400),
        (SMALL_INT, 2.5), (SMALL_INT, "3"), (SMALL_INT, True), (SMALL_INT, None), (SMALL_INT, math.nan),
        (BOOL, "false"), (BOOL, "true"), (BOOL, None), (BOOL, 2), (BOOL, 0.0), (BOOL, 1.0),
        (BOOL, "0"),
        (CHOICE, "circle"), (CHOICE, None), (CHOICE, 1), (CHOICE, ("round",)), (CHOICE, "Round"),
        (MULTI, "a"), (MULTI, ["a", "z"]), (MULTI, None), (MULTI, 5), (MULTI, [1]),
        (FLOATS, "1,2"), (FLOATS, [math.nan]), (FLOATS, [True]), (FLOATS, None), (FLOATS, []),
        (FLOATS, [1.0] * 6), (FLOATS, [math.inf, 1.0]), (FLOATS, ["1"]),
        (INTS, [1.5]), (INTS, [None]), (INTS, 3),
        (MATRIX, [[1.0, 2.0], [3.0]]), (MATRIX, [[math.nan]]), (MATRIX, [["1"]]), (MATRIX, []),
        (MATRIX, [[1.0, 2.0, 3.0, 4.0]]), (MATRIX, "1,2;3,4"), (MATRIX, [1.0, 2.0]),
    ],
    ids=lambda v: v.name if isinstance(v, ParamSpec) else repr(v)[:20],
)
def test_bad_values_rejected_under_both_policies(spec: ParamSpec, bad) -> None:
    """Wrong types, NaN and infinities have nothing to clamp to: errors under both policies."""
    for clamp in (True, False):
        with pytest.raises(ParamError) as info:
            spec.validate(bad, clamp=clamp)
        msg = str(info.value)
        assert spec.name in msg
        assert "allowed" in msg
        assert spec.allowed() in msg


def test_param_error_is_a_value_error() -> None:
    assert issubclass(ParamError, ValueError)


# ---------------------------------------------------------------------- parse
@pytest.mark.parametrize("text", ["false", "False", "FALSE", " false ", "0", "no", "off", "Off"])
def test_bool_parse_false_words(text: str) -> None:
    assert BOOL.parse(text) is False


@pytest.mark.parametrize("text", ["true", "True", "1", "yes", "on", " ON"])
def test_bool_parse_true_words(text: str) -> None:
    assert BOOL.parse(text) is True


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        (BOOL, "maybe"), (BOOL, ""), (BOOL, "2"),
        (FLOAT, "abc"), (FLOAT, "nan"), (FLOAT, "inf"), (FLOAT, "-inf"), (FLOAT, "11"),
        (FLOAT, ""), (FLOAT, "1,2"),
        (SMALL_INT, "2.5"), (SMALL_INT, "0"), (SMALL_INT, "ten"),
        (CHOICE, "circle"), (CHOICE, ""),
        (MULTI, "a,z"), (MULTI, "a;b"),
        (FLOATS, "1,,2"), (FLOATS, "1,x"), (FLOATS, ""), (FLOATS, "1,200"),
        (INTS, "1,2.5"),
        (MATRIX, "1,2;3"), (MATRIX, "1,2;"), (MATRIX, "1,nan"), (MATRIX, "99"),
    ],
)
def test_parse_is_strict_and_names_the_parameter(spec: ParamSpec, text: str) -> None:
    with pytest.raises(ParamError) as info:
        spec.parse(text)
    msg = str(info.value)
    assert msg.startswith(spec.name + ":")
    assert "allowed" in msg


def test_parse_values() -> None:
    assert same(FLOAT.parse(" 2.5 "), 2.5)
    assert same(FLOAT.parse("-1e1"), -10.0)
    assert same(FLOAT.parse("3"), 3.0)
    assert same(SMALL_INT.parse("7"), 7)
    assert same(SMALL_INT.parse("7.0"), 7)
    assert same(CHOICE.parse(" star "), "star")
    assert same(MULTI.parse("c, a"), ("a", "c"))
    assert same(MULTI.parse(""), ())
    assert same(FLOATS.parse("1, 2.5,3"), (1.0, 2.5, 3.0))
    assert same(INTS.parse(""), ())
    assert same(INTS.parse("-3,4"), (-3, 4))
    assert same(MATRIX.parse("1,2;3,4"), ((1.0, 2.0), (3.0, 4.0)))


# ---------------------------------------------------------------------- allowed / definitions
def test_allowed_texts() -> None:
    assert FLOAT.allowed() == "a number from -10 to 10"
    assert SMALL_INT.allowed() == "a whole number from 1 to 9"
    assert BOOL.allowed() == "true or false"
    assert CHOICE.allowed() == "one of round, square, star"
    assert MULTI.allowed() == "a comma-separated list of a, b, c, d"
    assert FLOATS.allowed() == "1 to 5 comma-separated numbers, each from 0 to 100"
    assert INTS.allowed() == "0 to 6 comma-separated whole numbers, each from -100 to 100"
    assert "rows separated by ';'" in MATRIX.allowed() and "1 to 3" in MATRIX.allowed()
    assert UNBOUNDED.allowed() == "a number"
    assert ParamSpec("p", "P", Kind.FLOAT, 1.0, 0.0).allowed() == "a number at least 0"
    assert ParamSpec("p", "P", Kind.FLOAT, 1.0, None, 2.0).allowed() == "a number at most 2"


@pytest.mark.parametrize(
    ("kind", "default", "extra"),
    [
        (Kind.FLOAT, 20.0, {"minimum": 0.0, "maximum": 10.0}),
        (Kind.FLOAT, math.nan, {}),
        (Kind.FLOAT, "1", {}),
        (Kind.INT, 1.5, {}),
        (Kind.BOOL, "yes", {}),
        (Kind.CHOICE, "z", {"choices": ("a", "b")}),
        (Kind.MULTI, ("z",), {"choices": ("a", "b")}),
        (Kind.FLOATS, (), {"min_len": 1}),
        (Kind.MATRIX, ((1.0,), (1.0, 2.0)), {}),
    ],
)
def test_invalid_default_raises_at_definition(kind: Kind, default, extra) -> None:
    with pytest.raises(ParamError) as info:
        ParamSpec("broken", "Broken", kind, default, **extra)
    assert "broken" in str(info.value) and "allowed" in str(info.value)


def test_default_is_canonicalised_at_definition() -> None:
    spec = ParamSpec("p", "P", Kind.FLOATS, [1, 2], 0.0, 5.0)
    assert same(spec.default, (1.0, 2.0))
    assert same(ParamSpec("q", "Q", Kind.FLOAT, 1, 0.0, 5.0).default, 1.0)


# ---------------------------------------------------------------------- PanelState
class Demo(PanelState):
    speed = Field(ParamSpec("speed", "Speed", Kind.FLOAT, 1.0, 0.0, 10.0))
    count = Field(ParamSpec("count", "Count", Kind.INT, 3, 1, 9))
    on = Field(ParamSpec("on", "On", Kind.BOOL, False))
    color = Field(ParamSpec("color", "Color", Kind.CHOICE, "red", choices=("red", "green", "blue")))
    items = Field(ParamSpec("items", "Items", Kind.FLOATS, (1.0,), 0.0, 5.0, min_len=1, max_len=3))
    frame = Field(ParamSpec("frame", "Frame", Kind.INT, 0, 0, 100, persist=False))


class Ranged(Demo):
    """Adds a cross-field rule lo < hi: the other field moves under clamp, strict refuses."""

    lo = Field(ParamSpec("lo", "Low", Kind.FLOAT, 0.0, -10.0, 10.0))
    hi = Field(ParamSpec("hi", "High", Kind.FLOAT, 1.0, -10.0, 10.0))

    def constrain(self, values, touched, *, clamp):
        if values["lo"] >= values["hi"]:
            if not clamp:
                raise ParamError("lo must be below hi; allowed: lo < hi")
            if "hi" in touched and "lo" not in touched:
                values["lo"] = max(-10.0, values["hi"] - 1.0)
                values["hi"] = max(values["hi"], values["lo"] + 1.0)
            else:
                values["hi"] = min(10.0, values["lo"] + 1.0)
                values["lo"] = min(values["lo"], values["hi"] - 1.0)
        return values


class Recorder:
    def __init__(self, state: PanelState) -> None:
        self.calls: list[frozenset[str]] = []
        self.snapshots: list[dict] = []
        self.state = state
        self.unsubscribe = state.subscribe(self)

    def __call__(self, changed: frozenset[str]) -> None:
        self.calls.append(changed)
        self.snapshots.append(self.state.values())


DEMO_DEFAULTS = {"speed": 1.0, "count": 3, "on": False, "color": "red", "items": (1.0,),
                 "frame": 0}


def test_specs_in_declaration_order_and_inherited() -> None:
    assert list(Demo.specs) == ["speed", "count", "on", "color", "items", "frame"]
    assert list(Ranged.specs) == list(Demo.specs) + ["lo", "hi"]
    assert Demo.speed.spec is Demo.specs["speed"]  # class access gives the Field
    assert "lo" not in Demo.specs  # the subclass did not leak into its parent


def test_defaults_get_and_values_copy() -> None:
    s = Demo()
    assert s.values() == DEMO_DEFAULTS
    assert s.get("count") == 3 and s.count == 3
    with pytest.raises(KeyError):
        s.get("nope")
    v = s.values()
    v["speed"] = 99.0
    assert s.speed == 1.0


def test_instances_are_independent() -> None:
    a, b = Demo(), Demo()
    a.speed = 4.0
    assert b.speed == 1.0


def test_field_name_must_match_spec_name() -> None:
    with pytest.raises((TypeError, RuntimeError)) as info:
        class Bad(PanelState):  # noqa: F841
            speed = Field(ParamSpec("velocity", "V", Kind.FLOAT, 1.0))
    err = info.value
    text = str(err) + str(err.__cause__ or "")
    assert "velocity" in text


def test_set_validates_clamps_and_notifies_once() -> None:
    s = Demo()
    rec = Recorder(s)
    s.speed = 42
    assert s.speed == 10.0 and type(s.speed) is float
    assert rec.calls == [frozenset({"speed"})]
    assert rec.snapshots[0]["speed"] == 10.0  # listeners see the new value
    s.speed = 10.0  # no change: no notification
    s.set("speed", 10)  # same value after validation: still none
    assert rec.calls == [frozenset({"speed"})]
    s.count = 2
    assert rec.calls[-1] == frozenset({"count"}) and len(rec.calls) == 2


def test_set_strict_refuses_out_of_range_and_changes_nothing() -> None:
    s = Demo()
    rec = Recorder(s)
    with pytest.raises(ParamError) as info:
        s.set("speed", 42, clamp=False)
    assert "speed" in str(info.value) and "allowed" in str(info.value)
    assert s.values() == DEMO_DEFAULTS and rec.calls == []


@pytest.mark.parametrize(("name", "bad"),
                         [("speed", math.nan), ("speed", "fast"), ("count", 2.5), ("on", "false"),
                          ("color", "pink"), ("items", []), ("speed", None), ("on", None)])
def test_invalid_set_raises_changes_nothing_and_is_silent(name: str, bad) -> None:
    s = Demo()
    rec = Recorder(s)
    with pytest.raises(ParamError) as info:
        setattr(s, name, bad)
    assert name in str(info.value) and "allowed" in str(info.value)
    assert s.values() == DEMO_DEFAULTS
    assert rec.calls == []


def test_update_is_all_or_nothing_and_notifies_once() -> None:
    s = Demo()
    rec = Recorder(s)
    with pytest.raises(ParamError):
        s.update({"speed": 2.0, "count": 100.5})
    assert s.values() == DEMO_DEFAULTS and rec.calls == []
    s.update({"speed": 2.0, "count": 5, "color": "red"})  # color unchanged
    assert rec.calls == [frozenset({"speed", "count"})]
    with pytest.raises(ParamError) as info:
        s.update({"speed": 3.0, "bogus": 1})
    assert "bogus" in str(info.value) and "allowed" in str(info.value)
    assert s.speed == 2.0 and len(rec.calls) == 1


def test_batch_gives_one_notification_with_every_change() -> None:
    s = Demo()
    rec = Recorder(s)
    with s.batch():
        s.speed = 2.0
        s.count = 4
        with s.batch():
            s.on = True
        assert rec.calls == []  # nothing heard until the outermost batch ends
        assert s.on is True  # but values are applied immediately
    assert rec.calls == [frozenset({"speed", "count", "on"})]
    with s.batch():
        s.speed = 2.0  # no change at all: silence
    assert len(rec.calls) == 1


def test_batch_flushes_even_when_the_body_raises() -> None:
    s = Demo()
    rec = Recorder(s)
    with pytest.raises(RuntimeError), s.batch():
        s.speed = 5.0
        raise RuntimeError("boom")
    assert s.speed == 5.0
    assert rec.calls == [frozenset({"speed"})]
    s.count = 2  # the batch depth went back to zero: notifications are immediate again
    assert rec.calls[-1] == frozenset({"count"})


def test_reset_is_one_notification_of_exactly_the_changed_fields() -> None:
    s = Demo()
    s.update({"speed": 7.0, "color": "blue", "frame": 12})
    rec = Recorder(s)
    s.reset()
    assert s.values() == DEMO_DEFAULTS
    assert rec.calls == [frozenset({"speed", "color", "frame"})]
    s.reset()
    assert len(rec.calls) == 1  # already at defaults


def test_subscribe_unsubscribe() -> None:
    s = Demo()
    a, b = Recorder(s), Recorder(s)
    s.speed = 2.0
    a.unsubscribe()
    a.unsubscribe()  # harmless twice
    s.speed = 3.0
    assert a.calls == [frozenset({"speed"})]
    assert b.calls == [frozenset({"speed"}), frozenset({"speed"})]


def test_listener_may_unsubscribe_itself_during_notification() -> None:
    s = Demo()
    heard: list[str] = []
    unsub_holder: list = []

    def once(changed):
        heard.append("once")
        unsub_holder[0]()

    unsub_holder.append(s.subscribe(once))
    other = Recorder(s)
    s.speed = 2.0
    s.speed = 3.0
    assert heard == ["once"]
    assert len(other.calls) == 2


def test_broken_listener_does_not_starve_the_others() -> None:
    s = Demo()

    def broken(changed):
        raise ZeroDivisionError("listener bug")

    s.subscribe(broken)
    rec = Recorder(s)
    with pytest.raises(ZeroDivisionError):
        s.speed = 2.0
    assert s.speed == 2.0
    assert rec.calls == [frozenset({"speed"})]


def test_to_dict_is_json_ready_and_skips_transient_fields() -> None:
    s = Demo()
    s.update({"items": (0.5, 2.0), "frame": 7})
    d = s.to_dict()
    assert "frame" not in d
    assert d == {"speed": 1.0, "count": 3, "on": False, "color": "red", "items": [0.5, 2.0]}
    assert json.loads(json.dumps(d, allow_nan=False)) == d


def test_from_dict_round_trip_with_one_notification() -> None:
    a = Demo()
    a.update({"speed": 2.5, "count": 8, "on": True, "color": "green", "items": (0.0, 5.0, 1.5)})
    b = Demo()
    rec = Recorder(b)
    assert b.from_dict(json.loads(json.dumps(a.to_dict()))) == []
    assert b.to_dict() == a.to_dict()
    assert rec.calls == [frozenset({"speed", "count", "on", "color", "items"})]


def test_from_dict_applies_good_entries_and_reports_bad_ones() -> None:
    s = Demo()
    rec = Recorder(s)
    problems = s.from_dict({
        "speed": 4.0,  # good
        "count": 50,  # out of range: rejected, not clamped
        "color": "pink",  # not a choice
        "on": "false",  # a string is not a bool
        "nope": 1,  # unknown
        "frame": 3,  # transient: not part of a session
        7: "x",  # not even a name
        "items": [2.0, 3.0],  # good
    })
    assert s.speed == 4.0 and s.items == (2.0, 3.0)
    assert s.count == 3 and s.color == "red" and s.on is False and s.frame == 0
    assert len(problems) == 6
    text = "\n".join(problems)
    for name in ("count", "color", "on", "nope", "frame", "7"):
        assert name in text
    assert sum("allowed" in p for p in problems) == 3  # the three invalid values
    assert rec.calls == [frozenset({"speed", "items"})]


def test_from_dict_strict_raises_and_applies_nothing() -> None:
    s = Demo()
    rec = Recorder(s)
    with pytest.raises(ParamError) as info:
        s.from_dict({"speed": 4.0, "count": 50}, strict=True)
    assert "count" in str(info.value)
    with pytest.raises(ParamError):
        s.from_dict({"speed": 4.0, "unknown": 1}, strict=True)
    assert s.values() == DEMO_DEFAULTS and rec.calls == []
    assert s.from_dict({"speed": 4.0}, strict=True) == []
    assert s.speed == 4.0


@pytest.mark.parametrize("data", [[("speed", 1.0)], "speed=1", None, 3])
def test_from_dict_not_a_mapping(data) -> None:
    s = Demo()
    problems = s.from_dict(data)
    assert len(problems) == 1 and "mapping" in problems[0]
    with pytest.raises(ParamError):
        s.from_dict(data, strict=True)
    assert s.values() == DEMO_DEFAULTS


def test_from_dict_cross_field_violation() -> None:
    s = Ranged()
    rec = Recorder(s)
    problems = s.from_dict({"lo": 5.0, "hi": 2.0, "speed": 3.0})
    # each entry is fine alone, together they break lo < hi: reported, nothing applied
    assert len(problems) == 1 and "lo" in problems[0]
    assert s.lo == 0.0 and s.hi == 1.0 and s.speed == 1.0 and rec.calls == []
    with pytest.raises(ParamError):
        s.from_dict({"lo": 5.0, "hi": 2.0}, strict=True)
    assert s.from_dict({"lo": 5.0, "hi": 6.0}) == []
    assert (s.lo, s.hi) == (5.0, 6.0)


def test_constrain_moves_the_other_field_under_clamp() -> None:
    s = Ranged()
    rec = Recorder(s)
    s.lo = 3.0
    assert (s.lo, s.hi) == (3.0, 4.0)
    assert rec.calls == [frozenset({"lo", "hi"})]
    s.hi = -2.0
    assert (s.lo, s.hi) == (-3.0, -2.0)
    with pytest.raises(ParamError):
        s.set("lo", 9.0, clamp=False)
    assert (s.lo, s.hi) == (-3.0, -2.0) and len(rec.calls) == 2


# a random walk of edits: every notification names exactly what changed, and only real changes
EDITS = st.one_of(
    st.tuples(st.just("speed"), st.floats(-5, 15)),
    st.tuples(st.just("count"), st.integers(-3, 12)),
    st.tuples(st.just("on"), st.booleans()),
    st.tuples(st.just("color"), st.sampled_from(["red", "green", "blue"])),
    st.tuples(st.just("lo"), st.floats(-10, 10)),
    st.tuples(st.just("hi"), st.floats(-10, 10)),
    st.tuples(st.just("reset"), st.none()),
)


@settings(max_examples=120, deadline=None)
@given(st.lists(EDITS, max_size=25))
def test_notifications_match_changes_exactly(edits) -> None:
    s = Ranged()
    rec = Recorder(s)
    for name, value in edits:
        before = s.values()
        n = len(rec.calls)
        if name == "reset":
            s.reset()
        else:
            setattr(s, name, value)
        after = s.values()
        diff = frozenset(k for k in after if after[k] != before[k])
        if diff:
            assert rec.calls[n:] == [diff]
        else:
            assert len(rec.calls) == n
        assert after["lo"] < after["hi"]
        for k, spec in s.specs.items():
            assert same(spec.validate(after[k], clamp=False), after[k])


@settings(max_examples=100, deadline=None)
@given(st.fixed_dictionaries({
    "speed": values_of(Demo.specs["speed"]), "count": values_of(Demo.specs["count"]),
    "on": st.booleans(), "color": values_of(Demo.specs["color"]),
    "items": values_of(Demo.specs["items"]),
}))
def test_from_dict_round_trip_hypothesis(data: Mapping) -> None:
    a = Demo()
    assert a.from_dict(data, strict=True) == []
    b = Demo()
    assert b.from_dict(json.loads(json.dumps(a.to_dict()))) == []
    assert b.values() == a.values()
    for k, v in data.items():
        assert same(a.get(k), v)


# ---------------------------------------------------------------------- the same with LossCurvesState
def test_loss_curves_state_reset_is_one_notification() -> None:
    s = LossCurvesState()
    s.update({"mode": "residual", "huber_delta": 2.0, "x_min": -10.0, "x_max": 10.0,
              "probe": 7.0, "derivatives": True})
    rec = Recorder(s)
    s.reset()
    assert len(rec.calls) == 1
    assert rec.calls[0] == frozenset({"mode", "huber_delta", "x_min", "x_max", "probe",
                                      "derivatives", "selected"})
    assert s.values() == {n: spec.default for n, spec in s.specs.items()}


def test_loss_curves_state_batch_and_unsubscribe() -> None:
    s = LossCurvesState()
    rec = Recorder(s)
    with s.batch():
        s.mode = "residual"
        s.quantile_tau = 0.9
        s.epsilon = 1.0
    assert rec.calls == [frozenset({"mode", "selected", "quantile_tau", "epsilon"})]
    rec.unsubscribe()
    s.epsilon = 2.0
    assert len(rec.calls) == 1


def test_loss_curves_state_from_dict_reports_and_applies() -> None:
    s = LossCurvesState()
    problems = s.from_dict({"huber_delta": 99.0, "epsilon": 1.25, "losses": ["hinge", "bogus"],
                            "logistic_base": "10", "derivatives": True})
    assert s.epsilon == 1.25 and s.derivatives is True
    assert s.huber_delta == 1.0 and s.logistic_base == "e"
    assert s.losses == LossCurvesState.specs["losses"].default
    assert len(problems) == 3
    assert all("allowed" in p for p in problems)
    with pytest.raises(ParamError):
        LossCurvesState().from_dict({"huber_delta": 99.0}, strict=True)
