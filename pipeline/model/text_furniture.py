"""Page furniture in text exports: form feeds, running headers and footers, page numbers.

Some word processors' text exports keep the printed pages: a form feed between pages, the running
header ("Umeå kommun – Kommunkompassen 2007") and a page number ("3 (28)", "Sida 3 av 28") at
each page's top or bottom. Left in, they cut a table, a list or a paragraph in two. They are
removed here, as the PDF reader removes them from PDFs, and the break is closed up where the text
on both sides belongs together (table rows, list items, a sentence that goes on). Line numbers
stay those of the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from pipeline.model.marks import BULLET_GLYPH_CLASS, PAGE_NUMBER


@dataclass(frozen=True)
class Line:
    """A line of a text export and its 1-based number in the file."""

    text: str
    number: int

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


FORM_FEED = "\f"
# Page numbers that can only be page numbers, also where a text export has no form feeds.
STRICT_PAGE_NUMBER = regex.compile(
    r"^\s*(?:\d{1,3}\s*\(\s*\d{1,3}\s*\)|(?:sida|page)\s+\d{1,3}(?:\s+(?:av|of)\s+\d{1,3})?|[-–]\s*\d{1,3}\s*[-–])\s*$",
    regex.IGNORECASE,
)
DIGITS = regex.compile(r"\d+")
# A number alone on a line: a page number, or a table's value that a raw export put on a line of its
# own at the page's end ("6 Kommunen som arbetsgivare –" / "personalpolitik" / "73").
BARE_NUMBER = regex.compile(r"^\s*(?P<page>\d{1,3})\s*$")
# Pages whose bare numbers must run with the pages alike before they are read as page numbers.
MIN_NUMBERED_PAGES = 2
# How many non-blank lines at a page's top and bottom may be furniture.
ZONE = 3
# A line is a running header or footer when it stands in the zone of this share of the pages.
MIN_SHARE = 0.5
# A sentence, a lead-in or a heading that is complete: the text after a break starts afresh.
ENDS_BLOCK = regex.compile(r"[.!?:]\s*$")
BULLET_START = regex.compile(rf"^\s*(?:(?:[-–]|{BULLET_GLYPH_CLASS})\s|\d{{1,2}}[.)]\s|[a-z]\)\s)")


def remove_furniture(texts: Sequence[str]) -> list[tuple[int, str]]:
    """The lines of a text export (numbered from 1) without page furniture.

    Page breaks are closed up where the text goes on across them.
    """
    lines = [Line(text, number) for number, text in enumerate(texts, start=1)]
    has_pages = any(FORM_FEED in line.text for line in lines)
    if not has_pages and not any(STRICT_PAGE_NUMBER.match(line.text) for line in lines):
        return [(line.number, line.text) for line in lines]
    pages = _pages(lines)
    furniture = _furniture(pages) if len(pages) > 1 else set()
    furniture |= {id(line) for page in pages for line in page if STRICT_PAGE_NUMBER.match(line.text)}
    kept: list[Line] = []
    blanks: list[Line] = []  # blank lines not yet known to stay
    at_break = False
    for page in pages:
        at_break = at_break or page is not pages[0]
        for line in page:
            if id(line) in furniture:
                at_break = True
            elif line.is_blank:
                blanks.append(line)
            else:
                previous = next((kept_line for kept_line in reversed(kept) if not kept_line.is_blank), None)
                if at_break and previous is not None and _goes_on(previous, line):
                    blanks = []
                kept.extend(blanks)
                kept.append(line)
                blanks, at_break = [], False
    return [(line.number, line.text) for line in (*kept, *blanks)]


def _pages(lines: Sequence[Line]) -> list[list[Line]]:
    """The lines split into pages at form feeds, the form feeds taken out of the text."""
    pages: list[list[Line]] = [[]]
    for line in lines:
        if FORM_FEED in line.text:
            if pages[-1]:
                pages.append([])
            line = Line(line.text.replace(FORM_FEED, ""), line.number)
        pages[-1].append(line)
    return pages


def _furniture(pages: list[list[Line]]) -> set[int]:
    """The ids of the lines that are running headers, footers or page numbers."""
    zones = [_zone(page) for page in pages]
    # A running header stands at the pages' tops, a footer at their bottoms: a line that recurs
    # once at a page's end and once at another's top is text (a table's label wrapped, "… –" /
    # "personalpolitik", at one page's end, and a heading's rest at the next one's top).
    counts = Counter(
        (end, key)
        for page in pages
        for end, zone in enumerate(_ends(page))
        for key in {_key(line) for line in zone if not _bare(line)}
    )
    needed = max(2, int(len(pages) * MIN_SHARE))
    numbered = _numbering(zones)
    return {
        id(line)
        for index, (page, zone) in enumerate(zip(pages, zones, strict=True))
        for line in zone
        if (_bare(line) and _page_offset(line, index) in numbered)
        or (
            not _bare(line)
            and (
                PAGE_NUMBER.match(line.text)
                or any(counts[(end, _key(line))] >= needed for end, z in enumerate(_ends(page)) if line in z)
            )
        )
    }


def _bare(line: Line) -> bool:
    return BARE_NUMBER.match(line.text) is not None


def _page_offset(line: Line, index: int) -> int:
    """How far a bare number stands from its page's place in the file (a page number's is the same
    on every page)."""
    match = BARE_NUMBER.match(line.text)
    return int(match["page"]) - index if match else 0


def _numbering(zones: list[list[Line]]) -> set[int]:
    """The offsets from the pages' places at which bare numbers in the pages' top and bottom lines
    are page numbers: those that hold on several pages. A number that fits no page's place (a value
    of a table broken at the page's end) is no page number."""
    counts = Counter(
        offset
        for index, zone in enumerate(zones)
        for offset in {_page_offset(line, index) for line in zone if _bare(line)}
    )
    return {offset for offset, count in counts.items() if count >= MIN_NUMBERED_PAGES}


def _zone(page: list[Line]) -> list[Line]:
    text = [line for line in page if not line.is_blank]
    return text[:ZONE] + text[-ZONE:] if len(text) > 2 * ZONE else text


def _ends(page: list[Line]) -> tuple[list[Line], list[Line]]:
    """The non-blank lines at the page's top and at its bottom that may be furniture (a short
    page's lines are in both)."""
    text = [line for line in page if not line.is_blank]
    return text[:ZONE], text[-ZONE:]


def _key(line: Line) -> str:
    return DIGITS.sub("#", " ".join(line.text.split())).casefold()


def _goes_on(previous: Line, following: Line) -> bool:
    """Whether ``following`` continues the table, list or sentence ``previous`` is part of."""
    if "\t" in previous.text and "\t" in following.text:
        return True
    if BULLET_START.match(previous.text) and BULLET_START.match(following.text):
        return True
    return not ENDS_BLOCK.search(previous.text) and following.text.strip()[:1].islower()
