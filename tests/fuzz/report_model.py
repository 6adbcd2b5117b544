"""A report's content, drawn from a seed: what it says, independent of how it is laid out.

Every number and item the report prints is here, so the expected facts (score.py) and the layout
(layout.py) come from one place. Planted inconsistencies change a printed number on purpose and
name the finding the validator should raise.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.fuzz import data


@dataclass(frozen=True)
class Question:
    area: int
    position: int
    text: str
    max_points: float
    points: float


@dataclass(frozen=True)
class Area:
    number: int
    name: str
    questions: tuple[Question, ...]
    claimed_score: float
    claimed_change: float | None  # the change the prose claims against the previous evaluation


@dataclass(frozen=True)
class Planted:
    """An inconsistency put into the report on purpose, and the finding that should follow."""

    rule: str
    area: int | None
    note: str


@dataclass
class ReportContent:
    seed: int
    edition: str
    municipality: str
    code: str
    kind: str  # "kommun" or "stad"
    year: int
    visit: str  # as printed ("19-21 september 2007")
    report_date: str
    evaluators: tuple[tuple[str, str], ...]
    areas: tuple[Area, ...]
    years: tuple[int, ...]  # own evaluation years of the summary table, oldest first
    summary: dict[int, dict[int, float]]  # year -> area -> printed total
    totals: dict[int, float]  # year -> printed TOTALT
    average_label: str | None
    averages: dict[int, float]  # area (0 = total) -> average of other municipalities
    changes: dict[int, int]  # area (0 = total) -> printed change in % (last two own years)
    strengths: dict[int, tuple[str, ...]]
    improvements: dict[int, tuple[str, ...]]
    kortfakta: tuple[tuple[str, str], ...]
    seats: dict[int, tuple[int, ...]]  # election year -> seats per party
    evaluated: tuple[tuple[str, tuple[int, ...]], ...]
    network: tuple[str, ...]  # other municipalities named in the prose
    planted: list[Planted] = field(default_factory=list)

    @property
    def area_names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.areas)

    def edition_id(self) -> str:
        if self.edition == "2002":
            return "kk2002" if self.year <= 2006 else "kk2002-rev2007"
        return "kk" + self.edition


def _half(rng: random.Random, value: float, top: float) -> float:
    """Own points: mostly whole, sometimes half points (as in Umeå 2007: 7,5, 22,5)."""
    points = max(0.0, min(top, round(value)))
    if rng.random() < 0.2 and 0 < points < top:
        points -= 0.5
    return points


def _maxima(rng: random.Random) -> list[int]:
    """Max points of an area's sub-areas: multiples of 10 summing to 100."""
    parts = rng.choice(
        (
            (40, 30, 30),
            (30, 30, 20, 20),
            (20, 20, 20, 20, 20),
            (30, 20, 20, 20, 10),
            (40, 20, 20, 20),
            (20, 20, 20, 20, 10, 10),
        )
    )
    order = list(parts)
    rng.shuffle(order)
    return order


def _questions(rng: random.Random, edition: str, area: int, level: float) -> tuple[Question, ...]:
    if edition == "2002":
        spec = [(text, float(top)) for text, top in data.QUESTIONS_2002[area - 1]]
    else:
        words = rng.sample(data.SUB_AREA_WORDS, 6)
        spec = [(words[i], float(top)) for i, top in enumerate(_maxima(rng))]
    return tuple(
        Question(area, i + 1, text, top, _half(rng, top * min(1.0, max(0.1, rng.gauss(level, 0.15))), top))
        for i, (text, top) in enumerate(spec)
    )


def _visit(rng: random.Random, year: int) -> tuple[str, str]:
    month = rng.randint(1, 11)
    day = rng.randint(1, 25)
    style = rng.randrange(3)
    if style == 0:
        visit = f"{day}-{day + 2} {data.MONTHS[month - 1]} {year}"
    elif style == 1:
        visit = f"{year}-{month:02d}-{day:02d}--{day + 2:02d}"
    else:
        visit = f"{data.MONTHS[month - 1]} {year}"
    report_date = f"{year if month < 11 else year + 1}-{(month % 12) + 1:02d}-{rng.randint(1, 28):02d}"
    return visit, report_date


def _listed_years(rng: random.Random, year: int) -> tuple[int, ...]:
    years = range(2002, year)
    return tuple(sorted(rng.sample(years, min(len(years), rng.randint(1, 2)))))


