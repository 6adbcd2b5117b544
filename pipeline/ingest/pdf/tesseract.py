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

Tesseract reads in the worker's own process, as a library (:mod:`pipeline.ingest.pdf.tesseract_library`:
loaded once, images handed over in memory), or with ``KOMPASS_TESSERACT=program`` as the program,
one run an image (:mod:`pipeline.ingest.pdf.tesseract_process`: each dies with its worker, its
temporary files go with it). Either is asked its version and languages only when a page is to be
read.
"""

from __future__ import annotations

import itertools
import os
import shutil
import statistics
from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import regex

import pipeline.ingest.pdf.tesseract_library as tesseract_library
import pipeline.ingest.pdf.tesseract_process as tesseract_process
from pipeline.ingest.pdf.fused_lines import reread_fused_lines
from pipeline.ingest.pdf.glyphs import TextBox
from pipeline.ingest.pdf.image_columns import RightColumn, split_right_column
from pipeline.ingest.pdf.render import INK_BELOW
from pipeline.ingest.pdf.tesseract_process import PROGRAM, Installation
from pipeline.ingest.pdf.unread_ink import sheet_of_bands, unread_bands

if TYPE_CHECKING:
    from PIL.Image import Image

# Debian's packages that bring the Tesseract program and its Swedish data.
OCR_PACKAGES = "tesseract-ocr tesseract-ocr-swe"
# How Tesseract is run: "library" (in the worker's process) or "program" (a process an image).
ENGINE_VARIABLE = "KOMPASS_TESSERACT"
ENGINES = {"library": tesseract_library, "program": tesseract_process}
LANGUAGE = "swe"
# One uniform block: the layout steps group the words by their boxes, and in this mode Tesseract
# reads the small numbers of table cells that its automatic segmentation passes over.
PAGE_SEGMENTATION = "--psm 6"
# Uncertain numbers of table cells are read again on their own (see ``reread_cells``): words of
# at most REREAD_LONGEST characters read with less than REREAD_BELOW confidence, cut out with a
# margin of CELL_MARGIN of their height, read as one line of digits; taken at REREAD_TAKEN or more.
REREAD_LONGEST = 7
SMALLEST_CELL = 8  # pixels tall
REREAD_BELOW = 90.0
REREAD_TAKEN = 80.0
REREAD_FLOOR = 30.0
# A short cell of words all read with less confidence than this ("RM FAR" for "68,5 72,5") is read
# again whatever its characters.
REREAD_DOUBTED = 50.0
LEADING_DASH = regex.compile(r"^[−–—]")
CELL_MARGIN = 0.6
CELLS_CONFIG = "--psm 6"
# Cells are read with the English data where it is installed (Debian's tesseract-ocr brings it):
# it reads "%" that the Swedish data reads as "4", "No" or "AN", and a cell holds no Swedish word.
CELLS_LANGUAGE = "eng"
CELL_NUMBER = regex.compile(r"^[+-]?\d{1,3}(?:[.,]\d{1,2})?(?: ?%)?$")
# A sub-question id in its cell ("2.2.", "4.10", the 2020 tool's "1:2"): "2:22:", "SIS" or "(Ha"
# read for it is read again.
CELL_ID = regex.compile(r"^\d{1,2}[.:]\d{1,2}[.:]?$")
# A first reading of an id's shape (two digits or look-alikes around a stop, colon, comma or
# hyphen: "7:1", "7-1", "T.2") takes only an id as its second reading.
ID_SHAPE = regex.compile(r"^\S{1,2}[.:,\-]\S{1,2}[.:]?$")
# A doubted word this short starting its line may be an id standing close to its name.
ID_LONGEST = 5
# A word's ink is no measure of its type size: "och" is lower than "Landsting", and a speck of dust
# beside a word joins its box. Its core is: the band of rows where most of its ink is, between the
# x-height and the baseline for a word in lower case, between the cap height and the baseline for
# digits and capitals. The type size is read from the core's height as these shares of it (measured
# on scans of 8- and 10-point text: within 5% for nine words in ten), a line's size is the median
# of its words', and ``type_sizes`` then makes the sizes of one document agree.
X_HEIGHT = 0.505
CAP_HEIGHT = 0.70
# Lines of a page with both that make its own measure of the cap height (see ``cap_height_of``).
MIN_CAP_LINES = 5
# Rows with at least this share of the fullest row's ink are in the core: ascenders, descenders,
# accents and specks fill fewer. A word in lower case with many ascenders ("verksamhetsutveckling")
# fills its ascender rows nearly as much as its x-height, so its core takes a higher share.
CORE_SHARE_LOWER = 0.6
CORE_SHARE = 0.4
# A run of ink at the end of a word no wider than this share of the word's core height, and
# further than this share of it from the rest, is a speck, not a letter (letters of a word stand a
# tenth of the x-height apart; a speck beside a word is read into it with the space between).
SPECK_WIDTH = 0.4
SPECK_GAP = 0.6
# How far below the baseline descenders reach and a word's box ends, as a share of the type size.
DESCENT = 0.21
# A word whose baseline is within this share of the type size of its line's is on the line.
SAME_BASELINE = 0.3
# Specks of dust, and what is left of a ruling line, read as a word of punctuation alone ("." ":"
# "|", "="); a sentence's own punctuation is read with its word ("resultat."), and dashes are kept, as a
# dash may be a bullet or a minus.
SPECK = regex.compile(r"^[.,:;'\"”“‘’´`>< ~^°¨|¦«»=]+$")
# A number with a speck stuck to it ('"22,5', "64,5.", "«8"): the speck is not part of the number,
# and its width can push the number's box across the ruling line beside it.
_SPECK_CHARS = r"[.,:;'\"”“‘’´`|¦«»]*"
# Specks before a word's first letter: a stop, comma or colon, and any marks after it.
LEADING_SPECKS = regex.compile(rf"^[.,:;]{_SPECK_CHARS}(?=\p{{L}})")
# A thin letter standing alone, an em or more from any word of its line, is a speck: the Swedish
# "i" is a word, but never one without neighbours.
LONE_MARKS = frozenset({"i", "l", "j", "!", "|"})
# Nor does a word of letters as short as NOISE_SHORT, read with less confidence than this, stand
# alone: a pen's stroke or a smudge beside the text ("a", "oa"); a short word of a sentence stands
# a word space from the next, and a table's short cell is read with confidence.
LONE_DOUBTED_BELOW = 50.0
# A number further than this (times the type size) from the words beside it stands as a table cell.
CELL_GAP = 1.0
# Words standing closer than PHRASE_GAP (times the type size) to each other, at least
# PHRASE_WORDS of them, are a phrase: they stand on one baseline (see ``_phrase_baselines``). Words
# stand a quarter to a third of it apart, justified ones up to half; columns stand further apart.
PHRASE_GAP = 0.6
PHRASE_WORDS = 2
SPECKED_NUMBER = regex.compile(
    rf"^(?P<lead>{_SPECK_CHARS})(?P<number>\d+(?:[.,]\d+)?)(?P<trail>{_SPECK_CHARS})$"
)
# Dust read as letters: a word that Tesseract hardly believes in, either short and without a digit
# (a logo's edge read as "ee", a smudge as "oo") or far narrower than any character of its line's
# size (a speck read as "i", "-" or "8"). A speck read as a digit is set aside, not taken: it is
# reported with the uncertain readings, so a person can check that no digit was printed there.
NOISE_SHORT = 2
# A hyphen is a quarter of its type size wide or more, a dash wider.
DASHES = frozenset("-–—")
NARROWEST_DASH = 0.15
# Nothing a report prints is set smaller than this (points), or narrower than a hairline's share
# of its size (the stem of an "i" or "l" is twice as wide).
SMALLEST_TYPE = 3.0
HAIRLINE = 0.04
# Every letter but the thin ones is at least this share of its type size wide, even condensed.
NARROWEST_LETTER = 0.2
THIN_CHARACTERS = frozenset("iIlj1|!.,:;'’‘`´\"”“()[]{}/-–—")
NOISE_SHORT_BELOW = 15.0
NOISE_NARROW = 0.1  # of the line's size; a printed "1" or "i" is wider
NOISE_NARROW_BELOW = 50.0
# What Tesseract makes of a round bullet ("•") or an arrowhead ("➢", read ">") at the start of a line.
BULLET_MISREADS = frozenset({"«", "»", ">", "+»", "-e", "e", "°", "©", "®", "¢", "«e", "e»", "»e", "*", "+"})
# Characters those misreads are made of: two of them together at a line start are a bullet too.
BULLET_MISREAD_CHARS = frozenset("«»>e°©®¢*+")
BULLET = "•"
# A line's first word that starts with those marks before a letter or digit ("«Starkt"): a bullet
# may be joined to the word after it (see ``glued_bullets_apart``).
GLUED_BULLET = regex.compile(r"^[«»>°©®¢*+\"”“]+(?=[\p{L}\p{N}])")
GLUED_BULLET_GAP = 0.5
# Tesseract reads a page of two columns line by line across both: a word further than this (times
# its type size) from the word before it on Tesseract's line starts a line of the right column,
# where a bullet may stand as at the start of any line (a list's indent and the gutter between
# columns are both wider than this; the words of a line stand a third of it apart).
COLUMN_START_GAP = 1.5
# A list item's text stands at most this far (times the type size) after its bullet.
BULLET_INDENT = 2.0
# Quotes read around a bullet's misread marks ('"»«', '"++') are specks of the same bullet.
QUOTES = "\"'”“‘’"
# A number's last digit set raised is a footnote marker (see ``raised_markers``): its foot stands
# RAISED_SHARE of the digits' height or more above their baseline, and it is at most RAISED_HEIGHT
# of their height tall (a marker is set at about 60 % of the type's size).
# A raised "¹" is also read as "!" ("41,5!").
MARKED_NUMBER = regex.compile(r"^[+\-−–]?\d+(?:[.,]\d+)?!?$")
RAISED_SHARE = 0.3
RAISED_HEIGHT = 0.8
SUPERSCRIPTS = str.maketrans("0123456789!", "⁰¹²³⁴⁵⁶⁷⁸⁹¹")
# The stop of a list item's number read as a comma, colon or semicolon ("3, Starkt och levande
# föreningsliv", "3: Medarbetarsamtal med tydlig", a speck above the stop): a number with such a
# mark that starts a line, before a capital letter, is an item's number ("3.").
MISREAD_ITEM_NUMBER = regex.compile(r"^(?P<number>\d{1,2})[,:;]$")


class OcrUnavailable(Exception):
    """Tesseract or its Swedish data is not installed; the message says what to install."""


class OcrWord(TextBox):
    """One word Tesseract read: its text, box in PDF points (top measured down), font size and
    Tesseract's confidence in it (0-100)."""

    __slots__ = ()  # as lean as the tuple it is


