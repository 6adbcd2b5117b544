"""Content a reader lost and could tell: every loss becomes a warning, so none is silent."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.framework import Framework
from pipeline.records import Extraction, Finding, Severity
from pipeline.validation.findings import make_finding


def content_lost(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    """``content_lost``: a reader could not read part of the file (undecodable bytes or glyphs)."""
    for loss in extraction.losses:
        yield make_finding(
            "content_lost", Severity.WARNING, "{what}", found=str(loss.count),
            page=loss.page, line=loss.line, what=loss.message,
        )  # fmt: skip


RULES = (content_lost,)
