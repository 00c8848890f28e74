# One entry point for everything; `make serve` and `make test` set up a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Python's bytecode for the package, written once rather than compiled on every run (pip compiles what it
# installs, but an editable install is not compiled, and PYTHONDONTWRITEBYTECODE stops Python writing it).
BYTECODE = $(PY) -m compileall -q build_docs

.PHONY: install build check serve serve-dirty site offline screenshots zensical test fuzz golden bench train-names lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	$(BYTECODE)
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(PY) -m build_docs build

check: $(STAMP)
	$(PY) -m build_docs check

serve: build
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

# The quick edit loop on a large corpus: MkDocs renders only the pages build_docs changed.
# Every page is right; the search index holds only the pages rendered since start (tests/test_dirty.py).
serve-dirty: build
	$(VENV)/bin/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# The published site: the pages, and the offline copy (below) that its Data page links to.
site: offline
	$(VENV)/bin/mkdocs build --strict -f mkdocs-publish.yml
	cp site-offline.zip site/

# A copy to read from disk (file://), search included, zipped: site-offline/ and site-offline.zip.
offline: build
	$(VENV)/bin/mkdocs build --strict -f mkdocs-offline.yml
	rm -f site-offline.zip
	$(PY) -m zipfile -c site-offline.zip site-offline/

# Desktop (1280 px) and phone (390 px) screenshots of each page type, for the README.
screenshots: build
	$(VENV)/bin/mkdocs build --strict
	$(PY) -m tests.screenshots site screenshots

# Zensical (Material's successor) renders the committed docs/ (it ignores the hook) into
# site-zensical/, and the check compares pages, anchors and citation tags with MkDocs' site.
$(VENV)/.zensical: $(STAMP)
	$(PY) -m pip install --quiet -e '.[zensical]'
	touch $@

zensical: $(VENV)/.zensical
	$(PY) benchmarks/zensical_check.py --keep site-zensical

test: $(STAMP)
	$(PY) -m pytest

# The property-based tests with a larger budget than CI's: 1,000 random examples per test.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_fuzz_readers.py -p no:cacheprovider

golden: $(STAMP)
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_golden.py

bench: $(STAMP)
	$(BYTECODE)
	$(PY) benchmarks/bench.py --readme
	$(PY) benchmarks/matcher_bench.py --readme
	$(PY) benchmarks/timebank_eval.py --readme
	$(PY) benchmarks/startup.py --readme
	$(PY) benchmarks/scaling.py --readme
	$(PY) benchmarks/ocr_eval.py --half held --readme
	$(PY) benchmarks/names_eval.py --speed-only --readme

# The name tagger's weights (build_docs/data/discover/names.crfsuite), trained on the tune half of
# ../shared/corpora/gum-entities; deterministic: the same data gives the same bytes.
train-names: $(STAMP)
	$(PY) benchmarks/train_names.py

lint: $(STAMP)
	$(VENV)/bin/ruff check build_docs tests benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf site site-offline site-offline.zip site-zensical .pytest_cache
