"""Reports checked against each other, and the panel: on three reports of Skövde (2003, 2005 and
2007, the 2002 tool's shape) written by ``tests/fixtures/make_history.py``.

The 2007 report repeats area 3 of 2005 and TOTALT of 2003 differently from the reports that set
them: exactly these two are ``history_mismatch`` findings, on the 2007 report, naming the other
report and where it prints the figure. The rules across reports are declared in
``pipeline.validation.history.BATCH_RULES``; each has a firing case here (``CASES``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.api import Result, digitize
from pipeline.cli import main
from pipeline.model.digest import digests
from pipeline.model.records import Evaluation, Report
from pipeline.tables.spill import build_tables
from pipeline.validation import RULES
from pipeline.validation.doc_blocks import block, rules_table
from pipeline.validation.history import BATCH_RULES, history_findings

HISTORY = Path(__file__).parent / "fixtures" / "history"
EXPECTED: dict[str, Any] = json.loads((HISTORY / "history.expected.json").read_text(encoding="utf-8"))
NAMES = ("kk2002_skovde_2003", "kk2002_skovde_2005", "kk2002_skovde_2007")


@pytest.fixture(scope="module", params=["txt", "pdf"])
def batch(request: pytest.FixtureRequest) -> Result:
    return digitize([HISTORY / f"{name}.{request.param}" for name in NAMES], workers=1)


def _by_name(result: Result) -> dict[str, Report]:
    return {Path(r.source_file).stem: r for r in result.reports}


def _located(report: Report, year: int, area: int | None) -> tuple[int | None, int | None]:
    """Where ``report`` prints its figure of ``year`` and ``area`` (None: TOTALT)."""
    ext = report.extraction
    rows = [(s.page, s.line) for s in ext.area_scores if s.year == year and s.area == area]
    rows += [(t.page, t.line) for t in ext.year_totals if area is None and t.year == year]
    (where,) = rows
    return where


def _where(page: int | None, line: int | None) -> str:
    return f"page {page}, line {line}" if page is not None else f"line {line}"


def test_exactly_the_planted_repeats_are_flagged_with_both_locations(batch: Result) -> None:
    reports = _by_name(batch)
    found = sorted(batch.history, key=lambda item: (item[1].year or 0, item[1].area or 0))
    assert len(found) == len(EXPECTED["history"]) == 2
    for (report_id, finding), planted in zip(found, EXPECTED["history"], strict=True):
        later, other = reports[planted["on"]], reports[planted["other"]]
        assert report_id == later.report_id
        assert (finding.rule, finding.severity, finding.year, finding.area) == (
            "history_mismatch", "error", planted["year"], planted["area"])  # fmt: skip
        assert (finding.expected, finding.found) == (f"{planted['expected']:g}", f"{planted['found']:g}")
        assert (finding.page, finding.line) == _located(later, planted["year"], planted["area"])
        other_page, other_line = _located(other, planted["year"], planted["area"])
        assert f"{other.source_file} (report_id {other.report_id}), {_where(other_page, other_line)}." in (
            finding.message
        )


def test_the_2007_report_has_the_two_mismatches_in_issues_and_its_own_findings(batch: Result) -> None:
    later = _by_name(batch)["kk2002_skovde_2007"]
    issues = batch.tables["issues"]
    mine = issues[(issues["report_id"] == later.report_id) & (issues["severity"] != "info")]
    own = [(r["rule"], r["year"], r["expected"], r["found"]) for r in EXPECTED["own"]["kk2002_skovde_2007"]]
    planted = [
        ("history_mismatch", h["year"], f"{h['expected']:g}", f"{h['found']:g}") for h in EXPECTED["history"]
    ]
    rows = [
        (r.rule, None if r.year is pd.NA else int(r.year), _text(r.expected), _text(r.found))
        for r in mine.itertuples()
    ]
    assert sorted(rows, key=str) == sorted([*own, *planted], key=str)
    assert batch.severities["error"] == 4  # two total_mismatch of the 2007 report, two history_mismatch
    assert len(batch.findings[later.report_id]) == len(later.extraction.findings) + 2
    others = issues[issues["report_id"] != later.report_id]
    assert set(others["severity"]) <= {"info"}, others


def _text(value: object) -> str | None:
    return None if value is pd.NA else str(value)


def test_the_panel_holds_each_years_own_figures(batch: Result) -> None:
    ids = {r.report_id: Path(r.source_file).stem for r in batch.reports}
    panel = batch.tables["panel"]
    rows = [
        {"municipality_code": r.municipality_code, "year": int(r.year),
         "area": None if r.area is pd.NA else int(r.area), "score": float(r.score),
         "report": ids[r.report_id], "printed_by": int(r.printed_by), "agreeing": int(r.agreeing)}
        for r in panel.itertuples()
    ]  # fmt: skip
    assert rows == EXPECTED["panel"]
    assert panel["is_report_year"].all()
    editions = dict(zip(panel["year"].astype(int), panel["edition"], strict=True))
    assert editions == {2003: "kk2002", 2005: "kk2002", 2007: "kk2002-rev2007"}
    assert len(rows) == 27


def test_a_repeated_figure_carries_the_edition_of_the_year_it_was_scored() -> None:
    # The 2007 report alone (the revised 2002 tool) repeats 2003 and 2005, scored with the 2002 tool.
    alone = digitize([HISTORY / "kk2002_skovde_2007.txt"], workers=1).tables["panel"]
    editions = dict(zip(alone["year"].astype(int), alone["edition"], strict=False))
    assert editions == {2003: "kk2002", 2005: "kk2002", 2007: "kk2002-rev2007"}
    assert (alone["is_report_year"] == (alone["year"] == 2007)).all()


def test_area_scores_say_which_rows_are_the_reports_own_year(batch: Result) -> None:
    scores = batch.tables["area_scores"]
    later = _by_name(batch)["kk2002_skovde_2007"].report_id
    own = scores[scores["report_id"] == later]
    assert list(own.columns)[-2:] == ["is_report_year", "printing"]
    assert set(own["printing"]) == {1}
    assert sorted(own.loc[own["is_report_year"], "year"].unique()) == [2007]
    assert sorted(own.loc[~own["is_report_year"], "year"].unique()) == [2003, 2005]
    assert own["is_report_year"].sum() == 8 and (~own["is_report_year"]).sum() == 16


def _csvs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_results_do_not_depend_on_workers_or_input_order(tmp_path: Path, suffix: str) -> None:
    files = [str(HISTORY / f"{name}.{suffix}") for name in NAMES]
    runs = {"one worker": (files, "1"), "two workers, reversed": (files[::-1], "2")}
    outputs = []
    for label, (inputs, workers) in runs.items():
        out = tmp_path / label.replace(" ", "_").replace(",", "")
        result = CliRunner().invoke(
            main, ["run", *inputs, "--out", str(out), "--workers", workers, "--no-cache"]
        )
        assert result.exit_code == 0, result.output
        outputs.append(_csvs(out))
    assert outputs[0] == outputs[1]
    assert b"history_mismatch" in outputs[0]["issues.csv"] and "panel.csv" in outputs[0]


def test_copies_failed_and_unplaced_reports_take_no_part(batch: Result) -> None:
    first = batch.reports[0]
    copy = dataclasses.replace(first, source_file=f"{first.source_file}.copy.txt")
    failed = dataclasses.replace(first, source_file="z_failed.txt", status="failed")
    tables = build_tables((*batch.reports, copy, failed))
    assert tables["panel"].equals(batch.tables["panel"])
    assert tables["issues"]["rule"].tolist().count("history_mismatch") == 2


# --- every rule across reports fires ----------------------------------------------------------------

Alter = Callable[[dict[str, Report]], tuple[Report, ...]]


def _list_of_2007(change: Callable[[Evaluation], Evaluation | None]) -> Alter:
    """The batch with each entry of the 2007 report's list changed (None: dropped)."""

    def alter(reports: dict[str, Report]) -> tuple[Report, ...]:
        later = reports["kk2002_skovde_2007"]
        kept = (change(e) for e in later.extraction.evaluations)
        extraction = dataclasses.replace(later.extraction, evaluations=tuple(e for e in kept if e))
        reports = {**reports, "kk2002_skovde_2007": dataclasses.replace(later, extraction=extraction)}
        return tuple(reports.values())

    return alter


