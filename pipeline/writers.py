"""Writing the output tables: the one place that writes files.

Every table of a batch is first written next to its destination under a temporary name, and only
when all of them are complete are they moved into place, so a crash never leaves a half-written
table and never mixes tables from two runs.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.datapackage import FILE_NAME as DATAPACKAGE
from pipeline.datapackage import descriptor
from pipeline.defaults import FORMATS
from pipeline.numbers import format_number
from pipeline.schema import ColumnType, table


def _write_csv(name: str, df: pd.DataFrame, path: Path) -> None:
    text = df.copy()
    for column, dtype in df.dtypes.items():
        if str(dtype) == "Float64":
            # 7.5 stays "7.5" and 28.0 becomes "28": numbers as a person reads them, no "28.0".
            text[column] = (
                df[column].map(lambda v: format_number(v) if pd.notna(v) else None).astype("string")
            )
    text.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


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


def _write_parquet(name: str, df: pd.DataFrame, path: Path) -> None:
    arrow = pa.Table.from_pandas(df, schema=arrow_schema(name), preserve_index=False)
    pq.write_table(arrow, path)


def _write_datapackage(tables: dict[str, pd.DataFrame], formats: tuple[str, ...], path: Path) -> None:
    package = descriptor(formats, tables=list(tables))
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_tables(
    tables: dict[str, pd.DataFrame], out_dir: Path, formats: Iterable[str] = FORMATS
) -> list[Path]:
    """Write each table as ``<name>.csv`` and/or ``<name>.parquet`` in ``out_dir``; return the paths.

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
