"""Tables that stream: each report's rows go to disk as the report is done, so memory stays flat.

Holding every report until the tables are built costs about a quarter of a MiB per document (half
a gigabyte for an archive of 2,400), and the tables as DataFrames as much again. A
:class:`RowSpill` takes each report as it arrives, writes the rows of each per-report table to a
temporary file (one JSON line per report and table) and keeps only the report's outline: its
identity, status, metadata and the evaluations it lists, which the batch-wide ``coverage`` table
and the summary need. When the batch is done, each table's rows come back in the batch's order
(by source file), a chunk of DataFrame at a time, for the writers.

The rows are plain values (text, numbers, booleans, dates, nulls); JSON keeps all but dates, which
come back from the table's declared column types. Nothing in the file is ever run as code.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

import pandas as pd

from pipeline.records import Extraction, Report
from pipeline.schema import TABLES, table
from pipeline.tables import BATCH_BUILDERS, ROW_BUILDERS, Row, frame

# Rows per DataFrame handed to the writers (and per Parquet row group): large enough that a batch
# of a few hundred reports writes each table in one piece, small enough to keep memory flat.
CHUNK_ROWS = 100_000


def outline(report: Report) -> Report:
    """The report without what only its rows need: identity, status, metadata, evaluations."""
    ext = report.extraction
    return dataclasses.replace(
        report, extraction=Extraction(metadata=ext.metadata, evaluations=ext.evaluations)
    )


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"a table row holds a {type(value).__name__}, which has no plain form")


class RowSpill:
    """Each report's rows of every per-report table, kept in temporary files until written."""

    def __init__(self) -> None:
        # Open for the spill's life and closed by close(); the files vanish when closed.
        self._files: dict[str, IO[bytes]] = {
            name: tempfile.TemporaryFile()  # noqa: SIM115
            for name in ROW_BUILDERS
        }
        self._offsets: dict[str, list[int]] = {name: [] for name in ROW_BUILDERS}
        self._outlines: list[Report] = []

    def add(self, report: Report) -> Report:
        """Spill the report's rows; return its outline, which is all the batch needs to keep."""
        for name, builder in ROW_BUILDERS.items():
            file = self._files[name]
            self._offsets[name].append(file.tell())
            line = json.dumps(list(builder(report)), default=_plain, ensure_ascii=False)
            file.write(line.encode("utf-8") + b"\n")
        self._outlines.append(outline(report))
        return self._outlines[-1]

    def tables(self) -> dict[str, SpilledTable]:
        """Every declared table, in declaration order, each read back a chunk at a time."""
        order = sorted(range(len(self._outlines)), key=lambda i: self._order_key(self._outlines[i]))
        return {declared.name: SpilledTable(self, declared.name, order) for declared in TABLES}

    @staticmethod
    def _order_key(report: Report) -> tuple[str, str]:
        return (report.source_file, report.report_id)

    def rows(self, name: str, order: list[int]) -> Iterator[list[Row]]:
        """Each report's rows of table ``name``, reports in ``order``."""
        if name in BATCH_BUILDERS:
            yield list(BATCH_BUILDERS[name]([self._outlines[i] for i in order]))
            return
        file, offsets = self._files[name], self._offsets[name]
        dates = [column.name for column in table(name).columns if column.type == "date"]
        for index in order:
            file.seek(offsets[index])
            rows: list[Row] = json.loads(file.readline())
            for row in rows:
                for column in dates:
                    if row[column] is not None:
                        row[column] = date.fromisoformat(row[column])
            yield rows

    def close(self) -> None:
        for file in self._files.values():
            file.close()

    def __enter__(self) -> RowSpill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SpilledTable:
    """One table of a :class:`RowSpill`; iterating it (again) gives its DataFrame chunks."""

    def __init__(self, spill: RowSpill, name: str, order: list[int]) -> None:
        self.spill, self.name, self.order = spill, name, order

    def __iter__(self) -> Iterator[pd.DataFrame]:
        chunk: list[Row] = []
        written = False
        for rows in self.spill.rows(self.name, self.order):
            chunk.extend(rows)
            if len(chunk) >= CHUNK_ROWS:
                yield frame(self.name, chunk)
                chunk, written = [], True
        if chunk or not written:
            yield frame(self.name, chunk)
