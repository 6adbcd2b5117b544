"""The cache holds data, never code: planted, tampered, foreign and stale entries are misses."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.defaults import CACHE_FOLDER
from pipeline.run.cache import (
    ReportCache,
    code_fingerprint,
    decode_entry,
    encode_entry,
    version_key,
)
from pipeline.run.process import process_file
from tests.conftest import UMEA

SHA256 = hashlib.sha256(UMEA.read_bytes()).hexdigest()


class _RunsACommand:
    """What an attacker plants: unpickling it runs a shell command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def _run(inputs: Path, out: Path) -> str:
    result = CliRunner().invoke(main, ["run", str(inputs), "--out", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "umea.txt").write_bytes(UMEA.read_bytes())
    return folder


@pytest.mark.slow
def test_a_planted_pickle_runs_no_code(inputs: Path, tmp_path: Path) -> None:
    """A regression: a pickle under the entry's predictable name ran a command on the next run."""
    out, marker = tmp_path / "out", tmp_path / "pwned"
    cache = ReportCache(out / CACHE_FOLDER)
    payload = pickle.dumps(_RunsACommand(marker))
    cache.folder.mkdir(parents=True)
    (cache.folder / f"{SHA256}-{code_fingerprint()}.pickle").write_bytes(payload)  # the old name
    cache.entry_path(SHA256).write_bytes(payload)  # and the current one
    output = _run(inputs, out)
    assert not marker.exists()
    assert "from the cache" not in output and "1 ok" in output
    assert not (cache.folder / f"{SHA256}-{code_fingerprint()}.pickle").exists()  # pruned
    assert decode_entry(cache.entry_path(SHA256).read_bytes(), SHA256) is not None  # replaced


@pytest.mark.slow
def test_a_tampered_well_formed_entry_is_a_miss(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(inputs, out)
    tables = (out / "question_scores.csv").read_bytes()
    entry = ReportCache(out / CACHE_FOLDER).entry_path(SHA256)
    checksum, body = entry.read_bytes().split(b"\n", 1)
    content = json.loads(body)
    assert content["report"]["extraction"]["question_scores"][0]["score"] == 28
    content["report"]["extraction"]["question_scores"][0]["score"] = 100
    entry.write_bytes(checksum + b"\n" + json.dumps(content).encode() + b"\n")
    output = _run(inputs, out)
    assert "from the cache" not in output
    assert (out / "question_scores.csv").read_bytes() == tables
    assert "(1 from the cache)" in _run(inputs, out)  # the rewritten entry is good again


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: b"",
        lambda entry: entry[: len(entry) // 2],
        lambda entry: os.urandom(4096),
        lambda entry: b"\x80\x04K\x01.",  # a harmless pickle
        lambda entry: entry.replace(b'"status":"ok"', b'"status":"okay"'),
    ],
)
def test_damaged_entries_are_misses_not_errors(damage: object) -> None:
    entry = encode_entry(process_file(UMEA))
    assert decode_entry(entry, SHA256) is not None
    assert decode_entry(damage(entry), SHA256) is None  # type: ignore[operator]


def _resealed(content: dict[str, object]) -> bytes:
    body = json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body + b"\n"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("version", "0" * 16),  # written by another kompass or another pdfplumber
        ("sha256", "0" * 64),  # stored for other bytes
        ("report", {"report_id": "x"}),  # not a report
        ("report", None),
    ],
)
def test_foreign_entries_with_a_good_checksum_are_misses(field: str, value: object) -> None:
    content = json.loads(encode_entry(process_file(UMEA)).split(b"\n")[1])
    assert decode_entry(_resealed(content), SHA256) is not None
    content[field] = value
    assert decode_entry(_resealed(content), SHA256) is None


def test_report_round_trips_through_an_entry_unchanged() -> None:
    report = process_file(UMEA)
    assert decode_entry(encode_entry(report), SHA256) == report


def test_stale_entries_are_pruned_and_other_files_left(tmp_path: Path) -> None:
    cache = ReportCache(tmp_path)
    stale = tmp_path / f"{SHA256}-{'0' * 16}.json"
    debris = tmp_path / f".{'f' * 64}-{version_key()}.json.partial"
    mine = tmp_path / "notes.txt"
    for path in (stale, debris, mine):
        path.write_bytes(b"x")
    cache.put(process_file(UMEA))
    assert cache.prune() == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, cache.entry_path(SHA256).name])


@pytest.mark.slow
def test_cache_that_cannot_be_written_is_given_up_with_one_warning(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_FOLDER).write_bytes(b"a file where the cache folder should be")
    (inputs / "copy.txt").write_bytes(UMEA.read_bytes() + b"\n")
    output = _run(inputs, out)
    assert output.count("cannot write the cache") == 1 and "going on without it" in output
    assert "2 ok" in output and (out / "reports.csv").read_text().count("\n") == 3
    assert not list(out.rglob("*.partial"))


def test_an_ocr_read_entry_holds_the_tesseract_version_and_a_text_entry_never_asks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tesseract was in every entry's key: asking it hung text reports when it did not answer."""
    text = process_file(UMEA)
    scanned = dataclasses.replace(text, ocr_pages=3)

    def no_tesseract_here() -> str:
        raise AssertionError("Tesseract was asked for a report without OCR'd pages")

    monkeypatch.setattr("pipeline.ingest.pdf.tesseract_version", no_tesseract_here)
    assert decode_entry(encode_entry(text), SHA256) == text
    monkeypatch.setattr("pipeline.ingest.pdf.tesseract_version", lambda: "5.3.0")
    entry = encode_entry(scanned)
    assert json.loads(entry.split(b"\n")[1])["tesseract"] == "5.3.0"
    assert decode_entry(entry, SHA256) == scanned
    monkeypatch.setattr("pipeline.ingest.pdf.tesseract_version", lambda: "5.4.1")  # Tesseract upgraded
    assert decode_entry(entry, SHA256) is None
    monkeypatch.setattr("pipeline.ingest.pdf.tesseract_version", lambda: "")  # Tesseract uninstalled
    assert decode_entry(entry, SHA256) is None
