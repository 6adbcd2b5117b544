"""The list of evaluated municipalities: finding it, parsing its entries, resolving names."""

from __future__ import annotations

import pytest
from conftest import UMEA, doc_from

from extractors.evaluations import extract_evaluations, parse_entries, resolve_entry, tool_since
from extractors.flow import flow_of
from pipeline.model.document import Document, Line
from pipeline.model.municipalities import swedish_municipalities
from pipeline.model.place_names import swedish_districts
from pipeline.model.records import Extraction

UMEA_LIST = UMEA.read_text(encoding="utf-8").splitlines()[-1]


def _entries(text: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(e.name, e.years) for e in parse_entries(text, 0)]


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("Ale (2006), Bollebygd (2004).", [("Ale", (2006,)), ("Bollebygd", (2004,))]),
        # a speck that OCR read as a full stop between a name and its years
        ("Kalix. (2003), Karlskoga (2002)", [("Kalix", (2003,)), ("Karlskoga", (2002,))]),
        ("Botkyrka (2003, 2005), Falkenberg (2004)", [("Botkyrka", (2003, 2005)), ("Falkenberg", (2004,))]),
        ("Trollhättan (2000, 2002, 2003, 2004), Tyresö (2006)", [("Trollhättan", (2000, 2002, 2003, 2004)), ("Tyresö", (2006,))]),  # noqa: E501
        ("Hyllie, Järfälla (2006) Malmö Stad (2005), Härnösand (2005)", [("Hyllie", ()), ("Järfälla", (2006,)), ("Malmö Stad", (2005,)), ("Härnösand", (2005,))]),  # noqa: E501
        ("Bromma-Stockholms stad (2006), Falkenberg (2004)", [("Bromma-Stockholms stad", (2006,)), ("Falkenberg", (2004,))]),  # noqa: E501
        ("Lundby - Göteborgs Stad (2004), Mora (2004)", [("Lundby - Göteborgs Stad", (2004,)), ("Mora", (2004,))]),  # noqa: E501
        ("Åmål (2004), Åre (2005) och Öckerö (2004). Alla dessa utvärderingar finns", [("Åmål", (2004,)), ("Åre", (2005,)), ("Öckerö", (2004,))]),  # noqa: E501
        ("Västerås (2003), och Öckerö (2004).", [("Västerås", (2003,)), ("Öckerö", (2004,))]),
        ("Upplands Väsby (2008), Lilla Edet (2009)", [("Upplands Väsby", (2008,)), ("Lilla Edet", (2009,))]),
        ("Sunne (2005),\n12\nSvedala (2004)", [("Sunne", (2005,)), ("Svedala", (2004,))]),
        ("Skarpnäck - Stock-\nholms Stad (2004)", [("Skarpnäck - Stockholms Stad", (2004,))]),
    ],
)  # fmt: skip
def test_parse_entries(snippet: str, expected: list[tuple[str, tuple[int, ...]]]) -> None:
    assert _entries(snippet) == expected


@pytest.mark.parametrize(
    ("name", "municipality", "code", "district"),
    [
        ("Bromma-Stockholms stad", "Stockholm", "0180", "Bromma"),
        ("Lundby - Göteborgs Stad", "Göteborg", "1480", "Lundby"),
        ("Skarpnäck - Stockholms Stad", "Stockholm", "0180", "Skarpnäck"),
        ("Hyllie", "Malmö", "1280", "Hyllie"),
        ("Malmö Stad", "Malmö", "1280", None),
        ("Umeå", "Umeå", "2480", None),
        ("Upplands-Bro", "Upplands-Bro", "0139", None),
        ("Hässelby-Vällingby - Stockholms stad", "Stockholm", "0180", "Hässelby-Vällingby"),
        ("Hässelby-Vällingby", "Stockholm", "0180", "Hässelby-Vällingby"),
        ("Centrum - Malmö stad", "Malmö", "1280", "Centrum"),
        ("Centrum", None, None, None),
        ("Falu kommun", "Falun", "2080", None),
        ("Harstad", None, None, None),
        ("Vasa", None, None, None),
    ],
)  # fmt: skip
def test_resolve_entry(name: str, municipality: str | None, code: str | None, district: str | None) -> None:
    found, found_district = resolve_entry(name, swedish_municipalities(), swedish_districts())
    assert (found.name if found else None, found.code if found else None, found_district) == (
        municipality,
        code,
        district,
    )


