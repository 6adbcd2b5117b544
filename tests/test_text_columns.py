"""Two columns of prose in a text export (pdftotext -layout) are read down the left, then the right."""

from __future__ import annotations

from extractors.observations import extract_observations
from extractors.score_table import extract_question_scores
from extractors.sections import find_area_sections
from pipeline.model.document import Document
from pipeline.model.text_columns import in_text_columns
from pipeline.model.text_columns.one_edge import fits
from pipeline.model.text_columns.side_tables import _value_before_edge, repeated_header

# Fuzz seed 25 (ReportLab, pdftotext -layout, two-column prose), shortened: the right column
# starts at position 54, the heading of area 2 and the lists of area 1 stand beside each other.
LEFT = [
    " Område 1 Offentlighet och",
    " demokrati",
    "",
    " Området beskriver hur Borås kommun",
    " arbetar med offentlighet och demokrati.",
    " Inom området offentlighet och demokrati",
    " uppnår kommunen 41,5 poäng.",
    " Styrkor",
    " 1. Väl utvecklade e-tjänster",
    " 2. Synpunktshantering via webben",
]
RIGHT = [
    "Förbättringsförslag",
    "1. Tydligare koppling mellan budget och",
    "   mål",
    "Område 2 Tillgänglighet och",
    "brukarorientering",
    "Området beskriver hur Borås kommun",
    "arbetar med tillgänglighet. Inom området",
    "uppnår kommunen 39 poäng.",
    "",
    "",
]
SUMMARY = [
    " 1 Offentlighet och demokrati                               74           41,5   -44 %      70",
    " 2 Tillgänglighet och brukarorientering                     62            39    -37 %      72",
]


def two_columns() -> list[str]:
    return [f"{left:<54}{right}".rstrip() for left, right in zip(LEFT, RIGHT, strict=True)]


def test_a_layout_export_in_two_columns_is_read_column_by_column() -> None:
    lines = in_text_columns(list(enumerate([*SUMMARY, "", *two_columns()], start=1)))
    texts = [text.strip() for _, text in lines if text.strip()]
    assert texts[:2] == [line.strip() for line in SUMMARY]  # a table's numbers are no column
    assert texts[2:] == [line.strip() for line in LEFT + RIGHT if line.strip()]
    # Each half keeps the number of the line it was printed on.
    assert dict((text.strip(), number) for number, text in lines)["Förbättringsförslag"] == 4


def test_two_columns_read_as_sections_and_lists() -> None:
    doc = Document.from_text("3 Detaljerad genomgång\n\n" + "\n".join(two_columns()) + "\n")
    assert [s.area for s in find_area_sections(doc)] == [1, 2]
    assert [(o.kind, o.text) for o in extract_observations(doc)] == [
        ("strength", "Väl utvecklade e-tjänster"),
        ("strength", "Synpunktshantering via webben"),
        ("improvement", "Tydligare koppling mellan budget och mål"),
    ]


def test_a_page_break_ends_the_columns_of_a_page() -> None:
    page = two_columns()
    lines = in_text_columns(list(enumerate([*page, "\fSveriges Kommuner och Landsting", *page], start=1)))
    texts = [text.strip() for _, text in lines if text.strip()]
    first = [line.strip() for line in LEFT + RIGHT if line.strip()]
    assert texts == [*first, "\fSveriges Kommuner och Landsting".strip(), *first]


def test_one_column_prose_is_left_as_it_is() -> None:
    prose = [
        "Kommunen har under flera år arbetat med att utveckla sin styrmodell och har nu en tydlig",
        "koppling mellan mål och resultat. Inom området uppnår kommunen 73 poäng, vilket är högre än",
    ] * 4
    numbered = list(enumerate(prose, start=1))
    assert in_text_columns(numbered) == numbered


def test_each_page_has_its_own_column_start() -> None:
    # Fuzz seed 55: the right column starts at 51 on one page and at 49 on the next.
    def page_at(start: int) -> list[str]:
        return [f"{left:<{start}}{right}".rstrip() for left, right in zip(LEFT, RIGHT, strict=True)]

    lines = in_text_columns(list(enumerate([*page_at(51), "\fSida 2", *page_at(49)], start=1)))
    texts = [text.strip() for _, text in lines if text.strip()]
    first = [line.strip() for line in LEFT + RIGHT if line.strip()]
    assert texts == [*first, "Sida 2", *first]


