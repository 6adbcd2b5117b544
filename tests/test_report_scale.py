"""The audit report at the archive's scale: 240 reports (copies of the shared run's four, half of
them PDFs with their crops, in 60 made-up municipalities; see tests/report_scale.py) give an index
under 1 MB that headless Chromium has loaded in under a second, and a folder under 200 MB.

It takes a few minutes on a loaded two-core machine (mostly the crops and the 60 charts); the
project declares no slow or browser markers, so it runs with the rest (the browser part skips
without Chromium, as test_report_browser.py does).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.report import REPORT_FOLDER, write_report
from pipeline.report.tables_in import read_package, read_tables
from tests.report_scale import copied_tables

REPORTS = 240


# 240 reports are written once for the module: a minute or two.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def archive(audit_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    shutil.copy(audit_out / "datapackage.json", out)
    tables = copied_tables(read_tables(audit_out, read_package(audit_out)), REPORTS)
    write_report(out, tables)
    return out / REPORT_FOLDER


def test_a_page_per_report_and_municipality_and_the_crops_as_files(archive: Path) -> None:
    assert len(list((archive / "reports").glob("*.html"))) == REPORTS
    assert len(list((archive / "municipalities").glob("*.html"))) == REPORTS // 4
    crops = list((archive / "crops").rglob("*.png"))
    assert len({p.parent.name for p in crops}) == REPORTS // 2  # the PDFs' copies
    assert len(crops) >= REPORTS // 2 * 9  # each PDF's four errors and five warnings at least


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
