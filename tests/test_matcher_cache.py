"""The name matcher's tokens kept in kompass's cache: used only when they are for exactly these
forms and this spaCy and spell every form; anything else is tokenized again and stored anew."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from extractors.name_matcher import _build_matcher, build_matcher, stored_tokens, swedish_matcher
from pipeline.model.municipalities import norwegian_municipalities
from pipeline.run.cache import ReportCache
from pipeline.run.process import warm_up


def _entry() -> tuple[bytes, list[str], dict[str, object]]:
    entry = swedish_matcher().tokens_entry
    content = json.loads(entry)
    return entry, content["forms"], content


def _changed(content: dict[str, object], **values: object) -> bytes:
    return json.dumps({**content, **values}).encode()


def test_the_matchers_own_tokens_are_accepted() -> None:
    entry, forms, content = _entry()
    assert len(forms) > 1000 and "Umeå" in forms and "UMEÅS" in forms
    assert stored_tokens(entry, forms) == content["tokens"]


@pytest.mark.parametrize(
    "tamper",
    [
        "a token misspelt",
        "a token dropped",
        "another spaCy",
        "another list of names",
        "a space for none",
        "not JSON",
        "a pickle",
    ],
)
def test_a_tampered_or_foreign_entry_is_not_used(tamper: str) -> None:
    entry, forms, content = _entry()
    tokens = json.loads(json.dumps(content["tokens"]))
    umea = forms.index("Umeå")
    if tamper == "a token misspelt":
        tokens[umea] = [["Umea"], [False]]
        stored = _changed(content, tokens=tokens)
    elif tamper == "a token dropped":
        tokens[umea] = [[], []]
        stored = _changed(content, tokens=tokens)
    elif tamper == "another spaCy":
        stored = _changed(content, spacy="0.0.1")
    elif tamper == "another list of names":
        stored = _changed(content, forms=forms[1:], tokens=tokens[1:])
    elif tamper == "a space for none":
        tokens[umea] = [["Umeå"], [True]]
        stored = _changed(content, tokens=tokens)
    elif tamper == "not JSON":
        stored = entry[: len(entry) // 2]
    else:
        stored = pickle.dumps(content)
    assert stored != entry
    assert stored_tokens(stored, forms) is None


def test_a_matcher_given_a_tampered_entry_tokenizes_again() -> None:
    registry = norwegian_municipalities()
    fresh = build_matcher(registry, lang="nb").tokens_entry
    content = json.loads(fresh)
    content["tokens"][0] = [["x"], [False]]
    rebuilt = _build_matcher(registry, (), "nb", json.dumps(content).encode())
    assert rebuilt.tokens_entry == fresh
    reused = _build_matcher(registry, (), "nb", fresh)
    assert reused.tokens_entry is fresh


def test_the_cache_keeps_the_tokens_behind_a_checksum(tmp_path: Path) -> None:
    cache = ReportCache(tmp_path)
    assert cache.names() is None
    warm_up(cache)  # stores the matcher's tokens
    assert cache.names() == swedish_matcher().tokens_entry
    path = cache.names_path()
    path.write_bytes(path.read_bytes().replace(b"Ume\xc3\xa5", b"Umea", 1))  # damaged: the checksum fails
    assert cache.names() is None
    warm_up(cache)  # stores them again
    assert cache.names() == swedish_matcher().tokens_entry
    other = tmp_path / "names-0123456789abcdef.json"  # another kompass's
    other.write_bytes(path.read_bytes())
    assert cache.prune() == 1 and not other.exists() and path.exists()


def test_a_link_in_place_of_the_entry_is_not_read(tmp_path: Path) -> None:
    cache = ReportCache(tmp_path)
    target = tmp_path / "elsewhere.json"
    target.write_bytes(b"anything")
    cache.names_path().symlink_to(target)
    assert cache.names() is None
