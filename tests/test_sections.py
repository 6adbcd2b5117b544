"""Area sections: headings, where each section ends, and the sub-questions listed at the top."""

from __future__ import annotations

import itertools

import pytest

from extractors.sections import extract_sections, find_area_sections, listed_questions
from pipeline.editions.edition import edition_by_id
from pipeline.model.document import Document, Line
from pipeline.model.records import AreaHeading, Extraction
from pipeline.validation.edition import area_name_unknown
from tests.conftest import doc_from

UMEA_HEADINGS = [
    (129, 1, "Offentlighet och demokratisk kontroll"),
    (210, 2, "Tillgänglighet och brukarorientering"),
    (291, 3, "Tydlighet i samspelet politiker – tjänstemän"),
    (369, 4, "Ledning, decentralisering och delegering"),
    (422, 5, "Kontroll och rapportering"),
    (465, 6, "Personalpolitik"),
    (527, 7, "Verksamhetsutveckling"),
    (588, 8, "Kommunen som samhällsbyggare"),
]


def test_umea_has_eight_sections_in_order(umea_doc: Document) -> None:
    sections = find_area_sections(umea_doc)
    assert [(s.heading.number, s.area, s.printed_name) for s in sections] == UMEA_HEADINGS


def test_umea_sections_end_where_the_next_begins(umea_doc: Document) -> None:
    sections = find_area_sections(umea_doc)
    for section, following in itertools.pairwise(sections):
        assert section.body[-1].number == following.heading.number - 1
    # The last one ends before "4 Poängsammanställning", the next top-level heading.
    assert sections[-1].body[-1].number == 664
    assert all("Poängsammanställning" not in line.text for line in sections[-1].body)


def test_umea_section_headings_are_recorded(umea) -> None:
    headings = [h for h in umea.area_headings if h.context == "section_heading"]
    assert [(h.line, h.area, h.printed_name) for h in headings] == UMEA_HEADINGS


def test_umea_section_headings_all_match_their_area(umea) -> None:
    assert not [f for f in umea.findings if f.rule == "area_name_unknown"]


@pytest.mark.parametrize(
    ("line", "area", "name"),
    [
        ("Område 1 Offentlighet och demokratisk kontroll", 1, "Offentlighet och demokratisk kontroll"),
        (
            "Område 3 Tydlighet i samspelet politiker – tjänstemän",
            3,
            "Tydlighet i samspelet politiker – tjänstemän",
        ),
        ("Område 8 Kommunen som samhällsbyggare", 8, "Kommunen som samhällsbyggare"),
        ("Område 2: Tillgänglighet och brukarorientering", 2, "Tillgänglighet och brukarorientering"),
        ("Huvudområde 5 – Kontroll och rapportering", 5, "Kontroll och rapportering"),
        ("Område 2 — Samhällsutveckling", 2, "Samhällsutveckling"),  # an em dash
        ("OMRÅDE 6 PERSONALPOLITIK", 6, "PERSONALPOLITIK"),
        ("**Område 7 Verksamhetsutveckling**", 7, "Verksamhetsutveckling"),
        (
            "## Område 4 Ledning, decentralisering och delegering",
            4,
            "Ledning, decentralisering och delegering",
        ),
        ("4 Ledning, delegering och decentralisering", 4, "Ledning, delegering och decentralisering"),
        ("8. Kommun som samhällsbyggare", 8, "Kommun som samhällsbyggare"),
        # OCR of a bold heading loses the ring of the "å" (a bilevel scan, seed 40013)
        ("Omrade 3 Politisk styrning och kontroll", 3, "Politisk styrning och kontroll"),
        # a speck beside the heading read as a colon or a full stop (a bilevel scan, seed 240020)
        ("3 Politisk styrning och kontroll:", 3, "Politisk styrning och kontroll"),
        ("Område 3 Politisk styrning och kontroll.", 3, "Politisk styrning och kontroll"),
    ],
)
def test_heading_forms(line: str, area: int, name: str) -> None:
    doc = doc_from(f"{line}\n\nText om området.\n")
    [section] = find_area_sections(doc)
    assert (section.area, section.printed_name) == (area, name)


