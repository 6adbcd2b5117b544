"""Rules on the tables against the edition of the tool: its sub-questions, their max points, its
area names, and whether kompass ships an edition for the report's year at all."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.editions.edition import Edition, editions_for_year
from pipeline.model.records import AreaHeading, Extraction, Finding, QuestionScore, Severity
from pipeline.validation.row_gaps import DEFAULT_AREA_MAX, row_gaps
from pipeline.validation.row_readings import a_reading_gives_max, tangled
from pipeline.validation.rule import Check, Rule, check
from pipeline.validation.scores import TOLERANCE, by_area, report_year

# A record with a place in the document: a row read, or where an area is named.
Placed = QuestionScore | AreaHeading

AREA_MAX_MISMATCH = Rule(
    "area_max_mismatch", Severity.ERROR,
    "Area {area}: the max points of its sub-questions sum to {found}, not {expected}.",
    concerns=("area", "year"),
    fires_when="the max points of a complete area do not sum to 100 (the edition's area max); not where "
    "rows evidently not read (`score_rows_lost`) can hold the rest, nor where rows read twice or with "
    "values no sub-question can have (`question_duplicated`, `score_values_doubtful`) give it read "
    "one way, nor, where a row's own points cell is empty (`score_missing`: the one number read may be "
    "its own points, and its max at least that), max points read short of the area max",
)  # fmt: skip


def area_max_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    area_max = edition.area_max if edition else DEFAULT_AREA_MAX
    gaps = row_gaps(extraction, edition)
    for area, questions in by_area(extraction.question_scores).items():
        if any(q.max_score is None for q in questions):
            continue
        if (
            edition
            and not edition.is_partial
            and {q.question_id for q in questions}
            != {spec.question_id for spec in edition.questions_in(area)}
        ):
            continue  # missing or unknown sub-questions are reported on their own
        parts = sum(q.max_score for q in questions if q.max_score is not None)
        if any(q.score is None for q in questions) and parts <= area_max + TOLERANCE:
            # A row read with one number (score_missing) may hold its own points, not its max: its
            # max is then at least that number, so only max points read above the area's are sure.
            continue
        if area in gaps and gaps[area].accounts_for_max(parts, area_max):
            continue  # the rows not read hold the rest: score_rows_lost says so
        if tangled(questions, area_max) and a_reading_gives_max(questions, area_max):
            continue  # rows read twice or doubtful: a reading of them gives the area max
        if abs(parts - area_max) > TOLERANCE:
            first = questions[0]
            yield AREA_MAX_MISMATCH.finding(
                area=area, year=report_year(extraction), expected=area_max, found=parts,
                page=first.page, line=first.line,
            )  # fmt: skip


QUESTION_MAX_MISMATCH = Rule(
    "question_max_mismatch", Severity.WARNING,
    "Sub-question {question_id}: max points {found} differ from the {edition} edition's {expected}.",
    concerns=("area", "question_id", "year"),
    fires_when="a sub-question's max points differ from the edition's",
)  # fmt: skip


def question_max_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if edition is None:
        return
    for q in extraction.question_scores:
        spec = edition.question(q.question_id)
        if spec and q.max_score is not None and abs(spec.max_score - q.max_score) > TOLERANCE:
            yield QUESTION_MAX_MISMATCH.finding(
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected=spec.max_score, found=q.max_score, page=q.page, line=q.line,
                edition=edition.edition_id,
            )  # fmt: skip


QUESTION_MISSING = Rule(
    "question_missing", Severity.WARNING,
    "Sub-question {question_id} of the {edition} edition is not in the score table.",
    concerns=("area", "question_id", "year"),
    fires_when="a sub-question of the edition is not in the score table (where its row would be: at "
    "the row of its area read before it, else at the area's first row, else where the area is named or "
    "its rows would be)",
    loses_content=True,
)  # fmt: skip


def question_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if edition is None or not extraction.question_scores:
        return
    present = {q.question_id for q in extraction.question_scores}
    for spec in edition.questions:
        if spec.question_id not in present:
            place = _row_place(extraction, spec.area, spec.question_id)
            yield QUESTION_MISSING.finding(
                area=spec.area, question_id=spec.question_id, year=report_year(extraction),
                expected=spec.question_id, found="", page=place.page if place else None,
                line=place.line if place else None, edition=edition.edition_id,
            )  # fmt: skip


def _row_place(extraction: Extraction, area: int, question_id: str) -> Placed | None:
    """Where a sub-question's row not read would be: the row of its area read before it in the
    edition's order, else the area's first row read, else where the area is named, else where its
    rows would be."""
    rows = [q for q in extraction.question_scores if q.area == area]
    before = [q for q in rows if _order(q.question_id) < _order(question_id)]
    if before:
        return max(before, key=lambda q: _order(q.question_id))
    if rows:
        return rows[0]
    return _heading_of(extraction, area) or _after_areas_before(extraction, area)


def _order(question_id: str) -> tuple[int, ...]:
    """A sub-question id as numbers ("6.10" after "6.9"); an id that is not numbers sorts first."""
    parts = question_id.split(".")
    return tuple(int(part) for part in parts) if all(part.isdigit() for part in parts) else ()


AREA_SCORE_TABLE_MISSING = Rule(
    "area_score_table_missing", Severity.WARNING,
    "Area {area} ({expected}): the score table has no row for it; the {edition} edition scores it "
    "by sub-questions.",
    concerns=("area", "year"),
    fires_when="the report has a score table, but not one row of it for an area of the edition (at the "
    "area's heading in the score table, else at its section heading, when one was read; else where its "
    "rows would be, at the last row of the areas before it)",
    loses_content=True,
)  # fmt: skip


def area_score_table_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if edition is None or not extraction.question_scores:
        return  # without any score table, score_table_missing says so once
    scored = {q.area for q in extraction.question_scores}
    for area in edition.areas:
        if area.number in scored:
            continue
        place = _heading_of(extraction, area.number) or _after_areas_before(extraction, area.number)
        yield AREA_SCORE_TABLE_MISSING.finding(
            area=area.number, year=report_year(extraction), expected=area.name, found="",
            page=place.page if place else None, line=place.line if place else None,
            edition=edition.edition_id,
        )  # fmt: skip


def _after_areas_before(extraction: Extraction, area: int) -> QuestionScore | None:
    """Where an area's rows would be in the score table: at the last row of the areas before it,
    else at the first row of the areas after it."""
    rows = extraction.question_scores
    before = [q for q in rows if q.area < area]
    return before[-1] if before else next((q for q in rows if q.area > area), None)


def _heading_of(extraction: Extraction, area: int) -> AreaHeading | None:
    """Where the area is named: its heading in the score table, else its section heading."""
    for context in ("score_table", "section_heading"):
        for heading in extraction.area_headings:
            if heading.area == area and heading.context == context:
                return heading
    return None


QUESTION_UNKNOWN = Rule(
    "question_unknown", Severity.WARNING,
    "Sub-question {question_id} is not part of the {edition} edition.",
    concerns=("area", "question_id", "year"),
    fires_when="the score table has a sub-question the edition does not",
)  # fmt: skip


def question_unknown(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if edition is None or edition.is_partial:
        return
    for q in extraction.question_scores:
        if edition.question(q.question_id) is None:
            yield QUESTION_UNKNOWN.finding(
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                found=q.question_id, page=q.page, line=q.line, edition=edition.edition_id,
            )  # fmt: skip


FRAMEWORK_UNKNOWN = Rule(
    "framework_unknown", Severity.INFO,
    "No edition of the tool shipped with kompass fits the report: none was in use in {when}, and the "
    "area names it prints do not point to one; sub-questions and max points are not checked against an "
    "edition.",
    concerns=("year",),
    fires_when="no edition of the tool shipped with kompass fits the report: none was in use in its year "
    "(or the year is unknown) and its area names do not point to one",
)  # fmt: skip


def framework_unknown(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if edition is None:
        year = report_year(extraction)
        when = str(year) if year else "its year (not found)"
        yield FRAMEWORK_UNKNOWN.finding(year=year, found=str(year) if year else "", when=when)


AREA_NAME_UNKNOWN = Rule(
    "area_name_unknown", Severity.WARNING,
    "The {context} names an area \"{found}\", which matches no wording of {which} in the {edition} "
    "edition.",
    concerns=("area",),
    fires_when="a table or section heading names an area in words that match no wording of that area",
)  # fmt: skip


def area_name_unknown(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if edition is None:
        return
    for heading in extraction.area_headings:
        matched = edition.match_area_name(heading.printed_name)
        if heading.area is not None and matched == heading.area:
            continue
        spec = edition.area(heading.area) if heading.area is not None else None
        yield AREA_NAME_UNKNOWN.finding(
            area=heading.area, expected=spec.name if spec else "", found=heading.printed_name,
            page=heading.page, line=heading.line, context=heading.context.replace("_", " "),
            which=f"area {heading.area}" if spec else "any area", edition=edition.edition_id,
        )  # fmt: skip


EDITION_MAXIMA_UNKNOWN = Rule(
    "edition_maxima_unknown", Severity.INFO,
    "The sub-areas and max points of the {edition} edition are not publicly known: the score table's "
    "max points are taken as printed, and sub-areas and their max points are not checked against the "
    "edition for {year}.",
    concerns=("year",),
    fires_when="the report has a score table but its edition's sub-areas and max points are not known "
    "(a partial edition), so question_missing, question_unknown and question_max_mismatch were not checked",
)  # fmt: skip


def edition_maxima_unknown(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    if edition is not None and edition.is_partial and extraction.question_scores:
        year = report_year(extraction)
        yield EDITION_MAXIMA_UNKNOWN.finding(
            year=year, found=edition.edition_id, edition=edition.edition_id
        )


EDITION_YEAR_MISMATCH = Rule(
    "edition_year_mismatch", Severity.WARNING,
    "The report is dated {year}, when {in_use} was in use, but the area names it prints are those of the "
    "{edition} edition ({years}); it is read by its names.",
    concerns=("year",),
    fires_when="the area names a report prints belong to another edition than the one in use in its year "
    "(the report is read by its names)",
)  # fmt: skip


def edition_year_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    year = report_year(extraction)
    if edition is None or year is None or edition.covers(year):
        return
    in_use = " or ".join(f.edition_id for f in editions_for_year(year)) or "no shipped edition"
    last = edition.last_year if edition.last_year is not None else "today"
    yield EDITION_YEAR_MISMATCH.finding(
        year=year, expected=in_use, found=edition.edition_id, edition=edition.edition_id,
        in_use=in_use, years=f"{edition.first_year}–{last}",
    )  # fmt: skip


CHECKS: tuple[Check, ...] = (
    check(area_max_mismatch, AREA_MAX_MISMATCH),
    check(question_max_mismatch, QUESTION_MAX_MISMATCH),
    check(question_missing, QUESTION_MISSING),
    check(area_score_table_missing, AREA_SCORE_TABLE_MISSING),
    check(question_unknown, QUESTION_UNKNOWN),
    check(framework_unknown, FRAMEWORK_UNKNOWN),
    check(area_name_unknown, AREA_NAME_UNKNOWN),
    check(edition_maxima_unknown, EDITION_MAXIMA_UNKNOWN),
    check(edition_year_mismatch, EDITION_YEAR_MISMATCH),
)
