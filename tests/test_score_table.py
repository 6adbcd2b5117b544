from __future__ import annotations

import pytest

from extractors.score_table import extract_question_scores
from tests.conftest import doc_from


def test_umea_score_table(umea_doc) -> None:
    table = extract_question_scores(umea_doc)
    assert len(table.questions) == 37
    by_id = {q.question_id: q for q in table.questions}
    assert (by_id["7.1"].max_score, by_id["7.1"].score) == (20, 25)
    assert (by_id["2.1"].max_score, by_id["2.1"].score) == (10, 7.5)
    assert (by_id["3.3"].max_score, by_id["3.3"].score, by_id["3.3"].line) == (30, 25.5, 689)
    assert by_id["5.4"].question == "Kontroll- och uppföljningsrutiner."
    assert [sum(q.max_score or 0 for q in table.questions if q.area == a) for a in range(1, 9)] == [100] * 8
    assert [h.area for h in table.headings] == [1, 5, 2, 6, 3, 7, 4, 8]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # two tables side by side
        (
            "1.1 Hur informeras medborgarna?\t40\t28\t5.1 Hur detaljerat är rapporteringssystemet?\t40\t32",
            [("1.1", 40, 28), ("5.1", 40, 32)],
        ),
        # the left side empty
        ("\t\t\t5.4 Kontroll- och uppföljningsrutiner.\t20\t17", [("5.4", 20, 17)]),
        # ids printed (or read by OCR) with a decimal comma; "4,14" is read as it is printed
        (
            "4,3 Lokala initiativ?\t20\t20\t8.3 Kommunen som partner för näringslivet.\t20\t18",
            [("4.3", 20, 20), ("8.3", 20, 18)],
        ),
        ("4,14 Vilken frihet har institutionerna?\t30\t28,5\t\t\t", [("4.14", 30, 28.5)]),
        # the right side empty
        (
            "4.5 Hur utövas den centrala ledningen över underställda avdelningar/enheter?\t10\t9\t\t\t",
            [("4.5", 10, 9)],
        ),
        # decimal commas
        (
            "3.1 Hur är kvaliteten på målformuleringsarbetet?\t30\t22,5\t"
            "7.1 Hur metodiskt sker utveckling av kvalitetssystem?\t20\t25",
            [("3.1", 30, 22.5), ("7.1", 20, 25)],
        ),
        # a single stacked table, spaces between the columns
        ("2.1 Har kommunen en brukarorienterad förvaltningsfilosofi?     10     7,5", [("2.1", 10, 7.5)]),
        # the question id in a cell of its own
        ("6.2\tFörekommer prestationslönesystem?\t20\t13", [("6.2", 20, 13)]),
        # an own score left empty
        ("8.4 Kommunens internationella kontakter.\t20\t", [("8.4", 20, None)]),
    ],
)
def test_score_rows(row: str, expected: list[tuple[str, float, float | None]]) -> None:
    table = extract_question_scores(doc_from(row))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == expected


@pytest.mark.parametrize(
    "line",
    [
        "- 1.1 Hur informeras invånarna?",  # the sub-question list of a section, not the table
        "\tMax- poäng\tEgna poäng\t\tMax- poäng\tEgna poäng",
        "2002\t5\t7\t8\t4\t4\t26\t8\t3",  # the party table
        "1 Offentlighet och demokratisk kontroll\t56\t66\t73",  # a summary row
        "4,5\t6\t7",  # a decimal number with values beside it is no question's id
    ],
)
def test_lines_that_are_not_score_rows(line: str) -> None:
    assert extract_question_scores(doc_from(line)).questions == ()


SIDE_BY_SIDE = (
    "1.1 Hur informeras medborgarna?\t40\t28\t5.1 Hur detaljerat är rapporteringssystemet?\t40\t32\n"
    "1.2 Hur främjas medborgarnas engagemang?\t40\t32\t5.2 Strategier för att synliggöra kostnader.\t20\t17"
)
OWN_FIRST = (
    "1.1 Hur informeras medborgarna?\t28\t40\t5.1 Hur detaljerat är rapporteringssystemet?\t32\t40\n"
    "1.2 Hur främjas medborgarnas engagemang?\t32\t40\t5.2 Strategier för att synliggöra kostnader.\t17\t20"
)


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        ("\tMax- poäng\tEgna poäng\t\tMax- poäng\tEgna poäng", SIDE_BY_SIDE),
        # own points printed before max points: the header decides, not the position (the rows
        # print their values in its order; an area whose every row reads above its max would be
        # read the other way round)
        ("\tEgna poäng\tMax- poäng\t\tEgna poäng\tMax- poäng", OWN_FIRST),
        ("Delfråga\tPoäng\tMax\t\tPoäng\tMax", OWN_FIRST),
        # a two-level header: "Poäng" over "Max | Egna"
        ("\tPoäng\t\t\tPoäng\t\n\tMax\tEgna\t\tMax\tEgna", SIDE_BY_SIDE),
    ],
)
def test_header_gives_max_and_own(header: str, rows: str) -> None:
    table = extract_question_scores(doc_from(f"{header}\n{rows}"))
    expected = [("1.1", 40, 28), ("5.1", 40, 32)]
    assert [(q.question_id, q.max_score, q.score) for q in table.questions][:2] == expected
    assert table.unread_headers == ()


@pytest.mark.parametrize(
    ("label", "question_id", "printed_id"),
    [("1:1 Hur informeras medborgarna?", "1.1", "1:1"), ("1.1. Hur informeras medborgarna?", "1.1", "1.1."),
     ("1.1 Hur informeras medborgarna?", "1.1", "1.1"), ("1.10 Ny fråga", "1.10", "1.10")],
)  # fmt: skip
def test_ids_normalised_printed_kept(label: str, question_id: str, printed_id: str) -> None:
    table = extract_question_scores(doc_from(f"\tMax\tPoäng\n{label}\t40\t28"))
    assert [(q.question_id, q.printed_id, q.max_score, q.score) for q in table.questions] == [
        (question_id, printed_id, 40, 28)
    ]  # fmt: skip


def test_own_points_before_max_without_a_header_read_by_shape() -> None:
    rows = "\n".join(
        f"1.{i} Fråga {i}\t{own}\t{top}"
        for i, (own, top) in enumerate([(28, 40), (32, 40), (13, 20), (25, 20)], 1)
    )
    table = extract_question_scores(doc_from(rows))
    # the fourth row's own points are above its max (a report's error), yet the table is not turned round
    assert [(q.max_score, q.score) for q in table.questions] == [(40, 28), (40, 32), (20, 13), (20, 25)]
    assert [(u.table, u.assumed, u.line) for u in table.unread_headers] == [
        ("score_table", "own points | max points", 1)
    ]  # fmt: skip


