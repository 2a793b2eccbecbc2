"""Wiring the check-in reminders into the app: made once, told of unlock and lock.

The reminders (ui/checkins/reminders.py) outlive every window, as the controller does, so a
reminder can come while the journal is locked. Kept here so application.py only calls in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from partsjournal.ui.checkins.reminders import NEXT_DUE_FILE, CheckinReminders
from partsjournal.ui.common.changes import Change, Changes
from partsjournal.ui.settings import settings as keys

if TYPE_CHECKING:
    from partsjournal.ui.app.application import AppController
    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.vault import Vault


def _icon() -> QIcon:
    from partsjournal.ui.app.application import app_icon

    return app_icon()


def make_reminders(controller: AppController) -> CheckinReminders:
    """The reminders, their one file beside the settings file, and where their clicks go."""
    path = Path(controller.settings.file_name).parent / NEXT_DUE_FILE
    reminders = CheckinReminders(path, icon=_icon, parent=controller)
    reminders.activated.connect(lambda: bring_forward(controller))
    reminders.notice.connect(lambda text: show_notice(controller, text))
    controller.settings.changed.connect(lambda _key: _follow_setting(controller))
    _follow_setting(controller, reminders)
    return reminders


def _follow_setting(controller: AppController, reminders: CheckinReminders | None = None) -> None:
    target = reminders or controller.reminders
    target.show_names = bool(controller.settings.get(keys.CHECKIN_NAMES_SHOWN))


def after_unlock(controller: AppController, vault: Vault, window: MainWindow) -> None:
    """Show what came due while away (or open the one clicked); follow plans as they change."""
    from partsjournal.ui.checkins.due_dialog import show_due

    reminders = controller.reminders
    due = reminders.attach(vault)

    def changed(changes: object) -> None:
        if isinstance(changes, Changes) and changes.touches(Change.CHECKINS, Change.PARTS):
            reminders.refresh()

    window.announced.connect(changed)
    show_due(window, vault, due, open_first=reminders.open_after_unlock)
    reminders.open_after_unlock = False


def bring_forward(controller: AppController) -> None:
    """A reminder was clicked: the window comes forward; when open, the check-in starts."""
    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.checkins.due_dialog import open_checkin

    shell = controller.shell
    if shell is not None:
        if shell.isMinimized():
            shell.showNormal()
        shell.raise_()
        shell.activateWindow()
    window, vault = controller.window, controller.vault
    reminders = controller.reminders
    if isinstance(window, MainWindow) and vault is not None and reminders.due_now:
        open_checkin(window, vault, reminders.due_now.pop(0))


def show_notice(controller: AppController, text: str) -> None:
    """No system tray: the same words in the window, which asks for attention."""
    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.app.unlock_window import UnlockWindow

    window = controller.window
    if isinstance(window, MainWindow):
        window.show_status(text)
    elif isinstance(window, UnlockWindow):
        window.show_note(text)
    if controller.shell is not None:
        QApplication.alert(controller.shell)
