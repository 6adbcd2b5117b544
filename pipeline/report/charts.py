"""Per-municipality charts of area scores by evaluation year, drawn by matplotlib as inline SVG.

matplotlib runs on its Agg backend (no display) and is imported only when a chart is drawn.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

# Each line of a chart its own colour, and its own marker, so that no two lines are told apart by
# colour alone: twenty colours (tab20's strong shades first, then its light ones) and ten markers.
COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7",
    "#dbdb8d", "#9edae5",
)  # fmt: skip
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")
# A printed average: dashed, with the dash pattern varying too, so two averages differ in it.
DASHES = ((0, (5, 2)), (0, (2, 2)), (0, (6, 2, 1, 2)), (0, (8, 3)))


def line_style(number: int, dashed: bool) -> dict[str, Any]:
    """The colour, marker and line style of a chart's ``number``-th line (from 0); past twenty
    lines a colour comes back, but with another marker."""
    return {
        "color": COLOURS[number % len(COLOURS)],
        "marker": MARKERS[number % len(MARKERS)],
        "linestyle": DASHES[number % len(DASHES)] if dashed else "-",
    }


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
        for number, line in enumerate(series):
            years, scores = zip(*sorted(line.points), strict=True)
            axes.plot(years, scores, label=line.label, **line_style(number, line.dashed))
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
