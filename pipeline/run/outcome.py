"""What a finished batch means to the script or CI job that ran it: whether it should stop.

``--fail-on`` names the least serious condition that counts as trouble; each level includes the
more serious ones (``warning`` also stops on errors, partial reports and failed files; ``partial``
on partial reports and failed files). A batch in which no file
could be digitized is always trouble, whatever was asked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from pipeline.model.defaults import FAIL_ON_LEVELS, REPORT_STATUSES

if TYPE_CHECKING:
    from pipeline.model.records import Report


def trouble(reports: Sequence[Report], severities: Mapping[str, int], fail_on: str | None) -> str | None:
    """Why the batch of ``reports`` (with issue counts by severity) counts as failed, or None."""
    statuses = Counter(r.status for r in reports)
    failed = statuses["failed"]
    if reports and failed == len(reports):
        return f"no file could be digitized: all {failed} failed"
    if fail_on is None:
        return None
    if fail_on not in FAIL_ON_LEVELS:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON_LEVELS)}, not {fail_on!r}")
    # The report statuses, then the findings by severity.
    counts = {
        level: statuses[level] if level in REPORT_STATUSES else severities.get(level, 0)
        for level in FAIL_ON_LEVELS
    }
    found = [
        f"{counts[level]} {_NOUNS[level]}"
        for level in FAIL_ON_LEVELS[: FAIL_ON_LEVELS.index(fail_on) + 1]
        if counts[level]
    ]
    return f"--fail-on {fail_on}: {', '.join(found)}" if found else None


_NOUNS = {
    "failed": "failed file(s)", "partial": "partial report(s)", "error": "error issue(s)",
    "warning": "warning issue(s)",
}  # fmt: skip
