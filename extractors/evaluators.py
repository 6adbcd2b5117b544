"""The evaluators named on a title page, in every form the reports use.

    Leif Eldås, Sveriges Kommuner och Landsting          (one per line, 2002-2009)
    Utvärderare: Märit Melbi, Sveriges Kommuner och Landsting, Lena Tegenfeldt,
    Orust kommun                                          (several on one line, wrapped)
    Leif Eldås, Bengt-Olof Knuttson och Anders Norrlid, SKL   (names sharing an organisation)
    UTVÄRDERARE: LARS STRID (F.D. SKL) OCH JOSEPHINE HÄRDIN   (upper case, organisation in brackets)
    Eva Fiktiv                                            (name and organisation on separate lines)
    Sveriges Kommuner och Landsting

A line is split into items at commas and at "och" before a person's name. An item is a person's
name when it is two to four capitalised words none of which is a word of titles or organisations;
the items after a name up to the next name are its organisation. Names and organisations are kept
as printed (upper case stays upper case).
"""

from __future__ import annotations

import regex

from extractors.dates import MONTHS
from pipeline.model.document import Line
from pipeline.model.records import Evaluator

LABEL = regex.compile(r"^\s*utvärderare\s*:?\s*", regex.IGNORECASE)
_OCH = regex.compile(r"(\s+och\s+)", regex.IGNORECASE)
_NAME_WORD = regex.compile(r"^(?:\p{Lu}\.|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*|\p{Lu}{2,}(?:-\p{Lu}{2,})*)$")
_BRACKETED = regex.compile(r"^(?P<name>.+?)\s*\((?P<org>[^()]+)\)$")
# Words of titles, headings and organisations, never of a person's name.
NOT_NAME_WORDS = frozenset({
    "analys", "av", "rapport", "kommunkompassen", "kompassen", "kommun", "kommuner", "kommunen", "stad",
    "staden", "innehåll", "sveriges", "landsting", "regioner", "region", "skl", "skr", "utvärderare",
    "sektionen", "avdelningen", "och", "för", "kommunförbundet", "svenska", "konsult", "senior",
    "universitet", "högskola", *MONTHS,
})  # fmt: skip
ORG_WORDS = regex.compile(
    r"\b(?:kommun\w*|stad|landsting|regioner|region|skl|skr|konsult|universitet\w*|högskola\w*|"
    r"förbund\w*|lt|län)\b",
    regex.IGNORECASE,
)
_DIGIT_START = regex.compile(r"^\s*\d")
ACRONYM = regex.compile(r"^\p{Lu}{2,4}$")

Item = tuple[str, str | None]  # (text, "person" | None); a person may carry a bracketed organisation


def is_person(item: str) -> bool:
    """Whether ``item`` reads as a person's name ("J. Henrik Bergström", "LISA PÅHITT")."""
    words = item.split()
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.match(word) for word in words)
        and not any(word.casefold().rstrip(".") in NOT_NAME_WORDS for word in words)
    )


def split_items(text: str) -> list[str]:
    """Comma-separated items, an item split again at "och" where a person's name follows."""
    items: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        pieces = _OCH.split(part)  # text, separator, text, separator, ...
        current = pieces[0]
        for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
            if is_person(_person_part(piece)):
                items.append(current)
                current = piece
            else:
                current = f"{current}{separator}{piece}"  # "Sveriges Kommuner och Landsting"
        items.append(current)
    cleaned = [item.strip().rstrip(".") for item in items if item.strip()]
    return [part for item in cleaned for part in _name_then_organisation(item)]


def _name_then_organisation(item: str) -> list[str]:
    """ "Gustav Påhittad Härnösands kommun" (a PDF line joining a name and its organisation) as
    name and organisation; any other item as it is. The organisation must read as one: two words
    or more starting with a capital ("Härnösands kommun"), or an acronym ("SKL")."""
    words = item.split()
    if is_person(item) or len(words) < 3:
        return [item]
    for size in (4, 3, 2):
        name, rest = words[:size], words[size:]
        organisation = " ".join(rest)
        readable = (len(rest) >= 2 and rest[0][:1].isupper()) or ACRONYM.match(organisation)
        if rest and readable and is_person(" ".join(name)) and ORG_WORDS.search(organisation):
            return [" ".join(name), organisation]
    return [item]


def extract_evaluators(lines: list[Line]) -> tuple[Evaluator, ...]:
    """Every evaluator named in ``lines`` (the title page), in order."""
    found: list[Evaluator] = []
    waiting: list[tuple[str, Line]] = []  # names still without an organisation
    labelled = False  # the waiting names follow "Utvärderare:", so they are evaluators even alone
    for line in lines:
        text = line.stripped
        if LABEL.match(text):
            labelled, text = True, LABEL.sub("", text)
            if not text:
                continue
        items = split_items(text) if not _DIGIT_START.match(text) else []
        if any(is_person(_person_part(item)) for item in items):
            waiting = _read_line(items, line, found, waiting)
            continue
        if waiting and ORG_WORDS.search(text):
            found.extend(_with_organisation(waiting, [text.rstrip(",. ")]))
        elif labelled:
            found.extend(_with_organisation(waiting, []))
        waiting, labelled = [], False
    if labelled:
        found.extend(_with_organisation(waiting, []))
    return tuple(found)


def _person_part(item: str) -> str:
    match = _BRACKETED.match(item)
    return match["name"] if match else item


def _read_line(
    items: list[str], line: Line, found: list[Evaluator], waiting: list[tuple[str, Line]]
) -> list[tuple[str, Line]]:
    """Read a line's items into ``found``; return the names left waiting for an organisation."""
    if not is_person(_person_part(items[0])) and not waiting:
        return []  # a line that does not start with a name is prose or a title, not a list
    organisation: list[str] = []
    for item in items:
        bracketed = _BRACKETED.match(item)
        if is_person(_person_part(item)):
            if organisation:
                found.extend(_with_organisation(waiting, organisation))
                waiting, organisation = [], []
            if bracketed:
                found.append(Evaluator(bracketed["name"], bracketed["org"].strip(), line.page, line.number))
            else:
                waiting.append((item, line))
        elif waiting:
            organisation.append(item)
    if organisation:
        found.extend(_with_organisation(waiting, organisation))
        return []
    return waiting


def _with_organisation(waiting: list[tuple[str, Line]], organisation: list[str]) -> list[Evaluator]:
    return [Evaluator(name, ", ".join(organisation), at.page, at.number) for name, at in waiting]
