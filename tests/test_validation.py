from __future__ import annotations

import dataclasses

import pytest

from pipeline.editions.edition import edition_by_id, editions_for_year
from pipeline.model.records import (
    AreaHeading,
    AreaScore,
    Claim,
    Extraction,
    Observation,
    QuestionScore,
    Severity,
    YearTotal,
)
from pipeline.validation import edition, narrative, scores, validate

FRAMEWORK = edition_by_id("kk2002-rev2007")


def _errors(
    extraction: Extraction,
) -> list[tuple[str, int | None, str | None, int | None, str | None, str | None]]:
    return [
        (f.rule, f.area, f.question_id, f.year, f.expected, f.found)
        for f in validate(extraction, FRAMEWORK)
        if f.severity is Severity.ERROR
    ]


def test_umea_has_exactly_the_four_printed_errors(umea: Extraction) -> None:
    assert sorted(_errors(umea)) == sorted(
        [
            ("score_exceeds_max", 7, "7.1", 2007, "20", "25"),
            ("area_sum_mismatch", 5, None, 2007, "78", "79"),
            ("area_sum_mismatch", 7, None, 2007, "85", "75"),
            ("total_mismatch", None, None, 2003, "497.5", "497"),
        ]
    )


def test_umea_findings_say_where(umea: Extraction) -> None:
    where = {(f.rule, f.area, f.year): f.line for f in umea.findings if f.severity is Severity.ERROR}
    assert where[("score_exceeds_max", 7, 2007)] == 687
    assert where[("area_sum_mismatch", 5, 2007)] == 103
    assert where[("total_mismatch", None, 2003)] == 107


def test_umea_score_rules_raise_no_warnings(umea: Extraction) -> None:
    checks = scores.CHECKS + edition.CHECKS
    assert [f for f in validate(umea, FRAMEWORK, checks) if f.severity is not Severity.ERROR] == []


def _question(qid: str, max_score: float | None, score: float | None) -> QuestionScore:
    return QuestionScore(int(qid.split(".")[0]), qid, "?", max_score, score, None, 1)


def test_score_exceeds_max_message() -> None:
    extraction = Extraction(question_scores=(_question("7.1", 20, 25),))
    (finding,) = scores.score_exceeds_max(extraction, FRAMEWORK)
    assert finding.message == "Sub-question 7.1: own points 25 exceed its max points 20."


@pytest.mark.parametrize(("score", "fires"), [(20, False), (20.5, True), (19.5, False)])
def test_score_exceeds_max_boundary(score: float, fires: bool) -> None:
    extraction = Extraction(question_scores=(_question("8.2", 20, score),))
    assert bool(list(scores.score_exceeds_max(extraction, FRAMEWORK))) is fires


def test_area_sum_uses_report_year_column() -> None:
    extraction = Extraction(
        question_scores=(_question("5.1", 40, 32), _question("5.2", 20, 12)),
        area_scores=(
            AreaScore(5, "Kontroll", 2005, 44, None, 3),
            AreaScore(5, "Kontroll", 2007, 45, None, 3),
        ),
    )
    # Without the edition: under it, 5.3 and 5.4 would be rows lost that can account for the point.
    (finding,) = scores.area_sum_mismatch(extraction, None)
    assert (finding.year, finding.expected, finding.found) == (2007, "44", "45")


def test_total_mismatch_needs_every_area_score() -> None:
    partial = Extraction(
        area_scores=(AreaScore(1, "x", 2003, 10, None, 1), AreaScore(2, "y", 2003, None, None, 2)),
        year_totals=(YearTotal(2003, 12, None, 3),),
    )
    # Without an edition: under it, the areas not read would account for TOTALT's two points more.
    assert list(scores.total_mismatch(partial, None)) == []
    complete = dataclasses.replace(partial, area_scores=(AreaScore(1, "x", 2003, 10, None, 1),))
    assert [f.found for f in scores.total_mismatch(complete, None)] == ["12"]


def test_area_max_not_100(umea: Extraction) -> None:
    altered = tuple(
        dataclasses.replace(q, max_score=30) if q.question_id == "8.4" else q for q in umea.question_scores
    )
    findings = validate(dataclasses.replace(umea, question_scores=altered), FRAMEWORK)
    rules = {(f.rule, f.area, f.expected, f.found) for f in findings}
    assert ("area_max_mismatch", 8, "100", "110") in rules
    assert ("question_max_mismatch", 8, "20", "30") in rules