def test_missing_comma_without_year_is_split() -> None:
    doc = doc_from("Följande kommuner har utvärderats: Ale (2006), Hyllie Järfälla (2006), Mora (2004).")
    rows = extract_evaluations(doc).evaluations
    assert [(e.entry, e.municipality_code, e.year) for e in rows] == [
        ("Ale", "1440", 2006),
        ("Hyllie", "1280", None),
        ("Järfälla", "0123", 2006),
        ("Mora", "2062", 2004),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kommunkompassen har hittills använts i följande kommuner: Ale (2006), Botkyrka (2003), Nacka (2003).",  # noqa: E501
        "Utvärderade kommuner och år: Ale (2006), Botkyrka (2003), Nacka (2003).",
        "Följande kommuner har utvärderats tidigare: Ale (2006), Botkyrka (2003) och Nacka.",
        "Följande svenska kommuner och stadsdelar har\nutvärderats: Ale (2006), Botkyrka\n(2003), Nacka (2003).",  # noqa: E501
    ],
)
def test_lead_in_wordings(text: str) -> None:
    rows = extract_evaluations(doc_from(text)).evaluations
    assert [e.municipality for e in rows] == ["Ale", "Botkyrka", "Nacka"]


@pytest.mark.parametrize(
    "text",
    [
        "Umeåregionen är ett kommunalt samarbete mellan de sex kommunerna: Umeå, Bjurholm, Lycksele, "
        "Nordmaling, Robertsfors, Storuman, Vindeln och Vännäs.",
        "Tidigare har Kalix (2001), Nacka (2003) och Malmö (2005) vunnit utmärkelsen.",
        "Priset har delats ut till följande kommuner: Kalix (2001), Nacka (2003) och Malmö (2005).",
        "Följande kommuner har utvärderats: Ale (2006) och Botkyrka.",
        "Utvärderingen visade följande för kommunerna: Styrkor (se nedan) och Förbättringsområden.",
    ],
)
def test_prose_is_not_a_list(text: str) -> None:
    assert extract_evaluations(doc_from(text)).evaluations == ()


def test_list_spread_over_pdf_lines_and_pages() -> None:
    lines = (
        Line("Sammanlagt har ett 100-tal kommuner utvärderats. Följande svenska kommuner och", 30, 11),
        Line("stadsdelar har utvärderats förutom Tyresö kommun: Ale (2006), Bollebygd", 31, 11),
        Line("(2004), Bromma-Stockholms stad (2006), Hyllie, Järfälla", 32, 11),
        Line("12", 33, 11),
        Line("(2006) Malmö Stad (2005) och Öckerö (2004). Alla dessa utvärderingar", 1, 12),
    )
    doc = Document(lines=lines, input_format="pdf", pages=12)
    result = extract_evaluations(doc)
    assert [(e.entry, e.year, e.page, e.line) for e in result.evaluations] == [
        ("Ale", 2006, 11, 31),
        ("Bollebygd", 2004, 11, 31),
        ("Bromma-Stockholms stad", 2006, 11, 32),
        ("Hyllie", None, 11, 32),
        ("Järfälla", 2006, 11, 32),
        ("Malmö Stad", 2005, 12, 1),
        ("Öckerö", 2004, 12, 1),
    ]
    assert result.listing is not None
    assert result.listing.lead_in.startswith("Följande svenska kommuner och stadsdelar")
    assert (result.listing.page, result.listing.line) == (11, 30)
    assert result.listing.named == (("Tyresö", "0138"),)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Sveriges Kommuner och Landsting har använt Kommunkompassen som utvärderingsinstrument sedan 2002.", 2002),  # noqa: E501
        ("Sedan 2003 har SKL använt Kommunkompassen i sitt arbete.", 2003),
        ("Umeå har använt Kommunkompassen sedan 2003.", None),
        ("Kommunen har sedan 2005 etablerat en lättillgänglig plattform på hemsidan.", None),
    ],
)  # fmt: skip
def test_tool_since(text: str, year: int | None) -> None:
    found = tool_since(flow_of(doc_from(text)))
    assert (found[0] if found else None) == year


