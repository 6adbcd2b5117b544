"""Reading any table of a report by what its header says, not by where its columns happen to be.

A column gets its role from the words of its header cell: an evaluation year ("2007", "Strängnäs
2014", "Resultat 2013"), max points ("Max", "Max- poäng"), own points ("Egna poäng", "Poäng"), a
change ("Ändring"), an average of other municipalities ("40 kommuner i genomsnitt", "Nationellt
medelvärde", "Sverigesnitt"), the row label ("Huvudområde", "Område", "Delområde") or an id
("Nr"). Columns may come in any order; a header may span two or three lines (a merged "Poäng" above
"Max | Egna"), and its lines are joined column by column. Where no header can be read, the callers
read a table by the shape of its values and say so with a finding.

Values are read as printed: "69,5", "51 %", "+44 %", "-6". A footnote marker after a value ("79¹",
"61*", "58 †") is not part of its number: the number is read, the marker is kept apart in
``Value.marker`` (the cell as printed, marker included, stays in ``Value.printed``). The tables
carry the number only; the footnote the marker points to stays in the report's text.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

import regex

from pipeline.editions.edition_lookup import AREA_WORD, area_number_pattern
from pipeline.model.document import Document, Line


class Role(StrEnum):
    """What a table column holds."""

    NAME = "name"
    ID = "id"
    YEAR = "year"
    MAX = "max"
    OWN = "own"
    CHANGE = "change"
    AVERAGE = "average"


# A column's role from its header words, first match wins: "40 kommuner i genomsnitt 2011-2013" is
# an average although it names years, "Max- poäng" is max points although it says "poäng".
_ROLE_WORDS: tuple[tuple[Role, regex.Pattern[str]], ...] = (
    (Role.AVERAGE, regex.compile(r"genomsnitt|medel|snitt|median", regex.IGNORECASE)),
    (
        Role.CHANGE,
        # "Andring", "Huvudomrade": a scan's OCR may lose a letter's diaeresis or ring.
        regex.compile(
            r"ändring|\bandring|skillnad|differens|\bdiff\b|^[+]\s*/\s*[-−–]$|^±$", regex.IGNORECASE
        ),
    ),
    (Role.MAX, regex.compile(r"\bmax|möjlig", regex.IGNORECASE)),
    (Role.YEAR, regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")),
    (Role.OWN, regex.compile(r"\begn|erhåll|uppnådd|poäng|resultat|utfall|\bscore", regex.IGNORECASE)),
    (Role.NAME, regex.compile(r"omr[åa]de|fråga|frågor|kriteri|rubrik", regex.IGNORECASE)),
    (Role.ID, regex.compile(r"^(?:nr|id|nummer|#)\.?$", regex.IGNORECASE)),
)
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "69,5", "51 %", "+44 %", "−6", "1 234"; a lone dash is an empty cell.
VALUE = regex.compile(
    r"^(?P<sign>[+\-−–±])?\s*(?P<number>\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"\s*(?P<percent>%|procent)?\s*(?P<marker>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|[†‡§])?$"
)
# One value as printed in a line or cell of values alone ("100 79,5 68", "+44 %", "61¹").
VALUE_TOKEN = regex.compile(r"[+\-−–]?\d+(?:[.,]\d+)?(?:\s*%)?(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|[†‡§])?")
EMPTY_CELL = regex.compile(r"^(?:|[-−–—]|\.\.|n/a)$", regex.IGNORECASE)
# A sub-question or sub-area id as printed: "1.1", "1:1", "1.1.", "1.1)", "Fråga 1.1".
QUESTION_ID = regex.compile(rf"^(?P<area>{area_number_pattern()})\s*[.:]\s*(?P<sub>\d{{1,2}})(?![\d,])[.:)]?")
# The id that starts a row's label, also with a decimal comma ("4,3 Lokala initiativ …", as typed or
# as OCR reads a dot): before a question's words it is no number.
LABEL_ID = regex.compile(
    rf"^(?P<area>{area_number_pattern()})(?:\s*[.:]\s*|,)(?P<sub>\d{{1,2}})(?![\d,])[.:)]?(?=\s+\p{{L}}|$)"
)
# A row label that starts a data row rather than a header: "1 Offentlighet", "1.1 Hur ...".
_DATA_LABEL = regex.compile(
    rf"^(?:{AREA_WORD}\s+)?{area_number_pattern()}(?:[.:]\d{{1,2}})?[.:)]?\s+\p{{L}}", regex.IGNORECASE
)
STARTS_LOWER = regex.compile(r"^\p{Ll}")
# A table's caption: "Tabell 5 Poäng inom område 3", "Figur 2".
TABLE_CAPTION = regex.compile(r"^(?:tabell|tab\.|figur|diagram)\s+\d", regex.IGNORECASE)
# A line that ends a sentence: no header cell ends in a full stop.
SENTENCE_END = regex.compile(r"\p{L}{2,}\.$|(?<!\d)(?:19|20)\d\d\.$")
# A header is at most this many lines (a two- or three-level merged header).
MAX_HEADER_LINES = 3
# A corner cell's word stands at the line's start (a layout export may indent every line a little).
CORNER_INDENT = 2
# A header line holding one cell alone (an upper cell over its column, "Poäng") has at most this
# many words; a longer one is a line of prose beside the table.
MAX_LONE_HEADER_WORDS = 3


@dataclass(frozen=True, slots=True)
class Value:
    """A value cell as printed: its number (``None`` for an empty cell), unit and sign."""

    number: float | None
    unit: str = "points"
    signed: bool = False
    printed: str = ""
    # A footnote marker printed after the number ("79¹" has "¹"); never part of the number.
    marker: str = ""


def parse_value(cell: str) -> Value | None:
    """The value of a table cell ("51 %" is 51 percent), an empty value for an empty cell or a dash,
    or ``None`` when the cell is not a value at all.

    >>> parse_value("+44 %")
    Value(number=44.0, unit='percent', signed=True, printed='+44 %')
    >>> parse_value("79¹")
    Value(number=79.0, unit='points', signed=False, printed='79¹', marker='¹')
    >>> parse_value("Offentlighet") is None
    True
    """
    text = cell.strip()
    if EMPTY_CELL.match(text):
        return Value(None, printed=text)
    match = VALUE.match(text)
    if match is None:
        return None
    number = float(regex.sub(r"[ \u00a0]", "", match["number"]).replace(",", "."))
    sign = match["sign"] or ""
    if sign in "-−–" and sign:
        number = -number
    unit = "percent" if match["percent"] else "points"
    return Value(number, unit, signed=bool(sign), printed=text, marker=match["marker"] or "")


def value_cells(cell: str) -> list[str]:
    """A cell as the cells it holds: values a text export printed one space apart ("100 87,5",
    "20 16,5" where a layout export set two narrow columns close) are as many cells; any other
    cell, a thousands group ("1 234") among them, is one.

    >>> value_cells("20 16,5")
    ['20', '16,5']
    >>> value_cells("Offentlighet")
    ['Offentlighet']
    """
    if parse_value(cell) is not None or VALUE_TOKEN.sub("", cell).strip():
        return [cell]
    return VALUE_TOKEN.findall(cell) or [cell]


# A value printed as digits in groups of three after the first ("800 542", "800 438,5"): a thousands
# group, or values a text export printed one space apart.
THOUSANDS = regex.compile(r"^\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?$")


def ungrouped_cells(cells: list[str], count: int) -> list[str] | None:
    """The cells of a row short of the ``count`` values its header names, each thousands group read
    as the values it is ("77 100" under "Egna | Max": own and max points a layout export printed
    one space apart), where that gives exactly ``count`` values; ``None`` otherwise.

    >>> ungrouped_cells(["77 100"], 2)
    ['77', '100']
    >>> ungrouped_cells(["1 234"], 1) is None
    True
    """
    parts = [part for cell in cells for part in (cell.split() if THOUSANDS.match(cell.strip()) else [cell])]
    if len(parts) == len(cells) or sum(1 for part in parts if part.strip()) != count:
        return None
    return parts


def normalise_id(printed: str) -> str | None:
    """A sub-question id in the one form the tables use ("1:1" and "1.1." give "1.1")."""
    match = QUESTION_ID.match(printed.strip())
    return f"{match['area']}.{int(match['sub'])}" if match else None


@dataclass(frozen=True, slots=True)
class PrintedColumn:
    """One column of a header: what it holds, its header words as printed, and its year if any."""

    role: Role | None
    printed: str
    year: int | None = None


def column_of(printed: str) -> PrintedColumn:
    """The role of a header cell from its words; ``role`` is ``None`` when no word is known."""
    text = " ".join(printed.split())
    # A narrow PDF column breaks a long header word over lines ("Sveriges" / "nitt"); the words
    # are also tried without the spaces the breaks left.
    compact = "".join(text.split())
    for role, pattern in _ROLE_WORDS:
        # Digits are never joined: "20 16,5" (two values one space apart) names no year 2016.
        if pattern.search(text) or (role not in (Role.ID, Role.YEAR) and pattern.search(compact)):
            year = YEAR.search(text) if role is Role.YEAR else None
            return PrintedColumn(role, text, int(year.group()) if year else None)
    return PrintedColumn(None, text)


@dataclass(frozen=True)
class Header:
    """A table's header: one column per cell position, and the lines it was read from."""

    columns: tuple[PrintedColumn, ...]
    lines: tuple[Line, ...]

    @property
    def has_corner(self) -> bool:
        """Whether the first column heads the row labels (empty, or "Huvudområde" and the like)."""
        first = self.columns[0]
        return first.role in (None, Role.NAME, Role.ID)

    @property
    def value_columns(self) -> tuple[PrintedColumn, ...]:
        """The columns right of the label, in order."""
        return self.columns[1:] if self.has_corner else self.columns

    def roles(self) -> set[Role]:
        return {c.role for c in self.columns if c.role is not None}

    def groups(self) -> list[tuple[int, tuple[PrintedColumn, ...]]]:
        """Side-by-side tables under one header: (first cell index, value columns) of each group;
        a group starts at every label column (an empty or label cell before value columns)."""
        found: list[tuple[int, tuple[PrintedColumn, ...]]] = []
        start, values = 0, list[PrintedColumn]()
        for index, column in enumerate(self.columns):
            if column.role in (None, Role.NAME, Role.ID) and (values or index == 0):
                if values:
                    found.append((start, tuple(values)))
                start, values = index, []
            elif column.role is not None and column.role not in (Role.NAME, Role.ID):
                values.append(column)
        if values:
            found.append((start, tuple(values)))
        return found


