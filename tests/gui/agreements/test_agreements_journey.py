"""A whole journey: record an agreement in an entry, lock, unlock, and it is there again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from partsjournal.domain import Entry, Part, PartPresence
from partsjournal.ui.agreements.add_dialog import AddAgreementDialog
from partsjournal.ui.app.application import AppController
from partsjournal.vault import Vault

from ...conftest import FAST_KDF, PASSPHRASE
from ..fixtures import ModalDriver, unlock_through_the_window

SECRET = "canarypromise77c1"


def _texts() -> list[str]:
    found: list[str] = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel | QLineEdit):
            found.append(widget.text())
    return found


def test_an_agreement_recorded_in_an_entry_survives_lock_and_unlock(
        qtbot: QtBot, controller: AppController, vault_dir: Path) -> None:
    vault, _ = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)
    eight = vault.parts.add(Part(name="Eight"))
    entry = vault.entries.add(Entry(title="Morning", parts=[PartPresence(part_id=eight.id)]))
    vault.lock()
    controller.start(vault_dir)
    window = unlock_through_the_window(qtbot, controller, PASSPHRASE)
    window.open_entry(entry.id)
    panel = window.journal.editor.details.agreements_panel
    modals = ModalDriver()

    def fill_in(dialog: AddAgreementDialog) -> bool:
        qtbot.keyClicks(dialog.words, f"Check in every morning {SECRET}")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return True

    modals.on(AddAgreementDialog, fill_in)  # type: ignore[arg-type]
    try:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    finally:
        modals.stop()
    assert any(SECRET in line for line in panel.model.lines())

    window.window().activateWindow()  # back in the main window once the dialog has closed
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.window())
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.state == "unlock"
    assert not any(SECRET in line for line in panel.model.lines())
    assert not any(SECRET in text for text in _texts())
    for path in vault_dir.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path

    window = unlock_through_the_window(qtbot, controller, PASSPHRASE)
    window.open_entry(entry.id)
    panel = window.journal.editor.details.agreements_panel
    qtbot.waitUntil(lambda: any(SECRET in line for line in panel.model.lines()))
    stored = controller.vault.agreements.list_open([eight.id])  # type: ignore[union-attr]
    assert [(a.text, a.entry_id) for a in stored] == [
        (f"Check in every morning {SECRET}", entry.id)]
