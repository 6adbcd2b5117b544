"""ReportLab: the report drawn with platypus (the one module that imports reportlab)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as RLTable

from tests.fuzz.blocks import Block, Bullets, Columns, Heading, PageBreak, Para, Table, Title, Toc

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
ALIGN = {"left": "LEFT", "centre": "CENTER", "right": "RIGHT", "decimal": "DECIMAL"}


def _fonts() -> None:
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=13, spaceAfter=6)
    return {
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11, spaceAfter=0),
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=24, spaceAfter=12),
        **{
            f"h{n}": ParagraphStyle(
                f"h{n}",
                parent=base,
                fontName="DejaVu-Bold",
                fontSize=size,
                leading=size + 4,
                spaceBefore=8,
                spaceAfter=4,
            )
            for n, size in ((1, 15), (2, 13), (3, 11), (4, 10))
        },
    }


HEADER_ALIGN = {"left": 0, "centre": 1, "right": 2}  # ReportLab's TA_LEFT, TA_CENTER, TA_RIGHT


def _header_cell(cell: str | None, styles: dict[str, ParagraphStyle], align: str) -> Any:
    if not cell:
        return ""
    style = ParagraphStyle(
        f"head-{align}", parent=styles["cell"], fontName="DejaVu-Bold", alignment=HEADER_ALIGN[align]
    )
    return Paragraph(escape(cell), style)


def _longest_word(header: list[list[str | None]], column: int) -> float:
    """The width in points of the longest word in the header cells of ``column`` (bold, 9 pt)."""
    words = [w for row in header if column < len(row) and row[column] for w in (row[column] or "").split()]
    return max((pdfmetrics.stringWidth(w, "DejaVu-Bold", 9) for w in words), default=0.0)


def _table(block: Table, styles: dict[str, ParagraphStyle], width: float) -> list[Any]:
    cols = block.width
    data: list[list[Any]] = []
    # Labels wrap as paragraphs; values stay strings, which the table aligns (a paragraph aligns itself).
    label_cols = max(1, cols - 2) if block.kind == "score" else 1
    # Header cells wrap within their column as a word processor's do ("Örnsköldsvik 2020" on two lines),
    # never running over the next cell; each aligns itself.
    for head in block.header:
        data.append(
            [
                _header_cell(cell, styles, block.header_align if j >= label_cols else "left")
                for j, cell in enumerate(head)
            ]
        )
    for i, row in enumerate(block.rows):
        if i in block.group_rows:
            data.append([Paragraph("<b>" + escape(row[0]) + "</b>", styles["cell"])] + [""] * (cols - 1))
        else:
            data.append(
                [Paragraph(escape(c), styles["cell"]) if j < label_cols else c for j, c in enumerate(row)]
            )
    nh = len(block.header)
    number_width = 2.2 * cm if block.kind != "summary" else min(2.6 * cm, width * 0.5 / max(1, cols - 1))
    # A value column is at least as wide as its header's longest word, as a word processor's table
    # fits its columns: header cells wrap between words ("Egna / poäng"), never inside one.
    value_widths = [max(number_width, _longest_word(block.header, c) + 16) for c in range(label_cols, cols)]
    first = width - sum(value_widths) - (label_cols - 1) * 1.2 * cm
    widths = [1.2 * cm] * (label_cols - 1) + [first] + value_widths
    if block.kind in ("facts", "seats", "evaluated"):
        widths = None  # type: ignore[assignment]
    table = RLTable(data, colWidths=widths, repeatRows=0)
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), "DejaVu", 9),
        ("FONT", (0, 0), (-1, nh - 1), "DejaVu-Bold", 9) if nh else ("FONT", (0, 0), (0, 0), "DejaVu", 9),
        ("ALIGN", (label_cols, nh), (-1, -1), ALIGN[block.number_align]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if nh:
        style.append(("ALIGN", (label_cols, 0), (-1, nh - 1), ALIGN[block.header_align]))
    for r, head in enumerate(block.header):
        for c, cell in enumerate(head):
            if cell is None:
                start = c - 1
                while head[start] is None:
                    start -= 1
                style.append(("SPAN", (start, r), (c, r)))
    for r in block.group_rows:
        style.append(("SPAN", (0, nh + r), (-1, nh + r)))
    for r in block.strong_rows:
        style.append(("FONT", (0, nh + r), (-1, nh + r), "DejaVu-Bold", 9))
    if block.ruled == "ruled":
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif block.ruled == "zebra":
        style.append(("ROWBACKGROUNDS", (0, nh), (-1, -1), [colors.whitesmoke, colors.lightgrey]))
    elif nh:
        style.append(("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.5, colors.black))
    table.setStyle(TableStyle(style))
    caption = [Paragraph(escape(block.caption), styles["body"])] if block.caption else []
    foot = [Paragraph(escape(block.footnote), styles["cell"])] if block.footnote else []
    flow = [table, *foot]
    return [*flow, Spacer(1, 4), *caption] if block.caption_below else [*caption, *flow]


def _bullets(block: Bullets, styles: dict[str, ParagraphStyle]) -> Any:
    items = [ListItem(Paragraph(escape(t), styles["body"])) for t in block.items]
    if block.glyph == "1.":
        return ListFlowable(items, bulletType="1", bulletFormat="%s.", bulletFontName="DejaVu")
    return ListFlowable(items, bulletType="bullet", start=block.glyph, bulletFontName="DejaVu")


def render_reportlab(blocks: list[Block], header: str | None, footer: str | None, out: Path) -> None:
    """Write the blocks as a PDF at `out`."""
    _fonts()
    rl_config.decimalSymbol = ","  # decimal alignment pivots on the Swedish decimal comma
    styles = _styles()

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("DejaVu", 8)
        w, h = canvas._pagesize
        if header:
            canvas.drawString(2 * cm, h - 1.2 * cm, header)
            canvas.drawRightString(w - 2 * cm, h - 1.2 * cm, f"{doc.page}")
        if footer:
            canvas.drawCentredString(w / 2, 1 * cm, f"{footer}    sid {doc.page}")
        canvas.restoreState()

    pw, ph = A4
    lw, lh = landscape(A4)
    m = 2 * cm
    templates = [
        PageTemplate("one", [Frame(m, m, pw - 2 * m, ph - 2 * m)], onPage=decorate, pagesize=A4),
        PageTemplate(
            "two",
            [
                Frame(m, m, (pw - 2 * m) / 2 - 6, ph - 2 * m),
                Frame(pw / 2 + 6, m, (pw - 2 * m) / 2 - 6, ph - 2 * m),
            ],
            onPage=decorate,
            pagesize=A4,
        ),
        PageTemplate("land", [Frame(m, m, lw - 2 * m, lh - 2 * m)], onPage=decorate, pagesize=landscape(A4)),
    ]
    doc = BaseDocTemplate(str(out), pagesize=A4, pageTemplates=templates, title="Kommunkompassen")
    story: list[Any] = []
    width = pw - 2 * m
    landscaped = False
    for block in blocks:
        if isinstance(block, Title):
            story += [Paragraph(escape(line), styles["title"]) for line in block.lines]
        elif isinstance(block, Heading):
            story.append(Paragraph(escape(block.text), styles[f"h{block.level}"]))
        elif isinstance(block, Para):
            story.append(Paragraph(escape(block.text), styles["body"]))
        elif isinstance(block, Bullets):
            story.append(_bullets(block, styles))
        elif isinstance(block, Toc):
            for text, page in block.entries:
                leader = " " + "." * max(4, 90 - len(text)) + " " if block.dotted else "    "
                story.append(Paragraph(escape(text + leader + str(page)), styles["body"]))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
        elif isinstance(block, Columns):
            if block.count == 2:
                story += [NextPageTemplate("two"), RLPageBreak()]
            else:
                story.append(NextPageTemplate("one"))
        elif isinstance(block, Table):
            if block.landscape and not landscaped:
                story += [NextPageTemplate("land"), RLPageBreak()]
                landscaped, width = True, lw - 2 * m
            story += _table(block, styles, width)
            story.append(Spacer(1, 8))
    doc.build(story)
