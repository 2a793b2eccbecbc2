"""The settings dialog and the passphrase/recovery dialogs, driven through their real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from partsjournal.errors import WrongPassphrase
from partsjournal.flows.strength import assess
from partsjournal.ui.common.passphrase_widgets import (
    ChangePassphraseDialog,
    NewPassphraseForm,
    RecoveryCodeDialog,
)
from partsjournal.ui.common.theme import apply_theme, dark_palette
from partsjournal.ui.settings import settings as keys
from partsjournal.ui.settings.settings import Settings
from partsjournal.ui.settings.settings_dialog import PATH_ROLE, SettingsDialog
from partsjournal.vault import Vault
from partsjournal.vault.backup import list_backups, open_backup

from ...conftest import PASSPHRASE

NEW_PASSPHRASE = "quiet harbour lantern migrates sideways"
WEAK = "password1"
WINDOW = QPalette.ColorRole.Window


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "s.ini")


@pytest.fixture
def theme_restored(qapp: QApplication) -> Iterator[None]:
    """Whatever a test does to the theme, the next test starts with the system look."""
    yield
    apply_theme(qapp, "system")


@pytest.fixture
def dialog(qtbot: QtBot, settings: Settings, vault: Vault, theme_restored: None
           ) -> SettingsDialog:
    shown = SettingsDialog(settings, vault)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what is there and type over it, like a person would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def unlocks_with(vault_dir: Path, passphrase: str) -> bool:
    try:
        Vault.unlock(vault_dir, passphrase, auto_backup=False).lock()
    except WrongPassphrase:
        return False
    return True


def open_change_dialog(qtbot: QtBot, dialog: SettingsDialog) -> ChangePassphraseDialog:
    dialog.tabs.setCurrentIndex(3)
    click(qtbot, dialog.change_button)
    change = dialog.change_dialog
    assert change is not None and change.isVisible()
    return change


# Preferences ---------------------------------------------------------------------------------

def test_preferences_are_saved_by_ok(qtbot: QtBot, dialog: SettingsDialog, tmp_path: Path
                                     ) -> None:
    assert dialog.auto_lock_spin.value() == 10  # the default
    type_into(qtbot, dialog.auto_lock_spin, "12")
    click(qtbot, dialog.lock_minimised_check)
    type_into(qtbot, dialog.keep_spin, "30")
    copy_dir = tmp_path / "usb"
    copy_dir.mkdir()
    type_into(qtbot, dialog.copy_dir_edit, str(copy_dir))

    with qtbot.waitSignal(dialog.settings_changed):
        click(qtbot, dialog.ok_button)

    assert dialog.result() == QDialog.DialogCode.Accepted
    reread = Settings(tmp_path / "s.ini")
    assert reread.get(keys.AUTO_LOCK_MINUTES) == 12
    assert reread.get(keys.LOCK_ON_MINIMISE) is True
    assert reread.get(keys.BACKUPS_KEEP) == 30
    assert reread.get(keys.BACKUP_COPY_DIR) == str(copy_dir)


def test_opens_on_the_auto_lock_time_and_says_what_counts(qtbot: QtBot, dialog: SettingsDialog
                                                          ) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.auto_lock_spin
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith("Typing, clicking, scrolling and moving the mouse") for t in texts)


def test_cancel_discards_preferences(qtbot: QtBot, dialog: SettingsDialog, tmp_path: Path
                                     ) -> None:
    type_into(qtbot, dialog.auto_lock_spin, "45")
    click(qtbot, dialog.lock_minimised_check)
    type_into(qtbot, dialog.keep_spin, "3")

    with qtbot.assertNotEmitted(dialog.settings_changed):
        click(qtbot, dialog.cancel_button)

    assert dialog.result() == QDialog.DialogCode.Rejected
    reread = Settings(tmp_path / "s.ini")
    assert reread.get(keys.AUTO_LOCK_MINUTES) == 10  # the default
    assert reread.get(keys.LOCK_ON_MINIMISE) is False
    assert reread.get(keys.BACKUPS_KEEP) == 7


def test_spin_boxes_keep_to_their_ranges(qtbot: QtBot, dialog: SettingsDialog) -> None:
    type_into(qtbot, dialog.auto_lock_spin, "999")
    type_into(qtbot, dialog.keep_spin, "999")
    assert dialog.auto_lock_spin.value() <= 240
    assert dialog.keep_spin.value() <= 60
    assert (dialog.auto_lock_spin.minimum(), dialog.keep_spin.minimum()) == (1, 1)


def test_opens_with_the_stored_preferences(qtbot: QtBot, settings: Settings, vault: Vault,
                                           theme_restored: None) -> None:
    settings.set(keys.AUTO_LOCK_MINUTES, 17)
    settings.set(keys.LOCK_ON_MINIMISE, True)
    settings.set(keys.THEME, "light")
    settings.set(keys.BACKUPS_KEEP, 9)
    shown = SettingsDialog(settings, vault)
    qtbot.addWidget(shown)
    assert shown.auto_lock_spin.value() == 17
    assert shown.lock_minimised_check.isChecked()
    assert shown.theme_combo.currentData() == "light"
    assert shown.keep_spin.value() == 9


def test_theme_applies_at_once_and_cancel_takes_it_back(
        qtbot: QtBot, dialog: SettingsDialog, qapp: QApplication, tmp_path: Path) -> None:
    before = qapp.palette().color(WINDOW)
    dark = dark_palette().color(WINDOW)
    assert before != dark

    dialog.theme_combo.setFocus()
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    assert qapp.palette().color(WINDOW) == dark

    click(qtbot, dialog.cancel_button)
    assert qapp.palette().color(WINDOW) == before
    assert Settings(tmp_path / "s.ini").get(keys.THEME) == "system"


def test_theme_is_kept_after_ok(qtbot: QtBot, dialog: SettingsDialog, qapp: QApplication,
                                tmp_path: Path) -> None:
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    click(qtbot, dialog.ok_button)
    assert qapp.palette().color(WINDOW) == dark_palette().color(WINDOW)
    assert Settings(tmp_path / "s.ini").get(keys.THEME) == "dark"


def test_escape_also_takes_the_theme_back(qtbot: QtBot, dialog: SettingsDialog,
                                          qapp: QApplication) -> None:
    before = qapp.palette().color(WINDOW)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert qapp.palette().color(WINDOW) == before


def test_extra_backup_folder_browse_and_clear(qtbot: QtBot, dialog: SettingsDialog,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    chosen = tmp_path / "stick"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: str(chosen))
    click(qtbot, dialog.browse_button)
    assert dialog.copy_dir_edit.text() == str(chosen)
    click(qtbot, dialog.clear_button)
    assert dialog.copy_dir_edit.text() == ""
    click(qtbot, dialog.browse_button)
    click(qtbot, dialog.ok_button)
    assert Settings(tmp_path / "s.ini").get(keys.BACKUP_COPY_DIR) == str(chosen)


def test_missing_extra_backup_folder_keeps_the_dialog_open(
        qtbot: QtBot, dialog: SettingsDialog, tmp_path: Path) -> None:
    type_into(qtbot, dialog.copy_dir_edit, str(tmp_path / "unplugged"))
    with qtbot.assertNotEmitted(dialog.settings_changed):
        click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.backups_page
    assert dialog.copy_dir_problem.isVisible()
    assert "doesn't exist" in dialog.copy_dir_problem.text()
    assert Settings(tmp_path / "s.ini").get(keys.BACKUP_COPY_DIR) == ""


# Backups -------------------------------------------------------------------------------------

def test_back_up_now_writes_a_backup_that_opens_with_the_passphrase(
        qtbot: QtBot, dialog: SettingsDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def save_as(_parent: QWidget, _title: str, default: str, _filter: str) -> tuple[str, str]:
        offered.append(default)
        return str(tmp_path / "stick" / "<b>my backup</b>"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    dialog.tabs.setCurrentWidget(dialog.backups_page)
    click(qtbot, dialog.backup_now_button)

    written = tmp_path / "stick" / "<b>my backup</b>.pjbackup"
    assert written.is_file()
    assert Path(offered[0]).name.startswith("parts-journal-")
    assert Path(offered[0]).name.endswith(".pjbackup")
    assert len(Path(offered[0]).stem) == len("parts-journal-YYYYMMDD")
    _slots, key, _ = open_backup(written, PASSPHRASE)
    assert len(key) == 32

    message = dialog.last_message
    assert message is not None and message.isVisible()
    assert message.textFormat() == Qt.TextFormat.PlainText
    assert str(written) in message.text()
    assert "passphrase you use now" in message.informativeText()


def test_cancelled_save_dialog_writes_nothing(qtbot: QtBot, dialog: SettingsDialog,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    click(qtbot, dialog.backup_now_button)
    assert dialog.last_message is None
    assert not list(tmp_path.rglob("parts-journal-*.pjbackup"))


def test_automatic_backups_are_listed_newest_first(qtbot: QtBot, settings: Settings,
                                                   vault: Vault, qtmodeltester: object,
                                                   theme_restored: None) -> None:
    first = vault.backup_now(reason="pre-migration")
    shown = SettingsDialog(settings, vault)
    qtbot.addWidget(shown)
    model = shown.backup_model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    paths = list_backups(vault.folder)
    assert model.rowCount() == len(paths) >= 1
    assert [model.index(r).data(PATH_ROLE) for r in range(model.rowCount())] == \
        [str(p) for p in paths]
    texts = [model.index(r).data() for r in range(model.rowCount())]
    row = [str(p) for p in paths].index(str(first))
    assert "before an update" in texts[row]
    assert any(ch.isdigit() for ch in texts[row])
    assert shown.backups_empty.isHidden()


def test_without_a_vault_the_vault_actions_are_unavailable(
        qtbot: QtBot, settings: Settings, theme_restored: None) -> None:
    shown = SettingsDialog(settings, None)
    qtbot.addWidget(shown)
    shown.show()
    for button in (shown.backup_now_button, shown.change_button, shown.new_code_button):
        assert not button.isEnabled()
    assert shown.backup_model.rowCount() == 0
    assert "Open a journal" in shown.backups_empty.text()
    type_into(qtbot, shown.auto_lock_spin, "9")
    click(qtbot, shown.ok_button)
    assert settings.get(keys.AUTO_LOCK_MINUTES) == 9


# Passphrase ----------------------------------------------------------------------------------

def test_wrong_current_passphrase_is_said_inline_and_changes_nothing(
        qtbot: QtBot, dialog: SettingsDialog, vault: Vault) -> None:
    slots_before = (vault.folder / "keyslots.json").read_bytes()
    change = open_change_dialog(qtbot, dialog)
    qtbot.keyClicks(change.current_edit, "not my passphrase")
    qtbot.keyClicks(change.form.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(change.form.repeat_edit, NEW_PASSPHRASE)
    click(qtbot, change.ok_button)
    assert change.busy
    assert change.busy_box.isVisible()
    assert not change.cancel_button.isEnabled()

    qtbot.waitUntil(lambda: not change.busy)
    assert change.isVisible()
    assert change.error_label.isVisible()
    assert "isn't the current passphrase" in change.error_label.text()
    assert (vault.folder / "keyslots.json").read_bytes() == slots_before
    assert unlocks_with(vault.folder, PASSPHRASE)
    assert not unlocks_with(vault.folder, NEW_PASSPHRASE)

    # Typing again clears the message.
    qtbot.keyClicks(change.current_edit, "x")
    assert not change.error_label.isVisible()


def test_changing_the_passphrase_with_the_right_one(qtbot: QtBot, dialog: SettingsDialog,
                                                    vault: Vault) -> None:
    change = open_change_dialog(qtbot, dialog)
    assert not change.ok_button.isEnabled()
    qtbot.keyClicks(change.current_edit, PASSPHRASE)
    qtbot.keyClicks(change.form.new_edit, NEW_PASSPHRASE)
    assert not change.ok_button.isEnabled()  # not repeated yet
    qtbot.keyClicks(change.form.repeat_edit, NEW_PASSPHRASE)
    assert change.ok_button.isEnabled()

    with qtbot.waitSignal(change.accepted):
        click(qtbot, change.ok_button)

    assert unlocks_with(vault.folder, NEW_PASSPHRASE)
    assert not unlocks_with(vault.folder, PASSPHRASE)
    message = dialog.last_message
    assert message is not None and "new passphrase" in message.text()


def test_weak_passphrase_keeps_ok_disabled_and_the_meter_warns(qtbot: QtBot, vault: Vault
                                                                ) -> None:
    change = ChangePassphraseDialog(vault)
    qtbot.addWidget(change)
    change.show()
    qtbot.keyClicks(change.current_edit, PASSPHRASE)
    qtbot.keyClicks(change.form.new_edit, WEAK)
    qtbot.keyClicks(change.form.repeat_edit, WEAK)

    expected = assess(WEAK)
    assert not expected.acceptable and expected.warning
    meter = change.form.meter
    assert meter.bar.value() == expected.score
    assert meter.verdict.text() in ("Very weak", "Weak", "Fair")
    assert expected.warning in meter.details.text()
    assert "to guess" in meter.details.text()
    assert "too easy to guess" in change.form.problem_label.text()
    assert not change.ok_button.isEnabled()
    # Enter in the last field doesn't sneak past the disabled button.
    qtbot.keyClick(change.form.repeat_edit, Qt.Key.Key_Return)
    assert not change.busy
    assert unlocks_with(vault.folder, PASSPHRASE)


def test_mismatched_repeat_keeps_ok_disabled(qtbot: QtBot, vault: Vault) -> None:
    change = ChangePassphraseDialog(vault)
    qtbot.addWidget(change)
    change.show()
    qtbot.keyClicks(change.current_edit, PASSPHRASE)
    qtbot.keyClicks(change.form.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(change.form.repeat_edit, NEW_PASSPHRASE[:-1] + "X")
    assert "don't match" in change.form.problem_label.text()
    assert not change.ok_button.isEnabled()


def test_after_recovery_unlock_no_current_passphrase_is_asked(
        qtbot: QtBot, vault_with_code: tuple[Vault, str]) -> None:
    original, code = vault_with_code
    original.lock()
    vault = Vault.unlock_with_recovery_code(original.folder, code, auto_backup=False)
    try:
        assert vault.needs_new_passphrase
        change = ChangePassphraseDialog(vault)
        qtbot.addWidget(change)
        change.show()
        assert not change.current_edit.isVisible()
        assert "recovery code" in change.intro_label.text()
        qtbot.keyClicks(change.form.new_edit, NEW_PASSPHRASE)
        qtbot.keyClicks(change.form.repeat_edit, NEW_PASSPHRASE)
        with qtbot.waitSignal(change.accepted):
            click(qtbot, change.ok_button)
        assert not vault.needs_new_passphrase
        assert unlocks_with(vault.folder, NEW_PASSPHRASE)
    finally:
        vault.lock()


def test_show_toggle_reveals_every_passphrase_field(qtbot: QtBot, vault: Vault) -> None:
    change = ChangePassphraseDialog(vault)
    qtbot.addWidget(change)
    change.show()
    fields = (change.current_edit, change.form.new_edit, change.form.repeat_edit)
    assert all(f.echoMode() == QLineEdit.EchoMode.Password for f in fields)
    click(qtbot, change.form.show_toggle)
    assert all(f.echoMode() == QLineEdit.EchoMode.Normal for f in fields)
    click(qtbot, change.form.show_toggle)
    assert all(f.echoMode() == QLineEdit.EchoMode.Password for f in fields)


def test_new_passphrase_form_signals_validity(qtbot: QtBot) -> None:
    form = NewPassphraseForm()
    qtbot.addWidget(form)
    assert not form.is_acceptable()
    qtbot.keyClicks(form.new_edit, NEW_PASSPHRASE)
    with qtbot.waitSignal(form.validity_changed, check_params_cb=lambda ok: ok is True):
        qtbot.keyClicks(form.repeat_edit, NEW_PASSPHRASE)
    assert form.is_acceptable()
    assert form.passphrase() == NEW_PASSPHRASE
    with qtbot.waitSignal(form.validity_changed, check_params_cb=lambda ok: ok is False):
        qtbot.keyClick(form.repeat_edit, Qt.Key.Key_Backspace)
    assert not form.is_acceptable()


# Recovery code -------------------------------------------------------------------------------

def test_recovery_dialog_needs_the_written_down_tick(qtbot: QtBot) -> None:
    code = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"
    shown = RecoveryCodeDialog(code)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.code_label.textFormat() == Qt.TextFormat.PlainText
    assert shown.code_label.text().replace("\n", "-") == code
    assert shown.code_label.textInteractionFlags() & \
        Qt.TextInteractionFlag.TextSelectableByMouse
    assert not shown.continue_button.isEnabled()

    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert shown.isVisible()  # shown once: not dismissed by accident

    click(qtbot, shown.written_down)
    assert shown.continue_button.isEnabled()
    click(qtbot, shown.written_down)
    assert not shown.continue_button.isEnabled()
    click(qtbot, shown.written_down)
    with qtbot.waitSignal(shown.accepted):
        click(qtbot, shown.continue_button)


def test_recovery_dialog_copy_and_clipboard_forgotten_on_close(qtbot: QtBot) -> None:
    code = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"
    shown = RecoveryCodeDialog(code)
    qtbot.addWidget(shown)
    shown.show()
    click(qtbot, shown.copy_button)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == code
    assert "Copied" in shown.copy_status.text()
    click(qtbot, shown.written_down)
    click(qtbot, shown.continue_button)
    assert clipboard.text() != code


def test_new_recovery_code_replaces_the_old_one(
        qtbot: QtBot, settings: Settings, vault_with_code: tuple[Vault, str],
        theme_restored: None) -> None:
    vault, old_code = vault_with_code
    shown = SettingsDialog(settings, vault)
    qtbot.addWidget(shown)
    shown.show()
    shown.tabs.setCurrentIndex(3)
    click(qtbot, shown.new_code_button)
    box = shown.confirm_box
    assert box is not None and box.isVisible()
    assert "stops working" in box.informativeText()
    create = next(b for b in box.buttons() if b.text() == "Create new code")
    click(qtbot, create)

    recovery = shown.recovery_dialog
    assert recovery is not None and recovery.isVisible()
    new_code = recovery.code()
    assert new_code != old_code
    click(qtbot, recovery.written_down)
    click(qtbot, recovery.continue_button)
    assert "new recovery code" in shown.recovery_status.text().lower()

    vault.lock()
    Vault.unlock_with_recovery_code(vault.folder, new_code, auto_backup=False).lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery_code(vault.folder, old_code, auto_backup=False)
    assert unlocks_with(vault.folder, PASSPHRASE)


def test_declining_a_new_recovery_code_keeps_the_old_one(
        qtbot: QtBot, settings: Settings, vault_with_code: tuple[Vault, str],
        theme_restored: None) -> None:
    vault, old_code = vault_with_code
    slots_before = (vault.folder / "keyslots.json").read_bytes()
    shown = SettingsDialog(settings, vault)
    qtbot.addWidget(shown)
    shown.show()
    click(qtbot, shown.new_code_button)
    box = shown.confirm_box
    assert box is not None
    click(qtbot, box.button(QMessageBox.StandardButton.Cancel))
    assert shown.recovery_dialog is None
    assert (vault.folder / "keyslots.json").read_bytes() == slots_before
    vault.lock()
    Vault.unlock_with_recovery_code(vault.folder, old_code, auto_backup=False).lock()


# Accessibility -------------------------------------------------------------------------------

def _inside_compound_control(widget: QWidget, root: QWidget) -> bool:
    """The line edit of a spin box, a combo box's popup list, a tab bar's scroll buttons."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, (QSpinBox, QComboBox, QTabBar)):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed_controls(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for kind in (QAbstractButton, QLineEdit, QSpinBox, QComboBox, QAbstractItemView):
        for widget in root.findChildren(kind):  # type: ignore[type-var]
            if _inside_compound_control(widget, root):
                continue
            if not widget.accessibleName() and id(widget) not in buddies:
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_has_an_accessible_name(qtbot: QtBot, dialog: SettingsDialog,
                                              vault: Vault) -> None:
    assert _unnamed_controls(dialog) == []
    change = ChangePassphraseDialog(vault)
    qtbot.addWidget(change)
    assert _unnamed_controls(change) == []
    recovery = RecoveryCodeDialog("ABCD-EFGH")
    qtbot.addWidget(recovery)
    assert _unnamed_controls(recovery) == []
