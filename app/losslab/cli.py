"""Command line: the GUI by default, plus headless ``export`` and ``params``.

    losslab                                   start the app
    losslab --version
    losslab export PANEL OUT [--set NAME=VALUE ...] [--width PX] [--height PX] [--scale S]
                             [--theme light|dark|high_contrast]
    losslab params PANEL                      list every settable name, its range and default
    losslab lesson list                       the built-in lessons: id and title
    losslab lesson check FILE                 validate a lesson file
    losslab lesson export ID OUT.pdf [--lang en|zh_CN]
                                              a lesson's handout (ID: a built-in id or a file)

The output format follows OUT's suffix.  Figures (PNG, SVG, GIF) are laid out at --width ×
--height logical pixels (default 960 × 600; one of them alone keeps a 16:10 aspect); --scale
multiplies a PNG's pixels.  CSV and JSON are computed by the pure model without
starting Qt; images are drawn by the same panel code as the GUI, on Qt's offscreen platform, so
no display is needed.  Any bad input (unknown panel, name, type, range, format, an unwritable
target) exits with status 2 and one line on stderr saying what is allowed; nothing is written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from losslab import __version__
from losslab.core.params import Kind, ParamError, ParamSpec

if TYPE_CHECKING:
    from losslab.core.panel import PanelModel

EXIT_USAGE = 2


class UsageError(Exception):
    """Bad command-line input; the message is the one line shown to the user."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line (no usage dump) and exit with status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _build_parser(with_panels: bool = True) -> argparse.ArgumentParser:
    """The parser; ``with_panels=False`` skips loading the panel registry (numpy and every
    model) when no subcommand needs it, so the GUI's window appears sooner."""
    panels: list[str] = []
    if with_panels:
        from losslab.panels import keys

        panels = keys()
    parser = _Parser(prog="losslab", description="LossLab: learn loss functions by playing "
                     "with them. With no command, the app starts.")
    parser.add_argument("--version", action="version", version=f"losslab {__version__}")
    parser.add_argument("--settings", metavar="FILE",
                        help="settings file to use instead of the user's (INI format)")
    parser.add_argument("--session", metavar="FILE", help="open a saved session (JSON)")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    exp = commands.add_parser("export", help="write a panel's figure or data without a window")
    exp.add_argument("panel", choices=panels, metavar="PANEL",
                     help="one of " + ", ".join(panels))
    exp.add_argument("out", metavar="OUT", help="output file; the suffix picks the format")
    exp.add_argument("--set", dest="settings_", action="append", default=[],
                     metavar="NAME=VALUE", help="set a parameter (see 'losslab params PANEL')")
    exp.add_argument("--width", type=_width, help="figure width in logical pixels "
                     "(PNG, SVG, GIF; default 960)")
    exp.add_argument("--height", type=_height, help="figure height in logical pixels "
                     "(default: width × 10/16)")
    exp.add_argument("--scale", type=_scale, help="PNG pixels per logical pixel (default 1)")
    exp.add_argument("--theme", choices=_THEMES, help="colours of the figure: "
                     + ", ".join(_THEMES) + " (default light)")
    par = commands.add_parser("params", help="list a panel's parameters")
    par.add_argument("panel", choices=panels, metavar="PANEL", help="one of " + ", ".join(panels))
    les = commands.add_parser("lesson", help="list, check or export guided lessons")
    what = les.add_subparsers(dest="lesson_command", parser_class=_Parser, required=True,
                              metavar="{list,check,export}")
    lst = what.add_parser("list", help="the built-in lessons, one line each: id and title")
    lst.add_argument("--lang", choices=_LESSON_LANGUAGES, default="en",
                     help="language of the titles (default en)")
    chk = what.add_parser("check", help="validate a lesson file (exit 0, or 2 and what is wrong)")
    chk.add_argument("file", metavar="FILE", help="a lesson file (.toml)")
    hnd = what.add_parser("export", help="write a lesson's handout as PDF (one page per step "
                          "and a page of answers)")
    hnd.add_argument("lesson", metavar="ID", help="a built-in lesson id (see 'losslab lesson "
                     "list') or a lesson file")
    hnd.add_argument("out", metavar="OUT.pdf", help="the PDF to write")
    hnd.add_argument("--lang", choices=_LESSON_LANGUAGES, default="en",
                     help="language of the handout (default en)")
    return parser


#: Languages lesson texts and handouts come in (as losslab.lessons.format.LANGUAGES).
_LESSON_LANGUAGES = ("en", "zh_CN")


