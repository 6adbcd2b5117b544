"""Bulleted lists, as text exports and PDFs print them.

Text exports write a bullet as a dash and usually put the item in bold markup:

    - **Kommunens etablerade styrmodell.**

PDFs keep the glyph the word processor drew ("•", "●", "▪", "–", or "" from the Symbol font),
carry no markup, and wrap a long item over several lines, the continuation lines without a glyph
(and usually indented to the item's text). A page break can leave a blank line inside a list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from extractors.prose import STARTS_LOWERCASE, join_wrapped, strip_markup
from pipeline.model.document import Line
from pipeline.model.marks import BULLET_GLYPH_CLASS

# A dash bullet needs a space (or nothing, or markup) after it, so that "-text" and a minus sign
# are not bullets; the Symbol-font glyphs (U+F0B7 and kin) are what PDFs of Word bullets give, and
# "o" is Word's second-level bullet. An enumeration ("1.", "2)", "(3)", "a)", "b.") needs a space
# after it, so that a question id ("1.1 Hur ...") or a decimal is none.
_GLYPH = rf"[-–—](?=\s|$|\*)|{BULLET_GLYPH_CLASS}|\*(?=\s)|o(?=[ \t])"
_ENUMERATION = r"(?P<number>\d{1,2})[.)](?=\s)|\((?P<number2>\d{1,2})\)(?=\s)|(?P<letter>[a-zåäö])[).](?=\s)"
BULLET = regex.compile(rf"^\s*(?P<glyph>{_GLYPH}|{_ENUMERATION})\s*(?P<text>.*)$")
STRONG_MARKUP_START = regex.compile(r"^(?:\*\*|__)")
# A wrapped item's continuation flush with its glyph is never longer than this many lines.
FLUSH_CONTINUATION_LINES = 2
# A continuation line is indented past the bullet glyph by more than this (PDF points).
INDENT_TOLERANCE = 1.0


@dataclass(frozen=True)
class BulletItem:
    """One item of a list: its text without markup, wrapped lines joined, and its lines."""

    text: str
    lines: tuple[Line, ...]

    @property
    def first(self) -> Line:
        return self.lines[0]


def bullet_text(line: Line) -> str | None:
    """The text after a line's bullet glyph (with its markup), or ``None`` if it is no bullet."""
    match = BULLET.match(line.text)
    return match["text"] if match else None


def bullet_glyph(line: Line) -> str | None:
    """The glyph of a line's bullet ("-", "•", "1.", "a)"), or ``None`` if it is no bullet."""
    match = BULLET.match(line.text)
    return match["glyph"] if match else None


def is_enumeration(line: Line) -> bool:
    """Whether ``line`` is an item of an enumeration ("1. ...", "b) ...") rather than a glyph bullet."""
    match = BULLET.match(line.text)
    return bool(match and (match["number"] or match["number2"] or match["letter"]))


def _style(bullet: regex.Match[str]) -> tuple[str, bool]:
    """A bullet's kind and whether its text starts in bold, to tell one list from the next.

    Items of one enumeration differ in their number ("1.", "2.") but not in how it is written.
    """
    kind = regex.sub(r"\d+", "9", regex.sub(r"^[a-zåäö]", "a", bullet["glyph"]))
    return kind, bool(STRONG_MARKUP_START.match(bullet["text"]))


def _markup_open(lines: Sequence[Line]) -> bool:
    # "- **Vid sidan av ... Täckningen är dock" with its closing "**" on a later line.
    joined = "".join(line.text for line in lines)
    return joined.count("**") % 2 == 1 or joined.count("__") % 2 == 1


def _continues(item: Sequence[Line], line: Line, after_gap: bool) -> bool:
    """Whether ``line`` (no bullet) carries on the item whose lines are ``item``."""
    glyph_alone = len(item) == 1 and not (bullet_text(item[0]) or "").strip()
    if glyph_alone and not after_gap:
        return True  # a PDF can put the glyph on a line of its own and the item's text on the next
    if _far_below(item[-1], line):
        return False  # whatever its words: a wrapped line stands right below the line before
    if _markup_open(item) or STARTS_LOWERCASE.match(line.text.strip()):
        return True
    first = item[0]
    if first.bbox is not None and line.bbox is not None:
        if _in_next_column(item[-1], line):
            return False  # its indent says nothing: the column's edge is elsewhere
        return line.bbox[0] > first.bbox[0] + INDENT_TOLERANCE
    # A text export indents a wrapped item's lines past its glyph; a paragraph after the list
    # starts where the glyph does (pdftotext -layout sets every line off by a space).
    return not after_gap and _indent(line) > _indent(first)


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


# A wrapped item's next line stands at most this many of its last line's heights below it; a line
# further down its page (a running footer OCR misread, so not dropped) is no part of it.
CONTINUATION_REACH = 3.0


