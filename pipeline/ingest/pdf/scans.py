"""Scanned pages: which pages need OCR, and their OCR'd words as the words of a page.

A scanned page is rendered to an image and read by Tesseract (``tesseract``); its words then go
through the same steps as any page's words (printed lines, running headers, tables, rows,
paragraphs). A page is a scan when its text layer has no visible words, or when images cover most
of it and its visible words cover only a sliver of it: a scan with a text stamp ("Inkom
2024-01-05") or a page number added as text is still a scan. The page says this about itself
(image cover, amount of text), wherever the stamp lies. The stamp is not merged with what OCR
reads: it is superseded, because OCR reads the page as rendered, and the renderer draws the stamp's
text into the image, so the stamp is read with the rest of what is printed. Text pages are never
OCR'd in ``auto`` mode, so a PDF with text pages and scanned pages reads whole.

What OCR reads is kept as read, with two readings a person would make and that are reported:
a sub-question id with a letter for a digit ("G.1" where a 6 is printed) is read as the id, and
every word read with low confidence is kept as an :class:`UncertainReading`, so the validator can
point at each number that may be misread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

import numpy as np
import regex

from pipeline.ingest.pdf.deskew import deskew
from pipeline.ingest.pdf.glyphs import Ruling
from pipeline.ingest.pdf.image_bullets import bullets_read_as_letters, find_bullets
from pipeline.ingest.pdf.image_columns import right_column
from pipeline.ingest.pdf.image_rulings import remove_rulings
from pipeline.ingest.pdf.paper import ink_on_white
from pipeline.ingest.pdf.render import open_renderer
from pipeline.ingest.pdf.tesseract import (
    BULLET,
    BULLET_MISREAD_CHARS,
    DASHES,
    QUOTES,
    OcrPage,
    OcrWord,
    read_page,
)
from pipeline.ingest.pdf.word_pairs import Boxes
from pipeline.ingest.pdf.words import Gutter, PageText, Word
from pipeline.model.defaults import OCR_UNCERTAIN_BELOW as UNCERTAIN_BELOW
from pipeline.model.document import PERCENT_SIGN as PERCENT
from pipeline.model.document import UncertainReading

if TYPE_CHECKING:
    from PIL.Image import Image

# Tesseract reads report type best at about 300 pixels per inch; a 200 dpi scan is upsampled.
OCR_DPI = 300
# Letters OCR puts for digits in a sub-question id ("G.1", "S.2", "l.3", "7.O").
DIGIT_LOOKALIKES = str.maketrans("GbSsBOolIiZzqg", "66558001112299")
QUESTION_ID_LOOKALIKE = regex.compile(r"^[0-9GbSsBOolIiZzqg][.:,][0-9GbSsBOolIiZzqg]{1,2}\.?$")
QUESTION_ID = regex.compile(r"^[1-9][.:,][0-9]{1,2}\.?$")
# A mark no wider than this share of the type size, within RULING_NEAR points of a vertical ruling
# line, is what is left of the line.
RULING_MARK = 0.15
RULING_NEAR = 1.0
# A page is a scan when images cover at least SCAN_IMAGE_SHARE of it and its visible words less
# than SCAN_TEXT_SHARE: a page of report text covers a tenth to a quarter of the page with word
# boxes, a stamp or a page number a few thousandths.
SCAN_IMAGE_SHARE = 0.5
SCAN_TEXT_SHARE = 0.03
# What OCR makes of the rest of an erased ruling line beside a word: quotes, bars, dots.
STRAY_MARKS = regex.compile(r"^[\"”“'‘’´`|¦!.,:;]+$")
# Every digit but "1" is at least this share of its type size wide, a "1" half of it: a word of
# digits narrower than its digits can be, read with less confidence than an uncertain reading, is a
# speck read as digits ("5" 1.7 points wide beside a 10-point header, read with 30 % confidence),
# set aside and reported like the specks Tesseract's reading sets aside.
NARROWEST_DIGIT = 0.2
DIGITS = regex.compile(r"^\d+$")
# A percent sign is one glyph 1.5 to 1.7 digits wide in the faces reports are set in (Helvetica
# 1.6, Times 1.67, DejaVu Sans 1.5); OCR reads it as one or two digits ("-35 96", "-30 4"). A word
# of digits a word space (at most PERCENT_SPACE type sizes) after a number, as wide as
# PERCENT_WIDTH digits of its line's numbers, too wide for one digit and too narrow for two, is that
# sign: it is read as "%" and reported.
PERCENT_WIDTH = (1.25, 1.8)
PERCENT_SPACE = 0.6
NUMBER = regex.compile(r"^[+\-−–]?\d+(?:[.,]\d+)?$")
# A word read again within another's box: within WITHIN points of it across, overlapping it by more
# than SAME_LINE of its own height down the page.
WITHIN = 1.0
SAME_LINE = 0.5
# Marks OCR reads from a bullet's ink into the word after it ("«Tydlig", '"Sammanställ'), before
# its first letter: the signs a bullet is misread as (not its letters: "eller" keeps its "e"), or
# quotes; that word stands at most BULLET_REACH type sizes after the bullet.
_BULLET_SIGNS = "".join(sorted(char for char in BULLET_MISREAD_CHARS if not char.isalpha()))
MARKS_AFTER_BULLET = regex.compile(rf"^[{regex.escape(_BULLET_SIGNS + QUOTES)}]+(?=\p{{L}})")
BULLET_REACH = 2.5
# A dash after a list's marker read with less confidence than this is a speck (see
# ``_doubted_second_marker``).
DOUBTED_MARK_BELOW = 50.0
# How often (seconds) a document reading its pages asks again for a core left idle, while none of
# its pages is done.
ASK_AGAIN_SECONDS = 1.0


@dataclass(frozen=True)
class ScannedPages:
    """The pages OCR read, as pages, and the readings to report."""

    pages: dict[int, PageText]
    readings: tuple[UncertainReading, ...]


def pages_to_read(pages: Sequence[PageText], mode: str) -> list[int]:
    """The numbers of the pages to OCR: every page (``always``), none (``never``), or in ``auto``
    the scanned pages (:func:`is_scanned`)."""
    if mode == "always":
        return [page.number for page in pages]
    if mode == "auto":
        return [page.number for page in pages if is_scanned(page)]
    return []


def is_scanned(page: PageText) -> bool:
    """Whether the page is a scan: no visible words, or mostly image with little visible text (a
    stamp, a page number; a hidden text layer does not count, it is not printed)."""
    if not page.words:
        return True
    if page.image_share < SCAN_IMAGE_SHARE:
        return False
    text = sum((word.x1 - word.x0) * (word.bottom - word.top) for word in page.words)
    return text < SCAN_TEXT_SHARE * page.width * page.height


# Called after each page OCR read with the pages done and the pages to read.
PageProgress = Callable[[int, int], None]


class PageSlots(Protocol):
    """The cores a document may borrow to read more than one of its pages at a time: the cores of
    the run left idle (a lone report, the last reports of a batch). A document always has one."""

    def borrow(self) -> bool:
        """Take one more core if one is idle; whether one was taken."""

    def give_back(self) -> None:
        """Give back one core taken with :meth:`borrow`."""


@dataclass(frozen=True)
class _PageRead:
    page: PageText
    readings: tuple[UncertainReading, ...]


def read_scanned_pages(
    data: bytes, pages: Sequence[PageText], on_page: PageProgress | None = None,
    page_slots: PageSlots | None = None,
) -> ScannedPages:  # fmt: skip
    """OCR the given pages of the PDF in ``data``; raises ``OcrUnavailable`` without Tesseract.

    ``on_page(done, total)`` is called after each page (OCR takes seconds a page: a progress bar
    can show it). One page is read at a time, and one more for each core ``page_slots`` lends:
    each page in a thread of its own with a Tesseract of its own (the library's, taken from the
    process's pool, or a program's process), so the pages are read on as many cores as were lent.
    The pages come back in their order, whatever order they were read in, so the result does not
    depend on the cores."""
    read: dict[int, Future[_PageRead]] = {}
    in_flight: set[Future[_PageRead]] = set()
    to_read, borrowed = list(pages), 0
    try:
        # No more pages are in flight than the run has cores, so a thread a core at most: each
        # thread reserves its stack in the worker's limited address space. On a failure the pages
        # in flight are waited for, so no Tesseract outlives the reading.
        threads = max(1, min(len(pages), os.cpu_count() or 1))
        with open_renderer(data) as renderer, ThreadPoolExecutor(threads) as pool:
            while to_read or in_flight:
                # A page on the document's own core, and one on each core it borrowed.
                while to_read and (len(in_flight) <= borrowed or _borrow(page_slots)):
                    borrowed = max(borrowed, len(in_flight))
                    page = to_read.pop(0)
                    # Rendered here, one page at a time: pdfium is not made to be called from threads.
                    image = renderer.page_image(page.number, OCR_DPI)
                    read[page.number] = pool.submit(read_scanned_page, image, page)
                    in_flight.add(read[page.number])
                done, _ = wait(in_flight, ASK_AGAIN_SECONDS if to_read else None, FIRST_COMPLETED)
                for future in done:
                    future.result()  # a page that failed fails the document now
                    in_flight.discard(future)
                    if borrowed:  # the core goes back; the next page asks again, as any document
                        borrowed -= 1
                        page_slots.give_back()  # type: ignore[union-attr]
                    if on_page is not None:
                        on_page(len(read) - len(in_flight), len(pages))
    finally:
        for _ in range(borrowed):
            page_slots.give_back()  # type: ignore[union-attr]
    results = [read[page.number].result() for page in pages]
    readings = tuple(reading for result in results for reading in result.readings)
    return ScannedPages({result.page.number: result.page for result in results}, readings)


def _borrow(page_slots: PageSlots | None) -> bool:
    return page_slots is not None and page_slots.borrow()


def read_scanned_page(image: Image, page: PageText) -> _PageRead:
    """One scanned page's image (at :data:`OCR_DPI`) read: turned straight, its ruling lines
    found and erased, its words read by Tesseract and its bullets found; the page as a page of
    words, and the readings to report."""
    straight, _angle = deskew(image, OCR_DPI)
    cleaned = remove_rulings(straight, OCR_DPI)
    column = right_column(cleaned.ink, OCR_DPI, cleaned.rulings)
    # Tesseract reads a grey scan as black ink on white: its one threshold turned shaded rows black,
    # and its line reader takes the grey in (show-through, JPEG noise) for ink.
    ocr_image = ink_on_white(cleaned.image, OCR_DPI)
    ocr_page = without_misreadings(read_page(ocr_image, OCR_DPI, ink=cleaned.ink, column=column))
    ocr_page, signs = percent_signs_read_as_digits(ocr_page)
    # The bullets Tesseract passed over first: where a bullet read as letters stands under them,
    # their place says it is one of the list's.
    bullets = find_bullets(cleaned.image, OCR_DPI, ocr_page.words, cleaned.ink)
    words = bullets_read_as_letters(cleaned.image, OCR_DPI, ocr_page.words + tuple(bullets), cleaned.ink)
    ocr_page = OcrPage(without_marks_after_bullets(words), ocr_page.set_aside)
    read = page_from_ocr(page, ocr_page, cleaned.rulings)
    if column is not None:
        scale = 72.0 / OCR_DPI
        read = replace(read, gutter=Gutter(column.x0 * scale, column.top * scale, column.bottom * scale))
    return _PageRead(read, tuple(uncertain_readings(page.number, ocr_page, signs)))


def without_marks_after_bullets(words: tuple[OcrWord, ...]) -> tuple[OcrWord, ...]:
    """The words, the first word after each bullet without the marks OCR read from the bullet's
    ink into it ("«Tydlig", '"Sammanställ' after "•"): marks a bullet is misread as, or quotes,
    before its first letter, where no word after it on the line has a quote to close them; and
    without a doubted dash between a list's marker and its item's text ("- — Starkt")."""
    markers = [word for word in words if word.text == BULLET or word.text in DASHES]
    if not markers:
        return words
    firsts = {id(first): marker for marker in markers if (first := _next_on_line(marker, words)) is not None}
    out = []
    for word in words:
        if id(word) in firsts and _doubted_second_marker(word, words):
            continue
        bullet = firsts.get(id(word))
        marks = MARKS_AFTER_BULLET.match(word.text) if bullet is not None and bullet.text == BULLET else None
        if marks is not None and not any(
            char in QUOTES for other in _rest_of_line(word, words) for char in other.text
        ):
            word = word._replace(text=word.text[marks.end() :])
        out.append(word)
    return tuple(out)


def _doubted_second_marker(word: OcrWord, words: Sequence[OcrWord]) -> bool:
    """Whether ``word``, right after a list's marker, is a dash read with little confidence before
    the item's text: a speck between the marker and the text, no second marker (an item never
    starts with a dash after its bullet)."""
    return word.text in DASHES and word.confidence < DOUBTED_MARK_BELOW and bool(_rest_of_line(word, words))


def _on_line_after(word: OcrWord, other: OcrWord) -> bool:
    middle = (other.top + other.bottom) / 2
    return other.x0 >= word.x1 and word.top <= middle <= word.bottom


def _next_on_line(bullet: OcrWord, words: Sequence[OcrWord]) -> OcrWord | None:
    """The word after ``bullet`` on its line, within a list's indent of it."""
    reach = BULLET_REACH * bullet.size
    after = [
        other for other in words
        if other is not bullet and _on_line_after(bullet, other) and other.x0 - bullet.x1 <= reach
    ]  # fmt: skip
    return min(after, key=lambda other: other.x0, default=None)


