"""The import dialog, used as a person would: choose a real export file, watch it come in.

The export file is written by the real export from a separate journal holding the sample
journal, so what is checked is what a person moving their journal would see: the same parts,
entries and words to search for, a progress bar that fills, and kind refusals.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from partsjournal.archive.json_export import export_json
from partsjournal.flows.sample_journal import populate
from partsjournal.ui.export.import_dialog import ImportDialog
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KdfProfile

from ...conftest import PASSPHRASE


@pytest.fixture
def source(tmp_path: Path, fast_kdf: KdfProfile) -> Iterator[Vault]:
    """Another journal, the one the person exported from."""
    vault, _ = Vault.create(tmp_path / "old-journal", PASSPHRASE, profile=fast_kdf)
    populate(vault)
    yield vault
    vault.lock()


@pytest.fixture
def export_file(source: Vault, tmp_path: Path) -> Path:
    return export_json(source, tmp_path / "parts-journal-export.json")


def open_dialog(qtbot, vault: Vault) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(parent, title, folder, filters):  # type: ignore[no-untyped-def]
        asked.append(filters)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return asked


def test_a_real_export_is_imported_with_a_filling_progress_bar(
        qtbot, vault: Vault, source: Vault, export_file: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert vault.is_empty()
    dialog = open_dialog(qtbot, vault)
    assert dialog.import_button.isEnabled() and not dialog.refusal.isVisible()
    values: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(
        lambda value: values.append((value, dialog.progress.maximum())))
    asked = choose_file(monkeypatch, export_file)
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "*.json" in asked[0]
    result = done.args[0]
    assert (result.parts, result.entries) == (source.parts.count(), source.entries.count())

    # What the person sees.
    assert dialog.status.text() == f"Imported {result.parts} parts and {result.entries} entries."
    assert dialog.progress.isVisible()
    assert dialog.progress.maximum() > 1 and dialog.progress.value() == dialog.progress.maximum()
    assert values and values[-1] == (dialog.progress.maximum(), dialog.progress.maximum())
    assert [v for v, _ in values] == sorted(v for v, _ in values)  # it only ever moves forward
    assert not dialog.busy and dialog.close_button.isEnabled()
    assert not dialog.import_button.isEnabled()  # the journal holds the import now

    # What is stored, read back through this dialog's own vault (the GUI's connection).
    assert vault.parts.count() == source.parts.count() > 5
    assert vault.entries.count() == source.entries.count() > 20
    assert "The Critic" in {p.name for p in vault.parts.list(include_archived=True)}
    newest = source.entries.list(limit=1)[0]
    assert vault.entries.get(newest.id).body == source.entries.get(newest.id).body
    assert vault.read_snapshot() == source.read_snapshot()
    found = vault.search.search("critic")
    assert found and [(h.kind, h.id) for h in found] == \
        [(h.kind, h.id) for h in source.search.search("critic")]


def test_a_journal_with_content_is_refused_kindly(
        qtbot, sample_vault: Vault, export_file: Path) -> None:  # type: ignore[no-untyped-def]
    before = sample_vault.entries.count()
    dialog = open_dialog(qtbot, sample_vault)
    assert dialog.refusal.isVisible() and not dialog.import_button.isEnabled()
    text = dialog.refusal.text()
    assert "already holds something of yours" in text and "new, empty journal" in text
    assert "templates or spelling words" in text
    assert "create a new journal" in text and "import there" in text
    dialog.import_from(export_file)  # even when asked directly, nothing starts
    assert not dialog.busy and sample_vault.entries.count() == before


@pytest.mark.parametrize(("damage", "message"), [
    (lambda text: text[: len(text) // 2], "It is not valid JSON"),
    (lambda text: text.replace('"kind": "check_in"', '"kind": "dream"', 1),
     "“dream” is not one of: solo_session"),
], ids=["cut off", "unknown entry kind"])
def test_a_damaged_file_is_refused_and_the_journal_stays_empty(
        qtbot, vault: Vault, export_file: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        modals, damage, message: str) -> None:
    damaged = tmp_path / "damaged.json"
    damaged.write_text(damage(export_file.read_text(encoding="utf-8")), encoding="utf-8")
    shown: list[str] = []

    def answer(box: QWidget) -> bool:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()
        return True

    modals.on(QMessageBox, answer)
    dialog = open_dialog(qtbot, vault)
    with qtbot.waitSignal(dialog.failed, timeout=20_000):
        dialog.import_from(damaged)
    qtbot.waitUntil(lambda: bool(shown))
    assert message in shown[0] and "Nothing was imported." in shown[0]
    assert dialog.status.text() == "Nothing was imported; this journal is as it was."
    assert vault.is_empty() and vault.entries.count() == 0 and vault.parts.count() == 0
    assert not vault.search.search("critic")
    assert dialog.import_button.isEnabled()  # still empty: another file can be tried


def test_the_file_is_checked_off_the_gui_thread(
        qtbot, vault: Vault, export_file: Path) -> None:  # type: ignore[no-untyped-def]
    """The dialog returns at once and shows that it is working; the result arrives later."""
    dialog = open_dialog(qtbot, vault)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_from(export_file)
        assert dialog.busy and not dialog.close_button.isEnabled()
        assert dialog.status.text() == f"Reading and checking {export_file.name}…"
        dialog.reject()  # closing waits until the import has finished
        assert dialog.isVisible()
    assert not vault.is_empty()


def test_every_label_is_plain_text_and_every_control_named(
        qtbot, vault: Vault) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QLabel, QProgressBar

    dialog = open_dialog(qtbot, vault)
    assert all(lb.textFormat() == Qt.TextFormat.PlainText for lb in dialog.findChildren(QLabel))
    for widget in dialog.findChildren(QAbstractButton) + dialog.findChildren(QProgressBar):
        assert widget.accessibleName().strip(), type(widget).__name__


def test_a_hostile_export_shows_as_plain_text(
        qtbot, vault: Vault, export_file: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        modals) -> None:
    """A file name and a refusal quoting the file's own text never become markup."""
    document = json.loads(export_file.read_text(encoding="utf-8"))
    document["entries"][0]["kind"] = "<b>bold</b>"
    hostile = tmp_path / "<i>export<img src=x>.json"
    hostile.write_text(json.dumps(document), encoding="utf-8")
    shown: list[QMessageBox] = []

    def answer(box: QWidget) -> bool:
        assert isinstance(box, QMessageBox)
        shown.append(box)
        box.accept()
        return True

    modals.on(QMessageBox, answer)
    dialog = open_dialog(qtbot, vault)
    with qtbot.waitSignal(dialog.failed, timeout=20_000):
        dialog.import_from(hostile)
        assert dialog.status.text() == "Reading and checking <i>export<img src=x>.json…"
    qtbot.waitUntil(lambda: bool(shown))
    assert "“<b>bold</b>” is not one of" in shown[0].text()
    assert shown[0].textFormat() == Qt.TextFormat.PlainText


def test_the_file_menu_opens_the_import(qtbot, vault,  # type: ignore[no-untyped-def]
                                                                tmp_path) -> None:
    from PySide6.QtWidgets import QMenu

    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.export.import_dialog import ImportDialog

    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    file_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File")
    action = next(a for a in file_menu.actions() if a.text() == "Import a journal e&xport…")
    action.trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
