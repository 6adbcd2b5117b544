"""Two columns of prose in a text export (``pdftotext -layout``): read down the left, then the right.

A layout export keeps a page's two columns side by side on each line, the right one starting at
one character position:

    Området beskriver hur Borås kommun                   Område 7
    arbetar med resultat och effektivitet.               Verksamhetsutveckling

A run of lines is in two columns when the same two positions before that start are free on every
line (no word crosses the gutter; a line may hold the left column alone, or only the right one)
and most lines holding both are words on both sides, not a table's label and numbers. A line
across the gutter, a page break (a form feed, or furniture left out) or a table ends the run.
Each half keeps its line's number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

FORM_FEED = "\f"
# The gutter is at least this many spaces wide, the right column starts in the middle of the text.
GUTTER = 2
MIDDLE = (0.3, 0.7)
# How far left of the right column's text its bullet glyphs may stand (characters).
GLYPH_REACH = 6
# A run has at least this many lines holding both columns, and this share of them is words.
MIN_BOTH = 5
PROSE_SHARE = 0.7
# Where the right column's text starts after a gap of at least the gutter.
RIGHT_START = regex.compile(rf"(?<=\S {{{GUTTER},}})\S")
ENDS_WITH_NUMBER = regex.compile(r"\d[%)]?$")
NUMBERS_ONLY = regex.compile(r"^[\d\s,.%+\-−–]+$")

Numbered = tuple[int, str]


def in_text_columns(lines: Sequence[Numbered]) -> list[Numbered]:
    """``lines`` with every two-column run read down its left column, then down its right.

    Where the right column starts is found page by page: an export may shift it between pages.
    """
    return [line for page in _pages(lines) for line in _page_in_columns(page)]


def _pages(lines: Sequence[Numbered]) -> list[list[Numbered]]:
    """The lines page by page: a page starts with a form feed, or where page furniture was left out."""
    pages: list[list[Numbered]] = []
    for number, text in lines:
        if not pages or FORM_FEED in text or number != pages[-1][-1][0] + 1:
            pages.append([])
        pages[-1].append((number, text))
    return pages


def _page_in_columns(lines: list[Numbered]) -> list[Numbered]:
    start = _right_column_start(lines)
    if start is None:
        return lines
    out: list[Numbered] = []
    run: list[Numbered] = []
    for number, text in lines:
        if run and not _fits(text, start):
            out.extend(_read(run, start))
            run = []
        if _fits(text, start):
            run.append((number, text))
        else:
            out.append((number, text))
    out.extend(_read(run, start))
    return out


def _right_column_start(lines: Sequence[Numbered]) -> int | None:
    """The position where a right column starts on many lines, or ``None``."""
    width = max((len(text.rstrip()) for _, text in lines), default=0)
    starts: Counter[int] = Counter()
    for _, text in lines:
        for match in RIGHT_START.finditer(text):
            if MIDDLE[0] * width <= match.start() <= MIDDLE[1] * width:
                starts[match.start()] += 1
    if not starts or starts.most_common(1)[0][1] < MIN_BOTH:
        return None
    common = starts.most_common(1)[0][0]
    # The right column's bullet glyphs stand a little left of its text: the column starts there.
    return min(s for s, count in starts.items() if count >= MIN_BOTH and common - GLYPH_REACH <= s <= common)


def _fits(text: str, start: int) -> bool:
    """Whether no word of the line crosses the gutter before ``start``, and what stands right of
    it is not a table's numbers."""
    text = text.rstrip()
    if len(text) <= start - GUTTER:
        return True
    return not text[start - GUTTER : start].strip() and not NUMBERS_ONLY.match(text[start:])


def _read(run: list[Numbered], start: int) -> list[Numbered]:
    """The run's left halves, then its right halves, if it is two columns of prose."""
    both = [text for _, text in run if text[: start - GUTTER].strip() and text[start:].strip()]
    words = [text for text in both if not ENDS_WITH_NUMBER.search(text.rstrip())]
    if len(both) < MIN_BOTH or len(words) < PROSE_SHARE * len(both):
        return run
    # A line blank across the page is a gap in both columns; a line one column leaves empty is none.
    left = [(n, text[:start].rstrip()) for n, text in run if text[:start].strip() or not text.strip()]
    right = [(n, text[start:].rstrip()) for n, text in run if text[start:].strip() or not text.strip()]
    return [*left, *right]
