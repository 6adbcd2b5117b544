"""Exit codes a script or CI job can stop on, the failed files named on stderr, -q/-v/--debug."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import FIRST_FEW, main
from pipeline.model.records import Report
from pipeline.run.outcome import trouble
from tests.conftest import UMEA


def _run(inputs: Path, out: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["run", str(inputs), "--out", str(out), "--workers", "1", *args])


@pytest.fixture
def all_bad(tmp_path: Path) -> Path:
    """Eight files none of which is a report."""
    folder = tmp_path / "bad"
    folder.mkdir()
    for number in range(8):
        (folder / f"empty_{number}.txt").write_bytes(b"")
    return folder


@pytest.fixture
def one_good_one_bad(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "umea.txt").write_bytes(UMEA.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_a_batch_where_every_file_fails_exits_non_zero_and_names_the_files(
    all_bad: Path, tmp_path: Path
) -> None:
    result = _run(all_bad, tmp_path / "out", "--fail-on", "failed")
    assert result.exit_code == 1
    named = [line for line in result.output.splitlines() if line.startswith("failed ")]
    assert named[0] == f"failed {all_bad / 'empty_0.txt'}: the file is empty"
    assert len(named) == FIRST_FEW and f"… and {8 - FIRST_FEW} more failed" in result.output
    assert "Error: no file could be digitized: all 8 failed" in result.output
    assert (tmp_path / "out" / "reports.csv").read_text(encoding="utf-8").count("\n") == 9


def test_nothing_digitized_is_non_zero_without_fail_on_and_v_names_every_file(
    all_bad: Path, tmp_path: Path
) -> None:
    result = _run(all_bad, tmp_path / "out", "-v")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    after_summary = lines[next(i for i, line in enumerate(lines) if " documents: " in line) :]
    # -v names each file as it ends, and every failed one again after the summary.
    assert sum(line.startswith("failed ") for line in after_summary) == 8
    assert sum(line.startswith("failed  ") for line in lines) == 8
    assert "more failed" not in result.output


@pytest.mark.slow
def test_fail_on_levels(one_good_one_bad: Path, tmp_path: Path) -> None:
    plain = _run(one_good_one_bad, tmp_path / "out")
    assert plain.exit_code == 0, plain.output
    assert f"failed {one_good_one_bad / 'empty.txt'}: the file is empty" in plain.output
    failed = _run(one_good_one_bad, tmp_path / "out", "--fail-on", "failed")
    assert failed.exit_code == 1 and "Error: --fail-on failed: 1 failed file(s)" in failed.output
    # The Umeå report contradicts itself four times (error issues) and has warnings.
    error = _run(one_good_one_bad, tmp_path / "out", "--fail-on", "error")
    assert error.exit_code == 1 and "1 failed file(s), 4 error issue(s)" in error.output
    strict = _run(one_good_one_bad, tmp_path / "out", "--strict")
    assert strict.exit_code == 1 and "--fail-on error: 1 failed file(s)" in strict.output


def test_fail_on_error_passes_a_clean_batch_and_warning_is_stricter() -> None:
    ok = Report(report_id="a", source_file="a.txt", sha256="00", input_format="text", pages=None)
    assert trouble([ok], Counter(), "warning") is None
    assert trouble([ok], Counter(warning=2), "error") is None
    assert trouble([ok], Counter(warning=2), "warning") == "--fail-on warning: 2 warning issue(s)"
    assert trouble([ok], Counter(error=1, warning=2), None) is None
    assert trouble([], Counter(), "failed") is None


@pytest.mark.slow
def test_quiet_prints_only_why_it_failed(all_bad: Path, one_good_one_bad: Path, tmp_path: Path) -> None:
    quiet = _run(one_good_one_bad, tmp_path / "out", "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
    bad = _run(all_bad, tmp_path / "out2", "-q")
    assert bad.exit_code == 1
    assert bad.output.splitlines() == ["Error: no file could be digitized: all 8 failed"]


@pytest.mark.slow
def test_debug_quiet_and_verbose_are_accepted_before_and_after_run(
    one_good_one_bad: Path, tmp_path: Path
) -> None:
    for args in (["--debug", "run"], ["run", "--debug"], ["-q", "run"], ["run", "-v"]):
        command = [*args, str(one_good_one_bad), "--out", str(tmp_path / "out"), "--workers", "1"]
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, (args, result.output)
    both = CliRunner().invoke(main, ["-q", "run", str(one_good_one_bad), "-v"])
    assert both.exit_code == 2 and "-q cannot be combined with --verbose" in both.output


@pytest.mark.slow
def test_skipped_notes_are_capped_unless_verbose(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "umea.txt").write_bytes(UMEA.read_bytes())
    for number in range(FIRST_FEW + 3):
        (folder / f"scan_{number}.jpg").write_bytes(b"\xff\xd8")
    normal = _run(folder, tmp_path / "out")
    assert sum(line.startswith("skipped ") for line in normal.output.splitlines()) == FIRST_FEW
    assert "… and 3 more skipped (-v names them all)" in normal.output
    verbose = _run(folder, tmp_path / "out", "-v")
    assert sum(line.startswith("skipped ") for line in verbose.output.splitlines()) == FIRST_FEW + 3
