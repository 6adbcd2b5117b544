"""Every record the extractors and the validator produce, in one place.

Records are frozen dataclasses. Each carries its provenance: ``page`` (the PDF page, ``None`` for
text input) and ``line`` (the line within the page, or within the file for text input). Numbers
are kept exactly as printed, converted from decimal commas; nothing is corrected here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is, declared most serious first: the order in which findings are
    sorted, counted and listed everywhere (see :data:`SEVERITY_RANK`)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# 0 for the most serious: a sort key that lists findings (and rules) errors first.
SEVERITY_RANK: dict[Severity, int] = {severity: rank for rank, severity in enumerate(Severity)}


@dataclass(frozen=True, slots=True)
class Evaluator:
    name: str
    organisation: str
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a report says about itself: whom it evaluates, when and by whom."""

    municipality: str | None = None
    municipality_code: str | None = None
    year: int | None = None
    evaluation_start: date | None = None
    evaluation_end: date | None = None
    evaluators: tuple[Evaluator, ...] = ()
    page: int | None = None
    line: int | None = None
    report_date: date | None = None
    # Dates printed in a date's form that name no real day ("30-31 februari 2007"): not read, reported.
    losses: tuple[ContentLoss, ...] = ()


@dataclass(frozen=True, slots=True)
class AreaScore:
    """One area's total for one evaluation year, from the summary table."""

    area: int
    printed_name: str
    year: int
    score: float | None
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class YearTotal:
    """The TOTALT row of the summary table for one year."""

    year: int
    total: float | None
    page: int | None = None
    line: int | None = None


def printings(keys: Iterable[Hashable]) -> Iterator[int]:
    """For each key in turn, how many times it has come so far: 1 for the first printing of a year's
    area total (or TOTALT) in the summary table, 2 for a second (the year heads two columns, or the
    area two rows), …"""
    seen: Counter[Hashable] = Counter()
    for key in keys:
        seen[key] += 1
        yield seen[key]


@dataclass(frozen=True, slots=True)
class QuestionScore:
    """One sub-question of the detailed score table: its max and own points as printed."""

    area: int
    question_id: str
    question: str
    max_score: float | None
    score: float | None
    page: int | None = None
    line: int | None = None
    printed_id: str = ""


@dataclass(frozen=True, slots=True)
class AreaSubtotal:
    """The "Summa" row of an area's table in the detailed score table (later layouts): the area's
    max and own points as printed there."""

    area: int
    max_score: float | None
    score: float | None
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """A summary-table value that is not one of the report's own scores: an average of other
    municipalities ("40 kommuner i genomsnitt") or a change ("Ändring").

    ``label`` is the column's header as printed, ``kind`` is ``average`` or ``change``, ``area`` is
    ``None`` on the total row; ``unit`` is ``points`` or ``percent``. A change compares the own
    scores of ``from_year`` and ``to_year`` (``None`` when the table does not say which).
    """

    label: str
    kind: str
    area: int | None
    value: float | None
    unit: str
    page: int | None = None
    line: int | None = None
    from_year: int | None = None
    to_year: int | None = None


