"""Lessons without Qt: the file format and its messages, every built-in lesson (both languages,
valid parameters, and answers that the panels' own numbers confirm), the runner (steps, reveal,
answers, restoring the user's states) and appending a step to a file."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import losslab
from losslab.core.params import Kind
from losslab.lessons import format as fmt
from losslab.lessons.format import (
    LETTERS,
    Lesson,
    LessonError,
    Step,
    builtin_lessons,
    changed_params,
    lesson_names,
    parse_lesson,
    read_lesson,
    with_step,
)
from losslab.lessons.runner import Answers, LessonRunner, outcome, parse_guesses
from losslab.maths.losses import LOSSES
from losslab.panels import PANELS, keys
from losslab.panels import panel as panel_entry

APP_DIR = str(Path(losslab.__file__).resolve().parent.parent)
LESSON_DIR = Path(APP_DIR).parent / "resources" / "lessons"

#: The built-in lessons, in the teaching order of the menu.
BUILTIN_IDS = [
    "zero_one_bounds", "regression_outliers", "margins_svm_adaboost", "archers_entropy",
    "cross_entropy_kl", "frameworks_cross_entropy", "quadratic_vs_cross_entropy",
    "risk_overfitting", "likelihood_to_loss", "two_layer_network",
]
#: The panel each built-in lesson is about (the brief's list).
MAIN_PANEL = {
    "zero_one_bounds": "losses", "regression_outliers": "fit", "margins_svm_adaboost": "fit",
    "archers_entropy": "entropy", "cross_entropy_kl": "entropy",
    "frameworks_cross_entropy": "cross_entropy", "quadratic_vs_cross_entropy": "neuron",
    "risk_overfitting": "risk", "likelihood_to_loss": "likelihood",
    "two_layer_network": "network",
}

#: Words that may appear untranslated in a formula.
FORMULA_WORDS = {"max", "min", "exp", "log", "NaN", "inf"}

MINIMAL = """
id = "tiny"
title = "Tiny"
[[steps]]
panel = "neuron"
"""


def lessons_by_id() -> dict[str, Lesson]:
    return {lesson.id: lesson for lesson in builtin_lessons()}


# ---------------------------------------------------------------------- Qt-free
def test_the_lesson_modules_import_no_qt():
    code = ("import sys, json; import losslab.lessons.format, losslab.lessons.runner; "
            "losslab.lessons.format.builtin_lessons(); "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph'))))")
    env = dict(os.environ, PYTHONPATH=APP_DIR)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


# ---------------------------------------------------------------------- built-in lessons
def test_builtin_lessons_are_the_ten_in_teaching_order():
    lessons = builtin_lessons()
    assert [lesson.id for lesson in lessons] == BUILTIN_IDS
    files = sorted(p.name for p in LESSON_DIR.glob("*.toml"))
    assert [lesson.source for lesson in lessons] == files
    for lesson in lessons:
        assert MAIN_PANEL[lesson.id] in lesson.panels


@pytest.mark.parametrize("lesson_id", BUILTIN_IDS)
def test_builtin_lesson_is_complete_in_both_languages(lesson_id):
    lesson = lessons_by_id()[lesson_id]
    assert 3 <= len(lesson.steps) <= 6
    texts = [lesson.title, lesson.summary]
    for step in lesson.steps:
        texts += [step.title, step.text]
        if step.question is not None:
            texts += [step.question.prompt, step.question.explain, *step.question.choices]
    for text in texts:
        assert set(text.values) == {"en", "zh_CN"}, (lesson_id, dict(text.values))
        en, zh = text.values["en"].strip(), text.values["zh_CN"].strip()
        assert en and zh
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), en
        # Text with English words has a Chinese version in Chinese characters; a bare formula
        # or number ("1/100", "(a − y)² / 2") may be the same in both.
        if set(re.findall(r"[A-Za-z]{3,}", en)) - FORMULA_WORDS:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
    questions = [s.question for s in lesson.steps if s.question is not None]
    assert questions, "every lesson asks at least one prediction"
    for step in lesson.steps:
        # A prediction is decided by its reveal: the step changes something on Reveal, or asks
        # about numbers the start state already computes (checked in ANSWERS).
        assert step.can_reveal


@pytest.mark.parametrize("lesson_id", BUILTIN_IDS)
def test_every_step_state_is_what_the_command_line_would_set(lesson_id):
    """params and reveal use the --set names and values: applying their --set text strictly to
    a fresh state (as ``losslab export PANEL --set`` does) gives the step's values."""
    for step in lessons_by_id()[lesson_id].steps:
        model = panel_entry(step.panel).model
        state = model.make_state()
        allowed = lesson_names(model.state_type)
        texts = {}
        for name, value in step.params.items():
            assert name in allowed
            spec = state.specs[name]
            texts[name] = spec.parse(spec.format(value))
        state.update(texts, clamp=False)
        if model.check_request is not None:
            model.check_request(state, frozenset(texts))
        assert state.values() == dict(step.start_values)
        state.update(dict(step.reveal), clamp=False)
        assert state.values() == dict(step.revealed_values)
        for name in step.locked + step.hidden:
            assert name in state.specs