@dataclass(frozen=True, slots=True)
class OcrPage:
    """What Tesseract read on one page: the words, and specks read as digits that were set aside."""

    words: tuple[OcrWord, ...]
    set_aside: tuple[OcrWord, ...] = ()


def engine() -> str:
    """How Tesseract is run: :data:`ENGINE_VARIABLE` says, else ``library``."""
    chosen = os.environ.get(ENGINE_VARIABLE) or "library"
    if chosen not in ENGINES:
        raise OcrUnavailable(f"{ENGINE_VARIABLE} is {chosen!r}: it may be {' or '.join(map(repr, ENGINES))}")
    return chosen


def installation() -> Installation:
    """What the Tesseract that reads says of itself (asked once per process)."""
    return ENGINES[engine()].installation()


def image_to_data(image: Image, language: str, config: str, timeout: float | None) -> dict[str, list[object]]:
    """Tesseract's words of ``image`` as columns (see :func:`tesseract_process.image_to_data`)."""
    return ENGINES[engine()].image_to_data(image, language, config, timeout)


def check_available() -> None:
    """Raise :class:`OcrUnavailable` unless Tesseract answers and has its Swedish data."""
    chosen = engine()
    if not (shutil.which(PROGRAM) if chosen == "program" else tesseract_library.loads()):
        raise OcrUnavailable(
            f"OCR needs Tesseract, which is not installed: install the packages {OCR_PACKAGES} "
            f"(sudo apt-get install {OCR_PACKAGES})"
        )
    installed = installation()
    if installed.problem:  # a broken installation fails in many ways; say which
        raise OcrUnavailable(f"Tesseract does not run ({installed.problem}): install {OCR_PACKAGES}")
    if LANGUAGE not in installed.languages:
        raise OcrUnavailable(
            "Tesseract has no Swedish data: install the package tesseract-ocr-swe "
            "(sudo apt-get install tesseract-ocr-swe)"
        )


