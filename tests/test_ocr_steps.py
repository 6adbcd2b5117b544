"""The OCR steps one by one, on synthetic input: Tesseract's word table, token reading, ruling
lines and skew in an image, and placing uncertain readings on the document's lines.

None of these runs Tesseract: they test what kompass does with what Tesseract gives.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from pipeline.ingest.ocr_readings import locate_readings
from pipeline.ingest.pdf.deskew import MAX_SKEW, _Projection, deskew, skew_angle, turned
from pipeline.ingest.pdf.image_bullets import bullets_read_as_letters, find_bullets
from pipeline.ingest.pdf.image_rulings import remove_rulings
from pipeline.ingest.pdf.scans import (
    pages_to_read,
    percent_signs_read_as_digits,
    read_token,
    uncertain_readings,
    without_marks_after_bullets,
    without_misreadings,
)
from pipeline.ingest.pdf.tesseract import BULLET, OcrPage, OcrWord, page_from_data
from pipeline.ingest.pdf.words import PageText, Word
from pipeline.model.document import Document, Line, UncertainReading
from pipeline.model.records import AreaScore, Extraction, Finding, OcrReading, Severity
from pipeline.validation.scanned_pages import in_doubt

# image_to_data at 300 dpi: 1 pixel = 0.24 points.
POINTS_PER_PIXEL = 72 / 300


def tesseract_table(
    lines: list[list[tuple[str, int, int, float]]], line_height: int = 40
) -> dict[str, list[object]]:
    """A word table as ``pipeline.ingest.pdf.tesseract_process.image_to_data`` gives it (a dict of
    columns): for each line a level-4 row, then a level-5 row per word (text, left, width, confidence)."""
    columns: dict[str, list[object]] = {
        key: [] for key in ("level", "block_num", "par_num", "line_num", "left", "top", "width", "height",
                            "conf", "text")
    }  # fmt: skip

    def add(
        level: int, line: int, left: int, top: int, width: int, height: int, conf: float, text: str
    ) -> None:
        for key, value in zip(
            columns, (level, 1, 1, line, left, top, width, height, conf, text), strict=True
        ):
            columns[key].append(value)

    for number, words in enumerate(lines, start=1):
        top = 100 * number
        add(4, number, 0, top, 2000, line_height, -1, "")
        for text, left, width, conf in words:
            add(5, number, left, top + 5, width, 30, conf, text)
    return columns


def test_page_from_data_gives_words_in_points_with_the_type_size_from_their_cores() -> None:
    # Boxes are cores (30 pixels = 7.2 points): an x-height for a word in lower case, a cap
    # height for a number; the line's size is the lower middle of its words' sizes.
    page = page_from_data(
        tesseract_table([[("Landsting", 300, 200, 96.0), ("64,5", 1200, 80, 71.5)]]), POINTS_PER_PIXEL
    )
    first, second = page.words
    size = 7.2 / 0.70  # the lower of 7.2 / 0.505 (x-height) and 7.2 / 0.70 (cap height)
    assert (first.text, first.x0, first.x1, first.confidence) == ("Landsting", 72.0, 120.0, 96.0)
    assert first.size == second.size == pytest.approx(size)
    # The box a word processor gives: the type size tall, 0.21 of it below the baseline (32.4).
    assert (first.top, first.bottom) == (
        pytest.approx(32.4 + 0.21 * size - size),
        pytest.approx(32.4 + 0.21 * size),
    )
    assert (second.text, second.x0, second.top, second.confidence) == ("64,5", 288.0, first.top, 71.5)


def test_a_word_whose_core_measures_smaller_than_any_type_does_not_size_its_line() -> None:
    # A grey scan (fuzz seed 3050): "Inför" measured 4 pixels tall on its densest row of ink, and
    # the lower middle of its line's two measures, under a point, made the whole line dust.
    table = tesseract_table(
        [[("-", 300, 11, 93.0), ("Inför", 392, 92, 96.0), ("medborgarförslag", 501, 365, 96.0)]]
    )
    table["height"] = [40 if level == 4 else {"-": 3, "Inför": 4}.get(str(text), 22)
                       for level, text in zip(table["level"], table["text"], strict=True)]  # fmt: skip
    page = page_from_data(table, POINTS_PER_PIXEL)
    assert [word.text for word in page.words] == ["-", "Inför", "medborgarförslag"]
    assert [word.size for word in page.words] == [pytest.approx(22 * POINTS_PER_PIXEL / 0.505)] * 3


def test_page_from_data_drops_specks_and_keeps_dashes() -> None:
    page = page_from_data(
        tesseract_table(
            [
                [
                    ("|", 100, 4, 30.0),
                    ("Kvalitet", 300, 200, 95.0),
                    (".", 600, 5, 20.0),
                    ("–", 700, 20, 80.0),
                    (":", 900, 5, 40.0),
                ]
            ]
        ),
        POINTS_PER_PIXEL,
    )
    assert [word.text for word in page.words] == ["Kvalitet", "–"]


@pytest.mark.parametrize(
    ("read", "number", "x0", "x1"),
    [
        ('"22,5', "22,5", 72 + 2 * 0.24, 72 + 10 * 0.24),  # one speck of five characters: a fifth of the box
        ("64,5.", "64,5", 72.0, 72 + 8 * 0.24),
        ("«8", "8", 72 + 5 * 0.24, 72 + 10 * 0.24),
        ("12", "12", 72.0, 72 + 10 * 0.24),
    ],
)
def test_page_from_data_takes_specks_off_numbers(read: str, number: str, x0: float, x1: float) -> None:
    # the box is 10 pixels whatever the length
    (word,) = page_from_data(tesseract_table([[(read, 300, 10, 60.0)]]), POINTS_PER_PIXEL).words
    assert (word.text, word.x0, word.x1) == (number, pytest.approx(x0), pytest.approx(x1))


@pytest.mark.parametrize("misread", ["«", "e", "°", "+»", "*", ">"])  # ">": an arrowhead "➢" (fuzz seed 3130)
def test_page_from_data_reads_a_misread_bullet_at_a_line_start(misread: str) -> None:
    page = page_from_data(
        tesseract_table([[(misread, 200, 20, 50.0), ("Kommunen", 300, 200, 90.0)]]), POINTS_PER_PIXEL
    )
    assert [word.text for word in page.words] == [BULLET, "Kommunen"]


def test_page_from_data_drops_dust_and_sets_specks_read_as_digits_aside() -> None:
    page = page_from_data(
        tesseract_table([[("Landsting", 300, 200, 96.0), ("ee", 700, 26, 0.0), ("i", 900, 2, 32.0),
                          ("i", 1000, 6, 96.0), ("om", 1020, 40, 42.0), ("8", 1300, 2, 13.0)]]),
        POINTS_PER_PIXEL,
    )  # fmt: skip
    assert [word.text for word in page.words] == ["Landsting", "i", "om"]
    assert [word.text for word in page.set_aside] == ["8"]  # reported, not taken


def test_page_from_data_keeps_a_bullet_lookalike_inside_a_line() -> None:
    page = page_from_data(
        tesseract_table([[("Kommunen", 200, 200, 90.0), ("e", 450, 20, 50.0)]]), POINTS_PER_PIXEL
    )
    assert [word.text for word in page.words] == ["Kommunen", "e"]


def test_page_from_data_keeps_a_wide_word_that_starts_a_line() -> None:
    # "e" as wide as a word of the line's size is a letter, not a bullet.
    page = page_from_data(tesseract_table([[("e", 200, 60, 50.0)]]), POINTS_PER_PIXEL)
    assert [word.text for word in page.words] == ["e"]


@pytest.mark.parametrize(
    ("token", "read"),
    [
        ("G.1", "6.1"),
        ("S.2", "5.2"),
        ("l.3", "1.3"),
        ("7.O", "7.0"),
        ("6.1", "6.1"),
        ("4.10", "4.10"),
        ("Gb", "Gb"),  # not an id
        ("G.", "G."),
        ("Hur", "Hur"),
        ("64,5", "64,5"),  # a number is never changed
        ("G.G.1", "G.G.1"),
    ],
)
def test_read_token(token: str, read: str) -> None:
    assert read_token(token) == read


def test_uncertain_readings_are_low_confidence_numbers_and_lookalike_ids() -> None:
    words = (
        OcrWord("G.1", 50, 60, 100, 108, 8, 91.0),
        OcrWord("64,5", 300, 315, 100, 108, 8, 63.0),
        OcrWord("80", 350, 360, 100, 108, 8, 95.0),
        OcrWord("Tydlighet", 70, 120, 100, 108, 8, 20.0),
    )
    speck = OcrWord("8", 58.9, 59.3, 157.9, 158.6, 11, 13.0)
    readings = uncertain_readings(4, OcrPage(words, (speck,)))
    assert [(r.printed, r.read, r.confidence) for r in readings] == [
        ("G.1", "6.1", 91.0),
        ("64,5", "64,5", 63.0),
        ("8", "", 13.0),
    ]
    assert readings[1].bbox == (300, 100, 315, 108) and readings[1].page == 4


def test_pages_to_read_by_mode() -> None:
    pages = [PageText(1, 595, 842, (Word("Umeå", 1, 2, 3, 4, 10),)), PageText(2, 595, 842, ())]
    assert (pages_to_read(pages, "auto"), pages_to_read(pages, "always"), pages_to_read(pages, "never")) == (
        [2], [1, 2], []
    )  # fmt: skip


def ruled_page(dpi: int = 300) -> Image.Image:
    """A white page with a ruled box (a table's frame and one column line) and a few 'letters'."""
    image = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 200, 1100, 600), outline=0, width=3)  # 1000 x 400 pixels
    draw.line((600, 200, 600, 600), fill=0, width=3)
    for x in range(150, 500, 40):  # letters: short blocks, far below a ruling line's length
        draw.rectangle((x, 300, x + 20, 330), fill=0)
    return image


