"""The audit report in a real browser: headless Chromium (Debian's chromium and chromium-driver,
which `tools/system-packages.sh` installs and CI requires) opens the audit report from disk: report.html,
which leads to report/index.html, and each report's page.

The screenshot is saved as ``report_screenshot.png`` in the output folder, and in ``$KOMPASS_SCREENSHOT``
when that is set (how the README's screenshot was made).
"""

from __future__ import annotations

import io
import os
import shutil
import struct
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CHROMEDRIVER, CHROMIUM, INJECTION, ON_AUDIT_RUN

pytestmark = [
    pytest.mark.browser,
    ON_AUDIT_RUN,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="chromium and chromium-driver (Debian) are not installed: run tools/system-packages.sh",
    ),
]


@pytest.fixture(scope="module")
def page(browser: Any, audit_out: Path) -> Any:
    browser.get((audit_out / "report.html").as_uri())
    return browser


def _report_pages(browser: Any, audit_out: Path, script: str) -> list[Any]:
    """``script``'s value on each report's page, for the pages of PDF input (their findings the
    ``.finding`` elements)."""
    out = []
    for path in sorted((audit_out / "report" / "reports").glob("*.html")):
        browser.get(path.as_uri())
        if "pdf" in browser.find_element("css selector", ".meta").text:
            out.extend(browser.execute_script(script))
            assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    return out


def _png_size(uri: str) -> tuple[int, int]:
    from urllib.parse import unquote, urlparse

    data = Path(unquote(urlparse(uri).path)).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_loads_without_console_errors(page: Any) -> None:
    assert page.current_url.endswith("/report/index.html")  # report.html leads to the index
    assert page.find_element("tag name", "h1").text == "kompass audit report"
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_the_triage_table_filters_by_severity_rule_and_status(page: Any, audit_out: Path) -> None:
    from selenium.webdriver.support.ui import Select

    page.get((audit_out / "report.html").as_uri())
    rows = page.find_elements("css selector", "#triage tr[data-item]")
    assert len(rows) == 4 and page.find_element("id", "shown").text == "4"
    Select(page.find_element("name", "rule")).select_by_visible_text("score_exceeds_max")
    assert page.find_element("id", "shown").text == "4"  # every copy has 7.1 over its max
    Select(page.find_element("name", "status")).select_by_visible_text("failed")
    assert page.find_element("id", "shown").text == "0"
    assert all(not row.is_displayed() for row in rows)
    Select(page.find_element("name", "status")).select_by_visible_text("ok")
    assert page.find_element("id", "shown").text == "4"


def test_a_report_page_filters_its_findings(browser: Any, audit_out: Path) -> None:
    from selenium.webdriver.support.ui import Select

    path = next((audit_out / "report" / "reports").glob("*.html"))
    browser.get(path.as_uri())
    findings = browser.find_elements("css selector", ".finding")
    errors = [f for f in findings if f.get_attribute("data-severity") == "error"]
    Select(browser.find_element("name", "severity")).select_by_visible_text("error")
    assert browser.find_element("id", "shown").text == str(len(errors)) == "4"
    assert [f for f in findings if f.is_displayed()] == errors


def test_every_error_and_warning_of_a_pdf_has_its_crop_shown(browser: Any, audit_out: Path) -> None:
    crops = _report_pages(
        browser, audit_out,
        "return [...document.querySelectorAll('.finding')].filter(f => ['error','warning']"
        ".includes(f.dataset.severity)).map(f => [...f.querySelectorAll('img.crop')].map(i => "
        "[i.naturalWidth, i.naturalHeight, i.complete, i.src]))",
    )  # fmt: skip
    assert len(crops) == 2 * 9  # two PDFs, four errors and five warnings each
    for images in crops:
        assert images, "a finding without a crop"
        for width, height, complete, src in images:
            assert complete and width > 0 and height > 0
            # the image the browser decoded is the PNG written, with its aspect
            assert _png_size(src) == (width, height)


def test_crops_are_of_the_page_region(browser: Any, audit_out: Path) -> None:
    # 7.1's row: one line of the score table, so much wider than tall; area 5: the summary row's
    # page and the score table's page, each a crop.
    rows = _report_pages(
        browser, audit_out,
        "return [...document.querySelectorAll('.finding')]"
        ".map(f => [f.dataset.rule, f.querySelector('.message').textContent, "
        "[...f.querySelectorAll('img.crop')].map(i => [i.naturalWidth, i.naturalHeight, +i.dataset.page])])",
    )  # fmt: skip
    exceeds = [images for rule, _, images in rows if rule == "score_exceeds_max"]
    assert len(exceeds) == 2
    for images in exceeds:
        ((width, height, _),) = images
        assert width > 3 * height
    area5 = [images for rule, message, images in rows if rule == "area_sum_mismatch" and "Area 5" in message]
    assert [len({p for _, _, p in images}) for images in area5] == [2, 2]


def test_injected_markup_shows_as_text(browser: Any, audit_out: Path) -> None:
    pages = sorted((audit_out / "report" / "reports").glob("*.html"))
    printed = []
    for path in pages:
        browser.get(path.as_uri())
        assert browser.title.endswith("kompass audit report")
        lines = browser.find_elements("css selector", "pre.printed")
        printed += [e.text for e in lines if "<script>" in e.text]
        assert browser.find_elements("css selector", "img[src=x]") == []
        # the filter script alone (the page's policy allows it by its hash, nothing else)
        assert browser.execute_script("return document.querySelectorAll('script').length") == 1
    assert len(printed) == 1 and INJECTION.strip() in printed[0]


def test_screenshot(page: Any, audit_out: Path) -> None:
    from PIL import Image

    # a page of PDF input: its findings have crops
    pages = sorted((audit_out / "report" / "reports").glob("*.html"))
    page.get(next(p for p in pages if '<img class="crop"' in p.read_text(encoding="utf-8")).as_uri())
    page.execute_script("document.querySelector('.finding.error img.crop').scrollIntoView()")
    path = audit_out / "report_screenshot.png"
    assert page.save_screenshot(str(path))
    with Image.open(io.BytesIO(path.read_bytes())) as image:
        assert image.width > 600 and image.height > 600
    if os.environ.get("KOMPASS_SCREENSHOT"):
        shutil.copyfile(path, os.environ["KOMPASS_SCREENSHOT"])
