"""Whole journeys as a person: create → part → entry → search → lock → unlock; auto-lock; canary."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from partsjournal.ui.app import practice_launch
from partsjournal.ui.app.application import AppController
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.app.unlock_window import UnlockWindow
from partsjournal.ui.app.welcome import CreateVaultDialog, WelcomeWindow
from partsjournal.ui.common.passphrase_widgets import RecoveryCodeDialog
from partsjournal.vault import Vault

from ...canary import files_containing, needles
from ...conftest import FAST_KDF
from ..fixtures import unlock_through_the_window

PASSPHRASE = "tulip orbit mackerel lantern"
CANARY = "Canary-GUI-93kq-ørn"


def _create_through_the_gui(qtbot, controller: AppController, modals, folder: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    controller.start()
    assert isinstance(controller.window, WelcomeWindow)

    def fill_create(dialog: QWidget) -> bool:
        assert isinstance(dialog, CreateVaultDialog)
        dialog.folder.setText(str(folder))
        dialog._check_folder()
        qtbot.keyClicks(dialog.passphrase.new_edit, PASSPHRASE)
        qtbot.keyClicks(dialog.passphrase.repeat_edit, PASSPHRASE)
        assert dialog.create_button.isEnabled()
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        return True

    def confirm_code(dialog: QWidget) -> bool:
        assert isinstance(dialog, RecoveryCodeDialog)
        assert not dialog.continue_button.isEnabled()
        dialog.written_down.setChecked(True)
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
        return True

    modals.on(CreateVaultDialog, fill_create)
    modals.on(RecoveryCodeDialog, confirm_code)
    qtbot.mouseClick(controller.window.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.state == "main", timeout=10_000)
    assert modals.seen == ["CreateVaultDialog", "RecoveryCodeDialog"]
    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.window())
    return window


def _unlock(qtbot, controller: AppController, passphrase: str = PASSPHRASE) -> MainWindow:  # type: ignore[no-untyped-def]
    return unlock_through_the_window(qtbot, controller, passphrase)


def _texts_of_every_widget() -> list[str]:
    """Everything any live widget shows or holds, including item-view data."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private
                columns = 1
            for row in range(model.rowCount(QModelIndex())):
                for column in range(columns):
                    texts.append(str(model.index(row, column).data()))
        texts.append(widget.windowTitle())
        texts.append(widget.toolTip())
    return texts


def test_whole_journey(qtbot, controller: AppController, modals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "journal"
    window = _create_through_the_gui(qtbot, controller, modals, folder)

    # Add a part through the Parts page.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.pages.currentWidget() is window.parts
    name_edit = window.parts.findChild(QLineEdit, "part-name") or _first_focus_line(window)
    qtbot.keyClicks(name_edit, "Watchful Planner")
    window.parts.flush()
    part = controller.vault.parts.find_by_name("Watchful Planner")  # type: ignore[union-attr]
    assert part is not None

    # Write an entry that links it.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.journal.editor
    qtbot.keyClicks(editor.title, "Evening check-in")
    qtbot.keyClicks(editor.body, "The planner kept listing tomorrow's tasks.")
    qtbot.keyClicks(editor.part_input, "Watchful Planner")
    qtbot.keyClick(editor.part_input, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.save_state.text() == "Saved"

    # Search finds it; Enter opens it.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_field, "tomorrow")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    assert window.search.model.hit(0).title == "Evening check-in"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.journal
    assert editor.title.text() == "Evening check-in"

    # Lock: the unlock screen, nothing readable.
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.state == "unlock"
    qtbot.waitUntil(lambda: not any("planner" in t.lower() for t in _texts_of_every_widget()))

    # Unlock: everything is there, in the widgets.
    window = _unlock(qtbot, controller)
    assert window.journal.model.index(0, 0).data() == "Evening check-in"
    window.journal.open_entry(window.journal.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1))
    assert window.journal.editor.body.toPlainText() == "The planner kept listing tomorrow's tasks."
    assert [p.name for p in window.journal.editor.presences.presences()] == ["Watchful Planner"]
    window.show_parts()
    names = [window.parts.findChild(QAbstractItemView).model().index(0, 0).data()]  # type: ignore[union-attr]
    assert names


def _first_focus_line(window: MainWindow) -> QLineEdit:
    focus = QApplication.focusWidget()
    assert isinstance(focus, QLineEdit), "the new part's name field should have focus"
    return focus


def test_wrong_passphrase_is_kind_and_keeps_you_on_the_unlock_screen(
        qtbot, controller: AppController, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    controller.start(vault_dir)
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.secret, "not my passphrase")
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "didn't open" in unlock.message.text(), timeout=5000)
    assert unlock.message.textFormat() == Qt.TextFormat.PlainText
    assert controller.state == "unlock" and unlock.secret.isEnabled()
    _unlock(qtbot, controller, PASSPHRASE)


