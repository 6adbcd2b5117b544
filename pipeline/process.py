"""Digitizing one report: extract every kind of record, then validate them together."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from pathlib import Path

import regex

from extractors.evaluations import extract_evaluations
from extractors.mentions import extract_mentions
from extractors.metadata import extract_metadata
from extractors.score_table import extract_question_scores
from extractors.stated_counts import extract_stated_counts
from extractors.summary_table import extract_summary_table
from pipeline.document import Document
from pipeline.framework import framework_for_year
from pipeline.ingest import IngestError, input_format, read_document
from pipeline.records import Extraction, Report
from pipeline.validation import validate
from pipeline.validation.scores import report_year

log = logging.getLogger(__name__)

KOMMUNKOMPASSEN = regex.compile(r"kommun(?:e)?kompass", regex.IGNORECASE)


class NotAReportError(Exception):
    """The document reads fine but is not a Kommunkompassen evaluation report."""


def extract(doc: Document) -> Extraction:
    """Every record the extractors find in ``doc``, without validation."""
    metadata = extract_metadata(doc)
    summary = extract_summary_table(doc)
    scores = extract_question_scores(doc)
    evaluations = extract_evaluations(doc)
    extraction = Extraction(
        metadata=metadata,
        area_scores=summary.area_scores,
        year_totals=summary.year_totals,
        question_scores=scores.questions,
        area_headings=summary.headings + scores.headings,
        evaluations=evaluations.evaluations,
        mentions=extract_mentions(doc, subject_code=metadata.municipality_code),
        evaluation_list=evaluations.listing,
        stated_counts=extract_stated_counts(doc),
    )
    year = report_year(extraction)
    if metadata.year is None and year is not None:
        extraction = dataclasses.replace(extraction, metadata=dataclasses.replace(metadata, year=year))
    return extraction


def digitize(doc: Document) -> Extraction:
    """Extract and validate one document.

    Raises :class:`NotAReportError` when the document has neither the tool's name nor any of its
    tables.
    """
    extraction = extract(doc)
    if not (extraction.area_scores or extraction.question_scores) and not any(
        KOMMUNKOMPASSEN.search(line.text) for line in doc.lines
    ):
        raise NotAReportError("not a Kommunkompassen report: no score tables and no mention of the tool")
    framework = framework_for_year(extraction.metadata.year)
    extraction = dataclasses.replace(extraction, framework=framework.framework_id if framework else None)
    return dataclasses.replace(extraction, findings=validate(extraction, framework))


def process_file(path: Path) -> Report:
    """Digitize one file into a :class:`Report`; a file that cannot be read gives a failed report."""
    try:
        doc = read_document(path)
    except IngestError as exc:
        return _failed(path, str(exc), sha256=exc.sha256)
    try:
        extraction = digitize(doc)
    except NotAReportError as exc:
        return _failed(path, str(exc), doc)
    return Report(
        report_id=doc.report_id,
        source_file=str(path),
        sha256=doc.sha256,
        input_format=doc.input_format,
        pages=doc.pages,
        extraction=extraction,
    )


def _failed(path: Path, error: str, doc: Document | None = None, sha256: str | None = None) -> Report:
    log.info("%s: %s", path, error)
    digest = doc.sha256 if doc else sha256
    kind = doc.input_format if doc else input_format(path)
    # A file whose bytes could not be read is identified by its path instead of its content.
    report_id = (digest or hashlib.sha256(str(path).encode("utf-8")).hexdigest())[:16]
    return Report(
        report_id=report_id,
        source_file=str(path),
        sha256=digest or "",
        input_format=kind,
        pages=doc.pages if doc else None,
        status="failed",
        error=error,
    )