#: Theme names for --theme (as in losslab.qt.theme.THEMES; listed here so that parsing the
#: command line does not import Qt).
_THEMES = ("light", "dark", "high_contrast")


def _side(text: str) -> int:
    from losslab.io.export import MAX_SIDE, MIN_SIDE

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number; allowed: {MIN_SIDE} to {MAX_SIDE}") from None
    if not MIN_SIDE <= value <= MAX_SIDE:
        raise argparse.ArgumentTypeError(
            f"{value} is out of range; allowed: {MIN_SIDE} to {MAX_SIDE}")
    return value


def _width(text: str) -> int:
    return _side(text)


def _height(text: str) -> int:
    return _side(text)


def _scale(text: str) -> float:
    from losslab.io.export import MAX_SCALE

    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (value == value and 0.1 <= value <= MAX_SCALE):  # value == value: not NaN
        raise argparse.ArgumentTypeError(f"{text!r} is not allowed; allowed: 0.1 to {MAX_SCALE:g}")
    return value


def settable(spec: ParamSpec) -> bool:
    """Whether ``--set NAME=`` takes this parameter: the persisted ones.

    The others are transient (``frame``, the playback position) or derived from other values
    (``classes`` follows the length of the distributions), so a request cannot set them; this is
    the rule :func:`export` applies, and ``losslab params`` lists exactly these names.
    """
    return spec.persist


def _request_default(model: PanelModel, spec: ParamSpec) -> str:
    """The default of ``spec`` as text that ``--set NAME=`` accepts with every other default.

    Usually that is the spec's own default.  A panel's ``check_request`` may refuse part of it
    given the others: the loss-curve panel keeps one selection of losses for both families
    but, in its default margin mode, accepts only margin losses on the command line.  A list's
    default is then shown as the items that are accepted (what the export draws anyway).
    """
    text = spec.default_text()
    if model.check_request is None:
        return text
    state = model.make_state()
    try:
        model.check_request(state, frozenset({spec.name}))
        return text
    except ParamError:
        pass
    if spec.kind is not Kind.MULTI:
        return text
    kept = []
    for item in spec.default:
        state = model.make_state()
        state.update({spec.name: (item,)}, clamp=False)
        try:
            model.check_request(state, frozenset({spec.name}))
        except ParamError:
            continue
        kept.append(item)
    return spec.format(tuple(kept))


def params_text(panel: str) -> str:
    """The table printed by ``losslab params PANEL``: every name ``--set`` accepts, its kind,
    its default (as ``--set`` accepts it), what is allowed and one sentence of help."""
    from losslab.panels import panel as panel_entry

    model = panel_entry(panel).model
    lines = []
    for spec in model.state_type.specs.values():
        if not settable(spec):
            continue
        default = _request_default(model, spec)
        lines.append(f"{spec.name}  ({spec.kind.value})  default: {default}")
        lines.append(f"    allowed: {spec.allowed()}")
        if spec.help:
            lines.append(f"    {spec.help}")
    return "\n".join(lines) + "\n"


def export(panel: str, out: str, assignments: Sequence[str], width: int | None,
           height: int | None = None, theme: str | None = None,
           scale: float | None = None) -> str:
    """Validate everything, then write ``out``.  Returns a one-line report.

    Data formats are written by the pure model without Qt; figures and animations by
    :func:`losslab.qt.export.export_panel`, the dispatch the app's menus use too.
    """
    from losslab.core.params import ParamError
    from losslab.io.atomic import WriteError
    from losslab.io.export import (
        DATA_SUFFIXES,
        FIGURE_SUFFIXES,
        ExportRequestError,
        FigureOptions,
        check_pixels,
        figure_size,
        write_data,
    )
    from losslab.panels import panel as panel_entry

    model = panel_entry(panel).model
    state = model.make_state()
    values: dict[str, object] = {}
    for item in assignments:
        name, sep, text = item.partition("=")
        name = name.strip()
        if not sep:
            raise UsageError(f"--set {item!r}: expected NAME=VALUE")
        spec = state.specs.get(name)
        if spec is None or not spec.persist:
            allowed = ", ".join(n for n, s in state.specs.items() if s.persist)
            raise UsageError(f"--set {name}: unknown parameter for {panel}; allowed: {allowed}")
        try:
            values[name] = spec.parse(text)
        except ParamError as exc:
            raise UsageError(str(exc)) from None
    try:
        state.update(values, clamp=False)
        if model.check_request is not None:
            model.check_request(state, frozenset(values))
    except ParamError as exc:
        raise UsageError(str(exc)) from None

    target = Path(out)
    suffix = target.suffix.lower()
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"cannot write {out}: folder {folder} does not exist")
    if target.is_dir():
        raise UsageError(f"cannot write {out}: it is a folder")
    what = suffix or "a file with no suffix"
    if suffix in DATA_SUFFIXES or not suffix:
        for flag, value in (("--width", width), ("--height", height), ("--theme", theme),
                            ("--scale", scale)):
            if value is not None:
                raise UsageError(f"{flag} applies to figures only (.png, .svg, .gif), not {what}")
    if scale is not None and suffix != ".png":
        raise UsageError(f"--scale applies to .png only, not {what}")
    try:
        if suffix in DATA_SUFFIXES:
            write_data(model, state, target)
            return f"wrote {out}"
        size = figure_size(width, height)
        # Without a window the figure is laid out at the default size, in the light theme.
        options = FigureOptions(size, scale, theme or "light")
        if suffix in FIGURE_SUFFIXES:
            check_pixels(size or (960, 600), scale or 1.0)
        written = _export_with_qt(state, panel, target, options)
    except (WriteError, ExportRequestError) as exc:
        raise UsageError(str(exc)) from None
    return f"wrote {out} ({written})" if written else f"wrote {out}"


