"""Care and safety: plain text everywhere, accessible names, kind failures, locking triggers."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
)

from partsjournal.domain import Entry, Part, PartPresence, Role
from partsjournal.ui.app.application import AppController
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.app.unlock_window import UnlockWindow
from partsjournal.ui.app.welcome import WelcomeWindow
from partsjournal.ui.common import messages
from partsjournal.vault import Vault

from ...conftest import FAST_KDF, PASSPHRASE
from ..fixtures import unlabelled

HTML = '<img src="file:///etc/hosts"><b>x</b>'


def test_every_control_has_a_name(qtbot, sample_vault: Vault, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(sample_vault, sample=True)
    qtbot.addWidget(window)
    entry = sample_vault.entries.list(limit=1)[0]
    window.open_entry(entry.id)
    window.open_part(sample_vault.parts.list()[0].id)
    unlock = UnlockWindow(tmp_path)
    welcome = WelcomeWindow()
    for widget in (unlock, welcome):
        qtbot.addWidget(widget)
    assert unlabelled(window) == []
    assert unlabelled(unlock) == []
    assert unlabelled(welcome) == []


def test_hostile_names_are_literal_in_every_view(qtbot, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    part = vault.parts.add(Part(name=HTML, role=Role.EXILE, job=HTML, fears=HTML))
    entry = vault.entries.add(Entry(title=HTML, body=f"{HTML}\n\n<script>alert(1)</script>",
                                    parts=[PartPresence(part_id=part.id, note=HTML)]))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.open_entry(entry.id)
    window.open_part(part.id)
    window.search_field.setText("img")
    window.search.set_query("img", now=True)
    assert window.search.model.rowCount() >= 1
    assert window.search.model.index(0, 0).data() == HTML
    window.search_field.clear()
    for view in (window.journal, window.parts):
        window.pages.setCurrentWidget(view)
        for label in window.findChildren(QLabel):
            text = label.text()
            if "<" in text and label.isVisible():
                assert label.textFormat() == Qt.TextFormat.PlainText, text
    assert window.journal.editor.title.text() == HTML
    shown = [w.text() for w in window.parts.findChildren(QLineEdit)]
    assert HTML in shown


def test_exception_hook_logs_no_content_and_shows_a_kind_dialog(
        qtbot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    import sys

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error",
                        lambda parent, error, title="": shown.append(messages.explain(error)))
    messages.install_exception_hook()
    try:
        raise ValueError("my secret journal sentence")
    except ValueError:
        kind, error, tb = sys.exc_info()
    with caplog.at_level(logging.ERROR, logger="partsjournal"):
        sys.excepthook(kind, error, tb)  # type: ignore[arg-type]
    assert "my secret journal sentence" not in caplog.text
    assert "ValueError" in caplog.text and "test_care.py" in caplog.text
    assert shown == [("Something unexpected went wrong.",
                      "What you had saved is safe. If this keeps happening, restart Parts "
                      "Journal.")]


def _unlocked_controller(qtbot, settings, vault_dir: Path) -> AppController:  # type: ignore[no-untyped-def]
    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    controller = AppController(settings, kdf_profile=FAST_KDF)
    controller.start(vault_dir)
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.secret, PASSPHRASE)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == "main", timeout=5000)
    return controller


@pytest.mark.parametrize("trigger", ["sleep", "screen-lock"])
def test_system_sleep_and_screen_lock_lock_the_journal(qtbot, settings, vault_dir: Path,  # type: ignore[no-untyped-def]
                                                       trigger: str) -> None:
    controller = _unlocked_controller(qtbot, settings, vault_dir)
    if trigger == "sleep":
        controller.idle.on_prepare_for_sleep(True)
    else:
        controller.idle.on_screensaver(True)
    assert controller.state == "unlock"
    assert controller.vault is None
    controller._close_vault()


def test_lock_on_minimise_when_chosen(qtbot, settings, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from partsjournal.ui.settings import settings as keys

    settings.set(keys.LOCK_ON_MINIMISE, True)
    controller = _unlocked_controller(qtbot, settings, vault_dir)
    assert isinstance(controller.window, MainWindow)
    assert controller.shell is not None
    controller.shell.showMinimized()
    qtbot.waitUntil(lambda: controller.state == "unlock", timeout=3000)
    controller._close_vault()


def test_preferences_changed_while_open_are_followed(qtbot, settings, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A changed preference reaches the auto-lock timer and the window without being pushed."""
    from partsjournal.ui.settings import settings as keys

    controller = _unlocked_controller(qtbot, settings, vault_dir)
    shell = controller.shell
    assert isinstance(controller.window, MainWindow) and shell is not None
    shell.showMinimized()  # not chosen yet: minimising leaves it open
    qtbot.waitUntil(lambda: shell.isMinimized())
    assert controller.state == "main"
    shell.showNormal()
    assert controller.idle._timer.interval() == 10 * 60_000  # the default
    with qtbot.waitSignal(settings.changed) as heard:
        settings.set(keys.AUTO_LOCK_MINUTES, 12)
    assert heard.args == [keys.AUTO_LOCK_MINUTES.key]
    assert controller.idle._timer.interval() == 12 * 60_000
    settings.set(keys.LOCK_ON_MINIMISE, True)
    with qtbot.assertNotEmitted(settings.changed):
        settings.set(keys.AUTO_LOCK_MINUTES, 12)  # the same value again: nothing changed
    shell.showMinimized()
    qtbot.waitUntil(lambda: controller.state == "unlock", timeout=3000)
    controller._close_vault()