def tesseract_version() -> str:
    """The Tesseract version, for the cache entries of OCR'd reports ("" when it does not run)."""
    try:
        check_available()
    except OcrUnavailable:
        return ""
    return installation().version


def read_page(
    image: Image,
    dpi: float,
    timeout: float = 0,
    ink: np.ndarray | None = None,
    column: RightColumn | None = None,
) -> OcrPage:
    """The words Tesseract reads on a page image rendered at ``dpi`` (whose ``ink``, darker than
    :data:`INK_BELOW`, the caller may have at hand); a page set in two columns of prose (its
    right ``column``, see :mod:`pipeline.ingest.pdf.image_columns`) is read column by column.

    Raises :class:`OcrUnavailable` when Tesseract is not installed, and
    :class:`~pipeline.ingest.pdf.tesseract_process.TesseractError` when it fails on the page.
    """
    check_available()
    if ink is None:
        ink = np.asarray(image.convert("L")) < INK_BELOW
    data = _read_by_columns(image, column, timeout)
    data = reread_cells(image, data, lambda cells: _read_cells(cells, timeout))
    data = _with_fused_lines(image, data, timeout)
    data = _with_unread_lines(image, data, ink, dpi, timeout)
    return page_from_data(cores(raised_markers(glued_bullets_apart(data, ink), ink), ink), 72.0 / dpi)


def _with_unread_lines(
    image: Image, data: dict[str, list[object]], ink: np.ndarray, dpi: float, timeout: float
) -> dict[str, list[object]]:
    """The word table with the words of the lines of ink it has no word on, read again together
    on a sheet of their own (see :mod:`pipeline.ingest.pdf.unread_ink`), as blocks after the
    page's. Added after the page's cells are read again, so that those readings (one Tesseract
    run over all of a page's cells, whose reading of one cell depends on the others) stay as
    they are; a number on an added line is reported when read with low confidence, as any."""
    read = [
        (int(str(row.top)), int(str(row.top)) + int(str(row.height)))
        for row in (_rows(data) if data else [])
        if row.level == _WORD_LEVEL and str(row.text).strip()
    ]
    bands = unread_bands(ink, read, dpi)
    if not bands:
        return data
    return _appended(data, image_to_data(sheet_of_bands(image, bands), LANGUAGE, PAGE_SEGMENTATION, timeout))


def _read_by_columns(image: Image, column: RightColumn | None, timeout: float) -> dict[str, list[object]]:
    """Tesseract's word table of the page; where the page is set in two columns of prose (its
    right ``column``), of the page without that column, then of the column alone, each at its
    place. Read as one block across both, a line of the left column was joined with the line
    beside it: the same ink read twice on two lines, a heading's words cut over two."""
    if column is None:
        return image_to_data(image, LANGUAGE, PAGE_SEGMENTATION, timeout)
    rest, alone = split_right_column(image, column)
    return _appended(
        image_to_data(rest, LANGUAGE, PAGE_SEGMENTATION, timeout),
        image_to_data(alone, LANGUAGE, PAGE_SEGMENTATION, timeout),
    )


def _appended(data: dict[str, list[object]], more: dict[str, list[object]]) -> dict[str, list[object]]:
    """Two word tables of one page as one, the blocks of ``more`` after those of ``data``."""
    if not more or not data:
        return more or data
    after = max((int(str(block)) for block in data["block_num"]), default=0)
    more["block_num"] = [int(str(block)) + after for block in more["block_num"]]
    return {key: list(data[key]) + list(more.get(key, [""] * len(more["text"]))) for key in data}


def _read_cells(cells: list[Image], timeout: float) -> list[tuple[str, float]]:
    """Tesseract's readings of cell images as digits, with their confidences, in one run: the
    cells stacked one under another with white between them."""
    sheet, places = _stacked(cells)
    spans = [(top, top + cell.height) for (_, top), cell in zip(places, cells, strict=True)]
    data = image_to_data(sheet, _cells_language(), CELLS_CONFIG, timeout)
    found: list[list[tuple[str, float]]] = [[] for _ in cells]
    for text, conf, top, height in zip(data["text"], data["conf"], data["top"], data["height"], strict=True):
        middle = int(str(top)) + int(str(height)) / 2
        index = next((i for i, (start, end) in enumerate(spans) if start <= middle <= end), None)
        if str(text).strip() and index is not None:
            found[index].append((str(text).strip(), float(str(conf))))
    return [
        (" ".join(text for text, _ in words), min(conf for _, conf in words)) if words else ("", 0.0)
        for words in found
    ]


def _read_blocks(images: list[Image], timeout: float) -> list[dict[str, list[object]]]:
    """Tesseract's word tables of images read as a page is, in one run: the images stacked one
    under another with white between them, each word placed on its image."""
    sheet, places = _stacked(images)
    data = image_to_data(sheet, LANGUAGE, PAGE_SEGMENTATION, timeout)
    tables: list[dict[str, list[object]]] = [{key: [] for key in data} for _ in images]
    for index, row in enumerate(_rows(data)):
        middle = int(str(row.top)) + int(str(row.height)) / 2
        for table, (left, top), image in zip(tables, places, images, strict=True):
            if top <= middle <= top + image.height:
                place = {"left": left, "top": top}
                for key in data:
                    value = data[key][index]
                    table[key].append(int(str(value)) - place[key] if key in place else value)
    return tables


def _stacked(images: list[Image]) -> tuple[Image, list[tuple[int, int]]]:
    """The images as black ink on white (see :func:`_inked`) on one sheet, one under another with
    white between them, and where each stands (left, top)."""
    from PIL import Image as PilImage

    gap = max(image.height for image in images)
    sheet = PilImage.new(
        "L", (max(image.width for image in images) + 2 * gap, sum(i.height + gap for i in images) + gap), 255
    )
    places, y = [], gap
    for image in images:
        sheet.paste(_inked(image), (gap, y))
        places.append((gap, y))
        y += image.height + gap
    return sheet, places


def _with_fused_lines(image: Image, data: dict[str, list[object]], timeout: float) -> dict[str, list[object]]:
    """The word table with two lines read as one word read again (see :mod:`fused_lines`)."""
    kept, read = reread_fused_lines(image, data, lambda crops: _read_blocks(crops, timeout))
    return _appended(kept, read) if read["text"] else data


