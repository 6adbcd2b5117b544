"""Every table's keys hold in every batch, the writer refuses a table that breaks one, and the
tables load with their keys into SQLite (OUT/kompass.sqlite) and DuckDB."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.defaults import FORMAT_NAMES
from pipeline.model.schema import TABLES, ColumnType, table
from pipeline.run.process import process_file
from pipeline.tables.database import FILE_NAME, VIEWS, table_sql
from pipeline.tables.keys import KeyViolationError, check_keys
from pipeline.tables.spill import build_tables
from pipeline.tables.writers import write_tables
from tests.conftest import CORPUS, FIXTURE_PDFS, ROOT, UMEA, frictionless_validate
from tests.fuzz import engines
from tests.fuzz.sample import SampleRun

FIXTURES = ROOT / "tests" / "fixtures"
# The corpus run and the fixture batches: editions (text and PDF), a municipality's history, the
# fixture PDFs of the corpus report's layouts.
BATCHES = {
    "corpus": [CORPUS],
    "editions": [FIXTURES / "editions"],
    "history": [FIXTURES / "history"],
    "pdfs": FIXTURE_PDFS,
}
DUCKDB_TYPES: dict[ColumnType, str] = {
    "string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE", "boolean": "BOOLEAN",
}  # fmt: skip


def _run(out: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["run", *args, "--out", str(out), "--workers", "2", "--no-report"])
    assert result.exit_code == 0, result.output


# The fixed fuzz sample (tests/fuzz/sample.py): reports nobody here wrote by hand, of every edition,
# engine and export, scans among them, so that keys are checked on layouts the fixtures do not have.
# Its one digitization of the session is written here; the tests that read it run where it is made.
ON_FUZZ_SAMPLE = [
    pytest.mark.slow,
    pytest.mark.ocr,
    pytest.mark.xdist_group("fuzz_sample"),
    pytest.mark.skipif(bool(engines.missing()), reason=f"not installed: {engines.missing()}"),
]


@pytest.fixture(scope="module", params=[*BATCHES, pytest.param("fuzz", marks=ON_FUZZ_SAMPLE)])
def batch_out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp(request.param) / "output"
    if request.param == "fuzz":
        sample: SampleRun = request.getfixturevalue("fuzz_sample")
        sample.result.write(out, FORMAT_NAMES["all"])
    else:
        _run(out, *map(str, BATCHES[request.param]), "--format", "all", "--no-cache")
    return out


def test_every_table_loads_into_sqlite_with_its_keys(batch_out: Path) -> None:
    connection = sqlite3.connect(batch_out / FILE_NAME)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    for declared in TABLES:
        info = connection.execute(f'PRAGMA table_info("{declared.name}")').fetchall()
        assert [row[1] for row in info] == list(declared.column_names)
        key = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]]
        assert key == list(declared.primary_key), declared.name
        references = connection.execute(f'PRAGMA foreign_key_list("{declared.name}")').fetchall()
        declared_references = {(k.table, k.column) for k in declared.foreign_keys}
        assert {(row[2], row[3]) for row in references} == declared_references
        rows = connection.execute(f'SELECT COUNT(*) FROM "{declared.name}"').fetchone()[0]
        assert rows == len(pd.read_parquet(batch_out / f"{declared.name}.parquet")), declared.name
    # Codes are text, also those with a leading zero (the lists name Stockholm's districts, 0180).
    kinds = connection.execute("SELECT DISTINCT typeof(municipality_code) FROM coverage").fetchall()
    assert kinds == [("text",)]
    codes = {code for (code,) in connection.execute("SELECT municipality_code FROM coverage")}
    assert any(code.startswith("0") for code in codes) and all(len(code) == 4 for code in codes)


def test_every_table_loads_into_duckdb_with_its_keys(batch_out: Path) -> None:
    connection = duckdb.connect()
    for declared in TABLES:  # reports first: the others refer to it
        connection.execute(table_sql(declared, DUCKDB_TYPES))
        parquet = batch_out / f"{declared.name}.parquet"
        connection.execute(f"INSERT INTO \"{declared.name}\" SELECT * FROM read_parquet('{parquet}')")
        count = connection.execute(f'SELECT COUNT(*) FROM "{declared.name}"').fetchone()
        assert count == (len(pd.read_parquet(parquet)),)
    constraints = connection.execute(
        "SELECT table_name, constraint_type FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    ).fetchall()
    assert sorted(name for name, _ in constraints) == sorted(t.name for t in TABLES)


def test_frictionless_validates_every_batch(batch_out: Path) -> None:
    run = frictionless_validate(batch_out)
    assert run.returncode == 0 and json.loads(run.stdout)["valid"], run.stdout[:2000]


def test_a_duplicated_key_in_duckdb_is_refused(batch_out: Path) -> None:
    """The keys loaded into DuckDB are enforced there: the same row twice is refused."""
    connection = duckdb.connect()
    declared = table("reports")
    connection.execute(table_sql(declared, DUCKDB_TYPES))
    parquet = batch_out / "reports.parquet"
    connection.execute(f"INSERT INTO reports SELECT * FROM read_parquet('{parquet}')")
    with pytest.raises(duckdb.ConstraintException):
        connection.execute(f"INSERT INTO reports SELECT * FROM read_parquet('{parquet}') LIMIT 1")


@pytest.fixture(scope="module")
def corpus_tables() -> dict[str, pd.DataFrame]:
    return build_tables([process_file(UMEA)])


def test_the_writer_refuses_a_repeated_key_and_publishes_nothing(
    corpus_tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    broken = dict(corpus_tables)
    scores = corpus_tables["area_scores"]
    broken["area_scores"] = pd.concat([scores, scores.iloc[[3]]], ignore_index=True)
    with pytest.raises(KeyViolationError, match=r"'area_scores': two rows share the key \(report_id="):
        write_tables(broken, tmp_path, ["csv", "parquet", "sqlite"])
    assert list(tmp_path.iterdir()) == []


def test_the_writer_refuses_an_empty_primary_key_column(corpus_tables: dict[str, pd.DataFrame]) -> None:
    issues = corpus_tables["issues"].copy()
    issues.loc[2, "issue_id"] = pd.NA
    with pytest.raises(KeyViolationError, match="'issues': primary key column 'issue_id' is empty"):
        check_keys("issues", [issues])


def test_a_unique_key_counts_empty_values_as_equal(corpus_tables: dict[str, pd.DataFrame]) -> None:
    panel = corpus_tables["panel"]
    totals = panel[panel["area"].isna()]
    assert len(totals) == 3  # TOTALT of 2003, 2005 and 2007: area empty, told apart by year
    check_keys("panel", [panel])
    twice = pd.concat([panel, totals.iloc[[0]].assign(ordinal=99)], ignore_index=True)
    shared = r"'panel': two rows share the key \(municipality_code='2480', year=2003, area=None\)"
    with pytest.raises(KeyViolationError, match=shared):
        check_keys("panel", [twice])


def _summary_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = UMEA.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "umea_variant.txt"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_year_printed_in_two_columns_is_two_printings(tmp_path: Path) -> None:
    # The header names 2005 twice: the third column is read as a second printing of 2005.
    path = _summary_variant(tmp_path, "\t2003\t2005\t2007\n", "\t2003\t2005\t2005\n")
    out = tmp_path / "out"
    _run(out, str(path), "--format", "all")
    scores = pd.read_parquet(out / "area_scores.parquet")
    area_1 = scores[scores["area"] == 1][["year", "score", "printing"]].values.tolist()
    assert area_1 == [[2003, 56.0, 1], [2005, 66.0, 1], [2005, 73.0, 2]]
    totals = pd.read_parquet(out / "year_totals.parquet")[["year", "total", "printing"]].values.tolist()
    assert totals == [[2003, 497.0, 1], [2005, 608.0, 1], [2005, 646.0, 2]]
    # Each TOTALT is checked against its own column, and the repeat is reported once per cell.
    issues = pd.read_parquet(out / "issues.parquet")
    assert issues.loc[issues["rule"] == "total_mismatch", "year"].tolist() == [2003]  # 497.5 as printed
    twice = issues[issues["rule"] == "summary_printed_twice"]
    assert len(twice) == 9 and set(twice["year"]) == {2005}
    assert twice[twice["area"].isna()][["expected", "found"]].values.tolist() == [["608", "646"]]


def test_an_area_printed_in_two_rows_is_two_printings(tmp_path: Path) -> None:
    row = "5 Kontroll och rapportering\t45\t71\t79\n"
    path = _summary_variant(tmp_path, row, row + "5 Kontroll och rapportering\t45\t71\t80\n")
    built = build_tables([process_file(path)])
    area_5 = built["area_scores"][built["area_scores"]["area"] == 5]
    assert area_5[["year", "score", "printing"]].values.tolist() == [
        [2003, 45.0, 1], [2003, 45.0, 2], [2005, 71.0, 1], [2005, 71.0, 2], [2007, 79.0, 1], [2007, 80.0, 2],
    ]  # fmt: skip
    # The rules read the first printing, as the panel does; the second is a finding of its own.
    issues = built["issues"].set_index("rule")
    assert issues.loc["area_sum_mismatch"].query("area == 5")["found"].tolist() == ["79"]
    twice = issues.loc[["summary_printed_twice"]][["area", "year", "expected", "found"]].values.tolist()
    assert twice == [[5, 2003, "45", "45"], [5, 2005, "71", "71"], [5, 2007, "79", "80"]]


def test_an_area_headed_twice_numbers_its_items_on(tmp_path: Path) -> None:
    # A second heading of area 3, worded otherwise, with lists of its own, before area 4.
    second = (
        "Område 3 Samspelet mellan politiker och tjänstemän, fortsättning\n\nStyrkor\n\n"
        "- En styrka till.\n\nFörbättringsområden\n\n- En förbättring till.\n\n"
    )
    path = _summary_variant(tmp_path, "Område 4 Ledning", second + "Område 4 Ledning")
    observations = build_tables([process_file(path)])["observations"]
    area_3 = observations[observations["area"] == 3]
    assert area_3[["kind", "position"]].values.tolist() == [
        *(["strength", n] for n in range(1, 6)), ["improvement", 1], ["improvement", 2],
        ["strength", 6], ["improvement", 3],
    ]  # fmt: skip
    assert area_3["text"].tolist()[-2:] == ["En styrka till.", "En förbättring till."]
    check_keys("observations", [observations])


def _database(out: Path, sql: str) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(out / FILE_NAME)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "output"
    _run(out, str(CORPUS), "--format", "csv,sqlite")
    return out


def test_the_wide_view_puts_the_areas_side_by_side(corpus_out: Path) -> None:
    rows = _database(corpus_out, "SELECT * FROM panel_wide WHERE year = 2007")
    areas = (73.0, 79.5, 79.0, 84.5, 79.0, 78.0, 75.0, 98.0)  # Tabell 2 of the report, its 2007 column
    assert rows == [("2480", "Umeå", 2007, "kk2002-rev2007", *areas, 646.0)]
    names = [row[1] for row in _database(corpus_out, "PRAGMA table_info(panel_wide)")]
    assert names[4:] == [*(f"area_{n}" for n in range(1, 9)), "total"]


def test_findings_per_report_count_the_issues_by_severity(corpus_out: Path) -> None:
    issues = pd.read_csv(corpus_out / "issues.csv", dtype={"report_id": "string"})
    counts = issues["severity"].value_counts()
    ((report_id, source, *_, errors, warnings, infos, findings, new),) = _database(
        corpus_out, "SELECT * FROM findings_per_report"
    )
    assert new is None  # no review given
    assert (errors, warnings, infos) == (counts["error"], counts["warning"], counts["info"])
    assert findings == len(issues) == 23 and source.endswith("umea_2007.txt")
    assert report_id == issues["report_id"][0]


def test_the_database_keeps_dates_booleans_and_the_manifest(corpus_out: Path) -> None:
    dates = _database(corpus_out, "SELECT evaluation_start, typeof(year) FROM reports")
    assert dates == [("2007-09-19", "integer")]
    assert _database(corpus_out, "SELECT DISTINCT is_subject FROM mentions ORDER BY 1") == [(0,), (1,)]
    ((manifest,),) = _database(corpus_out, "SELECT manifest FROM kompass_manifest")
    assert json.loads(manifest)["options"]["format"] == ["csv", "sqlite"]


def test_a_run_without_the_database_removes_an_earlier_one(corpus_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(out, str(UMEA), "--format", "all")
    assert (out / FILE_NAME).exists() and (out / "reports.parquet").exists()
    _run(out, str(UMEA), "--format", "both")
    assert not (out / FILE_NAME).exists() and (out / "reports.csv").exists()


@pytest.mark.parametrize(
    ("given", "message"),
    [("sqlite", "sqlite goes with csv or parquet"), ("csv,xml", "'xml' is not one of csv, parquet, sqlite")],
)
def test_format_refuses_what_it_cannot_write(tmp_path: Path, given: str, message: str) -> None:
    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(tmp_path), "--format", given])
    assert result.exit_code == 2 and message in result.output


def test_the_docs_list_every_view() -> None:
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    section = text[text.index("## One database file") :]
    section = section.split("\n## ")[0]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("- `")]
    assert listed == list(VIEWS)
