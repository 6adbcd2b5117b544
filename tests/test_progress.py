"""Progress that moves: OCR pages come from the worker page by page and redraw the bar, -v prints a
line per file as it ends, a plain line now and then when standard error is not a terminal, and the
libraries' debug logs stay out of --debug unless asked for."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import cli_progress
from pipeline.cli import OWN_LOGGERS, QUIET_LIBRARIES, _configure_logging, main
from pipeline.cli_progress import BatchProgress, file_line
from pipeline.model.records import Report
from pipeline.run import workers
from pipeline.run.batch import BatchListeners, digitize_batch
from pipeline.run.options import RunOptions
from pipeline.run.process import failed_report, process_data
from tests.conftest import UMEA

SCAN_PAGES = 3


class FakeClock:
    """Seconds that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as click asks before drawing a bar."""

    def isatty(self) -> bool:
        return True


def _fake_scan(
    path: Path, data: bytes, ocr: str, on_ocr_page: workers.PageProgress | None, page_slots: object = None
) -> Report:
    """process_data for a scan of SCAN_PAGES pages, without Tesseract: each page "read" is reported."""
    if path.name.startswith("scan") and on_ocr_page is not None:
        for done in range(1, SCAN_PAGES + 1):
            on_ocr_page(done, SCAN_PAGES)
    return process_data(path, data, ocr)


def test_ocr_pages_come_from_the_worker_in_order_after_the_file_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "process_data", _fake_scan)
    scan, text = tmp_path / "scan_umea.txt", tmp_path / "umea.txt"
    for path in (scan, text):
        path.write_bytes(UMEA.read_bytes())
    events: list[tuple[object, ...]] = []
    listeners = BatchListeners(
        progress=lambda report: events.append(("done", Path(report.source_file).name)),
        ocr_progress=lambda path, done, total: events.append(("page", path.name, done, total)),
        started=lambda path: events.append(("started", path.name)),
    )
    digitize_batch([scan, text], RunOptions(workers=1), listeners)
    assert events == [
        ("started", "scan_umea.txt"),
        *(("page", "scan_umea.txt", done, SCAN_PAGES) for done in range(1, SCAN_PAGES + 1)),
        ("done", "scan_umea.txt"),
        ("started", "umea.txt"),
        ("done", "umea.txt"),
    ]


def test_each_ocr_page_redraws_the_bar_on_a_terminal() -> None:
    stream = Terminal()
    with BatchProgress(1, stream, bar=True, plain_every=None, per_file=False) as progress:
        progress.started(Path("scan.pdf"))
        for done in range(1, SCAN_PAGES + 1):
            progress.ocr_page(Path("scan.pdf"), done, SCAN_PAGES)
            assert f"OCR scan.pdf page {done}/{SCAN_PAGES}" in stream.getvalue().rsplit("\r", 1)[-1]
        assert "0/1" in stream.getvalue() and "0 failed, 0 partial" in stream.getvalue()


def _ok(name: str, findings: int = 0) -> Report:
    from pipeline.run.process import process_file

    report = process_file(UMEA)
    assert len(report.extraction.findings) > findings
    return Report(report_id=name, source_file=name, sha256="", input_format="pdf", pages=12,
                  status="ok", extraction=report.extraction)  # fmt: skip


def test_plain_lines_come_every_interval_with_what_is_being_read() -> None:
    clock, stream = FakeClock(), io.StringIO()
    progress = BatchProgress(3, stream, bar=False, plain_every=10.0, per_file=False, clock=clock)
    progress.started(Path("a.txt"))
    clock.now += 4
    progress.heartbeat()
    assert stream.getvalue() == "", "not due yet"
    progress.finished(failed_report(Path("a.txt"), "cannot be read"))
    progress.started(Path("scans/b.pdf"))
    clock.now += 7
    progress.ocr_page(Path("scans/b.pdf"), 2, 25)
    progress.heartbeat()
    assert stream.getvalue() == (
        "progress: 1/3 files done, 1 failed, 0 partial, 11s; reading scans/b.pdf (7s, OCR page 2/25)\n"
    )
    clock.now += 9
    progress.heartbeat()
    assert len(stream.getvalue().splitlines()) == 1, "the next line is due 10 s after the last"
    clock.now += 61
    progress.heartbeat()
    assert stream.getvalue().splitlines()[-1] == (
        "progress: 1/3 files done, 1 failed, 0 partial, 1m21s; reading scans/b.pdf (1m17s, OCR page 2/25)"
    )


def test_per_file_line_says_status_pages_findings_and_seconds() -> None:
    clock, stream = FakeClock(), io.StringIO()
    progress = BatchProgress(2, stream, bar=False, plain_every=None, per_file=True, clock=clock)
    report = _ok("x.pdf")
    progress.started(Path("x.pdf"))
    clock.now += 4.25
    progress.finished(report)
    count = len(report.extraction.findings)
    assert stream.getvalue() == f"ok      x.pdf: 12 pages, {count} findings, 4.2 s\n"
    failed = failed_report(Path("y.txt"), "not a report")
    assert file_line(failed, 0.5) == "failed  y.txt: 0.5 s: not a report"


def _run(tmp_path: Path, *args: str) -> str:
    for name in ("a_umea.txt", "b_umea.txt"):
        (tmp_path / name).write_bytes(UMEA.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", str(tmp_path / "a_umea.txt"), str(tmp_path / "b_umea.txt"), "--out", str(out),
               "--format", "csv", "--no-report", "--no-cache", "--workers", "1", *args],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stderr


def test_v_prints_a_line_per_file_as_it_ends(tmp_path: Path) -> None:
    lines = _run(tmp_path, "-v").splitlines()
    ended = [line for line in lines if line.startswith("ok      ")]
    assert [line.split(":")[0] for line in ended] == [
        f"ok      {tmp_path / 'a_umea.txt'}", f"ok      {tmp_path / 'b_umea.txt'}",
    ]  # fmt: skip
    assert all(": text, 23 findings, " in line and line.endswith(" s") for line in ended)
    assert lines.index(ended[-1]) < lines.index(next(line for line in lines if " documents: " in line))


def test_without_v_no_line_per_file(tmp_path: Path) -> None:
    assert not [line for line in _run(tmp_path).splitlines() if line.startswith("ok ")]


def test_plain_progress_lines_appear_while_the_run_goes_when_stderr_is_not_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_progress, "PLAIN_EVERY_SECONDS", 0.0)  # every heartbeat is due
    lines = _run(tmp_path).splitlines()
    progress = [line for line in lines if line.startswith("progress: ")]
    summary = next(i for i, line in enumerate(lines) if " documents: " in line)
    # Which file is being read when a line is printed depends on timing (the unit test above checks
    # that part): the counts do not.
    assert any(line.startswith("progress: 1/2 files done, 0 failed, 0 partial, ") for line in progress)
    assert progress[-1].startswith("progress: 2/2 files done, 0 failed, 0 partial, ")
    assert all(lines.index(line) < summary for line in progress)


def test_q_prints_no_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_progress, "PLAIN_EVERY_SECONDS", 0.0)
    assert _run(tmp_path, "-q") == ""


@pytest.fixture
def restore_logging() -> Iterator[None]:
    names = ["", *OWN_LOGGERS, *QUIET_LIBRARIES, "matplotlib", "PIL"]
    levels = {name: logging.getLogger(name).level for name in names}
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.usefixtures("restore_logging")
def test_debug_logs_kompass_but_the_libraries_only_warn() -> None:
    _configure_logging("debug")
    assert logging.getLogger("pipeline.ingest.pdf.tesseract").isEnabledFor(logging.DEBUG)
    assert logging.getLogger("extractors.summary_table").isEnabledFor(logging.DEBUG)
    for library in ("matplotlib.font_manager", "PIL.PngImagePlugin", "fontTools.ttLib"):
        assert not logging.getLogger(library).isEnabledFor(logging.INFO)
        assert logging.getLogger(library).isEnabledFor(logging.WARNING)
    assert not logging.getLogger("pdfminer.pdfpage").isEnabledFor(logging.WARNING)


@pytest.mark.usefixtures("restore_logging")
def test_debug_libraries_lets_the_libraries_debug_logs_through() -> None:
    _configure_logging("debug", libraries=True)
    assert logging.getLogger("matplotlib.font_manager").isEnabledFor(logging.DEBUG)
    assert logging.getLogger("pdfminer.pdfpage").isEnabledFor(logging.DEBUG)


@pytest.mark.usefixtures("restore_logging")
def test_quiet_silences_warnings_everywhere() -> None:
    _configure_logging("quiet")
    assert not logging.getLogger("pipeline.run.batch").isEnabledFor(logging.WARNING)
    assert not logging.getLogger("matplotlib").isEnabledFor(logging.WARNING)
