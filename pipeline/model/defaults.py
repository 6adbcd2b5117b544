"""The defaults of a run, in a module that imports nothing heavy, so the command line can show them
(``kompass --help``) without loading the libraries that digitizing needs."""

from __future__ import annotations

from typing import NamedTuple

from pipeline.model.records import Severity

# Seconds one document may take before its worker is stopped and the document fails. A text PDF
# takes seconds, but OCR of a scan takes a few seconds of CPU a page: 25 scanned pages took 740 s
# of wall time on the two-core development machine under a load of 8, so a 30-page scan needs
# about 900 s there. A hung document still ends within a quarter of an hour.
DEFAULT_TIMEOUT_SECONDS = 900.0

# Which pages of a PDF are read by OCR: "auto" those without a text layer, "always", "never".
OCR_MODES = ("auto", "always", "never")
DEFAULT_OCR = "auto"
# OCR's confidence (0-100) below which a word with a digit is reported for a person to check.
OCR_UNCERTAIN_BELOW = 80.0

# The folder inside the output folder that keeps digitized reports between runs.
CACHE_FOLDER = ".kompass-cache"

# The files written for each table (the default of a run).
FORMATS = ("csv", "parquet")
# The one database holding every table (OUT/kompass.sqlite), written when asked for.
DATABASE = "sqlite"
# What --format takes: a comma-separated list of these, or a name for several.
FORMAT_NAMES = {**{fmt: (fmt,) for fmt in (*FORMATS, DATABASE)}, "both": FORMATS, "all": (*FORMATS, DATABASE)}

# A report's status: read completely, read with content lost (see pipeline.validation.report_status),
# or not digitized at all.
REPORT_STATUSES = ("ok", "partial", "failed")

# What --fail-on can stop on, from the most serious to the least: each level includes the ones before.
# The report statuses, then the severities in their declared order, down to the last that stops a
# run (an info never does).
FAIL_ON_LEVELS = ("failed", "partial", *(level.value for level in Severity if level is not Severity.INFO))


class CsvDialect(NamedTuple):
    """How the CSV files are written: the separator, the decimal mark, the encoding, the line end."""

    delimiter: str
    decimal: str
    encoding: str  # a Python codec: "utf-8-sig" starts the file with a byte order mark
    line_terminator: str
    # Also write OUT/kompass.xlsx, the tables as typed cells: a spreadsheet guesses a CSV column's
    # type and takes the code "0127" for 127, whatever the CSV file holds.
    workbook: bool = False


# "standard" for programs (pandas, DuckDB, R); "excel" for a spreadsheet with Swedish settings,
# which takes ";" between fields, "," as the decimal mark and UTF-8 only after a byte order mark.
CSV_DIALECTS = {
    "standard": CsvDialect(",", ".", "utf-8", "\n"),
    "excel": CsvDialect(";", ",", "utf-8-sig", "\r\n", workbook=True),
}
# Memory (address space) one document may take on top of what its worker process starts with
# (about 0.5 GiB: Python, pandas, pyarrow, pdfminer). A 30-page report needs well under 200 MiB.
DEFAULT_MAX_MEMORY = 2 << 30

# The least --max-memory accepts: below it even a small report may not fit.
MIN_MAX_MEMORY = 256 << 20


def format_size(size: int) -> str:
    """``2147483648`` as ``2 GiB``: sizes as ``--max-memory`` takes them."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} B"
