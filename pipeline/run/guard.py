"""The guard a process works under when it opens a user's file: a memory limit, death with its
parent, and (for :class:`GuardedWorker`) a time limit and answers as plain bytes.

The digitizing workers (:mod:`pipeline.run.workers`) and the audit report's crop worker both run
under it, so nothing that opens a source document runs in the main process without limits.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import Any

from pipeline.model.defaults import format_size

# How often a worker checks that its coordinator is still there.
_WATCHDOG_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# The most bytes one part of a guarded answer may have: more is not an answer of ours.
MAX_PART_BYTES = 256 * 1024 * 1024


def process_context() -> BaseContext:
    # Forking shares the already imported code and loaded pipelines with the workers, which start
    # in milliseconds; where fork is not available, spawn works the same, only slower to start.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def memory_limit_text(max_memory: int | None) -> str:
    return "the memory available" if max_memory is None else f"--max-memory {format_size(max_memory)}"


def limit_address_space(max_memory: int) -> None:
    """Let this process's address space grow by at most ``max_memory`` bytes from here.

    The limit is counted from what the process has at its start (a worker inherits the
    coordinator's memory, which depends on how kompass was called), so every document gets the
    same room.
    """
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + max_memory
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 where the system does not tell)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def die_with_parent(parent: int) -> None:
    """End this process when its parent ``parent`` ends, even when it is killed (SIGKILL).

    On Linux the kernel sends SIGKILL on the parent's death (``PR_SET_PDEATHSIG``); a watchdog
    thread that notices a new parent covers the moment before that is set, and other systems.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def enter_worker(parent: int, max_memory: int | None) -> None:
    """What a worker process does first: it leaves Ctrl-C to its coordinator (every process of the
    terminal's group gets it; the coordinator stops the workers, with no traceback of their own),
    ends with it (``parent``) and keeps its address space within ``max_memory`` bytes more."""
    # First thing: a Ctrl-C while the watchdog thread starts would otherwise interrupt it there.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    if max_memory is not None:
        limit_address_space(max_memory)


def start_worker(
    ctx: BaseContext, target: Callable[..., None], *args: object
) -> tuple[multiprocessing.process.BaseProcess, Connection]:
    """A worker process running ``target(its end of the pipe, this process's pid, *args)``, and
    this process's end of the pipe."""
    parent, child = ctx.Pipe()
    process = ctx.Process(target=target, args=(child, os.getpid(), *args), daemon=True)  # type: ignore[attr-defined]
    with _ctrl_c_held():
        process.start()
    child.close()
    return process, parent


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) that comes while a worker is forked, and raise it once the fork is
    done. Python runs its after-fork hooks (logging's among them) in the parent, and an exception
    raised inside one is printed and dropped: a Ctrl-C at that moment was lost, and the run went
    on. The child keeps the holding handler until :func:`enter_worker` ignores Ctrl-C there."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers, and only it receives Python's signals
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if held:
            signal.raise_signal(signal.SIGINT)


def stop_worker(process: multiprocessing.process.BaseProcess, conn: Connection, kill: bool = False) -> None:
    """End a worker of :func:`start_worker`: asked to stop (``None`` sent) and given 5 s to, or
    killed at once when ``kill``; its connection is closed either way."""
    if not kill:
        with contextlib.suppress(OSError):
            conn.send(None)
        process.join(timeout=5)
    if process.is_alive():
        process.kill()
    process.join()
    conn.close()


def requests(conn: Connection) -> Iterator[Any]:
    """What a worker is asked, one request at a time, until it is told to stop (None) or its
    coordinator's end of the pipe is closed."""
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        yield request


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(_WATCHDOG_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


class GuardedError(Exception):
    """A guarded call gave no answer: the reason, as a phrase ("over the time limit: …")."""


# What a guarded worker's function is given (plain data from the coordinator) and gives back.
Serve = Callable[[Any], Sequence[bytes]]


def _serve(conn: Connection, parent: int, serve: Serve, max_memory: int | None) -> None:
    """The worker's loop: a request in, its answer out as a JSON header and raw parts, until told
    to stop (None). The coordinator never unpickles what comes from here."""
    enter_worker(parent, max_memory)
    for request in requests(conn):
        try:
            parts = [bytes(part) for part in serve(request)]
        except MemoryError:
            conn.send_bytes(json.dumps({"error": "memory"}).encode())
            return  # what was allocated may not be given back: the coordinator starts a fresh one
        except GuardedError as exc:
            conn.send_bytes(json.dumps({"error": "failed", "reason": str(exc)}).encode())
            continue
        except Exception as exc:  # anything a damaged document makes a library raise
            conn.send_bytes(json.dumps({"error": "failed", "reason": type(exc).__name__}).encode())
            continue
        conn.send_bytes(json.dumps({"parts": len(parts)}).encode())
        for part in parts:
            conn.send_bytes(part)


class GuardedWorker:
    """A worker process that runs ``serve`` on each request under ``timeout`` (wall seconds per
    request) and ``max_memory`` (bytes its address space may grow by), and answers with bytes.

    A request over a limit, or that takes the worker down, raises :class:`GuardedError`; the
    worker is then killed and a fresh one started for the next request. Use it in a ``with``
    block, so the worker ends with it.
    """

    def __init__(self, serve: Serve, timeout: float | None, max_memory: int | None) -> None:
        self._serve, self.timeout, self.max_memory = serve, timeout, max_memory
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def __enter__(self) -> GuardedWorker:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self.close(kill=kind is not None)  # stopped (Ctrl-C, an error): no waiting for the worker

    def _start(self) -> Connection:
        if self._conn is None:
            self._process, self._conn = start_worker(process_context(), _serve, self._serve, self.max_memory)
        return self._conn

    def close(self, kill: bool = False) -> None:
        """End the worker (at once when ``kill``); the next request starts a new one."""
        conn, process, self._conn, self._process = self._conn, self._process, None, None
        if conn is not None and process is not None:
            stop_worker(process, conn, kill)

    def call(self, request: Any) -> list[bytes]:
        """The parts ``serve(request)`` gave in the worker; :class:`GuardedError` when it gave none
        within the limits."""
        conn = self._start()
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        try:
            conn.send(request)
            header = json.loads(self._receive(conn, deadline))
            if not isinstance(header, dict):
                raise GuardedError("the worker gave no answer")
            if header.get("error") == "memory":
                self.close(kill=True)
                limit = memory_limit_text(self.max_memory)
                raise GuardedError(f"over the memory limit: it needed more than {limit}")
            if header.get("error"):
                raise GuardedError(str(header.get("reason", "it failed")))
            count = header.get("parts")
            if not isinstance(count, int) or count < 0:
                raise GuardedError("the worker gave no answer")
            return [self._receive(conn, deadline) for _ in range(count)]
        except TimeoutError:
            self.close(kill=True)
            seconds = f"{self.timeout:g}"
            raise GuardedError(f"over the time limit: it took longer than --timeout {seconds} s") from None
        except (EOFError, OSError, ValueError):
            process = self._process
            if process is not None:
                process.join(timeout=1)  # gone by itself: its exit code says how
            code = process.exitcode if process is not None else None
            self.close(kill=True)
            raise GuardedError(f"the worker died (exit code {code})") from None

    def _receive(self, conn: Connection, deadline: float | None) -> bytes:
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        if not conn.poll(remaining):
            raise TimeoutError
        return conn.recv_bytes(MAX_PART_BYTES)
