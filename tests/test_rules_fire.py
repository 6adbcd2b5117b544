"""Every declared rule fires: on the Umeå 2007 report as printed, or on that report with one record
minimally altered, each rule raises the finding given here (rule, severity, where, expected, found
and the whole message). A rule declared without a case here fails ``test_every_rule_has_a_case``;
a check dropped from ``CHECKS`` fails its case, because the cases run the full validator.

To add a case: write ``alter`` as the smallest change to the Umeå records that your rule should
catch (``_same`` when the printed report already has it), run the validator once, and read the
finding against the report before pasting it into ``CASES``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from pipeline.editions.edition import edition_by_id
from pipeline.model.records import (
    AreaScore,
    AreaSubtotal,
    Comparison,
    ContentLoss,
    Evaluation,
    EvaluationList,
    Extraction,
    Finding,
    Metadata,
    MisalignedRow,
    OcrReading,
    QuestionScore,
    Severity,
    UnreadEntry,
    UnreadHeader,
    UnreadYear,
    YearTotal,
)
from pipeline.validation import RULES, validate

Alter = Callable[[Extraction], Extraction]
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Case:
    """The Umeå records ``alter``-ed, and one finding they raise; ``count`` findings of the rule in all."""

    alter: Alter
    finding: Finding
    count: int = 1


def _same(extraction: Extraction) -> Extraction:
    return extraction


def _questions(change: Callable[[QuestionScore], QuestionScore | None]) -> Alter:
    """Change (or, returning None, drop) each sub-question row of the score table."""

    def alter(extraction: Extraction) -> Extraction:
        rows = (change(q) for q in extraction.question_scores)
        return dataclasses.replace(extraction, question_scores=tuple(q for q in rows if q is not None))

    return alter


def _question(question_id: str, **fields: object) -> Alter:
    return _questions(lambda q: dataclasses.replace(q, **fields) if q.question_id == question_id else q)


def _without_question(question_id: str) -> Alter:
    return _questions(lambda q: None if q.question_id == question_id else q)


def _with_question(row: QuestionScore) -> Alter:
    return lambda e: dataclasses.replace(e, question_scores=(*e.question_scores, row))


def _duplicate_question(question_id: str) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        (row,) = (q for q in extraction.question_scores if q.question_id == question_id)
        return _with_question(dataclasses.replace(row, line=698))(extraction)

    return alter


def _area_scores(keep: Callable[[AreaScore], bool]) -> Alter:
    return lambda e: dataclasses.replace(e, area_scores=tuple(s for s in e.area_scores if keep(s)))


def _year_totals(keep: Callable[[YearTotal], bool]) -> Alter:
    return lambda e: dataclasses.replace(e, year_totals=tuple(t for t in e.year_totals if keep(t)))


def _area_8_summa_row(max_score: float) -> Alter:
    """A Summa row under area 8's rows (line 697), its own points the rows' 98, its max ``max_score``."""
    row = AreaSubtotal(8, max_score, 98.0, None, 697)
    return lambda e: dataclasses.replace(e, area_subtotals=(row,))


def _whole_2007_areas(extraction: Extraction) -> Extraction:
    """The 2007 column printed in whole points, as later editions print it: 79,5 as 79, 84,5 as 84."""
    whole = {2: 79.0, 4: 84.0}
    return dataclasses.replace(extraction, area_scores=tuple(
        dataclasses.replace(s, score=whole[s.area]) if s.year == 2007 and s.area in whole else s
        for s in extraction.area_scores
    ))  # fmt: skip


def _area_5_printed_twice(extraction: Extraction) -> Extraction:
    """A second row for area 5 after its own (line 104), printing 80 for 2007 where the first says 79."""
    again = AreaScore(5, "Kontroll och rapportering", 2007, 80.0, None, 104)
    return dataclasses.replace(extraction, area_scores=(*extraction.area_scores, again))


def _read_as_kk2010(extraction: Extraction) -> Extraction:
    return dataclasses.replace(extraction, edition="kk2010")


def _lost_bytes(extraction: Extraction) -> Extraction:
    """Two bytes of line 7 undefined in the file's encoding, as the text decoder reports them."""
    message = "2 byte(s) undefined in cp1252 could not be read and were replaced by U+FFFD"
    return dataclasses.replace(extraction, losses=(ContentLoss(message, 2, line=7),))


