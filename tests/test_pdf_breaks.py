"""Whether a PDF line goes on with the bullet or paragraph above: decided by typography and words.

A heading or a paragraph after a bullet must stand on its own, whether a page break comes between
them or the bullet fills its line. The geometry is that of ``pdf_geometry``.
"""

from __future__ import annotations

from collections import Counter

import pytest
from pdf_geometry import LEFT, justified, page, words_at

from extractors.observations import extract_observations
from pipeline.ingest.pdf.steps import document_lines
from pipeline.model.document import Document

TEXT_X = LEFT + 18
HEADING = "Område 1 Offentlighet och demokratisk kontroll"
# A bullet item long enough to reach the right edge of the text (528 pt).
FULL_ITEM = "Kartläggning och sammanställning av kvalitetsmetoder samt innovativa arbetssätt i"


def bullet(top: float, text: str, glyph: str = "•") -> list:
    """A bullet item on one line; the long item is set to reach the right edge of the text."""
    words = justified(top, text, left=TEXT_X) if text == FULL_ITEM else words_at(TEXT_X, top, text)
    return [*words_at(LEFT + 5, top, glyph), *words]


def non_blank(pages: list) -> list[str]:
    return [line.text for line in document_lines(pages) if line.text]


@pytest.mark.parametrize(
    "heading",
    ["Förbättringsområden", "Förbättringsförslag", "Område 2 – Samhällsutveckling", "Sammanfattning"],
)
def test_a_heading_after_a_bullet_that_fills_its_line_stands_alone(heading: str) -> None:
    words = [*words_at(LEFT, 88, "Styrkor"), *bullet(100, FULL_ITEM), *words_at(LEFT, 112, heading)]
    assert non_blank([page(1, words)]) == ["Styrkor", f"- {FULL_ITEM}", heading]


@pytest.mark.parametrize("heading", ["Förbättringsområden", "Område 8 Kommunen som samhällsbyggare"])
def test_a_heading_after_a_bullet_across_a_page_break_stands_alone(heading: str) -> None:
    first = page(1, words_at(LEFT, 88, "Styrkor"), bullet(100, FULL_ITEM))
    second = page(2, words_at(LEFT, 60, heading), bullet(72, "Medborgarförslag."))
    assert non_blank([first, second]) == ["Styrkor", f"- {FULL_ITEM}", heading, "- Medborgarförslag."]


def test_a_paragraph_after_a_bullet_across_a_page_break_stands_alone() -> None:
    first = page(1, bullet(100, "Kartläggning och sammanställning av kvalitetsmetoder samt arbetssätt."))
    second = page(2, words_at(LEFT, 60, "Kommunen har också ett ledningsinformationssystem."))
    assert non_blank([first, second]) == [
        "- Kartläggning och sammanställning av kvalitetsmetoder samt arbetssätt.",
        "Kommunen har också ett ledningsinformationssystem.",
    ]


def test_a_bullet_split_by_a_page_break_under_its_text_is_still_joined() -> None:
    first = page(1, bullet(100, FULL_ITEM))
    second = page(2, words_at(TEXT_X, 60, "kommunens styrmodell."), words_at(LEFT, 82, "Nästa stycke."))
    assert non_blank([first, second]) == [f"- {FULL_ITEM} kommunens styrmodell.", "Nästa stycke."]


def test_single_line_paragraphs_spaced_apart_are_blocks_of_their_own() -> None:
    # Every paragraph one line long, a paragraph's worth of space between them: the list's closer
    # lines show the real line spacing, so the space above each paragraph separates it.
    tops = [100 + 22 * n for n in range(6)]
    words = [word for top in tops for word in words_at(LEFT + 5, top, "Stycke om kommunen.")]
    items = [FULL_ITEM, "Andra punkten.", "Tredje.", "Fjärde."]
    words += [word for n, item in enumerate(items) for word in bullet(240 + 13 * n, item, "-")]
    words += [*words_at(LEFT, 301, "Område 2 Tillgänglighet")]
    lines = document_lines([page(1, words)])
    assert [line.text for line in lines if line.text][-5:] == [
        *(f"- {item}" for item in items),
        "Område 2 Tillgänglighet",
    ]
    assert sum(1 for line in lines if not line.text) >= 6


