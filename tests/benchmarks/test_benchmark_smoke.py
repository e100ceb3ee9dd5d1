"""The benchmark suite runs end to end on a tiny setting and reports every measure.

This is not a timed test: nothing here looks at how fast anything was, only that the suite
(``python tests/benchmarks/run.py``) still works against the current app and writes complete results.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "tests" / "benchmarks" / "run.py"

MEASURES = (
    "losses_update_repaint", "losses_update_event_loop", "window_update_repaint",
    "window_update_event_loop", "mpl_draw", "mpl_blit", "neuron_frame",
    "startup_floor_first_paint", "startup_losslab_first_paint", "startup_losslab_plots_drawn",
    "startup_mpl_first_paint", "startup_mpl_plots_drawn",
    "export_png_1x", "export_png_2400", "export_svg", "mpl_savefig_png_1x",
    "mpl_savefig_png_2400", "mpl_savefig_svg", "svg_size", "mpl_svg_size",
    "memory_after_start", "memory_after_updates", "memory_growth",
)


@pytest.mark.benchmark
def test_quick_benchmark_run_writes_every_measure(tmp_path):
    pytest.importorskip("matplotlib")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--updates", "3", "--memory-updates", "10",
         "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=600, check=False, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]

    document = json.loads((tmp_path / "results.json").read_text())
    measures = document["measures"]
    assert set(MEASURES) <= set(measures), set(MEASURES) - set(measures)
    for name in MEASURES:
        m = measures[name]
        if name == "neuron_frame" and not m["available"]:
            assert m["reason"]  # recorded as "not available", with why
            continue
        assert m["available"], name
        if "median" in m:
            assert m["n"] >= 1 and m["median"] >= 0 and m["p95"] >= m["median"] * 0.999, name
        else:
            assert m["value"] == m["value"], name  # a number, not NaN
    # The exports have the asked sizes: 2400 px wide for both, the same pixels at 1x.
    assert measures["export_png_2400"]["size_px"][0] == 2400
    assert measures["mpl_savefig_png_2400"]["size_px"][0] == 2400
    assert measures["export_png_1x"]["size_px"] == measures["mpl_savefig_png_1x"]["size_px"]
    # Every row of the table names a target and a verdict; the Markdown has the table.
    assert document["table"] and all("met" in row for row in document["table"])
    text = (tmp_path / "RESULTS.md").read_text()
    assert "| Measure |" in text and "Loss panel update" in text
    assert "Loss panel update" in proc.stdout
