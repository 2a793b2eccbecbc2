"""The therapy-prep summary: what happened between two dates, to bring to a session.

:func:`build_summary` gathers the facts (entries, the parts that showed up, stage changes, the
Self-energy trend, the 8 C's, the questions the person marked with ``Q:``, the dialogue with
parts in each entry) into a plain
:class:`Summary`; :func:`to_markdown` writes it up as a warm, readable Markdown document. Journal
text inside it is escaped (:mod:`partsjournal.reports.text`), so nothing the person wrote can
turn into markup, a link or an image when the document is rendered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from statistics import fmean

from partsjournal.domain.dialogue import SELF_NAME, Cast, dialogue_lines, speakers_for
from partsjournal.domain.model import (
    C_QUALITIES,
    Entry,
    EntryKind,
    Quality,
    Role,
    Stage,
    utc_now,
)
from partsjournal.domain.words import KIND_LABELS, QUALITY_LABELS, ROLE_LABELS, STAGE_LABELS, fill
from partsjournal.errors import JournalError, NotFound
from partsjournal.reports.text import escape_markdown, is_question, plain_excerpt
from partsjournal.vault.entries import EntryFilter
from partsjournal.vault.vault import Vault

Translate = Callable[[str], str]
FormatDate = Callable[[date], str]


@dataclass(frozen=True)
class Turn:
    """One line of a dialogue with a part: who spoke (Self or the part's name) and what."""

    speaker: str
    said: str
    is_self: bool


@dataclass(frozen=True)
class EntryDigest:
    """One entry as the summary shows it: never the whole body, only its beginning.

    ``excerpt`` is the prose (dialogue left out); ``dialogue`` its turns, in order, so the
    summary can show a conversation as one, a speaker to a line.
    """

    id: str
    occurred_at: datetime
    kind: EntryKind
    title: str
    excerpt: str
    self_energy: int | None
    part_names: tuple[str, ...]
    dialogue: tuple[Turn, ...] = ()


@dataclass(frozen=True)
class ActivePart:
    """A part that showed up in the period, and in how many entries.

    ``received_from`` is the peer's name for a part a peer shared, else empty; ``role`` and
    ``stage`` are None where they are not known (a peer may not have shared them).
    """

    id: str
    name: str
    role: Role | None
    stage: Stage | None
    count: int
    received_from: str = ""


@dataclass(frozen=True)
class StageChange:
    """A part's stage event inside the period; ``previous`` is None for its first one."""

    part_id: str
    part_name: str
    occurred_at: datetime
    stage: Stage
    previous: Stage | None
    note: str


@dataclass(frozen=True)
class WeekAverage:
    """The average Self-energy of the entries of one week (weeks start on Monday)."""

    week_start: date
    average: float
    count: int


@dataclass(frozen=True)
class Reading:
    """One Self-energy rating and the day it was given."""

    day: date
    value: int


@dataclass(frozen=True)
class SelfEnergyTrend:
    """How Self-energy moved: per week, overall, and the first and last rating."""

    weeks: tuple[WeekAverage, ...]
    first: Reading | None
    last: Reading | None
    average: float | None
    count: int


@dataclass(frozen=True)
class QualityAverage:
    """The average of one of the 8 C's over the entries where it was rated."""

    quality: str
    average: float
    count: int


@dataclass(frozen=True)
class Question:
    """A line starting with ``Q:`` in an entry: something to bring to the session."""

    text: str
    entry_id: str
    entry_title: str
    day: date


@dataclass(frozen=True)
class Summary:
    """Everything the therapy-prep summary says, before it is written up."""

    since: date
    until: date
    part_names: tuple[str, ...]
    entries: tuple[EntryDigest, ...]
    active_parts: tuple[ActivePart, ...]
    stage_changes: tuple[StageChange, ...]
    self_energy: SelfEnergyTrend
    qualities: tuple[QualityAverage, ...]
    questions: tuple[Question, ...]
    generated_at: datetime


# Gathering ---------------------------------------------------------------------------------

def _as_date(value: date | datetime, tz: tzinfo | None) -> date:
    if isinstance(value, datetime):
        return _local(value, tz).date()
    return value


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    """``moment`` in ``tz``, or in the computer's own time zone (DST-aware) when None."""
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def _start_of(day: date, tz: tzinfo | None) -> datetime:
    midnight = datetime.combine(day, time())
    return midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()


def build_summary(vault: Vault, since: date | datetime, until: date | datetime | None = None,
                  part_ids: Sequence[str] | None = None, *, tz: tzinfo | None = None,
                  now: datetime | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  self_names: Sequence[str] = (SELF_NAME,)) -> Summary:
    """Gather the summary of the days ``since`` to ``until``, both included.

    Days are calendar days in ``tz`` (default: this computer's time zone); ``until`` defaults to
    today. With ``part_ids`` (the person's own parts), only entries where at least one of them
    showed up count, and only those parts' stage changes are listed; None or an empty list means
    every part. ``progress(done, total)`` hears how many of the period's entries were read
    (reading them is most of the work), every few dozen and once at the end. A dialogue turn
    is a line starting with one of ``self_names`` or a part's name (archived parts included,
    their old conversations still count) and a colon; the app adds Self's translated name.
    """
    now = now or utc_now()
    first_day = _as_date(since, tz)
    last_day = _as_date(until, tz) if until is not None else _local(now, tz).date()
    if last_day < first_day:
        raise JournalError("The summary's end date is before its start date. Choose an end "
                           "date on or after the start.")
    start, end = _start_of(first_day, tz), _start_of(last_day + timedelta(days=1), tz)
    chosen = list(dict.fromkeys(part_ids or ()))
    names = []
    for pid in chosen:
        try:
            names.append(vault.parts.get(pid).name)
        except NotFound as exc:
            raise NotFound("One of the chosen parts no longer exists; choose the parts "
                           "again.") from exc

    cast = Cast(speakers_for(vault.parts.list(include_archived=True), self_names=self_names))
    listed = vault.entries.list(EntryFilter(since=start, until=end))
    entries = []
    for done, summary in enumerate(reversed(listed), 1):  # oldest first
        entries.append(vault.entries.get(summary.id))
        if progress is not None and (done % 25 == 0 or done == len(listed)):
            progress(done, len(listed))
    if chosen:
        wanted = set(chosen)
        entries = [e for e in entries if any(p.part_id in wanted for p in e.parts)]

    return Summary(
        since=first_day, until=last_day, part_names=tuple(names),
        entries=tuple(_digest(e, cast) for e in entries),
        active_parts=_active_parts(vault, entries, set(chosen)),
        stage_changes=_stage_changes(vault, chosen, start, end),
        self_energy=_trend(entries, tz),
        qualities=_qualities(entries),
        questions=tuple(_questions(entries, tz)),
        generated_at=now,
    )


def _digest(entry: Entry, cast: Cast) -> EntryDigest:
    turns = tuple(Turn(t.speaker.name, t.said, t.speaker.is_self)
                  for t in dialogue_lines(entry.body, cast) if t.said)
    excerpt = plain_excerpt(entry.body,
                            skip=(lambda line: cast.match(line) is not None) if cast else None)
    return EntryDigest(id=entry.id, occurred_at=entry.occurred_at, kind=entry.kind,
                       title=entry.title, excerpt=excerpt, self_energy=entry.self_energy,
                       part_names=tuple(p.name for p in entry.parts if p.name),
                       dialogue=turns)


def _active_parts(vault: Vault, entries: Iterable[Entry], chosen: set[str]
                  ) -> tuple[ActivePart, ...]:
    counts: Counter[tuple[str, bool]] = Counter()
    for entry in entries:
        for presence in entry.parts:
            if presence.part_id is not None:
                if not chosen or presence.part_id in chosen:
                    counts[(presence.part_id, False)] += 1
            elif presence.received_part_id is not None and not chosen:
                counts[(presence.received_part_id, True)] += 1
    active = []
    for (pid, received), count in counts.items():
        if received:
            held = vault.received.get(pid)
            active.append(ActivePart(pid, held.name, held.role, held.stage, count,
                                     held.peer_name))
        else:
            part = vault.parts.get(pid)
            active.append(ActivePart(pid, part.name, part.role, part.stage, count))
    active.sort(key=lambda a: (-a.count, a.received_from.casefold(), a.name.casefold()))
    return tuple(active)


def _stage_changes(vault: Vault, chosen: list[str], start: datetime, end: datetime
                   ) -> tuple[StageChange, ...]:
    parts = [vault.parts.get(pid) for pid in chosen] if chosen \
        else vault.parts.list(include_archived=True)
    changes = []
    for part in parts:
        previous: Stage | None = None
        for event in vault.parts.history(part.id):
            if start <= event.occurred_at < end:
                changes.append(StageChange(part.id, part.name, event.occurred_at, event.stage,
                                           previous, event.note))
            previous = event.stage
    changes.sort(key=lambda c: (c.occurred_at, c.part_name.casefold()))
    return tuple(changes)


def _trend(entries: Sequence[Entry], tz: tzinfo | None) -> SelfEnergyTrend:
    readings = [Reading(_local(e.occurred_at, tz).date(), e.self_energy)
                for e in entries if e.self_energy is not None]
    by_week: dict[date, list[int]] = defaultdict(list)
    for reading in readings:
        by_week[reading.day - timedelta(days=reading.day.weekday())].append(reading.value)
    weeks = tuple(WeekAverage(start, fmean(values), len(values))
                  for start, values in sorted(by_week.items()))
    return SelfEnergyTrend(
        weeks=weeks, first=readings[0] if readings else None,
        last=readings[-1] if readings else None,
        average=fmean(r.value for r in readings) if readings else None, count=len(readings))


def _qualities(entries: Sequence[Entry]) -> tuple[QualityAverage, ...]:
    averages = []
    for quality in C_QUALITIES:
        values = [e.qualities[quality] for e in entries if quality in e.qualities]
        if values:
            averages.append(QualityAverage(quality, fmean(values), len(values)))
    return tuple(averages)


def _questions(entries: Iterable[Entry], tz: tzinfo | None) -> Iterable[Question]:
    for entry in entries:
        for line in entry.body.splitlines():
            if is_question(line):
                text = line.lstrip()[2:].strip()
                if text:
                    yield Question(text, entry.id, entry.title,
                                   _local(entry.occurred_at, tz).date())


# Writing -----------------------------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
KIND_COUNTS: dict[EntryKind, tuple[str, str]] = {
    EntryKind.SOLO_SESSION: ("%1 solo session", "%1 solo sessions"),
    EntryKind.THERAPY_SESSION: ("%1 therapy session", "%1 therapy sessions"),
    EntryKind.PEER_SESSION: ("%1 peer session", "%1 peer sessions"),
    EntryKind.CHECK_IN: ("%1 check-in", "%1 check-ins"),
    EntryKind.NOTE: ("%1 note", "%1 notes"),
}
def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class _Writer:
    tr: Translate
    words: Translate
    day: FormatDate
    tz: tzinfo | None

    def count(self, n: int, one: str, many: str) -> str:
        return fill(self.tr(one) if n == 1 else self.tr(many), n)

    def number(self, value: float) -> str:
        return f"{value:.1f}"


def default_date(day: date) -> str:
    """A date as people write it, e.g. ``3 March 2026`` (the app passes its locale's format)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def to_markdown(summary: Summary, *, tr: Translate | None = None,
                words: Translate | None = None, format_date: FormatDate | None = None,
                tz: tzinfo | None = None) -> str:
    """Write the summary up as Markdown, warm and plain.

    ``tr`` translates each fixed sentence before its ``%1``… are filled in, and ``words`` the
    names of roles, stages, kinds and the 8 C's (``domain/words.py``; the app passes Qt's
    translator for each); ``format_date`` writes a date (the app passes its locale's long
    format). Every piece of journal text is escaped, so the document's structure is only ever
    ours.
    """
    w = _Writer(tr or _identity, words or _identity, format_date or default_date, tz)
    t = w.tr
    out: list[str] = [f"# {t('Therapy-prep summary')}", ""]
    period = fill(t("%1 to %2"), w.day(summary.since), w.day(summary.until))
    out.append(f"**{escape_markdown(period)}**")
    if summary.part_names:
        out += ["", fill(t("Parts chosen: %1"),
                         ", ".join(escape_markdown(n) for n in summary.part_names))]
    out += ["", "*" + t("A gentle look back over these days, to bring to your next session. Take "
                        "what helps and leave the rest.") + "*", ""]
    out += _glance(summary, w)
    out += _question_lines(summary, w)
    out += _part_lines(summary, w)
    out += _stage_lines(summary, w)
    out += _trend_lines(summary, w)
    out += _entry_lines(summary, w)
    out += ["---", "", "*" + fill(t("Written by Parts Journal on %1. This file is not encrypted: "
                                    "keep it somewhere private, and delete it when you no longer "
                                    "need it."), w.day(_local(summary.generated_at,
                                                                   tz).date())) + "*", ""]
    return "\n".join(out)


def _glance(summary: Summary, w: _Writer) -> list[str]:
    t = w.tr
    lines = [f"## {t('At a glance')}", ""]
    if not summary.entries:
        return lines + [t("There are no entries in these days. That is all right: sometimes "
                          "life is the practice."), ""]
    kinds = Counter(e.kind for e in summary.entries)
    parts = ", ".join(w.count(n, *KIND_COUNTS[k]) for k, n in
                      sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0].value)))
    lines.append("- " + fill(t("%1: %2."),
                             w.count(len(summary.entries), "%1 entry", "%1 entries"), parts))
    trend = summary.self_energy
    if trend.count and trend.first and trend.last and trend.average is not None:
        if trend.count == 1:
            lines.append("- " + fill(t("Self-energy was rated once: %1 on %2."),
                                     trend.first.value, w.day(trend.first.day)))
        else:
            lines.append("- " + fill(t("Self-energy averaged %1 over %2 ratings, from "
                                       "%3 on %4 to %5 on %6."),
                                     w.number(trend.average), trend.count, trend.first.value,
                                     w.day(trend.first.day), trend.last.value,
                                     w.day(trend.last.day)))
    if summary.active_parts:
        lines.append("- " + w.count(len(summary.active_parts), "%1 part showed up.",
                                    "%1 parts showed up."))
    if summary.stage_changes:
        lines.append("- " + w.count(len(summary.stage_changes), "%1 stage change.",
                                    "%1 stage changes."))
    return lines + [""]


def _question_lines(summary: Summary, w: _Writer) -> list[str]:
    t = w.tr
    lines = [f"## {t('Questions to bring')}", ""]
    if not summary.questions:
        return lines + [t("No questions were marked in these entries. Start a line with Q: in "
                          "an entry, and it will be collected here next time."), ""]
    for number, question in enumerate(summary.questions, 1):
        title = question.entry_title or t("an untitled entry")
        source = fill(t("from “%1”, %2"), title, w.day(question.day))
        # One line per item: a continuation line would become an item of its own in some
        # renderers (Qt's among them).
        lines.append(f"{number}. {escape_markdown(question.text)} *({escape_markdown(source)})*")
    return lines + [""]


def _part_lines(summary: Summary, w: _Writer) -> list[str]:
    t = w.tr
    if not summary.active_parts:
        return []
    lines = [f"## {t('Parts who showed up')}", ""]
    for part in summary.active_parts:
        facts = []
        if part.role is not None:
            facts.append(w.words(ROLE_LABELS[part.role]))
        if part.stage is not None:
            facts.append(w.words(STAGE_LABELS[part.stage]))
        if part.received_from:
            facts.append(fill(t("shared by %1"), part.received_from))
        about = f" ({escape_markdown(', '.join(facts))})" if facts else ""
        times = w.count(part.count, "in %1 entry", "in %1 entries")
        lines.append(f"- **{escape_markdown(part.name)}**{about}: {times}")
    return lines + [""]


def _stage_lines(summary: Summary, w: _Writer) -> list[str]:
    t = w.tr
    if not summary.stage_changes:
        return []
    lines = [f"## {t('Stage changes')}", ""]
    for change in summary.stage_changes:
        day = w.day(_local(change.occurred_at, w.tz).date())
        if change.previous is None and change.stage is Stage.NOTICED:
            what = fill(t("%1 was first noticed"), change.part_name)
        elif change.previous is None:
            what = fill(t("%1 was first noted, already %2"),
                        change.part_name, w.words(STAGE_LABELS[change.stage]))
        else:
            what = fill(t("%1: %2 → %3"),
                        change.part_name, w.words(STAGE_LABELS[change.previous]),
                        w.words(STAGE_LABELS[change.stage]))
        note = f": *“{escape_markdown(change.note)}”*" if change.note.strip() else ""
        lines.append(f"- **{escape_markdown(day)}**: {escape_markdown(what)}{note}")
    return lines + [""]


def _trend_lines(summary: Summary, w: _Writer) -> list[str]:
    t = w.tr
    lines: list[str] = []
    if summary.self_energy.weeks:
        lines += [f"## {t('Self-energy over the weeks')}", ""]
        for week in summary.self_energy.weeks:
            lines.append("- " + fill(t("Week of %1: %2 (%3)"),
                                     w.day(week.week_start), w.number(week.average),
                                     w.count(week.count, "%1 rating", "%1 ratings")))
        lines.append("")
    if summary.qualities:
        lines += [f"## {t('The 8 C’s, where you rated them')}", ""]
        for rated in summary.qualities:
            lines.append("- " + fill(t("%1: %2 (%3)"),
                                     w.words(QUALITY_LABELS[Quality(rated.quality)]),
                                     w.number(rated.average),
                                     w.count(rated.count, "%1 rating", "%1 ratings")))
        lines.append("")
    return lines


def _entry_lines(summary: Summary, w: _Writer) -> list[str]:
    t = w.tr
    if not summary.entries:
        return []
    lines = [f"## {t('Entries')}", ""]
    for entry in summary.entries:
        day = w.day(_local(entry.occurred_at, w.tz).date())
        kind = w.words(KIND_LABELS[entry.kind])
        title = entry.title or t("Untitled")
        lines += [f"### {escape_markdown(day)} · {escape_markdown(kind)} · "
                  f"{escape_markdown(title)}", ""]
        facts = []
        if entry.self_energy is not None:
            facts.append(fill(t("Self-energy %1"), entry.self_energy))
        if entry.part_names:
            facts.append(fill(t("Parts: %1"), ", ".join(entry.part_names)))
        if facts:
            lines += ["*" + escape_markdown(" · ".join(facts)) + "*", ""]
        if entry.excerpt:
            lines += [escape_markdown(entry.excerpt), ""]
        lines += _dialogue_lines(entry, w)
    return lines


#: The most turns of one entry's dialogue the summary shows (the summary is not the journal).
DIALOGUE_TURNS = 12


def _dialogue_lines(entry: EntryDigest, w: _Writer) -> list[str]:
    """A conversation as one: each turn on its own line, the speaker's name first, in bold."""
    if not entry.dialogue:
        return []
    lines = []
    for turn in entry.dialogue[:DIALOGUE_TURNS]:
        said = plain_excerpt(turn.said)
        lines.append(f"- **{escape_markdown(turn.speaker)}:** {escape_markdown(said)}")
    more = len(entry.dialogue) - DIALOGUE_TURNS
    if more > 0:
        lines.append("- *" + escape_markdown(w.count(more, "… and %1 more line of dialogue in "
                                                      "the entry.", "… and %1 more lines of "
                                                      "dialogue in the entry.")) + "*")
    return lines + [""]