def test_missing_and_unknown_questions(umea: Extraction) -> None:
    kept = tuple(q for q in umea.question_scores if q.question_id != "6.6")
    extra = (*kept, _question("6.7", 10, 7))
    findings = validate(dataclasses.replace(umea, question_scores=extra), FRAMEWORK)
    assert {
        (f.rule, f.question_id, f.severity)
        for f in findings
        if f.rule in {"question_missing", "question_unknown"}
    } == {
        ("question_missing", "6.6", Severity.WARNING),
        ("question_unknown", "6.7", Severity.WARNING),
    }


def test_unknown_area_name_is_reported() -> None:
    extraction = Extraction(
        area_headings=(
            AreaHeading(2, "Tillgänglighet/medborgar- och brukarorientering", "summary_table", None, 100),
            AreaHeading(3, "Ekonomisk hushållning", "summary_table", None, 101),
        )
    )
    (finding,) = edition.area_name_unknown(extraction, FRAMEWORK)
    assert (finding.area, finding.found, finding.line) == (3, "Ekonomisk hushållning", 101)


def test_no_framework_for_year_is_said() -> None:
    extraction = Extraction(metadata=dataclasses.replace(Extraction().metadata, year=1999))
    assert editions_for_year(1999) == ()
    assert [f.rule for f in validate(extraction, None) if f.rule == "framework_unknown"] == [
        "framework_unknown"
    ]


def test_half_points_only() -> None:
    extraction = Extraction(question_scores=(_question("1.1", 40, 28.25), _question("1.2", 40, 28.5)))
    assert [f.question_id for f in scores.score_not_half_point(extraction, FRAMEWORK)] == ["1.1"]


def test_negative_max_points_say_max() -> None:
    extraction = Extraction(question_scores=(_question("8.4", -20, 5),))
    (finding,) = scores.score_negative(extraction, FRAMEWORK)
    assert finding.message == "Sub-question 8.4: max points -20 are negative."


def _area(area: int, maxima: list[float | None]) -> list[QuestionScore]:
    return [_question(f"{area}.{n}", m, 0) for n, m in enumerate(maxima, start=1)]


def test_area_max_without_an_edition_is_100_and_an_incomplete_area_does_not_stop_the_next() -> None:
    extraction = Extraction(question_scores=(*_area(1, [40, None]), *_area(2, [60, 50])))
    findings = list(edition.area_max_mismatch(extraction, None))
    assert [(f.area, f.expected, f.found) for f in findings] == [(2, "100", "110")]


def test_area_max_follows_the_edition() -> None:
    assert FRAMEWORK is not None
    doubled = dataclasses.replace(FRAMEWORK, area_max=200.0)
    extraction = Extraction(question_scores=(*_area(1, [40, 40, 20]), *_area(2, [10, 20, 20, 20, 10, 20])))
    assert [(f.area, f.expected) for f in edition.area_max_mismatch(extraction, doubled)] == [
        (1, "200"), (2, "200"),
    ]  # fmt: skip


def test_area_max_is_checked_under_a_partial_edition_and_an_unknown_area_does_not_stop_it() -> None:
    partial = edition_by_id("kk2002")
    assert partial is not None and partial.is_partial
    extraction = Extraction(question_scores=(*_area(1, [40, 40, 20]), *_area(2, [50, 40])))
    assert [(f.area, f.found) for f in edition.area_max_mismatch(extraction, partial)] == [(2, "90")]
    complete = Extraction(question_scores=(*_area(1, [40, 40]), *_area(2, [10, 20, 20, 20, 10, 30])))
    assert [f.area for f in edition.area_max_mismatch(complete, FRAMEWORK)] == [2]


def test_framework_unknown_without_a_year() -> None:
    (finding,) = edition.framework_unknown(Extraction(), None)
    assert (finding.year, finding.found) == (None, "")
    # editions' wording (merged after this test was written): no "covers None" for an unknown year
    assert finding.message.startswith(
        "No edition of the tool shipped with kompass fits the report: none was in use in its year (not found)"
    )