def test_umea_acceptance(umea: Extraction) -> None:
    rows = umea.evaluations
    assert len(rows) == 49
    assert len({e.entry for e in rows}) == 41
    by_entry = {e.entry: e for e in rows}
    districts = {
        name: (by_entry[name].municipality, by_entry[name].municipality_code, by_entry[name].district)
        for name in (
            "Bromma-Stockholms stad",
            "Skarpnäck - Stockholms Stad",
            "Lundby - Göteborgs Stad",
            "Hyllie",
        )
    }
    assert districts == {
        "Bromma-Stockholms stad": ("Stockholm", "0180", "Bromma"),
        "Skarpnäck - Stockholms Stad": ("Stockholm", "0180", "Skarpnäck"),
        "Lundby - Göteborgs Stad": ("Göteborg", "1480", "Lundby"),
        "Hyllie": ("Malmö", "1280", "Hyllie"),
    }
    assert [e.year for e in rows if e.entry == "Hyllie"] == [None]
    assert [e.year for e in rows if e.entry == "Trollhättan"] == [2000, 2002, 2003, 2004]
    assert [e.year for e in rows if e.municipality_code == "2480"] == [2003, 2005]
    assert all(e.municipality_code for e in rows)
    assert len({e.municipality_code for e in rows}) == 39
    assert {e.line for e in rows} == {699}


def test_umea_listing(umea: Extraction) -> None:
    listing = umea.evaluation_list
    assert listing is not None
    assert listing.lead_in == "Följande svenska kommuner och stadsdelar har utvärderats förutom Tyresö kommun"
    assert listing.named == (("Tyresö", "0138"),)
    assert listing.tool_since == 2002


def test_umea_list_text_is_the_last_line() -> None:
    assert UMEA_LIST.startswith("Sveriges Kommuner och Landsting har använt Kommunkompassen")


LEAD_IN = "Följande svenska kommuner och stadsdelar har utvärderats:"
CLOSING = (
    "Alla dessa utvärderingar finns tillgängliga på Sveriges Kommuner och Landstings hemsida www.skl.se."
)
EXPECTED_SHAPE = [
    ("Ale", "1440", 2006),
    ("Botkyrka", "0127", 2003),
    ("Botkyrka", "0127", 2005),
    ("Hyllie", "1280", None),
    ("Lundby - Göteborgs Stad", "1480", 2004),
    ("Öckerö", "1407", 2004),
]


@pytest.mark.parametrize(
    "listing",
    [
        f"{LEAD_IN}\n\n- Ale (2006)\n- Botkyrka (2003, 2005)\n- Hyllie\n- Lundby - Göteborgs Stad (2004)\n"
        f"- Öckerö (2004)\n\n{CLOSING}",
        f"{LEAD_IN}\n• Ale (2006)\n• Botkyrka (2003, 2005)\n• Hyllie\n\n• Lundby - Göteborgs Stad (2004)\n"
        f"• Öckerö (2004)\n{CLOSING}",
        f"{LEAD_IN}\n\nKommun\tÅr\nAle\t2006\nBotkyrka\t2003, 2005\nHyllie\t\nLundby - Göteborgs Stad\t2004\n"
        f"Öckerö\t2004\n\n{CLOSING}",
        "Utvärderade kommuner\n\nKommun\tÅr\nAle\t2006\nBotkyrka\t2003, 2005\nHyllie\t\n"
        "Lundby - Göteborgs Stad\t2004\nÖckerö\t2004\n",
        f"{LEAD_IN}\nAle (2006)\nBotkyrka (2003, 2005)\nHyllie\nLundby - Göteborgs Stad (2004)\n"
        f"Öckerö (2004)\n{CLOSING}",
        f"{LEAD_IN}\nAle (2006),\nBotkyrka (2003, 2005),\nHyllie,\nLundby - Göteborgs Stad (2004) och\n"
        f"Öckerö (2004).\n\n{CLOSING}",
        f"{LEAD_IN}\nAle 2006\nBotkyrka 2003, 2005\nHyllie\nLundby - Göteborgs Stad 2004\nÖckerö 2004\n\n"
        "Kontaktuppgifter\n",
    ],
    ids=["dashes", "bullets-with-gap", "table", "table-without-lead-in", "one-a-line", "one-a-line-commas",
         "bare-years-then-heading"],
)  # fmt: skip
def test_list_shapes(listing: str) -> None:
    result = extract_evaluations(doc_from(f"Rapporten slutar här.\n\n{listing}\n"))
    assert [(e.entry, e.municipality_code, e.year) for e in result.evaluations] == EXPECTED_SHAPE
    first = next(e for e in result.evaluations if e.entry == "Ale")
    assert first.line == next(n for n, text in enumerate(listing.split("\n"), start=3) if "Ale" in text)


