"""The in-app guide: every page there, accurate on the essentials, safe to render."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from partsjournal.ui.practice.guide import (
    PAGE_KEYS,
    GuideDialog,
    crisis_line,
    page_markdown,
    page_title,
)

from ..fixtures import unlabelled


def make(qtbot: QtBot, **kwargs) -> GuideDialog:  # type: ignore[no-untyped-def]
    dialog = GuideDialog(**kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_pages_cover_what_a_practitioner_needs() -> None:
    assert PAGE_KEYS == ("parts", "six_fs", "eight_cs", "peers", "safety", "privacy")
    text = {key: page_markdown(key) for key in PAGE_KEYS}
    for word in ("Managers", "Firefighters", "Exiles", "Self"):
        assert f"**{word}**" in text["parts"]
    for step in ("Find", "Focus", "Flesh out", "Feel toward", "beFriend", "Fears"):
        assert f"**{step}**" in text["six_fs"]
    assert "step back" in text["six_fs"]
    for quality in ("Calm", "Curiosity", "Compassion", "Confidence", "Courage", "Clarity",
                    "Creativity", "Connectedness"):
        assert f"**{quality}**" in text["eight_cs"]
    for topic in ("explorer", "companion", "Agreements", "When to pause or stop",
                  "pause or stop at any time", "protectors' permission", "debrief"):
        assert topic in text["peers"]
    assert "not therapy and not a crisis service" in text["safety"]
    assert "emergency services" in text["safety"] and "crisis line" in text["safety"]
    assert "not** encrypted" in text["privacy"]
    for key, markdown in text.items():
        assert markdown.startswith(f"# {page_title(key)}\n")
        assert "<" not in markdown and "](" not in markdown and "http" not in markdown


def test_reading_through_the_guide(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert dialog.current_page == "parts"
    assert dialog.view.toPlainText().startswith("Parts and Self")
    assert dialog.crisis.text() == crisis_line() and dialog.crisis.isVisible()
    assert not dialog.previous_button.isEnabled()
    seen = [dialog.current_page]
    while dialog.next_button.isEnabled():
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.current_page)
        assert dialog.view.toPlainText().startswith(page_title(dialog.current_page))
    assert seen == list(PAGE_KEYS)
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page == "safety"
    assert "emergency services" in dialog.view.toPlainText()
    assert dialog.view.requested == []  # nothing was loaded from anywhere


def test_open_at_a_page_and_choose_from_the_list(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    dialog = make(qtbot, page="peers")
    assert dialog.current_page == "peers"
    assert "Practising with a peer" in dialog.view.toPlainText()
    qtmodeltester.check(dialog.model)
    index = dialog.model.index(PAGE_KEYS.index("eight_cs"), 0)
    dialog.pages.setCurrentIndex(index)
    assert dialog.view.toPlainText().startswith("The 8 C's of Self")
    assert unlabelled(dialog) == []
