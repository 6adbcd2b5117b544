"""The ``kompass`` command line: parses options, calls the library, renders the result.

The library (:mod:`pipeline.api`, and through it spaCy, pyarrow and pdfplumber) is
imported when a command runs, not when this module loads, so ``kompass --help`` answers at once.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.cli_types import ByteSize, Formats, Seconds
from pipeline.model.defaults import (
    CACHE_FOLDER,
    CSV_DIALECTS,
    DEFAULT_MAX_MEMORY,
    DEFAULT_OCR,
    DEFAULT_TIMEOUT_SECONDS,
    FAIL_ON_LEVELS,
    OCR_MODES,
    format_size,
)  # fmt: skip
from pipeline.model.schema import TABLES
from pipeline.model.version import __version__

if TYPE_CHECKING:
    from pipeline.api import RunOptions
    from pipeline.audit import AuditLimits
    from pipeline.model.records import Report
    from pipeline.run.batch import BatchResult, Inputs

EXIT_OK, EXIT_TROUBLE = 0, 1
# Whether this process is the kompass program itself (see command), which ends with its command.
_OWN_PROCESS = False


@contextlib.contextmanager
def _loading_the_library() -> Iterator[None]:
    """The library's first import, with the cyclic garbage collector paused, and what it loaded
    frozen out of the collector's passes afterwards.

    Importing the library (spaCy above all) makes about a million objects that live as long as
    the command and hardly any garbage: the collector's passes over them while they load find
    nothing, and later passes (the run's, its worker processes', which would copy their pages)
    would find nothing either. Measured on a one-report text run: 1.72 against 1.44 CPU s. Only
    the ``kompass`` program does this (:func:`command`, a process of its own that ends with the
    command), on its first import of the library; :func:`main` called in a process that goes on
    (a test, a script) leaves the collector alone."""
    if not _OWN_PROCESS or "pipeline.api" in sys.modules or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()

_BUSY = "another kompass run is writing to {out}: waiting for it to finish"
# How many skipped files and failed files are named on a terminal before "… and N more" (-v: all).
FIRST_FEW = 5
LOG_LEVELS = {
    "debug": logging.DEBUG, "verbose": logging.INFO, "normal": logging.WARNING, "quiet": logging.ERROR,
}  # fmt: skip
# kompass's own loggers follow -q, -v and --debug; the libraries' (matplotlib's font search alone
# was most of a --debug run, PIL, pdfminer, fontTools) show warnings and worse, or only errors with
# -q, unless --debug-libraries. pdfminer warns of every oddity of a PDF: errors only, unless asked.
OWN_LOGGERS = ("pipeline", "extractors")
QUIET_LIBRARIES = {"pdfminer": logging.ERROR}


def _remember_flag(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    # ctx.meta is shared by the group's and the command's contexts: a flag counts wherever it stands.
    if value and param.name:
        ctx.meta[f"kompass.{param.name}"] = True


def verbosity_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--debug, -q and -v, accepted before and after the command name."""
    flags = (
        (("--debug",), "Log details and show tracebacks of unexpected errors."),
        (("-q", "--quiet"), "Print only what explains a non-zero exit."),
        (("-v", "--verbose"), "Name every skipped, partial and failed file; a line per file as it ends."),
        (("--debug-libraries",), "--debug, and the libraries' debug logs (matplotlib, PIL, pdfminer…)."),
    )
    for declarations, help_text in reversed(flags):
        command = click.option(
            *declarations, is_flag=True, expose_value=False, callback=_remember_flag, help=help_text
        )(command)
    return command


def _verbosity(ctx: click.Context) -> str:
    flags = {name: bool(ctx.meta.get(f"kompass.{name}")) for name in ("debug", "verbose", "quiet")}
    flags["debug"] |= _debug_libraries(ctx)  # --debug-libraries is --debug and more
    chosen = [name for name, given in flags.items() if given]
    if "quiet" in chosen and len(chosen) > 1:
        raise click.UsageError(f"-q cannot be combined with --{chosen[0]}")
    return chosen[0] if chosen else "normal"


def _debug_libraries(ctx: click.Context) -> bool:
    return bool(ctx.meta.get("kompass.debug_libraries"))


