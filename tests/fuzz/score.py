"""Score kompass's output tables against a document's expected facts.

A fact is one printed number or item with its place in the report: an area total of a year, a
sub-question's max or own points, an observation, a claim, a list entry, a mention, a finding a
planted inconsistency must raise. Each is exact, wrong (found with another value) or missing; rows
kompass gives that match no fact are spurious and count against the document too.

A fact not read exactly must have a finding at its place: at the page and line where it was read,
or, for a fact not read, where the rest of its printed row was read (a sub-question's other cell,
another year or comparison cell of the same summary row, a list entry read with another year or
none); where nothing of its row was read, a
finding with a page and line that names its area (and sub-question), its year, or says that its
whole table was not read. An error-severity finding that no planted inconsistency raises is an
outcome of its own ("unplanted"), listed with the misses but not counted among the facts.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Set as AbstractSet
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
    placed: bool = False  # a finding is at the fact's place, with a page and line (see the docstring)


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


# The finding that a whole table was not read, for a fact of that table: it names no area or year;
# for the list of evaluated municipalities, that the list goes on past what was read.
TABLE_MISSING = {
    "area_scores": "summary_table_missing",
    "year_totals": "summary_table_missing",
    "comparisons": "summary_table_missing",
    "question_scores": "score_table_missing",
    "evaluations": "evaluation_entries_unread",
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


def _row_place(seen: dict[Key, tuple[Any, Any, Any]], key: Key) -> tuple[Any, Any] | None:
    """Where a fact not read was to be: its own empty cell's row, else the rest of its printed row
    as read (the summary prints one row per area, its years and comparison cells side by side, and
    one TOTALT row; a score table one row per sub-question with its max and own points; the list of
    evaluated municipalities one entry with its years)."""
    if key in seen and seen[key][2] is not None:
        return seen[key][1], seen[key][2]
    table = key[0]
    if table == "question_scores":
        siblings = [(*key[:3], "score" if key[3] == "max" else "max")]
    elif table == "area_scores":
        siblings = [k for k in seen if k[0] in ("area_scores", "comparisons") and k[-1] == key[2]]
    elif table == "year_totals":
        siblings = [k for k in seen if k[0] == "year_totals" or (k[0] == "comparisons" and k[2] is None)]
    elif table == "evaluations":  # the entry read with another year, or none
        siblings = [k for k in seen if k[0] == "evaluations" and k[1] == key[1]]
    elif table == "comparisons":
        row = "year_totals" if key[2] is None else "area_scores"
        siblings = [
            k for k in seen
            if (k[0] == row and (key[2] is None or k[2] == key[2]))
            or (k[0] == "comparisons" and k[2] == key[2])
        ]  # fmt: skip
    else:
        return None
    for sibling in siblings:
        if sibling in seen and seen[sibling][2] is not None:
            return seen[sibling][1], seen[sibling][2]
    return None


def _concerns(issue: dict[str, Any], key: Key) -> bool:
    """Whether a finding names the fact: its area (and sub-question), a TOTALT's year, or its table
    not read at all."""
    if issue["rule"] == TABLE_MISSING.get(key[0]):
        return True
    area = _value(issue, "area")
    if key[0] == "question_scores":
        question = _value(issue, "question_id")
        return area == key[1] and question in (None, key[2])
    if key[0] == "area_scores":
        return area == key[2] and _value(issue, "question_id") is None
    if key[0] == "year_totals":
        return area is None and _value(issue, "year") == key[1]
    if key[0] == "comparisons":
        return area == key[2] and _value(issue, "question_id") is None
    if key[0] in ("claims", "observations"):
        return area == key[1] and _value(issue, "question_id") is None
    return False


def _placed(
    issues: list[dict[str, Any]], key: Key, place: tuple[Any, Any] | None, planted: set[tuple[str, Any]]
) -> bool:
    """Whether a finding is at the fact's place: at ``place`` (page and line; a text export has no
    pages) when its row was read, else one with a line that names the fact. The findings planted
    inconsistencies raise do not count: they say why a printed number is wrong, not that one was lost."""
    located = [
        r for r in issues
        if _value(r, "line") is not None and (r["rule"], _value(r, "area")) not in planted
    ]  # fmt: skip
    if place is not None:
        page, line = _value({"page": place[0]}, "page"), place[1]
        return any(_value(r, "page") == page and _value(r, "line") == line for r in located)
    return any(_concerns(r, key) for r in located)


def planted_findings(content: ReportContent) -> set[tuple[str, int | None]]:
    """The findings the planted inconsistencies must raise, as (rule, area): their own, and a
    sub-question's own points raised above its max also make its area's sub-questions sum to more
    than the summary."""
    planted = {(p.rule, p.area) for p in content.planted}
    return planted | {("area_sum_mismatch", area) for rule, area in planted if rule == "score_exceeds_max"}


def batch_contradictions(contents: list[ReportContent]) -> dict[int, set[tuple[str, int | None]]]:
    """By seed, the ``history_mismatch`` findings a batch's reports of one municipality raise by
    printing an evaluation year's area total or TOTALT differently (each document's earlier years
    are drawn on their own): not planted, but true of the batch."""
    printed: dict[tuple[str, int, int | None], set[float]] = defaultdict(set)
    for content in contents:
        for year, areas in content.summary.items():
            for area, score in areas.items():
                printed[(content.code, year, area)].add(score)
            printed[(content.code, year, None)].add(content.totals[year])
    contradicted: dict[int, set[tuple[str, int | None]]] = {}
    for content in contents:
        contradicted[content.seed] = {
            ("history_mismatch", area)
            for (code, year, area), values in printed.items()
            if code == content.code and year in content.summary and len(values) > 1
        }
    return contradicted


def score_report(
    content: ReportContent,
    tables: dict[str, Any],
    report_id: str | None,
    contradicted: AbstractSet[tuple[str, int | None]] = frozenset(),
) -> list[Outcome]:
    """Every expected fact's outcome, the spurious rows and the errors not planted, for one document;
    ``contradicted`` are the findings the batch's other reports raise on it (see
    :func:`batch_contradictions`)."""
    expected = expected_facts(content)
    seen = observed_facts(tables, report_id) if report_id else {}
    issues = []
    if report_id:
        frame = tables["issues"]
        issues = frame[frame["report_id"] == report_id].to_dict("records")
    planted = planted_findings(content)
    outcomes = []
    for key, value in expected.items():
        if key not in seen or seen[key][0] is None:
            outcomes.append(
                Outcome(
                    key, "missing", value, None, finding=_findings_at(issues, key, None, None),
                    placed=_placed(issues, key, _row_place(seen, key), planted),
                )
            )  # fmt: skip
            continue
        found, page, line = seen[key]
        status = "exact" if _norm(found) == _norm(value) else "wrong"
        finding = _findings_at(issues, key, page, line) if status == "wrong" else ""
        place = (page, line) if line is not None else None
        placed = status == "wrong" and _placed(issues, key, place, planted)
        outcomes.append(Outcome(key, status, value, found, page, line, finding, placed))
    for key, (found, page, line) in seen.items():
        if key not in expected and key[0] not in ("issues", "reports"):
            outcomes.append(Outcome(key, "spurious", None, found, page, line))
    for r in issues:
        finding = (r["rule"], _value(r, "area"))
        if r.get("severity") == "error" and finding not in planted | contradicted:
            outcomes.append(
                Outcome(("issues", *finding), "unplanted", None, True, _value(r, "page"), _value(r, "line"))
            )
    return outcomes


def exact_share(outcomes: list[Outcome]) -> tuple[int, int]:
    """(exact, counted): every expected fact and every spurious row count; errors not planted are
    figures of their own."""
    counted = [o for o in outcomes if o.status != "unplanted"]
    return sum(o.status == "exact" for o in counted), len(counted)
