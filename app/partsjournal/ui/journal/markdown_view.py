"""A Markdown preview that loads nothing: no images, no links followed, no raw HTML.

Journal text is untrusted (it may have been pasted from anywhere). Qt's text document would
otherwise read ``file:`` URLs of images straight from disk — even when the browser's own
``loadResource`` declines — so the document itself answers every resource request with nothing,
and Markdown is parsed without its HTML extension.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QObject, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget


class SafeDocument(QTextDocument):
    """A text document that never loads a resource (returns empty data, never null)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []  # what the text asked for (tests read it)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802
        """Answer with empty data so Qt does not fall back to reading the file."""
        self.requested.append(name.toString() if isinstance(name, QUrl) else name)
        return QByteArray()


class SafeMarkdownView(QTextBrowser):
    """Read-only rendering of an entry's Markdown body."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(SafeDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)

    @property
    def requested(self) -> list[str]:
        """Resource URLs the rendered text asked for (none was loaded)."""
        document = self.document()
        return document.requested if isinstance(document, SafeDocument) else []

    def show_markdown(self, text: str) -> None:
        """Render ``text`` as GitHub-flavoured Markdown without HTML."""
        self.document().setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownNoHTML)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802
        """Refuse every external resource (images, style sheets)."""
        return QByteArray()
