"""Packaging and desktop integration (issue 7): the files a desktop reads, checked as it reads them.

The freedesktop validators run where they are installed (`.ci/run` installs them) and are skipped
with the reason otherwise; everything else needs nothing beyond the standard library.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path
from types import ModuleType

import pytest

import partsjournal

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.partsjournal.PartsJournal"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME = PACKAGING / f"{APP_ID}.xml"
SVG_NS = "{http://www.w3.org/2000/svg}"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
FILE_TYPES = {
    "application/x-parts-journal-bundle": "*.pjbundle",
    "application/x-parts-journal-card": "*.pjcard",
    "application/x-parts-journal-backup": "*.pjbackup",
}
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (it comes with the Debian package {package})")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _render_icons_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The .desktop file ---------------------------------------------------------------------------

def test_desktop_file_passes_desktop_file_validate() -> None:
    validator = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_desktop_file_launches_our_command_with_files_and_declares_our_types() -> None:
    entry = _desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert entry["Exec"] == "parts-journal %F" and "parts-journal" in scripts
    assert entry["Icon"] == APP_ID
    assert entry["Name"] == partsjournal.APP_NAME
    assert set(filter(None, entry["MimeType"].split(";"))) == set(FILE_TYPES)
    assert "IFS" in entry["Keywords"].split(";")
    # X11 desktops match the running window to this file by WM_CLASS, which Qt takes from argv[0].
    assert entry["StartupWMClass"] == "parts-journal"


# AppStream metainfo --------------------------------------------------------------------------

def test_metainfo_passes_appstreamcli_validate() -> None:
    appstreamcli = _tool("appstreamcli", "appstream")
    result = subprocess.run([appstreamcli, "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_names_this_app_its_release_rating_and_file_types() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == partsjournal.APP_NAME
    assert root.find("launchable[@type='desktop-id']") is not None
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == "parts-journal"
    assert {m.text for m in root.findall("provides/mediatype")} == set(FILE_TYPES)
    assert root.find("content_rating[@type='oars-1.1']") is not None
    releases = root.findall("releases/release")
    assert releases, "no <release>"
    assert releases[0].get("version") == partsjournal.__version__
    assert releases[0].get("date") == "2026-11-25"
    description = root.find("description")
    assert description is not None and len(description.findall("p")) >= 2


# shared-mime-info ----------------------------------------------------------------------------

def test_mime_xml_declares_the_three_file_types_with_their_globs() -> None:
    root = ET.parse(MIME).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    declared = {
        t.get("type"): [g.get("pattern") for g in t.findall(f"{MIME_NS}glob")]
        for t in root.findall(f"{MIME_NS}mime-type")
    }
    assert declared == {kind: [glob] for kind, glob in FILE_TYPES.items()}
    for kind in root.findall(f"{MIME_NS}mime-type"):
        assert kind.findtext(f"{MIME_NS}comment"), f"{kind.get('type')} has no comment"


def test_update_mime_database_accepts_the_mime_xml(tmp_path: Path) -> None:
    tool = _tool("update-mime-database", "shared-mime-info")
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME, tmp_path / "packages")
    result = subprocess.run([tool, str(tmp_path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    globs = (tmp_path / "globs2").read_text("utf-8")
    for kind, glob in FILE_TYPES.items():
        assert f"{kind}:{glob}" in globs


# The icon ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [f"{APP_ID}.svg", f"{APP_ID}-small.svg"])
def test_svg_sources_parse_and_are_square(name: str) -> None:
    root = ET.parse(ICONS / name).getroot()
    assert root.tag == f"{SVG_NS}svg"
    _x, _y, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == height and width > 0
    shapes = root.findall(f".//{SVG_NS}circle")
    assert len(shapes) >= 7  # Self and six parts around it


def _png_header(path: Path) -> tuple[int, int, int, int]:
    """Width, height, bit depth and colour type from a PNG's IHDR chunk (CRC checked)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    body = data[16:29]
    (crc,) = struct.unpack(">I", data[29:33])
    assert zlib.crc32(kind + body) == crc, f"{path}: damaged IHDR"
    assert data[-12:] == b"\x00\x00\x00\x00IEND\xaeB`\x82", f"{path}: no IEND, truncated?"
    width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    return width, height, depth, colour


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_rendering_exists_at_each_size_with_alpha(size: int) -> None:
    module = _render_icons_module()
    assert tuple(module.SIZES) == PNG_SIZES
    path = module.png_path(size, ICONS)
    assert path == ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert path.is_file(), f"missing {path}; run packaging/render_icons.py"
    assert _png_header(path) == (size, size, 8, 6)  # 8-bit RGBA: rounded corners need alpha


def test_committed_pngs_match_what_the_svg_renders_to(tmp_path: Path, qapp: object) -> None:
    """A changed SVG needs its PNGs re-rendered; tolerant of small renderer differences."""
    from PySide6.QtGui import QImage

    module = _render_icons_module()
    for svg in ICONS.glob("*.svg"):
        shutil.copy(svg, tmp_path)
    module.main(["--icons", str(tmp_path)])
    for size in PNG_SIZES:
        fresh = QImage(str(module.png_path(size, tmp_path)))
        committed = QImage(str(module.png_path(size, ICONS)))
        assert fresh.size() == committed.size()
        total = 0
        for y in range(size):
            for x in range(size):
                a, b = fresh.pixelColor(x, y), committed.pixelColor(x, y)
                total += sum(abs(p - q) for p, q in zip(a.getRgb(), b.getRgb(), strict=True))
        mean = total / (size * size * 4)
        assert mean < 2.0, f"{size} px differs from the SVG by {mean:.2f}/255 on average; " \
                           "run packaging/render_icons.py"


# Scripts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("script", ["build.sh", "smoke_test.sh", "install.sh"])
def test_packaging_scripts_are_executable_bash_without_syntax_errors(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    result = subprocess.run([_tool("bash", "bash"), "-n", str(path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_spec_entry_points_exist() -> None:
    spec = (PACKAGING / "parts-journal.spec").read_text("utf-8")
    for script in ("launcher.py", "smoke_app.py"):
        assert f'"{script}"' in spec and (PACKAGING / script).is_file()