@pytest.mark.parametrize(
    "line",
    [
        "1 Vad är Kommunkompassen",  # a chapter, numbered like an area but named otherwise
        "4 Poängsammanställning",
        "1 Offentlighet och demokratisk kontroll\t56\t66\t73",  # a summary table row
        "Område 1 Offentlighet och demokratisk kontroll är ett starkt område i Umeå, men inte alla år.",
        "- 1.1 Hur informeras invånarna?",
        "3 Politisk styrning och kontroll är viktig.",  # a sentence, its name no area's wording
    ],
)
def test_not_headings(line: str) -> None:
    assert find_area_sections(doc_from(f"{line}\n\nText.\n")) == ()


def test_heading_wrapped_over_two_pdf_lines() -> None:
    doc = doc_from("Område 3 Tydlighet i samspelet politiker –\ntjänstemän\n\n- 3.1 Hur är kvaliteten?\n")
    [section] = find_area_sections(doc)
    assert section.printed_name == "Tydlighet i samspelet politiker – tjänstemän"
    assert section.body[0].text == ""


def test_table_of_contents_entries_start_no_section() -> None:
    doc = doc_from(
        "Område 1 Offentlighet och demokratisk kontroll\nOmråde 2 Tillgänglighet och brukarorientering\n\n"
        "Inledning.\n\nOmråde 1 Offentlighet och demokratisk kontroll\n\nEtt.\n\n"
        "Område 2 Tillgänglighet och brukarorientering\n\nTvå.\n"
    )
    sections = find_area_sections(doc)
    assert [(s.area, s.heading.number) for s in sections] == [(1, 6), (2, 10)]


def test_running_page_header_starts_no_new_section() -> None:
    doc = doc_from(
        "Område 1 Offentlighet och demokratisk kontroll\n\nEtt.\n\n"
        "Område 1 Offentlighet och demokratisk kontroll\n\nMer om ett.\n\n"
        "Område 2 Tillgänglighet och brukarorientering\n\nTvå.\n"
    )
    sections = find_area_sections(doc)
    assert [s.area for s in sections] == [1, 2]
    assert any(line.text == "Mer om ett." for line in sections[0].body)


def test_misnumbered_heading_is_kept_and_reported() -> None:
    doc = doc_from(
        "Område 1 Offentlighet och demokratisk kontroll\n\nEtt.\n\nOmråde 1 Kontroll och "
        "rapportering\n\nFem.\n"
    )
    result = extract_sections(doc)
    assert [(h.area, h.printed_name) for h in result.headings] == [
        (1, "Offentlighet och demokratisk kontroll"),
        (1, "Kontroll och rapportering"),
    ]
    extraction = Extraction(area_headings=result.headings)
    findings = list(area_name_unknown(extraction, edition_by_id("kk2002-rev2007")))
    assert [(f.rule, f.found, f.line) for f in findings] == [
        ("area_name_unknown", "Kontroll och rapportering", 5)
    ]


def test_unknown_section_heading_name_is_reported() -> None:
    heading = AreaHeading(2, "Information och service", "section_heading", None, 210)
    edition = edition_by_id("kk2002-rev2007")
    findings = list(area_name_unknown(Extraction(area_headings=(heading,)), edition))
    assert [(f.rule, f.area, f.found) for f in findings] == [
        ("area_name_unknown", 2, "Information och service")
    ]
    assert "section heading" in findings[0].message


@pytest.mark.parametrize(
    ("tail", "last_body_line"),
    [
        ("4 Poängsammanställning\n\nTabell 2 ...\n", "Sista raden."),
        ("5. Bilagor\n", "Sista raden."),
        ("\tMax- poäng\tEgna poäng\n1.1 Hur informeras medborgarna?\t40\t28\n", "Sista raden."),
        ("1.1 Hur informeras medborgarna?\t40\t28\n", "Sista raden."),
        ("TOTALT\t497\t608\t646\n", "Sista raden."),
    ],
)
def test_last_section_ends_at_next_chapter_or_table(tail: str, last_body_line: str) -> None:
    doc = doc_from(
        f"3 Detaljerad genomgång\n\nOmråde 8 Kommunen som samhällsbyggare\n\nText.\n\nSista raden.\n\n{tail}"
    )
    [section] = find_area_sections(doc)
    assert [line.text for line in section.body if line.text][-1] == last_body_line


