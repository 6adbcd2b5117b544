"""A scanned page's skew, measured and undone before OCR.

A page laid on the glass a little askew turns every line of text and every table column by the same
small angle. Over the height of a score table a fraction of a degree moves a column by several
points, enough for the column finder to see two columns where one is printed. The angle is the one
at which the rows of ink are sharpest: the sum of squared differences between neighbouring rows'
ink counts is highest when lines of text run straight across.
"""

from __future__ import annotations

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
    """The angle (degrees, counter-clockwise) the page's lines of text are turned by."""
    factor = max(1, round(dpi / MEASURE_DPI))
    # The ink as 1 and the rest as 0, once: a nearest-neighbour turn only moves pixels, so turning
    # the ink is turning the page and then finding its ink, and a row's ink is then its sum.
    ink = image.convert("L").reduce(factor).point(_INK_TABLE)
    scores: dict[float, float] = {}
    best = _best_angle(ink, np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, COARSE_STEP), scores)
    return _best_angle(ink, np.arange(best - COARSE_STEP, best + COARSE_STEP + 1e-9, FINE_STEP), scores)


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


def _best_angle(ink: Image, angles: np.ndarray, scores: dict[float, float]) -> float:
    """The angle of ``angles`` at which the rows of ``ink`` are sharpest; ``scores`` keeps each
    angle's score, so that an angle the coarse search tried is not turned again."""
    from PIL import Image as PilImage

    # Tried from the smallest turn outwards, so that of angles that score the same (a turn too
    # small to move a row of a reduced image) the smallest wins: a straight page stays straight.
    angles = angles[np.argsort(np.abs(angles), kind="stable")]
    for angle in angles:
        key = round(float(angle), 6)
        if key not in scores:
            turned = ink.rotate(-float(angle), resample=PilImage.Resampling.NEAREST, fillcolor=0)
            rows = np.asarray(turned).sum(axis=1, dtype=np.int32).astype(np.float64)
            scores[key] = float(np.square(np.diff(rows)).sum())
    found = [scores[round(float(angle), 6)] for angle in angles]
    return round(float(angles[int(np.argmax(found))]), 2)
