"""The tables written without pandas: a run of one report imports no pandas, and its CSV and
Parquet files are what pandas wrote before (the same cells, Parquet types and pandas metadata)."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.model.defaults import CSV_DIALECTS
from pipeline.model.schema import TABLES, ColumnType, table
from pipeline.tables.chunks import Chunk, as_chunks, checked_chunk
from pipeline.tables.parquet import (
    ARROW_TYPES,
    arrow_array,
    arrow_schema,
    pandas_metadata,
    write_parquet_chunks,
)
from pipeline.tables.writers import write_tables
from tests.conftest import ROOT

# Values of each declared type, empty ones among them, across more than a byte of a bitmap.
VALUES: dict[ColumnType, list[object]] = {
    "string": ["Umeå", None, '=HYPERLINK("x")', "", "a\r\nb", "ä" * 40, None, "-3", "+2,5"],
    "integer": [2007, None, -1, 0, 2**40, None, 3, 4, 5],
    "number": [7.5, None, 28.0, -0.0, 1e-7, 0.1 + 0.2, None, 1e300, 3.0],
    "date": [date(2007, 5, 1), None, date(1969, 12, 31), date(1970, 1, 1), None, None, None, None, None],
    "boolean": [True, None, False, True, False, False, False, False, True],
}


@pytest.mark.parametrize("kind", list(VALUES))
def test_arrow_arrays_are_those_pyarrow_builds(kind: ColumnType) -> None:
    values = VALUES[kind]
    for part in (values, values[:1], [None], []):
        built = arrow_array(list(part), kind)
        assert built.equals(pa.array(part, type=ARROW_TYPES[kind])), part
        assert built.to_pylist() == part


def _issue(number: int, **values: object) -> dict[str, object]:
    row: dict[str, object] = {column: None for column in table("issues").column_names}
    row.update(report_id="r1", rule="area_sum_mismatch", severity="error", message="m")
    row.update(issue_id=f"{number:016x}")
    row.update(values)
    return row


ISSUES = [
    _issue(1, area=3, year=2007, found="=SUM(A1)", printed_line="Kultur\t75", x0=10.5, top=20.0, is_new=True),
    _issue(2, expected="-3", found="+1+1", message="två\rrader", page=4, line=12, bottom=7.25),
]


def test_csv_cells_are_as_pandas_wrote_them(tmp_path: Path) -> None:
    chunk = checked_chunk("issues", ISSUES)
    write_tables({"issues": chunk}, tmp_path / "chunk", ["csv"])
    write_tables({"issues": chunk.to_frame()}, tmp_path / "frame", ["csv"])
    written = (tmp_path / "chunk" / "issues.csv").read_bytes()
    assert written == (tmp_path / "frame" / "issues.csv").read_bytes()
    lines = written.decode("utf-8").split("\n")
    # A carriage return in a text cell quotes every cell of the chunk; formulas get an apostrophe,
    # a plain signed number does not; 20.0 is written 20; empty cells stay empty.
    assert lines[1].startswith('"r1","area_sum_mismatch","error","3","","2007","","\'=SUM(A1)","m"')
    assert '"10.5","20","",""' in lines[1] and lines[1].endswith('"","","","True"')
    assert lines[2].startswith('"r1","area_sum_mismatch","error","","","","-3","\'+1+1","två\rrader","4"')


def test_excel_dialect_writes_decimal_commas(tmp_path: Path) -> None:
    excel = CSV_DIALECTS["excel"]
    write_tables({"issues": checked_chunk("issues", ISSUES)}, tmp_path, ["csv"], csv_dialect=excel)
    text = (tmp_path / "issues.csv").read_bytes().decode("utf-8-sig")
    assert ";10,5;20;" in text and "\r\n" in text


@pytest.mark.parametrize("name", [declared.name for declared in TABLES])
def test_parquet_carries_the_metadata_pandas_wrote(name: str) -> None:
    frame = Chunk(name, []).to_frame()
    from_pandas = pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False)
    assert from_pandas.schema.metadata == pandas_metadata(name)


def test_parquet_reads_back_as_the_dataframe_of_the_library() -> None:
    chunk = checked_chunk("issues", ISSUES)
    file = io.BytesIO()
    write_parquet_chunks("issues", [chunk, chunk], file, {"version": "test"})  # type: ignore[arg-type]
    parquet = pq.ParquetFile(io.BytesIO(file.getvalue()))
    assert parquet.metadata.num_row_groups == 2
    assert parquet.schema_arrow.remove_metadata() == arrow_schema("issues")
    expected = pd.concat([chunk.to_frame()] * 2, ignore_index=True)
    pd.testing.assert_frame_equal(pd.read_parquet(io.BytesIO(file.getvalue())), expected)


def test_a_dataframe_and_its_chunk_are_the_same_rows() -> None:
    chunk = checked_chunk("issues", ISSUES)
    (again,) = as_chunks("issues", chunk.to_frame())
    assert again == chunk


def test_a_one_report_run_imports_no_pandas(tmp_path: Path) -> None:
    report = tmp_path / "umea_2007.txt"
    report.write_text(
        "Kommunkompassen\nUtvärdering av Umeå kommun 2007\n\nUmeå kommun har 497 poäng.\n", encoding="utf-8"
    )
    probe = (
        "import sys\nfrom pipeline.cli import main\n"
        f"main(['run', {str(report)!r}, '--out', {str(tmp_path / 'out')!r}, '--workers', '1'],"
        " standalone_mode=False)\n"
        "print(sorted(m for m in ('pandas', 'pdfplumber') if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "report" / "index.html").is_file()  # the report read its tables back
    assert pq.read_table(tmp_path / "out" / "reports.parquet").num_rows == 1
