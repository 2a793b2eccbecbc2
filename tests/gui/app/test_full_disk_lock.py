"""Locking, auto-locking and quitting when the disk is full never throw away what was typed."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

from partsjournal.domain.model import Part, Role
from partsjournal.errors import DiskFull
from partsjournal.ui.app import application as app_module
from partsjournal.ui.app.application import AppController
from partsjournal.ui.app.main_window import MainWindow
from partsjournal.ui.app.unlock_window import UnlockWindow
from partsjournal.vault import Vault, unsaved
from partsjournal.vault.entries import EntryRepository
from partsjournal.vault.parts import PartRepository

from ...conftest import FAST_KDF
from ..fixtures import unlock_through_the_window

PASSPHRASE = "tulip orbit mackerel lantern"
CANARY = "Canary-FULL-5jw-ørn"


class Disk:
    """A disk that can be made full: entry and part saves and file writes then fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        for repo in (EntryRepository, PartRepository):
            for name in ("add", "update"):
                monkeypatch.setattr(repo, name, self._guard(getattr(repo, name)))
        real_write = unsaved.atomic_write

        def write(path: Path, data: bytes) -> None:
            if self.full:
                raise OSError(errno.ENOSPC, "No space left on device")
            real_write(path, data)

        monkeypatch.setattr(unsaved, "atomic_write", write)

    def _guard(self, real):  # type: ignore[no-untyped-def]
        def guarded(*args, **kwargs):  # type: ignore[no-untyped-def]
            if self.full:
                raise DiskFull("There isn't enough space to save this. Nothing was changed; "
                               "free some disk space and try again.")
            return real(*args, **kwargs)
        return guarded


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


def _unlock(qtbot, controller: AppController) -> MainWindow:  # type: ignore[no-untyped-def]
    return unlock_through_the_window(qtbot, controller, PASSPHRASE)


def _visible_texts() -> str:
    texts = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit | QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
    return "\n".join(texts)


def _start(qtbot, controller: AppController, vault_dir: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    vault = Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0]
    vault.parts.add(Part(name="The Critic", role=Role.MANAGER))
    vault.lock()
    controller.start(vault_dir)
    controller.keeper._timer.setInterval(50)  # retry quickly in tests (5 s in use)
    return _unlock(qtbot, controller)


def test_lock_on_a_full_disk_keeps_the_text_sealed_until_there_is_room(
        qtbot, controller: AppController, vault_dir: Path, disk: Disk) -> None:  # type: ignore[no-untyped-def]
    window = _start(qtbot, controller, vault_dir)
    window.new_entry()
    editor = window.journal.editor
    editor._autosave.setInterval(60_000)  # only Ctrl+S and the lock save here
    qtbot.keyClicks(editor.body, f"what the little one said {CANARY}")
    disk.full = True
    window.save_now()  # Ctrl+S on a full disk
    assert editor.save_state.text() == "Not saved"
    assert "Saved" != window.statusBar().currentMessage()
    assert window.statusBar().currentMessage().startswith("Not saved")

    controller.lock()
    assert controller.state == "unlock" and window.vault.is_locked
    assert CANARY not in _visible_texts()
    held = controller.keeper.in_memory
    assert len(held) == 1 and CANARY.encode() not in held[0].data
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    assert unlock.note.isVisibleTo(unlock) and "is full" in unlock.note.text()
    assert unlock.note.textFormat() == Qt.TextFormat.PlainText
    assert not (vault_dir / "unsaved").exists() or not any((vault_dir / "unsaved").iterdir())

    disk.full = False  # space was freed: the keeper stores it without being asked
    qtbot.waitUntil(lambda: not controller.keeper.in_memory, timeout=5000)
    files = list((vault_dir / "unsaved").glob("*.pjunsaved"))
    assert len(files) == 1 and CANARY.encode() not in files[0].read_bytes()
    assert "saved, encrypted" in unlock.note.text()

    window = _unlock(qtbot, controller)
    bodies = [controller.vault.entries.get(e.id).body  # type: ignore[union-attr]
              for e in controller.vault.entries.list()]  # type: ignore[union-attr]
    assert bodies == [f"what the little one said {CANARY}"]
    assert list((vault_dir / "unsaved").glob("*.pjunsaved")) == []
    assert "now in your journal" in window.statusBar().currentMessage()


def test_auto_lock_on_a_full_disk_keeps_the_text_and_unlock_stores_it(
        qtbot, controller: AppController, vault_dir: Path, disk: Disk) -> None:  # type: ignore[no-untyped-def]
    window = _start(qtbot, controller, vault_dir)
    window.show_parts()
    window.parts.select_part(window.vault.parts.list()[0].id)
    job = window.parts._form.text_edits["job"]
    disk.full = True
    qtbot.keyClicks(job, f"keeps me from being laughed at {CANARY}")
    controller.idle.set_timeout(150)
    qtbot.waitUntil(lambda: controller.state == "unlock", timeout=5000)
    assert len(controller.keeper.in_memory) == 1  # the disk is still full
    disk.full = False
    _unlock(qtbot, controller)  # unlocking stores it, even before the keeper's retry
    assert controller.vault.parts.list()[0].job == \
        f"keeps me from being laughed at {CANARY}"  # type: ignore[union-attr]
    assert not controller.keeper.in_memory


