"""The PDF layout steps on made-up pages: words, running headers, tables, paragraphs.

The geometry follows word processors (see ``pdf_geometry``): 10 pt text, 12 pt leading, table rows
padded by a few points, so each test places words the way a report's page has them.
"""

from __future__ import annotations

import dataclasses

import pytest
from pdf_geometry import (
    CHAR,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SIZE,
    cells,
    glyphs_at,
    grid_rules,
    justified,
    page,
    words_at,
)

from pipeline.ingest.pdf.columns import _least_crossed, page_lines
from pipeline.ingest.pdf.glyphs import Glyph, Ruling
from pipeline.ingest.pdf.printed_lines import printed_lines
from pipeline.ingest.pdf.rows import _cell_text
from pipeline.ingest.pdf.steps import document_lines
from pipeline.ingest.pdf.words import Word, words_from_glyphs


def texts(pages: list) -> list[str]:
    return [line.text for line in document_lines(pages)]


def non_blank(pages: list) -> list[str]:
    return [text for text in texts(pages) if text]


# --- glyphs to words ------------------------------------------------------------------------------


def test_glyphs_drawn_twice_in_place_are_read_once() -> None:
    # Fake bold drawn glyph by glyph: each glyph again, a third of a point to the right.
    glyphs = [
        g for glyph in glyphs_at(72, 100, "Framgångsrik") for g in (glyph, glyph._replace(x0=glyph.x0 + 0.35))
    ]
    assert [w.text for w in words_from_glyphs(glyphs)] == ["Framgångsrik"]


def test_a_line_drawn_twice_is_read_once() -> None:
    # Fake bold drawn line by line: the whole text again, shifted.
    first = glyphs_at(72, 100, "Prenumerationstjänst och mer")
    again = [g._replace(x0=g.x0 + 0.35, x1=g.x1 + 0.35) for g in first]
    assert [w.text for w in words_from_glyphs(first + again)] == ["Prenumerationstjänst", "och", "mer"]


@pytest.mark.parametrize("text", ["Kommunkompassen", "tillgänglighet", "Förbättringsområden", "ll ii"])
def test_double_letters_are_kept(text: str) -> None:
    assert " ".join(w.text for w in words_from_glyphs(glyphs_at(72, 100, text))) == text


def test_words_split_where_a_gap_stands_without_a_space_glyph() -> None:
    glyphs = [*glyphs_at(72, 100, "40"), *glyphs_at(120, 100, "28")]
    assert [w.text for w in words_from_glyphs(glyphs)] == ["40", "28"]


def test_ligatures_are_spelled_out() -> None:
    glyphs = [
        Glyph("e", 72, 77, 100, 110, SIZE),
        Glyph("ﬀ", 77, 82, 100, 110, SIZE),
        Glyph("ekt", 82, 97, 100, 110, SIZE),
    ]
    assert [w.text for w in words_from_glyphs(glyphs)] == ["effekt"]


def test_printed_lines_group_words_on_one_baseline_left_to_right() -> None:
    words = [*words_at(300, 100, "40"), *words_at(72, 100.5, "1.1 Hur"), *words_at(72, 112, "nästa rad")]
    lines = printed_lines(1, words)
    assert [line.text for line in lines] == ["1.1 Hur 40", "nästa rad"]


# --- running headers and footers ----------------------------------------------------------------


BODIES = ["Kommunkompassen är ett verktyg.", "Allmänt om Umeå kommun", "Information"]


@pytest.mark.parametrize("footer", ["{n} (3)", "Sida {n} av 3", "- {n} -", "{n}"])
def test_running_header_and_page_number_are_dropped(footer: str) -> None:
    pages = [
        page(
            n,
            words_at(LEFT, 40, "Sveriges Kommuner och Landsting"),
            words_at(LEFT, 100, body),
            words_at(280, 760, footer.format(n=n)),
        )
        for n, body in enumerate(BODIES, start=1)
    ]
    assert non_blank(pages) == BODIES


def test_a_running_footer_read_with_other_punctuation_on_each_page_is_dropped() -> None:
    # A grey scan (fuzz seed 3095): OCR read the footer "Kommunkompassen Eskilstuna 2016 sid 5"
    # with other dashes and colons on each page; kept on one page, it split a list over the page break.
    footers = ["Kommunkompassen Eskilstuna 2016 --sid:1", "Kommunkompassen Eskilstuna 2016 -sid:2",
               "Kommunkompassen Eskilstuna 2016 sid 3"]  # fmt: skip
    pages = [
        page(n, words_at(LEFT, 100, body), words_at(LEFT, 760, footer))
        for n, (body, footer) in enumerate(zip(BODIES, footers, strict=True), start=1)
    ]
    assert non_blank(pages) == BODIES


def test_a_running_footer_whose_page_number_ocr_joined_to_the_word_before_is_dropped() -> None:
    # A grey scan (fuzz seed 120021): "Kommunkompassen Lund 2024 sid4" on one page, "sid 5" on the
    # others; kept, the footer was read into the list item above it.
    footers = [
        "Kommunkompassen Lund 2024 sid 1",
        "Kommunkompassen Lund 2024 sid2",
        "Kommunkompassen Lund 2024 sid 3",
    ]
    pages = [
        page(n, words_at(LEFT, 100, body), words_at(LEFT, 760, footer))
        for n, (body, footer) in enumerate(zip(BODIES, footers, strict=True), start=1)
    ]
    assert non_blank(pages) == BODIES


def test_the_running_header_of_a_landscape_page_among_portrait_ones_is_dropped() -> None:
    # Chromium PDF (fuzz seed 94197): on the landscape page of a score table the engine sets the
    # running header 6 points higher than on the portrait pages; kept, it opened the table's columns
    # and the own points of 7:1 were read as its max.
    portrait = [
        page(
            n,
            words_at(LEFT, 40, f"Sveriges Kommuner och Landsting 2018-04-26 {n}"),
            words_at(LEFT, 100, body),
        )
        for n, body in enumerate(BODIES, start=1)
    ]
    landscape = dataclasses.replace(
        page(
            4,
            words_at(LEFT, 34, "Sveriges Kommuner och Landsting 2018-04-26 4"),
            words_at(LEFT, 90, "Tabell"),
        ),
        width=PAGE_HEIGHT,
        height=PAGE_WIDTH,
    )
    assert non_blank([*portrait, landscape]) == [*BODIES, "Tabell"]


def test_a_landscape_page_keeps_a_line_with_other_text_than_the_running_lines() -> None:
    portrait = [
        page(n, words_at(LEFT, 40, "Sveriges Kommuner och Landsting"), words_at(LEFT, 100, body))
        for n, body in enumerate(BODIES, start=1)
    ]
    landscape = dataclasses.replace(
        page(4, words_at(LEFT, 34, "4 Poängsammanställning"), words_at(LEFT, 90, "Tabell")),
        width=PAGE_HEIGHT,
        height=PAGE_WIDTH,
    )
    assert non_blank([*portrait, landscape]) == [*BODIES, "4 Poängsammanställning", "Tabell"]


def test_header_text_in_the_body_is_kept() -> None:
    pages = [
        page(
            n,
            words_at(LEFT, 40, "Kommunkompassen Umeå kommun 2007"),
            words_at(LEFT, 100, f"Sida {n} text."),
            words_at(LEFT, 300 + n * 40, "Kommunkompassen Umeå kommun 2007"),
            words_at(LEFT, 500, "Slut."),
        )
        for n in (1, 2)
    ]
    assert non_blank(pages).count("Kommunkompassen Umeå kommun 2007") == 2


def test_page_number_of_a_single_page_is_dropped_and_lines_count_from_the_body() -> None:
    lines = document_lines([page(1, words_at(LEFT, 100, "Första raden."), words_at(290, 760, "1"))])
    assert [(line.text, line.page, line.number) for line in lines] == [("Första raden.", 1, 1)]


# --- tables ---------------------------------------------------------------------------------------

QUESTION, MAX, OWN = 72.0, 300.0, 350.0


def score_rows(padding: float) -> list[Word]:
    """A borderless stacked score table; rows ``padding`` points apart beyond the 2 pt leading."""
    top, found = 100.0, []
    rows = [
        ["1.1 Hur informeras medborgarna?", "40", "28"],
        [
            "5.2 Hur sker rapporteringen från",
            "tvärssektoriella projekt och",
            "program, avseende processer",
            "och resultat?",
            "20",
            "12",
        ],
        ["1 Offentlighet och demokratisk kontroll"],
        ["1.3 Hur informeras medborgarna", "om resultat?", "20", "13"],
    ]
    for row in rows:
        question = [text for text in row if not text.isdigit()]
        numbers = [text for text in row if text.isdigit()]
        found += cells(top, (QUESTION, question[0]), *zip((MAX, OWN), numbers, strict=False))
        for extra in question[1:]:
            top += 12
            found += words_at(QUESTION, top, extra)
        top += 12 + padding
    return found


EXPECTED_SCORE_ROWS = [
    "1.1 Hur informeras medborgarna?\t40\t28",
    "5.2 Hur sker rapporteringen från tvärssektoriella projekt och program, avseende processer och "
    "resultat?\t20\t12",
    "1 Offentlighet och demokratisk kontroll\t\t",
    "1.3 Hur informeras medborgarna om resultat?\t20\t13",
]


@pytest.mark.parametrize("padding", [6.0, 0.0], ids=["padded", "unpadded"])
def test_borderless_table_keeps_a_wrapped_cell_in_one_row(padding: float) -> None:
    assert non_blank([page(1, score_rows(padding))]) == EXPECTED_SCORE_ROWS


def test_ruled_table_rows_follow_the_rules() -> None:
    top = 100.0
    words = [
        *cells(top, (QUESTION, "7.4 Användning av Internet och"), (MAX, "20"), (OWN, "16")),
        *words_at(QUESTION, top + 12, "Intranät i ärendehantering."),
        *cells(top + 30, (QUESTION, "7.5 Hur aktivt används"), (MAX, "20"), (OWN, "13")),
        *words_at(QUESTION, top + 42, "Jämförelser?"),
    ]
    rules = grid_rules([66, 294, 340, 390], [96, 126, 156])
    assert non_blank([page(1, words, rules=rules)]) == [
        "7.4 Användning av Internet och Intranät i ärendehantering.\t20\t16",
        "7.5 Hur aktivt används Jämförelser?\t20\t13",
    ]


