"""Importing a JSON export (docs/export-format.md) into this journal, from the File menu.

An export goes only into a new, empty journal (the import restores ids, times and stage
histories exactly and never merges), so the dialog refuses kindly when this journal already
holds something and says how to do it instead: create a new journal and import there.

The slow work runs off the GUI thread in one worker job: reading and checking the whole file
(:func:`partsjournal.archive.json_import.read_export`), then writing it on a database connection
the job opens itself (``Vault.worker_job``; SQLite connections stay on the thread that opened
them). A determinate progress bar follows the write. A refused file is explained with
``show_error`` and leaves the journal empty; on success the dialog says what was imported and
emits :attr:`ImportDialog.imported` so the main window can tell every page.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.archive.json_import import ImportResult, read_export
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.passphrase_widgets import text_width
from partsjournal.ui.common.widgets import plain_label
from partsjournal.ui.common.workers import Progress, run_in_background
from partsjournal.vault import Vault


class _Progress(Progress):
    """The import's progress: the file was checked, then how far the writing has come."""

    checked = Signal()  # the file was read and checked; writing starts


class ImportDialog(QDialog):
    """Choose a .json export and bring everything in it into this (empty) journal."""

    imported = Signal(object)  # the ImportResult, after everything was stored
    failed = Signal(object)  # the error, after it was shown

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._busy = False
        self.result_counts: ImportResult | None = None
        self.setWindowTitle(self.tr("Import a journal export"))
        self.setObjectName("importDialog")
        self._build()
        self._show_whether_empty()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.intro = plain_label(self.tr(
            "Bring everything from a JSON export of Parts Journal into this journal: parts with "
            "their stage history and map places, relationships, entries, peers and what they "
            "shared. Everything in the file is checked before anything is kept."))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addSpacing(self.fontMetrics().height() // 2)
        self.refusal = plain_label()
        self.refusal.setWordWrap(True)
        self.refusal.setObjectName("importRefusal")
        self.refusal.setAccessibleName(self.tr("Why this journal can't take an import"))
        layout.addWidget(self.refusal)
        layout.addStretch(1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("&Choose a file and import…"), self)
        self.import_button.setAccessibleName(self.tr("Choose a file and import"))
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._choose_and_import)
        layout.addWidget(buttons)
        self.setMinimumWidth(text_width(self, 76))
        self.resize(self.minimumWidth(), 0)

    def _fit(self) -> None:
        """Grow to show every line of the current text (wrapped labels change height)."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    @property
    def busy(self) -> bool:
        """True while a file is being checked or written."""
        return self._busy

    def _show_whether_empty(self) -> bool:
        """Show the refusal (and disable importing) if this journal already holds something."""
        empty = self._vault.is_empty()
        self.refusal.setText("" if empty else self.tr(
            "This journal already holds something of yours (parts, entries, agreements, your "
            "own templates or spelling words), and an export can only be imported "
            "into a new, empty journal: nothing is ever merged, so nothing here can be "
            "mixed up or replaced. To import, create a new journal in another folder (for "
            "example with “parts-journal import-json FILE --vault FOLDER”, which creates it "
            "and imports in one step), or open a new, empty journal and import there."))
        self.refusal.setVisible(not empty)
        self.import_button.setEnabled(empty and not self._busy)
        self._fit()
        return empty

    def _choose_and_import(self) -> None:
        found = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a journal export"), found or str(Path.home()),
            self.tr("Parts Journal exports (*.json)"))
        if chosen:
            self.import_from(Path(chosen))

    def import_from(self, path: Path) -> None:
        """Check ``path`` and write it into this journal in a worker; ends in a signal.

        ``imported`` after success, ``failed`` after a refusal or an error was shown.
        """
        if self._busy or not self._show_whether_empty():
            return
        progress = _Progress()
        progress.checked.connect(self._checked)
        progress.moved.connect(self._moved)

        def write(vault: Vault) -> ImportResult:
            snapshot = read_export(path)  # everything checked before anything is written
            progress.checked.emit()
            vault.write_snapshot(snapshot, progress.moved.emit)
            return ImportResult(len(snapshot.parts), len(snapshot.entries),
                                len(snapshot.peers), len(snapshot.received_parts))

        job = self._vault.worker_job(write)

        def done(result: object) -> None:
            progress.deleteLater()
            if shiboken6.isValid(self):  # the dialog may have closed with the journal
                self._done(result)

        def failed(error: BaseException) -> None:
            progress.deleteLater()
            if shiboken6.isValid(self):
                self._failed(error)

        self._set_busy(True)
        self.progress.setRange(0, 0)  # reading and checking: no steps to count yet
        self.status.setText(fill(self.tr("Reading and checking %1…"), path.name))
        self._fit()
        run_in_background(job, done, failed)

    def _checked(self) -> None:
        self.status.setText(self.tr("The file is fine. Writing it into this journal…"))

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy or self.progress.value() > 0)
        self.import_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)

    def _done(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.result_counts = result
        self._set_busy(False)
        self.progress.setValue(self.progress.maximum())
        parts = self.tr("%n parts", "", result.parts)
        entries = self.tr("%n entries", "", result.entries)
        text = fill(self.tr("Imported %1 and %2."), parts, entries)
        if result.peers:
            text += " " + self.tr(
                "This journal has a new contact card (an export never holds private keys): "
                "give your peers the new card and compare safety numbers again.")
        self.status.setText(text)
        self.import_button.setEnabled(False)  # the journal holds the import now
        self._fit()
        self.imported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.progress.hide()
        self.status.setText(self.tr("Nothing was imported; this journal is as it was."))
        self._fit()
        if not isinstance(error, JournalError):
            error = JournalError(fill(self.tr("The import could not be completed (%1)."), error))
        self.failed.emit(error)
        show_error(self, error, self.tr("Not imported"))

    def reject(self) -> None:
        """Closing waits until a running import has finished."""
        if not self._busy:
            super().reject()
