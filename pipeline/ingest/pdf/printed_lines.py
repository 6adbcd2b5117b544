"""Step 3, printed lines: a page's words grouped into the lines they are printed on.

A word belongs to the line whose vertical extent holds its middle, so table cells on one row and
words in different fonts on one baseline make one printed line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.ingest.pdf.words import Word


@dataclass(frozen=True)
class PrintedLine:
    """Words that share a baseline on one page, left to right.

    ``number`` is the 1-based position among the page's body lines (running headers and footers
    not counted); 0 until the lines are numbered. ``column_right`` is set by ``columns``.
    """

    page: int
    words: tuple[Word, ...]
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    number: int = 0
    # Where the text of this line's column ends on the right, for a line of the left column of a
    # page set in two columns, and of the right column where a scan's image shows the gutter (the
    # page's right edge serves every other line).
    column_right: float | None = None

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
