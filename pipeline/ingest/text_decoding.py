"""Text exports to text: the encoding of each line found, and every byte that could not be read counted.

Archive folders hold exports from many word processors and machines: UTF-8 with or without a
byte order mark, UTF-16 with one (Windows "Unicode" text), Windows-1252, Mac Roman or DOS code
page 850, and files where one program appended lines in another encoding. So:

- a byte order mark decides (UTF-8, UTF-16, UTF-32);
- otherwise each line that is valid UTF-8 is UTF-8 (Windows-1252 or Mac Roman bytes for å, ä and
  ö are never valid UTF-8), and the lines that are not are read in the one legacy encoding
  charset-normalizer finds for them together, among those Swedish text was written in;
- a byte that encoding leaves undefined becomes U+FFFD, counted, and reported as lost content.

The whole file never falls back to another encoding because of one bad line.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.model.records import ContentLoss

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# The encodings Swedish text exports were written in before UTF-8: Windows (a superset of the
# printable ISO 8859-1), old Macs and DOS.
LEGACY_ENCODINGS = ("cp1252", "mac_roman", "cp850")
# The five bytes Windows-1252 leaves undefined. Left in the sample they would rule Windows-1252
# out and let one stray byte turn a whole file into Mac Roman or DOS text; they are replaced by "?"
# for detection only, and count as lost if the file is Windows-1252.
_CP1252_UNDEFINED = bytes.maketrans(b"\x81\x8d\x8f\x90\x9d", b"?????")
_NORDIC = "åäöÅÄÖæøÆØ"
_LINE = regex.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


class NotTextError(ValueError):
    """Bytes that are not a text export (binary data)."""


@dataclass(frozen=True)
class DecodedText:
    """The text of a file, the encoding(s) it was read in and what could not be read."""

    text: str
    encoding: str
    losses: tuple[ContentLoss, ...] = ()


def decode_text(data: bytes) -> DecodedText:
    """Decode a text export; raise :class:`NotTextError` for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text, lost = _decode_counting(data, encoding)
            return DecodedText(text, encoding, _losses(text, lost, encoding))
    if b"\x00" in data:
        raise NotTextError("not a text file: it contains binary data (NUL bytes)")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _decode_per_line(data)


def _decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` decoded with U+FFFD for what cannot be, and how many replacements that made."""
    text = data.decode(encoding, errors="replace")
    return text, text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")


def _decode_per_line(data: bytes) -> DecodedText:
    chunks = _LINE.findall(data)
    legacy = [chunk for chunk in chunks if not _is_utf8(chunk)]
    encoding = detect_legacy_encoding(b"".join(legacy))
    parts: list[str] = []
    lost_lines: list[tuple[int, int]] = []
    for number, chunk in enumerate(chunks, start=1):
        if _is_utf8(chunk):
            parts.append(chunk.decode("utf-8"))
            continue
        text, lost = _decode_counting(chunk, encoding)
        parts.append(text)
        if lost:
            lost_lines.append((number, lost))
    # ASCII lines read the same in every encoding: the file mixes encodings only when some other
    # line is UTF-8 beyond ASCII.
    mixed = any(not chunk.isascii() and _is_utf8(chunk) for chunk in chunks)
    name = f"utf-8+{encoding}" if mixed else encoding
    losses = tuple(
        ContentLoss(
            f"{lost} byte(s) undefined in {encoding} could not be read and were replaced by U+FFFD",
            lost,
            line=number,
        )
        for number, lost in lost_lines
    )
    return DecodedText("".join(parts), name, losses)


def _is_utf8(chunk: bytes) -> bool:
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def detect_legacy_encoding(data: bytes) -> str:
    """The legacy encoding ``data`` is most plausibly in.

    The reports are Swedish (or Norwegian): the encoding that reads the most Nordic letters wins,
    since in the wrong one "Umeå" comes out "UmeŒ" (Mac Roman read as Windows-1252) or "Ume†"
    (DOS). Where that does not decide (no such letters), charset-normalizer's ranking does.
    """
    from charset_normalizer import from_bytes

    sample = data.translate(_CP1252_UNDEFINED)
    ranked = [match.encoding for match in from_bytes(sample, cp_isolation=list(LEGACY_ENCODINGS))]
    order = ranked + [name for name in LEGACY_ENCODINGS if name not in ranked]
    return max(order, key=lambda name: (_nordic_letters(sample, name), -order.index(name)))


def _nordic_letters(sample: bytes, encoding: str) -> int:
    text = sample.decode(encoding, errors="replace")
    return sum(text.count(letter) for letter in _NORDIC)


def _losses(text: str, lost: int, encoding: str) -> tuple[ContentLoss, ...]:
    if not lost:
        return ()
    first = text[: text.index("\ufffd")]
    line = first.count("\n") + first.count("\r") - first.count("\r\n") + 1
    message = f"{lost} character(s) could not be read as {encoding} and were replaced by U+FFFD"
    return (ContentLoss(message, lost, line=line),)
