"""Score tables in a text export's right column, or one table going on from the left column into
the right: where each line is cut when the page holds tables (see the package's notes)."""

from __future__ import annotations

from collections import Counter

import regex

from pipeline.model.text_columns.spacing import (
    GLUED_VALUE,
    GLYPH_REACH,
    GUTTER,
    LETTER,
    LIST_MARK,
    MIDDLE,
    MIN_BOTH,
    PROSE_SHARE,
    ROW_VALUES,
    Numbered,
    after_list_mark,
    table_numbers,
)

# A score table's row id where a layout export sets it in a narrow column ("4.1", "3.1.", "7:2";
# the trailing stop of "4.1." wrapped to a line of its own, "."), or the first word of its header.
TABLE_ROW_START = regex.compile(r"(?:\d{1,2}[.:]\d{1,2}\.?|\.|Nr|Delområde|Delfråga)(?=\s|$)")
# A score table's row ends in its two values ("Delegation   16,5   30").
TWO_VALUES_END = regex.compile(r"\d(?:,\d+)? +\d+(?:,\d+)?$")
# Where a right column's row may start: after an indent or a gap of two spaces or more, or one
# space after a left row's last value where it opens with an id and its name ("20    10 7.4
# Synpunktshantering": the export sets the two columns a space apart).
ROW_START_GAP = regex.compile(r"(?:^|(?<=\S) ) +(?=\S)|(?<=\d) (?=\d{1,2}[.:]\d{1,2}\.? +\p{L})")
# A page's right column holds a table when this many of its lines start one at the column's edge,
# and the page has this many rows.
MIN_TABLE_STARTS = 4
# An edge the right column's rows start at on this many lines of a page is one of its tables'.
MIN_ROWS_AT_EDGE = 2


def tables_in_right_column(lines: list[Numbered]) -> list[Numbered] | None:
    """The page read down its left column, then its right one, where the right column holds score
    tables (each with the same edge: the row ids, the header's "Nr", a wrapped id's stop) and
    the left column prose or tables of its own; ``None`` for any other page.

    A word processor's two-column page sets a table in each column: a layout export prints them
    side by side, their rows on lines of their own, often with no line holding words on both
    sides, so neither reading of prose takes it. The right column's edge is where most of its
    table rows start, past the first third of the line (a row id, not a list item's: "•  6.1
    Hur ..."), on a page with table rows; each line is cut near that edge (:func:`_cut_near`).
    The edge is trusted only where most lines that hold text on both sides of it are parted by
    a gap of two spaces or more."""
    width = max((len(text.rstrip()) for _, text in lines), default=0)
    third, two_thirds = int(MIDDLE[0] * width), int(MIDDLE[1] * width)
    at: dict[int, int] = {}  # line index -> where a row of the right column's tables starts on it
    for index, (_, text) in enumerate(lines):
        for gap in ROW_START_GAP.finditer(text):
            if (
                third <= gap.end() <= two_thirds
                and TABLE_ROW_START.match(text, gap.end())
                and not after_list_mark(text, gap.start())  # "•  6.1 Hur ...": a listed question
            ):
                at.setdefault(index, gap.end())  # the first: "Nr", not the "Delområde" after it
    starts = Counter(at.values())
    rows = sum(1 for _, text in lines if TWO_VALUES_END.search(text.rstrip()))
    if not starts or starts.most_common(1)[0][1] < MIN_TABLE_STARTS or rows < MIN_TABLE_STARTS:
        return None
    edge = starts.most_common(1)[0][0]
    # The export shifts the edge from table to table: each line is cut near the edge of the
    # nearest line that starts a row there, where several rows start.
    usual = {index: start for index, start in at.items() if starts[start] >= MIN_ROWS_AT_EDGE}
    # So does the right column's prose where its words stand one space after whole left rows left
    # of the tables' edge (the evaluated list beside the left table's rows, set further left than
    # the tables above it; a right table's indented "Summa" stands past the edge).
    beside = {
        index: place
        for index, (_, text) in enumerate(lines)
        if index not in at
        for place in range(third, edge - GUTTER + 1)
        if _after_row(text, place, MIN_ROW_VALUES)
    }
    prose_starts = Counter(beside.values())
    usual |= {index: start for index, start in beside.items() if prose_starts[start] >= MIN_ROWS_AT_EDGE}
    edges = [usual[min(usual, key=lambda other: abs(other - index))] for index in range(len(lines))]
    # How many values the left column's rows end in, where they stand alone on their line (after
    # the row's label, or all of the line: the values of a row whose label wrapped around them).
    counts = Counter(
        ending
        for _, text in lines
        if len(text.rstrip()) <= edge - GUTTER and (ending := _values_ending(text))
    )
    row_values = counts.most_common(1)[0][0] if counts else 2
    cuts: list[tuple[int, str, int | None, int]] = []
    spaced = both = 0
    for (number, text), near in zip(lines, edges, strict=True):
        text = text.rstrip()
        cut = _cut_near(text, near, row_values) if len(text) > near - GUTTER else None
        cut = _past_glued_value(text, cut, row_values)
        cuts.append((number, text, cut, near))
        if cut is not None and text[:cut].strip() and text[cut:].strip():
            both += 1
            # A left row's values reaching the right column's edge, a space before its text,
            # part them as a gap does: the left table's columns end there.
            spaced += text[:cut].endswith("  ") or _values_ending(text[:cut]) == row_values
    if both < MIN_BOTH or spaced < PROSE_SHARE * both:
        return None
    left = [(n, text[:cut].rstrip() if cut is not None else text) for n, text, cut, _ in cuts]
    right = [(n, " " * max(0, cut - near) + text[cut:]) for n, text, cut, near in cuts if cut is not None]
    parted = {n for n, _ in right}
    return [*((n, text) for n, text in left if text.strip() or n not in parted), *right]


