"""Stated numbers of municipalities followed by their names, so a rule can compare the two.

"Umeåregionen är ett kommunalt samarbete mellan de sex kommunerna: Umeå, Bjurholm, Lycksele,
Nordmaling, Robertsfors, Storuman, Vindeln och Vännäs" says six and names eight; "ett nätverk
bestående av nio andra norrkommuner Boden, Härnösand, ... och Östersund" says nine and names nine.
Only a number word right before a word for municipalities, followed at once by a list of names
ending in "och"/"samt", is taken; "de fem kommuner som nominerades" names none and is left alone.
"""

from __future__ import annotations

import regex

from extractors.flow import clean, flow_of
from pipeline.model.document import Document
from pipeline.model.municipalities import MunicipalityRegistry, swedish_municipalities
from pipeline.model.records import StatedCount

NUMBER_WORDS = {
    "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
    "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
    "arton": 18, "nitton": 19, "tjugo": 20,
}  # fmt: skip
_NUMBER = "(?i:" + "|".join(NUMBER_WORDS) + r")|\d{1,2}"
_NAME = r"\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*)?"
STATED_LIST = regex.compile(
    rf"(?P<phrase>\b(?:(?i:de|dessa|följande|alla)\s+)?(?P<count>{_NUMBER})\s+(?:\p{{Ll}}+\s+){{0,2}}?"
    r"\p{L}*(?:kommun(?:er|erna)|städer(?:na)?|stadsdel(?:ar|arna)))\b\s*:?\s*"
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+(?:och|samt)\s+{_NAME})"
)
NAME_SEPARATOR = regex.compile(r"\s*,\s*(?:(?:och|samt)\s+)?|\s+(?:och|samt)\s+")


def extract_stated_counts(
    doc: Document, registry: MunicipalityRegistry | None = None
) -> tuple[StatedCount, ...]:
    """Every stated number of municipalities that is followed by a list of their names.

    A list is only taken when most of its names are municipalities of ``registry``.
    """
    registry = registry or swedish_municipalities()
    flow = flow_of(doc)
    found: list[StatedCount] = []
    for match in STATED_LIST.finditer(flow.text):
        names = tuple(clean(name) for name in NAME_SEPARATOR.split(match["names"]) if name.strip())
        known = sum(1 for name in names if registry.lookup(name))
        if known * 2 <= len(names):
            continue
        count = match["count"]
        line = flow.line_at(match.start("phrase"))
        found.append(
            StatedCount(
                stated=int(count) if count.isdigit() else NUMBER_WORDS[count.casefold()],
                phrase=clean(match["phrase"]),
                names=names,
                page=line.page,
                line=line.number,
            )
        )
    return tuple(found)