def test_header_cell_stacked_over_two_baselines_reads_in_column_order() -> None:
    # A word processor's score table in a text column (fuzz seed 110234, LibreOffice): "Egna poäng"
    # wraps in its narrow column, "Egna" half a line above the header's baseline and "poäng" half a
    # line below, and the area's row across the table parts the header from the body; read line by
    # line, the header's last cell was "Egna Maxpoäng poäng" and no own points were read.
    header = [
        Word("Egna", 259.5, 287.3, 223.7, 233.7, SIZE),
        *cells(229.5, (58.2, "Nr"), (103.8, "Delområde")),
        Word("Maxpoäng", 192.9, 251.0, 229.5, 239.5, SIZE),
        Word("poäng", 255.9, 290.9, 235.3, 245.3, SIZE),
    ]
    body = [
        *words_at(58.2, 249.8, "1 Samspel mellan förtroendevalda och"),
        *words_at(58.2, 261.4, "medborgare"),
        *cells(275.9, (58.2, "1.1 Jämförelser"), (192.6, "20"), (254.1, "20")),
        *cells(289.9, (58.2, "1.2 Målstyrning"), (192.6, "20"), (254.1, "15")),
        *cells(303.9, (58.2, "Summa"), (192.6, "40"), (254.1, "35")),
    ]
    assert non_blank([page(1, header, body)])[0] == "Nr\tDelområde\tMaxpoäng Egna poäng"


def test_a_wrapped_question_and_a_value_on_a_baseline_between_its_lines_read_apart_in_one_cell() -> None:
    # Fuzz seed 110516 (LibreOffice, two columns): a value centred between the two lines of its
    # question fell into the question's cell; the lines overlap through it, and read word stack
    # by word stack the question's words were shuffled ("Kan påverka brukarna själva"). Each
    # line's words a word space apart stay one phrase: the question whole, then the value.
    parts = [
        words_at(72, 100, "2.3. Kan brukarna själva"),
        words_at(200, 106, "17"),
        words_at(72, 112, "påverka serviceutbudet?"),
    ]
    assert _cell_text(parts) == "2.3. Kan brukarna själva påverka serviceutbudet? 17"


@pytest.mark.parametrize(
    ("crossing", "gutter"),
    [
        ([(0.0, 250.0), (270.0, 600.0)], 270),  # free from 250 to 270: its point nearest the middle, 300
        ([(0.0, 290.0), (299.5, 300.5), (310.0, 600.0)], 299),  # 299 and 301 as near: the first
        ([(0.0, 340.0), (250.0, 600.0)], 340),  # none free: of the points one word crosses
    ],
)
def test_the_gutter_looked_for_among_words_is_the_point_fewest_cross_nearest_the_middle(
    crossing: list[tuple[float, float]], gutter: int
) -> None:
    words = [Word("x", x0, x1, 100, 110, 10) for x0, x1 in crossing]
    assert _least_crossed(words, 0.0, 600.0) == gutter


def test_a_facts_table_beside_the_evaluated_list_in_the_next_column_is_read_apart() -> None:
    # Fuzz seed 150802 (LibreOffice PDF, two text columns): the Kortfakta table ends the left
    # column and the evaluated list, as a table, the right; rows of a like height stood level a
    # point or so apart, which read as one wide table's rows, and the list's municipalities
    # were lost. The rows of one table stand on exactly shared baselines; these do not.
    facts = [("Kortfakta", "2009"), ("Antal invånare", "41 140"), ("Yta (km²)", "3636"),
             ("Antal anställda", "6100"), ("Skattesats (%)", "20,9"), ("Antal nämnder", "8")]  # fmt: skip
    listed = [("Kommun", "År"), ("Motala", "2003, 2006"), ("Sundsvall", "2002"), ("Lycksele", "2006, 2007"),
              ("Ljungby", "2003, 2006"), ("Kalmar", "2005")]  # fmt: skip
    words: list[Word] = []
    for index, ((label, value), (name, years)) in enumerate(zip(facts, listed, strict=True)):
        words += cells(100 + 12.1 * index, (LEFT, label), (160, value))
        words += cells(101.2 + 12 * index, (320, name), (390, years))
    lines = non_blank([page(1, words)])
    assert lines[:6] == [f"{label}\t{value}" for label, value in facts]
    assert lines[6:] == [f"{name}\t{years}" for name, years in listed]


def test_a_score_table_flowed_from_the_left_column_into_the_right_reads_column_by_column() -> None:
    # Fuzz seed 150358 (LibreOffice PDF, two text columns, one score table for all areas): the
    # table fills the left column and goes on at the top of the right one, prose under it. Each
    # row's points stand on a baseline of their own between the lines of its wrapped question,
    # less than a column gap apart ("40 16"), and an area's name set across the cells ended the
    # table. Both columns set the table's points at one distance from their left edge, and their
    # lines stand level only where their rows do: columns, read one after the other.
    left_rows = [
        ("7:1 Hur metodiskt sker utveckling av", "kvalitetssystem?", "20", "3"),
        ("7:2 Hur aktivt används jämförelser i", "organisationsutvecklingen?", "20", "5"),
        ("8 Kommunen som samhällsbyggare och näringsliv", "", "", ""),
        ("8:1 Vad gör kommunen för att stötta", "föreningslivet?", "40", "16"),
        ("8:2 Kommunens samverkan med", "kulturlivet.", "20", "5"),
    ]
    right_rows = [
        ("8:3 Kommunen som partner för", "näringslivet.", "20", "11"),
        ("8:4 Kommunens internationella", "kontakter.", "20", "6"),
    ]
    words: list[Word] = []
    for edge, rows in ((58.0, left_rows), (302.0, right_rows)):
        top = 60.0
        for question, rest, top_score, own in rows:
            words += words_at(edge, top, question)
            if not rest:
                top += 14.5
                continue
            words += [*words_at(edge, top + 11.7, rest), *words_at(edge + 198, top + 5.8, top_score)]
            words += words_at(edge + 215, top + 5.8, own)
            top += 26
    prose = [
        "Sveriges Kommuner och Landsting har",
        "använt Kommunkompassen som",
        "utvärderingsinstrument sedan",
        "2002. Följande kommuner har",
        "utvärderats med Kommunkompassen.",
    ]
    for index, text in enumerate(prose):
        words += words_at(302, 118 + 13.4 * index, text)
    assert non_blank([page(1, words)]) == [
        "7:1 Hur metodiskt sker utveckling av kvalitetssystem?\t20\t3",
        "7:2 Hur aktivt används jämförelser i organisationsutvecklingen?\t20\t5",
        "8 Kommunen som samhällsbyggare och näringsliv",
        "8:1 Vad gör kommunen för att stötta föreningslivet?\t40\t16",
        "8:2 Kommunens samverkan med kulturlivet.\t20\t5",
        "8:3 Kommunen som partner för näringslivet.\t20\t11",
        "8:4 Kommunens internationella kontakter.\t20\t6",
        " ".join(prose),
    ]


def test_a_few_lines_in_two_columns_under_a_table_at_the_foot_of_a_page() -> None:
    # A LibreOffice page (fuzz seed 110042): the summary table, then the body set in two columns
    # a narrow gutter apart (0.9 em) for the last six lines of the page; too few lines for a
    # narrow gutter then, the halves were read as a table's cells and area 1 was lost.
    table = [
        *cells(100, (58, "1 Offentlighet och demokrati"), (371, "77,5"), (509, "67")),
        *cells(114, (58, "2 Tillgänglighet"), (371, "81,5"), (509, "68")),
        *cells(128, (58, "TOTALT"), (371, "159"), (509, "135")),
    ]
    left = [
        "Området beskriver hur kommunen arbetar med",
        "offentlighet och demokrati. Utvärderarna har",
        "tagit del av dokument, hemsidan och många",
        "intervjuer med politiker och tjänstemän som",
        "arbetar i kommunen med offentlighet och",
        "demokrati.",
    ]
    right = [
        "Inom området offentlighet och demokrati når",
        "kommunen 73 poäng. En förbättring med tio",
        "poäng i förhållande till den förra och",
        "Sammanfattning offentlighet och demokrati",
        "Styrkor inom området finns det flera av",
        "Tydlig rollfördelning",
    ]
    words = list(table)
    for n, (l_text, r_text) in enumerate(zip(left, right, strict=True)):
        top = 160 + 14 * n
        words += justified(top, l_text, 57, 293) if n < 5 else words_at(57, top, l_text)
        words += justified(top, r_text, 302, 518) if n < 5 else words_at(302, top, r_text)
    texts = non_blank([page(1, words)])
    assert texts[3:5] == [" ".join(left), " ".join(right[:3])]


def test_values_centred_on_their_own_baseline_beside_a_wrapped_question_keep_the_table() -> None:
    # A word processor's score table in a text column (fuzz seed 110290, LibreOffice): each
    # question wraps over two lines and its values stand centred between them on a baseline of
    # their own, two numbers a wide gap apart, which was taken for a line of evenly spaced words;
    # under the area's name set across the columns, no table was found and the questions, their
    # values apart, read as prose.
    words = [
        *cells(436, (302.9, "Delfråga"), (479.7, "Max"), (503.0, "Egna")),
        *words_at(302.9, 450, "1 Offentlighet och demokratisk kontroll"),
        *cells(465, (302.9, "1:1 Hur informeras medborgarna?"), (483.9, "40"), (505.0, "34")),
        *words_at(302.9, 479, "1:2 Hur främjas medborgarnas"),
        *cells(485, (483.9, "40"), (505.0, "28")),
        *words_at(302.9, 491, "engagemang?"),
        *words_at(302.9, 505, "1:3 Hur informeras medborgarna"),
        *cells(511, (483.9, "20"), (505.0, "14")),
        *words_at(302.9, 517, "om resultat?"),
    ]
    assert non_blank([page(1, words)])[-3:] == [
        "1:1 Hur informeras medborgarna?\t40\t34",
        "1:2 Hur främjas medborgarnas engagemang?\t40\t28",
        "1:3 Hur informeras medborgarna om resultat?\t20\t14",
    ]