def test_improvement_list_after_a_full_strength_item_is_read_as_improvements() -> None:
    first = page(
        1,
        words_at(LEFT, 76, "Område 1 Offentlighet och demokratisk kontroll"),
        words_at(LEFT, 88, "Styrkor"),
        bullet(100, FULL_ITEM),
    )
    second = page(2, words_at(LEFT, 60, "Förbättringsområden"), bullet(72, "Medborgarförslag."))
    doc = Document(lines=document_lines([first, second]), input_format="pdf")
    assert [(o.kind, o.text) for o in extract_observations(doc)] == [
        ("strength", FULL_ITEM),
        ("improvement", "Medborgarförslag."),
    ]


LEFT_COLUMN = [
    "Kommunen har under flera år arbetat med",
    "att utveckla sin styrmodell och har nu en",
    "tydlig koppling mellan mål och resultat.",
    "Inom området uppnår kommunen 73 poäng.",
    "Arbetet med information har utvecklats",
    "och hemsidan är tydlig och innehållsrik.",
]
RIGHT_COLUMN = [
    "Medborgardialogen kring budgeten har",
    "genomförts i alla kommundelar under det",
    "senaste året och synpunkterna har tagits",
    "om hand av nämnderna på ett systematiskt",
    "sätt som redovisas i årsredovisningen och",
    "på kommunens hemsida för alla invånare.",
]


def two_column_page(right_x: float = 310.0) -> list:
    words = list(words_at(LEFT, 80, "Område 1 Offentlighet och demokratisk kontroll"))
    for n, (left, right) in enumerate(zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True)):
        words += [*words_at(LEFT, 104 + 12 * n, left), *words_at(right_x, 104 + 12 * n, right)]
    words += words_at(LEFT, 200, "Styrkor")
    return words


def test_two_column_text_is_read_column_by_column() -> None:
    lines = non_blank([page(1, two_column_page())])
    assert lines[0] == "Område 1 Offentlighet och demokratisk kontroll"
    assert lines[-1] == "Styrkor"
    body = " ".join(lines[1:-1])
    assert body.index("Kommunen har under flera år") < body.index("Inom området uppnår kommunen 73 poäng.")
    assert body.index("på kommunens hemsida för alla invånare.") > body.index("hemsidan är tydlig")
    assert "Kommunen har under flera år arbetat med att utveckla sin styrmodell" in body
    assert "Medborgardialogen kring budgeten har genomförts i alla kommundelar" in body
    assert not any("arbetat med Medborgardialogen" in line for line in lines)


def test_a_claim_in_the_left_column_reads_whole() -> None:
    doc = Document(lines=document_lines([page(1, two_column_page())]), input_format="pdf")
    from extractors.claims import extract_claims

    [claim] = extract_claims(doc, (2005, 2007), 2007)
    assert (claim.area, claim.claimed_score) == (1, 73)


def test_columns_whose_baselines_do_not_line_up_are_read_one_after_the_other() -> None:
    # Fuzz seeds 2, 4 and 22 (ReportLab and Chromium, two-column prose): a heading in the right
    # column sets its lines half a line below the left column's, so grouping words by baseline
    # merged lines of both columns; the running header and the page number stay out of the columns.
    words = list(words_at(LEFT, 30, "Sveriges Kommuner och Landsting 2008-09-09"))
    words += words_at(500, 30, "3")
    for n, line in enumerate(LEFT_COLUMN):
        words += words_at(LEFT, 80 + 12 * n, line)
    words += words_at(LEFT, 160, "Styrkor")
    words += bullet(172, "Kvalitetsdeklarationer inom verksamheter", "-")
    words += words_at(310, 80, "Område 2 Tillgänglighet")
    for n, line in enumerate(RIGHT_COLUMN):
        words += words_at(310, 98 + 12 * n, line)
    words += words_at(300, 760, "3")
    lines = non_blank([page(3, words)])
    assert lines[0] == "Sveriges Kommuner och Landsting 2008-09-09 3"
    assert lines.index("Styrkor") < lines.index("Område 2 Tillgänglighet")
    assert "- Kvalitetsdeklarationer inom verksamheter" in lines
    body = " ".join(lines)
    assert "Kommunen har under flera år arbetat med att utveckla sin styrmodell" in body
    assert "Medborgardialogen kring budgeten har genomförts i alla kommundelar" in body
    assert body.index("innehållsrik.") < body.index("Medborgardialogen")


