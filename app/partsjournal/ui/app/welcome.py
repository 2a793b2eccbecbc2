"""First run: create a journal, open an existing folder, restore a backup, or explore the sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partsjournal import APP_NAME
from partsjournal.errors import JournalError
from partsjournal.flows.first_run import CreateVaultFlow
from partsjournal.ui.common.messages import explain, show_error
from partsjournal.ui.common.passphrase_widgets import NewPassphraseForm, RecoveryCodeDialog
from partsjournal.ui.common.theme import SPACE_M, SPACE_S, SPACE_XXL
from partsjournal.ui.common.widgets import arrow_icon
from partsjournal.ui.common.workers import run_in_background
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.locations import default_vault_dir


class WelcomeWindow(QWidget):
    """The first screen when there is no journal yet."""

    create_requested = Signal()
    open_requested = Signal(object)  # Path
    sample_requested = Signal()
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XXL, SPACE_XXL, SPACE_XXL, SPACE_XXL)
        layout.setSpacing(SPACE_M)
        heading = QLabel(self.tr("Welcome to Parts Journal"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        heading.setFont(font)
        layout.addWidget(heading)
        intro = QLabel(self.tr(
            "A private place to get to know your parts — the managers, firefighters and exiles "
            "inside — and to keep notes from your sessions, alone, in therapy or with a peer.\n\n"
            "Everything is encrypted and stays on this computer. Nothing is ever sent anywhere."),
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(SPACE_S)
        self.create_button = QCommandLinkButton(
            self.tr("Create a new journal"),
            self.tr("Choose a passphrase; you will also get a recovery code to write down."),
            self)
        self.create_button.clicked.connect(self.create_requested)
        self.open_button = QCommandLinkButton(
            self.tr("Open an existing journal"),
            self.tr("Pick the folder of a journal you already have, e.g. on a USB stick."), self)
        self.open_button.clicked.connect(self._choose_folder)
        self.restore_button = QCommandLinkButton(
            self.tr("Restore from a backup"),
            self.tr("Bring back a journal from a .pjbackup file."), self)
        self.restore_button.clicked.connect(self.restore_requested)
        self.sample_button = QCommandLinkButton(
            self.tr("Explore the sample journal"),
            self.tr("Look around a journal filled with made-up examples. Nothing is kept."), self)
        self.sample_button.clicked.connect(self.sample_requested)
        for button in (self.create_button, self.open_button, self.restore_button,
                       self.sample_button):
            button.setAccessibleName(button.text())
            button.setIcon(arrow_icon(self.palette().color(QPalette.ColorRole.ButtonText)))
            layout.addWidget(button)
        layout.addStretch(1)
        self.setFocusProxy(self.create_button)  # shown as a page, the keyboard starts here
        self.create_button.setFocus()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose your journal's folder"))
        if folder:
            self.open_requested.emit(Path(folder))


class CreateVaultDialog(QDialog):
    """Folder and passphrase, then a busy page while the keys are made, then the recovery code."""

    def __init__(self, folder: Path | None = None, *, profile: KdfProfile | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = CreateVaultFlow(folder or default_vault_dir(), profile=profile)
        self.vault: Vault | None = None
        self.setWindowTitle(self.tr("Create a new journal"))
        self.resize(560, 460)
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._busy_page())

    def _form_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        where_label = QLabel(self.tr("&Where your journal will be kept"), page)
        row = QHBoxLayout()
        self.folder = QLineEdit(str(self.flow.folder), page)
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Journal folder"))
        where_label.setBuddy(self.folder)
        change = QPushButton(self.tr("C&hange…"), page)
        change.clicked.connect(self._choose_folder)
        row.addWidget(self.folder, 1)
        row.addWidget(change)
        layout.addWidget(where_label)
        layout.addLayout(row)
        self.folder_problem = QLabel(page)
        self.folder_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_problem.setWordWrap(True)
        layout.addWidget(self.folder_problem)
        # The advice on choosing one (a few unrelated words) is the form's own first hint.
        explain_label = QLabel(self.tr(
            "Choose a passphrase only you know. Nobody — not even us — can open your journal "
            "without it or your recovery code."), page)
        explain_label.setTextFormat(Qt.TextFormat.PlainText)
        explain_label.setWordWrap(True)
        layout.addWidget(explain_label)
        self.passphrase = NewPassphraseForm(page)
        self.passphrase.validity_changed.connect(self._validity)
        layout.addWidget(self.passphrase)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.clicked.connect(self.reject)
        self.create_button = QPushButton(self.tr("&Create journal"), page)
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.start_creating)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        self._check_folder()
        return page

    def _busy_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        label = QLabel(self.tr(
            "Protecting your journal…\n\nThis takes a moment on purpose: it makes guessing "
            "your passphrase very slow for anyone else."), page)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        bar = QProgressBar(page)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setAccessibleName(self.tr("Creating your journal"))
        layout.addWidget(bar)
        layout.addStretch(1)
        return page

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for your journal"))
        if chosen:
            self.folder.setText(chosen)
            self._check_folder()

    def _check_folder(self) -> bool:
        problem = self.flow.set_folder(Path(self.folder.text()))
        self.folder_problem.setText(problem)
        self.folder_problem.setVisible(bool(problem))
        return not problem

    def _validity(self, valid: bool) -> None:
        self.flow.set_passphrase(self.passphrase.passphrase(), self.passphrase.passphrase())
        self.create_button.setEnabled(valid and not self.folder_problem.text())

    def start_creating(self) -> None:
        """Start making the keys in a worker."""
        if not self._check_folder():
            return
        self.flow.set_passphrase(self.passphrase.passphrase(), self.passphrase.passphrase())
        try:
            self.flow.start_deriving()
        except JournalError as exc:
            show_error(self, exc)
            return
        self.pages.setCurrentIndex(1)
        run_in_background(self.flow.prepare_keys, self._keys_ready, self._keys_failed)

    def _keys_ready(self, prepared: object) -> None:
        try:
            self.flow.keys_ready(prepared)  # type: ignore[arg-type]
        except JournalError as exc:
            self._keys_failed(exc)
            return
        self.passphrase.clear()
        self.hide()
        code_dialog = RecoveryCodeDialog(self.flow.recovery_code, self.parentWidget())
        while code_dialog.exec() != QDialog.DialogCode.Accepted:
            pass  # the code must be acknowledged: there is no other way to see it again
        self.flow.confirm_written_down(True)
        self.vault = self.flow.finish()
        self.accept()

    def _keys_failed(self, error: BaseException) -> None:
        self.flow.keys_failed()
        self.pages.setCurrentIndex(0)
        what, way = explain(error)
        self.folder_problem.setText(f"{what} {way}".strip())
        self.folder_problem.setVisible(True)
