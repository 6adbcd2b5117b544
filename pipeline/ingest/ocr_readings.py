"""Where on the document's lines each OCR reading to check was printed.

OCR keeps the words it was unsure of with their boxes on the page (``Document.uncertain``); the
validator reports them by page and line, like every other finding, so each is placed on the line
whose box holds the middle of the word (a table row's line holds all its cells), or else the
nearest line at its height (a speck in the margin beside a row).
"""

from __future__ import annotations

from collections import defaultdict

from pipeline.model.document import Document, Line, UncertainReading
from pipeline.model.records import OcrReading


def locate_readings(doc: Document) -> tuple[OcrReading, ...]:
    """The document's uncertain OCR readings, each with the number of the line it is on."""
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in doc.lines:
        if line.page is not None and line.bbox is not None and not line.is_blank:
            by_page[line.page].append(line)
    return tuple(_located(reading, by_page[reading.page]) for reading in doc.uncertain)


def _located(reading: UncertainReading, lines: list[Line]) -> OcrReading:
    x0, top, x1, bottom = reading.bbox
    middle_x, middle_y = (x0 + x1) / 2, (top + bottom) / 2
    holding = [
        line for line in lines
        if line.bbox is not None and line.bbox[1] <= middle_y <= line.bbox[3]
        and line.bbox[0] <= middle_x <= line.bbox[2]
    ]  # fmt: skip
    if not holding:
        beside = [
            line for line in lines if line.bbox is not None and line.bbox[1] <= middle_y <= line.bbox[3]
        ]
        holding = sorted(beside, key=lambda line: _distance(line, middle_x))[:1]
    line = min(holding, key=lambda held: _height(held), default=None)
    return OcrReading(
        printed=reading.printed, read=reading.read, confidence=reading.confidence, bbox=reading.bbox,
        page=reading.page, line=line.number if line else None,
    )  # fmt: skip


def _distance(line: Line, x: float) -> float:
    assert line.bbox is not None
    return max(line.bbox[0] - x, x - line.bbox[2], 0.0)


def _height(line: Line) -> float:
    assert line.bbox is not None
    return line.bbox[3] - line.bbox[1]
