"""Bundle of 200 parts with every field: write (prepare + seal) and read (open + apply).

Key derivation is not part of it: identity keys live in the already unlocked vaults.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import generate
from run import Result  # type: ignore[attr-defined]

from partsjournal.domain.model import Part, Role, Stage
from partsjournal.exchange.payload import SHAREABLE_FIELDS
from partsjournal.flows.importing import BundleImport
from partsjournal.flows.sharing import ShareFlow
from partsjournal.vault import Vault

PARTS = 200


def _pair(folder: Path) -> tuple[Vault, Vault]:
    sender, _ = Vault.create(folder / "sender", generate.PASSPHRASE, profile=generate.FAST)
    receiver, _ = Vault.create(folder / "receiver", generate.PASSPHRASE, profile=generate.FAST)
    sender.identity.set_display_name("Sender")
    receiver.identity.set_display_name("Receiver")
    sender.peers.add(receiver.identity.card())
    receiver.peers.add(sender.identity.card())
    text = "A sentence about what this part carries and what it needs from Self. " * 6
    with sender.db.transaction():
        for i in range(PARTS):
            sender.parts.add(Part(
                name=f"Part {i}", role=list(Role)[i % 4], job=text, fears=text, age="about 9",
                body=text, appearance=text, burdens=text, needs=text, triggers=text, notes=text,
                trust_in_self=i % 11, stage=list(Stage)[i % 7]))
    return sender, receiver


def bench_bundles(runs: int) -> list[Result]:
    """Median of ``runs`` writes and reads of the same-sized bundle."""
    folder = Path(tempfile.mkdtemp())
    sender, receiver = _pair(folder)
    writes, reads, size = [], [], 0
    try:
        for i in range(runs):
            flow = ShareFlow(sender)
            flow.choose_peer(sender.peers.find("Receiver").id)
            flow.choose_parts([p.id for p in sender.parts.list()])
            flow.set_fields_for_all(SHAREABLE_FIELDS)
            start = time.perf_counter()
            sealed = flow.prepare().seal()
            writes.append((time.perf_counter() - start) * 1000)
            path = folder / f"bundle-{i}.pjbundle"
            path.write_bytes(sealed)
            size = len(sealed)
            start = time.perf_counter()
            result = BundleImport.from_file(receiver, path)
            result.apply()
            reads.append((time.perf_counter() - start) * 1000)
            # A fresh part revision each round, so the next import is a real update.
            part = sender.parts.list()[0]
            sender.parts.update(part)
    finally:
        sender.lock()
        receiver.lock()
        shutil.rmtree(folder, ignore_errors=True)
    note = f"{PARTS} parts, every field, {size / 1e6:.1f} MB"
    return [Result("bundle: write (prepare + encrypt)", "-", writes, budget=200, note=note),
            Result("bundle: read (decrypt, verify, preview, apply)", "-", reads, budget=200,
                   note=note)]
