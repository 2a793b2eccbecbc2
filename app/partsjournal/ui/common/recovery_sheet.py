"""The recovery code on paper: a one-page sheet to print or to save as a PDF.

The sheet gives the code in large monospace groups, the date it was made, what it is for and
how to use it, and says plainly that whoever holds the sheet can open the journal. It is drawn
with a QPainter straight onto the printer or the PDF writer (no rich text, nothing loaded), and
the PDF is built in memory, then written as a private file (0600), atomically. The code is never
put into the PDF's metadata.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal import APP_NAME
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.dates import long_date
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.export.summary_pdf import page_size_for
from partsjournal.vault.fsutil import atomic_write

MARGIN_MM = 20.0
RESOLUTION = 300
GROUPS_PER_LINE = 4
FILE_NAME = "parts-journal-recovery-code.pdf"


def tr(text: str) -> str:
    """Translate in the recovery sheet's context."""
    return QCoreApplication.translate("RecoverySheet", text)


def code_lines(code: str) -> list[str]:
    """The code's groups, four to a line, as on screen."""
    groups = code.split("-")
    return ["-".join(groups[i:i + GROUPS_PER_LINE])
            for i in range(0, len(groups), GROUPS_PER_LINE)]


def sheet_texts(day: datetime) -> dict[str, str]:
    """Every sentence on the sheet, translated (the code itself is drawn apart)."""
    return {
        "title": fill(tr("%1 — your recovery code"), APP_NAME),
        "date": fill(tr("Made on %1"), long_date(day)),
        "use": fill(tr(
            "This code opens your journal if you ever forget your passphrase. To use it, start "
            "%1, choose “Forgot it? Use your recovery code” on the unlock screen and type the "
            "code in, with or without the dashes. You will then choose a new passphrase; the "
            "code keeps working as your spare key."), APP_NAME),
        "warning_head": tr("Anyone who holds this sheet can open your journal."),
        "warning": tr(
            "Keep it as safely as the code itself — for example with your passport. Never store "
            "this sheet's PDF in a cloud folder, and never send it by e-mail."),
    }


def paint_sheet(painter: QPainter, width: float, code: str, day: datetime) -> None:
    """Draw the sheet from the painter's origin, ``width`` device pixels wide."""
    texts = sheet_texts(day)
    base = QFont(painter.font())
    wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    y = 0.0

    def block(text: str, points: float, *, bold: bool = False, left: float = 0.0,
              right: float = 0.0, after: float = 1.0) -> None:
        nonlocal y
        font = QFont(base)
        font.setPointSizeF(points)
        font.setBold(bold)
        painter.setFont(font)
        room = QRectF(left, y, width - left - right, 1e6)
        used = painter.boundingRect(room, wrap, text)
        painter.drawText(QRectF(left, y, room.width(), used.height()), wrap, text)
        y += used.height() + painter.fontMetrics().lineSpacing() * after

    painter.setPen(QColor("#111111"))
    block(texts["title"], 18, bold=True, after=0.3)
    painter.setPen(QColor("#444444"))
    block(texts["date"], 11, after=1.6)

    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    mono.setStyleHint(QFont.StyleHint.Monospace)
    mono.setPointSizeF(24)
    mono.setWeight(QFont.Weight.DemiBold)
    mono.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    painter.setFont(mono)
    metrics = painter.fontMetrics()
    lines = code_lines(code)
    pad = metrics.height() * 0.8
    box = QRectF(0, y, width, metrics.lineSpacing() * len(lines) * 1.4 + pad * 2)
    painter.setPen(QPen(QColor("#777777"), RESOLUTION / 100))
    painter.drawRoundedRect(box, RESOLUTION / 20, RESOLUTION / 20)
    painter.setPen(QColor("#000000"))
    line_top = y + pad
    for line in lines:
        painter.drawText(QRectF(0, line_top, width, metrics.lineSpacing() * 1.4),
                         int(Qt.AlignmentFlag.AlignCenter), line)
        line_top += metrics.lineSpacing() * 1.4
    y = box.bottom() + metrics.lineSpacing()

    painter.setPen(QColor("#111111"))
    block(texts["use"], 11.5, after=1.6)

    warning_top = y
    inset = RESOLUTION / 6
    y += inset
    block(texts["warning_head"], 12.5, bold=True, left=inset, right=inset, after=0.3)
    block(texts["warning"], 11.5, left=inset, right=inset, after=0)
    y += inset
    painter.setPen(QPen(QColor("#111111"), RESOLUTION / 60))
    painter.drawRect(QRectF(0, warning_top, width, y - warning_top))


def _paint_on(device: QPagedPaintDevice, resolution: int, code: str, day: datetime) -> None:
    area = device.pageLayout().paintRectPixels(resolution)
    painter = QPainter(device)
    try:
        paint_sheet(painter, area.width(), code, day)
    finally:
        painter.end()


def render_pdf(code: str, day: datetime | None = None) -> bytes:
    """The sheet as a one-page PDF (needs a QGuiApplication)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(tr("Recovery code"))
    writer.setCreator(APP_NAME)
    writer.setPageLayout(QPageLayout(page_size_for(), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    _paint_on(writer, RESOLUTION, code, day or datetime.now(UTC))
    buffer.close()
    return bytes(data.data())


class RecoverySheetButtons(QWidget):
    """Print… and Save as PDF… for a recovery code, with the plain warning beside them."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the recovery code"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the recovery code as a PDF"))
        self.warning = QLabel(self.tr(
            "Anyone holding the printout or the PDF can open your journal: keep it as safely as "
            "the code itself (for example with your passport), and never store the PDF in a "
            "cloud folder. A shared or office printer may keep a copy in its queue: print at "
            "home."))
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("About the printout"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Printout status"))
        self.status.hide()

        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(buttons)
        row.addWidget(self.warning, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)

        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button.clicked.connect(self.save_pdf)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def print_sheet(self) -> None:
        """Ask which printer, then print the sheet; nothing is printed on Cancel."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(tr("Recovery code"))
        printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                               QPageLayout.Unit.Millimeter)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        _paint_on(printer, printer.resolution(), self._code, datetime.now(UTC))
        self._say(self.tr("Sent to the printer. Collect the page straight away."))

    def save_pdf(self) -> None:
        """Ask where, then write the sheet as a private PDF and say where it went."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery code as a PDF"),
            start_in(FileKind.RECOVERY_SHEET, FILE_NAME), self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        remember(FileKind.RECOVERY_SHEET, chosen)
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            atomic_write(path, render_pdf(self._code))
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, JournalError(fill(
                self.tr("The recovery code could not be saved to %1 (%2)."), path,
                exc.strerror or exc)), self.tr("Not saved"))
            return
        QApplication.restoreOverrideCursor()
        self._say(fill(self.tr("Saved to %1. Only you can read that file on this computer; "
                               "keep it off cloud folders."), path))
