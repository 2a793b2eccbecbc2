"""The Edit menu's Undo, Redo, Cut, Copy, Paste and Select all, following the focused field.

Qt's text fields have their own undo and clipboard, reached by their keys; the Edit menu used to
know only the journal's undo stack (deleting an entry, merging parts), so it showed Undo greyed
while a person typed. Now the menu acts on the text field that has the focus — its typing, its
selection — and falls back to the journal's stack when the field has nothing to undo or no text
field has the focus. The menu's labels say which: "Undo typing" or "Undo Delete entry".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QClipboard, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

from partsjournal.domain.words import fill

TextField = QLineEdit | QPlainTextEdit | QTextEdit


def tr(text: str) -> str:
    """Translated in the main window's context, with the rest of its menus."""
    return QCoreApplication.translate("MainWindow", text)


class EditActions(QObject):
    """Six actions whose target is the focused text field inside ``window``, else the stack."""

    def __init__(self, window: QWidget, stack: QUndoStack) -> None:
        super().__init__(window)
        self._window = window
        self._stack: QUndoStack | None = stack
        stack.destroyed.connect(self._stack_gone)  # the window is closing: children go first
        self._field: TextField | None = None
        self.undo = self._action(tr("&Undo"), QKeySequence.StandardKey.Undo, self._undo)
        self.redo = self._action(tr("&Redo"), QKeySequence.StandardKey.Redo, self._redo)
        self.cut = self._action(tr("Cu&t"), QKeySequence.StandardKey.Cut, self._cut)
        self.copy = self._action(tr("&Copy"), QKeySequence.StandardKey.Copy, self._copy)
        self.paste = self._action(tr("&Paste"), QKeySequence.StandardKey.Paste, self._paste)
        self.select_all = self._action(tr("Select &all"), QKeySequence.StandardKey.SelectAll,
                                       self._select_all)
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                       stack.redoTextChanged):
            signal.connect(self.update)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self.update)
        self.update()

    def _action(self, text: str, keys: QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    @property
    def field(self) -> TextField | None:
        """The text field the actions act on (None: the journal's undo stack)."""
        return self._field

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self._window):
            return
        field = new if isinstance(new, TextField) and self._window.isAncestorOf(new) else None
        if field is None and isinstance(new, QWidget) and not self._window.isAncestorOf(new):
            return  # focus went to a dialog or a menu: keep acting on the field it came from
        if field is self._field:
            return
        if self._field is not None:
            self._disconnect(self._field)
        self._field = field
        if field is not None:
            if isinstance(field, QLineEdit):
                field.textChanged.connect(self.update)
                field.selectionChanged.connect(self.update)
            else:
                field.undoAvailable.connect(self.update)
                field.redoAvailable.connect(self.update)
                field.copyAvailable.connect(self.update)
            field.destroyed.connect(self._field_gone)
        self.update()

    def _disconnect(self, field: TextField) -> None:
        try:
            if isinstance(field, QLineEdit):
                field.textChanged.disconnect(self.update)
                field.selectionChanged.disconnect(self.update)
            else:
                field.undoAvailable.disconnect(self.update)
                field.redoAvailable.disconnect(self.update)
                field.copyAvailable.disconnect(self.update)
            field.destroyed.disconnect(self._field_gone)
        except (RuntimeError, TypeError):  # already gone with its window
            pass

    def _stack_gone(self) -> None:
        self._stack = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        QGuiApplication.clipboard().dataChanged.disconnect(self.update)

    def _field_gone(self) -> None:
        self._field = None
        self.update()

    # What each action does -----------------------------------------------------------------

    def _can_undo_text(self) -> bool:
        field = self._field
        if field is None or not isValid(field):
            return False
        if isinstance(field, QLineEdit):
            return field.isUndoAvailable() and not field.isReadOnly()
        return field.document().isUndoAvailable() and not field.isReadOnly()

    def _can_redo_text(self) -> bool:
        field = self._field
        if field is None or not isValid(field):
            return False
        if isinstance(field, QLineEdit):
            return field.isRedoAvailable() and not field.isReadOnly()
        return field.document().isRedoAvailable() and not field.isReadOnly()

    def _has_selection(self) -> bool:
        field = self._field
        if field is None or not isValid(field):
            return False
        if isinstance(field, QLineEdit):
            return field.hasSelectedText() and field.echoMode() == QLineEdit.EchoMode.Normal
        return field.textCursor().hasSelection()

    def _undo(self) -> None:
        if self._can_undo_text():
            self._field.undo()  # type: ignore[union-attr]
        elif self._stack is not None and self._stack.canUndo():
            self._stack.undo()
        self.update()

    def _redo(self) -> None:
        if self._can_redo_text():
            self._field.redo()  # type: ignore[union-attr]
        elif self._stack is not None and self._stack.canRedo():
            self._stack.redo()
        self.update()

    def _cut(self) -> None:
        if self._field is not None and self._has_selection():
            self._field.cut()

    def _copy(self) -> None:
        if self._field is not None and self._has_selection():
            self._field.copy()

    def _paste(self) -> None:
        if self._field is not None:
            self._field.paste()

    def _select_all(self) -> None:
        if self._field is not None:
            self._field.selectAll()

    def update(self, *_args: object) -> None:
        """Enable and label the actions for the field (or the stack) they act on now."""
        stack = self._stack
        if stack is None or not isValid(stack) or not isValid(self.undo):
            return  # the window is being taken down
        text_undo, text_redo = self._can_undo_text(), self._can_redo_text()
        self.undo.setEnabled(text_undo or stack.canUndo())
        self.redo.setEnabled(text_redo or stack.canRedo())
        if text_undo:
            self.undo.setText(tr("&Undo typing"))
        elif stack.canUndo():
            self.undo.setText(fill(tr("&Undo %1"), stack.undoText()))
        else:
            self.undo.setText(tr("&Undo"))
        if text_redo:
            self.redo.setText(tr("&Redo typing"))
        elif stack.canRedo():
            self.redo.setText(fill(tr("&Redo %1"), stack.redoText()))
        else:
            self.redo.setText(tr("&Redo"))
        field = self._field
        editable = field is not None and not field.isReadOnly()
        selected = self._has_selection()
        self.cut.setEnabled(editable and selected)
        self.copy.setEnabled(selected)
        clipboard = QGuiApplication.clipboard()
        self.paste.setEnabled(editable and bool(clipboard.text(QClipboard.Mode.Clipboard)))
        self.select_all.setEnabled(field is not None)
