"""A synthetic archive for the audit report's scale test: the tables of a small run, copied to
``count`` reports of ``count // 4`` made-up municipalities (four reports each), as the report reads
them, every third without its infos (so that the filters have something to tell apart).

The archive is one of scanned reports: each fixture PDF's rows point at a scan of it (made by the
layout fuzzer's scanner, as tests/fixtures/make_scan_findings.py made it) and carry the findings
kompass recorded when it read that scan by OCR (tests/fixtures/scan_findings/), so every copy's
crops are crops of grey page images, as many as a scanned report has. The copies keep their scan's
``source_file`` and digest, so each gets its crops.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from pipeline.model.schema import pandas_dtypes
from tests.fuzz.scan import scan_pdf

FINDINGS = Path(__file__).resolve().parent / "fixtures" / "scan_findings"
SEED = 1  # the scanner's draw for this seed: grey, 200 dpi


def scan(source: Path, target: Path) -> Path:
    """``source`` scanned into ``target``, the same pages each time (a fixed seed)."""
    scan_pdf(source, target, random.Random(SEED), bilevel=False)
    return target


def scanned(
    tables: dict[str, pd.DataFrame], scans: dict[str, Path]
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """``tables`` with the report of each fixture PDF named in ``scans`` (its file name -> the scan
    of it) turned into that scan: its ``source_file``, digest and pages read by OCR, and the
    findings recorded for the scan instead of the text PDF's. Returns the tables and those reports'
    ids."""
    tables = {name: df.copy() for name, df in tables.items()}
    reports, ids, found = tables["reports"], [], []
    for name, scan in scans.items():
        row = reports["source_file"].map(lambda path: Path(path).name) == name
        (report_id,) = reports.loc[row, "report_id"]
        reports.loc[row, "source_file"] = str(scan)
        reports.loc[row, "sha256"] = hashlib.sha256(scan.read_bytes()).hexdigest()
        reports.loc[row, "ocr_pages"] = reports.loc[row, "pages"]
        dtypes = pandas_dtypes("issues")
        recorded = pd.read_csv(
            FINDINGS / f"{Path(name).stem}.csv", dtype=dtypes, keep_default_na=False, na_values=[""]
        )
        recorded.insert(0, "report_id", report_id)
        found.append(recorded.astype(dtypes)[list(dtypes)])
        ids.append(report_id)
    issues = tables["issues"]
    tables["issues"] = pd.concat([issues[~issues["report_id"].isin(ids)], *found], ignore_index=True)
    return tables, ids


def copied_tables(
    tables: dict[str, pd.DataFrame], count: int, bases: Sequence[str] | None = None
) -> dict[str, pd.DataFrame]:
    """``tables`` (of a run) with the rows of the reports ``bases`` (default: every report) copied,
    in turn, to make ``count`` reports."""
    bases = list(bases if bases is not None else tables["reports"]["report_id"])
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in tables}
    first_of: dict[str, str] = {}
    for number in range(count):
        base, new = bases[number % len(bases)], f"{number:016x}"
        code, name = f"9{number // 4:03d}", f"Provkommun {number // 4}"
        first_of.setdefault(code, new)
        for table, df in tables.items():
            if table in ("coverage", "panel"):
                continue
            rows = df[df["report_id"] == base].copy()
            if table == "issues" and number % 3 == 2:
                rows = rows[rows["severity"] != "info"]  # every third report without infos
            rows["report_id"] = new
            if "municipality_code" in rows:
                rows["municipality_code"] = code
            if "municipality" in rows and table == "reports":
                rows["municipality"] = name
            if "issue_id" in rows:
                rows["issue_id"] = [f"{new}-{n}" for n in range(len(rows))]
            parts[table].append(rows)
    panel = tables["panel"]
    for code, report_id in first_of.items():
        rows = panel.copy()
        rows["municipality_code"], rows["report_id"] = code, report_id
        rows["municipality"] = f"Provkommun {int(code[1:])}"
        parts["panel"].append(rows)
    out = {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items() if frames}
    out["coverage"] = tables["coverage"]
    return out
