"""Type on a scan: sizes and baselines read from the ink, made to agree across a document, and the
marks OCR reads where there is no text (specks, the rest of an erased ruling line).

A word processor's PDF states each glyph's size and box; a scan shows ink. These steps give OCR'd
words the sizes and boxes the layout steps expect, so one table reader and one paragraph joiner
read both. None of these runs Tesseract.
"""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pytest

from pipeline.ingest.pdf.glyphs import Ruling
from pipeline.ingest.pdf.lines import _edge
from pipeline.ingest.pdf.scans import page_from_ocr
from pipeline.ingest.pdf.tesseract import (
    BULLET,
    OcrPage,
    OcrWord,
    _read_cells,
    cores,
    glued_bullets_apart,
    is_noise,
    page_from_data,
    raised_markers,
    reread_cells,
    type_size,
)
from pipeline.ingest.pdf.type_sizes import agree_sizes
from pipeline.ingest.pdf.words import PageText, Word
from tests.test_ocr_steps import POINTS_PER_PIXEL, tesseract_table


@pytest.mark.parametrize(
    ("text", "core", "size"),
    [
        ("och", 5.05, 10.0),  # lower case: the core is the x-height, 0.505 of the size
        ("Landsting", 4.04, 8.0),
        ("2005", 7.0, 10.0),  # digits: the cap height, 0.70 of the size
        ("TOTALT", 5.6, 8.0),
        ("Ab", 7.0, 10.0),  # one lower-case letter does not make an x-height core
    ],
)
def test_type_size_from_the_core(text: str, core: float, size: float) -> None:
    assert type_size(text, core) == pytest.approx(size)


def _word_image() -> np.ndarray:
    """A word's ink, 40 rows by 120 columns: a dense x-height band (rows 15-29), a thin ascender
    (rows 5-14), a descender (rows 30-36) and a speck (rows 0-1) above; a speck far to the left."""
    ink = np.zeros((40, 140), dtype=bool)
    ink[15:30, 20:140] = True
    ink[5:15, 30:34] = True
    ink[30:37, 60:64] = True
    ink[0:2, 80:82] = True
    ink[20:22, 0:3] = True  # 17 blank columns from the word
    return ink


def test_cores_cut_a_box_down_to_its_x_height_band_and_leave_specks_out() -> None:
    data = {"level": [5], "left": [0], "top": [0], "width": [140], "height": [40], "text": ["kvalitet"]}
    cut = cores(data, _word_image())
    assert (cut["top"], cut["height"]) == ([15], [15])
    assert (cut["left"], cut["width"]) == ([20], [120])


def test_cores_keep_a_letter_at_the_end_of_a_word() -> None:
    ink = _word_image()
    ink[20:22, 0:3] = False
    ink[15:30, 10:16] = True  # a letter four columns from the rest: part of the word
    data = {"level": [5], "left": [0], "top": [0], "width": [140], "height": [40], "text": ["kvalitet"]}
    assert cores(data, ink)["left"] == [10]


def test_words_of_one_line_share_its_baseline_and_a_word_far_off_keeps_its_own() -> None:
    # Cores end at pixel 135, 137 (near: on the line) and 160 (a number centred lower).
    table = tesseract_table([[("kvalitet", 100, 200, 90.0), ("och", 400, 60, 90.0), ("20", 900, 40, 90.0)]])
    table["height"][1:4] = [30, 32, 55]
    first, second, third = page_from_data(table, POINTS_PER_PIXEL).words
    assert first.bottom == second.bottom
    assert third.bottom > first.bottom + 4


def test_the_line_size_is_the_lower_middle_so_a_speck_in_one_box_does_not_raise_it() -> None:
    table = tesseract_table([[("resultat", 100, 200, 90.0), ("kostnader", 800, 200, 90.0)]])
    table["height"][2] = 60  # a speck joined to the second word's box
    words = page_from_data(table, POINTS_PER_PIXEL).words
    assert [word.size for word in words] == [pytest.approx(30 * 0.24 / 0.505)] * 2


def _page(sizes: list[float]) -> PageText:
    words = tuple(Word(f"w{i}", 0, 10, 20 * i, 20 * i + size, size) for i, size in enumerate(sizes))
    return PageText(1, 595, 842, words, ())


