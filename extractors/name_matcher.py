"""Finding municipality names in running text: spaCy's tokenizer rules (in plain Python, see
:mod:`extractors.tokenizer`) and a phrase matcher over a registry's names, so another country's
list is added the same way.

Matching on whole tokens keeps a name inside a longer word out ("Umeåborna", "Umeåregionen";
"Lundby" is not Lund), and matching on the exact spelling keeps the lower-case words out ("vara",
"mark", "kil"). A capitalized name that is also a word or a personal name (from the ambiguous
names file) only counts where the context shows the place.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from extractors.flow import Flow
from extractors.tokenizer import Token, Tokenizer, phrase_matches, tokenizer
from pipeline.model.municipalities import Municipality, MunicipalityRegistry, swedish_municipalities
from pipeline.model.place_names import Ambiguity, ambiguity_by_code, swedish_ambiguous_names

# Words after a name that show it is the municipality: "Vara kommun", "Marks kommun", "Lunds stad".
MUNICIPALITY_WORDS = frozenset({"kommun", "kommuns", "kommunen", "stad", "stads", "staden"})
# Separators of an enumeration of places: "Luleå, Linköping, Uppsala och Lund", "Stockholm/Göteborg".
ENUMERATION_WORDS = frozenset({",", "och", "samt", "eller", "/", "-", "–"})
# Prepositions before a place: "i Mark", "från Boden".
PLACE_PREPOSITIONS = frozenset({"i", "från", "utanför", "inom"})
# Tokens after which a capitalized word starts a sentence, a bullet or a quotation.
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", "-", "–", "—", "•", "*", '"', "”", "“", "(", "…"})


@dataclass(frozen=True)
class NameHit:
    """A municipality named in the text: where (character offsets) and how it was printed."""

    municipality: Municipality
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Span:
    """Tokens ``start`` to ``end`` (exclusive) of a paragraph that print the name of ``code``."""

    code: str
    start: int
    end: int


@dataclass(frozen=True)
class NameMatcher:
    """A tokenizer and every printed form of one registry's names, as token sequences."""

    tokenizer: Tokenizer
    forms: dict[tuple[str, ...], str]  # a form's tokens: its municipality's code
    longest: int  # tokens in the longest form
    registry: MunicipalityRegistry
    ambiguity: dict[str, Ambiguity]
    prefilter: regex.Pattern[str]

    def find(self, flow: Flow) -> list[NameHit]:
        """Every occurrence in ``flow`` that names a municipality, in text order.

        Only paragraphs that contain a name's spelling at all are tokenized (most of a report
        names none), each on its own, in one pass over the report.
        """
        return [
            hit
            for start, end in flow.paragraphs()
            if self.prefilter.search(flow.text, start, end)
            for hit in self._find_in(flow.text[start:end], start)
        ]

    def _find_in(self, text: str, offset: int) -> list[NameHit]:
        tokens = self.tokenizer(text)
        matches = phrase_matches(tokens, self.forms, self.longest)
        spans = _longest_first([_Span(code, start, end) for code, start, end in matches])
        accepted = {index for index, span in enumerate(spans) if self._plain(tokens, span)}
        # An ambiguous name in an enumeration counts once a neighbour counts ("Boden, Härnösand"),
        # which may in turn vouch for the next one: spread from each name that counts to its
        # neighbours, once each, so an enumeration of thousands of names takes linear time.
        by_start = {span.start: index for index, span in enumerate(spans)}
        by_end = {span.end: index for index, span in enumerate(spans)}
        todo = sorted(accepted)
        while todo:
            for neighbour in _enumeration_neighbours(tokens, spans[todo.pop()], by_start, by_end):
                if neighbour not in accepted:
                    accepted.add(neighbour)
                    todo.append(neighbour)
        return [self._hit(text, tokens, spans[index], offset) for index in sorted(accepted)]

    def _hit(self, text: str, tokens: list[Token], span: _Span, offset: int) -> NameHit:
        municipality = self.registry.by_code(span.code)
        assert municipality is not None  # every form is added under a registry code
        start, end = tokens[span.start].start, tokens[span.end - 1].end
        return NameHit(municipality, offset + start, offset + end, text[start:end])

    def _plain(self, tokens: list[Token], span: _Span) -> bool:
        """Whether the span names the municipality without help from an enumeration."""
        kind = self.ambiguity.get(span.code)
        if kind is None:
            return True
        if self._shows_place(tokens, span):
            return True
        return kind is Ambiguity.WORD and not _starts_sentence(tokens, span)

    def _shows_place(self, tokens: list[Token], span: _Span) -> bool:
        """Whether the context shows the municipality: "Vara kommun", "Ale (2006)", "i Mark"."""
        after = _next(tokens, span.end)
        if after is not None and tokens[after].text.lower() in MUNICIPALITY_WORDS:
            return True
        if after is not None and tokens[after].text == "(":
            year = _next(tokens, after + 1)
            printed = tokens[year].text if year is not None else ""
            if len(printed) == 4 and self.tokenizer.like_num(printed):
                return True
        before = _previous(tokens, span.start)
        return before is not None and tokens[before].text in PLACE_PREPOSITIONS


