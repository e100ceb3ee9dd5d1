"""The Cross-entropy panel model: state rules, report, notes, exports and code snippets (run
with the real PyTorch and Keras where installed), no Qt."""

from __future__ import annotations

import math
import os
import warnings

import numpy as np
import pytest

from losslab.core.params import ParamError
from losslab.io.tables import to_json_text
from losslab.maths import cross_entropy as ce
from losslab.panels import panel as panel_entry
from losslab.panels.cross_entropy import model as cp

LOGITS = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])


def state(**changes):
    s = cp.CrossEntropyState()
    s.update(changes, clamp=False)
    return s


# ---------------------------------------------------------------------------- extremes
EXTREME = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 999.0]])


def test_extreme_logits_stay_finite():
    t = np.array([1, 0])
    steps = ce.softmax_steps(EXTREME)
    assert np.isfinite(steps.log_softmax).all() and np.isfinite(steps.softmax).all()
    assert steps.log_softmax[0, 1] == -2000.0
    np.testing.assert_allclose(ce.torch_cross_entropy(EXTREME, t, reduction="none"),
                               [2000.0, 2000.0 + math.log1p(math.exp(-1.0))], rtol=1e-15)
    assert math.isfinite(ce.keras_sparse(t, EXTREME, from_logits=True))
    assert math.isfinite(ce.torch_bce_with_logits(EXTREME, np.zeros((2, 3))))
    assert math.isfinite(ce.keras_binary(np.ones((2, 3)), EXTREME, from_logits=True))
    assert ce.sigmoid(np.array([-1000.0]))[0] == 0.0 and ce.sigmoid(np.array([1000.0]))[0] == 1.0
    s = state(logits=tuple(map(tuple, EXTREME)), targets=(1, 0))
    doc = cp.summary(s)
    for key in ("softmax", "log_softmax", "nll", "manual", "pytorch", "keras_categorical",
                "keras_sparse", "keras_categorical_probs"):
        assert np.isfinite(np.asarray(doc[key], dtype=float)).all(), key
    # Softmax then Keras with from_logits=False: p = 0 is clipped to 1e-7, costing 16.1 not 2000.
    assert doc["keras_categorical_probs"] == pytest.approx(-math.log(1e-7), rel=1e-12)
    assert doc["pytorch"] == pytest.approx(2000.0 + 0.5 * math.log1p(math.exp(-1.0)))


def test_without_max_subtraction_exp_overflows_silently():
    steps = ce.softmax_steps(EXTREME, subtract_max=False)
    assert np.isinf(steps.exp[0, 0]) and np.isnan(steps.softmax[0, 0])
    s = state(logits=tuple(map(tuple, EXTREME)), targets=(1, 0), subtract_max=False)
    r = cp.compute(s)
    assert not math.isfinite(r.value("manual"))
    assert math.isfinite(r.value("pytorch"))  # PyTorch always subtracts the max
    assert any("overflow" in n for n in r.notes)
    assert "null" in to_json_text(cp.summary(s))  # non-finite numbers become null


# ---------------------------------------------------------------------------- the state
def test_defaults_and_registry():
    assert panel_entry("cross_entropy").model is cp.PANEL
    s = cp.CrossEntropyState()
    assert s.logits == ((2.0, 1.0, 0.1), (0.5, 2.5, 0.3)) and s.targets == (0, 1)
    assert s.weight == () and s.reduction == "mean" and s.ignore_index == -100


@pytest.mark.parametrize(("text", "message"), [
    ({"logits": "2,1;0.5"}, "rows have different lengths"),
    ({"targets": "0,3"}, "targets: row 1 has target 3; allowed: a class index from 0 to 2"),
    ({"targets": "0,-1"}, "row 1 has target -1"),
    ({"targets": "0"}, "targets: 1 values for 2 rows"),
    ({"weight": "1,2"}, "weight: 2 values for 3 classes"),
    ({"from_logits": "false", "logits": "0.5,0.6,-0.1;0.2,0.3,0.5"}, "negative probability"),
    ({"from_logits": "false", "logits": "0,0,0;0.2,0.3,0.5"}, "row 0 sums to 0"),
    ({"logits": "1;2"}, "1 column"),
    ({"mode": "binary", "binary_targets": "1,0;0,1"}, "binary_targets: shape 2×2"),
    ({"mode": "binary", "from_logits": "false", "logits": "0.5,1.2,0;0,0,0"}, "outside [0, 1]"),
    ({"label_smoothing": "1.5"}, "label_smoothing: 1.5 is out of range"),
])
def test_bad_tables_are_param_errors(text, message):
    s = cp.CrossEntropyState()
    specs = s.specs
    with pytest.raises(ParamError, match=message.replace("[", r"\[").replace("]", r"\]")):
        s.update({k: specs[k].parse(v) for k, v in text.items()}, clamp=False)
    assert s.values() == cp.CrossEntropyState().values()  # nothing changed


