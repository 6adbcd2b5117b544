"""Step 4, furniture: running headers, footers and page numbers, text repeated across pages.

Reports print the organisation at the top of each page ("Sveriges Kommuner och Landsting") and the
page number at the bottom ("12 (27)", "Sida 12 av 27"). They are not part of the text: they would
split a paragraph that runs over a page break, and add mentions of the municipality named in a
header. A line is dropped when it is among the first or last lines of its page and the same text,
digits, dashes, colons and quotes aside, stands at the same height on at least half of the pages that
have text (and on two at least), or when it is a page number matching its page. Heights compare
only between pages of one size: on a page of another size (a landscape table page among portrait
ones) the engine sets the margins otherwise, and a line there is running when its text stands at
the same end of the usual pages as their running line.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import regex

from pipeline.ingest.pdf.printed_lines import PrintedLine
from pipeline.model.marks import PAGE_NUMBER

# Lines at each end of a page that may be a running header or footer.
ZONE_LINES = 2
# Share of the pages a running header or footer must appear on.
MIN_SHARE = 0.5
# How far (points) the same header may move between pages.
POSITION_TOLERANCE = 3.0
DIGITS = regex.compile(r"\d+")
# Dashes, colons and quotes do not tell two running lines apart: OCR reads the same footer "sid 5",
# "-sid:2", "--sid:8" and "sid4" on the pages of one scan. (A decimal comma or stop stays: "# , # #"
# is no "# #".)
PUNCTUATION = regex.compile(r"[^\p{L}\p{N}#,.\s]+")


def drop_running_lines(
    pages: Sequence[Sequence[PrintedLine]], heights: Sequence[float]
) -> list[list[PrintedLine]]:
    """Each page's lines without its running header, footer and page number."""
    running = _running_keys(pages, heights)
    usual = Counter(height for lines, height in zip(pages, heights, strict=True) if lines).most_common(1)
    running_texts = {(text, end) for text, end, _ in running}
    bodies = []
    for lines, height in zip(pages, heights, strict=True):
        zone = {id(line) for line in _zone(lines)}
        other_size = bool(usual) and abs(height - usual[0][0]) > POSITION_TOLERANCE

        def is_running(line: PrintedLine, height: float = height, other_size: bool = other_size) -> bool:
            key = _key(line, height)
            return key in running or (other_size and key[:2] in running_texts) or _is_page_number(line)

        bodies.append([line for line in lines if id(line) not in zone or not is_running(line)])
    return bodies


def _zone(lines: Sequence[PrintedLine]) -> list[PrintedLine]:
    return [*lines[:ZONE_LINES], *lines[ZONE_LINES:][-ZONE_LINES:]]


def _key(line: PrintedLine, height: float) -> tuple[str, str, int]:
    """Text with digits masked, which end of the page, and the distance from that end."""
    # A number stands apart from the words beside it: OCR reads "sid 4" as "sid4" on one page.
    text = " ".join(PUNCTUATION.sub(" ", DIGITS.sub(" # ", line.text)).split()).casefold()
    if line.top < height / 2:
        return text, "top", round(line.top / POSITION_TOLERANCE)
    return text, "bottom", round((height - line.bottom) / POSITION_TOLERANCE)


def _running_keys(
    pages: Sequence[Sequence[PrintedLine]], heights: Sequence[float]
) -> set[tuple[str, str, int]]:
    pages_with: defaultdict[tuple[str, str, int], set[int]] = defaultdict(set)
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        for line in _zone(lines):
            text, end, position = _key(line, height)
            # A position on the border of two buckets counts for both.
            for nearby in (position - 1, position, position + 1):
                pages_with[(text, end, nearby)].add(number)
    # Blank and scanned pages have no header to repeat: counting them would let 24 appended blank
    # pages keep a report's running header in its text, splitting its tables.
    with_text = sum(1 for lines in pages if lines)
    needed = max(2, math.ceil(MIN_SHARE * with_text))
    return {key for key, found in pages_with.items() if len(found) >= needed}


def _is_page_number(line: PrintedLine) -> bool:
    match = PAGE_NUMBER.match(line.text.strip())
    return bool(match) and int(match["page"]) == line.page