# ---------------------------------------------------------------------- answers
def _doc(step: Step, revealed: bool = True) -> dict:
    """The panel's JSON document for the step's state (after the reveal by default)."""
    model = panel_entry(step.panel).model
    state = model.make_state()
    state.update(dict(step.values(revealed)), clamp=False)
    return model.json_document(state)


def _state(step: Step, revealed: bool = True):
    model = panel_entry(step.panel).model
    state = model.make_state()
    state.update(dict(step.values(revealed)), clamp=False)
    return model, state


def _nearest(value: float, options: list[float], log: bool = False) -> str:
    """The letter of the option nearest ``value``."""
    f = math.log if log else (lambda v: v)
    return LETTERS[int(np.argmin([abs(f(value) - f(o)) for o in options]))]


def _probe(step: Step) -> dict[str, tuple[float, float]]:
    from losslab.panels.losses.model import probe_values

    return probe_values(_state(step)[1])


def _zero_one_1(step):
    slope = _probe(step)["zero_one"][1]
    return {-1.0: "A", 0.0: "B", 1.0: "C"}[slope]


def _zero_one_2(step):
    m = np.linspace(-2, 3, 50001)
    hinge = LOSSES["hinge"].value(m, {})
    first_zero = m[np.argmax(hinge == 0)]
    assert np.all(hinge[m >= first_zero] == 0)
    return _nearest(float(first_zero), [0.0, 1.0, 2.0])


def _zero_one_3(step):
    values = _probe(step)
    assert step.revealed_values["logistic_base"] == "e"
    logistic, zero_one = values["logistic"][0], values["zero_one"][0]
    return "A" if logistic > zero_one else "B" if logistic == zero_one else "C"


def _zero_one_4(step):
    values = _probe(step)
    order = ["hinge", "logistic", "squared_hinge", "exponential"]
    return LETTERS[int(np.argmax([values[k][0] for k in order]))]


def _fits(step, revealed=True):
    return _doc(step, revealed)["fits"]


def _regression_1(step):
    before, after = _fits(step, False), _fits(step, True)
    moves = [abs(after[k]["w"][0] - before[k]["w"][0]) + abs(after[k]["b"] - before[k]["b"])
             for k in ("squared", "absolute", "huber")]
    return LETTERS[int(np.argmax(moves))]


def _regression_2(step):
    before, after = _fits(step, False), _fits(step, True)
    old, new = before["huber"]["w"][0], after["huber"]["w"][0]
    squared = after["squared"]["w"][0]
    if math.isclose(old, new):
        return "C"
    return "A" if abs(new - squared) < abs(old - squared) else "B"


def _regression_3(step):
    return _fits(step)["squared"]["w"][0]


def _regression_4(step):
    fit = _fits(step)["quantile"]
    points = np.array(step.revealed_values["points"])
    line = fit["w"][0] * points[:, 0] + fit["b"]
    above = int(np.sum(points[:, 1] > line + 1e-9))
    below = int(np.sum(points[:, 1] < line - 1e-9))
    if above == 0 and below == 0:
        return "A"
    return "B" if above < below else "C"


def _margins_1(step):
    return _doc(step)["svm_C"]


def _margins_2(step):
    fits = _fits(step)
    return LETTERS[int(np.argmax([fits[k]["objective"] for k in
                                  ("hinge", "logistic", "exponential")]))]


def _margins_3(step):
    model, state = _state(step)
    weights = model.table(state)["exponential_adaboost_weight"]
    assert math.isclose(float(np.sum(weights)), 1.0)
    return "A" if tuple(state.points[int(np.argmax(weights))]) == (4.0, 0.0, 1.0) else "B"


def _margins_4(step):
    before = np.linalg.norm(_fits(step, False)["hinge"]["w"])
    after = np.linalg.norm(_fits(step, True)["hinge"]["w"])
    return "A" if after < before else "B" if after > before else "C"


def _archers(step, revealed=True):
    return _doc(step, revealed)["archers"]


