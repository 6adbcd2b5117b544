"""A table's rows as plain Python values, typed by the contract: what the writers, the keys check
and the audit report read.

A :class:`Chunk` is a table's rows (or a run of them, as a streamed batch hands them over): each
row a dict in contract order whose values are ``None`` or of the column's declared type (``int``,
``float``, ``str``, ``datetime.date``, ``bool``). Writing a run's tables needs nothing more, so
a run of one report does not import pandas; :meth:`Chunk.to_frame` gives the DataFrame with the
contract's dtypes where a caller asks for one (the library's ``Result.tables``).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from pipeline.model.schema import ColumnType, check_row, pandas_dtypes, table

if TYPE_CHECKING:
    import pandas as pd

Row = dict[str, Any]


def _integer(value: Any) -> int:
    number = int(value)
    if number != value:
        raise ValueError(f"{value!r} is not a whole number")
    return number


def _number(value: Any) -> float | None:
    number = float(value)
    return None if math.isnan(number) else number


def _string(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


# How a value of each declared type is held (None stays None).
_TYPED: dict[ColumnType, Callable[[Any], Any]] = {
    "string": _string, "integer": _integer, "number": _number, "date": _date, "boolean": bool,
}  # fmt: skip


@dataclass(frozen=True)
class Chunk:
    """Rows of table ``name``, each a dict in contract order with values of the declared types."""

    name: str
    rows: list[Row]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def column(self, name: str) -> list[Any]:
        """The values of column ``name``, in row order."""
        return [row[name] for row in self.rows]

    def to_frame(self) -> pd.DataFrame:
        """The rows as a DataFrame with the contract's columns, order and dtypes."""
        import pandas as pd

        dtypes = pandas_dtypes(self.name)
        return pd.DataFrame(self.rows, columns=list(dtypes)).astype(dtypes)


def typed_rows(name: str, rows: Iterable[Mapping[str, Any]]) -> list[Row]:
    """``rows`` of table ``name`` in contract order, each value held as its column's type."""
    columns = [(column.name, _TYPED[column.type]) for column in table(name).columns]
    out = []
    for row in rows:
        typed: Row = {}
        for column, convert in columns:
            value = row[column]
            typed[column] = None if value is None else convert(value)
        out.append(typed)
    return out


def checked_chunk(name: str, rows: Iterable[Row]) -> Chunk:
    """A table's rows as a :class:`Chunk`, every row checked against the declaration first: a
    missing or unknown key, or an empty required value, raises
    :class:`~pipeline.model.schema.SchemaError` naming the table and the key."""
    declared = table(name)
    checked = []
    for row in rows:
        check_row(declared, row)
        checked.append(row)
    return Chunk(name, typed_rows(name, checked))


def frame_chunk(name: str, df: pd.DataFrame) -> Chunk:
    """A DataFrame of table ``name`` (as :meth:`Chunk.to_frame` gives, or a caller built) as a
    :class:`Chunk`: empty cells as None."""
    columns = list(table(name).column_names)
    plain = df[columns].astype(object).where(df[columns].notna(), None)
    records = (dict(zip(columns, values, strict=True)) for values in plain.itertuples(index=False, name=None))
    return Chunk(name, typed_rows(name, records))


def is_frame(value: object) -> bool:
    """Whether ``value`` is a pandas DataFrame (without importing pandas: one can only exist once
    pandas is imported)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(value, pandas.DataFrame)


# A table as written: one Chunk or DataFrame, or chunks of its rows in order (re-iterable: each
# format reads them again), which is how a batch's spilled tables stream to disk.
TableData = Any


def as_chunks(name: str, data: TableData) -> Iterable[Chunk]:
    """Table ``name``'s rows as :class:`Chunk` s, from any form of :data:`TableData`."""
    if isinstance(data, Chunk):
        return [data]
    if is_frame(data):
        return [frame_chunk(name, data)]
    return (part if isinstance(part, Chunk) else frame_chunk(name, part) for part in data)


def whole_chunk(name: str, data: TableData) -> Chunk:
    """Table ``name``'s rows, from any form of :data:`TableData`, as one :class:`Chunk`."""
    chunks = list(as_chunks(name, data))
    return chunks[0] if len(chunks) == 1 else Chunk(name, [row for chunk in chunks for row in chunk.rows])