def test_a_table_header_printed_with_a_single_space_is_no_entry() -> None:
    # Fuzz seed 65 (pdftotext -raw): the table's "Kommun År" header comes out as one line of words.
    doc = doc_from(
        "Följande svenska kommuner och stadsdelar har utvärderats med Kommunkompassen\n"
        "förutom Nässjö kommun:\nKommun År\nSödertälje 2009, 2010\nHalmstad 2003, 2010\nKalix 2002\n"
    )
    rows = extract_evaluations(doc).evaluations
    assert [(row.entry, row.year) for row in rows] == [
        ("Södertälje", 2009),
        ("Södertälje", 2010),
        ("Halmstad", 2003),
        ("Halmstad", 2010),
        ("Kalix", 2002),
    ]


def test_a_running_line_after_the_list_is_no_entry() -> None:
    # A LibreOffice report's running footer printed once, as its last paragraph, right after the
    # evaluated list's table (fuzz seed 50014): it names the tool, not an evaluated municipality.
    doc = doc_from(
        "Följande svenska kommuner och stadsdelar har utvärderats med Kommunkompassen förutom\n"
        "Strängnäs kommun:\n\nKommun År\nLund       2006, 2019\nKiruna           2011\n"
        "Kommunkompassen Strängnäs 2023\n"
    )
    rows = extract_evaluations(doc).evaluations
    assert [(row.entry, row.year) for row in rows] == [("Lund", 2006), ("Lund", 2019), ("Kiruna", 2011)]


def test_a_table_header_repeated_on_the_next_page_is_no_entry() -> None:
    # pdftotext -raw of a Chromium report (fuzz seed 50233): the evaluated list's table goes on on
    # the next page under its header printed again.
    doc = doc_from(
        "Följande svenska kommuner och stadsdelar har utvärderats med Kommunkompassen förutom\n"
        "Karlskrona kommun:\nKommun År\nVästerås 2005, 2014\nLycksele 2013\nKommun År\nNacka 2003, 2010\n"
    )
    rows = extract_evaluations(doc).evaluations
    assert [(row.entry, row.year) for row in rows] == [
        ("Västerås", 2005), ("Västerås", 2014), ("Lycksele", 2013), ("Nacka", 2003), ("Nacka", 2010)
    ]  # fmt: skip


LEAD_IN = "Följande svenska kommuner och stadsdelar har utvärderats med Kommunkompassen förutom Lund kommun:"


def _pdf(*pages: list[str]) -> Document:
    return Document(
        tuple(
            Line(text, number, page)
            for page, texts in enumerate(pages, 1)
            for number, text in enumerate(texts, 1)
        ),
        input_format="pdf",
    )


def test_a_running_line_at_the_head_of_the_next_page_is_passed_over() -> None:
    # A PDF's running header kept between the table's rows on two pages (fuzz seed 81055: the
    # three entries before it were lost to the five after it).
    doc = _pdf(
        [LEAD_IN, "Kommun\tÅr", "Kalmar\t2005, 2008", "Kalix\t2012"],
        ["Sveriges Kommuner och Landsting 2017-02-26 9", "Kommun\tÅr", "Härnösand\t2005, 2013"],
    )
    found = extract_evaluations(doc)
    assert [(e.entry, e.year, e.page) for e in found.evaluations] == [
        ("Kalmar", 2005, 1), ("Kalmar", 2008, 1), ("Kalix", 2012, 1),
        ("Härnösand", 2005, 2), ("Härnösand", 2013, 2),
    ]  # fmt: skip
    assert found.unread == ()


