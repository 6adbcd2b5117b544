"""The front door: digitize report files into tables, as ``kompass run`` does, from Python.

    >>> import pipeline
    >>> result = pipeline.digitize("corpus/")
    >>> result.tables["question_scores"]          # a pandas DataFrame per output table
    >>> result.findings[report_id]                # the validator's findings, per report
    >>> result.write("output/")                   # CSV, Parquet, datapackage.json, OCR text
    >>> pipeline.write_report("output/")          # the audit report, from the tables written

The command line parses its options, calls :func:`digitize` and :meth:`Result.write`, and renders.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.audit import AUDIT_FILE, AUDIT_FOLDER, AuditLimits, remove_report, write_report
from pipeline.ingest import display_path
from pipeline.model.defaults import CSV_DIALECTS, FORMATS
from pipeline.model.digest import digests
from pipeline.model.errors import NoReportFilesError
from pipeline.model.records import Finding, Report
from pipeline.run.batch import BatchListeners, BatchResult, Inputs, collect_inputs, digitize_batch
from pipeline.run.options import RunOptions
from pipeline.tables.chunks import TableData
from pipeline.tables.manifest import build_manifest
from pipeline.tables.review import ReviewedIssues, load_review
from pipeline.tables.spill import RowSpill, build_tables
from pipeline.tables.writers import output_lock, write_ocr_texts, write_tables
from pipeline.validation.history import History, history_findings

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BatchListeners", "Inputs", "Result", "RunOptions", "StreamedResult", "collect_inputs", "digitize",
    "digitize_into", "digitize_streamed",
]  # fmt: skip

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class WritableResult(BatchResult):
    """A batch's result that writes its tables: :class:`Result` (held in memory) and
    :class:`StreamedResult` (waiting on disk) write the same files."""

    # The findings across reports (pipeline.validation.history), as (report_id, finding).
    history: History = ()

    def write(
        self,
        out_dir: PathLike,
        formats: Iterable[str] = FORMATS,
        *,
        csv_dialect: str = "standard",
        options: Mapping[str, Any] | None = None,
        review: PathLike | None = None,
        report: bool = False,
        report_limits: AuditLimits | None = None,
    ) -> list[Path]:
        """Write every table to ``out_dir`` as ``formats`` (``csv``, ``parquet``, ``sqlite``) and
        ``datapackage.json``, under the folder's lock (a second writer waits); return the paths
        written.

        ``csv_dialect`` is ``standard`` or ``excel`` (see :data:`pipeline.model.defaults.CSV_DIALECTS`).
        The manifest in ``datapackage.json`` and the Parquet files records the formats, the
        dialect and ``options`` (how the batch was digitized, as the caller names them). Table
        files of an earlier run in ``out_dir`` that this one does not write are removed. The text
        of each report with pages read by OCR goes to ``text/<report_id>.txt``
        (:func:`~pipeline.tables.writers.write_ocr_texts`).
        ``review`` is an auditor's review file (:mod:`pipeline.tables.review`), joined into ``issues``
        as it is written; a file that is not a review raises
        :class:`~pipeline.tables.review.ReviewFileError`. With ``report``, the audit report
        (``OUT/report/``, :func:`pipeline.audit.write_report`) is written from the tables, as
        ``kompass run`` does, its crops drawn in a worker within ``report_limits`` (default:
        :class:`~pipeline.audit.AuditLimits`); without, the report of an earlier run there is
        removed, since it would describe other tables. A report that cannot be written raises
        :class:`ReportNotWrittenError`, the tables being written.
        """
        tables, texts = self._contents()
        written = Written(len(self.reports), formats, csv_dialect, options, review, report, report_limits)
        return _write(tables, texts, out_dir, written)

    def _contents(self) -> tuple[Mapping[str, TableData], Iterable[tuple[str, str]]]:
        """The tables to write, and (report_id, text) of each report with pages read by OCR."""
        raise NotImplementedError


@dataclass(frozen=True)
class Result(WritableResult):
    """What digitizing a batch gives: each file's report, every output table, and what was skipped.

    ``tables`` maps each table name of :data:`pipeline.model.schema.TABLES` to a DataFrame with the
    contract's columns and dtypes, exactly what :meth:`write` writes (the one place a run
    imports pandas: the writers and the audit report read plain rows). ``skipped`` lists the files
    found in folders and passed over, with the reason; ``cached`` counts the reports taken from
    the cache; ``severities`` counts the findings by severity.
    """

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def findings(self) -> dict[str, tuple[Finding, ...]]:
        """The validator's findings, by ``report_id``: each report's own, then those the checks
        across the batch put on it (the ``issues`` table holds the same)."""
        found = {report.report_id: report.extraction.findings for report in self.reports}
        for report_id, finding in self.history:
            found[report_id] += (finding,)
        return found

    def _contents(self) -> tuple[Mapping[str, TableData], Iterable[tuple[str, str]]]:
        return self.tables, ((r.report_id, r.ocr_text) for r in self.reports if r.ocr_text is not None)


@dataclass(frozen=True)
class Written:
    """How a batch's tables are written (see :meth:`Result.write`), besides the tables."""

    inputs: int
    formats: Iterable[str]
    csv_dialect: str
    options: Mapping[str, Any] | None
    review: PathLike | None
    report: bool
    report_limits: AuditLimits | None = None


