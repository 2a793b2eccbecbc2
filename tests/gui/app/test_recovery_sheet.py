"""The recovery code on paper: Save as PDF writes a private PDF with the code, Print asks first.

The PDF's text is read back with ``pdftotext`` (poppler-utils) where it is installed, as in
tests/gui/export/test_export_dialogs.py; everything else is checked without it.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from partsjournal.ui.common import recovery_sheet
from partsjournal.ui.common.passphrase_widgets import RecoveryCodeDialog

from ..fixtures import shown

CODE = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"


def _dialog(qtbot: QtBot) -> RecoveryCodeDialog:
    dialog = shown(qtbot, RecoveryCodeDialog(CODE), 1024, 700)
    dialog.written_down.setChecked(True)  # so the dialog may close when the test ends
    return dialog


def test_the_warning_is_on_screen_beside_the_buttons(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    sheet = dialog.sheet
    assert sheet.print_button.isVisible() and sheet.pdf_button.isVisible()
    assert sheet.warning.isVisible()
    text = sheet.warning.text()
    assert "Anyone holding the printout" in text and "passport" in text and "cloud" in text
    assert "may keep a copy in its queue" in text
    assert sheet.warning.textFormat() == Qt.TextFormat.PlainText


def test_save_as_pdf_writes_a_private_pdf_with_the_code(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(qtbot)
    chosen = tmp_path / "my recovery code"  # no suffix: .pdf is added
    asked: list[str] = []

    def get_save_file_name(*args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(chosen), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    qtbot.mouseClick(dialog.sheet.pdf_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "my recovery code.pdf"
    assert asked and asked[0].endswith(recovery_sheet.FILE_NAME)
    assert path.exists()
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert CODE.encode() not in data  # not in the metadata either
    status = dialog.sheet.status
    assert status.isVisible() and str(path) in status.text()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; the PDF's text can't be read "
                    "back without a PDF text extractor")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    text = " ".join(unicodedata.normalize("NFKC", out).split())
    for line in recovery_sheet.code_lines(CODE):
        assert line in text
    assert "Anyone who holds this sheet can open your journal." in text
    assert "passport" in text and "cloud folder" in text
    assert "Made on" in text


def test_cancelling_the_save_writes_nothing(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(qtbot)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    qtbot.mouseClick(dialog.sheet.pdf_button, Qt.MouseButton.LeftButton)
    assert not dialog.sheet.status.isVisible()
    assert list(tmp_path.iterdir()) == []


def test_print_asks_with_the_print_dialog_and_prints_nothing_on_cancel(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(qtbot)
    opened: list[QPrintDialog] = []
    painted: list[object] = []

    def exec_(self: QPrintDialog) -> int:
        opened.append(self)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    monkeypatch.setattr(recovery_sheet, "paint_sheet", lambda *args: painted.append(args))
    qtbot.mouseClick(dialog.sheet.print_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert painted == []
    assert not dialog.sheet.status.isVisible()
    assert dialog.isVisible()


def test_the_sheet_is_one_page_with_everything_on_it() -> None:
    data = recovery_sheet.render_pdf(CODE)
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 1
    texts = recovery_sheet.sheet_texts(datetime(2026, 3, 14, 12, tzinfo=UTC))
    assert "2026" in texts["date"]
    assert all(texts.values())


def test_every_label_on_the_code_step_is_plain_text(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_print_prints_the_sheet_on_the_chosen_printer(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(qtbot)
    printed = tmp_path / "printed.pdf"

    def exec_(self: QPrintDialog) -> int:  # the person picks "print to file"
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    qtbot.mouseClick(dialog.sheet.print_button, Qt.MouseButton.LeftButton)
    assert printed.read_bytes().startswith(b"%PDF")
    assert "printer" in dialog.sheet.status.text()