def test_own_column_of_the_report_year() -> None:
    text = "Delfråga\tMax\t2011\t2014\n1.1 Hur informeras medborgarna?\t40\t20\t28"
    assert [(q.max_score, q.score) for q in extract_question_scores(doc_from(text), 2014).questions] == [
        (40, 28)
    ]
    assert [(q.max_score, q.score) for q in extract_question_scores(doc_from(text), 2011).questions] == [
        (40, 20)
    ]


# A later layout: "Översikt av poängfördelning", one table per area, sub-areas without ids.
OVERVIEW = """4 Översikt av poängfördelning

Område 1 Offentlighet och demokrati

Delområde\tMax\tPoäng
Information till medborgarna\t30\t22
Medborgardialog\t40\t25
Öppenhet och insyn\t30\t14
Summa\t100\t61

Område 2 Tillgänglighet och brukarorientering

Delområde\tPoäng\tMax
2:1 Tillgänglighet\t35\t50
2:2 Brukarundersökningar\t25\t50
Summa\t60\t100
"""


def test_overview_tables_per_area() -> None:
    table = extract_question_scores(doc_from(OVERVIEW))
    rows = [(q.area, q.question_id, q.printed_id, q.question, q.max_score, q.score) for q in table.questions]
    assert rows == [
        (1, "1.1", "", "Information till medborgarna", 30, 22),
        (1, "1.2", "", "Medborgardialog", 40, 25),
        (1, "1.3", "", "Öppenhet och insyn", 30, 14),
        (2, "2.1", "2:1", "Tillgänglighet", 50, 35),
        (2, "2.2", "2:2", "Brukarundersökningar", 50, 25),
    ]  # fmt: skip
    assert [(s.area, s.max_score, s.score, s.line) for s in table.subtotals] == [
        (1, 100, 61, 9),
        (2, 100, 60, 16),
    ]
    assert table.unread_headers == ()


def test_caption_under_a_table_of_sub_areas_ending_in_its_area_number_is_no_sub_area() -> None:
    # Fuzz seed 150802 (LibreOffice PDF, caption below): "Tabell 8 Poäng inom område 6" set under
    # the Summa row, its "6" in the column of the own points, read as a sub-area scoring 6.
    text = (
        "Område 6 Personalpolitik\n\nDelområde\tMax\tPoäng\nKompetensutveckling\t60\t40\n"
        "Medarbetarsamtal\t40\t21,5\nSumma\t100\t61,5\nTabell 8 Poäng inom område\t\t6\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question, q.max_score, q.score) for q in table.questions] == [
        ("Kompetensutveckling", 60, 40), ("Medarbetarsamtal", 40, 21.5)
    ]  # fmt: skip


def test_area_named_in_the_corner_of_its_table() -> None:
    text = (
        "Område 1 Offentlighet och demokratisk kontroll\tMax\tPoäng 2022\n1:1 Styrdokument och mål\t40\t28\n"
        "Summa\t100\t70\n\nOmråde 2 Tillgänglighet\tMax\tPoäng 2022\nInformation\t50\t40\n"
    )
    table = extract_question_scores(doc_from(text), 2022)
    assert [(q.area, q.question_id, q.max_score, q.score) for q in table.questions] == [
        (1, "1.1", 40, 28), (2, "2.1", 50, 40)
    ]  # fmt: skip
    assert [(s.area, s.max_score, s.score) for s in table.subtotals] == [(1, 100, 70)]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # own points without a max column: the max is not printed, not guessed
        ("Delfråga\tPoäng\n1.1 Hur informeras medborgarna?\t28\n1.2 Hur främjas engagemanget?\t32", None,
         [("1.1", None, 28), ("1.2", None, 32)]),
        # sub-question scores of two evaluations: the report year's column
        ("Delfråga\t2005\t2007\n1.1 Hur informeras medborgarna?\t20\t28", 2007, [("1.1", None, 28)]),
    ],
)  # fmt: skip
def test_headers_without_max(
    text: str, year: int | None, expected: list[tuple[str, float | None, float]]
) -> None:
    table = extract_question_scores(doc_from(text), year)
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == expected
    assert table.unread_headers == ()


def test_summary_table_rows_are_not_sub_areas() -> None:
    text = (
        "Område 1 Offentlighet och demokrati\n\n\tKarlskrona 2011\tKarlskrona 2014\n"
        "Offentlighet och demokrati\t48\t69\nTillgänglighet och brukarorientering\t49\t67\nTotalt\t415\t509"
    )
    table = extract_question_scores(doc_from(text), 2014)
    assert (table.questions, table.subtotals) == ((), ())


QUESTIONS = [
    ("1.1", "Hur informeras medborgarna?", 40, 28),
    ("1.2", "Hur främjas engagemanget?", 40, 32),
    ("1.3", "Hur informeras medborgarna om resultat?", 20, 13),
    ("2.1", "Brukarorienterad filosofi?", 10, 7.5),
]


@pytest.mark.parametrize("separator", ["\t", "    "], ids=["tabs", "spaces"])
@pytest.mark.parametrize("id_form", ["{a}.{b}", "{a}:{b}", "{a}.{b}.", "{a}.{b})"])
@pytest.mark.parametrize("id_cell", [False, True], ids=["id-with-text", "id-own-cell"])
@pytest.mark.parametrize(
    ("header", "own_first"),
    [("\tMax- poäng\tEgna poäng", False), ("\tEgna poäng\tMax- poäng", True), ("Delfråga\tMax\tPoäng", False),
     ("Delområde\tPoäng\tMax", True), ("\tPoäng\t\n\tMax\tEgna", False), (None, False), (None, True)],
    ids=["max-own", "own-max", "delfraga", "delomrade-own-max", "two-level", "none", "none-own-first"],
)  # fmt: skip
def test_score_variants(
    header: str | None, own_first: bool, id_cell: bool, id_form: str, separator: str
) -> None:  # fmt: skip
    lines = [] if header is None else [header.replace("\t", separator) if separator != "\t" else header]
    for question_id, text, top, own in QUESTIONS:
        area, sub = question_id.split(".")
        printed = id_form.format(a=area, b=sub)
        label = (
            [printed, text]
            if id_cell and header is not None and not header.startswith("\t")
            else [f"{printed} {text}"]
        )
        values = [own, top] if own_first else [top, own]
        lines.append(separator.join([*label, *(f"{v:g}".replace(".", ",") for v in values)]))
    table = extract_question_scores(doc_from("\n".join(lines)))
    found = [(q.question_id, q.printed_id, q.question, q.max_score, q.score) for q in table.questions]
    assert found == [
        (question_id, id_form.format(a=question_id[0], b=question_id[2]), text, top, own)
        for question_id, text, top, own in QUESTIONS
    ]
    assert len(table.unread_headers) == (1 if header is None else 0)


