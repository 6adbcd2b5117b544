"""A page read by each line's own gap, where the export sets the right column anywhere between a
third and two thirds of the line (see the package's notes)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from pipeline.model.text_columns.spacing import (
    GAP,
    GLUED_VALUE,
    GLYPH_REACH,
    GUTTER,
    LETTER,
    MIDDLE,
    MIN_BOTH,
    ONE_SPACE,
    PROSE_SHARE,
    ROW_VALUES,
    Numbered,
    Reach,
    after_list_mark,
    table_numbers,
)

# Of a run's lines holding both columns read by each line's own gap, this many are parted by two
# spaces or more.
MIN_SPACED = 3
# A line without a gap may stand this many characters past the left column's longest half.
LEFT_SLACK = 2
# A left half of prose beside a right column's table values has at least this many words.
MIN_PROSE_WORDS = 3
# How far from the right column's edge (characters) a word one space after the left half may start.
SQUEEZE_REACH = 1

# A score table's value columns' header words, one space apart ("Poäng Maxpoäng", "Egna Max").
VALUE_HEADER = regex.compile(r"^(?:\s*(?:max\S*|egna|poäng))+\s*$", regex.IGNORECASE)
# A score table's label columns' header words ("Nr Delområde").
LABEL_HEADER = regex.compile(r"^(?:\s*(?:nr|delområde|delfråga|fråga))+\s*$", regex.IGNORECASE)
# A score table's row id alone on its line ("8.1", "4:2.") or the stop a narrow id cell broke off.
ROW_ID_ALONE = regex.compile(r"^\s*(?:\d{1,2}[.:]\d{1,2}[.:]?|\.)\s*$")

Halves = tuple[str, str, int] | None  # left text, right text, where the right one starts


def by_each_gap(lines: list[Numbered]) -> tuple[list[Numbered], Reach] | None:
    """The page read by each line's own gap (see the package's notes), and how much of it was read
    in columns; ``None`` if no run of lines is two columns."""
    width = max((len(text.rstrip()) for _, text in lines), default=0)
    third = int(MIDDLE[0] * width)
    # Where text with words starts past the first third, after a gap or an indent: mostly the
    # right column's edge (a table's value columns hold numbers).
    starts = Counter(
        gap.end()
        for _, text in lines
        for gap in regex.finditer(r"(?:^|(?<=\S)) {2,}(?=\S)", text)
        if gap.end() >= third and LETTER.search(text[gap.end() :].split("  ")[0])
    )
    if not starts:
        return None
    usual = starts.most_common(1)[0][0]
    # Every start of many lines: the right column's edge where the export shifted it down the page.
    edges = sorted(start for start, count in starts.items() if count >= MIN_BOTH) or [usual]
    halves = [_left_values_back(text, _halves(text, third, usual, edges)) for _, text in lines]
    both = [h for h in halves if h and h[0].strip() and h[1].strip()]
    if len(both) < MIN_BOTH:
        return None
    left_width = max(len(h[0].rstrip()) for h in both) + LEFT_SLACK
    halves = _left_headers(lines, _between_columns(lines, halves), usual)
    out: list[Numbered] = []
    run: list[tuple[int, Halves]] = []
    read = spanned = 0

    def flush() -> None:
        nonlocal read, spanned
        taken, count = _read_halves(run, lines)
        out.extend(taken)
        read += count
        spanned += len(run) if count else 0

    for (number, text), found in zip(lines, halves, strict=True):
        if found is None and text.strip() and len(text.rstrip()) <= left_width:
            found = (text.rstrip(), "", len(text))
        if found is None and text.strip():
            flush()
            run = []
            out.append((number, text))
        else:
            run.append((number, found))
    flush()
    return (out, (read, spanned)) if read else None


def _halves(text: str, third: int, usual: int, edges: Sequence[int] = ()) -> Halves:
    """The line's left and right halves by its own gap, the one past the first third nearest where
    the page's right column usually starts (a table in the left column has gaps of its own); or
    ``None``: blank lines give empty halves, and a line without such a gap, or whose right half is
    only numbers (a table's, not the end of a sentence), gives none."""
    if not text.strip():
        return ("", "", 0)
    indent = len(text) - len(text.lstrip(" "))
    gaps = [
        gap for gap in GAP.finditer(text) if gap.end() >= third and not after_list_mark(text, gap.start())
    ]
    header = _header_beside_values(text, indent, usual, gaps)
    if header is not None:
        return header
    if indent >= third and not any(abs(gap.end() - usual) < abs(indent - usual) for gap in gaps):
        # Indented past a third, the right column alone; unless a later gap stands nearer where the
        # right column starts (a left column's header cell, "Poäng", beside a right column's item).
        return ("", text.strip(), indent)
    for edge in edges or [usual]:
        squeezed = _squeezed_halves(text, edge)
        if squeezed is None or table_numbers(squeezed[1]):
            # Numbers alone one space past the edge are a table row's last values ("TOTALT  464,5
            # 449 453,5" on a page of two columns of prose), no right column's text.
            continue
        before = [gap for gap in gaps if gap.start() < squeezed[2]]
        row_values = bool(before) and all(ROW_VALUES.match(text[gap.end() : squeezed[2]]) for gap in before)
        opens = squeezed[1][:1].isupper() or squeezed[1][:1].isdigit()
        if (opens and not before) or row_values:
            # The line's gaps stand inside its right half (a heading or a header opens it), or
            # before the left half's last values: a left column's table row ending one space
            # before the right column's text.
            return squeezed
    if not gaps:
        return None
    side_by_side = _values_side_by_side(text, gaps)
    if side_by_side is not None:
        return side_by_side
    # The gap the gutter stands in parts the halves (the right column's first word may stand past
    # its edge: a centred table's header), else the gap ending nearest the edge.
    across = [gap for gap in gaps if gap.start() <= usual - GUTTER < gap.end()]
    gap = across[0] if across else min(gaps, key=lambda g: abs(g.end() - usual))
    right = text[gap.end() :].rstrip()
    left = text[: gap.start()].rstrip()
    if table_numbers(right) and not _prose_beside_values(left, gap.end(), usual):
        return None
    if VALUE_HEADER.match(right) and LABEL_HEADER.match(left):
        return None  # a left table's header, its value columns' words last ("Nr Delområde   Poäng Max")
    return (left, right, gap.end())


def _header_beside_values(text: str, indent: int, usual: int, gaps: Sequence[regex.Match[str]]) -> Halves:
    """A left table's header cell standing over its value columns, left of the right column's
    edge, beside a right table's values past that edge ("    Poäng            20   18"): parted at
    the gap before the values; else ``None``."""
    if not GUTTER <= indent < usual - GUTTER:
        return None
    past = [gap for gap in gaps if gap.end() >= usual + GLYPH_REACH]
    if not past or not table_numbers(text[past[0].end() :]):
        return None
    left = text[: past[0].start()].rstrip()
    if not LETTER.search(left) or GAP.search(left) or len(left) > usual - GUTTER:
        return None
    return (left, text[past[0].end() :].rstrip(), past[0].end())


# A right half opening with values set apart from its words ("12,5   Delområde"): the values are
# the left column's table's, its value columns reaching the right column's edge.
LEADING_VALUES = regex.compile(r"^([+\-−–]?\d+(?:,\d+)?%?(?: +[+\-−–]?\d+(?:,\d+)?%?)*) {2,}(?=\p{L})")
LAST_VALUE = regex.compile(r"(?:^|\s)[+\-−–]?\d+(?:,\d+)?%?$")


def _left_values_back(text: str, found: Halves) -> Halves:
    """``found`` with the values that open its right half ahead of that half's words given back to
    the left half, when the left half is empty or ends with a value itself: a score table in the
    left column sets its last values up to the right column's edge, so a line's cut may fall
    between a row's values ("synpunkts- och   20     12,5   Delområde   Max Egna"), or before a
    value the export ran into the right column's text ("12,5  20Förbättringsområden")."""
    if found is None or not found[1]:
        return found
    left, right, start = found
    values = LEADING_VALUES.match(right)
    if left.strip() and not LAST_VALUE.search(left.rstrip()):
        return found
    if values is None:
        glued = GLUED_VALUE.match(right) if left.strip() else None
        if glued is None:
            return found
        return (text[: start + glued.end()].rstrip(), right[glued.end() :], start + glued.end())
    return (text[: start + values.end(1)].rstrip(), right[values.end() :], start + values.end())


# The gutter between two tables' values on one line is this many times wider than any gap between
# one table's values.
GUTTER_RATIO = 3


def _values_side_by_side(text: str, gaps: Sequence[regex.Match[str]]) -> Halves:
    """A line of values only that holds two tables' values side by side, one in each column
    ("   30      11                        20    18"), parted at its widest gap: that gap is much
    wider than any other between its values (one wide table's columns stand evenly apart, and a
    line of two values has no other gap to tell by); else ``None``."""
    if not gaps or not ROW_VALUES.match(text):
        return None
    widest = max(gaps, key=lambda gap: len(gap.group()))
    others = [len(gap.group()) for gap in GAP.finditer(text) if gap.start() != widest.start()]
    if not others or any(GUTTER_RATIO * width >= len(widest.group()) for width in others):
        return None
    return (text[: widest.start()].rstrip(), text[widest.end() :].rstrip(), widest.end())


def _squeezed_halves(text: str, usual: int) -> Halves:
    """A line whose left half reaches the gutter, the right column's first word one space after it
    ("... Maxpoäng Nr  Delområde", "... Kommunkompassens Starka sidor"): the halves parted at the
    word that starts at the right column's edge; else ``None``."""
    for start in range(usual - SQUEEZE_REACH, usual + SQUEEZE_REACH + 1):
        if not 2 <= start < len(text) or text[start - 1] != " " or text[start - 2] == " ":
            continue
        if text[start].isalnum():
            return (text[: start - 1].rstrip(), text[start:].rstrip(), start)
    return None


def _prose_beside_values(left: str, start: int, usual: int) -> bool:
    """Whether a line's numbers are the values of a table in the right column beside a line of the
    left column's prose: they stand inside the right column, past where its text starts (a value
    cell, not the column's edge), and the left half is words, not a row's label with its id nor a
    row's label with values of its own ("TOTALT   800   435", a wide table's row cut among its
    values)."""
    words = [word for word in left.split() if LETTER.search(word)]
    return start >= usual + GLYPH_REACH and len(words) >= MIN_PROSE_WORDS and bool(LETTER.match(left.strip()))


def _read_halves(run: list[tuple[int, Halves]], lines: list[Numbered]) -> tuple[list[Numbered], int]:
    """The run's left halves, then its right ones (set from their leftmost start, so that a table in
    the right column keeps its alignment), if it is two columns: most lines hold words on both
    sides (prose, or a table's rows with their labels; one wide table's rows end the run at its
    numbers); else its lines as printed."""
    texts = dict(lines)
    both = [h for _, h in run if h and h[0].strip() and h[1].strip()]
    # A left half that is a row's id or its closing stop alone (a score table's wrapped row, "8.1"
    # or "." beside the right column's prose) counts with words: no wide table's row is so cut.
    words = [h for h in both if (LETTER.search(h[0]) or ROW_ID_ALONE.match(h[0])) and LETTER.search(h[1])]
    # The gutter shows as spaces on enough lines; a line parted where its words stand one space
    # apart counts only in a run the gutter shows in (one-column prose has such places by chance).
    spaced = [n for n, h in run if h and h[0].strip() and h[1].strip() and texts[n][: h[2]].endswith("  ")]
    if len(both) < MIN_BOTH or len(spaced) < MIN_SPACED or len(words) < PROSE_SHARE * len(both):
        return [(number, texts[number]) for number, _ in run], 0
    origin = min(h[2] for _, h in run if h and h[1].strip())
    left = [(n, h[0]) for n, h in run if h and (h[0].strip() or not h[1].strip())]
    right = [(n, " " * (h[2] - origin) + h[1]) for n, h in run if h and (h[1].strip() or not h[0].strip())]
    return [*left, *right], len(both)


TOUCH_SHIFT = 1
SENTENCE_END = regex.compile(r"[.!?:]$")


def _left_headers(lines: list[Numbered], halves: list[Halves], usual: int) -> list[Halves]:
    """``halves`` with a line kept whole in the left column where its gap stands well left of
    where the right column starts on the nearest lines above and below holding both columns (a
    right table's cells past the column's usual edge aside), and the line ends before that: a
    left table's header, its cells apart ("Delområde   Max Egna"), beside an empty stretch of
    the right column."""
    edges = [
        h[2] if h and h[0].strip() and h[1].strip() and h[2] <= usual + GLYPH_REACH else None for h in halves
    ]
    kept = list(halves)
    for index, ((_, text), found) in enumerate(zip(lines, halves, strict=True)):
        if edges[index] is None or found is None:
            continue
        above = next((e for e in reversed(edges[:index]) if e is not None), None)
        below = next((e for e in edges[index + 1 :] if e is not None), None)
        if above is None or below is None:
            continue
        edge = min(above, below)
        if found[2] < edge - GLYPH_REACH and len(text.rstrip()) < edge:
            kept[index] = (text.rstrip(), "", len(text.rstrip()))
    return kept


def _between_columns(lines: list[Numbered], halves: list[Halves]) -> list[Halves]:
    """``halves`` with the lines that have no gap of their own read by the right column's edge on
    the nearest lines above and below that hold it (a word processor's export sets that edge line
    by line, give or take a character):

    - a line that ends before the edge is the left column's alone, however wide the left halves
      beside the right column happen to be ("Området beskriver hur Härnösand stad arbetar");
    - a line that runs up to one space before the right column's text ("... i förhållande till
      kommunen som arbetsgivare") is parted there, where a word starts after a single space and
      what it leaves to the right reads as a line of that column: it opens a heading, a header or
      a row (a capital or a digit), ends a sentence, or is filled (the first word of the column's
      next line would not have fit on it). A sentence that merely
      crosses the edge ("... och nu en förbättring med 6 poäng i") stays whole;
    - a line that runs past the edge without a gap inside the right column's prose, its right
      column's words set a few characters left of the edge (``_pulled_edge``), is parted where
      they start.
    """
    edges = [h[2] if h and h[1].strip() else None for h in halves]
    rights = [h[1].strip() if h and h[1].strip() else None for h in halves]
    width = max((len(right) for right in rights if right), default=0)
    parted = list(halves)
    for index, ((_, text), found) in enumerate(zip(lines, halves, strict=True)):
        text = text.rstrip()
        if found is not None or not text:
            continue
        above = next((e for e in reversed(edges[:index]) if e is not None), None)
        below = next((e for e in edges[index + 1 :] if e is not None), None)
        if above is None or below is None:
            continue  # not between lines of the right column
        if len(text) < min(above, below):
            parted[index] = (text, "", len(text))
            continue
        following = next((right.split()[0] for right in rights[index + 1 :] if right), "")
        near = (e + shift for e in (above, below) for shift in (0, -TOUCH_SHIFT, TOUCH_SHIFT))
        edge = next((e for e in dict.fromkeys(near) if _right_line_at(text, e, following, width)), None)
        if edge is not None:
            parted[index] = (text[: edge - 1], text[edge:], edge)
            continue
        previous = next((right for right in reversed(rights[:index]) if right), "")
        inside = _inside_prose(rights, index)
        pulled = _pulled_edge(text, min(above, below), previous, following, width) if inside else None
        if pulled is not None:
            # The right half keeps its column's edge: it was set left of it only to follow the left.
            parted[index] = (text[: pulled - 1], text[pulled:], min(above, below))
    return parted


def _right_line_at(text: str, edge: int, following: str, width: int) -> bool:
    """Whether the line's words from ``edge`` on, one space after the left column's, read as a line
    of the right column (``following``: the first word of that column's next line; ``width``: the
    column's widest line): they open a heading, a header or a row (a capital or a digit), end a
    sentence, or fill the line (``following`` would not have fit on it); no table's numbers."""
    if not ONE_SPACE.fullmatch(text, edge - 2, edge + 1) or table_numbers(text[edge:]):
        return False
    opens = text[edge].isupper() or text[edge].isdigit()
    return opens or bool(SENTENCE_END.search(text)) or len(text[edge:]) + 1 + len(following) > width


# A line run together from both columns stands within this many lines of the right column's
# prose above and below it.
PULL_NEAR = 2


def _inside_prose(rights: Sequence[str | None], index: int) -> bool:
    """Whether the right column holds words on a line at most ``PULL_NEAR`` above line ``index`` and
    on one at most as far below it, no table's values (a footnote across the page under a table
    runs on past the gutter by itself)."""
    above = rights[max(index - PULL_NEAR, 0) : index]
    below = rights[index + 1 : index + 1 + PULL_NEAR]
    return all(any(right and LETTER.search(right) for right in near) for near in (above, below))


# How far left of the right column's edge (characters) a layout export may set that column's text
# where it runs one line of each column together: it sets the right one's words one space after
# the left one's, wherever the left one ends.
PULL_REACH = 8


def _pulled_edge(text: str, edge: int, previous: str, following: str, width: int) -> int | None:
    """Where the right column's words start on a line that runs up to ``edge`` and beyond without
    a gap, its left column's words ending a little before the edge and the right column's set one
    space after them ("• 2.1 Har kommunen en brukarorienterad utvärderingen 2002."): the single
    space nearest the edge, within reach, after which the words read as a line of the right column
    (see ``_right_line_at``); one opening with a capital or a digit first, as a short first word
    ("En förbättring") leaves a second space within reach. The column's words are set line by
    line as they fit: the first word of the right half must not have fit on ``previous``, the
    column's line above, unless that ends a sentence (a sentence across the edge, "... poäng och
    nu en förbättring med 6 poäng i", has no such place). ``None`` where there is none."""
    places = [
        place
        for place in range(edge - 1, max(edge - PULL_REACH, 2) - 1, -1)
        if _right_line_at(text, place, following, width)
        and (SENTENCE_END.search(previous) or len(previous) + 1 + len(text[place:].split()[0]) > width)
    ]
    opening = [place for place in places if text[place].isupper() or text[place].isdigit()]
    first = opening or places
    return first[0] if first else None
