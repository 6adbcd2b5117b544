"""The score and change each area section claims in prose.

Every area section opens with what the area scored, often with the change since an earlier
evaluation, in the same sentence or in one of the next two:

    Inom området offentlighet och demokratisk kontroll uppnår kommunen 73 poäng. En förbättring
    med sju poäng i förhållande till utvärderingen 2005.
    ... uppnår kommunen 79 poäng, vilket är en poäng mindre i förhållande till föregående utvärdering.
    ... uppnår kommunen 78 poäng ett likvärdigt resultat i jämförelse med 2005 års utvärdering ...

Numbers come in digits with decimal commas ("84,5") or in words ("sju", "två och en halv").
"Föregående utvärdering" (and a change that names no year) is resolved to the evaluation year
before the report's in the summary table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from extractors.bullets import bullet_text, read_bullet_list
from extractors.claim_grammar import SCORE_CLAIM, change_phrases, score_is_an_average
from extractors.prose import paragraphs, sentences
from extractors.sections import AreaSection, find_area_sections
from pipeline.editions.edition_lookup import AREA_WORD as AREA_WORD_PATTERN
from pipeline.model.document import Document, Line
from pipeline.model.numbers import parse_quantity
from pipeline.model.records import Claim
from pipeline.model.specks import claim_text

_FLAGS = regex.IGNORECASE

# The section's own score claim names its area ("Inom området ...") when more than one sentence
# of the section claims points.
AREA_WORD = regex.compile(rf"\b{AREA_WORD_PATTERN}", _FLAGS)

# "2005", "2005 års utvärdering": a year the change is measured from.
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "föregående utvärdering", "förra utvärderingen", "förra utvärderingstillfället".
PREVIOUS_EVALUATION = regex.compile(
    r"\b(?:föregående|förra|närmast\s+föregående|senaste|tidigare)\s+"
    r"(?:utvärdering|mätning|bedömning)(?:en|stillfället)?\b",
    _FLAGS,
)
# How many sentences after the score claim may carry its change ("... 98 poäng. Det är den högsta
# poäng som någonsin delats ut inom ett huvudområde och en förbättring med åtta poäng ...").
CHANGE_REACH = 2


@dataclass(frozen=True)
class _Change:
    value: float
    sentence: tuple[int, int]
    span: tuple[int, int]


def previous_evaluation_year(years: Sequence[int], report_year: int | None) -> int | None:
    """The evaluation year before ``report_year`` among ``years`` (the summary table's), or ``None``."""
    if report_year is None:
        return None
    earlier = [year for year in years if year < report_year]
    return max(earlier) if earlier else None


def extract_claims(
    doc: Document,
    years: Sequence[int] = (),
    report_year: int | None = None,
    sections: Sequence[AreaSection] | None = None,
) -> tuple[Claim, ...]:
    """The score claim of every area section, with the change it claims and the year compared with.

    ``years`` are the evaluation years of the summary table and ``report_year`` the year the
    report evaluates; they resolve "föregående utvärdering" to a year.
    """
    previous = previous_evaluation_year(years, report_year)
    found = []
    for section in find_area_sections(doc) if sections is None else sections:
        claim = section_claim(section, previous, report_year)
        if claim is not None:
            found.append(claim)
    return tuple(found)


def prose_lines(body: Sequence[Line]) -> list[Line]:
    """``body`` with the lines of bulleted lists blanked out: claims are made in prose.

    PDFs do not always leave a blank line after a list, so without this the sub-question list
    ("• 6.6 Hur systematisk är ...") would run into the sentence that claims the score.
    """
    in_lists: set[int] = set()  # the ids of the lines that belong to a list item
    for index, line in enumerate(body):
        if id(line) not in in_lists and bullet_text(line) is not None and not _dash_in_sentence(body, index):
            in_lists.update(
                id(item_line) for item in read_bullet_list(body, index) for item_line in item.lines
            )
    return [Line("", line.number, line.page) if id(line) in in_lists else line for line in body]


# A line that ends a sentence (or a heading's colon); a sentence broken off goes on after it.
SENTENCE_END = regex.compile(r"[.!?:]\s*$")
# A dash that opens a line, its words in lower case: "– personalpolitik uppnår …".
DASH_REST = regex.compile(r"^\s*[-–—]\s+\p{Ll}")
# A line of a paragraph has at least this many words (a heading above a list has fewer).
MIN_PROSE_WORDS = 4


def _dash_in_sentence(body: Sequence[Line], index: int) -> bool:
    """Whether the line at ``index``, opening with a dash, goes on with the sentence of the line
    right above it: a name with a dash wrapped before it ("Inom området kommunen som arbetsgivare"
    / "– personalpolitik uppnår kommunen 66,5"), no list item. The line above is a paragraph's
    (words enough, no sentence ended, no bullet of its own) and the dash's words are in lower case;
    a list's items open with a capital, or follow a lead-in ending in a colon or a heading."""
    if index == 0 or not DASH_REST.match(body[index].text):
        return False
    above = body[index - 1]
    return (
        not above.is_blank
        and bullet_text(above) is None
        and len(above.text.split()) >= MIN_PROSE_WORDS
        and SENTENCE_END.search(above.text) is None
    )


# The start of a sentence's rest: a word in lower case or a number ("43,5 poäng i förhållande …").
SENTENCE_REST = regex.compile(r"^\s*(?:\p{Ll}|\d)")


def _over_page_breaks(lines: Sequence[Line]) -> list[Line]:
    """``lines`` without the blank lines inside a sentence a page break cut ("… En förbättring med"
    / blank lines where the running footer was / "43,5 poäng i förhållande till …"): where a line
    breaks off a sentence and the next text line reads as its rest."""
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if line.is_blank and kept and not kept[-1].is_blank:
            after = next((other for other in lines[index + 1 :] if not other.is_blank), None)
            ends = SENTENCE_END.search(kept[-1].text) is not None
            if after is not None and not ends and SENTENCE_REST.match(after.text):
                continue
        kept.append(line)
    return kept


def section_claim(section: AreaSection, previous_year: int | None, report_year: int | None) -> Claim | None:
    """The first claim of an area's score in ``section`` (one naming the area is preferred)."""
    candidates = [
        (paragraph, text, span, match)
        for paragraph in paragraphs(_over_page_breaks(prose_lines(section.body)))
        for text in (claim_text(paragraph.text),)
        for span in sentences(text)
        if (match := score_claim(text, span))
    ]
    if not candidates:
        return None
    named = [c for c in candidates if AREA_WORD.search(c[1], *c[2])]
    paragraph, text, span, match = (named or candidates)[0]
    change = _find_change(text, span, match.span("score"))
    end = change.sentence[1] if change else span[1]
    year, by_previous = (None, False) if change is None else _compared_with(text, change, report_year)
    line = paragraph.line_at(span[0])
    return Claim(
        area=section.area,
        claimed_score=parse_quantity(match["score"]),
        claimed_change=change.value if change else None,
        compared_with_year=previous_year if by_previous else year,
        sentence=paragraph.text[span[0] : end],
        page=line.page,
        line=line.number,
        compared_with_previous=by_previous,
    )


def score_claim(text: str, sentence: tuple[int, int]) -> regex.Match[str] | None:
    """The first claim of a score in ``sentence`` that is not said of an average."""
    return next(
        (
            match
            for match in SCORE_CLAIM.finditer(text, *sentence, overlapped=True)
            if not score_is_an_average(text, sentence[0], match)
        ),
        None,
    )


def _find_change(text: str, claim: tuple[int, int], score: tuple[int, int]) -> _Change | None:
    """The change claimed in the score's sentence, else in one of the next ``CHANGE_REACH``.

    A comparison with an average or another municipality is passed over: it is no change.
    """
    following = [span for span in sentences(text) if span[0] >= claim[1]][:CHANGE_REACH]
    for sentence in [claim, *following]:
        if sentence != claim and score_claim(text, sentence):
            return None  # the next sentence claims another score; its change is not this one's
        for phrase in change_phrases(text, *sentence):
            outside_score = phrase.span[1] <= score[0] or phrase.span[0] >= score[1]
            if outside_score and not phrase.is_comparison:
                return _Change(phrase.value, sentence, phrase.span)
    return None


def _compared_with(text: str, change: _Change, report_year: int | None) -> tuple[int | None, bool]:
    """The year the change is measured from and whether that is the previous evaluation.

    A named year after the change phrase wins ("... i förhållande till utvärderingen 2005"), then
    one before it; the report's own year is never the one compared with. Without a year the change
    is against the previous evaluation, whether the report says so ("föregående utvärdering") or not.
    """
    start, end = change.sentence
    years = [
        (match.start(), int(match.group()))
        for match in YEAR.finditer(text, start, end)
        if int(match.group()) != report_year
    ]
    after = [year for position, year in years if position >= change.span[1]]
    before = [year for position, year in years if position < change.span[0]]
    if PREVIOUS_EVALUATION.search(text, change.span[1], end) and not after:
        return None, True
    if after or before:
        return (after[0] if after else before[-1]), False
    return None, True
