"""Per-municipality charts of area scores by evaluation year, written as inline SVG.

The SVG is written here, element by element: a chart is a handful of lines, markers and labels,
and drawing it with a plotting library cost more than the rest of a one-report run's report
(importing matplotlib's pyplot alone took half a second of CPU). Every text (a title holds a
municipality's name as a report prints it) is escaped; the SVG carries no ids, so several charts
can share a page.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import escape

# Each line of a chart its own colour, and its own marker, so that no two lines are told apart by
# colour alone: twenty colours (tab20's strong shades first, then its light ones) and ten markers.
COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7",
    "#dbdb8d", "#9edae5",
)  # fmt: skip
# circle, square, triangles up and down, diamond, filled plus and cross, star, triangles left and right
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")
# A printed average: dashed, with the dash pattern varying too, so two averages differ in it.
DASHES = ("5 2", "2 2", "6 2 1 2", "8 3")

WIDTH, HEIGHT = 640, 320  # the chart, in CSS pixels
FONT = "sans-serif"
TITLE_SIZE, LABEL_SIZE, LEGEND_SIZE = 13, 11, 10
# Room around the plot: the title above, tick labels and axis titles left and below.
TOP, LEFT, BOTTOM, RIGHT = 28, 58, 44, 12
LEGEND_ROW, LEGEND_SAMPLE = 14, 26  # a legend line's height, and its sample of the line
MARKER_RADIUS = 3.5
# Average width of a sans-serif glyph, in ems: how wide the legend's labels are taken to be.
GLYPH_EMS = 0.5
MAX_LEGEND_SHARE = 0.45  # the legend takes at most this share of the width; longer labels are cut


@dataclass(frozen=True)
class Series:
    """One line of a chart: a label and its (year, score) points."""

    label: str
    points: tuple[tuple[int, float], ...]
    dashed: bool = False


def line_style(number: int, dashed: bool) -> dict[str, str | None]:
    """The colour, marker and dash pattern (None: solid) of a chart's ``number``-th line (from 0);
    past twenty lines a colour comes back, but with another marker."""
    return {
        "color": COLOURS[number % len(COLOURS)],
        "marker": MARKERS[number % len(MARKERS)],
        "dasharray": DASHES[number % len(DASHES)] if dashed else None,
    }


@dataclass(frozen=True)
class _Frame:
    """Where the plot sits in the chart and how years and scores map onto it."""

    left: float
    top: float
    right: float
    bottom: float
    years: tuple[float, float]
    scores: tuple[float, float]

    def x(self, year: float) -> float:
        low, high = self.years
        return self.left + (year - low) / (high - low) * (self.right - self.left)

    def y(self, score: float) -> float:
        low, high = self.scores
        return self.bottom - (score - low) / (high - low) * (self.bottom - self.top)


def chart_svg(title: str, series: Sequence[Series]) -> str:
    """An SVG line chart of ``series`` (score by year) titled ``title``, to be placed in a page."""
    years = sorted({year for line in series for year, _ in line.points})
    scores = [score for line in series for _, score in line.points]
    ticks = _score_ticks(min(scores, default=0.0), max(scores, default=1.0))
    labels = [_fit(line.label) for line in series]
    legend_width = max((_text_width(label, LEGEND_SIZE) for label in labels), default=0.0)
    legend_width = legend_width + LEGEND_SAMPLE + 14 if labels else 0.0
    frame = _Frame(
        LEFT, TOP, WIDTH - RIGHT - legend_width, HEIGHT - BOTTOM,
        _year_range(years), (ticks[0], ticks[-1]),
    )  # fmt: skip
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        *_axes(frame, years, ticks),
        *(
            part
            for number, line in enumerate(series)
            for part in _line(frame, sorted(line.points), line_style(number, line.dashed))
        ),
        *_legend(frame, labels, [line_style(n, line.dashed) for n, line in enumerate(series)]),
        _text(WIDTH / 2 - legend_width / 2, TOP - 10, title, TITLE_SIZE, "middle"),
        "</svg>",
    ]
    return "\n".join(parts)


def _axes(frame: _Frame, years: list[int], ticks: list[float]) -> Iterator[str]:
    """The grid, the frame, the ticks with their labels, and the axis titles."""
    grid = 'stroke="#b0b0b0" stroke-opacity="0.3" stroke-width="0.8"'
    for year in years:
        x = frame.x(year)
        yield f'<line x1="{x:.1f}" y1="{frame.top:.1f}" x2="{x:.1f}" y2="{frame.bottom + 4:.1f}" {grid}/>'
        yield _text(x, frame.bottom + 16, str(year), LABEL_SIZE, "middle")
    for score in ticks:
        y = frame.y(score)
        yield f'<line x1="{frame.left - 4:.1f}" y1="{y:.1f}" x2="{frame.right:.1f}" y2="{y:.1f}" {grid}/>'
        yield _text(frame.left - 7, y + 4, _tick_label(score), LABEL_SIZE, "end")
    width, height = frame.right - frame.left, frame.bottom - frame.top
    yield (
        f'<rect x="{frame.left:.1f}" y="{frame.top:.1f}" width="{width:.1f}" height="{height:.1f}" '
        'fill="none" stroke="#000000" stroke-width="0.8"/>'
    )
    yield _text((frame.left + frame.right) / 2, HEIGHT - 8, "evaluation year", LABEL_SIZE, "middle")
    middle = (frame.top + frame.bottom) / 2
    yield _text(14, middle, "score", LABEL_SIZE, "middle", f' transform="rotate(-90 14 {middle:.1f})"')


def _line(frame: _Frame, points: list[tuple[int, float]], style: dict[str, str | None]) -> Iterator[str]:
    """One series: its line through the points and a marker on each."""
    colour, dashes = style["color"], style["dasharray"]
    dashed = f' stroke-dasharray="{dashes}"' if dashes else ""
    coordinates = " ".join(f"{frame.x(year):.1f},{frame.y(score):.1f}" for year, score in points)
    yield f'<polyline points="{coordinates}" fill="none" stroke="{colour}" stroke-width="1.5"{dashed}/>'
    for year, score in points:
        yield _marker(str(style["marker"]), frame.x(year), frame.y(score), str(colour))


def _legend(frame: _Frame, labels: list[str], styles: list[dict[str, str | None]]) -> Iterator[str]:
    """A line per series right of the plot: a sample of its line and marker, then its label."""
    left = frame.right + 12
    top = (frame.top + frame.bottom) / 2 - LEGEND_ROW * len(labels) / 2 + LEGEND_ROW / 2
    for row, (label, style) in enumerate(zip(labels, styles, strict=True)):
        y = top + row * LEGEND_ROW
        dashed = f' stroke-dasharray="{style["dasharray"]}"' if style["dasharray"] else ""
        yield (
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{left + LEGEND_SAMPLE - 6:.1f}" y2="{y:.1f}" '
            f'stroke="{style["color"]}" stroke-width="1.5"{dashed}/>'
        )
        yield _marker(str(style["marker"]), left + (LEGEND_SAMPLE - 6) / 2, y, str(style["color"]))
        yield _text(left + LEGEND_SAMPLE, y + 3.5, label, LEGEND_SIZE, "start")


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    paint = f'fill="{colour}" stroke="{colour}" stroke-width="0.5"'
    if kind == "o":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{MARKER_RADIUS}" {paint}/>'
    corners = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in _outline(kind, MARKER_RADIUS))
    return f'<polygon points="{corners}" {paint}/>'


def _outline(kind: str, r: float) -> list[tuple[float, float]]:
    """The corners of a marker's outline around its centre (y grows downwards)."""
    if kind == "s":
        s = r * 0.85
        return [(-s, -s), (s, -s), (s, s), (-s, s)]
    turns = {"^": 0, ">": 90, "v": 180, "<": 270}
    if kind in turns:
        return [_turned(dx, dy, turns[kind]) for dx, dy in ((0, -r), (r, r * 0.8), (-r, r * 0.8))]
    if kind == "D":
        return [(0, -r), (r * 0.75, 0), (0, r), (-r * 0.75, 0)]
    if kind in "PX":
        t = r / 3  # half the arm's width
        plus = [(-t, -r), (t, -r), (t, -t), (r, -t), (r, t), (t, t), (t, r), (-t, r), (-t, t), (-r, t),
                (-r, -t), (-t, -t)]  # fmt: skip
        return plus if kind == "P" else [_turned(dx, dy, 45) for dx, dy in plus]
    # a five-pointed star
    return [
        _turned(0, -(r * 1.2 if point % 2 == 0 else r * 0.5), point * 36) for point in range(10)
    ]