def test_remove_rulings_finds_the_frame_and_keeps_the_letters() -> None:
    found = remove_rulings(ruled_page(), 300)
    scale = 72 / 300
    horizontal = sorted(box for box in found.rulings if box[2] - box[0] > box[3] - box[1])
    vertical = sorted(box for box in found.rulings if box[3] - box[1] > box[2] - box[0])
    assert len(horizontal) == 2 and len(vertical) == 3
    assert horizontal[0][0] == pytest.approx(100 * scale, abs=1) and horizontal[0][2] == pytest.approx(
        1101 * scale, abs=1
    )
    assert [round(box[0] / scale) for box in vertical] == [pytest.approx(x, abs=3) for x in (100, 600, 1100)]
    pixels = np.asarray(found.image)
    assert (pixels[200:204, 100:1100] == 255).all()  # the top line is erased
    assert (pixels[300:330, 150:170] == 0).all()  # a letter is not


def test_remove_rulings_on_a_page_without_lines_changes_nothing() -> None:
    image = Image.new("L", (400, 300), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 80, 80), fill=0)
    found = remove_rulings(image, 300)
    assert found.rulings == ()
    assert (np.asarray(found.image) == np.asarray(image)).all()


@pytest.mark.parametrize("start", [0, 1, 59, 61, 179])
def test_a_ruling_line_is_found_from_its_length_wherever_it_starts(start: int) -> None:
    """At 300 dpi a ruling line is a run of 120 pixels or more: one that long is found across and
    down, starting anywhere (the runs are looked for only where a block of 60 is all ink); one
    pixel shorter is none."""
    image = Image.new("L", (400, 400), 255)
    draw = ImageDraw.Draw(image)
    draw.line((start, 20, start + 119, 20), fill=0)  # 120 pixels across
    draw.line((start, 40, start + 118, 40), fill=0)  # 119 across
    draw.line((300, start, 300, start + 119), fill=0)  # 120 down
    draw.line((340, start, 340, start + 118), fill=0)  # 119 down
    scale = 72 / 300
    found = sorted(tuple(round(edge / scale) for edge in box) for box in remove_rulings(image, 300).rulings)
    assert found == sorted([(start, 20, start + 120, 21), (300, start, 301, start + 120)])