def test_slow_typing_keeps_the_journal_open(qtbot, settings, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Each key pressed counts as activity: a slow writer is never locked out mid-sentence."""
    controller = _unlocked_controller(qtbot, settings, vault_dir)
    window = controller.window
    assert isinstance(window, MainWindow)
    window.new_entry()
    body = window.journal.editor.body
    controller.idle.set_timeout(400)
    for letter in "slowly":  # a key every 150 ms: never 400 ms without one
        qtbot.keyClick(body, letter)
        with qtbot.assertNotEmitted(controller.idle.lock_now, wait=150):
            pass
    assert controller.state == "main" and "slowly" in body.toPlainText()
    with qtbot.waitSignal(controller.idle.lock_now, timeout=3000):
        pass  # and once the keys stop, it locks
    qtbot.waitUntil(lambda: controller.state == "unlock", timeout=3000)
    controller._close_vault()


def test_waking_up_does_not_lock(qtbot, settings, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    controller = _unlocked_controller(qtbot, settings, vault_dir)
    controller.idle.on_prepare_for_sleep(False)
    controller.idle.on_screensaver(False)
    assert controller.state == "main"
    controller.lock()
    controller._close_vault()


def test_open_app_at_a_given_vault_and_at_a_missing_one(qtbot, settings, vault_dir: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    from partsjournal.ui.app import application as app_module

    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    controller = AppController(settings)
    controller.start(vault_dir)
    assert isinstance(controller.window, UnlockWindow)
    assert str(vault_dir) in controller.window.where.text()
    errors: list[str] = []
    monkeypatch.setattr(app_module, "show_error", lambda parent, error: errors.append(str(error)))
    other = AppController(settings)
    other.start(tmp_path / "nowhere")
    assert isinstance(other.window, WelcomeWindow)
    assert errors and "There is no journal in" in errors[0]
    for c in (controller, other):
        c.shell.close()  # type: ignore[union-attr]
    assert QApplication.instance() is not None


def test_lock_and_unlock_stay_in_the_one_window_at_its_place_and_size(  # type: ignore[no-untyped-def]
        qtbot, settings, vault_dir: Path) -> None:
    """Welcome, unlock, the journal and the lock screen are pages of one window that stays put."""
    controller = _unlocked_controller(qtbot, settings, vault_dir)
    shell = controller.shell
    window = controller.window
    assert isinstance(window, MainWindow) and shell is not None
    assert window.window() is shell and not window.isWindow()
    shell.setGeometry(300, 200, 1000, 700)
    qtbot.waitUntil(lambda: shell.geometry().topLeft().x() == 300)
    place = shell.geometry()
    controller.lock()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow) and unlock.isVisible()
    assert unlock.window() is shell and controller.shell is shell
    assert shell.geometry() == place
    assert shell.windowTitle() == unlock.windowTitle()
    # No page is a window of its own any more: nothing came up beside the one window.
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, (MainWindow, UnlockWindow)) and w.isVisible()]
    # The locked page sits in the middle at a readable width, not stretched across.
    left = unlock.mapTo(shell, unlock.rect().topLeft()).x()
    assert unlock.width() <= 620 and abs(left - (shell.width() - unlock.width() - left)) <= 2
    # The journal's widgets are gone with its page: nothing of it is left inside the window.
    qtbot.waitUntil(lambda: not shell.findChildren(MainWindow))
    unlock.secret.setText(PASSPHRASE)
    unlock.unlock()
    qtbot.waitUntil(lambda: controller.state == "main", timeout=10_000)
    assert controller.window.window() is shell and shell.geometry() == place
    controller._close_vault()


@pytest.mark.parametrize(("trigger", "said"), [
    ("sleep", "as the computer went to sleep"), ("screen-lock", "with the screen"),
    ("idle", "after 10 minutes without typing or clicking")])
def test_after_locking_on_its_own_the_lock_screen_says_why(  # type: ignore[no-untyped-def]
        qtbot, settings, vault_dir: Path, trigger: str, said: str) -> None:
    controller = _unlocked_controller(qtbot, settings, vault_dir)
    {"sleep": lambda: controller.idle.on_prepare_for_sleep(True),
     "screen-lock": lambda: controller.idle.on_screensaver(True),
     "idle": lambda: controller.idle.lock_now.emit("idle")}[trigger]()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    note = unlock.note.text()
    assert said in note and "Everything you wrote was saved." in note
    controller._close_vault()


def test_locking_by_hand_adds_no_note(qtbot, settings, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    controller = _unlocked_controller(qtbot, settings, vault_dir)
    controller.lock()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    assert getattr(unlock, "note", None) is None or not unlock.note.isVisible()
    controller._close_vault()
