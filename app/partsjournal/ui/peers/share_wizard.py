"""The share wizard: peer → parts → fields → message → exactly what they'll see → save.

The choices live in a :class:`~partsjournal.flows.sharing.ShareFlow` (plain Python); the
pages only present it (the choosing steps are in :mod:`partsjournal.ui.peers.share_pages`). In
withdraw mode the parts and fields pages give way to a list of parts shared with that peer
before. Sealing the bundle runs in a worker (it touches no database); writing the file and the
share-log line happen back here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)
from shiboken6 import isValid

from partsjournal.domain.model import Role, Stage
from partsjournal.domain.words import fill
from partsjournal.errors import JournalError
from partsjournal.exchange.payload import BundleContents
from partsjournal.flows.sharing import PreparedShare, ShareFlow, write_bundle_file
from partsjournal.ui.common.changes import Change
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.operation import perform
from partsjournal.ui.common.vocabulary import field_label, relation_label, role_label, stage_label
from partsjournal.ui.common.widgets import named
from partsjournal.ui.common.workers import run_in_background
from partsjournal.ui.peers.peer_widgets import ProblemLine, icon_label, wrapped
from partsjournal.ui.peers.share_pages import (
    BUNDLE_SUFFIX,
    DONE,
    FIELDS,
    MESSAGE,
    PARTS,
    PEER,
    PREVIEW,
    SAVING,
    WITHDRAW,
    FieldsPage,
    MessagePage,
    PartsPage,
    PeerPage,
    SharePage,
    WithdrawPage,
    bundle_file_name,
)
from partsjournal.ui.practice.peer_session_words import contract_sentences
from partsjournal.vault import Vault
from partsjournal.vault.peers import Peer, ShareLogEntry

__all__ = ["DONE", "FIELDS", "MESSAGE", "PARTS", "PEER", "PREVIEW", "SAVING", "WITHDRAW",
           "ShareWizard", "bundle_file_name"]


# Step 5: preview ---------------------------------------------------------------------------------

class PreviewPage(SharePage):
    """Exactly what the peer will see, as plain text; Next saves."""

    def __init__(self, wizard: ShareWizard) -> None:
        super().__init__(wizard, wizard.tr("What they will see"),
                         wizard.tr("Read it through. Go back to change anything; nothing is "
                                   "saved until you choose where."))
        self.intro = named(wrapped(), "wizardPreviewIntro")
        self.warning = named(wrapped(), "wizardPreviewWarning")
        self.text = named(QPlainTextEdit(), "wizardPreview")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Exactly what your peer will see"))
        self.problem = ProblemLine()
        warning_row = QHBoxLayout()
        self._warning_icon = icon_label("triangle-alert", self)
        warning_row.addWidget(self._warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.warning, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(warning_row)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Save bundle…"))

    def initializePage(self) -> None:  # noqa: N802
        """Prepare the bundle (nothing is written yet) and show it."""
        self.share.prepared = None
        self.problem.clear()
        try:
            prepared = self.flow.prepare()
        except JournalError as exc:
            self.text.clear()
            self.problem.show_error(exc)
            self.completeChanged.emit()
            return
        self.share.prepared = prepared
        peer = prepared.peer
        self.intro.setText(fill(self.tr("This is exactly what %1 will see. Nothing else from your "
                                        "journal goes into the file, and only their journal can "
                                        "open it."), peer.name))
        self.warning.setText(fill(self.tr("%1 is not verified yet: before you send the file, "
                                          "compare your safety number so you know the card is "
                                          "theirs."), peer.name))
        self.warning.setVisible(not peer.verified)
        self._warning_icon.setVisible(not peer.verified)
        self.text.setPlainText(self.describe(prepared))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        """The bundle could be prepared."""
        return self.share.prepared is not None

    def describe(self, prepared: PreparedShare) -> str:
        """The bundle as plain text, field by field."""
        contents = prepared.contents
        lines = [fill(self.tr("For: %1"), prepared.peer.label),
                 fill(self.tr("From: %1"), contents.sender_name)]
        if contents.message:
            lines += ["", self.tr("Message:")]
            lines += [f"    {line}" for line in contents.message.splitlines()]
        if contents.parts:
            lines += ["", fill(self.tr("Parts (%1):"), str(len(contents.parts)))]
        for part in contents.parts:
            lines += ["", part.name]
            for field in part.field_names:
                if field == "name":
                    continue
                lines += self._field_lines(field, part.fields[field])
        lines += self._relations(contents)
        if contents.session_agreement is not None:
            lines += ["", self.tr("Your wishes for your next session together:")]
            lines += [f"    {line}" for line in contract_sentences(contents.session_agreement)]
        if contents.withdrawn:
            names = self.flow.withdrawable()
            lines += ["", self.tr("Withdrawn — their journal removes:")]
            lines += [f"    {names.get(pid, pid)}" for pid in contents.withdrawn]
        return "\n".join(lines)

    def _field_lines(self, field: str, value: object) -> list[str]:
        label = field_label(field)
        if field == "role" and isinstance(value, str):
            text = role_label(Role(value))
        elif field == "stage" and isinstance(value, str):
            text = stage_label(Stage(value))
        elif field == "trust_in_self":
            text = self.tr("not rated") if value is None \
                else fill(self.tr("%1 of 10"), str(value))
        elif field == "color":
            text = str(value) or self.tr("(the colour of its role)")
        else:
            text = str(value) if value else self.tr("(empty)")
        rows = text.splitlines() or [""]
        return [f"    {label}: {rows[0]}"] + [f"        {row}" for row in rows[1:]]

    def _relations(self, contents: BundleContents) -> list[str]:
        if not contents.relations:
            return []
        names = {p.id: p.name for p in contents.parts}
        lines = ["", self.tr("Relations among these parts:")]
        for relation in contents.relations:
            line = f"    {names[relation.from_id]} {relation_label(relation.kind)} " \
                   f"{names[relation.to_id]}"
            if relation.note:
                line += f" — {' '.join(relation.note.split())}"
            lines.append(line)
        return lines

    def validatePage(self) -> bool:  # noqa: N802
        """Ask where to save; the next page seals and writes."""
        prepared = self.share.prepared
        if prepared is None:
            return False
        return self.share.choose_path(prepared.peer)

    def nextId(self) -> int:  # noqa: N802
        """The step after this one."""
        return SAVING


# Step 6: saving ------------------------------------------------------------------------------

class SavingPage(SharePage):
    """Encrypt in the background, write the file, log the share, move on."""

    def __init__(self, wizard: ShareWizard) -> None:
        super().__init__(wizard, wizard.tr("Saving the bundle"),
                         wizard.tr("The file is encrypted for your peer as it is saved."))
        self.label = named(wrapped(), "wizardSaving")
        self.progress = named(QProgressBar(), "wizardSavingProgress")
        self.progress.setAccessibleName(self.tr("Saving"))
        self.problem = ProblemLine()
        self.retry = named(QPushButton(self.tr("Choose another file…")), "wizardRetrySave")
        self.retry.clicked.connect(self._retry)
        self.retry.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem)
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Continue"))
        self._saved = False

    def initializePage(self) -> None:  # noqa: N802
        """Start sealing."""
        self._saved = False
        self.start()

    def start(self) -> None:
        """Seal in a worker; the result is written on this thread."""
        prepared, path = self.share.prepared, self.share.path
        if prepared is None or path is None:
            return
        self.problem.clear()
        self.retry.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.label.setText(fill(self.tr("Encrypting for %1 and saving to %2…"),
                                prepared.peer.name,
                                str(path)))
        self.share.set_busy(True)
        run_in_background(prepared.seal, self._sealed, self._failed)

    def _sealed(self, data: object) -> None:
        if not isValid(self) or self.share.closed:
            return
        self.share.set_busy(False)
        prepared, path = self.share.prepared, self.share.path
        assert isinstance(data, bytes) and prepared is not None and path is not None
        try:
            write_bundle_file(path, data, overwrite=True)
            self.share.log_entry = perform(self, lambda: self.flow.record(prepared),
                                           [Change.PEERS])
        except (JournalError, OSError) as exc:
            self._failed(exc)
            return
        self._saved = True
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.label.setText(self.tr("Saved."))
        self.completeChanged.emit()
        QTimer.singleShot(0, self, self.share.next)

    def _failed(self, error: BaseException) -> None:
        if not isValid(self) or self.share.closed:
            return
        self.share.set_busy(False)
        self.progress.hide()
        self.label.setText(self.tr("The bundle was not saved."))
        self.problem.show_error(error)
        self.retry.show()

    def _retry(self) -> None:
        prepared = self.share.prepared
        if prepared is not None and self.share.choose_path(prepared.peer):
            self.start()

    def isComplete(self) -> bool:  # noqa: N802
        """Only once the file is written and logged."""
        return self._saved

    def nextId(self) -> int:  # noqa: N802
        """The step after this one."""
        return DONE


# Step 7: done ----------------------------------------------------------------------------------

class DonePage(SharePage):
    """Where the file is and what to do with it."""

    def __init__(self, wizard: ShareWizard) -> None:
        super().__init__(wizard, wizard.tr("The bundle is ready"),
                         wizard.tr("What to do with the file."))
        self.text = named(wrapped(), "wizardDone")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        """Say where the file is, and how to send it."""
        prepared, path = self.share.prepared, self.share.path
        if prepared is None or path is None:
            return
        peer = prepared.peer
        what = []
        shared, withdrawn = len(prepared.contents.parts), len(prepared.contents.withdrawn)
        if shared:
            what.append(self.tr("1 part") if shared == 1
                        else fill(self.tr("%1 parts"), str(shared)))
        if withdrawn:
            what.append(self.tr("1 withdrawal") if withdrawn == 1
                        else fill(self.tr("%1 withdrawals"), str(withdrawn)))
        paragraphs = [
            fill(self.tr("Saved to %1 (%2)."), str(path), ", ".join(what) or self.tr("a message")),
            fill(self.tr("Send this file to %1 any way you like — email, a chat app, a USB stick. "
                         "It is encrypted: only %1's journal can open it."), peer.name),
            self.tr("It is listed under “Shared with them”, so you can see later what you "
                    "shared, which fields, and when."),
        ]
        if not peer.verified:
            paragraphs.append(fill(self.tr("You haven't verified %1 yet. Compare your safety "
                                           "number before you send it."), peer.name))
        self.text.setText("\n\n".join(paragraphs))

    def nextId(self) -> int:  # noqa: N802
        """The step after this one."""
        return -1


# The wizard --------------------------------------------------------------------------------

class ShareWizard(QWizard):
    """Share chosen parts and fields with one peer, or withdraw parts shared before."""

    def __init__(self, vault: Vault, peer_id: str | None = None, *, withdraw: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.flow = ShareFlow(vault)
        self.withdraw = withdraw
        self.prepared: PreparedShare | None = None
        self.path: Path | None = None
        #: The share-log line, once the bundle is written.
        self.log_entry: ShareLogEntry | None = None
        self.busy = False
        self.closed = False
        self.setWindowTitle(self.tr("Withdraw parts") if withdraw else self.tr("Share parts"))
        self.setTitleFormat(Qt.TextFormat.PlainText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(720, 540)
        self.peer_page = PeerPage(self, peer_id)
        self.parts_page = PartsPage(self)
        self.fields_page = FieldsPage(self)
        self.withdraw_page = WithdrawPage(self)
        self.message_page = MessagePage(self)
        self.preview_page = PreviewPage(self)
        self.saving_page = SavingPage(self)
        self.done_page = DonePage(self)
        for page_id, page in ((PEER, self.peer_page), (PARTS, self.parts_page),
                              (FIELDS, self.fields_page), (WITHDRAW, self.withdraw_page),
                              (MESSAGE, self.message_page), (PREVIEW, self.preview_page),
                              (SAVING, self.saving_page), (DONE, self.done_page)):
            self.setPage(page_id, page)
        self.setStartId(PEER)
        self.parts_page.setFinalPage(False)

    def choose_path(self, peer: Peer) -> bool:
        """Ask where to save the bundle; False if the person cancelled."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the bundle"),
            start_in(FileKind.BUNDLE, bundle_file_name(peer.name)),
            self.tr("Parts Journal bundles (*.pjbundle)"))
        if not chosen:
            return False
        remember(FileKind.BUNDLE, chosen)
        path = Path(chosen)
        if path.suffix.lower() != BUNDLE_SUFFIX:
            path = path.with_name(path.name + BUNDLE_SUFFIX)
        self.path = path
        return True

    def set_busy(self, busy: bool) -> None:
        """While the bundle is sealed and written, it can't be cancelled."""
        self.busy = busy
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    def reject(self) -> None:
        """Cancel — except while the file is being written."""
        if self.busy:
            return
        super().reject()

    def done(self, code: int) -> None:
        """Closing ends interest in a seal still running."""
        self.closed = True
        super().done(code)
