"""Running the Tesseract program: the one module that starts it.

Tesseract is a program of its own, and the worker that runs it can be stopped at any moment (its
document over the time limit, or the whole run killed). So every Tesseract started here

- dies with the process that started it: the kernel's parent-death signal (``PR_SET_PDEATHSIG``)
  is set in the child before the program runs, so a worker killed on its time limit takes its
  Tesseract with it (the signal follows the thread that started the program: the threads that
  read a document's pages at once end only after their Tesseract has);
- is killed when it runs past its own time limit, or when the caller is interrupted;
- gets its page image and writes its words in a temporary folder of its own, removed whatever
  happens (and a worker's temporary files are inside a folder its coordinator removes after the
  worker ends, see :mod:`pipeline.run.workers`).

Its version and languages are asked once per process, each under :data:`ASK_SECONDS`, and only
when a page is to be read: a text report never waits on Tesseract.
"""

from __future__ import annotations

import ctypes
import os
import shlex
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from PIL.Image import Image

PROGRAM = "tesseract"
# How long `tesseract --version` and `--list-langs` may take: they answer in milliseconds.
ASK_SECONDS = 20.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_VERSION = regex.compile(r"\d+(?:\.\d+)+")
_LANGUAGE = regex.compile(r"^[a-z_]+$")


class TesseractError(Exception):
    """Tesseract could not be started, failed, or ran past its time limit."""


@cache
def _prctl() -> Callable[..., int] | None:
    """The C library's ``prctl``, looked up in the parent: a child forked while other threads
    run must not load libraries before it runs the program."""
    try:
        return ctypes.CDLL(None).prctl
    except (OSError, AttributeError):
        return None


def _die_with(parent: int, prctl: Callable[..., int] | None) -> None:
    """In the child before Tesseract runs: be killed when ``parent`` ends."""
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the signal was set
        os._exit(1)


def run(arguments: list[str], timeout: float | None) -> bytes:
    """Run Tesseract with ``arguments``; its standard output. ``timeout`` in seconds (None or 0:
    none). Raises :class:`TesseractError`."""
    parent, prctl = os.getpid(), _prctl()
    # One thread per Tesseract: documents are read in parallel by the workers already.
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        process = subprocess.Popen(
            [PROGRAM, *arguments], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=environment,
            preexec_fn=(lambda: _die_with(parent, prctl)) if sys.platform.startswith("linux") else None,
        )  # fmt: skip
    except OSError as exc:
        raise TesseractError(f"Tesseract does not start ({exc.strerror or exc})") from exc
    try:
        output, errors = process.communicate(timeout=timeout or None)
    except subprocess.TimeoutExpired:
        raise TesseractError(f"Tesseract did not finish within {timeout:g} s") from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if process.returncode:
        said = errors.decode("utf-8", "replace").strip().splitlines()
        raise TesseractError(f"Tesseract failed: {said[-1] if said else f'exit code {process.returncode}'}")
    return output


@dataclass(frozen=True)
class Installation:
    """What the installed Tesseract says of itself; ``problem`` when it does not answer."""

    version: str = ""
    languages: frozenset[str] = frozenset()
    problem: str = ""


@cache
def installation() -> Installation:
    """Tesseract's version and languages, asked once per process, each under ``ASK_SECONDS``."""
    try:
        version = run(["--version"], ASK_SECONDS).decode("utf-8", "replace")
        listed = run(["--list-langs"], ASK_SECONDS).decode("utf-8", "replace")
    except TesseractError as exc:
        return Installation(problem=str(exc))
    found = _VERSION.search(version)
    languages = frozenset(line.strip() for line in listed.splitlines() if _LANGUAGE.match(line.strip()))
    return Installation(found.group() if found else "unknown", languages)


# The page reaches the Tesseract program through a file: encoding a page as PNG costs 0.15 s of CPU,
# writing it as a BMP (the pixels as they are; Tesseract reads the same words) 0.01 s. A PGM is as
# cheap to write, but Tesseract's image library reads it more slowly than either (measured: 0.2 s a
# page more than a BMP).
HANDED_AS = "BMP"


def image_to_data(image: Image, language: str, config: str, timeout: float | None) -> dict[str, list[object]]:
    """Tesseract's words of ``image`` as columns (its TSV output: ``text``, ``conf``, ``left``,
    ``top``, ``width``, ``height``, ``block_num``, ``line_num``, …), numbers as whole numbers."""
    with tempfile.TemporaryDirectory(prefix="kompass-tesseract-") as folder:
        picture, words = Path(folder) / f"page.{HANDED_AS.lower()}", Path(folder) / "words"
        opaque(image).save(picture, format=HANDED_AS)
        arguments = [str(picture), str(words), "-l", language, "-c", "tessedit_create_tsv=1"]
        run(arguments + shlex.split(config), timeout)
        return columns((words.with_suffix(".tsv")).read_text(encoding="utf-8"))


def opaque(image: Image) -> Image:
    """The image on white where it has an alpha channel (Tesseract reads transparency as black)."""
    if "A" not in image.getbands():
        return image
    from PIL import Image as PilImage

    background = PilImage.new("RGB", image.size, (255, 255, 255))
    background.paste(image, (0, 0), image.getchannel("A"))
    return background


def columns(tsv: str) -> dict[str, list[object]]:
    """Tesseract's TSV as a dict of columns; every column but the last (the text) as whole numbers
    where it holds numbers (a confidence of 96.5 is 96)."""
    rows = [row.split("\t") for row in tsv.strip().split("\n")]
    if len(rows) < 2:
        return {}
    header, rows = rows[0], rows[1:]
    if len(rows[-1]) < len(header):  # the last word's text is empty and its cell left out
        rows[-1].append("")
    result: dict[str, list[object]] = {}
    for index, name in enumerate(header):
        result[name] = [
            row[index] if index == len(header) - 1 else _whole(row[index]) for row in rows if len(row) > index
        ]
    return result


def _whole(cell: str) -> object:
    try:
        return int(float(cell))
    except ValueError:
        return cell