class ReportNotWrittenError(Exception):
    """The tables are written, but the audit report could not be (the message says why and whether
    an earlier run's report is left)."""


def _write(
    tables: Mapping[str, TableData], ocr_texts: Iterable[tuple[str, str]], out_dir: PathLike, how: Written
) -> list[Path]:
    out = Path(out_dir)
    with output_lock(out):
        written = _write_tables(tables, ocr_texts, out, how)
        # The report reads the tables back from OUT, as `kompass report` does.
        if how.report:
            _write_audit(out, how.report_limits or AuditLimits())
        else:
            remove_report(out)
    return written


def _write_audit(out: Path, limits: AuditLimits) -> None:
    """The audit report from the tables in ``out``; where it cannot be written, the report of an
    earlier run is removed (it would describe another batch) or named when it cannot be."""
    try:
        write_report(out, limits=limits)
    except OSError as exc:
        remove_report(out)
        left = (out / AUDIT_FILE).exists() or (out / AUDIT_FOLDER / "index.html").exists()
        earlier = f"; the report of an earlier run is still in {out / AUDIT_FOLDER}" if left else ""
        raise ReportNotWrittenError(
            f"the tables are written to {out}, but the audit report cannot be written to "
            f"{out / AUDIT_FOLDER}: {exc.strerror or exc}{earlier}"
        ) from exc


def _write_tables(
    tables: Mapping[str, TableData], ocr_texts: Iterable[tuple[str, str]], out_dir: Path, how: Written
) -> list[Path]:
    csv_dialect, review_file = how.csv_dialect, how.review
    if csv_dialect not in CSV_DIALECTS:
        raise ValueError(f"csv_dialect must be one of {', '.join(CSV_DIALECTS)}, not {csv_dialect!r}")
    formats = tuple(how.formats)
    recorded = {"format": list(formats), "csv_dialect": csv_dialect, **(how.options or {})}
    if review_file is not None:
        review = load_review(Path(review_file))
        tables = {**tables, "issues": ReviewedIssues(tables["issues"], review)}
        recorded["review"] = {"file": review.path, "sha256": review.sha256}
    manifest = build_manifest(recorded, inputs=how.inputs)
    dialect = CSV_DIALECTS[csv_dialect]
    written = write_tables(tables, out_dir, formats, csv_dialect=dialect, manifest=manifest)
    return written + write_ocr_texts(out_dir, ocr_texts)


