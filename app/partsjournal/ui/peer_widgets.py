"""The pieces of the Peers page: my card, adding a peer, the safety number, a received profile.

Each widget presents one thing and reports what the person did; :mod:`peers_view` arranges them.
Anything that came from a card or a bundle is shown with plain-text labels only.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import PART_TEXT_FIELDS, Role, Stage
from partsjournal.domain.validation import MAX_NAME
from partsjournal.errors import JournalError, ValidationError
from partsjournal.exchange.card import ContactCard, Fingerprint, parse_armored, read_card_file
from partsjournal.ui.exchange_messages import describe
from partsjournal.ui.part_editor import named, plain_label
from partsjournal.ui.peer_models import local_date, peer_status
from partsjournal.ui.theme import role_label
from partsjournal.ui.vocabulary import field_label, stage_label
from partsjournal.vault import Vault
from partsjournal.vault.fsutil import atomic_write
from partsjournal.vault.peers import Peer, ReceivedPart

CARD_SUFFIX = ".pjcard"


# Small helpers ---------------------------------------------------------------------------------

def monospace(scale: float = 1.0, bold: bool = False) -> QFont:
    """The system's fixed-width font, optionally larger."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def heading_label(text: str = "", scale: float = 1.3) -> QLabel:
    """A bold, larger plain-text label for a name at the top of a panel."""
    label = plain_label(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def wrapped(text: str = "") -> QLabel:
    """A plain-text label that wraps."""
    label = plain_label(text)
    label.setWordWrap(True)
    return label


def selectable(label: QLabel) -> QLabel:
    """Let the person select and copy a label's text with the mouse or keyboard."""
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def icon_label(pixmap: QStyle.StandardPixmap, widget: QWidget) -> QLabel:
    """A small standard icon (warning, information…) to stand beside a sentence."""
    label = QLabel()
    size = widget.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    label.setPixmap(widget.style().standardIcon(pixmap).pixmap(size, size))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


def fingerprint_rows(fingerprint: Fingerprint, per_row: int = 8) -> str:
    """The grouped fingerprint in rows, easier to read out than one long line."""
    groups = fingerprint.grouped().split(" ")
    return "\n".join(" ".join(groups[i:i + per_row]) for i in range(0, len(groups), per_row))


def confirm(parent: QWidget | None, title: str, text: str, detail: str, yes: str) -> bool:
    """Ask before something that can't be undone; every text is shown as plain text."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(detail)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes_button


def card_file_name(display_name: str) -> str:
    """A file name for a card: the display name reduced to safe characters."""
    stem = re.sub(r"[^\w\-]+", "-", display_name, flags=re.UNICODE).strip("-_")
    return f"{stem or 'my'}-contact-card{CARD_SUFFIX}"


class ProblemLine(QWidget):
    """A warning icon with what went wrong and what to do next, both as plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = named(wrapped(), "problemWhat")
        self.what.setAccessibleName(self.tr("What went wrong"))
        self.way = named(wrapped(), "problemWayForward")
        self.way.setAccessibleName(self.tr("What you can do"))
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.addWidget(self.what)
        texts.addWidget(self.way)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(icon_label(QStyle.StandardPixmap.SP_MessageBoxWarning, self),
                      0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        self.hide()

    def show_error(self, error: BaseException) -> None:
        """Say what happened and the way forward."""
        what, way = describe(error)
        self.what.setText(what)
        self.way.setText(way)
        self.way.setVisible(bool(way))
        self.show()

    def clear(self) -> None:
        """Nothing to say."""
        self.what.clear()
        self.way.clear()
        self.hide()


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
        self.copy_button.setToolTip(self.tr("Copy your card as text to paste into a message"))
        self.copy_button.clicked.connect(self.copy_card)
        self.save_button = named(QPushButton(self.tr("Save card file…")), "saveCard")
        self.save_button.setToolTip(self.tr("Save your card as a .pjcard file to send"))
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

    def flush(self) -> bool:
        """Store an edited name; False if it can't be stored (the message says why)."""
        text = self.name_edit.text().strip()
        if text == self._stored:
            self.problem.clear()
            return True
        if not text and not self._stored:
            return True
        try:
            identity = self._vault.identity.set_display_name(text)
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
        start = str(Path.home() / card_file_name(card.display_name))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save your contact card"), start,
            self.tr("Contact cards (*.pjcard)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != CARD_SUFFIX:
            path = path.with_name(path.name + CARD_SUFFIX)
        try:
            atomic_write(path, card.to_bytes())
        except OSError as exc:
            self.problem.show_error(exc)
            return
        self.status.emit(self.tr("Your card is saved to %1.").replace("%1", str(path)))


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
            self, self.tr("Choose your peer's contact card"), str(Path.home()),
            self.tr("Contact cards (*.pjcard *.txt);;All files (*)"))
        if chosen:
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
            self.peer = self._vault.peers.add(self._card, name)
        except JournalError as exc:
            self.problem.show_error(exc)
            if isinstance(exc, ValidationError) and exc.field == "name":
                self.name_edit.setFocus()
            return
        self.accept()


# Safety number ---------------------------------------------------------------------------------

class SafetyNumberPanel(QWidget):
    """The 60 digits two peers compare, and the switch that records that they matched."""

    #: The peer's verified state changed (the new Peer).
    verification_changed = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._peer: Peer | None = None

        self.explanation = named(wrapped(), "safetyExplanation")
        self.number = named(selectable(plain_label()), "safetyNumber")
        self.number.setFont(monospace(1.6, bold=True))
        self.number.setAccessibleName(self.tr("Safety number"))
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setMargin(12)
        self.number.setFrameShape(QFrame.Shape.StyledPanel)
        self.number.setAutoFillBackground(True)
        self.number.setBackgroundRole(QPalette.ColorRole.Base)
        self.number.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        self.state = named(wrapped(), "verifiedState")
        self.state.setAccessibleName(self.tr("Verification"))
        self.verify_button = named(QPushButton(self.tr("Mark as verified")), "markVerified")
        self.verify_button.setToolTip(self.tr("Every digit matched what your peer sees"))
        self.verify_button.clicked.connect(self.mark_verified)
        self.unverify_button = named(QPushButton(self.tr("Remove verification")),
                                     "removeVerification")
        self.unverify_button.setToolTip(self.tr("For example if you compared too quickly"))
        self.unverify_button.clicked.connect(self.mark_unverified)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.unverify_button)
        buttons.addStretch(1)

        self.fingerprint = named(selectable(plain_label()), "peerFingerprint")
        self.fingerprint.setFont(monospace(0.9))
        self.fingerprint.setAccessibleName(self.tr("Their fingerprint"))
        fingerprint_caption = QLabel(self.tr("Their fingerprint (on their card):"))
        fingerprint_caption.setBuddy(self.fingerprint)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addSpacing(6)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(6)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(fingerprint_caption)
        layout.addWidget(self.fingerprint)
        layout.addStretch(1)

    @property
    def peer(self) -> Peer | None:
        """The peer shown."""
        return self._peer

    def show_peer(self, peer: Peer) -> None:
        """Show the safety number of this vault and ``peer``."""
        self._peer = peer
        number = self._vault.peers.safety_number(peer)
        self.number.setText("\n".join(number.rows()))
        self.number.setAccessibleDescription(" ".join(number.groups))
        self.fingerprint.setText(fingerprint_rows(peer.fingerprint))
        self.explanation.setText(self.tr(
            "Compare these 60 digits with %1, in person or on a call — not in the message the "
            "card came in. Each of you reads out your own; they are the same on both sides. "
            "If every digit matches, the card really is theirs: only they can open what you "
            "share, and nobody else can send you bundles in their name.").replace("%1",
                                                                                peer.name))
        self._update()

    def _update(self) -> None:
        peer = self._peer
        if peer is None:
            return
        if peer.verified:
            self.state.setText(self.tr("✓ %1. You compared this number with %2.")
                               .replace("%1", peer_status(peer)).replace("%2", peer.name))
        else:
            self.state.setText(self.tr("Not verified yet. Until you compare the number, "
                                       "%1 is marked “not verified” everywhere.")
                               .replace("%1", peer.name))
        self.verify_button.setVisible(not peer.verified)
        self.unverify_button.setVisible(peer.verified)

    def mark_verified(self) -> None:
        """Record that every digit matched."""
        self._set(True)

    def mark_unverified(self) -> None:
        """Take the verification back."""
        self._set(False)

    def _set(self, verified: bool) -> None:
        if self._peer is None:
            return
        try:
            peer = (self._vault.peers.mark_verified(self._peer.id) if verified
                    else self._vault.peers.mark_unverified(self._peer.id))
        except JournalError as exc:
            from partsjournal.ui.messages import show_error

            show_error(self, exc)
            return
        self._peer = peer
        self._update()
        self.verification_changed.emit(peer)


class SafetyNumberDialog(QDialog):
    """The safety number on its own, e.g. from the import preview."""

    def __init__(self, vault: Vault, peer: Peer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare safety numbers"))
        self.setMinimumWidth(560)
        self.panel = SafetyNumberPanel(vault, self)
        self.panel.show_peer(peer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)


# A received part -------------------------------------------------------------------------------

class ReceivedProfile(QWidget):
    """A part a peer shared, read-only: only the fields they chose."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = named(selectable(heading_label()), "receivedName")
        self.name.setAccessibleName(self.tr("Part name"))
        self.origin = named(wrapped(), "receivedOrigin")
        self.origin.setAccessibleName(self.tr("Where this part comes from"))

        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 6, 6, 6)
        self.values: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        for field in ("role", "stage", "trust_in_self", "color", *PART_TEXT_FIELDS):
            value = named(selectable(wrapped()), f"received_{field}")
            value.setAccessibleName(field_label(field))
            caption = QLabel(field_label(field))
            caption_font = caption.font()
            caption_font.setBold(True)
            caption.setFont(caption_font)
            caption.setBuddy(value)
            row = QWidget()
            row_layout = QVBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 8)
            row_layout.setSpacing(2)
            row_layout.addWidget(caption)
            row_layout.addWidget(value)
            rows.addWidget(row)
            self.values[field] = value
            self._rows[field] = row
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)

        self.empty = named(wrapped(self.tr("Select a part to read what was shared about it.")),
                           "receivedEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.origin)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.empty)
        self._scroll = scroll
        self.show_part(None)

    def show_part(self, part: ReceivedPart | None) -> None:
        """Show a received part (or nothing)."""
        self.empty.setVisible(part is None)
        for widget in (self.name, self.origin, self._scroll):
            widget.setVisible(part is not None)
        if part is None:
            self.name.clear()
            self.origin.clear()
            for value in self.values.values():
                value.clear()
            return
        self.name.setText(part.name)
        peer = part.peer_name if part.peer_verified \
            else self.tr("%1 (not verified)").replace("%1", part.peer_name)
        self.origin.setText(self.tr(
            "Shared by %1 on %2. It is their part: you can read it and mention it in your "
            "entries, not change it. Only the fields they chose are here.")
            .replace("%1", peer).replace("%2", local_date(part.received_at)))
        for field, value in self.values.items():
            shown = field in part.fields
            self._rows[field].setVisible(shown)
            value.setText(self._value_text(part, field) if shown else "")

    def _value_text(self, part: ReceivedPart, field: str) -> str:
        if field == "role":
            return role_label(part.role or Role.UNKNOWN)
        if field == "stage":
            stage = part.stage
            return stage_label(stage) if isinstance(stage, Stage) else ""
        if field == "trust_in_self":
            value = part.fields.get(field)
            return self.tr("Not rated yet") if value is None \
                else self.tr("%1 of 10").replace("%1", str(value))
        if field == "color":
            return part.text(field) or self.tr("The colour of its role")
        return part.text(field) or "—"