def test_agree_sizes_reads_measures_as_the_sizes_the_document_is_set_in() -> None:
    body = [9.7, 10.1, 10.3, 10.4, 9.9, 10.0, 10.2, 9.8, 10.6]
    tables = [7.8, 8.1, 7.9, 8.0, 8.2, 7.7, 8.0, 7.9]
    measured = [*body, *tables, 14.0]
    agreed = agree_sizes({1: _page(measured)})
    sizes = [word.size for word in agreed[1].words]
    assert len(set(sizes[:9])) == 1 and 9.9 <= sizes[0] <= 10.2
    assert len(set(sizes[9:17])) == 1 and 7.8 <= sizes[9] <= 8.1
    assert sizes[17] == 14.0  # one heading: too few words to be a size of its own, too far from any


def test_agree_sizes_takes_the_sizes_of_the_text_pages() -> None:
    measured = [9.7, 10.1, 10.3, 10.4, 9.9, 10.0, 10.2, 9.8, 10.6]
    agreed = agree_sizes({1: _page(measured)}, stated=[10.0] * 20 + [12.0] * 3)
    assert {word.size for word in agreed[1].words} == {10.0}


def test_agree_sizes_leaves_a_page_of_few_words_as_measured() -> None:
    assert [w.size for w in agree_sizes({1: _page([9.7, 10.4])})[1].words] == [9.7, 10.4]


def _ocr_page(*words: tuple[str, float, float]) -> OcrPage:
    return OcrPage(tuple(OcrWord(text, x0, x1, 100.0, 110.0, 10.0, 90.0) for text, x0, x1 in words))


def test_marks_read_across_an_erased_ruling_are_not_part_of_a_word() -> None:
    page = PageText(1, 595, 842, (), ())
    rulings = ((444.5, 90.0, 445.0, 300.0),)  # a vertical line
    read = page_from_ocr(page, _ocr_page(("aktivt”", 420.2, 448.8), ("2003", 440.0, 458.0)), rulings)
    first, second = read.words
    assert (first.text, first.x1) == ("aktivt", 444.5)
    assert second.text == "2003"  # its own characters are never taken off
    assert any(not rule.is_horizontal for rule in read.rules)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([(".", 40, 4), ("e«", 300, 15), ("Vid", 360, 60)], ["•", "Vid"]),  # a speck before the bullet
        ([("e«", 300, 15), ("Diskussionsforum", 360, 300)], ["•", "Diskussionsforum"]),
        ([("Kommunen", 200, 200), ("e«", 450, 15)], ["Kommunen", "e«"]),  # not at the line start
    ],
)
def test_bullets_misread_as_two_marks(words: list[tuple[str, int, int]], expected: list[str]) -> None:
    table = tesseract_table([[(text, left, width, 60.0) for text, left, width in words]])
    assert [word.text for word in page_from_data(table, POINTS_PER_PIXEL).words] == expected


def test_a_dash_narrower_than_any_printed_dash_is_a_speck() -> None:
    assert is_noise("-", 0.5, 10.0, 90.0)
    assert not is_noise("-", 3.3, 10.0, 90.0)
    assert not is_noise("–", 5.0, 10.0, 90.0)


def test_a_mark_read_where_the_page_holds_no_ink_is_no_word() -> None:
    # A scanned table (fuzz seed 230005): Tesseract read "—" (16 by 59 pixels) off the blank gap
    # between a row's id and its name, which made a column of its own. A word there is kept, and
    # so is a digit (a speck read as one is set aside and reported).
    ink = np.zeros((100, 400), dtype=bool)
    ink[40:70, 10:60] = True  # the id
    ink[40:70, 120:380] = True  # the name
    data = {
        "level": [5, 5, 5, 5, 5],
        "left": [10, 70, 70, 70, 120],
        "top": [40, 25, 25, 25, 40],
        "width": [50, 16, 40, 16, 260],
        "height": [30, 59, 30, 30, 30],
        "text": ["1:2", "—", "Kortfakta", "2", "Innovation"],
    }
    assert cores(data, ink)["text"] == ["1:2", "", "Kortfakta", "2", "Innovation"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([("poäng", 100, 100), ("2003,", 220, 80), ("2005", 320, 80)], ["poäng", "2003,", "2005"]),  # prose
        ([("Summa", 100, 100), ("64,5.", 600, 80)], ["Summa", "64,5"]),  # a cell: the dot is a speck
    ],
)
def test_a_mark_after_a_number_is_a_speck_only_where_it_stands_as_a_cell(
    words: list[tuple[str, int, int]], expected: list[str]
) -> None:
    table = tesseract_table([[(text, left, width, 90.0) for text, left, width in words]])
    assert [word.text for word in page_from_data(table, POINTS_PER_PIXEL).words] == expected


