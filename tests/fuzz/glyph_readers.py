"""The two glyph readers side by side: pdfminer's (the default) and pdfium's (experimental).

On the fixture PDFs and on the text PDFs of a fuzz draw (seeds ``--seed`` to ``--seed + --n - 1``
whose export is ``pdf``, across the three engines), it counts:

- glyphs: per page, the two readers' glyphs aligned by text (``difflib``); a pair is identical when
  the texts are equal and every box edge and the size are within ``TOLERANCE`` points, a box
  difference when the texts are equal and an edge is further off; glyphs left unpaired or paired
  with another text are text differences. Ruling lines (pdfminer's either way) and hidden glyphs
  are compared as lists.
- facts: kompass (the library, one worker, no cache) on all the PDFs with each reader; every
  output table compared as CSV text.
- speed: CPU seconds per page of each glyph reader alone (pdfminer's ``page_glyphs``; pdfium's
  glyphs, and pdfminer's rulings alone, which the pdfium path adds) and of the whole read
  (``read_pdf``), the minimum of ``--repeats``.

Run: ``nice .venv/bin/python -m tests.fuzz.glyph_readers --folder /tmp/glyph-draw`` (the draw is
generated into the folder once and reused).
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber

from pipeline.ingest.pdf.glyphs import Glyph, font_descents, page_glyphs, page_place, page_rulings
from pipeline.ingest.pdf.pdfium_glyphs import open_pdfium_glyphs
from pipeline.ingest.pdf.reader import GLYPH_READER_VARIABLE, page_drawing, read_pdf

TOLERANCE = 0.1
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def draw(seed: int, n: int, folder: Path) -> list[Path]:
    """The text PDFs of the draw, generated into ``folder`` unless there already."""
    from tests.fuzz.document import make_document
    from tests.fuzz.run import generate

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(seed, seed + n):
        doc = make_document(number)
        if doc.traits["export"] != "pdf":
            continue
        path = folder / f"{doc.stem}.pdf"
        if not path.exists():
            generate([number], folder)
        if path.exists():
            paths.append(path)
    return paths


def compare_page(mine: list[Glyph], theirs: list[Glyph], counts: Counter[str]) -> None:
    """Count identical glyphs, box differences and text differences between two pages' glyphs."""
    matcher = difflib.SequenceMatcher(None, [g.text for g in mine], [g.text for g in theirs], autojunk=False)
    paired = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            a, b = mine[block.a + k], theirs[block.b + k]
            paired += 1
            off = max(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs(a.top - b.top), abs(a.bottom - b.bottom))
            counts["box over 0.1 pt" if off > TOLERANCE else "identical"] += 1
            if abs(a.size - b.size) > TOLERANCE:
                counts["size over 0.1 pt"] += 1
    counts["pdfminer glyphs drawn twice (fake bold), unpaired"] += _unpaired_twice(mine, matcher)
    counts["pdfminer glyphs"] += len(mine)
    counts["pdfium glyphs"] += len(theirs)
    counts["text: pdfminer only"] += len(mine) - paired
    counts["text: pdfium only"] += len(theirs) - paired
    if [g.text for g in mine] != [g.text for g in theirs]:
        counts["pages whose glyph texts differ (order or text)"] += 1


