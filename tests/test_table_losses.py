"""Rows and totals of the tables the edition expects that were not read are said at their place, and
the sums over them are then not reported as the report's arithmetic errors; a wrong sum printed over
rows that were all read still is (``pipeline/validation/row_gaps.py``, ``scores.py``)."""

from __future__ import annotations

import dataclasses

from pipeline.editions.edition import edition_by_id
from pipeline.model.records import (
    AreaScore,
    AreaSubtotal,
    Extraction,
    Finding,
    ListedQuestion,
    Metadata,
    QuestionScore,
    UnreadHeader,
    YearTotal,
)
from pipeline.run.process import extract
from pipeline.validation import validate
from tests.conftest import doc_from

YEAR = 2014
KK2010 = edition_by_id("kk2010")  # its sub-areas are not known: only the ids and sums tell a loss


def _rows(area: int, rows: list[tuple[int, float, float]], first_line: int = 10) -> tuple[QuestionScore, ...]:
    """Score table rows of ``area``: (sub-question number, max points, own points), a line each."""
    return tuple(
        QuestionScore(area, qid, f"Delområde {sub}", top, own, None, first_line + i, qid)
        for i, (sub, top, own) in enumerate(rows)
        for qid in (f"{area}.{sub}",)
    )


def _report(
    rows: tuple[QuestionScore, ...], total: float | None = None, summa: AreaSubtotal | None = None
) -> Extraction:
    totals = (AreaScore(rows[0].area, "Område", YEAR, total, None, 3),) if total is not None else ()
    return Extraction(
        metadata=Metadata(year=YEAR), edition="kk2010", question_scores=rows, area_scores=totals,
        area_subtotals=(summa,) if summa else (),
    )  # fmt: skip


def _rules(extraction: Extraction, edition: object = KK2010) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for finding in validate(extraction, edition):  # type: ignore[arg-type]
        found.setdefault(finding.rule, []).append(finding)
    return found


def test_ids_that_skip_a_number_are_rows_lost_at_the_row_before() -> None:
    # Fuzz seed 2101 (a 2020 report as `pdftotext -raw`): of area 3 only 3.2 was read.
    found = _rules(_report(_rows(3, [(1, 20, 14), (2, 20, 11), (4, 20, 12)]), total=61))
    (lost,) = found["score_rows_lost"]
    assert (lost.area, lost.line, lost.expected, lost.found) == (3, 11, "3.3", "60")
    assert lost.message == (
        "Area 3: sub-question 3.3 of its score table not read: the ids read skip it, and the max points "
        "read sum to 60, short of the area's 100."
    )
    # 61 - 37 = 24 own points are within the 40 max points not read: not the report's error.
    assert "area_sum_mismatch" not in found
    assert "area_max_mismatch" not in found


def test_rows_lost_before_the_first_read_are_at_the_first_row() -> None:
    found = _rules(_report(_rows(4, [(6, 20, 9)], first_line=20), total=46.5))
    (lost,) = found["score_rows_lost"]
    assert (lost.line, lost.expected) == (20, "4.1, 4.2, 4.3, 4.4, 4.5")


def test_a_total_the_rows_not_read_cannot_make_up_is_still_an_error() -> None:
    # The rows read already sum to 37; a total of 30 is wrong whatever the lost row holds.
    found = _rules(_report(_rows(3, [(1, 20, 14), (2, 20, 11), (4, 20, 12)]), total=30))
    assert [f.found for f in found["area_sum_mismatch"]] == ["30"]
    assert len(found["score_rows_lost"]) == 1
    # Nor more than the lost row's 40 max points above what was read.
    found = _rules(_report(_rows(3, [(1, 20, 14), (2, 20, 11), (4, 20, 12)]), total=80))
    assert [f.found for f in found["area_sum_mismatch"]] == ["80"]


