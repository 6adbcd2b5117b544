"""The document model shared by every input format: lines of text with provenance.

A table row keeps its cells separated by tab characters, as the word processors' text exports do;
the PDF ingest produces the same shape from word positions, so extractors never need to know which
format a line came from.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import regex

from pipeline.model.records import ContentLoss
from pipeline.model.text_columns import in_text_columns, page_starts
from pipeline.model.text_furniture import remove_furniture

CELL_SEPARATOR = regex.compile(r"\t| {3,}")

# Characters that print as nothing but split what a reader sees as one word or number: zero-width
# space, non-joiner, joiner and no-break space (BOM), word joiner, soft hyphen, Mongolian vowel
# separator and the bidirectional marks, embeddings, overrides and isolates. "7\u200b5" must read
# as 75, as printed; a table cell holding only one of them is empty.
INVISIBLE = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
_REMOVE_INVISIBLE = str.maketrans("", "", INVISIBLE)
_HAS_INVISIBLE = regex.compile(f"[{INVISIBLE}]")


# A decimal digit of any script but 0-9 (Bengali ৪ looks like 8 and is four; Arabic-Indic ٥ is five).
# Number patterns' \d and Python's int() read them as the numbers they stand for, which a Swedish
# report never prints: each line holding one is reported, so no such number is taken silently.
_FOREIGN_DIGIT = regex.compile(r"(?![0-9])\p{Nd}")


def foreign_digit_losses(lines: tuple[Line, ...]) -> tuple[ContentLoss, ...]:
    """A ``ContentLoss`` for each line that holds digits of a script other than 0-9."""
    losses = []
    for line in lines:
        found = _FOREIGN_DIGIT.findall(line.text)
        if found:
            shown = ", ".join(
                f"{c} ({unicodedata.name(c, 'digit')}) as {unicodedata.digit(c)}" for c in found[:3]
            )
            message = f"digits of another script read as the numbers they stand for: {shown}"
            losses.append(ContentLoss(message, len(found), page=line.page, line=line.number))
    return tuple(losses)


def remove_invisible(text: str) -> str:
    """``text`` without the characters in :data:`INVISIBLE`."""
    return text.translate(_REMOVE_INVISIBLE) if _HAS_INVISIBLE.search(text) else text


Box = tuple[float, float, float, float]


class WordBox(NamedTuple):
    """A printed word and its box (x0, top, x1, bottom) in PDF points."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a report with where it was found.

    ``page`` is the 1-based PDF page (``None`` for text input) and ``number`` the 1-based line
    within that page, or within the file for text input. ``bbox`` is (x0, top, x1, bottom) in PDF
    points for lines that came from a PDF, and ``words`` the printed words on that page with their
    boxes, left to right, so a finding can point at the value itself (see
    :mod:`pipeline.validation.evidence`).
    """

    text: str
    number: int
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    words: tuple[WordBox, ...] = ()

    @property
    def cells(self) -> list[str]:
        """The line split into table cells (tabs or runs of three or more spaces), each stripped."""
        return [cell.strip() for cell in CELL_SEPARATOR.split(self.text)]

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


# What a percent sign OCR read as digits is read as (an UncertainReading's ``read``).
PERCENT_SIGN = "%"


@dataclass(frozen=True, slots=True)
class UncertainReading:
    """A word OCR read on a scanned page that the validator should point at.

    ``printed`` is what OCR read, ``read`` what kompass took it for (the same, unless a sub-question
    id was printed with a letter for a digit, :data:`PERCENT_SIGN` for a percent sign read as
    digits; empty for a speck read as a digit and set aside),
    ``confidence`` OCR's own (0-100) and ``bbox``
    (x0, top, x1, bottom) the word's box on the page in PDF points.
    """

    page: int
    printed: str
    read: str
    confidence: float
    bbox: tuple[float, float, float, float]


@dataclass(frozen=True)
class Document:
    """A report as lines in reading order, with the facts about the file it came from."""

    lines: tuple[Line, ...]
    source: str = "<string>"
    input_format: str = "text"
    pages: int | None = None
    sha256: str = ""
    encoding: str | None = None
    losses: tuple[ContentLoss, ...] = ()
    # Pages read by OCR (scans), and the OCR'd words to point out (see UncertainReading).
    ocr_pages: int = 0
    uncertain: tuple[UncertainReading, ...] = ()
    # The numbers of the pages read by OCR: a speck's mark is read out of their text, never out of
    # a page whose text was printed as it reads (see :mod:`pipeline.model.specks`).
    scanned_pages: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        # Every reader's lines pass here, so invisible characters are gone before any extractor
        # reads a number or a name.
        if any(_HAS_INVISIBLE.search(line.text) for line in self.lines):
            cleaned = tuple(
                Line(remove_invisible(line.text), line.number, line.page, line.bbox, line.words)
                for line in self.lines
            )
            object.__setattr__(self, "lines", cleaned)
        foreign = foreign_digit_losses(self.lines)
        if foreign and not set(foreign) <= set(self.losses):
            object.__setattr__(self, "losses", self.losses + foreign)

    @classmethod
    def from_text(
        cls,
        text: str,
        source: str = "<string>",
        sha256: str | None = None,
        encoding: str | None = None,
        losses: tuple[ContentLoss, ...] = (),
    ) -> Document:
        """Build a document from already decoded text (line numbers count from 1).

        Page furniture a text export kept (form feeds, running headers, page numbers) is left out;
        the other lines keep their numbers in the file.
        """
        normalized = text.replace("\r\n", "\n").replace("\r", "\n")
        texts = normalized.split("\n")
        kept = in_text_columns(remove_furniture(texts), page_starts(texts))
        lines = tuple(Line(text=raw, number=i) for i, raw in kept)
        digest = sha256 if sha256 is not None else hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(
            lines=lines, source=source, input_format="text", pages=None, sha256=digest,
            encoding=encoding, losses=losses,
        )  # fmt: skip

    def __iter__(self) -> Iterator[Line]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def non_blank(self) -> Iterator[tuple[int, Line]]:
        """Index and line of every line that has text."""
        for index, line in enumerate(self.lines):
            if not line.is_blank:
                yield index, line

    def next_non_blank(self, index: int) -> int | None:
        """Index of the first non-blank line after ``index``, or ``None``."""
        for position in range(index + 1, len(self.lines)):
            if not self.lines[position].is_blank:
                return position
        return None


def page_text(doc: Document) -> str:
    """The document's lines as kompass read them (after the layout steps), one per line, with a
    ``--- page N ---`` line where each page starts (every page of a PDF, also one without a line
    read, so the N-th mark is page N): a scanned report's text, searchable."""
    out: list[str] = []
    page = 0
    for line in doc.lines:
        while line.page is not None and page < line.page:
            page += 1
            out.append(f"--- page {page} ---")
        out.append(line.text)
    while page < (doc.pages or 0):
        page += 1
        out.append(f"--- page {page} ---")
    return "\n".join(out) + "\n" if out else ""
