from __future__ import annotations

import pytest

from pipeline.model.numbers import format_number, parse_number


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("7,5", 7.5),  # 2.1's own points, decimal comma
        ("22,5", 22.5),
        ("69,5", 69.5),  # summary table, 2005
        ("40", 40.0),
        ("497", 497.0),
        (" 28 ", 28.0),
        ("11 000", 11000.0),  # "drygt 11 000 anställda"
        ("−1", -1.0),
        ("7.5", 7.5),
    ],
)
def test_parse_number_reads_printed_numbers(printed: str, value: float) -> None:
    assert parse_number(printed) == value


@pytest.mark.parametrize("printed", ["", "Max- poäng", "TOTALT", "7,5,5", "1.1 Hur", "2003, 2005", "12a"])
def test_parse_number_rejects_non_numbers(printed: str) -> None:
    assert parse_number(printed) is None


@pytest.mark.parametrize(("value", "text"), [(78.0, "78"), (7.5, "7.5"), (497.5, "497.5"), (None, None)])
def test_format_number(value: float | None, text: str | None) -> None:
    assert format_number(value) == text
