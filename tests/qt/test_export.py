"""Export from the GUI and the panel: PNG size and content, SVG, CSV, clipboard, failures."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtSvg import QSvgRenderer

from losslab.io import atomic
from losslab.panels.losses import model as model


@pytest.fixture(autouse=True)
def _figure_dialog_accepts(monkeypatch):
    """The figure export dialog is modal: here it is accepted with its defaults."""
    from PySide6.QtWidgets import QDialog

    from losslab.qt.main_window import FigureExportDialog

    monkeypatch.setattr(FigureExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)


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


def test_png_has_requested_width_and_a_landscape_aspect(window, tmp_path):
    panel = window.panels["losses"]
    out = tmp_path / "fig.png"
    assert panel.export_to(out, width=2400) == "2400×1500"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2400, 1500)  # 16:10, whatever the dock's shape
    colours, ink = image_stats(image)
    # Laid out at 2400 logical px, lines keep their 2 px: less ink than a scaled-up screen.
    assert colours > 20 and 0.002 < ink < 0.5


def test_png_of_a_chosen_size_scale_and_theme_lays_the_figure_out_for_it(window, tmp_path):
    from losslab.qt import theme

    panel = window.panels["network"]
    before = theme.current
    out = tmp_path / "slide.png"
    assert panel.export_to(out, 1920, 2.0, height=1080, theme_name="dark") == "3840×2160"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (3840, 2160)
    arr = image_array(image)
    assert np.median(arr.reshape(-1, 3), axis=0).tolist() == [0x1E, 0x1E, 0x1E]  # dark
    assert theme.current is before and panel.graphics.width() < 1900  # the dock is untouched
    # Laid out for the size: the colour bar (right edge) is inside the picture, not clipped.
    coloured = np.ptp(arr.astype(int), axis=-1) > 60
    columns = np.flatnonzero(coloured.any(axis=0))
    assert columns.max() < 3840 - 8


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


def test_gui_export_menu_writes_the_chosen_file(window, dialogs, tmp_path, monkeypatch, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from losslab.qt.main_window import FigureExportDialog

    def choose(dialog):
        # What a user does: pick the 4:3 preset, type a width, choose the print theme.
        dialog.preset.setCurrentIndex(dialog.preset.findData("4:3"))
        assert (dialog.width_box.value(), dialog.height_box.value()) == (1600, 1200)
        dialog.width_box.selectAll()
        qtbot.keyClicks(dialog.width_box, "800")
        qtbot.keyClick(dialog.width_box, Qt.Key.Key_Tab)
        assert dialog.preset.currentData() == "custom"
        dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("light"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FigureExportDialog, "exec", choose)
    folder = tmp_path / "figs"
    folder.mkdir()
    dialogs.save_path = str(folder / "menu.png")
    window.findChild(object, "export_png").trigger()
    image = QImage(dialogs.save_path)
    assert (image.width(), image.height()) == (800, 1200)
    assert window.statusBar().currentMessage() == f"Wrote {dialogs.save_path} (800×1200)"
    # The next file dialog starts in the folder used last (read back as a string from INI).
    seen = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        staticmethod(lambda _p, _t, start, _f: (seen.append(start) or "", "")))
    window.findChild(object, "export_csv").trigger()
    assert seen == [str(folder / "losslab-losses.csv")]
    window.settings.setValue("export/folder", 42)  # a bad stored value falls back to home
    window.findChild(object, "export_csv").trigger()
    assert seen[-1] == str(Path.home() / "losslab-losses.csv")
    monkeypatch.undo()


def test_gui_export_adds_the_suffix_and_writes_data(window, dialogs, tmp_path):
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
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "losslab.ini") == ["keep.png"]
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


# ---------------------------------------------------------------- SVG draws the PNG's figure
FIGURE = (960, 600)


def _grey(image: QImage) -> np.ndarray:
    return image_array(image).astype(float).mean(axis=-1)


def _downsampled(grey: np.ndarray, f: int = 4) -> np.ndarray:
    h, w = (grey.shape[0] // f) * f, (grey.shape[1] // f) * f
    return grey[:h, :w].reshape(h // f, f, w // f, f).mean(axis=(1, 3))


def _rasterise_qt(path: Path, size: tuple[int, int]) -> np.ndarray:
    return _grey(_render_svg(path.read_bytes(), *size))


def _rasterise_rsvg(path: Path, size: tuple[int, int], tmp_path: Path) -> np.ndarray | None:
    import shutil
    import subprocess

    tool = shutil.which("rsvg-convert")
    if tool is None:
        return None
    out = tmp_path / (path.stem + "_rsvg.png")
    subprocess.run([tool, "-w", str(size[0]), "-h", str(size[1]), "-b", "white", "-o", str(out),
                    str(path)], check=True, timeout=60)
    return _grey(QImage(str(out)))


def _export_pair(key: str, tmp_path: Path, **settings) -> tuple[np.ndarray, Path]:
    """PNG (scale 1) and SVG of the same headless figure, laid out at FIGURE."""
    from losslab.io.export import FigureOptions
    from losslab.panels import panel as entry
    from losslab.qt.export import export_panel

    state = entry(key).model.make_state()
    state.update(settings)
    view = entry(key).view_class()(state)
    try:
        view.ensure_laid_out(FIGURE)
        export_panel(view, tmp_path / f"{key}.png", FigureOptions(FIGURE, 1.0))
        export_panel(view, tmp_path / f"{key}.svg", FigureOptions(FIGURE))
    finally:
        view.close()
        view.deleteLater()
    return _grey(QImage(str(tmp_path / f"{key}.png"))), tmp_path / f"{key}.svg"


def _renderings(png: np.ndarray, svg: Path, tmp_path: Path) -> dict[str, np.ndarray]:
    size = (png.shape[1], png.shape[0])
    out = {"QSvgRenderer": _rasterise_qt(svg, size)}
    rsvg = _rasterise_rsvg(svg, size, tmp_path)
    if rsvg is not None:
        out["librsvg"] = rsvg
    return out


@pytest.mark.parametrize("key", ["losses", "neuron", "network", "entropy", "cross_entropy"])
def test_svg_draws_the_same_figure_as_the_png(key, tmp_path, qapp):
    png, svg = _export_pair(key, tmp_path)
    for renderer, picture in _renderings(png, svg, tmp_path).items():
        assert picture.shape == png.shape, renderer
        # Greyscale, 4×4 blocks: antialiasing and font hinting differ, the drawing must not.
        # (Measured ≤ 1.5 grey levels of 255 in both renderers; the broken exports: > 10.)
        mad = np.mean(np.abs(_downsampled(picture) - _downsampled(png)))
        assert mad < 4.0, f"{key} in {renderer}: mean difference {mad:.2f}"


def _zero_one_features(grey_rgb: np.ndarray) -> tuple[int, int, int]:
    """(row of the x axis line, column of the 0-1 loss step, row of its upper level).

    The x axis is the longest dark horizontal line; the 0-1 loss is the only curve, blue.
    """
    rgb = grey_rgb.astype(int)
    dark = rgb.max(axis=-1) < 80
    axis_row = int(np.argmax(dark.sum(axis=1)))
    blue = (rgb[..., 2] > 120) & (rgb[..., 0] < 60) & (np.ptp(rgb, axis=-1) > 60)
    rows, cols = np.nonzero(blue[:axis_row - 3])
    upper = int(np.median(rows[cols < np.percentile(cols, 25)]))
    counts = np.bincount(cols, minlength=blue.shape[1])
    step = int(np.argmax(counts))  # the vertical step is the column with most blue
    return axis_row, step, upper


def test_svg_puts_the_0_1_step_where_the_png_does(tmp_path, qapp):
    """The feature a student reads off the figure: where the step is against the axes."""
    _png, svg = _export_pair("losses", tmp_path, losses=("zero_one",))
    png_rgb = image_array(QImage(str(tmp_path / "losses.png")))
    expected = _zero_one_features(png_rgb)
    size = (png_rgb.shape[1], png_rgb.shape[0])
    pictures = {"QSvgRenderer": image_array(_render_svg(svg.read_bytes(), *size))}
    import shutil
    import subprocess

    if shutil.which("rsvg-convert"):
        out = tmp_path / "rsvg.png"
        subprocess.run(["rsvg-convert", "-w", str(size[0]), "-h", str(size[1]), "-b", "white",
                        "-o", str(out), str(svg)], check=True, timeout=60)
        pictures["librsvg"] = image_array(QImage(str(out)))
    for renderer, picture in pictures.items():
        found = _zero_one_features(picture)
        assert np.all(np.abs(np.array(found) - np.array(expected)) <= 3), (renderer, found,
                                                                            expected)


def test_network_exports_an_animated_gif_through_the_one_dispatch(tmp_path, qapp):
    from PIL import Image

    from losslab.cli import main

    out = tmp_path / "net.gif"
    assert main(["export", "network", str(out), "--set", "iterations=20", "--width", "480"]) == 0
    with Image.open(out) as film:
        assert film.is_animated and film.n_frames == 21 and film.size == (480, 300)
        film.seek(0)
        first = np.asarray(film.convert("RGB")).copy()
        film.seek(film.n_frames - 1)
        last = np.asarray(film.convert("RGB")).copy()
    assert np.mean(np.any(first != last, axis=2)) > 0.002  # the run moves


def test_svg_font_families_fall_back_to_a_generic_family(tmp_path):
    """Browsers do not know Qt's family names ("Sans Serif"): without a generic fallback Chromium
    drew every label in its default serif face."""
    from losslab.cli import main
    from losslab.qt.export import portable_font_family

    assert portable_font_family("Sans Serif") == "'Sans Serif', sans-serif"
    assert portable_font_family("DejaVu Sans Mono") == "'DejaVu Sans Mono', monospace"
    assert portable_font_family("Noto Sans CJK SC, sans-serif") == "Noto Sans CJK SC, sans-serif"
    out = tmp_path / "f.svg"
    assert main(["export", "losses", str(out)]) == 0
    families = set(re.findall(r'font-family="([^"]*)"', out.read_text(encoding="utf-8")))
    assert families and all(f.endswith(("sans-serif", "monospace", "serif")) for f in families)


def test_svg_draws_scatter_symbols_as_vectors_not_atlas_pictures(qtbot):
    """pyqtgraph copies symbols from a pixmap atlas on screen; in an SVG those copies were
    clipped raster images that librsvg and QSvgRenderer drew as hatching."""
    import pyqtgraph as pg

    from losslab.qt.export import svg_bytes

    view = pg.PlotWidget()
    qtbot.addWidget(view)
    view.resize(300, 200)
    scatter = pg.ScatterPlotItem([0, 1, 2], [0, 1, 0], symbol="s", size=12, brush="r")
    view.addItem(scatter)
    view.show()
    qtbot.waitExposed(view)
    svg = svg_bytes(view).decode()
    assert "<image" not in svg
    assert scatter._exportOpts is False  # back to screen drawing afterwards
