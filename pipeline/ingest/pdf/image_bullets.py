"""Bullets Tesseract passed over: a round or square dot of ink just left of a line's first word.

Tesseract often reads a list's bullet as a letter ("e", "«": ``tesseract`` reads those as bullets) and
sometimes not at all: the line then starts with its first word, and the list item is read as
running text. A bullet is a compact, filled mark about half the height of the line's letters,
standing alone a little left of the line; dust is far smaller, and a letter or a digit is not
alone. Such a mark, where no word was read, is read as the bullet it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from pipeline.ingest.pdf.render import INK_BELOW
from pipeline.ingest.pdf.tesseract import BULLET, OcrWord

if TYPE_CHECKING:
    from PIL.Image import Image

# Where a bullet may stand: from this many font sizes left of the line's first word up to it.
REACH = 2.5
# A bullet's width and height, as shares of the line's font size.
MIN_SIZE, MAX_SIZE = 0.2, 0.7
# Columns of ink no further apart than this (pixels) are one mark.
MARK_GAP = 2
# A filled dot covers most of its box (a disc about 0.79, a square 1); a letter's strokes do not.
MIN_FILL = 0.55
# Confidence given to a bullet read from the image: it is a reading kompass made, not Tesseract.
CONFIDENCE = 0.0


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


def _line_starts(words: Sequence[OcrWord]) -> list[OcrWord]:
    """Words with no other word on their line to their left within reach, and not bullets."""
    starts = []
    for word in words:
        if word.text == BULLET:
            continue
        reach = word.x0 - REACH * word.size
        left = [
            other for other in words
            if other is not word and other.x1 <= word.x0 + 0.5 and other.x1 >= reach
            and other.top < word.bottom and word.top < other.bottom
        ]  # fmt: skip
        if not left:
            starts.append(word)
    return starts


def _mark_left_of(ink: np.ndarray, word: OcrWord, scale: float) -> tuple[int, int, int, int] | None:
    """The box (pixels) of a lone filled mark left of ``word``, the size of a bullet; or None."""
    top, bottom = int(word.top * scale), int(word.bottom * scale) + 1
    left, right = int((word.x0 - REACH * word.size) * scale), int((word.x0 - 0.15 * word.size) * scale)
    if left < 0 or right <= left or bottom <= top:
        return None
    region = ink[top:bottom, left:right]
    columns = np.flatnonzero(region.any(axis=0))
    if columns.size == 0:
        return None
    # The mark nearest the word; a speck of dust further left is not part of it.
    columns = np.split(columns, np.flatnonzero(np.diff(columns) > MARK_GAP) + 1)[-1]
    if columns[-1] - columns[0] + 1 > MAX_SIZE * word.size * scale:
        return None  # more than one mark
    rows = np.flatnonzero(region[:, columns[0] : columns[-1] + 1].any(axis=1))
    if rows.size == 0 or rows[0] == 0 or rows[-1] == region.shape[0] - 1:
        return None  # cut by the line's box: part of something taller
    width, height = columns[-1] - columns[0] + 1, rows[-1] - rows[0] + 1
    low, high = MIN_SIZE * word.size * scale, MAX_SIZE * word.size * scale
    if not (low <= width <= high and low <= height <= high):
        return None
    mark = region[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]
    if mark.mean() < MIN_FILL:
        return None
    return left + int(columns[0]), top + int(rows[0]), left + int(columns[-1]) + 1, top + int(rows[-1]) + 1