def _turned(dx: float, dy: float, degrees: float) -> tuple[float, float]:
    angle = math.radians(degrees)
    return (dx * math.cos(angle) - dy * math.sin(angle), dx * math.sin(angle) + dy * math.cos(angle))


def _text(x: float, y: float, text: str, size: int, anchor: str, extra: str = "") -> str:
    # Text from a document (a municipality's name, an area's name) is escaped: the SVG goes into
    # the page as markup.
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" text-anchor="{anchor}"'
        f"{extra}>{escape(text, quote=False)}</text>"
    )


def _text_width(text: str, size: int) -> float:
    return len(text) * size * GLYPH_EMS


def _fit(label: str) -> str:
    """A legend label cut to fit the legend's share of the chart."""
    room = int(WIDTH * MAX_LEGEND_SHARE / (LEGEND_SIZE * GLYPH_EMS))
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"


def _year_range(years: list[int]) -> tuple[float, float]:
    """The years shown: those of the points with a margin on each side (a lone year in the middle)."""
    if not years:
        return (0.0, 1.0)
    low, high = years[0], years[-1]
    margin = (high - low) * 0.05 if high > low else 1.0
    return (low - margin, high + margin)


def _score_ticks(low: float, high: float) -> list[float]:
    """Round scores from at or below ``low`` to at or above ``high``, at most about six."""
    if high <= low:
        low, high = low - 1, high + 1
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(n * step, 10) for n in range(first, last + 1)]


def _tick_label(score: float) -> str:
    return f"{score:g}"
