"""A second launch hands its file to the running app over a per-user local socket."""

from __future__ import annotations

import uuid
from pathlib import Path

from partsjournal.ui.app.single_instance import InstanceServer, send_to_running


def test_second_launch_hands_over_its_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    name = f"pj-test-{uuid.uuid4().hex[:8]}"
    assert not send_to_running(tmp_path / "x.pjbundle", name)  # nobody is running yet
    server = InstanceServer(name)
    assert server.listen()
    bundle = tmp_path / "from Sam.pjbundle"
    with qtbot.waitSignal(server.file_opened, timeout=3000) as got:
        assert send_to_running(bundle, name)
    assert got.args == [bundle]
    with qtbot.waitSignal(server.file_opened, timeout=3000) as got:
        assert send_to_running(None, name)
    assert got.args == [None]
    server.close()


def test_stale_socket_is_replaced(qtbot) -> None:  # type: ignore[no-untyped-def]
    name = f"pj-test-{uuid.uuid4().hex[:8]}"
    first = InstanceServer(name)
    assert first.listen()
    first.close()
    second = InstanceServer(name)
    assert second.listen()
    second.close()


def test_second_launch_hands_over_the_journal_it_names(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    name = f"pj-test-{uuid.uuid4().hex[:8]}"
    server = InstanceServer(name)
    assert server.listen()
    folder = tmp_path / "other journal"
    with qtbot.waitSignal(server.vault_requested, timeout=3000) as asked, \
            qtbot.waitSignal(server.file_opened, timeout=3000) as opened:
        assert send_to_running(None, name, vault=folder)
    assert asked.args == [folder] and opened.args == [None]
    server.close()


def test_a_journal_named_by_a_second_launch_is_never_dropped_silently(  # type: ignore[no-untyped-def]
        qtbot, settings, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    from partsjournal.ui.app import application
    from partsjournal.ui.app.application import AppController
    from partsjournal.ui.app.unlock_window import UnlockWindow
    from partsjournal.vault import Vault

    from ...conftest import FAST_KDF, PASSPHRASE

    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        Vault.create(folder, PASSPHRASE, profile=FAST_KDF)[0].lock()
    shown: list[str] = []
    monkeypatch.setattr(application, "show_error",
                        lambda _parent, error, _title="": shown.append(str(error)))
    controller = AppController(settings, kdf_profile=FAST_KDF)
    controller.start(first)
    controller.open_vault_from_elsewhere(second)  # locked: the other journal's unlock screen
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow) and controller.vault_folder == second and not shown
    qtbot.keyClicks(unlock.secret, PASSPHRASE)
    qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == "main", timeout=5000)
    controller.open_vault_from_elsewhere(second)  # the one open: it only comes forward
    assert shown == []
    controller.open_vault_from_elsewhere(first)  # another one while this one is open
    assert controller.state == "main" and controller.vault is not None
    assert controller.vault.folder == second
    assert shown == [f"Parts Journal is already open with the journal in {second}, so {first} "
                     "was not opened. To open it, lock this journal first (Ctrl+L) and choose "
                     "“Open a different journal…” on the lock screen."]
    controller.lock()
    controller._close_vault()
