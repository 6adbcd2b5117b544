"""`python -m tests.fuzz.compare --seed S --pdfs N --scans M --libraries-python PY`: kompass's table
reading against pdfplumber's table finder, camelot (lattice and stream) and img2table (scans, with
its own Tesseract OCR) on the same fuzz documents, counted alike (see tests/fuzz/libraries.py).

`make compare-tables` runs it with the libraries in `.venv-compare` (requirements/compare.txt), kept
apart from kompass's own locks: they are measured here, not used.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from tests.fuzz.document import FuzzDocument, make_document
from tests.fuzz.libraries import FINDERS
from tests.fuzz.run import generate
from tests.fuzz.traits import SCANNED, TRAITS, channel


def pick_seeds(start: int, pdfs: int, scans: int) -> list[int]:
    """Seeds from `start` on whose export is a text PDF or a scan, spread evenly over the engines."""
    engines = TRAITS["engine"]
    wanted = {(e, "pdf"): pdfs // len(engines) + (i < pdfs % len(engines)) for i, e in enumerate(engines)}
    wanted |= {(e, "scan"): scans // len(engines) + (i < scans % len(engines)) for i, e in enumerate(engines)}
    taken: Counter[tuple[str, str]] = Counter()
    seeds, seed = [], start
    while sum(taken.values()) < sum(wanted.values()):
        traits = make_document(seed).traits
        kind = (traits["engine"], "scan" if traits["export"] in SCANNED else traits["export"])
        if taken[kind] < wanted.get(kind, 0):
            taken[kind] += 1
            seeds.append(seed)
        seed += 1
    return seeds


def describe(doc: FuzzDocument, path: Path) -> dict[str, Any]:
    """What libraries.py needs of a document: its file, kind and the printed table facts."""
    content = doc.content
    return {
        "file": str(path),
        "scanned": doc.traits["export"] in SCANNED,
        "channel": channel(doc.traits),
        "questions": [
            [a.number, q.position, q.max_points, q.points] for a in content.areas for q in a.questions
        ],
        "summary": {str(y): {str(a): v for a, v in areas.items()} for y, areas in content.summary.items()},
        "names": list(content.area_names),
    }


def kompass_counts(documents: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """kompass (the library, as `kompass run`) on the same documents, counted as the finders are."""
    import pipeline

    paths = [Path(doc["file"]) for doc in documents.values()]
    tables = pipeline.digitize(paths, workers=1).tables
    ids = {Path(r["source_file"]).name: r["report_id"] for r in tables["reports"].to_dict("records")}
    results = {}
    for seed, doc in documents.items():
        report_id = ids.get(Path(doc["file"]).name)
        qs = tables["question_scores"]
        questions = qs[qs["report_id"] == report_id].to_dict("records")
        pairs = {
            (int(r["area"]), str(r["question_id"])): sorted(
                v for v in (r["max_score"], r["score"]) if v is not None and v == v
            )
            for r in reversed(questions)
        }
        found_q = sum(pairs.get((a, f"{a}.{p}")) == sorted([m, s]) for a, p, m, s in doc["questions"])
        areas = tables["area_scores"]
        scores = areas[areas["report_id"] == report_id].to_dict("records")
        read = {(str(r["year"]), str(r["area"])): r["score"] for r in scores}
        found_s = 0
        for area in {a for areas in doc["summary"].values() for a in areas}:
            years = [y for y in doc["summary"] if area in doc["summary"][y]]
            if all(read.get((y, area)) == doc["summary"][y][area] for y in years):
                found_s += len(years)
        results[f"{seed}/kompass"] = {
            "finder": "kompass",
            "channel": doc["channel"],
            "questions": found_q,
            "summary": found_s,
        }
    return results


def table(documents: dict[str, dict[str, Any]], results: dict[str, dict[str, Any]]) -> list[str]:
    """Per finder, overall and per channel: sub-questions and summary values found, CPU a document."""
    totals = {
        seed: (len(d["questions"]), sum(len(v) for v in d["summary"].values()))
        for seed, d in documents.items()
    }
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0, 0])
    for key, r in results.items():
        seed = key.split("/")[0]
        for group in ("all", r["channel"]):
            s = sums[(r["finder"], group)]
            s[0] += r["questions"]
            s[1] += totals[seed][0]
            s[2] += r["summary"]
            s[3] += totals[seed][1]
            s[4] += r.get("cpu_s", 0.0)
            s[5] += 1
    order = ["kompass", *FINDERS]
    lines = [f"{'finder':18} {'documents':28} {'sub-questions':>18} {'summary values':>18} {'CPU s/doc':>9}"]
    for (finder, group), s in sorted(
        sums.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1] != "all", kv[0][1])
    ):
        q = f"{s[0]:.0f}/{s[1]:.0f} {100 * s[0] / max(s[1], 1):5.1f}%"
        v = f"{s[2]:.0f}/{s[3]:.0f} {100 * s[2] / max(s[3], 1):5.1f}%"
        cpu = f"{s[4] / s[5]:.1f}" if finder != "kompass" else ""
        lines.append(f"{finder:18} {group + f' ({s[5]})':28} {q:>18} {v:>18} {cpu:>9}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.compare", description=__doc__)
    parser.add_argument("--seed", type=int, default=4000, help="the first seed looked at")
    parser.add_argument("--pdfs", type=int, default=30, help="text PDFs, spread over the engines")
    parser.add_argument("--scans", type=int, default=6, help="scans, spread over the engines")
    parser.add_argument("--libraries-python", default=".venv-compare/bin/python")
    parser.add_argument("--out", type=Path, default=Path("output/fuzz-compare"))
    args = parser.parse_args(argv)
    made = generate(pick_seeds(args.seed, args.pdfs, args.scans), args.out / "inputs")
    documents = {str(doc.seed): describe(doc, path) for doc, path, _ in made if path is not None}
    (args.out / "documents.json").write_text(json.dumps(documents, indent=1), encoding="utf-8")
    libraries = args.out / "libraries.json"
    subprocess.run(
        [
            args.libraries_python,
            str(Path(__file__).with_name("libraries.py")),
            str(args.out / "documents.json"),
            str(libraries),
        ],
        check=True,
    )
    results = kompass_counts(documents) | json.loads(libraries.read_text(encoding="utf-8"))
    lines = table(documents, results)
    (args.out / "figures.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
