"""My card and adding a peer: the two ends of swapping contact cards.

Everything read from a card is shown with plain-text labels only.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.validation import MAX_NAME
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError, ValidationError
from partsjournal.exchange.card import ContactCard, parse_armored, read_card_file
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.peers.peer_widgets import (
    ProblemLine,
    fingerprint_rows,
    monospace,
    selectable,
    wrapped,
)
from partsjournal.vault import Vault
from partsjournal.vault.fsutil import atomic_write
from partsjournal.vault.peers import Peer

CARD_SUFFIX = ".pjcard"


def card_file_name(display_name: str) -> str:
    """A file name for a card: the display name reduced to safe characters."""
    stem = re.sub(r"[^\w\-]+", "-", display_name, flags=re.UNICODE).strip("-_")
    return f"{stem or 'my'}-contact-card{CARD_SUFFIX}"



# My card ---------------------------------------------------------------------------------------

class MyCardPanel(QGroupBox):
    """The name peers see, the fingerprint, and the card to give them."""

    status = Signal(str)
    #: The display name was stored (so sharing is now possible).
    name_saved = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("My card"), parent)
        self._vault = vault
        self._stored = ""

        self.name_edit = named(QLineEdit(), "displayName")
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(self.tr("The name your peers will see"))
        self.name_edit.editingFinished.connect(self.flush)
        name_label = QLabel(self.tr("&Your name"))
        name_label.setBuddy(self.name_edit)

        self.hint = named(wrapped(self.tr(
            "Choose the name your peers will see on your card. You need it before you can "
            "give your card or share parts.")), "displayNameHint")
        self.problem = ProblemLine()

        self.fingerprint = named(selectable(plain_label()), "myFingerprint")
        self.fingerprint.setFont(monospace())
        self.fingerprint.setAccessibleName(self.tr("Your fingerprint"))
        fingerprint_label = QLabel(self.tr("Your fingerprint (it is on your card):"))
        fingerprint_label.setBuddy(self.fingerprint)

        self.copy_button = named(QPushButton(self.tr("Copy card text")), "copyCard")
        set_tooltip(self.copy_button, self.tr("Copy your card as text to paste into a message"))
        self.copy_button.clicked.connect(self.copy_card)
        self.save_button = named(QPushButton(self.tr("Save card file…")), "saveCard")
        set_tooltip(self.save_button, self.tr("Save your card as a .pjcard file to send"))
        self.save_button.clicked.connect(self.save_card)

        form = QFormLayout()
        form.addRow(name_label, self.name_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(fingerprint_label)
        layout.addWidget(self.fingerprint)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Show the stored name and the fingerprint."""
        identity = self._vault.identity.get()
        self._stored = identity.display_name
        self.name_edit.setText(identity.display_name)
        self.fingerprint.setText(fingerprint_rows(identity.fingerprint))
        self.problem.clear()
        self._update()

    def has_name(self) -> bool:
        """True once a display name is stored."""
        return bool(self._stored)

    def focus_name(self) -> None:
        """Put the cursor in the name field (sharing needs a name first)."""
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name_edit.selectAll()

    def unsaved_name(self) -> str | None:
        """An edited name on the card not yet stored."""
        text = self.name_edit.text().strip()
        return text if text and text != self._stored else None

    def flush(self) -> bool:
        """Store an edited name; False if it can't be stored (the message says why)."""
        text = self.name_edit.text().strip()
        if text == self._stored:
            self.problem.clear()
            return True
        if not text and not self._stored:
            return True
        try:
            identity = perform(self, lambda: self._vault.identity.set_display_name(text),
                               [Change.IDENTITY])
        except JournalError as exc:
            self.problem.show_error(exc)
            return False
        self._stored = identity.display_name
        self.problem.clear()
        self._update()
        self.status.emit(self.tr("Your name on the card is saved."))
        self.name_saved.emit()
        return True

    def _update(self) -> None:
        has_name = bool(self._stored)
        self.hint.setVisible(not has_name)
        self.copy_button.setEnabled(has_name)
        self.save_button.setEnabled(has_name)

    def _card(self) -> ContactCard | None:
        if not self.flush():
            return None
        try:
            return self._vault.identity.card()
        except JournalError as exc:
            self.problem.show_error(exc)
            self.focus_name()
            return None

    def copy_card(self) -> None:
        """Put the armoured card on the clipboard."""
        card = self._card()
        if card is None:
            return
        QGuiApplication.clipboard().setText(card.to_armored())
        self.status.emit(self.tr("Your card is copied. Paste it into a message to your peer."))

    def save_card(self) -> None:
        """Write the card as a ``.pjcard`` file where the person chooses."""
        card = self._card()
        if card is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save your contact card"),
            start_in(FileKind.CARD, card_file_name(card.display_name)),
            self.tr("Contact cards (*.pjcard)"))
        if not chosen:
            return
        remember(FileKind.CARD, chosen)
        path = Path(chosen)
        if path.suffix.lower() != CARD_SUFFIX:
            path = path.with_name(path.name + CARD_SUFFIX)
        try:
            atomic_write(path, card.to_bytes())
        except OSError as exc:
            self.problem.show_error(exc)
            return
        self.status.emit(fill(self.tr("Your card is saved to %1."), str(path)))


