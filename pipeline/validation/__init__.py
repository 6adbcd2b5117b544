"""The validator: rules that check a report's internal consistency and yield findings as data.

Each rule is declared once, as a ``Rule`` (slug, severity, message template, what it concerns, the
line of docs/rules.md), beside the check that raises it; see ``pipeline/validation/rule.py`` for how to add
one. ``CHECKS`` lists every check, ``RULES`` every rule they raise. Checks never print and never
change a record: they say where the report is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.framework import Framework
from pipeline.records import Extraction, Finding, Severity
from pipeline.validation import comparisons, content, edition, municipal, narrative, ocr, scores
from pipeline.validation.rule import Check, Rule, rules_of

CHECKS: tuple[Check, ...] = (
    scores.CHECKS + comparisons.CHECKS + edition.CHECKS + narrative.CHECKS + municipal.CHECKS + content.CHECKS
    + ocr.CHECKS
)
RULES: tuple[Rule, ...] = rules_of(CHECKS)

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def validate(
    extraction: Extraction, framework: Framework | None, checks: Iterable[Check] = CHECKS
) -> tuple[Finding, ...]:
    """All findings of all checks, most severe first, then in document order."""
    findings: Iterator[Finding] = (finding for each in checks for finding in each(extraction, framework))
    return tuple(
        sorted(
            findings,
            key=lambda f: (SEVERITY_ORDER[f.severity], f.page or 0, f.line or 0, f.rule, f.area or 0),
        )
    )
