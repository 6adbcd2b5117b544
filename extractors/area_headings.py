"""Headings that open an area section, in every form reports print them.

- "Område 1 Offentlighet och demokratisk kontroll", "Huvudområde 2: ...", "OMRÅDE 3 ...";
- "Område 1" on a line of its own with the name on the next (the 2010 edition's layout);
- "1 Offentlighet ..." or "1. Offentlighet ..." (areas numbered as chapters);
- "3.1 Offentlighet ..." (areas numbered as sub-chapters of the chapter that walks through them);
- the name alone ("Offentlighet och demokrati", "PERSONALPOLITIK").

Only the first form names itself as an area; the others are taken as headings when the name is one
of an area's wordings in an edition of the tool (and, for numbered forms, its number is that area's),
since chapters, sub-chapters and sub-areas are numbered and named the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from extractors.bullets import bullet_text, is_enumeration
from extractors.prose import heading_text, join_wrapped
from pipeline.editions.edition import load_editions, name_tokens
from pipeline.editions.edition_lookup import AREA_WORD, area_number_pattern, denoting_editions
from pipeline.model.document import Line

# The name starts with a capital letter, so that a PDF line of prose ("Område 5 är ett av ...") is
# no heading.
_AREA = area_number_pattern()
AREA_HEADING = regex.compile(rf"^{AREA_WORD}\s+(?P<area>{_AREA})\s*[.:–—-]?\s+(?P<name>\p{{Lu}}.*?)$")
AREA_NUMBER_ONLY = regex.compile(rf"^{AREA_WORD}\s+(?P<area>{_AREA})\s*[.:–—-]?$")
NUMBERED_AREA_HEADING = regex.compile(rf"^(?P<area>{_AREA})\.?\s+(?P<name>\p{{Lu}}.*?)$")
SUB_CHAPTER_AREA_HEADING = regex.compile(rf"^\d{{1,2}}\.(?P<area>{_AREA})\.?\s+(?P<name>\p{{Lu}}.*?)$")
NAME_ONLY = regex.compile(r"^(?P<name>\p{Lu}[\p{L} ,/–—-]*\p{L})$")
# A heading never ends like a sentence or a clause, and is never long.
NOT_A_HEADING_END = regex.compile(r"[.,;:]$")
MAX_HEADING_LENGTH = 100
STARTS_LOWER = regex.compile(r"^\p{Ll}")
# "Offentlighet och demokrati 61", "... 51 %": a row of a results list, not a heading.
ENDS_WITH_NUMBER = regex.compile(r"\d\s*%?$")
# "Område 1 Offentlighet .......... 5": a table-of-contents entry with dot leaders.
DOT_LEADERS = regex.compile(r"\.{4,}|…{2,}")
# A heading that wraps in a PDF ends with a word that cannot end a name.
UNFINISHED_NAME = regex.compile(r"(?:[–—\-,/]|\b(?:och|i|av|mellan|som|för))$")


@dataclass(frozen=True)
class HeadingCandidate:
    """A line that may open an area section; ``named_only`` when nothing but its name says so."""

    index: int
    area: int
    name: str
    text: str
    lines_used: int
    named_only: bool = False


def is_single_cell(line: Line) -> bool:
    """Whether ``line`` is no table row: it has one non-empty cell."""
    return len([cell for cell in line.cells if cell]) == 1


def heading_like(line: Line) -> str | None:
    """The text of ``line`` if it can be a heading (one short cell, no bullet, no sentence end)."""
    text = heading_text(line)
    if not text or not is_single_cell(line) or len(text) > MAX_HEADING_LENGTH:
        return None
    if DOT_LEADERS.search(text) or (NOT_A_HEADING_END.search(text) and not AREA_NUMBER_ONLY.match(text)):
        return None  # "Huvudområde 2:" with its name on the next line ends in a colon
    if ENDS_WITH_NUMBER.search(text) and not AREA_NUMBER_ONLY.match(text):
        return None
    if bullet_text(line) is not None and not is_enumeration(line):
        return None  # an enumeration item may be a numbered heading; a glyph bullet never is
    return text


def area_of_name(name: str) -> int | None:
    """The area ``name`` is a wording of, in any edition: all its words are the wording's.

    A heading that adds words ("Sammanfattning offentlighet och demokrati") is not an area's name.
    """
    tokens = name_tokens(name)
    if not tokens:
        return None
    return next(
        (area for area, wording in _area_wordings() if tokens <= wording and len(tokens) * 2 >= len(wording)),
        None,
    )


@cache
def _area_wordings() -> tuple[tuple[int, frozenset[str]], ...]:
    """Every edition's wordings of every area, as word sets (built once: headings are many)."""
    return tuple(
        (area.number, name_tokens(variant))
        for edition in load_editions()
        for area in edition.areas
        for variant in (area.name, *area.variants)
    )


