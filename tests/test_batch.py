"""Batches: parallel workers, time limits, crashes, the cache and repeatable output."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.records import Report
from pipeline.run import workers
from pipeline.run.batch import collect_inputs, digitize_batch
from pipeline.run.cache import ReportCache
from pipeline.run.options import RunOptions
from pipeline.run.process import process_data, process_file
from tests.conftest import UMEA
from tests.test_pdf_bad_files import BAD_FILES
from tests.test_pdf_bad_files import FIXTURE as PDF

UMEA_TEXT = UMEA.read_text(encoding="utf-8")


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Good reports in three encodings and some files that are not reports, plus things to skip."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "umea_utf8.txt").write_text(UMEA_TEXT, encoding="utf-8")
    cp1252 = UMEA_TEXT.replace("–", "-").replace("”", '"').replace("’", "'")
    (folder / "sub" / "umea_cp1252.txt").write_bytes(cp1252.encode("cp1252"))
    (folder / "umea_bom_crlf.md").write_bytes(
        b"\xef\xbb\xbf" + UMEA_TEXT.replace("\n", "\r\n").encode("utf-8")
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(os.urandom(2048).replace(b"\x00", b"\x01"))
    (folder / "letter.txt").write_text("Hej!\nVi ses på fredag.\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text(UMEA_TEXT, encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    return folder


def test_collect_inputs_walks_recursively_and_skips_with_reasons(mixed_folder: Path) -> None:
    found = collect_inputs([mixed_folder])
    assert sorted(p.name for p in found.files) == [
        "empty.txt", "letter.txt", "noise.txt", "umea_bom_crlf.md", "umea_cp1252.txt", "umea_utf8.txt",
    ]  # fmt: skip
    assert sorted((p.name, reason) for p, reason in found.skipped) == [
        (".hidden.txt", "hidden file"),
        ("notes.docx", "unsupported file type .docx"),
    ]


def test_hidden_folders_are_not_entered_and_get_one_note_each(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    (folder / ".git" / "objects" / "ab").mkdir(parents=True)
    for number in range(50):
        (folder / ".git" / "objects" / "ab" / f"{number}.txt").write_text(UMEA_TEXT, encoding="utf-8")
    (folder / "reports" / ".venv" / "lib").mkdir(parents=True)
    (folder / "reports" / ".venv" / "lib" / "x.md").write_text("x", encoding="utf-8")
    (folder / "reports" / "umea.txt").write_text(UMEA_TEXT, encoding="utf-8")
    (folder / "linked").symlink_to(folder / "reports", target_is_directory=True)
    found = collect_inputs([folder])
    assert [p.relative_to(folder).as_posix() for p in found.files] == ["reports/umea.txt"]
    assert [(p.relative_to(folder).as_posix(), reason) for p, reason in found.skipped] == [
        (".git", "hidden folder, not searched"),
        ("linked", "symbolic link to a folder, not followed"),
        ("reports/.venv", "hidden folder, not searched"),
    ]
    # A hidden folder named on the command line is searched: the user asked for it.
    assert [p.name for p in collect_inputs([folder / "reports" / ".venv"]).files] == ["x.md"]


def test_a_folder_that_cannot_be_listed_is_noted_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads every folder, so the refusal a user without permission meets is played by scandir.
    (tmp_path / "locked").mkdir()
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "umea.txt").write_text(UMEA_TEXT, encoding="utf-8")
    scandir = os.scandir

    def refusing(path: str | os.PathLike[str] = ".") -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    found = collect_inputs([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == ["open/umea.txt"]
    assert [(p.relative_to(tmp_path).as_posix(), r) for p, r in found.skipped] == [
        ("locked", "folder could not be read: Permission denied")
    ]


def test_every_encoding_gives_the_same_facts(mixed_folder: Path) -> None:
    result = digitize_batch(collect_inputs([mixed_folder]).files, RunOptions(workers=2))
    good = [r for r in result.reports if r.status == "ok"]
    assert len(good) == 3 and result.failed == 3
    for report in good:
        ext = report.extraction
        assert len(ext.question_scores) == 37 and [t.total for t in ext.year_totals] == [497, 608, 646]
        assert sorted(f.rule for f in ext.findings if f.severity == "error") == [
            "area_sum_mismatch", "area_sum_mismatch", "score_exceeds_max", "total_mismatch",
        ]  # fmt: skip
        assert (ext.metadata.municipality_code, ext.metadata.evaluation_start.isoformat()) == (
            "2480",
            "2007-09-19",
        )


def test_bad_files_fail_with_a_message(mixed_folder: Path) -> None:
    result = digitize_batch(collect_inputs([mixed_folder]).files, RunOptions(workers=2))
    errors = {Path(r.source_file).name: r.error for r in result.reports if r.status == "failed"}
    assert errors["empty.txt"] == "the file is empty"
    assert errors["letter.txt"].startswith("not a Kommunkompassen report")
    assert errors["noise.txt"].startswith("not a Kommunkompassen report")


def _tables(folder: Path, out: Path, *args: str) -> dict[str, bytes]:
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


@pytest.mark.slow
def test_output_does_not_depend_on_workers_and_repeats_byte_for_byte(
    mixed_folder: Path, tmp_path: Path
) -> None:
    one = _tables(mixed_folder, tmp_path / "one", "--workers", "1", "--no-cache")
    two = _tables(mixed_folder, tmp_path / "two", "--workers", "2", "--no-cache")
    again = _tables(mixed_folder, tmp_path / "two", "--workers", "2", "--no-cache")
    assert one == two == again
    assert one["reports.csv"].count(b"\n") == 7


@pytest.mark.slow
def test_rerun_uses_the_cache_and_gives_the_same_tables(mixed_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _tables(mixed_folder, out)
    runner = CliRunner()
    result = runner.invoke(main, ["run", str(mixed_folder), "--out", str(out), "--format", "csv"])
    assert "(3 from the cache)" in result.output
    assert {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))} == first


def test_cache_is_keyed_by_content_not_path(tmp_path: Path) -> None:
    cache = ReportCache(tmp_path / "cache")
    report = process_file(UMEA)
    cache.put(report)
    moved = tmp_path / "elsewhere.txt"
    moved.write_bytes(UMEA.read_bytes())
    hit = cache.get(_digest(moved), str(moved))
    assert (
        hit is not None
        and hit.source_file == str(moved)
        and hit == dataclasses.replace(report, source_file=str(moved))
    )
    moved.write_bytes(UMEA.read_bytes() + b"\nTillagd rad.\n")
    assert cache.get(_digest(moved), str(moved)) is None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hang_on_stuck(path: Path, data: bytes, ocr: str, on_ocr_page: object, page_slots: object) -> Report:
    if path.name.startswith("stuck"):
        signal.pause()  # never returns: stands in for a runaway document
    if path.name.startswith("crash"):
        os._exit(3)
    return process_data(path, data, ocr)


def test_runaway_and_crashing_documents_fail_without_stopping_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "process_data", _hang_on_stuck)
    names = ["a_umea.txt", "crash.txt", "stuck.txt", "z_umea.txt"]
    for name in names:
        (tmp_path / name).write_bytes(UMEA.read_bytes())
    # The good documents take a fraction of a second, also on a loaded machine: 3 s leaves them room.
    result = digitize_batch([tmp_path / n for n in names], RunOptions(workers=2, timeout=3.0))
    by_name = {Path(r.source_file).name: r for r in result.reports}
    assert [by_name[n].status for n in names] == ["ok", "failed", "failed", "ok"]
    assert by_name["stuck.txt"].error == "over the time limit: digitizing took longer than --timeout 3 s"
    assert by_name["crash.txt"].error == "the worker digitizing this file died (exit code 3)"


@pytest.mark.slow
def test_acceptance_mixed_folder_of_good_and_bad_files(mixed_folder: Path, tmp_path: Path) -> None:
    """A folder of good and bad files: every file gets one reports row; good ones all their facts;
    no traceback."""
    for kind in ("password", "truncated", "random_bytes", "png"):
        (mixed_folder / f"bad_{kind}.pdf").write_bytes(BAD_FILES[kind][0]())
    (mixed_folder / "umea.pdf").write_bytes(PDF.read_bytes())
    (mixed_folder / "gone.txt").symlink_to(tmp_path / "deleted.txt")  # a file that cannot be read
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(mixed_folder), "--out", str(out)])
    assert result.exit_code == 0 and "Traceback" not in result.output
    reports = {Path(row["source_file"]).name: row for row in _rows(out / "reports.csv")}
    assert len(reports) == 12
    good = {name for name, row in reports.items() if row["status"] == "ok"}
    assert good == {"umea_utf8.txt", "umea_cp1252.txt", "umea_bom_crlf.md", "umea.pdf"}
    errors = {name: row["error"] for name, row in reports.items() if row["status"] == "failed"}
    assert errors["bad_password.pdf"].startswith("the PDF is password-protected")
    assert errors["bad_truncated.pdf"].startswith("the PDF is truncated")
    assert errors["bad_png.pdf"].startswith("not a PDF file") and "PNG" in errors["bad_png.pdf"]
    assert errors["bad_random_bytes.pdf"].startswith("not a PDF file")
    assert errors["gone.txt"].startswith("cannot read") and "No such file" in errors["gone.txt"]
    questions = _rows(out / "question_scores.csv")
    ids = {row["report_id"] for row in questions}
    assert len(questions) == 4 * 37 and len(ids) == 4
    strict = CliRunner().invoke(main, ["run", str(mixed_folder), "--out", str(out), "--strict"])
    assert strict.exit_code == 1, strict.output


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