def _past_glued_value(text: str, cut: int | None, row_values: int) -> int | None:
    """``cut`` moved past a value that opens the right half run into its first word or row id
    ("20kontakter.", "208:2 Kommunens") where the left half is a row short of its ``row_values``
    values without it: the left table's last value, which the export set against the right
    column's text."""
    if cut is None or (glued := GLUED_VALUE.match(text, cut)) is None:
        return cut
    return glued.end() if 0 < _values_ending(text[:cut]) < row_values else cut


# How far from the right column's edge (characters) a row id may start it on its line: the export
# shifts the edge from table to table.
ID_REACH = 10


def _cut_near(text: str, edge: int, row_values: int) -> int | None:
    """Where the line's right column starts: the place nearest ``edge`` that no word crosses, a
    glyph's reach away at most, or a row id's or one after a whole left row a little further (a
    left header's last word may stand one space before it, "Maxpoäng 7.3"); one after a whole
    left row first, then one after a gap of two spaces or before a row id; one before a value
    alone in its cell (the left table's) or that leaves a left row short of its ``row_values``
    values last; ``None`` if there is none."""
    free = [
        place
        for place in range(edge - ID_REACH, edge + ID_REACH + 1)
        if _free_at(text, place)
        # Numbers alone from a place near the edge are a left row's values reaching it ("Summa
        # 100 63", "20 6" under the left table's columns): a right table's values stand past its labels.
        and not _values_at_edge(text, place, edge)
        and (
            abs(place - edge) <= GLYPH_REACH
            or TABLE_ROW_START.match(text, place)
            or _after_row(text, place, row_values)
        )
    ]
    if not free:
        return None
    return min(
        free,
        key=lambda at: (
            _between_values(text, at, row_values),
            _value_before_edge(text, at, edge),
            not _after_row(text, at, row_values),
            bool(VALUE_CELL.match(text[at:].lstrip())),  # the right column starts with an id or words
            not (_apart(text, at) or TABLE_ROW_START.match(text, at)),
            abs(at - edge),
        ),
    )


