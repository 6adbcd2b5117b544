"""Rules on what OCR read from scanned pages: every number it was unsure of, every id it read from a
look-alike letter, every percent sign it read as digits. The sum rules then show where a misread number broke the arithmetic."""

from __future__ import annotations

from collections.abc import Iterator

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
