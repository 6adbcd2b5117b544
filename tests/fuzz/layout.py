"""Lay a report's content out as blocks, as its traits say: the one place deciding what is printed where."""

from __future__ import annotations

import random

from tests.fuzz import data
from tests.fuzz.blocks import Block, Bullets, Columns, Heading, PageBreak, Para, Table, Title, Toc
from tests.fuzz.report_model import Area, ReportContent

SUPERSCRIPT_ONE = "¹"


def number(value: float) -> str:
    """A number as a Swedish report prints it: 7,5 and 73."""
    if value == int(value):
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def signed_percent(value: int) -> str:
    return f"{'+' if value > 0 else ''}{value} %" if value else "0 %"


def question_id(area: int, position: int, style: str) -> str:
    return {"1.1": f"{area}.{position}", "1:1": f"{area}:{position}", "1.1.": f"{area}.{position}."}[style]


def area_heading(area: Area, style: str) -> str:
    n, name = area.number, area.name
    return {
        "Område N Namn": f"Område {n} {name}",
        "N. Namn": f"{n}. {name}",
        "N Namn": f"{n} {name}",
        "Huvudområde N: Namn": f"Huvudområde {n}: {name}",
        "3.N Namn": f"3.{n} {name}",
    }[style]


def _place(content: ReportContent) -> str:
    return f"{content.municipality} {content.kind}"


def _table(traits: dict[str, str], **kwargs: object) -> Table:
    table = Table(**kwargs)  # type: ignore[arg-type]
    table.ruled = traits["rules"]
    table.header_align = traits["header_align"]
    table.number_align = traits["number_align"]
    if table.caption is not None and traits["caption"] == "none":
        table.caption = None
    table.caption_below = traits["caption"] == "below"
    return table


def title_page(content: ReportContent, rng: random.Random) -> list[Block]:
    place = _place(content)
    people = [f"{name}, {org}" for name, org in content.evaluators]
    lines: tuple[str, ...]
    if content.edition == "2002":
        lines = (
            f"{data.SKL['2002']}    {content.report_date}    1 (12)",
            "Kommunkompassen",
            f"Analys av {place}",
            content.visit,
        )
    else:
        lines = (
            "KommunKompassen",
            "ANALYS AV",
            place.upper(),
            str(content.year),
            ("Utvärderare: " if rng.random() < 0.5 else "") + people[0],
            content.report_date,
        )
        people = people[1:]
    return [Title(lines), *[Para(p) for p in people]]


