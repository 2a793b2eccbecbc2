"""The settings dialog: locking, appearance, writing, templates, backups, passphrase, recovery.

Preferences are written only when the person presses OK; Cancel discards them and takes back a
theme that was being previewed. Actions on the vault itself (back up now, change passphrase, new
recovery code) happen at once, because each has its own confirmation.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.ui.common.backup_file import back_up_to_chosen_file
from partsjournal.ui.common.dates import long_date, time_of_day
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.passphrase_widgets import (
    ChangePassphraseDialog,
    RecoveryCodeDialog,
    text_width,
)
from partsjournal.ui.common.plain_text import plain_tooltip
from partsjournal.ui.common.theme import SPACE_S, apply_theme
from partsjournal.ui.common.widgets import plain_label
from partsjournal.ui.settings.settings import (
    AUTO_LOCK_MINUTES,
    BACKUP_COPY_DIR,
    BACKUPS_KEEP,
    CHECKIN_NAMES_SHOWN,
    LOCK_ON_MINIMISE,
    THEME,
    THEMES,
    Settings,
)
from partsjournal.ui.settings.templates_page import TemplatesPage
from partsjournal.ui.settings.writing_settings import WritingPage
from partsjournal.vault import Vault
from partsjournal.vault.backup import list_backups, taken_at

Index = QModelIndex | QPersistentModelIndex
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
# Automatic backups are named ``<reason>-<UTC time>.pjbackup`` (vault.backup.automatic_backup_path).


class BackupListModel(QAbstractListModel):
    """The automatic backups in a vault's backups folder, newest first, with when each was taken."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Path, str]] = []

    def set_backups(self, paths: list[Path]) -> None:
        """Replace the list (``paths`` newest first, as :func:`list_backups` gives them)."""
        self.beginResetModel()
        self._rows = [(path, self._describe(path)) for path in paths]
        self.endResetModel()

    def _describe(self, path: Path) -> str:
        reason = path.stem.rpartition("-")[0]
        taken = taken_at(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC)
        when = fill(self.tr("%1, %2"), long_date(taken), time_of_day(taken))
        kinds = {"auto": self.tr("daily"), "pre-migration": self.tr("before an update")}
        kind = kinds.get(reason)
        return fill(self.tr("%1 (%2)"), when, kind) if kind else when

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's API)
        """One row per backup; a list has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The date as text, the file name as tooltip, the path under ``PATH_ROLE``."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        path, text = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(path.name)
        if role == PATH_ROLE:
            return str(path)
        return None


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _hint(text: str) -> QLabel:
    """Secondary explanation under a control, in the palette's placeholder colour."""
    label = plain_label(text, wrap=True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    # Fill the form's field column instead of wrapping at the label's own preferred width.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label


class SettingsDialog(QDialog):
    """Preferences, entry templates and the vault's protection, grouped in tabs.

    ``vault`` is None when no journal is open; then the backup and passphrase actions are
    unavailable and say why. ``settings_changed`` is emitted after OK has saved the preferences.
    """

    settings_changed = Signal()

    def __init__(self, settings: Settings, vault: Vault | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._vault = vault
        self._saved_theme = str(settings.get(THEME))
        self._previewed_theme = self._saved_theme
        self.change_dialog: ChangePassphraseDialog | None = None
        self.recovery_dialog: RecoveryCodeDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.last_message: QMessageBox | None = None
        self.setWindowTitle(self.tr("Settings"))

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        # Every section's name in sight: the dialog widens to its tabs rather than hiding
        # "Passphrase & recovery" behind scroll arrows.
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.addTab(self._privacy_page(), self.tr("&Privacy && locking"))
        self.tabs.addTab(self._appearance_page(), self.tr("&Appearance"))
        self.writing_page = WritingPage(settings, vault)
        self.tabs.addTab(self.writing_page, self.tr("&Writing"))
        #: Entry templates are journal data: the tab is there only while a journal is open.
        self.templates_page = TemplatesPage(vault) if vault is not None else None
        if self.templates_page is not None:
            self.tabs.addTab(self.templates_page, self.tr("T&emplates"))
        self.backups_page = self._backups_page()
        self.tabs.addTab(self.backups_page, self.tr("&Backups"))
        self.tabs.addTab(self._passphrase_page(), self.tr("Pa&ssphrase && recovery"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.ok_button.setAccessibleName(self.tr("Save settings"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        margins = layout.contentsMargins()
        self.setMinimumWidth(max(text_width(self, 100), self.tabs.tabBar().sizeHint().width()
                                 + margins.left() + margins.right() + 8))
        self._load()
        self.refresh_backups()
        self.auto_lock_spin.setFocus()  # the first thing on the first page

    # Pages -----------------------------------------------------------------------------------

    def _privacy_page(self) -> QWidget:
        page = QWidget()
        self.auto_lock_spin = QSpinBox()
        self.auto_lock_spin.setRange(1, 240)
        self.auto_lock_spin.setAccessibleName(self.tr("Minutes without activity before locking"))
        self.lock_minimised_check = QCheckBox(self.tr("Lock when the window is &minimised"))
        self.lock_minimised_check.setAccessibleName(self.tr("Lock when minimised"))
        self.checkin_names_check = QCheckBox(self.tr("Check-in &reminders name the part"))
        self.checkin_names_check.setAccessibleName(self.tr("Check-in reminders name the part"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_label(self.tr("Lock &after this many idle minutes:"), self.auto_lock_spin),
                    self.auto_lock_spin)
        form.addRow("", self.lock_minimised_check)
        form.addRow("", _hint(self.tr(
            "Typing, clicking, scrolling and moving the mouse over Parts Journal count as "
            "activity, so a slow sentence never locks you out; only time without touching it "
            "does. When the journal locks, what you were writing is saved first, and nothing "
            "of your journal stays on screen until you unlock it again.")))
        form.addRow("", self.checkin_names_check)
        form.addRow("", _hint(self.tr(
            "Otherwise a reminder says only “A check-in you planned is due”. While the journal "
            "is locked it always says only that, whatever is chosen here.")))
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _appearance_page(self) -> QWidget:
        page = QWidget()
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        names = {"system": self.tr("Same as the system"), "light": self.tr("Light"),
                 "dark": self.tr("Dark")}
        for theme in THEMES:
            self.theme_combo.addItem(names.get(theme, theme), theme)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        theme_row = QHBoxLayout()
        theme_row.setContentsMargins(0, 0, 0, 0)
        theme_row.addWidget(self.theme_combo)
        theme_row.addStretch(1)
        form.addRow(_label(self.tr("&Theme:"), self.theme_combo), theme_row)
        form.addRow("", _hint(self.tr("The new look shows straight away; Cancel takes it "
                                      "back.")))
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        self.theme_combo.currentIndexChanged.connect(self._preview_theme)
        return page

    def _backups_page(self) -> QWidget:
        page = QWidget()
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, 60)
        self.keep_spin.setAccessibleName(self.tr("Recent automatic backups to keep"))

        self.copy_dir_edit = QLineEdit()
        self.copy_dir_edit.setPlaceholderText(self.tr("No extra copy"))
        self.copy_dir_edit.setAccessibleName(self.tr("Extra folder for a copy of each backup"))
        self.copy_dir_edit.setClearButtonEnabled(False)
        self.browse_button = QPushButton(self.tr("B&rowse…"))
        self.browse_button.setAccessibleName(self.tr("Choose the extra backup folder"))
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.setAccessibleName(self.tr("Don't copy backups elsewhere"))
        copy_row = QHBoxLayout()
        copy_row.setContentsMargins(0, 0, 0, 0)
        copy_row.addWidget(self.copy_dir_edit, 1)
        copy_row.addWidget(self.browse_button)
        copy_row.addWidget(self.clear_button)
        self.copy_dir_problem = plain_label(wrap=True)
        self.copy_dir_problem.setAccessibleName(self.tr("Problem with the extra backup folder"))
        self.copy_dir_problem.setSizePolicy(QSizePolicy.Policy.Expanding,
                                            QSizePolicy.Policy.Preferred)
        self.copy_dir_problem.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        keep_row = QHBoxLayout()
        keep_row.setContentsMargins(0, 0, 0, 0)
        keep_row.addWidget(self.keep_spin)
        keep_row.addStretch(1)
        form.addRow(_label(self.tr("Recent automatic backups to &keep:"), self.keep_spin),
                    keep_row)
        form.addRow(_label(self.tr("Also &copy each backup to:"), self.copy_dir_edit), copy_row)
        form.addRow("", _hint(self.tr(
            "A folder on another drive or a USB stick keeps a copy safe if this disk fails. "
            "Backups stay encrypted wherever they are.")))
        form.addRow("", self.copy_dir_problem)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        self.backup_now_button = QPushButton(self.tr("Back &up now…"))
        self.backup_now_button.setAccessibleName(self.tr("Back up now"))
        backup_now_hint = _hint(self.tr(
            "Saves an encrypted copy of your journal wherever you choose. It opens with the "
            "passphrase you use now."))
        now_row = QHBoxLayout()
        now_row.addWidget(self.backup_now_button, 0, Qt.AlignmentFlag.AlignTop)
        now_row.addWidget(backup_now_hint, 1)

        self.backup_model = BackupListModel(self)
        self.backup_list = QListView()
        self.backup_list.setModel(self.backup_model)
        self.backup_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backup_list.setAccessibleName(self.tr("Automatic backups"))
        self.backup_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.backups_label = _label(self.tr("Automatic backups in the journal &folder:"),
                                    self.backup_list)
        self.backups_empty = plain_label(wrap=True)
        self.backups_empty.setAccessibleName(self.tr("About the automatic backups"))

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(line)
        layout.addLayout(now_row)
        layout.addSpacing(SPACE_S)
        layout.addWidget(self.backups_label)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(self.backups_empty)

        self.browse_button.clicked.connect(self._browse_copy_dir)
        self.clear_button.clicked.connect(self.copy_dir_edit.clear)
        self.copy_dir_edit.textChanged.connect(lambda _text: self.copy_dir_problem.hide())
        self.backup_now_button.clicked.connect(self._back_up_now)
        self.backup_now_button.setEnabled(self._vault is not None)
        return page

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        self.change_button = QPushButton(self.tr("&Change passphrase…"))
        self.change_button.setAccessibleName(self.tr("Change passphrase"))
        self.passphrase_status = plain_label(wrap=True)
        self.passphrase_status.setAccessibleName(self.tr("About your passphrase"))
        self.new_code_button = QPushButton(self.tr("Create a &new recovery code…"))
        self.new_code_button.setAccessibleName(self.tr("Create a new recovery code"))
        self.recovery_status = plain_label(wrap=True)
        self.recovery_status.setAccessibleName(self.tr("Recovery code status"))

        layout = QVBoxLayout(page)
        for title, button, text in (
                (self.tr("Passphrase"), self.change_button, self.passphrase_status),
                (self.tr("Recovery code"), self.new_code_button, self.recovery_status)):
            group = QGroupBox(title)
            inner = QVBoxLayout(group)
            inner.addWidget(text)
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(group)
        layout.addStretch(1)

        self.change_button.clicked.connect(self._change_passphrase)
        self.new_code_button.clicked.connect(self._confirm_new_recovery_code)
        self._show_protection_status()
        return page

    # Loading and saving ----------------------------------------------------------------------

    def _load(self) -> None:
        s = self._settings
        self.auto_lock_spin.setValue(int(s.get(AUTO_LOCK_MINUTES)))
        self.lock_minimised_check.setChecked(bool(s.get(LOCK_ON_MINIMISE)))
        self.checkin_names_check.setChecked(bool(s.get(CHECKIN_NAMES_SHOWN)))
        index = self.theme_combo.findData(self._saved_theme)
        self.theme_combo.blockSignals(True)
        self.theme_combo.setCurrentIndex(max(index, 0))
        self.theme_combo.blockSignals(False)
        self.keep_spin.setValue(int(s.get(BACKUPS_KEEP)))
        self.copy_dir_edit.setText(str(s.get(BACKUP_COPY_DIR)))
        self.writing_page.load()
        if self.templates_page is not None:
            self.templates_page.load()

    def _copy_dir_problem(self) -> str:
        text = self.copy_dir_edit.text().strip()
        if text and not Path(text).expanduser().is_dir():
            return self.tr("That folder doesn't exist (is the drive plugged in?). Choose "
                           "another, or clear it.")
        return ""

    def accept(self) -> None:
        """Save every preference, then close; a missing backup folder keeps the dialog open."""
        problem = self._copy_dir_problem()
        if problem:
            self.copy_dir_problem.setText(problem)
            self.copy_dir_problem.show()
            self.tabs.setCurrentWidget(self.backups_page)
            self.copy_dir_edit.setFocus()
            return
        if self.templates_page is not None and not self.templates_page.save():
            self.tabs.setCurrentWidget(self.templates_page)  # it says what was refused
            return
        s = self._settings
        s.set(AUTO_LOCK_MINUTES, self.auto_lock_spin.value())
        s.set(LOCK_ON_MINIMISE, self.lock_minimised_check.isChecked())
        s.set(CHECKIN_NAMES_SHOWN, self.checkin_names_check.isChecked())
        s.set(THEME, self._selected_theme())
        s.set(BACKUPS_KEEP, self.keep_spin.value())
        copy_dir = self.copy_dir_edit.text().strip()
        s.set(BACKUP_COPY_DIR, str(Path(copy_dir).expanduser()) if copy_dir else "")
        self.writing_page.save()
        self._saved_theme = self._selected_theme()
        super().accept()
        self.settings_changed.emit()

    def reject(self) -> None:
        """Discard changes and take back a previewed theme (also on Escape and the close button)."""
        if self._previewed_theme != self._saved_theme:
            self._apply_theme(self._saved_theme)
        super().reject()

    # Appearance ------------------------------------------------------------------------------

    def _selected_theme(self) -> str:
        return str(self.theme_combo.currentData() or "system")

    def _preview_theme(self, _index: int) -> None:
        self._apply_theme(self._selected_theme())

    def _apply_theme(self, theme: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        self._previewed_theme = theme

    # Backups ---------------------------------------------------------------------------------

    def refresh_backups(self) -> None:
        """Re-read the vault's backups folder."""
        if self._vault is None:
            self.backup_model.set_backups([])
            self.backup_list.hide()
            self.backups_label.hide()
            self.backups_empty.setText(self.tr("Open a journal to back it up or see its "
                                               "backups."))
            self.backups_empty.show()
            return
        paths = list_backups(self._vault.folder)
        self.backup_model.set_backups(paths)
        if paths:
            self.backups_empty.hide()
        else:
            self.backups_empty.setText(self.tr("No automatic backups yet. One is made when you "
                                               "unlock, at most once a day."))
            self.backups_empty.show()

    def _browse_copy_dir(self) -> None:
        start = self.copy_dir_edit.text().strip() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.HomeLocation)
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for an extra copy of each backup"), start)
        if folder:
            self.copy_dir_edit.setText(folder)

    def _back_up_now(self) -> None:
        if self._vault is None:
            return
        written = back_up_to_chosen_file(self, self._vault)
        if written is None:
            return
        self.refresh_backups()
        self._inform(self.tr("Back up now"),
                     fill(self.tr("Your journal was backed up to:\n%1"), written),
                     self.tr("The backup is encrypted. It opens with the passphrase you use now, "
                             "even if you change it later."))

    def _inform(self, title: str, text: str, detail: str = "") -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if detail:
            box.setInformativeText(detail)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "last_message", None))
        self.last_message = box
        box.open()
        return box

    # Passphrase and recovery code ------------------------------------------------------------

    def _show_protection_status(self, *, new_code: bool = False) -> None:
        vault = self._vault
        enabled = vault is not None
        self.change_button.setEnabled(enabled)
        self.new_code_button.setEnabled(enabled)
        if vault is None:
            self.passphrase_status.setText(self.tr("Open a journal to change its passphrase or "
                                                   "recovery code."))
            self.recovery_status.setText("")
            self.recovery_status.hide()
            return
        self.recovery_status.show()
        if vault.needs_new_passphrase:
            self.passphrase_status.setText(self.tr(
                "You opened the journal with your recovery code. Please choose a new passphrase."))
        else:
            self.passphrase_status.setText(self.tr(
                "Your passphrase unlocks the journal. Changing it is quick, and your entries "
                "stay exactly as they are."))
        if new_code:
            self.recovery_status.setText(self.tr(
                "A new recovery code is set; the one before it no longer works."))
        else:
            self.recovery_status.setText(self.tr(
                "A recovery code is set. It was shown when the journal was created, and opens "
                "the journal if you forget your passphrase."))

    def _change_passphrase(self) -> None:
        if self._vault is None:
            return
        dialog = ChangePassphraseDialog(self._vault, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._passphrase_changed)
        dialog.finished.connect(lambda _result: setattr(self, "change_dialog", None))
        self.change_dialog = dialog
        dialog.open()

    def _passphrase_changed(self) -> None:
        self._show_protection_status()
        self._inform(self.tr("Passphrase changed"),
                     self.tr("Your journal now opens with the new passphrase."),
                     self.tr("Backups made before now still open with the passphrase that was "
                             "current when they were made."))

    def _confirm_new_recovery_code(self) -> None:
        if self._vault is None:
            return
        title = self.tr("Create a new recovery code?")
        box = QMessageBox(QMessageBox.Icon.Question, title, title,
                          QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr(
            "Your current recovery code stops working straight away. The new one is shown only "
            "once, so have paper and a pen ready."))
        create = box.addButton(self.tr("Create new code"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is create:
                self._create_new_recovery_code()

        box.finished.connect(answered)
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def _create_new_recovery_code(self) -> None:
        if self._vault is None:
            return
        try:
            code = self._vault.new_recovery_code()  # HKDF only: quick, key file only
        except JournalError as exc:
            show_error(self, exc, self.tr("New recovery code"))
            return
        self._show_protection_status(new_code=True)
        dialog = RecoveryCodeDialog(code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "recovery_dialog", None))
        self.recovery_dialog = dialog
        dialog.open()
