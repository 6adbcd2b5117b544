"""The audit report in a real browser: headless Chromium (Debian's chromium and chromium-driver,
which `tools/system-packages.sh` installs and CI requires) opens report.html from disk.

The screenshot is saved as ``report_screenshot.png`` in the output folder, and in ``$KOMPASS_SCREENSHOT``
when that is set (how the README's screenshot was made).
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import INJECTION

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1200,1600",
)  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="chromium and chromium-driver (Debian) are not installed: run tools/system-packages.sh",
    ),
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(browser: Any, audit_out: Path) -> Any:
    browser.get((audit_out / "report.html").as_uri())
    return browser


def _png_size(uri: str) -> tuple[int, int]:
    data = base64.b64decode(uri.split(",", 1)[1])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_loads_without_console_errors(page: Any) -> None:
    assert page.find_element("tag name", "h1").text == "kompass audit report"
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_every_error_and_warning_of_a_pdf_has_its_crop_shown(page: Any) -> None:
    crops = page.execute_script(
        "return [...document.querySelectorAll('.finding')].filter(f => ['error','warning']"
        ".includes(f.dataset.severity) && f.closest('section').querySelector('.meta').textContent"
        ".includes('pdf')).map(f => [...f.querySelectorAll('img.crop')].map(i => "
        "[i.naturalWidth, i.naturalHeight, i.complete, i.src]))"
    )
    assert len(crops) == 2 * 9  # two PDFs, four errors and five warnings each
    for images in crops:
        assert images, "a finding without a crop"
        for width, height, complete, src in images:
            assert complete and width > 0 and height > 0
            # the image the browser decoded is the PNG written, with its aspect
            assert _png_size(src) == (width, height)


def test_crops_are_of_the_page_region(page: Any) -> None:
    # 7.1's row: one line of the score table, so much wider than tall; area 5: the summary row's
    # page and the score table's page, each a crop.
    rows = page.execute_script(
        "return [...document.querySelectorAll('.finding')].filter(f => "
        "f.closest('section').querySelector('.meta').textContent.includes('pdf'))"
        ".map(f => [f.dataset.rule, f.querySelector('.message').textContent, "
        "[...f.querySelectorAll('img.crop')].map(i => [i.naturalWidth, i.naturalHeight, +i.dataset.page])])"
    )
    exceeds = [images for rule, _, images in rows if rule == "score_exceeds_max"]
    assert len(exceeds) == 2
    for images in exceeds:
        ((width, height, _),) = images
        assert width > 3 * height
    area5 = [images for rule, message, images in rows if rule == "area_sum_mismatch" and "Area 5" in message]
    assert [len({p for _, _, p in images}) for images in area5] == [2, 2]


def test_injected_markup_shows_as_text(page: Any) -> None:
    assert page.title == "kompass audit report"
    printed = [e.text for e in page.find_elements("css selector", "pre.printed") if "<script>" in e.text]
    assert printed and INJECTION.strip() in printed[0]
    assert page.find_elements("css selector", "img[src=x]") == []
    assert page.execute_script("return document.querySelectorAll('script').length") == 0


def test_screenshot(page: Any, audit_out: Path) -> None:
    from PIL import Image

    page.execute_script("document.querySelector('.finding.error img.crop').scrollIntoView()")
    path = audit_out / "report_screenshot.png"
    assert page.save_screenshot(str(path))
    with Image.open(io.BytesIO(path.read_bytes())) as image:
        assert image.width > 600 and image.height > 600
    if os.environ.get("KOMPASS_SCREENSHOT"):
        shutil.copyfile(path, os.environ["KOMPASS_SCREENSHOT"])
