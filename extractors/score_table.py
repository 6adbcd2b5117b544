"""The detailed score table: every sub-question (or sub-area) with its max points and own points.

The 2002 tool's reports print it as two tables side by side (areas 1-4 left, 5-8 right) under one
header; later layouts stack a single table or print one table per area ("Översikt av
poängfördelning": "Delområde | Max | Poäng" and a "Summa" row). Which value is max points and which
own points comes from the header words (``extractors.table_reader``), so "Egna poäng" printed
before "Max- poäng" reads right; a row is a run of (label, values) groups, one per table side:

    1.1 Hur informeras medborgarna?    40    28    5.1 Hur detaljerat är rapporteringssystemet?    40    32
                                                   5.4 Kontroll- och uppföljningsrutiner.    20    17

A text export with single spaces between the cells (``pdftotext -raw``) has no cells to split; its
header is read word by word ("Nr Delområde Max Egna") and a row is its label and the values it ends
in, also when the export breaks the row over lines (its id, its name, its values). Where the export
prints the header's words on lines of their own, their order is unknown and the values are told
apart by their shape.

Without a header the values are told apart by their shape (max points are at least the own points
in most rows) and a finding says so. Ids are normalised ("1:1", "1.1." give "1.1"); the printed form
is kept.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import regex

from extractors.summary_table import AREA_LABEL, TOTAL_LABEL
from extractors.table_reader import (
    LABEL_ID,
    TABLE_CAPTION,
    Header,
    PrintedColumn,
    Role,
    Value,
    column_of,
    header_above,
    is_header_line,
    parse_value,
    split_label,
    ungrouped_cells,
    value_cells,
    value_words,
)
from pipeline.editions.edition_lookup import denoted_area
from pipeline.model.document import Document, Line
from pipeline.model.records import AreaHeading, AreaSubtotal, ContentLoss, QuestionScore, UnreadHeader

MAIN_AREA_CORNER = regex.compile(r"^(?:huvud)?områden?$", regex.IGNORECASE)
# An area heading is a short line (longer ones are prose).
MAX_HEADING = 80
# Non-table lines after which a table has ended and its header no longer applies.
HEADER_REACH = 3
# Lines a raw row may be broken over (its id, its wrapped label, its values).
MAX_SPLIT_ROW = 4
# Values of a group when no header says how many: max points and own points.
DEFAULT_GROUP = 2
# A cell OCR read as no number is at most this long ("L/,5" for "17,5"); a longer one is words.
MISREAD_LONGEST = 5


@dataclass(frozen=True)
class ScoreTable:
    questions: tuple[QuestionScore, ...]
    headings: tuple[AreaHeading, ...]
    subtotals: tuple[AreaSubtotal, ...] = ()
    unread_headers: tuple[UnreadHeader, ...] = ()
    losses: tuple[ContentLoss, ...] = ()


@dataclass
class _Group:
    """One (label, values) group of a row, before its values are given their roles."""

    line: Line
    area: int | None
    question_id: str
    printed_id: str
    text: str
    values: list[Value]
    columns: tuple[PrintedColumn, ...] | None
    is_total: bool = False


@dataclass
class _State:
    header: Header | None = None
    area: int | None = None
    prose_run: int = 0
    # Short lines since the last row that may be an area's heading, resolved only when a row
    # needs its area (matching names against the editions costs more than reading the rows).
    pending: list[str] = field(default_factory=list)
    # Values per row of a raw table whose header named fewer columns than it has (0: unknown).
    raw_width: int = 0
    unnumbered: dict[int, int] = field(default_factory=dict)
    groups: list[_Group] = field(default_factory=list)
    headings: list[AreaHeading] = field(default_factory=list)
    losses: list[ContentLoss] = field(default_factory=list)


# The word of a merged cell over a score table's value columns ("Poäng" over "Egna | Max").
UPPER_CELL_WORD = regex.compile(r"^poäng$", regex.IGNORECASE)
# Words of a score table's own header cells ("Max- poäng", "Egna poäng", "Delområde").
SCORE_HEADER_WORD = regex.compile(r"poäng|max|delområde|delfråga|fråga|summa", regex.IGNORECASE)


def extract_question_scores(doc: Document, year: int | None = None) -> ScoreTable:
    """Every sub-question group of every score-table row in the document, in reading order;
    ``year`` is the report's year, which picks the own-points column when several years are printed."""
    state = _State()
    skip_to = 0
    doc = _without_stray_stops(doc)
    for index, line in enumerate(doc.lines):
        if line.is_blank or index < skip_to:
            continue
        above_free = skip_to < index  # the line above is no part of a row read over several lines
        in_table = state.header is not None
        if not _is_separated(line) and (split := _split_row(doc, index, in_table)) is not None:
            line, skip_to = split
        elif _is_separated(line) and (wrapped := _wrapped_around_id(doc, index)) is not None:
            line, skip_to = wrapped
        if not _is_separated(line) and (raw := _raw_line(line, state)) is not None:
            if raw is line:  # a header printed with single spaces (pdftotext -raw)
                state.prose_run = 0
                continue
            if _read_row(raw, state):
                state.prose_run = 0
                continue
        if _is_separated(line):
            if is_header_line(line):
                # A header is taken where it is printed, with the header lines above it: an area
                # heading between it and the first row must not hide it.
                _note_header(header_above(doc, index + 1), state)
                state.prose_run = 0
                continue
            if (header := header_above(doc, index)) is not None:
                _note_header(header, state)
            read = len(state.groups)
            if _read_row(line, state):
                above = _values_line_above(doc, index) if above_free else None
                if len(state.groups) == read + 1 and above is not None:
                    _fill_from_above(state.groups, above, _row_edges_before(doc, index - 1))
                state.prose_run = 0
                continue
            if _is_other_header(line):
                state.header = None  # "Kommun | År": another table starts; its rows are not ours
        _note_context(line, state)
    questions, subtotals, unread = _resolve(state.groups, year)
    headings = state.headings if questions else []
    losses = tuple(state.losses) if questions else ()
    return ScoreTable(tuple(questions), tuple(headings), tuple(subtotals), tuple(unread), losses)


