"""Digitizing one report: extract every kind of record, then validate them together."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import regex

from extractors.claims import extract_claims
from extractors.evaluations import extract_evaluations
from extractors.mentions import extract_mentions
from extractors.metadata import extract_metadata
from extractors.name_matcher import swedish_matcher
from extractors.observations import extract_observations
from extractors.score_table import extract_question_scores
from extractors.sections import extract_sections
from extractors.stated_counts import extract_stated_counts
from extractors.summary_table import extract_summary_table
from pipeline.defaults import DEFAULT_OCR
from pipeline.document import Document
from pipeline.edition_lookup import decide_edition
from pipeline.errors import IngestError, NotAReportError
from pipeline.framework import framework_by_id, load_frameworks
from pipeline.identity import report_id
from pipeline.ingest import input_format, read_document
from pipeline.municipalities import swedish_municipalities
from pipeline.ocr_readings import locate_readings
from pipeline.place_names import swedish_districts
from pipeline.records import Extraction, Report
from pipeline.validation import validate
from pipeline.validation.scores import report_year

log = logging.getLogger(__name__)

KOMMUNKOMPASSEN = regex.compile(r"kommun(?:e)?kompass", regex.IGNORECASE)


def extract(doc: Document) -> Extraction:
    """Every record the extractors find in ``doc``, without validation."""
    metadata = extract_metadata(doc)
    summary = extract_summary_table(doc)
    scores = extract_question_scores(doc)
    sections = extract_sections(doc)
    evaluations = extract_evaluations(doc)
    extraction = Extraction(
        metadata=metadata,
        area_scores=summary.area_scores,
        year_totals=summary.year_totals,
        question_scores=scores.questions,
        area_headings=summary.headings + scores.headings + sections.headings,
        listed_questions=sections.listed_questions,
        observations=extract_observations(doc, sections.sections),
        evaluations=evaluations.evaluations,
        mentions=extract_mentions(doc, subject_code=metadata.municipality_code),
        evaluation_list=evaluations.listing,
        stated_counts=extract_stated_counts(doc),
    )
    year = report_year(extraction)
    framework = decide_edition(year, (heading.printed_name for heading in extraction.area_headings))
    if framework is not None:
        # Rows that print an area's name alone are read again by the decided edition's wordings.
        summary = extract_summary_table(doc, framework)
        extraction = dataclasses.replace(
            extraction,
            area_scores=summary.area_scores,
            year_totals=summary.year_totals,
            area_headings=summary.headings + scores.headings + sections.headings,
        )
    claims = extract_claims(doc, summary.years, year, sections.sections)
    extraction = dataclasses.replace(
        extraction, claims=claims, framework=framework.framework_id if framework else None
    )
    if metadata.year is None and year is not None:
        extraction = dataclasses.replace(extraction, metadata=dataclasses.replace(metadata, year=year))
    if doc.uncertain:
        extraction = dataclasses.replace(extraction, ocr_readings=locate_readings(doc))
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
    framework = framework_by_id(extraction.framework)
    return dataclasses.replace(extraction, findings=validate(extraction, framework))


def process_file(path: Path, ocr: str = DEFAULT_OCR) -> Report:
    """Digitize one file into a :class:`Report`; a file that cannot be read gives a failed report.

    ``ocr`` says which pages of a PDF are read by OCR: ``auto`` (scanned pages), ``always``, ``never``.
    """
    try:
        doc = read_document(path, ocr)
    except IngestError as exc:
        return failed_report(path, str(exc), sha256=exc.sha256)
    except Exception as exc:  # a reader library's own bug must not end the batch
        log.debug("%s: unexpected error while reading", path, exc_info=True)
        return failed_report(path, f"unexpected error while reading the file: {type(exc).__name__}: {exc}")
    try:
        extraction = digitize(doc)
    except NotAReportError as exc:
        return failed_report(path, str(exc), doc)
    except Exception as exc:
        log.debug("%s: unexpected error while digitizing", path, exc_info=True)
        return failed_report(
            path, f"unexpected error while digitizing (please report it): {type(exc).__name__}: {exc}", doc
        )
    return Report(
        report_id=report_id(doc.sha256, str(path)),
        source_file=str(path),
        sha256=doc.sha256,
        input_format=doc.input_format,
        pages=doc.pages,
        extraction=extraction,
        ocr_pages=doc.ocr_pages if doc.input_format == "pdf" else None,
    )


def warm_up() -> None:
    """Load what every document needs (editions, registries) once, before worker processes fork."""
    load_frameworks()
    swedish_municipalities()
    swedish_districts()
    swedish_matcher()


def failed_report(path: Path, error: str, doc: Document | None = None, sha256: str | None = None) -> Report:
    """The report of a file that could not be digitized, with the reason in ``error``."""
    log.info("%s: %s", path, error)
    digest = doc.sha256 if doc else sha256
    kind = doc.input_format if doc else input_format(path)
    return Report(
        report_id=report_id(digest or "", str(path)),
        source_file=str(path),
        sha256=digest or "",
        input_format=kind,
        pages=doc.pages if doc else None,
        status="failed",
        error=error,
    )