def _inked(cell: Image) -> Image:
    """The cell as black ink on white (darker than :data:`INK_BELOW`, as the page's ink is
    measured): cut out of a grey scan, a cell's paper is no white, and on a shaded row or under
    the speckle of a JPEG Tesseract reads no number in it ("Pash" for a printed "2.3.")."""
    return cell.convert("L").point(lambda value: 255 if value >= INK_BELOW else 0)


def _cells_language() -> str:
    return CELLS_LANGUAGE if CELLS_LANGUAGE in installation().languages else LANGUAGE


def reread_cells(
    image: Image, data: dict[str, list[object]], read_cells: Callable[[list[Image]], list[tuple[str, float]]]
) -> dict[str, list[object]]:
    """The word table with each uncertain number of a table cell read again on its own.

    Read as part of a page, a number in a table cell is where Tesseract errs most ("2" for a printed
    21, "IVA" for 17, "90" for "%"). A cell is a run of words on a line closer to each other than
    :data:`CELL_GAP` and further from the rest; a short one (a digit in it, three characters
    at most, or only words read with less than :data:`REREAD_DOUBTED` confidence) with a word read
    with less than :data:`REREAD_BELOW` confidence, or that is no number or id as a cell prints
    one ("+44 90"), is cut out with a margin and read again. Two numbers read again in a cell of
    two words that held none go one to each word.
    The new reading is taken when it is a number read with more confidence (and at least
    :data:`REREAD_TAKEN`), or, where the first reading was no number, with :data:`REREAD_FLOOR`.
    What is printed is read, never changed: a reading below 80% is reported as uncertain.
    """
    texts, confidences = list(data["text"]), list(data["conf"])
    lefts, widths = list(data["left"]), list(data["width"])
    rows = _rows(data)
    chosen: list[tuple[list[int], str]] = []
    crops: list[Image] = []
    for cell in _cells(rows):
        text = " ".join(str(rows[i].text).strip() for i in cell)
        doubted = max(float(str(rows[i].conf)) for i in cell) < REREAD_DOUBTED
        if len(text) > REREAD_LONGEST or not (
            any(char.isdigit() for char in text) or len(text) <= 3 or doubted
        ):
            continue
        if min(float(str(rows[i].conf)) for i in cell) >= REREAD_BELOW and _is_cell_value(text):
            continue
        left = min(int(str(rows[i].left)) for i in cell)
        right = max(int(str(rows[i].left)) + int(str(rows[i].width)) for i in cell)
        top = min(int(str(rows[i].top)) for i in cell)
        bottom = max(int(str(rows[i].top)) + int(str(rows[i].height)) for i in cell)
        if bottom - top < SMALLEST_CELL:
            continue  # a speck, not a number
        margin = int((bottom - top) * CELL_MARGIN)
        chosen.append((cell, text))
        crops.append(image.crop((left - margin, top - margin, right + margin, bottom + margin)))
    if not crops:
        return data
    for (cell, first_read), (read, confidence) in zip(chosen, read_cells(crops), strict=True):
        read = LEADING_DASH.sub("-", read)  # a minus read as a longer dash ("—6 %")
        apart = read.split()
        if len(cell) > 1 and len(apart) == len(cell) and all(CELL_NUMBER.match(number) for number in apart):
            # Two numbers standing a word space apart ("68,5 72,5" read "RM FAR"): one to each word.
            if confidence >= REREAD_FLOOR and not any(CELL_NUMBER.match(str(texts[i])) for i in cell):
                for index, number in zip(cell, apart, strict=True):
                    texts[index], confidences[index] = number, confidence
            continue
        if not _is_cell_value(read) or (_id_shaped(first_read) and not CELL_ID.match(read)):
            continue  # an id read again is an id ("7:1" is never the number 71)
        # A cell first read as a number is read anew only with more confidence; one first read as
        # no number at all ("73 4" for "73 %", "SIS" for "5.5.") takes any likely reading, flagged
        # when uncertain.
        if _is_cell_value(first_read):
            needed = max(REREAD_TAKEN, *(float(str(confidences[i])) for i in cell))
        else:
            needed = REREAD_FLOOR
        if confidence < needed:
            continue
        first, *rest = cell
        right = max(int(str(lefts[i])) + int(str(widths[i])) for i in cell)
        texts[first], confidences[first], widths[first] = read, confidence, right - int(str(lefts[first]))
        for index in rest:
            texts[index] = ""
    return {**data, "text": texts, "conf": confidences, "width": widths}


def _id_shaped(text: str) -> bool:
    """Whether a reading has an id's shape and is no number (see :data:`ID_SHAPE`)."""
    return bool(ID_SHAPE.match(text)) and not CELL_NUMBER.match(text)


def _is_cell_value(text: str) -> bool:
    """Whether a cell reads as a number or a sub-question id, as table cells print them."""
    return bool(CELL_NUMBER.match(text) or CELL_ID.match(text))


def _cells(rows: list[_Row]) -> list[list[int]]:
    """The indices of the words of each cell: runs of words of one line standing closer to each
    other than :data:`CELL_GAP` times their size. A doubted id that starts its line (a word of at
    most :data:`ID_LONGEST` characters holding a digit, read with less than :data:`REREAD_BELOW`
    confidence, or any read with less than :data:`REREAD_DOUBTED`) is a cell of its own before
    the name after it: in a narrow id column the name stands close ("7-1 Näringsliv", "9.1
    Samverkan", "fn Målstyrning" where 7.1, 8.1 and 4.1 are printed)."""
    cells: list[list[int]] = []
    for index, row in enumerate(rows):
        if row.level != _WORD_LEVEL or not str(row.text).strip():
            continue
        if cells:
            last = rows[cells[-1][-1]]
            gap = float(str(row.left)) - float(str(last.left)) - float(str(last.width))
            size = max(float(str(row.height)), float(str(last.height))) / CAP_HEIGHT
            if (
                row.line_key == last.line_key
                and gap < CELL_GAP * size
                and not _doubted_id_first(rows, cells[-1])
            ):
                cells[-1].append(index)
                continue
        cells.append([index])
    return cells


