"""Rows of an area's score table that are not one reading of it, and the readings its sums are
checked over.

A row is doubtful when its values cannot be a sub-question's points: own or max points above what
the whole area is worth, a max that is not a whole or half point or that is the whole area's among
other rows (a Summa row read as a sub-question), or own points that are not (a
number of another column, a year or an id read into the row: "2.4 Synpunktshantering 15 20   8.3
32 40" read as max 8.3); or when its id, read once, is the one row of its area out of the order of
the rest (3.1 read after 3.3, 3.4, 3.5: a row taken from another column or table, as a table prints
its rows in order; several rows out of order are a table's parts read in another order). A
doubtful row is not a reading of its row: the sums over its area are
checked as over a row not read. An id read more than once (two tables run together across a
page's columns) leaves the area's sums open between its printings: they are checked over each way
of taking one printing of each id, and are only wrong when every way is.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

import regex

from pipeline.model.numbers import format_number
from pipeline.model.records import QuestionScore

_TOLERANCE = 1e-6
OUT_OF_ORDER = "its row was read out of its table's order"
_ID = regex.compile(r"^(?P<area>\d+)\.(?P<sub>\d+)$")
# The ways of taking one printing of each id tried at most; an area read more tangled than this
# has no sum that can be checked.
MAX_READINGS = 256


def _half_point(value: float) -> bool:
    return abs(value * 2 - round(value * 2)) <= _TOLERANCE


def _value_reason(question: QuestionScore, area_max: float) -> str:
    top, own = question.max_score, question.score
    if own is not None and own > area_max + _TOLERANCE:
        return f"own points {_number(own)} are more than the whole area's {_number(area_max)}"
    if top is not None and top > area_max + _TOLERANCE:
        return f"max points {_number(top)} are more than the whole area's {_number(area_max)}"
    if top is not None and not _half_point(top):
        return f"max points {_number(top)} are not a whole or half point"
    return ""


def doubtful_rows(questions: Sequence[QuestionScore], area_max: float) -> dict[int, str]:
    """Why each doubtful row's values are no reading of its sub-question's points, by its index in
    ``questions``: values no sub-question can have, or an id read once that is the one row of its
    area off the longest run of rising ids (a table prints its rows in order) where the area's max
    points, with it, are not the area max (a row of a table read in parts that makes the area
    whole is read right). Own points that are
    not a whole or half point are not named here (``score_not_half_point`` says so) but make the
    row doubtful for the sums."""
    reasons: dict[int, str] = {}
    by_area: dict[int, list[int]] = defaultdict(list)
    for index, question in enumerate(questions):
        by_area[question.area].append(index)
        if reason := _value_reason(question, area_max):
            reasons[index] = reason
    for indexes in by_area.values():
        for index in indexes:
            top = questions[index].max_score
            others = len(indexes) > 1 or _sub(questions[index]) not in (None, 1)  # "1.4": 1.1-1.3 exist
            if others and top is not None and abs(top - area_max) <= _TOLERANCE:
                whole = f"max points {_number(top)} are the whole area's, as a Summa row's are"
                reasons.setdefault(index, whole)
        counts = Counter(questions[i].question_id for i in indexes)
        once = [
            i for i in indexes if counts[questions[i].question_id] == 1 and _sub(questions[i]) is not None
        ]
        kept = set(_rising(once, questions))
        if len(once) - len(kept) != 1 or len(kept) < 2 or _max_points_whole(questions, indexes, area_max):
            continue  # a table's parts read in another order, or max points that are whole with the row
        order = ", ".join(questions[i].printed_id or questions[i].question_id for i in once)
        for index in once:
            if index not in kept and index not in reasons:
                reasons[index] = f"{OUT_OF_ORDER} ({order})"
    return reasons


def _max_points_whole(questions: Sequence[QuestionScore], indexes: list[int], area_max: float) -> bool:
    """Whether the area's rows have every max points cell and sum to the area max, or a max cell
    is empty (nothing shows a row read from elsewhere)."""
    maxima = [questions[i].max_score for i in indexes]
    if any(top is None for top in maxima):
        return True
    return abs(sum(top for top in maxima if top is not None) - area_max) <= _TOLERANCE


def cannot_be_points(reason: str) -> bool:
    """Whether a doubt is about the values themselves, not only where the row was read: a row read
    out of order keeps its own points' error (``score_exceeds_max``), as a report's own error in a
    table read in parts must still show."""
    return bool(reason) and not reason.startswith(OUT_OF_ORDER)


def _sub(question: QuestionScore) -> int | None:
    match = _ID.match(question.question_id)
    return int(match["sub"]) if match and int(match["area"]) == question.area else None


def _rising(indexes: list[int], questions: Sequence[QuestionScore]) -> list[int]:
    """The longest run (not necessarily adjacent) of rows whose ids rise, as read."""
    subs = [_sub(questions[i]) or 0 for i in indexes]
    best: list[list[int]] = []
    for position, sub in enumerate(subs):
        longest = max((best[j] for j in range(position) if subs[j] < sub), key=len, default=[])
        best.append([*longest, indexes[position]])
    return max(best, key=len, default=[])


def _doubtful_set(rows: list[QuestionScore], area_max: float) -> set[int]:
    named = doubtful_rows(rows, area_max)
    return {
        i
        for i, row in enumerate(rows)
        if i in named or (row.score is not None and not _half_point(row.score))
    }


def readings(rows: list[QuestionScore], area_max: float) -> Iterator[list[QuestionScore]]:
    """Each way of taking one printing of every id among the rows that are not doubtful (one way
    when every id is read once); none when there are more than ``MAX_READINGS``."""
    doubtful = _doubtful_set(rows, area_max)
    printings: dict[str, list[QuestionScore]] = defaultdict(list)
    for index, row in enumerate(rows):
        if index not in doubtful:
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
    return len(set(ids)) < len(ids) or lost_any(rows, area_max)


def lost_any(rows: list[QuestionScore], area_max: float) -> bool:
    """Whether a row of the area is doubtful, so that its sums are as over a row not read."""
    return bool(_doubtful_set(rows, area_max))


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