def test_a_right_column_that_drifts_from_line_to_line_is_read_by_each_line_gap() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 2042): the right column starts anywhere
    # from position 45 to 52, and a table stands in it; the left column holds a list.
    page = [
        "Sammanfattning offentlighet och demokrati       Område 3 Politisk styrning och kontroll",
        "Styrkor                                         Allmänt",
        "    •   Aktivt arbete med medborgardialog",
        "                                             Området beskriver hur Tranemo stad arbetar",
        "    •   Genomarbetat ledarutvecklingsprogram",
        "                                             med politisk styrning och kontroll.",
        "Utvecklingsområden",
        "                                             hemsidan och intervjuer med politiker och",
        "    • Sammanställ arbetet på den             tjänstemän. Inom området politisk styrning",
        "        internationella arenan               och kontroll uppnår kommunen 73,5 poäng.",
        "Område 2 Tillgänglighet och",
        "brukarorientering                               Kommunen jämför sina resultat i ett nätverk",
        "                                                med Landskrona, Härnösand och Kungälv.",
        "Allmänt                                            Nr Delområde             Egna Max",
        "Området beskriver hur Tranemo stad arbetar         3:2 Jämförelser          18      20",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[: texts.index("Område 3 Politisk styrning och kontroll")] == [
        "Sammanfattning offentlighet och demokrati",
        "Styrkor",
        "•   Aktivt arbete med medborgardialog",
        "•   Genomarbetat ledarutvecklingsprogram",
        "Utvecklingsområden",
        "• Sammanställ arbetet på den",
        "internationella arenan",
        "Område 2 Tillgänglighet och",
        "brukarorientering",
        "Allmänt",
        "Området beskriver hur Tranemo stad arbetar",
    ]
    assert "och kontroll uppnår kommunen 73,5 poäng." in texts
    assert texts[-1] == "3:2 Jämförelser          18      20"  # the table keeps its columns


def test_a_page_break_the_furniture_reader_took_out_still_ends_the_columns() -> None:
    # pdftotext -layout of a Chromium two-column section (fuzz seed 50008): a page's left column
    # goes on in its right one. The form feeds are taken out with the page furniture before the
    # columns are read; without the page starts the two pages' columns ran into one.
    # The second page's lines differ from the first's, so that none is taken for a running header.
    left = [f"{text} (2)" if text else "" for text in LEFT]
    right = [f"{text} (2)" if text else "" for text in RIGHT]
    second = [f"{a:<54}{b}".rstrip() for a, b in zip(left, right, strict=True)]
    document = Document.from_text("\n".join([*two_columns(), "\f" + second[0], *second[1:]]))
    read = [line.text.strip() for line in document.lines if line.text.strip()]
    assert read == [text.strip() for text in LEFT + RIGHT + left + right if text.strip()]


def test_columns_that_touch_with_one_space_are_parted_where_the_right_column_starts() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 90059): a line of the left column runs up
    # to one space before the right column's text, so the claim of area 6 ran into area 4's change.
    page = [
        "4 Ledarskap, ansvar och delegation                6 Kommunen som arbetsgivare,",
        "                                                  personalpolitik",
        "Området beskriver hur Linköping kommun            Allmänt",
        "arbetar med ledarskap, ansvar och delegation.   Området beskriver hur Linköping kommun",
        "Utvärderarna har tagit del av dokument,         arbetar med kommunen som arbetsgivare,",
        "hemsidan och intervjuer med politiker och       personalpolitik. Utvärderarna har tagit del av",
        "tjänstemän. Inom området ledarskap, ansvar      dokument, hemsidan och intervjuer med",
        "och delegation uppnår kommunen 49,5 poäng.      politiker och tjänstemän. Inom området",
        "En försämring med 27,5 poäng i förhållande till kommunen som arbetsgivare, personalpolitik",
        "utvärderingen 2016.                             uppnår kommunen 63,5 poäng. En förbättring",
        "                                                med 3,5 poäng i förhållande till utvärderingen",
        "Sammanfattning ledarskap, ansvar och delegation 2016.",
        "",
        "Starka sidor                                      Sammanfattning kommunen som arbetsgivare,",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    right = texts.index("6 Kommunen som arbetsgivare,")
    assert texts[right - 5 : right] == [
        "En försämring med 27,5 poäng i förhållande till",
        "utvärderingen 2016.",
        "Sammanfattning ledarskap, ansvar och delegation",
        "",
        "Starka sidor",
    ]
    assert texts[-7:] == [
        "politiker och tjänstemän. Inom området",
        "kommunen som arbetsgivare, personalpolitik",
        "uppnår kommunen 63,5 poäng. En förbättring",
        "med 3,5 poäng i förhållande till utvärderingen",
        "2016.",
        "",
        "Sammanfattning kommunen som arbetsgivare,",
    ]


def test_one_column_prose_with_a_space_where_no_column_starts_is_left_whole() -> None:
    page = [
        "Kommunkompassen är ett verktyg för utvärdering och analys av kommuners sätt att arbeta och",
        "bedömningarna görs med utgångspunkt från åtta huvudområden som alla består av delområden.",
    ] * 4
    numbered = list(enumerate(page, start=1))
    assert in_text_columns(numbered) == numbered


def test_a_list_dash_alone_on_its_line_ends_no_columns() -> None:
    # pdftotext -layout of a ReportLab page (fuzz seed 90135): a right-column item's dash stands on a
    # line of its own; taken for a table's number it ended the columns, so the page was read in two
    # runs, each left then right, and area 3's section (and its score claim) ran into area 2's.
    page = [
        "",
        "-   1.1. Hur informeras medborgarna?             Styrkor inom området",
        "-   1.2. Hur främjas medborgarnas                -   Systematiska brukarundersökningar",
        "    engagemang?",
        "                                                 -   Synpunktshantering via webben",
        "-   1.3. Hur informeras medborgarna om",
        "                                                 -   Aktivt arbete med medborgardialog",
        "    resultat?",
        "                                                 -   Genomarbetat ledarutvecklingsprogram",
        "Området beskriver hur Huddinge kommun",
        "arbetar med offentlighet och demokratisk         Förbättringsområden",
        "kontroll. Utvärderarna har tagit del av",
        "                                                 -   Samla resultatredovisningen på ett",
        "dokument, hemsidan och intervjuer med",
        "                                                     ställe",
        "politiker och tjänstemän. Inom området",
        "offentlighet och demokratisk kontroll            -   Tydligare koppling mellan budget och",
        "uppnår kommunen 45,5 poäng. En                       mål",
        "förbättring med 10,5 poäng i förhållande till",
        "                                                 -   Följa upp kompetensutvecklingen",
        "utvärderingen 2006.",
        "                                                     systematiskt",
        "Starka sidor",
        "                                                 3 Tydlighet i samspelet",
        "-   Aktivt arbete med medborgardialog",
        "                                                 mellan politiker och",
        "-   Tydlig rollfördelning mellan politiker och",
        "    tjänstemän",
        "                                                 tjänstemän",
        "                                                 -   3.1. Hur är kvaliteten på",
        "-   Systematiska brukarundersökningar",
        "                                                     målformuleringsarbetet?",
        "Utvecklingsområden                                   3.2. Hur är delegation och",
        "                                                 -",
        "-   Tydligare koppling mellan budget och             ansvarsfördelning mellan politisk och",
        "    mål                                              tjänstemannanivå?",
        "",
        "                                                 -   3.3. Hur rapporterar tjänstemännen till",
        "2 Tillgänglighet och",
        "                                                     den politiska nivån?",
        "brukarorientering",
        "                                                 -   3.4. Hur främjas den ömsesidiga",
        "-   2.1. Har kommunen en brukarorienterad            förståelsen av uppgifter och roller?",
        "    förvaltningsfilosofi?",
        "                                                 Området beskriver hur Huddinge kommun",
        "-   2.2. Vilka åtgärder har satts i verket för   arbetar med tydlighet i samspelet mellan",
        "    att förbättra överskådligheten för           politiker och tjänstemän. Utvärderarna har",
        "    medborgarna?                                 tagit del av dokument, hemsidan och",
        "-   2.3. Kan brukarna själva påverka             intervjuer med politiker och tjänstemän.",
        "    serviceutbudet?                              Inom området tydlighet i samspelet mellan",
        "                                                 politiker och tjänstemän uppnår kommunen",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts.index("3 Tydlighet i samspelet") > texts.index("-   2.1. Har kommunen en brukarorienterad")
    right = texts[texts.index("3 Tydlighet i samspelet") :]
    assert [text for text in right if text][:4] == [
        "3 Tydlighet i samspelet",
        "mellan politiker och",
        "tjänstemän",
        "-   3.1. Hur är kvaliteten på",
    ]


def test_left_column_lines_wider_than_its_halves_beside_the_right_column_stay_left() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 90000): the columns interleave line by
    # line, the left column's lines alone are wider than its halves beside the right column, and
    # two lines touch the right column with one space; the page was left as printed, so the
    # sections of areas 1 to 3 were lost.
    page = [
        "\x0c3 Detaljerad genomgång i          3.3 Politisk styrning och kontroll",
        "förhållande till Kommunkompassens Allmänt",
        "åtta områden                      Området beskriver hur Härnösand stad arbetar",
        "                                              med politisk styrning och kontroll.",
        "3.1 Offentlighet och demokrati                Utvärderarna har tagit del av dokument,",
        "                                              hemsidan och intervjuer med politiker och",
        "Allmänt                                       tjänstemän. Inom området politisk styrning",
        "Området beskriver hur Härnösand stad arbetar och kontroll uppnår kommunen 50 poäng.",
        "med offentlighet och demokrati. Utvärderarna",
        "                                              Kommunen jämför sina resultat i ett nätverk",
        "har tagit del av dokument, hemsidan och",
        "                                              med Uddevalla, Växjö och Kiruna, och",
        "intervjuer med politiker och tjänstemän. Inom",
        "                                              jämförelserna används i budgetarbetet.",
        "området offentlighet och demokrati uppnår",
        "kommunen 43 poäng.",
        "                                               Sammanfattning politisk styrning och kontroll",
        "Sammanfattning offentlighet och demokrati      Starka sidor",
        "",
        "Styrkor inom området                               •     Etablerad styrmodell med tydliga mål",
        "                                                   •     Tydlig och innehållsrik hemsida",
        "    •   Väl utvecklade e-tjänster",
        "                                                   •     Kvalitetsdeklarationer inom flera",
        "    •   Genomarbetat ledarutvecklingsprogram",
        "                                                         verksamheter",
        "    •   Etablerad styrmodell med tydliga mål",
        "                                                   •     Medarbetarsamtal med tydlig koppling",
        "    •   Aktivt arbete med medborgardialog",
        "                                                         till mål",
        "",
        "Förbättringsförslag",
        "                                               Förbättringsområden",
        "    •   Synliggöra kostnader per verksamhet",
        "                                                   •     Handlingar tillgängliga på hemsidan",
        "    •   Inför medborgarförslag",
        "                                                   •     Synliggöra kostnader per verksamhet",
        "    •   Utveckla avvikelserapporteringen av",
        "        verksamhet",
        "                                               3.4 Ledarskap, ansvar och delegation",
        "3.2 Tillgänglighet och brukarorientering       Allmänt",
        "Allmänt                                      Området beskriver hur Härnösand stad arbetar",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[:3] == ["3 Detaljerad genomgång i", "förhållande till Kommunkompassens", "åtta områden"]
    right = texts.index("3.3 Politisk styrning och kontroll")
    assert texts.index("kommunen 43 poäng.") < texts.index("3.2 Tillgänglighet och brukarorientering") < right
    assert texts[right + 1 : right + 3] == ["Allmänt", "Området beskriver hur Härnösand stad arbetar"]
    assert "och kontroll uppnår kommunen 50 poäng." in texts[right:]


def test_a_line_crossing_the_right_columns_edge_mid_sentence_is_not_parted() -> None:
    # What a single space at the right column's edge leaves to the right is no line of that column
    # when it neither opens with a capital, nor ends a sentence, nor is filled: the next line of the
    # right column ("delegation.") would have fit on it.
    page = [
        "Området beskriver hur Ydre kommun arbetar       Området beskriver hur Ydre kommun arbetar",
        "med arbetsliv. Utvärderarna har tagit del av    med ledarskap, ansvar och delegation samt",
        "dokument, hemsidan och intervjuer med           dokument, hemsidan och intervjuer med och",
        "politiker och tjänstemän. Inom området          politiker och tjänstemän. Inom området",
        "arbetsliv uppnår kommunen 58 poäng och en mycket stor förbättring",
        "Sammanfattning arbetsliv                        delegation.",
        "Starka sidor                                    Utvecklingsområden",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "arbetsliv uppnår kommunen 58 poäng och en mycket stor förbättring" in texts


def test_the_space_after_a_right_column_bullet_parts_no_halves() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 50029): a right-column item's bullet stands
    # two columns left of its text; the gap after the bullet is not where the right column starts.
    left = ["Allmänt", "Området beskriver hur Enköping kommun",
            "arbetar med samhällsutveckling. Utvärderarna", "har tagit del av dokument, hemsidan och",
            "intervjuer med politiker och tjänstemän. Inom", "området samhällsutveckling uppnår"]  # fmt: skip
    right = ["Utvecklingsområden", "•   Följa upp kompetensutvecklingen", "    systematiskt",
             "•   Synliggöra kostnader per verksamhet", "•   Utveckla den interna kontrollen",
             ""]  # fmt: skip
    page = [f"{a:<48}{b}".rstrip() for a, b in zip(left, right, strict=True)]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts == [*left, *(text.strip() for text in right if text)]


def test_a_year_ending_a_sentence_in_the_right_column_is_no_table_number() -> None:
    # pdftotext -layout of a Chromium page (fuzz seed 50008): the right column's sentence ends in
    # "2021." alone on its line, beside the left column's heading; the columns go on past it.
    page = [
        "Område 5 Brukarens fokus                           systematiskt",
        "",
        "Allmänt                                      Område 7 Arbetsliv",
        "Området beskriver hur Upplands Väsby         Allmänt",
        "kommun arbetar med brukarens fokus.",
        "Utvärderarna har tagit del av dokument,      Området beskriver hur Upplands Väsby",
        "hemsidan och intervjuer med politiker och    kommun arbetar med arbetsliv.",
        "tjänstemän. Inom området brukarens fokus     Utvärderarna har tagit del av dokument,",
        "uppnår kommunen 49 poäng. En                 hemsidan och intervjuer med politiker och",
        "försämring med 6 poäng i förhållande till    tjänstemän. Inom området arbetsliv uppnår",
        "utvärderingen 2021.                          kommunen 31,5 poäng. En försämring med",
        "                                             1,5 poäng i förhållande till utvärderingen",
        "Sammanfattning brukarens fokus               2021.",
        "",
        "Styrkor                                      Sammanfattning arbetsliv",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1))) if text.strip()]
    assert texts[texts.index("Sammanfattning brukarens fokus") + 1] == "Styrkor"
    assert texts[-3:] == ["1,5 poäng i förhållande till utvärderingen", "2021.", "Sammanfattning arbetsliv"]
    # Read with the right column at one start, as the whole page is: the line fits the columns, a
    # table's row of numbers does not.
    assert fits(page[12], 45)
    assert not fits("1 Offentlighet och demokrati                 74   41,5", 45)


def test_a_right_column_table_value_beside_left_prose_stays_in_the_right_column() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 50055): a score table in the right column,
    # its values set beside the middle of a wrapped question, one of them on the line of a left
    # column's sentence. The values go with the table, not with the sentence.
    page = [
        "Utvärderarna har tagit del av dokument,           4 Poängsammanställning",
        "hemsidan och intervjuer med politiker och                                                  Poäng",
        "tjänstemän. Inom området                          1 Offentlighet och",
        "verksamhetsutveckling uppnår kommunen 72                                          Egna Max",
        "                                                  demokratisk kontroll",
        "poäng. En försämring med 17 poäng i               1.1. Hur informeras",
        "förhållande till utvärderingen 2003.                                                21  40",
        "                                                  medborgarna?",
        "Styrkor                                           1.2. Hur främjas medborgarnas",
        "    1. Framgångsrik presstrategi                                                   32  40",
        "    2. Jämförelser med andra kommuner i           engagemang?",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1))) if text.strip()]
    assert texts[texts.index("förhållande till utvärderingen 2003.") + 1] == "Styrkor"
    assert texts[texts.index("1.1. Hur informeras") + 1 : texts.index("1.1. Hur informeras") + 3] == [
        "21  40", "medborgarna?"
    ]  # fmt: skip


def test_a_left_column_header_cell_indented_beside_a_right_column_item() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 50114): the left column's table header cell
    # "Poäng" is indented past a third of the line, beside the right column's first list item.
    left = [
        "    Summa             40    100",
        "                          Poäng",
        "Nr Delområde              Egna Max",
        "5:1 Information           8     20",
        "5:2 Synpunktshantering    8     20",
        "5:3 Arbetsmiljö           8     20",
    ]
    right = [
        "förutom Lidingö kommun:",
        "•   Kalmar (2013, 2014)",
        "•   Lycksele (2013)",
        "•   Halmstad (2003, 2012)",
        "•   Tyresö (2019)",
        "•   Uddevalla (2015)",
    ]
    page = [f"{a:<47}{b}".rstrip() for a, b in zip(left, right, strict=True)]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "Poäng" in texts and "•   Kalmar (2013, 2014)" in texts


