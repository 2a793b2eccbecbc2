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
