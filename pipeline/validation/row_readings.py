"""Rows of an area's score table that are not one reading of it, and the readings its sums are
checked over.

A row is doubtful when its values cannot be a sub-question's points: own or max points above what
the whole area is worth, a max that is not a whole or half point, or own points that are not (a
number of another column, a year or an id read into the row: "2.4 Synpunktshantering 15 20   8.3
32 40" read as max 8.3). A doubtful row is not a reading of its row: the sums over its area are
checked as over a row not read. An id read more than once (two tables run together across a
page's columns) leaves the area's sums open between its printings: they are checked over each way
of taking one printing of each id, and are only wrong when every way is.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from pipeline.model.numbers import format_number
from pipeline.model.records import QuestionScore

_TOLERANCE = 1e-6
# The ways of taking one printing of each id tried at most; an area read more tangled than this
# has no sum that can be checked.
MAX_READINGS = 256


def _half_point(value: float) -> bool:
    return abs(value * 2 - round(value * 2)) <= _TOLERANCE


def doubtful_reason(question: QuestionScore, area_max: float) -> str:
    """Why the row's values cannot be a sub-question's points, or "" when they can. Own points that
    are not a whole or half point are not named here (``score_not_half_point`` says so) but make
    the row doubtful for the sums (:func:`is_doubtful`)."""
    top, own = question.max_score, question.score
    if own is not None and own > area_max + _TOLERANCE:
        return f"own points {_number(own)} are more than the whole area's {_number(area_max)}"
    if top is not None and top > area_max + _TOLERANCE:
        return f"max points {_number(top)} are more than the whole area's {_number(area_max)}"
    if top is not None and not _half_point(top):
        return f"max points {_number(top)} are not a whole or half point"
    return ""


def is_doubtful(question: QuestionScore, area_max: float) -> bool:
    """Whether the row is no reading of a sub-question's points (see the module docstring)."""
    own = question.score
    return bool(doubtful_reason(question, area_max)) or (own is not None and not _half_point(own))


def readings(rows: list[QuestionScore], area_max: float) -> Iterator[list[QuestionScore]]:
    """Each way of taking one printing of every id among the rows that are not doubtful (one way
    when every id is read once); none when there are more than ``MAX_READINGS``."""
    printings: dict[str, list[QuestionScore]] = defaultdict(list)
    for row in rows:
        if not is_doubtful(row, area_max):
            printings[row.question_id].append(row)
    count = 1
    for each in printings.values():
        count *= len(each)
    if count > MAX_READINGS:
        return
    for choice in itertools.product(*printings.values()):
        yield list(choice)


def tangled(rows: list[QuestionScore], area_max: float) -> bool:
    """Whether the area's rows are not one reading of its table: a row doubtful or an id read twice."""
    ids = [row.question_id for row in rows]
    return len(set(ids)) < len(ids) or any(is_doubtful(row, area_max) for row in rows)


def lost_any(rows: list[QuestionScore], area_max: float) -> bool:
    """Whether a row of the area is doubtful, so that its sums are as over a row not read."""
    return any(is_doubtful(row, area_max) for row in rows)


def a_reading_gives_total(rows: list[QuestionScore], area_max: float, whole: float, printed: float) -> bool:
    """Whether some reading of the tangled rows gives the printed total of their own points: exactly,
    or, where a row is doubtful or the reading's max points fall short of what the area is worth
    (``whole``), short of it by no more than the max points not read."""
    lost = lost_any(rows, area_max)
    for reading in readings(rows, area_max):
        if any(row.score is None for row in reading):
            continue
        own = sum(row.score for row in reading if row.score is not None)
        if abs(own - printed) <= _TOLERANCE:
            return True
        maxima = [row.max_score for row in reading]
        top = sum(m for m in maxima if m is not None) if None not in maxima else None
        if lost or (top is not None and top < whole - _TOLERANCE):
            room = whole - top if top is not None else whole
            if -_TOLERANCE <= printed - own <= room + _TOLERANCE:
                return True
    return _too_tangled(rows, area_max)


def a_reading_gives_max(rows: list[QuestionScore], area_max: float) -> bool:
    """Whether some reading of the tangled rows gives max points that sum to the area max, or, where
    a row is doubtful, to less (the doubtful row's own max holding the rest)."""
    lost = lost_any(rows, area_max)
    for reading in readings(rows, area_max):
        if any(row.max_score is None for row in reading):
            continue
        top = sum(row.max_score for row in reading if row.max_score is not None)
        if abs(top - area_max) <= _TOLERANCE or (lost and top < area_max):
            return True
    return _too_tangled(rows, area_max)


def _too_tangled(rows: list[QuestionScore], area_max: float) -> bool:
    return next(readings(rows, area_max), None) is None


def _number(value: float) -> str:
    return format_number(value) or ""
