"""Finding municipality names in running text with spaCy: a blank pipeline (tokenizer only) and a
PhraseMatcher built from a registry's names, so another country's list is added the same way.

Matching on whole tokens keeps a name inside a longer word out ("Umeåborna", "Umeåregionen";
"Lundby" is not Lund), and matching on the exact spelling keeps the lower-case words out ("vara",
"mark", "kil"). A capitalized name that is also a word or a personal name (from the ambiguous
names file) only counts where the context shows the place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex
import spacy
from spacy.lang.char_classes import ALPHA, ALPHA_UPPER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from extractors.flow import Flow
from pipeline.model.marks import BULLET_GLYPHS
from pipeline.model.municipalities import Municipality, MunicipalityRegistry, swedish_municipalities
from pipeline.model.place_names import Ambiguity, ambiguity_by_code, swedish_ambiguous_names

# The Swedish tokenizer keeps "Bromma-Stockholms" as one token; a hyphen before a capital joins two
# names, so it is split there and "Stockholms" is found. "Umeå-regionen" stays one word.
HYPHEN_BEFORE_CAPITAL = rf"(?<=[{ALPHA}])[-–](?=[{ALPHA_UPPER}])"
# Words after a name that show it is the municipality: "Vara kommun", "Marks kommun", "Lunds stad".
MUNICIPALITY_WORDS = frozenset({"kommun", "kommuns", "kommunen", "stad", "stads", "staden"})
# Separators of an enumeration of places: "Luleå, Linköping, Uppsala och Lund", "Stockholm/Göteborg".
ENUMERATION_WORDS = frozenset({",", "och", "samt", "eller", "/", "-", "–"})
# Prepositions before a place: "i Mark", "från Boden".
PLACE_PREPOSITIONS = frozenset({"i", "från", "utanför", "inom"})
# Tokens after which a capitalized word starts a sentence, a bullet (a dash, an asterisk or any
# glyph of pipeline.model.marks) or a quotation.
SENTENCE_OPENERS = (
    frozenset({".", "!", "?", ":", ";", "-", "–", "—", "*", '"', "”", "“", "(", "…"}) | BULLET_GLYPHS
)
MAX_TEXT_LENGTH = 50_000_000


@dataclass(frozen=True)
class NameHit:
    """A municipality named in the text: where (character offsets) and how it was printed."""

    municipality: Municipality
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class NameMatcher:
    """A blank spaCy pipeline with a PhraseMatcher over one registry's names."""

    nlp: Language
    matcher: PhraseMatcher
    registry: MunicipalityRegistry
    ambiguity: dict[str, Ambiguity]
    prefilter: regex.Pattern[str]

    @property
    def tokenizer(self) -> Tokenizer:
        tokenizer = self.nlp.tokenizer
        assert isinstance(tokenizer, Tokenizer)  # a blank pipeline always has spaCy's own tokenizer
        return tokenizer

    def find(self, flow: Flow) -> list[NameHit]:
        """Every occurrence in ``flow`` that names a municipality, in text order.

        Only paragraphs that contain a name's spelling at all are tokenized (most of a report
        names none), each as its own spaCy doc, in one pass over the report.
        """
        paragraphs = [(s, e) for s, e in flow.paragraphs() if self.prefilter.search(flow.text, s, e)]
        # A line break inside a paragraph is a space: a name of two words may wrap ("Upplands" /
        # "Väsby"); one character for one, so the offsets stay the flow's.
        docs = self.tokenizer.pipe(flow.text[s:e].replace("\n", " ") for s, e in paragraphs)
        return [
            hit for (start, _), doc in zip(paragraphs, docs, strict=True) for hit in self._find_in(doc, start)
        ]

    def _find_in(self, doc: Doc, offset: int) -> list[NameHit]:
        spans = filter_spans([Span(doc, start, end, label=key) for key, start, end in self.matcher(doc)])
        accepted = {index for index, span in enumerate(spans) if self._plain(span)}
        # An ambiguous name in an enumeration counts once a neighbour counts ("Boden, Härnösand"),
        # which may in turn vouch for the next one: spread from each name that counts to its
        # neighbours, once each, so an enumeration of thousands of names takes linear time.
        by_start = {span.start: index for index, span in enumerate(spans)}
        by_end = {span.end: index for index, span in enumerate(spans)}
        todo = sorted(accepted)
        while todo:
            for neighbour in _enumeration_neighbours(spans[todo.pop()], by_start, by_end):
                if neighbour not in accepted:
                    accepted.add(neighbour)
                    todo.append(neighbour)
        return [self._hit(spans[index], offset) for index in sorted(accepted)]

    def _hit(self, span: Span, offset: int) -> NameHit:
        municipality = self.registry.by_code(span.label_)
        assert municipality is not None  # every pattern is added under a registry code
        return NameHit(municipality, offset + span.start_char, offset + span.end_char, span.text)

    def _plain(self, span: Span) -> bool:
        """Whether the span names the municipality without help from an enumeration."""
        kind = self.ambiguity.get(span.label_)
        if kind is None:
            return True
        if _shows_place(span):
            return True
        return kind is Ambiguity.WORD and not _starts_sentence(span)