def test_ruled_tables_stacked_close_are_tables_of_their_own() -> None:
    # A browser's report (fuzz seed 3003): a score table per area, each ruled with its own column
    # widths and only a few points below the one before; read as one table, the union of the
    # columns left only the id column apart ("Lönepolitik 25 20" in one cell).
    def area(top: float, xs: list[float], rows: list[tuple[str, str, str, str]]) -> tuple[list[Word], tuple]:
        words = [
            *cells(
                top + 4, (xs[0] + 4, "Nr"), (xs[1] + 4, "Delområde"), (xs[2] + 4, "Egna"), (xs[3] + 4, "Max")
            )
        ]
        for n, (nr, name, own, most) in enumerate(rows, start=1):
            words += cells(
                top + 4 + 15 * n, (xs[0] + 4, nr), (xs[1] + 4, name), (xs[2] + 4, own), (xs[3] + 4, most)
            )
        return words, grid_rules([*xs, xs[3] + 50], [top + 15 * n for n in range(len(rows) + 2)])

    first, first_rules = area(
        100, [72, 100, 230, 300], [("1.1.", "Lönepolitik", "25", "20"), ("1.2.", "Jämförelser", "16", "20")]
    )
    second, second_rules = area(
        149, [72, 100, 190, 260], [("2.1.", "Kulturliv", "14", "20"), ("2.2.", "Valfrihet", "7,5", "20")]
    )
    assert non_blank([page(1, first, second, rules=first_rules + second_rules)]) == [
        "Nr\tDelområde\tEgna\tMax",
        "1.1.\tLönepolitik\t25\t20",
        "1.2.\tJämförelser\t16\t20",
        "Nr\tDelområde\tEgna\tMax",
        "2.1.\tKulturliv\t14\t20",
        "2.2.\tValfrihet\t7,5\t20",
    ]


def test_side_by_side_tables_keep_empty_cells() -> None:
    left, right = (72.0, 230.0, 260.0), (300.0, 470.0, 500.0)
    words = [
        *cells(
            100,
            (left[0], "1.3 Hur informeras?"),
            (left[1], "20"),
            (left[2], "13"),
            (right[0], "5.3 Strategier."),
            (right[1], "20"),
            (right[2], "17"),
        ),
        *cells(118, (right[0], "5.4 Uppföljningsrutiner."), (right[1], "20"), (right[2], "17")),
    ]
    assert non_blank([page(1, words)]) == [
        "1.3 Hur informeras?\t20\t13\t5.3 Strategier.\t20\t17",
        "\t\t\t5.4 Uppföljningsrutiner.\t20\t17",
    ]


def test_facts_table_right_under_a_score_table_is_a_table_of_its_own() -> None:
    # A ReportLab report (fuzz seed 2): "Kortfakta | 2008" follows the last score table at its row
    # spacing, its year in the space between the questions and the points; it must not add a
    # column to the score table (which would put an empty cell before the points).
    words = [
        *cells(100, (LEFT, "8 Kommunen som samhällsbyggare"), (380, "Poäng"), (450, "Maxpoäng")),
        *cells(117, (LEFT, "8:1 Vad gör kommunen för föreningslivet?"), (390, "29"), (460, "40")),
        *cells(134, (LEFT, "8:2 Kommunens samverkan med kulturlivet."), (390, "17"), (460, "20")),
        *cells(151, (LEFT, "Summa"), (390, "46"), (455, "100")),
        *cells(168, (LEFT, "Kortfakta"), (300, "2008")),
        *cells(185, (LEFT, "Antal invånare"), (300, "70 977")),
    ]
    assert non_blank([page(1, words)])[:4] == [
        "8 Kommunen som samhällsbyggare\tPoäng\tMaxpoäng",
        "8:1 Vad gör kommunen för föreningslivet?\t29\t40",
        "8:2 Kommunens samverkan med kulturlivet.\t17\t20",
        "Summa\t46\t100",
    ]


def test_header_words_closer_than_a_column_gap_still_head_two_columns() -> None:
    # A LibreOffice report (fuzz seed 1): "Max" and "Egna" each centred over its column of numbers
    # stand only a word space and a half apart; the rows of values leave the gap free, so the
    # header splits there too instead of joining the two columns into one.
    words = [*cells(100, (LEFT, "Delfråga"), (300, "Max"), (320, "Egna"))]
    for index, (question, top_score, own) in enumerate([("1:1 Hur informeras?", "40", "32"),
                                                         ("1:2 Hur främjas?", "40", "21"),
                                                         ("Summa", "80", "53")]):  # fmt: skip
        words += cells(118 + index * 18, (LEFT, question), (302, top_score), (325, own))
    assert non_blank([page(1, words)]) == [
        "Delfråga\tMax\tEgna",
        "1:1 Hur informeras?\t40\t32",
        "1:2 Hur främjas?\t40\t21",
        "Summa\t80\t53",
    ]


@pytest.mark.parametrize("snitt", ["Sverigesnitt", "40 kommuner"])
def test_change_with_its_per_cent_sign_apart_parts_from_the_average_column(snitt: str) -> None:
    # A summary table (fuzz seeds 4066, 4098): the change prints its per cent sign as a word of its
    # own ("+14 %") and the average column's wide header starts just after the sign, over the gap
    # before its right-aligned numbers; the gap after the sign parts the two columns, and a number in
    # the average's header ("40 kommuner i genomsnitt") does not make that header a row of values.
    words = [*cells(100, (LEFT, "Huvudområde"), (260, "Max"), (300, "2010"), (350, "2013"))]
    words += [*right_aligned(100, 440, "Ändring"), *words_at(444, 100, snitt)]
    for index, (label, change, average) in enumerate(
        [("1 Demokrati", "+14 %", "51"), ("2 Tillgänglighet", "-2 %", "63"), ("TOTALT", "+40 %", "490")]
    ):
        top = 118 + index * 18
        words += [*cells(top, (LEFT, label), (260, "100"), (300, "63"), (350, "72"))]
        words += [*right_aligned(top, 440, change), *right_aligned(top, 510, average)]
    assert non_blank([page(1, words)])[1:] == [
        "1 Demokrati\t100\t63\t72\t+14 %\t51",
        "2 Tillgänglighet\t100\t63\t72\t-2 %\t63",
        "TOTALT\t100\t63\t72\t+40 %\t490",
    ]


def test_narrower_table_stacked_under_a_wide_one_is_read_by_its_own_columns() -> None:
    # LibreOffice per-area tables sized to their content (fuzz seed 37) stand one under the other
    # at the row spacing; the second one's values fall in the first one's label column, so they
    # start a table of its own instead of being cells of the first one's labels.
    words: list[Word] = []
    top = 100.0
    for question, own, most in [("1:1 Förtroendevaldas roll", "15", "20"), ("1:2 Innovation", "12", "20"),
                                ("Summa", "27", "40")]:  # fmt: skip
        words += cells(top, (LEFT, question), (384, own), (414, most))
        top += 15
    for question, own, most in [("2:1 Kulturliv", "17", "20"), ("2:2 Näringsliv", "9", "10"),
                                ("Summa", "26", "30")]:  # fmt: skip
        words += cells(top, (LEFT, question), (218, own), (248, most))
        top += 15
    assert non_blank([page(1, words)]) == [
        "1:1 Förtroendevaldas roll\t15\t20",
        "1:2 Innovation\t12\t20",
        "Summa\t27\t40",
        "2:1 Kulturliv\t17\t20",
        "2:2 Näringsliv\t9\t10",
        "Summa\t26\t30",
    ]


def test_justified_lines_with_wide_even_spaces_are_not_a_table() -> None:
    text = [
        "I en kommun beställer politiken genomförandet av ett uppdrag av",
        "Detta uppdrag ska spegla den politiska majoritetens vilja när det",
        "gäller att utveckla kommunen.",
    ]
    words = [*justified(100, text[0]), *justified(112, text[1]), *words_at(LEFT, 124, text[2])]
    assert non_blank([page(1, words)]) == [" ".join(text)]


AFTER_TABLE = "Sveriges Kommuner och Landsting har använt Kommunkompassen sedan 2002."


def test_table_continues_on_the_next_page_with_its_header_repeated_and_a_split_row() -> None:
    header = [(MAX, "Max"), (OWN, "Egna")]
    first = page(
        1,
        words_at(LEFT, 76, "Tabell 2 Redovisning av poäng."),
        cells(100, *header),
        cells(118, (QUESTION, "2.4 Genomförs undersökningar?"), (MAX, "20"), (OWN, "17")),
        cells(136, (QUESTION, "2.5 Hur är systemet för"), (MAX, "20"), (OWN, "12")),
    )
    second = page(
        2,
        cells(60, *header),
        words_at(QUESTION, 78, "synpunkter organiserat?"),
        cells(96, (QUESTION, "2.6 Bedrivs utbildning?"), (MAX, "10"), (OWN, "6")),
        words_at(LEFT, 140, AFTER_TABLE),
    )
    lines = [line for line in document_lines([first, second]) if line.text]
    assert [(line.text, line.page) for line in lines] == [
        ("Tabell 2 Redovisning av poäng.", 1),
        ("\tMax\tEgna", 1),
        ("2.4 Genomförs undersökningar?\t20\t17", 1),
        ("2.5 Hur är systemet för synpunkter organiserat?\t20\t12", 1),
        ("2.6 Bedrivs utbildning?\t10\t6", 2),
        (AFTER_TABLE, 2),
    ]


def test_table_continued_without_its_header_keeps_a_longer_label_reaching_into_the_gap() -> None:
    # Fuzz seeds 150724 and 150882 (LibreOffice PDF, points set left in a narrow cell): the first
    # page's labels end well before the points, the middle of that gap parting the columns; a
    # longer label on the next page reaches past it, and the continuation ended there (its rows
    # read on as a table of their own, the label and its points, a few points apart, one cell).
    # The boundary lies anywhere in the gap: it moves to where the next page's lines leave it free,
    # a column gap (a caption under the table leaves only word spaces).
    rows = [("1 Offentlighet och demokrati", "65", "74,5"), ("2 Tillgänglighet", "49", "53,5"),
            ("3 Politisk styrning och kontroll", "40", "76")]  # fmt: skip
    first = [*cells(100, (LEFT, "Huvudområde"), (236, "2014"), (300, "2017"))]
    for index, (name, older, newer) in enumerate(rows):
        first += cells(114 + 14 * index, (LEFT, name), (236, older), (300, newer))
    rows = [("4 Ledarskap, ansvar och delegation", "90", "59"), ("TOTALT", "244", "263,5")]
    second: list[Word] = []
    for index, (name, older, newer) in enumerate(rows):
        second += cells(60 + 14 * index, (LEFT, name), (236, older), (300, newer))
    second += words_at(88, 88, "Tabell 2 Kramfors kommuns poäng 2014 och 2017")
    second += words_at(LEFT, 120, AFTER_TABLE)
    lines = non_blank([page(1, first), page(2, second)])
    assert lines == [
        "Huvudområde\t2014\t2017",
        "1 Offentlighet och demokrati\t65\t74,5",
        "2 Tillgänglighet\t49\t53,5",
        "3 Politisk styrning och kontroll\t40\t76",
        "4 Ledarskap, ansvar och delegation\t90\t59",
        "TOTALT\t244\t263,5",
        "Tabell 2 Kramfors kommuns poäng 2014 och 2017",
        AFTER_TABLE,
    ]


