"""A cache of digitized reports keyed by file content, so a re-run skips files already done.

An entry is data, never code: the report as JSON (see :mod:`pipeline.run.serialize`), in a file named
by the SHA-256 of the input file's bytes and a version key. The key covers everything that changes
results: kompass's code and data files, the cache format and the versions of the libraries that
read the files (pdfplumber, pdfminer.six, charset-normalizer) and the OCR mode of the run. Any
change to an extractor, a rule, an edition of the tool or a PDF library makes every entry stale;
stale entries are removed (so are the entries of another OCR mode: a run keeps the entries it can
use). The entry of a report with pages Tesseract read holds Tesseract's version too, and is used
only while that version is installed; Tesseract is asked only for such entries, so a batch of text
reports never waits on it.

Every read is checked: the entry's own checksum, its version key, the file digest it was stored
under and the report's own ``sha256``. An entry that fails any check, or does not parse into a
report, is a miss and never an error. Anyone who can write the output folder can also change the
tables themselves; the checks stop damaged, foreign and hand-edited entries from being served.
Only reports that were read (status ``ok`` or ``partial``) are cached.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import logging
import os
import stat
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import regex

from pipeline.model.defaults import DEFAULT_OCR
from pipeline.model.records import Report
from pipeline.run.serialize import ShapeError, from_data, to_data
from pipeline.tables.writers import remove_file, write_bytes_atomically

log = logging.getLogger(__name__)

CACHE_FORMAT = 3  # 1 was pickle, 2 had Tesseract in the key; bump when the entry layout changes
_PACKAGES = ("pipeline", "extractors")
_FINGERPRINTED = (".py", ".toml", ".csv")
_LIBRARIES = ("pdfplumber", "pdfminer.six", "charset-normalizer")
# Names kompass gives its entries (and gave them, as pickles): the only files pruning may remove.
_ENTRY_NAME = regex.compile(r"(?:\.)?[0-9a-f]{64}-[0-9a-f]{16}\.(?:json|pickle)(?:\.partial)?")
# A report's JSON is a few hundred kB at most; anything far larger is not ours.
_MAX_ENTRY_BYTES = 64 * 1024 * 1024


@cache
def code_fingerprint() -> str:
    """A digest of every source and data file of kompass, in a stable order."""
    digest = hashlib.sha256()
    for package in _PACKAGES:
        root = Path(str(resources.files(package)))
        for path in sorted(root.rglob("*")):
            if path.suffix in _FINGERPRINTED and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


@cache
def version_key(ocr: str = DEFAULT_OCR) -> str:
    """16 hex digits naming this kompass, its data, the cache format, the reading libraries and
    the OCR mode ``ocr``."""
    parts = [f"format={CACHE_FORMAT}", f"kompass={code_fingerprint()}"]
    parts += [f"{name}={_library_version(name)}" for name in _LIBRARIES]
    parts += [f"ocr={ocr}"]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _checksum(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def encode_entry(report: Report, ocr: str = DEFAULT_OCR) -> bytes:
    """The bytes of a cache entry: a checksum line, then the report's JSON on one line."""
    body = json.dumps(
        {
            "version": version_key(ocr), "sha256": report.sha256, "report": to_data(report),
            "tesseract": _tesseract_version() if report.ocr_pages else "",
        },
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    ).encode("utf-8")  # fmt: skip
    return _checksum(body).encode() + b"\n" + body + b"\n"


def decode_entry(data: bytes, sha256: str, ocr: str = DEFAULT_OCR) -> Report | None:
    """The report an entry holds if every check passes, else ``None``."""
    checksum, _, rest = data.partition(b"\n")
    body = rest.removesuffix(b"\n")
    if checksum.decode("ascii", "replace") != _checksum(body):
        return None
    try:
        content = json.loads(body)
        if content["version"] != version_key(ocr) or content["sha256"] != sha256:
            return None
        report = from_data(Report, content["report"])
    except (ValueError, KeyError, TypeError, ShapeError, RecursionError):
        return None
    if report.sha256 != sha256 or report.status == "failed":
        return None
    if report.ocr_pages and content.get("tesseract") != _tesseract_version():
        return None  # read by another Tesseract (or none runs now)
    return report


def _tesseract_version() -> str:
    from pipeline.ingest.pdf import tesseract_version  # loads the PDF libraries: only for OCR'd reports

    return tesseract_version()


def _read_entry(entry: Path) -> bytes:
    """The bytes of a cache entry, read only from a regular file that is not a link (a link could
    point at any file of the machine, a named pipe would never answer)."""
    fd = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(entry))
        return handle.read(_MAX_ENTRY_BYTES + 1)


class ReportCache:
    """Reports stored under ``folder``, looked up by the content of the file they came from and
    read with the OCR mode ``ocr``."""

    def __init__(self, folder: Path, ocr: str = DEFAULT_OCR) -> None:
        self.folder = folder
        self.ocr = ocr

    def entry_path(self, sha256: str) -> Path:
        return self.folder / f"{sha256}-{version_key(self.ocr)}.json"

    def get(self, sha256: str, source_file: str) -> Report | None:
        """The cached report of a file with digest ``sha256``, renamed to ``source_file``; or ``None``."""
        entry = self.entry_path(sha256)
        try:
            data = _read_entry(entry)
        except OSError:
            return None
        report = decode_entry(data, sha256, self.ocr) if len(data) <= _MAX_ENTRY_BYTES else None
        if report is None:
            log.debug("ignoring unusable cache entry %s", entry)
            return None
        return dataclasses.replace(report, source_file=source_file)

    def put(self, report: Report) -> None:
        """Store a report that was read; raises ``OSError`` when the folder cannot be written."""
        if report.status == "failed" or not report.sha256:
            return
        write_bytes_atomically(self.entry_path(report.sha256), encode_entry(report, self.ocr))

    def prune(self) -> int:
        """Remove entries of other versions (and old pickles); return how many were removed.

        Only regular files in a real folder are removed: a cache folder that is a link is not
        entered, and an entry that is a link is left alone."""
        if self.folder.is_symlink():
            return 0
        try:
            names = [p for p in self.folder.iterdir() if _ENTRY_NAME.fullmatch(p.name)]
        except OSError:
            return 0
        current = f"-{version_key(self.ocr)}.json"
        stale = [p for p in names if not p.name.endswith(current)]
        for path in stale:
            remove_file(path)
        return len(stale)
