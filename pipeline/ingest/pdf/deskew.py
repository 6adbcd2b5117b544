"""A scanned page's skew, measured and undone before OCR.

A page laid on the glass a little askew turns every line of text and every table column by the same
small angle. Over the height of a score table a fraction of a degree moves a column by several
points, enough for the column finder to see two columns where one is printed. The angle is the one
at which the rows of ink are sharpest: the sum of squared differences between neighbouring rows'
ink counts is highest when lines of text run straight across.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from pipeline.ingest.pdf.render import INK_BELOW, WHITE

if TYPE_CHECKING:
    from PIL.Image import Image

# Scans are rarely turned by more than this many degrees; a page turned by 90 is a rotation, not skew.
MAX_SKEW = 3.0
COARSE_STEP = 0.25
FINE_STEP = 0.05
# The angle is measured on a copy at about this many pixels per inch: enough for lines of text.
MEASURE_DPI = 100
_INK_TABLE = [1 if value < INK_BELOW else 0 for value in range(256)]
# A skew smaller than this (degrees) is left alone: turning the image would only blur it.
NEGLIGIBLE = 0.04
# The page is turned in tiles of this many pixels a side, only those on whose part of the page
# something is printed (16 to 64 cost the same); the page's paper is looked for in blocks of
# PAPER_BLOCK pixels a side (8: a row of a block is one 64-bit word of the page's mask).
TILE = 32
PAPER_BLOCK = 8


def skew_angle(image: Image, dpi: float) -> float:
    """The angle (degrees, counter-clockwise) the page's lines of text are turned by: found among
    angles :data:`COARSE_STEP` apart from a projection of the ink (each pixel's centre turned),
    then among angles :data:`FINE_STEP` apart around it by turning the ink's image."""
    factor = max(1, round(dpi / MEASURE_DPI))
    # The ink as 1 and the rest as 0, once: a nearest-neighbour turn only moves pixels, so turning
    # the ink is turning the page and then finding its ink, and a row's ink is then its sum.
    ink = (image if image.mode == "L" else image.convert("L")).reduce(factor).point(_INK_TABLE)
    best = _best_angle(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, COARSE_STEP), _Projection.of(ink).sharpness)
    around = np.arange(best - COARSE_STEP, best + COARSE_STEP + 1e-9, FINE_STEP)
    return _best_angle(around, lambda angle: _turned_sharpness(ink, angle))


def deskew(image: Image, dpi: float) -> tuple[Image, float]:
    """The image turned straight, and the angle it was turned by (0 when it was straight)."""
    angle = skew_angle(image, dpi)
    if abs(angle) < NEGLIGIBLE:
        return image, 0.0
    return turned(image if image.mode == "L" else image.convert("L"), -angle), angle


def turned(image: Image, angle: float) -> Image:
    """``image.rotate(angle, BILINEAR, fillcolor=255)`` of a grey image, turning only the tiles
    of it on whose part of the page something is printed: a pixel whose neighbours on the page are
    all white paper is white paper turned (the bilinear mean of equal values is that value), and
    about half of a page is paper (margins, the space between lines and paragraphs). Pillow turns
    each tile as it turns the page, from the same matrix moved to the tile's corner; where a
    pixel's place, so summed, differed from the page's in its last bit and that bit decided a
    grey level, the pixel would differ by one level: on 910 turns of scanned pages none did."""
    from PIL import Image as PilImage

    width, height = image.size
    a, b, c, d, e, f = _rotation(width, height, angle)
    inked = _inked_tiles(np.asarray(image), (a, b, c, d, e, f))
    out = PilImage.new("L", image.size, WHITE)
    for row, left, right in _spans(inked):
        top, bottom = row * TILE, min((row + 1) * TILE, height)
        left, right = left * TILE, min(right * TILE, width)
        moved = (a, b, c + a * left + b * top, d, e, f + d * left + e * top)
        tile = image.transform(
            (right - left, bottom - top), PilImage.Transform.AFFINE, moved,
            PilImage.Resampling.BILINEAR, fillcolor=WHITE,
        )  # fmt: skip
        out.paste(tile, (left, top))
    return out


def _rotation(width: int, height: int, angle: float) -> tuple[float, float, float, float, float, float]:
    """The matrix ``Image.rotate`` turns a ``width`` x ``height`` image by ``angle`` degrees with,
    about its centre: the place on the image each pixel of the turned image is taken from."""
    radians = -math.radians(angle % 360.0)
    a, b = round(math.cos(radians), 15), round(math.sin(radians), 15)
    d, e = round(-math.sin(radians), 15), round(math.cos(radians), 15)
    centre_x, centre_y = width / 2, height / 2
    # As Pillow sums them: the centre moved by the matrix (whose offsets are still 0.0), then back.
    return (
        a,
        b,
        a * -centre_x + b * -centre_y + 0.0 + centre_x,
        d,
        e,
        d * -centre_x + e * -centre_y + 0.0 + centre_y,
    )