def test_header_of_two_lines_is_one_row() -> None:
    words = [
        *cells(100, (MAX, "Max-"), (OWN, "Egna")),
        *cells(112, (MAX, "poäng"), (OWN, "poäng")),
        *cells(130, (QUESTION, "1.1 Hur informeras?"), (MAX, "40"), (OWN, "28")),
    ]
    assert non_blank([page(1, words)]) == ["\tMax- poäng\tEgna poäng", "1.1 Hur informeras?\t40\t28"]


# --- paragraphs and bullets -----------------------------------------------------------------------


def test_paragraph_split_by_a_page_break_is_one_line_where_it_starts() -> None:
    first = page(
        1,
        words_at(LEFT, 100, "Rubrik"),
        justified(122, "Inom området offentlighet och demokratisk kontroll uppnår kommunen 73"),
        justified(134, "poäng. En förbättring med sju poäng i förhållande till utvärderingen"),
    )
    second = page(2, words_at(LEFT, 60, "2005."), words_at(LEFT, 82, "Information"))
    lines = [line for line in document_lines([first, second]) if line.text]
    assert [(line.text, line.page, line.number) for line in lines] == [
        ("Rubrik", 1, 1),
        (
            "Inom området offentlighet och demokratisk kontroll uppnår kommunen 73 poäng. En förbättring med "
            "sju poäng i förhållande till utvärderingen 2005.",
            1,
            2,
        ),
        ("Information", 2, 2),
    ]


def test_paragraph_ending_short_before_a_page_break_is_not_joined() -> None:
    first = page(
        1,
        justified(100, "Kommunen har ett ledningsinformationssystem som lyfter information"),
        words_at(LEFT, 112, "i flera dimensioner."),
    )
    second = page(2, words_at(LEFT, 60, "Uppföljning och rapportering"))
    assert texts([first, second]) == [
        "Kommunen har ett ledningsinformationssystem som lyfter information i flera dimensioner.",
        "",
        "Uppföljning och rapportering",
    ]


def test_line_ended_by_hand_starts_a_new_line_and_space_gives_a_blank_line() -> None:
    words = [
        *words_at(LEFT, 100, "Styrkor"),
        *words_at(LEFT, 112, "Kommunen har en tydlig styrmodell."),
        *words_at(LEFT, 134, "Nästa stycke."),
    ]
    assert texts([page(1, words)]) == ["Styrkor", "Kommunen har en tydlig styrmodell.", "", "Nästa stycke."]


@pytest.mark.parametrize("glyph", ["•", "(cid:127)", "\uf0b7", "▪"])
def test_bullet_glyphs_become_dashes_and_wrapped_bullets_are_one_line(glyph: str) -> None:
    text_x = LEFT + 18
    words = [
        *words_at(LEFT + 5, 100, glyph),
        *justified(100, "Framgångsrik presstrategi och bra informationsflöde genom alla", left=text_x),
        *words_at(text_x, 112, "genom befintliga kanaler."),
        *words_at(LEFT + 5, 124, glyph),
        *words_at(text_x, 124, "Prenumerationstjänst."),
    ]
    assert non_blank([page(1, words)]) == [
        "- Framgångsrik presstrategi och bra informationsflöde genom alla genom befintliga kanaler.",
        "- Prenumerationstjänst.",
    ]


def test_bullet_split_by_a_page_break_is_joined() -> None:
    text_x = LEFT + 18
    first = page(
        1,
        words_at(LEFT + 5, 100, "•"),
        justified(100, "Kartläggning och sammanställning av kvalitetsmetoder och innovativa", left=text_x),
    )
    second = page(
        2, words_at(text_x, 60, "arbetssätt."), words_at(LEFT, 82, "Område 8 Kommunen som samhällsbyggare")
    )
    assert non_blank([first, second]) == [
        "- Kartläggning och sammanställning av kvalitetsmetoder och innovativa arbetssätt.",
        "Område 8 Kommunen som samhällsbyggare",
    ]


def test_dash_in_running_text_at_the_start_of_a_line_stays_in_the_paragraph() -> None:
    full = "De största offentliga arbetsgivarna är Norrlands universitetssjukhus, två universitet"
    words = [
        *justified(100, full),
        *words_at(LEFT, 112, "- Umeå Universitet och Sveriges Lantbruksuniversitet."),
    ]
    assert non_blank([page(1, words)]) == [
        "De största offentliga arbetsgivarna är Norrlands universitetssjukhus, två universitet - Umeå "
        "Universitet och Sveriges Lantbruksuniversitet."
    ]


def test_typed_dash_list_items_are_lines_of_their_own() -> None:
    lead = "Vid en utvärdering inhämtar oberoende experter information från tre källor:"
    words = [
        *words_at(LEFT, 100, lead),
        *words_at(LEFT + 5, 112, "- Intervjuer"),
        *words_at(LEFT + 5, 124, "- Officiella dokument"),
    ]
    assert non_blank([page(1, words)])[1:] == ["- Intervjuer", "- Officiella dokument"]


def test_every_line_has_its_page_and_box() -> None:
    lines = document_lines([page(1, score_rows(6.0)), page(2, words_at(LEFT, 60, "Slut."))])
    assert all(line.page in (1, 2) and line.number >= 1 for line in lines)
    assert all(line.bbox is not None for line in lines if line.text)
    assert lines[0].bbox is not None and lines[0].bbox[0] == pytest.approx(QUESTION)
    assert CHAR == SIZE / 2  # the geometry the expectations above are written for


# --- headers over their columns -------------------------------------------------------------------

SCORES = [
    ("1.1 Hur informeras?", "40", "28"),
    ("1.2 Hur främjas?", "40", "32"),
    ("1.3 Resultat?", "20", "7,5"),
]
EXPECTED_SCORES = ["1.1 Hur informeras?\t40\t28", "1.2 Hur främjas?\t40\t32", "1.3 Resultat?\t20\t7,5"]


def right_aligned(top: float, edge: float, text: str) -> list[Word]:
    return words_at(edge - len(text) * CHAR, top, text)


def centred(top: float, centre: float, text: str) -> list[Word]:
    width = len(text) * CHAR + (len(text.split()) - 1) * SIZE / 4
    return words_at(centre - width / 2, top, text)


def score_body(top: float) -> list[Word]:
    """Rows with numbers right-aligned at the right edge of wide columns (330 and 430)."""
    found: list[Word] = []
    for index, (question, top_score, own) in enumerate(SCORES):
        row_top = top + index * 18
        found += [*words_at(LEFT, row_top, question), *right_aligned(row_top, 330, top_score)]
        found += right_aligned(row_top, 430, own)
    return found


@pytest.mark.parametrize(
    ("header", "expected_header"),
    [
        # a narrow header centred in its column, far left of the right-aligned numbers
        ([*centred(100, 290, "Max"), *centred(100, 390, "Egna")], "\tMax\tEgna"),
        # the same with a labelled corner
        ([*words_at(LEFT, 100, "Delfråga"), *centred(100, 290, "Max"), *centred(100, 390, "Egna")],
         "Delfråga\tMax\tEgna"),
        # two levels: "Poäng" centred over both columns, "Max" and "Egna" below it
        ([*words_at(LEFT, 100, "Delfråga"), *centred(100, 340, "Poäng"), *centred(112, 290, "Max"),
          *centred(112, 390, "Egna")], "Delfråga\tPoäng Max\tEgna"),
    ],
)  # fmt: skip
def test_header_cells_stand_over_their_values_whatever_their_alignment(
    header: list[Word], expected_header: str
) -> None:
    top = max(word.top for word in header) + 18
    assert non_blank([page(1, [*header, *score_body(top)])]) == [expected_header, *EXPECTED_SCORES]


def test_upper_header_cell_over_two_columns_does_not_join_them() -> None:
    # Fuzz seed 4125 (LibreOffice), its words where they stand: "Poäng" spans "Egna" and "Max",
    # which stand closer than a column gap, "Max" reaching over the gap between the two columns
    # of numbers; the spanning cell covers the rest of that gap only above the header line that
    # parts there, so the columns stay apart ("26 | 40", not "26 40").
    def at(x0: float, x1: float, top: float, text: str) -> Word:
        return Word(text, x0, x1, top, top + SIZE, SIZE)

    words = [at(288, 324, 328, "Poäng"), at(58, 120, 342, "Delområde"), at(288, 316, 342, "Egna")]
    words += [at(321, 344, 342, "Max")]
    words += [*words_at(58, 357, "1:1 Hur informeras?"), at(305, 318, 357, "26"), at(335, 348, 357, "40")]
    # The next two questions wrap, their numbers in the middle of their two lines.
    words += [*words_at(58, 371, "1:2 Hur främjas"), at(305, 318, 377, "13"), at(335, 348, 377, "40")]
    words += [*words_at(58, 383, "engagemang?"), *words_at(58, 397, "1:3 Hur informeras om")]
    words += [at(305, 318, 403, "10"), at(335, 348, 403, "20"), *words_at(58, 409, "resultat?")]
    assert non_blank([page(1, words)])[-3:] == [
        "1:1 Hur informeras?\t26\t40",
        "1:2 Hur främjas engagemang?\t13\t40",
        "1:3 Hur informeras om resultat?\t10\t20",
    ]


