"""Strengths and improvement areas: the bullets under *Styrkor* and *Förbättringsområden*.

Every area section ends with two bulleted lists:

    Styrkor

    - **Kommunens etablerade styrmodell.**
    ...
    Förbättringsområden

    - **I tertialrapporteringen fortsätta utveckla avvikelser av verksamhet.**

Only lists under these labels are observations; other bullets in a section ("- Steg 1: Kommunen
kartlägger ...", the sub-question list) are not.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

import regex

from extractors.bullets import BULLET, read_bullet_list
from extractors.prose import heading_text
from extractors.sections import AreaSection, find_area_sections
from pipeline.editions.heading_words import LEAD_IN_WORDS, LIST_LABELS
from pipeline.model.document import Document, Line
from pipeline.model.records import Observation

# The labels, on a line of their own (a colon may follow), in every wording reports use, and
# lead-ins ending in a colon that name one kind of list: see :mod:`pipeline.editions.heading_words`.
MAX_LEAD_IN_LENGTH = 120
# Words of a list label printed before its first item on one line.
MAX_LABEL_WORDS = 4
WORD = regex.compile(r"\S+")


def list_label(line: Line) -> str | None:
    """``strength`` or ``improvement`` if ``line`` is the label of such a list, else ``None``."""
    text = heading_text(line)
    if kind := next((kind for kind, pattern in LIST_LABELS.items() if pattern.match(text)), None):
        return kind
    if not text.endswith(":") or len(text) > MAX_LEAD_IN_LENGTH:
        return None
    named = [kind for kind, pattern in LEAD_IN_WORDS.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


def extract_observations(
    doc: Document, sections: Sequence[AreaSection] | None = None
) -> tuple[Observation, ...]:
    """Every strength and improvement area of every area section, in the order printed.

    ``position`` counts from 1 within an area and kind, across the sections of one area (a report
    may head an area twice, "Område 3 …" and later "Område 3 …, fortsättning"); ``page`` and
    ``line`` are those of the item's first line.
    """
    found: list[Observation] = []
    counts: Counter[tuple[int, str]] = Counter()
    for section in find_area_sections(doc) if sections is None else sections:
        found.extend(section_observations(section, counts))
    return tuple(found)


def section_observations(
    section: AreaSection, counts: Counter[tuple[int, str]] | None = None
) -> list[Observation]:
    """The strengths and improvement areas listed in one area section; ``counts`` holds the items
    of each (area, kind) before it, so that positions go on from them."""
    found: list[Observation] = []
    counts = Counter() if counts is None else counts
    body = [part for line in section.body for part in _label_apart(line)]
    for index, line in enumerate(body):
        kind = list_label(line)
        if kind is None:
            continue
        for item in read_bullet_list(body, index + 1, ends_list=lambda line: list_label(line) is not None):
            counts[(section.area, kind)] += 1
            position = counts[(section.area, kind)]
            first = item.first
            found.append(Observation(section.area, kind, position, item.text, first.page, first.number))
    return found


def _label_apart(line: Line) -> tuple[Line, ...]:
    """A line that holds a list's label and its first item ("Förbättringsområden 1. Inför
    medborgarförslag", as a text export of a page in two columns runs them together) as the two
    lines it stands for; any other line as it is. A line of cells is no such line: a PDF's table
    cell beside the label may hold another column's item."""
    if "\t" in line.text:
        return (line,)
    ends = [word.end() for word in WORD.finditer(line.text)][: MAX_LABEL_WORDS + 1]
    for end in ends[:-1]:
        label, rest = line.text[:end].strip(), line.text[end:].strip()
        if list_label(Line(label, line.number)) is not None and BULLET.match(rest):
            return dataclasses.replace(line, text=label), dataclasses.replace(line, text=rest)
    return (line,)
