"""The comparison of table finders counts rows as it says: a library's cells and kompass's tables alike."""

from __future__ import annotations

import pytest

from tests.fuzz.compare import pick_seeds
from tests.fuzz.document import make_document
from tests.fuzz.libraries import cell_number, questions_found, summary_found
from tests.fuzz.traits import SCANNED

pytestmark = pytest.mark.fuzz

QUESTIONS = [[3, 1, 4.0, 2.5], [3, 2, 6.0, 6.0], [3, 10, 5.0, 1.0]]


def test_a_cell_number_is_a_number_printed_alone_with_a_decimal_comma_or_a_footnote_mark():
    assert cell_number("56,5¹") == 56.5
    assert cell_number("−12") == -12
    assert cell_number("1 2") == 12
    assert cell_number("12 %") is None
    assert cell_number("3.2 Styrning") is None


def test_a_question_is_found_where_one_row_holds_its_id_and_both_numbers_in_either_order():
    rows = [
        ["3.1 Finns en plan?", "2,5", "4"],  # own before max: still both numbers
        ["3:2", "Mål", "6", "6"],
        ["3.10.", "5", "2"],  # a wrong own score
    ]
    assert questions_found(rows, QUESTIONS) == 2


def test_a_question_is_not_found_by_a_longer_id_or_a_row_with_a_third_number():
    rows = [["3.11", "5", "1"], ["3.1", "4", "2,5", "7"], ["3.2", "6"]]
    assert questions_found(rows, QUESTIONS) == 0


def test_summary_values_count_where_the_row_naming_the_area_holds_every_year_in_order():
    summary = {"2007": {"1": 45.0, "2": 60.0}, "2011": {"1": 50.5, "2": 61.0}}
    names = ["Offentlighet och demokrati", "Tillgänglighet och brukarorientering"]
    rows = [
        ["1 Offentlighet och demokrati", "45", "50,5", "+12 %"],
        ["2 Tillgänglighet och brukarorientering", "61", "60"],  # years swapped: not found
    ]
    assert summary_found(rows, summary, names) == 2


def test_the_picked_seeds_are_text_pdfs_and_scans_spread_over_the_engines():
    seeds = pick_seeds(4000, 6, 3)
    kinds = [make_document(s).traits for s in seeds]
    assert len(seeds) == 9 and seeds == sorted(set(seeds))
    assert (
        sorted(t["engine"] for t in kinds if t["export"] == "pdf")
        == ["chromium"] * 2 + ["libreoffice"] * 2 + ["reportlab"] * 2
    )
    assert sorted(t["engine"] for t in kinds if t["export"] in SCANNED) == [
        "chromium",
        "libreoffice",
        "reportlab",
    ]
