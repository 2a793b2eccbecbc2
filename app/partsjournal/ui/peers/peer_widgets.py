"""Pieces of the Peers page: helpers, the problem line, the safety number, a received profile.

Each widget presents one thing and reports what the person did; :mod:`peers_view` arranges them
(my card and adding a peer are in :mod:`card_widgets`).
Anything that came from a card or a bundle is shown with plain-text labels only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import PART_TEXT_FIELDS, Role, Stage
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.exchange.card import Fingerprint
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.dates import short_date
from partsjournal.ui.common.icons import IconLabel
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import SPACE_M, SPACE_S, SPACE_XXS
from partsjournal.ui.common.vocabulary import field_label, role_label, stage_label
from partsjournal.ui.common.widgets import confirm, heading_label, named, plain_label
from partsjournal.ui.peers.exchange_messages import describe
from partsjournal.ui.peers.peer_models import peer_status
from partsjournal.vault import Vault
from partsjournal.vault.peers import Peer, ReceivedPart

# Small helpers ---------------------------------------------------------------------------------

def monospace(scale: float = 1.0, bold: bool = False) -> QFont:
    """The system's fixed-width font, optionally larger."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


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


def icon_label(name: str, widget: QWidget | None = None) -> QLabel:
    """A small bundled icon (``triangle-alert``, ``info``…) to stand beside a sentence.

    It is drawn in the text colour and follows theme switches (ui/common/icons.py).
    """
    return IconLabel(name, 0, widget)


def fingerprint_rows(fingerprint: Fingerprint, per_row: int = 8) -> str:
    """The grouped fingerprint in rows, easier to read out than one long line."""
    groups = fingerprint.grouped().split(" ")
    return "\n".join(" ".join(groups[i:i + per_row]) for i in range(0, len(groups), per_row))


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
        row.addWidget(icon_label("triangle-alert", self),
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
        set_tooltip(self.verify_button, self.tr("Every digit matched what your peer sees"))
        self.verify_button.clicked.connect(self._ask_and_mark_verified)
        self.unverify_button = named(QPushButton(self.tr("Remove verification")),
                                     "removeVerification")
        set_tooltip(self.unverify_button, self.tr("For example if you compared too quickly"))
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
        layout.addSpacing(SPACE_S)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(SPACE_S)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addSpacing(SPACE_M)
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
        self.explanation.setText(fill(self.tr(
            "Compare these 60 digits with %1, in person or on a call — not in the message the "
            "card came in. Each of you reads out your own; they are the same on both sides. "
            "If every digit matches, the card really is theirs: only they can open what you "
            "share, and nobody else can send you bundles in their name."), peer.name))
        self._update()

    def _update(self) -> None:
        peer = self._peer
        if peer is None:
            return
        if peer.verified:
            self.state.setText(fill(self.tr("✓ %1. You compared this number with %2."),
                                    peer_status(peer),
                                    peer.name))
        else:
            self.state.setText(fill(self.tr("Not verified yet. Until you compare the number, "
                                            "%1 is marked “not verified” everywhere."), peer.name))
        self.verify_button.setVisible(not peer.verified)
        self.unverify_button.setVisible(peer.verified)

    def _ask_and_mark_verified(self) -> None:
        """"Mark as verified" asks whether every digit matched, as the command line does."""
        if self._peer is None:
            return
        name = self._peer.name
        if confirm(self, self.tr("Mark as verified"),
                   fill(self.tr("Did all 60 digits match what %1 sees?"), name),
                   fill(self.tr("Only mark %1 as verified if you compared every group, in person "
                                "or on a call. If anything differs, don't share with this card: "
                                "ask %1 for their card again."), name),
                   self.tr("Every digit matched"), self.tr("Compare again")):
            self.mark_verified()

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
            peer_id = self._peer.id
            peer = perform(self, lambda: (self._vault.peers.mark_verified(peer_id) if verified
                                          else self._vault.peers.mark_unverified(peer_id)),
                           [Change.PEERS])
        except JournalError as exc:
            from partsjournal.ui.common.messages import show_error

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
        rows.setContentsMargins(0, SPACE_S, SPACE_S, SPACE_S)
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
            row_layout.setContentsMargins(0, 0, 0, SPACE_S)
            row_layout.setSpacing(SPACE_XXS)
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
            else fill(self.tr("%1 (not verified)"), part.peer_name)
        self.origin.setText(fill(self.tr(
            "Shared by %1 on %2. It is their part: you can read it and mention it in your "
            "entries, not change it. Only the fields they chose are here."),
                                 peer, short_date(part.received_at)))
        for field, value in self.values.items():
            shown = field in part.fields
            self._rows[field].setVisible(shown)
            value.setText(self._value_text(part, field) if shown else "")
        self._show_colour(part.text("color") if "color" in part.fields else "")

    def _show_colour(self, value: str) -> None:
        """A shared colour as a swatch to look at, not as "#8b5e3c"."""
        label = self.values["color"]
        if not QColor.isValidColorName(value):
            label.setAccessibleDescription("")
            return
        pixmap = QPixmap(56, 18)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(value))
        painter.drawRoundedRect(0, 1, 56, 16, 8, 8)
        painter.end()
        label.setPixmap(pixmap)
        label.setAccessibleDescription(fill(self.tr("Its own colour, %1"), value))

    def _value_text(self, part: ReceivedPart, field: str) -> str:
        if field == "role":
            return role_label(part.role or Role.UNKNOWN)
        if field == "stage":
            stage = part.stage
            return stage_label(stage) if isinstance(stage, Stage) else ""
        if field == "trust_in_self":
            value = part.fields.get(field)
            return self.tr("Not rated yet") if value is None \
                else fill(self.tr("%1 of 10"), str(value))
        if field == "color":  # a valid colour is shown as a swatch (_show_colour)
            return "" if QColor.isValidColorName(part.text(field)) \
                else self.tr("The colour of its role")
        return part.text(field) or "—"
