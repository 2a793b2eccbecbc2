"""Fixtures shared by every test: a fresh vault per test with the fast KDF profile."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

# Tests must never touch the developer's real journal or settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "correct horse battery staple"
#: Deliberately weak Argon2id costs so tests run fast; production calibrates (see test_keyslots).
FAST_KDF = KdfProfile(memory_kib=256, iterations=1, lanes=1)


@pytest.fixture(autouse=True)
def _private_environment(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME, XDG folders and the default vault at a per-test temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.delenv("PARTS_JOURNAL_VAULT", raising=False)
    return home


@pytest.fixture
def fast_kdf() -> KdfProfile:
    """The fast KDF profile, requested explicitly by tests that create vaults."""
    return FAST_KDF


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path, fast_kdf: KdfProfile) -> Iterator[Vault]:
    """A fresh, empty, unlocked vault."""
    opened, _code = Vault.create(vault_dir, PASSPHRASE, profile=fast_kdf)
    yield opened
    opened.lock()


@pytest.fixture
def vault_with_code(vault_dir: Path, fast_kdf: KdfProfile) -> Iterator[tuple[Vault, str]]:
    """A fresh vault and its recovery code."""
    opened, code = Vault.create(vault_dir, PASSPHRASE, profile=fast_kdf)
    yield opened, code
    opened.lock()


@pytest.fixture
def sample_vault(vault: Vault) -> Vault:
    """A vault holding the sample journal."""
    from partsjournal.flows.sample_journal import populate

    populate(vault)
    return vault