def test_wrapped_label_reaching_towards_the_values_stays_in_its_row() -> None:
    # Fuzz seed 4066 (LibreOffice): the first area's name wraps in two lines around its numbers,
    # its first line reaching past the other labels towards the Max column; it is the label's,
    # not a line that ends the table (the header had been a table of its own, the rows another,
    # the area named "och medborgare").
    words = [*words_at(58, 713, "Huvudområde"), *words_at(235, 713, "Max"), *words_at(286, 713, "2017")]
    words += words_at(365, 713, "2020")
    words += words_at(58, 733, "1 Samspel mellan förtroendevalda")  # ends at 220.5
    words += [*right_aligned(739, 259, "100"), *right_aligned(739, 314, "80"), *right_aligned(739, 393, "80")]
    words += words_at(58, 745, "och medborgare")
    rows = [("2 Samhällsutveckling", "76", "63,5"), ("TOTALT", "506", "631")]
    for n, (label, own, then) in enumerate(rows):
        top = 759 + 14 * n
        words += [*words_at(58, top, label), *right_aligned(top, 259, "100" if n == 0 else "800")]
        words += [*right_aligned(top, 314, own), *right_aligned(top, 393, then)]
    assert non_blank([page(1, words)]) == [
        "Huvudområde\tMax\t2017\t2020",
        "1 Samspel mellan förtroendevalda och medborgare\t100\t80\t80",
        "2 Samhällsutveckling\t100\t76\t63,5",
        "TOTALT\t800\t506\t631",
    ]


def test_wrapped_label_under_a_header_of_four_lines_does_not_end_the_table() -> None:
    # Fuzz seed 7002 (LibreOffice): the header takes four lines ("Poäng", "Höganäs" over "2019"), the
    # wrapped first label makes a fifth line without values; those are no body of rows, so the
    # first row's numbers, standing in the space between the header's words, start no new table.
    def at(x0: float, x1: float, top: float, text: str) -> Word:
        return Word(text, x0, x1, top, top + SIZE, SIZE)

    words = [at(312, 347, 440, "Poäng"), at(312, 361, 455, "Höganäs"), at(390, 438, 455, "Höganäs")]
    words += [at(58, 137, 460, "Huvudområde")]
    words += [at(284, 307, 460, "Max"), at(467, 536, 460, "Sverigesnitt")]
    words += [at(312, 340, 466, "2019"), at(390, 417, 466, "2022")]
    words += [*words_at(58, 481, "1 Samspel mellan förtroendevalda och"), *words_at(58, 492, "medborgare")]
    values = [(290, 309), (374, 387), (452, 464), (525, 537)]
    for top, numbers in ((486, "100 89 40 68"), (507, "100 69 34 75"), (521, "100 82 37,5 62")):
        words += [at(x0, x1, top, n) for (x0, x1), n in zip(values, numbers.split(), strict=True)]
    words += [*words_at(58, 507, "2 Samhällsutveckling"), *words_at(58, 521, "3 Styrning och kontroll")]
    assert non_blank([page(1, words)])[-3:] == [
        "1 Samspel mellan förtroendevalda och medborgare\t100\t89\t40\t68",
        "2 Samhällsutveckling\t100\t69\t34\t75",
        "3 Styrning och kontroll\t100\t82\t37,5\t62",
    ]


def test_points_header_over_the_gap_after_the_labels_parts_them_from_their_points() -> None:
    # Fuzz seed 4177 (LibreOffice), the first score table's words where they stand: "Poäng" starts
    # in the gap between the longest label and the points under it, and the area's name fills the
    # corner; the boundary goes between the labels and their points (on the page itself, among
    # the tables stacked under this one, the points had joined the labels).
    def at(x0: float, x1: float, top: float, text: str) -> Word:
        return Word(text, x0, x1, top, top + SIZE, SIZE)

    words = [at(79, 86, 279, "1"), at(90, 158, 279, "Offentlighet"), at(161, 181, 279, "och")]
    words += [at(58, 71, 284, "Nr"), at(193, 228, 284, "Poäng"), at(232, 291, 284, "Maxpoäng")]
    words += [at(79, 137, 290, "demokrati")]
    rows = [
        ("1:1 Innovation", [(58, 74), (79, 132), (205, 217), (256, 269)]),
        ("1:2 Målstyrning", [(58, 74), (79, 138), (205, 217), (256, 269)]),
        ("1:3 Förtroendevaldas roll", [(58, 74), (79, 167), (170, 186)]),
        ("1:4 Samverkan", [(58, 74), (79, 136), (208, 214), (256, 269)]),
        ("1:5 Kompetensförsörjning", [(58, 74), (79, 189), (205, 217), (256, 269)]),
        ("Summa", [(79, 118), (200, 222), (253, 272)]),
    ]
    values = {"1:1": "16 20", "1:2": "19 30", "1:3": "13,5 20", "1:4": "6 10", "1:5": "14 20"}
    values["Summa"] = "68,5 100"
    for n, (label, boxes) in enumerate(rows):
        top = 305 + 14.4 * n
        key = label.split()[0]
        texts = [*label.split(), *values[key].split()]
        if key == "1:3":
            boxes = [*boxes, (200, 222), (256, 269)]
        words += [at(x0, x1, top, text) for (x0, x1), text in zip(boxes, texts, strict=True)]
    assert non_blank([page(1, words)])[-6:] == [
        "1:1 Innovation\t16\t20",
        "1:2 Målstyrning\t19\t30",
        "1:3 Förtroendevaldas roll\t13,5\t20",
        "1:4 Samverkan\t6\t10",
        "1:5 Kompetensförsörjning\t14\t20",
        "Summa\t68,5\t100",
    ]


def test_header_only_column_without_values_beneath_stays_apart() -> None:
    # A column whose cells are all empty ("Kommentar") keeps its header; it heads no values.
    header = [*centred(100, 290, "Max"), *centred(100, 390, "Egna"), *words_at(470, 100, "Kommentar")]
    assert non_blank([page(1, [*header, *score_body(118)])]) == [
        "\tMax\tEgna\tKommentar",
        *(f"{row}\t" for row in EXPECTED_SCORES),
    ]


def test_summary_table_with_centred_years_reads_by_its_header() -> None:
    from pipeline.model.document import Document
    from tests.conftest import summary_of

    header = [*words_at(LEFT, 100, "Huvudområde"), *centred(100, 290, "2014"), *centred(100, 360, "2011"),
              *centred(100, 430, "Ändring")]  # fmt: skip
    body: list[Word] = []
    rows = [
        ("1. Offentlighet och demokrati", "69", "48", "+44 %"),
        ("2. Tillgänglighet", "67", "49", "+37 %"),
    ]
    for index, (name, newer, older, change) in enumerate(rows):
        top = 118 + index * 18
        body += [*words_at(LEFT, top, name), *right_aligned(top, 320, newer), *right_aligned(top, 390, older)]
        body += right_aligned(top, 460, change)
    doc = Document(lines=tuple(document_lines([page(1, [*header, *body])])))
    table = summary_of(doc)
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [
        (1, 2014, 69), (1, 2011, 48), (2, 2014, 67), (2, 2011, 49)
    ]  # fmt: skip
    assert [(c.area, c.value, c.from_year, c.to_year) for c in table.comparisons] == [
        (1, 44, 2011, 2014), (2, 37, 2011, 2014)
    ]  # fmt: skip


def test_summary_header_stacked_over_two_baselines_left_of_its_values_heads_them() -> None:
    # Fuzz seeds 110513 and 110562 (LibreOffice, borderless, header set left): "Vallentuna" over
    # "2019" left-aligned in a wide cell over right-aligned points, "Huvudområde" and "Nationellt
    # medelvärde" on a baseline between them. The municipality's cell stands in the gap between the
    # labels and its points, no column of its own: it heads the points, and the header lines are the
    # table's, so the average column is read as an average, not as the municipality's points.
    from pipeline.model.document import Document
    from tests.conftest import summary_of

    header = [*words_at(300, 100, "Vallentuna"), *words_at(LEFT, 106, "Huvudområde"),
              *words_at(397, 106, "Nationellt medelvärde"), *words_at(300, 112, "2019")]  # fmt: skip
    body: list[Word] = []
    rows = [
        ("1 Offentlighet och demokrati", "58,5", "55"),
        ("2 Tillgänglighet och brukarorientering", "48,5", "68"),
        ("TOTALT", "107", "123"),
    ]
    for index, (name, own, average) in enumerate(rows):
        top = 126 + index * 14
        body += [*words_at(LEFT, top, name), *right_aligned(top, 394, own), *right_aligned(top, 500, average)]
    doc = Document(lines=tuple(document_lines([page(1, [*header, *body])])))
    header_row = next(line.text for line in doc.lines if line.text)
    assert header_row == "Huvudområde\tVallentuna 2019\tNationellt medelvärde"
    table = summary_of(doc)
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [(1, 2019, 58.5), (2, 2019, 48.5)]
    assert [(c.kind, c.label, c.area, c.value) for c in table.comparisons] == [
        ("average", "Nationellt medelvärde", 1, 55), ("average", "Nationellt medelvärde", 2, 68),
        ("average", "Nationellt medelvärde", None, 123),
    ]  # fmt: skip


def test_summary_header_set_left_close_after_the_values_before_heads_the_next_column() -> None:
    # Fuzz seed 110562 (LibreOffice, borderless, two-row header set left in wide cells, points set
    # right): "Nässjö 2015" and "40 kommuner i genomsnitt" each start a word space after the points
    # of the column before and end far short of their own. A cell of values set right ends with
    # them, so each header cell heads the column after the gap, and the first year's points stay
    # the first year's.
    from pipeline.model.document import Document
    from tests.conftest import summary_of

    words = [
        *words_at(LEFT, 80, "I tabell 2 redovisas resultaten per huvudområde för 2012 och 2015."),
        *words_at(272, 100, "Poäng"),
        *words_at(272, 114, "Nässjö"), *words_at(338.5, 114, "Nässjö"), *words_at(403, 114, "40 kommuner i"),
        *words_at(LEFT, 120, "Huvudområde"),
        *words_at(272, 126, "2012"), *words_at(338.5, 126, "2015"), *words_at(403, 126, "genomsnitt"),
    ]  # fmt: skip
    rows = [
        ("1 Offentlighet och demokrati", "51", "68,5", "65"),
        ("2 Tillgänglighet och brukarorientering", "90", "66,5", "49"),
        ("3 Politisk styrning och kontroll", "71", "60", "62"),
    ]
    for index, (name, older, newer, average) in enumerate(rows):
        top = 140 + index * 14
        words += [*words_at(LEFT, top, name), *right_aligned(top, 334, older)]
        words += [*right_aligned(top, 400, newer), *right_aligned(top, 538, average)]
    doc = Document(lines=tuple(document_lines([page(1, words)])))
    texts = [line.text for line in doc.lines]
    assert "Huvudområde\tNässjö 2012\tNässjö 2015\t40 kommuner i genomsnitt" in texts
    table = summary_of(doc)
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [
        (1, 2012, 51), (1, 2015, 68.5), (2, 2012, 90), (2, 2015, 66.5), (3, 2012, 71), (3, 2015, 60)
    ]  # fmt: skip
    average = "40 kommuner i genomsnitt"
    assert [(c.label, c.area, c.value) for c in table.comparisons if c.kind == "average"] == [
        (average, 1, 65), (average, 2, 49), (average, 3, 62)
    ]  # fmt: skip