def test_subheadings_numbered_within_the_chapter_do_not_end_a_section() -> None:
    doc = doc_from("4 Detaljerad genomgång\n\nOmråde 8 Kommunen som samhällsbyggare\n\n3 Näringsliv\n\nText.")
    [section] = find_area_sections(doc)
    assert [line.text for line in section.body if line.text] == ["3 Näringsliv", "Text."]


def test_umea_listed_questions(umea) -> None:
    listed = umea.listed_questions
    assert len(listed) == 37
    assert [q.question_id for q in listed][:4] == ["1.1", "1.2", "1.3", "2.1"]
    first = listed[0]
    assert (first.area, first.question, first.line) == (1, "Hur informeras invånarna?", 131)
    assert {q.area for q in listed} == set(range(1, 9))
    assert all(q.question_id.startswith(f"{q.area}.") for q in listed)


@pytest.mark.parametrize(
    ("line", "question_id", "text"),
    [
        ("- 1.1 Hur informeras invånarna?", "1.1", "Hur informeras invånarna?"),
        ("- 5.3 Strategier för att synliggöra kostnader?", "5.3", "Strategier för att synliggöra kostnader?"),
        (
            "- 7.4 Användning av Internet, Intranät eller motsvarande i ärendehantering, serviceproduktion "
            "och "
            "uppföljning.",
            "7.4",
            "Användning av Internet, Intranät eller motsvarande i ärendehantering, serviceproduktion och "
            "uppföljning.",
        ),
        ("• 1.2 Hur främjas medborgarnas engagemang?", "1.2", "Hur främjas medborgarnas engagemang?"),
        (
            "\uf0b7 1.3 Hur informeras invånarna om resultatet?",
            "1.3",
            "Hur informeras invånarna om resultatet?",
        ),
        ("1.1. Hur informeras invånarna?", "1.1", "Hur informeras invånarna?"),
    ],
)
def test_listed_question_forms(line: str, question_id: str, text: str) -> None:
    [section] = find_area_sections(
        doc_from(f"Område 1 Offentlighet och demokratisk kontroll\n\n{line}\n\nText.\n")
    )
    [question] = listed_questions(section)
    assert (question.question_id, question.question) == (question_id, text)


def test_listed_question_wrapped_in_a_pdf() -> None:
    lines = [
        "Område 3 Tydlighet i samspelet politiker – tjänstemän",
        "• 3.3 Hur rapporterar tjänstemännen till den politiska nivån och vilka",
        "möjligheter har politikerna att utöva tillsyn över förvaltningen?",
        "• 3.4 Hur stimuleras den ömsesidiga förståelsen?",
        "I en kommun beställer politiken genomförandet av ett uppdrag.",
    ]
    doc = Document(lines=tuple(Line(text, number, page=4) for number, text in enumerate(lines, start=1)))
    [section] = find_area_sections(doc)
    assert [(q.question_id, q.question, q.page, q.line) for q in listed_questions(section)] == [
        (
            "3.3",
            "Hur rapporterar tjänstemännen till den politiska nivån och vilka möjligheter har politikerna "
            "att "
            "utöva tillsyn över förvaltningen?",
            4,
            2,
        ),
        ("3.4", "Hur stimuleras den ömsesidiga förståelsen?", 4, 4),
    ]


def test_question_like_lines_later_in_a_section_are_not_listed_questions() -> None:
    doc = doc_from(
        "Område 1 Offentlighet och demokratisk kontroll\n\nFörsta stycket.\n\nAndra stycket.\n\n"
        "Tredje stycket.\n\n- 1.1 Hur informeras invånarna?\n"
    )
    [section] = find_area_sections(doc)
    assert listed_questions(section) == []


@pytest.mark.parametrize(
    "line",
    [
        "Område 5 är ett av de områden där kommunen har utvecklats mest sedan",
        "område 1 offentlighet och demokratisk kontroll",
    ],
)
def test_prose_starting_with_omrade_is_no_heading(line: str) -> None:
    assert find_area_sections(doc_from(f"{line}\n\nText.\n")) == ()


