"""Packaging: the Linux desktop entry and AppStream metainfo in packaging/, and the PyInstaller bundle.

The validators (``desktop-file-validate`` from desktop-file-utils, ``appstreamcli`` from appstream)
are optional system tools: their tests are skipped, saying so, when a tool is not installed.  The
bundle smoke test runs only after ``bash packaging/build.sh`` has built dist/losslab/.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import losslab

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.losslab.LossLab"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "resources" / "icons" / "losslab.svg"
RESOURCES = ROOT / "resources"
BUNDLE = ROOT / "dist" / "losslab"
BUNDLE_EXE = BUNDLE / "losslab"
ZH_NAME = "损失函数实验室"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install {package}); validation not run")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def _by_lang(root: ET.Element, tag: str) -> dict[str | None, str]:
    """Text of root's direct ``tag`` children keyed by xml:lang (None for the untranslated one)."""
    return {el.get(XML_LANG): (el.text or "").strip() for el in root.findall(tag)}


# --- validators -------------------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate():
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    # It exits 0 on warnings too; hold the file to no errors and no warnings (hints are fine).
    assert "error:" not in report and "warning:" not in report, report


def test_metainfo_passes_appstreamcli_validate():
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_tree_passes_appstreamcli_validate_tree(tmp_path):
    """Laid out as packaging/README.md installs them, the metainfo finds its desktop file and icon."""
    tool = _tool("appstreamcli", "appstream")
    share = tmp_path / "usr" / "share"
    for source, target in [
        (DESKTOP, share / "applications" / DESKTOP.name),
        (METAINFO, share / "metainfo" / METAINFO.name),
        (ICON, share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"),
    ]:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    result = subprocess.run([tool, "validate-tree", "--no-net", "--strict", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


# --- consistency (no tools needed) ------------------------------------------------------------


def test_desktop_entry_launches_losslab_with_the_app_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "losslab"
    assert entry["Icon"] == APP_ID == DESKTOP.stem
    assert entry["Terminal"] == "false"
    assert entry["Name"] == "LossLab"
    assert entry["Name[zh_CN]"] == ZH_NAME
    assert entry.get("Comment[zh_CN]"), "the Chinese comment is missing"


def test_metainfo_matches_the_desktop_entry():
    entry = _desktop_entry()
    root = _metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == entry["Exec"].split()[0]
    names = _by_lang(root, "name")
    assert names[None] == entry["Name"]
    assert names["zh_CN"] == entry["Name[zh_CN]"] == ZH_NAME
    summaries = _by_lang(root, "summary")
    assert summaries[None] == entry["Comment"]
    assert summaries["zh_CN"] == entry["Comment[zh_CN]"]
    desktop_categories = [c for c in entry["Categories"].split(";") if c]
    assert [c.text for c in root.findall("categories/category")] == desktop_categories


def test_metainfo_has_a_chinese_description_content_rating_and_this_release():
    root = _metainfo()
    description = root.find("description")
    assert description is not None
    zh = [el for el in description.iter() if el.get(XML_LANG) == "zh_CN"]
    untranslated = [el for el in description if el.get(XML_LANG) is None]
    assert zh, "no zh_CN paragraphs in the description"
    # Every English paragraph and list item has its Chinese counterpart.
    english_items = [el for el in description.iter() if el.tag in ("p", "li")
                     and el.get(XML_LANG) is None]
    assert len(zh) == len(english_items), (len(zh), len(english_items))
    assert untranslated
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert losslab.__version__ in versions
    assert versions[0] == losslab.__version__, "newest release must come first"


def test_icon_is_a_square_svg():
    root = ET.parse(ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == height > 0


# --- the PyInstaller bundle -------------------------------------------------------------------


def _bundle_or_skip() -> Path:
    if not (BUNDLE_EXE.is_file() and os.access(BUNDLE_EXE, os.X_OK)):
        pytest.skip(f"no bundle at {BUNDLE_EXE}; build it with: bash packaging/build.sh")
    return BUNDLE_EXE


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_bundle_exports_a_png_offscreen(tmp_path):
    exe = _bundle_or_skip()
    out = tmp_path / "x.png"
    work = tmp_path / "elsewhere"
    work.mkdir()  # not the repository: the bundle must not rely on the current directory
    result = subprocess.run([str(exe), "export", "losses", str(out)], cwd=work,
                            env=_headless_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    data = out.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert data[12:16] == b"IHDR" and data.endswith(b"IEND\xaeB`\x82")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 100 and height > 100, (width, height)
    from PIL import Image

    with Image.open(out) as image:
        image.verify()


def test_bundle_reports_this_version():
    exe = _bundle_or_skip()
    result = subprocess.run([str(exe), "--version"], env=_headless_env(), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"losslab {losslab.__version__}", (
        "stale bundle? rebuild with: bash packaging/build.sh")


def test_bundle_ships_every_resource_file():
    _bundle_or_skip()
    shipped = [p.relative_to(RESOURCES) for p in RESOURCES.rglob("*")
               if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert shipped
    found = list(BUNDLE.rglob("losslab/resources"))
    assert len(found) == 1, found
    missing = [str(p) for p in shipped if not (found[0] / p).is_file()]
    assert not missing, missing
