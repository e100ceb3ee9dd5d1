"""Translations: complete, current and compiled catalogues; every string shown is translatable;
the Language menu switches the whole window (and Qt's own dialogs) and the choice persists;
Chinese text renders as glyphs, not boxes, in an exported figure."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QRect
from PySide6.QtGui import QAction, QColor, QFont, QFontDatabase, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QDialogButtonBox

from losslab.core.params import Kind
from losslab.qt import binding, export, i18n
from losslab.qt.main_window import MainWindow
from losslab.qt.settings import SETTINGS_VERSION

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def _script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return _script()


@pytest.fixture(scope="module")
def zh_catalogue(script):
    """(context, source) → forms of every finished zh_CN translation."""
    return {k: v for k, v in script.read_ts(I18N / "losslab_zh_CN.ts").items() if v is not None}


# ---------------------------------------------------------------------- catalogues
def test_committed_catalogues_are_complete_and_current(script):
    keys = script.collect()
    assert script.problems(keys) == []
    # Plural entries exist, with one Chinese form and two English ones (singular, plural).
    numerus = [k for k, plural in keys.items() if plural]
    assert len(numerus) >= 2
    zh = script.read_ts(I18N / "losslab_zh_CN.ts")
    en = script.read_ts(I18N / "losslab_en.ts")
    for key in numerus:
        assert len(zh[key]) == 1 and "%n" in zh[key][0], key
        assert len(en[key]) == 2 and en[key][0] != en[key][1], key


def test_every_chinese_translation_keeps_placeholders_and_is_chinese(zh_catalogue):
    import re

    marks = re.compile(r"\{[^}]*\}|%n|<[^>]+>")
    for (context, source), forms in zh_catalogue.items():
        for form in forms:
            assert sorted(marks.findall(form)) == sorted(marks.findall(source)), (context, source)
            if "&" in source.replace("&amp;", ""):
                assert "&" in form, (context, source)  # keyboard accelerators survive


def test_committed_qm_files_are_what_lrelease_makes_of_the_ts(script, tmp_path):
    command = script.lrelease_command()
    if not Path(command[0]).exists():
        pytest.skip("lrelease is not available")
    for language in script.LANGUAGES:
        ts = I18N / f"losslab_{language}.ts"
        qm = tmp_path / f"losslab_{language}.qm"
        try:
            subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)], check=True,
                           capture_output=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            pytest.skip(f"lrelease did not run: {exc}")
        committed = (I18N / f"losslab_{language}.qm").read_bytes()
        assert qm.read_bytes() == committed, f"{qm.name} is stale: run update_translations.py"


# ---------------------------------------------------------------------- run-time coverage
class _Recorder:
    """Stands in for QCoreApplication in losslab.qt.binding: records, then translates."""

    seen: set[tuple[str, str]] = set()
    counted: set[tuple[str, str]] = set()

    @staticmethod
    def translate(context: str, text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        _Recorder.seen.add((context, text))
        if n != -1:
            _Recorder.counted.add((context, text))
        return QCoreApplication.translate(context, text, disambiguation, n)


def _exercise_choices(panel) -> None:
    """Every choice of every CHOICE parameter, every BOOL both ways, then the defaults."""
    state = panel.state
    for name, spec in state.specs.items():
        if spec.kind is Kind.CHOICE:
            for choice in spec.choices:
                state.set(name, choice)
        elif spec.kind is Kind.BOOL:
            state.set(name, not state.get(name))
            state.set(name, not state.get(name))
    for plot in panel._plots:  # the status-bar read-out over every plot
        panel.cursor_message(plot, 0.5, 0.5)
    state.reset()


def _exercise_cross_entropy(panel) -> None:
    s = panel.state
    s.update({"weight": (1.0, 2.0, 3.0), "label_smoothing": 0.1})
    s.update({"reduction": "sum"})
    s.update({"targets": (0, -100)})
    s.update({"targets": (-100, -100), "reduction": "mean"})
    s.reset()
    s.update({"subtract_max": False, "logits": ((1000.0, 1.0, 0.1), (0.5, 2.5, 0.3))})
    s.reset()
    s.update({"logits": ((800.0, 1.0, 0.1), (0.5, 2.5, 0.3))})
    s.reset()
    s.update({"from_logits": False})
    s.update({"logits": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0))})
    s.reset()
    s.update({"mode": "binary", "reduction": "sum", "weight": (1.0, 2.0, 3.0),
              "label_smoothing": 0.1})
    s.update({"reduction": "none", "logits": ((40.0, -40.0, 0.0), (0.5, 2.5, 0.3))})
    s.update({"from_logits": False})
    panel.copy_code("pytorch")
    item = panel.batch.item(0, 0)
    item.setText("not a number")
    s.reset()


def _exercise_entropy(panel) -> None:
    s = panel.state
    s.update({"archer_a": 0.0, "archer_b": 1.0})
    s.update({"q1": (0.0, 0.5, 0.5), "q2": (0.0, 0.5, 0.5)})
    panel.problem()
    s.reset()


def _exercise_network(panel) -> None:
    s = panel.state
    s.update({"iterations": 1})  # "not in 1 update"
    panel.playback.controller.play()
    panel.playback.controller.pause()
    s.reset()


def test_every_string_that_reaches_translate_is_in_the_chinese_catalogue(
        qtbot, settings, dialogs, monkeypatch, tmp_path, zh_catalogue):
    _Recorder.seen = set()
    _Recorder.counted = set()
    monkeypatch.setattr(binding, "QCoreApplication", _Recorder)
    # Unreadable stored settings: the status bar counts the ignored ones.
    settings.setValue("version", SETTINGS_VERSION)
    settings.setValue("panels/losses", "{not json")
    settings.setValue("window/state", b"not a dock layout")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    for key, panel in win.panels.items():
        _exercise_choices(panel)
        extra = {"cross_entropy": _exercise_cross_entropy, "entropy": _exercise_entropy,
                 "network": _exercise_network}.get(key)
        if extra is not None:
            extra(panel)
        win.export_panel(panel, str(tmp_path / f"{key}.unknown"))  # refused: a message
    win.copy_current_figure()
    win.save_session(str(tmp_path / "session.json"))
    win.open_session(str(tmp_path / "session.json"))
    win.set_language("zh_CN")
    win.set_language("en")

    assert len(_Recorder.seen) > 150  # the recorder really saw the window being built
    missing = sorted(k for k in _Recorder.seen if k not in zh_catalogue)
    assert missing == [], "shown but not translatable (literal tr/trn or TRANSLATABLE):\n" + \
        "\n".join(f"[{c}] {t[:80]!r}" for c, t in missing)
    assert ("network", "after %n update(s)") in _Recorder.counted
    assert ("menu", "%n saved setting(s) ignored: {problems}") in _Recorder.counted


def test_plural_forms_follow_the_count_in_english_and_chinese(qapp):
    i18n.install("en")
    assert binding.trn("after %n update(s)", 1, "network") == "after 1 update"
    assert binding.trn("after %n update(s)", 609, "network") == "after 609 updates"
    i18n.install("zh_CN")
    assert binding.trn("after %n update(s)", 609, "network") == "经过 609 次更新"


# ---------------------------------------------------------------------- the Language menu
def _menu_titles(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def _states(win: MainWindow) -> dict:
    return {k: s.to_dict() for k, s in win.states.items()}


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_choosing_chinese_in_the_language_menu_translates_everything_and_persists(
        window, settings, qtbot):
    window.states["losses"].update({"mode": "residual", "huber_delta": 2.0})
    window.states["cross_entropy"].update({"mode": "binary"})
    before = _states(window)
    assert "&File" in _menu_titles(window)

    window.findChild(QAction, "language_zh_CN").trigger()

    assert settings.value("language") == "zh_CN"
    titles = _menu_titles(window)
    assert {"文件(&F)", "视图(&V)", "语言(&L)", "帮助(&H)"} <= set(titles)
    assert window.docks["losses"].windowTitle() == "损失曲线"
    assert window.docks["entropy"].windowTitle() == "信息"
    losses = window.panels["losses"]
    assert losses.plot.getAxis("bottom").labelText == "残差 r = y − f(x)"
    assert losses.plot.titleLabel.text == "损失曲线"
    assert "平方损失 (L2)" in losses.explanation.toPlainText()  # the residual mode's first
    assert "均方误差" in losses.explanation.toPlainText()
    assert window.panels["network"].readout.text().count("次更新") == 2
    # Qt's own strings come from qtbase_zh_CN.qm.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert "取消" in _cancel_text()
    assert _states(window) == before
    for key, panel in window.panels.items():
        assert panel.state is window.states[key]

    window.save_settings()  # as on quitting: the next window starts from the same settings
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert _states(again) == before
    assert again.language() == "zh_CN"
    assert again.findChild(QAction, "language_zh_CN").isChecked()
    assert again.docks["losses"].windowTitle() == "损失曲线"

    again.findChild(QAction, "language_en").trigger()
    assert settings.value("language") == "en"
    assert "&File" in _menu_titles(again)
    assert again.docks["losses"].windowTitle() == "Loss Curves"
    assert again.panels["losses"].plot.getAxis("bottom").labelText == "residual r = y − f(x)"
    assert "after" in again.panels["network"].readout.text()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert _cancel_text().replace("&", "") == "Cancel"
    assert _states(again) == before


# ---------------------------------------------------------------------- CJK rendering
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
                "AR PL UMing CN", "Noto Sans SC")


def _cjk_family() -> str | None:
    families = QFontDatabase.families()
    for name in CJK_FAMILIES:
        if name in families:
            return name
    return next((f for f in families if "CJK" in f), None)


def _glyphs(text: str, font: QFont) -> QImage:
    image = QImage(200, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, 200, 60), 0, text)
    painter.end()
    return image


def _title_crop(panel, path: Path) -> QImage:
    panel.export_to(path)
    image = QImage(str(path))
    source = export._source_rect(panel.graphics)
    rect = panel.plot.titleLabel.sceneBoundingRect()
    sx = image.width() / source.width()
    sy = image.height() / source.height()
    top_left = QPointF((rect.left() - source.left()) * sx, (rect.top() - source.top()) * sy)
    return image.copy(QRect(int(top_left.x()), int(top_left.y()),
                            max(1, int(rect.width() * sx)), max(1, int(rect.height() * sy))))


def _ink(image: QImage) -> int:
    background = image.pixelColor(0, 0)
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y) != background)


def test_chinese_renders_as_glyphs_in_an_exported_png(window, tmp_path):
    if _cjk_family() is None:
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk)")
    window.set_language("zh_CN")
    panel = window.panels["losses"]
    title = panel.plot.titleLabel.text
    assert title == "损失曲线"
    font = panel.plot.titleLabel.item.font()
    assert QFontMetrics(font).inFontUcs4(ord("损"))
    # Different characters give different glyph images; missing glyphs would all be one box.
    assert _glyphs("损失", font) != _glyphs("间隔", font)

    real = _title_crop(panel, tmp_path / "zh.png")
    assert _ink(real) > 50  # the title is drawn
    # The same title in characters no font has (private use area) renders as boxes ("tofu").
    panel.plot.setTitle("\ue000" * len(title))
    tofu = _title_crop(panel, tmp_path / "tofu.png")
    assert real.size() == tofu.size() and real != tofu
