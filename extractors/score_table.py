"""The detailed score table: every sub-question with its max points and own points.

Reports print it as two tables side by side (areas 1-4 left, 5-8 right), each row holding one or
two groups of (question, max, own); later layouts stack a single table. A row is read as a run of
such groups, so both layouts, and empty cells where one side has no row, read the same:

    1.1 Hur informeras medborgarna?    40    28    5.1 Hur detaljerat är rapporteringssystemet?    40    32
                                                   5.4 Kontroll- och uppföljningsrutiner.    20    17
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.document import Document, Line
from pipeline.edition_lookup import area_number_pattern, question_id_pattern
from pipeline.numbers import parse_number
from pipeline.records import AreaHeading, QuestionScore

# "1.1 Hur informeras medborgarna?" (the question text may also stand in the next cell).
QUESTION_LABEL = regex.compile(rf"^(?P<id>{question_id_pattern()})\.?(?:\s+(?P<text>\S.*))?$")
# "5 Kontroll och rapportering" as a heading row of the table, its value cells empty.
AREA_LABEL = regex.compile(rf"^(?P<area>{area_number_pattern()})\.?\s+(?P<name>\p{{L}}.*)$")


@dataclass(frozen=True)
class ScoreTable:
    questions: tuple[QuestionScore, ...]
    headings: tuple[AreaHeading, ...]


def extract_question_scores(doc: Document) -> ScoreTable:
    """Every (question, max, own) group of every table row in the document, in reading order."""
    questions: list[QuestionScore] = []
    headings: list[AreaHeading] = []
    for line in doc.lines:
        if "\t" not in line.text and "   " not in line.text:
            continue
        row_questions, row_headings = _parse_row(line)
        questions.extend(row_questions)
        headings.extend(row_headings)
    if not questions:
        headings = []
    return ScoreTable(tuple(questions), tuple(headings))


def _is_value(cell: str) -> bool:
    return cell == "" or parse_number(cell) is not None


def _parse_row(line: Line) -> tuple[list[QuestionScore], list[AreaHeading]]:
    cells = line.cells
    questions: list[QuestionScore] = []
    headings: list[AreaHeading] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        match = QUESTION_LABEL.match(cell)
        if match:
            text = match["text"]
            start = i + 1
            if text is None and start < len(cells) and cells[start] and not _is_value(cells[start]):
                text, start = cells[start], start + 1
            values = cells[start : start + 2]
            if text and len(values) == 2 and all(_is_value(v) for v in values) and any(values):
                questions.append(
                    QuestionScore(
                        area=int(match["id"].split(".")[0]),
                        question_id=match["id"],
                        question=" ".join(text.split()),
                        max_score=parse_number(values[0]),
                        score=parse_number(values[1]),
                        page=line.page,
                        line=line.number,
                    )
                )
                i = start + 2
                continue
        heading = AREA_LABEL.match(cell)
        if heading and all(not c for c in cells[i + 1 : i + 3]) and len(cells) > i + 1:
            headings.append(
                AreaHeading(
                    int(heading["area"]), heading["name"].strip(), "score_table", line.page, line.number
                )
            )
            i += 3
            continue
        i += 1
    return questions, headings