def test_bulleted_entries_side_by_side_on_one_line() -> None:
    # A two-column page's items read as one line (fuzz seed 81004: two entries lost).
    doc = _pdf(
        [LEAD_IN, "• Västerås (2020)", "• Lidingö (2014)"], ["- Upplands Väsby (2014) • Halmstad (2014)"]
    )
    found = extract_evaluations(doc)
    assert [(e.entry, e.year, e.page) for e in found.evaluations][-2:] == [
        ("Upplands Väsby", 2014, 2), ("Halmstad", 2014, 2)
    ]  # fmt: skip


def test_a_lead_in_cut_apart_by_another_column_without_a_list_is_a_finding() -> None:
    # A layout export's two-column page: the lead-in's lines between a score table's, the list
    # elsewhere (fuzz seed 81020: all eleven entries lost without a word).
    text = (
        "                                  16       20Följande svenska kommuner och stadsdelar\n"
        "ledarutvecklingsprogram?\n"
        "                                            har utvärderats med Kommunkompassen\n"
        "6.6. Hur systematisk är\n"
        "                                            förutom Tomelilla kommun:\n"
        "budgetering och uppföljning     6         10\n"
    )
    found = extract_evaluations(doc_from(text))
    assert found.evaluations == ()
    assert [(u.printed, u.line) for u in found.unread] == [("förutom Tomelilla kommun:", 5)]


def test_a_bulleted_item_that_reads_as_no_entry_is_a_finding() -> None:
    found = extract_evaluations(
        doc_from(f"{LEAD_IN}\n• Ale (2006)\n• Bollebygd (2004)\n• Kalix 2003), Mora\n")
    )
    assert [e.entry for e in found.evaluations] == ["Ale", "Bollebygd"]
    assert [(u.printed, u.line) for u in found.unread] == [("• Kalix 2003), Mora", 4)]


def test_an_entry_after_the_bulleted_list_whose_bullet_was_misread_is_a_finding() -> None:
    """Fuzz seed 240054 (a bilevel scan): the square bullet before "Kramfors (2013, 2014)" read as
    "8"; the list stops there, and what follows it printing an entry shows that it goes on."""
    found = extract_evaluations(
        doc_from(
            f"{LEAD_IN}\n- Kungälv (2008, 2009)\n- Höganäs (2014)\n8 Kramfors (2013, 2014)\n- Gävle (2002)\n"
        )
    )
    assert [(e.entry, e.year) for e in found.evaluations] == [
        ("Kungälv", 2008),
        ("Kungälv", 2009),
        ("Höganäs", 2014),
    ]
    assert [(u.printed, u.line) for u in found.unread] == [("8 Kramfors (2013, 2014)", 4)]


def test_text_after_a_comma_that_reads_as_no_entry_is_a_finding() -> None:
    found = extract_evaluations(doc_from(f"{LEAD_IN} Ale (2006), Bollebygd (2004), 12 Kalix (2003)."))
    assert [e.entry for e in found.evaluations] == ["Ale", "Bollebygd"]
    assert [(u.printed, u.line) for u in found.unread] == [("12 Kalix (2003).", 1)]


def test_a_whole_list_read_leaves_no_finding(umea_doc) -> None:
    assert extract_evaluations(umea_doc).unread == ()


def test_undated_words_before_the_first_bullet_are_no_entry() -> None:
    # A two-column layout export: a score table header's words (" Egna Max") left between the
    # lead-in and the bullets (fuzz seed 80035: a spurious entry).
    found = extract_evaluations(
        doc_from(f"{LEAD_IN}\n Egna Max\n\n   •   Borås (2013, 2014)\n   •   Nässjö (2008)\n")
    )
    assert [(e.entry, e.year) for e in found.evaluations] == [
        ("Borås", 2013),
        ("Borås", 2014),
        ("Nässjö", 2008),
    ]


def test_two_tables_of_the_list_side_by_side() -> None:
    # A two-column PDF page: "Kommun | År | Kommun | År" (fuzz seed 82128: the table was not read);
    # the entries run into the other column's lines between lead-in and table are a finding.
    doc = _pdf(
        [LEAD_IN, "6.1. Hur stor vikt läggs vid? 20 Kommun År 16 Örnsköldsvik 2004"],
        ["Kommun\t\tÅr\tKommun\tÅr", "Linköping\t2005\t\tKarlstad\t2002, 2004", "Halmstad\t2005\t\t\t"],
    )
    found = extract_evaluations(doc)
    assert [(e.entry, e.year) for e in found.evaluations] == [
        ("Linköping", 2005), ("Karlstad", 2002), ("Karlstad", 2004), ("Halmstad", 2005)
    ]  # fmt: skip
    assert [(u.page, u.line) for u in found.unread] == [(1, 2)]


