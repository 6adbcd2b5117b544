"""A grey scan's page as black ink on white paper for Tesseract, on small synthetic pages (no
Tesseract run)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from pipeline.ingest.pdf.paper import ink_on_white

DPI = 300
STROKE_LEFTS = range(600, 700, 20)
# The share of a pixel's paper the ink covers at a stroke's core and at its blurred edge: a grey
# scan's pixel is its paper darkened by the ink on it.
CORE_COVER, EDGE_COVER = 0.55, 0.45


def zebra_page() -> Image.Image:
    """A table of three rows at 300 dpi as a grey scan shows it: paper a little short of white,
    the middle row shaded (205, a zebra table's light grey scanned and compressed), a number's
    strokes in black on each row, and the next sheet's print showing through (219)."""
    page = Image.new("L", (900, 300), 250)
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 100, 899, 159), fill=205)  # the shaded row, 60 pixels (0.2 inch) tall
    draw.rectangle((100, 40, 103, 76), fill=219)  # show-through, a stroke of a mirrored letter
    for top, paper in ((40, 250), (110, 205), (170, 250)):
        for left in STROKE_LEFTS:  # strokes 4 pixels wide, their edges covered by less ink
            draw.rectangle((left, top, left + 3, top + 36), fill=round(paper * (1 - EDGE_COVER)))
            draw.rectangle((left + 1, top, left + 2, top + 36), fill=round(paper * (1 - CORE_COVER)))
    return page


def test_a_shaded_row_is_white_paper_and_its_ink_black() -> None:
    # On a zebra score table (fuzz seed 280016, ReportLab, grey at 200 dpi) Tesseract's one
    # threshold fell between the shading and the paper: every shaded row read as noise.
    pixels = np.asarray(ink_on_white(zebra_page(), DPI))
    assert set(np.unique(pixels).tolist()) == {0, 255}
    assert pixels[101:159, :550].min() == 255  # the shading, right to the row's edges
    assert pixels[20, :].min() == 255  # grey paper and show-through are paper
    assert pixels[40:77, 100:104].min() == 255
    for top in (40, 110, 170):  # each number's strokes ink, the same on every row
        row = pixels[top + 10]
        assert [bool(row[left + 1] == 0 and row[left + 2] == 0) for left in STROKE_LEFTS] == [True] * 5


def test_a_stroke_is_the_same_ink_on_either_paper() -> None:
    # Ink is measured against its own paper: a stroke's edge covered by 45 % ink is 138 on the
    # white rows and 113 on the shaded one (darker than the ink threshold, 128, there), and is
    # paper on both; its core, covered by 55 %, is ink on both.
    pixels = np.asarray(ink_on_white(zebra_page(), DPI))
    for top in (40, 110, 170):
        assert pixels[top + 10, 600] == 255 and pixels[top + 10, 603] == 255
        assert pixels[top + 10, 601] == 0


def test_a_bilevel_page_is_handed_on_as_it_is() -> None:
    page = Image.new("L", (600, 400), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((100, 100, 500, 300), fill=0)  # a solid black box wider than the reach
    draw.text((20, 20), "Summa 100 76", fill=0)
    assert ink_on_white(page, DPI) is page


def test_a_dark_area_wider_than_the_reach_is_no_paper() -> None:
    # A solid bar darker than the ink threshold stays ink; a lighter box is paper.
    page = Image.new("L", (600, 400), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((50, 50, 250, 350), fill=90)
    draw.rectangle((350, 50, 550, 350), fill=180)
    pixels = np.asarray(ink_on_white(page, DPI))
    assert pixels[200, 150] == 0
    assert pixels[200, 450] == 255