def text_page() -> Image.Image:
    """Lines of 'text' (rows of blocks with gaps), as a page of prose at 200 dpi looks."""
    image = Image.new("L", (1400, 1800), 255)
    draw = ImageDraw.Draw(image)
    for row in range(200, 1600, 60):
        for x in range(150, 1250, 45):
            draw.rectangle((x, row, x + 30, row + 22), fill=0)
    return image


@pytest.mark.parametrize("angle", [-1.2, -0.35, 0.25, 0.8, 2.0])
def test_skew_angle_finds_a_known_turn(angle: float) -> None:
    turned = text_page().rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    assert skew_angle(turned, 200) == pytest.approx(angle, abs=0.1)


def test_deskew_turns_the_page_back_and_leaves_a_straight_page_alone() -> None:
    page = text_page()
    straight, angle = deskew(page.rotate(0.8, resample=Image.Resampling.BILINEAR, fillcolor=255), 200)
    assert angle == pytest.approx(0.8, abs=0.1)
    assert skew_angle(straight, 200) == pytest.approx(0.0, abs=0.1)
    same, none = deskew(page, 200)
    assert none == 0.0 and same is page


@pytest.mark.parametrize("angle", [-3.0, -0.35, 0.25, 1.7])
def test_turning_only_the_printed_tiles_gives_pillows_turn_pixel_for_pixel(angle: float) -> None:
    """White paper, grey edges, specks, ink at the page's edges and a grey band (a scan's shaded
    row), on a page whose size is no multiple of a tile: every pixel as Image.rotate turns it."""
    rng = np.random.default_rng(7)
    page = Image.new("L", (611, 437), 255)
    draw = ImageDraw.Draw(page)
    for row in range(40, 300, 37):
        for x in range(60, 540, 41):
            draw.rectangle((x, row, x + 27, row + 15), fill=int(rng.integers(0, 90)))
    draw.rectangle((0, 330, 610, 360), fill=200)
    draw.line((0, 0, 610, 0), fill=0)
    draw.line((610, 0, 610, 436), fill=0)
    page = page.filter(ImageFilter.GaussianBlur(0.8))
    for x, y in rng.integers(0, (611, 437), size=(40, 2)).tolist():
        page.putpixel((x, y), 40)
    expected = page.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    assert np.array_equal(np.asarray(turned(page, angle)), np.asarray(expected))