def _doubted_id_first(rows: list[_Row], cell: list[int]) -> bool:
    """Whether ``cell`` is one word starting its line that may be a misread id (see :func:`_cells`)."""
    first = cell[0]
    word = str(rows[first].text).strip()
    before = rows[first - 1] if first else None
    starts_line = before is None or before.line_key != rows[first].line_key or not str(before.text).strip()
    confidence = float(str(rows[first].conf))
    doubted = confidence < REREAD_DOUBTED or (
        confidence < REREAD_BELOW and any(char.isdigit() for char in word)
    )
    return len(cell) == 1 and starts_line and len(word) <= ID_LONGEST and doubted


def raised_markers(data: dict[str, list[object]], ink: np.ndarray) -> dict[str, list[object]]:
    """The word table with a footnote marker printed after a number read as the marker it is: a
    number's last character whose ink ends above the number's baseline by :data:`RAISED_SHARE` of
    its first digit's height or more, and is no taller than :data:`RAISED_HEIGHT` of it, is a
    raised digit ("73,5¹" read "73,51", "70¹" read "702", "41,5¹" read "41,5!"), written as the
    superscript of the digit Tesseract read (of 1 for "!"). Digits stand on the baseline; a marker
    is set small and high. Only where each character read is a run of ink of its own: a speck
    beside a number is no character of it."""
    texts = list(data["text"])
    for index, level in enumerate(data["level"]):
        text = str(texts[index]).strip()
        if level != _WORD_LEVEL or not MARKED_NUMBER.match(text):
            continue
        left, top = max(int(str(data["left"][index])), 0), max(int(str(data["top"][index])), 0)
        box = ink[top : top + int(str(data["height"][index])), left : left + int(str(data["width"][index]))]
        columns = np.flatnonzero(box.any(axis=0))
        runs = np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1) if columns.size else []
        if len(runs) != len(text) or len(runs) < 3:  # a run of ink a character; a speck is none
            continue
        first = np.flatnonzero(box[:, runs[0][0] : runs[0][-1] + 1].any(axis=1))
        last = np.flatnonzero(box[:, runs[-1][0] : runs[-1][-1] + 1].any(axis=1))
        height = first[-1] - first[0] + 1
        raised = last[-1] <= first[-1] - RAISED_SHARE * height and last[0] >= first[0] - RAISED_SHARE * height
        if raised and last[-1] - last[0] + 1 <= RAISED_HEIGHT * height:
            texts[index] = text[:-1] + text[-1].translate(SUPERSCRIPTS)
    return {**data, "text": texts}


def glued_bullets_apart(data: dict[str, list[object]], ink: np.ndarray) -> dict[str, list[object]]:
    """The word table with a misread bullet that Tesseract joined to the word after it ("«Starkt",
    "«3.1" for "➢ Starkt", "➢ 3.1") as a word of its own: the first word of a line that starts
    with a bullet's misread mark (:data:`BULLET_MISREAD_CHARS`) before a letter or digit (also
    the first of a right-hand column's line, see :func:`_starts_column_line`), whose ink
    begins with marks narrower than the word's height standing further than
    :data:`GLUED_BULLET_GAP` of it from the rest (wider than a word space), is cut in two at that
    space (the ``ink`` of the page, a boolean array, shows it)."""
    rows = _rows(data)
    cut: dict[int, tuple[int, int, int]] = {}
    previous: _Row | None = None
    for index, row in enumerate(rows):
        text = str(row.text).strip()
        if row.level != _WORD_LEVEL or not text:
            continue
        before, previous = previous, row
        # Tesseract's box of a word, before its core is measured, is about its type size tall.
        if before is not None and not _starts_column_line(before, row, float(str(row.height))):
            continue
        if not GLUED_BULLET.match(text):
            continue
        left, top = max(int(str(row.left)), 0), max(int(str(row.top)), 0)
        height = int(str(row.height))
        inked = np.flatnonzero(ink[top : top + height, left : left + int(str(row.width))].any(axis=0))
        gaps = np.flatnonzero(np.diff(inked) > GLUED_BULLET_GAP * height)
        if gaps.size and inked[gaps[0]] - inked[0] < height:
            marks = len(GLUED_BULLET.match(text)[0])
            cut[index] = (left + int(inked[gaps[0]]) + 1, left + int(inked[gaps[0] + 1]), marks)
    if not cut:
        return data
    out: dict[str, list[object]] = {key: [] for key in data}
    for index, values in enumerate(zip(*(data[key] for key in data), strict=True)):
        entry: dict[str, object] = dict(zip(data, values, strict=True))
        parts = [entry]
        if index in cut:
            bullet_end, rest_start, marks = cut[index]
            text, left = str(entry["text"]).strip(), int(str(entry["left"]))
            right = left + int(str(entry["width"]))
            parts = [
                {**entry, "text": text[:marks], "width": bullet_end - left},
                {**entry, "text": text[marks:], "left": rest_start, "width": right - rest_start},
            ]
        for part in parts:
            for key in data:
                out[key].append(part[key])
    return out


def cores(data: dict[str, list[object]], ink: np.ndarray) -> dict[str, list[object]]:
    """The word table with each word's box cut down to its core (see :data:`X_HEIGHT`): the rows
    of the image ``ink`` (a boolean array) that hold at least :data:`CORE_SHARE` (in lower case
    :data:`CORE_SHARE_LOWER`) of the ink of its fullest row; and without a speck that Tesseract
    took into the word at either end. A mark read where the box holds no ink at all is taken out
    (see :func:`_inkless_scrap`)."""
    lefts, widths = list(data["left"]), list(data["width"])
    tops, heights = list(data["top"]), list(data["height"])
    texts = list(data["text"])
    for index, level in enumerate(data["level"]):
        if level != _WORD_LEVEL:
            continue
        left, top = max(int(str(lefts[index])), 0), max(int(str(tops[index])), 0)
        width, height = int(str(widths[index])), int(str(heights[index]))
        box = ink[top : top + height, left : left + width]
        profile = box.sum(axis=1)
        text = str(data["text"][index])
        fullest = int(profile.max()) if profile.size else 0
        if profile.size and fullest == 0 and _inkless_scrap(text):
            texts[index] = ""  # read where the page holds no ink at all: no word
            continue
        if fullest == 0:
            continue
        share = CORE_SHARE_LOWER if _in_lower_case(text) else CORE_SHARE
        # One digit's rows are not ink's measure of a core: a "7" is its bar and thin strokes.
        rows = np.flatnonzero(profile > 0 if _is_digits(text) else profile >= share * fullest)
        core = int(rows[-1] - rows[0]) + 1
        tops[index], heights[index] = top + int(rows[0]), core
        first, last = _without_edge_specks(np.flatnonzero(box.any(axis=0)), core)
        lefts[index], widths[index] = left + first, last - first + 1
    return {**data, "left": lefts, "top": tops, "width": widths, "height": heights, "text": texts}


