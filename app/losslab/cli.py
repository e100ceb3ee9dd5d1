"""Command line: the GUI by default, plus headless ``export`` and ``params``.

    losslab                                   start the app
    losslab --version
    losslab export PANEL OUT [--set NAME=VALUE ...] [--width PX]
    losslab params PANEL                      list every settable name, its range and default

The output format follows OUT's suffix.  CSV and JSON are computed by the pure model without
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
DATA_SUFFIXES = (".csv", ".json")


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
    exp.add_argument("--width", type=_width, help="image width in pixels (PNG)")
    par = commands.add_parser("params", help="list a panel's parameters")
    par.add_argument("panel", choices=panels, metavar="PANEL", help="one of " + ", ".join(panels))
    return parser


def _width(text: str) -> int:
    from losslab.io import MAX_IMAGE_SIDE as MAX_PIXELS

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number; allowed: 16 to {MAX_PIXELS}") from None
    if not 16 <= value <= MAX_PIXELS:
        raise argparse.ArgumentTypeError(f"{value} is out of range; allowed: 16 to {MAX_PIXELS}")
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


def export(panel: str, out: str, assignments: Sequence[str], width: int | None) -> str:
    """Validate everything, then write ``out``.  Returns a one-line report."""
    from losslab.io.atomic import WriteError, atomic_write_text
    from losslab.io.tables import table_to_csv, to_json_text
    from losslab.core.params import ParamError
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
    if width is not None and suffix != ".png":
        raise UsageError(f"--width applies to .png only, not {suffix or 'a file with no suffix'}")
    try:
        if suffix == ".csv":
            atomic_write_text(target, table_to_csv(model.table(state)))
        elif suffix == ".json":
            atomic_write_text(target, to_json_text(model.json_document(state)))
        else:
            _export_with_qt(state, panel, target, width)
    except WriteError as exc:
        raise UsageError(str(exc)) from None
    return f"wrote {out}"


def _export_with_qt(state: object, panel: str, target: Path, width: int | None) -> None:
    """Images and animations: build the panel offscreen and let it export itself."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from losslab.qt.app import ensure_app
    from losslab.panels import panel as panel_entry
    from losslab.qt.panel_base import ExportError

    ensure_app()
    panel_widget = panel_entry(panel).view_class()(state)
    suffix = target.suffix.lower()
    if suffix not in panel_widget.export_suffixes():
        raise UsageError(f"cannot export {target.name}: unknown format "
                         f"{suffix or '(no suffix)'}; allowed: "
                         f"{', '.join(panel_widget.export_suffixes())}")
    try:
        panel_widget.export_to(target, width)
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    finally:
        panel_widget.close()
        panel_widget.deleteLater()
        # Delete it now, while Qt is alive: left to interpreter shutdown, pyqtgraph items with
        # queued updates can be collected after their scene and crash the process on exit.
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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
            print(export(args.panel, args.out, args.settings_, args.width))
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
