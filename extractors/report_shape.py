"""Whether a document is a Kommunkompassen report at all, judged by its structure.

Press releases, council memos and municipal web pages about an evaluation name the tool, its
areas and often its scores, and sit in the same folders as the reports. A report is told from
them by the structure only a report has; a document needs two of:

- the title page's forms: the tool's name as a title ("Kommunkompassen", "KOMMUN KOMPASSEN",
  "KommunKompassen KINDA KOMMUN 2011 ANALYS AV") and "Analys av <kommun>" on a short line;
- area sections: at least ``MIN_SECTIONS`` areas under headings that number them ("Område 3 ...",
  "3.1 ...", "3 ..."); headings given by name alone count half, as a memo can have them too;
- a score table (at least ``MIN_QUESTION_ROWS`` sub-question rows) or a summary table with at
  least ``MIN_SECTIONS`` areas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from extractors.prose import heading_text
from extractors.sections import AreaSection
from pipeline.model.document import Document
from pipeline.model.records import AreaScore, QuestionScore

# The title is on the first page: the tool's name within this many non-blank lines, and
# "Analys av" within ``TITLE_SPAN`` lines of it.
TITLE_REACH = 20
TITLE_SPAN = 5
MAX_TITLE_LENGTH = 80
# "Kommunkompassen", "1 KOMMUNKOMPASSEN", "KommunKompassen KINDA KOMMUN 2011 ANALYS AV": the tool's
# name as a title, followed by nothing but names, years and "analys av" in capitals.
TOOL_NAME_WORDS = regex.compile(r"^(?:\d{1,3}\s+)?kommun\s?kompass(?:en)?\b", regex.IGNORECASE)
CAPITALS_TAIL = regex.compile(r"^[\p{Lu}\d\s.\-–:]*$")
# "Analys av Umeå kommun", "ANALYS AV", "ANALYS AV BORÅS KOMMUN": never a sentence.
ANALYSIS_OF = regex.compile(r"(?:^|\s)analys\s+av(?:\s|$)", regex.IGNORECASE)
MIN_SECTIONS = 4
MIN_QUESTION_ROWS = 8
NEEDED = 2.0


@dataclass(frozen=True)
class ReportShape:
    """The structure found, each part's weight toward ``NEEDED``, and what is missing."""

    title: bool
    sections: float
    tables: bool

    @property
    def score(self) -> float:
        return float(self.title) + self.sections + float(self.tables)

    @property
    def is_report(self) -> bool:
        return self.score >= NEEDED

    def why_not(self) -> str:
        """What the document lacks, for the ``error`` column."""
        missing = []
        if not self.title:
            missing.append('no title page ("Kommunkompassen" / "Analys av <kommun>")')
        if self.sections < 1:
            missing.append(
                'area sections only under area names, none numbered ("Område N ...")'
                if self.sections
                else 'no area sections ("Område N ...")'
            )
        if not self.tables:
            missing.append("no score table or summary table")
        return "; ".join(missing)


def report_shape(
    doc: Document,
    area_scores: Sequence[AreaScore],
    question_scores: Sequence[QuestionScore],
    sections: Sequence[AreaSection],
) -> ReportShape:
    """The report structure ``doc`` has, from its lines, its tables and its area sections."""
    areas = {section.area for section in sections if not section.by_name_only}
    named = {section.area for section in sections if section.by_name_only}
    weight = 1.0 if len(areas) >= MIN_SECTIONS else 0.5 if len(areas | named) >= MIN_SECTIONS else 0.0
    summary_areas = {(score.year, score.area) for score in area_scores}
    by_year: dict[int | None, int] = {}
    for year, _ in summary_areas:
        by_year[year] = by_year.get(year, 0) + 1
    tables = len(question_scores) >= MIN_QUESTION_ROWS or max(by_year.values(), default=0) >= MIN_SECTIONS
    return ReportShape(has_title(doc), weight, tables)


def has_title(doc: Document) -> bool:
    """Whether the first lines hold the title forms: the tool's name as a title and "Analys av"."""
    first = [heading_text(line) for _, line in doc.non_blank()][: TITLE_REACH + TITLE_SPAN]
    titles = [len(text) <= MAX_TITLE_LENGTH and not text.endswith((".", ":", "?")) for text in first]
    for index, text in enumerate(first[:TITLE_REACH]):
        if titles[index] and _is_tool_title(text):
            near = range(max(index - TITLE_SPAN, 0), min(index + TITLE_SPAN + 1, len(first)))
            if any(titles[i] and ANALYSIS_OF.search(first[i]) for i in near):
                return True
    return False


def _is_tool_title(text: str) -> bool:
    match = TOOL_NAME_WORDS.match(text)
    return match is not None and CAPITALS_TAIL.match(text[match.end() :]) is not None
