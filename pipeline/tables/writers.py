"""Writing the output tables: the one place that writes files.

Every table of a batch is first written next to its destination under a temporary name, and only
when all of them are complete are they moved into place, ``datapackage.json`` last: it names the
SHA-256 of each table file, so a reader can tell that the files it read are of one run. A crash
never leaves a half-written table; a run stopped while it moves its files into place leaves a
mark (:data:`INCOMPLETE_MARK`) that the next run removes and ``kompass report`` refuses. A run
holds a lock on its output folder (:func:`output_lock`), so two runs never write into one folder
at the same time, and a report is never made from a folder a run is writing. Text cells a
spreadsheet would run as formulas are neutralised in the CSV files (:func:`neutralise_formula`);
Parquet keeps them as printed.

The output folder may hold anything another person or program put there, links included. No file
in it is opened through a link: every file is created new (a link, or anything else, under its
name is removed first, never followed) with ``O_EXCL | O_NOFOLLOW`` and moved into place with
``os.replace``, which replaces a link and not what it points to; only regular files are ever
removed; an output folder or cache folder that is itself a link is refused
(:func:`check_output_folder`).

Folders of files beside the tables (the audit report's pages and crops, the OCR text of
scans) are written a file at a time, each through a temporary file, with a list of what kompass
wrote there (:func:`write_file_folder`), so that a later run removes only those.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import errno
import fcntl
import functools
import hashlib
import io
import itertools
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import regex

from pipeline.model.defaults import CACHE_FOLDER, CSV_DIALECTS, DATABASE, FORMATS, CsvDialect
from pipeline.model.numbers import format_number
from pipeline.model.schema import TABLES, ColumnType, table
from pipeline.tables.chunks import TableData, as_chunks
from pipeline.tables.database import FILE_NAME as DATABASE_FILE
from pipeline.tables.database import write_database
from pipeline.tables.datapackage import FILE_NAME as DATAPACKAGE
from pipeline.tables.datapackage import descriptor
from pipeline.tables.keys import check_keys
from pipeline.tables.manifest import MANIFEST_KEY
from pipeline.tables.workbook import FILE_NAME as WORKBOOK_FILE
from pipeline.tables.workbook import write_workbook

Manifest = Mapping[str, Any]


def _number_text(value: float | None, decimal: str) -> str | None:
    # 7.5 stays "7.5" (or "7,5") and 28.0 becomes "28": numbers as a person reads them, no "28.0".
    text = format_number(value) if value is not None else None
    return text.replace(".", decimal) if text else None


# A spreadsheet program reads a cell starting with one of these as a formula ("=HYPERLINK(...)",
# "+1+1", "@SUM(...)"); tab and carriage return can start one too after the program trims them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = regex.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise_formula(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading apostrophe; else as given.

    A plain signed number ("-3", "+2,5") is left alone: it is data, not a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _csv_cell(value: Any, kind: ColumnType, decimal: str) -> str:
    """A cell as the CSV file shows it: empty for no value, numbers as a person reads them, text
    that a spreadsheet would run as a formula neutralised, dates in ISO form, True or False."""
    if value is None:
        return ""
    if kind == "number":
        return _number_text(value, decimal) or ""
    if kind == "string":
        return str(neutralise_formula(value))
    return str(value)


def _write_csv(name: str, data: TableData, path: Path, dialect: CsvDialect) -> None:
    kinds = [column.type for column in table(name).columns]
    texts = [number for number, kind in enumerate(kinds) if kind == "string"]
    with io.TextIOWrapper(create_file(path), encoding=dialect.encoding, newline="") as file:
        for number, chunk in enumerate(as_chunks(name, data)):
            cells = [
                [_csv_cell(value, kind, dialect.decimal) for value, kind in zip(values, kinds, strict=True)]
                for values in (row.values() for row in chunk.rows)
            ]
            writer = csv.writer(
                file, delimiter=dialect.delimiter, lineterminator=dialect.line_terminator,
                quoting=_quoting(cells, texts, dialect), quotechar='"', doublequote=True,
            )  # fmt: skip
            if number == 0:
                writer.writerow(table(name).column_names)
            writer.writerows(cells)


def _quoting(cells: list[list[str]], texts: list[int], dialect: CsvDialect) -> Literal[0, 1]:
    """How the cells of a chunk are quoted: only where needed, or every cell of a chunk with a
    carriage return in a text cell when lines end in a line feed alone. Python's csv module then
    leaves the carriage return unquoted, and many readers end a line there (a PDF can map a glyph
    to one)."""
    if "\r" not in dialect.line_terminator and any("\r" in row[i] for row in cells for i in texts):
        return 1  # csv.QUOTE_ALL
    return 0  # csv.QUOTE_MINIMAL


def _write_parquet(name: str, data: TableData, path: Path, manifest: Manifest | None) -> None:
    from pipeline.tables.parquet import write_parquet_chunks  # pyarrow, only when Parquet is written

    with create_file(path) as file:
        write_parquet_chunks(name, as_chunks(name, data), file, manifest)


def _write_datapackage(
    tables: Mapping[str, TableData], formats: tuple[str, ...], path: Path, dialect: CsvDialect,
    manifest: Manifest | None, written: list[tuple[Path, Path]],
) -> None:  # fmt: skip
    hashes = {final.name: hashlib.sha256(temporary.read_bytes()).hexdigest() for temporary, final in written}
    package = descriptor(formats, tables=list(tables), csv_dialect=dialect, hashes=hashes)
    # Every table file with its hash, Parquet too (the resources name only one format's files).
    package["files"] = [{"path": name, "sha256": digest} for name, digest in hashes.items()]
    if manifest is not None:
        package["created"] = manifest["created"]
        package[MANIFEST_KEY] = dict(manifest)
    with create_file(path) as file:
        file.write((json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def _remove_other_tables(out_dir: Path, written: set[Path]) -> None:
    """Remove kompass's own table files that this run did not write (a format not asked for this
    time): left in place they would describe another batch. Other files are never touched."""
    for declared in TABLES:
        for fmt in FORMATS:
            path = out_dir / f"{declared.name}.{fmt}"
            if path not in written:
                remove_file(path)
    for name in (DATABASE_FILE, WORKBOOK_FILE):
        if out_dir / name not in written:
            remove_file(out_dir / name)


def write_tables(
    tables: Mapping[str, TableData],
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    *,
    csv_dialect: CsvDialect = CSV_DIALECTS["standard"],
    manifest: Manifest | None = None,
) -> list[Path]:
    """Write each table as ``<name>.csv`` and/or ``<name>.parquet`` in ``out_dir``, and all of them
    into ``kompass.sqlite`` when ``formats`` holds ``sqlite``, and into ``kompass.xlsx`` when the
    ``csv_dialect`` asks for a workbook (:mod:`pipeline.tables.workbook`); return the paths.

    A table is a :class:`~pipeline.tables.chunks.Chunk` of its rows, or a DataFrame, or an
    iterable of either in row order (read once per format).
    Each table's keys are checked first (:func:`pipeline.tables.keys.check_keys`): a table that breaks
    one raises :class:`~pipeline.tables.keys.KeyViolationError` and nothing is published.

    ``datapackage.json`` (see :mod:`pipeline.tables.datapackage`) is written beside them, with the
    ``manifest`` of the run (:mod:`pipeline.tables.manifest`), which every Parquet file carries too.
    Table files of kompass's from an earlier run that this one does not write are removed, so the
    folder holds exactly one run.
    """
    formats = tuple(formats)
    if not set(formats) & set(FORMATS):
        raise ValueError(f"formats {formats}: the database goes with CSV or Parquet files, name one of them")
    check_output_folder(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    writers = {
        "csv": functools.partial(_write_csv, dialect=csv_dialect),
        "parquet": functools.partial(_write_parquet, manifest=manifest),
    }
    staged: list[tuple[Path, Path]] = []
    try:
        for name, df in tables.items():
            check_keys(name, df)
            for fmt in (fmt for fmt in formats if fmt != DATABASE):
                final = out_dir / f"{name}.{fmt}"
                temporary = out_dir / f".{name}.{fmt}.partial"
                staged.append((temporary, final))
                writers[fmt](name, df, temporary)
        if DATABASE in formats:
            database = (out_dir / f".{DATABASE_FILE}.partial", out_dir / DATABASE_FILE)
            staged.append(database)
            write_database(tables, database[0], manifest)
        if csv_dialect.workbook:
            workbook = (out_dir / f".{WORKBOOK_FILE}.partial", out_dir / WORKBOOK_FILE)
            staged.append(workbook)
            with create_file(workbook[0]) as file:
                write_workbook(tables, file, manifest)
        tables_staged = list(staged)
        package = (out_dir / f".{DATAPACKAGE}.partial", out_dir / DATAPACKAGE)
        staged.append(package)  # before it is written: one cut short (a full disk) is removed too
        _write_datapackage(tables, formats, package[0], csv_dialect, manifest, tables_staged)
    except BaseException:
        for temporary, _ in staged:
            remove_file(temporary)
        raise
    _move_into_place(out_dir, staged)
    _remove_other_tables(out_dir, {final for _, final in staged})
    return [final for _, final in staged]


# The mark of a run stopped while it moved its files into place: the folder holds a mix of two runs.
INCOMPLETE_MARK = "KOMPASS-INCOMPLETE.txt"
_INCOMPLETE_TEXT = (
    "kompass was stopped while it moved the tables of a run into this folder: they may be a mix of\n"
    "two runs. Run `kompass run` into this folder again; it removes this file when it is done.\n"
)


def _move_into_place(out_dir: Path, staged: list[tuple[Path, Path]]) -> None:
    """Move each (temporary, final) into place, ``datapackage.json`` last, under a mark
    (:data:`INCOMPLETE_MARK`) that stays behind when the moves are cut short: by a kill, a crash
    or a full disk."""
    with create_file(out_dir / INCOMPLETE_MARK) as mark:
        mark.write(_INCOMPLETE_TEXT.encode("utf-8"))
        mark.flush()
        os.fsync(mark.fileno())  # on the disk before the first table is replaced
    for temporary, final in staged:
        os.replace(temporary, final)
    remove_file(out_dir / INCOMPLETE_MARK)


def incomplete_run(out_dir: Path) -> bool:
    """Whether ``out_dir`` holds the mark of a run stopped while it moved its files into place."""
    try:
        return stat.S_ISREG(os.lstat(out_dir / INCOMPLETE_MARK).st_mode)
    except OSError:
        return False


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so readers never see half of it.

    On failure (a full disk, a read-only folder) the temporary file is removed and the
    ``OSError`` raised.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not _is_real_folder(path.parent):
        raise OSError(errno.ELOOP, "a link, which kompass does not write through", str(path.parent))
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with create_file(temporary) as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        remove_file(temporary)
        raise


def remove_file(path: Path) -> None:
    """Remove ``path`` if it is a regular file; a link (wherever it points), a folder or anything
    else under that name, or a file that cannot be removed, is left alone."""
    with contextlib.suppress(OSError):
        if stat.S_ISREG(os.lstat(path).st_mode):
            path.unlink()


# Open flags of a file kompass creates: never through a link, never one that is already there.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def create_file(path: Path) -> io.BufferedWriter:
    """A new, empty regular file at ``path``, open for writing in binary.

    Whatever is under that name (a leftover of a crashed run, or a link planted to make kompass
    write elsewhere) is removed first, the name itself and never what a link points to; the file is
    then created exclusively, so a link put there in between makes this fail instead of being
    followed.
    """
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISDIR(os.lstat(path).st_mode):
            os.unlink(path)
    return open(os.open(path, _CREATE, 0o644), "wb")


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


class UnsafeOutputError(Exception):
    """The output folder, or its cache folder, is a link: kompass does not write through links."""


def check_output_folder(out_dir: Path) -> None:
    """Raise :class:`UnsafeOutputError` if ``out_dir`` or its cache folder is a link.

    A link there could send the tables, or the cache's removals, anywhere on the disk; a person who
    means another place gives that place itself.
    """
    for folder, what in ((out_dir, "output folder"), (out_dir / CACHE_FOLDER, "cache folder")):
        if folder.is_symlink():
            raise UnsafeOutputError(
                f"the {what} {folder} is a link (to {os.readlink(folder)}): kompass writes only into a "
                f"real folder; give the folder itself, or remove the link"
            )


LOCK_FILE = ".kompass.lock"


class OutputBusyError(Exception):
    """Another kompass run holds the output folder and ``wait`` was false."""


@contextlib.contextmanager
def output_lock(
    out_dir: Path, wait: bool = True, on_wait: Callable[[], None] | None = None, shared: bool = False
) -> Iterator[None]:
    """Hold an exclusive lock on ``out_dir`` (``OUT/.kompass.lock``) for the duration of a run, or
    with ``shared`` a reader's lock (``kompass report``: readers go together, never while a run
    writes).

    A second run into the same folder waits until the first is done (``on_wait`` is called once
    when it has to), or raises :class:`OutputBusyError` when ``wait`` is false. The operating
    system releases the lock when the process ends, also when it is killed. A process that holds
    the lock already holds it again at once (a run takes it for digitizing into the folder's
    cache, then again for writing the tables).
    """
    check_output_folder(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    held = out_dir.resolve()
    if _HELD[held]:
        _HELD[held] += 1
        try:
            yield
        finally:
            _HELD[held] -= 1
        return
    fd = _open_lock(out_dir / LOCK_FILE)
    kind = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    try:
        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise OutputBusyError(f"another kompass run is writing to {out_dir}") from None
            if on_wait:
                on_wait()
            fcntl.flock(fd, kind)
        _HELD[held] += 1
        try:
            yield
        finally:
            _HELD[held] -= 1
    finally:
        os.close(fd)


# The output folders whose lock this process holds, and how many times over.
_HELD: collections.Counter[Path] = collections.Counter()


def _open_lock(path: Path) -> int:
    """The lock file, opened without following a link; a link under its name is replaced by the
    file (the lock must be one file that every run opens, so an existing regular file is kept)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        fd = os.open(path, flags, 0o644)
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO or device planted under the name
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return fd


