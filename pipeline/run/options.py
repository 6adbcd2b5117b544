"""How a batch is digitized: the run options, declared once and passed down as one value."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from pipeline.model.defaults import DEFAULT_MAX_MEMORY, DEFAULT_OCR, DEFAULT_TIMEOUT_SECONDS, OCR_MODES
from pipeline.run.cache import ReportCache
from pipeline.run.workers import Limits


@dataclass(frozen=True)
class RunOptions:
    """How a batch is digitized.

    ``workers`` processes (default: all cores, never more) share the files; a document that takes
    longer than ``timeout`` seconds (``None`` or 0: no limit) or needs more than ``max_memory``
    bytes (``None``: no limit) fails. With ``cache_dir``, reports digitized before are taken from
    it and new ones kept there. ``ocr`` says which pages of a PDF are read by OCR: ``auto`` the
    pages without a text layer (scans), ``always`` every page, ``never`` none (a scanned PDF
    then fails).
    """

    workers: int | None = None
    timeout: float | None = DEFAULT_TIMEOUT_SECONDS
    max_memory: int | None = DEFAULT_MAX_MEMORY
    cache_dir: str | os.PathLike[str] | None = None
    ocr: str = DEFAULT_OCR

    def __post_init__(self) -> None:
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {self.ocr!r}")

    @classmethod
    def of(cls, options: RunOptions | None = None, **overrides: Any) -> RunOptions:
        """``options`` (default: the defaults) with the fields named in ``overrides`` replaced;
        a name that is no option raises ``TypeError``."""
        unknown = set(overrides) - {f.name for f in fields(cls)}
        if unknown:
            raise TypeError(f"unknown run options: {', '.join(sorted(unknown))}")
        base = options or cls()
        return cls(**{**{f.name: getattr(base, f.name) for f in fields(cls)}, **overrides})

    @property
    def limits(self) -> Limits:
        """What one document may use, and how it is read."""
        return Limits(self.timeout or None, self.max_memory, self.ocr)

    def cache(self) -> ReportCache | None:
        """The cache in ``cache_dir`` for this OCR mode, or ``None`` without one."""
        return ReportCache(Path(self.cache_dir), self.ocr) if self.cache_dir is not None else None