@dataclass(frozen=True, slots=True)
class MisalignedRow:
    """A table row with another number of values than its header has columns: its values were
    placed under the columns they stand in where the page's word boxes show it, else paired with
    the columns from the right."""

    table: str
    values: int
    columns: int
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class UnreadHeader:
    """A table read by the shape of its values because its header was missing or not understood."""

    table: str
    printed: str
    assumed: str
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class AreaHeading:
    """An area as named in a table or section heading, with the area it was mapped to."""

    area: int | None
    printed_name: str
    context: str
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ListedQuestion:
    """A sub-question listed at the top of an area section ("- 1.1 Hur informeras invånarna?")."""

    area: int
    question_id: str
    question: str
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    """A bullet under Styrkor (``strength``) or Förbättringsområden (``improvement``)."""

    area: int
    kind: str
    position: int
    text: str
    page: int | None = None
    line: int | None = None
    # Printed beside another list's label, in the other column of a page whose two columns a text
    # export set side by side, and given back to the list of its column: that list may have lost
    # the items printed in the other column.
    other_column: bool = False
    # The item as OCR read it, where marks a speck adds were read out of it ("av. verksamhet" for
    # "av verksamhet", see extractors.specks); empty where the text is as read.
    read_as: str = ""
    # Listed under a second list of its kind in one area section ("Styrkor" twice): the heading of
    # an area between them may not have been read, and the item be that area's.
    second_list: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """The score and change an area section claims in prose."""

    area: int
    claimed_score: float | None
    claimed_change: float | None
    compared_with_year: int | None
    sentence: str
    page: int | None = None
    line: int | None = None
    compared_with_previous: bool = False


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One (entry, year) of the report's list of municipalities evaluated so far."""

    entry: str
    municipality: str | None
    municipality_code: str | None
    district: str | None
    year: int | None
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class EvaluationList:
    """The sentence that introduces the list of evaluated municipalities, and the report's word on
    when SKL started using the tool.

    ``named`` holds the municipalities the lead-in itself names ("förutom Tyresö kommun") as
    (official name, code) pairs; ``tool_since`` is the year of "... har använt Kommunkompassen ...
    sedan 2002", ``None`` when the report does not say.
    """

    lead_in: str
    named: tuple[tuple[str, str], ...] = ()
    tool_since: int | None = None
    tool_since_page: int | None = None
    tool_since_line: int | None = None
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class UnreadEntry:
    """A place where the list of evaluated municipalities shows more than was read: its lead-in
    with no entry read after it, or an item of the list that reads as no entry (a bulleted line
    among the entries, the text after a comma), as printed."""

    printed: str
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class UnreadYear:
    """An entry of the list of evaluated municipalities read without a year where the line shows
    one was printed: its parenthesis of years cut off at the line's end ("Kiruna (2005,"), or the
    line parted by a wide gap right after the name (a page's two columns run together on one line,
    "Umeå     Härnösand (2005, 2007)"). ``how`` says which; ``printed`` is the line from the name."""

    entry: str
    how: str
    printed: str
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class StatedCount:
    """A number of municipalities stated in prose and the names that follow it
    ("de sex kommunerna: Umeå, Bjurholm, ... och Vännäs")."""

    stated: int
    phrase: str
    names: tuple[str, ...]
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A municipality the report names, how often, and where first."""

    municipality: str
    municipality_code: str
    count: int
    first_page: int | None
    first_line: int | None
    is_subject: bool


@dataclass(frozen=True, slots=True)
class OcrReading:
    """A word OCR read on a scanned page that a person should check: a number read with low
    confidence, or a sub-question id read from a look-alike letter ("G.1" read as 6.1).

    ``printed`` is what OCR read, ``read`` what kompass took it for (empty: a speck set aside),
    ``confidence`` OCR's own (0-100),
    ``bbox`` the word's box (x0, top, x1, bottom) in PDF points, ``line`` the document line it is on.
    """

    printed: str
    read: str
    confidence: float
    bbox: tuple[float, float, float, float]
    page: int
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ContentLoss:
    """Something a reader lost from a file and could tell: what, how much and where.

    It becomes a ``content_lost`` warning of the report, so nothing is lost silently.
    """

    message: str
    count: int
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A validation finding: which rule, how severe, where, and expected versus found.

    ``expected`` and ``found`` are text so that one column can hold numbers ("78", "7.5") and
    wordings alike; for numeric rules ``expected`` is what the other figures imply and ``found`` is
    what is printed at the location.

    The evidence is added after validation (:mod:`pipeline.validation.evidence`): ``printed_line`` is the text
    of the line at the location, ``box`` the value's box on the page (x0, top, x1, bottom in PDF
    points; the line's box when the value cannot be told apart in it) and ``compared`` the boxes of
    the figures it was compared with, each as (page, x0, top, x1, bottom).
    """

    rule: str
    severity: Severity
    message: str
    area: int | None = None
    question_id: str | None = None
    year: int | None = None
    expected: str | None = None
    found: str | None = None
    page: int | None = None
    line: int | None = None
    printed_line: str | None = None
    box: tuple[float, float, float, float] | None = None
    compared: tuple[tuple[int, float, float, float, float], ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything the extractors found in one report."""

    metadata: Metadata = field(default_factory=Metadata)
    edition: str | None = None
    area_scores: tuple[AreaScore, ...] = ()
    year_totals: tuple[YearTotal, ...] = ()
    question_scores: tuple[QuestionScore, ...] = ()
    area_headings: tuple[AreaHeading, ...] = ()
    listed_questions: tuple[ListedQuestion, ...] = ()
    observations: tuple[Observation, ...] = ()
    claims: tuple[Claim, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    mentions: tuple[Mention, ...] = ()
    findings: tuple[Finding, ...] = ()
    evaluation_list: EvaluationList | None = None
    stated_counts: tuple[StatedCount, ...] = ()
    losses: tuple[ContentLoss, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    area_subtotals: tuple[AreaSubtotal, ...] = ()
    unread_headers: tuple[UnreadHeader, ...] = ()
    misaligned_rows: tuple[MisalignedRow, ...] = ()
    ocr_readings: tuple[OcrReading, ...] = ()
    unread_entries: tuple[UnreadEntry, ...] = ()
    unread_years: tuple[UnreadYear, ...] = ()


@dataclass(frozen=True)
class Report:
    """The outcome for one input file: its identity, what was extracted and what was found wrong."""

    report_id: str
    source_file: str
    sha256: str
    input_format: str
    pages: int | None
    status: str = "ok"
    error: str | None = None
    extraction: Extraction = field(default_factory=Extraction)
    # The report_id of the first byte-identical copy in the batch (see pipeline.model.identity).
    duplicate_of: str | None = None
    encoding: str | None = None
    # PDF pages read by OCR (None for text input).
    ocr_pages: int | None = None
    # For a report with pages read by OCR: its lines as kompass read them, with a "--- page N ---"
    # line before each page's (see pipeline.model.document.page_text); written to OUT/text/.
    ocr_text: str | None = None
