"""The pages of the unburdening dialog that hold more than questions.

Each page only lays out its widgets and reads them back; the dialog
(:mod:`partsjournal.ui.practice.unburdening_dialog`) decides what the flow does with them. Names
of parts are put in combo items and plain-text labels only, never in rich text or tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import C_QUALITIES, Part, Quality, Role
from partsjournal.domain.words import fill
from partsjournal.flows.unburdening import LOW_SELF_ENERGY, QUESTIONS, Element, Protectors, Step
from partsjournal.ui.common.dates import date_and_time
from partsjournal.ui.common.theme import SPACE_M, SPACE_S, muted, role_color
from partsjournal.ui.common.vocabulary import quality_label, role_label, stage_label
from partsjournal.ui.common.widgets import named, plain_label, swatch
from partsjournal.ui.practice.unburdening_words import (
    crisis,
    element_label,
    question_prompt,
    therapist_note,
)
from partsjournal.vault.drafts import Draft

NOT_RATED = -1


def tr(text: str) -> str:
    """Translate in the dialog's context, so the pages read as one with it."""
    return QCoreApplication.translate("UnburdeningDialog", text)


def column_of(page: QWidget) -> QVBoxLayout:
    """The page's one column, with the same small space above on every page."""
    column = QVBoxLayout(page)
    column.setContentsMargins(0, SPACE_S, 0, 0)
    return column


def answer_box(key: str, parent: QWidget, column: QVBoxLayout,
               edits: dict[str, QPlainTextEdit]) -> None:
    """A question (the box's buddy, which names it for screen readers) and its answer box."""
    label = plain_label(question_prompt(key), parent, wrap=True)
    edit = named(QPlainTextEdit(parent), f"answer_{key}")
    edit.setAccessibleName(question_prompt(key))
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(64)
    label.setBuddy(edit)
    edits[key] = edit
    column.addWidget(label)
    column.addWidget(edit, 1)


def notice(text: str, parent: QWidget, name: str, *, bold: bool = False) -> QLabel:
    """A framed plain-text sentence that stands apart from the questions."""
    label = named(plain_label(text, parent, wrap=True), name)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(SPACE_S)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def mute(label: QLabel) -> None:
    """Quieter text for a side remark (still AA-readable: the theme's muted colour)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted(label.palette()))
    label.setPalette(palette)


def rating_box(parent: QWidget, name: str, accessible: str) -> QSpinBox:
    """A 0–10 spin box with a dash for "not rated yet"."""
    box = named(QSpinBox(parent), name)
    box.setRange(NOT_RATED, 10)
    box.setSpecialValueText("—")
    box.setValue(NOT_RATED)
    box.setAccessibleName(accessible)
    return box


def rating(box: QSpinBox) -> int | None:
    """The spin box's value, None for the dash."""
    return None if box.value() == NOT_RATED else box.value()


