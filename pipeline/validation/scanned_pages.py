"""Rules on what OCR read from scanned pages: every number it was unsure of, every id it read from a
look-alike letter, every percent sign it read as digits. The sum rules then show where a misread
number broke the arithmetic, as warnings: an error that rests on a number OCR was unsure of may be
the reading's, not the report's (:func:`in_doubt`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import regex

from pipeline.editions.edition import Edition
from pipeline.model.defaults import OCR_UNCERTAIN_BELOW as UNCERTAIN_BELOW
from pipeline.model.document import PERCENT_SIGN as PERCENT
from pipeline.model.records import Extraction, Finding, Severity
from pipeline.validation.rule import Check, Rule, check

OCR_UNCERTAIN = Rule(
    "ocr_uncertain", Severity.WARNING,
    "OCR read \"{found}\" on this scanned page with {confidence:.0f}% confidence: check the number "
    "against the page.",
    concerns=(),
    fires_when=f"OCR read a word holding a digit with a confidence below {UNCERTAIN_BELOW:.0f}%, or a "
    "speck far narrower than a digit that was read as one and set aside (found: the word as read; "
    "the box on the page is in the issue's location)",
)  # fmt: skip


def ocr_uncertain(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for reading in extraction.ocr_readings:
        if reading.read in (reading.printed, ""):
            yield OCR_UNCERTAIN.finding(
                found=reading.printed, confidence=reading.confidence, page=reading.page, line=reading.line
            )


OCR_ID_READ = Rule(
    "ocr_id_read", Severity.INFO,
    "OCR read \"{found}\" where a sub-question id stands; it is read as {expected} (a letter for a "
    "look-alike digit).",
    concerns=(),
    fires_when="OCR read a sub-question id with a letter for a digit (\"G.1\"), which is read as the id "
    "(expected: the id, found: as OCR read it)",
)  # fmt: skip


def ocr_id_read(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for reading in extraction.ocr_readings:
        if reading.read not in (reading.printed, "", PERCENT):
            yield OCR_ID_READ.finding(
                expected=reading.read, found=reading.printed, page=reading.page, line=reading.line
            )


OCR_SIGN_READ = Rule(
    "ocr_sign_read", Severity.WARNING,
    "OCR read \"{found}\" after a number, in one mark too wide for its digits and too narrow for "
    "two: it is read as {expected}; check it against the page.",
    concerns=(),
    fires_when="OCR read a percent sign after a number as one or two digits (\"-35 96\" where \"-35 %\" "
    "is printed), told by its width against the line's digits; it is read as \"%\" (expected: \"%\", "
    "found: as OCR read it)",
)  # fmt: skip


def ocr_sign_read(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for reading in extraction.ocr_readings:
        if reading.read == PERCENT and reading.printed != PERCENT:
            yield OCR_SIGN_READ.finding(
                expected=reading.read, found=reading.printed, page=reading.page, line=reading.line
            )


CHECKS: tuple[Check, ...] = (
    check(ocr_uncertain, OCR_UNCERTAIN),
    check(ocr_id_read, OCR_ID_READ),
    check(ocr_sign_read, OCR_SIGN_READ),
)


# The rules that sum the sub-questions of an area: a row whose points OCR was unsure of puts their
# findings of its area in doubt.
ROW_SUM_RULES = frozenset({"area_sum_mismatch", "area_max_mismatch"})
# The rules that compare an area's summary score (or a year's total) with other figures: a score
# OCR was unsure of puts their findings of its area and year in doubt.
SUMMARY_RULES = frozenset(
    {
        "area_sum_mismatch",
        "change_mismatch",
        "total_mismatch",
        "narrative_score_mismatch",
        "narrative_change_mismatch",
    }
)
NUMBER = regex.compile(r"\d+(?:[.,]\d+)?")
IN_DOUBT = (
    " OCR read a number this compares with low confidence (see ocr_uncertain): it may be a misreading, "
    "so this is a warning, not an error."
)


def in_doubt(findings: Iterable[Finding], extraction: Extraction) -> Iterator[Finding]:
    """The findings, each error that rests on a number OCR was unsure of a warning: one at a line
    holding such a number; one of an area (and year) whose summary score, or of the summary's total
    whose year's score or total, OCR was unsure of; one of a sum over an area's rows where a row's
    number was. What is printed is kept as read; only the blame moves from the report to the
    reading."""
    doubted: dict[tuple[int, int | None], set[float]] = {}
    for r in extraction.ocr_readings:
        if r.read in (r.printed, "") and (numbers := _numbers(r.printed)):
            doubted.setdefault((r.page, r.line), set()).update(numbers)
    if not doubted:
        yield from findings
        return

    def read_doubted(page: int | None, line: int | None, *values: float | None) -> bool:
        read = doubted.get((page or 0, line), set())
        return any(abs(value) in read for value in values if value is not None)

    scores = {(s.area, s.year) for s in extraction.area_scores if read_doubted(s.page, s.line, s.score)}
    years = {year for _, year in scores} | {
        t.year for t in extraction.year_totals if read_doubted(t.page, t.line, t.total)
    }
    rows = {q.area for q in extraction.question_scores if read_doubted(q.page, q.line, q.score, q.max_score)}
    for finding in findings:
        if finding.severity is Severity.ERROR and (
            (finding.page, finding.line) in doubted
            or (finding.rule in SUMMARY_RULES and (finding.area, finding.year) in scores)
            or (finding.rule in SUMMARY_RULES and finding.area is None and finding.year in years)
            or (finding.area in rows and finding.rule in ROW_SUM_RULES)
        ):  # fmt: skip
            finding = replace(finding, severity=Severity.WARNING, message=finding.message + IN_DOUBT)
        yield finding


def _numbers(text: str) -> set[float]:
    """The numbers a word OCR read holds, unsigned ("50,5" is 50.5)."""
    return {float(number.replace(",", ".")) for number in NUMBER.findall(text)}