def test_the_skew_projection_counts_every_point_as_the_turned_image_would() -> None:
    """The points no turn moves off the page are counted without checking: the same sharpness as
    checking every point, with ink on every edge of the page."""
    rng = np.random.default_rng(3)
    ink = Image.fromarray((rng.random((90, 130)) < 0.2).astype(np.uint8))
    projection = _Projection.of(ink)
    dx = np.concatenate([projection.dx, projection.inside_dx])
    dy = np.concatenate([projection.dy, projection.inside_dy])
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25):
        sin, cos = np.sin(np.radians(angle)), np.cos(np.radians(angle))
        rows = np.floor(45 + sin * dx + cos * dy)
        columns = np.floor(65 + cos * dx - sin * dy)
        kept = (rows >= 0) & (rows < 90) & (columns >= 0) & (columns < 130)
        counts = np.bincount(rows[kept].astype(np.intp), minlength=90).astype(np.float64)
        assert projection.sharpness(float(angle)) == float(np.square(np.diff(counts)).sum())
    assert 0 < len(projection.dx) < len(projection.inside_dx)


def test_locate_readings_puts_each_reading_on_the_line_that_holds_it() -> None:
    lines = (
        Line("Summering", 1, page=4, bbox=(56.0, 60.0, 200.0, 70.0)),
        Line("3 Tydlighet\t64,5\t80\t72", 2, page=4, bbox=(56.0, 72.0, 420.0, 82.0)),
        Line("text on page 5", 3, page=5, bbox=(56.0, 72.0, 420.0, 82.0)),
    )
    readings = (
        UncertainReading(4, "64,5", "64,5", 63.0, (303.6, 73.4, 317.6, 79.9)),
        UncertainReading(5, "2007", "2007", 49.0, (392.0, 500.0, 409.0, 506.0)),  # on no line
        UncertainReading(4, "8", "", 13.0, (30.0, 74.0, 30.4, 75.0)),  # in the margin beside row 2
    )
    doc = Document(lines=lines, input_format="pdf", pages=5, uncertain=readings)
    located = locate_readings(doc)
    assert [(r.printed, r.page, r.line) for r in located] == [("64,5", 4, 2), ("2007", 5, None), ("8", 4, 2)]


def _line_with_mark(mark: str) -> tuple[Image.Image, list[OcrWord]]:
    """A 300 dpi strip: one line of 10-point 'text' starting at x = 100 pt, and ``mark`` left of it."""
    image = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(image)
    scale = 300 / 72
    draw.rectangle((int(100 * scale), int(40 * scale), int(160 * scale), int(47 * scale)), fill=0)  # the word
    x, y = int(88 * scale), int(42 * scale)  # about 3 pt left of the word's start, mid-line
    if mark == "dot":
        draw.ellipse((x, y, x + 15, y + 15), fill=0)  # 3.6 pt: a bullet of 10-point type
    elif mark == "dust":
        draw.rectangle((x, y, x + 2, y + 2), fill=0)
    elif mark == "dot and speck":  # dust further left does not hide the bullet
        draw.ellipse((x, y, x + 15, y + 15), fill=0)
        draw.rectangle((x - 30, y + 4, x - 28, y + 6), fill=0)
    elif mark == "dot and speck after":  # a speck between the bullet and the word (fuzz seed 240054)
        draw.ellipse((x, y, x + 15, y + 15), fill=0)
        draw.rectangle((int(97 * scale), y + 8, int(97 * scale) + 2, y + 10), fill=0)
    elif mark == "dot and speck above":  # a speck a blank row over the bullet (fuzz seed 240064)
        draw.ellipse((x, y, x + 15, y + 15), fill=0)
        draw.point((x + 12, y - 8), fill=0)
    elif mark == "square past the baseline":  # its foot a point below the word's box (seed 240113)
        draw.rectangle((x, int(45 * scale), x + 24, int(51 * scale)), fill=0)
    elif mark == "letters":  # a word's last letters, OCR's box of the next word starting in it
        draw.ellipse((x, y, x + 15, y + 15), fill=0)
        draw.rectangle((x - 16, y - 10, x - 3, y + 15), fill=0)
    elif mark == "ring":
        draw.ellipse((x, y, x + 15, y + 15), outline=0, width=2)  # an "o": strokes, not filled
    words = [OcrWord("Kulturlivet", 100.0, 160.0, 40.0, 50.0, 10.0, 95.0)]
    return image, words


