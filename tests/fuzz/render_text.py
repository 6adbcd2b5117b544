"""The plain-text rendering: what a report saved as text looks like (tables with tab-separated cells)."""

from __future__ import annotations

from tests.fuzz.blocks import Block, Bullets, Columns, Heading, PageBreak, Para, Table, Title, Toc


def _bullets(block: Bullets) -> list[str]:
    if block.glyph == "1.":
        return [f"{i}. {item}" for i, item in enumerate(block.items, 1)]
    return [f"{block.glyph} {item}" for item in block.items]


def _table(block: Table) -> list[str]:
    lines = []
    if block.caption and not block.caption_below:
        lines += [block.caption, ""]
    for row in block.header:
        lines.append("\t".join(cell or "" for cell in row).rstrip("\t") or "")
    lines += ["\t".join(row).rstrip("\t") for row in block.rows]
    if block.footnote:
        lines += ["", block.footnote]
    if block.caption and block.caption_below:
        lines += ["", block.caption]
    return lines


def render_text(blocks: list[Block]) -> str:
    """The report as UTF-8 text, one paragraph a line, blank lines between blocks."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Title):
            out += [*block.lines]
        elif isinstance(block, (Heading, Para)):
            out.append(block.text)
        elif isinstance(block, Bullets):
            out += _bullets(block)
        elif isinstance(block, Toc):
            out += [
                f"{text} {'.' * 12 if block.dotted else ''} {page}".replace("  ", " ")
                for text, page in block.entries
            ]
        elif isinstance(block, Table):
            out += _table(block)
        elif isinstance(block, (PageBreak, Columns)):
            continue
        out.append("")
    return "\n".join(out) + "\n"
