"""Claims in prose: the score an area section claims and the change it claims since when."""

from __future__ import annotations

import pytest

from extractors.claims import extract_claims, previous_evaluation_year
from pipeline.model.document import Document, Line
from pipeline.model.records import Extraction
from tests.conftest import doc_from

YEARS = (2003, 2005, 2007)


def claim_of(paragraph: str, years: tuple[int, ...] = YEARS, report_year: int | None = 2007):
    doc = doc_from(f"Område 1 Offentlighet och demokratisk kontroll\n\n{paragraph}\n")
    [claim] = extract_claims(doc, years, report_year)
    return claim


UMEA_CLAIMS = [
    (1, 73, 7, 137),
    (2, 79.5, 10, 221),
    (3, 79, -1, 301),
    (4, 84.5, 2, 377),
    (5, 79, 8, 429),
    (6, 78, 0, 474),
    (7, 75, 4, 535),
    (8, 98, 8, 595),
]


def test_umea_claims(umea: Extraction) -> None:
    found = [(c.area, c.claimed_score, c.claimed_change, c.line) for c in umea.claims]
    assert found == UMEA_CLAIMS
    assert {c.compared_with_year for c in umea.claims} == {2005}


def test_umea_claim_sentences_as_printed(umea: Extraction) -> None:
    by_area = {c.area: c for c in umea.claims}
    assert by_area[1].sentence == (
        "Inom området offentlighet och demokratisk kontroll uppnår kommunen 73 poäng. "
        "En förbättring med sju poäng i förhållande till utvärderingen 2005."
    )
    assert by_area[3].sentence == (
        "Inom området tydlighet i samspelet politiker och tjänstemän uppnår kommunen 79 poäng, vilket är en "
        "poäng mindre i förhållande till föregående utvärdering."
    )
    assert by_area[8].sentence.endswith(
        "en förbättring med åtta poäng i förhållande till utvärderingen 2005."
    )
    assert by_area[3].compared_with_previous
    assert not by_area[1].compared_with_previous


# Each phrasing of the Umeå report on its own: (paragraph, score, change, year compared with).
UMEA_PHRASINGS = [
    (
        "Inom området offentlighet och demokratisk kontroll uppnår kommunen 73 poäng. En förbättring med sju "
        "poäng i förhållande till utvärderingen 2005.",
        73,
        7,
        2005,
    ),
    (
        "Inom området tillgänglighet och brukarorientering uppnår kommunen 79,5 poäng. En förbättring med "
        "tio "
        "poäng i förhållande till utvärderingen 2005, vilket är den största förbättringen i utvärderingen.",
        79.5,
        10,
        2005,
    ),
    (
        "Inom området tydlighet i samspelet politiker och tjänstemän uppnår kommunen 79 poäng, vilket är en "
        "poäng mindre i förhållande till föregående utvärdering.",
        79,
        -1,
        2005,
    ),
    (
        "Inom området ledning, decentralisering och delegering uppnår kommunen 84,5 poäng en förbättring med "
        "två poäng från resultatet 2005.",
        84.5,
        2,
        2005,
    ),
    (
        "Inom området kontroll och rapportering uppnår kommunen 79 poäng en förbättring med åtta poäng sedan "
        "2005.",
        79,
        8,
        2005,
    ),
    (
        "Inom området personalpolitik uppnår kommunen 78 poäng ett likvärdigt resultat i jämförelse med 2005 "
        "års utvärdering trots att vissa områden prioriterats och utvecklats.",
        78,
        0,
        2005,
    ),
    (
        "Inom området verksamhetsutveckling uppnår kommunen 75 poäng en förbättring med fyra poäng i "
        "förhållande till utvärderingen 2005.",
        75,
        4,
        2005,
    ),
    (
        "Inom området kommunen som samhällsbyggare uppnår kommunen 98 poäng. Det är den högsta poäng som "
        "någonsin delats ut inom ett huvudområde och en förbättring med åtta poäng i förhållande till "
        "utvärderingen 2005.",
        98,
        8,
        2005,
    ),
]

