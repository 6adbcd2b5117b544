"""`python -m tests.fuzz --seed S -n N [--out DIR]`: generate, digitize, score and print the figures."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from tests.fuzz.figures import figures, misses
from tests.fuzz.run import digitize_and_score, document_seeds, generate
from tests.fuzz.traits import channel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-n", type=int, default=10, help="number of documents (seeds SEED … SEED+N-1)")
    parser.add_argument("--out", type=Path, default=Path("output/fuzz"), help="inputs and misses.tsv go here")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--list", type=int, default=40, help="misses printed (all are in misses.tsv)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    seeds = document_seeds(args.seed, args.n)
    made = generate(seeds, args.out / "inputs")
    for doc, _path, error in made:
        print(
            f"seed {doc.seed}: edition {doc.traits['edition']}, {channel(doc.traits)}"
            f"{', failed to render: ' + error if error else ''}"
        )
    results = digitize_and_score(made, workers=args.workers)
    print()
    print("\n".join(figures(results)))
    listed = misses(results)
    (args.out / "misses.tsv").write_text("\n".join(listed) + "\n", encoding="utf-8")
    print(f"\n{len(listed) - 1} facts not exact (all in {args.out / 'misses.tsv'}); the first {args.list}:")
    print("\n".join(listed[: args.list + 1]))
    print("\nreproduce one document: python -m tests.fuzz --seed SEED -n 1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