@pytest.mark.parametrize(
    ("ends", "edge"),
    [
        ([527.0] * 6 + [505.2], 527.0),  # justified: where the lines end
        ([527.0, 526.8, 527.3, 526.3, 527.0, 536.4], 527.0),  # a scan, and a speck after one line
        ([480.0, 500.0, 515.0, 521.0], 521.0),  # ragged: the furthest end
    ],
)
def test_the_right_edge_of_a_page(ends: list[float], edge: float) -> None:
    assert _edge(ends) == pytest.approx(edge)


def test_a_ruling_rule_type_is_available() -> None:
    assert not Ruling(1.0, 2.0, 1.5, 50.0).is_horizontal


def _cells_table(words: list[tuple[str, int, int, float]]) -> dict[str, list[object]]:
    return tesseract_table([words])


def test_an_uncertain_number_standing_as_a_cell_is_read_again_and_taken_when_surer() -> None:
    from PIL import Image

    table = _cells_table([("Summa", 100, 200, 95.0), ("2", 900, 40, 40.0), ("IVA", 1300, 40, 30.0)])
    asked: list[tuple[int, int]] = []

    def read_cells(cells: list[Image.Image]) -> list[tuple[str, float]]:
        asked.extend(cell.size for cell in cells)
        return [("21", 93.0), ("17", 60.0)]

    read = reread_cells(Image.new("L", (2000, 400), 255), table, read_cells)
    # "IVA" is no number: 17 at 60% is taken (and reported as uncertain, below 80%).
    assert read["text"][1:] == ["Summa", "21", "17"]
    assert read["conf"][1:] == [95.0, 93.0, 60.0]
    # Each cell cut out with a margin of 0.6 of its height (30 pixels) on every side.
    assert asked == [(40 + 2 * 18, 30 + 2 * 18)] * 2


def test_a_word_in_running_text_or_read_with_confidence_is_not_read_again() -> None:
    from PIL import Image

    table = _cells_table([("kommunen", 100, 200, 95.0), ("2", 310, 40, 40.0), ("och", 360, 60, 96.0)])
    table2 = _cells_table([("Summa", 100, 200, 95.0), ("21", 900, 40, 95.0)])

    def never(cells: list[Image.Image]) -> list[tuple[str, float]]:
        raise AssertionError("nothing to read again")

    blank = Image.new("L", (2000, 400), 255)
    assert reread_cells(blank, table, never) == table
    assert reread_cells(blank, table2, never) == table2


@pytest.mark.parametrize(
    ("read", "word"),
    [(":'kommunen", "kommunen"), (".Umeå", "Umeå"), ("”Öns”", "”Öns”"), ("kommunen", "kommunen")],
)
def test_specks_before_a_words_first_letter_are_not_part_of_it(read: str, word: str) -> None:
    table = tesseract_table([[("Inom", 100, 80, 95.0), (read, 300, 200, 70.0)]])
    assert page_from_data(table, POINTS_PER_PIXEL).words[1].text == word


def test_a_mark_standing_on_an_erased_ruling_line_is_no_word() -> None:
    page = PageText(1, 595, 842, (), ())
    rulings = ((256.3, 90.0, 256.8, 300.0),)
    read = page_from_ocr(
        page, _ocr_page(("I", 255.4, 255.6), ("17", 270.0, 278.0), ("I", 200.0, 200.3)), rulings
    )
    assert [word.text for word in read.words] == ["17", "I"]  # the "I" away from the line stays


@pytest.mark.parametrize(
    ("word", "width", "noise"),
    [("a", 0.48, True), ("a", 4.5, False), ("och", 1.5, True), ("och", 14.0, False), ("il", 1.2, False)],
)
def test_a_word_far_narrower_than_its_letters_is_a_speck(word: str, width: float, noise: bool) -> None:
    assert is_noise(word, width, 9.5, 96.0) is noise