# Phrasings a later report could use, with other numbers and years.
OTHER_PHRASINGS = [
    ("Inom området uppnår kommunen 61 poäng, en försämring med tre poäng jämfört med 2009.", 61, -3, 2009),
    (
        "Inom området uppnår kommunen 52,5 poäng. Det är två och en halv poäng mindre än 2003.",
        52.5,
        -2.5,
        2003,
    ),
    ("Kommunen erhåller 66 poäng inom området, vilket är elva poäng högre än 2003.", 66, 11, 2003),
    (
        "Inom området får kommunen 40 poäng, en minskning med 4,5 poäng sedan förra utvärderingen.",
        40,
        -4.5,
        2005,
    ),
    ("Inom området uppnår kommunen 88 poäng, samma resultat som vid föregående utvärdering.", 88, 0, 2005),
    ("Inom området uppnår kommunen 70 poäng, oförändrat sedan 2005.", 70, 0, 2005),
    ("Inom området uppnår kommunen 70 poäng. Kommunen har tappat fem poäng sedan 2003.", 70, -5, 2003),
    (
        "Inom området uppnår kommunen 70 poäng. Resultatet har förbättrats med tjugo poäng sedan 2003.",
        70,
        20,
        2003,
    ),
    ("Inom området når kommunen 57 poäng, en ökning på en och en halv poäng mot 2005.", 57, 1.5, 2005),
    ("Inom området uppnår kommunen 57 poäng, en förbättring med 12 poäng.", 57, 12, 2005),
    ("Med en förbättring med nio poäng sedan 2005 uppnår kommunen inom området 81 poäng.", 81, 9, 2005),
    ("Inom huvudområdet hamnar kommunen på 45 poäng, en förändring med -2 poäng sedan 2005.", 45, -2, 2005),
    (
        "Inom området uppnår kommunen 64 poäng, vilket är tre poängs förbättring sedan förra "
        "utvärderingstillfället.",
        64,
        3,
        2005,
    ),
    (
        "Inom området uppnår kommunen sjuttiotre poäng, en poäng mindre än vid förra utvärderingen.",
        73,
        -1,
        2005,
    ),
]


@pytest.mark.parametrize(("paragraph", "score", "change", "year"), UMEA_PHRASINGS + OTHER_PHRASINGS)
def test_phrasings(paragraph: str, score: float, change: float, year: int) -> None:
    claim = claim_of(paragraph)
    assert (claim.claimed_score, claim.claimed_change, claim.compared_with_year) == (score, change, year)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Inom området uppnår kommunen 80 poäng, vilket är den största förbättringen i utvärderingen.",
        "Inom området uppnår kommunen 80 poäng. Kommunen har utvecklat sitt arbete sedan 2005.",
        "Inom området uppnår kommunen 80 poäng.",
    ],
)
def test_score_without_a_change(paragraph: str) -> None:
    claim = claim_of(paragraph)
    assert (claim.claimed_score, claim.claimed_change, claim.compared_with_year) == (80, None, None)


def test_change_three_sentences_later_is_not_the_claims() -> None:
    claim = claim_of(
        "Inom området uppnår kommunen 80 poäng. Ett. Två. Informationen har en förbättring med två poäng "
        "sedan 2005."
    )
    assert claim.claimed_change is None


def test_change_belonging_to_the_next_score_is_not_the_claims() -> None:
    claim = claim_of(
        "Inom området uppnår kommunen 80 poäng. Delfrågan om information får 28 poäng, en förbättring med "
        "två poäng."
    )
    assert (claim.claimed_score, claim.claimed_change) == (80, None)


def test_claim_naming_the_area_is_preferred() -> None:
    claim = claim_of("Enheten får 12 poäng i en intern mätning. Inom området uppnår kommunen 73 poäng.")
    assert claim.claimed_score == 73


def test_report_year_is_never_the_year_compared_with() -> None:
    claim = claim_of(
        "Inom området uppnår kommunen 73 poäng, en förbättring med sju poäng i 2007 års utvärdering."
    )
    assert (claim.claimed_change, claim.compared_with_year, claim.compared_with_previous) == (7, 2005, True)


def test_previous_evaluation_unknown_without_the_summary_years() -> None:
    claim = claim_of(
        "Inom området uppnår kommunen 79 poäng, vilket är en poäng mindre i förhållande till föregående "
        "utvärdering.",
        years=(),
    )
    assert (claim.claimed_change, claim.compared_with_year, claim.compared_with_previous) == (-1, None, True)


