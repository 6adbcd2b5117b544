"""The area sections: where the report discusses each of the eight areas in prose.

A chapter of the report walks through the areas one by one, each under a heading such as

    Område 3 Tydlighet i samspelet politiker – tjänstemän

followed by the sub-questions the area covers ("- 3.1 Hur är kvaliteten på
målformuleringsarbetet?"), the evaluators' prose, and the lists of Styrkor and
Förbättringsområden. A section runs to the next area heading; the last one to the next top-level
numbered heading ("4 Poängsammanställning") or to the score table, whichever comes first.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from extractors.area_headings import (
    MAX_HEADING_LENGTH,
    NOT_A_HEADING_END,
    HeadingCandidate,
    heading_candidate,
    increasing_run,
    is_single_cell,
)
from extractors.bullets import bullet_text
from extractors.prose import STARTS_LOWERCASE, heading_text, join_wrapped, strip_markup
from pipeline.editions.edition_lookup import area_number_pattern, question_id_pattern
from pipeline.model.document import Document, Line
from pipeline.model.records import AreaHeading, ListedQuestion

# "3 Detaljerad genomgång ...", "4 Poängsammanställning": a top-level numbered heading.
CHAPTER_HEADING = regex.compile(r"^(?P<number>\d{1,2})\.?\s+\p{Lu}")
# "4. Framgångsrik ...", "4) ...": the number of a line that may be an item of a numbered list.
ITEM_NUMBER = regex.compile(r"^(?P<number>\d{1,2})(?P<punctuation>[.)]?)\s")
# Chapters that follow the area sections in every edition.
KNOWN_CHAPTER = regex.compile(r"poängsammanställning|poängfördelning|kortfakta|bilag", regex.IGNORECASE)
# Rows of the score or summary table ("1.1 Hur informeras medborgarna?  40  28", "1:1 Lönepolitik
# 26,5  30", the id in a cell of its own: "3.1     Samverkan    8    10"; "TOTALT  497") and the
# score table's column header ("Max- poäng  Egna poäng") end the last section.
TABLE_ROW_LABEL = regex.compile(
    rf"^(?:{area_number_pattern()}(?:[.:]\d{{1,2}})?\.?\s+\S|{area_number_pattern()}[.:]\d{{1,2}}\.?$|totalt\b)",
    regex.IGNORECASE,
)
TABLE_HEADER_CELL = regex.compile(r"^(?:max\W*poäng|egna\s+poäng)$", regex.IGNORECASE)
NUMERIC_CELL = regex.compile(r"^[+\-−–]?\d+(?:[.,]\d+)?$")
# "- 1.1 Hur informeras invånarna?": a sub-question listed at the top of a section.
LISTED_QUESTION = regex.compile(rf"^(?P<id>{question_id_pattern()})\.?\s+(?P<text>\S.*)$")
QUESTION_END = regex.compile(r"[?.!]$")
# The question list starts within this many non-blank lines of the heading.
QUESTION_LIST_REACH = 3


@dataclass(frozen=True)
class AreaSection:
    """One area's section: its heading and the lines after it up to the section's end."""

    area: int
    printed_name: str
    heading: Line
    body: tuple[Line, ...]
    # Found by its name alone, without a number or "Område" to say it heads an area.
    by_name_only: bool = False


@dataclass(frozen=True)
class Sections:
    sections: tuple[AreaSection, ...]
    headings: tuple[AreaHeading, ...]
    listed_questions: tuple[ListedQuestion, ...]


def extract_sections(doc: Document) -> Sections:
    """The area sections, their headings (context ``section_heading``) and listed sub-questions."""
    sections = find_area_sections(doc)
    headings = tuple(
        AreaHeading(
            section.area,
            section.printed_name,
            "section_heading",
            section.heading.page,
            section.heading.number,
        )
        for section in sections
    )
    questions = tuple(q for section in sections for q in listed_questions(section))
    return Sections(sections, headings, questions)


def find_area_sections(doc: Document) -> tuple[AreaSection, ...]:
    """The area sections of ``doc`` in reading order (empty if it has no area headings).

    Headings that say they are an area's ("Område 3 ...") or number an area's name are taken as
    printed; only when a report has none are headings given by the name alone used, in order.
    """
    lines = doc.lines
    found = [c for i in range(len(lines)) if (c := heading_candidate(lines, i))]
    numbered = [c for c in found if not c.named_only]
    candidates = _drop_contents_entries(lines, numbered or [c for c in found if c.named_only])
    if not numbered:
        candidates = increasing_run(candidates)
    if not candidates:
        return ()
    candidates, end = _walkthrough(lines, candidates)
    starts: list[HeadingCandidate] = []
    for candidate in candidates:
        # A running page header repeats its heading word for word; it starts nothing new.
        if candidate.index < end and all(candidate.text != seen.text for seen in starts):
            starts.append(candidate)
    sections = []
    for position, start in enumerate(starts):
        stop = starts[position + 1].index if position + 1 < len(starts) else end
        body = lines[start.index + start.lines_used : stop]
        sections.append(AreaSection(start.area, start.name, lines[start.index], body, start.named_only))
    return tuple(sections)


def _drop_contents_entries(
    lines: Sequence[Line], candidates: list[HeadingCandidate]
) -> list[HeadingCandidate]:
    """The candidates that head a section, not a table of contents.

    A table of contents lists headings with nothing but blank lines between them; a section's
    heading is followed by its content. Two headings that only meet in reading order are not
    adjacent: where a page is read column by column, the right column's first heading (printed
    further up the page) may follow the left column's last one.
    """

    def adjacent(first: HeadingCandidate, second: HeadingCandidate) -> bool:
        above, below = lines[first.index], lines[second.index]
        if above.page == below.page and below.number < above.number:
            return False
        between = lines[first.index + first.lines_used : second.index]
        return all(line.is_blank for line in between)

    in_run = {
        id(candidate)
        for first, second in itertools.pairwise(candidates)
        if adjacent(first, second)
        for candidate in (first, second)
    }
    return [candidate for candidate in candidates if id(candidate) not in in_run]


def _walkthrough(
    lines: Sequence[Line], candidates: list[HeadingCandidate]
) -> tuple[list[HeadingCandidate], int]:
    """The candidates of the chapter that walks through the areas, and the index where it ends.

    Candidates fall into runs, each ended by a chapter heading or a score table; a row of the
    summary table wrapped by a PDF ("3 Tydlighet i samspelet mellan politiker och") reads like an
    area heading but is alone in its run, before the chapter that heads most areas.
    """
    runs: list[tuple[list[HeadingCandidate], int]] = []
    rest = candidates
    while rest:
        end = _end_of_sections(lines, rest)
        runs.append(([c for c in rest if c.index < end], end))
        rest = [c for c in rest if c.index >= end]
    # The walkthrough's sections hold prose: a run of score tables' own headings ("1 Samspel ..."
    # over its rows, in a chapter of per-area tables) may name more areas where two columns of a
    # scan run a heading into another ("4 Effektivitet 6 Kvalitetsutveckling").
    return max(runs, key=lambda run: (len(_areas_with_prose(lines, *run)), len({c.area for c in run[0]})))


# A line of prose or of a list: this many words at least, in one cell.
PROSE_WORDS = 3


def _areas_with_prose(lines: Sequence[Line], run: list[HeadingCandidate], end: int) -> set[int]:
    """The areas of a run whose sections hold a line of prose or a list's item (a line of words
    in one cell), not only a table's rows."""
    stops = [*(c.index for c in run[1:]), end]
    return {
        candidate.area
        for candidate, stop in zip(run, stops, strict=True)
        if any(
            len(line.cells) == 1 and len(line.text.split()) >= PROSE_WORDS
            for line in lines[candidate.index + candidate.lines_used : stop]
        )
    }


