"""Encrypted storage: key slots, the SQLCipher database, repositories, search and backups.

No Qt here; the UI and the CLI reach storage only through these services. The names below are
loaded on first use (PEP 562), so that importing a light module such as
``partsjournal.vault.locations`` does not load SQLCipher and the cryptography library — the app
shows its unlock window first and loads those while the person types.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from partsjournal.vault.locations import is_vault
    from partsjournal.vault.vault import CheckReport, Vault, restore

__all__ = ["CheckReport", "Vault", "is_vault", "restore"]


def __getattr__(name: str) -> Any:
    if name == "is_vault":
        return importlib.import_module("partsjournal.vault.locations").is_vault
    if name in __all__:
        return getattr(importlib.import_module("partsjournal.vault.vault"), name)
    raise AttributeError(f"module 'partsjournal.vault' has no attribute {name!r}")
