"""Digitizing files in parallel worker processes, each document under a time limit.

A document that runs past its time limit, or takes its worker down with it, becomes a failed
report; its worker is replaced and the batch goes on. Results are handed back in any order and
sorted by the caller, so the tables do not depend on the number of workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from pathlib import Path

from pipeline.process import failed_report, process_file, warm_up
from pipeline.records import Report

log = logging.getLogger(__name__)

# How often the coordinator looks at the clock while every worker is busy.
_POLL_SECONDS = 0.5


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _context() -> BaseContext:
    # Forking shares the already imported code and loaded pipelines with the workers, which start
    # in milliseconds; where fork is not available, spawn works the same, only slower to start.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _serve(conn: Connection) -> None:
    """A worker's loop: receive a path, send back its report, until told to stop (None)."""
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        index, path = task
        conn.send((index, process_file(Path(path))))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: tuple[int, Path] | None = None
    started: float = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _start_worker(ctx: BaseContext) -> _Worker:
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_serve, args=(child,), daemon=True)  # type: ignore[attr-defined]
    process.start()
    child.close()
    return _Worker(process, parent)


def run_parallel(
    files: Sequence[Path],
    workers: int,
    timeout: float | None,
    on_report: Callable[[int, Report], None],
) -> None:
    """Digitize ``files`` in ``workers`` processes; call ``on_report(index, report)`` for each."""
    ctx = _context()
    warm_up()
    pending = list(enumerate(files))[::-1]
    pool = [_start_worker(ctx) for _ in range(max(1, min(workers, len(files))))]
    try:
        while pending or any(w.task for w in pool):
            for worker in pool:
                if worker.task is None and pending:
                    worker.task, worker.started = pending.pop(), time.monotonic()
                    worker.conn.send((worker.task[0], str(worker.task[1])))
            busy = {w.conn: w for w in pool if w.task}
            for conn in wait(list(busy), timeout=_POLL_SECONDS):
                worker = busy[conn]  # type: ignore[index]
                assert worker.task is not None
                index, path = worker.task
                try:
                    done_index, report = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join(timeout=5)
                    code = worker.process.exitcode
                    on_report(
                        index, failed_report(path, f"the worker digitizing this file died (exit code {code})")
                    )
                    pool[pool.index(worker)] = _replace(worker, ctx)
                    continue
                worker.task = None
                on_report(done_index, report)
            _enforce_timeout(pool, timeout, ctx, on_report)
    finally:
        for worker in pool:
            worker.stop(kill=worker.task is not None)


def _replace(worker: _Worker, ctx: BaseContext) -> _Worker:
    worker.stop(kill=True)
    return _start_worker(ctx)


def _enforce_timeout(
    pool: list[_Worker], timeout: float | None, ctx: BaseContext, on_report: Callable[[int, Report], None]
) -> None:
    if not timeout:
        return
    now = time.monotonic()
    for position, worker in enumerate(pool):
        if worker.task and now - worker.started > timeout:
            index, path = worker.task
            log.warning("%s: stopped after %g s", path, timeout)
            on_report(index, failed_report(path, f"timed out: digitizing took longer than {timeout:g} s"))
            pool[position] = _replace(worker, ctx)