def _claim(area: int, **fields: object) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        claims = tuple(
            dataclasses.replace(c, **fields) if c.area == area else c for c in extraction.claims
        )  # fmt: skip
        return dataclasses.replace(extraction, claims=claims)

    return alter


def _without_observations(area: int, kind: str) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        kept = tuple(o for o in extraction.observations if not (o.area == area and o.kind == kind))
        return dataclasses.replace(extraction, observations=kept)

    return alter


def _without_claim(area: int) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        return dataclasses.replace(extraction, claims=tuple(c for c in extraction.claims if c.area != area))

    return alter


def _first_observation_text(text: str) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        first, *rest = extraction.observations
        return dataclasses.replace(extraction, observations=(dataclasses.replace(first, text=text), *rest))

    return alter


def _first_observation_read_as(read_as: str) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        first, *rest = extraction.observations
        first = dataclasses.replace(first, read_as=read_as)
        return dataclasses.replace(extraction, observations=(first, *rest))

    return alter


def _without_section(area: int) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        headings = tuple(
            h for h in extraction.area_headings if not (h.context == "section_heading" and h.area == area)
        )
        return dataclasses.replace(extraction, area_headings=headings)

    return alter


def _heading(area: int, context: str, printed_name: str) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        headings = tuple(
            dataclasses.replace(h, printed_name=printed_name) if (h.area, h.context) == (area, context) else h
            for h in extraction.area_headings
        )
        return dataclasses.replace(extraction, area_headings=headings)

    return alter


def _evaluations(change: Callable[[Evaluation], Evaluation | None]) -> Alter:
    def alter(extraction: Extraction) -> Extraction:
        rows = (change(e) for e in extraction.evaluations)
        return dataclasses.replace(extraction, evaluations=tuple(e for e in rows if e is not None))

    return alter


def _metadata(**fields: object) -> Alter:
    return lambda e: dataclasses.replace(e, metadata=dataclasses.replace(e.metadata, **fields))


def _before_the_tool(extraction: Extraction) -> Extraction:
    """Dated 1999, before any edition: the edition lookup finds none (edition empty)."""
    return dataclasses.replace(_metadata(year=1999)(extraction), edition=None)


def _ocr_read(printed: str, read: str, confidence: float) -> Alter:
    """The score table's page scanned, and OCR unsure of one word on it (page 24, first row)."""
    reading = OcrReading(printed, read, confidence, (495.84, 72.24, 503.76, 78.24), page=24, line=1)
    return lambda e: dataclasses.replace(e, ocr_readings=(reading,))


# A Norwegian municipality in place of "Ale (2006)" in the list; Umeå's own 2005 entry dropped from it.
HARSTAD = Evaluation("Harstad", None, None, None, 2004, None, 699)


def _drop_umea_2005(entry: Evaluation) -> Evaluation | None:
    return None if (entry.entry, entry.year) == ("Umeå", 2005) else entry


def _change_column(extraction: Extraction) -> Extraction:
    """An "Ändring" column beside the summary table: area 1 went from 66 (2005) to 73 (2007), +10.6 %,
    but the column prints +20 %."""
    change = Comparison("Ändring", "change", 1, 20.0, "percent", None, 99, 2005, 2007)
    return dataclasses.replace(extraction, comparisons=(change,))


def _header_not_understood(extraction: Extraction) -> Extraction:
    unread = UnreadHeader("summary_table", "Kolumn A | Kolumn B | Kolumn C", "2003 | 2005 | 2007", None, 99)
    return dataclasses.replace(extraction, unread_headers=(unread,))


