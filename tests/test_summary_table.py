from __future__ import annotations

import pytest

from extractors.summary_table import extract_summary_table
from tests.conftest import doc_from

UMEA_TABLE = """Tabell 2 Umeå kommuns poäng 2003, 2005 och 2007

\t2003\t2005\t2007
1 Offentlighet och demokratisk kontroll\t56\t66\t73
2 Tillgänglighet/medborgar- och brukarorientering\t55\t69,5\t79,5
3 Tydlighet i samspelet mellan politiker och tjänstemän\t64,5\t80\t79
4 Ledning, decentralisering och delegering\t71,5\t82,5\t84,5
5 Kontroll och rapportering\t45\t71\t79
6 Personalpolitik\t68,5\t78\t78
7 Verksamhetsutveckling\t57\t71\t75
8 Kommun som samhällsbyggare\t80\t90\t98
TOTALT\t497\t608\t646
"""


def test_umea_summary_table(umea_doc) -> None:
    table = extract_summary_table(umea_doc)
    assert table.years == (2003, 2005, 2007)
    assert len(table.area_scores) == 24
    assert [(t.year, t.total, t.line) for t in table.year_totals] == [
        (2003, 497, 107), (2005, 608, 107), (2007, 646, 107)
    ]  # fmt: skip
    scores = {(s.area, s.year): s.score for s in table.area_scores}
    assert scores[(2, 2005)] == 69.5
    assert scores[(4, 2003)] == 71.5
    assert scores[(8, 2007)] == 98
    assert [h.printed_name for h in table.headings][7] == "Kommun som samhällsbyggare"


@pytest.mark.parametrize(
    ("row", "area", "values"),
    [
        ("1 Offentlighet och demokratisk kontroll\t56\t66\t73", 1, [56, 66, 73]),
        ("2 Tillgänglighet/medborgar- och brukarorientering\t55\t69,5\t79,5", 2, [55, 69.5, 79.5]),
        ("4. Ledning, decentralisering och delegering\t71,5\t82,5\t84,5", 4, [71.5, 82.5, 84.5]),
        ("6 Personalpolitik    68,5    78    78", 6, [68.5, 78, 78]),  # spaces instead of tabs
    ],
)
def test_area_rows(row: str, area: int, values: list[float]) -> None:
    table = extract_summary_table(doc_from(f"\t2003\t2005\t2007\n{row}\nTOTALT\t1\t2\t3"))
    assert [(s.area, s.score) for s in table.area_scores] == [(area, v) for v in values]


def test_single_year_table() -> None:
    text = "\t2009\n1 Offentlighet och demokratisk kontroll\t61\n5 Kontroll och rapportering\t70\nTotalt\t131"
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [(1, 2009, 61), (5, 2009, 70)]
    assert [(t.year, t.total) for t in table.year_totals] == [(2009, 131)]


def test_empty_cell_is_none_not_zero() -> None:
    text = "\t2003\t2005\n1 Offentlighet och demokratisk kontroll\t\t66\nTOTALT\t\t66"
    table = extract_summary_table(doc_from(text))
    assert [s.score for s in table.area_scores] == [None, 66]


def test_party_table_is_not_a_summary_table() -> None:
    text = "\tm\tc\tfp\n2002\t5\t7\t8\n2006\t9\t7\t5\n"
    assert extract_summary_table(doc_from(text)).area_scores == ()


def test_full_snippet_reads_like_the_report() -> None:
    table = extract_summary_table(doc_from(UMEA_TABLE))
    assert sum(s.score or 0 for s in table.area_scores if s.year == 2003) == 497.5


def test_rows_named_without_area_numbers() -> None:
    text = (
        "\t2005\t2007\n"
        "Offentlighet och demokratisk kontroll\t66\t73\n"
        "Tydlighet i samspelet politiker – tjänstemän\t80\t79\n"
        "Ekonomisk hushållning\t50\t60\n"
        "Totalt\t196\t212"
    )
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [
        (1, 2005, 66), (1, 2007, 73), (3, 2005, 80), (3, 2007, 79)
    ]  # fmt: skip
    assert [(h.area, h.printed_name) for h in table.headings][2] == (None, "Ekonomisk hushållning")


