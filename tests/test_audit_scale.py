"""The audit report at the archive's scale: 240 scanned reports (copies of scans of the two fixture
PDFs, with the findings kompass records for those scans; see tests/audit_scale.py) in 60 made-up
municipalities give an index under 1 MB that headless Chromium has loaded in under a second, and a
folder under 200 MB.

A scan's crops are cut from grey page images, noisy and several times the bytes of a text PDF's.
The copies of one scan share its crops' rendering (the same page regions of the same file give the
same PNG bytes), so the test renders each distinct crop once and still writes every copy's files:
the sizes are those of 240 scanned reports, at a fraction of the CPU.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.audit import AUDIT_FOLDER, write_report
from pipeline.audit.crops import CROPPED_SEVERITIES, Crop, CropDrawer, Highlight
from pipeline.audit.tables_in import read_package
from tests.audit_scale import FINDINGS, copied_tables, scan, scanned
from tests.conftest import FIXTURE_PDFS, ON_AUDIT_RUN, read_frames

REPORTS = 240


# 240 reports are written once for the module (a minute or two), by the worker that has the run.
pytestmark = [pytest.mark.slow, ON_AUDIT_RUN]


@pytest.fixture(scope="module")
def archive(audit_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    shutil.copy(audit_out / "datapackage.json", out)
    scans = {pdf.name: scan(pdf, out / f"scanned_{pdf.name}") for pdf in FIXTURE_PDFS}
    tables, bases = scanned(read_frames(audit_out, read_package(audit_out)), scans)
    drawn: dict[tuple[str, str, tuple[tuple[Highlight, ...], ...]], list[list[Crop]]] = {}
    draw = CropDrawer.crops

    def once(drawer: CropDrawer, path: Path, sha256: str, findings: Any, shown_as: str) -> list[list[Crop]]:
        # The copies of one scan ask for the same crops: the worker draws each distinct set once.
        key = (str(path), sha256, _frozen(findings))
        if key not in drawn:
            drawn[key] = draw(drawer, path, sha256, findings, shown_as)
        return drawn[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CropDrawer, "crops", once)
        write_report(out, copied_tables(tables, REPORTS, bases))
    return out / AUDIT_FOLDER


def _frozen(findings: Iterable[Sequence[Highlight]]) -> tuple[tuple[Highlight, ...], ...]:
    return tuple(tuple(marks) for marks in findings)


def test_a_page_per_report_and_municipality_and_the_crops_as_files(archive: Path) -> None:
    assert len(list((archive / "reports").glob("*.html"))) == REPORTS
    assert len(list((archive / "municipalities").glob("*.html"))) == REPORTS // 4
    crops = list((archive / "crops").rglob("*.png"))
    assert len({p.parent.name for p in crops}) == REPORTS  # every report is a scan
    print(f"\n{len(crops)} crops, {sum(p.stat().st_size for p in crops) / 1e6:.1f} MB")
    # a crop at least for each error and warning whose place on the page kompass found in the scans
    # (67 and 94 of the scans' 76 and 105 findings are errors or warnings; 50 and 78 have a box)
    recorded = [pd.read_csv(FINDINGS / f"{pdf.stem}.csv", dtype=str) for pdf in FIXTURE_PDFS]
    cropped = sum(int((r["severity"].isin(CROPPED_SEVERITIES) & r["x0"].notna()).sum()) for r in recorded)
    assert cropped == 128 and len(crops) >= cropped * REPORTS // len(FIXTURE_PDFS)


def test_the_index_is_small_and_the_folder_bounded(archive: Path) -> None:
    index = (archive / "index.html").stat().st_size
    total = sum(p.stat().st_size for p in archive.rglob("*") if p.is_file())
    print(f"\n{REPORTS} reports: index.html {index / 1e6:.2f} MB, report folder {total / 1e6:.1f} MB")
    assert index < 1_000_000 and total < 200_000_000
    assert (archive / "index.html").read_text(encoding="utf-8").count("<tr data-item") == REPORTS


@pytest.mark.browser
def test_the_index_opens_in_under_a_second_and_filters(archive: Path, browser: Any) -> None:
    from selenium.webdriver.support.ui import Select

    browser.get((archive / "index.html").as_uri())
    loaded = browser.execute_script(
        "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime"
    )
    print(f"\nindex.html of {REPORTS} reports loaded in {loaded:.0f} ms")
    assert 0 < loaded < 1000
    assert browser.find_element("id", "shown").text == str(REPORTS)
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    # every third report has no infos: the filter shows the others
    Select(browser.find_element("name", "severity")).select_by_visible_text("info")
    assert browser.find_element("id", "shown").text == str(REPORTS - REPORTS // 3)
    Select(browser.find_element("name", "severity")).select_by_visible_text("error")
    assert browser.find_element("id", "shown").text == str(REPORTS)
