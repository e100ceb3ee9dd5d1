"""The Regression panel model: state rule, report, notes, exports and code snippets (run with
the real PyTorch and Keras where installed), no Qt."""

from __future__ import annotations

import os
import warnings

import numpy as np
import pytest

from losslab.core.params import ParamError
from losslab.panels import panel as panel_entry
from losslab.panels.regression import model as rm

#: The issue's batch: 2 samples, 3 outputs.
PRED = np.array([[0.5, 1.5, 3.0], [2.0, -1.0, 0.0]])
TRUE = np.array([[1.0, 1.0, 1.0], [0.0, 0.0, 4.0]])


def state(**changes):
    s = rm.RegressionState()
    s.update(changes, clamp=False)
    return s


# ---------------------------------------------------------------------------- the panel state
def test_defaults_and_registry():
    entry = panel_entry("regression")
    assert entry.title == "Regression losses, step by step"
    assert entry.model is rm.PANEL and rm.PANEL.key == "regression"
    s = rm.RegressionState()
    assert s.predictions == tuple(map(tuple, PRED)) and s.targets == tuple(map(tuple, TRUE))
    assert set(s.specs) == {"predictions", "targets", "reduction", "huber_delta", "beta"}


def test_shape_mismatch_is_a_clear_error():
    with pytest.raises(ParamError, match=r"targets: shape 2×2 but predictions are 2×3; allowed"):
        state(targets=((1.0, 2.0), (3.0, 4.0)))
    with pytest.raises(ParamError, match="rows have different lengths"):
        state(targets=((1.0, 2.0), (3.0,)))


def test_gui_policy_fits_the_other_table():
    s = rm.RegressionState()
    s.predictions = ((1.0, 2.0, 3.0, 4.0), (5.0, 6.0, 7.0, 8.0), (9.0, 10.0, 11.0, 12.0))
    # The new cells of the targets copy the predictions: residual 0, nothing added.
    assert s.targets == ((1.0, 1.0, 1.0, 4.0), (0.0, 0.0, 4.0, 8.0), (9.0, 10.0, 11.0, 12.0))
    s.targets = ((0.0,),)
    assert s.predictions == ((1.0,),)
    s.predictions = ((2e7,),)  # clamped into range
    assert s.predictions == ((rm.VALUE_LIMIT,),)


def test_compute_report_and_shares():
    r = rm.compute(state())
    assert r.value("pytorch", "mse") == 25.5 and r.value("keras", "mean_squared_error") == 8.5
    np.testing.assert_array_equal(r.per_sample_sum["squared"], [4.5, 21.0])
    np.testing.assert_allclose(r.share["squared"], [4.5 / 25.5, 21 / 25.5], rtol=1e-15)
    np.testing.assert_allclose(r.share["absolute"], [0.3, 0.7], rtol=1e-15)
    assert any("PyTorch's sum is 3 times Keras'" in n for n in r.notes)
    assert any("25.5 vs 8.5" in n for n in r.notes)
    assert any("½r², not r²" in n for n in r.notes)
    assert any("Sample 1 carries 82% of the squared loss but 70%" in n for n in r.notes)
    with pytest.raises(KeyError):
        r.value("pytorch", "log_cosh")


def test_perfect_predictions_have_no_shares():
    r = rm.compute(state(predictions=tuple(map(tuple, TRUE))))
    assert all(v == 0.0 for c in r.comparisons for v in np.ravel(c.value))
    assert np.isnan(r.share["squared"]).all()
    assert any("every loss is 0" in n for n in r.notes)


