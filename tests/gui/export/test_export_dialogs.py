"""The summary and export dialogs, used the way a person would: dates, ticks, buttons.

The PDF's text is read back with ``pdftotext`` (Debian's poppler-utils). Qt's PDF writer
stores text as glyph ids of an embedded font subset, so the words are not in the file as bytes;
reading them needs a real PDF text extractor, and poppler's is the standard one. Rather than add
a Python PDF library as a dependency for one test, the text checks are skipped (with that reason)
where poppler is not installed; what can be checked without it (a PDF, its page count, its title,
private permissions) always is.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from partsjournal.archive.json_import import read_export
from partsjournal.domain.model import Entry, EntryKind
from partsjournal.ui.export.export_dialog import ExportDialog
from partsjournal.ui.export.export_dialogs import PartChoiceModel, SummaryDialog
from partsjournal.ui.export.summary_pdf import page_size_for, render_pdf
from partsjournal.vault import Vault

HAVE_PDFTOTEXT = shutil.which("pdftotext") is not None
needs_pdftotext = pytest.mark.skipif(
    not HAVE_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed; the PDF's text "
    "can't be read back without a PDF text extractor")


def pdf_text(path: Path) -> str:
    """The text of a PDF, ligatures undone and whitespace collapsed."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    return " ".join(unicodedata.normalize("NFKC", out).split())


def pdf_pages(data: bytes) -> int:
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_summary(qtbot, vault: Vault) -> SummaryDialog:  # type: ignore[no-untyped-def]
    """Open the dialog and wait until its first summary (gathered in a worker) is shown."""
    dialog = SummaryDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.busy and not dialog.markdown_button.isEnabled()  # nothing to save yet
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    return dialog


