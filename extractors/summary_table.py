"""The summary table: each area's score for the report's own evaluation years, its total row, and
the comparison columns that are not own scores.

Every era prints it differently (tab-separated in text exports, columns in PDFs):

    Tabell 2 Umeå kommuns poäng 2003, 2005 och 2007
            2003    2005    2007
    1 Offentlighet och demokratisk kontroll    56    66    73
    TOTALT  497     608     646

    Huvudområde    Strängnäs 2014    Strängnäs 2016    Nationellt medelvärde
    1. Offentlighet och demokrati    54    63    55

        Karlskrona 2011    Karlskrona 2014    Ändring    40 kommuner i genomsnitt
    Offentlighet och demokrati    48    69    +44 %    50

    Sammanfattning av resultat 2014
    1. Offentlighet och demokrati 61

The table is found by its rows (labels naming the edition's areas, followed by values); the
columns get their roles from the header words (see ``extractors.table_reader``). Own years go to
area scores and year totals, averages and changes to comparisons.

The lines are read as rows once (:func:`extract_summary_rows`), whatever the edition: a row that
prints an area's name alone keeps what the name denotes in each edition. :func:`summary_table`
puts the tables together from those rows by the edition given, first before the report's edition
is decided and again by the decided one, without reading a line again.

A table of contents names the areas too ("Område 1 Offentlighet och demokrati ........ 7"). It is
told apart by what its lines say of themselves, wherever it stands: one whole number per line that
never falls from a line to the next (page numbers), and lines that are a contents list's — leaders
between words and number, a contents heading ("Innehåll") above, or an area number that comes
twice (a chapter "2 …" and "Område 2 …"), which no summary table prints, with numbers within the
document's page count.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

import regex

from extractors.bullets import bullet_text, is_enumeration
from extractors.table_reader import (
    THOUSANDS,
    VALUE_TOKEN,
    Header,
    PrintedColumn,
    Role,
    Value,
    assign,
    column_of,
    header_above,
    header_by_position,
    header_of_words,
    is_header_line,
    parse_value,
    split_label,
    value_cells,
)
from extractors.value_places import value_places
from pipeline.editions.edition import Edition
from pipeline.editions.edition_lookup import (
    AREA_WORD,
    Denotation,
    area_number_pattern,
    decide_edition,
    denotation,
)
from pipeline.model.document import Document, Line, WordBox
from pipeline.model.numbers import format_number
from pipeline.model.records import (
    AreaHeading,
    AreaScore,
    Comparison,
    ContentLoss,
    MisalignedRow,
    UnreadHeader,
    YearTotal,
)

# "1 Offentlighet och demokratisk kontroll", "1. Offentlighet ...", "Område 1 Offentlighet ...", "1) ..."
AREA_LABEL = regex.compile(
    rf"^(?:{AREA_WORD}\s+)?(?P<area>{area_number_pattern()})[.):]?\s+(?P<name>\p{{L}}.*)$", regex.IGNORECASE
)
TOTAL_LABEL = regex.compile(r"^(?:totalt|total|summa|totalpoäng|totalsumma|sammanlagt)\b", regex.IGNORECASE)
# "Tabell 2 Umeå kommuns poäng 2003, 2005 och 2007", "Sammanfattning av resultat 2014"
YEARS_IN_CAPTION = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "Offentlighet och demokrati: 68 (+16)", "Brukarens fokus 86 (61)", "Arbetsliv 86 % (68 %)"
BULLETED_SCORE = regex.compile(
    r"^(?P<label>\p{L}.*?\p{L}):?\s+(?P<score>\d+(?:[.,]\d+)?(?:\s*%)?)"
    r"(?:\s*\((?P<other>[+\-−–±]?\s*\d+(?:[.,]\d+)?(?:\s*%)?)\))?\s*$"
)
# A bracketed name in a lead-in: "... enligt nedan (Sverigesnitt):"
BRACKETED_LABEL = regex.compile(r"\((?P<label>[^()\d]*\p{L}[^()\d]*)\)")
# Rows of one table; a table never has more than this (8 areas, a total and a few notes).
MAX_TABLE_ROWS = 14
# A cell OCR read as no number is at most this long ("O1.5'" for "61,5¹"); a longer one is words,
# unless it is digits and separators alone (two values read as one: "89,5,76").
UNREAD_CELL_LONGEST = 6
GLUED_NUMBERS = regex.compile(r"^\d[\d.,;:]*\d$")
# Lines above a table searched for a caption that names its years.
CAPTION_REACH = 4
# The dash a wrapped area name goes on with ("– personalpolitik").
WRAPPED_DASH = regex.compile(r"^[–—-]\s+(?=\p{Ll})")
# Lines from a label printed alone to the line of its values (its wrapped rest between).
SPLIT_ROW_REACH = 3
# A line that ends a stacked header going up: a caption ("Tabell 2 ...") or a sentence.
STACK_END = regex.compile(r"^\s*(?:tabell|tab\.|figur|diagram)\b|[.:]\s*$", regex.IGNORECASE)
# Lines between a table's last row on one page and its next on the next page (running footer and
# header, page number, the header repeated).
PAGE_BREAK_REACH = 8
# The leader of a contents line: dots (spaced or not), an ellipsis or underscores before the page.
LEADER = regex.compile(r"(?:\.\s?){3,}\s*$|…+\s*$|_{3,}\s*$|^(?:\.\s?){3,}$|^…+$")
# Lines of a contents list without their page numbers (OCR lost them) that the list goes on after.
LOST_PAGE_LINES = 2
# Words of one header cell stand closer than this many times their height; a word space is
# narrower than the second.
BOX_GAP = 1.2
WORD_GAP = 0.6
# Points two words' edges may differ by and still be one cell's edge (a scan's ink, a glyph's side).
EDGE_SLACK = 1.5
CONTENTS_TITLE = regex.compile(
    r"^\s*(?:innehåll|innehållsförteckning|innehåll och disposition)\s*:?\s*$", regex.IGNORECASE
)


@dataclass(frozen=True)
class SummaryTable:
    years: tuple[int, ...]
    area_scores: tuple[AreaScore, ...]
    year_totals: tuple[YearTotal, ...]
    headings: tuple[AreaHeading, ...]
    comparisons: tuple[Comparison, ...] = ()
    unread_headers: tuple[UnreadHeader, ...] = ()
    misaligned_rows: tuple[MisalignedRow, ...] = ()
    losses: tuple[ContentLoss, ...] = ()


@dataclass(frozen=True)
class _Row:
    line: Line
    label: str
    values: list[Value]
    area: int | None
    name: str
    is_total: bool
    bracketed: bool = False
    # Cells that hold no value as a table prints one ("53 AN"): read as empty, reported.
    unread: tuple[str, ...] = ()
    # What a label that prints an area's name and no number denotes in each edition: the row's
    # area once the edition is given (:meth:`by`).
    denotation: Denotation | None = None
    # Whether the line is a row only where its name denotes an area (a bullet, a label printed
    # alone, a row with an unread cell).
    needs_area: bool = False
    # Whether every cell of the row holds no number as read (an area's row on a scan, see _row).
    unread_only: bool = False
    # Marks of one character beside the row's values (see _stray_mark, _split_row): not read, reported.
    strays: tuple[str, ...] = ()
    # The line the values stand on where it is not the row's own (a label alone above, _split_row).
    values_line: Line | None = None

    def by(self, edition: Edition | None) -> _Row | None:
        """The row with the area its name denotes in ``edition`` (or, with none, in any edition);
        ``None`` where it needs one and the name denotes none."""
        if self.denotation is None:
            return self
        area = self.denotation.area(edition)
        if area is None and self.needs_area:
            return None
        return dataclasses.replace(self, area=area)


@dataclass(frozen=True)
class SummaryRows:
    """A document's lines read as summary-table rows, once, whatever the edition: a row that prints
    an area's name alone carries what the name denotes in each edition, so that
    :func:`summary_table` puts the tables together by any edition without reading a line again."""

    doc: Document
    # Each line as a row of values, or ``None``.
    rows: tuple[_Row | None, ...]
    # Each line as a label printed alone with the index of its values' line below, or ``None``.
    split: tuple[tuple[_Row, int] | None, ...]

    def row(self, index: int, edition: Edition | None) -> _Row | None:
        """Line ``index`` as a row, its area by ``edition``."""
        row = self.rows[index]
        return None if row is None else row.by(edition)

    def split_row(self, index: int, edition: Edition | None) -> tuple[_Row, int] | None:
        """Line ``index`` as a label printed alone, its area by ``edition``, and its values' line."""
        found = self.split[index]
        row = None if found is None else found[0].by(edition)
        return None if found is None or row is None else (row, found[1])


