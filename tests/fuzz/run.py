"""Generate documents from a seed, digitize them with kompass and score the output."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from tests.fuzz.document import FuzzDocument, make_document, write_input
from tests.fuzz.score import Outcome, batch_contradictions, score_report

if TYPE_CHECKING:
    from pipeline.api import Result

log = logging.getLogger(__name__)


def document_seeds(seed: int, n: int) -> list[int]:
    """The documents of a run: seed, seed+1, … so that one document is reproduced by its own seed."""
    return [seed + i for i in range(n)]


def generate(
    seeds: list[int], folder: Path, *, keep_printed: bool = False
) -> list[tuple[FuzzDocument, Path | None, str]]:
    """Render and export each document; a document an engine fails on is kept with its error.
    ``keep_printed`` keeps the PDF a text export or a scan was made from (see ``write_input``)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for seed in seeds:
        doc = make_document(seed)
        started = time.monotonic()
        try:
            path: Path | None = write_input(doc, folder, keep_printed=keep_printed)
            error = ""
        except Exception as exc:  # an engine's failure is a figure, not a crash of the run
            path, error = None, f"{type(exc).__name__}: {exc}"
        log.info("seed %d %s in %.1f s %s", seed, doc.traits["export"], time.monotonic() - started, error)
        made.append((doc, path, error))
    return made


def digitize_and_score(
    made: list[tuple[FuzzDocument, Path | None, str]], workers: int = 1
) -> list[tuple[FuzzDocument, list[Outcome]]]:
    """Run kompass (the library, as `kompass run` does) on every input and score each document."""
    result = digitize(made, workers)
    return score(made, result.tables if result is not None else {})


def digitize(made: list[tuple[FuzzDocument, Path | None, str]], workers: int = 1) -> Result | None:
    """kompass's result on every input made (None when no document was rendered)."""
    import pipeline

    paths = [path for _, path, _ in made if path is not None]
    return pipeline.digitize(paths, workers=workers) if paths else None


def report_ids(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Each read file's report id in kompass's ``tables``, by the file's name."""
    if "reports" not in tables:
        return {}
    return {Path(row["source_file"]).name: row["report_id"] for row in tables["reports"].to_dict("records")}


def score(
    made: list[tuple[FuzzDocument, Path | None, str]], tables: dict[str, pd.DataFrame]
) -> list[tuple[FuzzDocument, list[Outcome]]]:
    """Each rendered document's outcomes in kompass's ``tables`` of the batch."""
    ids = report_ids(tables)
    contradicted = batch_contradictions([doc.content for doc, path, _ in made if path is not None])
    results = []
    for doc, path, _ in made:
        if path is None:  # not rendered: listed as the engine's failure, never scored as kompass's
            continue
        report_id = ids.get(path.name)  # none when kompass rejected the file: every fact is missing
        results.append((doc, score_report(doc.content, tables, report_id, contradicted[doc.seed])))
    return results
