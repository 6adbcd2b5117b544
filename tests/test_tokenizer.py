"""The plain-Python tokenizer cuts every text as spaCy's tokenizer does, from the exported rules.

kompass reads names without importing spaCy (see extractors/tokenizer.py); spaCy stays a
development dependency that these tests, and tools/export_tokenizer.py, compare it with.
"""

from __future__ import annotations

import json
import random
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractors.tokenizer import LANGUAGES, rules_file, tokenizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from export_tokenizer import rules, spacy_tokenizer  # noqa: E402

TEXTS = sorted([ROOT / "corpus" / "umea_2007.txt", *(ROOT / "tests" / "fixtures").glob("*/*.txt")])
# Pieces that exercise every rule: special cases, affixes, infixes, URLs, numbers, whitespace.
AWKWARD = (
    "Umeå", "Upplands-Bro", "Bromma-Stockholms", "Umeå-regionen", "2007", "3,5", "1.000", "(", ")", '"',
    "'", "-", "–", "—", ".", ",", ":", ";", "!", "?", "…", "...", "http://www.umea.se/a?b=1",
    "www.kommun.se", "a@b.se", "%", "§", "/", "t.ex.", "bl.a", "Ö", "ÅÄÖ", "’", "«", "»", "[", "]", "*",
    "•", "😀", ":)", "km²", "10-12", "5/7", "+46", "±3", "\u00ad", "\u200b", "fyra", "Elva",
)  # fmt: skip
SEPARATORS = (" ", "", "", "  ", "\n", "\t", "\xa0", " \n ")


@cache
def _spacy(lang: str) -> Any:
    return spacy_tokenizer(lang)


def _same(lang: str, text: str) -> None:
    reference = _spacy(lang)(text)
    ours = tokenizer(lang)(text)
    assert [(t.text, t.start) for t in ours] == [(t.text, t.idx) for t in reference], repr(text)
    assert [tokenizer(lang).like_num(t.text) for t in ours] == [t.like_num for t in reference]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_rules_are_spacys(lang: str) -> None:
    text = (ROOT / "pipeline" / "model" / "data" / rules_file(lang)).read_text(encoding="utf-8")
    assert json.loads(text) == rules(lang), "run tools/export_tokenizer.py after upgrading spaCy"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_paragraph_of_the_repositorys_reports(lang: str) -> None:
    paragraphs = [p for path in TEXTS for p in path.read_text(encoding="utf-8").split("\n\n")]
    assert len(paragraphs) > 1000
    for paragraph in paragraphs:
        _same(lang, paragraph)
        _same(lang, paragraph.replace("\n", " "))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_drawn_texts_of_awkward_pieces(lang: str) -> None:
    draw = random.Random(7)
    pieces = [*AWKWARD, *tokenizer(lang).specials]
    for _ in range(3000):
        count = draw.randint(1, 12)
        _same(lang, "".join(draw.choice(pieces) + draw.choice(SEPARATORS) for _ in range(count)))