@dataclass
class _Reading:
    """The columns a table's rows are read with, and what was assumed to get them."""

    columns: tuple[PrintedColumn, ...]
    unread: list[UnreadHeader] = field(default_factory=list)


def extract_summary_rows(doc: Document) -> SummaryRows:
    """Every line of ``doc`` read as a summary-table row, whatever the edition: what
    :func:`summary_table` puts the tables together from."""
    split = tuple(None if line.is_blank else _split_row(doc, index) for index, line in enumerate(doc.lines))
    # A label line read as a label alone (marks beside it, its values below) is no row of its own.
    rows = tuple(
        None if line.is_blank or found is not None else _row(line)
        for line, found in zip(doc.lines, split, strict=True)
    )
    return SummaryRows(doc, rows, split)


def summary_table(
    printed: SummaryRows, edition: Edition | None = None, year: int | None = None
) -> SummaryTable:
    """The first table whose rows name the tool's areas, of the lines ``printed`` read.

    A row that prints an area's name alone is mapped by ``edition``'s wordings, or, while the
    report's edition is not yet decided, by the edition the table's names and ``year`` point to
    (``edition_lookup``); ``year`` is also the year of a single own-points column that prints none.
    """
    tables = _tables(printed, edition, year)
    first = next(tables, None)
    if first is None:
        return SummaryTable((), (), (), ())
    disagreements = tuple(loss for later in tables for loss in _disagreements(first, later))
    return dataclasses.replace(first, losses=first.losses + disagreements) if disagreements else first


def _tables(printed: SummaryRows, edition: Edition | None, year: int | None) -> Iterator[SummaryTable]:
    """Every table whose rows name the tool's areas, in document order."""
    doc = printed.doc
    index = 0
    contents_end, last_page = -1, 0  # where the contents list read last ends, and its last page
    while index < len(doc.lines):
        rows, end = _block(printed, index, edition)
        while rows and _is_header_cell(rows[0]):
            rows.pop(0)  # "Ändring 40": a header cell and the next cell's first word, no row
            index = doc.lines.index(rows[0].line) if rows else index
        going_on = contents_end >= 0 and _lost_page_lines(doc, contents_end, index)
        if rows and (pages := _contents_pages(doc, index, rows, last_page if going_on else None)):
            contents_end, last_page = end, pages[-1]  # a contents list, also one going on past a block
        elif _is_summary(rows):
            table = _read(doc, index, rows, edition, year)
            if table.area_scores or table.unread_headers:
                yield table
        index = max(end, index + 1)


def _is_header_cell(row: _Row) -> bool:
    """Whether a row is a header's cell run on with a number of the next cell's words (a raw
    export's "Ändring 40" of "Ändring" and "40 kommuner i genomsnitt"): its label names a column's
    role and no area."""
    return (
        row.area is None and not row.is_total and column_of(row.label).role not in (None, Role.NAME, Role.ID)
    )


def _contents_pages(doc: Document, start: int, rows: list[_Row], after: int | None) -> list[int]:
    """The page numbers of a block that is a table of contents, else an empty list.

    Its rows each print one whole unsigned number, rising or equal line by line; and the lines say
    they are contents: most carry a leader, a contents heading stands above, an area number comes
    twice while the numbers lie within the document's page count (where that is known), or
    (``after``, the last page of the contents block just before) they go on from a contents list.
    """
    # A line whose page number OCR read as no number ("5 Kortfakta | IlsdbL"), or one that names
    # no area or chapter (a running footer OCR read unlike the others, "Komäilitkorpassén Ljungby
    # 2023 sid 1"), is left out where the other lines say it.
    read = [row for row in rows if not row.unread_only and row.area is not None]
    if len(read) < 2:
        return []
    rows = read
    numbers = [[v for v in row.values if v.number is not None] for row in rows]
    if any(len(found) != 1 for found in numbers):
        return []
    values = [found[0] for found in numbers]
    if any(v.signed or v.unit != "points" or v.marker or v.number != int(v.number or 0) for v in values):
        return []
    pages = [int(v.number or 0) for v in values]
    if any(later < earlier for earlier, later in pairwise(pages)) or pages[0] < 1:
        return []
    if after is not None and pages[0] >= after:
        return pages
    # Leaders or a contents heading say it, even where a part of a report cites pages it does not
    # hold; an area number printed twice says it only of numbers within the document's pages.
    if 2 * sum(1 for row in rows if _has_leader(row)) > len(rows):
        return pages
    if any(CONTENTS_TITLE.match(line.text) for line in _lines_above(doc, start)):
        return pages
    areas = [row.area for row in rows if row.area is not None]
    within = doc.pages is None or pages[-1] <= doc.pages
    return pages if within and len(areas) != len(set(areas)) else []


