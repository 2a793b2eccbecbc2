"""The in-app guide: a few short pages on parts, the six F's, the 8 C's, peer practice, safety.

The pages are our own Markdown, translated through ``tr`` and rendered by
:class:`partsjournal.ui.journal.markdown_view.SafeMarkdownView` (Markdown without HTML, no resource
ever loaded). A line at the foot of every page says that the app is not therapy and not a crisis
service, and where to turn in a crisis.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from partsjournal.ui.common.theme import SPACE_XS
from partsjournal.ui.common.widgets import named, plain_label
from partsjournal.ui.journal.markdown_view import SafeMarkdownView

Index = QModelIndex | QPersistentModelIndex

#: The guide's pages, in reading order.
PAGE_KEYS: tuple[str, ...] = ("parts", "six_fs", "eight_cs", "peers", "safety", "privacy")


def tr(text: str) -> str:
    """Translate in the guide context."""
    return QCoreApplication.translate("Guide", text)


def page_title(key: str) -> str:
    """The short title of a page, as the page list shows it."""
    return {
        "parts": tr("Parts and Self"),
        "six_fs": tr("The six F's"),
        "eight_cs": tr("The 8 C's of Self"),
        "peers": tr("Practising with a peer"),
        "safety": tr("Safety and limits"),
        "privacy": tr("Your journal stays yours"),
    }[key]


def page_markdown(key: str) -> str:
    """A page's text: trusted Markdown written for this app (no HTML, no links out)."""
    if key == "parts":
        return tr("""# Parts and Self

Internal Family Systems (IFS) sees the mind as a family of **parts** — inner \
personalities, each with its own feelings, beliefs and intentions — around a core **Self**. \
"A part of me wants to go, and a part of me wants to stay" is already parts language.

Every part means well, even when what it does causes trouble. The trouble comes from the \
*burdens* parts carry: extreme beliefs and feelings picked up in hard times.

## Protectors

**Managers** work ahead of time to keep pain from coming up: planning, criticising, pleasing, \
working hard, staying busy or staying in the head.

**Firefighters** jump in when pain breaks through anyway, to put it out fast — numbing, \
scrolling, bingeing, raging, shutting down — whatever it costs later.

## Exiles

**Exiles** are often young parts that hold hurt, shame or fear from the past. Protectors \
work hard to keep them out of sight, which is why we go toward an exile only with the \
protectors' permission, and slowly.

## Self

**Self** is who you are underneath the parts: not a part, and never damaged. You can \
recognise it by qualities like calm, curiosity and compassion (see *The 8 C's of Self*). \
When a part *blends* with you, its feelings seem to be yours; when it *unblends*, Self has \
room again. In IFS, healing happens in the relationship between Self and each part.

## In this journal

Give each part a name it is happy with, a role (or "not sure yet"), and let its profile grow: \
its job, its fears, where you feel it. The stages — noticed, getting to know, befriended, and \
for exiles witnessed, retrieved, unburdened, integrated — show how a relationship has grown. \
They are not a test to pass.
""")
    if key == "six_fs":
        return tr("""# The six F's

The six F's are a gentle way to get to know a protector. The **guided session** walks you \
through them, and you can pause at any step and come back later.

1. **Find** — Notice which part is asking for attention: a feeling, a body sensation, a \
thought, an urge. This is the *trailhead*.
2. **Focus** — Turn your attention toward it, inside. Let everything else wait a moment.
3. **Flesh out** — Notice how it shows up: where in or around your body, whether it has an \
image, a voice, a posture, an age.
4. **Feel toward** — Ask yourself: *how do I feel toward this part?* This is the key check. \
If the answer is curious, compassionate, calm or open, Self is here and you can go on. If you \
feel annoyed, afraid, impatient, or want it gone, another part has stepped in. That is \
common and fine: kindly ask the reacting part if it would be willing to step back for a \
little while, then check again. If it won't, it may be the part that needs you first.
5. **beFriend** — Get to know it as you would a new friend. What does it do for you? How \
long has it had this job? Let it know you see how hard it works.
6. **Fears** — Ask: *what are you afraid would happen if you stopped doing this?* The \
answer often shows what — or whom — it protects.

At the end, the app suggests adding what you learned to the part's profile. You choose, \
field by field, what goes in.
""")
    if key == "eight_cs":
        return tr("""# The 8 C's of Self

IFS describes Self-energy through eight qualities that all begin with C:

- **Calm** — a settled steadiness, even when parts are stirred up.
- **Curiosity** — wanting to know, without an agenda.
- **Compassion** — warmth toward pain, without being swept into it.
- **Confidence** — trust that you can be with whatever comes up.
- **Courage** — willingness to turn toward what is hard.
- **Clarity** — seeing things as they are, not through a part's fear.
- **Creativity** — room for fresh responses instead of old patterns.
- **Connectedness** — feeling connected with yourself, with others and with the world.

You don't need all eight at once, and they can't be forced. When they are hard to find, a \
part is usually blended — that is information, not failure.

In an entry you can rate Self-energy from 0 to 10, and any of the C's if you like. \
**Insights** shows how they change over time.
""")
    if key == "peers":
        return tr("""# Practising with a peer

In peer-to-peer parts work two people take turns: one **explores** their parts while the \
other **companions** them, holding space and staying in Self as much as they can. You meet \
as equals — nobody is the therapist, nobody is "one up". It works best with someone you \
trust, at a similar level of experience, once you have both learned the basics.

## Roles

- The **explorer** goes inside and speaks *for* their parts ("a part of me feels…") rather \
than *from* them.
- The **companion** listens, reflects, asks the six-F's questions if wanted, and notices \
their own parts reacting — then sets them aside. No advice, fixing or interpreting unless \
it is asked for.

Halfway through, swap roles so both of you get an equal turn. The **peer session** timer \
suggests the switch and tells you gently when the time is up.

## Agreements

Agree on these before you begin; the app fills in a starting point you can change:

- What is shared stays between you.
- You meet on equal footing and take turns.
- Speak for parts, not from them.
- Either of you can pause or stop at any time, without explaining why.
- No advice unless it is asked for.
- Ask protectors' permission before going toward an exile.
- Leave time for a debrief at the end, both ways.

## When to pause or stop

Slow down or stop if either of you feels flooded or overwhelmed, can't find any calm or \
curiosity, or an exile's pain starts taking over; if a protector clearly says no; or if \
anything touches on harming yourself or someone else. Ground yourselves — feet on the \
floor, a few slow breaths, look around the room — and take what came up to a therapist. \
Peer practice goes alongside therapy; it doesn't replace it.

## Afterwards

Debrief: how was it for each of you? What helped? Each of you keeps your own journal. In a \
peer-session entry, write about *your* parts and experience, not your peer's material.
""")
    if key == "safety":
        return tr("""# Safety and limits

**Parts Journal is not therapy and not a crisis service.** It is a private notebook for \
your own practice. It can't tell if you are in danger, and nobody reads what you write.

**If you are in crisis** — if you are thinking of harming yourself or someone else, or you \
don't feel safe — please contact your local emergency services now, or a crisis line in \
your country. If you can, also tell someone you trust.

Parts work can bring up strong feelings, especially near exiles. Go slowly. It is always \
all right to stop, ground yourself and come back another day. Deep work with exiles — \
witnessing, retrieving, unburdening — is best done with a trained IFS therapist.
""")
    if key == "privacy":
        return tr("""# Your journal stays yours

- Everything you write is stored encrypted on this computer, in your journal folder. Parts \
Journal never connects to the internet.
- Your passphrase unlocks it. Your recovery code is the only other way in — keep it \
somewhere safe. Nobody else can open your journal.
- A paused guided session is kept inside the encrypted journal too.
- Sharing with a peer sends only the parts and fields you choose, in an encrypted file that \
only your peer can open.
- Exported summaries and data exports are **not** encrypted. Keep those files somewhere \
safe and delete them when you no longer need them.
- The journal locks itself when you haven't used it for a while.
""")
    raise KeyError(key)