def test_ids_that_skip_while_the_max_points_are_whole_are_numbering() -> None:
    found = _rules(_report(_rows(3, [(1, 40, 30), (2, 30, 20), (4, 30, 20)]), total=74))
    assert "score_rows_lost" not in found
    # The planted wrong sum (70 read, 74 printed) is the report's error, as it was.
    assert [(f.expected, f.found) for f in found["area_sum_mismatch"]] == [("70", "74")]


def test_a_wrong_sum_over_rows_all_read_is_not_a_loss() -> None:
    rows = _rows(5, [(1, 20, 10), (2, 20, 15), (3, 20, 12), (4, 20, 11), (5, 20, 12)])
    found = _rules(_report(rows, total=64, summa=AreaSubtotal(5, 100.0, 64.0, None, 16)))
    assert "score_rows_lost" not in found
    assert "subtotal_max_mismatch" not in found
    assert sorted(f.line for f in found["area_sum_mismatch"]) == [3, 16]


def test_max_points_short_of_a_summa_row_of_the_area_max_are_rows_lost_after_the_last() -> None:
    # A table continued on the next page, its last rows lost and its Summa row read.
    rows = _rows(2, [(1, 20, 10), (2, 30, 15), (3, 10, 5)])
    found = _rules(_report(rows, total=70, summa=AreaSubtotal(2, 100.0, 70.0, None, 30)))
    (lost,) = found["score_rows_lost"]
    assert (lost.line, lost.expected, lost.found) == (30, "rows after 2.3", "60")
    assert lost.message == (
        "Area 2: the rows after 2.3 of its score table not read: the max points read sum to 60, short of "
        "its Summa row's 100."
    )
    assert not {"area_sum_mismatch", "area_max_mismatch", "subtotal_max_mismatch"} & set(found)


def test_max_points_read_against_the_summa_row() -> None:
    # A row of another table read into the score table: more max points than the Summa row gives.
    rows = _rows(8, [(1, 20, 10), (2, 20, 15), (3, 20, 12), (4, 20, 11), (5, 20, 12), (6, 40, 30)])
    found = _rules(_report(rows, summa=AreaSubtotal(8, 100.0, 90.0, None, 17)))
    (mismatch,) = found["subtotal_max_mismatch"]
    assert (mismatch.line, mismatch.expected, mismatch.found) == (17, "140", "100")
    assert "score_rows_lost" not in found
    # A Summa row whose max is not the area's and rows that are whole: the Summa row is misprinted.
    rows = _rows(8, [(1, 20, 10), (2, 20, 15), (3, 20, 12), (4, 20, 11), (5, 20, 12)])
    found = _rules(_report(rows, summa=AreaSubtotal(8, 90.0, 60.0, None, 16)))
    assert [(f.expected, f.found) for f in found["subtotal_max_mismatch"]] == [("100", "90")]
    assert "score_rows_lost" not in found


def test_sub_questions_the_edition_lists_are_rows_lost() -> None:
    # Fuzz seed 2103 (a 2008 report as `pdftotext -raw`): rows ending in "." not read. The three
    # rows read give 30 of their 60 max points; the 40 max points of 7.2 and 7.4 hold the other 30.
    edition = edition_by_id("kk2002-rev2007")
    assert edition is not None
    specs = edition.questions_in(7)
    rows = tuple(
        QuestionScore(7, s.question_id, s.text, s.max_score, s.max_score / 2, None, 40 + i, s.question_id)
        for i, s in enumerate(specs)
        if s.question_id not in ("7.2", "7.4")
    )
    extraction = Extraction(
        metadata=Metadata(year=2008), edition=edition.edition_id, question_scores=rows,
        area_scores=(AreaScore(7, "Verksamhetsutveckling", 2008, 60.0, None, 3),),
    )  # fmt: skip
    found = _rules(extraction, edition)
    (lost,) = found["score_rows_lost"]
    assert (lost.line, lost.expected) == (40, "7.2, 7.4")
    assert "the kk2002-rev2007 edition lists them" in lost.message
    assert "area_sum_mismatch" not in found


