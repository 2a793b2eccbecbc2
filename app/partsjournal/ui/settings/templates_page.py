"""Settings ▸ Templates: the text a new entry of each kind starts with, made one's own.

Templates are journal data, not preferences (they can hold personal prompts), so the tab is
there only while a journal is open and everything goes through the vault
(``vault.templates``). Like the rest of the dialog, what is typed here is stored when the person
presses Save (:meth:`TemplatesPage.save`, through the operation helper) and Cancel forgets it.
A template that matches the default again — after "Reset to the default", say — is stored as no
template of one's own, so it follows the default (and its translation) from then on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import EntryKind
from partsjournal.domain.templates import CONTEXT, default_template
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.spelling import attach_spelling
from partsjournal.ui.common.vocabulary import kind_label
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.vault import Vault
from partsjournal.vault.templates import check_template


def translate_template(text: str) -> str:
    """A default template in the app's language (the ``tr`` that ``vault.templates`` takes)."""
    return QCoreApplication.translate(CONTEXT, text)


def _hint(text: str) -> QLabel:
    label = plain_label(text, wrap=True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


class TemplatesPage(QWidget):
    """The Templates tab: a kind chooser, its template in a plain-text editor, a reset button."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        #: What the person typed, per kind, not stored yet (only the kinds they touched).
        self._pending: dict[EntryKind, str] = {}

        self.kind_combo = named(QComboBox(), "templateKind")
        self.kind_combo.setAccessibleName(self.tr("Kind of entry"))
        for kind in EntryKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.editor = named(QPlainTextEdit(), "templateText")
        self.editor.setTabChangesFocus(True)  # Tab moves on, so the keyboard is never caught
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.editor.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        attach_spelling(self.editor, vault)
        self.status = named(plain_label(), "templateStatus")
        self.status.setAccessibleName(self.tr("Whose template this is"))
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.reset_button = named(QPushButton(self.tr("&Reset to the default")), "templateReset")
        self.problem = named(plain_label(wrap=True), "templateProblem")
        self.problem.setAccessibleName(self.tr("Problem with the template"))
        self.problem.hide()

        kind_label_widget = QLabel(self.tr("&Kind of entry:"))
        kind_label_widget.setBuddy(self.kind_combo)
        kind_row = QHBoxLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.kind_combo)
        kind_row.addWidget(self.status, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(kind_label_widget, kind_row)
        text_label = QLabel(self.tr("&Template:"))
        text_label.setBuddy(self.editor)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)

        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr(
            "A new entry starts with the template of its kind: a heading or two, a gentle "
            "question — whatever helps you begin. Keep it short; it is a starting point, not a "
            "form. A line starting with Q: collects a question for your therapy-prep summary. "
            "Templates are kept inside your encrypted journal.")))
        layout.addLayout(form)
        layout.addWidget(text_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.kind_combo.currentIndexChanged.connect(self._show_kind)
        self.editor.textChanged.connect(self._edited)
        self.reset_button.clicked.connect(self.reset_to_default)

    # What is shown -----------------------------------------------------------------------------

    @property
    def kind(self) -> EntryKind:
        """The kind whose template is shown."""
        return EntryKind(str(self.kind_combo.currentData()))

    def choose(self, kind: EntryKind) -> None:
        """Show the template of ``kind``."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(EntryKind(kind).value))

    def load(self) -> None:
        """Show the stored template of the chosen kind, forgetting what was typed."""
        self._pending.clear()
        self._show_kind()

    def _default(self, kind: EntryKind) -> str:
        return default_template(kind, translate_template)

    def _stored(self, kind: EntryKind) -> str:
        try:
            return self._vault.templates.get(kind, translate_template)
        except JournalError:
            return self._default(kind)  # a locked journal: the dialog is closing anyway

    def _text_of(self, kind: EntryKind) -> str:
        return self._pending.get(kind, self._stored(kind))

    def _show_kind(self) -> None:
        kind = self.kind
        with QSignalBlocker(self.editor):
            self.editor.setPlainText(self._text_of(kind))
        self.editor.setAccessibleName(fill(self.tr("Template for a new %1"),
                                           kind_label(kind).lower()))
        self.problem.hide()
        self._show_state()

    def _edited(self) -> None:
        self._pending[self.kind] = self.editor.toPlainText()
        self.problem.hide()
        self._show_state()

    def _show_state(self) -> None:
        kind = self.kind
        is_default = self._text_of(kind) == self._default(kind)
        self.reset_button.setEnabled(not is_default)
        if kind is EntryKind.NOTE and is_default:
            self.status.setText(self.tr("The default: a note starts empty."))
        elif is_default:
            self.status.setText(self.tr("The default template."))
        elif kind in self._pending:
            self.status.setText(self.tr("Your own template (saved when you press Save)."))
        else:
            self.status.setText(self.tr("Your own template."))
        self.reset_button.setAccessibleName(fill(self.tr("Reset the %1 template to the default"),
                                                 kind_label(kind).lower()))

    def reset_to_default(self) -> None:
        """Put the default back in the editor; stored (as no template of one's own) on Save."""
        self.editor.setPlainText(self._default(self.kind))  # through _edited: pending
        self.editor.setFocus()

    # Saving ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store what was typed, every kind checked first; False (and shown) if one is refused."""
        vault = self._vault
        if not self._pending or vault.is_locked:
            return True
        for kind, body in self._pending.items():
            try:
                check_template(body)
            except JournalError as exc:
                self.choose(kind)
                self._refuse(exc)
                return False
        pending = dict(self._pending)

        def store() -> None:
            for kind, body in pending.items():
                if body == self._default(kind):
                    vault.templates.reset(kind)
                else:
                    vault.templates.set(kind, body)

        try:
            perform(self, store, [])
        except JournalError as exc:
            self._refuse(exc)
            return False
        self._pending.clear()
        self._show_state()
        return True

    def _refuse(self, error: JournalError) -> None:
        self.problem.setText(fill(self.tr("This template can't be saved: %1"), str(error)))
        self.problem.show()
        self.editor.setFocus()
