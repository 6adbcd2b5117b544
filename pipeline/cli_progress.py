"""What ``kompass run`` shows on standard error while a batch runs.

- On a terminal, one line redrawn in place (click's progress bar): files done of all, failed and
  partial so far, the time left, and the page OCR is at in each scan being read.
- Not on a terminal (a pipe, a file, a CI log), a plain line every :data:`PLAIN_EVERY_SECONDS`:
  files done of all, failed and partial so far, and each file being read, for how long and at
  which OCR page. A run shorter than that prints none.
- With ``-v``, in both, one line per file as it ends: status, pages, findings, seconds.

The batch calls the methods of :class:`BatchProgress` from the coordinating process only (the
workers' OCR pages come to it by message), so nothing here is shared between threads.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from pipeline.ingest import display_path
from pipeline.validation import lost_content

if TYPE_CHECKING:
    from pipeline.model.records import Report

# How often a plain progress line is printed when standard error is not a terminal.
PLAIN_EVERY_SECONDS = 10.0
# Clears the terminal line the bar stands on, so that a -v line can be printed in its place.
_CLEAR_LINE = "\r\x1b[K"


class BatchProgress:
    """The progress of a batch of ``total`` files, shown on ``stream`` as the module describes.

    ``bar``: draw the bar (on a terminal); ``plain_every``: seconds between plain lines (None:
    none); ``per_file``: a line per file as it ends (``-v``). ``clock`` gives seconds (tests pass
    a fake one).
    """

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        bar: bool,
        plain_every: float | None,
        per_file: bool,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total, self.stream, self.clock = total, stream, clock
        self.plain_every, self.per_file = plain_every, per_file
        self.done = self.failed = self.partial = 0
        self.begun = self.last_line = clock()
        # The files being digitized, with when they started; those OCR is reading, at which page.
        self.reading: dict[str, float] = {}
        self.pages: dict[str, tuple[int, int]] = {}
        self.bar: Any = None
        if bar:
            self.bar = click.progressbar(
                length=total, label="Digitizing", file=stream, show_eta=True, show_pos=True,
                item_show_func=lambda _: self.status(),
            )  # fmt: skip

    def __enter__(self) -> BatchProgress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def started(self, path: Path) -> None:
        """A worker started on ``path``."""
        self.reading[display_path(path)] = self.clock()

    def ocr_page(self, path: Path, done: int, total: int) -> None:
        """OCR has read ``done`` of the ``total`` pages it reads of ``path``."""
        self.pages[display_path(path)] = (done, total)
        if self.bar is not None:
            # update(0) would not redraw (click draws only after a whole step): the status changed.
            self.bar.render_progress()

    def finished(self, report: Report) -> None:
        """``report`` is done: count it, and with ``-v`` say how it went."""
        began = self.reading.pop(report.source_file, None)
        self.pages.pop(report.source_file, None)
        self.done += 1
        self.failed += report.status == "failed"
        self.partial += report.status == "partial"
        if self.per_file:
            seconds = self.clock() - began if began is not None else None
            prefix = _CLEAR_LINE if self.bar is not None else ""
            click.echo(prefix + file_line(report, seconds), file=self.stream)
        if self.bar is not None:
            self.bar.update(1)

    def heartbeat(self) -> None:
        """Print the plain line when it is due (only when not drawing the bar)."""
        if self.plain_every is None:
            return
        now = self.clock()
        if now - self.last_line >= self.plain_every:
            self.last_line = now
            click.echo(self.plain_line(now), file=self.stream)

    def status(self) -> str:
        """The bar's text after the count: failed and partial so far, the OCR pages."""
        pages = "; ".join(
            f"OCR {Path(name).name} page {done}/{total}" for name, (done, total) in self.pages.items()
        )
        return f"{self.failed} failed, {self.partial} partial" + (f"; {pages}" if pages else "")

    def plain_line(self, now: float) -> str:
        """The progress as one line for a log: counts, elapsed time, what is being read."""
        line = (
            f"progress: {self.done}/{self.total} files done, {self.failed} failed, {self.partial} partial, "
            f"{_duration(now - self.begun)}"
        )
        reading = [self._reading_text(name, began, now) for name, began in self.reading.items()]
        return line + (f"; reading {', '.join(reading)}" if reading else "")

    def _reading_text(self, name: str, began: float, now: float) -> str:
        page = self.pages.get(name)
        ocr = f", OCR page {page[0]}/{page[1]}" if page else ""
        return f"{name} ({_duration(now - began)}{ocr})"


def file_line(report: Report, seconds: float | None) -> str:
    """One file as it ended, for ``-v``: status, name, pages, findings, seconds (and why it failed)."""
    name = report.source_file
    took = f"{seconds:.1f} s" if seconds is not None else "time unknown"
    if report.status == "failed":
        return f"failed  {name}: {took}: {report.error}"
    findings = report.extraction.findings
    lost = len(lost_content(findings))
    pages = _count(report.pages, "page") if report.pages is not None else "text"
    counted = _count(len(findings), "finding") + (f" ({lost} of lost content)" if lost else "")
    return f"{report.status:<7} {name}: {pages}, {counted}, {took}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _duration(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}m{whole % 60:02d}s" if whole >= 60 else f"{whole}s"
