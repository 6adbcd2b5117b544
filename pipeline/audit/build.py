"""What the audit report shows, gathered from the output tables: the batch overview, each report
with its tables and findings (with page crops for PDF input), and each municipality's chart.

Every value here is plain data; the template (``templates/report.html.j2``) escapes all of it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.audit.charts import Series, chart_svg
from pipeline.audit.crops import CROPPED_SEVERITIES, CropDrawer, CropError, Highlight, parse_boxes
from pipeline.model.identity import file_stem
from pipeline.model.records import Severity
from pipeline.tables.chunks import Chunk

log = logging.getLogger(__name__)
SEVERITIES = tuple(severity.value for severity in Severity)
Row = dict[str, Any]
# The tables as the report reads them back, by name.
Tables = Mapping[str, Chunk]


def review_status(row: Row) -> str:
    """A finding's review: ``reviewed`` (the review file gives a verdict), ``new`` (a review was
    given and does not name it) or ``unreviewed``."""
    if row.get("verdict"):
        return "reviewed"
    return "new" if row.get("is_new") else "unreviewed"


@dataclass(frozen=True)
class CropFile:
    """A crop as the page shows it: its file (relative to the report folder) and size."""

    src: str
    page: int
    width: int
    height: int


@dataclass
class FindingView:
    """One finding as the report shows it."""

    row: Row
    crops: list[CropFile] = field(default_factory=list)
    compared_rows: list[Row] = field(default_factory=list)

    @property
    def review(self) -> str:
        return review_status(self.row)


@dataclass
class ReportView:
    """One report: its metadata, its tables as printed and its findings."""

    meta: Row
    summary_years: list[int]
    summary: list[Row]
    scores: list[Row]
    findings: list[FindingView]
    crops_note: str = ""
    # The crops' PNG files, by name relative to the report folder.
    files: list[tuple[str, bytes]] = field(default_factory=list)

    @property
    def page(self) -> str:
        """The report's page, relative to the report folder."""
        return f"reports/{file_stem(self.meta['report_id'])}.html"


def _rows(rows: Iterable[Row]) -> list[Row]:
    """The rows as new dicts, which a view may add to."""
    return [dict(row) for row in rows]


def _where(rows: Iterable[Row], column: str, value: Any) -> list[Row]:
    return [row for row in rows if row[column] == value]


def _grouped(rows: Iterable[Row], *columns: str) -> dict[Any, list[Row]]:
    """The rows by the value of ``columns`` (one value, or a tuple of them), in order of first
    appearance."""
    groups: dict[Any, list[Row]] = {}
    for row in rows:
        key = row[columns[0]] if len(columns) == 1 else tuple(row[c] for c in columns)
        groups.setdefault(key, []).append(row)
    return groups


def _none_last(value: Any) -> tuple[bool, Any]:
    """A sort key that puts empty values last (as pandas sorts them)."""
    return (value is None, value if value is not None else 0)


def overview(tables: Tables) -> Row:
    """The batch at a glance: documents, failures, editions, findings by rule and severity, coverage."""
    reports, issues, coverage = tables["reports"].rows, tables["issues"].rows, tables["coverage"].rows
    counts = Counter((row["rule"], row["severity"]) for row in issues)
    rules = [
        {"rule": rule, **{s: counts[rule, s] for s in SEVERITIES}}
        for rule in sorted({row["rule"] for row in issues})
    ]
    # The most severe and most frequent rules first.
    rules.sort(key=lambda r: [-r[s] for s in SEVERITIES])
    read = [row for row in reports if row["status"] != "failed"]
    editions = Counter("(none fits)" if row["framework"] is None else row["framework"] for row in read)
    failed = [row for row in reports if row["status"] == "failed"]
    return {
        "documents": len(reports),
        "ok": len(_where(reports, "status", "ok")),
        "partial": len(_where(reports, "status", "partial")),
        "failed": [{"source_file": row["source_file"], "error": row["error"]} for row in failed],
        "editions": [{"edition": k, "reports": v} for k, v in editions.most_common()],
        "severities": {s: len(_where(issues, "severity", s)) for s in SEVERITIES},
        "rules": rules,
        "coverage_listed": len(coverage),
        "coverage_digitized": len(_where(coverage, "status", "digitized")),
        "missing": [
            {key: row[key] for key in ("municipality", "district", "year", "listed_by")}
            for row in _where(coverage, "status", "missing")
        ],
    }


