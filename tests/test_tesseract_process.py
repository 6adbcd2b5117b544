"""Tesseract never outlives its worker, leaves no files behind, and a text report never waits on it.

A fake ``tesseract`` on PATH stands in for one that hangs: a Tesseract killed with its worker kept
running with its page images in the temporary folder, and one that hung on ``--list-langs`` made
text reports fail "over the time limit" (with a cache, the whole run hung outside every limit).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest.pdf import tesseract as ocr
from pipeline.ingest.pdf import tesseract_process as tesseract
from pipeline.run.cache import version_key
from pipeline.run.workers import SCRATCH_PREFIX
from tests.conftest import UMEA

TEXT_PDF = Path(__file__).parent / "fixtures" / "umea_2007_a4_ruled.pdf"
# What the fake does: "hang" on every call; "pages" answers --version and --list-langs and hangs
# on a page. Every call leaves a file named by its pid in the fake's folder.
FAKE = """#!{python}
import os, sys, time
open(os.path.join({folder!r}, "started-%d" % os.getpid()), "w").close()
if {mode!r} == "pages" and "--version" in sys.argv:
    print("tesseract 5.3.0")
elif {mode!r} == "pages" and "--list-langs" in sys.argv:
    print("List of available languages in /usr/share/tesseract-ocr/5/tessdata/ (2):\\neng\\nswe")
else:
    time.sleep(120)
"""


def _clear_memos() -> None:
    version_key.cache_clear()
    for module in (ocr, tesseract):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def _fake_tesseract(folder: Path, mode: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake program on PATH, and the program chosen to read (not the library in the process)."""
    monkeypatch.setenv(ocr.ENGINE_VARIABLE, "program")
    folder.mkdir()
    program = folder / "tesseract"
    program.write_text(FAKE.format(python=sys.executable, folder=str(folder), mode=mode), encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return folder


def _running(fake: Path) -> list[int]:
    """The fake Tesseracts still running (found by the fake's own path on their command line)."""
    command = ["pgrep", "-f", str(fake / "tesseract")]
    found = subprocess.run(command, capture_output=True, text=True, check=False)
    return [int(pid) for pid in found.stdout.split()]


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Path]:
    folder = _fake_tesseract(tmp_path / "fake", request.param, monkeypatch)
    _clear_memos()
    yield folder
    _clear_memos()
    for started in folder.glob("started-*"):  # stop what a failing run left, by its pid
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(started.name.removeprefix("started-")), signal.SIGKILL)