def test_an_area_total_not_read_is_not_a_totalt_error() -> None:
    scores = tuple(AreaScore(a, "Område", YEAR, 60.0, None, 2 + a) for a in range(1, 9) if a != 3)
    extraction = Extraction(
        metadata=Metadata(year=YEAR), edition="kk2010", area_scores=scores,
        year_totals=(YearTotal(YEAR, 480.0, None, 11),),
    )  # fmt: skip
    found = _rules(extraction)
    (missing,) = found["area_total_missing"]
    assert (missing.area, missing.line) == (3, 4)  # at area 2's row
    assert "total_mismatch" not in found
    # A TOTALT the missing area cannot account for (below the areas read) is still an error.
    wrong = Extraction(
        metadata=Metadata(year=YEAR), edition="kk2010", area_scores=scores,
        year_totals=(YearTotal(YEAR, 400.0, None, 11),),
    )  # fmt: skip
    assert [f.found for f in _rules(wrong)["total_mismatch"]] == ["400"]


# Fuzz seed 2107 (a 2009 report as `pdftotext -layout`): the TOTALT row on the next page under its
# repeated header, its two values one space apart (once read as one number, so that 2007's total
# was missing and said so at the row).
SPLIT_SUMMARY = """\
Sammanfattning av poäng

                                                         Poäng
Huvudområde                                           2007 2009
1 Offentlighet och demokratisk kontroll               64    46
2 Tillgänglighet och brukarorientering                42    45,5
3 Tydlighet i samspelet mellan politiker och tjänstemän  64     66
4 Ledning, decentralisering och delegering            69,5   68
5 Kontroll och rapportering                           60     53
6 Personalpolitik                                     44,5   71,5
7 Verksamhetsutveckling                               76,5   61,5
8 Samhällsbyggnad                                     68,5   61
                                                                Poäng
Huvudområde                                                   2007 2009
TOTALT                                                        489 472,5
"""


def test_a_totalt_row_with_its_two_values_one_space_apart_gives_both_years() -> None:
    extraction = extract(doc_from(SPLIT_SUMMARY))
    assert [(t.year, t.total, t.line) for t in extraction.year_totals] == [(2007, 489, 15), (2009, 472.5, 15)]
    assert "year_total_missing" not in _rules(extraction, edition_by_id(extraction.edition))


def test_a_summary_table_none_of_whose_rows_was_read_is_missing_where_it_was_seen() -> None:
    # Fuzz seed 23 (a 2016 report as a PDF): the summary table's header was seen, no row read.
    header = UnreadHeader("summary_table", "", "not read | not read", 2, 12)
    seen = Extraction(metadata=Metadata(year=YEAR), edition="kk2010", unread_headers=(header,))
    (missing,) = _rules(seen)["summary_table_missing"]
    assert (missing.page, missing.line) == (2, 12)
    (nowhere,) = _rules(Extraction(metadata=Metadata(year=YEAR), edition="kk2010"))["summary_table_missing"]
    assert (nowhere.page, nowhere.line) == (None, None)


def test_max_and_own_points_both_short_are_rows_lost_after_the_last() -> None:
    # Fuzz seed 180111 (a 2002 report as `pdftotext -layout`): the table's last two rows lost at the
    # page's end, no Summa row; 60 max points read and 55 of the summary's 77.5 own points.
    found = _rules(_report(_rows(8, [(1, 40, 39), (2, 20, 16)]), total=77.5))
    (lost,) = found["score_rows_lost"]
    assert (lost.line, lost.expected) == (11, "rows after 8.2")
    assert lost.message.endswith(
        "the max points read sum to 60, short of the area's 100, and the own points read fall short of the "
        "summary table's total by no more."
    )
    assert "area_max_mismatch" not in found
    # The own points' shortfall is the evidence, and a misprinted summary total would look the same:
    # the sum is still reported.
    assert [f.found for f in found["area_sum_mismatch"]] == ["77.5"]
    # Own points read above the summary's total: the max points alone say nothing was lost.
    found = _rules(_report(_rows(8, [(1, 40, 39), (2, 20, 16)]), total=50))
    assert "score_rows_lost" not in found
    assert [f.rule for f in found["area_sum_mismatch"] + found["area_max_mismatch"]] == [
        "area_sum_mismatch", "area_max_mismatch"
    ]  # fmt: skip