@pytest.mark.parametrize(
    ("years", "report_year", "previous"),
    [
        ((2003, 2005, 2007), 2007, 2005),
        ((2003, 2005, 2007), 2005, 2003),
        ((2007,), 2007, None),
        ((), None, None),
        ((2004, 2008), 2009, 2008),
    ],
)
def test_previous_evaluation_year(
    years: tuple[int, ...], report_year: int | None, previous: int | None
) -> None:
    assert previous_evaluation_year(years, report_year) == previous


def test_claim_wrapped_over_pdf_lines_keeps_its_first_line() -> None:
    texts = [
        "Område 5 Kontroll och rapportering",
        "Kontroll och rapportering är ett område som ofta ger låga poäng. Inom området kon-",
        "troll och rapportering uppnår kommunen 79 poäng en förbättring med åtta",
        "poäng sedan 2005.",
    ]
    doc = Document(lines=tuple(Line(text, number, page=9) for number, text in enumerate(texts, start=1)))
    [claim] = extract_claims(doc, YEARS, 2007)
    assert (claim.area, claim.claimed_score, claim.claimed_change, claim.page, claim.line) == (5, 79, 8, 9, 2)
    assert claim.sentence == (
        "Inom området kontroll och rapportering uppnår kommunen 79 poäng en förbättring med åtta poäng "
        "sedan 2005."
    )


def test_no_claim_without_a_score_sentence() -> None:
    doc = doc_from("Område 1 Offentlighet och demokratisk kontroll\n\nKommunen informerar väl.\n")
    assert extract_claims(doc, YEARS, 2007) == ()


def test_pdf_without_blank_lines_the_question_list_stays_out_of_the_claim() -> None:
    texts = [
        "Område 6 Personalpolitik",
        "• 6.6 Hur systematisk är budgetering och uppföljning av kompetensutveckling",
        "Inom området personalpolitik uppnår kommunen 78 poäng ett likvärdigt resultat i",
        "jämförelse med 2005 års utvärdering.",
    ]
    doc = Document(lines=tuple(Line(text, number, page=12) for number, text in enumerate(texts, start=1)))
    [claim] = extract_claims(doc, YEARS, 2007)
    assert claim.sentence.startswith("Inom området personalpolitik")
    assert (claim.claimed_score, claim.claimed_change, claim.compared_with_year, claim.line) == (
        78,
        0,
        2005,
        3,
    )


def test_pdf_without_blank_lines_a_paragraph_between_two_lists_is_prose() -> None:
    texts = [
        "Område 6 Personalpolitik",
        "• 6.5 Genomförs ledarutvecklingsprogram?",
        "• 6.6 Hur systematisk är budgetering och uppföljning av kompetensutveckling",
        "I ett framtidsperspektiv är en stark och tydlig personalpolitik av största vikt.",
        "Inom området personalpolitik uppnår kommunen 78 poäng ett likvärdigt resultat i",
        "jämförelse med 2005 års utvärdering.",
        "Styrkor",
        "• Kommunens arbetsmiljöarbete.",
    ]
    doc = Document(lines=tuple(Line(text, number, page=12) for number, text in enumerate(texts, start=1)))
    [claim] = extract_claims(doc, YEARS, 2007)
    assert (claim.claimed_score, claim.claimed_change, claim.line) == (78, 0, 5)


