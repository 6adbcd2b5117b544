"""The tables' keys, checked before anything is published.

Every declared table has a primary key of never-empty columns and may have unique keys whose
columns may be empty (:mod:`pipeline.model.schema`). A row that repeats a key, or leaves a primary key
column empty, is a fault of kompass, not of the report: the writer (:mod:`pipeline.tables.writers`)
calls :func:`check_keys` on each table before it writes a file, and the run stops with
:class:`KeyViolationError` instead of publishing a table that a database would refuse.
"""

from __future__ import annotations

from typing import Any

from pipeline.model.schema import SchemaError, table
from pipeline.tables.chunks import TableData, as_chunks


class KeyViolationError(SchemaError):
    """A table's rows break its declared primary or unique key (an internal error of kompass)."""


def check_keys(name: str, chunks: TableData) -> None:
    """Raise :class:`KeyViolationError` when table ``name``'s rows (in chunks) leave a
    primary key column empty or repeat a primary or unique key (empty values counted as equal)."""
    declared = table(name)
    keys = (declared.primary_key, *declared.unique_keys)
    seen: list[set[tuple[Any, ...]]] = [set() for _ in keys]
    for chunk in as_chunks(name, chunks):
        for column in declared.primary_key:
            if any(value is None for value in chunk.column(column)):
                raise KeyViolationError(
                    f"table {name!r}: primary key column {column!r} is empty in a row "
                    "(an internal error of kompass: nothing was written)"
                )
        for columns, known in zip(keys, seen, strict=True):
            for cells in (tuple(row[c] for c in columns) for row in chunk.rows):
                if cells in known:
                    shown = ", ".join(f"{c}={v!r}" for c, v in zip(columns, cells, strict=True))
                    raise KeyViolationError(
                        f"table {name!r}: two rows share the key ({shown}) "
                        "(an internal error of kompass: nothing was written)"
                    )
                known.add(cells)
