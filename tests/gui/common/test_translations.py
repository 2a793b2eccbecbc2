"""Counted sentences use Qt's %n with English plural forms shipped in package data."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from partsjournal.domain.model import Entry, EntryKind
from partsjournal.ui.common.translations import install_translations
from partsjournal.ui.journal.journal_view import JournalView
from partsjournal.vault import Vault

from ..fixtures import shown

sys.path.insert(0, str(Path(__file__).parents[3]))
from tools import translations as tool  # noqa: E402


def test_english_has_a_singular_and_a_plural(qapp) -> None:  # type: ignore[no-untyped-def]
    assert "en" in install_translations(qapp, QLocale("de_DE"))
    say = QCoreApplication.translate
    assert say("JournalView", "%n entries", "", 1) == "1 entry"
    assert say("JournalView", "%n entries", "", 0) == "0 entries"
    assert say("JournalView", "%n entries", "", 21) == "21 entries"
    assert say("InsightsView", "%n parts showed up", "", 1) == "1 part showed up"
    assert say("QualitiesChart", "%1 · %n ratings", "", 1) == "%1 · 1 rating"
    assert say("InsightsView", "%n ratings, averaging %1.", "", 3) == "3 ratings, averaging %1."
    assert say("PartsView", "This part shows up in %n journal entries. Double-click one or "
               "press Enter to open it.", "", 1).startswith("This part shows up in 1 journal "
                                                         "entry.")


def test_the_journal_count_reads_naturally(qtbot: QtBot, vault: Vault) -> None:
    vault.entries.add(Entry(kind=EntryKind.NOTE, title="One", body="x"))
    view = shown(qtbot, JournalView(vault))
    view.refresh()
    assert view.count.text() == "1 entry"


def test_every_counted_sentence_has_its_english_forms(tmp_path: Path) -> None:
    """Adding a %n sentence without its English forms (make translations) fails here."""
    if not (tool.QT_TOOLS / "lupdate").exists():
        pytest.skip("PySide6's lupdate is not installed")
    ts = tmp_path / "partsjournal_en.ts"
    shutil.copy(tool.TS, ts)
    tool.update(ts)
    assert tool.missing_forms(ts) == []
    assert ts.read_text(encoding="utf-8") == tool.TS.read_text(encoding="utf-8"), \
        "run `make translations`: the code's counted sentences changed"


def test_the_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    if not (tool.QT_TOOLS / "lrelease").exists():
        pytest.skip("PySide6's lrelease is not installed")
    qm = tmp_path / "en.qm"
    tool.release(tool.TS, qm)
    assert qm.read_bytes() == tool.QM.read_bytes()
