"""PDFs that lost content silently: appended blank pages, turned pages, unmapped glyphs,
bytes after %%EOF. Each is made from the committed fixture by tests/fixtures/make_hostile.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_document
from pipeline.model.records import Report
from pipeline.run.process import process_file
from tests.fixtures.make_hostile import append_blank_pages, rotate_pages, unmapped_glyphs
from tests.test_pdf_bad_files import FIXTURE


def _digitize(tmp_path: Path, data: bytes) -> Report:
    path = tmp_path / "umea.pdf"
    path.write_bytes(data)
    return process_file(path)


@pytest.fixture(scope="module")
def plain() -> Report:
    return process_file(FIXTURE)


def _facts(report: Report) -> tuple[object, ...]:
    ext = report.extraction
    return (
        [(s.year, s.area, s.score) for s in ext.area_scores],
        [(q.question_id, q.score) for q in ext.question_scores],
        sorted((f.rule, f.area, f.year) for f in ext.findings if f.severity == "error"),
        [(o.area, o.kind, o.text) for o in ext.observations],
    )


@pytest.mark.ocr
def test_appended_blank_pages_hide_nothing(tmp_path: Path, plain: Report) -> None:
    """24 blank pages appended lost most area scores and three of the four real errors."""
    report = _digitize(tmp_path, append_blank_pages(FIXTURE.read_bytes(), 24))
    assert report.status == "ok" and report.pages == plain.pages + 24
    assert _facts(report) == _facts(plain)
    assert len(report.extraction.area_scores) == 24 and len(report.extraction.question_scores) == 37


@pytest.mark.slow
def test_turned_pages_are_read_in_their_rotation(tmp_path: Path, plain: Report) -> None:
    """Pages rotated 90 degrees were dropped, or the file failed as "scanned"."""
    report = _digitize(tmp_path, rotate_pages(FIXTURE.read_bytes()))
    assert report.status == "ok", report.error
    assert _facts(report) == _facts(plain)


@pytest.mark.slow
def test_bytes_after_the_end_marker_are_not_a_truncated_pdf(tmp_path: Path, plain: Report) -> None:
    report = _digitize(tmp_path, FIXTURE.read_bytes() + b"\r\n" + b"\x00" * 4096 + b"trailing garbage\n")
    assert report.status == "ok", report.error
    assert _facts(report) == _facts(plain)


def test_a_pdf_cut_short_is_still_truncated(tmp_path: Path) -> None:
    report = _digitize(tmp_path, FIXTURE.read_bytes()[:-200])
    assert report.status == "failed" and report.error is not None
    assert report.error.startswith("the PDF is truncated")


def test_glyphs_without_characters_are_counted_and_reported(tmp_path: Path) -> None:
    """A font without a ToUnicode map lost words silently."""
    path = tmp_path / "nomap.pdf"
    path.write_bytes(unmapped_glyphs())
    doc = read_document(path)
    assert "Analys av Umeå kommun" in " ".join(line.text for line in doc.lines)
    assert [(loss.count, loss.page, loss.line) for loss in doc.losses] == [(3, 1, 3)]
    assert "3 glyph(s) on page 1 have no character" in doc.losses[0].message
