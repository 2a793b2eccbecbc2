"""Backing up to a file the person chooses: one way, from the File menu and from Settings."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.messages import show_error
from partsjournal.vault import Vault
from partsjournal.vault.backup import SUFFIX


def tr(text: str) -> str:
    """Translate in the backup context."""
    return QCoreApplication.translate("BackupFile", text)


def back_up_to_chosen_file(parent: QWidget, vault: Vault) -> Path | None:
    """Ask where, write an encrypted backup there, and return where it went (None if not).

    The name suggested carries today's date; the backup suffix is added when the person left it
    out. The backup reads the database, which lives on this thread (docs/architecture.md), so a
    wait cursor shows meanwhile. A failure is explained here, with the way forward.
    """
    name = f"parts-journal-{datetime.now().strftime('%Y%m%d')}{SUFFIX}"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, tr("Back up your journal"), start_in(FileKind.BACKUP, name),
        fill(tr("Parts Journal backups (*%1)"), SUFFIX))
    if not chosen:
        return None
    remember(FileKind.BACKUP, chosen)
    dest = Path(chosen)
    if dest.suffix != SUFFIX:
        dest = dest.with_name(dest.name + SUFFIX)
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        written = vault.backup_to(dest)
    except JournalError as exc:
        QApplication.restoreOverrideCursor()
        show_error(parent, exc, tr("Back up now"))
        return None
    QApplication.restoreOverrideCursor()
    return written