# Published 2010- and 2020-edition results (see docs/editions.md); the tables are
# laid out the way the municipalities' pages print them.
AREAS_2010 = (
    "Offentlighet och demokrati", "Tillgänglighet och brukarorientering", "Politisk styrning och kontroll",
    "Ledarskap, ansvar och delegation", "Resultat och effektivitet",
    "Kommunen som arbetsgivare, personalpolitik", "Verksamhetsutveckling", "Kommunen som samhällsbyggare",
)  # fmt: skip
AREAS_2020 = (
    "Offentlighet och demokrati", "Samhällsutveckling", "Styrning och kontroll", "Effektivitet",
    "Brukarens fokus", "Kvalitetsutveckling", "Arbetsliv", "Chefs- och ledarskap samt medarbetarskap",
)  # fmt: skip
KARLSKRONA_2011 = (48, 49, 62, 44, 46, 46, 49, 71)
KARLSKRONA_2014 = (69, 67, 65, 61, 53, 54, 73, 67)
KARLSKRONA_CHANGE = ("+44 %", "+37 %", "+5 %", "+39 %", "+15 %", "+17 %", "+49 %", "-6 %")
KARLSKRONA_AVERAGE = (50, 54, 67, 55, 56, 55, 51, 66)


def _rows(names: tuple[str, ...], *columns: tuple[object, ...], numbered: bool = False) -> str:
    lines = []
    for index, name in enumerate(names):
        label = f"{index + 1}. {name}" if numbered else name
        lines.append("\t".join([label, *(str(column[index]) for column in columns)]))
    return "\n".join(lines)


def _karlskrona(numbered: bool) -> str:
    header = "\tKarlskrona 2011\tKarlskrona 2014\tÄndring\t40 kommuner i genomsnitt"
    rows = _rows(AREAS_2010, KARLSKRONA_2011, KARLSKRONA_2014, KARLSKRONA_CHANGE, KARLSKRONA_AVERAGE,
                 numbered=numbered)  # fmt: skip
    return f"{header}\n{rows}\nTotalt\t415\t509\t+23 %\t455"


@pytest.mark.parametrize("numbered", [True, False])
def test_karlskrona_2011_2014_with_change_and_average(numbered: bool) -> None:
    table = extract_summary_table(doc_from(_karlskrona(numbered)))
    assert table.years == (2011, 2014)
    scores = {(s.area, s.year): s.score for s in table.area_scores}
    assert [scores[(a, 2011)] for a in range(1, 9)] == list(KARLSKRONA_2011)
    assert [scores[(a, 2014)] for a in range(1, 9)] == list(KARLSKRONA_2014)
    assert [(t.year, t.total) for t in table.year_totals] == [(2011, 415), (2014, 509)]
    changes = [
        (c.area, c.value, c.unit, c.from_year, c.to_year) for c in table.comparisons if c.kind == "change"
    ]
    assert changes[0] == (1, 44, "percent", 2011, 2014)
    assert changes[7] == (8, -6, "percent", 2011, 2014)
    assert changes[8] == (None, 23, "percent", 2011, 2014)
    averages = [(c.label, c.area, c.value, c.unit) for c in table.comparisons if c.kind == "average"]
    assert averages[0] == ("40 kommuner i genomsnitt", 1, 50, "points")
    assert averages[-1] == ("40 kommuner i genomsnitt", None, 455, "points")
    assert not table.unread_headers


def test_strangnas_2014_2016_with_national_mean() -> None:
    text = (
        "Huvudområde\tSträngnäs 2014\tSträngnäs 2016\tNationellt medelvärde\n"
        "1. Offentlighet och demokrati\t54\t63\t55\n"
        "2. Tillgänglighet och brukarorientering\t60\t70\t62\n"
        "Totalt\t437\t497\t476"
    )
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [
        (1, 2014, 54), (1, 2016, 63), (2, 2014, 60), (2, 2016, 70)
    ]  # fmt: skip
    assert [(c.kind, c.label, c.area, c.value) for c in table.comparisons] == [
        ("average", "Nationellt medelvärde", 1, 55), ("average", "Nationellt medelvärde", 2, 62),
        ("average", "Nationellt medelvärde", None, 476),
    ]  # fmt: skip


