"""Small widget helpers every feature room uses: names, plain-text labels, swatches, confirming.

Anything that shows text from the journal, a card or a bundle does so through a plain-text label
(:func:`plain_label`), never one that could interpret it as HTML.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from partsjournal.ui.common.theme import scaled_font

_Named = TypeVar("_Named", bound=QObject)


def named(obj: _Named, name: str) -> _Named:
    """Give a widget an object name (tests and style sheets find it by that) and return it."""
    obj.setObjectName(name)
    return obj


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A QLabel that never interprets what it shows as HTML (untrusted text: docs/security.md).

    ``wrap`` breaks long text into lines, for sentences; names and figures stay on one line.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def swatch(color: QColor, size: int = 14) -> QIcon:
    """A small square of colour, so a colour choice is visible at a glance."""
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


def arrow_icon(color: QColor, size: int = 20) -> QIcon:
    """A "go" arrow drawn in ``color``: the style's own is black, lost on a dark window."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, size / 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    mid, reach = size / 2, size * 0.28
    painter.drawLine(QPointF(mid - reach, mid), QPointF(mid + reach, mid))
    painter.drawPolyline([QPointF(mid + reach * 0.1, mid - reach * 0.9),
                          QPointF(mid + reach, mid),
                          QPointF(mid + reach * 0.1, mid + reach * 0.9)])
    painter.end()
    return QIcon(pixmap)


def heading_label(text: str = "", step: str = "heading") -> QLabel:
    """A bold, larger plain-text label for a name at the top of a panel (type ``step``)."""
    label = plain_label(text)
    label.setFont(scaled_font(label, step, bold=True))
    label.setWordWrap(True)
    return label


def confirm(parent: QWidget | None, title: str, text: str, detail: str, yes: str,
            no: str | None = None) -> bool:
    """Ask before something that can't be undone; every text is shown as plain text.

    The safe answer (``no``, or Cancel) is the default and what Escape chooses, so a stray Enter
    never does the irreversible thing.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(detail)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    if no is None:
        safe = box.addButton(QMessageBox.StandardButton.Cancel)
    else:
        safe = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    box.exec()
    return box.clickedButton() is yes_button


class PageStack(QStackedWidget):
    """A stack of pages that is as large as the page shown, not as the largest page.

    QStackedWidget asks for the biggest minimum of all its pages, so a wide Insights page kept
    the Journal from making room for the peer-session panel. Here only the current page counts.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class WheelToPage(QObject):
    """The mouse wheel over a list inside a scrolling page scrolls the page.

    Otherwise a list under the pointer takes the wheel and the page stops moving halfway down.
    Once the person clicks into the list (it has the focus), the wheel scrolls the list.
    """

    def __init__(self, inner: QAbstractScrollArea, page: QAbstractScrollArea) -> None:
        super().__init__(inner)
        self._inner, self._page = inner, page
        inner.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Wheel and not self._inner.hasFocus():
            QApplication.sendEvent(self._page.verticalScrollBar(), event)
            return True
        return False
