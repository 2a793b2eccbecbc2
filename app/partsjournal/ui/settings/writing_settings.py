"""Settings ▸ Writing: spell-checking, its language, the person's own words, the writing face.

Like the rest of the dialog, the preferences here are stored when the person presses Save
(:meth:`WritingPage.save`). The personal word list is journal data, not a preference: it lives in
the vault, is shown only when a journal is open, and a word removed is removed at once.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QLocale, QStringListModel, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common import spelling
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.settings.settings import (
    SPELLING_LANGUAGE,
    SPELLING_ON,
    WRITING_FONT_FAMILY,
    WRITING_FONT_SIZE,
    Settings,
)
from partsjournal.vault import Vault

MIN_SIZE, MAX_SIZE = 8, 36


def language_name(tag: str) -> str:
    """A dictionary's language as its speakers write it: "English (United Kingdom)"."""
    locale = QLocale(tag)
    if locale.language() == QLocale.Language.C:
        return tag
    name = locale.nativeLanguageName() or QLocale.languageToString(locale.language())
    if "_" in tag or "-" in tag:
        territory = locale.nativeTerritoryName() or QLocale.territoryToString(locale.territory())
        return f"{name} ({territory})" if territory else name
    return name


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _left(*widgets: QWidget) -> QHBoxLayout:
    """``widgets`` side by side at the left of a form's field column."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class WritingPage(QWidget):
    """The Writing tab of the settings dialog."""

    def __init__(self, settings: Settings, vault: Vault | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._vault = vault
        self._family = ""

        self.spelling_check = named(QCheckBox(self.tr("Chec&k spelling as I write")),
                                    "spellingOn")
        self.spelling_check.setAccessibleName(self.tr("Check spelling"))
        self.language_combo = named(QComboBox(), "spellingLanguage")
        self.language_combo.setAccessibleName(self.tr("Dictionary language"))
        self.unavailable = named(plain_label(wrap=True), "spellingUnavailable")
        self.unavailable.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Its lines are set apart by hand, so the commands never break in the middle.
        self.unavailable.setWordWrap(False)
        spelling_form = _form()
        spelling_form.addRow("", self.spelling_check)
        spelling_form.addRow(_label(self.tr("&Dictionary:"), self.language_combo),
                             _left(self.language_combo))
        spelling_form.addRow("", self.unavailable)

        self.font_combo = named(QFontComboBox(), "writingFont")
        self.font_combo.setAccessibleName(self.tr("Writing face"))
        self.default_font_button = named(QPushButton(self.tr("Use defa&ult")),
                                         "writingFontDefault")
        self.default_font_button.setAccessibleName(self.tr("Use the default writing face"))
        self.font_note = named(plain_label(), "writingFontNote")
        self.size_spin = named(QSpinBox(), "writingSize")
        self.size_spin.setRange(MIN_SIZE, MAX_SIZE)
        self.size_spin.setSuffix(self.tr(" pt"))
        self.size_spin.setAccessibleName(self.tr("Writing size in points"))
        face_form = _form()
        face_form.addRow(_label(self.tr("Writing &face:"), self.font_combo),
                         _left(self.font_combo, self.default_font_button))
        face_form.addRow("", self.font_note)
        face_form.addRow(_label(self.tr("Writing si&ze:"), self.size_spin), _left(self.size_spin))

        face_box = QGroupBox(self.tr("Writing face and size"))
        face_box.setLayout(face_form)
        spelling_box = QGroupBox(self.tr("Spelling"))
        spelling_layout = QVBoxLayout(spelling_box)
        spelling_layout.addLayout(spelling_form)
        self.words_box = self._words_box()
        spelling_layout.addWidget(self.words_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(face_box)
        if vault is None:
            self.words_box.hide()
            layout.addWidget(spelling_box)
            layout.addStretch(1)
        else:
            layout.addWidget(spelling_box, 1)

        self.spelling_check.toggled.connect(self._show_availability)
        self.font_combo.activated.connect(self._font_chosen)
        self.default_font_button.clicked.connect(self._use_default_font)

    def _words_box(self) -> QWidget:
        box = QWidget()
        #: The personal words, as the vault lists them (a model: views show, never hold, data).
        self.words_model = QStringListModel(self)
        self.words_list = named(QListView(), "personalWords")
        self.words_list.setModel(self.words_model)
        self.words_list.setAccessibleName(self.tr("Words in my dictionary"))
        self.words_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.words_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.no_words = named(plain_label(self.tr("No words yet.")), "noPersonalWords")
        self.no_words.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.remove_word_button = named(QPushButton(self.tr("&Remove")), "removeWord")
        self.remove_word_button.setAccessibleName(self.tr("Remove the selected words"))
        self.remove_word_button.setEnabled(False)
        self.words_hint = plain_label(self.tr(
            "Words you added with “Add to my dictionary” in a text field's right-click menu. "
            "They are kept inside your encrypted journal, never in a file of their own."),
            wrap=True)
        self.words_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_word_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        title = _label(self.tr("&My dictionary:"), self.words_list)
        layout.addWidget(title)
        layout.addWidget(self.words_hint)
        layout.addWidget(self.words_list, 1)
        layout.addWidget(self.no_words)
        layout.addLayout(buttons)
        self.words_list.selectionModel().selectionChanged.connect(
            lambda *_: self.remove_word_button.setEnabled(bool(self.selected_words())))
        self.remove_word_button.clicked.connect(self._remove_selected_words)
        remove_key = QAction(self.words_list)  # Delete in the list does what Remove does
        remove_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.triggered.connect(self._remove_selected_words)
        self.words_list.addAction(remove_key)
        return box

    # Loading and saving ------------------------------------------------------------------------

    def load(self) -> None:
        """Show the stored preferences and the vault's words."""
        s = self._settings
        self.spelling_check.setChecked(bool(s.get(SPELLING_ON)))
        self._fill_languages(str(s.get(SPELLING_LANGUAGE)))
        self._family = str(s.get(WRITING_FONT_FAMILY))
        self._show_family()
        self.size_spin.setValue(int(s.get(WRITING_FONT_SIZE)))
        self._show_availability()
        self.refresh_words()

    def save(self) -> None:
        """Store the preferences (the dialog calls this on Save)."""
        s = self._settings
        s.set(SPELLING_ON, self.spelling_check.isChecked())
        s.set(SPELLING_LANGUAGE, str(self.language_combo.currentData() or ""))
        s.set(WRITING_FONT_FAMILY, self._family)
        s.set(WRITING_FONT_SIZE, self.size_spin.value())

    # Spelling ----------------------------------------------------------------------------------

    def _fill_languages(self, stored: str) -> None:
        combo = self.language_combo
        combo.clear()
        installed = spelling.installed_languages()
        automatic = spelling.resolve_language("")
        if automatic:
            combo.addItem(fill(self.tr("This computer's language: %1"),
                               language_name(automatic)), "")
        else:
            combo.addItem(self.tr("This computer's language"), "")
        for tag in installed:
            combo.addItem(language_name(tag), tag)
        if stored and stored not in installed:
            combo.addItem(fill(self.tr("%1 (not installed)"), language_name(stored)), stored)
        combo.setCurrentIndex(max(combo.findData(stored), 0))

    def _show_availability(self) -> None:
        available = spelling.is_available()
        on = self.spelling_check.isChecked()
        self.language_combo.setEnabled(available and on)
        if available:
            self.unavailable.hide()
            return
        self.unavailable.setText(self.tr(
            "Spell-checking needs the Enchant library and a dictionary.\n"
            "On Debian or Ubuntu: sudo apt install libenchant-2-2 hunspell-en-us\n"
            "On Fedora: sudo dnf install enchant2 hunspell-en\n"
            "On Arch: sudo pacman -S enchant hunspell-en_us\n"
            "Then restart Parts Journal. Everything else works without it."))
        self.unavailable.show()

    # Personal words ----------------------------------------------------------------------------

    def refresh_words(self) -> None:
        """Re-read the personal words from the vault."""
        self.words_model.setStringList([])
        self.no_words.setVisible(True)
        vault = self._vault
        if vault is None or vault.is_locked:
            return
        try:
            words = vault.dictionary.list()
        except JournalError as exc:
            show_error(self, exc, self.tr("My dictionary"))
            return
        self.words_model.setStringList(words)
        self.no_words.setVisible(not words)

    def selected_words(self) -> list[str]:
        """The words chosen in the list, in its order."""
        rows = sorted(index.row() for index in self.words_list.selectionModel().selectedRows())
        return [self.words_model.stringList()[row] for row in rows]

    def _remove_selected_words(self) -> None:
        vault = self._vault
        if vault is None:
            return
        words = self.selected_words()
        checker = spelling.checker_for(vault)

        def remove(word: str) -> None:
            vault.dictionary.remove(word)

        try:
            for word in words:
                if checker is not None:
                    checker.remove_word(word)  # it forgets the word too, and re-checks
                else:
                    perform(self, partial(remove, word), [])
        except JournalError as exc:
            show_error(self, exc, self.tr("My dictionary"))
        self.refresh_words()

    # Writing face ------------------------------------------------------------------------------

    def _default_family(self) -> str:
        return QApplication.font().family()

    def _show_family(self) -> None:
        family = self._family or self._default_family()
        self.font_combo.blockSignals(True)
        self.font_combo.setCurrentFont(QFont(family))
        self.font_combo.blockSignals(False)
        self.default_font_button.setEnabled(bool(self._family))
        self.font_note.setText(self.tr("Default: the app's own reading face.") if not self._family
                               else "")
        self.font_note.setVisible(not self._family)

    def _font_chosen(self, _index: int) -> None:
        self._family = self.font_combo.currentFont().family()
        self._show_family()

    def _use_default_font(self) -> None:
        self._family = ""
        self._show_family()
        self.font_combo.setFocus()

    @property
    def font_family(self) -> str:
        """The chosen face ("" = the default), as it will be stored."""
        return self._family
