"""The ``kompass`` command line: parses options, calls the library, renders the result.

The library (:mod:`pipeline.api`, and through it pandas, pyarrow, pdfplumber and spaCy) is
imported when a command runs, not when this module loads, so ``kompass --help`` answers at once.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.defaults import CACHE_FOLDER, DEFAULT_TIMEOUT_SECONDS, FORMATS
from pipeline.schema import TABLES

if TYPE_CHECKING:
    from pipeline.api import Result
    from pipeline.batch import Inputs
    from pipeline.records import Report

EXIT_OK, EXIT_STRICT_ERRORS = 0, 1


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


RUN_HELP = f"""Digitize report files (.txt, .md, .pdf) and folders of them into tables.

Folders are searched recursively. Each table is written to OUT as CSV and/or Parquet, with
datapackage.json describing their columns: {", ".join(t.name for t in TABLES)}. A file that
cannot be read gets status "failed" in the reports table; the batch goes on.

\b
Examples:
  kompass run corpus/ --out output/
  kompass run umea_2007.txt --format csv --strict
"""


@main.command(help=RUN_HELP)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@output_options
@click.option("--strict", is_flag=True, help="Exit with code 1 when any error-severity issue is found.")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Documents digitized in parallel processes.  [default: all cores]",
)  # fmt: skip
@click.option(
    "--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_SECONDS, show_default=True,
    help="Seconds one document may take before it is stopped and marked failed (0: no limit).",
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
    no_cache: bool,
) -> None:
    """Digitize report files into tables (the help text is :data:`RUN_HELP`)."""
    from pipeline.api import collect_inputs
    from pipeline.errors import NoReportFilesError

    found = collect_inputs(inputs)
    for path, reason in found.skipped:
        click.echo(f"skipped {path}: {reason}", err=True)
    cache_dir = None if no_cache else out_dir / CACHE_FOLDER
    try:
        result = _digitize_with_progress(found, workers=workers, timeout=timeout, cache_dir=cache_dir)
    except NoReportFilesError as exc:
        raise click.ClickException(str(exc)) from exc
    formats = FORMATS if fmt == "both" else (fmt,)
    try:
        result.write(out_dir, formats)
    except OSError as exc:
        raise click.ClickException(f"cannot write the tables to {out_dir}: {exc.strerror or exc}") from exc
    click.echo(_summary(result, out_dir), err=True)
    if strict and result.severities.get("error", 0):
        ctx.exit(EXIT_STRICT_ERRORS)


def _digitize_with_progress(found: Inputs, **options: Any) -> Result:
    from pipeline.api import digitize

    if not sys.stderr.isatty() or not found.files:
        return digitize(found, **options)
    failed = 0
    progress_bar: Any = click.progressbar(
        length=len(found.files), label="Digitizing", file=sys.stderr, show_eta=True, show_pos=True,
        item_show_func=lambda _: f"{failed} failed",
    )  # fmt: skip
    with progress_bar as bar:

        def advance(report: Report) -> None:
            nonlocal failed
            failed += report.status != "ok"
            bar.update(1)

        return digitize(found, progress=advance, **options)


def _summary(result: Result, out_dir: Path) -> str:
    issues = ", ".join(f"{result.severities.get(s, 0)} {s}" for s in ("error", "warning", "info"))
    cached = f" ({result.cached} from the cache)" if result.cached else ""
    return (
        f"{len(result.reports)} documents{cached}: {result.ok} ok, {result.failed} failed; "
        f"issues: {issues}; tables in {out_dir}/"
    )
