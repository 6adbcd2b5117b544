"""The audit report: ``report.html``, one self-contained file beside the tables that opens offline.

It shows the batch at a glance, every report with its tables as printed and every finding with its
evidence (the printed line, and for PDF input a crop of the page with the value highlighted), and a
chart per municipality. Everything from a document is escaped by Jinja2's autoescaping; the page
loads nothing from elsewhere (its Content-Security-Policy forbids it).

    >>> from pipeline.report import write_report
    >>> write_report(Path("output"))            # what `kompass report output/` does
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.model.numbers import format_number
from pipeline.report.tables_in import NotAnOutputFolderError, check_files, read_package, read_tables

__all__ = ["REPORT_FILE", "NotAnOutputFolderError", "render_report", "write_report"]

REPORT_FILE = "report.html"


def _num(value: Any) -> str:
    return "" if value is None or pd.isna(value) else format_number(float(value)) or ""


def render_report(tables: dict[str, pd.DataFrame], package: dict[str, Any]) -> str:
    """The HTML of the report of a batch's ``tables`` (as written) and its ``datapackage.json``."""
    import jinja2

    from pipeline.report.build import municipality_charts, overview, report_views

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,  # a report's text is untrusted: every value is escaped unless marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    environment.filters["num"] = _num
    manifest = package.get("kompass", {})
    return environment.get_template("report.html.j2").render(
        created=package.get("created", ""),
        version=manifest.get("version", ""),
        overview=overview(tables),
        reports=list(report_views(tables)),
        municipalities=municipality_charts(tables),
    )


def write_report(out_dir: Path, tables: dict[str, pd.DataFrame] | None = None) -> Path:
    """Write ``OUT/report.html`` from the tables of ``out_dir`` (read back unless given) and its
    ``datapackage.json``; return its path. Raises :class:`NotAnOutputFolderError` for a folder
    without a run, :class:`~pipeline.tables.writers.UnsafeOutputError` for one that is a link."""
    from pipeline.tables.writers import check_output_folder, write_bytes_atomically

    check_output_folder(out_dir)
    package = read_package(out_dir)
    if tables is None:
        check_files(out_dir, package)
    html = render_report(tables if tables is not None else read_tables(out_dir, package), package)
    path = out_dir / REPORT_FILE
    write_bytes_atomically(path, html.encode("utf-8"))
    return path