def _is_header_candidate(line: Line) -> bool:
    """A line that could be (part of) a header: several cells, no number but years, and not
    starting with an area or question label."""
    cells = line.cells
    if len(cells) == 1 and "\t" not in line.text and _is_glued_score_header(cells[0]):
        return True
    if len(cells) < 2 or not any(cells):
        return False
    first_index, first = next((i, cell) for i, cell in enumerate(cells) if cell)
    if TABLE_CAPTION.match(first):
        return False  # "Tabell 5 Poäng inom område 3" above the header, indented in its column
    if len(first.split()) > MAX_LONE_HEADER_WORDS and (
        sum(1 for cell in cells if cell) == 1 or SENTENCE_END.search(line.stripped)
    ):
        # A line of prose beside the table, indented in its text column, or a sentence whose words a
        # scan's line set apart ("I tabell 2 redovisas resultaten per huvudområde | för | 2010 och 2013.").
        return False
    if LABEL_ID.fullmatch(first) or any(_trailing_values(cell)[1] for cell in cells if cell):
        return False  # a row: its id alone in its cell, or a label ending in its values ("roll 12,5  20")
    # "1 Offentlighet ..." starts a row, unless every other cell is a header word: then it is an
    # area's table with its area in the corner ("Område 1 Samspel ... | Max | Poäng 2022").
    if _DATA_LABEL.match(first):
        rest = [cell for cell in cells[first_index + 1 :] if cell]
        if not rest or any(column_of(cell).role is None for cell in rest):
            return False
    parts = [part for cell in cells for part in value_cells(cell)]
    numbers = [index for index, part in enumerate(parts) if _is_count(part)]
    return not numbers or _count_opens_last_cell(parts, numbers)


