"""Keeps sealed writing that could not be saved at lock until the disk has room for it.

The writing is already encrypted (vault/unsaved.py) and no key is kept with it. While it is only
in memory, quitting would lose it, so the app asks first; every few seconds the keeper tries to
write it into the vault folder, and once it is there quitting is safe.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from partsjournal.placeholders import fill

if TYPE_CHECKING:
    from partsjournal.vault.unsaved import SealedWriting

# vault.unsaved (and with it the crypto library) is imported only when something is kept, so
# the unlock window — the first window of most starts — stays as light as it was.

log = logging.getLogger("partsjournal")
RETRY_MS = 5000


class UnsavedKeeper(QObject):
    """Sealed writing of one journal folder, held in memory until it is stored there."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self._in_memory: list[SealedWriting] = []
        #: Names written into the folder since the last lock (for the lock screen's words).
        self.stored_names: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.try_store)

    @property
    def in_memory(self) -> list[SealedWriting]:
        """Sealed writing not yet on disk (quitting now would lose it)."""
        return list(self._in_memory)

    def hold(self, folder: Path, sealed: SealedWriting) -> None:
        """Keep ``sealed`` for ``folder`` and try to store it right away."""
        if self.folder != folder:
            self._in_memory.clear()
            self.stored_names.clear()
        self.folder = folder
        self._in_memory.append(sealed)
        self.try_store()

    def try_store(self) -> bool:
        """Write what is held into the vault folder; True when nothing is left in memory."""
        if self.folder is None:
            return True
        from partsjournal.vault.unsaved import store

        while self._in_memory:
            sealed = self._in_memory[0]
            try:
                store(self.folder, sealed)
            except OSError as exc:
                log.info("unsaved writing still waits for room (%s)", type(exc).__name__)
                self._timer.start()
                self.changed.emit()
                return False
            self._in_memory.pop(0)
            self.stored_names.append(sealed.name)
        self._timer.stop()
        self.changed.emit()
        return True

    def recovered(self, names: list[str]) -> None:
        """The journal now holds these; forget them."""
        gone = set(names)
        self._in_memory = [s for s in self._in_memory if s.name not in gone]
        self.stored_names = [n for n in self.stored_names if n not in gone]
        if not self._in_memory:
            self._timer.stop()
        self.changed.emit()

    def discard(self) -> None:
        """Forget everything held (a sample journal that is being deleted)."""
        self._in_memory.clear()
        self.stored_names.clear()
        self._timer.stop()
        self.changed.emit()


def ask_to_quit_with_unsaved(parent: QWidget | None, folder: Path | None) -> str:
    """Quitting would lose writing that isn't stored: "retry", "keep" (the default) or "quit"."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox  # built when first asked, not before the first page

    tr = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("UnsavedKeeper", "Your writing isn't saved yet"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(tr("UnsavedKeeper", "Some of your writing couldn't be saved, so quitting now "
                                    "would lose it."))
    box.setInformativeText(fill(tr(
        "UnsavedKeeper", "The message beside it says why. If the disk that holds %1 is full, free "
        "some space (empty the trash, move large files elsewhere) and try again — or keep Parts "
        "Journal open: it keeps trying."), str(folder or "")))
    retry = box.addButton(tr("UnsavedKeeper", "&Try again"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(tr("UnsavedKeeper", "&Keep Parts Journal open"),
                         QMessageBox.ButtonRole.RejectRole)
    quit_ = box.addButton(tr("UnsavedKeeper", "&Quit and lose it"),
                          QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return "retry"
    if clicked is quit_:
        return "quit"
    return "keep"
