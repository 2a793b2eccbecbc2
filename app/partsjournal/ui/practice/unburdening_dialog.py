"""The unburdening path with an exile, one calm step at a time, behind a consent gate.

It only presents :class:`partsjournal.flows.unburdening.UnburdeningFlow`: each page shows the
flow's step, writes what the person chose and typed back into it, and asks it where to go next.
Closing before the end keeps the session as a paused draft in the encrypted journal; when the
protectors are not ready the session ends kindly and keeps nothing, offering the six F's with a
protector instead (:attr:`UnburdeningDialog.turn_to_protector`).

Part names may come from anywhere the journal's text does, so they are shown as plain text only:
labels made by ``plain_label``, combo items, and never a tooltip.

Wiring: :func:`open_unburdening` (the menu item and an exile's page call it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partsjournal.domain.model import C_QUALITIES, Part, RelationKind, Role
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.flows.unburdening import QUESTIONS, Blocker, Step, UnburdeningFlow
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.messages import explain
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.theme import SPACE_L, SPACE_M, scaled_font
from partsjournal.ui.common.vocabulary import stage_label
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.practice.unburdening_pages import (
    NOT_RATED,
    BeginPage,
    ConsentPage,
    InvitePage,
    ProtectorPage,
    QuestionsPage,
    ReviewPage,
    UnburdenPage,
    mute,
    rating,
)
from partsjournal.ui.practice.unburdening_widgets import PathIndicator
from partsjournal.ui.practice.unburdening_words import entry_texts, step_intro, step_title
from partsjournal.vault import Vault


class UnburdeningDialog(QDialog):
    """The healing steps with one part (mainly an exile), after the protectors agree."""

    #: The session was saved as a journal entry (its id).
    entry_created = Signal(str)
    #: The part's stage moved (its id).
    part_changed = Signal(str)
    #: The session was kept for later (the draft's id).
    paused = Signal(str)
    #: The protectors weren't ready: get to know this one instead ("" for one not met yet).
    turn_to_protector = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None,
                 draft_id: str | None = None, *, part_id: str | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._finished = False
        self.setWindowTitle(self.tr("The unburdening path"))
        self.resize(780, 660)
        self.flow = UnburdeningFlow.resume(vault, draft_id) if draft_id else UnburdeningFlow()
        self._started = draft_id is not None
        self._parts = vault.parts.list(include_archived=False)
        self.answer_edits: dict[str, QPlainTextEdit] = {}
        self._build()
        chosen = next((p for p in self._parts if p.id == part_id), None)
        if chosen is not None and draft_id is None:
            self.flow.choose_part(chosen)
        self._show_current()

    # Building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_L, SPACE_L, SPACE_L, SPACE_M)
        self.indicator = named(PathIndicator(self), "unburdeningIndicator")
        layout.addWidget(self.indicator)
        self.title = named(plain_label("", self), "unburdeningTitle")
        self.title.setFont(scaled_font(self.title, "display", bold=True))
        self.intro = named(plain_label("", self, wrap=True), "unburdeningIntro")
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        self.pages = QStackedWidget(self)
        edits = self.answer_edits
        self.begin = BeginPage(self._parts, UnburdeningFlow.paused(self._vault),
                               resumable=not self._started, parent=self)
        self.consent = ConsentPage(edits, self)
        self.protector = ProtectorPage(self)
        self.unburden = UnburdenPage(edits, self)
        self.invite = InvitePage(edits, self)
        self.review = ReviewPage(self)
        self._page_index: dict[Step, int] = {}
        for step, page in ((Step.BEGIN, self.begin), (Step.CONSENT, self.consent),
                           (Step.PROTECTOR, self.protector),
                           (Step.WITNESS, QuestionsPage(Step.WITNESS, edits, self)),
                           (Step.DO_OVER, QuestionsPage(Step.DO_OVER, edits, self)),
                           (Step.RETRIEVAL, QuestionsPage(Step.RETRIEVAL, edits, self)),
                           (Step.UNBURDEN, self.unburden), (Step.INVITE, self.invite),
                           (Step.INTEGRATE, QuestionsPage(Step.INTEGRATE, edits, self)),
                           (Step.REVIEW, self.review)):
            self._page_index[step] = self.pages.addWidget(page)
        self.begin.resume_button.clicked.connect(self._resume_chosen)
        self.protector.six_fs_button.clicked.connect(self._to_protector)
        self.review.energy.valueChanged.connect(self._refresh_preview)
        layout.addWidget(self.pages, 1)

        self.problem = named(plain_label("", self, wrap=True), "unburdeningProblem")
        self.problem.setAccessibleName(self.tr("What is missing"))
        self.problem.hide()
        layout.addWidget(self.problem)
        self.care = named(plain_label(self.tr(
            "You can stop at any time. If it gets to be too much, pause, breathe, notice your "
            "feet on the floor, and come back another day."), self, wrap=True),
            "unburdeningCare")
        mute(self.care)
        layout.addWidget(self.care)

        buttons = QHBoxLayout()
        self.pause_button = named(QPushButton(self.tr("&Pause for later"), self),
                                  "unburdeningPause")
        self.discard_button = named(QPushButton(self.tr("&Discard…"), self),
                                    "unburdeningDiscard")
        self.stop_button = named(QPushButton(self.tr("&Stop here for today"), self),
                                 "unburdeningStop")
        self.stop_button.setAccessibleDescription(self.tr(
            "Save what happened so far; this step is not counted as walked"))
        self.back_button = named(QPushButton(self.tr("‹ &Back"), self), "unburdeningBack")
        self.next_button = named(QPushButton(self.tr("&Next ›"), self), "unburdeningNext")
        self.next_button.setDefault(True)
        for button in (self.pause_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.stop_button, self.back_button, self.next_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.pause_button.clicked.connect(self.pause)
        self.discard_button.clicked.connect(self._ask_discard)
        self.stop_button.clicked.connect(self.stop_here)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)

    # Moving ------------------------------------------------------------------------------------

    def go_next(self) -> None:
        """Next step (at the review: save to the journal; turned to the protectors: close)."""
        self._collect()
        if self.flow.step is Step.REVIEW:
            self.finish()
            return
        if self.flow.step is Step.PROTECTOR:
            self.end_kindly()
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

    def stop_here(self) -> None:
        """Stop for today on this step; the review says what will be kept."""
        self._collect()
        if self.flow.can_stop_here:
            self.flow.stop_here()
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
        """Store the entry and move the part's stage."""
        self._collect()
        try:
            outcome = perform(self, lambda: self.flow.finish(self._vault, entry_texts()),
                              [Change.ENTRIES, Change.PARTS])
        except JournalError as exc:
            self._show_problem(" ".join(explain(exc)).strip())
            return
        self._finished = True
        self.entry_created.emit(outcome.entry_id)
        if outcome.stage_to is not None:
            self.part_changed.emit(outcome.part_id)
        self.accept()

    def end_kindly(self) -> None:
        """The protectors asked to wait: close, keeping nothing."""
        self.flow.end_kindly(self._vault)
        self._finished = True
        self.accept()

    def _to_protector(self) -> None:
        chosen = self.protector.protector_combo.currentData()
        self.end_kindly()
        self.turn_to_protector.emit(str(chosen or ""))

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
        self._finished = True
        self.reject()

    def _resume_chosen(self) -> None:
        draft_id = self.begin.resume_combo.currentData()
        if not draft_id:
            return
        try:
            self.flow = UnburdeningFlow.resume(self._vault, str(draft_id))
        except JournalError as exc:
            self._show_problem(" ".join(explain(exc)).strip())
            return
        self._started = True
        self.begin.resume_row.hide()
        self._show_current()

    def reject(self) -> None:
        """Closing or Escape before the end keeps the session as a paused draft."""
        if not self._finished and self.flow.step is Step.PROTECTOR:
            self.flow.end_kindly(self._vault)
            self._finished = True
        elif not self._finished and self._has_content():
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
        return bool(flow.answers or flow.step not in (Step.BEGIN, Step.CONSENT)
                    or flow.draft_id)

    # Flow <-> widgets --------------------------------------------------------------------------

    def _protectors_of(self, part_id: str) -> list[Part]:
        ids = {r.from_part_id for r in self._vault.relations.list(part_id)
               if r.kind is RelationKind.PROTECTS and r.to_part_id == part_id}
        return [p for p in self._parts if p.id in ids]

    def _collect(self) -> None:
        """Write what the current page shows into the flow."""
        step, flow = self.flow.step, self.flow
        if step is Step.BEGIN:
            part = self.begin.chosen_part()
            if part is not None:
                flow.choose_part(part)
        elif step is Step.CONSENT:
            flow.set_protectors(self.consent.answer())
            flow.set_self_energy_start(rating(self.consent.energy))
        elif step is Step.UNBURDEN:
            flow.set_element(self.unburden.element(), self.unburden.own.text())
        elif step is Step.INVITE:
            flow.set_qualities(self.invite.chosen(), self.invite.other.text())
        elif step is Step.REVIEW:
            flow.set_self_energy_end(rating(self.review.energy))
        for key in QUESTIONS.get(step, ()):
            flow.answer(key, self.answer_edits[key].toPlainText())

    def _show_current(self) -> None:
        flow = self.flow
        step = flow.step
        name = flow.part_name or self.tr("this part")
        self.indicator.set_position(flow.position)
        self.title.setText(step_title(step))
        self.intro.setText(fill(step_intro(step), name))
        self.pages.setCurrentIndex(self._page_index[step])
        for key in QUESTIONS.get(step, ()):
            self.answer_edits[key].setPlainText(flow.answers.get(key, ""))
        if step is Step.BEGIN:
            self.begin.fill_parts(flow.part_id)
        elif step in (Step.CONSENT, Step.PROTECTOR):
            protectors = self._protectors_of(flow.part_id or "")
            self.consent.show_protectors([p.name for p in protectors])
            self.consent.show_answer(flow.protectors, flow.self_energy_start)
            others = [p for p in self._parts if p not in protectors
                      and p.role is not Role.EXILE and p.id != flow.part_id]
            self.protector.offer([*protectors, *others], keeps_draft=flow.holds_healing_work)
        elif step is Step.UNBURDEN:
            self.unburden.show_element(flow.element, flow.element_own)
        elif step is Step.INVITE:
            self.invite.show_chosen(flow.qualities, flow.qualities_other)
        elif step is Step.REVIEW:
            end = flow.self_energy_end
            self.review.energy.setValue(NOT_RATED if end is None else end)
            self.review.summary.setText(self._summary_text())
            self._refresh_preview()
        self.back_button.setEnabled(flow.can_go_back)
        self.stop_button.setVisible(flow.can_stop_here)
        self.pause_button.setVisible(step is not Step.PROTECTOR)  # nothing to keep there
        self.discard_button.setVisible(step is not Step.PROTECTOR)
        self.next_button.setText({Step.PROTECTOR: self.tr("&Close"),
                                  Step.REVIEW: self.tr("&Save to journal")}.get(
            step, self.tr("&Next ›")))
        self._show_problem("")
        self._focus_first(step)

    def _focus_first(self, step: Step) -> None:
        consent = self.consent
        first: QWidget | None = {
            Step.BEGIN: self.begin.part_combo,
            Step.CONSENT: consent.not_yet_radio if consent.not_yet_radio.isChecked()
            else consent.agree_radio,
            Step.PROTECTOR: self.protector.protector_combo,
            Step.INVITE: self.invite.boxes[C_QUALITIES[0]],
            Step.REVIEW: self.review.energy}.get(step)
        if first is None and QUESTIONS.get(step):
            first = self.answer_edits[QUESTIONS[step][0]]
        if first is not None:
            first.setFocus()

    def _refresh_preview(self) -> None:
        """The entry as it will be saved, Self-energy at the end included as it is chosen."""
        if self.flow.step is Step.REVIEW:
            self.flow.set_self_energy_end(rating(self.review.energy))
            self.review.preview.setPlainText(self.flow.compose_entry(entry_texts()).body)

    def _summary_text(self) -> str:
        flow = self.flow
        title = fill(entry_texts().title, flow.part_name)
        lines = [fill(self.tr("The session will be saved as a journal entry, “%1”."), title)]
        try:
            current = self._vault.parts.get(flow.part_id or "").stage
        except JournalError:
            return lines[0]
        target = flow.stage_after(current)
        if target is not None:
            lines.append(fill(self.tr("The stage of %1 will move from “%2” to “%3”, dated "
                                      "today."), flow.part_name, stage_label(current),
                              stage_label(target)))
        else:
            lines.append(fill(self.tr("The stage of %1 stays “%2”."), flow.part_name,
                              stage_label(current)))
        if flow.stopped_at is not None:
            lines.append(fill(self.tr("You stopped at “%1” for today; that step is kept as "
                                      "written, and can be walked another day."),
                              step_title(flow.stopped_at)))
        return "\n\n".join(lines)

    def _blocker_text(self, blocker: Blocker) -> str:
        return {
            Blocker.NEEDS_PART: self.tr("Choose the part you are walking this path with."),
            Blocker.NEEDS_PROTECTORS: self.tr("Ask the protectors first, and choose what they "
                                              "said."),
            Blocker.NEEDS_SELF_ENERGY: self.tr("Choose how much Self-energy is here now — a "
                                               "guess is fine."),
            Blocker.NEEDS_ELEMENT: self.tr("Choose where it releases the burden to — or stop "
                                           "here for today if it isn't ready."),
            Blocker.NEEDS_OWN_ELEMENT: self.tr("Write what it chooses to release it to."),
        }[blocker]

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


def open_unburdening(parent: QWidget, vault: Vault, part_id: str | None = None, *,
                     open_entry: Callable[[str], None] | None = None) -> UnburdeningDialog:
    """Open the unburdening path (with ``part_id`` chosen, from an exile's page) and return it.

    Turning to a protector opens the six F's with that protector; a new entry from either goes
    to ``open_entry`` when given. Both dialogs are deleted when closed.
    """
    from partsjournal.ui.practice.guided_session import GuidedSessionDialog

    dialog = UnburdeningDialog(vault, parent, part_id=part_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def to_protector(protector_id: str) -> None:
        guided = GuidedSessionDialog(vault, parent, part_id=protector_id or None)
        guided.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if open_entry is not None:
            guided.entry_created.connect(open_entry)
        guided.open()

    dialog.turn_to_protector.connect(to_protector)
    if open_entry is not None:
        dialog.entry_created.connect(open_entry)
    dialog.open()
    return dialog
