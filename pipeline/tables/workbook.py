"""``OUT/kompass.xlsx``: every table as a sheet of typed cells, for a spreadsheet program.

A CSV file cannot say that a column is text, so a spreadsheet that opens one guesses, and takes
the municipality code "0127" for the number 127 (LibreOffice Calc and Excel alike, with any
import setting a user does not change by hand). A workbook's cells carry their type: codes and
ids are text cells and stay "0127" and "1.10", scores and counts are numbers (shown with the
program's own decimal mark), dates are dates and booleans booleans.

Text is written as text cells, never as formulas: a cell holding "=HYPERLINK(…)" shows those
characters and runs nothing, so the workbook keeps every text as printed (the CSV files need the
apostrophe of :func:`pipeline.tables.writers.neutralise_formula` instead). What a spreadsheet
cannot hold is said, not hidden: a text longer than a cell takes is cut to :data:`MAX_TEXT`
characters ending in :data:`CUT_MARK`, and a table longer than a sheet goes on in a second sheet
("question_scores (2)"). This is the one module that touches :mod:`xlsxwriter`;
:mod:`pipeline.tables.writers` opens the file.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping
from typing import Any

from pipeline.model.schema import TABLES, Column
from pipeline.tables.chunks import Chunk, TableData, as_chunks
from pipeline.tables.manifest import manifest_json

FILE_NAME = "kompass.xlsx"
# What one cell and one sheet hold (Excel's limits, which LibreOffice keeps to for .xlsx): a row
# of a sheet is its header.
MAX_TEXT = 32_767
MAX_ROWS = 1_048_576
CUT_MARK = "…"


def _text(value: str) -> str:
    return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - len(CUT_MARK)] + CUT_MARK


class _Sheets:
    """The sheets of one table: a new one, with the header again, when a sheet is full."""

    def __init__(self, book: Any, name: str, columns: list[Column], header: Any, formats: dict[str, Any]):
        self.book, self.name, self.columns, self.header, self.formats = book, name, columns, header, formats
        self.count, self.row = 0, MAX_ROWS

    def next_row(self) -> tuple[Any, int]:
        if self.row >= MAX_ROWS:
            self.count += 1
            name = self.name if self.count == 1 else f"{self.name} ({self.count})"
            self.sheet = self.book.add_worksheet(name)
            for number, column in enumerate(self.columns):
                self.sheet.write_string(0, number, column.name, self.header)
            self.sheet.freeze_panes(1, 0)
            self.row = 1
        self.row += 1
        return self.sheet, self.row - 1

    def write(self, chunk: Chunk) -> None:
        for record in ([row[c.name] for c in self.columns] for row in chunk.rows):
            sheet, row = self.next_row()
            for number, (column, value) in enumerate(zip(self.columns, record, strict=True)):
                if value is not None:
                    self._cell(sheet, row, number, column, value)

    def _cell(self, sheet: Any, row: int, number: int, column: Column, value: Any) -> None:
        if column.type == "string":
            sheet.write_string(row, number, _text(str(value)))
        elif column.type == "boolean":
            sheet.write_boolean(row, number, bool(value))
        elif column.type == "date":
            day = datetime.date.fromisoformat(value) if isinstance(value, str) else value
            moment = datetime.datetime.combine(day, datetime.time())
            sheet.write_datetime(row, number, moment, self.formats["date"])
        else:
            sheet.write_number(row, number, float(value) if column.type == "number" else int(value))


def write_workbook(
    tables: Mapping[str, TableData], file: io.BufferedWriter, manifest: Mapping[str, Any] | None
) -> None:
    """Write the ``tables`` (each as chunks of its rows, or DataFrames) as the sheets of a workbook
    into ``file``, in declaration order, a row at a time (each sheet's rows go to a temporary
    file until the workbook is closed, so a large batch is not held in memory)."""
    import xlsxwriter  # only when a workbook is asked for (--csv-dialect excel)

    book = xlsxwriter.Workbook(file, {"constant_memory": True, "strings_to_numbers": False})
    book.set_properties({"title": "kompass", "comments": manifest_json(manifest or {}).decode("utf-8")})
    header = book.add_format({"bold": True})
    formats = {"date": book.add_format({"num_format": "yyyy-mm-dd"})}
    try:
        for declared in TABLES:
            if declared.name in tables:
                sheets = _Sheets(book, declared.name, list(declared.columns), header, formats)
                for chunk in as_chunks(declared.name, tables[declared.name]):
                    sheets.write(chunk)
                if sheets.count == 0:
                    sheets.next_row()  # an empty table: its header alone
    finally:
        book.close()
