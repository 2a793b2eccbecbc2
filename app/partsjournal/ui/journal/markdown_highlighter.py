"""Live Markdown in the entry body, styled as it is typed (as Apostrophe or iA Writer do).

Headings, emphasis, code, quotes, lists, links, rules, ``Q:`` lines and dialogue.

Only the *look* changes. The highlighter draws extra formats on top of the text (Qt's layout
formats); it never edits the document, so what is stored stays plain Markdown, byte for byte.
Syntax markers (``#``, ``**``, ``>``, the URL of a link) are dimmed, never hidden, so the person
always sees what they wrote. Nothing is followed or loaded: a link is coloured, not a link.

Colours come from the widget's palette (its placeholder and link colours, and the theme's muted
text), so light, dark and the system theme all work. A line starting ``Q:`` is a question the
person wants to bring to their therapist; it is drawn in the link colour, bold marker, so it can
be found again at a glance. A line of dialogue (``The Critic: …``, see
:mod:`partsjournal.domain.dialogue`) shows its speaker's name in bold, in that part's colour —
Self in Self-energy's teal — made dark or light enough to read on the page; the words stay plain.

The spell-checker (``MisspeltWords``) adds a red wave under misspelt words, merged with the
Markdown format and never inside code. Qt counts positions in UTF-16 code units; Python's
regular expressions count code points, so positions are converted before they meet.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from partsjournal.domain.dialogue import Cast, Speaker
from partsjournal.ui.common.spelling_marks import SPELL_CHECK_UP_TO, MisspeltWords
from partsjournal.ui.common.theme import SELF_COLOR, blend, contrast_ratio, muted

#: The wave under a misspelt word: a red that reads on light and dark inputs alike.
SPELLING_UNDERLINE = QColor(220, 30, 30)

#: Heading size by level, as factors of the body's point size (a major third apart, then bold).
HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.15, 4: 1.05, 5: 1.0, 6: 1.0}

#: WCAG's contrast for text: a speaker's name reads at least this well on the page.
SPEAKER_CONTRAST = 4.5

NORMAL, IN_FENCE = 0, 1

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_LIST = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)")
_QUESTION = re.compile(r"^ {0,3}(Q:)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*\w\\])\*(?=[^\s*])(.*?[^\s*])?\*(?!\*)"
                       r"|(?<![_\w\\])_(?=[^\s_])(.*?[^\s_])?_(?![_\w])")
_LINK = re.compile(r"(!?)(\[)([^\]\n]*)(\]\()([^)\s]*(?:[ \t]+\"[^\"\n]*\")?)(\))")

Layer = tuple[int, int, QTextCharFormat]  # start, end (code points), format


class MarkdownHighlighter(QSyntaxHighlighter):
    """Styles one text block at a time; a fenced code block carries over in the block state."""

    def __init__(self, document: QTextDocument, palette: Callable[[], QPalette],
                 checker: MisspeltWords | None = None) -> None:
        super().__init__(document)
        self._palette = palette
        self._checker = checker
        self._cast = Cast()
        self._speaker_formats: dict[str, QTextCharFormat] = {}
        self._formats: dict[str, QTextCharFormat] = {}
        self._headings: dict[int, QTextCharFormat] = {}
        self.refresh_formats(rehighlight=False)

    # Settings ----------------------------------------------------------------------------------

    def set_spelling(self, checker: MisspeltWords | None) -> None:
        """Underline what ``checker`` finds (``None``: no underlines) and redraw every block."""
        if checker is self._checker:
            return
        self._checker = checker
        self.rehighlight()

    @property
    def checker(self) -> MisspeltWords | None:
        return self._checker

    def set_cast(self, cast: Cast) -> None:
        """Recognise the dialogue of ``cast``'s speakers and redraw every block."""
        self._cast = cast
        self._speaker_formats = {}
        self.rehighlight()

    @property
    def cast(self) -> Cast:
        return self._cast

    def refresh_formats(self, *, rehighlight: bool = True) -> None:
        """Take the palette's colours and the document's font again (theme or font changed)."""
        palette = self._palette()
        dim = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Link)
        base_size = self.document().defaultFont().pointSizeF() if self.document() else 0.0
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        def fmt(**kinds: object) -> QTextCharFormat:
            f = QTextCharFormat()
            if "colour" in kinds:
                f.setForeground(kinds["colour"])  # type: ignore[arg-type]
            if kinds.get("bold"):
                f.setFontWeight(QFont.Weight.Bold)
            if kinds.get("italic"):
                f.setFontItalic(True)
            if kinds.get("code"):
                f.setFontFamilies(fixed.families() or [fixed.family()])
                f.setFontFixedPitch(True)
                f.setBackground(palette.color(QPalette.ColorRole.AlternateBase))
            return f

        self._formats = {
            "marker": fmt(colour=dim),
            "strong": fmt(bold=True),
            "emphasis": fmt(italic=True),
            "code": fmt(code=True),
            "quote": fmt(italic=True, colour=muted(palette)),
            "list": fmt(colour=dim, bold=True),
            "link": fmt(colour=accent),
            "url": fmt(colour=dim),
            "rule": fmt(colour=dim),
            "question": fmt(colour=accent),
            "question_marker": fmt(colour=accent, bold=True),
        }
        spelling = QTextCharFormat()
        spelling.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        spelling.setUnderlineColor(SPELLING_UNDERLINE)
        self._formats["spelling"] = spelling
        self._speaker_formats = {}
        self._headings = {}
        for level, factor in HEADING_SCALE.items():
            heading = fmt(bold=True)
            if base_size > 0:
                heading.setFontPointSize(base_size * factor)
            self._headings[level] = heading
        if rehighlight:
            self.rehighlight()

    # Highlighting ------------------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        f = self._formats
        layers: list[Layer] = []
        fence = _FENCE.match(text)
        if self.previousBlockState() == IN_FENCE:
            layers.append((0, len(text), f["code"]))
            if fence:  # the closing fence
                layers.append((0, len(text), f["marker"]))
            self.setCurrentBlockState(NORMAL if fence else IN_FENCE)
            self._apply(text, layers)
            return
        if fence:
            layers += [(0, len(text), f["code"]), (0, len(text), f["marker"])]
            self.setCurrentBlockState(IN_FENCE)
            self._apply(text, layers)
            return
        self.setCurrentBlockState(NORMAL)
        layers += self._line_layers(text)
        code: list[tuple[int, int]] = []
        layers += self._inline_layers(text, code)
        if self._checker is not None and text.strip():
            layers += self._spelling_layers(text, code)
        self._apply(text, layers)

    def _line_layers(self, text: str) -> list[Layer]:
        """What the start of the line makes it: heading, rule, quote, list item or question."""
        f = self._formats
        if heading := _HEADING.match(text):
            level = len(heading.group(1))
            layers = [(0, len(text), self._headings[level]), (0, heading.end(), f["marker"])]
            if closing := _CLOSING_HASHES.search(text, heading.end()):
                layers.append((closing.start(), len(text), f["marker"]))
            return layers
        if _RULE.match(text):
            return [(0, len(text), f["rule"])]
        layers = []
        start = 0
        if quote := _QUOTE.match(text):
            layers += [(0, len(text), f["quote"]), (0, quote.end(), f["marker"])]
            start = quote.end()
        if item := _LIST.match(text, start):
            layers.append((item.start(2), item.end(2), f["list"]))
        elif question := _QUESTION.match(text, start):
            layers += [(question.start(1), len(text), f["question"]),
                       (question.start(1), question.end(1), f["question_marker"])]
        elif not start and self._cast and (turn := self._cast.match(text)):
            layers.append((turn.name_start, turn.name_end, self._speaker_format(turn.speaker)))
        return layers

    def _speaker_format(self, speaker: Speaker) -> QTextCharFormat:
        key = speaker.name.casefold()
        found = self._speaker_formats.get(key)
        if found is None:
            found = QTextCharFormat()
            found.setFontWeight(QFont.Weight.Bold)
            found.setForeground(speaker_colour(speaker, self._palette()))
            self._speaker_formats[key] = found
        return found

    def _inline_layers(self, text: str, code: list[tuple[int, int]]) -> list[Layer]:
        """Code spans, links, strong and emphasis; ``code`` collects where code (and URLs) are."""
        f = self._formats
        layers: list[Layer] = []
        chars = list(text)
        for span in _CODE_SPAN.finditer(text):
            layers += [(span.start(), span.end(), f["code"]),
                       (span.start(), span.start(2), f["marker"]),
                       (span.end(2), span.end(), f["marker"])]
            code.append((span.start(), span.end()))
            chars[span.start():span.end()] = "\x01" * (span.end() - span.start())
        masked = "".join(chars)
        for link in _LINK.finditer(masked):
            layers += [(link.start(), link.end(3), f["link"]),
                       (link.start(), link.end(2), f["marker"]),
                       (link.start(4), link.end(), f["url"])]
            code.append((link.start(5), link.end(5)))  # no red waves under a URL
            chars[link.start(5):link.end(5)] = "\x01" * (link.end(5) - link.start(5))
        masked = "".join(chars)
        for strong in _STRONG.finditer(masked):
            layers += [(strong.start(), strong.end(), f["strong"]),
                       (strong.start(), strong.start(2), f["marker"]),
                       (strong.end(2), strong.end(), f["marker"])]
            chars[strong.start():strong.start(2)] = "\x02" * 2
            chars[strong.end(2):strong.end()] = "\x02" * 2
        for emphasis in _EMPHASIS.finditer("".join(chars)):
            start, end = emphasis.span()
            layers += [(start, end, f["emphasis"]), (start, start + 1, f["marker"]),
                       (end - 1, end, f["marker"])]
        return layers

    def _spelling_layers(self, text: str, code: list[tuple[int, int]]) -> list[Layer]:
        assert self._checker is not None
        if len(text) > SPELL_CHECK_UP_TO:
            return []  # a pasted wall of text: typing in it stays quick, unchecked
        points = _code_points(text)
        layers: list[Layer] = []
        for start16, length16 in self._checker.misspelt(text):
            start, end = points(start16), points(start16 + length16)
            if end > start and not any(s < end and start < e for s, e in code):
                layers.append((start, end, self._formats["spelling"]))
        return layers

    def _apply(self, text: str, layers: list[Layer]) -> None:
        """Merge overlapping layers (later ones win where they disagree) and set them.

        One sweep over the cut points with the set of layers open there, so a long paragraph
        with many marks costs about as much as its marks, not marks × cuts.
        """
        if not layers:
            return
        units = _utf16_units(text)
        opening: dict[int, list[int]] = {}
        closing: dict[int, list[int]] = {}
        for index, (start, end, _) in enumerate(layers):
            if end > start:
                opening.setdefault(start, []).append(index)
                closing.setdefault(end, []).append(index)
        cuts = sorted(opening.keys() | closing.keys())
        open_now: set[int] = set()
        merged_for: dict[tuple[int, ...], QTextCharFormat] = {}
        for left, right in zip(cuts, cuts[1:], strict=False):
            open_now.difference_update(closing.get(left, ()))
            open_now.update(opening.get(left, ()))
            if not open_now:
                continue
            key = tuple(sorted(open_now))
            merged = merged_for.get(key)
            if merged is None:
                merged = QTextCharFormat(layers[key[0]][2])
                for index in key[1:]:
                    merged.merge(layers[index][2])
                merged_for[key] = merged
            self.setFormat(units(left), units(right) - units(left), merged)