@pytest.mark.parametrize(
    ("word", "width", "size", "noise"),
    [("i", 0.24, 8.6, True), ("i", 1.0, 8.6, False), ("bo", 13.7, 0.48, True), ("l", 0.5, 8.0, False)],
)
def test_hairlines_and_lines_of_dust_are_no_words(word: str, width: float, size: float, noise: bool) -> None:
    assert is_noise(word, width, size, 96.0) is noise


def test_a_cell_first_read_as_no_number_takes_a_likely_second_reading() -> None:
    from PIL import Image

    # "73 %" read "73 4" (no number a cell prints): "73 %" at 55% is taken (and stays uncertain);
    # "12" read with 85% is not replaced by a second reading at 82%.
    table = _cells_table(
        [("Summa", 100, 200, 95.0), ("73", 900, 40, 90.0), ("4", 950, 20, 40.0), ("12", 1400, 40, 85.0)]
    )

    def read_cells(cells: list[Image.Image]) -> list[tuple[str, float]]:
        return [("73 %", 55.0), ("18", 82.0)][: len(cells)]

    read = reread_cells(Image.new("L", (2000, 400), 255), table, read_cells)
    assert read["text"][1:] == ["Summa", "73 %", "", "12"]
    assert read["conf"][2] == 55.0


def test_a_sub_question_id_misread_in_its_cell_takes_its_second_reading() -> None:
    from PIL import Image

    # A grey scan's score table (fuzz seed 3095): ids printed "5.5." read "SIS" and "2:22:" on the
    # page; read again on their own they are ids. "1.1." read with confidence is not read again.
    table = _cells_table(
        [
            ("SIS", 100, 60, 40.0),
            ("2:22:", 400, 60, 55.0),
            ("1.1.", 700, 60, 95.0),
            ("Delegation", 900, 200, 95.0),
        ]
    )
    read = reread_cells(
        Image.new("L", (2000, 400), 255), table, lambda cells: [("5.5.", 89.0), ("2.2.", 84.0)]
    )
    assert read["text"][1:] == ["5.5.", "2.2.", "1.1.", "Delegation"]


def test_a_doubted_id_close_before_its_name_is_read_again_on_its_own_and_only_as_an_id() -> None:
    from PIL import Image

    # A side-by-side score table's narrow id column (fuzz seed 230087): "7-1" and "9.1" for the
    # printed 7.1 and 8.1, "fn" at 26% for 4.1, a word space before their names; joined with the
    # name into one long cell, they were never read again. Read again, "7-1" takes "7.1"; an id
    # is never taken as a number ("7:1" read again "71", fuzz seed 230003), and "9.1" read with
    # more confidence stays; "En" (60%, no digit) starting a line of prose is not read again.
    table = tesseract_table(
        [
            [("7-1", 100, 60, 73.0), ("Näringsliv", 190, 200, 96.0)],
            [("7:1", 100, 60, 70.0), ("Samverkan", 190, 200, 96.0)],
            [("9.1", 100, 60, 96.0), ("Bemötande", 190, 200, 96.0)],
            [("fn", 100, 60, 26.0), ("Målstyrning", 190, 200, 92.0)],
            [("En", 100, 60, 60.0), ("kommun", 190, 200, 92.0)],
        ]
    )
    asked: list[int] = []

    def read_cells(cells: list[Image.Image]) -> list[tuple[str, float]]:
        asked.append(len(cells))
        return [("7.1", 83.0), ("71", 90.0), ("4.1", 85.0)]

    read = reread_cells(Image.new("L", (2000, 600), 255), table, read_cells)
    assert asked == [3]
    ids = ["7.1", "7:1", "9.1", "4.1", "En"]
    assert [text for text in read["text"] if text][::2] == ids


def test_an_id_printed_with_a_colon_is_taken_as_its_second_reading() -> None:
    from PIL import Image

    # The 2020 tool's ids ("1:2", fuzz seeds 230062 and 230005): "Ji2" and "17:3" read on the
    # page, "1:2" and "7:3" read again with confidence; an id with a colon was no cell's value.
    table = tesseract_table(
        [[("Ji2", 100, 60, 40.0), ("Delegation", 300, 200, 96.0)], [("17:3", 100, 80, 60.0)]]
    )
    read = reread_cells(Image.new("L", (2000, 400), 255), table, lambda cells: [("1:2", 95.0), ("7:3", 90.0)])
    assert [text for text in read["text"] if text] == ["1:2", "Delegation", "7:3"]


