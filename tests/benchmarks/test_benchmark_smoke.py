"""The benchmark suite runs end to end on a tiny setting and reports every measure.

This is not a timed test: nothing here looks at how fast anything was, only that the suite
(``python tests/benchmarks/run.py``) still works against the current app and writes complete results,
and that every file it exported passed its check (size, not blank, the SVG renders).
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
    "window_update_event_loop", "window_update_all_docks", "mpl_draw", "mpl_blit",
    "neuron_frame", "network_frame", "fit_drag", "risk_degree", "risk_n", "risk_resample",
    "risk_slowest_change",
    "startup_floor_first_paint", "startup_losslab_first_paint", "startup_losslab_plots_drawn",
    "startup_mpl_first_paint", "startup_mpl_plots_drawn",
    "export_png_1x", "export_png_2400", "export_svg", "mpl_savefig_png_1x",
    "mpl_savefig_png_2400", "mpl_savefig_svg", "svg_size", "mpl_svg_size",
    "cli_export_png", "cli_floor",
    "memory_after_start", "memory_after_updates", "memory_growth",
)
#: Measures of one panel: "not available" (with the reason) when that panel is not registered.
PANEL_OF = {"neuron_frame": "neuron", "network_frame": "network", "fit_drag": "fit",
            "risk_degree": "risk", "risk_n": "risk", "risk_resample": "risk",
            "risk_slowest_change": "risk"}


@pytest.mark.benchmark
def test_quick_benchmark_run_writes_every_measure(tmp_path):
    pytest.importorskip("matplotlib")
    from losslab.panels import keys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--updates", "3", "--memory-updates", "10",
         "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=900, check=False, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]

    document = json.loads((tmp_path / "results.json").read_text())
    measures = document["measures"]
    assert set(MEASURES) <= set(measures), set(MEASURES) - set(measures)
    registered = set(keys())
    for name in MEASURES:
        m = measures[name]
        if name in PANEL_OF and PANEL_OF[name] not in registered:
            assert not m["available"] and m["reason"], name  # "not available", with why
            continue
        assert m["available"], (name, m)
        if "median" in m:
            assert m["n"] >= 1 and m["median"] >= 0 and m["p95"] >= m["median"] * 0.999, name
        else:
            assert m["value"] == m["value"], name  # a number, not NaN
        assert m.get("missed_paints", 0) == 0, name
    # The exports have the asked sizes and passed their checks (not blank, the SVG renders).
    assert measures["export_png_2400"]["size_px"][0] == 2400
    assert measures["mpl_savefig_png_2400"]["size_px"][0] == 2400
    assert measures["export_png_1x"]["size_px"] == measures["mpl_savefig_png_1x"]["size_px"]
    for name in ("export_png_1x", "export_png_2400", "export_svg", "mpl_savefig_png_1x",
                 "mpl_savefig_svg", "cli_export_png"):
        assert measures[name]["check"]["ok"], (name, measures[name]["check"])
    # The start-up measure watched the panel in front of the default layout.
    assert measures["startup_losslab_plots_drawn"]["visible_panels"] == ["losses"]
    # Every row of the table names a target and a verdict; the Markdown has the table.
    assert document["table"] and all("met" in row for row in document["table"])
    text = (tmp_path / "RESULTS.md").read_text()
    assert "| Measure |" in text and "Loss panel drag" in text and "Load average" in text
    assert "Loss panel drag" in proc.stdout
