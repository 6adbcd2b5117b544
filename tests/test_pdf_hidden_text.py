"""Pages whose text layer does not say what is printed: a scan with a text stamp on it, and a
page image with an invisible text layer (OCRmyPDF's kind) that holds other numbers.

The PDFs are made here with ReportLab: a page of a fixture report rendered to an image (a scan),
with a stamp drawn as text, or an image of "Poäng 15" with "Poäng 25" laid over it invisibly.
The tests that run Tesseract are marked ``slow`` (the project's marker for OCR).
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

import pipeline.ingest.pdf.reader as pdf_reader
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.pdf.scans import ScannedPages
from pipeline.ingest.pdf.tesseract import OcrUnavailable, tesseract_version
from pipeline.model.document import Document
from pipeline.model.errors import PdfError

FIXTURE = Path(__file__).parent / "fixtures" / "umea_2007_a4_ruled.pdf"
A4 = (595.0, 842.0)
needs_tesseract = pytest.mark.skipif(not tesseract_version(), reason="Tesseract is not installed")


def _image(pdf: bytes, dpi: int = 150) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def _text_page(*lines: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 28)
    for n, line in enumerate(lines):
        canvas.drawString(72, 700 - 60 * n, line)
    canvas.save()
    return buffer.getvalue()


def _image_pdf(image: Image.Image, stamp: str = "", hidden: str = "", image_last: bool = False) -> bytes:
    """A page covered by ``image``, with ``stamp`` drawn as visible text in a corner and ``hidden``
    laid over the image invisibly (render mode 3), or drawn first and covered by the image."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    if hidden and image_last:
        canvas.setFont("Helvetica", 28)
        canvas.drawString(72, 700, hidden)
    canvas.drawImage(ImageReader(image), 0, 0, *A4)
    if stamp:
        canvas.setFont("Helvetica", 9)
        canvas.drawString(450, 815, stamp)
    if hidden and not image_last:
        text = canvas.beginText(72, 700)
        text.setFont("Helvetica", 28)
        text.setTextRenderMode(3)
        text.textLine(hidden)
        canvas.drawText(text)
    canvas.save()
    return buffer.getvalue()


def _fixture_page_pdf() -> bytes:
    """The fixture report's title page as a one-page PDF."""
    source = pdfium.PdfDocument(FIXTURE.read_bytes())
    target = pdfium.PdfDocument.new()
    try:
        target.import_pages(source, [0])
        buffer = io.BytesIO()
        target.save(buffer)
        return buffer.getvalue()
    finally:
        target.close()
        source.close()


def _text(doc: Document) -> str:
    return " ".join(line.text for line in doc.lines)


def _asked_for(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the pages the reader hands to OCR, and answer as if Tesseract were missing."""
    asked: list[int] = []

    def no_tesseract(
        data: bytes, pages: list, on_page: object = None, page_slots: object = None
    ) -> ScannedPages:  # fmt: skip
        asked.extend(page.number for page in pages)
        raise OcrUnavailable("Tesseract is not installed")

    monkeypatch.setattr(pdf_reader, "read_scanned_pages", no_tesseract)
    return asked


def test_a_stamped_scan_is_a_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _image_pdf(_image(_fixture_page_pdf()), stamp="Inkom 2024-01-05")
    assert "Inkom" in _text(read_pdf(pdf, "stamped.pdf", "0" * 64, ocr="never"))  # the stamp is text
    asked = _asked_for(monkeypatch)
    with pytest.raises(PdfError, match="scanned images without text"):
        read_pdf(pdf, "stamped.pdf", "0" * 64, ocr="auto")
    assert asked == [1]


def test_a_text_page_with_a_picture_is_not_a_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(_image(_text_page("Bild"))), 0, 0, *A4)  # a full-page background
    canvas.setFont("Helvetica", 10)
    for n in range(60):
        canvas.drawString(60, 800 - 12 * n, f"Rad {n} av rapportens löptext om kommunens arbete och mål")
    canvas.save()
    asked = _asked_for(monkeypatch)
    doc = read_pdf(buffer.getvalue(), "text.pdf", "0" * 64, ocr="auto")
    assert asked == [] and doc.ocr_pages == 0 and "Rad 59" in _text(doc)


@pytest.mark.slow
@pytest.mark.ocr
@needs_tesseract
def test_a_stamped_scan_is_read_by_ocr() -> None:
    pdf = _image_pdf(_image(_fixture_page_pdf(), dpi=200), stamp="Inkom 2024-01-05")
    doc = read_pdf(pdf, "stamped.pdf", "0" * 64, ocr="auto")
    assert doc.ocr_pages == 1
    text = _text(doc)
    assert "Kommunkompassen" in text and "Umeå" in text  # what the image shows, not only the stamp


def _hidden_notes(doc: Document) -> list[str]:
    return [loss.message for loss in doc.losses if loss.page == 1 and "invisible text layer" in loss.message]


def test_an_invisible_text_layer_is_read_only_with_a_note() -> None:
    pdf = _image_pdf(_image(_text_page("Poäng 15")), hidden="Poäng 25")
    doc = read_pdf(pdf, "hidden.pdf", "0" * 64, ocr="never")
    assert "25" in _text(doc)
    notes = _hidden_notes(doc)
    assert len(notes) == 1 and "may differ from what is printed" in notes[0]


def test_text_under_an_opaque_image_is_hidden_text() -> None:
    pdf = _image_pdf(_image(_text_page("Poäng 15")), hidden="Poäng 25", image_last=True)
    doc = read_pdf(pdf, "covered.pdf", "0" * 64, ocr="never")
    assert len(_hidden_notes(doc)) == 1
    assert doc.losses[0].count == 2  # "Poäng" and "25"


def test_without_tesseract_the_hidden_layer_is_read_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _image_pdf(_image(_text_page("Poäng 15")), hidden="Poäng 25")
    asked = _asked_for(monkeypatch)
    doc = read_pdf(pdf, "hidden.pdf", "0" * 64, ocr="auto")
    assert asked == [1] and doc.ocr_pages == 0
    assert "25" in _text(doc) and len(_hidden_notes(doc)) == 1


def test_hidden_words_on_a_text_page_are_set_aside_with_a_note() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 10)
    for n in range(60):
        canvas.drawString(60, 800 - 12 * n, f"Rad {n} av rapportens löptext om kommunens arbete och mål")
    text = canvas.beginText(400, 100)
    text.setFont("Helvetica", 10)
    text.setTextRenderMode(3)
    text.textLine("Dold 99")
    canvas.drawText(text)
    canvas.save()
    doc = read_pdf(buffer.getvalue(), "text.pdf", "0" * 64, ocr="auto")
    assert "Dold" not in _text(doc) and doc.ocr_pages == 0
    notes = _hidden_notes(doc)
    assert len(notes) == 1 and "set aside" in notes[0]


@pytest.mark.slow
@pytest.mark.ocr
@needs_tesseract
def test_an_invisible_text_layer_gives_way_to_what_is_printed() -> None:
    pdf = _image_pdf(_image(_text_page("Poäng 15"), dpi=200), hidden="Poäng 25")
    doc = read_pdf(pdf, "hidden.pdf", "0" * 64, ocr="auto")
    assert doc.ocr_pages == 1
    text = _text(doc)
    assert "15" in text and "25" not in text
    notes = _hidden_notes(doc)
    assert len(notes) == 1 and "read by OCR as printed" in notes[0]
