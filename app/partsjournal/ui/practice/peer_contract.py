"""The peer session's "Before we begin" step, the debrief's order, and writing into the editor.

:class:`ContractStep` holds the four choices the explorer makes before a session (how much
facilitation, how far today may go, a pause word, confidentiality) and a split of the time
(minutes each, then a debrief). The panel (``peer_session.py``) writes the agreement at the top of
the entry's body when the session starts; :func:`write_into_editor` does that through the entry
editor, replacing an agreement written before rather than adding a second one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import EntryKind
from partsjournal.domain.session_contract import (
    MAX_PAUSE_WORD,
    Facilitation,
    Reach,
    SessionContract,
    clean_pause_word,
)
from partsjournal.domain.words import fill
from partsjournal.flows.peer_session import (
    PeerSessionRecord,
    contract_lines,
    debrief_steps,
    read_contract,
)
from partsjournal.ui.common.dates import short_date
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.journal.entry_editor import EntryEditor
from partsjournal.ui.practice.peer_session_words import (
    contract_sentences,
    contract_words,
    debrief_texts,
    speak_for_reminder,
)
from partsjournal.vault.peer_agreements import ReceivedAgreement

#: One line without control characters (C0, DEL, C1, line and paragraph separators).
NO_CONTROL = "[^\\x{0}-\\x{1f}\\x{7f}-\\x{9f}\\x{2028}\\x{2029}]*"


def tr(text: str) -> str:
    """Translate in the peer-session context."""
    return QCoreApplication.translate("PeerSession", text)


class ContractStep(QWidget):
    """Before we begin: what the explorer wants today, a pause word, confidentiality, the split."""

    #: One of the choices changed.
    changed = Signal()
    #: "Use this split": carries (planned minutes, minutes each turn, debrief minutes).
    split_chosen = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None, *, intro: str | None = None,
                 with_split: bool = True) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(intro if intro is not None else tr(
            "The explorer says what they want today, and you agree on it together. It is "
            "written at the top of the entry when the session starts."), self, wrap=True))
        self._build_wishes(layout)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facilitation = named(QComboBox(self), "peerContractFacilitation")
        for value, text in ((Facilitation.QUIET_WITNESS, tr("Quiet witness")),
                            (Facilitation.ACTIVE_WITNESS, tr("Active witness")),
                            (Facilitation.GENTLE_FACILITATION, tr("Gentle facilitation"))):
            self.facilitation.addItem(text, value.value)
        self.facilitation.setAccessibleName(tr("Facilitation the explorer wants"))
        self.reach = named(QComboBox(self), "peerContractReach")
        self.reach.addItem(tr("Protectors only"), Reach.PROTECTORS_ONLY.value)
        self.reach.addItem(tr("May approach an exile"), Reach.MAY_APPROACH_EXILE.value)
        self.reach.setAccessibleName(tr("How far today may go"))
        self.pause_word = named(QLineEdit(self), "peerContractPauseWord")
        self.pause_word.setMaxLength(MAX_PAUSE_WORD)
        self.pause_word.setValidator(QRegularExpressionValidator(
            QRegularExpression(NO_CONTROL), self.pause_word))  # a pasted line break is refused
        self.pause_word.setPlaceholderText(tr("e.g. “pause”, “tea”"))
        self.pause_word.setAccessibleName(tr("Pause word"))
        set_tooltip(self.pause_word, tr("A word either of you says to stop and breathe, "
                                        "without explaining why."))
        self.confidential = named(QCheckBox(tr("What is shared stays between us"), self),
                                  "peerContractConfidential")
        self.confidential.setChecked(True)
        self.confidential.setAccessibleName(tr("Confidentiality"))
        for text, widget in ((tr("&Facilitation"), self.facilitation),
                             (tr("How &far today"), self.reach),
                             (tr("Pa&use word"), self.pause_word)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.confidential)  # its own words say what it is, on a line of its own
        #: What becomes read-only once the session has started.
        self._editable: list[QWidget] = [self.facilitation, self.reach, self.pause_word,
                                         self.confidential, self.use_wishes]
        if with_split:
            self._build_split(form)
        layout.addLayout(form)
        layout.addStretch(1)
        self.facilitation.currentIndexChanged.connect(self.changed)
        self.reach.currentIndexChanged.connect(self.changed)
        self.pause_word.textChanged.connect(self.changed)
        self.confidential.toggled.connect(self.changed)

    def _build_wishes(self, layout: QVBoxLayout) -> None:
        """A peer's shared wishes for the session, with one click to take them (hidden: none)."""
        self.wishes = QGroupBox(self)
        box = QVBoxLayout(self.wishes)
        self.wishes_label = named(plain_label("", self.wishes, wrap=True), "peerContractWishes")
        self.wishes_label.setAccessibleName(tr("Your peer's wishes for the session"))
        self.use_wishes = named(QPushButton(tr("Use their wishes"), self.wishes),
                                "peerContractUseWishes")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.use_wishes)
        box.addWidget(self.wishes_label)
        box.addLayout(row)
        layout.addWidget(self.wishes)
        self.wishes.hide()
        self._offered: SessionContract | None = None
        self.use_wishes.clicked.connect(self._use_wishes)

    def offer_wishes(self, peer_name: str, received: ReceivedAgreement | None) -> None:
        """Show what ``peer_name`` asked for in their last bundle, if anything."""
        self._offered = received.contract if received is not None else None
        self.wishes.setVisible(received is not None)
        if received is None:
            self.wishes_label.clear()
            self.wishes.setTitle("")
            return
        self.wishes.setTitle(fill(tr("%1's wishes for their next session (%2)"), peer_name,
                                  short_date(received.created)))
        self.wishes_label.setText("\n".join(f"• {line}" for line in
                                             contract_sentences(received.contract)))
        self.use_wishes.setText(fill(tr("Use %1's wishes"), peer_name))

    def _use_wishes(self) -> None:
        if self._offered is not None:
            self.set_contract(self._offered)

    def _build_split(self, form: QFormLayout) -> None:
        """The split of the time: a turn each, then the debrief (one short line each)."""
        self.turn_minutes = named(QSpinBox(self), "peerContractTurnMinutes")
        self.turn_minutes.setRange(1, 240)
        self.turn_minutes.setValue(20)
        self.turn_minutes.setSuffix(tr(" min each"))
        set_tooltip(self.turn_minutes, tr("A turn each, e.g. 20 minutes, then the debrief."))
        self.turn_minutes.setAccessibleName(tr("Minutes for each turn"))
        self.debrief_minutes = named(QSpinBox(self), "peerContractDebriefMinutes")
        self.debrief_minutes.setRange(0, 120)
        self.debrief_minutes.setValue(15)
        self.debrief_minutes.setSuffix(tr(" min debrief"))
        self.debrief_minutes.setSpecialValueText(tr("no debrief time"))
        self.debrief_minutes.setAccessibleName(tr("Minutes for the debrief"))
        self.split_button = named(QPushButton(tr("Use this split"), self), "peerContractSplit")
        set_tooltip(self.split_button, tr("Set the timer: one turn each, the switch between "
                                          "them, then the debrief."))
        for text, widget in ((tr("Each tur&n"), self.turn_minutes),
                             (tr("&Debrief"), self.debrief_minutes)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.split_button)
        form.addRow(button_row)
        self.split_button.clicked.connect(self._use_split)
        self._editable += [self.turn_minutes, self.debrief_minutes, self.split_button]

    def _use_split(self) -> None:
        turn, debrief = self.turn_minutes.value(), self.debrief_minutes.value()
        self.split_chosen.emit(2 * turn + debrief, turn, debrief)

    def contract(self) -> SessionContract:
        """The choices as they stand."""
        return SessionContract(Facilitation(self.facilitation.currentData()),
                               Reach(self.reach.currentData()),
                               clean_pause_word(self.pause_word.text()),
                               self.confidential.isChecked())

    def markdown(self) -> str:
        """The agreement as written into the entry, in the person's language."""
        return self.contract().markdown(contract_words())

    def load_body(self, body: str) -> None:
        """Show the agreement an entry's body already holds (nothing changes when it has none)."""
        found = read_contract(body, contract_words())
        if found is not None:
            self.set_contract(found)

    def set_contract(self, contract: SessionContract) -> None:
        """Show these choices (an agreement read back, or a peer's wishes taken)."""
        self.facilitation.setCurrentIndex(self.facilitation.findData(contract.facilitation.value))
        self.reach.setCurrentIndex(self.reach.findData(contract.reach.value))
        self.pause_word.setText(contract.pause_word)
        self.confidential.setChecked(contract.confidential)

    def set_agreed(self, agreed: bool) -> None:
        """Once the session starts the agreement is made: the choices are shown, not changed."""
        for widget in self._editable:
            widget.setEnabled(not agreed)

    def clear(self) -> None:
        """Forget the pause word and a peer's wishes (before locking: no journal text stays)."""
        self.pause_word.clear()
        self.offer_wishes("", None)