# A value as printed in a layout export's line, its right edge where its column ends.
PRINTED_VALUE = regex.compile(r"(?<!\S)[+\-−–]?\d+(?:,\d+)?(?!\S)")
# How far (characters) a value's right edge may stand from its column's in the rows around.
EDGE_REACH = 1


def _values_line_above(doc: Document, index: int) -> Line | None:
    """The line right above line ``index`` when it holds values alone, right of a gap, and is not
    the only line of values after a row's id line (whose values they may be)."""
    if index == 0:
        return None
    if (
        index >= 2
        and LABEL_ID.match(doc.lines[index - 2].stripped)
        and not split_label(doc.lines[index - 2])[2]
    ):
        return None
    above = doc.lines[index - 1]
    cells = [cell for cell in above.cells if cell]
    if not cells or not _is_separated(above) or not above.text.startswith("  "):
        return None
    return above if all(PRINTED_VALUE.fullmatch(cell.strip()) for cell in cells) else None


def _edges(line: Line) -> list[int]:
    return [match.end() for match in PRINTED_VALUE.finditer(line.text)]


# Lines up from a row searched for the values of a row printed in full, whose edges are the columns'.
EDGE_ROWS_REACH = 8


def _row_edges_before(doc: Document, index: int) -> list[list[int]]:
    """The right edges of the values each line before line ``index`` ends in, nearest first, for
    the ``EDGE_ROWS_REACH`` lines up from it."""
    found = []
    for line in reversed(doc.lines[max(0, index - EDGE_ROWS_REACH) : index]):
        ending = regex.search(r"(?:\s+[+\-−–]?\d+(?:,\d+)?)+\s*$", line.text)
        found.append(
            [m.end() + ending.start() for m in PRINTED_VALUE.finditer(ending.group())] if ending else []
        )
    return found


def _fill_from_above(groups: list[_Group], above: Line, before: list[list[int]]) -> None:
    """The last row read with fewer values than its header's columns takes the values of the line
    right above it where they stand in exactly the columns it leaves empty, by the right edges of
    the values of the nearest line above that ends in a full row's values (``before``: a layout
    export sets a cell's value on the line above its row's, "                    20" / "7:4
    Användning av      14"); any other row as read."""
    row = groups[-1]
    width = len(row.columns) if row.columns else 0
    columns = next((edges[-width:] for edges in before if width and len(edges) >= width), None)
    if not row.printed_id or columns is None or not 0 < len(row.values) < width:
        return
    mine, theirs = _edges(row.line), _edges(above)
    if len(columns) != width or len(mine) < len(row.values) or len(theirs) + len(row.values) != width:
        return
    printed = [parse_value(m.group()) for m in PRINTED_VALUE.finditer(above.text)]
    placed: dict[int, Value | None] = dict(zip(mine[-len(row.values) :], row.values, strict=True))
    placed.update(zip(theirs, printed, strict=True))
    order = sorted(placed)
    if len(order) != width or any(abs(a - b) > EDGE_REACH for a, b in zip(order, columns, strict=True)):
        return
    values = [value for edge in order if (value := placed[edge]) is not None]
    if len(values) == width:
        groups[-1] = dataclasses.replace(row, values=values)


# A full stop standing alone between spaces, tabs or the line's ends.
LONE_STOP = regex.compile(r" ?(?<![^\s])\.(?![^\s])")