@pytest.mark.parametrize(
    ("year", "edition_id", "in_use", "years"),
    [
        (2010, "kk2002", "kk2002-rev2007 or kk2010", "2002–2006"),
        (1999, "kk2002-rev2007", "no shipped edition", "2007–2010"),
        (2012, "kk2020", "kk2010", "2020–today"),
    ],
)
def test_edition_year_mismatch_names_the_editions_in_use(
    year: int, edition_id: str, in_use: str, years: str
) -> None:
    extraction = Extraction(metadata=dataclasses.replace(Extraction().metadata, year=year))
    (finding,) = edition.edition_year_mismatch(extraction, edition_by_id(edition_id))
    assert finding.expected == in_use
    assert f"when {in_use} was in use" in finding.message
    assert f"the {edition_id} edition ({years})" in finding.message


@pytest.mark.parametrize(("values", "slack"), [([10.0, 20.0, 30.0], 1.5), ([10.0, 20.5], 0.0), ([7.0], 0.5)])
def test_rounding_slack_only_for_whole_numbers(values: list[float], slack: float) -> None:
    assert scores.rounding_slack(values) == slack


def test_zero_points_are_not_negative_and_an_empty_own_cell_says_own() -> None:
    extraction = Extraction(question_scores=(_question("8.4", 20, 0), _question("8.3", 20, None)))
    assert list(scores.score_negative(extraction, FRAMEWORK)) == []
    (finding,) = scores.score_missing(extraction, FRAMEWORK)
    assert finding.message == "Sub-question 8.3: the own points cell is empty."


def _totals(year: int, *area_totals: float | None) -> tuple[AreaScore, ...]:
    return tuple(AreaScore(area, "x", year, total, None, area) for area, total in enumerate(area_totals, 1))


def test_area_sums_skip_an_area_with_an_empty_cell_and_go_on() -> None:
    extraction = Extraction(
        question_scores=(_question("1.1", 40, None), _question("1.2", 40, 30), _question("2.1", 40, 30)),
        area_scores=_totals(2007, 50, 20),
    )
    assert [(f.area, f.expected) for f in scores.area_sum_mismatch(extraction, FRAMEWORK)] == [(2, "30")]


def test_totals_skip_an_empty_totalt_and_go_on_and_rounding_reaches_half_a_point_per_area() -> None:
    extraction = Extraction(
        area_scores=(*_totals(2003, 10, 20), *_totals(2005, 10, 20), *_totals(2007, 10, 20)),
        year_totals=(YearTotal(2003, None), YearTotal(2005, 30), YearTotal(2007, 31)),
    )
    # Two areas, without an edition that has eight (whose six not read would account for the rest).
    assert [(f.rule, f.year) for f in scores.total_mismatch(extraction, None)] == [
        ("total_rounding_difference", 2007)
    ]
    off_by_two = dataclasses.replace(extraction, year_totals=(YearTotal(2007, 32),))
    assert [f.rule for f in scores.total_mismatch(off_by_two, None)] == ["total_mismatch"]


def test_area_totals_missing_follow_the_edition_and_need_a_summary_table() -> None:
    dated = dataclasses.replace(Extraction().metadata, year=2007)
    assert list(scores.area_total_missing(Extraction(metadata=dated), FRAMEWORK)) == []
    extraction = Extraction(metadata=dated, area_scores=_totals(2007, 50, 60))
    assert [f.area for f in scores.area_total_missing(extraction, FRAMEWORK)] == [3, 4, 5, 6, 7, 8]


def test_a_heading_mapped_to_no_area_matches_no_wording_of_any_area() -> None:
    heading = AreaHeading(None, "Ekonomisk hushållning", "summary_table", None, 99)
    extraction = Extraction(area_headings=(heading,))
    (finding,) = edition.area_name_unknown(extraction, FRAMEWORK)
    assert (finding.area, finding.expected) == (None, "")
    assert finding.message == (
        'The summary table names an area "Ekonomisk hushållning", which matches no wording of any area in '
        "the kk2002-rev2007 edition."
    )


def _score_table(without: set[str], headings: tuple[AreaHeading, ...] = ()) -> Extraction:
    """The edition's score table, one row a line from line 100 in the edition's order, without the
    sub-questions ``without``."""
    rows = tuple(
        QuestionScore(spec.area, spec.question_id, "?", spec.max_score, 0, None, 100 + n)
        for n, spec in enumerate(FRAMEWORK.questions)
        if spec.question_id not in without
    )
    return Extraction(question_scores=rows, area_headings=headings)


