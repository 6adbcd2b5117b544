"""The parts a claim in prose is built from: a score, a change and what the change is measured against.

Reports word the same claim in many ways ("uppnår kommunen 73 poäng", "landar på 73 av 100
möjliga poäng", "73 poäng (+7)", "en förbättring med sju poäng", "tre poäng lägre än 2005"), so a
claim is recognised from its parts, each a small pattern, rather than from whole sentences:

- the score: a quantity (digits or Swedish number words) with "poäng", optionally out of 100
  ("av 100 möjliga"), after a verb that gives it ("uppnår", "når", "landar på", "ger", ...);
- the change: a direction (a word such as "förbättring", "lägre", "tappat", or a printed sign)
  with an amount;
- what the change is measured against: another year ("sedan 2005") makes it a change; an average
  ("jämfört med genomsnittet", "Sverigesnittet") or another municipality makes it a comparison,
  which is no change.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.model.municipalities import swedish_municipalities
from pipeline.model.numbers import QUANTITY_PATTERN, parse_number, parse_quantity

_Q = QUANTITY_PATTERN
_FLAGS = regex.IGNORECASE

# "av 100", "av totalt 100 möjliga", "av maximalt 100": the area's maximum after a score.
_OUT_OF = r"(?:\s+av\s+(?:totalt\s+|maximalt\s+|max\s+|möjliga\s+)?100(?:\s+möjliga)?)"
# "73 poäng", "73 av 100 möjliga poäng", "73 poäng av 100 möjliga", "73 (av 100) poäng".
SCORE = rf"(?P<score>{_Q})(?:{_OUT_OF}|\s*\(av\s+100\))?\s+poäng\b(?:{_OUT_OF}(?:\s+poäng\b)?)?"
# Verbs that give the area its score, in the tenses reports use.
_SCORE_VERB = (
    r"(?:uppnår|uppnådde|uppnått|erhåller|erhöll|erhållit|får|fick|fått|når|nådde|nått|landar|landade|"
    r"hamnar|hamnade|slutar|slutade|ger|gav|gett|givit|tilldelas|tilldelades|uppgår|uppgick|noteras|"
    r"summeras|samlar|samlade|presterar|tar|tog|belönas)"
)
# "resultatet blev 73 poäng", "poängen inom området är 73 poäng".
_RESULT_IS = (
    r"(?:resultatet|poängen|totalpoängen|poängsumman|utfallet)(?:\s+[\p{L},–-]+){0,8}?\s+(?:är|blev|blir|var)"
)
SCORE_CLAIM = regex.compile(
    rf"\b(?:{_SCORE_VERB}|{_RESULT_IS})\b(?:\s+\p{{L}}+){{0,4}}?\s+{SCORE}",
    _FLAGS,
)

# An average of other municipalities, the thing a comparison (not a change) is measured against.
AVERAGE = regex.compile(
    r"\b(?:(?!avsnitt)\p{L}*snitt\p{L}*|medel\p{L}*|median\p{L}*|(?:andra|övriga|jämförbara|"
    r"liknande|samtliga)\s+(?:\p{L}+\s+)?kommun\p{L}*|jämförelsekommun\p{L}*|kommungrupp\p{L}*|"
    r"\d+\s+(?:\p{L}+\s+)?kommun(?:er|erna)\b|riket|landet)",
    _FLAGS,
)
# "än Nacka", "jämfört med Tyresö kommun": another municipality named as what is compared with.
COMPARED_PLACE = regex.compile(
    r"\b(?:än|jämfört\s+med|i\s+jämförelse\s+med|i\s+förhållande\s+till|mot)\s+"
    r"(?P<place>\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)*)"
)
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# What bounds the clause a change or comparison stands in.
CLAUSE_BREAK = regex.compile(r"[,;:()]|\s(?:och|men|medan|samt|vilket|som)\s", _FLAGS)

_AMOUNT = rf"(?:(?P<q>{_Q})|(?P<signed>[+\-−–]\s?\d+(?:[.,]\d+)?))\s+poäng"
_UP_NOUN = r"(?:förbättring|ökning|höjning|uppgång|förstärkning)"
_DOWN_NOUN = r"(?:försämring|minskning|sänkning|nedgång|tillbakagång|försvagning)"
_UP_VERB = (
    r"(?:förbättrat|förbättrats|förbättrade|förbättrar|förbättras|ökat|ökade|ökar|höjt|höjts|höjde|höjer|"
    r"höjs|stigit|steg|stiger|klättrat|klättrar|avancerat|avancerar|(?:gått|går|gick)\s+upp)"
)
_DOWN_VERB = (
    r"(?:försämrat|försämrats|försämrades|försämras|försämrar|minskat|minskade|minskar|sänkts|sänkt|"
    r"sjunkit|sjönk|sjunker|tappat|tappade|tappar|backat|backade|backar|fallit|föll|faller|"
    r"(?:gått|går|gick)\s+(?:ner|ned|tillbaka))"
)
_UP_AFTER = r"(?:högre|bättre|mer|fler|förbättring|ökning|upp|över)"
_DOWN_AFTER = r"(?:mindre|lägre|sämre|färre|försämring|minskning|ner|ned|under)"


def _phrase(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, _FLAGS)


# Each change phrase with the sign it gives its amount; 0 for a phrase that says "no change".
# A printed sign (group ``signed``) overrides the phrase's.
CHANGE_PHRASES: tuple[tuple[regex.Pattern[str], int], ...] = (
    (_phrase(rf"\b{_UP_NOUN}(?:en)?\s+(?:med|på|om)\s+{_AMOUNT}"), 1),
    (_phrase(rf"\b{_DOWN_NOUN}(?:en)?\s+(?:med|på|om)\s+{_AMOUNT}"), -1),
    (_phrase(rf"\b(?:förändring|skillnad|ändring)(?:en)?\s+(?:med|på|om)\s+{_AMOUNT}"), 1),
    (_phrase(rf"\b{_UP_VERB}\b(?:\s+\p{{L}}+){{0,3}}?\s+(?:med\s+)?{_AMOUNT}"), 1),
    (_phrase(rf"\b{_DOWN_VERB}\b(?:\s+\p{{L}}+){{0,3}}?\s+(?:med\s+)?{_AMOUNT}"), -1),
    (_phrase(rf"{_AMOUNT}s?\s+{_UP_AFTER}\b"), 1),
    (_phrase(rf"{_AMOUNT}s?\s+{_DOWN_AFTER}\b"), -1),
    (_phrase(rf"\bplus\s+{_AMOUNT}"), 1),
    (_phrase(rf"\bminus\s+{_AMOUNT}"), -1),
    # "73 poäng (+7)", "(−2 poäng sedan 2005)", "(±0)": a signed change in parentheses; a
    # percentage ("(+44 %)") is a change of another unit and is not read.
    (
        _phrase(
            r"\((?P<signed>[+\-−–±]\s?\d+(?:[.,]\d+)?)(?:\s*(?:poäng|p\.?))?(?![\d.,]|\s*%)"
            r"(?P<rest>[^()%]{0,60})\)"
        ),
        1,
    ),
    # "+7 poäng" in running text.
    (_phrase(r"(?<![\w(])(?P<signed>[+\-−–±]\s?\d+(?:[.,]\d+)?)\s+poäng"), 1),
    (
        _phrase(
            r"\b(?:likvärdig[at]?\s+resultat|samma\s+(?:resultat|poäng|poängnivå)|oförändra[dt]e?|"
            r"ingen\s+(?:förändring|skillnad))\b"
        ),
        0,
    ),
)


@dataclass(frozen=True)
class ChangePhrase:
    """A change or comparison found in a sentence: its signed value and where it stands."""

    value: float
    span: tuple[int, int]
    is_comparison: bool
    # The whole phrase; for a parenthesis ``span`` stops at the amount, so that a year printed
    # inside it ("(+7 jämfört med 2003)") counts as named after the change.
    extent: tuple[int, int]


def change_phrases(text: str, start: int, end: int) -> list[ChangePhrase]:
    """Every change or comparison in ``text[start:end]``, in order, overlapping ones dropped."""
    found: list[ChangePhrase] = []
    matches = sorted(
        ((match, sign) for pattern, sign in CHANGE_PHRASES for match in pattern.finditer(text, start, end)),
        key=lambda item: (item[0].start(), -item[0].end()),
    )
    for match, sign in matches:
        if found and match.start() < found[-1].extent[1]:
            continue
        value = _value(match, sign)
        if value is None:
            continue
        in_parentheses = match.groupdict().get("rest") is not None
        span = (match.start(), match.end("signed")) if in_parentheses else match.span()
        comparison = _is_comparison(text, match.span(), start, end)
        found.append(ChangePhrase(value, span, comparison, match.span()))
    return found


def _value(match: regex.Match[str], sign: int) -> float | None:
    groups = match.groupdict()
    if groups.get("signed"):
        printed = groups["signed"].replace(" ", "")
        if printed.startswith("±"):
            return 0.0
        return parse_number(printed)
    if sign == 0:
        return 0.0
    quantity = parse_quantity(groups["q"]) if groups.get("q") else None
    return sign * quantity if quantity is not None else None


def _is_comparison(text: str, span: tuple[int, int], start: int, end: int) -> bool:
    """Whether the clause of the phrase at ``span`` measures against an average or another place."""
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, start, span[0])), default=start)
    if text[span[1] - 1 : span[1]] == ")":
        clause_end = span[1]  # a parenthesis is its own clause
        clause_start = span[0]
    else:
        following = CLAUSE_BREAK.search(text, span[1], end)
        clause_end = following.start() if following else end
    clause = text[clause_start:clause_end]
    if AVERAGE.search(clause):
        return True
    if YEAR.search(clause):
        return False
    registry = swedish_municipalities()
    return any(registry.lookup(m["place"]) is not None for m in COMPARED_PLACE.finditer(clause))


def score_is_an_average(text: str, sentence_start: int, match: regex.Match[str]) -> bool:
    """Whether a score claim is said of an average ("snittet landar på 63 poäng"), not the area."""
    clause_start = max(
        (m.end() for m in CLAUSE_BREAK.finditer(text, sentence_start, match.start())), default=sentence_start
    )
    return bool(AVERAGE.search(text, clause_start, match.start("score")))
