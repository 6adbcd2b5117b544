"""Municipalities named in a report: the spaCy matcher on real snippets and its traps, one per line."""

from __future__ import annotations

import time

import pytest
from conftest import doc_from

from extractors.mentions import extract_mentions
from extractors.name_matcher import build_matcher, swedish_matcher
from pipeline.model.document import Document, Line
from pipeline.model.municipalities import norwegian_municipalities, swedish_municipalities
from pipeline.model.records import Extraction


def _named(text: str) -> dict[str, int]:
    return {m.municipality: m.count for m in extract_mentions(doc_from(text))}


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        # genitive forms and "X kommun" / "X stad"
        ("Utvärdering av Umeås kommun genomfördes i september 2007", {"Umeå": 1}),
        ("Umeå stad ligger i västerbotten", {"Umeå": 1}),
        ("Lundby - Göteborgs Stad (2004)", {"Göteborg": 1}),
        ("Lena Tegenfeldt, Uddevalla kommun", {"Uddevalla": 1}),
        ("I detta sammanhang är Umeå kommun framgångsrikt", {"Umeå": 1}),
        ("ANALYS AV UMEÅ KOMMUN", {"Umeå": 1}),
        ("Falu kommun och Gotlands kommun", {"Falun": 1, "Gotland": 1}),
        # a name inside a longer word is not the name
        ("kommunen lagt en god grund för dialog med Umeåborna kring", {}),
        ("Läs mer om Umeåregionen och samarbetet", {}),
        ("Näringslivet, Umeåregionens kommuner, Landstinget och Umeå universitet", {"Umeå": 1}),
        ("Umeåkommun har en ambition och tradition", {}),
        ("Lundby - Göteborgs Stad (2004), Mora (2004)", {"Göteborg": 1, "Mora": 1}),
        # hyphenated compounds still name the city
        ("Bromma-Stockholms stad (2006)", {"Stockholm": 1}),
        ("Skarpnäck - Stockholms Stad (2004)", {"Stockholm": 1}),
        ("tågförbindelse med Stockholm/Göteborg, samt flygplatsen", {"Stockholm": 1, "Göteborg": 1}),
        ("Upplands-Bro och Dals-Ed", {"Upplands-Bro": 1, "Dals-Ed": 1}),
        # a district alone is not a municipality
        ("Hyllie, Järfälla (2006) Malmö Stad (2005)", {"Järfälla": 1, "Malmö": 1}),
        # ordinary words in lower case
        ("att vara lyhörd och öppen för diskussion", {}),
        ("Ett förbättringsområde skulle kunna vara att genomföra detta", {}),
        ("bygga på egen mark med en kil och en ale", {}),
        ("verktygen låg i boden vid berget", {}),
        # capitalized ordinary words and personal names where the context is not the place
        ("Vara tydlig med vad brukarna kan förvänta sig.", {}),
        ("Mark och vatten ska planeras långsiktigt.", {}),
        ("Boden var full av verktyg.", {}),
        ("Samtal med Mark Andersson och Anna Berg.", {}),
        ("Ales stenar ligger i Ystad", {"Ystad": 1}),
        # ... and where it is
        ("Vara kommun har utvärderats", {"Vara": 1}),
        ("Marks kommun samverkar med Borås", {"Mark": 1, "Borås": 1}),
        ("Ale (2006), Bollebygd (2004)", {"Ale": 1, "Bollebygd": 1}),
        ("Företaget flyttade till Vara från Boden.", {"Vara": 1, "Boden": 1}),
        ("i Berg finns en stark föreningstradition", {"Berg": 1}),
        ("nio andra norrkommuner Boden, Härnösand, Kalix", {"Boden": 1, "Härnösand": 1, "Kalix": 1}),
        ("Samverkan med Västerås, Trelleborg, Lund. och där", {"Västerås": 1, "Trelleborg": 1, "Lund": 1}),
        ("ett nätverk av kommuner som består av Luleå, Linköping, Uppsala och Lund", {"Luleå": 1, "Linköping": 1, "Uppsala": 1, "Lund": 1}),  # noqa: E501
        # places that are not Swedish municipalities
        ("färjeförbindelse till Vasa, Finland", {}),
        ("Harstad, Norge - Helsingör, Danmark - Oslo Universitet", {}),
        ("tätorter exempelvis Holmsund, Hörnefors och Sävar", {}),
        ("Utbildningen har genomförts med Holmsunds kommundel", {}),
        ("Sveriges Kommuner och Landsting, Västerbottens läns landsting", {}),
    ],
)  # fmt: skip
def test_matcher_snippets(snippet: str, expected: dict[str, int]) -> None:
    assert _named(snippet) == expected


