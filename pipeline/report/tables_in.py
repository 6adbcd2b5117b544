"""The tables of an output folder read back for the report: Parquet where written, else CSV.

CSV cells a spreadsheet would run as formulas were written with a leading apostrophe
(:func:`pipeline.tables.writers.neutralise_formula`); it is taken off again, so the report shows the text
as printed (in HTML, where it is escaped, a formula is harmless). Parquet keeps the text as printed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.model.defaults import CSV_DIALECTS
from pipeline.model.schema import TABLES, pandas_dtypes
from pipeline.tables.datapackage import FILE_NAME as DATAPACKAGE
from pipeline.tables.writers import FORMULA_STARTS


class NotAnOutputFolderError(Exception):
    """The folder holds no ``datapackage.json`` of a kompass run."""


def read_package(out_dir: Path) -> dict[str, Any]:
    """The folder's ``datapackage.json``; :class:`NotAnOutputFolderError` if it has none."""
    path = out_dir / DATAPACKAGE
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise NotAnOutputFolderError(
            f"{out_dir} holds no {DATAPACKAGE}: run `kompass run` into it first"
        ) from None


def read_tables(out_dir: Path, package: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Every declared table of ``out_dir`` with the contract's dtypes (an absent one is empty)."""
    dialect_name = package.get("kompass", {}).get("options", {}).get("csv_dialect", "standard")
    dialect = CSV_DIALECTS.get(dialect_name, CSV_DIALECTS["standard"])
    tables = {}
    for declared in TABLES:
        dtypes = pandas_dtypes(declared.name)
        parquet, csv = out_dir / f"{declared.name}.parquet", out_dir / f"{declared.name}.csv"
        if parquet.exists():
            df = pd.read_parquet(parquet)
        elif csv.exists():
            df = pd.read_csv(
                csv, sep=dialect.delimiter, decimal=dialect.decimal, encoding=dialect.encoding,
                dtype={n: t for n, t in dtypes.items() if t != "object"}, keep_default_na=False,
                na_values=[""],
            )  # fmt: skip
            df = _as_printed(df)
        else:
            df = pd.DataFrame({name: pd.Series(dtype=t) for name, t in dtypes.items()})
        tables[declared.name] = df
    return tables


def _as_printed(df: pd.DataFrame) -> pd.DataFrame:
    for column, dtype in df.dtypes.items():
        if str(dtype) == "string":
            df[column] = df[column].map(_unneutralised, na_action="ignore").astype("string")
    return df


def _unneutralised(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value