def _lost_page_lines(doc: Document, end: int, start: int) -> bool:
    """Whether the lines from ``end``, where a contents list was read to, up to ``start`` are at
    most :data:`LOST_PAGE_LINES` of that list whose page numbers OCR lost ("Område 6
    Kvalitetsutveckling" with nothing after it): each an area's or chapter's label and no number."""
    between = [line for line in doc.lines[end:start] if not line.is_blank]
    return len(between) <= LOST_PAGE_LINES and all(
        AREA_LABEL.match(line.cells[0]) and not any(VALUE_TOKEN.search(cell) for cell in line.cells[1:])
        for line in between
    )


def _has_leader(row: _Row) -> bool:
    """Whether a row's label ends in a leader or a cell between label and number is one."""
    return bool(LEADER.search(row.label)) or any(LEADER.search(v.printed) for v in row.values if v.printed)


def _disagreements(first: SummaryTable, later: SummaryTable) -> Iterator[ContentLoss]:
    """A later summary table's scores that differ from the first's for the same area and year: only
    the first table is read, so each such cell is reported where the later table prints it."""
    taken = {(score.area, score.year): score for score in first.area_scores}
    for score in later.area_scores:
        own = taken.get((score.area, score.year))
        if own is not None and own.score != score.score and score.score is not None:
            place = f"page {own.page}, line {own.line}" if own.page else f"line {own.line}"
            yield ContentLoss(
                f"another summary table prints {format_number(score.score)} for area {score.area} in "
                f"{score.year}, where the table read ({place}) prints {format_number(own.score)}: only "
                "the first table is read",
                1, score.page, score.line,
            )  # fmt: skip


def _row(line: Line) -> _Row | None:
    # "1. Offentlighet och demokrati  61": an enumerated row is a table row; only a glyph bullet
    # ("• Offentlighet och demokrati: 68 (+16)") starts the bulleted shape.
    if (item := bullet_text(line)) is not None and not is_enumeration(line):
        return _bulleted_row(line, item)
    _, label, cells = split_label(line)
    cells = [part for cell in cells for part in value_cells(cell) for part in _digit_words(part)]
    # A mark of one character before a value in its cell (a scan's speck read "o": "o +59 %") is
    # no part of it: the value is read, the mark reported.
    apart = [_stray_mark(cell) for cell in cells]
    cells = [cell for cell, _ in apart]
    strays = tuple(mark for _, mark in apart if mark)
    # A cell that holds no value as a table prints one ("53 AN", a scan's "%" misread) is read as
    # empty and reported, as long as the row holds more numbers than such cells.
    parsed = [parse_value(cell) for cell in cells]
    unread = tuple(cell for cell, value in zip(cells, parsed, strict=True) if value is None)
    numbers = sum(1 for value in parsed if value is not None and value.number is not None)
    if not regex.search(r"\p{L}", label):
        return None
    # A scan's row whose only cells OCR read as no number ("2 Samhällsutveckling | IS?" where "75¹"
    # is printed) is a row of the table it stands in, read empty and reported (see _is_summary).
    unread_only = numbers == 0 and bool(unread) and _unread_area_row(label, unread)
    if (numbers == 0 or numbers < len(unread)) and not unread_only:
        return None
    if is_header_line(line):  # "Huvudområde  2003  2005  2007": the header, its years no values
        return None
    values = [value or Value(None, printed=cell) for cell, value in zip(cells, parsed, strict=True)]
    if TOTAL_LABEL.match(label):
        return _Row(line, label, values, None, label, True, unread=unread, strays=strays)
    area, name, denoted = _area_of(label)
    return _Row(
        line, label, values, area, name, False, unread=unread, denotation=denoted, needs_area=bool(unread),
        unread_only=unread_only, strays=strays,
    )  # fmt: skip


def _digit_words(cell: str) -> list[str]:
    """A cell that is no value whose words each hold a digit, one a value, as its words: two
    columns' values a word space apart, one of them misread ("52 --13" for "52" and "-13 %"), so
    that the value is read and the other reported; any other cell whole ("53 AN" may be one value
    and its sign misread)."""
    words = cell.split()
    if len(words) < 2 or parse_value(cell) is not None or not all(regex.search(r"\d", w) for w in words):
        return [cell]
    return words if any(parse_value(word) is not None for word in words) else [cell]


def _stray_mark(cell: str) -> tuple[str, str]:
    """A cell without the mark of one character (no digit) OCR read before its value, and the
    mark ("o +59 %" gives "+59 %" and "o"); any other cell as it is, and no mark."""
    parts = cell.split(maxsplit=1)
    if len(parts) != 2 or len(parts[0]) != 1 or parts[0].isdigit() or parse_value(cell) is not None:
        return cell, ""
    value = parse_value(parts[1])
    return (parts[1], parts[0]) if value is not None and value.number is not None else (cell, "")


def _unread_area_row(label: str, unread: tuple[str, ...]) -> bool:
    """Whether a label numbering an area stands before cells that are each one short word, as OCR
    misreads a number ("IS?", "O1.5'", "(NED"), or digits and separators alone (two values read as
    one, "89,5,76")."""
    return AREA_LABEL.match(label) is not None and all(
        (len(cell) <= UNREAD_CELL_LONGEST or GLUED_NUMBERS.match(cell)) and len(cell.split()) == 1
        for cell in unread
    )


def _bulleted_row(line: Line, item: str) -> _Row | None:
    """A list item of a summary in prose: "Offentlighet och demokrati: 68 (+16)", "Effektivitet 83
    (64)"; the value in brackets is a change (signed) or the comparison the lead-in names."""
    match = BULLETED_SCORE.match(item.replace("*", "").strip())
    if match is None:
        return None
    values = [value for value in (parse_value(match["score"]), parse_value(match["other"] or "")) if value]
    area, name, denoted = _area_of(match["label"].strip())
    return _Row(
        line, match["label"], values[: 2 if match["other"] else 1], area, name, False, True,
        denotation=denoted, needs_area=True,
    )  # fmt: skip


