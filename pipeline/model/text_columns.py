"""Two columns of prose in a text export (``pdftotext -layout``): read down the left, then the right.

A layout export keeps a page's two columns side by side on each line, the right one starting at
one character position:

    Området beskriver hur Borås kommun                   Område 7
    arbetar med resultat och effektivitet.               Verksamhetsutveckling

A run of lines is in two columns when the same two positions before that start are free on every
line (no word crosses the gutter; a line may hold the left column alone, or only the right one)
and most lines holding both are words on both sides, not a table's label and numbers. A line
across the gutter, a page break (a form feed, or furniture left out) or a table ends the run.
Each half keeps its line's number.

Some exports do not keep the right column at one position: ``pdftotext -layout`` of a word
processor's PDF sets it anywhere between a third and two thirds of the line, line by line. Such a
page is read by each line's own gap instead: the first run of two or more spaces after the line's
first words (a list glyph's spacing aside) parts its halves, a line indented past a third of the
width holds the right column alone, and a line without a gap that is no longer than the left
column holds the left one. Where one line of each column share a baseline, the export may run them
together, the right one's words one space after the left one's, a few characters left of the
column's edge: the line is parted where the right column's line would have started (its first
word did not fit on that column's line above). Whichever reading puts more of the page's lines
into columns is taken; of two that cut as many, the one that reads the page through without
breaking off at a line it could not place.
Score tables may stand side by side, one in each column under its own header, with most values on
lines of their own: the left table's values reach the right column's edge and stay with the left
half, a line of both tables' values is parted at its widest gap, and a left header's cells kept
apart ("Delområde   Max Egna") stay whole where the lines around start the right column further
right. A page whose right column holds score tables (most of its rows' ids start at one place)
is cut there line by line whatever the left column holds: prose beside a table has too few
lines of words on both sides to be read as prose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

import regex

from pipeline.model.marks import BULLET_GLYPH_CLASS

FORM_FEED = "\f"
# The gutter is at least this many spaces wide, the right column starts in the middle of the text.
GUTTER = 2
MIDDLE = (0.3, 0.7)
# How far left of the right column's text its bullet glyphs may stand (characters).
GLYPH_REACH = 6
# A run has at least this many lines holding both columns, and this share of them is words.
MIN_BOTH = 5
# Of a run's lines holding both columns read by each line's own gap, this many are parted by two
# spaces or more.
MIN_SPACED = 3
PROSE_SHARE = 0.7
# Where the right column's text starts after a gap of at least the gutter.
RIGHT_START = regex.compile(rf"(?<=\S {{{GUTTER},}})\S")
ENDS_WITH_NUMBER = regex.compile(r"\d[%)]?$")
# A table's numbers hold a digit: a list's dash alone on its line ("-") is none.
NUMBERS_ONLY = regex.compile(r"^(?=.*\d)[\d\s,.%+\-−–]+$")
# A table row's values as printed, decimal commas ("14,5  20"), none a heading's number ("3.4").
ROW_VALUES = regex.compile(r"^(?:\s*[+\-−–]?\d+(?:,\d+)?(?:\s*%)?)+\s*$")

Numbered = tuple[int, str]


def in_text_columns(lines: Sequence[Numbered], page_starts: Collection[int] = ()) -> list[Numbered]:
    """``lines`` with every two-column run read down its left column, then down its right.

    Where the right column starts is found page by page: an export may shift it between pages.
    ``page_starts`` are the numbers of lines that begin a page (where the export printed a form
    feed that was taken out with the page furniture): columns never run across a page break, as a
    page's left column goes on in its right one, not in the next page's left one.
    """
    return [line for page in _pages(lines, page_starts) for line in _page_in_columns(page)]


def page_starts(texts: Sequence[str]) -> set[int]:
    """The numbers (from 1) of the lines of a text export that begin a page: those with a form feed."""
    return {number for number, text in enumerate(texts, start=1) if FORM_FEED in text}


def _pages(lines: Sequence[Numbered], starts: Collection[int] = ()) -> list[list[Numbered]]:
    """The lines page by page: a page starts with a form feed (in the text or among ``starts``), or
    where page furniture was left out."""
    pages: list[list[Numbered]] = []
    for number, text in lines:
        if not pages or FORM_FEED in text or number in starts or number != pages[-1][-1][0] + 1:
            pages.append([])
        pages[-1].append((number, text))
    return pages


def _page_in_columns(lines: list[Numbered]) -> list[Numbered]:
    tables = _tables_in_right_column(lines)
    if tables is not None:
        return tables
    table = _table_across_columns(lines)
    if table is not None:
        start, end, copies = table
        before, run, after = lines[:start], lines[start:end], lines[end:]
        return [*_page_in_columns(before), *_read_at(run, copies), *_page_in_columns(after)]
    fixed = _at_one_start(lines)
    drifting = _by_each_gap(lines)
    if drifting is not None and drifting[1] > (fixed[1] if fixed else (0, 0)):
        return drifting[0]
    return fixed[0] if fixed else lines


# A score table's row id where a layout export sets it in a narrow column ("4.1", "3.1.", "7:2";
# the trailing stop of "4.1." wrapped to a line of its own, "."), or the first word of its header.
TABLE_ROW_START = regex.compile(r"(?:\d{1,2}[.:]\d{1,2}\.?|\.|Nr|Delområde|Delfråga)(?=\s|$)")
# A score table's row ends in its two values ("Delegation   16,5   30").
TWO_VALUES_END = regex.compile(r"\d(?:,\d+)? +\d+(?:,\d+)?$")
# A page's right column holds a table when this many of its lines start one at the column's edge,
# and the page has this many rows.
MIN_TABLE_STARTS = 4
# An edge the right column's rows start at on this many lines of a page is one of its tables'.
MIN_ROWS_AT_EDGE = 2


def _tables_in_right_column(lines: list[Numbered]) -> list[Numbered] | None:
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
        for gap in regex.finditer(r"(?:^|(?<=\S) ) +(?=\S)", text):
            if (
                third <= gap.end() <= two_thirds
                and TABLE_ROW_START.match(text, gap.end())
                and not _after_list_mark(text, gap.start())  # "•  6.1 Hur ...": a listed question
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
    edges = [usual[min(usual, key=lambda other: abs(other - index))] for index in range(len(lines))]
    # How many values the left column's rows end in, where they stand alone on their line.
    counts = Counter(
        len(WORD.findall(values.group()))
        for _, text in lines
        if len(text.rstrip()) <= edge - GUTTER and (values := TRAILING_VALUES.search(text.rstrip()))
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
            spaced += text[:cut].endswith("  ")
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
    column's edge, words after it ("20 Vänersborg   2003"): the left table's value on a line of
    its own, beside the right column's row; a right column's row starts at its edge or past it."""
    start = place + len(text[place:]) - len(text[place:].lstrip())
    return (
        start < edge - GUTTER and bool(FIRST_VALUE.match(text[start:])) and not _table_numbers(text[start:])
    )


