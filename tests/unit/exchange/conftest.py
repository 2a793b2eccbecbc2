"""Fixtures for the exchange tests: fixed identities, and two vaults that know each other."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from partsjournal.exchange.identity import Identity
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.peers import Peer

from ...conftest import PASSPHRASE


def fixed_identity(label: str, name: str) -> Identity:
    return Identity(name, hashlib.sha256(f"{label} kem".encode()).digest(),
                    hashlib.sha256(f"{label} auth".encode()).digest())


@pytest.fixture(scope="session")
def alice() -> Identity:
    return fixed_identity("alice", "Alice")


@pytest.fixture(scope="session")
def bob() -> Identity:
    return fixed_identity("bob", "Bob")


@pytest.fixture(scope="session")
def mallory() -> Identity:
    return fixed_identity("mallory", "Mallory")


@dataclass
class Pair:
    """Two unlocked vaults, Ada's and Ben's, each holding the other's card."""

    ada: Vault
    ben: Vault
    ben_at_ada: Peer
    ada_at_ben: Peer
    folder: Path


@pytest.fixture
def pair(tmp_path: Path, fast_kdf: KdfProfile) -> Iterator[Pair]:
    ada, _ = Vault.create(tmp_path / "ada", PASSPHRASE, profile=fast_kdf)
    ben, _ = Vault.create(tmp_path / "ben", PASSPHRASE, profile=fast_kdf)
    ada.identity.set_display_name("Ada")
    ben.identity.set_display_name("Ben")
    ben_at_ada = ada.peers.add(ben.identity.card())
    ada_at_ben = ben.peers.add(ada.identity.card())
    yield Pair(ada, ben, ben_at_ada, ada_at_ben, tmp_path)
    ada.lock()
    ben.lock()


def snapshot(vault: Vault) -> dict[str, Any]:
    """Every row of every ordinary table: equal snapshots mean nothing changed."""
    tables = [r[0] for r in vault.db.all(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {t: sorted(map(repr, vault.db.all(f"SELECT * FROM {t}"))) for t in tables}
