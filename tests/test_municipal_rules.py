"""The warnings on the list of evaluated municipalities and on stated counts, each rule on its own,
then all of them on the Umeå report."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from pipeline.cli import main
from pipeline.model.records import (
    AreaScore,
    Evaluation,
    EvaluationList,
    Extraction,
    Metadata,
    Severity,
    StatedCount,
)
from pipeline.tables.rows import SCHEMAS
from pipeline.validation import municipal

UMEA_META = Metadata(municipality="Umeå", municipality_code="2480", year=2007)
MUNICIPAL_RULES = {rule.slug for each in municipal.CHECKS for rule in each.rules}


def _row(entry: str, code: str | None, year: int | None, district: str | None = None) -> Evaluation:
    return Evaluation(entry, entry, code, district, year, page=None, line=699)


def _scores(*years: int) -> tuple[AreaScore, ...]:
    return tuple(AreaScore(1, "Offentlighet", year, 50.0) for year in years)


def _listing(since: int | None = None, named: tuple[tuple[str, str], ...] = ()) -> EvaluationList:
    return EvaluationList(
        lead_in="Följande kommuner har utvärderats", named=named, tool_since=since, line=699
    )


@pytest.mark.parametrize(
    ("rows", "since", "expected"),
    [
        ((_row("Nacka", "0182", 1996), _row("Nacka", "0182", 2003)), None, ["1996"]),
        ((_row("Trollhättan", "1488", 2000), _row("Trollhättan", "1488", 2002)), 2002, ["2000"]),
        ((_row("Ale", "1440", 2003),), 2004, ["2003"]),
        ((_row("Ale", "1440", 2002), _row("Hyllie", "1280", None, "Hyllie")), None, []),
    ],
)
def test_evaluation_before_tool(rows: tuple[Evaluation, ...], since: int | None, expected: list[str]) -> None:
    extraction = Extraction(evaluations=rows, evaluation_list=_listing(since))
    findings = list(municipal.evaluation_before_tool(extraction, None))
    assert [f.found for f in findings] == expected
    assert all(f.severity is Severity.WARNING and f.line == 699 for f in findings)


def test_evaluation_year_missing() -> None:
    rows = (_row("Hyllie", "1280", None, "Hyllie"), _row("Ale", "1440", 2006))
    (finding,) = municipal.evaluation_year_missing(Extraction(evaluations=rows), None)
    assert (finding.rule, finding.found, finding.severity) == (
        "evaluation_year_missing",
        "Hyllie",
        Severity.WARNING,
    )


def test_evaluation_unknown() -> None:
    rows = (_row("Harstad", None, 2004), _row("Ale", "1440", 2006))
    assert [f.found for f in municipal.evaluation_unknown(Extraction(evaluations=rows), None)] == ["Harstad"]


@pytest.mark.parametrize(
    ("rows", "table_years", "expected"),
    [
        ((_row("Umeå", "2480", 2003), _row("Umeå", "2480", 2005)), (2003, 2005, 2007), None),
        ((_row("Umeå", "2480", 2003),), (2003, 2005, 2007), ("2003, 2005", "2003")),
        ((_row("Umeå", "2480", 2003), _row("Umeå", "2480", 2004)), (2003, 2005, 2007), ("2003, 2005", "2003, 2004")),  # noqa: E501
        ((_row("Ale", "1440", 2006),), (2005, 2007), ("2005", "none")),
        ((_row("Ale", "1440", 2006),), (2007,), None),
        ((_row("Umeå", "2480", 2003), _row("Umeå", "2480", 2005), _row("Umeå", "2480", 2007)), (2003, 2005, 2007), None),  # noqa: E501
    ],
)  # fmt: skip
def test_subject_history_mismatch(
    rows: tuple[Evaluation, ...], table_years: tuple[int, ...], expected: tuple[str, str] | None
) -> None:
    extraction = Extraction(metadata=UMEA_META, area_scores=_scores(*table_years), evaluations=rows)
    findings = list(municipal.subject_history_mismatch(extraction, None))
    assert [(f.expected, f.found) for f in findings] == ([expected] if expected else [])


def test_subject_history_needs_a_known_subject_and_skips_its_districts() -> None:
    rows = (_row("Bromma-Stockholms stad", "0180", 2006, "Bromma"),)
    unknown = Extraction(metadata=Metadata(year=2007), area_scores=_scores(2005, 2007), evaluations=rows)
    assert list(municipal.subject_history_mismatch(unknown, None)) == []
    stockholm = Metadata(municipality="Stockholm", municipality_code="0180", year=2007)
    extraction = Extraction(metadata=stockholm, area_scores=_scores(2007), evaluations=rows)
    assert list(municipal.subject_history_mismatch(extraction, None)) == []


def test_stated_count_mismatch() -> None:
    counts = (
        StatedCount(6, "de sex kommunerna", ("Umeå", "Bjurholm", "Lycksele", "Nordmaling", "Robertsfors", "Storuman", "Vindeln", "Vännäs"), None, 631),  # noqa: E501
        StatedCount(9, "nio andra norrkommuner", tuple("ABCDEFGHI"), None, 330),
    )  # fmt: skip
    (finding,) = municipal.stated_count_mismatch(Extraction(stated_counts=counts), None)
    assert (finding.expected, finding.found, finding.line) == ("6", "8", 631)
    assert "de sex kommunerna" in finding.message


@pytest.mark.parametrize(
    ("named", "expected"),
    [((("Tyresö", "0138"),), ["Tyresö"]), ((("Umeå", "2480"),), []), ((), [])],
)
def test_lead_in_names_other(named: tuple[tuple[str, str], ...], expected: list[str]) -> None:
    extraction = Extraction(metadata=UMEA_META, evaluation_list=_listing(named=named))
    assert [f.found for f in municipal.lead_in_names_other(extraction, None)] == expected


def test_umea_warnings(umea: Extraction) -> None:
    rules = MUNICIPAL_RULES
    mine = sorted((f.rule, f.found) for f in umea.findings if f.rule in rules)
    assert mine == [
        ("evaluation_before_tool", "1996"),
        ("evaluation_before_tool", "2000"),
        ("evaluation_year_missing", "Hyllie"),
        ("lead_in_names_other", "Tyresö"),
        ("stated_count_mismatch", "8"),
    ]
    assert all(f.severity is Severity.WARNING for f in umea.findings if f.rule in rules)
    assert sum(1 for f in umea.findings if f.severity is Severity.ERROR) == 4


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.slow
def test_cli_writes_evaluations_and_mentions(tmp_path: Path, umea: Extraction) -> None:
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    evaluations = _read(tmp_path / "evaluations.csv")
    assert list(evaluations[0]) == list(SCHEMAS["evaluations"])
    assert list(SCHEMAS["evaluations"])[:6] == [
        "report_id", "entry", "municipality", "municipality_code", "district", "year",
    ]  # fmt: skip
    assert len(evaluations) == 49 == len(umea.evaluations)
    hyllie = next(row for row in evaluations if row["entry"] == "Hyllie")
    assert (hyllie["municipality_code"], hyllie["district"], hyllie["year"]) == ("1280", "Hyllie", "")
    bromma = next(row for row in evaluations if row["entry"] == "Bromma-Stockholms stad")
    assert (bromma["municipality_code"], bromma["district"], bromma["year"]) == ("0180", "Bromma", "2006")
    mentions = _read(tmp_path / "mentions.csv")
    assert list(mentions[0]) == [
        "report_id", "municipality", "municipality_code", "count", "first_page", "first_line", "is_subject",
    ]  # fmt: skip
    assert len(mentions) == 56
    subjects = [
        (r["municipality"], r["municipality_code"], r["count"]) for r in mentions if r["is_subject"] == "True"
    ]
    assert subjects == [("Umeå", "2480", "99")]
    issues = _read(tmp_path / "issues.csv")
    assert sorted(row["rule"] for row in issues if row["rule"] in MUNICIPAL_RULES) == [
        "evaluation_before_tool", "evaluation_before_tool", "evaluation_year_missing", "lead_in_names_other",
        "stated_count_mismatch",
    ]  # fmt: skip


def test_subject_history_points_at_the_subjects_own_entry() -> None:
    rows = (dataclasses.replace(_row("Ale", "1440", 2006), line=690), _row("Umeå", "2480", 2003))
    extraction = Extraction(metadata=UMEA_META, area_scores=_scores(2003, 2005, 2007), evaluations=rows)
    (finding,) = municipal.subject_history_mismatch(extraction, None)
    assert (finding.found, finding.line) == ("2003", 699)


def test_lead_in_of_a_report_whose_municipality_is_unknown_is_not_judged() -> None:
    unknown = Metadata(municipality=None, municipality_code=None, year=2007)
    listing = _listing(named=(("Tyresö", "0138"),))
    extraction = Extraction(metadata=unknown, evaluation_list=listing)
    assert list(municipal.lead_in_names_other(extraction, None)) == []
