"""Area sections and lists in the forms other reports print them."""

from __future__ import annotations

import pytest

from extractors.observations import extract_observations, list_label
from extractors.sections import find_area_sections
from pipeline.model.document import Line
from tests.conftest import doc_from

HEADING = "Område 1 Offentlighet och demokratisk kontroll"


def texts(text: str) -> list[tuple[int, str, int, str]]:
    return [(o.area, o.kind, o.position, o.text) for o in extract_observations(doc_from(text))]


@pytest.mark.parametrize(
    ("heading", "area", "name"),
    [
        ("3.1 Offentlighet och demokratisk kontroll", 1, "Offentlighet och demokratisk kontroll"),
        ("3.5. Kontroll och rapportering", 5, "Kontroll och rapportering"),
        ("Offentlighet och demokratisk kontroll", 1, "Offentlighet och demokratisk kontroll"),
        ("PERSONALPOLITIK", 6, "PERSONALPOLITIK"),
        ("Område 2\n\nTillgänglighet och brukarorientering", 2, "Tillgänglighet och brukarorientering"),
        ("OMRÅDE 4\nLedning, decentralisering och delegering", 4, "Ledning, decentralisering och delegering"),
        ("**Kontroll och rapportering**", 5, "Kontroll och rapportering"),
    ],
)
def test_more_heading_forms(heading: str, area: int, name: str) -> None:
    [section] = find_area_sections(doc_from(f"{heading}\n\nText om området.\n"))
    assert (section.area, section.printed_name) == (area, name)


@pytest.mark.parametrize(
    "line",
    [
        "3.1 Hur informeras invånarna?",  # a question id, not a sub-chapter
        "5.1 Resultat",  # a sub-area whose number is not its area's
        "Sammanfattning offentlighet och demokratisk kontroll",  # names an area but heads a part
        "Offentlighet och demokratisk kontroll 56",  # a row of a results list
        "1. Offentlighet och demokratisk kontroll 61",
        "- Offentlighet och demokratisk kontroll",  # an item of the list of the eight areas
    ],
)
def test_still_not_headings(line: str) -> None:
    assert find_area_sections(doc_from(f"{line}\n\nText.\n")) == ()


def test_headings_by_name_alone_are_taken_in_order() -> None:
    doc = doc_from(
        "Offentlighet och demokratisk kontroll\n\nEtt.\n\nPersonalpolitik\n\nEn underrubrik.\n\n"
        "Tillgänglighet och brukarorientering\n\nTvå.\n\nKontroll och rapportering\n\nFem.\n"
    )
    assert [s.area for s in find_area_sections(doc)] == [1, 2, 5]


def test_numbered_headings_win_over_names_alone() -> None:
    doc = doc_from(
        f"{HEADING}\n\nEtt.\n\nPersonalpolitik\n\nUnderrubrik.\n\nOmråde 2 Tillgänglighet\n\nTvå.\n"
    )
    assert [s.area for s in find_area_sections(doc)] == [1, 2]


def test_table_of_contents_of_the_2010_shape_starts_nothing() -> None:
    doc = doc_from(
        "Område 1\nOffentlighet och demokrati .......6\nAllmänt.......6\n\n"
        "Område 1\nOffentlighet och demokrati\n\nAllmänt\n\nText.\n"
    )
    [section] = find_area_sections(doc)
    assert (section.area, section.printed_name, section.heading.number) == (
        1,
        "Offentlighet och demokrati",
        5,
    )


SHAPE_2010 = """3 Detaljerad genomgång i förhållande till Kommunkompassens åtta områden

Område 1
Offentlighet och demokrati

Allmänt

Kommunen informerar. Inom området uppnår kommunen 61 av 100 möjliga poäng (+7).

Information och dialog

Text om delområdet.

Sammanfattning offentlighet och demokrati

{strength_label}

{strengths}

{improvement_label}

{improvements}

Område 2
Tillgänglighet och brukarorientering

Allmänt

Text.

4 Översikt av poängfördelning
"""


