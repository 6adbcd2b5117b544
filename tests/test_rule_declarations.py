"""Rules are declared once: the table of docs/rules.md, the rule list and every finding come from the
declarations, and a check cannot raise what it did not declare."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from pipeline.editions.edition import Edition
from pipeline.model.records import Extraction, Finding, Severity
from pipeline.validation import CHECKS, RULES, validate
from pipeline.validation.doc_blocks import DocBlockError, block, markers, replace_block, rules_table
from pipeline.validation.rule import Check, Rule, RuleDeclarationError, check, rules_of
from tests.conftest import ROOT

DEMO = Rule(
    "demo_rule", Severity.WARNING, "Area {area}: {found} is not {expected} ({why}).",
    concerns=("area",), fires_when="a demonstration fires",
)  # fmt: skip


def test_the_docs_rule_table_is_the_declarations() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert block(page, "rules") == rules_table(RULES), "docs/rules.md is stale: run `make docs`"


def test_rule_table_lists_every_rule_once_errors_first() -> None:
    rows = rules_table(RULES).splitlines()[2:]
    assert sorted(row.split(" | ")[0].strip("| `") for row in rows) == sorted(r.slug for r in RULES)
    severities = [row.split(" | ")[1] for row in rows]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_rule_table_escapes_a_pipe_in_a_description() -> None:
    rule = Rule("pipe_rule", Severity.INFO, "x", concerns=(), fires_when="a | b")
    assert rules_table([rule]).splitlines()[2] == "| `pipe_rule` | info | – | – | a \\| b |"


def test_replace_block_keeps_the_rest_of_the_text() -> None:
    opening, closing = markers("rules")
    text = f"before\n{opening}old\n{closing}after\n"
    assert replace_block(text, "rules", "new\n") == f"before\n{opening}new\n{closing}after\n"
    with pytest.raises(DocBlockError):
        block("no markers here", "rules")


def test_every_slug_is_declared_once_and_raised_by_one_check() -> None:
    slugs = [rule.slug for rule in RULES]
    assert len(slugs) == len(set(slugs))
    assert sorted(slugs) == sorted(rule.slug for each in CHECKS for rule in each.rules)
    with pytest.raises(RuleDeclarationError, match="declared twice"):
        rules_of(CHECKS + CHECKS[:1])


def test_finding_is_built_from_the_declaration() -> None:
    finding = DEMO.finding(area=3, expected=100.0, found=7.5, page=2, line=40, why="demo")
    assert finding == Finding(
        rule="demo_rule", severity=Severity.WARNING, message="Area 3: 7.5 is not 100 (demo).",
        area=3, expected="100", found="7.5", page=2, line=40,
    )  # fmt: skip


def test_finding_cannot_name_what_its_rule_does_not_concern() -> None:
    with pytest.raises(RuleDeclarationError, match="does not concern"):
        DEMO.finding(area=3, year=2007, found="x", why="y")


@pytest.mark.parametrize(
    ("slug", "template", "concerns", "error"),
    [
        ("Demo-Rule", "x", (), "snake_case"),
        ("demo_rule", "Area {area}", (), "does not concern"),
        ("demo_rule", "Year {year}", ("area",), "does not concern"),
        ("demo_rule", "x", ("page",), "unknown concerns"),
    ],
)
def test_bad_declarations_fail_on_import(
    slug: str, template: str, concerns: tuple[str, ...], error: str
) -> None:
    with pytest.raises(RuleDeclarationError, match=error):
        Rule(slug, Severity.INFO, template, concerns=concerns, fires_when="never")


def test_a_check_cannot_raise_a_rule_it_did_not_declare() -> None:
    other = Rule("other_rule", Severity.INFO, "x", concerns=(), fires_when="never")

    def sneaky(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
        yield DEMO.finding(why="fine")
        yield other.finding()

    declared = check(sneaky, DEMO)
    assert declared.name == "sneaky"
    findings = declared(Extraction(), None)
    assert next(findings).rule == "demo_rule"
    with pytest.raises(RuleDeclarationError, match="sneaky raised other_rule"):
        next(findings)
    with pytest.raises(RuleDeclarationError, match="names no rule"):
        check(sneaky)
    with pytest.raises(RuleDeclarationError, match=r"function first: check\(function, DEMO_RULE\)"):
        check(DEMO, other)  # type: ignore[arg-type]


def test_rules_of_the_registry_is_rules() -> None:
    assert rules_of(CHECKS) == RULES


def test_block_at_the_start_of_the_text_and_a_missing_end_marker() -> None:
    opening, closing = markers("rules")
    assert block(f"{opening}body\n{closing}", "rules") == "body\n"
    with pytest.raises(DocBlockError, match="no block <!-- rules: generated"):
        block(f"{closing}{opening}", "rules")


def _yielding(*findings: Finding) -> Check:
    def given(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
        yield from findings

    return check(given, DEMO)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # A finding without a page or line sorts before the first page and line.
        (dict(page=None, line=5), dict(page=1, line=2)),
        (dict(page=1, line=None, why="b"), dict(page=1, line=1, why="a")),
        (dict(page=1, line=1, area=None), dict(page=1, line=1, area=1)),
        (dict(page=1, line=1, area=1), dict(page=1, line=1, area=2)),
    ],
)
def test_findings_sort_by_severity_then_where(first: dict[str, Any], second: dict[str, Any]) -> None:
    a = DEMO.finding(**{"why": "a", **first})
    b = DEMO.finding(**{"why": "b", **second})
    info = dataclasses.replace(a, severity=Severity.INFO, page=None, line=None)
    assert validate(Extraction(), None, [_yielding(info, b, a)]) == (a, b, info)