def heading_candidate(lines: Sequence[Line], index: int) -> HeadingCandidate | None:
    """The area heading that starts at ``lines[index]``, in any of the forms above, or ``None``."""
    text = heading_like(lines[index])
    if text is None:
        return _heading_wrapped_at_comma(lines, index) or _heading_with_a_stray_mark(lines[index], index)
    if match := AREA_HEADING.match(text):
        name, used = _wrapped_name(lines, index, match["name"].strip())
        return HeadingCandidate(index, int(match["area"]), name, text, used)
    if match := AREA_NUMBER_ONLY.match(text):
        return _name_on_next_line(lines, index, int(match["area"]), text)
    for pattern in (NUMBERED_AREA_HEADING, SUB_CHAPTER_AREA_HEADING):
        if match := pattern.match(text):
            name, used = _wrapped_name(lines, index, match["name"].strip())
            number = int(match["area"])
            if denoting_editions(name, number):
                return HeadingCandidate(index, number, name, text, used)
            return None
    if NAME_ONLY.match(text) and (named := area_of_name(text)) is not None:
        return HeadingCandidate(index, named, text, text, 1, named_only=True)
    return None


# One mark after a heading's last word: a speck a scan's OCR read as a full stop or a colon.
STRAY_END = regex.compile(r"\s*[.:]$")


def _heading_with_a_stray_mark(line: Line, index: int) -> HeadingCandidate | None:
    """A numbered heading whose number and name are an area's wording in an edition (no word more),
    a full stop or a colon after it ("3 Politisk styrning och kontroll:" on a scan, where a speck
    beside the heading was read as a colon): the mark ends no clause when the rest is the heading."""
    text = heading_text(line)
    if not STRAY_END.search(text) or text.endswith("..") or not is_single_cell(line):
        return None
    text = STRAY_END.sub("", text)
    if heading_like(dataclasses.replace(line, text=text)) is None:
        return None
    for pattern in (AREA_HEADING, NUMBERED_AREA_HEADING, SUB_CHAPTER_AREA_HEADING):
        if (match := pattern.match(text)) and area_of_name(match["name"]) == int(match["area"]):
            return HeadingCandidate(index, int(match["area"]), match["name"].strip(), text, 1)
    return None


def _heading_wrapped_at_comma(lines: Sequence[Line], index: int) -> HeadingCandidate | None:
    """A heading a PDF wrapped after a comma in the name ("6. Kommunen som arbetsgivare," /
    "personalpolitik"): the line ends like a clause, so it is read with the next as one heading. A
    blank line may stand between (a layout export's other column had one there)."""
    text = heading_text(lines[index])
    after = next((i for i in range(index + 1, min(index + 3, len(lines))) if not lines[i].is_blank), None)
    following = lines[after] if after is not None else None
    if not text.endswith(",") or following is None or not is_single_cell(following):
        return None
    rest = heading_like(following)
    if rest is None or not STARTS_LOWER.match(rest):
        return None
    joined = join_wrapped([text, rest])
    for pattern in (AREA_HEADING, NUMBERED_AREA_HEADING, SUB_CHAPTER_AREA_HEADING):
        match = pattern.match(joined)
        if match and (pattern is AREA_HEADING or denoting_editions(match["name"], int(match["area"]))):
            used = (after if after is not None else index + 1) - index + 1
            return HeadingCandidate(index, int(match["area"]), match["name"].strip(), joined, used)
    return None


def _wrapped_name(lines: Sequence[Line], index: int, name: str) -> tuple[str, int]:
    following = lines[index + 1] if index + 1 < len(lines) else None
    if UNFINISHED_NAME.search(name) and following is not None and is_single_cell(following):
        return join_wrapped([name, heading_text(following)]), 2
    return name, 1


def _name_on_next_line(lines: Sequence[Line], index: int, area: int, text: str) -> HeadingCandidate | None:
    """ "Område 1" with the area's name on the next non-blank line (blank lines may come between)."""
    following = next((i for i in range(index + 1, min(index + 3, len(lines))) if not lines[i].is_blank), None)
    if following is None:
        return None
    name = heading_like(lines[following])
    if name is None or not regex.match(r"\p{Lu}", name):
        return None
    name, extra = _wrapped_name(lines, following, name)
    return HeadingCandidate(index, area, name, f"{text} {name}", following - index + extra)


def increasing_run(candidates: Sequence[HeadingCandidate]) -> list[HeadingCandidate]:
    """The longest run of candidates whose areas increase, in order.

    Headings given by name alone are trusted only in order: a sub-heading that happens to be an
    area's name ("Personalpolitik" inside another area's section) breaks the order and is left out.
    """
    best: list[list[HeadingCandidate]] = []
    for candidate in candidates:
        before = [run for run in best if run[-1].area < candidate.area]
        best.append([*max(before, key=len, default=[]), candidate])
    return max(best, key=len, default=[])