def test_header_phrase_over_centred_points_parts_where_each_cell_stands_over_its_points() -> None:
    # Fuzz seed 150928 (LibreOffice PDF, header and points centred in cells as wide as their
    # header): "Örebro 2012 Örebro 2015" prints word spaces alike inside and between the cells,
    # and the boundary went at the first ("Örebro | 2012 Örebro 2015"). Each cell's header stands
    # centred over its points, which only the space between the cells gives.
    words = [*words_at(LEFT, 100, "Huvudområde"), *centred(100, 300, "Max")]
    # The word space inside the first cell a little wider than the one between the cells.
    words += [*words_at(338.25, 100, "Örebro"), *words_at(371.25, 100, "2012")]
    words += words_at(393.75, 100, "Örebro 2015")
    rows = [("1 Offentlighet och demokrati", "90", "56,5"), ("2 Tillgänglighet", "64", "43"),
            ("3 Politisk styrning och kontroll", "37", "54,5")]  # fmt: skip
    for index, (name, older, newer) in enumerate(rows):
        top = 114 + index * 14
        words += [*words_at(LEFT, top, name), *centred(top, 300, "100")]
        words += [*centred(top, 365, older), *centred(top, 420, newer)]
    lines = non_blank([page(1, words)])
    assert lines[0] == "Huvudområde\tMax\tÖrebro 2012\tÖrebro 2015"
    assert lines[1] == "1 Offentlighet och demokrati\t100\t90\t56,5"


def test_header_phrase_over_points_set_left_parts_at_its_widest_space_not_at_the_gaps_middle() -> None:
    # Fuzz seed 150847 (LibreOffice PDF, headers set right, points set left): the middle of the
    # gap between two columns of points fell in the word space of "Tomelilla 2020", whose cell
    # ends close before the change's; the header parts where its cells do.
    words = [*words_at(LEFT, 100, "Huvudområde"), *words_at(330.5, 100, "Tomelilla 2017")]
    words += [*words_at(401, 100, "Tomelilla 2020"), *words_at(483.5, 100, "Ändring")]
    rows = [("1 Samspel", "63", "62", "-2 %"), ("2 Samhällsutveckling", "41", "72", "+76 %"),
            ("3 Styrning och kontroll", "77", "47", "-39 %")]  # fmt: skip
    for index, (name, older, newer, change) in enumerate(rows):
        top = 114 + index * 14
        words += [*words_at(LEFT, top, name), *words_at(330.5, top, older)]
        words += [*words_at(401, top, newer), *words_at(483.5, top, change)]
    lines = non_blank([page(1, words)])
    assert lines[0] == "Huvudområde\tTomelilla 2017\tTomelilla 2020\tÄndring"
    assert lines[1] == "1 Samspel\t63\t62\t-2 %"


def test_an_area_name_set_across_the_cells_between_rows_does_not_keep_the_points_columns_joined() -> None:
    # Seed 150095 of the tuning range printed as a LibreOffice PDF: "Max" and "Egna" less than a
    # column gap apart, and an area's name between two rows ("3 Tydlighet i samspelet mellan
    # politiker") set across the cells, over the gap between the two columns of points: the
    # points of every row after it came out as one cell ("30 15").
    words = [*words_at(LEFT, 100, "Delfråga"), *words_at(406, 100, "Max"), *words_at(428, 100, "Egna")]
    name = "3 Tydlighet i samspelet mellan politiker och tjänstemännen i kommunens nämnder"
    rows = [("2.6 Bedrivs utbildning?", "10", "5"), ("Summa", "100", "60,5"), (name, "", ""),
            ("3.1 Hur är kvaliteten?", "30", "15"), ("3.2 Hur rapporterar?", "20", "13")]  # fmt: skip
    for index, (label, most, own) in enumerate(rows):
        top = 114 + 14 * index
        words += [*words_at(LEFT, top, label), *words_at(406, top, most), *words_at(428, top, own)]
    from pipeline.ingest.pdf.tables import _value_cuts

    # The table's one column boundary, after the labels (the area's name crosses it too).
    cuts = _value_cuts(printed_lines(1, words), (300.0,))
    assert len(cuts) == 2 and 416 < cuts[1] < 428


def test_an_area_number_after_nr_in_the_corner_is_no_value_of_the_header() -> None:
    # Fuzz seed 150611 (LibreOffice PDF, a score table per area, "Nr 4 Effektivitet" in the corner,
    # "Egna" and "Max" less than a column gap apart): the area's number made the header a row of
    # values, so only a column gap free in every line parted the columns, and own and max points
    # came out as one cell ("30 30").
    words = [*words_at(166, 86, "Poäng"), *words_at(LEFT, 100, "Nr 4 Effektivitet")]
    words += [*words_at(166, 100, "Egna"), *words_at(191, 100, "Max")]
    for index, (label, own, most) in enumerate([("4.1 Innovation", "30", "30"), ("4.2 Samverkan", "33", "40"),
                                                ("4.3 Medborgardialog", "23", "30")]):  # fmt: skip
        top = 114 + 14 * index
        words += [*words_at(LEFT, top, label), *centred(top, 176, own), *centred(top, 198.5, most)]
    lines = non_blank([page(1, words)])
    assert "Nr 4 Effektivitet\tEgna\tMax" in lines
    assert "4.1 Innovation\t30\t30" in lines


def test_score_tables_per_area_with_a_header_closer_than_a_column_gap_to_the_labels_read_apart() -> None:
    # Fuzz seeds 150035 and 150156 (LibreOffice PDF, a score table per area, each as wide as its
    # longest question, points centred): "Egna" starts less than a column gap after the longest
    # question, so only the rows part the labels from the points, and the area's number in the
    # corner ("4 Ledning, …") made the header look like a row. The two tables, their columns a
    # few points apart, were read as one and the second's own and max points as one cell.
    words: list[Word] = []
    top = 100.0
    for area, name, questions in (
        ("4", "Ledning, decentralisering och delegering",
         [("4.1 Vilken frihet har resultatenheterna?", "17", "30"),
          ("4.2 Hur utövas den centrala ledningen över underställda enheter?", "6", "10")]),
        ("5", "Kontroll och rapportering",
         [("5.1 Hur detaljerat är rapporteringssystemet?", "33", "40"),
          ("5.2 Kontroll- och uppföljningsrutiner.", "12", "20")]),
    ):  # fmt: skip
        longest = max(word.x1 for question, _, _ in questions for word in words_at(LEFT, 0, question))
        egna = longest + 5
        words += [*centred(top, egna + 20, "Poäng"), *words_at(LEFT, top + 14, f"{area} {name}")]
        words += [*words_at(egna, top + 14, "Egna"), *words_at(egna + 28, top + 14, "Max")]
        for index, (question, own, most) in enumerate(questions):
            row = top + 28 + 14 * index
            words += [*words_at(LEFT, row, question), *centred(row, egna + 10, own)]
            words += centred(row, egna + 35.5, most)
        top += 28 + 14 * len(questions) + 6
    lines = non_blank([page(1, words)])
    assert "4 Ledning, decentralisering och delegering\tEgna\tMax" in lines
    assert "4.2 Hur utövas den centrala ledningen över underställda enheter?\t6\t10" in lines
    assert "5 Kontroll och rapportering\tEgna\tMax" in lines
    assert "5.1 Hur detaljerat är rapporteringssystemet?\t33\t40" in lines


def test_points_set_left_a_word_space_after_the_longest_label_are_a_column_of_their_own() -> None:
    # Fuzz seeds 150652 and 150801 (LibreOffice PDF, points set left, headers set right): the
    # label cell is as narrow as its longest label, so "brukarorientering" ends a word space
    # before its points, less than a column gap, and the first year's points were read as part
    # of the labels. They start at one edge row after row, where the labels end anywhere: a column.
    from pipeline.model.document import Document
    from tests.conftest import summary_of

    words = [
        *words_at(LEFT, 80, "I tabell 2 redovisas resultaten per huvudområde för 2008 och 2011."),
        *right_aligned(100, 320, "Norrköping"), *right_aligned(100, 390, "Norrköping"),
        *words_at(LEFT, 106, "Huvudområde"),
        *right_aligned(112, 320, "2008"), *right_aligned(112, 390, "2011"),
    ]  # fmt: skip
    rows = [
        ("1 Offentlighet och demokrati", "82", "45,5"),
        ("2 Tillgänglighet och brukarorientering", "34", "71"),
        ("3 Politisk styrning och kontroll", "52", "61,5"),
        ("TOTALT", "168", "178"),
    ]
    for index, (name, older, newer) in enumerate(rows):
        top = 126 + index * 14
        words += [*words_at(LEFT, top, name), *words_at(257.5, top, older), *words_at(330, top, newer)]
    doc = Document(lines=tuple(document_lines([page(1, words)])))
    texts = [line.text for line in doc.lines]
    assert "2 Tillgänglighet och brukarorientering\t34\t71" in texts
    assert "Huvudområde\tNorrköping 2008\tNorrköping 2011" in texts
    table = summary_of(doc)
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [
        (1, 2008, 82), (1, 2011, 45.5), (2, 2008, 34), (2, 2011, 71), (3, 2008, 52), (3, 2011, 61.5)
    ]  # fmt: skip


