"""Where a vault lives by default: the platform's per-user application-data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR = "parts-journal"


def default_vault_dir() -> Path:
    """``$XDG_DATA_HOME/parts-journal/vault`` on Linux, the usual places on macOS and Windows.

    ``PARTS_JOURNAL_VAULT`` overrides it (tests and portable installs).
    """
    override = os.environ.get("PARTS_JOURNAL_VAULT")
    if override:
        return Path(override).expanduser()
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
        return base / "Parts Journal" / "vault"
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "Parts Journal" / "vault"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR / "vault"


def is_vault(folder: Path) -> bool:
    """True if ``folder`` looks like a vault (has a key-slot file). Cheap: loads no crypto."""
    return (Path(folder) / "keyslots.json").is_file()