def _without_stray_stops(doc: Document) -> Document:
    """The document with the one full stop standing alone on a line of a row taken out: a narrow
    id cell that broke "1.1." after its digits has its closing stop on the cell's second line, and
    a PDF's row reads it beside the name or the values ("1.1 Information . | 20 | 12",
    "Synpunktshantering 20 8 ."). A line with several lone stops (a dotted leader) is kept."""
    lines = tuple(_without_stray_stop(line) for line in doc.lines)
    if all(new is old for new, old in zip(lines, doc.lines, strict=True)):
        return doc
    return dataclasses.replace(doc, lines=lines)


def _without_stray_stop(line: Line) -> Line:
    stops = LONE_STOP.findall(line.text)
    if len(stops) != 1 or not regex.search(r"\d", line.text) or not regex.search(r"\p{L}", line.text):
        return line
    return dataclasses.replace(line, text=LONE_STOP.sub("", line.text))


def _note_header(header: Header | None, state: _State) -> None:
    if header is None:
        return
    if _stacked_value_words(header):
        state.header = None  # which value column stands left is not known: rows read by their shape
        return
    header = _split_cells(header)
    state.header = header if _is_score_header(header) else None
    if state.header and state.header.has_corner:
        state.pending.append(header.columns[0].printed)


def _stacked_value_words(header: Header) -> bool:
    """Whether the header's words end in one value column's words, then another's whole, then a
    lone "poäng" ("Egna Maxpoäng poäng"): a two-line cell ("Egna" over "poäng") beside a one-line
    one, read over the baselines of both, which comes out the same whichever of them is left (a
    LibreOffice PDF prints "Maxpoäng" left of "Egna poäng" so, a Chromium one right of it)."""
    words = [word for column in header.columns for word in column.printed.split()]
    while words and RAW_LABEL_WORD.match(words[0]):
        words = words[1:]
    if len(words) != 3 or words[2].lower() != "poäng":
        return False
    first, second = column_of(words[0]).role, column_of(words[1]).role
    return (
        "poäng" not in words[0].lower()
        and "poäng" in words[1].lower()
        and {first, second} == {Role.MAX, Role.OWN}
    )


def _is_separated(line: Line) -> bool:
    return "\t" in line.text or "   " in line.text


# The dots that lead a contents entry to its page number ("Styrning ........ 5", ". . ."); one full
# stop ends a question's sentence ("5.3 Strategier för att synliggöra kostnader. 20 7").
DOTTED_LEADER = regex.compile(r"(?:\.\s*){2,}$|…\s*$")
# The words of a header's label cells when the header is printed with single spaces.
RAW_LABEL_WORD = regex.compile(r"^(?:nr|id|delområde|delfråga|fråga|område|rubrik)$", regex.IGNORECASE)


def _raw_line(line: Line, state: _State) -> Line | None:
    """A line whose cells are set apart by single spaces, as ``pdftotext -raw`` prints a table: a
    score header (the line itself, its header noted in ``state``) or a row rebuilt with tabs
    between its label and the values it ends in; ``None`` for any other line."""
    if (header := _raw_header(line)) is not None:
        state.header = header if _is_score_header(header) and header.value_columns else None
        state.raw_width = len(header.value_columns)
        return line
    _, label, values = split_label(line)
    if not values or not regex.search(r"\p{L}", label) or DOTTED_LEADER.search(label):
        return None  # a dotted leader ends a contents entry, not a row (a question's full stop does)
    if LABEL_ID.match(label) is None and not (state.header and TOTAL_LABEL.match(label)):
        return None  # a row without an id ("Invånare 81 592") is no score row in a raw table
    # The values of the header's first table (its id and name columns are no values).
    first_group = _group_columns(state.header, 0)
    width = len(first_group) if first_group else state.raw_width or DEFAULT_GROUP
    if len(values) != width:
        return None
    return dataclasses.replace(line, text="\t".join([label, *values]))


# The stop or bracket that closes an id ("1.1." or "1.1)"), alone on its line.
ID_END = regex.compile(r"^[.:)]$")


