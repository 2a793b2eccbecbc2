"""The app's settings: one typed registry over QSettings, holding nothing personal.

Only preferences and the vault folder's location live here — never journal text, part names or
anything typed into the journal (docs/security.md).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    """A key with its type and default."""

    key: str
    default: Any
    kind: type


AUTO_LOCK_MINUTES = Setting("security/auto_lock_minutes", 5, int)
LOCK_ON_MINIMISE = Setting("security/lock_on_minimise", False, bool)
THEME = Setting("appearance/theme", "system", str)
BACKUPS_KEEP = Setting("backups/keep_recent", 7, int)
BACKUP_COPY_DIR = Setting("backups/copy_dir", "", str)
LAST_VAULT = Setting("vault/last_folder", "", str)

THEMES = ("system", "light", "dark")


class Settings:
    """Typed access to the preferences; ``path`` gives tests their own INI file."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None and sys.platform.startswith("linux"):
            # By explicit path, so keep_qt_state_off_disk() can send Qt's own user settings
            # elsewhere: the same file QSettings() would choose (~/.config/ORG/APP.conf).
            self._store = QSettings(str(default_settings_file()), QSettings.Format.IniFormat)
        elif path is None:
            self._store = QSettings()
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        version = int(str(self._store.value("meta/version", 0) or 0))
        if version < SETTINGS_VERSION:
            self._store.setValue("meta/version", SETTINGS_VERSION)

    def get(self, setting: Setting) -> Any:
        """The stored value converted to the setting's type, or its default."""
        raw = self._store.value(setting.key, setting.default)
        if setting.kind is bool:
            return raw in (True, "true", "1", 1)
        try:
            return setting.kind(raw)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        """Store a value (converted to the setting's type)."""
        self._store.setValue(setting.key, setting.kind(value))
        self._store.sync()

    @property
    def file_name(self) -> str:
        """Where the settings are kept (the canary test scans it)."""
        return str(self._store.fileName())


def default_settings_file() -> Path:
    """``$XDG_CONFIG_HOME/<organisation>/<application>.conf``: where QSettings() puts it (Linux)."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return (Path(config) / QCoreApplication.organizationName()
            / f"{QCoreApplication.applicationName()}.conf")


#: A folder that cannot exist (nothing can be created inside /dev/null), not even by root.
_NOWHERE = "/dev/null/parts-journal"


def keep_qt_state_off_disk() -> None:
    """Stop Qt's own file dialog writing ``~/.config/QtProject.conf``.

    That file would list the folders where bundles, exports and backups were saved — outside the
    vault, where the README promises only our settings are. Qt keeps it as a user-scope QSettings
    (organisation "QtProject"); pointing user-scope INI settings at a folder that cannot exist
    makes those writes fail quietly. Our own settings are opened by explicit path and are not
    affected. Linux only: elsewhere Qt keeps it in the platform's preferences store.
    """
    if sys.platform.startswith("linux"):
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, _NOWHERE)
            QSettings.setPath(kind, QSettings.Scope.SystemScope, _NOWHERE)
