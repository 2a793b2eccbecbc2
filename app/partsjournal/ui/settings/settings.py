"""The app's settings: one typed registry over QSettings, holding nothing personal.

Only preferences and the vault folder's location live here — never journal text, part names or
anything typed into the journal (docs/security.md).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Signal

SETTINGS_VERSION = 1


T = TypeVar("T", int, bool, str)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """A key and its default; the default's type is the setting's type."""

    key: str
    default: T

    def convert(self, raw: object) -> T:
        """``raw`` as QSettings hands it back (often a string in INI files) in this type."""
        default = self.default
        if isinstance(default, bool):
            return raw in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(str(raw))
            except ValueError:
                return default
        return str(raw)


#: Ten minutes: long enough to sit with a feeling before the next sentence, short enough that a
#: journal left open in a shared room locks soon.
AUTO_LOCK_MINUTES: Setting[int] = Setting("security/auto_lock_minutes", 10)
#: A check-in reminder while the journal is open names the part (never while it is locked).
CHECKIN_NAMES_SHOWN: Setting[bool] = Setting("security/checkin_names_shown", False)
LOCK_ON_MINIMISE: Setting[bool] = Setting("security/lock_on_minimise", False)
THEME: Setting[str] = Setting("appearance/theme", "system")
BACKUPS_KEEP: Setting[int] = Setting("backups/keep_recent", 7)
BACKUP_COPY_DIR: Setting[str] = Setting("backups/copy_dir", "")
LAST_VAULT: Setting[str] = Setting("vault/last_folder", "")
#: The writing face and size of the entry body ("" = the app's own reading face).
WRITING_FONT_FAMILY: Setting[str] = Setting("writing/font_family", "")
WRITING_FONT_SIZE: Setting[int] = Setting("writing/font_size", 13)
#: Spell-checking: on or off, and the dictionary's language tag ("" = the system's language).
#: The personal word list is journal data and lives in the vault, never here.
SPELLING_ON: Setting[bool] = Setting("writing/spelling_on", True)
SPELLING_LANGUAGE: Setting[str] = Setting("writing/spelling_language", "")
#: Whether the entry's details panel (when, kind, parts present, the 8 C's…) is out beside the
#: text: the person's choice, kept from entry to entry and from one unlock to the next.
ENTRY_DETAILS_SHOWN: Setting[bool] = Setting("layout/entry_details_shown", True)

THEMES = ("system", "light", "dark")


class Settings(QObject):
    """Typed access to the preferences; ``path`` gives tests their own INI file.

    ``changed`` carries the key of every setting whose stored value changed, so whoever applies
    a preference (the auto-lock timer, the main window) follows it instead of being handed the
    new value by the dialog that changed it.
    """

    changed = Signal(str)

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
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

    def get(self, setting: Setting[T]) -> T:
        """The stored value in the setting's type, or its default."""
        return setting.convert(self._store.value(setting.key, setting.default))

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a value; ``changed`` is emitted when it differs from what was stored."""
        before = self.get(setting)
        self._store.setValue(setting.key, setting.convert(value))
        self._store.sync()
        if self.get(setting) != before:
            self.changed.emit(setting.key)

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