def _values_at_edge(text: str, place: int, edge: int) -> bool:
    """Whether the line from ``place`` on is numbers alone whose first belongs to values set one
    space apart that start before the right column's edge: a left row's values reaching it ("20 6",
    "Summa  100 63", right-aligned under the left table's columns). A right column's row starts at
    its edge or past it ("4.1", "1998  17  4 …")."""
    rest = text[place:]
    if not _table_numbers(rest):
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


def _table_across_columns(lines: list[Numbered]) -> tuple[int, int, tuple[int, int]] | None:
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
        copies = _repeated_header(text)
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


def _read_at(run: list[Numbered], copies: tuple[int, int]) -> list[Numbered]:
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


def _repeated_header(text: str) -> tuple[int, int] | None:
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


# How much of a page a reading puts in columns: the lines it cut into two halves with text, then
# (where two readings cut as many) the lines of its runs read in columns, so that a reading whose
# runs a line it could not place breaks off counts less than one that reads the page through.
Reach = tuple[int, int]


def _at_one_start(lines: list[Numbered]) -> tuple[list[Numbered], Reach] | None:
    """The page read with the right column at one start, and how much of it was read in columns."""
    start = _right_column_start(lines)
    if start is None:
        return None
    printed = dict(lines)
    out: list[Numbered] = []
    run: list[Numbered] = []
    spanned = 0

    def flush() -> None:
        nonlocal spanned
        read = _read(run, start)
        # A run not read in columns keeps its lines as printed (no heading moved).
        out.extend(read if read is not run else [(number, printed[number]) for number, _ in run])
        spanned += len(run) if read is not run else 0

    for number, text in lines:
        moved = _heading_moved_to(text, start)
        fits = _fits(moved, start) or (bool(run) and _touches_at(text, start))
        if run and not fits:
            flush()
            run = []
        if fits:
            run.append((number, moved))
        else:
            out.append((number, text))
    flush()
    return out, (_in_columns(out), spanned)