@dataclass(frozen=True)
class StreamedResult(WritableResult):
    """What :func:`digitize_streamed` gives: each file's report as an outline (identity, status,
    error, metadata, edition, evaluations listed) and the rest of the tables waiting on disk.

    :meth:`write` writes the same files as :meth:`Result.write`; use the result in a ``with``
    block (or call :meth:`close`) so that the temporary files are removed.
    """

    spill: RowSpill = field(default_factory=RowSpill)

    def _contents(self) -> tuple[Mapping[str, TableData], Iterable[tuple[str, str]]]:
        # A chunk of rows at a time, from the spill.
        return self.spill.tables(self.reports, self.history), self.spill.ocr_texts(self.reports)

    def close(self) -> None:
        """Remove the temporary files that hold the tables' rows."""
        self.spill.close()

    def __enter__(self) -> StreamedResult:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _as_inputs(inputs: PathLike | Iterable[PathLike] | Inputs) -> Inputs:
    if isinstance(inputs, Inputs):
        return inputs
    paths = [Path(inputs)] if isinstance(inputs, str | os.PathLike) else [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
    return collect_inputs(paths)


def _found(inputs: PathLike | Iterable[PathLike] | Inputs) -> Inputs:
    found = _as_inputs(inputs)
    if not found.files:
        searched = ", ".join(map(display_path, found.searched)) or "the inputs"
        raise NoReportFilesError(f"no report files found in {searched} (.txt, .md or .pdf)")
    return found


def _run(
    inputs: PathLike | Iterable[PathLike] | Inputs,
    options: RunOptions,
    listeners: BatchListeners | None,
    keep: Callable[[Report], Report] | None = None,
) -> tuple[Inputs, BatchResult, History]:
    """What both front doors do: find the files, digitize them, check the reports against each
    other; ``keep`` as for :func:`~pipeline.run.batch.digitize_batch`."""
    found = _found(inputs)
    batch = digitize_batch(list(found.files), options, listeners or BatchListeners(), keep=keep)
    return found, batch, history_findings(digests(batch.reports))


def digitize(
    inputs: PathLike | Iterable[PathLike] | Inputs,
    options: RunOptions | None = None,
    *,
    listeners: BatchListeners | None = None,
    **option_values: Any,
) -> Result:
    """Digitize report files and folders of them (searched recursively) into tables.

    ``inputs`` is a path, several paths, or the :class:`~pipeline.run.batch.Inputs` that
    :func:`~pipeline.run.batch.collect_inputs` found. ``options`` (a
    :class:`~pipeline.run.options.RunOptions`) say how: workers, time and memory limits, cache,
    OCR mode; its fields may also be given by name (``digitize("corpus/", workers=2)``), over
    ``options``. ``listeners`` (a :class:`~pipeline.run.batch.BatchListeners`) hear of each
    report done, each file started, each page OCR read, and a heartbeat while the batch runs.

    A file that cannot be read gets a ``failed`` report and the batch goes on; a report read with
    content lost (a finding of a rule declared ``loses_content``) is ``partial``. Raises
    :class:`FileNotFoundError` for a path that does not exist and
    :class:`~pipeline.model.errors.NoReportFilesError` when no report file is found.
    """
    found, batch, history = _run(inputs, RunOptions.of(options, **option_values), listeners)
    return Result(
        reports=batch.reports,
        skipped=found.skipped,
        severities=batch.severities + Counter(str(finding.severity) for _, finding in history),
        cached=batch.cached,
        cache_warning=batch.cache_warning,
        tables=build_tables(batch.reports),
        history=history,
    )


def digitize_streamed(
    inputs: PathLike | Iterable[PathLike] | Inputs,
    options: RunOptions | None = None,
    *,
    listeners: BatchListeners | None = None,
    **option_values: Any,
) -> StreamedResult:
    """:func:`digitize` for batches of any size: what ``kompass run`` calls.

    Each report's rows go to temporary files as the report is done (see :mod:`pipeline.tables.spill`)
    and the batch keeps only its outline, so memory stays flat however many reports it holds;
    :meth:`StreamedResult.write` writes the same files as ``digitize(inputs).write(...)``.
    Options, listeners, errors and failed files as for :func:`digitize`.
    """
    options = RunOptions.of(options, **option_values)
    spill = RowSpill()
    try:
        # The findings across reports come from the outlines' digests, as in digitize (their rows
        # are the tail of the issues table, see pipeline.tables.spill).
        found, batch, history = _run(inputs, options, listeners, keep=spill.add)
    except BaseException:
        spill.close()
        raise
    return StreamedResult(
        reports=batch.reports, skipped=found.skipped,
        severities=batch.severities + Counter(str(finding.severity) for _, finding in history),
        cached=batch.cached, cache_warning=batch.cache_warning, spill=spill, history=history,
    )  # fmt: skip


def digitize_into(
    inputs: PathLike | Iterable[PathLike] | Inputs,
    out_dir: PathLike,
    options: RunOptions | None = None,
    *,
    formats: Iterable[str] = FORMATS,
    csv_dialect: str = "standard",
    review: PathLike | None = None,
    report: bool = True,
    recorded: Mapping[str, Any] | None = None,
    listeners: BatchListeners | None = None,
    on_wait: Callable[[], None] | None = None,
) -> StreamedResult:
    """What ``kompass run`` does: digitize ``inputs`` streamed (:func:`digitize_streamed`) and
    write the tables, ``datapackage.json`` and, with ``report``, the audit report into
    ``out_dir``, all under the folder's lock (a second run into it waits; ``on_wait`` is called
    once when this one has to).

    ``review`` is checked before anything is digitized (a file that is not a review raises
    :class:`~pipeline.tables.review.ReviewFileError`); ``formats``, ``csv_dialect``, ``review``
    and ``report`` as for :meth:`Result.write`, ``recorded`` the options the manifest records.
    The result's temporary files are removed when it returns; its reports, counts and
    findings stay.
    """
    if review is not None:
        load_review(Path(review))
    out = Path(out_dir)
    # The lock is held while digitizing too: the batch may read and fill the folder's cache.
    with output_lock(out, on_wait=on_wait):
        result = digitize_streamed(inputs, options, listeners=listeners)
        with result:
            limits = AuditLimits(options.timeout or None, options.max_memory) if options else None
            result.write(
                out, formats, csv_dialect=csv_dialect, options=recorded, review=review, report=report,
                report_limits=limits,
            )  # fmt: skip
    return result
