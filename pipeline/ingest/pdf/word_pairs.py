"""A page's OCR'd words compared pair by pair as arrays: a question asked of each word about every
other word (another word on its line to its left, another word's box holding it) becomes a few
array comparisons of a block of words against all of them, instead of a Python loop over each of
the page's hundreds of thousands of pairs.

The comparisons are the same floating-point operations, in the same order, as the loops they
replace, so they give the same answers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.ingest.pdf.tesseract import OcrWord

# Words compared against all at a time: a block's comparison tables stay a few megabytes on a
# page of thousands of words.
BLOCK = 256


@dataclass(frozen=True)
class Boxes:
    """The boxes of words, one array per edge, and each word's identity (two equal words are
    still two words)."""

    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    size: np.ndarray
    identity: np.ndarray

    @classmethod
    def of(cls, words: Sequence[OcrWord]) -> Boxes:
        def edge(values: list[float]) -> np.ndarray:
            return np.array(values, dtype=np.float64)

        return cls(
            edge([word.x0 for word in words]), edge([word.x1 for word in words]),
            edge([word.top for word in words]), edge([word.bottom for word in words]),
            edge([word.size for word in words]), np.array([id(word) for word in words], dtype=np.int64),
        )  # fmt: skip

    def blocks(self) -> Iterator[tuple[slice, Boxes]]:
        """The words in blocks of :data:`BLOCK`, each block's boxes as a column, to be compared
        with these boxes as a row: a table of the block's words against every word."""
        for start in range(0, len(self.x0), BLOCK):
            rows = slice(start, start + BLOCK)
            yield rows, Boxes(
                self.x0[rows, None], self.x1[rows, None], self.top[rows, None], self.bottom[rows, None],
                self.size[rows, None], self.identity[rows, None],
            )  # fmt: skip

    def others(self, block: Boxes) -> np.ndarray:
        """The table of which word is another word than each of ``block``'s."""
        return self.identity != block.identity