def _entropy_1(step):
    return _archers(step)[0]["info_hit"]


def _entropy_2(step):
    a, b = (x["entropy"] for x in _archers(step))
    return "A" if a > b else "B" if b > a else "C"


def _entropy_3(step):
    model, state = _state(step)
    grid = np.linspace(0.0, 1.0, 101)
    values = []
    for p in grid:
        state.update({"archer_a": float(p)}, clamp=False)
        values.append(model.json_document(state)["archers"][0]["entropy"])
    assert step.revealed_values["archer_a"] == grid[int(np.argmax(values))]
    return float(grid[int(np.argmax(values))])


def _entropy_4(step):
    assert step.revealed_values["unit"] == "nats"
    return _archers(step)[0]["entropy"]


def _ce(step, revealed=True):
    return _doc(step, revealed)["cross_entropy"]


def _kl_1(step):
    return _ce(step)["cross_entropy"][1]


def _kl_2(step):
    doc = _ce(step)
    # q1 = p after the reveal: its cross-entropy is H(p) and no other q does better.
    assert tuple(step.revealed_values["q1"]) == tuple(step.revealed_values["p"])
    best, h = doc["cross_entropy"][0], doc["entropy_p"]
    model, state = _state(step)
    rng = np.random.default_rng(0)
    for _ in range(200):
        q = rng.dirichlet(np.ones(3))
        state.update({"q2": tuple(float(v) for v in q)}, clamp=False)
        assert model.json_document(state)["cross_entropy"]["cross_entropy"][1] >= best - 1e-12
    return "B" if math.isclose(best, h, rel_tol=1e-12) and doc["kl"][0] == 0 else "A"


def _kl_3(step):
    before, after = _ce(step, False)["kl"][0], _ce(step, True)["kl"][0]
    if math.isinf(after):
        return "D"
    return "A" if math.isclose(before, after) else "B" if after > before else "C"


def _kl_4(step):
    value = _ce(step)["cross_entropy"][1]
    return "C" if math.isinf(value) else "A" if value == 0 else "B"


def _frameworks_1(step):
    return _doc(step)["softmax"][0][0]


def _frameworks_2(step):
    doc = _doc(step)
    assert doc["pytorch"] == doc["nll"][0]
    return doc["pytorch"]


def _frameworks_3(step):
    return {2.0: "A", 4.0: "B", 5.0: "C"}[_doc(step)["denominator"]]


def _frameworks_4(step):
    value = _doc(step)["softmax"][0][0]
    return "C" if math.isnan(value) else _nearest(value, [1.0, 1 / 3, math.inf, 0.0])


def _frameworks_5(step):
    doc = _doc(step)
    assert doc["pytorch"]["mse"] == 25.5
    return doc["keras"]["mean_squared_error"]


def _runs(step, revealed=True):
    return _doc(step, revealed)["runs"]


def _neuron_1(step):
    runs = _runs(step)
    q, ce = runs["quadratic"]["final_output"], runs["cross_entropy"]["final_output"]
    return "A" if q > 2 * ce else "B" if ce > 2 * q else "C"


def _neuron_2(step):
    return _nearest(_runs(step)["quadratic"]["final_output"], [0.01, 0.09, 0.20, 0.98])


def _neuron_3(step):
    columns = _doc(step, False)["columns"]
    return columns["cross_entropy_dw"][0] / columns["quadratic_dw"][0]


def _neuron_4(step):
    return _nearest(_runs(step)["cross_entropy"]["final_output"], [0.01, 0.20, 0.78, 0.98])


def _neuron_5(step):
    columns = _doc(step)["columns"]
    y = step.revealed_values["y"]
    a = np.array(columns["cross_entropy_a"])
    np.testing.assert_allclose(columns["cross_entropy_db"], a - y, rtol=1e-12, atol=0)
    # The quadratic cost's gradient carries the σ′ factor: not a − y.
    a_q = np.array(columns["quadratic_a"])
    assert not np.allclose(columns["quadratic_db"], a_q - y)
    return "B"


def _risk_1(step):
    return _doc(step)["expected_risk"]


def _risk_2(step):
    spread = {row["n"]: row["std"] for row in _doc(step)["spread"]}
    return _nearest(spread[20] / spread[2000], [100.0, 10.0, 2.0, 1.0], log=True)


def _risk_3(step):
    before, after = _doc(step, False), _doc(step, True)
    train = after["train_risk"] < before["train_risk"]
    expected = after["expected_risk"] > 100 * before["expected_risk"]
    return {(True, True): "B", (True, False): "A", (False, False): "C",
            (False, True): "D"}[(train, expected)]


