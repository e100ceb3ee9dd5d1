"""steady_range: a plot range that moves only when the data leave it or shrink well inside it."""

from __future__ import annotations

import pyqtgraph as pg
import pytest

from losslab.qt.ranges import steady_range


@pytest.fixture
def plot(qtbot):
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    view.resize(400, 300)
    item = view.addPlot()
    view.show()
    qtbot.waitExposed(view)
    yield item
    view.close()  # (the view is kept alive until here by this generator)


def y_range(plot):
    return tuple(plot.vb.viewRange()[1])


def test_first_call_sets_the_data_range_with_its_margin(plot):
    assert plot.vb.autoRangeEnabled()[1]
    assert steady_range(plot, "y", 0.0, 10.0, pad=0.1)
    assert y_range(plot) == pytest.approx((-1.0, 11.0))
    assert not plot.vb.autoRangeEnabled()[1]


def test_small_changes_inside_hold_still_and_leaving_moves(plot):
    steady_range(plot, "y", 0.0, 10.0, pad=0.1)
    before = y_range(plot)
    for lo, hi in ((0.3, 9.7), (-0.9, 10.9), (2.0, 9.0)):
        assert not steady_range(plot, "y", lo, hi, pad=0.1)
        assert y_range(plot) == before
    assert steady_range(plot, "y", 0.0, 11.5, pad=0.1)  # above the range: it moves
    assert y_range(plot) == pytest.approx((-1.15, 12.65))


def test_data_shrinking_well_inside_narrow_the_range(plot):
    steady_range(plot, "y", 0.0, 10.0, pad=0.1, min_fill=0.5)
    assert not steady_range(plot, "y", 3.0, 8.0, pad=0.1, min_fill=0.5)  # 6 of 12: enough
    assert steady_range(plot, "y", 4.0, 6.0, pad=0.1, min_fill=0.5)      # 2.4 of 12: too few
    assert y_range(plot) == pytest.approx((3.8, 6.2))


def test_minimum_span_and_reaching_outside(plot):
    assert steady_range(plot, "x", 1.0, 1.2, pad=0.0, min_span=1.0)
    assert tuple(plot.vb.viewRange()[0]) == pytest.approx((0.6, 1.6))
    assert not steady_range(plot, "x", 1.1, 1.3, pad=0.0, min_span=1.0)  # a decade still
    steady_range(plot, "x", 0.0, 4.0, pad=0.0, min_fill=0.9, outside=0.04)
    assert not steady_range(plot, "x", 0.1, 4.1, pad=0.0, min_fill=0.9, outside=0.04)
    assert steady_range(plot, "x", 0.5, 4.5, pad=0.0, min_fill=0.9, outside=0.04)


def test_non_finite_data_leave_the_range_alone(plot):
    steady_range(plot, "y", 0.0, 1.0)
    before = y_range(plot)
    assert not steady_range(plot, "y", float("nan"), 1.0)
    assert not steady_range(plot, "y", 0.0, float("inf"))
    assert y_range(plot) == before


def test_one_value_gets_a_range_around_it(plot):
    assert steady_range(plot, "y", 5.0, 5.0, pad=0.1)
    lo, hi = y_range(plot)
    assert lo < 5.0 < hi
