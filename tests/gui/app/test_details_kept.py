"""The entry's details panel stays where the person put it: across entries, locks and restarts."""

from __future__ import annotations

from pathlib import Path

from partsjournal.domain import Entry
from partsjournal.ui.app.application import AppController
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.settings.settings import ENTRY_DETAILS_SHOWN, Settings
from partsjournal.vault import Vault

from ...conftest import FAST_KDF, PASSPHRASE
from ..fixtures import unlock_through_the_window


def test_details_put_away_stay_away_after_lock_and_in_a_new_session(
        qtbot, controller: AppController, settings: Settings,  # type: ignore[no-untyped-def]
        vault_dir: Path) -> None:
    vault = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0]
    first = vault.entries.add(Entry(title="One", body="The critic was loud."))
    second = vault.entries.add(Entry(title="Two", body="Quieter today."))
    vault.lock()
    controller.start(vault_dir)
    window = unlock_through_the_window(qtbot, controller, PASSPHRASE)
    editor = window.journal.editor
    window.open_entry(first.id)
    assert editor.details_shown and editor.details.isVisible(), "out by default"
    editor.details_toggle.click()
    assert not editor.details.isVisible()
    window.open_entry(second.id)
    assert not editor.details.isVisible() and not editor.details_toggle.isChecked()
    assert settings.get(ENTRY_DETAILS_SHOWN) is False

    controller.lock()
    window = unlock_through_the_window(qtbot, controller, PASSPHRASE)
    assert isinstance(window, MainWindow)
    window.open_entry(first.id)
    assert not window.journal.editor.details.isVisible()
    assert not window.journal.editor.details_toggle.isChecked()

    again = Settings(Path(settings.file_name))  # the next start reads the same file
    assert again.get(ENTRY_DETAILS_SHOWN) is False
    window.journal.editor.details_toggle.click()
    assert again.get(ENTRY_DETAILS_SHOWN) is True