def _row_missing_a_cell(extraction: Extraction) -> Extraction:
    return dataclasses.replace(extraction, misaligned_rows=(MisalignedRow("summary_table", 2, 3, None, 103),))


def _bullet_not_read(extraction: Extraction) -> Extraction:
    return dataclasses.replace(extraction, unread_entries=(UnreadEntry("• Kalix 2003)", None, 700),))


def _year_cut_short(extraction: Extraction) -> Extraction:
    how = "its years in parentheses are cut short at the line's end"
    return dataclasses.replace(
        extraction, unread_years=(UnreadYear("Hyllie", how, "Hyllie (2004,", None, 699),)
    )


def _finding(rule: str, severity: Severity, message: str, **fields: object) -> Finding:
    return Finding(rule=rule, severity=severity, message=message, **fields)  # type: ignore[arg-type]


CASES: dict[str, Case] = {
    # The four errors the report prints.
    "score_exceeds_max": Case(_same, _finding(
        "score_exceeds_max", ERROR, "Sub-question 7.1: own points 25 exceed its max points 20.",
        area=7, question_id="7.1", year=2007, expected="20", found="25", line=687,
    )),
    "area_sum_mismatch": Case(_same, _finding(
        "area_sum_mismatch", ERROR,
        "Area 5: its sub-questions sum to 78 but the summary table gives 79 for 2007.",
        area=5, year=2007, expected="78", found="79", line=103,
    ), count=2),
    # How the tables were read, and their comparison columns.
    "change_mismatch": Case(_change_column, _finding(
        "change_mismatch", ERROR,
        'Area 1: the printed change "Ändring" is +20 % but 2005 to 2007 gives +10.6 %.',
        area=1, year=2007, expected="+10.6 %", found="+20 %", line=99,
    )),
    "table_header_unread": Case(_header_not_understood, _finding(
        "table_header_unread", WARNING,
        'The summary table was read by the shape of its values, without a header it understood (header: '
        '"Kolumn A | Kolumn B | Kolumn C"); its columns were taken as: 2003 | 2005 | 2007.',
        expected="2003 | 2005 | 2007", found="Kolumn A | Kolumn B | Kolumn C", line=99,
    )),
    "table_row_misaligned": Case(_row_missing_a_cell, _finding(
        "table_row_misaligned", WARNING,
        "This row of the summary table has 2 values but its header 3 columns; the values were placed "
        "under the columns they stand in where the page shows it (a value over two columns or none is "
        "not read), else paired with the columns from the right.",
        expected="3", found="2", line=103,
    )),
    "total_mismatch": Case(_same, _finding(
        "total_mismatch", ERROR, "2003: the area totals sum to 497.5 but TOTALT says 497.",
        year=2003, expected="497.5", found="497", line=107,
    )),
    "summary_printed_twice": Case(_area_5_printed_twice, _finding(
        "summary_printed_twice", WARNING,
        "The summary table prints area 5's total of 2007 a second time: 80, after 79.",
        area=5, year=2007, expected="79", found="80", line=104,
    )),
    # Later editions: whole-number area totals, and a report read by another edition's names.
    "total_rounding_difference": Case(_whole_2007_areas, _finding(
        "total_rounding_difference", WARNING,
        "2007: the area totals, printed as whole numbers, sum to 645 but TOTALT says 646; rounding each "
        "area to a whole number can explain up to 4.",
        year=2007, expected="645", found="646", line=107,
    )),
    "edition_year_mismatch": Case(_read_as_kk2010, _finding(
        "edition_year_mismatch", WARNING,
        "The report is dated 2007, when kk2002-rev2007 was in use, but the area names it prints are those "
        "of the kk2010 edition (2010–2019); it is read by its names.",
        year=2007, expected="kk2002-rev2007", found="kk2010",
    )),
    "edition_maxima_unknown": Case(_read_as_kk2010, _finding(
        "edition_maxima_unknown", INFO,
        "The sub-areas and max points of the kk2010 edition are not publicly known: the score table's max "
        "points are taken as printed, and sub-areas and their max points are not checked against the "
        "edition for 2007.",
        year=2007, found="kk2010",
    )),
    # The score table's page scanned: what OCR was unsure of.
    "ocr_uncertain": Case(_ocr_read("185", "185", 74.0), _finding(
        "ocr_uncertain", WARNING,
        'OCR read "185" on this scanned page with 74% confidence: check the number against the page.',
        found="185", page=24, line=1,
    )),
    "ocr_id_read": Case(_ocr_read("G.4", "6.4", 91.0), _finding(
        "ocr_id_read", INFO,
        'OCR read "G.4" where a sub-question id stands; it is read as 6.4 (a letter for a look-alike '
        "digit).",
        expected="6.4", found="G.4", page=24, line=1,
    )),
    "ocr_sign_read": Case(_ocr_read("96", "%", 88.0), _finding(
        "ocr_sign_read", WARNING,
        'OCR read "96" after a number, in one mark too wide for its digits and too narrow for two: it '
        "is read as %; check it against the page.",
        expected="%", found="96", page=24, line=1,
    )),
    # Score cells altered.
    "score_negative": Case(_question("8.4", score=-5.0), _finding(
        "score_negative", ERROR, "Sub-question 8.4: own points -5 are negative.",
        area=8, question_id="8.4", year=2007, expected="0 or more", found="-5", line=696,
    )),
    "score_not_half_point": Case(_question("1.1", score=28.25), _finding(
        "score_not_half_point", WARNING, "Sub-question 1.1: own points 28.25 are not a whole or half point.",
        area=1, question_id="1.1", year=2007, expected="a multiple of 0.5", found="28.25", line=673,
    )),
    "score_missing": Case(_question("5.1", max_score=None), _finding(
        "score_missing", WARNING, "Sub-question 5.1: the max points cell is empty.",
        area=5, question_id="5.1", year=2007, found="", line=673,
    )),
    "score_values_doubtful": Case(_question("1.1", max_score=8.3, score=20.0), _finding(
        "score_values_doubtful", WARNING, "Sub-question 1.1: the values read (max 8.3, own 20) are in "
        "doubt: max points 8.3 are not a whole or half point; they were likely read from another "
        "column or line, and the sums over area 1 are checked as over a row not read.",
        area=1, question_id="1.1", year=2007, expected="8.3", found="20", line=673,
    )),
    "question_duplicated": Case(_duplicate_question("2.3"), _finding(
        "question_duplicated", WARNING, "Sub-question 2.3 appears 2 times in the score table.",
        area=2, question_id="2.3", year=2007, expected="1", found="2", line=698,
    ), count=2),
    # Summary table cut short.
    "report_year_not_in_summary": Case(_area_scores(lambda s: s.year != 2007), _finding(
        "report_year_not_in_summary", WARNING, "The summary table has no column for the report year 2007.",
        year=2007, expected="2007", found="2003, 2005",
    )),
    # At area 2's row, the row read above where area 3's would stand.
    "area_total_missing": Case(_area_scores(lambda s: (s.area, s.year) != (3, 2007)), _finding(
        "area_total_missing", WARNING, "Area 3: the summary table gives no total for 2007.",
        area=3, year=2007, found="", line=100,
    )),
    "year_total_missing": Case(_year_totals(lambda t: t.year != 2005), _finding(
        "year_total_missing", WARNING,
        "The summary table's TOTALT row gives no total for 2005, whose area totals the table gives.",
        year=2005, expected="2005", found="2003, 2007", line=107,
    )),
    # 6.3 not read: at 6.2, the row read before it; area 6's sum is not checked against its total.
    "score_rows_lost": Case(_without_question("6.3"), _finding(
        "score_rows_lost", WARNING,
        "Area 6: sub-question 6.3 of its score table not read: the kk2002-rev2007 edition lists it, and "
        "the max points read sum to 90, short of the area's 100.",
        area=6, year=2007, expected="6.3", found="90", line=679,
    )),
    "subtotal_max_mismatch": Case(_area_8_summa_row(90.0), _finding(
        "subtotal_max_mismatch", WARNING,
        "Area 8: the max points of its sub-questions sum to 100 but the Summa row of its score table "
        "gives 90.",
        area=8, year=2007, expected="100", found="90", line=697,
    )),
    # Both at the first area the table's rows name (its rows' values not read).
    "summary_table_missing": Case(_area_scores(lambda s: False), _finding(
        "summary_table_missing", WARNING, "No summary table (area totals per year) was found in the report.",
        line=99,
    )),
    "score_table_missing": Case(_questions(lambda q: None), _finding(
        "score_table_missing", WARNING,
        "No detailed score table (sub-questions with max and own points) was found in the report.",
        line=672,
    )),
    # Against the 2007 edition.
    "area_max_mismatch": Case(_question("8.4", max_score=30.0), _finding(
        "area_max_mismatch", ERROR, "Area 8: the max points of its sub-questions sum to 110, not 100.",
        area=8, year=2007, expected="100", found="110", line=693,
    )),
    "question_max_mismatch": Case(_question("8.4", max_score=30.0), _finding(
        "question_max_mismatch", WARNING,
        "Sub-question 8.4: max points 30 differ from the kk2002-rev2007 edition's 20.",
        area=8, question_id="8.4", year=2007, expected="20", found="30", line=696,
    )),
    "question_missing": Case(_without_question("6.6"), _finding(
        "question_missing", WARNING,
        "Sub-question 6.6 of the kk2002-rev2007 edition is not in the score table.",
        area=6, question_id="6.6", year=2007, expected="6.6", found="", line=682,
    )),
    "area_score_table_missing": Case(_questions(lambda q: None if q.area == 6 else q), _finding(
        "area_score_table_missing", WARNING,
        "Area 6 (Personalpolitik): the score table has no row for it; the kk2002-rev2007 edition scores it "
        "by sub-questions.",
        area=6, year=2007, expected="Personalpolitik", found="", line=677,
    )),
    "question_unknown": Case(_with_question(QuestionScore(6, "6.7", "Ny fråga?", 10, 7, None, 698)), _finding(
        "question_unknown", WARNING, "Sub-question 6.7 is not part of the kk2002-rev2007 edition.",
        area=6, question_id="6.7", year=2007, found="6.7", line=698,
    )),
    "framework_unknown": Case(_before_the_tool, _finding(
        "framework_unknown", INFO,
        "No edition of the tool shipped with kompass fits the report: none was in use in 1999, and the area "
        "names it prints do not point to one; sub-questions and max points are not checked against an "
        "edition.",
        year=1999, found="1999",
    )),
    "area_name_unknown": Case(_heading(3, "summary_table", "Ekonomisk hushållning"), _finding(
        "area_name_unknown", WARNING,
        'The summary table names an area "Ekonomisk hushållning", which matches no wording of area 3 in '
        "the kk2002-rev2007 edition.",
        area=3, expected="Tydlighet i samspelet mellan politiker och tjänstemän",
        found="Ekonomisk hushållning", line=101,
    )),
    # What the sections say.
    "question_text_mismatch": Case(_same, _finding(
        "question_text_mismatch", INFO,
        'Sub-question 6.2 reads "Finns förutsättningar för individuell lönesättning?" in the area section '
        'but "Förekommer prestationslönesystem?" in the score table.',
        area=6, question_id="6.2", year=2007, expected="Förekommer prestationslönesystem?",
        found="Finns förutsättningar för individuell lönesättning?", line=468,
    ), count=14),
    "area_section_missing": Case(_without_section(5), _finding(
        "area_section_missing", WARNING,
        "Area 5 (Kontroll och rapportering) has no section of its own: no heading for it was found among "
        "the 7 area sections read.",
        area=5, expected="Kontroll och rapportering", found="", line=369,
    )),
    "observations_missing": Case(_without_observations(3, "improvement"), _finding(
        "observations_missing", WARNING,
        "Area 3: no improvement areas of its section were read, while other area sections list theirs.",
        area=3, line=291,
    )),
    "claim_missing": Case(_without_claim(6), _finding(
        "claim_missing", WARNING,
        "Area 6: no claim of the area's score was read in its section, while other area sections state "
        "theirs.",
        area=6, line=465,
    )),
    "observation_doubtful": Case(_first_observation_text("Framgångsrik presstrategi och"), _finding(
        "observation_doubtful", WARNING,
        "Area 1: the strength item \"Framgångsrik presstrategi och\" ends with \"och\": it was likely "
        "cut short or run into other text, and the list may hold other items than were read.",
        area=1, found="Framgångsrik presstrategi och", line=191,
    )),
    "observation_misread": Case(_first_observation_read_as("Framgångsrik presstrategi. och bra"), _finding(
        "observation_misread", WARNING,
        "Area 1: the strength item \"Framgångsrik presstrategi och bra informationsflöde genom befintliga "
        "kanaler.\" was read without the marks OCR read in \"Framgångsrik presstrategi. och bra\" (\".\" "
        "after \"presstrategi\"), which no printed item holds there: most likely specks on the page; check "
        "the item against the page.",
        area=1, line=191,
        found="Framgångsrik presstrategi och bra informationsflöde genom befintliga kanaler.",
    )),
    "narrative_score_mismatch": Case(_claim(4, claimed_score=48.5), _finding(
        "narrative_score_mismatch", ERROR,
        "Area 4: the section says 48.5 points but the summary table gives 84.5 for 2007.",
        area=4, year=2007, expected="84.5", found="48.5", line=377,
    )),
    "narrative_change_mismatch": Case(_claim(1, claimed_change=-7.0), _finding(
        "narrative_change_mismatch", ERROR,
        "Area 1: the section claims a change of -7 points since 2005, but the summary table goes from 66 "
        "in 2005 to 73 in 2007 (+7).",
        area=1, year=2007, expected="7", found="-7", line=137,
    )),
    # The list of evaluated municipalities.
    "evaluation_before_tool": Case(_same, _finding(
        "evaluation_before_tool", WARNING,
        "The list of evaluated municipalities gives Nacka the year 1996, before SKL started using the "
        "tool in 2002.",
        year=1996, expected="2002 or later", found="1996", line=699,
    ), count=2),
    "evaluation_year_missing": Case(_same, _finding(
        "evaluation_year_missing", WARNING, "The list of evaluated municipalities gives no year for Hyllie.",
        expected="a year in parentheses", found="Hyllie", line=699,
    )),
    "evaluation_year_unread": Case(_year_cut_short, _finding(
        "evaluation_year_unread", WARNING,
        "The list of evaluated municipalities prints a year for Hyllie that was not read: its years in "
        'parentheses are cut short at the line\'s end ("Hyllie (2004,").',
        expected="its years", found="Hyllie", line=699,
    )),
    "evaluation_entries_unread": Case(_bullet_not_read, _finding(
        "evaluation_entries_unread", WARNING,
        'The list of evaluated municipalities goes on past what was read: "• Kalix 2003)" reads as no '
        "entry (a name with its years).",
        expected="a name with its years", found="• Kalix 2003)", line=700,
    )),
    "evaluation_unknown": Case(
        _evaluations(lambda e: HARSTAD if e.entry == "Ale" else e),
        _finding(
            "evaluation_unknown", WARNING,
            "The list of evaluated municipalities names Harstad, which is no known municipality or city "
            "district.",
            year=2004, expected="a municipality or city district", found="Harstad", line=699,
        ),
    ),
    "subject_history_mismatch": Case(_evaluations(_drop_umea_2005), _finding(
        "subject_history_mismatch", WARNING,
        "The list of evaluated municipalities gives Umeå's earlier evaluations as 2003, but the summary "
        "table has 2003, 2005.",
        expected="2003, 2005", found="2003", line=699,
    )),
    "stated_count_mismatch": Case(_same, _finding(
        "stated_count_mismatch", WARNING,
        'The report says "de sex kommunerna" (6) but names 8: Umeå, Bjurholm, Lycksele, Nordmaling, '
        "Robertsfors, Storuman, Vindeln, Vännäs.",
        expected="6", found="8", line=631,
    )),
    "lead_in_names_other": Case(_same, _finding(
        "lead_in_names_other", WARNING,
        'The lead-in of the list of evaluated municipalities ("Följande svenska kommuner och stadsdelar '
        'har utvärderats förutom Tyresö kommun") names Tyresö, not Umeå, the municipality of this '
        "report: boilerplate from another report.",
        expected="Umeå", found="Tyresö", line=699,
    )),
    "municipality_unknown": Case(
        lambda e: dataclasses.replace(
            e, metadata=dataclasses.replace(e.metadata, municipality="Umeä", municipality_code=None)
        ),
        _finding(
            "municipality_unknown", WARNING,
            "The report's municipality (Umeä) is no known municipality: it has no code, so the report is "
            "left out of the panel and of the checks across reports.",
            expected="a municipality of the official list", found="Umeä", line=9,
        ),
    ),
    # What a reader could not read (text decoding, PDF glyphs without characters).
    "content_lost": Case(_lost_bytes, _finding(
        "content_lost", WARNING,
        "Content lost while reading the file: 2 byte(s) undefined in cp1252 could not be read and were "
        "replaced by U+FFFD.",
        found="2", line=7,
    )),
}  # fmt: skip


