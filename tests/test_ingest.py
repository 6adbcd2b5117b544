from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_document
from pipeline.model.errors import IngestError
from tests.conftest import UMEA

UMEA_TEXT = UMEA.read_text(encoding="utf-8")


def test_crlf_lines_number_like_lf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + UMEA_TEXT.replace("\n", "\r\n").encode("utf-8"))
    doc = read_document(path)
    assert doc.lines[106].text == "TOTALT\t497\t608\t646" and doc.lines[106].number == 107


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n", "the file is empty"),
        ("binary.txt", b"\x00\x01\x02abc", "not a text file"),
        ("report.docx", b"PK\x03\x04", "unsupported file type .docx"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=message):
        read_document(path)


def test_sha256_is_of_the_content(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(UMEA.read_bytes())
    assert read_document(copy).sha256 == read_document(UMEA).sha256
    copy.write_bytes(UMEA.read_bytes() + b"\n")
    assert read_document(copy).sha256 != read_document(UMEA).sha256
