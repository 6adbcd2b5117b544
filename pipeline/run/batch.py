"""Batches: finding the report files among the inputs, digitizing them, and summarizing."""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest import SUPPORTED_SUFFIXES, special_file_kind
from pipeline.model.identity import identify
from pipeline.model.records import Report
from pipeline.run.cache import ReportCache
from pipeline.run.options import RunOptions
from pipeline.run.workers import Listeners, OnOcrPage, default_workers, run_parallel

log = logging.getLogger(__name__)

Progress = Callable[[Report], None]
# Called with a file, the pages OCR has read of it and the pages it is to read.
OcrProgress = Callable[[Path, int, int], None]
# Called with a file when a worker starts digitizing it.
Started = Callable[[Path], None]
# Called between the waits for the workers, about every half second while the batch runs.
Heartbeat = Callable[[], None]


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
    cache_warning: str | None = None

    @property
    def ok(self) -> int:
        """Reports read completely."""
        return sum(1 for r in self.reports if r.status == "ok")

    @property
    def partial(self) -> int:
        """Reports read, with content lost (a finding of a rule that loses content)."""
        return sum(1 for r in self.reports if r.status == "partial")

    @property
    def failed(self) -> int:
        """Files that could not be digitized."""
        return sum(1 for r in self.reports if r.status == "failed")


def _walk(folder: Path) -> Iterator[tuple[Path, str | None]]:
    """Every entry under ``folder`` to consider, with the reason to skip it (None: take it).

    Hidden folders (``.git``, ``.venv``, a cache) are not entered: they get one note each, not one
    per file inside. Symbolic links to folders are not followed. A folder that cannot be listed (no
    permission, gone, an I/O error) is noted with the reason, never skipped in silence.
    """
    unreadable: list[OSError] = []
    for root, folders, names in os.walk(folder, onerror=unreadable.append):
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
    for error in unreadable:
        yield Path(error.filename or folder), f"folder could not be read: {error.strerror or error}"


def collect_inputs(paths: Iterable[Path]) -> Inputs:
    """Files named directly, and the supported files found under folders, walked recursively.

    Hidden files and folders and files of other types found in folders are skipped with a note
    (a hidden folder is not entered); a file named directly is always taken (and fails with a
    clear message if it is not a report). Special files (named pipes, devices, sockets, also behind
    a symbolic link) are never read: they are skipped with a note. One file reached under several
    spellings (``a/../a/x.txt``, a symbolic or hard link) is taken once, under the spelling met first.
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
    regular: list[Path] = []
    for path in files:
        kind = _special_kind(path)
        if kind is None:
            regular.append(path)
        else:
            skipped.append((path, f"{kind}, not a regular file"))
    return Inputs(tuple(_one_spelling_each(regular)), tuple(skipped), paths)


def _special_kind(path: Path) -> str | None:
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # a file that cannot be reached is tried, and fails with the reason
    return special_file_kind(mode)


def _one_spelling_each(files: Iterable[Path]) -> list[Path]:
    """``files`` with later spellings of a file already listed left out."""
    seen: set[object] = set()
    unique: list[Path] = []
    for path in files:
        try:
            info = path.stat()
            key: object = (info.st_dev, info.st_ino)
        except OSError:
            key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def worker_count(requested: int | None) -> tuple[int, str | None]:
    """The number of worker processes to start, and a note when ``requested`` was more than the cores."""
    cores = default_workers()
    if requested is None:
        return cores, None
    if requested > cores:
        return cores, f"--workers {requested} is more than the {cores} cores available: using {cores}"
    return requested, None


@dataclass(frozen=True)
class BatchListeners:
    """Who hears how a batch goes, all called in the coordinating process: ``progress(report)``
    as each report is done, ``ocr_progress(path, done, total)`` after each page OCR read,
    ``started(path)`` when a worker starts on a file and ``heartbeat()`` about every half second
    while the batch runs (a progress display redraws there)."""

    progress: Progress | None = None
    ocr_progress: OcrProgress | None = None
    started: Started | None = None
    heartbeat: Heartbeat | None = None


def digitize_batch(
    files: Sequence[Path],
    options: RunOptions | None = None,
    listeners: BatchListeners = BatchListeners(),
    *,
    keep: Callable[[Report], Report] | None = None,
) -> BatchResult:
    """Digitize every file as ``options`` say (default: the defaults); a failing file gives a
    failed report and the batch goes on.

    Each worker reads, hashes and digitizes its document under the limits: a document over its
    time or memory limit is stopped and fails. Files whose digitized report is in the cache are
    not digitized again; a cache that cannot be written is given up with one warning. The reports
    come back sorted by path, whatever the number of workers; with ``keep``, each report as it
    is done is replaced by what ``keep`` returns for it (a spill's outline), so the batch holds no
    more than that.
    """
    reports: dict[int, Report] = {}
    severities: Counter[str] = Counter()
    cached = 0
    options = options or RunOptions()
    cache = options.cache()
    store = _CacheWriter(cache)

    def collect(index: int, report: Report, from_cache: bool) -> None:
        nonlocal cached
        severities.update(str(f.severity) for f in report.extraction.findings)
        reports[index] = keep(report) if keep else report
        cached += from_cache
        if not from_cache:
            store.put(report)
        if listeners.progress:
            listeners.progress(report)

    if files:
        count, _ = worker_count(options.workers)
        run_parallel(files, count, options.limits, collect, cache, _listeners(files, listeners))
    # Ids again after sorting: a report from the cache was digitized under another name.
    ordered = identify(sorted(reports.values(), key=lambda r: (r.source_file, r.sha256)))
    return BatchResult(ordered, severities=severities, cached=cached, cache_warning=store.warning)


def _listeners(files: Sequence[Path], listeners: BatchListeners) -> Listeners:
    """The callbacks on files turned into the workers' callbacks on the files' indexes."""
    on_ocr_page: OnOcrPage | None = None
    on_start: Callable[[int], None] | None = None
    if listeners.ocr_progress is not None:
        report_ocr = listeners.ocr_progress

        def on_ocr_page(index: int, done: int, total: int) -> None:
            report_ocr(files[index], done, total)

    if listeners.started is not None:
        report_start = listeners.started

        def on_start(index: int) -> None:
            report_start(files[index])

    return Listeners(ocr_page=on_ocr_page, started=on_start, waiting=listeners.heartbeat)


class _CacheWriter:
    """Stores reports in the cache until the first write fails, then gives the cache up."""

    def __init__(self, cache: ReportCache | None) -> None:
        self.cache = cache
        self.warning: str | None = None
        if cache is not None:
            cache.prune()

    def put(self, report: Report) -> None:
        if self.cache is None:
            return
        try:
            self.cache.put(report)
        except OSError as exc:
            reason = exc.strerror or exc
            self.warning = f"cannot write the cache in {self.cache.folder} ({reason}): going on without it"
            log.debug("%s", self.warning)  # the caller shows the warning once, with the summary
            self.cache = None
