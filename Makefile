# The Makefile mirrors what a person does: set up, digitize, test, lint, benchmark.
# A fresh machine needs only Python 3.11; the virtual environment is created on first use and filled
# from the hashed locks in requirements/ (run.txt for running, dev.txt adds the test and lint tools),
# installed by a pinned, hash-checked pip (pip.txt) so that the pip a venv brings never reads the locks.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PIP_LOCK  := requirements/pip.txt
RUN_LOCK  := requirements/run.txt
DEV_LOCK  := requirements/dev.txt
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PIP_STAMP := $(VENV)/.installed-pip
# uv resolves the locks and the lowest-versions environment; only `make lock` and `make lowest` use it.
UV_VERSION := 0.13.9
UV     := $(BIN)/uv
LOWEST := .venv-lowest
# Extra flags for `make lock`, e.g. LOCK_FLAGS=--upgrade to move every pin to the newest allowed.
LOCK_FLAGS ?=
COMPILE = $(UV) pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11 \
	--python-platform linux --custom-compile-command "make lock" $(LOCK_FLAGS)

.PHONY: setup system-packages run check test lint bench fuzz compare-tables docs lock lowest mutate clean

setup: $(DEV_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The pip that a venv brings is whatever its Python release bundled, and an old one misreads a hashed
# lock once the index moves on (an extra asked for by a dependency becomes an unpinned requirement).
# So the first thing installed is the pinned pip, checked against its hash by the bundled one.
$(PIP_STAMP): $(PIP_LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(PIP_LOCK)
	touch $@

# Installs exactly the locked versions (pip checks every hash); the project itself without deps.
$(RUN_STAMP): pyproject.toml $(RUN_LOCK) $(PIP_STAMP)
	$(PYTHON) tools/lock_fingerprint.py check $(RUN_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(RUN_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(DEV_STAMP): pyproject.toml $(DEV_LOCK) $(PIP_STAMP)
	$(PYTHON) tools/lock_fingerprint.py check $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Tesseract (OCR of scans) and Chromium (the audit report's browser test) come from Debian: installed
# when missing and possible (root with apt-get), else the exact command is printed; without them only
# the features that need them are unavailable.
system-packages:
	@bash tools/system-packages.sh

run: $(RUN_STAMP) system-packages
	$(BIN)/kompass run corpus/ --out output/

# The test lanes (markers declared in pyproject.toml). `make check`: lint and the fast tests, for the
# edit-test loop. `make test`: lint and every test, as CI runs it. Both spread the tests over every
# core (pytest-xdist); `--dist loadgroup` keeps the tests that share one scan's OCR on one worker.
# PYTEST_ARGS adds options, e.g. PYTEST_ARGS="--durations=20".
FAST := not browser and not ocr and not slow
PYTEST := $(BIN)/python -m pytest -q -n auto --dist loadgroup
PYTEST_ARGS ?=

check: lint
	$(PYTEST) -m "$(FAST)" $(PYTEST_ARGS)

test: lint system-packages
	$(PYTEST) $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check pipeline extractors tests bench tools
	$(BIN)/mypy

bench: $(RUN_STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# The layout fuzzer: N reports drawn from independent layout traits, starting at SEED, rendered by
# ReportLab, Chromium and LibreOffice, exported or scanned, digitized and scored (see README, Fuzzing).
SEED ?= 1
N ?= 10
fuzz: $(DEV_STAMP) system-packages
	nice $(BIN)/python -m tests.fuzz --seed $(SEED) -n $(N) --out output/fuzz

# kompass's table reading against pdfplumber's table finder, camelot (lattice, stream) and img2table
# (scans) on the same fuzz documents (tests/fuzz/compare.py). The libraries live in a venv of their own,
# from their own hashed lock, since they are measured, never used.
COMPARE := .venv-compare
PDFS ?= 30
SCANS ?= 6
COMPARE_SEED ?= 6000
$(COMPARE)/.installed: requirements/compare.txt $(PIP_LOCK)
	$(PYTHON) -m venv $(COMPARE)
	$(COMPARE)/bin/python -m pip install --quiet --require-hashes --no-deps -r $(PIP_LOCK)
	$(COMPARE)/bin/python -m pip install --quiet --require-hashes -r requirements/compare.txt
	touch $@

compare-tables: $(DEV_STAMP) $(COMPARE)/.installed system-packages
	nice $(BIN)/python -m tests.fuzz.compare --seed $(COMPARE_SEED) --pdfs $(PDFS) --scans $(SCANS) \
		--libraries-python $(COMPARE)/bin/python --out output/fuzz-compare

$(UV): $(PIP_STAMP)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)

# Re-resolve the locks after a change to the dependencies in pyproject.toml. Pins that still satisfy
# pyproject.toml are kept; LOCK_FLAGS=--upgrade moves them all to the newest allowed versions.
# dev.txt is resolved first and run.txt within it, so both pin the same versions.
lock: $(UV)
	$(UV) pip compile requirements/pip.in --quiet --generate-hashes --python-version 3.11 \
		--python-platform linux --custom-compile-command "make lock" -o $(PIP_LOCK)
	$(COMPILE) --extra dev -o $(DEV_LOCK)
	$(COMPILE) --constraint $(DEV_LOCK) -o $(RUN_LOCK)
	$(UV) pip compile requirements/compare.in --quiet --generate-hashes --python-version 3.11 \
		--python-platform linux --custom-compile-command "make lock" -o requirements/compare.txt
	fingerprint=$$($(PYTHON) tools/lock_fingerprint.py) && \
		sed -i "1i # dependencies-fingerprint: $$fingerprint" $(DEV_LOCK) $(RUN_LOCK)

# The tests against the lowest versions pyproject.toml allows for each direct dependency (not in CI).
lowest: $(UV)
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(UV) pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct -e '.[dev]'
	$(UV) pip freeze --python $(LOWEST)/bin/python | grep -iE "^($$($(PYTHON) tools/lock_fingerprint.py direct))=="
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider

# Regenerate the generated blocks of docs/tables.md (the columns) and docs/rules.md (the rules)
# from their declarations.
docs: $(DEV_STAMP)
	$(BIN)/python tools/update_docs.py

# Mutation testing of the rules and the table builders against their fast tests (configured in
# pyproject.toml, [tool.mutmut]). Not part of `make test`: about 20 minutes on two cores. Results stay
# in mutants/; `$(BIN)/mutmut show <name>` shows one surviving mutant.
mutate: $(DEV_STAMP)
	$(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) $(LOWEST) $(COMPARE) mutants output/*.csv output/*.parquet