def test_summary_keys_and_values():
    doc = rm.summary(state(reduction="mean", huber_delta=2.5, beta=0.5))
    assert set(doc["pytorch"]) == {"mse", "l1", "huber", "smooth_l1"}
    assert set(doc["keras"]) == {"mean_squared_error", "mean_absolute_error", "huber", "log_cosh"}
    assert doc["pytorch"]["mse"] == 4.25 == doc["keras"]["mean_squared_error"]
    assert doc["pytorch"]["huber"] == pytest.approx(11.625 / 6, rel=1e-15)
    assert doc["pytorch"]["smooth_l1"] == pytest.approx(8.5 / 6, rel=1e-15)
    assert doc["residuals"] == [[-0.5, 0.5, 2.0], [2.0, -1.0, -4.0]]
    doc = rm.summary(state(reduction="none"))
    assert doc["pytorch"]["l1"] == [[0.5, 0.5, 2.0], [2.0, 1.0, 4.0]]
    assert doc["keras"]["mean_absolute_error"] == pytest.approx([1.0, 7 / 3], rel=1e-15)


def test_table_one_row_per_element():
    t = rm.table(state())
    assert list(t) == ["sample", "output", "prediction", "target", "residual", "squared",
                       "absolute", "huber", "smooth_l1", "log_cosh"]
    np.testing.assert_array_equal(t["sample"], [0, 0, 0, 1, 1, 1])
    np.testing.assert_array_equal(t["output"], [0, 1, 2, 0, 1, 2])
    np.testing.assert_array_equal(t["residual"], [-0.5, 0.5, 2, 2, -1, -4])
    np.testing.assert_array_equal(t["huber"], [0.125, 0.125, 1.5, 1.5, 0.5, 3.5])


def test_snippets_carry_the_batch():
    s = state(reduction="none", huber_delta=2.0, beta=0.5)
    code = rm.snippet(s, "pytorch")
    assert "y_pred = torch.tensor([[0.5, 1.5, 3.0], [2.0, -1.0, 0.0]], dtype=torch.float64)" in code
    assert 'nn.HuberLoss(reduction="none", delta=2.0)' in code
    assert 'nn.SmoothL1Loss(reduction="none", beta=0.5)' in code
    k = rm.snippet(s, "keras")
    assert 'keras.config.set_floatx("float64")' in k and "reduction=None" in k
    assert "keras.losses.Huber(delta=2.0" in k
    assert "# LossLab: [1.5, 7. ]" in k or "# LossLab: [1.5, 7.]" in k
    assert "sum_over_batch_size" in rm.snippet(state(reduction="mean"), "keras")
    with pytest.raises(ValueError, match="allowed: pytorch, keras"):
        rm.snippet(s, "jax")
    for code in (rm.snippet(s, "pytorch"), k):
        compile(code, "<snippet>", "exec")


@pytest.mark.parametrize("changes", [
    {}, {"reduction": "mean", "huber_delta": 0.3, "beta": 2.5}, {"reduction": "none", "beta": 0.0},
])
def test_pytorch_snippet_runs_and_agrees(changes):
    pytest.importorskip("torch")
    s = state(**changes)
    ns: dict = {}
    exec(compile(rm.pytorch_snippet(s), "<snippet>", "exec"), ns)  # noqa: S102
    r = rm.compute(s)
    for key, _cls, _el in rm.PYTORCH_LOSSES:
        np.testing.assert_allclose(ns[key].numpy(), r.value("pytorch", key), rtol=1e-12)
    np.testing.assert_allclose(ns["log_cosh"].numpy(), r.elements["log_cosh"], rtol=1e-12)


# ---------------------------------------------------------------------------- real Keras
def _keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


@pytest.mark.parametrize("changes", [{}, {"reduction": "mean", "huber_delta": 0.3},
                                     {"reduction": "none"}])
def test_keras_snippet_runs_and_agrees(changes):
    keras = _keras()
    s = state(**changes)
    ns: dict = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                exec(compile(rm.keras_snippet(s), "<snippet>", "exec"), ns)  # noqa: S102
    finally:
        keras.config.set_floatx("float32")
    r = rm.compute(s)
    for var, (key, _cls, _el) in zip(("mse", "mae", "huber", "log_cosh"), rm.KERAS_LOSSES, strict=True):
        np.testing.assert_allclose(keras.ops.convert_to_numpy(ns[var]), r.value("keras", key),
                                   rtol=1e-12)
