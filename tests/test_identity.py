"""One row per input file: report_id unique in the batch, byte-identical copies marked."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.identity import identify, report_id
from pipeline.model.records import Report
from tests.conftest import UMEA


def _report(source_file: str, sha256: str) -> Report:
    return Report(report_id="", source_file=source_file, sha256=sha256, input_format="text", pages=None)


def test_report_id_depends_on_content_and_normalised_path() -> None:
    assert report_id("ab" * 32, "in/a.txt") == report_id("ab" * 32, "in/./a.txt")
    assert report_id("ab" * 32, "in/a.txt") != report_id("ab" * 32, "in/b.txt")
    assert report_id("ab" * 32, "in/a.txt") != report_id("cd" * 32, "in/a.txt")
    assert len(report_id("", "gone.txt")) == 16


def test_identify_marks_later_copies_and_leaves_distinct_files_alone() -> None:
    first, copy, other, unread = identify(
        [_report("a.txt", "11"), _report("b.txt", "11"), _report("c.txt", "22"), _report("d.txt", "")]
    )
    assert len({first.report_id, copy.report_id, other.report_id, unread.report_id}) == 4
    assert (first.duplicate_of, copy.duplicate_of) == (None, first.report_id)
    assert other.duplicate_of is None and unread.duplicate_of is None


@pytest.mark.slow
def test_two_copies_give_two_rows_and_joins_do_not_multiply(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_umea.txt").write_bytes(UMEA.read_bytes())
    (inputs / "b_umea_copy.txt").write_bytes(UMEA.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(inputs), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    reports = pd.read_csv(out / "reports.csv", dtype=str, keep_default_na=False)
    # new columns go at the end
    assert list(reports.columns)[-3:] == ["duplicate_of", "encoding", "ocr_pages"]
    first, copy = reports.to_dict("records")
    assert first["sha256"] == copy["sha256"] and first["report_id"] != copy["report_id"]
    assert (first["duplicate_of"], copy["duplicate_of"]) == ("", first["report_id"])
    scores = pd.read_csv(out / "question_scores.csv", dtype=str)
    joined = scores.merge(reports, on="report_id", validate="many_to_one")
    assert len(joined) == len(scores) == 2 * 37
    # A re-run served from the cache gives the same ids.
    again = CliRunner().invoke(main, ["run", str(inputs), "--out", str(out), "--workers", "1"])
    assert "(2 from the cache)" in again.output
    assert pd.read_csv(out / "reports.csv", dtype=str, keep_default_na=False).equals(reports)