def test_value_columns_closer_than_a_column_gap_are_parted_by_their_numbers() -> None:
    # Fuzz seeds 2007 and 2037 (LibreOffice, narrow cells): "Egna" and "Max" right-aligned 4.5 pt
    # apart, less than a column gap, came out as one cell "8,5 20". The gap between the two numbers
    # recurs row after row, so it parts two columns; a facts table's "19 267" stays one number.
    rows = [
        ("3:1 Synpunktshantering", "8,5", "20"),
        ("3:2 Lönepolitik", "14", "20"),
        ("Summa", "62,5", "100"),
    ]
    words = [
        *words_at(LEFT, 100, "Nr Delområde"),
        *right_aligned(100, 250, "Egna"),
        *right_aligned(100, 270, "Max"),
    ]
    for n, (label, own, top_score) in enumerate(rows):
        top = 114 + 14 * n
        words += [
            *words_at(LEFT, top, label),
            *right_aligned(top, 250, own),
            *right_aligned(top, 270, top_score),
        ]
    facts = [
        ("Kortfakta", "2011"),
        ("Antal invånare", "19 267"),
        ("Yta (km²)", "2253"),
        ("Antal nämnder", "10"),
    ]
    for n, (label, value) in enumerate(facts):
        words += [*words_at(LEFT, 200 + 14 * n, label), *right_aligned(200 + 14 * n, 270, value)]
    lines = non_blank([page(1, words)])
    assert "Nr Delområde\tEgna\tMax" in lines
    assert "3:1 Synpunktshantering\t8,5\t20" in lines
    assert "Summa\t62,5\t100" in lines
    assert "Antal invånare\t19 267" in lines


def test_summary_header_phrases_part_where_their_cells_do() -> None:
    # Fuzz seeds 2037 and 2068 (LibreOffice): a header cell wider than its values reaches over
    # the gap between the columns ("Solna 2011 40 kommuner i genomsnitt" one run of words, or
    # "Lysekil 2019" over a left-aligned "56"); the boundary goes where two cells part, in the
    # widest space between the header's words, and a two-row continuation with "800 511,5" parts
    # by its header ("Max | 2005") although the pair looks like a number grouped by thousands.
    words = [
        *words_at(LEFT, 100, "Huvudområde"),
        *words_at(300, 100, "Solna 2011"),
        *words_at(356, 100, "40 genomsnitt"),
    ]
    rows = [
        ("1 Offentlighet och demokrati", "72,5", "50"),
        ("2 Tillgänglighet", "73", "74"),
        ("TOTALT", "545", "461"),
    ]
    for n, (label, own, average) in enumerate(rows):
        top = 114 + 14 * n
        words += [
            *words_at(LEFT, top, label),
            *right_aligned(top, 350, own),
            *right_aligned(top, 420, average),
        ]
    lines = non_blank([page(1, words)])
    assert lines[0] == "Huvudområde\tSolna 2011\t40 genomsnitt"
    assert "1 Offentlighet och demokrati\t72,5\t50" in lines

    words = [
        *words_at(LEFT, 100, "Huvudområde"),
        *right_aligned(100, 300, "Max"),
        *words_at(305, 100, "2005"),
    ]
    words += [*words_at(LEFT, 114, "8 Kommunen som samhällsbyggare"), *right_aligned(114, 300, "100")]
    words += words_at(320, 114, "58")
    words += [*words_at(LEFT, 128, "TOTALT"), *right_aligned(128, 300, "800"), *words_at(303.5, 128, "511,5")]
    assert non_blank([page(1, words)])[-1] == "TOTALT\t800\t511,5"


@pytest.mark.parametrize("change", ["", "+12 %"])
def test_a_table_across_the_page_above_two_columns_stays_a_table(change: str) -> None:
    # Fuzz seed 2068 (LibreOffice): the summary table's rows (labels left of the gutter, numbers
    # right of it) stand right above the two columns; they are no column's lines. Seed 4064: also
    # with a change column whose per cent sign is a word of its own.
    words = [*words_at(LEFT, 60, "Huvudområde"), *words_at(320, 60, "Lysekil 2019")]
    words += words_at(395, 60, "Ändring") if change else []
    for n, (label, value) in enumerate(
        [
            ("5 Brukarens fokus", "56"),
            ("6 Kvalitetsutveckling", "41"),
            ("7 Arbetsliv", "68"),
            ("TOTALT", "476"),
        ]
    ):
        words += [*words_at(LEFT, 74 + 14 * n, label), *words_at(320, 74 + 14 * n, value)]
        words += right_aligned(74 + 14 * n, 430, change) if change else []
    for n in range(12):
        top = 140 + 12 * n
        words += justified(top, "Området beskriver hur kommunen arbetar med", right=290)
        words += justified(top, "Utvärderarna har tagit del av dokument och", left=305)
    lines = non_blank([page(1, words)])
    after = f"\t{change}" if change else ""
    assert lines[:5] == [
        "Huvudområde\tLysekil 2019" + ("\tÄndring" if change else ""),
        "5 Brukarens fokus\t56" + after,
        "6 Kvalitetsutveckling\t41" + after,
        "7 Arbetsliv\t68" + after,
        "TOTALT\t476" + after,
    ]


def test_a_tables_last_row_at_the_top_of_a_page_in_two_columns_stays_a_table() -> None:
    # Fuzz seed 290075 (a LibreOffice scan): the summary table's header repeated and its TOTALT row
    # at the top of a page in two columns; one row is no run of rows, and "Max 2005" / "800 538"
    # were read as the right column's first lines, the total lost.
    words = [*words_at(LEFT, 60, "Huvudområde"), *right_aligned(60, 330, "Max"), *words_at(335, 60, "2005")]
    words += [*words_at(LEFT, 74, "TOTALT"), *right_aligned(74, 330, "800"), *words_at(340, 74, "538")]
    for n in range(12):
        top = 88 + 12 * n
        words += justified(top, "Området beskriver hur kommunen arbetar med", right=290)
        words += justified(top, "Utvärderarna har tagit del av dokument och", left=305)
    lines = non_blank([page(1, words)])
    assert [line.split("\t")[0] for line in lines[:2]] == ["Huvudområde", "TOTALT"]
    assert lines[1].split("\t")[1:] in (["800 538"], ["800", "538"])


def stacked_score_table(
    top: float,
    area: int,
    right: float,
    rows: list[tuple[str, str, str]],
    corner: str = "Delområde",
    most: str = "Max",
) -> list[Word]:
    """A score table as a browser prints one per area: "Poäng" over "Nr Delområde Egna Max", the
    numbers right-aligned in columns whose place follows the longest label."""
    words = [*right_aligned(top - 6, right + 10, "Poäng")]
    words += [*cells(top + 14, (LEFT, "Nr"), (LEFT + 26, corner))]
    words += right_aligned(top + 14, right - 30, "Egna")
    words += right_aligned(top + 14, right, most)
    for n, (label, own, points) in enumerate(rows, 1):
        row_top = top + 14 + 14 * n
        words += [*cells(row_top, (LEFT, f"{area}:{n}"), (LEFT + 26, label))]
        words += [*right_aligned(row_top, right - 30, own), *right_aligned(row_top, right, points)]
    return words


def header_rules(top: float, right: float) -> tuple[Ruling, ...]:
    return (Ruling(LEFT - 4, top + 12, right + 4, top + 12), Ruling(LEFT - 4, top + 26, right + 4, top + 26))


@pytest.mark.parametrize("named", [False, True])
@pytest.mark.parametrize("most", ["Max", "Max poäng"])
def test_score_tables_stacked_with_the_same_header_are_tables_of_their_own(named: bool, most: str) -> None:
    # Fuzz seed 4081 (Chromium): a score table per area stacked close, each headed "Poäng" over
    # "Nr Delområde Egna Max" with rules only around the header, the columns a little apart as
    # the labels are longer or shorter; the union of all left only the boundary after "Nr", and
    # every table came out as one row. A repeated header starts the next table, also when it
    # heads the next page.
    first = [("Förtroendevaldas roll", "10", "20"), ("Kulturliv", "15,5", "20"), ("Samverkan", "16,5", "20")]
    second = [("Jämförelser", "14", "30"), ("Delegation", "11", "20"), ("Intern kontroll", "10", "20")]
    third = [("Bemötande", "24", "40"), ("Lönepolitik", "26", "30"), ("Valfrihet", "14", "30")]
    # Seed 4177 (LibreOffice): each header names its area in the corner ("3 Politisk styrning").
    names = ["1 Demokrati", "2 Brukarfokus", "3 Politisk styrning"] if named else ["Delområde"] * 3
    words = [*stacked_score_table(100, 1, 300, first, names[0])]
    # Seed 4168 (Chromium): the next header prints "poäng" after "Max" where the first wrapped it.
    words += stacked_score_table(174, 2, 280, second, names[1], most)
    words += stacked_score_table(248, 3, 300, third, names[2])
    rules = header_rules(100, 300) + header_rules(174, 280) + header_rules(248, 300)
    following = stacked_score_table(60, 4, 300, second)
    lines = non_blank([page(1, words, rules=rules), page(2, following, rules=header_rules(60, 300))])
    for area, rows in ((1, first), (2, second), (3, third), (4, second)):
        assert [f"{area}:{n}\t{label}\t{own}\t{most}" for n, (label, own, most) in enumerate(rows, 1)] == [
            line for line in lines if line.startswith(f"{area}:")
        ]


def test_a_score_table_of_one_row_is_a_table_of_its_own_above_the_next_areas() -> None:
    # Fuzz seed 90049 (Chromium): the last row of area 7 continues on the next page under its
    # repeated header, and area 8's wider table follows; taken for one table with it, the columns of
    # both merged and the row was lost (false area_sum_mismatch and area_max_mismatch).
    last = [("Intern kontroll", "11", "20")]
    rows = [("Kostnadsmedvetenhet", "4", "20"), ("Digitalisering", "16", "20"), ("Kulturliv", "17", "40")]
    words = [*stacked_score_table(60, 7, 240, last), *stacked_score_table(110, 8, 300, rows)]
    lines = non_blank([page(1, words, rules=header_rules(60, 240) + header_rules(110, 300))])
    assert "7:1\tIntern kontroll\t11\t20" in lines
    assert [line for line in lines if line.startswith("8:")] == [
        f"8:{n}\t{label}\t{own}\t{most}" for n, (label, own, most) in enumerate(rows, 1)
    ]


