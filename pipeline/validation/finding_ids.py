"""Finding ids: the ``issue_id`` of each row of ``issues``, the same from run to run.

An auditor records a verdict per finding; the id must outlive a re-run, and a corrected report
should re-key only the findings its correction touches. So the id is not taken from the file's
bytes (one edit anywhere would re-key every finding) nor from page and line numbers (a line added
above shifts them), but from what the finding is about:

- the report's subject: its municipality code and evaluation year (the SHA-256 of the file when
  either is unknown, so such a report's findings change with any edit);
- the finding: its rule, area, sub-question, year, expected and found values;
- where it is printed: the text of its printed line with runs of white space as one space (a PDF
  and its text export print the line alike; tabs between table cells count as spaces).

Two findings alike in all of these (the same line printed twice) are told apart by their order:
the second gets the id of the first with its number added to what is hashed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from pipeline.model.records import Finding

# Between the parts hashed: a character that no part holds.
_SEPARATOR = "\x1f"


def finding_subject(municipality_code: str | None, year: int | None, sha256: str | None) -> str:
    """What a report's findings are keyed to: ``2480/2007``, else ``sha256:…`` of its file."""
    if municipality_code and year:
        return f"{municipality_code}/{year}"
    return f"sha256:{sha256 or ''}"


def _parts(subject: str, finding: Finding) -> str:
    printed = " ".join((finding.printed_line or "").split())
    values = (
        subject, finding.rule, finding.area, finding.question_id, finding.year, finding.expected,
        finding.found, printed,
    )  # fmt: skip
    return _SEPARATOR.join("" if value is None else str(value) for value in values)


def finding_ids(subject: str, findings: Iterable[Finding]) -> list[str]:
    """The id of each of ``findings`` (of one report, in its order): 16 hex digits of a SHA-256."""
    seen: Counter[str] = Counter()
    ids = []
    for finding in findings:
        parts = _parts(subject, finding)
        seen[parts] += 1
        if seen[parts] > 1:
            parts += f"{_SEPARATOR}{seen[parts]}"
        ids.append(hashlib.sha256(parts.encode("utf-8", errors="surrogateescape")).hexdigest()[:16])
    return ids
