"""Content a reader lost and could tell: every loss becomes a warning, so none is silent."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.editions.edition import Edition
from pipeline.model.records import Extraction, Finding, Severity
from pipeline.validation.rule import Check, Rule, check

CONTENT_LOST = Rule(
    "content_lost", Severity.WARNING,
    "Content lost while reading the file: {what}.",
    concerns=(),
    fires_when="part of the file could not be read (bytes undefined in its encoding, glyphs without "
    "characters); found: how many",
    loses_content=True,
)  # fmt: skip


def content_lost(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for loss in extraction.losses:
        yield CONTENT_LOST.finding(found=loss.count, page=loss.page, line=loss.line, what=loss.message)


CHECKS: tuple[Check, ...] = (check(content_lost, CONTENT_LOST),)