def _split_row(doc: Document, index: int, in_table: bool = False) -> tuple[Line, int] | None:
    """A row printed over several lines, its id first and its values alone on a later line ("2.4" /
    "Kostnadsmedvetenhe" / "t" / "20 14" as ``pdftotext -raw`` prints it, or a wrapped question
    with its values beside the middle of the cell as ``-layout`` does): the row as one line, and
    the index after it. Under a score table's header (``in_table``) a blank line right after the
    id's line is passed over: a layout export may set the id's line apart from the rest of its
    cell ("8:1 Vad gör kommunen" / "" / "för att stötta    16,5    40")."""
    if LABEL_ID.match(doc.lines[index].stripped) is None or split_label(doc.lines[index])[2]:
        return None
    label = doc.lines[index].stripped
    first = index + 1
    if in_table and first < len(doc.lines) and doc.lines[first].is_blank:
        first += 1
    for position in range(first, min(first + MAX_SPLIT_ROW, len(doc.lines))):
        text = doc.lines[position].stripped
        cells = text.split()
        if len(cells) >= DEFAULT_GROUP and all(parse_value(cell) is not None for cell in cells):
            return dataclasses.replace(doc.lines[index], text=" ".join([label, *cells])), position + 1
        if position == first and ID_END.match(text):
            label += text  # the id's closing stop broken onto a line of its own ("1.1" / ".")
            continue
        ending_values = [part for cell in split_label(doc.lines[position])[2] for part in value_cells(cell)]
        if text and not LABEL_ID.match(text) and len(ending_values) >= DEFAULT_GROUP:
            # The name's next line ends in the row's values ("Medarbetarsamtal 30 24", or in cells:
            # "brukarorienterad     6  10"), its last line may follow them.
            ending = doc.lines[position].text.strip() if _is_separated(doc.lines[position]) else text
            return dataclasses.replace(doc.lines[index], text=f"{label} {ending}"), position + 1
        if not text or _is_separated(doc.lines[position]) or LABEL_ID.match(text):
            return None
        # The end of a word broken by a narrow cell ("Kostnadsmedvetenhe" / "t") joins it.
        broken = len(text) <= 2 and text.islower() and label[-1:].isalpha() and position > first
        label = label + text if broken else f"{label} {text}"
    return None


def _wrapped_around_id(doc: Document, index: int) -> tuple[Line, int] | None:
    """A layout export's row whose name wrapped in its cell and is printed around the line of its
    id and values ("    Internationellt" / "4:3        20    12" / "    arbete"): the row as one
    line with its name, and the index after it. The name's lines hold words alone, standing right
    of the id, in the name's column."""
    line = doc.lines[index]
    # Values two spaces apart ("2.1        13  20", narrow columns) are cells of their own.
    cells = [part for cell in line.cells for part in value_cells(cell)]
    match = LABEL_ID.match(cells[0]) if cells else None
    if match is None or match.end() != len(cells[0]) or len(cells) < 2:
        return None
    if any(parse_value(cell) is None for cell in cells[1:]):
        return None
    id_end = len(line.text) - len(line.text.lstrip()) + match.end()

    def name_part(position: int) -> str:
        if not 0 <= position < len(doc.lines):
            return ""
        text = doc.lines[position].text
        indent = len(text) - len(text.lstrip())
        words = text.strip()
        alone = sum(1 for cell in doc.lines[position].cells if cell) == 1
        if not words or indent < id_end or not alone or regex.search(r"\d", words):
            return ""
        return words

    above, below = name_part(index - 1), name_part(index + 1)
    if not above and not below:
        return None
    # The end of a word a narrow cell broke ("Medborgardialo" / "g") joins it.
    broken = above[-1:].isalpha() and len(below) <= 2 and below.islower()
    name = above + below if broken else " ".join(part for part in (above, below) if part)
    row = dataclasses.replace(line, text="\t".join([f"{cells[0]} {name}", *cells[1:]]))
    return row, index + 2 if below else index + 1


def _raw_header(line: Line) -> Header | None:
    """A score table's header printed with single spaces ("Nr Delområde Max Egna"): label words,
    then value words, each value column one role word (a "poäng" after "Max-" or "Egna" belongs to
    it). Value columns whose header words stand on other lines give a header without them."""
    words = line.stripped.split()
    labels = 0
    while labels < len(words) and RAW_LABEL_WORD.match(words[labels]):
        labels += 1
    if labels == len(words):
        return None
    columns = value_words(words[labels:])
    if not labels:
        # The value words alone on their line ("Maxpoäng Poäng"), the label cells' words ("Nr", the
        # area's wrapped name) on lines above: a header when it names max and own points.
        roles = {c.role for c in columns or []}
        if columns is None or Role.MAX not in roles or not roles & {Role.OWN, Role.YEAR}:
            return None
        return Header((PrintedColumn(Role.NAME, ""), *columns), (line,))
    if columns is None:
        return None
    roles = {c.role for c in columns}
    if roles in ({Role.MAX}, {Role.OWN}):
        # Max points without own points, or own without max: the other column's header words stand
        # on other lines ("Egna" / "poäng" / "Maxpoäng", a wrapped cell): which value is which is
        # unknown, so the rows are read by their shape (and said so).
        columns = []
    corner = PrintedColumn(Role.NAME, " ".join(words[:labels]))
    return Header((corner, *columns), (line,))


