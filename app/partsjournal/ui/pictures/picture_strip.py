"""A row of thumbnails for a part or an entry, with Add picture…, Delete and a viewer.

The thumbnails come from the journal (vault/pictures.py keeps a small PNG of each), so a part
with many pictures opens without decoding them; only the viewer reads a picture whole. Adding
goes through the journal, which cleans the picture first (media/pictures.py) and refuses what
is not safe with a message shown here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.media.limits import MAX_FILE_BYTES, SUFFIXES
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.vault import Vault
from partsjournal.vault.pictures import PictureInfo

THUMB = 96
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    """Translate in the pictures context."""
    return QCoreApplication.translate("Pictures", text)


class PictureStrip(QWidget):
    """The pictures of one part or one entry."""

    #: A short message for the status bar.
    status = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._part_id: str | None = None
        self._entry_id: str | None = None
        self._pictures: list[PictureInfo] = []
        self._shown = False
        #: Thumbnails decoded so far, by picture id: in memory only, forgotten at lock.
        self._thumbnails: dict[str, QPixmap] = {}
        #: Called before adding (an entry's editor saves the entry first).
        self.before_add: Callable[[], object] | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.empty = named(plain_label("", self, wrap=True), "picturesEmpty")
        column.addWidget(self.empty)
        self.model = QStandardItemModel(self)
        self.view = named(QListView(self), "pictures")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.setGridSize(QSize(THUMB + 24, THUMB + 36))
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(tr("Pictures"))
        self.view.activated.connect(self.open_viewer)
        self.view.doubleClicked.connect(self.open_viewer)
        column.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.add_button = named(QPushButton(tr("Add &picture…"), self), "pictureAdd")
        self.delete_button = named(QPushButton(tr("Delete picture"), self), "pictureDelete")
        self.problem = named(plain_label("", self, wrap=True), "pictureProblem")
        self.problem.setVisible(False)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.problem)
        self.add_button.clicked.connect(self.choose_and_add)
        self.delete_button.clicked.connect(self.delete_current)
        self.show_owner()

    # Whose pictures ---------------------------------------------------------------------------

    def show_owner(self, *, part_id: str | None = None, entry_id: str | None = None) -> None:
        """Show the pictures of this part or this entry (neither: nothing to show)."""
        if (part_id, entry_id) == (self._part_id, self._entry_id) and self._shown:
            return  # the page asks again as its tabs and its list both change
        self._part_id, self._entry_id = part_id, entry_id
        self.problem.setVisible(False)
        self.reload()

    def reload(self) -> None:
        """Read the thumbnails again."""
        self.model.clear()
        self._pictures = []
        self._shown = True
        if self._part_id is not None:
            self._pictures = self._vault.pictures.of_part(self._part_id)
        elif self._entry_id is not None:
            self._pictures = self._vault.pictures.of_entry(self._entry_id)
        for number, picture in enumerate(self._pictures, 1):
            pixmap = self._thumbnails.get(picture.id)
            if pixmap is None:  # decoded once per picture while the journal is open
                pixmap = QPixmap()
                pixmap.loadFromData(picture.thumbnail, "PNG")
                self._thumbnails[picture.id] = pixmap
            item = QStandardItem(QIcon(pixmap), picture.caption or fill(tr("Picture %1"),
                                                                        str(number)))
            item.setData(picture.id, ID_ROLE)
            item.setData(picture.caption or tr("Picture"), Qt.ItemDataRole.AccessibleTextRole)
            item.setEditable(False)
            self.model.appendRow(item)
        owner = self._part_id or self._entry_id
        self.empty.setText(tr("No pictures yet. Many people draw their parts: add a drawing or "
                              "a photo, and it is kept encrypted in the journal.")
                           if self._part_id else tr("No pictures with this entry."))
        self.empty.setVisible(owner is not None and not self._pictures)
        self.view.setVisible(bool(self._pictures))
        self.add_button.setEnabled(owner is not None)
        self.delete_button.setEnabled(bool(self._pictures))
        if self._pictures:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def clear(self) -> None:
        """Forget every thumbnail (before locking)."""
        self._thumbnails.clear()
        self.show_owner()

    # Adding and deleting ----------------------------------------------------------------------

    def choose_and_add(self) -> None:
        """Ask for a picture file and add it."""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Add a picture"), "", tr("Pictures") + f" ({' '.join(SUFFIXES)})")
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> PictureInfo | None:
        """Add the picture at ``path``; a refusal is shown under the buttons."""
        if self.before_add is not None:
            self.before_add()
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise JournalError(f"This picture is larger than "
                                   f"{MAX_FILE_BYTES // 1024 // 1024} MB. Save a smaller copy "
                                   "and add that.")
            data = path.read_bytes()
            added = perform(self, lambda: self._vault.pictures.add(
                data, part_id=self._part_id, entry_id=self._entry_id), [Change.PICTURES])
        except OSError as exc:
            self._refuse(fill(tr("That file can't be read (%1)."), exc.strerror or str(exc)))
            return None
        except JournalError as exc:
            what, way = explain(exc)
            self._refuse(f"{what} {way}".strip())
            return None
        self.problem.setVisible(False)
        self.reload()
        self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        self.status.emit(tr("Picture added. Its location and camera details were removed."))
        return added

    def delete_current(self) -> None:
        """Delete the chosen picture, after asking."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        answer = QMessageBox.question(self, tr("Delete picture"), tr(
            "Delete this picture from the journal? This can't be undone."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        picture_id = str(index.data(ID_ROLE))
        try:
            perform(self, lambda: self._vault.pictures.delete(picture_id), [Change.PICTURES])
        except JournalError as exc:
            what, way = explain(exc)
            self._refuse(f"{what} {way}".strip())
        self.reload()

    def open_viewer(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """The chosen picture, large, with the others a key away."""
        from partsjournal.ui.pictures.viewer import PictureViewer

        if not index.isValid():
            return
        viewer = PictureViewer(self._vault, self._pictures, index.row(), self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)