def _block(printed: SummaryRows, start: int, edition: Edition | None) -> tuple[list[_Row], int]:
    """The rows of the table starting at ``start`` (blank lines between rows allowed) and the index
    after it."""
    doc = printed.doc
    rows: list[_Row] = []
    index = start
    while index < len(doc.lines) and len(rows) < MAX_TABLE_ROWS:
        line = doc.lines[index]
        if not line.is_blank:
            row = printed.row(index, edition)
            if row is None and (split := printed.split_row(index, edition)) is not None:
                row, index = split  # the label on its own line, its values on a line below
            if row is None and rows and _wrapped_label(line):
                index += 1  # the rest of the row above's label ("tjänstemän"): the table goes on
                continue
            if row is None and rows and (percent := _wrapped_unit(rows[-1], line)) is not None:
                rows[-1] = percent  # "+106" / "%": a narrow cell broke its per cent sign onto a line
                index += 1
                continue
            if row is None and rows and (completed := _wrapped_values(rows, line)) is not None:
                rows[-1] = completed  # "32 72 +125" / "%" / "57": the row's last value on a line
                index += 1
                continue
            if (
                row is None
                and rows
                and (following := _next_page_rows(printed, start, index, rows[-1], edition))
            ):
                index = following  # the table goes on on the next page, below its header repeated
                continue
            if row is None:
                break
            rows.append(row)
            if row.is_total:
                return rows, index + 1
        index += 1
    return rows, index


def _next_page_rows(
    printed: SummaryRows, start: int, index: int, last: _Row, edition: Edition | None
) -> int | None:
    """Where a table broken over a page goes on: the index of the next row when the lines from
    ``index`` up to it are few (a running footer or header, a page number, the header repeated)
    and it stands on a later page, or after the table's header printed again (a header line, or a
    line as printed above the table's first row at ``start``), and goes on with a later area or the
    total. ``None`` where the table ends at ``index``."""
    doc = printed.doc
    above = {line.text.strip() for line in doc.lines[max(0, start - 3 * PAGE_BREAK_REACH) : start]}
    above.discard("")
    repeated = False
    others = 0  # lines passed that are not the header printed again (a stacked one is long)
    for position in range(index, len(doc.lines)):
        line = doc.lines[position]
        if line.is_blank:
            continue
        again = is_header_line(line) or line.text.strip() in above
        others += not again
        if others > PAGE_BREAK_REACH:
            break
        repeated = repeated or again
        row = printed.row(position, edition)
        if row is None and (split := printed.split_row(position, edition)) is not None:
            row = split[0]  # its label on its own line, its values below
        if row is None:
            continue
        later_page = line.page is not None and last.line.page is not None and line.page > last.line.page
        goes_on = row.is_total or (row.area is not None and last.area is not None and row.area > last.area)
        return position if goes_on and (later_page or repeated) else None
    return None


def _over_filled_cells(columns: tuple[PrintedColumn, ...], rows: list[_Row]) -> tuple[PrintedColumn, ...]:
    """The header's named columns over the rows' cells that hold values, where the header has a
    cell with no words and the rows a cell empty in every row, elsewhere (a PDF whose centred header
    cells were cut apart from their columns: "Kramfors 2016 | | 40 kommuner i genomsnitt" over
    "50,5 | 57 | "); the columns as they are where the counts do not agree."""
    named = [column for column in columns if column.printed]
    if len(named) == len(columns) or any(len(row.values) != len(columns) for row in rows):
        return columns
    filled = [k for k in range(len(columns)) if any(row.values[k].number is not None for row in rows)]
    if len(filled) != len(named) or filled == [k for k, c in enumerate(columns) if c.printed]:
        return columns
    placed = dict(zip(filled, named, strict=True))
    return tuple(placed.get(k, PrintedColumn(None, "")) for k in range(len(columns)))


def _label_ending_in_values(row: _Row, columns: int) -> _Row:
    """A row short of its table's values whose label ends in them, one space after its words (a
    layout export of a label that fills its cell: "3 Tydlighet i samspelet ... tjänstemän 33,5
    70"): the row with those values first, where that gives no more values than the table has
    columns and leaves an area's label; any other row as it is."""
    if row.is_total or row.bracketed or len(row.values) >= columns:
        return row
    _, label, ending = split_label(dataclasses.replace(row.line, text=row.label))
    if not ending or len(row.values) + len(ending) > columns or not AREA_LABEL.match(label):
        return row
    values = [parse_value(cell) for cell in ending]
    if any(value is None for value in values):
        return row
    area, name, _ = _area_of(label)
    found = [value for value in values if value is not None]
    return dataclasses.replace(row, label=label, name=name, area=area, values=[*found, *row.values])


def _ungrouped(row: _Row, columns: int) -> _Row:
    """A row one value short of its table's columns per value printed as a thousands group ("800
    542", values one space apart in a text export) read as the values its groups are, where that
    gives the row as many values as the table has columns; any other row as it is."""
    grouped = [v for v in row.values if THOUSANDS.match(v.printed)]
    if not grouped or len(row.values) + sum(len(v.printed.split()) - 1 for v in grouped) != columns:
        return row
    values = [
        part
        for value in row.values
        for part in (
            [parse_value(p) or value for p in value.printed.split()] if value in grouped else [value]
        )
    ]
    return dataclasses.replace(row, values=values)


def _split_row(doc: Document, index: int) -> tuple[_Row, int] | None:
    """A row whose label stands on a line without values and whose values stand on a line of
    values alone within the next lines, around the label's wrapped rest (a text export of a row
    whose label took two lines: "6 Kommunen som arbetsgivare," / "personalpolitik" / "100 79,5 68");
    the row at the label's place, and the index of its values line."""
    line = doc.lines[index]
    _, label, cells = split_label(line)
    # Marks of one character beside the label (a scan's speck read "o", a footnote marker "¹" read
    # "1" on the label's line, its number on the line of the values below) keep it a label alone.
    strays = tuple(cell for cell in cells if cell)
    if any(len(cell) > 1 for cell in strays) or not regex.search(r"\p{L}", label) or TOTAL_LABEL.match(label):
        return None
    for position in range(index + 1, min(index + SPLIT_ROW_REACH + 1, len(doc.lines))):
        below = doc.lines[position]
        if below.is_blank or _wrapped_label(below):
            continue
        text = " ".join(cell for cell in below.cells if cell)
        _, rest, rest_cells = split_label(below)
        if rest[:1].islower() and any(rest_cells):
            # The label's rest beside the values ("1 Samspel mellan" / "förtroendevalda och  100
            # 79 ..." / "medborgare"), a word processor's cell centred on the values' line.
            label, text = f"{label} {rest}", " ".join(cell for cell in rest_cells if cell)
        elif strays:
            return None  # marks beside a label are taken only with its rest beside the values
        printed = VALUE_TOKEN.findall(text)
        if not printed or VALUE_TOKEN.sub("", text).strip():
            return None
        values = [parse_value(cell) for cell in printed]
        found = [value for value in values if value is not None]
        area, name, denoted = _area_of(label)
        row = _Row(
            line, label, found, area, name, False, denotation=denoted, needs_area=True, strays=strays,
            values_line=below,
        )  # fmt: skip
        return row, position
    return None


