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


# Swedish number words. Reports write small quantities in prose as words: "En förbättring med sju
# poäng", "vilket är en poäng mindre", "två och en halv poäng".
_UNIT_WORDS = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14,
    "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
}  # fmt: skip
_TEN_WORDS = {
    "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
    "nittio": 90,
}  # fmt: skip
_DIGIT_WORDS = ("en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio")


def _alternatives(words: dict[str, int] | tuple[str, ...]) -> str:
    # Longest first, so that "sexton" is not read as "sex" and "tretton" not as "tre".
    return "|".join(sorted(words, key=len, reverse=True))


# "sju", "tjugofem", "sjuttiotre", "hundra": a whole number in words (compounds are one word).
_WHOLE_WORDS = (
    rf"(?:(?:ett)?hundra|(?:{_alternatives(_TEN_WORDS)})(?:{_alternatives(_DIGIT_WORDS)})?"
    rf"|{_alternatives(_UNIT_WORDS)})"
)
_HALF_WORDS = r"(?:(?:en|ett)\s+)?halvt?"
# "två och en halv", "en halv", "halvannan", "sju": a quantity in words, as a regex fragment.
NUMBER_WORDS_PATTERN = (
    rf"(?<!\p{{L}})(?:halvannan|{_WHOLE_WORDS}\s+och\s+{_HALF_WORDS}|{_HALF_WORDS}|{_WHOLE_WORDS})(?!\p{{L}})"
)
# "84,5", "7", "sju", "två och en halv": a quantity in prose, digits or words, as a regex fragment.
QUANTITY_PATTERN = rf"(?:(?<![\d,.])\d+(?:[.,]\d+)?(?![\d]|[.,]\d)|{NUMBER_WORDS_PATTERN})"

NUMBER_WORDS = regex.compile(
    rf"^(?:(?P<halvannan>halvannan)|(?:(?P<whole>{_WHOLE_WORDS})\s+och\s+)?(?P<half>{_HALF_WORDS})"
    rf"|(?P<only>{_WHOLE_WORDS}))$"
)


def _whole_value(word: str) -> int:
    if word in _UNIT_WORDS:
        return _UNIT_WORDS[word]
    if word.endswith("hundra"):
        return 100
    tens = next(t for t in sorted(_TEN_WORDS, key=len, reverse=True) if word.startswith(t))
    rest = word[len(tens) :]
    return _TEN_WORDS[tens] + (_UNIT_WORDS[rest] if rest else 0)


def parse_number_words(text: str) -> float | None:
    """The value of a quantity written in Swedish words, or ``None`` if the text is not one.

    >>> parse_number_words("sju")
    7.0
    >>> parse_number_words("två och en halv")
    2.5
    >>> parse_number_words("sjuttiotre")
    73.0
    """
    words = " ".join(text.casefold().split())
    match = NUMBER_WORDS.match(words)
    if match is None:
        return None
    if match["halvannan"]:
        return 1.5
    if match["only"]:
        return float(_whole_value(match["only"]))
    whole = _whole_value(match["whole"]) if match["whole"] else 0
    return whole + 0.5


def parse_quantity(text: str) -> float | None:
    """A quantity as prose prints it, in digits ("84,5") or in words ("sju"), or ``None``."""
    value = parse_number(text)
    return value if value is not None else parse_number_words(text)
