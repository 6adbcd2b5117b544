"""The audit report: the folder ``OUT/report/`` beside the tables, pages that open offline.

``report/index.html`` shows the batch at a glance and a triage table of its reports (status,
edition, findings by severity and review) that filters by status, severity, rule and review;
``report/reports/<report_id>.html`` shows a report with its tables as printed and every finding
with its evidence (the printed line, and for PDF input a crop of the page with the value
highlighted, a PNG in ``report/crops/<report_id>/``); ``report/municipalities/<code>.html`` a
municipality's chart. ``OUT/report.html`` is a small page that leads to the index.

Everything from a document is escaped by Jinja2's autoescaping; file names come from report ids
and municipality codes only (:func:`~pipeline.model.identity.file_stem`). The pages load nothing
from elsewhere: their Content-Security-Policy allows images from the folder and the one filter
script, by its hash.

    >>> from pipeline.audit import write_report
    >>> write_report(Path("output"))            # what `kompass report output/` does
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.audit.tables_in import NotAnOutputFolderError, check_files, read_package, read_tables
from pipeline.model.defaults import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT_SECONDS
from pipeline.model.numbers import format_number
from pipeline.tables.chunks import TableData, whole_chunk

__all__ = [
    "AUDIT_FILE",
    "AUDIT_FOLDER",
    "AuditLimits",
    "NotAnOutputFolderError",
    "remove_report",
    "render_audit",
    "write_report",
]  # fmt: skip

AUDIT_FILE = "report.html"  # the page that leads to the folder's index
AUDIT_FOLDER = "report"
INDEX = "index.html"


@dataclass(frozen=True)
class AuditLimits:
    """What the report may take (``None``: no limit): ``timeout`` seconds of wall time and
    ``max_memory`` bytes of address space for one report's crops, drawn in a worker; a table file
    is read when it is under a quarter of ``max_memory`` and its cells fit in it
    (:mod:`pipeline.audit.tables_in`). ``kompass run`` gives its ``--timeout`` and
    ``--max-memory``."""

    timeout: float | None = DEFAULT_TIMEOUT_SECONDS
    max_memory: int | None = DEFAULT_MAX_MEMORY


def _num(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_number(float(value)) or ""


def _environment() -> Any:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.audit", "templates"),
        autoescape=True,  # a report's text is untrusted: every value is escaped unless marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    environment.filters["num"] = _num
    script = resources.files("pipeline.audit").joinpath("templates/filter.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    # The filter script is allowed by its hash: no other script can run, whatever a page holds.
    environment.globals.update(script=script, script_hash=f"sha256-{digest}")
    return environment


def render_audit(
    tables: Mapping[str, TableData], package: dict[str, Any], limits: AuditLimits = AuditLimits()
) -> Iterator[tuple[str, bytes]]:
    """The files of the report folder of a batch's ``tables`` (as written: chunks of rows, as
    :func:`~pipeline.audit.tables_in.read_tables` gives them, or DataFrames) and its
    ``datapackage.json``, as (name relative to the folder, content), one report at a time and
    the index last. Each report's crops are drawn in a worker under ``limits``."""
    from pipeline.audit.build import SEVERITIES, municipality_charts, overview, report_views, triage
    from pipeline.audit.crops import CropDrawer

    tables = {name: whole_chunk(name, data) for name, data in tables.items()}
    environment = _environment()
    environment.globals["severities"] = SEVERITIES
    municipalities = municipality_charts(tables)
    pages = {m["code"]: m["page"] for m in municipalities}
    page = environment.get_template("report_page.html.j2")
    manifest = package.get("kompass", {})
    with CropDrawer(limits.timeout, limits.max_memory) as drawer:
        for view in report_views(tables, drawer, _run_folder(manifest)):
            yield from view.files
            rules = sorted({f.row["rule"] for f in view.findings})
            municipality_page = pages.get(view.meta["municipality_code"])
            html = page.render(r=view, rules=rules, municipality_page=municipality_page)
            yield view.page, html.encode("utf-8")
    chart = environment.get_template("municipality.html.j2")
    for municipality in municipalities:
        yield municipality["page"], chart.render(m=municipality).encode("utf-8")
    index = environment.get_template("index.html.j2").render(
        created=package.get("created", ""),
        version=manifest.get("version", ""),
        overview=overview(tables),
        triage=triage(tables),
        rules=sorted({rule for rule in tables["issues"].column("rule") if rule is not None}),
        municipalities=municipalities,
    )
    yield INDEX, index.encode("utf-8")


def _run_folder(manifest: Any) -> Path | None:
    """The folder the run was started in (relative source paths are relative to it), if known."""
    folder = manifest.get("folder") if isinstance(manifest, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else None


def write_report(
    out_dir: str | os.PathLike[str], tables: Mapping[str, TableData] | None = None,
    limits: AuditLimits = AuditLimits(),
) -> Path:  # fmt: skip
    """Write the audit report into ``OUT/report/`` from the tables of ``out_dir`` (read back unless
    given) and its ``datapackage.json``, and ``OUT/report.html`` leading to it, each report's crops
    drawn in a worker under ``limits``; return the path of
    ``report/index.html``. Files of an earlier report there that this one does not write are
    removed (only those kompass wrote). Raises :class:`NotAnOutputFolderError` for a folder
    without a run, :class:`~pipeline.tables.writers.UnsafeOutputError` for one that is a link."""
    from pipeline.tables.writers import check_output_folder, write_bytes_atomically, write_file_folder

    out_dir = Path(out_dir)
    check_output_folder(out_dir)
    package = read_package(out_dir, limits.max_memory)
    if tables is None:
        check_files(out_dir, package)
        tables = read_tables(out_dir, package, limits.max_memory)
    files = render_audit(tables, package, limits)
    write_file_folder(out_dir / AUDIT_FOLDER, files)
    landing = _environment().get_template("landing.html.j2").render(index=f"{AUDIT_FOLDER}/{INDEX}")
    write_bytes_atomically(out_dir / AUDIT_FILE, landing.encode("utf-8"))
    return out_dir / AUDIT_FOLDER / INDEX


def remove_report(out_dir: str | os.PathLike[str]) -> None:
    """Remove the audit report of an earlier run from ``out_dir``: ``report.html`` and the files
    kompass wrote into ``report/`` (nothing else there, and never through a symbolic link)."""
    from pipeline.tables.writers import remove_file, remove_file_folder

    out_dir = Path(out_dir)
    if (out_dir / AUDIT_FILE).is_file():
        remove_file(out_dir / AUDIT_FILE)
    remove_file_folder(out_dir / AUDIT_FOLDER)