# A folder of files kompass writes (the audit report's pages and crops, the OCR text): the file
# listing what it wrote, so that a later run removes exactly those and nothing a person put there.
WRITTEN_LIST = ".kompass-files.json"
_RELATIVE_NAME = regex.compile(r"[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*")


def _inside(folder: Path, relative: str) -> Path | None:
    """``folder / relative`` when ``relative`` is a plain relative name (no ``..``, nothing absolute)
    and no folder on the way from ``folder`` (included) is a symbolic link; else None."""
    parts = relative.split("/")
    if not _RELATIVE_NAME.fullmatch(relative) or any(p in (".", "..") for p in parts):
        return None
    if any(folder.joinpath(*parts[:depth]).is_symlink() for depth in range(len(parts))):
        return None
    return folder / relative


def _listed(folder: Path) -> list[str]:
    """What kompass wrote into ``folder`` the last time, as its list says (empty when none)."""
    if folder.is_symlink():
        return []
    try:
        listed = json.loads((folder / WRITTEN_LIST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [name for name in listed if isinstance(name, str)] if isinstance(listed, list) else []


def _remove_listed(folder: Path, names: Iterable[str]) -> None:
    """Remove the regular files ``names`` of ``folder`` (never through a symbolic link), then the
    folders under it they leave empty."""
    parents: set[Path] = set()
    for name in names:
        path = _inside(folder, name)
        if path is not None and path.is_file() and not path.is_symlink():
            remove_file(path)
            parents.update(p for p in path.relative_to(folder).parents if p != Path("."))
    for parent in sorted(parents, key=lambda p: -len(p.parts)):
        with contextlib.suppress(OSError):
            (folder / parent).rmdir()  # only when empty


def write_file_folder(folder: Path, files: Iterable[tuple[str, bytes]]) -> list[Path]:
    """Write ``files`` (relative name, content; written one at a time, as they come) into
    ``folder``, each through a temporary file; return their paths.

    The folder keeps a list of what was written (``.kompass-files.json``): the files an earlier
    run wrote there and this one did not are removed, other files are never touched. A name with
    ``..``, or a way through a symbolic link, raises ``OSError`` before anything is written there.
    """
    if folder.is_symlink():
        raise OSError(f"{folder} is a symbolic link: kompass does not write through it")
    earlier = _listed(folder)
    written: list[str] = []
    for name, data in files:
        path = _inside(folder, name)
        if path is None:
            raise OSError(f"{folder}: {name!r} is not a name kompass writes")
        write_bytes_atomically(path, data)
        written.append(name)
    listing = json.dumps(sorted(written), indent=0).encode("utf-8")
    write_bytes_atomically(folder / WRITTEN_LIST, listing)
    _remove_listed(folder, set(earlier) - set(written))
    return [folder / name for name in written]


def remove_file_folder(folder: Path) -> None:
    """Remove what :func:`write_file_folder` wrote into ``folder`` (as its list says), the list,
    and the folder when that leaves it empty; a symbolic link is never followed."""
    _remove_listed(folder, _listed(folder))
    if not folder.is_symlink():
        remove_file(folder / WRITTEN_LIST)
        with contextlib.suppress(OSError):
            folder.rmdir()


TEXT_FOLDER = "text"


def write_ocr_texts(out_dir: Path, texts: Iterable[tuple[str, str]]) -> list[Path]:
    """Write each (report_id, text) as ``OUT/text/<report_id>.txt`` (UTF-8): the text of the
    reports with pages read by OCR, so an archive of scans can be searched. The files of an
    earlier run there that this one does not write are removed, and the folder too when no report
    of this run was read by OCR."""
    from pipeline.model.identity import file_stem

    files = ((f"{file_stem(report_id)}.txt", text.encode("utf-8")) for report_id, text in texts)
    first = next(files, None)
    if first is None:
        remove_file_folder(out_dir / TEXT_FOLDER)
        return []
    return write_file_folder(out_dir / TEXT_FOLDER, itertools.chain([first], files))