def _end_of_sections(lines: Sequence[Line], candidates: list[HeadingCandidate]) -> int:
    """The index of the first line after the first area heading where no area section goes on."""
    chapter = _chapter_number(lines, candidates[0].index)
    headings = {candidate.index for candidate in candidates}
    return next(
        (
            index
            for index in range(candidates[0].index + 1, len(lines))
            if index not in headings
            and _ends_sections(lines[index], chapter)
            and not _in_enumeration(lines, index)
        ),
        len(lines),
    )


def _in_enumeration(lines: Sequence[Line], index: int) -> bool:
    """Whether the numbered line at ``index`` is an item of a numbered list, not a chapter heading.

    "4. Framgångsrik presstrategi" follows "3. ..." printed the same way; a chapter heading follows
    a chapter's text. A heading in a known chapter's words ("4. Översikt av poängfördelning") is a
    chapter even after a list that happens to end with item 3.
    """
    text = heading_text(lines[index])
    number = ITEM_NUMBER.match(text)
    if number is None or KNOWN_CHAPTER.search(text):
        return False
    value, style = int(number["number"]), number["punctuation"]
    neighbours = [_item_near(lines, index, -1), _item_near(lines, index, 1)]
    return any(
        other is not None and other["punctuation"] == style and abs(int(other["number"]) - value) == 1
        for other in neighbours
    )


