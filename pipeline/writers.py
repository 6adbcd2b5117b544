"""Writing the output tables: the one place that writes files.

Every table of a batch is first written next to its destination under a temporary name, and only
when all of them are complete are they moved into place, so a crash never leaves a half-written
table and never mixes tables from two runs.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.datapackage import FILE_NAME as DATAPACKAGE
from pipeline.datapackage import descriptor
from pipeline.defaults import FORMATS
from pipeline.numbers import format_number
from pipeline.schema import ColumnType, table

# A table as one DataFrame, or as DataFrame chunks of its rows in order (re-iterable: each format
# reads it again), which is how a batch's spilled tables stream to disk (``pipeline.spill``).
TableData = pd.DataFrame | Iterable[pd.DataFrame]


def _chunks(table: TableData) -> Iterable[pd.DataFrame]:
    return [table] if isinstance(table, pd.DataFrame) else table


def _csv_text(df: pd.DataFrame) -> pd.DataFrame:
    text = df.copy()
    for column, dtype in df.dtypes.items():
        if str(dtype) == "Float64":
            # 7.5 stays "7.5" and 28.0 becomes "28": numbers as a person reads them, no "28.0".
            text[column] = (
                df[column].map(lambda v: format_number(v) if pd.notna(v) else None).astype("string")
            )
    return text


def _write_csv(name: str, table: TableData, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        for number, df in enumerate(_chunks(table)):
            _csv_text(df).to_csv(file, index=False, header=number == 0, lineterminator="\n")


# The Arrow type of each declared column type: fixed, so an all-empty column keeps its type and
# batches read together (DuckDB, pyarrow.dataset, pandas) whatever their content.
ARROW_TYPES: dict[ColumnType, pa.DataType] = {
    "string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.date32(),
    "boolean": pa.bool_(),
}  # fmt: skip


def arrow_schema(name: str) -> pa.Schema:
    """The Parquet schema of table ``name``, from its declaration."""
    return pa.schema(
        [pa.field(c.name, ARROW_TYPES[c.type], nullable=not c.required) for c in table(name).columns]
    )


def _write_parquet(name: str, table: TableData, path: Path) -> None:
    # One row group per chunk; the writer takes the first chunk's schema, as pq.write_table does.
    writer: pq.ParquetWriter | None = None
    try:
        for df in _chunks(table):
            arrow = pa.Table.from_pandas(df, schema=arrow_schema(name), preserve_index=False)
            writer = writer or pq.ParquetWriter(path, arrow.schema)
            writer.write_table(arrow)
    finally:
        if writer is not None:
            writer.close()


def _write_datapackage(tables: Mapping[str, TableData], formats: tuple[str, ...], path: Path) -> None:
    package = descriptor(formats, tables=list(tables))
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_tables(
    tables: Mapping[str, TableData], out_dir: Path, formats: Iterable[str] = FORMATS
) -> list[Path]:
    """Write each table as ``<name>.csv`` and/or ``<name>.parquet`` in ``out_dir``; return the paths.

    A table is a DataFrame or an iterable of DataFrame chunks of its rows (read once per format).

    ``datapackage.json`` (see :mod:`pipeline.datapackage`) is written beside them.
    """
    formats = tuple(formats)
    out_dir.mkdir(parents=True, exist_ok=True)
    writers = {"csv": _write_csv, "parquet": _write_parquet}
    staged: list[tuple[Path, Path]] = []
    try:
        for name, df in tables.items():
            for fmt in formats:
                final = out_dir / f"{name}.{fmt}"
                temporary = out_dir / f".{name}.{fmt}.partial"
                staged.append((temporary, final))
                writers[fmt](name, df, temporary)
        staged.append((out_dir / f".{DATAPACKAGE}.partial", out_dir / DATAPACKAGE))
        _write_datapackage(tables, formats, staged[-1][0])
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    for temporary, final in staged:
        os.replace(temporary, final)
    return [final for _, final in staged]


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so readers never see half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_bytes(data)
    os.replace(temporary, path)
