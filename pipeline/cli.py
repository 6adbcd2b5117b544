"""The ``kompass`` command line: parses options, calls the library, renders the result."""

from __future__ import annotations

import logging
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import regex

from pipeline.batch import DEFAULT_TIMEOUT_SECONDS, BatchResult, collect_inputs, digitize_batch, worker_count
from pipeline.cache import CACHE_FOLDER, ReportCache
from pipeline.process import display_path
from pipeline.records import Report
from pipeline.tables import build_tables
from pipeline.workers import DEFAULT_MAX_MEMORY, MIN_MAX_MEMORY, format_bytes
from pipeline.writers import FORMATS, output_lock, write_tables

EXIT_OK, EXIT_STRICT_ERRORS = 0, 1
_BUSY = "another kompass run is writing to {out}: waiting for it to finish"
_SIZE = regex.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)\s*")
_UNITS = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


class Seconds(click.ParamType):
    """A number of seconds, 0 or more and finite: ``nan`` and ``inf`` are refused."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(seconds) or seconds < 0:
            self.fail(f"{value!r} is not a finite number of seconds, 0 or more (0: no limit)", param, ctx)
        return seconds


class ByteSize(click.ParamType):
    """A size in bytes, written ``2GiB``, ``1500M`` or ``2147483648`` (K, M, G, T are powers of 1024)."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.fullmatch(str(value))
        if match is None:
            self.fail(f"{value!r} is not a size such as 2GiB, 1500MiB or 0", param, ctx)
        size = int(float(match[1]) * _UNITS[match[2][:1].lower()])
        if 0 < size < MIN_MAX_MEMORY:
            least = format_bytes(MIN_MAX_MEMORY)
            self.fail(f"{value!r} is too little: a document may need {least}", param, ctx)
        return size



def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command that writes tables shares."""
    command = click.option(
        "--format", "fmt", type=click.Choice(["csv", "parquet", "both"]), default="both", show_default=True,
        help="Which files to write for each table.",
    )(command)  # fmt: skip
    command = click.option(
        "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
        show_default=True, help="Folder the tables are written to (created if missing).",
    )(command)  # fmt: skip
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Log details and show tracebacks of unexpected errors.")
@click.version_option(package_name="kompass")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Digitize Kommunkompassen evaluation reports into validated CSV and Parquet tables.

    \b
    Example:
      kompass run corpus/ --out output/
    """
    ctx.obj = {"debug": debug}
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@output_options
@click.option("--strict", is_flag=True, help="Exit with code 1 when any error-severity issue is found.")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Documents digitized in parallel processes.  [default: all cores]",
)  # fmt: skip
@click.option(
    "--timeout", type=Seconds(), default=DEFAULT_TIMEOUT_SECONDS, show_default=True,
    help="Seconds one document may take before it is stopped and marked failed (0: no limit).",
)  # fmt: skip
@click.option(
    "--max-memory", type=ByteSize(), default=format_bytes(DEFAULT_MAX_MEMORY), show_default=True,
    help="Memory one document may use (e.g. 2GiB, 500MiB); a document that needs more fails (0: no limit).",
)  # fmt: skip
@click.option("--no-cache", is_flag=True, help=f"Digitize every file again, ignoring OUT/{CACHE_FOLDER}.")
@click.pass_context
def run(
    ctx: click.Context,
    inputs: tuple[Path, ...],
    out_dir: Path,
    fmt: str,
    strict: bool,
    workers: int | None,
    timeout: float,
    max_memory: int,
    no_cache: bool,
) -> None:
    """Digitize report files (.txt, .md, .pdf) and folders of them into tables.

    Folders are searched recursively. Each table is written to OUT as CSV and/or Parquet: reports,
    area_scores, year_totals, question_scores, issues, observations, claims, evaluations,
    mentions, and coverage (across the batch). A file that cannot be read gets status "failed" in the
    reports table; the batch goes on.

    \b
    Examples:
      kompass run corpus/ --out output/
      kompass run umea_2007.txt --format csv --strict
    """
    found = collect_inputs(inputs)
    for path, reason in found.skipped:
        click.echo(f"skipped {display_path(path)}: {reason}", err=True)
    if not found.files:
        raise click.ClickException(
            f"no report files found in {', '.join(map(display_path, inputs))} (.txt, .md or .pdf)"
        )
    count, note = worker_count(workers)
    if note:
        click.echo(note, err=True)
    cache = None if no_cache else ReportCache(out_dir / CACHE_FOLDER)
    limits = {"timeout": timeout or None, "max_memory": max_memory or None}
    try:
        with output_lock(out_dir, on_wait=lambda: click.echo(_BUSY.format(out=out_dir), err=True)):
            result = _digitize_with_progress(list(found.files), workers=count, cache=cache, **limits)
            write_tables(build_tables(result.reports), out_dir, FORMATS if fmt == "both" else (fmt,))
    except OSError as exc:
        raise click.ClickException(f"cannot write the tables to {out_dir}: {exc.strerror or exc}") from exc
    if result.cache_warning:
        click.echo(f"warning: {result.cache_warning}", err=True)
    click.echo(_summary(result, out_dir), err=True)
    if strict and result.severities.get("error", 0):
        ctx.exit(EXIT_STRICT_ERRORS)


def _digitize_with_progress(files: list[Path], **options: Any) -> BatchResult:
    if not sys.stderr.isatty():
        return digitize_batch(files, **options)
    failed = 0
    progress_bar: Any = click.progressbar(
        length=len(files), label="Digitizing", file=sys.stderr, show_eta=True, show_pos=True,
        item_show_func=lambda _: f"{failed} failed",
    )  # fmt: skip
    with progress_bar as bar:

        def advance(report: Report) -> None:
            nonlocal failed
            failed += report.status != "ok"
            bar.update(1)

        return digitize_batch(files, progress=advance, **options)


def _summary(result: BatchResult, out_dir: Path) -> str:
    issues = ", ".join(f"{result.severities.get(s, 0)} {s}" for s in ("error", "warning", "info"))
    cached = f" ({result.cached} from the cache)" if result.cached else ""
    return (
        f"{len(result.reports)} documents{cached}: {result.ok} ok, {result.failed} failed; "
        f"issues: {issues}; tables in {out_dir}/"
    )
