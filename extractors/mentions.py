"""Every municipality a report names, how often, and where first.

One spaCy pass over the report's running text (see :mod:`extractors.name_matcher`); the counts
include genitive forms ("Umeås kommun") and "X kommun" / "X stad", the names in the list of
evaluated municipalities, and a city named in a district's entry ("Bromma-Stockholms stad").
"""

from __future__ import annotations

from extractors.flow import flow_of
from extractors.name_matcher import NameMatcher, swedish_matcher
from pipeline.model.document import Document
from pipeline.model.records import Mention


def extract_mentions(
    doc: Document, subject_code: str | None = None, matcher: NameMatcher | None = None
) -> tuple[Mention, ...]:
    """One :class:`Mention` per municipality named in ``doc``, in order of first occurrence.

    ``subject_code`` is the code of the report's own municipality, marked ``is_subject``.
    """
    matcher = matcher or swedish_matcher()
    flow = flow_of(doc)
    counts: dict[str, int] = {}
    first: dict[str, tuple[str, int | None, int | None]] = {}
    for hit in matcher.find(flow):
        code = hit.municipality.code
        counts[code] = counts.get(code, 0) + 1
        if code not in first:
            line = flow.line_at(hit.start)
            first[code] = (hit.municipality.name, line.page, line.number)
    return tuple(
        Mention(
            municipality=name,
            municipality_code=code,
            count=counts[code],
            first_page=page,
            first_line=number,
            is_subject=code == subject_code,
        )
        for code, (name, page, number) in first.items()
    )