def _rest_of_line(word: OcrWord, words: Sequence[OcrWord]) -> list[OcrWord]:
    return [other for other in words if other is not word and _on_line_after(word, other)]


def without_misreadings(ocr_page: OcrPage) -> OcrPage:
    """The page without the words that are no printed word: a word of digits narrower than its
    digits can be (see :data:`NARROWEST_DIGIT`), and a word read a second time within another's
    box (see :func:`_read_within`). Such words with a digit are set aside, to be reported with the
    uncertain readings; the others are dropped."""
    within = _read_within(ocr_page.words)
    misread = [
        _too_narrow_for_digits(word) or inside for word, inside in zip(ocr_page.words, within, strict=True)
    ]
    if not any(misread):
        return ocr_page
    kept = tuple(word for word, wrong in zip(ocr_page.words, misread, strict=True) if not wrong)
    specks = tuple(
        word
        for word, wrong in zip(ocr_page.words, misread, strict=True)
        if wrong and any(char.isdigit() for char in word.text)
    )
    return OcrPage(kept, ocr_page.set_aside + specks)


def percent_signs_read_as_digits(ocr_page: OcrPage) -> tuple[OcrPage, tuple[OcrWord, ...]]:
    """The page with each percent sign OCR read as digits read as "%" (see :data:`PERCENT_WIDTH`),
    and those words as OCR read them, to be reported."""
    words = list(ocr_page.words)
    signs = []
    for index, word in enumerate(words):
        if _percent_sign(word, words):
            signs.append(word)
            words[index] = word._replace(text=PERCENT)
    return (replace(ocr_page, words=tuple(words)), tuple(signs)) if signs else (ocr_page, ())


