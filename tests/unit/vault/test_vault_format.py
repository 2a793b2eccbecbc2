"""docs/vault-format.md's Python recipe, run literally: the key it prints opens the journal.

The recipe itself uses only `cryptography`; the database is then opened with sqlcipher3, the
same SQLCipher module the app uses. The check with no app code at all — another SQLCipher
implementation, and a reader that cannot import partsjournal — is test_independent_reader.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import sqlcipher3

from partsjournal.domain import Part
from partsjournal.vault import Vault

from ...conftest import PASSPHRASE

DOC = Path(__file__).parents[3] / "docs" / "vault-format.md"


def test_documented_steps_open_the_database(vault: Vault, vault_dir: Path,
                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    vault.parts.add(Part(name="Documented Part"))
    vault.lock()
    recipe = re.search(r"```python\n(.*?)```", DOC.read_text(), re.S)
    assert recipe is not None
    code = recipe.group(1).replace('b"my passphrase"', repr(PASSPHRASE.encode()))
    monkeypatch.chdir(vault_dir)
    printed: list[str] = []
    namespace = {"print": printed.append}
    exec(compile(code, "vault-format.md", "exec"), namespace)  # noqa: S102
    pragma = printed[0].rstrip(";")
    assert pragma.startswith("PRAGMA key = \"x'")
    connection = sqlcipher3.connect(str(vault_dir / "journal.db"))
    connection.execute(pragma)
    assert connection.execute("SELECT name FROM parts").fetchall() == [("Documented Part",)]
    connection.close()
