"""End to end: the command line on the corpus, checked against the report's printed figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.identity import report_id
from pipeline.run.process import process_file
from pipeline.tables.rows import SCHEMAS
from pipeline.tables.spill import build_tables
from tests.conftest import CORPUS, UMEA


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _csv(out: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{table}.csv", dtype={"municipality_code": str, "question_id": str})


def test_every_table_is_written_in_both_formats_with_contract_columns(out_dir: Path) -> None:
    for table, schema in SCHEMAS.items():
        assert list(_csv(out_dir, table).columns) == list(schema)
        assert list(pd.read_parquet(out_dir / f"{table}.parquet").columns) == list(schema)


def test_reports_row(out_dir: Path) -> None:
    (row,) = _csv(out_dir, "reports").to_dict("records")
    assert row["municipality"] == "Umeå" and row["municipality_code"] == "2480"
    assert (row["year"], row["evaluation_start"], row["evaluation_end"]) == (2007, "2007-09-19", "2007-09-21")
    assert (row["status"], row["input_format"], row["framework"]) == ("ok", "text", "kk2002-rev2007")
    assert (
        row["evaluators"]
        == "Leif Eldås (Sveriges Kommuner och Landsting); Lena Tegenfeldt (Uddevalla kommun)"
    )
    assert row["report_id"] == report_id(row["sha256"], row["source_file"])
    assert pd.isna(row["duplicate_of"])


def test_question_scores_as_printed(out_dir: Path) -> None:
    questions = _csv(out_dir, "question_scores").set_index("question_id")
    assert len(questions) == 37
    assert (questions.loc["7.1", "max_score"], questions.loc["7.1", "score"]) == (20, 25)
    assert (questions.loc["2.1", "max_score"], questions.loc["2.1", "score"]) == (10, 7.5)
    assert questions.loc["4.1", "score"] == 28.5
    assert set(questions["year"]) == {2007} and set(questions["municipality_code"]) == {"2480"}
    assert questions["line"].notna().all() and questions["page"].isna().all()


def test_numbers_are_numbers_in_csv(out_dir: Path) -> None:
    lines = (out_dir / "question_scores.csv").read_text(encoding="utf-8").splitlines()
    row_2_1 = next(line for line in lines if ",2.1," in line)
    row_1_1 = next(line for line in lines if ",1.1," in line)
    # ..., max_score, score, page (empty for text), line, printed_id, ordinal
    assert row_2_1.endswith(",10,7.5,,678,2.1,4") and row_1_1.endswith(",40,28,,673,1.1,1")


def test_area_scores_and_totals(out_dir: Path) -> None:
    areas = _csv(out_dir, "area_scores")
    assert len(areas) == 24 and sorted(set(areas["year"])) == [2003, 2005, 2007]
    assert areas.query("year == 2005 and area == 2")["score"].item() == 69.5
    totals = _csv(out_dir, "year_totals")
    assert dict(zip(totals["year"], totals["total"], strict=True)) == {2003: 497, 2005: 608, 2007: 646}


def test_exactly_four_errors(out_dir: Path) -> None:
    issues = _csv(out_dir, "issues")
    errors = issues[issues["severity"] == "error"]
    assert sorted(zip(errors["rule"], errors["found"].astype(str), strict=True)) == [
        ("area_sum_mismatch", "75"),
        ("area_sum_mismatch", "79"),
        ("score_exceeds_max", "25"),
        ("total_mismatch", "497"),
    ]
    assert errors["message"].str.len().min() > 20


def test_written_tables_equal_the_library_result(out_dir: Path) -> None:
    tables = build_tables([process_file(UMEA)])
    for table in ("question_scores", "area_scores", "issues"):
        written = pd.read_parquet(out_dir / f"{table}.parquet")
        pd.testing.assert_frame_equal(written, tables[table], check_dtype=False)


@pytest.mark.slow
def test_strict_exit_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(tmp_path), "--strict"])
    assert result.exit_code == 1
    assert "4 error" in result.output


def test_csv_only(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0
    assert (tmp_path / "reports.csv").exists() and not list(tmp_path.glob("*.parquet"))


def test_bad_file_fails_but_batch_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "umea.txt").write_bytes(UMEA.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "recipe.txt").write_text("Kanelbullar\n\nMjöl, smör och socker.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(inputs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    reports = _csv(tmp_path / "out", "reports").set_index("source_file")
    assert reports.loc[str(inputs / "umea.txt"), "status"] == "ok"
    assert reports.loc[str(inputs / "empty.txt"), "error"] == "the file is empty"
    assert reports.loc[str(inputs / "recipe.txt"), "error"].startswith("not a Kommunkompassen report")


def test_no_inputs_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no report files found" in result.output


def test_help_has_examples() -> None:
    for args in (["--help"], ["run", "--help"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0 and "kompass run corpus/ --out output/" in result.output


def test_coverage_says_which_listed_evaluations_are_missing(out_dir: Path) -> None:
    coverage = _csv(out_dir, "coverage")
    assert len(coverage) == 49  # 48 dated list rows (Hyllie has no year) and the digitized Umeå 2007
    assert (coverage["status"] == "missing").sum() == 48
    umea = coverage[coverage["municipality_code"] == "2480"].set_index("year")
    assert umea.loc[2007, "status"] == "digitized" and umea.loc[2003, "status"] == "missing"
    bromma = coverage[coverage["district"] == "Bromma"]
    assert (bromma["municipality_code"].item(), bromma["year"].item()) == ("0180", 2006)


@pytest.mark.slow
def test_coverage_marks_a_listed_evaluation_digitized_when_its_report_is_in_the_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "umea.txt").write_bytes(UMEA.read_bytes())
    # The same report as if it were Nacka's 2003 evaluation, which the Umeå list names.
    nacka = UMEA.read_text(encoding="utf-8").replace("Analys av Umeå kommun", "Analys av Nacka kommun")
    (inputs / "nacka.txt").write_text(
        nacka.replace("19-21 september 2007", "19-21 september 2003"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["run", str(inputs), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    coverage = _csv(tmp_path / "out", "coverage").set_index(["municipality_code", "year"])
    assert coverage.loc[("0182", 2003), "status"] == "digitized"
    assert coverage.loc[("0182", 2003), "listed_by"] == 2
    assert coverage.loc[("0182", 1996), "status"] == "missing"