def test_columns_a_narrow_gutter_apart_are_read_one_after_the_other() -> None:
    # Fuzz seeds 2007, 2037 and 2068 (LibreOffice, two-column prose): Writer sets its columns
    # about 0.3 cm apart, less than an em, and the page read as one column with lines of both
    # merged. Justified prose fills both columns, so a narrow gutter is still a gutter; a page
    # holds enough lines of it that the gap cannot be one between words by chance.
    words = list(words_at(LEFT, 80, "Område 1 Offentlighet och demokratisk kontroll"))
    for n, (left, right) in enumerate(zip(LEFT_COLUMN * 2, RIGHT_COLUMN * 2, strict=True)):
        top = 104 + 12 * n
        words += [*justified(top, left, left=LEFT, right=296), *justified(top, right, left=302)]
    lines = non_blank([page(1, words)])
    body = " ".join(lines[1:])
    assert "Kommunen har under flera år arbetat med att utveckla sin styrmodell" in body
    assert body.index("innehållsrik.") < body.index("Medborgardialogen kring budgeten har genomförts")


def test_a_narrow_gutter_beside_a_column_of_lists_is_still_a_gutter() -> None:
    # Fuzz seed 40009 (a LibreOffice page, scanned): prose fills the left column, the right holds
    # the strengths and improvement areas, short bullet items that fill no column. The page read
    # as one column, each list item merged with a line of the other column's prose.
    items = [
        "Starkt och levande föreningsliv",
        "Jämföra resultat från brukarundersökningar",
        "Premiera gott bemötande",
        "Väl utvecklade e-tjänster",
    ]
    words = []
    for n, left in enumerate(LEFT_COLUMN * 2):
        top = 104 + 12 * n
        words += justified(top, left, left=LEFT, right=296)
        words += [*words_at(302, top, "•"), *words_at(312, top, items[n % len(items)])]
    lines = non_blank([page(1, words)])
    body = " ".join(lines)
    assert "Kommunen har under flera år arbetat med att utveckla sin styrmodell" in body
    assert body.index("innehållsrik.") < body.index("Starkt och levande föreningsliv")


def test_a_scanned_right_column_whose_edges_ocr_puts_a_point_apart_is_still_a_column() -> None:
    # Fuzz seed 120005 (a Chromium page in two columns, scanned): OCR puts the starts of the right
    # column's lines, bullets and items each within a point of their edge, on both sides of any
    # fixed two-point grid; counted on such a grid the column had too many edges to be prose, and
    # the page was read as one column, each list item merged with a line of the other's prose.
    jitter = (-0.4, 0.4)
    right: list[list[tuple[float, str]]] = [[(313.0, "Styrkor inom området")]]
    right += [[(313.0, line)] for line in RIGHT_COLUMN]
    right += [[(313.0, "Förbättringsområden")]]
    items = [
        ("Premiera gott", "bemötande"), ("Väl utvecklade", "e-tjänster"), ("Synliggöra", "kostnader"),
        ("Utveckla uppföljningen av", "tvärsektoriella projekt"), ("Jämföra", "resultat"),
    ]  # fmt: skip
    for first, rest in items:
        right += [[(335.0, "•"), (343.0, first)], [(343.0, rest)]]
    words = []
    for n, left in enumerate(LEFT_COLUMN * 3):
        words += justified(104 + 12 * n, left, left=LEFT + jitter[n % 2], right=296)
    # Each edge's lines a point apart in turn: on a two-point grid, half its lines in each cell.
    starts = Counter[float]()
    for n, pieces in enumerate(right):
        starts[pieces[0][0]] += 1
        shift = jitter[starts[pieces[0][0]] % 2]
        words += [word for x, text in pieces for word in words_at(x + shift, 110 + 12 * n, text)]
    lines = non_blank([page(1, words)])
    assert "- Premiera gott" in lines
    assert "- Utveckla uppföljningen av tvärsektoriella projekt" in lines
    body = " ".join(lines)
    assert body.rindex("innehållsrik.") < body.index("Styrkor inom området")


