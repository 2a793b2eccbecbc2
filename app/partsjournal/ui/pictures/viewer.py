"""A picture shown large, its caption, and Previous / Next through the others."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.pictures.picture_strip import tr
from partsjournal.vault import Vault
from partsjournal.vault.pictures import PictureInfo


class PictureViewer(QDialog):
    """One picture at a time; arrow keys or the buttons move through them."""

    def __init__(self, vault: Vault, pictures: list[PictureInfo], index: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._pictures = pictures
        self._index = index
        self.setWindowTitle(tr("Picture"))
        column = QVBoxLayout(self)
        self.image = named(QLabel(self), "pictureViewerImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(320, 240)
        column.addWidget(self.image, 1)
        self.caption = named(plain_label("", self, wrap=True), "pictureViewerCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.caption)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.previous = named(QPushButton(tr("‹ &Previous"), self), "picturePrevious")
        self.next = named(QPushButton(tr("&Next ›"), self), "pictureNext")
        buttons.addButton(self.previous, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.next, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.previous.clicked.connect(lambda: self.show_picture(self._index - 1))
        self.next.clicked.connect(lambda: self.show_picture(self._index + 1))
        QShortcut(QKeySequence(Qt.Key.Key_Left), self, lambda: self.show_picture(self._index - 1))
        QShortcut(QKeySequence(Qt.Key.Key_Right), self,
                  lambda: self.show_picture(self._index + 1))
        self._pixmap = QPixmap()
        self.resize(820, 680)
        self.show_picture(index)

    def show_picture(self, index: int) -> None:
        """Show picture ``index`` (out of range: nothing changes)."""
        if not 0 <= index < len(self._pictures):
            return
        self._index = index
        picture = self._pictures[index]
        try:
            image = QImage.fromData(self._vault.pictures.data(picture.id))
        except JournalError as exc:
            image = QImage()
            self.caption.setText(str(exc))
        self._pixmap = QPixmap.fromImage(image)
        self._fit()
        position = fill(tr("%1 of %2"), str(index + 1), str(len(self._pictures)))
        self.caption.setText(f"{picture.caption} — {position}" if picture.caption else position)
        self.image.setAccessibleName(picture.caption or tr("Picture"))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self._pictures) - 1)

    def _fit(self) -> None:
        if self._pixmap.isNull():
            self.image.clear()
            return
        self.image.setPixmap(self._pixmap.scaled(
            self.image.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        """Keep the picture fitted to the window."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()
