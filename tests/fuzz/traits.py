"""The trait space: each layout trait is drawn on its own from a seeded random.Random, so a weak trait
shows in the figures for its value whatever the other traits were."""

from __future__ import annotations

import random

# Trait name -> its values. Order matters: traits are drawn in this order, one rng call each, so
# adding a trait at the end keeps every earlier document's draw.
TRAITS: dict[str, tuple[str, ...]] = {
    "edition": ("2002", "2010", "2020"),
    "engine": ("reportlab", "chromium", "libreoffice"),
    "export": ("pdf", "pdftotext-layout", "pdftotext-raw", "plain-text", "scan-grey", "scan-bilevel"),
    "toc": ("none", "plain", "dotted"),
    "running": ("none", "header", "footer", "both"),
    "caption": ("above", "below", "none"),
    "corner": ("label", "area-name"),
    "after_last_table": ("nothing", "kortfakta", "party-seats"),
    "rules": ("ruled", "borderless", "zebra"),
    "header_align": ("left", "centre", "right"),
    "number_align": ("left", "centre", "right", "decimal"),
    "table_break": ("none", "repeat-header", "no-header"),
    "header_rows": ("one", "two-merged"),
    "summary_max": ("no", "yes"),
    "subtotals": ("no", "yes"),
    "footnotes": ("no", "yes"),
    "prose_columns": ("one", "two"),
    "landscape_tables": ("no", "yes"),
    "glyph": ("-", "•", "▪", "➢", "1."),
    "area_heading": ("Område N Namn", "N. Namn", "N Namn", "Huvudområde N: Namn", "3.N Namn"),
    "evaluated_list": ("prose", "bullets", "tab-table"),
    "score_layout": ("one-table", "per-area"),
    "id_style": ("1.1", "1:1", "1.1."),
    "score_columns": ("max-own", "own-max"),
}

SCANNED = ("scan-grey", "scan-bilevel")


def draw_traits(rng: random.Random) -> dict[str, str]:
    """One value per trait, each drawn independently (uniformly) from `rng`."""
    return {name: rng.choice(values) for name, values in TRAITS.items()}


def channel(traits: dict[str, str]) -> str:
    """The engine and export a document went through ("plain-text" has no engine)."""
    if traits["export"] == "plain-text":
        return "plain-text"
    return f"{traits['engine']}/{traits['export']}"
