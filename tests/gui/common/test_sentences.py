"""One placeholder style in ui/: Qt's %1…%9, filled by domain.words.fill (tests/unit/test_words.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import partsjournal.ui

UI = Path(partsjournal.ui.__file__).parent
TRANSLATE = {"tr", "translate"}


def _placeholder_misuse(path: Path) -> list[str]:
    """Translated strings filled any other way: ``tr(…).replace("%1", …)`` or ``.format()``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"replace", "format"}):
            continue
        target = node.func.value
        inner = target.func if isinstance(target, ast.Call) else None
        name = inner.attr if isinstance(inner, ast.Attribute) else getattr(inner, "id", "")
        placeholder = node.func.attr == "replace" and node.args \
            and isinstance(node.args[0], ast.Constant) and str(node.args[0].value).startswith("%")
        if name in TRANSLATE or placeholder:
            found.append(f"{path.relative_to(UI)}:{node.lineno}")
    return found


def test_every_translated_sentence_is_filled_by_fill() -> None:
    scanned = sorted(UI.rglob("*.py"))
    assert len(scanned) > 40
    offenders = [hit for path in scanned for hit in _placeholder_misuse(path)]
    assert offenders == []
