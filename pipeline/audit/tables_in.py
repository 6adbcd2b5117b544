"""The tables of an output folder read back for the report: Parquet where written, else CSV.

Before anything is read, each table file is checked against the SHA-256 ``datapackage.json`` names
for it (:func:`check_files`): a file changed, damaged or swapped since the run stops the report
with one line that names it, and so does the mark of a run stopped while it moved its files into
place. Files are read only when they are regular files, never through a link, and within limits
drawn from ``--max-memory``: a file larger than a quarter of it, or a table of more cells than it
holds at :data:`BYTES_PER_CELL`, is not read (a Parquet file of 2 MB can hold 30 million rows).

CSV cells a spreadsheet would run as formulas were written with a leading apostrophe
(:func:`pipeline.tables.writers.neutralise_formula`); it is taken off again, so the report shows the text
as printed (in HTML, where it is escaped, a formula is harmless). Parquet keeps the text as printed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.model.defaults import CSV_DIALECTS, DEFAULT_MAX_MEMORY, FORMATS, CsvDialect, format_size
from pipeline.model.schema import TABLES, Column, table
from pipeline.tables.chunks import Chunk
from pipeline.tables.datapackage import FILE_NAME as DATAPACKAGE
from pipeline.tables.writers import FORMULA_STARTS, INCOMPLETE_MARK, incomplete_run


class NotAnOutputFolderError(Exception):
    """The folder holds no ``datapackage.json`` of a kompass run, or its files are not the run's:
    changed, damaged or missing since it wrote them."""


# The names of the files a run writes: the only names datapackage.json's "files" may give.
TABLE_FILES = frozenset(f"{declared.name}.{fmt}" for declared in TABLES for fmt in FORMATS)
_AGAIN = "run `kompass run` into it again"
# What a cell of a table read back costs at least in memory (a value and its share of the row's
# dict): the limit on cells is --max-memory over this.
BYTES_PER_CELL = 32
_HASH_CHUNK = 1 << 20


def _file_limit(max_memory: int | None) -> int | None:
    return None if max_memory is None else max_memory // 4


def read_package(out_dir: Path, max_memory: int | None = DEFAULT_MAX_MEMORY) -> dict[str, Any]:
    """The folder's ``datapackage.json``; :class:`NotAnOutputFolderError` if it has none or it
    cannot be read."""
    path = out_dir / DATAPACKAGE
    try:
        package = json.loads(_read_regular(path, _file_limit(max_memory)))
    except FileNotFoundError:
        raise NotAnOutputFolderError(
            f"{out_dir} holds no {DATAPACKAGE}: run `kompass run` into it first"
        ) from None
    except (OSError, ValueError) as exc:
        raise NotAnOutputFolderError(f"{path} cannot be read ({_reason(exc)}): {_AGAIN}") from None
    if not isinstance(package, dict):
        raise NotAnOutputFolderError(f"{path} is not a Data Package of kompass's: {_AGAIN}")
    return package


def check_files(out_dir: Path, package: dict[str, Any]) -> None:
    """Raise :class:`NotAnOutputFolderError` unless every table file ``package`` lists (its
    ``files``, else its resources' ``hash``) that is in ``out_dir`` has that SHA-256, and unless
    ``out_dir`` is free of the mark of a run stopped while it moved its files into place."""
    if incomplete_run(out_dir):
        raise NotAnOutputFolderError(
            f"{out_dir} holds the tables of a run that was stopped while it moved them into place "
            f"(see {INCOMPLETE_MARK}): they may be a mix of two runs; {_AGAIN}"
        )
    listed = package.get("files")
    if not isinstance(listed, list):
        resources = package.get("resources")
        listed = [r for r in resources if isinstance(r, dict)] if isinstance(resources, list) else []
    for entry in listed:
        name = entry.get("path") if isinstance(entry, dict) else None
        expected = str(entry.get("sha256") or entry.get("hash", "")).removeprefix("sha256:") if name else ""
        if name not in TABLE_FILES or not expected:
            continue  # not a name a run writes: nothing of the folder's is read for it
        path = out_dir / name
        try:
            found = _sha256_of_regular(path)
        except FileNotFoundError:
            continue  # a file taken away (the Parquet files, say) is not read: the other format is
        except OSError as exc:
            raise NotAnOutputFolderError(f"{path} cannot be read ({_reason(exc)}): {_AGAIN}") from None
        if found != expected:
            raise NotAnOutputFolderError(
                f"{path} is not the file the run wrote (its SHA-256 differs from the one in "
                f"{DATAPACKAGE}): it was changed or damaged since; {_AGAIN}"
            )


def _open_regular(path: Path) -> io.BufferedReader:
    """``path`` open for reading if it is a regular file: never through a link, never a pipe or a
    device (opened without waiting for a writer)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    file = open(fd, "rb")  # noqa: SIM115 - handed to the caller's with block
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        file.close()
        raise OSError(f"{path.name} is not a regular file")
    return file


def _read_regular(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of the regular file ``path``, if it has at most ``max_bytes``."""
    with _open_regular(path) as file:
        size = os.fstat(file.fileno()).st_size
        data = file.read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and max(size, len(data)) > max_bytes:
        raise OSError(f"it has more than {format_size(max_bytes)}, a quarter of --max-memory")
    return data


def _sha256_of_regular(path: Path) -> str:
    """The SHA-256 of the regular file ``path``, read a piece at a time (any size)."""
    digest = hashlib.sha256()
    with _open_regular(path) as file:
        while chunk := file.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__


def read_tables(
    out_dir: Path, package: dict[str, Any], max_memory: int | None = DEFAULT_MAX_MEMORY
) -> dict[str, Chunk]:
    """Every declared table of ``out_dir``, its values of the contract's types (an absent table
    is empty), each within the limits ``max_memory`` sets; :class:`NotAnOutputFolderError` names
    a file that cannot be read as its table."""
    manifest = package.get("kompass")
    options = manifest.get("options") if isinstance(manifest, dict) else None
    dialect_name = options.get("csv_dialect", "standard") if isinstance(options, dict) else "standard"
    dialect = CSV_DIALECTS.get(dialect_name, CSV_DIALECTS["standard"])
    tables = {}
    for declared in TABLES:
        parquet, csv_path = out_dir / f"{declared.name}.parquet", out_dir / f"{declared.name}.csv"
        path = parquet if os.path.lexists(parquet) else csv_path
        try:
            tables[declared.name] = _read_table(declared.name, path, dialect, max_memory)
        except FileNotFoundError:
            tables[declared.name] = Chunk(declared.name, [])
        except Exception as exc:  # whatever a damaged file makes a reader raise: one line, no traceback
            raise NotAnOutputFolderError(f"{path} cannot be read ({_reason(exc)}): {_AGAIN}") from None
    return tables


def _read_table(name: str, path: Path, dialect: CsvDialect, max_memory: int | None) -> Chunk:
    columns = table(name).columns
    data = io.BytesIO(_read_regular(path, _file_limit(max_memory)))
    if path.suffix == ".parquet":
        from pipeline.tables.parquet import ParquetShape, read_parquet_rows  # pyarrow, for Parquet only

        shape = ParquetShape(data)
        _check_cells(shape.rows, max(shape.columns, len(columns)), max_memory)
        shape.check_types(name)
        return read_parquet_rows(name, data)
    lines = data.getvalue().count(b"\n")
    _check_cells(lines, len(columns), max_memory)
    text = data.getvalue().decode(dialect.encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter)
    header = next(reader, [])
    missing = [column.name for column in columns if column.name not in header]
    if missing:
        raise ValueError(f"it lacks the table's column {missing[0]}")
    places = [(column, header.index(column.name)) for column in columns]
    rows = [
        {column.name: _as_printed(record[place], column, dialect) for column, place in places}
        for record in reader
        if record
    ]
    return Chunk(name, rows)


def _check_cells(rows: int, columns: int, max_memory: int | None) -> None:
    """``ValueError`` when a table of ``rows`` by ``columns`` would not fit in ``max_memory``."""
    if max_memory is not None and rows * max(columns, 1) * BYTES_PER_CELL > max_memory:
        raise ValueError(f"it has {rows:,} rows, more than --max-memory {format_size(max_memory)} holds")


def _as_printed(cell: str, column: Column, dialect: CsvDialect) -> Any:
    """A CSV cell as the value the run wrote: empty as None, numbers with the dialect's decimal
    mark, a neutralised formula's apostrophe taken off."""
    if cell == "":
        return None
    if column.type == "string":
        return _unneutralised(cell)
    if column.type == "integer":
        return int(cell)
    if column.type == "number":
        return float(cell.replace(dialect.decimal, "."))
    if column.type == "boolean":
        if cell not in ("True", "False"):
            raise ValueError(f"its column {column.name} holds {cell!r}, not True or False")
        return cell == "True"
    return date.fromisoformat(cell)


def _unneutralised(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value