def _previous(doc: Doc, index: int) -> int | None:
    index -= 1
    while index >= 0 and doc[index].is_space:
        index -= 1
    return index if index >= 0 else None


def _next(doc: Doc, index: int) -> int | None:
    while index < len(doc) and doc[index].is_space:
        index += 1
    return index if index < len(doc) else None


def _shows_place(span: Span) -> bool:
    """Whether the context shows the municipality: "Vara kommun", "Ale (2006)", "i Mark"."""
    doc = span.doc
    after = _next(doc, span.end)
    if after is not None and doc[after].lower_ in MUNICIPALITY_WORDS:
        return True
    if after is not None and doc[after].text == "(":
        year = _next(doc, after + 1)
        if year is not None and doc[year].like_num and len(doc[year].text) == 4:
            return True
    before = _previous(doc, span.start)
    return before is not None and doc[before].text in PLACE_PREPOSITIONS


def _starts_sentence(span: Span) -> bool:
    """Whether the span opens its paragraph (each doc is one), a sentence, a bullet or a quote."""
    before = _previous(span.doc, span.start)
    return before is None or span.doc[before].text in SENTENCE_OPENERS


def _enumeration_neighbours(span: Span, by_start: dict[int, int], by_end: dict[int, int]) -> Iterator[int]:
    """The names (by index) separated from ``span`` by one enumeration word only ("Umeå, Boden")."""
    doc = span.doc
    before = _previous(doc, span.start)
    if before is not None and doc[before].text in ENUMERATION_WORDS:
        neighbour = _previous(doc, before)
        if neighbour is not None and neighbour + 1 in by_end:
            yield by_end[neighbour + 1]
    after = _next(doc, span.end)
    if after is not None and doc[after].text in ENUMERATION_WORDS:
        neighbour = _next(doc, after + 1)
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


def blank_pipeline(lang: str = "sv") -> Language:
    """A blank pipeline whose tokenizer also splits a hyphen before a capital letter."""
    nlp = spacy.blank(lang)
    nlp.max_length = MAX_TEXT_LENGTH
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # a blank pipeline always has spaCy's own tokenizer
    tokenizer.infix_finditer = compile_infix_regex(
        [*(nlp.Defaults.infixes or ()), HYPHEN_BEFORE_CAPITAL]
    ).finditer
    return nlp


@cache
def build_matcher(
    registry: MunicipalityRegistry, ambiguous: tuple[tuple[str, Ambiguity], ...] = (), lang: str = "sv"
) -> NameMatcher:
    """A matcher for every name of ``registry``: bare, genitive ("Umeås") and upper case.

    Built once per registry and process; ``ambiguous`` lists the names that are also words or
    personal names.
    """
    nlp = blank_pipeline(lang)
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_code: dict[str, list[str]] = {}
    for form, municipality in _printed_forms(registry):
        by_code.setdefault(municipality.code, []).append(form)
    for code, forms in by_code.items():
        matcher.add(code, [nlp.make_doc(form) for form in dict.fromkeys(forms)])
    # Every form starts with a bare name (or alias), so these find every paragraph worth tokenizing.
    stems = sorted({form for form, _ in _printed_forms(registry)}, key=len, reverse=True)
    prefilter = regex.compile(r"(?<!\w)(?:" + "|".join(map(regex.escape, stems)) + ")")
    return NameMatcher(nlp, matcher, registry, ambiguity_by_code(registry, ambiguous), prefilter)


def swedish_matcher() -> NameMatcher:
    """The matcher for the 290 Swedish municipalities (built on first use, then reused)."""
    return build_matcher(swedish_municipalities(), swedish_ambiguous_names())