def _unpaired_twice(mine: list[Glyph], matcher: difflib.SequenceMatcher[str]) -> int:
    """How many of pdfminer's unpaired glyphs repeat a glyph of the same text within a fifth of
    the font size: text drawn twice for bold, which pdfium's text page reads once."""
    paired = {block.a + k for block in matcher.get_matching_blocks() for k in range(block.size)}
    place: dict[tuple[str, int, int], int] = {}
    for index, glyph in enumerate(mine):
        place.setdefault((glyph.text, round(glyph.x0), round(glyph.top)), index)
    twice = 0
    for index, glyph in enumerate(mine):
        if index in paired:
            continue
        x, y = round(glyph.x0), round(glyph.top)
        near = [place.get((glyph.text, x + dx, y + dy), index) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        close = (mine[i] for i in near if i != index)
        if any(abs(g.x0 - glyph.x0) + abs(g.top - glyph.top) < 0.2 * glyph.size for g in close):
            twice += 1
    return twice


def compare_glyphs(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """Glyph counts over all pages, and which texts only one reader gives."""
    counts: Counter[str] = Counter()
    only: Counter[str] = Counter()
    for path in paths:
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf, open_pdfium_glyphs(data) as pdfium:
            for page in pdf.pages:
                counts["pages"] += 1
                if page.rotation:
                    counts["pages turned (pdfminer reads them either way)"] += 1
                    continue
                mine, theirs = page_glyphs(page), page_drawing(page, pdfium)
                compare_page(mine.glyphs, theirs.glyphs, counts)
                if theirs.rules != mine.rules:
                    counts["pages whose rulings differ"] += 1
                counts["hidden pdfminer"] += len(mine.hidden)
                counts["hidden pdfium"] += len(theirs.hidden)
                if abs(theirs.image_share - mine.image_share) > 0.01:
                    counts["pages whose image share differs"] += 1
                _only(mine.glyphs, theirs.glyphs, only)
    return counts, only


def _only(mine: list[Glyph], theirs: list[Glyph], only: Counter[str]) -> None:
    left, right = Counter(g.text for g in mine), Counter(g.text for g in theirs)
    for text, n in (left - right).items():
        only[f"pdfminer {text!r}"] += n
    for text, n in (right - left).items():
        only[f"pdfium {text!r}"] += n


def compare_facts(paths: list[Path]) -> dict[str, str]:
    """Each output table: ``same`` or how many CSV lines differ between the two readers."""
    import pipeline

    tables = {}
    for reader in ("pdfminer", "pdfium"):
        os.environ[GLYPH_READER_VARIABLE] = reader
        result = pipeline.digitize(paths, workers=1, cache_dir=None)
        tables[reader] = {name: frame.to_csv(index=False) for name, frame in result.tables.items()}
    os.environ.pop(GLYPH_READER_VARIABLE)
    verdicts = {}
    for name, mine in tables["pdfminer"].items():
        theirs = tables["pdfium"].get(name, "")
        if mine == theirs:
            verdicts[name] = f"same ({mine.count(chr(10)) - 1} rows)"
        else:
            changed = sum(1 for line in difflib.unified_diff(mine.splitlines(), theirs.splitlines(), n=0)
                          if line[:1] in "+-" and line[:3] not in ("+++", "---"))  # fmt: skip
            verdicts[name] = f"DIFFERS: {changed} CSV lines"
    return verdicts


def cpu(step: Callable[[], None], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        step()
        best = min(best, time.process_time() - started)
    return best


def speed(paths: list[Path], repeats: int) -> dict[str, float]:
    """CPU milliseconds per page of each reader alone and of the whole read."""
    files = [(path.name, path.read_bytes()) for path in paths]
    pages = 0
    for _, data in files:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages += len(pdf.pages)

    Read = Callable[[pdfplumber.PDF, Any, Any], object]

    def each_page(read: Read, with_pdfium: bool) -> Callable[[], None]:
        def run() -> None:
            for _, data in files:
                with pdfplumber.open(io.BytesIO(data)) as pdf, open_pdfium_glyphs(data) as pdfium:
                    for page in pdf.pages:
                        read(pdf, page, pdfium if with_pdfium else None)
                        page.close()

        return run

    def pdfium_only(pdf: pdfplumber.PDF, page: Any, pdfium: Any) -> None:
        _left, bottom_edge = page_place(page)
        pdfium.page_drawing(page.page_number, float(page.height), bottom_edge, font_descents(page))

    def whole(reader: str) -> Callable[[], None]:
        def run() -> None:
            for name, data in files:
                read_pdf(data, name, "", ocr="never", glyph_reader=reader)

        return run

    steps = {
        "opening only (pdfplumber and pdfium)": each_page(lambda pdf, page, pdfium: None, False),
        "pdfminer glyphs and rulings": each_page(lambda pdf, page, pdfium: page_glyphs(page), False),
        "pdfium glyphs": each_page(pdfium_only, True),
        "pdfminer rulings alone": each_page(lambda pdf, page, pdfium: page_rulings(page), False),
        "whole read, pdfminer": whole("pdfminer"),
        "whole read, pdfium": whole("pdfium"),
    }
    return {name: 1000 * cpu(step, repeats) / pages for name, step in steps.items()} | {"pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=5000)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--speed-docs", type=int, default=40, help="drawn documents timed, after the fixtures"
    )
    parser.add_argument("--skip", nargs="*", default=(), choices=("glyphs", "facts", "speed"))
    args = parser.parse_args()
    fixtures = sorted(FIXTURES.glob("*.pdf"))
    drawn = draw(args.seed, args.n, args.folder)
    last = args.seed + args.n - 1
    print(f"{len(fixtures)} fixture PDFs, {len(drawn)} text PDFs drawn from seeds {args.seed}-{last}")
    for label, paths in (("fixtures", fixtures), ("draw", drawn)):
        if "glyphs" not in args.skip:
            counts, only = compare_glyphs(paths)
            print(f"\n{label}: glyphs")
            for key, value in sorted(counts.items()):
                print(f"  {key}: {value}")
            common = ", ".join(f"{k} {v}" for k, v in only.most_common(12))
            print("  texts one reader gives more often:", common)
    if "facts" not in args.skip:
        print("\nfacts (fixtures and draw):")
        for name, verdict in compare_facts(fixtures + drawn).items():
            print(f"  {name}: {verdict}")
    if "speed" not in args.skip:
        timed = fixtures + drawn[: args.speed_docs]
        print(
            f"\nCPU ms per page ({len(timed)} documents, the fixtures and the first drawn; least of repeats):"
        )
        for name, value in speed(timed, args.repeats).items():
            print(f"  {name}: {value:.1f}")


if __name__ == "__main__":
    main()