def test_kramfors_percentages() -> None:
    text = "Område\tResultat 2011\tResultat 2013\n" + _rows(
        AREAS_2010, ("51 %", "45 %", "62 %", "34 %", "52 %", "27 %", "39 %", "53 %"),
        ("58 %", "56 %", "73 %", "53 %", "58 %", "45 %", "44 %", "60 %"),
    )  # fmt: skip
    table = extract_summary_table(doc_from(text))
    assert [s.score for s in table.area_scores if s.year == 2011] == [51, 45, 62, 34, 52, 27, 39, 53]
    assert sum(s.score or 0 for s in table.area_scores if s.year == 2013) == 447


def test_vallentuna_2021_with_sverigesnitt() -> None:
    text = "Område\t2021\tSverigesnitt\n" + _rows(
        AREAS_2020, (73, 75, 80, 83, 86, 82, 86, 83), (63, 65, 73, 64, 61, 59, 68, 64)
    ) + "\nTotalt\t648\t"  # fmt: skip
    table = extract_summary_table(doc_from(text))
    assert [s.score for s in table.area_scores] == [73, 75, 80, 83, 86, 82, 86, 83]
    assert [c.value for c in table.comparisons] == [63, 65, 73, 64, 61, 59, 68, 64]
    assert {c.label for c in table.comparisons} == {"Sverigesnitt"}
    assert [(t.year, t.total) for t in table.year_totals] == [(2021, 648)]


def test_grastorp_2014_lines_under_a_caption() -> None:
    scores = (61, 60, 73, 53, 70, 56, 65, 68)
    rows = [
        f" {i + 1}. {name} {score}" for i, (name, score) in enumerate(zip(AREAS_2010, scores, strict=True))
    ]
    text = "Sammanfattning av resultat 2014\n\n" + "\n".join(rows)
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores][:2] == [(1, 2014, 61), (2, 2014, 60)]
    assert sum(s.score or 0 for s in table.area_scores) == 506
    assert not table.unread_headers  # the caption names the one year


@pytest.mark.parametrize(
    ("header", "total_label", "expected_years"),
    [
        ("\t2007\t2005\t2003", "TOTALT", (2007, 2005, 2003)),  # newest first
        ("Huvudområde\t2003\t2005\t2007", "Totalt", (2003, 2005, 2007)),  # labelled corner
        ("Område\t2003\t2005\t2007", "Summa", (2003, 2005, 2007)),
        ("Delområde\t2003\t2005\t2007", "Totalt", (2003, 2005, 2007)),
        ("2003\t2005\t2007", "TOTALT", (2003, 2005, 2007)),  # no corner cell
        ("\tPoäng\t\t\n\t2003\t2005\t2007", "TOTALT", (2003, 2005, 2007)),  # two-level header
    ],
)
def test_header_forms(header: str, total_label: str, expected_years: tuple[int, ...]) -> None:
    text = (
        f"{header}\n1 Offentlighet och demokratisk kontroll\t56\t66\t73\n"
        "5 Kontroll och rapportering\t45\t71\t79\n"
    )
    table = extract_summary_table(doc_from(text + f"{total_label}\t101\t137\t152"))
    by_year = {year: [s.score for s in table.area_scores if s.year == year] for year in expected_years}
    assert by_year == dict(zip(expected_years, ([56, 45], [66, 71], [73, 79]), strict=True))
    assert [t.year for t in table.year_totals] == list(expected_years)
    assert not table.unread_headers


def test_max_column_is_not_a_year() -> None:
    text = (
        "Område\tMax\t2007\n1 Offentlighet och demokratisk kontroll\t100\t73\n"
        "5 Kontroll och rapportering\t100\t79"
    )
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [(1, 2007, 73), (5, 2007, 79)]
    assert table.comparisons == ()


def test_own_points_without_a_year_take_the_report_year() -> None:
    text = "Område\tPoäng\n1 Offentlighet och demokratisk kontroll\t73\n5 Kontroll och rapportering\t79"
    table = extract_summary_table(doc_from(text), year=2007)
    assert [(s.area, s.year) for s in table.area_scores] == [(1, 2007), (5, 2007)]


@pytest.mark.parametrize(
    "header",
    ["\tKolumn A\tKolumn B\tKolumn C", ""],  # a header of unknown words, or none at all
)
def test_unread_header_reads_by_caption_and_says_so(header: str) -> None:
    text = (
        f"Tabell 2 Umeå kommuns poäng 2003, 2005 och 2007\n\n{header}\n"
        "1 Offentlighet och demokratisk kontroll\t56\t66\t73\n5 Kontroll och rapportering\t45\t71\t79\n"
        "TOTALT\t101\t137\t152"
    )
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores][:3] == [
        (1, 2003, 56),
        (1, 2005, 66),
        (1, 2007, 73),
    ]
    assert len(table.unread_headers) == 1
    unread = table.unread_headers[0]
    assert (unread.table, unread.assumed) == ("summary_table", "2003 | 2005 | 2007")
    assert unread.line == text.splitlines().index("1 Offentlighet och demokratisk kontroll\t56\t66\t73") + 1