def _longest_first(spans: Sequence[_Span]) -> list[_Span]:
    """The spans that overlap no longer one (of equally long ones, the first), in text order:
    what spaCy's ``filter_spans`` keeps."""
    kept: list[_Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.end - s.start, -s.start), reverse=True):
        if span.start not in taken and span.end - 1 not in taken:
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _previous(tokens: list[Token], index: int) -> int | None:
    index -= 1
    while index >= 0 and tokens[index].is_space:
        index -= 1
    return index if index >= 0 else None


def _next(tokens: list[Token], index: int) -> int | None:
    while index < len(tokens) and tokens[index].is_space:
        index += 1
    return index if index < len(tokens) else None


def _starts_sentence(tokens: list[Token], span: _Span) -> bool:
    """Whether the span opens its paragraph (each is tokenized alone), a sentence, a bullet or a quote."""
    before = _previous(tokens, span.start)
    return before is None or tokens[before].text in SENTENCE_OPENERS


def _enumeration_neighbours(
    tokens: list[Token], span: _Span, by_start: dict[int, int], by_end: dict[int, int]
) -> Iterator[int]:
    """The names (by index) separated from ``span`` by one enumeration word only ("Umeå, Boden")."""
    before = _previous(tokens, span.start)
    if before is not None and tokens[before].text in ENUMERATION_WORDS:
        neighbour = _previous(tokens, before)
        if neighbour is not None and neighbour + 1 in by_end:
            yield by_end[neighbour + 1]
    after = _next(tokens, span.end)
    if after is not None and tokens[after].text in ENUMERATION_WORDS:
        neighbour = _next(tokens, after + 1)
        if neighbour is not None and neighbour in by_start:
            yield by_start[neighbour]


def _genitive(name: str) -> str | None:
    """The genitive ("Umeå" gives "Umeås"); a name ending in s, x or z ("Borås") has none of its own."""
    return None if name[-1].lower() in "sxz" else name + "s"


def _printed_forms(registry: MunicipalityRegistry) -> Iterator[tuple[str, Municipality]]:
    for name, municipality, official in registry.printed_names():
        forms = [name, _genitive(name)] if official else [name]
        for form in forms:
            if form:
                yield form, municipality
                yield form.upper(), municipality


@cache
def build_matcher(
    registry: MunicipalityRegistry, ambiguous: tuple[tuple[str, Ambiguity], ...] = (), lang: str = "sv"
) -> NameMatcher:
    """A matcher for every name of ``registry``: bare, genitive ("Umeås") and upper case.

    Built once per registry and process; ``ambiguous`` lists the names that are also words or
    personal names.
    """
    words = tokenizer(lang)
    # A name two municipalities share (Norway's Herøy and Våler) goes to the one listed last, as
    # spaCy's PhraseMatcher, which the matcher used before, gave it for both.
    forms = {tuple(token.text for token in words(form)): m.code for form, m in _printed_forms(registry)}
    # Every form starts with a bare name (or alias), so these find every paragraph worth tokenizing.
    stems = sorted({form for form, _ in _printed_forms(registry)}, key=len, reverse=True)
    prefilter = regex.compile(r"(?<!\w)(?:" + "|".join(map(regex.escape, stems)) + ")")
    longest = max((len(tokens) for tokens in forms), default=0)
    return NameMatcher(words, forms, longest, registry, ambiguity_by_code(registry, ambiguous), prefilter)


def swedish_matcher() -> NameMatcher:
    """The matcher for the 290 Swedish municipalities (built on first use, then reused)."""
    return build_matcher(swedish_municipalities(), swedish_ambiguous_names())
