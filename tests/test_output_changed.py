"""`kompass report` reads only the files the run wrote: a changed or damaged table, a special file in
place of one, a table too large for --max-memory, or the mark of a run stopped while it moved its
files stops it with one line, never a traceback or a hang; it waits while a run writes;
datapackage.json lists every table file with its SHA-256, Parquet too."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.defaults import FORMATS
from pipeline.model.schema import TABLES
from tests.conftest import UMEA

KOMPASS = str(Path(sys.executable).parent / "kompass")


@pytest.fixture(scope="module")
def run_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(out), "--workers", "1", "--no-report"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def out(run_out: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(run_out, copy)
    return copy


def _report(out: Path) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(main, ["report", str(out)])
    exception = None if isinstance(result.exception, SystemExit) else result.exception
    return result.exit_code, result.output, exception


def _package(out: Path) -> dict:
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def test_every_table_file_is_listed_with_its_hash(out: Path) -> None:
    files = {entry["path"]: entry["sha256"] for entry in _package(out)["files"]}
    assert set(files) == {f"{t.name}.{fmt}" for t in TABLES for fmt in FORMATS}
    for name, digest in files.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("name", ["reports.parquet", "question_scores.csv"])
def test_a_changed_table_stops_the_report_with_one_line(out: Path, name: str) -> None:
    data = bytearray((out / name).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (out / name).write_bytes(bytes(data))

    code, output, exception = _report(out)

    assert (code, exception) == (1, None)
    assert output == (
        f"Error: {out / name} is not the file the run wrote (its SHA-256 differs from the one in "
        "datapackage.json): it was changed or damaged since; run `kompass run` into it again\n"
    )
    assert not (out / "report.html").exists()


def test_a_damaged_table_of_a_run_without_hashes_stops_the_report_with_one_line(out: Path) -> None:
    package = _package(out)
    del package["files"]
    for resource in package["resources"]:
        del resource["hash"]
    (out / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    (out / "reports.parquet").write_bytes((out / "reports.parquet").read_bytes()[:300])

    code, output, exception = _report(out)

    assert (code, exception) == (1, None)
    assert output.startswith(f"Error: {out / 'reports.parquet'} cannot be read (")
    assert output.endswith("): run `kompass run` into it again\n") and output.count("\n") == 1


def test_a_damaged_datapackage_stops_the_report_with_one_line(out: Path) -> None:
    (out / "datapackage.json").write_bytes(b'{"resources": [')

    code, output, exception = _report(out)

    assert (code, exception) == (1, None)
    assert output.startswith(f"Error: {out / 'datapackage.json'} cannot be read (")
    assert output.count("\n") == 1


def test_an_untouched_folder_still_reports(out: Path) -> None:
    code, output, exception = _report(out)
    assert (code, exception) == (0, None), output
    assert (out / "report.html").is_file()


def _without_hashes(out: Path) -> None:
    """datapackage.json as a run of an older kompass wrote it: no hash for any table file."""
    package = _package(out)
    del package["files"]
    for resource in package["resources"]:
        del resource["hash"]
    (out / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


def _report_in_a_process(out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    # In a process of its own: a report that hung on what it reads would hang the test.
    return subprocess.run(
        [KOMPASS, "report", str(out), *options], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("planted", ["named pipe", "link to /dev/zero"])
@pytest.mark.parametrize("listed", [True, False], ids=["hashed", "not hashed"])
def test_a_special_file_in_place_of_a_table_stops_the_report_with_one_line(
    out: Path, planted: str, listed: bool
) -> None:
    if not listed:
        _without_hashes(out)
    # The CSV file is read when there is no Parquet file (pyarrow itself refuses a pipe).
    (out / "issues.parquet").unlink()
    table = out / "issues.csv"
    table.unlink()
    if planted == "named pipe":
        os.mkfifo(table)
    else:
        table.symlink_to("/dev/zero")

    done = _report_in_a_process(out)

    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"Error: {table} cannot be read (")
    assert not (out / "report.html").exists()


def test_a_parquet_of_30_million_rows_is_not_read(out: Path) -> None:
    table = out / "coverage.parquet"
    schema = pa.schema([pa.field("municipality", pa.string())])
    with pq.ParquetWriter(table, schema) as writer:
        for _ in range(30):
            writer.write_table(pa.table({"municipality": pa.nulls(1_000_000, pa.string())}))
    assert table.stat().st_size < 2_000_000
    package = _package(out)  # the hash made to match, as anyone who can write the folder can
    for entry in package["files"]:
        if entry["path"] == table.name:
            entry["sha256"] = hashlib.sha256(table.read_bytes()).hexdigest()
    (out / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")

    done = _report_in_a_process(out, "--max-memory", "1GiB")

    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr == (
        f"Error: {table} cannot be read (it has 30,000,000 rows, more than --max-memory 1 GiB holds): "
        "run `kompass run` into it again\n"
    )


def test_a_table_without_its_columns_stops_the_report_with_one_line(out: Path) -> None:
    _without_hashes(out)
    (out / "issues.parquet").unlink()
    (out / "issues.csv").write_text("report_id,rule\nx,area_sum_mismatch\n", encoding="utf-8")

    code, output, exception = _report(out)

    assert (code, exception) == (1, None)
    assert output.startswith(f"Error: {out / 'issues.csv'} cannot be read (it lacks the table's column ")
    assert output.count("\n") == 1


def test_a_run_stopped_while_moving_its_files_leaves_a_mark_the_report_refuses(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.tables import writers

    moves, replace = [], os.replace

    def stopped_at_the_third(source: Path, target: Path) -> None:
        if len(moves) == 2:
            raise KeyboardInterrupt  # what a kill in the middle leaves, as far as the folder sees
        moves.append(target)
        replace(source, target)

    monkeypatch.setattr(writers.os, "replace", stopped_at_the_third)
    run = [
        "run",
        str(UMEA),
        "--out",
        str(out),
        "--workers",
        "1",
        "--no-report",
        "--format",
        "csv",
        "--no-cache",
    ]
    CliRunner().invoke(main, run)
    monkeypatch.undo()
    assert len(moves) == 2 and (out / writers.INCOMPLETE_MARK).is_file()

    code, output, exception = _report(out)

    assert (code, exception) == (1, None) and output.count("\n") == 1
    assert output.startswith(
        f"Error: {out} holds the tables of a run that was stopped while it moved them into place"
    )
    # The next run that ends puts the folder right, and takes the mark away.
    assert CliRunner().invoke(main, run).exit_code == 0
    assert not (out / writers.INCOMPLETE_MARK).exists()
    assert _report(out)[0] == 0


def test_the_report_waits_while_a_run_writes_into_the_folder(out: Path) -> None:
    from pipeline.tables.writers import output_lock

    with output_lock(out):
        report = subprocess.Popen(
            [KOMPASS, "report", str(out)], stderr=subprocess.PIPE, text=True, stdout=subprocess.DEVNULL
        )
        try:
            assert report.stderr is not None
            first = report.stderr.readline()  # written once the report finds the folder busy
            assert first == f"another kompass run is writing to {out}: waiting for it to finish\n"
            assert report.poll() is None and not (out / "report.html").exists()
        except BaseException:
            report.kill()
            raise
    _, rest = report.communicate(timeout=120)
    assert report.returncode == 0, rest
    assert (out / "report.html").is_file()
