"""The first key a person types lands where they expect: the passphrase on the unlock page.

Typed the way a keyboard types, into whatever has the focus, not into a field the test picks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from partsjournal.ui.app.application import AppController
from partsjournal.ui.app.unlock_window import UnlockWindow
from partsjournal.vault import Vault

from ...conftest import FAST_KDF, PASSPHRASE


def _type_into_the_focus(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        qtbot.keyClicks(target, char)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_the_passphrase_field_has_the_focus_at_start_and_after_a_lock(
        qtbot, controller: AppController, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    controller.start(vault_dir)
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is unlock.window())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is unlock.secret)
    _type_into_the_focus(qtbot, PASSPHRASE)
    qtbot.waitUntil(lambda: controller.state == "main", timeout=10_000)

    controller.lock()
    locked = controller.window
    assert isinstance(locked, UnlockWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is locked.secret)
    _type_into_the_focus(qtbot, PASSPHRASE)
    qtbot.waitUntil(lambda: controller.state == "main", timeout=10_000)