def _configure_logging(verbosity: str, libraries: bool = False) -> None:
    """kompass's loggers at the level of ``verbosity``; the libraries' at WARNING (ERROR with -q),
    or at DEBUG too when ``libraries`` (--debug-libraries)."""
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    level = LOG_LEVELS[verbosity]
    logging.getLogger().setLevel(level if libraries else max(level, logging.WARNING))
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level)
    for name, quiet in QUIET_LIBRARIES.items():
        logging.getLogger(name).setLevel(logging.NOTSET if libraries else max(level, quiet))


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command that writes tables shares."""
    command = click.option(
        "--format", "fmt", type=Formats(), default="both", show_default=True,
        help="What to write: csv, parquet (a file per table), sqlite (OUT/kompass.sqlite, every table "
        "with its keys), both (csv,parquet) or all, or a list such as csv,sqlite.",
    )(command)  # fmt: skip
    command = click.option(
        "--csv-dialect", type=click.Choice(list(CSV_DIALECTS)), default="standard", show_default=True,
        help="standard: UTF-8, ',' between fields, '.' as decimal mark. excel: for a spreadsheet with "
        "Swedish settings (UTF-8 with BOM, ';' between fields, ',' as decimal mark), and OUT/kompass.xlsx, "
        "the tables as typed cells, which keeps codes such as 0127 as text.",
    )(command)  # fmt: skip
    command = click.option(
        "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
        show_default=True, help="Folder the tables are written to (created if missing).",
    )(command)  # fmt: skip
    return command


def limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--timeout`` and ``--max-memory``: what one document may take, to digitize it and to draw
    the audit report's crops of it."""
    command = click.option(
        "--max-memory", type=ByteSize(), default=format_size(DEFAULT_MAX_MEMORY), show_default=True,
        help="Memory one document may use (e.g. 2GiB, 500MiB); a document that needs more fails, and "
        "a report's crops that need more are left out with a note (0: no limit).",
    )(command)  # fmt: skip
    return click.option(
        "--timeout", type=Seconds(), default=DEFAULT_TIMEOUT_SECONDS, show_default=True,
        help="Seconds one document may take before it is stopped and marked failed, and the drawing "
        "of a report's crops before they are left out with a note (0: no limit).",
    )(command)  # fmt: skip


def _report_limits(timeout: float, max_memory: int) -> AuditLimits:
    from pipeline.audit import AuditLimits

    return AuditLimits(timeout or None, max_memory or None)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@verbosity_options
# The version from pipeline.model.version, not the installed package's metadata: looking that up costs
# more than the rest of `kompass --version` (pyproject.toml reads the same, a test checks).
@click.version_option(version=__version__, prog_name="kompass")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Digitize Kommunkompassen evaluation reports into validated CSV and Parquet tables.

    \b
    Example:
      kompass run corpus/ --out output/
    """
    ctx.obj = {"debug": _verbosity(ctx) == "debug"}
    _configure_logging(_verbosity(ctx), _debug_libraries(ctx))


RUN_HELP = f"""Digitize report files (.txt, .md, .pdf) and folders of them into tables.

Folders are searched recursively. Each table is written to OUT as CSV and/or Parquet, with
datapackage.json describing their columns: {", ".join(t.name for t in TABLES)}. A file that
cannot be read gets status "failed" in the reports table, and the batch goes on; a report read
with content lost (a table, rows, cells or characters missing: see its issues) gets "partial".
With --format all, every table also goes into OUT/kompass.sqlite, with its keys and views.

\b
Examples:
  kompass run corpus/ --out output/
  kompass run umea_2007.txt --format csv --strict
  kompass run corpus/ --format all --review review.csv
