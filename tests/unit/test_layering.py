"""DESIGN §2: only partsjournal.ui may import Qt; nothing may open a network connection."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import partsjournal

PACKAGE_DIR = Path(partsjournal.__file__).parent


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="partsjournal."):
        if info.name.startswith("partsjournal.ui") or info.name == "partsjournal.__main__":
            continue
        names.append(info.name)
    return names


def test_non_ui_modules_import_without_pyside6() -> None:
    modules = _non_ui_modules()
    assert "partsjournal.vault.vault" in modules and "partsjournal.cli" in modules
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('PySide6 is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
        "print('imported', len(" + repr(modules) + "))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert f"imported {len(modules)}" in result.stdout


def test_no_network_modules_anywhere() -> None:
    forbidden = ("import socket", "import urllib", "import http", "import requests",
                 "QNetworkAccessManager", "QTcpSocket", "QUdpSocket", "from socket",
                 "from urllib", "from http")
    offenders = []
    for path in PACKAGE_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: {word}" for word in forbidden if word in text]
    assert offenders == []


def test_no_sql_in_ui() -> None:
    ui = PACKAGE_DIR / "ui"
    offenders = [p.name for p in ui.rglob("*.py")
                 if ".execute(" in p.read_text(encoding="utf-8")
                 or "SELECT " in p.read_text(encoding="utf-8")]
    assert offenders == []
