"""Tables that stream: each report's rows go to disk as the report is done, so memory stays flat.

Holding every report until the tables are built costs about a quarter of a MiB per document (half
a gigabyte for an archive of 2,400), and the tables as DataFrames as much again. A
:class:`RowSpill` takes each report as it arrives, writes the rows of each per-report table to a
temporary file (one JSON line per report and table) and keeps only the report's outline: its
identity, status, metadata, edition, the evaluations it lists and the totals it prints, which
the ``reports``, ``coverage`` and ``panel`` tables, the checks across reports and the summary
need. When the batch is done, each table's rows come back in
the batch's order, a chunk of rows at a time, for the writers.

The rows are plain values (text, numbers, booleans, dates, nulls); JSON keeps all but dates, which
come back from the table's declared column types. Nothing in the file is ever run as code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from pipeline.model.digest import digests
from pipeline.model.identity import identify
from pipeline.model.records import Extraction, Report
from pipeline.model.schema import TABLES, SchemaError, table
from pipeline.tables.chunks import Chunk, checked_chunk
from pipeline.tables.rows import BATCH_BUILDERS, ROW_BUILDERS, TAIL_BUILDERS, Row
from pipeline.validation import lost_content
from pipeline.validation.history import History, history_findings

if TYPE_CHECKING:
    import pandas as pd

# Rows per chunk handed to the writers (and per Parquet row group): large enough that a batch
# of a few hundred reports writes each table in one piece, small enough to keep memory flat.
CHUNK_ROWS = 100_000
# A table of at most this many rows is built once and handed to every reader (the keys check, CSV,
# Parquet): building it is most of writing a small batch. Larger tables are read from the spill
# again for each, so that memory stays flat.
REUSED_ROWS = 5_000
# Tables whose rows come from the outlines once the batch is done: ``reports`` needs the batch's
# word on each report (``duplicate_of``), and its outline holds all its row needs.
FROM_OUTLINES = frozenset({"reports"})
_OCR_TEXT = "ocr_text"  # not a table: the spill's file of the reports' OCR text


def outline(report: Report) -> Report:
    """The report without what only its rows need: identity, status, error, metadata, edition,
    the evaluations it lists and the totals it prints (what its digest, ``pipeline.model.digest``, reads
    for the checks across reports and the ``panel`` table), and the findings that made it
    ``partial`` (the command line names their rules)."""
    ext = report.extraction
    kept = Extraction(
        metadata=ext.metadata, edition=ext.edition, evaluations=ext.evaluations,
        evaluation_list=ext.evaluation_list, area_scores=ext.area_scores, year_totals=ext.year_totals,
        findings=lost_content(ext.findings),
    )  # fmt: skip
    return dataclasses.replace(report, extraction=kept, ocr_text=None)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"a table row holds a {type(value).__name__}, which has no plain form")


class TemporaryFolderError(Exception):
    """The temporary folder cannot hold the batch's rows (it is full, gone or not writable): not
    the output folder's fault, and said so."""


@contextlib.contextmanager
def in_temporary_folder(what: str = "the batch's rows") -> Iterator[None]:
    """Turn an ``OSError`` of the block, which works in the temporary folder, into a
    :class:`TemporaryFolderError` that names the folder and ``what`` it was to hold."""
    try:
        yield
    except OSError as exc:
        raise TemporaryFolderError(
            f"the temporary folder {tempfile.gettempdir()} cannot hold {what} "
            f"({exc.strerror or exc}): make room there, or set TMPDIR to a folder that has it"
        ) from exc