# Adding a peer ---------------------------------------------------------------------------------

class AddPeerDialog(QDialog):
    """Add a peer from their card: a ``.pjcard`` file or a pasted text block, and a name."""

    def __init__(self, vault: Vault, parent: QWidget | None = None,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._card: ContactCard | None = None
        self.peer: Peer | None = None
        self.setWindowTitle(self.tr("Add a peer"))
        self.setMinimumWidth(560)

        intro = wrapped(self.tr(
            "Ask your peer for their contact card: a .pjcard file, or a block of text that "
            "starts with “-----BEGIN PARTS JOURNAL CONTACT CARD-----”."))
        self.file_button = named(QPushButton(self.tr("Choose a card file…")), "chooseCardFile")
        self.file_button.clicked.connect(self._choose_file)
        self.file_label = named(wrapped(), "cardFile")
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_button)
        file_row.addWidget(self.file_label, 1)

        paste_label = QLabel(self.tr("Or &paste the card text:"))
        self.paste_edit = named(QPlainTextEdit(), "cardText")
        self.paste_edit.setFont(monospace(0.9))
        self.paste_edit.setPlaceholderText(
            "-----BEGIN PARTS JOURNAL CONTACT CARD-----\n…\n"
            "-----END PARTS JOURNAL CONTACT CARD-----")
        self.paste_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.paste_edit.setMinimumHeight(150)
        self.paste_edit.textChanged.connect(self._text_changed)
        paste_label.setBuddy(self.paste_edit)

        self.card_name = named(selectable(wrapped()), "cardName")
        self.card_name.setAccessibleName(self.tr("Name on the card"))
        self.card_fingerprint = named(selectable(plain_label()), "cardFingerprint")
        self.card_fingerprint.setFont(monospace())
        self.card_fingerprint.setAccessibleName(self.tr("Fingerprint on the card"))
        self.card_box = QGroupBox(self.tr("The card"))
        card_form = QFormLayout(self.card_box)
        card_form.addRow(self.tr("Name on the card"), self.card_name)
        card_form.addRow(self.tr("Fingerprint"), self.card_fingerprint)
        self.card_box.hide()
        self.problem = ProblemLine()

        self.name_edit = named(QLineEdit(), "peerName")
        self.name_edit.setMaxLength(MAX_NAME)
        name_label = QLabel(self.tr("&Name in your journal (optional)"))
        name_label.setBuddy(self.name_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = named(self.buttons.addButton(self.tr("Add peer"),
                                                       QDialogButtonBox.ButtonRole.AcceptRole),
                                "addPeer")
        self.add_button.setEnabled(False)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self._add)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(paste_label)
        layout.addWidget(self.paste_edit, 1)
        layout.addWidget(self.card_box)
        layout.addWidget(self.problem)
        name_row = QFormLayout()
        name_row.addRow(name_label, self.name_edit)
        layout.addLayout(name_row)
        layout.addWidget(self.buttons)
        if path is not None:
            self.load_file(path)

    def card(self) -> ContactCard | None:
        """The card read so far, if any."""
        return self._card

    def load_file(self, path: Path) -> None:
        """Read a card file (binary or text)."""
        self.file_label.setText(path.name)
        try:
            card = read_card_file(path)
        except JournalError as exc:
            self._show_card(None, exc)
            return
        self.paste_edit.blockSignals(True)
        self.paste_edit.clear()
        self.paste_edit.blockSignals(False)
        self._show_card(card, None)

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose your peer's contact card"), start_in(FileKind.RECEIVED),
            self.tr("Contact cards (*.pjcard *.txt);;All files (*)"))
        if chosen:
            remember(FileKind.RECEIVED, chosen)
            self.load_file(Path(chosen))

    def _text_changed(self) -> None:
        text = self.paste_edit.toPlainText()
        self.file_label.clear()
        if not text.strip():
            self._show_card(None, None)
            return
        try:
            card = parse_armored(text)
        except JournalError as exc:
            self._show_card(None, exc)
            return
        self._show_card(card, None)

    def _show_card(self, card: ContactCard | None, error: BaseException | None) -> None:
        self._card = card
        if error is not None:
            self.problem.show_error(error)
        else:
            self.problem.clear()
        self.card_box.setVisible(card is not None)
        if card is not None:
            self.card_name.setText(card.display_name)
            self.card_fingerprint.setText(fingerprint_rows(card.fingerprint))
            self.name_edit.setPlaceholderText(card.display_name)
        else:
            self.name_edit.setPlaceholderText("")
        self.add_button.setEnabled(card is not None)

    def _add(self) -> None:
        if self._card is None:
            return
        name = self.name_edit.text().strip() or None
        try:
            card = self._card
            self.peer = perform(self, lambda: self._vault.peers.add(card, name), [Change.PEERS])
        except JournalError as exc:
            self.problem.show_error(exc)
            if isinstance(exc, ValidationError) and exc.field == "name":
                self.name_edit.setFocus()
            return
        self.accept()
