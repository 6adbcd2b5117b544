"""Numbers as Swedish reports print them: decimal commas, spaces as thousands separators."""

from __future__ import annotations

import regex

# "7,5", "84,5", "12", "−1", "11 000": a number as printed in a table cell or in prose.
NUMBER = regex.compile(r"^[+\-−–]?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?$|^[+\-−–]?\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> float | None:
    """The value of a printed number ("7,5" gives 7.5), or ``None`` if the text is not a number.

    >>> parse_number("22,5")
    22.5
    >>> parse_number("") is None
    True
    """
    cleaned = text.strip()
    if not NUMBER.match(cleaned):
        return None
    cleaned = cleaned.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    cleaned = cleaned.replace("−", "-").replace("–", "-")
    return float(cleaned)


def is_number(text: str) -> bool:
    return parse_number(text) is not None


def format_number(value: float | None) -> str | None:
    """A number as plain text for messages and text columns: 78.0 gives "78", 7.5 gives "7.5"."""
    if value is None:
        return None
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"