def _risk_4(step):
    before, after = _doc(step, False), _doc(step, True)
    degree_3 = next(r for r in before["degree_sweep"] if r["degree"] == 3)["expected_risk"]
    if after["expected_risk"] < before["expected_risk"] and after["expected_risk"] < 1.5 * degree_3:
        return "A"
    return "B" if after["expected_risk"] > before["expected_risk"] else "C"


def _likelihood_1(step):
    return _doc(step, True)["nll"] - _doc(step, False)["nll"]


def _likelihood_2(step):
    return _doc(step)["nll"]


def _likelihood_3(step):
    mle = _doc(step)["mle"]
    assert mle["status"] == "ok"
    if math.isclose(mle["w"], 1.0, abs_tol=1e-9) and math.isclose(mle["b"], 0.0, abs_tol=1e-9):
        return "B"
    return "A" if math.isclose(mle["w"], 4.2) else "C"


def _likelihood_4(step):
    doc = _doc(step)
    values = step.revealed_values
    x = np.array([p[0] for p in values["points"]])
    y = 2 * np.array([p[1] for p in values["points"]]) - 1
    m = y * (values["w"] * x + values["b"])
    candidates = {"A": np.maximum(0, 1 - m), "B": np.logaddexp(0, -m), "C": (1 - m) ** 2,
                  "D": np.exp(-m)}
    same = [k for k, v in candidates.items() if math.isclose(float(np.sum(v)), doc["nll"],
                                                             rel_tol=1e-12)]
    assert len(same) == 1
    return same[0]


def _network_1(step):
    doc = _doc(step)
    error = np.max(np.abs(np.array(doc["predictions"]) - np.array(doc["targets"])))
    return "A" if error < 0.05 else "C" if error == 0 else "D"


def _network_2(step):
    doc = _doc(step)
    predictions = np.array(doc["predictions"])
    if np.all(np.abs(predictions - 0.5) < 0.1):
        return "B"
    return "A" if np.max(np.abs(predictions - np.array(doc["targets"]))) < 0.05 else "C"


def _network_3(step):
    doc = _doc(step)
    model, state = _state(step)
    state.update({"loss": "sse"}, clamp=False)
    sse = model.json_document(state)["steps_to_tolerance"]
    assert sse == 609  # the number the step's text quotes
    ce = doc["steps_to_tolerance"]
    if ce is None:
        return "C"
    return "A" if ce < sse else "B"


def _network_4(step):
    return _doc(step)["final_loss"]


#: (lesson id, step number) → the answer the panel's own numbers give: a letter, or a number.
ANSWERS: dict[tuple[str, int], Callable[[Step], object]] = {
    ("zero_one_bounds", 1): _zero_one_1, ("zero_one_bounds", 2): _zero_one_2,
    ("zero_one_bounds", 3): _zero_one_3, ("zero_one_bounds", 4): _zero_one_4,
    ("regression_outliers", 1): _regression_1, ("regression_outliers", 2): _regression_2,
    ("regression_outliers", 3): _regression_3, ("regression_outliers", 4): _regression_4,
    ("margins_svm_adaboost", 1): _margins_1, ("margins_svm_adaboost", 2): _margins_2,
    ("margins_svm_adaboost", 3): _margins_3, ("margins_svm_adaboost", 4): _margins_4,
    ("archers_entropy", 1): _entropy_1, ("archers_entropy", 2): _entropy_2,
    ("archers_entropy", 3): _entropy_3, ("archers_entropy", 4): _entropy_4,
    ("cross_entropy_kl", 1): _kl_1, ("cross_entropy_kl", 2): _kl_2,
    ("cross_entropy_kl", 3): _kl_3, ("cross_entropy_kl", 4): _kl_4,
    ("frameworks_cross_entropy", 1): _frameworks_1, ("frameworks_cross_entropy", 2): _frameworks_2,
    ("frameworks_cross_entropy", 3): _frameworks_3, ("frameworks_cross_entropy", 4): _frameworks_4,
    ("frameworks_cross_entropy", 5): _frameworks_5,
    ("quadratic_vs_cross_entropy", 1): _neuron_1, ("quadratic_vs_cross_entropy", 2): _neuron_2,
    ("quadratic_vs_cross_entropy", 3): _neuron_3, ("quadratic_vs_cross_entropy", 4): _neuron_4,
    ("quadratic_vs_cross_entropy", 5): _neuron_5,
    ("risk_overfitting", 1): _risk_1, ("risk_overfitting", 2): _risk_2,
    ("risk_overfitting", 3): _risk_3, ("risk_overfitting", 4): _risk_4,
    ("likelihood_to_loss", 1): _likelihood_1, ("likelihood_to_loss", 2): _likelihood_2,
    ("likelihood_to_loss", 3): _likelihood_3, ("likelihood_to_loss", 4): _likelihood_4,
    ("two_layer_network", 1): _network_1, ("two_layer_network", 2): _network_2,
    ("two_layer_network", 3): _network_3, ("two_layer_network", 4): _network_4,
}