@pytest.mark.parametrize(
    ("strength_label", "improvement_label"),
    [
        ("Styrkor", "Förbättringsområden"),
        ("Starka sidor", "Utvecklingsområden"),
        ("Starka områden", "Förbättringsmöjligheter"),
        ("STYRKOR", "SVAGHETER"),
        ("Kommunens styrkor inom området", "Förbättringsförslag"),
        ("Styrkor:", "Områden att utveckla:"),
        ("Utvärderarna vill särskilt lyfta fram följande styrkor:", "Prioriterade förbättringsförslag"),
    ],
)
@pytest.mark.parametrize(
    ("strengths", "improvements"),
    [
        ("- Presstrategin.\n- Hemsidan.", "- Medborgarförslag."),
        ("• Presstrategin.\n• Hemsidan.", "• Medborgarförslag."),
        ("1. Presstrategin.\n2. Hemsidan.", "1. Medborgarförslag."),
        ("1) Presstrategin.\n2) Hemsidan.", "1) Medborgarförslag."),
        ("a) Presstrategin.\nb) Hemsidan.", "a) Medborgarförslag."),
        ("o Presstrategin.\no Hemsidan.", "o Medborgarförslag."),
        ("\uf0a7 Presstrategin.\n\uf0a7 Hemsidan.", "➢ Medborgarförslag."),
    ],
)
def test_2010_shape(strength_label: str, improvement_label: str, strengths: str, improvements: str) -> None:
    text = SHAPE_2010.format(
        strength_label=strength_label,
        improvement_label=improvement_label,
        strengths=strengths,
        improvements=improvements,
    )
    sections = find_area_sections(doc_from(text))
    assert [(s.area, s.printed_name) for s in sections] == [
        (1, "Offentlighet och demokrati"),
        (2, "Tillgänglighet och brukarorientering"),
    ]
    assert texts(text) == [
        (1, "strength", 1, "Presstrategin."),
        (1, "strength", 2, "Hemsidan."),
        (1, "improvement", 1, "Medborgarförslag."),
    ]


def test_numbered_list_items_never_end_a_section() -> None:
    items = "\n".join(f"{n}. **Styrka nummer {n}**" for n in range(1, 7))
    text = (
        f"3 Detaljerad genomgång\n\n{HEADING}\n\nStyrkor\n\n{items}\n\nFörbättringsområden\n\n"
        "1. **Medborgarförslag**\n\nOmråde 2 Tillgänglighet och brukarorientering\n\nTvå.\n\n"
        "4 Poängsammanställning\n"
    )
    found = texts(text)
    assert [o[3] for o in found] == [f"Styrka nummer {n}" for n in range(1, 7)] + ["Medborgarförslag"]
    assert [s.area for s in find_area_sections(doc_from(text))] == [1, 2]


def test_a_known_chapter_after_a_numbered_list_ends_the_sections() -> None:
    text = (
        f"3 Detaljerad genomgång\n\n{HEADING}\n\nFörbättringsområden\n\n1. Ett.\n2. Två.\n3. Tre.\n\n"
        "4. Översikt av poängfördelning\n\nText.\n"
    )
    [section] = find_area_sections(doc_from(text))
    assert "4. Översikt av poängfördelning" not in [line.text for line in section.body]
    assert [o[3] for o in texts(text)] == ["Ett.", "Två.", "Tre."]


def test_second_level_bullets_are_items() -> None:
    text = f"{HEADING}\n\nStyrkor\n\n• Presstrategin.\n  o Pressmeddelanden varje vecka.\n• Hemsidan.\n"
    assert [o[3] for o in texts(text)] == ["Presstrategin.", "Pressmeddelanden varje vecka.", "Hemsidan."]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Förbättringsområden för offentlighet och demokrati", "improvement"),
        ("Styrkeområden", "strength"),
        ("Utvecklingsmöjligheter:", "improvement"),
        ("Följande förbättringsområden har identifierats:", "improvement"),
        ("Kommunen har både styrkor och svagheter:", None),
        ("Styrkor och svagheter i styrningen är många.", None),
    ],
)
def test_more_list_labels(line: str, kind: str | None) -> None:
    assert list_label(Line(line, 1)) == kind
