"""The tables' keys, checked before anything is published.

Every declared table has a primary key of never-empty columns and may have unique keys whose
columns may be empty (:mod:`pipeline.model.schema`). A row that repeats a key, or leaves a primary key
column empty, is a fault of kompass, not of the report: the writer (:mod:`pipeline.tables.writers`)
calls :func:`check_keys` on each table before it writes a file, and the run stops with
:class:`KeyViolationError` instead of publishing a table that a database would refuse.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from pipeline.model.schema import SchemaError, table


class KeyViolationError(SchemaError):
    """A table's rows break its declared primary or unique key (an internal error of kompass)."""


def _cells(df: pd.DataFrame, columns: tuple[str, ...]) -> Iterable[tuple[Any, ...]]:
    # Empty cells as None, so that two empty values compare equal (pd.NA == pd.NA is not True).
    values = df[list(columns)].astype(object).where(df[list(columns)].notna(), None)
    return values.itertuples(index=False, name=None)


def check_keys(name: str, chunks: Iterable[pd.DataFrame]) -> None:
    """Raise :class:`KeyViolationError` when table ``name``'s rows (in DataFrame chunks) leave a
    primary key column empty or repeat a primary or unique key (empty values counted as equal)."""
    declared = table(name)
    keys = (declared.primary_key, *declared.unique_keys)
    seen: list[set[tuple[Any, ...]]] = [set() for _ in keys]
    for df in chunks:
        for column in declared.primary_key:
            if df[column].isna().any():
                raise KeyViolationError(
                    f"table {name!r}: primary key column {column!r} is empty in a row "
                    "(an internal error of kompass: nothing was written)"
                )
        for columns, known in zip(keys, seen, strict=True):
            for cells in _cells(df, columns):
                if cells in known:
                    shown = ", ".join(f"{c}={v!r}" for c, v in zip(columns, cells, strict=True))
                    raise KeyViolationError(
                        f"table {name!r}: two rows share the key ({shown}) "
                        "(an internal error of kompass: nothing was written)"
                    )
                known.add(cells)
