"""Optical character recognition of scanned pages with Tesseract: the one module that runs it.

A scanned page has no text layer, only an image. Tesseract 5 with its Swedish data reads the image
word by word, each word with its box and a confidence from 0 to 100. The words are handed on in PDF
points, like the glyphs of a word processor's PDF, so the same layout steps (printed lines, running
headers, tables, paragraphs) read a scan as they read any other PDF: there is one table reader.

Reading, not correcting: what Tesseract reads is kept as read, with the confidence of each word,
so that the validator can say where a number may be misread. Two things are read the way a person
would: punctuation standing alone where no word is (dust on the glass, the rest of a ruling line)
is not a word, and a bullet misread as a letter or sign at the start of a line ("«", "e") is a
bullet.

Tesseract runs one thread per process (``OMP_THREAD_LIMIT=1``): documents are read in parallel by
the worker processes, and Tesseract's own threads would only compete with them.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from PIL.Image import Image

# Debian's packages that bring the Tesseract program and its Swedish data.
OCR_PACKAGES = "tesseract-ocr tesseract-ocr-swe"
LANGUAGE = "swe"
# One uniform block: the layout steps group the words by their boxes, and in this mode Tesseract
# reads the small numbers of table cells that its automatic segmentation passes over.
PAGE_SEGMENTATION = "--psm 6"
# A word box's height is its ink, not its font size ("och" is shorter than "Landsting"): the font
# size is taken from the height of the line Tesseract reads the word in, from the top of its
# ascenders to the bottom of its descenders, which is about the size of the type (8-point table
# text gives lines of 7.9 points at 300 dpi). The layout steps measure gaps in font sizes.
LINE_HEIGHT_PER_POINT = 1.0
# Specks of dust, and what is left of a ruling line, read as a word of punctuation alone ("." ":"
# "|"); a sentence's own punctuation is read with its word ("resultat."), and dashes are kept, as a
# dash may be a bullet or a minus.
SPECK = regex.compile(r"^[.,:;'\"”“‘’´`>< ~^°¨|¦«»]+$")
# A number with a speck stuck to it ('"22,5', "64,5.", "«8"): the speck is not part of the number,
# and its width can push the number's box across the ruling line beside it.
_SPECK_CHARS = r"[.,:;'\"”“‘’´`|¦«»]*"
SPECKED_NUMBER = regex.compile(
    rf"^(?P<lead>{_SPECK_CHARS})(?P<number>\d+(?:[.,]\d+)?)(?P<trail>{_SPECK_CHARS})$"
)
# Dust read as letters: a word that Tesseract hardly believes in, either short and without a digit
# (a logo's edge read as "ee", a smudge as "oo") or far narrower than any character of its line's
# size (a speck read as "i", "-" or "8"). A speck read as a digit is set aside, not taken: it is
# reported with the uncertain readings, so a person can check that no digit was printed there.
NOISE_SHORT = 2
NOISE_SHORT_BELOW = 15.0
NOISE_NARROW = 0.1  # of the line's size; a printed "1" or "i" is wider
NOISE_NARROW_BELOW = 50.0
# What Tesseract makes of a round bullet ("•") at the start of a line.
BULLET_MISREADS = frozenset({"«", "»", "+»", "-e", "e", "°", "©", "®", "¢", "«e", "e»", "»e", "*", "+"})
BULLET = "•"


class OcrUnavailable(Exception):
    """Tesseract or its Swedish data is not installed; the message says what to install."""


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word Tesseract read: its text, box in PDF points (top measured down), font size and
    confidence (0-100)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    confidence: float


@dataclass(frozen=True, slots=True)
class OcrPage:
    """What Tesseract read on one page: the words, and specks read as digits that were set aside."""

    words: tuple[OcrWord, ...]
    set_aside: tuple[OcrWord, ...] = ()


@cache
def check_available() -> None:
    """Raise :class:`OcrUnavailable` unless Tesseract and its Swedish data are installed."""
    if shutil.which("tesseract") is None:
        raise OcrUnavailable(
            f"OCR needs Tesseract, which is not installed: install the packages {OCR_PACKAGES} "
            f"(sudo apt-get install {OCR_PACKAGES})"
        )
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except Exception as exc:  # a broken installation fails in many ways; say which
        raise OcrUnavailable(f"Tesseract does not run ({exc}): reinstall {OCR_PACKAGES}") from exc
    if LANGUAGE not in languages:
        raise OcrUnavailable(
            "Tesseract has no Swedish data: install the package tesseract-ocr-swe "
            "(sudo apt-get install tesseract-ocr-swe)"
        )


@cache
def tesseract_version() -> str:
    """The Tesseract version, for the cache key and the run's manifest ("" when not installed)."""
    try:
        check_available()
    except OcrUnavailable:
        return ""
    import pytesseract

    return str(pytesseract.get_tesseract_version())


