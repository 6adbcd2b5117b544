"""How a validation rule is declared: once, as data, from which its findings, the rule list and the
rule table of docs/rules.md all come.

A ``Rule`` holds everything about one rule: its slug, severity, message template, the fields a finding
of it names (its area, sub-question and/or year), the one line docs/rules.md says about it, and whether
a finding of it means content was lost (``loses_content``: a table the edition expects, rows or facts
missing from the tables; such a finding makes the report ``partial``). A
``Check`` is a function that looks at an extraction and yields findings; it names the rules it may
raise, and it can only build a finding through ``rule.finding(...)``, so it cannot misspell a slug
or a severity, and it cannot raise a rule it did not name (that fails loudly).

To add a rule:

1. Declare it beside its check (in ``scores.py``, ``edition.py``, ``narrative.py``, ``municipal.py``
   or a new module of this package)::

       AREA_EMPTY = Rule(
           "area_empty", Severity.WARNING,
           "Area {area}: the score table lists no sub-question for {year}.",
           concerns=("area", "year"),
           fires_when="an area of the edition has no row in the score table",
           loses_content=True,
       )

2. Write the check as a plain function and build every finding from the declaration::

       def area_empty(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
           ...
               yield AREA_EMPTY.finding(area=area, year=year, found="", page=..., line=...)

   then list it, with the rules it raises, in its module's ``CHECKS``:
   ``check(area_empty, AREA_EMPTY)`` (a new module's ``CHECKS`` goes into the sum in
   ``pipeline/validation/__init__.py``). Not a decorator: the mutation tester skips decorated
   functions.
3. Run ``make docs`` to regenerate the rule table of docs/rules.md.
4. Add a firing case to ``tests/test_rules_fire.py``: a real or minimally altered snippet and the
   key fields of the finding it must raise. A rule without one fails that test.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from pipeline.editions.edition import Edition
from pipeline.model.numbers import format_number
from pipeline.model.records import Extraction, Finding, Severity

# The fields of a finding that say what it is about; a rule declares which of them it fills.
CONCERNS = ("area", "question_id", "year")
_SLUG = regex.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


class RuleDeclarationError(ValueError):
    """A rule is declared or used against its own declaration: a programming error, never data."""


@dataclass(frozen=True)
class Rule:
    """One validation rule, declared once.

    ``template`` is filled with the finding's fields (``area``, ``question_id``, ``year``,
    ``expected``, ``found``) and the details a check passes; ``concerns`` lists which of ``area``,
    ``question_id`` and ``year`` a finding of this rule names; ``fires_when`` is the line of docs/rules.md.
    ``loses_content`` says that a finding of the rule means the tables lack something the file holds
    or the edition expects (a table, rows, a cell, lost characters): it makes the report ``partial``
    (see :func:`pipeline.validation.report_status`).
    """

    slug: str
    severity: Severity
    template: str
    concerns: tuple[str, ...]
    fires_when: str
    loses_content: bool = False

    def __post_init__(self) -> None:
        if not _SLUG.match(self.slug):
            raise RuleDeclarationError(f"rule slug {self.slug!r} is not snake_case")
        unknown = set(self.concerns) - set(CONCERNS)
        if unknown:
            raise RuleDeclarationError(f"rule {self.slug}: unknown concerns {sorted(unknown)}")
        unnamed = (self.placeholders() & set(CONCERNS)) - set(self.concerns)
        if unnamed:
            raise RuleDeclarationError(
                f"rule {self.slug}: the template uses {sorted(unnamed)} but the rule does not concern it"
            )

    def placeholders(self) -> set[str]:
        """The names the message template fills in."""
        return {name for _, name, _, _ in string.Formatter().parse(self.template) if name}

    def finding(
        self,
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
        """A finding of this rule, its message the template filled with its fields and ``details``."""
        named = {"area": area, "question_id": question_id, "year": year}
        stray = [name for name, value in named.items() if value is not None and name not in self.concerns]
        if stray:
            raise RuleDeclarationError(f"rule {self.slug} does not concern {stray}")
        expected_text = format_number(expected) if isinstance(expected, float | int) else expected
        found_text = format_number(found) if isinstance(found, float | int) else found
        message = self.template.format(**named, expected=expected_text, found=found_text, **details)
        return Finding(
            rule=self.slug,
            severity=self.severity,
            message=message,
            area=area,
            question_id=question_id,
            year=year,
            expected=expected_text,
            found=found_text,
            page=page,
            line=line,
        )


CheckFunction = Callable[[Extraction, Edition | None], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A check function and the rules it may raise; calling it runs the function."""

    function: CheckFunction
    rules: tuple[Rule, ...]

    @property
    def name(self) -> str:
        return self.function.__name__

    def __call__(self, extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
        slugs = {rule.slug for rule in self.rules}
        for finding in self.function(extraction, edition):
            if finding.rule not in slugs:
                raise RuleDeclarationError(f"check {self.name} raised {finding.rule}, which it does not name")
            yield finding


def check(function: CheckFunction, *rules: Rule) -> Check:
    """``function`` as the check that raises ``rules``.

    Checks are listed in a module's ``CHECKS`` as ``check(function, RULE, ...)``, not decorated:
    the mutation tester (``make mutate``) skips decorated functions.
    """
    if isinstance(function, Rule):
        raise RuleDeclarationError(
            f"check() takes the function first: check(function, {function.slug.upper()}) in CHECKS"
        )
    if not rules:
        raise RuleDeclarationError(f"check {function.__name__} names no rule")
    return Check(function, rules)


def rules_of(checks: Iterable[Check]) -> tuple[Rule, ...]:
    """Every rule the checks raise, in order; a slug declared twice is an error."""
    rules = tuple(rule for each in checks for rule in each.rules)
    slugs = [rule.slug for rule in rules]
    doubled = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if doubled:
        raise RuleDeclarationError(f"rules declared twice: {doubled}")
    return rules