def _summary(areas: list[Row], totals: list[Row]) -> tuple[list[int], list[Row]]:
    """The summary table as printed (of one report's ``area_scores`` and ``year_totals`` rows): one
    row per area, one column per year, and TOTALT."""
    years = sorted({int(row["year"]) for row in [*areas, *totals]})
    rows = []
    for area, group in sorted(_grouped(areas, "area").items(), key=lambda item: _none_last(item[0])):
        if area is None:
            continue
        printed = [row["printed_name"] for row in group if row["printed_name"] is not None]
        name = printed[0] if printed else group[0]["area_name"]
        rows.append({"label": f"{area} {name or ''}".strip(), "values": _by_year(group, "score", years)})
    if totals:
        rows.append({"label": "TOTALT", "values": _by_year(totals, "total", years)})
    return years, rows


def _by_year(group: list[Row], column: str, years: list[int]) -> list[Any]:
    # The first printing of a year printed twice, as the panel and the checks read it.
    values = {int(row["year"]): row[column] for row in reversed(group)}
    return [values.get(y) for y in years]


def _compared_rows(finding: Row, scores: list[Row]) -> list[Row]:
    """For an area sum, the sub-question rows that were added up (shown also for text input)."""
    if finding["rule"] != "area_sum_mismatch" or finding["area"] is None:
        return []
    return _rows(_where(scores, "area", finding["area"]))


def _highlights(finding: Row) -> list[Highlight]:
    if finding["page"] is None or finding["x0"] is None:
        return []
    box = (finding["x0"], finding["top"], finding["x1"], finding["bottom"])
    return [Highlight(int(finding["page"]), box, is_value=True), *parse_boxes(finding["compared_boxes"])]


def _source_path(meta: Row, folder: Path | None) -> Path:
    """Where the report's file was read: ``source_file``, relative to the run's ``folder``."""
    path = Path(meta["source_file"])
    return path if folder is None or path.is_absolute() else folder / path


def report_views(tables: Tables, drawer: CropDrawer, folder: Path | None = None) -> Iterator[ReportView]:
    """Each report of the batch that was read (``ok`` or ``partial``) as the report shows it, crops
    drawn by ``drawer`` for PDF input (found from ``folder``, the run's, when their paths are
    relative)."""
    # Each table split by report once: picking a report's rows out of the whole table for each
    # report would take time growing with the square of the batch.
    issues, scores_all, areas, totals = (
        _grouped(tables[name].rows, "report_id")
        for name in ("issues", "question_scores", "area_scores", "year_totals")
    )
    for meta in _rows(row for row in tables["reports"].rows if row["status"] != "failed"):
        report_id = meta["report_id"]
        scores = scores_all.get(report_id, [])
        findings = [
            FindingView(row, compared_rows=_compared_rows(row, scores))
            for row in _rows(issues.get(report_id, []))
        ]
        years, summary = _summary(areas.get(report_id, []), totals.get(report_id, []))
        view = ReportView(meta, years, summary, _rows(scores), findings)
        _add_crops(view, drawer, folder)
        yield view


def _add_crops(view: ReportView, drawer: CropDrawer, folder: Path | None) -> None:
    wanted = [f for f in view.findings if f.row["severity"] in CROPPED_SEVERITIES and _highlights(f.row)]
    if not wanted or view.meta["input_format"] != "pdf":
        return
    path = _source_path(view.meta, folder)
    try:
        crops = drawer.crops(
            path, view.meta["sha256"] or "", [_highlights(f.row) for f in wanted], view.meta["source_file"]
        )
    except CropError as exc:  # a PDF gone, changed, or that renders for ever must not stop the report
        log.debug("%s: no crops: %s", path, exc)
        view.crops_note = str(exc)
        return
    folder_name = f"crops/{file_stem(view.meta['report_id'])}"
    for finding, finding_crops in zip(wanted, crops, strict=True):
        for crop in finding_crops:
            name = f"{folder_name}/{len(view.files) + 1}.png"
            view.files.append((name, crop.png))
            finding.crops.append(CropFile(f"../{name}", crop.page, crop.width, crop.height))


