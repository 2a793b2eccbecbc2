"""Check-ins after the work, as a person meets them: plan one, be reminded locked, write it.

The clock is moved by hand; a reminder is looked for by calling ``check_now`` (what the timer
calls), so nothing waits. The notification's words are asserted exactly: while locked they may
say nothing but that a check-in is due.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from partsjournal.domain import EntryKind, Part, Role
from partsjournal.domain.checkins import CheckinPlan
from partsjournal.ui.app.application import AppController
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.app.unlock_window import UnlockWindow
from partsjournal.ui.checkins.due_dialog import DueDialog
from partsjournal.ui.checkins.plan_dialog import PlanCheckinDialog
from partsjournal.ui.checkins.planned_dialog import PlannedCheckinsDialog
from partsjournal.ui.checkins.reminders import NEXT_DUE_FILE, CheckinReminders, read_next_due
from partsjournal.ui.settings.settings import CHECKIN_NAMES_SHOWN, Settings
from partsjournal.vault import Vault

from ...canary import files_containing, needles
from ...conftest import FAST_KDF, PASSPHRASE
from ..fixtures import unlock_through_the_window

SECRET = "Eight-canary-7hq"
LOCKED_WORDS = "A check-in you planned is due"


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(second=0, microsecond=0)

    def __call__(self) -> datetime:
        return self.now


def soon(clock: Clock, minutes: int = 5) -> time:
    local = (clock.now + timedelta(minutes=minutes)).astimezone()
    return time(local.hour, local.minute)


def test_planning_in_the_dialog_stores_what_was_chosen(qtbot: QtBot, vault: Vault) -> None:
    eight = vault.parts.add(Part(name="Eight", role=Role.EXILE))
    dialog = PlanCheckinDialog(vault, part_id=eight.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.part_combo.currentText() == "Eight"
    dialog.time_edit.setTime(QTime(7, 15))
    qtbot.mouseClick(dialog.some_days, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.some_days.height() // 2))
    assert dialog.some_days.isChecked() and dialog.day_boxes[0].isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible()  # no day chosen yet: said, and the dialog stays
    assert dialog.problem.text() == "Choose at least one day, or “Every day”."
    assert vault.checkins.list() == []
    dialog.day_boxes[0].setChecked(True)
    dialog.day_boxes[3].setChecked(True)
    qtbot.keyClicks(dialog.note, "ask how the light feels")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [plan] = vault.checkins.list()
    assert (plan.part_id, plan.at, plan.weekdays, plan.note) == (
        eight.id, time(7, 15), frozenset({1, 4}), "ask how the light feels")
    assert plan.until is not None

    planned = PlannedCheckinsDialog(vault)
    qtbot.addWidget(planned)
    planned.show()
    line = planned.model.index(0, 0).data()
    assert line.startswith("Eight — Mon, Thu at 07:15 until ")
    assert "next: " in line and line.endswith("ask how the light feels")
    qtbot.mouseClick(planned.stop_button, Qt.MouseButton.LeftButton)
    assert vault.checkins.list() == [] and planned.empty.isVisible()


def icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor("#2a7f7a"))
    return QIcon(pixmap)


#: Offscreen Qt has no tray window to follow; it says so once a tray icon shows.
NO_TRAY_WINDOW = pytest.mark.qt_log_ignore("systemTrayWindowChanged")


@NO_TRAY_WINDOW
def test_locked_the_reminder_says_only_that_a_check_in_is_due(
        qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda self, title, text, *args: shown.append((title, text)))
    clock = Clock()
    eight = vault.parts.add(Part(name=f"<b>{SECRET}</b>", role=Role.EXILE))
    vault.checkins.add(CheckinPlan(part_id=eight.id, at=soon(clock), note=SECRET))
    state = tmp_path / "config" / NEXT_DUE_FILE
    reminders = CheckinReminders(state, clock=clock, tray_available=lambda: True,
                                 icon=icon)
    reminders.show_names = True  # chosen in Settings: still nothing while locked
    assert reminders.attach(vault) == []
    due = reminders.next_due
    assert due is not None and due > clock.now
    assert read_next_due(state) == due
    assert state.read_text(encoding="ascii") == due.isoformat()  # a time and nothing else
    reminders.detach()
    vault.lock()
    clock.now = due - timedelta(seconds=1)
    reminders.check_now()
    assert shown == []
    clock.now = due + timedelta(seconds=30)
    reminders.check_now()
    assert shown == [("Parts Journal", LOCKED_WORDS)]
    reminders.check_now()
    assert len(shown) == 1  # once, not every tick
    assert files_containing(tmp_path, needles(SECRET)) == []


@NO_TRAY_WINDOW
def test_open_with_names_chosen_it_names_the_part_as_plain_text(
        qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda self, title, text, *args: shown.append(text))
    clock = Clock()
    eight = vault.parts.add(Part(name="<b>Eight</b> & co", role=Role.EXILE))
    vault.checkins.add(CheckinPlan(part_id=eight.id, at=soon(clock)))
    reminders = CheckinReminders(tmp_path / NEXT_DUE_FILE, clock=clock,
                                 tray_available=lambda: True, icon=icon)
    reminders.attach(vault)
    clock.now += timedelta(minutes=6)
    reminders.check_now()
    assert shown == [LOCKED_WORDS]  # names are off unless chosen
    assert [p.part_id for p in reminders.due_now] == [eight.id]
    reminders.show_names = True
    clock.now += timedelta(days=1)
    reminders.check_now()
    assert shown[-1] == "Time to check in with &lt;b&gt;Eight&lt;/b&gt; &amp; co"
    assert reminders.last_text == "Time to check in with <b>Eight</b> & co"
    reminders.detach()


def _journal_with_a_plan(vault_dir: Path, clock: Clock) -> str:
    vault, _ = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)
    eight = vault.parts.add(Part(name=SECRET, role=Role.EXILE))
    vault.checkins.add(CheckinPlan(part_id=eight.id, at=soon(clock), note=f"note {SECRET}"))
    vault.lock()
    return eight.id


def test_due_while_locked_then_unlock_opens_the_check_in(
        qtbot: QtBot, controller: AppController, vault_dir: Path, settings: Settings) -> None:
    clock = Clock()
    eight_id = _journal_with_a_plan(vault_dir, clock)
    controller.reminders.clock = clock
    controller.start(vault_dir)
    window = unlock_through_the_window(qtbot, controller, PASSPHRASE)
    assert controller.reminders.next_due is not None
    notices: list[str] = []
    controller.reminders.notice.connect(notices.append)
    controller.lock()
    assert controller.state == "unlock"
    clock.now += timedelta(minutes=10)
    controller.reminders.check_now()  # no tray offscreen: the unlock page says it
    assert notices == [LOCKED_WORDS]
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    assert LOCKED_WORDS in [label.text() for label in unlock.findChildren(QLabel)]
    assert not any(SECRET in w.text() for w in QApplication.allWidgets()
                   if isinstance(w, QLabel))
    controller.reminders.clicked()  # the person clicks the notification
    window = unlock_through_the_window(qtbot, controller, PASSPHRASE)
    editor = window.journal.editor
    assert editor.kind.currentData() == EntryKind.CHECK_IN.value
    assert [p.part_id for p in editor.presences.presences()] == [eight_id]
    assert editor.presences.presences()[0].name == SECRET
    assert settings.file_name and files_containing(
        Path(settings.file_name).parent, needles(SECRET)) == []


def test_the_next_start_shows_what_was_due_while_closed(
        qtbot: QtBot, vault_dir: Path, settings: Settings, modals) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    _journal_with_a_plan(vault_dir, clock)
    first = AppController(settings, kdf_profile=FAST_KDF)
    first.reminders.clock = clock
    first.start(vault_dir)
    unlock_through_the_window(qtbot, first, PASSPHRASE)
    first.lock()
    kept = first.reminders.next_due
    first._close_vault()
    first.shell.close()  # type: ignore[union-attr]
    # Closed for two days. The next start knows only the moment, and says a check-in is due.
    clock.now += timedelta(days=2)
    second = AppController(settings, kdf_profile=FAST_KDF)
    second.reminders.clock = clock
    assert second.reminders.next_due == kept
    notices: list[str] = []
    second.reminders.notice.connect(notices.append)
    second.start(vault_dir)
    second.reminders.check_now()
    assert notices == [LOCKED_WORDS]
    unlock = second.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.secret, PASSPHRASE)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: second.state == "main", timeout=10_000)
    window = second.window
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.findChild(DueDialog) is not None)
    dialog = window.findChild(DueDialog)
    assert dialog.model.rowCount() == 1
    line = dialog.model.index(0, 0).data()
    assert line.startswith(f"{SECRET} — due ") and "(due 2 times while you were away)" in line
    assert line.endswith(f"note {SECRET}")
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert isinstance(second.window, MainWindow)
    assert [p.name for p in window.journal.editor.presences.presences()] == [SECRET]
    # Shown once: the next unlock lists nothing more.
    assert all(p.handled_until is not None for p in second.vault.checkins.list())  # type: ignore[union-attr]
    second.keeper.discard()
    second._close_vault()
    second.shell.close()  # type: ignore[union-attr]


def test_the_setting_reaches_the_reminders(controller: AppController,
                                           settings: Settings) -> None:
    assert controller.reminders.show_names is False
    settings.set(CHECKIN_NAMES_SHOWN, True)
    assert controller.reminders.show_names is True


def test_a_check_in_stopped_just_before_it_was_due_says_nothing(
        qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    clock = Clock()
    plan = vault.checkins.add(CheckinPlan(part_id=None, at=soon(clock)))
    reminders = CheckinReminders(tmp_path / NEXT_DUE_FILE, clock=clock,
                                 tray_available=lambda: False)
    notices: list[str] = []
    reminders.notice.connect(notices.append)
    reminders.attach(vault)
    vault.checkins.end(plan.id)  # the timer has not heard of it yet
    clock.now += timedelta(minutes=6)
    reminders.check_now()
    assert notices == [] and reminders.next_due is None
    assert not (tmp_path / NEXT_DUE_FILE).exists()
    reminders.detach()


def test_opening_the_sample_leaves_the_persons_next_due_time_alone(
        qtbot: QtBot, controller: AppController, vault: Vault, settings: Settings) -> None:
    kept = Clock().now + timedelta(days=1)
    state = Path(settings.file_name).parent / NEXT_DUE_FILE
    state.write_text(kept.isoformat(), encoding="ascii")
    controller.show_main(vault, sample=True)
    assert read_next_due(state) == kept
    controller.window.clear_all()  # type: ignore[union-attr]
    controller._close_vault()
    assert read_next_due(state) == kept
