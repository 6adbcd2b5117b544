"""Batches: finding the report files among the inputs, digitizing them, and summarizing."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.cache import ReportCache
from pipeline.defaults import DEFAULT_TIMEOUT_SECONDS
from pipeline.identity import identify
from pipeline.ingest import SUPPORTED_SUFFIXES
from pipeline.records import Report
from pipeline.workers import default_workers, run_parallel

Progress = Callable[[Report], None]


@dataclass(frozen=True)
class Inputs:
    """The files to digitize, what was passed over with the reason, and the paths searched."""

    files: tuple[Path, ...]
    skipped: tuple[tuple[Path, str], ...] = ()
    searched: tuple[Path, ...] = ()


@dataclass(frozen=True)
class BatchResult:
    reports: tuple[Report, ...]
    skipped: tuple[tuple[Path, str], ...] = ()
    severities: Counter[str] = field(default_factory=Counter)
    cached: int = 0

    @property
    def ok(self) -> int:
        return sum(1 for r in self.reports if r.status == "ok")

    @property
    def failed(self) -> int:
        return sum(1 for r in self.reports if r.status != "ok")


def _walk(folder: Path) -> Iterator[tuple[Path, str | None]]:
    """Every entry under ``folder`` to consider, with the reason to skip it (None: take it).

    Hidden folders (``.git``, ``.venv``, a cache) are not entered: they get one note each, not one
    per file inside. Symbolic links to folders are not followed.
    """
    for root, folders, names in os.walk(folder):
        here = Path(root)
        for name in [f for f in folders if f.startswith(".")]:
            yield here / name, "hidden folder, not searched"
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in [f for f in folders if (here / f).is_symlink()]:
            yield here / name, "symbolic link to a folder, not followed"
        for name in names:
            found = here / name
            if name.startswith("."):
                yield found, "hidden file"
            elif found.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield found, f"unsupported file type {found.suffix or '(none)'}"
            else:
                yield found, None


def collect_inputs(paths: Iterable[Path]) -> Inputs:
    """Files named directly, and the supported files found under folders, walked recursively.

    Hidden files and folders and files of other types found in folders are skipped with a note
    (a hidden folder is not entered); a file named directly is always taken (and fails with a
    clear message if it is not a report).
    """
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    paths = tuple(paths)
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for found, reason in sorted(_walk(path)):
            if reason:
                skipped.append((found, reason))
            else:
                files.append(found)
    unique = list(dict.fromkeys(files))
    return Inputs(tuple(unique), tuple(skipped), paths)


def digitize_batch(
    files: Sequence[Path],
    progress: Progress | None = None,
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT_SECONDS,
    cache: ReportCache | None = None,
) -> BatchResult:
    """Digitize every file; a failing file gives a failed report and the batch goes on.

    ``workers`` processes (default: all cores) share the files; a document that takes longer than
    ``timeout`` seconds is stopped and fails. Files whose digitized report is in ``cache`` are not
    digitized again. The reports come back sorted by path, whatever the number of workers.
    """
    reports: dict[int, Report] = {}
    todo: list[tuple[int, Path]] = []
    for index, path in enumerate(files):
        cached = cache.get(path) if cache else None
        if cached is None:
            todo.append((index, path))
            continue
        reports[index] = cached
        if progress:
            progress(cached)

    def collect(position: int, report: Report) -> None:
        index = todo[position][0]
        reports[index] = report
        if cache:
            cache.put(report)
        if progress:
            progress(report)

    if todo:
        run_parallel([path for _, path in todo], workers or default_workers(), timeout, collect)
    # Ids again after sorting: a report from the cache was digitized under another name.
    ordered = identify(sorted(reports.values(), key=lambda r: (r.source_file, r.sha256)))
    severities = Counter(str(f.severity) for r in ordered for f in r.extraction.findings)
    return BatchResult(ordered, severities=severities, cached=len(files) - len(todo))
