"""``losslab lesson list|check|export``: the built-in lessons, one-line errors with exit status 2,
and PDF handouts written headless with one page per step plus the answers page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import losslab
from losslab.cli import main
from losslab.lessons.format import builtin_lessons

APP_DIR = str(Path(losslab.__file__).resolve().parent.parent)
BAD = ('id = "bad"\ntitle = "Bad"\n[[steps]]\npanel = "risk"\n[[steps]]\npanel = "risk"\n'
       'params = { lam = -1 }\n')
BAD_MESSAGE = ("losslab: error: bad.toml: step 2: params.lam: -1 is out of range; allowed: a "
               "number from 0 to 10")


def page_count(path: Path) -> int:
    """Pages of a PDF: with pypdf when it is installed, else by counting /Type /Page objects."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))
    return len(PdfReader(str(path)).pages)


def test_page_count_counts_pages():
    """Control for the counter: a PDF made here with a known number of pages."""
    from PySide6.QtGui import QPainter, QPdfWriter

    from losslab.qt.app import ensure_app

    ensure_app()
    target = Path(os.environ.get("TMPDIR", "/tmp")) / f"losslab-pages-{os.getpid()}.pdf"
    writer = QPdfWriter(str(target))
    painter = QPainter(writer)
    for i in range(3):
        if i:
            writer.newPage()
        painter.drawText(100, 100, f"page {i + 1}")
    painter.end()
    try:
        assert page_count(target) == 3
    finally:
        target.unlink()


def test_list_prints_id_and_title_of_every_lesson(capsys):
    assert main(["lesson", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    lessons = builtin_lessons()
    assert len(lines) == len(lessons) >= 10
    for line, lesson in zip(lines, lessons, strict=True):
        assert line == f"{lesson.id}  {lesson.title.get('en')}"
    assert main(["lesson", "list", "--lang", "zh_CN"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{lessons[0].id}  {lessons[0].title.get('zh_CN')}"


def test_check_a_good_file(tmp_path, capsys):
    good = tmp_path / "good.toml"
    good.write_text('id = "good"\ntitle = "Good"\n[[steps]]\npanel = "entropy"\n'
                    'params = { archer_a = 0.25 }\n', encoding="utf-8")
    assert main(["lesson", "check", str(good)]) == 0
    assert capsys.readouterr().out == f"{good}: ok (good, 1 steps)\n"


@pytest.mark.parametrize(("content", "message"), [
    (BAD, BAD_MESSAGE),
    ("id = \"x\"\ntitle = \"X\"\n[[steps]]\npanel = \"neuron\"\nparams = { eta = 0 }\n",
     "losslab: error: bad.toml: step 1: params.eta: 0 is out of range; allowed: a number from "
     "0.0001 to 1000000"),
    ("id = [\n", "losslab: error: bad.toml: not valid TOML: "),
])
def test_check_a_broken_file_exits_2_with_one_line(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    assert main(["lesson", "check", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(message) and captured.err.count("\n") == 1


def test_check_in_a_real_process(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=APP_DIR)
    done = subprocess.run([sys.executable, "-m", "losslab", "lesson", "check", str(bad)],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2
    assert done.stderr == BAD_MESSAGE + "\n" and done.stdout == ""
    missing = subprocess.run([sys.executable, "-m", "losslab", "lesson", "check",
                              str(tmp_path / "none.toml")], capture_output=True, text=True,
                             timeout=120, env=env)
    assert missing.returncode == 2
    assert missing.stderr == f"losslab: error: {tmp_path / 'none.toml'}: no such file\n"


@pytest.mark.parametrize("args", [[], ["frobnicate"]])
def test_lesson_without_a_known_command_exits_2(capsys, args):
    assert main(["lesson", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "list" in err and "check" in err


def test_export_a_handout_in_both_languages(tmp_path, capsys):
    lesson = builtin_lessons()[3]
    for language in ("en", "zh_CN"):
        out = tmp_path / f"{lesson.id}-{language}.pdf"
        assert main(["lesson", "export", lesson.id, str(out), "--lang", language]) == 0
        pages = len(lesson.steps) + 1
        assert capsys.readouterr().out == f"wrote {out} ({pages} pages)\n"
        data = out.read_bytes()
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
        assert page_count(out) == pages
    # The Chinese handout embeds a CJK font for its text.
    assert b"CJK" in (tmp_path / f"{lesson.id}-zh_CN.pdf").read_bytes()


def test_export_a_teachers_file(tmp_path, capsys):
    mine = tmp_path / "mine.toml"
    mine.write_text('id = "mine"\ntitle = "Mine"\n[[steps]]\npanel = "losses"\n'
                    'params = { mode = "residual" }\ntext = "Look."\n[[steps]]\n'
                    'panel = "entropy"\n[steps.question]\nkind = "number"\nprompt = "H?"\n'
                    'answer = 1\ntolerance = 0.1\n', encoding="utf-8")
    out = tmp_path / "mine.pdf"
    assert main(["lesson", "export", str(mine), str(out)]) == 0
    assert page_count(out) == 3


@pytest.mark.parametrize(("lesson", "out", "message"), [
    ("no_such_lesson", "x.pdf", "no_such_lesson: no such lesson; allowed: zero_one_bounds, "),
    ("archers_entropy", "x.png", "a handout is a PDF; allowed: a file name ending in .pdf"),
    ("archers_entropy", "missing/x.pdf", "folder"),
    ("broken.toml", "x.pdf", "broken.toml: step 2: params.lam: -1 is out of range"),
])
def test_export_refuses_bad_requests_and_writes_nothing(tmp_path, capsys, monkeypatch, lesson,
                                                         out, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.toml").write_text(BAD, encoding="utf-8")
    assert main(["lesson", "export", lesson, out]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.rglob("*.pdf")) and not list(tmp_path.rglob("*.png"))


def test_export_headless_in_a_real_process(tmp_path):
    """No display and no QT_QPA_PLATFORM: the command picks the offscreen platform itself."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = APP_DIR
    out = tmp_path / "handout.pdf"
    lesson = builtin_lessons()[0]
    done = subprocess.run([sys.executable, "-m", "losslab", "lesson", "export", lesson.id,
                           str(out), "--lang", "zh_CN"], capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert page_count(out) == len(lesson.steps) + 1


def test_long_texts_still_give_one_page_per_step(tmp_path, capsys):
    sentence = "This sentence is here to make the page long, and it keeps going for a while. "
    long_text = "\n\n".join([sentence * 8] * 6)
    lesson = tmp_path / "long.toml"
    lesson.write_text(
        'id = "long"\ntitle = "Long"\n[[steps]]\npanel = "entropy"\n'
        f'text = """{long_text}"""\n[steps.question]\nkind = "number"\nprompt = "?"\n'
        f'answer = 1\ntolerance = 0.5\nexplain = """{long_text}"""\n'
        '[[steps]]\npanel = "losses"\n[steps.question]\nkind = "choice"\nprompt = "?"\n'
        f'choices = ["a", "b"]\nanswer = "B"\nexplain = """{long_text}"""\n',
        encoding="utf-8")
    out = tmp_path / "long.pdf"
    assert main(["lesson", "export", str(lesson), str(out)]) == 0
    assert page_count(out) == 3