def test_quitting_with_writing_that_cant_be_saved_asks_first(
        qtbot, controller: AppController, vault_dir: Path, disk: Disk,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = _start(qtbot, controller, vault_dir)
    window.new_entry()
    window.journal.editor._autosave.setInterval(60_000)
    qtbot.keyClicks(window.journal.editor.body, "not yet saved")
    disk.full = True
    answers = ["keep"]
    asked: list[Path | None] = []

    def ask(_parent: object, folder: Path | None) -> str:
        asked.append(folder)
        return answers.pop(0)

    monkeypatch.setattr(app_module, "ask_to_quit_with_unsaved", ask)
    shell = window.window()  # the one app window the journal is a page of
    shell.close()
    assert asked == [vault_dir] and controller.state == "main" and window.isVisible()
    assert not window.vault.is_locked and window.journal.editor.is_dirty
    disk.full = False  # room again: closing saves and quits without asking
    shell.close()
    assert asked == [vault_dir] and not window.isVisible()
    with Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False) as vault:
        assert [vault.entries.get(e.id).body for e in vault.entries.list()] == ["not yet saved"]


def test_quitting_the_lock_screen_while_writing_is_only_in_memory_asks_first(
        qtbot, controller: AppController, vault_dir: Path, disk: Disk,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = _start(qtbot, controller, vault_dir)
    window.new_entry()
    qtbot.keyClicks(window.journal.editor.body, "kept in memory")
    disk.full = True
    controller.lock()
    asked: list[str] = []
    monkeypatch.setattr(app_module, "ask_to_quit_with_unsaved",
                        lambda _p, _f: asked.append("asked") or "keep")
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    unlock.window().close()
    assert asked == ["asked"] and unlock.isVisible() and controller.keeper.in_memory


def test_an_edit_the_journal_refused_comes_back_into_the_editor(
        qtbot, controller: AppController, vault_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(app_module, "ask_to_quit_with_unsaved", lambda _p, _f: "quit")
    window = _start(qtbot, controller, vault_dir)
    window.new_entry()
    editor = window.journal.editor
    editor._autosave.setInterval(60_000)
    too_long = f"a body worth keeping {CANARY} " + "x" * 100_000  # over the 100,000 limit
    editor.body.setPlainText(too_long)
    assert not window.flush_all()  # refused: too long
    controller.lock()
    assert len(controller.keeper.stored_names) == 1  # on disk (there was room), sealed
    window = _unlock(qtbot, controller)
    editor = window.journal.editor
    shown = editor.body.toPlainText()
    assert (len(shown), shown[:40]) == (len(too_long), too_long[:40])  # (a short diff)
    assert editor.is_dirty and editor.save_state.text() == "Not saved"
    assert editor.problem.isVisibleTo(window) and editor.problem.text()
    assert controller.vault.entries.list() == []  # type: ignore[union-attr]
    editor.body.setPlainText(f"a body worth keeping {CANARY}")
    assert window.flush_all()
    stored = controller.vault.entries.list()  # type: ignore[union-attr]
    assert [controller.vault.entries.get(stored[0].id).body] == [  # type: ignore[union-attr]
        f"a body worth keeping {CANARY}"]


def test_a_daily_backup_that_doesnt_fit_is_said_once_and_the_journal_stays_open(
        qtbot, controller: AppController, vault_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from partsjournal.vault import backup as backups

    def no_room(*_args: object, **_kwargs: object) -> Path:
        raise DiskFull("There isn't enough space to save this.")

    monkeypatch.setattr(backups, "write_backup", no_room)
    window = _start(qtbot, controller, vault_dir)
    qtbot.waitUntil(lambda: "automatic backup" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert str(vault_dir) in window.statusBar().currentMessage()
    assert controller.state == "main" and not window.vault.is_locked


def test_unlocking_on_a_full_disk_says_so_and_offers_no_restore(
        qtbot, controller: AppController, vault_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from partsjournal.errors import NoRoomToOpen
    from partsjournal.vault import vault as vault_module

    Vault.create(vault_dir, PASSPHRASE, profile=FAST_KDF)[0].lock()
    controller.start(vault_dir)

    def no_room(path: Path, *_args: object, **_kwargs: object) -> object:
        raise NoRoomToOpen(f"The disk that holds {path.parent} is full, so the journal can't "
                           "be opened.")

    monkeypatch.setattr(vault_module, "Database", no_room)
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.secret, PASSPHRASE)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "is full" in unlock.message.text(), timeout=10_000)
    said = unlock.message.text()
    assert str(vault_dir) in said
    for wrong in ("damaged", "restore", "editor"):
        assert wrong not in said
    assert controller.state == "unlock" and unlock.secret.isEnabled()
