"""Writing the output tables: the one place that writes files.

Every table of a batch is first written next to its destination under a temporary name, and only
when all of them are complete are they moved into place, so a crash never leaves a half-written
table and never mixes tables from two runs.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.datapackage import FILE_NAME as DATAPACKAGE
from pipeline.datapackage import descriptor
from pipeline.defaults import CSV_DIALECTS, FORMATS, CsvDialect
from pipeline.manifest import MANIFEST_KEY, manifest_json
from pipeline.numbers import format_number
from pipeline.schema import TABLES, ColumnType, table

Manifest = Mapping[str, Any]


def _number_text(value: Any, decimal: str) -> str | None:
    # 7.5 stays "7.5" (or "7,5") and 28.0 becomes "28": numbers as a person reads them, no "28.0".
    text = format_number(value) if pd.notna(value) else None
    return text.replace(".", decimal) if text else None


def _write_csv(name: str, df: pd.DataFrame, path: Path, dialect: CsvDialect) -> None:
    text = df.copy()
    for column, dtype in df.dtypes.items():
        if str(dtype) == "Float64":
            text[column] = df[column].map(lambda v: _number_text(v, dialect.decimal)).astype("string")
    text.to_csv(
        path, index=False, sep=dialect.delimiter, encoding=dialect.encoding,
        lineterminator=dialect.line_terminator,
    )  # fmt: skip


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


def _write_parquet(name: str, df: pd.DataFrame, path: Path, manifest: Manifest | None) -> None:
    arrow = pa.Table.from_pandas(df, schema=arrow_schema(name), preserve_index=False)
    if manifest is not None:
        # A Parquet file found on its own still says which run produced it.
        metadata = {**(arrow.schema.metadata or {}), MANIFEST_KEY.encode(): manifest_json(manifest)}
        arrow = arrow.replace_schema_metadata(metadata)
    pq.write_table(arrow, path)


def _write_datapackage(
    tables: dict[str, pd.DataFrame], formats: tuple[str, ...], path: Path, dialect: CsvDialect,
    manifest: Manifest | None,
) -> None:  # fmt: skip
    package = descriptor(formats, tables=list(tables), csv_dialect=dialect)
    if manifest is not None:
        package["created"] = manifest["created"]
        package[MANIFEST_KEY] = dict(manifest)
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _remove_other_tables(out_dir: Path, written: set[Path]) -> None:
    """Remove kompass's own table files that this run did not write (a format not asked for this
    time): left in place they would describe another batch. Other files are never touched."""
    for declared in TABLES:
        for fmt in FORMATS:
            path = out_dir / f"{declared.name}.{fmt}"
            if path not in written:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()


def write_tables(
    tables: dict[str, pd.DataFrame],
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    *,
    csv_dialect: CsvDialect = CSV_DIALECTS["standard"],
    manifest: Manifest | None = None,
) -> list[Path]:
    """Write each table as ``<name>.csv`` and/or ``<name>.parquet`` in ``out_dir``; return the paths.

    ``datapackage.json`` (see :mod:`pipeline.datapackage`) is written beside them, with the
    ``manifest`` of the run (:mod:`pipeline.manifest`), which every Parquet file carries too.
    Table files of kompass's from an earlier run that this one does not write are removed, so the
    folder holds exactly one run.
    """
    formats = tuple(formats)
    out_dir.mkdir(parents=True, exist_ok=True)
    writers = {
        "csv": functools.partial(_write_csv, dialect=csv_dialect),
        "parquet": functools.partial(_write_parquet, manifest=manifest),
    }
    staged: list[tuple[Path, Path]] = []
    try:
        for name, df in tables.items():
            for fmt in formats:
                final = out_dir / f"{name}.{fmt}"
                temporary = out_dir / f".{name}.{fmt}.partial"
                staged.append((temporary, final))
                writers[fmt](name, df, temporary)
        staged.append((out_dir / f".{DATAPACKAGE}.partial", out_dir / DATAPACKAGE))
        _write_datapackage(tables, formats, staged[-1][0], csv_dialect, manifest)
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    for temporary, final in staged:
        os.replace(temporary, final)
    _remove_other_tables(out_dir, {final for _, final in staged})
    return [final for _, final in staged]


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so readers never see half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_bytes(data)
    os.replace(temporary, path)
