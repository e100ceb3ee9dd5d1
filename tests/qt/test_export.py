"""Export from the GUI and the panel: PNG size and content, SVG, CSV, clipboard, failures."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtSvg import QSvgRenderer

from losslab.io import atomic
from losslab.panels.losses import model as model


def image_stats(image: QImage) -> tuple[int, float]:
    """(number of distinct colours, fraction of coloured pixels).

    "Coloured" means clearly saturated (max − min channel > 60): the curves are Okabe–Ito
    colours, while background, grid, axes and text are white, grey or black.
    """
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    stride = image.bytesPerLine() // 4
    arr = np.frombuffer(image.constBits(), dtype=np.uint32, count=stride * h)
    arr = arr.reshape(h, stride)[:, :w]
    rgb = np.stack([(arr >> 16) & 255, (arr >> 8) & 255, arr & 255]).astype(int)
    coloured = (rgb.max(axis=0) - rgb.min(axis=0)) > 60
    return len(np.unique(arr)), float(np.mean(coloured))


def test_png_has_requested_width_and_is_not_blank(window, tmp_path):
    panel = window.panels["losses"]
    out = tmp_path / "fig.png"
    panel.export_to(out, width=2400)
    image = QImage(str(out))
    assert image.width() == 2400
    ratio = panel.graphics.height() / panel.graphics.width()
    assert image.height() == pytest.approx(2400 * ratio, abs=2)
    colours, ink = image_stats(image)
    assert colours > 20 and 0.005 < ink < 0.5


def test_png_default_is_physical_pixels(window, tmp_path):
    panel = window.panels["losses"]
    out = tmp_path / "screen.png"
    panel.export_to(out)
    image = QImage(str(out))
    dpr = panel.graphics.devicePixelRatioF()
    assert image.width() == round(panel.graphics.viewport().width() * dpr)


def test_png_export_reflects_the_state(window, tmp_path):
    panel = window.panels["losses"]
    panel.export_to(tmp_path / "a.png", width=600)
    window.states["losses"].losses = ()
    panel.export_to(tmp_path / "b.png", width=600)
    _, ink_full = image_stats(QImage(str(tmp_path / "a.png")))
    _, ink_empty = image_stats(QImage(str(tmp_path / "b.png")))
    assert ink_empty < 0.001 < ink_full


def test_svg_parses_and_renders(window, tmp_path):
    panel = window.panels["losses"]
    out = tmp_path / "fig.svg"
    panel.export_to(out)
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "</svg>" in text
    renderer = QSvgRenderer(str(out))
    assert renderer.isValid()
    image = QImage(400, 250, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    from PySide6.QtGui import QPainter
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    _, ink = image_stats(image)
    assert ink > 0.005


def test_csv_equals_the_model(window, tmp_path):
    state = window.states["losses"]
    state.update({"mode": "residual", "derivatives": True, "huber_delta": 0.3})
    out = tmp_path / "data.csv"
    window.panels["losses"].export_to(out)
    with out.open(newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], np.array(rows[1:], dtype=float)
    expected = model.curve_table(state)
    assert header == list(expected)
    for i, name in enumerate(header):
        np.testing.assert_array_equal(body[:, i], expected[name])


def test_gui_export_menu_writes_the_chosen_file(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "menu.png")
    dialogs.int_value = 800
    window.findChild(object, "export_png").trigger()
    assert QImage(dialogs.save_path).width() == 800
    dialogs.save_path = str(tmp_path / "menu")  # no suffix: the format's is added
    window.findChild(object, "export_csv").trigger()
    assert (tmp_path / "menu.csv").read_text().startswith("x,")
    assert dialogs.messages == []


def test_failed_export_shows_a_message_and_leaves_old_file_intact(window, dialogs, tmp_path,
                                                                  monkeypatch):
    target = tmp_path / "keep.png"
    target.write_bytes(b"previous contents")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    dialogs.save_path = str(target)
    window.findChild(object, "export_png").trigger()
    assert target.read_bytes() == b"previous contents"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.png"]
    assert dialogs.messages and "No space left" in dialogs.messages[0][2]


def test_export_to_missing_folder_is_a_message_not_a_crash(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "nowhere" / "x.svg")
    window.findChild(object, "export_svg").trigger()
    assert not (tmp_path / "nowhere").exists()
    assert "does not exist" in dialogs.messages[0][2]


def test_unknown_suffix_is_refused(window, tmp_path):
    from losslab.qt.panel_base import ExportError

    with pytest.raises(ExportError, match="allowed: .png"):
        window.panels["losses"].export_to(tmp_path / "x.bmp")
    assert list(tmp_path.iterdir()) == []


def test_copy_figure_puts_an_image_on_the_clipboard(window, qtbot):
    QGuiApplication.clipboard().clear()
    panel = window.panels["losses"]
    panel.graphics.setFocus()
    window.findChild(object, "copy_figure").trigger()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() > 100


def test_ctrl_c_on_the_focused_plot_copies(window, qtbot):
    from PySide6.QtCore import Qt

    QGuiApplication.clipboard().clear()
    panel = window.panels["losses"]
    panel.graphics.setFocus()
    qtbot.waitUntil(lambda: panel.graphics.hasFocus())
    qtbot.keyClick(panel.graphics, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert not QGuiApplication.clipboard().image().isNull()


def test_window_screenshot(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "window.png")
    window.findChild(object, "screenshot").trigger()
    image = QImage(dialogs.save_path)
    assert image.width() == round(window.width() * window.devicePixelRatioF())


def test_atomic_write_leaves_no_temp_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "data.csv"
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O")))
    with pytest.raises(atomic.WriteError, match="I/O"):
        atomic.atomic_write_text(target, "x\n1\n")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_keeps_permissions(tmp_path):
    target = tmp_path / "data.csv"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic.atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert (target.stat().st_mode & 0o777) == 0o640
    assert Path(target).exists()


def _render_svg(data: bytes, w: int = 480, h: int = 300) -> QImage:
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QPainter

    renderer = QSvgRenderer(QByteArray(data))
    assert renderer.isValid()
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def test_svg_is_compact_and_draws_the_same_as_qts_raw_output(window, monkeypatch):
    from losslab.qt import export

    panel = window.panels["losses"]
    window.states["losses"].update({"mode": "residual", "derivatives": True})
    compact = export.svg_bytes(panel.graphics)
    monkeypatch.setattr(export, "compact_svg", lambda data: data)
    # Raw = Qt's own output of the clipped curves with every vertex (tolerance −1 keeps all).
    clip_only = export.svg_ready_curves
    monkeypatch.setattr(export, "svg_ready_curves", lambda scene: clip_only(scene, -1.0))
    raw = export.svg_bytes(panel.graphics)
    assert len(compact) < 100 * 1024 < len(raw)
    # At the figure's own size: the raw file's cosmetic strokes keep their pixel width at any
    # zoom, the portable file's scale with the drawing (as a figure's lines should).
    w, h = (round(v) for v in QSvgRenderer(compact).viewBoxF().size().toTuple())
    a, b = _render_svg(compact, w, h), _render_svg(raw, w, h)
    diff = np.abs(image_array(a).astype(int) - image_array(b).astype(int))
    # Curve thinning moves no vertex by more than 0.1 px and flattening the transforms moves
    # none by more than 0.001 px: at most faint antialiasing changes.
    assert np.mean(diff.max(axis=-1) > 64) < 0.005


def image_array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    stride = image.bytesPerLine() // 4
    arr = np.frombuffer(image.constBits(), dtype=np.uint32, count=stride * image.height())
    arr = arr.reshape(image.height(), stride)[:, :image.width()]
    return np.stack([(arr >> 16) & 255, (arr >> 8) & 255, arr & 255], axis=-1)


def test_simplify_polyline_keeps_corners_and_drops_collinear_points():
    from losslab.qt.export import simplify_polyline

    x = np.linspace(-3, 3, 1201)
    y = np.maximum(0, 1 - x) * 100  # a hinge, in "pixels"
    kept = simplify_polyline(x * 100, y, 0.1)
    assert list(x[kept]) == [-3.0, 1.0, 3.0]
    wave = 20 * np.sin(x)  # slope at most 0.2 px per px
    smooth = simplify_polyline(x * 100, wave, 0.1)
    assert 10 < len(smooth) < 400
    # Every dropped point is within tolerance of the kept polyline (vertical error ≤ 0.1·√1.04).
    yi = np.interp(x * 100, x[smooth] * 100, wave[smooth])
    assert np.max(np.abs(yi - wave)) < 0.11