def test_ignore_index_target_accepted_and_binary_mode_ignores_targets():
    s = state(targets=(0, -100))
    assert s.targets == (0, -100)
    s2 = state(mode="binary", logits=((1.0,), (2.0,), (3.0,)),
               binary_targets=((1.0,), (0.0,), (1.0,)))
    assert len(s2.targets) == 2  # unused in binary mode, so not checked


def test_gui_policy_repairs_instead_of_refusing():
    s = cp.CrossEntropyState()
    s.weight = (1.0, 2.0, 3.0)
    s.logits = ((1.0, 2.0, 3.0, 4.0), (0.0, 0.0, 0.0, 0.0), (5.0, 5.0, 5.0, 5.0))
    assert s.targets == (0, 1, 0)  # grown with class 0
    assert s.weight == (1.0, 2.0, 3.0, 1.0)  # padded with 1
    assert len(s.binary_targets) == 3 and len(s.binary_targets[0]) == 4
    s.logits = ((1.0, 2.0),)
    assert s.targets == (0,) and s.weight == (1.0, 2.0)
    s.targets = (7,)
    assert s.targets == (1,)  # clamped to the last class
    s.targets = (-100,)
    assert s.targets == (-100,)  # the ignore_index is allowed


def test_gui_from_logits_toggle_converts_the_table():
    s = cp.CrossEntropyState()
    s.from_logits = False
    np.testing.assert_allclose(s.logits, ce.softmax(LOGITS), rtol=1e-5)
    s.from_logits = True
    # Back to logits: ln p, which differs from the original by a constant per row.
    back = np.asarray(s.logits)
    np.testing.assert_allclose(ce.softmax(back), ce.softmax(LOGITS), rtol=1e-4)
    s.mode = "binary"
    s.from_logits = False
    assert all(0.0 <= v <= 1.0 for row in s.logits for v in row)


def test_gui_probability_rows_repaired():
    s = cp.CrossEntropyState()
    s.update({"from_logits": False, "logits": ((0.2, -0.5, 0.3), (0.0, 0.0, 0.0))})
    assert s.logits[0] == (0.2, 0.0, 0.3)
    np.testing.assert_allclose(s.logits[1], [1 / 3] * 3)


# ---------------------------------------------------------------------------- export
def test_summary_categorical_keys_and_agreement():
    doc = cp.summary(state(weight=(1.0, 2.0, 1.0)))
    for key in ("softmax", "log_softmax", "nll", "pytorch", "keras_categorical", "keras_sparse",
                "manual"):
        assert key in doc
    assert doc["pytorch"] == pytest.approx(0.28570968743963643, rel=1e-14)
    assert doc["manual"] == pytest.approx(doc["pytorch"], rel=1e-14)
    assert doc["keras_sparse"] == pytest.approx(0.857129 / 2, rel=1e-6)
    assert any("sum of the targets' weights (3)" in n for n in doc["notes"])
    np.testing.assert_allclose(doc["nll"], [0.41703001627783354, 0.22004952302053787], rtol=1e-14)


def test_summary_unweighted_frameworks_agree():
    doc = cp.summary(state())
    values = [doc[k] for k in ("manual", "pytorch", "keras_categorical", "keras_sparse",
                               "keras_categorical_probs")]
    np.testing.assert_allclose(values, 0.31853976964918573, rtol=1e-12)
    assert doc["notes"] == []


def test_summary_binary_keys():
    doc = cp.summary(state(mode="binary"))
    for key in ("keras_binary", "pytorch_bce", "manual_clipped", "keras_binary_probs", "sigmoid"):
        assert key in doc
    assert "pytorch" not in doc
    assert doc["keras_binary"] == pytest.approx(doc["pytorch_bce"], rel=1e-14)
    assert doc["manual_clipped"] == pytest.approx(doc["pytorch_bce"], rel=1e-12)
    none = cp.summary(state(mode="binary", reduction="none"))
    assert np.shape(none["pytorch_bce"]) == (2, 3) and np.shape(none["keras_binary"]) == (2,)


def test_table_columns():
    t = cp.table(state(targets=(0, -100)))
    assert list(t)[:5] == ["row", "target", "nll", "row_weight", "row_loss"]
    assert {len(c) for c in t.values()} == {2}
    np.testing.assert_allclose(t["p_0"] + t["p_1"] + t["p_2"], 1.0)
    tb = cp.table(state(mode="binary"))
    assert list(tb) == ["row", "keras_row", "p_0", "p_1", "p_2"]


def test_snippets_carry_the_batch():
    s = state(weight=(1.0, 2.0, 1.0), reduction="sum", label_smoothing=0.1)
    code = cp.snippet(s, "pytorch")
    assert "nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 1.0]" in code
    assert 'reduction="sum"' in code and "label_smoothing=0.1" in code
    assert "[[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]]" in code
    k = cp.snippet(s, "keras")
    assert "SparseCategoricalCrossentropy(from_logits=True" in k and 'reduction="sum"' in k
    assert "BinaryCrossentropy" in cp.snippet(state(mode="binary"), "keras")
    with pytest.raises(ValueError, match="allowed: pytorch, keras"):
        cp.snippet(s, "jax")


