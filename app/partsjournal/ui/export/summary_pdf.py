"""A Markdown report as a PDF, with Qt's own PDF writer (no external tools, nothing loaded).

The Markdown is parsed without its HTML extension into a document that answers every resource
request with nothing (:class:`~partsjournal.ui.journal.markdown_view.SafeDocument`), so text from
the journal cannot pull an image or a file into the PDF. The page is A4, or US Letter where that is
the local paper size, with a quiet footer (title and page number) on every page. The PDF is built
in memory and then written as a private file, atomically.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from partsjournal import APP_NAME
from partsjournal.domain.words import fill
from partsjournal.ui.journal.markdown_view import SafeDocument
from partsjournal.vault.fsutil import atomic_write

#: Where US Letter is the paper in the shops (everywhere else uses A4).
LETTER_TERRITORIES = frozenset({
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
    QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
    QLocale.Country.Venezuela, QLocale.Country.PuertoRico, QLocale.Country.Guatemala,
    QLocale.Country.CostaRica, QLocale.Country.Panama, QLocale.Country.DominicanRepublic,
    QLocale.Country.ElSalvador, QLocale.Country.Nicaragua, QLocale.Country.Belize,
})
MARGIN_MM = 20.0
#: Body text size in points: comfortable to read on paper.
BODY_POINTS = 10.5
FOOTER_POINTS = 8.0
RESOLUTION = 300


def tr(text: str) -> str:
    """Translate in the summary PDF context."""
    return QCoreApplication.translate("SummaryPdf", text)


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """US Letter for the territories that use it, otherwise A4."""
    territory = (locale or QLocale()).territory()
    return QPageSize(QPageSize.PageSizeId.Letter if territory in LETTER_TERRITORIES
                     else QPageSize.PageSizeId.A4)


def style_document(document: QTextDocument) -> None:
    """Give headings room to breathe and paragraphs a little air (Qt's defaults are tight).

    Margins are in the document's own units, so call this after ``setMarkdown`` and it looks the
    same on screen and on paper.
    """
    line = document.defaultFont().pointSizeF() or BODY_POINTS
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        fmt = QTextBlockFormat(block.blockFormat())
        level = fmt.headingLevel()
        if level == 1:
            fmt.setBottomMargin(line * 0.4)
        elif level == 2:
            fmt.setTopMargin(line * 1.6)
            fmt.setBottomMargin(line * 0.6)
        elif level >= 3:
            fmt.setTopMargin(line * 1.2)
            fmt.setBottomMargin(line * 0.3)
        elif block.textList() is not None:
            fmt.setBottomMargin(line * 0.3)
        else:
            fmt.setBottomMargin(line * 0.7)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
        block = block.next()


def keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """Move a heading to the next page when what it introduces would start on another page.

    A level-3 heading (an entry) stays with the two blocks after it (its facts and excerpt),
    other headings with the first block after them.
    """
    layout = document.documentLayout()
    layout.documentSize()  # lay everything out before measuring
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        last = block.next()
        if level >= 3 and last.isValid() and last.next().isValid() \
                and last.next().blockFormat().headingLevel() == 0:
            last = last.next()
        if level > 0 and last.isValid():
            top = layout.blockBoundingRect(block).top()
            bottom = layout.blockBoundingRect(last).bottom()
            if bottom - top < page_height and top % page_height > 1 \
                    and int(top // page_height) != int((bottom - 1) // page_height):
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
                # Qt lays a change out lazily; lay the whole document out again before the
                # next heading's position is measured.
                document.markContentsDirty(0, document.characterCount())
                layout.documentSize()
        block = block.next()


def _title(markdown_text: str) -> str:
    for line in markdown_text.splitlines():
        if line.startswith("# "):
            return line[2:].strip().replace("\\", "")
    return APP_NAME


def render_pdf(markdown_text: str, *, locale: QLocale | None = None) -> bytes:
    """The PDF of ``markdown_text`` as bytes (needs a QGuiApplication)."""
    title = _title(markdown_text)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    writer.setPageLayout(QPageLayout(page_size_for(locale), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))

    document = SafeDocument()
    # Measure text on the PDF itself, so point sizes are points on paper.
    document.documentLayout().setPaintDevice(writer)
    font = QFont(document.defaultFont())
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    document.setMarkdown(markdown_text, QTextDocument.MarkdownFeature.MarkdownNoHTML)
    style_document(document)

    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_font = QFont(font)
    footer_font.setPointSizeF(FOOTER_POINTS)
    footer_height = FOOTER_POINTS / 72 * RESOLUTION * 3  # the line, and room above it
    page = QSizeF(area.width(), area.height() - footer_height)
    document.setDocumentMargin(0)
    document.setPageSize(page)
    keep_headings_with_next(document, page.height())
    document.documentLayout().documentSize()  # finish the layout the page breaks changed
    pages = max(1, document.pageCount())

    painter = QPainter(writer)
    try:
        for number in range(1, pages + 1):
            if number > 1:
                writer.newPage()
            top = (number - 1) * page.height()
            painter.save()
            painter.translate(QPointF(0, -top))
            document.drawContents(painter, QRectF(0, top, page.width(), page.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#666666"))
            footer = QRectF(0, area.height() - footer_height / 2, area.width(), footer_height / 2)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                             title)
            painter.drawText(footer,
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             fill(tr("Page %1 of %2"), number, pages))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_pdf(markdown_text: str, path: Path) -> None:
    """Render ``markdown_text`` and write it to ``path`` as a private file (atomically)."""
    atomic_write(Path(path), render_pdf(markdown_text))


def write_pdf_without_window(markdown_text: str, path: Path) -> None:
    """For the command line: write the PDF on an offscreen application made for this call."""
    from PySide6.QtGui import QGuiApplication

    # Held in a variable so the application lives until the PDF is written.
    app = QGuiApplication.instance() or QGuiApplication(["parts-journal", "-platform",
                                                         "offscreen"])
    write_pdf(markdown_text, path)
    del app
