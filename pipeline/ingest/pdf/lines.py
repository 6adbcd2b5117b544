"""Step 7, lines: printed lines to the document's lines: one line per paragraph, bullet or table row.

The text exports the extractors were written against hold a paragraph or a bullet on one line, with
blank lines between paragraphs. The printed lines of a PDF are put back into that shape:

- A printed line continues the paragraph above unless space separates them, the font size changes,
  it starts a bullet, it is not aligned with the paragraph, or the line above ended early: when the
  first word of this line would have fit on the line above, the line above was broken by hand.
  That last test also joins a paragraph or a bullet that a page break splits.
- Bullets drawn as glyphs ("•", or an unmapped glyph such as "(cid:127)") are written as "- ", the
  way the text exports write them; a typed "-" or a number ("1.") starts a list item only where it
  stands out of the running text (in a list, or not aligned with the paragraph).
- Table rows are lines of their own, their cells separated by tabs.
- A blank line stands where the page leaves extra space between two blocks.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence
from statistics import median

from pipeline.editions.heading_words import is_known_heading
from pipeline.ingest.pdf.printed_lines import PrintedLine
from pipeline.ingest.pdf.tables import PrintedTable
from pipeline.ingest.pdf.words import bullet_glyph, is_list_marker, word_boxes
from pipeline.model.document import Line

SOFT_HYPHEN = "\u00ad"
# Extra space (times the font size) over the usual line spacing that separates two blocks.
BLOCK_SPACE = 0.35
# How far (points) lines of one paragraph may start from each other.
ALIGN_TOLERANCE = 2.0
# How close (points) to the right edge of the text a justified line ends.
JUSTIFIED_TOLERANCE = 1.0
# The right edge of a page's text: where at least EDGE_LINES line ends lie within EDGE_SPREAD
# (points) of each other, no further than EDGE_REACH from the furthest end.
EDGE_SPREAD = 3.0
EDGE_REACH = 12.0
EDGE_LINES = 3
# Share of the text lines that end at the right edge when a document is set justified.
JUSTIFIED_SHARE = 0.3

# A gap is the line spacing when it recurs this often (times, and share of all gaps).
MIN_RECURRENCE = 3
RECURRENCE_SHARE = 0.1

Item = PrintedLine | PrintedTable


class _Geometry:
    """The document's usual line spacing and the right edge of the text on each page."""

    def __init__(self, items: Sequence[Item], widths: dict[int, float]) -> None:
        text = [item for item in items if isinstance(item, PrintedLine)]
        gaps = [
            round(b.top - a.bottom, 1)
            for a, b in itertools.pairwise(text)
            if a.page == b.page and abs(a.size - b.size) < 0.5 and b.top > a.bottom
        ]
        self.line_gap = _line_gap(gaps)
        edges: dict[int, list[float]] = {}
        for line in text:
            edges.setdefault(line.page, []).append(line.x1)
        self.right = self._right_edges(text, edges, widths)
        # Font sizes set justified: body text may be, while headings and lists rarely are.
        by_size: dict[float, list[bool]] = {}
        for line in text:
            by_size.setdefault(round(line.size), []).append(self.reaches_edge(line))
        self.justified = {
            size
            for size, reach in by_size.items()
            if len(reach) >= 10 and sum(reach) >= JUSTIFIED_SHARE * len(reach)
        }

    @staticmethod
    def _right_edges(
        text: list[PrintedLine], edges: dict[int, list[float]], widths: dict[int, float]
    ) -> dict[int, float]:
        """Where the text ends on the right of each page: the longest line of a full page, else
        the usual edge of the document's full pages, else the left margin mirrored."""
        full = [_edge(x) for x in edges.values() if len(x) >= 5]
        left = {line.page: line.x0 for line in reversed(text)}
        common = median(full) if full else None
        return {
            page: _edge(x) if len(x) >= 5 else common or widths.get(page, max(x)) - left[page]
            for page, x in edges.items()
        }

    def reaches_edge(self, line: PrintedLine) -> bool:
        return line.x1 >= self.right_of(line) - JUSTIFIED_TOLERANCE

    def right_of(self, line: PrintedLine) -> float:
        """Where the text ends on the right of the line's column (of its page, in one column)."""
        return line.column_right if line.column_right is not None else self.right.get(line.page, line.x1)

    def spaced(self, upper: PrintedLine | PrintedTable, lower: PrintedLine | PrintedTable) -> bool:
        """Whether extra space stands between two blocks on one page."""
        above = upper.last if isinstance(upper, PrintedTable) else upper
        below = lower.first if isinstance(lower, PrintedTable) else lower
        if above.page != below.page:
            return False
        size = max(above.size, below.size)
        return below.top - above.bottom > self.line_gap + BLOCK_SPACE * size

    def ended_early(self, block: list[PrintedLine], following: PrintedLine) -> bool:
        """Whether the block's last line was ended by hand rather than wrapped.

        It was if the first word of ``following`` would have fit at its end; or if the block is
        set justified (lines in its font size often reach the right edge, and its other lines do)
        and this line does not. The second test decides where a page break leaves no space.
        """
        line = block[-1]
        word = following.words[0]
        room = self.right_of(line) - line.x1
        if room > (word.x1 - word.x0) + 0.25 * line.size:
            return True
        if round(line.size) not in self.justified or _is_list_item(block[0]):
            return False
        return all(self.reaches_edge(other) for other in block[:-1]) and not self.reaches_edge(line)