def test_values_no_sub_question_can_have_are_doubtful_not_an_error() -> None:
    # Fuzz seed 180127: a layout export's row run into the other column's ("2.4 Synpunktshantering
    # 15 20   8.3   32 40"), read as max 8.3, own 20; and a year read as own points (2022).
    rows = _rows(2, [(1, 20, 12), (2, 20, 8), (3, 20, 15), (4, 8.3, 20), (5, 20, 10)])
    found = _rules(_report(rows, total=60, summa=AreaSubtotal(2, 100.0, 60.0, None, 16)))
    (doubtful,) = found["score_values_doubtful"]
    assert (doubtful.question_id, doubtful.line) == ("2.4", 13)
    assert (doubtful.expected, doubtful.found) == ("8.3", "20")
    assert "max points 8.3 are not a whole or half point" in doubtful.message
    for rule in ("score_exceeds_max", "area_sum_mismatch", "area_max_mismatch"):
        assert rule not in found
    year = _rules(_report(_rows(3, [(1, 20, 2022), (2, 30, 12)]), total=55))
    assert [f.question_id for f in year["score_values_doubtful"]] == ["3.1"]
    assert "own points 2022 are more than the whole area's 100" in year["score_values_doubtful"][0].message
    assert "score_exceeds_max" not in year and "area_sum_mismatch" not in year


def test_own_points_above_a_plausible_max_are_still_an_error() -> None:
    # The report's own error (own points 25 of a max of 20) is no doubtful reading.
    found = _rules(_report(_rows(7, [(1, 20, 25), (2, 40, 30), (3, 40, 20)]), total=75))
    assert [f.question_id for f in found["score_exceeds_max"]] == ["7.1"]
    assert "score_values_doubtful" not in found


def test_rows_read_twice_are_summed_one_printing_each() -> None:
    # Fuzz seed 180277: two areas' tables run together across a page's columns, area 1's first rows
    # read twice (once with another area's own points); one printing of each gives 77.5.
    rows = _rows(1, [(1, 30, 23), (2, 30, 28), (3, 20, 12.5), (4, 20, 14), (1, 30, 26), (2, 30, 27.5)])
    found = _rules(_report(rows, total=77.5))
    assert "area_sum_mismatch" not in found and "area_max_mismatch" not in found
    assert [(f.question_id, f.line) for f in found["question_duplicated"]] == [
        ("1.1", 10), ("1.2", 11), ("1.1", 14), ("1.2", 15)
    ]  # fmt: skip
    # A total that no printing of them gives is still an error (a planted one among such rows).
    wrong = _rules(_report(rows, total=70))
    assert [f.found for f in wrong["area_sum_mismatch"]] == ["70"]


def test_a_row_read_out_of_its_tables_order_is_doubtful() -> None:
    # Fuzz seed 180277: another table's row read on area 3's Summa line as 3.1, after 3.5 (and 3.2
    # not read): the area's sums are checked as over a row not read. Its own points above its max
    # stay an error: a report's own error in a table read in parts must still show.
    rows = _rows(3, [(3, 30, 24.5), (4, 20, 17), (5, 20, 18), (1, 20, 25)])
    found = _rules(_report(rows, total=79.5, summa=AreaSubtotal(3, 100.0, 79.5, None, 14)))
    (doubtful,) = found["score_values_doubtful"]
    assert (doubtful.question_id, doubtful.line) == ("3.1", 13)
    assert "its row was read out of its table's order (3.3, 3.4, 3.5, 3.1)" in doubtful.message
    assert "area_sum_mismatch" not in found
    assert [f.question_id for f in found["score_exceeds_max"]] == ["3.1"]
    # Fuzz seed 180752: a table read in parts, its first row last; with it the max points are the
    # area's 100: read right, no doubt.
    parts = _rows(5, [(2, 20, 13.5), (3, 20, 15), (4, 40, 36), (1, 20, 14)])
    found = _rules(_report(parts, total=78.5))
    assert "score_values_doubtful" not in found and "score_rows_lost" not in found