def test_two_scanned_tables_of_the_list_whose_header_cells_ocr_read_one_space_apart() -> None:
    # A scanned two-column page (tuning seed 300374): each of the two narrow tables' headers read
    # as one cell "Kommun År", its rows "Kungälv 2004"; the lead-in's sentence ran into a score
    # table's rows beside it. Not one of the 14 entries was read.
    doc = _pdf(
        ["3.3 Målstyrning\t20\t16,5\tförutom Enköping kommun:"],
        [
            "Kommun År\t\t\tKommun År",
            "Kungälv 2004\t\t\tLinköping 2004, 2015",
            "Solna 2008, 2010\t\t\tSigtuna 2003",
        ],
    )
    found = extract_evaluations(doc)
    assert [(e.entry, e.year, e.line) for e in found.evaluations] == [
        ("Kungälv", 2004, 2), ("Linköping", 2004, 2), ("Linköping", 2015, 2), ("Solna", 2008, 3),
        ("Solna", 2010, 3), ("Sigtuna", 2003, 3),
    ]  # fmt: skip


def test_another_columns_word_between_the_rows_is_no_entry() -> None:
    # A two-column layout export: "Poäng" of a score table's caption between the list's rows
    # (fuzz seed 83104: a spurious entry).
    text = (
        "                  förutom Östersund kommun:\n                  Kommun         År\n"
        "                  Strömstad 2006\nPoäng\n                  Luleå      2004\n"
    )
    found = extract_evaluations(doc_from(LEAD_IN[: LEAD_IN.index("förutom")] + "\n" + text))
    assert [(e.entry, e.year) for e in found.evaluations] == [("Strömstad", 2006), ("Luleå", 2004)]


def test_a_layout_export_two_column_page_inside_the_list() -> None:
    # Another column's numbers at a line's start or alone between the list's lines (fuzz seeds
    # 84029, 84083) and the running line between bulleted entries (84035) do not end the list.
    inline = doc_from(f"{LEAD_IN} Växjö (2003), Motala (2002),\n9    Karlskoga (2004) och Luleå (2004).")
    read = [e.entry for e in extract_evaluations(inline).evaluations]
    assert read == ["Växjö", "Motala", "Karlskoga", "Luleå"]
    rows = "          Kommun            År\n          Gävle     2003\n20 6\n          Höganäs 2004\n"
    table = doc_from(f"{LEAD_IN}\n{rows}")
    assert [e.entry for e in extract_evaluations(table).evaluations] == ["Gävle", "Höganäs"]
    items = "- Motala (2002, 2004)\nKommunkompassen Lund 2005\n- Lidingö (2002, 2003)\n"
    running = doc_from(f"{LEAD_IN}\n{items}")
    read = [e.entry for e in extract_evaluations(running).evaluations]
    assert read == ["Motala", "Motala", "Lidingö", "Lidingö"]


def test_a_list_cut_after_a_comma_at_a_line_end_is_a_finding() -> None:
    found = extract_evaluations(doc_from(f"{LEAD_IN} Växjö (2003), Motala (2002),\n9 Karlskoga (2004)."))
    assert [e.entry for e in found.evaluations] == ["Växjö", "Motala"]
    assert [(u.printed, u.line) for u in found.unread] == [("9 Karlskoga (2004).", 2)]


