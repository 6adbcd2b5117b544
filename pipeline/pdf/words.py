"""Page layout from glyph positions: glyphs to words, words to printed lines.

The PDF reader (``pipeline.pdf``) hands over what pdfminer drew on each page: glyphs with their
boxes and the ruling lines. Everything from there on is plain geometry, kept free of pdfplumber so
it can be tested on made-up glyphs: words are runs of glyphs, printed lines are words sharing a
baseline, and ``pipeline.pdf.steps`` turns the printed lines of all pages into the document's
lines.

Coordinates are PDF points with ``top`` measured down from the top of the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex

# A glyph drawn again within this fraction of the font size of itself is the same glyph: some
# printers make bold by drawing text twice, shifted by a fraction of a point ("fake bold").
DUPLICATE_TOLERANCE = 0.15
# Glyphs further apart than this fraction of the font size belong to different words, also when
# the PDF draws no space glyph between them.
WORD_GAP = 0.2
# Typographic ligatures that word processors draw as one glyph; the text export spells them out.
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


BULLET_GLYPHS = frozenset("•●◦▪▫■□○‣⁃∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf075")
# A glyph the PDF's fonts do not map to text, which pdfminer writes as "(cid:127)"; at the start
# of a list item it is the bullet (WinAnsi fonts draw "•" from unassigned codes like 127).
UNMAPPED_GLYPH = regex.compile(r"^\(cid:\d+\)")
DASHES = frozenset({"-", "–", "—"})
# "1.", "2)", "(3)", "a)", "iv." in front of a list item.
ENUMERATOR = regex.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[ivx]{1,4}\.)$")


def bullet_glyph(text: str) -> str | None:
    """The bullet glyph (or unmapped glyph) a word starts with, if any."""
    if text and text[0] in BULLET_GLYPHS:
        return text[0]
    match = UNMAPPED_GLYPH.match(text)
    return match[0] if match else None


def is_list_marker(text: str) -> bool:
    """Whether a word on its own marks a list item: a bullet glyph, a dash or a number."""
    return bullet_glyph(text) == text or text in DASHES or bool(ENUMERATOR.match(text))


class Glyph(NamedTuple):
    """One drawn character: its text, box and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


class Word(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


class Rule(NamedTuple):
    """A ruling line (a drawn line or a thin rectangle), horizontal or vertical."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def is_horizontal(self) -> bool:
        return self.x1 - self.x0 > self.bottom - self.top


@dataclass(frozen=True)
class PageText:
    """What one page holds: its words and ruling lines (``number`` is 1-based)."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class PrintedLine:
    """Words that share a baseline on one page, left to right.

    ``number`` is the 1-based position among the page's body lines (running headers and footers
    not counted); 0 until the lines are numbered.
    """

    page: int
    words: tuple[Word, ...]
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    number: int = 0

    @classmethod
    def of(cls, page: int, words: Sequence[Word]) -> PrintedLine:
        ordered = tuple(sorted(words, key=lambda w: w.x0))
        sizes = sorted(w.size for w in ordered)
        return cls(
            page=page,
            words=ordered,
            top=min(w.top for w in ordered),
            bottom=max(w.bottom for w in ordered),
            x0=ordered[0].x0,
            x1=max(w.x1 for w in ordered),
            size=sizes[len(sizes) // 2],
        )

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))


def words_from_glyphs(glyphs: Iterable[Glyph]) -> list[Word]:
    """Words as runs of glyphs in drawing order, split at spaces, gaps and jumps.

    A glyph drawn a second time on top of the previous one is skipped, and so is a whole word drawn
    again on top of itself: both are how fake bold is printed, and both would double the letters.
    """
    words: list[Word] = []
    run: list[Glyph] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if previous is not None and _same_place(glyph, previous) and glyph.text == previous.text:
            continue
        previous = glyph
        if glyph.text.isspace() or not glyph.text:
            _flush(run, words)
            continue
        if run and _breaks_word(run[-1], glyph):
            _flush(run, words)
        run.append(glyph)
    _flush(run, words)
    return _drop_redrawn_words(words)


def _same_place(a: Glyph | Word, b: Glyph | Word) -> bool:
    tolerance = min(1.0, DUPLICATE_TOLERANCE * max(a.size, 1.0))
    return abs(a.x0 - b.x0) <= tolerance and abs(a.top - b.top) <= tolerance


def _breaks_word(last: Glyph, glyph: Glyph) -> bool:
    size = max(last.size, glyph.size, 1.0)
    if abs(glyph.top - last.top) > 0.3 * size:
        return True
    gap = glyph.x0 - last.x1
    return gap > WORD_GAP * size or gap < -0.5 * size


def _flush(run: list[Glyph], words: list[Word]) -> None:
    if not run:
        return
    text = "".join(g.text for g in run).translate(LIGATURES)
    words.append(
        Word(
            text=text,
            x0=run[0].x0,
            x1=max(g.x1 for g in run),
            top=min(g.top for g in run),
            bottom=max(g.bottom for g in run),
            size=max(g.size for g in run),
        )
    )
    run.clear()


def _drop_redrawn_words(words: list[Word]) -> list[Word]:
    seen: dict[str, list[Word]] = {}
    kept: list[Word] = []
    for word in words:
        same_text = seen.setdefault(word.text, [])
        if any(_same_place(word, other) for other in same_text):
            continue
        same_text.append(word)
        kept.append(word)
    return kept


def printed_lines(page: int, words: Iterable[Word]) -> list[PrintedLine]:
    """The page's words grouped into printed lines, top to bottom.

    A word belongs to the line whose vertical extent holds its middle, so cells of one table row
    and words in different fonts on one baseline end up on one line.
    """
    lines: list[list[Word]] = []
    top = bottom = 0.0
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        if lines and top <= middle <= bottom:
            lines[-1].append(word)
            bottom = max(bottom, word.bottom)
            continue
        lines.append([word])
        top, bottom = word.top, word.bottom
    return [PrintedLine.of(page, line) for line in lines]
