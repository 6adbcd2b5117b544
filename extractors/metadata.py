"""Report metadata: the municipality, the evaluation dates, the report date and the evaluators.

Title pages of every era are read: "Kommunkompassen / Analys av Umeå kommun / 19-21 september
2007" (2002-2009, often under "RAPPORT 2005-11-09 1 (29)"), "KommunKompassen / ANALYS AV / BORÅS
KOMMUN / 2015 / Utvärderare: …" and "KOMMUNKOMPASSEN ANALYS AV KARLSKOGA KOMMUN 2014" (2010 on),
"… VALLENTUNA KOMMUN FEBRUARI 2017", "Region Gotland". Where the title page gives no evaluation
dates (later reports print only the year), they are read from the "Utvärderingen" section or a
sentence about the evaluation ("Utvärderingen genomfördes den 28-30 oktober 2014").
"""

from __future__ import annotations

from datetime import date

import regex

from extractors.dates import DateRange, evaluation_dates, impossible_dates, report_date
from extractors.evaluators import extract_evaluators
from pipeline.model.document import Document, Line
from pipeline.model.municipalities import MunicipalityRegistry, swedish_municipalities
from pipeline.model.records import ContentLoss, Metadata

# The title page ends where the report's first numbered section starts; it is never this long.
TITLE_PAGE_LINES = 80
# Where a sentence about the evaluation may give its dates: the first chapters, not the list of
# evaluated municipalities at the end.
EVALUATION_SENTENCE_LINES = 600

_PLACE = r"[\p{Lu}][\p{L}\- ]*?"
# "Analys av Umeå kommun", "Utvärdering av Malmö stad", "ANALYS AV KARLSKRONA KOMMUN 2014".
TITLE_MUNICIPALITY = regex.compile(
    rf"(?:analys|utvärdering|granskning)\s+av\s+(?P<name>{_PLACE})\s+(?:kommun|stad)\b", regex.IGNORECASE
)
# "Analys av Region Gotland", or "Region Gotland" on a line of its own.
TITLE_REGION = regex.compile(
    r"(?:(?:analys|utvärdering|granskning)\s+av\s+|^)region\s+(?P<name>\p{Lu}[\p{L}\-]+)\b", regex.IGNORECASE
)
# "Nacka kommun", "TOMELILLA KOMMUN 2022", "KINDA KOMMUN 2011" on a line of their own.
BARE_MUNICIPALITY = regex.compile(
    rf"^(?P<name>{_PLACE})\s+(?:kommun|stad)(?:\s+(?:\p{{L}}+\s+)?(?:19|20)\d\d)?$", regex.IGNORECASE
)
# A title line giving the evaluation year alone: "2014", "BORÅS KOMMUN 2015", "ANALYS AV X KOMMUN 2014".
TITLE_YEAR = regex.compile(r"^(?:.*\b(?:kommun|stad)\s+)?(?P<year>(?:19|20)\d\d)$", regex.IGNORECASE)
EVALUATION_HEADING = regex.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?utvärderingen$", regex.IGNORECASE)
EVALUATION_WORDS = regex.compile(r"\b(?:utvärdering\w*|besök\w*|platsbesök\w*|intervju\w*)", regex.IGNORECASE)
# Lines read after an "Utvärderingen" heading before giving up.
SECTION_LINES = 15


def extract_metadata(doc: Document, registry: MunicipalityRegistry | None = None) -> Metadata:
    """Municipality, code, evaluation dates, year, report date and evaluators of a report."""
    registry = registry or swedish_municipalities()
    title_lines = [line for line in doc.lines[:TITLE_PAGE_LINES] if not line.is_blank]
    title_year = _title_year(title_lines)
    dates = _title_dates(title_lines) or _in_year(
        _section_dates(doc.lines) or _sentence_dates(doc.lines), title_year
    )
    start, end = dates if dates else (None, None)
    municipality, code, page, number = None, None, None, None
    if (found_line := _find_municipality(title_lines, registry)) is not None:
        line, name = found_line
        found = registry.lookup(name)
        municipality = found.name if found else name
        code = found.code if found else None
        page, number = line.page, line.number
    return Metadata(
        municipality=municipality,
        municipality_code=code,
        year=end.year if end else title_year,
        evaluation_start=start,
        evaluation_end=end,
        evaluators=extract_evaluators(title_lines),
        page=page,
        line=number,
        report_date=_report_date(title_lines),
        losses=_impossible_dates([*title_lines, *_section_lines(doc.lines), *_sentence_lines(doc.lines)]),
    )


def _find_municipality(lines: list[Line], registry: MunicipalityRegistry) -> tuple[Line, str] | None:
    for pattern in (TITLE_MUNICIPALITY, TITLE_REGION):
        for line in lines:
            if match := pattern.search(line.stripped):
                return line, match["name"].strip()
    for line in lines:
        match = BARE_MUNICIPALITY.match(line.stripped)
        if match and registry.lookup(match["name"]):
            return line, match["name"].strip()
    return None


def _title_dates(lines: list[Line]) -> DateRange | None:
    return next((found for line in lines if (found := evaluation_dates(line.stripped))), None)


def _section_lines(lines: tuple[Line, ...]) -> list[Line]:
    """The lines of every "Utvärderingen" section: those after that heading, in order."""
    found: list[Line] = []
    for index, line in enumerate(lines):
        if EVALUATION_HEADING.match(line.stripped):
            found += [other for other in lines[index + 1 : index + 1 + SECTION_LINES] if not other.is_blank]
    return found


def _section_dates(lines: tuple[Line, ...]) -> DateRange | None:
    """Dates in the "Utvärderingen" section: the lines after that heading."""
    return _title_dates(_section_lines(lines))


def _sentence_lines(lines: tuple[Line, ...]) -> list[Line]:
    """Sentences about the evaluation ("Platsbesöket gjordes 6-8 december 2006") in the first chapters."""
    return [line for line in lines[:EVALUATION_SENTENCE_LINES] if EVALUATION_WORDS.search(line.text)]


def _sentence_dates(lines: tuple[Line, ...]) -> DateRange | None:
    """Dates in a sentence about the evaluation ("Platsbesöket gjordes 6-8 december 2006")."""
    return next((found for line in _sentence_lines(lines) if (found := evaluation_dates(line.text))), None)


def _impossible_dates(lines: list[Line]) -> tuple[ContentLoss, ...]:
    """A note for each line, among those dates are read from, that prints a date of no real day."""
    seen: set[tuple[int | None, int]] = set()
    losses = []
    for line in lines:
        if (line.page, line.number) in seen or not (printed := impossible_dates(line.text)):
            continue
        seen.add((line.page, line.number))
        shown = ", ".join(f'"{text}"' for text in printed)
        message = f"a date that names no real day ({shown}): not read as a date"
        losses.append(ContentLoss(message, len(printed), line.page, line.number))
    return tuple(losses)


def _in_year(dates: DateRange | None, year: int | None) -> DateRange | None:
    """Dates found in the body, if they agree with the year the title page prints: a sentence may
    also date an earlier evaluation ("den förra utvärderingen i oktober 2011")."""
    if dates is None or year is None or dates[1].year == year:
        return dates
    return None


def _title_year(lines: list[Line]) -> int | None:
    return next((int(match["year"]) for line in lines if (match := TITLE_YEAR.match(line.stripped))), None)


def _report_date(lines: list[Line]) -> date | None:
    return next((found for line in lines if (found := report_date(line.stripped))), None)
