"""Benchmark: kompass on a batch of report PDFs against a bare pdfplumber text pass.

For each batch size it copies the generated fixture PDFs (tests/fixtures, made by
tests/fixtures/make_pdfs.py) into a folder until it holds that many documents, then

- times a bare pass in this process that only opens each file with pdfplumber and calls
  ``page.extract_text()`` on every page, and
- times ``kompass run`` on the same folder with default settings (all cores, no cache), in a
  child process, sampling the memory of its whole process tree (coordinator and workers).

It prints documents/s, pages/s, the ratio pipeline/bare and peak memory for each size. The run
writes no audit report; ``kompass report`` then builds it from the output folder, timed on its own,
so the report's share of the batch time shows (target: at most a tenth).
Run it with ``make bench``; sizes can be given as arguments (default: 10 100).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
WORK = ROOT / "bench" / "work"


@dataclass
class Timing:
    seconds: float
    pages: int
    peak_mib: float = 0.0


def source_pdfs() -> list[Path]:
    pdfs = sorted(p for p in FIXTURES.glob("umea_*.pdf"))
    if not pdfs:
        sys.exit(f"no fixture PDFs in {FIXTURES}: run tests/fixtures/make_pdfs.py first")
    return pdfs


def make_batch(size: int) -> Path:
    folder = WORK / f"batch-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = source_pdfs()
    for i in range(size):
        shutil.copyfile(sources[i % len(sources)], folder / f"report_{i:04d}.pdf")
    return folder


def bare_pass(folder: Path) -> Timing:
    start, pages = time.perf_counter(), 0
    for path in sorted(folder.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
    return Timing(time.perf_counter() - start, pages)


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


def pipeline_pass(folder: Path, pages: int) -> Timing:
    out = WORK / f"out-{folder.name}"
    shutil.rmtree(out, ignore_errors=True)
    kompass = Path(sys.executable).with_name("kompass")
    start = time.perf_counter()
    command = [str(kompass), "run", str(folder), "--out", str(out), "--no-cache", "--no-report"]
    process = subprocess.Popen(command)
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
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if code != 0:
        sys.exit(f"kompass run failed with exit code {code}")
    return Timing(seconds, pages, peak / 1024)


def report_pass(folder: Path) -> tuple[float, int]:
    """Seconds ``kompass report`` takes on the batch's output folder, and the report's size."""
    out = WORK / f"out-{folder.name}"
    kompass = Path(sys.executable).with_name("kompass")
    start = time.perf_counter()
    subprocess.run([str(kompass), "report", str(out), "-q"], check=True)
    return time.perf_counter() - start, (out / "report.html").stat().st_size


def main(sizes: list[int]) -> None:
    print(f"kompass benchmark: {os.cpu_count()} cores, fixtures {', '.join(p.name for p in source_pdfs())}")
    print(f"{'docs':>5} {'pages':>6} | {'bare s':>7} {'docs/s':>7} {'pages/s':>8} | "
          f"{'kompass s':>9} {'docs/s':>7} {'pages/s':>8} {'peak MiB':>9} | {'ratio':>5}")  # fmt: skip
    for size in sizes:
        folder = make_batch(size)
        bare = bare_pass(folder)
        full = pipeline_pass(folder, bare.pages)
        print(
            f"{size:>5} {bare.pages:>6} | {bare.seconds:>7.2f} {size / bare.seconds:>7.1f} "
            f"{bare.pages / bare.seconds:>8.1f} | {full.seconds:>9.2f} {size / full.seconds:>7.1f} "
            f"{full.pages / full.seconds:>8.1f} {full.peak_mib:>9.0f} | {full.seconds / bare.seconds:>5.2f}"
        )
        seconds, size_bytes = report_pass(folder)
        print(
            f"      report.html: {seconds:.2f} s ({seconds / full.seconds:.0%} of the run), "
            f"{size_bytes / 2**20:.1f} MiB"
        )
    print("ratio = kompass time / bare pdfplumber extract_text time (target <= 1.0)")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10, 100])
