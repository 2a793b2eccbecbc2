"""The guided self-session dialog: the six F's, one step at a time, with a blending check.

It only presents :class:`partsjournal.flows.six_fs.SixFsFlow`: each page shows the flow's step,
writes the answers back into it, and asks it where to go next. Closing the dialog before the end
keeps the session as a paused draft inside the encrypted journal (nothing typed is lost);
"Discard" throws it away after asking.

Wiring (for the main window)::

    dialog = GuidedSessionDialog(vault, window)              # or draft_id=... to resume
    dialog.entry_created.connect(window.open_entry)          # the new solo-session entry
    # the entry and any profile changes reach the other pages on the change bus, through
    # the window's ``announced`` signal (ui/common/operation.py)
    dialog.open()
    # paused sessions to offer: SixFsFlow.paused(vault) -> list[Draft] (id, title, updated_at)
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import PART_FEELINGS, SELF_FEELINGS, Part, Role
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.flows.six_fs import (
    QUESTIONS,
    Blocker,
    SixFsFlow,
    Step,
)
from partsjournal.ui.agreements.session_start import OpenAgreementsNote
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.dates import date_and_time
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.theme import SPACE_L, SPACE_M, SPACE_S, muted, role_color, scaled_font
from partsjournal.ui.common.vocabulary import feeling_label, role_label
from partsjournal.ui.common.widgets import named, plain_label, swatch
from partsjournal.ui.practice.guided_widgets import ProposalRow, StepIndicator
from partsjournal.ui.practice.guided_words import (
    entry_texts,
    question_prompt,
    step_intro,
    step_title,
)
from partsjournal.vault import Vault

#: The part combo's item for "a part I'm meeting for the first time".
NEW_PART = "__new__"
NOT_RATED = -1

class GuidedSessionDialog(QDialog):
    """A guided solo session with one part, through the six F's."""

    #: The session was saved as a journal entry (its id).
    entry_created = Signal(str)
    #: A part was created or its profile updated (its id).
    part_changed = Signal(str)
    #: The session was kept for later (the draft's id).
    paused = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None,
                 draft_id: str | None = None, *, part_id: str | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._finished = False
        self._discarded = False
        self.setWindowTitle(self.tr("Guided session — the six F's"))
        self.resize(760, 640)
        self.flow = SixFsFlow.resume(vault, draft_id) if draft_id else SixFsFlow()
        self._started = draft_id is not None
        self._parts = vault.parts.list(include_archived=True)
        self.answer_edits: dict[str, QPlainTextEdit] = {}
        self.feeling_boxes: dict[str, QCheckBox] = {}
        self._proposal_rows: list[ProposalRow] = []
        self._build()
        chosen = next((p for p in self._parts if p.id == part_id), None)
        if chosen is not None and draft_id is None:
            self.flow.choose_part(chosen)
        self._show_current()

    # Building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_L, SPACE_L, SPACE_L, SPACE_M)
        self.indicator = named(StepIndicator(self), "sixFsIndicator")
        layout.addWidget(self.indicator)
        self.title = named(plain_label("", self), "sixFsTitle")
        self.title.setFont(scaled_font(self.title, "display", bold=True))
        self.intro = named(plain_label("", self), "sixFsIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)

        self.pages = QStackedWidget(self)
        self._page_index: dict[Step, int] = {}
        for step, page in ((Step.FIND, self._find_page()),
                           (Step.FOCUS, self._questions_page(Step.FOCUS)),
                           (Step.FLESH_OUT, self._questions_page(Step.FLESH_OUT)),
                           (Step.FEEL_TOWARD, self._feel_page()),
                           (Step.STEP_BACK, self._questions_page(Step.STEP_BACK)),
                           (Step.BEFRIEND, self._befriend_page()),
                           (Step.FEARS, self._questions_page(Step.FEARS)),
                           (Step.REVIEW, self._review_page())):
            self._page_index[step] = self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)

        self.problem = named(plain_label("", self), "sixFsProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("What is missing"))
        self.problem.hide()
        layout.addWidget(self.problem)
        self.care = named(plain_label(self.tr(
            "You can stop at any time. If it gets to be too much, pause, breathe, notice your "
            "feet on the floor, and come back another day."), self), "sixFsCare")
        self.care.setWordWrap(True)
        care_palette = self.care.palette()
        care_palette.setColor(QPalette.ColorRole.WindowText, muted(self.palette()))
        self.care.setPalette(care_palette)
        layout.addWidget(self.care)

        buttons = QHBoxLayout()
        self.pause_button = named(QPushButton(self.tr("&Pause for later"), self), "sixFsPause")
        self.discard_button = named(QPushButton(self.tr("&Discard…"), self), "sixFsDiscard")
        self.back_button = named(QPushButton(self.tr("‹ &Back"), self), "sixFsBack")
        self.next_button = named(QPushButton(self.tr("&Next ›"), self), "sixFsNext")
        self.next_button.setDefault(True)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.pause_button.clicked.connect(self.pause)
        self.discard_button.clicked.connect(self._ask_discard)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)

    def _answer_box(self, key: str, parent: QWidget, form: QVBoxLayout) -> None:
        label = QLabel(question_prompt(key), parent)
        label.setWordWrap(True)
        edit = named(QPlainTextEdit(parent), f"answer_{key}")
        edit.setAccessibleName(question_prompt(key))
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(70)
        label.setBuddy(edit)
        self.answer_edits[key] = edit
        form.addWidget(label)
        form.addWidget(edit, 1)

    def _questions_page(self, step: Step) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, SPACE_S, 0, 0)
        for key in QUESTIONS[step]:
            self._answer_box(key, page, column)
        return page

    def _find_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, SPACE_S, 0, 0)
        paused = SixFsFlow.paused(self._vault)
        self.resume_row = QWidget(page)
        resume = QHBoxLayout(self.resume_row)
        resume.setContentsMargins(0, 0, 0, SPACE_S)
        self.resume_combo = named(QComboBox(self.resume_row), "sixFsPaused")
        self.resume_combo.setAccessibleName(self.tr("Paused sessions"))
        for draft in paused:
            when = date_and_time(draft.updated_at)
            self.resume_combo.addItem(fill(self.tr("%1, paused %2"),
                                           draft.title or self.tr("Untitled"),
                                           when), draft.id)
        self.resume_button = named(QPushButton(self.tr("&Resume"), self.resume_row),
                                   "sixFsResume")
        self.resume_button.clicked.connect(self._resume_chosen)
        resume_label = QLabel(self.tr("Paused sessions:"), self.resume_row)
        resume_label.setBuddy(self.resume_combo)
        resume.addWidget(resume_label)
        resume.addWidget(self.resume_combo, 1)
        resume.addWidget(self.resume_button)
        self.resume_row.setVisible(bool(paused) and not self._started)
        column.addWidget(self.resume_row)

        which = QFormLayout()
        self.part_combo = named(QComboBox(page), "sixFsPart")
        self.part_combo.setAccessibleName(self.tr("Which part"))
        self.part_combo.addItem(self.tr("A part I'm meeting for the first time…"), NEW_PART)
        for part in self._parts:
            suffix = self.tr(" (archived)") if part.archived else ""
            self.part_combo.addItem(swatch(role_color(part.role, part.color)),
                                    part.name + suffix, part.id)
        self.new_name = named(QLineEdit(page), "sixFsNewName")
        self.new_name.setMaxLength(200)
        self.new_name.setPlaceholderText(self.tr("What would it like to be called? A few words "
                                                 "are enough for now."))
        self.new_name.setAccessibleName(self.tr("Name of the new part"))
        part_label = QLabel(self.tr("Which &part is it?"), page)
        part_label.setBuddy(self.part_combo)
        which.addRow(part_label, self.part_combo)
        self.new_name_label = QLabel(self.tr("&Name"), page)
        self.new_name_label.setBuddy(self.new_name)
        which.addRow(self.new_name_label, self.new_name)
        column.addLayout(which)
        # What was agreed with this part before: the session starts from where things stand.
        self.agreements_note = OpenAgreementsNote(self._vault, page)
        column.addWidget(self.agreements_note)
        self.part_combo.currentIndexChanged.connect(self._part_choice_changed)
        self._answer_box("trailhead", page, column)
        return page

    def _feel_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, SPACE_S, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_L)
        for i, feeling in enumerate((*SELF_FEELINGS, *PART_FEELINGS)):
            box = named(QCheckBox(feeling_label(feeling), page), f"feeling_{feeling}")
            box.toggled.connect(self._feelings_changed)
            self.feeling_boxes[feeling] = box
            grid.addWidget(box, i // 4, i % 4)
        column.addLayout(grid)
        self.feel_hint = named(plain_label("", page), "sixFsFeelHint")
        self.feel_hint.setWordWrap(True)
        self.feel_hint.setAccessibleName(self.tr("What your feelings suggest"))
        self.feel_hint.setFrameShape(QFrame.Shape.StyledPanel)
        self.feel_hint.setMargin(8)
        column.addWidget(self.feel_hint)
        self._answer_box("feel_toward", page, column)
        return page

    def _befriend_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, SPACE_S, 0, 0)
        row = QHBoxLayout()
        self.role_combo = named(QComboBox(page), "sixFsRole")
        self.role_combo.addItem(self.tr("Not sure yet / leave as it is"), "")
        for role in (Role.MANAGER, Role.FIREFIGHTER, Role.EXILE):
            self.role_combo.addItem(swatch(role_color(role)), role_label(role), role.value)
        self.role_combo.setAccessibleName(self.tr("What kind of part it seems to be"))
        role_label_widget = QLabel(self.tr("What kind of part does it seem to be?"), page)
        role_label_widget.setBuddy(self.role_combo)
        row.addWidget(role_label_widget)
        row.addWidget(self.role_combo)
        row.addStretch(1)
        column.addLayout(row)
        for key in QUESTIONS[Step.BEFRIEND]:
            self._answer_box(key, page, column)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, SPACE_S, 0, 0)
        energy_row = QHBoxLayout()
        self.energy = named(QSpinBox(page), "sixFsSelfEnergy")
        self.energy.setRange(NOT_RATED, 10)
        self.energy.setSpecialValueText("—")
        self.energy.setValue(NOT_RATED)
        self.energy.setAccessibleName(self.tr("Self-energy at the end (0–10)"))
        energy_label = QLabel(self.tr("How much &Self-energy is here now (0–10)?"), page)
        energy_label.setBuddy(self.energy)
        energy_row.addWidget(energy_label)
        energy_row.addWidget(self.energy)
        energy_row.addStretch(1)
        column.addLayout(energy_row)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.proposals_box = QWidget(scroll)
        self.proposals_layout = QVBoxLayout(self.proposals_box)
        self.proposals_layout.setContentsMargins(0, 0, SPACE_S, 0)
        scroll.setWidget(self.proposals_box)
        column.addWidget(scroll, 1)
        return page

    # Moving ------------------------------------------------------------------------------------

    def go_next(self) -> None:
        """Next step (or, at the review, save everything to the journal)."""
        self._collect()
        if self.flow.step is Step.REVIEW:
            self.finish()
            return
        blocker = self.flow.blocker()
        if blocker is not None:
            self._show_problem(self._blocker_text(blocker))
            return
        self._started = True
        self.flow.next()
        self._show_current()

    def go_back(self) -> None:
        """Previous step, answers kept."""
        self._collect()
        if self.flow.can_go_back:
            self.flow.back()
            self._show_current()

    def pause(self) -> str | None:
        """Keep the session in the journal for later and close; returns the draft id."""
        self._collect()
        try:
            draft_id = self.flow.pause(self._vault)
        except JournalError as exc:
            self._show_problem(" ".join(explain(exc)).strip())
            return None
        self._finished = True
        self.paused.emit(draft_id)
        self.reject()
        return draft_id

    def finish(self) -> None:
        """Store the entry and the confirmed profile changes."""
        self._collect()
        proposals = [row.read() for row in self._proposal_rows]
        try:
            outcome = perform(self, lambda: self.flow.finish(self._vault, proposals,
                                                             entry_texts()),
                              [Change.ENTRIES, Change.PARTS])
        except JournalError as exc:
            self._show_problem(" ".join(explain(exc)).strip())
            return
        self._finished = True
        self.entry_created.emit(outcome.entry_id)
        if outcome.part_created or outcome.fields_changed:
            self.part_changed.emit(outcome.part_id)
        self.accept()

    def _ask_discard(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Discard this session?"),
            self.tr("Discard this session? What you wrote in it will be gone."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self.discard()

    def discard(self) -> None:
        """Throw the session away (and its paused copy) without asking."""
        self.flow.discard(self._vault)
        self._discarded = self._finished = True
        self.reject()

    def _resume_chosen(self) -> None:
        draft_id = self.resume_combo.currentData()
        if not draft_id:
            return
        try:
            self.flow = SixFsFlow.resume(self._vault, str(draft_id))
        except JournalError as exc:
            self._show_problem(" ".join(explain(exc)).strip())
            return
        self._started = True
        self.resume_row.hide()
        self._show_current()

    def reject(self) -> None:
        """Closing or Escape before the end keeps the session as a paused draft."""
        if not self._finished and self._has_content():
            self._collect()
            try:
                self.paused.emit(self.flow.pause(self._vault))
            except JournalError:
                pass
            self._finished = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.reject()
        event.accept()

    def _has_content(self) -> bool:
        self._collect()
        flow = self.flow
        return bool(flow.answers or flow.feelings or flow.step_backs or
                    flow.step is not Step.FIND or flow.draft_id)

    # Flow <-> widgets --------------------------------------------------------------------------

    def _collect(self) -> None:
        """Write what the current page shows into the flow."""
        step = self.flow.step
        if step is Step.FIND:
            data = self.part_combo.currentData()
            if data == NEW_PART:
                self.flow.name_new_part(self.new_name.text())
            else:
                self.flow.choose_part(next(p for p in self._parts if p.id == data))
        if step is Step.FEEL_TOWARD:
            self.flow.set_feelings([f for f, box in self.feeling_boxes.items()
                                    if box.isChecked()])
        if step is Step.BEFRIEND:
            role = self.role_combo.currentData()
            self.flow.set_role(Role(role) if role else None)
        if step is Step.REVIEW:
            value = self.energy.value()
            self.flow.set_self_energy(None if value == NOT_RATED else value)
        for key in QUESTIONS.get(step, ()):
            self.flow.answer(key, self.answer_edits[key].toPlainText())

    def _show_current(self) -> None:
        flow = self.flow
        step = flow.step
        name = flow.part_name or self.tr("this part")
        self.indicator.set_position(flow.position, detour=step is Step.STEP_BACK)
        self.title.setText(step_title(step))
        self.intro.setText(fill(step_intro(step), name))
        self.pages.setCurrentIndex(self._page_index[step])
        for key in QUESTIONS.get(step, ()):
            self.answer_edits[key].setPlainText(flow.answers.get(key, ""))
        if step is Step.FIND:
            index = self.part_combo.findData(flow.part_id) if flow.part_id else 0
            self.part_combo.setCurrentIndex(max(0, index))
            if flow.part_id is None:
                self.new_name.setText(flow.part_name)
            self._part_choice_changed()
        elif step is Step.FEEL_TOWARD:
            for feeling, box in self.feeling_boxes.items():
                box.blockSignals(True)
                box.setChecked(feeling in flow.feelings)
                box.blockSignals(False)
            self._feelings_changed()
        elif step is Step.BEFRIEND:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(
                flow.role.value if flow.role else "")))
        elif step is Step.STEP_BACK:
            felt = ", ".join(feeling_label(f).lower() for f in flow.feelings
                             if f not in SELF_FEELINGS)
            self.intro.setText(fill(step_intro(step), name) + "\n\n" +
                               fill(self.tr("What came up: %1."), felt))
        elif step is Step.REVIEW:
            self.energy.setValue(NOT_RATED if flow.self_energy is None else flow.self_energy)
            self._fill_proposals()
        self.back_button.setEnabled(flow.can_go_back)
        self.next_button.setText({Step.STEP_BACK: self.tr("Check &again ›"),
                                  Step.REVIEW: self.tr("&Save to journal")}.get(
            step, self.tr("&Next ›")))
        self._show_problem("")
        first = next(iter(QUESTIONS.get(step, ())), None)
        if step is Step.FIND:
            (self.new_name if flow.part_id is None else self.part_combo).setFocus()
        elif first is not None:
            self.answer_edits[first].setFocus()

    def _fill_proposals(self) -> None:
        for row in self._proposal_rows:
            row.setParent(None)
            row.deleteLater()
        self._proposal_rows = []
        while self.proposals_layout.count():
            item = self.proposals_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        current: Part | None = None
        if self.flow.part_id is not None:
            try:
                current = self._vault.parts.get(self.flow.part_id)
            except JournalError:
                current = None
        proposals = self.flow.proposals(current)
        if self.flow.is_new_part:
            note = fill(self.tr("“%1” will be added to your parts."), self.flow.part_name)
            self.proposals_layout.addWidget(named(plain_label(note, self.proposals_box),
                                                  "sixFsNewPartNote"))
        if not proposals:
            self.proposals_layout.addWidget(plain_label(self.tr(
                "Nothing new for the profile this time — the session is saved as a journal "
                "entry."), self.proposals_box))
        for proposal in proposals:
            row = ProposalRow(proposal, self.proposals_box)
            self._proposal_rows.append(row)
            self.proposals_layout.addWidget(row)
        self.proposals_layout.addStretch(1)

    def _part_choice_changed(self) -> None:
        new = self.part_combo.currentData() == NEW_PART
        self.new_name.setVisible(new)
        self.new_name_label.setVisible(new)
        data = self.part_combo.currentData()
        chosen = next((p for p in self._parts if p.id == data), None)
        self.agreements_note.show_for(chosen.id if chosen else None, chosen.name if chosen else "")

    def _feelings_changed(self) -> None:
        chosen = [f for f, box in self.feeling_boxes.items() if box.isChecked()]
        palette = self.feel_hint.palette()
        if not chosen:
            self.feel_hint.setText(self.tr("Tick at least one — “Not sure” is fine too."))
            tint = None
        elif any(f not in SELF_FEELINGS for f in chosen):
            self.feel_hint.setText(self.tr(
                "It sounds like another part has feelings about this one. That's very common. "
                "Next, you'll kindly ask it to step back a little."))
            tint = QColor("#c9a45c")
        else:
            self.feel_hint.setText(self.tr(
                "That sounds like Self. You can go on and get to know the part."))
            tint = QColor("#5fae9a")
        base = self.palette().color(QPalette.ColorRole.Window)
        if tint is not None:
            base = QColor(round(base.red() * 0.75 + tint.red() * 0.25),
                          round(base.green() * 0.75 + tint.green() * 0.25),
                          round(base.blue() * 0.75 + tint.blue() * 0.25))
        palette.setColor(QPalette.ColorRole.Window, base)
        self.feel_hint.setAutoFillBackground(True)
        self.feel_hint.setPalette(palette)

    def _blocker_text(self, blocker: Blocker) -> str:
        if blocker is Blocker.NEEDS_PART:
            return self.tr("Give the part a name, or choose one you know — any name will do "
                           "for now.")
        return self.tr("Tick how you feel toward the part — “Not sure” is fine too.")

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
