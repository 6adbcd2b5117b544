"""Write spaCy's tokenizer rules for the name matcher's languages into the package data
(``.venv/bin/python tools/export_tokenizer.py``): pipeline/model/data/tokenizer_<lang>.json.

kompass reads names with :mod:`extractors.tokenizer`, spaCy's tokenizer algorithm in plain Python,
over the rules this writes: the prefix, suffix, infix and URL patterns of spaCy's blank pipeline
for the language (its infixes with one more, a hyphen before a capital letter), its special cases
(tokenizer exceptions) and its number words. Importing spaCy costs more CPU than the rest of a
one-report run, and this is all of it the matcher uses. Run it again after upgrading spaCy; the
tests compare both tokenizers on every report text of the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.tokenizer import HYPHEN_BEFORE_CAPITAL, LANGUAGES, rules_file  # noqa: E402

DATA = ROOT / "pipeline" / "model" / "data"


def spacy_tokenizer(lang: str) -> Any:
    """spaCy's tokenizer of a blank pipeline for ``lang``, with the matcher's extra infix: what
    :mod:`extractors.tokenizer` reproduces."""
    import spacy
    from spacy.lang.char_classes import ALPHA, ALPHA_UPPER
    from spacy.util import compile_infix_regex

    nlp = spacy.blank(lang)
    tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(
        [*(nlp.Defaults.infixes or ()), HYPHEN_BEFORE_CAPITAL.format(alpha=ALPHA, upper=ALPHA_UPPER)]
    ).finditer
    return tokenizer


def _pattern(method: Any) -> dict[str, Any] | None:
    if method is None:
        return None
    return {"pattern": method.__self__.pattern, "flags": int(method.__self__.flags)}


def rules(lang: str) -> dict[str, Any]:
    import spacy
    from spacy.attrs import LIKE_NUM
    from spacy.lang.lex_attrs import like_num as base_like_num
    from spacy.symbols import ORTH

    tokenizer = spacy_tokenizer(lang)
    specials = {}
    for chunk, tokens in sorted(tokenizer.rules.items()):
        orths = [token.get(ORTH, token.get("ORTH")) for token in tokens]
        if "".join(orths) != chunk:
            raise ValueError(f"{lang}: the special case {chunk!r} is not its tokens joined")
        specials[chunk] = orths
    # The language's like_num, spaCy's own where the language has none: digits, fractions and
    # the module's number words.
    like_num = spacy.blank(lang).Defaults.lex_attr_getters.get(LIKE_NUM, base_like_num)
    number_words = getattr(sys.modules[like_num.__module__], "_num_words", ())
    return {
        "spacy_version": spacy.__version__,
        "prefix": _pattern(tokenizer.prefix_search),
        "suffix": _pattern(tokenizer.suffix_search),
        "infix": _pattern(tokenizer.infix_finditer),
        "token_match": _pattern(tokenizer.token_match),
        "url_match": _pattern(tokenizer.url_match),
        "faster_heuristics": bool(tokenizer.faster_heuristics),
        "special_cases": specials,
        "number_words": sorted(number_words),
    }


def main() -> None:
    for lang in LANGUAGES:
        path = DATA / rules_file(lang)
        text = json.dumps(rules(lang), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"updated {path}")


if __name__ == "__main__":
    main()
