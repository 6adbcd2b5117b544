"""Which rows of an area's score table were evidently not read, and what they could account for.

A row counts as lost only on evidence a printed sum cannot fake: the ids the rows read skip a
number ("3.1, 3.2, 3.4" lacks 3.3) or lack a sub-question the edition lists, or one the report's
own area section lists at its top ("• 4.5 Hur utövas den centrala ledningen …"), while the max points
read are not what the area is worth (its Summa row's max, else the edition's area max: where they
are, the numbering skips and nothing is lost, unless an id is read twice: then a row was read under
another's id); or,
with no id missing, the max points read fall short of a Summa row that gives the edition's area
max (rows after the last one read); or, with no Summa row, the max points read fall short of the
edition's area max (an edition known) while the own points read fall short of the area's total in
the summary table by no more than those max points (two sums that agree that rows are missing
after the last one read: a misprinted max alone leaves the own points whole, a misprinted total
alone the max points); or, with no Summa row, no id missing and no sub-questions known to the
edition, the max points read fall short of the edition's area max while a row was read with its own
points cell empty (the own points cannot show where the rest is: rows after the last one read may
be lost, or that row's one number is its own points, not its max).
Own points alone never count as evidence: a printed total that differs from the rows read may be
the report's own error, which ``area_sum_mismatch`` reports.

Where rows are lost, the sums over the area cannot be checked; a printed total that the lost rows
can account for (at least the rows read, at most their max points more) is not reported as an
arithmetic error. One that they cannot account for still is, and so is any where the rows are
shown lost by the two sums alone (a total misprinted in the summary would look the same).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass

import regex

from pipeline.editions.edition import Edition, QuestionSpec
from pipeline.model.records import AreaSubtotal, Extraction, QuestionScore
from pipeline.validation.row_readings import doubtful_rows

# The area max of the tool when no edition says otherwise (every edition so far: 100 points an area).
DEFAULT_AREA_MAX = 100.0
# Sums of half points are exact in binary floating point; this only absorbs printing noise.
_TOLERANCE = 1e-6
_ID = regex.compile(r"^(?P<area>\d+)\.(?P<sub>\d+)$")


@dataclass(frozen=True)
class RowGap:
    """An area whose score table was read short: the ids not read (empty when only the max points
    show rows missing after the last one read), what the area is worth (its Summa row's max, else
    the edition's area max), the max points read and those of the rows not read (``None`` when a
    max cell is empty and the edition does not know them), and the place to report it: its Summa
    row, else the row read before the first missing one."""

    area: int
    missing: tuple[str, ...]
    whole: float
    read_max: float | None
    lost_max: float | None
    last_read: QuestionScore
    subtotal: AreaSubtotal | None
    # Shown by the max points and the own points read both falling short (no Summa row, no id missing).
    by_sums: bool = False
    # Ids read more than once where the ids skip a number: a row read under another's id.
    doubled: tuple[str, ...] = ()
    # Every row of the area read is in doubt (score_values_doubtful): none is a reading of its row.
    in_doubt: bool = False
    # Shown by the max points read falling short while a row's own points cell is empty (no Summa
    # row, no id missing): the rows after the last one read may be lost, or that row's one number is
    # its own points.
    open_own: bool = False

    @property
    def page(self) -> int | None:
        return self.subtotal.page if self.subtotal else self.last_read.page

    @property
    def line(self) -> int | None:
        return self.subtotal.line if self.subtotal else self.last_read.line

    def accounts_for_max(self, read: float, printed: float) -> bool:
        """Whether the rows not read can make up max points printed above those read."""
        return read < printed - _TOLERANCE

    def accounts_for(self, read: float, printed: float) -> bool:
        """Whether the rows not read can make up the difference between the own points read and
        a printed total: never less than what was read, never more than their max points. Rows
        shown lost by the sums alone account for none: the own points' shortfall is their evidence,
        and a total misprinted in the summary would look the same."""
        if self.by_sums:
            return False
        difference = printed - read
        if difference < -_TOLERANCE:
            return False
        return self.lost_max is None or difference <= self.lost_max + _TOLERANCE


def _sub(question: QuestionScore) -> int | None:
    match = _ID.match(question.question_id)
    return int(match["sub"]) if match and int(match["area"]) == question.area else None


def row_gaps(extraction: Extraction, edition: Edition | None) -> dict[int, RowGap]:
    """The areas whose score table rows were evidently not all read, by area."""
    grouped: dict[int, list[QuestionScore]] = defaultdict(list)
    for question in extraction.question_scores:
        grouped[question.area].append(question)
    subtotals = {s.area: s for s in extraction.area_subtotals}
    area_max = edition.area_max if edition else DEFAULT_AREA_MAX
    totals = _summary_totals(extraction)
    listed: dict[int, set[str]] = defaultdict(set)
    for entry in extraction.listed_questions:
        if (match := _ID.match(entry.question_id)) and int(match["area"]) == entry.area:
            listed[entry.area].add(entry.question_id)
    gaps: dict[int, RowGap] = {}
    for area, rows in sorted(grouped.items()):
        doubtful = doubtful_rows(rows, area_max)  # no reading of their rows: as rows not read
        kept = [row for index, row in enumerate(rows) if index not in doubtful]
        if kept:
            gap = _gap(area, kept, subtotals.get(area), area_max, edition, totals.get(area), listed[area])
        else:
            gap = _all_in_doubt(area, rows, subtotals.get(area), area_max)
        if gap is not None:
            gaps[area] = gap
    return gaps


def _gap(
    area: int, rows: list[QuestionScore], subtotal: AreaSubtotal | None, area_max: float,
    edition: Edition | None, total: float | None = None, listed: Collection[str] = (),
) -> RowGap | None:  # fmt: skip
    subs = {sub for sub in map(_sub, rows) if sub is not None}
    missing = {n for n in range(1, max(subs, default=0)) if n not in subs}
    specs = edition.questions_in(area) if edition and not edition.is_partial else ()
    read_ids = {q.question_id for q in rows}
    known = {spec.question_id for spec in specs} | set(listed)  # the edition's and the section's list
    missing |= {
        sub for question_id in known if question_id not in read_ids and (sub := _spec_sub(question_id))
    }
    maxima = [q.max_score for q in rows]
    read_max = sum(m for m in maxima if m is not None) if all(m is not None for m in maxima) else None
    printed_max = subtotal.max_score if subtotal and subtotal.max_score is not None else None
    whole = printed_max if printed_max is not None else area_max
    short = read_max is not None and read_max < whole - _TOLERANCE
    whole_read = read_max is not None and abs(read_max - whole) <= _TOLERANCE
    counts = Counter(q.question_id for q in rows)
    doubled = tuple(sorted(qid for qid, count in counts.items() if count > 1))
    # Max points whole over an id read twice do not show the numbering skips: a row is read twice
    # or under another's id.
    by_ids = bool(missing) and (not whole_read or bool(doubled))
    by_summa = short and printed_max is not None and abs(printed_max - area_max) <= _TOLERANCE
    by_sums = (
        short and edition is not None and subtotal is None and read_max is not None
        and _own_short(rows, total, whole - read_max)
    )  # fmt: skip
    by_open = (
        short and edition is not None and subtotal is None and not missing and not specs
        and any(q.score is None for q in rows)
    )  # fmt: skip
    if not (by_ids or by_summa or by_sums or by_open):
        return None  # ids that skip while the max points are whole: numbering, not a loss
    ids = tuple(f"{area}.{n}" for n in sorted(missing))
    lost_max = whole - read_max if read_max is not None else _edition_max(specs, ids)
    last_read = rows[-1]  # rows lost after the last one read
    if missing:
        before = [q for q in rows if (sub := _sub(q)) is not None and sub < min(missing)]
        last_read = max(before, key=lambda q: _sub(q) or 0) if before else rows[0]
    return RowGap(
        area, ids, whole, read_max, lost_max, last_read, subtotal, by_sums and not by_ids,
        doubled if missing and whole_read else (), open_own=by_open and not (by_ids or by_summa or by_sums),
    )  # fmt: skip


def _all_in_doubt(
    area: int, rows: list[QuestionScore], subtotal: AreaSubtotal | None, area_max: float
) -> RowGap:
    """An area none of whose rows read is a reading of its row: the sub-questions up to the
    highest id read are lost, at the first row read."""
    highest = max((sub for sub in map(_sub, rows) if sub is not None), default=0)
    ids = tuple(f"{area}.{n}" for n in range(1, highest + 1))
    printed = subtotal.max_score if subtotal and subtotal.max_score is not None else None
    whole = printed if printed is not None and printed <= area_max + _TOLERANCE else area_max
    return RowGap(area, ids, whole, 0.0, whole, rows[0], None, in_doubt=True)


def _summary_totals(extraction: Extraction) -> dict[int, float]:
    """Each area's total in the summary table for the report year (its first printing)."""
    year = extraction.metadata.year
    if year is None:
        year = max((s.year for s in extraction.area_scores), default=None)
    totals: dict[int, float] = {}
    for score in extraction.area_scores:
        if score.year == year and score.score is not None:
            totals.setdefault(score.area, score.score)
    return totals


def _own_short(rows: list[QuestionScore], total: float | None, lost_max: float) -> bool:
    """Whether the own points read fall short of the area's printed total by some points, no more
    than the max points not read (every own points cell read, every id read once)."""
    if total is None or any(q.score is None for q in rows):
        return False
    if len({q.question_id for q in rows}) < len(rows):
        return False  # an id read twice: the rows are not one reading of the table
    difference = total - sum(q.score for q in rows if q.score is not None)
    return _TOLERANCE < difference <= lost_max + _TOLERANCE


def _spec_sub(question_id: str) -> int | None:
    parts = question_id.split(".")
    return int(parts[1]) if len(parts) == 2 and parts[1].isdigit() else None


def _edition_max(specs: tuple[QuestionSpec, ...], ids: tuple[str, ...]) -> float | None:
    """The max points the edition gives the ids not read; ``None`` when it does not know them all."""
    known = {spec.question_id: spec.max_score for spec in specs}
    if not ids or any(i not in known for i in ids):
        return None
    return sum(known[i] for i in ids)