def test_two_score_tables_side_by_side_with_the_right_header_one_space_after_the_left() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 70135): one score table flowing down both
    # columns. The left header's last cell reaches the gutter, the right header's "Nr" stands one
    # space after it; a right column's centred table header stands past the column's edge.
    page = [
        "Nr            Delområde Poäng Maxpoäng Nr              Delområde Poäng Maxpoäng",
        "1:1 Kulturliv                9    10    5:6 Lönepolitik              15         20",
        "1:2 Lönepolitik             26    30    6 Kvalitetsutveckling",
        "1:3 Valfrihet               17    20    6:1 Digitalisering           19         20",
        "1:4 Hållbar utveckling      15    20    6:2 Valfrihet                13         20",
        "1:5 Delaktighet            13,5   20    6:3 Målstyrning             15,5        30",
        "2 Samhällsutveckling                    6:4 Samverkan                23         30",
        "2:1 Delegation              19    30    7 Arbetsliv",
        "4:1 Delaktighet              7    10    8:3 Intern kontroll         28,5        30",
        "4:2 Delegation              16    20           M C L KD MP S V SD",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[0] == "Nr            Delområde Poäng Maxpoäng"
    assert "4:2 Delegation              16    20" in texts
    after_left = texts[texts.index("4:2 Delegation              16    20") + 1]
    assert after_left == "Nr              Delområde Poäng Maxpoäng"
    assert texts[-1] == "M C L KD MP S V SD"
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_70135.txt"))
    by_id = {q.question_id: (q.max_score, q.score) for q in table.questions}
    read = (by_id["1.1"], by_id["4.2"], by_id["5.6"], by_id["8.3"])
    assert read == ((10, 9), (20, 16), (20, 15), (30, 28.5))


def test_a_sentence_crossing_the_right_column_edge_is_not_parted_at_a_single_space() -> None:
    # The word one space after the left half is parted off only where it opens a heading, a header
    # or a row (a capital or a digit); a sentence's next word starting at the edge is no right half.
    page = [
        "Området beskriver hur Gävle kommun arbetar     Området beskriver hur Gävle kommun arbetar",
        "med arbetsliv. Utvärderarna har tagit del av   med chefs- och ledarskap samt",
        "dokument, hemsidan och intervjuer med          medarbetarskap. Utvärderarna har tagit del",
        "politiker och tjänstemän. Inom området         dokument, hemsidan och intervjuer med",
        "arbetsliv uppnår kommunen 69,5 poäng och nu en förbättring med 6 poäng i",
        "Sammanfattning chefs- och ledarskap samt       medarbetarskap uppnår kommunen 76",
        "Starka sidor                                   Utvecklingsområden",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    line = "arbetsliv uppnår kommunen 69,5 poäng och nu en förbättring med 6 poäng i"
    assert line.index("förbättring") == page[0].index("Området", 10)  # at the right column's edge
    assert line in texts


def test_a_left_table_row_one_space_before_the_right_columns_text() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 70082): the right column drifts left down
    # the page, and a left column's score row ends one space before its text, a capital or not.
    page = [
        "Tabell 4 Poäng inom område 2              8.1 Kompetensförsörjning       7     20",
        "                                          8.2 Hållbar utveckling     12,5      20",
        "      3 Politisk styrning                 8.3 Uppföljning               13     20",
        "Nr                        Poäng Maxpoäng",
        "         och kontroll",
        "                                          8.4 Medborgardialog            6     20",
        "3.1 Arbetsmiljö               19       40",
        "                                          8.5 Kulturliv                 12     20",
        "    Kostnadsmedvetenhe",
        "3.2                           19       30 Tabell 10 Poäng inom område 8",
        "    t",
        "3.3 Näringsliv                15       30 Kortfakta        2011",
        "Tabell 5 Poäng inom område 3              Antal invånare 31 902",
        "                                          Yta (km²)         3477",
        "        4 Ledarskap,",
        "Nr        ansvar och      Poäng Maxpoäng  Antal anställda   9200",
        "          delegation                      Skattesats (%)     23,9",
        "4.1 Innovation                 6      10  Antal nämnder        11",
        "4.2 Uppföljning                7      20 Kortfakta om Strängnäs kommun",
        "4.3 Lönepolitik               6       10 Sveriges Kommuner och Landsting har använt",
        "4.4 Näringsliv             14,5       20 Kommunkompassen som",
        "4.5 Arbetsmiljö              14       20 utvärderingsinstrument sedan 2002.",
        "4.6 Intern kontroll          10       20",
        "                                         Följande svenska kommuner och stadsdelar",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "4.2 Uppföljning                7      20" in texts
    assert "4.5 Arbetsmiljö              14       20" in texts
    last_row = texts.index("4.6 Intern kontroll          10       20")
    assert texts.index("Kortfakta om Strängnäs kommun") > last_row
    assert "utvärderingsinstrument sedan 2002." in texts


def test_a_right_column_heading_number_is_no_left_rows_value() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 70135), whole: the right column's list items
    # set their text at one edge, and a heading's name starts there one space after its number;
    # the number is the heading's, not a value of a left table's row, and the heading stays whole.
    page = [
        "3 Detaljerad genomgång i              2. Tydligare koppling mellan budget och",
        "                                         mål",
        "förhållande till Kommunkompassens",
        "åtta områden                      3.3 Styrning och kontroll",
        "3.1 Samspel mellan förtroendevalda och          Allmänt",
        "medborgare                                      Området beskriver hur Gävle kommun arbetar",
        "                                                med styrning och kontroll. Utvärderarna har",
        "Allmänt                                         tagit del av dokument, hemsidan och",
        "Området beskriver hur Gävle kommun arbetar      intervjuer med politiker och tjänstemän. Inom",
        "med samspel mellan förtroendevalda och          området styrning och kontroll uppnår",
        "medborgare. Utvärderarna har tagit del av       kommunen 89 poäng.",
        "dokument, hemsidan och intervjuer med",
        "                                                Kommunen jämför sina resultat i ett nätverk",
        "politiker och tjänstemän. Inom området",
        "                                                med Lysekil, Uppsala och Landskrona, och",
        "samspel mellan förtroendevalda och",
        "                                                jämförelserna används i budgetarbetet.",
        "medborgare uppnår kommunen 80,5 poäng.",
        "",
        "Sammanfattning samspel mellan förtroendevalda   Sammanfattning styrning och kontroll",
        "och medborgare",
        "                                                Starka sidor",
        "Styrkor inom området                                1. Tydlig och innehållsrik hemsida",
        "    1. Tydlig rollfördelning mellan politiker       2. Synpunktshantering via webben",
        "       och tjänstemän",
        "    2. Jämförelser med andra kommuner i         Förbättringsområden",
        "       nätverk                                      1. Jämföra resultat från",
        "    3. Starkt och levande föreningsliv                 brukarundersökningar med andra",
        "                                                       kommuner",
        "Utvecklingsområden                                  2. Premiera gott bemötande",
        "    1. Jämföra resultat från",
        "       brukarundersökningar med andra           3.4 Effektivitet",
        "       kommuner",
        "    2. Inför medborgarförslag                   Allmänt",
        "                                                Området beskriver hur Gävle kommun arbetar",
        "3.2 Samhällsutveckling                          med effektivitet. Utvärderarna har tagit del av",
        "                                                dokument, hemsidan och intervjuer med",
        "Allmänt                                         politiker och tjänstemän. Inom området",
        "Området beskriver hur Gävle kommun arbetar      effektivitet uppnår kommunen 87 poäng.",
        "med samhällsutveckling. Utvärderarna har",
        "tagit del av dokument, hemsidan och             Sammanfattning effektivitet",
        "intervjuer med politiker och tjänstemän. Inom",
        "                                                Styrkor",
        "området samhällsutveckling uppnår",
        "kommunen 72 poäng.                                  1. Etablerad styrmodell med tydliga mål",
        "                                                    2. Aktivt arbete med medborgardialog",
        "Sammanfattning samhällsutveckling                   3. Framgångsrik presstrategi",
        "                                                    4. Jämförelser med andra kommuner i",
        "Styrkor inom området                                   nätverk",
        "    1. Synpunktshantering via webben",
        "    2. Framgångsrik presstrategi                Utvecklingsområden",
        "                                                    1. Tydligare koppling mellan budget och",
        "Utvecklingsområden                                     mål",
        "    1. Utveckla avvikelserapporteringen av          2. Synliggöra kostnader per verksamhet",
        "       verksamhet",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "3.4 Effektivitet" in texts and "brukarundersökningar med andra" in texts


def test_a_table_going_on_in_the_right_column_under_its_repeated_header() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 110180): the score table starts at the
    # foot of the left column (its header and an area's name) and goes on in the right one under
    # the header LibreOffice repeats there, one space after the left copy and its rows a character
    # left of it; too few lines hold both columns to be read as columns of prose.
    page = [
        "Nr     Delområde       Maxpoäng Poäng Nr       Delområde         Maxpoäng Poäng",
        "1 Samspel mellan förtroendevalda och  1.1 Kompetensförsörjning         10     15",
        "medborgare                            1.2 Arbetsmiljö                  20      8",
        "                                      1.3 Synpunktshantering           20    3,5",
        "                                          Summa                        50   26,5",
        "                                      2 Samhällsutveckling",
        "                                      2.1 Internationellt arbete       30     12",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[:4] == [
        "Nr     Delområde       Maxpoäng Poäng",
        "1 Samspel mellan förtroendevalda och",
        "medborgare",
        "Nr       Delområde         Maxpoäng Poäng",
    ]
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_110180.txt"))
    by_id = {q.question_id: (q.area, q.max_score, q.score) for q in table.questions}
    assert by_id == {"1.1": (1, 10, 15), "1.2": (1, 20, 8), "1.3": (1, 20, 3.5), "2.1": (2, 30, 12)}


def test_per_area_tables_going_on_in_the_right_column_under_a_two_line_repeated_header() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 110279): the score tables go on in both
    # columns under a two-line header repeated in each ("Poäng" over "Egna Max"); the left rows'
    # values reach past the left header's last word, a right "Summa" is indented past where the
    # right header starts. Another reading cut the page at the left values (max points lost).
    page = [
        "                                  Poäng                                             Poäng",
        "Nr              Delområde Egna Max             Nr                  Delområde Egna Max",
        "3.3 Förtroendevaldas roll     6       10       6.3 Kompetensförsörjning         5     10",
        "3.4 Medarbetarsamtal         10       20       6.4 Internationellt arbete     12,5    20",
        "    Summa                    16       30       6.5 Lönepolitik                 12     20",
        "4 Ledarskap, ansvar och delegation                  Summa                    29,5    50",
        "4.1 Kulturliv                10       20       7 Ständiga förbättringar",
        "4.5 Lönepolitik               8       20       7.1 Resultatredovisning        14,5    30",
        "    Summa                    18       40            Summa                    14,5    30",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[:2] == ["Poäng", "Nr              Delområde Egna Max"]
    assert texts[texts.index("Summa                    18       40") + 1] == "Poäng"
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_110279.txt"))
    by_id = {q.question_id: (q.max_score, q.score) for q in table.questions}
    assert (by_id["4.5"], by_id["6.5"], by_id["7.1"]) == ((20, 8), (20, 12), (30, 14.5))


def test_the_same_list_item_in_both_columns_is_no_repeated_table_header() -> None:
    # Fuzz seed 110835: both columns list "Väl utvecklade e-tjänster" on one line; cut there as a
    # table's repeated header, the right column's list was torn from its heading.
    item = "    •     Väl utvecklade e-tjänster                    •   Väl utvecklade e-tjänster"
    assert repeated_header(item) is None
    assert repeated_header("Nr  Delområde  Max Egna   Nr  Delområde  Max Egna") == (23, 26)


def test_score_tables_in_both_columns_with_a_left_value_run_into_the_right_header() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 110645): per-area score tables in both
    # columns under headers side by side; the right column's text starts left of its centred
    # header, and one left value runs into the right header with no space ("12,5Delområde").
    page = [
        "                                          Poäng                                          Poäng",
        "Delområde                              Max Egna     Delområde                         Max Egna",
        "3.1. Hur är kvaliteten på                           6.6. Hur systematisk är",
        "                                       30   21",
        "målformuleringsarbetet?                             budgetering och uppföljning av    10   6",
        "3.2. Hur är delegation och                          kompetensutveckling?",
        "ansvarsfördelning mellan politisk      20   9       Tabell 8 Poäng inom område 6",
        "                                                                                         Poäng",
        "3.3. Hur rapporterar",
        "tjänstemännen till den politiska       30   12,5Delområde                             Max Egna",
        "nivån?                                          7.1. Hur metodiskt sker",
        "                                                                                      20   15",
        "3.4. Hur främjas den ömsesidiga                 utveckling av kvalitetssystem?",
        "förståelsen av uppgifter och           20 15,5  7.2. Strategisk serviceutveckling.    20   13",
        "roller?                                         7.3. Tillvaratas de anställdas",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "förståelsen av uppgifter och           20 15,5" in texts
    assert "tjänstemännen till den politiska       30   12,5" in texts
    assert "7.2. Strategisk serviceutveckling.    20   13" in texts


def test_one_column_prose_above_a_summary_table_is_not_cut_at_single_spaces() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 110007): one column of prose over the
    # summary table, whose header cells stand indented past a third of the line. Three sentences
    # were parted where a word opens one space after the others' right edge ("2021.
    # Utvärderingen är"), and with the header's lines the page read as two columns: the summary
    # table was lost. Only two lines show a gutter as spaces.
    page = [
        "2 Huddinge kommun i förhållande till Kommunkompassen: En",
        "sammanfattande genomgång",
        "Utvärderingen",
        "Utvärderingen av Huddinge kommun genomfördes 13-15 maj 2021. Utvärderingen är",
        "kommunens 2:e och bygger på utvärderingarna 2018.",
        "",
        "Sammanfattning av resultat",
        "I tabell 2 redovisas resultaten per huvudområde för 2018 och 2021.",
        "",
        "                                                     Huddinge",
        "Huvudområde                                                          Huddinge 2021",
        "                                                       2018",
        "1 Samspel mellan förtroendevalda och",
        "                                                                66              59",
        "medborgare",
        "2 Samhällsutveckling                                            89             54¹",
        "3 Styrning och kontroll                                         88              66",
        "4 Effektivitet                                                  60              58",
        "5 Brukarens fokus                                               49             53¹",
    ]
    assert in_text_columns(list(enumerate(page, start=1))) == list(enumerate(page, start=1))


def test_a_right_column_heading_set_left_of_the_column_is_parted_from_the_left_line() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 110279): the right column's heading, in
    # larger type, stands seven characters left of where the column's text starts; the line was
    # kept whole, and the left column's list read on after the right column's text.
    page = [
        "    •   Genomarbetat ledarutvecklingsprogram",
        "    •   Tydlig och innehållsrik hemsida      Sammanfattning ledarskap, ansvar och delegation",
        "    •   Framgångsrik presstrategi",
        "    •   Systematiska brukarundersökningar    Styrkor inom området",
        "                                                    •   Starkt och levande föreningsliv",
        "Utvecklingsområden                                  •   Genomarbetat ledarutvecklingsprogram",
        "    •   Handlingar tillgängliga på hemsidan",
        "    •   Sammanställ arbetet på den              Förbättringsområden",
        "        internationella arenan                      •   Följa upp kompetensutvecklingen",
        "    •   Premiera gott bemötande                         systematiskt",
        "",
        "",
        "3 Politisk styrning och kontroll                5 Resultat och effektivitet",
        "Allmänt                                         Allmänt",
        "Området beskriver hur Höganäs kommun            Området beskriver hur Höganäs kommun",
        "arbetar med politisk styrning och kontroll.     arbetar med resultat och effektivitet.",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[:4] == [
        "•   Genomarbetat ledarutvecklingsprogram",
        "•   Tydlig och innehållsrik hemsida",
        "•   Framgångsrik presstrategi",
        "•   Systematiska brukarundersökningar",
    ]
    heading = texts.index("Sammanfattning ledarskap, ansvar och delegation")
    assert texts[heading + 1 : heading + 3] == ["Styrkor inom området", "•   Starkt och levande föreningsliv"]


def test_score_tables_side_by_side_with_values_on_lines_of_their_own() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 110780, 2002 edition): per-area score
    # tables in both text columns, each under its own header, their baselines not aligned and
    # most values on lines of their own. The left table's values reach the right column's edge:
    # a row's values were cut apart ("20" | "12,5   Delområde"), a line holding both tables'
    # values went whole to one column, and the left header's cells ("Delområde   Max Egna")
    # were parted as if "Max Egna" opened the right column.
    page = [
        "2:5 Hur är systemet för",
        "synpunkts- och                         20     12,5   Delområde                        Max Egna",
        "klagomålshantering organiserat?                      6:1 Hur stor vikt läggs vid",
        "                                                                                       20    19",
        "2:6 Bedrivs utbildning i att                         personalutvecklingsåtgärder?",
        "                                       10       5",
        "bemöta allmänheten?                                  6:2 Förekommer",
        "                                                                                       20    7,5",
        "Summa                                 100     61,5   prestationslönesystem?",
        "Tabell 5 Poäng inom område 3                         6:3 Förekommer",
        "                                                                                       10     6",
        "                                                     arbetsmiljöundersökningar?",
        "                                       Poäng         6:4 Förekommer",
        "                                                                                       20     9",
        "Delområde                             Max Egna       medarbetarsamtal?",
        "3:1 Hur är kvaliteten på                             6:5 Genomförs",
        "                                       30      11                                      20    18",
        "målformuleringsarbetet?                              ledarutvecklingsprogram?",
        "3:2 Hur är delegation och                            6:6 Hur systematisk är",
        "ansvarsfördelning mellan politisk      20      11    budgetering och uppföljning av    10     5",
        "och tjänstemannanivå?                                kompetensutveckling?",
        "3:3 Hur rapporterar                                  Summa                            100   64,5",
        "tjänstemännen till den politiska       30      12    Tabell 9 Poäng inom område 7",
        "nivån?",
        "3:4 Hur främjas den ömsesidiga                                                      Poäng",
        "förståelsen av uppgifter och           20       Delområde",
        "                                               15                                 Max Egna",
        "roller?                                         7:1 Hur metodiskt sker utveckling",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    left = texts[: texts.index("roller?") + 1]
    assert left[:2] == ["2:5 Hur är systemet för", "synpunkts- och                         20     12,5"]
    assert "Summa                                 100     61,5" in left
    assert left[left.index("Poäng") + 1 : left.index("Poäng") + 4] == [
        "Delområde                             Max Egna",
        "3:1 Hur är kvaliteten på",
        "30      11",
    ]
    assert left[-3:] == ["förståelsen av uppgifter och           20", "15", "roller?"]
    right = texts[len(left) :]
    assert right[:3] == [
        "Delområde                        Max Egna",
        "6:1 Hur stor vikt läggs vid",
        "20    19",
    ]
    assert right[right.index("6:5 Genomförs") + 1] == "20    18"
    assert "Summa                            100   64,5" in right


def test_score_tables_in_the_right_column_beside_prose_with_no_line_of_words_on_both_sides() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 160567): the right column holds per-area
    # score tables ("Nr Delområde" over "Egna poäng" / "Maxpoäng"), their ids wrapped from their
    # names ("4.1" / name and values / "."), beside the left column's prose; too few lines hold
    # words on both sides to be read as prose, so the page stayed whole and the tables' values
    # were read with the prose (3.x's own points lost, area 4's rows given to area 8).
    page = [
        "Huvudområde 8: Kommun som                         Nr Delområde",
        "                                                                           Egna",
        "                                                                                    Maxpoäng",
        "samhällsbyggare                                                            poäng",
        "                                                  3.1. Medarbetarsamtal          13        20",
        "Allmänt                                           3.2. Lönepolitik               20        40",
        "                                                  3.3. Målstyrning               15        20",
        "Området beskriver hur Vallentuna kommun",
        "arbetar med kommun som samhällsbyggare.           3.4. Resultatredovisning       10        20",
        "Utvärderarna har tagit del av dokument,                Summa                     58       100",
        "hemsidan och intervjuer med politiker och                                   Egna",
        "                                                  Nr Delområde                      Maxpoäng",
        "tjänstemän. Inom området kommun som                                         poäng",
        "samhällsbyggare uppnår kommunen 46                4.1",
        "                                                       Kvalitetssystem            4        20",
        "poäng.                                            .",
        "                                                  4.2 Brukarundersökninga",
        "                                                                                  9        20",
        "                                                  .    r",
        "Sammanfattning kommun som samhällsbyggare",
        "                                                  4.3",
        "                                                       Näringsliv                 7        10",
        "Starka sidor                                      .",
        "                                                  4.4",
        "    •   Aktivt arbete med medborgardialog              Resultatredovisning        8        20",
        "                                                  .",
        "    •   Väl utvecklade e-tjänster",
        "                                                  4.5",
        "                                                       Kulturliv                3,5        10",
        "                                                  .",
        "Förbättringsområden",
        "                                                  4.6",
        "                                                       Hållbar utveckling        12        20",
        "    •   Följa upp kompetensutvecklingen           .",
        "        systematiskt                                   Summa                  43,5        100",
    ]
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_160567.txt"))
    by_id = {q.question_id: (q.max_score, q.score) for q in table.questions}
    assert by_id == {
        "3.1": (20, 13), "3.2": (40, 20), "3.3": (20, 15), "3.4": (20, 10),
        "4.1": (20, 4), "4.2": (20, 9), "4.3": (10, 7), "4.4": (20, 8), "4.5": (10, 3.5), "4.6": (20, 12),
    }  # fmt: skip
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts.index("poäng.") < texts.index("Nr Delområde")  # the left column first