@pytest.mark.parametrize("changes", [
    {},
    {"weight": (1.0, 2.0, 1.0), "reduction": "sum", "label_smoothing": 0.2},
    {"targets": (0, -100), "reduction": "none"},
    {"from_logits": False, "logits": ((0.7, 0.2, 0.1), (0.0, 0.5, 0.5)), "targets": (0, 1)},
    {"mode": "binary", "weight": (1.0, 3.0, 0.5)},
    {"mode": "binary", "from_logits": False, "logits": ((0.9, 0.0, 0.2), (1.0, 0.5, 0.1)),
     "reduction": "none"},
])
def test_pytorch_snippet_runs_and_agrees(changes):
    pytest.importorskip("torch")
    s = state(**changes)
    ns: dict = {}
    exec(compile(cp.pytorch_snippet(s), "<snippet>", "exec"), ns)  # noqa: S102
    key = "pytorch_bce" if s.mode == "binary" else "pytorch"
    np.testing.assert_allclose(ns["loss"].numpy(), cp.compute(s).value(key), rtol=1e-12)


# ---------------------------------------------------------------------------- real Keras
def _keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


@pytest.mark.parametrize("changes", [
    {},
    {"weight": (1.0, 2.0, 1.0)},
    {"weight": (1.0, 2.0, 0.5), "reduction": "sum", "label_smoothing": 0.2},
    {"targets": (0, -100), "weight": (2.0, 1.0, 1.0)},
    {"logits": ((1000.0, -1000.0, 0.0), (0.5, 2.5, 0.3)), "targets": (1, 1), "reduction": "none"},
    {"from_logits": False, "logits": ((0.7, 0.3, 0.0), (2.0, 1.0, 1.0)), "targets": (2, 0)},
    {"mode": "binary"},
    {"mode": "binary", "reduction": "sum", "label_smoothing": 0.1},
    {"mode": "binary", "from_logits": False, "logits": ((0.9, 0.0, 1.0), (1.0, 0.5, 0.1))},
])
def test_keras_snippet_runs_and_agrees(changes):
    keras = _keras()
    s = state(**changes)
    ns: dict = {}
    floatx = keras.config.floatx()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                exec(compile(cp.keras_snippet(s), "<snippet>", "exec"), ns)  # noqa: S102
    finally:
        keras.config.set_floatx(floatx)  # the snippet sets float64 globally
    r = cp.compute(s)
    # What the snippet's comment promises: every digit for the categorical per-row values
    # (float64 throughout), about 7 digits where Keras goes through float32 (reductions, binary).
    exact = s.mode != "binary" and s.reduction == "none"
    rtol = 1e-15 if exact else 3e-7
    if s.mode == "binary":
        np.testing.assert_allclose(np.asarray(ns["loss"]), r.value("keras_binary"), rtol=rtol)
        return
    got = np.asarray(ns["loss"])
    want = np.asarray(r.value("keras_categorical"), dtype=float)
    # Keras' 'none' has only the kept rows; ours marks the left-out rows NaN.
    np.testing.assert_allclose(got, want[np.isfinite(want)] if want.ndim else want, rtol=rtol)
    np.testing.assert_allclose(np.asarray(ns["loss_sparse"]), r.value("keras_sparse"), rtol=rtol)


def test_keras_snippet_asks_for_float64_and_says_what_stays_float32():
    code = cp.keras_snippet(state(mode="binary"))
    assert 'keras.config.set_floatx("float64")' in code
    assert code.index("set_floatx") < code.index("BinaryCrossentropy(")
    assert "dtype=np.float64" in code and "float32" in code
    # The comment shows LossLab's value with every digit, to compare with what Keras prints.
    assert "# LossLab: 0.6819847202626583" in code


# ---------------------------------------------------------------------------- not finite, explained
@pytest.mark.parametrize(("changes", "words"), [
    ({}, ""),
    ({"logits": ((1000.0, -1000.0, 0.0), (0.5, 2.5, 0.3))}, ""),
    ({"logits": ((1000.0, -1000.0, 0.0), (0.5, 2.5, 0.3)), "subtract_max": False},
     "overflowed"),
    ({"targets": (-100, -100)}, "0/0"),
    ({"weight": (0.0, 0.0, 1.0)}, "0/0"),
    ({"from_logits": False, "logits": ((0.0, 1.0, 0.0), (0.5, 0.5, 0.0)), "targets": (0, 1)},
     "−log 0 = ∞"),
    ({"mode": "binary", "from_logits": False, "logits": ((0.0, 1.0, 0.0), (1.0, 0.0, 0.5))}, ""),
])
def test_problem_explains_every_non_finite_result(changes, words):
    s = state(**changes)
    text = cp.PANEL.problem_text(s)
    finite = all(np.isfinite(np.asarray(c.value, dtype=float)).all()
                 for c in cp.compute(s).comparisons)
    assert (text == "") == finite
    assert words in text