def _split_cells(header: Header) -> Header:
    """The header with a cell of two value words set one space apart ("Maxpoäng Poäng", as a
    layout export prints narrow columns) split into its columns."""
    columns: list[PrintedColumn] = []
    for index, column in enumerate(header.columns):
        if (parted := _label_beside_values(column, first=index == 0)) is not None:
            columns.extend(parted)
            continue
        words = column.printed.split()
        if len(header.lines) > 1:
            # Words joined from several lines ("Poäng" over "Max") are one column, but for a merged
            # "Poäng" over two value words set one space apart ("Egna Max", a scan's narrow columns).
            under = words[1:] if len(words) == 3 and UPPER_CELL_WORD.match(words[0]) else []
            if not under or column.role in (None, Role.NAME, Role.ID):
                columns.append(column)
                continue
            words = under
        split = (
            value_words(words) if column.role not in (None, Role.NAME, Role.ID) and len(words) > 1 else None
        )
        pair = split is not None and len(split) == 2 and {c.role for c in split} == {Role.MAX, Role.OWN}
        columns.extend(split if split is not None and pair else [column])
    return Header(tuple(_own_word_rejoined(columns)), header.lines)


def _own_word_rejoined(columns: list[PrintedColumn]) -> list[PrintedColumn]:
    """The columns with a cell of "poäng" alone right after an own points' "Egna" that lacks it
    joined to it: a PDF set "Egna" of the two-line "Egna poäng" into the label cell ("Nr Delområde
    Egna | poäng | Maxpoäng"), and two own points' columns stood over rows of two values."""
    joined: list[PrintedColumn] = []
    for column in columns:
        before = joined[-1] if joined else None
        if (
            before is not None
            and column.printed.lower() == "poäng"
            and before.role is Role.OWN
            and "poäng" not in before.printed.lower()
        ):
            joined[-1] = column_of(f"{before.printed} {column.printed}")
            continue
        joined.append(column)
    return joined


def _label_beside_values(column: PrintedColumn, first: bool) -> list[PrintedColumn] | None:
    """A header cell holding the label column's words beside value columns' words: the label
    column, then the value columns; ``None`` for any other cell. The first cell may hold the label
    word among them ("Egna Delfråga poäng": a two-line "Egna poäng" beside "Delfråga", read as one
    cell); any cell may end in the own and max points' words after the area's name ("Verksamhets-
    utvecklin Poäng Maxpoäng": a wrapped corner cell one space before narrow value columns)."""
    words = column.printed.split()
    labels = [word for word in words if RAW_LABEL_WORD.match(word)]
    if first and labels and len(labels) < len(words):
        values = value_words([word for word in words if not RAW_LABEL_WORD.match(word)])
        return [PrintedColumn(Role.NAME, " ".join(labels)), *values] if values else None
    tail = ""
    if len(words) > 3 and len(words[-1]) <= 2 and words[-1].islower():
        tail, words = words[-1], words[:-1]  # the end of the name's word a narrow cell broke ("… g")
    for cut in range(1, len(words) - 1):
        name, ending = " ".join(words[:cut]) + tail, words[cut:]
        if column_of(name).role not in (None, Role.NAME) or len(ending) != 2:
            continue
        pair = value_words(ending)
        if pair is not None and len(pair) == 2 and {c.role for c in pair} == {Role.MAX, Role.OWN}:
            return [PrintedColumn(Role.NAME, name), *pair]
    return None


def _is_other_header(line: Line) -> bool:
    """A line of words in cells, none a number nor a score column's word: another table's header."""
    cells = [cell for cell in line.cells if cell]
    return len(cells) >= 2 and all(
        parse_value(cell) is None and not SCORE_HEADER_WORD.search(cell) for cell in cells
    )


def _is_score_header(header: Header) -> bool:
    """A header with max or own points ("Delfråga | Poäng" has no max column, "2005 | 2007" gives
    own points by year)."""
    wanted = {Role.MAX, Role.OWN, Role.YEAR}
    return any(wanted & {c.role for c in columns} for _, columns in header.groups())


def _note_context(line: Line, state: _State) -> None:
    """A line outside the table rows: a possible area heading is kept for the rows that follow;
    prose ends the table."""
    text = line.stripped
    if len(text) <= MAX_HEADING and not text.endswith((".", "!", "?")):
        state.pending.append(text)
    elif not _is_separated(line):
        state.prose_run += 1
        if state.prose_run >= HEADER_REACH:
            state.header, state.area, state.pending = None, None, []


def _current_area(state: _State) -> int | None:
    """The area of the rows at this point: from the latest heading line that names one, else the
    area of the rows before."""
    for text in reversed(state.pending):
        if (area := _heading_area(text)) is not None:
            state.area = area
            break
    state.pending = []
    return state.area


def _heading_area(text: str) -> int | None:
    """The area a heading line names: "Område 1 ...", a number with the area's name, or the name
    alone ("4 Poängsammanställning" names none)."""
    if len(text) > MAX_HEADING:
        return None
    if match := AREA_LABEL.match(text):
        number = int(match["area"])
        if text[:1].isalpha() or denoted_area(match["name"]) == number:
            return number
        return None
    return denoted_area(text)


def _is_summary_header(header: Header | None) -> bool:
    """A header whose corner names main areas ("Huvudområde", "Område") heads a summary table."""
    corner = header.columns[0] if header and header.has_corner else None
    return corner is not None and bool(MAIN_AREA_CORNER.match(corner.printed))