def test_two_columns_of_score_tables_are_read_one_column_after_the_other() -> None:
    # Fuzz seed 2037 (LibreOffice, two columns): the score tables fill both columns of a page, so
    # neither side is prose; each side's rows are whole (a label and its points) and the columns
    # set their rows on baselines of their own, unlike the halves of one wide table.
    words = []
    for x, first_top, area in ((LEFT, 100, 1), (310, 106, 5)):
        words += words_at(x, first_top, f"Tabell {area} Poäng inom område {area}")
        words += [*words_at(x, first_top + 15, "Nr Delområde"), *words_at(x + 140, first_top + 15, "Egna")]
        words += words_at(x + 175, first_top + 15, "Max")
        for n in range(4):
            top = first_top + 30 + 15 * n
            words += [*words_at(x, top, f"{area}:{n + 1} Delaktighet"), *words_at(x + 150, top, "14")]
            words += words_at(x + 180, top, "20")
    lines = non_blank([page(1, words)])
    assert lines.index("1:4 Delaktighet\t14\t20") < lines.index("Tabell 5 Poäng inom område 5")
    assert "5:1 Delaktighet\t14\t20" in lines


def test_a_table_with_a_wide_gap_between_its_halves_is_not_cut_into_columns() -> None:
    rows = [
        ("1.1 Hur informeras medborgarna?", "40", "28", "5.1 Hur detaljerat är rapporteringen?", "40", "32")
    ] * 6
    words = []
    for n, (q1, m1, s1, q2, m2, s2) in enumerate(rows):
        top = 100 + 12 * n
        words += [*words_at(LEFT, top, q1), *words_at(250, top, m1), *words_at(270, top, s1)]
        words += [*words_at(310, top, q2), *words_at(490, top, m2), *words_at(510, top, s2)]
    lines = non_blank([page(1, words)])
    assert all(line.count("\t") >= 4 or "5.1" in line for line in lines)
    assert not any(line.startswith("5.1") for line in lines)


@pytest.mark.parametrize(("marker", "second"), [("o", "o"), ("1.", "2."), ("a)", "b)"), ("–", "–")])
def test_typed_list_markers_start_items_also_after_a_full_item(marker: str, second: str) -> None:
    words = [
        *words_at(LEFT, 88, "Styrkor"),
        *words_at(LEFT + 5, 100, marker),
        *justified(100, FULL_ITEM, left=TEXT_X),
        *words_at(LEFT + 5, 112, second),
        *words_at(TEXT_X, 112, "Hemsidan."),
    ]
    doc = Document(
        lines=(*document_lines([page(1, words_at(LEFT, 60, HEADING))]), *document_lines([page(2, words)])),
        input_format="pdf",
    )
    assert [o.text for o in extract_observations(doc)] == [FULL_ITEM, "Hemsidan."]


def test_a_sentence_split_from_the_right_column_to_the_next_page_is_joined() -> None:
    # Fuzz seed 36 (ReportLab, two columns): the claim's sentence ends the right column of one
    # page ("... uppnår") and goes on at the left edge of the next ("kommunen 59 poäng.").
    first = page(3, words_at(310, 700, "Inom området ledarskap, ansvar och delegation uppnår"))
    second = page(4, words_at(LEFT, 60, "kommunen 59 poäng. En försämring med 23 poäng."))
    assert non_blank([first, second]) == [
        "Inom området ledarskap, ansvar och delegation uppnår kommunen 59 poäng. En försämring med 23 poäng."
    ]
    ended = page(3, words_at(310, 700, "Inom området uppnår kommunen 59 poäng."))
    assert non_blank([ended, page(4, words_at(LEFT, 60, "nästa stycke börjar här."))]) == [
        "Inom området uppnår kommunen 59 poäng.",
        "nästa stycke börjar här.",
    ]


def test_a_few_lines_beside_a_narrow_gutter_on_baselines_of_their_own_are_columns() -> None:
    # Fuzz seed 120018 (LibreOffice, two columns, under the summary table at a page's foot): a
    # heading shifts the left column's lines half a line from the right's, and the columns hold
    # fewer lines than a narrow gutter asks for; the page was read as one column, line by line.
    words = []
    for n, (left, right) in enumerate(zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True)):
        words += justified(600 + 13 * n, left, left=LEFT, right=296)
        words += justified(606 + 13 * n, right, left=302)
    body = " ".join(non_blank([page(1, words)]))
    assert "Kommunen har under flera år arbetat med att utveckla sin styrmodell" in body
    assert body.index("innehållsrik.") < body.index("Medborgardialogen kring budgeten")
