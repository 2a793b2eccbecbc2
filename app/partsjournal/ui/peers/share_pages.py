"""The choosing steps of the share wizard: who, which parts, which fields, withdrawals, message.

Each page presents one step of a :class:`~partsjournal.flows.sharing.ShareFlow` and hands
the person's choice to it; :mod:`partsjournal.ui.peers.share_wizard` holds the preview, the saving
and the wizard itself.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from partsjournal.domain.model import PART_TEXT_FIELDS, Part
from partsjournal.domain.validation import MAX_NAME
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.exchange.payload import DEFAULT_FIELDS, SHAREABLE_FIELDS
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.check_list import CheckItem, CheckListModel
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.theme import SPACE_XXS, role_color
from partsjournal.ui.common.vocabulary import field_label, role_label, stage_label
from partsjournal.ui.common.widgets import named
from partsjournal.ui.peers.peer_models import PeerListModel, field_list
from partsjournal.ui.peers.peer_widgets import ProblemLine, wrapped
from partsjournal.ui.practice.peer_contract import ContractStep
from partsjournal.vault.peers import Peer

if TYPE_CHECKING:
    from partsjournal.ui.peers.share_wizard import ShareWizard

PEER, PARTS, FIELDS, WITHDRAW, MESSAGE, PREVIEW, SAVING, DONE = range(8)
BUNDLE_SUFFIX = ".pjbundle"
_EXCERPT = 48


def _excerpt(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _EXCERPT else line[:_EXCERPT - 1].rstrip() + "…"


def bundle_file_name(peer_name: str, day: date | None = None) -> str:
    """A default file name: the peer's name in safe characters, and the day.

    ``parts-for-Sam-peer-2026-12-02.pjbundle`` for "Sam (peer)": one dash between words, none at
    the ends, and a share on another day gets a name of its own.
    """
    words = "".join(c if c.isalnum() else " " for c in peer_name).split()
    stem = "-".join(words)[:60].strip("-") or "peer"
    return f"parts-for-{stem}-{(day or date.today()).isoformat()}{BUNDLE_SUFFIX}"


class SharePage(QWizardPage):
    """A page that knows the wizard's flow."""

    def __init__(self, wizard: ShareWizard, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.share = wizard
        self.flow = wizard.flow
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)


# Step 1: who ------------------------------------------------------------------------------------

class PeerPage(SharePage):
    """Who the bundle is for (and, the first time, the name they will see it from)."""

    def __init__(self, wizard: ShareWizard, peer_id: str | None) -> None:
        super().__init__(wizard, wizard.tr("Who is it for?"),
                         wizard.tr("Only this peer's journal will be able to open the file."))
        self.name_edit = named(QLineEdit(), "wizardDisplayName")
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(self.tr("The name your peers will see"))
        self.name_edit.textChanged.connect(self.completeChanged)
        self.name_label = QLabel(self.tr("First, your &name as your peers will see it:"))
        self.name_label.setBuddy(self.name_edit)
        self.needs_name = not wizard.vault.identity.get().display_name
        self.name_label.setVisible(self.needs_name)
        self.name_edit.setVisible(self.needs_name)

        self.model = PeerListModel(wizard.vault, self)
        self.list = named(QListView(), "wizardPeers")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Peers"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(SPACE_XXS)
        self.list.selectionModel().currentChanged.connect(self._changed)
        self.warning = named(wrapped(), "wizardPeerWarning")
        self.problem = ProblemLine()
        self.empty = wrapped(self.tr("You have no peers yet. Add a peer's contact card on the "
                                     "Peers page first."))
        self.empty.setVisible(self.model.rowCount() == 0)

        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.name_edit)
        caption = QLabel(self.tr("&Peer:"))
        caption.setBuddy(self.list)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.warning)
        layout.addWidget(self.problem)
        row = self.model.row_of(peer_id) if peer_id else -1
        if row < 0 and self.model.rowCount() == 1:
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._changed()

    def chosen(self) -> Peer | None:
        """The highlighted peer."""
        index = self.list.currentIndex()
        return self.model.peer(index.row()) if index.isValid() else None

    def _changed(self, *_args: QModelIndex) -> None:
        peer = self.chosen()
        self.warning.setVisible(peer is not None and not peer.verified)
        if peer is not None and not peer.verified:
            self.warning.setText(fill(self.tr(
                "You haven't compared safety numbers with %1 yet. You can share now, but first "
                "make sure the card you added really is theirs."), peer.name))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        """A peer is chosen (and a name typed, if the card has none yet)."""
        if self.needs_name and not self.name_edit.text().strip():
            return False
        return self.chosen() is not None

    def validatePage(self) -> bool:  # noqa: N802
        """Store the display name if it was asked for, and choose the peer."""
        peer = self.chosen()
        if peer is None:
            return False
        try:
            if self.needs_name:
                name = self.name_edit.text()
                perform(self, lambda: self.share.vault.identity.set_display_name(name),
                        [Change.IDENTITY])
            self.flow.choose_peer(peer.id)
        except JournalError as exc:
            self.problem.show_error(exc)
            return False
        self.problem.clear()
        return True

    def nextId(self) -> int:  # noqa: N802
        """Withdrawing skips the parts and fields."""
        return WITHDRAW if self.share.withdraw else PARTS


