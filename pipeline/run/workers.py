"""Digitizing files in parallel worker processes, each document under a time limit.

A document that runs past its time limit, or takes its worker down with it, becomes a failed
report; its worker is replaced and the batch goes on. Results are handed back in any order and
sorted by the caller, so the tables do not depend on the number of workers.

Each worker reads one document at a time. A scanned document may borrow the cores the run leaves
idle (a lone report, the last reports of a batch: no document is waiting for a worker) to read
several of its pages at once; the coordinator lends them one at a time and counts what each
worker holds, so a worker that ends or is stopped gives them back with it.

Each worker keeps its temporary files (the page images of the Tesseract program among them) in a
folder of its own that the coordinator made for it and removes when the worker has ended, also
when it was killed in the middle of a document; the folders of a coordinator that was itself
killed are removed by the next run. The programs a worker starts die with it (see
:mod:`pipeline.ingest.pdf.tesseract_process`), and so does the Tesseract it loads as a library
(:mod:`pipeline.ingest.pdf.tesseract_library`), which is part of its process.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.ingest import IngestError, display_path, read_bytes
from pipeline.model.defaults import DEFAULT_MAX_MEMORY, DEFAULT_OCR, DEFAULT_TIMEOUT_SECONDS
from pipeline.model.records import Report
from pipeline.run.cache import ReportCache
from pipeline.run.guard import (
    enter_worker,
    memory_limit_text,
    process_context,
    requests,
    start_worker,
    stop_worker,
)
from pipeline.run.process import failed_report, process_data, warm_up
from pipeline.tables.spill import in_temporary_folder

if TYPE_CHECKING:
    from pipeline.ingest.pdf import PageProgress, PageSlots

log = logging.getLogger(__name__)

# How often the coordinator looks at the clock while every worker is busy.
_POLL_SECONDS = 0.5
# A worker's temporary folder: kompass-worker-<the coordinator's pid>-<random>.
SCRATCH_PREFIX = "kompass-worker-"

OnReport = Callable[[int, Report, bool], None]
# Called with a file's index, the pages OCR has read and the pages it is to read.
OnOcrPage = Callable[[int, int, int], None]


@dataclass(frozen=True)
class Listeners:
    """Who hears how a batch goes besides ``on_report``, all called in the coordinator:
    ``ocr_page(index, done, total)`` after each page OCR read of file ``index``, ``started(index)``
    when a worker is given file ``index``, and ``waiting()`` each time the coordinator has waited
    for its workers (at least every ``_POLL_SECONDS``: to redraw progress while nothing ends)."""

    ocr_page: OnOcrPage | None = None
    started: Callable[[int], None] | None = None
    waiting: Callable[[], None] | None = None


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Limits:
    """What one document may use: seconds of wall time and bytes of address space.

    ``None`` is no limit. A file larger than a quarter of ``max_memory`` is not read at all: its
    bytes, the parsed document and the PDF library's objects would not fit.
    """

    timeout: float | None = DEFAULT_TIMEOUT_SECONDS
    max_memory: int | None = DEFAULT_MAX_MEMORY
    # Not a limit but how the document is read: the OCR mode (see pipeline.model.defaults.OCR_MODES).
    ocr: str = DEFAULT_OCR

    @property
    def max_file_bytes(self) -> int | None:
        return None if self.max_memory is None else self.max_memory // 4


@dataclass(frozen=True)
class _OcrPage:
    """A worker's message that OCR has read ``done`` of the ``total`` pages of task ``index``."""

    index: int
    done: int
    total: int


@dataclass(frozen=True)
class _Borrow:
    """A worker's message that its document could use one more core; answered True or False."""


@dataclass(frozen=True)
class _GiveBack:
    """A worker's message that its document gives back one core it borrowed."""


