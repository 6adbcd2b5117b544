"""Two printed lines Tesseract read as one word: cut out and read again.

Reading a page as one block (``--psm 6``), Tesseract sometimes takes the two lines of a cell that
stand between the baselines of the lines beside it as one line, and the ink of both as one word
it hardly believes in: a summary header's "Enköping" over "2016" came back as "orena" (81 pixels
tall, 16% confidence, beside words 33 pixels tall) and the year was lost with the table; a score
row's "8.3. Kommunen" over "näringslivet." as "NR äritasllygk" (0%), and the row with them. Such a
word is at least :data:`FUSED_HEIGHT` times as tall as the words the page reads with confidence,
and read with less than :data:`FUSED_BELOW` confidence. Each run of them on a line is cut out of
the page (with a margin of :data:`FUSED_MARGIN` of a line's height) and all of a page's are read
in one more Tesseract run as blocks of lines. A reading is taken where it gives
the ink as two lines or more, every word read with at least :data:`FUSED_TAKEN` confidence: the
words then stand at their places on the page, after the page's blocks (a word lying over one the
page read on another line keeps the reading with more confidence); else the word stays as first
read. What is printed is read, never changed."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

# A fused word is this many times as tall as the page's confident words (two lines are about
# 2.2 times one; a word with ascenders and descenders about 1.5).
FUSED_HEIGHT = 1.8
FUSED_BELOW = 50.0
# Confident words, whose height is a line's: read with this much confidence or more.
CONFIDENT = 90.0
FUSED_MARGIN = 0.4
FUSED_TAKEN = 60.0
# A word of the second reading lying over a word of another line of the page by more than this
# share of the smaller box is the same ink read twice (the box read again reaches into the lines
# beside it).
HALF = 0.5
# Doubted words of one line closer than this (times a line's height) to a fused word are read
# again with it; the box read again reaches as far as the white beside it, up to FUSED_REACH.
FUSED_JOIN = 2.0
FUSED_REACH = 3.0
_WORD_LEVEL = 5

Box = tuple[int, int, int, int]
WordTable = dict[str, list[object]]


def _int(value: object) -> int:
    return int(str(value))


def _words(data: WordTable) -> list[int]:
    return [
        i for i, level in enumerate(data["level"]) if level == _WORD_LEVEL and str(data["text"][i]).strip()
    ]


def fused_runs(data: WordTable) -> list[tuple[list[int], Box]]:
    """The runs of fused words in Tesseract's word table ``data``: the indices of a run's words (a
    fused word and the doubted words beside it, under :data:`FUSED_BELOW` confidence, on its line),
    and the box to read again, in pixels (left, top, right, bottom): the run's height, as wide as
    the white beside it reaches (Tesseract's box of a fused word may stop short of its ink), up to
    :data:`FUSED_REACH` lines' heights."""
    words = _words(data)
    line = _line_height(data, words)
    if line is None:
        return []
    lines: dict[tuple[object, ...], list[int]] = {}
    for i in sorted(words, key=lambda i: _int(data["left"][i])):
        lines.setdefault(_key(data, i), []).append(i)
    runs: list[tuple[list[int], Box]] = []
    for on_line in lines.values():
        k = 0
        while k < len(on_line):
            if _doubted(data, on_line[k]) and _int(data["height"][on_line[k]]) >= FUSED_HEIGHT * line:
                first, last = _run_around(data, on_line, k, line)
                runs.append((on_line[first : last + 1], _run_box(data, on_line, first, last, line)))
                k = last
            k += 1
    return runs


def _doubted(data: WordTable, index: int) -> bool:
    return float(str(data["conf"][index])) < FUSED_BELOW


def _run_around(data: WordTable, on_line: list[int], k: int, line: float) -> tuple[int, int]:
    """The first and last place on its line of the run around the fused word at ``k``."""

    def joins(left: int, right: int) -> bool:
        return _gap(data, on_line[left], on_line[right]) < FUSED_JOIN * line

    first, last = k, k
    while first > 0 and _doubted(data, on_line[first - 1]) and joins(first - 1, first):
        first -= 1
    while last + 1 < len(on_line) and _doubted(data, on_line[last + 1]) and joins(last, last + 1):
        last += 1
    return first, last


def _run_box(data: WordTable, on_line: list[int], first: int, last: int, line: float) -> Box:
    run = on_line[first : last + 1]
    x0 = min(_int(data["left"][i]) for i in run)
    x1 = max(_right(data, i) for i in run)
    reach = FUSED_REACH * line
    before = _right(data, on_line[first - 1]) + 1 if first else x0 - reach
    after = _int(data["left"][on_line[last + 1]]) - 1 if last + 1 < len(on_line) else x1 + reach
    # The box holds the run's own ink even where a word beside it was read over it (boxes of one
    # line may overlap): the white is looked for outwards only.
    return (
        max(round(min(before, x0)), round(x0 - reach), 0),
        min(_int(data["top"][i]) for i in run),
        min(round(max(after, x1)), round(x1 + reach)),
        max(_int(data["top"][i]) + _int(data["height"][i]) for i in run),
    )


def _line_height(data: WordTable, words: list[int]) -> float | None:
    heights = [_int(data["height"][i]) for i in words if float(str(data["conf"][i])) >= CONFIDENT]
    return statistics.median(heights) if heights else None


def _key(data: WordTable, index: int) -> tuple[object, ...]:
    return (data["block_num"][index], data["par_num"][index], data["line_num"][index])


def reread_fused_lines(
    image: Image, data: WordTable, read_blocks: Callable[[list[Image]], list[WordTable]]
) -> tuple[WordTable, WordTable]:
    """The word table without the runs of fused words whose second reading is taken, and the words
    of those readings at their places on the page (see the module); ``read_blocks`` reads images
    in one Tesseract run as it reads a page, each image's words placed on the image."""
    runs = fused_runs(data)
    taken: WordTable = {key: [] for key in data}
    if not runs:
        return data, taken
    words = _words(data)
    margin = round(FUSED_MARGIN * (_line_height(data, words) or 0.0))
    crops = [image.crop((x0, y0 - margin, x1, y1 + margin)) for _, (x0, y0, x1, y1) in runs]
    texts = list(data["text"])
    for number, ((indices, box), read) in enumerate(zip(runs, read_blocks(crops), strict=True)):
        place = {"left": box[0], "top": box[1] - margin}
        found, replaced = _new_words(data, words, indices, box, read, place)
        if len({_key(read, i) for i in found}) < 2 or any(
            float(str(read["conf"][i])) < FUSED_TAKEN for i in found
        ):
            continue
        for index in [*indices, *replaced]:
            texts[index] = ""
        for i in found:
            for key in data:
                value = read.get(key, [""] * len(read["text"]))[i]
                if key in place:
                    value = _int(value) + place[key]
                elif key == "block_num":
                    value = number + 1
                taken[key].append(value)
    return {**data, "text": texts}, taken


def _new_words(
    data: WordTable, words: list[int], indices: list[int], box: Box, read: WordTable, place: dict[str, int]
) -> tuple[list[int], set[int]]:
    """The words of the second reading ``read`` (placed on the page at ``place``) that are new, and
    the words of the page on other lines that they replace (the same ink, read with less
    confidence); a word the page read with more confidence on another line is no new word.
    ``words`` are the indices of the page's words."""
    others = [i for i in words if i not in indices and _overlap(_box(data, i), box) > 0]
    found, replaced = [], set()
    for i in _words(read):
        new, confidence = _box(read, i, place["left"], place["top"]), float(str(read["conf"][i]))
        same = [
            o for o in others if _overlap(new, _box(data, o)) > HALF * min(_area(new), _area(_box(data, o)))
        ]
        if any(float(str(data["conf"][o])) >= confidence for o in same):
            continue
        found.append(i)
        replaced.update(same)
    return found, replaced


def _box(data: WordTable, index: int, dx: int = 0, dy: int = 0) -> Box:
    left, top = _int(data["left"][index]) + dx, _int(data["top"][index]) + dy
    return left, top, left + _int(data["width"][index]), top + _int(data["height"][index])


def _overlap(a: Box, b: Box) -> int:
    return max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))


def _area(box: Box) -> int:
    return (box[2] - box[0]) * (box[3] - box[1])


def _right(data: WordTable, index: int) -> int:
    return _int(data["left"][index]) + _int(data["width"][index])


def _gap(data: WordTable, left: int, right: int) -> int:
    return _int(data["left"][right]) - _right(data, left)
