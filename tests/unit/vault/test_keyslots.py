from __future__ import annotations

import json
from pathlib import Path

import pytest

from partsjournal.errors import WrongPassphrase
from partsjournal.vault import Vault, keyslots, recovery
from partsjournal.vault.keyslots import KdfProfile, KeySlots

from ...conftest import PASSPHRASE


def test_recovery_code_shape_and_round_trip() -> None:
    code, secret = recovery.generate()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert len(secret) * 8 >= 128
    assert recovery.parse(code) == secret
    # Case and separators don't matter; O/I/L are read as 0/1.
    assert recovery.parse(code.lower().replace("-", " ")) == secret
    assert recovery.parse(code.replace("-", "").replace("0", "O").replace("1", "l")) == secret


def test_recovery_code_typo_is_caught() -> None:
    code, _ = recovery.generate()
    chars = list(code)
    position = 5
    chars[position] = "X" if chars[position] != "X" else "Y"
    with pytest.raises(recovery.RecoveryCodeTypo, match="typo"):
        recovery.parse("".join(chars))
    with pytest.raises(recovery.RecoveryCodeTypo):
        recovery.parse(code[:-1])


def test_every_single_character_typo_is_caught() -> None:
    code, _ = recovery.generate()
    plain = code.replace("-", "")
    for i, original in enumerate(plain):
        for replacement in "0Z":
            if replacement == original:
                continue
            typo = plain[:i] + replacement + plain[i + 1:]
            with pytest.raises(WrongPassphrase):
                recovery.parse(typo)


def test_production_defaults() -> None:
    assert keyslots.DEFAULT_PROFILE.memory_kib >= 64 * 1024
    assert keyslots.DEFAULT_PROFILE.iterations >= 2
    assert keyslots.CALIBRATION_TARGET == (0.5, 1.0)


def test_calibration_raises_memory_then_iterations_into_the_target() -> None:
    # A fake machine where a pass over 64 MiB takes 0.05 s and time scales with memory.
    def measure(profile: KdfProfile) -> float:
        return 0.05 * profile.iterations * profile.memory_kib / (64 * 1024)

    chosen = calibrate_with(measure)
    assert chosen.memory_kib == 256 * 1024
    assert 0.5 <= measure(chosen) <= 1.0
    assert chosen.iterations >= 2


def test_calibration_never_goes_below_the_floor_on_a_slow_machine() -> None:
    chosen = calibrate_with(lambda profile: 3.0 * profile.iterations)
    assert chosen.memory_kib == 64 * 1024 and chosen.iterations == 2


def calibrate_with(measure) -> KdfProfile:  # type: ignore[no-untyped-def]
    return keyslots.calibrate(measure)


def test_real_calibration_takes_the_intended_time() -> None:
    import time

    profile = keyslots.calibrate()
    start = time.perf_counter()
    keyslots.derive_passphrase_key("x", b"\0" * 16, profile)
    elapsed = time.perf_counter() - start
    assert profile.memory_kib >= 64 * 1024 and profile.iterations >= 2
    # Generous bounds: this is a sanity check, the benchmark reports the real figure.
    assert 0.2 < elapsed < 3.0


def _slots(vault_dir: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((vault_dir / "keyslots.json").read_text())


@pytest.mark.parametrize("field", ["salt", "memory_kib", "iterations", "nonce", "wrapped_key",
                                   "aead", "vault_id"])
def test_tampered_slot_gives_the_wrong_passphrase_error(vault: Vault, vault_dir: Path,
                                                        field: str) -> None:
    vault.lock()
    document = _slots(vault_dir)
    slot = document["slots"][0]
    if field == "vault_id":
        document["vault_id"] = document["vault_id"][:-1] + ("0" if document["vault_id"][-1] != "0"
                                                            else "1")
    elif field in ("salt",):
        slot["kdf"]["salt"] = slot["kdf"]["salt"][::-1]
    elif field in ("memory_kib", "iterations"):
        slot["kdf"][field] += 1
    elif field == "aead":
        slot["aead"] = "aes-256-gcm"
    else:
        raw = bytearray(keyslots._unb64(slot[field]))
        raw[0] ^= 1
        slot[field] = keyslots._b64(bytes(raw))
    (vault_dir / "keyslots.json").write_text(json.dumps(document))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_slot_holds_no_personal_data(vault: Vault, vault_dir: Path) -> None:
    text = (vault_dir / "keyslots.json").read_text()
    assert PASSPHRASE not in text
    document = json.loads(text)
    assert {s["type"] for s in document["slots"]} == {"passphrase", "recovery"}
    assert document["slots"][0]["kdf"]["name"] == "argon2id"


def test_absurd_kdf_parameters_are_refused_before_deriving(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    document = _slots(vault_dir)
    document["slots"][0]["kdf"]["memory_kib"] = 1 << 40
    (vault_dir / "keyslots.json").write_text(json.dumps(document))
    with pytest.raises(WrongPassphrase):
        KeySlots.load(vault_dir / "keyslots.json").unlock_with_passphrase(PASSPHRASE)