def _inkless_scrap(text: str) -> bool:
    """Whether a word read over paper without a pixel of ink is no word: a mark or a scrap of at
    most :data:`NOISE_SHORT` letters (Tesseract reads a dash or an "i" off the blank gap between a
    table's id and name, which then reads as a column of its own). A longer word is kept, in case
    it was printed lighter than ink, and so is a digit: a speck read as one is set aside and
    reported (see :func:`page_from_data`)."""
    marks = text.strip()
    if any(char.isdigit() for char in marks):
        return False
    return len(marks) <= NOISE_SHORT or not any(char.isalpha() for char in marks)


def _without_edge_specks(columns: np.ndarray, core: int) -> tuple[int, int]:
    """The first and last of a word's ink ``columns``, leaving out a speck at either end: a
    narrow run of ink (:data:`SPECK_WIDTH` of the ``core`` height) further from the rest than
    letters of a word stand (:data:`SPECK_GAP`)."""
    # The runs as (first column, last column, width), cut where a column of no ink lies between.
    cuts = [0, *(np.flatnonzero(np.diff(columns) > 1) + 1).tolist(), len(columns)]
    at = columns.tolist()
    runs = [(at[start], at[end - 1], end - start) for start, end in itertools.pairwise(cuts)]
    first, last = 0, len(runs) - 1
    while (
        last > first
        and runs[first][2] <= SPECK_WIDTH * core
        and runs[first + 1][0] - runs[first][1] > SPECK_GAP * core
    ):
        first += 1
    while (
        last > first
        and runs[last][2] <= SPECK_WIDTH * core
        and runs[last][0] - runs[last - 1][1] > SPECK_GAP * core
    ):
        last -= 1
    return runs[first][0], runs[last][1]


def page_from_data(data: dict[str, list[object]], points_per_pixel: float) -> OcrPage:
    """Tesseract's word table (``image_to_data`` as a dict of columns, each word's box cut down
    to its core by :func:`cores`) in PDF points, with the type size and box of each word."""
    rows = [row for row in _rows(data) if row.level == _WORD_LEVEL and str(row.text).strip()]
    line_sizes, sizes = _word_sizes(rows, points_per_pixel)
    baselines = _line_baselines(rows, points_per_pixel)
    phrases = _phrase_baselines(rows, line_sizes, points_per_pixel)
    words: list[OcrWord] = []
    set_aside: list[OcrWord] = []
    started: set[tuple[object, ...]] = set()  # lines with a word kept (a speck before starts none)
    for index, row in enumerate(rows):
        word = str(row.text).strip()
        first_in_line = row.line_key not in started
        x0, top = float(str(row.left)) * points_per_pixel, float(str(row.top)) * points_per_pixel
        x1 = x0 + float(str(row.width)) * points_per_pixel
        size = sizes[index]
        # A bullet also starts a line of a right-hand column, after the gutter, with its item's
        # text after it.
        line_start = first_in_line or (
            _starts_column_line(rows[index - 1], row, size / points_per_pixel)
            and _item_follows(rows, index, size / points_per_pixel)
        )
        core_bottom = top + float(str(row.height)) * points_per_pixel
        mark = (top, core_bottom)
        if index in phrases:
            core_bottom = phrases[index]
        elif not (_is_real_word(word) or _is_digits(word)):  # one mark's core says little
            core_bottom = baselines[row.line_key]
        top, bottom = _type_box(core_bottom, size, baselines[row.line_key])
        alone = _stands_alone(rows, index, size / points_per_pixel)
        word, x0, x1 = _without_specks(word, x0, x1, alone)
        if line_start and _misread_bullet(word) and x1 - x0 < size:
            word = BULLET
        if word == BULLET:
            # A bullet is where its ink is, as one read from the image is (see image_bullets):
            # Tesseract's line may be the other column's, on another baseline.
            top, bottom = mark
        elif first_in_line and _opens_sentence(rows, index) and (item := MISREAD_ITEM_NUMBER.match(word)):
            word = f"{item['number']}."
        elif SPECK.match(word) or (
            alone and (word in LONE_MARKS or _doubted_scrap(word, float(str(row.conf))))
        ):
            continue
        read = OcrWord(word, x0, x1, top, bottom, size, float(str(row.conf)))
        # A bullet's mark is read with little confidence, whatever it is read as; one as wide as a
        # letter is no speck.
        as_wide = word == BULLET and x1 - x0 >= NARROWEST_LETTER * size
        if not as_wide and is_noise(word, x1 - x0, size, read.confidence):
            if any(char.isdigit() for char in word):
                set_aside.append(read)
            continue
        words.append(read)
        started.add(row.line_key)
    return OcrPage(tuple(words), tuple(set_aside))


def type_size(text: str, core_height: float, cap_height: float = CAP_HEIGHT) -> float:
    """The type size a word is set in, from the height of its core (see :data:`X_HEIGHT`);
    ``cap_height`` is the font's cap height as a share of the size, where the page shows it."""
    return core_height / (X_HEIGHT if _in_lower_case(text) else cap_height)


def cap_height_of(by_line: list[list[tuple[str, float]]]) -> float:
    """The cap height of a page's font as a share of the type size, from its lines that have
    words in lower case and capitals or digits side by side: fonts differ (Helvetica's capitals
    stand 1.38 x-heights tall, Times's 1.47), and a line of numbers should measure as the text
    beside it does. :data:`CAP_HEIGHT` where fewer than :data:`MIN_CAP_LINES` lines show it."""
    ratios = []
    for words in by_line:
        lower = [height for text, height in words if _in_lower_case(text)]
        upper = [height for text, height in words if not _in_lower_case(text) and _is_real_word(text)]
        if lower and upper:
            ratios.append(statistics.median(upper) / statistics.median(lower))
    if len(ratios) < MIN_CAP_LINES:
        return CAP_HEIGHT
    return X_HEIGHT * statistics.median(ratios)


