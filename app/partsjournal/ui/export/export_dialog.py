"""File ▸ Export journal…: everything, as JSON or a Markdown folder, written in a worker.

Split from the summary dialog (export_dialogs.py), whose warning row it shares.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.archive.json_export import document_of, to_json_bytes
from partsjournal.archive.markdown_export import write_markdown_folder
from partsjournal.domain.model import utc_now
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.passphrase_widgets import text_width
from partsjournal.ui.common.widgets import plain_label
from partsjournal.ui.common.workers import Progress, run_in_background
from partsjournal.ui.export.export_dialogs import warning_row
from partsjournal.vault import Vault
from partsjournal.vault.fsutil import atomic_write


class ExportDialog(QDialog):
    """Export everything, as one JSON file or as a folder of Markdown files."""

    exported = Signal(object)  # the Path written (the JSON file, or the folder's index.md)
    failed = Signal(object)  # the error

    JSON = "json"
    MARKDOWN = "markdown"

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._busy = False
        self.setWindowTitle(self.tr("Export your journal"))
        self.setObjectName("exportDialog")
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "Export everything in this journal: parts with their stage history and map places, "
            "relationships, entries, your peers and the parts they shared with you, and what you "
            "shared."), wrap=True))
        self.json_radio = QRadioButton(self.tr("One &JSON file"), self)
        self.json_radio.setAccessibleName(self.tr("One JSON file"))
        self.markdown_radio = QRadioButton(self.tr("A folder of Mark&down files"), self)
        self.markdown_radio.setAccessibleName(self.tr("A folder of Markdown files"))
        self.json_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.json_radio)
        group.addButton(self.markdown_radio)
        layout.addWidget(self.json_radio)
        layout.addWidget(self._indented(self.tr(
            "Complete and documented; it can be imported into a new, empty journal later "
            "(File ▸ Import a journal export…). Your contact card's private keys are not included, "
            "so a journal made from it gets a new card to give your peers.")))
        layout.addWidget(self.markdown_radio)
        layout.addWidget(self._indented(self.tr(
            "One file per entry and per part, with an index: easy to read in any text editor. "
            "It can't be imported back.")))
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(warning_row(self, self.tr(
            "The export will not be encrypted. Anyone who can open it can read your whole "
            "journal, so keep it somewhere private and delete it when you no longer need it.")))
        layout.addStretch(1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Exporting"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = plain_label(wrap=True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setDefault(True)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._choose_and_export)
        layout.addWidget(buttons)
        width = text_width(self, 84)
        self.setMinimumWidth(width)
        layout.activate()
        self.resize(width, layout.totalHeightForWidth(width))

    def _indented(self, text: str) -> QLabel:
        label = plain_label(text, wrap=True)
        label.setIndent(self.fontMetrics().averageCharWidth() * 4)
        return label

    @property
    def kind(self) -> str:
        """``json`` or ``markdown``: what the person chose."""
        return self.JSON if self.json_radio.isChecked() else self.MARKDOWN

    @property
    def busy(self) -> bool:
        """True while an export is being written."""
        return self._busy

    def _choose_and_export(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        if self.kind == self.JSON:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export as JSON"),
                start_in(FileKind.EXPORT, f"parts-journal-export-{stamp}.json"),
                self.tr("JSON files (*.json)"))
            if not chosen:
                return
            remember(FileKind.EXPORT, chosen)
            path = Path(chosen)
            if path.suffix.lower() != ".json":
                path = path.with_name(path.name + ".json")
        else:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Choose where to put the Markdown folder"),
                start_in(FileKind.EXPORT))
            if not chosen:
                return
            remember(FileKind.EXPORT, chosen)
            path = markdown_target(Path(chosen), f"parts-journal-export-{stamp}")
        self.export_to(path, self.kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Export to ``path`` (a JSON file, or a new or empty folder) without blocking.

        Reading the journal (on the worker's own connection, ``Vault.worker_job``), formatting
        and writing the files all run in a worker. ``exported`` or ``failed`` is emitted at the
        end (nothing, if the dialog was closed with the journal meanwhile).
        """
        now = utc_now()
        progress = Progress()
        progress.moved.connect(self._moved)

        def write(vault: Vault) -> Path:
            # Three steps a person can see move: read the journal, format it, write the files.
            snapshot = vault.read_snapshot()
            progress.moved.emit(1, 3)
            if kind == self.JSON:
                data = to_json_bytes(document_of(snapshot, now))
                progress.moved.emit(2, 3)
                atomic_write(path, data)
                progress.moved.emit(3, 3)
                return path
            written = write_markdown_folder(snapshot, path, now=now)
            progress.moved.emit(3, 3)
            return written

        def done(result: object) -> None:
            progress.deleteLater()
            if shiboken6.isValid(self):
                self._done(result)

        def failed(error: BaseException) -> None:
            progress.deleteLater()
            if shiboken6.isValid(self):
                self._failed(error)

        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        self._set_busy(True)
        self.status.setText(self.tr("Exporting…"))
        run_in_background(self._vault.worker_job(write), done, failed)

    def _moved(self, done: int, total: int) -> None:
        if shiboken6.isValid(self):
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for widget in (self.export_button, self.close_button, self.json_radio,
                       self.markdown_radio):
            widget.setEnabled(not busy)

    def _done(self, path: object) -> None:
        self._set_busy(False)
        self.status.setText(fill(self.tr("Exported to %1. Remember: it is not encrypted."), path))
        self.exported.emit(path)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Nothing was exported."))
        if isinstance(error, OSError):
            error = JournalError(fill(self.tr("The export could not be written (%1)."),
                                      error.strerror or error))
        self.failed.emit(error)
        show_error(self, error, self.tr("Not exported"))

    def reject(self) -> None:
        """Closing waits until a running export has finished."""
        if not self._busy:
            super().reject()


def markdown_target(chosen: Path, name: str) -> Path:
    """``chosen`` itself if it is empty, else a new subfolder ``name`` (or ``name-2``...)."""
    if chosen.is_dir() and not any(chosen.iterdir()):
        return chosen
    candidate, number = chosen / name, 2
    while candidate.exists():
        candidate = chosen / f"{name}-{number}"
        number += 1
    return candidate
