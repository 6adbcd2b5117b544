"""Hostile and clumsy inputs: one bad file never takes the batch down or its memory."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run.batch import collect_inputs
from tests.conftest import UMEA

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["run", *args])
    return result.exit_code, result.output


def _reports(out: Path) -> dict[str, dict[str, str]]:
    with (out / "reports.csv").open(encoding="utf-8", newline="") as handle:
        return {Path(row["source_file"]).name: row for row in csv.DictReader(handle)}


def _questions(out: Path, report_id: str) -> int:
    with (out / "question_scores.csv").open(encoding="utf-8", newline="") as handle:
        return sum(row["report_id"] == report_id for row in csv.DictReader(handle))


@pytest.mark.slow
def test_memory_bombs_fail_within_the_limit_while_a_good_report_comes_out_whole(tmp_path: Path) -> None:
    """An 825-byte CID font bomb and a Flate bomb grew a worker until the machine ran out of memory."""
    folder = tmp_path / "in"
    folder.mkdir()
    for bomb in ("cid_width_bomb.pdf", "flate_bomb.pdf"):
        (folder / bomb).write_bytes((HOSTILE / bomb).read_bytes())
    (folder / "umea.txt").write_bytes(UMEA.read_bytes())
    out = tmp_path / "out"
    code, output = _run(str(folder), "--out", str(out), "--max-memory", "512MiB", "--workers", "2")
    assert code == 0 and "Traceback" not in output
    reports = _reports(out)
    for bomb in ("cid_width_bomb.pdf", "flate_bomb.pdf"):
        assert reports[bomb]["status"] == "failed"
        assert reports[bomb]["error"] == (
            "over the memory limit: digitizing needed more than --max-memory 512 MiB"
        )
    assert reports["umea.txt"]["status"] == "ok"
    assert _questions(out, reports["umea.txt"]["report_id"]) == 37


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_special_files_are_skipped_and_the_batch_stays_whole(tmp_path: Path) -> None:
    """A FIFO (or a link to one) hung the run forever; a link to /dev/zero ran out of memory."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "umea.txt").write_bytes(UMEA.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "to_pipe.pdf").symlink_to(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    outside = tmp_path / "named.txt"
    os.mkfifo(outside)
    out = tmp_path / "out"
    code, output = _run(str(folder), str(outside), "--out", str(out), "--timeout", "60")
    assert code == 0
    for name in ("pipe.txt", "to_pipe.pdf", "named.txt"):
        assert f"{name}: a named pipe (FIFO), not a regular file" in output
    assert "zero.txt: a character device, not a regular file" in output
    assert list(_reports(out)) == ["umea.txt"] and "1 ok, 0 partial, 0 failed" in output


@pytest.mark.slow
def test_a_huge_sparse_file_fails_on_the_size_limit_without_being_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "umea.txt").write_bytes(UMEA.read_bytes())
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(8 << 30)  # 8 GiB of nothing, taking no disk space
    out = tmp_path / "out"
    code, _ = _run(str(folder), "--out", str(out))
    reports = _reports(out)
    assert code == 0 and reports["umea.txt"]["status"] == "ok"
    assert reports["huge.txt"]["error"] == (
        "over the file size limit: the file has more than 536,870,912 bytes"
    )


@pytest.mark.slow
def test_a_latin1_file_name_does_not_break_the_tables(tmp_path: Path) -> None:
    """A Latin-1 name from an old zip crashed table building, on every re-run."""
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"ume\xe5 2007.txt")  # "umeå 2007.txt" in Latin-1: not valid UTF-8
    (folder / name).write_bytes(UMEA.read_bytes())
    (folder / os.fsdecode(b"tom \xe4.txt")).write_bytes(b"")
    out = tmp_path / "out"
    code, output = _run(str(folder), "--out", str(out))
    assert code == 0 and "Traceback" not in output
    reports = _reports(out)
    assert reports["ume\\xe5 2007.txt"]["status"] == "ok"
    assert reports["tom \\xe4.txt"]["error"] == "the file is empty"
    parquet = pd.read_parquet(out / "reports.parquet")
    assert sorted(Path(p).name for p in parquet["source_file"]) == ["tom \\xe4.txt", "ume\\xe5 2007.txt"]


def test_one_file_under_several_spellings_gives_one_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    report = folder / "umea.txt"
    report.write_bytes(UMEA.read_bytes())
    (folder / "sub" / "link.txt").symlink_to(report)
    os.link(report, folder / "sub" / "hard.txt")
    spellings = [folder, report, folder / "sub" / ".." / "umea.txt", Path(os.path.relpath(report))]
    found = collect_inputs(spellings)
    # the walk of the folder meets sub/hard.txt first (sorted by path); every other spelling is left out
    assert found.files == (folder / "sub" / "hard.txt",)
    assert collect_inputs(spellings[1:]).files == (report,)


def test_a_byte_copy_under_another_name_is_still_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(UMEA.read_bytes())
    (tmp_path / "b.txt").write_bytes(UMEA.read_bytes())
    assert len(collect_inputs([tmp_path]).files) == 2
