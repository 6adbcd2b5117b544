"""Tesseract as a library in the worker's own process: the one module that loads it.

Running the Tesseract program costs a process start, loading its language data and an image file
for every image it reads: about 0.1 s of CPU a run, and a scanned page takes one run for the page
and one or two more for the cells and lines read again. Here the same Tesseract, the system's
(Debian's ``libtesseract``, which the program itself runs on), is loaded once per process through
its C API, each language's data once per thread that reads, and the pixels are handed over as
they are in memory, with no file in between.

So it reads what the program reads, word for word: the same library and language data (found as
the program finds them), page segmentation, variables and word table (Tesseract's own TSV, parsed
as the program's is), one thread per Tesseract as the program is run. The image is handed over at
the resolution the program is given when it reads the image from the file the other way writes
(96 ppi), which sets how Tesseract estimates its type sizes.

The guard stays the worker's: a Tesseract in the worker's process dies with it, and it writes no
file. A Tesseract object serves one thread at a time (it is not thread-safe): the threads that
read a document's pages each take one from the process's pool and give it back when done; the
library runs without Python's lock, so they read on as many cores.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import shlex
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.ingest.pdf.tesseract_process import Installation, TesseractError, columns, opaque

if TYPE_CHECKING:
    from PIL.Image import Image

# The system's Tesseract library (Debian's libtesseract5, which tesseract-ocr brings).
LIBRARY = "tesseract"
LIBRARY_FILE = "libtesseract.so.5"
# Where Tesseract's language data may be: the folder named by Tesseract's own variable, then
# Debian's (Tesseract 5, then 4), then the usual others. The first that holds any is used.
DATA_VARIABLE = "TESSDATA_PREFIX"
DATA_FOLDERS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
# The resolution the program reads from the image file it is given (Pillow writes 96 ppi into a
# BMP unless told otherwise): it sets the type sizes Tesseract estimates, and with them some of its
# choices.
FILE_PPI = 96
# Tesseract's page segmentation when ``--psm`` is not given: the program's own default (automatic).
DEFAULT_SEGMENTATION = 3
# Where Tesseract writes its messages: nowhere (its variable; "/dev/null" is taken as no output).
QUIET = ("debug_file", "/dev/null")
# The word table's header, as the program writes it before the first page's rows.
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def data_folder() -> Path | None:
    """The folder of Tesseract's language data (see :data:`DATA_FOLDERS`); None when none has any."""
    named = os.environ.get(DATA_VARIABLE)
    for folder in ((named,) if named else ()) + DATA_FOLDERS:
        if any(Path(folder).glob("*.traineddata")):
            return Path(folder)
    return None


@cache
def _library() -> ctypes.CDLL:
    """The Tesseract library with the C functions used here declared; raises OSError without it."""
    # One thread per Tesseract, as the program is run (documents and pages are read in parallel
    # already): OpenMP reads its limit when it is loaded, with Tesseract.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    library = ctypes.CDLL(ctypes.util.find_library(LIBRARY) or LIBRARY_FILE)
    handle, text, number = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for name, result, arguments in (
        ("TessVersion", text, []),
        ("TessBaseAPICreate", handle, []),
        ("TessBaseAPIInit3", number, [handle, text, text]),
        ("TessBaseAPISetPageSegMode", None, [handle, number]),
        ("TessBaseAPISetVariable", number, [handle, text, text]),
        ("TessBaseAPISetImage", None, [handle, ctypes.c_char_p, number, number, number, number]),
        ("TessBaseAPISetSourceResolution", None, [handle, number]),
        ("TessBaseAPIGetTsvText", handle, [handle, number]),  # freed with TessDeleteText
        ("TessDeleteText", None, [handle]),
        ("TessBaseAPIClear", None, [handle]),
        ("TessBaseAPIDelete", None, [handle]),
    ):
        function = getattr(library, name)
        function.restype, function.argtypes = result, arguments
    return library


def loads() -> bool:
    """Whether the Tesseract library is installed: it loads."""
    try:
        _library()
    except OSError:
        return False
    return True


