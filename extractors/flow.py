"""Running text: a document's lines joined into one string, with a way back to each line.

A paragraph of a text export is one line, but a PDF gives the same paragraph as several lines and
may break a list of municipalities across a page. Extractors that read sentences rather than lines
search the running text and map every match back to the line (and page) where it starts.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

import regex

from pipeline.document import Document, Line

# A word broken at the end of a PDF line ("Stock-\nholms"): the hyphen and break are not printed
# text. A hyphen before a capital ("Bromma-\nStockholms") is part of the name and is kept.
SOFT_HYPHEN_BREAK = regex.compile(r"(?<=\p{L})-\n(?=\p{Ll})")
WHITESPACE = regex.compile(r"\s+")
# The end of a sentence: a full stop, exclamation or question mark before a space or line break.
SENTENCE_END = regex.compile(r"[.!?](?=\s)\s*")


@dataclass(frozen=True)
class Flow:
    """The lines of a document joined by newlines; ``starts[i]`` is the offset of ``lines[i]``."""

    text: str
    lines: tuple[Line, ...]
    starts: tuple[int, ...]
    input_format: str = "text"

    def line_at(self, offset: int) -> Line:
        """The line that holds the character at ``offset``."""
        return self.lines[max(bisect_right(self.starts, offset) - 1, 0)]

    def line_index_at(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    @cached_property
    def _blank_flags(self) -> tuple[bool, ...]:
        return tuple(line.is_blank for line in self.lines)

    def starts_paragraph(self, offset: int) -> bool:
        """Whether the text at ``offset`` is the first word of a paragraph.

        A line of a text export is a paragraph of its own. In a PDF a new line only starts a
        paragraph after a blank line or after a line that ends a sentence.
        """
        index = self.line_index_at(offset)
        if self.text[self.starts[index] : offset].strip():
            return False
        if self.input_format == "text" or index == 0:
            return True
        previous = self.lines[index - 1]
        return self._blank_flags[index - 1] or previous.stripped.endswith((".", "!", "?", ":"))

    def paragraph_start(self, offset: int) -> int:
        """Offset of the first character of the paragraph that holds ``offset``."""
        index = self.line_index_at(offset)
        while index > 0 and not self.starts_paragraph(self.starts[index]):
            index -= 1
        return self.starts[index]

    def paragraph_end(self, offset: int) -> int:
        """Offset just past the paragraph that holds ``offset``."""
        index = self.line_index_at(offset) + 1
        while index < len(self.lines) and not self.starts_paragraph(self.starts[index]):
            index += 1
        return self.starts[index] - 1 if index < len(self.lines) else len(self.text)

    def sentence_around(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the sentence that holds ``offset`` (within its paragraph)."""
        start, end = self.paragraph_start(offset), self.paragraph_end(offset)
        before = [m.end() for m in SENTENCE_END.finditer(self.text, start, offset)]
        after = SENTENCE_END.search(self.text, offset, end)
        return (before[-1] if before else start), (after.start() + 1 if after else end)


def flow_of(doc: Document) -> Flow:
    """The running text of ``doc``."""
    starts: list[int] = []
    offset = 0
    for line in doc.lines:
        starts.append(offset)
        offset += len(line.text) + 1
    text = "\n".join(line.text for line in doc.lines)
    return Flow(text=text, lines=doc.lines, starts=tuple(starts), input_format=doc.input_format)


def clean(text: str) -> str:
    """A stretch of running text as one printed phrase: soft line-break hyphens dropped, spaces single."""
    return WHITESPACE.sub(" ", SOFT_HYPHEN_BREAK.sub("", text)).strip()