def _line_of(question_id: str) -> int:
    return 100 + [spec.question_id for spec in FRAMEWORK.questions].index(question_id)


@pytest.mark.parametrize(
    ("lost", "after"),
    [("6.6", "6.5"), ("6.3", "6.2"), ("6.1", "6.2")],  # the row before it, else the area's first row
)
def test_a_sub_question_not_read_is_reported_where_its_row_would_be(lost: str, after: str) -> None:
    (finding,) = edition.question_missing(_score_table({lost}), FRAMEWORK)
    assert (finding.rule, finding.question_id, finding.line) == ("question_missing", lost, _line_of(after))


def test_an_area_not_read_is_reported_at_its_heading_else_after_the_areas_before_it() -> None:
    area_6 = {spec.question_id for spec in FRAMEWORK.questions_in(6)}
    last_of_5 = _line_of(FRAMEWORK.questions_in(5)[-1].question_id)
    findings = [*edition.area_score_table_missing(_score_table(area_6), FRAMEWORK)]
    findings += edition.question_missing(_score_table(area_6), FRAMEWORK)
    assert {(f.rule, f.area, f.line) for f in findings} == {
        ("area_score_table_missing", 6, last_of_5), ("question_missing", 6, last_of_5)
    }  # fmt: skip
    heading = AreaHeading(6, "Personalpolitik", "score_table", 3, 250)
    (finding,) = edition.area_score_table_missing(_score_table(area_6, (heading,)), FRAMEWORK)
    assert (finding.page, finding.line) == (3, 250)
    assert {
        (f.page, f.line) for f in edition.question_missing(_score_table(area_6, (heading,)), FRAMEWORK)
    } == {(3, 250)}


def _sections(*areas: int) -> tuple[AreaHeading, ...]:
    return tuple(AreaHeading(area, "?", "section_heading", 2, 10 * area) for area in areas)


def test_a_section_without_a_list_others_have_is_reported_at_its_heading() -> None:
    # Fuzz seed 60003 (two-column prose in a `pdftotext -layout` export): sections read whose
    # strengths were not; a report that lists none anywhere shows no loss.
    listed = (
        Observation(1, "strength", 1, "Aktivt arbete med medborgardialog", 2, 12),
        Observation(1, "improvement", 1, "Samla resultatredovisningen", 2, 14),
        Observation(2, "improvement", 1, "Premiera gott bemötande", 2, 24),
    )
    extraction = Extraction(area_headings=_sections(1, 2, 3), observations=listed)
    assert [
        (f.area, f.page, f.line, f.message) for f in narrative.observations_missing(extraction, None)
    ] == [
        (2, 2, 20, "Area 2: no strengths of its section were read, while other area sections list theirs."),
        (3, 2, 30, "Area 3: no strengths of its section were read, while other area sections list theirs."),
        (
            3,
            2,
            30,
            "Area 3: no improvement areas of its section were read, while other area sections list theirs.",
        ),
    ]
    assert list(narrative.observations_missing(Extraction(area_headings=_sections(1, 2, 3)), None)) == []


def test_a_section_without_the_claim_others_state_is_reported_at_its_heading() -> None:
    # Fuzz seed 240003 (a grey scan): "uppnår kommunen 70;5 poäng", its comma read as a semicolon,
    # claims nothing kompass reads; a report that claims no score anywhere shows no loss.
    claims = tuple(
        Claim(area, 70.0, None, None, "… uppnår kommunen 70 poäng.", 2, 10 * area + 2) for area in (1, 3)
    )
    extraction = Extraction(area_headings=_sections(1, 2, 3), claims=claims)
    assert [(f.rule, f.area, f.page, f.line) for f in narrative.claim_missing(extraction, None)] == [
        ("claim_missing", 2, 2, 20)
    ]
    assert list(narrative.claim_missing(Extraction(area_headings=_sections(1, 2, 3)), None)) == []


@pytest.mark.parametrize(("read", "missing", "line"), [((1, 2, 4), 3, 20), ((2, 3, 4), 1, 20)])
def test_an_area_section_not_read_is_reported_where_it_would_be(
    read: tuple[int, ...], missing: int, line: int
) -> None:
    # At the heading of the section read before it, else at the first one read after it.
    findings = narrative.area_section_missing(Extraction(area_headings=_sections(*read)), FRAMEWORK)
    assert [(f.area, f.line) for f in findings if f.area == missing] == [(missing, line)]
