"""Starting a practice from the main window: the 6 F's, the unburdening path, a peer session.

Each practice is a dialog or a panel of its own (ui/practice/); what is left to the window is
to save what is open first, to hand it the vault and to open the entry a practice wrote. Kept
here so the main window stays a window (layout and wiring) and each practice starts one way,
from the Practice menu and from a part's page alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from partsjournal.domain.model import EntryKind

if TYPE_CHECKING:
    from partsjournal.ui.app.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def guided_session(window: MainWindow) -> None:
    """A solo session through the 6 F's; the answers become an entry (and maybe a part)."""
    from partsjournal.ui.practice.guided_session import GuidedSessionDialog

    window.flush_all()
    dialog = GuidedSessionDialog(window.vault, window)
    dialog.entry_created.connect(window.open_entry)
    dialog.paused.connect(lambda _draft: window.show_status(
        _tr("Session paused. Pick it up again from Practice ▸ Guided self-session.")))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def unburdening_path(window: MainWindow, part_id: str | None = None) -> None:
    """The steps after befriending an exile; a protector's turn opens the 6 F's with it."""
    from partsjournal.ui.practice.unburdening_dialog import open_unburdening

    window.flush_all()  # a stage just changed on the Parts page is stored first
    dialog = open_unburdening(window, window.vault, part_id, open_entry=window.open_entry)
    dialog.paused.connect(lambda _draft: window.show_status(_tr(
        "Session paused. Pick it up again from Practice ▸ Unburdening path with an exile.")))


def start_peer_session(window: MainWindow) -> None:
    """The time-boxed peer-session panel beside the entry it is recorded in."""
    from partsjournal.ui.practice.peer_session import PeerSessionPanel

    window.show_journal()
    editor = window.journal.editor
    if editor.entry_id is None or editor.kind.currentData() != EntryKind.PEER_SESSION.value:
        window.journal.new_entry(EntryKind.PEER_SESSION)
    if window.peer_session is None:
        panel = window.peer_session = PeerSessionPanel(window.vault, window)
        panel.status.connect(window.show_status)
        panel.new_session_requested.connect(lambda: new_peer_session(window))
        dock = QDockWidget(_tr("Peer session"), window)
        dock.setObjectName("peer-session")
        dock.setWidget(panel)
        # The panel takes its room from the journal, not from the screen: the window keeps
        # its size (it used to grow by ~300 px and stay wide after the panel closed).
        size = window.size()
        window.fit_sidebar(panel=panel.minimumSizeHint().width())
        dock.visibilityChanged.connect(lambda _shown: window.fit_sidebar())
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        if layout is not None:
            layout.activate()  # the folded sidebar's width counts from now
        window.resize(size)
        window.resizeDocks([dock], [dock.minimumSizeHint().width()], Qt.Orientation.Horizontal)
        panel.attach(editor)
    entry = editor.collect()
    if entry is not None:
        window.peer_session.load_entry(entry)
    dock_widget = window.peer_session.parentWidget()
    if dock_widget is not None:
        dock_widget.show()


def new_peer_session(window: MainWindow) -> None:
    """Another session after one ended: a new peer-session entry, the clock ready again."""
    panel = window.peer_session
    if panel is None or not window.flush_all():
        return
    window.show_journal()
    window.journal.new_entry(EntryKind.PEER_SESSION)
    panel.reset()
    entry = window.journal.editor.collect()
    if entry is not None:
        panel.load_entry(entry)
    window.show_status(_tr("A new peer-session entry is ready; start when you are both ready."))


def show_guide(window: MainWindow) -> None:
    """F1: short pages on parts, the 6 F's, the 8 C's and peer practice."""
    from partsjournal.ui.practice.guide import GuideDialog

    dialog = GuideDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


def plan_checkin(window: MainWindow) -> None:
    """Plan a check-in with the part shown (or the open entry's first part)."""
    from partsjournal.ui.checkins.plan_dialog import PlanCheckinDialog

    window.flush_all()
    editor = window.journal.editor
    present = [p.part_id for p in editor.presences.presences() if p.part_id]
    part_id = window.parts.current_part_id() if window.parts.isVisible() else None
    dialog = PlanCheckinDialog(window.vault, window, part_id=part_id or next(iter(present), None),
                               source_entry_id=editor.entry_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: window.show_status(
        _tr("Check-in planned. Practice ▸ Planned check-ins… lists it.")))
    dialog.open()


def planned_checkins(window: MainWindow) -> None:
    """Every planned check-in, with a way to plan another or stop one."""
    from partsjournal.ui.checkins.planned_dialog import PlannedCheckinsDialog

    dialog = PlannedCheckinsDialog(window.vault, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
