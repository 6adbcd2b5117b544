"""``OUT/kompass.sqlite``: every table in one SQLite database, typed, with its keys and views.

The tables, their columns, types and keys come from :mod:`pipeline.model.schema`, as the other
formats' do: text columns are ``TEXT`` (so the municipality code "0127" stays "0127"), integers
``INTEGER``, scores ``REAL``, dates ISO text (``2007-09-19``) and booleans 0 or 1. Each table
has its primary key, its unique keys and its references to ``reports``, and the database is
checked for broken references before it is handed back. :data:`VIEWS` answer common questions.
This is the one module that touches :mod:`sqlite3`; :mod:`pipeline.tables.writers` writes the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pipeline.editions.edition import load_editions
from pipeline.model.records import Severity
from pipeline.model.schema import TABLES, ColumnType, Table
from pipeline.tables.chunks import Chunk, TableData, as_chunks
from pipeline.tables.manifest import manifest_json

FILE_NAME = "kompass.sqlite"
# The table holding the run's manifest (as datapackage.json does), one row of JSON.
MANIFEST_TABLE = "kompass_manifest"

SQLITE_TYPES: dict[ColumnType, str] = {
    "string": "TEXT", "integer": "INTEGER", "number": "REAL", "date": "TEXT", "boolean": "INTEGER",
}  # fmt: skip


def quoted(name: str) -> str:
    """An SQL identifier, quoted: some column names (``line``, ``count``, ``top``) are keywords."""
    return '"' + name.replace('"', '""') + '"'


def _names(columns: Iterable[str]) -> str:
    return ", ".join(quoted(name) for name in columns)


def table_sql(declared: Table, types: Mapping[ColumnType, str] = SQLITE_TYPES) -> str:
    """``CREATE TABLE`` of ``declared`` with its types, keys and references (``types``: the SQL
    type of each declared type; DuckDB takes the same statement with its own)."""
    parts = []
    for column in declared.columns:
        part = f"{quoted(column.name)} {types[column.type]}"
        if column.required:
            part += " NOT NULL"
        if column.type == "boolean" and types[column.type] == "INTEGER":
            part += f" CHECK ({quoted(column.name)} IN (0, 1))"
        parts.append(part)
    parts.append(f"PRIMARY KEY ({_names(declared.primary_key)})")
    parts.extend(f"UNIQUE ({_names(unique)})" for unique in declared.unique_keys)
    parts.extend(
        f"FOREIGN KEY ({quoted(key.column)}) REFERENCES {quoted(key.table)} ({quoted(key.column)})"
        for key in declared.foreign_keys
    )
    return f"CREATE TABLE {quoted(declared.name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _areas() -> range:
    return range(1, max(area.number for edition in load_editions() for area in edition.areas) + 1)


def _panel_wide() -> str:
    areas = "".join(f"  MAX(CASE WHEN area = {n} THEN score END) AS area_{n},\n" for n in _areas())
    return (
        "SELECT municipality_code, MAX(municipality) AS municipality, year, MAX(edition) AS edition,\n"
        f"{areas}  MAX(CASE WHEN area IS NULL THEN score END) AS total\n"
        "FROM panel GROUP BY municipality_code, year ORDER BY municipality_code, year"
    )


def _findings_per_report() -> str:
    counts = "".join(
        f"  COALESCE(SUM(i.severity = '{severity}'), 0) AS {severity}s,\n" for severity in Severity
    )
    return (
        "SELECT r.report_id, r.source_file, r.municipality, r.municipality_code, r.year, r.status,\n"
        f"{counts}  COUNT(i.issue_id) AS findings, SUM(i.is_new) AS new_since_review\n"
        "FROM reports AS r LEFT JOIN issues AS i ON i.report_id = r.report_id\n"
        "GROUP BY r.report_id ORDER BY r.source_file, r.report_id"
    )


# View name -> (what it answers, its SELECT); the README's list of views is checked against it.
VIEWS: dict[str, tuple[str, str]] = {
    "panel_wide": (
        "one row per municipality and evaluation year: the panel's area scores side by side "
        "(`area_1` … `area_8`) and the year's TOTALT (`total`)", _panel_wide(),
    ),
    "findings_per_report": (
        "one row per report: its findings counted by severity (`errors`, `warnings`, `infos`) and "
        "in all (`findings`), and those new since the review", _findings_per_report(),
    ),
}  # fmt: skip


def _iso(value: Any) -> str:
    return str(value.isoformat())


# How a value of a type SQLite has no type for is stored: dates as ISO text, booleans as 0 or 1.
_PLAIN: dict[ColumnType, Callable[[Any], Any]] = {"date": _iso, "boolean": int}


def _plain_rows(chunk: Chunk, declared: Table) -> list[tuple[Any, ...]]:
    """The rows as SQLite takes them: empty as NULL, dates as ISO text, booleans as 0 or 1."""
    columns = [(column.name, _PLAIN.get(column.type)) for column in declared.columns]
    return [tuple(_plain(row[name], convert) for name, convert in columns) for row in chunk.rows]


def _plain(value: Any, convert: Callable[[Any], Any] | None) -> Any:
    return value if value is None or convert is None else convert(value)


def write_database(
    tables: Mapping[str, TableData], path: Path, manifest: Mapping[str, Any] | None = None
) -> None:
    """Write the ``tables`` (each as chunks of its rows, or DataFrames) into a new database at ``path``,
    in declaration order (``reports`` first, which the others refer to), then the views.

    A broken reference raises ``sqlite3.IntegrityError``: the writer then publishes nothing.
    """
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            for declared in TABLES:
                if declared.name not in tables:
                    continue
                connection.execute(table_sql(declared))
                insert = (
                    f"INSERT INTO {quoted(declared.name)} ({_names(declared.column_names)}) "
                    f"VALUES ({', '.join('?' * len(declared.columns))})"
                )
                for chunk in as_chunks(declared.name, tables[declared.name]):
                    connection.executemany(insert, _plain_rows(chunk, declared))
            for name, (_, select) in VIEWS.items():
                connection.execute(f"CREATE VIEW {quoted(name)} AS\n{select}")
            connection.execute(f"CREATE TABLE {quoted(MANIFEST_TABLE)} (manifest TEXT NOT NULL)")
            recorded = manifest_json(manifest or {}).decode("utf-8")
            connection.execute(f"INSERT INTO {quoted(MANIFEST_TABLE)} VALUES (?)", (recorded,))
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"broken references in {path.name}: {broken[:5]}")
    finally:
        connection.close()
