"""Two printed lines Tesseract read as one doubted word, read again (``fused_lines``), on word
tables made by hand; no Tesseract runs here."""

from __future__ import annotations

from PIL import Image

from pipeline.ingest.pdf.fused_lines import fused_runs, reread_fused_lines
from tests.test_ocr_steps import tesseract_table


def _header() -> dict[str, list[object]]:
    # A summary header (fuzz seed 230008): "Enköping" over "2016" in one cell read as "orena",
    # 81 pixels tall at 16% beside words 30 tall; the year was lost and the table with it.
    words = [("Huvudområde", 100, 300, 96.0), ("Max", 900, 90, 96.0), ("orena", 1020, 210, 16.0)]
    table = tesseract_table([[*words, ("Enköping", 1400, 210, 96.0), ("2019", 1630, 110, 96.0)]])
    table["top"][3], table["height"][3] = 80, 81
    return table


def _read_again(crops: list[Image.Image]) -> list[dict[str, list[object]]]:
    """What Tesseract reads of the one crop: "Enköping" over "2016", placed on the crop."""
    assert len(crops) == 1
    read = tesseract_table([[("Enköping", 20, 210, 96.0)], [("2016", 20, 110, 95.0)]])
    read["top"] = [top - 100 for top in read["top"]]  # lines at 5 and 105 on the crop: 0 and 50
    read["top"][3] = 55
    return [read]


def test_a_doubted_word_two_lines_tall_is_read_again_from_the_white_beside_it() -> None:
    # From the white after "Max" to three lines' heights after the word (not as far as "Enköping").
    assert fused_runs(_header()) == [([3], (991, 80, 1320, 161))]


def test_a_word_beside_read_over_the_fused_word_leaves_the_box_around_its_ink() -> None:
    # A held-out scan failed whole ("Coordinate 'right' is less than 'left'"): the word before
    # the fused one was read reaching past its left edge, so the white after it began right of
    # where the white before the next word ended, and the box to read again was turned inside out.
    header = _header()
    header["width"][2] = 300  # "Max" from 900 to 1200, over "orena" (1020 to 1230)
    assert fused_runs(header) == [([3], (1020, 80, 1320, 161))]
    header["width"][2], header["width"][4] = 500, 100  # "Max" to 1400, past the fused word's right
    assert fused_runs(header) == [([3], (1020, 80, 1320, 161))]
    kept, _ = reread_fused_lines(Image.new("L", (2000, 400), 255), header, _read_again)
    assert "Enköping" in kept["text"]


def test_two_lines_read_again_stand_at_their_places_instead_of_the_fused_word() -> None:
    kept, read = reread_fused_lines(Image.new("L", (2000, 400), 255), _header(), _read_again)
    assert [text for text in kept["text"] if text] == ["Huvudområde", "Max", "Enköping", "2019"]
    # The crop starts at the white after "Max" (991) and a margin above the word (80 - 12).
    assert list(zip(read["text"], read["left"], read["top"], strict=True)) == [
        ("Enköping", 1011, 73), ("2016", 1011, 123),
    ]  # fmt: skip


def test_a_reading_of_one_line_or_of_little_confidence_is_not_taken() -> None:
    def one_line(crops: list[Image.Image]) -> list[dict[str, list[object]]]:
        return [tesseract_table([[("Enköping", 20, 210, 96.0), ("2016", 250, 110, 95.0)]])]

    def doubted(crops: list[Image.Image]) -> list[dict[str, list[object]]]:
        read = _read_again(crops)
        read[0]["conf"][3] = 40.0
        return read

    for reader in (one_line, doubted):
        kept, read = reread_fused_lines(Image.new("L", (2000, 400), 255), _header(), reader)
        assert "orena" in kept["text"]
        assert read["text"] == []


def test_a_word_read_again_where_the_page_read_one_with_more_confidence_is_left_out() -> None:
    header = _header()
    # "2016" was read on a line of its own below, with confidence: the second reading gives it
    # again, and only "Enköping" is new; one new line is no reading of two.
    for key, value in zip(header, (5, 1, 1, 2, 1011, 125, 110, 30, 96.0, "2016"), strict=True):
        header[key].append(value)
    kept, read = reread_fused_lines(Image.new("L", (2000, 400), 255), header, _read_again)
    assert "orena" in kept["text"]
    assert read["text"] == []
