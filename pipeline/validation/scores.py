"""Rules on the score tables: sub-scores against their max, areas against their sub-questions,
years against their TOTALT, and tables or cells that are missing. Checks against the edition of the
tool are in ``edition.py``."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from pipeline.editions.edition import Edition
from pipeline.model.numbers import format_number
from pipeline.model.records import (
    AreaScore,
    AreaSubtotal,
    Extraction,
    Finding,
    QuestionScore,
    Severity,
    YearTotal,
    printings,
)
from pipeline.validation.row_gaps import DEFAULT_AREA_MAX, RowGap, row_gaps
from pipeline.validation.row_readings import a_reading_gives_total, cannot_be_points, doubtful_rows, tangled
from pipeline.validation.rule import Check, Rule, check

# Sums of half points are exact in binary floating point; this only absorbs printing noise.
TOLERANCE = 1e-6


def report_year(extraction: Extraction) -> int | None:
    """The year the report evaluates: from its dates, else the newest year of its summary table."""
    if extraction.metadata.year is not None:
        return extraction.metadata.year
    years = [score.year for score in extraction.area_scores]
    return max(years) if years else None


def _area_totals(extraction: Extraction, year: int) -> dict[int, AreaScore]:
    # The first printing of an area printed twice (summary_printed_twice reports the second).
    return {score.area: score for score in reversed(extraction.area_scores) if score.year == year}


def by_area(questions: tuple[QuestionScore, ...]) -> dict[int, list[QuestionScore]]:
    """The sub-questions grouped by area, areas in order."""
    grouped: dict[int, list[QuestionScore]] = defaultdict(list)
    for question in questions:
        grouped[question.area].append(question)
    return dict(sorted(grouped.items()))


SCORE_EXCEEDS_MAX = Rule(
    "score_exceeds_max", Severity.ERROR,
    "Sub-question {question_id}: own points {found} exceed its max points {expected}.",
    concerns=("area", "question_id", "year"),
    fires_when="a sub-question's own points are above its max points",
)  # fmt: skip


def score_exceeds_max(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    doubtful = doubtful_rows(extraction.question_scores, _area_max(edition))
    for index, q in enumerate(extraction.question_scores):
        if cannot_be_points(doubtful.get(index, "")):
            continue  # values no sub-question can have: score_values_doubtful says so
        if q.score is not None and q.max_score is not None and q.score > q.max_score + TOLERANCE:
            yield SCORE_EXCEEDS_MAX.finding(
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected=q.max_score, found=q.score, page=q.page, line=q.line,
            )  # fmt: skip


def _area_max(edition: Edition | None) -> float:
    return edition.area_max if edition else DEFAULT_AREA_MAX


SCORE_VALUES_DOUBTFUL = Rule(
    "score_values_doubtful", Severity.WARNING,
    "Sub-question {question_id}: the values read (max {expected}, own {found}) are in doubt: "
    "{reason}; they were likely read from another column or line, and the sums over area {area} are "
    "checked as over a row not read.",
    concerns=("area", "question_id", "year"),
    fires_when="a sub-question's values as read cannot be its points (own or max points above the whole "
    "area's max, or max points that are not a whole or half point: a year, an id or another table's "
    "number read into the row), or its row, its id read once, was read out of its area's order while "
    "the area's max points with it are not the area max; its area's sums are then checked as over a "
    "row not read, and `score_exceeds_max` is not raised on values no sub-question can have",
    loses_content=True,
)  # fmt: skip


def score_values_doubtful(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    doubtful = doubtful_rows(extraction.question_scores, _area_max(edition))
    for index, q in enumerate(extraction.question_scores):
        if reason := doubtful.get(index):
            yield SCORE_VALUES_DOUBTFUL.finding(
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected=q.max_score if q.max_score is not None else "empty",
                found=q.score if q.score is not None else "empty", page=q.page, line=q.line, reason=reason,
            )  # fmt: skip


SCORE_NEGATIVE = Rule(
    "score_negative", Severity.ERROR,
    "Sub-question {question_id}: {label} points {found} are negative.",
    concerns=("area", "question_id", "year"),
    fires_when="own or max points below zero",
)  # fmt: skip


def score_negative(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for q in extraction.question_scores:
        for label, value in (("own", q.score), ("max", q.max_score)):
            if value is not None and value < 0:
                yield SCORE_NEGATIVE.finding(
                    area=q.area, question_id=q.question_id, year=report_year(extraction),
                    expected="0 or more", found=value, page=q.page, line=q.line, label=label,
                )  # fmt: skip


SCORE_NOT_HALF_POINT = Rule(
    "score_not_half_point", Severity.WARNING,
    "Sub-question {question_id}: own points {found} are not a whole or half point.",
    concerns=("area", "question_id", "year"),
    fires_when="own points that are not a whole or half point",
)  # fmt: skip


def score_not_half_point(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for q in extraction.question_scores:
        if q.score is not None and abs(q.score * 2 - round(q.score * 2)) > TOLERANCE:
            yield SCORE_NOT_HALF_POINT.finding(
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected="a multiple of 0.5", found=q.score, page=q.page, line=q.line,
            )  # fmt: skip


SCORE_MISSING = Rule(
    "score_missing", Severity.WARNING,
    "Sub-question {question_id}: the {label} points cell is empty.",
    concerns=("area", "question_id", "year"),
    fires_when="an own or max points cell is empty",
    loses_content=True,
)  # fmt: skip


def score_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for q in extraction.question_scores:
        for label, value in (("own", q.score), ("max", q.max_score)):
            if value is None:
                yield SCORE_MISSING.finding(
                    area=q.area, question_id=q.question_id, year=report_year(extraction),
                    found="", page=q.page, line=q.line, label=label,
                )  # fmt: skip


AREA_SUM_MISMATCH = Rule(
    "area_sum_mismatch", Severity.ERROR,
    "Area {area}: its sub-questions sum to {expected} but {source} gives {found} for {year}.",
    concerns=("area", "year"),
    fires_when="an area's sub-question points do not sum to its total in the summary table for the "
    "report year, or to the Summa row of its own score table (not where rows evidently not read, "
    "`score_rows_lost`, can account for the difference, nor where rows read twice or with values no "
    "sub-question can have, `question_duplicated` or `score_values_doubtful`, give the total read one "
    "way; nor against a Summa row worth more than the area, as the summary's TOTALT read as one)",
)  # fmt: skip


def area_sum_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    year = report_year(extraction)
    if year is None:
        return
    totals = _area_totals(extraction, year)
    subtotals = {s.area: s for s in extraction.area_subtotals}
    gaps = row_gaps(extraction, edition)
    area_max = _area_max(edition)
    for area, questions in by_area(extraction.question_scores).items():
        if any(q.score is None for q in questions):
            continue
        subtotal = subtotals.get(area)
        whole = subtotal.max_score if subtotal and subtotal.max_score is not None else area_max
        parts = sum(q.score for q in questions if q.score is not None)
        printed = (
            ("the summary table", totals.get(area)),
            ("the Summa row of its score table", subtotals.get(area)),
        )
        knotted = tangled(questions, area_max)
        for source, total in printed:
            if total is None or total.score is None or abs(parts - total.score) <= TOLERANCE:
                continue
            if area in gaps and gaps[area].accounts_for(parts, total.score):
                continue  # the rows not read can make up the difference: score_rows_lost says so
            if knotted and a_reading_gives_total(questions, area_max, whole, total.score):
                continue  # rows read twice or doubtful: a reading of them gives the total
            if knotted and total is subtotal and _differs(totals.get(area), subtotal):
                continue  # a Summa row among tangled rows that the summary contradicts is another's
            if total is subtotal and _worth_more(subtotal, area_max):
                continue  # a "Summa" row worth more than an area (the summary's TOTALT): no area's
            yield AREA_SUM_MISMATCH.finding(
                area=area, year=year, expected=parts, found=total.score, page=total.page,
                line=total.line, source=source,
            )  # fmt: skip


def _worth_more(subtotal: AreaSubtotal | None, area_max: float) -> bool:
    """Whether a Summa row's max points are more than a whole area is worth."""
    top = subtotal.max_score if subtotal is not None else None
    return top is not None and top > area_max + TOLERANCE