def test_recovery_code_unlock_requires_a_new_passphrase(
        qtbot, controller: AppController, vault_dir: Path, modals) -> None:  # type: ignore[no-untyped-def]
    from partsjournal.ui.common.passphrase_widgets import ChangePassphraseDialog, NewPassphraseForm

    vault, code = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)
    vault.lock()
    controller.start(vault_dir)
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.mouseClick(unlock.toggle, Qt.MouseButton.LeftButton)

    def choose_new(dialog: QWidget) -> bool:
        assert isinstance(dialog, ChangePassphraseDialog)
        if dialog.busy:
            return False
        assert not dialog.current_edit.isVisible()  # no current passphrase after recovery
        new_form = dialog.findChild(NewPassphraseForm)
        assert new_form is not None
        new_form.new_edit.setText("violet canyon ribbon harbor")
        new_form.repeat_edit.setText("violet canyon ribbon harbor")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return True

    modals.on(ChangePassphraseDialog, choose_new)
    qtbot.keyClicks(unlock.secret, code)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == "main", timeout=10_000)
    controller.lock()
    Vault.unlock(vault_dir, "violet canyon ribbon harbor", auto_backup=False).lock()


def test_auto_lock_saves_half_typed_text_first(qtbot, controller: AppController,  # type: ignore[no-untyped-def]
                                                vault_dir: Path) -> None:
    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    controller.start(vault_dir)
    window = _unlock(qtbot, controller)
    window.new_entry()
    editor = window.journal.editor
    editor._autosave.setInterval(60_000)  # make sure only the lock can save it
    qtbot.keyClicks(editor.body, "half a thought about the little one")
    assert editor.is_dirty
    assert controller.idle.watching
    controller.idle.set_timeout(150)
    qtbot.waitUntil(lambda: controller.state == "unlock", timeout=5000)
    assert not any("little one" in t for t in _texts_of_every_widget())
    window = _unlock(qtbot, controller)
    stored = controller.vault.entries.list()  # type: ignore[union-attr]
    assert len(stored) == 1
    assert controller.vault.entries.get(stored[0].id).body == \
        "half a thought about the little one"  # type: ignore[union-attr]


def test_lock_closes_the_database(qtbot, controller: AppController, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    controller.start(vault_dir)
    window = _unlock(qtbot, controller)
    vault = window.vault
    controller.lock()
    assert vault.is_locked
    assert not (vault_dir / "journal.db-wal").exists() or \
        (vault_dir / "journal.db-wal").stat().st_size == 0


def test_canary_typed_in_the_gui_reaches_no_file(qtbot, controller: AppController, modals,  # type: ignore[no-untyped-def]
                                                 tmp_path: Path, settings,
                                                 _private_environment: Path) -> None:
    started = time.time() - 1
    folder = tmp_path / "journal"
    window = _create_through_the_gui(qtbot, controller, modals, folder)
    window.new_part()
    qtbot.keyClicks(_first_focus_line(window), f"Part {CANARY}")
    window.parts.flush()
    window.new_entry()
    qtbot.keyClicks(window.journal.editor.body, f"Body {CANARY}")
    qtbot.keyClicks(window.journal.editor.title, f"Title {CANARY}")
    window.save_now()
    assert controller.vault.search.search("Canary")  # type: ignore[union-attr]
    # A check-in planned with that part, with the canary in its note: its reminder keeps only
    # the next due moment outside the journal.
    from partsjournal.ui.checkins.plan_dialog import PlanCheckinDialog

    def plan(dialog: QWidget) -> bool:
        assert isinstance(dialog, PlanCheckinDialog)
        dialog.part_combo.setCurrentIndex(1)
        qtbot.keyClicks(dialog.note, f"Note {CANARY}")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return True

    modals.on(PlanCheckinDialog, plan)
    practice_launch.plan_checkin(window)
    qtbot.waitUntil(lambda: bool(controller.vault.checkins.list()))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: controller.reminders.next_due is not None)
    controller.lock()
    controller.window.close()  # type: ignore[union-attr]
    wanted = needles(CANARY)
    db = folder / "journal.db"
    assert files_containing(folder, wanted, started, skip=db) == []
    assert CANARY.encode() not in db.read_bytes()
    for place in (_private_environment, Path(tempfile.gettempdir())):
        assert files_containing(place, wanted, started) == [], place
    assert CANARY not in Path(settings.file_name).read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("theme", ["dark", "light", "system"])
