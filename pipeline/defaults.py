"""The defaults of a run, in a module that imports nothing, so the command line can show them
(``kompass --help``) without loading the libraries that digitizing needs."""

from __future__ import annotations

# Seconds one document may take before its worker is stopped and the document fails.
DEFAULT_TIMEOUT_SECONDS = 300.0

# The folder inside the output folder that keeps digitized reports between runs.
CACHE_FOLDER = ".kompass-cache"

# The files written for each table.
FORMATS = ("csv", "parquet")
