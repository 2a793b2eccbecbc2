"""The Peers screen: my card, the people I exchange parts with, and what we shared.

Left: my card and the list of peers (an unverified peer is marked as such). Right: the chosen
peer — the safety number to compare, the parts they shared (read-only), and what I shared with
them — with the buttons that start the share wizard and the import. Bundles and cards can also
be dropped onto the page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.plain_text import isolate, set_tooltip
from partsjournal.ui.common.theme import SPACE_M, SPACE_S, SPACE_XXL, SPACE_XXS
from partsjournal.ui.common.widgets import confirm, heading_label, named
from partsjournal.ui.peers.card_widgets import CARD_SUFFIX, AddPeerDialog, MyCardPanel
from partsjournal.ui.peers.import_dialog import ImportDialog
from partsjournal.ui.peers.peer_models import (
    PeerListModel,
    ReceivedPartsModel,
    ShareLogModel,
    peer_status,
)
from partsjournal.ui.peers.peer_widgets import (
    ReceivedProfile,
    SafetyNumberPanel,
    icon_label,
    wrapped,
)
from partsjournal.ui.peers.share_wizard import ShareWizard
from partsjournal.vault import Vault
from partsjournal.vault.peers import Peer

BUNDLE_SUFFIX = ".pjbundle"
#: Tabs of the peer panel, in order.
SAFETY_TAB, RECEIVED_TAB, SHARED_TAB = range(3)


def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """Local ``.pjbundle`` and ``.pjcard`` files being dragged."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in (BUNDLE_SUFFIX, CARD_SUFFIX)]


