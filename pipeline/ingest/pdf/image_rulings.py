"""Ruling lines in a scanned page's image: found, handed on as ruling lines, and erased.

Tesseract reads the cells of a ruled table badly: the lines around a small number make it read
the number as part of a frame, or not at all (on a scanned summary table it read one column of
three). So the long straight runs of dark pixels are taken out of the image before OCR, and given
to the table finder as the ruling lines they are, exactly as a word processor's PDF draws them.

A run counts as a ruling line when it is at least :data:`MIN_RUN_INCHES` long; letters are far
shorter, even in headings. A slight skew of a scan (a degree or so) still leaves such runs, as a
line of a few pixels' thickness only steps to the next pixel row every 50 pixels or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

import numpy as np

from pipeline.ingest.pdf.render import INK_BELOW

if TYPE_CHECKING:
    from PIL.Image import Image

MIN_RUN_INCHES = 0.4
# Pixels of one line's band may lie this far apart (anti-aliased edges, skew steps).
BAND_GAP = 2


@dataclass(frozen=True)
class ImageRulings:
    """The page image without its ruling lines, the lines as boxes in PDF points, and the image's
    ink (a boolean array, what the later steps look at)."""

    image: Image
    rulings: tuple[tuple[float, float, float, float], ...]
    ink: np.ndarray


def remove_rulings(image: Image, dpi: float) -> ImageRulings:
    """Find the horizontal and vertical ruling lines of a greyscale page image and erase them."""
    from PIL import Image as PilImage

    pixels = np.asarray(image if image.mode == "L" else image.convert("L"))
    ink = pixels < INK_BELOW
    run = max(8, int(MIN_RUN_INCHES * dpi))
    across = _long_runs_across(ink, run)
    down = _long_runs_down(ink, run)
    cleaned = pixels.copy()
    _erase(cleaned, across)
    _erase(cleaned.T, down)
    scale = 72.0 / dpi
    boxes = _bands(across, scale) + [(top, x0, bottom, x1) for x0, top, x1, bottom in _bands(down, scale)]
    return ImageRulings(PilImage.fromarray(cleaned), tuple(boxes), cleaned < INK_BELOW)


# A run of ink along a row: the row, its first column and the column after its last.
Run = tuple[int, int, int]


def _long_runs_across(ink: np.ndarray, length: int) -> list[Run]:
    """The runs of at least ``length`` ink pixels along the rows of ``ink``, looked for only in
    the rows that may hold one: a run that long covers, whole, one of the row's blocks of
    ``length // 2`` pixels counted from its start, and a page has a few dozen rows with a block of
    ink that long (its ruling lines), against thousands of rows."""
    block = length // 2
    rows, width = ink.shape
    blocks = ink[:, : width // block * block].reshape(rows, width // block, block)
    candidates = np.flatnonzero(np.any(np.all(blocks, axis=2), axis=1))
    return [(int(candidates[row]), first, end) for row, first, end in _long_runs(ink[candidates], length)]


def _long_runs_down(ink: np.ndarray, length: int) -> list[Run]:
    """The runs of at least ``length`` ink pixels down the columns of ``ink``, each as a run along
    a row of the image turned (its column, first row, the row after its last), looked for only in
    the columns that may hold one (see :func:`_long_runs_across`)."""
    block = length // 2
    rows, width = ink.shape
    blocks = ink[: rows // block * block].reshape(rows // block, block, width)
    candidates = np.flatnonzero(np.any(np.all(blocks, axis=1), axis=0))
    turned = np.ascontiguousarray(ink[:, candidates].T)  # the columns' runs, a column a row
    return [(int(candidates[column]), first, end) for column, first, end in _long_runs(turned, length)]


def _long_runs(ink: np.ndarray, length: int) -> list[Run]:
    """The runs of at least ``length`` ink pixels along the rows of ``ink``.

    The runs are found from where the ink starts and stops along the rows laid end to end (a
    blank pixel at each end of a row keeps runs of neighbouring rows apart): a page has a few
    hundred thousand runs and a few hundred long ones."""
    rows, width = ink.shape
    if width < length:
        return []
    padded = np.zeros((rows, width + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    edges = np.diff(padded.ravel())
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    long = ends - starts >= length
    runs = []
    for start, end in zip(starts[long].tolist(), ends[long].tolist(), strict=True):
        row, column = divmod(start, width + 2)
        runs.append((row, column, column + end - start))
    return runs


def _erase(pixels: np.ndarray, runs: list[Run]) -> None:
    """Paint ``runs`` white in ``pixels`` with their four neighbours: the grey edge of a printed
    line goes with it."""
    for row, first, end in runs:
        pixels[max(row - 1, 0) : row + 2, first:end] = 255
        pixels[row, max(first - 1, 0) : end + 1] = 255


def _bands(runs: list[Run], scale: float) -> list[tuple[float, float, float, float]]:
    """Horizontal lines of ``runs`` (in the order of their rows, and along a row of their columns,
    as :func:`_long_runs` gives them) as boxes (x0, top, x1, bottom) in points: neighbouring rows
    with runs in overlapping columns are one line. Two runs of a row stand apart, a pixel or more."""
    boxes: list[list[int]] = []  # x0, top, x1, bottom in pixels, still open
    closed: list[list[int]] = []
    for row, spans in groupby(runs, key=lambda run: run[0]):
        for x0, x1 in ((first, end - 1) for _row, first, end in spans):
            touching = [box for box in boxes if box[3] >= row - BAND_GAP and box[0] <= x1 and x0 <= box[2]]
            if not touching:
                boxes.append([x0, int(row), x1, int(row)])
                continue
            # The first rows of an anti-aliased line may come in pieces that one full row joins.
            first = touching[0]
            first[0] = min([x0, *(box[0] for box in touching)])
            first[1] = min(box[1] for box in touching)
            first[2] = max([x1, *(box[2] for box in touching)])
            first[3] = int(row)
            boxes = [box for box in boxes if box is first or all(box is not t for t in touching)]
        closed.extend(box for box in boxes if box[3] < row - BAND_GAP)
        boxes = [box for box in boxes if box[3] >= row - BAND_GAP]
    closed.extend(boxes)
    return [
        (x0 * scale, top * scale, (x1 + 1) * scale, (bottom + 1) * scale) for x0, top, x1, bottom in closed
    ]
