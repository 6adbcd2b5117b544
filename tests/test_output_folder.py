"""The output folder holds exactly one run, says what produced it, and CSV for Swedish Excel."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline import __version__
from pipeline.cli import main
from pipeline.model.schema import TABLES
from tests.conftest import UMEA, frictionless_validate


def _run(out: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(out), "--workers", "1", *args])
    assert result.exit_code == 0, result.output


def _manifest(out: Path) -> dict:
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["kompass"]


@pytest.mark.slow
def test_a_csv_run_after_a_both_run_leaves_only_csv_and_names_the_second_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "my_notes.parquet").write_bytes(b"not kompass's")  # not a table of kompass: kept
    _run(out)
    first = _manifest(out)
    assert {p.name for p in out.glob("*.parquet")} >= {"reports.parquet", "my_notes.parquet"}
    _run(out, "--format", "csv", "--timeout", "60")
    assert sorted(p.name for p in out.glob("*.parquet")) == ["my_notes.parquet"]
    assert sorted(p.stem for p in out.glob("*.csv")) == sorted(t.name for t in TABLES)
    second = _manifest(out)
    assert first["options"]["format"] == ["csv", "parquet"]
    assert second["options"]["format"] == ["csv"] and second["options"]["timeout"] == 60
    assert second["created"] >= first["created"]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == {f"{t.name}.csv" for t in TABLES}


def test_manifest_says_what_produced_the_tables_and_parquet_carries_it(tmp_path: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    _run(tmp_path, "--fail-on", "failed")
    manifest = _manifest(tmp_path)
    assert manifest["version"] == __version__ and manifest["inputs"] == 1
    assert manifest["options"]["fail_on"] == "failed" and manifest["options"]["csv_dialect"] == "standard"
    created = datetime.fromisoformat(manifest["created"].replace("Z", "+00:00"))
    assert before <= created <= datetime.now(UTC)
    editions = resources.files("pipeline.editions") / "frameworks"
    expected = {
        f"frameworks/{e.name}": hashlib.sha256(e.read_bytes()).hexdigest()
        for e in editions.iterdir()
        if e.name.endswith(".toml")
    }
    assert {e["file"]: e["sha256"] for e in manifest["editions"]} == expected
    for declared in TABLES:
        metadata = pq.read_schema(tmp_path / f"{declared.name}.parquet").metadata
        assert json.loads(metadata[b"kompass"]) == manifest


def test_csv_files_stay_byte_identical_though_the_manifest_changes(tmp_path: Path) -> None:
    _run(tmp_path / "one", "--format", "csv", "--no-cache")
    _run(tmp_path / "two", "--format", "csv", "--no-cache", "--timeout", "99")
    for declared in TABLES:
        name = f"{declared.name}.csv"
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert _manifest(tmp_path / "one")["options"] != _manifest(tmp_path / "two")["options"]


@pytest.mark.slow
def test_excel_dialect_is_for_a_swedish_spreadsheet(tmp_path: Path) -> None:
    _run(tmp_path / "std", "--format", "csv")
    _run(tmp_path / "xl", "--format", "csv", "--csv-dialect", "excel")
    raw = (tmp_path / "xl" / "question_scores.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfreport_id;municipality_code;") and b"\r\n" in raw
    row_2_1 = next(line for line in raw.decode("utf-8-sig").splitlines() if ";2.1;" in line)
    assert row_2_1.split(";")[6:8] == ["10", "7,5"]  # max_score, score: "7,5" as the report prints it
    for declared in TABLES:
        standard = pd.read_csv(tmp_path / "std" / f"{declared.name}.csv", dtype=str)
        excel = pd.read_csv(
            tmp_path / "xl" / f"{declared.name}.csv", dtype=str, sep=";", encoding="utf-8-sig"
        )
        numbers = [c.name for c in declared.columns if c.type == "number"]
        excel[numbers] = excel[numbers].apply(lambda column: column.str.replace(",", ".", regex=False))
        pd.testing.assert_frame_equal(excel, standard)
    # Codes are written as printed, never as a formula or with an apostrophe (see the README on
    # importing them as text): Järfälla's is "0123".
    coverage = (tmp_path / "xl" / "coverage.csv").read_text(encoding="utf-8-sig")
    assert "\nJärfälla;0123;" in coverage and "'0" not in coverage and '="' not in coverage


@pytest.mark.slow
def test_frictionless_reads_the_excel_dialect(tmp_path: Path) -> None:
    _run(tmp_path, "--format", "csv", "--csv-dialect", "excel")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    scores = next(r for r in package["resources"] if r["name"] == "question_scores")
    assert scores["dialect"]["delimiter"] == ";" and scores["encoding"] == "utf-8-sig"
    run = frictionless_validate(tmp_path)
    assert run.returncode == 0, run.stdout[-2000:]
    assert json.loads(run.stdout)["valid"] is True
