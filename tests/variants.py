"""One-change variants of the corpus report, each with the output it must give.

Every variant changes one thing in ``corpus/umea_2007.txt`` the way another evaluator or word
processor would have printed it: a claim worded with other parts, an area heading in another form,
other list labels or bullets, the list of evaluated municipalities in another shape, page furniture
left in a text export. Its expected output is the original's facts (every table's values, without
page and line), adjusted where the change is meant to show (an upper-case heading is printed in
upper case). ``tests/test_variants.py`` digitizes each and compares.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from pipeline.model.records import Extraction

Facts = dict[str, list[tuple[Any, ...]]]
# Where a record was found, and the claim's sentence as printed, change with the layout.
_PLACE_FIELDS = frozenset({"page", "line", "first_page", "first_line", "sentence", "compared_with_previous"})


@dataclass(frozen=True)
class Variant:
    """A one-change variant: its name, its text and how its facts differ from the original's."""

    name: str
    text: str
    adjust: Callable[[Facts], Facts] = lambda facts: facts


def facts(extraction: Extraction) -> Facts:
    """What a report says, as comparable tuples: every record without where it was found."""

    def rows(records: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        return [
            tuple(value for name, value in dataclasses.asdict(record).items() if name not in _PLACE_FIELDS)
            for record in records
        ]

    findings = [
        (f.rule, str(f.severity), f.area, f.question_id, f.year, f.expected, f.found)
        for f in extraction.findings
    ]
    return {
        "area_scores": rows(extraction.area_scores),
        "year_totals": rows(extraction.year_totals),
        "question_scores": rows(extraction.question_scores),
        "sections": rows(tuple(h for h in extraction.area_headings if h.context == "section_heading")),
        "listed_questions": rows(extraction.listed_questions),
        "observations": rows(extraction.observations),
        "claims": rows(extraction.claims),
        "evaluations": rows(extraction.evaluations),
        "findings": sorted(findings, key=repr),
    }


# --- Swedish number words, for claims that spell their numbers -------------------------------------

_UNITS = ["", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]
_TENS = {
    2: "tjugo",
    3: "trettio",
    4: "fyrtio",
    5: "femtio",
    6: "sextio",
    7: "sjuttio",
    8: "åttio",
    9: "nittio",
}


def number_words(value: float) -> str:
    """A quantity as prose spells it: 73 gives "sjuttiotre", 79.5 "sjuttionio och en halv"."""
    whole = int(value)
    if whole == 1:
        text = "en"
    elif whole < len(_UNITS):
        text = _UNITS[whole]
    else:
        text = _TENS[whole // 10] + _UNITS[whole % 10]
    return f"{text} och en halv" if value != whole else text


def printed(value: float) -> str:
    return f"{value:g}".replace(".", ",")


# --- Claims ---------------------------------------------------------------------------------------


def _change_clause(change: float, year: int) -> str:
    amount = number_words(abs(change))
    if change > 0:
        return f"en förbättring med {amount} poäng sedan {year}"
    if change < 0:
        return f"en försämring med {amount} poäng sedan {year}"
    return f"oförändrat sedan {year}"


def _difference(change: float, year: int) -> str:
    amount = number_words(abs(change))
    if change > 0:
        return f"{amount} poäng högre än {year}"
    if change < 0:
        return f"{amount} poäng lägre än {year}"
    return f"samma resultat som {year}"


def _signed(change: float) -> str:
    return "±0" if change == 0 else f"+{printed(change)}" if change > 0 else f"−{printed(-change)}"


def _has_changed(change: float, year: int) -> str:
    amount = number_words(abs(change))
    if change > 0:
        return f"Jämfört med {year} har resultatet förbättrats med {amount} poäng"
    if change < 0:
        return f"Jämfört med {year} har resultatet försämrats med {amount} poäng"
    return f"Jämfört med {year} är resultatet oförändrat"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# Each claim form: (name, function of area name, score, change, year) giving the claim's sentences.
ClaimForm = Callable[[str, float, float, int], str]
CLAIM_FORMS: list[tuple[str, ClaimForm]] = [
    ("nar-av-100-mojliga", lambda n, s, c, y: f"Inom området {n} når kommunen {printed(s)} av 100 möjliga poäng, {_change_clause(c, y)}."),  # noqa: E501
    ("landar-pa-signed-parenthesis", lambda n, s, c, y: f"Inom området {n} landar kommunen på {printed(s)} poäng ({_signed(c)})."),  # noqa: E501
    ("hamnar-pa-next-sentence", lambda n, s, c, y: f"Inom området {n} hamnar kommunen på {printed(s)} poäng. {_capital(_change_clause(c, y))}."),  # noqa: E501
    ("far-difference", lambda n, s, c, y: f"Inom området {n} får kommunen {printed(s)} poäng, {_difference(c, y)}."),  # noqa: E501
    ("erhaller-parenthesis-with-year", lambda n, s, c, y: f"Inom området {n} erhåller kommunen {printed(s)} poäng av 100 möjliga ({_signed(c)} jämfört med {y})."),  # noqa: E501
    ("ger", lambda n, s, c, y: f"Bedömningen inom området {n} ger kommunen {printed(s)} poäng, {_change_clause(c, y)}."),  # noqa: E501
    ("resultatet-blev", lambda n, s, c, y: f"Resultatet inom området {n} blev {printed(s)} poäng, {_change_clause(c, y)}."),  # noqa: E501
    ("average-before-change", lambda n, s, c, y: f"Inom området {n} uppnår kommunen {printed(s)} poäng, tio poäng högre än genomsnittet för andra kommuner, och {_change_clause(c, y)}."),  # noqa: E501
    ("sverigesnitt-in-parenthesis", lambda n, s, c, y: f"Inom området {n} uppnår kommunen {printed(s)} poäng (Sverigesnittet 63). {_capital(_change_clause(c, y))}."),  # noqa: E501
    ("signed-in-prose", lambda n, s, c, y: f"Inom området {n} uppnår kommunen {printed(s)} poäng, {_signed(c)} poäng sedan {y}."),  # noqa: E501
    ("score-in-words", lambda n, s, c, y: f"Inom området {n} uppnår kommunen {number_words(s)} poäng. {_capital(_change_clause(c, y))}."),  # noqa: E501
    ("change-as-verb", lambda n, s, c, y: f"Inom området {n} uppnår kommunen {printed(s)} poäng. {_has_changed(c, y)}."),  # noqa: E501
    ("another-municipality-first", lambda n, s, c, y: f"Inom området {n} uppnår kommunen {printed(s)} poäng, fem poäng lägre än Nacka. {_capital(_change_clause(c, y))}."),  # noqa: E501
    ("no-break-space", lambda n, s, c, y: f"Inom området {n} uppnår kommunen {printed(s)}\u00a0poäng, {_change_clause(c, y)}."),  # noqa: E501
]  # fmt: skip

AREA_PHRASE = regex.compile(r"^Inom området (?P<name>.+?) uppnår kommunen")


def claim_variants(text: str, original: Extraction) -> Iterator[Variant]:
    """Every claim of the report rewritten in every claim form, one claim at a time."""
    for claim in original.claims:
        if claim.claimed_score is None or claim.claimed_change is None or claim.compared_with_year is None:
            continue
        match = AREA_PHRASE.match(claim.sentence)
        if match is None or claim.sentence not in text:
            continue
        for form_name, form in CLAIM_FORMS:
            sentence = form(
                match["name"], claim.claimed_score, claim.claimed_change, claim.compared_with_year
            )
            yield Variant(f"claim-{claim.area}-{form_name}", text.replace(claim.sentence, sentence, 1))


# --- Area headings --------------------------------------------------------------------------------

HEADING_LINE = regex.compile(r"^Område (?P<area>[1-8]) (?P<name>.+)$", regex.MULTILINE)
HEADING_FORMS: list[tuple[str, Callable[[int, str], str], bool]] = [
    ("bare-number", lambda n, name: f"{n} {name}", False),
    ("number-with-stop", lambda n, name: f"{n}. {name}", False),
    ("sub-chapter", lambda n, name: f"3.{n} {name}", False),
    ("huvudomrade-colon", lambda n, name: f"Huvudområde {n}: {name}", False),
    ("upper-case", lambda n, name: f"OMRÅDE {n} {name.upper()}", True),
    ("number-over-name", lambda n, name: f"Område {n}\n{name}", False),
    ("number-blank-name", lambda n, name: f"Område {n}\n\n{name}", False),
    ("markdown", lambda n, name: f"## Område {n} {name}", False),
    ("bold", lambda n, name: f"**Område {n} {name}**", False),
    ("dash", lambda n, name: f"Område {n} – {name}", False),
]


def _section_name(area: int, name: str) -> Callable[[Facts], Facts]:
    def adjust(facts: Facts) -> Facts:
        sections = [
            (a, name if a == area else printed_name, *rest) for a, printed_name, *rest in facts["sections"]
        ]
        return {**facts, "sections": sections}

    return adjust


def heading_variants(text: str) -> Iterator[Variant]:
    """Each area heading in each heading form, one heading at a time; then all by name alone."""
    headings = list(HEADING_LINE.finditer(text))
    for heading in headings:
        area, name = int(heading["area"]), heading["name"]
        for form_name, form, renames in HEADING_FORMS:
            changed = text[: heading.start()] + form(area, name) + text[heading.end() :]
            adjust = _section_name(area, name.upper()) if renames else (lambda facts: facts)
            yield Variant(f"heading-{area}-{form_name}", changed, adjust)
    yield Variant("headings-by-name-alone", HEADING_LINE.sub(lambda m: m["name"], text))
    yield Variant("headings-as-sub-chapters", HEADING_LINE.sub(lambda m: f"3.{m['area']} {m['name']}", text))


# --- List labels and bullets ----------------------------------------------------------------------

STRENGTH_LABELS = [
    "Starka sidor", "Starka områden", "STYRKOR", "Styrkor:", "**Styrkor**", "Kommunens styrkor",
    "Styrkor inom området", "Styrkeområden", "## Styrkor",
]  # fmt: skip
IMPROVEMENT_LABELS = [
    "Utvecklingsområden", "Förbättringsmöjligheter", "Svagheter", "Förbättringsförslag",
    "Områden att utveckla", "FÖRBÄTTRINGSOMRÅDEN", "Förbättringsområden:", "Utvecklingsmöjligheter",
    "Prioriterade förbättringsförslag",
    "Följande förbättringsområden har identifierats:",
]  # fmt: skip
LABEL_LINE = {"Styrkor": regex.compile(r"^Styrkor$", regex.MULTILINE),
              "Förbättringsområden": regex.compile(r"^Förbättringsområden$", regex.MULTILINE)}  # fmt: skip


def _nth_replaced(pattern: regex.Pattern[str], text: str, index: int, replacement: str) -> str:
    match = list(pattern.finditer(text))[index]
    return text[: match.start()] + replacement + text[match.end() :]


def _two_areas(form_number: int, areas: int) -> tuple[int, int]:
    """The two sections (0-based) a form is tried in: over the forms, every section gets its turn."""
    return form_number % areas, (form_number + areas // 2 - 1) % areas


def label_variants(text: str) -> Iterator[Variant]:
    """Each other wording of the two list labels, in two area sections, one at a time."""
    for original, labels in (("Styrkor", STRENGTH_LABELS), ("Förbättringsområden", IMPROVEMENT_LABELS)):
        pattern = LABEL_LINE[original]
        count = len(pattern.findall(text))
        for form_number, label in enumerate(labels):
            for index in _two_areas(form_number, count):
                marks = {"*": "bold", "#": "markdown", ":": "colon"}
                mark = next((name for char, name in marks.items() if char in label), "plain")
                words = regex.sub(r"\W+", "-", label).strip("-")
                slug = f"{words}-{mark}"
                yield Variant(f"label-{index + 1}-{slug}", _nth_replaced(pattern, text, index, label))


BOLD_ITEM = regex.compile(r"^- \*\*(?P<text>.+?)\*\*$", regex.MULTILINE)
BULLET_FORMS: list[tuple[str, Callable[[int, str], str]]] = [
    ("bullet", lambda i, t: f"• {t}"),
    ("second-level-o", lambda i, t: f"o {t}"),
    ("numbered-stop", lambda i, t: f"{i}. {t}"),
    ("numbered-parenthesis", lambda i, t: f"{i}) {t}"),
    ("numbered-both-parentheses", lambda i, t: f"({i}) {t}"),
    ("letters", lambda i, t: f"{'abcdefghijklmnop'[i - 1]}) {t}"),
    ("wingdings", lambda i, t: f"\uf0a7 {t}"),
    ("arrow", lambda i, t: f"➢ {t}"),
    ("asterisk", lambda i, t: f"* {t}"),
    ("en-dash", lambda i, t: f"– {t}"),
    ("plain-dash", lambda i, t: f"- {t}"),
    ("indented-bullet", lambda i, t: f"\t• {t}"),
    ("numbered-bold", lambda i, t: f"{i}. **{t}**"),
]


def bullet_variants(text: str) -> Iterator[Variant]:
    """The strengths and improvement areas of an area section in each bullet form, in two sections."""
    sections = list(HEADING_LINE.finditer(text))
    for form_number, (form_name, form) in enumerate(BULLET_FORMS):
        for position in _two_areas(form_number, len(sections)):
            heading = sections[position]
            following = sections[position + 1].start() if position + 1 < len(sections) else None
            end = following if following is not None else text.index("4 Poängsammanställning")
            changed = _renumbered(text[heading.start() : end], form)
            name = f"bullets-{heading['area']}-{form_name}"
            yield Variant(name, text[: heading.start()] + changed + text[end:])


def _renumbered(part: str, form: Callable[[int, str], str]) -> str:
    """``part`` with each run of bold items rewritten, numbered from 1 in each run."""
    lines = part.split("\n")
    number = 0
    for index, line in enumerate(lines):
        match = BOLD_ITEM.match(line)
        number = number + 1 if match else 0
        if match:
            lines[index] = form(number, match["text"])
    return "\n".join(lines)


# --- The list of evaluated municipalities --------------------------------------------------------

LIST_LINE = regex.compile(
    r"^(?P<before>.*?förutom Tyresö kommun:) (?P<entries>.+?\.) (?P<after>Alla dessa .*)$", regex.MULTILINE
)


def evaluation_list_variants(text: str, original: Extraction) -> Iterator[Variant]:
    """The list printed in other shapes: bullets, a Kommun/År table, one entry a line."""
    match = LIST_LINE.search(text)
    if match is None:
        return
    entries: dict[str, list[int]] = {}
    for evaluation in original.evaluations:
        entries.setdefault(evaluation.entry, [])
        if evaluation.year is not None:
            entries[evaluation.entry].append(evaluation.year)

    def years(entry: str, form: str) -> str:
        found = ", ".join(str(year) for year in entries[entry])
        return form.format(found) if found else ""

    shapes = {
        "dashes": "\n".join(f"- {e}{years(e, ' ({})')}" for e in entries),
        "bullets": "\n".join(f"• {e}{years(e, ' ({})')}" for e in entries),
        "table": "Kommun\tÅr\n" + "\n".join(f"{e}\t{years(e, '{}')}" for e in entries),
        "one-a-line": "\n".join(f"{e}{years(e, ' ({})')}" for e in entries),
        "one-a-line-bare-years": "\n".join(f"{e}{years(e, ' {}')}" for e in entries),
    }
    for shape, listing in shapes.items():
        changed = f"{match['before']}\n\n{listing}\n\n{match['after']}"
        yield Variant(f"evaluations-{shape}", text[: match.start()] + changed + text[match.end() :])
    closing = f"{match['before']}\n{shapes['one-a-line']}\n{match['after']}"
    yield Variant(
        "evaluations-one-a-line-closing-sentence-next", text[: match.start()] + closing + text[match.end() :]
    )


# --- Page furniture in text exports ---------------------------------------------------------------

FURNITURE = {
    "header-and-page-number": "\fUmeå kommun – Kommunkompassen 2007\n\n{page} (28)\n",
    "sida-av": "\fSida {page} av 28\n",
    "dashed-number": "\fKommunkompassen Umeå 2007\n- {page} -\n",
}
# Lines after which a page break is put: inside the summary table, a list, the score table, between
# paragraphs and before an area heading.
BREAK_AFTER = [
    "4 Ledning, decentralisering och delegering\t71,5\t82,5\t84,5",
    "- **Kommunhörnan.**",
    "2.3 Kan brukarna själva påverka serviceutbudet?\t20\t18\t"
    "6.3 Förekommer arbetsmiljöundersökningar?\t10\t9",
    "Information",
    "- **Sammanställ kommunens arbete på den internationella arenan.**",
]


def furniture_variants(text: str) -> Iterator[Variant]:
    """Page breaks with their furniture put into the text at places that must read on across them.

    A running header repeats on every page, so each variant also has it at the top of the file and
    before chapter 2, where nothing goes on across the break.
    """
    for style, furniture in FURNITURE.items():
        first_pages = (
            furniture.format(page=1).lstrip("\f")
            + "\n"
            + text.replace(
                "\n2 Umeå kommun i förhållande",
                f"\n{furniture.format(page=2)}\n2 Umeå kommun i förhållande",
                1,
            )
        )
        for position, anchor in enumerate(BREAK_AFTER):
            if f"\n{anchor}\n" not in text:
                continue
            page = furniture.format(page=position + 3)
            changed = first_pages.replace(f"\n{anchor}\n", f"\n{anchor}\n{page}", 1)
            yield Variant(f"furniture-{style}-{position + 1}", changed)
        everywhere = text
        for position, anchor in enumerate(BREAK_AFTER):
            everywhere = everywhere.replace(
                f"\n{anchor}\n", f"\n{anchor}\n{furniture.format(page=position + 3)}", 1
            )
        yield Variant(f"furniture-{style}-all", everywhere)


# --- Other habits ---------------------------------------------------------------------------------


def shape_2010_variants(text: str) -> Iterator[Variant]:
    """The area sections in the 2010 edition's shape: "Område N" over the name, "Allmänt", and the
    lists inside a "Sammanfattning <area>" part, under that era's label wordings."""
    names = {int(m["area"]): m["name"] for m in HEADING_LINE.finditer(text)}
    shaped = HEADING_LINE.sub(lambda m: f"Område {m['area']}\n{m['name']}\n\nAllmänt", text)
    parts = regex.split(r"(?m)^(?=Område [1-8]$)", shaped)
    for index, part in enumerate(parts):
        heading = regex.match(r"Område (?P<area>[1-8])$", part, regex.MULTILINE)
        if heading:
            summary = f"Sammanfattning {names[int(heading['area'])].casefold()}\n\nStyrkor"
            parts[index] = regex.sub(r"(?m)^Styrkor$", summary, part, count=1)
    shaped = "".join(parts)
    yield Variant("shape-2010", shaped)
    labelled = LABEL_LINE["Styrkor"].sub("Starka områden", shaped)
    yield Variant(
        "shape-2010-era-labels", LABEL_LINE["Förbättringsområden"].sub("Förbättringsförslag", labelled)
    )


def other_variants(text: str) -> Iterator[Variant]:
    """Line endings, spacing and markup the exports of other word processors have."""
    yield Variant("crlf", text.replace("\n", "\r\n"))
    yield Variant(
        "trailing-spaces", "\n".join(f"{line}  " if line.strip() else line for line in text.split("\n"))
    )
    yield Variant("markdown-headings", HEADING_LINE.sub(lambda m: f"### {m.group()}", text))
    yield Variant("no-bold-markup", text.replace("**", ""))


def all_variants(text: str, original: Extraction) -> list[Variant]:
    """Every one-change variant of the report ``text`` whose extraction is ``original``."""
    return [
        *claim_variants(text, original),
        *heading_variants(text),
        *label_variants(text),
        *bullet_variants(text),
        *evaluation_list_variants(text, original),
        *furniture_variants(text),
        *shape_2010_variants(text),
        *other_variants(text),
    ]
