"""Table finders of other libraries on the fuzz documents, counted the same way as kompass.

Run by `python -m tests.fuzz.compare` in a virtual environment of its own (`.venv-compare`, from
requirements/compare.txt): `python tests/fuzz/libraries.py DOCUMENTS.json RESULTS.json`. This module
imports only the standard library at its top, so kompass's side can use its counting functions.

A library gives tables of cells and no meaning, so the count asks what a reader built on it could
at best get right: a sub-question is found when one row holds a cell starting with its id ("3.2",
"3:2", "3.2.") and, among its other cells, exactly its max and own points as two numbers (in either
order); a summary value is found when the row naming its area holds the area's totals of every year
as a run of its numbers, oldest first.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

Rows = list[list[str]]
FOOTNOTE_MARKS = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰*")
NUMBER = re.compile(r"[-−]?\d+(?:[.,]\d+)?")


def cell_number(cell: str) -> float | None:
    """The number a cell holds alone ("56,5¹" is 56.5), or None."""
    text = cell.translate(FOOTNOTE_MARKS).replace(" ", "").replace("\u00a0", "")
    if NUMBER.fullmatch(text):
        return float(text.replace(",", ".").replace("−", "-"))
    return None


def _clean(rows: Iterable[Sequence[Any]]) -> Rows:
    return [[re.sub(r"\s+", " ", str(c) if c is not None else "").strip() for c in row] for row in rows]


def questions_found(rows: Rows, questions: Sequence[Sequence[float]]) -> int:
    """How many (area, position, max, own) sub-questions a row gives whole."""
    found = 0
    for area, position, max_points, points in questions:
        label = re.compile(rf"^{int(area)}\s*[.:]\s*{int(position)}\.?(?!\d)")
        for cells in rows:
            if not any(label.match(c) for c in cells):
                continue
            numbers = sorted(
                n for c in cells if not label.match(c) for n in [cell_number(c)] if n is not None
            )
            if numbers == sorted([max_points, points]):
                found += 1
                break
    return found


def summary_found(rows: Rows, summary: dict[str, dict[str, float]], names: Sequence[str]) -> int:
    """How many of the summary's area totals (year -> area -> total) come out of the row naming the area."""
    years = sorted(summary)
    found = 0
    for area in sorted({a for y in years for a in summary[y]}, key=int):
        wanted = [summary[y][area] for y in years if area in summary[y]]
        name = names[int(area) - 1].lower()[:14]
        for cells in rows:
            if not any(name in c.lower() for c in cells):
                continue
            numbers = [n for c in cells for n in [cell_number(c)] if n is not None]
            if any(numbers[i : i + len(wanted)] == wanted for i in range(len(numbers) - len(wanted) + 1)):
                found += len(wanted)
                break
    return found


def _pdfplumber(path: str, strategy: str) -> Rows:
    import pdfplumber

    settings = {} if strategy == "lines" else {"vertical_strategy": "text", "horizontal_strategy": "text"}
    rows: Rows = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables(settings):
                rows.extend(_clean(table))
    return rows


def _camelot(path: str, flavor: str) -> Rows:
    import camelot

    rows: Rows = []
    for table in camelot.read_pdf(path, pages="1-end", flavor=flavor):
        rows.extend(_clean(table.df.values.tolist()))
    return rows


def _img2table(path: str) -> Rows:
    from img2table.document import PDF
    from img2table.ocr import TesseractOCR

    found = PDF(path).extract_tables(
        ocr=TesseractOCR(n_threads=1, lang="swe"),
        implicit_rows=True,
        borderless_tables=True,
        min_confidence=50,
    )
    rows: Rows = []
    for tables in found.values():
        for table in tables:
            rows.extend(_clean(table.df.fillna("").astype(str).values.tolist()))
    return rows


# Each finder, and whether it reads text PDFs (False: scans, through its own OCR).
FINDERS: dict[str, tuple[Callable[[str], Rows], bool]] = {
    "pdfplumber-lines": (lambda p: _pdfplumber(p, "lines"), True),
    "pdfplumber-text": (lambda p: _pdfplumber(p, "text"), True),
    "camelot-lattice": (lambda p: _camelot(p, "lattice"), True),
    "camelot-stream": (lambda p: _camelot(p, "stream"), True),
    "img2table": (_img2table, False),
}


def measure(documents: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every finder on every document of its kind: counts, CPU and wall seconds, the error if it failed."""
    results: dict[str, dict[str, Any]] = {}
    for seed, doc in sorted(documents.items()):
        for name, (finder, reads_text) in FINDERS.items():
            if reads_text == doc["scanned"]:
                continue
            cpu, wall = time.process_time(), time.monotonic()
            try:
                rows, error = finder(doc["file"]), ""
            except Exception as exc:  # a library's failure on a document is a figure of the comparison
                rows, error = [], f"{type(exc).__name__}: {exc}"[:200]
            results[f"{seed}/{name}"] = {
                "finder": name,
                "channel": doc["channel"],
                "questions": questions_found(rows, doc["questions"]),
                "summary": summary_found(rows, doc["summary"], doc["names"]),
                "cpu_s": round(time.process_time() - cpu, 2),
                "wall_s": round(time.monotonic() - wall, 2),
                "error": error,
            }
            print(seed, name, results[f"{seed}/{name}"], file=sys.stderr, flush=True)
    return results


def main(argv: list[str]) -> int:
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    documents = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    Path(argv[1]).write_text(json.dumps(measure(documents), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
