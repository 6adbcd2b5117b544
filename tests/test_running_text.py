"""Running text shared by the prose and flow readers: one rule for a hyphen at a line break, one
sentence splitter and one way from an offset back to its line."""

from __future__ import annotations

import pytest
from conftest import doc_from

from extractors.flow import clean, flow_of
from extractors.prose import RunningText, paragraphs, sentences

# Line 229 of the report as a PDF might wrap it: a word broken at a line end ("tillväxt-" +
# "skapande") and a compound whose hyphen stays because a conjunction follows ("medborgar-" + "och").
WRAPPED_229 = (
    "Övergripande mål och visioner är i huvudsak fokuserade på tillväxt-\n"
    "skapande och utveckling utifrån ett medborgar-\n"
    "och företagarperspektiv."
)
JOINED_229 = (
    "Övergripande mål och visioner är i huvudsak fokuserade på tillväxtskapande och utveckling "
    "utifrån ett medborgar- och företagarperspektiv."
)
# Line 541 of the report: several sentences, one with "bl.a." inside and one ending in a quote.
UMEA_541 = (
    'Umeå införde 2005 en utvärderings- och utmärkelseprocess för att kora "Årets arbetsplats". '
    "Det är en egenutvecklad utmärkelse som enskilda enheter kan ansöka om. Kommunen har utbildat "
    "examinatorer som utser vinnaren. Utmärkelse bygger på kriterier som finns hämtade bl.a. ur "
    "kommunens kvalitetslednings-/styrsystem och är en spännande drivkraft i kvalitetsutvecklingen."
)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Skarpnäck - Stock-\nholms Stad", "Skarpnäck - Stockholms Stad"),
        ("ett medborgar-\noch företagarperspektiv", "ett medborgar- och företagarperspektiv"),
        ("decentralisering och medborgar-\nrespektive brukarorientering", "decentralisering och medborgar- respektive brukarorientering"),  # noqa: E501
        ("Genomförs medborgar-\noch/eller brukarundersökningar?", "Genomförs medborgar- och/eller brukarundersökningar?"),  # noqa: E501
        ("kvalitetslednings-/styrsystem", "kvalitetslednings-/styrsystem"),
        ("de sex\nkommunerna", "de sex kommunerna"),
        ("Sunne (2005),\n\n  Svedala", "Sunne (2005), Svedala"),
        (WRAPPED_229, JOINED_229),
    ],
)  # fmt: skip
def test_clean_joins_broken_words_but_keeps_compound_hyphens(printed: str, expected: str) -> None:
    assert clean(printed) == expected


def test_paragraph_and_flow_join_a_wrapped_paragraph_alike() -> None:
    doc = doc_from(WRAPPED_229)
    (paragraph,) = paragraphs(doc.lines)
    assert paragraph.text == clean(flow_of(doc).text) == JOINED_229


@pytest.mark.parametrize("kind", ["paragraph", "flow"])
@pytest.mark.parametrize(
    ("word", "line_number"),
    [
        ("Övergripande", 1),
        ("tillväxt", 1),
        ("skapande", 2),  # the rest of "tillväxt-", on the next line
        ("utifrån", 2),
        ("och företagar", 3),
        ("perspektiv.", 3),
    ],
)
def test_line_at_names_the_line_a_word_was_printed_on(kind: str, word: str, line_number: int) -> None:
    doc = doc_from(WRAPPED_229)
    text: RunningText = paragraphs(doc.lines)[0] if kind == "paragraph" else flow_of(doc)
    assert text.line_at(text.text.index(word)).number == line_number


@pytest.mark.parametrize("kind", ["paragraph", "flow"])
def test_line_at_outside_the_text_is_the_first_or_last_line(kind: str) -> None:
    doc = doc_from(WRAPPED_229)
    text: RunningText = paragraphs(doc.lines)[0] if kind == "paragraph" else flow_of(doc)
    assert (text.line_at(-1).number, text.line_at(len(text.text) + 5).number) == (1, 3)


@pytest.mark.parametrize(
    ("snippet", "word", "sentence"),
    [
        # an abbreviation ("bl.a.", "t.ex.") does not end the sentence
        ("Kommunen har utbildat examinatorer som utser vinnaren. Utmärkelse bygger på kriterier som finns hämtade bl.a. ur kommunens kvalitetslednings-/styrsystem och är en spännande drivkraft.", "ur kommunens", "Utmärkelse bygger på kriterier som finns hämtade bl.a. ur kommunens kvalitetslednings-/styrsystem och är en spännande drivkraft."),  # noqa: E501
        ("Utöver detta finns det samverkansgrupper där kommunen medverkar riktat mot många olika intresseområden, som t.ex. skidsport, båtklubb, fotbollsklubb, m.m. Föreningsbyrån kan ge stöd genom rådgivning vid uppstart av föreningar.", "skidsport", "Utöver detta finns det samverkansgrupper där kommunen medverkar riktat mot många olika intresseområden, som t.ex. skidsport, båtklubb, fotbollsklubb, m.m."),  # noqa: E501
        # a question mark inside closing quotes ends it
        ("För att underlätta sökmöjligheter på hemsidan, finns en visuell och ”klickbar” guide ”Vem gör vad i kommunen?” Vanliga frågor och svar finns samlat under en gemensam rubrik.", "Vanliga", "Vanliga frågor och svar finns samlat under en gemensam rubrik."),  # noqa: E501
        ("Det är viktigt att framhålla att Kommunkompassen inte utvärderar verksamheten i sig utan sättet att leda den och sättet att samspela i organisationen. De åtta huvudområdena är:", ":", "De åtta huvudområdena är:"),  # noqa: E501
    ],
)  # fmt: skip
def test_sentence_around(snippet: str, word: str, sentence: str) -> None:
    flow = flow_of(doc_from(snippet))
    start, end = flow.sentence_around(flow.text.index(word))
    assert flow.text[start:end] == sentence


def test_sentence_around_agrees_with_sentences() -> None:
    flow = flow_of(doc_from(UMEA_541))
    spans = sentences(flow.text)
    assert len(spans) == 4
    for start, end in spans:
        assert {flow.sentence_around(offset) for offset in range(start, end)} == {(start, end)}
