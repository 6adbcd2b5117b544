"""The external engines: Chromium and LibreOffice print HTML to PDF, pdftotext exports text.

The one module that runs other programs; each call has a time limit and its own profile folder.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 180


class EngineMissing(RuntimeError):
    """A program the fuzzer needs is not installed (see tools/system-packages.sh)."""


def missing() -> list[str]:
    """The programs the renderings, exports and scans need that are not installed (Debian packages
    tools/system-packages.sh installs; Tesseract reads the scans)."""
    return [p for p in ("chromium", "soffice", "pdftotext", "tesseract") if shutil.which(p) is None]


def _run(args: list[str], cwd: Path | None = None) -> None:
    subprocess.run(args, check=True, capture_output=True, timeout=TIMEOUT, cwd=cwd)


def chromium_pdf(html: str, out: Path) -> None:
    """Print `html` to the PDF `out` with headless Chromium."""
    if not Path(CHROMIUM).exists():
        raise EngineMissing("chromium")
    with tempfile.TemporaryDirectory(prefix="fuzz-chromium-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        _run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                page.as_uri(),
            ]
        )
    if not out.exists():
        raise RuntimeError(f"chromium wrote no PDF for {out.name}")


def libreoffice_pdf(html: str, out: Path) -> None:
    """Lay `html` out as a Writer document and export it to the PDF `out` with LibreOffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise EngineMissing("libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="fuzz-soffice-") as tmp:
        page = Path(tmp) / f"{out.stem}.html"
        page.write_text(html, encoding="utf-8")
        _run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                tmp,
                str(page),
            ]
        )
        made = Path(tmp) / f"{out.stem}.pdf"
        if not made.exists():
            raise RuntimeError(f"LibreOffice wrote no PDF for {out.name}")
        shutil.move(str(made), out)


def pdftotext(pdf: Path, out: Path, mode: str) -> None:
    """Export the PDF's text the way poppler's pdftotext does (`mode` "layout" or "raw")."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise EngineMissing("poppler-utils")
    _run([tool, f"-{mode}", "-enc", "UTF-8", str(pdf), str(out)])


def pdf_text(pdf: Path) -> str:
    """The PDF's text (pdftotext -raw), for checking that a rendering prints every expected number."""
    with tempfile.TemporaryDirectory(prefix="fuzz-text-") as tmp:
        target = Path(tmp) / "out.txt"
        pdftotext(pdf, target, "raw")
        return target.read_text(encoding="utf-8")
