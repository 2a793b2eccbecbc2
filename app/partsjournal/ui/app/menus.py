"""The main window's menu bar: File, Edit, View, Practice, Help.

Built here rather than in main_window.py so the window module holds layout and wiring only; the
actions call the window's own methods, and the shortcuts are listed in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from partsjournal.ui.app import practice_launch
from partsjournal.ui.app.about import show_about
from partsjournal.ui.app.edit_actions import EditActions

if TYPE_CHECKING:
    from partsjournal.ui.app.main_window import MainWindow


def tr(text: str) -> str:
    """Translated in the main window's context, where these strings always were."""
    return QCoreApplication.translate("MainWindow", text)


def build_menus(window: MainWindow) -> None:
    """Add the menus to ``window``; the room and lock actions already exist (the sidebar's)."""
    menu = window.menuBar()
    file_menu = menu.addMenu(tr("&File"))
    window.new_entry_action = file_menu.addAction(tr("&New entry"))
    window.new_entry_action.setShortcut(QKeySequence.StandardKey.New)
    window.new_entry_action.triggered.connect(window.new_entry)
    window.new_part_action = file_menu.addAction(tr("New &part"))
    window.new_part_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    window.new_part_action.triggered.connect(window.new_part)
    window.save_action = file_menu.addAction(tr("&Save"))
    window.save_action.setShortcut(QKeySequence.StandardKey.Save)
    window.save_action.triggered.connect(window.save_now)
    file_menu.addSeparator()
    import_bundle = file_menu.addAction(tr("&Import a bundle from a peer…"))
    import_bundle.setShortcut(QKeySequence("Ctrl+I"))
    import_bundle.triggered.connect(window.import_bundle)
    file_menu.addSeparator()
    summary = file_menu.addAction(tr("&Therapy-prep summary…"))
    summary.triggered.connect(window.therapy_summary)
    export = file_menu.addAction(tr("&Export journal…"))
    export.triggered.connect(window.export_journal)
    import_export = file_menu.addAction(tr("Import a journal e&xport…"))
    import_export.triggered.connect(window.import_journal_export)
    file_menu.addSeparator()
    backup = file_menu.addAction(tr("&Back up now…"))
    backup.triggered.connect(window.back_up_now)
    file_menu.addSeparator()
    file_menu.addAction(window.lock_action)
    quit_action = file_menu.addAction(tr("&Quit"))
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    # The top-level window: this one, or the app window it is a page of.
    quit_action.triggered.connect(lambda: window.window().close())

    edit = menu.addMenu(tr("&Edit"))
    window.edit_actions = actions = EditActions(window, window.undo_stack)
    window.undo_action, window.redo_action = actions.undo, actions.redo
    edit.addAction(actions.undo)
    edit.addAction(actions.redo)
    edit.addSeparator()
    for action in (actions.cut, actions.copy, actions.paste, actions.select_all):
        edit.addAction(action)
    edit.addSeparator()
    find = edit.addAction(tr("&Find…"))
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.triggered.connect(window.focus_search)
    edit.addSeparator()
    preferences = edit.addAction(tr("&Preferences…"))
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    preferences.setShortcuts(keys or [QKeySequence("Ctrl+,")])
    preferences.triggered.connect(window.settings_requested)

    view = menu.addMenu(tr("&View"))
    for action in (window.journal_action, window.parts_action, window.map_action,
                   window.peers_action, window.insights_action, window.this_week_action,
                   window.body_action):
        view.addAction(action)
    view.addSeparator()
    view.addAction(window.focus_mode.action)

    practice = menu.addMenu(tr("P&ractice"))
    guided = practice.addAction(tr("&Guided self-session (the 6 F's)…"))
    guided.setShortcut(QKeySequence("Ctrl+G"))
    guided.triggered.connect(window.guided_session)
    unburdening = practice.addAction(tr("&Unburdening path with an exile…"))
    unburdening.triggered.connect(lambda: window.unburdening_path())  # not triggered's bool
    peer = practice.addAction(tr("&Peer session with timer and agreements…"))
    peer.triggered.connect(window.start_peer_session)
    checkin = practice.addAction(tr("Plan a &check-in…"))
    checkin.triggered.connect(lambda: practice_launch.plan_checkin(window))
    planned = practice.addAction(tr("Planned check-&ins…"))
    planned.triggered.connect(lambda: practice_launch.planned_checkins(window))
    practice.addSeparator()
    merge = practice.addAction(tr("&Merge two parts…"))
    merge.triggered.connect(window._merge_parts)
    split = practice.addAction(tr("&Split off a new part…"))
    split.triggered.connect(window._split_part)

    help_menu = menu.addMenu(tr("&Help"))
    guide = help_menu.addAction(tr("&Guide to parts work"))
    guide.setShortcut(QKeySequence.StandardKey.HelpContents)
    guide.triggered.connect(window.show_guide)
    about = help_menu.addAction(tr("&About Parts Journal"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window))
