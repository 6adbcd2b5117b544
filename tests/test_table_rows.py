"""The row builders turn the Umeå records into the rows the tables hold, value by value: every
column of a row is asserted, so a builder that writes the wrong field, order or fallback fails."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from pipeline.model.records import (
    Comparison,
    Evaluation,
    Evaluator,
    Extraction,
    Metadata,
    QuestionScore,
    Report,
)
from pipeline.tables import rows as tables
from pipeline.tables.spill import build_tables

Row = dict[str, Any]


@pytest.fixture(scope="module")
def report(umea: Extraction) -> Report:
    return Report("r1", "umea_2007.txt", "abc", "text", None, extraction=umea)


def _rows(name: str, report: Report) -> list[Row]:
    return list(tables.ROW_BUILDERS[name](report))


def test_report_row(report: Report) -> None:
    assert _rows("reports", report) == [{
        "report_id": "r1", "source_file": "umea_2007.txt", "sha256": "abc", "input_format": "text",
        "pages": None, "municipality": "Umeå", "municipality_code": "2480", "year": 2007,
        "evaluation_start": date(2007, 9, 19), "evaluation_end": date(2007, 9, 21),
        "framework": "kk2002-rev2007",
        "evaluators": "Leif Eldås (Sveriges Kommuner och Landsting); Lena Tegenfeldt (Uddevalla kommun)",
        "status": "ok", "error": None, "report_date": None, "duplicate_of": None,
        "encoding": None, "ocr_pages": None,
    }]  # fmt: skip


def test_report_row_of_a_failed_file_without_evaluators() -> None:
    failed = Report("r2", "bad.pdf", "def", "pdf", 3, status="failed", error="not a PDF")
    (row,) = _rows("reports", failed)
    assert (row["pages"], row["evaluators"], row["status"], row["error"]) == (3, None, "failed", "not a PDF")


def test_area_score_rows_by_year_then_area_with_the_edition_name(report: Report) -> None:
    rows = _rows("area_scores", report)
    assert [(r["year"], r["area"]) for r in rows] == [(y, a) for y in (2003, 2005, 2007) for a in range(1, 9)]
    assert rows[-1] == {
        "report_id": "r1", "municipality_code": "2480", "year": 2007, "area": 8,
        "area_name": "Kommunen som samhällsbyggare", "score": 98.0,
        "printed_name": "Kommun som samhällsbyggare", "page": None, "line": 106, "is_report_year": True,
        "printing": 1,
    }  # fmt: skip
    assert [r["is_report_year"] for r in rows] == [False] * 16 + [True] * 8


def test_area_name_is_the_printed_one_without_an_edition(report: Report) -> None:
    no_edition = dataclasses.replace(report.extraction, metadata=Metadata(year=1999), edition=None)
    rows = _rows("area_scores", dataclasses.replace(report, extraction=no_edition))
    assert rows[-1]["area_name"] == "Kommun som samhällsbyggare"
    assert rows[-1]["municipality_code"] is None
    assert {r["is_report_year"] for r in rows} == {False}  # the report's year 1999 is none of its columns


def test_year_total_rows(report: Report) -> None:
    where = {"page": None, "line": 107}
    assert _rows("year_totals", report) == [
        {"report_id": "r1", "municipality_code": "2480", "year": year, "total": total, **where, "printing": 1}
        for year, total in ((2003, 497.0), (2005, 608.0), (2007, 646.0))
    ]


def test_question_score_rows(report: Report) -> None:
    rows = _rows("question_scores", report)
    assert len(rows) == 37
    assert rows[0] == {
        "report_id": "r1", "municipality_code": "2480", "year": 2007, "area": 1, "question_id": "1.1",
        "question": "Hur informeras medborgarna?", "max_score": 40.0, "score": 28.0, "page": None,
        "line": 673, "printed_id": "1.1", "ordinal": 1,
    }  # fmt: skip


def test_question_rows_in_numeric_id_order_then_where_printed() -> None:
    rows = [
        QuestionScore(1, "1.10", "a", 10, 5, 2, 1),
        QuestionScore(1, "1.9", "b", 10, 5, 2, 9),
        QuestionScore(1, "1.9", "c", 10, 5, 1, 30),
        QuestionScore(1, "1.9", "d", 10, 5, None, 4),
        QuestionScore(1, "1.9", "e", 10, 5, None, None),
    ]
    report = Report("r", "f", "s", "pdf", 2, extraction=Extraction(question_scores=tuple(rows)))
    assert [r["question"] for r in _rows("question_scores", report)] == ["e", "d", "c", "b", "a"]


def test_issue_row_says_severity_as_text(report: Report) -> None:
    assert _rows("issues", report)[0] == {
        "report_id": "r1", "rule": "area_sum_mismatch", "severity": "error", "area": 5, "question_id": None,
        "year": 2007, "expected": "78", "found": "79",
        "message": "Area 5: its sub-questions sum to 78 but the summary table gives 79 for 2007.",
        "page": None, "line": 103, "printed_line": "5 Kontroll och rapportering\t45\t71\t79",
        "x0": None, "top": None, "x1": None, "bottom": None, "compared_boxes": None,
        "issue_id": "08e258eb270e2bf4",  # the subject 2480/2007, the finding, its printed line
        "verdict": None, "review_note": None, "reviewer": None, "is_new": None,  # no review yet
    }  # fmt: skip


def test_observation_claim_evaluation_and_mention_rows(report: Report) -> None:
    assert _rows("observations", report)[0] == {
        "report_id": "r1", "area": 1, "kind": "strength", "position": 1,
        "text": "Framgångsrik presstrategi och bra informationsflöde genom befintliga kanaler.",
        "page": None, "line": 191,
    }  # fmt: skip
    assert _rows("claims", report)[2] == {
        "report_id": "r1", "area": 3, "claimed_score": 79.0, "claimed_change": -1.0,
        "compared_with_year": 2005,
        "sentence": "Inom området tydlighet i samspelet politiker och tjänstemän uppnår kommunen 79 poäng, "
        "vilket är en poäng mindre i förhållande till föregående utvärdering.",
        "page": None, "line": 301, "ordinal": 3,
    }  # fmt: skip
    bromma = next(r for r in _rows("evaluations", report) if r["entry"] == "Bromma-Stockholms stad")
    assert bromma == {
        "report_id": "r1", "entry": "Bromma-Stockholms stad", "municipality": "Stockholm",
        "municipality_code": "0180", "district": "Bromma", "year": 2006, "page": None, "line": 699,
        "ordinal": 5,  # the fifth entry of the list
    }  # fmt: skip
    assert _rows("mentions", report)[0] == {
        "report_id": "r1", "municipality": "Umeå", "municipality_code": "2480", "count": 99,
        "first_page": None, "first_line": 9, "is_subject": True,
    }  # fmt: skip


def _listing(report_id: str, code: str, year: int, *entries: Evaluation, status: str = "ok") -> Report:
    meta = Metadata(municipality=f"kommun {code}", municipality_code=code, year=year)
    extraction = Extraction(metadata=meta, evaluations=entries)
    return Report(report_id, f"{report_id}.txt", report_id, "text", None, status, extraction=extraction)


def _entry(municipality: str, code: str | None, year: int | None, district: str | None = None) -> Evaluation:
    return Evaluation(municipality, municipality, code, district, year)


def test_coverage_counts_listings_and_marks_digitized_reports() -> None:
    reports = [
        _listing("a", "0138", 2007, _entry("Umeå", "2480", 2005), _entry("Nacka", "0182", 2004),
                 _entry("Hyllie", "1280", None), _entry("Harstad", None, 2004),
                 _entry("Bromma", "0180", 2006, district="Bromma")),
        _listing("b", "2480", 2005, _entry("Nacka", "0182", 2004), _entry("Tyresö", "0138", 2007)),
        _listing("c", "0182", 2004, status="failed"),
        _listing("d", "2480", 2005),
    ]  # fmt: skip
    rows = list(tables.coverage_rows(reports))
    assert [(r["municipality_code"], r["district"], r["year"], r["listed_by"], r["report_id"], r["status"])
            for r in rows] == [
        ("0138", None, 2007, 1, "a", "digitized"),
        ("0180", "Bromma", 2006, 1, None, "missing"),
        ("0182", None, 2004, 2, None, "missing"),
        ("2480", None, 2005, 1, "b", "digitized"),
    ]  # fmt: skip
    assert [r["municipality"] for r in rows] == ["kommun 0138", "Bromma", "Nacka", "Umeå"]


def test_build_tables_holds_every_declared_table_in_report_order(report: Report) -> None:
    other = _listing("r0", "0182", 2004, _entry("Umeå", "2480", 2007))
    copy = dataclasses.replace(report, source_file="copy/umea_2007.txt")
    built = build_tables([report, other, copy])
    assert list(built) == [t.name for t in tables.TABLES]
    reports = built["reports"]
    assert reports["source_file"].tolist() == ["umea_2007.txt", "r0.txt", "copy/umea_2007.txt"]
    first_id = reports["report_id"][0]
    assert reports["duplicate_of"].isna().tolist() == [True, True, False]
    assert reports["duplicate_of"][2] == first_id != reports["report_id"][2]
    # Umeå's 2003 and 2005 are listed by the report and by its copy, 2007 by the other report.
    umea = built["coverage"].set_index("municipality_code").loc["2480"]
    assert umea["year"].tolist() == [2003, 2005, 2007]
    assert umea["listed_by"].tolist() == [2, 2, 1]
    assert umea["report_id"].tolist()[2] == first_id


def test_evaluators_join_names_and_organisations() -> None:
    meta = Metadata(evaluators=(Evaluator("A B", "SKL"), Evaluator("C D", "")))
    report = Report("r", "f", "s", "text", None, extraction=Extraction(metadata=meta))
    assert _rows("reports", report)[0]["evaluators"] == "A B (SKL); C D"


def test_comparison_rows_as_printed() -> None:
    comparisons = (
        Comparison("Ändring", "change", 1, 44.0, "percent", 2, 14, 2011, 2014),
        Comparison("40 kommuner i genomsnitt", "average", None, 455.0, "points", 2, 22),
        Comparison("", "change", 3, 16.0, "points", None, 8),
    )
    report = Report("r", "f", "s", "pdf", 2, extraction=Extraction(comparisons=comparisons))
    assert _rows("comparisons", report) == [
        {"report_id": "r", "label": "Ändring", "kind": "change", "area": 1, "value": 44.0, "unit": "percent",
         "page": 2, "line": 14, "from_year": 2011, "to_year": 2014, "ordinal": 1},
        {"report_id": "r", "label": "40 kommuner i genomsnitt", "kind": "average", "area": None,
         "value": 455.0, "unit": "points", "page": 2, "line": 22, "from_year": None, "to_year": None,
         "ordinal": 2},
        {"report_id": "r", "label": None, "kind": "change", "area": 3, "value": 16.0, "unit": "points",
         "page": None, "line": 8, "from_year": None, "to_year": None, "ordinal": 3},
    ]  # fmt: skip


def test_printed_id_empty_where_the_report_prints_none() -> None:
    rows = (
        QuestionScore(1, "1.1", "a", 30, 22, None, 5, ""),
        QuestionScore(2, "2.1", "b", 50, 35, None, 9, "2:1"),
    )
    report = Report("r", "f", "s", "text", None, extraction=Extraction(question_scores=rows))
    assert [(r["question_id"], r["printed_id"]) for r in _rows("question_scores", report)] == [
        ("1.1", None), ("2.1", "2:1")
    ]  # fmt: skip


def test_is_report_year_is_empty_when_the_reports_year_is_unknown(report: Report) -> None:
    unknown = dataclasses.replace(report.extraction, metadata=Metadata(municipality_code="2480"))
    rows = _rows("area_scores", dataclasses.replace(report, extraction=unknown))
    assert {r["is_report_year"] for r in rows} == {None}
