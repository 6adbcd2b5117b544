"""Rules on what the area sections say against the tables: the scores and changes claimed in
prose, and the wording of the sub-questions listed at the top of each section."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from pipeline.editions.edition import Edition
from pipeline.model.numbers import format_number
from pipeline.model.records import AreaHeading, AreaScore, Extraction, Finding, QuestionScore, Severity
from pipeline.validation.rule import Check, Rule, check
from pipeline.validation.scores import TOLERANCE, report_year

# Typographic variants that are the same character to a reader.
_SAME_CHARACTER = str.maketrans(
    {"–": "-", "—": "-", "−": "-", "‐": "-", "”": '"', "“": '"', "„": '"', "’": "'"}
)
# What is not wording: spaces, and the punctuation closing a question ("kostnader?" against
# "kostnader." is the same question).
_WHITESPACE = regex.compile(r"\s+")
_CLOSING_PUNCTUATION = regex.compile(r"[\s?.!:;]+$")


def wording(text: str) -> str:
    """``text`` reduced to its wording: case, spacing, typographic dashes and quotes and the closing
    punctuation do not count."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_SAME_CHARACTER)
    return _WHITESPACE.sub("", _CLOSING_PUNCTUATION.sub("", folded))


def _table_scores(extraction: Extraction) -> dict[tuple[int, int], AreaScore]:
    # The first printing of an area printed twice (summary_printed_twice reports the second).
    return {(score.area, score.year): score for score in reversed(extraction.area_scores)}


def _signed(value: float) -> str:
    text = format_number(value) or ""
    return text if value <= 0 else f"+{text}"


QUESTION_TEXT_MISMATCH = Rule(
    "question_text_mismatch", Severity.INFO,
    "Sub-question {question_id} reads \"{found}\" in the area section but \"{expected}\" in the score "
    "table.",
    concerns=("area", "question_id", "year"),
    fires_when="a sub-question listed at the top of a section (\"1.1 Hur informeras invånarna?\") is "
    "worded differently in the score table (\"Hur informeras medborgarna?\"); case, spacing, typographic "
    "dashes and quotes and the closing \"?\" or \".\" do not count",
)  # fmt: skip


def question_text_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    table: dict[str, QuestionScore] = {}
    for question in extraction.question_scores:
        table.setdefault(question.question_id, question)
    for listed in extraction.listed_questions:
        scored = table.get(listed.question_id)
        if scored is None or wording(scored.question) == wording(listed.question):
            continue
        yield QUESTION_TEXT_MISMATCH.finding(
            area=listed.area, question_id=listed.question_id, year=report_year(extraction),
            expected=scored.question, found=listed.question, page=listed.page, line=listed.line,
        )  # fmt: skip


NARRATIVE_SCORE_MISMATCH = Rule(
    "narrative_score_mismatch", Severity.ERROR,
    "Area {area}: the section says {found} points but the summary table gives {expected} for {year}.",
    concerns=("area", "year"),
    fires_when="an area section's claimed score differs from the summary table's total for the area in "
    "the report year (expected: the table, found: the claim)",
)  # fmt: skip


def narrative_score_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    year = report_year(extraction)
    if year is None:
        return
    scores = _table_scores(extraction)
    for claim in extraction.claims:
        table = scores.get((claim.area, year))
        if claim.claimed_score is None or table is None or table.score is None:
            continue
        if abs(claim.claimed_score - table.score) > TOLERANCE:
            yield NARRATIVE_SCORE_MISMATCH.finding(
                area=claim.area, year=year, expected=table.score, found=claim.claimed_score,
                page=claim.page, line=claim.line,
            )  # fmt: skip


NARRATIVE_CHANGE_MISMATCH = Rule(
    "narrative_change_mismatch", Severity.ERROR,
    "Area {area}: the section claims a change of {claimed} points since {since}, but the summary table "
    "goes from {then} in {since} to {now} in {year} ({difference}).",
    concerns=("area", "year"),
    fires_when="the claimed change differs from the report year's total minus the total of the year "
    "compared with (expected: the table's difference, found: the claim)",
)  # fmt: skip