def test_theme_applies(qtbot, theme: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    from partsjournal.ui.common.theme import apply_theme

    app = QApplication.instance()
    apply_theme(app, theme)  # type: ignore[arg-type]
    window_color = app.palette().color(QPalette.ColorRole.Window)  # type: ignore[union-attr]
    if theme == "dark":
        assert window_color.lightness() < 80
    elif theme == "light":
        assert window_color.lightness() > 200
    apply_theme(app, "system")  # type: ignore[arg-type]


def test_unlock_backs_up_in_the_background(qtbot, controller: AppController,  # type: ignore[no-untyped-def]
                                           vault_dir: Path) -> None:
    from partsjournal.vault import backup

    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    assert backup.list_backups(vault_dir) == []
    controller.start(vault_dir)
    _unlock(qtbot, controller)
    qtbot.waitUntil(lambda: len(backup.list_backups(vault_dir)) == 1, timeout=5000)
    assert controller.state == "main"


def test_damage_found_after_unlock_locks_and_names_the_backup(
        qtbot, controller: AppController, vault_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from partsjournal.domain import Entry
    from partsjournal.ui.app import application as app_module
    from partsjournal.vault.keyslots import KeySlots

    from ...damage import damage_a_data_page

    vault = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0]
    for i in range(40):
        vault.entries.add(Entry(title=f"e{i}", body="words " * 300))
    vault.backup_now()
    vault.lock()
    key = KeySlots.load(vault_dir / "keyslots.json").unlock_with_passphrase(PASSPHRASE)
    damage_a_data_page(vault_dir / "journal.db", key)
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_error", lambda parent, error: shown.append(str(error)))
    controller.start(vault_dir)
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.secret, PASSPHRASE)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "journal.db" in shown[0] and ".pjbackup" in shown[0]
    assert controller.state == "unlock" and controller.vault is None


