"""Bullet glyphs and page numbers are declared once (pipeline.model.marks): text exports, PDFs and
the extractors read the same marks."""

from __future__ import annotations

import pytest

from extractors.bullets import BULLET
from pipeline.ingest.pdf.words import bullet_glyph
from pipeline.model.marks import BULLET_GLYPHS, PAGE_NUMBER
from pipeline.model.text_furniture import BULLET_START, remove_furniture


@pytest.mark.parametrize("glyph", sorted(BULLET_GLYPHS))
def test_every_reader_takes_a_bullet_glyph_as_a_bullet(glyph: str) -> None:
    assert bullet_glyph(f"{glyph}Styrkor") == glyph  # a PDF word
    assert BULLET_START.match(f"{glyph} Styrkor")  # a list item across a text export's page break
    match = BULLET.match(f"{glyph} Styrkor")  # the extractors' list items
    assert match is not None and match["glyph"] == glyph and match["text"] == "Styrkor"


@pytest.mark.parametrize(
    ("line", "page"),
    [("12", "12"), ("12 (27)", "12"), ("- 12 -", "12"), ("(12)", "12"), ("Sida 12 av 27", "12"),
     ("s. 12", "12"), ("Page 12 of 27", "12"), ("12/27", "12"), ("  3  ", "3")],
)  # fmt: skip
def test_page_number_forms(line: str, page: str) -> None:
    match = PAGE_NUMBER.match(line)
    assert match is not None and match["page"] == page


@pytest.mark.parametrize("line", ["2014", "1 2", "Sidan 3", "12 poäng", "Område 3"])
def test_not_page_numbers(line: str) -> None:
    assert PAGE_NUMBER.match(line) is None


@pytest.mark.parametrize("footer", ["Page 1 of 2", "(1)", "Sida 1 av 2"])
def test_a_text_export_drops_the_page_number_forms_a_pdf_drops(footer: str) -> None:
    # On one page only, so that it is dropped as a page number, not as a running footer.
    texts = ["Allmänt om kommunen", "", footer, "\fInformation", "Mer text"]
    kept = [text for _, text in remove_furniture(texts) if text.strip()]
    assert kept == ["Allmänt om kommunen", "Information", "Mer text"]


def test_every_reader_of_bullets_knows_every_bullet_glyph() -> None:
    from extractors.flow import OPENS_BLOCK
    from extractors.name_matcher import SENTENCE_OPENERS

    assert BULLET_GLYPHS <= SENTENCE_OPENERS
    assert all(OPENS_BLOCK.match(f"{glyph} Ale kommun") for glyph in BULLET_GLYPHS)
    assert not OPENS_BLOCK.match("Ale kommun")


def test_a_value_alone_at_a_page_end_is_no_page_number() -> None:
    # A raw export of a summary row whose label wrapped: its value alone on the page's last line,
    # the header repeated on the next (fuzz seed 80056). The pages' own numbers run with the pages.
    texts = [
        "Inledning", "1",
        "\fHuvudområde Lund 2012", "5 Resultat och effektivitet 52", "6 Kommunen som arbetsgivare –",
        "personalpolitik", "73", "2",
        "\fHuvudområde Lund 2012", "7 Verksamhetsutveckling 61", "TOTALT 494", "3",
    ]  # fmt: skip
    kept = [text for _, text in remove_furniture(texts) if text.strip()]
    assert "73" in kept
    assert not {"1", "2", "3"} & set(kept)


def test_a_line_at_one_page_end_and_another_page_top_is_no_running_line() -> None:
    # A layout export of three pages (fuzz seed 160468): a summary row's wrapped label ends page 1
    # ("personalpolitik"), a heading's wrapped rest in the right column opens page 2. Taken for a
    # running header, the heading's rest was dropped and the page's columns were lost with it.
    texts = [
        "Inledning", "Text", "Mer text", "Och mer", "6 Kommunen som arbetsgivare –  100  67,5",
        "personalpolitik",
        "\f4. Ledarskap, ansvar och delegation          6. Kommunen som arbetsgivare –",
        "                                               personalpolitik",
        "Allmänt", "Mer text", "Och mer",
        "\fSlutord", "Text", "Sista raden",
    ]  # fmt: skip
    kept = [text.strip() for _, text in remove_furniture(texts)]
    assert kept.count("personalpolitik") == 2