def _skovde(change: Callable[[Evaluation], Evaluation | None]) -> Callable[[Evaluation], Evaluation | None]:
    return lambda e: change(e) if e.municipality_code == "1496" else e


@dataclasses.dataclass(frozen=True)
class Case:
    """The batch ``alter``-ed, and the (rule, severity, year, expected, found, message part) it raises."""

    alter: Alter
    raised: tuple[tuple[str, str, int, str, str, str], ...]


def _same(reports: dict[str, Report]) -> tuple[Report, ...]:
    return tuple(reports.values())


CASES: dict[str, Case] = {
    "history_mismatch": Case(_same, (
        ("history_mismatch", "error", 2003, "424.5", "425.5", "TOTALT of 2003 is 425.5 here but 424.5 in "),
        ("history_mismatch", "error", 2005, "58", "56", "Area 3's total of 2005 is 56 here but 58 in "),
    )),
    # Skövde left out of the 2007 report's list: both earlier reports are missing from it.
    "history_not_listed": Case(_list_of_2007(_skovde(lambda e: None)), (
        ("history_not_listed", "warning", 2003, "2003", "",
         "The list of evaluated municipalities omits this municipality, but the batch holds the Skövde "
         "report of 2003: "),
        ("history_not_listed", "warning", 2005, "2005", "",
         "The list of evaluated municipalities omits this municipality, but the batch holds the Skövde "
         "report of 2005: "),
    )),
}  # fmt: skip


