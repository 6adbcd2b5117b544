"""What the audit report shows, gathered from the output tables: the batch overview, each report
with its tables and findings (with page crops for PDF input), and each municipality's chart.

Every value here is plain data; the template (``templates/report.html.j2``) escapes all of it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.audit.charts import Series, chart_svg
from pipeline.audit.crops import CROPPED_SEVERITIES, CropDrawer, CropError, Highlight, parse_boxes
from pipeline.model.identity import file_stem
from pipeline.model.records import Severity

log = logging.getLogger(__name__)
SEVERITIES = tuple(severity.value for severity in Severity)
Row = dict[str, Any]


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


def _rows(df: pd.DataFrame) -> list[Row]:
    """Rows as dicts with missing values as None (pandas' NA is not a value a template can test)."""
    return [{str(k): (None if _missing(v) else v) for k, v in row.items()} for row in df.to_dict("records")]


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def overview(tables: dict[str, pd.DataFrame]) -> Row:
    """The batch at a glance: documents, failures, editions, findings by rule and severity, coverage."""
    reports, issues, coverage = tables["reports"], tables["issues"], tables["coverage"]
    counts = issues.groupby(["rule", "severity"]).size()
    rules = [
        {"rule": rule, **{s: int(counts.get((rule, s), 0)) for s in SEVERITIES}}
        for rule in sorted(set(issues["rule"]))
    ]
    # The most severe and most frequent rules first.
    rules.sort(key=lambda r: [-r[s] for s in SEVERITIES])
    editions = reports[reports["status"] != "failed"]["framework"].fillna("(none fits)").value_counts()
    missing = coverage[coverage["status"] == "missing"]
    return {
        "documents": len(reports),
        "ok": int((reports["status"] == "ok").sum()),
        "partial": int((reports["status"] == "partial").sum()),
        "failed": _rows(reports[reports["status"] == "failed"][["source_file", "error"]]),
        "editions": [{"edition": k, "reports": int(v)} for k, v in editions.items()],
        "severities": {s: int((issues["severity"] == s).sum()) for s in SEVERITIES},
        "rules": rules,
        "coverage_listed": len(coverage),
        "coverage_digitized": int((coverage["status"] == "digitized").sum()),
        "missing": _rows(missing[["municipality", "district", "year", "listed_by"]]),
    }


def _summary(areas: pd.DataFrame, totals: pd.DataFrame) -> tuple[list[int], list[Row]]:
    """The summary table as printed (of one report's ``area_scores`` and ``year_totals`` rows): one
    row per area, one column per year, and TOTALT."""
    years = sorted({int(y) for y in [*areas["year"], *totals["year"]]})
    rows = []
    for area, group in areas.groupby("area", sort=True):
        printed = group["printed_name"].dropna()
        name = printed.iloc[0] if len(printed) else group["area_name"].iloc[0]
        rows.append({"label": f"{area} {name or ''}".strip(), "values": _by_year(group, "score", years)})
    if len(totals):
        rows.append({"label": "TOTALT", "values": _by_year(totals, "total", years)})
    return years, rows


def _by_year(group: pd.DataFrame, column: str, years: list[int]) -> list[Any]:
    # The first printing of a year printed twice, as the panel and the checks read it.
    values = {int(y): v for y, v in reversed(list(zip(group["year"], group[column], strict=True)))}
    return [None if _missing(values.get(y)) else values.get(y) for y in years]


def _compared_rows(finding: Row, scores: pd.DataFrame) -> list[Row]:
    """For an area sum, the sub-question rows that were added up (shown also for text input)."""
    if finding["rule"] != "area_sum_mismatch" or finding["area"] is None:
        return []
    return _rows(scores[scores["area"] == finding["area"]])


def _highlights(finding: Row) -> list[Highlight]:
    if finding["page"] is None or finding["x0"] is None:
        return []
    box = (finding["x0"], finding["top"], finding["x1"], finding["bottom"])
    return [Highlight(int(finding["page"]), box, is_value=True), *parse_boxes(finding["compared_boxes"])]


def _source_path(meta: Row, folder: Path | None) -> Path:
    """Where the report's file was read: ``source_file``, relative to the run's ``folder``."""
    path = Path(meta["source_file"])
    return path if folder is None or path.is_absolute() else folder / path


def report_views(
    tables: dict[str, pd.DataFrame], drawer: CropDrawer, folder: Path | None = None
) -> Iterator[ReportView]:
    """Each report of the batch that was read (``ok`` or ``partial``) as the report shows it, crops
    drawn by ``drawer`` for PDF input (found from ``folder``, the run's, when their paths are
    relative)."""
    # Each table split by report once: picking a report's rows out of the whole table for each
    # report would take time growing with the square of the batch.
    issues, scores_all, areas, totals = (
        _by_report(tables[name]) for name in ("issues", "question_scores", "area_scores", "year_totals")
    )
    for meta in _rows(tables["reports"][tables["reports"]["status"] != "failed"]):
        report_id = meta["report_id"]
        scores = scores_all.get(report_id, _empty(tables["question_scores"]))
        findings = [
            FindingView(row, compared_rows=_compared_rows(row, scores))
            for row in _rows(issues.get(report_id, _empty(tables["issues"])))
        ]
        years, summary = _summary(
            areas.get(report_id, _empty(tables["area_scores"])),
            totals.get(report_id, _empty(tables["year_totals"])),
        )
        view = ReportView(meta, years, summary, _rows(scores), findings)
        _add_crops(view, drawer, folder)
        yield view


def _by_report(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(key): group for key, group in df.groupby("report_id", sort=False)}


def _empty(df: pd.DataFrame) -> pd.DataFrame:
    return df.iloc[:0]


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


def municipality_charts(tables: dict[str, pd.DataFrame]) -> list[Row]:
    """For each municipality of the ``panel`` table: a chart of each area's score by evaluation
    year with the averages the reports print beside them (dashed), and the panel's rows (which
    report each score is from, and how many reports printing it agree)."""
    reports = tables["reports"][tables["reports"]["status"] != "failed"]
    panel = tables["panel"][tables["panel"]["area"].notna() & tables["panel"]["score"].notna()]
    out = []
    for code, scores in panel.groupby("municipality_code", sort=True):
        series = [
            Series(
                f"{area} {names.iloc[0] or ''}".strip(),
                tuple(zip(g["year"].astype(int), g["score"].astype(float), strict=True)),
            )
            for area, g in scores.sort_values("year").groupby("area", sort=True)
            for names in [g["area_name"].fillna("")]
        ]
        series += _averages(tables, reports[reports["municipality_code"] == code])
        name = str(scores["municipality"].dropna().iloc[0]) if scores["municipality"].notna().any() else ""
        svg = chart_svg(f"{name} ({code})", series)
        rows = _rows(scores.sort_values(["year", "area"]))
        own = _rows(reports[reports["municipality_code"] == code].sort_values("year")[["report_id", "year"]])
        for report in own:
            report["page"] = f"reports/{file_stem(report['report_id'])}.html"
        page = f"municipalities/{file_stem(code)}.html"
        out.append({"name": name, "code": code, "svg": svg, "rows": rows, "page": page, "reports": own})
    return out


def _averages(tables: dict[str, pd.DataFrame], reports: pd.DataFrame) -> list[Series]:
    """The printed averages of other municipalities, by area, at each printing report's year."""
    comparisons = tables["comparisons"]
    years = dict(zip(reports["report_id"], reports["year"], strict=True))
    rows = comparisons[
        comparisons["report_id"].isin(years)
        & (comparisons["kind"] == "average")
        & comparisons["area"].notna()
    ]
    series = []
    for (label, area), group in rows.groupby(["label", "area"], sort=True, dropna=False):
        points = tuple(
            (int(years[r]), float(v))
            for r, v in zip(group["report_id"], group["value"], strict=True)
            if not _missing(years[r])
        )
        if points:
            series.append(Series(f"{area} {label or 'average'}", points, dashed=True))
    return series


_STATUS_ORDER = {"failed": 0, "partial": 1, "ok": 2}


def triage(tables: dict[str, pd.DataFrame]) -> list[Row]:
    """One row per report for the index: status, edition, findings by severity and review, and
    the rules, severities and review states its findings have (what the filters select on); the
    failed first, then the partial, each with the most errors and warnings first."""
    issues = tables["issues"]
    by_report = {report_id: _rows(group) for report_id, group in issues.groupby("report_id", sort=False)}
    out = []
    for meta in _rows(tables["reports"]):
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
