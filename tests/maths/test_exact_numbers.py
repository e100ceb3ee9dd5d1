"""Every number LossLab computes equals the true value (issue 14): saturated sigmoids, the
neuron, the network and BCE from logits against 50-digit mpmath; one sigmoid for the code base.

The references are computed from the same double inputs (z, x, y as stored) with mpmath at 50
significant digits, so a relative error above 1e-12 is an error of ours, not of the reference.
"""

from __future__ import annotations

import csv
import pathlib
import re

import numpy as np
import pytest

mpmath = pytest.importorskip("mpmath")
mp = mpmath.mp

from losslab.cli import main  # noqa: E402
from losslab.maths import activations as act  # noqa: E402
from losslab.maths import cross_entropy as ce  # noqa: E402
from losslab.maths import network as net  # noqa: E402
from losslab.maths import neuron as nn  # noqa: E402

REL = 1e-12
#: Smallest positive normal double: below it a value has fewer than 53 significant bits.
TINY = 2.2250738585072014e-308

APP = pathlib.Path(__file__).resolve().parents[2] / "app" / "losslab"


# ---------------------------------------------------------------------- exact references
def _sig(z: float) -> mpmath.mpf:
    return 1 / (1 + mpmath.exp(-mpmath.mpf(z)))


def _err(z: float, y: float) -> mpmath.mpf:
    """σ(z) − y, written so that 50 digits are enough even where σ(z) is 1 − 1e−300."""
    return (1 - mpmath.mpf(y)) * _sig(z) - mpmath.mpf(y) * _sig(-z)


def _close(got: float, exact: mpmath.mpf, what: str) -> None:
    """|got − exact| ≤ REL·|exact| wherever the exact value is a normal double."""
    e = float(exact)
    if abs(e) < TINY:
        # Not a normal double: only a few significant bits exist, so ask for absolute accuracy.
        assert abs(got - e) <= 1e-3 * TINY, f"{what}: got {got!r}, exact {e!r}"
        return
    rel = abs((mpmath.mpf(got) - exact) / exact)
    assert rel <= REL, f"{what}: got {got!r}, exact {mpmath.nstr(exact, 17)}, rel {float(rel):.3g}"