def _questions():
    return [(lesson.id, step.number) for lesson in builtin_lessons() for step in lesson.steps
            if step.question is not None]


def test_every_builtin_question_has_a_check():
    assert sorted(_questions()) == sorted(ANSWERS)


@pytest.mark.parametrize(("lesson_id", "number"), _questions(),
                         ids=[f"{i}-{n}" for i, n in _questions()])
def test_marked_answer_is_what_the_panel_computes(lesson_id, number):
    step = lessons_by_id()[lesson_id].steps[number - 1]
    question = step.question
    truth = ANSWERS[(lesson_id, number)](step)
    if question.kind == "choice":
        assert truth == question.answer_letter
    else:
        assert isinstance(truth, float) and math.isfinite(truth)
        # The true value is well inside the accepted band, and the stated answer is close to
        # it (it is written with a few digits).
        assert question.accepts(truth)
        assert abs(truth - question.answer) <= max(question.tolerance / 5, 1e-6 * abs(truth))


def test_answer_checks_can_fail():
    """Control: the checkers distinguish answers (a wrong letter or number would be caught)."""
    lesson = lessons_by_id()["quadratic_vs_cross_entropy"]
    first = lesson.steps[0]
    assert _neuron_1(first) == "A"
    # Reversed roles: with the cross-entropy learning 1000× slower, cross-entropy is further.
    slow = Step(first.number, first.panel, first.params, first.reveal,
                first.start_values,
                {**first.revealed_values, "same_eta": False, "eta_cross_entropy": 0.0001},
                question=first.question)
    assert _neuron_1(slow) == "B"
    archers = lessons_by_id()["archers_entropy"].steps[0]
    assert not archers.question.accepts(_entropy_1(archers) + 1.0)


