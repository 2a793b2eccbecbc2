"""The therapy-prep summary dialog, and the not-encrypted warning it shares with the export.

The summary and the data export (export_dialog.py) are the two ways journal text leaves the vault
on purpose. Both dialogs say plainly, before anything is saved, that the file will not be encrypted
(docs/security.md). The summary is previewed exactly as it will be saved, rendered from Markdown
without HTML by a view that loads no resources. The reports themselves are built by the Qt-free
:mod:`partsjournal.reports` and :mod:`partsjournal.archive`; these dialogs only choose, preview
and save.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCursor, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import Part
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.reports.summary import Summary, build_summary, to_markdown
from partsjournal.ui.common.dates import short_date_format
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.icons import IconLabel
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.models import ID_ROLE, ROLE_ORDER
from partsjournal.ui.common.passphrase_widgets import text_width
from partsjournal.ui.common.plain_text import plain_tooltip
from partsjournal.ui.common.theme import role_color
from partsjournal.ui.common.vocabulary import role_label
from partsjournal.ui.common.vocabulary import tr as vocabulary_tr
from partsjournal.ui.common.widgets import plain_label
from partsjournal.ui.common.workers import Progress, run_in_background
from partsjournal.ui.export.summary_pdf import style_document, write_pdf
from partsjournal.ui.journal.markdown_view import SafeMarkdownView
from partsjournal.ui.journal.speakers import self_names
from partsjournal.vault import Vault
from partsjournal.vault.fsutil import atomic_write

Index = QModelIndex | QPersistentModelIndex
#: How many days the summary covers when the dialog opens: about the time between sessions.
DEFAULT_DAYS = 14


def summary_tr(text: str) -> str:
    """Translate a sentence of the summary document itself."""
    return QCoreApplication.translate("Summary", text)


def summary_date(day: date) -> str:
    """A date in the summary, with the month named in the person's language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def warning_row(parent: QWidget, text: str) -> QWidget:
    """An icon and a plainly worded sentence; never rich text."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    icon = IconLabel("triangle-alert", 0, row)
    label = plain_label(text, wrap=True)
    label.setAccessibleName(text)
    layout.addWidget(icon)
    layout.addWidget(label, 1)
    row.setObjectName("notEncryptedWarning")
    return row


class PartChoiceModel(QAbstractListModel):
    """The person's own parts (archived ones too), each with a tick box."""

    checked_changed = Signal()

    def __init__(self, parts: list[Part], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        order = {role: n for n, role in enumerate(ROLE_ORDER)}
        self._parts = sorted(parts, key=lambda p: (p.archived, order[p.role],
                                                   p.name.casefold()))
        self._checked: set[str] = set()

    def checked_ids(self) -> list[str]:
        """The ticked parts' ids, in list order."""
        return [p.id for p in self._parts if p.id in self._checked]

    def set_checked(self, part_id: str, checked: bool) -> None:
        """Tick or untick one part."""
        for row, part in enumerate(self._parts):
            if part.id == part_id:
                self.setData(self.index(row), Qt.CheckState.Checked if checked
                             else Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._parts)

    def _label(self, part: Part) -> str:
        if part.archived:
            return fill(self.tr("%1 (archived)"), part.name)
        return part.name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parts):
            return None
        part = self._parts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(part)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return fill(self.tr("%1, %2"), self._label(part), role_label(part.role))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(role_label(part.role))
        if role == Qt.ItemDataRole.DecorationRole:
            return role_color(part.role, part.color)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if part.id in self._checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return part.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() \
                or not 0 <= index.row() < len(self._parts):
            return False
        part_id = self._parts[index.row()].id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked \
            if isinstance(value, int | Qt.CheckState) else bool(value)
        if checked == (part_id in self._checked):
            return True
        if checked:
            self._checked.add(part_id)
        else:
            self._checked.discard(part_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True


class SummaryDialog(QDialog):
    """Choose dates and parts, read the summary, then save it as PDF or Markdown."""

    saved = Signal(object)  # the Path written

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._markdown = ""
        self._generation = 0  # which refresh a finished build belongs to (older ones are dropped)
        self._building = False
        self.setWindowTitle(self.tr("Therapy-prep summary"))
        self.setObjectName("summaryDialog")
        self.parts_model = PartChoiceModel(vault.parts.list(include_archived=True), self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = plain_label(self.tr(
            "Gather what happened between two dates — entries, the parts who showed up, stage "
            "changes, your Self-energy and the questions you marked with Q: — to bring to your "
            "next session. Nothing is saved until you choose to."), wrap=True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        today = QDate.currentDate()
        self.since_edit = self._date_edit(today.addDays(-DEFAULT_DAYS), self.tr("From"))
        self.until_edit = self._date_edit(today, self.tr("To"))
        form.addRow(self.tr("&From:"), self.since_edit)
        form.addRow(self.tr("&To:"), self.until_edit)
        left_layout.addLayout(form)

        parts_label = QLabel(self.tr("&Parts to include:"), left)
        self.parts_view = QListView(left)
        self.parts_view.setModel(self.parts_model)
        self.parts_view.setAccessibleName(self.tr("Parts to include"))
        self.parts_view.setMinimumWidth(text_width(self, 28))
        parts_label.setBuddy(self.parts_view)
        left_layout.addWidget(parts_label)
        left_layout.addWidget(self.parts_view, 1)
        hint = plain_label(self.tr("Tick none to include every part."), wrap=True)
        left_layout.addWidget(hint)
        self.parts_model.checked_changed.connect(self._timer.start)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(self.tr("Pre&view:"), right)
        self.preview = SafeMarkdownView(right)
        self.preview.setAccessibleName(self.tr("Summary preview"))
        self.preview.setMinimumWidth(text_width(self, 60))
        preview_label.setBuddy(self.preview)
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview, 1)
        splitter.setStretchFactor(1, 1)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # until the worker says how many entries there are
        self.progress.setAccessibleName(self.tr("Gathering the summary"))
        self.progress.setMaximumHeight(self.fontMetrics().height())
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = plain_label(wrap=True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)
        layout.addWidget(warning_row(self, self.tr(
            "The saved file will not be encrypted. Anyone who can open it can read it, so keep "
            "it somewhere private and delete it when you no longer need it.")))

        buttons = QDialogButtonBox(self)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.pdf_button.setAccessibleName(self.tr("Save as PDF"))
        self.markdown_button = QPushButton(self.tr("Save as &Markdown…"), self)
        self.markdown_button.setAccessibleName(self.tr("Save as Markdown"))
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.markdown_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(lambda: self._save_as("pdf"))
        self.markdown_button.clicked.connect(lambda: self._save_as("md"))
        layout.addWidget(buttons)
        self.resize(text_width(self, 160), self.fontMetrics().height() * 46)

    def _date_edit(self, value: QDate, name: str) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(short_date_format())
        edit.setAccessibleName(name)
        edit.dateChanged.connect(self._timer.start)
        return edit

    # The summary -----------------------------------------------------------------------------

    @property
    def markdown(self) -> str:
        """The summary as it will be saved ("" while the choice can't make one)."""
        return self._markdown

    def period(self) -> tuple[date, date]:
        """The chosen first and last day."""
        since, until = self.since_edit.date(), self.until_edit.date()
        return (date(since.year(), since.month(), since.day()),
                date(until.year(), until.month(), until.day()))

    @property
    def busy(self) -> bool:
        """True while a summary is being gathered in the background."""
        return self._building

    def refresh(self) -> None:
        """Gather the summary for the current choice in a worker, then show it.

        The journal is read on the worker's own connection (``Vault.worker_job``), so a long
        period in a large journal never freezes the window; a choice changed meanwhile starts a
        new build and the older result is dropped.
        """
        self._timer.stop()
        since, until = self.period()
        chosen = self.parts_model.checked_ids() or None
        self._generation += 1
        generation = self._generation
        self._building = True
        self._markdown = ""
        self.pdf_button.setEnabled(False)
        self.markdown_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Gathering the summary…"))
        progress = Progress()
        progress.moved.connect(lambda done, total: self._gathered(generation, done, total))
        names = self_names()  # read here: translations belong to the GUI thread
        job = self._vault.worker_job(lambda vault: build_summary(
            vault, since, until, chosen, progress=progress.moved.emit, self_names=names))

        def done(summary: object) -> None:
            progress.deleteLater()
            if shiboken6.isValid(self) and generation == self._generation:
                self._show_summary(summary)

        def failed(error: BaseException) -> None:
            progress.deleteLater()
            if shiboken6.isValid(self) and generation == self._generation:
                self._show_summary(error)

        run_in_background(job, done, failed)

    def _gathered(self, generation: int, done: int, total: int) -> None:
        """The worker has read ``done`` of the period's ``total`` entries."""
        if shiboken6.isValid(self) and generation == self._generation:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))

    def _show_summary(self, summary: object) -> None:
        self._building = False
        self.progress.hide()
        if isinstance(summary, BaseException):
            self._markdown = ""
            self.preview.clear()
            error = summary if isinstance(summary, JournalError) else JournalError(
                fill(self.tr("The summary could not be gathered (%1)."), summary))
            self.status.setText(str(error))
        else:
            assert isinstance(summary, Summary)
            self._markdown = to_markdown(summary, tr=summary_tr, words=vocabulary_tr,
                                         format_date=summary_date)
            self.preview.show_markdown(self._markdown)
            style_document(self.preview.document())
            # A new summary reads from the top (styling moved the view's cursor to the end).
            self.preview.moveCursor(QTextCursor.MoveOperation.Start)
            self.preview.verticalScrollBar().setValue(0)
            self.status.setText(fill(self.tr("%1 entries in these days."),
                                     len(summary.entries)) if len(summary.entries) != 1
                else self.tr("1 entry in these days."))
        self.pdf_button.setEnabled(bool(self._markdown))
        self.markdown_button.setEnabled(bool(self._markdown))

    # Saving ----------------------------------------------------------------------------------

    def _save_as(self, kind: str) -> None:
        if self._building or not self._markdown:
            return
        since, until = self.period()
        name = f"therapy-prep-{since.isoformat()}-to-{until.isoformat()}.{kind}"
        if kind == "pdf":
            title, filters = self.tr("Save the summary as PDF"), self.tr("PDF files (*.pdf)")
        else:
            title, filters = (self.tr("Save the summary as Markdown"),
                              self.tr("Markdown files (*.md)"))
        chosen, _ = QFileDialog.getSaveFileName(self, title, start_in(FileKind.EXPORT, name),
                                                filters)
        if not chosen:
            return
        remember(FileKind.EXPORT, chosen)
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        if kind == "pdf":
            self.save_pdf(path)
        else:
            self.save_markdown(path)

    def save_pdf(self, path: Path) -> bool:
        """Write the current summary as a PDF; True on success (errors are shown)."""
        return self._save(path, lambda: write_pdf(self._markdown, path))

    def save_markdown(self, path: Path) -> bool:
        """Write the current summary as a Markdown file; True on success."""
        return self._save(path, lambda: atomic_write(path, self._markdown.encode("utf-8")))

    def _save(self, path: Path, write: Any) -> bool:
        if not self._markdown:
            return False
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            write()
        except (OSError, JournalError) as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc if isinstance(exc, JournalError) else JournalError(
                fill(self.tr("The summary could not be saved to %1 (%2)."),
                     path, exc.strerror or exc)), self.tr("Not saved"))
            return False
        QApplication.restoreOverrideCursor()
        self.status.setText(fill(self.tr("Saved to %1. Remember: this file is not encrypted."),
                                 path))
        self.saved.emit(path)
        return True
