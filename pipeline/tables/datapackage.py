"""``datapackage.json``: the output contract as a Frictionless Data Package, beside the tables.

It tells pandas, DuckDB, polars and ``frictionless validate`` what :mod:`pipeline.model.schema`
declares: each column's type (codes stay text, years are integers), which columns may not be
empty, each table's primary key and the ``report_id`` references to ``reports``. The descriptor is
derived from the declaration only, never from the data, so it is the same for every batch but for
the SHA-256 of each file (``hash``) and the run's manifest. It is written last, after every table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pipeline.model.defaults import CSV_DIALECTS, CsvDialect
from pipeline.model.schema import TABLES, Column, Table

FILE_NAME = "datapackage.json"

STANDARD = CSV_DIALECTS["standard"]
MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def _csv_dialect(dialect: CsvDialect) -> dict[str, Any]:
    # How pipeline.tables.writers writes CSV: Python's csv quoting; an empty cell is no value.
    return {
        "delimiter": dialect.delimiter, "lineTerminator": dialect.line_terminator, "quoteChar": '"',
        "doubleQuote": True, "header": True,
    }  # fmt: skip


def _field(column: Column, dialect: CsvDialect) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.meaning}
    if column.type == "number" and dialect.decimal != ".":
        field["decimalChar"] = dialect.decimal
    if column.type == "boolean":
        field.update(trueValues=["True"], falseValues=["False"])  # as Python (and pandas) write them
    if column.required:
        field["constraints"] = {"required": True}
    return field


def _schema(declared: Table, names: set[str], dialect: CsvDialect) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(column, dialect) for column in declared.columns],
        "missingValues": [""],
    }
    schema["primaryKey"] = list(declared.primary_key)
    if declared.unique_keys:
        # Table Schema's uniqueKeys: combinations that identify a row although a column may be empty.
        schema["uniqueKeys"] = [list(names) for names in declared.unique_keys]
    foreign_keys = [
        {"fields": [key.column], "reference": {"resource": key.table, "fields": [key.column]}}
        for key in declared.foreign_keys
        if key.table in names
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def _resource(
    declared: Table, fmt: str, names: set[str], dialect: CsvDialect, hashes: dict[str, str]
) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": declared.name,
        "path": f"{declared.name}.{fmt}",
        "profile": "tabular-data-resource",
        "format": fmt,
        "mediatype": MEDIA_TYPES[fmt],
        "description": declared.description,
    }
    if fmt != "csv":
        dialect = STANDARD  # Parquet holds numbers, not text: no decimal mark to declare
    else:
        resource.update(encoding=dialect.encoding, dialect=_csv_dialect(dialect))
    if resource["path"] in hashes:
        resource["hash"] = f"sha256:{hashes[resource['path']]}"
    resource["schema"] = _schema(declared, names, dialect)
    return resource


def descriptor(
    formats: Iterable[str],
    tables: Iterable[str] | None = None,
    csv_dialect: CsvDialect = STANDARD,
    hashes: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The Data Package describing the tables written in ``formats``.

    The CSV files (written in ``csv_dialect``) are the resources when CSV is written (the Parquet
    files carry their own schema); otherwise the Parquet files are. ``tables`` limits it to the
    tables written. ``hashes`` maps file names to the SHA-256 of their bytes: each resource names
    its file's, so a reader can tell that the files it read belong to one run.
    """
    fmt = "csv" if "csv" in formats else "parquet"
    names = set(tables) if tables is not None else {t.name for t in TABLES}
    return {
        "profile": "tabular-data-package",
        "name": "kommunkompassen",
        "title": "Kommunkompassen evaluation reports, digitized by kompass",
        "resources": [_resource(t, fmt, names, csv_dialect, hashes or {}) for t in TABLES if t.name in names],
    }
