from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from partsjournal.domain.model import (
    Entry,
    EntryKind,
    Part,
    PartPresence,
    Role,
    Stage,
    StageEvent,
)
from partsjournal.errors import JournalError
from partsjournal.reports.summary import build_summary, to_markdown
from partsjournal.reports.text import escape_markdown, plain_excerpt
from partsjournal.vault import Vault

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)


def at(day: int, hour: int = 10, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


@pytest.fixture
def journal(vault: Vault) -> dict[str, str]:
    """Two parts and a handful of entries in March 2026 (times in UTC)."""
    critic = vault.parts.add(Part(name="Critic", role=Role.MANAGER, created_at=at(1, month=2),
                                  updated_at=at(1, month=2)))
    little = vault.parts.add(Part(name="Little <one>", role=Role.EXILE, created_at=at(5),
                                  updated_at=at(5)))
    vault.parts.add_stage_event(StageEvent(critic.id, Stage.GETTING_TO_KNOW, at(1, month=2)))
    critic.stage = Stage.BEFRIENDED
    vault.parts.update(critic, stage_note="said thanks", at=at(10))

    def add(day: int, kind: EntryKind, title: str, body: str, energy: int | None,
            parts: list[str], qualities: dict[str, int] | None = None, hour: int = 10) -> None:
        vault.entries.add(Entry(occurred_at=at(day, hour), kind=kind, title=title, body=body,
                                self_energy=energy, qualities=qualities or {},
                                parts=[PartPresence(part_id=p) for p in parts]))

    add(1, EntryKind.NOTE, "Before the range", "Q: not this one", 1, [critic.id], hour=0)
    add(2, EntryKind.SOLO_SESSION, "Monday", "Sat with it.\nQ: Why now?\n  Q:  And why so loud? ",
        4, [critic.id], {"calm": 4, "curiosity": 6})
    add(4, EntryKind.CHECK_IN, "", "# Heading\n![x](file:///etc/passwd) **bold** text", None,
        [little.id], {"calm": 6})
    add(9, EntryKind.THERAPY_SESSION, "# Not a heading <img src=x>", "Q: Is Little safe?",
        8, [critic.id, little.id])
    add(15, EntryKind.SOLO_SESSION, "Last day", "late", 6, [], hour=23)
    add(16, EntryKind.NOTE, "After the range", "Q: not this either", 9, [critic.id], hour=0)
    return {"critic": critic.id, "little": little.id}


def test_range_is_inclusive_days_and_gathers_everything(vault: Vault,
                                                       journal: dict[str, str]) -> None:
    summary = build_summary(vault, date(2026, 3, 2), date(2026, 3, 15), tz=UTC, now=NOW)
    assert [e.title for e in summary.entries] == [
        "Monday", "", "# Not a heading <img src=x>", "Last day"]
    assert (summary.since, summary.until) == (date(2026, 3, 2), date(2026, 3, 15))
    assert [(a.name, a.role, a.stage, a.count) for a in summary.active_parts] == [
        ("Critic", Role.MANAGER, Stage.BEFRIENDED, 2),
        ("Little <one>", Role.EXILE, Stage.NOTICED, 2)]
    # Little's creation (5 March) and the Critic's befriending (10 March) fall in the range.
    assert [(c.part_name, c.previous, c.stage, c.note) for c in summary.stage_changes] == [
        ("Little <one>", None, Stage.NOTICED, ""),
        ("Critic", Stage.GETTING_TO_KNOW, Stage.BEFRIENDED, "said thanks")]
    assert [q.text for q in summary.questions] == ["Why now?", "And why so loud?",
                                                   "Is Little safe?"]
    assert summary.questions[2].day == date(2026, 3, 9)


def test_self_energy_trend_and_the_eight_cs(vault: Vault, journal: dict[str, str]) -> None:
    summary = build_summary(vault, date(2026, 3, 2), date(2026, 3, 15), tz=UTC, now=NOW)
    trend = summary.self_energy
    # Weeks start on Monday: 2 March (4), 9 March (8 and 6).
    assert [(w.week_start, w.average, w.count) for w in trend.weeks] == [
        (date(2026, 3, 2), 4.0, 1), (date(2026, 3, 9), 7.0, 2)]
    assert (trend.first.value, trend.first.day) == (4, date(2026, 3, 2))  # type: ignore[union-attr]
    assert (trend.last.value, trend.last.day) == (6, date(2026, 3, 15))  # type: ignore[union-attr]
    assert trend.average == pytest.approx(6.0) and trend.count == 3
    assert [(q.quality, q.average, q.count) for q in summary.qualities] == [
        ("calm", 5.0, 2), ("curiosity", 6.0, 1)]


def test_choosing_parts_narrows_entries_parts_and_stage_changes(
        vault: Vault, journal: dict[str, str]) -> None:
    summary = build_summary(vault, date(2026, 3, 1), date(2026, 3, 31), [journal["little"]],
                            tz=UTC, now=NOW)
    assert summary.part_names == ("Little <one>",)
    assert [e.title for e in summary.entries] == ["", "# Not a heading <img src=x>"]
    assert [a.name for a in summary.active_parts] == ["Little <one>"]
    assert [c.part_name for c in summary.stage_changes] == ["Little <one>"]
    assert [q.text for q in summary.questions] == ["Is Little safe?"]
    # An empty choice means every part.
    everything = build_summary(vault, date(2026, 3, 1), date(2026, 3, 31), [], tz=UTC, now=NOW)
    assert len(everything.entries) == 6


def test_end_before_start_and_missing_parts_are_refused(vault: Vault,
                                                        journal: dict[str, str]) -> None:
    with pytest.raises(JournalError, match="end date is before its start"):
        build_summary(vault, date(2026, 3, 10), date(2026, 3, 9), tz=UTC)
    with pytest.raises(JournalError, match="no longer exists"):
        build_summary(vault, date(2026, 3, 1), None, ["0" * 8 + "-0000-4000-8000-" + "0" * 12])


def test_markdown_is_readable_and_journal_text_stays_text(vault: Vault,
                                                          journal: dict[str, str]) -> None:
    text = to_markdown(build_summary(vault, date(2026, 3, 2), date(2026, 3, 15), tz=UTC,
                                     now=NOW), tz=UTC)
    assert text.startswith("# Therapy-prep summary\n")
    assert "**2 March 2026 to 15 March 2026**" in text
    assert "- 4 entries: 2 solo sessions, 1 check-in, 1 therapy session." in text
    assert ("- Self-energy averaged 6.0 over 3 ratings, from 4 on 2 March 2026 to 6 on "
            "15 March 2026.") in text
    assert "1. Why now? *(from “Monday”, 2 March 2026)*\n" in text
    assert "3. Is Little safe?" in text
    assert "- **Critic** (Manager, Befriended): in 2 entries" in text
    assert "- **Little \\<one>** (Exile, Noticed): in 2 entries" in text
    assert "Critic: Getting to know → Befriended: *“said thanks”*" in text
    assert "Little \\<one> was first noticed" in text
    assert "- Week of 9 March 2026: 7.0 (2 ratings)" in text
    assert "- Calm: 5.0 (2 ratings)" in text
    assert "### 9 March 2026 · Therapy session · \\# Not a heading \\<img src=x>" in text
    assert "### 4 March 2026 · Check-in · Untitled" in text
    assert "not encrypted" in text
    # Nothing the person wrote became a heading, an image or HTML.
    assert not re.search(r"^#+ (Heading|Not a heading)", text, re.M)
    assert "![" not in text and "file:///" not in text
    assert not re.search(r"(?<!\\)<", text)  # every "<" is escaped: no HTML
    assert "\n\nx bold text\n" in text  # the image is its alt text; the heading is left out
    assert "not this" not in text  # questions outside the range


def test_markdown_for_an_empty_period_is_kind(vault: Vault, journal: dict[str, str]) -> None:
    text = to_markdown(build_summary(vault, date(2025, 1, 1), date(2025, 1, 31), tz=UTC,
                                     now=NOW), tz=UTC)
    assert "There are no entries in these days." in text
    assert "Start a line with Q:" in text
    assert "## Entries" not in text and "## Parts who showed up" not in text


def test_translation_and_date_hooks(vault: Vault, journal: dict[str, str]) -> None:
    summary = build_summary(vault, date(2026, 3, 2), date(2026, 3, 15), tz=UTC, now=NOW)
    text = to_markdown(summary, tr=lambda s: s.replace("Therapy-prep summary", "Résumé"),
                       format_date=lambda d: d.isoformat(), tz=UTC)
    assert text.startswith("# Résumé\n") and "**2026-03-02 to 2026-03-15**" in text


def test_sample_journal_collects_every_question(sample_vault: Vault) -> None:
    summary = build_summary(sample_vault, date.today() - timedelta(days=400))
    assert len(summary.entries) == sample_vault.entries.count()
    assert len(summary.questions) == 7
    assert all(not q.text.startswith("Q:") and q.text for q in summary.questions)
    assert "## Questions to bring" in to_markdown(summary)


def test_gathering_reports_how_far_it_has_come(sample_vault: Vault) -> None:
    heard: list[tuple[int, int]] = []
    summary = build_summary(sample_vault, date.today() - timedelta(days=400), date.today(),
                            progress=lambda done, total: heard.append((done, total)))
    total = len(summary.entries)
    assert total > 25 and heard[-1] == (total, total)
    assert [d for d, _ in heard] == sorted({d for d, _ in heard})  # only ever forward
    assert {t for _, t in heard} == {total}


def test_a_guided_entry_reads_as_sentences_not_run_on_text() -> None:
    body = ("## Find\n\n**What asked for attention:**\n\nTight chest before the meeting\n"
            "and more\n\n## Focus\n\n**What I noticed turning toward it:**\n\nIt is scared\n\n"
            "**Feelings toward it:** Curious, Calm")
    assert plain_excerpt(body) == (
        "What asked for attention: Tight chest before the meeting and more. What I noticed "
        "turning toward it: It is scared. Feelings toward it: Curious, Calm")


def test_a_long_excerpt_ends_after_a_whole_sentence() -> None:
    body = "I sat with the Critic. " * 5 + "Then a long sentence that would not fit " * 10
    excerpt = plain_excerpt(body, limit=140)
    assert excerpt.endswith("I sat with the Critic. …") and len(excerpt) <= 140
    # Without a sentence end early enough, it is cut at a word, never inside one.
    assert plain_excerpt("word " * 200, limit=30) == "word word word word word word…"


def test_excerpt_and_escaping() -> None:
    assert plain_excerpt("## Title\n- one *two* [link](http://x) ![img](file:///y)") == \
        "one two link img"  # the heading names a section; the excerpt is the writing
    long = plain_excerpt("word " * 200, limit=30)
    assert long.endswith("…") and len(long) <= 31
    assert escape_markdown("# a\n*b* <i>&amp; [c](d)") == "\\# a \\*b\\* \\<i>\\&amp; \\[c\\](d)"
    assert escape_markdown("12. one") == "12\\. one"
    assert escape_markdown("- item") == "\\- item" and escape_markdown("> quote") == "\\> quote"