def _edge(ends: list[float]) -> float:
    """Where a page's longest lines end: where most of the line ends near the furthest one lie
    (within :data:`EDGE_SPREAD`), else the furthest. A word processor ends justified lines at one
    x; on a scan they end a little apart, and a speck read after a line's last word ("=") would
    otherwise move the edge."""
    near = sorted(x for x in ends if x >= max(ends) - EDGE_REACH)
    windows = [(bisect_right(near, x + EDGE_SPREAD) - i, x, i) for i, x in enumerate(near)]
    count, _x, first = max(windows)
    if count < EDGE_LINES:
        return near[-1]
    return median(near[first : first + count])


def _line_gap(gaps: list[float]) -> float:
    """The space between the lines of one paragraph or list: the smallest gap that recurs.

    Where most paragraphs are one line long, the commonest gap is the space between paragraphs;
    the lines of a wrapped paragraph or of a list stand closer, and that closer gap, where it
    recurs, is the line spacing.
    """
    if not gaps:
        return 0.0
    counts: dict[float, int] = {}
    for gap in gaps:
        counts[gap] = counts.get(gap, 0) + 1
    recurring = [
        gap for gap, count in counts.items() if count >= max(MIN_RECURRENCE, RECURRENCE_SHARE * len(gaps))
    ]
    return min(recurring) if recurring else _mode(gaps)


def _mode(values: list[float]) -> float:
    counts: dict[float, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda value: (counts[value], -value))


def assemble(items: Sequence[Item], widths: dict[int, float]) -> tuple[Line, ...]:
    """The document's lines from its printed lines and tables, in reading order.

    ``widths`` gives each page's width, for pages too short to show where the text ends.
    """
    geometry = _Geometry(items, widths)
    out: list[Line] = []
    block: list[PrintedLine] = []
    previous: Item | None = None
    for item in items:
        if isinstance(item, PrintedLine) and block and _continues(block, item, geometry):
            block.append(item)
            previous = item
            continue
        follows_bullet = bool(block) and _is_list_item(block[0])
        _flush(block, out)
        block = []
        if previous is not None and _blank_between(previous, item, geometry, follows_bullet):
            first = item.first if isinstance(item, PrintedTable) else item
            out.append(Line(text="", number=first.number, page=first.page))
        if isinstance(item, PrintedTable):
            out.extend(Line(row.text, row.number, row.page, row.bbox, row.words) for row in item.rows)
        else:
            block = [item]
        previous = item
    _flush(block, out)
    return tuple(out)


def _blank_between(previous: Item, item: Item, geometry: _Geometry, follows_bullet: bool) -> bool:
    """Extra space between two blocks on a page; or a page break, except inside a list.

    The space a page break swallows is unknown, so a page break between blocks counts as the
    blank line the text exports have between paragraphs, but not between two bullets.
    """
    if geometry.spaced(previous, item):
        return True
    above = previous.last if isinstance(previous, PrintedTable) else previous
    below = item.first if isinstance(item, PrintedTable) else item
    if above.page == below.page:
        return False
    return not (follows_bullet and isinstance(item, PrintedLine) and _is_list_item(item))