@pytest.mark.parametrize("fake", ["hang"], indirect=True)
def test_a_text_report_never_waits_on_a_hanging_tesseract(fake: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["run", str(UMEA), "--out", str(out), "--workers", "1", "--timeout", "60", "--format", "csv"]
    for run in ("first", "from the cache"):
        began = time.monotonic()
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        reports = pd.read_csv(out / "reports.csv")
        assert list(reports["status"]) == ["ok"], (run, reports["error"].tolist())
        assert time.monotonic() - began < 30, run
    assert "(1 from the cache)" in result.output
    assert not list(fake.glob("started-*"))  # Tesseract was never even asked


@pytest.mark.parametrize("fake", ["pages"], indirect=True)
@pytest.mark.ocr  # starts (a stand-in for) Tesseract
@pytest.mark.slow
def test_a_tesseract_stopped_on_the_time_limit_dies_and_leaves_no_files(
    fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    out = tmp_path / "out"
    args = ["run", str(TEXT_PDF), "--out", str(out), "--workers", "1", "--timeout", "20", "--ocr", "always"]
    result = CliRunner().invoke(main, [*args, "--no-cache", "--format", "csv"])

    reports = pd.read_csv(out / "reports.csv")
    assert reports.loc[0, "status"] == "failed", result.output
    assert reports.loc[0, "error"] == "over the time limit: digitizing took longer than --timeout 20 s"
    assert len(list(fake.glob("started-*"))) == 3  # --version, --list-langs, and the page it hung on
    deadline = time.monotonic() + 10
    while _running(fake) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _running(fake) == []
    assert sorted(path.name for path in temporary.iterdir()) == []


@pytest.mark.parametrize("fake", ["hang"], indirect=True)
@pytest.mark.ocr
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_a_scan_read_in_the_process_stopped_on_the_time_limit_leaves_no_process_and_no_files(
    fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tesseract as a library reads in the worker's process: the worker killed on the time limit
    takes it along, no program is started, and no image is written."""
    monkeypatch.setenv(ocr.ENGINE_VARIABLE, "library")
    if ocr.installation().problem:
        pytest.skip(ocr.installation().problem)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    out = tmp_path / "out"
    args = ["run", str(TEXT_PDF), "--out", str(out), "--workers", "1", "--timeout", "5", "--ocr", "always"]
    result = CliRunner().invoke(main, [*args, "--no-cache", "--format", "csv"])

    reports = pd.read_csv(out / "reports.csv")
    assert reports.loc[0, "status"] == "failed", result.output
    assert reports.loc[0, "error"] == "over the time limit: digitizing took longer than --timeout 5 s"
    assert not list(fake.glob("started-*"))  # the program on PATH was never run
    assert _children(os.getpid()) == []  # the worker, and the Tesseract in it, ended
    assert sorted(path.name for path in temporary.iterdir()) == []


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            if int(stat.read_text().rpartition(")")[2].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


@pytest.mark.parametrize("fake", ["hang"], indirect=True)
@pytest.mark.ocr  # starts (a stand-in for) Tesseract
@pytest.mark.slow
def test_a_tesseract_that_never_answers_fails_the_scan_within_its_own_limit(
    fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tesseract, "ASK_SECONDS", 1.0)
    out = tmp_path / "out"
    args = ["run", str(TEXT_PDF), str(UMEA), "--out", str(out), "--workers", "1", "--ocr", "always"]
    began = time.monotonic()
    CliRunner().invoke(main, [*args, "--timeout", "60", "--no-cache", "--format", "csv"])

    assert time.monotonic() - began < 50  # under --timeout 60, which the old code ran into
    reports = pd.read_csv(out / "reports.csv").set_index("source_file")
    scan = reports.loc[str(TEXT_PDF)]
    assert scan["status"] == "failed"
    assert "Tesseract does not run (Tesseract did not finish within 1 s)" in scan["error"]
    assert reports.loc[str(UMEA), "status"] == "ok"
    assert len(list(fake.glob("started-*"))) == 1  # asked once; the answer is kept for the run
    assert _running(fake) == []


def test_tesseract_words_are_read_as_columns_with_whole_numbers() -> None:
    tsv = (
        "level\tpage_num\tleft\ttop\tconf\ttext\n"
        "4\t1\t10\t20\t-1\t\n"
        "5\t1\t12\t21\t96.5\tPoäng\n"
        "5\t1\t40\t21\t88\t7,5\n"
        "5\t1\t60\t21\t0"  # the last word's empty text cell left out, as Tesseract does
    )
    assert tesseract.columns(tsv) == {
        "level": [4, 5, 5, 5], "page_num": [1, 1, 1, 1], "left": [10, 12, 40, 60], "top": [20, 21, 21, 21],
        "conf": [-1, 96, 88, 0], "text": ["", "Poäng", "7,5", ""],
    }  # fmt: skip
    assert tesseract.columns("level\tconf\ttext\n") == {}


def test_the_temporary_folders_of_a_killed_run_are_removed_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # a coordinator's pid that is no longer running
    abandoned = temporary / f"{SCRATCH_PREFIX}{ended.pid}-x1y2z3"
    (abandoned / "kompass-tesseract-abc").mkdir(parents=True)
    (abandoned / "kompass-tesseract-abc" / "page.png").write_bytes(b"\x89PNG")
    running = temporary / f"{SCRATCH_PREFIX}{os.getppid()}-a1b2c3"  # a run still going: kept
    running.mkdir()
    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in temporary.iterdir()) == [running.name]