@cache
def installation() -> Installation:
    """The library's Tesseract version and the languages of its data, found once per process."""
    try:
        library = _library()
    except OSError as exc:
        return Installation(problem=f"the Tesseract library does not load ({exc})")
    folder = data_folder()
    if folder is None:
        return Installation(problem="no Tesseract language data found")
    version = library.TessVersion().decode("ascii", "replace")
    return Installation(version, frozenset(path.stem for path in folder.glob("*.traineddata")))


class _Pool:
    """Each language's Tesseract objects not in use; one thread uses an object at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.free: dict[str, list[int]] = {}

    @contextmanager
    def taken(self, language: str) -> Iterator[int]:
        with self.lock:
            free = self.free.setdefault(language, [])
            api = free.pop() if free else None
        if api is None:
            api = _loaded(language)
        try:
            yield api
        finally:
            with self.lock:
                free.append(api)


def _loaded(language: str) -> int:
    """A new Tesseract object with the data of ``language`` loaded."""
    library = _library()
    api = library.TessBaseAPICreate()
    if library.TessBaseAPIInit3(api, f"{data_folder()}/".encode(), language.encode()) != 0:
        library.TessBaseAPIDelete(api)
        raise TesseractError(f"Tesseract does not load its {language!r} data")
    # Tesseract's own messages ("Image too small to scale!!", "Line cannot be recognized!!") go to
    # the process's stderr, where they would mix with kompass's output; the program's are captured.
    library.TessBaseAPISetVariable(api, *(part.encode() for part in QUIET))
    return int(api)


_pool = _Pool()


@atexit.register
def _delete_pool() -> None:
    """At the end of the process, the objects deleted (Tesseract's data cache warns of a leak on
    stderr when objects that use it are left at exit)."""
    with _pool.lock:
        for api in (api for free in _pool.free.values() for api in free):
            _library().TessBaseAPIDelete(api)
        _pool.free.clear()


def _forget_pool() -> None:
    """In a forked child: a pool of its own (the parent's objects may be in use by its threads)."""
    global _pool
    _pool = _Pool()


os.register_at_fork(after_in_child=_forget_pool)


def image_to_data(image: Image, language: str, config: str, timeout: float | None) -> dict[str, list[object]]:
    """Tesseract's words of ``image`` as columns, as :func:`tesseract_process.image_to_data`
    gives them. ``config`` holds ``--psm N`` and ``-c variable=value`` as the program takes them.
    ``timeout`` is not kept here: a reading in the worker's process is stopped with its worker,
    under the document's time limit."""
    mode, variables = _settings(config)
    pixels, depth = _pixels(image)
    library = _library()
    with _pool.taken(language) as api:
        library.TessBaseAPISetPageSegMode(api, mode)
        for name, value in variables.items():
            if not library.TessBaseAPISetVariable(api, name.encode(), value.encode()):
                raise TesseractError(f"Tesseract has no variable {name!r}")
        library.TessBaseAPISetImage(api, pixels, image.width, image.height, depth, depth * image.width)
        library.TessBaseAPISetSourceResolution(api, FILE_PPI)
        text = library.TessBaseAPIGetTsvText(api, 0)
        try:
            tsv = ctypes.string_at(text).decode("utf-8", "replace") if text else ""
        finally:
            library.TessDeleteText(text)
            library.TessBaseAPIClear(api)
    return columns(f"{TSV_HEADER}\n{tsv}")


def _settings(config: str) -> tuple[int, dict[str, str]]:
    """The page segmentation mode and variables of a program's ``config`` (``--psm 6 -c a=b``)."""
    mode, variables = DEFAULT_SEGMENTATION, {}
    words = shlex.split(config)
    for option, value in zip(words[::2], words[1::2], strict=True):
        if option == "--psm":
            mode = int(value)
        elif option == "-c" and "=" in value:
            name, _, setting = value.partition("=")
            variables[name] = setting
        else:
            raise ValueError(f"not a Tesseract option kompass hands on: {option} {value}")
    return mode, variables


def _pixels(image: Image) -> tuple[bytes, int]:
    """The image's pixels and bytes per pixel as Tesseract takes them: grey or RGB, on white where
    it has an alpha channel (as the file the program reads is written)."""
    image = opaque(image)
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB" if len(image.getbands()) >= 3 else "L")
    return image.tobytes(), len(image.getbands())