def test_counts_first_line_and_subject() -> None:
    doc = doc_from("Analys av Umeå kommun\n\nSamverkan med Luleå.\nUmeås kommun och Luleå kommun")
    mentions = {m.municipality: m for m in extract_mentions(doc, subject_code="2480")}
    assert (mentions["Umeå"].count, mentions["Umeå"].first_line, mentions["Umeå"].is_subject) == (2, 1, True)
    assert (mentions["Luleå"].count, mentions["Luleå"].first_line, mentions["Luleå"].is_subject) == (
        2,
        3,
        False,
    )


def test_first_page_from_pdf_lines() -> None:
    lines = (Line("Kommunen samverkar med", 4, 2), Line("Skellefteå och Luleå.", 5, 2), Line("Luleå", 1, 3))
    doc = Document(lines=lines, input_format="pdf", pages=3)
    assert [(m.municipality, m.count, m.first_page, m.first_line) for m in extract_mentions(doc)] == [
        ("Skellefteå", 1, 2, 5),
        ("Luleå", 2, 2, 5),
    ]


def test_vara_at_the_start_of_a_wrapped_pdf_line_is_mid_sentence() -> None:
    lines = (Line("Företaget har sitt huvudkontor i", 1, 1), Line("Vara och filialer i Skara.", 2, 1))
    doc = Document(lines=lines, input_format="pdf", pages=1)
    assert {m.municipality for m in extract_mentions(doc)} == {"Vara", "Skara"}


def test_matcher_is_built_once() -> None:
    assert swedish_matcher() is swedish_matcher()


def test_norwegian_list_is_added_the_same_way() -> None:
    matcher = build_matcher(norwegian_municipalities(), lang="nb")
    doc = doc_from("Kommunekompasset er brukt i Tromsø og Harstad, og i Trondheims kommune.")
    # Norwegian names keep every official language form: "Harstad - Hárstták".
    named = {m.municipality.split(" - ")[0] for m in extract_mentions(doc, matcher=matcher)}
    assert named == {"Tromsø", "Harstad", "Trondheim"}


NETWORK_OF_FOUR = {"Luleå", "Linköping", "Uppsala", "Lund"}
NORTHERN_NETWORK = {
    "Boden", "Härnösand", "Kalix", "Piteå", "Skellefteå", "Sollefteå", "Sundsvall", "Örnsköldsvik", "Östersund",  # noqa: E501
}  # fmt: skip
UMEA_REGION = {"Umeå", "Bjurholm", "Lycksele", "Nordmaling", "Robertsfors", "Storuman", "Vindeln", "Vännäs"}


def test_umea_acceptance(umea: Extraction) -> None:
    mentions = {m.municipality: m for m in umea.mentions}
    assert len(umea.mentions) == 56
    assert [m.municipality_code for m in umea.mentions if m.is_subject] == ["2480"]
    listed = {e.municipality for e in umea.evaluations}
    assert len(listed) == 39
    assert NETWORK_OF_FOUR | NORTHERN_NETWORK | UMEA_REGION | listed <= set(mentions)
    # Socialförvaltningen compares itself with Trelleborg; nothing else is named.
    assert set(mentions) == NETWORK_OF_FOUR | NORTHERN_NETWORK | UMEA_REGION | listed | {"Trelleborg"}
    assert (mentions["Umeå"].first_line, mentions["Umeå"].count) == (9, 99)
    assert (mentions["Stockholm"].first_line, mentions["Stockholm"].count) == (60, 3)
    assert (mentions["Göteborg"].first_line, mentions["Göteborg"].count) == (60, 4)
    assert mentions["Uddevalla"].first_line == 22
    assert mentions["Ale"].first_line == 699
    assert all(
        m.municipality_code == m.municipality_code.strip() and len(m.municipality_code) == 4
        for m in umea.mentions
    )


def test_an_enumeration_of_thousands_of_names_takes_linear_time() -> None:
    """A regression: each ambiguous name of a long enumeration re-scanned all others (quadratic)."""
    plain = [m.name for m in swedish_municipalities() if m.name not in {"Vara", "Boden", "Ale"}]
    names = [("Vara", "Boden", "Ale")[i % 3] if i % 2 else plain[i % len(plain)] for i in range(20_000)]
    text = "Umeå jämförs med: " + ", ".join(names) + " och Umeå.\n"
    started = time.monotonic()
    found = {m.municipality for m in extract_mentions(doc_from(text), subject_code="2480")}
    assert time.monotonic() - started < 20  # about 0.5 s; quadratic took minutes
    assert {"Vara", "Boden", "Ale"} <= found  # each vouched for by its plain neighbours


def test_a_name_of_two_words_wrapped_over_two_lines() -> None:
    # pdftotext -raw of a paragraph (fuzz seed 130548): "… och Upplands" / "Väsby (2002)."
    lines = ["förutom Eskilstuna kommun: Umeå (2009, 2013) och Upplands", "Väsby (2002)."]
    doc = Document(tuple(Line(text, number) for number, text in enumerate(lines, 1)))
    assert [(m.municipality_code, m.first_line) for m in extract_mentions(doc)][-1] == ("0114", 1)