# The parts of a claim in other combinations: score forms, verbs, signs, comparisons.
GRAMMAR_FORMS = [
    ("Inom området når kommunen 73 av 100 möjliga poäng, en förbättring med sju poäng.", 73, 7, 2005),
    ("Inom området uppnår kommunen 73 poäng av 100 möjliga. En förbättring med sju poäng.", 73, 7, 2005),
    ("Inom området landar kommunen på 73 poäng (+7).", 73, 7, 2005),
    ("Inom området hamnar kommunen på 73 poäng (+7 jämfört med 2003).", 73, 7, 2003),
    ("Inom området hamnar kommunen på 79 poäng (−1).", 79, -1, 2005),
    ("Inom området hamnar kommunen på 79 poäng (-1 poäng).", 79, -1, 2005),
    ("Inom området får kommunen 78 poäng (±0).", 78, 0, 2005),
    ("Bedömningen inom området ger kommunen 84,5 poäng, två poäng mer än 2005.", 84.5, 2, 2005),
    ("Inom området erhåller kommunen åttiofyra och en halv poäng, plus två poäng sedan 2005.", 84.5, 2, 2005),
    ("Resultatet inom området blev 61 poäng, minus tre poäng jämfört med 2005.", 61, -3, 2005),
    ("Inom området tilldelas kommunen 61 poäng. Kommunen backar tre poäng sedan 2005.", 61, -3, 2005),
    ("Inom området uppnår kommunen 75 poäng, +4 poäng sedan 2005.", 75, 4, 2005),
    ("Inom området uppnår kommunen 75 poäng. Resultatet ökar med fyra poäng från 2005.", 75, 4, 2005),
    ("Inom området uppnår kommunen 75 poäng. Det innebär att kommunen går upp fyra poäng.", 75, 4, 2005),
    ("Inom området uppnår kommunen 75 poäng, en uppgång på fyra poäng jämfört med 2005.", 75, 4, 2005),
    # A comparison with an average comes first; the change follows it.
    (
        "Inom området uppnår kommunen 73 poäng, tio poäng högre än genomsnittet, och en förbättring med sju "
        "poäng sedan 2005.",
        73,
        7,
        2005,
    ),
    ("Inom området når kommunen 73 poäng (Sverigesnittet 63), en förbättring med sju poäng.", 73, 7, 2005),
]


@pytest.mark.parametrize(("paragraph", "score", "change", "year"), GRAMMAR_FORMS)
def test_grammar_forms(paragraph: str, score: float, change: float, year: int) -> None:
    claim = claim_of(paragraph)
    assert (claim.claimed_score, claim.claimed_change, claim.compared_with_year) == (score, change, year)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Inom området uppnår kommunen 73 poäng, vilket är tio poäng högre än genomsnittet.",
        "Inom området uppnår kommunen 73 poäng jämfört med Sverigesnittet 63 poäng.",
        "Inom området uppnår kommunen 73 poäng (+10 jämfört med snittet för de 40 kommunerna).",
        "Inom området uppnår kommunen 73 poäng, åtta poäng över medelvärdet för andra kommuner.",
        "Inom området uppnår kommunen 73 poäng, fem poäng lägre än Nacka.",
        "Inom området uppnår kommunen 73 poäng. Det är sju poäng bättre än jämförbara kommuner.",
        "Inom området uppnår kommunen 73 poäng (+44 %).",
    ],
)
def test_comparisons_are_not_changes(paragraph: str) -> None:
    claim = claim_of(paragraph)
    assert (claim.claimed_score, claim.claimed_change, claim.compared_with_year) == (73, None, None)


def test_the_average_s_score_is_not_the_area_s() -> None:
    claim = claim_of("Genomsnittet för de 40 kommunerna landar på 63 poäng. Kommunen når 73 poäng.")
    assert claim.claimed_score == 73


def test_a_claim_right_after_the_question_list_of_a_layout_export() -> None:
    # Fuzz seed 32 (pdftotext -layout): every line is set off by a space, and the paragraph that
    # claims the score follows the last listed sub-question with no blank line between.
    doc = doc_from(
        " Område 1 Offentlighet och demokratisk kontroll\n"
        " -   1:3 Hur informeras medborgarna om resultat?\n"
        " Området beskriver hur Järfälla stad arbetar med offentlighet och demokratisk kontroll.\n"
        " Inom området offentlighet och demokratisk kontroll uppnår kommunen 74\n"
        " poäng. En försämring med 12 poäng i förhållande till utvärderingen 2003.\n"
    )
    [claim] = extract_claims(doc, (2003, 2005), 2005)
    assert (claim.area, claim.claimed_score, claim.claimed_change) == (1, 74, -12)


