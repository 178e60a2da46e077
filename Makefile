# Two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RAY_STAMP := $(VENV)/.installed-ray

.PHONY: demo test lint format clean train screenshot

$(STAMP): requirements.lock pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The optional Ray engine (eventwire[ray]): the tests need it, the demo does not.
$(RAY_STAMP): requirements-ray.lock $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-ray.lock
	touch $(RAY_STAMP)

demo: $(STAMP)
	$(BIN)/eventwire code examples/
	$(BIN)/eventwire ingest examples/ --db eventwire.duckdb
	@echo "next: $(BIN)/eventwire serve   (then open http://127.0.0.1:8000/)"

test: $(STAMP) $(RAY_STAMP)
	$(BIN)/python -m pytest

# Retake docs/serve-overview.png (the README's picture) in the browser test.
screenshot: $(STAMP)
	EVENTWIRE_SCREENSHOT=1 $(BIN)/python -m pytest tests/web/test_web_pages.py -k overview -q

train: $(STAMP)
	$(BIN)/python training/build_corpus.py
	$(BIN)/eventwire train --corpus training/corpus.jsonl

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

clean:
	rm -rf $(VENV) build src/*.egg-info
