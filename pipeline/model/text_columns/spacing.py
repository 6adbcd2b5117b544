"""What the readings of a text export's two columns share: the gutter's width and place, a
table's numbers, list marks and the gaps between a line's words."""

from __future__ import annotations

import regex

from pipeline.model.marks import BULLET_GLYPH_CLASS

# The gutter is at least this many spaces wide, the right column starts in the middle of the text.
GUTTER = 2
MIDDLE = (0.3, 0.7)
# How far left of the right column's text its bullet glyphs may stand (characters).
GLYPH_REACH = 6
# A run has at least this many lines holding both columns, and this share of them is words.
MIN_BOTH = 5
PROSE_SHARE = 0.7
# A table's numbers hold a digit: a list's dash alone on its line ("-") is none.
NUMBERS_ONLY = regex.compile(r"^(?=.*\d)[\d\s,.%+\-−–]+$")
# A table row's values as printed, decimal commas ("14,5  20"), none a heading's number ("3.4").
ROW_VALUES = regex.compile(r"^(?:\s*[+\-−–]?\d+(?:,\d+)?(?:\s*%)?)+\s*$")

Numbered = tuple[int, str]


# How much of a page a reading puts in columns: the lines it cut into two halves with text, then
# (where two readings cut as many) the lines of its runs read in columns, so that a reading whose
# runs a line it could not place breaks off counts less than one that reads the page through.
Reach = tuple[int, int]


def table_numbers(right: str) -> bool:
    """Whether the right of a line is a table's numbers, not the end of a sentence ("2021.")."""
    return bool(NUMBERS_ONLY.match(right)) and not right.rstrip().endswith(".")


# A gap of two or more spaces between a line's words; a list glyph or number before it is no half.
GAP = regex.compile(r"(?<=\S) {2,}(?=\S)")
LIST_MARK = regex.compile(rf"^(?:{BULLET_GLYPH_CLASS}|[-–*o]|\d{{1,2}}[.)])$")
LETTER = regex.compile(r"\p{L}")
# A value run into the right column's first word or row id without a space ("20kontakter.",
# "208:2 Kommunens": max points 20, then the row of sub-question 8.2; an area's number is one digit).
GLUED_VALUE = regex.compile(r"[+\-−–]?\d+?(?:,\d+)?(?=\p{L}|[1-9][.:]\d{1,2}\b)")


def after_list_mark(text: str, position: int) -> bool:
    """Whether the gap at ``position`` follows a list glyph or number that stands alone (at the line's
    start or after a gap of its own): the space between an item's mark and its text, in either
    column, parts no halves."""
    before = text[:position]
    mark = before.split()[-1] if before.strip() else ""
    ahead = before[: len(before) - len(mark)]
    return bool(LIST_MARK.match(mark)) and (not ahead.strip() or ahead.endswith("  "))


# A word, one space and the next word: where two columns touch; the right column's word may start
# a character left or right of where it starts on the lines around (a word processor's export
# sets it line by line).
ONE_SPACE = regex.compile(r"\S \S")
