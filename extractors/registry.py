"""Every extractor, declared once: what it reads and which records it yields.

An extractor is a module of this package with a function ``extract_…(doc, …)``; its entry in
:data:`EXTRACTORS` says what the function reads besides the document (the results of extractors
listed before it, the report's ``year``, the ``edition`` it is read by) and which fields of
:class:`~pipeline.model.records.Extraction` its result fills. :func:`pipeline.run.process.extract`
reads a document with the entries in order and puts their records together; nothing else calls
an extractor. Adding one is a module and an entry here (a test fails on a module with an
``extract_…`` function that has no entry, and on records that reach no table or check).

Two of the inputs are decided from the records themselves, after every entry that does not read
them: the ``year`` (the title page's, else the summary table's newest) and the ``edition`` (from
the year and the area names printed). An entry that reads ``year`` is read once they are known. An
entry that reads ``edition`` is read before it is decided (its records help decide it) and read
again with the edition when one is decided, so it reads no document of its own: it puts its
result together from what an earlier entry read of the document whatever the edition, and each
source is read once (a test checks this). So the summary table: ``summary_rows`` reads the lines
as rows once, each row that prints an area's name alone with what the name denotes in each
edition, and ``summary_table`` matches those rows by the edition given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from extractors.claims import extract_claims
from extractors.evaluations import extract_evaluations
from extractors.mentions import extract_mentions
from extractors.metadata import extract_metadata
from extractors.observations import extract_observations
from extractors.score_table import extract_question_scores
from extractors.sections import extract_sections
from extractors.stated_counts import extract_stated_counts
from extractors.summary_table import extract_summary_rows, summary_table
from pipeline.editions.edition import Edition
from pipeline.model.document import Document

# The inputs decided from the records, not read by an extractor of their own.
YEAR, EDITION = "year", "edition"


@dataclass(frozen=True)
class Sources:
    """What an extractor reads: the document, the results of the extractors before it (by entry
    name) and, once decided, the report's year and edition."""

    doc: Document
    results: Mapping[str, Any]
    year: int | None = None
    edition: Edition | None = None

    def __getitem__(self, name: str) -> Any:
        return self.results[name]


@dataclass(frozen=True)
class Extractor:
    """One extractor: ``read`` gives its result from the :class:`Sources` named in ``reads``,
    ``records`` the :class:`~pipeline.model.records.Extraction` fields that result fills (a field
    filled by several extractors gets their records in the order of :data:`EXTRACTORS`)."""

    name: str
    reads: tuple[str, ...]
    read: Callable[[Sources], Any]
    records: Callable[[Any], Mapping[str, Any]]


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor(
        "metadata", (),
        lambda s: extract_metadata(s.doc),
        lambda metadata: {"metadata": metadata, "losses": metadata.losses},
    ),
    Extractor(
        "summary_rows", (),
        lambda s: extract_summary_rows(s.doc),
        lambda rows: {},
    ),
    Extractor(
        "summary_table", ("summary_rows", "metadata", EDITION),
        lambda s: summary_table(s["summary_rows"], s.edition, s["metadata"].year),
        lambda summary: {
            "area_scores": summary.area_scores, "year_totals": summary.year_totals,
            "area_headings": summary.headings, "comparisons": summary.comparisons,
            "unread_headers": summary.unread_headers, "misaligned_rows": summary.misaligned_rows,
            "losses": summary.losses,
        },
    ),
    Extractor(
        "score_table", ("metadata",),
        lambda s: extract_question_scores(s.doc, s["metadata"].year),
        lambda scores: {
            "question_scores": scores.questions, "area_headings": scores.headings,
            "area_subtotals": scores.subtotals, "unread_headers": scores.unread_headers,
            "losses": scores.losses,
        },
    ),
    Extractor(
        "sections", (),
        lambda s: extract_sections(s.doc),
        lambda sections: {"area_headings": sections.headings, "listed_questions": sections.listed_questions},
    ),
    Extractor(
        "evaluations", (),
        lambda s: extract_evaluations(s.doc),
        lambda found: {
            "evaluations": found.evaluations, "evaluation_list": found.listing,
            "unread_entries": found.unread, "unread_years": found.unread_years,
        },
    ),
    Extractor(
        "observations", ("sections",),
        lambda s: extract_observations(s.doc, s["sections"].sections),
        lambda observations: {"observations": observations},
    ),
    Extractor(
        "mentions", ("metadata",),
        lambda s: extract_mentions(s.doc, subject_code=s["metadata"].municipality_code),
        lambda mentions: {"mentions": mentions},
    ),
    Extractor(
        "stated_counts", (),
        lambda s: extract_stated_counts(s.doc),
        lambda counts: {"stated_counts": counts},
    ),
    Extractor(
        "claims", ("summary_table", YEAR, "sections"),
        lambda s: extract_claims(s.doc, s["summary_table"].years, s.year, s["sections"].sections),
        lambda claims: {"claims": claims},
    ),
)  # fmt: skip


def extractor(name: str) -> Extractor:
    """The entry named ``name``."""
    for entry in EXTRACTORS:
        if entry.name == name:
            return entry
    raise KeyError(f"no extractor named {name!r}")


def records(results: Mapping[str, Any]) -> dict[str, Any]:
    """The :class:`~pipeline.model.records.Extraction` fields filled by ``results`` (each entry's
    result by its name), tuples of records from several entries joined in registry order."""
    fields: dict[str, Any] = {}
    for entry in EXTRACTORS:
        if entry.name not in results:
            continue
        for name, value in entry.records(results[entry.name]).items():
            if name in fields:
                fields[name] = fields[name] + value
            else:
                fields[name] = value
    return fields
