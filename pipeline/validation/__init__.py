"""The validator: rules that check a report's internal consistency and yield findings as data.

Each rule is declared once, as a ``Rule`` (slug, severity, message template, what it concerns, the
line of docs/rules.md), beside the check that raises it; see ``pipeline/validation/rule.py`` for how to add
one. ``CHECKS`` lists every check, ``RULES`` every rule they raise. Checks never print and never
change a record: they say where the report is wrong. A rule declared ``loses_content`` makes the
report it fires on ``partial`` (:func:`report_status`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.editions.edition import Edition
from pipeline.model.records import SEVERITY_RANK, Extraction, Finding
from pipeline.validation import (
    comparisons,
    content,
    edition,
    municipal,
    narrative,
    observation_items,
    scanned_pages,
    scores,
)
from pipeline.validation.rule import Check, Rule, rules_of

CHECKS: tuple[Check, ...] = (
    scores.CHECKS + comparisons.CHECKS + edition.CHECKS + narrative.CHECKS + municipal.CHECKS + content.CHECKS
    + scanned_pages.CHECKS + observation_items.CHECKS
)
RULES: tuple[Rule, ...] = rules_of(CHECKS)

# The rules whose findings mean the tables lack something the file holds or the edition expects.
CONTENT_LOSS_RULES = frozenset(rule.slug for rule in RULES if rule.loses_content)


def validate(
    extraction: Extraction, edition: Edition | None, checks: Iterable[Check] = CHECKS
) -> tuple[Finding, ...]:
    """All findings of all checks, most severe first, then in document order; an error that rests
    on a number OCR was unsure of is a warning (:func:`scanned_pages.in_doubt`)."""
    findings: Iterator[Finding] = (finding for each in checks for finding in each(extraction, edition))
    return tuple(
        sorted(
            scanned_pages.in_doubt(findings, extraction),
            key=lambda f: (SEVERITY_RANK[f.severity], f.page or 0, f.line or 0, f.rule, f.area or 0),
        )
    )


def lost_content(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The findings that say content was lost (their rule is declared ``loses_content``)."""
    return tuple(finding for finding in findings if finding.rule in CONTENT_LOSS_RULES)


def report_status(findings: Iterable[Finding]) -> str:
    """``partial`` when a finding says content was lost, else ``ok`` (a report that was read)."""
    return "partial" if lost_content(findings) else "ok"
