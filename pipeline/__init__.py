"""kompass: digitize Kommunkompassen evaluation reports into validated tables.

    >>> import pipeline
    >>> result = pipeline.digitize("corpus/")
    >>> result.tables["area_scores"]

The data flow is ingest (files to :class:`~pipeline.model.document.Document`), extract (documents to
records), validate (records to findings) and write (records to CSV and Parquet tables). The
public names below are imported on first use, so ``import pipeline`` (and ``kompass --help``)
stays quick: spaCy, pyarrow and pdfplumber load only when digitizing starts, and pandas only for
the DataFrames of a :class:`~pipeline.api.Result`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from pipeline.model.version import __version__

# Public name -> the module that defines it.
_EXPORTS = {
    "digitize": "pipeline.api",
    "digitize_streamed": "pipeline.api",
    "digitize_into": "pipeline.api",
    "StreamedResult": "pipeline.api",
    "Result": "pipeline.api",
    "Inputs": "pipeline.api",
    "RunOptions": "pipeline.api",
    "BatchListeners": "pipeline.api",
    "collect_inputs": "pipeline.api",
    "write_report": "pipeline.audit",
    "remove_report": "pipeline.audit",
    "TABLES": "pipeline.model.schema",
    "Table": "pipeline.model.schema",
    "Column": "pipeline.model.schema",
    "Report": "pipeline.model.records",
    "Finding": "pipeline.model.records",
    "Severity": "pipeline.model.records",
    "KompassError": "pipeline.model.errors",
    "NoReportFilesError": "pipeline.model.errors",
}

__all__ = [
    "TABLES",
    "BatchListeners",
    "Column",
    "Finding",
    "Inputs",
    "KompassError",
    "NoReportFilesError",
    "Report",
    "Result",
    "RunOptions",
    "Severity",
    "StreamedResult",
    "Table",
    "__version__",
    "collect_inputs",
    "digitize",
    "digitize_into",
    "digitize_streamed",
    "remove_report",
    "write_report",
]  # fmt: skip

if TYPE_CHECKING:
    from pipeline.api import (
        BatchListeners,
        Inputs,
        Result,
        RunOptions,
        StreamedResult,
        collect_inputs,
        digitize,
        digitize_into,
        digitize_streamed,
    )
    from pipeline.audit import remove_report, write_report
    from pipeline.model.errors import KompassError, NoReportFilesError
    from pipeline.model.records import Finding, Report, Severity
    from pipeline.model.schema import TABLES, Column, Table


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