def _in_lower_case(text: str) -> bool:
    """Whether a word's core is its x-height: it has two letters in lower case or more."""
    return sum(map(str.islower, text)) >= 2


def _type_box(core_bottom: float, size: float, line_baseline: float) -> tuple[float, float]:
    """A word's box as a word processor's PDF gives it, from the baseline (the bottom of its
    core): the type's full height (``size``), :data:`DESCENT` of it below the baseline. A word
    near its line's baseline (``line_baseline``) is on it; one further off (a number centred
    beside a wrapped cell, which Tesseract may put in the same line) keeps its own."""
    baseline = core_bottom
    if abs(baseline - line_baseline) <= SAME_BASELINE * size:
        baseline = line_baseline
    return baseline + DESCENT * size - size, baseline + DESCENT * size


def _line_baselines(rows: list[_Row], points_per_pixel: float) -> dict[tuple[object, ...], float]:
    """The baseline of each line Tesseract read: the middle of its words' core bottoms (of the
    words of two or more letters or digits where it has any)."""
    bottoms: dict[tuple[object, ...], list[tuple[str, float]]] = {}
    for row in rows:
        bottom = (float(str(row.top)) + float(str(row.height))) * points_per_pixel
        bottoms.setdefault(row.line_key, []).append((str(row.text).strip(), bottom))
    return {
        key: statistics.median(bottom for _text, bottom in _real_words(words))
        for key, words in bottoms.items()
    }


def _phrase_baselines(
    rows: list[_Row], sizes: Mapping[Hashable, float], points_per_pixel: float
) -> dict[int, float]:
    """The baseline of each word of a phrase: a run of at least :data:`PHRASE_WORDS` words of
    two letters or digits or more on one of Tesseract's lines, each within :data:`PHRASE_GAP`
    times the type size of the next. The words of a phrase stand on one baseline, the middle of their
    core bottoms, whatever one word's core says ("för" measured half its size above the words
    beside it, which put a table's row a line higher); a line of Tesseract's that runs across
    two columns holds a phrase of each, each on its own baseline."""
    runs: list[list[int]] = []
    for index, row in enumerate(rows):
        if runs and rows[runs[-1][-1]].line_key == row.line_key:
            last = rows[runs[-1][-1]]
            gap = float(str(row.left)) - float(str(last.left)) - float(str(last.width))
            if gap < PHRASE_GAP * sizes[row.line_key] / points_per_pixel:
                runs[-1].append(index)
                continue
        runs.append([index])
    found: dict[int, float] = {}
    for run in runs:
        bottoms = [
            (float(str(rows[i].top)) + float(str(rows[i].height))) * points_per_pixel
            for i in run
            if _is_real_word(str(rows[i].text).strip())
        ]
        if len(bottoms) >= PHRASE_WORDS:
            found |= dict.fromkeys(run, statistics.median(bottoms))
    return found


