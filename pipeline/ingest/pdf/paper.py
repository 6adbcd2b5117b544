"""A grey scan's paper made white before OCR: shaded rows and grey paper levelled to the white.

Tesseract turns a grey page into black and white itself, at one threshold for the whole page
(Otsu's), chosen between the page's two largest masses of grey. On a page of a zebra table the
shaded rows (a light grey, about 205 of 255 once scanned and compressed) are such a mass: the
threshold fell between the shading and the white paper, every shaded row came out as a black
band, and the ids and points printed on it were read as nothing or as noise ("(15 20 Samverkan
185" where "1:5 Samverkan 20 18,5" is printed; on one scanned score table every other row lost).
A bilevel scan has no such grey: the scanner's threshold already made it white.

So the page's paper is measured where it lies: the lightest grey within reach of each place
(farther than a letter's stroke is wide, nearer than a shaded row is tall), and each pixel is
brightened by what its paper lacks of white (``pixel * 255 / paper``). Shading, grey paper and
uneven light become white; ink keeps its darkness against its own paper, so the text printed on
a shaded row stands on white as the rest does. Where the paper measured is darker than the ink
threshold the steps use (:data:`~pipeline.ingest.pdf.render.INK_BELOW`) it is no paper but a dark
area wider than the reach (a solid box, a bar), and stays as it is. A page whose paper is white
everywhere (every bilevel scan) is handed on unchanged, the very image.

The paper is measured on a copy a few times smaller (each pixel of it the lightest of its block:
paper, where a block holds any), which costs a few milliseconds a page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from pipeline.ingest.pdf.render import INK_BELOW

if TYPE_CHECKING:
    from PIL.Image import Image

WHITE = 255
# The paper is measured at about this many pixels per inch, each pixel the lightest of its block.
MEASURE_DPI = 75
# How far (inches) the paper is looked for around a place: wider than the strokes of bold
# headings (an 18-point bold stroke is about 0.04 inch), narrower than a table row is tall (a
# shaded row of 9-point type is about 0.2 inch).
REACH_INCHES = 0.07


def white_paper(image: Image, dpi: float) -> Image:
    """The greyscale page ``image`` (at ``dpi``) with its paper made white (see the module's
    docstring); the image itself where its paper is white already."""
    from PIL import Image as PilImage

    pixels = np.asarray(image.convert("L"))
    paper = paper_levels(pixels, dpi)
    if paper is None:
        return image
    # Where the paper is white this leaves the pixel as it is.
    return PilImage.fromarray(np.minimum(pixels.astype(np.uint16) * WHITE // paper, WHITE).astype(np.uint8))


def paper_levels(pixels: np.ndarray, dpi: float) -> np.ndarray | None:
    """Each pixel's paper: the lightest grey within :data:`REACH_INCHES` of it, shrunk back to the
    shape of the area it lies in; ``WHITE`` where that is darker than :data:`INK_BELOW` (a dark
    area, not paper). ``None`` where every pixel's paper is white."""
    block = max(1, round(dpi / MEASURE_DPI))
    height, width = pixels.shape
    rows, columns = -(-height // block), -(-width // block)
    padded = np.full((rows * block, columns * block), WHITE, np.uint8)
    padded[:height, :width] = pixels
    lightest = np.maximum.reduce([padded[i::block, j::block] for i in range(block) for j in range(block)])
    reach = max(1, round(REACH_INCHES * dpi / block / 2))
    # A closing: the lightest grey around each block takes out the ink; the darkest of those
    # around it gives the paper back its edges, one block further so that the edge of a shaded
    # row is its paper too (a white place beside it is made no whiter than white).
    paper = _darkest(_lightest(lightest, reach), reach + 1)
    paper[paper < INK_BELOW] = WHITE
    if (paper == WHITE).all():
        return None
    return np.repeat(np.repeat(paper, block, axis=0), block, axis=1)[:height, :width]


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
