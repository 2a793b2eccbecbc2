"""Deterministic benchmark vaults: S (50 parts, 500 entries), M (200, 5,000), L (500, 20,000).

Entry bodies are 200–2,000 words of varied text built from IFS vocabulary and everyday words in
sentence templates, so full-text search has realistic term frequencies. Generation is seeded:
the same size always gives the same content. Vaults are cached under ``benchmarks/.cache``.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from partsjournal.domain.model import (
    C_QUALITIES,
    Entry,
    EntryKind,
    Part,
    PartPresence,
    Relation,
    RelationKind,
    Role,
    Stage,
)
from partsjournal.errors import ValidationError
from partsjournal.vault import Vault, schema
from partsjournal.vault.keyslots import KdfProfile

CACHE = Path(os.environ.get("PJ_BENCH_CACHE") or Path(__file__).with_name(".cache"))
PASSPHRASE = "benchmark passphrase"
#: Benchmarks measure everything but key derivation with this profile; KDF is measured apart.
FAST = KdfProfile(memory_kib=8 * 1024, iterations=1, lanes=1)
SEED = 20261125


@dataclass(frozen=True)
class Size:
    """A vault size."""

    name: str
    parts: int
    entries: int
    min_words: int = 200
    max_words: int = 2000


SIZES = {
    "S": Size("S", 50, 500),
    "M": Size("M", 200, 5000),
    "L": Size("L", 500, 20000),
}

FEELINGS = ("tight", "heavy", "restless", "numb", "warm", "shaky", "hollow", "tender", "tense",
            "curious", "calm", "hopeful", "ashamed", "lonely", "angry", "scared", "relieved",
            "grateful", "tired", "soft", "prickly", "guarded", "open", "sad", "playful")
BODY = ("chest", "throat", "jaw", "shoulders", "belly", "hands", "forehead", "back", "stomach",
        "neck", "heart", "legs", "eyes", "breath")
PEOPLE = ("my mother", "my father", "my sister", "my brother", "my partner", "my boss",
          "a friend", "my therapist", "my peer", "the neighbour", "my teacher", "a colleague")
PLACES = ("at work", "in the kitchen", "on the train", "at the table", "in bed", "on a walk",
          "at the meeting", "in the car", "at the supermarket", "by the window", "in the garden")
VERBS = ("noticed", "felt", "asked", "thanked", "heard", "saw", "sensed", "welcomed",
         "listened to", "sat with", "stayed with", "checked in with", "made room for")
THINGS = ("the report", "the deadline", "the phone", "an email", "the dishes", "a memory",
          "the old house", "a song", "a photograph", "the holidays", "the silence", "the rain",
          "a letter", "the birthday", "the argument", "the plan", "the weekend", "dinner")
NAME_WORDS = ("Critic", "Planner", "Pleaser", "Watcher", "Scroller", "Snapper", "Sleeper",
              "Little One", "Teen", "Runner", "Judge", "Helper", "Caretaker", "Fog", "Wall",
              "Shopper", "Worrier", "Perfectionist", "Rebel", "Dreamer", "Guard", "Hider",
              "Storyteller", "Clown", "Achiever", "Numb One", "Eight", "Twelve", "Fourteen")
ADJECTIVES = ("Quiet", "Loud", "Tired", "Busy", "Small", "Old", "Young", "Sharp", "Soft",
              "Watchful", "Hungry", "Brave", "Shy", "Frozen", "Restless", "Lonely", "Proud")
TEMPLATES = (
    "I {verb} the {part} when {thing} came up {place}.",
    "There was something {feeling} in my {body}, and the {part} wanted me to know it.",
    "When {person} mentioned {thing}, the {part} took over for a while.",
    "I asked the {part} what it was afraid would happen if it stopped, and it said {thing}.",
    "Feeling toward it: mostly {feeling}, a little {feeling2}, then more curious.",
    "The {part} showed me an image of {thing} {place}, from a long time ago.",
    "Self-energy felt {feeling} today; the 8 C's were there in pieces.",
    "I thanked the {part} for protecting me from {thing}. It softened a little.",
    "A {feeling} sensation in my {body} was the trailhead.",
    "{person} was {feeling}, and I noticed the {part} getting ready to step in.",
    "Unblending took a few breaths; I asked the {part} to give me some space.",
    "The {part} is polarized with the {part2} about {thing}.",
    "Q: ask my therapist about the {part} and {thing}.",
    "It seems about {age} years old and still thinks it has to handle {thing} alone.",
)


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"The {rng.choice(ADJECTIVES)} {rng.choice(NAME_WORDS)}"
        if name not in used:
            used.add(name)
            return name
        name = f"{name} {rng.randint(2, 999)}"
        if name not in used:
            used.add(name)
            return name


def _sentence(rng: random.Random, names: list[str]) -> str:
    template = rng.choice(TEMPLATES)
    return template.format(
        verb=rng.choice(VERBS), part=rng.choice(names).removeprefix("The "),
        part2=rng.choice(names).removeprefix("The "), thing=rng.choice(THINGS),
        place=rng.choice(PLACES), feeling=rng.choice(FEELINGS), feeling2=rng.choice(FEELINGS),
        body=rng.choice(BODY), person=rng.choice(PEOPLE), age=rng.randint(4, 16),
    )


def body_text(rng: random.Random, names: list[str], words: int) -> str:
    """Paragraphs of template sentences until about ``words`` words."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [_sentence(rng, names) for _ in range(rng.randint(3, 7))]
        paragraph = " ".join(sentences)
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def populate(vault: Vault, size: Size, seed: int = SEED) -> None:
    """Fill ``vault`` with the deterministic content of ``size``."""
    rng = random.Random(seed)
    used: set[str] = set()
    names = [_name(rng, used) for _ in range(size.parts)]
    roles = list(Role)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    part_ids: list[str] = []
    with vault.db.transaction():
        for i, name in enumerate(names):
            part = Part(name=name, role=roles[i % len(roles)],
                        job=_sentence(rng, names), fears=_sentence(rng, names),
                        age=f"about {rng.randint(4, 40)}", body=rng.choice(BODY),
                        appearance=_sentence(rng, names), burdens=_sentence(rng, names),
                        needs=_sentence(rng, names), triggers=_sentence(rng, names),
                        notes=body_text(rng, names, 60), trust_in_self=rng.randint(0, 10),
                        stage=rng.choice(list(Stage)),
                        created_at=start, updated_at=start)
            vault.parts.add(part)
            part_ids.append(part.id)
        for _ in range(size.parts):
            a, b = rng.sample(part_ids, 2)
            try:
                vault.relations.add(Relation(rng.choice(list(RelationKind)), a, b))
            except ValidationError:  # the pair is related that way already
                continue
        span = (datetime(2026, 11, 1, tzinfo=UTC) - start).total_seconds()
        kinds = list(EntryKind)
        for i in range(size.entries):
            when = start + timedelta(seconds=span * i / size.entries + rng.randint(0, 3600))
            present = rng.sample(part_ids, rng.randint(0, 3))
            entry = Entry(
                occurred_at=when, kind=kinds[i % len(kinds)],
                title=_sentence(rng, names)[:80].rstrip(" ,."),
                body=body_text(rng, names, rng.randint(size.min_words, size.max_words)),
                trailhead=rng.choice(FEELINGS) + " " + rng.choice(BODY),
                self_energy=rng.randint(0, 10),
                qualities={q: rng.randint(0, 10) for q in rng.sample(C_QUALITIES, 3)},
                parts=[PartPresence(part_id=p, note=rng.choice(FEELINGS)) for p in present],
                created_at=when, updated_at=when)
            vault.entries.add(entry)


def vault_for(size_name: str, *, fresh: bool = False) -> Path:
    """The cached vault folder of a size, generated on first use."""
    size = SIZES[size_name]
    folder = CACHE / f"{size.name}-seed{SEED}-schema{schema.LATEST}"
    if folder.is_dir() and not fresh and (folder / "keyslots.json").is_file():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    vault, _code = Vault.create(folder, PASSPHRASE, profile=FAST)
    try:
        populate(vault, size)
    finally:
        vault.lock()
    print(f"generated vault {size.name} in {time.perf_counter() - started:.1f} s")
    return folder


def copy_of(size_name: str, target: Path) -> Path:
    """A private copy of a cached vault, for benchmarks that write."""
    source = vault_for(size_name)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("backups"))
    return target