def test_a_sub_area_without_its_dot_does_not_end_the_sections() -> None:
    # "11 Styrdokument och mål" (1.1 printed or OCR'd without its dot) is no chapter after chapter 3;
    # "4 Översikt av poängfördelning" is the next chapter and ends the sections.
    doc = doc_from(
        "3 Detaljerad genomgång\n\nOmråde 1 – Offentlighet och demokrati\n\nAllmänt text.\n\n"
        "11 Styrdokument och mål\n\nText om mål.\n\nOmråde 2 – Samhällsutveckling\n\nText.\n\n"
        "4 Översikt av poängfördelning\n\nTabell.\n"
    )
    sections = find_area_sections(doc)
    assert [section.area for section in sections] == [1, 2]
    assert any("Text om mål." in line.text for line in sections[0].body)
    assert not any("Tabell." in line.text for line in sections[1].body)


def test_a_summary_row_wrapped_like_a_heading_does_not_take_the_sections() -> None:
    # Fuzz seeds 17 and 28 (pdftotext): a summary-table row the export wrapped ("3 Tydlighet i
    # samspelet mellan politiker och") reads like area 3's heading, before the chapter that heads
    # every area; the sections are that chapter's.
    doc = doc_from(
        "2 Kramfors kommun i förhållande till Kommunkompassen\n\n"
        "Huvudområde    Max 2004 2006\n"
        "3 Tydlighet i samspelet mellan politiker och\n"
        "                 100 53,5      54\n"
        "tjänstemän\n\n"
        "3 Detaljerad genomgång i förhållande till Kommunkompassens åtta områden\n\n"
        "Huvudområde 1: Offentlighet och demokratisk kontroll\n\nEtt.\n\n"
        "Huvudområde 2: Tillgänglighet och brukarorientering\n\nTvå.\n\n"
        "Huvudområde 3: Tydlighet i samspelet mellan politiker och tjänstemän\n\nTre.\n\n"
        "4 Poängsammanställning\n"
    )
    sections = find_area_sections(doc)
    assert [(s.area, s.heading.number) for s in sections] == [(1, 10), (2, 14), (3, 18)]
    assert sections[-1].body[-2].text == "Tre."


def test_a_heading_wrapped_after_a_comma_in_its_name() -> None:
    # Fuzz seed 9 (pdftotext -raw, two columns): "6. Kommunen som arbetsgivare," / "personalpolitik".
    doc = doc_from(
        "5. Kontroll och rapportering\nFem.\n"
        "6. Kommunen som arbetsgivare,\npersonalpolitik\nAllmänt\nSex.\n"
        "7. Verksamhetsutveckling\nSju.\n"
    )
    sections = find_area_sections(doc)
    assert [(s.area, s.printed_name) for s in sections] == [
        (5, "Kontroll och rapportering"),
        (6, "Kommunen som arbetsgivare, personalpolitik"),
        (7, "Verksamhetsutveckling"),
    ]
    assert sections[1].body[0].text == "Allmänt"


def test_a_numbered_list_whose_item_wrapped_does_not_end_the_sections() -> None:
    # Fuzz seed 25: "4. Väl utvecklade e-tjänster" after "3. Medarbetarsamtal med tydlig koppling"
    # / "till mål" is the list's next item, not chapter 4.
    doc = doc_from(
        "3 Detaljerad genomgång\n\nOmråde 1 Offentlighet och demokrati\n\nStyrkor\n"
        "1. Aktivt arbete med medborgardialog\n2. Etablerad styrmodell med tydliga mål\n"
        "3. Medarbetarsamtal med tydlig koppling\n    till mål\n\n4. Väl utvecklade e-tjänster\n\n"
        "Område 2 Tillgänglighet och brukarorientering\n\nTvå.\n\n4 Översikt av poängfördelning\n"
    )
    assert [s.area for s in find_area_sections(doc)] == [1, 2]


def test_area_word_and_number_ending_in_a_colon_with_the_name_below_opens_a_section() -> None:
    # pdftotext -raw of a Chromium report (fuzz seed 2012): a narrow column wrapped the heading
    # "Huvudområde 2: Tillgänglighet och brukarorientering" right after its colon.
    text = "\n".join(
        [
            "Huvudområde 1: Offentlighet och demokratisk kontroll",
            "Inom området uppnår kommunen 63 poäng.",
            "Huvudområde 2:",
            "Tillgänglighet och",
            "brukarorientering",
            "Inom området uppnår kommunen 73 poäng.",
        ]
    )
    sections = find_area_sections(Document.from_text(text))
    assert [(s.area, s.heading.number) for s in sections] == [(1, 1), (2, 3)]