OREBRO_2012 = (68, 85, 86, 74, 70, 74, 71, 87)
OREBRO_CHANGE = ("+16", "+5", "+20", "+15", "+19", "+3", "+16", "+5")
VALLENTUNA_2021 = (73, 75, 80, 83, 86, 82, 86, 83)
SVERIGESNITT = (63, 65, 73, 64, 61, 59, 68, 64)


def test_orebro_bullets_with_changes() -> None:
    names = [name.replace(",", " –") if name.startswith("Kommunen som arb") else name for name in AREAS_2010]
    items = [
        f" • {name}: {score} ({change})"
        for name, score, change in zip(names, OREBRO_2012, OREBRO_CHANGE, strict=True)
    ]
    table = extract_summary_table(doc_from("Resultatet 2012 per område:\n" + "\n".join(items)))
    assert [(s.year, s.score) for s in table.area_scores] == [(2012, v) for v in OREBRO_2012]
    assert [(c.kind, c.value, c.unit) for c in table.comparisons][:2] == [
        ("change", 16, "points"),
        ("change", 5, "points"),
    ]


def test_vallentuna_bullets_with_sverigesnitt() -> None:
    lead_in = "Poängen för 2021 (max 100) fördelar sig mellan områdena enligt nedan (Sverigesnitt):"
    items = [
        f" • {name} {score} ({mean})"
        for name, score, mean in zip(AREAS_2020, VALLENTUNA_2021, SVERIGESNITT, strict=True)
    ]
    table = extract_summary_table(doc_from(lead_in + "\n" + "\n".join(items)))
    assert [(s.year, s.score) for s in table.area_scores] == [(2021, v) for v in VALLENTUNA_2021]
    assert [(c.kind, c.label, c.value) for c in table.comparisons] == [
        ("average", "Sverigesnitt", v) for v in SVERIGESNITT
    ]
    assert table.unread_headers == ()


@pytest.mark.parametrize(
    ("lead_in", "items", "scores", "comparisons", "unread"),
    [
        ("Poängen för 2007 (Sverigesnitt):", ["- Personalpolitik 78 (61)", "- Verksamhetsutveckling 75 (59)"],
         [(6, 2007, 78), (7, 2007, 75)],
         [("average", "Sverigesnitt", 6, 61), ("average", "Sverigesnitt", 7, 59)],
         False),
        ("Resultat 2007:", ["• Personalpolitik: 78 (+10)", "• Verksamhetsutveckling: 75 (−4)"],
         [(6, 2007, 78), (7, 2007, 75)], [("change", "", 6, 10), ("change", "", 7, -4)], False),
        ("Resultat 2007:", ["• Personalpolitik 78 %", "• Verksamhetsutveckling 75 %"],
         [(6, 2007, 78), (7, 2007, 75)], [], False),
        # a bracketed figure the lead-in does not name is not taken for anything
        ("Resultat 2007:", ["• Personalpolitik 78 (61)", "• Verksamhetsutveckling 75 (59)"],
         [(6, 2007, 78), (7, 2007, 75)], [], True),
    ],
)  # fmt: skip
def test_bulleted_summaries(
    lead_in: str, items: list[str], scores: list[tuple[int, int, float]],
    comparisons: list[tuple[str, str, int, float]], unread: bool,
) -> None:  # fmt: skip
    table = extract_summary_table(doc_from("\n".join([lead_in, *items])))
    assert [(s.area, s.year, s.score) for s in table.area_scores] == scores
    assert [(c.kind, c.label, c.area, c.value) for c in table.comparisons] == comparisons
    assert bool(table.unread_headers) is unread


def test_bullets_of_observations_are_no_summary() -> None:
    text = (
        "Styrkor\n- Personalpolitiken har ett tydligt fokus på ledarskap.\n"
        "- Verksamhetsutveckling sker i 12 projekt."
    )
    assert extract_summary_table(doc_from(text)).area_scores == ()


