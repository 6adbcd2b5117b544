"""Dates as the reports print them: evaluation dates in every form seen, and the report's own date.

Evaluation dates ("the visit"), from the forms of 2002-2024 reports:

    19-21 september 2007          30 september - 2 oktober 2007      12 och 13 mars 2008
    4 oktober 2005                2009-08-26--28 (ISO, double hyphen) 2014-01-21--2014-01-23
    oktober 2006 / FEBRUARI 2017  (a month alone: its first and last day)

The report date is an ISO date standing alone ("2015-05-05", "RAPPORT 2005-11-09 1 (29)"), never
the start of an ISO range.
"""

from __future__ import annotations

import calendar
from datetime import date

import regex

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_DASH = r"\s*(?:[-–—]|och|till)\s*"
_YEAR = r"(?:19|20)\d\d"
_FLAGS = regex.IGNORECASE

# "30 september - 2 oktober 2007"
DATE_RANGE_TWO_MONTHS = regex.compile(
    rf"\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH}){_DASH}(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y>{_YEAR})\b",
    _FLAGS,
)
# "19-21 september 2007", "12 och 13 mars 2008"
DATE_RANGE_SAME_MONTH = regex.compile(
    rf"\b(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b", _FLAGS
)
# "2009-08-26--28", "2010-06-15--17", "2014-01-21--2014-01-23", "2007-09-19 – 21"
ISO_RANGE = regex.compile(
    rf"\b(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d1>\d\d)\s*(?:--|[-–—])\s*"
    rf"(?:(?P<y2>{_YEAR})-(?P<m2>\d\d)-)?(?P<d2>\d\d)\b(?!-)"
)
# "4 oktober 2005"
SINGLE_DATE = regex.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b", _FLAGS)
# "oktober 2006", "FEBRUARI 2017": not preceded by a day
MONTH_YEAR = regex.compile(rf"(?<!\d\s*)\b(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b", _FLAGS)
# "2015-05-05" alone: not followed by a range's dash and second day
ISO_DATE = regex.compile(rf"\b(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)\b(?!\s*(?:--|[-–—])\s*\d)")

DateRange = tuple[date, date]

# "september 9999", "mars 1066": a month named with a year no evaluation can have.
MONTH_ODD_YEAR = regex.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b(?<!(?:19|20)\d\d)", _FLAGS)


def evaluation_dates(text: str) -> DateRange | None:
    """The first evaluation date or date range in ``text``, as (start, end); a single day gives the
    same date twice, a month alone its first and last day."""
    for reader in (_two_months, _same_month, _iso_range, _single, _month_year):
        found = reader(text)
        if found is not None:
            return found
    return None


def report_date(text: str) -> date | None:
    """An ISO date standing alone in ``text`` (the report's date), if it is a real date."""
    match = ISO_DATE.search(text)
    return _date(int(match["y"]), int(match["m"]), int(match["d"])) if match else None


def _two_months(text: str) -> DateRange | None:
    if match := DATE_RANGE_TWO_MONTHS.search(text):
        year = int(match["y"])
        return _range(_named(year, match["m1"], match["d1"]), _named(year, match["m2"], match["d2"]))
    return None


def _same_month(text: str) -> DateRange | None:
    if match := DATE_RANGE_SAME_MONTH.search(text):
        year = int(match["y"])
        return _range(_named(year, match["m"], match["d1"]), _named(year, match["m"], match["d2"]))
    return None


def _iso_range(text: str) -> DateRange | None:
    if match := ISO_RANGE.search(text):
        year, month = int(match["y"]), int(match["m"])
        end_year = int(match["y2"]) if match["y2"] else year
        end_month = int(match["m2"]) if match["m2"] else month
        return _range(_date(year, month, int(match["d1"])), _date(end_year, end_month, int(match["d2"])))
    return None


def _single(text: str) -> DateRange | None:
    if match := SINGLE_DATE.search(text):
        day = _named(int(match["y"]), match["m"], match["d"])
        return _range(day, day)
    return None


def _month_year(text: str) -> DateRange | None:
    if match := MONTH_YEAR.search(text):
        year, month = int(match["y"]), MONTHS[match["m"].casefold()]
        last = calendar.monthrange(year, month)[1]
        return _range(date(year, month, 1), date(year, month, last))
    return None


def _range(start: date | None, end: date | None) -> DateRange | None:
    if start is None or end is None or end < start:
        return None
    return start, end


def _named(year: int, month: str, day: str) -> date | None:
    return _date(year, MONTHS[month.casefold()], int(day))


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def impossible_dates(text: str) -> tuple[str, ...]:
    """Dates in ``text`` printed in a date's form that name no real day: "30-31 februari 2007",
    "31 april 2010", "2009-13-02", "september 9999". They are never read as dates, and are
    reported, so that a misprint does not silently leave a report undated or dated by another line."""
    found: list[str] = []
    for pattern, reader in (
        (DATE_RANGE_TWO_MONTHS, _two_months), (DATE_RANGE_SAME_MONTH, _same_month),
        (ISO_RANGE, _iso_range), (SINGLE_DATE, _single), (ISO_DATE, report_date),
    ):  # fmt: skip
        for match in pattern.finditer(text):
            if reader(match.group()) is None and not any(match.group() in other for other in found):
                found.append(match.group())
    found.extend(match.group() for match in MONTH_ODD_YEAR.finditer(text))
    return tuple(found)