def test_two_numbers_read_as_doubted_letters_are_read_again_one_to_each_word() -> None:
    from PIL import Image

    # A grey scan's summary table (fuzz seed 3014): "68,5 72,5" in two narrow columns a word space
    # apart read "RM FAR" with 33% and 17%; read again, one number goes to each word. A reading
    # that does not split into as many numbers as words ("62 53,53" for "625535?") is not taken.
    table = _cells_table(
        [
            ("Tydlighet", 100, 200, 95.0),
            ("RM", 900, 80, 33.0),
            ("FAR", 1000, 80, 17.0),
            ("625535?", 1400, 90, 40.0),
        ]
    )
    read = reread_cells(
        Image.new("L", (2000, 400), 255), table, lambda cells: [("68,5 72,5", 75.0), ("62 53,53", 54.0)]
    )
    assert read["text"][1:] == ["Tydlighet", "68,5", "72,5", "625535?"]
    assert read["conf"][2:4] == [75.0, 75.0]


def test_a_doubted_word_standing_in_running_text_is_not_read_again() -> None:
    from PIL import Image

    table = _cells_table([("kommunen", 100, 200, 95.0), ("Inom", 330, 80, 40.0), ("och", 430, 60, 96.0)])

    def never(cells: list[Image.Image]) -> list[tuple[str, float]]:
        raise AssertionError("nothing to read again")

    assert reread_cells(Image.new("L", (2000, 400), 255), table, never) == table


def test_a_cell_is_read_again_as_black_ink_on_white() -> None:
    from PIL import Image

    # Cut out of a grey JPEG scan, a cell on a shaded row has grey paper: Tesseract read "Pash"
    # for a printed "2.3." there (fuzz seed 3095), and reads it right once the cell is ink on white.
    cell = Image.new("L", (40, 30), 200)
    cell.paste(90, (5, 5, 35, 25))
    sheets: list[Image.Image] = []

    def image_to_data(sheet: Image.Image, *_: object) -> dict[str, list[object]]:
        sheets.append(sheet)
        return {"text": ["2.3."], "conf": [94.0], "top": [35], "height": [30]}

    with (
        patch("pipeline.ingest.pdf.tesseract.image_to_data", image_to_data),
        patch("pipeline.ingest.pdf.tesseract._cells_language", return_value="eng"),
    ):
        assert _read_cells([cell], 0) == [("2.3.", 94.0)]
    assert set(np.asarray(sheets[0]).ravel().tolist()) == {0, 255}
    assert sheets[0].getpixel((30 + 20, 30 + 15)) == 0  # the ink, inside the cell pasted at (30, 30)


def test_a_bullet_joined_to_its_word_is_cut_off_at_the_space_between() -> None:
    # A grey scan's "➢" bullets (fuzz seed 3014): read "«Starkt" and "«3.1", one word from the
    # bullet to the end of the word, and the list item was lost. The ink shows the bullet, a
    # speck of it, and a space wider than a word space before the word.
    ink = np.zeros((200, 1000), dtype=bool)
    ink[110:125, 100:111] = True  # the bullet
    ink[110:125, 120:122] = True  # its tail
    ink[100:130, 160:300] = True  # the word
    table = tesseract_table([[("«Starkt", 100, 200, 47.0), ("och", 320, 60, 96.0)]])
    table["top"] = [0 if level == 4 else 100 for level in table["level"]]
    apart = glued_bullets_apart(table, ink)
    levels, texts, lefts, widths = apart["level"], apart["text"], apart["left"], apart["width"]
    words = [(t, x, w) for level, t, x, w in zip(levels, texts, lefts, widths, strict=True) if level == 5]
    assert words == [("«", 100, 22), ("Starkt", 160, 140), ("och", 320, 60)]  # the bullet with its tail
    page = page_from_data(apart, POINTS_PER_PIXEL)
    assert [word.text for word in page.words] == [BULLET, "Starkt", "och"]


