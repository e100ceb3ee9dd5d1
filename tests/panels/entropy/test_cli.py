"""``losslab export entropy OUT``: JSON and CSV from the pure model, images through the panel,
bad input with status 2; the JSON agrees with a plain-Python entropy written here."""

from __future__ import annotations

import csv
import json
import math
import random

import pytest

from losslab.cli import main

BASE = {"bits": 2.0, "nats": math.e, "hartleys": 10.0}


# An independent implementation: plain loops and math.log, no numpy, no losslab.
def plain_entropy(p: list[float], base: float) -> float:
    total = 0.0
    for pi in p:
        if pi > 0:
            total -= pi * math.log(pi, base)
    return total


def plain_cross_entropy(p: list[float], q: list[float], base: float) -> float:
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        if pi > 0:
            if qi == 0:
                return math.inf
            total -= pi * math.log(qi, base)
    return total


def plain_kl(p: list[float], q: list[float], base: float) -> float:
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        if pi > 0:
            if qi == 0:
                return math.inf
            total += pi * math.log(pi / qi, base)
    return total


def as_number(x: float | str) -> float:
    """The JSON convention under test: +∞ is the string "inf"."""
    if isinstance(x, str):
        assert x == "inf"
        return math.inf
    return x


def export_json(tmp_path, *settings: str) -> dict:
    out = tmp_path / "info.json"
    args = ["export", "entropy", str(out)]
    for s in settings:
        args += ["--set", s]
    assert main(args) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_json_with_defaults_has_the_reference_numbers(tmp_path, capsys):
    doc = export_json(tmp_path)
    assert "wrote" in capsys.readouterr().out
    assert doc["unit"] == "bits"
    a, b = doc["archers"]
    assert (a["p_hit"], b["p_hit"]) == (0.1, 0.999)
    assert a["info_hit"] == pytest.approx(3.321928, abs=5e-7)
    assert a["info_miss"] == pytest.approx(0.152003, abs=5e-7)
    assert a["entropy"] == pytest.approx(0.468996, abs=5e-7)
    assert b["info_hit"] == pytest.approx(0.001443, abs=5e-7)
    assert b["info_miss"] == pytest.approx(9.965784, abs=5e-7)
    assert b["entropy"] == pytest.approx(0.011408, abs=5e-7)
    ce = doc["cross_entropy"]
    assert ce["p"] == [1.0, 0.0, 0.0]
    assert ce["q"] == [[0.5, 0.2, 0.3], [0.8, 0.1, 0.1]]
    assert ce["entropy_p"] == 0.0
    assert ce["cross_entropy"][0] == 1.0
    assert ce["cross_entropy"][1] == pytest.approx(0.223144 / math.log(2), abs=1e-6)
    assert ce["kl"] == pytest.approx(ce["cross_entropy"], rel=1e-15)


def test_json_in_nats_and_normalised_distributions(tmp_path):
    doc = export_json(tmp_path, "unit=nats", "archer_a=0.5", "p=2,1,1", "q1=1,1,2",
                      "q2=0.25,0.25,0.5")
    assert doc["unit"] == "nats"
    assert doc["archers"][0]["entropy"] == pytest.approx(math.log(2), rel=1e-15)
    assert doc["archers"][1]["entropy"] == pytest.approx(0.007907, abs=5e-7)
    ce = doc["cross_entropy"]
    assert ce["p"] == [0.5, 0.25, 0.25]  # as used: divided by the sum
    assert ce["q"][0] == [0.25, 0.25, 0.5] == ce["q"][1]
    assert ce["cross_entropy"][0] == ce["cross_entropy"][1]


def test_infinite_values_are_the_string_inf(tmp_path):
    doc = export_json(tmp_path, "q1=0,0.5,0.5", "archer_b=1")
    assert doc["cross_entropy"]["cross_entropy"][0] == "inf"
    assert doc["cross_entropy"]["kl"][0] == "inf"
    assert doc["cross_entropy"]["terms"][0][0] == "inf"
    assert doc["archers"][1]["info_miss"] == "inf"
    assert doc["archers"][1]["entropy"] == 0.0


