"""Which input file a report is: a ``report_id`` unique in the batch, and byte-identical copies.

Two copies of one report under different names are two input files: each gets its own row and
its own ``report_id``, so that a join on ``report_id`` never multiplies rows; the later copy
(in path order) names the first in ``duplicate_of``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable

import regex

from pipeline.model.records import Report


def report_id(sha256: str, source_file: str) -> str:
    """16 hex digits from the file's content digest and its normalised path (``a/./b`` is ``a/b``).

    The same file given the same way gets the same id in every run; a file whose bytes could not
    be read (empty ``sha256``) is told apart by its path alone.
    """
    path = os.path.normpath(source_file)
    key = f"{sha256}\n{path}".encode("utf-8", errors="surrogateescape")
    return hashlib.sha256(key).hexdigest()[:16]


_PLAIN_NAME = regex.compile(r"[A-Za-z0-9_-]{1,64}")


def file_stem(value: object) -> str:
    """A file name for a report id (or a municipality code): the value itself when it is a plain
    name (a report id is 16 hex digits), else a digest of it, so that no table cell read back
    from a folder names a path."""
    text = str(value)
    return text if _PLAIN_NAME.fullmatch(text) else hashlib.sha256(text.encode()).hexdigest()[:16]


def identify(reports: Iterable[Report]) -> tuple[Report, ...]:
    """``reports`` (in batch order) with their ids derived from content and path, and each
    byte-identical copy pointing at the first one in ``duplicate_of``."""
    first: dict[str, str] = {}
    identified = []
    for report in reports:
        own = report_id(report.sha256, report.source_file)
        original = first.setdefault(report.sha256, own) if report.sha256 else own
        duplicate_of = original if original != own else None
        identified.append(dataclasses.replace(report, report_id=own, duplicate_of=duplicate_of))
    return tuple(identified)