class QuestionsPage(QWidget):
    """A step that is only questions."""

    def __init__(self, step: Step, edits: dict[str, QPlainTextEdit],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = column_of(self)
        for key in QUESTIONS[step]:
            answer_box(key, self, column, edits)


class BeginPage(QWidget):
    """Which part (exiles unless asked for all), paused sessions, the care note, the crisis line."""

    def __init__(self, parts: Sequence[Part], paused: Sequence[Draft], *, resumable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts = list(parts)
        column = column_of(self)
        self.resume_row = QWidget(self)
        resume = QHBoxLayout(self.resume_row)
        resume.setContentsMargins(0, 0, 0, SPACE_S)
        self.resume_combo = named(QComboBox(self.resume_row), "unburdeningPaused")
        self.resume_combo.setAccessibleName(tr("Paused sessions"))
        for draft in paused:
            self.resume_combo.addItem(fill(tr("%1, paused %2"), draft.title,
                                           date_and_time(draft.updated_at)), draft.id)
        self.resume_button = named(QPushButton(tr("&Resume"), self.resume_row),
                                   "unburdeningResume")
        resume_label = QLabel(tr("Paused sessions:"), self.resume_row)
        resume_label.setBuddy(self.resume_combo)
        resume.addWidget(resume_label)
        resume.addWidget(self.resume_combo, 1)
        resume.addWidget(self.resume_button)
        self.resume_row.setVisible(bool(paused) and resumable)
        column.addWidget(self.resume_row)

        row = QHBoxLayout()
        self.part_combo = named(QComboBox(self), "unburdeningPart")
        self.part_combo.setAccessibleName(tr("Which part"))
        self.part_combo.setMinimumContentsLength(24)
        part_label = QLabel(tr("&Which part?"), self)
        part_label.setBuddy(self.part_combo)
        self.all_parts = named(QCheckBox(tr("Show parts of &every role"), self),
                               "unburdeningAllParts")
        row.addWidget(part_label)
        row.addWidget(self.part_combo, 1)
        row.addWidget(self.all_parts)
        column.addLayout(row)
        self.role_note = named(plain_label("", self, wrap=True), "unburdeningRoleNote")
        mute(self.role_note)
        column.addWidget(self.role_note)
        column.addSpacing(SPACE_M)
        self.therapist = notice(therapist_note(), self, "unburdeningTherapist")
        self.therapist.setAccessibleName(tr("Often done with a therapist"))
        self.crisis = notice(crisis(), self, "unburdeningCrisis", bold=True)
        self.crisis.setAccessibleName(tr("Not a crisis service"))
        column.addWidget(self.therapist)
        column.addWidget(self.crisis)
        column.addStretch(1)
        self.all_parts.toggled.connect(lambda _on: self.fill_parts())
        self.part_combo.currentIndexChanged.connect(self.update_role_note)

    def fill_parts(self, chosen: str | None = None) -> None:
        """Offer the exiles (every part when asked), keeping ``chosen`` or the current one."""
        chosen = chosen or self.part_combo.currentData()
        part = next((p for p in self._parts if p.id == chosen), None)
        if part is not None and part.role is not Role.EXILE:
            self.all_parts.blockSignals(True)  # a part of another role was chosen: show it
            self.all_parts.setChecked(True)
            self.all_parts.blockSignals(False)
        everyone = self.all_parts.isChecked()
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        for part in self._parts:
            if everyone or part.role is Role.EXILE:
                label = part.name if part.role is Role.EXILE else fill(
                    tr("%1 (%2)"), part.name, role_label(part.role))
                self.part_combo.addItem(swatch(role_color(part.role, part.color)), label,
                                        part.id)
        self.part_combo.setCurrentIndex(max(0, self.part_combo.findData(chosen)))
        self.part_combo.blockSignals(False)
        self.update_role_note()

    def chosen_part(self) -> Part | None:
        """The part chosen in the list, if any."""
        data = self.part_combo.currentData()
        return next((p for p in self._parts if p.id == data), None)

    def update_role_note(self) -> None:
        """Say where the chosen part is, and — for a part that is not an exile — kindly why."""
        part = self.chosen_part()
        if part is None:
            self.role_note.setText(tr(
                "There are no exiles among your parts yet. Exiles are often met through a "
                "protector; you can also show parts of every role.")
                if not self.all_parts.isChecked() else tr("There are no parts in your "
                                                           "journal yet."))
        elif part.role is not Role.EXILE:
            self.role_note.setText(fill(tr(
                "These steps are mainly walked with exiles. In your journal %1 is “%2”; you "
                "can still go on if it feels right."), part.name, role_label(part.role)))
        else:
            self.role_note.setText(fill(tr("%1 is at the stage “%2”."), part.name,
                                        stage_label(part.stage)))


class ConsentPage(QWidget):
    """The gate: do the protectors agree, and how much Self-energy is here."""

    def __init__(self, edits: dict[str, QPlainTextEdit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = column_of(self)
        self.protectors_known = named(plain_label("", self, wrap=True),
                                      "unburdeningProtectorsKnown")
        mute(self.protectors_known)
        column.addWidget(self.protectors_known)
        self.group = QButtonGroup(self)
        self.agree_radio = named(QRadioButton(tr("&Yes — they agree to let me go toward it"),
                                              self), "protectorsAgree")
        self.not_yet_radio = named(QRadioButton(tr("N&ot yet — they are worried, or they say "
                                                   "no"), self), "protectorsNotYet")
        question = plain_label(tr("Do the protectors agree?"), self)
        question.setBuddy(self.agree_radio)
        column.addWidget(question)
        for radio in (self.agree_radio, self.not_yet_radio):
            self.group.addButton(radio)
            column.addWidget(radio)
        answer_box("protectors_said", self, column, edits)
        edits["protectors_said"].setMaximumHeight(120)  # the gate's questions stay in one view
        column.addSpacing(SPACE_S)
        energy_row = QHBoxLayout()
        self.energy = rating_box(self, "unburdeningSelfEnergyStart",
                                 tr("Self-energy now (0–10)"))
        energy_label = QLabel(tr("How much Self-&energy is here now (0–10)? Calm, curiosity, "
                                 "compassion…"), self)
        energy_label.setBuddy(self.energy)
        energy_row.addWidget(energy_label)
        energy_row.addWidget(self.energy)
        energy_row.addStretch(1)
        column.addLayout(energy_row)
        self.hint = notice("", self, "unburdeningEnergyHint")
        self.hint.setAccessibleName(tr("What the Self-energy suggests"))
        column.addWidget(self.hint)
        column.addStretch(1)
        self.energy.valueChanged.connect(self.update_hint)
        self.group.buttonToggled.connect(lambda *_: self.update_hint())

    def show_protectors(self, names: Sequence[str]) -> None:
        """Name the part's protectors known to the journal (plain text)."""
        self.protectors_known.setText(
            fill(tr("Its protectors in your journal: %1."), ", ".join(names)) if names else
            tr("No protectors of this part are in your journal yet; ask whichever parts come "
               "up."))

    def answer(self) -> Protectors | None:
        """What the person chose the protectors said."""
        if self.agree_radio.isChecked():
            return Protectors.AGREE
        return Protectors.NOT_YET if self.not_yet_radio.isChecked() else None

    def show_answer(self, answer: Protectors | None, energy: int | None) -> None:
        """Put back what was chosen before (nothing chosen is possible: not exclusive then)."""
        self.group.setExclusive(False)
        self.agree_radio.setChecked(answer is Protectors.AGREE)
        self.not_yet_radio.setChecked(answer is Protectors.NOT_YET)
        self.group.setExclusive(True)
        self.energy.setValue(NOT_RATED if energy is None else energy)
        self.update_hint()

    def update_hint(self) -> None:
        """Low Self-energy suggests pausing, and says it does not forbid going on."""
        value = rating(self.energy)
        if self.not_yet_radio.isChecked():
            text = tr("Then the protectors come first. Next, you can turn to one of them.")
        elif value is None:
            text = tr("Notice how much calm, curiosity and compassion is here, and choose a "
                      "number — a guess is fine.")
        elif value <= LOW_SELF_ENERGY:
            text = tr("There isn't much Self-energy here right now, and that's all right. It "
                      "may be a sign to pause, or to get to know the part that is blended "
                      "first. You can still go on if it feels right.")
        else:
            text = tr("Enough Self-energy to begin gently. If it drops along the way, you can "
                      "pause at any step.")
        self.hint.setText(text)


class ProtectorPage(QWidget):
    """The kind end when the protectors aren't ready: get to know one of them instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = column_of(self)
        row = QHBoxLayout()
        self.protector_combo = named(QComboBox(self), "unburdeningProtector")
        self.protector_combo.setAccessibleName(tr("Which protector"))
        label = QLabel(tr("Which p&rotector?"), self)
        label.setBuddy(self.protector_combo)
        row.addWidget(label)
        row.addWidget(self.protector_combo, 1)
        column.addLayout(row)
        self.six_fs_button = named(QPushButton(tr("Get to know it with the six &F's…"), self),
                                   "unburdeningSixFs")
        column.addWidget(self.six_fs_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.nothing_kept = named(plain_label("", self, wrap=True), "unburdeningNothingKept")
        column.addWidget(self.nothing_kept)
        column.addStretch(1)

    def offer(self, protectors: Sequence[Part], *, keeps_draft: bool) -> None:
        """The part's protectors first, then other protectors, then one not met yet."""
        self.nothing_kept.setText(tr(
            "What you wrote on the path before stays paused, for when the protectors feel "
            "ready.") if keeps_draft else tr(
            "Nothing from this session is kept. You can come back to this path whenever the "
            "protectors feel ready."))
        self.protector_combo.clear()
        for part in protectors:
            self.protector_combo.addItem(swatch(role_color(part.role, part.color)), part.name,
                                         part.id)
        self.protector_combo.addItem(tr("A protector I haven't met yet…"), "")


class UnburdenPage(QWidget):
    """The burden, where it goes (an element or the part's own choice), and how it is."""

    def __init__(self, edits: dict[str, QPlainTextEdit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = column_of(self)
        answer_box("burden", self, column, edits)
        where = plain_label(tr("Where does it release it to?"), self)
        column.addWidget(where)
        grid = QGridLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[Element, QRadioButton] = {}
        for i, element in enumerate(Element):
            radio = named(QRadioButton(element_label(element), self), f"element_{element}")
            self.group.addButton(radio)
            self.buttons[element] = radio
            if element is not Element.OWN:
                grid.addWidget(radio, 0, i)
        where.setBuddy(self.buttons[Element.LIGHT])
        column.addLayout(grid)
        own = QHBoxLayout()
        self.own = named(QLineEdit(self), "elementOwn")
        self.own.setMaxLength(200)
        self.own.setAccessibleName(tr("What it chooses to release it to"))
        self.own.setPlaceholderText(tr("a balloon, a river, the sun, the wind…"))
        own.addWidget(self.buttons[Element.OWN])
        own.addWidget(self.own, 1)
        column.addLayout(own)
        self.own.textEdited.connect(self._own_typed)
        answer_box("release", self, column, edits)

    def _own_typed(self, text: str) -> None:
        if text:
            self.buttons[Element.OWN].setChecked(True)

    def element(self) -> Element | None:
        """The chosen element, or None."""
        return next((e for e, b in self.buttons.items() if b.isChecked()), None)

    def show_element(self, element: Element | None, own: str) -> None:
        """Put back what was chosen before."""
        self.group.setExclusive(False)
        for each, button in self.buttons.items():
            button.setChecked(each is element)
        self.group.setExclusive(True)
        self.own.setText(own)


class InvitePage(QWidget):
    """The qualities the part invites in: the 8 C's, and others in its own words."""

    def __init__(self, edits: dict[str, QPlainTextEdit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = column_of(self)
        label = plain_label(tr("Which qualities does it invite in?"), self)
        column.addWidget(label)
        grid = QGridLayout()
        self.boxes: dict[Quality, QCheckBox] = {}
        for i, quality in enumerate(C_QUALITIES):
            box = named(QCheckBox(quality_label(quality), self), f"quality_{quality}")
            self.boxes[quality] = box
            grid.addWidget(box, i // 4, i % 4)
        label.setBuddy(self.boxes[C_QUALITIES[0]])
        column.addLayout(grid)
        row = QHBoxLayout()
        self.other = named(QLineEdit(self), "qualitiesOther")
        self.other.setMaxLength(1000)
        self.other.setPlaceholderText(tr("playfulness, lightness, joy…"))
        self.other.setAccessibleName(tr("Other qualities, in its own words"))
        other_label = QLabel(tr("&Others, in its own words:"), self)
        other_label.setBuddy(self.other)
        row.addWidget(other_label)
        row.addWidget(self.other, 1)
        column.addLayout(row)
        answer_box("invite", self, column, edits)

    def chosen(self) -> list[Quality]:
        """The ticked qualities."""
        return [q for q, box in self.boxes.items() if box.isChecked()]

    def show_chosen(self, qualities: Sequence[Quality], other: str) -> None:
        """Put back what was chosen before."""
        for quality, box in self.boxes.items():
            box.setChecked(quality in qualities)
        self.other.setText(other)


class ReviewPage(QWidget):
    """Self-energy at the end and what will be kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = column_of(self)
        row = QHBoxLayout()
        self.energy = rating_box(self, "unburdeningSelfEnergyEnd",
                                 tr("Self-energy at the end (0–10)"))
        label = QLabel(tr("How much Self-energy is &here now (0–10)?"), self)
        label.setBuddy(self.energy)
        row.addWidget(label)
        row.addWidget(self.energy)
        row.addStretch(1)
        column.addLayout(row)
        self.summary = notice("", self, "unburdeningSummary")
        self.summary.setAccessibleName(tr("What will be kept"))
        column.addWidget(self.summary)
        preview_label = plain_label(tr("The entry, as it will be saved:"), self)
        self.preview = named(QPlainTextEdit(self), "unburdeningPreview")
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName(tr("The entry, as it will be saved"))
        preview_label.setBuddy(self.preview)
        column.addWidget(preview_label)
        column.addWidget(self.preview, 1)