def _differs(total: AreaScore | None, subtotal: AreaSubtotal | None) -> bool:
    """Whether the summary table's total of an area and its Summa row give other own points."""
    if total is None or subtotal is None or total.score is None or subtotal.score is None:
        return False
    return abs(total.score - subtotal.score) > TOLERANCE


# A warning, not an error: max points are the tool's, not the municipality's, so a Summa row that
# disagrees with its rows is far more often a row or cell read wrong than a report printed wrong.
SUBTOTAL_MAX_MISMATCH = Rule(
    "subtotal_max_mismatch", Severity.WARNING,
    "Area {area}: the max points of its sub-questions sum to {expected} but the Summa row of its score "
    "table gives {found}.",
    concerns=("area", "year"),
    fires_when="the max points of an area's sub-questions do not sum to the max points of the Summa row "
    "of its own score table (not where rows evidently not read, `score_rows_lost`, account for it): a "
    "row or cell read wrong, or a misprint",
)  # fmt: skip


def subtotal_max_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    subtotals = {s.area: s for s in extraction.area_subtotals}
    gaps = row_gaps(extraction, edition)
    for area, questions in by_area(extraction.question_scores).items():
        subtotal = subtotals.get(area)
        if subtotal is None or subtotal.max_score is None or any(q.max_score is None for q in questions):
            continue
        parts = sum(q.max_score for q in questions if q.max_score is not None)
        if area in gaps and gaps[area].accounts_for_max(parts, subtotal.max_score):
            continue  # the rows not read hold the rest: score_rows_lost says so
        if abs(parts - subtotal.max_score) > TOLERANCE:
            yield SUBTOTAL_MAX_MISMATCH.finding(
                area=area, year=report_year(extraction), expected=parts, found=subtotal.max_score,
                page=subtotal.page, line=subtotal.line,
            )  # fmt: skip


