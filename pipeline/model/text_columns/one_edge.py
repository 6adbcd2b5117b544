"""A page read with the right column at one start, the same character position on every line
(see the package's notes)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from pipeline.model.text_columns.spacing import (
    GAP,
    GLYPH_REACH,
    GUTTER,
    MIDDLE,
    MIN_BOTH,
    ONE_SPACE,
    PROSE_SHARE,
    Numbered,
    Reach,
    table_numbers,
)

# Where the right column's text starts after a gap of at least the gutter.
RIGHT_START = regex.compile(rf"(?<=\S {{{GUTTER},}})\S")
ENDS_WITH_NUMBER = regex.compile(r"\d[%)]?$")


def at_one_start(lines: list[Numbered]) -> tuple[list[Numbered], Reach] | None:
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
        in_run = fits(moved, start) or (bool(run) and _touches_at(text, start))
        if run and not in_run:
            flush()
            run = []
        if in_run:
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
    return opens and not table_numbers(text[start:])


# How far left of the right column's start (characters) a layout export may set a heading of
# that column: its larger or bold type takes fewer character cells than the body's.
HEADING_SHIFT = 10


def _heading_moved_to(text: str, start: int) -> str:
    """The line with a right column's heading set a little left of where that column starts
    ("  •  Tydlig och innehållsrik hemsida      Sammanfattning ledarskap") moved to ``start``,
    as long as it stands after a gap, opens with a capital and is no table's numbers; any other
    line as printed."""
    if fits(text, start):
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


def fits(text: str, start: int) -> bool:
    """Whether no word of the line crosses the gutter before ``start``, and what stands right of
    it is not a table's numbers."""
    text = text.rstrip()
    if len(text) <= start - GUTTER:
        return True
    return not text[start - GUTTER : start].strip() and not table_numbers(text[start:])


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
