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

from collections.abc import Sequence

import regex

from extractors.bullets import read_bullet_list
from extractors.prose import heading_text
from extractors.sections import AreaSection, find_area_sections
from pipeline.document import Document, Line
from pipeline.records import Observation

STRENGTH, IMPROVEMENT = "strength", "improvement"

# The labels, on a line of their own (a colon may follow), in the wordings reports use: a word
# before ("Kommunens styrkor", "Prioriterade förbättringsförslag") and what they concern after
# ("Styrkor inom området", "Förbättringsområden för offentlighet och demokrati") may come with it.
_STRENGTH_WORDS = r"(?:styrkor|starka\s+sidor|starka\s+områden|styrkeområden|framgångsfaktorer)"
_IMPROVEMENT_WORDS = (
    r"(?:förbättringsområden|förbättringsområde|utvecklingsområden|utvecklingsområde|förbättringsmöjligheter|"
    r"utvecklingsmöjligheter|svagheter|förbättringsförslag|utvecklingsförslag|förslag\s+till\s+förbättringar|"
    r"områden\s+att\s+utveckla|områden\s+att\s+förbättra|att\s+utveckla|att\s+förbättra)"
)
_BEFORE = r"(?:(?:kommunens|områdets|identifierade|viktiga|tydliga|prioriterade|möjliga|främsta|övriga)\s+)?"
_AFTER = r"(?:\s+(?:inom|för|i)\s+[\p{L} ,/–-]{1,80})?"
LIST_LABELS = {
    STRENGTH: regex.compile(rf"^{_BEFORE}{_STRENGTH_WORDS}{_AFTER}\s*:?$", regex.IGNORECASE),
    IMPROVEMENT: regex.compile(rf"^{_BEFORE}{_IMPROVEMENT_WORDS}{_AFTER}\s*:?$", regex.IGNORECASE),
}
# "Utvärderarna vill särskilt lyfta fram följande styrkor:": a lead-in ending in a colon that
# names one kind of list.
LEAD_IN_WORDS = {
    STRENGTH: regex.compile(r"\b(?:styrkor|starka\s+sidor|starka\s+områden)\b", regex.IGNORECASE),
    IMPROVEMENT: regex.compile(
        r"\b(?:förbättringsområden|utvecklingsområden|förbättringsmöjligheter|utvecklingsmöjligheter|"
        r"svagheter|förbättringsförslag|områden\s+att\s+utveckla)\b",
        regex.IGNORECASE,
    ),
}
MAX_LEAD_IN_LENGTH = 120


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

    ``position`` counts from 1 within an area and kind; ``page`` and ``line`` are those of the
    item's first line.
    """
    found: list[Observation] = []
    for section in find_area_sections(doc) if sections is None else sections:
        found.extend(section_observations(section))
    return tuple(found)


def section_observations(section: AreaSection) -> list[Observation]:
    """The strengths and improvement areas listed in one area section."""
    found: list[Observation] = []
    counts = {STRENGTH: 0, IMPROVEMENT: 0}
    body = section.body
    for index, line in enumerate(body):
        kind = list_label(line)
        if kind is None:
            continue
        for item in read_bullet_list(body, index + 1, ends_list=lambda line: list_label(line) is not None):
            counts[kind] += 1
            found.append(
                Observation(section.area, kind, counts[kind], item.text, item.first.page, item.first.number)
            )
    return found