def _wrapped_unit(row: _Row, line: Line) -> _Row | None:
    """The row with a value in per cent where ``line`` holds only the per cent sign that a narrow
    cell broke off it ("1 Offentlighet och demokrati 100 31 64 +106" / "%"), else ``None``: the
    row's one signed value without it (a change, "+100" / "%" before an average's "60"), or else
    its last value. The line may hold the rest of the row's label before the sign ("medarbetarskap
    %", the label and the cell both wrapped)."""
    cells = [cell.strip() for cell in line.cells if cell.strip()]
    label_rest = len(cells) == 2 and _wrapped_label(Line(cells[0], line.number))
    if (line.stripped != "%" and not (label_rest and cells[1] == "%")) or not row.values:
        return None
    signed = [
        i for i, v in enumerate(row.values) if v.signed and v.number is not None and v.unit != "percent"
    ]
    at = signed[0] if len(signed) == 1 else len(row.values) - 1
    broken = row.values[at]
    if broken.number is None or broken.unit == "percent":
        return None
    value = dataclasses.replace(broken, unit="percent", printed=f"{broken.printed} %")
    return dataclasses.replace(row, values=[*row.values[:at], value, *row.values[at + 1 :]])


def _wrapped_values(rows: list[_Row], line: Line) -> _Row | None:
    """The last row with the values of ``line`` after its own, where the line holds values alone and
    the row is short of them by the values the rows above print (a raw export of a row whose label
    and cells wrapped: "8 Kommunen som" / "samhällsbyggare" / "32 72 +125" / "%" / "57"), else
    ``None``."""
    last, above = rows[-1], [row for row in rows[:-1] if not row.bracketed]
    text = " ".join(cell for cell in line.cells if cell)
    printed = VALUE_TOKEN.findall(text)
    if not above or last.is_total or not printed or VALUE_TOKEN.sub("", text).strip():
        return None
    values = [parse_value(cell) for cell in printed]
    if any(value is None for value in values) or len(last.values) + len(values) > _width(above):
        return None
    return dataclasses.replace(last, values=[*last.values, *(value for value in values if value is not None)])


def _wrapped_label(line: Line) -> bool:
    """Whether a table line holds only the wrapped rest of a row's label: text in lower case in its
    first cell, every other cell empty (a text export may drop the empty cells: "tjänstemän" alone),
    and no digit. A name wrapped at its dash ("Kommunen som arbetsgivare" / "– personalpolitik")
    goes on after it."""
    cells = list(line.cells)
    while cells and not cells[0].strip():
        cells.pop(0)  # the indent of a layout export's line ("   brukarorientering")
    first = WRAPPED_DASH.sub("", cells[0].strip()) if cells else ""
    return bool(first) and first[0].islower() and not any(cells[1:]) and not regex.search(r"\d", first)


def _is_summary(rows: list[_Row]) -> bool:
    """Whether the rows are a summary table: two areas or an area and a total, each row with a value
    read (a row whose cells were all misread joins a table, it makes none)."""
    areas = [row.area for row in rows if row.area is not None and not row.unread_only]
    return len(set(areas)) >= 2 or (len(areas) == 1 and any(row.is_total for row in rows))


def _read(
    doc: Document, start: int, rows: list[_Row], edition: Edition | None, year: int | None
) -> SummaryTable:
    if edition is None:
        rows = _named_in_one_edition(rows, year)
    reading = _columns(doc, start, rows, year)
    width = len(reading.columns)
    rows = [_ungrouped(_label_ending_in_values(row, width), width) for row in rows]
    reading = dataclasses.replace(reading, columns=_over_filled_cells(reading.columns, rows))
    found = _Found(changes=_compared_years(reading.columns))
    places = value_places(width, [row.values_line or row.line for row in rows], [row.values for row in rows])
    for row, place in zip(rows, places, strict=True):
        if not row.is_total:
            # A row naming no known area is kept as a heading, so the validator reports it.
            found.headings.append(
                AreaHeading(row.area, row.name, "summary_table", row.line.page, row.line.number)
            )
        if row.is_total or row.area is not None:
            # A row short of values: each under the column it stands in, where the page shows it.
            pairs = (
                assign(reading.columns, row.values)
                if place is None
                else [
                    (reading.columns[k], v) for k, v in zip(place, row.values, strict=True) if k is not None
                ]
            )
            for column, value in pairs:
                found.add(row, column, value)
        if row.unread:
            cells = ", ".join(f'"{cell}"' for cell in row.unread)
            found.losses.append(
                ContentLoss(
                    f"a cell of the summary table holds no number ({cells}): its row was read with it empty",
                    len(row.unread), row.line.page, row.line.number,
                )
            )  # fmt: skip
        if row.strays:
            marks = ", ".join(f'"{mark}"' for mark in row.strays)
            found.losses.append(
                ContentLoss(
                    f"marks of one character OCR read beside the summary table's values were not read "
                    f"({marks})",
                    len(row.strays), row.line.page, row.line.number,
                )
            )  # fmt: skip
        if len(row.values) != len(reading.columns) and not reading.unread:
            found.misaligned.append(
                MisalignedRow(
                    "summary_table", len(row.values), len(reading.columns), row.line.page, row.line.number
                )
            )
    years = tuple(sorted({c.year for c in reading.columns if c.role is Role.YEAR and c.year is not None}))
    return SummaryTable(
        years, tuple(found.scores), tuple(found.totals), tuple(found.headings), tuple(found.comparisons),
        tuple(reading.unread), tuple(found.misaligned), tuple(found.losses),
    )  # fmt: skip


