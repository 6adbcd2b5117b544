"""Checks across reports: what a batch's reports say about each other's evaluations.

Every report repeats its municipality's earlier results (Umeå 2007 prints its 2003 and 2005 area
totals beside its own) and lists the municipalities evaluated so far. When the batch also holds
the earlier reports, it can contradict itself, and no check of one report can see that. These
rules run once after the batch, on the reports' digests (:mod:`pipeline.model.digest`), and put each
finding on the later report, naming the other report and where it prints its figure.

They are declared as the other rules are (:class:`~pipeline.validation.rule.Rule`), but listed
in :data:`BATCH_RULES`, not in a module's ``CHECKS``: their checks read a batch, not one
extraction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.model.digest import Digest, Figure, where
from pipeline.model.records import SEVERITY_RANK, Finding, Severity
from pipeline.validation.rule import Rule

HISTORY_MISMATCH = Rule(
    "history_mismatch",
    Severity.ERROR,
    "{subject} of {year} is {found} here but {expected} in {other}, {other_where}.",
    concerns=("area", "year"),
    fires_when="across the batch: a report prints an area total or TOTALT of an evaluation year "
    "differently from the report of that year (or, if the batch has none, from the earliest report "
    "printing it); on the later report, naming the other report, its page and line",
)
HISTORY_NOT_LISTED = Rule(
    "history_not_listed",
    Severity.WARNING,
    "The list of evaluated municipalities {how}, but the batch holds the {municipality} report of "
    "{year}: {other}, evaluation named on {other_where}.",
    concerns=("year",),
    fires_when="across the batch: a report's list of evaluated municipalities omits an earlier "
    "report the batch holds, or lists that municipality with other years only",
)

BATCH_RULES: tuple[Rule, ...] = (HISTORY_MISMATCH, HISTORY_NOT_LISTED)

Key = tuple[str, int, int | None]
# The findings across a batch's reports: (report_id of the report each is on, the finding).
History = tuple[tuple[str, Finding], ...]


def _name(report: Digest) -> str:
    return f"{report.source_file} (report_id {report.report_id})"


def printings_by_key(reports: Sequence[Digest]) -> dict[Key, list[tuple[Digest, Figure]]]:
    """Every (municipality, year, area or None for TOTALT) with the reports printing it, in order."""
    printed: dict[Key, list[tuple[Digest, Figure]]] = {}
    for report in sorted(reports, key=lambda r: r.order):
        seen: set[tuple[int, int | None]] = set()
        for figure in report.figures:
            if (figure.year, figure.area) not in seen:
                seen.add((figure.year, figure.area))
                printed.setdefault((report.code, figure.year, figure.area), []).append((report, figure))
    return printed


def reference(printings: Sequence[tuple[Digest, Figure]]) -> tuple[Digest, Figure]:
    """The printing others are compared with: the report of that year's, else the earliest."""
    year = printings[0][1].year
    own = [p for p in printings if p[0].year == year]
    return (own or list(printings))[0]


def _mismatches(printings: Sequence[tuple[Digest, Figure]]) -> Iterator[tuple[str, Finding]]:
    setter, first = reference(printings)
    for report, figure in printings:
        if report is setter or figure.score == first.score:
            continue
        subject = f"Area {figure.area}'s total" if figure.area is not None else "TOTALT"
        finding = HISTORY_MISMATCH.finding(
            area=figure.area, year=figure.year, expected=first.score, found=figure.score,
            page=figure.page, line=figure.line, subject=subject, other=_name(setter),
            other_where=where(first.page, first.line),
        )  # fmt: skip
        yield report.report_id, finding


def _not_listed(lister: Digest, held: Digest) -> Finding | None:
    entries = [e for e in lister.listed if e.code == held.code]
    if any(e.year in (held.year, None) for e in entries):
        return None
    if entries:
        years = ", ".join(str(e.year) for e in entries)
        how = f"gives {years} for this municipality"
        page, line, found = entries[0].page, entries[0].line, years
    else:
        how, page, line, found = "omits this municipality", lister.list_page, lister.list_line, ""
    return HISTORY_NOT_LISTED.finding(
        year=held.year, expected=str(held.year), found=found, page=page, line=line, how=how,
        other=_name(held), municipality=held.municipality or held.code,
        other_where=where(held.page, held.line),
    )  # fmt: skip


def _unlisted(reports: Sequence[Digest]) -> Iterator[tuple[str, Finding]]:
    for lister in reports:
        if not lister.listed:
            continue
        for held in reports:
            if held.year < lister.year:
                finding = _not_listed(lister, held)
                if finding is not None:
                    yield lister.report_id, finding


def history_findings(reports: Sequence[Digest]) -> History:
    """Every cross-report finding as (report_id of the report it is on, finding).

    Ordered by the report's path and id, then as a report's own findings are (most severe first,
    then in document order), so the result does not depend on the order of the inputs.
    """
    found = [m for printings in printings_by_key(reports).values() for m in _mismatches(printings)]
    found += list(_unlisted(reports))
    files = {r.report_id: r.source_file for r in reports}

    def order(item: tuple[str, Finding]) -> tuple[object, ...]:
        report_id, f = item
        where_on = (SEVERITY_RANK[f.severity], f.page or 0, f.line or 0)
        return (files[report_id], report_id, *where_on, f.rule, f.area or 0, f.year or 0, f.message)

    return tuple(sorted(found, key=order))