def test_a_right_table_row_id_one_space_after_the_left_header_and_a_heading_number_after_values() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 160839): the right column's edge drifts
    # left to "7.1", one space after the left header's last word, and its area heading's number
    # ("8 Kommunen som samhällsbyggare") follows a left row's two values: the id went to the left
    # column (7.1 lost) and the heading's number to the left row.
    page = [
        "                                                6.2 Lönepolitik                 30   13",
        "        systematiskt",
        "                                                6.3 Kostnadsmedvetenhet         20   9",
        "     3. Sammanställ arbetet på den",
        "        internationella arenan                  6.4  Synpunktshantering         10   4",
        "                                                6.5 Innovation                  20   10",
        "                                                     Summa                      100 54",
        "4 Översikt av poängfördelning                   7 Verksamhetsutveckling",
        "Nr              Delområde Maxpoäng Poäng 7.1 Bemötande                          20   15,5",
        "1 Offentlighet och demokrati                    7.2  Lönepolitik                30   18",
        "1.1 Kulturliv                 30           12   7.3 Intern kontroll             20   10,5",
        "1.2 Internationellt arbete 20              7,5  7.4 Ledarutveckling             30   12",
        "1.3 Medborgardialog           20           15        Summa                      100  56",
        "1.4 Delaktighet               30           25   8 Kommunen som samhällsbyggare",
        "     Summa                    100          59,5 8.1 Digitalisering              30   10,5",
        "2 Tillgänglighet och brukarorientering          8.2 Brukarundersökningar        40   23",
        "2.1 Resultatredovisning       20           12   8.3 Delaktighet                 30   9,5",
        "2.2 Delaktighet               20           14        Summa                      100  43",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "8 Kommunen som samhällsbyggare" in texts
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_160839.txt"))
    by_id = {q.question_id: (q.max_score, q.score) for q in table.questions}
    assert (by_id["1.4"], by_id["7.1"], by_id["8.1"]) == ((30, 25), (20, 15.5), (30, 10.5))


def test_a_page_of_tables_whose_left_rows_reach_past_the_right_columns_edge_alone() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 160131): one score table going on from
    # the left column into the right one, ids wrapped from their names. The left rows' values
    # end past the right column's edge on lines of their own; counted as lines parted without a
    # gap, they kept the page from being read in columns, and the two tables' rows were mixed.
    page = [
        "                             Egna",
        "Nr         Delområde                Maxpoäng Tabell 3 Redovisning av poäng per",
        "                            poäng            huvudområde och delfråga",
        "1 Offentlighet och demokrati",
        "1.1                                          5.2. Arbetsmiljö                       14  30",
        "     Resultatredovisning         10       20",
        ".                                            5.3. Delegation                        21  40",
        "1.2                                                Summa                            52 100",
        "     Kvalitetssystem              9       20",
        ".                                            6 Kommunen som arbetsgivare –",
        "1.3                                          personalpolitik",
        "     Målstyrning                  6       10",
        ".                                            6.1. Bemötande                          4  10",
        "1.4                                          6.2.  Kostnadsmedvetenhet              10  20",
        "     Information                  9       20",
        ".",
        "                                             6.3. Intern kontroll                    6  20",
        "1.5",
        "     Arbetsmiljö                 12       20 6.4. Uppföljning                        4  10",
        ".",
        "                                             6.5. Delegation                        13  20",
        "1.6 Kostnadsmedvetenhe",
        "                                  9       10 6.6. Information                       11  20",
        ".    t",
        "     Summa                       59      100       Summa                            48 100",
    ]
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_160131.txt"))
    read = sorted((q.question_id, q.max_score, q.score) for q in table.questions)
    assert read[:6] == [
        ("1.1", 20, 10), ("1.2", 20, 9), ("1.3", 10, 6), ("1.4", 20, 9), ("1.5", 20, 12), ("1.6", 10, 9),
    ]  # fmt: skip
    assert read[6:] == [
        ("5.2", 30, 14), ("5.3", 40, 21),
        ("6.1", 10, 4), ("6.2", 20, 10), ("6.3", 20, 6), ("6.4", 10, 4), ("6.5", 20, 13), ("6.6", 20, 11),
    ]  # fmt: skip