def _scores(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(q.question_id, q.max_score, q.score) for q in extract_question_scores(doc_from(text)).questions]


def test_raw_export_rows_with_single_spaces_read_by_their_header() -> None:
    # pdftotext -raw of a ruled one-table layout (fuzz seed 17): single spaces between the cells,
    # the area's heading between the header and the first row, a "Summa" row per area.
    text = (
        "Poäng\nNr Delområde Max Egna\n1 Samspel mellan förtroendevalda och medborgare\n"
        "1:1 Kostnadsmedvetenhet 20 11\n1:2 Uppföljning 20 12\nSumma 40 23\n2 Samhällsutveckling\n"
        "2:1 Information 10 8\nKommunkompassen Uppsala 2023 sid 7\n"
        "2:2 Intern kontroll 20 14,5\nSumma 30 22,5\n"
        "Kortfakta 2023\nAntal invånare 81 592\nYta (km²) 3797\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == [
        ("1.1", 20, 11), ("1.2", 20, 12), ("2.1", 10, 8), ("2.2", 20, 14.5)
    ]  # fmt: skip
    assert [(s.area, s.max_score, s.score) for s in table.subtotals] == [(1, 40, 23), (2, 30, 22.5)]
    assert not table.unread_headers


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Nr Delområde Egna poäng Maxpoäng", [("1.1", 20, 9)]),
        ("Delområde Max Poäng", [("1.1", 9, 20)]),
        ("Delområde Max- poäng Egna poäng", [("1.1", 9, 20)]),
    ],
)
def test_raw_header_words_give_the_column_order(header: str, expected: list) -> None:
    assert _scores(f"{header}\n1.1 Information 9 20") == expected


def test_raw_row_broken_over_lines_and_a_header_split_over_lines() -> None:
    # pdftotext -raw (fuzz seed 9): the own points' header words stand on their own lines, so the
    # order of the values is read by their shape and said so; a row's id, its wrapped name and its
    # values stand on lines of their own.
    text = (
        "Nr Delområde Maxpoäng\nEgna\npoäng\n1 Offentlighet och demokrati\n1.1 Synpunktshantering 30 20,5\n"
        "2.3 Förtroendevaldas roll 20 12\n2.4\nKostnadsmedvetenhe\nt\n20 14\n3 Politisk styrning\n"
    )
    table = extract_question_scores(doc_from(text))
    found = [(q.question_id, q.question, q.max_score, q.score) for q in table.questions]
    assert found == [
        ("1.1", "Synpunktshantering", 30, 20.5),
        ("2.3", "Förtroendevaldas roll", 20, 12),
        ("2.4", "Kostnadsmedvetenhet", 20, 14),
    ]
    assert len(table.unread_headers) == 1


def test_layout_export_header_cells_join_the_column_they_stand_over() -> None:
    # pdftotext -layout of a LibreOffice table (fuzz seed 28): "Egna" above and "poäng" below the
    # own points, "Maxpoäng" beside them; a wrapped question prints its values on the middle line.
    text = "\n".join(
        [
            " " * 76 + "Egna",
            "Delfråga" + " " * 75 + "Maxpoäng",
            " " * 75 + "poäng",
            "1 Offentlighet och demokratisk kontroll",
            "1.1 Hur informeras medborgarna?" + " " * 45 + "22        40",
            "2.2 Vilka åtgärder har satts i verket för att förbättra överskådligheten",
            " " * 76 + "11        20",
            "för medborgarna?",
            "2.3 Kan brukarna själva påverka serviceutbudet?" + " " * 29 + "3,5       20",
        ]
    )
    assert _scores(text) == [("1.1", 40, 22), ("2.2", 20, 11), ("2.3", 20, 3.5)]


def test_header_with_an_area_heading_under_it_still_heads_the_rows() -> None:
    # A tab-separated export (fuzz seed 11): a merged "Poäng" over "Max | Egna", then the area's
    # heading, then the rows; the header is the one printed, not its upper line alone.
    text = (
        "\t\tPoäng\nNr\tDelområde\tMax\tEgna\n1 Offentlighet och demokrati\n"
        "1.1.\tInformation\t20\t9\n1.2.\tSamverkan\t30\t6,5"
    )
    assert _scores(text) == [("1.1", 20, 9), ("1.2", 30, 6.5)]


@pytest.mark.parametrize(
    "header",
    [
        "Område 5 Resultat och effektivitet\tMaxpoäng\tKommun 2013",
        "Resultat och effektivitet\tMaxpoäng\tKommun 2013",
        "Område 5 Resultat och effektivitet   Maxpoäng   Kommun 2013",
    ],
)
def test_the_corner_naming_the_area_heads_the_labels_whatever_its_words(header: str) -> None:
    # "Resultat" is an own-points word, but the cell stands over the row labels: it must not turn
    # the table's max and own points round.
    separator = "\t" if "\t" in header else "   "
    rows = [f"5.1 Styrdokument och mål{separator}40{separator}26", f"Summa{separator}40{separator}26"]
    table = extract_question_scores(doc_from("\n".join([header, *rows])), 2013)
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == [("5.1", 40, 26)]


def test_facts_table_after_the_last_score_table_gives_no_rows() -> None:
    # A ReportLab report (fuzz seed 2): the Kortfakta table follows the last per-area table, its
    # rows without ids and with one value each under a header of two.
    text = (
        "8 Kommunen som samhällsbyggare\tPoäng\tMaxpoäng\n"
        "8:1 Vad gör kommunen för att stötta föreningslivet?\t29\t40\nSumma\t29\t40\n"
        "Kortfakta 2008\nAntal invånare\t70 977\nAntal nämnder\t8\n"
    )
    assert _scores(text) == [("8.1", 40, 29)]


