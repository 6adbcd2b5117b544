"""The validator: rules that check a report's internal consistency and yield findings as data.

Each rule is a short function ``rule(extraction, framework) -> Iterator[Finding]``; ``RULES`` lists
them all. Rules never print and never change a record: they say where the report is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from pipeline.framework import Framework
from pipeline.records import Extraction, Finding, Severity
from pipeline.validation import content, municipal, narrative, scores

Rule = Callable[[Extraction, Framework | None], Iterable[Finding]]

RULES: tuple[Rule, ...] = scores.RULES + narrative.RULES + municipal.RULES + content.RULES

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def validate(
    extraction: Extraction, framework: Framework | None, rules: Iterable[Rule] = RULES
) -> tuple[Finding, ...]:
    """All findings of all rules, most severe first, then in document order."""
    findings: Iterator[Finding] = (finding for rule in rules for finding in rule(extraction, framework))
    return tuple(
        sorted(
            findings,
            key=lambda f: (SEVERITY_ORDER[f.severity], f.page or 0, f.line or 0, f.rule, f.area or 0),
        )
    )
