"""Text exports in every encoding an archive holds: nothing decoded wrongly, nothing lost silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest.text_decoding import NotTextError, decode_text
from pipeline.model.document import Document
from pipeline.run.process import process_file
from tests.conftest import UMEA

UMEA_TEXT = UMEA.read_text(encoding="utf-8")
# The characters every legacy encoding below can write (no typographic dash or quotes).
PLAIN = UMEA_TEXT.replace("–", "-").replace("’", "'").replace("”", '"')


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (UMEA_TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + UMEA_TEXT.encode("utf-8"), "utf-8-sig"),
        (PLAIN.encode("cp1252"), "cp1252"),
        (PLAIN.encode("mac_roman"), "mac_roman"),
        (PLAIN.encode("cp850"), "cp850"),
        (UMEA_TEXT.encode("utf-16"), "utf-16"),  # with its byte order mark, little-endian here
        (b"\xfe\xff" + UMEA_TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_each_encoding_is_found_and_read_right(data: bytes, encoding: str) -> None:
    decoded = decode_text(data)
    assert decoded.encoding == encoding
    assert "Analys av Umeå kommun" in decoded.text and "Förbättringsområden" in decoded.text
    assert not decoded.text.startswith("\ufeff") and decoded.losses == ()


def test_mac_roman_report_is_not_silently_wrong(tmp_path: Path) -> None:
    path = tmp_path / "umea_mac.txt"
    path.write_bytes(PLAIN.replace("\n", "\r").encode("mac_roman"))  # old Macs also ended lines in CR
    report = process_file(path)
    assert report.status == "ok" and report.encoding == "mac_roman"
    assert report.extraction.metadata.municipality_code == "2480"
    assert len(report.extraction.question_scores) == 37


def test_one_bad_line_does_not_change_the_whole_file() -> None:
    """A regression: one Windows-1252 line in a UTF-8 file decoded everything else as Windows-1252."""
    lines = UMEA_TEXT.split("\n")
    lines[5] = added = "Tillägg från en annan dator: Umeå"
    data = "\n".join(lines).encode("utf-8").replace(added.encode("utf-8"), added.encode("cp1252"))
    decoded = decode_text(data)
    assert decoded.encoding == "utf-8+cp1252"
    assert decoded.text == "\n".join(lines) and decoded.losses == ()


def test_undefined_bytes_are_replaced_counted_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "umea_damaged.txt"
    path.write_bytes(PLAIN.encode("cp1252").replace(b"Analys av", b"Analys\x81\x8d av", 1))
    report = process_file(path)
    assert report.status == "partial" and report.encoding == "cp1252"  # bytes were lost
    lost = [f for f in report.extraction.findings if f.rule == "content_lost"]
    assert len(lost) == 1 and lost[0].severity == "warning" and lost[0].found == "2"
    assert lost[0].line == UMEA_TEXT.split("\n").index("Analys av Umeå kommun") + 1
    assert "2 byte(s) undefined in cp1252" in lost[0].message


def test_utf16_with_a_bad_code_unit_reports_the_loss() -> None:
    data = UMEA_TEXT.encode("utf-16-le")
    damaged = b"\xff\xfe" + data[:100] + b"\x00\xdc" + data[100:]  # a lone low surrogate
    decoded = decode_text(damaged)
    assert decoded.encoding == "utf-16" and decoded.text.count("\ufffd") == 1
    assert [(loss.count, loss.line) for loss in decoded.losses] == [(1, 7)]  # 100 bytes: 50 characters in


def test_binary_data_is_not_text() -> None:
    with pytest.raises(NotTextError, match="binary data"):
        decode_text(b"\x00\x01\x02abc")


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u00ad", "\u200e", "\u200f", "\u2060", "\ufeff", "\u202a", "\u2066"],
)
def test_invisible_characters_are_removed_before_numbers_are_read(invisible: str) -> None:
    """A zero-width space inside a table cell dropped the row; a soft hyphen split a number."""
    text = UMEA_TEXT.replace("TOTALT\t497", f"TOT{invisible}ALT\t4{invisible}97").replace(
        "1.1", f"{invisible}1.1"
    )
    report_lines = Document.from_text(text).lines
    assert any(line.text == "TOTALT\t497\t608\t646" for line in report_lines)
    assert all(invisible not in line.text for line in report_lines)
