"""The tables of an output folder read back for the report: Parquet where written, else CSV.

CSV cells a spreadsheet would run as formulas were written with a leading apostrophe
(:func:`pipeline.writers.neutralise_formula`); the report shows them as written, which is safe in
HTML, where the text is escaped anyway.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.datapackage import FILE_NAME as DATAPACKAGE
from pipeline.defaults import CSV_DIALECTS
from pipeline.schema import TABLES, pandas_dtypes


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
        else:
            df = pd.DataFrame({name: pd.Series(dtype=t) for name, t in dtypes.items()})
        tables[declared.name] = df
    return tables