@pytest.mark.parametrize(("read", "kept"), [("«ett", "«ett"), ("«Starkt", "«Starkt")])
def test_a_word_starting_with_a_mark_but_no_space_after_it_stays_whole(read: str, kept: str) -> None:
    ink = np.zeros((200, 1000), dtype=bool)
    ink[100:130, 100:300] = True  # one run of ink: no bullet apart from the word
    table = tesseract_table([[(read, 100, 200, 47.0)]])
    table["top"] = [0 if level == 4 else 100 for level in table["level"]]
    assert glued_bullets_apart(table, ink)["text"][1] == kept


@pytest.mark.parametrize("misread", ['"»«', '"++', "+»"])
def test_quotes_read_around_a_misread_bullet_are_the_bullet(misread: str) -> None:
    page = page_from_data(
        tesseract_table([[(misread, 200, 20, 10.0), ("Etablerad", 300, 200, 90.0)]]), POINTS_PER_PIXEL
    )
    assert [word.text for word in page.words] == [BULLET, "Etablerad"]


@pytest.mark.parametrize("mark", [",", ":", ";"])
def test_a_list_number_read_with_a_comma_is_the_items_number(mark: str) -> None:
    # "3." before a capital read "3," (fuzz seed 3095): it ended the area sections as a chapter
    # heading; read "3:" (tuning seed 300326) it ended the list and its third item was lost. A
    # comma after a number inside a line, or before a small letter, stays.
    page = page_from_data(
        tesseract_table(
            [
                [(f"3{mark}", 100, 30, 80.0), ("Starkt", 160, 120, 95.0)],
                [(f"3{mark}", 100, 30, 80.0), ("4", 160, 20, 95.0), ("och", 200, 60, 95.0)],
                [("områdena", 100, 160, 95.0), (f"3{mark}", 300, 30, 80.0), ("Kultur", 360, 120, 95.0)],
            ]
        ),
        POINTS_PER_PIXEL,
    )
    assert [word.text for word in page.words] == [
        "3.",
        "Starkt",
        f"3{mark}",
        "4",
        "och",
        "områdena",
        f"3{mark}",
        "Kultur",
    ]


def test_a_minus_read_as_a_long_dash_is_a_minus() -> None:
    from PIL import Image

    table = _cells_table([("Summa", 100, 200, 95.0), ("-6", 900, 40, 79.0), ("0", 950, 20, 61.0)])
    read = reread_cells(Image.new("L", (2000, 400), 255), table, lambda cells: [("—6 %", 42.0)])
    assert read["text"][2:4] == ["-6 %", ""]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([("i", 100, 4, 80.0), ("Strängnäs", 300, 200, 95.0)], ["Strängnäs"]),  # a speck in the margin
        ([("bor", 100, 60, 95.0), ("i", 175, 4, 95.0), ("Umeå", 195, 90, 95.0)], ["bor", "i", "Umeå"]),
    ],
)
def test_a_thin_letter_alone_on_its_line_is_a_speck(
    words: list[tuple[str, int, int, float]], expected: list[str]
) -> None:
    assert [w.text for w in page_from_data(tesseract_table([words]), POINTS_PER_PIXEL).words] == expected


def test_dust_beside_a_heading_does_not_set_its_size() -> None:
    # "Allmänt" with a speck read "ee" (21%) in its line: the heading keeps its size and stays.
    table = tesseract_table([[("Allmänt", 300, 160, 96.0), ("ee", 700, 60, 21.0)]])
    table["height"][2] = 14  # the speck's box: a few pixels tall
    words = page_from_data(table, POINTS_PER_PIXEL).words
    assert words[0].text == "Allmänt" and words[0].size == pytest.approx(30 * 0.24 / 0.505)


def test_a_lone_number_read_with_little_confidence_keeps_its_line() -> None:
    words = page_from_data(tesseract_table([[("9", 300, 20, 40.0)]]), POINTS_PER_PIXEL).words
    assert [w.text for w in words] == ["9"]