def narrative_change_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    year = report_year(extraction)
    if year is None:
        return
    scores = _table_scores(extraction)
    for claim in extraction.claims:
        if claim.claimed_change is None or claim.compared_with_year is None:
            continue
        now, then = scores.get((claim.area, year)), scores.get((claim.area, claim.compared_with_year))
        if now is None or then is None or now.score is None or then.score is None:
            continue
        difference = now.score - then.score
        if abs(claim.claimed_change - difference) > TOLERANCE:
            yield NARRATIVE_CHANGE_MISMATCH.finding(
                area=claim.area, year=year, expected=difference, found=claim.claimed_change,
                page=claim.page, line=claim.line, since=claim.compared_with_year,
                claimed=_signed(claim.claimed_change), difference=_signed(difference),
                then=format_number(then.score), now=format_number(now.score),
            )  # fmt: skip


AREA_SECTION_MISSING = Rule(
    "area_section_missing", Severity.WARNING,
    "Area {area} ({expected}) has no section of its own: no heading for it was found among the "
    "{sections} area sections read.",
    concerns=("area",),
    fires_when="the report has area sections, but none for an area of the edition: a heading in a form "
    "not read, or a section the report leaves out (its strengths, improvement areas and claims are then "
    "missing); where the section would be, at the heading of the area section read before it (else "
    "after it)",
    loses_content=True,
)  # fmt: skip


def area_section_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    headings = _section_headings(extraction)
    if edition is None or not headings:
        return
    for area in edition.areas:
        if area.number not in headings:
            before = [h for number, h in headings.items() if number < area.number]
            place = before[-1] if before else next(iter(headings.values()))
            yield AREA_SECTION_MISSING.finding(
                area=area.number, expected=area.name, found="", sections=len(headings),
                page=place.page, line=place.line,
            )  # fmt: skip


def _section_headings(extraction: Extraction) -> dict[int, AreaHeading]:
    """The first section heading read of each area, by area in order."""
    headings: dict[int, AreaHeading] = {}
    for heading in extraction.area_headings:
        if heading.context == "section_heading" and heading.area is not None:
            headings.setdefault(heading.area, heading)
    return dict(sorted(headings.items()))


OBSERVATIONS_MISSING = Rule(
    "observations_missing", Severity.WARNING,
    "Area {area}: no {what} of its section were read, while other area sections list theirs.",
    concerns=("area",),
    fires_when="an area section was read without a strength (or without an improvement area) while "
    "other area sections of the report have them (every area section of the editions ends with both "
    "lists): the list's label or its items not read; at the section's heading",
    loses_content=True,
)  # fmt: skip

# The lists every area section ends with, by the kind of their observations.
_LISTS = {"strength": "strengths", "improvement": "improvement areas"}


def observations_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    headings = _section_headings(extraction)
    listed = {(o.area, o.kind) for o in extraction.observations}
    for kind, what in _LISTS.items():
        if not any(listed_kind == kind for _, listed_kind in listed):
            continue  # the report lists none anywhere: nothing shows that a list was lost
        for area, heading in headings.items():
            if (area, kind) not in listed:
                yield OBSERVATIONS_MISSING.finding(area=area, page=heading.page, line=heading.line, what=what)


CLAIM_MISSING = Rule(
    "claim_missing", Severity.WARNING,
    "Area {area}: no claim of the area's score was read in its section, while other area sections "
    "state theirs.",
    concerns=("area",),
    fires_when="an area section was read without a sentence claiming the area's score (\"uppnår "
    "kommunen 73 poäng\") while other area sections of the report have one: the sentence or its "
    "number not read (a scan's \"70;5\" for 70,5), or a section that states none; at the section's "
    "heading",
    loses_content=True,
)  # fmt: skip


def claim_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    claimed = {claim.area for claim in extraction.claims}
    if not claimed:
        return  # the report claims no score in prose anywhere: nothing shows that a claim was lost
    for area, heading in _section_headings(extraction).items():
        if area not in claimed:
            yield CLAIM_MISSING.finding(area=area, page=heading.page, line=heading.line)


CHECKS: tuple[Check, ...] = (
    check(area_section_missing, AREA_SECTION_MISSING),
    check(observations_missing, OBSERVATIONS_MISSING),
    check(claim_missing, CLAIM_MISSING),
    check(question_text_mismatch, QUESTION_TEXT_MISMATCH),
    check(narrative_score_mismatch, NARRATIVE_SCORE_MISMATCH),
    check(narrative_change_mismatch, NARRATIVE_CHANGE_MISMATCH),
)