# ---------------------------------------------------------------------- messages
BROKEN = [
    ("lam", "[[steps]]\npanel = \"risk\"\nparams = { lam = -1 }",
     "my.toml: step 1: params.lam: -1 is out of range; allowed: a number from 0 to 10"),
    ("third", "[[steps]]\npanel = \"risk\"\n[[steps]]\npanel = \"risk\"\n[[steps]]\n"
     "panel = \"risk\"\nparams = { lam = -1 }",
     "my.toml: step 3: params.lam: -1 is out of range; allowed: a number from 0 to 10"),
    ("panel", "[[steps]]\npanel = \"nope\"",
     "my.toml: step 1: panel: 'nope' is not a panel; allowed: " + ", ".join(keys())),
    ("no panel", "[[steps]]\ntext = \"x\"", "my.toml: step 1: panel: missing; allowed: "),
    ("unknown param", "[[steps]]\npanel = \"neuron\"\nparams = { w = 1 }",
     "my.toml: step 1: params.w: unknown parameter of panel neuron; allowed: frame, speed, w0"),
    ("type", "[[steps]]\npanel = \"neuron\"\nparams = { epochs = \"many\" }",
     "my.toml: step 1: params.epochs: 'many' is not a number; allowed: a whole number from 1"),
    ("choice", "[[steps]]\npanel = \"losses\"\nparams = { mode = \"both\" }",
     "my.toml: step 1: params.mode: 'both' is not allowed; allowed: one of margin, residual"),
    ("cross-field", "[[steps]]\npanel = \"losses\"\nparams = { x_min = 2, x_max = 1 }",
     "my.toml: step 1: params: x_min (2) must be below x_max (1)"),
    ("request", "[[steps]]\npanel = \"losses\"\nparams = { losses = [\"squared\"] }",
     "my.toml: step 1: params.losses: squared not available in mode=margin"),
    ("reveal", "[[steps]]\npanel = \"neuron\"\nreveal = { frame = 301 }",
     "my.toml: step 1: reveal.frame: 301 is past the last frame; allowed: a whole number "
     "from 0 to 300"),
    ("locked", "[[steps]]\npanel = \"neuron\"\nlocked = [\"speedy\"]",
     "my.toml: step 1: locked: 'speedy' is not a parameter of panel neuron; allowed: frame"),
    ("step key", "[[steps]]\npanel = \"neuron\"\nparam = {}",
     "my.toml: step 1: param: unknown field; allowed: panel, title, text, params"),
    ("language", "[[steps]]\npanel = \"neuron\"\ntext = { en = \"a\", zh = \"b\" }",
     "my.toml: step 1: text.zh: unknown language; allowed: en, zh_CN"),
    ("english", "[[steps]]\npanel = \"neuron\"\ntext = { zh_CN = \"只有中文\" }",
     "my.toml: step 1: text.en: missing or empty; allowed: the English text"),
    ("kind", "[[steps]]\npanel = \"neuron\"\n[steps.question]\nkind = \"essay\"\n"
     "prompt = \"?\"\nanswer = 1",
     "my.toml: step 1: question.kind: 'essay' is not allowed; allowed: choice, number"),
    ("answer", "[[steps]]\npanel = \"neuron\"\n[steps.question]\nkind = \"choice\"\n"
     "prompt = \"?\"\nchoices = [\"a\", \"b\"]\nanswer = \"C\"",
     "my.toml: step 1: question.answer: 'C' is not a choice; allowed: one of A, B"),
    ("one choice", "[[steps]]\npanel = \"neuron\"\n[steps.question]\nkind = \"choice\"\n"
     "prompt = \"?\"\nchoices = [\"a\"]\nanswer = \"A\"",
     "my.toml: step 1: question.choices: 1 choices; allowed: 2 to 8 choices"),
    ("lengths", "[[steps]]\npanel = \"neuron\"\n[steps.question]\nkind = \"choice\"\n"
     "prompt = \"?\"\nchoices = { en = [\"a\", \"b\"], zh_CN = [\"甲\"] }\nanswer = \"A\"",
     "my.toml: step 1: question.choices: the languages have different numbers of choices"),
    ("tolerance", "[[steps]]\npanel = \"neuron\"\n[steps.question]\nkind = \"number\"\n"
     "prompt = \"?\"\nanswer = 1",
     "my.toml: step 1: question.tolerance: missing; allowed: a number ≥ 0"),
    ("negative", "[[steps]]\npanel = \"neuron\"\n[steps.question]\nkind = \"number\"\n"
     "prompt = \"?\"\nanswer = 1\ntolerance = -0.5",
     "my.toml: step 1: question.tolerance: -0.5 is negative; allowed: a number ≥ 0"),
    ("matrix", "[[steps]]\npanel = \"likelihood\"\nparams = { points = \"0,0;1\" }",
     "my.toml: step 1: params.points: a row has 1 values; allowed: 1 to 40 rows"),
]


