"""What the cross-report steps need of a report: a small digest of its records.

The checks across reports (:mod:`pipeline.validation.history`) and the ``panel`` table read only
these digests, never the files again and never the rest of the records: a digest is the report's
municipality and year, its edition, the area totals and TOTALT figures it prints (with their
locations) and its list of evaluated municipalities. A streamed batch can keep one digest per
report and build the cross-report rows at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.model.records import Report


@dataclass(frozen=True, slots=True)
class Figure:
    """A score a report prints for one evaluation year: an area's total, or TOTALT (``area`` None)."""

    year: int
    area: int | None
    score: float
    page: int | None
    line: int | None


@dataclass(frozen=True, slots=True)
class Listed:
    """One (municipality, year) of a report's list of evaluated municipalities."""

    code: str
    year: int | None
    page: int | None
    line: int | None


@dataclass(frozen=True)
class Digest:
    """One report as the cross-report steps see it (see the module's docstring)."""

    report_id: str
    source_file: str
    municipality: str | None
    code: str
    year: int
    edition: str | None
    figures: tuple[Figure, ...]
    listed: tuple[Listed, ...]
    list_page: int | None = None
    list_line: int | None = None
    page: int | None = None
    line: int | None = None

    @property
    def order(self) -> tuple[int, str, str]:
        """Reports sort by evaluation year, then path and id: "later" means later in this order."""
        return (self.year, self.source_file, self.report_id)

    def figure(self, year: int, area: int | None) -> Figure | None:
        """The report's figure for ``year`` and ``area`` (None: TOTALT), the first if printed twice."""
        return next((f for f in self.figures if f.year == year and f.area == area), None)


def digest(report: Report) -> Digest | None:
    """``report``'s digest; None for a failed report, a byte-identical copy (it would only repeat
    the first copy) and a report whose municipality or year is not known (it cannot be placed)."""
    meta = report.extraction.metadata
    if report.status == "failed" or report.duplicate_of or not meta.municipality_code or not meta.year:
        return None
    ext = report.extraction
    figures = [
        Figure(s.year, s.area, s.score, s.page, s.line) for s in ext.area_scores if s.score is not None
    ]
    figures += [Figure(t.year, None, t.total, t.page, t.line) for t in ext.year_totals if t.total is not None]
    listed = tuple(
        Listed(e.municipality_code, e.year, e.page, e.line) for e in ext.evaluations if e.municipality_code
    )
    lead_in = ext.evaluation_list
    first = ext.evaluations[0] if ext.evaluations else None
    list_page = lead_in.page if lead_in else first.page if first else None
    list_line = lead_in.line if lead_in else first.line if first else None
    return Digest(
        report.report_id, report.source_file, meta.municipality, meta.municipality_code, meta.year,
        ext.edition, tuple(figures), listed, list_page, list_line, meta.page, meta.line,
    )  # fmt: skip


def digests(reports: Iterable[Report]) -> tuple[Digest, ...]:
    """The digests of ``reports`` that can be placed, in :attr:`Digest.order` (whatever the input order)."""
    found = (digest(report) for report in reports)
    return tuple(sorted((d for d in found if d is not None), key=lambda d: d.order))


def where(page: int | None, line: int | None) -> str:
    """A location as a reader finds it: "page 2, line 14", or "line 14" in a text file."""
    at = f"line {line}" if line is not None else "an unknown line"
    return f"page {page}, {at}" if page is not None else at