class RowSpill:
    """Each report's rows of every per-report table, kept in temporary files until written.

    A temporary folder that fails them (full, say) raises :class:`TemporaryFolderError`."""

    def __init__(self) -> None:
        spilled = [name for name in ROW_BUILDERS if name not in FROM_OUTLINES]
        self._files: dict[str, IO[bytes]] = {}
        # Open for the spill's life and closed by close(); the files vanish when closed. The text
        # of each report with pages read by OCR (Report.ocr_text) goes too, for OUT/text/.
        with in_temporary_folder():
            for name in [*spilled, _OCR_TEXT]:
                self._files[name] = tempfile.TemporaryFile()  # noqa: SIM115
        self._offsets: dict[str, list[int]] = {name: [] for name in self._files}
        # Where each report's rows are, by source file (a list: a file given twice is two reports).
        self._positions: dict[str, list[int]] = {}
        self._count = 0

    def add(self, report: Report) -> Report:
        """Spill the report's rows; return its outline, which is all the batch needs to keep."""
        # The id from the report's own content and path, as the batch gives it (a report from the
        # cache was digitized under another name).
        report = identify([report])[0]
        self._positions.setdefault(report.source_file, []).append(self._count)
        self._count += 1
        for name, file in self._files.items():
            value = report.ocr_text if name == _OCR_TEXT else list(ROW_BUILDERS[name](report))
            line = json.dumps(value, default=_plain, ensure_ascii=False)
            with in_temporary_folder():
                self._offsets[name].append(file.tell())
                file.write(line.encode("utf-8") + b"\n")
        return outline(report)

    def tables(self, outlines: Sequence[Report], history: History) -> dict[str, SpilledTable]:
        """Every declared table, in declaration order, each read back a chunk at a time, with the
        reports in the order of ``outlines`` (the batch's outlines, as it returned them) and the
        findings across them, ``history``, after their own."""
        return {declared.name: SpilledTable(self, declared.name, outlines, history) for declared in TABLES}

    def rows(self, name: str, outlines: Sequence[Report], history: History) -> Iterator[list[Row]]:
        """Each report's rows of table ``name``, reports in the order of ``outlines``."""
        if name in BATCH_BUILDERS:
            yield list(BATCH_BUILDERS[name](outlines))
            return
        if name not in ROW_BUILDERS:
            raise SchemaError(f"table {name!r} is declared but has no row builder")
        if name in FROM_OUTLINES:
            yield [row for report in outlines for row in ROW_BUILDERS[name](report)]
            return
        dates = [column.name for column in table(name).columns if column.type == "date"]
        for _, rows in self._read(name, outlines):
            for row in rows:
                for column in dates:
                    if row[column] is not None:
                        row[column] = date.fromisoformat(row[column])
            yield rows
        if name in TAIL_BUILDERS:
            yield list(TAIL_BUILDERS[name](digests(outlines), history))

    def _read(self, name: str, outlines: Sequence[Report]) -> Iterator[tuple[Report, Any]]:
        """Each report's value spilled under ``name``, reports in the order of ``outlines``."""
        file, offsets = self._files[name], self._offsets[name]
        taken: Counter[str] = Counter()
        for report in outlines:
            position = self._positions[report.source_file][taken[report.source_file]]
            taken[report.source_file] += 1
            with in_temporary_folder():  # the seek writes out what the buffer still held
                file.seek(offsets[position])
                line = file.readline()
            yield report, json.loads(line)

    def ocr_texts(self, outlines: Sequence[Report]) -> Iterator[tuple[str, str]]:
        """(report_id, text) of each report with pages read by OCR, in the order of ``outlines``."""
        for report, text in self._read(_OCR_TEXT, outlines):
            if text is not None:
                yield report.report_id, text

    def close(self) -> None:
        for file in self._files.values():
            file.close()

    def __enter__(self) -> RowSpill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SpilledTable:
    """One table of a :class:`RowSpill`; iterating it (again) gives its chunks of rows."""

    def __init__(self, spill: RowSpill, name: str, outlines: Sequence[Report], history: History) -> None:
        self.spill, self.name, self.outlines, self.history = spill, name, outlines, history
        self._small: Chunk | None = None

    def __iter__(self) -> Iterator[Chunk]:
        if self._small is not None:
            yield self._small
            return
        chunk: list[Row] = []
        written = False
        for rows in self.spill.rows(self.name, self.outlines, self.history):
            chunk.extend(rows)
            if len(chunk) >= CHUNK_ROWS:
                yield checked_chunk(self.name, chunk)
                chunk, written = [], True
        if chunk or not written:
            last = checked_chunk(self.name, chunk)
            if not written and len(chunk) <= REUSED_ROWS:
                self._small = last
            yield last


def build_tables(reports: Sequence[Report], history: History | None = None) -> dict[str, pd.DataFrame]:
    """Every declared output table for a batch held in memory, in declaration order, reports in
    the order given, as DataFrames: the rows go the streamed way (spilled, read back), so a batch
    in memory and a streamed one give the same tables. ``history`` is the batch's findings
    across reports, found here unless given."""
    reports = identify(reports)
    if history is None:
        history = history_findings(digests(reports))
    with RowSpill() as spill:
        for report in reports:
            spill.add(report)
        return {
            name: _whole(name, list(chunks)) for name, chunks in spill.tables(reports, history).items()
        }


def _whole(name: str, chunks: list[Chunk]) -> pd.DataFrame:
    return Chunk(name, [row for chunk in chunks for row in chunk.rows]).to_frame()
