"""Faults while a run writes, each told as what it is: a report folder that cannot be written (the
tables are), a full temporary folder (not the output folder), and a disk that fills while
``datapackage.json`` is written (no half-written file left behind)."""

from __future__ import annotations

import errno
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import UMEA


def _run(out: Path, *options: str) -> Any:
    return CliRunner().invoke(
        main, ["run", str(UMEA), "--out", str(out), "--workers", "1", "--no-cache", *options]
    )


def test_a_report_folder_that_cannot_be_written_is_named_and_the_earlier_report_removed(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    assert _run(out).exit_code == 0
    assert (out / "report" / "index.html").is_file()
    # The folder of the report pages is a file now: the report cannot be written there.
    shutil.rmtree(out / "report" / "reports")
    (out / "report" / "reports").write_text("not a folder")

    result = _run(out)

    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith(
        f"Error: the tables are written to {out}, but the audit report cannot be written to "
        f"{out / 'report'}: "
    )
    assert "cannot write the tables" not in result.output
    assert (out / "issues.csv").is_file() and (out / "datapackage.json").is_file()
    # The earlier run's report would describe another batch: it is gone.
    assert not (out / "report.html").exists() and not (out / "report" / "index.html").exists()


class _FullDisk(io.RawIOBase):
    """A file on a full disk: every write fails with ENOSPC."""

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def readinto(self, buffer: Any) -> int:
        return 0

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_temporary_folder_is_not_called_a_full_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.tables import spill

    monkeypatch.setattr(spill.tempfile, "TemporaryFile", lambda: io.BufferedRandom(_FullDisk(), 8))
    result = _run(tmp_path / "out", "--no-report")

    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith("Error: the temporary folder ")
    assert "cannot hold the batch's rows (No space left on device): make room there, or set TMPDIR" in (
        result.output
    )
    assert "cannot write the tables" not in result.output


class _FillsUp:
    """A file the disk fills up while it is written: the first bytes go in, then ENOSPC."""

    def __init__(self, file: io.BufferedWriter) -> None:
        self._file = file

    def __enter__(self) -> _FillsUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def write(self, data: bytes) -> int:
        self._file.write(data[:40])
        self._file.flush()
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_disk_that_fills_while_the_datapackage_is_written_leaves_no_part_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.tables import writers

    create = writers.create_file

    def full_at_the_datapackage(path: Path) -> Any:
        file = create(path)
        return _FillsUp(file) if path.name == ".datapackage.json.partial" else file

    monkeypatch.setattr(writers, "create_file", full_at_the_datapackage)
    out = tmp_path / "out"
    result = _run(out, "--no-report")

    assert result.exit_code == 1 and "No space left on device" in result.output, result.output
    assert not (out / ".datapackage.json.partial").exists()
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".partial")) == []


def test_a_temporary_folder_without_room_for_a_worker_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.run import workers

    def full(**options: Any) -> str:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(workers.tempfile, "mkdtemp", full)
    result = _run(tmp_path / "out", "--no-report")

    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith("Error: the temporary folder ")
    assert "cannot hold a worker's files (No space left on device)" in result.output