@pytest.mark.parametrize(
    ("mark", "found"),
    [
        ("dot", 1),
        ("dot and speck", 1),
        ("dot and speck after", 1),
        ("dot and speck above", 1),
        ("square past the baseline", 1),
        ("dust", 0),
        ("letters", 0),
        ("ring", 0),
        ("none", 0),
    ],
)
def test_find_bullets_reads_a_filled_dot_before_a_line(mark: str, found: int) -> None:
    image, words = _line_with_mark(mark)
    bullets = find_bullets(image, 300, words)
    assert len(bullets) == found
    if found:
        (bullet,) = bullets
        assert bullet.text == BULLET and 87 < bullet.x0 < 89 and bullet.x1 < 100


def test_find_bullets_looks_only_before_a_line_start() -> None:
    image, words = _line_with_mark("dot")
    words = [OcrWord("Den", 70.0, 86.0, 40.0, 50.0, 10.0, 95.0), *words]  # a word before the dot
    assert [b for b in find_bullets(image, 300, words) if b.x0 > 86] == []


def _line_with_first_word(mark: str) -> tuple[Image.Image, list[OcrWord]]:
    """A 300 dpi strip: a 10-point line whose first word, at x = 64 pt, is what Tesseract read
    for ``mark``, and the item's text from x = 82 pt (a list's indent)."""
    image = Image.new("L", (2400, 300), 255)
    draw = ImageDraw.Draw(image)
    scale = 300 / 72
    draw.rectangle((int(82 * scale), int(40 * scale), int(160 * scale), int(47 * scale)), fill=0)  # the text
    x, y = int(64 * scale), int(42 * scale)
    if mark == "square":  # a filled "▪", read "Hm" (seed 40012: a grey scan of a ReportLab list)
        draw.rectangle((x, y, x + 24, y + 24), fill=0)
    elif mark == "letters":  # a word of strokes as wide as two letters
        draw.rectangle((x, y, x + 3, y + 24), fill=0)
        draw.rectangle((x + 20, y, x + 23, y + 24), fill=0)
        draw.rectangle((x, y + 11, x + 23, y + 13), fill=0)
    elif mark == "bar":  # a bold "I": filled, but a bar
        draw.rectangle((x, y - 6, x + 6, y + 24), fill=0)
    words = [
        OcrWord("Hm", 64.0, 70.0, 40.0, 48.0, 10.0, 30.0),
        OcrWord("Medarbetarsamtal", 82.0, 160.0, 40.0, 50.0, 10.0, 95.0),
    ]
    return image, words


@pytest.mark.parametrize(("mark", "bullet"), [("square", True), ("letters", False), ("bar", False)])
def test_bullet_read_as_letters_is_read_as_the_bullet(mark: str, bullet: bool) -> None:
    image, words = _line_with_first_word(mark)
    read = bullets_read_as_letters(image, 300, words)
    assert [word.text for word in read] == [BULLET if bullet else "Hm", "Medarbetarsamtal"]
    if bullet:
        assert 63.5 < read[0].x0 < 64.5 and read[0].x1 < 70.5 and read[0].confidence == 0.0


def test_bullet_read_as_letters_needs_a_list_indent() -> None:
    """A short first word set a word's space from the next ("Hm" then "text" 1.5 pt on) is a word."""
    image, words = _line_with_first_word("square")
    words[1] = words[1]._replace(x0=71.5)
    assert [word.text for word in bullets_read_as_letters(image, 300, words)] == ["Hm", "Medarbetarsamtal"]