def test_every_batch_rule_has_a_case() -> None:
    assert sorted(rule.slug for rule in BATCH_RULES) == sorted(CASES)


def test_batch_rules_are_in_the_docs_and_apart_from_the_report_rules() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert block(page, "batch-rules") == rules_table(BATCH_RULES), "docs/rules.md is stale: run `make docs`"
    assert not {r.slug for r in BATCH_RULES} & {r.slug for r in RULES}


@pytest.mark.parametrize("slug", sorted(CASES))
def test_batch_rule_fires(slug: str, batch: Result) -> None:
    found = history_findings(digests(CASES[slug].alter(_by_name(batch))))
    raised = sorted(
        (f.rule, str(f.severity), f.year or 0, f.expected or "", f.found or "", f.message)
        for _, f in found if f.rule == slug
    )  # fmt: skip
    expected = sorted(CASES[slug].raised)
    assert len(raised) == len(expected)
    for got, want in zip(raised, expected, strict=True):
        assert got[:5] == want[:5] and got[5].startswith(want[5]), got


def test_a_list_with_another_year_is_flagged_at_the_entry(batch: Result) -> None:
    moved = _list_of_2007(_skovde(lambda e: dataclasses.replace(e, year=2006) if e.year == 2005 else e))
    reports = _by_name(batch)
    ((report_id, finding),) = history_findings(digests(moved(reports)))[2:]
    assert report_id == reports["kk2002_skovde_2007"].report_id
    assert (finding.rule, finding.year, finding.expected, finding.found) == (
        "history_not_listed",
        2005,
        "2005",
        "2003, 2006",
    )
    entry = next(
        e for e in reports["kk2002_skovde_2007"].extraction.evaluations if e.municipality_code == "1496"
    )
    assert (finding.page, finding.line) == (entry.page, entry.line)
    assert "gives 2003, 2006 for this municipality" in finding.message