def test_layout_export_upper_header_cell_over_two_columns_joins_one_of_them() -> None:
    # pdftotext -layout of a ReportLab table (fuzz seed 55): "Poäng" centred over "Egna" and "Max"
    # stands over neither; it must not become a column of its own that shifts the values.
    text = "\n".join(
        [
            " " * 87 + "Poäng",
            "Delfråga" + " " * 72 + "Egna           Max",
            "1 Offentlighet och demokratisk kontroll",
            "1.1. Hur informeras medborgarna?" + " " * 51 + "30                40",
            "Summa" + " " * 78 + "30            40",
        ]
    )
    assert _scores(text) == [("1.1", 40, 30)]


def test_layout_export_label_filling_its_column_and_header_words_one_space_apart() -> None:
    # pdftotext -layout of a Chromium table (fuzz seed 41): "Maxpoäng Poäng" one space apart, and
    # a long question name leaves one space before its max points.
    text = "\n".join(
        [
            "  Nr            Delområde                    Maxpoäng Poäng",
            "  1 Offentlighet och demokrati",
            "  1.1 Kostnadsmedvetenhet 20            13",
            "  1.2 Hållbar utveckling     20         14",
        ]
    )
    assert _scores(text) == [("1.1", 20, 13), ("1.2", 20, 14)]
    assert extract_question_scores(doc_from(text)).questions[0].question == "Kostnadsmedvetenhet"


def test_layout_export_header_glued_to_the_area_name_in_the_corner() -> None:
    # pdftotext -layout of a Chromium table (fuzz seed 2050): the area's name stands in the corner
    # and "Egna Max" follow it one space apart, left of the values they head; "Poäng" above both.
    text = "\n".join(
        [
            " " * 61 + "Poäng",
            "Nr    5 Resultat och effektivitet Egna Max",
            "5:1   Kostnadsmedvetenhet" + " " * 33 + "12       20",
            "5:2   Valfrihet" + " " * 43 + "14,5     30",
        ]
    )
    assert _scores(text) == [("5.1", 20, 12), ("5.2", 30, 14.5)]


def test_layout_export_two_value_words_one_space_apart_over_a_second_header_line() -> None:
    # pdftotext -layout of a Chromium table (fuzz seed 2055): "Egna Maxpoäng" one space apart,
    # "poäng" under "Egna" on the next line: own points, then max points.
    text = "\n".join(
        [
            "Delfråga" + " " * 61 + "Egna Maxpoäng",
            " " * 68 + "poäng",
            "1 Offentlighet och demokratisk kontroll",
            "1.1. Hur informeras medborgarna?" + " " * 37 + "32       40",
            "1.2. Hur främjas medborgarnas engagemang?" + " " * 28 + "18,5     40",
        ]
    )
    assert _scores(text) == [("1.1", 40, 32), ("1.2", 40, 18.5)]


def test_layout_export_header_words_beside_the_wrapped_rest_of_the_area_name() -> None:
    # pdftotext -layout of a LibreOffice table (fuzz seed 2020): the area's name in the corner
    # wraps over three lines, and "Maxpoäng Poäng" follow its middle line one space apart.
    text = "\n".join(
        [
            "       1 Samspel mellan",
            "Nr       förtroendevalda Maxpoäng Poäng",
            "         och medborgare",
            "1.1 Kompetensförsörjning     20     10",
            "1.3 Förtroendevaldas roll    30    14,5",
        ]
    )
    assert _scores(text) == [("1.1", 20, 10), ("1.3", 30, 14.5)]


def test_caption_indented_above_a_header_is_no_header_line() -> None:
    # pdftotext -layout of a LibreOffice page read column by column (fuzz seed 2042): the right
    # column's caption stands indented above the table's header, in the label column; it must not
    # join the header (its "Poäng" would make the labels' column one of own points).
    text = "\n".join(
        [
            "   Tabell 5 Poäng inom område 4",
            "                         Poäng",
            "   Nr Delområde             Egna Max",
            "   4:1 Kompetensförsörjning 13   20",
            "   4:2 Information          10   20",
        ]
    )
    assert _scores(text) == [("4.1", 20, 13), ("4.2", 20, 10)]


def test_raw_header_with_own_points_alone_on_its_line_reads_the_rows_by_their_shape() -> None:
    # pdftotext -raw of a ReportLab table whose narrow header cells wrap (fuzz seed 9015): "Egna" on
    # the header's line, "poäng" and "Maxpoäng" on lines of their own. The header names own points
    # only, so the rows' two values are not taken as one column: they are read by their shape.
    text = (
        "Nr Delområde Egna\npoäng\nMaxpoäng\n1 Samspel mellan förtroendevalda och medborgare\n"
        "1.1. Digitalisering 20 20\n1.2. Arbetsmiljö 16 20\n1.3. Näringsliv 10 20\nSumma 46 60\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == [
        ("1.1", 20, 20), ("1.2", 20, 16), ("1.3", 20, 10)
    ]  # fmt: skip
    assert len(table.unread_headers) == 1


# Fuzz seed 2109 (a 2014 report as plain text): a summary table with a max column, its TOTALT row
# (800 max, 557 own) read as area 8's Summa row, and its max points compared with area 8's rows.
SUMMARY_WITH_MAX_THEN_SCORES = """\
Huvudområde\tMax\tTranås 2014
7 Verksamhetsutveckling\t100\t69
8 Kommunen som samhällsbyggare\t100\t76
TOTALT\t800\t557

Delområde\tMaxpoäng\tPoäng
8.1 Brukarundersökningar\t30\t26
8.2 Målstyrning\t40\t29
8.3 Samverkan\t30\t21
Summa\t100\t76
"""


def test_the_totalt_row_of_a_summary_table_with_a_max_column_is_no_summa_row() -> None:
    table = extract_question_scores(doc_from(SUMMARY_WITH_MAX_THEN_SCORES))
    assert [q.question_id for q in table.questions] == ["8.1", "8.2", "8.3"]
    assert [(s.area, s.max_score, s.score, s.line) for s in table.subtotals] == [(8, 100, 76, 10)]


def test_raw_rows_whose_question_ends_in_a_full_stop_are_read_and_contents_entries_are_not() -> None:
    # pdftotext -raw (fuzz seed 9001): a question printed as a sentence ends in a full stop before its
    # values; a contents entry ends in a dotted leader before its page number.
    text = (
        "Delområde Maxpoäng Egna poäng\n5.3 Strategier för att synliggöra kostnader. 20 7\n"
        "5.4 Kontroll- och uppföljningsrutiner. 20 8,5\n5.5 Jämförelser med andra .......... 20 9\n"
    )
    assert _scores(text) == [("5.3", 20, 7), ("5.4", 20, 8.5)]


