"""Tesseract as a library in the worker's own process (tesserocr): the one module that touches it.

Running the Tesseract program costs a process start, loading its language data and an image file
for every image it reads: about 0.1 s of CPU a run, and a scanned page takes one run for the page
and one or two more for the cells and lines read again. Here Tesseract is loaded once per
process and each language's data once per thread that reads, and the pixels are handed over as
they are in memory, with no file in between.

What it reads is what the program reads: the same language data (Debian's, found as the program
finds it), page segmentation, variables and word table (Tesseract's own TSV, parsed as the
program's is). The image is handed over at the resolution the program is given when it reads the
image from the file the other way writes (96 ppi), which sets how Tesseract estimates its type
sizes.

The guard stays the worker's: a Tesseract in the worker's process dies with it, and it writes no
file. A Tesseract object serves one thread at a time (it is not thread-safe): the threads that
read a document's pages each take one from the process's pool and give it back when done.
"""

from __future__ import annotations

import os
import shlex
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.ingest.pdf.tesseract_process import Installation, TesseractError, columns, opaque

if TYPE_CHECKING:
    from PIL.Image import Image

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
def installation() -> Installation:
    """The library's Tesseract version and the languages of its data, found once per process."""
    try:
        import tesserocr
    except ImportError as exc:  # a platform without its wheel
        return Installation(problem=f"the tesserocr library does not load ({exc})")
    folder = data_folder()
    if folder is None:
        return Installation(problem="no Tesseract language data found")
    version = tesserocr.tesseract_version().split()[1]  # "tesseract 5.5.4\n leptonica-…"
    return Installation(version, frozenset(tesserocr.get_languages(f"{folder}/")[1]))


class _Pool:
    """Each language's Tesseract objects not in use; one thread uses an object at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.free: dict[str, list[Any]] = {}

    @contextmanager
    def taken(self, language: str) -> Iterator[Any]:
        with self.lock:
            free = self.free.setdefault(language, [])
            api = free.pop() if free else None
        if api is None:
            import tesserocr

            try:
                api = tesserocr.PyTessBaseAPI(path=f"{data_folder()}/", lang=language)
            except RuntimeError as exc:
                raise TesseractError(f"Tesseract does not load its {language!r} data ({exc})") from exc
        try:
            yield api
        finally:
            with self.lock:
                free.append(api)


_pool = _Pool()


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
    with _pool.taken(language) as api:
        api.SetPageSegMode(mode)
        for name, value in variables.items():
            if not api.SetVariable(name, value):
                raise TesseractError(f"Tesseract has no variable {name!r}")
        api.SetImageBytes(pixels, image.width, image.height, depth, depth * image.width)
        api.SetSourceResolution(FILE_PPI)
        tsv = api.GetTSVText(0)
        api.Clear()
    return columns(f"{TSV_HEADER}\n{tsv}")


def _settings(config: str) -> tuple[int, dict[str, str]]:
    """The page segmentation mode and variables of a program's ``config`` (``--psm 6 -c a=b``)."""
    import tesserocr

    mode, variables = int(tesserocr.PSM.AUTO), {}  # the program's own default
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