"""


@main.command(help=RUN_HELP)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@output_options
@click.option(
    "--fail-on", type=click.Choice(FAIL_ON_LEVELS), default=None,
    help="Exit with code 1 when a file failed (failed), also when a report is partial (partial), also on "
    "any error issue (error), or also on any warning (warning).",
)  # fmt: skip
@click.option("--strict", is_flag=True, help="Same as --fail-on error.")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Documents digitized in parallel processes; a scan's pages are read on the cores left idle.  "
    "[default: all cores]",
)  # fmt: skip
@limit_options
@click.option(
    "--ocr", type=click.Choice(OCR_MODES), default=DEFAULT_OCR, show_default=True,
    help="Which PDF pages are read by OCR (Tesseract): auto, the scanned pages (no visible text layer, "
    "or a page image with a stamp of text); "
    "always, every page; never, none (a scanned PDF then fails).",
)  # fmt: skip
@click.option("--no-cache", is_flag=True, help=f"Digitize every file again, ignoring OUT/{CACHE_FOLDER}.")
@click.option(
    "--no-report", is_flag=True,
    help="Do not write the audit report (OUT/report/ with index.html, a page per report and per "
    "municipality, the crops; OUT/report.html leads to it); an earlier one's files are removed.",
)  # fmt: skip
@click.option(
    "--review", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
    help="An auditor's review file (CSV: issue_id, verdict, note, reviewer): its verdicts are joined "
    "into the issues table, and findings it does not name are marked new.",
)  # fmt: skip
@verbosity_options
@click.pass_context
def run(
    ctx: click.Context,
    inputs: tuple[Path, ...],
    out_dir: Path,
    fmt: tuple[str, ...],
    csv_dialect: str,
    fail_on: str | None,
    strict: bool,
    workers: int | None,
    timeout: float,
    max_memory: int,
    ocr: str,
    no_cache: bool,
    no_report: bool,
    review: Path | None,
) -> None:
    """Digitize report files into tables (the help text is :data:`RUN_HELP`)."""
    with _loading_the_library():
        from pipeline.api import ReportNotWrittenError, RunOptions, collect_inputs
    from pipeline.ingest import display_path
    from pipeline.model.errors import NoReportFilesError
    from pipeline.run.batch import worker_count
    from pipeline.tables.review import ReviewFileError
    from pipeline.tables.spill import TemporaryFolderError
    from pipeline.tables.writers import UnsafeOutputError

    shown = _start(ctx)
    found = collect_inputs(inputs)
    skipped = [f"skipped {display_path(path)}: {reason}" for path, reason in found.skipped]
    _echo_first_few(skipped, shown, "skipped")
    count, note = worker_count(workers)
    _echo_first_few([note] if note else [], shown, "notes")
    options = RunOptions(
        workers=count, timeout=timeout, max_memory=max_memory or None,
        cache_dir=None if no_cache else out_dir / CACHE_FOLDER, ocr=ocr,
    )  # fmt: skip
    busy = [_BUSY.format(out=out_dir)]
    try:
        result = _digitize_with_progress(
            found, out_dir, options, _verbosity(ctx), on_wait=lambda: _echo_first_few(busy, shown, "notes"),
            formats=fmt, csv_dialect=csv_dialect, review=review, report=not no_report,
            recorded=_recorded_options(ctx),
        )  # fmt: skip
    except (
        NoReportFilesError, ReviewFileError, UnsafeOutputError, TemporaryFolderError, ReportNotWrittenError
    ) as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot write the tables to {out_dir}: {exc.strerror or exc}") from exc
    _finish(ctx, result, out_dir, shown, fail_on or ("error" if strict else None))


def _start(ctx: click.Context) -> int | None:
    """Set up logging for -q, -v or --debug; return how many skipped or failed files to name
    (None: all, 0: none)."""
    verbosity = _verbosity(ctx)
    ctx.obj["debug"] = verbosity == "debug"
    _configure_logging(verbosity, _debug_libraries(ctx))
    _exit_cleanly_on_sigterm(ctx)
    return None if verbosity in ("verbose", "debug") else 0 if verbosity == "quiet" else FIRST_FEW


def _finish(
    ctx: click.Context, result: BatchResult, out_dir: Path, shown: int | None, fail_on: str | None
) -> None:
    """The summary and the failed files on stderr, then exit 1 if the batch counts as failed."""
    from pipeline.run.outcome import trouble

    if shown != 0:
        if result.cache_warning:
            click.echo(f"warning: {result.cache_warning}", err=True)
        click.echo(_summary(result, out_dir), err=True)
        failed = [f"failed {r.source_file}: {r.error}" for r in result.reports if r.status == "failed"]
        _echo_first_few(failed, shown, "failed")
        partial = [f"partial {r.source_file}: {_lost(r)}" for r in result.reports if r.status == "partial"]
        _echo_first_few(partial, shown, "partial")
    reason = trouble(result.reports, result.severities, fail_on)
    if reason:
        click.echo(f"Error: {reason}", err=True)
        ctx.exit(EXIT_TROUBLE)


def _lost(report: Report) -> str:
    """What a partial report lost, as its content-loss rules and how often each fired."""
    from collections import Counter

    from pipeline.validation import lost_content

    rules = Counter(finding.rule for finding in lost_content(report.extraction.findings))
    return "content lost: " + ", ".join(f"{rule} ×{n}" if n > 1 else rule for rule, n in rules.items())


@main.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@limit_options
@verbosity_options
@click.pass_context
def report(ctx: click.Context, out_dir: Path, timeout: float, max_memory: int) -> None:
    """Rebuild the audit report (OUT_DIR/report/index.html and its pages, and OUT_DIR/report.html
    leading to it) from the tables kompass wrote there.

    Page crops need the PDFs where they were read (reports.source_file, unchanged); without them
    the report shows the printed lines as text.

    \b
    Example:
      kompass report output/
    """
    from pipeline.audit import NotAnOutputFolderError, write_report
    from pipeline.tables.writers import UnsafeOutputError, output_lock

    _configure_logging(_verbosity(ctx), _debug_libraries(ctx))
    shown = 0 if _verbosity(ctx) == "quiet" else None
    waiting = _BUSY.format(out=out_dir)
    try:
        # A reader's lock: never a report from a folder a run is writing into.
        with output_lock(out_dir, shared=True, on_wait=lambda: _echo_first_few([waiting], shown, "notes")):
            path = write_report(out_dir, limits=_report_limits(timeout, max_memory))
    except (NotAnOutputFolderError, UnsafeOutputError) as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot write the report to {out_dir}: {exc.strerror or exc}") from exc
    if _verbosity(ctx) != "quiet":
        click.echo(f"report in {path}", err=True)


def _exit_cleanly_on_sigterm(ctx: click.Context) -> None:
    """Make SIGTERM end the run like Ctrl-C does: the workers are stopped and half-written files
    removed on the way out (the exit code is 143, as for a process killed by SIGTERM). The handler
    before is back when the command ends."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, stop)
        ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, previous))


