"""HTML and CSS for the browser and office engines: the blocks as a web page a person would print."""

from __future__ import annotations

from html import escape

from tests.fuzz.blocks import Block, Bullets, Columns, Heading, PageBreak, Para, Table, Title, Toc

ALIGN = {"left": "left", "centre": "center", "right": "right", "decimal": "right"}

CSS = """
@page { size: A4; margin: 2cm; }
@page land { size: A4 landscape; margin: 1.5cm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 10pt; }
h1 { font-size: 15pt; } h2 { font-size: 13pt; } h3 { font-size: 11pt; } h4 { font-size: 10pt; }
.title p { font-size: 18pt; margin: 0.4em 0; }
.break { page-break-after: always; break-after: page; }
.two { column-count: 2; column-gap: 1cm; page-break-before: always; }
.land { page: land; page-break-before: always; }
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { padding: 2px 6px; vertical-align: top; }
table.ruled td, table.ruled th { border: 1px solid black; }
table.borderless th { border-bottom: 1px solid black; }
table.zebra tr:nth-child(even) td { background: #ddd; }
.toc { display: flex; } .toc .lead { flex: 1; border-bottom: 1px dotted black; margin: 0 4px 4px; }
.pad { padding-right: 1.4em; }
"""


def _cell(text: str, tag: str, align: str, decimal: bool, span: int = 1) -> str:
    pad = ' class="pad"' if decimal and "," not in text and text.strip() else ""
    colspan = f' colspan="{span}"' if span > 1 else ""
    return f'<{tag}{colspan}{pad} style="text-align:{align}">{escape(text)}</{tag}>'


def _table(block: Table) -> str:
    parts = []
    caption = f"<p>{escape(block.caption)}</p>" if block.caption else ""
    if not block.caption_below:
        parts.append(caption)
    cols = block.width
    parts.append(f'<table class="{block.ruled}">')
    if block.header:
        parts.append("<thead>")
    for head in block.header:
        cells = []
        for c, cell in enumerate(head):
            if cell is None:
                continue
            span = 1
            while c + span < len(head) and head[c + span] is None:
                span += 1
            cells.append(_cell(cell, "th", "left" if c == 0 else ALIGN[block.header_align], False, span))
        parts.append("<tr>" + "".join(cells) + "</tr>")
    if block.header:
        parts.append("</thead>")
    parts.append("<tbody>")
    decimal = block.number_align == "decimal"
    for i, row in enumerate(block.rows):
        if i in block.group_rows:
            parts.append(f'<tr><td colspan="{cols}"><b>{escape(row[0])}</b></td></tr>')
            continue
        label = len(row) - 2 if block.kind == "score" else 1
        cells = [
            _cell(c, "td", "left" if j < label else ALIGN[block.number_align], decimal and j >= label)
            for j, c in enumerate(row)
        ]
        row_html = "".join(cells)
        bold = ' style="font-weight:bold"' if i in block.strong_rows else ""
        parts.append(f"<tr{bold}>{row_html}</tr>")
    parts.append("</tbody></table>")
    if block.footnote:
        parts.append(f"<p><small>{escape(block.footnote)}</small></p>")
    if block.caption_below:
        parts.append(caption)
    return "\n".join(parts)


def _bullets(block: Bullets) -> str:
    items = "".join(f"<li>{escape(t)}</li>" for t in block.items)
    if block.glyph == "1.":
        return f"<ol>{items}</ol>"
    return f"<ul style=\"list-style-type: '{block.glyph} '\">{items}</ul>"


def _margin_boxes(header: str | None, footer: str | None) -> str:
    """Running lines as CSS page-margin boxes, which Chromium prints on every page."""
    boxes = []
    if header:
        boxes.append(
            f'@top-left {{ content: "{header}"; font-size: 8pt; }} '
            "@top-right { content: counter(page); font-size: 8pt; }"
        )
    if footer:
        boxes.append(f'@bottom-center {{ content: "{footer}    sid " counter(page); font-size: 8pt; }}')
    return f"@page {{ {' '.join(boxes)} }}" if boxes else ""


def render_html(
    blocks: list[Block], header: str | None, footer: str | None, *, fixed_running: bool = True
) -> str:
    """The report as one HTML page; running lines in the page margins where the engine repeats them
    (Chromium), else as a first and last paragraph (LibreOffice's HTML import has no page margins)."""
    body: list[str] = []
    css = CSS + (_margin_boxes(header, footer) if fixed_running else "")
    if header and not fixed_running:
        body.append(f"<p>{escape(header)}</p>")
    open_div = 0
    landscaped = False
    for block in blocks:
        if isinstance(block, Title):
            body.append(
                '<div class="title">' + "".join(f"<p>{escape(x)}</p>" for x in block.lines) + "</div>"
            )
        elif isinstance(block, Heading):
            body.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            body.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            body.append(_bullets(block))
        elif isinstance(block, Toc):
            for text, page in block.entries:
                lead = '<span class="lead"></span>' if block.dotted else '<span style="flex:1"></span>'
                body.append(f'<div class="toc"><span>{escape(text)}</span>{lead}<span>{page}</span></div>')
        elif isinstance(block, PageBreak):
            body.append('<div class="break"></div>')
        elif isinstance(block, Columns):
            if block.count == 2:
                body.append('<div class="two">')
                open_div += 1
            elif open_div:
                body.append("</div>")
                open_div -= 1
        elif isinstance(block, Table):
            if block.landscape and not landscaped:
                body.append('<div class="land">')
                landscaped = True
            body.append(_table(block))
    if landscaped:
        body.append("</div>")
    if footer and not fixed_running:
        body.append(f"<p>{escape(footer)}</p>")
    return (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Kommunkompassen</title>'
        f"<style>{css}</style></head><body>{''.join(body)}</body></html>"
    )
