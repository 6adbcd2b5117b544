"""Links planted in the output folder never make kompass write, or remove, anything outside it.

An attacker who can put files into a shared output folder planted links under the names kompass
writes (its temporary files, the lock, the tables, the cache folder and its entries): a run then
wrote CSV, HTML and JSON over files elsewhere and removed a file that looked like a cache entry.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.defaults import CACHE_FOLDER, FORMATS
from pipeline.model.schema import TABLES
from pipeline.run.cache import ReportCache
from pipeline.tables.writers import LOCK_FILE
from tests.conftest import UMEA

ENTRY_LOOKALIKE = f"{'0' * 64}-{'f' * 16}.json"  # a name only a cache entry of another version has


def _tree(root: Path) -> dict[str, str]:
    """Every name under ``root`` with what it is: a regular file's SHA-256, a link's target."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = "link to " + os.readlink(path)
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _decoy(tmp_path: Path) -> Path:
    decoy = tmp_path / "decoy"
    (decoy / "cache").mkdir(parents=True)
    for number in range(40):
        (decoy / f"victim{number}").write_text(f"precious {number}\n", encoding="utf-8")
    (decoy / "cache" / ENTRY_LOOKALIKE).write_text("looks like a stale cache entry\n", encoding="utf-8")
    return decoy


def _plant(out: Path, decoy: Path) -> list[str]:
    """Links in ``out`` under every name kompass writes, each to its own decoy file (half of them
    to files that do not exist yet, which writing through the link would create); their names."""
    files = ["report.html", "datapackage.json"] + [f"{t.name}.{fmt}" for t in TABLES for fmt in FORMATS]
    names = [LOCK_FILE] + [name for file in files for name in (file, f".{file}.partial")]
    for number, name in enumerate(names):
        target = decoy / (f"victim{number}" if number < 40 and number % 2 == 0 else f"absent{number}")
        (out / name).symlink_to(target)
    return names


def test_links_in_the_output_folder_are_never_followed(tmp_path: Path) -> None:
    decoy = _decoy(tmp_path)
    out = tmp_path / "out"
    cache = out / CACHE_FOLDER
    cache.mkdir(parents=True)
    planted = _plant(out, decoy)
    entry = ReportCache(cache).entry_path(hashlib.sha256(UMEA.read_bytes()).hexdigest())
    (cache / entry.name).symlink_to(decoy / "victim1")
    (cache / f".{entry.name}.partial").symlink_to(decoy / "victim3")
    (cache / ENTRY_LOOKALIKE).symlink_to(decoy / "cache" / ENTRY_LOOKALIKE)
    before = _tree(decoy)

    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(out), "--workers", "1"])

    assert result.exit_code == 0, result.output
    assert _tree(decoy) == before
    # The run wrote its files in OUT itself, as regular files where the links were.
    for name in ("reports.csv", "reports.parquet", "datapackage.json", "report.html", LOCK_FILE):
        assert (out / name).is_file() and not (out / name).is_symlink(), name
    assert "umea_2007.txt" in (out / "reports.csv").read_text(encoding="utf-8")
    assert not any((out / name).is_symlink() for name in planted if name.endswith(".partial"))
    assert entry.is_file() and not entry.is_symlink()  # the report was cached in OUT


def test_an_output_folder_whose_cache_folder_is_a_link_is_refused(tmp_path: Path) -> None:
    decoy = _decoy(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_FOLDER).symlink_to(decoy / "cache")
    before = _tree(decoy)

    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(out), "--workers", "1"])

    assert result.exit_code == 1
    assert f"the cache folder {out / CACHE_FOLDER} is a link (to {decoy / 'cache'})" in result.output
    assert "Traceback" not in result.output
    assert _tree(decoy) == before
    assert not (out / "reports.csv").exists()


def test_an_output_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    decoy = _decoy(tmp_path)
    out = tmp_path / "out"
    out.symlink_to(decoy)
    before = _tree(decoy)

    for command in (["run", str(UMEA), "--out", str(out)], ["report", str(out)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1
        assert f"the output folder {out} is a link (to {decoy})" in result.output
    assert _tree(decoy) == before
