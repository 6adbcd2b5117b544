from __future__ import annotations

import pytest

from extractors.table_reader import Role, column_of, header_above, normalise_id, parse_value
from tests.conftest import doc_from


@pytest.mark.parametrize(
    ("printed", "role", "year"),
    [
        ("2007", Role.YEAR, 2007),
        ("Strängnäs 2014", Role.YEAR, 2014),
        ("Karlskrona 2011", Role.YEAR, 2011),
        ("Resultat 2013", Role.YEAR, 2013),
        ("Poäng 2021", Role.YEAR, 2021),
        ("Max", Role.MAX, None),
        ("Max- poäng", Role.MAX, None),
        ("Maxpoäng", Role.MAX, None),
        ("Möjliga poäng", Role.MAX, None),
        ("Egna poäng", Role.OWN, None),
        ("Poäng", Role.OWN, None),
        ("Erhållna poäng", Role.OWN, None),
        ("Ändring", Role.CHANGE, None),
        ("Förändring", Role.CHANGE, None),
        ("Ändring 2011-2014", Role.CHANGE, None),
        ("40 kommuner i genomsnitt", Role.AVERAGE, None),
        ("Nationellt medelvärde", Role.AVERAGE, None),
        ("Sverigesnitt", Role.AVERAGE, None),
        ("Genomsnitt KKP 2020-2022", Role.AVERAGE, None),
        ("Huvudområde", Role.NAME, None),
        ("Område", Role.NAME, None),
        ("Delområde", Role.NAME, None),
        ("Nr", Role.ID, None),
        ("Kommentar", None, None),
    ],
)
def test_header_words(printed: str, role: Role | None, year: int | None) -> None:
    column = column_of(printed)
    assert (column.role, column.year) == (role, year)


@pytest.mark.parametrize(
    ("printed", "normalised"),
    [("1.1", "1.1"), ("1:1", "1.1"), ("1.1.", "1.1"), ("3.10", "3.10"), ("2.03", "2.3"), ("4.2)", "4.2"),
     ("7 : 2", "7.2"), ("1,1", None), ("9.1", None), ("Offentlighet", None)],
)  # fmt: skip
def test_ids_are_normalised(printed: str, normalised: str | None) -> None:
    assert normalise_id(printed) == normalised


@pytest.mark.parametrize(
    ("cell", "number", "unit", "signed"),
    [("69,5", 69.5, "points", False), ("51 %", 51, "percent", False), ("+44 %", 44, "percent", True),
     ("-6 %", -6, "percent", True), ("−6", -6, "points", True), ("1 234", 1234, "points", False),
     ("", None, "points", False), ("–", None, "points", False)],
)  # fmt: skip
def test_values_as_printed(cell: str, number: float | None, unit: str, signed: bool) -> None:
    value = parse_value(cell)
    assert value is not None and (value.number, value.unit, value.signed) == (number, unit, signed)


@pytest.mark.parametrize("cell", ["Offentlighet", "1.1 Hur", "48 69", "ca 40"])
def test_text_is_not_a_value(cell: str) -> None:
    assert parse_value(cell) is None


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        ("\t2003\t2005\t2007", ["year", "year", "year"]),
        ("\t2007\t2005\t2003", ["year", "year", "year"]),
        ("Huvudområde\tSträngnäs 2014\tSträngnäs 2016\tNationellt medelvärde", ["year", "year", "average"]),
        ("\tKarlskrona 2011\tKarlskrona 2014\tÄndring\t40 kommuner i genomsnitt",
         ["year", "year", "change", "average"]),
        ("Område\tResultat 2011\tResultat 2013", ["year", "year"]),
        ("Område\tMax\t2007", ["max", "year"]),
        ("Delområde\tMax\tPoäng", ["max", "own"]),
        ("\tEgna poäng\tMax- poäng", ["own", "max"]),
        # two-level headers, joined column by column
        ("\tSträngnäs\t\tNationellt\n\t2014\t2016\tmedelvärde", ["year", "year", "average"]),
        ("\tPoäng\t\n\tMax\tEgna", ["max", "own"]),
        ("\tResultat\t\tÄndring\n\t2011\t2013\t", ["year", "year", "change"]),
        # a header without a corner cell
        ("Karlskrona 2011\tKarlskrona 2014\tÄndring", ["year", "year", "change"]),
    ],
)  # fmt: skip
def test_header_roles(header: str, roles: list[str]) -> None:
    doc = doc_from(f"{header}\n1 Offentlighet och demokrati\t1\t2\t3")
    found = header_above(doc, len(doc.lines) - 1)
    assert found is not None
    assert [str(c.role) for c in found.value_columns] == roles


