"""Two columns of prose on a scanned page found from the ink, so that Tesseract reads each alone
(see ``pipeline.ingest.pdf.image_columns``). Synthetic ink: words are filled boxes; none of these
runs Tesseract."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image

from pipeline.ingest.pdf.columns import page_lines
from pipeline.ingest.pdf.image_columns import RightColumn, _tallest_band, right_column, split_right_column
from pipeline.ingest.pdf.words import Gutter, Word

DPI = 300
LINE = 50  # pixels from line to line: 12 points
X_HEIGHT = 21


def _prose(ink: np.ndarray, left: int, right: int, top: int, lines: int, rng: random.Random) -> None:
    """Lines of words (filled boxes a word space apart), ragged on the right, the last one short."""
    for number in range(lines):
        y = top + number * LINE
        end = right - rng.randrange(0, 150) if number < lines - 1 else left + (right - left) // 3
        x = left
        while x < end:
            width = rng.randrange(40, 200)
            ink[y : y + X_HEIGHT, x : min(x + width, end)] = True
            x += width + 12


def _page() -> np.ndarray:
    return np.zeros((3300, 2550), dtype=bool)


def test_a_page_in_two_columns_of_prose_has_a_right_column_at_its_gutter() -> None:
    # Fuzz seed 170009: read as one block, a line of the left column and the line beside it were
    # joined, and words read twice ("Handlingar Handlingar tillgänali tillgängliga").
    ink, rng = _page(), random.Random(1)
    _prose(ink, 300, 2200, 200, 3, rng)  # a full-width paragraph above the columns
    _prose(ink, 300, 1200, 400, 40, rng)
    _prose(ink, 1310, 2200, 420, 38, rng)
    column = right_column(ink, DPI)
    assert column is not None
    assert 1200 < column.x0 < 1310
    assert column.top <= 420 and column.bottom >= 420 + 37 * LINE + X_HEIGHT
    assert column.top >= 200 + LINE + X_HEIGHT  # the lines across the page above stay whole


def _table_rows(ink: np.ndarray, top: int, rows: int) -> None:
    """Rows of a summary table: a label ending short of the middle, three value cells right of it."""
    for row in range(rows):
        y = top + row * LINE
        ink[y : y + X_HEIGHT, 300:900] = True
        for x in (1320, 1520, 1720):
            ink[y : y + X_HEIGHT, x : x + 110] = True


def test_a_gutter_reaching_up_between_a_tables_labels_and_values_starts_below_them() -> None:
    # Fuzz seed 230119: a summary table's lower rows, with labels ending short of the middle, stand
    # above a page in two columns; the gutter reached up between their labels and their values,
    # read on a sheet of their own, and the rows lost their values.
    ink, rng = _page(), random.Random(4)
    _table_rows(ink, 200, 7)
    _prose(ink, 300, 1200, 600, 30, rng)
    _prose(ink, 1310, 2200, 600, 28, rng)
    column = right_column(ink, DPI)
    assert column is not None
    assert 200 + 6 * LINE + X_HEIGHT <= column.top <= 600


def test_one_short_line_beside_stray_ink_still_starts_the_right_column() -> None:
    # Fuzz seed 230014: the right column starts with the last word of a list item ("mål") beside
    # show-through at the page's edge; it is no table's row, and stays in the column.
    ink, rng = _page(), random.Random(5)
    _prose(ink, 300, 1200, 400, 40, rng)
    ink[400 : 400 + X_HEIGHT, 1310:1400] = True
    ink[400 : 400 + X_HEIGHT, 2100:2200] = True
    _prose(ink, 1310, 2200, 400 + LINE, 37, rng)
    column = right_column(ink, DPI)
    assert column is not None
    assert column.top <= 400


def test_a_speck_in_the_gutter_does_not_end_the_right_column() -> None:
    # Tuning seed 300374: a speck of dust in the gutter two thirds down the page ended the band
    # there, and the columns' last lines were read across the page, an item of the left column's
    # list run into the right column's. A word's stroke runs down over the strips of its line.
    ink, rng = _page(), random.Random(6)
    _prose(ink, 300, 1200, 400, 40, rng)
    _prose(ink, 1260, 2200, 400, 40, rng)  # a gutter of 0.2 inch, twice the narrowest
    ink[1702:1708, 1226:1234] = True  # between two lines, in the gutter's middle
    column = right_column(ink, DPI)
    assert column is not None
    assert column.bottom >= 400 + 39 * LINE + X_HEIGHT
    ink[1703:1707, 1200:1260] = True  # a line across the gutter is no speck, however thin
    column = right_column(ink, DPI)
    assert column is None or column.bottom < 1760 or column.top > 1700


def test_one_column_of_prose_has_no_right_column() -> None:
    ink = _page()
    _prose(ink, 300, 2200, 200, 55, random.Random(2))
    assert right_column(ink, DPI) is None


def test_a_score_table_is_no_two_columns() -> None:
    # Labels on the left, numbers in columns on the right with white between them: read whole.
    ink, rng = _page(), random.Random(3)
    for row in range(30):
        y = 300 + row * LINE
        _prose(ink, 300, 1200 - rng.randrange(0, 500), y, 1, rng)
        for x in (1500, 1800, 2100):
            ink[y : y + 29, x : x + 60] = True
    assert right_column(ink, DPI) is None


def test_the_right_column_is_read_on_a_sheet_of_its_own_at_its_place() -> None:
    image = Image.new("L", (100, 60), 255)
    image.paste(0, (10, 10, 40, 20))
    image.paste(0, (60, 10, 90, 20))
    rest, alone = split_right_column(image, RightColumn(50, 0, 100, 60))
    assert np.asarray(rest)[15, 20] == 0 and np.asarray(rest)[15, 70] == 255
    assert np.asarray(alone)[15, 20] == 255 and np.asarray(alone)[15, 70] == 0
    assert alone.size == rest.size == image.size


def test_a_short_right_column_leaves_the_left_column_whole_below_it() -> None:
    # Fuzz seed 170009, page 4: the right column ends a third of the way down; the left column's
    # lines below reach further into the gutter. The band ended where they did, and the rest of
    # the left column was read after the right one.
    ink, rng = _page(), random.Random(4)
    _prose(ink, 300, 1200, 300, 20, rng)
    _prose(ink, 300, 1235, 300 + 20 * LINE, 20, rng)
    _prose(ink, 1310, 2200, 300, 10, rng)
    column = right_column(ink, DPI)
    assert column is not None
    assert column.bottom >= 300 + 39 * LINE + X_HEIGHT


def _column_words(x0: float, x1: float, name: str) -> list[Word]:
    """Eight lines of four words each between x0 and x1, 14 points apart from the top at 100."""
    step = (x1 - x0) / 4
    return [
        Word(
            f"{name}{line}{word}",
            x0 + word * step,
            x0 + (word + 1) * step - 3,
            100 + 14 * line,
            110 + 14 * line,
            10,
        )
        for line in range(8)
        for word in range(4)
    ]


def test_the_gutter_the_image_shows_cuts_the_lines_where_the_words_boxes_leave_none() -> None:
    # Fuzz seed 170021: beside a narrow gutter OCR's boxes left less than half an em free, the
    # layout steps read the columns' lines as one, and the area sections fell apart.
    words = [*_column_words(50, 301, "v"), *_column_words(300, 540, "h")]
    assert page_lines(2, words)[0].text == "v00 v01 v02 v03 h00 h01 h02 h03"  # read across
    lines = page_lines(2, words, Gutter(299, 90, 230))
    assert [line.text for line in lines[:1] + lines[8:9]] == ["v00 v01 v02 v03", "h00 h01 h02 h03"]
    assert {line.column_right for line in lines[8:]} == {max(word.x1 for word in words)}


def test_a_band_with_a_vertical_ruling_is_a_ruled_tables_and_read_whole() -> None:
    # The Umeå scan's last pages: two ruled score tables side by side, each with its label cells,
    # stand apart as two columns of prose do; their rulings say they are tables.
    ink, rng = _page(), random.Random(5)
    _prose(ink, 300, 1200, 400, 40, rng)
    _prose(ink, 1310, 2200, 420, 38, rng)
    ruling = (300 * 72 / DPI, 350 * 72 / DPI, 301 * 72 / DPI, 2400 * 72 / DPI)  # x0, top, x1, bottom
    assert right_column(ink, DPI, (ruling,)) is None
    lower = (ruling[0], 2500 * 72 / DPI, ruling[2], 2900 * 72 / DPI)  # a ruling lower in the band
    assert right_column(ink, DPI, (lower,)) is None
    across = (300 * 72 / DPI, 2500 * 72 / DPI, 1200 * 72 / DPI, 2501 * 72 / DPI)  # a horizontal rule
    assert right_column(ink, DPI, (across,)) is not None


def test_a_river_of_word_spaces_down_a_justified_paragraph_is_no_gutter() -> None:
    # The Umeå scan, page 17: word spaces of a justified paragraph lined up a tenth of an inch wide
    # over seven lines; the words right of them start anywhere, and the band is short.
    ink, rng = _page(), random.Random(6)
    for line in range(30):
        y = 300 + line * LINE
        gap = 1230 + rng.randrange(-25, 5) if line < 7 else 1230 + rng.randrange(-400, 400)
        ink[y : y + X_HEIGHT, 300:gap] = True
        ink[y : y + X_HEIGHT, gap + 40 + rng.randrange(0, 30) : 2200] = True
    assert right_column(ink, DPI) is None


def test_the_tallest_band_has_most_two_sided_strips_then_the_longest_run_then_the_middle() -> None:
    # Strips down, gutter windows across: "." white with ink on both sides, "-" white with ink on
    # one side (counts nothing, goes on with the run), "#" not white (ends the run).
    rows = [
        ".#...",
        ".....",
        "-.-..",
        "..#..",
        "#....",
        ".....",
    ]
    white = np.array([[cell != "#" for cell in row] for row in rows])
    two_sided = np.array([[cell == "." for cell in row] for row in rows])
    # Windows 3 and 4 keep white through all six strips, all two-sided (window 1: five from strip 1,
    # under its break; window 0: three, then a break); of the tie, the middle one (of two, the later).
    assert _tallest_band(white, two_sided, 5) == (0, 6, 4)
    assert _tallest_band(white, two_sided, 7) is None
    assert _tallest_band(white[:, :2], two_sided[:, :2], 4) == (1, 6, 1)