UMEA_AREAS = (
    "Offentlighet och demokratisk kontroll", "Tillgänglighet/medborgar- och brukarorientering",
    "Tydlighet i samspelet mellan politiker och tjänstemän", "Ledning, decentralisering och delegering",
    "Kontroll och rapportering", "Personalpolitik", "Verksamhetsutveckling", "Kommun som samhällsbyggare",
)  # fmt: skip
UMEA_SCORES = {2005: (66, 69.5, 80, 82.5, 71, 78, 71, 90), 2007: (73, 79.5, 79, 84.5, 79, 78, 75, 98)}


def _variant(
    corner: str, years: tuple[int, ...], total: str, label: str, separator: str, percent: bool
) -> str:
    def cell(value: float) -> str:
        text = f"{value:g}".replace(".", ",")
        return f"{text} %" if percent else text

    lines = [separator.join([corner, *(str(year) for year in years)])]
    for index, name in enumerate(UMEA_AREAS):
        printed = label.format(n=index + 1, name=name)
        lines.append(separator.join([printed, *(cell(UMEA_SCORES[year][index]) for year in years)]))
    lines.append(
        separator.join([total, *(f"{sum(UMEA_SCORES[year]):g}".replace(".", ",") for year in years)])
    )
    return "\n".join(lines)


@pytest.mark.parametrize("percent", [False, True], ids=["points", "percent"])
@pytest.mark.parametrize("separator", ["\t", "    "], ids=["tabs", "spaces"])
@pytest.mark.parametrize("label", ["{n} {name}", "{n}. {name}", "Område {n} {name}", "{name}"])
@pytest.mark.parametrize("total", ["TOTALT", "Totalt", "Summa"])
@pytest.mark.parametrize("years", [(2005, 2007), (2007, 2005)], ids=["oldest-first", "newest-first"])
@pytest.mark.parametrize("corner", ["", "Huvudområde", "Område"], ids=["empty", "huvudomrade", "omrade"])
def test_summary_variants(
    corner: str, years: tuple[int, ...], total: str, label: str, separator: str, percent: bool
) -> None:
    table = extract_summary_table(doc_from(_variant(corner, years, total, label, separator, percent)))
    found = {(s.area, s.year): s.score for s in table.area_scores}
    assert found == {(i + 1, y): UMEA_SCORES[y][i] for y in years for i in range(8)}
    assert {t.year: t.total for t in table.year_totals} == {y: sum(UMEA_SCORES[y]) for y in years}
    assert (table.comparisons, table.unread_headers, table.misaligned_rows) == ((), (), ())


def test_a_cell_holding_no_number_is_read_empty_and_reported() -> None:
    # A scan's "%" misread ("53 AN"): the row keeps its other cells, the cell is empty and reported.
    text = (
        "\t2003\t2005\n1 Offentlighet och demokratisk kontroll\t56\t53 AN\n"
        "5 Kontroll och rapportering\t45\t71\nTOTALT\t101\t124"
    )
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.year, s.score) for s in table.area_scores] == [
        (1, 2003, 56), (1, 2005, None), (5, 2003, 45), (5, 2005, 71)
    ]  # fmt: skip
    assert [(t.year, t.total) for t in table.year_totals] == [(2003, 101), (2005, 124)]
    (loss,) = table.losses
    assert (loss.count, loss.line) == (1, 2) and '"53 AN"' in loss.message


def test_a_score_table_heading_row_is_no_summary_row_with_unread_cells() -> None:
    # Two area headings side by side: words in the cells, no number, so no row and nothing lost.
    text = "1 Offentlighet och demokratisk kontroll\t\t\t5 Kontroll och rapportering\t\t"
    assert extract_summary_table(doc_from(text)).losses == ()


def test_a_label_wrapped_onto_a_line_of_its_own_does_not_end_the_table() -> None:
    text = (
        "\t2003\t2005\n3 Tydlighet i samspelet mellan politiker och\t64,5\t80\ntjänstemän\t\t\n"
        "5 Kontroll och rapportering\t45\t71\nTOTALT\t109,5\t151"
    )
    table = extract_summary_table(doc_from(text))
    assert [(s.area, s.score) for s in table.area_scores] == [(3, 64.5), (3, 80), (5, 45), (5, 71)]
    assert [t.total for t in table.year_totals] == [109.5, 151]