def test_side_by_side_header_groups() -> None:
    doc = doc_from("\tMax- poäng\tEgna poäng\t\tMax- poäng\tEgna poäng\n1.1 Hur?\t40\t28\t5.1 Hur?\t40\t32")
    header = header_above(doc, 1)
    assert header is not None
    assert [(start, [str(c.role) for c in columns]) for start, columns in header.groups()] == [
        (0, ["max", "own"]), (3, ["max", "own"])
    ]  # fmt: skip


@pytest.mark.parametrize(
    "above",
    [
        "Tabell 2 Umeå kommuns poäng 2003, 2005 och 2007",  # a caption is one cell
        "\tm\tc\tfp",  # the party table's header has no known word
        "1 Offentlighet och demokratisk kontroll\t\t",  # a heading row of the table
        "2002\t5\t7",  # a data row
    ],
)
def test_not_a_header(above: str) -> None:
    doc = doc_from(f"{above}\n1 Offentlighet och demokrati\t1\t2")
    assert header_above(doc, 1) is None


def test_a_rows_last_words_beside_the_next_tables_merged_upper_cell_stay_out_of_its_value_columns() -> None:
    # A LibreOffice PDF (fuzz seed 260212): the last words of the row above ("om resultat?", its
    # label wrapped) share their line with the next table's merged upper cell "Poäng"; "resultat"
    # names an own-points column, so the label column above "Delområde" was read as one, and the
    # first row's max and own points swapped (a false score_exceeds_max and area_max_mismatch).
    doc = doc_from(
        "1:3 Hur informeras medborgarna\t20\t13,5\nom resultat?\t\tPoäng\nDelområde\tMax\tEgna\n"
        "2:1 Har kommunen en\t10\t5,5"
    )
    header = header_above(doc, 3)
    assert header is not None
    assert [str(c.role) for c in header.columns][-3:] == ["name", "max", "own"]
    assert [[str(c.role) for c in columns] for _, columns in header.groups()] == [["max", "own"]]
    doc = doc_from("Max poäng per område\tEgna\n1.1 Hur?\t40\t28")
    mentioned = header_above(doc, 1)
    assert mentioned is not None and [str(c.role) for c in mentioned.columns] == ["max", "own"]
    # A layout export's summary header whose label cell and "Max" were joined into one column
    # keeps its max points column (fuzz seed 260287).
    doc = doc_from(
        "                                              Lund      Lund Ändrin        40 kommuner i\n"
        "Huvudområde                          Max\n"
        "                                              2010      2013      g           genomsnitt\n"
        "1 Offentlighet och demokrati          100 57         63,5    +11 % 58"
    )
    joined = header_above(doc, 3)
    assert joined is not None and Role.MAX in [c.role for c in joined.columns]


def test_header_words_a_scan_read_without_their_diaeresis_or_ring_keep_their_roles() -> None:
    # A scan's OCR read "[ Andring" and "Huvudomrade" (fuzz seed 290160: the changes were lost under
    # a header that named no known column).
    assert column_of("[ Andring").role is Role.CHANGE
    assert column_of("Huvudomrade").role is Role.NAME
    assert column_of("Förändring").role is Role.CHANGE
    assert column_of("Vandringsled").role is None
