# The Makefile mirrors what a person does: set up, digitize, test, lint, benchmark.
# A fresh machine needs only Python 3.11; the virtual environment is created on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint bench readme clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kompass run corpus/ --out output/

test: lint
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check pipeline extractors tests bench tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench.py

# Regenerate the README's generated blocks (the rule table) from their declarations.
readme: $(STAMP)
	$(BIN)/python tools/update_readme.py

clean:
	rm -rf $(VENV) output/*.csv output/*.parquet