def test_tables_in_both_columns_under_repeated_headers_whose_right_edge_drifts() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 160547): per-area tables in both columns,
    # a header repeated side by side ("Nr Delområde Maxpoäng  Nr Delområde Maxpoäng") whose left
    # "Egna poäng" cell stands on the lines around it, and the right column's edge drifts from
    # table to table. Cut where the header copies meet, the left own points went right.
    page = [
        "                                     Egna                                           Egna",
        "Nr      Delområde        Maxpoäng               Nr     Delområde       Maxpoäng",
        "                                    poäng                                          poäng",
        "    Summa                       100    70,5     5:4 Bemötande                   20     12",
        "Tabell 3 Poäng inom område 1                        Kostnadsmedvetenhe",
        "                                                5:5                           30     17",
        "                                                    t",
        "                                     Egna",
        "Nr     Delområde     Maxpoäng                       Summa                    100     66",
        "                                    poäng",
        "                                                Nr Delområde Maxpoäng Egna poäng",
        "2:1 Information               40          22",
        "                                                6:1 Jämförelser         20        15",
        "    Medarbetarsamta",
        "2:2                           20        14,5    6:2 Kulturliv           20        15",
        "    l",
        "2:3 Lönepolitik               20          13    6:3 Delegation          20        13",
        "2:4 Näringsliv                20          14    6:4 Samverkan           20      14,5",
        "    Summa                    100        63,5    6:5 Lönepolitik         20        16",
        "Tabell 4 Poäng inom område 2                        Summa              100      73,5",
        "                                                Tabell 8 Poäng inom område 6",
    ]
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_160547.txt"))
    by_id = {q.question_id: (q.max_score, q.score) for q in table.questions}
    assert (by_id["2.1"], by_id["2.4"]) == ((40, 22), (20, 14))
    assert (by_id["5.4"], by_id["5.5"], by_id["6.5"]) == ((20, 12), (30, 17), (20, 16))


