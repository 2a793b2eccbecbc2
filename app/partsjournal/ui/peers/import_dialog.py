"""Importing a bundle: check it in the background, show exactly what changes, import on confirm.

Reading and decrypting (up to 16 MiB) runs in a worker that touches no database, as
:mod:`partsjournal.flows.importing` describes; the preview and the one-transaction apply run
here on the GUI thread. Nothing is written before the person presses Import, and nothing at all
if anything is refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from partsjournal.domain.words import fill
from partsjournal.errors import BundleRefusal, BundleRejected, JournalError
from partsjournal.exchange.bundle import OpenedBundle, open_bundle, read_bundle_file
from partsjournal.flows.importing import BundleImport, ImportPreview, ImportResult
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.dates import date_and_time
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import isolate
from partsjournal.ui.common.theme import SPACE_S
from partsjournal.ui.common.widgets import heading_label, named
from partsjournal.ui.common.workers import run_in_background
from partsjournal.ui.peers.card_widgets import AddPeerDialog
from partsjournal.ui.peers.peer_models import ImportPreviewModel
from partsjournal.ui.peers.peer_widgets import ProblemLine, SafetyNumberDialog, icon_label, wrapped
from partsjournal.ui.practice.peer_session_words import contract_sentences
from partsjournal.vault import Vault

BUSY, PREVIEW, PROBLEM = range(3)


class ImportDialog(QDialog):
    """Open one ``.pjbundle``: busy → preview (or a refusal with a way forward) → import."""

    #: The preview or the refusal is on screen (the background check is over).
    ready = Signal()

    def __init__(self, vault: Vault, path: Path, parent: QWidget | None = None, *,
                 start: bool = True) -> None:
        super().__init__(parent)
        self._vault = vault
        self.path = Path(path)
        self.bundle: BundleImport | None = None
        self.error: BaseException | None = None
        #: What the import did, once it is done.
        self.result_: ImportResult | None = None
        self._closed = False
        self.setWindowTitle(self.tr("Import a bundle"))
        self.setMinimumSize(640, 520)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_busy())
        self.pages.addWidget(self._build_preview())
        self.pages.addWidget(self._build_problem())

        self.buttons = QDialogButtonBox()
        self.import_button = named(self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole), "confirmImport")
        self.cancel_button = named(self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel),
                                   "cancelImport")
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._set_page(BUSY)
        if start:
            self.start()

    # Building ---------------------------------------------------------------------------------

    def _build_busy(self) -> QWidget:
        page = QWidget()
        self.busy_label = named(wrapped(fill(self.tr("Opening and checking “%1”…"),
                                             self.path.name)), "importBusy")
        self.progress = named(QProgressBar(), "importProgress")
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Checking the bundle"))
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.progress)
        layout.addStretch(2)
        return page

    def _build_preview(self) -> QWidget:
        page = QWidget()
        self.sender_label = named(heading_label(), "importSender")
        self.sender_label.setAccessibleName(self.tr("From"))
        self.sender_detail = named(wrapped(), "importSenderDetail")

        self.unverified_box = QWidget()
        self.unverified_box.setObjectName("unverifiedWarning")
        self.unverified_text = named(wrapped(), "unverifiedText")
        self.verify_button = named(QPushButton(self.tr("Compare safety numbers…")),
                                   "compareSafetyNumbers")
        self.verify_button.clicked.connect(self.compare_safety_numbers)
        warning_row = QHBoxLayout(self.unverified_box)
        warning_row.setContentsMargins(SPACE_S, SPACE_S, SPACE_S, SPACE_S)
        warning_row.addWidget(icon_label("triangle-alert", self),
                              0, Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.unverified_text, 1)
        warning_row.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignTop)
        self.unverified_box.setAutoFillBackground(True)
        self.unverified_box.setBackgroundRole(QPalette.ColorRole.AlternateBase)

        self.message_box = QGroupBox(self.tr("Their message"))
        self.message = named(QPlainTextEdit(), "importMessage")
        self.message.setReadOnly(True)
        self.message.setAccessibleName(self.tr("Their message"))
        self.message.setMaximumHeight(110)
        message_layout = QVBoxLayout(self.message_box)
        message_layout.addWidget(self.message)
        # Their wishes for the next session together (a version-2 bundle), as plain sentences.
        self.wishes_box = QGroupBox(self.tr("Their wishes for your next session"))
        self.wishes = named(wrapped(), "importWishes")
        self.wishes.setAccessibleName(self.tr("Their wishes for your next session"))
        QVBoxLayout(self.wishes_box).addWidget(self.wishes)

        self.model = ImportPreviewModel(self)
        self.tree = named(QTreeView(), "importPreview")
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("What importing changes"))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 220)
        self.summary_label = named(wrapped(), "importSummary")

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sender_label)
        layout.addWidget(self.sender_detail)
        layout.addWidget(self.unverified_box)
        layout.addWidget(self.message_box)
        layout.addWidget(self.wishes_box)
        caption = QLabel(self.tr("What importing does:"))
        caption.setBuddy(self.tree)
        layout.addWidget(caption)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary_label)
        return page

    def _build_problem(self) -> QWidget:
        page = QWidget()
        self.problem_heading = named(heading_label(fill(self.tr("“%1” was not imported"),
                                                        self.path.name), "title"),
                                     "problemHeading")
        self.problem = ProblemLine()
        self.add_card_button = named(QPushButton(self.tr("Add their card…")), "addSenderCard")
        self.add_card_button.clicked.connect(self._add_sender_card)
        self.retry_button = named(QPushButton(self.tr("Try again")), "retryImport")
        self.retry_button.clicked.connect(self.start)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_card_button)
        row.addWidget(self.retry_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.problem_heading)
        layout.addSpacing(SPACE_S)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # States -----------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        """'busy', 'preview' or 'problem'."""
        return ("busy", "preview", "problem")[self.pages.currentIndex()]

    def _set_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.import_button.setVisible(page == PREVIEW)
        self.import_button.setEnabled(page == PREVIEW)
        self.cancel_button.setText(self.tr("Close") if page == PROBLEM else self.tr("Cancel"))
        if page == PREVIEW:
            self.import_button.setDefault(True)

    def start(self) -> None:
        """Read, decrypt and check the bundle in the background."""
        self.error = None
        self.bundle = None
        self._set_page(BUSY)
        try:
            identity = self._vault.identity.get()
            cards = {p.fingerprint: p.card for p in self._vault.peers.list()}
        except JournalError as exc:
            self._show_problem(exc)
            return
        path = self.path
        run_in_background(lambda: open_bundle(read_bundle_file(path), identity, cards.get),
                          self._opened, self._failed)

    def _opened(self, opened: object) -> None:
        if not isValid(self) or self._closed:
            return
        assert isinstance(opened, OpenedBundle)
        try:
            self.bundle = BundleImport(self._vault, opened)
        except JournalError as exc:
            self._show_problem(exc)
            return
        self._show_preview(self.bundle.preview)
        self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        if not isValid(self) or self._closed:
            return
        self._show_problem(error)
        self.ready.emit()

    def _show_preview(self, preview: ImportPreview) -> None:
        peer = preview.peer
        self.sender_label.setText(fill(self.tr("From %1"), peer.label))
        details = [fill(self.tr("Made on %1."), date_and_time(preview.created))]
        if preview.sender_name != peer.name:
            details.insert(0, fill(self.tr("They call themselves “%1”."), preview.sender_name))
        self.sender_detail.setText(" ".join(details))
        self._show_verified(peer.verified, peer.name)
        self.message_box.setVisible(bool(preview.message))
        self.message.setPlainText(preview.message)
        wishes = preview.session_agreement
        self.wishes_box.setVisible(wishes is not None)
        self.wishes.setText("" if wishes is None else "\n".join(
            f"• {line}" for line in contract_sentences(wishes)) + "\n\n" + fill(self.tr(
                "Importing keeps them with %1, to take into “Before we begin” when you meet."),
                peer.name))
        self.model.set_preview(preview)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0) + 24, 220))
        self.summary_label.setText(self._summary_text(preview))
        self._set_page(PREVIEW)

    def _summary_text(self, preview: ImportPreview) -> str:
        parts = [self.tr("Nothing in your journal changes until you press Import. Their parts "
                         "stay apart from yours, read-only, under their name.")]
        if preview.relation_count:
            parts.append(fill(self.tr("Relations among these parts: %1."),
                              str(preview.relation_count)))
        return " ".join(parts)

    def _show_verified(self, verified: bool, name: str) -> None:
        self.unverified_box.setVisible(not verified)
        self.unverified_text.setText(fill(self.tr(
            "%1 is not verified. This bundle really comes from the card you added as %1, but "
            "you haven't yet checked that the card is theirs. Compare your safety number with "
            "them, in person or on a call."), name))

    def _show_problem(self, error: BaseException) -> None:
        self.error = error
        self.problem.show_error(error)
        reason = error.reason if isinstance(error, BundleRejected) else None
        self.add_card_button.setVisible(reason is BundleRefusal.UNKNOWN_SENDER)
        self.retry_button.setVisible(reason in (BundleRefusal.UNREADABLE,
                                                BundleRefusal.UNKNOWN_SENDER))
        self._set_page(PROBLEM)

    # Actions ----------------------------------------------------------------------------------

    def compare_safety_numbers(self) -> None:
        """Show the safety number; the preview follows if the person marks the peer verified."""
        if self.bundle is None:
            return
        peer = self._vault.peers.get(self.bundle.preview.peer.id)
        dialog = SafetyNumberDialog(self._vault, peer, self)
        dialog.panel.verification_changed.connect(self._verification_changed)
        dialog.exec()

    def _verification_changed(self, peer: object) -> None:
        from partsjournal.vault.peers import Peer

        assert isinstance(peer, Peer)
        self.sender_label.setText(fill(self.tr("From %1"), peer.label))
        self._show_verified(peer.verified, peer.name)

    def _add_sender_card(self) -> None:
        dialog = AddPeerDialog(self._vault, self)
        if dialog.exec() and dialog.peer is not None:
            self.start()

    def confirm(self) -> None:
        """Import the whole bundle in one transaction, then close."""
        if self.bundle is None:
            return
        try:
            self.result_ = perform(self, self.bundle.apply, [Change.PEERS])
        except JournalError as exc:
            self._show_problem(exc)
            return
        self.accept()

    def done(self, code: int) -> None:
        """Closing (import, cancel or close) ends interest in a check still running."""
        self._closed = True
        super().done(code)

    def summary(self) -> str:
        """One sentence about what the import did (for the status bar)."""
        result = self.result_
        if result is None:
            return ""
        return fill(self.tr("Imported from %1: %2 new, %3 updated, %4 withdrawn."),
                    isolate(result.peer.name),
                    str(result.added),
                    str(result.updated),
                    str(result.withdrawn))
