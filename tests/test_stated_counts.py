"""Stated numbers of municipalities followed by their names."""

from __future__ import annotations

import pytest
from conftest import doc_from

from extractors.stated_counts import extract_stated_counts


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("Umeåregionen är ett kommunalt samarbete mellan de sex kommunerna: Umeå, Bjurholm, Lycksele, Nordmaling, Robertsfors, Storuman, Vindeln och Vännäs. Ett av målen", [(6, "de sex kommunerna", 8)]),  # noqa: E501
        ("Kommunen deltar även i det nationella Jämförelseprojektet i ett nätverk bestående av nio andra norrkommuner Boden, Härnösand, Kalix, Piteå, Skellefteå, Sollefteå, Sundsvall, Örnsköldsvik och Östersund.", [(9, "nio andra norrkommuner", 9)]),  # noqa: E501
        ("Samarbetet omfattar 3 kommuner: Luleå, Piteå samt Boden.", [(3, "3 kommuner", 3)]),
        ("Sex kommuner: Umeå, Vännäs och Vindeln.", [(6, "Sex kommuner", 3)]),
        # a count with no names after it, or names that are not municipalities
        ("Umeås poäng jämförs med de fem kommuner som nominerades till Sveriges kvalitetskommun 2007.", []),
        ("en upplysningstjänst gemensam för de sex kommunerna i regionen.", []),
        ("Sammanlagt har ett 100-tal kommuner utvärderats.", []),
        ("bevakas av två dagstidningar, Västerbottenkuriren och Västerbottens Folkblad.", []),
        ("de två nordiska kommunerna Harstad, Vasa och Helsingör", []),
    ],
)  # fmt: skip
def test_stated_counts(snippet: str, expected: list[tuple[int, str, int]]) -> None:
    found = extract_stated_counts(doc_from(snippet))
    assert [(s.stated, s.phrase, len(s.names)) for s in found] == expected


def test_names_as_printed() -> None:
    (found,) = extract_stated_counts(doc_from("de tre kommunerna: Upplands Väsby, Lilla Edet och Umeå."))
    assert found.names == ("Upplands Väsby", "Lilla Edet", "Umeå")
    assert found.line == 1
