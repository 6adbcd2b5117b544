"""The laid-out report as engine-neutral blocks: every renderer draws the same blocks its own way."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Title:
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    glyph: str  # "-", "•", … or "1." for a numbered list


@dataclass(frozen=True)
class Toc:
    entries: tuple[tuple[str, int], ...]
    dotted: bool


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Columns:
    """Start (count=2) or end (count=1) of two-column prose."""

    count: int


@dataclass
class Table:
    """A table: header rows (cells; None marks a cell covered by the span of the one before), body rows."""

    header: list[list[str | None]]
    rows: list[list[str]]
    kind: str  # "summary", "score", "facts", "seats", "evaluated"
    caption: str | None = None
    caption_below: bool = False
    ruled: str = "ruled"  # "ruled", "borderless", "zebra"
    header_align: str = "left"
    number_align: str = "right"
    group_rows: set[int] = field(default_factory=set)  # rows holding an area heading across the table
    strong_rows: set[int] = field(default_factory=set)  # sum rows
    landscape: bool = False
    footnote: str | None = None

    @property
    def width(self) -> int:
        """The number of columns (the longest row's)."""
        return max([len(r) for r in self.header] + [len(r) for r in self.rows])


Block = Title | Heading | Para | Bullets | Toc | PageBreak | Columns | Table