def test_layout_export_values_one_space_apart_are_two_cells_and_no_header() -> None:
    # pdftotext -layout of a LibreOffice one-table layout (fuzz seed 50035): where a label is long the
    # export sets the two narrow value columns one space apart ("30 14,5"). Each value is a cell of
    # its own, and such a row ("20 16,5") is no header naming the year 2016 for the rows below it.
    text = "\n".join(
        [
            "Nr     Delområde                   Max   Egna",
            "5.2. Kostnadsmedvetenhet              30   18",
            "5.3. Kvalitetssystem                  30 14,5",
            "5.4. Delegation                       20 16,5",
            "6 Kvalitetsutveckling",
            "6.1. Kompetensförsörjning             10    4",
        ]
    )
    assert _scores(text) == [("5.2", 30, 18), ("5.3", 30, 14.5), ("5.4", 20, 16.5), ("6.1", 10, 4)]


def test_layout_export_prose_beside_the_table_does_not_join_its_header() -> None:
    # pdftotext -layout of a two-column LibreOffice page read column by column (fuzz seed 50029): the
    # right column's prose, indented like the table, stands right above its header; its words (and
    # a "Poäng" over the header) must not make the labels' column one of own points.
    text = "\n".join(
        [
            "                     arbetar med chefs- och ledarskap samt",
            "                                                    Poäng",
            "                   Nr          Delområde          Max Egna",
            "                   3:4 Kompetensförsörjning      20   14",
            "                   3:5 Ledarutveckling           20   16",
        ]
    )
    assert _scores(text) == [("3.4", 20, 14), ("3.5", 20, 16)]


def test_raw_export_id_stop_on_its_own_line_and_the_header_words_after_the_wrapped_area_name() -> None:
    # pdftotext -raw of a LibreOffice per-area table in a narrow column (fuzz seed 50036): the area's
    # name wraps in the header's corner, so "Maxpoäng Poäng" stands alone on a line below it; the
    # id "1.1." breaks before its stop, and the name's last line ends in the row's values.
    text = (
        "Tabell 3 Poäng inom område 1\nNr\n1 Samspel mellan\nförtroendevalda\noch medborgare\n"
        "Maxpoäng Poäng\n1.1\n.\nMedarbetarsamtal 30 24\n1.3\n.\nKostnadsmedvetenhe\nt\n30 23\n"
        "1.4\n.\nDelaktighet 20 11\nSumma 80 58\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.question, q.max_score, q.score) for q in table.questions] == [
        ("1.1", "Medarbetarsamtal", 30, 24),
        ("1.3", "Kostnadsmedvetenhet", 30, 23),
        ("1.4", "Delaktighet", 20, 11),
    ]
    assert [(s.max_score, s.score) for s in table.subtotals] == [(80, 58)]
    assert not table.unread_headers


def test_layout_export_header_glued_into_one_cell_under_an_upper_cell() -> None:
    # pdftotext -layout of a LibreOffice table repeated on the next page (fuzz seed 50044): the header
    # "Nr 5 Brukarens fokus Max Egna" is set with single spaces, so it is one cell; with "Poäng"
    # above it the header still has max and own points, not "Poäng" over one column.
    text = "\n".join(
        [
            "Tabell 7 Poäng inom område 5",
            "                        Poäng",
            "Nr 5 Brukarens fokus Max Egna",
            "5:3 Jämförelser           30    16",
            "5:4 Uppföljning           20 16,5",
        ]
    )
    assert _scores(text) == [("5.3", 30, 16), ("5.4", 20, 16.5)]


def test_layout_export_name_wrapped_around_its_id() -> None:
    # pdftotext -layout of a LibreOffice table (fuzz seed 50044): a name that wraps in its cell is
    # printed on the lines above and below the line of its id and values.
    text = "\n".join(
        [
            "Nr 4 Effektivitet       Max Egna",
            "4:2 Delaktighet           20   13",
            "    Internationellt",
            "4:3                       20    12",
            "    arbete",
            "4:4 Jämförelser           20     14",
        ]
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.question, q.max_score, q.score) for q in table.questions] == [
        ("4.2", "Delaktighet", 20, 13),
        ("4.3", "Internationellt arbete", 20, 12),
        ("4.4", "Jämförelser", 20, 14),
    ]


def test_layout_export_label_header_word_glued_to_the_value_words() -> None:
    # pdftotext -layout of a Chromium one-table layout (fuzz seed 50086): the header's label word and
    # its value words stand one space apart ("Delområde Maxpoäng Egna poäng"), one cell; the label
    # column's own word is cut off, so the own points are read, not lost.
    text = "\n".join(
        [
            "  Nr             Delområde Maxpoäng Egna poäng",
            "  1 Offentlighet och demokrati",
            "  1.1 Kulturliv              20         16",
            "  3.1 Brukarundersökningar 10           6",
        ]
    )
    assert _scores(text) == [("1.1", 20, 16), ("3.1", 10, 6)]


def test_layout_export_question_wrapped_with_its_values_on_its_second_line() -> None:
    # pdftotext -layout of a 2002 table in a text column (fuzz seed 50055): a long question wraps
    # over three lines, its values beside the middle one, or on a line of their own.
    text = "\n".join(
        [
            "                                 Egna Max",
            "2.1. Har kommunen en",
            "brukarorienterad                     6  10",
            "förvaltningsfilosofi?",
            "2.3. Kan brukarna själva påverka",
            "                                     9  20",
            "serviceutbudet?",
        ]
    )
    assert _scores(text) == [("2.1", 10, 6), ("2.3", 20, 9)]


def test_merged_upper_cell_read_on_the_line_of_the_cells_it_spans_is_no_column() -> None:
    # A LibreOffice PDF's two-row header (fuzz seed 50213): "Poäng" over "Egna | Max" comes out as
    # one line "Poäng Egna Max"; the rows' label cell ends in the own points (centred header, values
    # right-aligned). "Poäng" heads both columns and is no third one.
    text = (
        "Delfråga\n1 Offentlighet och demokratisk kontroll\nPoäng Egna Max\n"
        "1.1 Hur informeras medborgarna? 11,5\t40\n1.2 Hur främjas medborgarnas engagemang? 13\t40\n"
    )
    assert _scores(text) == [("1.1", 40, 11.5), ("1.2", 40, 13)]


