"""Help ▸ About: what Parts Journal is, and what it is not."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from partsjournal import __version__
from partsjournal.domain.words import fill


def tr(text: str) -> str:
    """Translate in the main window's context (where these words were first written)."""
    return QCoreApplication.translate("MainWindow", text)


def show_about(parent: QWidget) -> None:
    """The version, the promise (nothing leaves this computer) and the crisis-line note."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("About Parts Journal"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(fill(tr("Parts Journal %1"), __version__))
    box.setInformativeText(tr(
        "A private, encrypted journal for Internal Family Systems parts work. Everything "
        "stays on this computer; nothing is ever sent anywhere.\n\nParts Journal is not "
        "therapy and not a crisis service. If you are in crisis, please contact your local "
        "emergency number or a crisis line."))
    box.exec()
