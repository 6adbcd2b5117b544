"""The evidence of each finding: the printed line, the value's box on the page, and where the
figures it was compared with are printed.

The validator says *what* is wrong and at which line; this step, run while the document is still
at hand, adds what an auditor needs to *see* it: the line as printed and, for PDF input, boxes in
PDF points that the audit report (:mod:`pipeline.audit`) crops and highlights. The value is found
among the line's words by its text; where it is not there alone (printed twice, or a finding about
the line as a whole) the whole line's box stands for it, never a guess.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

import regex

from pipeline.model.document import Box, Document, Line, WordBox
from pipeline.model.numbers import format_number
from pipeline.model.records import Extraction, Finding

LineKey = tuple[int | None, int]
PagedBox = tuple[int, float, float, float, float]

# Quotes, brackets and punctuation around a word, and a percent sign, are not part of the value.
_EDGES = regex.compile(r"^[\p{Ps}\p{Pi}\"'%:;,.!?]+|[\p{Pe}\p{Pf}\"'%:;,.!?]+$")
_DECIMAL_COMMA = regex.compile(r"^([+-]?\d+),(\d+)$")


def attach_evidence(
    findings: Iterable[Finding], doc: Document, extraction: Extraction
) -> tuple[Finding, ...]:
    """``findings`` with ``printed_line``, ``box`` and ``compared`` filled in from ``doc``."""
    lines = {(line.page, line.number): line for line in doc.lines if not line.is_blank}
    return tuple(_with_evidence(finding, lines, extraction) for finding in findings)


def _with_evidence(finding: Finding, lines: Mapping[LineKey, Line], extraction: Extraction) -> Finding:
    line = lines.get((finding.page, finding.line)) if finding.line is not None else None
    if line is None:
        return finding
    box = value_box(line, finding.found) if line.bbox else None
    return dataclasses.replace(
        finding, printed_line=line.text, box=box, compared=_compared(finding, line, lines, extraction)
    )


def _normal(text: str) -> str:
    bare = _EDGES.sub("", text.casefold())
    return _DECIMAL_COMMA.sub(r"\1.\2", bare)


def _find(words: Sequence[WordBox], text: str | None) -> Box | None:
    """The box of the one run of ``words`` that reads ``text``; None if none or several do."""
    wanted = [t for t in (_normal(part) for part in (text or "").split()) if t]
    kept = [(word, _normal(word.text)) for word in words]
    kept = [(word, norm) for word, norm in kept if norm]
    if not wanted:
        return None
    runs = [
        [word for word, _ in kept[start : start + len(wanted)]]
        for start in range(len(kept) - len(wanted) + 1)
        if [norm for _, norm in kept[start : start + len(wanted)]] == wanted
    ]
    return _union(runs[0]) if len(runs) == 1 else None


def _union(words: Sequence[WordBox]) -> Box:
    return (
        min(w.x0 for w in words), min(w.top for w in words),
        max(w.x1 for w in words), max(w.bottom for w in words),
    )  # fmt: skip


def value_box(line: Line, text: str | None) -> Box | None:
    """The box of ``text`` within ``line``: its words' box when the line prints it once, else the
    line's box (None for a line without one, from text input)."""
    return _find(line.words, text) or line.bbox


def _compared(
    finding: Finding, line: Line, lines: Mapping[LineKey, Line], extraction: Extraction
) -> tuple[PagedBox, ...]:
    """Boxes of the figures ``finding`` compared: the expected value where the same line prints it
    (a sub-question's max beside its points), and the rows a sum was taken over."""
    boxes: list[PagedBox] = []
    expected = _find(line.words, finding.expected) if finding.expected != finding.found else None
    if expected and line.page is not None:
        boxes.append((line.page, *expected))
    for key, label, value in _summed_rows(finding, extraction):
        row = lines.get(key)
        if row is not None and row.bbox and row.page is not None and key != (line.page, line.number):
            boxes.append((row.page, *(_span(row, label, value) or row.bbox)))
    return tuple(boxes)


def _summed_rows(finding: Finding, extraction: Extraction) -> list[tuple[LineKey, str, str | None]]:
    """The lines of the rows a sum rule added up (an area's sub-questions, or a year's areas), each
    with the label the row starts with and the value that was added."""
    if finding.rule == "area_sum_mismatch":
        return [
            ((q.page, q.line), q.printed_id or q.question_id, format_number(q.score))
            for q in extraction.question_scores if q.area == finding.area and q.line is not None
        ]  # fmt: skip
    if finding.rule == "total_mismatch":
        return [
            ((a.page, a.line), str(a.area), format_number(a.score))
            for a in extraction.area_scores if a.year == finding.year and a.line is not None
        ]  # fmt: skip
    return []


def _span(row: Line, label: str, value: str | None) -> Box | None:
    """The part of a table row from its label to the value right of it: in a score table set in two
    columns side by side, one sub-question's half of the row. None when the label is not there
    once, or no such value follows it."""
    start = _find(row.words, label)
    if start is None or row.bbox is None:
        return None
    right = sorted((w for w in row.words if w.x0 > start[2]), key=lambda w: w.x0)
    end = next((w for w in right if _normal(w.text) == _normal(value or "")), None)
    return (start[0], row.bbox[1], end.x1, row.bbox[3]) if end else None