def test_claim_between_the_question_list_and_a_numbered_list_of_strengths() -> None:
    # Fuzz seed 40001 (a scan: OCR leaves no blank lines between a section's blocks): the prose
    # after the dash list of sub-questions was read as the last question's wrapped line, since a
    # bullet (the strengths' "1.") followed it; that bullet is another list's.
    doc = doc_from(
        "Område 4 Ledning, decentralisering och delegering\n"
        "- 4.4 Hur beskrivs förvaltningsledningen?\n"
        "- 4.5 Hur utövas den centrala ledningen över underställda enheter?\n"
        "Inom området ledning, decentralisering och delegering uppnår kommunen 78,5 poäng.\n"
        "Starka sidor\n"
        "1. Kvalitetsdeklarationer inom flera verksamheter\n"
        "2. Systematiska brukarundersökningar\n"
    )
    [claim] = extract_claims(doc)
    assert (claim.area, claim.claimed_score) == (4, 78.5)


def test_change_sentence_cut_by_a_page_break() -> None:
    # pdftotext -layout of a Chromium page in two columns (fuzz seed 130182): the sentence of the
    # change goes on at the top of the next page, after the blank lines the running footer left.
    claim = claim_of(
        "Inom området uppnår kommunen 79,5 poäng. En förbättring med\n\n\n\n"
        "43,5 poäng i förhållande till utvärderingen 2015."
    )
    assert (claim.claimed_score, claim.claimed_change, claim.compared_with_year) == (79.5, 43.5, 2015)


def test_a_heading_after_a_claim_is_no_rest_of_its_sentence() -> None:
    claim = claim_of("Inom området uppnår kommunen 80 poäng\n\nSammanfattning 12 poäng bättre sedan 2005.")
    assert (claim.claimed_score, claim.claimed_change) == (80, None)


def test_a_dash_wrapped_to_a_lines_start_inside_the_claim_is_no_list_item() -> None:
    # Fuzz seeds 200249 (ReportLab, pdftotext -raw) and 200583 (pdftotext -layout): the area's name
    # "Kommunen som arbetsgivare – personalpolitik" wrapped before its dash; the line read as a
    # list item, the claim was lost without a word.
    claim = claim_of(
        "Inom området kommunen som arbetsgivare\n"
        "– personalpolitik uppnår kommunen 66,5\n"
        "poäng. En försämring med 20,5 poäng i\n"
        "förhållande till utvärderingen 2005."
    )
    assert (claim.claimed_score, claim.claimed_change, claim.compared_with_year) == (66.5, -20.5, 2005)


@pytest.mark.parametrize(
    ("paragraph", "score", "change"),
    [
        # Scans of tuning seeds 300133, 300196, 300268 and 300061: specks read as marks glued to the
        # claim's words and numbers; each claim was lost, or its change.
        ("Inom området tillgänglighet och brukarorientering-uppnår-kommunen 78 poäng. En förbättring "
         "med-10 poäng i förhållande till utvärderingen 2009:", 78, 10),
        ("Inom området politisk styrning och kontroll-uppnår kommunen-70,5 poäng: En förbättring med 1,5 "
         "poäng i förhållande till utvärderingen 2009.", 70.5, 1.5),
        ("Inom området verksamhetsutveckling uppnår kommunen 67 poäng. En försämring med.23 poäng i "
         "förhållande till utvärderingen 2009.", 67, -23),
        ("Inom området kommunen som samhällsbyggare uppnår kommunen.63,5 poäng. En försämring med 12,5 "
         "poäng i förhållande till utvärderingen 2011", 63.5, -12.5),
        ("Inom området personalpolitik uppnår kommunen-57> poäng.", 57, None),
        ("Inom området effektivitet uppnår kommunen 70 poäng. En förbättring med 5 \"poäng i förhållande "
         "till utvärderingen 2018.", 70, 5),
        # A printed sign stays the change's.
        ("Inom området uppnår kommunen 70 poäng, en förändring med -7 poäng sedan 2005.", 70, -7),
    ],
)  # fmt: skip
def test_marks_read_from_specks_in_a_claim_are_passed_over(
    paragraph: str, score: float, change: float | None
) -> None:
    claim = claim_of(paragraph)
    assert (claim.claimed_score, claim.claimed_change) == (score, change)
    assert claim.sentence.startswith(paragraph[:40])  # the sentence as read