def _neuron_exact(kind: str, z: float, y: float) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(C, ∂C/∂z) of the neuron at weighted input z, target y."""
    s = _sig(z)
    err = _err(z, y)
    if kind == "quadratic":
        return err**2 / 2, err * s * _sig(-z)
    zz = mpmath.mpf(z)
    c = y * mpmath.log1p(mpmath.exp(-zz)) + (1 - mpmath.mpf(y)) * mpmath.log1p(mpmath.exp(zz))
    return c, err


# ---------------------------------------------------------------------- one sigmoid
def test_there_is_one_sigmoid_in_the_code_base() -> None:
    """No module but maths/activations.py defines a sigmoid or spells one out."""
    pattern = re.compile(r"def sigmoid\b|def _sigmoid|expit|1\.?0? / \(1\.?0? \+ (np|math)\.exp")
    offenders = [
        str(path.relative_to(APP)) for path in APP.rglob("*.py")
        if path.name != "activations.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert nn.sigmoid is act.sigmoid and net.sigmoid is act.sigmoid and ce.sigmoid is act.sigmoid
    assert net.sigmoid_slope is act.sigmoid_prime and nn.sigmoid_prime is act.sigmoid_prime


Z_GRID = [-745.0, -700.0, -300.5, -60.0, -49.0, -37.0, -24.0, -5.5, -1e-3, -1e-300, 0.0, 1e-300,
          1e-3, 0.5, 5.5, 24.0, 37.0, 49.0, 60.0, 300.5, 700.0, 745.0]


@pytest.mark.parametrize("z", Z_GRID)
def test_activations_against_mpmath(z: float) -> None:
    with mp.workdps(50):
        s, sm = _sig(z), _sig(-z)
        sp = mpmath.log1p(mpmath.exp(mpmath.mpf(z)))
        vec = {"sigmoid": act.sigmoid(z), "sigmoid_prime": act.sigmoid_prime(z),
               "softplus": act.softplus(z), "log_sigmoid": act.log_sigmoid(z)}
        one = {"sigmoid": act.sigmoid1(z), "sigmoid_prime": act.sigmoid_prime1(z),
               "softplus": act.softplus1(z), "log_sigmoid": act.log_sigmoid1(z)}
        exact = {"sigmoid": s, "sigmoid_prime": s * sm, "softplus": sp,
                 "log_sigmoid": -mpmath.log1p(mpmath.exp(-mpmath.mpf(z)))}
        for name, value in exact.items():
            _close(float(vec[name]), value, f"{name}({z})")
            _close(one[name], value, f"{name}1({z})")
        for y in (0.0, 1.0):
            _close(float(act.sigmoid_error(z, y)), _err(z, y), f"sigmoid_error({z}, {y})")
            _close(act.sigmoid_error1(z, y), _err(z, y), f"sigmoid_error1({z}, {y})")


# ---------------------------------------------------------------------- neuron
# (w0, b0, x) giving z = 24, 60, −60, −24 and a mild z = 1.5.
STARTS = [(4.0, 4.0, 5.0), (10.0, 10.0, 5.0), (-10.0, -10.0, 5.0), (-4.0, -4.0, 5.0),
          (0.25, 0.25, 5.0)]


@pytest.mark.parametrize(("w0", "b0", "x"), STARTS)
@pytest.mark.parametrize("y", [0.0, 1.0])
@pytest.mark.parametrize("kind", nn.COSTS)
def test_neuron_costs_and_gradients_are_exact_when_saturated(
    w0: float, b0: float, x: float, y: float, kind: nn.CostKind
) -> None:
    traj = nn.train(kind, w0, b0, x, y, 0.15, 0)
    z = float(traj.z[0])
    with mp.workdps(50):
        c, dz = _neuron_exact(kind, z, y)
        _close(float(traj.cost[0]), c, f"{kind} cost at z={z}, y={y}")
        _close(float(traj.db[0]), dz, f"{kind} dC/db at z={z}, y={y}")
        _close(float(traj.dw[0]), dz * mpmath.mpf(x), f"{kind} dC/dw at z={z}, y={y}")
        # The vectorised functions (cost surface, gradients) agree with the training loop.
        _close(float(nn.cost(kind, z, y)), c, f"vectorised {kind} cost")
        _close(float(nn.dcost_dz(kind, z, y)), dz, f"vectorised {kind} dC/dz")


def test_issue_14_neuron_numbers_from_the_command_line(tmp_path: pathlib.Path) -> None:
    """The audit's own command: z = 24, y = 1 (these came out −1.8875678797769524e-10 and
    7.125825001531319e-22); z = 60 gave 0 for the quadratic cost and both gradients."""
    out = tmp_path / "n.csv"
    common = ["--set", "x=5", "--set", "y=1", "--set", "epochs=1"]
    assert main(["export", "neuron", str(out), "--set", "w0=4", "--set", "b0=4", *common]) == 0
    row = next(csv.DictReader(out.open(newline="")))
    exact = pytest.approx(-1.8875672720682907e-10, rel=1e-14, abs=0.0)
    assert float(row["cross_entropy_dw"]) == exact
    assert float(row["quadratic_cost"]) == pytest.approx(7.1258204131666569e-22, rel=1e-14,
                                                         abs=0.0)
    assert main(["export", "neuron", str(out), "--set", "w0=10", "--set", "b0=10", *common]) == 0
    row = next(csv.DictReader(out.open(newline="")))
    assert float(row["quadratic_cost"]) == pytest.approx(3.8338e-53, rel=1e-4, abs=0.0)
    assert float(row["quadratic_dw"]) == pytest.approx(-3.8338e-52, rel=1e-4, abs=0.0)
    assert float(row["cross_entropy_dw"]) == pytest.approx(-4.3783e-26, rel=1e-4, abs=0.0)


# ---------------------------------------------------------------------- two-layer network
@pytest.mark.parametrize("z2", [-60.0, -24.0, -2.0, 0.0, 3.0, 24.0, 37.5, 60.0])
def test_network_output_error_and_losses_are_exact_for_confident_outputs(z2: float) -> None:
    z = np.full((2, 1), z2)
    y = np.array([[1.0], [0.0]])
    with mp.workdps(50):
        s = _sig(z2)
        errs = [_err(z2, 1.0), _err(z2, 0.0)]
        for loss in net.LOSS_KEYS:
            delta = net.output_delta(loss, z, y)[:, 0]
            for i, e in enumerate(errs):
                want = e if loss == "cross_entropy" else 2 * e * s * _sig(-z2)
                _close(float(delta[i]), want, f"{loss} delta2 at z2={z2}, y={y[i, 0]}")
        # One row at a time: a sum of a tiny and a large loss is only as exact as its largest term.
        for i, e in enumerate(errs):
            _close(net.loss_value("sse", z[i:i + 1], y[i:i + 1]), e**2, f"sse at z2={z2}")
            zz = mpmath.mpf(z2)
            ce_exact = (mpmath.log1p(mpmath.exp(-zz)) if y[i, 0] == 1.0
                        else mpmath.log1p(mpmath.exp(zz)))
            _close(net.loss_value("cross_entropy", z[i:i + 1], y[i:i + 1]), ce_exact,
                   f"cross-entropy at z2={z2}")


# ---------------------------------------------------------------------- BCE from logits
@pytest.mark.parametrize("x", [-745.0, -100.0, -49.0, -10.0, -0.5, 0.0, 0.5, 10.0, 49.0, 100.0,
                               745.0])
@pytest.mark.parametrize("y", [0.0, 1.0, 0.3, 1.0 - 1e-12, 1e-12])
def test_bce_with_logits_is_exact_for_hard_and_soft_labels(x: float, y: float) -> None:
    got = float(ce.bce_with_logits_elements(np.array([x]), np.array([y]))[0])
    with mp.workdps(50):
        xx, yy = mpmath.mpf(x), mpmath.mpf(y)
        exact = yy * mpmath.log1p(mpmath.exp(-xx)) + (1 - yy) * mpmath.log1p(mpmath.exp(xx))
        _close(got, exact, f"BCE-with-logits x={x}, y={y}")
    # The frameworks' functions are this formula, reduced.
    assert float(ce.torch_bce_with_logits(np.array([[x]]), np.array([[y]]))) == got
    assert float(ce.keras_binary_elements(np.array([[y]]), np.array([[x]]),
                                          from_logits=True)[0, 0]) == got