def test_pdf_rows_whose_values_stand_in_the_label_cell_or_between_its_lines() -> None:
    # A LibreOffice PDF's table repeated under its header on the same page (fuzz seed 50213): the
    # header's label cell took its value words ("Delfråga Egna Max"), the rows' label cells their
    # values ("... program? 14 20" and an empty cell), and a question set on two lines holds its
    # values between them ("... uppföljning av 4 10 kompetensutveckling?").
    text = (
        "Poäng\t\nDelfråga Egna Max\t\n"
        "5.2 Hur sker rapporteringen från tvärsektoriella projekt och program? 14 20\t\n"
        "6.6 Hur systematisk är budgetering och uppföljning av 4 10 kompetensutveckling?\t\n"
        "2.2 Vilka åtgärder har satts i verket för att förbättra överskådligheten för 8 medborgarna?\t20\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == [
        ("5.2", 20, 14), ("6.6", 10, 4), ("2.2", 20, 8)
    ]  # fmt: skip
    wrapped = table.questions[1].question
    assert wrapped == "Hur systematisk är budgetering och uppföljning av kompetensutveckling?"
    assert not table.unread_headers


def test_pdf_value_columns_each_cut_in_two_keep_their_values() -> None:
    # A ReportLab PDF with decimal-aligned values (fuzz seed 50220): the table finder cut each value
    # column in two, so the rows' values stand among empty cells, and the header's empty cell
    # between "Egna" and "Max" looks like the corner of a second table beside the first.
    text = (
        "\t\tPoäng\t\t\t\nNr\t1 Offentlighet och demokrati\tEgna\t\tMax\t\n"
        "1.1.\tArbetsmiljö\t\t8\t\t10\n1.2.\tLedarutveckling\t\t14,5\t\t20\n"
    )
    assert _scores(text) == [("1.1", 10, 8), ("1.2", 20, 14.5)]


def test_pdf_label_with_its_id_inside_its_wrapped_name() -> None:
    # A LibreOffice PDF whose narrow label cells wrap (fuzz seed 50215): the name's first line, the
    # id and the name's rest come out as one cell ("Förtroendevaldas 1:1 roll"); a word broken by the
    # cell's edge joins again.
    text = (
        "Nr Delområde\tMaxpoäng\tEgna poäng\nFörtroendevaldas 1:1 roll\t20\t7\n1:2 Medborgardialog\t20\t6\n"
        "Kostnadsmedvetenhe 2:2 t\t20\t9\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.question, q.max_score, q.score) for q in table.questions] == [
        ("1.1", "Förtroendevaldas roll", 20, 7),
        ("1.2", "Medborgardialog", 20, 6),
        ("2.2", "Kostnadsmedvetenhet", 20, 9),
    ]


def test_pdf_header_of_two_baselines_read_as_one_line_is_not_guessed() -> None:
    # A ReportLab PDF (fuzz seed 50110): "Egna" over "poäng" beside "Maxpoäng" comes out as "Egna
    # Maxpoäng poäng". The words alone do not say which value column is left: the same line comes
    # from "Maxpoäng" left of "Egna poäng" (a LibreOffice PDF of the CI sample, where taking the
    # lower "poäng" as own points' swapped max and own points on a whole page). So the row whose
    # cells were told apart is read by them, and the row printed without tabs is not read (the
    # validator reports the row lost) rather than read against a guessed order.
    text = "Nr Delområde\n1 Offentlighet och demokrati\nEgna Maxpoäng poäng\n1:1\tUppföljning\t11,5\t30\n"
    text += "5:1 Brukarundersökningar 8 20\n"
    assert _scores(text) == [("1.1", 30, 11.5)]


def test_pdf_header_of_two_baselines_over_rows_of_three_cells_is_read_by_the_rows_shape() -> None:
    # A Chromium PDF (tuning seed 310494): "Egna" over "poäng" right of "Maxpoäng" comes out as
    # "Egna Maxpoäng poäng" too, over rows of as many cells (the label, own points, max points):
    # read as a label column "Egna", then max and own points, every row's max and own points were
    # swapped (a false score_exceeds_max on each). Which value column is left is unknown from such
    # a line, so the rows are read by their shape (max points at least the own points in most
    # rows; a planted own score above its max stays one) and the header is said to be unread.
    text = (
        "Delfråga\n1 Offentlighet och demokratisk kontroll\nEgna Maxpoäng poäng\n\n"
        "1:1 Hur informeras medborgarna?\t25\t40\n"
        "1:2 Hur främjas medborgarnas engagemang?\t21\t40\n"
        "1:3 Hur informeras medborgarna om resultat?\t24\t20\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == [
        ("1.1", 40, 25), ("1.2", 40, 21), ("1.3", 20, 24)
    ]  # fmt: skip
    assert [(u.assumed, u.line) for u in table.unread_headers] == [("own points | max points", 5)]


