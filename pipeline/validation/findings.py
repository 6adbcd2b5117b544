"""Building findings: one template per rule, rendered with the finding's own fields."""

from __future__ import annotations

from pipeline.numbers import format_number
from pipeline.records import Finding, Severity


def make_finding(
    rule: str,
    severity: Severity,
    template: str,
    *,
    area: int | None = None,
    question_id: str | None = None,
    year: int | None = None,
    expected: float | str | None = None,
    found: float | str | None = None,
    page: int | None = None,
    line: int | None = None,
    **details: object,
) -> Finding:
    """A finding whose message is ``template`` filled with its fields and ``details``."""
    expected_text = format_number(expected) if isinstance(expected, float | int) else expected
    found_text = format_number(found) if isinstance(found, float | int) else found
    message = template.format(
        area=area, question_id=question_id, year=year, expected=expected_text, found=found_text, **details
    )
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        area=area,
        question_id=question_id,
        year=year,
        expected=expected_text,
        found=found_text,
        page=page,
        line=line,
    )