def test_a_lead_in_whose_colon_shares_a_line_with_another_column_is_a_finding() -> None:
    # A layout export's two-column page: the lead-in's first words six lines above its colon, the
    # colon beside a score table's row, the entries after it run into the other column (fuzz seed
    # 180277: all eight entries lost without a word).
    text = (
        "5.4                                          Följande svenska kommuner och stadsdelar\n"
        "    Internationellt arbete     20      15\n.\n\n"
        "                                             har utvärderats med Kommunkompassen\n"
        "5.5\n"
        "    Hållbar utveckling         20      10    förutom Ljungby stad: Växjö (2010), Karlskoga\n"
        ".\n                                             (2011, 2014), Gävle (2005), Vänersborg\n"
        "    Summa                     100     75,5\n"
    )
    found = extract_evaluations(doc_from(text))
    assert found.evaluations == ()
    assert [u.line for u in found.unread] == [7]
    # A heading with a colon under such words announces no list: nothing is dated after its colon.
    heading = "Följande svenska kommuner har utvärderats\n\n2 Lund och Kommunkompassen: En del\n"
    assert extract_evaluations(doc_from(heading)).unread == ()


def test_an_undated_last_word_no_separator_joins_is_a_finding() -> None:
    # Another column's "Följande" between the list's lines (fuzz seed 180063: the last entry lost).
    text = (
        f"{LEAD_IN} Uppsala (2004,\n2010), Luleå (2008, 2013), Karlstad (2011)\n"
        "Följande svenska kommuner och stadsdelar\n     och Norrköping (2003, 2008).\n"
    )
    found = extract_evaluations(doc_from(text))
    assert [(u.printed, u.line) for u in found.unread] == [("Följande svenska kommuner och stadsdelar", 3)]
    # An undated last entry the list joins with "och" and ends with a full stop is an entry.
    whole = extract_evaluations(doc_from(f"{LEAD_IN} Ale (2006), Bollebygd (2004) och Hyllie."))
    assert whole.unread == ()


def test_lines_with_dated_names_among_a_table_list_not_read_are_findings() -> None:
    # A two-column PDF page: the table's header repeated beside two entries, two entries on one
    # line (fuzz seed 180273: four entries lost without a word).
    doc = _pdf(
        [LEAD_IN, "Kommun År", "Enköping 2006"],
        ["Kommun År Kalmar 2015 Vårgårda 2008", "Luleå 2009, 2013 Strängnäs 2015", "Kungälv\t2012, 2013",
         "Kommunkompassen Lund 2016", "Umeå\t2014"],
    )  # fmt: skip
    found = extract_evaluations(doc)
    assert [e.entry for e in found.evaluations] == ["Enköping", "Kungälv", "Kungälv", "Umeå"]
    assert [(u.page, u.line) for u in found.unread] == [(2, 1), (2, 2)]


def test_a_second_table_beside_the_first_with_name_and_years_in_one_cell() -> None:
    # A two-column PDF page (fuzz seed 180703): the second table's name and years one space apart,
    # a running line beside the last row; Lidingö was given Eskilstuna's years, Lysekil Växjö's.
    doc = _pdf(
        [LEAD_IN, "Kommun År", "Lomma\t2011"],
        ["Kommun\tÅr\tKommun År", "Lidingö\t2005\tEskilstuna 2008, 2011",
         "Kiruna\t2011\tVänersborg 2002, 2005", "Lysekil\t2002\tKommunkompassen Växjö 2012"],
    )  # fmt: skip
    found = extract_evaluations(doc)
    assert [(e.entry, e.year) for e in found.evaluations] == [
        ("Lomma", 2011), ("Lidingö", 2005), ("Eskilstuna", 2008), ("Eskilstuna", 2011), ("Kiruna", 2011),
        ("Vänersborg", 2002), ("Vänersborg", 2005), ("Lysekil", 2002),
    ]  # fmt: skip


def test_a_lead_in_a_page_break_cut_apart_without_a_list_is_a_finding() -> None:
    # A LibreOffice PDF (fuzz seed 260050): the lead-in's first words end a page, the rest opens
    # the next, whose two short columns were read line across line ("Karlskrona<TAB>2012), ..."):
    # no entry read, and the lead-in's own sentence, "har utvärderats ... kommun:", names no
    # municipalities (all twelve entries lost without a word).
    text = (
        "Sveriges Kommuner och Landsting har använt Kommunkompassen som utvärderingsinstrument sedan 2002.\n"
        "\n"
        "Följande svenska kommuner och stadsdelar\n"
        "\n"
        "har utvärderats med Kommunkompassen förutom Strömstad kommun: Karlskrona\t2012), Lysekil\n"
        "(2007), Jönköping (2002), Vänersborg (2009,\t(2006) och Trollhättan (2003, 2010).\n"
    )
    found = extract_evaluations(doc_from(text))
    assert found.evaluations == ()
    assert [u.line for u in found.unread] == [5]
    assert found.unread[0].printed.startswith("har utvärderats med Kommunkompassen")