# The item before may have wrapped over this many lines.
ITEM_LINES = 3


def _item_near(lines: Sequence[Line], index: int, step: int) -> regex.Match[str] | None:
    """The number of the list item next to ``lines[index]`` in the direction ``step``: the
    nearest numbered line, past the wrapped lines of the item before ("3. Medarbetarsamtal med
    tydlig koppling" / "till mål")."""
    position = index
    for _ in range(ITEM_LINES):
        near = _non_blank_near(lines, position, step)
        if near is None:
            return None
        if number := ITEM_NUMBER.match(heading_text(lines[near])):
            return number
        if step > 0 or not STARTS_LOWERCASE.match(lines[near].stripped):
            return None
        position = near
    return None


# Blank lines an item may stand from the next: a page break between them leaves several (the
# running footer and header taken out).
ITEM_GAP = 6


def _non_blank_near(lines: Sequence[Line], index: int, step: int) -> int | None:
    position = index + step
    for _ in range(ITEM_GAP):
        if not 0 <= position < len(lines):
            return None
        if not lines[position].is_blank:
            return position
        position += step
    return None


def _chapter_number(lines: Sequence[Line], first_heading: int) -> int | None:
    """The number of the chapter the area sections are in: its heading is the last one before."""
    for line in reversed(lines[:first_heading]):
        if _is_chapter_heading(line):
            match = CHAPTER_HEADING.match(heading_text(line))
            return int(match["number"]) if match else None
    return None


def _is_chapter_heading(line: Line) -> bool:
    text = heading_text(line)
    return bool(
        CHAPTER_HEADING.match(text)
        and is_single_cell(line)
        and len(text) <= MAX_HEADING_LENGTH
        and not NOT_A_HEADING_END.search(text)
    )


# How many chapter numbers on from the area sections' chapter a heading may end them.
NEXT_CHAPTERS = 2


def _ends_sections(line: Line, chapter: int | None) -> bool:
    """A line after which no area section goes on: the next chapter's heading or a score table."""
    if _is_chapter_heading(line):
        match = CHAPTER_HEADING.match(heading_text(line))
        # The next chapter (or the one after it, where a chapter has no heading of its own):
        # "11 Styrdokument" after chapter 3 is a sub-area "1.1" printed or read without its dot.
        if match and (chapter is None or chapter < int(match["number"]) <= chapter + NEXT_CHAPTERS):
            return True
    cells = [cell for cell in line.cells if cell]
    if any(TABLE_HEADER_CELL.match(cell) for cell in cells):
        return True
    is_row = len(cells) >= 2 and TABLE_ROW_LABEL.match(cells[0]) is not None
    # A layout export may set a row's narrow value columns two spaces apart ("26,5  30").
    return is_row and all(NUMERIC_CELL.match(value) for value in cells[-1].split())


def listed_questions(section: AreaSection) -> list[ListedQuestion]:
    """The sub-questions listed at the top of ``section``, in order, wrapped lines joined."""
    found: list[tuple[Line, str, list[str]]] = []
    skipped = 0
    for line in section.body:
        if line.is_blank:
            continue
        text = bullet_text(line)
        match = LISTED_QUESTION.match(strip_markup(line.text if text is None else text))
        if match:
            found.append((line, match["id"], [match["text"]]))
        elif found and not QUESTION_END.search(found[-1][2][-1]) and STARTS_LOWERCASE.match(line.stripped):
            found[-1][2].append(line.stripped)  # a question the PDF wrapped onto the next line
        elif found:
            break
        else:
            skipped += 1
            if skipped >= QUESTION_LIST_REACH:
                break
    return [
        ListedQuestion(section.area, question_id, strip_markup(join_wrapped(parts)), line.page, line.number)
        for line, question_id, parts in found
    ]
