"""Report metadata from the title page: the municipality, the evaluation dates and the evaluators."""

from __future__ import annotations

from datetime import date

import regex

from pipeline.document import Document, Line
from pipeline.municipalities import MunicipalityRegistry, swedish_municipalities
from pipeline.records import Evaluator, Metadata

# The title page ends where the report's first numbered section starts; it is never this long.
TITLE_PAGE_LINES = 80

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_DASH = r"\s*(?:[-–—]|och|till)\s*"

# "Analys av Umeå kommun", "Utvärdering av Malmö stad", "Kommunkompassen – Nacka kommun".
TITLE_MUNICIPALITY = regex.compile(
    r"(?:analys|utvärdering|granskning)\s+av\s+(?P<name>[\p{Lu}][\p{L}\- ]*?)\s+(?:kommun|stad)\b",
    regex.IGNORECASE,
)
BARE_MUNICIPALITY = regex.compile(r"^(?P<name>[\p{Lu}][\p{L}\- ]*?)\s+(?:kommun|stad)$", regex.IGNORECASE)

# "19-21 september 2007", "30 september - 2 oktober 2007", "4 oktober 2007".
DATE_RANGE_SAME_MONTH = regex.compile(
    rf"\b(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b",
    regex.IGNORECASE,
)
DATE_RANGE_TWO_MONTHS = regex.compile(
    rf"\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH}){_DASH}(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b",
    regex.IGNORECASE,
)
SINGLE_DATE = regex.compile(
    rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b", regex.IGNORECASE
)

# "Leif Eldås, Sveriges Kommuner och Landsting": a person's name, a comma, an organisation.
EVALUATOR = regex.compile(
    r"^(?P<name>\p{Lu}[\p{Ll}\-]+(?:\s+\p{Lu}[\p{Ll}\-]+){1,3})\s*,\s*(?P<org>\p{Lu}[^.!?]{2,80})$"
)


def extract_metadata(doc: Document, registry: MunicipalityRegistry | None = None) -> Metadata:
    """Municipality, code, evaluation dates, year and evaluators from the report's title page."""
    registry = registry or swedish_municipalities()
    title_lines = [line for line in doc.lines[:TITLE_PAGE_LINES] if not line.is_blank]
    municipality_line = _find_municipality(title_lines, registry)
    start, end = _find_dates(title_lines)
    evaluators = tuple(
        Evaluator(match["name"], match["org"].strip(), line.page, line.number)
        for line in title_lines
        if (match := EVALUATOR.match(line.stripped))
    )
    municipality, code, page, number = None, None, None, None
    if municipality_line is not None:
        line, name = municipality_line
        found = registry.lookup(name)
        municipality = found.name if found else name
        code = found.code if found else None
        page, number = line.page, line.number
    return Metadata(
        municipality=municipality,
        municipality_code=code,
        year=end.year if end else None,
        evaluation_start=start,
        evaluation_end=end,
        evaluators=evaluators,
        page=page,
        line=number,
    )


def _find_municipality(lines: list[Line], registry: MunicipalityRegistry) -> tuple[Line, str] | None:
    for line in lines:
        if match := TITLE_MUNICIPALITY.search(line.stripped):
            return line, match["name"].strip()
    for line in lines:
        match = BARE_MUNICIPALITY.match(line.stripped)
        if match and registry.lookup(match["name"]):
            return line, match["name"].strip()
    return None


def _find_dates(lines: list[Line]) -> tuple[date | None, date | None]:
    for line in lines:
        text = line.stripped
        if match := DATE_RANGE_TWO_MONTHS.search(text):
            year = int(match["y"])
            return (
                _date(year, match["m1"], match["d1"]),
                _date(year, match["m2"], match["d2"]),
            )
        if match := DATE_RANGE_SAME_MONTH.search(text):
            year = int(match["y"])
            return _date(year, match["m"], match["d1"]), _date(year, match["m"], match["d2"])
        if match := SINGLE_DATE.search(text):
            day = _date(int(match["y"]), match["m"], match["d"])
            return day, day
    return None, None


def _date(year: int, month: str, day: str) -> date | None:
    try:
        return date(year, MONTHS[month.casefold()], int(day))
    except ValueError:
        return None