def _real_words(words: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The words of two or more letters or digits, or all when there are none (a speck says
    nothing of the type)."""
    return [word for word in words if _is_real_word(word[0])] or words


def _is_digits(text: str) -> bool:
    """Whether a word is one digit, a stop or comma aside ("4.", "7"): a digit stands on the
    baseline and reaches the cap height, so the rows of its ink are its core, and its core ends on
    its own baseline (a heading's number that Tesseract read on the line of the column beside it
    keeps the heading's)."""
    return sum(char.isdigit() for char in text) == 1 and not any(char.isalpha() for char in text)


def _is_real_word(text: str) -> bool:
    """Whether a word has two letters or digits or more: a speck's single mark says nothing of
    the type."""
    return sum(map(str.isalnum, text)) >= 2


def _sizes_by(
    rows: list[_Row], groups: list[Hashable], points_per_pixel: float, cap_height: float | None = None
) -> tuple[dict[Hashable, float], float]:
    """The type size of each group of words (``groups`` names each row's: a line Tesseract read,
    or a run of it), the median of its words' sizes, of the words of two or more letters or digits
    where it has any (a speck says nothing of the type); and the cap height the sizes were read
    with (``cap_height``, else the page's own from its groups, see :func:`cap_height_of`)."""
    by_group: dict[Hashable, list[tuple[str, float]]] = {}
    for row, group in zip(rows, groups, strict=True):
        text = str(row.text).strip()
        by_group.setdefault(group, [])
        dust = len(text) <= NOISE_SHORT and not any(char.isdigit() for char in text)
        if dust and float(str(row.conf)) < NOISE_NARROW_BELOW:
            continue  # dust Tesseract hardly believes in ("ee" beside a heading): no measure
        by_group[group].append((text, float(str(row.height)) * points_per_pixel))
    by_group = {key: words or [("", 0.0)] for key, words in by_group.items()}
    if cap_height is None:
        cap_height = cap_height_of([_real_words(words) for words in by_group.values()])
    sizes: dict[Hashable, float] = {}
    for key, words in by_group.items():
        estimates = sorted(type_size(text, height, cap_height) for text, height in _real_words(words))
        # A core smaller than any type ("Inför" measured 4 pixels tall on its densest row of ink)
        # says nothing of the group's size, where it has other words to measure.
        estimates = [size for size in estimates if size >= SMALLEST_TYPE] or estimates
        # The lower middle: a speck that joins a word makes its box taller, never shorter.
        sizes[key] = estimates[(len(estimates) - 1) // 2]
    return sizes, cap_height


def _word_sizes(rows: list[_Row], points_per_pixel: float) -> tuple[dict[Hashable, float], list[float]]:
    """The type size of each line Tesseract read (see :func:`_sizes_by`), and of each word: its
    line's, or where the line runs across columns (a word further than :data:`COLUMN_START_GAP`
    times the line's size from the word before it starts a run of its own) its run's. Tesseract
    reads a page of two columns line by line across both, and a heading in one column ("1.
    Offentlighet och" in 14 points) measured with the body text of the other beside it came out
    in the body's size, so that the heading's two lines no longer shared one size. A run of fewer
    than :data:`PHRASE_WORDS` words of letters (a table's numbers beside their label, a word whose
    box Tesseract drew over two lines) keeps its line's size: one word's core says less than a
    line's."""
    line_sizes, cap_height = _sizes_by(rows, [row.line_key for row in rows], points_per_pixel)
    runs: list[int] = []
    for index, row in enumerate(rows):
        size = line_sizes[row.line_key] / points_per_pixel
        if not runs:
            runs.append(0)
        else:
            runs.append(runs[-1] + 1 if _starts_column_line(rows[index - 1], row, size) else runs[-1])
    run_sizes, _ = _sizes_by(rows, list(runs), points_per_pixel, cap_height)
    runs_of_line: dict[Hashable, set[int]] = {}
    words: Counter[int] = Counter()
    for row, run in zip(rows, runs, strict=True):
        runs_of_line.setdefault(row.line_key, set()).add(run)
        text = str(row.text)
        words[run] += _is_real_word(text) and any(char.isalpha() for char in text)
    return line_sizes, [
        run_sizes[run]
        if len(runs_of_line[row.line_key]) > 1 and words[run] >= PHRASE_WORDS
        else line_sizes[row.line_key]
        for row, run in zip(rows, runs, strict=True)
    ]


def _starts_column_line(before: _Row, row: _Row, size: float) -> bool:
    """Whether ``row`` starts a line: the first word of Tesseract's line (``before`` is the word
    read before it, on another line), or one standing further than :data:`COLUMN_START_GAP` times
    the type ``size`` (pixels) from the word before it, as the first word of a line in a column
    right of another stands."""
    if before.line_key != row.line_key:
        return True
    gap = float(str(row.left)) - float(str(before.left)) - float(str(before.width))
    return gap > COLUMN_START_GAP * size


def _doubted_scrap(word: str, confidence: float) -> bool:
    """Whether a word is a few letters read with little confidence (see :data:`LONE_DOUBTED_BELOW`)."""
    return len(word) <= NOISE_SHORT and word.isalpha() and confidence < LONE_DOUBTED_BELOW


def _item_follows(rows: list[_Row], index: int, size: float) -> bool:
    """Whether a word of letters follows ``rows[index]`` on its line within :data:`BULLET_INDENT`
    times the type ``size`` (pixels), as a list item's text follows its bullet."""
    following = rows[index + 1] if index + 1 < len(rows) else None
    if following is None or following.line_key != rows[index].line_key:
        return False
    row = rows[index]
    gap = float(str(following.left)) - float(str(row.left)) - float(str(row.width))
    return gap <= BULLET_INDENT * size and any(char.isalpha() for char in str(following.text))


def _opens_sentence(rows: list[_Row], index: int) -> bool:
    """Whether the word after ``rows[index]`` on its line starts with a capital letter."""
    following = rows[index + 1] if index + 1 < len(rows) else None
    if following is None or following.line_key != rows[index].line_key:
        return False
    return str(following.text).strip()[:1].isupper()


def _misread_bullet(word: str) -> bool:
    marks = word.strip(QUOTES)
    if marks != word and not any(char in BULLET_MISREAD_CHARS for char in marks):
        return False  # a quotation mark alone is no bullet
    return marks in BULLET_MISREADS or (
        len(marks) == 2 and all(char in BULLET_MISREAD_CHARS for char in marks)
    )


def is_noise(word: str, width: float, size: float, confidence: float) -> bool:
    """Whether a word is dust read as characters (see :data:`NOISE_SHORT`); a dash narrower than
    any printed dash (:data:`NARROWEST_DASH`), and a word far narrower than its letters can be
    (:data:`NARROWEST_LETTER`: an "a" half a point wide), are specks too."""
    if word in DASHES and width < NARROWEST_DASH * size:
        return True
    if size < SMALLEST_TYPE or width < HAIRLINE * size:  # a line of dust, a one-pixel sliver
        return True
    wide = sum(1 for char in word if char.isalpha() and char not in THIN_CHARACTERS)
    if wide and not any(char.isdigit() for char in word) and width < NARROWEST_LETTER * size * wide:
        return True
    has_digit = any(char.isdigit() for char in word)
    if not has_digit and len(word) <= NOISE_SHORT and confidence < NOISE_SHORT_BELOW:
        return True
    return width < NOISE_NARROW * size and confidence < NOISE_NARROW_BELOW


def _without_specks(word: str, x0: float, x1: float, alone: bool) -> tuple[str, float, float]:
    """A number read with specks at its ends, without them; its box shrunk by their share of it.

    A mark after a number is a speck only where the number stands ``alone`` as a table cell does:
    in running text, "2003," and "2007." end with their own punctuation. A word never starts with
    a stop or a colon (":'kommunen"): those are specks too."""
    if lead := LEADING_SPECKS.match(word):
        per_char = (x1 - x0) / len(word)
        return word[lead.end() :], x0 + per_char * lead.end(), x1
    match = SPECKED_NUMBER.match(word)
    if match is None or not (match["lead"] or (match["trail"] and alone)):
        return word, x0, x1
    trail = match["trail"] if alone else ""
    per_char = (x1 - x0) / len(word)
    return (
        match["number"] + match["trail"][len(trail) :],
        x0 + per_char * len(match["lead"]),
        x1 - per_char * len(trail),
    )


def _stands_alone(rows: list[_Row], index: int, size: float) -> bool:
    """Whether the word at ``index`` stands apart from the words beside it on its line, as a table
    cell does: further than :data:`CELL_GAP` times the type size (``size`` in pixels) from each."""
    row = rows[index]
    left, right = float(str(row.left)), float(str(row.left)) + float(str(row.width))
    for other in (index - 1, index + 1):
        if 0 <= other < len(rows) and rows[other].line_key == row.line_key:
            start = float(str(rows[other].left))
            end = start + float(str(rows[other].width))
            if max(start - right, left - end) < CELL_GAP * size:
                return False
    return True


_COLUMNS = ("level", "block_num", "par_num", "line_num", "left", "top", "width", "height", "conf", "text")
_WORD_LEVEL = 5


def _rows(data: dict[str, list[object]]) -> list[_Row]:
    """Tesseract's word table (a dict of columns) as rows."""
    return [_Row(*row) for row in zip(*(data[key] for key in _COLUMNS), strict=True)]


class _Row(NamedTuple):
    """One row of Tesseract's word table."""

    level: object
    block: object
    paragraph: object
    line: object
    left: object
    top: object
    width: object
    height: object
    conf: object
    text: object

    @property
    def line_key(self) -> tuple[object, ...]:
        return (self.block, self.paragraph, self.line)
