"""Deleting a part for good: say what goes with it, and offer archiving as the gentler way."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from partsjournal.domain.words import fill


class DeleteChoice(Enum):
    """What the person chose in the delete question."""

    DELETE = "delete"
    ARCHIVE = "archive"
    CANCEL = "cancel"


def tr(text: str) -> str:
    """Translate in the parts view's context (where these words were first written)."""
    return QCoreApplication.translate("PartsView", text)


def ask_how_to_delete(parent: QWidget, name: str) -> DeleteChoice:
    """Ask before deleting the part called ``name``; Cancel is the default and Escape."""
    box = QMessageBox(parent)
    box.setObjectName("confirmDelete")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Delete part"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(fill(tr("Delete “%1” for good?"), name))
    box.setInformativeText(tr(
        "Its stage history, its relationships and its mentions in your journal entries are "
        "removed too. This can't be undone.\n\nIf you only want it out of sight, archive it "
        "instead: archiving keeps everything, and you can bring it back at any time."))
    delete = box.addButton(tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
    archive = box.addButton(tr("Archive instead"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is delete:
        return DeleteChoice.DELETE
    if clicked is archive:
        return DeleteChoice.ARCHIVE
    return DeleteChoice.CANCEL
