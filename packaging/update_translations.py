"""Collect LossLab's translatable strings into Qt .ts catalogues and compile them to .qm.

    python packaging/update_translations.py          update the .ts files, then run lrelease
    python packaging/update_translations.py --check  exit 1 if a .ts is out of date or unfinished

Where the strings come from:

* literal calls in ``app/losslab``: ``tr("text")`` / ``tr("text", "context")``,
  ``trn("text %n", n, "context")`` and ``QCoreApplication.translate("context", "text")``;
* strings the model declares (it cannot call Qt): every parameter's label and help
  (context ``params``), every loss's label, formula and explanation (context ``losses``), and any
  ``TRANSLATABLE`` sequence of ``(context, text)`` pairs in a model module.

Existing translations are kept; new strings are added as unfinished; strings that are gone are
dropped, so a committed catalogue never carries obsolete entries.  lrelease is Qt's own
compiler (``pyside6-lrelease``, shipped with PySide6).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import pkgutil
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "app" / "losslab"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")

Key = tuple[str, str]  # (context, source)


def _literal_calls(path: Path) -> list[tuple[Key, bool]]:
    """(context, text) of every literal translation call in a file; bool = has a count."""
    found: list[tuple[Key, bool]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else "")
        args = node.args
        strings = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                   for a in args]
        if name == "tr" and strings and strings[0] is not None:
            context = strings[1] if len(strings) > 1 and strings[1] is not None else "params"
            if len(args) > 1 and strings[1] is None:
                continue  # context not literal: cannot be collected
            found.append(((context, strings[0]), False))
        elif name == "trn" and strings and strings[0] is not None:
            context = strings[2] if len(strings) > 2 and strings[2] is not None else "params"
            found.append(((context, strings[0]), True))
        elif (name == "translate" and len(strings) >= 2 and strings[0] is not None
              and strings[1] is not None):
            found.append(((strings[0], strings[1]), len(args) >= 4))
    return found


def _model_strings() -> list[Key]:
    sys.path.insert(0, str(ROOT / "app"))
    from losslab.maths.losses import LOSSES
    from losslab.panels import PANELS

    keys: list[Key] = []
    for entry in PANELS:
        keys.append(("panels", entry.title))
        for spec in entry.model.state_type.specs.values():
            keys.append(("params", spec.label))
            if spec.help:
                keys.append(("params", spec.help))
    for info in LOSSES.values():
        keys += [("losses", info.label), ("losses", info.formula), ("losses", info.explanation)]
    qt_free = [f"losslab.panels.{entry.key}.model" for entry in PANELS]
    for package in ("losslab.core", "losslab.maths", "losslab.io"):
        pkg = importlib.import_module(package)
        qt_free += [f"{package}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)]
    for name in qt_free:
        mod = importlib.import_module(name)
        for context, text in getattr(mod, "TRANSLATABLE", ()):
            keys.append((context, text))
    return keys


def collect() -> dict[Key, bool]:
    """Every translatable (context, text), mapped to whether it takes a count."""
    keys: dict[Key, bool] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for key, numerus in _literal_calls(path):
            keys[key] = keys.get(key, False) or numerus
    for key in _model_strings():
        keys.setdefault(key, False)
    return keys


def read_ts(path: Path) -> dict[Key, list[str] | None]:
    """Translations in a .ts file: list of forms (one unless numerus), None if unfinished."""
    if not path.exists():
        return {}
    result: dict[Key, list[str] | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                                 "vanished"):
                result[(name, source)] = None
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            result[(name, source)] = forms or [translation.text or ""]
    return result


def write_ts(path: Path, language: str, keys: dict[Key, bool],
             old: dict[Key, list[str] | None]) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[str]] = {}
    for context, source in keys:
        by_context.setdefault(context, []).append(source)
    for context in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source in sorted(by_context[context]):
            numerus = keys[(context, source)]
            message = ET.SubElement(ctx, "message", numerus="yes") if numerus else \
                ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            forms = old.get((context, source))
            translation = ET.SubElement(message, "translation")
            if forms is None:
                translation.set("type", "unfinished")
            elif numerus:
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = forms[0]
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n",
                    encoding="utf-8")


def lrelease_command() -> list[str]:
    exe = shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    import PySide6

    return [str(Path(PySide6.__file__).parent / "lrelease")]


def compile_qm(ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)


def problems(keys: dict[Key, bool]) -> list[str]:
    out = []
    for language in LANGUAGES:
        path = I18N / f"losslab_{language}.ts"
        have = read_ts(path)
        missing = [k for k in keys if k not in have]
        obsolete = [k for k in have if k not in keys]
        unfinished = [k for k, v in have.items() if v is None and k in keys]
        if language == "en":
            unfinished = [k for k in unfinished if keys[k]]  # English needs only plurals
        for label, items in (("missing", missing), ("obsolete", obsolete),
                             ("unfinished", unfinished)):
            out += [f"{path.name}: {label}: [{c}] {s[:70]!r}" for c, s in items]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report, change nothing")
    args = parser.parse_args()
    keys = collect()
    if args.check:
        found = problems(keys)
        print("\n".join(found) if found else "translations are complete and up to date")
        return 1 if found else 0
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        path = I18N / f"losslab_{language}.ts"
        old = read_ts(path)
        if language == "en":
            # English sources are their own translation; only plural forms need writing.
            old = {**{k: [k[1]] for k in keys if not keys[k]}, **{
                k: v for k, v in old.items() if v is not None}}
        write_ts(path, language, keys, old)
        compile_qm(path)
    found = problems(keys)
    print(f"{len(keys)} strings; {len(found)} problems")
    for line in found[:50]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