def _touches_at(text: str, start: int) -> bool:
    """Whether the left column's text runs up to one space before ``start`` and the right column's
    opens there with a capital or a digit, no table's numbers ("Sammanfattning ledarskap, ansvar
    och delegation 2014.", the end of a sentence in the right column)."""
    if not ONE_SPACE.fullmatch(text, start - 2, start + 1):
        return False
    opens = text[start].isupper() or text[start].isdigit()
    return opens and not _table_numbers(text[start:])


# How far left of the right column's start (characters) a layout export may set a heading of
# that column: its larger or bold type takes fewer character cells than the body's.
HEADING_SHIFT = 10


def _heading_moved_to(text: str, start: int) -> str:
    """The line with a right column's heading set a little left of where that column starts
    ("  •  Tydlig och innehållsrik hemsida      Sammanfattning ledarskap") moved to ``start``,
    as long as it stands after a gap, opens with a capital and is no table's numbers; any other
    line as printed."""
    if _fits(text, start):
        return text
    for gap in GAP.finditer(text):
        begins = gap.end()
        if start - HEADING_SHIFT <= begins < start and text[begins].isupper():
            return text[: gap.start()].ljust(start) + text[begins:]
    return text


def _in_columns(after: list[Numbered]) -> int:
    """How many lines the reading cut into two halves with text, as the reading by each line's gap
    counts them (a blank line read in both columns is no line cut)."""
    halves = Counter(number for number, text in after if text.strip())
    return sum(1 for count in halves.values() if count > 1)


def _right_column_start(lines: Sequence[Numbered]) -> int | None:
    """The position where a right column starts on many lines, or ``None``."""
    width = max((len(text.rstrip()) for _, text in lines), default=0)
    starts: Counter[int] = Counter()
    for _, text in lines:
        for match in RIGHT_START.finditer(text):
            if MIDDLE[0] * width <= match.start() <= MIDDLE[1] * width:
                starts[match.start()] += 1
    if not starts or starts.most_common(1)[0][1] < MIN_BOTH:
        return None
    common = starts.most_common(1)[0][0]
    # The right column's bullet glyphs stand a little left of its text: the column starts there.
    return min(s for s, count in starts.items() if count >= MIN_BOTH and common - GLYPH_REACH <= s <= common)


def _fits(text: str, start: int) -> bool:
    """Whether no word of the line crosses the gutter before ``start``, and what stands right of
    it is not a table's numbers."""
    text = text.rstrip()
    if len(text) <= start - GUTTER:
        return True
    return not text[start - GUTTER : start].strip() and not _table_numbers(text[start:])


def _table_numbers(right: str) -> bool:
    """Whether the right of a line is a table's numbers, not the end of a sentence ("2021.")."""
    return bool(NUMBERS_ONLY.match(right)) and not right.rstrip().endswith(".")


def _read(run: list[Numbered], start: int) -> list[Numbered]:
    """The run's left halves, then its right halves, if it is two columns of prose."""
    both = [text for _, text in run if text[: start - GUTTER].strip() and text[start:].strip()]
    words = [text for text in both if not ENDS_WITH_NUMBER.search(text.rstrip())]
    if len(both) < MIN_BOTH or len(words) < PROSE_SHARE * len(both):
        return run
    # A line blank across the page is a gap in both columns; a line one column leaves empty is none.
    left = [(n, text[:start].rstrip()) for n, text in run if text[:start].strip() or not text.strip()]
    right = [(n, text[start:].rstrip()) for n, text in run if text[start:].strip() or not text.strip()]
    return [*left, *right]


# A gap of two or more spaces between a line's words; a list glyph or number before it is no half.
GAP = regex.compile(r"(?<=\S) {2,}(?=\S)")
LIST_MARK = regex.compile(rf"^(?:{BULLET_GLYPH_CLASS}|[-–*o]|\d{{1,2}}[.)])$")
# A line without a gap may stand this many characters past the left column's longest half.
LEFT_SLACK = 2
LETTER = regex.compile(r"\p{L}")
# A left half of prose beside a right column's table values has at least this many words.
MIN_PROSE_WORDS = 3
# How far from the right column's edge (characters) a word one space after the left half may start.
SQUEEZE_REACH = 1

Halves = tuple[str, str, int] | None  # left text, right text, where the right one starts


