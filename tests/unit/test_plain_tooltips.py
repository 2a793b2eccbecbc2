"""Every tooltip, What's This, status tip and status message in ui/ goes through ui.plain_text.

Qt shows a tooltip or What's This as rich text whenever the string merely looks like markup, so
one rule with no exceptions: a static scan of ui/ in which

* ``setToolTip``/``setWhatsThis``/``setTabToolTip``/``setTabWhatsThis`` and
  ``QToolTip.showText`` take a direct call of ``plain_tooltip`` (or are replaced by
  ``set_tooltip(widget, text)``);
* ``setStatusTip`` and ``showMessage`` take a direct call of ``plain_status``;
* an ``if role == …ToolTipRole`` (WhatsThisRole, StatusTipRole) branch of a model returns a
  direct helper call or None, and ``setData``/``setItemData`` with such a role pass one;
* a helper is never handed a bare string literal with words (it would escape tr()).

Only ui/common/plain_text.py itself may call Qt's setters with anything else. tests/gui/
test_plain_text_everywhere.py checks the same promise on screen, over hostile data.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import partsjournal

UI = Path(partsjournal.__file__).parent / "ui"
HELPER_MODULE = "common/plain_text.py"  # by path under ui/
TOOLTIP_HELPERS = {"plain_tooltip"}
STATUS_HELPERS = {"plain_status"}
#: Qt setters and the helper their text argument must be a call of.
SETTERS = {
    "setToolTip": TOOLTIP_HELPERS, "setWhatsThis": TOOLTIP_HELPERS,
    "setTabToolTip": TOOLTIP_HELPERS, "setTabWhatsThis": TOOLTIP_HELPERS,
    "setItemToolTip": TOOLTIP_HELPERS, "showText": TOOLTIP_HELPERS,
    "setStatusTip": STATUS_HELPERS, "showMessage": STATUS_HELPERS,
}
TIP_ROLES = {"ToolTipRole": TOOLTIP_HELPERS, "WhatsThisRole": TOOLTIP_HELPERS,
             "StatusTipRole": STATUS_HELPERS}
#: Helpers whose text argument must not be a bare literal: (name, index of the text argument).
TEXT_ARGUMENT = {"plain_tooltip": 0, "plain_status": 0, "set_tooltip": 1, "isolate": 0}
WORD = re.compile(r"[a-z]{2,}")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_call_of(node: ast.expr | None, helpers: set[str]) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) in helpers


def _roles_in(node: ast.AST) -> set[str]:
    return {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)
            and n.attr in TIP_ROLES}


def _returns(body: list[ast.stmt]) -> list[ast.Return]:
    """Return statements of a branch, not counting those of nested functions."""
    found: list[ast.Return] = []
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return):
            found.append(node)
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                   ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return found


def offences(source: str, filename: str) -> list[str]:
    """Every way ``source`` shows a tooltip-like string without the helper."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            where = f"{filename}:{node.lineno}"
            if name in SETTERS:
                if not any(_is_call_of(arg, SETTERS[name]) for arg in node.args):
                    found.append(f"{where}: {name}(…) without {'/'.join(SETTERS[name])}")
            elif name in ("setData", "setItemData"):
                roles = {r for arg in node.args for r in _roles_in(arg)}
                for role in roles:
                    if not any(_is_call_of(arg, TIP_ROLES[role]) for arg in node.args):
                        found.append(f"{where}: {name}(…, {role}) without a helper")
            elif name == "QAction" and any(k.arg in ("toolTip", "statusTip", "whatsThis")
                                           for k in node.keywords):
                found.append(f"{where}: QAction(toolTip=…): use set_tooltip")
            if name in TEXT_ARGUMENT and len(node.args) > TEXT_ARGUMENT[name]:
                text = node.args[TEXT_ARGUMENT[name]]
                if isinstance(text, ast.Constant) and isinstance(text.value, str) \
                        and WORD.search(text.value):
                    found.append(f"{where}: {name}({text.value!r}) is not translatable")
                if isinstance(text, ast.JoinedStr):
                    found.append(f"{where}: {name}(f-string) is not translatable")
        elif isinstance(node, ast.If):
            for role in _roles_in(node.test):
                for ret in _returns(node.body):
                    value = ret.value
                    if value is None or (isinstance(value, ast.Constant)
                                         and value.value is None):
                        continue
                    if not _is_call_of(value, TIP_ROLES[role]):
                        found.append(f"{filename}:{ret.lineno}: returns for {role} without "
                                     f"{'/'.join(TIP_ROLES[role])}")
    return found


def test_every_tooltip_in_ui_goes_through_the_helper() -> None:
    found = []
    scanned = [p for p in sorted(UI.rglob("*.py")) if p.relative_to(UI).as_posix() != HELPER_MODULE]
    # every feature folder is scanned, and only the helper module itself is exempt
    assert {p.parent.name for p in scanned} >= {"app", "common", "journal", "parts", "peers"}
    assert len(scanned) == len(list(UI.rglob("*.py"))) - 1
    for path in scanned:
        found += offences(path.read_text(encoding="utf-8"), path.relative_to(UI).as_posix())
    assert found == []


def test_the_scan_catches_each_way_round_the_helper() -> None:
    bad = '''
def build(self, widget, text, index):
    widget.setToolTip(text)
    widget.setToolTip(self.tr("Fine words"))
    widget.setWhatsThis(text)
    self.statusBar().showMessage(text, 5000)
    widget.setStatusTip(plain_tooltip(text))
    QToolTip.showText(pos, text, widget)
    combo.setItemData(0, text, Qt.ItemDataRole.ToolTipRole)
    item.setData(text, Qt.ItemDataRole.WhatsThisRole)
    set_tooltip(widget, "Bare words")
    QAction("Go", self, toolTip=text)

def data(self, index, role):
    if role == Qt.ItemDataRole.ToolTipRole:
        return self.job
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.StatusTipRole):
        return self.name
'''
    assert len(offences(bad, "bad.py")) == 12
    good = '''
def build(self, widget, text):
    set_tooltip(widget, text)
    widget.setToolTip(plain_tooltip(self.tr("Fine words")))
    self.statusBar().showMessage(plain_status(text), 5000)
    QToolTip.showText(pos, plain_tooltip(text), widget)
    combo.setItemData(0, plain_tooltip(text), Qt.ItemDataRole.ToolTipRole)

def data(self, index, role):
    if role == Qt.ItemDataRole.ToolTipRole:
        return plain_tooltip(self.job)
    if role == Qt.ItemDataRole.StatusTipRole:
        return None
'''
    assert offences(good, "good.py") == []
