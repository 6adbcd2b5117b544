"""PDFs that cannot be read fail with a message that says why; the batch goes on; pdfminer stays quiet.

The bad files are made here: reportlab writes the PDFs (encrypted with a user password, or with an
owner password only), and the rest are cut, garbled or other kinds of files named .pdf.
"""

from __future__ import annotations

import io
import logging
import random
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import Matrix
from reportlab.lib import pdfencrypt
from reportlab.pdfgen.canvas import Canvas

from pipeline.cli import main
from pipeline.ingest.pdf import reader as pdf_module
from pipeline.ingest.pdf.glyphs import GlyphRecorder, PageDrawing, page_glyphs
from pipeline.ingest.pdf.reader import read_pdf
from pipeline.ingest.pdf.words import PageText, Word
from pipeline.model.errors import IngestError, KompassError, PdfError
from pipeline.run.batch import digitize_batch
from pipeline.run.process import process_file

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "umea_2007_a4_ruled.pdf"
TITLE = "Kommunkompassen Analys av Umeå kommun"
# A one-pixel PNG and the start of a JPEG, as an image saved with the wrong name would begin.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + bytes(64) + b"\xff\xd9"


def small_pdf(
    encrypt: pdfencrypt.StandardEncryption | None = None, extra: list[str] | None = None, text: str = TITLE
) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, encrypt=encrypt, invariant=1)
    canvas.drawString(72, 720, text)
    canvas.rect(72, 400, 300, 200, fill=1)  # a picture, or a scanned page
    canvas._code.extend(extra or [])  # raw page operators, for a damaged content stream
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def garbled(data: bytes) -> bytes:
    noise = random.Random(5).randbytes(len(data) - 400)
    return data[:200] + noise + data[-200:]


