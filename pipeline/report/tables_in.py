"""The tables of an output folder read back for the report: Parquet where written, else CSV.

Before anything is read, each table file is checked against the SHA-256 ``datapackage.json`` names
for it (:func:`check_files`): a file changed, damaged or swapped since the run stops the report
with one line that names it. Files are read only when they are regular files, never through a
link.

CSV cells a spreadsheet would run as formulas were written with a leading apostrophe
(:func:`pipeline.tables.writers.neutralise_formula`); it is taken off again, so the report shows the text
as printed (in HTML, where it is escaped, a formula is harmless). Parquet keeps the text as printed.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.model.defaults import CSV_DIALECTS, FORMATS, CsvDialect
from pipeline.model.schema import TABLES, pandas_dtypes
from pipeline.tables.datapackage import FILE_NAME as DATAPACKAGE
from pipeline.tables.writers import FORMULA_STARTS


class NotAnOutputFolderError(Exception):
    """The folder holds no ``datapackage.json`` of a kompass run, or its files are not the run's:
    changed, damaged or missing since it wrote them."""


# The names of the files a run writes: the only names datapackage.json's "files" may give.
TABLE_FILES = frozenset(f"{declared.name}.{fmt}" for declared in TABLES for fmt in FORMATS)
_AGAIN = "run `kompass run` into it again"


def read_package(out_dir: Path) -> dict[str, Any]:
    """The folder's ``datapackage.json``; :class:`NotAnOutputFolderError` if it has none or it
    cannot be read."""
    path = out_dir / DATAPACKAGE
    try:
        package = json.loads(_read_regular(path))
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
    ``files``, else its resources' ``hash``) that is in ``out_dir`` has that SHA-256."""
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
            found = hashlib.sha256(_read_regular(path)).hexdigest()
        except FileNotFoundError:
            continue  # a file taken away (the Parquet files, say) is not read: the other format is
        except OSError as exc:
            raise NotAnOutputFolderError(f"{path} cannot be read ({_reason(exc)}): {_AGAIN}") from None
        if found != expected:
            raise NotAnOutputFolderError(
                f"{path} is not the file the run wrote (its SHA-256 differs from the one in "
                f"{DATAPACKAGE}): it was changed or damaged since; {_AGAIN}"
            )


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file: never through a link, never from a pipe."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with open(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        return file.read()


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__


def read_tables(out_dir: Path, package: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Every declared table of ``out_dir`` with the contract's dtypes (an absent one is empty);
    :class:`NotAnOutputFolderError` names a file that cannot be read as its table."""
    dialect_name = package.get("kompass", {}).get("options", {}).get("csv_dialect", "standard")
    dialect = CSV_DIALECTS.get(dialect_name, CSV_DIALECTS["standard"])
    tables = {}
    for declared in TABLES:
        parquet, csv = out_dir / f"{declared.name}.parquet", out_dir / f"{declared.name}.csv"
        try:
            tables[declared.name] = _read_table(declared.name, parquet, csv, dialect)
        except (OSError, ValueError, pa.ArrowException) as exc:
            path = parquet if parquet.exists() else csv
            raise NotAnOutputFolderError(f"{path} cannot be read ({_reason(exc)}): {_AGAIN}") from None
    return tables


def _read_table(name: str, parquet: Path, csv: Path, dialect: CsvDialect) -> pd.DataFrame:
    dtypes = pandas_dtypes(name)
    if parquet.exists():
        return pd.read_parquet(parquet)
    if csv.exists():
        df = pd.read_csv(
            csv, sep=dialect.delimiter, decimal=dialect.decimal, encoding=dialect.encoding,
            dtype={n: t for n, t in dtypes.items() if t != "object"}, keep_default_na=False,
            na_values=[""],
        )  # fmt: skip
        return _as_printed(df)
    return pd.DataFrame({column: pd.Series(dtype=t) for column, t in dtypes.items()})


def _as_printed(df: pd.DataFrame) -> pd.DataFrame:
    for column, dtype in df.dtypes.items():
        if str(dtype) == "string":
            df[column] = df[column].map(_unneutralised, na_action="ignore").astype("string")
    return df


def _unneutralised(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value