# Step 2: which parts ----------------------------------------------------------------------------

class PartsPage(SharePage):
    """Tick the parts to share."""

    def __init__(self, wizard: ShareWizard) -> None:
        super().__init__(wizard, wizard.tr("Which parts?"),
                         wizard.tr("Tick the parts to share. Next you choose which fields of "
                                   "each one go along."))
        self.model = CheckListModel(self)
        self.model.checked_changed.connect(self._changed)
        self.list = named(QListView(), "wizardParts")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Your parts"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(SPACE_XXS)
        self.count = named(wrapped(), "wizardPartsCount")
        none = named(QPushButton(self.tr("Tick none")), "wizardPartsNone")
        none.clicked.connect(lambda: self.model.set_all(False))
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(none)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def initializePage(self) -> None:  # noqa: N802
        """List the person's own parts; mark those the peer already has."""
        shared = self.flow.withdrawable()
        items = []
        for part in self.flow.available_parts():
            label = part.name
            notes = []
            if part.archived:
                notes.append(self.tr("archived"))
            if part.id in shared:
                notes.append(self.tr("shared with them before"))
            if notes:
                label += f"  ({', '.join(notes)})"
            items.append(CheckItem(part.id, label, part.id in self.flow.part_ids,
                                   color=role_color(part.role, part.color),
                                   accessible=f"{part.name}, {role_label(part.role)}"))
        self.model.set_items(items)

    def _changed(self) -> None:
        chosen = len(self.model.checked_keys())
        self.count.setText(fill(self.tr("%1 of %2 parts ticked"),
                                str(chosen),
                                str(self.model.rowCount())))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        """At least one part is ticked."""
        return bool(self.model.checked_keys())

    def validatePage(self) -> bool:  # noqa: N802
        """Hand the choice to the flow (a newly chosen part starts with name, role, job)."""
        self.flow.choose_parts(self.model.checked_keys())
        return True

    def nextId(self) -> int:  # noqa: N802
        """The step after this one."""
        return FIELDS


# Step 3: which fields ---------------------------------------------------------------------------

class FieldsPage(SharePage):
    """For each chosen part, tick the fields that go along."""

    def __init__(self, wizard: ShareWizard) -> None:
        super().__init__(wizard, wizard.tr("Which fields?"),
                         wizard.tr("Only ticked fields go into the file. To begin with only the "
                                   "name, role and job are ticked: fears, burdens, notes and "
                                   "the rest are yours to choose."))
        self.parts_model = CheckListModel(self, checkable=False)
        self.parts = named(QListView(), "wizardFieldParts")
        self.parts.setModel(self.parts_model)
        self.parts.setAccessibleName(self.tr("Chosen parts"))
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.selectionModel().currentChanged.connect(self._part_changed)
        self.fields_model = CheckListModel(self)
        self.fields_model.checked_changed.connect(self._fields_changed)
        self.fields = named(QListView(), "wizardFields")
        self.fields.setModel(self.fields_model)
        self.fields.setAccessibleName(self.tr("Fields to share"))
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.fields_caption = named(wrapped(), "wizardFieldsCaption")
        self.fields_caption.setBuddy(self.fields)
        self.apply_all = named(QPushButton(self.tr("Use these fields for every part")),
                               "applyFieldsToAll")
        self.apply_all.clicked.connect(self._apply_to_all)
        self.note = named(wrapped(), "wizardFieldsNote")

        left = QVBoxLayout()
        parts_caption = QLabel(self.tr("&Parts:"))
        parts_caption.setBuddy(self.parts)
        left.addWidget(parts_caption)
        left.addWidget(self.parts, 1)
        right = QVBoxLayout()
        right.addWidget(self.fields_caption)
        right.addWidget(self.fields, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.apply_all)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self._part_id = ""
        self._loading = False

    def initializePage(self) -> None:  # noqa: N802
        """List the chosen parts and show the fields of the first."""
        parts = {p.id: p for p in self.flow.available_parts()}
        self.parts_model.set_items([
            CheckItem(pid, parts[pid].name, color=role_color(parts[pid].role, parts[pid].color))
            for pid in self.flow.part_ids])
        self.apply_all.setVisible(len(self.flow.part_ids) > 1)
        self.note.clear()
        self._part_id = ""
        if self.flow.part_ids:
            self.parts.setCurrentIndex(self.parts_model.index(0))

    def _part_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        part = next(p for p in self.flow.available_parts()
                    if p.id == self.parts_model.item(current.row()).key)
        self._part_id = part.id
        self.fields_caption.setText(fill(self.tr("Fields of “%1” to share:"), part.name))
        chosen = self.flow.fields.get(part.id, DEFAULT_FIELDS)
        items = []
        for field in SHAREABLE_FIELDS:
            label = field_label(field)
            value = self._value(part, field)
            text = f"{label} — {value}" if value else label
            if field == "name":
                text = fill(self.tr("%1 (always shared)"), text)
            colour = role_color(part.role, part.color) if field == "color" else None
            items.append(CheckItem(field, text, field in chosen, locked=field == "name",
                                   color=colour))
        self._loading = True
        self.fields_model.set_items(items)
        self._loading = False

    def _value(self, part: Part, field: str) -> str:
        if field == "name":
            return ""
        if field == "role":
            return role_label(part.role)
        if field == "stage":
            return stage_label(part.stage)
        if field == "trust_in_self":
            return self.tr("not rated") if part.trust_in_self is None \
                else fill(self.tr("%1 of 10"), str(part.trust_in_self))
        if field == "color":
            return self.tr("its own colour") if part.color else self.tr("the colour of its role")
        text = getattr(part, field) if field in PART_TEXT_FIELDS else ""
        return _excerpt(text) if text else self.tr("(empty)")

    def _fields_changed(self) -> None:
        if self._loading or not self._part_id:
            return
        self.flow.set_fields(self._part_id, self.fields_model.checked_keys())
        self.note.clear()

    def _apply_to_all(self) -> None:
        fields = self.flow.set_fields_for_all(self.fields_model.checked_keys())
        self.note.setText(fill(self.tr("Every part now shares: %1."), field_list(fields)))

    def nextId(self) -> int:  # noqa: N802
        """The step after this one."""
        return MESSAGE


