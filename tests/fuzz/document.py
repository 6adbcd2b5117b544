"""One fuzzed document: its seed gives its traits, content, layout and the files it is rendered to."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz import engines
from tests.fuzz.blocks import Block
from tests.fuzz.layout import lay_out, running_text
from tests.fuzz.render_html import render_html
from tests.fuzz.render_reportlab import render_reportlab
from tests.fuzz.render_text import render_text
from tests.fuzz.report_model import ReportContent, draw_content
from tests.fuzz.scan import scan_pdf
from tests.fuzz.traits import draw_traits


@dataclass
class FuzzDocument:
    seed: int
    traits: dict[str, str]
    content: ReportContent
    blocks: list[Block]

    @property
    def stem(self) -> str:
        return f"fuzz_{self.seed}"


def make_document(seed: int) -> FuzzDocument:
    """The document of `seed`: traits first (one draw each), then content and layout from their own streams,
    so a trait's value never shifts another's."""
    traits = draw_traits(random.Random(seed))
    content = draw_content(seed, traits["edition"], random.Random(f"content-{seed}"))
    blocks = lay_out(content, traits, random.Random(f"layout-{seed}"))
    return FuzzDocument(seed, traits, content, blocks)


def render_pdf(doc: FuzzDocument, out: Path) -> None:
    """Print the document with its engine to the PDF `out`."""
    header, footer = running_text(doc.traits, doc.content)
    engine = doc.traits["engine"]
    if engine == "reportlab":
        render_reportlab(doc.blocks, header, footer, out)
    elif engine == "chromium":
        engines.chromium_pdf(render_html(doc.blocks, header, footer), out)
    else:
        engines.libreoffice_pdf(render_html(doc.blocks, header, footer, fixed_running=False), out)


def write_input(doc: FuzzDocument, folder: Path, *, keep_printed: bool = False) -> Path:
    """Render and export the document into `folder`; returns the file kompass is to read. A text
    export or a scan is made from the PDF `<stem>.printed.pdf`, removed unless `keep_printed`."""
    export = doc.traits["export"]
    if export == "plain-text":
        target = folder / f"{doc.stem}.txt"
        target.write_text(render_text(doc.blocks), encoding="utf-8")
        return target
    printed = folder / f"{doc.stem}.printed.pdf"
    render_pdf(doc, printed)
    if export == "pdf":
        return printed.rename(folder / f"{doc.stem}.pdf")
    if export.startswith("pdftotext"):
        target = folder / f"{doc.stem}.txt"
        engines.pdftotext(printed, target, export.split("-")[1])
    else:
        target = folder / f"{doc.stem}.pdf"
        scan_pdf(printed, target, random.Random(f"scan-{doc.seed}"), bilevel=export == "scan-bilevel")
    if not keep_printed:
        printed.unlink()
    return target
