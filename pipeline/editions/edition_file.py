"""The declared structure of an edition file (``pipeline/editions/frameworks/*.toml``), checked on load.

An edition file is data that people edit by hand; a misspelt key or a number written as text must
stop kompass at once with the file and the key named, not turn into an edition that quietly checks
nothing. ``STRUCTURE`` declares every key: its type, whether it is required, and what it means.

    id = "kk2010"                    # required, text: the name ``reports.edition`` gives
    title = "..."                    # required, text
    first_year = 2010                # required, whole number: the first year the edition was used
    last_year = 2019                 # optional, whole number: the last year (absent: still in use)
    area_max = 100                   # optional, number: max points of every area (default 100)
    sources = ["https://..."]        # optional, list of text: where the facts come from
    [[areas]]                        # required, exactly the areas of the edition
    number = 1                       # required, whole number
    name = "..."                     # required, text: the edition's wording
    variants = ["..."]               # optional, list of text: other wordings reports print
    [[questions]]                    # optional: absent when the sub-areas are not publicly known
    id = "1.1"                       # required, text "<area>.<n>"
    max = 40                         # required, number
    text = "..."                     # required, text
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

import regex


class EditionFileError(ValueError):
    """An edition file does not have the declared structure; the message names the file and key."""


@dataclass(frozen=True)
class Key:
    kind: str  # "text", "whole", "number", "texts", "tables"
    required: bool
    meaning: str


TOP: dict[str, Key] = {
    "id": Key("text", True, "the edition's name in reports.framework"),
    "title": Key("text", True, "a readable title"),
    "first_year": Key("whole", True, "first year the edition was used"),
    "last_year": Key("whole", False, "last year the edition was used; absent while still in use"),
    "area_max": Key("number", False, "max points of every area"),
    "sources": Key("texts", False, "where the facts come from"),
    "areas": Key("tables", True, "the areas"),
    "questions": Key("tables", False, "the sub-areas with their max points, where known"),
}
AREA: dict[str, Key] = {
    "number": Key("whole", True, "the area's number"),
    "name": Key("text", True, "the edition's wording"),
    "variants": Key("texts", False, "other wordings reports print"),
}
QUESTION: dict[str, Key] = {
    "id": Key("text", True, "the sub-area id, <area>.<n>"),
    "max": Key("number", True, "max points"),
    "text": Key("text", True, "the sub-area's wording"),
}
STRUCTURE = {"": TOP, "areas": AREA, "questions": QUESTION}
QUESTION_ID = regex.compile(r"^(?P<area>\d+)\.\d{1,2}$")


def read_edition_file(name: str, text: str) -> dict[str, Any]:
    """The edition file ``name`` (its text given) as checked data, or :class:`EditionFileError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EditionFileError(f"{name}: not valid TOML: {exc}") from exc
    _check_table(name, "", data, TOP)
    for part in ("areas", "questions"):
        for index, entry in enumerate(data.get(part, ())):
            _check_table(name, f"{part}[{index}].", entry, STRUCTURE[part])
    _check_consistency(name, data)
    return data


def _check_table(name: str, prefix: str, table: dict[str, Any], keys: dict[str, Key]) -> None:
    for key in table:
        if key not in keys:
            raise EditionFileError(f"{name}: unknown key '{prefix}{key}' (known: {', '.join(keys)})")
    for key, spec in keys.items():
        if key not in table:
            if spec.required:
                raise EditionFileError(f"{name}: missing key '{prefix}{key}' ({spec.meaning})")
            continue
        if not _is_kind(table[key], spec.kind):
            raise EditionFileError(
                f"{name}: key '{prefix}{key}' must be {_KIND_WORDS[spec.kind]}, not {table[key]!r}"
            )


_KIND_WORDS = {
    "text": "text",
    "whole": "a whole number",
    "number": "a number",
    "texts": "a list of text",
    "tables": "a list of tables ([[...]])",
}


def _is_kind(value: object, kind: str) -> bool:
    if kind == "text":
        return isinstance(value, str) and bool(value.strip())
    if kind == "whole":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "texts":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _check_consistency(name: str, data: dict[str, Any]) -> None:
    numbers = [area["number"] for area in data["areas"]]
    if len(set(numbers)) != len(numbers) or not numbers:
        raise EditionFileError(f"{name}: key 'areas' must list each area number once, found {numbers}")
    last = data.get("last_year")
    if last is not None and last < data["first_year"]:
        raise EditionFileError(f"{name}: key 'last_year' ({last}) is before 'first_year'")
    for index, question in enumerate(data.get("questions", ())):
        match = QUESTION_ID.match(question["id"])
        if not match or int(match["area"]) not in numbers:
            raise EditionFileError(
                f"{name}: key 'questions[{index}].id' must be '<area>.<n>' of a listed area, "
                f"not {question['id']!r}"
            )