TOTAL_MISMATCH = Rule(
    "total_mismatch", Severity.ERROR,
    "{year}: the area totals sum to {expected} but TOTALT says {found}.",
    concerns=("year",),
    fires_when="a year's area totals do not sum to that year's TOTALT, by more than the rounding of "
    "whole-number area totals can explain (not where areas of the report year not read, "
    "`area_total_missing`, can account for the difference)",
)  # fmt: skip
TOTAL_ROUNDING_DIFFERENCE = Rule(
    "total_rounding_difference", Severity.WARNING,
    "{year}: the area totals, printed as whole numbers, sum to {expected} but TOTALT says {found}; "
    "rounding each area to a whole number can explain up to {slack}.",
    concerns=("year",),
    fires_when="a year's area totals are printed as whole numbers (points or percent) and differ from "
    "its TOTALT by no more than rounding explains (half a point per area)",
)  # fmt: skip
# A score printed as a whole number may be rounded from up to half a point either side.
ROUNDING_PER_AREA = 0.5


def rounding_slack(values: list[float]) -> float:
    """How far the sum of printed area totals may be from the true total because of rounding:
    half a point per area when every value is a whole number (rounded, as later editions print
    them, "51 %"), nothing when any has a fraction (printed exactly, as "69,5")."""
    if all(abs(value - round(value)) <= TOLERANCE for value in values):
        return ROUNDING_PER_AREA * len(values)
    return 0.0