def _percent_sign(word: OcrWord, words: Sequence[OcrWord]) -> bool:
    if not DIGITS.match(word.text) or len(word.text) > 2 or (len(word.text) == 2 and "1" in word.text):
        return False  # a narrow "11" may be printed
    before = [
        other for other in words
        if _on_line_after(other, word) and word.x0 - other.x1 <= PERCENT_SPACE * word.size
    ]  # fmt: skip
    if not before or not NUMBER.match(max(before, key=lambda other: other.x1).text):
        return False
    digit = _digit_width(word, words)
    low, high = PERCENT_WIDTH
    return digit is not None and low * digit <= word.x1 - word.x0 <= high * digit


def _digit_width(word: OcrWord, words: Sequence[OcrWord]) -> float | None:
    """The width of a digit on ``word``'s line: the median over its other words of digits (without
    a "1", which is narrower), or ``None`` where it has none."""
    middle = (word.top + word.bottom) / 2
    widths = sorted(
        (other.x1 - other.x0) / len(other.text)
        for other in words
        if other is not word and DIGITS.match(other.text) and "1" not in other.text
        and other.top <= middle <= other.bottom
    )  # fmt: skip
    return widths[len(widths) // 2] if widths else None


def _too_narrow_for_digits(word: OcrWord) -> bool:
    if not DIGITS.match(word.text) or word.confidence >= UNCERTAIN_BELOW:
        return False  # a digit read with confidence whose box the steps before cut narrow is kept
    digits = sum(0.5 if char == "1" else 1.0 for char in word.text)
    return word.x1 - word.x0 < NARROWEST_DIGIT * word.size * digits


def _read_within(words: Sequence[OcrWord]) -> list[bool]:
    """For each word, whether Tesseract read it from ink it also read as a wider word of letters:
    its box lies within that word's across and on the same line, and it is a piece of that word
    ("örbättringsfö" inside "Förbättringsförslag") or a mark ("-" inside "till"). Printed words
    stand apart, and ink is one word's; a word of letters inside another's box may be the other's
    misplaced line, and a digit the next word's (Tesseract's box of "sid" can reach over the page
    number after it): both are kept."""
    boxes = Boxes.of(words)
    width = boxes.x1 - boxes.x0
    within = [False] * len(words)
    for rows, word in boxes.blocks():
        overlap = np.minimum(word.bottom, boxes.bottom) - np.maximum(word.top, boxes.top)
        holding = (
            (width > word.x1 - word.x0)
            & (boxes.x0 - WITHIN <= word.x0) & (word.x1 <= boxes.x1 + WITHIN)
            & (overlap > SAME_LINE * (word.bottom - word.top)) & boxes.others(word)
        )  # fmt: skip
        for row, others in zip(range(len(words))[rows], holding, strict=True):
            if others.any():
                within[row] = _a_piece_of_any(
                    words[row], [words[index] for index in np.flatnonzero(others).tolist()]
                )
    return within


def _a_piece_of_any(word: OcrWord, holding: Sequence[OcrWord]) -> bool:
    """Whether ``word``, within the boxes of the words ``holding`` it, is a piece of one of those
    words of letters, or a mark in one."""
    text = word.text.casefold()
    if any(char.isdigit() for char in text):
        return False
    lettered = any(char.isalpha() for char in text)
    return any(
        any(char.isalpha() for char in other.text) and (text in other.text.casefold() if lettered else True)
        for other in holding
    )


def page_from_ocr(
    page: PageText, ocr_page: OcrPage, rulings: tuple[tuple[float, float, float, float], ...] = ()
) -> PageText:
    """The page with the OCR'd words in place of its (empty) text layer, and the ruling lines seen
    in the image (``rulings``) added to its drawn ones."""
    rules = page.rules + tuple(Ruling(*box) for box in rulings)
    vertical = [rule for rule in rules if not rule.is_horizontal]
    words = tuple(
        _within_rulings(Word(read_token(w.text), w.x0, w.x1, w.top, w.bottom, w.size, w.confidence), vertical)
        for w in ocr_page.words
        if not _on_a_ruling(w, vertical)
    )
    return PageText(page.number, page.width, page.height, words, rules)


def _on_a_ruling(word: OcrWord, vertical: Sequence[Ruling]) -> bool:
    """Whether OCR read a word in what is left of an erased vertical ruling line ("I", "|"): a
    mark far narrower than a letter, standing on the line."""
    if word.x1 - word.x0 > RULING_MARK * word.size:
        return False
    return any(
        rule.x0 - RULING_NEAR <= word.x0 and word.x1 <= rule.x1 + RULING_NEAR
        and rule.top <= word.bottom and rule.bottom >= word.top
        for rule in vertical
    )  # fmt: skip


def _within_rulings(word: Word, vertical: Sequence[Ruling]) -> Word:
    """The word without the marks OCR read across a vertical ruling line at its end: what is left
    of an erased line read as a quote or a bar ("aktivt”" where "aktivt" is printed against it).
    A word's own characters are never taken off."""
    for rule in vertical:
        if not (word.x0 < rule.x0 < word.x1 and rule.top <= word.bottom and rule.bottom >= word.top):
            continue
        per_char = (word.x1 - word.x0) / len(word.text)
        if rule.x0 > (word.x0 + word.x1) / 2:
            beyond = max(1, round((word.x1 - rule.x0) / per_char))
            if beyond < len(word.text) and STRAY_MARKS.match(word.text[-beyond:]):
                return word._replace(text=word.text[:-beyond], x1=rule.x0)
        else:
            before = max(1, round((rule.x1 - word.x0) / per_char))
            if before < len(word.text) and STRAY_MARKS.match(word.text[:before]):
                return word._replace(text=word.text[before:], x0=rule.x1)
    return word


def read_token(text: str) -> str:
    """A token as a person reads it: a sub-question id printed with a letter for a digit becomes
    the id ("G.1" → "6.1"); every other token stays as OCR read it."""
    if QUESTION_ID.match(text) or not QUESTION_ID_LOOKALIKE.match(text):
        return text
    read = text.translate(DIGIT_LOOKALIKES)
    return read if QUESTION_ID.match(read) else text


def uncertain_readings(page: int, ocr_page: OcrPage, signs: Sequence[OcrWord] = ()) -> list[UncertainReading]:
    """Words with a digit that OCR read with low confidence, ids read from look-alike letters,
    specks read as digits that were set aside (read as ""), and percent ``signs`` read as digits
    (read as "%")."""
    readings = [
        UncertainReading(page, word.text, "", word.confidence, _box(word)) for word in ocr_page.set_aside
    ]
    readings += [UncertainReading(page, word.text, PERCENT, word.confidence, _box(word)) for word in signs]
    for word in ocr_page.words:
        read = read_token(word.text)
        box = _box(word)
        if read != word.text:
            readings.append(UncertainReading(page, word.text, read, word.confidence, box))
        elif word.confidence < UNCERTAIN_BELOW and any(char.isdigit() for char in word.text):
            readings.append(UncertainReading(page, word.text, word.text, word.confidence, box))
    return sorted(readings, key=lambda reading: (reading.bbox[1], reading.bbox[0]))


def _box(word: OcrWord) -> tuple[float, float, float, float]:
    return (round(word.x0, 2), round(word.top, 2), round(word.x1, 2), round(word.bottom, 2))
