"""The Journal page driven like a person: typing, autosave, parts present, filters, delete/undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from partsjournal.domain import Entry, EntryKind, Part, PartPresence, Role
from partsjournal.ui.common.models import ID_ROLE, EntryListModel
from partsjournal.ui.journal.journal_models import PresenceModel, SearchResultsModel
from partsjournal.ui.journal.journal_view import JournalView
from partsjournal.vault import Vault
from partsjournal.vault.entries import EntryFilter

HTML = '<img src="file:///etc/hosts"><b>x</b>'


@pytest.fixture
def journal(qtbot, vault: Vault) -> JournalView:  # type: ignore[no-untyped-def]
    view = JournalView(vault)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def test_typing_a_new_entry_autosaves(qtbot, journal: JournalView, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(journal.new_button, Qt.MouseButton.LeftButton)
    editor = journal.editor
    qtbot.keyClicks(editor.title, "After the meeting")
    qtbot.keyClicks(editor.body, "The critic got loud.")
    assert editor.save_state.text() == "Unsaved changes"
    qtbot.waitUntil(lambda: vault.entries.count() == 1, timeout=3000)
    stored = vault.entries.get(vault.entries.list()[0].id)
    assert (stored.title, stored.body) == ("After the meeting", "The critic got loud.")
    qtbot.waitUntil(lambda: journal.model.rowCount() == 1)
    assert journal.model.index(0, 0).data() == "After the meeting"
    assert editor.save_state.text() == "Saved"


def test_empty_new_entry_is_not_stored(qtbot, journal: JournalView, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    journal.new_entry()
    journal.editor.self_energy.setValue(5)
    assert journal.flush()
    assert vault.entries.count() == 0


def test_parts_present_by_typing_and_new_part_inline(qtbot, journal: JournalView, vault: Vault,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    critic = vault.parts.add(Part(name="Inner Critic", role=Role.MANAGER))
    journal.new_entry(EntryKind.SOLO_SESSION)
    editor = journal.editor
    editor._refresh_part_names()
    qtbot.keyClicks(editor.body, "Sat with two parts.")
    qtbot.keyClicks(editor.part_input, "inner critic")
    qtbot.keyClick(editor.part_input, Qt.Key.Key_Return)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClicks(editor.part_input, "Tired One")
    qtbot.keyClick(editor.part_input, Qt.Key.Key_Return)
    assert [p.name for p in editor.presences.presences()] == ["Inner Critic", "Tired One"]
    editor.presences.setData(editor.presences.index(0, 1), "sharp at first")
    assert journal.flush()
    stored = vault.entries.get(editor.entry_id)
    assert [(p.name, p.note) for p in stored.parts] == [("Inner Critic", "sharp at first"),
                                                        ("Tired One", "")]
    assert stored.parts[0].part_id == critic.id
    assert vault.parts.find_by_name("Tired One") is not None


def test_a_partial_name_chooses_the_one_part_that_has_it(qtbot, journal: JournalView,  # type: ignore[no-untyped-def]
                                                        vault: Vault,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    worried = vault.parts.add(Part(name="The Very Worried One", role=Role.MANAGER))
    vault.parts.add(Part(name="The Critic", role=Role.MANAGER))
    vault.parts.add(Part(name="The Planner", role=Role.MANAGER))
    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    journal.new_entry()
    editor = journal.editor
    editor._refresh_part_names()
    statuses: list[str] = []
    editor.status.connect(statuses.append)
    qtbot.keyClicks(editor.body, "Worried all morning.")
    editor.part_input.setText("The Very")
    qtbot.keyClick(editor.part_input, Qt.Key.Key_Return)
    assert [(p.part_id, p.name) for p in editor.presences.presences()] == \
        [(worried.id, "The Very Worried One")]
    editor.part_input.setText("The")  # three parts have it: nothing is created or chosen
    qtbot.keyClick(editor.part_input, Qt.Key.Key_Return)
    assert len(editor.presences.presences()) == 1 and asked == []
    assert statuses[-1] == ("3 parts have “The” in their name: choose one from the list, or "
                            "type the whole name.")
    assert vault.parts.count() == 3


def test_the_part_column_fits_the_names_added(qtbot, journal: JournalView, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    vault.parts.add(Part(name="Inner Critic of Everything", role=Role.MANAGER))
    journal.new_entry()
    editor = journal.editor
    editor._refresh_part_names()
    qtbot.keyClicks(editor.body, "A loud day.")
    editor.part_input.setText("Inner Critic of Everything")
    qtbot.keyClick(editor.part_input, Qt.Key.Key_Return)
    view = editor.presence_view
    needed = view.fontMetrics().horizontalAdvance("Inner Critic of Everything")
    assert view.horizontalHeader().sectionSize(0) >= needed


def test_live_markdown_body_loads_nothing_and_keeps_html_literally(
        qtbot, journal: JournalView) -> None:  # type: ignore[no-untyped-def]
    journal.new_entry()
    editor = journal.editor
    body = f"# Heading\n\n{HTML}\n\n![pic](file:///etc/hosts) and [a link](https://example.org)"
    editor.body.setPlainText(body)
    editor.body.grab()  # lay out, highlight and paint, which is when images would be asked for
    shown = editor.body.toPlainText()
    assert shown == body  # HTML and image syntax stay text, exactly as typed
    assert "<img" in shown and "<b>x</b>" in shown
    document = editor.body.document()
    assert document.lastBlock().layout().lineCount() > 0  # it really was laid out
    for url in ("file:///etc/hosts", "https://example.org"):
        loaded = document.resource(2, url)  # 2 = an image resource
        assert not loaded  # nothing read from disk or the network
    assert set(getattr(document, "requested", [])) <= {"file:///etc/hosts", "https://example.org"}
    assert editor.body.toPlainText() == body


def test_filters_by_kind_and_part(qtbot, journal: JournalView, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    critic = vault.parts.add(Part(name="Critic"))
    vault.entries.add(Entry(kind=EntryKind.THERAPY_SESSION, title="T1",
                            parts=[PartPresence(part_id=critic.id)]))
    vault.entries.add(Entry(kind=EntryKind.NOTE, title="N1"))
    journal.refresh()
    assert journal.model.rowCount() == 2
    journal.kind_filter.setCurrentIndex(journal.kind_filter.findData("therapy_session"))
    assert [journal.model.index(r, 0).data() for r in range(journal.model.rowCount())] == ["T1"]
    journal.kind_filter.setCurrentIndex(0)
    journal.part_filter.setCurrentIndex(journal.part_filter.findData(critic.id))
    assert journal.model.rowCount() == 1
    assert journal.count.text() == "1 entry"
    journal.part_filter.setCurrentIndex(0)
    journal.period.setCurrentIndex(journal.period.findData("week"))
    assert journal.model.rowCount() == 2


def test_delete_with_confirmation_and_undo(qtbot, vault: Vault,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from partsjournal.ui.app.main_window import MainWindow

    entry = vault.entries.add(Entry(title="Keep me", body="precious"))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.open_entry(entry.id)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.journal.editor.delete_button.click()
    assert vault.entries.count() == 0
    assert window.journal.model.rowCount() == 0
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert vault.entries.get(entry.id).body == "precious"
    assert window.journal.editor.body.toPlainText() == "precious"
    window.redo_action.trigger()
    assert vault.entries.count() == 0


def test_hostile_entry_text_is_literal_everywhere(qtbot, journal: JournalView, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    part = vault.parts.add(Part(name=HTML))
    entry = vault.entries.add(Entry(title=HTML, body=HTML * 3, trailhead=HTML,
                                    parts=[PartPresence(part_id=part.id, note=HTML)]))
    journal.refresh()
    journal.open_entry(entry.id)
    editor = journal.editor
    assert editor.title.text() == HTML
    assert editor.body.toPlainText() == HTML * 3
    assert editor.trailhead.text() == HTML
    assert editor.presences.index(0, 0).data() == HTML
    assert journal.model.index(0, 0).data() == HTML
    for label in journal.findChildren(QLabel):
        if HTML in label.text() or "<b>" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText


def test_models_pass_the_model_tester(qtmodeltester, sample_vault: Vault) -> None:  # type: ignore[no-untyped-def]
    entries = EntryListModel(sample_vault)
    qtmodeltester.check(entries)
    entries.set_filter(EntryFilter(kind=EntryKind.PEER_SESSION))
    qtmodeltester.check(entries)
    results = SearchResultsModel()
    results.set_hits(sample_vault.search.search("critic"))
    assert results.rowCount() > 0
    qtmodeltester.check(results)
    presence = PresenceModel()
    first = sample_vault.entries.get(sample_vault.entries.list(limit=1)[0].id)
    presence.set_presences(first.parts)
    qtmodeltester.check(presence)


def test_entry_list_is_lazy(qtbot, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    for i in range(450):
        vault.entries.add(Entry(title=f"e{i}"))
    model = EntryListModel(vault)
    assert model.rowCount() == EntryListModel.PAGE
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert model.index(0, 0).data(ID_ROLE)


def test_search_view_offers_to_search_all_entries(qtbot, vault: Vault,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime, timedelta

    from partsjournal.ui.journal.search_view import SearchView
    from partsjournal.vault import search

    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    base = datetime(2025, 1, 1, tzinfo=UTC)
    for i in range(120):  # windows of 5, 20, 80 newest: 80 hold enough matches
        vault.entries.add(Entry(occurred_at=base + timedelta(days=i), title=f"day {i}",
                                body="kindness " * (30 if i == 3 else 1)))
    view = SearchView(vault)
    qtbot.addWidget(view)
    view.show()
    view.set_query("kindness", now=True)
    assert view.search_all.isVisible()
    assert "recent entries" in view.summary.text()
    assert "day 3" not in [view.model.hit(r).title for r in range(view.model.rowCount())]
    qtbot.mouseClick(view.search_all, Qt.MouseButton.LeftButton)
    assert view.model.hit(0).title == "day 3"
    assert not view.search_all.isVisible()


def test_a_peers_shared_part_can_be_present_in_an_entry(qtbot, vault: Vault, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        fast_kdf) -> None:
    from partsjournal.flows.importing import BundleImport
    from partsjournal.flows.sharing import ShareFlow

    other, _ = Vault.create(tmp_path / "sam", "sam's passphrase", profile=fast_kdf)
    other.identity.set_display_name("Sam")
    vault.identity.set_display_name("Robin")
    other.peers.add(vault.identity.card())
    vault.peers.add(other.identity.card())
    other.parts.add(Part(name="Sam's Critic", role=Role.MANAGER, job="Keeps Sam safe"))
    flow = ShareFlow(other)
    flow.choose_peer(other.peers.find("Robin").id)
    flow.choose_parts([p.id for p in other.parts.list()])
    flow.write(tmp_path / "share.pjbundle")
    BundleImport.from_file(vault, tmp_path / "share.pjbundle").apply()
    other.lock()
    received = vault.received.list()[0]

    view = JournalView(vault)
    qtbot.addWidget(view)
    view.new_entry(EntryKind.PEER_SESSION)
    editor = view.editor
    labels = editor.details.part_names.stringList()
    assert "Sam's Critic (Sam's)" in labels
    qtbot.keyClicks(editor.body, "Held space while Sam met their critic.")
    qtbot.keyClicks(editor.part_input, "Sam's Critic (Sam's)")
    qtbot.keyClick(editor.part_input, Qt.Key.Key_Return)
    assert editor.presences.index(0, 0).data() == "Sam's Critic (a peer's)"
    assert view.flush()
    stored = vault.entries.get(editor.entry_id)
    assert stored.parts[0].received_part_id == received.id
    assert stored.parts[0].part_id is None