def _export_with_qt(state: object, panel: str, target: Path, options: object) -> str:
    """Images and animations: build the panel offscreen and export it with the app's code."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from losslab.io.export import DEFAULT_SIZE, FigureOptions
    from losslab.panels import panel as panel_entry
    from losslab.qt import theme as themes
    from losslab.qt.app import ensure_app
    from losslab.qt.export import export_panel

    assert isinstance(options, FigureOptions)
    ensure_app()
    themes.choose(options.theme or "light")
    panel_widget = panel_entry(panel).view_class()(state)
    try:
        from losslab.io.export import check_suffix

        check_suffix(target, panel_widget.animated)
        # The panel itself is built in the chosen theme and laid out at the size asked for.
        panel_widget.ensure_laid_out(options.size or DEFAULT_SIZE)
        return export_panel(panel_widget, target,
                            FigureOptions(options.size, options.scale or 1.0))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    finally:
        panel_widget.close()
        panel_widget.deleteLater()
        # Delete it now, while Qt is alive: left to interpreter shutdown, pyqtgraph items with
        # queued updates can be collected after their scene and crash the process on exit.
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def lesson_command(args: argparse.Namespace) -> str:
    """``losslab lesson list|check|export``; returns what to print.  Bad input raises
    :class:`UsageError` with the one line naming the file, step and field."""
    from losslab.lessons.format import LessonError, builtin_lessons, find_lesson, read_lesson

    try:
        if args.lesson_command == "list":
            return "".join(f"{lesson.id}  {lesson.title.get(args.lang)}\n"
                           for lesson in builtin_lessons())
        if args.lesson_command == "check":
            if not Path(args.file).is_file():
                raise UsageError(f"{args.file}: no such file")
            lesson = read_lesson(args.file)
            return f"{args.file}: ok ({lesson.id}, {len(lesson.steps)} steps)\n"
        lesson = find_lesson(args.lesson)
    except LessonError as exc:
        raise UsageError(str(exc)) from None
    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        raise UsageError(f"{args.out}: a handout is a PDF; allowed: a file name ending in .pdf")
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {args.out}: folder {target.parent} does not exist")
    if target.is_dir():
        raise UsageError(f"cannot write {args.out}: it is a folder")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from losslab.io.atomic import WriteError
    from losslab.qt.app import ensure_app
    from losslab.qt.handout import write_handout

    ensure_app()
    try:
        pages = write_handout(lesson, target, args.lang)
    except WriteError as exc:
        raise UsageError(str(exc)) from None
    finally:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return f"wrote {args.out} ({pages} pages)\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``losslab`` and ``python -m losslab``; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        needs_panels = any(a in ("export", "params", "-h", "--help") for a in args_list)
        args = _build_parser(needs_panels).parse_args(args_list)
        if args.command == "params":
            sys.stdout.write(params_text(args.panel))
            return 0
        if args.command == "export":
            print(export(args.panel, args.out, args.settings_, args.width, args.height,
                         args.theme, args.scale))
            return 0
        if args.command == "lesson":
            sys.stdout.write(lesson_command(args))
            return 0
    except UsageError as exc:
        print(f"losslab: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from losslab.qt.app import run_gui

    if args.session and not Path(args.session).is_file():
        print(f"losslab: error: --session {args.session}: no such file", file=sys.stderr)
        return EXIT_USAGE
    return run_gui(args.settings, args.session)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