def debrief_page(parent: QWidget) -> tuple[QWidget, QPlainTextEdit]:
    """The debrief tab: the prompts in their order, the reminder, and the text to write in."""
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    steps = [fill(tr("%1. %2"), str(number), text)
             for number, text in enumerate(debrief_steps(debrief_texts()), start=1)]
    guide = named(plain_label("\n".join([*steps, "", speak_for_reminder()]), page, wrap=True),
                  "peerSessionDebriefGuide")
    guide.setAccessibleName(tr("The debrief, in order"))
    debrief = named(QPlainTextEdit(page), "peerSessionDebrief")
    debrief.setPlaceholderText(tr(
        "How was it for each of you? What helped, what would you like to do differently? "
        "Write about your own parts and experience; your peer's material stays theirs."))
    debrief.setAccessibleName(tr("Debrief"))
    debrief.setTabChangesFocus(True)
    layout.addWidget(guide)
    layout.addWidget(debrief, 1)
    return page, debrief


def write_into_editor(editor: EntryEditor, record: PeerSessionRecord) -> None:
    """Fill the entry editor's peer-session fields and agreement; its autosave stores them."""
    if editor.entry_id is None:
        return
    kind_index = editor.kind.findData(EntryKind.PEER_SESSION.value)
    if editor.kind.currentIndex() != kind_index:
        editor.kind.setCurrentIndex(kind_index)
    role_index = editor.my_role.findData(record.my_role.value)
    if editor.my_role.currentIndex() != role_index:
        editor.my_role.setCurrentIndex(role_index)
    if editor.planned.value() != record.planned_minutes:
        editor.planned.setValue(record.planned_minutes)
    if editor.agreements.toPlainText() != record.agreements:
        editor.agreements.setPlainText(record.agreements)
    if editor.debrief.toPlainText() != record.debrief:
        editor.debrief.setPlainText(record.debrief)
    if record.contract:
        _write_contract(editor, record.contract)


def _write_contract(editor: EntryEditor, section: str) -> None:
    """Put the agreement at the top of the body (or in place of one there), as one undo step."""
    body = editor.body.toPlainText()
    first, end = contract_lines(body, section)
    if first != end and "\n".join(body.split("\n")[first:end]) == section:
        return  # already there, as it is
    document = editor.body.document()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    if first == end:
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        rest = body.lstrip("\n")
        if rest != body:  # blank lines at the top give way to the agreement
            cursor.setPosition(document.findBlockByNumber(len(body) - len(rest)).position(),
                               QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(f"{section}\n\n" if rest else section)
    else:
        start = document.findBlockByNumber(first).position()
        last = document.findBlockByNumber(end - 1)
        cursor.setPosition(start)
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(section)
    cursor.endEditBlock()
