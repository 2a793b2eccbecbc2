"""Failures as a sentence and a way forward; and the hook that catches everything else.

The hook logs the exception's type and where it happened, never its message or local values,
because those could hold journal text.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from partsjournal.errors import (
    DiskFull,
    JournalError,
    NoRoomToOpen,
    VaultCorrupted,
    VaultFromNewerVersion,
    VaultNotFound,
    WrongPassphrase,
)

log = logging.getLogger("partsjournal")


def tr(text: str) -> str:
    """Translate in the messages context."""
    return QCoreApplication.translate("Messages", text)


def explain(error: BaseException) -> tuple[str, str]:
    """(what happened, what you can do) for any error a person may meet."""
    if isinstance(error, WrongPassphrase):
        return str(error), tr("Take your time and try again.")
    if isinstance(error, VaultCorrupted):
        return str(error), tr("Your backups are untouched. You can restore the newest one from "
                              "the welcome screen or with 'parts-journal restore'.")
    if isinstance(error, VaultFromNewerVersion):
        return str(error), tr("Install the newest Parts Journal, then open this journal again.")
    if isinstance(error, VaultNotFound):
        return str(error), tr("Choose the folder that holds your journal, or restore a backup.")
    if isinstance(error, NoRoomToOpen):
        return str(error), ""  # the sentence already says what to do
    if isinstance(error, DiskFull):
        return str(error), tr("Your text is still in the editor; it will be saved once there is "
                              "room.")
    if isinstance(error, JournalError):
        return str(error), ""
    return (tr("Something unexpected went wrong."),
            tr("What you had saved is safe. If this keeps happening, restart Parts Journal."))


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    """A calm message box for an error."""
    from PySide6.QtCore import Qt

    what, way_forward = explain(error)
    from PySide6.QtWidgets import QMessageBox  # its type is built when first needed, not at start

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or tr("Parts Journal"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(what)
    if way_forward:
        box.setInformativeText(way_forward)
    box.exec()


def safe_traceback(tb: TracebackType | None) -> str:
    """Where it happened — file, line, function — without messages or values."""
    frames = traceback.extract_tb(tb)
    return " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}"
                       for f in reversed(frames))


def install_exception_hook() -> None:
    """Catch anything unexpected: log it without content and show a kind dialog."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unexpected %s at %s", kind.__name__, safe_traceback(tb))
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