def read_page(image: Image, dpi: float, timeout: float = 0) -> OcrPage:
    """The words Tesseract reads on a page image rendered at ``dpi``.

    Raises :class:`OcrUnavailable` when Tesseract is not installed.
    """
    check_available()
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = pytesseract.image_to_data(
        image, lang=LANGUAGE, config=PAGE_SEGMENTATION, output_type=pytesseract.Output.DICT,
        timeout=timeout,
    )  # fmt: skip
    return page_from_data(data, 72.0 / dpi)


def page_from_data(data: dict[str, list[object]], points_per_pixel: float) -> OcrPage:
    """Tesseract's word table (``image_to_data`` as a dict of columns) in PDF points."""
    line_heights: dict[tuple[object, ...], float] = {}
    rows = list(zip(*(data[key] for key in _COLUMNS), strict=True))
    for level, block, par, line, _left, _top, _width, height, _conf, _text in rows:
        if level == _LINE_LEVEL:
            line_heights[(block, par, line)] = float(str(height)) * points_per_pixel
    words: list[OcrWord] = []
    set_aside: list[OcrWord] = []
    previous_line: tuple[object, ...] | None = None
    for level, block, par, line, left, top, width, height, conf, text in rows:
        word = str(text).strip()
        if level != _WORD_LEVEL or not word:
            continue
        key = (block, par, line)
        first_in_line, previous_line = key != previous_line, key
        x0, top_pt = float(str(left)) * points_per_pixel, float(str(top)) * points_per_pixel
        x1 = x0 + float(str(width)) * points_per_pixel
        bottom = top_pt + float(str(height)) * points_per_pixel
        size = line_heights.get(key, bottom - top_pt) / LINE_HEIGHT_PER_POINT
        word, x0, x1 = _without_specks(word, x0, x1)
        if first_in_line and word in BULLET_MISREADS and x1 - x0 < size:
            word = BULLET
        elif SPECK.match(word):
            continue
        read = OcrWord(word, x0, x1, top_pt, bottom, size, float(str(conf)))
        if is_noise(word, x1 - x0, size, read.confidence):
            if any(char.isdigit() for char in word):
                set_aside.append(read)
            continue
        words.append(read)
    return OcrPage(tuple(words), tuple(set_aside))


def is_noise(word: str, width: float, size: float, confidence: float) -> bool:
    """Whether a word is dust read as characters (see :data:`NOISE_SHORT`)."""
    has_digit = any(char.isdigit() for char in word)
    if not has_digit and len(word) <= NOISE_SHORT and confidence < NOISE_SHORT_BELOW:
        return True
    return width < NOISE_NARROW * size and confidence < NOISE_NARROW_BELOW


def _without_specks(word: str, x0: float, x1: float) -> tuple[str, float, float]:
    """A number read with specks at its ends, without them; its box shrunk by their share of it."""
    match = SPECKED_NUMBER.match(word)
    if match is None or not (match["lead"] or match["trail"]):
        return word, x0, x1
    per_char = (x1 - x0) / len(word)
    return match["number"], x0 + per_char * len(match["lead"]), x1 - per_char * len(match["trail"])


_COLUMNS = ("level", "block_num", "par_num", "line_num", "left", "top", "width", "height", "conf", "text")
_LINE_LEVEL = 4
_WORD_LEVEL = 5