def _is_count(part: str) -> bool:
    """Whether a cell's part is a number other than a year."""
    value = parse_value(part)
    printed = part.strip().removesuffix(value.marker).strip() if value is not None else ""
    return value is not None and value.number is not None and not YEAR.fullmatch(printed)


def _count_opens_last_cell(parts: list[str], numbers: list[int]) -> bool:
    """Whether the one number of a header line opens its last cell, whose words go on below ("Max |
    Helsingborg | 40" over "2013 | kommuner i" / "genomsnitt", the count of municipalities of "40
    kommuner i genomsnitt" as a layout export prints it): last on a line of three cells or more,
    after a value column's header words ("Max", a year, "Ändring"). A row's numbers are never so."""
    filled = [part for part in parts if part.strip()]
    return (
        numbers == [len(parts) - 1]
        and len(filled) >= 3
        and any(column_of(part).role not in (None, Role.NAME, Role.ID) for part in parts[:-1])
    )


def _is_glued_score_header(cell: str) -> bool:
    """Whether one cell is a score table's whole header that a layout export set with single
    spaces ("Nr 5 Brukarens fokus Max Egna"): label words, then max points and own points."""
    parts = _cut_cell(cell)
    roles = {column_of(text).role for _, _, text in parts[1:]}
    return len(parts) >= 3 and Role.MAX in roles and bool(roles & {Role.OWN, Role.YEAR})


