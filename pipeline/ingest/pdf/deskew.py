"""A scanned page's skew, measured and undone before OCR.

A page laid on the glass a little askew turns every line of text and every table column by the same
small angle. Over the height of a score table a fraction of a degree moves a column by several
points, enough for the column finder to see two columns where one is printed. The angle is the one
at which the rows of ink are sharpest: the sum of squared differences between neighbouring rows'
ink counts is highest when lines of text run straight across.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from pipeline.ingest.pdf.render import INK_BELOW

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


def skew_angle(image: Image, dpi: float) -> float:
    """The angle (degrees, counter-clockwise) the page's lines of text are turned by: found among
    angles :data:`COARSE_STEP` apart from a projection of the ink (each pixel's centre turned),
    then among angles :data:`FINE_STEP` apart around it by turning the ink's image."""
    factor = max(1, round(dpi / MEASURE_DPI))
    # The ink as 1 and the rest as 0, once: a nearest-neighbour turn only moves pixels, so turning
    # the ink is turning the page and then finding its ink, and a row's ink is then its sum.
    ink = image.convert("L").reduce(factor).point(_INK_TABLE)
    best = _best_angle(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, COARSE_STEP), _Projection.of(ink).sharpness)
    around = np.arange(best - COARSE_STEP, best + COARSE_STEP + 1e-9, FINE_STEP)
    return _best_angle(around, lambda angle: _turned_sharpness(ink, angle))


def deskew(image: Image, dpi: float) -> tuple[Image, float]:
    """The image turned straight, and the angle it was turned by (0 when it was straight)."""
    from PIL import Image as PilImage

    angle = skew_angle(image, dpi)
    if abs(angle) < NEGLIGIBLE:
        return image, 0.0
    turned = image.convert("L").rotate(
        -angle, resample=PilImage.Resampling.BILINEAR, expand=False, fillcolor=255
    )
    return turned, angle


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
    angles a quarter of a degree apart, the finer choice is made on the turned image."""

    dx: np.ndarray
    dy: np.ndarray
    width: int
    height: int

    @classmethod
    def of(cls, ink: Image) -> _Projection:
        rows, columns = np.nonzero(np.asarray(ink))
        width, height = ink.size
        return cls(columns + 0.5 - width / 2, rows + 0.5 - height / 2, width, height)

    def sharpness(self, angle: float) -> float:
        """As :func:`_turned_sharpness`, each pixel in the row its centre turns into, and ink
        turned off the page left out."""
        sin, cos = np.sin(np.radians(angle)), np.cos(np.radians(angle))
        rows = np.floor(self.height / 2 + sin * self.dx + cos * self.dy)
        columns = np.floor(self.width / 2 + cos * self.dx - sin * self.dy)
        on_page = (rows >= 0) & (rows < self.height) & (columns >= 0) & (columns < self.width)
        counts = np.bincount(rows[on_page].astype(np.intp), minlength=self.height).astype(np.float64)
        return float(np.square(np.diff(counts)).sum())