def _group_columns(header: Header | None, index: int) -> tuple[PrintedColumn, ...] | None:
    if header is None:
        return None
    chosen = None
    for start, columns in header.groups():
        if start <= index or chosen is None:
            chosen = columns
    return chosen


def _read_row(line: Line, state: _State) -> bool:
    """Read the groups of one row into ``state``; whether the line was a table row."""
    cells = [part for cell in line.cells for part in value_cells(cell)]
    found = False
    i = 0
    while i < len(cells):
        consumed = _read_group(line, cells, i, state) or _read_heading(line, cells, i, state)
        found = found or consumed > 0
        i += consumed or 1
    return found


# A label whose wrapped name a PDF set around its id ("Förtroendevaldas 1:1 roll",
# "Kostnadsmedvetenhe 2:2 t"): the name's first line, the id, the rest of the name.
ID_INSIDE = regex.compile(
    r"^(?P<before>\p{L}[\p{L}\-]*)\s+(?P<id>\d{1,2}\s*[.:]\s*\d{1,2}[.:)]?)(?:\s+(?P<after>.*))?$"
)


def _id_first(cell: str) -> str:
    """A label cell with its id first where a PDF set the id inside its wrapped name; any other cell
    as it is."""
    match = ID_INSIDE.match(cell.strip()) if not LABEL_ID.match(cell) else None
    if match is None or LABEL_ID.match(match["id"]) is None:
        return cell
    after = match["after"] or ""
    broken = len(after) <= 2 and after.islower()  # the end of a word a narrow cell broke ("…he" / "t")
    name = f"{match['before']}{after}" if broken else f"{match['before']} {after}".strip()
    return f"{match['id']} {name}"


def _label(cells: list[str], i: int, state: _State) -> tuple[str, str, str, int] | None:
    """(id, printed id, text, cells used) of a question label at ``cells[i]``, or ``None``."""
    cell = _id_first(cells[i])
    if match := LABEL_ID.match(cell):
        text = cell[match.end() :].strip()
        used = 1
        # The name in a cell of its own, after the id's; empty cells between them are a column no
        # row of this table fills (a mark read in the gap of another row started one).
        name_at = next((k for k in range(i + 1, len(cells)) if cells[k].strip()), len(cells))
        if not text and name_at < len(cells) and parse_value(cells[name_at]) is None:
            text, used = cells[name_at], name_at - i + 1
        question_id = f"{match['area']}.{int(match['sub'])}"
        return (question_id, match.group().strip(), text, used) if text else None
    # Rows without an id (sub-areas, "Summa") belong to a table whose header has max points: a
    # header of years alone heads a summary table.
    columns = _group_columns(state.header, i)
    if not columns or all(c.role is not Role.MAX for c in columns):
        return None
    if not regex.search(r"\p{L}", cell) or parse_value(cell) is not None:
        return None
    if TOTAL_LABEL.match(cell):
        # The TOTALT row of a summary table with a max column ("Huvudområde | Max | 2014") is no
        # area's Summa row.
        return None if _is_summary_header(state.header) else ("", "", cell, 1)
    # A sub-area printed without an id ("Delområde | Max | Poäng" tables of later layouts): its
    # area comes from the table's heading; a row naming an area itself belongs to a summary.
    # A caption set under the table's last row ("Tabell 8 Poäng inom område | 6") is none either.
    if (
        AREA_LABEL.match(cell)
        or TABLE_CAPTION.match(cell)
        or _is_summary_header(state.header)
        or _current_area(state) is None
    ):
        return None
    return ("?", "", cell, 1)


