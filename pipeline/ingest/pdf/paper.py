"""A grey scan's page as black ink on white paper, for Tesseract: the paper measured where it lies.

Tesseract turns a grey page into black and white itself, at one threshold for the whole page
(Otsu's), chosen between the page's two largest masses of grey. On a page of a zebra table the
shaded rows (a light grey, about 205 of 255 once scanned and compressed) are such a mass: the
threshold fell between the shading and the white paper, every shaded row came out as a black
band, and the ids and points printed on it were read as nothing or as noise ("(15 20 Samverkan
185" where "1:5 Samverkan 20 18,5" is printed; on one scanned score table every other row lost).
And its line reader reads the grey of the page, not that black and white (its models were
trained on black and white): a grey scan's show-through, the noise a JPEG leaves around every
glyph and the specks on the paper are half-ink to it. A bilevel scan has neither: the scanner's
threshold already made its paper white and its ink black.

So the page's paper is measured where it lies: the lightest grey within reach of each place
(farther than a letter's stroke is wide, nearer than a shaded row is tall, a closing), and a pixel
is ink where it is darker than :data:`~pipeline.ingest.pdf.render.INK_BELOW` against its own paper
(``pixel * 255 / paper``), the threshold every step that looks for ink uses, and white elsewhere:
shading, grey or unevenly lit paper and show-through become white, and the text printed on a
shaded row stands on white as the rest does. Where the paper measured is darker than that
threshold it is no paper but a dark area wider than the reach (a solid box, a bar), measured
against white. A page whose paper is white everywhere (every bilevel scan) is handed on
unchanged, the very image.

The paper is measured on a copy a few times smaller (each pixel of it the lightest of its block:
paper, where a block holds any): about 10 ms of CPU a page on white paper, 30 ms on grey.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from pipeline.ingest.pdf.render import INK_BELOW, WHITE

if TYPE_CHECKING:
    from PIL.Image import Image

# The paper is measured at about this many pixels per inch, each pixel the lightest of its block.
MEASURE_DPI = 75
# How far (inches) the paper is looked for around a place: wider than the strokes of bold
# headings (an 18-point bold stroke is about 0.04 inch), narrower than a table row is tall (a
# shaded row of 9-point type is about 0.2 inch).
REACH_INCHES = 0.07


def ink_on_white(image: Image, dpi: float) -> Image:
    """The greyscale page ``image`` (at ``dpi``) as black ink on white paper, its paper measured
    where it lies (see the module's docstring); the image itself where its paper is white
    everywhere already."""
    from PIL import Image as PilImage

    pixels = np.asarray(image if image.mode == "L" else image.convert("L"))
    block = max(1, round(dpi / MEASURE_DPI))
    height, width = pixels.shape
    rows, columns = -(-height // block), -(-width // block)
    padded = np.full((rows * block, columns * block), WHITE, np.uint8)
    padded[:height, :width] = pixels
    paper = _paper(padded, block, dpi)
    if paper is None:
        return image
    # Ink is darker than INK_BELOW against its own paper (pixel * WHITE / paper < INK_BELOW), that
    # is darker than this, measured once for each block of pixels.
    below = ((INK_BELOW * paper.astype(np.uint16) + WHITE - 1) // WHITE).astype(np.uint8)
    white = padded.reshape(rows, block, columns, block) >= below[:, None, :, None]
    return PilImage.fromarray(white.reshape(padded.shape)[:height, :width].astype(np.uint8) * np.uint8(WHITE))


def _paper(pixels: np.ndarray, block: int, dpi: float) -> np.ndarray | None:
    """The paper of each ``block`` x ``block`` square of ``pixels`` (whose sides are multiples of
    ``block``): the lightest grey within :data:`REACH_INCHES` of it, shrunk back to the shape of
    the area it lies in; ``WHITE`` where that is darker than :data:`INK_BELOW` (a dark area, not
    paper). ``None`` where every square's paper is white."""
    reach = max(1, round(REACH_INCHES * dpi / block / 2))
    # A closing: the lightest grey around each block takes out the ink; the darkest of those
    # around it gives the paper back its edges, one block further so that the edge of a shaded
    # row is its paper too (a white place beside it is made no whiter than white).
    paper = _darkest(_lightest(_lightest_of_blocks(pixels, block), reach), reach + 1)
    paper[paper < INK_BELOW] = WHITE
    return None if (paper == WHITE).all() else paper


def _lightest_of_blocks(pixels: np.ndarray, block: int) -> np.ndarray:
    """The lightest pixel of each ``block`` x ``block`` square of ``pixels`` (whose sides are
    multiples of ``block``): of each band of rows first, then of each band's columns."""
    rows = pixels[0::block].copy()
    for row in range(1, block):
        np.maximum(rows, pixels[row::block], out=rows)
    lightest = rows[:, 0::block].copy()
    for column in range(1, block):
        np.maximum(lightest, rows[:, column::block], out=lightest)
    return lightest


def _lightest(grey: np.ndarray, reach: int) -> np.ndarray:
    """Each pixel's lightest neighbour within ``reach`` pixels across and down (a square)."""
    return _extreme(grey, reach, np.maximum)


def _darkest(grey: np.ndarray, reach: int) -> np.ndarray:
    return _extreme(grey, reach, np.minimum)


def _extreme(grey: np.ndarray, reach: int, pick: np.ufunc) -> np.ndarray:
    """Each pixel's ``pick`` (lightest or darkest) of its square of ``reach`` pixels around it,
    first down, then across."""
    rows, columns = grey.shape
    padded = np.pad(grey, ((reach, reach), (0, 0)), mode="edge")
    down = pick.reduce([padded[start : start + rows] for start in range(2 * reach + 1)])
    padded = np.pad(down, ((0, 0), (reach, reach)), mode="edge")
    return pick.reduce([padded[:, start : start + columns] for start in range(2 * reach + 1)])