def test_bullet_read_as_letters_a_browsers_indent_before_its_text() -> None:
    """A browser sets a list's bullet 0.4 font sizes before its text (fuzz seed 170048, a grey scan
    of a Chromium list): the square read "sm" 4.3 pt before "Utveckla" is the bullet."""
    image, words = _line_with_first_word("square")
    words[1] = words[1]._replace(x0=74.3)
    assert [word.text for word in bullets_read_as_letters(image, 300, words)] == [BULLET, "Medarbetarsamtal"]


def test_bullet_read_as_letters_beside_the_bullet_of_the_line_above() -> None:
    """Lines set close (fuzz seed 240054, a bilevel scan of a Chromium list): the margin looked in
    above the word "ms" reaches the foot of the line above's bullet; the band of ink in the word's
    own box is the mark."""
    image, words = _line_with_first_word("square")
    x, scale = int(64 * 300 / 72), 300 / 72
    ImageDraw.Draw(image).rectangle((x, int(33 * scale), x + 24, int(38 * scale)), fill=0)
    assert [word.text for word in bullets_read_as_letters(image, 300, words)] == [BULLET, "Medarbetarsamtal"]


@pytest.mark.parametrize(("bullet_above", "read"), [(True, BULLET), (False, "Hm")])
def test_bullet_read_as_letters_where_the_lists_bullets_stand(bullet_above: bool, read: str) -> None:
    """A mark whose text follows it a word space on (fuzz seed 240000: "sm" 3.6 pt before
    "Jämförelser", its words 3.6 pt apart) is the bullet where another line's bullet stands above it."""
    image, words = _line_with_first_word("square")
    words[1] = words[1]._replace(x0=73.0)
    if bullet_above:
        words.append(OcrWord(BULLET, 64.0, 69.8, 20.0, 26.0, 10.0, 0.0))
    read_words = bullets_read_as_letters(image, 300, words)
    assert [word.text for word in read_words][:2] == [read, "Medarbetarsamtal"]


@pytest.mark.parametrize(("bullet_above", "read"), [(True, BULLET), (False, "8")])
def test_bullet_read_as_a_digit_where_the_lists_bullets_stand(bullet_above: bool, read: str) -> None:
    """A square read "8" a point before "Kramfors" (fuzz seed 240054, an evaluated list) is the
    bullet under the list's other bullets; a digit anywhere else is the digit read."""
    image, words = _line_with_first_word("square")
    words[0], words[1] = words[0]._replace(text="8"), words[1]._replace(x0=71.0)
    if bullet_above:
        words.append(OcrWord(BULLET, 64.0, 69.8, 20.0, 26.0, 10.0, 0.0))
    read_words = bullets_read_as_letters(image, 300, words)
    assert [word.text for word in read_words][:2] == [read, "Medarbetarsamtal"]


# A small round bullet as a bilevel scan gave it (fuzz seed 240020): it fills 0.72 of its box.
SCANNED_DISC = (
    "....###.....",
    "..#######...",
    ".#########..",
    ".##########.",
    "###########.",
    "###########.",
    "############",
    "###########.",
    ".##########.",
    ".#########..",
    "..#######...",
    "....###.....",
)


@pytest.mark.parametrize(("bullet_above", "read"), [(True, BULLET), (False, "s")])
def test_a_scanned_disc_read_as_a_letter_where_the_lists_bullets_stand(bullet_above: bool, read: str) -> None:
    """A small disc read "s" is the bullet under the list's other bullets; elsewhere a mark must
    fill its box as a square or a clean disc does to be taken for one."""
    image, words = _line_with_first_word("none")
    x, y = int(64 * 300 / 72), int(42 * 300 / 72)
    for row, pattern in enumerate(SCANNED_DISC):
        for column, cell in enumerate(pattern):
            if cell == "#":
                image.putpixel((x + column, y + row), 0)
    words[0] = words[0]._replace(text="s", x1=67.0)
    if bullet_above:
        words.append(OcrWord(BULLET, 64.0, 67.0, 20.0, 26.0, 10.0, 0.0))
    read_words = bullets_read_as_letters(image, 300, words)
    assert [word.text for word in read_words][:2] == [read, "Medarbetarsamtal"]


def test_a_headings_bold_number_where_the_lists_bullets_stand_is_the_number() -> None:
    """A two-column page's heading "4 Ledarskap, ansvar och delegation" starts where the column's
    bullets stand (fuzz seed 240066, a ReportLab scan): its bold "4", read with confidence, fills
    0.6 of its box, a filled mark no square is."""
    image, words = _line_with_first_word("none")
    x, y = int(64 * 300 / 72), int(40 * 300 / 72)
    draw = ImageDraw.Draw(image)
    draw.rectangle((x + 17, y, x + 27, y + 39), fill=0)
    draw.rectangle((x, y + 25, x + 32, y + 32), fill=0)
    draw.polygon([(x + 15, y), (x + 27, y), (x + 8, y + 25), (x, y + 25)], fill=0)
    words[0] = OcrWord("4", 64.0, 72.0, 38.0, 51.0, 14.3, 96.0)
    words.append(OcrWord(BULLET, 64.0, 71.0, 20.0, 26.0, 10.0, 0.0))
    assert [word.text for word in bullets_read_as_letters(image, 300, words)][:2] == ["4", "Medarbetarsamtal"]