def _joined(lines: list[Line]) -> list[str]:
    """The words of a multi-line header joined column by column (right-aligned where the lines have
    different numbers of cells: a header line drops its empty corner more often than a last column).
    Lines laid out with spaces (``pdftotext -layout``) are joined by where their cells stand."""
    if len(lines) > 1 and not any("\t" in line.text for line in lines):
        return _joined_by_position(lines)
    # A cell holding several columns' words is cut into them: a layout export's words one space
    # apart, or a PDF's label cell that took the value columns' words ("Delfråga Egna Max"; a
    # tab-separated cell of value words alone, "Resultat 2011", is one column's).
    rows = [
        [part for cell in line.cells for _, _, part in _cut_cell(cell, labelled="\t" in line.text)]
        for line in lines
    ]
    width = max(len(cells) for cells in rows)
    columns: list[list[str]] = [[] for _ in range(width)]
    for cells in rows:
        offset = width - len(cells)
        for index, cell in enumerate(cells):
            if cell:
                columns[offset + index].append(cell)
    return [" ".join(words) for words in columns]


def value_words(words: list[str]) -> list[PrintedColumn] | None:
    """The value columns of header words set with single spaces, one role word each; ``None`` if a
    word names no value."""
    columns: list[PrintedColumn] = []
    for position, word in enumerate(words):
        column = column_of(word)
        if column.role is None or column.role in (Role.NAME, Role.ID):
            return None
        if columns and _is_unit_word(word, columns[-1], words[position + 1 :]):
            columns[-1] = column_of(f"{columns[-1].printed} {word}")
            continue
        columns.append(column)
    rest = {c.role for c in columns[1:]}
    if len(columns) > 2 and columns[0].printed.lower() == "poäng" and Role.MAX in rest and Role.OWN in rest:
        # A merged upper cell read on the line of the cells it spans ("Poäng Egna Max"): no column.
        return columns[1:]
    return columns


def _is_unit_word(word: str, before: PrintedColumn, after: list[str]) -> bool:
    """Whether ``word`` is the second word of the column before ("Max- poäng", "Egna poäng"), not
    a column of its own ("Max Poäng": max points, then own points)."""
    if word.lower() != "poäng" or "poäng" in before.printed.lower():
        return False
    if before.role is Role.OWN or before.printed.endswith("-"):
        return True
    own_later = any(column_of(other).role in (Role.OWN, Role.YEAR) for other in after)
    return before.role is Role.MAX and own_later


def header_of_words(line: Line, width: int) -> Header | None:
    """A header printed with single spaces between its cells (``pdftotext -raw``: "Huvudområde Max
    2007 2009", "Område Lund 2009 40 kommuner i genomsnitt"), read for ``width`` value columns:
    label words first, then a column ends at every word with a role of its own ("Max", "2009",
    "genomsnitt"), the words before it without one joining it ("Lund 2009"); a "poäng" after "Max"
    or "Egna" is that column's. ``None`` unless it makes exactly ``width`` columns."""
    words = line.stripped.split()
    labels = 0
    while labels < len(words) and column_of(words[labels]).role in (Role.NAME, Role.ID):
        labels += 1
    if not labels:
        return None
    columns: list[PrintedColumn] = []
    pending: list[str] = []
    for position, word in enumerate(words[labels:], start=labels):
        role = column_of(word).role
        if role is None or role in (Role.NAME, Role.ID):
            pending.append(word)
            continue
        if not pending and columns and _is_unit_word(word, columns[-1], words[position + 1 :]):
            columns[-1] = column_of(f"{columns[-1].printed} {word}")
            continue
        columns.append(column_of(" ".join([*pending, word])))
        pending = []
    if pending or len(columns) != width:
        return None
    return Header((PrintedColumn(Role.NAME, " ".join(words[:labels])), *columns), (line,))


# A cell of a line laid out with spaces: words apart by less than a cell separator.
_SPACED_CELL = regex.compile(r"\S+(?: {1,2}\S+)*")


def _value_parts(text: str) -> list[tuple[int, int, str]]:
    """The cells of a header line laid out with spaces, (start, end, words) each, a cell of several
    value columns' words cut into them (:func:`_cut_cell`)."""
    return [
        (match.start() + start, match.start() + end, part)
        for match in _SPACED_CELL.finditer(text)
        for start, end, part in _cut_cell(match.group())
    ]


def _cut_cell(cell: str, labelled: bool = False) -> list[tuple[int, int, str]]:
    """A header cell, cut where it ends in the words of several value columns set one space apart,
    as a layout export prints narrow columns ("Egna Maxpoäng", "1 Samspel … medborgare Egna
    Max"): (start, end, words) of each part; the cell whole when it is one column's words, or,
    ``labelled`` (a cell of a PDF's tab-separated line), when no label words come first."""
    words = list(_WORD.finditer(cell))
    first = len(words)
    while first > 0 and column_of(words[first - 1].group()).role not in (None, Role.NAME, Role.ID):
        first -= 1
    tail = [word.group() for word in words[first:]]
    columns = value_words(tail) if len(tail) > 1 or first > 0 else None
    label = first > 0 and _is_label_words(words[:first])
    if not columns or (first == 0 and (len(columns) < 2 or labelled)) or (first > 0 and not label):
        return [(0, len(cell), cell)]
    parts = [(0, words[first - 1].end(), cell[: words[first - 1].end()])] if first else []
    position = first
    for column in columns:
        span = words[position : position + len(column.printed.split())]
        parts.append((span[0].start(), span[-1].end(), column.printed))
        position += len(span)
    return parts