def _recorded_options(ctx: click.Context) -> dict[str, Any]:
    """The options of this run for the manifest (the inputs are in ``reports``, the formats and
    the CSV dialect recorded by the writer)."""
    left_out = {"inputs", "out_dir", "fmt", "csv_dialect", "review"}
    return {name: value for name, value in ctx.params.items() if name not in left_out}


def _echo_first_few(lines: list[str], limit: int | None, what: str) -> None:
    """The first ``limit`` of ``lines`` (all when None), then how many more there are."""
    for line in lines[:limit]:
        click.echo(line, err=True)
    if limit and len(lines) > limit:
        click.echo(f"… and {len(lines) - limit} more {what} (-v names them all)", err=True)


def _digitize_with_progress(
    found: Inputs, out_dir: Path, options: RunOptions, verbosity: str, **writing: Any
) -> BatchResult:
    """:func:`pipeline.api.digitize_into` with the progress :mod:`pipeline.cli_progress` shows: a
    bar on a terminal, a plain line now and then elsewhere, a line per file with -v; nothing
    with -q."""
    import pipeline.cli_progress as cli_progress
    from pipeline.api import BatchListeners, digitize_into

    if verbosity == "quiet" or not found.files:
        return digitize_into(found, out_dir, options, **writing)
    terminal = sys.stderr.isatty()
    progress = cli_progress.BatchProgress(
        len(found.files), sys.stderr, bar=terminal,
        plain_every=None if terminal else cli_progress.PLAIN_EVERY_SECONDS,
        per_file=verbosity in ("verbose", "debug"),
    )  # fmt: skip
    listeners = BatchListeners(
        progress=progress.finished, ocr_progress=progress.ocr_page, started=progress.started,
        heartbeat=progress.heartbeat,
    )  # fmt: skip
    with progress:
        return digitize_into(found, out_dir, options, listeners=listeners, **writing)


def _summary(result: BatchResult, out_dir: Path) -> str:
    from pipeline.model.records import Severity

    issues = ", ".join(f"{result.severities.get(s, 0)} {s}" for s in Severity)
    cached = f" ({result.cached} from the cache)" if result.cached else ""
    return (
        f"{len(result.reports)} documents{cached}: {result.ok} ok, {result.partial} partial, "
        f"{result.failed} failed; "
        f"issues: {issues}; tables in {out_dir}/"
    )


def command() -> None:
    """The ``kompass`` program (and ``python -m pipeline``): :func:`main` in a process of its own."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    main(prog_name="kompass")