def test_a_word_of_digits_narrower_than_its_digits_is_set_aside() -> None:
    # Fuzz seed 40005 (a grey scan): a speck beside a summary table's header read as "5", 1.7 pt
    # wide on 10.9-point type; the header then ended in a value and the columns of its last two
    # values ("47,5 55") were not cut apart. A "2" of the corpus report's scan, read with 95 %
    # confidence in a box cut to a point wide, is printed.
    speck = OcrWord("5", 525.6, 527.28, 687.8, 698.8, 10.9, 30.0)
    printed = [
        OcrWord("55", 525.84, 536.88, 714.4, 724.8, 10.9, 96.0),
        OcrWord("11", 520.0, 526.0, 730.0, 740.0, 10.9, 60.0),  # two narrow ones, 6 pt: printed
        OcrWord("2", 104.4, 105.4, 703.2, 713.5, 10.3, 95.0),  # read with confidence, its box cut narrow
        OcrWord("Max", 306.5, 328.3, 693.7, 704.5, 10.9, 96.0),
    ]
    read = without_misreadings(OcrPage((speck, *printed)))
    assert read.words == tuple(printed)
    assert read.set_aside == (speck,)
    assert [(r.printed, r.read) for r in uncertain_readings(1, read)] == [("5", ""), ("11", "11")]


def test_a_percent_sign_read_as_digits_is_read_as_the_sign_and_reported() -> None:
    # Fuzz seed 190000 (a grey scan): the change column's "-35 %" and "+31 %" read "-35 96" and
    # "+31 90" with 88 and 83 % confidence; the rows had a value too many and the years' scores
    # were paired with the wrong columns. The "96" is 7.7 points wide where the line's two-digit
    # numbers are 10.3: one mark, 1.5 digits wide. A number after a number that is as wide as its
    # digits ("56" a column gap away, "7" a word space after "+35"), or a narrow "11", stays as read.
    def word(text: str, x0: float, x1: float, confidence: float = 95.0) -> OcrWord:
        return OcrWord(text, x0, x1, 632.0, 639.0, 9.7, confidence)

    row = [word("86", 316.1, 326.4), word("56", 384.5, 394.8), word("-35", 437.8, 454.8, 39.0)]
    sign, average = word("96", 458.9, 466.6, 88.0), word("58", 520.8, 530.9)
    read, signs = percent_signs_read_as_digits(OcrPage((*row, sign, average)))
    assert [w.text for w in read.words] == ["86", "56", "-35", "%", "58"]
    assert signs == (sign,)
    assert [(r.printed, r.read) for r in uncertain_readings(1, read, signs)] == [("-35", "-35"), ("96", "%")]
    digit = word("7", 458.9, 464.0)
    eleven = word("11", 458.9, 466.6)
    for printed in (digit, eleven):
        assert percent_signs_read_as_digits(OcrPage((*row, printed, average)))[1] == ()


def test_a_word_read_again_within_a_wider_word_is_no_word() -> None:
    # Fuzz seed 40013 (a bilevel scan): Tesseract read a list's label twice, "Förbättringsförslag"
    # and "örbättringsfö" within its box, and the label was not known; a mark read within a word
    # ("-" inside "till") is no word either.
    label = OcrWord("Förbättringsförslag", 63.6, 172.08, 406.7, 417.16, 10.0, 90.0)
    again = OcrWord("örbättringsfö", 71.28, 142.56, 404.3, 414.76, 10.0, 40.0)
    word = OcrWord("till", 63.0, 80.0, 123.0, 137.0, 13.8, 96.0)
    mark = OcrWord("-", 70.0, 73.0, 125.0, 135.0, 13.8, 60.0)
    below = OcrWord("Styrkor", 63.6, 104.0, 419.0, 429.5, 10.0, 95.0)  # the next line: a word of its own
    # A word of letters that is no piece of the word around it is kept (a line's boxes can overlap
    # the next line's where Tesseract merged the two), and so is a digit (the box of "sid" can
    # reach over the page number after it).
    other = OcrWord("med", 70.0, 90.0, 406.0, 416.0, 10.0, 94.0)
    footer = OcrWord("sid", 300.0, 330.0, 800.0, 810.0, 10.0, 96.0)
    page_number = OcrWord("4", 324.0, 329.0, 800.0, 810.0, 10.0, 96.0)
    read = without_misreadings(OcrPage((label, again, word, mark, below, other, footer, page_number)))
    assert read.words == (label, word, below, other, footer, page_number)
    assert read.set_aside == ()


