"""Digitizing one report: extract every kind of record, then validate them together."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors.name_matcher import swedish_matcher
from extractors.registry import EDITION, EXTRACTORS, YEAR, Sources, records
from extractors.report_shape import report_shape
from pipeline.editions.edition import edition_by_id, load_editions
from pipeline.editions.edition_lookup import decide_edition
from pipeline.ingest import display_path, input_format, read_bytes, read_document
from pipeline.ingest.ocr_readings import locate_readings
from pipeline.model.defaults import DEFAULT_OCR
from pipeline.model.document import Document, page_text
from pipeline.model.errors import IngestError, NotAReportError
from pipeline.model.identity import report_id
from pipeline.model.municipalities import swedish_municipalities
from pipeline.model.place_names import swedish_districts
from pipeline.model.records import Extraction, Report
from pipeline.validation import report_status, validate
from pipeline.validation.evidence import attach_evidence
from pipeline.validation.scores import report_year

if TYPE_CHECKING:
    from pipeline.ingest.pdf import PageProgress, PageSlots

log = logging.getLogger(__name__)


def extract(doc: Document, require_report: bool = False) -> Extraction:
    """Every record the extractors of :data:`extractors.registry.EXTRACTORS` find in ``doc``,
    without validation.

    The entries are read in order; one that reads the year waits for it, and one that reads the
    edition is put together again by the edition decided, from what earlier entries read (see
    :mod:`extractors.registry`). With
    ``require_report``, a document without a report's structure (title page, area sections,
    score tables: see :mod:`extractors.report_shape`) raises :class:`NotAReportError` as soon as
    that structure has been read, before anything else is extracted.
    """
    results: dict[str, Any] = {}
    for entry in (entry for entry in EXTRACTORS if YEAR not in entry.reads):
        results[entry.name] = entry.read(Sources(doc, results))
        if require_report and entry.name == SHAPE_READ_AFTER:
            _require_report_shape(doc, results)
    before = Extraction(**records(results))
    year = report_year(before)
    edition = decide_edition(year, (heading.printed_name for heading in before.area_headings))
    for entry in EXTRACTORS:
        # An entry that reads the edition is put together again by the decided one; one that
        # reads the year, once it is known.
        if (edition is not None and EDITION in entry.reads) or YEAR in entry.reads:
            results[entry.name] = entry.read(Sources(doc, results, year, edition))
    extraction = Extraction(**records(results), edition=edition.edition_id if edition else None)
    metadata = extraction.metadata
    if metadata.year is None and year is not None:
        extraction = dataclasses.replace(extraction, metadata=dataclasses.replace(metadata, year=year))
    if doc.uncertain:
        extraction = dataclasses.replace(extraction, ocr_readings=locate_readings(doc))
    return extraction


# The report's structure is known once these extractors are read (the rest are not read for a
# document without it).
SHAPE_READS = ("summary_table", "score_table", "sections")
SHAPE_READ_AFTER = max(SHAPE_READS, key=[entry.name for entry in EXTRACTORS].index)


def _require_report_shape(doc: Document, results: dict[str, Any]) -> None:
    shape = report_shape(
        doc, results["summary_table"].area_scores, results["score_table"].questions,
        results["sections"].sections,
    )  # fmt: skip
    if not shape.is_report:
        raise NotAReportError(f"not a Kommunkompassen report: {shape.why_not()}")


def digitize(doc: Document) -> Extraction:
    """Extract and validate one document.

    Raises :class:`NotAReportError` when the document lacks a report's structure (title page, area
    sections, score tables: see :mod:`extractors.report_shape`).
    """
    extraction = extract(doc, require_report=True)
    edition = edition_by_id(extraction.edition)
    extraction = dataclasses.replace(extraction, losses=doc.losses + extraction.losses)
    findings = attach_evidence(validate(extraction, edition), doc, extraction)
    return dataclasses.replace(extraction, findings=findings)


def process_file(path: Path, max_bytes: int | None = None, ocr: str = DEFAULT_OCR) -> Report:
    """Digitize one file into a :class:`Report`; a file that cannot be read gives a failed report.

    ``ocr`` says which pages of a PDF are read by OCR: ``auto`` (scanned pages), ``always``, ``never``.
    """
    try:
        data = read_bytes(path, max_bytes)
    except IngestError as exc:
        return failed_report(path, str(exc))
    return process_data(path, data, ocr)


def process_data(
    path: Path, data: bytes, ocr: str = DEFAULT_OCR, on_ocr_page: PageProgress | None = None,
    page_slots: PageSlots | None = None,
) -> Report:  # fmt: skip
    """Digitize the bytes ``data`` of the file at ``path`` into a :class:`Report`.

    ``ocr`` is the OCR mode (see :func:`process_file`); ``on_ocr_page(done, total)`` is called after
    each page OCR read; ``page_slots`` lends idle cores to read several scanned pages at a time.

    ``MemoryError`` is raised, not reported: the caller knows the limit that was hit.
    """
    try:
        doc = read_document(path, data, ocr, on_ocr_page, page_slots)
    except MemoryError:
        raise
    except Exception as exc:
        if _ran_out_of_memory(exc):
            raise MemoryError(str(exc)) from exc
        if isinstance(exc, IngestError):
            return failed_report(path, str(exc), sha256=exc.sha256)
        # a reader library's own bug must not end the batch
        log.debug("%s: unexpected error while reading", path, exc_info=True)
        return failed_report(path, f"unexpected error while reading the file: {type(exc).__name__}: {exc}")
    try:
        extraction = digitize(doc)
    except NotAReportError as exc:
        return failed_report(path, str(exc), doc)
    except MemoryError:
        raise
    except Exception as exc:
        log.debug("%s: unexpected error while digitizing", path, exc_info=True)
        return failed_report(
            path, f"unexpected error while digitizing (please report it): {type(exc).__name__}: {exc}", doc
        )
    return Report(
        report_id=report_id(doc.sha256, display_path(path)),
        source_file=display_path(path),
        sha256=doc.sha256,
        input_format=doc.input_format,
        pages=doc.pages,
        status=report_status(extraction.findings),
        extraction=extraction,
        encoding=doc.encoding,
        ocr_pages=doc.ocr_pages if doc.input_format == "pdf" else None,
        ocr_text=page_text(doc) if doc.ocr_pages else None,
    )


def _ran_out_of_memory(exc: BaseException, depth: int = 0) -> bool:
    """Whether ``exc`` was caused by a ``MemoryError``: the PDF libraries wrap it in their own
    exceptions, and the reader turns those into "page cannot be read"."""
    if isinstance(exc, MemoryError):
        return True
    if depth > 8:
        return False
    linked = [exc.__cause__, exc.__context__, *(a for a in exc.args if isinstance(a, BaseException))]
    return any(_ran_out_of_memory(e, depth + 1) for e in linked if e is not None)


def warm_up() -> None:
    """Load what every document needs (editions, registries) once, before worker processes fork."""
    load_editions()
    swedish_municipalities()
    swedish_districts()
    swedish_matcher()


def failed_report(path: Path, error: str, doc: Document | None = None, sha256: str | None = None) -> Report:
    """The report of a file that could not be digitized, with the reason in ``error``."""
    log.debug("%s: %s", path, error)  # -v prints a line per file, this one among them
    digest = doc.sha256 if doc else sha256
    kind = doc.input_format if doc else input_format(path)
    return Report(
        report_id=report_id(digest or "", display_path(path)),
        source_file=display_path(path),
        sha256=digest or "",
        input_format=kind,
        pages=doc.pages if doc else None,
        status="failed",
        error=error,
    )
