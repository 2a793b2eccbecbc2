"""The default entry templates: one for every kind, short, translatable, Qt-free."""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from partsjournal.domain import templates
from partsjournal.domain.model import EntryKind
from partsjournal.domain.templates import CONTEXT, default_template
from partsjournal.reports.text import is_question


@pytest.mark.parametrize("kind", list(EntryKind))
def test_every_kind_has_a_short_default(kind: EntryKind) -> None:
    text = default_template(kind)
    assert len(text.splitlines()) <= 20, "a template is a starting point, not a form"
    if kind is EntryKind.NOTE:
        assert text == ""
    else:
        assert text.startswith("## ")


def test_the_defaults_say_what_the_issue_asked_for() -> None:
    check_in = default_template(EntryKind.CHECK_IN)
    assert "## Who is here today?" in check_in and "## What do they need?" in check_in
    headings = [line for line in default_template(EntryKind.SOLO_SESSION).splitlines()
                if line.startswith("## ")]
    assert headings == ["## Find", "## Focus", "## Flesh out", "## Feel toward", "## Befriend",
                        "## Fear"]
    peer = default_template(EntryKind.PEER_SESSION)
    assert "## What my companion noticed" in peer and "## Our agreements" in peer


def test_the_therapy_template_offers_a_question_line_the_summary_collects() -> None:
    lines = default_template(EntryKind.THERAPY_SESSION).splitlines()
    questions = [n for n, line in enumerate(lines) if is_question(line)]
    assert len(questions) == 1
    assert lines[questions[0]] == "Q: "
    assert lines[questions[0] - 1] == "A question for my therapist:"


def test_the_defaults_go_through_the_translator_and_a_note_stays_empty() -> None:
    seen: list[str] = []

    def tr(text: str) -> str:
        seen.append(text)
        return text.upper()

    assert default_template(EntryKind.CHECK_IN, tr) == templates.CHECK_IN.upper()
    assert default_template(EntryKind.NOTE, tr) == ""
    assert seen == [templates.CHECK_IN]


def test_lupdate_finds_every_default_for_translators(tmp_path: Path) -> None:
    lupdate = Path(__import__("PySide6").__file__).parent / "lupdate"
    if not lupdate.exists():
        pytest.skip("PySide6's lupdate is not installed")
    ts = tmp_path / "templates.ts"
    subprocess.run([str(lupdate), str(templates.__file__), "-ts", str(ts)], check=True,
                   capture_output=True)
    root = ElementTree.parse(ts).getroot()
    (context,) = root.iter("context")
    assert context.findtext("name") == CONTEXT
    sources = {m.findtext("source") for m in context.iter("message")}
    assert sources == {default_template(kind) for kind in EntryKind} - {""}
    comments = [m.findtext("extracomment") or "" for m in context.iter("message")]
    assert all("## " in comment for comment in comments), "translators are told to keep ##"
