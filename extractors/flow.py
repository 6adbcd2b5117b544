"""Running text: a document's lines joined into one string, with a way back to each line.

A PDF gives a paragraph as several lines and may break a list of municipalities across a page; a
text export usually gives a paragraph as one line. Extractors that read sentences rather than
lines search the running text and map every match back to the line (and page) where it starts.
Words broken at a line end and sentences are read as :mod:`extractors.prose` reads them; only
the paragraph rule is this module's own, as it must hold for the whole document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from extractors.prose import RunningText, join_wrapped, sentences
from pipeline.model.document import Document, Line
from pipeline.model.marks import BULLET_GLYPH_CLASS

# A line that ends its paragraph: a sentence (or a lead-in) ends with it.
ENDS_PARAGRAPH = regex.compile(r"[.!?:;]\s*$")
# A line that starts a block of its own: a bullet ("- 1.1 Hur ...", "• Ale", any glyph of
# pipeline.model.marks) or a numbered heading.
OPENS_BLOCK = regex.compile(rf"^\s*(?:[-–*]|{BULLET_GLYPH_CLASS}|\d+(?:\.\d+)*\s+\p{{Lu}})")


@dataclass(frozen=True)
class Flow(RunningText):
    """The lines of a document joined by newlines; ``starts[i]`` is the offset of ``lines[i]`` and
    ``opens[i]`` whether that line starts a paragraph."""

    opens: tuple[bool, ...]

    def starts_paragraph(self, offset: int) -> bool:
        """Whether the text at ``offset`` is the first word of a paragraph."""
        index = self.line_index_at(offset)
        return self.opens[index] and not self.text[self.starts[index] : offset].strip()

    def paragraphs(self) -> Iterator[tuple[int, int]]:
        """Start and end offsets of every paragraph, in order."""
        start = 0
        for index in range(1, len(self.lines)):
            if self.opens[index]:
                yield start, self.starts[index] - 1
                start = self.starts[index]
        yield start, len(self.text)

    def paragraph_start(self, offset: int) -> int:
        """Offset of the first character of the paragraph that holds ``offset``."""
        index = self.line_index_at(offset)
        while index > 0 and not self.opens[index]:
            index -= 1
        return self.starts[index]

    def paragraph_end(self, offset: int) -> int:
        """Offset just past the paragraph that holds ``offset``."""
        index = self.line_index_at(offset) + 1
        while index < len(self.lines) and not self.opens[index]:
            index += 1
        return self.starts[index] - 1 if index < len(self.lines) else len(self.text)

    def sentence_around(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the sentence that holds ``offset`` (within its paragraph).

        Sentences are split as :func:`extractors.prose.sentences` splits them, so that an
        abbreviation ("t.ex. Umeå") does not end one here either.
        """
        start, end = self.paragraph_start(offset), self.paragraph_end(offset)
        holding = [span for span in sentences(self.text[start:end]) if span[0] <= offset - start]
        first, last = holding[-1] if holding else (0, end - start)
        return start + first, start + last


def flow_of(doc: Document) -> Flow:
    """The running text of ``doc``.

    A line continues the paragraph of the line before it unless that line is blank, ends a
    sentence, or either is a table row (tab-separated cells), or the line opens a bullet or a
    numbered heading; the same rule serves PDF lines and the one-line paragraphs of text exports.
    """
    starts: list[int] = []
    opens: list[bool] = []
    offset = 0
    previous: Line | None = None
    for line in doc.lines:
        starts.append(offset)
        offset += len(line.text) + 1
        opens.append(previous is None or _opens(previous, line))
        previous = line
    text = "\n".join(line.text for line in doc.lines)
    return Flow(text=text, lines=doc.lines, starts=tuple(starts), opens=tuple(opens))


def _opens(previous: Line, line: Line) -> bool:
    return (
        previous.is_blank
        or "\t" in previous.text
        or "\t" in line.text
        or bool(ENDS_PARAGRAPH.search(previous.text))
        or bool(OPENS_BLOCK.match(line.text))
    )


def clean(text: str) -> str:
    """A stretch of running text as one printed phrase, spaces single.

    Its lines are joined as :func:`extractors.prose.join_wrapped` joins them: a word a PDF broke
    at a line's end ("Stock-\\nholms") is whole again, while a hyphen before a capital
    ("Bromma-\\nStockholms") or a conjunction ("medborgar-\\noch brukar...") is printed and stays.
    """
    return " ".join(join_wrapped(text.split("\n")).split())