class _LentCores:
    """In a worker: the idle cores of the run, asked of the coordinator (see :class:`PageSlots`).
    Called only from the thread that talks to the coordinator."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def borrow(self) -> bool:
        self._conn.send(_Borrow())
        return bool(self._conn.recv())

    def give_back(self) -> None:
        self._conn.send(_GiveBack())


def _digitize(
    path: Path, limits: Limits, cache: ReportCache | None, on_ocr_page: PageProgress,
    page_slots: PageSlots | None,
) -> tuple[Report, bool]:  # fmt: skip
    """The report of one file and whether it came from the cache; everything under the limits."""
    try:
        data = read_bytes(path, limits.max_file_bytes)
    except IngestError as exc:
        return failed_report(path, str(exc)), False
    sha256 = hashlib.sha256(data).hexdigest()
    cached = cache.get(sha256, display_path(path)) if cache else None
    if cached is not None:
        return cached, True
    return process_data(path, data, limits.ocr, on_ocr_page, page_slots), False


def _serve(
    conn: Connection, parent: int, limits: Limits, cache: ReportCache | None, scratch: str, lend: bool
) -> None:
    """A worker's loop: receive a path, send back its report, until told to stop (None).

    Its temporary files go into ``scratch``, which the coordinator removes after it. With
    ``lend``, a scanned document asks the coordinator for idle cores to read more pages at once.

    A document that runs out of memory gets a failed report, and the worker then ends (the
    coordinator starts a fresh one), since what the document allocated may not be given back.
    """
    enter_worker(parent, limits.max_memory)
    tempfile.tempdir = scratch
    page_slots = _LentCores(conn) if lend else None
    for index, path in requests(conn):

        def on_ocr_page(done: int, total: int, index: int = index) -> None:
            conn.send(_OcrPage(index, done, total))

        try:
            report, cached = _digitize(path, limits, cache, on_ocr_page, page_slots)
        except MemoryError:
            limit = memory_limit_text(limits.max_memory)
            message = f"over the memory limit: digitizing needed more than {limit}"
            conn.send((index, failed_report(path, message), False, True))
            return
        conn.send((index, report, cached, False))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    scratch: str
    task: tuple[int, Path] | None = None
    started: float = 0.0
    # The cores its document has borrowed besides its own (see _Borrow).
    borrowed: int = 0

    def stop(self, kill: bool = False) -> None:
        stop_worker(self.process, self.conn, kill)
        shutil.rmtree(self.scratch, ignore_errors=True)


@dataclass(frozen=True)
class _Starter:
    """What every worker of a batch is started with."""

    ctx: BaseContext
    limits: Limits
    cache: ReportCache | None
    # Whether a document may borrow idle cores: only where there are more than one.
    lend: bool = False

    def start(self) -> _Worker:
        with in_temporary_folder("a worker's files"):
            scratch = tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")
        process, conn = start_worker(self.ctx, _serve, self.limits, self.cache, scratch, self.lend)
        return _Worker(process, conn, scratch)

    def replace(self, worker: _Worker) -> _Worker:
        worker.stop(kill=True)
        return self.start()


def run_parallel(
    files: Sequence[Path],
    workers: int,
    limits: Limits,
    on_report: OnReport,
    cache: ReportCache | None = None,
    listeners: Listeners = Listeners(),
) -> None:
    """Digitize ``files`` in ``workers`` processes under ``limits``.

    ``on_report(index, report, cached)`` is called for each file, ``cached`` telling whether the
    report came from ``cache`` (looked up in the worker, after it has read and hashed the file);
    ``listeners`` hear of files started, OCR pages read and the waits between. A scanned document
    reads several pages at once on the cores left idle when no file waits for a worker.
    """
    starter = _Starter(process_context(), limits, cache, lend=workers > 1)
    remove_abandoned_scratch()
    warm_up()
    pending = list(enumerate(files))[::-1]
    pool = [starter.start() for _ in range(max(1, min(workers, len(files))))]

    def may_lend() -> bool:
        """Whether a core is idle: no file waits, and fewer cores are busy than ``workers``."""
        return not pending and sum(1 + w.borrowed for w in pool if w.task) < workers

    try:
        while pending or any(w.task for w in pool):
            for worker in pool:
                if worker.task is None and pending:
                    worker.task, worker.started = pending.pop(), time.monotonic()
                    worker.conn.send(worker.task)
                    if listeners.started is not None:
                        listeners.started(worker.task[0])
            busy = {w.conn: w for w in pool if w.task}
            for conn in wait(list(busy), timeout=_POLL_SECONDS):
                worker = busy[conn]  # type: ignore[index]
                pool[pool.index(worker)] = _collect(worker, starter, on_report, listeners.ocr_page, may_lend)
            _enforce_timeout(pool, limits.timeout, starter, on_report)
            if listeners.waiting is not None:
                listeners.waiting()
    finally:
        for worker in pool:
            worker.stop(kill=worker.task is not None)


def remove_abandoned_scratch() -> None:
    """Remove the workers' temporary folders of coordinators that have ended without removing
    them (killed with SIGKILL): folders of this user, named for a process that is not running."""
    folder = Path(tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for entry in folder.glob(f"{SCRATCH_PREFIX}*-*"):
            pid = entry.name.removeprefix(SCRATCH_PREFIX).partition("-")[0]
            if pid.isdigit() and not _running(int(pid)):
                info = entry.lstat()
                if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
                    shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # running, as another user
        return True
    return True


def _collect(
    worker: _Worker, starter: _Starter, on_report: OnReport, on_ocr_page: OnOcrPage | None = None,
    may_lend: Callable[[], bool] = lambda: False,
) -> _Worker:  # fmt: skip
    """Hand on the result (or the OCR progress) a worker has ready, or answer its asking for a
    core (``may_lend()``: whether one is idle); return the worker to use from now on."""
    assert worker.task is not None
    index, path = worker.task
    try:
        message = worker.conn.recv()
        if isinstance(message, _OcrPage):
            if on_ocr_page is not None:
                on_ocr_page(message.index, message.done, message.total)
            return worker
        if isinstance(message, _Borrow):
            lent = may_lend()
            worker.borrowed += lent
            worker.conn.send(lent)
            return worker
        if isinstance(message, _GiveBack):
            worker.borrowed = max(0, worker.borrowed - 1)
            return worker
        done_index, report, cached, spent = message
    except (EOFError, OSError):
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        message = f"the worker digitizing this file died (exit code {code})"
        on_report(index, failed_report(path, message), False)
        return starter.replace(worker)
    worker.task, worker.borrowed = None, 0
    on_report(done_index, report, cached)
    return starter.replace(worker) if spent else worker


def _enforce_timeout(
    pool: list[_Worker], timeout: float | None, starter: _Starter, on_report: OnReport
) -> None:
    if not timeout:
        return
    now = time.monotonic()
    for position, worker in enumerate(pool):
        if worker.task and now - worker.started > timeout:
            index, path = worker.task
            log.warning("%s: stopped after %g s", display_path(path), timeout)
            message = f"over the time limit: digitizing took longer than --timeout {timeout:g} s"
            on_report(index, failed_report(path, message), False)
            pool[position] = starter.replace(worker)
