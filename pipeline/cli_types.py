"""Option types of the command line that click does not have: finite seconds, sizes in bytes and
lists of output formats."""

from __future__ import annotations

import math
import re
from typing import Any

import click

from pipeline.model.defaults import DATABASE, FORMAT_NAMES, MIN_MAX_MEMORY, format_size

# The standard library's re, which click loads anyway: `regex` would add to every `kompass --help`.
_SIZE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)\s*")
_UNITS = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


class Seconds(click.ParamType):
    """A number of seconds, 0 or more and finite: ``nan`` and ``inf`` are refused."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(seconds) or seconds < 0:
            self.fail(f"{value!r} is not a finite number of seconds, 0 or more (0: no limit)", param, ctx)
        return seconds


class ByteSize(click.ParamType):
    """A size in bytes, written ``2GiB``, ``1500M`` or ``2147483648`` (K, M, G, T are powers of 1024).

    0 means no limit; other sizes below :data:`~pipeline.model.defaults.MIN_MAX_MEMORY` are refused.
    """

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.fullmatch(str(value))
        if match is None:
            self.fail(f"{value!r} is not a size such as 2GiB, 1500MiB or 0", param, ctx)
        size = int(float(match[1]) * _UNITS[match[2][:1].lower()])
        if 0 < size < MIN_MAX_MEMORY:
            least = format_size(MIN_MAX_MEMORY)
            self.fail(f"{value!r} is too little: a document may need {least}", param, ctx)
        return size


class Formats(click.ParamType):
    """What to write: ``csv``, ``parquet``, ``sqlite``, ``both`` (CSV and Parquet) or ``all``, or a
    comma-separated list of them (``csv,sqlite``); the formats in a fixed order, each once."""

    name = "formats"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, ...]:
        if isinstance(value, tuple):
            return value
        names = [name.strip().lower() for name in str(value).split(",")]
        unknown = [name for name in names if name not in FORMAT_NAMES]
        if unknown:
            named = ", ".join(map(repr, unknown))
            self.fail(f"{named} is not one of {', '.join(FORMAT_NAMES)} (or a list: csv,sqlite)", param, ctx)
        chosen = {fmt for name in names for fmt in FORMAT_NAMES[name]}
        if chosen == {DATABASE}:
            self.fail("sqlite goes with csv or parquet (datapackage.json and the audit report read "
                      "those files): use csv,sqlite, parquet,sqlite or all", param, ctx)
        return tuple(fmt for fmt in FORMAT_NAMES["all"] if fmt in chosen)