def speaker_colour(speaker: Speaker, palette: QPalette) -> QColor:
    """The colour a speaker's name is drawn in: its own, made readable on ``palette``'s page.

    Part colours are mid-tones (chosen for chips and graphics), which read at only 3–4:1 as text
    on white or on the dark theme's inputs. The colour is moved toward the text colour — darker
    in light themes, lighter in dark ones — just far enough to reach ``SPEAKER_CONTRAST``, so
    it stays recognisably that part's colour. Self without a colour of its own is Self-energy's
    teal; a part without one is the plain text colour.
    """
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    hex_colour = speaker.colour or (SELF_COLOR if speaker.is_self else None)
    colour = QColor(hex_colour) if hex_colour else QColor()
    if not colour.isValid():
        return text
    for step in range(11):
        candidate = blend(colour, text, step / 10)
        if contrast_ratio(candidate, base) >= SPEAKER_CONTRAST:
            return candidate
    return text


def _utf16_units(text: str) -> Callable[[int], int]:
    """Code-point index → UTF-16 index, for Qt's ``setFormat``."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    table = [0]
    for c in text:
        table.append(table[-1] + (2 if ord(c) >= 0x10000 else 1))
    return lambda i: table[max(0, min(i, len(text)))]


def _code_points(text: str) -> Callable[[int], int]:
    """UTF-16 index (the checker's) → code-point index (the regular expressions')."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return lambda i: max(0, min(i, len(text)))
    table: dict[int, int] = {}
    unit = 0
    for index, c in enumerate(text):
        table[unit] = index
        unit += 2 if ord(c) >= 0x10000 else 1
    table[unit] = len(text)

    def convert(i: int) -> int:
        while i not in table and i > 0:  # the middle of a surrogate pair: round down
            i -= 1
        return table.get(i, 0)
    return convert