def test_ids_that_skip_while_another_is_read_twice_are_a_row_lost() -> None:
    # Fuzz seed 180146: 6.3's row read as a second 6.1; the max points are whole only by counting it.
    rows = _rows(6, [(1, 20, 15), (2, 30, 13), (1, 20, 10.5), (4, 30, 16)])
    found = _rules(_report(rows, total=54.5, summa=AreaSubtotal(6, 100.0, 54.5, None, 14)))
    (lost,) = found["score_rows_lost"]
    assert (lost.line, lost.expected) == (14, "6.3")
    assert lost.message.endswith("not read: the ids read skip it while 6.1 is read twice.")


def test_a_tables_parts_read_in_another_order_are_no_doubt() -> None:
    # Fuzz seed 180533: area 4's last three rows read before its first three (a two-column page);
    # each row is right, and the summary's total, misprinted, is still an error.
    rows = _rows(4, [(4, 20, 14), (5, 10, 6), (6, 10, 10), (1, 20, 13.5), (2, 20, 17), (3, 20, 15.5)])
    found = _rules(_report(rows, total=80))
    assert "score_values_doubtful" not in found
    assert [f.found for f in found["area_sum_mismatch"]] == ["80"]


def test_rows_read_with_one_number_are_no_max_points_error() -> None:
    # Fuzz seed 180406 (a LibreOffice PDF): a table continued on the next page without its header,
    # its rows read with one number each, the own points taken for the max.
    read = _rows(5, [(1, 40, 15), (2, 20, 10), (3, 20, 7), (4, 20, 11)])
    rows = tuple(dataclasses.replace(q, max_score=q.score, score=None) for q in read)
    assert [q.max_score for q in rows] == [15, 10, 7, 11]
    found = _rules(_report(rows))
    assert "area_max_mismatch" not in found
    assert [f.question_id for f in found["score_missing"]] == ["5.1", "5.2", "5.3", "5.4"]
    # The max points read are short of the area's, and the own points cannot say whether rows after
    # the last one were lost: a warning of content lost at that row says so.
    (lost,) = found["score_rows_lost"]
    assert (lost.line, lost.expected, lost.found, lost.severity) == (13, "rows after 5.4", "43", "warning")
    # Both cells read: max points that do not make the area's 100 are an error.
    both = tuple(dataclasses.replace(q, max_score=q.score) for q in read)
    assert [f.found for f in _rules(_report(both))["area_max_mismatch"]] == ["43"]


def test_a_summa_row_read_as_a_sub_question_is_doubtful() -> None:
    # Fuzz seed 180547: "Summa 100 62,5" read as area 7's first sub-question.
    rows = _rows(7, [(1, 100, 62.5), (1, 20, 16), (2, 20, 13), (3, 20, 15), (4, 20, 14)])
    found = _rules(_report(rows, total=62.5))
    assert [(f.question_id, f.line) for f in found["score_values_doubtful"]] == [("7.1", 10)]
    assert "area_max_mismatch" not in found
    # Without the doubtful row, 80 max points read and 58 own points of 62.5: the last row lost.
    (lost,) = found["score_rows_lost"]
    assert (lost.line, lost.expected) == (14, "rows after 7.4")


