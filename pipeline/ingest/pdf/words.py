"""Step 2, words: runs of glyphs, and what a word says about lists (bullet glyphs, enumerators).

The glyphs come from ``glyphs`` in drawing order; a word ends at a space glyph, a gap or a jump.
A page's words and ruling lines make its :class:`PageText`, all that the later steps need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import regex

from pipeline.ingest.pdf.glyphs import Glyph, Ruling, TextBox
from pipeline.model.document import WordBox
from pipeline.model.marks import BULLET_GLYPHS

# A glyph drawn again within this fraction of the font size of itself is the same glyph: some
# printers make bold by drawing text twice, shifted by a fraction of a point ("fake bold").
DUPLICATE_TOLERANCE = 0.15
# Glyphs further apart than this fraction of the font size belong to different words, also when
# the PDF draws no space glyph between them.
WORD_GAP = 0.2
# Typographic ligatures that word processors draw as one glyph; the text export spells them out.
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


# A glyph the PDF's fonts do not map to text, which pdfminer writes as "(cid:127)"; at the start
# of a list item it is the bullet (WinAnsi fonts draw "•" from unassigned codes like 127).
UNMAPPED_GLYPH = regex.compile(r"^\(cid:\d+\)")
DASHES = frozenset({"-", "–", "—"})
# Word's second-level bullet is a typed "o" (in Courier New) before the item's text.
SECOND_LEVEL_BULLET = "o"
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
    return (
        bullet_glyph(text) == text
        or text in DASHES
        or text == SECOND_LEVEL_BULLET
        or bool(ENUMERATOR.match(text))
    )


class Word(TextBox):
    """A run of glyphs: its text (ligatures spelled out), box and largest font size."""

    __slots__ = ()  # as lean as the tuple it is


def word_boxes(words: Iterable[Word]) -> tuple[WordBox, ...]:
    """``words`` as the document model keeps them: text and box, rounded to 0.01 point."""
    return tuple(
        WordBox(w.text, round(w.x0, 2), round(w.top, 2), round(w.x1, 2), round(w.bottom, 2)) for w in words
    )


class Gutter(NamedTuple):
    """The gutter between two columns of prose that a scanned page's image shows: its middle
    (``x``) and the band of the page the columns run through (``top`` to ``bottom``), in points."""

    x: float
    top: float
    bottom: float


@dataclass(frozen=True)
class PageText:
    """What one page holds: its words and ruling lines (``number`` is 1-based), the words of its
    text layer a reader cannot see (``hidden``), the share of it images cover, and on a scanned
    page the gutter its image shows between two columns (``gutter``, see
    :mod:`pipeline.ingest.pdf.image_columns`)."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Ruling, ...] = ()
    hidden: tuple[Word, ...] = ()
    image_share: float = 0.0
    gutter: Gutter | None = None


def words_from_glyphs(glyphs: Iterable[Glyph]) -> list[Word]:
    """Words as runs of glyphs in drawing order, split at spaces, gaps and jumps.

    A glyph drawn a second time on top of the previous one is skipped, and so is a whole word drawn
    again on top of itself: both are how fake bold is printed, and both would double the letters.
    """
    # The loop runs once per glyph of the document, so the checks are inlined (the same tests,
    # in the same arithmetic, as _same_place and the word break they used to call).
    words: list[Word] = []
    run: list[Glyph] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        text = glyph.text
        if previous is not None and text == previous.text and _same_place(glyph, previous):
            continue
        previous = glyph
        if not text or text.isspace():
            if run:
                words.append(_word(run))
                run = []
            continue
        if run:
            last = run[-1]
            size = max(last.size, glyph.size, 1.0)
            gap = glyph.x0 - last.x1
            if abs(glyph.top - last.top) > 0.3 * size or gap > WORD_GAP * size or gap < -0.5 * size:
                words.append(_word(run))
                run = []
        run.append(glyph)
    if run:
        words.append(_word(run))
    return _drop_redrawn_words(words)


def _same_place(a: Glyph | Word, b: Glyph | Word) -> bool:
    tolerance = min(1.0, DUPLICATE_TOLERANCE * max(a.size, 1.0))
    return abs(a.x0 - b.x0) <= tolerance and abs(a.top - b.top) <= tolerance


def _word(run: list[Glyph]) -> Word:
    texts, _, x1s, tops, bottoms, sizes, _ = zip(*run, strict=True)
    return Word("".join(texts).translate(LIGATURES), run[0].x0, max(x1s), min(tops), max(bottoms), max(sizes))


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
