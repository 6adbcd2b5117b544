"""A scanned report's pages read at once on the cores a run leaves idle, with the same result.

The page reader is tested with a stand-in for the reading of one page (no Tesseract): two pages
are in flight together only on a lent core, the pages come back in their order, every core lent
is given back and the progress counts every page. The coordinator is tested with a stand-in
document that asks for cores. One OCR test reads a report with three scanned pages with one worker
and with two and compares the tables.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

import pipeline.ingest.pdf.scans as scans
from pipeline.ingest.pdf.scans import PageSlots
from pipeline.ingest.pdf.tesseract import tesseract_version
from pipeline.ingest.pdf.tesseract_process import TesseractError
from pipeline.ingest.pdf.words import PageText
from pipeline.model.records import Report
from pipeline.run import workers
from pipeline.run.process import failed_report
from pipeline.run.workers import Limits, OnReport, run_parallel
from pipeline.tables.spill import build_tables

FIXTURES = Path(__file__).parent / "fixtures"
TEXT_PDF = FIXTURES / "umea_2007_a4_ruled.pdf"
PAGES = 4
# The pages (0-based) of the ruled report that the OCR test scans.
SCANNED = (0, 22, 23)


class _Cores:
    """Lends up to ``spare`` cores and counts them."""

    def __init__(self, spare: int) -> None:
        self.spare, self.lent, self.returned = spare, 0, 0

    def borrow(self) -> bool:
        if self.lent - self.returned >= self.spare:
            return False
        self.lent += 1
        return True

    def give_back(self) -> None:
        self.returned += 1


class _Reading:
    """Stands in for the reading of one page: counts the pages in flight at once, and holds the
    first two pages until both are in flight (``together``) or a few seconds have passed."""

    def __init__(self, together: bool) -> None:
        self.lock = threading.Lock()
        self.now = self.most = 0
        self.meet = threading.Barrier(2, timeout=5) if together else None

    def __call__(self, image: object, page: PageText) -> object:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        if self.meet is not None and page.number in (1, 2):
            self.meet.wait()
        with self.lock:
            self.now -= 1
        return scans._PageRead(page, ())


def _read(
    monkeypatch: pytest.MonkeyPatch, reading: _Reading, slots: PageSlots | None
) -> list[tuple[int, int]]:
    monkeypatch.setattr(scans, "read_scanned_page", reading)
    monkeypatch.setattr(scans.os, "cpu_count", lambda: 2)  # as many threads as on two cores
    pages = [PageText(number, 595, 842, ()) for number in range(1, PAGES + 1)]
    progress: list[tuple[int, int]] = []
    result = scans.read_scanned_pages(
        TEXT_PDF.read_bytes(), pages, lambda *done: progress.append(done), slots
    )
    assert list(result.pages) == [1, 2, 3, 4]
    return progress


def test_pages_are_read_two_at_once_on_a_lent_core(monkeypatch: pytest.MonkeyPatch) -> None:
    reading, cores = _Reading(together=True), _Cores(spare=1)
    progress = _read(monkeypatch, reading, cores)
    assert reading.most == 2  # the barrier let the first two pages through only together
    assert cores.lent >= 1
    assert cores.returned == cores.lent
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_pages_are_read_one_at_a_time_without_lent_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    for slots in (None, _Cores(spare=0)):
        reading = _Reading(together=False)
        assert _read(monkeypatch, reading, slots) == [(1, 4), (2, 4), (3, 4), (4, 4)]
        assert reading.most == 1


def test_a_page_that_fails_fails_the_document_and_gives_back_its_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail_on_page_two(image: object, page: PageText) -> object:
        if page.number == 2:
            raise TesseractError("Tesseract failed: page two")
        return scans._PageRead(page, ())

    cores = _Cores(spare=1)
    with pytest.raises(TesseractError, match="page two"):
        _read(monkeypatch, fail_on_page_two, cores)  # type: ignore[arg-type]
    assert cores.lent >= 1
    assert cores.returned == cores.lent


def _kept_in(reports: list[Report]) -> OnReport:
    def keep(_index: int, report: Report, _cached: bool) -> None:
        reports.append(report)

    return keep


def _ask_for_cores(
    path: Path, data: bytes, ocr: str, on_ocr_page: object, page_slots: PageSlots | None
) -> Report:
    """Stands in for a scanned document: asks for two cores, gives back what it got, and says
    what it was answered in its error message."""
    answers = [page_slots.borrow() for _ in range(2)] if page_slots is not None else []
    for _ in range(sum(answers)):
        assert page_slots is not None
        page_slots.give_back()
    return failed_report(path, f"answers {answers}")


@pytest.mark.parametrize(
    ("files", "cores", "answers"),
    [
        (1, 2, "[True, False]"),  # a lone report on two cores borrows the idle one, not more
        (1, 3, "[True, True]"),
        (2, 2, "[False, False]"),  # each report has its own core: none is idle
        (1, 1, "[]"),  # one core: nothing to ask for
    ],
)
def test_the_coordinator_lends_only_idle_cores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: int, cores: int, answers: str
) -> None:
    monkeypatch.setattr(workers, "process_data", _ask_for_cores)
    paths = []
    for index in range(files):
        paths.append(tmp_path / f"scan_{index}.pdf")
        paths[-1].write_bytes(b"%PDF-1.4")
    reports: list[Report] = []
    run_parallel(paths, cores, Limits(timeout=60), _kept_in(reports))
    if files == 2:
        # While both documents run, neither is lent a core; one that asks after the other ended
        # may have the idle one, never two.
        allowed = {"answers [False, False]", "answers [True, False]", "answers [False, True]"}
        assert {report.error for report in reports} <= allowed, [report.error for report in reports]
        return
    assert [report.error for report in reports] == [f"answers {answers}"]


# --- the same tables from one worker and from two (Tesseract) -------------------------------------


@pytest.fixture(scope="module")
def short_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ruled Umeå report with three pages scanned as make_scans.py scans (the title page and
    the score table's last two pages) and the rest text: a whole report, three pages of OCR."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_scans", FIXTURES / "make_scans.py")
    assert spec is not None and spec.loader is not None
    make_scans = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_scans)
    folder = tmp_path_factory.mktemp("short_scan")
    scanned = make_scans.scanned_pdf(TEXT_PDF, folder / "scanned.pdf", pages=set(SCANNED))
    return make_scans.mixed_pdf(TEXT_PDF, scanned, folder / "umea_mixed.pdf", set(SCANNED))


@pytest.mark.ocr
@pytest.mark.xdist_group("ocr_short_scan")
@pytest.mark.skipif(not tesseract_version(), reason="Tesseract is not installed (make installs it)")
def test_a_scan_read_by_one_worker_and_by_two_gives_the_same_tables(short_scan: Path) -> None:
    tables = []
    for cores in (1, 2):
        reports: list[Report] = []
        run_parallel([short_scan], cores, Limits(timeout=None), _kept_in(reports))
        assert reports[0].ocr_pages == 3
        tables.append(build_tables(reports))
    one, two = tables
    assert one.keys() == two.keys()
    assert len(one["question_scores"]) > 30
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name], obj=name)
