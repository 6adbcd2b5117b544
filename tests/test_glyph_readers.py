"""The lean glyph reader against pdfminer's layout objects, the way kompass read glyphs before.

``pipeline.ingest.pdf.glyphs`` records glyphs straight from pdfminer's interpreter; ``layout_glyphs``
(in tests) takes them from the ``LTChar`` objects of pdfplumber's ``page.layout``. Both must give
the same glyphs, boxes to the last bit, the same ruling lines and so the same document lines, on
every fixture PDF and on a page of awkward text (rotated, mirrored, raised, scaled, spaced, in
a form XObject, in a vertical CJK font, on a page whose media box does not start at zero).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from layout_glyphs import page_glyphs as layout_page_glyphs
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.pdf import reader as reader_module
from pipeline.ingest.pdf.glyphs import Glyph, PageDrawing, Ruling, page_glyphs

Marks = tuple[list[Glyph], list[Ruling]]

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def awkward_pdf() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3", isVertical=True))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Kommunkompassen Analys av Umeå kommun fi ﬁ")
    text = canvas.beginText(72, 730)
    text.setCharSpace(1.5)
    text.setWordSpace(4)
    text.setHorizScale(80)
    text.setRise(3)
    text.textLine("Spärrad, hopträngd och upphöjd text")
    canvas.drawText(text)
    canvas.beginForm("box")
    canvas.drawString(100, 600, "Text i ett formulärobjekt")
    canvas.line(90, 590, 400, 590)
    canvas.endForm()
    canvas.doForm("box")
    canvas.saveState()
    canvas.translate(500, 400)
    canvas.rotate(90)
    canvas.drawString(0, 0, "Roterad marginaltext")
    canvas.restoreState()
    canvas.saveState()
    canvas.transform(-1, 0, 0, 1, 400, 0)
    canvas.drawString(0, 300, "Spegelvänd text")
    canvas.restoreState()
    canvas.saveState()
    canvas.transform(1.2, 0.1, -0.1, 0.9, 0, 0)
    canvas.drawString(80, 200, "Skev text")
    canvas.restoreState()
    canvas.setFont("HeiseiMin-W3", 12)
    canvas.drawString(300, 700, "縦書きの文")
    canvas.rect(72, 100, 400, 0.5, fill=1)
    canvas.rect(72, 100, 0.5, 80, fill=1)
    canvas.showPage()
    canvas.setPageSize((500, 700))
    canvas.setFont("Times-Roman", 10)
    canvas.drawString(50, 650, "En andra sida i ett annat format")
    canvas.showPage()
    canvas.save()
    data = buffer.getvalue()
    # A media box that does not start at the origin, as cropped scans and some printers write.
    return data.replace(b"/MediaBox [ 0 0 500 700 ]", b"/MediaBox [ 20 30 520 730 ]")


# Every report fixture PDF (the Umeå report in two layouts, the edition fixtures) and the awkward
# page; not tests/fixtures/hostile, whose files are built to exhaust a reader without limits.
REPORT_PDFS = sorted([*FIXTURES.glob("*.pdf"), *(FIXTURES / "editions").glob("*.pdf")])
SOURCES: dict[str, Callable[[], bytes]] = {
    **{path.stem: path.read_bytes for path in REPORT_PDFS},
    "awkward": awkward_pdf,
}


def test_the_awkward_page_has_what_it_should() -> None:
    with pdfplumber.open(io.BytesIO(awkward_pdf())) as pdf:
        first, second = (page_glyphs(page) for page in pdf.pages)
    text = "".join(glyph.text for glyph in first[0])
    assert "formulärobjekt" in text and "縦書き" in text
    assert "Roterad" not in text and "Spegelvänd" not in text  # not upright: skipped
    assert len(first[1]) >= 3  # the form's line and two thin rectangles
    assert second[0][0].text == "E" and second[0][0].x0 == pytest.approx(50.0)  # media box origin undone


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SOURCES))
def test_both_readers_give_the_same_glyphs_and_document_lines(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = SOURCES[name]()
    pages: list[tuple[Marks, Marks]] = []

    def both(page: pdfplumber.page.Page) -> PageDrawing:
        drawing = page_glyphs(page)
        pages.append(((drawing.glyphs, drawing.rules), layout_page_glyphs(page)))
        return drawing

    monkeypatch.setattr(reader_module, "page_glyphs", both)
    new = read_pdf(data, f"{name}.pdf", "0" * 64)
    assert all(new_marks[0] for new_marks, _ in pages)  # every page has glyphs to compare
    for new_marks, old_marks in pages:
        assert new_marks == old_marks  # glyphs, boxes to the last bit, and ruling lines
    # The same file again, each page given the old reader's glyphs.
    monkeypatch.setattr(
        reader_module, "page_glyphs", lambda page: PageDrawing(*pages[page.page_number - 1][1], [], 0.0)
    )
    old = read_pdf(data, f"{name}.pdf", "0" * 64)
    assert len(new.lines) > 3
    assert new.lines == old.lines
