"""Shared fixtures: the corpus report, parsed once per session."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from extractors.summary_table import SummaryTable, extract_summary_rows, summary_table
from pipeline.editions.edition import Edition
from pipeline.ingest import read_document
from pipeline.model.document import Document
from pipeline.model.records import Extraction
from pipeline.run.process import digitize
from tests import lanes
from tests.lanes import pytest_collection_modifyitems, pytest_runtest_protocol  # noqa: F401 (hooks)

if TYPE_CHECKING:
    from tests.fuzz.sample import SampleRun

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
UMEA = CORPUS / "umea_2007.txt"


def read_frames(out_dir: Path, package: dict[str, Any]) -> dict[str, Any]:
    """The tables of ``out_dir`` as the audit report reads them back, as DataFrames (for tests that
    change them before rendering)."""
    from pipeline.audit.tables_in import read_tables

    return {name: chunk.to_frame() for name, chunk in read_tables(out_dir, package).items()}


@pytest.fixture(scope="session", autouse=True)
def lane_markers() -> Iterator[None]:
    """Tesseract and Chromium start only in tests marked ``ocr`` and ``browser`` (tests/lanes.py)."""
    with pytest.MonkeyPatch.context() as patch:
        lanes.guard(patch)
        yield


def doc_from(text: str) -> Document:
    """A document from a snippet, for extractor tests on real lines of a report."""
    return Document.from_text(text)


def summary_of(doc: Document, edition: Edition | None = None, year: int | None = None) -> SummaryTable:
    """The summary table of ``doc``, its rows read and put together as the registry does."""
    return summary_table(extract_summary_rows(doc), edition, year)


@pytest.fixture(scope="session")
def umea_doc() -> Document:
    return read_document(UMEA)


@pytest.fixture(scope="session")
def umea(umea_doc: Document) -> Extraction:
    return digitize(umea_doc)


@pytest.fixture(scope="session")
def fuzz_sample(tmp_path_factory: pytest.TempPathFactory) -> SampleRun:
    """The fixed fuzz sample (tests/fuzz/sample.py) made and digitized once a session: minutes of
    rendering and OCR, so every test that uses it is marked ``xdist_group("fuzz_sample")`` (one
    worker reads it) and ``ocr``."""
    from tests.fuzz.sample import read_sample

    return read_sample(tmp_path_factory.mktemp("fuzz-sample"))


FIXTURE_PDFS = sorted((ROOT / "tests" / "fixtures").glob("*.pdf"))
# A line of the corpus report, and what a hostile copy of the report adds to it: markup that must
# show as text in the audit report, never run.
INJECTED_LINE = "Läs mer om Umeåregionen och samarbetet"
INJECTION = ' <script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'


# The tests that read ``audit_out`` (the audit report's files, in a browser too, and the archive
# made from it at scale) run on one worker under pytest-xdist: one run, one archive, not one a worker.
ON_AUDIT_RUN = pytest.mark.xdist_group("audit_run")


@pytest.fixture(scope="session")
def audit_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder of `kompass run` over the corpus, both fixture PDFs and a copy of the
    corpus report with markup injected into a line that a finding prints (tests that use it are
    marked ``ON_AUDIT_RUN``)."""
    from click.testing import CliRunner

    from pipeline.cli import main

    folder = tmp_path_factory.mktemp("audit")
    hostile = folder / "hostile" / "umea_injected.txt"
    hostile.parent.mkdir()
    text = UMEA.read_text(encoding="utf-8")
    assert INJECTED_LINE in text
    hostile.write_text(text.replace(INJECTED_LINE, INJECTED_LINE + INJECTION, 1), encoding="utf-8")
    out = folder / "out"
    inputs = [str(UMEA), *map(str, FIXTURE_PDFS), str(hostile)]
    result = CliRunner().invoke(main, ["run", *inputs, "--out", str(out), "--no-cache", "--workers", "2"])
    assert result.exit_code == 0, result.output
    return out


def frictionless_validate(folder: Path) -> subprocess.CompletedProcess[str]:
    """``frictionless validate --json datapackage.json`` run in ``folder`` (JSON on stdout)."""
    frictionless = Path(sys.executable).with_name("frictionless")
    return subprocess.run(
        [str(frictionless), "validate", "--json", "datapackage.json"],
        cwd=folder, capture_output=True, text=True, check=False,
    )  # fmt: skip


# The audit report in a real browser: Debian's chromium driven through chromedriver (selenium).
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1200,1600",
)  # fmt: skip


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium (skip the tests that use it where it is not installed)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium and chromium-driver (Debian) are not installed: run tools/system-packages.sh")
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
