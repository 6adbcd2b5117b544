"""A carriage return or a right-to-left override in a file name neither breaks the tables nor turns
the name around in report.html: both are written as escapes, like bytes that are not UTF-8."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.defaults import CSV_DIALECTS
from pipeline.tables.writers import _write_csv
from tests.conftest import UMEA

RETURN = "umea\r2007.txt"
# The override shows the rest of the name right to left: "rapport_txt.aemu_2007…" read backwards.
OVERRIDE = "rapport_\u202etxt.7002_aemu.txt"


def test_a_return_and_a_right_to_left_override_in_names_are_written_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / RETURN).write_bytes(UMEA.read_bytes())
    (folder / OVERRIDE).write_bytes(UMEA.read_bytes() + b"\n")
    out = tmp_path / "out"
    args = ["run", str(folder), "--out", str(out), "--workers", "1", "--format", "csv"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output

    with (out / "reports.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert {len(row) for row in rows} == {len(rows[0])} and len(rows) == 3
    reports = pd.read_csv(out / "reports.csv")
    assert sorted(Path(name).name for name in reports["source_file"]) == [
        "rapport_\\u202etxt.7002_aemu.txt",
        "umea\\r2007.txt",
    ]
    assert list(reports["status"]) == ["ok", "ok"]
    pages = [out / "report.html", *sorted((out / "report").rglob("*.html"))]
    html = "".join(page.read_text(encoding="utf-8") for page in pages)
    assert "\u202e" not in html and "\r" not in html
    assert "rapport_\\u202etxt.7002_aemu.txt" in (out / "report" / "index.html").read_text(encoding="utf-8")


def test_a_carriage_return_in_a_text_cell_is_quoted(tmp_path: Path) -> None:
    """A PDF can map a glyph to a carriage return: unquoted, it ended the row for most readers."""
    rows = {
        "report_id": ["r1", "r1"], "area": [1, 1], "kind": ["strength", "strength"], "position": [1, 2],
        "text": ["one\rtwo", "three"], "page": [4, 4], "line": [10, 12],
    }  # fmt: skip
    table = pd.DataFrame(rows).astype({"text": "string"})
    # The CSV writer alone, without the keys check and the other files write_tables makes.
    _write_csv("observations", table, tmp_path / "observations.csv", CSV_DIALECTS["standard"])
    with (tmp_path / "observations.csv").open(encoding="utf-8", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == list(rows)
    assert [row[4] for row in read[1:]] == ["one\rtwo", "three"]
    assert pd.read_csv(tmp_path / "observations.csv")["text"].tolist() == ["one\rtwo", "three"]
