"""The experimental pdfium glyph reader against pdfminer's, the default.

On a fixture PDF both must give the same glyphs: the same texts in the same order (pdfium's text
page leaves out a drawn space after a bullet now and then) and boxes within a tenth of a point,
and on both fixtures the same document lines. docs/pdf-input.md has the figures on a fuzz draw.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.pdf import reader as reader_module
from pipeline.ingest.pdf.glyphs import Glyph, page_glyphs
from pipeline.ingest.pdf.pdfium_glyphs import open_pdfium_glyphs

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOLERANCE = 0.1


def both_readers(data: bytes) -> list[tuple[list[Glyph], list[Glyph]]]:
    """Each page's glyphs from pdfminer and from pdfium."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf, open_pdfium_glyphs(data) as pdfium:
        for page in pdf.pages:
            pages.append((page_glyphs(page).glyphs, reader_module.page_drawing(page, pdfium).glyphs))
    return pages


def test_pdfium_gives_pdfminers_glyphs_on_a_fixture() -> None:
    pages = both_readers((FIXTURES / "umea_2007_a4_ruled.pdf").read_bytes())
    paired = 0
    for mine, theirs in pages:
        texts, their_texts = [g.text for g in mine], [g.text for g in theirs]
        assert "".join(texts).replace(" ", "") == "".join(their_texts).replace(" ", "")
        matcher = difflib.SequenceMatcher(None, texts, their_texts, autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                a, b = mine[block.a + k], theirs[block.b + k]
                for edge in ("x0", "x1", "top", "bottom", "size"):
                    assert getattr(b, edge) == pytest.approx(getattr(a, edge), abs=TOLERANCE), (a, b)
                paired += 1
    assert paired >= 0.999 * sum(len(mine) for mine, _ in pages) > 80_000


@pytest.mark.parametrize("name", ["umea_2007_a4_ruled.pdf", "umea_2007_letter_stacked.pdf"])
def test_pdfium_reader_gives_the_same_lines(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    mine = read_pdf(data, name, "", ocr="never", glyph_reader="pdfminer")
    theirs = read_pdf(data, name, "", ocr="never", glyph_reader="pdfium")
    assert [(line.page, line.number, line.text) for line in theirs.lines] == [
        (line.page, line.number, line.text) for line in mine.lines
    ]


def test_glyph_reader_is_chosen_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(reader_module.GLYPH_READER_VARIABLE, "pdfium")
    assert reader_module._glyph_reader(None) == "pdfium"
    assert reader_module._glyph_reader("pdfminer") == "pdfminer"
    monkeypatch.delenv(reader_module.GLYPH_READER_VARIABLE)
    assert reader_module._glyph_reader(None) == "pdfminer"
    with pytest.raises(ValueError, match="unknown glyph reader"):
        reader_module._glyph_reader("mupdf")


def scan_with_text(mode: str) -> bytes:
    """A page covered by a blank image and "Dolt lager" laid over it invisibly (``invisible``),
    drawn under it (``under``) or drawn visibly over it (``stamp``)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 28)
    if mode == "under":
        canvas.drawString(72, 700, "Dolt lager")
    canvas.drawImage(ImageReader(Image.new("L", (200, 280), 255)), 0, 0, *A4)
    if mode != "under":
        text = canvas.beginText(72, 700)
        text.setTextRenderMode(3 if mode == "invisible" else 0)
        text.textLine("Dolt lager")
        canvas.drawText(text)
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("mode", ["invisible", "under", "stamp"])
def test_pdfium_sees_what_a_reader_cannot_see_as_pdfminer_does(mode: str) -> None:
    data = scan_with_text(mode)
    with pdfplumber.open(io.BytesIO(data)) as pdf, open_pdfium_glyphs(data) as pdfium:
        mine, theirs = page_glyphs(pdf.pages[0]), reader_module.page_drawing(pdf.pages[0], pdfium)
    assert [g.text for g in theirs.glyphs] == [g.text for g in mine.glyphs]
    assert [g.text for g in theirs.hidden] == [g.text for g in mine.hidden]
    assert len(mine.glyphs if mode == "stamp" else mine.hidden) == len("Dolt lager")
    assert theirs.image_share == pytest.approx(mine.image_share, abs=0.01)
    assert mine.image_share == pytest.approx(1.0)
