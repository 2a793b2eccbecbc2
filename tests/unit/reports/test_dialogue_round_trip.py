"""A dialogue with a part survives every path an entry takes: save, search, JSON export and
import into another journal, the Markdown export, and the therapy-prep summary."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from partsjournal.archive.json_export import export_json
from partsjournal.archive.json_import import import_json
from partsjournal.archive.markdown_export import export_markdown
from partsjournal.domain.dialogue import Cast, dialogue_lines, speakers_for
from partsjournal.domain.model import Entry, EntryKind, Part, PartPresence, Role
from partsjournal.reports.summary import Turn, build_summary, to_markdown
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile
from partsjournal.vault.search import HitKind

from ...conftest import PASSPHRASE

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
BODY = ("## Talking with the Critic\n"
        "\n"
        "I sat down after the meeting.\n"
        "\n"
        "Self: What do you want me to know?\n"
        "the critic: That I keep you from being laughed at.\n"
        "Self: Thank you for working so hard.\n"
        "Note: not a part, so not dialogue\n"
        "Q: Why is the Critic loudest at work?\n")


def _turns(vault: Vault, body: str) -> list[tuple[int, str, str]]:
    cast = Cast(speakers_for(vault.parts.list(include_archived=True)))
    return [(t.number, t.speaker.name, t.said) for t in dialogue_lines(body, cast)]


def test_a_dialogue_line_round_trips(vault: Vault, tmp_path: Path, fast_kdf: KdfProfile) -> None:
    critic = vault.parts.add(Part(name="The Critic", role=Role.MANAGER, color="#4a7fb5"))
    entry = vault.entries.add(Entry(occurred_at=datetime(2026, 3, 10, 9, tzinfo=UTC),
                                    kind=EntryKind.SOLO_SESSION, title="After the meeting",
                                    body=BODY, parts=[PartPresence(part_id=critic.id)]))
    expected = [(4, "Self", "What do you want me to know?"),
                (5, "The Critic", "That I keep you from being laughed at."),
                (6, "Self", "Thank you for working so hard.")]

    # Saved exactly as written, and read back as the same dialogue.
    stored = vault.entries.get(entry.id)
    assert stored.body == BODY
    assert _turns(vault, stored.body) == expected

    # Search finds the words the part said.
    hits = [h for h in vault.search.search("laughed") if h.kind is HitKind.ENTRY]
    assert [h.id for h in hits] == [entry.id]

    # JSON export and import into a new journal: the same body, the same dialogue.
    path = export_json(vault, tmp_path / "journal.json")
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, profile=fast_kdf)
    try:
        import_json(path, other)
        copied = other.entries.get(entry.id)
        assert copied.body == BODY
        assert _turns(other, copied.body) == expected

        # The summary shows it as a dialogue: a speaker to a line, not run into the prose.
        summary = build_summary(other, date(2026, 3, 1), date(2026, 3, 31), tz=UTC, now=NOW)
        digest = summary.entries[0]
        assert digest.dialogue == (Turn("Self", "What do you want me to know?", True),
                                   Turn("The Critic", "That I keep you from being laughed at.",
                                        False),
                                   Turn("Self", "Thank you for working so hard.", True))
        assert digest.excerpt == "I sat down after the meeting. Note: not a part, so not dialogue"
        text = to_markdown(summary, tz=UTC)
        assert ("- **Self:** What do you want me to know?\n"
                "- **The Critic:** That I keep you from being laughed at.\n"
                "- **Self:** Thank you for working so hard.\n") in text
        assert "1. Why is the Critic loudest at work?" in text  # questions stay questions
    finally:
        other.lock()

    # The Markdown export keeps the person's text and shows each turn on its own line.
    folder = export_markdown(vault, tmp_path / "markdown").parent
    written = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md")))
    assert "Self: What do you want me to know?  \n" in written
    assert "the critic: That I keep you from being laughed at.  \n" in written
    assert "Self: Thank you for working so hard.  \nNote: not a part, so not dialogue\nQ:" \
        in written  # "Note:" is not a turn: only the turn before it ends in a hard break
    assert "I sat down after the meeting.\n\nSelf:" in written  # nothing added where not needed


def test_a_long_dialogue_is_shortened_and_names_stay_text(vault: Vault) -> None:
    little = vault.parts.add(Part(name="Little <one>", role=Role.EXILE))
    archived = vault.parts.add(Part(name="Old Guard", archived=True))
    turns = "\n".join(f"Self: Are you there {n}?\nlittle <ONE>: *yes* {n}" for n in range(10))
    body = f"Old Guard: still counts\n{turns}\nSelbst: auf Deutsch"
    vault.entries.add(Entry(occurred_at=datetime(2026, 3, 10, 9, tzinfo=UTC),
                            kind=EntryKind.NOTE, title="Long", body=body,
                            parts=[PartPresence(part_id=little.id),
                                   PartPresence(part_id=archived.id)]))
    summary = build_summary(vault, date(2026, 3, 1), date(2026, 3, 31), tz=UTC, now=NOW,
                            self_names=("Self", "Selbst"))
    digest = summary.entries[0]
    assert len(digest.dialogue) == 22
    assert digest.dialogue[0] == Turn("Old Guard", "still counts", False)
    assert digest.dialogue[2] == Turn("Little <one>", "*yes* 0", False)
    assert digest.dialogue[-1] == Turn("Selbst", "auf Deutsch", True)
    assert digest.excerpt == ""
    text = to_markdown(summary, tz=UTC)
    assert "- **Little \\<one>:** yes 0\n" in text  # a name is text, never markup
    turn = re.compile(r"^- \*\*(Self|Selbst|Little \\<one>|Old Guard):\*\* ")
    shown = [line for line in text.splitlines() if turn.match(line)]
    assert len(shown) == 12
    assert "- *… and 10 more lines of dialogue in the entry.*" in text