def choose_save_path(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(parent, title, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def tick(qtbot, dialog: SummaryDialog, name: str) -> None:  # type: ignore[no-untyped-def]
    """Select a part in the list and press Space, as a keyboard user does."""
    model = dialog.parts_model
    row = next(r for r in range(model.rowCount())
               if model.data(model.index(r)) == name)
    dialog.parts_view.setFocus()
    dialog.parts_view.setCurrentIndex(model.index(row))
    qtbot.keyClick(dialog.parts_view, Qt.Key.Key_Space)


def test_part_choice_model(qtmodeltester, sample_vault: Vault) -> None:  # type: ignore[no-untyped-def]
    model = PartChoiceModel(sample_vault.parts.list(include_archived=True))
    qtmodeltester.check(model)
    names = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert names[0] == "The Critic" and names[-1].endswith("(archived)")
    part_id = model.data(model.index(1), Qt.ItemDataRole.UserRole + 1)
    model.set_checked(part_id, True)
    assert model.checked_ids() == [part_id]
    qtmodeltester.check(model)


def test_summary_dialog_previews_then_saves_a_pdf_with_the_right_text(
        qtbot, sample_vault: Vault, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_summary(qtbot, sample_vault)
    warning = dialog.findChild(QWidget, "notEncryptedWarning")
    assert warning is not None and warning.isVisible()
    assert "will not be encrypted" in warning.findChildren(QLabel)[-1].text()

    dialog.since_edit.setDate(qdate(date.today() - timedelta(days=400)))
    tick(qtbot, dialog, "Eight")
    qtbot.waitUntil(lambda: "Parts chosen: Eight" in dialog.markdown)
    assert dialog.parts_model.checked_ids() and "Questions to bring" in dialog.markdown
    shown = dialog.preview.toPlainText()
    assert "Therapy-prep summary" in shown and "Parts chosen: Eight" in shown
    assert "Is it all right to retrieve her on my own" in shown  # a Q: line in an Eight entry

    target = tmp_path / "summary"  # no suffix typed: ".pdf" is added
    asked = choose_save_path(monkeypatch, target)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    path = saved.args[0]
    assert path == tmp_path / "summary.pdf" and asked[0].endswith(".pdf")
    assert "not encrypted" in dialog.status.text()
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and pdf_pages(data) >= 2
    assert "\ufeffTherapy-prep summary".encode("utf-16-be") in data  # the PDF's title
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    if HAVE_PDFTOTEXT:
        text = pdf_text(path)
        assert "Therapy-prep summary" in text and "Parts chosen: Eight" in text
        assert "Is it all right to retrieve her on my own, or should I wait for therapy?" in text
        assert "This file is not encrypted" in text
        assert "The Scroller (firefighter" not in text  # only the chosen part is listed
        assert "Page 1 of" in text


def test_summary_saved_as_markdown_is_the_preview(qtbot, sample_vault: Vault,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_summary(qtbot, sample_vault)
    choose_save_path(monkeypatch, tmp_path / "prep.md")
    qtbot.mouseClick(dialog.markdown_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "prep.md").read_text(encoding="utf-8") == dialog.markdown
    assert dialog.markdown.startswith("# Therapy-prep summary")


def test_end_before_start_is_explained_and_nothing_can_be_saved(
        qtbot, sample_vault: Vault) -> None:  # type: ignore[no-untyped-def]
    dialog = open_summary(qtbot, sample_vault)
    dialog.until_edit.setDate(dialog.since_edit.date().addDays(-1))
    qtbot.waitUntil(lambda: "end date is before its start date" in dialog.status.text())
    assert not dialog.pdf_button.isEnabled() and not dialog.busy
    assert not dialog.markdown_button.isEnabled() and dialog.markdown == ""


@needs_pdftotext
def test_hostile_journal_text_stays_text_in_preview_and_pdf(
        qtbot, vault: Vault, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETCONTENT", encoding="utf-8")
    vault.entries.add(Entry(
        occurred_at=datetime.now(UTC) - timedelta(hours=1), kind=EntryKind.NOTE,
        title=f"<img src='file://{secret}'> # not a heading",
        body=f"![pic](file://{secret})\n<b>bold?</b>\nQ: <i>what</i> [link](file://{secret})",
        self_energy=5))
    dialog = open_summary(qtbot, vault)
    assert dialog.preview.requested == []  # nothing asked to be loaded
    shown = dialog.preview.toPlainText()
    assert "<img src=" in shown and "<b>bold?</b>" in shown and "<i>what</i>" in shown
    path = tmp_path / "hostile.pdf"
    assert dialog.save_pdf(path)
    text = pdf_text(path)
    assert "TOPSECRETCONTENT" not in text and "<i>what</i>" in text


def test_page_size_follows_the_locale() -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    assert page_size_for(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)).id() \
        == QPageSize.PageSizeId.Letter
    assert page_size_for(QLocale(QLocale.Language.German, QLocale.Country.Germany)).id() \
        == QPageSize.PageSizeId.A4
    assert b"/MediaBox [0 0 612.000000 792.000000]" in render_pdf(
        "# Hello", locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_export_dialog_writes_json_and_markdown_off_the_gui_thread(
        qtbot, sample_vault: Vault, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ExportDialog(sample_vault)
    qtbot.addWidget(dialog)
    dialog.show()
    warning = dialog.findChild(QWidget, "notEncryptedWarning")
    assert warning is not None and "will not be encrypted" in \
        warning.findChildren(QLabel)[-1].text()

    choose_save_path(monkeypatch, tmp_path / "all")
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    json_path = done.args[0]
    assert json_path == tmp_path / "all.json" and not dialog.busy
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert len(document["entries"]) == sample_vault.entries.count()
    assert len(read_export(json_path).parts) == sample_vault.parts.count()
    assert "not encrypted" in dialog.status.text()

    # Markdown into a folder that already holds something: a new subfolder is made.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "other.txt").write_text("x")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a: str(tmp_path / "docs")))
    dialog.markdown_radio.click()
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    index = done.args[0]
    assert index.name == "index.md" and index.parent.parent == tmp_path / "docs"
    assert index.parent.name.startswith("parts-journal-export-")
    assert len(list((index.parent / "entries").iterdir())) == sample_vault.entries.count()


def test_export_failure_is_explained(qtbot, sample_vault: Vault, tmp_path: Path,  # type: ignore[no-untyped-def]
                                     modals) -> None:
    dialog = ExportDialog(sample_vault)
    qtbot.addWidget(dialog)
    shown: list[str] = []

    def answer(box: QWidget) -> bool:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()
        return True

    modals.on(QMessageBox, answer)
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.export_to(tmp_path / "missing" / "folder" / "x.json", ExportDialog.JSON)
    qtbot.waitUntil(lambda: bool(shown))
    assert "could not be written" in shown[0]
    assert dialog.status.text() == "Nothing was exported." and not dialog.busy


def test_every_control_has_an_accessible_name(qtbot, sample_vault: Vault) -> None:  # type: ignore[no-untyped-def]
    for dialog in (SummaryDialog(sample_vault), ExportDialog(sample_vault)):
        qtbot.addWidget(dialog)
        labels = dialog.findChildren(QLabel)
        missing = []
        for widget in dialog.findChildren(QWidget):
            if not isinstance(widget, (QAbstractButton, QAbstractSpinBox, QAbstractItemView)):
                continue
            if widget.objectName().startswith("qt_"):
                continue
            if widget.accessibleName().strip() or any(lb.buddy() is widget for lb in labels):
                continue
            missing.append(type(widget).__name__)
        assert missing == [], dialog.windowTitle()
        # Every label shows plain text: journal text can never become markup here.
        assert all(lb.textFormat() == Qt.TextFormat.PlainText for lb in labels
                   if lb.text() and lb.buddy() is None)


def test_the_export_opens_where_the_last_export_went(
        qtbot, sample_vault: Vault, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from partsjournal.ui.common import folders

    folders.forget_all()
    stick = tmp_path / "usb stick"
    stick.mkdir()
    offered: list[str] = []

    def save_as(_parent: QWidget, _title: str, start: str, _filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(stick / "mine.json"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    dialog = ExportDialog(sample_vault)
    qtbot.addWidget(dialog)
    for _ in range(2):
        with qtbot.waitSignal(dialog.exported, timeout=10_000):
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert Path(offered[0]).parent == folders.documents_folder()
    assert Path(offered[1]).parent == stick
    assert Path(offered[1]).name.startswith("parts-journal-export-")
    folders.forget_all()


def test_the_summary_progress_bar_counts_the_entries_read(
        qtbot, sample_vault: Vault) -> None:  # type: ignore[no-untyped-def]
    dialog = SummaryDialog(sample_vault)
    qtbot.addWidget(dialog)
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(
        lambda value: seen.append((value, dialog.progress.maximum())))
    dialog.since_edit.setDate(qdate(date.today() - timedelta(days=400)))
    dialog.show()
    total = sample_vault.entries.count()
    # A determinate bar that reaches its end for the whole period (the first, default period
    # is gathered too, and counted the same way).
    qtbot.waitUntil(lambda: (total, total) in seen and not dialog.busy, timeout=10_000)
    assert all(0 < value <= maximum for value, maximum in seen if maximum > 1)



def test_the_export_progress_bar_moves_through_its_steps(
        qtbot, sample_vault: Vault, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ExportDialog(sample_vault)
    qtbot.addWidget(dialog)
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(
        lambda value: seen.append((value, dialog.progress.maximum())))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(tmp_path / "all.json", ExportDialog.JSON)
    assert [done for done, total in seen if total == 3] == [0, 1, 2, 3]
