"""Lines of ink that Tesseract read no word from, cut out to be read again on their own.

Read as one uniform block of text (the mode that reads the small numbers of table cells),
Tesseract passes over lines far larger than the page's body text that hold only capitals and
digits: a title page's "ANALYS AV", "NACKA KOMMUN", "2021" set in 18 points over 10-point text
come back as nothing while the same lines read alone are read whole. A band of rows with ink
where no word was read is such a line (or a picture); the bands go on a white sheet of the page's
size, at their places, so that their words come back with their boxes on the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from PIL.Image import Image

# A row holds ink where at least this many pixels are ink (fewer are dust).
INK_PIXELS = 3
# A band lower than this (points) is a speck, a rule or what is left of one, not a line of type.
LOWEST_LINE = 6.0


def unread_bands(ink: np.ndarray, read: list[tuple[int, int]], dpi: float) -> list[tuple[int, int]]:
    """The bands of rows (first, end) of the boolean image ``ink`` that hold a line of ink at
    least :data:`LOWEST_LINE` points high and overlap none of the ``read`` word spans (top, bottom
    in pixels)."""
    inked = (ink.sum(axis=1) >= INK_PIXELS).astype(np.int8)
    edges = np.diff(np.concatenate(([0], inked, [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    lowest = LOWEST_LINE * dpi / 72.0
    return [
        (int(start), int(end))
        for start, end in zip(starts, ends, strict=True)
        if end - start >= lowest and not any(top < end and bottom > start for top, bottom in read)
    ]


def sheet_of_bands(image: Image, bands: list[tuple[int, int]]) -> Image:
    """A white page of ``image``'s size with only the ``bands`` of rows of ``image`` on it."""
    from PIL import Image as PilImage

    grey = image.convert("L")
    sheet = PilImage.new("L", grey.size, 255)
    for start, end in bands:
        sheet.paste(grey.crop((0, start, grey.width, end)), (0, start))
    return sheet