def _read_group(line: Line, cells: list[str], i: int, state: _State) -> int:
    label = _label(cells, i, state)
    if label is None:
        return 0
    question_id, printed_id, text, used = label
    columns = _group_columns(state.header, i)
    width = len(columns) if columns else DEFAULT_GROUP
    group = cells[i + used :]
    end = next((k for k, cell in enumerate(group) if cell.strip() and parse_value(cell) is None), len(group))
    if question_id != "?" and (parts := ungrouped_cells(group[:end], width)) is not None:
        # "Summa   77 100" under "Egna | Max": two values one space apart, no thousands group (a
        # row without an id or Summa, "Antal invånare   70 977", is another table's and keeps it).
        cells[i + used : i + used + end] = parts
        group, end = cells[i + used :], len(parts)
    raw = cells[i + used : i + used + width]
    taken = len(raw)
    in_group = [cell for cell in group[:end] if cell.strip()]
    every = tuple(c for _, found in (state.header.groups() if state.header else []) for c in found)
    if end == len(group) and columns and len(in_group) == len(every) > width:
        # One label and the values of every column: an empty header cell between the value columns
        # (a PDF's column cut in two) started no second table beside the first.
        columns, width = every, len(every)
        raw = cells[i + used : i + used + width]
        taken = len(raw)
    elif end == len(group) and columns and printed_id and len(in_group) < len(every) > width:
        # The same where the first values joined the label cell, a word space after the name (a
        # scan's "8:1 Jämförelser 15 |  | 20" under "Nr Delområde Egna poäng |  | Maxpoäng").
        rest, ending = _values_in_label(text, len(every) - len(in_group))
        if ending:
            columns, width = every, len(every)
            text, raw, taken = rest, [*ending, *in_group], end
    if len(in_group) == width and any(not cell.strip() for cell in raw):
        # Empty cells between the values (a PDF whose decimal-aligned columns were each cut in two):
        # the group's values are its filled cells, as many as the header has columns.
        raw, taken = in_group, end
    filled = [cell for cell in raw if cell.strip()]
    if (printed_id or question_id == "") and len(filled) < width:
        # A label filling its column leaves one space before the first value ("1.1 Kulturliv 20
        # 13" in a layout export, or every value of a PDF row whose cells were not told apart,
        # "Summa 64,5 | 100" too): the values it ends in are the row's first cells; so are the
        # values a two-line label holds between its lines ("... uppföljning av 4 10
        # kompetensutveckling?").
        rest, ending = _values_in_label(text, width - len(filled))
        if ending:
            text, raw = rest, [*ending, *filled]
    elif printed_id and 0 < end < width and len(in_group) == end:
        # The group's values end at a word of the table beside it (the wrapped name of its row,
        # "... 11 stärka serviceutbudet? | 20 | utveckling av …"): the rest are in the label.
        rest, ending = _values_in_label(text, width - end)
        if ending:
            text, raw, taken = rest, [*ending, *in_group], end
    values = [parse_value(cell) for cell in raw]
    unread = [cell for cell, value in zip(raw, values, strict=True) if value is None]
    if unread and columns and printed_id and len(raw) == width and all(_misread_cell(c) for c in unread):
        # A scan's cell OCR read as no number ("Sk." for 31, "IS" for 15) in a row whose id and other
        # values were read: the row is read with that cell empty, and the cell reported.
        values = [value or Value(None, printed=cell) for cell, value in zip(raw, values, strict=True)]
        misread = ", ".join(f'"{cell}"' for cell in unread)
        state.losses.append(
            ContentLoss(
                f"a cell of the score table's row {printed_id} holds no number "
                f"({misread}): its row was read with it empty",
                len(unread), line.page, line.number,
            )
        )  # fmt: skip
    if not raw or any(v is None for v in values) or all(v is None or v.number is None for v in values):
        return 0
    if question_id == "?" and len(raw) < width:
        return 0  # a row without an id that fills fewer cells than the header is another table's
    is_total = question_id == ""
    area = int(question_id.split(".")[0]) if question_id not in ("", "?") else _current_area(state)
    if question_id == "?" and area is not None:
        state.unnumbered[area] = state.unnumbered.get(area, 0) + 1
        question_id = f"{area}.{state.unnumbered[area]}"
    state.groups.append(
        _Group(line, area, question_id, printed_id, " ".join(text.split()),
               [v for v in values if v is not None], columns, is_total)
    )  # fmt: skip
    if not is_total and area is not None:
        state.area, state.pending = area, []
    return used + taken


# A run of values inside a label, between its words: a cell's value printed between its two lines.
_INNER_VALUES = regex.compile(
    r"(?<=\S)\s+((?:[+\-−–]?\d+(?:[.,]\d+)?\s+)*[+\-−–]?\d+(?:[.,]\d+)?)\s+(?=\p{Ll})"
)


def _misread_cell(cell: str) -> bool:
    """Whether a cell that is no value is one short word, as OCR misreads a number ("Sk.", "IS",
    "L/,5"), not words of a label or of another table."""
    return len(cell) <= MISREAD_LONGEST and len(cell.split()) == 1


def _values_in_label(text: str, count: int) -> tuple[str, list[str]]:
    """The label without the ``count`` values it holds at its end or between its words (the rest of
    a wrapped label after them), and those values; the label whole and no values where it holds
    no such run."""
    rest, ending = split_label(Line(text, 0))[1:]
    if ending:
        return (rest, ending) if len(ending) == count else (text, [])
    runs = [m for m in _INNER_VALUES.finditer(text) if len(m.group(1).split()) == count]
    if len(runs) != 1:
        return text, []
    run = runs[0]
    return f"{text[: run.start()]} {text[run.end() :]}", run.group(1).split()


def _read_heading(line: Line, cells: list[str], i: int, state: _State) -> int:
    heading = AREA_LABEL.match(cells[i])
    if heading and len(cells) > i + 1 and all(not c for c in cells[i + 1 : i + 3]):
        area = int(heading["area"])
        state.headings.append(
            AreaHeading(area, heading["name"].strip(), "score_table", line.page, line.number)
        )
        state.area, state.pending = area, []
        return 3
    return 0


