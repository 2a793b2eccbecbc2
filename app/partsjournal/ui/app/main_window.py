"""The main window: Journal and Parts pages, global search, lock, menus and status bar.

It holds layout and wiring only; each page owns its behaviour, and the app controller decides
what happens on lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from partsjournal import APP_NAME
from partsjournal.domain.model import Entry
from partsjournal.domain.words import fill
from partsjournal.ui.agreements.this_week import ThisWeekPanel
from partsjournal.ui.app import practice_launch
from partsjournal.ui.app.edit_actions import EditActions
from partsjournal.ui.app.focus_mode import FocusMode
from partsjournal.ui.app.menus import build_menus
from partsjournal.ui.app.sidebar import SIDEBAR_WIDTH, Sidebar
from partsjournal.ui.app.word_count import WordCount
from partsjournal.ui.body.body_page import BodyPage
from partsjournal.ui.body.part_body import attach_body_tab
from partsjournal.ui.common.backup_file import back_up_to_chosen_file
from partsjournal.ui.common.changes import Change, ChangeBus, Changes, Page
from partsjournal.ui.common.icons import icon
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.plain_text import plain_status, set_tooltip
from partsjournal.ui.common.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, scaled_font
from partsjournal.ui.common.widgets import PageStack
from partsjournal.ui.insights.insights_view import InsightsView
from partsjournal.ui.journal.journal_commands import DeleteEntryCommand
from partsjournal.ui.journal.journal_view import JournalView
from partsjournal.ui.journal.search_view import SearchField, SearchView, hit_is_part
from partsjournal.ui.map.map_view import MapView
from partsjournal.ui.parts.parts_view import PartsView
from partsjournal.ui.peers.peers_view import PeersView
from partsjournal.ui.pictures.attach import attach_part_pictures
from partsjournal.vault import Vault
from partsjournal.vault.search import SearchHit
from partsjournal.vault.unsaved import PartEdit, UnsavedWriting

if TYPE_CHECKING:
    from partsjournal.ui.practice.peer_session import PeerSessionPanel


class MainWindow(QMainWindow):
    """What a person sees once their journal is unlocked."""

    lock_requested = Signal()
    #: What the window itself or a dialog opened on it stored (Changes, onto the change bus).
    announced = Signal(object)
    settings_requested = Signal()
    backup_requested = Signal()
    # Made by build_menus (ui/app/menus.py):
    new_entry_action: QAction
    new_part_action: QAction
    save_action: QAction
    undo_action: QAction
    redo_action: QAction
    edit_actions: EditActions

    def __init__(self, vault: Vault, *, sample: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.sample = sample
        self.undo_stack = QUndoStack(self)
        title = APP_NAME + (self.tr(" — sample journal") if sample else "")
        self.setWindowTitle(title)
        self.resize(1200, 780)

        self.journal = JournalView(vault, self)
        self.parts = PartsView(vault, self)
        self.map = MapView(vault, self)
        self.peers = PeersView(vault, self)
        self.insights = InsightsView(vault, self)
        self.insights.set_undo_stack(self.undo_stack)
        self.search = SearchView(vault, self)
        self.this_week = ThisWeekPanel(vault, self)  # open agreements, soonest first
        self.part_pictures = attach_part_pictures(self.parts, vault)  # the part's Pictures tab
        self.body = BodyPage(vault, self)  # every part on one body (ui/body/)
        self.part_body = attach_body_tab(self.parts, vault)  # the part's Body tab
        self.pages = PageStack(self)
        for page in (self.journal, self.parts, self.map, self.peers, self.insights,
                     self.this_week, self.body, self.search):
            self.pages.addWidget(page)
        self.peer_session: PeerSessionPanel | None = None
        self.setAcceptDrops(True)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.sidebar = self._build_sidebar()
        row.addWidget(self.sidebar)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        row.addLayout(layout, 1)
        chrome: list[QWidget] = [self.sidebar, self._build_header()]
        layout.addWidget(chrome[1])
        if sample:
            banner = QLabel(self.tr(
                "This is a sample journal with made-up parts and entries, so you can look "
                "around. Nothing here is kept when you close it."), central)
            banner.setWordWrap(True)
            banner.setMargin(8)
            banner.setAutoFillBackground(True)
            banner.setBackgroundRole(banner.palette().ColorRole.AlternateBase)
            banner.setAccessibleName(self.tr("Sample journal notice"))
            layout.addWidget(banner)
            chrome.append(banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.focus_mode = FocusMode(self, self.journal, chrome, self.show_journal)

        build_menus(self)
        self.journal.status.connect(self.show_status)
        self.parts.status.connect(self.show_status)
        self.map.status.connect(self.show_status)
        self.peers.status.connect(self.show_status)
        self.map.open_part.connect(self.open_part)
        self.map.open_received_part.connect(self.open_received_part)
        self.map.part_requested.connect(self.new_part)
        self.insights.status.connect(self.show_status)
        self.insights.open_part.connect(self.open_part)
        self.insights.open_entry.connect(self.open_entry)
        self.journal.editor.peer_session_requested.connect(self.start_peer_session)
        self.journal.entry_deleted.connect(self._entry_deleted)
        self.journal.part_requested.connect(self.new_part)
        self.parts.open_entry.connect(self.open_entry)
        self.parts.merge_requested.connect(lambda _part_id: self._merge_parts())
        self.parts.split_requested.connect(lambda _part_id: self._split_part())
        self.parts.unburdening_requested.connect(
            lambda: self.unburdening_path(self.parts.current_part_id()))
        self.search.open_hit.connect(self._open_hit)
        # The change bus: each page announces what it stored; every page hears every change.
        self.bus = ChangeBus(self)
        self.announced.connect(self.bus.changed)
        for each in self._pages():
            each.announced.connect(self.bus.changed)
        self.bus.changed.connect(self._deliver_changes)
        self.word_count = WordCount(self.journal.editor, self.pages, self.journal, self)
        self.statusBar().addPermanentWidget(self.word_count)
        self.show_journal()
        self.statusBar().showMessage(plain_status(self.tr("Your journal is unlocked.")), 4000)

    # Building --------------------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        """Above the page: its name, and the search field where people look for it."""
        header = QWidget(self)
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(SPACE_L, SPACE_S, SPACE_M, SPACE_S)
        row.setSpacing(SPACE_M)
        self.page_title = QLabel(header)
        self.page_title.setTextFormat(Qt.TextFormat.PlainText)
        self.page_title.setFont(scaled_font(self.page_title, "heading"))
        self.page_title.setAccessibleName(self.tr("Page"))
        row.addWidget(self.page_title)
        row.addStretch(1)
        self.search_field = SearchField(header)
        self.search_field.setPlaceholderText(self.tr("Search parts and entries (Ctrl+F)"))
        self.search_field.setAccessibleName(self.tr("Search"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMinimumWidth(220)
        self.search_field.setMaximumWidth(360)
        self.search_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search_field.textChanged.connect(self._search_changed)
        self.search_field.enter.connect(self.search.open_first)
        self.search_field.down.connect(self.search.focus_results)
        self.search_field.escape.connect(self._leave_search)
        row.addWidget(self.search_field, 1)
        return header

    def _build_sidebar(self) -> Sidebar:
        sidebar = Sidebar(self)
        group = QActionGroup(self)
        rooms = ((self.tr("Journal"), "Ctrl+1", self.show_journal, "notebook-pen"),
                 (self.tr("Parts"), "Ctrl+2", self.show_parts, "shapes"),
                 (self.tr("Map"), "Ctrl+3", self.show_map, "waypoints"),
                 (self.tr("Peers"), "Ctrl+4", self.show_peers, "handshake"),
                 (self.tr("Insights"), "Ctrl+5", self.show_insights, "chart-line"),
                 (self.tr("This week"), "Ctrl+6", self.show_this_week, "check"),
                 (self.tr("Body"), "Ctrl+7", self.show_body, ""))  # View menu only (no room)
        actions = []
        for text, keys, slot, icon_name in rooms:
            action = QAction(text, self, checkable=True)
            action.setShortcut(QKeySequence(keys))
            set_tooltip(action, fill(self.tr("%1 (%2)"), text, QKeySequence(keys).toString(
                QKeySequence.SequenceFormat.NativeText)))
            action.triggered.connect(slot)
            group.addAction(action)
            if icon_name:
                sidebar.add_room(action, icon_name)
            actions.append(action)
        (self.journal_action, self.parts_action, self.map_action, self.peers_action,
         self.insights_action, self.this_week_action, self.body_action) = actions
        self.settings_action = QAction(self.tr("Settings"), self)
        set_tooltip(self.settings_action, self.tr("Settings (Ctrl+,)"))
        self.settings_action.triggered.connect(self.settings_requested)
        sidebar.add_bottom(self.settings_action, "settings")
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        set_tooltip(self.lock_action, self.tr("Lock the journal now (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_requested)
        sidebar.add_bottom(self.lock_action, "lock")
        sidebar.finish()
        return sidebar

    # Pages -----------------------------------------------------------------------------------

    def _switch(self, page: QWidget, action: QAction) -> None:
        """Leave the current page (saving what it holds) and show ``page``."""
        leaving = self._page_shown()
        if leaving is not None and self.pages.currentWidget() is not page:
            leaving.flush()
        action.setChecked(True)
        self.pages.setCurrentWidget(page)
        self.page_title.setText(action.text())

    def show_journal(self) -> None:
        """Switch to the Journal page."""
        self._switch(self.journal, self.journal_action)
        self.journal.refresh()

    def show_parts(self) -> None:
        """Switch to the Parts page."""
        self._switch(self.parts, self.parts_action)
        self.parts.reload()

    def show_map(self) -> None:
        """Switch to the Map page."""
        self.map.reload()  # before showing, so the first show doesn't build it twice
        self._switch(self.map, self.map_action)

    def show_peers(self) -> None:
        """Switch to the Peers page."""
        self._switch(self.peers, self.peers_action)
        self.peers.reload()

    def show_insights(self) -> None:
        """Switch to the Insights page."""
        self.insights.reload()
        self._switch(self.insights, self.insights_action)

    def show_this_week(self) -> None:
        """Switch to This week: the agreements with parts that are still open."""
        self.this_week.refresh()
        self._switch(self.this_week, self.this_week_action)

    def show_body(self) -> None:
        """Switch to the Body page: where every part is felt."""
        self.body.reload()
        self._switch(self.body, self.body_action)

    def guided_session(self) -> None:
        """A solo session through the 6 F's; the answers become an entry (and maybe a part)."""
        practice_launch.guided_session(self)

    def unburdening_path(self, part_id: str | None = None) -> None:
        """The steps after befriending an exile, behind a consent gate."""
        practice_launch.unburdening_path(self, part_id)

    def start_peer_session(self) -> None:
        """The time-boxed peer-session panel beside the entry it is recorded in."""
        practice_launch.start_peer_session(self)

    def show_guide(self) -> None:
        """F1: short pages on parts, the 6 F's, the 8 C's and peer practice."""
        practice_launch.show_guide(self)

    def _merge_parts(self) -> None:
        """Two parts turn out to be one: entries, relations and history move over (undoable)."""
        from partsjournal.ui.parts.part_surgery_dialogs import MergePartsDialog

        self.flush_all()
        dialog = MergePartsDialog(self.vault, self, keep_id=self._chosen_part_id())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._push_part_change(dialog.command(owner=self))

    def _split_part(self) -> None:
        """A new part steps out of one you know (undoable)."""
        from partsjournal.ui.parts.part_surgery_dialogs import SplitPartDialog

        self.flush_all()
        part_id = self._chosen_part_id()
        if part_id is None:
            self.show_status(self.tr("Choose the part to split on the Parts page first."))
            return
        dialog = SplitPartDialog(self.vault, part_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._push_part_change(dialog.command(owner=self))

    def _chosen_part_id(self) -> str | None:
        return self.parts.current_part_id() or self.insights.selected_part_id()

    def _push_part_change(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)
        error = getattr(command, "error", None)
        if error is not None:
            show_error(self, error)
        else:
            self.show_status(command.text().replace("&&", "&"))

    def _pages(self) -> list[Page]:
        """The pages that hold journal content (each a :class:`Page`); search holds only hits."""
        return [self.journal, self.parts, self.map, self.insights, self.peers, self.this_week,
                self.body]

    def _page_shown(self) -> Page | None:
        """The page on screen, unless it is the search results (which hold nothing to save)."""
        current: object = self.pages.currentWidget()
        return next((page for page in self._pages() if page is current), None)

    def _deliver_changes(self, changes: Changes) -> None:
        for page in self._pages():
            page.on_changes(changes)

    def open_received_part(self, received_id: str) -> None:
        """Show a part a peer shared, on its peer's page."""
        part = self.vault.received.get(received_id)
        self.show_peers()
        self.peers.select_peer(part.peer_id)

    def import_bundle(self) -> None:
        """File ▸ Import a bundle: choose a .pjbundle and preview it before anything changes."""
        self.show_peers()
        self.peers.choose_bundle()

    def open_file(self, path: Path) -> None:
        """A bundle or a card handed over by the command line, a second launch or a drop."""
        self.show_peers()
        self.peers.open_file(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_file(path)

    @staticmethod
    def _dropped_file(mime: QMimeData) -> Path | None:
        urls = mime.urls() if mime.hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() in (".pjbundle", ".pjcard") else None

    def new_entry(self) -> None:
        """Ctrl+N."""
        self.show_journal()
        self.journal.new_entry()

    def new_part(self) -> None:
        """Ctrl+Shift+N."""
        self.show_parts()
        self.parts.new_part()

    def open_entry(self, entry_id: str) -> None:
        """Show an entry in the Journal page."""
        self.show_journal()
        self.journal.open_entry(entry_id)

    def open_part(self, part_id: str) -> None:
        """Show a part in the Parts page."""
        self.show_parts()
        self.parts.select_part(part_id)

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _search_changed(self, text: str) -> None:
        if text.strip():
            if self.pages.currentWidget() is not self.search:
                self.journal.flush()
                self.parts.flush()
                self.pages.setCurrentWidget(self.search)
                self.page_title.setText(self.tr("Search"))
            self.search.set_query(text)
        else:
            self._leave_search()

    def _leave_search(self) -> None:
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.search.clear()
        if self.pages.currentWidget() is self.search:
            pages = {self.parts_action: self.parts, self.map_action: self.map,
                     self.peers_action: self.peers, self.insights_action: self.insights}
            action = next((action for action in pages if action.isChecked()),
                          self.journal_action)
            self.pages.setCurrentWidget(pages.get(action, self.journal))
            self.page_title.setText(action.text())

    def _open_hit(self, hit: SearchHit) -> None:
        self._leave_search()
        if hit_is_part(hit):
            self.open_part(hit.id)
        else:
            self.open_entry(hit.id)

    # Saving, backup, deleting ----------------------------------------------------------------

    def save_now(self) -> None:
        """Ctrl+S: save whatever is being edited (and never say "Saved" when it wasn't)."""
        if self.flush_all():
            self.show_status(self.tr("Saved"))
        else:
            self.show_status(self.tr("Not saved — see the message beside what you were editing."))

    def flush_all(self) -> bool:
        """Save every pending edit; False if something could not be saved."""
        results = [page.flush() for page in self._pages()]  # every one, even after a failure
        return all(results)

    def unsaved_writing(self) -> UnsavedWriting:
        """Every edit the pages hold that is not stored yet (after a failed flush)."""
        entry = self.journal.editor.unsaved_entry()
        part = self.parts.unsaved_part()
        return UnsavedWriting(entries=(entry,) if entry else (), parts=(part,) if part else (),
                              positions=self.map.unsaved_positions(),
                              display_name=self.peers.my_card.unsaved_name())

    def restore_unsaved(self, entries: list[Entry], parts: list[PartEdit]) -> None:
        """Put edits the journal refused back into the editors, so nothing typed is lost."""
        if parts:
            self.show_parts()
            self.parts.show_unsaved(parts[-1])
        if entries:
            self.show_journal()
            self.journal.show_unsaved(entries[-1])

    def therapy_summary(self) -> None:
        """A readable summary of a period to take to therapy (saved unencrypted, on purpose)."""
        from partsjournal.ui.export.export_dialogs import SummaryDialog

        self.flush_all()
        dialog = SummaryDialog(self.vault, self)
        dialog.saved.connect(lambda path: self.show_status(
            fill(self.tr("Summary saved to %1 — remember it is not encrypted."), str(path))))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_journal(self) -> None:
        """Everything, as JSON or a Markdown folder, for moving elsewhere (unencrypted)."""
        from partsjournal.ui.export.export_dialog import ExportDialog

        self.flush_all()
        dialog = ExportDialog(self.vault, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def import_journal_export(self) -> None:
        """A JSON export brought into this journal (only while it is still empty)."""
        from partsjournal.ui.export.import_dialog import ImportDialog

        self.flush_all()
        dialog = ImportDialog(self.vault, self)
        dialog.imported.connect(lambda _result: self.bus.announce(
            [Change.PARTS, Change.RELATIONS, Change.ENTRIES, Change.POSITIONS, Change.PEERS,
             Change.IDENTITY], dialog))
        dialog.imported.connect(lambda _result: self.show_journal())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def back_up_now(self) -> None:
        """Write a manual backup to a chosen file."""
        self.flush_all()
        written = back_up_to_chosen_file(self, self.vault)
        if written is not None:
            self.show_status(fill(self.tr("Backup saved to %1. It opens with your current "
                                      "passphrase."), str(written)))

    def _entry_deleted(self, entry: Entry) -> None:
        self.undo_stack.push(DeleteEntryCommand(self.vault, entry, self.journal))
        self.show_status(fill(self.tr("Entry deleted. Undo with %1."),
                          QKeySequence(QKeySequence.StandardKey.Undo).toString(
                QKeySequence.SequenceFormat.NativeText)))

    def show_status(self, message: str) -> None:
        """A passing note in the status bar (plain text, gone after a few seconds)."""
        self.statusBar().showMessage(plain_status(message), 5000)

    # Locking ---------------------------------------------------------------------------------

    def clear_all(self) -> None:
        """Empty every widget of journal text (the window is about to go).

        Open dialogs (summary preview, share wizard, import preview...) hold journal text too:
        they are closed first.
        """
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.focus_mode.set_on(False)
        self.journal.clear()
        self.search.clear()
        self.search_field.clear()
        self.undo_stack.clear()
        self.parts.clear()
        self.map.clear()
        self.peers.clear()
        self.insights.clear()
        self.body.clear()
        self.part_body.clear()
        if self.peer_session is not None:
            self.peer_session.clear()

    def set_writing_font(self, family: str, point_size: int) -> None:
        """The face and size the person chose for writing (Settings ▸ Writing)."""
        set_font = getattr(self.journal.editor, "set_writing_font", None)
        if set_font is not None:
            set_font(family, point_size)

    def fit_sidebar(self, panel: int | None = None) -> None:
        """Fold the sidebar to icons when the journal and the panel beside it need the room.

        ``panel`` is the width the peer-session panel is about to take (it is measured when
        shown), so the sidebar folds before the panel arrives and the window need not grow.
        """
        if panel is None:
            dock = self.findChild(QDockWidget, "peer-session")
            shown = dock is not None and dock.isVisible() and not dock.isFloating()
            panel = dock.width() if dock is not None and shown else 0
        room = self.width() - panel - SIDEBAR_WIDTH
        self.sidebar.set_compact(room < self.journal.minimumSizeHint().width() + SPACE_XL)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_sidebar()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.flush_all()
        super().closeEvent(event)
