"""The output tables: derived from the records in one place, in the documented column order.

The columns, their order and types are declared once in :mod:`pipeline.model.schema`; each row builder
here emits exactly those keys, and :func:`~pipeline.tables.chunks.checked_chunk` checks every row
against the declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pipeline.editions.edition import edition_by_id
from pipeline.model.digest import Digest, digests
from pipeline.model.records import Finding, Report, printings
from pipeline.model.schema import TABLES, pandas_dtypes
from pipeline.tables.chunks import checked_chunk
from pipeline.tables.panel import panel_rows
from pipeline.validation.finding_ids import finding_ids, finding_subject
from pipeline.validation.history import History

if TYPE_CHECKING:
    import pandas as pd

Row = dict[str, Any]

# Column name -> pandas dtype, in contract order, for every table (derived from pipeline.model.schema).
SCHEMAS: dict[str, dict[str, str]] = {t.name: pandas_dtypes(t.name) for t in TABLES}


def _question_order(question_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in question_id.split(".") if part.isdigit())


def report_rows(report: Report) -> Iterator[Row]:
    meta = report.extraction.metadata
    yield {
        "report_id": report.report_id,
        "source_file": report.source_file,
        "sha256": report.sha256,
        "input_format": report.input_format,
        "pages": report.pages,
        "municipality": meta.municipality,
        "municipality_code": meta.municipality_code,
        "year": meta.year,
        "evaluation_start": meta.evaluation_start,
        "evaluation_end": meta.evaluation_end,
        "framework": report.extraction.edition,
        "evaluators": "; ".join(
            f"{e.name} ({e.organisation})" if e.organisation else e.name for e in meta.evaluators
        )
        or None,
        "status": report.status,
        "error": report.error,
        "report_date": meta.report_date,
        "duplicate_of": report.duplicate_of,
        "encoding": report.encoding,
        "ocr_pages": report.ocr_pages,
    }


def area_score_rows(report: Report) -> Iterator[Row]:
    ext = report.extraction
    edition = edition_by_id(ext.edition)
    # A stable sort: a (year, area) printed twice keeps the document's order, first printing first.
    scores = sorted(ext.area_scores, key=lambda s: (s.year, s.area))
    for s, printing in zip(scores, printings((s.year, s.area) for s in scores), strict=True):
        spec = edition.area(s.area) if edition else None
        yield {
            "report_id": report.report_id, "municipality_code": ext.metadata.municipality_code,
            "year": s.year, "area": s.area, "area_name": spec.name if spec else s.printed_name,
            "score": s.score, "printed_name": s.printed_name, "page": s.page, "line": s.line,
            "is_report_year": None if ext.metadata.year is None else s.year == ext.metadata.year,
            "printing": printing,
        }  # fmt: skip


def year_total_rows(report: Report) -> Iterator[Row]:
    ext = report.extraction
    totals = sorted(ext.year_totals, key=lambda t: t.year)
    for t, printing in zip(totals, printings((t.year,) for t in totals), strict=True):
        yield {
            "report_id": report.report_id, "municipality_code": ext.metadata.municipality_code,
            "year": t.year, "total": t.total, "page": t.page, "line": t.line, "printing": printing,
        }  # fmt: skip


def comparison_rows(report: Report) -> Iterator[Row]:
    for ordinal, c in enumerate(report.extraction.comparisons, start=1):
        yield {
            "report_id": report.report_id, "label": c.label or None, "kind": c.kind, "area": c.area,
            "value": c.value, "unit": c.unit, "page": c.page, "line": c.line, "from_year": c.from_year,
            "to_year": c.to_year, "ordinal": ordinal,
        }  # fmt: skip


def question_score_rows(report: Report) -> Iterator[Row]:
    ext = report.extraction
    ordered = sorted(
        ext.question_scores, key=lambda q: (_question_order(q.question_id), q.page or 0, q.line or 0)
    )
    for ordinal, q in enumerate(ordered, start=1):
        yield {
            "report_id": report.report_id, "municipality_code": ext.metadata.municipality_code,
            "year": ext.metadata.year, "area": q.area, "question_id": q.question_id, "question": q.question,
            "max_score": q.max_score, "score": q.score, "page": q.page, "line": q.line,
            "printed_id": q.printed_id or None, "ordinal": ordinal,
        }  # fmt: skip


def boxes_text(boxes: Iterable[Sequence[float]]) -> str | None:
    """Boxes as the ``compared_boxes`` column writes them: "page x0 top x1 bottom; …" (None if none)."""
    return "; ".join(" ".join(f"{v:g}" for v in box) for box in boxes) or None


def finding_row(report_id: str, f: Finding, issue_id: str) -> Row:
    """One row of ``issues``: finding ``f`` on the report ``report_id``, with its ``issue_id``."""
    return {
        "report_id": report_id, "rule": f.rule, "severity": str(f.severity), "area": f.area,
        "question_id": f.question_id, "year": f.year, "expected": f.expected, "found": f.found,
        "message": f.message, "page": f.page, "line": f.line, "printed_line": f.printed_line,
        **dict(zip(("x0", "top", "x1", "bottom"), f.box or (None,) * 4, strict=True)),
        "compared_boxes": boxes_text(f.compared), "issue_id": issue_id,
        # Filled from a review file when the tables are written (pipeline.tables.review).
        "verdict": None, "review_note": None, "reviewer": None, "is_new": None,
    }  # fmt: skip


def issue_rows(report: Report) -> Iterator[Row]:
    meta = report.extraction.metadata
    subject = finding_subject(meta.municipality_code, meta.year, report.sha256)
    findings = report.extraction.findings
    for f, issue_id in zip(findings, finding_ids(subject, findings), strict=True):
        yield finding_row(report.report_id, f, issue_id)


def history_issue_rows(reports: Sequence[Digest], findings: History) -> Iterator[Row]:
    """The cross-report findings (:mod:`pipeline.validation.history`, found once a batch over
    ``reports``) as ``issues`` rows."""
    by_report: dict[str, list[Finding]] = {}
    for report_id, finding in findings:
        by_report.setdefault(report_id, []).append(finding)
    subjects = {r.report_id: finding_subject(r.code, r.year, None) for r in reports}
    ids = {report_id: iter(finding_ids(subjects[report_id], found)) for report_id, found in by_report.items()}
    for report_id, finding in findings:
        yield finding_row(report_id, finding, next(ids[report_id]))


def observation_rows(report: Report) -> Iterator[Row]:
    for o in report.extraction.observations:
        yield {
            "report_id": report.report_id, "area": o.area, "kind": o.kind, "position": o.position,
            "text": o.text, "page": o.page, "line": o.line,
        }  # fmt: skip


def claim_rows(report: Report) -> Iterator[Row]:
    for ordinal, c in enumerate(report.extraction.claims, start=1):
        yield {
            "report_id": report.report_id, "area": c.area, "claimed_score": c.claimed_score,
            "claimed_change": c.claimed_change, "compared_with_year": c.compared_with_year,
            "sentence": c.sentence, "page": c.page, "line": c.line, "ordinal": ordinal,
        }  # fmt: skip


def evaluation_rows(report: Report) -> Iterator[Row]:
    for ordinal, e in enumerate(report.extraction.evaluations, start=1):
        yield {
            "report_id": report.report_id, "entry": e.entry, "municipality": e.municipality,
            "municipality_code": e.municipality_code, "district": e.district, "year": e.year,
            "page": e.page, "line": e.line, "ordinal": ordinal,
        }  # fmt: skip


def mention_rows(report: Report) -> Iterator[Row]:
    for m in report.extraction.mentions:
        yield {
            "report_id": report.report_id, "municipality": m.municipality,
            "municipality_code": m.municipality_code, "count": m.count, "first_page": m.first_page,
            "first_line": m.first_line, "is_subject": m.is_subject,
        }  # fmt: skip


ROW_BUILDERS: dict[str, Callable[[Report], Iterator[Row]]] = {
    "reports": report_rows,
    "area_scores": area_score_rows,
    "year_totals": year_total_rows,
    "comparisons": comparison_rows,
    "question_scores": question_score_rows,
    "issues": issue_rows,
    "observations": observation_rows,
    "claims": claim_rows,
    "evaluations": evaluation_rows,
    "mentions": mention_rows,
}


def frame(name: str, rows: Iterable[Row]) -> pd.DataFrame:
    """A table's rows as a DataFrame with the contract's columns, order and dtypes.

    Every row is checked against the declaration first: a missing or unknown key, or an empty
    required value, raises :class:`~pipeline.model.schema.SchemaError` naming the table and the key.
    """
    return checked_chunk(name, rows).to_frame()


def coverage_rows(reports: Sequence[Report]) -> Iterator[Row]:
    """The archive's index: every evaluation the batch knows of, and whether it was digitized.

    An evaluation is known from the lists of evaluated municipalities (``evaluations``) and from
    the digitized reports themselves; it is ``digitized`` when a report of the batch evaluates that
    municipality in that year, else ``missing``. Entries without a year cannot be placed.
    """
    listed: dict[tuple[str, str, int], set[str]] = {}
    names: dict[tuple[str, str, int], str] = {}
    digitized: dict[tuple[str, str, int], str] = {}
    for report in reports:
        meta = report.extraction.metadata
        if report.status != "failed" and meta.municipality_code and meta.year:
            key = (meta.municipality_code, "", meta.year)
            digitized.setdefault(key, report.report_id)
            names.setdefault(key, meta.municipality or "")
        for e in report.extraction.evaluations:
            if e.municipality_code and e.year:
                key = (e.municipality_code, e.district or "", e.year)
                listed.setdefault(key, set()).add(report.report_id)
                names.setdefault(key, e.municipality or "")
    for ordinal, key in enumerate(sorted(set(listed) | set(digitized)), start=1):
        code, district, year = key
        yield {
            "municipality": names[key], "municipality_code": code, "district": district or None,
            "year": year, "listed_by": len(listed.get(key, ())), "report_id": digitized.get(key),
            "status": "digitized" if key in digitized else "missing", "ordinal": ordinal,
        }  # fmt: skip


def _panel_rows(reports: Sequence[Report]) -> Iterator[Row]:
    return panel_rows(digests(reports))


# Tables built from the whole batch rather than report by report.
BATCH_BUILDERS: dict[str, Callable[[Sequence[Report]], Iterator[Row]]] = {
    "coverage": coverage_rows,
    "panel": _panel_rows,
}

# Rows that follow a per-report table's rows, built from the reports' digests and the findings
# across them once the batch is done (a streamed batch keeps one small digest per report for them,
# see pipeline.model.digest).
TAIL_BUILDERS: dict[str, Callable[[Sequence[Digest], History], Iterator[Row]]] = {
    "issues": history_issue_rows
}
