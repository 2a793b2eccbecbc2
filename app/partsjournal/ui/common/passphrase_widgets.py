"""Choosing and showing secrets: strength meter, new-passphrase form, change and recovery dialogs.

The form and the recovery-code dialog are shared by the settings dialog and the create-vault
wizard, so they depend on nothing but the strength estimator. Key derivation always runs in a
worker (docs/architecture.md); these widgets only show a busy state meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.words import fill
from partsjournal.errors import WrongPassphrase
from partsjournal.flows.strength import Strength, assess
from partsjournal.ui.common.icons import IconLabel
from partsjournal.ui.common.messages import show_error
from partsjournal.ui.common.recovery_sheet import RecoverySheetButtons
from partsjournal.ui.common.theme import SPACE_S, SPACE_XS
from partsjournal.ui.common.widgets import plain_label
from partsjournal.ui.common.workers import run_in_background
from partsjournal.vault import Vault
from partsjournal.vault.keyslots import KeySlots
from partsjournal.vault.vault import KEYSLOTS_FILE


def text_width(widget: QWidget, characters: int) -> int:
    """The width of about ``characters`` characters of ``widget``'s font, for minimum sizes."""
    return widget.fontMetrics().averageCharWidth() * characters


def grow_to_fit(window: QWidget) -> None:
    """Make a window taller if its word-wrapped labels now need more lines than it has room for.

    Qt sizes a top-level window's minimum ignoring height-for-width, so wrapped text that grows
    after the window is shown would otherwise be squeezed.
    """
    layout = window.layout()
    if layout is None or not window.isWindow():
        return
    layout.activate()
    needed = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if needed > window.height():
        window.resize(window.width(), needed)


#: The bar's colour per zxcvbn score (0–4), for a light and for a dark window: a muted red while
#: too easy to guess, amber for fair, green once acceptable. Each has at least 3:1 contrast with
#: the bar's empty groove (the palette's Base) in the app's light and dark palettes.
STRENGTH_COLORS = {
    "light": ("#b9472c", "#b9472c", "#9a6a00", "#2e7d4a", "#2e7d4a"),
    "dark": ("#e27a5c", "#e27a5c", "#dda53f", "#5cb97e", "#5cb97e"),
}