def test_marks_read_from_a_bullets_ink_into_its_items_first_word_are_no_part_of_it() -> None:
    # Fuzz seed 120007 (square bullets, scanned): "«Tydlig", '"Sammanställ' after the bullet found
    # in the image; a quotation the line closes keeps its quotes.
    def word(text: str, x0: float, x1: float) -> OcrWord:
        return OcrWord(text, x0, x1, 100.0, 110.0, 10.0, 60.0)

    bullet = word(BULLET, 323.3, 325.9)
    read = (bullet, word("«Tydlig", 337.2, 366.5), word("rollfördelning", 371.3, 436.3))
    assert [w.text for w in without_marks_after_bullets(read)] == [BULLET, "Tydlig", "rollfördelning"]
    quoted = (bullet, word('"Öppna', 337.2, 366.5), word('jämförelser"', 371.3, 436.3))
    assert [w.text for w in without_marks_after_bullets(quoted)] == [BULLET, '"Öppna', 'jämförelser"']
    apart = (word("«Tydlig", 337.2, 366.5),)  # no bullet before it: as read
    assert without_marks_after_bullets(apart) == apart


def test_a_doubted_dash_between_a_lists_marker_and_its_text_is_a_speck() -> None:
    # Fuzz seed 120022 (a ReportLab page, scanned): "- — Starkt och levande föreningsliv", a dash
    # read with 15 % confidence between the item's dash and its text, made the item "— Starkt ...".
    def word(text: str, x0: float, x1: float, confidence: float = 96.0) -> OcrWord:
        return OcrWord(text, x0, x1, 100.0, 110.0, 10.0, confidence)

    read = (word("-", 63.1, 66.5, 86.0), word("—", 73.9, 77.0, 15.0), word("Starkt", 81.4, 110.6))
    assert [w.text for w in without_marks_after_bullets(read)] == ["-", "Starkt"]
    sure = (word("-", 63.1, 66.5, 86.0), word("—", 73.9, 77.0, 90.0), word("Starkt", 81.4, 110.6))
    assert without_marks_after_bullets(sure) == sure


def test_an_error_resting_on_a_number_ocr_was_unsure_of_is_a_warning() -> None:
    # Fuzz seed 190000 (a grey scan): area 5's 2013 score "56,5" read "50,5" with 14 % confidence;
    # the change, the area's sum, the year's total and the prose's figures then disagreed with it:
    # five errors of the report that were one misreading. Each is a warning; an error of another
    # area, or whose numbers OCR read with confidence, stays an error.
    reading = OcrReading("50,5", "50,5", 14.0, (375.8, 648.2, 398.2, 657.7), page=1, line=28)
    scores = (
        AreaScore(5, "Resultat och effektivitet", 2013, 50.5, 1, 28),
        AreaScore(4, "Ledarskap", 2013, 56, 1, 27),
    )
    # Area 4's average "58" read with 39 %: not its score.
    average = OcrReading("58", "58", 39.0, (511.9, 631.1, 530.6, 640.6), page=1, line=27)
    extraction = Extraction(area_scores=scores, ocr_readings=(reading, average))

    def error(rule: str, area: int | None, year: int | None, page: int, line: int) -> Finding:
        return Finding(
            rule, Severity.ERROR, "Printed figures disagree.", area=area, year=year, page=page, line=line
        )

    findings = [
        error("change_mismatch", 5, 2013, 1, 28),
        error("narrative_score_mismatch", 5, 2013, 4, 28),
        error("total_mismatch", None, 2013, 1, 33),
        error("narrative_score_mismatch", 4, 2013, 4, 20),
        error("score_exceeds_max", 6, None, 7, 3),
        error("score_exceeds_max", 5, 2013, 7, 4),  # a sub-question's row: not the summary's score
    ]
    read = list(in_doubt(findings, extraction))
    assert [f.severity for f in read] == [Severity.WARNING] * 3 + [Severity.ERROR] * 3
    assert read[0].message.startswith("Printed figures disagree. OCR read a number this compares")
    assert list(in_doubt(findings, Extraction(area_scores=scores))) == findings