def _far_below(last: Line, line: Line) -> bool:
    """Whether ``line`` stands further below the item's last line on its page than a wrapped line
    or a paragraph's gap puts it."""
    if last.bbox is None or line.bbox is None or line.page != last.page:
        return False
    height = last.bbox[3] - last.bbox[1]
    return height > 0 and line.bbox[1] - last.bbox[3] > CONTINUATION_REACH * height


def _in_next_column(last: Line, line: Line) -> bool:
    """Whether ``line`` starts the next column of a page in two: it stands above the line before."""
    return (
        last.bbox is not None
        and line.bbox is not None
        and line.page == last.page
        and line.bbox[1] < last.bbox[1]
    )


def _between_bullets(
    lines: Sequence[Line], index: int, ends_list: Callable[[Line], bool], style: tuple[str, bool] | None
) -> bool:
    """Whether the non-bullet lines from ``index`` lead straight into another bullet of the list
    (of its ``style``).

    A wrapped item whose continuation is flush with the glyph and starts with a capital letter
    ("... effektiviserat" / "Verksamheten i Umeå.") is told from prose by what follows: prose
    is never squeezed between two bullets of one list without a blank line. Between the last
    item of one list and the first of another (a dash list of sub-questions, then a numbered list
    of strengths under its label) stands prose.
    """
    for line in lines[index : index + FLUSH_CONTINUATION_LINES + 1]:
        if line.is_blank or ends_list(line):
            return False
        if bullet := BULLET.match(line.text):
            return _style(bullet) == style
    return False


# Lines of a list searched for how its lone glyphs stand.
GLYPH_SCAN = 40


def _glyphs_below_text(lines: Sequence[Line], start: int, ends_list: Callable[[Line], bool]) -> bool:
    """Whether a text export sets the list's glyphs a line below their text (a glyph printed a
    little below its text's baseline): a glyph alone on its line after a line that starts as an
    item does (a capital or a digit) and before a line that cannot be its text (a wrapped line's
    lower case, another bullet, a label, a gap or the end). One such glyph shows it for the list:
    the others may stand before an item's text as well as after it."""
    for index in range(start, min(len(lines), start + GLYPH_SCAN)):
        line = lines[index]
        if index > start and ends_list(line):
            return False
        glyph_text = bullet_text(line)
        if line.bbox is not None or glyph_text is None or glyph_text.strip() or index == 0:
            continue
        before = lines[index - 1].stripped
        if not (before[:1].isupper() or before[:1].isdigit()) or BULLET.match(lines[index - 1].text):
            continue
        after = lines[index + 1] if index + 1 < len(lines) else None
        if after is None or after.is_blank or ends_list(after):
            return True
        if STARTS_LOWERCASE.match(after.stripped) or BULLET.match(after.text):
            return True
    return False


def _takes_text_above(item: list[Line], line: Line, lines: Sequence[Line], index: int) -> bool:
    """Whether the glyph alone on ``line`` heads the text on the line above, read as the last
    line of ``item`` ("-   Väl utvecklade e-tjänster" / "    Synpunktshantering via webben" / "-"):
    that line starts as an item does."""
    if (bullet_text(line) or "").strip() or len(item) < 2 or lines[index - 1] is not item[-1]:
        return False
    text = item[-1].stripped
    return text[:1].isupper() or text[:1].isdigit()


def read_bullet_list(
    lines: Sequence[Line], start: int, ends_list: Callable[[Line], bool] = lambda line: False
) -> list[BulletItem]:
    """The list whose first bullet is the first non-blank line at or after ``start``.

    The list ends where the bullets end: at a line that is neither a bullet nor a continuation of
    the item before, or at a line ``ends_list`` accepts (a heading such as "Förbättringsområden").
    After blank lines it goes on only with a bullet of the same glyph and markup as its first one,
    or with a line that plainly continues the last item (a page break inside an item). Items
    without text (a lone "-") are left out.
    """
    items: list[list[Line]] = []
    style: tuple[str, bool] | None = None
    index, after_gap = start, False
    below = _glyphs_below_text(lines, start, ends_list)
    while index < len(lines):
        line = lines[index]
        if line.is_blank:
            after_gap = bool(items)
            index += 1
            continue
        if ends_list(line):
            break
        if bullet := BULLET.match(line.text):
            if after_gap and style != _style(bullet):
                break
            style = style or _style(bullet)
            if below and items and _takes_text_above(items[-1], line, lines, index):
                items.append([line, items[-1].pop()])
            else:
                items.append([line])
        elif items and (
            _continues(items[-1], line, after_gap)
            or (not after_gap and _between_bullets(lines, index, ends_list, style))
        ):
            items[-1].append(line)
        else:
            break
        index, after_gap = index + 1, False
    return [item for item in map(_item, items) if item.text]


def _item(lines: list[Line]) -> BulletItem:
    parts = [bullet_text(lines[0]) or "", *(line.text for line in lines[1:])]
    return BulletItem(strip_markup(join_wrapped(parts)), tuple(lines))
