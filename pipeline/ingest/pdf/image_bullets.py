"""Bullets Tesseract passed over: a round or square dot of ink just left of a line's first word.

Tesseract often reads a list's bullet as a letter ("e", "«": ``tesseract`` reads those as bullets) and
sometimes not at all: the line then starts with its first word, and the list item is read as
running text. A bullet is a compact, filled mark about half the height of the line's letters,
standing alone a little left of the line; dust is far smaller, and a letter or a digit is not
alone. Such a mark, where no word was read, is read as the bullet it is.

Tesseract also reads a filled square ("▪") as letters of its own choosing ("Hm", "HH", "sm", "Bm"),
one short word at the line's start. Letters are strokes: their ink fills a small part of their box,
and two of them are wider than a bullet. A short first word whose ink is one filled mark the size
of a bullet, set apart from the line's next word by a list's indent, is the bullet, read as such;
so is such a word, also of digits ("8"), that stands where a bullet read on another line does, however
close its text follows: a list's bullets line up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from pipeline.ingest.pdf.render import INK_BELOW
from pipeline.ingest.pdf.tesseract import BULLET, OcrWord
from pipeline.ingest.pdf.word_pairs import Boxes

if TYPE_CHECKING:
    from PIL.Image import Image

# Where a bullet may stand: from this many font sizes left of the line's first word up to it.
REACH = 2.5
# A bullet's width and height, as shares of the line's font size.
MIN_SIZE, MAX_SIZE = 0.2, 0.7
# Columns of ink no further apart than this (pixels) are one mark.
MARK_GAP = 2
# A bullet stands alone: no mark but dust within this many font sizes left of it (a word space is
# a quarter of a font size or more; the letters of a word stand a pixel or two apart).
ALONE = 0.25
# A filled dot covers most of its box (a disc about 0.79, a square 1); a letter's strokes do not.
MIN_FILL = 0.55
# Confidence given to a bullet read from the image: it is a reading kompass made, not Tesseract.
CONFIDENCE = 0.0
# A bullet read as letters: a first word of at most this many characters, none a digit, whose ink
# fills at least MARK_FILL of its box (a square fills it, a disc 0.79; a bold "M" 0.67), no more than
# MARK_ASPECT times as wide as tall or tall as wide (an "I" is a bar), and at least MARK_INDENT
# font sizes left of the next word: a word space or more (a browser sets a list's bullet 0.4 font
# sizes before its text, where a word processor hangs it an indent apart; the words of a line stand
# a quarter to a third apart, and their ink is no filled mark).
# Tesseract's box of such a word may end where the mark does: its ink is looked for MARK_MARGIN font
# sizes above and below the box too.
MARK_READ_AS_LETTERS = 3
MARK_FILL = 0.75
MARK_ASPECT = 2.0
MARK_INDENT = 0.35
MARK_MARGIN = 0.25
# A word's box as wide as a bullet read on another line and this many font sizes from it at either
# end stands where the list's bullets do.
BULLET_ALIGN = 0.15


def find_bullets(
    image: Image, dpi: float, words: Sequence[OcrWord], ink: np.ndarray | None = None
) -> list[OcrWord]:
    """The bullets, as words "•", standing before lines whose first word has no bullet read
    (``ink``: the image's, where the caller has it)."""
    if ink is None:
        ink = np.asarray(image.convert("L")) < INK_BELOW
    pixels_per_point = dpi / 72.0
    bullets = []
    for word in _line_starts(words):
        box = _mark_left_of(ink, word, pixels_per_point)
        if box is not None:
            x0, top, x1, bottom = (value / pixels_per_point for value in box)
            bullets.append(OcrWord(BULLET, x0, x1, top, bottom, word.size, CONFIDENCE))
    return bullets


def bullets_read_as_letters(
    image: Image, dpi: float, words: Sequence[OcrWord], ink: np.ndarray | None = None
) -> tuple[OcrWord, ...]:
    """The words, each first word of a line that is a bullet read as letters (see the module's
    note) read as the bullet "•" in its mark's box; every other word as read."""
    if ink is None:
        ink = np.asarray(image.convert("L")) < INK_BELOW
    pixels_per_point = dpi / 72.0
    starts = {id(word) for word in _line_starts(words)}
    read = []
    for word in words:
        box = None
        under_a_bullet = id(word) in starts and _under_a_bullet(word, words)
        if (
            id(word) in starts and _may_be_a_mark(word.text, digits=under_a_bullet)
            and (under_a_bullet or _indented_before_next(word, words))
        ):  # fmt: skip
            # Where the list's bullets stand, a mark read as letters filled as a lone dot is one (a
            # small disc scanned fills 0.72 of its box: fuzz seed 240020), as left of a line; one
            # read as digits must fill its box as a square does (a heading's bold "4" fills 0.56:
            # fuzz seed 240066).
            fill = MIN_FILL if under_a_bullet and not any(c.isdigit() for c in word.text) else MARK_FILL
            box = _mark_within(ink, word, pixels_per_point, fill)
        if box is None:
            read.append(word)
            continue
        x0, top, x1, bottom = (value / pixels_per_point for value in box)
        read.append(OcrWord(BULLET, x0, x1, top, bottom, word.size, CONFIDENCE))
    return tuple(read)


def _may_be_a_mark(text: str, digits: bool = False) -> bool:
    """Whether ``text`` is short enough to be a mark read as letters; with ``digits``, as digits too
    (where the list's bullets stand, a square was read "8": fuzz seed 240054)."""
    return (
        0 < len(text) <= MARK_READ_AS_LETTERS and text != BULLET
        and (digits or not any(c.isdigit() for c in text))
    )  # fmt: skip


def _indented_before_next(word: OcrWord, words: Sequence[OcrWord]) -> bool:
    """Whether the next word on ``word``'s line stands a list's indent to its right."""
    following = [
        other.x0 for other in words
        if other is not word and other.x0 >= word.x1 and other.top < word.bottom and word.top < other.bottom
    ]  # fmt: skip
    return bool(following) and min(following) - word.x1 >= MARK_INDENT * word.size


def _under_a_bullet(word: OcrWord, words: Sequence[OcrWord]) -> bool:
    """Whether a bullet read on another line stands where ``word`` does, its box within
    BULLET_ALIGN font sizes of the word's at both ends: a list's bullets line up, so a filled mark
    there is one of them however close its text follows (a browser's 0.35 font sizes, a word space
    of the same face: fuzz seed 240000)."""
    reach = BULLET_ALIGN * word.size
    return any(
        other.text == BULLET and abs(other.x0 - word.x0) <= reach and abs(other.x1 - word.x1) <= reach
        and (other.bottom <= word.top or other.top >= word.bottom)
        for other in words
    )  # fmt: skip


def _mark_within(
    ink: np.ndarray, word: OcrWord, scale: float, fill: float
) -> tuple[int, int, int, int] | None:
    """The box (pixels) of the ink in ``word``'s box when it is one mark of a bullet's size and
    shape that fills at least ``fill`` of its box; or None."""
    margin = MARK_MARGIN * word.size
    top, bottom = max(0, int((word.top - margin) * scale)), int((word.bottom + margin) * scale) + 1
    left, right = int(word.x0 * scale), int(word.x1 * scale) + 1
    region = ink[top:bottom, left:right]
    rows = _band_of(region, int(word.top * scale) - top, int(word.bottom * scale) + 1 - top)
    if rows is None:
        return None
    columns = np.flatnonzero(region[rows[0] : rows[-1] + 1].any(axis=0))
    if columns.size == 0 or np.diff(columns).max(initial=0) > MARK_GAP:
        return None  # no ink, or more than one mark
    if rows[0] == 0 or rows[-1] == region.shape[0] - 1:
        return None  # cut by the line's box: part of something taller
    mark = region[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]
    if not _bullet_sized(mark, word.size * scale, fill):
        return None
    width, height = mark.shape[1], mark.shape[0]
    if max(width, height) > MARK_ASPECT * min(width, height):
        return None
    return left + int(columns[0]), top + int(rows[0]), left + int(columns[-1]) + 1, top + int(rows[-1]) + 1


def _band_of(region: np.ndarray, top: int, bottom: int) -> np.ndarray | None:
    """The rows (of ``region``) of the band of ink, between blank rows, that holds most of the ink
    in rows ``top`` to ``bottom`` (a word's own box); None where those rows hold none. The margin
    above and below a word's box may reach the bullet of the line before or after, in a list
    whose lines stand close (a browser's single spacing): that ink is a band of its own."""
    inked = np.flatnonzero(region.any(axis=1))
    if inked.size == 0:
        return None
    bands = np.split(inked, np.flatnonzero(np.diff(inked) > 1) + 1)
    within = [int(region[max(band[0], top) : min(band[-1] + 1, bottom)].sum()) for band in bands]
    best = int(np.argmax(within))
    return bands[best] if within[best] > 0 else None


def _line_starts(words: Sequence[OcrWord]) -> list[OcrWord]:
    """Words with no other word on their line to their left within reach, and not bullets."""
    boxes = Boxes.of(words)
    with_left = np.zeros(len(words), dtype=bool)
    for rows, word in boxes.blocks():
        left = (
            (boxes.x1 <= word.x0 + 0.5) & (boxes.x1 >= word.x0 - REACH * word.size)
            & (boxes.top < word.bottom) & (word.top < boxes.bottom) & boxes.others(word)
        )  # fmt: skip
        with_left[rows] = left.any(axis=1)
    return [word for word, left in zip(words, with_left, strict=True) if word.text != BULLET and not left]


def _mark_left_of(ink: np.ndarray, word: OcrWord, scale: float) -> tuple[int, int, int, int] | None:
    """The box (pixels) of a lone filled mark left of ``word``, the size of a bullet; or None.
    The mark is looked for down to MARK_MARGIN font sizes below the word's box, where descenders
    go: a large square may reach below the baseline (ReportLab's, under a line without
    descenders: fuzz seed 240113)."""
    top, bottom = int(word.top * scale), int((word.bottom + MARK_MARGIN * word.size) * scale) + 1
    left, right = int((word.x0 - REACH * word.size) * scale), int((word.x0 - 0.15 * word.size) * scale)
    if left < 0 or right <= left or bottom <= top:
        return None
    region = ink[top:bottom, left:right]
    columns = np.flatnonzero(region.any(axis=0))
    if columns.size == 0:
        return None
    # The mark nearest the word that is larger than dust; a speck of dust further left is not part
    # of it, nor one between the bullet and the word (a bilevel scan's speck 0.7 pt wide, 1 pt
    # before the word, hid a 5 pt square: fuzz seed 240054).
    marks = [
        mark for mark in np.split(columns, np.flatnonzero(np.diff(columns) > MARK_GAP) + 1)
        if not _dust(region[:, mark[0] : mark[-1] + 1], word.size * scale)
    ]  # fmt: skip
    if not marks:
        return None
    columns = marks[-1]
    if columns[-1] - columns[0] + 1 > MAX_SIZE * word.size * scale:
        return None  # more than one mark
    if len(marks) > 1 and columns[0] - marks[-2][-1] - 1 < ALONE * word.size * scale:
        return None  # a letter of a word, the letter before it close by (a word OCR boxed short)
    # Of its rows, the band with the most ink: a speck above or below the mark, a blank row
    # apart, is dust (a bilevel scan's one-pixel speck over a square: fuzz seed 240064).
    rows = _band_of(region[:, columns[0] : columns[-1] + 1], 0, region.shape[0])
    if rows is None or rows[0] == 0 or rows[-1] == region.shape[0] - 1:
        return None  # cut by the line's box: part of something taller
    if not _bullet_sized(
        region[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1], word.size * scale, MIN_FILL
    ):
        return None
    return left + int(columns[0]), top + int(rows[0]), left + int(columns[-1]) + 1, top + int(rows[-1]) + 1


def _dust(mark: np.ndarray, size: float) -> bool:
    """Whether the ink of ``mark`` (a run of columns, all rows) is smaller than any bullet every way
    for type of ``size`` pixels."""
    rows = np.flatnonzero(mark.any(axis=1))
    return mark.shape[1] < MIN_SIZE * size and rows[-1] - rows[0] + 1 < MIN_SIZE * size


def _bullet_sized(mark: np.ndarray, size: float, fill: float) -> bool:
    """Whether a mark's ink (its box, in pixels) is a bullet's size for type of ``size`` pixels and
    fills at least ``fill`` of its box."""
    low, high = MIN_SIZE * size, MAX_SIZE * size
    height, width = mark.shape
    return low <= width <= high and low <= height <= high and bool(mark.mean() >= fill)
