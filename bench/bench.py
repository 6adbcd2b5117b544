"""Benchmark: kompass against a bare pdfplumber text pass and a bare pdfminer parse, same files.

It copies the generated fixture PDFs (tests/fixtures, made by tests/fixtures/make_pdfs.py) into a
folder of ``--docs`` documents and runs three passes over it, each in a child process so that
wall time, CPU time (user + system, the child and everything it waited for) and the peak resident
memory of its whole process tree are measured the same way:

- ``pdfplumber``: open each file with pdfplumber and call ``page.extract_text()`` on every page;
- ``pdfminer``: run pdfminer's interpreter over every page into its layout objects, without
  layout analysis (what pdfplumber does beneath, and kompass's reader does too);
- ``kompass``: ``kompass run`` with default settings (all cores, no cache).

It prints seconds, pages/s, CPU milliseconds per page, peak MiB, and kompass's CPU as a share of
each bare pass (the target: at most 0.5 of the pdfplumber pass). With ``--memory N`` it also runs
kompass on 10 and on N copies of the text export of the Umeå report (text, so that a thousand
documents take minutes, not an hour: what grows with the batch is the reports and tables, not the
pages) and prints the peak memory of each.

It then measures scans: ``kompass run`` (one worker) on a scan of the whole ruled Umeå fixture, 25
pages as a report of the archive has (25 to 35), made as tests/fixtures/make_scans.py makes its
scans (``--short-scan``: six of its pages, title, summary table, text and score table, for a quicker
look, where kompass's start-up weighs four times as much), against the floor any OCR tool pays for
the same pages (``ocr``: pypdfium2 renders each page at 300 dpi and the Tesseract program reads it,
with kompass's language and page segmentation), as a ratio of CPU seconds, and against the same
floor read by the Tesseract kompass loads in its process (``ocr-library``: the library, the image
handed over in memory); then the same scan with all cores, whose pages are read at once on them, as
a ratio of wall times; and the start-up of a one-report run: ``kompass run`` on the text export of
the Umeå report, whose CPU is nearly all importing and setting up. ``--scan-only`` measures the scan
and the start-up alone.

Last, the start-up on its own: ``kompass run`` on the text export of the Umeå report with the
default outputs (CSV, Parquet and the audit report), the minimum of ``--repeats`` runs in CPU
seconds of the whole process tree (target: under 0.8 s), and what importing each heavy library
costs by itself (a bare ``python -c "import X"``, minus Python's own start).

Run it with ``make bench`` (``make bench BENCH_ARGS="--docs 40 --memory 1000"``; ``BENCH_ARGS=--startup``
for the start-up figures alone).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TEXT_REPORT = ROOT / "corpus" / "umea_2007.txt"
WORK = ROOT / "bench" / "work"
# The pages of the ruled Umeå fixture scanned for the OCR figures (0-based): the title page, the
# summary table, a page of text and the score table's three pages.
SHORT_SCAN_PAGES = (0, 3, 10, 21, 22, 23)
STARTUP_TARGET = 0.8  # CPU seconds of a one-report text run, the audit report included
# Libraries whose import the start-up figures show; those not installed are left out (matplotlib is
# no longer a dependency: the charts are kompass's own SVG).
HEAVY_IMPORTS = ("pandas", "pyarrow.parquet", "pdfplumber", "jinja2", "regex", "spacy", "matplotlib.pyplot")


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float
    peak_mib: float


def source_pdfs() -> list[Path]:
    pdfs = sorted(FIXTURES.glob("umea_*.pdf"))
    if not pdfs:
        sys.exit(f"no fixture PDFs in {FIXTURES}: run tests/fixtures/make_pdfs.py first")
    return pdfs


def make_batch(name: str, sources: list[Path], size: int) -> Path:
    folder = WORK / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(size):
        source = sources[i % len(sources)]
        shutil.copyfile(source, folder / f"report_{i:04d}{source.suffix}")
    return folder


# --- the bare passes, run in a child process (``bench.py --bare KIND FOLDER``) -------------------


def bare_pdfplumber(folder: Path) -> int:
    import pdfplumber

    pages = 0
    for path in sorted(folder.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
    return pages


def bare_pdfminer(folder: Path) -> int:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    pages = 0
    for path in sorted(folder.glob("*.pdf")):
        with path.open("rb") as file:
            manager = PDFResourceManager()
            device = PDFPageAggregator(manager, laparams=None)
            interpreter = PDFPageInterpreter(manager, device)
            for page in PDFPage.get_pages(file):
                interpreter.process_page(page)
                device.get_result()
                pages += 1
    return pages


def bare_ocr(folder: Path) -> int:
    """Every page of the PDFs rendered at kompass's OCR resolution and read by the Tesseract
    program, as kompass asks it to (language, page segmentation, one thread, a word table)."""
    import pypdfium2

    from pipeline.ingest.pdf import OCR_DPI, OCR_LANGUAGE, OCR_PAGE_SEGMENTATION

    pages = 0
    command = ["tesseract", "stdin", "stdout", "-l", OCR_LANGUAGE, *OCR_PAGE_SEGMENTATION.split(), "tsv"]
    for path in sorted(folder.glob("*.pdf")):
        document = pypdfium2.PdfDocument(path)
        for page in document:
            image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil().convert("L")
            bitmap = io.BytesIO()
            image.save(bitmap, "BMP")  # what Tesseract reads fastest, and kompass hands it
            subprocess.run(
                command, input=bitmap.getvalue(), stdout=subprocess.DEVNULL, check=True,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )  # fmt: skip
            pages += 1
        document.close()
    return pages


def bare_ocr_library(folder: Path) -> int:
    """Every page rendered as for :func:`bare_ocr` and read by the Tesseract library loaded in the
    process, as kompass reads, the image handed over in memory: the floor without the program's
    start and image file."""
    import pypdfium2

    from pipeline.ingest.pdf import OCR_DPI, OCR_LANGUAGE, OCR_PAGE_SEGMENTATION
    from pipeline.ingest.pdf import ocr_in_process as image_to_data

    pages = 0
    for path in sorted(folder.glob("*.pdf")):
        document = pypdfium2.PdfDocument(path)
        for page in document:
            image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil().convert("L")
            image_to_data(image, OCR_LANGUAGE, OCR_PAGE_SEGMENTATION, None)
            pages += 1
        document.close()
    return pages


BARE = {
    "pdfplumber": bare_pdfplumber,
    "pdfminer": bare_pdfminer,
    "ocr": bare_ocr,
    "ocr-library": bare_ocr_library,
}


# --- measuring a child process tree -------------------------------------------------------------


def _tree_rss_kib(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(command: list[str]) -> Timing:
    """Run ``command``; its wall and CPU seconds and the peak memory of its process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if code != 0:
        sys.exit(f"{' '.join(command)} failed with exit code {code}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu, peak / 1024)


def kompass_run(folder: Path, *options: str, report: bool = False) -> Timing:
    """``kompass run`` on ``folder`` without the cache, and without the audit report unless
    ``report`` (the report is timed on its own, by :func:`kompass_report`, so its share shows)."""
    out = WORK / f"out-{folder.name}"
    shutil.rmtree(out, ignore_errors=True)
    kompass = Path(sys.executable).with_name("kompass")
    report_option = () if report else ("--no-report",)
    command = [str(kompass), "run", str(folder), "--out", str(out), "--no-cache", *report_option, *options]
    return measure(command)


def kompass_report(folder: Path) -> Timing:
    """``kompass report`` on the output folder of :func:`kompass_run`: the audit report (OUT/report/)
    from the tables."""
    kompass = Path(sys.executable).with_name("kompass")
    return measure([str(kompass), "report", str(WORK / f"out-{folder.name}"), "-q"])


# --- the report ---------------------------------------------------------------------------------


def speed(docs: int) -> None:
    folder = make_batch(f"pdf-{docs}", source_pdfs(), docs)
    load = _load()
    timings = {kind: measure([sys.executable, __file__, "--bare", kind, str(folder)]) for kind in BARE}
    timings["kompass"] = kompass_run(folder)
    timings["report"] = kompass_report(folder)
    pages = _pages(folder)
    print(f"{docs} documents, {pages} pages, {os.cpu_count()} cores; load average before: {load}, ", end="")
    print(f"after: {_load()}")
    print(f"{'pass':<11} {'wall s':>7} {'CPU s':>7} {'pages/s':>8} {'CPU ms/page':>11} {'peak MiB':>9}")
    for kind, t in timings.items():
        print(
            f"{kind:<11} {t.wall:>7.1f} {t.cpu:>7.1f} {pages / t.wall:>8.1f} "
            f"{1000 * t.cpu / pages:>11.1f} {t.peak_mib:>9.0f}"
        )
    kompass = timings["kompass"].cpu
    print(
        f"kompass CPU / pdfplumber CPU: {kompass / timings['pdfplumber'].cpu:.2f} (target <= 0.5); "
        f"kompass CPU / pdfminer CPU: {kompass / timings['pdfminer'].cpu:.2f}"
    )
    report = timings["report"]
    print(f"audit report: {report.wall / timings['kompass'].wall:.0%} of the run's wall time (target <= 10%)")


def _pages(folder: Path) -> int:
    import pdfplumber

    total = 0
    for path in sorted(folder.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            total += len(pdf.pages)
    return total


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def make_scan(pages: tuple[int, ...] | None) -> Path:
    """A folder with one scan of the ruled Umeå fixture, or of its ``pages`` (0-based), made as
    tests/fixtures/make_scans.py makes the test scans (200 dpi, bilevel, slightly turned)."""
    import pypdfium2

    sys.path.insert(0, str(FIXTURES))
    import make_scans

    folder = WORK / "scan"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    source = pypdfium2.PdfDocument(make_scans.SOURCE)
    cut = pypdfium2.PdfDocument.new()
    cut.import_pages(source, list(pages if pages is not None else range(len(source))))
    cut.save(folder / "source.pdf")
    for document in (cut, source):
        document.close()
    make_scans.scanned_pdf(folder / "source.pdf", folder / "scan.pdf")
    (folder / "source.pdf").unlink()
    return folder


def scans(short: bool) -> None:
    folder, cores = make_scan(SHORT_SCAN_PAGES if short else None), os.cpu_count() or 1
    pages = _pages(folder)
    load = _load()
    floor = measure([sys.executable, __file__, "--bare", "ocr", str(folder)])
    library = measure([sys.executable, __file__, "--bare", "ocr-library", str(folder)])
    kompass = kompass_run(folder, "--workers", "1")
    spread = kompass_run(folder)
    start = kompass_run(make_batch("text-1", [TEXT_REPORT], 1), "--workers", "1")
    print(f"a {pages}-page scan (200 dpi, bilevel); load average before: {load}, after: {_load()}")
    print(f"{'pass':<19} {'wall s':>7} {'CPU s':>7} {'CPU s/page':>10}")
    passes = (
        ("ocr floor", floor), ("library floor", library), ("kompass, 1 worker", kompass),
        (f"kompass, {cores} cores", spread),
    )  # fmt: skip
    for kind, t in passes:
        print(f"{kind:<19} {t.wall:>7.1f} {t.cpu:>7.1f} {t.cpu / pages:>10.2f}")
    without_start = (kompass.cpu - start.cpu) / floor.cpu
    print(
        f"kompass CPU / floor CPU: {kompass.cpu / floor.cpu:.2f} (target <= 1.10); without kompass's "
        f"start-up ({start.cpu:.2f} CPU s, a one-report text run): {without_start:.2f}"
    )
    print(
        f"kompass CPU / library floor CPU (the same Tesseract loaded in the process, as kompass does): "
        f"{kompass.cpu / library.cpu:.2f}; without kompass's start-up: "
        f"{(kompass.cpu - start.cpu) / library.cpu:.2f}"
    )
    print(
        f"wall time on {cores} cores / on one worker: {spread.wall / kompass.wall:.2f} "
        f"(the pages read at once on the idle cores; CPU {spread.cpu / kompass.cpu:.2f} of one worker's)"
    )


def startup(repeats: int) -> None:
    """The CPU of a one-report text run with the default outputs, and of each heavy import."""
    folder = make_batch("text-1", [TEXT_REPORT], 1)
    cpu = min(kompass_run(folder, report=True).cpu for _ in range(repeats))
    print(
        f"start-up: kompass run on {TEXT_REPORT.name} (CSV, Parquet, audit report), min of {repeats}: "
        f"{cpu:.2f} CPU s (target < {STARTUP_TARGET}); load average: {_load()}"
    )
    bare = min(measure([sys.executable, "-c", "pass"]).cpu for _ in range(repeats))
    costs = []
    for module in (*HEAVY_IMPORTS, "pipeline.api"):
        command = [sys.executable, "-c", f"import {module}"]
        if subprocess.run(command, stderr=subprocess.DEVNULL, check=False).returncode == 0:
            costs.append(f"{module} {min(measure(command).cpu for _ in range(repeats)) - bare:.2f}")
    print(f"importing, CPU s beyond Python's start ({bare:.2f}): {', '.join(costs)}")


def memory(large: int) -> None:
    print(f"kompass run on copies of {TEXT_REPORT.name}: peak memory of the process tree")
    print(f"{'docs':>5} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9}")
    peaks = []
    for docs in (10, large):
        t = kompass_run(make_batch(f"text-{docs}", [TEXT_REPORT], docs))
        peaks.append(t.peak_mib)
        print(f"{docs:>5} {t.wall:>7.1f} {t.cpu:>7.1f} {t.peak_mib:>9.0f}")
    print(f"peak memory for {large} documents: {100 * (peaks[1] / peaks[0] - 1):+.0f}% of that for 10")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20, help="PDF documents in the speed batch")
    parser.add_argument(
        "--memory", type=int, metavar="N", help="also compare peak memory for 10 and N text reports"
    )
    parser.add_argument("--no-scan", action="store_true", help="leave out the scan figures")
    parser.add_argument("--scan-only", action="store_true", help="only the scan and start-up figures")
    parser.add_argument(
        "--short-scan", action="store_true", help="six pages of the scan, not the whole 25-page report"
    )
    parser.add_argument(
        "--repeats", type=int, default=5, help="runs of the start-up figures (the minimum counts)"
    )
    parser.add_argument("--startup", action="store_true", help="only the start-up figures")
    parser.add_argument("--bare", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    # Each figure shows as soon as it is measured, also through a pipe: the bench runs for minutes.
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    if args.bare:
        BARE[args.bare[0]](Path(args.bare[1]))
        return
    if not args.startup:
        if not args.scan_only:
            speed(args.docs)
        if not args.no_scan:
            scans(args.short_scan)
    startup(args.repeats)
    if args.memory:
        memory(args.memory)


if __name__ == "__main__":
    main()