def _validated(extraction: Extraction) -> tuple[Finding, ...]:
    """The findings of the full validator, with the edition the pipeline would pick."""
    return validate(extraction, edition_by_id(extraction.edition))


def test_every_rule_has_a_case() -> None:
    declared = {rule.slug for rule in RULES}
    assert sorted(declared - set(CASES)) == [], "declared without a firing case"
    assert sorted(set(CASES) - declared) == [], "a case for a rule no check declares"


@pytest.mark.parametrize("slug", sorted(CASES))
def test_rule_fires(slug: str, umea: Extraction) -> None:
    case = CASES[slug]
    raised = [f for f in _validated(case.alter(umea)) if f.rule == slug]
    assert case.finding in raised, raised
    assert len(raised) == case.count
    (rule,) = (rule for rule in RULES if rule.slug == slug)
    assert case.finding.severity is rule.severity


def test_umea_as_printed_raises_only_the_rules_shown_firing_on_it(umea: Extraction) -> None:
    shown = {slug for slug, case in CASES.items() if case.alter is _same}
    assert {f.rule for f in _validated(umea)} == shown


PDF_PAGE = 7


def _on_page(extraction: Extraction, page: int) -> Extraction:
    """``extraction`` as a PDF would give it: every record with provenance on page ``page``."""
    fields: dict[str, object] = {}
    for field in dataclasses.fields(extraction):
        value = getattr(extraction, field.name)
        if isinstance(value, tuple) and value and hasattr(value[0], "page"):
            fields[field.name] = tuple(dataclasses.replace(record, page=page) for record in value)
        elif isinstance(value, EvaluationList | Metadata):
            fields[field.name] = dataclasses.replace(value, page=page)
    return dataclasses.replace(extraction, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("slug", sorted(CASES))
def test_rule_says_the_page_of_a_pdf(slug: str, umea: Extraction) -> None:
    case = CASES[slug]
    raised = [f for f in _validated(_on_page(case.alter(umea), PDF_PAGE)) if f.rule == slug]
    page = PDF_PAGE if case.finding.line is not None else None
    assert dataclasses.replace(case.finding, page=page) in raised
