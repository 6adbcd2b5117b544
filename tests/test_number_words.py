"""Swedish quantities in prose: digits with decimal commas and number words."""

from __future__ import annotations

import pytest
import regex

from pipeline.model.numbers import QUANTITY_PATTERN, parse_number, parse_number_words, parse_quantity

QUANTITY = regex.compile(QUANTITY_PATTERN)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("sju", 7),  # "En förbättring med sju poäng"
        ("tio", 10),  # "En förbättring med tio poäng"
        ("två", 2),  # "en förbättring med två poäng"
        ("åtta", 8),  # "en förbättring med åtta poäng"
        ("fyra", 4),  # "en förbättring med fyra poäng"
        ("en", 1),  # "en poäng mindre"
        ("ett", 1),
        ("två och en halv", 2.5),
        ("fyra och ett halvt", 4.5),
        ("en och en halv", 1.5),
        ("halvannan", 1.5),
        ("en halv", 0.5),
        ("elva", 11),
        ("sexton", 16),
        ("nitton", 19),
        ("tjugo", 20),
        ("tjugoen", 21),
        ("tjugofem", 25),
        ("sjuttiotre", 73),
        ("nittioåtta", 98),
        ("hundra", 100),
        ("etthundra", 100),
        ("Sju", 7),
        ("två  och en halv", 2.5),
    ],
)
def test_number_words(text: str, value: float) -> None:
    assert parse_number_words(text) == value
    assert parse_quantity(text) == value


@pytest.mark.parametrize("text", ["", "poäng", "sjuttiotio", "tvåa", "en en", "och en halv", "halva"])
def test_not_number_words(text: str) -> None:
    assert parse_number_words(text) is None


@pytest.mark.parametrize(("text", "value"), [("84,5", 84.5), ("79,5", 79.5), ("73", 73), ("7.5", 7.5)])
def test_quantity_in_digits(text: str, value: float) -> None:
    assert parse_quantity(text) == value


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        ("uppnår kommunen 84,5 poäng en förbättring", "84,5"),
        ("En förbättring med sju poäng i förhållande", "sju"),
        ("vilket är en poäng mindre", "en"),
        ("en förbättring med två och en halv poäng", "två och en halv"),
        ("en ökning med sexton poäng", "sexton"),
        ("en minskning med en halv poäng", "en halv"),
    ],
)
def test_quantity_pattern_finds_the_whole_quantity(sentence: str, quantity: str) -> None:
    found = [match.group() for match in QUANTITY.finditer(sentence) if match.group() == quantity]
    assert found == [quantity]


@pytest.mark.parametrize("word", ["sexa", "tjugondel", "entré", "sjunde"])
def test_quantity_pattern_ignores_words_that_start_like_numbers(word: str) -> None:
    assert QUANTITY.search(word) is None


def test_parse_number_unchanged() -> None:
    assert parse_number("22,5") == 22.5
    assert parse_number("sju") is None
