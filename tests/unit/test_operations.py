"""Every write to the vault from ui/ goes through the operation helper, so none is unannounced.

A static check over the source: a call of a repository's writing method on the vault
(``self._vault.parts.update(...)``, ``vault.peers.remove(...)``...) must sit inside the arguments
of ``perform(...)`` or ``perform_in_background(...)`` (ui/common/operation.py), which announce
the change on the change bus once it is stored.
"""

from __future__ import annotations

import ast
from pathlib import Path

import partsjournal.ui

UI = Path(partsjournal.ui.__file__).parent

#: The vault's repositories, as the ``Vault`` facade names them.
REPOSITORIES = {"parts", "entries", "relations", "peers", "received", "share_log", "identity",
                "drafts", "agreements"}
#: Their methods that change what is stored.
WRITERS = {"add", "update", "delete", "remove", "rename", "set_positions", "mark_verified",
           "mark_unverified", "set_display_name", "save", "discard", "import_bundle", "mark"}
HELPERS = {"perform", "perform_in_background"}


def _names_in(node: ast.expr) -> list[str]:
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return names


def _is_vault_write(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Attribute) and node.attr in WRITERS
            and isinstance(node.value, ast.Attribute) and node.value.attr in REPOSITORIES):
        return False
    return any("vault" in name for name in _names_in(node.value.value))


def _inside_helper(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    child, parent = node, parents.get(node)
    while parent is not None:
        if (isinstance(parent, ast.Call) and child is not parent.func
                and isinstance(parent.func, ast.Name) and parent.func.id in HELPERS):
            return True
        child, parent = parent, parents.get(parent)
    return False


def unannounced_writes(source: str, name: str) -> list[str]:
    """``file:line`` of every vault write in ``source`` outside the operation helper."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    return [f"{name}:{node.lineno}" for node in ast.walk(tree)
            if _is_vault_write(node) and not _inside_helper(node, parents)]


def test_every_vault_write_in_ui_goes_through_the_operation_helper() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += unannounced_writes(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    assert found == []


def test_the_check_finds_a_write_outside_the_helper() -> None:
    """The check itself can fail: a direct write is found, the same write in perform() is not."""
    direct = "def save(self):\n    self._vault.parts.update(part)\n"
    wrapped = ("def save(self):\n"
               "    perform(self, lambda: self._vault.parts.update(part), [Change.PARTS])\n")
    reference = "store = self._vault.entries.add if new else self._vault.entries.update\n"
    assert unannounced_writes(direct, "x.py") == ["x.py:2"]
    assert unannounced_writes(wrapped, "x.py") == []
    assert unannounced_writes(reference, "x.py") == ["x.py:1", "x.py:1"]
