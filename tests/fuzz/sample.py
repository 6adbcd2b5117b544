"""The fixed fuzz sample the test suite reads: 40 documents of every edition, engine and export, six
of them scanned, made and digitized once a session and scored (tests/test_fuzz.py asserts on it).

The seeds were picked from 9000-9999 (seeds 1000-1999 are kept for a held-out measurement) so that
every edition meets every engine, every engine/export channel occurs (each scan kind once per
engine), and every value of every trait is drawn at least once; the scans are those the simulator
draws at its lowest resolutions (grey 200 dpi, bilevel 300 dpi), since each page costs seconds of
OCR whatever its resolution. `python -m tests.fuzz --seed S -n 1` reproduces any one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.api import Result
from tests.fuzz.document import FuzzDocument
from tests.fuzz.run import digitize, generate, score
from tests.fuzz.score import Outcome

SEEDS = (
    9001, 9002, 9003, 9004, 9005, 9007, 9008, 9009, 9015, 9017,
    9020, 9021, 9024, 9025, 9026, 9031, 9032, 9044, 9045, 9051,
    9053, 9059, 9068, 9071, 9073, 9078, 9098, 9100, 9101, 9115,
    9118, 9167, 9234, 9631, 9639, 9736, 9742, 9753, 9800, 9935,
)  # fmt: skip


@dataclass(frozen=True)
class SampleRun:
    """The sample as made (document, input file or None, the engine's error), kompass's result on
    the whole batch, and each read document's outcomes."""

    made: list[tuple[FuzzDocument, Path | None, str]]
    result: Result
    results: list[tuple[FuzzDocument, list[Outcome]]]


def read_sample(folder: Path, seeds: tuple[int, ...] = SEEDS) -> SampleRun:
    """Make the sample's documents in ``folder`` (each scan beside the PDF it was scanned from) and
    digitize them in one batch."""
    made = generate(list(seeds), folder, keep_printed=True)
    result = digitize(made)
    assert result is not None, [error for _, _, error in made]
    return SampleRun(made, result, score(made, result.tables))