def test_numbered_strength_after_a_page_break_is_no_chapter_heading() -> None:
    # pdftotext -layout of a ReportLab page in two columns (fuzz seed 130269): a page break (its
    # footer and header taken out) leaves four blank lines between items 3 and 4 of a numbered list;
    # item 4 must not read as chapter 4, which ended the area sections there and made the score
    # table's area headings the sections (every claim and list of the report lost).
    lines = [
        "3 Detaljerad genomgång",
        "1 Samspel mellan förtroendevalda och medborgare",
        "Inom området uppnår kommunen 54 poäng.",
        "Starka sidor",
        "1. Framgångsrik presstrategi",
        "2. Medarbetarsamtal med tydlig koppling",
        "   till mål",
        "3. Genomarbetat ledarutvecklingsprogram",
        "",
        "",
        "",
        "",
        "4. Tydlig rollfördelning mellan politiker och",
        "   tjänstemän",
        "Förbättringsförslag",
        "1. Utveckla avvikelserapporteringen",
        "2 Samhällsutveckling",
        "Inom området uppnår kommunen 51,5 poäng.",
        "4 Översikt av poängfördelning",
        "Nr      Delområde                      Poäng   Maxpoäng",
        "1 Samspel mellan förtroendevalda och medborgare",
        "1.1.    Målstyrning                      16      30",
        "2 Samhällsutveckling",
        "2.1.    Kvalitetssystem                 3,5      10",
    ]
    sections = find_area_sections(doc_from("\n".join(lines)))
    assert [(s.area, s.heading.number) for s in sections] == [(1, 2), (2, 17)]


def test_heading_wrapped_at_a_comma_with_a_blank_line_before_its_rest() -> None:
    # pdftotext -layout of a ReportLab page in two columns (fuzz seed 130749): read column by
    # column, "Huvudområde 4: Ledning," has a blank line (the other column's) before its rest; the
    # section was lost and its claim and lists went to area 3.
    lines = [
        "Huvudområde 3: Tydlighet i samspelet mellan politiker och tjänstemän",
        "Inom området uppnår kommunen 64,5 poäng.",
        "Huvudområde 4: Ledning,",
        "",
        "decentralisering och",
        "delegering",
        "Inom området uppnår kommunen 64 poäng.",
    ]
    sections = find_area_sections(doc_from("\n".join(lines)))
    assert [(s.area, s.heading.number) for s in sections] == [(3, 1), (4, 3)]


def test_headings_that_meet_only_across_text_columns_are_no_contents_list() -> None:
    # pdftotext -layout of a LibreOffice page in two columns (fuzz seed 160455): the left column
    # ends with area 2's heading and the right one, read after it, starts with area 3's, printed
    # further up the page. Read as two adjacent entries of a table of contents, both headings were
    # dropped, and the score tables' area headings became the sections (every list lost).
    printed = [
        (1, "3 Detaljerad genomgång"),
        (2, "Område 1 Offentlighet och demokratisk kontroll"),
        (3, "Inom området uppnår kommunen 68,5 poäng."),
        (4, "Styrkor"),
        (5, "•   Systematiska brukarundersökningar"),
        (6, ""),
        (7, "Område 2 Tillgänglighet och brukarorientering"),
        (3, "Område 3 Tydlighet i samspelet mellan politiker och tjänstemän"),
        (4, "Inom området uppnår kommunen 62,5 poäng."),
        (8, "Inom området uppnår kommunen 57 poäng."),
        (9, "4 Översikt av poängfördelning"),
        (10, "Nr      Delområde                      Poäng   Maxpoäng"),
        (11, "1 Offentlighet och demokratisk kontroll"),
        (12, "1.1     Information                      16      30"),
        (13, "2 Tillgänglighet och brukarorientering"),
        (14, "2.1     Bemötande                       3,5      10"),
        (15, "3 Tydlighet i samspelet mellan politiker och tjänstemän"),
        (16, "3.1     Målstyrning                       9      20"),
    ]
    doc = Document(tuple(Line(text, number) for number, text in printed))
    assert [(s.area, s.heading.number) for s in find_area_sections(doc)] == [(1, 2), (2, 7), (3, 3)]