def _by_each_gap(lines: list[Numbered]) -> tuple[list[Numbered], Reach] | None:
    """The page read by each line's own gap (see the module's notes), and how much of it was read
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
        gap for gap in GAP.finditer(text) if gap.end() >= third and not _after_list_mark(text, gap.start())
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
        if squeezed is None or _table_numbers(squeezed[1]):
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
    if _table_numbers(right) and not _prose_beside_values(left, gap.end(), usual):
        return None
    return (left, right, gap.end())


def _header_beside_values(text: str, indent: int, usual: int, gaps: Sequence[regex.Match[str]]) -> Halves:
    """A left table's header cell standing over its value columns, left of the right column's
    edge, beside a right table's values past that edge ("    Poäng            20   18"): parted at
    the gap before the values; else ``None``."""
    if not GUTTER <= indent < usual - GUTTER:
        return None
    past = [gap for gap in gaps if gap.end() >= usual + GLYPH_REACH]
    if not past or not _table_numbers(text[past[0].end() :]):
        return None
    left = text[: past[0].start()].rstrip()
    if not LETTER.search(left) or GAP.search(left) or len(left) > usual - GUTTER:
        return None
    return (left, text[past[0].end() :].rstrip(), past[0].end())


# A right half opening with values set apart from its words ("12,5   Delområde"): the values are
# the left column's table's, its value columns reaching the right column's edge.
LEADING_VALUES = regex.compile(r"^([+\-−–]?\d+(?:,\d+)?%?(?: +[+\-−–]?\d+(?:,\d+)?%?)*) {2,}(?=\p{L})")
LAST_VALUE = regex.compile(r"(?:^|\s)[+\-−–]?\d+(?:,\d+)?%?$")
# A value run into the right column's first word or row id without a space ("20kontakter.",
# "208:2 Kommunens": max points 20, then the row of sub-question 8.2; an area's number is one digit).
GLUED_VALUE = regex.compile(r"[+\-−–]?\d+?(?:,\d+)?(?=\p{L}|[1-9][.:]\d{1,2}\b)")


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
    cell, not the column's edge), and the left half is words, not a row's label with its id."""
    words = left.split()
    return start >= usual + GLYPH_REACH and len(words) >= MIN_PROSE_WORDS and bool(LETTER.match(left.strip()))


def _after_list_mark(text: str, position: int) -> bool:
    """Whether the gap at ``position`` follows a list glyph or number that stands alone (at the line's
    start or after a gap of its own): the space between an item's mark and its text, in either
    column, parts no halves."""
    before = text[:position]
    mark = before.split()[-1] if before.strip() else ""
    ahead = before[: len(before) - len(mark)]
    return bool(LIST_MARK.match(mark)) and (not ahead.strip() or ahead.endswith("  "))


def _read_halves(run: list[tuple[int, Halves]], lines: list[Numbered]) -> tuple[list[Numbered], int]:
    """The run's left halves, then its right ones (set from their leftmost start, so that a table in
    the right column keeps its alignment), if it is two columns: most lines hold words on both
    sides (prose, or a table's rows with their labels; one wide table's rows end the run at its
    numbers); else its lines as printed."""
    texts = dict(lines)
    both = [h for _, h in run if h and h[0].strip() and h[1].strip()]
    words = [h for h in both if LETTER.search(h[0]) and LETTER.search(h[1])]
    # The gutter shows as spaces on enough lines; a line parted where its words stand one space
    # apart counts only in a run the gutter shows in (one-column prose has such places by chance).
    spaced = [n for n, h in run if h and h[0].strip() and h[1].strip() and texts[n][: h[2]].endswith("  ")]
    if len(both) < MIN_BOTH or len(spaced) < MIN_SPACED or len(words) < PROSE_SHARE * len(both):
        return [(number, texts[number]) for number, _ in run], 0
    origin = min(h[2] for _, h in run if h and h[1].strip())
    left = [(n, h[0]) for n, h in run if h and (h[0].strip() or not h[1].strip())]
    right = [(n, " " * (h[2] - origin) + h[1]) for n, h in run if h and (h[1].strip() or not h[0].strip())]
    return [*left, *right], len(both)


# A word, one space and the next word: where two columns touch; the right column's word may start
# a character left or right of where it starts on the lines around (a word processor's export
# sets it line by line).
ONE_SPACE = regex.compile(r"\S \S")
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
    if not ONE_SPACE.fullmatch(text, edge - 2, edge + 1) or _table_numbers(text[edge:]):
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
    return (opening or places or [None])[0]
