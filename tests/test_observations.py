"""Strengths and improvement areas: the bullets under Styrkor and Förbättringsområden."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from extractors.bullets import read_bullet_list
from extractors.observations import extract_observations, list_label
from pipeline.model.document import Document, Line
from pipeline.model.records import Extraction, Observation
from pipeline.validation.observation_items import observation_doubtful, observation_misread
from tests.conftest import doc_from

HEADING = "Område 3 Tydlighet i samspelet politiker – tjänstemän"

# Per area (strengths, improvement areas), as the corpus report prints them.
UMEA_COUNTS = {1: (9, 6), 2: (9, 7), 3: (5, 2), 4: (5, 2), 5: (3, 1), 6: (6, 3), 7: (5, 2), 8: (4, 2)}


def pdf_doc(rows: list[tuple[str, float]], page: int = 7) -> Document:
    """A document as the PDF ingest gives it: one line per printed line, with its left edge."""
    return Document(
        lines=tuple(
            Line(text, number, page=page, bbox=(x0, 100.0 + 12 * number, 500.0, 110.0 + 12 * number))
            for number, (text, x0) in enumerate(rows, start=1)
        ),
        input_format="pdf",
    )


def texts(extraction_or_doc: Document) -> list[tuple[str, int, str]]:
    return [(o.kind, o.position, o.text) for o in extract_observations(extraction_or_doc)]


def test_umea_totals(umea: Extraction) -> None:
    kinds = Counter(o.kind for o in umea.observations)
    assert kinds == {"strength": 46, "improvement": 25}


def test_umea_counts_per_area(umea: Extraction) -> None:
    counts = Counter((o.area, o.kind) for o in umea.observations)
    assert {
        area: (counts[area, "strength"], counts[area, "improvement"]) for area in range(1, 9)
    } == UMEA_COUNTS


def test_umea_positions_count_within_area_and_kind(umea: Extraction) -> None:
    for (area, kind), total in Counter((o.area, o.kind) for o in umea.observations).items():
        positions = [o.position for o in umea.observations if (o.area, o.kind) == (area, kind)]
        assert positions == list(range(1, total + 1))


@pytest.mark.parametrize(
    ("area", "kind", "position", "line", "text"),
    [
        (1, "strength", 1, 191, "Framgångsrik presstrategi och bra informationsflöde genom befintliga "
         "kanaler."),
        (1, "strength", 6, 196, "”Tro-int”"),
        (1, "strength", 9, 199, "”Ekonomi och kvalitet” på hemsidan. Gott exempel."),
        (2, "strength", 4, 274, '"Virtuellt medborgarkontoret"'),
        (2, "strength", 7, 277, "Medborgarslussen"),
        (
            2, "improvement", 6, 288,
            "Vad vinner kommunen på att ha så många olika system på förvaltningsnivå? Synkronisera dessa med "
            "medborgarslussen för att skapa ett kraftfullt resultatverktyg.",
        ),
        (3, "strength", 4, 361, "Åtterrapporering vid avvikelse under löpande år."),
        (5, "improvement", 1, 463,
         "Bra plattform för beskrivning och rapportering av projekt. Nu återstår konsekvent och enhetlig "
         "tillämpning av plattformen."),
        (6, "strength", 1, 514, "Rekryteringsprognos 2005 – 2015"),
        (
            6, "improvement", 1, 523,
            "Vid sidan av medarbetarsamtalet ska även varje medarbetare få ett individuellt lönesamtal. "
            "Täckningen är dock inte 100 % liksom vid förra utvärderingen. Intervjuerna pekar på att det "
            "behövs utbildning/stöd kring lönesamtal och lönebildning och att man arbetar på olika sätt "
            "ute i verksamheten.",
        ),
        (8, "improvement", 2, 663, "Sammanställ kommunens arbete på den internationella arenan."),
    ],
)  # fmt: skip
def test_umea_items_whole_and_without_markup(
    umea: Extraction, area: int, kind: str, position: int, line: int, text: str
) -> None:
    [found] = [o for o in umea.observations if (o.area, o.kind, o.position) == (area, kind, position)]
    assert (found.text, found.line, found.page) == (text, line, None)


def test_umea_other_bullet_lists_are_not_observations(umea: Extraction) -> None:
    texts_found = {o.text for o in umea.observations}
    assert not any(t.startswith(("Steg", "1.", "Akademiker", "Umeåregionen")) for t in texts_found)
    assert all(o.text and "*" not in o.text for o in umea.observations)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Styrkor", "strength"),
        ("Förbättringsområden", "improvement"),
        ("**Styrkor**", "strength"),
        ("Styrkor:", "strength"),
        ("FÖRBÄTTRINGSOMRÅDEN", "improvement"),
        ("Starka sidor", "strength"),
        ("Utvecklingsområden", "improvement"),
        ("Styrkor och svagheter i styrningen är många.", None),
        ("Ett förbättringsområde skulle kunna vara att genomföra detta.", None),
    ],
)
def test_list_labels(line: str, kind: str | None) -> None:
    assert list_label(Line(line, 1)) == kind


@pytest.mark.parametrize(
    ("bullet", "text"),
    [
        ("- **Kommunens etablerade styrmodell.**", "Kommunens etablerade styrmodell."),
        ("- **Medborgarslussen**", "Medborgarslussen"),
        ("• Kommunens etablerade styrmodell.", "Kommunens etablerade styrmodell."),
        ("● Medborgarslussen", "Medborgarslussen"),
        ("▪ Medborgarslussen", "Medborgarslussen"),
        ("– Medborgarslussen", "Medborgarslussen"),
        ("- Medborgarslussen", "Medborgarslussen"),
        ("\uf0b7 Medborgarslussen", "Medborgarslussen"),
        ("\uf0b7\tMedborgarslussen", "Medborgarslussen"),
        ("•Medborgarslussen", "Medborgarslussen"),
        ("* Medborgarslussen", "Medborgarslussen"),
        ("- **”Tro-int”**", "”Tro-int”"),
        ("- *Årshjulet* som styrmodell", "Årshjulet som styrmodell"),
    ],
)
def test_bullet_forms(bullet: str, text: str) -> None:
    doc = doc_from(f"{HEADING}\n\nStyrkor\n\n{bullet}\n")
    assert texts(doc) == [("strength", 1, text)]


def test_both_lists_in_a_section() -> None:
    doc = doc_from(
        f"{HEADING}\n\nText.\n\nStyrkor\n\n- **Kommunens etablerade styrmodell.**\n"
        "- **Rollfördelningen mellan politiker och tjänstemän.**\n\nFörbättringsområden\n\n"
        "- **I tertialrapporteringen fortsätta utveckla avvikelser av verksamhet.**\n"
    )
    assert texts(doc) == [
        ("strength", 1, "Kommunens etablerade styrmodell."),
        ("strength", 2, "Rollfördelningen mellan politiker och tjänstemän."),
        ("improvement", 1, "I tertialrapporteringen fortsätta utveckla avvikelser av verksamhet."),
    ]


def test_label_right_after_the_last_bullet_ends_the_list() -> None:
    doc = doc_from(f"{HEADING}\nStyrkor\n• Styrmodellen.\nFörbättringsområden\n• Mått och indikatorer.\n")
    assert texts(doc) == [("strength", 1, "Styrmodellen."), ("improvement", 1, "Mått och indikatorer.")]


def test_bullets_before_the_labels_are_not_observations() -> None:
    doc = doc_from(
        f"{HEADING}\n\n- 3.1 Hur är kvaliteten på målformuleringsarbetet?\n\n"
        "- Steg 1: Kommunen kartlägger vilka brukarundersökningar och resultat som finns.\n"
        "- Steg 2. När nya undersökningar och resultat tillkommit ser kommunen till att dessa "
        "publiceras.\n-\n\n"
        "Årsredovisningen går för övrigt att utveckla.\n\nStyrkor\n\n- **Styrmodellen.**\n"
    )
    assert texts(doc) == [("strength", 1, "Styrmodellen.")]


def test_empty_bullet_is_no_item() -> None:
    doc = doc_from(f"{HEADING}\n\nStyrkor\n\n- **Styrmodellen.**\n-\n- **Rollfördelningen.**\n")
    assert texts(doc) == [("strength", 1, "Styrmodellen."), ("strength", 2, "Rollfördelningen.")]


def test_list_ends_where_the_bullets_end() -> None:
    doc = doc_from(
        f"{HEADING}\n\nFörbättringsområden\n\n- **Mått och indikatorer.**\n\n"
        "Kommunen har också ett ledningsinformationssystem.\n\n- Något annat som inte är ett "
        "förbättringsområde.\n"
    )
    assert texts(doc) == [("improvement", 1, "Mått och indikatorer.")]


def test_after_a_blank_line_only_a_bullet_of_the_same_style_goes_on() -> None:
    doc = doc_from(
        f"{HEADING}\n\nStyrkor\n\n- **Styrmodellen.**\n\n- **Rollfördelningen.**\n\n"
        "- En annan lista utan fetstil\n"
    )
    assert texts(doc) == [("strength", 1, "Styrmodellen."), ("strength", 2, "Rollfördelningen.")]


def test_item_wrapped_in_a_text_export_with_open_markup() -> None:
    doc = doc_from(
        f"{HEADING}\n\nFörbättringsområden\n\n- **Vid sidan av medarbetarsamtalet ska även varje "
        f"medarbetare få\n"
        "Ett individuellt lönesamtal.**\n- **Översikt av åtgärdsplaner.**\n"
    )
    assert texts(doc) == [
        (
            "improvement",
            1,
            "Vid sidan av medarbetarsamtalet ska även varje medarbetare få Ett individuellt lönesamtal.",
        ),
        ("improvement", 2, "Översikt av åtgärdsplaner."),
    ]


def test_pdf_items_wrapped_over_indented_lines() -> None:
    doc = pdf_doc(
        [
            (HEADING, 56.0),
            ("Styrkor", 56.0),
            ("• Kvalitetssystemet som utgör en tydlig del i kommunens styrmodell och som med", 70.0),
            ("framgång förankrats i kommunorganisationen.", 84.0),
            ("• IP telefoni har införts i samverkan med regionens kommuner och effektiviserat", 70.0),
            ("Verksamheten i Umeå.", 84.0),
            ("• Kommunens arbete med ledarutveckling.", 70.0),
            ("Förbättringsområden", 56.0),
            ("• Utveckla informationsspridning inom och mellan förvaltningar.", 70.0),
            ("Umeå har ett brett register när det gäller internationella kontakter.", 56.0),
        ]
    )
    found = extract_observations(doc)
    assert [(o.kind, o.position, o.text, o.page, o.line) for o in found] == [
        (
            "strength", 1,
            "Kvalitetssystemet som utgör en tydlig del i kommunens styrmodell och som med framgång "
            "förankrats i "
            "kommunorganisationen.",
            7, 3,
        ),
        (
            "strength", 2,
            "IP telefoni har införts i samverkan med regionens kommuner och effektiviserat Verksamheten i "
            "Umeå.",
            7, 5,
        ),
        ("strength", 3, "Kommunens arbete med ledarutveckling.", 7, 7),
        ("improvement", 1, "Utveckla informationsspridning inom och mellan förvaltningar.", 7, 9),
    ]  # fmt: skip


def test_pdf_item_with_a_word_broken_at_the_line_end() -> None:
    doc = pdf_doc(
        [(HEADING, 56.0), ("Styrkor", 56.0), ("• Kommunens arbete med ledarut-", 70.0), ("veckling.", 84.0)]
    )
    assert texts(doc) == [("strength", 1, "Kommunens arbete med ledarutveckling.")]


def test_pdf_page_break_inside_a_list() -> None:
    doc = pdf_doc(
        [
            (HEADING, 56.0),
            ("Styrkor", 56.0),
            ("• Kvalitetssystemet som utgör en tydlig del i kommunens styrmodell och som", 70.0),
            ("", 0.0),
            ("med framgång förankrats i kommunorganisationen.", 84.0),
            ("• Kommunens arbete med ledarutveckling.", 70.0),
            ("", 0.0),
            ("• Kommunens arbetsmiljöarbete.", 70.0),
            ("", 0.0),
            ("Kompetensutveckling", 56.0),
        ]
    )
    assert texts(doc) == [
        (
            "strength", 1,
            "Kvalitetssystemet som utgör en tydlig del i kommunens styrmodell och som med framgång "
            "förankrats i "
            "kommunorganisationen.",
        ),
        ("strength", 2, "Kommunens arbete med ledarutveckling."),
        ("strength", 3, "Kommunens arbetsmiljöarbete."),
    ]  # fmt: skip


def test_pdf_glyph_on_a_line_of_its_own() -> None:
    doc = pdf_doc([(HEADING, 56.0), ("Styrkor", 56.0), ("•", 70.0), ("Medborgarslussen", 84.0)])
    assert texts(doc) == [("strength", 1, "Medborgarslussen")]


def test_pdf_prose_flush_with_the_glyph_is_not_a_continuation() -> None:
    doc = pdf_doc(
        [
            (HEADING, 56.0),
            ("Styrkor", 56.0),
            ("• Medborgarslussen", 56.0),
            ("Kommunen har också ett ledningsinformationssystem.", 56.0),
        ]
    )
    assert texts(doc) == [("strength", 1, "Medborgarslussen")]


def test_read_bullet_list_from_a_non_bullet_is_empty() -> None:
    lines = doc_from("Text.\n- En punkt\n").lines
    assert read_bullet_list(lines, 0) == []


def test_no_sections_no_observations() -> None:
    assert texts(doc_from("Styrkor\n\n- **Styrmodellen.**\n")) == []


def test_pdf_continuation_flush_with_the_glyph_between_two_bullets() -> None:
    doc = pdf_doc(
        [
            (HEADING, 56.0),
            ("Styrkor", 56.0),
            ("• IP telefoni har införts i samverkan med regionens kommuner och effektiviserat", 56.0),
            ("Verksamheten i Umeå.", 56.0),
            ("• Kommunens arbete med ledarutveckling.", 56.0),
        ]
    )
    assert texts(doc) == [
        (
            "strength",
            1,
            "IP telefoni har införts i samverkan med regionens kommuner och effektiviserat Verksamheten i "
            "Umeå.",
        ),
        ("strength", 2, "Kommunens arbete med ledarutveckling."),
    ]


def test_prose_at_the_top_of_the_next_column_does_not_continue_the_last_bullet() -> None:
    # Fuzz seed 4 (Chromium, two columns): the left column ends with a sub-question bullet and the
    # right column starts with the claim's paragraph, further right than the glyph but higher up.
    lines = [
        Line("- 8.4. Kommunens internationella kontakter.", 15, 5, (86.2, 271.4, 253.0, 292.6)),
        Line("Området beskriver hur kommunen arbetar. Inom området uppnår kommunen 63 poäng.", 17, 5,
             (312.3, 58.4, 529.2, 158.4)),
    ]  # fmt: skip
    [item] = read_bullet_list(lines, 0)
    assert item.text == "8.4. Kommunens internationella kontakter."
    continued = Line("kontakter med andra länder", 17, 5, (312.3, 58.4, 529.2, 68.4))
    [item] = read_bullet_list([lines[0], continued], 0)
    assert item.text.endswith("kontakter. kontakter med andra länder")


def test_a_list_under_a_label_at_a_pages_foot_starts_on_the_next_page_past_a_footer_kept() -> None:
    # A scanned two-column report (tuning seed 300326): "Förbättringsförslag" ends page 2's right
    # column, the running footer OCR misread on another page was not dropped, and the list on page
    # 3 was lost; the footer below page 3's last item went on with it.
    lines = (
        Line(HEADING, 1, 2, (313.0, 500.0, 470.0, 512.0)),
        Line("Förbättringsförslag", 2, 2, (314.0, 764.0, 422.0, 775.0)),
        Line("", 3, 2),
        Line("Kommunkompassen Landskrona 2022 sid 2", 3, 2, (229.0, 811.0, 369.0, 818.0)),
        Line("1. Utveckla den interna kontrollen", 1, 3, (81.0, 58.0, 249.0, 68.0)),
        Line("2. Handlingar tillgängliga på hemsidan", 2, 3, (81.0, 69.0, 273.0, 79.0)),
        Line("", 3, 3),
        Line("fruns Landskrona 2022 sid 3", 3, 3, (228.0, 811.0, 368.0, 818.0)),
    )
    doc = Document(lines=lines, input_format="pdf")
    assert texts(doc) == [
        ("improvement", 1, "Utveckla den interna kontrollen"),
        ("improvement", 2, "Handlingar tillgängliga på hemsidan"),
    ]
    # The next label or a bullet on the label's page is no footer: the list starts there.
    beside = (*lines[:2], Line("Styrkor", 3, 2, (57.0, 780.0, 100.0, 790.0)), *lines[3:])
    assert texts(Document(lines=beside, input_format="pdf"))[0][0] == "strength"


def test_a_wrapped_item_flush_with_its_glyph_is_still_joined_before_the_next_item() -> None:
    doc = doc_from(
        "Område 4 Ledning, decentralisering och delegering\n"
        "Inom området uppnår kommunen 61 poäng.\n\n"
        "Styrkor\n"
        "- Kommunen har under flera år effektiviserat\n"
        "Verksamheten i Umeå.\n"
        "- Systematiska brukarundersökningar\n"
    )
    assert [o.text for o in extract_observations(doc)] == [
        "Kommunen har under flera år effektiviserat Verksamheten i Umeå.",
        "Systematiska brukarundersökningar",
    ]


@pytest.mark.parametrize(("after", "read"), [("- Starkt och levande föreningsliv", 1), ("Mer text.", 0)])
def test_a_label_with_a_full_stop_over_its_list(after: str, read: int) -> None:
    """A scan's speck beside "Styrkor inom området" read as a full stop (fuzz seed 240089): the label
    over a bulleted list still heads it; followed by prose, the line is a sentence."""
    text = f"Område 4 Ledarskap, ansvar och delegation\n\nStyrkor inom området.\n\n{after}\n"
    assert [o.text for o in extract_observations(doc_from(text))] == ["Starkt och levande föreningsliv"][
        :read
    ]


def test_label_run_into_its_first_item_on_one_line() -> None:
    # pdftotext -raw of a Chromium page in two columns (fuzz seed 130127): the improvement list's
    # label and its first item stand on one line after the last strength; the item is no part of
    # the strength above it.
    text = "\n".join(
        [
            "3 Detaljerad genomgång",
            "Område 8 Chefs- och ledarskap samt medarbetarskap",
            "Starka sidor",
            "1. Tydlig och innehållsrik hemsida",
            "2. Medarbetarsamtal med tydlig",
            "koppling till mål",
            "Förbättringsområden 1. Inför medborgarförslag",
            "2. Utveckla den interna kontrollen",
            "4 Översikt av poängfördelning",
        ]
    )
    read = [(o.kind, o.position, o.text) for o in extract_observations(doc_from(text))]
    assert read == [
        ("strength", 1, "Tydlig och innehållsrik hemsida"),
        ("strength", 2, "Medarbetarsamtal med tydlig koppling till mål"),
        ("improvement", 1, "Inför medborgarförslag"),
        ("improvement", 2, "Utveckla den interna kontrollen"),
    ]


def test_label_beside_another_columns_item_in_a_table_cell_is_not_split() -> None:
    # A Chromium PDF in two columns (fuzz seed 130158): the reader took a list for a table, the
    # label's cell beside the right column's item 2; that item is not the list's first.
    lines = [
        "3 Detaljerad genomgång",
        "Område 8 Kommunen som samhällsbyggare",
        "Förbättringsområden\t2. Tydligare koppling mellan budget och mål",
        "1. Följa upp kompetensutvecklingen systematiskt\t3. Inför medborgarförslag",
    ]
    read = [(o.kind, o.position, o.text) for o in extract_observations(doc_from("\n".join(lines)))]
    assert ("improvement", 1, "Tydligare koppling mellan budget och mål") not in read


def test_glyphs_a_line_below_their_text_in_a_layout_export() -> None:
    # pdftotext -layout of a ReportLab page in two columns (fuzz seed 130273): each glyph is set a
    # little below its text's baseline, so it stands alone on the line under the text's first line
    # ("-" after "Starkt och …", "-" between "Regional samverkan kring" and its wrapped rest).
    lines = [
        "Styrkor",
        "-   Framgångsrik presstrategi",
        "    Starkt och levande föreningsliv",
        "-",
        "    Regional samverkan kring",
        "-",
        "    näringslivsfrågor",
        "Förbättringsområden",
        "-   Utveckla den interna kontrollen",
        "    Inför medborgarförslag",
        "-",
    ]
    items = read_bullet_list(
        [Line(text, n) for n, text in enumerate(lines, 1)],
        1,
        ends_list=lambda line: list_label(line) is not None,
    )
    assert [item.text for item in items] == [
        "Framgångsrik presstrategi",
        "Starkt och levande föreningsliv",
        "Regional samverkan kring näringslivsfrågor",
    ]
    rest = read_bullet_list([Line(text, n) for n, text in enumerate(lines, 1)], 8)
    assert [item.text for item in rest] == ["Utveckla den interna kontrollen", "Inför medborgarförslag"]


def test_an_upper_case_wrapped_line_before_a_glyph_over_its_text_stays_with_its_item() -> None:
    # Where no glyph of the list stands below its text, a lone glyph heads the line after it.
    lines = ["-   Kommunens arbete med", "    Agenda 2030", "-", "    Synpunktshantering via webben"]
    items = read_bullet_list([Line(text, n) for n, text in enumerate(lines, 1)], 0)
    assert [item.text for item in items] == [
        "Kommunens arbete med Agenda 2030",
        "Synpunktshantering via webben",
    ]


def test_items_cut_short_or_run_into_other_text_are_findings_at_the_item() -> None:
    # Fuzz seeds 180017, 180111, 180146, 180341, 180401, 180505 (LibreOffice layout exports of
    # two-column pages): an item run into the next list's label or a table's cell, a sub-question's
    # text taken for an item, items cut at a line's end; a whole item is none (a year ends one).
    items = (
        "Medarbetarsamtal med tydlig koppling till mål Förbättringsområden 4 Ledarskap, ansvar",
        "2:2 Vilka åtgärder har satts i verket för att förbättra överskådligheten för medborgarna?",
        "Tydligare koppling mellan budget och",
        "Samla resultatredovisningen på ett",
        "Tydliga förbättringsområden i budgetarbetet",
        "Handlingar tillgängliga på hemsidan.",
        "Genomarbetat ledarutvecklingsprogram 5.4",
        "Jämförelser med andra kommuner i nätverk Egna",
        "Budget i balans 2015",
    )
    extraction = Extraction(
        observations=tuple(Observation(2, "strength", i, text, 3, 10 + i) for i, text in enumerate(items, 1))
    )
    findings = observation_doubtful(extraction, None)
    found = [(f.line, f.message.split('" ', 1)[1].split(":")[0]) for f in findings]
    assert found == [
        (11, 'holds the heading "Förbättringsområden"'),
        (12, "reads as a sub-question's text"),
        (13, 'ends with "och"'),
        (14, 'ends with "ett"'),
        (17, 'ends with "5.4"'),
        (18, 'ends with "Egna"'),
    ]


def test_marks_ocr_read_from_specks_inside_an_item_are_read_out_with_a_finding_at_the_item() -> None:
    # Scans of tuning seeds 300061, 300069, 300133, 300196 and 300374: a speck between two words
    # read as a full stop, a colon or a hyphen, a dash glued to the first word. Abbreviations,
    # compounds and a colon before a list are items' own marks.
    items = (
        "Utveckla avvikelserapporteringen av. verksamhet",
        "Aktivt arbete: med medborgardialog",
        "Etablerad styrmodell-med tydliga mål",
        "Jämföra resultat från brukarundersökningar med-andra kommuner",
        "-Synpunktshantering via webben",
        "Jämförelser med andra kommuner i: nätverk",
        "Jämföra -resultat från brukarundersökningar",
        "Regional samverkan' kring näringslivsfrågor",
        "Väl utvecklade e-tjänster, t.ex. synpunktshantering",
        "Satsa på 'medborgarlöfte' och medborgar- och brukardialog",
        "Samverkan i FoU-frågor, dvs. kring IT-stöd och e-förvaltning",
        "Tre områden: skola, vård och omsorg",
        "Budget i balans. Kommunen har överskott",
    )
    printed = doc_from("\n".join([HEADING, "", "Styrkor", *(f"- {item}" for item in items)]))
    # The same lines read by OCR from page 1 of a scan.
    doc = replace(
        printed, lines=tuple(replace(line, page=1) for line in printed.lines), scanned_pages=frozenset({1})
    )
    extraction = Extraction(observations=extract_observations(doc))
    assert [o.text for o in extraction.observations] == [
        "Utveckla avvikelserapporteringen av verksamhet",
        "Aktivt arbete med medborgardialog",
        "Etablerad styrmodell med tydliga mål",
        "Jämföra resultat från brukarundersökningar med andra kommuner",
        "Synpunktshantering via webben",
        "Jämförelser med andra kommuner i nätverk",
        "Jämföra resultat från brukarundersökningar",
        "Regional samverkan kring näringslivsfrågor",
        *items[8:],
    ]
    misread = [(f.line, f.message.split(" OCR read in ", 1)[1].split(", which")[0]) for f in
               observation_misread(extraction, None)]  # fmt: skip
    assert misread == [
        (4, '"Utveckla avvikelserapporteringen av. verksamhet" ("." after "av")'),
        (5, '"Aktivt arbete: med medborgardialog" (":" after "arbete")'),
        (6, '"Etablerad styrmodell-med tydliga mål" (a hyphen in "styrmodell-med")'),
        (7, '"Jämföra resultat från brukarundersökningar med-andra kommuner" (a hyphen in "med-andra")'),
        (8, '"-Synpunktshantering via webben" ("-" before its first word)'),
        (9, '"Jämförelser med andra kommuner i: nätverk" (":" after "i")'),
        (10, '"Jämföra -resultat från brukarundersökningar" ("-" in "-resultat")'),
        (11, '"Regional samverkan\' kring näringslivsfrågor" ("\'" in "samverkan\'")'),
    ]
    # Printed text is read as printed: no speck made those marks.
    as_printed = Extraction(observations=extract_observations(printed))
    assert [o.text for o in as_printed.observations] == list(items)
    assert list(observation_misread(as_printed, None)) == []


def test_marks_ocr_reads_for_a_bullet_inside_an_item_are_findings_at_the_item() -> None:
    # Scans of tuning seeds 300133 and 300196: the next item's bullet read as "s-" or "«<", two
    # items run into one.
    items = (
        "Synpunktshantering via webben s-Regional samverkan kring näringslivsfrågor",
        "Kvalitetsdeklarationer inom flera verksamheter «<Tydlig rollfördelning",
    )
    extraction = Extraction(
        observations=tuple(Observation(2, k, 1, text, 3, 10 + i) for i, (k, text) in
                           enumerate(zip(("strength", "improvement"), items, strict=True), 1))
    )  # fmt: skip
    doubtful = [(f.line, f.message.split('" ', 1)[1].split(",")[0]) for f in
                observation_doubtful(extraction, None)]  # fmt: skip
    assert doubtful == [(11, 'holds "s-Regional"'), (12, 'holds "«<Tydlig"')]


def test_the_items_of_a_second_list_of_one_kind_in_a_section_are_in_doubt() -> None:
    # A scan's two columns ran area 6's heading into another line (tuning seed 300175): its lists
    # were read as a second "Styrkor" and "Förbättringsförslag" of area 5, with nothing said.
    doc = doc_from(
        "\n".join([
            HEADING, "", "Styrkor", "- Aktivt arbete med medborgardialog", "", "Förbättringsförslag",
            "- Premiera gott bemötande", "", "Styrkor", "- Synpunktshantering via webben", "",
            "Förbättringsförslag", "- Synliggöra kostnader per verksamhet",
        ])
    )  # fmt: skip
    extraction = Extraction(observations=extract_observations(doc))
    assert [(o.kind, o.position, o.second_list) for o in extraction.observations] == [
        ("strength", 1, False), ("improvement", 1, False), ("strength", 2, True), ("improvement", 2, True)
    ]  # fmt: skip
    findings = list(observation_doubtful(extraction, None))
    assert [(f.line, "second list of" in f.message) for f in findings] == [(10, True), (13, True)]


def test_the_items_after_one_read_with_the_next_run_into_it_are_in_doubt() -> None:
    # Scans of tuning seeds 300133 and 300374: an item read with the next item's text after its
    # misread bullet ("s-", "•"); every item after it in its list stands a place before its own.
    # The other kind's list and the next area's are not in doubt.
    observations = (
        Observation(1, "strength", 1, "Aktivt arbete med medborgardialog", 3, 20),
        Observation(1, "strength", 2, "Synpunktshantering via webben s-Regional samverkan", 3, 21),
        Observation(1, "strength", 3, "Systematiska brukarundersökningar", 3, 23),
        Observation(1, "improvement", 1, "Utveckla den interna kontrollen", 3, 26),
        Observation(2, "strength", 1, "Utveckla den interna kontrollen • Premiera gott bemötande", 3, 30),
        Observation(2, "strength", 2, "Handlingar tillgängliga på hemsidan", 3, 32),
    )
    findings = list(observation_doubtful(Extraction(observations=observations), None))
    assert [(f.area, f.line, f.message.split('" ', 1)[1].split(",")[0]) for f in findings] == [
        (1, 21, 'holds "s-Regional"'),
        (1, 23, 'comes after "Synpunktshantering via webben s-Regional samverkan"'),
        (2, 30, 'holds "•"'),
        (2, 32, 'comes after "Utveckla den interna kontrollen • Premiera gott bemötande"'),
    ]


def test_an_item_beside_the_next_lists_label_goes_back_to_its_columns_list() -> None:
    # pdftotext -layout of a LibreOffice page in two columns left unparted (fuzz seed 180037): the
    # left column's strengths list goes on beside the right column's "Utvecklingsområden", its item
    # set well left of that label, where "Starka sidor" stands.
    doc = doc_from(
        "\n".join(
            [
                " Område 8 Chefs- och ledarskap samt medarbetarskap",
                "",
                " Sammanfattning chefs- och                     • Medarbetarsamtal med tydlig",
                " ledarskap samt medarbetarskap                   koppling till mål",
                "                                               • Framgångsrik presstrategi",
                " Starka sidor",
                "                                            Utvecklingsområden",
                "       • Starkt och levande föreningsliv",
                "                                               • Handlingar tillgängliga på hemsidan",
                "                                               • Utveckla den interna kontrollen",
            ]
        )
    )
    observations = extract_observations(doc)
    assert [(o.kind, o.position, o.text, o.other_column) for o in observations] == [
        ("strength", 1, "Starkt och levande föreningsliv", True),
        ("improvement", 1, "Handlingar tillgängliga på hemsidan", False),
        ("improvement", 2, "Utveckla den interna kontrollen", False),
    ]
    findings = list(observation_doubtful(Extraction(observations=observations), None))
    assert [(f.line, f.area) for f in findings] == [(8, 8)]
    assert "other column of a page" in findings[0].message


def test_a_list_indented_under_its_label_keeps_its_items() -> None:
    # A layout export's list whose bullets stand right of their label, as every list does.
    doc = doc_from(
        "\n".join(
            [
                " Område 2 Tillgänglighet och brukarorientering",
                "",
                " Styrkor",
                "     • Tydlig och innehållsrik hemsida",
                " Förbättringsområden",
                "     • Inför medborgarförslag",
            ]
        )
    )
    assert [(o.kind, o.text, o.other_column) for o in extract_observations(doc)] == [
        ("strength", "Tydlig och innehållsrik hemsida", False),
        ("improvement", "Inför medborgarförslag", False),
    ]