def _is_label_words(words: list[regex.Match[str]]) -> bool:
    """Whether words before a cell's value words are a row label's or head the labels: an area's
    own name ("1 Samspel mellan förtroendevalda och medborgare", "Område 5 Resultat och
    effektivitet"), the rest of one wrapped over the header's lines ("förtroendevalda", "ledarskap
    samt"), or the label column's header ("Delområde"); a word in capitals before a year names the
    column ("Kommun 2013")."""
    text = " ".join(word.group() for word in words)
    if all(column_of(word.group()).role in (Role.NAME, Role.ID) for word in words):
        return True  # the label column's own header words ("Delområde", "Nr Delområde")
    # A corner word of the id column ("Nr") may come first: "Nr 5 Brukarens fokus".
    rest = regex.sub(r"^(?:nr|id|nummer|#)\.?\s+", "", text, flags=regex.IGNORECASE)
    return bool(_DATA_LABEL.match(rest) or STARTS_LOWER.match(text))


def _joined_by_position(lines: list[Line]) -> list[str]:
    """The words of a header laid out with spaces joined by the character columns they cover: a
    cell belongs to the column of the line above or below that it overlaps most ("Egna" above
    "poäng" over the own points, beside "Maxpoäng"), or starts a column of its own. The line with
    the most cells is placed first, so a cell spanning two columns joins one of them, not both."""
    spans: list[list[int]] = []
    words: list[list[tuple[int, str]]] = []
    # Cells counted as cut: "1 Offentlighet … kontroll Max Egna" (one space apart) is three.
    ordered = sorted(range(len(lines)), key=lambda i: -len(_value_parts(lines[i].text)))
    for line_index in ordered:
        for start, end, text in _value_parts(lines[line_index].text):
            overlaps = [(min(end, s[1]) - max(start, s[0]), c) for c, s in enumerate(spans)]
            overlap, column = max(overlaps, default=(0, -1))
            if overlap <= 0:
                spans.append([start, end])
                words.append([])
                column = len(spans) - 1
            else:
                spans[column] = [min(start, spans[column][0]), max(end, spans[column][1])]
            words[column].append((line_index, text))
    widest = ordered[0]
    for column in range(len(spans)):
        if len(words[column]) == 1 and words[column][0][0] < widest and len(spans) > 1:
            # A lone upper cell over no column ("Poäng" centred over "Egna | Max") heads the
            # nearest one; a cell stacked over another ("Egna" over "poäng"), or under the main
            # line (the rest of a wrapped cell whose first line was not read), is a column.
            nearest = min(
                (c for c in range(len(spans)) if c != column and words[c]),
                key=lambda c: max(spans[c][0] - spans[column][1], spans[column][0] - spans[c][1]),
            )
            words[nearest] = sorted([*words[nearest], *words[column]])
            words[column] = []
    starts = {
        (line_index, text): start
        for line_index in ordered
        for start, _, text in _value_parts(lines[line_index].text)
    }
    for column in range(len(spans)):
        flanking = _flanking_cell(words[column], widest)
        if flanking is not None:
            # "Egna" above and "poäng" below "Maxpoäng", on the lines around it: a two-line cell
            # beside a one-line one, the layout export setting their words over each other.
            words[column] = [word for word in words[column] if word not in flanking]
            spans.append([min(starts[word] for word in flanking), spans[column][1]])
            words.append(flanking)
            spans[column][0] = min(starts[word] for word in words[column])
    order = sorted((c for c in range(len(spans)) if words[c]), key=lambda c: spans[c][0])
    return [" ".join(text for _, text in sorted(words[c])) for c in order]


def _flanking_cell(column: list[tuple[int, str]], widest: int) -> list[tuple[int, str]] | None:
    """The words of a column on the lines just above and below the header's widest line, one each,
    where they name a value column of their own, other than the one its one word on that line
    names; else ``None``."""
    above = [word for word in column if word[0] < widest]
    below = [word for word in column if word[0] > widest]
    main = [text for line, text in column if line == widest]
    if len(above) != 1 or len(below) != 1 or len(main) != 1 or len(main[0].split()) != 1:
        return None  # one word above and one below a one-word cell
    flanking = sorted([*above, *below])
    theirs, its = column_of(" ".join(text for _, text in flanking)).role, column_of(" ".join(main)).role
    valued = theirs not in (None, Role.NAME, Role.ID) and its not in (None, Role.NAME, Role.ID)
    return flanking if valued and theirs != its else None


