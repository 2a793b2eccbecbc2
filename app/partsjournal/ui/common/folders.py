"""Where a file dialog starts: the folder last used for the same kind of file.

Every kind starts in the Documents folder (the home folder where there is none) and then in the
folder the person last chose for that kind — bundles where bundles went, backups where backups
went. The folders are remembered in memory only, for as long as the app runs: a list of the
places where someone keeps their journal's exports would itself say something about them, so it
is never written to the settings file (docs/security.md).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QStandardPaths


class FileKind(StrEnum):
    """The kinds of file the app asks for, each with a folder of its own."""

    BUNDLE = "bundle"  # bundles saved for a peer
    RECEIVED = "received"  # bundles and cards from a peer
    CARD = "card"  # this journal's own contact card
    BACKUP = "backup"
    EXPORT = "export"  # the whole journal as JSON or Markdown, the summary, the map picture
    RECOVERY_SHEET = "recovery-sheet"  # the recovery code's printable sheet, kept apart


_last: dict[FileKind, Path] = {}


def documents_folder() -> Path:
    """The person's Documents folder, or their home folder when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_in(kind: FileKind, file_name: str = "") -> str:
    """Where a dialog for ``kind`` opens, with ``file_name`` proposed when it saves a file."""
    folder = _last.get(kind)
    if folder is None or not folder.is_dir():
        folder = documents_folder()
    return str(folder / file_name) if file_name else str(folder)


def remember(kind: FileKind, chosen: str | Path) -> None:
    """The person chose ``chosen`` (a file or a folder): start there next time."""
    path = Path(chosen)
    _last[kind] = path if path.is_dir() else path.parent


def forget_all() -> None:
    """Start every kind afresh (tests; nothing else needs it)."""
    _last.clear()