def test_a_misread_bullet_starting_a_line_of_the_right_hand_column_is_a_bullet() -> None:
    # Fuzz seed 120007 (LibreOffice, two columns, scanned): Tesseract reads a line of each column
    # as one line; the right column's "▪" read as "+" after the gutter stayed a "+", and the item
    # was joined to the one above. Dust far from any word after the gutter stays dust.
    table = tesseract_table(
        [
            [
                ("arbetar", 100, 150, 96.0),
                ("+", 700, 12, 54.0),
                ("Väl", 760, 60, 84.0),
                ("utvecklade", 840, 200, 96.0),
            ]
        ]
    )
    assert [word.text for word in page_from_data(table, POINTS_PER_PIXEL).words] == [
        "arbetar", BULLET, "Väl", "utvecklade"
    ]  # fmt: skip
    far = tesseract_table([[("arbetar", 100, 150, 96.0), ("+", 700, 12, 54.0), ("Väl", 1100, 60, 84.0)]])
    assert [word.text for word in page_from_data(far, POINTS_PER_PIXEL).words] == ["arbetar", "+", "Väl"]


def test_a_bullet_stands_where_its_ink_is_not_on_the_other_columns_baseline() -> None:
    # Fuzz seed 120007: the left column's bullet read on a line of the right column's, half a line
    # higher; set on that line's baseline it stood on a line of its own, its item's text below.
    table = tesseract_table(
        [[("«", 100, 12, 43.0), ("Etablerad", 700, 200, 90.0), ("styrmodell", 920, 200, 90.0)]]
    )
    table["top"][1], table["height"][1] = 150, 12
    bullet = page_from_data(table, POINTS_PER_PIXEL).words[0]
    assert (bullet.text, bullet.top, bullet.bottom) == (BULLET, pytest.approx(36.0), pytest.approx(38.88))


def test_a_heading_number_of_one_digit_keeps_its_own_baseline() -> None:
    # Fuzz seed 120007: "4." of the right column's heading "4. Effektivitet" read at the end of a
    # line of the left column's; one mark's core was taken to say nothing, and the number went to
    # that line's baseline, apart from its heading.
    table = tesseract_table(
        [[("tvärsektoriella", 100, 300, 90.0), ("projekt", 420, 150, 96.0), ("4.", 1300, 30, 74.0)]]
    )
    table["top"][3] = 135
    first, _, number = page_from_data(table, POINTS_PER_PIXEL).words
    assert number.bottom > first.bottom + 4


def test_the_core_of_one_digit_is_all_its_ink() -> None:
    # A "7" is a bar and a thin stroke: the rows of its bar alone are no core of the digit.
    ink = np.zeros((40, 40), dtype=bool)
    ink[5:10, 5:25] = True
    ink[10:35, 12:15] = True
    data = {"level": [5], "left": [0], "top": [0], "width": [40], "height": [40], "text": ["7"]}
    assert (cores(data, ink)["top"], cores(data, ink)["height"]) == ([5], [30])


def test_the_words_of_a_phrase_share_its_baseline_whatever_one_core_says() -> None:
    # Fuzz seed 120024: "för" measured six points above the words beside it went up with its line
    # start, so the row of a score table ("2.2. Vilka åtgärder ... för att ...") seemed to touch
    # the row above and was read as its wrapped rest.
    table = tesseract_table(
        [[("2.2.", 100, 60, 90.0), ("Vilka", 180, 80, 90.0), ("för", 280, 50, 90.0), ("att", 350, 50, 90.0)]]
    )
    table["top"][3] = 80
    assert len({word.bottom for word in page_from_data(table, POINTS_PER_PIXEL).words}) == 1


def test_a_bullet_joined_to_the_first_word_of_a_right_hand_columns_line_is_cut_off() -> None:
    # Fuzz seed 120007: "«Utveckla" after the gutter, on Tesseract's line with the left column's
    # words; only the first word of Tesseract's line was looked at, and the item was lost.
    ink = np.zeros((200, 1000), dtype=bool)
    ink[100:130, 100:300] = True  # the left column's word
    ink[110:125, 600:611] = True  # the bullet
    ink[100:130, 660:800] = True  # the item's word
    table = tesseract_table([[("kommunen", 100, 200, 96.0), ("«Utveckla", 600, 200, 30.0)]])
    table["top"] = [0 if level == 4 else 100 for level in table["level"]]
    page = page_from_data(glued_bullets_apart(table, ink), POINTS_PER_PIXEL)
    assert [word.text for word in page.words] == ["kommunen", BULLET, "Utveckla"]