def test_a_summa_row_worth_more_than_an_area_is_no_areas_total() -> None:
    # Fuzz seed 180438 (a LibreOffice PDF): the summary's TOTALT row (800, 444.5) read as area 8's
    # Summa row.
    rows = _rows(8, [(1, 40, 22), (2, 30, 20), (3, 30, 16)])
    found = _rules(_report(rows, total=58, summa=AreaSubtotal(8, 800.0, 444.5, None, 9)))
    assert "area_sum_mismatch" not in found
    assert [f.found for f in found["subtotal_max_mismatch"]] == ["800"]


def test_a_lone_row_whose_max_is_the_areas_is_doubtful_where_its_id_implies_others() -> None:
    # Fuzz seed 180505: area 1's Summa row (100, 51) read as 1.4, 1.1-1.3 not read.
    found = _rules(_report(_rows(1, [(4, 100, 51)]), total=49.5))
    assert [f.question_id for f in found["score_values_doubtful"]] == ["1.4"]
    assert "area_sum_mismatch" not in found
    (lost,) = found["score_rows_lost"]
    assert lost.message == (
        "Area 1: sub-questions 1.1, 1.2, 1.3, 1.4 of its score table not read: every row of the area read "
        "is in doubt."
    )


def test_max_points_short_with_an_own_points_cell_empty_are_rows_lost_after_the_last() -> None:
    # Fuzz seeds of 2002-2020 reports (editions whose sub-questions kompass does not know): a table
    # whose last rows were lost, its last row read with one number; no Summa row.
    rows = _rows(4, [(1, 20, 12), (2, 20, 15), (3, 20, 11)])
    rows = (*rows[:2], dataclasses.replace(rows[2], score=None))
    found = _rules(_report(rows, total=71))
    (lost,) = found["score_rows_lost"]
    assert (lost.area, lost.line, lost.expected, lost.found) == (4, 12, "rows after 4.3", "60")
    assert lost.message == (
        "Area 4: the rows after 4.3 of its score table not read: the max points read sum to 60, short of "
        "the area's 100, and a row's own points cell is empty: its one number may be its own points."
    )
    assert "area_max_mismatch" not in found
    # The ids read skip a number: that loss is said, not this one.
    skipped = (*_rows(4, [(1, 20, 12)]), dataclasses.replace(_rows(4, [(3, 20, 11)], 11)[0], score=None))
    assert [f.expected for f in _rules(_report(skipped))["score_rows_lost"]] == ["4.2"]


def test_max_points_above_the_area_max_with_an_own_points_cell_empty_are_an_error() -> None:
    # A row read with one number may hold its own points, its max then at least that number: max
    # points read above the area's are wrong whichever the number is.
    rows = _rows(2, [(1, 40, 30), (2, 40, 25), (3, 40, 20)])
    rows = (*rows[:2], dataclasses.replace(rows[2], score=None))
    found = _rules(_report(rows))
    assert [(f.found, f.severity) for f in found["area_max_mismatch"]] == [("120", "error")]
    assert "score_rows_lost" not in found


def test_sub_questions_the_area_section_lists_are_rows_lost() -> None:
    # A LibreOffice PDF (fuzz seed 260554): area 4's last two rows (4.4 and 4.5) not read, no Summa
    # row; the area section lists all five at its top. The ids it lists are evidence a printed sum
    # cannot fake: the shortfall of 12 points is theirs to make up, not the report's error.
    rows = _rows(4, [(1, 30, 11.5), (2, 20, 13), (3, 20, 14)])
    listed = tuple(ListedQuestion(4, f"4.{sub}", f"Delområde {sub}", None, 2 + sub) for sub in range(1, 6))
    found = _rules(dataclasses.replace(_report(rows, total=50.5), listed_questions=listed))
    (lost,) = found["score_rows_lost"]
    assert (lost.line, lost.expected) == (12, "4.4, 4.5")
    assert "area_sum_mismatch" not in found
    # A total the rows the section lists cannot make up (more than the 30 points left) is an error.
    found = _rules(dataclasses.replace(_report(rows, total=90), listed_questions=listed))
    assert [f.found for f in found["area_sum_mismatch"]] == ["90"]
