"""A scanned report leaves its text: ``OUT/text/<report_id>.txt`` holds the lines kompass read from
a report with pages read by OCR, a "--- page N ---" line where each page starts.

OCR itself is slow and tested in test_ocr_scans.py; here the reader is replaced by one that gives
the corpus report's lines spread over pages, as OCR'd pages would be.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from pipeline.api import Result, StreamedResult
from pipeline.model.document import Document, Line, page_text
from pipeline.run import process
from pipeline.run.cache import decode_entry, encode_entry
from pipeline.tables.spill import RowSpill, build_tables
from pipeline.tables.writers import TEXT_FOLDER, WRITTEN_LIST, write_ocr_texts
from tests.conftest import UMEA

LINES_PER_PAGE = 40


def _scanned(
    path: Path, data: bytes, ocr: str, on_ocr_page: object = None, page_slots: object = None
) -> Document:
    """The corpus report as if its pages had been scanned: 40 lines a page, each page OCR'd."""
    text = Document.from_text(UMEA.read_text(encoding="utf-8"), source=str(path))
    lines = tuple(
        Line(line.text, n % LINES_PER_PAGE + 1, n // LINES_PER_PAGE + 1) for n, line in enumerate(text.lines)
    )
    pages = lines[-1].page or 0
    return dataclasses.replace(text, lines=lines, input_format="pdf", pages=pages, ocr_pages=pages)


@pytest.fixture(scope="module")
def scanned_report() -> object:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(process, "read_document", _scanned)
        return process.process_file(UMEA)


def test_page_text_marks_each_page_and_keeps_every_line() -> None:
    doc = Document((Line("Kommunkompassen", 1, 1), Line("Analys av Umeå", 2, 1), Line("1 Ledning", 1, 2)))
    expected = "--- page 1 ---\nKommunkompassen\nAnalys av Umeå\n--- page 2 ---\n1 Ledning\n"
    assert page_text(doc) == expected
    assert page_text(Document(())) == ""
    # a page without a line read still has its mark, so the N-th mark is page N
    gap = Document((Line("Kommunkompassen", 1, 1), Line("1 Ledning", 1, 3)), input_format="pdf", pages=4)
    assert page_text(gap).splitlines() == [
        "--- page 1 ---", "Kommunkompassen", "--- page 2 ---", "--- page 3 ---", "1 Ledning",
        "--- page 4 ---",
    ]  # fmt: skip


def test_a_report_read_by_ocr_carries_its_text(scanned_report: object) -> None:
    report = scanned_report
    assert report.status != "failed" and report.ocr_pages and report.ocr_pages > 5
    text = report.ocr_text
    assert text.count("--- page ") == report.ocr_pages
    assert text.splitlines()[LINES_PER_PAGE + 1] == "--- page 2 ---"
    assert "Kommunkompassen" in text


def test_a_text_export_has_no_ocr_text() -> None:
    assert process.process_file(UMEA).ocr_text is None


def test_the_cache_keeps_the_text(scanned_report: object, monkeypatch: pytest.MonkeyPatch) -> None:
    # An OCR'd report's entry names the Tesseract that read it; a stand-in answers, so that this test
    # starts no Tesseract (it would need the ocr marker) whatever ran before it in the session.
    from pipeline.run import cache

    monkeypatch.setattr(cache, "_tesseract_version", lambda: "tesseract 5.3.0")
    entry = encode_entry(scanned_report)
    assert decode_entry(entry, scanned_report.sha256) == scanned_report


@pytest.mark.parametrize("streamed", [False, True], ids=["digitize", "digitize_streamed"])
def test_writing_the_tables_writes_the_text(scanned_report: object, tmp_path: Path, streamed: bool) -> None:
    report = scanned_report
    if streamed:
        spill = RowSpill()
        outline = spill.add(report)
        assert outline.ocr_text is None  # the batch keeps outlines; the text waits in the spill
        with StreamedResult(reports=(outline,), spill=spill) as result:
            written = result.write(tmp_path, ["csv"])
    else:
        written = Result(reports=(report,), tables=build_tables((report,))).write(tmp_path, ["csv"])
    path = tmp_path / TEXT_FOLDER / f"{report.report_id}.txt"
    assert path in written and path.read_text(encoding="utf-8") == report.ocr_text


def test_a_later_run_without_scans_removes_only_the_texts_kompass_wrote(tmp_path: Path) -> None:
    folder = tmp_path / TEXT_FOLDER
    write_ocr_texts(tmp_path, [("a" * 16, "one"), ("b" * 16, "two")])
    assert sorted(p.name for p in folder.iterdir()) == [WRITTEN_LIST, "a" * 16 + ".txt", "b" * 16 + ".txt"]
    write_ocr_texts(tmp_path, [("b" * 16, "two again")])
    assert sorted(p.name for p in folder.iterdir()) == [WRITTEN_LIST, "b" * 16 + ".txt"]
    (folder / "mine.txt").write_text("a person's notes")
    assert write_ocr_texts(tmp_path, []) == []
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]


def test_a_report_id_is_never_a_path(tmp_path: Path) -> None:
    (written,) = write_ocr_texts(tmp_path, [("../../etc/passwd", "x")])
    assert written.parent == tmp_path / TEXT_FOLDER and written.name.endswith(".txt")
    assert len(written.stem) == 16 and "/" not in written.stem


def test_the_text_folder_is_never_written_through_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(elsewhere, out / TEXT_FOLDER)
    with pytest.raises(OSError, match="symbolic link"):
        write_ocr_texts(out, [("a" * 16, "one")])
    write_ocr_texts(out, [])
    assert list(elsewhere.iterdir()) == [] and (out / TEXT_FOLDER).is_symlink()