def draw_content(seed: int, edition: str, rng: random.Random) -> ReportContent:
    """The report's content for `edition`, drawn from `rng`."""
    name, code = rng.choice(data.MUNICIPALITIES)
    kind = "stad" if rng.random() < 0.15 else "kommun"
    first, last = data.EDITION_YEARS[edition]
    year = rng.randint(first, last)
    visit, report_date = _visit(rng, year)
    gap = 2 if edition == "2002" else 3
    n_earlier = rng.choice((0, 1, 2)) if edition == "2002" else rng.choice((0, 1))
    years = (*tuple(year - gap * k for k in range(n_earlier, 0, -1)), year)
    level = rng.uniform(0.45, 0.8)
    areas = []
    for number in range(1, 9):
        variants = data.AREA_NAMES[edition][number - 1]
        printed = variants[0] if rng.random() < 0.7 else rng.choice(variants)
        questions = _questions(rng, edition, number, level)
        areas.append(Area(number, printed, questions, 0.0, None))
    summary: dict[int, dict[int, float]] = {}
    for y in years[:-1]:
        summary[y] = {
            a: float(rng.randint(30, 90)) if edition != "2002" else float(rng.randint(60, 180)) / 2
            for a in range(1, 9)
        }
    summary[year] = {a.number: sum(q.points for q in a.questions) for a in areas}
    totals = {y: sum(v.values()) for y, v in summary.items()}
    others = [m for m in data.MUNICIPALITIES if m[0] != name]
    picks = rng.sample(others, 12)
    content = ReportContent(
        seed=seed,
        edition=edition,
        municipality=name,
        code=code,
        kind=kind,
        year=year,
        visit=visit,
        report_date=report_date,
        evaluators=(
            (rng.choice(data.EVALUATORS), data.SKL[edition]),
            (rng.choice(data.EVALUATORS[3:]), f"{picks[0][0]} kommun"),
        ),
        areas=tuple(areas),
        years=years,
        summary=summary,
        totals=totals,
        average_label=rng.choice(data.AVERAGE_LABELS[edition])
        if edition != "2002" and rng.random() < 0.7
        else None,
        averages={},
        changes={},
        strengths={a: tuple(rng.sample(data.STRENGTHS, rng.randint(2, 4))) for a in range(1, 9)},
        improvements={a: tuple(rng.sample(data.IMPROVEMENTS, rng.randint(1, 3))) for a in range(1, 9)},
        kortfakta=(
            ("Antal invånare", f"{rng.randint(9, 140)} {rng.randint(100, 999)}"),
            ("Yta (km²)", str(rng.randint(90, 4000))),
            ("Antal anställda", str(rng.randint(60, 99) * 100)),
            ("Skattesats (%)", f"{rng.randint(20, 23)},{rng.randint(1, 9)}"),
            ("Antal nämnder", str(rng.randint(6, 19))),
        ),
        seats={
            y: tuple(rng.randint(1, 20) for _ in data.PARTIES)
            for y in (year - 4 - year % 4 + 2, year - year % 4 + 2)
        },
        evaluated=tuple((m, _listed_years(rng, year)) for m, _ in picks[1:9]),
        network=tuple(m for m, _ in picks[9:12]),
    )
    if content.average_label:
        content.averages = {a: float(rng.randint(45, 75)) for a in range(1, 9)}
        content.averages[0] = sum(content.averages.values())
    _claims(content, rng)
    _plant(content, rng)
    if len(years) > 1 and edition != "2002" and rng.random() < 0.7:
        before, now = summary[years[-2]], summary[year]
        content.changes = {a: round((now[a] - before[a]) / before[a] * 100) for a in range(1, 9)}
        content.changes[0] = round((content.totals[year] - totals[years[-2]]) / totals[years[-2]] * 100)
    return content


def _claims(content: ReportContent, rng: random.Random) -> None:
    previous = content.years[-2] if len(content.years) > 1 else None
    areas = []
    for area in content.areas:
        score = content.summary[content.year][area.number]
        change = score - content.summary[previous][area.number] if previous else None
        areas.append(Area(area.number, area.name, area.questions, score, change))
    content.areas = tuple(areas)


def _plant(content: ReportContent, rng: random.Random) -> None:
    """At most one inconsistency per kind, each with the finding it should give."""
    if rng.random() < 0.4:
        shifted = rng.randint(1, 8)
        content.summary[content.year][shifted] += rng.choice((-3.0, -2.0, 2.0, 4.0))
        content.totals[content.year] = sum(content.summary[content.year].values())
        content.planted.append(Planted("area_sum_mismatch", shifted, "summary total differs from sub-areas"))
    if rng.random() < 0.3:
        content.totals[content.year] += rng.choice((-10.0, 7.0, 12.0))
        content.planted.append(Planted("total_mismatch", None, "TOTALT differs from the sum of the areas"))
    if rng.random() < 0.3:
        number = rng.randint(1, 8)
        area = content.areas[number - 1]
        claimed = area.claimed_score + rng.choice((-5.0, 3.0, 6.0))
        changed = Area(area.number, area.name, area.questions, claimed, area.claimed_change)
        content.areas = (*content.areas[: number - 1], changed, *content.areas[number:])
        content.planted.append(Planted("narrative_score_mismatch", number, "prose claims another score"))
    if rng.random() < 0.25:
        number = rng.randint(1, 8)
        area = content.areas[number - 1]
        q = area.questions[0]
        over = Question(q.area, q.position, q.text, q.max_points, q.max_points + 5)
        raised = Area(
            area.number, area.name, (over, *area.questions[1:]), area.claimed_score, area.claimed_change
        )
        content.areas = (*content.areas[: number - 1], raised, *content.areas[number:])
        content.planted.append(Planted("score_exceeds_max", number, "own points above the max"))
    # The claims follow the table as printed unless a claim was planted to differ.
    claimed_rules = {p.area for p in content.planted if p.rule == "narrative_score_mismatch"}
    previous = content.years[-2] if len(content.years) > 1 else None
    fixed = []
    for area in content.areas:
        table = content.summary[content.year][area.number]
        score = area.claimed_score if area.number in claimed_rules else table
        change = table - content.summary[previous][area.number] if previous else None
        fixed.append(Area(area.number, area.name, area.questions, score, change))
    content.areas = tuple(fixed)
