"""Encrypted storage: key slots, the SQLCipher database, repositories, search and backups.

No Qt here; the UI and the CLI reach storage only through these services.
"""

from partsjournal.vault.vault import CheckReport, Vault, is_vault, restore

__all__ = ["CheckReport", "Vault", "is_vault", "restore"]
