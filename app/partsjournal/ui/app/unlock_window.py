"""The unlock screen: passphrase or recovery code, a busy state during key derivation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partsjournal import APP_NAME
from partsjournal.errors import JournalError
from partsjournal.flows.unlock import Method, UnlockFlow, UnwrappedKey
from partsjournal.placeholders import fill
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.theme import SPACE_M, SPACE_XXL
from partsjournal.ui.common.workers import run_in_background


def _preload_storage() -> None:
    import importlib

    importlib.import_module("partsjournal.vault.vault")


class UnlockWindow(QWidget):
    """Asks for the passphrase; emits ``unlocked`` with the open vault."""

    unlocked = Signal(object)  # Vault
    other_vault_requested = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = UnlockFlow(folder)
        self.setWindowTitle(fill(self.tr("%1 — locked"), APP_NAME))
        self.resize(520, 340)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XXL, SPACE_XXL, SPACE_XXL, SPACE_XXL)
        layout.setSpacing(SPACE_M)
        heading = QLabel(self.tr("Welcome back"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        layout.addWidget(heading)
        # The folder path is shown in a read-only line edit: plain text by nature, so even a
        # folder named like HTML is shown literally — and the first window needs no Qt enum
        # (creating Qt's enum namespace costs ~15 ms of start-up; see docs/performance.md).
        self.where = QLineEdit(self)
        self.where.setReadOnly(True)
        self.where.setFrame(False)
        palette = self.where.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.where.setPalette(palette)
        self.where.setText(fill(self.tr("Your journal in %1 is locked."), str(folder)))
        self.where.setAccessibleName(self.tr("Which journal"))
        self.where.setCursorPosition(0)
        layout.addWidget(self.where)

        self.prompt = QLabel(self)
        layout.addWidget(self.prompt)
        row = QHBoxLayout()
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.returnPressed.connect(self.unlock)
        self.prompt.setBuddy(self.secret)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        row.addWidget(self.secret, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Opening your journal"))
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        self.message = QLabel(self)  # plain text is set with its first message (see _say)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        layout.addStretch(1)

        links = QHBoxLayout()
        self.toggle = QPushButton(self)
        self.toggle.setFlat(True)
        self.toggle.clicked.connect(self._toggle_method)
        other = QPushButton(self.tr("Open a different journal…"), self)
        other.setFlat(True)
        other.clicked.connect(self.other_vault_requested)
        links.addWidget(self.toggle)
        links.addStretch(1)
        links.addWidget(other)
        layout.addLayout(links)
        self._show_method()
        # Load SQLCipher and the crypto library while the person types (see vault/__init__) —
        # a moment after the window is up, so the import doesn't compete with showing it.
        QTimer.singleShot(300, self, lambda: run_in_background(
            _preload_storage, lambda _result: None, lambda _error: None))

    def show_writing_kept(self, folder: Path | None, *, on_disk: bool) -> None:
        """Where writing that couldn't be saved at lock is now: in memory, or stored sealed."""
        if on_disk:
            self.show_note(self.tr(
                "Your latest writing is saved, encrypted, in the journal folder. It goes back "
                "into your journal when you unlock."))
        else:
            self.show_note(fill(self.tr(
                "Your latest writing couldn't be saved before the journal locked: the disk that "
                "holds %1 is full. It is kept, encrypted, while Parts Journal stays open, and "
                "saved as soon as there is room. Please free some space, and keep the app open "
                "until this note says it is saved."), str(folder or "")))

    def show_locked_on_its_own(self, reason: str, minutes: int) -> None:
        """After an automatic lock: why it locked, and that nothing written was lost."""
        if reason == "idle":
            text = fill(self.tr("Your journal locked itself after %1 without typing or "
                                "clicking. Everything you wrote was saved."),
                        self.tr("%n minutes", "", minutes))
        elif reason == "sleep":
            text = self.tr("Your journal locked as the computer went to sleep. Everything you "
                           "wrote was saved.")
        else:
            text = self.tr("Your journal locked with the screen. Everything you wrote was saved.")
        self.show_note(text)

    def still_locked_after_recovery(self) -> None:
        """Back here after stopping at "choose a new passphrase": say why, ready for the code."""
        if self.flow.method is Method.PASSPHRASE:
            self._toggle_method()
        self._say(self.tr(
            "Your journal is still locked: it needs a new passphrase before it opens. Enter "
            "your recovery code again when you are ready to choose one."))

    def show_note(self, text: str) -> None:
        """A standing note above the passphrase (e.g. about writing kept from before the lock).

        Made on first use: most unlock windows have no note, and the first window is kept light.
        """
        from PySide6.QtCore import Qt

        note = getattr(self, "note", None)
        if note is None:
            if not text:
                return
            note = QLabel(self)
            note.setObjectName("unsavedNote")
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            note.setAccessibleName(self.tr("About your unsaved writing"))
            note.setFrameShape(QLabel.Shape.StyledPanel)
            note.setMargin(8)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(2, note)
            self.note = note
        note.setText(text)
        note.setVisible(bool(text))

    def _say(self, text: str) -> None:
        """Show a message; always as plain text (it may quote an error about a file name)."""
        if not text:
            self.message.clear()
            return
        from PySide6.QtCore import Qt

        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(text)

    def _show_method(self) -> None:
        if self.flow.method is Method.PASSPHRASE:
            self.prompt.setText(self.tr("&Passphrase"))
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret.setPlaceholderText("")
            self.secret.setAccessibleName(self.tr("Passphrase"))
            self.toggle.setText(self.tr("Forgot it? Use your recovery code"))
        else:
            self.prompt.setText(self.tr("&Recovery code"))
            self.secret.setEchoMode(QLineEdit.EchoMode.Normal)
            self.secret.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.secret.setAccessibleName(self.tr("Recovery code"))
            self.toggle.setText(self.tr("Use your passphrase instead"))
        self.secret.clear()
        self._say("")
        # The page passes the keyboard on to the field: the first key typed after the page is
        # shown (at start, after a lock) is part of the passphrase, with no click first.
        self.setFocusProxy(self.secret)
        self.secret.setFocus()

    def _toggle_method(self) -> None:
        self.flow.toggle_method()
        self._show_method()

    def unlock(self) -> None:
        """Derive the key in a worker, then open the journal on this thread."""
        secret = self.secret.text()
        if not secret or self.flow.busy:
            return
        self.flow.begin()
        self._set_busy(True)
        self._say(self.tr("Opening your journal…"))
        run_in_background(lambda: self.flow.derive(secret), self._derived, self._failed)

    def _derived(self, key: UnwrappedKey) -> None:
        try:
            vault = self.flow.open(key)
        except JournalError as exc:
            self._failed(exc)
            return
        self.secret.clear()
        self._set_busy(False)
        self._say("")
        self.unlocked.emit(vault)

    def _failed(self, error: BaseException) -> None:
        self.flow.failed(error if isinstance(error, JournalError) else JournalError(str(error)))
        self._set_busy(False)
        what, way = explain(error)
        self._say(f"{what}\n{way}".strip())
        self.secret.selectAll()
        self.secret.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.secret.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.toggle.setEnabled(not busy)