def test_an_entry_whose_years_its_line_shows_were_printed_is_told_from_one_without_a_year() -> None:
    # A LibreOffice layout export (fuzz seed 260708): the list goes on at the top of the next page in
    # two columns of two lines each, which the export runs together on one line. "Umeå" is followed
    # by the other column's words, Kiruna's parenthesis is cut off at the line's end, and what
    # follows on the next line is not read.
    found = extract_evaluations(
        doc_from(
            "har utvärderats med Kommunkompassen\nförutom Kalix kommun: Nässjö (2002, 2010),\n"
            "Kungälv (2009), Grästorp (2006), Umeå     Härnösand (2005, 2007) och Kiruna (2005,\n"
            "(2004), Uddevalla (2010), Gävle (2008),   2007).\n"
        )
    )
    undated = [(e.entry, e.line) for e in found.evaluations if e.year is None]
    assert undated == [("Umeå", 3), ("Kiruna", 3)]
    assert [(u.entry, u.how.split()[0], u.printed, u.line) for u in found.unread_years] == [
        ("Umeå", "a", "Umeå Härnösand (2005, 2007) och Kiruna (2005,", 3),
        ("Kiruna", "its", "Kiruna (2005,", 3),
    ]
    assert [(u.printed, u.line) for u in found.unread] == [
        ("(2004), Uddevalla (2010), Gävle (2008), 2007).", 4)
    ]


def test_an_entry_printed_without_a_year_has_no_year_unread(umea_doc) -> None:
    # Hyllie, printed without a year in the Umeå report.
    found = extract_evaluations(umea_doc)
    assert any(e.entry == "Hyllie" and e.year is None for e in found.evaluations)
    assert found.unread_years == ()


def test_a_tables_year_header_alone_on_its_line_is_no_entry() -> None:
    # A LibreOffice layout export (fuzz seed 260815): the list's table header "Kommun År" parted,
    # "Kommun" set into the other column's line beside it, "År" alone above the entries.
    found = extract_evaluations(
        doc_from(f"{LEAD_IN}\n                  År\nKiruna               2002\nLjungby        2004, 2007\n")
    )
    assert [(e.entry, e.year) for e in found.evaluations] == [
        ("Kiruna", 2002),
        ("Ljungby", 2004),
        ("Ljungby", 2007),
    ]


def test_a_list_table_in_a_column_beside_its_lead_in_is_read_from_its_header_down() -> None:
    # A LibreOffice layout export (fuzz seed 270380): the list's table stands in the page's right
    # column, "Kommun   År" at its top, its first rows beside the prose and the lead-in on the left;
    # only the rows below the lead-in's colon were read, the others lost without a finding.
    gap = " " * 45
    found = extract_evaluations(
        doc_from(
            "\n".join(
                [
                    "Mandatfördelning i kommunfullmäktige         Kommun               År",
                    "Sveriges Kommuner och Landsting har använt   Karlskrona   2005, 2007",
                    "utvärderingsinstrument sedan 2002.           Örnsköldsvik 2003, 2005",
                    f"{gap}Enköping     2010",
                    "Följande svenska kommuner och stadsdelar",
                    "har utvärderats med Kommunkompassen",
                    f"{gap}Kiruna       2006, 2012",
                    "förutom Norrtälje kommun:",
                    f"{gap}Uppsala      2005, 2011",
                    f"{gap}Kommunkompassen Norrtälje 2014",
                ]
            )
        )
    )
    assert [(e.entry, e.year, e.line) for e in found.evaluations] == [
        ("Karlskrona", 2005, 2),
        ("Karlskrona", 2007, 2),
        ("Örnsköldsvik", 2003, 3),
        ("Örnsköldsvik", 2005, 3),
        ("Enköping", 2010, 4),
        ("Kiruna", 2006, 7),
        ("Kiruna", 2012, 7),
        ("Uppsala", 2005, 9),
        ("Uppsala", 2011, 9),
    ]
    assert found.unread == ()
