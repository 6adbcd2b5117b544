"""A cache of digitized reports keyed by file content, so a re-run skips files already done.

An entry is the pickled :class:`Report` of one file, named by the SHA-256 of the file's bytes and
a fingerprint of kompass itself (its code and data files): any change to an extractor, a rule or
an edition of the tool makes every entry stale, so a cached result is always what this version of
kompass would produce. Only reports with status ``ok`` are cached.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
from functools import cache
from importlib import resources
from pathlib import Path

from pipeline.records import Report
from pipeline.writers import write_bytes_atomically

log = logging.getLogger(__name__)

_PACKAGES = ("pipeline", "extractors")
_FINGERPRINTED = (".py", ".toml", ".csv")


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


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class ReportCache:
    """Reports stored under ``folder``, looked up by the content of the file they came from."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _entry(self, sha256: str) -> Path:
        return self.folder / f"{sha256}-{code_fingerprint()}.pickle"

    def get(self, path: Path) -> Report | None:
        """The cached report for the file at ``path`` (under that path), or ``None``."""
        sha256 = file_digest(path)
        if sha256 is None:
            return None
        entry = self._entry(sha256)
        try:
            report = pickle.loads(entry.read_bytes())
        except FileNotFoundError:
            return None
        except Exception as exc:  # a damaged entry is a miss, never a failure
            log.debug("ignoring unreadable cache entry %s: %s", entry, exc)
            return None
        if not isinstance(report, Report) or report.sha256 != sha256:
            return None
        return dataclasses.replace(report, source_file=str(path))

    def put(self, report: Report) -> None:
        if report.status != "ok" or not report.sha256:
            return
        write_bytes_atomically(
            self._entry(report.sha256), pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        )