class PeersView(QWidget):
    """Exchange parts with peers: cards, safety numbers, sharing, importing."""

    #: A short message for the status bar.
    status = Signal(str)
    #: What this page stored (a Changes value for the change bus).
    announced = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._peer: Peer | None = None
        #: The dialog or wizard opened last (tests and the main window may look at it).
        self.dialog: QWidget | None = None
        self.setAcceptDrops(True)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reload()

    # Building ---------------------------------------------------------------------------------

    def _build_left(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(340)
        self.my_card = MyCardPanel(self._vault)
        self.my_card.status.connect(self.status)

        self.peer_model = PeerListModel(self._vault, self)
        self.peer_table = named(QTableView(), "peerTable")
        self.peer_table.setModel(self.peer_model)
        self.peer_table.setAccessibleName(self.tr("Your peers"))
        self.peer_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peer_table.verticalHeader().hide()
        self.peer_table.setShowGrid(False)
        self.peer_table.setWordWrap(False)
        header = self.peer_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.peer_table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.add_file_button = named(QPushButton(self.tr("Add from file…")), "addPeerFile")
        set_tooltip(self.add_file_button, self.tr("Add a peer from the .pjcard file they sent"))
        self.add_file_button.clicked.connect(lambda: self.add_peer_from_file())
        self.paste_button = named(QPushButton(self.tr("Paste a card…")), "addPeerPaste")
        set_tooltip(self.paste_button, self.tr("Add a peer from card text they sent you"))
        self.paste_button.clicked.connect(self.paste_card)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_file_button)
        add_row.addWidget(self.paste_button)
        add_row.addStretch(1)
        peers_box = QGroupBox(self.tr("Peers"))
        peers_layout = QVBoxLayout(peers_box)
        peers_layout.addWidget(self.peer_table, 1)
        peers_layout.addLayout(add_row)

        self.import_button = named(QPushButton(self.tr("Import a bundle…")), "importBundle")
        set_tooltip(self.import_button, self.tr("Open a .pjbundle file a peer sent you (you can "
                                                "also drop it here)"))
        self.import_button.clicked.connect(self.choose_bundle)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, SPACE_S, 0)
        layout.addWidget(self.my_card)
        layout.addWidget(peers_box, 1)
        layout.addWidget(self.import_button)
        return panel

    def _build_right(self) -> QWidget:
        self.stack = QStackedWidget()
        self.empty_state = named(QWidget(), "peersEmpty")
        title = heading_label(self.tr("Share parts with people you trust"), "display")
        steps = wrapped(self.tr(
            "A therapist, a peer-support partner, a friend who does parts work: you choose "
            "which parts and which fields they see, and only their journal can open what you "
            "send.\n\n"
            "1.  Give them your card: “Copy card text” or “Save card file…” on the left.\n\n"
            "2.  Add their card: “Add from file…” or “Paste a card…”.\n\n"
            "3.  Compare your safety number with them, in person or on a call.\n\n"
            "4.  Share parts, and import the bundles they send you. You can also drop "
            "bundles and cards onto this page."))
        steps.setMaximumWidth(640)
        title.setMaximumWidth(640)
        empty_layout = QVBoxLayout(self.empty_state)
        empty_layout.setContentsMargins(SPACE_XXL, SPACE_XXL, SPACE_XXL, SPACE_XXL)
        empty_layout.addWidget(title)
        empty_layout.addSpacing(SPACE_M)
        empty_layout.addWidget(steps)
        empty_layout.addStretch(1)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self._build_detail())
        return self.stack

    def _build_detail(self) -> QWidget:
        detail = QWidget()
        self.peer_name = named(heading_label(), "peerHeading")
        self.peer_name.setAccessibleName(self.tr("Peer"))
        self._warning_icon = icon_label("triangle-alert", self)
        self.peer_state = named(wrapped(), "peerState")
        self.peer_state.setAccessibleName(self.tr("Verification"))
        state_row = QHBoxLayout()
        state_row.addWidget(self._warning_icon)
        state_row.addWidget(self.peer_state, 1)

        self.share_button = named(QPushButton(self.tr("Share parts…")), "sharePartsButton")
        self.share_button.clicked.connect(self.share_parts)
        self.withdraw_button = named(QPushButton(self.tr("Withdraw…")), "withdrawButton")
        set_tooltip(self.withdraw_button, self.tr("Ask this peer's journal to remove parts you "
                                                  "shared before"))
        self.withdraw_button.clicked.connect(self.withdraw_parts)
        self.rename_button = named(QPushButton(self.tr("Rename…")), "renamePeer")
        self.rename_button.clicked.connect(self.rename_peer)
        self.remove_button = named(QPushButton(self.tr("Remove…")), "removePeer")
        set_tooltip(self.remove_button, self.tr("Forget this peer and the parts they shared"))
        self.remove_button.clicked.connect(self.remove_peer)
        actions = QHBoxLayout()
        for button in (self.share_button, self.withdraw_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.rename_button, self.remove_button):
            actions.addWidget(button)

        self.safety = SafetyNumberPanel(self._vault)
        self.safety.verification_changed.connect(self._verification_changed)

        self.received_model = ReceivedPartsModel(self)
        self.received_list = named(QListView(), "receivedList")
        self.received_list.setModel(self.received_model)
        self.received_list.setAccessibleName(self.tr("Parts this peer shared"))
        self.received_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.received_list.setUniformItemSizes(True)
        self.received_list.setSpacing(SPACE_XXS)
        self.received_list.selectionModel().currentChanged.connect(self._received_changed)
        self.profile = ReceivedProfile()
        self.received_empty = named(wrapped(), "receivedNone")
        received_split = QSplitter(Qt.Orientation.Horizontal)
        received_split.setChildrenCollapsible(False)
        received_split.addWidget(self.received_list)
        received_split.addWidget(self.profile)
        received_split.setSizes([220, 520])
        received_page = QWidget()
        received_layout = QVBoxLayout(received_page)
        received_layout.addWidget(self.received_empty)
        received_layout.addWidget(received_split, 1)
        self._received_split = received_split

        self.shared_summary = named(wrapped(), "sharedSummary")
        self.log_model = ShareLogModel(self)
        self.log_tree = named(QTreeView(), "shareLog")
        self.log_tree.setModel(self.log_model)
        self.log_tree.setAccessibleName(self.tr("Share log"))
        self.log_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_tree.setAlternatingRowColors(True)
        self.log_tree.header().setStretchLastSection(True)
        self.log_tree.header().resizeSection(0, 240)
        self.log_model.modelReset.connect(self.log_tree.expandAll)
        shared_page = QWidget()
        shared_layout = QVBoxLayout(shared_page)
        shared_layout.addWidget(self.shared_summary)
        shared_layout.addWidget(self.log_tree, 1)

        self.tabs = named(QTabWidget(), "peerTabs")
        self.tabs.addTab(self.safety, self.tr("Safety number"))
        self.tabs.addTab(received_page, self.tr("Parts they shared"))
        self.tabs.addTab(shared_page, self.tr("Shared with them"))

        layout = QVBoxLayout(detail)
        layout.addWidget(self.peer_name)
        layout.addLayout(state_row)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        return detail

    # Public API -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read my card and the peers again, keeping the chosen peer if it is still there."""
        keep = self._peer.id if self._peer is not None else ""
        self.my_card.reload()
        self.peer_model.reload()
        row = self.peer_model.row_of(keep) if keep else -1
        if row < 0 and self.peer_model.rowCount():
            row = 0
        if row >= 0:
            self.select_peer(self.peer_model.peer(row).id)
        else:
            self._show_peer(None)

    def on_changes(self, changes: Changes) -> None:
        """Only the name on the card can change elsewhere (in the share wizard)."""
        if changes.touches(Change.IDENTITY) and not changes.made_by(self.my_card):
            self.my_card.reload()

    def flush(self) -> bool:
        """Store an edited display name; False if it can't be stored."""
        return self.my_card.flush()

    def clear(self) -> None:
        """Empty every widget of journal text (the journal is about to lock)."""
        self._show_peer(None)
        self.profile.show_part(None)
        self.received_model.set_parts([])
        self.log_model.set_entries([])

    def current_peer(self) -> Peer | None:
        """The peer shown on the right."""
        return self._peer

    def select_peer(self, peer_id: str, tab: int | None = None) -> None:
        """Show a peer (and optionally one of its tabs)."""
        row = self.peer_model.row_of(peer_id)
        if row < 0:
            return
        index = self.peer_model.index(row, 0)
        if self.peer_table.currentIndex().row() != row:
            self.peer_table.setCurrentIndex(index)
        else:
            self._show_peer(self.peer_model.peer(row))
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    def import_bundle(self, path: Path) -> None:
        """Open a ``.pjbundle``: check it in the background, preview, and import on confirm."""
        self.flush()
        dialog = ImportDialog(self._vault, Path(path), self)
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._import_finished(dialog))
        dialog.open()

    def choose_bundle(self) -> None:
        """Ask for a bundle file, then import it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a bundle"), start_in(FileKind.RECEIVED),
            self.tr("Parts Journal bundles (*.pjbundle);;All files (*)"))
        if chosen:
            remember(FileKind.RECEIVED, chosen)
            self.import_bundle(Path(chosen))

    def add_peer_from_file(self, path: Path | None = None) -> None:
        """Add a peer from a card file (asks for the file if none is given)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Choose your peer's contact card"), start_in(FileKind.RECEIVED),
                self.tr("Contact cards (*.pjcard *.txt);;All files (*)"))
            if chosen:
                remember(FileKind.RECEIVED, chosen)
            if not chosen:
                return
            path = Path(chosen)
        self._open_add_dialog(AddPeerDialog(self._vault, self, path=path))

    def paste_card(self) -> None:
        """Add a peer from pasted card text."""
        dialog = AddPeerDialog(self._vault, self)
        self._open_add_dialog(dialog)
        dialog.paste_edit.setFocus()

    def share_parts(self) -> None:
        """Open the share wizard for the chosen peer."""
        self._open_wizard(withdraw=False)

    def withdraw_parts(self) -> None:
        """Open the share wizard in withdraw mode for the chosen peer."""
        self._open_wizard(withdraw=True)

    def rename_peer(self) -> None:
        """Change what this journal calls the chosen peer."""
        peer = self._peer
        if peer is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename peer"),
                                        self.tr("What do you want to call this peer?"),
                                        QLineEdit.EchoMode.Normal, peer.name)
        if not ok or name.strip() == peer.name:
            return
        try:
            renamed = perform(self, lambda: self._vault.peers.rename(peer.id, name),
                              [Change.PEERS])
        except JournalError as exc:
            show_error(self, exc)
            return
        self.peer_model.reload()
        self.select_peer(renamed.id)
        self.status.emit(self.tr("Renamed."))

    def remove_peer(self) -> None:
        """Forget the chosen peer and everything received from them, after asking."""
        peer = self._peer
        if peer is None:
            return
        count = self._vault.received.count(peer.id)
        detail = fill(self.tr("The %1 part(s) they shared go too, and so do their mentions in your "
                              "entries. What you shared with them stays in their journal. To "
                              "exchange again, you would add their card again."), str(count))
        if not confirm(self, self.tr("Remove peer"),
                       fill(self.tr("Remove %1 from your journal?"), peer.name),
                       detail, self.tr("Remove")):
            return
        try:
            perform(self, lambda: self._vault.peers.remove(peer.id),
                    [Change.PEERS, Change.ENTRIES])
        except JournalError as exc:
            show_error(self, exc)
            return
        self._peer = None
        self.reload()
        self.status.emit(fill(self.tr("Removed %1."), isolate(peer.name)))

    # Showing a peer ---------------------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_peer(self.peer_model.peer(current.row()))

    def _show_peer(self, peer: Peer | None) -> None:
        changed = peer is None or self._peer is None or peer.id != self._peer.id
        self._peer = peer
        if peer is None:
            self.stack.setCurrentWidget(self.empty_state)
            self.peer_name.clear()
            return
        self.stack.setCurrentIndex(1)
        self.peer_name.setText(peer.label)
        self._show_state(peer)
        self.safety.show_peer(peer)
        self._show_received(peer)
        self._show_shared(peer)
        if changed:
            self.tabs.setCurrentIndex(RECEIVED_TAB if peer.verified else SAFETY_TAB)

    def _show_state(self, peer: Peer) -> None:
        self._warning_icon.setVisible(not peer.verified)
        if peer.verified:
            self.peer_state.setText(fill(self.tr("%1. Fingerprint %2 …"),
                                         peer_status(peer),
                                         peer.fingerprint.short()))
        else:
            self.peer_state.setText(fill(self.tr(
                "Not verified: compare the safety number with %1 before you trust this card."),
                                         peer.name))

    def _show_received(self, peer: Peer) -> None:
        keep = self.received_list.currentIndex()
        keep_id = self.received_model.part(keep.row()).id if keep.isValid() else ""
        parts = self._vault.received.list(peer.id)
        self.received_model.set_parts(parts)
        self.tabs.setTabText(RECEIVED_TAB, fill(self.tr("Parts they shared (%1)"), str(len(parts))))
        self.received_empty.setVisible(not parts)
        self._received_split.setVisible(bool(parts))
        self.received_empty.setText(fill(self.tr(
            "%1 hasn't shared any parts with you yet. When they send you a bundle, open it "
            "with “Import a bundle…” or drop it onto this page."), peer.name))
        row = self.received_model.row_of(keep_id) if keep_id else -1
        if row < 0 and parts:
            row = 0
        if row >= 0:
            self.received_list.setCurrentIndex(self.received_model.index(row))
        else:
            self.profile.show_part(None)

    def _received_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.profile.show_part(self.received_model.part(current.row())
                               if current.isValid() else None)

    def _show_shared(self, peer: Peer) -> None:
        entries = self._vault.share_log.list(peer.id)
        self.log_model.set_entries(entries)
        current = self._vault.share_log.currently_shared(peer.id)
        if not entries:
            text = fill(self.tr("You haven't shared anything with %1 yet."), peer.name)
        elif current:
            text = fill(self.tr("%1 currently has: %2."), peer.name, ", ".join(current.values()))
        else:
            text = fill(self.tr("Nothing you shared is still with %1."), peer.name)
        self.shared_summary.setText(text)
        self.withdraw_button.setEnabled(bool(current))
        self.log_tree.setVisible(bool(entries))

    def _verification_changed(self, peer: Peer) -> None:
        self.peer_model.reload()
        row = self.peer_model.row_of(peer.id)
        self.peer_table.setCurrentIndex(self.peer_model.index(row, 0))
        self._peer = peer
        self.peer_name.setText(peer.label)
        self._show_state(peer)
        self._show_received(peer)
        self.status.emit(fill(self.tr("%1 is verified."), isolate(peer.name))
                         if peer.verified
                         else fill(self.tr("%1 is no longer marked as verified."),
                                   isolate(peer.name)))

    # Dialogs ----------------------------------------------------------------------------------

    def _open_add_dialog(self, dialog: AddPeerDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._peer_added(dialog))
        dialog.open()

    def _peer_added(self, dialog: AddPeerDialog) -> None:
        peer = dialog.peer
        if peer is None:
            return
        self.peer_model.reload()
        self.select_peer(peer.id, SAFETY_TAB)
        self.status.emit(fill(self.tr("Added %1. Compare your safety number next."),
                              isolate(peer.name)))

    def _open_wizard(self, *, withdraw: bool) -> None:
        self.flush()
        peer_id = self._peer.id if self._peer is not None else None
        wizard = ShareWizard(self._vault, peer_id, withdraw=withdraw, parent=self)
        self.dialog = wizard
        wizard.finished.connect(lambda _code: self._wizard_finished(wizard))
        wizard.open()

    def _wizard_finished(self, wizard: ShareWizard) -> None:
        self.reload()
        entry = wizard.log_entry
        if entry is not None and entry.peer_id:
            self.select_peer(entry.peer_id, SHARED_TAB)
            self.status.emit(fill(self.tr("Bundle saved for %1."), isolate(entry.peer_name)))

    def _import_finished(self, dialog: ImportDialog) -> None:
        self.reload()
        result = dialog.result_
        if result is None:
            return
        self.select_peer(result.peer.id, RECEIVED_TAB)
        self.status.emit(dialog.summary())

    # Drag and drop ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Accept .pjbundle and .pjcard files."""
        if _dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        """Keep accepting while the files move over the page."""
        if _dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """A card adds a peer; a bundle is imported (one file at a time)."""
        files = _dropped_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        if len(files) > 1:
            self.status.emit(self.tr("Opening the first file; drop the others one at a time."))
        self.open_file(files[0])

    def open_file(self, path: Path) -> None:
        """A card file adds a peer; anything else is imported as a bundle."""
        if path.suffix.lower() == CARD_SUFFIX:
            self.add_peer_from_file(path)
        else:
            self.import_bundle(path)