def _resolve(
    groups: list[_Group], year: int | None
) -> tuple[list[QuestionScore], list[AreaSubtotal], list[UnreadHeader]]:
    """Give every group's values their roles and build the records."""
    shape_order = _shape_order([g for g in groups if g.columns is None and not g.is_total])
    against = _against_header(groups, year)
    questions: list[QuestionScore] = []
    subtotals: list[AreaSubtotal] = []
    unread: list[UnreadHeader] = []
    previous: _Group | None = None
    for index, group in enumerate(groups):
        if group.columns is None and (previous is None or previous.columns is not None):
            unread.append(_unread(group, shape_order))
        max_score, score = _max_and_own(group, shape_order, year)
        if index in against:
            max_score, score = score, max_score
            if index - 1 not in against:
                printed = " | ".join(c.printed for c in group.columns or ())
                order = "own points | max points" if against[index] else "max points | own points"
                unread.append(UnreadHeader("score_table", printed, order, group.line.page, group.line.number))
        line = group.line
        if group.is_total:
            if group.area is not None:
                subtotals.append(AreaSubtotal(group.area, max_score, score, line.page, line.number))
        elif group.area is not None:
            questions.append(
                QuestionScore(group.area, group.question_id, group.text, max_score, score,
                              line.page, line.number, group.printed_id)
            )  # fmt: skip
        previous = group
    return questions, subtotals, unread


# An area's rows read against their header's order number at least this many.
MIN_AGAINST = 2


def _against_header(groups: list[_Group], year: int | None) -> dict[int, bool]:
    """The groups whose two values contradict their header's order: every sub-question row of an
    area under one header (``MIN_AGAINST`` rows or more) read with own points above max points,
    as a text export that printed the header's cells the other way round sets them (its rows'
    values in the order of the rows above it). They are read the other way round, by their shape
    (a planted own score above its max is one row, never an area's every row); each group's index
    maps to whether its max points then stand right of its own points."""
    runs: dict[tuple[int | None, tuple[PrintedColumn, ...]], list[int]] = {}
    totals: dict[tuple[int | None, tuple[PrintedColumn, ...]], list[int]] = {}
    for index, group in enumerate(groups):
        roles = [c.role for c in group.columns or ()]
        if (
            len(group.values) != DEFAULT_GROUP
            or len(roles) != DEFAULT_GROUP
            or set(roles) != {Role.MAX, Role.OWN}
        ):
            continue
        (totals if group.is_total else runs).setdefault((group.area, group.columns or ()), []).append(index)

    def above_max(index: int) -> bool:
        max_score, own = _max_and_own(groups[index], (0, 1), year)
        return max_score is not None and own is not None and own > max_score

    against: dict[int, bool] = {}
    for key, indices in runs.items():
        if len(indices) >= MIN_AGAINST and all(above_max(index) for index in indices):
            # The area's Summa row under the same header reads the same way round.
            for index in [*indices, *(i for i in totals.get(key, []) if above_max(i))]:
                against[index] = next(c.role for c in groups[index].columns or ()) is Role.MAX
    return against


def _unread(group: _Group, order: tuple[int, int]) -> UnreadHeader:
    assumed = "max points | own points" if order == (0, 1) else "own points | max points"
    return UnreadHeader("score_table", "", assumed, group.line.page, group.line.number)


def _max_and_own(
    group: _Group, order: tuple[int, int], year: int | None
) -> tuple[float | None, float | None]:
    values = group.values
    if group.columns is None:
        picked = [values[i].number if i < len(values) else None for i in order]
        return picked[0], picked[1]
    pairs = list(zip(group.columns, values, strict=False))
    max_score = next((v.number for c, v in pairs if c.role is Role.MAX), None)
    own = [(c, v) for c, v in pairs if c.role in (Role.OWN, Role.YEAR)]
    this_year = [v for c, v in own if c.year is not None and c.year == year]
    dated = sorted((c.year, i) for i, (c, _) in enumerate(own) if c.year is not None)
    if this_year:
        return max_score, this_year[0].number
    if dated:
        return max_score, own[dated[-1][1]][1].number
    return max_score, own[0][1].number if own else None


def _shape_order(groups: list[_Group]) -> tuple[int, int]:
    """Which of two header-less values is max points: the one that is at least the other in most
    rows (a planted own score above its max must not turn the table round)."""
    first_larger = sum(1 for g in groups if len(g.values) >= 2 and _ge(g.values[0], g.values[1]))
    second_larger = sum(1 for g in groups if len(g.values) >= 2 and _ge(g.values[1], g.values[0]))
    return (1, 0) if second_larger > first_larger else (0, 1)


def _ge(a: Value, b: Value) -> bool:
    return a.number is not None and b.number is not None and a.number > b.number