def municipality_charts(tables: Tables) -> list[Row]:
    """For each municipality of the ``panel`` table: a chart of each area's score by evaluation
    year with the averages the reports print beside them (dashed), and the panel's rows (which
    report each score is from, and how many reports printing it agree)."""
    reports = [row for row in tables["reports"].rows if row["status"] != "failed"]
    panel = [row for row in tables["panel"].rows if row["area"] is not None and row["score"] is not None]
    out = []
    for code, scores in sorted(_grouped(panel, "municipality_code").items()):
        by_year = sorted(scores, key=lambda row: row["year"])
        series = [
            Series(
                f"{area} {g[0]['area_name'] or ''}".strip(),
                tuple((int(row["year"]), float(row["score"])) for row in g),
            )
            for area, g in sorted(_grouped(by_year, "area").items())
        ]
        own_reports = _where(reports, "municipality_code", code)
        series += _averages(tables, own_reports)
        names = [row["municipality"] for row in scores if row["municipality"] is not None]
        name = str(names[0]) if names else ""
        svg = chart_svg(f"{name} ({code})", series)
        rows = _rows(sorted(scores, key=lambda row: (row["year"], row["area"])))
        own = [
            {"report_id": row["report_id"], "year": row["year"]}
            for row in sorted(own_reports, key=lambda row: _none_last(row["year"]))
        ]
        for report in own:
            report["page"] = f"reports/{file_stem(report['report_id'])}.html"
        page = f"municipalities/{file_stem(code)}.html"
        out.append({"name": name, "code": code, "svg": svg, "rows": rows, "page": page, "reports": own})
    return out


def _averages(tables: Tables, reports: list[Row]) -> list[Series]:
    """The printed averages of other municipalities, by area, at each printing report's year."""
    years = {row["report_id"]: row["year"] for row in reports}
    rows = [
        row for row in tables["comparisons"].rows
        if row["report_id"] in years and row["kind"] == "average" and row["area"] is not None
    ]  # fmt: skip
    groups = _grouped(rows, "label", "area")
    series = []
    for label, area in sorted(groups, key=lambda key: (_none_last(key[0]), key[1])):
        points = tuple(
            (int(years[row["report_id"]]), float(row["value"]))
            for row in groups[label, area]
            if years[row["report_id"]] is not None
        )
        if points:
            series.append(Series(f"{area} {label or 'average'}", points, dashed=True))
    return series


_STATUS_ORDER = {"failed": 0, "partial": 1, "ok": 2}


def triage(tables: Tables) -> list[Row]:
    """One row per report for the index: status, edition, findings by severity and review, and
    the rules, severities and review states its findings have (what the filters select on); the
    failed first, then the partial, each with the most errors and warnings first."""
    by_report = _grouped(tables["issues"].rows, "report_id")
    out = []
    for meta in tables["reports"].rows:
        findings = by_report.get(meta["report_id"], [])
        severities = [f["severity"] for f in findings]
        reviews = [review_status(f) for f in findings]
        out.append({
            **{key: meta[key] for key in ("report_id", "source_file", "municipality", "year", "status")},
            "edition": meta["framework"], "error_message": meta["error"],
            "page": None if meta["status"] == "failed" else f"reports/{file_stem(meta['report_id'])}.html",
            **{s: severities.count(s) for s in SEVERITIES},
            "reviewed": reviews.count("reviewed"), "new": reviews.count("new"),
            "rules": " ".join(sorted({f["rule"] for f in findings})),
            "severities": " ".join(sorted(set(severities))),
            "reviews": " ".join(sorted(set(reviews))),
        })  # fmt: skip
    out.sort(key=lambda r: (_STATUS_ORDER.get(r["status"], 3), -r["error"], -r["warning"], r["source_file"]))
    return out
