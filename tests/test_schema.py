"""The output contract is declared once (pipeline.model.schema): row builders, Parquet and docs/tables.md
follow it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.records import Report
from pipeline.model.schema import (
    TABLES,
    Column,
    SchemaError,
    columns_block,
    markdown_columns,
    table,
)
from pipeline.run.process import process_file
from pipeline.tables import rows as tables
from pipeline.tables.parquet import arrow_schema
from pipeline.tables.spill import build_tables
from pipeline.tables.writers import write_tables
from pipeline.validation.doc_blocks import block, replace_block
from tests.conftest import CORPUS, ROOT, UMEA, frictionless_validate

TABLES_PAGE = ROOT / "docs" / "tables.md"
EVERY_COLUMN = [(t.name, c.name) for t in TABLES for c in t.columns]


@pytest.fixture(scope="module")
def umea_report() -> Report:
    return process_file(UMEA)


@pytest.fixture(scope="module")
def later_report() -> Report:
    """A 2010-tool report whose summary table has comparison columns (no 2002-tool report has)."""
    return process_file(ROOT / "tests" / "fixtures" / "editions" / "kk2010_karlskrona_2014.txt")


@pytest.fixture(scope="module")
def failed_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    empty = tmp_path_factory.mktemp("in") / "empty.txt"
    empty.write_bytes(b"")
    report = process_file(empty)
    assert report.status == "failed"
    return report


def _altered(builder: Callable[..., Iterator[dict[str, Any]]], change: Callable[[dict[str, Any]], None]):
    def altered(*args: Any) -> Iterator[dict[str, Any]]:
        for row in builder(*args):
            row = dict(row)
            change(row)
            yield row

    return altered


def _patch_builder(
    monkeypatch: pytest.MonkeyPatch, name: str, change: Callable[[dict[str, Any]], None]
) -> None:
    registry = tables.BATCH_BUILDERS if name in tables.BATCH_BUILDERS else tables.ROW_BUILDERS
    monkeypatch.setitem(registry, name, _altered(registry[name], change))


def test_every_table_has_rows_from_the_corpus(umea_report: Report, later_report: Report) -> None:
    built = build_tables([umea_report, later_report])
    assert list(built) == [t.name for t in TABLES]
    for name, df in built.items():
        assert len(df) > 0, name
        assert list(df.columns) == list(table(name).column_names)


@pytest.mark.parametrize(("name", "column"), EVERY_COLUMN)
def test_a_misspelt_row_builder_key_fails_loudly(
    monkeypatch: pytest.MonkeyPatch, umea_report: Report, later_report: Report, name: str, column: str
) -> None:
    def misspell(row: dict[str, Any]) -> None:
        row[column + "s"] = row.pop(column)

    _patch_builder(monkeypatch, name, misspell)
    with pytest.raises(SchemaError, match=rf"{name}.*{column}s"):
        build_tables([umea_report, later_report])


def test_a_missing_key_fails_naming_table_and_column(
    monkeypatch: pytest.MonkeyPatch, umea_report: Report
) -> None:
    _patch_builder(monkeypatch, "question_scores", lambda row: row.pop("max_score"))
    with pytest.raises(SchemaError, match=r"'question_scores'.*lacks column\(s\) \['max_score'\]"):
        build_tables([umea_report])


def test_an_empty_required_value_fails(monkeypatch: pytest.MonkeyPatch, umea_report: Report) -> None:
    _patch_builder(monkeypatch, "observations", lambda row: row.update(kind=None))
    with pytest.raises(SchemaError, match=r"'observations': required column 'kind' is empty"):
        build_tables([umea_report])


def test_an_undeclared_table_fails() -> None:
    with pytest.raises(SchemaError, match="no output table is declared as 'scores'"):
        tables.frame("scores", [])


def test_parquet_types_are_declared_not_inferred(tmp_path: Path, failed_report: Report) -> None:
    write_tables(build_tables([failed_report]), tmp_path, ["parquet"])
    for declared in TABLES:
        assert pq.read_schema(tmp_path / f"{declared.name}.parquet").remove_metadata() == arrow_schema(
            declared.name
        )
    reports = pq.read_schema(tmp_path / "reports.parquet")
    assert str(reports.field("evaluation_start").type) == "date32[day]"
    assert str(reports.field("year").type) == "int64"
    assert str(pq.read_schema(tmp_path / "mentions.parquet").field("is_subject").type) == "bool"


def test_a_failed_batch_reads_together_with_a_normal_one(
    tmp_path: Path, umea_report: Report, failed_report: Report
) -> None:
    failed, normal = tmp_path / "failed", tmp_path / "normal"
    write_tables(build_tables([failed_report]), failed, ["parquet"])
    write_tables(build_tables([umea_report]), normal, ["parquet"])
    for declared in TABLES:
        paths = [str(failed / f"{declared.name}.parquet"), str(normal / f"{declared.name}.parquet")]
        both = duckdb.sql(f"SELECT * FROM read_parquet({paths!r})").df()
        alone = pd.read_parquet(paths[1])
        expected_rows = len(alone) + (1 if declared.name == "reports" else 0)
        assert len(both) == expected_rows, declared.name
        assert len(pd.read_parquet(paths)) == expected_rows, declared.name
        assert ds.dataset(paths).count_rows() == expected_rows, declared.name
    dates = duckdb.sql(
        f"SELECT evaluation_start FROM read_parquet(['{failed}/reports.parquet', '{normal}/reports.parquet'])"
        " WHERE evaluation_start IS NOT NULL"
    ).fetchall()
    assert [str(d) for (d,) in dates] == ["2007-09-19"]


def test_the_docs_column_tables_match_the_declaration() -> None:
    text = TABLES_PAGE.read_text(encoding="utf-8")
    documented = re.findall(r"<!-- ([\w-]+): generated by", text)
    assert [name for name in documented if name.endswith("-columns")] == [columns_block(t) for t in TABLES]
    for declared in TABLES:
        assert block(text, columns_block(declared)) == markdown_columns(declared), "stale: run `make docs`"
        assert f"## `{declared.name}`: {declared.description}\n" in text


def test_make_docs_writes_a_changed_column_into_the_page() -> None:
    reports = table("reports")
    changed = replace(reports, columns=(*reports.columns, Column("extra", "integer", "a new column")))
    page = TABLES_PAGE.read_text(encoding="utf-8")
    text = replace_block(page, columns_block(changed), markdown_columns(changed))
    assert "| extra | integer | a new column |\n\nKey: `report_id`.\n<!-- /reports-columns -->" in text


@pytest.fixture(scope="module")
def corpus_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "output"
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_frictionless_validates_the_corpus_output(corpus_output: Path) -> None:
    run = frictionless_validate(corpus_output)
    report = json.loads(run.stdout)
    assert run.returncode == 0 and report["valid"], run.stdout[:2000]
    # frictionless leaves out the row count of a table without rows (the corpus has no comparisons)
    checked = {task["name"]: task["stats"].get("rows", 0) for task in report["tasks"]}
    assert checked["question_scores"] == 37 and checked["coverage"] > 0
    assert set(checked) == {t.name for t in TABLES}


def test_datapackage_declares_types_and_keys(corpus_output: Path) -> None:
    package = json.loads((corpus_output / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert resources["reports"]["path"] == "reports.csv"
    fields = {f["name"]: f for f in resources["question_scores"]["schema"]["fields"]}
    assert (fields["question_id"]["type"], fields["year"]["type"], fields["score"]["type"]) == (
        "string", "integer", "number",
    )  # fmt: skip
    assert resources["reports"]["schema"]["primaryKey"] == ["report_id"]
    assert resources["claims"]["schema"]["foreignKeys"] == [
        {"fields": ["report_id"], "reference": {"resource": "reports", "fields": ["report_id"]}}
    ]


def test_frictionless_catches_a_broken_reference(corpus_output: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(corpus_output, broken)
    text = (broken / "area_scores.csv").read_text(encoding="utf-8")
    first_id = text.splitlines()[1].split(",")[0]
    (broken / "area_scores.csv").write_text(text.replace(first_id, "0" * 16, 1), encoding="utf-8")
    run = frictionless_validate(broken)
    assert run.returncode != 0 and "foreign-key" in run.stdout


def test_the_docs_reading_recipe_keeps_codes_as_text(
    corpus_output: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = TABLES_PAGE.read_text(encoding="utf-8")
    section = text[text.index("## Reading the tables") :]
    recipe = section[section.index("```python\n") + 10 : section.index("\n```\n")]
    monkeypatch.chdir(corpus_output.parent)
    found: dict[str, Any] = {}
    exec(compile(recipe, "docs/tables.md", "exec"), found)
    scores = found["scores"]
    assert str(scores["question_id"].dtype) == "string" and "1.1" in set(scores["question_id"])
    assert str(scores["year"].dtype) == "Int64"
    assert "0127" in set(found["coverage"]["municipality_code"])
    assert str(found["coverage"]["year"].dtype) == "Int64"
    assert set(found["areas"]["municipality_code"]) == {"2480"} and len(found["areas"]) == 24
    assert ("0127",) in found["codes"]


def test_run_help_names_every_declared_table() -> None:
    result = CliRunner().invoke(main, ["run", "--help"], terminal_width=400)
    assert result.exit_code == 0
    listed = result.output.split("describing their columns: ")[1].split(". A file")[0]
    assert listed.split(", ") == [t.name for t in TABLES]
