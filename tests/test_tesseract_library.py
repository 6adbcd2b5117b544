"""Tesseract as a library in the process reads what the program reads, word for word, from threads
at once, and says clearly what is missing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.ingest.pdf import tesseract, tesseract_library, tesseract_process

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = ("Kommunkompassen är ett verktyg", "Poäng 7,5 av 10", "Summa 64,5")

needs_both = pytest.mark.skipif(
    bool(tesseract_library.installation().problem or tesseract_process.installation().problem),
    reason="Tesseract (the library or the program) is not installed",
)


def _page() -> Image.Image:
    image = Image.new("L", (1400, 140 * len(LINES)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 48)
    for index, line in enumerate(LINES):
        draw.text((60, 40 + 140 * index), line, font=font, fill=0)
    return image


def _words(data: dict[str, list[object]]) -> list[object]:
    return [text for text, level in zip(data["text"], data["level"], strict=True) if level == 5]


@needs_both
@pytest.mark.ocr
@pytest.mark.parametrize("mode", ["L", "1", "RGB"])
def test_the_library_gives_the_word_table_the_program_gives(mode: str) -> None:
    image = _page().convert(mode)
    program = tesseract_process.image_to_data(image, "swe", "--psm 6", 60)
    library = tesseract_library.image_to_data(image, "swe", "--psm 6", None)
    assert library == program  # every word, box and confidence: the same Tesseract
    assert _words(library) == " ".join(LINES).split()
    assert all(isinstance(value, int) for value in library["conf"] + library["left"] + library["height"])


@needs_both
@pytest.mark.ocr
def test_pages_read_in_threads_at_once_read_as_one_at_a_time() -> None:
    image = _page()
    alone = tesseract_library.image_to_data(image, "swe", "--psm 6", None)
    transparent = image.convert("RGBA")  # on white, as the program's file is written
    with ThreadPoolExecutor(3) as pool:
        read = list(pool.map(lambda page: tesseract_library.image_to_data(page, "swe", "--psm 6", None),
                             [image, transparent, image.convert("RGB")]))  # fmt: skip
    assert [_words(data) for data in read] == [_words(alone)] * 3


def test_a_program_option_kompass_never_hands_on_is_refused() -> None:
    assert tesseract_library._settings("--psm 6 -c tessedit_char_whitelist=0123456789") == (
        6, {"tessedit_char_whitelist": "0123456789"},
    )  # fmt: skip
    with pytest.raises(ValueError, match="--oem 1"):
        tesseract_library._settings("--psm 6 --oem 1")


def test_without_language_data_the_message_names_the_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(tesseract.ENGINE_VARIABLE, "library")
    monkeypatch.setenv(tesseract_library.DATA_VARIABLE, str(tmp_path))  # no language data in it
    monkeypatch.setattr(tesseract_library, "DATA_FOLDERS", ())
    tesseract_library.installation.cache_clear()
    try:
        with pytest.raises(tesseract.OcrUnavailable, match="install tesseract-ocr tesseract-ocr-swe"):
            tesseract.check_available()
    finally:
        tesseract_library.installation.cache_clear()


def test_an_unknown_engine_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(tesseract.ENGINE_VARIABLE, "cloud")
    with pytest.raises(tesseract.OcrUnavailable, match="KOMPASS_TESSERACT is 'cloud': it may be 'library'"):
        tesseract.check_available()


def test_without_the_library_the_message_names_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(tesseract.ENGINE_VARIABLE, "library")
    monkeypatch.setattr("ctypes.util.find_library", lambda *args, **kwargs: None)
    monkeypatch.setattr(tesseract_library, "LIBRARY_FILE", "libtesseract-not-installed.so")
    tesseract_library._library.cache_clear()
    try:
        with pytest.raises(tesseract.OcrUnavailable, match="not installed: install the packages"):
            tesseract.check_available()
    finally:
        tesseract_library._library.cache_clear()


@needs_both
@pytest.mark.ocr
def test_tesseracts_own_messages_do_not_reach_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    # Strokes in an image three pixels wide: Tesseract says "Image too small to scale!!" and "Line
    # cannot be recognized!!" on stderr, which the program's run captures and a library's would not.
    image = Image.new("L", (3, 48), 255)
    draw = ImageDraw.Draw(image)
    for box in ((0, 25, 1, 36), (0, 4, 0, 31), (2, 18, 2, 34)):
        draw.rectangle(box, fill=0)
    tesseract_library.image_to_data(image, "eng", "--psm 6", None)
    assert capfd.readouterr().err == ""
