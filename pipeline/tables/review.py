"""An auditor's review: a verdict per finding, kept in a CSV file beside the archive.

The file names findings by their ``issue_id`` (stable from run to run, :mod:`pipeline.validation.finding_ids`)
and gives each a ``verdict`` (:data:`VERDICTS`, or empty for a note alone), a ``note`` and the
``reviewer``; other columns (the rule, the message, copied for the auditor's eyes) are ignored.
``kompass run --review FILE`` joins it into ``issues``: the verdict, note and reviewer of each
finding the file names, and ``is_new`` true for a finding it does not name (new since the
review). The file is data: it is read as text and never run.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.tables.chunks import Chunk, TableData, as_chunks

VERDICTS = ("confirmed", "false alarm", "fixed in source")
COLUMNS = ("issue_id", "verdict", "note", "reviewer")
# The issues columns a review fills, in contract order.
REVIEW_COLUMNS = ("verdict", "review_note", "reviewer", "is_new")


class ReviewFileError(ValueError):
    """The review file cannot be read as a review (the message names the file, line and fix)."""


@dataclass(frozen=True)
class Verdict:
    verdict: str | None
    note: str | None
    reviewer: str | None


@dataclass(frozen=True)
class Review:
    """The verdicts of a review file by ``issue_id``, and the file's SHA-256 (for the manifest)."""

    path: str
    sha256: str
    verdicts: dict[str, Verdict]


def _cell(row: dict[str, str | None], name: str) -> str | None:
    return (row.get(name) or "").strip() or None


def load_review(path: Path) -> Review:
    """Read a review file: a header with ``issue_id`` and ``verdict`` (``note`` and ``reviewer``
    optional), separated by ``,`` or ``;`` (as a spreadsheet with Swedish settings saves it), UTF-8
    with or without a byte order mark. Raises :class:`ReviewFileError` naming the line at fault."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as exc:
        raise ReviewFileError(f"cannot read the review file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ReviewFileError(f"review file {path}: not UTF-8 text (save it as CSV UTF-8)") from exc
    header = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    missing = [name for name in COLUMNS[:2] if name not in (reader.fieldnames or ())]
    if missing:
        raise ReviewFileError(
            f"review file {path}: the header lacks {', '.join(missing)} (it needs {', '.join(COLUMNS)})"
        )
    verdicts: dict[str, Verdict] = {}
    for line, row in enumerate(reader, start=2):
        issue_id = _cell(row, "issue_id")
        if issue_id is None:
            continue  # a blank line, or a line of notes without an id
        verdict = _cell(row, "verdict")
        if verdict is not None and verdict.lower() not in VERDICTS:
            allowed = ", ".join(f'"{v}"' for v in VERDICTS)
            raise ReviewFileError(
                f"review file {path}, line {line}: verdict {verdict!r} is not one of {allowed} (or empty)"
            )
        if issue_id in verdicts:
            raise ReviewFileError(f"review file {path}, line {line}: finding {issue_id} is reviewed twice")
        verdicts[issue_id] = Verdict(verdict and verdict.lower(), _cell(row, "note"), _cell(row, "reviewer"))
    return Review(str(path), hashlib.sha256(data).hexdigest(), verdicts)


def with_verdicts(chunk: Chunk, review: Review) -> Chunk:
    """``issues`` rows with the review's verdict, note and reviewer, and ``is_new`` set."""
    rows = []
    for row in chunk.rows:
        verdict = review.verdicts.get(row["issue_id"])
        rows.append({
            **row, "verdict": verdict and verdict.verdict, "review_note": verdict and verdict.note,
            "reviewer": verdict and verdict.reviewer, "is_new": verdict is None,
        })  # fmt: skip
    return Chunk(chunk.name, rows)


class ReviewedIssues:
    """The ``issues`` table's chunks with a review joined in (re-iterable, as the writers need)."""

    def __init__(self, chunks: TableData, review: Review) -> None:
        self.chunks, self.review = chunks, review

    def __iter__(self) -> Iterator[Chunk]:
        for chunk in as_chunks("issues", self.chunks):
            yield with_verdicts(chunk, self.review)