def total_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    # A year printed twice (two columns headed 2005) has two TOTALTs: the n-th is the sum of each
    # area's n-th printing, not of all of them (summary_printed_twice reports the repeat).
    by_printing: dict[tuple[int, int], list[float | None]] = defaultdict(list)
    area_printings = printings((s.year, s.area) for s in extraction.area_scores)
    for s, printing in zip(extraction.area_scores, area_printings, strict=True):
        by_printing[(s.year, printing)].append(s.score)
    total_printings = printings(t.year for t in extraction.year_totals)
    for total, printing in zip(extraction.year_totals, total_printings, strict=True):
        scores = by_printing.get((total.year, printing), [])
        if total.total is None or not scores or any(s is None for s in scores):
            continue
        values = [s for s in scores if s is not None]
        parts, slack = sum(values), rounding_slack(values)
        difference = abs(parts - total.total)
        if difference <= TOLERANCE or _areas_not_read_account(extraction, edition, total, parts):
            continue
        rule = TOTAL_ROUNDING_DIFFERENCE if difference <= slack + TOLERANCE else TOTAL_MISMATCH
        yield rule.finding(
            year=total.year, expected=parts, found=total.total, page=total.page, line=total.line,
            slack=format_number(slack),
        )  # fmt: skip


def _areas_not_read_account(
    extraction: Extraction, edition: Edition | None, total: YearTotal, parts: float
) -> bool:
    """Whether areas of the edition with no total read for the report year (``area_total_missing``
    says which) can make up what TOTALT has above the areas read: the sum is then not checked."""
    if edition is None or total.total is None or total.year != report_year(extraction):
        return False
    read = {s.area for s in extraction.area_scores if s.year == total.year and s.score is not None}
    lost = [a for a in edition.areas if a.number not in read]
    return bool(lost) and -TOLERANCE <= total.total - parts <= len(lost) * edition.area_max + TOLERANCE


SUMMARY_PRINTED_TWICE = Rule(
    "summary_printed_twice", Severity.WARNING,
    "The summary table prints {what} of {year} a second time: {found}, after {expected}.",
    concerns=("area", "year"),
    fires_when="the summary table prints an area's total or the TOTALT of a year a second time (the "
    "year heads two columns, or the area two rows); the second printing is the row with `printing` 2 "
    "in `area_scores` or `year_totals`",
)  # fmt: skip


