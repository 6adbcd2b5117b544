"""Rewrite the generated blocks of the docs pages from their declarations (``make docs``): the
column tables of docs/tables.md and the rule tables of docs/rules.md."""

from __future__ import annotations

from pathlib import Path

from pipeline.model.schema import TABLES, columns_block, markdown_columns
from pipeline.validation import RULES
from pipeline.validation.doc_blocks import replace_block, rules_table
from pipeline.validation.history import BATCH_RULES

DOCS = Path(__file__).resolve().parent.parent / "docs"
TABLES_PAGE = DOCS / "tables.md"
RULES_PAGE = DOCS / "rules.md"


def _update(page: Path, blocks: dict[str, str]) -> None:
    text = page.read_text(encoding="utf-8")
    updated = text
    for name, body in blocks.items():
        updated = replace_block(updated, name, body)
    if updated != text:
        page.write_text(updated, encoding="utf-8")
        print(f"updated {page}")


def main() -> None:
    _update(RULES_PAGE, {"rules": rules_table(RULES), "batch-rules": rules_table(BATCH_RULES)})
    _update(TABLES_PAGE, {columns_block(table): markdown_columns(table) for table in TABLES})


if __name__ == "__main__":
    main()
