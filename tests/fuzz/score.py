"""Score kompass's output tables against a document's expected facts.

A fact is one printed number or item with its place in the report: an area total of a year, a
sub-question's max or own points, an observation, a claim, a list entry, a mention, a finding a
planted inconsistency must raise. Each is exact, wrong (found with another value) or missing; rows
kompass gives that match no fact are spurious and count against the document too.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from tests.fuzz.report_model import ReportContent

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Outcome:
    key: Key
    status: str  # "exact", "wrong", "missing", "spurious"
    expected: Any
    found: Any
    page: Any = None
    line: Any = None
    finding: str = ""  # rules of issues at the fact's page/line (or its area/sub-question)


def _norm(value: Any) -> Any:
    if isinstance(value, float) and value == int(value):
        return int(value)
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip()
    return value


def expected_facts(content: ReportContent) -> dict[Key, Any]:
    """Every fact the report prints, keyed by (table, place…)."""
    facts: dict[Key, Any] = {
        ("reports", "municipality_code"): content.code,
        ("reports", "year"): content.year,
        ("reports", "framework"): content.edition_id(),
    }
    for year, areas in content.summary.items():
        for number, score in areas.items():
            facts[("area_scores", year, number)] = score
        facts[("year_totals", year)] = content.totals[year]
    # Area 0 is the total row, whose comparison cell has no area.
    for number, value in content.averages.items():
        facts[("comparisons", "average", number or None)] = value
    for number, value in content.changes.items():
        facts[("comparisons", "change", number or None)] = value
    for area in content.areas:
        for q in area.questions:
            facts[("question_scores", area.number, f"{area.number}.{q.position}", "max")] = q.max_points
            facts[("question_scores", area.number, f"{area.number}.{q.position}", "score")] = q.points
        facts[("claims", area.number, "score")] = area.claimed_score
        if area.claimed_change is not None:
            facts[("claims", area.number, "change")] = area.claimed_change
        for kind, items in (
            ("strength", content.strengths[area.number]),
            ("improvement", content.improvements[area.number]),
        ):
            for i, text in enumerate(items, 1):
                facts[("observations", area.number, kind, i)] = text
    for entry, years in content.evaluated:
        for year in years:
            facts[("evaluations", entry, year)] = True
    named = {
        content.municipality,
        *content.network,
        *(m for m, _ in content.evaluated),
        content.evaluators[1][1].removesuffix(" kommun"),
    }
    from tests.fuzz.data import MUNICIPALITIES

    codes = dict(MUNICIPALITIES)
    for name in named:
        facts[("mentions", codes[name])] = True
    for planted in content.planted:
        facts[("issues", planted.rule, planted.area)] = True
    return facts


def _value(row: dict[str, Any], column: str) -> Any:
    value = row.get(column)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def observed_facts(tables: dict[str, Any], report_id: str) -> dict[Key, tuple[Any, Any, Any]]:
    """What kompass gave for one report, keyed like expected_facts: key -> (value, page, line)."""
    seen: dict[Key, tuple[Any, Any, Any]] = {}

    def rows(name: str) -> list[dict[str, Any]]:
        frame = tables[name]
        return frame[frame["report_id"] == report_id].to_dict("records")

    for row in rows("reports"):
        for column in ("municipality_code", "year", "framework"):
            seen[("reports", column)] = (_value(row, column), None, None)
    for row in rows("area_scores"):
        seen.setdefault(
            ("area_scores", row["year"], row["area"]), (_value(row, "score"), row["page"], row["line"])
        )
    for row in rows("year_totals"):
        seen.setdefault(("year_totals", row["year"]), (_value(row, "total"), row["page"], row["line"]))
    for row in rows("comparisons"):
        area = _value(row, "area")
        seen.setdefault(
            ("comparisons", row["kind"], int(area) if area is not None else None),
            (_value(row, "value"), row["page"], row["line"]),
        )
    for row in rows("question_scores"):
        for part, column in (("max", "max_score"), ("score", "score")):
            seen.setdefault(
                ("question_scores", row["area"], row["question_id"], part),
                (_value(row, column), row["page"], row["line"]),
            )
    for row in rows("claims"):
        seen.setdefault(
            ("claims", row["area"], "score"), (_value(row, "claimed_score"), row["page"], row["line"])
        )
        if _value(row, "claimed_change") is not None:
            seen.setdefault(
                ("claims", row["area"], "change"), (_value(row, "claimed_change"), row["page"], row["line"])
            )
    for row in rows("observations"):
        seen.setdefault(
            ("observations", row["area"], row["kind"], row["position"]),
            (_value(row, "text"), row["page"], row["line"]),
        )
    for row in rows("evaluations"):
        seen.setdefault(("evaluations", row["entry"], _value(row, "year")), (True, row["page"], row["line"]))
    for row in rows("mentions"):
        seen.setdefault(("mentions", row["municipality_code"]), (True, row["first_page"], row["first_line"]))
    for row in rows("issues"):
        area = _value(row, "area")
        seen.setdefault(
            ("issues", row["rule"], int(area) if area is not None else None), (True, row["page"], row["line"])
        )
    return seen


# The finding that a whole table was not read, for a fact of that table: it names no area or year.
TABLE_MISSING = {
    "area_scores": "summary_table_missing",
    "year_totals": "summary_table_missing",
    "comparisons": "summary_table_missing",
    "question_scores": "score_table_missing",
}


def _findings_at(issues: list[dict[str, Any]], key: Key, page: Any, line: Any) -> str:
    """Rules of the issues at the fact's printed place (its page and line; a text export has lines
    only), else at its area (and sub-question), for a year's TOTALT at its year, or the finding that
    its whole table was not read."""
    page, line = _value({"page": page}, "page"), _value({"line": line}, "line")
    at = [
        r["rule"]
        for r in issues
        if line is not None and _value(r, "page") == page and _value(r, "line") == line
    ]
    if not at and key[0] in ("question_scores", "area_scores", "claims", "observations") and len(key) > 1:
        area = key[1] if key[0] != "area_scores" else key[2]
        at = [r["rule"] for r in issues if _value(r, "area") == area]
    if not at and key[0] == "year_totals":
        at = [r["rule"] for r in issues if _value(r, "year") == key[1] and _value(r, "area") is None]
    if line is None and key[0] in TABLE_MISSING:  # a fact not read at all
        at += [r["rule"] for r in issues if r["rule"] == TABLE_MISSING[key[0]]]
    return ",".join(sorted(set(at)))


def score_report(content: ReportContent, tables: dict[str, Any], report_id: str | None) -> list[Outcome]:
    """Every expected fact's outcome, and the spurious rows, for one document."""
    expected = expected_facts(content)
    seen = observed_facts(tables, report_id) if report_id else {}
    issues = []
    if report_id:
        frame = tables["issues"]
        issues = frame[frame["report_id"] == report_id].to_dict("records")
    outcomes = []
    for key, value in expected.items():
        if key not in seen or seen[key][0] is None:
            outcomes.append(
                Outcome(key, "missing", value, None, finding=_findings_at(issues, key, None, None))
            )
            continue
        found, page, line = seen[key]
        status = "exact" if _norm(found) == _norm(value) else "wrong"
        finding = _findings_at(issues, key, page, line) if status == "wrong" else ""
        outcomes.append(Outcome(key, status, value, found, page, line, finding))
    for key, (found, page, line) in seen.items():
        if key not in expected and key[0] not in ("issues", "reports"):
            outcomes.append(Outcome(key, "spurious", None, found, page, line))
    return outcomes


def exact_share(outcomes: list[Outcome]) -> tuple[int, int]:
    """(exact, counted): every expected fact and every spurious row count."""
    return sum(o.status == "exact" for o in outcomes), len(outcomes)