@pytest.mark.parametrize("seed", range(8))
def test_json_agrees_with_a_plain_python_implementation(tmp_path, seed):
    rng = random.Random(seed)
    n = rng.randint(2, 10)
    unit = rng.choice(list(BASE))

    def weights() -> list[float]:
        # Some exact zeros too, so 0·log 0 and q = 0 both occur.
        w = [rng.choice([0.0, rng.uniform(0.0, 5.0)]) for _ in range(n)]
        w[rng.randrange(n)] = rng.uniform(0.1, 5.0)
        return w

    p, q1, q2 = weights(), weights(), weights()
    text = lambda w: ",".join(repr(x) for x in w)  # noqa: E731
    doc = export_json(tmp_path, f"unit={unit}", f"p={text(p)}", f"q1={text(q1)}",
                      f"q2={text(q2)}", f"archer_a={rng.random()!r}")
    base = BASE[unit]
    ce = doc["cross_entropy"]
    used_p = [x / sum(p) for x in p]
    assert ce["p"] == pytest.approx(used_p, rel=1e-14, abs=1e-300)
    assert ce["entropy_p"] == pytest.approx(plain_entropy(ce["p"], base), rel=1e-12, abs=1e-14)
    for k, q in enumerate((q1, q2)):
        assert ce["q"][k] == pytest.approx([x / sum(q) for x in q], rel=1e-14, abs=1e-300)
        expected_h = plain_cross_entropy(ce["p"], ce["q"][k], base)
        expected_kl = plain_kl(ce["p"], ce["q"][k], base)
        got_h, got_kl = as_number(ce["cross_entropy"][k]), as_number(ce["kl"][k])
        if math.isinf(expected_h):
            assert got_h == math.inf and got_kl == math.inf
        else:
            assert got_h == pytest.approx(expected_h, rel=1e-12, abs=1e-14)
            assert got_kl == pytest.approx(expected_kl, rel=1e-9, abs=1e-12)
    a = doc["archers"][0]
    ph = a["p_hit"]
    assert a["entropy"] == pytest.approx(plain_entropy([ph, 1 - ph], base), rel=1e-12,
                                         abs=1e-14)
    assert a["info_hit"] == pytest.approx(-math.log(ph, base), rel=1e-12)


def test_csv_columns_in_the_chosen_unit(tmp_path):
    out = tmp_path / "info.csv"
    assert main(["export", "entropy", str(out), "--set", "unit=hartleys"]) == 0
    with open(out, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["p", "entropy", "info_hit", "info_miss"]
    assert len(rows) == 1002
    assert rows[1] == ["0.0", "0.0", "inf", "0.0"]
    assert rows[-1][3] == "inf"
    row = rows[101]  # p = 0.1
    assert float(row[0]) == pytest.approx(0.1)
    assert float(row[2]) == pytest.approx(1.0)  # −log10 0.1
    assert float(row[1]) == pytest.approx(0.468996 * math.log10(2), abs=1e-6)


@pytest.mark.parametrize(("settings", "message"), [
    (["archer_a=1.5"], "archer_a: 1.5 is out of range; allowed: a number from 0 to 1"),
    (["archer_b=-0.1"], "archer_b: -0.1 is out of range"),
    (["archer_a=abc"], "archer_a: 'abc' is not a number"),
    (["p=1,-1,0"], "p: -1 is out of range"),
    (["q1=0,0,0"], "q1: all weights are zero"),
    (["q2=0.5,x,0.5"], "q2: 'x' is not a number"),
    (["p=1"], "p: got 1 values; allowed: 2 to 10 comma-separated numbers"),
    (["p=1,0"], "p, q1 and q2 must have the same number of classes"),
    (["p=1,0", "q1=0.5,0.5", "q2=1,2,3"], "p has 2, q1 has 2, q2 has 3"),
    (["unit=shannons"], "unit: 'shannons' is not allowed; allowed: one of bits, nats, hartleys"),
    (["classes=4"], "unknown parameter for entropy"),
])
def test_bad_input_exits_2_and_writes_nothing(tmp_path, capsys, settings, message):
    out = tmp_path / "info.json"
    args = ["export", "entropy", str(out)]
    for s in settings:
        args += ["--set", s]
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_matching_lengths_are_accepted(tmp_path):
    doc = export_json(tmp_path, "p=0,1", "q1=0.5,0.5", "q2=0.1,0.9")
    assert doc["cross_entropy"]["cross_entropy"] == pytest.approx(
        [1.0, -math.log2(0.9)], rel=1e-15)


def test_params_lists_every_setting(capsys):
    assert main(["params", "entropy"]) == 0
    text = capsys.readouterr().out
    for name in ("archer_a", "archer_b", "unit", "p", "q1", "q2"):
        assert f"{name}  (" in text


def test_png_and_svg_through_the_panel_offscreen(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "info.png"
    assert main(["export", "entropy", str(out), "--set", "unit=nats", "--width", "900"]) == 0
    image = QImage(str(out))
    assert image.width() == 900 and image.height() > 300
    colours = {image.pixelColor(x, y).name() for x in range(0, 900, 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 5  # not blank: curves, markers and bars in several colours
    svg = tmp_path / "info.svg"
    assert main(["export", "entropy", str(svg)]) == 0
    assert "<svg" in svg.read_text(encoding="utf-8")