# Withdraw mode ---------------------------------------------------------------------------------

class WithdrawPage(SharePage):
    """Tick parts shared with this peer before, for their journal to remove."""

    def __init__(self, wizard: ShareWizard) -> None:
        super().__init__(wizard, wizard.tr("Which parts to withdraw?"),
                         wizard.tr("Tick the parts their journal should remove."))
        self.model = CheckListModel(self)
        self.model.checked_changed.connect(self.completeChanged)
        self.list = named(QListView(), "wizardWithdraw")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Parts shared with this peer"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(SPACE_XXS)
        self.intro = named(wrapped(), "wizardWithdrawIntro")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)

    def initializePage(self) -> None:  # noqa: N802
        """The parts this peer has now (shared and not withdrawn since)."""
        peer = self.flow.peer
        name = peer.name if peer is not None else ""
        shared = self.flow.withdrawable()
        if shared:
            self.intro.setText(fill(self.tr(
                "When %1 imports this bundle, their journal removes the ticked parts, and "
                "takes them out of their entries. You can share a part again later."), name))
        else:
            self.intro.setText(fill(self.tr("Nothing you shared is still with %1, so there is "
                                            "nothing to withdraw."), name))
        self.model.set_items([CheckItem(pid, part_name, pid in self.flow.withdraw_ids)
                              for pid, part_name in shared.items()])

    def isComplete(self) -> bool:  # noqa: N802
        """At least one part is ticked."""
        return bool(self.model.checked_keys())

    def validatePage(self) -> bool:  # noqa: N802
        """Hand the choice to the flow."""
        self.flow.choose_withdrawals(self.model.checked_keys())
        return True

    def nextId(self) -> int:  # noqa: N802
        """A message comes next."""
        return MESSAGE


# Step 4: message --------------------------------------------------------------------------------

class MessagePage(SharePage):
    """An optional note, and optionally the person's wishes for the next session together."""

    def __init__(self, wizard: ShareWizard) -> None:
        super().__init__(wizard, wizard.tr("A message (optional)"),
                         wizard.tr("A few words for your peer, if you like. It travels inside "
                                   "the encrypted file."))
        self.edit = named(QPlainTextEdit(), "wizardMessage")
        self.edit.setAccessibleName(self.tr("Message"))
        self.edit.setPlaceholderText(self.tr("For example: “Here is the critic we talked "
                                             "about on Tuesday.”"))
        self.share_wishes = named(QCheckBox(self.tr("Share my &wishes for our next session")),
                                  "wizardShareWishes")
        self.wishes = named(ContractStep(self, with_split=False, intro=self.tr(
            "What you would like when you explore next time. Your peer sees it before they "
            "import, and can take it into their own “Before we begin”.")), "wizardWishes")
        self.wishes.setVisible(False)
        self.share_wishes.toggled.connect(self.wishes.setVisible)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.share_wishes)
        layout.addWidget(self.wishes)

    def validatePage(self) -> bool:  # noqa: N802
        """Keep the message, and the wishes if they are to be shared, in the flow."""
        self.flow.message = self.edit.toPlainText()
        self.flow.session_agreement = (self.wishes.contract() if self.share_wishes.isChecked()
                                       else None)
        return True

    def nextId(self) -> int:  # noqa: N802
        """The step after this one."""
        return PREVIEW