def contents(content: ReportContent, traits: dict[str, str]) -> list[Block]:
    if traits["toc"] == "none":
        return []
    chapters = [
        ("1 Vad är Kommunkompassen?", 2),
        (f"2 {content.municipality} {content.kind} i förhållande till Kommunkompassen", 3),
        ("3 Detaljerad genomgång i förhållande till Kommunkompassens åtta områden", 4),
    ]
    chapters += [(f"Område {a.number} {a.name}", 4 + a.number // 2) for a in content.areas]
    last = "4 Poängsammanställning" if content.edition == "2002" else "4 Översikt av poängfördelning"
    chapters.append((last, 9))
    if content.edition != "2002":
        chapters.append((f"5 Kortfakta om {content.municipality} {content.kind}", 11))
    return [Heading(2, "Innehåll"), Toc(tuple(chapters), traits["toc"] == "dotted"), PageBreak()]


def summary_table(content: ReportContent, traits: dict[str, str]) -> list[Block]:
    years = content.years
    own = [str(y) if content.edition == "2002" else f"{content.municipality} {y}" for y in years]
    labels = own[:]
    with_max = traits["summary_max"] == "yes"
    if with_max:
        labels.insert(0, "Max")
    if content.changes:
        labels.append("Ändring")
    if content.average_label:
        labels.append(content.average_label)
    marked = {2, 5} if traits["footnotes"] == "yes" else set()
    rows = []
    for area in content.areas:
        cells = [f"{area.number} {area.name}"]
        if with_max:
            cells.append("100")
        for y in years:
            value = number(content.summary[y][area.number])
            cells.append(value + (SUPERSCRIPT_ONE if area.number in marked and y == years[-1] else ""))
        if content.changes:
            cells.append(signed_percent(content.changes[area.number]))
        if content.average_label:
            cells.append(number(content.averages[area.number]))
        rows.append(cells)
    total = ["TOTALT"] + (["800"] if with_max else []) + [number(content.totals[y]) for y in years]
    if content.changes:
        total.append(signed_percent(content.changes[0]))
    if content.average_label:
        total.append(number(content.averages[0]))
    rows.append(total)
    header: list[list[str | None]] = [["Huvudområde", *labels]]
    if traits["header_rows"] == "two-merged" and len(years) > 1:
        first = 2 if with_max else 1
        upper: list[str | None] = ["", *([""] if with_max else []), "Poäng", *[None] * (len(years) - 1)]
        upper += [""] * (len(labels) - len(years) - (1 if with_max else 0))
        header = [upper, ["Huvudområde", *labels[: first - 1], *labels[first - 1 :]]]
    years_said = ", ".join(str(y) for y in years[:-1]) + (" och " if len(years) > 1 else "") + str(years[-1])
    caption = f"Tabell 2 {content.municipality} {content.kind}s poäng {years_said}"
    table = _table(
        traits, header=header, rows=rows, kind="summary", caption=caption, strong_rows={len(rows) - 1}
    )
    if marked:
        table.footnote = f"{SUPERSCRIPT_ONE} Poängen har räknats om efter revisionen av verktyget."
    heading = "Sammanfattning av poäng" if content.edition == "2002" else "Sammanfattning av resultat"
    return [
        Heading(3, heading),
        Para(f"I tabell 2 redovisas resultaten per huvudområde för {years_said}."),
        table,
    ]


def _ordered(traits: dict[str, str], max_cell: str, own_cell: str) -> list[str]:
    """The two value columns in the trait's order: "Egna poäng" may come before "Max"."""
    return [max_cell, own_cell] if traits["score_columns"] == "max-own" else [own_cell, max_cell]


def _score_header(traits: dict[str, str], corner: str, id_col: bool) -> list[list[str | None]]:
    lead = ["Nr"] if id_col else []
    if traits["header_rows"] == "two-merged":
        return [
            [*([""] if id_col else []), "", "Poäng", None],
            [*lead, corner, *_ordered(traits, "Max", "Egna")],
        ]
    own = "Egna poäng" if traits["corner"] == "label" else "Poäng"
    return [[*lead, corner, *_ordered(traits, "Maxpoäng", own)]]


def _question_rows(area: Area, traits: dict[str, str], id_col: bool) -> list[list[str]]:
    rows = []
    for q in area.questions:
        qid = question_id(area.number, q.position, traits["id_style"])
        label = [qid, q.text] if id_col else [f"{qid} {q.text}"]
        rows.append([*label, *_ordered(traits, number(q.max_points), number(q.points))])
    return rows


def _summa_row(content: ReportContent, traits: dict[str, str], area: int, id_col: bool) -> list[str]:
    """An area's Summa row: 100 max points and the area's total of the report year."""
    total = number(content.summary[content.year][area])
    return [*([""] if id_col else []), "Summa", *_ordered(traits, "100", total)]


def score_tables(content: ReportContent, traits: dict[str, str]) -> list[Block]:
    """The detailed score table: one table with an area row before each area's rows, or one per area."""
    id_col = content.edition != "2002"
    width = 4 if id_col else 3
    tables: list[Table] = []
    if traits["score_layout"] == "one-table":
        rows: list[list[str]] = []
        groups, strong = set(), set()
        for area in content.areas:
            groups.add(len(rows))
            rows.append([f"{area.number} {area.name}"] + [""] * (width - 1))
            rows += _question_rows(area, traits, id_col)
            if traits["subtotals"] == "yes":
                strong.add(len(rows))
                rows.append(_summa_row(content, traits, area.number, id_col))
        corner = "Delfråga" if content.edition == "2002" else "Delområde"
        tables.append(
            _table(
                traits,
                header=_score_header(traits, corner, id_col),
                rows=rows,
                kind="score",
                caption="Tabell 3 Redovisning av poäng per huvudområde och delfråga",
                group_rows=groups,
                strong_rows=strong,
            )
        )
    else:
        for area in content.areas:
            corner = f"{area.number} {area.name}" if traits["corner"] == "area-name" else "Delområde"
            rows = _question_rows(area, traits, id_col)
            strong = set()
            if traits["subtotals"] == "yes":
                strong.add(len(rows))
                rows.append(_summa_row(content, traits, area.number, id_col))
            tables.append(
                _table(
                    traits,
                    header=_score_header(traits, corner, id_col),
                    rows=rows,
                    kind="score",
                    caption=f"Tabell {2 + area.number} Poäng inom område {area.number}",
                    strong_rows=strong,
                )
            )
    return _break_tables(tables, traits)


def _break_tables(tables: list[Table], traits: dict[str, str]) -> list[Block]:
    """A score table that continues on the next page, with its header repeated or not."""
    blocks: list[Block] = []
    target = len(tables) // 2 if len(tables) > 1 else 0
    for i, table in enumerate(tables):
        table.landscape = traits["landscape_tables"] == "yes"
        if i != target or traits["table_break"] == "none" or len(table.rows) < 3:
            blocks.append(table)
            continue
        cut = len(table.rows) // 2
        while cut in table.group_rows or cut - 1 in table.group_rows:
            cut += 1
        first = Table(
            **{
                **table.__dict__,
                "rows": table.rows[:cut],
                "footnote": None,
                "group_rows": {r for r in table.group_rows if r < cut},
                "strong_rows": {r for r in table.strong_rows if r < cut},
            }
        )
        header = table.header if traits["table_break"] == "repeat-header" else []
        second = Table(
            **{
                **table.__dict__,
                "header": header,
                "rows": table.rows[cut:],
                "caption": None,
                "group_rows": {r - cut for r in table.group_rows if r >= cut},
                "strong_rows": {r - cut for r in table.strong_rows if r >= cut},
            }
        )
        blocks += [first, PageBreak(), second]
    return blocks


def after_tables(content: ReportContent, traits: dict[str, str]) -> list[Block]:
    """A facts table or the party seats, printed right after the last score table."""
    if traits["after_last_table"] == "kortfakta":
        rows = [[label, value] for label, value in content.kortfakta]
        return [
            _table(
                traits,
                header=[["Kortfakta", f"{content.year}"]],
                rows=rows,
                kind="facts",
                caption=f"Kortfakta om {content.municipality} {content.kind}",
            )
        ]
    if traits["after_last_table"] == "party-seats":
        rows = [[str(y), *[str(s) for s in seats]] for y, seats in content.seats.items()]
        return [
            _table(
                traits,
                header=[["", *data.PARTIES]],
                rows=rows,
                kind="seats",
                caption="Mandatfördelning i kommunfullmäktige",
            )
        ]
    return []


def evaluated_list(content: ReportContent, traits: dict[str, str]) -> list[Block]:
    lead = (
        "Följande svenska kommuner och stadsdelar har utvärderats med Kommunkompassen"
        f" förutom {content.municipality} {content.kind}:"
    )
    entries = [f"{name} ({', '.join(str(y) for y in years)})" for name, years in content.evaluated]
    style = traits["evaluated_list"]
    intro = Para(
        "Sveriges Kommuner och Landsting har använt Kommunkompassen som utvärderingsinstrument sedan 2002."
    )
    if style == "prose":
        return [intro, Para(lead + " " + ", ".join(entries[:-1]) + " och " + entries[-1] + ".")]
    if style == "bullets":
        return [
            intro,
            Para(lead),
            Bullets(tuple(entries), "-" if traits["glyph"] == "1." else traits["glyph"]),
        ]
    rows = [[name, ", ".join(str(y) for y in years)] for name, years in content.evaluated]
    return [intro, Para(lead), _table(traits, header=[["Kommun", "År"]], rows=rows, kind="evaluated")]


def area_section(
    content: ReportContent, area: Area, traits: dict[str, str], rng: random.Random
) -> list[Block]:
    blocks: list[Block] = [Heading(2, area_heading(area, traits["area_heading"]))]
    if content.edition == "2002":
        qs = [f"{question_id(area.number, q.position, traits['id_style'])} {q.text}" for q in area.questions]
        blocks.append(Bullets(tuple(qs), "-"))
    else:
        blocks.append(Heading(3, "Allmänt"))
    claim = f"Inom området {area.name.lower()} uppnår kommunen {number(area.claimed_score)} poäng."
    if area.claimed_change is not None:
        change = area.claimed_change
        earlier = content.years[-2]
        if change > 0:
            claim += f" En förbättring med {number(change)} poäng i förhållande till utvärderingen {earlier}."
        elif change < 0:
            claim += f" En försämring med {number(-change)} poäng i förhållande till utvärderingen {earlier}."
        else:
            claim += f" Ett likvärdigt resultat i jämförelse med {earlier} års utvärdering."
    blocks.append(
        Para(
            f"Området beskriver hur {content.municipality} {content.kind} arbetar med {area.name.lower()}. "
            "Utvärderarna har tagit del av dokument, hemsidan och intervjuer med politiker och tjänstemän. "
            + claim
        )
    )
    if area.number == 3:
        others = content.network
        blocks.append(
            Para(
                f"Kommunen jämför sina resultat i ett nätverk med {others[0]}, {others[1]} och "
                f"{others[2]}, och jämförelserna används i budgetarbetet."
            )
        )
    if content.edition != "2002":
        blocks.append(Heading(3, f"Sammanfattning {area.name.lower()}"))
    glyph = traits["glyph"]
    blocks += [
        Heading(4, rng.choice(data.STRENGTH_HEADINGS)),
        Bullets(content.strengths[area.number], glyph),
        Heading(4, rng.choice(data.IMPROVEMENT_HEADINGS)),
        Bullets(content.improvements[area.number], glyph),
    ]
    return blocks


def running_text(traits: dict[str, str], content: ReportContent) -> tuple[str | None, str | None]:
    """The running header and footer lines the engines put on every page."""
    header = (
        f"{data.SKL[content.edition]}    {content.report_date}"
        if traits["running"] in ("header", "both")
        else None
    )
    footer = (
        f"Kommunkompassen {content.municipality} {content.year}"
        if traits["running"] in ("footer", "both")
        else None
    )
    return header, footer


def lay_out(content: ReportContent, traits: dict[str, str], rng: random.Random) -> list[Block]:
    """The whole report as blocks."""
    place = f"{content.municipality} {content.kind}"
    blocks: list[Block] = title_page(content, rng)
    blocks += contents(content, traits)
    blocks += [
        Heading(1, "1 Vad är Kommunkompassen?"),
        Para(
            "Kommunkompassen är ett verktyg för utvärdering och analys av kommuners sätt att arbeta. "
            "Bedömningarna görs med utgångspunkt från åtta huvudområden. Varje huvudområde består av "
            "flera delområden inom vilka ett antal frågor belyses."
        ),
        Heading(1, f"2 {place} i förhållande till Kommunkompassen: En sammanfattande genomgång"),
        Heading(3, "Utvärderingen"),
    ]
    earlier = content.years[:-1]
    history = (
        (
            f"Utvärderingen är kommunens {len(content.years)}:e och bygger på utvärderingarna "
            + " och ".join(str(y) for y in earlier)
            + "."
        )
        if earlier
        else "Det är kommunens första utvärdering."
    )
    blocks.append(Para(f"Utvärderingen av {place} genomfördes {content.visit}. {history}"))
    blocks += summary_table(content, traits)
    two = traits["prose_columns"] == "two"
    blocks += [
        Columns(2) if two else PageBreak(),
        Heading(1, "3 Detaljerad genomgång i förhållande till Kommunkompassens åtta områden"),
    ]
    for area in content.areas:
        blocks += area_section(content, area, traits, rng)
    if two:
        blocks.append(Columns(1))
    last = "4 Poängsammanställning" if content.edition == "2002" else "4 Översikt av poängfördelning"
    blocks += [PageBreak(), Heading(1, last)]
    blocks += score_tables(content, traits)
    blocks += after_tables(content, traits)
    blocks += evaluated_list(content, traits)
    return blocks
