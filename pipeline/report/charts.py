"""Per-municipality charts of area scores by evaluation year, drawn by matplotlib as inline SVG.

matplotlib runs on its Agg backend (no display) and is imported only when a chart is drawn.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

# matplotlib writes an id on each SVG element; several charts on one page must not share them.
_SVG_START = regex.compile(r"^.*?(?=<svg)", regex.DOTALL)


@dataclass(frozen=True)
class Series:
    """One line of a chart: a label and its (year, score) points."""

    label: str
    points: tuple[tuple[int, float], ...]
    dashed: bool = False


def chart_svg(title: str, series: Sequence[Series], chart_id: str) -> str:
    """An SVG line chart of ``series`` (score by year), without the XML prologue, ids prefixed
    with ``chart_id`` so charts can share a page."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # A "$" in a printed name must not start matplotlib's math notation: text stays text.
    with matplotlib.rc_context({"svg.hashsalt": chart_id, "svg.fonttype": "none", "text.parse_math": False}):
        return _draw(plt, title, series)


def _draw(plt: Any, title: str, series: Sequence[Series]) -> str:
    figure, axes = plt.subplots(figsize=(6.4, 3.2), dpi=72)
    try:
        for line in series:
            years, scores = zip(*sorted(line.points), strict=True)
            axes.plot(years, scores, marker="o", linestyle="--" if line.dashed else "-", label=line.label)
        axes.set_title(title, fontsize=10)
        axes.set_xlabel("evaluation year")
        axes.set_ylabel("score")
        axes.set_xticks(sorted({year for line in series for year, _ in line.points}))
        axes.grid(alpha=0.3)
        axes.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    finally:
        plt.close(figure)
    return _SVG_START.sub("", buffer.getvalue(), count=1)