@pytest.mark.parametrize(("what", "steps", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_lesson_names_file_step_and_field(what, steps, message):
    text = f"id = \"x\"\ntitle = \"X\"\n{steps}\n"
    with pytest.raises(LessonError) as caught:
        parse_lesson(text, "my.toml")
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("text", "message"), [
    ("id = \"x\"\ntitle = \"X\"\nsteps = [", "my.toml: not valid TOML: "),
    ("title = \"X\"\n[[steps]]\npanel = \"neuron\"", "my.toml: id: missing; allowed: "),
    ("id = \"Big Lesson\"\ntitle = \"X\"", "my.toml: id: 'Big Lesson' is not allowed"),
    ("id = \"x\"\n[[steps]]\npanel = \"neuron\"", "my.toml: title: missing"),
    ("id = \"x\"\ntitle = \"X\"", "my.toml: steps: missing; allowed: 1 to 50 [[steps]] tables"),
    ("id = \"x\"\ntitle = \"X\"\nformat = 2\n[[steps]]\npanel = \"neuron\"",
     "my.toml: format: 2 is not supported; allowed: 1"),
    ("id = \"x\"\ntitle = \"X\"\nauthor = \"me\"\n[[steps]]\npanel = \"neuron\"",
     "my.toml: author: unknown field; allowed: format, id, title, summary, steps"),
])
def test_a_broken_lesson_head_is_named(text, message):
    with pytest.raises(LessonError) as caught:
        parse_lesson(text, "my.toml")
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


def test_unreadable_files_are_reported(tmp_path):
    with pytest.raises(LessonError, match=r"^missing.toml: cannot read"):
        read_lesson(tmp_path / "missing.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b"id = \"x\"\ntitle = \"caf\xe9\"\n")
    with pytest.raises(LessonError, match=r"^latin.toml: not UTF-8 text"):
        read_lesson(latin)


def test_values_may_be_toml_or_set_text():
    text = MINIMAL.replace("[[steps]]\npanel = \"neuron\"", """
[[steps]]
panel = "likelihood"
params = { points = "0,0;1,2", noise = "laplace", scale = "2.5" }
[[steps]]
panel = "likelihood"
params = { points = [[0, 0], [1, 2]], noise = "laplace", scale = 2.5 }
[[steps]]
panel = "losses"
params = { logistic_base = 2, losses = "hinge,logistic", derivatives = "on" }
""")
    lesson = parse_lesson(text)
    assert lesson.steps[0].start_values == lesson.steps[1].start_values
    assert lesson.steps[0].params["points"] == ((0.0, 0.0), (1.0, 2.0))
    losses = lesson.steps[2].params
    assert losses == {"logistic_base": "2", "losses": ("hinge", "logistic"), "derivatives": True}


def test_a_step_starts_from_the_defaults_and_reveal_adds_on_top():
    lesson = parse_lesson(MINIMAL + "params = { w0 = 0.6 }\nreveal = { frame = 300 }\n")
    step = lesson.steps[0]
    defaults = panel_entry("neuron").model.make_state().values()
    assert step.start_values == {**defaults, "w0": 0.6}
    assert step.revealed_values == {**defaults, "w0": 0.6, "frame": 300}
    assert step.can_reveal and step.question is None


def test_question_texts_and_answers():
    lesson = parse_lesson(MINIMAL + """
[steps.question]
kind = "choice"
prompt = { en = "Which?", zh_CN = "哪个？" }
choices = [{ en = "one", zh_CN = "一" }, "two", "three"]
answer = "c"
[[steps]]
panel = "neuron"
[steps.question]
kind = "number"
prompt.en = "How much?"
answer = 0.1
tolerance = 0.05
""")
    choice, number = (s.question for s in lesson.steps)
    assert choice.answer_index == 2 and choice.answer_letter == "C"
    assert choice.answer_text("zh_CN") == "C: three"
    assert choice.choices[0].get("zh_CN") == "一" and choice.choices[1].get("zh_CN") == "two"
    assert choice.prompt.get("zh_CN") == "哪个？" and choice.prompt.get("en") == "Which?"
    assert number.prompt.get("zh_CN") == "How much?"  # falls back to English
    assert number.answer_text("en") == "0.1 ± 0.05"
    assert number.accepts(0.15) and number.accepts(0.05) and number.accepts(0.1)
    assert not number.accepts(0.1500001) and not number.accepts(math.nan)


# ---------------------------------------------------------------------- runner
class Notes:
    def __init__(self):
        self.shown: list[int] = []

    def __call__(self, index: int) -> None:
        self.shown.append(index)


def _states():
    return {entry.key: entry.model.make_state() for entry in PANELS}


def test_runner_walks_the_steps_and_restores_every_state():
    lesson = lessons_by_id()["archers_entropy"]
    states = _states()
    states["entropy"].update({"archer_a": 0.3, "unit": "hartleys", "p": (0.2, 0.8),
                              "q1": (0.5, 0.5), "q2": (0.9, 0.1)})
    states["losses"].update({"mode": "residual", "huber_delta": 2.5})
    before = {k: s.values() for k, s in states.items()}
    notes = Notes()
    runner = LessonRunner(lesson, states, notes)
    assert runner.index == -1
    runner.start()
    assert notes.shown == [0]
    assert states["entropy"].values() == dict(lesson.steps[0].start_values)
    assert not runner.go(0)  # already there: nothing applied, nobody told
    assert notes.shown == [0]
    while runner.next():
        step = runner.step
        assert states[step.panel].values() == dict(step.start_values)
    assert runner.index == runner.count - 1 and not runner.next()
    assert runner.previous() and runner.index == runner.count - 2
    runner.go(-5)
    assert runner.index == 0
    runner.go(99)
    assert runner.index == runner.count - 1
    runner.leave()
    assert {k: s.values() for k, s in states.items()} == before
    with pytest.raises(RuntimeError):
        runner.next()
    runner.leave()  # twice is harmless


def test_reveal_applies_the_reveal_and_is_remembered():
    lesson = lessons_by_id()["quadratic_vs_cross_entropy"]
    states = _states()
    runner = LessonRunner(lesson, states)
    runner.start()
    neuron = states["neuron"]
    assert (neuron.epochs, neuron.frame) == (1, 0)
    runner.reveal()
    assert (neuron.epochs, neuron.frame) == (300, 300)
    assert runner.current.revealed
    # A user edit within the step is undone when the step is shown again; the reveal stays.
    neuron.update({"frame": 10})
    runner.next()
    assert neuron.epochs == 1 and not runner.current.revealed
    runner.previous()
    assert (neuron.epochs, neuron.frame) == (300, 300)


def test_class_answers_and_outcomes():
    lesson = lessons_by_id()["archers_entropy"]
    runner = LessonRunner(lesson, _states())
    runner.start()
    assert runner.step.question.kind == "number"
    runner.set_guesses(parse_guesses("3, 3.3 3.4; 5"))
    result = runner.outcome()
    assert (result.votes, result.right, result.closest) == (4, 2, 3.3)
    assert result.share == 0.5
    runner.next()
    assert runner.current.counts == [0, 0, 0]
    assert runner.outcome().share is None
    runner.set_count(0, 12)
    runner.set_count(1, 5)
    runner.set_count(2, -3)  # never negative
    result = runner.outcome()
    assert (result.votes, result.right) == (17, 12)
    with pytest.raises(IndexError):
        runner.set_count(3, 1)
    # Answers are kept per step.
    runner.previous()
    assert runner.current.guesses == [3.0, 3.3, 3.4, 5.0]
    assert runner.answers[1].counts == [12, 5, 0]
    assert outcome(runner.lesson.steps[1].question, Answers(counts=[0, 3, 0])).right == 0


@pytest.mark.parametrize("text", ["1, two", "nan", "inf", "1e999"])
def test_guesses_must_be_finite_numbers(text):
    with pytest.raises(ValueError):
        parse_guesses(text)


def test_runner_refuses_a_lesson_whose_panel_is_missing():
    states = _states()
    del states["entropy"]
    with pytest.raises(LessonError, match="panel entropy is not open"):
        LessonRunner(lessons_by_id()["archers_entropy"], states)


# ---------------------------------------------------------------------- writing steps
def _changed_state(key):
    """A state of panel ``key`` with a few parameters away from their defaults."""
    model = panel_entry(key).model
    state = model.make_state()
    changes = {}
    for name in lesson_names(model.state_type):
        spec = state.specs[name]
        if name == "frame" or len(changes) >= 3:
            continue
        if spec.kind is Kind.FLOAT and spec.minimum is not None and spec.maximum is not None:
            changes[name] = spec.minimum + 0.37 * (spec.maximum - spec.minimum)
        elif spec.kind is Kind.BOOL:
            changes[name] = not spec.default
    state.update(changes)
    return state


@pytest.mark.parametrize("key", keys())
def test_a_saved_step_reproduces_the_panel(key, tmp_path):
    state = _changed_state(key)
    params = changed_params(state)
    assert params and all(state.get(n) != state.specs[n].default for n in params)
    text, lesson = with_step(None, tmp_path / "My Lesson 2.toml", key, params)
    assert lesson.id == "my_lesson_2" and len(lesson.steps) == 1
    step = lesson.steps[0]
    assert step.panel == key
    fresh = panel_entry(key).model.make_state()
    fresh.update(dict(step.start_values))
    names = lesson_names(type(state))
    assert {n: fresh.get(n) for n in names} == {n: state.get(n) for n in names}


def test_appending_keeps_the_file_and_checks_it(tmp_path):
    original = MINIMAL.replace("id = ", "# my own comment\nid = ") + "text.en = \"first\"\n"
    text, lesson = with_step(original, tmp_path / "tiny.toml", "losses",
                             {"mode": "residual", "huber_delta": 2.5})
    assert text.startswith(original)
    assert [s.panel for s in lesson.steps] == ["neuron", "losses"]
    assert lesson.steps[1].params == {"mode": "residual", "huber_delta": 2.5}
    assert lesson.steps[1].text.get("en") == fmt.PLACEHOLDER
    with pytest.raises(LessonError, match=r"^tiny.toml: step 1: panel"):
        with_step(original.replace("\"neuron\"", "\"nope\""), tmp_path / "tiny.toml", "losses",
                  {})


@pytest.mark.parametrize("value", [1e-05, 0.1, -0.0, 1e16, 2.5e-300, 300.0, -7])
def test_numbers_are_written_exactly(value):
    lesson = parse_lesson(MINIMAL + "[steps.question]\nkind = \"number\"\nprompt = \"?\"\n"
                          f"tolerance = 0\nanswer = {fmt.toml_value(value)}\n")
    assert lesson.steps[0].question.answer == value


def test_strings_are_escaped():
    tricky = "quote \" backslash \\ newline \n tab \t bell \x07 中文"
    lesson = parse_lesson(f"id = \"x\"\ntitle = {fmt.toml_string(tricky)}\n[[steps]]\n"
                          "panel = \"neuron\"\n")
    assert lesson.title.get("en") == tricky
