"""A grey scan's paper made white before OCR, on small synthetic pages (no Tesseract run)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from pipeline.ingest.pdf.paper import white_paper
from pipeline.ingest.pdf.render import INK_BELOW

DPI = 300


def zebra_page() -> Image.Image:
    """A table of three rows at 300 dpi as a grey scan shows it: the middle row shaded (205, a
    zebra table's light grey scanned and compressed), a number in black on each row."""
    page = Image.new("L", (900, 300), 250)  # paper a little short of white
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 100, 899, 159), fill=205)  # the shaded row, 60 pixels (0.2 inch) tall
    for top in (40, 110, 170):
        for left in range(600, 700, 20):  # strokes of a number, 4 pixels wide
            draw.rectangle((left, top, left + 3, top + 36), fill=30)
    return page


def test_a_shaded_row_is_made_white_and_its_ink_kept_dark() -> None:
    # On a zebra score table (fuzz seed 280016, ReportLab, grey at 200 dpi) Tesseract's one
    # threshold fell between the shading and the paper: every shaded row read as noise.
    pixels = np.asarray(white_paper(zebra_page(), DPI))
    assert pixels[130, 100:500].min() == 255  # the shading, far from any edge of the row
    assert pixels[104, 100:500].min() == 255  # the row's paper right at its top edge too
    assert pixels[20, 100:500].min() == 255  # grey paper becomes white as well
    for top in (40, 110, 170):  # each number's strokes still ink, as dark as on the white paper
        strokes = pixels[top + 5 : top + 30, 601:603]
        assert strokes.max() < INK_BELOW // 2


def test_the_ink_of_a_shaded_row_stands_out_as_on_white_paper() -> None:
    # The shaded row's ink against its paper, as the white rows' ink against theirs.
    pixels = np.asarray(white_paper(zebra_page(), DPI)).astype(int)
    shaded, white = pixels[120, 601], pixels[50, 601]
    assert abs(shaded - white) <= 8
    assert pixels[130, 300] - shaded > 200


def test_a_bilevel_page_is_handed_on_as_it_is() -> None:
    page = Image.new("L", (600, 400), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((100, 100, 500, 300), fill=0)  # a solid black box wider than the reach
    draw.text((20, 20), "Summa 100 76", fill=0)
    assert white_paper(page, DPI) is page


def test_a_dark_area_wider_than_the_reach_is_no_paper() -> None:
    # A solid bar darker than the ink threshold keeps its darkness; a lighter box is paper.
    page = Image.new("L", (600, 400), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((50, 50, 250, 350), fill=90)
    draw.rectangle((350, 50, 550, 350), fill=180)
    pixels = np.asarray(white_paper(page, DPI))
    assert pixels[200, 150] == 90
    assert pixels[200, 450] == 255
