"""Marks a scan's specks add to text where no printed text has them.

OCR reads a speck of dust or toner beside a word as a mark: a full stop between two words ("av.
verksamhet"), a hyphen where a space was ("styrmodell-med"), a dash glued to a line's first word
("-Synpunktshantering"), a quote before a word ('5 "poäng'). A person reading the page passes over
them; so do the readers of list items and score claims, each keeping what OCR read beside what
they take, so that a finding can show both.
"""

from __future__ import annotations

import regex

# Words after which a mark read from a speck stands out: prepositions and conjunctions, which no
# compound takes as a part and no colon announces.
_JOINING = (
    r"(?:och|samt|eller|med|av|för|på|till|om|från|vid|mellan|mot|genom|inom|under|hos|utan|efter|"
    r"kring|som|att)"
)
# Abbreviations printed with a full stop before a word in lower case ("ca. hälften", "dvs. alla");
# those with stops inside ("t.ex.", "bl.a.") are no word of letters before their last stop.
ABBREVIATIONS = frozenset((
    "ca", "cirka", "dvs", "resp", "inkl", "exkl", "osv", "etc", "jfr", "enl", "ev", "fr", "kap", "nr",
    "st", "tel", "mm", "ff", "vs",
))  # fmt: skip
# A full stop or semicolon between two words of an item, the second in lower case ("av.
# verksamhet", "andra. kommuner"), a colon before a preposition or conjunction ("arbete: med"), or
# after one ("i: nätverk"), which waits for its phrase.
STOP_INSIDE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.])(?P<word>\p{{L}}{{2,}})(?P<mark>[.;](?=\s+\p{{Ll}})|:(?=\s+{_JOINING}\b))"
    rf"|(?<![\p{{L}}\p{{N}}.])(?P<word>(?i:{_JOINING}|i))(?P<mark>:)(?=\s+\p{{L}})"
)
# A hyphen joining a word to a preposition or conjunction ("styrmodell-med", "med-andra",
# "uppföljningen-av"): a speck between two words read as a hyphen, the space lost with it.
HYPHEN_JOINING = regex.compile(
    rf"(?<=\p{{L}})-(?={_JOINING}\b)|(?<![\p{{L}}-]){_JOINING}\K-(?=\p{{L}})", regex.IGNORECASE
)
# A mark glued to an item's first letter ("-Synpunktshantering", ".Tydlig"): no bullet takes it
# (a dash bullet stands a space before its item), and no item opens with it.
MARK_FIRST = regex.compile(r"^[-–—.,:;*](?=\p{L})")
# A mark between two words of an item, glued to one and a space from the other, where no printed
# item has one: a hyphen before a word in lower case ("Jämföra -resultat"; a compound's hyphen
# stands after its first part, "medborgar- och"), an apostrophe after a word before one in lower
# case ("samverkan' kring"), where the item quotes nothing.
MARK_BETWEEN = regex.compile(r"(?<=\p{L}\s)-(?=\p{Ll})|(?<=\p{L})'(?=\s+\p{Ll})")

# Marks read as spaces when looking for a score claim (the sentence is kept as read): a mark glued
# between a word and the next word or number ("brukarorientering-uppnår-kommunen 78",
# "kommunen.63,5 poäng", "med.23 poäng"; a full stop only before a small letter or a digit, as a
# sentence's end lost its space before a capital), after a number before "poäng" ("57> poäng",
# "77,5-poäng") and glued before "poäng" ('5 "poäng'). A sign printed before a number after a
# space ("med -7 poäng") is none of them.
CLAIM_SPECKS = regex.compile(
    r"(?<=\p{L})(?:[-:;\"'<>«»]+(?=[\p{L}\d])|\.(?=[\p{Ll}\d]))"
    r"|(?<=\d)[-:;\"'<>«»]+(?=\s*[Pp]oäng)"
    r"|(?<=\s)[-.:;\"'<>«»]+(?=[Pp]oäng)"
)


def claim_text(text: str) -> str:
    """``text`` with the marks of :data:`CLAIM_SPECKS` as spaces, every other character where it was."""
    return CLAIM_SPECKS.sub(lambda match: " " * len(match.group()), text)


def item_text(text: str) -> str:
    """A list item's text without the marks a speck adds (see :func:`item_marks`): a stop or colon
    left out, a hyphen read as the space it stands for, a mark before the first word left out."""
    text = STOP_INSIDE.sub(
        lambda stop: stop.group() if stop["word"].lower() in ABBREVIATIONS else stop["word"], text
    )
    text = HYPHEN_JOINING.sub(" ", text)
    if not _quotes(text):
        text = MARK_BETWEEN.sub("", text)
    return MARK_FIRST.sub("", text)


def _quotes(text: str) -> bool:
    """Whether ``text`` quotes something in apostrophes ('medborgarlöfte'): an opening one too."""
    return bool(regex.search(r"(?:^|\s)'\p{L}", text))


def item_marks(text: str) -> str:
    """What in a list item's text shows a mark read from a speck, described, or ``""``."""
    for stop in STOP_INSIDE.finditer(text):
        if stop["word"].lower() not in ABBREVIATIONS:
            return f"\"{stop['mark']}\" after \"{stop['word']}\""
    if (hyphen := HYPHEN_JOINING.search(text)) is not None:
        return f"a hyphen in \"{_word_at(text, hyphen.start())}\""
    if (first := MARK_FIRST.search(text)) is not None:
        return f"\"{first.group()}\" before its first word"
    if not _quotes(text) and (between := MARK_BETWEEN.search(text)) is not None:
        return f"\"{between.group()}\" in \"{_word_at(text, between.start())}\""
    return ""


def _word_at(text: str, index: int) -> str:
    """The word (run of characters without a space) of ``text`` holding ``index``."""
    start = text.rfind(" ", 0, index) + 1
    end = text.find(" ", index)
    return text[start : end if end >= 0 else len(text)]
