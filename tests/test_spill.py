"""Streaming tables: `kompass run` spills each report's rows as it is done and writes the same bytes.

``pipeline.digitize_streamed`` (what the CLI calls) keeps only each report's outline in memory;
its tables must be, byte for byte, what ``digitize(...).write(...)`` writes from reports held
whole, also when a table is written in several chunks (the run's manifest is held to one moment).
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import api
from pipeline.api import Result, StreamedResult, digitize, digitize_streamed
from pipeline.model.identity import identify
from pipeline.model.schema import TABLES
from pipeline.tables import spill
from pipeline.tables.manifest import build_manifest
from pipeline.tables.writers import LOCK_FILE, write_tables
from tests.conftest import UMEA

MOMENT = datetime(2026, 11, 27, tzinfo=UTC)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Result, Path, StreamedResult]]:
    folder = tmp_path_factory.mktemp("reports")
    for name in ("b_umea.txt", "a_umea_copy.txt"):  # listed out of order: rows follow the path order
        shutil.copyfile(UMEA, folder / name)
    (folder / "c_empty.txt").write_bytes(b"")  # a failed report has rows too (reports, issues)
    with pytest.MonkeyPatch.context() as patch:
        # One moment for both runs' manifests, so that the files can be compared byte for byte.
        patch.setattr(api, "build_manifest", functools.partial(build_manifest, created=MOMENT))
        whole = digitize(folder, workers=1)
        held = tmp_path_factory.mktemp("held")
        whole.write(held)
        streamed_out = tmp_path_factory.mktemp("streamed")
        with digitize_streamed(folder, workers=1) as streamed:
            streamed.write(streamed_out)
            yield held, whole, streamed_out, streamed


def test_streamed_tables_are_the_bytes_of_tables_held_whole(
    batch: tuple[Path, Result, Path, StreamedResult],
) -> None:
    held, _, streamed_out, _ = batch
    names = sorted(path.name for path in held.iterdir() if path.name != LOCK_FILE)
    assert names == sorted(path.name for path in streamed_out.iterdir() if path.name != LOCK_FILE)
    assert len(names) == 2 * len(TABLES) + 1  # CSV and Parquet of each table, and datapackage.json
    for name in names:
        assert (held / name).read_bytes() == (streamed_out / name).read_bytes(), name


def test_the_batch_keeps_outlines_only(batch: tuple[Path, Result, Path, StreamedResult]) -> None:
    _, whole, _, streamed = batch
    assert [r.source_file for r in streamed.reports] == [r.source_file for r in whole.reports]
    assert [r.status for r in streamed.reports] == ["ok", "ok", "failed"]
    assert streamed.severities == whole.severities and streamed.severities["error"] > 0
    outline, full = streamed.reports[0].extraction, whole.reports[0].extraction
    assert full.mentions and full.findings and full.question_scores
    assert not (outline.mentions or outline.findings or outline.question_scores)
    assert outline.metadata == full.metadata and outline.evaluations == full.evaluations


def test_a_table_in_chunks_writes_the_same_csv_and_the_same_rows(
    batch: tuple[Path, Result, Path, StreamedResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held, whole, _, _ = batch
    monkeypatch.setattr(spill, "CHUNK_ROWS", 7)
    with spill.RowSpill() as rows:
        # As the batch does: outlines kept as the reports arrive, identified together at the end.
        outlines = identify([rows.add(report) for report in whole.reports])
        tables = rows.tables(outlines, whole.history)
        chunks = list(tables["question_scores"])
        assert len(chunks) >= 2 and sum(len(c) for c in chunks) == len(whole.tables["question_scores"])
        write_tables(tables, tmp_path)
    for declared in TABLES:
        csv = f"{declared.name}.csv"
        assert (tmp_path / csv).read_bytes() == (held / csv).read_bytes(), csv
        parquet = f"{declared.name}.parquet"
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / parquet), pd.read_parquet(held / parquet))
    assert pq.ParquetFile(tmp_path / "question_scores.parquet").num_row_groups == len(chunks)


def test_tables_held_in_memory_are_assembled_by_the_streamed_path(
    batch: tuple[Path, Result, Path, StreamedResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, whole, _, _ = batch
    monkeypatch.setattr(spill, "CHUNK_ROWS", 7)  # read back in many chunks, then put together
    rebuilt = spill.build_tables(whole.reports, whole.history)
    assert len(rebuilt["question_scores"]) > 7
    for name, frame in whole.tables.items():
        pd.testing.assert_frame_equal(rebuilt[name], frame)