BAD_FILES: dict[str, tuple[Callable[[], bytes], str]] = {
    "password": (lambda: small_pdf(pdfencrypt.StandardEncryption("hemligt", ownerPassword="ägare")),
                 "password-protected"),
    "truncated": (lambda: FIXTURE.read_bytes()[: FIXTURE.stat().st_size // 2], "truncated"),
    "random_bytes": (lambda: random.Random(7).randbytes(4096), "not a PDF file"),
    "png": (lambda: PNG, "PNG image"),
    "jpeg": (lambda: JPEG, "JPEG image"),
    "text": (lambda: "Kommunkompassen\nAnalys av Umeå kommun\n".encode(), "plain text"),
    "garbled": (lambda: garbled(small_pdf()), "not a readable PDF"),
    "no_text": (lambda: small_pdf(text=""), "no text layer"),
}  # fmt: skip


# A page without text is a scan to OCR (--ocr auto): Tesseract reads the empty page.
@pytest.mark.parametrize(
    "kind", [pytest.param(kind, marks=pytest.mark.ocr) if kind == "no_text" else kind for kind in BAD_FILES]
)
def test_bad_pdf_fails_with_a_clear_message(kind: str) -> None:
    make, message = BAD_FILES[kind]
    with pytest.raises(PdfError, match=message) as raised:
        read_pdf(make(), f"{kind}.pdf", "0" * 64)
    # One base class: the batch catches every reading failure, PDF or text, as an ingest error.
    assert isinstance(raised.value, IngestError) and isinstance(raised.value, KompassError)


def test_empty_file_fails_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    report = process_file(path)
    assert (report.status, report.error, report.input_format) == ("failed", "the file is empty", "pdf")


@pytest.mark.parametrize("strength", [40, 128])
def test_pdf_encrypted_without_a_user_password_is_read(strength: int) -> None:
    # Owner password only, copying and printing forbidden: it opens without a password.
    data = small_pdf(
        pdfencrypt.StandardEncryption("", ownerPassword="ägare", canCopy=0, canPrint=0, strength=strength)
    )
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf.doc.encryption is not None  # the test file really is encrypted
    doc = read_pdf(data, "owner.pdf", "0" * 64)
    assert [(line.text, line.page, line.number) for line in doc.lines] == [(TITLE, 1, 1)]


@pytest.mark.ocr  # the bad files include the PDF without text, which is OCR'd
def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    for kind, (make, _) in BAD_FILES.items():
        (tmp_path / f"{kind}.pdf").write_bytes(make())
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "umea.pdf").write_bytes(FIXTURE.read_bytes())
    result = digitize_batch(sorted(tmp_path.iterdir()))
    statuses = {Path(r.source_file).stem: (r.status, r.error) for r in result.reports}
    assert statuses.pop("umea") == ("ok", None)
    assert {status for status, _ in statuses.values()} == {"failed"}
    assert all(error for _, error in statuses.values())
    failed = [r for r in result.reports if r.status == "failed"]
    assert all(r.input_format == "pdf" and r.report_id and r.sha256 for r in failed)


@pytest.mark.slow
def test_cli_reports_bad_pdfs_without_pdfminer_noise(tmp_path: Path) -> None:
    (tmp_path / "truncated.pdf").write_bytes(BAD_FILES["truncated"][0]())
    (tmp_path / "password.pdf").write_bytes(BAD_FILES["password"][0]())
    (tmp_path / "damaged.pdf").write_bytes(small_pdf(extra=["/Ogiltig g"] * 200))
    (tmp_path / "report.pdf").write_bytes(FIXTURE.read_bytes())  # one good report: not all failed
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    reports = (out / "reports.csv").read_text(encoding="utf-8")
    assert "password-protected" in reports and "truncated" in reports
    # The damaged page is read (a title line only), which is no report's structure.
    assert "not a Kommunkompassen report" in reports
    assert "pdfminer" not in result.output and "Cannot set gray level" not in result.output


def test_pdfminer_warnings_about_a_damaged_page_are_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    # 200 invalid operators: pdfminer warns about each one unless its logger is quieted.
    caplog.set_level(logging.WARNING)
    doc = read_pdf(small_pdf(extra=["/Ogiltig g"] * 200), "damaged.pdf", "0" * 64)
    assert [line.text for line in doc.lines] == [TITLE]
    assert not [record for record in caplog.records if record.name.startswith("pdfminer")]


def test_a_page_that_cannot_be_read_names_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    begin_page = GlyphRecorder.begin_page

    def broken(device: GlyphRecorder, page: PDFPage, ctm: Matrix) -> None:
        if device.pageno == 2:
            raise KeyError("Font")  # what pdfminer raises for a font missing from the resources
        begin_page(device, page, ctm)

    monkeypatch.setattr(GlyphRecorder, "begin_page", broken)
    with pytest.raises(PdfError, match="page 2 of the PDF cannot be read: KeyError: 'Font'"):
        read_pdf(FIXTURE.read_bytes(), "broken.pdf", "0" * 64)


def test_every_page_is_released_before_the_next_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[tuple[str, int]] = []
    close = pdfplumber.page.Page.close

    def closing(page: pdfplumber.page.Page) -> None:
        events.append(("close", page.page_number))
        close(page)

    def reading(page: pdfplumber.page.Page) -> PageDrawing:
        events.append(("read", page.page_number))
        return page_glyphs(page)

    monkeypatch.setattr(pdfplumber.page.Page, "close", closing)
    monkeypatch.setattr(pdf_module, "page_glyphs", reading)
    doc = read_pdf(FIXTURE.read_bytes(), "umea.pdf", "0" * 64)
    assert doc.pages is not None
    expected = [(event, n) for n in range(1, doc.pages + 1) for event in ("read", "close")]
    assert events[: len(expected)] == expected  # one read per page, each page closed before the next


def test_text_in_unmapped_glyphs_fails_instead_of_reading_garbage(monkeypatch: pytest.MonkeyPatch) -> None:
    # A font without a map to characters: pdfminer gives "(cid:N)" for every glyph.
    garbage = tuple(Word(f"(cid:{n})(cid:{n + 1})", 72 + 20 * n, 90 + 20 * n, 100, 110, 10) for n in range(9))
    monkeypatch.setattr(pdf_module, "_read_pages", lambda data, reader: [PageText(1, 595, 842, garbage)])
    with pytest.raises(IngestError, match="cannot be decoded"):
        read_pdf(small_pdf(), "unmapped.pdf", "0" * 64)
