"""Rewrite the generated blocks of README.md from their declarations (``make readme``)."""

from __future__ import annotations

from pathlib import Path

from pipeline.model.schema import TABLES, markdown_columns, readme_block
from pipeline.validation import RULES
from pipeline.validation.history import BATCH_RULES
from pipeline.validation.readme import replace_block, rules_table

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    updated = replace_block(text, "rules", rules_table(RULES))
    updated = replace_block(updated, "batch-rules", rules_table(BATCH_RULES))
    for table in TABLES:
        updated = replace_block(updated, readme_block(table), markdown_columns(table))
    if updated != text:
        README.write_text(updated, encoding="utf-8")
        print(f"updated {README}")


if __name__ == "__main__":
    main()