def _value_before_edge(text: str, place: int, edge: int) -> bool:
    """Whether a cut at ``place`` opens the right half with a value that starts left of the right
    column's edge, then the right column's words: a label's rest ("40 sektorsgränserna?") or a
    row of its table ("20 Vänersborg   2003"). The value is the left table's, beside them; a
    right column's row starts at its edge or past it. A heading's number before its capitalised
    words ("8 Kommunen som samhällsbyggare") is none."""
    start = place + len(text[place:]) - len(text[place:].lstrip())
    rest = text[start:].rstrip()
    value = FIRST_VALUE.match(rest)
    if start >= edge - GUTTER or value is None or table_numbers(rest):
        return False
    return rest[value.end() :][:1].islower() or rest[-1:].isdigit()


def _values_at_edge(text: str, place: int, edge: int) -> bool:
    """Whether the line from ``place`` on is numbers alone whose first belongs to values set one
    space apart that start before the right column's edge: a left row's values reaching it ("20 6",
    "Summa  100 63", right-aligned under the left table's columns). A right column's row starts at
    its edge or past it ("4.1", "1998  17  4 …")."""
    rest = text[place:]
    if not table_numbers(rest):
        return False
    start = place + len(rest) - len(rest.lstrip())
    group = next((m for m in VALUE_GROUP.finditer(text) if m.start() <= start < m.end()), None)
    return group is not None and group.start() < edge


# A score table's row holds at least its max and own points.
MIN_ROW_VALUES = 2
# Values set one space apart ("100 63", "20 6"), as a layout export prints a row's narrow columns.
VALUE_GROUP = regex.compile(r"[+\-−–]?\d+(?:,\d+)?%?(?: [+\-−–]?\d+(?:,\d+)?%?)*")


def _after_row(text: str, place: int, row_values: int) -> bool:
    """Whether ``place`` starts the right column's words one space after a whole left row, its
    label and all its ``row_values`` values ("3.2 Hållbar utveckling  20  11,5 Följande ...")."""
    if (
        row_values < MIN_ROW_VALUES
        or place >= len(text)
        or text[place - 1] != " "
        or not text[place].isalpha()
    ):
        return False
    left = text[:place].rstrip()
    values = TRAILING_VALUES.search(left)
    return (
        values is not None
        and len(WORD.findall(values.group())) == row_values
        and LETTER.search(left[: values.start()]) is not None
    )


def _apart(text: str, place: int) -> bool:
    """Whether ``place`` follows a gap of two spaces or more."""
    return place < len(text) and text[:place].endswith("  ")


# A value alone in its cell: a gap or the line's end after it ("15   Max Egna").
VALUE_CELL = regex.compile(r"[+\-−–]?\d+(?:,\d+)?%?(?: {2,}|$)")
FIRST_VALUE = regex.compile(r"^[+\-−–]?\d+(?:,\d+)?%?(?:\s|$)")
# A row's values at the end of a line, set apart from its label by a gap ("Lönepolitik   20   13";
# not a caption's number, "Tabell 7 Poäng inom område 5").
TRAILING_VALUES = regex.compile(r"(?<=\S)  +[+\-−–]?\d+(?:,\d+)?%?(?:\s+[+\-−–]?\d+(?:,\d+)?%?)*$")


def _between_values(text: str, place: int, row_values: int) -> bool:
    """Whether a cut at ``place`` would part a row's values: a value on either side of it, the
    left one's row short of the values the left column's rows hold ("7 | 20 Kortfakta"; not "30
    25 | 8 Kommunen som samhällsbyggare", the right column's heading)."""
    if not FIRST_VALUE.match(text[place:].strip()):
        return False
    return 0 < _values_ending(text[:place]) < row_values


def _values_ending(left: str) -> int:
    """How many values end a left half: after its label ("roll  12,5  20"), or all of it, a row's
    values on a line of their own (its label wrapped above and below)."""
    left = left.rstrip()
    if ROW_VALUES.match(left):
        return len(WORD.findall(left))
    values = TRAILING_VALUES.search(left)
    return len(WORD.findall(values.group())) if values else 0


# A table's header has at least this many words.
MIN_HEADER_WORDS = 2
WORD = regex.compile(r"\S+")


