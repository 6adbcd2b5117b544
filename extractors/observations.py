"""Strengths and improvement areas: the bullets under *Styrkor* and *Förbättringsområden*.

Every area section ends with two bulleted lists:

    Styrkor

    - **Kommunens etablerade styrmodell.**
    ...
    Förbättringsområden

    - **I tertialrapporteringen fortsätta utveckla avvikelser av verksamhet.**

Only lists under these labels are observations; other bullets in a section ("- Steg 1: Kommunen
kartlägger ...", the sub-question list) are not.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Collection, Sequence

import regex

from extractors.bullets import BULLET, BulletItem, read_bullet_list
from extractors.prose import heading_text
from extractors.sections import AreaSection, find_area_sections
from pipeline.editions.heading_words import LEAD_IN_WORDS, LIST_LABELS
from pipeline.model.document import Document, Line
from pipeline.model.records import Observation
from pipeline.model.specks import item_text

# The labels, on a line of their own (a colon may follow), in every wording reports use, and
# lead-ins ending in a colon that name one kind of list: see :mod:`pipeline.editions.heading_words`.
MAX_LEAD_IN_LENGTH = 120
# Words of a list label printed before its first item on one line.
MAX_LABEL_WORDS = 4
WORD = regex.compile(r"\S+")


def list_label(line: Line) -> str | None:
    """``strength`` or ``improvement`` if ``line`` is the label of such a list, else ``None``."""
    text = heading_text(line)
    if kind := next((kind for kind, pattern in LIST_LABELS.items() if pattern.match(text)), None):
        return kind
    if not text.endswith(":") or len(text) > MAX_LEAD_IN_LENGTH:
        return None
    named = [kind for kind, pattern in LEAD_IN_WORDS.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


def extract_observations(
    doc: Document, sections: Sequence[AreaSection] | None = None
) -> tuple[Observation, ...]:
    """Every strength and improvement area of every area section, in the order printed.

    ``position`` counts from 1 within an area and kind, across the sections of one area (a report
    may head an area twice, "Område 3 …" and later "Område 3 …, fortsättning"); ``page`` and
    ``line`` are those of the item's first line.
    """
    found: list[Observation] = []
    counts: Counter[tuple[int, str]] = Counter()
    for section in find_area_sections(doc) if sections is None else sections:
        found.extend(section_observations(section, counts, doc.scanned_pages))
    return tuple(found)


def section_observations(
    section: AreaSection,
    counts: Counter[tuple[int, str]] | None = None,
    scanned: Collection[int | None] = frozenset(),
) -> list[Observation]:
    """The strengths and improvement areas listed in one area section; ``counts`` holds the items
    of each (area, kind) before it, so that positions go on from them. An item on a page of
    ``scanned`` (read by OCR) is read without the marks a speck adds (``read_as`` keeps it as OCR
    read it); an item on a page whose text was printed is kept as printed."""
    found: list[Observation] = []
    counts = Counter() if counts is None else counts
    body = [part for line in section.body for part in _label_apart(line)]
    lists: list[tuple[Line, str, list[BulletItem]]] = []
    for index, line in enumerate(body):
        kind = list_label(line) or _label_with_a_full_stop(body, index)
        if kind is None:
            continue
        start = _past_page_foot(body, index + 1)
        items = read_bullet_list(body, start, ends_list=lambda line: list_label(line) is not None)
        lists.append((line, kind, items))
    moved = _items_to_their_column(lists)
    kinds_listed: set[str] = set()
    for _, kind, items in lists:
        second = kind in kinds_listed
        kinds_listed.update([kind] if items else [])
        for item in items:
            counts[(section.area, kind)] += 1
            position = counts[(section.area, kind)]
            at, crossed = item.first, id(item) in moved
            text = item_text(item.text) if at.page in scanned else item.text
            found.append(
                Observation(
                    section.area, kind, position, text, at.page, at.number, crossed,
                    read_as=item.text if text != item.text else "", second_list=second,
                )
            )  # fmt: skip
    return found


# Lines at a page's foot between a list's label and its first item on the next page: a running
# footer OCR misread on some pages, so not known as one ("fruns Landskrona 2022 sid 3").
PAGE_FOOT_LINES = 2


def _past_page_foot(body: Sequence[Line], start: int) -> int:
    """Where the list under a label that ends its page starts: past the few lines left below it on
    its page (a running footer not dropped; no list's label) when the next page's first line is a
    bullet; else ``start``."""
    texts = [index for index in range(start, len(body)) if not body[index].is_blank]
    if not texts or body[texts[0]].page is None or BULLET.match(body[texts[0]].text):
        return start
    page = body[texts[0]].page
    foot = list(itertools.takewhile(lambda index: body[index].page == page, texts))
    after = texts[len(foot)] if len(foot) < len(texts) else None
    label = body[start - 1] if start > 0 else None
    if (
        label is None or label.page != page or len(foot) > PAGE_FOOT_LINES
        or after is None or not BULLET.match(body[after].text)
        or any(list_label(body[index]) is not None or not _below(body[index], label) for index in foot)
    ):  # fmt: skip
        return start
    return after


def _below(line: Line, label: Line) -> bool:
    """Whether ``line`` stands below ``label`` on the page (a footer does; the other column's
    lines beside it may not)."""
    return line.bbox is not None and label.bbox is not None and line.bbox[1] >= label.bbox[3]


def _label_with_a_full_stop(body: Sequence[Line], index: int) -> str | None:
    """The kind of list a label with a full stop after it heads ("Styrkor inom området." on a scan,
    a speck beside it read as a stop), where a bulleted line follows it: a sentence of prose ending
    there is no list's label, a label over its list is one whatever mark was read after it."""
    text = heading_text(body[index])
    if not text.endswith(".") or text.endswith(".."):
        return None
    kind = next((kind for kind, pattern in LIST_LABELS.items() if pattern.match(text[:-1].rstrip())), None)
    following = next((line for line in body[index + 1 :] if not line.is_blank), None)
    return kind if following is not None and BULLET.match(following.text) else None


# A list's bullets stand from this many characters left of its label (a column split off a line
# may set a label further right than its items) ...
LABEL_LEFT_REACH = 3
# ... to this many right of it.
LABEL_RIGHT_REACH = 12
# A bullet this many characters left of its label or more stands a column's width from it: in
# the other column of a page whose two columns a text export set side by side. Split columns
# set a right column's label up to 11 characters right of its bullets (fuzz draws).
COLUMN_SHIFT = 20


def _items_to_their_column(lists: list[tuple[Line, str, list[BulletItem]]]) -> set[int]:
    """Give the items a text export read under the wrong label back to the list of their column;
    the ids of the items moved.

    Where a layout export prints a page's two columns side by side without their being parted,
    the left column's last list may go on beside the right column's next label ("Starka sidor" /
    "          Utvecklingsområden" / "  • Starkt och levande föreningsliv" / "          • Handlingar
    ..."): an item whose bullet stands a column's width left of its label belongs to the list
    before, whose label stands where its bullet does, and follows that list's items."""
    moved: set[int] = set()
    for (before, _, before_items), (label, _, items) in itertools.pairwise(lists):
        for item in list(items):
            offset, back = _label_offset(label, item.first), _label_offset(before, item.first)
            if (
                offset is not None and back is not None and offset <= -COLUMN_SHIFT
                and -LABEL_LEFT_REACH <= back <= LABEL_RIGHT_REACH
            ):  # fmt: skip
                items.remove(item)
                before_items.append(item)
                moved.add(id(item))
    return moved


def _label_offset(label: Line, item: Line) -> int | None:
    """How many characters the item's bullet stands right of its list's label in a text export
    (negative: left of it); ``None`` for a PDF's lines, which carry their place in ``bbox``, and for
    an item printed on its label's line."""
    if label.bbox is not None or item.bbox is not None:
        return None
    if (label.page, label.number) == (item.page, item.number):
        return None
    return _indent(item) - _indent(label)


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _label_apart(line: Line) -> tuple[Line, ...]:
    """A line that holds a list's label and its first item ("Förbättringsområden 1. Inför
    medborgarförslag", as a text export of a page in two columns runs them together) as the two
    lines it stands for; any other line as it is. A line of cells is no such line: a PDF's table
    cell beside the label may hold another column's item."""
    if "\t" in line.text:
        return (line,)
    ends = [word.end() for word in WORD.finditer(line.text)][: MAX_LABEL_WORDS + 1]
    for end in ends[:-1]:
        label, rest = line.text[:end].strip(), line.text[end:].strip()
        if list_label(Line(label, line.number)) is not None and BULLET.match(rest):
            return dataclasses.replace(line, text=label), dataclasses.replace(line, text=rest)
    return (line,)