def test_an_areas_rows_all_read_above_their_max_against_the_header_are_read_by_their_shape() -> None:
    # pdftotext -layout of a Chromium landscape page (tuning seed 310133): the export printed the
    # continued table's header and its first rows the other way round ("Egna  Max" over "6   10"),
    # the next areas' rows in the printed order ("30      25", max points first). Read by the
    # header, every row of those areas had own points above max points (26 false errors). An
    # area's every row (and its Summa row) so read is read the other way round, said to be read by
    # its shape; a single row above its max (a misprint) is read as printed.
    text = "\n".join(
        [
            "  Nr    Delområde                     Egna  Max",
            "  4.6.  Medborgardialog                   6   10",
            "        Summa                            67  100",
            "  5 Brukarens fokus",
            "  5.1. Medborgardialog           30      25",
            "  5.2. Förtroendevaldas roll     20      10,5",
            "       Summa                    100      35,5",
            "  6 Kvalitetsutveckling",
            "  6.1. Lönepolitik                   12   20",
            "  6.2. Målstyrning                   24   20",
        ]
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == [
        ("4.6", 10, 6), ("5.1", 30, 25), ("5.2", 20, 10.5), ("6.1", 20, 12), ("6.2", 20, 24)
    ]  # fmt: skip
    assert [(s.area, s.max_score, s.score) for s in table.subtotals] == [(4, 100, 67), (5, 100, 35.5)]
    assert [(u.assumed, u.line) for u in table.unread_headers] == [("max points | own points", 5)]


def test_pdf_header_with_the_own_points_first_word_in_the_label_cell() -> None:
    # A LibreOffice PDF (tuning seed 310606): "Egna" of the two-line "Egna poäng" set into the label
    # cell ("Nr Delområde Egna | poäng | Maxpoäng"): two own points' columns over rows of two values,
    # and every row of the area lost its max points (score_missing).
    text = (
        "Nr Delområde Egna\tpoäng\tMaxpoäng\n3.1 Kvalitetssystem\t30\t30\n3.2 Förtroendevaldas roll\t28\t30\n"
    )
    assert _scores(text) == [("3.1", 30, 30), ("3.2", 30, 28)]


def test_layout_export_row_is_no_header_for_the_row_below() -> None:
    # pdftotext -layout of a Chromium per-area table (fuzz seed 50130): a row whose label ends in
    # its values two spaces apart is no header line; a row set with single spaces under a header
    # with id and name columns is read with the header's two value columns.
    text = "\n".join(
        [
            "                                Poäng",
            "Nr              Delområde Egna Max",
            "2:1   Förtroendevaldas roll 12,5  20",
            "2:2   Kompetensförsörjning    8   20",
            "3:2 Förtroendevaldas roll 11,5  30",
        ]
    )
    assert _scores(text) == [("2.1", 20, 12.5), ("2.2", 20, 8), ("3.2", 30, 11.5)]


def test_an_id_cell_that_broke_its_closing_stop_onto_a_second_line() -> None:
    # A LibreOffice PDF (fuzz seed 70050): ids printed "1.1." in a narrow cell broke after their
    # digits; the stop on the cell's second line is read beside the name or after the values, and
    # in the right column of a two-column page the id stands on a line of its own above its row.
    lines = [
        "Nr\tDelområde\tMaxpoäng\tPoäng",
        "1.1 Information .\t20\t12",
        "1.2 Kostnadsmedvetenhe . t\t40\t20,5",
        "2.5 .\tMedarbetarsamtal\t20\t7",
        "3 Styrning och kontroll",
        "3.1",
        "Synpunktshantering 20 8 .",
        "3.2",
        "Näringsliv 10 3 .",
        "6.5 Kostnadsmedvetenhe",
        "30 8,5",
        ". t",
    ]
    table = extract_question_scores(doc_from("\n".join(lines)))
    assert [(q.question_id, q.question, q.max_score, q.score) for q in table.questions] == [
        ("1.1", "Information", 20, 12),
        ("1.2", "Kostnadsmedvetenhe t", 40, 20.5),
        ("2.5", "Medarbetarsamtal", 20, 7),
        ("3.1", "Synpunktshantering", 20, 8),
        ("3.2", "Näringsliv", 10, 3),
        ("6.5", "Kostnadsmedvetenhe", 30, 8.5),
    ]


def test_a_dotted_leader_keeps_its_stops() -> None:
    # Several stops standing alone are a contents entry's leader, not an id's broken stop.
    table = extract_question_scores(doc_from("3.1 Samspel . . . . 20 8"))
    assert table.questions == ()


def test_a_two_line_own_points_header_read_around_the_label_word() -> None:
    # A LibreOffice PDF (fuzz seed 70115): a 2002 score table going on in both columns of a page;
    # the left header's two-line "Egna poäng" is read around "Delfråga" ("Egna Delfråga poäng"),
    # and a row's wrapped question holds its own points, its max points followed by the words of
    # the right table's row.
    lines = [
        "Egna Delfråga poäng\tMaxpoäng\tDelfråga\tEgna poäng\tMaxpoäng",
        "4.3. Lokala initiativ för att 11 stärka serviceutbudet?\t20\tutveckling av kvalitetssystem?\t\t",
        "4.4. Hur beskrivs 12,5 förvaltningsledningen?\t20\t7.2. Strategisk serviceutveckling.\t14\t20",
        "5.2. Hur sker rapporteringen från tvärsektoriella projekt och program?\t13\t20",
    ]
    table = extract_question_scores(doc_from("\n".join(lines)))
    assert [(q.question_id, q.question, q.max_score, q.score) for q in table.questions] == [
        ("4.3", "Lokala initiativ för att stärka serviceutbudet?", 20, 11),
        ("4.4", "Hur beskrivs förvaltningsledningen?", 20, 12.5),
        ("7.2", "Strategisk serviceutveckling.", 20, 14),
        ("5.2", "Hur sker rapporteringen från tvärsektoriella projekt och program?", 20, 13),
    ]


def test_a_wrapped_corner_cell_one_space_before_narrow_value_columns() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 70082): the area's name in the header's
    # corner wrapped ("7" / "Verksamhetsutvecklin" / "g") and stands one space before "Poäng
    # Maxpoäng"; the name is no value column and the own points come first.
    lines = [
        "                         7",
        "Nr         Verksamhetsutvecklin Poäng Maxpoäng",
        "                         g",
        "7.1 Synpunktshantering       11       20",
        "7.2 Valfrihet                 8       20",
    ]
    table = extract_question_scores(doc_from("\n".join(lines)))
    read = [(q.question_id, q.max_score, q.score) for q in table.questions]
    assert read == [("7.1", 20, 11), ("7.2", 20, 8)]


def test_narrow_columns_values_two_and_one_space_apart() -> None:
    # pdftotext -layout of a LibreOffice per-area table (fuzz seed 130125): the first row's name
    # wrapped around its id and values, which stand two spaces apart ("13  20"), and the Summa row's
    # own and max points one space apart ("76 100"), which is no thousands group under "Egna Max".
    lines = [
        "                             Poäng",
        "Nr            Delområde Egna Max",
        "    Brukarundersökninga",
        "2.1                         13  20",
        "    r",
        "2.2 Jämförelser             21  30",
        "    Summa                   34 100",
    ]
    table = extract_question_scores(doc_from("\n".join(lines)))
    read = [(q.question_id, q.question, q.max_score, q.score) for q in table.questions]
    assert read == [("2.1", "Brukarundersökningar", 20, 13), ("2.2", "Jämförelser", 30, 21)]
    assert [(s.area, s.max_score, s.score) for s in table.subtotals] == [(2, 100, 34)]


def test_summa_row_whose_own_points_joined_its_label_cell() -> None:
    # A LibreOffice PDF (fuzz seed 130393): right-aligned own points stand close to the labels, so
    # the reader put them in the label cell, the Summa row's too ("Summa 64,5 | 100"); its max
    # points are no own points (three false area_sum_mismatch errors).
    text = (
        "Poäng\nNr 4 Effektivitet Egna\tMax\n4:1 Ledarutveckling 12\t20\n"
        "4:2 Delaktighet 5\t10\nSumma 17\t30\n"
    )
    table = extract_question_scores(doc_from(text))
    assert _scores(text) == [("4.1", 20, 12), ("4.2", 10, 5)]
    assert [(s.area, s.max_score, s.score) for s in table.subtotals] == [(4, 30, 17)]