def test_a_file_handed_over_while_locked_opens_after_unlock(
        qtbot, controller: AppController, vault_dir: Path,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened: list[Path] = []
    monkeypatch.setattr(MainWindow, "open_file", lambda self, path: opened.append(path))
    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    controller.start(vault_dir)
    bundle = tmp_path / "from Sam.pjbundle"
    controller.open_file(bundle)
    assert opened == [] and controller.pending_file == bundle
    window = _unlock(qtbot, controller)
    assert opened == [bundle] and controller.pending_file is None
    controller.open_file(tmp_path / "card.pjcard")  # while unlocked: at once
    assert opened[-1] == tmp_path / "card.pjcard"
    assert window is controller.window


def test_main_window_pages_and_dropped_files(qtbot, sample_vault: Vault, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = MainWindow(sample_vault)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for key, page in ((Qt.Key.Key_3, window.map), (Qt.Key.Key_4, window.peers),
                      (Qt.Key.Key_2, window.parts), (Qt.Key.Key_1, window.journal)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentWidget() is page
    received: list[Path] = []
    monkeypatch.setattr(window.peers, "open_file", lambda path: received.append(path))
    mime = QMimeData()
    card = tmp_path / "Sam.pjcard"
    mime.setUrls([QUrl.fromLocalFile(str(card))])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert received == [card] and window.pages.currentWidget() is window.peers
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    assert window._dropped_file(mime) is None


def test_locking_closes_open_dialogs_that_hold_journal_text(
        qtbot, controller: AppController, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from partsjournal.domain import Entry

    vault = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0]
    vault.entries.add(Entry(title="Lantern evening", body="The lantern part spoke softly."))
    vault.lock()
    controller.start(vault_dir)
    window = _unlock(qtbot, controller)
    window.therapy_summary()
    window.export_journal()
    qtbot.waitUntil(lambda: sum(d.isVisible() for d in window.findChildren(QDialog)) == 2)
    from partsjournal.ui.export.export_dialogs import SummaryDialog

    summary = window.findChild(SummaryDialog)

    def summary_text() -> str:
        edits = summary.findChildren(QPlainTextEdit) + summary.findChildren(QTextEdit)
        return " ".join(w.toPlainText() for w in edits)

    qtbot.waitUntil(lambda: "antern" in summary_text())
    controller.lock()
    qtbot.waitUntil(lambda: not any("antern" in t for t in _texts_of_every_widget()),
                    timeout=3000)
    assert controller.state == "unlock"


def test_practice_tools_are_wired_into_the_window(qtbot, sample_vault: Vault) -> None:  # type: ignore[no-untyped-def]
    from partsjournal.ui.parts.part_commands import MergePartsCommand
    from partsjournal.ui.practice.guide import GuideDialog
    from partsjournal.ui.practice.guided_session import GuidedSessionDialog

    window = MainWindow(sample_vault)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.insights

    window.guided_session()
    qtbot.waitUntil(lambda: window.findChild(GuidedSessionDialog) is not None
                    and window.findChild(GuidedSessionDialog).isVisible())
    window.findChild(GuidedSessionDialog).reject()

    window.start_peer_session()
    editor = window.journal.editor
    assert editor.kind.currentData() == "peer_session"
    assert window.peer_session is not None and window.peer_session.isVisible()
    qtbot.waitUntil(lambda: "stays here" in editor.agreements.toPlainText())

    window.show_guide()
    assert window.findChild(GuideDialog) is not None

    parts = {p.name: p for p in sample_vault.parts.list()}
    keep, absorb = parts["The Scroller"], parts["The Snapper"]
    entries_before = len(sample_vault.parts.appears_in(absorb.id))
    window._push_part_change(MergePartsCommand(sample_vault, keep.id, absorb.id,
                                               owner=window))
    assert sample_vault.parts.find_by_name("The Snapper") is None
    assert len(sample_vault.parts.appears_in(keep.id)) >= entries_before
    window.undo_action.trigger()
    assert sample_vault.parts.find_by_name("The Snapper") is not None
    assert len(sample_vault.parts.appears_in(absorb.id)) == entries_before


def test_stopping_at_the_new_passphrase_says_the_journal_stays_locked(
        qtbot, controller: AppController, vault_dir: Path, modals) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from partsjournal.ui.common.passphrase_widgets import ChangePassphraseDialog

    vault, code = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)
    vault.lock()
    controller.start(vault_dir)
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.mouseClick(unlock.toggle, Qt.MouseButton.LeftButton)
    asked: list[str] = []

    def cancel(dialog: QWidget) -> bool:
        assert isinstance(dialog, ChangePassphraseDialog)
        dialog.reject()
        return True

    def go_back(box: QWidget) -> bool:  # the first time: back to choosing
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Choose a passphrase").click()
        return True

    def keep_locked(box: QWidget) -> bool:  # the second time: leave it locked
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Keep it locked").click()
        return True

    for handler in (cancel, go_back, cancel, keep_locked):
        modals.on(ChangePassphraseDialog if handler is cancel else QMessageBox, handler)
    qtbot.keyClicks(unlock.secret, code)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == "unlock" and controller.window is not unlock,
                    timeout=10_000)
    assert asked == ["Your journal opens once it has a new passphrase."] * 2
    again = controller.window
    assert isinstance(again, UnlockWindow)
    assert again.secret.accessibleName() == "Recovery code"
    assert again.message.text().startswith("Your journal is still locked: it needs a new "
                                           "passphrase")
    assert controller.vault is None or controller.vault.is_locked
    Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False).lock()  # its keys are as they were
    Vault.unlock_with_recovery_code(vault_dir, code, auto_backup=False).lock()
