"""Every visible string goes through tr(): no bare literals handed to Qt's text setters.

A static scan of ui/: a string literal passed straight to a text-taking Qt call (setText,
setToolTip, QLabel(...), addItem...) is a string a translator can never reach. Literals that
carry no words (punctuation, "—", upper-case format hints like a card's armour) are allowed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import partsjournal

UI = Path(partsjournal.__file__).parent / "ui"
TEXT_CALLS = {
    "setText", "setToolTip", "setPlaceholderText", "setWindowTitle", "setStatusTip",
    "setInformativeText", "addItem", "addTab", "setTitle", "setAccessibleName",
    "setAccessibleDescription", "showMessage", "setSpecialValueText", "setSuffix",
    "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QRadioButton",
    "QToolButton", "QCommandLinkButton", "addMenu", "addAction", "setWhatsThis",
}
#: Generated modules, by path under ui/ (the screenshot tooling lives in tools/, outside ui/).
SKIP: set[str] = set()
WORD = re.compile(r"[a-z]{2,}")  # prose has lower case; "XXXX-…" format hints do not


def _bare_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in TEXT_CALLS:
            continue
        for arg in node.args[:1]:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                    and WORD.search(arg.value):
                found.append(f"{path.name}:{node.lineno}: {name}({arg.value!r})")
            if isinstance(arg, ast.JoinedStr):
                found.append(f"{path.name}:{node.lineno}: {name}(f-string)")
    return found


def test_no_bare_user_visible_strings_in_ui() -> None:
    offenders = []
    scanned = [p for p in sorted(UI.rglob("*.py")) if p.relative_to(UI).as_posix() not in SKIP]
    # every feature folder is scanned, not just the top of ui/
    assert {p.parent.name for p in scanned} >= {"app", "common", "journal", "parts", "peers"}
    for path in scanned:
        offenders += _bare_literals(path)
    assert offenders == []