def table_across_columns(lines: list[Numbered]) -> tuple[int, int, tuple[int, int]] | None:
    """The first run of lines (start, end) where a table goes on from the left column into the
    right one, and where its header's two copies end and start; ``None`` if there is none.

    A word processor repeats a table's header where the table goes on in the next column, so a
    layout export prints the header twice on one line ("Nr  Delområde  Maxpoäng Poäng Nr
    Delområde  Maxpoäng Poäng"), the two copies as little as one space apart; the left column's
    rows stand under the first, the right column's under the second (a character or two off).
    The run takes in the header's upper lines above it (both halves holding words, "Poäng
    Poäng") and goes on down as long as no word crosses from the left copy's end to the right
    copy's start. Too few lines may hold both columns to be read as columns of prose."""
    for index, (_, text) in enumerate(lines):
        copies = repeated_header(text)
        if copies is None:
            continue
        start = index
        while start > 0 and all(half.strip() for half in _cut_between(lines[start - 1][1], *copies) or [""]):
            start -= 1
        end = index + 1
        while end < len(lines) and _cut_between(lines[end][1], *copies) is not None:
            end += 1
        return start, end, copies
    return None


def read_at(run: list[Numbered], copies: tuple[int, int]) -> list[Numbered]:
    """The run's left halves, then its right ones, cut where the table's header copies meet: at
    the place between them that the most lines leave free (the last such: a left value may
    reach past its header word, a right column's text start before its centred header), each
    other line at its free place nearest to it."""
    end, start = copies
    places = range(end, start + 1)
    counts = [sum(_free_at(text, place) for _, text in run) for place in places]
    best = max(place for place, count in zip(places, counts, strict=True) if count == max(counts))
    halves = []
    for number, text in run:
        free = [place for place in places if _free_at(text, place)]
        cut = min(free, key=lambda place: abs(place - best)) if free else len(text)
        shifted = " " * (cut - end) + text[cut:].rstrip() if text[cut:].strip() else ""
        halves.append((number, (text[:cut].rstrip(), shifted)))
    left = [(n, half[0]) for n, half in halves if half[0].strip() or not half[1].strip()]
    right = [(n, half[1]) for n, half in halves if half[1].strip() or not half[0].strip()]
    return [*left, *right]


def _free_at(text: str, place: int) -> bool:
    """Whether no word of the line crosses ``place``: it stands between words, past the end, or
    where a left value runs into the right column's text without a space ("12,5Delområde")."""
    if place >= len(text) or text[place - 1] == " " or text[place] == " ":
        return True
    before, after = text[place - 1], text[place]
    return before.isalnum() and after.isalnum() and before.isdigit() != after.isdigit()


def _cut_between(text: str, end: int, start: int) -> tuple[str, str] | None:
    """The line's halves at the last place between ``end`` and ``start`` that no word crosses;
    ``None`` if a word covers the whole stretch."""
    free = [place for place in range(end, start + 1) if _free_at(text, place)]
    if not free:
        return None
    return text[: free[-1]].rstrip(), text[free[-1] :].rstrip()


def repeated_header(text: str) -> tuple[int, int] | None:
    """Where the first of two copies of the same words on the line ends and the second starts (a
    table's header printed twice side by side, its cells set apart by wide gaps), if the line is
    such; ``None`` otherwise."""
    words = list(WORD.finditer(text))
    half = len(words) // 2
    if half < MIN_HEADER_WORDS or len(words) != 2 * half or not LETTER.search(text):
        return None
    first, second = words[:half], words[half:]
    if [w.group().lower() for w in first] != [w.group().lower() for w in second]:
        return None
    if "  " not in text[first[0].start() : first[-1].end()]:
        return None  # words one space apart: a line of prose printed twice, not a table's cells
    if LIST_MARK.match(first[0].group()):
        return None  # the same list item in both columns
    if any(ROW_VALUES.match(w.group()) and not YEAR.fullmatch(w.group()) for w in first):
        return None  # a row of values, not a header
    return first[-1].end(), second[0].start()


YEAR = regex.compile(r"(?:19|20)\d\d")
