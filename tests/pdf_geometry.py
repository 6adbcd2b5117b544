"""Made-up page geometry for the layout tests: words and lines placed the way word processors do.

Every character is half an em wide and a space a quarter em, so positions are easy to reason about:
at 10 pt a word of n letters is 5n points wide and words stand 2.5 points apart.
"""

from __future__ import annotations

import dataclasses

from pipeline.ingest.pdf.glyphs import Glyph, Ruling
from pipeline.ingest.pdf.printed_lines import PrintedLine
from pipeline.ingest.pdf.words import PageText, Word

SIZE = 10.0
CHAR = SIZE / 2
SPACE = SIZE / 4
LEFT, RIGHT = 72.0, 528.0
PAGE_WIDTH, PAGE_HEIGHT = 600.0, 800.0


def words_at(x: float, top: float, text: str, size: float = SIZE) -> list[Word]:
    """The words of ``text`` set from ``x`` with ordinary spaces."""
    found = []
    for token in text.split():
        width = len(token) * size / 2
        found.append(Word(token, x, x + width, top, top + size, size))
        x += width + size / 4
    return found


def glyphs_at(x: float, top: float, text: str, size: float = SIZE) -> list[Glyph]:
    """One glyph per character of ``text`` (spaces included), as pdfminer reports them."""
    found = []
    for char in text:
        width = size / 4 if char == " " else size / 2
        found.append(Glyph(char, x, x + width, top, top + size, size))
        x += width
    return found


def cells(top: float, *placed: tuple[float, str]) -> list[Word]:
    """Words of table cells, each ``(x, text)``, on one baseline."""
    return [word for x, text in placed for word in words_at(x, top, text)]


def justified(top: float, text: str, left: float = LEFT, right: float = RIGHT) -> list[Word]:
    """A line set justified: its words spread so that the last one ends at ``right``."""
    tokens = text.split()
    widths = [len(token) * CHAR for token in tokens]
    gap = (right - left - sum(widths)) / max(len(tokens) - 1, 1)
    found, x = [], left
    for token, width in zip(tokens, widths, strict=True):
        found.append(Word(token, x, x + width, top, top + SIZE, SIZE))
        x += width + gap
    return found


def line(page: int, top: float, text: str, x: float = LEFT, number: int = 0) -> PrintedLine:
    return dataclasses.replace(PrintedLine.of(page, words_at(x, top, text)), number=number)


def page(number: int, *word_lists: list[Word], rules: tuple[Ruling, ...] = ()) -> PageText:
    return PageText(number, PAGE_WIDTH, PAGE_HEIGHT, tuple(w for words in word_lists for w in words), rules)


def grid_rules(xs: list[float], ys: list[float]) -> tuple[Ruling, ...]:
    """The ruling lines of a grid table: verticals at ``xs``, horizontals at ``ys``."""
    verticals = [Ruling(x, ys[0], x, ys[-1]) for x in xs]
    horizontals = [Ruling(xs[0], y, xs[-1], y) for y in ys]
    return tuple(verticals + horizontals)
