"""spaCy's tokenizer in plain Python, over spaCy's rules for a language kept as package data.

The name matcher (:mod:`extractors.name_matcher`) needs words as spaCy's Swedish (or Norwegian)
tokenizer cuts them, and nothing else of spaCy; importing spaCy cost more CPU than all the rest of
a one-report run. This module follows spaCy's own algorithm (``spacy/tokenizer.pyx``, version in
the rules file) step by step: the text is cut at whitespace, each piece is looked up among the
special cases, then prefixes and suffixes are split off and the rest is cut at infixes, and last
the special cases that span several tokens are put back together. The rules (patterns, special
cases, number words) are written by ``tools/export_tokenizer.py`` from spaCy itself, and the tests
compare both tokenizers on every report text of the repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("sv", "nb")
# The Swedish tokenizer keeps "Bromma-Stockholms" as one token; a hyphen before a capital joins two
# names, so it is split there and "Stockholms" is found. "Umeå-regionen" stays one word. (spaCy's
# ALPHA and ALPHA_UPPER character classes; tools/export_tokenizer.py adds it to spaCy's infixes.)
HYPHEN_BEFORE_CAPITAL = r"(?<=[{alpha}])[-–](?=[{upper}])"
NUMBER_SIGNS = ("+", "-", "±", "~")


@dataclass(frozen=True)
class Token:
    """A token: its text and where it starts in the text tokenized."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_space(self) -> bool:
        return self.text.isspace()


def _never(_: str, *args: Any) -> None:
    return None


def _compiled(rule: dict[str, Any] | None) -> re.Pattern[str] | None:
    return None if rule is None else re.compile(rule["pattern"], rule["flags"])


