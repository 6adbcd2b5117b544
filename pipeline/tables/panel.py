"""The ``panel`` table: one score per municipality, evaluation year and area, across the batch.

Each report prints its own evaluation year's scores and repeats earlier years'; the panel keeps
one figure per (municipality, year, area), and one TOTALT row per (municipality, year) with the
area empty. The figure comes from the report of that year when the batch holds it, else from the
latest report that repeats it; ``printed_by`` and ``agreeing`` say how many reports print it and
how many of them print the same value (the others are ``history_mismatch`` findings).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.editions.edition import edition_by_id, editions_for_year
from pipeline.model.digest import Digest, Figure
from pipeline.validation.history import printings_by_key

Row = dict[str, Any]


def _chosen(printings: Sequence[tuple[Digest, Figure]]) -> tuple[Digest, Figure]:
    """The report of the year's own printing (the first of them), else the latest repeat."""
    year = printings[0][1].year
    own = [p for p in printings if p[0].year == year]
    return own[0] if own else printings[-1]


def edition_scored(edition: str | None, year: int) -> str | None:
    """The edition a figure of ``year`` was scored with, printed by a report read by ``edition``.

    A report repeats earlier evaluations' figures, which were scored with the tool in use then: the
    source report's own edition when it was in use in ``year``, else the edition in use that year
    (the newer one in a year of change), else, for a year no shipped edition covers, the source's.
    """
    source = edition_by_id(edition)
    if source is None or source.covers(year):
        return edition
    in_use = editions_for_year(year)
    return in_use[-1].edition_id if in_use else edition


def _area_name(edition_id: str | None, area: int | None) -> str | None:
    edition = edition_by_id(edition_id) if area is not None else None
    spec = edition.area(area) if edition and area is not None else None
    return spec.name if spec else None


def panel_rows(reports: Sequence[Digest]) -> Iterator[Row]:
    """The panel's rows, by municipality code, year and area (TOTALT after the areas)."""
    printed = printings_by_key(reports)
    ordered = sorted(printed, key=lambda k: (k[0], k[1], k[2] if k[2] is not None else 99))
    for ordinal, key in enumerate(ordered, start=1):
        code, year, area = key
        printings = printed[key]
        source, figure = _chosen(printings)
        edition = edition_scored(source.edition, year)
        yield {
            "municipality": source.municipality, "municipality_code": code, "year": year, "area": area,
            "area_name": _area_name(edition, area), "score": figure.score,
            "edition": edition, "report_id": source.report_id,
            "is_report_year": source.year == year, "printed_by": len(printings),
            "agreeing": sum(1 for _, f in printings if f.score == figure.score),
            "page": figure.page, "line": figure.line, "ordinal": ordinal,
        }  # fmt: skip