@dataclass
class _Found:
    """The records of one summary table as its cells are read."""

    changes: dict[PrintedColumn, tuple[int, int]]
    scores: list[AreaScore] = field(default_factory=list)
    totals: list[YearTotal] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    headings: list[AreaHeading] = field(default_factory=list)
    misaligned: list[MisalignedRow] = field(default_factory=list)
    losses: list[ContentLoss] = field(default_factory=list)

    def add(self, row: _Row, column: PrintedColumn, value: Value) -> None:
        """One cell: an own year's score or total, or a comparison; the max points are not read, and
        a number under a header that names no column kompass knows is a loss at its row."""
        page, number = row.line.page, row.line.number
        if column.role is None and value.number is not None:
            self.losses.append(
                ContentLoss(
                    f'a number of the summary table under a header that names no column kompass knows '
                    f'("{column.printed}") was not read ("{value.printed}")',
                    1, page, number,
                )
            )  # fmt: skip
        if column.role is Role.YEAR and column.year is not None:
            if row.is_total:
                self.totals.append(YearTotal(column.year, value.number, page, number))
            elif row.area is not None:
                self.scores.append(AreaScore(row.area, row.name, column.year, value.number, page, number))
        elif column.role in (Role.CHANGE, Role.AVERAGE) and value.number is not None:
            kind = "change" if column.role is Role.CHANGE else "average"
            from_year, to_year = self.changes.get(column, (None, None))
            self.comparisons.append(
                Comparison(column.printed, kind, row.area, value.number, value.unit, page, number,
                           from_year, to_year)
            )  # fmt: skip


def _columns(doc: Document, start: int, rows: list[_Row], year: int | None) -> _Reading:
    """The value columns of the table: from its header where one is understood, else from the
    shape of its values and the years its caption names."""
    if all(row.bracketed for row in rows):
        return _bracketed(doc, start, rows, year)
    header = header_above(doc, start)
    if header is not None and (
        len(header.value_columns) != _width(rows)
        or not header.has_corner
        or any(not column.printed for column in header.value_columns)
    ):
        # A text export's header whose words are not three spaces apart: read by where they stand;
        # so is one that gave the labels' column a value's role ("Huvudområde" joined to a "Max"
        # centred in a cell two lines tall): the label column holds no values; and a PDF's with an
        # empty cell among its value columns, where the words of two cells were joined in one
        # ("Kalix Ändrin 2022 g" of "Kalix" / "2022" and "Ändrin" / "g") and left one cell empty.
        header = (
            header_by_position(list(header.lines), [row.line for row in rows])
            or _header_by_boxes(header.lines, _width(rows), [row.line for row in rows])
            or header
        )
    if header is None and (above := _lines_above(doc, start)):
        # A raw export's single spaces ("Huvudområde 2006 2008"), before a stacked header is sought:
        # that line's words would end a stack as one cell, its years after the line above's.
        header = header_of_words(above[0], _width(rows))
    if header is None:
        header = _run_on_header(doc, start, _width(rows)) or _stacked_header(doc, start, _width(rows))
    # A header not understood as read, read again: a PDF's whose cells of two lines came out joined
    # wrong ("Växjö Max 2011" of "Max" and "Växjö" / "2011") by its words' boxes; a line's whose cell
    # holds several columns' words one space apart ("Vårgårda 2021 Sverigesnitt") word by word.
    again = (
        (
            _header_by_boxes(
                header.lines, _width(rows), [row.line for row in rows], _upper_line(doc, header)
            ),
            header_of_words(header.lines[0], _width(rows)),
        )
        if header is not None
        else ()
    )
    readings = [
        columns
        for found in (header, *again)
        if found is not None
        for columns in [tuple(_own_year(column, year) for column in found.value_columns)]
        if any(c.role is Role.YEAR and c.year is not None for c in columns)
        and all(c.role is not Role.OWN for c in columns)
    ]
    if readings:
        # A header cell of no words over a column of values says the line's words were joined
        # wrong ("Max 2016" of "Max" beside "Enköping" / "2016", the middle cell empty): a reading
        # that gives every column words is taken before it.
        return _Reading(next((c for c in readings if all(column.printed for column in c)), readings[0]))
    return _by_shape(doc, start, rows, year, header)


def _stacked_header(doc: Document, start: int, width: int) -> Header | None:
    """A header whose cells a raw text export printed one after another, each on lines of its own
    ("Huvudområde Max" / "Luleå" / "2015" / "40 kommuner i" / "genomsnitt"): going up from the
    table, the lines whose words name a column's role, until there are as many as the rows have
    values; the words of a cell's other lines ("Luleå", "40 kommuner i") name none. ``None`` unless
    every line is one cell and exactly ``width`` roles are found before a blank line, a caption or
    a sentence."""
    lines: list[Line] = []
    for index in range(start - 1, max(-1, start - 1 - 3 * width - 2), -1):
        line = doc.lines[index]
        if line.is_blank or len(line.cells) != 1 or STACK_END.search(line.text):
            return None
        lines.insert(0, line)
        if column_of(line.text).role in (None, Role.NAME, Role.ID):
            continue
        if len(columns := _stacked_cells(lines)) == width:
            return Header((PrintedColumn(None, ""), *columns), tuple(lines))
    return None


def _upper_line(doc: Document, header: Header) -> Line | None:
    """The line right above a header that is its cells' upper line read as one cell ("Vänersborg
    Vänersborg Ändrin" over "Max 2020 | 2023 | g", the two-line cells' words one space apart), on
    the same page: words with no number but years, no caption and no sentence; else ``None``."""
    first = header.lines[0]
    index = next((i for i, line in enumerate(doc.lines) if line is first), 0)
    above = doc.lines[index - 1] if index > 0 else None
    if above is None or above.is_blank or above.page != first.page or len(above.cells) != 1:
        return None
    if STACK_END.search(above.text) or any(
        VALUE_TOKEN.fullmatch(word) and not YEARS_IN_CAPTION.fullmatch(word) for word in above.text.split()
    ):
        return None
    return above