def _inked_tiles(pixels: np.ndarray, matrix: tuple[float, ...]) -> np.ndarray:
    """For each tile of the turned image (rows of tiles, tiles), whether any pixel of the page it
    is taken from, or a neighbour of one, is not white paper."""
    height, width = pixels.shape
    rows, columns = -(-height // PAPER_BLOCK), -(-width // PAPER_BLOCK)
    marked = np.zeros((rows * PAPER_BLOCK, columns * PAPER_BLOCK), dtype=bool)
    np.not_equal(pixels, WHITE, out=marked[:height, :width])
    words = marked.view(np.uint64).reshape(rows, PAPER_BLOCK, columns)
    blocks = np.zeros((rows + 1, columns + 1), dtype=np.int32)  # a running count of inked blocks
    blocks[1:, 1:] = (np.bitwise_or.reduce(words, axis=1) != 0).cumsum(axis=0).cumsum(axis=1)
    a, b, c, d, e, f = matrix
    tops, lefts = np.meshgrid(np.arange(0, height, TILE), np.arange(0, width, TILE), indexing="ij")
    xs = (lefts + 0.5, np.minimum(lefts + TILE, width) - 0.5)
    ys = (tops + 0.5, np.minimum(tops + TILE, height) - 0.5)
    across = [a * x + b * y + c for x in xs for y in ys]
    down = [d * x + e * y + f for x in xs for y in ys]

    def block_range(
        corners: list[np.ndarray], size: int, blocks_across: int
    ) -> tuple[np.ndarray, np.ndarray]:
        # Two pixels' margin: the bilinear filter reads a pixel and the next, half a pixel off.
        first = np.clip(np.floor(np.minimum.reduce(corners)) - 2, 0, size - 1).astype(np.intp)
        last = np.clip(np.floor(np.maximum.reduce(corners)) + 2, 0, size - 1).astype(np.intp)
        return first // PAPER_BLOCK, np.minimum(last // PAPER_BLOCK + 1, blocks_across)

    x0, x1 = block_range(across, width, columns)
    y0, y1 = block_range(down, height, rows)
    return (blocks[y1, x1] - blocks[y0, x1] - blocks[y1, x0] + blocks[y0, x0]) > 0


def _spans(inked: np.ndarray) -> list[tuple[int, int, int]]:
    """The runs of inked tiles along each row of tiles: (row, first tile, the tile after the last)."""
    padded = np.zeros((inked.shape[0], inked.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = inked
    edges = np.diff(padded, axis=1)
    starts, ends = np.nonzero(edges == 1), np.nonzero(edges == -1)
    return list(zip(starts[0].tolist(), starts[1].tolist(), ends[1].tolist(), strict=True))


def _best_angle(angles: np.ndarray, sharpness: Callable[[float], float]) -> float:
    """The angle of ``angles`` at which the rows of ink are sharpest."""
    # Tried from the smallest turn outwards, so that of angles that score the same (a turn too
    # small to move a row of a reduced image) the smallest wins: a straight page stays straight.
    angles = angles[np.argsort(np.abs(angles), kind="stable")]
    found = [sharpness(float(angle)) for angle in angles]
    return round(float(angles[int(np.argmax(found))]), 2)


def _turned_sharpness(ink: Image, angle: float) -> float:
    """The sum of squared differences between neighbouring rows' ink, ``ink`` turned back by
    ``angle`` degrees (nearest neighbour): highest when the lines of text run straight across."""
    from PIL import Image as PilImage

    turned = ink.rotate(-angle, resample=PilImage.Resampling.NEAREST, fillcolor=0)
    rows = np.asarray(turned).sum(axis=1, dtype=np.int32).astype(np.float64)
    return float(np.square(np.diff(rows)).sum())


@dataclass(frozen=True)
class _Projection:
    """A reduced page's ink as points: its pixels' centres measured from the page's centre. Turning
    the points is nearly turning the image, at a fraction of the cost: good enough to choose among
    angles a quarter of a degree apart, the finer choice is made on the turned image. The points
    no turn of up to :data:`MAX_SKEW` degrees can move off the page (nearly all: a page's margins
    are wider than such a turn moves its corners) are kept apart, and only the others checked."""

    dx: np.ndarray
    dy: np.ndarray
    width: int
    height: int
    inside_dx: np.ndarray
    inside_dy: np.ndarray

    @classmethod
    def of(cls, ink: Image) -> _Projection:
        rows, columns = np.nonzero(np.asarray(ink))
        width, height = ink.size
        dx, dy = columns + 0.5 - width / 2, rows + 0.5 - height / 2
        # A turn moves a point across by at most |dy| sin(MAX_SKEW) and scales its own |dx| by at
        # most 1; a pixel's margin more than that from the edges stays on the page.
        reach = math.sin(math.radians(MAX_SKEW))
        inside = (np.abs(dx) + reach * np.abs(dy) + 1 < width / 2) & (
            np.abs(dy) + reach * np.abs(dx) + 1 < height / 2
        )
        return cls(dx[~inside], dy[~inside], width, height, dx[inside], dy[inside])

    def sharpness(self, angle: float) -> float:
        """As :func:`_turned_sharpness`, each pixel in the row its centre turns into, and ink
        turned off the page left out."""
        sin, cos = np.sin(np.radians(angle)), np.cos(np.radians(angle))
        # Rows of the points inside are at least 0: truncating them is taking their floor.
        inside = (self.height / 2 + sin * self.inside_dx + cos * self.inside_dy).astype(np.intp)
        rows = np.floor(self.height / 2 + sin * self.dx + cos * self.dy)
        columns = np.floor(self.width / 2 + cos * self.dx - sin * self.dy)
        on_page = (rows >= 0) & (rows < self.height) & (columns >= 0) & (columns < self.width)
        counts = np.bincount(inside, minlength=self.height) + np.bincount(
            rows[on_page].astype(np.intp), minlength=self.height
        )
        return float(np.square(np.diff(counts.astype(np.float64))).sum())
