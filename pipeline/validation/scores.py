"""Rules on the score tables: sub-scores against their max, areas against their sub-questions,
years against their TOTALT, and the tables against the edition of the tool."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from pipeline.framework import Framework
from pipeline.records import AreaScore, Extraction, Finding, QuestionScore, Severity
from pipeline.validation.findings import make_finding

# Sums of half points are exact in binary floating point; this only absorbs printing noise.
TOLERANCE = 1e-6


def report_year(extraction: Extraction) -> int | None:
    """The year the report evaluates: from its dates, else the newest year of its summary table."""
    if extraction.metadata.year is not None:
        return extraction.metadata.year
    years = [score.year for score in extraction.area_scores]
    return max(years) if years else None


def _area_totals(extraction: Extraction, year: int) -> dict[int, AreaScore]:
    return {score.area: score for score in extraction.area_scores if score.year == year}


def _by_area(questions: tuple[QuestionScore, ...]) -> dict[int, list[QuestionScore]]:
    grouped: dict[int, list[QuestionScore]] = defaultdict(list)
    for question in questions:
        grouped[question.area].append(question)
    return dict(sorted(grouped.items()))


def score_exceeds_max(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    for q in extraction.question_scores:
        if q.score is not None and q.max_score is not None and q.score > q.max_score + TOLERANCE:
            yield make_finding(
                "score_exceeds_max", Severity.ERROR,
                "Sub-question {question_id}: own points {found} exceed its max points {expected}.",
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected=q.max_score, found=q.score, page=q.page, line=q.line,
            )  # fmt: skip


def score_negative(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    for q in extraction.question_scores:
        for label, value in (("own", q.score), ("max", q.max_score)):
            if value is not None and value < 0:
                yield make_finding(
                    "score_negative", Severity.ERROR,
                    "Sub-question {question_id}: {label} points {found} are negative.",
                    area=q.area, question_id=q.question_id, year=report_year(extraction),
                    expected="0 or more", found=value, page=q.page, line=q.line, label=label,
                )  # fmt: skip


def score_not_half_point(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    for q in extraction.question_scores:
        if q.score is not None and abs(q.score * 2 - round(q.score * 2)) > TOLERANCE:
            yield make_finding(
                "score_not_half_point", Severity.WARNING,
                "Sub-question {question_id}: own points {found} are not a whole or half point.",
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected="a multiple of 0.5", found=q.score, page=q.page, line=q.line,
            )  # fmt: skip


def score_missing(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    for q in extraction.question_scores:
        for label, value in (("own", q.score), ("max", q.max_score)):
            if value is None:
                yield make_finding(
                    "score_missing", Severity.WARNING,
                    "Sub-question {question_id}: the {label} points cell is empty.",
                    area=q.area, question_id=q.question_id, year=report_year(extraction),
                    found="", page=q.page, line=q.line, label=label,
                )  # fmt: skip


def area_sum_mismatch(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    year = report_year(extraction)
    if year is None:
        return
    totals = _area_totals(extraction, year)
    for area, questions in _by_area(extraction.question_scores).items():
        total = totals.get(area)
        if total is None or total.score is None or any(q.score is None for q in questions):
            continue
        parts = sum(q.score for q in questions if q.score is not None)
        if abs(parts - total.score) > TOLERANCE:
            yield make_finding(
                "area_sum_mismatch", Severity.ERROR,
                "Area {area}: its sub-questions sum to {expected} but the summary table gives {found} "
                "for {year}.",
                area=area, year=year, expected=parts, found=total.score, page=total.page, line=total.line,
            )  # fmt: skip


def total_mismatch(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    for total in extraction.year_totals:
        scores = [s for s in extraction.area_scores if s.year == total.year]
        if total.total is None or not scores or any(s.score is None for s in scores):
            continue
        parts = sum(s.score for s in scores if s.score is not None)
        if abs(parts - total.total) > TOLERANCE:
            yield make_finding(
                "total_mismatch", Severity.ERROR,
                "{year}: the area totals sum to {expected} but TOTALT says {found}.",
                year=total.year, expected=parts, found=total.total, page=total.page, line=total.line,
            )  # fmt: skip


def area_max_mismatch(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    area_max = framework.area_max if framework else 100.0
    for area, questions in _by_area(extraction.question_scores).items():
        if any(q.max_score is None for q in questions):
            continue
        if framework and {q.question_id for q in questions} != {
            spec.question_id for spec in framework.questions_in(area)
        }:
            continue  # missing or unknown sub-questions are reported on their own
        parts = sum(q.max_score for q in questions if q.max_score is not None)
        if abs(parts - area_max) > TOLERANCE:
            first = questions[0]
            yield make_finding(
                "area_max_mismatch", Severity.ERROR,
                "Area {area}: the max points of its sub-questions sum to {found}, not {expected}.",
                area=area, year=report_year(extraction), expected=area_max, found=parts,
                page=first.page, line=first.line,
            )  # fmt: skip


def question_max_mismatch(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    if framework is None:
        return
    for q in extraction.question_scores:
        spec = framework.question(q.question_id)
        if spec and q.max_score is not None and abs(spec.max_score - q.max_score) > TOLERANCE:
            yield make_finding(
                "question_max_mismatch", Severity.WARNING,
                "Sub-question {question_id}: max points {found} differ from the {framework} edition's "
                "{expected}.",
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected=spec.max_score, found=q.max_score, page=q.page, line=q.line,
                framework=framework.framework_id,
            )  # fmt: skip


def question_missing(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    if framework is None or not extraction.question_scores:
        return
    present = {q.question_id for q in extraction.question_scores}
    for spec in framework.questions:
        if spec.question_id not in present:
            yield make_finding(
                "question_missing", Severity.WARNING,
                "Sub-question {question_id} of the {framework} edition is not in the score table.",
                area=spec.area, question_id=spec.question_id, year=report_year(extraction),
                expected=spec.question_id, found="", framework=framework.framework_id,
            )  # fmt: skip


def question_unknown(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    if framework is None:
        return
    for q in extraction.question_scores:
        if framework.question(q.question_id) is None:
            yield make_finding(
                "question_unknown", Severity.WARNING,
                "Sub-question {question_id} is not part of the {framework} edition.",
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                found=q.question_id, page=q.page, line=q.line, framework=framework.framework_id,
            )  # fmt: skip


def question_duplicated(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    counts = Counter(q.question_id for q in extraction.question_scores)
    seen: set[str] = set()
    for q in extraction.question_scores:
        if counts[q.question_id] > 1 and q.question_id in seen:
            yield make_finding(
                "question_duplicated", Severity.WARNING,
                "Sub-question {question_id} appears {count} times in the score table.",
                area=q.area, question_id=q.question_id, year=report_year(extraction),
                expected="1", found=str(counts[q.question_id]), page=q.page, line=q.line,
                count=counts[q.question_id],
            )  # fmt: skip
        seen.add(q.question_id)


def area_total_missing(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    year = report_year(extraction)
    if year is None or not extraction.area_scores:
        return
    totals = _area_totals(extraction, year)
    areas = (
        [a.number for a in framework.areas] if framework else sorted({s.area for s in extraction.area_scores})
    )
    if not totals:
        yield make_finding(
            "report_year_not_in_summary", Severity.WARNING,
            "The summary table has no column for the report year {year}.",
            year=year, expected=str(year), found=", ".join(str(y) for y in _years(extraction)),
        )  # fmt: skip
        return
    for area in areas:
        if area not in totals or totals[area].score is None:
            yield make_finding(
                "area_total_missing", Severity.WARNING,
                "Area {area}: the summary table gives no total for {year}.",
                area=area, year=year, found="",
            )  # fmt: skip


def _years(extraction: Extraction) -> list[int]:
    return sorted({s.year for s in extraction.area_scores})


def tables_missing(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    if not extraction.area_scores:
        yield make_finding(
            "summary_table_missing",
            Severity.WARNING,
            "No summary table (area totals per year) was found in the report.",
        )
    if not extraction.question_scores:
        yield make_finding(
            "score_table_missing",
            Severity.WARNING,
            "No detailed score table (sub-questions with max and own points) was found in the report.",
        )


def framework_unknown(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    if framework is None:
        year = report_year(extraction)
        yield make_finding(
            "framework_unknown", Severity.INFO,
            "No edition of the tool shipped with kompass covers {year}; sub-questions and max points "
            "are not checked against an edition.",
            year=year, found=str(year) if year else "",
        )  # fmt: skip


def area_name_unknown(extraction: Extraction, framework: Framework | None) -> Iterator[Finding]:
    if framework is None:
        return
    for heading in extraction.area_headings:
        matched = framework.match_area_name(heading.printed_name)
        if heading.area is not None and matched == heading.area:
            continue
        spec = framework.area(heading.area) if heading.area is not None else None
        yield make_finding(
            "area_name_unknown", Severity.WARNING,
            "The {context} names an area \"{found}\", which matches no wording of {which} in the "
            "{framework} edition.",
            area=heading.area, expected=spec.name if spec else "", found=heading.printed_name,
            page=heading.page, line=heading.line, context=heading.context.replace("_", " "),
            which=f"area {heading.area}" if spec else "any area", framework=framework.framework_id,
        )  # fmt: skip


RULES = (
    score_exceeds_max,
    score_negative,
    score_not_half_point,
    score_missing,
    area_sum_mismatch,
    total_mismatch,
    area_max_mismatch,
    question_max_mismatch,
    question_missing,
    question_unknown,
    question_duplicated,
    area_total_missing,
    tables_missing,
    framework_unknown,
    area_name_unknown,
)
