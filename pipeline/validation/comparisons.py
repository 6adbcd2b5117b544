"""Rules on how the tables were read and on the comparison columns of the summary table: a header
that was not understood, and a printed change that the two years it compares do not give."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.editions.edition import Edition
from pipeline.model.numbers import format_number
from pipeline.model.records import Comparison, Extraction, Finding, Severity
from pipeline.validation.rule import Check, Rule, check

TABLE_HEADER_UNREAD = Rule(
    "table_header_unread", Severity.WARNING,
    "The {table} was read by the shape of its values, without a header it understood "
    "(header: \"{found}\"); its columns were taken as: {expected}.",
    concerns=(),
    fires_when="a table's header is missing or names no column kompass knows, so its columns were "
    "taken from the shape of the values (and the years of its caption)",
)  # fmt: skip


def table_header_unread(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for unread in extraction.unread_headers:
        yield TABLE_HEADER_UNREAD.finding(
            expected=unread.assumed, found=unread.printed, page=unread.page, line=unread.line,
            table=unread.table.replace("_", " "),
        )  # fmt: skip


TABLE_ROW_MISALIGNED = Rule(
    "table_row_misaligned", Severity.WARNING,
    "This row of the {table} has {found} values but its header {expected} columns; the values were "
    "placed under the columns they stand in where the page shows it (a value over two columns or "
    "none is not read), else paired with the columns from the right.",
    concerns=(),
    fires_when="a summary-table row has more or fewer values than its header has columns (a cell "
    "missing or split), so which value belongs to which year is an assumption",
)  # fmt: skip


def table_row_misaligned(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for row in extraction.misaligned_rows:
        yield TABLE_ROW_MISALIGNED.finding(
            expected=str(row.columns), found=str(row.values), page=row.page, line=row.line,
            table=row.table.replace("_", " "),
        )  # fmt: skip


CHANGE_MISMATCH = Rule(
    "change_mismatch", Severity.ERROR,
    "{what}: the printed change \"{label}\" is {found} but {from_year} to {to_year} gives {expected}.",
    concerns=("area", "year"),
    fires_when="a change printed in the summary table (in points or % of the earlier year) differs "
    "from the change between the two years it compares by more than its rounding",
)  # fmt: skip


def change_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for comparison in extraction.comparisons:
        if comparison.kind != "change" or comparison.value is None:
            continue
        expected = _expected_change(extraction, comparison)
        if expected is None or abs(expected - comparison.value) <= _rounding(comparison.value):
            continue
        unit = " %" if comparison.unit == "percent" else ""
        yield CHANGE_MISMATCH.finding(
            area=comparison.area, year=comparison.to_year,
            expected=f"{_signed(round(expected, 1))}{unit}", found=f"{_signed(comparison.value)}{unit}",
            page=comparison.page, line=comparison.line, label=comparison.label,
            from_year=comparison.from_year, to_year=comparison.to_year,
            what=f"Area {comparison.area}" if comparison.area is not None else "The total",
        )  # fmt: skip


def _expected_change(extraction: Extraction, comparison: Comparison) -> float | None:
    """The change from ``from_year`` to ``to_year`` the own scores give, in the comparison's unit."""
    if comparison.from_year is None or comparison.to_year is None:
        return None
    if comparison.area is None:
        values = {t.year: t.total for t in reversed(extraction.year_totals)}
    else:
        # The first printing of a year printed twice (summary_printed_twice reports the second).
        values = {s.year: s.score for s in reversed(extraction.area_scores) if s.area == comparison.area}
    earlier, later = values.get(comparison.from_year), values.get(comparison.to_year)
    if earlier is None or later is None:
        return None
    if comparison.unit == "percent":
        return (later - earlier) / earlier * 100 if earlier else None
    return later - earlier


def _rounding(value: float) -> float:
    """Half a unit of the printed figure's last decimal: "+44 %" stands for 43.5 to 44.5."""
    text = format_number(value) or ""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10**-decimals + 1e-9


def _signed(value: float) -> str:
    text = format_number(value) or ""
    return text if value < 0 else f"+{text}"


CHECKS: tuple[Check, ...] = (
    check(table_header_unread, TABLE_HEADER_UNREAD),
    check(table_row_misaligned, TABLE_ROW_MISALIGNED),
    check(change_mismatch, CHANGE_MISMATCH),
)