def test_ids_in_the_label_column_do_not_join_a_narrower_table_to_a_wide_one() -> None:
    # Fuzz seed 130264 (Chromium): area 6's header "Egna Max" stands too close for two cells over
    # its wide table, and the next area's narrower table fits its columns; its values stand in no
    # column of the wide one's, but its ids ("7.1") read as numbers lined up with the ids above, so
    # it was taken in, its rows in the first cell and read as one row (areas 7 and 8 lost).
    wide = [
        ("6.1 Hur stor vikt läggs vid personalutvecklingsåtgärder?", "13", "20"),
        ("6.2 Hur systematisk är budgetering och uppföljning av kompetensutveckling?", "8", "10"),
        ("Summa", "21", "30"),
    ]
    narrow = [
        ("7.1 Strategisk serviceutveckling.", "12", "20"),
        ("7.2 Kvalitetssystem", "9", "20"),
        ("Summa", "21", "40"),
    ]
    words = [*words_at(LEFT, 80, "Delområde"), *words_at(440, 94, "Poäng"), *words_at(445, 108, "Egna Max")]
    for n, (label, own, points) in enumerate(wide):
        top = 122 + 14 * n
        words += [
            *words_at(LEFT, top, label),
            *right_aligned(top, 465, own),
            *right_aligned(top, 490, points),
        ]
    words += [*words_at(LEFT, 174, "Tabell 9 Poäng inom område 7"), *words_at(330, 188, "Poäng")]
    words += [
        *words_at(LEFT, 202, "Delområde"),
        *right_aligned(202, 350, "Egna"),
        *right_aligned(202, 380, "Max"),
    ]
    for n, (label, own, points) in enumerate(narrow):
        top = 216 + 14 * n
        words += [
            *words_at(LEFT, top, label),
            *right_aligned(top, 350, own),
            *right_aligned(top, 380, points),
        ]
    lines = non_blank([page(1, words)])
    assert "7.1 Strategisk serviceutveckling.\t12\t20" in lines
    assert "7.2 Kvalitetssystem\t9\t20" in lines


def test_a_party_table_under_score_rows_does_not_split_their_labels() -> None:
    # Fuzz seed 2049 (Chromium): the party seats stand right under the last score table; their
    # columns of numbers must not cut a boundary between the score rows' labels and their points.
    words = [
        *words_at(LEFT, 100, "Nr Delområde"),
        *right_aligned(100, 256, "Max"),
        *right_aligned(100, 300, "Egna"),
    ]
    for n, label in enumerate(["8:1 Kostnadsmedvetenhet", "8:2 Intern kontroll", "8:3 Lönepolitik"]):
        top = 114 + 14 * n
        words += [*words_at(LEFT, top, label), *right_aligned(top, 256, "20"), *right_aligned(top, 300, "11")]
    words += [
        *words_at(LEFT, 160, "Summa"),
        *right_aligned(160, 256, "100"),
        *right_aligned(160, 300, "49,5"),
    ]
    for n, seats in enumerate(["2018 9 3 3 10 7 13 4 16", "2022 19 19 15 7 9 16 14 19"]):
        words += cells(180 + 14 * n, *((LEFT + 32 * i, seat) for i, seat in enumerate(seats.split())))
    lines = non_blank([page(1, words)])
    assert {"8:2 Intern kontroll\t20\t11", "8:3 Lönepolitik\t20\t11"} <= set(lines)


def _score_rows(*extra: list[Word]) -> list[str]:
    """A borderless score table of three rows under its header, and ``extra`` words."""
    rows = [
        ("2.4 Förtroendevaldas roll", "10", "9"),
        ("2.5 Näringsliv", "20", "16"),
        ("2.6 Bemötande", "20", "14"),
    ]
    words = cells(100, (72.0, "Nr Delområde"), (420.0, "Maxpoäng"), (500.0, "Egna"))
    for n, (label, most, own) in enumerate(rows):
        words += cells(118 + 18 * n, (72.0, label), (460.0, most), (520.0, own))
    return non_blank([page(1, words, *extra)])


@pytest.mark.parametrize("mark", ["-", "."])
def test_a_speck_between_a_label_and_its_values_opens_no_column(mark: str) -> None:
    # Fuzz seed 40012 (a grey scan): a speck of dust in one row, read as "-", stood apart from the
    # label and the values; it opened an empty column for every row, and each row's max points
    # were read from it (empty) and its own points from the max column.
    assert _score_rows(cells(136, (250.0, mark))) == [
        "Nr Delområde\tMaxpoäng\tEgna",
        "2.4 Förtroendevaldas roll\t10\t9",
        f"2.5 Näringsliv {mark}\t20\t16",
        "2.6 Bemötande\t20\t14",
    ]


def test_a_dash_for_a_missing_value_stays_in_its_column() -> None:
    row = cells(172, (72.0, "2.7 Kulturliv"), (462.0, "–"), (520.0, "3"))
    assert _score_rows(row)[1:] == [
        "2.4 Förtroendevaldas roll\t10\t9",
        "2.5 Näringsliv\t20\t16",
        "2.6 Bemötande\t20\t14",
        "2.7 Kulturliv\t–\t3",
    ]


def test_the_first_row_close_under_the_header_of_a_spaced_table_is_a_row_of_its_own() -> None:
    # Fuzz seed 120033 (a scan): rows set apart by space now and then, the first row as close under
    # the header as rows inside a cell; read as the header's wrapped rest ("Nr Delområde 7:1
    # Förtroendevaldas roll | Egna poäng 16,5 | Maxpoäng 20"), the row was lost.
    rows = [
        ("7:1 Förtroendevaldas roll", "16,5", "20"), ("7:2 Synpunktshantering", "14,5", "20"),
        ("7:3 Kommunikation", "28", "40"), ("7:4 Medarbetarsamtal", "14", "20"), ("Summa", "73", "100"),
    ]  # fmt: skip
    words = cells(328, (59, "Nr Delområde"), (196, "Egna poäng"), (266, "Maxpoäng"))
    for top, (label, own, most) in zip((342.2, 356.2, 376.2, 396.2, 410.2), rows, strict=True):
        words += cells(top, (59, label), (196, own), (266, most))
    lines = non_blank([page(1, words)])
    assert lines[:2] == ["Nr Delområde\tEgna poäng\tMaxpoäng", "7:1 Förtroendevaldas roll\t16,5\t20"]


def test_a_caption_across_the_page_with_a_word_space_in_a_narrow_gutter_does_not_join_the_columns() -> None:
    # A LibreOffice page (fuzz seed 220342): the end of the summary table and its caption, then
    # the body in two columns 0.9 em apart. The point the fewest words cross fell in the word
    # space between two words of the caption ("… och | 2004"), so nothing crossed it; the
    # caption's word space left the gutter narrower than any gutter, and the two columns' lines
    # were read across the page, the areas' sections mixed.
    caption = words_at(0, 99, "Tabell 2 Kommunens poäng 2002 och")
    caption = words_at(296 - caption[-1].x1, 99, "Tabell 2 Kommunens poäng 2002 och")
    words = [
        *words_at(395, 57, "Poäng"),
        *cells(72, (58, "Huvudområde"), (340, "Max"), (368, "2002"), (402, "2004")),
        *cells(86, (58, "TOTALT"), (344, "800"), (376, "406"), (411, "636")),
        *caption,
        *words_at(298.5, 99, "2004"),
    ]
    left = [f"Området beskriver hur kommunen arbetar med rad {n} och mera text" for n in range(10)]
    right = [f"Inom området når kommunen fler poäng rad {n} än förra gången" for n in range(10)]
    for n, (l_text, r_text) in enumerate(zip(left, right, strict=True)):
        top = 131 + 14 * n
        words += justified(top, l_text, 57, 293) if n < 9 else words_at(57, top, "slut.")
        words += justified(top, r_text, 302, 518) if n < 9 else words_at(302, top, "slut.")
    texts = non_blank([page(1, words)])
    assert " ".join([*left[:9], "slut."]) in texts
    assert " ".join([*right[:9], "slut."]) in texts


def test_a_few_lines_of_prose_in_two_columns_on_shared_baselines_under_a_paragraph_stay_columns() -> None:
    # A table's header is no two columns (a few lines level with the other side's, cells of a
    # word or two), but a few lines of prose in two columns set with one leading are: a short
    # block balanced over two columns under a paragraph across the page.
    words = words_at(57, 100, "Kommunen har arbetat med frågan under flera år och redovisar här resultatet.")
    left = [
        "Området beskriver hur kommunen arbetar",
        "med offentlighet och demokrati och",
        "har tagit del av dokument.",
    ]
    right = [
        "Inom området når kommunen sjuttio",
        "poäng vilket är en förbättring med",
        "tio poäng sedan förra gången.",
    ]
    for n, (l_text, r_text) in enumerate(zip(left, right, strict=True)):
        top = 116 + 14 * n
        words += justified(top, l_text, 57, 270) if n < 2 else words_at(57, top, l_text)
        words += justified(top, r_text, 325, 538) if n < 2 else words_at(325, top, r_text)
    assert non_blank([page(1, words)])[1:] == [" ".join(left), " ".join(right)]


def test_two_columns_under_a_table_whose_cells_cross_their_narrow_gutter() -> None:
    # A LibreOffice PDF (tuning seed 310253): a summary table across the page, one of its value
    # columns set over the columns' narrow gutter, then two columns of prose. Two long words of the
    # left column reaching into the gutter cross a point left of it fewer times than the table's
    # cells cross the gutter: cut there, the columns came apart at those words' lines and the page
    # was read as lines of both columns run together (one area's claim read into another's).
    table = [
        cells(60.0 + 14 * row, (58.0, f"{row + 1} Område"), (244.0, "100"), (290.0, "575"), (349.0, "57,5"))
        for row in range(6)
    ]
    texts = [
        "Området beskriver hur kommunen arbetar med",
        "offentlighet och demokrati. Utvärderarna har",
        "tagit del av dokument, hemsidan och",
        "intervjuer med politiker och tjänstemän. Inom",
        "området uppnår kommunen 58 poäng. En",
        "försämring med 13 poäng i förhållande till",
    ]
    long_words = "i förhållande till Kommunkompassens"
    left = [
        justified(
            200.0 + 14 * row,
            long_words if row in (3, 8) else texts[row % 6],
            57.0,
            293.0 if row in (3, 8) else 280.0,
        )
        for row in range(12)
    ]
    right = [justified(200.0 + 14 * row, texts[(row + 2) % 6], 302.0, 538.0) for row in range(12)]
    read = [line.text for line in page_lines(1, [w for part in (*table, *left, *right) for w in part])]
    assert read[6:18] == [long_words if row in (3, 8) else texts[row % 6] for row in range(12)]
    assert read[18:] == [texts[(row + 2) % 6] for row in range(12)]