def crisis_line() -> str:
    """The sentence at the foot of every page."""
    return tr("Parts Journal is not therapy and not a crisis service. In a crisis, contact your "
              "local emergency services or a crisis line.")


class GuidePagesModel(QAbstractListModel):
    """The guide's page titles; the page key is the UserRole data."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(PAGE_KEYS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(PAGE_KEYS):
            return None
        key = PAGE_KEYS[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return page_title(key)
        if role == Qt.ItemDataRole.UserRole:
            return key
        return None


class GuideDialog(QDialog):
    """Short pages on IFS and on using the journal safely; non-modal is fine."""

    def __init__(self, parent: QWidget | None = None, page: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Guide"))
        self.resize(860, 620)
        self.model = GuidePagesModel(self)
        self.pages = named(QListView(self), "guidePages")
        self.pages.setModel(self.model)
        self.pages.setAccessibleName(self.tr("Guide pages"))
        self.pages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pages.setMinimumWidth(190)
        self.pages.setSpacing(SPACE_XS)
        self.view = named(SafeMarkdownView(self), "guideText")
        self.view.setAccessibleName(self.tr("Guide text"))
        margin = self.view.document().documentMargin()
        self.view.document().setDocumentMargin(max(margin, 14.0))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.pages)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 640])

        self.crisis = named(plain_label(crisis_line(), self), "guideCrisis")
        self.crisis.setWordWrap(True)
        self.crisis.setAccessibleName(self.tr("Not a crisis service"))
        font = self.crisis.font()
        font.setBold(True)
        self.crisis.setFont(font)

        self.previous_button = named(QPushButton(self.tr("‹ &Previous"), self), "guidePrevious")
        self.next_button = named(QPushButton(self.tr("&Next ›"), self), "guideNext")
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.crisis)
        layout.addLayout(row)
        self.pages.selectionModel().currentChanged.connect(self._current_changed)
        self.show_page(page or PAGE_KEYS[0])

    @property
    def current_page(self) -> str:
        """The key of the page shown."""
        index = self.pages.currentIndex()
        return PAGE_KEYS[index.row()] if index.isValid() else PAGE_KEYS[0]

    def show_page(self, key: str) -> None:
        """Show one page by key (see :data:`PAGE_KEYS`)."""
        row = PAGE_KEYS.index(key)
        self.pages.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._render(key)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._render(PAGE_KEYS[current.row()])

    def _render(self, key: str) -> None:
        self.view.show_markdown(page_markdown(key))
        self.view.moveCursor(QTextCursor.MoveOperation.Start)
        self.view.verticalScrollBar().setValue(0)
        row = PAGE_KEYS.index(key)
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(PAGE_KEYS) - 1)

    def _step(self, delta: int) -> None:
        row = PAGE_KEYS.index(self.current_page) + delta
        if 0 <= row < len(PAGE_KEYS):
            self.show_page(PAGE_KEYS[row])