def summary_printed_twice(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    printed: list[tuple[int, int | None, float | None, int | None, int | None]] = [
        (s.year, s.area, s.score, s.page, s.line) for s in extraction.area_scores
    ]
    printed += [(t.year, None, t.total, t.page, t.line) for t in extraction.year_totals]
    first: dict[tuple[int, int | None], float | None] = {}
    for year, area, value, page, line in printed:
        if (year, area) not in first:
            first[(year, area)] = value
            continue
        before = first[(year, area)]
        yield SUMMARY_PRINTED_TWICE.finding(
            area=area, year=year, expected="empty" if before is None else before,
            found="empty" if value is None else value, page=page, line=line,
            what="the TOTALT" if area is None else f"area {area}'s total",
        )  # fmt: skip


QUESTION_DUPLICATED = Rule(
    "question_duplicated", Severity.WARNING,
    "Sub-question {question_id} appears {count} times in the score table.",
    concerns=("area", "question_id", "year"),
    fires_when="a sub-question appears more than once in the score table (at each of its rows: which "
    "of them holds its points is not known)",
)  # fmt: skip


def question_duplicated(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    counts = Counter(q.question_id for q in extraction.question_scores)
    for q in extraction.question_scores:
        if counts[q.question_id] > 1:
            yield QUESTION_DUPLICATED.finding(
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected="1", found=str(counts[q.question_id]), page=q.page, line=q.line,
                count=counts[q.question_id],
            )  # fmt: skip


REPORT_YEAR_NOT_IN_SUMMARY = Rule(
    "report_year_not_in_summary", Severity.WARNING,
    "The summary table has no column for the report year {year}.",
    concerns=("year",),
    fires_when="the summary table has no column for the report year",
    loses_content=True,
)  # fmt: skip
AREA_TOTAL_MISSING = Rule(
    "area_total_missing", Severity.WARNING,
    "Area {area}: the summary table gives no total for {year}.",
    concerns=("area", "year"),
    fires_when="the summary table gives no total for an area in the report year (at the area's row "
    "when it was read without one, else the row read before where it would stand)",
    loses_content=True,
)  # fmt: skip


def area_total_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    year = report_year(extraction)
    if year is None or not extraction.area_scores:
        return
    totals = _area_totals(extraction, year)
    areas = (
        [a.number for a in edition.areas] if edition else sorted({s.area for s in extraction.area_scores})
    )
    if not totals:
        yield REPORT_YEAR_NOT_IN_SUMMARY.finding(
            year=year, expected=str(year), found=", ".join(str(y) for y in _years(extraction))
        )
        return
    for area in areas:
        if area not in totals or totals[area].score is None:
            place = totals.get(area) or _row_before(totals, area) or _total_row(extraction, year)
            yield AREA_TOTAL_MISSING.finding(
                area=area, year=year, found="", page=place.page if place else None,
                line=place.line if place else None,
            )  # fmt: skip


def _row_before(totals: dict[int, AreaScore], area: int) -> AreaScore | None:
    """The summary row read nearest above where ``area``'s row would stand (the first row read
    when no row is above it)."""
    above = [number for number in totals if number < area]
    if above:
        return totals[max(above)]
    return totals[min(totals)] if totals else None


def _total_row(extraction: Extraction, year: int) -> YearTotal | None:
    return next((t for t in extraction.year_totals if t.year == year), None)


YEAR_TOTAL_MISSING = Rule(
    "year_total_missing", Severity.WARNING,
    "The summary table's TOTALT row gives no total for {year}, whose area totals the table gives.",
    concerns=("year",),
    fires_when="the summary table has a TOTALT row (read for another year) but no total in it for a "
    "year whose area totals it gives; at the TOTALT row",
    loses_content=True,
)  # fmt: skip


def year_total_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if not extraction.year_totals:
        return  # no TOTALT row read: many layouts print none
    printed = {t.year for t in extraction.year_totals if t.total is not None}
    row = extraction.year_totals[0]
    for year in _years(extraction):
        if year not in printed:
            yield YEAR_TOTAL_MISSING.finding(
                year=year, expected=str(year), found=", ".join(str(y) for y in sorted(printed)),
                page=row.page, line=row.line,
            )  # fmt: skip


def _years(extraction: Extraction) -> list[int]:
    return sorted({s.year for s in extraction.area_scores})


SCORE_ROWS_LOST = Rule(
    "score_rows_lost", Severity.WARNING,
    "Area {area}: {what} of its score table not read: {evidence}.",
    concerns=("area", "year"),
    fires_when="rows of an area's score table were evidently not read: the ids read skip a number (3.1, 3.2, "
    "3.4) or lack sub-questions of the edition or of the list at the top of the area's section while "
    "the max points read are not the area's (its "
    "Summa row's, else the edition's area max) or are only with an id read twice, or the max points "
    "read fall short of a Summa row giving the edition's area max, or (no Summa row) both the max "
    "points and the own points read fall short of the area's, by the same rows, or (no Summa row, no "
    "id missing, no sub-questions known to the edition) the max points read fall short of the "
    "edition's area max while a row's own points cell is empty (rows after the last one read may be "
    "lost, or its one number is its own points); at the Summa row, else the row read before the "
    "first missing one (expected: the ids not read, found: the max points read)",
    loses_content=True,
)  # fmt: skip


def score_rows_lost(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    year = report_year(extraction)
    for gap in row_gaps(extraction, edition).values():
        after = gap.last_read.printed_id or gap.last_read.question_id
        noun = "sub-question" if len(gap.missing) == 1 else "sub-questions"
        what = f"{noun} {', '.join(gap.missing)}" if gap.missing else f"the rows after {after}"
        yield SCORE_ROWS_LOST.finding(
            area=gap.area, year=year, expected=", ".join(gap.missing) or f"rows after {after}",
            found=gap.read_max if gap.read_max is not None else "", page=gap.page, line=gap.line, what=what,
            evidence=_evidence(gap, edition),
        )  # fmt: skip


def _evidence(gap: RowGap, edition: Edition | None) -> str:
    whole = "its Summa row's" if gap.subtotal and gap.subtotal.max_score is not None else "the area's"
    shown = "a max points cell is empty"
    if gap.read_max is not None:
        short = "short of" if gap.read_max < gap.whole else "not"
        shown = (
            f"the max points read sum to {format_number(gap.read_max)}, {short} {whole} "
            f"{format_number(gap.whole)}"
        )
    if gap.in_doubt:
        return "every row of the area read is in doubt"
    if gap.doubled:
        twice = ", ".join(gap.doubled)
        return f"the ids read skip {'it' if len(gap.missing) == 1 else 'them'} while {twice} is read twice"
    if gap.by_sums:
        return f"{shown}, and the own points read fall short of the summary table's total by no more"
    if gap.open_own:
        return f"{shown}, and a row's own points cell is empty: its one number may be its own points"
    if not gap.missing:
        return shown
    listed = edition is not None and not edition.is_partial and bool(edition.questions_in(gap.area))
    them = "it" if len(gap.missing) == 1 else "them"
    source = f"the ids read skip {them}"
    if listed and edition:
        source = f"the {edition.edition_id} edition lists {them}"
    return f"{source}, and {shown}"


SUMMARY_TABLE_MISSING = Rule(
    "summary_table_missing", Severity.WARNING,
    "No summary table (area totals per year) was found in the report.",
    concerns=(),
    fires_when="no summary table (area totals per year) was found (at its heading or header when part "
    "of it was seen)",
    loses_content=True,
)  # fmt: skip
SCORE_TABLE_MISSING = Rule(
    "score_table_missing", Severity.WARNING,
    "No detailed score table (sub-questions with max and own points) was found in the report.",
    concerns=(),
    fires_when="no detailed score table (sub-questions with max and own points) was found (at its "
    "heading or header when part of it was seen)",
    loses_content=True,
)  # fmt: skip


def tables_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if not extraction.area_scores:
        place = _table_place(extraction, "summary_table")
        yield SUMMARY_TABLE_MISSING.finding(page=place[0], line=place[1])
    if not extraction.question_scores:
        place = _table_place(extraction, "score_table")
        yield SCORE_TABLE_MISSING.finding(page=place[0], line=place[1])


def _table_place(extraction: Extraction, table: str) -> tuple[int | None, int | None]:
    """Where a table none of whose rows was read was seen: the first of its area headings or of its
    headers not understood (none when nothing of it was seen)."""
    seen = [(h.page, h.line) for h in extraction.area_headings if h.context == table and h.line is not None]
    seen += [(u.page, u.line) for u in extraction.unread_headers if u.table == table and u.line is not None]
    return min(seen, key=lambda place: (place[0] or 0, place[1] or 0), default=(None, None))


CHECKS: tuple[Check, ...] = (
    check(score_exceeds_max, SCORE_EXCEEDS_MAX),
    check(score_values_doubtful, SCORE_VALUES_DOUBTFUL),
    check(score_negative, SCORE_NEGATIVE),
    check(score_not_half_point, SCORE_NOT_HALF_POINT),
    check(score_missing, SCORE_MISSING),
    check(area_sum_mismatch, AREA_SUM_MISMATCH),
    check(subtotal_max_mismatch, SUBTOTAL_MAX_MISMATCH),
    check(total_mismatch, TOTAL_MISMATCH, TOTAL_ROUNDING_DIFFERENCE),
    check(summary_printed_twice, SUMMARY_PRINTED_TWICE),
    check(question_duplicated, QUESTION_DUPLICATED),
    check(area_total_missing, REPORT_YEAR_NOT_IN_SUMMARY, AREA_TOTAL_MISSING),
    check(year_total_missing, YEAR_TOTAL_MISSING),
    check(tables_missing, SUMMARY_TABLE_MISSING, SCORE_TABLE_MISSING),
    check(score_rows_lost, SCORE_ROWS_LOST),
)