def test_a_scrap_of_letters_read_with_little_confidence_standing_alone_is_dust() -> None:
    # Fuzz seed 120035 (a bilevel scan with pen marks): "a" and "oa" read from strokes beside the
    # text, on Tesseract's lines of the other column, stood as lines of their own between a list's
    # label and its items, and the list was lost. A short word of a sentence stands a word space
    # from the next; one read with confidence alone (a cell's "Ja") is kept.
    for scrap in ("a", "oa"):
        table = tesseract_table([[("arbetar", 100, 150, 96.0), (scrap, 900, 20, 31.0)]])
        assert [word.text for word in page_from_data(table, POINTS_PER_PIXEL).words] == ["arbetar"]
    cell = tesseract_table([[("arbetar", 100, 150, 96.0), ("Ja", 900, 40, 93.0)]])
    assert [word.text for word in page_from_data(cell, POINTS_PER_PIXEL).words] == ["arbetar", "Ja"]
    beside = tesseract_table(
        [[("arbetar", 100, 150, 96.0), ("av", 260, 40, 31.0), ("dokument", 310, 180, 96.0)]]
    )
    assert [word.text for word in page_from_data(beside, POINTS_PER_PIXEL).words] == [
        "arbetar",
        "av",
        "dokument",
    ]


def test_a_heading_in_one_column_keeps_its_size_beside_the_other_columns_text() -> None:
    # A two-column scan (fuzz seed 170009): Tesseract read "1. Offentlighet och" (14 points) on
    # one line with the right column's 10-point text, the line's size was the body's, and the
    # heading's second line ("demokratisk kontroll", alone on its line) no longer went on with it.
    heading = [("Offentlighet", 100, 300, 90.0), ("och", 420, 90, 90.0)]
    body = [("arbetar", 1300, 150, 90.0), ("med", 1470, 80, 90.0), ("tydlighet", 1570, 180, 90.0)]
    table = tesseract_table([heading + body])
    table["height"][1:3] = [40, 40]  # cores of 9.6 points: 19 points of type, over 12.8
    table["height"][3:6] = [27, 27, 27]
    words = page_from_data(table, POINTS_PER_PIXEL).words
    assert [round(word.size, 1) for word in words] == [19.0, 19.0, 12.8, 12.8, 12.8]


def test_a_lone_word_beside_a_table_row_keeps_the_rows_size() -> None:
    # A word whose box Tesseract drew over two lines ("kostnader.", 34 points by its core, fuzz
    # seed 170000) stands apart from the rest of its line: one word says less than the line.
    table = tesseract_table(
        [[("Strategier", 100, 200, 90.0), ("för", 320, 60, 90.0), ("kostnader.", 1200, 200, 77.0)]]
    )
    table["height"][3] = 70
    sizes = {word.text: round(word.size, 1) for word in page_from_data(table, POINTS_PER_PIXEL).words}
    assert sizes["kostnader."] == sizes["Strategier"] == round(30 * 0.24 / 0.505, 1)


def _number_ink(marker_rows: tuple[int, int]) -> np.ndarray:
    """The ink of "73,5" and one more mark after it (rows ``marker_rows``): digits 30 rows tall on
    the baseline at row 40, a comma below it."""
    ink = np.zeros((60, 120), dtype=bool)
    for first in (0, 25, 60):
        ink[10:40, first : first + 20] = True
    ink[35:46, 50:55] = True
    ink[marker_rows[0] : marker_rows[1], 86:91] = True
    return ink


@pytest.mark.parametrize(
    ("read", "marker_rows", "kept"),
    [
        ("73,51", (6, 24), "73,5¹"),  # a raised "¹" after the number (fuzz seeds 170012, 170042)
        ("73,51", (10, 40), "73,51"),  # a digit on the baseline is the number's
        ("73,52", (6, 24), "73,5²"),
        ("73,5", (6, 24), "73,5"),  # a speck after the number: no character read for it
        ("73,5!", (6, 24), "73,5¹"),  # a raised "¹" read as "!" (fuzz seeds 230031, 230135)
        ("73,5!", (10, 40), "73,5!"),  # a mark on the baseline is no marker
    ],
)
def test_a_raised_digit_after_a_number_is_its_footnote_marker(
    read: str, marker_rows: tuple[int, int], kept: str
) -> None:
    table = tesseract_table([[(read, 0, 100, 70.0)]])
    table["top"], table["height"] = [0, 0], [60, 60]
    assert raised_markers(table, _number_ink(marker_rows))["text"][1] == kept