def test_score_table_rows_with_colon_ids_end_the_sections() -> None:
    # A 2010-edition layout export (tuning seed 310879) numbers its sub-questions "1:1" and heads
    # each area's rows in its one score table with the area's number and name: the first row ends
    # the walk-through of the areas, so the table's area headings are no rival run of sections
    # (they outnumbered the prose sections whose headings a two-column page had hidden, and every
    # section's strengths and claims were lost).
    doc = doc_from(
        "3 Detaljerad genomgång\n\n"
        "Huvudområde 1: Offentlighet och demokrati\n\nInom området uppnår kommunen 89 poäng.\n\n"
        "Huvudområde 2: Tillgänglighet och brukarorientering\n\nInom området uppnår kommunen 63 poäng.\n\n"
        "4 Översikt av poängfördelning\n\n"
        "1 Offentlighet och demokrati\n"
        "1:1 Lönepolitik                  26,5  30\n"
        "2 Tillgänglighet och brukarorientering\n"
        "2:1 Delaktighet                    12  20\n"
        "3 Politisk styrning och kontroll\n"
        "3:1 Näringsliv                     11  20\n"
    )
    sections = find_area_sections(doc)
    assert [(s.area, s.heading.number) for s in sections] == [(1, 3), (2, 7)]
    assert all(not line.text.startswith("1:1") for line in sections[1].body)


def test_score_table_rows_with_the_id_in_a_cell_of_its_own_end_the_sections() -> None:
    # A ReportLab layout export (tuning seed 310469) sets each row's id in a cell of its own
    # ("3.1     Samverkan     8     10"): the first row ends the walk-through of the areas, as a
    # row with its id before its name does, so the table's area headings are no rival run.
    doc = doc_from(
        "3 Detaljerad genomgång\n\n"
        "3.2 Samhällsutveckling\n\nInom området uppnår kommunen 63 poäng.\n\n"
        "3.3 Styrning och kontroll\n\nInom området uppnår kommunen 51 poäng.\n\n"
        "4 Översikt av poängfördelning\n\n"
        "1 Samspel mellan förtroendevalda och medborgare\n"
        "1.1     Samverkan                          8          10\n"
        "2 Samhällsutveckling\n"
        "2.1     Delaktighet                       12          20\n"
        "3 Styrning och kontroll\n"
        "3.1     Näringsliv                        11          20\n"
    )
    assert [(s.area, s.heading.number) for s in find_area_sections(doc)] == [(2, 3), (3, 7)]


NAMES_2020 = (
    "Samspel mellan förtroendevalda och medborgare", "Samhällsutveckling", "Styrning och kontroll",
    "Effektivitet", "Brukarens fokus", "Kvalitetsutveckling", "Arbetsliv",
    "Chefs- och ledarskap samt medarbetarskap",
)  # fmt: skip


def test_the_walkthrough_is_the_run_of_sections_with_prose_not_the_score_tables_headings() -> None:
    # A scan's two columns ran area 6's heading into area 4's (tuning seed 300175): the walkthrough
    # headed seven areas, the chapter of per-area score tables after it eight, and its headings
    # were taken for the sections: every list and claim lost without a word.
    walkthrough = [
        f"{number} {name}\n\nInom området uppnår kommunen 50 poäng.\n\nStyrkor\n\n- Aktivt arbete\n"
        for number, name in enumerate(NAMES_2020, 1)
        if number != 6
    ]
    tables = [
        f"{number} {name}\n\nNr\tDelområde\tEgna\tMax\n{number}.1.\tKvalitetssystem\t13\t20\n"
        for number, name in enumerate(NAMES_2020, 1)
    ]
    doc = doc_from(
        "3 Detaljerad genomgång i förhållande till Kommunkompassens åtta områden\n\n"
        + "\n".join(walkthrough)
        + "\n4 Översikt av poängfördelning\n\n"
        + "\n".join(tables)
    )
    sections = find_area_sections(doc)
    assert [s.area for s in sections] == [1, 2, 3, 4, 5, 7, 8]
    assert all(any("uppnår" in line.text for line in s.body) for s in sections)
