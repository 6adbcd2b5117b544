"""Parquet files of the tables: the one place that uses pyarrow, for writing them and reading them
back (the audit report).

The schema comes from the declaration (:func:`arrow_schema`): fixed types, so an all-empty column
keeps its type and batches read together (DuckDB, pyarrow.dataset, pandas) whatever their
content. Each file also carries the ``pandas`` metadata that pandas itself would write for the
table with the contract's dtypes (``Int64``, ``Float64``, ``string``, ``boolean``, dates as
objects), so ``pandas.read_parquet`` gives back exactly the DataFrame of ``Result.tables``;
kompass writes it without importing pandas.
"""

from __future__ import annotations

import array
import io
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache
from importlib import metadata
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.model.schema import PANDAS_DTYPES, ColumnType, table
from pipeline.tables.chunks import Chunk
from pipeline.tables.manifest import MANIFEST_KEY, manifest_json

if sys.byteorder != "little":  # Arrow's buffers are little-endian, as array.array's are here
    raise ImportError("kompass writes Parquet on little-endian machines only")

# The Arrow type of each declared column type.
ARROW_TYPES: dict[ColumnType, pa.DataType] = {
    "string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.date32(),
    "boolean": pa.bool_(),
}  # fmt: skip
# How pyarrow names each Arrow type in the pandas metadata ("pandas_type").
_PANDAS_TYPES: dict[ColumnType, str] = {
    "string": "unicode", "integer": "int64", "number": "float64", "date": "date", "boolean": "bool",
}  # fmt: skip


def arrow_schema(name: str) -> pa.Schema:
    """The Parquet schema of table ``name``, from its declaration."""
    return pa.schema(
        [pa.field(c.name, ARROW_TYPES[c.type], nullable=not c.required) for c in table(name).columns]
    )


@cache
def _pandas_version() -> str | None:
    try:
        return metadata.version("pandas")
    except metadata.PackageNotFoundError:
        return None


def pandas_metadata(name: str) -> dict[bytes, bytes]:
    """The schema metadata ``pyarrow.Table.from_pandas`` writes for table ``name`` held with the
    contract's dtypes (no index), byte for byte; none when pandas is not installed."""
    version = _pandas_version()
    if version is None:
        return {}
    columns = [
        {"name": c.name, "field_name": c.name, "pandas_type": _PANDAS_TYPES[c.type],
         "numpy_type": PANDAS_DTYPES[c.type], "metadata": None}
        for c in table(name).columns
    ]  # fmt: skip
    described = {
        "index_columns": [], "column_indexes": [], "columns": columns, "attributes": {},
        "creator": {"library": "pyarrow", "version": pa.__version__}, "pandas_version": version,
    }  # fmt: skip
    return {b"pandas": json.dumps(described).encode("utf8")}


# Days from 0001-01-01 to the Unix epoch, where Arrow's date32 counts from.
_EPOCH = date(1970, 1, 1).toordinal()
# The Arrow buffer of each fixed-width type: its array.array code and each value in it.
_FIXED: dict[ColumnType, tuple[str, Callable[[Any], Any]]] = {
    "integer": ("q", int), "number": ("d", float), "date": ("i", lambda day: day.toordinal() - _EPOCH),
}  # fmt: skip


def _bits(flags: Iterable[bool], count: int) -> pa.Buffer:
    """An Arrow bitmap: bit ``i`` (least significant first) set where flag ``i`` is true."""
    bits = bytearray((count + 7) // 8)
    for index, flag in enumerate(flags):
        if flag:
            bits[index >> 3] |= 1 << (index & 7)
    return pa.py_buffer(bits)


def arrow_array(values: list[Any], kind: ColumnType) -> pa.Array:
    """A column's values (None or of the declared ``kind``, as a :class:`Chunk` holds them) as an
    Arrow array of :data:`ARROW_TYPES`, built from its buffers: ``pyarrow.array`` would import
    pandas (0.3 s) only to ask whether the values are a pandas object."""
    count = len(values)
    valid = None if all(v is not None for v in values) else _bits((v is not None for v in values), count)
    if kind == "string":
        encoded = [b"" if v is None else v.encode("utf-8") for v in values]
        offsets = array.array("i", itertools.accumulate(map(len, encoded), initial=0))
        buffers = [valid, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    elif kind == "boolean":
        buffers = [valid, _bits((bool(v) for v in values), count)]
    else:
        code, plain = _FIXED[kind]
        buffers = [valid, pa.py_buffer(array.array(code, (0 if v is None else plain(v) for v in values)))]
    result = pa.Array.from_buffers(ARROW_TYPES[kind], count, buffers)
    result.validate()
    return result


def _arrow_table(chunk: Chunk, schema: pa.Schema) -> pa.Table:
    kinds = {column.name: column.type for column in table(chunk.name).columns}
    columns = [arrow_array(chunk.column(field.name), kinds[field.name]) for field in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def write_parquet_chunks(
    name: str, chunks: Iterable[Chunk], file: io.BufferedWriter, manifest: Mapping[str, Any] | None
) -> None:
    """Write table ``name`` as Parquet into ``file``: one row group per chunk, the run's
    ``manifest`` in the schema's metadata (a Parquet file found on its own still says which run
    produced it)."""
    schema = arrow_schema(name)
    recorded = {**pandas_metadata(name)}
    if manifest is not None:
        recorded[MANIFEST_KEY.encode()] = manifest_json(manifest)
    schema = schema.with_metadata(recorded)
    writer: pq.ParquetWriter | None = None
    try:
        for chunk in chunks:
            writer = writer or pq.ParquetWriter(file, schema)
            writer.write_table(_arrow_table(chunk, schema))
    finally:
        if writer is not None:
            writer.close()


class ParquetShape:
    """What a Parquet file's footer says: its rows, its columns and their types (read before the
    table itself, to refuse one too large or of other types)."""

    def __init__(self, data: io.BytesIO) -> None:
        # The reader is closed before anything raises (an open one left to the interpreter's exit
        # is a candidate for an abort seen once at exit, after the error line).
        with pq.ParquetFile(data) as parquet:
            self.rows = parquet.metadata.num_rows
            self.columns = parquet.metadata.num_columns
            self.schema = parquet.schema_arrow

    def check_types(self, name: str) -> None:
        """``ValueError`` when a column of table ``name`` is missing or has another type than the
        one kompass writes."""
        for field in arrow_schema(name):
            if field.name not in self.schema.names:
                raise ValueError(f"it lacks the table's column {field.name}")
            found = self.schema.field(field.name).type
            if found != field.type:
                raise ValueError(f"its column {field.name} holds {found}, not {field.type}")


def read_parquet_rows(name: str, data: io.BytesIO) -> Chunk:
    """Table ``name`` read back from Parquet ``data`` (of the types :meth:`ParquetShape.check_types`
    checked), its declared columns only."""
    # ParquetFile reads without pyarrow.dataset, whose import would import pandas.
    with pq.ParquetFile(data) as parquet:
        arrow = parquet.read(columns=list(table(name).column_names))
    return Chunk(name, arrow.to_pylist())
