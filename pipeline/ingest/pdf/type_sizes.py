"""The type sizes of scanned pages made to agree: a report is set in a few sizes, a scan measures them.

A word processor's PDF states each glyph's size; a scan only shows ink, and OCR measures a line's
size to within a few per cent (``ocr.type_size``). The layout steps compare sizes closely: a
paragraph goes on while its lines keep their size, a heading is larger than the text under it, a
table's rows share the table's size. So the measured sizes are gathered over the document and read
as the few sizes it is set in: the sizes most words are measured at, each taking the words measured
within a few per cent of it. Where the document also has text pages, their stated sizes are the
sizes to find: a scanned page of a report is set like its text pages.

A size that few words are measured at (one heading) keeps its measure; so does every size when a
page has too few words to say anything.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from pipeline.ingest.pdf.words import PageText

# Words measured within this share of a size are set in it (OCR measures to within 4% for nine
# words in ten; sizes a report uses differ by 15% or more: 8, 10, 12 points).
SAME_SIZE = 0.07
# A measure is read as the nearest size the document is set in when within this share of it (the
# sizes a report uses are further apart).
SNAP_WITHIN = 0.12
# A size is one the document is set in when at least this many words are measured at it.
MIN_WORDS = 8
# A stated size of a text page is the size found when they differ by no more than this share.
STATED_WITHIN = 0.06


def agree_sizes(pages: Mapping[int, PageText], stated: Iterable[float] = ()) -> dict[int, PageText]:
    """The pages with each word's size replaced by the document size it was measured at."""
    measured = sorted(word.size for page in pages.values() for word in page.words)
    counted = Counter(round(size, 1) for size in stated)
    found = _sizes_set(measured, sorted(size for size, count in counted.items() if count >= MIN_WORDS))
    if not found:
        return dict(pages)
    return {
        number: replace(page, words=tuple(w._replace(size=_nearest(w.size, found)) for w in page.words))
        for number, page in pages.items()
    }


def _sizes_set(measured: list[float], stated: list[float]) -> list[float]:
    """The sizes the document is set in: in turn the size that most of the words not yet placed are
    measured at (within :data:`SAME_SIZE`), while at least :data:`MIN_WORDS` are. ``measured`` is
    sorted."""
    left = list(measured)
    found: list[float] = []
    while left:
        windows = [
            (bisect_left(left, size * (1 - SAME_SIZE)), bisect_right(left, size * (1 + SAME_SIZE)))
            for size in left
        ]
        start, end = max(windows, key=lambda window: window[1] - window[0])
        if end - start < MIN_WORDS:
            break
        size = left[(start + end) // 2]
        near = [known for known in stated if abs(known - size) <= STATED_WITHIN * size]
        found.append(min(near, key=lambda known: abs(known - size)) if near else round(size, 1))
        left = [value for value in left if abs(value - size) > SAME_SIZE * size]
    return found


def _nearest(size: float, found: list[float]) -> float:
    """The document size ``size`` was measured at, or ``size`` itself when none is near."""
    nearest = min(found, key=lambda known: abs(known - size))
    return nearest if abs(nearest - size) <= SNAP_WITHIN * nearest else size
