"""The words a report's headings are made of, declared once for the extractors and the PDF reader.

The list labels ("Styrkor", "Förbättringsområden" and their other wordings) tell the extractors
which list is which; the same words, with the area and chapter headings, tell the PDF reader that
a line starts a block of its own and never continues the bullet or paragraph printed above it
(a page break or a full line can otherwise join them).
"""

from __future__ import annotations

import regex

from pipeline.editions.edition_lookup import AREA_WORD, area_number_pattern

STRENGTH, IMPROVEMENT = "strength", "improvement"

_STRENGTH_WORDS = r"(?:styrkor|starka\s+sidor|starka\s+områden|styrkeområden|framgångsfaktorer)"
_IMPROVEMENT_WORDS = (
    r"(?:förbättringsområden|förbättringsområde|utvecklingsområden|utvecklingsområde|förbättringsmöjligheter|"
    r"utvecklingsmöjligheter|svagheter|förbättringsförslag|utvecklingsförslag|förslag\s+till\s+förbättringar|"
    r"områden\s+att\s+utveckla|områden\s+att\s+förbättra|att\s+utveckla|att\s+förbättra)"
)
# A word before the label ("Kommunens styrkor", "Prioriterade förbättringsförslag") and what it
# concerns after ("Styrkor inom området", "Förbättringsområden för offentlighet och demokrati").
_BEFORE = r"(?:(?:kommunens|områdets|identifierade|viktiga|tydliga|prioriterade|möjliga|främsta|övriga)\s+)?"
_AFTER = r"(?:\s+(?:inom|för|i)\s+[\p{L} ,/–—-]{1,60})?"
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
# Headings of the parts of an area section and of the report's chapters, by their first words:
# "Område 2 – ...", "Huvudområde 3", "Sammanfattning samhällsutveckling", "Allmänt", "Innehåll".
SECTION_HEADING_START = regex.compile(
    rf"^(?:{AREA_WORD}\s+{area_number_pattern()}\b|Sammanfattning\b|SAMMANFATTNING\b|Allmänt$|ALLMÄNT$|"
    r"Innehåll\b|Poängsammanställning\b|Översikt\s+av\s+poängfördelning\b|Kortfakta\b)"
)


def is_known_heading(text: str) -> bool:
    """Whether ``text`` (a line or its start) is a heading by its words: a list label, an area's
    or chapter's heading."""
    stripped = " ".join(text.split())
    if not stripped[:1].isupper():
        return False  # a heading starts with a capital; a wrapped line of prose may not
    return bool(SECTION_HEADING_START.match(stripped)) or any(
        pattern.match(stripped) for pattern in LIST_LABELS.values()
    )
