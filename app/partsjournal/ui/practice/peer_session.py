"""Peer-session mode: a visible time box, roles that take turns, agreements, debrief, peer's parts.

Its first tab, "Before we begin" (``peer_contract.py``), holds the explorer's choices for the day;
they go at the top of the entry's body when the session starts (once, however often it starts).

The panel presents :class:`partsjournal.flows.peer_session.PeerSessionTimer`; it never plays a
sound. Half time (or the chosen times) brings a soft-coloured card proposing the role switch;
the end of the time brings another, with an invitation to the debrief.

Wiring (for the main window)::

    panel = PeerSessionPanel(vault, parent)
    panel.load_entry(entry)          # a peer-session Entry: fills planned time, role, texts
    panel.attach(journal.editor)     # writes role/planned/agreements/debrief into the editor,
                                     # whose autosave stores them in the entry
    # ...or, without an editor:
    panel.attach(lambda record: record.apply_to(entry) and vault.entries.update(entry))
    # before locking:
    panel.clear()

``record_changed(PeerSessionRecord)`` carries the same record whenever anything in it changes;
``switch_proposed()``, ``time_up()`` and ``session_ended()`` mark the moments.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import Entry, PeerRole
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.flows.peer_session import (
    Clock,
    PeerSessionRecord,
    PeerSessionTimer,
    TimerEvent,
    TimerState,
    format_clock,
    parse_switch_minutes,
)
from partsjournal.ui.common.plain_text import set_tooltip
from partsjournal.ui.common.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XXS, blend, scaled_font
from partsjournal.ui.common.widgets import confirm, named, plain_label
from partsjournal.ui.journal.entry_editor import EntryEditor
from partsjournal.ui.peers.peer_models import ReceivedPartsModel
from partsjournal.ui.practice.peer_contract import ContractStep, debrief_page, write_into_editor
from partsjournal.ui.practice.peer_parts import describe_received
from partsjournal.ui.practice.peer_session_words import translated_default_agreements
from partsjournal.vault import Vault

Index = QModelIndex | QPersistentModelIndex
#: How often the clock is read while the session runs.
TICK_MS = 200
#: Soft tints for the timer card, blended into the window colour (never alarming).
SWITCH_TINT = QColor("#6f9bd1")
END_TINT = QColor("#5fae9a")


def tr(text: str) -> str:
    """Translate in the peer-session context."""
    return QCoreApplication.translate("PeerSession", text)


class PeerSessionPanel(QWidget):
    """Keeps time for a peer session so neither peer has to watch the clock."""

    #: The session's record (PeerSessionRecord) changed: store it in the peer-session entry.
    record_changed = Signal(object)
    #: Half time (or a chosen time): switching roles is proposed.
    switch_proposed = Signal()
    #: The turns are over: time for the debrief (when a debrief time was set).
    debrief_due = Signal()
    #: The planned time is over.
    time_up = Signal()
    #: The person ended the session.
    session_ended = Signal()
    #: Roles were switched; carries my new role's value.
    role_switched = Signal(str)
    #: A short message for the status bar.
    status = Signal(str)
    #: After an ended session, the person wants another one (in a new entry).
    new_session_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 clock: Clock | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._clock = clock or time.monotonic
        self.timer = PeerSessionTimer(60, PeerRole.EXPLORER, clock=self._clock)
        self._loading = False
        self._peer_names: dict[str, str] = {}
        self._contract = ""  # the agreement, in the one record sent as the session starts
        self._debrief_minutes = 0
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.tick)
        self._build()
        self._reload_peers()
        self.agreements.setPlainText(translated_default_agreements())
        self._refresh()

    # Building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        layout.setSpacing(SPACE_M)
        layout.addLayout(self._build_setup())
        layout.addWidget(self._build_card())
        layout.addWidget(self._build_tabs(), 1)

    def _build_setup(self) -> QGridLayout:
        """Two rows of two choices, so the panel stays narrow beside the entry."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_S)
        self.peer_combo = named(QComboBox(self), "peerSessionPeer")
        self.peer_combo.setAccessibleName(self.tr("Peer"))
        self.peer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.planned = named(QSpinBox(self), "peerSessionMinutes")
        self.planned.setRange(1, 24 * 60)
        self.planned.setValue(60)
        self.planned.setSingleStep(5)
        self.planned.setSuffix(self.tr(" min"))
        self.planned.setAccessibleName(self.tr("Planned minutes"))
        self.first_role = named(QComboBox(self), "peerSessionRole")
        self.first_role.addItem(self.tr("Explorer"), PeerRole.EXPLORER.value)
        self.first_role.addItem(self.tr("Companion"), PeerRole.COMPANION.value)
        self.first_role.setAccessibleName(self.tr("My role at the start"))
        self.switch_at = named(QLineEdit(self), "peerSessionSwitchAt")
        self.switch_at.setPlaceholderText(self.tr("half time"))
        set_tooltip(self.switch_at, self.tr(
            "When to propose switching roles, in minutes from the start, e.g. “25, 50”. Empty: "
            "at half time."))
        self.switch_at.setAccessibleName(self.tr("Switch roles at (minutes)"))
        self.switch_at.setMinimumWidth(self.fontMetrics().horizontalAdvance("25, 50, 75") + 16)
        for number, (text, widget) in enumerate(((self.tr("&Peer"), self.peer_combo),
                                                 (self.tr("&Time"), self.planned),
                                                 (self.tr("I &start as"), self.first_role),
                                                 (self.tr("S&witch at"), self.switch_at))):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row, column = divmod(number, 2)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.peer_combo.currentIndexChanged.connect(self._peer_changed)
        self.planned.valueChanged.connect(self._setup_changed)
        self.first_role.currentIndexChanged.connect(self._setup_changed)
        self.switch_at.editingFinished.connect(self._setup_changed)
        return grid

    def _build_card(self) -> QFrame:
        self.card = named(QFrame(self), "peerSessionCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setAutoFillBackground(True)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(SPACE_L, SPACE_M, SPACE_L, SPACE_M)
        top = QHBoxLayout()
        self.clock_label = named(plain_label("", self.card), "peerSessionClock")
        self.clock_label.setAccessibleName(self.tr("Time left"))
        font = QFont(self.clock_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setWeight(QFont.Weight.DemiBold)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.clock_label.setFont(font)
        self.role_label = named(plain_label("", self.card), "peerSessionRoleNow")
        self.role_label.setWordWrap(True)
        self.role_label.setAccessibleName(self.tr("Roles now"))
        self.role_label.setFont(scaled_font(self.role_label, "title", bold=False))
        top.addWidget(self.clock_label)
        top.addSpacing(SPACE_L)
        top.addWidget(self.role_label, 1)
        card.addLayout(top)
        self.progress = named(QProgressBar(self.card), "peerSessionProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.setAccessibleName(self.tr("Time passed"))
        card.addWidget(self.progress)
        self.message = named(plain_label("", self.card), "peerSessionMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Session message"))
        card.addWidget(self.message)

        buttons = QHBoxLayout()
        self.start_button = named(QPushButton(self.tr("Start"), self.card), "peerSessionStart")
        self.pause_button = named(QPushButton(self.tr("Pause"), self.card), "peerSessionPause")
        self.switch_button = named(QPushButton(self.tr("Switch roles"), self.card),
                                   "peerSessionSwitch")
        self.not_yet_button = named(QPushButton(self.tr("Not yet"), self.card),
                                    "peerSessionNotYet")
        set_tooltip(self.not_yet_button, self.tr("Ask again in two minutes"))
        self.end_button = named(QPushButton(self.tr("End session…"), self.card),
                                "peerSessionEnd")
        self.new_button = named(QPushButton(self.tr("New session"), self.card),
                                "peerSessionNew")
        set_tooltip(self.new_button, self.tr("Start another session, in an entry of its own"))
        for button in (self.start_button, self.pause_button, self.switch_button,
                       self.not_yet_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.new_button)
        card.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.switch_button.clicked.connect(self.switch_roles)
        self.not_yet_button.clicked.connect(self._not_yet)
        self.end_button.clicked.connect(self.ask_to_end)
        self.new_button.clicked.connect(self.new_session_requested)
        return self.card

    def _build_tabs(self) -> QTabWidget:
        self.tabs = named(QTabWidget(self), "peerSessionTabs")
        self.contract = named(ContractStep(self.tabs), "peerSessionContract")
        self.contract.split_chosen.connect(self._use_split)
        self.agreements_page = agreements_page = QWidget(self.tabs)
        agreements_layout = QVBoxLayout(agreements_page)
        intro = plain_label(self.tr("Read these together before you begin, and change anything "
                                    "you both want different."), agreements_page)
        intro.setWordWrap(True)
        self.agreements = named(QPlainTextEdit(agreements_page), "peerSessionAgreements")
        self.agreements.setAccessibleName(self.tr("Agreements"))
        self.agreements.setTabChangesFocus(True)
        self.restore_button = named(QPushButton(self.tr("Use the default agreements"),
                                                agreements_page), "peerSessionDefaults")
        self.restore_button.clicked.connect(
            lambda: self.agreements.setPlainText(translated_default_agreements()))
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        agreements_layout.addWidget(intro)
        agreements_layout.addWidget(self.agreements, 1)
        agreements_layout.addLayout(restore_row)

        self.debrief_page, self.debrief = debrief_page(self.tabs)

        parts_page = QWidget(self.tabs)
        parts_layout = QVBoxLayout(parts_page)
        self.parts_intro = named(plain_label("", parts_page), "peerSessionPartsIntro")
        self.parts_intro.setWordWrap(True)
        self.received = ReceivedPartsModel(self)
        self.parts_view = named(QListView(parts_page), "peerSessionParts")
        self.parts_view.setModel(self.received)
        self.parts_view.setAccessibleName(self.tr("Parts your peer shared with you"))
        self.parts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts_view.setSpacing(SPACE_XXS)
        self.part_text = named(QPlainTextEdit(parts_page), "peerSessionPartText")
        self.part_text.setReadOnly(True)
        self.part_text.setAccessibleName(self.tr("What your peer shared about this part"))
        split = QSplitter(Qt.Orientation.Horizontal, parts_page)
        split.addWidget(self.parts_view)
        split.addWidget(self.part_text)
        split.setStretchFactor(1, 1)
        split.setSizes([180, 400])
        parts_layout.addWidget(self.parts_intro)
        parts_layout.addWidget(split, 1)
        self.parts_view.selectionModel().currentChanged.connect(self._part_selected)

        self.tabs.addTab(self.contract, self.tr("Before we begin"))
        self.tabs.addTab(agreements_page, self.tr("Agreements"))
        self.tabs.addTab(self.debrief_page, self.tr("Debrief"))
        self.tabs.addTab(parts_page, self.tr("Peer's parts"))
        self.agreements.textChanged.connect(self._texts_changed)
        self.debrief.textChanged.connect(self._texts_changed)
        return self.tabs

    # Public API --------------------------------------------------------------------------------

    def attach(self, target: EntryEditor | Callable[[PeerSessionRecord], Any]) -> None:
        """Keep an entry up to date with the session.

        ``target`` is the journal's :class:`EntryEditor` (its peer-session fields are filled in
        and its autosave stores them) or any callable taking a :class:`PeerSessionRecord`.
        """
        if isinstance(target, EntryEditor):
            editor = target
            self.record_changed.connect(lambda record: write_into_editor(editor, record))
        else:
            self.record_changed.connect(target)
        self.record_changed.emit(self.record())

    def load_entry(self, entry: Entry) -> None:
        """Prepare for a peer-session entry: its time box, role, peer, agreements, debrief."""
        self._loading = True
        if entry.planned_minutes:
            self.planned.setValue(entry.planned_minutes)
        if entry.my_role is not None:
            self.first_role.setCurrentIndex(self.first_role.findData(entry.my_role.value))
        if entry.peer_id:
            self.peer_combo.setCurrentIndex(max(0, self.peer_combo.findData(entry.peer_id)))
        self.agreements.setPlainText(entry.agreements or translated_default_agreements())
        self.debrief.setPlainText(entry.debrief)
        self.contract.load_body(entry.body)  # an agreement made before, to start again with
        self._loading = False
        self._setup_changed()

    def record(self) -> PeerSessionRecord:
        """The session as a peer-session entry keeps it."""
        peer = self.peer_combo.currentData()
        return self.timer.record(self.agreements.toPlainText(), self.debrief.toPlainText(),
                                 str(peer) if peer else None, self._contract)

    def start(self) -> None:
        """Start the time box."""
        if self.timer.state is not TimerState.READY:
            return
        self._setup_changed()
        self._contract = self.contract.markdown()  # what was agreed goes at the top of the entry
        self.contract.set_agreed(True)
        self.timer.start()
        self._tick.start()
        self.status.emit(self.tr("The session has started."))
        self._refresh()
        self._emit_record()
        self._contract = ""  # written once: an edit made to it in the entry afterwards stays

    def switch_roles(self) -> None:
        """Swap roles now."""
        try:
            role = self.timer.switch_roles()
        except ValueError:
            return
        if self.timer.state is TimerState.READY:
            self._loading = True
            self.first_role.setCurrentIndex(self.first_role.findData(role.value))
            self._loading = False
        self.role_switched.emit(role.value)
        self._refresh()
        self._emit_record()

    def ask_to_end(self) -> None:
        """Ask before ending: it can't be taken back.

        "Keep going" is the default, so a stray Enter never ends a session.
        """
        if self.timer.state not in (TimerState.RUNNING, TimerState.PAUSED):
            return
        if confirm(self, self.tr("End the session?"), self.tr("End the session now?"),
                   self.tr("The clock stops for good. Your agreements and what you write in the "
                           "debrief stay in the entry. Either of you may end at any time."),
                   self.tr("End session"), self.tr("Keep going")):
            self.end()

    def reset(self) -> None:
        """Ready for another session with the same time box and roles (after one has ended)."""
        self._tick.stop()
        self.timer = PeerSessionTimer(self.planned.value(),
                                      PeerRole(self.first_role.currentData()), clock=self._clock)
        self.contract.set_agreed(False)
        self.debrief.clear()
        self.tabs.setCurrentIndex(0)
        self._setup_changed()
        self._refresh()

    def end(self) -> None:
        """End the session (either peer may, at any time)."""
        if self.timer.state in (TimerState.RUNNING, TimerState.PAUSED):
            self.timer.stop()
            self._tick.stop()
            self.session_ended.emit()
            self.tabs.setCurrentWidget(self.debrief_page)
            self._refresh()
            self._emit_record()

    def tick(self) -> None:
        """Read the clock and show what became due (the timer calls this; tests may too)."""
        for event in self.timer.poll():
            if event is TimerEvent.SWITCH_DUE:
                self.switch_proposed.emit()
            elif event is TimerEvent.DEBRIEF_DUE:
                self.tabs.setCurrentWidget(self.debrief_page)
                self.debrief_due.emit()
            elif event is TimerEvent.TIME_UP:
                self.time_up.emit()
        self._refresh()

    def clear(self) -> None:
        """Forget the texts and stop the clock (before locking: no journal text stays behind)."""
        self._tick.stop()
        self._loading = True
        for text in (self.agreements, self.debrief, self.part_text):
            text.clear()
            text.document().clearUndoRedoStacks()
        self.received.set_parts([])
        self.contract.clear()
        self._contract = ""
        self.peer_combo.clear()
        self._loading = False

    # Behaviour ---------------------------------------------------------------------------------

    def _reload_peers(self) -> None:
        self._loading = True
        self.peer_combo.clear()
        self.peer_combo.addItem(self.tr("— not chosen —"), "")
        try:
            peers = self._vault.peers.list()
        except JournalError:
            peers = []
        self._peer_names = {peer.id: peer.name for peer in peers}
        for peer in peers:
            self.peer_combo.addItem(peer.label, peer.id)
        self._loading = False
        self._peer_changed()

    def _peer_changed(self) -> None:
        peer_id = self.peer_combo.currentData()
        parts = self._vault.received.list(str(peer_id)) if peer_id else []
        self.received.set_parts(parts)
        self.part_text.clear()
        self.contract.offer_wishes(self._peer_name(), self._vault.peer_agreements.latest(
            str(peer_id)) if peer_id else None)
        if not peer_id:
            self.parts_intro.setText(self.tr("Choose your peer above to have the parts they "
                                             "shared with you at hand."))
        elif not parts:
            self.parts_intro.setText(fill(self.tr("%1 hasn't shared any parts with you yet."),
                                          self._peer_name()))
        else:
            self.parts_intro.setText(fill(self.tr("What %1 chose to share with you. Read-only."),
                                          self._peer_name()))
        if parts:
            self.parts_view.setCurrentIndex(self.received.index(0, 0))
        if not self._loading:
            self._refresh()
            self._emit_record()

    def _part_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.part_text.setPlainText(describe_received(self.received.part(current.row())))
        else:
            self.part_text.clear()

    def _setup_changed(self) -> None:
        if self._loading:
            return
        self.timer.configure(self.planned.value(), parse_switch_minutes(self.switch_at.text()),
                             self._debrief_minutes)
        if self.timer.state is TimerState.READY:
            role = PeerRole(self.first_role.currentData())
            self.timer.set_first_role(role)
        self._refresh()
        self._emit_record()

    def _use_split(self, planned: int, turn: int, debrief: int) -> None:
        """A turn each, the switch between them, then the debrief (e.g. 20 + 20 + 15)."""
        self._loading = True
        self._debrief_minutes = debrief
        self.planned.setValue(planned)
        self.switch_at.setText(str(turn))
        self._loading = False
        self._setup_changed()
        self.status.emit(fill(self.tr("The timer is set: %1 minutes each, then %2 minutes for "
                                      "the debrief."), str(turn), str(debrief)))

    def _texts_changed(self) -> None:
        if not self._loading:
            self._emit_record()

    def _emit_record(self) -> None:
        if not self._loading:
            self.record_changed.emit(self.record())

    def _pause_or_resume(self) -> None:
        if self.timer.state is TimerState.RUNNING:
            self.timer.pause()
            self.status.emit(self.tr("Paused. Take all the time you need."))
        elif self.timer.state is TimerState.PAUSED:
            self.timer.resume()
        self._refresh()

    def _not_yet(self) -> None:
        self.timer.not_yet(2)
        self._refresh()

    # Showing -----------------------------------------------------------------------------------

    def _peer_name(self) -> str:
        """The chosen peer's name for sentences (the menu itself marks unverified peers)."""
        return self._peer_names.get(str(self.peer_combo.currentData() or ""), "")

    def _role_sentence(self) -> str:
        peer = self._peer_name()
        if self.timer.role is PeerRole.EXPLORER:
            return (fill(self.tr("You are exploring; %1 is companioning you."), peer)
                    if peer else self.tr("You are exploring; your peer is companioning you."))
        return (fill(self.tr("You are companioning; %1 is exploring."), peer)
                if peer else self.tr("You are companioning; your peer is exploring."))

    def _refresh(self) -> None:
        timer = self.timer
        state = timer.state
        remaining = timer.remaining()
        self.clock_label.setText(format_clock(remaining))
        self.clock_label.setAccessibleDescription(
            fill(self.tr("%1 minutes planned"), str(timer.planned_minutes)))
        self.role_label.setText(self._role_sentence())
        self.progress.setValue(round(timer.fraction * 1000))
        tint: QColor | None = None
        if state is TimerState.READY:
            message = self.tr("Agree on your time, roles and agreements, then start when you "
                              "are both ready. Either of you can pause or stop at any time.")
        elif state is TimerState.STOPPED:
            message = self.tr("The session has ended. Thank each other, and write your debrief "
                              "while it is fresh.")
            tint = END_TINT
        elif timer.time_up:
            message = self.tr("Time is up. Take a breath, let the explorer finish gently, and "
                              "move to your debrief when you are ready.")
            tint = END_TINT
        elif timer.in_debrief:
            message = self.tr("Time for your debrief. The companion speaks first, for their own "
                              "parts; then the explorer.")
            tint = END_TINT
        elif timer.switch_pending:
            message = self.tr("Half time — time to switch roles, so you both get an equal "
                              "turn.") if len(timer.switch_points) == 1 else \
                self.tr("Time to switch roles, as you planned.")
            tint = SWITCH_TINT
        elif state is TimerState.PAUSED:
            message = self.tr("Paused. Carry on when you are both ready.")
        else:
            upcoming = timer.next_switch
            message = fill(self.tr("Switching roles in %1."),
                           format_clock(upcoming - timer.elapsed())) if upcoming is not None \
                else self.tr("Until the end of the session.")
        self.message.setText(message)
        self._tint(tint)

        running = state in (TimerState.RUNNING, TimerState.PAUSED)
        self.start_button.setVisible(state is TimerState.READY)
        self.pause_button.setVisible(running)
        self.pause_button.setText(self.tr("Resume") if state is TimerState.PAUSED
                                  else self.tr("Pause"))
        self.switch_button.setEnabled(state is not TimerState.STOPPED)
        self.switch_button.setDefault(timer.switch_pending)
        self.not_yet_button.setVisible(timer.switch_pending)
        self.end_button.setVisible(running)
        self.new_button.setVisible(state is TimerState.STOPPED)
        self.planned.setEnabled(state is not TimerState.STOPPED)
        self.first_role.setEnabled(state is TimerState.READY)
        self.switch_at.setEnabled(state is not TimerState.STOPPED)

    def _tint(self, tint: QColor | None) -> None:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        card = self.card.palette()
        color = window if tint is None else blend(window, tint, 0.28)
        card.setColor(QPalette.ColorRole.Window, color)
        self.card.setPalette(card)
        self.card.setProperty("signal", "" if tint is None else
                              ("end" if tint is END_TINT else "switch"))