def _header_by_boxes(
    lines: tuple[Line, ...], width: int, rows: list[Line], upper: Line | None = None
) -> Header | None:
    """The header of a PDF's table whose cells of two lines the reader took as one cell, their
    words interleaved ("Huvudområde | Uddevalla 40 kommuner i 2016 genomsnitt" of "Uddevalla" /
    "2016" and "40 kommuner i" / "genomsnitt"), read from its words' boxes: the first cell heads the
    labels; the other words make cells where they stand close on a line, the cells stack into
    columns where they overlap from line to line, and the columns head the value columns in order
    (a header and its values are printed in the same order, whatever their alignment). Two words
    of a line stand in two cells where the header's other lines or the ``rows``' values say so
    (:func:`_cell_edge_between`, :func:`_over_two_columns`). The ``upper`` line, a two-line header's
    upper line read as one cell, adds its words. ``None`` without word boxes or unless that makes
    exactly ``width`` columns."""
    words = sorted((word for line in lines for word in line.words), key=lambda w: w.x0)
    if not words or any(len(line.cells) < 2 for line in lines):
        return None
    corner = words[: sum(len(line.cells[0].split()) for line in lines)]  # the leftmost cell's words
    rest = words[len(corner) :]
    if upper is not None and rest:
        # The upper line's words over the value columns (see _upper_line); a speck left of them is none.
        rest = sorted([*rest, *(w for w in upper.words if w.x1 > rest[0].x0)], key=lambda w: w.x0)
    values = [[word for word in row.words if any(char.isdigit() for char in word.text)] for row in rows]
    # Two cells side by side may stand as close as words of one cell ("Kalix" | "Ändrin" over
    # "2022" | "g"): where the cells' words do not make ``width`` columns, they are parted at every
    # gap wider than a word space.
    for gap in (BOX_GAP, WORD_GAP):
        cells = _stacked_boxes(rest, gap, values)
        if len(cells) == width:
            first = " ".join(w.text for w in corner)
            return Header((PrintedColumn(Role.NAME, first), *(column_of(cell) for cell in cells)), lines)
    return None


def _stacked_boxes(rest: list[WordBox], gap: float, values: list[list[WordBox]]) -> list[str]:
    """The header cells' texts of words that stand less than ``gap`` times their height apart on
    a line (unless a cell's edge or two columns of ``values`` part them), stacked where they
    overlap from line to line, left to right."""
    lines_of_pieces: list[list[list[WordBox]]] = []
    for top in sorted({round(word.top) for word in rest}):
        on_line = [word for word in rest if round(word.top) == top]
        others = [word for word in rest if round(word.top) != top]
        pieces: list[list[WordBox]] = []
        for word in on_line:  # sorted by x0
            if (
                pieces
                and word.x0 - pieces[-1][-1].x1 < gap * (word.bottom - word.top)
                and not _cell_edge_between(pieces[-1][-1], word, others)
                and not _over_two_columns(pieces[-1][-1], word, values)
            ):
                pieces[-1].append(word)
            else:
                pieces.append([word])
        lines_of_pieces.append(pieces)
    stacks: list[list[WordBox]] = []
    # The line of the most cells first: a merged upper cell ("Poäng" over "2005 | 2007") then
    # stands over several columns, and names none of them alone.
    for pieces in sorted(lines_of_pieces, key=lambda found: -len(found)):
        for piece in pieces:
            left, right = piece[0].x0, piece[-1].x1
            over = [s for s in stacks if any(w.x0 < right and left < w.x1 for w in s)]
            if not over:
                stacks.append(list(piece))
                continue
            if len(over) > 1 and len(piece) == 1 and len(pieces) == 1:
                continue
            for stack in over[1:]:
                over[0].extend(stack)
                stacks.remove(stack)
            over[0].extend(piece)
    stacks.sort(key=lambda s: min(w.x0 for w in s))
    return [" ".join(w.text for w in sorted(s, key=lambda w: (round(w.top), w.x0))) for s in stacks]


def _cell_edge_between(left: WordBox, right: WordBox, others: list[WordBox]) -> bool:
    """Whether two words a word space apart on a header line stand in two cells: a word of the
    header's other lines starts where ``right`` starts and reaches no further left than the gap, or
    ends where ``left`` ends and reaches no further right (a cell of two lines set left or right
    beside a cell of one: "Max" beside "Tranås" / "2017", read "Max 2017" on the lower line)."""
    return any(
        (abs(other.x0 - right.x0) <= EDGE_SLACK and other.x0 >= left.x1)
        or (abs(other.x1 - left.x1) <= EDGE_SLACK and other.x1 <= right.x0)
        for other in others
    )


def _over_two_columns(left: WordBox, right: WordBox, rows: list[list[WordBox]]) -> bool:
    """Whether two words a word space apart on a header line head two columns of values: in most
    rows that print a value under each, the two values are two words ("2003 2005" over "51,5 62",
    narrow columns set close; a value OCR read across both columns is one word)."""
    under = [
        (
            {id(w) for w in words if w.x0 < left.x1 and left.x0 < w.x1},
            {id(w) for w in words if w.x0 < right.x1 and right.x0 < w.x1},
        )
        for words in rows
    ]
    both = [(a, b) for a, b in under if a and b]
    return bool(both) and 2 * sum(1 for a, b in both if a.isdisjoint(b)) > len(both)


def _run_on_header(doc: Document, start: int, width: int) -> Header | None:
    """A header a raw text export printed over several lines, cells run on from one line to the
    next ("Poäng" / "Huvudområde Max Höganäs" / "2012" / "Höganäs" / "2015" / "Ändring 40" /
    "kommuner i" / "genomsnitt"): the lines above the table up to a blank line, a caption or a
    sentence, read as one line of single-spaced words (:func:`header_of_words`) from the first line
    that starts with the label column's word ("Huvudområde"), a merged cell above it ("Poäng") left
    out. ``None`` unless that gives exactly ``width`` columns."""
    lines: list[Line] = []
    for index in range(start - 1, max(-1, start - 1 - 3 * width - 2), -1):
        line = doc.lines[index]
        if line.is_blank and not lines and index == start - 1:
            continue  # a PDF's blank line between the header and the first row
        if line.is_blank or len(line.cells) != 1 or STACK_END.search(line.text):
            break
        lines.insert(0, line)
    for first, line in enumerate(lines):
        words = " ".join(above.stripped for above in lines[first:])
        if (header := header_of_words(dataclasses.replace(line, text=words), width)) is not None:
            return header
    return None


