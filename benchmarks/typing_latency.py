"""Live Markdown: opening a 5,000-word entry in the body, and the latency of each keystroke.

(a) open = ``setPlainText`` + the first layout and highlighting of what is shown (a paint);
(b) keystroke = ``QTest.keyClick`` in the middle of the text + the events it causes, until the
highlighter has run for that block (checked on its layout formats). Run on its own with
``python benchmarks/typing_latency.py`` or through ``make bench ARGS="--only typing"``.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "app"))

OPEN_BUDGET_MS = 50.0
KEY_BUDGET_MS = 16.0
WORDS = ("the critic", "a tight chest", "my mother's kitchen", "the little one", "unblending",
         "I noticed", "it wanted me to know", "protector", "rain on the window", "grateful",
         "the planner", "ashamed", "breathing slowly", "it softened", "Self-energy")


def markdown_entry(words: int = 5000, seed: int = 7) -> str:
    """A realistic long entry: headings, paragraphs with bold and italic, lists, quotes, code."""
    rnd = random.Random(seed)
    lines: list[str] = []
    count = 0
    section = 0
    while count < words:
        section += 1
        lines += [f"## Part {section}: {rnd.choice(WORDS)}", ""]
        for _ in range(3):
            sentence = []
            for _ in range(rnd.randint(40, 80)):
                word = rnd.choice(WORDS)
                roll = rnd.random()
                sentence.append(f"**{word}**" if roll < 0.05 else f"*{word}*" if roll < 0.1
                                else word)
            lines += [" ".join(sentence) + ".", ""]
            count += sum(len(w.split()) for w in sentence)
        lines += [f"- {rnd.choice(WORDS)}" for _ in range(4)] + [""]
        lines += [f"{n}. {rnd.choice(WORDS)}" for n in range(1, 4)] + [""]
        lines += [f"> {rnd.choice(WORDS)}, it said, {rnd.choice(WORDS)}.", ""]
        lines += [f"Q: why {rnd.choice(WORDS)}?", ""]
        if section % 4 == 0:
            lines += ["```", "a code block", "  with **no** styling", "```", ""]
    return "\n".join(lines)


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(open_runs: int = 20, keys: int = 300) -> tuple[list[float], list[float]]:
    """Milliseconds to open the entry (``open_runs`` times) and per keystroke (``keys``)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from partsjournal.ui.journal.body_edit import MarkdownBodyEdit

    app = QApplication.instance() or QApplication([])
    text = markdown_entry()
    edit = MarkdownBodyEdit()
    edit.resize(1024, 700)
    edit.show()
    app.processEvents()
    opens = []
    for _ in range(open_runs + 2):
        edit.clear()
        app.processEvents()
        start = time.perf_counter()
        edit.setPlainText(text)
        edit.viewport().repaint()  # lays out and paints what is shown
        app.processEvents()
        opens.append((time.perf_counter() - start) * 1000)
    opens = opens[2:]  # the first two warm Python and Qt's caches up
    cursor = edit.textCursor()
    middle = edit.document().findBlockByNumber(edit.document().blockCount() // 2)
    while middle.isValid() and len(middle.text()) < 40:
        middle = middle.next()
    cursor.setPosition(middle.position() + 20)
    edit.setTextCursor(cursor)
    edit.centerCursor()
    app.processEvents()
    typed = "and then **it softened** a little, *slowly*, as I listened. " * 6
    latencies = []
    for char in typed[:keys]:
        start = time.perf_counter()
        QTest.keyClick(edit, char if char != " " else Qt.Key.Key_Space)
        app.processEvents()  # the highlighter runs on the document's change, before this ends
        latencies.append((time.perf_counter() - start) * 1000)
    block = edit.textCursor().block()
    bold = [r for r in block.layout().formats() if r.format.fontWeight() >= 700]
    assert bold, "the typed **…** was not highlighted"
    edit.close()
    return opens, latencies


def results(runs: int = 20) -> list[object]:
    """The two figures as benchmarks/run.py's ``Result`` rows."""
    from run import Result  # type: ignore[import-not-found]

    opens, keys = measure(max(20, runs))
    return [Result("open a 5,000-word Markdown entry in the live body", "-", opens,
                   budget=OPEN_BUDGET_MS, note="p95 budget; setPlainText + first layout"),
            Result("keystroke in the live Markdown body", "-", keys,
                   budget=KEY_BUDGET_MS, note="p95 budget; 300 keys mid-text")]


def main() -> int:
    opens, keys = measure()
    for name, samples, budget in (("open 5,000-word entry", opens, OPEN_BUDGET_MS),
                                  ("keystroke", keys, KEY_BUDGET_MS)):
        p95 = percentile(samples, 0.95)
        print(f"{name}: median {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms "
              f"({len(samples)} runs; budget p95 ≤ {budget:.0f} ms: "
              f"{'ok' if p95 <= budget else 'MISSES'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