def header_above(doc: Document, index: int) -> Header | None:
    """The header of the table whose first data row is ``doc.lines[index]``: up to three header
    lines right above it (one blank line may stand between), or ``None`` when no column is known."""
    lines: list[Line] = []
    position = index - 1
    skipped_blank = False
    while position >= 0 and len(lines) < MAX_HEADER_LINES:
        line = doc.lines[position]
        if line.is_blank and not lines and not skipped_blank:
            skipped_blank = True
        elif _is_header_candidate(line) or (lines and _is_lone_corner(line)):
            lines.insert(0, line)
        else:
            break
        position -= 1
    header = read_header(lines)
    return (
        _label_corner(header, doc.lines[index]) if header is not None and index < len(doc.lines) else header
    )


def _is_lone_corner(line: Line) -> bool:
    """Whether a line holds only the label column's header word at its start ("Huvudområde"
    centred in a corner cell two lines tall, alone between the header's other lines)."""
    text = line.stripped
    indent = len(line.text) - len(line.text.lstrip())
    return len(text.split()) == 1 and indent <= CORNER_INDENT and column_of(text).role in (Role.NAME, Role.ID)


def _label_corner(header: Header, row: Line) -> Header:
    """The header with its first column as the row labels' column when it stands over them: a
    header of as many cells as the row, whose first cell is a label, heads the labels with its first
    cell whatever its words ("Område 5 Resultat och effektivitet | Maxpoäng | Kommun 2013")."""
    cells = row.cells
    first = header.columns[0]
    if first.role in (None, Role.NAME, Role.ID) or len(cells) != len(header.columns):
        return header
    if not cells[0] or parse_value(cells[0]) is not None or not regex.search(r"\p{L}", cells[0]):
        return header
    return Header((PrintedColumn(Role.NAME, first.printed), *header.columns[1:]), header.lines)


def read_header(lines: list[Line]) -> Header | None:
    """The header made of ``lines``, or ``None`` when none of its columns has a known role."""
    while lines:
        cells = _joined(lines)
        columns = [column_of(cell) for cell in cells]
        labels = [
            cell for line in lines for cell in line.cells if column_of(cell).role in (Role.NAME, Role.ID)
        ]
        columns = [
            PrintedColumn(Role.NAME, column.printed) if _holds_label_cell(cell, column, labels) else column
            for cell, column in zip(cells, columns, strict=True)
        ]
        for index, cell in enumerate(cells):  # an area's own name in the corner ("Område 5 …")
            if columns[index].role not in (None, Role.NAME, Role.ID) and not _DATA_LABEL.match(cell):
                break
            if _DATA_LABEL.match(cell):
                columns[index] = PrintedColumn(Role.NAME, columns[index].printed)
        header = Header(tuple(columns), tuple(lines))
        if any(c.role not in (None, Role.NAME, Role.ID) for c in header.columns):
            return header
        lines = lines[1:]  # an unrelated line above the header: try without it
    return None


def _holds_label_cell(cell: str, column: PrintedColumn, labels: list[str]) -> bool:
    """Whether a column's joined words, read as a value column, end in a whole header cell of a line
    that names the label column (``labels``: "Delområde", "Nr"), under other words: the last words
    of a row of the table above, printed on the line of this header's merged upper cell ("om
    resultat? | | Poäng"), joined to its corner ("resultat? Delområde"). The column is then the
    labels', whatever the other words name; a value cell whose words only mention one ("Max per
    område"), or a label cell a value word was joined after ("Huvudområde Max"), is no such."""
    if column.role in (None, Role.NAME, Role.ID):
        return False
    words = cell.split()
    return any(
        len(words) > len(label.split()) and words[-len(label.split()) :] == label.split() for label in labels
    )


def is_header_line(line: Line) -> bool:
    """Whether one line alone reads as a header (used to notice a header repeated inside a table)."""
    return _is_header_candidate(line) and read_header([line]) is not None


def split_label(line: Line) -> tuple[int, str, list[str]]:
    """A row's first non-empty cell (its index and text) and the cells after it.

    A line without tabs whose words end in values ("1. Offentlighet och demokrati 61", as in
    prose-like summaries) is split there.
    """
    cells = line.cells
    start = next((i for i, cell in enumerate(cells) if cell), len(cells))
    if start == len(cells):
        return start, "", []
    if len(cells) - start == 1:
        label, values = _trailing_values(cells[start])
        return start, label, values
    return start, cells[start], cells[start + 1 :]


_TRAILING_VALUE = regex.compile(r"\s+([+\-−–]?\d+(?:[.,]\d+)?(?:\s*%)?(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|[†‡§])?)$")


