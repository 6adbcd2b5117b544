"""What produced an output folder: kompass's version, its edition files, the options, the inputs.

The manifest goes into ``datapackage.json`` and into every Parquet file's schema metadata, so a
table found on its own still says where it came from. The time of the run is only in the
manifest, never in the CSV files, which stay byte-identical from run to run.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from pipeline.model.version import __version__

# The key of the manifest in datapackage.json and in the Parquet schema metadata.
MANIFEST_KEY = "kompass"


def edition_files() -> list[dict[str, str]]:
    """Each edition file kompass checks reports against, with the SHA-256 of its bytes."""
    folder = resources.files("pipeline.editions") / "frameworks"
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    return [
        {"file": f"frameworks/{entry.name}", "sha256": hashlib.sha256(entry.read_bytes()).hexdigest()}
        for entry in entries
    ]


def build_manifest(
    options: Mapping[str, Any], inputs: int, created: datetime | None = None
) -> dict[str, Any]:
    """The manifest of a run over ``inputs`` files with ``options`` (as given), made at ``created``."""
    moment = (created or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return {
        "version": __version__,
        "created": moment.isoformat().replace("+00:00", "Z"),
        "inputs": inputs,
        "options": dict(options),
        "editions": edition_files(),
        # reports.source_file is as given, often relative: the report finds the PDFs from here.
        "folder": _working_folder(),
    }


def _working_folder() -> str:
    try:
        return os.fsencode(os.getcwd()).decode("utf-8", errors="backslashreplace")
    except OSError:  # the folder was removed while the run went on
        return ""


def manifest_json(manifest: Mapping[str, Any]) -> bytes:
    """``manifest`` as the UTF-8 JSON stored in Parquet metadata."""
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