class Tokenizer:
    """spaCy's tokenizer for one language (see :func:`tokenizer`)."""

    def __init__(self, rules: dict[str, Any]) -> None:
        self.specials: dict[str, list[str]] = rules["special_cases"]
        self.number_words = frozenset(rules["number_words"])
        self._rules = rules
        # The infix pattern is large (most of the compiling): it is compiled when first needed.
        self._infix: re.Pattern[str] | None = None
        prefix, suffix = _compiled(rules["prefix"]), _compiled(rules["suffix"])
        self._prefix_search = prefix.search if prefix else _never
        self._suffix_search = suffix.search if suffix else _never
        token_match, url_match = _compiled(rules["token_match"]), _compiled(rules["url_match"])
        self._token_match = token_match.match if token_match else None
        self._url_match = url_match.match if url_match else None
        self._cache: dict[str, list[str]] = {}
        # The special cases that tokenize into several pieces (spaCy's special matcher): after the
        # rest, their pieces are put back as the special case says.
        self._joined: dict[tuple[str, ...], str] = {}
        for chunk in self.specials:
            if not rules["faster_heuristics"] or self._affixed(chunk) or " " in chunk:
                pieces = tuple(piece for piece, _ in self._cut(chunk, with_specials=False))
                self._joined.setdefault(pieces, chunk)
        self._longest_joined = max((len(k) for k in self._joined), default=0)

    def _infixes(self, text: str) -> list[re.Match[str]]:
        if self._infix is None:
            self._infix = _compiled(self._rules["infix"]) or re.compile("a^")
        return list(self._infix.finditer(text))

    def _prefix(self, text: str) -> int:
        match = self._prefix_search(text)
        return match.end() - match.start() if match is not None else 0

    def _suffix(self, text: str) -> int:
        match = self._suffix_search(text)
        return match.end() - match.start() if match is not None else 0

    def _affixed(self, text: str) -> bool:
        return bool(self._prefix(text) or self._infixes(text) or self._suffix(text))

    def __call__(self, text: str) -> list[Token]:
        """The tokens of ``text``, as spaCy's tokenizer gives them (whitespace tokens included)."""
        pieces = self._cut(text, with_specials=True)
        tokens, start = [], 0
        for piece, gap in pieces:
            tokens.append(Token(piece, start))
            start += len(piece) + gap
        return self._join_specials(tokens, text)

    def like_num(self, text: str) -> bool:
        """spaCy's ``like_num`` for the language: digits, a fraction or a number word."""
        if text.startswith(NUMBER_SIGNS):
            text = text[1:]
        text = text.replace(",", "").replace(".", "")
        if text.isdigit():
            return True
        if text.count("/") == 1:
            numerator, denominator = text.split("/")
            if numerator.isdigit() and denominator.isdigit():
                return True
        return text.lower() in self.number_words

    # --- spaCy's Tokenizer._tokenize_affixes, _split_affixes and _attach_tokens --------------

    def _cut(self, text: str, with_specials: bool) -> list[tuple[str, int]]:
        """The pieces of ``text`` with the spaces after each (0 or 1): whitespace runs are cut
        out as pieces of their own, except a single space after a piece, which is its space."""
        pieces: list[tuple[str, int]] = []
        if not text:
            return pieces
        start, in_space = 0, text[0].isspace()
        for i, char in enumerate(text):
            if char.isspace() != in_space:
                if start < i:
                    pieces.extend((p, 0) for p in self._tokenize(text[start:i], with_specials))
                if char == " ":
                    pieces[-1] = (pieces[-1][0], 1)
                    start = i + 1
                else:
                    start = i
                in_space = not in_space
        if start < len(text):
            pieces.extend((p, 0) for p in self._tokenize(text[start:], with_specials))
            if text[-1] == " " and not in_space:
                pieces[-1] = (pieces[-1][0], 1)
        return pieces

    def _tokenize(self, chunk: str, with_specials: bool) -> list[str]:
        if with_specials and chunk in self.specials:
            return self.specials[chunk]
        cached = self._cache.get(chunk) if with_specials else None
        if cached is not None:
            return cached
        prefixes: list[str] = []
        suffixes: list[str] = []
        rest = self._split_affixes(chunk, prefixes, suffixes, with_specials)
        tokens = [*prefixes, *self._attach(rest, with_specials), *reversed(suffixes)]
        if with_specials:
            self._cache[chunk] = tokens
        return tokens

    def _special(self, text: str, with_specials: bool) -> bool:
        return with_specials and text in self.specials

    def _split_affixes(self, text: str, prefixes: list[str], suffixes: list[str], with_specials: bool) -> str:
        last_size = 0
        while text and len(text) != last_size:
            if self._token_match and self._token_match(text):
                break
            if self._special(text, with_specials):
                break
            last_size = len(text)
            pre_len = self._prefix(text)
            if pre_len:
                prefix, minus_pre = text[:pre_len], text[pre_len:]
                if minus_pre and self._special(minus_pre, with_specials):
                    prefixes.append(prefix)
                    return minus_pre
            suf_len = self._suffix(text[pre_len:])
            if suf_len:
                suffix, minus_suf = text[-suf_len:], text[:-suf_len]
                if minus_suf and self._special(minus_suf, with_specials):
                    suffixes.append(suffix)
                    return minus_suf
            if pre_len and suf_len and pre_len + suf_len <= len(text):
                text = text[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                text = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                text = minus_suf
                suffixes.append(suffix)
        return text

    def _attach(self, text: str, with_specials: bool) -> list[str]:
        if not text:
            return []
        if self._special(text, with_specials):
            return self.specials[text]
        if (self._token_match and self._token_match(text)) or (self._url_match and self._url_match(text)):
            return [text]
        matches = self._infixes(text)
        if not matches:
            return [text]
        tokens, start = [], 0
        for match in matches:
            infix_start, infix_end = match.start(), match.end()
            if infix_start == 0:
                continue
            if infix_start != start:
                tokens.append(text[start:infix_start])
            if infix_start != infix_end:
                tokens.append(text[infix_start:infix_end])
            start = infix_end
        if text[start:]:
            tokens.append(text[start:])
        return tokens

    # --- spaCy's Tokenizer._apply_special_cases ----------------------------------------------

    def _join_specials(self, tokens: list[Token], text: str) -> list[Token]:
        """Special cases whose text the rest cut into several tokens, cut as the special case says."""
        if not self._joined:
            return tokens
        found = list(_phrases(tokens, self._joined, self._longest_joined))
        if not found:
            return tokens
        # spaCy keeps the longest, the first of equally long ones, and drops a span whose first or
        # last token is taken.
        found.sort(key=lambda span: (-(span[1] - span[0]), span[0]))
        taken: set[int] = set()
        kept = []
        for start, end in found:
            if start not in taken and end - 1 not in taken:
                kept.append((start, end))
            taken.update(range(start, end))
        out: list[Token] = []
        position = 0
        for start, end in sorted(kept):
            out.extend(tokens[position:start])
            chunk = text[tokens[start].start : tokens[end - 1].end]
            if chunk in self.specials:
                offset = tokens[start].start
                for piece in self.specials[chunk]:
                    out.append(Token(piece, offset))
                    offset += len(piece)
            else:
                out.extend(tokens[start:end])
            position = end
        out.extend(tokens[position:])
        return out


def _phrases(
    tokens: Sequence[Token], phrases: dict[tuple[str, ...], Any], longest: int
) -> Iterator[tuple[int, int]]:
    """Every (start, end) of tokens whose texts are one of ``phrases``, overlapping ones included."""
    texts = [token.text for token in tokens]
    for start in range(len(texts)):
        for end in range(start + 1, min(start + longest, len(texts)) + 1):
            if tuple(texts[start:end]) in phrases:
                yield start, end


def phrase_matches(
    tokens: Sequence[Token], phrases: dict[tuple[str, ...], str], longest: int
) -> list[tuple[str, int, int]]:
    """spaCy's PhraseMatcher on exact texts: every (label, start, end) where the tokens' texts
    are a phrase, in order of start, then end."""
    return [
        (phrases[tuple(t.text for t in tokens[start:end])], start, end)
        for start, end in _phrases(tokens, phrases, longest)
    ]


def rules_file(lang: str) -> str:
    return f"tokenizer_{lang}.json"


@cache
def tokenizer(lang: str) -> Tokenizer:
    """The tokenizer for ``lang`` (one of :data:`LANGUAGES`), made once per process."""
    if lang not in LANGUAGES:
        raise ValueError(f"no tokenizer rules for {lang!r} (only {', '.join(LANGUAGES)})")
    text = (resources.files("pipeline.model") / "data" / rules_file(lang)).read_text(encoding="utf-8")
    return Tokenizer(json.loads(text))

