"""The list of municipalities evaluated so far, printed at the end of a report.

"Följande svenska kommuner och stadsdelar har utvärderats förutom Tyresö kommun: Ale (2006),
Bollebygd (2004), Botkyrka (2003, 2005), Bromma-Stockholms stad (2006), ..." gives one row per
(entry, year). Other reports word the lead-in differently, and a PDF spreads the paragraph over
several lines and pages, so the list is found by its shape in the running text: a sentence about
evaluated municipalities ending in a colon, followed by names with years in parentheses.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.bullets import BULLET
from extractors.flow import Flow, clean, flow_of
from pipeline.model.document import CELL_SEPARATOR, Document, Line
from pipeline.model.marks import BULLET_GLYPH_CLASS
from pipeline.model.municipalities import Municipality, MunicipalityRegistry, swedish_municipalities
from pipeline.model.place_names import DistrictRegistry, swedish_districts
from pipeline.model.records import Evaluation, EvaluationList, UnreadEntry, UnreadYear

# The lead-in speaks of municipalities (or districts) that were evaluated or used the tool.
LEAD_IN_TOPIC = regex.compile(r"\b(?:kommun(?:er|erna)?|stadsdel(?:ar|arna)?|städer)\b", regex.IGNORECASE)
LEAD_IN_VERB = regex.compile(
    r"\b(?:utvärder\p{L}*|använ\p{L}*|genomfört|deltagit|analyser\p{L}*)\b", regex.IGNORECASE
)
# A list, not prose that happens to follow a colon ("de sex kommunerna: Umeå, Bjurholm, ..."),
# has entries with years; an early report may list only two earlier evaluations.
MIN_DATED_ENTRIES = 2

# A capitalized word, which a PDF may break at a line end ("Stock-\nholms").
_WORD = r"\p{Lu}[\p{L}'’]*(?:-\n\p{Ll}+)*"
# Lower-case words inside an entry: "Bromma-Stockholms stad", "Maria-Gamla stan".
_LOWER_PART = r"(?:stad|stads|kommun|kommuns|stan|stadsdel|stadsdelsnämnd|stadsdelsområde)\b"
# A name and the years in parentheses after it; a stray dot between them ("Kalix. (2003)", a speck
# that OCR read as a full stop) does not end the list.
ENTRY = regex.compile(
    rf"(?P<name>{_WORD}(?:(?:[ \t]*[-–][ \t]*\n?[ \t]*|[ \t]*\n[ \t]*|[ \t]+)(?:{_WORD}|{_LOWER_PART}))*)"
    r"(?:\.?\s*(?:(?<=\n[ \t]*)\d{1,4}[ \t]*\n\s*)?\((?P<years>[^()]{0,60})\))?"
)
SEPARATOR = regex.compile(r"\s*[,;]\s*(?:(?:och|samt)\s+)?|\s+(?:och|samt)\s+")
# A page number alone on a line where a PDF list crosses a page, or another column's number at a
# line's start, three spaces before the list goes on (a layout export's two-column page).
PAGE_NUMBER_LINE = regex.compile(r"(?<=\n[ \t]*)\d{1,4}(?:[ \t]*\n|[ \t]{3,})\s*")
NEXT_ENTRY = regex.compile(r"\s+(?=\p{Lu})")
SPACE = regex.compile(r"\s*")
YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# "förutom Tyresö kommun": a municipality the lead-in names, with or without "kommun"/"stad".
NAMED_IN_LEAD_IN = regex.compile(rf"{_WORD}(?:[ \t-]+{_WORD})*(?:\s+(?:kommun|stad)s?\b)?")
DISTRICT_SPLIT = regex.compile(r"\s*[-–]\s*")
# One entry a line: "Ale (2006)", "Botkyrka 2003, 2005", "Hyllie", with a bullet or a closing
# comma, semicolon or full stop; a sentence never matches, as its words are not capitalized.
_LINE_NAME = rf"{_WORD}(?:(?:[ \t]*[-–][ \t]*|[ \t]+)(?:{_WORD}|{_LOWER_PART}))*"
ENTRY_NAME_ONLY = regex.compile(_LINE_NAME)
ENTRY_LINE = regex.compile(
    rf"(?P<name>{_LINE_NAME})(?:\s*\((?P<years>[^()]{{0,60}})\)|\s+(?P<bare_years>(?:19|20)\d\d"
    r"(?:\s*(?:,|och|&)\s*(?:19|20)\d\d)*))?\s*[,;.]?(?:\s+(?:och|samt))?"
)
# A name followed by a year, as an entry prints it ("Kalmar 2015", "Luleå (2009, 2013)"); not a
# date ("2017-02-26").
DATED_NAME = regex.compile(r"\p{Lu}\p{L}+[ \t]+\(?(?:19|20)\d\d\b(?!-)")
# An entry as a list prints it, a name with its years in parentheses ("Kramfors (2013, 2014)"),
# anywhere on a line: a bullet read as letters or digits may stand before it ("8 Kramfors ...").
PRINTED_ENTRY = regex.compile(r"\p{Lu}\p{L}+[ \t]+\((?:19|20)\d\d\b")
# A colon inside a line with a dated entry right after it ("förutom Ljungby stad: Växjö (2010), …").
LIST_AFTER_COLON = regex.compile(r":[ \t]+(?=\p{Lu}\p{L}+[ \t]+\((?:19|20)\d\d\b)")
# A name and its years in one cell: "Eskilstuna 2008, 2011".
NAME_THEN_YEARS = regex.compile(
    r"(?P<name>.+?)[ \t]+(?P<years>(?:19|20)\d\d(?:\s*(?:,|och|&)\s*(?:19|20)\d\d)*)"
)
PAGE_NUMBER_ONLY = regex.compile(r"^\s*\d{1,4}\s*$")
# A table cell of a line (between tabs or runs of three spaces), and a cell of years alone.
CELL = regex.compile(r"[^\t ](?:[^\t]*?[^\t ])??(?=\t|   |\s*$)")
YEARS_ONLY = regex.compile(r"(?:19|20)\d\d(?:\s*(?:,|och|&)\s*(?:19|20)\d\d)*")
# A bullet glyph inside a line, after a space: the start of an item beside the one before it.
INNER_BULLET = regex.compile(rf"(?<=\S\s+){BULLET_GLYPH_CLASS}(?=\s)")
# A lead-in that announces the list itself: evaluated municipalities or districts, in the plural.
ANNOUNCES_LIST = regex.compile(
    r"\b(?:kommuner|stadsdelar)\b.*\butvärder\p{L}*", regex.IGNORECASE | regex.DOTALL
)
# What follows an undated entry's name on its line where its years were printed but not read: its
# parenthesis opened and cut off at the line's end ("Kiruna (2005,"), or a gap of a page's columns
# run together on one line and the other column's words ("Umeå     Härnösand (2005, 2007)").
YEARS_CUT_SHORT = regex.compile(r"[ \t]*\([^()\n]*$")
COLUMNS_GAP = regex.compile(r"[ \t]{3,}\S")
# How much of an unread item a finding shows, and how many lines after the last entry are looked at.
UNREAD_SHOWN = 80
UNREAD_REACH = 3
# A list in a column of its own starts at least this far right (characters): the other column's
# words stand left of it.
GUTTER_BEFORE_LIST = 20
# Lines (not blank) above a colon searched for a lead-in that other lines cut apart.
ANNOUNCE_REACH = 6
# Lines that are no entry a list passes over where it goes on on the next page (running lines).
PAGE_BREAK_LINES = 2
# The header of a table of evaluations: "Kommun | År", "Kommun/stadsdel | Utvärderingsår".
# The tool's own name starts a report's running line ("Kommunkompassen Strängnäs 2023"), never an
# evaluated municipality's entry.
TOOL_NAME = regex.compile(r"^kommunkompassen\b", regex.IGNORECASE)
TABLE_NAME_HEADER = regex.compile(
    r"^(?:kommun|kommuner|kommun/stadsdel|stadsdel|kommun\s+och\s+år)$", regex.I
)
TABLE_YEAR_HEADER = regex.compile(r"^(?:år|årtal|utvärderingsår|utvärderad|år\s+för\s+utvärdering)$", regex.I)

# "Sveriges Kommuner och Landsting har använt Kommunkompassen som utvärderingsinstrument sedan
# 2002": the year is taken from a sentence that names SKL (or its predecessor) and the tool.
SINCE_YEAR = regex.compile(r"\b(?:sedan|från)\s+(?:år\s+)?(?P<year>(?:19|20)\d\d)\b", regex.IGNORECASE)
SKL = regex.compile(r"\b(?:Sveriges\s+Kommuner\s+och\s+Landsting|SKL|(?:Svenska\s+)?Kommunförbundet)\b")
TOOL = regex.compile(r"kommunkompass", regex.IGNORECASE)


@dataclass(frozen=True)
class EvaluationsResult:
    """The rows of the list and the passage that introduces it."""

    evaluations: tuple[Evaluation, ...] = ()
    listing: EvaluationList | None = None
    # Where the list shows more than was read (see :class:`UnreadEntry`).
    unread: tuple[UnreadEntry, ...] = ()
    # Entries read without the years their line shows were printed (see :class:`UnreadYear`).
    unread_years: tuple[UnreadYear, ...] = ()


@dataclass(frozen=True)
class _Entry:
    name: str
    years: tuple[int, ...]
    offset: int


def extract_evaluations(
    doc: Document,
    registry: MunicipalityRegistry | None = None,
    districts: DistrictRegistry | None = None,
) -> EvaluationsResult:
    """One :class:`Evaluation` per (entry, year) of the report's list of evaluated municipalities.

    An entry without a year gives one row with ``year=None``. When a report has several such
    lists, the longest is taken.
    """
    registry = registry or swedish_municipalities()
    districts = districts or swedish_districts()
    flow = flow_of(doc)
    found = _find_list(flow)
    if found is None:
        return EvaluationsResult(unread=_announced(flow))
    lead_start, colon, printed, inline = found
    entries = [part for entry in printed for part in _split_merged(entry, registry, districts)]
    rows: list[Evaluation] = []
    for entry in entries:
        line = flow.line_at(entry.offset)
        municipality, district = resolve_entry(entry.name, registry, districts)
        for year in entry.years or (None,):
            rows.append(
                Evaluation(
                    entry=entry.name,
                    municipality=municipality.name if municipality else None,
                    municipality_code=municipality.code if municipality else None,
                    district=district,
                    year=year,
                    page=line.page,
                    line=line.number,
                )
            )
    unread = _unread_before(flow, lead_start) + _unread_after(flow, printed, inline)
    if not inline:
        unread += _unread_within(flow, printed)
    years_cut = tuple(cut for entry in entries if not entry.years and (cut := _years_unread(flow, entry)))
    return EvaluationsResult(tuple(rows), _listing(flow, lead_start, colon, registry), unread, years_cut)


def _after_name(flow: Flow, entry: _Entry) -> str | None:
    """The rest of the entry's line after its name as printed, or ``None`` where the name is not
    found there as read (a word broken at a line's end)."""
    words = r"[ \t]+".join(regex.escape(word) for word in entry.name.split())
    index = flow.line_index_at(entry.offset)
    line_end = flow.starts[index] + len(flow.lines[index].text)
    match = regex.compile(words).match(flow.text, entry.offset, line_end)
    return flow.text[match.end() : line_end] if match else None


def _years_unread(flow: Flow, entry: _Entry) -> UnreadYear | None:
    """An undated entry whose line shows its years were printed: cut short at the line's end, or
    the line parted by another column's words right after the name."""
    rest = _after_name(flow, entry)
    if rest is None:
        return None
    if YEARS_CUT_SHORT.match(rest):
        how = "its years in parentheses are cut short at the line's end"
    elif COLUMNS_GAP.match(rest):
        how = "a wide gap and other words follow it on its line (two columns run together)"
    else:
        return None
    line = flow.line_at(entry.offset)
    printed = flow.text[entry.offset : flow.starts[flow.line_index_at(entry.offset)] + len(line.text)]
    return UnreadYear(entry.name, how, clean(printed)[:UNREAD_SHOWN], line.page, line.number)


def _unread(flow: Flow, offset: int, printed: str) -> UnreadEntry:
    line = flow.line_at(offset)
    return UnreadEntry(clean(printed)[:UNREAD_SHOWN], line.page, line.number)


def _announced(flow: Flow) -> tuple[UnreadEntry, ...]:
    """Where no list was read: the first lead-in that announces one ("Följande svenska kommuner och
    stadsdelar har utvärderats ...:"), at its colon."""
    found = _announcement(flow)
    return (_unread(flow, found[0], found[1]),) if found else ()


def _announcement(flow: Flow) -> tuple[int, str] | None:
    """The offset and text of the first lead-in that announces the list, or ``None``."""
    for start, colon in _lead_ins(flow):
        if ANNOUNCES_LIST.search(_with_start_above(flow, start, colon)):
            return colon, flow.text[start : colon + 1]
    # A lead-in whose sentence another column's lines cut apart: the lines above a line ending in
    # its colon ("har utvärderats med Kommunkompassen" / "6.6. Hur ..." / "förutom Tomelilla
    # kommun:"), or holding it before a dated entry, a layout export's other column beside them
    # ("5.5 Hållbar utveckling 20 10 förutom Ljungby stad: Växjö (2010), ..."); blank lines are not
    # counted.
    for index, line in enumerate(flow.lines):
        if line.text.rstrip().endswith(":"):
            colon = line.text.rindex(":")
        elif (inner := LIST_AFTER_COLON.search(line.text)) is not None:
            colon = inner.start()
        else:
            continue
        if ANNOUNCES_LIST.search("\n".join([*_lines_above(flow, index), line.text[: colon + 1]])):
            return flow.starts[index] + colon, line.text
    return None


def _with_start_above(flow: Flow, start: int, colon: int) -> str:
    """The lead-in from ``start`` to its colon, after the line above it where it opens with a small
    letter: a sentence a page break or a blank line cut apart ("Följande svenska kommuner och
    stadsdelar" / "har utvärderats med Kommunkompassen förutom Strömstad kommun:")."""
    lead_in = flow.text[start:colon]
    if not lead_in[:1].islower():
        return lead_in
    return "\n".join([*_lines_above(flow, flow.line_index_at(start))[-1:], lead_in])


def _lines_above(flow: Flow, index: int) -> list[str]:
    """The texts of the lines that are not blank among those above line ``index``, the nearest
    ``ANNOUNCE_REACH`` of them, in order."""
    above: list[str] = []
    for other in reversed(flow.lines[:index]):
        if len(above) == ANNOUNCE_REACH:
            break
        if not other.is_blank:
            above.append(other.text)
    return above[::-1]


def _unread_before(flow: Flow, start: int) -> tuple[UnreadEntry, ...]:
    """Where the list read is a table found by its header alone and a lead-in announced the list
    earlier: the first line between them that prints a year, which was not read (a two-column
    page's entries run into another column's lines)."""
    header = flow.line_index_at(start)
    if not _is_table_header(flow.lines[header]) or not (announced := _announcement(flow)):
        return ()
    lead_in = flow.line_index_at(announced[0])
    for index in range(lead_in + 1, header):
        if YEAR.search(text := flow.lines[index].text):
            return (_unread(flow, flow.starts[index], text),)
    return ()


def _unread_after(flow: Flow, entries: list[_Entry], inline: bool) -> tuple[UnreadEntry, ...]:
    """The item after the list's last entry read, where it shows the list goes on: a separator
    followed by text that reads as no entry ("..., Kalix (2003), 12 Karlstad"), in a paragraph an
    undated last word that no separator joins to the dated entries before it and no full stop ends
    (another column's "Följande" between "Karlstad (2011)" and "och Norrköping (2003, 2008)."),
    or, in a list printed one entry a line, the next line bulleted as the entries are or printing an
    entry (a name and its years in parentheses: a scan's bullet read as "8" before "Kramfors
    (2013, 2014)") or a table row with a year."""
    last = entries[-1]
    if inline and (stray := _stray_last(flow, entries)):
        return (stray,)
    entry_line = flow.line_index_at(last.offset)
    line = flow.lines[entry_line]
    line_end = flow.starts[entry_line] + len(line.text)
    match = None if BULLET.match(line.text) else ENTRY.match(flow.text, last.offset)
    if match and match.end() <= line_end:
        rest = flow.text[match.end() : line_end]
        if not last.years and YEARS_CUT_SHORT.match(rest):  # "Kiruna (2005," ends the line
            later = range(entry_line + 1, len(flow.lines))
            if (cut := next((i for i in later if not flow.lines[i].is_blank), None)) is not None:
                return (_unread(flow, flow.starts[cut], flow.lines[cut].text),)
        if (separator := SEPARATOR.match(rest)) and rest[separator.end() :].strip():
            return (_unread(flow, match.end() + separator.end(), rest[separator.end() :]),)
        later = range(entry_line + 1, len(flow.lines))
        cut = next((i for i in later if not flow.lines[i].is_blank), None)
        if separator and cut is not None:  # "Motala (2002)," at the line's end, no entry next
            return (_unread(flow, flow.starts[cut], flow.lines[cut].text),)
    bulleted = BULLET.match(line.text) is not None
    for index in range(entry_line + 1, min(entry_line + 1 + UNREAD_REACH, len(flow.lines))):
        following = flow.lines[index]
        if following.is_blank or PAGE_NUMBER_ONLY.match(following.text) or _is_table_header(following):
            continue
        cells = [cell for cell in following.cells if cell]
        tabled = len(cells) >= 2 and any(YEAR.search(cell) for cell in cells[1:])
        if (bulleted and (BULLET.match(following.text) or PRINTED_ENTRY.search(following.text))) or (
            not bulleted and tabled and "\t" in line.text
        ):
            return (_unread(flow, flow.starts[index], following.text),)
        break
    return ()


def _unread_within(flow: Flow, entries: list[_Entry]) -> tuple[UnreadEntry, ...]:
    """In a list read one entry a line, the lines between its first and last entries read that hold
    no entry read but print names with years (a two-column page's entries side by side with a
    repeated header: "Kommun År Kalmar 2015 Vårgårda 2008"); a running line naming the tool is none."""
    read = {flow.line_index_at(entry.offset) for entry in entries}
    unread = []
    for index in range(min(read) + 1, max(read)):
        text = flow.lines[index].text
        if index not in read and DATED_NAME.search(text) and not TOOL_NAME.match(text.strip()):
            unread.append(_unread(flow, flow.starts[index], text))
    return tuple(unread)


def _stray_last(flow: Flow, entries: list[_Entry]) -> UnreadEntry | None:
    """In a list read as a paragraph, its last entry when it is a capitalized word of other text:
    undated after dated entries, joined to them by no separator, and followed by no full stop."""
    last = entries[-1]
    if last.years or len(entries) < 2 or _dated(entries) < MIN_DATED_ENTRIES:
        return None
    before = ENTRY.match(flow.text, entries[-2].offset)
    after = ENTRY.match(flow.text, last.offset)
    if before is None or after is None or SEPARATOR.fullmatch(flow.text[before.end() : last.offset]):
        return None
    if flow.text[after.end() :].lstrip().startswith("."):
        return None
    line = flow.line_at(last.offset)
    return _unread(flow, last.offset, line.text[last.offset - flow.starts[flow.line_index_at(last.offset)] :])


def _find_list(flow: Flow) -> tuple[int, int, list[_Entry], bool] | None:
    """The longest list after a lead-in (or under a "Kommun | År" header), as lead-in start and end,
    its entries, and whether they were read as a paragraph (not one entry a line)."""
    best: tuple[int, int, list[_Entry], bool] | None = None
    for start, colon in [*_lead_ins(flow), *_table_headers(flow)]:
        inline = parse_entries(flow.text, colon + 1) if flow.text[colon] == ":" else []
        by_line = parse_line_entries(flow, flow.line_index_at(colon) + 1)
        by_line = [*_entries_beside(flow, flow.line_index_at(colon), by_line), *by_line]
        # One entry a line, when it reads as many dated entries: the inline reader would join an
        # undated line to the next ("Hyllie" / "Lundby - Göteborgs Stad (2004)").
        entries = by_line if _dated(by_line) >= _dated(inline) else inline
        if _dated(entries) < MIN_DATED_ENTRIES:
            continue
        if best is None or len(entries) > len(best[2]):
            best = (start, colon, entries, entries is inline)
    return best


# Lines that print nothing in the list's column passed over upwards between its entries beside the
# lead-in and the prose above it (the other column's lines between the table's rows).
BESIDE_REACH = 3


def _entries_beside(flow: Flow, colon_line: int, below: list[_Entry]) -> list[_Entry]:
    """The entries of a list read one entry a line in a column of its own (every entry starting at
    one position right of a gap) that stand in that column on the lines up from the lead-in's colon,
    beside the lead-in and the prose above it (a layout export's page whose right column holds the
    list's table, "Kommun   År" at its top, left of it the lead-in): up to the table's header or
    the first text in that column that is no dated entry."""
    columns = {entry.offset - flow.starts[flow.line_index_at(entry.offset)] for entry in below}
    if len(columns) != 1 or (column := columns.pop()) < GUTTER_BEFORE_LIST:
        return []
    found: list[_Entry] = []
    empty = 0
    for index in range(colon_line, -1, -1):
        text = flow.lines[index].text
        if not text[column - 2 :].strip():
            empty += 1
            if empty > BESIDE_REACH:
                break
            continue
        empty = 0
        if text[column - 2 : column].strip() or text[column].isspace():
            break  # the line's words cross the list's column, or start elsewhere in it
        segment = Line(text[column:], flow.lines[index].number, flow.lines[index].page)
        if _is_table_header(segment):
            break
        entry = _line_entry(segment)
        if entry is None or not entry[1] or TOOL_NAME.match(entry[0]):
            break
        found.append(_Entry(entry[0], entry[1], flow.starts[index] + column + entry[2]))
    return found[::-1]


def _dated(entries: list[_Entry]) -> int:
    return sum(1 for entry in entries if entry.years)


def _lead_ins(flow: Flow) -> list[tuple[int, int]]:
    found = []
    for colon in (m.start() for m in regex.finditer(":", flow.text)):
        start, _ = flow.sentence_around(colon)
        lead_in = flow.text[start:colon]
        if LEAD_IN_TOPIC.search(lead_in) and LEAD_IN_VERB.search(lead_in):
            found.append((start, colon))
    return found


def _table_headers(flow: Flow) -> list[tuple[int, int]]:
    """ "Kommun<TAB>År": a table of evaluations needs no lead-in; its header stands for one. Two
    such tables side by side print "Kommun<TAB>År<TAB>Kommun<TAB>År"."""
    return [
        (flow.starts[index], flow.starts[index] + len(line.text) - 1)
        for index, line in enumerate(flow.lines)
        if len(cells := _header_cells(line)) >= 2
        and TABLE_NAME_HEADER.match(cells[0])
        and (
            all(TABLE_YEAR_HEADER.match(cell) for cell in cells[1:])
            or (
                len(cells) % 2 == 0
                and all(TABLE_NAME_HEADER.match(cell) for cell in cells[::2])
                and all(TABLE_YEAR_HEADER.match(cell) for cell in cells[1::2])
            )
        )
    ]


def _header_cells(line: Line) -> list[str]:
    """The cells of a line read as a table's header: a cell holding a name header and a year header
    one space apart ("Kommun År", a scan's narrow table whose two header cells OCR read as one word
    apart, beside the same table's "Kommun År") as the two cells it stands for."""
    cells = []
    for cell in (cell for cell in line.cells if cell):
        words = cell.split()
        if len(words) == 2 and TABLE_NAME_HEADER.match(words[0]) and TABLE_YEAR_HEADER.match(words[1]):
            cells.extend(words)
        else:
            cells.append(cell)
    return cells


def parse_line_entries(flow: Flow, first: int) -> list[_Entry]:
    """A list printed one entry a line from line ``first``: bullets, table rows or bare lines.

    "- Ale (2006)", "Botkyrka<TAB>2003, 2005", "Hyllie": each line is one whole entry; the list ends
    at the first line that is not (a closing sentence such as "Alla dessa utvärderingar finns ...").
    Blank lines, page numbers and running lines naming the tool between entries are passed over; a
    table's header row is skipped, also where a page break repeats it.
    """
    entries: list[_Entry] = []
    bulleted, after_gap = False, False
    for index in range(first, len(flow.lines)):
        line = flow.lines[index]
        # A table's header is skipped also where a page break repeats it inside the list.
        if line.is_blank or PAGE_NUMBER_ONLY.match(line.text) or _is_table_header(line):
            after_gap = after_gap or (bool(entries) and line.is_blank)
            continue
        if len(paired := _paired_entries(line)) >= 2:
            # "Linköping<TAB>2005<TAB>Karlstad<TAB>2002, 2004": two tables of the list side by side
            entries.extend(_Entry(name, years, flow.starts[index] + at) for name, years, at in paired)
            after_gap = False
            continue
        entry = _line_entry(line)
        if entry is None and (beside := _entries_side_by_side(line)):
            # "• Upplands Väsby (2014)   • Halmstad (2014)": a two-column page's items on one line
            entries.extend(_Entry(name, years, flow.starts[index] + at) for name, years, at in beside)
            bulleted, after_gap = True, False
            continue
        if entry is None and entries and _across_page_break(flow, index, entries[-1]):
            continue  # a running line at a page's foot or head ("Sveriges Kommuner ... 2017-02-26 9")
        has_bullet = BULLET.match(line.text) is not None
        if entry is not None and TOOL_NAME.match(entry[0]):
            continue  # the report's running line ("Kommunkompassen Strängnäs 2023"), no entry
        if entries and (entry is None or not (entry[1] or has_bullet)) and _stray(flow, index, entries[0]):
            continue  # another column's words ("Poäng", "20 6") between a layout export's entries
        if entry is None or (bulleted and not has_bullet) or (after_gap and not (has_bullet or entry[1])):
            break  # a heading after the list ("Kontaktuppgifter") is no undated entry
        if has_bullet and not bulleted and entries and not _dated(entries):
            entries = []  # undated words before the first bullet (another column's " Egna Max")
        bulleted = bulleted or (not entries and has_bullet)
        name, years, column = entry
        entries.append(_Entry(name, years, flow.starts[index] + column))
        after_gap = False
    return entries


def _paired_entries(line: Line) -> list[tuple[str, tuple[int, ...], int]]:
    """The entries of a row of tables of the list printed side by side, each a name cell and a cell
    of its years (with where the name starts), or an empty list where the row is not such pairs."""
    matches = CELL.finditer(line.text)
    cells = [part for match in matches for part in _name_and_years(match.start(), match.group())]
    if len(cells) < 2 or len(cells) % 2:
        return []
    found = []
    for (at, name), (_, years) in zip(cells[::2], cells[1::2], strict=True):
        if not ENTRY_NAME_ONLY.fullmatch(name) or not YEARS_ONLY.fullmatch(years):
            return []
        if not TOOL_NAME.match(name):  # a running line beside the table ("Kommunkompassen Växjö 2012")
            found.append((clean(name), tuple(int(y) for y in YEAR.findall(years)), at))
    return found


def _name_and_years(at: int, cell: str) -> list[tuple[int, str]]:
    """A cell as (where it starts, its text); a cell that holds a name and its years one space
    apart, as a PDF's second table beside the first prints them ("Eskilstuna 2008, 2011"), as two."""
    text = cell.strip()
    match = NAME_THEN_YEARS.fullmatch(text)
    if match is None or not ENTRY_NAME_ONLY.fullmatch(match["name"]):
        return [(at, text)]
    return [(at, match["name"]), (at + match.start("years"), match["years"])]


def _entries_side_by_side(line: Line) -> list[tuple[str, tuple[int, ...], int]]:
    """The entries of a line that holds several bulleted items side by side (a PDF's two-column
    page read as one line: "- Upplands Väsby (2014) • Halmstad (2014)"), each with where it starts
    in the line; empty unless the line starts with a bullet and every part is a dated entry."""
    if BULLET.match(line.text) is None:
        return []
    starts = [0, *(m.start() for m in INNER_BULLET.finditer(line.text))]
    if len(starts) < 2:
        return []
    found = []
    for start, end in zip(starts, [*starts[1:], len(line.text)], strict=True):
        entry = _line_entry(Line(line.text[start:end], line.number, line.page))
        if entry is None or not entry[1]:
            return []
        found.append((entry[0], entry[1], start + entry[2]))
    return found


def _stray(flow: Flow, index: int, first: _Entry) -> bool:
    """Whether line ``index``, an undated entry as read, stands at another indent than the list's
    first entry while the next line is a dated entry at that indent (a layout export's two-column
    page, a word of the other column between the list's rows)."""
    indent = _indent(flow.line_at(first.offset))
    following = next((line for line in flow.lines[index + 1 :] if not line.is_blank), None)
    entry = _line_entry(following) if following is not None else None
    return (
        _indent(flow.lines[index]) != indent
        and following is not None
        and _indent(following) == indent
        and entry is not None
        and bool(entry[1])
    )


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _across_page_break(flow: Flow, index: int, last: _Entry) -> bool:
    """Whether line ``index``, no entry, stands among the few lines between the list's last entry
    and its next on a later page (a PDF's running header or footer, which the reader kept)."""
    page = flow.line_at(last.offset).page
    if page is None:
        return False
    passed = 0
    for position in range(index, len(flow.lines)):
        line = flow.lines[position]
        if line.is_blank or PAGE_NUMBER_ONLY.match(line.text):
            continue
        if _is_table_header(line) or _line_entry(line) is not None:
            return line.page is not None and line.page > page
        passed += 1
        if passed > PAGE_BREAK_LINES:
            return False
    return False


def _is_table_header(line: Line) -> bool:
    """ "Kommun<TAB>År"; also with a single space between, as a raw text export prints it, or its
    year cell alone, where a layout export set the name cell into the other column's line ("År"
    above the entries, "Delområde   Maxpoäng Kommun" beside it)."""
    cells = [cell for cell in line.cells if cell]
    if len(cells) >= 2 and TABLE_NAME_HEADER.match(cells[0]) is not None:
        return True
    words = line.text.split()
    if len(words) == 1 and TABLE_YEAR_HEADER.match(words[0]):
        return True
    return len(words) == 2 and bool(TABLE_NAME_HEADER.match(words[0]) and TABLE_YEAR_HEADER.match(words[1]))


def _line_entry(line: Line) -> tuple[str, tuple[int, ...], int] | None:
    """The entry a whole line gives (name, years, where the name starts in the line), or ``None``."""
    glyph = BULLET.match(line.text)
    text = glyph["text"] if glyph else line.text
    column = line.text.find(text.strip()[:1]) if text.strip() else 0
    cells = [cell for cell in CELL_SEPARATOR.split(text.strip()) if cell.strip()]
    if len(cells) >= 2:
        # A running line beside the entry ("Lysekil | 2002 | Kommunkompassen Växjö 2012") gives no year.
        years = tuple(int(y) for cell in cells[1:] if not TOOL_NAME.match(cell) for y in YEAR.findall(cell))
        if not years or not ENTRY_NAME_ONLY.fullmatch(cells[0].strip()):
            return None
        return clean(cells[0]), years, column
    match = ENTRY_LINE.fullmatch(text.strip())
    if match is None:
        return None
    years = tuple(int(y) for y in YEAR.findall(match["years"] or match["bare_years"] or ""))
    return clean(match["name"]), years, column


def parse_entries(text: str, pos: int) -> list[_Entry]:
    """The entries of a list that starts at ``pos``: names, each with the years in its parentheses.

    Copes with a missing comma after a year ("Järfälla (2006) Malmö Stad (2005)") and "och"
    before the last entry; the list ends at the first text that is not an entry or a separator.
    """
    entries: list[_Entry] = []
    while True:
        pos = _skip_page_numbers(text, SPACE.match(text, pos).end())
        match = ENTRY.match(text, pos)
        if match is None:
            break
        years = tuple(int(y) for y in YEAR.findall(match["years"] or ""))
        entries.append(_Entry(clean(match["name"]), years, match.start()))
        pos = match.end()
        if separator := SEPARATOR.match(text, pos):
            pos = separator.end()
        elif not (match["years"] is not None and NEXT_ENTRY.match(text, pos)):
            break
    return entries


def _skip_page_numbers(text: str, pos: int) -> int:
    while match := PAGE_NUMBER_LINE.match(text, pos):
        pos = match.end()
    return pos


def resolve_entry(
    name: str, registry: MunicipalityRegistry, districts: DistrictRegistry
) -> tuple[Municipality | None, str | None]:
    """The municipality an entry refers to, and the district when the entry is a city district.

    "Malmö Stad" is Malmö; "Bromma-Stockholms stad" and "Lundby - Göteborgs Stad" name their city
    after the district; "Hyllie" alone is found in the districts file. A name with a hyphen of
    its own ("Upplands-Bro", "Hässelby-Vällingby") is tried whole first.
    """
    if municipality := registry.lookup(name):
        return municipality, None
    if district := districts.lookup(name):
        return district[1], district[0]
    parts = DISTRICT_SPLIT.split(name)
    for cut in range(1, len(parts)):
        left, right = "-".join(parts[:cut]), "-".join(parts[cut:])
        for district_part, city_part in ((left, right), (right, left)):
            city = registry.lookup(city_part)
            if city is not None and registry.lookup(district_part) is None:
                known = districts.lookup(district_part, city)
                return city, known[0] if known else clean(district_part)
    return None, None


def _split_merged(entry: _Entry, registry: MunicipalityRegistry, districts: DistrictRegistry) -> list[_Entry]:
    """An entry that is two entries run together by a missing comma ("Hyllie Järfälla (2006)").

    Only split when the whole does not resolve and every part does; the years belong to the last.
    """
    words = entry.name.split(" ")
    if len(words) < 2 or resolve_entry(entry.name, registry, districts)[0] is not None:
        return [entry]
    parts: list[str] = []
    start = 0
    while start < len(words):
        end = next(
            (e for e in range(len(words), start, -1)
             if resolve_entry(" ".join(words[start:e]), registry, districts)[0] is not None),
            None,
        )  # fmt: skip
        if end is None:
            return [entry]
        parts.append(" ".join(words[start:end]))
        start = end
    offsets = [entry.offset + entry.name.find(part) for part in parts]
    return [
        _Entry(part, entry.years if i == len(parts) - 1 else (), offset)
        for i, (part, offset) in enumerate(zip(parts, offsets, strict=True))
    ]


def _listing(flow: Flow, start: int, colon: int, registry: MunicipalityRegistry) -> EvaluationList:
    lead_in = clean(flow.text[start:colon])
    named: dict[str, str] = {}
    for match in NAMED_IN_LEAD_IN.finditer(lead_in):
        if municipality := registry.lookup(match.group()):
            named.setdefault(municipality.code, municipality.name)
    line = flow.line_at(start)
    since = tool_since(flow)
    since_line = flow.line_at(since[1]) if since else None
    return EvaluationList(
        lead_in=lead_in,
        named=tuple((name, code) for code, name in named.items()),
        tool_since=since[0] if since else None,
        tool_since_page=since_line.page if since_line else None,
        tool_since_line=since_line.number if since_line else None,
        page=line.page,
        line=line.number,
    )


def tool_since(flow: Flow) -> tuple[int, int] | None:
    """The year the report says SKL started using the tool, with the offset where it is printed."""
    for match in SINCE_YEAR.finditer(flow.text):
        start, end = flow.sentence_around(match.start())
        sentence = flow.text[start:end]
        if SKL.search(sentence) and TOOL.search(sentence):
            return int(match["year"]), match.start("year")
    return None
