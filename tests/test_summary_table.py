from __future__ import annotations

import pytest

from extractors.summary_table import extract_summary_table
from tests.conftest import doc_from

UMEA_TABLE = """Tabell 2 Umeå kommuns poäng 2003, 2005 och 2007

\t2003\t2005\t2007
1 Offentlighet och demokratisk kontroll\t56\t66\t73
2 Tillgänglighet/medborgar- och brukarorientering\t55\t69,5\t79,5
3 Tydlighet i samspelet mellan politiker och tjänstemän\t64,5\t80\t79
4 Ledning, decentralisering och delegering\t71,5\t82,5\t84,5
5 Kontroll och rapportering\t45\t71\t79
6 Personalpolitik\t68,5\t78\t78
7 Verksamhetsutveckling\t57\t71\t75
8 Kommun som samhällsbyggare\t80\t90\t98
TOTALT\t497\t608\t646
"""


def test_umea_summary_table(umea_doc) -> None:
    table = extract_summary_table(umea_doc)
    assert table.years == (2003, 2005, 2007)
    assert len(table.area_scores) == 24
    assert [(t.year, t.total, t.line) for t in table.year_totals] == [
        (2003, 497, 107), (2005, 608, 107), (2007, 646, 107)
    ]  # fmt: skip
    scores = {(s.area, s.year): s.score for s in table.area_scores}
    assert scores[(2, 2005)] == 69.5
    assert scores[(4, 2003)] == 71.5
    assert scores[(8, 2007)] == 98
    assert [h.printed_name for h in table.headings][7] == "Kommun som samhällsbyggare"


@pytest.mark.parametrize(
    ("row", "area", "values"),
    [
        ("1 Offentlighet och demokratisk kontroll\t56\t66\t73", 1, [56, 66, 73]),
        ("2 Tillgänglighet/medborgar- och brukarorientering\t55\t69,5\t79,5", 2, [55, 69.5, 79.5]),
        ("4. Ledning, decentralisering och delegering\t71,5\t82,5\t84,5", 4, [71.5, 82.5, 84.5]),
        ("6 Personalpolitik    68,5    78    78", 6, [68.5, 78, 78]),  # spaces instead of tabs
    ],
)
def test_area_rows(row: str, area: int, values: list[float]) -> None:
    table = extract_summary_table(doc_from(f"\t2003\t2005\t2007\n{row}\nTOTALT\t1\t2\t3"))
    assert [(s.area, s.score) for s in table.area_scores] == [(area, v) for v in values]


def test_single_year_table() -> None:
    text = "\t2009\n1 Offentlighet och demokratisk kontroll\t61\n5 Kontroll och rapportering\t70\nTotalt\t131"
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [(1, 2009, 61), (5, 2009, 70)]
    assert [(t.year, t.total) for t in table.year_totals] == [(2009, 131)]


def test_empty_cell_is_none_not_zero() -> None:
    text = "\t2003\t2005\n1 Offentlighet och demokratisk kontroll\t\t66\nTOTALT\t\t66"
    table = extract_summary_table(doc_from(text))
    assert [s.score for s in table.area_scores] == [None, 66]


def test_party_table_is_not_a_summary_table() -> None:
    text = "\tm\tc\tfp\n2002\t5\t7\t8\n2006\t9\t7\t5\n"
    assert extract_summary_table(doc_from(text)).area_scores == ()


def test_full_snippet_reads_like_the_report() -> None:
    table = extract_summary_table(doc_from(UMEA_TABLE))
    assert sum(s.score or 0 for s in table.area_scores if s.year == 2003) == 497.5


def test_rows_named_without_area_numbers() -> None:
    text = (
        "\t2005\t2007\n"
        "Offentlighet och demokratisk kontroll\t66\t73\n"
        "Tydlighet i samspelet politiker – tjänstemän\t80\t79\n"
        "Ekonomisk hushållning\t50\t60\n"
        "Totalt\t196\t212"
    )
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [
        (1, 2005, 66), (1, 2007, 73), (3, 2005, 80), (3, 2007, 79)
    ]  # fmt: skip
    assert [(h.area, h.printed_name) for h in table.headings][2] == (None, "Ekonomisk hushållning")
