"""The layout fuzzer: Kommunkompassen reports drawn from independent layout traits, rendered by several
engines, exported and scanned the ways people do, digitized by kompass and scored against their facts.

`python -m tests.fuzz --seed 1 -n 30` (or `make fuzz SEED=1 N=30`) prints the figures.
"""
