# One entry point for everything; `make serve` and `make test` set up a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: install build check serve site test golden bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(PY) -m build_docs build

check: $(STAMP)
	$(PY) -m build_docs check

serve: build
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

site: build
	$(VENV)/bin/mkdocs build --strict

test: $(STAMP)
	$(PY) -m pytest

golden: $(STAMP)
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_golden.py

bench: $(STAMP)
	$(PY) benchmarks/bench.py --readme
	$(PY) benchmarks/matcher_bench.py --readme
	$(PY) benchmarks/timebank_eval.py --readme
	$(PY) benchmarks/startup.py --readme

lint: $(STAMP)
	$(VENV)/bin/ruff check build_docs tests benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf site .pytest_cache
