"""The rules on how tables were read: printed changes against the years they compare, Summa rows
against their sub-areas, and headers that were not understood."""

from __future__ import annotations

import pytest

from pipeline.model.records import Finding
from pipeline.run.process import extract
from pipeline.validation import validate
from tests.conftest import doc_from

KARLSKRONA = """\tKarlskrona 2011\tKarlskrona 2014\tÄndring\t40 kommuner i genomsnitt
1. Offentlighet och demokrati\t48\t69\t{change}\t50
2. Tillgänglighet och brukarorientering\t49\t67\t+37 %\t54
8. Kommunen som samhällsbyggare\t71\t67\t-6 %\t66
Totalt\t168\t203\t{total_change}\t170
"""


def _findings(text: str, rule: str) -> list[Finding]:
    return [f for f in validate(extract(doc_from(text)), None) if f.rule == rule]


@pytest.mark.parametrize(
    ("change", "total_change"),
    [("+44 %", "+21 %"), ("+43,8 %", "+20,8 %"), ("44%", "21%")],  # as printed, rounded or not
)
def test_printed_changes_that_agree(change: str, total_change: str) -> None:
    assert _findings(KARLSKRONA.format(change=change, total_change=total_change), "change_mismatch") == []


@pytest.mark.parametrize(
    ("change", "total_change", "area", "expected", "found"),
    [
        ("+45 %", "+21 %", 1, "+43.8 %", "+45 %"),  # 48 to 69 is 43.75 %
        ("+44 %", "+23 %", None, "+20.8 %", "+23 %"),  # 168 to 203 is 20.8 %
        ("-44 %", "+21 %", 1, "+43.8 %", "-44 %"),  # the sign turned round
    ],
)
def test_printed_change_that_disagrees(
    change: str, total_change: str, area: int | None, expected: str, found: str
) -> None:
    findings = _findings(KARLSKRONA.format(change=change, total_change=total_change), "change_mismatch")
    assert [(f.area, f.year, f.expected, f.found, str(f.severity)) for f in findings] == [
        (area, 2014, expected, found, "error")
    ]  # fmt: skip
    assert "2011 to 2014" in findings[0].message


def test_change_in_points() -> None:
    text = "Område\t2011\t2014\tFörändring\n1 Offentlighet\t48\t69\t+21\n2 Tillgänglighet\t49\t67\t+17\n"
    findings = _findings(text, "change_mismatch")
    assert [(f.area, f.expected, f.found) for f in findings] == [(2, "+18", "+17")]


def test_summa_row_checked_against_its_sub_areas() -> None:
    text = (
        "Område 1 Offentlighet och demokrati\n\nDelområde\tMax\tPoäng\n"
        "Information till medborgarna\t30\t22\nMedborgardialog\t40\t25\nÖppenhet och insyn\t30\t14\n"
        "Summa\t100\t62\n"
    )
    extraction = extract(doc_from(text))
    extraction = extraction.__class__(
        **{**extraction.__dict__, "metadata": extraction.metadata.__class__(year=2014)}
    )
    findings = [f for f in validate(extraction, None) if f.rule == "area_sum_mismatch"]
    assert [(f.area, f.expected, f.found, f.line) for f in findings] == [(1, "61", "62", 7)]
    assert "Summa row" in findings[0].message


def test_unread_header_is_a_warning_at_the_first_row() -> None:
    text = (
        "Tabell 2 Poäng 2005 och 2007\n\n1 Offentlighet och demokratisk kontroll\t66\t73\n"
        "5 Kontroll och rapportering\t71\t79\n"
    )
    findings = _findings(text, "table_header_unread")
    assert [(str(f.severity), f.expected, f.line) for f in findings] == [("warning", "2005 | 2007", 3)]


def test_row_with_a_missing_cell_is_misaligned() -> None:
    text = (
        "\t2003\t2005\t2007\n1 Offentlighet och demokratisk kontroll\t56\t66\t73\n"
        "5 Kontroll och rapportering\t71\t79\nTOTALT\t101\t137\t152\n"
    )
    findings = _findings(text, "table_row_misaligned")
    assert [(str(f.severity), f.expected, f.found, f.line) for f in findings] == [("warning", "3", "2", 3)]
    scores = {(s.area, s.year): s.score for s in extract(doc_from(text)).area_scores}
    assert (scores[(5, 2005)], scores[(5, 2007)]) == (71, 79)  # paired from the right, as the finding says