def test_a_left_line_one_space_before_the_right_columns_sentence_end_keeps_the_columns_going() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 160468): the left column's heading
    # "Sammanfattning ledarskap, ansvar och delegation" runs up to one space before the right
    # column's "2014.", the end of a sentence. It ended the page's columns there, so area 4's
    # lists below it were read after area 6's heading in the right column and given to area 6.
    page = [
        "4. Ledarskap, ansvar och delegation                 6. Kommunen som arbetsgivare –",
        "                                                    personalpolitik",
        "Allmänt",
        "Området beskriver hur Borås stad arbetar med        Allmänt",
        "ledarskap, ansvar och delegation.               Området beskriver hur Borås stad arbetar med",
        "Utvärderarna har tagit del av dokument,         kommunen som arbetsgivare – personalpolitik.",
        "hemsidan och intervjuer med politiker och       Utvärderarna har tagit del av dokument,",
        "tjänstemän. Inom området ledarskap, ansvar      hemsidan och intervjuer med politiker och",
        "och delegation uppnår kommunen 44 poäng.        tjänstemän. Inom området kommunen som",
        "En förbättring med 6 poäng i förhållande till   arbetsgivare – personalpolitik uppnår",
        "utvärderingen 2014.                             kommunen 67,5 poäng. En försämring med",
        "                                                10,5 poäng i förhållande till utvärderingen",
        "Sammanfattning ledarskap, ansvar och delegation 2014.",
        "",
        "Styrkor inom området                                Sammanfattning kommunen som arbetsgivare –",
        "    •     Kvalitetsdeklarationer inom flera         personalpolitik",
        "          verksamheter",
        "    •     Väl utvecklade e-tjänster                 Starka sidor",
        "    •     Etablerad styrmodell med tydliga mål          •   Framgångsrik presstrategi",
        "                                                        •   Starkt och levande föreningsliv",
        "Förbättringsförslag                                     •   Etablerad styrmodell med tydliga mål",
        "    •     Premiera gott bemötande",
        "    •     Jämföra resultat från                     Utvecklingsområden",
        "          brukarundersökningar med andra                •   Jämföra resultat från",
        "          kommuner                                          brukarundersökningar med andra",
        "    •     Sammanställ arbetet på den                        kommuner",
        "          internationella arenan                        •   Inför medborgarförslag",
        "                                                        •   Samla resultatredovisningen på ett",
        "                                                            ställe",
        "5. Resultat och effektivitet",
        "",
        "Allmänt                                             7. Verksamhetsutveckling",
        "Området beskriver hur Borås stad arbetar med",
        "resultat och effektivitet. Utvärderarna har tagit   Allmänt",
        "del av dokument, hemsidan och intervjuer            Området beskriver hur Borås stad arbetar med",
        "med politiker och tjänstemän. Inom området          verksamhetsutveckling. Utvärderarna har tagit",
        "resultat och effektivitet uppnår kommunen           del av dokument, hemsidan och intervjuer",
        "58,5 poäng. En försämring med 26,5 poäng i          med politiker och tjänstemän. Inom området",
        "förhållande till utvärderingen 2014.                verksamhetsutveckling uppnår kommunen 55",
        "                                                    poäng. En försämring med 20 poäng i",
        "Sammanfattning resultat och effektivitet            förhållande till utvärderingen 2014.",
        "",
        "Styrkor                                             Sammanfattning verksamhetsutveckling",
        "    •     Systematiska brukarundersökningar",
        "    •     Tydlig och innehållsrik hemsida           Styrkor inom området",
        "                                                        •   Systematiska brukarundersökningar",
        "Förbättringsområden                                     •   Etablerad styrmodell med tydliga mål",
        "    •     Utveckla uppföljningen av",
        "          tvärsektoriella projekt                   Utvecklingsområden",
        "    •     Inför medborgarförslag                        •   Sammanställ arbetet på den",
        "                                                            internationella arenan",
        "                                                        •   Utveckla uppföljningen av",
        "                                                            tvärsektoriella projekt",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "Sammanfattning ledarskap, ansvar och delegation" in texts
    assert texts.index("Styrkor inom området") < texts.index("6. Kommunen som arbetsgivare –")


def test_the_right_columns_words_one_space_after_a_whole_left_row() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 160203): at the page's foot the right
    # column's text starts five characters left of its edge, one space after a left row's last
    # value ("3.2 Hållbar utveckling  20  11,5 Följande svenska ..."); cut at the edge, the lead-in
    # of the evaluated list lost its first word and the list was not read.
    page = [
        "8. Chefs- och ledarskap samt                    Nr",
        "                                                    3 Styrning och",
        "                                                                          Maxpoäng Poäng",
        "medarbetarskap                                      kontroll",
        "                                                3.4 Valfrihet                      20      11",
        "Allmänt                                             Summa                         100    47,5",
        "                                                Nr 4 Effektivitet       Maxpoäng Poäng",
        "Området beskriver hur Kungälv stad arbetar",
        "med chefs- och ledarskap samt                   4.1 Hållbar utveckling         40       22",
        "medarbetarskap. Utvärderarna har tagit del av       Medarbetarsamta",
        "                                                4.2                            30       23",
        "dokument, hemsidan och intervjuer med               l",
        "politiker och tjänstemän. Inom området chefs-   4.3 Uppföljning                30     22,5",
        "och ledarskap samt medarbetarskap uppnår            Summa                     100     67,5",
        "kommunen 57 poäng. En försämring med 10         Nr 5 Brukarens fokus Maxpoäng Poäng",
        "poäng i förhållande till utvärderingen 2018.    5.1 Delegation                    30       6",
        "                                                5.2 Samverkan                     30      14",
        "Sammanfattning chefs- och ledarskap samt            Synpunktshanterin",
        "                                                5.3                       20 9,5",
        "medarbetarskap                                      g",
        "                                                5.4 Uppföljning           20   13",
        "Styrkor                                             Summa                100 42,5",
        "    1. Aktivt arbete med medborgardialog            6",
        "                                                Nr                        Maxpoäng Poäng",
        "    2. Medarbetarsamtal med tydlig koppling         Kvalitetsutveckling",
        "       till mål                                 6.1 Resultatredovisning            30      14",
        "    3. Etablerad styrmodell med tydliga mål     6.2 Synpunktshantering             20      19",
        "    4. Starkt och levande föreningsliv          6.3 Målstyrning                    20       9",
        "                                                6.4 Förtroendevaldas roll          30      19",
        "Förbättringsförslag",
        "                                                    Summa                         100      61",
        "    1. Jämföra resultat från                    Nr 7 Arbetsliv            Maxpoäng Poäng",
        "       brukarundersökningar med andra           7.1 Kompetensförsörjning           20      12",
        "       kommuner                                 7.2 Samverkan                      20      11",
        "                                                7.3 Resultatredovisning            30      16",
        "4 Översikt av poängfördelning                   7.4 Förtroendevaldas roll          20    11,5",
        "                                                7.5 Digitalisering                 10        4",
        "    1 Samspel mellan",
        "                                                    Summa                         100    54,5",
        "Nr förtroendevalda         Maxpoäng Poäng",
        "    och medborgare                                  8 Chefs- och",
        "                                                Nr ledarskap samt         Maxpoäng Poäng",
        "1.1 Internationellt arbete       30     13",
        "                                                    medarbetarskap",
        "1.2 Hållbar utveckling           30     17",
        "                                                8.1 Medborgardialog                30      16",
        "1.3 Innovation                   20     17",
        "                                                8.2 Målstyrning                    20      13",
        "1.4 Information                  20     10",
        "                                                    Brukarundersökninga",
        "    Summa                       100     57      8.3                                20      10",
        "                                                    r",
        "    2                                           8.4 Medarbetarsamtal               30      18",
        "Nr Samhällsutvecklin Maxpoäng Poäng",
        "                                                    Summa                         100      57",
        "    g",
        "                                                Kortfakta        2021",
        "2.1 Målstyrning                  10      5",
        "                                                Antal invånare 73 607",
        "2.2 Intern kontroll              20      8",
        "                                                Yta (km²)          3703",
        "2.3 Bemötande                    20     11",
        "                                                Antal anställda    6300",
        "2.4 Synpunktshantering           30     18",
        "                                                Skattesats (%)      22,4",
        "2.5 Digitalisering               20     16",
        "                                                Antal nämnder         18",
        "    Summa                       100     58",
        "                                                Sveriges Kommuner och Landsting har använt",
        "    3 Styrning och",
        "Nr                         Maxpoäng Poäng       Kommunkompassen som",
        "    kontroll",
        "                                                utvärderingsinstrument sedan 2002.",
        "3.1 Kvalitetssystem              20      3",
        "3.2 Hållbar utveckling           20   11,5 Följande svenska kommuner och stadsdelar",
        "3.3 Medarbetarsamtal             40     22 har utvärderats med Kommunkompassen",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "3.2 Hållbar utveckling           20   11,5" in texts
    assert "Följande svenska kommuner och stadsdelar" in texts


# Fuzz seed 200135 (LibreOffice, pdftotext -layout, two-column prose), one page: a summary table
# continued at the top of a page of two columns, its header repeated. The TOTALT row's last values stand
# one space past where the right column starts below ("464,5 449"): numbers alone there are the
# row's, no right column's text.
CONTINUED_SUMMARY_PAGE = [
    "                                                                 Poäng",
    "Huvudområde                                             1999 2001 2003",
    "TOTALT                                                 464,5 449 453,5",
    "¹ Poängen har räknats om efter revisionen av verktyget.",
    "",
    "Tabell 2 Ljungby kommuns poäng 1999, 2001 och 2003",
    "",
    "",
    "3 Detaljerad genomgång i             • 2.6 Bedrivs utbildning i att bemöta",
    "                                       allmänheten?",
    "förhållande till Kommunkompassens",
    "                                  Området beskriver hur Ljungby kommun",
    "åtta områden",
    "                                                    arbetar med tillgänglighet och",
    "                                                    medborgar-/brukarorientering. Utvärderarna",
    "3.1 Offentlighet och demokratisk kontroll           har tagit del av dokument, hemsidan och",
    "    •   1.1 Hur informeras medborgarna?             intervjuer med politiker och tjänstemän. Inom",
    "    •   1.2 Hur främjas medborgarnas                området tillgänglighet och",
    "        engagemang?                                 medborgar-/brukarorientering uppnår",
    "    •   1.3 Hur informeras medborgarna om           kommunen 70,5 poäng. En förbättring med 32",
    "        resultat?                                   poäng i förhållande till utvärderingen 2001.",
    "",
    "Området beskriver hur Ljungby kommun                Styrkor inom området",
    "arbetar med offentlighet och demokratisk",
    "kontroll. Utvärderarna har tagit del av                 •   Tydlig rollfördelning mellan politiker",
    "dokument, hemsidan och intervjuer med                       och tjänstemän",
    "politiker och tjänstemän. Inom området                  •   Kvalitetsdeklarationer inom flera",
    "offentlighet och demokratisk kontroll uppnår                verksamheter",
    "kommunen 66 poäng. En försämring med 19,5",
    "                                                    Förbättringsområden",
    "poäng i förhållande till utvärderingen 2001.",
    "                                                        •   Handlingar tillgängliga på hemsidan",
    "Styrkor inom området                                    •   Samla resultatredovisningen på ett",
    "    •   Genomarbetat ledarutvecklingsprogram                ställe",
    "    •   Tydlig och innehållsrik hemsida                 •   Inför medborgarförslag",
    "",
    "",
    "Förbättringsområden                                 3.3 Tydlighet i samspelet mellan politiker",
    "    •   Sammanställ arbetet på den                  och tjänstemän",
    "        internationella arenan                          •   3.1 Hur är kvaliteten på",
    "    •   Jämföra resultat från                               målformuleringsarbetet?",
    "        brukarundersökningar med andra                  •   3.2 Hur är delegation och",
    "        kommuner                                            ansvarsfördelning mellan politisk och",
    "                                                            tjänstemannanivå?",
    "3.2 Tillgänglighet och                                  •   3.3 Hur rapporterar tjänstemännen till",
    "medborgar-/brukarorientering                                den politiska nivån?",
    "                                                        •   3.4 Hur främjas den ömsesidiga",
    "    •   2.1 Har kommunen en brukarorienterad                förståelsen av uppgifter och roller?",
    "        förvaltningsfilosofi?",
    "    •   2.2 Vilka åtgärder har satts i verket för   Området beskriver hur Ljungby kommun",
    "        att förbättra överskådligheten för          arbetar med tydlighet i samspelet mellan",
    "        medborgarna?                                politiker och tjänstemän. Utvärderarna har",
    "    •   2.3 Kan brukarna själva påverka             tagit del av dokument, hemsidan och",
    "        serviceutbudet?                             intervjuer med politiker och tjänstemän. Inom",
    "    •   2.4 Genomförs                               området tydlighet i samspelet mellan politiker",
    "        brukar-/medborgarundersökningar?            och tjänstemän uppnår kommunen 49 poäng.",
    "    •   2.5 Hur är systemet för synpunkts- och      En försämring med 1 poäng i förhållande till",
    "        klagomålshantering organiserat?             utvärderingen 2001.",
]


def test_a_table_row_ending_one_space_past_the_right_columns_edge_stays_whole() -> None:
    lines = list(enumerate(CONTINUED_SUMMARY_PAGE, start=1))
    out = in_text_columns(lines)
    assert out[1] == (2, CONTINUED_SUMMARY_PAGE[1])  # the header repeated: "1999 2001 2003"
    assert out[2] == (3, "TOTALT" + " " * 49 + "464,5 449 453,5")
    # The columns below are still read: the left column's heading, then the right's prose.
    texts = [text.strip() for _, text in out]
    assert texts.index("3 Detaljerad genomgång i") < texts.index("förhållande till Kommunkompassens")
    assert "• 2.6 Bedrivs utbildning i att bemöta" in texts
    assert texts.index("åtta områden") < texts.index("Området beskriver hur Ljungby kommun")
    # Read by each line's gap, the page has more lines with text cut in two than read at one start
    # (a blank line read in both columns is no line cut): the right column's edge drifts.
    area_2 = texts.index("arbetar med tillgänglighet och")
    assert texts[area_2 - 1] == "Området beskriver hur Ljungby kommun"


# Fuzz seed 200199 (LibreOffice, pdftotext -layout, landscape tables in two columns): the left
# table's values, right-aligned, reach the right column's edge on lines of their own ("20 6",
# "Summa  100 63"); cut there, they went to the right column and area 5 lost 5.3, 5.4 and its
# Summa row.
LEFT_VALUES_AT_THE_EDGE = [
    "5 Kontroll och                                   Tabell 10 Poäng inom område 8",
    "                             Maxpoäng Poäng",
    "rapportering",
    "5.1. Hur detaljerat är                      8 Kommunen som",
    "                                     40     32                         Maxpoäng Poäng",
    "rapporteringssystemet?                      samhällsbyggare",
    "5.2. Hur sker                               8.1. Vad gör kommunen",
    "rapporteringen från                         för att stötta                      40       22",
    "                                     20      9",
    "                                            föreningslivet?",
    "tvärsektoriella projekt",
    "och program?                                8.2. Kommunens",
    "5.3. Strategier för att synliggöra          samverkan med                       20       11",
    "                                         20 6",
    "                                            kulturlivet.",
    "kostnader.",
    "5.4. Kontroll- och uppföljningsrutiner.     8.3. Kommunen som",
    "                                         20 16                                  20       12",
    "                                            partner för näringslivet.",
    "Summa                                   100 63",
    "Tabell 8 Poäng inom område 6                8.4. Kommunens",
    "                                                                                20        9",
    "                                            internationella kontakter.",
]


def test_a_left_tables_values_reaching_the_right_columns_edge_stay_in_the_left_column() -> None:
    out = [text.strip() for _, text in in_text_columns(list(enumerate(LEFT_VALUES_AT_THE_EDGE, start=1)))]
    assert "20 6" in out and "Summa                                   100 63" in out
    assert (
        out.index("20 16")
        < out.index("Summa                                   100 63")
        < out.index("8 Kommunen som")
    )
    # The right table's values on a line shared with the left's stay the right column's.
    assert "20       12" in out
    table = extract_question_scores(Document.from_text("\n".join(LEFT_VALUES_AT_THE_EDGE), "fuzz_200199.txt"))
    by_id = {q.question_id: (q.max_score, q.score) for q in table.questions}
    assert [by_id.get(f"5.{n}") for n in range(1, 5)] == [(40, 32), (20, 9), (20, 6), (20, 16)]


def test_a_line_of_both_columns_run_together_left_of_the_right_columns_edge() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 260963): where a left line and a right
    # one share a baseline the export may set the right one's words one space after the left
    # one's, five characters left of the column's edge ("... brukarorienterad utvärderingen
    # 2002."). That line ended the page's columns, so the right column's claim of area 3 (62
    # poäng) was read before area 2's heading and given to area 2.
    page = [
        "Utvecklingsområden                              Området beskriver hur Östersund stad arbetar",
        "    • Inför medborgarförslag                    med tydlighet i samspelet mellan politiker och",
        "    • Handlingar tillgängliga på hemsidan       tjänstemän. Utvärderarna har tagit del av",
        "    • Samla resultatredovisningen på ett        dokument, hemsidan och intervjuer med",
        "       ställe                                   politiker och tjänstemän. Inom området",
        "                                                tydlighet i samspelet mellan politiker och",
        "                                                tjänstemän uppnår kommunen 62 poäng. En",
        "2 Tillgänglighet och brukarorientering          förbättring med 1,5 poäng i förhållande till",
        "    • 2.1 Har kommunen en brukarorienterad utvärderingen 2002.",
        "       förvaltningsfilosofi?                    Kommunen jämför sina resultat i ett nätverk",
        "    • 2.2 Vilka åtgärder har satts i verket för med Vänersborg, Kinda och Knivsta, och",
        "       att förbättra överskådligheten för       jämförelserna används i budgetarbetet.",
        "       medborgarna?",
        "    • 2.3 Kan brukarna själva påverka           Styrkor inom området",
        "       serviceutbudet?",
        "    • 2.4 Genomförs                                  • Synpunktshantering via webben",
        "       brukar-/medborgarundersökningar?              • Genomarbetat ledarutvecklingsprogram",
        "    • 2.5 Hur är systemet för synpunkts- och",
        "       klagomålshantering organiserat?          Förbättringsområden",
        "    • 2.6 Bedrivs utbildning i att bemöta            • Synliggöra kostnader per verksamhet",
        "       allmänheten?",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts.index("• 2.1 Har kommunen en brukarorienterad") + 1 == texts.index("förvaltningsfilosofi?")
    claim_end = texts.index("förbättring med 1,5 poäng i förhållande till")
    assert texts[claim_end + 1] == "utvärderingen 2002."
    assert texts.index("allmänheten?") < texts.index("Området beskriver hur Östersund stad arbetar")


def test_a_footnote_across_the_page_under_a_table_is_not_parted_near_the_gutter() -> None:
    # The same export (fuzz seed 260796): a footnote under the summary table runs past the right
    # column's edge of the prose below, its last word one space after the others; it stays whole.
    page = [
        "Huvudområde                                     Max Halmstad 2016",
        "8 Kommun som samhällsbyggare                    100 78",
        "TOTALT                                          800 641,5",
        "¹ Poängen har räknats om efter revisionen av verktyget.",
        "",
        "",
        "3 Detaljerad genomgång i                        näringslivsfrågor",
        "förhållande till Kommunkompassens               Området beskriver hur Halmstad stad arbetar",
        "åtta områden                                    med offentlighet och demokrati. Utvärderarna",
        "Allmänt                                         har tagit del av dokument, hemsidan och",
        "Området beskriver hur Halmstad stad arbetar     intervjuer med politiker och tjänstemän.",
        "med kommunen som samhällsbyggare.               Inom området uppnår kommunen 79,5 poäng.",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "¹ Poängen har räknats om efter revisionen av verktyget." in texts


def test_a_page_whose_right_column_drifts_is_read_through_by_each_lines_gap() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 260887): the right column's edge drifts
    # (48 to 58), and its claim's lines stand on lines of their own between the left column's.
    # Read at one edge, a left line reaching one character past the gutter ended the columns
    # there, as many lines cut in two as the reading by each line's gap gives; area 2's
    # questions and the right column's area 3 claim were then read in the wrong order. A
    # reading that goes through the page is taken over one that breaks off.
    page = [
        "    2. Synpunktshantering via webben                      tjänstemannanivå?",
        "    3. Tydlig och innehållsrik hemsida              •     3:3 Hur rapporterar tjänstemännen till",
        "    4. Starkt och levande föreningsliv                    den politiska nivån?",
        "                                                    •     3:4 Hur främjas den ömsesidiga",
        "Utvecklingsområden                                        förståelsen av uppgifter och roller?",
        "    1. Utveckla den interna kontrollen          Området beskriver hur Karlstad kommun",
        "    2. Följa upp kompetensutvecklingen          arbetar med tydlighet i samspelet mellan",
        "       systematiskt                             politiker och tjänstemän. Utvärderarna har",
        "    3. Inför medborgarförslag                   tagit del av dokument, hemsidan och",
        "                                                intervjuer med politiker och tjänstemän. Inom",
        "3.2 Tillgänglighet och brukarorientering        området tydlighet i samspelet mellan politiker",
        "                                                och tjänstemän uppnår kommunen 71,5",
        "    • 2:1 Har kommunen en brukarorienterad",
        "                                                poäng. En förbättring med 22,5 poäng i",
        "       förvaltningsfilosofi?",
        "                                                förhållande till utvärderingen 2003.",
        "    • 2:2 Vilka åtgärder har satts i verket för",
        "       att förbättra överskådligheten för       Kommunen jämför sina resultat i ett nätverk",
        "       medborgarna?                             med Ängelholm, Härnösand och Norrköping,",
        "    • 2:3 Kan brukarna själva påverka           och jämförelserna används i budgetarbetet.",
        "       serviceutbudet?",
        "    • 2:4 Genomförs                             Styrkor inom området",
        "       brukar-/medborgarundersökningar?              1. Regional samverkan kring",
        "    • 2:5 Hur är systemet för synpunkts- och            näringslivsfrågor",
        "       klagomålshantering organiserat?               2. Synpunktshantering via webben",
        "    • 2:6 Bedrivs utbildning i att bemöta            3. Kvalitetsdeklarationer inom flera",
        "       allmänheten?                                     verksamheter",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts.index("allmänheten?") < texts.index("tjänstemannanivå?")
    claim = texts.index("och tjänstemän uppnår kommunen 71,5")
    assert texts[claim + 1 : claim + 3] == [
        "poäng. En förbättring med 22,5 poäng i",
        "förhållande till utvärderingen 2003.",
    ]


def test_lines_of_both_columns_run_together_where_the_right_ones_only_fill_their_line() -> None:
    # The same export (fuzz seed 260853): the right column's words run on one space after the
    # left column's questions on two lines, neither opening with a capital nor ending a sentence
    # ("... brukarorienterad tagit del av dokument, hemsidan och"); the first of them would not
    # have fit on the column's line above, so that is where the right column's line starts.
    page = [
        "                                                  Området beskriver hur Hammarö kommun",
        "Område 2 Tillgänglighet och                       arbetar med tydlighet i samspelet mellan",
        "brukarorientering                                 politiker och tjänstemän. Utvärderarna har",
        "    •   2.1 Har kommunen en brukarorienterad tagit del av dokument, hemsidan och",
        "        förvaltningsfilosofi?                     intervjuer med politiker och tjänstemän. Inom",
        "    •   2.2 Vilka åtgärder har satts i verket för området tydlighet i samspelet mellan politiker",
        "        att förbättra överskådligheten för        och tjänstemän uppnår kommunen 44,5",
        "        medborgarna?                              poäng. En försämring med 3 poäng i",
        "    •   2.3 Kan brukarna själva påverka           förhållande till utvärderingen 2002.",
        "        serviceutbudet?                           Kommunen jämför sina resultat i ett nätverk",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[texts.index("brukarorientering") + 1] == "•   2.1 Har kommunen en brukarorienterad"
    assert "•   2.2 Vilka åtgärder har satts i verket för" in texts
    claim = texts.index("området tydlighet i samspelet mellan politiker")
    assert texts[claim - 2 : claim] == [
        "tagit del av dokument, hemsidan och",
        "intervjuer med politiker och tjänstemän. Inom",
    ]
    assert texts.index("serviceutbudet?") < texts.index("Området beskriver hur Hammarö kommun")


def test_left_table_values_run_into_or_set_beside_the_right_columns_text() -> None:
    # pdftotext -layout of a LibreOffice page of score tables in both columns (fuzz seed 260815):
    # the left table's max points run into the right column's text without a space ("15
    # 208:2 Kommunens", "11,5   20kontakter."), or stand one space before a row of the right
    # column's table of evaluations, left of that column's edge ("12   20 Kinda   2007"). They
    # went to the right column: 6.1's, 6.4's and 7.2's max points were lost, and 6.4 and 6.5 read
    # with the right column's "20" (a false area_sum_mismatch for area 7 with the rows around).
    page = [
        "Tabell 8 Poäng inom område 6                                             Egna",
        "                                              Delområde                          Maxpoäng",
        "                                                                        poäng",
        "                               Egna           8:1 Vad gör kommunen",
        "Delområde                            Maxpoäng",
        "                              poäng           för att stötta                16,5        40",
        "6:1 Hur stor vikt läggs vid                   föreningslivet?",
        "personalutvecklingsåtgärde        15        208:2 Kommunens",
        "r?                                            samverkan med                   15        20",
        "6:2 Förekommer                                kulturlivet.",
        "                                   5        20",
        "prestationslönesystem?                        8:3 Kommunen som",
        "                                                                               9        20",
        "6:3 Förekommer                                partner för näringslivet.",
        "                                   7        10",
        "arbetsmiljöundersökningar?                    8:4 Kommunens",
        "6:4 Förekommer                                internationella                 12        20",
        "                                11,5        20kontakter.",
        "medarbetarsamtal?",
        "6:5 Genomförs                                 Summa                         52,5       100",
        "                                  14        20Sveriges Kommuner och Landsting har använt",
        "ledarutvecklingsprogram?",
        "6:6 Hur systematisk är                        Kommunkompassen som",
        "budgetering och uppföljning        4        10utvärderingsinstrument sedan 2002.",
        "av kompetensutveckling?",
        "                                              Följande svenska kommuner och stadsdelar",
        "Summa                           56,5       100",
        "                                              har utvärderats med Kommunkompassen",
        "Tabell 9 Poäng inom område 7",
        "                                              förutom Halmstad kommun:",
        "                             Egna",
        "Delområde                          Maxpoäng Kommun              År",
        "                            poäng",
        "7:1 Hur metodiskt sker                        Kiruna               2002",
        "utveckling av                   13        20  Ljungby        2004, 2007",
        "kvalitetssystem?                              Karlskrona 2003, 2007",
        "7:2 Strategisk",
        "                                12        20 Kinda                 2007",
        "serviceutveckling.                            Nässjö               2004",
        "7:3 Tillvaratas de                            Falun                2002",
        "anställdas erfarenheter         18        20",
        "                                              Örebro               2004",
        "och kreativitet?",
        "                                          20 Vänersborg            2003",
        "7:4 Användning av               14",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "personalutvecklingsåtgärde        15        20" in texts
    assert "8:2 Kommunens" in texts
    assert "11,5        20" in texts and "kontakter." in texts
    assert "12        20" in texts and "Kinda                 2007" in texts
    assert "Vänersborg            2003" in texts
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_260815.txt"))
    by_id = {q.question_id: (q.max_score, q.score) for q in table.questions}
    assert (by_id["6.1"], by_id["6.4"], by_id["6.5"], by_id["7.2"]) == (
        (20, 15),
        (20, 11.5),
        (20, 14),
        (20, 12),
    )


def test_left_table_values_run_into_the_right_columns_words_where_the_columns_drift() -> None:
    # The same export (fuzz seed 260989), a page read by each line's own gap: the left table's max
    # points run into the right column's words ("14      20Skattesats (%)", "5      10Sveriges")
    # or its next row's id ("10      208:3 Kommunen"); they went to the right column and rows 6.1
    # to 7.2 lost their max points.
    page = [
        "uppföljningsrutiner.                        att stötta föreningslivet?",
        "6 Personalpolitik                           8:2 Kommunens samverkan",
        "                                                                                 9          20",
        "6:1 Hur stor vikt läggs vid                 med kulturlivet.",
        "personalutvecklingsåtgärde        10      208:3 Kommunen som partner",
        "                                                                                11          20",
        "r?                                          för näringslivet.",
        "6:2 Förekommer                              8:4 Kommunens",
        "                                   9      20                                    15          20",
        "prestationslönesystem?                      internationella kontakter.",
        "6:3 Förekommer                              Kortfakta         2009",
        "                                 5,5      10",
        "arbetsmiljöundersökningar?                  Antal invånare 52 748",
        "6:4 Förekommer",
        "                                   4      20Yta (km²)             432",
        "medarbetarsamtal?",
        "                                            Antal anställda     9100",
        "6:5 Genomförs",
        "                                  14      20Skattesats (%)       21,8",
        "ledarutvecklingsprogram?",
        "                                            Antal nämnder          19",
        "6:6 Hur systematisk är",
        "budgetering och uppföljning        5      10Sveriges  Kommuner     och Landsting har använt",
        "av kompetensutveckling?                     Kommunkompassen        som",
        "7 Verksamhetsutveckling                     utvärderingsinstrument sedan 2002.",
        "7:1 Hur metodiskt sker                      Följande svenska kommuner och stadsdelar",
        "utveckling av                      7      20har utvärderats med Kommunkompassen",
        "kvalitetssystem?",
        "                                            förutom Huddinge kommun:",
        "7:2 Strategisk",
        "                                   9      20",
        "serviceutveckling.                               • Örnsköldsvik (2004, 2008)",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "personalutvecklingsåtgärde        10      20" in texts
    assert "8:3 Kommunen som partner" in texts
    assert "14      20" in texts and "Skattesats (%)       21,8" in texts
    table = extract_question_scores(Document.from_text("\n".join(page), "fuzz_260989.txt"))
    by_id = {q.question_id: (q.max_score, q.score) for q in table.questions}
    assert (by_id["6.1"], by_id["6.5"], by_id["6.6"], by_id["7.1"]) == ((20, 10), (20, 14), (10, 5), (20, 7))


def test_a_summary_tables_last_row_above_two_columns_of_prose_stays_whole() -> None:
    # pdftotext -layout of a LibreOffice page (fuzz seed 260056): the summary table goes on at
    # the top of a page of two columns of prose, read by each line's own gap. Its TOTALT row was
    # cut among its values ("TOTALT  800  435" | "477  +10 %  481") as if a line of prose stood
    # beside a right table's values: the row's last values were read into the right column,
    # between the left column's "... uppnår" and the right column's "kommunen 64 poäng", and
    # area 2's claim was lost.
    page = [
        "                                                Sundsvall       Sundsvall Ändrin",
        "Huvudområde                          Max                                         Genomsnitt",
        "                                                    2018            2021       g",
        "6 Kvalitetsutveckling                100              47              72 +53 %          56",
        "7 Arbetsliv                          100              33              60 +82 %          65",
        "8 Chefs- och ledarskap samt",
        "                                     100                 59             50    -15 %           62",
        "medarbetarskap",
        "TOTALT                               800              435              477   +10 %           481",
        "",
        "3 Detaljerad genomgång i          kommunen 64 poäng. En förbättring med 18",
        "                                  poäng i förhållande till utvärderingen 2018.",
        "förhållande till Kommunkompassens",
        "åtta områden                      Sammanfattning samhällsutveckling",
        "",
        "                                                 Starka sidor",
        "Huvudområde 1: Samspel mellan",
        "förtroendevalda och medborgare                       •     Jämförelser med andra kommuner i",
        "                                                           nätverk",
        "Allmänt                                              •     Etablerad styrmodell med tydliga mål",
        "                                                     •     Framgångsrik presstrategi",
        "Området beskriver hur Sundsvall kommun",
        "arbetar med samspel mellan förtroendevalda",
        "                                              Förbättringsområden",
        "och medborgare. Utvärderarna har tagit del av",
        "dokument, hemsidan och intervjuer med             • Premiera gott bemötande",
        "politiker och tjänstemän. Inom området            • Jämföra resultat från",
        "samspel mellan förtroendevalda och                    brukarundersökningar med andra",
        "medborgare uppnår kommunen 55 poäng. En               kommuner",
        "försämring med 19 poäng i förhållande till",
        "utvärderingen 2018.                           Huvudområde 3: Styrning och kontroll",
        "Sammanfattning samspel mellan förtroendevalda    Allmänt",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert (
        "TOTALT                               800              435              477   +10 %           481"
        in texts
    )
    assert texts.index("3 Detaljerad genomgång i") < texts.index("kommunen 64 poäng. En förbättring med 18")


def test_only_a_value_before_a_right_tables_row_is_the_left_columns() -> None:
    # A value two places or more left of the right column's edge (46, 44) with a row of the right
    # column's table after it ("Vänersborg  2003") or a label's rest ("sektorsgränserna?") is the
    # left table's; a heading's number there ("8 Kommunen som samhällsbyggare", set a little left
    # of the edge) opens the right column.
    row = "                                          20 Vänersborg            2003"
    heading = "                                          8 Kommunen som samhällsbyggare"
    assert _value_before_edge(row, 42, 46)
    assert _value_before_edge("medborgarnas                  28        40 sektorsgränserna?", 40, 44)
    assert not _value_before_edge(heading, 42, 46)
    assert not _value_before_edge(
        "                                              20 Vänersborg   2003", 46, 46
    )


def test_a_left_table_going_on_in_the_right_column_a_space_after_its_values() -> None:
    # A LibreOffice layout export (tuning seed 310740, shortened) sets a score table going on from
    # the left column into the right one a single space after the left rows' last values ("20
    # 10 7.4 Synpunktshantering"), and the evaluated list's prose beside the left rows after it.
    # The right rows' ids start at one place, but no gap of two spaces showed it: the page was
    # cut elsewhere, the left rows' own points went to the right column and the list was lost.
    page = [
        "Nr       Delområde        Maxpoäng Poäng 7.3 Kvalitetssystem                  40    14",
        "3.3 Uppföljning                  20    10 7.4 Synpunktshantering              20    13",
        "3.4 Synpunktshantering           20    15       Summa                        100 51,5",
        "3.5 Innovation                   20    14 8 Chefs- och ledarskap samt",
        "3.6 Näringsliv                   20    13 medarbetarskap",
        "    Summa                      100     65 8.1 Bemötande                       20    16",
        "4 Effektivitet                            8.2   Digitalisering                20    17",
        "4.1 Förtroendevaldas roll        40    39 8.3 Medarbetarsamtal                10     6",
        "4.2 Hållbar utveckling           20     9 8.4 Målstyrning                     10     7",
        "     Summa                      100 80,5        Summa                        100  70,5",
        "6 Kvalitetsutveckling",
        "                                          Följande svenska kommuner och stadsdelar",
        "6.1 Intern kontroll              20   20 har utvärderats med Kommunkompassen",
        "6.2 Arbetsmiljö                  20   17 förutom Vårgårda kommun: Gävle (2009),",
        "6.3 Synpunktshantering           30   22 Uppsala (2008, 2022), Järfälla (2022),",
        "     Summa                      100   87 Lycksele (2002, 2022) och Karlskoga (2008).",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[:3] == [
        "Nr       Delområde        Maxpoäng Poäng",
        "3.3 Uppföljning                  20    10",
        "3.4 Synpunktshantering           20    15",
    ]
    assert "6.3 Synpunktshantering           30   22" in texts
    assert texts.index("7.3 Kvalitetssystem                  40    14") > texts.index(
        "Summa                      100   87"
    )
    assert "förutom Vårgårda kommun: Gävle (2009)," in texts


def test_a_left_tables_rows_with_ids_alone_on_their_lines_beside_the_right_columns_prose() -> None:
    # A LibreOffice layout export (tuning seed 310134, shortened) prints a score table's rows in
    # the left column with each id and its closing stop on lines of their own ("8.1" / "    Valfrihet
    # 15   20" / "."), the evaluated list's prose and table in the right column beside them. The
    # lines holding an id or a stop beside the right column's words did not count as words on
    # both sides, too few did for a page of prose, and the page was left whole: the list was lost.
    page = [
        "Nr Delområde               Poäng Maxpoäng",
        "8.1                                        Kommunkompassen som",
        "    Valfrihet                 15        20 utvärderingsinstrument sedan 2002.",
        ".",
        "8.2",
        "    Arbetsmiljö                14        20 Följande svenska kommuner och stadsdelar",
        ".",
        "                                            har utvärderats med Kommunkompassen",
        "8.3",
        "    Ledarutveckling            15        20 förutom Huddinge kommun:",
        ".",
        "8.4",
        "    Information                17        20 Kommun         År",
        ".                                           Tyresö               2010",
        "8.5                                         Kramfors       2020, 2021",
        "    Samverkan                  15        20",
        ".",
        "                                            Sigtuna        2011, 2020",
        "Kortfakta       2024",
        "                                            Gävle                2021",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert texts[:4] == [
        "Nr Delområde               Poäng Maxpoäng",
        "8.1",
        "Valfrihet                 15        20",
        ".",
    ]
    assert texts.index("Kortfakta       2024") < texts.index("förutom Huddinge kommun:")
    assert texts[-3:] == [
        "Kramfors       2020, 2021",
        "Sigtuna        2011, 2020",
        "Gävle                2021",
    ]


def test_a_left_rows_own_points_beside_the_right_columns_prose_where_values_stand_alone() -> None:
    # A LibreOffice layout export (tuning seed 310310, shortened): the left table's rows set their
    # values on lines of their own, between the lines of their wrapped questions, so the rows'
    # width in values was counted from the one such line alone beside a blank stretch of the right
    # column ("20   13", read as one value after a gap).
    # A left row's last value one space before the evaluated list's prose ("20   6,5
    # Örnsköldsvik (2004), …") then went to the right column: the row lost its own points and
    # the list its lead-in's entries.
    page = [
        "                                     Poäng                                      Poäng",
        "Delområde                           Max Egna   Delområde                       Max Egna",
        "7.1 Hur metodiskt sker utveckling              8.1 Vad gör kommunen för att",
        "                                     20    7                                     40 16,5",
        "av kvalitetssystem?                            stötta föreningslivet?",
        "7.2 Strategisk serviceutveckling.    20    4   8.2 Kommunens samverkan med",
        "7.3 Tillvaratas de anställdas                                                    20     7",
        "                                     20   13",
        "erfarenheter och kreativitet?                  8.3 Kommunen som partner för",
        "7.4 Användning av Internet och                                                   20   4,5",
        "                                     20    12  näringslivet.",
        "intranät i ärendehantering.                    8.4 Kommunens internationella",
        "7.5 Hur aktivt används                                                           20   8,5",
        "jämförelser i                        20   6,5 Örnsköldsvik (2004), Härnösand (2004),",
        "organisationsutvecklingen?                     Norrtälje (2002) och Borås (2002, 2003).",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1)))]
    assert "jämförelser i                        20   6,5" in texts
    assert "Örnsköldsvik (2004), Härnösand (2004)," in texts


def test_the_evaluated_list_beside_left_rows_left_of_the_right_tables_edge() -> None:
    # A LibreOffice layout export (tuning seed 310162, shortened): score tables in the right column
    # at one edge, then the evaluated list's lead-in and table beside the left table's rows seven
    # places further left, its first words one space after whole left rows. Cut near the tables'
    # edge, the list's entries lost their names ("Kiruna" left, "2009, 2021" right) and were lost.
    page = [
        "                                               8:1 Samverkan                        6  20",
        "1:1 Arbetsmiljö                17    20        8:2 Lönepolitik                     11  20",
        "1:2 Innovation                 10    20        8:3 Brukarundersökningar            17  20",
        "1:3 Målstyrning                 4    10        8:4 Innovation                   13,5   20",
        "1:4 Resultatredovisning      11,5    20        8:5 Förtroendevaldas roll          8,5  20",
        "     Summa                   63,5   100        Kortfakta       2023",
        "2 Samhällsutveckling                           Antal invånare 122 469",
        "2:1 Medborgardialog            15    20        Sveriges Kommuner och Landsting har använt",
        "2:2 Målstyrning                14    20        utvärderingsinstrument sedan 2002.",
        "3:1 Delegation                5,5    10 har utvärderats med Kommunkompassen",
        "3:2 Lönepolitik                 6    10 förutom Halmstad kommun:",
        "3:3 Hållbar utveckling       10,5    20",
        "                                        Kommun        År",
        "3:4 Medarbetarsamtal          8,5    20",
        "                                        Kiruna        2009, 2021",
        "3:5 Synpunktshantering         13    20",
        "                                        Örnsköldsvik 2004, 2007",
    ]
    texts = [text.strip() for _, text in in_text_columns(list(enumerate(page, start=1))) if text.strip()]
    assert texts[-3:] == ["Kommun        År", "Kiruna        2009, 2021", "Örnsköldsvik 2004, 2007"]
    assert "3:4 Medarbetarsamtal          8,5    20" in texts