def _stacked_cells(lines: list[Line]) -> list[PrintedColumn]:
    """The columns of a stacked header, each with the words of its cell's lines: a line naming no
    role begins the cell the next line with a role ends ("40 kommuner i" / "genomsnitt")."""
    columns: list[PrintedColumn] = []
    pending: list[str] = []
    for line in lines:
        text = line.text.strip()
        if column_of(text).role in (None, Role.NAME, Role.ID):
            broken = column_of(" ".join([*pending, text]))  # "Ändrin" / "g": a word broken in two
            if pending and len(text) <= 2 and broken.role not in (None, Role.NAME, Role.ID):
                columns.append(broken)
                pending = []
            else:
                pending.append(text)
            continue
        joined = column_of(" ".join([*pending, text]))
        columns.append(joined if joined.role is column_of(text).role else column_of(text))
        pending = []
    return columns


def _width(rows: list[_Row]) -> int:
    """The number of values most rows print."""
    return Counter(len(row.values) for row in rows).most_common(1)[0][0]


def _own_year(column: PrintedColumn, year: int | None) -> PrintedColumn:
    """A column of own points that prints no year ("Poäng") holds the report's year."""
    if column.role is Role.OWN and year is not None:
        return PrintedColumn(Role.YEAR, column.printed, year)
    return column


def _by_shape(
    doc: Document, start: int, rows: list[_Row], year: int | None, header: Header | None
) -> _Reading:
    """Columns from the values alone: signed values are changes, the others own scores of the years
    the caption names (or of the report's year for a single column)."""
    width = _width(rows)
    full = [row.values for row in rows if len(row.values) == width]
    signed = [all(values[i].signed or values[i].number is None for values in full) for i in range(width)]
    own = [i for i in range(width) if not signed[i]]
    caption = _caption_years(doc, start)
    years = caption if len(caption) == len(own) else [year] if len(own) == 1 and year is not None else []
    columns = [PrintedColumn(Role.CHANGE, "") if signed[i] else PrintedColumn(None, "") for i in range(width)]
    for position, own_year in zip(own, years, strict=False):
        columns[position] = PrintedColumn(Role.YEAR, str(own_year), own_year)
    # One column whose year the caption names ("Sammanfattning av resultat 2014") is read as the
    # report prints it; anything else is an assumption the finding states.
    if header is None and len(own) == 1 and len(caption) == 1:
        return _Reading(tuple(columns))
    first = rows[0].line
    printed = " | ".join(c.printed for c in header.columns) if header else ""
    assumed = " | ".join(c.printed or (str(c.role) if c.role else "not read") for c in columns)
    return _Reading(
        tuple(columns), [UnreadHeader("summary_table", printed, assumed, first.page, first.number)]
    )


def _bracketed(doc: Document, start: int, rows: list[_Row], year: int | None) -> _Reading:
    """The columns of a bulleted summary: the own score of the year the lead-in names (else the
    report's year), then a bracketed change (signed) or the comparison the lead-in names in
    brackets ("enligt nedan (Sverigesnitt):")."""
    caption = _caption_years(doc, start)
    own_year = caption[0] if len(caption) == 1 else year
    columns = [PrintedColumn(Role.YEAR, str(own_year), own_year) if own_year else PrintedColumn(None, "")]
    understood = len(caption) == 1
    if any(len(row.values) > 1 for row in rows):
        if all(row.values[1].signed for row in rows if len(row.values) > 1):
            columns.append(PrintedColumn(Role.CHANGE, ""))
        else:
            named = _bracketed_label(doc, start)
            columns.append(named if named.role is Role.AVERAGE else PrintedColumn(None, named.printed))
            understood = understood and named.role is Role.AVERAGE
    if understood:
        return _Reading(tuple(columns))
    first = rows[0].line
    assumed = " | ".join(c.printed or (str(c.role) if c.role else "not read") for c in columns)
    return _Reading(tuple(columns), [UnreadHeader("summary_table", "", assumed, first.page, first.number)])


def _bracketed_label(doc: Document, start: int) -> PrintedColumn:
    """The comparison a lead-in names in brackets, as a column ("(Sverigesnitt)")."""
    for line in _lines_above(doc, start):
        for match in BRACKETED_LABEL.finditer(line.text):
            column = column_of(match["label"])
            if column.role is Role.AVERAGE:
                return column
    return PrintedColumn(None, "")


def _lines_above(doc: Document, start: int) -> list[Line]:
    """The non-blank lines just above a table, nearest first, as far as a caption may stand."""
    found: list[Line] = []
    for index in range(start - 1, -1, -1):
        if len(found) >= CAPTION_REACH:
            break
        if not doc.lines[index].is_blank:
            found.append(doc.lines[index])
    return found


def _caption_years(doc: Document, start: int) -> list[int]:
    """The years named by the nearest line above the table that names any ("Tabell 2 ... 2003, 2005
    och 2007", "Sammanfattning av resultat 2014")."""
    for line in _lines_above(doc, start):
        found = [int(y) for y in YEARS_IN_CAPTION.findall(line.text)]
        if found:
            return found
    return []


def _compared_years(columns: tuple[PrintedColumn, ...]) -> dict[PrintedColumn, tuple[int, int]]:
    """For each change column, the two own years it compares: the nearest two to its left, else the
    table's only two."""
    own = [(i, c.year) for i, c in enumerate(columns) if c.role is Role.YEAR and c.year is not None]
    pairs: dict[PrintedColumn, tuple[int, int]] = {}
    for index, column in enumerate(columns):
        if column.role is not Role.CHANGE:
            continue
        left = [y for i, y in own if i < index]
        chosen = left[-2:] if len(left) >= 2 else [y for _, y in own] if len(own) == 2 else []
        if len(chosen) == 2:
            earlier, later = sorted(chosen)
            pairs[column] = (earlier, later)
    return pairs


def _named_in_one_edition(rows: list[_Row], year: int | None) -> list[_Row]:
    """The rows that print an area's name alone matched in the one edition the table's names and
    ``year`` point to ("Resultat och effektivitet" is area 5 of the 2010 tool, not "Effektivitet",
    area 4 of the 2020 tool); numbered rows keep their numbers."""
    named = [row for row in rows if not row.is_total and not AREA_LABEL.match(row.label)]
    edition = decide_edition(year, [row.name for row in rows if not row.is_total]) if named else None
    if edition is None:
        return rows
    return [
        dataclasses.replace(row, area=edition.match_area_name(row.name)) if row in named else row
        for row in rows
    ]


def _area_of(label: str) -> tuple[int | None, str, Denotation | None]:
    """The area a row label names by its printed number, else what its wording denotes in each
    edition (some layouts print the names alone), and the name."""
    if match := AREA_LABEL.match(label):
        return int(match["area"]), match["name"].strip(), None
    return None, label.strip(), denotation(label)