def strength_color(score: int, palette: QPalette) -> QColor:
    """The bar's colour for ``score`` on ``palette`` (light or dark by its window colour)."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(STRENGTH_COLORS["dark" if dark else "light"][max(0, min(score, 4))])


class StrengthMeter(QWidget):
    """How hard a passphrase would be to guess: a 0–4 bar, a verdict and zxcvbn's advice.

    The bar's colour follows the level, and the level is also in words beside it (in a label of
    fixed width, so the bar never changes width) and in the bar's accessible description.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strength = assess("")
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = plain_label()
        self.verdict.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._fit_verdict()
        self.details = plain_label(wrap=True)
        self.details.setAccessibleName(self.tr("Advice about the passphrase"))
        # Room for a warning, a suggestion and the guessing time, so the dialog doesn't jump.
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.bar, 1)
        top.addWidget(self.verdict)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_XS)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.show_strength(self._strength)

    def _verdicts(self) -> tuple[str, ...]:
        return (self.tr("Very weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"),
                self.tr("Strong"))

    def _fit_verdict(self) -> None:
        """As wide as the longest verdict, whatever is shown, so the bar keeps its width."""
        metrics = self.verdict.fontMetrics()
        self.verdict.setFixedWidth(max(metrics.horizontalAdvance(word) for word in
                                       self._verdicts()) + metrics.averageCharWidth())

    def _verdict_text(self, strength: Strength) -> str:
        if not strength.crack_time:
            return ""
        return self._verdicts()[max(0, min(strength.score, 4))]

    def show_strength(self, strength: Strength) -> None:
        """Show ``strength``; an empty passphrase's strength clears the meter."""
        self._strength = strength
        empty = not strength.crack_time
        self.bar.setValue(0 if empty else max(0, min(strength.score, 4)))
        verdict = self._verdict_text(strength)
        self.verdict.setText(verdict)
        self.bar.setAccessibleDescription(verdict)
        lines: list[str] = []
        if strength.warning:
            lines.append(strength.warning)
        lines.extend(strength.suggestions)
        if not empty:
            lines.append(fill(self.tr("It would take %1 to guess."), strength.crack_time))
        self.details.setText("\n".join(lines))
        self._tint()

    @property
    def strength(self) -> Strength:
        """What is being shown."""
        return self._strength

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As tall as the advice needs at the width it has (Qt's hint wraps it much narrower)."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), hint.width())))

    def _tint(self) -> None:
        """Fill the bar in the colour of its level: red-orange, amber, then green."""
        palette = QPalette(self.bar.palette())
        palette.setColor(QPalette.ColorRole.Highlight,
                         strength_color(self._strength.score, self.palette()))
        self.bar.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Follow a theme switch or a new font."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._tint()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_verdict()


class NewPassphraseForm(QWidget):
    """Two password fields, a Show toggle, the strength meter and one sentence about what's missing.

    Emits ``validity_changed(bool)`` whenever the passphrase becomes usable or stops being so: it
    must be acceptably strong and typed the same twice.
    """

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *,
                 user_inputs: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self._user_inputs = user_inputs
        self._valid = False
        self._strength = assess("")
        self._secret_fields: list[QLineEdit] = []

        self.new_edit = self._password_field(self.tr("New passphrase"))
        self.repeat_edit = self._password_field(self.tr("Repeat the new passphrase"))
        self.show_toggle = QCheckBox(self.tr("&Show what I type"))
        self.show_toggle.setAccessibleName(self.tr("Show the passphrases"))
        self.meter = StrengthMeter()
        self.problem_label = plain_label(wrap=True)
        self.problem_label.setAccessibleName(self.tr("What is still missing"))
        self.problem_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        self.problem_label.setSizePolicy(QSizePolicy.Policy.Expanding,
                                         QSizePolicy.Policy.Preferred)
        self.problem_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        new_label = QLabel(self.tr("&New passphrase:"))
        new_label.setBuddy(self.new_edit)
        repeat_label = QLabel(self.tr("&Repeat it:"))
        repeat_label.setBuddy(self.repeat_edit)

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.addRow(new_label, self.new_edit)
        self.form.addRow("", self.meter)
        self.form.addRow(repeat_label, self.repeat_edit)
        self.form.addRow("", self.show_toggle)
        self.form.addRow("", self.problem_label)
        self.setTabOrder(self.new_edit, self.repeat_edit)
        self.setTabOrder(self.repeat_edit, self.show_toggle)

        self.new_edit.textChanged.connect(self._on_new_changed)
        self.repeat_edit.textChanged.connect(self._update)
        self.show_toggle.toggled.connect(self._set_visible)
        self._update()

    def _password_field(self, accessible_name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(accessible_name)
        edit.setMinimumWidth(text_width(edit, 32))
        self._secret_fields.append(edit)
        return edit

    def add_leading_row(self, label: QLabel, field: QLineEdit) -> None:
        """Put another field (e.g. the current passphrase) above the new one, aligned with it.

        The Show toggle then reveals it too, and tabbing visits it first.
        """
        self.form.insertRow(0, label, field)
        field.setEchoMode(self.new_edit.echoMode())
        self._secret_fields.insert(0, field)
        self.setTabOrder(field, self.new_edit)

    def _on_new_changed(self, text: str) -> None:
        self._strength = assess(text, self._user_inputs)
        self.meter.show_strength(self._strength)
        self._update()

    def _set_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        for edit in self._secret_fields:
            edit.setEchoMode(mode)

    def problem(self) -> str:
        """Why the passphrase can't be used yet, as one kind sentence, or ''."""
        new, repeat = self.new_edit.text(), self.repeat_edit.text()
        if not new:
            return self.tr("Choose a passphrase: a few unrelated words are easy to remember "
                           "and hard to guess.")
        if not self._strength.acceptable and self._strength.suggestions:
            return self.tr("This passphrase would be too easy to guess yet.")  # advice above
        if not self._strength.acceptable:
            return self.tr("This passphrase would be too easy to guess. Try adding a word or "
                           "two.")
        if not repeat:
            return self.tr("Type it once more, to be sure there is no typo.")
        if repeat != new:
            return self.tr("The two passphrases don't match yet.")
        return ""

    def _update(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem or self.tr("Both passphrases match."))
        if self.window() is not self:
            grow_to_fit(self.window())
        valid = not problem
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def is_acceptable(self) -> bool:
        """True when the passphrase is strong enough and typed the same twice."""
        return self._valid

    def passphrase(self) -> str:
        """The new passphrase as typed (check :meth:`is_acceptable` first)."""
        return self.new_edit.text()

    def strength(self) -> Strength:
        """The strength of what is typed in the first field."""
        return self._strength

    def clear(self) -> None:
        """Forget what was typed."""
        for edit in self._secret_fields:
            edit.clear()


class ChangePassphraseDialog(QDialog):
    """Change the passphrase: check the current one, choose a new one, rewrap the key in a worker.

    After unlocking with the recovery code (``vault.needs_new_passphrase``), the current
    passphrase isn't asked for; the dialog explains why a new one is needed.
    """

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._busy = False
        self._ask_current = not vault.needs_new_passphrase
        self.setWindowTitle(self.tr("Change passphrase"))

        if self._ask_current:
            intro = self.tr(
                "Choose a new passphrase for this journal. This is quick: your entries stay "
                "exactly as they are. Backups made before today still open with the passphrase "
                "that was current when they were made.")
        else:
            intro = self.tr(
                "You opened your journal with your recovery code. Please choose a new passphrase "
                "now; you'll unlock with it from here on, and your recovery code keeps working "
                "as your spare key.")
        self.intro_label = plain_label(intro, wrap=True)

        self.current_edit = QLineEdit()
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_edit.setAccessibleName(self.tr("Current passphrase"))
        self.current_label = QLabel(self.tr("&Current passphrase:"))
        self.current_label.setBuddy(self.current_edit)

        self.form = NewPassphraseForm()
        if self._ask_current:
            self.form.add_leading_row(self.current_label, self.current_edit)
        else:
            self.current_edit.hide()
            self.current_label.hide()

        self.error_label = plain_label(wrap=True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        icon = IconLabel("triangle-alert")
        error_row = QHBoxLayout()
        error_row.setContentsMargins(0, 0, 0, 0)
        error_row.addWidget(icon)
        error_row.addWidget(self.error_label, 1)
        self.error_box = QWidget()
        self.error_box.setLayout(error_row)
        self.error_box.hide()

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Working"))
        self.busy_label = plain_label(self.tr("Protecting your journal…"))
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.progress, 1)
        self.busy_box = QWidget()
        self.busy_box.setLayout(busy_row)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_box.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("C&hange passphrase"))
        self.ok_button.setAccessibleName(self.tr("Change passphrase"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addSpacing(SPACE_S)
        layout.addWidget(self.form)
        layout.addWidget(self.error_box)
        layout.addWidget(self.busy_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.form.validity_changed.connect(self._update_ok)
        self.current_edit.textChanged.connect(self._on_current_changed)
        self.setMinimumWidth(text_width(self, 72))
        self._update_ok()
        (self.current_edit if self._ask_current else self.form.new_edit).setFocus()

    # State -----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while the new key is being derived."""
        return self._busy

    def _on_current_changed(self) -> None:
        self.error_box.hide()
        self._update_ok()

    def _update_ok(self, *_args: object) -> None:
        ready = self.form.is_acceptable() and (not self._ask_current
                                               or bool(self.current_edit.text()))
        self.ok_button.setEnabled(ready and not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_box.setVisible(busy)
        grow_to_fit(self)
        self.form.setEnabled(not busy)
        self.current_edit.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self._update_ok()

    # Work ------------------------------------------------------------------------------------

    def _start(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        self.error_box.hide()
        current = self.current_edit.text() if self._ask_current else None
        new = self.form.passphrase()
        vault = self._vault
        slots_path = vault.folder / KEYSLOTS_FILE

        def work() -> None:
            # Runs in a worker: Argon2id twice, and the key file only — never the database.
            if current is not None:  # proves the current passphrase; the key is not needed
                KeySlots.load(slots_path).unlock_with_passphrase(current).wipe()
            vault.change_passphrase(new)

        self._set_busy(True)
        run_in_background(work, self._finished, self._failed)

    def _finished(self, _result: object) -> None:
        self._set_busy(False)
        self.current_edit.clear()
        self.form.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, WrongPassphrase):
            self.error_label.setText(self.tr(
                "That isn't the current passphrase, so nothing was changed. Take your time and "
                "try again."))
            self.error_box.show()
            grow_to_fit(self)
            self.current_edit.setFocus()
            self.current_edit.selectAll()
            return
        show_error(self, error, self.tr("Change passphrase"))

    # Closing ---------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, except while the key file is being rewritten."""
        if self._busy:
            return
        self.current_edit.clear()
        self.form.clear()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Refuse to close half-way through."""
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)


class RecoveryCodeDialog(QDialog):
    """Show a recovery code once, and make sure the person has written it down."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        self.setWindowTitle(self.tr("Your recovery code"))

        self.intro_label = plain_label(self.tr(
            "This recovery code opens your journal if you ever forget your passphrase. It is "
            "shown only this once, so write it down on paper and keep it somewhere safe and "
            "private."), wrap=True)

        self.code_label = plain_label(_display_code(code))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()) * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.code_label.setBackgroundRole(QPalette.ColorRole.Base)
        self.code_label.setAutoFillBackground(True)
        self.code_label.setMargin(12)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setAccessibleDescription(code)

        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the recovery code"))
        self.copy_status = plain_label(wrap=True)
        self.copy_status.setAccessibleName(self.tr("Copy status"))
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        copy_row.addWidget(self.copy_status, 1)
        self.sheet = RecoverySheetButtons(code)

        self.written_down = QCheckBox(self.tr("I have &written it down somewhere safe"))
        self.written_down.setAccessibleName(self.tr("I have written it down somewhere safe"))

        self.buttons = QDialogButtonBox()
        self.continue_button = self.buttons.addButton(
            self.tr("C&ontinue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addSpacing(SPACE_S)
        layout.addWidget(self.code_label)
        layout.addLayout(copy_row)
        layout.addSpacing(SPACE_S)
        layout.addWidget(self.sheet)
        layout.addSpacing(SPACE_S)
        layout.addWidget(self.written_down)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.copy_button.clicked.connect(self._copy)
        self.written_down.toggled.connect(self.continue_button.setEnabled)
        self.setMinimumWidth(max(text_width(self, 64),
                                 self.code_label.sizeHint().width() + text_width(self, 8)))
        self.written_down.setFocus()

    def code(self) -> str:
        """The code being shown."""
        return self._code

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._code)
        self.copy_status.setText(self.tr("Copied. It is cleared from the clipboard when you "
                                         "close this window."))
        grow_to_fit(self)

    def accept(self) -> None:
        """Continue only once the person confirmed they wrote the code down."""
        if not self.written_down.isChecked():
            return
        self._forget_clipboard()
        super().accept()

    def reject(self) -> None:
        """Escape and the close button wait for the confirmation too: the code is shown once."""
        if not self.written_down.isChecked():
            self.written_down.setFocus()
            return
        self._forget_clipboard()
        super().reject()

    def _forget_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == self._code:
            clipboard.clear()


def _display_code(code: str) -> str:
    """Show a long grouped code on two lines of four groups, easier to copy by hand."""
    groups = code.split("-")
    if len(groups) <= 4:
        return code
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "\n" + "-".join(groups[half:])