def _continues(block: list[PrintedLine], line: PrintedLine, geometry: _Geometry) -> bool:
    """Whether ``line`` goes on with the paragraph or bullet in ``block`` (also on the next page)."""
    last = block[-1]
    if line.page not in (last.page, last.page + 1) or geometry.spaced(last, line):
        return False
    if abs(line.size - last.size) > 0.5 or geometry.ended_early(block, line):
        return False
    if _is_bullet(line) or (_is_list_item(line) and _is_list_item(block[0])):
        return False
    if is_known_heading(line.text):
        return False  # "Område 2 – ...", "Förbättringsförslag": a heading by its words
    if _is_list_item(block[0]) and not _continues_item(block, line):
        return False
    return _aligned(block, line) or _goes_on_in_next_column(block, line)


def _goes_on_in_next_column(block: list[PrintedLine], line: PrintedLine) -> bool:
    """A paragraph that a column or page break splits mid-sentence ("... uppnår" / "kommunen 59
    poäng."): the next column starts at its own edge, so only the words say that it goes on."""
    last = block[-1]
    next_column = line.page == last.page + 1 or line.top < last.top
    unfinished = not last.text.rstrip().endswith((".", "!", "?", ":", ";"))
    return next_column and unfinished and not _is_list_item(block[0]) and line.text[:1].islower()


def _continues_item(block: list[PrintedLine], line: PrintedLine) -> bool:
    """Whether ``line`` can go on with the list item in ``block``.

    Never from left of the item's marker: that is the text the list is part of. Across a page
    break, a line that starts a sentence after one the item ended, flush with the marker rather
    than under the item's text, starts something new.
    """
    first = block[0]
    if line.x0 < first.x0 - ALIGN_TOLERANCE:
        return False
    if line.page == block[-1].page or len(first.words) < 2:
        return True
    under_text = abs(line.x0 - first.words[1].x0) <= ALIGN_TOLERANCE
    ends_sentence = block[-1].text.rstrip().endswith((".", "!", "?", ":"))
    return under_text or not (ends_sentence and line.text[:1].isupper())


def _aligned(block: list[PrintedLine], line: PrintedLine) -> bool:
    """Whether ``line`` starts where the block's continuation lines start."""
    if len(block) > 1:
        return abs(line.x0 - block[1].x0) <= ALIGN_TOLERANCE
    first = block[0]
    if _is_list_item(first) and len(first.words) > 1 and abs(line.x0 - first.words[1].x0) <= ALIGN_TOLERANCE:
        return True  # the hanging indent of a list item
    # Under the first line, or left of it by a first-line indent (up to four em).
    return first.x0 - 4 * first.size <= line.x0 <= first.x0 + ALIGN_TOLERANCE


def _is_bullet(line: PrintedLine) -> bool:
    """Whether the line starts with a bullet glyph."""
    return bullet_glyph(line.words[0].text) is not None


def _is_list_item(line: PrintedLine) -> bool:
    """Whether the line starts with a bullet glyph, or with a dash or a number followed by text."""
    return _is_bullet(line) or (len(line.words) > 1 and is_list_marker(line.words[0].text))


def _flush(block: list[PrintedLine], out: list[Line]) -> None:
    if not block:
        return
    text = block[0].text
    for line in block[1:]:
        text = text[:-1] + line.text if text.endswith(SOFT_HYPHEN) else f"{text} {line.text}"
    first = block[0]
    if _is_bullet(first):
        text = _as_dash_bullet(text, first)
    on_page = [line for line in block if line.page == first.page]
    bbox = (
        round(min(line.x0 for line in on_page), 2), round(on_page[0].top, 2),
        round(max(line.x1 for line in on_page), 2), round(on_page[-1].bottom, 2),
    )  # fmt: skip
    words = word_boxes(w for line in on_page for w in line.words)
    out.append(Line(text=text, number=first.number, page=first.page, bbox=bbox, words=words))


def _as_dash_bullet(text: str, first: PrintedLine) -> str:
    marker = bullet_glyph(first.words[0].text) or ""
    rest = text[len(marker) :].strip()
    return f"- {rest}" if rest else "-"
