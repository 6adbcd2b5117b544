"""Rules on the items of the strengths and improvement lists as read: an item whose words show it
was cut short or run into other text (a layout export's other column, the next list's label, a
sub-question's text, the next item whose bullet OCR misread), so that the list may hold other items
than were read; and an item holding a mark no printed item holds where OCR reads one from a speck on
the paper, so that its text may not be the one printed."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pipeline.editions.edition import Edition
from pipeline.model.marks import BULLET_GLYPH_CLASS
from pipeline.model.records import Extraction, Finding, Observation, Severity
from pipeline.model.specks import item_marks
from pipeline.validation.rule import Check, Rule, check

# A list's label or an area's heading inside an item, capitalized as a label is ("... mål
# Förbättringsområden 4 Ledarskap", "... program Starka sidor"); lower case it is an item's word.
_LABEL_INSIDE = regex.compile(
    r"\s(?:Styrkor|Starka\s+sidor|Starka\s+områden|Förbättringsområden|Förbättringsområde|"
    r"Utvecklingsområden|Utvecklingsområde|Förbättringsmöjligheter|Utvecklingsmöjligheter|Område\s+\d)\b"
)
# A sub-question's text: its id first ("2:2 Vilka åtgärder ...") or a question mark last.
_QUESTION = regex.compile(r"^\d{1,2}\s*[.:]\s*\d{1,2}\.?\s|\?\s*$")
# Words no item ends with: a preposition, conjunction, article or pronoun that waits for its
# phrase ("Tydligare koppling mellan budget och", "Samla resultatredovisningen på ett"), or a
# comma or hyphen.
_OPEN_END = regex.compile(
    r"(?:\s(?:och|samt|eller|men|med|av|för|på|i|till|om|från|vid|mellan|mot|genom|inom|under|hos|"
    r"utan|efter|en|ett|den|det|de|att|som|så|kring)|[,\-–])\s*$",
    regex.IGNORECASE,
)

# What ends an item taken together with a table's cell beside it: a sub-question id or a small
# number ("... program 5.4"; a year is an item's word), or a score table's header word ("... i
# nätverk Egna").
_TABLE_END = regex.compile(
    r"\s(?:\d{1,2}(?:[.:]\d{1,2})?\.?|\d{1,3}(?:,\d)?|Egna|Poäng|Maxpoäng|Max|Nr|Delområde|Summa)$"
)
# A bullet, an item's number before a capital ("3. Utveckla"), or a mark OCR reads for a bullet
# ("«", "<", "«<\"", a square read "s-") after an item's first word: the next item run into it. A
# printed item holds no such mark ("»" may open a quotation, a compound's hyphen joins a word to
# the word before it, "e-tjänster").
_BULLET_INSIDE = regex.compile(
    rf"\S\s+(?P<mark>\S*[«<>]\S*|\p{{Ll}}{{1,2}}-\p{{Lu}}\S*|{BULLET_GLYPH_CLASS}(?=\s)|\d{{1,2}}\.(?=\s+\p{{Lu}}))"
)

OBSERVATION_DOUBTFUL = Rule(
    "observation_doubtful", Severity.WARNING,
    "Area {area}: the {what} item \"{found}\" {reason}, and the list may hold other items than were read.",
    concerns=("area",),
    fires_when="an item of a strengths or improvement list as read holds a list's label or an area's "
    "heading after its first word, reads as a sub-question's text (its id first or a question mark "
    "last), or ends with a word that waits for more (\"och\", \"med\", \"på ett\"), a comma, or a table's "
    "cell (an id, a number that is no year, a score table's header word: \"Egna\"), holds a mark OCR reads "
    "for a bullet after its first word (\"«\", \"<\", \"s-Regional\": the next item run into it) or comes "
    "after such an item in its list (it may stand at another item's place), stands under a second list of "
    "its kind in one area section (an area's heading between them not read), or was printed beside "
    "the next list's label in the other column of a page a text export set side by side; at the item",
    loses_content=True,
)  # fmt: skip

_WHAT = {"strength": "strength", "improvement": "improvement area"}
_LISTS = {"strength": "strengths", "improvement": "improvement areas"}


_RUN_TOGETHER = "it was likely cut short or run into other text"
_SHIFTED = "it may stand at another item's place"


def _reason(item: Observation) -> str:
    text = " ".join(item.text.split())
    if (label := _LABEL_INSIDE.search(text)) is not None:
        return f'holds the heading "{label.group().strip()}": {_RUN_TOGETHER}'
    if _QUESTION.search(text):
        return f"reads as a sub-question's text: {_RUN_TOGETHER}"
    if (end := _OPEN_END.search(text) or _TABLE_END.search(text)) is not None:
        return f'ends with "{end.group().strip()}": {_RUN_TOGETHER}'
    if (bullet := _BULLET_INSIDE.search(text)) is not None:
        return f'holds "{bullet["mark"]}", a mark OCR reads for a bullet: {_RUN_TOGETHER}'
    if item.second_list:
        return (
            f"stands under the second list of {_LISTS.get(item.kind, item.kind)} in its area's section: the "
            "heading of another area between them may not have been read, and the item be that area's"
        )
    if item.other_column:
        return (
            "was printed beside the next list's label, in the other column of a page whose two columns "
            "the export set side by side: it was read as its own column's"
        )
    return ""


def observation_doubtful(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    # The first item of each list read with the next item run into it: the items after it stand
    # one place or more before their own.
    run_together: dict[tuple[int, str], str] = {}
    for item in extraction.observations:
        text = " ".join(item.text.split())
        reason = _reason(item)
        if not reason and (before := run_together.get((item.area, item.kind))) is not None:
            reason = f'comes after "{before}", read with the next item run into it: {_SHIFTED}'
        if _BULLET_INSIDE.search(text) is not None:
            run_together.setdefault((item.area, item.kind), text)
        if reason:
            yield OBSERVATION_DOUBTFUL.finding(
                area=item.area, found=text, page=item.page, line=item.line,
                what=_WHAT.get(item.kind, item.kind), reason=reason,
            )  # fmt: skip


OBSERVATION_MISREAD = Rule(
    "observation_misread", Severity.WARNING,
    "Area {area}: the {what} item \"{found}\" was read without the marks OCR read in \"{printed}\" "
    "({mark}), which no printed item holds there: most likely specks on the page; check the item "
    "against the page.",
    concerns=("area",),
    fires_when="OCR read an item of a strengths or improvement list with a mark that a speck on the page "
    "adds and no printed item holds there, and the item was read without it: a full stop or semicolon "
    "between two words, the second in lower case (\"av. verksamhet\"; an abbreviation's stop is none), "
    "a colon before or after a preposition or conjunction (\"arbete: med\", \"i: nätverk\"), a hyphen "
    "joining a word to one "
    "(\"styrmodell-med\"), a dash or stop glued to its first word (\"-Synpunktshantering\"), a hyphen a "
    "space after a word and glued to the next (\"Jämföra -resultat\") or an apostrophe after a word "
    "(\"samverkan' kring\") where the item quotes nothing; found: the "
    "item as read, the message shows it as OCR read it; at the item",
)  # fmt: skip


def observation_misread(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for item in extraction.observations:
        if item.read_as:
            printed = " ".join(item.read_as.split())
            yield OBSERVATION_MISREAD.finding(
                area=item.area, found=" ".join(item.text.split()), page=item.page, line=item.line,
                what=_WHAT.get(item.kind, item.kind), printed=printed, mark=item_marks(printed) or "a mark",
            )  # fmt: skip


CHECKS: tuple[Check, ...] = (
    check(observation_doubtful, OBSERVATION_DOUBTFUL),
    check(observation_misread, OBSERVATION_MISREAD),
)
