"""`kompass report` reads only the files the run wrote: a changed or damaged table stops it with one
line, never a traceback; datapackage.json lists every table file with its SHA-256, Parquet too."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.defaults import FORMATS
from pipeline.model.schema import TABLES
from tests.conftest import UMEA


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
