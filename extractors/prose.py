"""Running text as reports print it: markup, lines wrapped in PDFs, paragraphs and sentences.

Text exports keep a paragraph on one line and mark emphasis with asterisks ("- **Medborgarslussen**");
PDFs wrap a paragraph over several lines, sometimes breaking a word with a hyphen. The helpers here
turn either into plain text while remembering which line each part came from.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from pipeline.model.document import Line

# "**bold**", "__bold__": the text exports' strong emphasis, dropped wherever it stands.
STRONG_MARKUP = regex.compile(r"\*\*|__")
# "*resurser*", "*Årshjulet*": single-asterisk emphasis around words (never a lone "3*" footnote).
EMPHASIS_MARKUP = regex.compile(r"(?<![\w*])\*(?=[^\s*])(?P<text>[^*]+?)(?<=[^\s*])\*(?![\w*])")
# "## Område 1 ...": a Markdown heading marker some exports put before headings.
HEADING_MARKER = regex.compile(r"^\s*#{1,6}\s+")
# "för-" at a line's end followed by "bättring": a word the PDF broke over two lines.
BROKEN_WORD = regex.compile(r"\p{L}-$")
# "medborgar- och brukarorientering": a hyphen that stays, as the next word joins the compound.
COMPOUND_CONTINUATION = regex.compile(r"^(?:och|eller|samt|respektive|resp\.|till|som|men)\b")
STARTS_LOWERCASE = regex.compile(r"^\p{Ll}")
# A sentence ends at ".", "!", "?" (a closing quote may follow) before a capital letter or a digit.
SENTENCE_BREAK = regex.compile(r"(?<=[.!?…][\"”»’)]?)\s+(?=[\"”«„(]?[\p{Lu}\d])")
# Abbreviations after which a capital letter does not start a new sentence ("t.ex. Umeå").
ABBREVIATION_END = regex.compile(
    r"(?:\b(?:t\.ex|bl\.a|s\.k|d\.v\.s|dvs|jfr|resp|ca|enl|kap|nr|st|fr\.o\.m|t\.o\.m)\.)$", regex.IGNORECASE
)


def strip_markup(text: str) -> str:
    """``text`` without emphasis markup and with runs of whitespace made single spaces."""
    text = STRONG_MARKUP.sub("", text)
    text = EMPHASIS_MARKUP.sub(lambda match: match["text"], text)
    return " ".join(text.split())


def heading_text(line: Line) -> str:
    """A line as a heading reads: without a Markdown heading marker, emphasis or outer spaces."""
    return strip_markup(HEADING_MARKER.sub("", line.text))


def join_wrapped(parts: Sequence[str]) -> str:
    """Lines of one paragraph or list item joined into one line of text.

    A word a PDF broke at the line's end ("för-" + "bättring") is joined whole; a hyphen before a
    conjunction ("medborgar-" + "och brukar...") is the compound's own and stays.
    """
    return _join(parts)[0]


def _join(parts: Sequence[str]) -> tuple[str, list[int]]:
    """The joined text and the offset in it where each part starts."""
    text, starts = "", []
    for raw in parts:
        part = raw.strip()
        if not text:
            starts.append(0)
            text = part
        elif _broken_word(text, part):
            starts.append(len(text) - 1)
            text = text[:-1] + part
        else:
            starts.append(len(text) + 1)
            text = f"{text} {part}"
    return text, starts


def _broken_word(text: str, part: str) -> bool:
    return bool(
        BROKEN_WORD.search(text) and STARTS_LOWERCASE.match(part) and not COMPOUND_CONTINUATION.match(part)
    )


@dataclass(frozen=True)
class RunningText:
    """Lines joined into one text; ``starts[i]`` is the offset in :attr:`text` where ``lines[i]`` starts.

    Extractors search the joined text and name the line (and page) where a match stands. The
    offsets never decrease (a line that completes a broken word starts at the hyphen it replaces),
    so the line of an offset is found by bisection.
    """

    text: str
    lines: tuple[Line, ...]
    starts: tuple[int, ...]

    def line_at(self, offset: int) -> Line:
        """The line that holds the character at ``offset`` of :attr:`text`."""
        return self.lines[self.line_index_at(offset)]

    def line_index_at(self, offset: int) -> int:
        """The index in :attr:`lines` of the line that holds the character at ``offset``."""
        return max(bisect_right(self.starts, offset) - 1, 0)


@dataclass(frozen=True)
class Paragraph(RunningText):
    """Consecutive non-blank lines as one text, with the line each character came from."""


def paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    """The paragraphs of ``lines``: runs of non-blank lines separated by blank ones."""
    found: list[Paragraph] = []
    run: list[Line] = []
    for line in [*lines, Line(text="", number=0)]:
        if not line.is_blank:
            run.append(line)
            continue
        if run:
            text, starts = _join([line.text for line in run])
            found.append(Paragraph(text, tuple(run), tuple(starts)))
            run = []
    return found


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_BREAK.finditer(text):
        if ABBREVIATION_END.search(text, 0, match.start()):
            continue
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [span for span in spans if span[1] > span[0]]
