"""DESIGN §2: only partsjournal.ui may import Qt; nothing may open a network connection."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def _package_imports(root: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    """For each top-level package (or module) of partsjournal, the others it imports.

    Imports inside functions count too: a lazy import is still a dependency.
    """
    import ast

    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        source = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "partsjournal" and len(parts) > 1 and parts[1] != source:
                    graph.setdefault(source, set()).add(parts[1])
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """Every package that can reach itself, with the path that shows it."""
    found = []
    for start in sorted(graph):
        stack = [(start, (start,))]
        seen: set[str] = set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    found.append((*path, start))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, (*path, nxt)))
    return found


def test_no_package_level_import_cycles() -> None:
    graph = _package_imports()
    assert {"domain", "vault", "exchange", "flows", "reports", "archive", "ui", "cli"} \
        <= set(graph)
    assert _cycles(graph) == []


#: What each lower layer may import (docs/architecture.md, "Layers"); ui/ and cli/ sit on top.
ALLOWED = {
    "archive": {"domain", "errors", "exchange", "media", "vault", "reports"},
    "reports": {"domain", "errors", "exchange", "vault"},
    "vault": {"domain", "errors", "exchange", "media"},
    # Decoding and cleaning pictures (Pillow): beside domain, below vault.
    "media": {"domain", "errors"},
}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_what_is_below_it(layer: str) -> None:
    """archive/ (the whole-journal export and import) sits above vault/ and reports/, below ui/."""
    assert _package_imports().get(layer, set()) - ALLOWED[layer] == set()


def test_archive_is_known_and_ui_may_use_it() -> None:
    graph = _package_imports()
    assert "archive" in graph.get("ui", set()) and "archive" in graph.get("cli", set())
    assert "archive" in graph.get("flows", set())
    for lower in ("vault", "reports", "domain", "exchange"):
        assert "archive" not in graph.get(lower, set()), lower


def test_the_layer_check_sees_archive_importing_ui(tmp_path: Path) -> None:
    """The rules above fail on a deliberately added import of ui/ (here, from archive/)."""
    import shutil

    copy = tmp_path / "partsjournal"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "archive" / "added.py").write_text(
        "def f() -> None:\n    from partsjournal.ui.common.messages import show_error\n",
        encoding="utf-8")
    assert "ui" in _package_imports(copy)["archive"] - ALLOWED["archive"]
    assert any(cycle[0] == "archive" for cycle in _cycles(_package_imports(copy)))


def test_exchange_is_pure_formats_and_crypto() -> None:
    assert _package_imports().get("exchange", set()) <= {"domain", "errors"}


def test_the_cycle_check_sees_a_cycle(tmp_path: Path) -> None:
    """The check above fails on a deliberately added cycle (here, exchange importing vault)."""
    import shutil

    copy = tmp_path / "partsjournal"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "exchange" / "added.py").write_text(
        "from partsjournal.vault.vault import Vault\n", encoding="utf-8")
    assert any(cycle[0] == "exchange" for cycle in _cycles(_package_imports(copy)))


def test_ui_never_touches_the_database_object() -> None:
    """ui/ uses the Vault facade's services, never ``vault.db`` (nor the Database class)."""
    import re

    pattern = re.compile(r"(?<!journal)\.db\b|vault\.database|\bDatabase\(")
    offenders = [str(p.relative_to(PACKAGE_DIR)) for p in (PACKAGE_DIR / "ui").rglob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