def test_merged_cell_over_value_words_glued_to_the_area_name() -> None:
    # pdftotext -layout of a LibreOffice table (fuzz seed 130464): "Max Egna" one space after the
    # area's name in the corner, "Poäng" over both; the merged cell heads one column, not all three
    # words one column (the own points were lost: a false area_max_mismatch error).
    text = "\n".join(
        [
            "                                        Poäng",
            "1 Offentlighet och demokratisk kontroll Max Egna",
            "1.1 Hur informeras medborgarna?           40   29",
            "1.2 Hur främjas medborgarnas engagemang? 40   33",
        ]
    )
    assert _scores(text) == [("1.1", 40, 29), ("1.2", 40, 33)]


def test_a_two_line_header_cell_set_over_and_under_its_neighbour_in_a_layout_export() -> None:
    # pdftotext -layout of a LibreOffice table (fuzz seed 160270): "Egna" above and "poäng" below
    # "Maxpoäng", all three over the own points; joined into one column, every row's own points
    # were lost.
    text = (
        "                                  Egna\n"
        "Nr          Delområde        Maxpoäng\n"
        "                                 poäng\n"
        "1.1 Uppföljning          20      10\n"
        "1.2 Medarbetarsamtal     20      19\n"
        "1.4 Lönepolitik          40      10\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == [
        ("1.1", 20, 10), ("1.2", 20, 19), ("1.4", 40, 10),
    ]  # fmt: skip


def test_an_empty_column_between_the_ids_and_the_names_keeps_the_rows() -> None:
    # A scanned per-area table (fuzz seed 230005): a mark read in the blank gap after some rows'
    # ids made a column of its own that the other rows leave empty; those rows were lost and the
    # names taken for sub-areas of the area before.
    text = (
        "Nr\t\tDelområde\tEgna\tMax\n"
        "1:1\t\tMedborgardialog\t9\t20\n"
        "1:2\t\tInnovation\t14,5\t20\n"
        "1:3\tJämförelser\t8,5\t20\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.question, q.max_score, q.score) for q in table.questions] == [
        ("1.1", "Medborgardialog", 20, 9), ("1.2", "Innovation", 20, 14.5), ("1.3", "Jämförelser", 20, 8.5),
    ]  # fmt: skip


def test_a_merged_upper_cell_over_two_value_words_one_space_apart() -> None:
    # A scanned table in a narrow text column (fuzz seed 230026): "Poäng" over "Egna Max", the two
    # words one space apart, and each row's values too; joined with the upper cell into one
    # column, every row lost its own points.
    text = "\tPoäng\nNr Delområde\tEgna Max\n8.1 Brukarundersökningar\t16 20\n8.2 Medborgardialog\t19 20\n"
    assert _scores(text) == [("8.1", 20, 16), ("8.2", 20, 19)]


def test_own_points_joined_to_the_label_before_an_empty_header_cell() -> None:
    # A scanned per-area table (fuzz seed 230003): the own points a word space after the name,
    # an empty column between them and the max points; read as two tables side by side, every
    # row's max points were lost and its max taken for its own points.
    text = (
        "Nr Delområde Egna poäng\t\tMaxpoäng\n"
        "8:1 Jämförelser 15\t\t20\n"
        "8:2 Hållbar utveckling 13\t\t20\n"
        "8:3 Kvalitetssystem 11\t\t40\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.question, q.max_score, q.score) for q in table.questions] == [
        ("8.1", "Jämförelser", 20, 15),
        ("8.2", "Hållbar utveckling", 20, 13),
        ("8.3", "Kvalitetssystem", 40, 11),
    ]


def test_layout_export_row_whose_id_line_a_blank_line_parts_from_its_values() -> None:
    # pdftotext -layout of a LibreOffice table in a page's right column (fuzz seed 260815): the id's
    # line, a blank line, then the rest of the question with the values; the row was read without
    # its id (its values given to another area's first sub-question) and 8.1 lost.
    text = "\n".join(
        [
            "Tabell 10 Poäng inom område 8",
            "                           Egna",
            "Delområde                          Maxpoäng",
            "                          poäng",
            "8:1 Vad gör kommunen",
            "",
            "för att stötta                16,5        40",
            "föreningslivet?",
            "8:2 Kommunens",
            "samverkan med                   15        20",
            "kulturlivet.",
        ]
    )
    assert _scores(text) == [("8.1", 40, 16.5), ("8.2", 20, 15)]


def test_layout_export_row_whose_max_points_stand_on_the_line_above_its_id() -> None:
    # pdftotext -layout of a LibreOffice table (fuzz seed 260815): 7.4's max points printed on the
    # line above its id's, in the max column; its own points beside the id. Read by the right edges
    # of the values of the row above; the max points cell was read empty (score_missing).
    text = "\n".join(
        [
            "                             Egna",
            "Delområde                          Maxpoäng",
            "                            poäng",
            "7:3 Tillvaratas de",
            "anställdas erfarenheter         18        20",
            "och kreativitet?",
            "                                          20",
            "7:4 Användning av               14",
            "Internet och intranät i",
        ]
    )
    assert _scores(text) == [("7.3", 20, 18), ("7.4", 20, 14)]
    # A values line right after an id line without values may be that row's: left as read.
    after_id = text.replace("och kreativitet?\n", "7:5 Intern kontroll\n")
    assert ("7.4", None, 14) in _scores(after_id)


def test_a_row_whose_cell_ocr_read_as_no_number_is_read_with_it_empty_and_reported() -> None:
    # A scan: "Sk." for 31 in row 1:2 (fuzz seed 290017: the row was lost, its max points too).
    text = (
        "Nr\tDelfråga\tMax\tPoäng\n1:1 Hur informeras medborgarna?\t40\t22\n"
        "1:2 Hur främjas medborgarnas engagemang?\t40\tSk.\n"
        "1:3 Hur informeras medborgarna om resultat?\t20\t13\n"
        "1:4 Vad gör kommunen?\t20\tden gången\n"
    )
    table = extract_question_scores(doc_from(text))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == [
        ("1.1", 40, 22), ("1.2", 40, None), ("1.3", 20, 13)
    ]  # fmt: skip
    assert [(loss.line, '"Sk."' in loss.message) for loss in table.losses] == [(3, True)]
