"""Crash and disk-full faults: nothing committed is lost, nothing half-written survives."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from partsjournal.domain import Entry
from partsjournal.errors import DiskFull
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KeySlots

from ...conftest import PASSPHRASE

WRITER = Path(__file__).with_name("writer_process.py")
RUNS = 50


@pytest.mark.slow
def test_sigkill_during_writes_never_loses_a_commit(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    key = KeySlots.load(vault_dir / "keyslots.json").unlock_with_passphrase(PASSPHRASE)
    rng = random.Random(20261125)
    committed: set[str] = set()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    for _run in range(RUNS):
        proc = subprocess.Popen([sys.executable, str(WRITER), str(vault_dir), key.hex()],
                                stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()  # wait until it is writing
        assert first, "writer failed to start"
        committed.add(first)
        time.sleep(rng.uniform(0.0, 0.08))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        committed.update(line.strip() for line in rest.splitlines() if line.strip())
    reopened = Vault.unlock(vault_dir, PASSPHRASE, auto_backup=False)
    report = reopened.check(PASSPHRASE)
    assert report.ok, report.problems
    stored = {e.id for e in reopened.entries.list()}
    assert committed <= stored
    assert len(committed) > RUNS
    reopened.lock()


def test_disk_full_fails_clearly_and_keeps_previous_state(vault: Vault) -> None:
    kept = vault.entries.add(Entry(title="before", body="safe"))
    pages = vault.db.scalar("PRAGMA page_count")
    vault.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFull, match="enough space"):
        vault.entries.add(Entry(title="huge", body="words " * 16_000))
    assert [e.title for e in vault.entries.list()] == ["before"]
    assert vault.entries.get(kept.id).body == "safe"
    entry = vault.entries.get(kept.id)
    entry.body = "a much longer body " * 5000
    with pytest.raises(DiskFull):
        vault.entries.update(entry)
    assert vault.entries.get(kept.id).body == "safe"
    vault.db.execute("PRAGMA max_page_count = 1073741823")
    vault.entries.add(Entry(title="after", body="room again"))
    assert vault.check().ok
