"""The unlock flow: the key it derived is wiped once the vault holds its own copy."""

from __future__ import annotations

from pathlib import Path

from partsjournal.domain.model import Entry
from partsjournal.flows.unlock import UnlockFlow
from partsjournal.vault import Vault

from ...conftest import FAST_KDF, PASSPHRASE


def test_the_derived_key_is_wiped_after_opening(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    created = Vault.create(folder, PASSPHRASE, profile=FAST_KDF)[0]
    created.entries.add(Entry(title="still readable"))
    created.lock()
    flow = UnlockFlow(folder)
    key = flow.derive(PASSPHRASE)
    vault = flow.open(key)
    try:
        assert key.data_key.wiped
        assert [e.title for e in vault.entries.list()] == ["still readable"]
    finally:
        vault.lock()
