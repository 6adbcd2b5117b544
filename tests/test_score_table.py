from __future__ import annotations

import pytest

from extractors.score_table import extract_question_scores
from tests.conftest import doc_from


def test_umea_score_table(umea_doc) -> None:
    table = extract_question_scores(umea_doc)
    assert len(table.questions) == 37
    by_id = {q.question_id: q for q in table.questions}
    assert (by_id["7.1"].max_score, by_id["7.1"].score) == (20, 25)
    assert (by_id["2.1"].max_score, by_id["2.1"].score) == (10, 7.5)
    assert (by_id["3.3"].max_score, by_id["3.3"].score, by_id["3.3"].line) == (30, 25.5, 689)
    assert by_id["5.4"].question == "Kontroll- och uppföljningsrutiner."
    assert [sum(q.max_score or 0 for q in table.questions if q.area == a) for a in range(1, 9)] == [100] * 8
    assert [h.area for h in table.headings] == [1, 5, 2, 6, 3, 7, 4, 8]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # two tables side by side
        (
            "1.1 Hur informeras medborgarna?\t40\t28\t5.1 Hur detaljerat är rapporteringssystemet?\t40\t32",
            [("1.1", 40, 28), ("5.1", 40, 32)],
        ),
        # the left side empty
        ("\t\t\t5.4 Kontroll- och uppföljningsrutiner.\t20\t17", [("5.4", 20, 17)]),
        # the right side empty
        (
            "4.5 Hur utövas den centrala ledningen över underställda avdelningar/enheter?\t10\t9\t\t\t",
            [("4.5", 10, 9)],
        ),
        # decimal commas
        (
            "3.1 Hur är kvaliteten på målformuleringsarbetet?\t30\t22,5\t"
            "7.1 Hur metodiskt sker utveckling av kvalitetssystem?\t20\t25",
            [("3.1", 30, 22.5), ("7.1", 20, 25)],
        ),
        # a single stacked table, spaces between the columns
        ("2.1 Har kommunen en brukarorienterad förvaltningsfilosofi?     10     7,5", [("2.1", 10, 7.5)]),
        # the question id in a cell of its own
        ("6.2\tFörekommer prestationslönesystem?\t20\t13", [("6.2", 20, 13)]),
        # an own score left empty
        ("8.4 Kommunens internationella kontakter.\t20\t", [("8.4", 20, None)]),
    ],
)
def test_score_rows(row: str, expected: list[tuple[str, float, float | None]]) -> None:
    table = extract_question_scores(doc_from(row))
    assert [(q.question_id, q.max_score, q.score) for q in table.questions] == expected


@pytest.mark.parametrize(
    "line",
    [
        "- 1.1 Hur informeras invånarna?",  # the sub-question list of a section, not the table
        "\tMax- poäng\tEgna poäng\t\tMax- poäng\tEgna poäng",
        "2002\t5\t7\t8\t4\t4\t26\t8\t3",  # the party table
        "1 Offentlighet och demokratisk kontroll\t56\t66\t73",  # a summary row
    ],
)
def test_lines_that_are_not_score_rows(line: str) -> None:
    assert extract_question_scores(doc_from(line)).questions == ()