def _trailing_values(text: str) -> tuple[str, list[str]]:
    """A line's label and the values it ends in; a year ends a caption ("Sammanfattning av
    resultat 2014"), not a row."""
    values: list[str] = []
    while (match := _TRAILING_VALUE.search(text)) and not YEAR.fullmatch(match.group(1)):
        values.insert(0, match.group(1))
        text = text[: match.start()]
    if not regex.search(r"\p{L}", text):
        return text, []
    return text.strip(), values


def values_of(cells: list[str]) -> list[Value] | None:
    """Every cell as a value, or ``None`` if one of them is not a value."""
    values = [parse_value(cell) for cell in cells]
    if any(value is None for value in values):
        return None
    return [value for value in values if value is not None]


def assign(columns: tuple[PrintedColumn, ...], values: list[Value]) -> list[tuple[PrintedColumn, Value]]:
    """Pair a row's values with the header's value columns: in order when the counts agree, else
    from the right (a header without a corner cell, a row with an extra leading cell or one cell
    fewer); callers report rows whose counts differ."""
    count = min(len(columns), len(values))
    return list(zip(columns[len(columns) - count :], values[len(values) - count :], strict=True))


_WORD = regex.compile(r"\S+")
_TEXT_CELL = regex.compile(r"(?:(?!\t| {3,}).)+")


# One value as a row prints it ("100", "87,5", "+44 %", "61¹").
_VALUE_SPAN = regex.compile(r"(?<!\S)[+\-−–]?\d+(?:[.,]\d+)?(?:\s*%)?(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|[†‡§])?(?!\S)")


def _row_spans(text: str) -> list[tuple[int, int]]:
    """Where a text row's label and each of its values stand (values may stand one space apart)."""
    label = next((m for m in _TEXT_CELL.finditer(text) if m.group().strip()), None)
    if label is None:
        return []
    values = ((m.start(), m.end()) for m in _VALUE_SPAN.finditer(text, label.end()))
    return [(label.start(), label.end()), *values]


def _by_nearest_column(
    stacks: list[list[tuple[int, int, int, str]]], rows: list[list[tuple[int, int]]]
) -> list[list[tuple[int, int, int, str]]] | None:
    """The stacks joined by the value column each stands nearest to (the columns' extents over
    the rows), or ``None`` unless every column gets a stack and the order holds."""
    if not rows:
        return None
    extents = [(min(row[i][0] for row in rows), max(row[i][1] for row in rows)) for i in range(len(rows[0]))]
    joined: list[list[tuple[int, int, int, str]]] = [[] for _ in extents]
    chosen: list[int] = []
    for stack in stacks:
        start, end = min(a for a, *_ in stack), max(b for _, b, *_ in stack)
        gaps = [max(0, a - end, start - b) for a, b in extents]
        centre = (start + end) / 2
        chosen.append(min(range(len(extents)), key=lambda i: (gaps[i], abs(centre - sum(extents[i]) / 2))))
        over = any(a < end and start < b for a, b in extents)
        if not over and (beside := _beside_on_a_line(stacks, len(chosen) - 1)) is not None:
            # Over no column's values: a word of the cell beside it on its line ("Västerås 2018"
            # over "59,5", the year past the values' right edge), one space away.
            chosen[-1] = -1 - beside  # resolved below, when every stack has its column
    for index, column in enumerate(chosen):
        chosen[index] = chosen[-1 - column] if column < 0 else column
    if min(chosen) < 0 or any(later < earlier for earlier, later in itertools.pairwise(chosen)):
        return None
    for stack, column in zip(stacks, chosen, strict=True):
        joined[column] += stack
    return joined if all(joined) else None


def _beside_on_a_line(stacks: list[list[tuple[int, int, int, str]]], index: int) -> int | None:
    """The neighbouring stack one space from ``stacks[index]`` on a line they share, if any."""
    for other in (index - 1, index + 1):
        if not 0 <= other < len(stacks):
            continue
        for start, end, line, _ in stacks[index]:
            if any(line == l2 and (a2 == end + 1 or b2 + 1 == start) for a2, b2, l2, _ in stacks[other]):
                return other
    return None


def _columns_under(stack: list[tuple[int, int, int, str]], rows: list[list[tuple[int, int]]]) -> set[int]:
    """The value columns whose values, on some row, overlap a word of ``stack``."""
    return {
        index
        for row in rows
        for index, (a, b) in enumerate(row)
        if any(a < end and start < b for start, end, _, _ in stack)
    }


