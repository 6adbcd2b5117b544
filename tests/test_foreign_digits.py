"""Digits of other scripts are read as the numbers they stand for, never silently."""

from __future__ import annotations

from pipeline.model.document import Document
from pipeline.run.process import digitize
from tests.conftest import UMEA


def test_a_line_with_a_bengali_digit_is_reported_where_it_stands() -> None:
    doc = Document.from_text("Rubrik\n\n1 Offentlighet\t56\t66\t৪3\n")
    (loss,) = doc.losses
    assert (loss.line, loss.page, loss.count) == (3, None, 1)
    assert "৪ (BENGALI DIGIT FOUR) as 4" in loss.message


def test_ascii_digits_and_other_numerals_are_not_reported() -> None:
    # Superscripts (footnote markers) and fractions are not decimal digits of a script.
    assert Document.from_text("TOTALT\t497\t608\t646\n61¹ och ½ poäng").losses == ()


def test_a_foreign_digit_in_the_summary_table_gives_a_finding_at_its_line() -> None:
    text = UMEA.read_text(encoding="utf-8").replace(
        "8 Kommun som samhällsbyggare\t80\t90\t98", "8 Kommun som samhällsbyggare\t80\t90\t9৪"
    )
    extraction = digitize(Document.from_text(text))
    lost = [f for f in extraction.findings if f.rule == "content_lost"]
    assert [(f.line, f.found) for f in lost] == [(106, "1")]
    assert "BENGALI DIGIT FOUR" in lost[0].message


def test_rebuilding_a_document_does_not_repeat_its_losses() -> None:
    import dataclasses

    doc = Document.from_text("Summa\t৫\n")
    assert len(dataclasses.replace(doc, source="again").losses) == 1