def _by_aligned_edges(
    stacks: list[list[tuple[int, int, int, str]]], rows: list[list[tuple[int, int]]]
) -> list[list[tuple[int, int, int, str]]] | None:
    """The stacks joined by the value column whose cell they stand in, where header and values
    share an edge: every value column's usual left edge is where a header word starts (cells set
    left, "Borås 2014 Borås 2017" over "31  46", the words one space apart), so a cell runs from
    one column's left edge to the next one's; or every usual right edge is where a header word
    ends, so a cell runs from past one column's right edge to the next one's. ``None`` otherwise,
    or unless every column gets a stack."""
    if not rows:
        return None
    starts = [Counter(row[i][0] for row in rows).most_common(1)[0][0] for i in range(len(rows[0]))]
    ends = [Counter(row[i][1] for row in rows).most_common(1)[0][0] for i in range(len(rows[0]))]
    words = [word for stack in stacks for word in stack]
    joined: list[list[tuple[int, int, int, str]]] = [[] for _ in starts]
    if set(starts) <= {start for start, *_ in words}:
        for stack in stacks:
            left = min(a for a, *_ in stack)
            joined[max((i for i, edge in enumerate(starts) if edge <= left), default=0)] += stack
    elif set(ends) <= {end for _, end, *_ in words}:
        for stack in stacks:
            right = max(b for _, b, *_ in stack)
            joined[min((i for i, edge in enumerate(ends) if edge >= right), default=len(ends) - 1)] += stack
    else:
        return None
    return joined if all(joined) else None


def header_by_position(lines: list[Line], rows: list[Line]) -> Header | None:
    """The header of a text export's table read by where its words stand (``pdftotext -layout``
    keeps the columns, not always three spaces between them: "Lidingö Ändring Sverigesnitt").

    Words that end within the longest row label head the labels. The others stack into columns
    where they overlap from line to line ("Lidingö" over "2021"); stacks left over beyond the rows'
    value columns are joined across their narrowest gaps (words of one header cell), and then
    paired with the value columns in order, as header and values are printed in the same order
    whatever their alignment. ``None`` when the lines hold tabs (a PDF's cells) or there are fewer
    stacks than value columns.
    """
    if not lines or not rows or any("\t" in line.text for line in [*lines, *rows]):
        return None
    spans = [_row_spans(row.text) for row in rows]
    widths = [len(found) for found in spans if len(found) > 1]
    if not widths:
        return None
    width = max(set(widths), key=widths.count)
    label_end = max(found[0][1] for found in spans if found)
    corner: list[tuple[int, int, str]] = []  # (line, start, word) of the labels' header words
    stacks: list[list[tuple[int, int, int, str]]] = []  # (start, end, line, word) of each column
    # The line with the most words first: a merged upper cell ("Poäng" over two columns) joins the
    # stack of one column, not both.
    ordered = sorted(enumerate(lines), key=lambda item: -len(_WORD.findall(item[1].text)))
    for number, line in ordered:
        for match in _WORD.finditer(line.text):
            start, end, word = match.start(), match.end(), match.group()
            if end <= label_end:
                corner.append((number, start, word))
                continue
            stack = next((s for s in stacks if any(a < end and start < b for a, b, _, _ in s)), None)
            if stack is None:
                stacks.append(stack := [])
            stack.append((start, end, number, word))
    stacks.sort(key=lambda s: min(a for a, _, _, _ in s))
    values = width - 1
    if len(stacks) < values:
        return None
    full = [found[1:] for found in spans if len(found) == width]
    if len(stacks) > values:
        stacks = _by_aligned_edges(stacks, full) or _by_nearest_column(stacks, full) or stacks
    while len(stacks) > values:
        # Join the two neighbours with the narrowest gap; last, two that stand over different
        # value columns ("Max" printed beside "Sundsvall" / "2015" heads a column of its own) or
        # hold words on the same two lines (cells side by side: "Sundsvall" / "2015" beside
        # "Sundsvall" / "2018", one space apart where "40 kommuner i" is one cell's words).
        over = [_columns_under(stack, full) for stack in stacks]
        rows_of = [{line for _, _, line, _ in stack} for stack in stacks]
        gaps = [
            (
                bool(over[i] and over[i + 1] and not over[i] & over[i + 1])
                or len(rows_of[i] & rows_of[i + 1]) >= 2,
                min(a for a, *_ in stacks[i + 1]) - max(b for _, b, *_ in stacks[i]),
            )
            for i in range(len(stacks) - 1)
        ]
        i = gaps.index(min(gaps))
        stacks[i : i + 2] = [stacks[i] + stacks[i + 1]]
    corner_words = " ".join(word for _, _, word in sorted(corner))
    columns = [PrintedColumn(None, corner_words) if corner else PrintedColumn(None, "")]
    for stack in stacks:
        words = [word for _, _, _, word in sorted(stack, key=lambda w: (w[2], w[0]))]
        columns.append(column_of(" ".join(words)))
    columns[0] = column_of(columns[0].printed) if columns[0].printed else columns[0]
    header = Header(tuple(columns), tuple(lines))
    return (
        header
        if header.has_corner and any(c.role not in (None, Role.NAME, Role.ID) for c in columns)
        else None
    )
